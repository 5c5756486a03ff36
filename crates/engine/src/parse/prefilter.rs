//! The cheap first pass over large inputs: which lines mention anything the
//! recognizers read, in one pass of a small automaton (`ac`).

use crate::ac::{Ac, Lazy};
use crate::text::Lines;

/// Literals that make a line worth reading, matched case-sensitively in the
/// forms real output uses (stems such as `xpir` cover `Expired`, `expired`,
/// `Expiration`, `RequestExpired`). Few enough for the SIMD searcher. Also
/// the pattern set the benchmark gives `grep -E`, so the comparison is like
/// for like.
pub const TRIGGERS: &[&str] = &[
    "xpir",
    "XPIR",
    "aducad",
    "vencid",
    "bgelaufen",
    "caduto",
    "kew",
    "KEW",
    "ignature",
    "IGNATURE",
    "nvalid",
    "NVALID",
    "nrecognized",
    "uthFailure",
    "n error occurred",
    "rror Code",
    "rror code",
    "rrorCode",
    "tatus Code",
    "tatus code",
    "tatusCode",
    "169.254.",
    "fd00:ec2",
    "etadata",
    "ETADATA",
    "IMDS",
    "imds",
    "redential",
    "REDENTIAL",
    "LastUpdated",
    "AccessKeyId",
    "AWS_",
    "aws_",
    "ccess_key",
    "SSO",
    "ssumeRole",
    "rrorType",
    "Reference ID",
    "System time",
    "Leap ",
    "Phase Offset",
    "ynchronized",
    "niversal time",
    "tokendoctor collector",
    "有効期限",
    "過期",
    "过期",
    "到期",
    "逾期",
    "만료",
    "too large",
    "300 secs",
    "in our records",
    "does not exist",
    "válid",
    "must be refreshed",
    "efreshRequired",
];

static TRIGGER_AC: Lazy = Lazy::new(|| Ac::new(TRIGGERS, false));

/// 1-based numbers of the lines containing a trigger.
pub fn trigger_lines(text: &str, lines: &Lines) -> Vec<usize> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(v) = simd::trigger_lines(text, lines) {
        return v;
    }
    scalar_trigger_lines(text, lines)
}

/// The portable pass: one small DFA (`ac`), about 2 ns a byte.
fn scalar_trigger_lines(text: &str, lines: &Lines) -> Vec<usize> {
    let ac = TRIGGER_AC.get();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(h) = ac.find_from(bytes, pos) {
        let line = lines.line_of(h.start);
        out.push(line);
        // One hit per line is enough: go on from the next line.
        pos = lines.range(line).end + 1;
    }
    out
}

/// Natively, the same search with the `aho-corasick` crate's SIMD searcher
/// (several GB/s), so a 64 MiB log costs about what `grep` does. Not in wasm,
/// where its code would cost more bytes than a pasted log costs time.
#[cfg(not(target_arch = "wasm32"))]
mod simd {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};
    use std::sync::OnceLock;

    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();

    pub fn trigger_lines(text: &str, lines: &Lines) -> Option<Vec<usize>> {
        let ac = AC
            .get_or_init(|| AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(TRIGGERS).ok())
            .as_ref()?;
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(m) = ac.find(aho_corasick::Input::new(bytes).range(pos..)) else { break };
            let line = lines.line_of(m.start());
            out.push(line);
            pos = lines.range(line).end + 1;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simd_and_scalar_passes_agree() {
        let mut text = String::new();
        for (i, t) in TRIGGERS.iter().enumerate() {
            text.push_str(&format!("noise {i}\nline {t} end\n{t}{t}\nx\n"));
        }
        let lines = Lines::new(&text);
        assert_eq!(trigger_lines(&text, &lines), scalar_trigger_lines(&text, &lines));
        assert_eq!(trigger_lines(&text, &lines).len(), 2 * TRIGGERS.len());
    }

    #[test]
    fn finds_trigger_lines() {
        let text = "noise\nExpiredToken: x\nnoise\nabc Status Code: 403\nnone\nSignature expired and token\n";
        let lines = Lines::new(text);
        assert_eq!(trigger_lines(text, &lines), vec![2, 4, 6]);
    }

    #[test]
    fn every_message_stem_is_caught_by_a_trigger() {
        // Large inputs are read only around trigger lines: a known message
        // without a trigger would be lost there.
        for (stem, _, _) in crate::codes::MESSAGES {
            let lines = Lines::new(stem);
            assert!(
                !trigger_lines(stem, &lines).is_empty() || !trigger_lines(&stem.to_uppercase(), &lines).is_empty() || {
                    let cap = stem[..1].to_uppercase() + &stem[1..];
                    !trigger_lines(&cap, &Lines::new(&cap)).is_empty()
                },
                "no trigger in {stem:?}"
            );
        }
    }
}
