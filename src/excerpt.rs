//! The lines of the paste a finding points at, cut to a size a page can show.
//!
//! A finding's evidence is a byte span of the pasted text; its card shows the
//! lines the span touches with the span itself marked. Lines are capped in
//! number and width (a minified JSON log can be one 10 MiB line), and every
//! cut falls on a character boundary.

use tokendoctor_engine::redact::redact;
use tokendoctor_engine::text::Span;

/// One line of an excerpt: the text before the mark, the mark, the rest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExLine {
    /// 1-based line number.
    pub n: usize,
    pub before: String,
    pub mark: String,
    pub after: String,
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The lines `span` covers (the first is line `first_line`), at most
/// `max_lines` of at most about `max_cols` bytes; also how many lines were
/// left out.
pub fn excerpt(text: &str, span: Span, first_line: usize, max_lines: usize, max_cols: usize) -> (Vec<ExLine>, usize) {
    let mut out = Vec::new();
    if span.start >= text.len() || span.is_empty() {
        return (out, 0);
    }
    let start = floor(text, span.start);
    let end = floor(text, span.end);
    let mut ls = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut n = first_line.max(1);
    let mut more = 0;
    while ls <= end && ls < text.len() {
        let le = text[ls..].find('\n').map_or(text.len(), |i| ls + i);
        if out.len() == max_lines {
            more += 1;
        } else {
            let line = text[ls..le].trim_end_matches('\r');
            let le = ls + line.len();
            let (ms, me) = (start.max(ls) - ls, end.min(le).max(start.max(ls)) - ls);
            // A window of the line around the start of the mark.
            let from = if line.len() > max_cols { floor(line, ms.saturating_sub(max_cols / 4)) } else { 0 };
            let to = floor(line, (from + max_cols).min(line.len()));
            let ms = ms.clamp(from, to);
            let me = floor(line, me.clamp(ms, to));
            let ellipsis = |cut: bool| if cut { "…" } else { "" };
            let mut ex = ExLine {
                n,
                before: format!("{}{}", ellipsis(from > 0), &line[from..ms]),
                mark: line[ms..me].to_string(),
                after: format!("{}{}", &line[me..to], ellipsis(to < line.len())),
            };
            // Secrets never reach the page outside the paste box itself (a
            // screenshot of a finding must be safe to share). A secret may
            // straddle the mark, so a line that needed redacting is shown
            // redacted as a whole, marked whole if it was marked at all.
            let whole = format!("{}{}{}", ex.before, ex.mark, ex.after);
            let clean = redact(&whole);
            if clean != whole {
                let marked = !ex.mark.is_empty();
                ex.before.clear();
                ex.after.clear();
                ex.mark.clear();
                if marked {
                    ex.mark = clean;
                } else {
                    ex.before = clean;
                }
            }
            out.push(ex);
        }
        if more > 1000 {
            // Counting further costs time and tells the reader nothing.
            break;
        }
        n += 1;
        ls = le + 1;
    }
    (out, more)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn l(n: usize, b: &str, m: &str, a: &str) -> ExLine {
        ExLine { n, before: b.into(), mark: m.into(), after: a.into() }
    }

    #[test]
    fn marks_the_span_on_its_lines() {
        let t = "one\r\ntwo ERR here\nthree\nfour\n";
        let at = t.find("ERR").unwrap();
        assert_eq!(excerpt(t, Span::new(at, at + 3), 2, 5, 80), (vec![l(2, "two ", "ERR", " here")], 0));
        let (lines, more) = excerpt(t, Span::new(0, t.len()), 1, 2, 80);
        assert_eq!(lines, vec![l(1, "", "one", ""), l(2, "", "two ERR here", "")]);
        assert_eq!(more, 2);
        assert_eq!(excerpt(t, Span::new(0, 0), 1, 2, 80).0, vec![]);
        assert_eq!(excerpt(t, Span::new(999, 1000), 1, 2, 80).0, vec![]);
    }

    #[test]
    fn secrets_on_evidence_lines_are_redacted() {
        let t = "{\"AccessKeyId\": \"ASIAQWERTYUIOPASDFGH\", \"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\"}";
        let (lines, _) = excerpt(t, Span::new(2, 13), 1, 3, 500);
        assert!(lines[0].before.is_empty() && lines[0].after.is_empty());
        assert!(lines[0].mark.contains("[REDACTED]") && !lines[0].mark.contains("wJalr"), "{:?}", lines[0]);
    }

    #[test]
    fn long_lines_and_multibyte_text_are_cut_safely() {
        let t = format!("{}ExpiredToken{}", "é".repeat(500), "🙂".repeat(500));
        let at = t.find("Expired").unwrap();
        let (lines, _) = excerpt(&t, Span::new(at, at + 12), 1, 3, 100);
        assert_eq!(lines[0].mark, "ExpiredToken");
        assert!(lines[0].before.starts_with('…') && lines[0].after.ends_with('…'));
        assert!(lines[0].before.len() + lines[0].mark.len() + lines[0].after.len() < 130);
        // A span that starts or ends inside a character.
        let (lines, _) = excerpt(&t, Span::new(1, 7), 1, 3, 100);
        assert_eq!(lines[0].mark, "ééé");
    }
}
