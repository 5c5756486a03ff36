//! A small Aho-Corasick automaton: finds every occurrence of a fixed set of
//! literals in one pass, one table lookup per byte.
//!
//! The engine searches the same tables (prefilter triggers, error codes,
//! message stems) over every block. A `memmem` per pattern would rescan the
//! text dozens of times, and wasm has no SIMD to hide that; one automaton per
//! table, built once, costs the same on both targets and needs no dependency.

use std::sync::OnceLock;

const ALPHABET: usize = 256;
/// High bit of a transition: the target state ends at least one pattern.
const MATCH: u32 = 1 << 31;

/// A compiled set of patterns.
pub struct Ac {
    /// Byte → class: bytes that no pattern tells apart share a class, which
    /// keeps the table small (tens of columns instead of 256).
    classes: [u16; ALPHABET],
    stride: usize,
    /// `next[state * stride + class]`: the full DFA (failure links folded in).
    next: Vec<u32>,
    /// Patterns ending at each state (including those reached by failure links).
    out: Vec<Vec<u16>>,
    lens: Vec<usize>,
}

/// One occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub pattern: usize,
    pub start: usize,
    pub end: usize,
}

fn fold(b: u8, on: bool) -> u8 {
    if on {
        b.to_ascii_lowercase()
    } else {
        b
    }
}

impl Ac {
    /// Builds the automaton; with `fold_case`, ASCII letters match either case.
    pub fn new(patterns: &[&str], fold_case: bool) -> Ac {
        // Byte classes: one per byte used by a pattern, one for all others.
        let mut classes = [0u16; ALPHABET];
        let mut stride = 1usize;
        for p in patterns {
            for &b in p.as_bytes() {
                let b = fold(b, fold_case);
                if classes[b as usize] == 0 {
                    classes[b as usize] = stride as u16;
                    stride += 1;
                }
            }
        }
        if fold_case {
            for b in b'A'..=b'Z' {
                classes[b as usize] = classes[b.to_ascii_lowercase() as usize];
            }
        }
        // Trie over classes; `NONE` marks a missing edge until the DFA pass.
        const NONE: u32 = u32::MAX;
        let mut next: Vec<u32> = vec![NONE; stride];
        let mut out: Vec<Vec<u16>> = vec![Vec::new()];
        for (i, p) in patterns.iter().enumerate() {
            let mut s = 0usize;
            for &b in p.as_bytes() {
                let c = classes[b as usize] as usize;
                if next[s * stride + c] == NONE {
                    next[s * stride + c] = out.len() as u32;
                    next.extend(std::iter::repeat_n(NONE, stride));
                    out.push(Vec::new());
                }
                s = next[s * stride + c] as usize;
            }
            if !p.is_empty() {
                out[s].push(i as u16);
            }
        }
        // Breadth-first: failure links, folded into a complete DFA.
        let n = out.len();
        let mut fail = vec![0u32; n];
        let mut queue = std::collections::VecDeque::new();
        for t in next.iter_mut().take(stride) {
            match *t {
                NONE => *t = 0,
                child => queue.push_back(child as usize),
            }
        }
        while let Some(s) = queue.pop_front() {
            let f = fail[s] as usize;
            if !out[f].is_empty() {
                let inherited = out[f].clone();
                out[s].extend(inherited);
            }
            for c in 0..stride {
                let t = next[s * stride + c];
                if t == NONE {
                    next[s * stride + c] = next[f * stride + c];
                } else {
                    fail[t as usize] = next[f * stride + c];
                    queue.push_back(t as usize);
                }
            }
        }
        // Flag transitions into states that end a pattern, so the scan loop
        // touches `out` only on a match.
        for t in next.iter_mut() {
            if !out[*t as usize].is_empty() {
                *t |= MATCH;
            }
        }
        Ac { classes, stride, next, out, lens: patterns.iter().map(|p| p.len()).collect() }
    }

    /// Calls `f` for every occurrence, overlapping ones included, in order of their end.
    #[inline]
    pub fn for_each(&self, text: &[u8], mut f: impl FnMut(Hit)) {
        let mut state = 0usize;
        for (i, &c) in text.iter().enumerate() {
            let t = self.next[state * self.stride + self.classes[c as usize] as usize];
            state = (t & !MATCH) as usize;
            if t & MATCH != 0 {
                for &p in &self.out[state] {
                    let end = i + 1;
                    f(Hit { pattern: p as usize, start: end - self.lens[p as usize], end });
                }
            }
        }
    }

    /// Every occurrence, overlapping ones included, in order of their end.
    pub fn find_iter(&self, text: &[u8]) -> impl Iterator<Item = Hit> {
        let mut v = Vec::new();
        self.for_each(text, |h| v.push(h));
        v.into_iter()
    }

    /// Whether any pattern occurs in `text`.
    pub fn is_match(&self, text: &[u8]) -> bool {
        self.find_from(text, 0).is_some()
    }

    /// Offset of the end of the first occurrence at or after `from`.
    pub fn find_from(&self, text: &[u8], from: usize) -> Option<Hit> {
        let mut state = 0usize;
        for (i, &c) in text.iter().enumerate().skip(from) {
            let t = self.next[state * self.stride + self.classes[c as usize] as usize];
            state = (t & !MATCH) as usize;
            if t & MATCH != 0 {
                let p = self.out[state][0];
                let end = i + 1;
                return Some(Hit { pattern: p as usize, start: end - self.lens[p as usize], end });
            }
        }
        None
    }
}

/// An automaton built on first use (tables are `const`, automata are not).
pub struct Lazy {
    cell: OnceLock<Ac>,
    build: fn() -> Ac,
}

impl Lazy {
    pub const fn new(build: fn() -> Ac) -> Lazy {
        Lazy { cell: OnceLock::new(), build }
    }
    pub fn get(&self) -> &Ac {
        self.cell.get_or_init(self.build)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(patterns: &[&str], text: &str, fold: bool) -> Vec<(usize, usize)> {
        let t = if fold { text.to_ascii_lowercase() } else { text.to_string() };
        let mut v = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            let p = if fold { p.to_ascii_lowercase() } else { p.to_string() };
            if p.is_empty() {
                continue;
            }
            let mut from = 0;
            while let Some(j) = t[from..].find(&p) {
                v.push((i, from + j));
                from += j + 1;
                while !t.is_char_boundary(from) {
                    from += 1;
                }
            }
        }
        v.sort();
        v
    }

    #[test]
    fn agrees_with_naive_search() {
        let pats = ["he", "she", "his", "hers", "ExpiredToken", "ExpiredTokenException", "xpir", "過期", "a"];
        let texts = [
            "ushers and his hers",
            "ExpiredTokenException: ExpiredToken xpir",
            "EXPIREDTOKEN expiredtoken",
            "已過期 and 過期",
            "",
            "aaaa",
        ];
        for fold in [false, true] {
            let ac = Ac::new(&pats, fold);
            for t in texts {
                let mut got: Vec<(usize, usize)> = ac.find_iter(t.as_bytes()).map(|h| (h.pattern, h.start)).collect();
                got.sort();
                assert_eq!(got, naive(&pats, t, fold), "{t:?} fold={fold}");
            }
        }
    }

    #[test]
    fn first_match_from() {
        let ac = Ac::new(&["token", "xpir"], false);
        let h = ac.find_from(b"the token expired", 0).unwrap();
        assert_eq!((h.pattern, h.start, h.end), (0, 4, 9));
        let h = ac.find_from(b"the token expired", 9).unwrap();
        assert_eq!((h.pattern, h.start), (1, 11));
        assert!(ac.find_from(b"nothing", 0).is_none());
    }
}
