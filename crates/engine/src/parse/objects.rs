//! A lenient reader for object literals: JSON, JavaScript `util.inspect`
//! output (`{ code: 'ExpiredToken', statusCode: 403 }`), Python dict reprs.
//!
//! It never fails: unbalanced braces end at the end of the text, unknown
//! syntax is skipped, nesting is capped. It keeps scalar values and the tree
//! of objects; arrays are walked for the objects they hold.

/// A value, as far as the recognizers care.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Str(String),
    /// A bare token: number, `true`, `undefined`, an unquoted date…
    Bare(String),
    /// Index of a child object.
    Obj(usize),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) | Value::Bare(s) => Some(s),
            Value::Obj(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub key: String,
    pub value: Value,
    /// Offsets of the key and the end of the value, in the scanned text.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Obj {
    pub start: usize,
    pub end: usize,
    pub parent: Option<usize>,
    pub pairs: Vec<Pair>,
}

impl Obj {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.pairs.iter().find(|p| p.key == key).map(|p| &p.value)
    }
    pub fn get_ci(&self, key: &str) -> Option<&Pair> {
        self.pairs.iter().find(|p| p.key.eq_ignore_ascii_case(key))
    }
    pub fn str_ci(&self, key: &str) -> Option<&str> {
        self.get_ci(key).and_then(|p| p.value.as_str())
    }
}

const MAX_DEPTH: usize = 48;
const MAX_STRING: usize = 16 * 1024;
const MAX_OBJECTS: usize = 20_000;

/// Reads every object in `text`.
pub fn scan(text: &str) -> Vec<Obj> {
    let b = text.as_bytes();
    let mut objs: Vec<Obj> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    // Inside an object, what we expect next.
    #[derive(PartialEq)]
    enum Want {
        Key,
        Colon,
        Value,
        Comma,
    }
    let mut want = Want::Key;
    let mut key: Option<(String, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        if stack.is_empty() {
            match memchr::memchr(b'{', &b[i..]) {
                Some(j) => i += j,
                None => break,
            }
        }
        let c = b[i];
        match c {
            b'{' => {
                if stack.len() >= MAX_DEPTH || objs.len() >= MAX_OBJECTS {
                    i += 1;
                    continue;
                }
                let idx = objs.len();
                objs.push(Obj { start: i, end: b.len(), parent: stack.last().copied(), pairs: Vec::new() });
                if want == Want::Value {
                    if let (Some(&p), Some((k, ks))) = (stack.last(), key.take()) {
                        objs[p].pairs.push(Pair { key: k, value: Value::Obj(idx), start: ks, end: i + 1 });
                    }
                }
                stack.push(idx);
                want = Want::Key;
                key = None;
                i += 1;
            }
            b'}' => {
                if let Some(idx) = stack.pop() {
                    objs[idx].end = i + 1;
                }
                want = Want::Comma;
                key = None;
                i += 1;
            }
            b'"' | b'\'' => {
                let (s, next) = read_string(text, i);
                match want {
                    Want::Key => {
                        key = Some((s, i));
                        want = Want::Colon;
                    }
                    Want::Value => {
                        if let (Some(&p), Some((k, ks))) = (stack.last(), key.take()) {
                            objs[p].pairs.push(Pair { key: k, value: Value::Str(s), start: ks, end: next });
                        }
                        want = Want::Comma;
                    }
                    _ => {}
                }
                i = next;
            }
            b':' => {
                if want == Want::Colon {
                    want = Want::Value;
                }
                i += 1;
            }
            b',' => {
                want = Want::Key;
                key = None;
                i += 1;
            }
            b'[' | b']' => {
                // Arrays: objects inside are still found; scalars are dropped.
                want = Want::Key;
                key = None;
                i += 1;
            }
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            _ => {
                // A bare token: key (`code:`), or value (`403`, `undefined`, a date).
                let start = i;
                let end = bare_end(b, i, want == Want::Value);
                let tok = &text[start..end];
                match want {
                    Want::Key if is_bare_key(tok) => {
                        key = Some((tok.to_string(), start));
                        want = Want::Colon;
                    }
                    Want::Value => {
                        if let (Some(&p), Some((k, ks))) = (stack.last(), key.take()) {
                            objs[p].pairs.push(Pair {
                                key: k,
                                value: Value::Bare(tok.trim().to_string()),
                                start: ks,
                                end,
                            });
                        }
                        want = Want::Comma;
                    }
                    _ => {}
                }
                i = end.max(start + 1);
                while i < b.len() && !text.is_char_boundary(i) {
                    i += 1;
                }
            }
        }
    }
    objs
}

