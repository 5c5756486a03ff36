//! The cheap first pass over large inputs: which lines mention anything the
//! recognizers read. Natively it is one Aho-Corasick pass (SIMD-accelerated);
//! in wasm, where code size matters more than speed on a paste of a few MiB,
//! a `memmem` per trigger over a lower-cased copy. Both give the same lines.

use crate::text::Lines;

/// Lower-case literals that make a line worth reading. Also the pattern set
/// the benchmark gives `grep -E`, so the comparison is like for like.
pub const TRIGGERS: &[&str] = &[
    "expired",
    "expiration",
    "expira",
    "caducad",
    "vencid",
    "abgelaufen",
    "scaduto",
    "skew",
    "signature",
    "invalid",
    "unrecognized",
    "authfailure",
    "token",
    "an error occurred",
    "error code",
    "errorcode",
    "status code",
    "statuscode",
    "169.254.",
    "fd00:ec2",
    "metadata",
    "imds",
    "credential",
    "lastupdated",
    "accesskeyid",
    "aws_",
    "access_key",
    "sso",
    "assumerole",
    "x-amzn-errortype",
    "reference id",
    "system time",
    "leap ",
    "phase offset",
    "synchronized",
    "universal time",
    "tokendoctor collector",
    "有効期限",
    "過期",
    "过期",
    "到期",
];

/// 1-based numbers of the lines containing a trigger.
pub fn trigger_lines(text: &str, lines: &Lines) -> Vec<usize> {
    imp::trigger_lines(text, lines)
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

    pub fn trigger_lines(text: &str, lines: &Lines) -> Vec<usize> {
        let Ok(ac) = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .kind(Some(AhoCorasickKind::DFA))
            .build(TRIGGERS)
        else {
            return super::fallback(text, lines);
        };
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(m) = ac.find(aho_corasick::Input::new(bytes).range(pos..)) else {
                break;
            };
            let line = lines.line_of(m.start());
            out.push(line);
            // Skip to the next line: one hit per line is enough.
            pos = lines.range(line).end + 1;
        }
        out
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    pub use super::fallback as trigger_lines;
}

/// `memmem` per trigger over a lower-cased copy.
pub fn fallback(text: &str, lines: &Lines) -> Vec<usize> {
    let lower = text.to_ascii_lowercase();
    let mut hits: Vec<usize> = Vec::new();
    for t in TRIGGERS {
        hits.extend(memchr::memmem::find_iter(lower.as_bytes(), t.as_bytes()).map(|i| lines.line_of(i)));
    }
    hits.sort_unstable();
    hits.dedup();
    hits
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn both_implementations_agree() {
        let text = "noise\nExpiredToken: x\nnoise\nabc STATUS CODE: 403\nnone\nSignature expired and token\n";
        let lines = Lines::new(text);
        assert_eq!(trigger_lines(text, &lines), fallback(text, &lines));
        assert_eq!(fallback(text, &lines), vec![2, 4, 6]);
    }
}
