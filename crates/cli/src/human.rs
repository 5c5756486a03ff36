//! The readable report: the verdict first, then the findings with the lines
//! they came from (redacted), then errors, credentials, clock and the step to
//! start at. Colors only when asked or on a terminal.

use std::io::{self, Write};

use crate::json::LineMap;
use crate::Input;
use tokendoctor_engine::findings::Severity;
use tokendoctor_engine::i18n::Lang;
use tokendoctor_engine::redact::redact;
use tokendoctor_engine::text::Lines;
use tokendoctor_engine::time::{human_duration, rfc3339};
use tokendoctor_engine::{tree, Report};

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn sev(&self, sev: Severity) -> String {
        match sev {
            Severity::Error => self.paint("31;1", "error  "),
            Severity::Warning => self.paint("33;1", "warning"),
            Severity::Info => self.paint("36", "info   "),
        }
    }
}

fn loc(input: &Input, line: usize) -> String {
    match input.file_of(line) {
        Some((f, l)) => format!("{f}:{l}"),
        None => format!("line {line}"),
    }
}

fn excerpt(text: &str, lines: &Lines, line: usize) -> String {
    let r = lines.range(line);
    let s = &text[r.start.min(text.len())..r.end.min(text.len())];
    let s = redact(s.trim_end());
    let mut out: String = s.chars().take(160).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

pub fn write(out: &mut impl Write, r: &Report, text: &str, input: &Input, lang: Lang, color: bool) -> io::Result<()> {
    let st = Style { on: color };
    let lines = Lines::new(text);
    let es = lang == Lang::Es;
    writeln!(out, "{}", st.bold(&r.verdict(lang)))?;
    writeln!(
        out,
        "{} {}   {} {}",
        st.dim(if es { "causa:" } else { "root cause:" }),
        r.root_cause.detail(),
        st.dim(if es { "referencia:" } else { "reference time:" }),
        rfc3339(r.now)
    )?;
    if !r.findings.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", st.bold(if es { "Hallazgos" } else { "Findings" }))?;
        for f in &r.findings {
            writeln!(out, "  {} {}  {}", st.sev(f.severity()), f.title(lang), st.dim(&format!("[{}]", f.code())))?;
            writeln!(out, "          {}", f.detail(lang))?;
            for e in f.evidence.iter().take(3) {
                writeln!(out, "          {} │ {}", st.dim(&loc(input, e.line)), excerpt(text, &lines, e.line))?;
            }
        }
    }
    if !r.errors.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", st.bold(if es { "Errores" } else { "Errors" }))?;
        for e in &r.errors {
            let mut parts: Vec<String> = vec![e.code.clone().unwrap_or_else(|| "—".into()), e.sdk.as_str().to_string()];
            parts.extend(e.service.clone());
            parts.extend(e.operation.clone());
            parts.extend(e.status_code.map(|s| format!("HTTP {s}")));
            parts.extend(e.request_id.as_ref().map(|id| format!("request {id}")));
            parts.extend(e.skew_seconds().map(|s| format!("skew {s:+} s")));
            writeln!(out, "  {}  {}", st.dim(&loc(input, e.line)), parts.join("  "))?;
            if let Some(m) = &e.message {
                writeln!(out, "          {}", redact(m))?;
            }
        }
    }
    if !r.credentials.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", st.bold(if es { "Credenciales" } else { "Credentials" }))?;
        for c in &r.credentials {
            let mut parts: Vec<String> = vec![c.format.as_str().to_string()];
            parts.extend(c.access_key_id.clone());
            parts.extend(c.code.clone());
            if let Some(exp) = c.expiration {
                let left = c.seconds_left(r.now).unwrap_or(0);
                let rel = if left < 0 {
                    format!("expired {} ago", human_duration(left))
                } else {
                    format!("{} left", human_duration(left))
                };
                parts.push(format!("expires {} ({rel})", rfc3339(exp)));
            }
            if let Some(l) = c.lifetime_seconds() {
                parts.push(format!("lifetime {}", human_duration(l)));
            }
            parts.extend(c.role.as_ref().map(|r| format!("role {r}")));
            parts.extend(c.origin.as_ref().map(|o| format!("from {o}")));
            writeln!(out, "  {}  {}", st.dim(&loc(input, c.line)), parts.join("  "))?;
        }
    }
    if let Some(c) = &r.clock {
        writeln!(out)?;
        writeln!(out, "{}", st.bold(if es { "Reloj" } else { "Clock" }))?;
        let dir = if c.skew_seconds < 0 { "behind AWS" } else { "ahead of AWS" };
        writeln!(
            out,
            "  {} {} ({:+} s), tolerance {}, {} ({})",
            human_duration(c.skew_seconds),
            dir,
            c.skew_seconds,
            human_duration(c.tolerance_seconds),
            if c.beyond() { "BEYOND tolerance" } else { "within tolerance" },
            c.source.as_str()
        )?;
    }
    if let Some(n) = tree::node(r.start_step) {
        writeln!(out)?;
        writeln!(
            out,
            "{} {} — {}",
            st.bold(if es { "Siguiente paso:" } else { "Next step:" }),
            n.id,
            n.title.get(lang)
        )?;
        writeln!(out, "  {}", n.body.get(lang))?;
    }
    Ok(())
}