fn is_bare_key(tok: &str) -> bool {
    !tok.is_empty() && tok.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'-'))
}

/// End of a bare token. Values may hold spaces and colons (dates, `[Object]`),
/// so they end only at `,`, `}`, or a newline.
fn bare_end(b: &[u8], start: usize, value: bool) -> usize {
    let mut i = start;
    while i < b.len() {
        let c = b[i];
        let stop = if value {
            matches!(c, b',' | b'}' | b'\n' | b'{')
        } else {
            !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'-'))
        };
        if stop {
            break;
        }
        i += 1;
        if i - start > MAX_STRING {
            break;
        }
    }
    i
}

/// Reads a quoted string starting at `at`; returns its value and the offset
/// after it. A string ends at its quote, or (leniently) at a newline.
fn read_string(text: &str, at: usize) -> (String, usize) {
    let b = text.as_bytes();
    let q = b[at];
    let mut out = String::new();
    let mut i = at + 1;
    let mut run = i;
    while i < b.len() {
        let c = b[i];
        if c == q {
            out.push_str(&text[run..i]);
            return (out, i + 1);
        }
        if c == b'\n' || i - at > MAX_STRING {
            out.push_str(&text[run..i]);
            return (out, i);
        }
        if c == b'\\' && i + 1 < b.len() {
            out.push_str(&text[run..i]);
            let e = b[i + 1];
            match e {
                b'n' => out.push('\n'),
                b't' => out.push('\t'),
                b'"' | b'\'' | b'\\' | b'/' => out.push(e as char),
                _ => {
                    // Keep unknown escapes verbatim (Windows paths in values).
                    out.push('\\');
                    if e.is_ascii() {
                        out.push(e as char);
                    } else {
                        i += 1;
                        run = i;
                        continue;
                    }
                }
            }
            i += 2;
            run = i;
            continue;
        }
        i += 1;
    }
    let end = b.len();
    if run <= end && text.is_char_boundary(run) {
        out.push_str(&text[run..end]);
    }
    (out, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_and_inspect_objects() {
        let o = scan(r#"Error: {"message":"x","code":"RequestTimeTooSkewed","statusCode":403,"retryable":false}Tail"#);
        assert_eq!(o.len(), 1);
        assert_eq!(o[0].str_ci("code"), Some("RequestTimeTooSkewed"));
        assert_eq!(o[0].str_ci("statusCode"), Some("403"));

        let o = scan("  at x {\n  '$fault': 'client',\n  '$metadata': {\n    httpStatusCode: 400,\n    requestId: 'ABC',\n  },\n  __type: 'com.amazon.coral.service#ExpiredTokenException'\n}");
        assert_eq!(o.len(), 2);
        assert_eq!(o[0].str_ci("__type"), Some("com.amazon.coral.service#ExpiredTokenException"));
        assert_eq!(o[1].parent, Some(0));
        assert_eq!(o[1].str_ci("requestId"), Some("ABC"));
        assert!(matches!(o[0].get("$metadata"), Some(Value::Obj(1))));
    }

    #[test]
    fn python_dicts_and_bare_dates() {
        let o = scan("{'Date': 'Wed, 06 Mar 2024 09:54:27 GMT', 'x-amzn-RequestId': '8506'}");
        assert_eq!(o[0].str_ci("date"), Some("Wed, 06 Mar 2024 09:54:27 GMT"));
        let o = scan("{ code: 'ExpiredToken',\n  time: 2024-01-02T03:04:05.000Z,\n  statusCode: 403 }");
        assert_eq!(o[0].str_ci("time"), Some("2024-01-02T03:04:05.000Z"));
        assert_eq!(o[0].str_ci("statusCode"), Some("403"));
    }

    #[test]
    fn never_fails() {
        for s in ["{", "}", "{{{{", "{'a", "{a:", "{\"a\":\"\\", "[{]}", "{é:ü}"] {
            let _ = scan(s);
        }
        let deep = "{".repeat(100_000);
        assert!(scan(&deep).len() <= MAX_DEPTH);
    }
}
