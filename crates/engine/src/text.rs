//! The pasted text: decoding, line numbers, and normalization of the blocks the
//! recognizers read.
//!
//! Pastes arrive in every shape: CRLF, a whole stack on one line with literal
//! `\n`, JSON-escaped or double-escaped strings, Terraform `│` boxes, full-width
//! punctuation from localized pages. Recognizers read a *normalized* copy of
//! each interesting block, and every normalized position maps back to a byte
//! offset in the original, so evidence is always shown where the user pasted it.

use std::borrow::Cow;

/// A byte range in the original (decoded) input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Decodes any bytes: invalid UTF-8 becomes U+FFFD rather than an error.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    // The strict check has a fast ASCII path; the lossy one is only for bad input.
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Line starts of the original text, for turning byte offsets into line numbers.
#[derive(Clone, Debug)]
pub struct Lines {
    starts: Vec<usize>,
    len: usize,
}

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = Vec::with_capacity(text.len() / 64 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Lines { starts, len: text.len() }
    }
    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset.min(self.len)) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }
    pub fn count(&self) -> usize {
        self.starts.len()
    }
    /// Byte range of a 1-based line, without its newline.
    pub fn range(&self, line: usize) -> Span {
        let i = line.saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[i];
        let end = self.starts.get(i + 1).map(|s| s.saturating_sub(1)).unwrap_or(self.len);
        Span::new(start, end)
    }
}

/// A normalized copy of part of the input, with a map back to original offsets.
#[derive(Clone, Debug, Default)]
pub struct Block {
    pub text: String,
    /// `(normalized offset, original offset)` at every point where the two
    /// stop moving together; sorted by the first field.
    map: Vec<(usize, usize)>,
    /// Original end offset, to clamp spans.
    orig_end: usize,
}

impl Block {
    /// Original byte offset of a normalized offset.
    pub fn orig(&self, pos: usize) -> usize {
        let i = match self.map.binary_search_by(|(n, _)| n.cmp(&pos)) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        };
        match self.map.get(i) {
            Some(&(n, o)) => (o + pos.saturating_sub(n)).min(self.orig_end),
            None => pos,
        }
    }
    /// Original span of a normalized range. The end maps to where the next
    /// normalized character starts, so a replaced sequence (`\"` → `"`) is
    /// covered whole and the escape after a range is not.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.orig(start);
        let e = if end >= self.text.len() { self.orig_end } else { self.orig(end) };
        Span::new(s, e.max(s))
    }
}

struct Builder {
    text: String,
    map: Vec<(usize, usize)>,
}

impl Builder {
    /// Appends original text that maps one to one.
    fn copy(&mut self, s: &str, orig: usize) {
        if s.is_empty() {
            return;
        }
        self.mark(orig);
        self.text.push_str(s);
    }
    /// Appends a replacement for the original text starting at `orig`.
    fn replace(&mut self, s: &str, orig: usize) {
        self.map.push((self.text.len(), orig));
        self.text.push_str(s);
    }
    fn mark(&mut self, orig: usize) {
        let n = self.text.len();
        if let Some(&(ln, lo)) = self.map.last() {
            if lo + (n - ln) == orig {
                return;
            }
        }
        self.map.push((n, orig));
    }
}

/// Normalizes `text[range]` (which starts at original offset `range.start`).
pub fn normalize(text: &str, range: Span) -> Block {
    let src = &text[range.start..range.end];
    let mut b = Builder { text: String::with_capacity(src.len()), map: Vec::new() };
    let mut line_start = 0;
    while line_start < src.len() {
        let line_end =
            memchr::memchr(b'\n', &src.as_bytes()[line_start..]).map(|i| line_start + i).unwrap_or(src.len());
        let line = &src[line_start..line_end];
        normalize_line(&mut b, line, range.start + line_start);
        if line_end < src.len() {
            b.copy("\n", range.start + line_end);
        }
        line_start = line_end + 1;
    }
    Block { text: b.text, map: b.map, orig_end: range.end }
}

/// Whether a line carries escaped text (`\n`, `\"`) that should be unescaped.
fn is_escaped(line: &str) -> bool {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'\\', bytes).any(|i| {
        let mut j = i;
        while j < bytes.len() && bytes[j] == b'\\' {
            j += 1;
        }
        matches!(bytes.get(j), Some(b'n') | Some(b'"'))
    })
}

