//! Small scanning helpers shared by the recognizers.

/// Iterates the lines of `text` as `(start offset, line)`, without newlines.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut pos = 0;
    let mut done = text.is_empty();
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let rest = &text[pos..];
        match memchr::memchr(b'\n', rest.as_bytes()) {
            Some(e) => {
                let item = (pos, &rest[..e]);
                pos += e + 1;
                done = pos >= text.len();
                Some(item)
            }
            None => {
                done = true;
                Some((pos, rest))
            }
        }
    })
}

/// All ASCII case-insensitive occurrences of a lower-case `needle` in a
/// lower-cased copy of the haystack.
pub fn find_all(lower_hay: &str, needle: &str) -> Vec<usize> {
    memchr::memmem::find_iter(lower_hay.as_bytes(), needle.as_bytes()).collect()
}

/// Whether the byte before `at` ends a word (so a match at `at` starts one).
pub fn starts_word(s: &str, at: usize) -> bool {
    at == 0 || !is_word_byte(s.as_bytes()[at - 1])
}

/// Whether the byte at `at` starts a new word (so a match ending at `at` ends one).
pub fn ends_word(s: &str, at: usize) -> bool {
    s.as_bytes().get(at).is_none_or(|&b| !is_word_byte(b))
}

pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Identifier-ish token at the start of `s`: letters, digits, `_`, and the
/// extra bytes given.
pub fn token<'a>(s: &'a str, extra: &[u8]) -> &'a str {
    let n = s.bytes().take_while(|b| is_word_byte(*b) || extra.contains(b)).count();
    &s[..n]
}

/// Skips spaces and tabs.
pub fn skip_ws(s: &str) -> &str {
    s.trim_start_matches([' ', '\t'])
}

/// An AWS error code: `ExpiredToken`, `InvalidClientTokenId`, `AuthFailure`…
/// Starts upper-case, letters and digits (and `.` for some S3/EC2 codes).
pub fn is_code_like(s: &str) -> bool {
    let b = s.as_bytes();
    (3..=64).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'.')
        && b.iter().any(|c| c.is_ascii_lowercase())
        && !b.ends_with(b".")
}

/// A request ID as AWS prints them, not a placeholder (`XXX`, `some id`,
/// `<request-id>`) and not cut short.
pub fn is_request_id(s: &str) -> bool {
    let b = s.as_bytes();
    if !(8..=128).contains(&b.len()) {
        return false;
    }
    if !b.iter().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'=' | b'+' | b'/' | b':')) {
        return false;
    }
    // Placeholders: one repeated character (`XXXXXXXX`, `00000000`), masks.
    let first = b[0].to_ascii_lowercase();
    if b.iter().all(|c| c.to_ascii_lowercase() == first || *c == b'-') {
        return false;
    }
    let lower = s.to_ascii_lowercase();
    const PLACEHOLDERS: &[&str] =
        &["request-id", "requestid", "undefined", "example", "redacted", "xxxx", "your-", "null", "none"];
    if PLACEHOLDERS.iter().any(|p| lower.contains(p)) {
        return false;
    }
    // Must contain a digit or mix cases enough to look generated.
    b.iter().any(|c| c.is_ascii_digit())
}

/// Region names: `us-east-1`, `eu-central-1`, `us-gov-west-1`, `cn-north-1`…
pub fn is_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    if parts.len() < 3 || parts.len() > 4 {
        return false;
    }
    const PREFIXES: &[&str] = &["us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx", "cn"];
    let ok_prefix = PREFIXES.contains(&parts[0]);
    let last = parts[parts.len() - 1];
    let dirs_ok = parts[1..parts.len() - 1].iter().all(|p| {
        matches!(
            *p,
            "east"
                | "west"
                | "north"
                | "south"
                | "central"
                | "northeast"
                | "northwest"
                | "southeast"
                | "southwest"
                | "gov"
                | "iso"
                | "isob"
                | "isof"
                | "isoe"
        )
    });
    ok_prefix && dirs_ok && !last.is_empty() && last.len() <= 2 && last.bytes().all(|c| c.is_ascii_digit())
}

