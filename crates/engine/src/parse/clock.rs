//! Clock evidence: `date` output, HTTP `Date:` headers, `chronyc tracking`
//! and `sources`, `timedatectl`, `w32tm /query /status` and `/stripchart`,
//! `Get-Date -Format o`. The times inside error messages (`Signature
//! expired…`, S3 `RequestTime`/`ServerTime`) are read with the errors.

use super::context::strip_prompt;
use super::util::*;
use super::Blk;
use super::Table;
use crate::model::{ClockEvidence, ClockSource, RefTime};
use crate::time::{self, Timestamp, Zone};

/// What a block says about clocks.
#[derive(Default)]
pub(crate) struct Clocks {
    pub evidence: Vec<ClockEvidence>,
    /// Client times from `date`-like output: (time, span, line).
    pub client_times: Vec<(Timestamp, crate::text::Span, usize)>,
    /// AWS times from `Date:` headers.
    pub server_times: Vec<(Timestamp, crate::text::Span, usize)>,
    pub ref_times: Vec<RefTime>,
}

fn ev(blk: &Blk, ls: usize, len: usize, source: ClockSource) -> ClockEvidence {
    ClockEvidence { source: Some(source), span: blk.span(ls, ls + len), line: blk.line(ls), ..ClockEvidence::default() }
}