fn normalize_line(b: &mut Builder, line: &str, orig: usize) {
    let escaped = is_escaped(line);
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut plain = 0; // start of the pending run copied verbatim
    while i < bytes.len() {
        let c = bytes[i];
        let (repl, consumed): (&str, usize) = match c {
            // CR before the line's LF vanishes; a lone CR (old Mac) ends a line.
            b'\r' if i + 1 == bytes.len() => ("", 1),
            b'\r' => ("\n", 1),
            b'\\' if escaped => {
                let mut j = i;
                while j < bytes.len() && bytes[j] == b'\\' {
                    j += 1;
                }
                match bytes.get(j) {
                    Some(b'n') => {
                        // `\r\n` escaped: drop the `\r` part already emitted below.
                        ("\n", j + 1 - i)
                    }
                    Some(b'r') => {
                        // An escaped `\r` before an escaped `\n` vanishes; alone it is a newline.
                        let mut k = j + 1;
                        while k < bytes.len() && bytes[k] == b'\\' {
                            k += 1;
                        }
                        if k > j + 1 && bytes.get(k) == Some(&b'n') {
                            ("", j + 1 - i)
                        } else {
                            ("\n", j + 1 - i)
                        }
                    }
                    Some(b't') => ("\t", j + 1 - i),
                    Some(b'"') => ("\"", j + 1 - i),
                    Some(b'/') => ("/", j + 1 - i),
                    Some(b'u') => match decode_u_escape(&bytes[j + 1..]) {
                        Some(ch) => {
                            flush(b, line, plain, i, orig);
                            let mut tmp = [0u8; 4];
                            b.replace(ch.encode_utf8(&mut tmp), orig + i);
                            i = j + 5;
                            plain = i;
                            continue;
                        }
                        None => ("", 0),
                    },
                    // A run of backslashes before anything else is a path or a literal.
                    _ => ("", 0),
                }
            }
            b'&' => match html_entity(&bytes[i..]) {
                Some((s, n)) => (s, n),
                None => ("", 0),
            },
            0xE2 | 0xEF | 0xC2 | 0xE3 => match special_char(&line[i..]) {
                Some((s, n)) => (s, n),
                None => ("", 0),
            },
            _ => ("", 0),
        };
        if consumed == 0 {
            i += 1;
            continue;
        }
        flush(b, line, plain, i, orig);
        b.replace(repl, orig + i);
        i += consumed;
        plain = i;
    }
    flush(b, line, plain, bytes.len(), orig);
}

fn flush(b: &mut Builder, line: &str, from: usize, to: usize, orig: usize) {
    if to > from {
        b.copy(&line[from..to], orig + from);
    }
}

fn decode_u_escape(rest: &[u8]) -> Option<char> {
    let hex = rest.get(..4)?;
    let s = std::str::from_utf8(hex).ok()?;
    let v = u32::from_str_radix(s, 16).ok()?;
    char::from_u32(v).filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
}

fn html_entity(s: &[u8]) -> Option<(&'static str, usize)> {
    const ENTITIES: &[(&str, &str)] = &[
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#34;", "\""),
        ("&#39;", "'"),
        ("&apos;", "'"),
        ("&amp;", "&"),
        ("&nbsp;", " "),
    ];
    ENTITIES.iter().find(|(e, _)| s.starts_with(e.as_bytes())).map(|(e, r)| (*r, e.len()))
}

/// Box drawing, full-width punctuation, non-breaking and zero-width spaces.
fn special_char(s: &str) -> Option<(&'static str, usize)> {
    let ch = s.chars().next()?;
    let r = match ch {
        // Terraform draws its diagnostics in a box; when flattened onto one line
        // the bars are the only line separators left.
        '│' | '┃' | '╷' | '╵' | '║' => "\n",
        '：' => ":",
        '；' => ";",
        '（' => "(",
        '）' => ")",
        '，' => ",",
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{3000}' => " ",
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' | '\u{2060}' => "",
        '‘' | '’' => "'",
        '“' | '”' => "\"",
        _ => return None,
    };
    Some((r, ch.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        normalize(s, Span::new(0, s.len())).text
    }

    #[test]
    fn literal_newlines_and_quotes() {
        assert_eq!(
            norm(r#"<?xml version=\"1.0\"?>\n<Error>\n  <Code>X</Code>"#),
            "<?xml version=\"1.0\"?>\n<Error>\n  <Code>X</Code>"
        );
        assert_eq!(norm(r#"a\\nb\\\"c"#), "a\nb\"c");
        assert_eq!(norm("a\r\nb\rc"), "a\nb\nc");
    }

    #[test]
    fn windows_paths_are_left_alone() {
        let s = r"at Foo() in E:\Jenkins\v3-stage\sdk\src\Core\Amazon.Runtime\x.cs:line 404";
        assert_eq!(norm(s), s);
    }

    #[test]
    fn terraform_bars_split_lines() {
        assert_eq!(
            norm("invalid. │ status code: 403, request id│ │ with"),
            "invalid. \n status code: 403, request id\n \n with"
        );
    }

    #[test]
    fn offsets_map_back() {
        let s = r#"ab\"cd\nef"#;
        let blk = normalize(s, Span::new(0, s.len()));
        assert_eq!(blk.text, "ab\"cd\nef");
        let e = blk.text.find("ef").unwrap();
        assert_eq!(&s[blk.orig(e)..], "ef");
        let q = blk.text.find('"').unwrap();
        assert_eq!(blk.span(q, q + 1), Span::new(2, 4));
        let c = blk.text.find("cd").unwrap();
        assert_eq!(&s[blk.orig(c)..blk.orig(c) + 2], "cd");
    }

    #[test]
    fn fullwidth_punctuation() {
        let s = "錯誤代碼：ExpiredToken；請求 ID：abc";
        let blk = normalize(s, Span::new(0, s.len()));
        assert_eq!(blk.text, "錯誤代碼:ExpiredToken;請求 ID:abc");
        let p = blk.text.find("abc").unwrap();
        assert_eq!(&s[blk.orig(p)..], "abc");
    }

    #[test]
    fn line_numbers() {
        let l = Lines::new("a\nbb\n\nc");
        assert_eq!(l.line_of(0), 1);
        assert_eq!(l.line_of(2), 2);
        assert_eq!(l.line_of(5), 3);
        assert_eq!(l.line_of(6), 4);
        assert_eq!(l.range(2), Span::new(2, 4));
    }
}