/// Finds a region name anywhere in `s` (word-bounded).
pub fn find_region(s: &str) -> Option<(usize, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 9 <= b.len() {
        if b[i].is_ascii_lowercase() && starts_word(s, i) && b[i + 2] == b'-' {
            let n = b[i..].iter().take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || **c == b'-').count();
            let cand = &s[i..i + n];
            if is_region(cand) {
                return Some((i, cand));
            }
            i += n.max(1);
            continue;
        }
        i += 1;
    }
    None
}

/// Reads a 3-digit HTTP status at the start of `s`.
pub fn status_at(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    if b.len() < 3 || !b[..3].iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if b.get(3).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let v: u16 = s[..3].parse().ok()?;
    (100..=599).contains(&v).then_some(v)
}

/// Trims quotes, spaces and trailing separators around a value.
pub fn clean_value(s: &str) -> &str {
    s.trim().trim_matches(|c| matches!(c, '"' | '\'' | '`' | ';' | ',' | ')' | '(')).trim()
}

/// Cuts a message at the end of the sentence-bearing part of a line: a
/// closing quote of an enclosing string, a `<` of markup, or ` (Service:`.
pub fn clean_message(s: &str) -> String {
    let mut m = s.trim();
    for stop in ["\",", "\"}", "\" ", "</", " (Service", "(Service", " status code:", "\tstatus code:"] {
        if let Some(i) = m.find(stop) {
            m = &m[..i];
        }
    }
    let m = m.trim().trim_end_matches(['"', '\'', '>']).trim();
    let mut out: String = m.chars().take(400).collect();
    if out.len() < m.len() {
        out.push('…');
    }
    out
}

/// Sorts `v` by a `u64` key, stably. Every caller shares one instantiation
/// of the sort (on `(key, index)` pairs): each `sort_by_key` with its own
/// closure would add a copy of the sort to the wasm.
pub fn sort_by_u64<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut keys: Vec<(u64, u32)> = v.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(keys.into_iter().filter_map(|(_, i)| slots[i as usize].take()));
}

/// `s[start..start+len]`, shortened to a character boundary.
pub fn window(s: &str, start: usize, len: usize) -> &str {
    let start = start.min(s.len());
    let mut end = (start + len).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let mut st = start;
    while !s.is_char_boundary(st) {
        st -= 1;
    }
    &s[st..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids() {
        assert!(is_request_id("12c88087-5b49-5054-aa22-cf08d63f5dd9"));
        assert!(is_request_id("D2F7W48K28SJYAQ8"));
        assert!(is_request_id("E52PSV97D1GSLGPD8AVUPLPCGVVV4KQNSO5AEMVJF66Q9ASUAAJG"));
        assert!(is_request_id("12a345b6-78cd-901e-fg23-45hi67890jkl"));
        assert!(!is_request_id("XXX"));
        assert!(!is_request_id("XXXXXXXXXXXXXXXX"));
        assert!(!is_request_id("some id"));
        assert!(!is_request_id("xxxx-xxxx-xxxx"));
        assert!(!is_request_id("<request-id>"));
    }

    #[test]
    fn regions() {
        assert!(is_region("us-east-1"));
        assert!(is_region("us-gov-west-1"));
        assert!(is_region("cn-north-1"));
        assert!(is_region("ap-southeast-2"));
        assert!(!is_region("us-east"));
        assert!(!is_region("foo-east-1"));
        assert_eq!(find_region("https://oidc.eu-central-1.amazonaws.com:443").unwrap().1, "eu-central-1");
    }

    #[test]
    fn codes() {
        assert!(is_code_like("ExpiredToken"));
        assert!(is_code_like("AuthFailure"));
        assert!(!is_code_like("400 Bad Request"));
        assert!(!is_code_like("EXPIRED"));
        assert!(!is_code_like("invalid_grant"));
    }

    #[test]
    fn line_iteration() {
        let v: Vec<_> = lines("a\nbc\n").collect();
        assert_eq!(v, vec![(0, "a"), (2, "bc")]);
        let v: Vec<_> = lines("a\n\nb").collect();
        assert_eq!(v, vec![(0, "a"), (2, ""), (3, "b")]);
    }
}