pub(crate) fn scan(blk: &Blk, out: &mut Clocks) {
    let text = &blk.b.text;
    let all: Vec<(usize, &str)> = lines(text).collect();
    let mut chrony: Option<ClockEvidence> = None;
    let mut timedatectl: Option<ClockEvidence> = None;
    let mut w32: Option<ClockEvidence> = None;
    let mut prev_cmd: Option<String> = None;
    let dates: Vec<usize> = blk.hits(Table::Date).map(|h| h.start).collect();
    for &(ls, line) in &all {
        let t = line.trim();
        let lower = &blk.lower[ls..ls + line.len()];
        let lt = lower.trim();
        if let Some(cmd) = strip_prompt(line) {
            prev_cmd = Some(cmd.to_ascii_lowercase());
        }
        // HTTP Date header: `Date: …`, `< date: …`, `'Date': '…'` (botocore debug dict).
        let has_date = {
            let first = dates.partition_point(|&d| d < ls);
            dates.get(first).is_some_and(|&d| d < ls + line.len())
        };
        for pat in ["date: ", "'date': '", "\"date\": \"", "date:"].into_iter().filter(|_| has_date) {
            let mut search = 0;
            while let Some(i) = lower[search..].find(pat).map(|i| i + search) {
                search = i + pat.len();
                let before_ok = i == 0
                    || !lower.as_bytes()[i - 1].is_ascii_alphanumeric()
                        && lower.as_bytes()[i - 1] != b'-'
                        && lower.as_bytes()[i - 1] != b'_';
                if !before_ok {
                    continue;
                }
                let v = skip_ws(&line[i + pat.len()..]);
                if let Some(p) = time::http_date_at(v) {
                    if let Some(t) = p.utc() {
                        out.server_times.push((t, blk.span(ls + i, ls + line.len()), blk.line(ls)));
                    }
                }
            }
        }
        // A line that is only a time: `date`, `date -u`, `date -R`, `Get-Date -Format o`.
        if !t.is_empty() && t.len() <= 48 && !lt.starts_with("date:") {
            let cmd_is_epoch = prev_cmd.as_deref().is_some_and(|c| c.contains("+%s"));
            let parsed = time::any_at(t).filter(|p| p.len == t.len());
            if let Some(p) = parsed {
                let zone_ok = p.zone != Zone::Unknown;
                if zone_ok {
                    if let Some(ts) = p.utc() {
                        out.client_times.push((ts, blk.span(ls, ls + line.len()), blk.line(ls)));
                    }
                }
            } else if cmd_is_epoch && t.len() == 10 && t.bytes().all(|b| b.is_ascii_digit()) {
                if let Some(ts) = t.parse::<i64>().ok().and_then(time::from_unix) {
                    out.client_times.push((ts, blk.span(ls, ls + line.len()), blk.line(ls)));
                }
            }
        }
        // chronyc tracking / sources.
        let kv = t.split_once(':').map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim()));
        if let Some((k, v)) = &kv {
            match k.as_str() {
                "reference id" => {
                    let e = chrony.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::ChronyTracking));
                    if let (Some(a), Some(b)) = (v.find('('), v.find(')')) {
                        if b > a {
                            e.ntp_source = Some(v[a + 1..b].to_string());
                        }
                    }
                }
                "system time" => {
                    // `0.000000626 seconds slow of NTP time` (slow: local behind).
                    let e = chrony.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::ChronyTracking));
                    let num: String = v.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
                    if let Some(x) = time::parse_decimal(&num) {
                        let sign = if v.contains("slow") { -1.0 } else { 1.0 };
                        e.offset_seconds = Some(sign * x);
                    }
                    e.span = e.span.cover(blk.span(ls, ls + line.len()));
                }
                "leap status" => {
                    let e = chrony.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::ChronyTracking));
                    e.synchronized = Some(!v.to_ascii_lowercase().contains("not synchron"));
                }
                "system clock synchronized" | "ntp synchronized" => {
                    let e = timedatectl.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::Timedatectl));
                    e.synchronized = Some(v.eq_ignore_ascii_case("yes"));
                    e.span = e.span.cover(blk.span(ls, ls + line.len()));
                }
                "universal time" => {
                    let e = timedatectl.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::Timedatectl));
                    // `Sat 2026-11-28 09:55:50 UTC`
                    let v2 = v.split_once(' ').map(|x| x.1).unwrap_or(v);
                    e.client_time = time::iso_at(v2).and_then(|p| p.utc());
                }
                "ntp service" => {
                    let e = timedatectl.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::Timedatectl));
                    if v.eq_ignore_ascii_case("inactive") {
                        e.synchronized = Some(false);
                    }
                }
                "leap indicator" => {
                    let e = w32.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::W32tm));
                    e.synchronized = Some(!v.starts_with('3'));
                }
                "source"
                    if w32.is_some()
                        || lower.contains(",0x")
                        || v.contains("Local CMOS")
                        || v.contains("Free-running") =>
                {
                    let e = w32.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::W32tm));
                    let src = v.split(',').next().unwrap_or(v).trim();
                    e.ntp_source = Some(src.to_string());
                    if src.contains("Local CMOS") || src.contains("Free-running") {
                        e.synchronized = Some(false);
                    }
                }
                "phase offset" => {
                    let e = w32.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::W32tm));
                    let num: String =
                        v.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+')).collect();
                    e.offset_seconds = time::parse_decimal(&num);
                    e.span = e.span.cover(blk.span(ls, ls + line.len()));
                }
                _ => {}
            }
        }
        // chronyc sources: `^* 169.254.169.123 …` is the synced source.
        if let Some(rest) = t.strip_prefix("^*") {
            let e = chrony.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::ChronyTracking));
            e.synchronized = Some(true);
            e.ntp_source.get_or_insert_with(|| rest.split_whitespace().next().unwrap_or("").to_string());
        }
        // w32tm /stripchart: `09:55:50, d:+00.0541615s o:-00.0031265s`.
        if let Some(i) = lower.find(" o:") {
            if lower.contains(", d:") || lower[..i].ends_with('s') || lower.starts_with(|c: char| c.is_ascii_digit()) {
                let num: String =
                    line[i + 3..].chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+')).collect();
                if let Some(x) = time::parse_decimal(&num) {
                    let e = w32.get_or_insert_with(|| ev(blk, ls, line.len(), ClockSource::W32tm));
                    e.offset_seconds = Some(x);
                }
            }
        }
    }
    out.evidence.extend(chrony);
    out.evidence.extend(timedatectl);
    out.evidence.extend(w32);
    log_times(blk, &all, out);
}

/// Leading timestamps of log lines, offered as alternative reference times.
fn log_times(blk: &Blk, all: &[(usize, &str)], out: &mut Clocks) {
    for &(ls, line) in all {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        if let Some(p) = time::iso_at(t).or_else(|| time::http_date_at(t)) {
            // Only zoned times are instants; a local time says nothing without its zone.
            if let Some(ts) = p.utc() {
                if t.len() > p.len + 4 {
                    out.ref_times.push(RefTime { time: ts, what: "log", line: blk.line(ls + lead) });
                }
            }
        }
    }
}
