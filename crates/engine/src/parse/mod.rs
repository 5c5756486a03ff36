//! From raw text to observations.
//!
//! Small pastes are read whole. Large logs are first cut into blocks around
//! lines that mention something the recognizers care about (a cheap literal
//! search), so a 64 MiB log costs little more than reading it. Each block is
//! normalized (see `text`) and given to every recognizer.

mod clock;
pub(crate) mod context;
mod creds;
pub(crate) mod errors;
mod imds;
pub(crate) mod objects;
mod prefilter;
pub(crate) mod util;

use crate::model::{ClockEvidence, ClockSource, Context, Credential, ErrorReport, ImdsEvent, RefTime, Unread};
use crate::text::{self, Block, Lines, Span};

pub use context::{cli_command, is_instance_id, parse_arn, CliCommand};
pub use prefilter::TRIGGERS;

/// Inputs up to this size are read whole, without the prefilter.
pub const WHOLE_LIMIT: usize = 256 * 1024;
/// Lines of context kept around a trigger line.
const BEFORE: usize = 10;
const AFTER: usize = 30;

/// A normalized block with what recognizers need to report positions.
pub(crate) struct Blk<'a> {
    pub b: Block,
    /// ASCII-lower-cased `b.text`, same offsets.
    pub lower: String,
    lines: &'a Lines,
}

impl Blk<'_> {
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.b.span(start.min(self.b.text.len()), end.min(self.b.text.len()))
    }
    pub fn line(&self, pos: usize) -> usize {
        self.lines.line_of(self.b.orig(pos.min(self.b.text.len())))
    }
    /// The normalized line containing an *original* offset.
    pub fn line_text_at(&self, orig: usize) -> &str {
        let t = &self.b.text;
        // Find a normalized position mapping at or after `orig`.
        let mut pos = 0;
        for (ls, line) in util::lines(t) {
            if self.b.orig(ls + line.len()) >= orig {
                pos = ls;
                return &t[pos..pos + line.len()];
            }
        }
        &t[pos..]
    }
}

/// Everything the recognizers found.
#[derive(Default, Debug)]
pub struct Observations {
    pub errors: Vec<ErrorReport>,
    pub credentials: Vec<Credential>,
    pub clock: Vec<ClockEvidence>,
    pub imds: Vec<ImdsEvent>,
    pub context: Context,
    pub ref_times: Vec<RefTime>,
    pub unread: Vec<Unread>,
    /// Collector blocks seen (version, span).
    pub collector: Option<crate::collector::CollectorInfo>,
}

/// The byte ranges to read: the whole input, or blocks around trigger lines.
pub fn blocks(text: &str, lines: &Lines) -> Vec<Span> {
    if text.len() <= WHOLE_LIMIT {
        return vec![Span::new(0, text.len())];
    }
    let hits = prefilter::trigger_lines(text, lines);
    let mut out: Vec<Span> = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for l in hits {
        let from = l.saturating_sub(BEFORE).max(1);
        let to = (l + AFTER).min(lines.count());
        match cur {
            Some((a, b)) if from <= b + 1 => cur = Some((a, b.max(to))),
            Some((a, b)) => {
                out.push(line_span(lines, a, b));
                cur = Some((from, to));
            }
            None => cur = Some((from, to)),
        }
    }
    if let Some((a, b)) = cur {
        out.push(line_span(lines, a, b));
    }
    out
}

fn line_span(lines: &Lines, a: usize, b: usize) -> Span {
    Span::new(lines.range(a).start, lines.range(b).end)
}

/// Reads `text` (already decoded) into observations.
pub fn parse(text: &str, lines: &Lines) -> Observations {
    let mut obs = Observations::default();
    let mut cands: Vec<ErrorReport> = Vec::new();
    let mut clocks = clock::Clocks::default();
    for range in blocks(text, lines) {
        let b = text::normalize(text, range);
        let lower = b.text.to_ascii_lowercase();
        let blk = Blk { b, lower, lines };
        errors::scan(&blk, &mut cands);
        creds::scan(&blk, &mut obs.context, &mut obs.credentials);
        imds::scan(&blk, &mut obs.imds);
        clock::scan(&blk, &mut clocks);
        context::scan(&blk, &mut obs.context);
        if let Some(info) = crate::collector::scan(&blk, &mut obs) {
            obs.collector.get_or_insert(info);
        }
    }
    obs.errors = errors::merge(cands);
    pair_clock(&mut clocks);
    obs.clock.extend(clocks.evidence);
    obs.ref_times = clocks.ref_times;
    dedupe_credentials(&mut obs.credentials);
    obs
}

/// A `date` reading and an AWS `Date:` header taken together give the skew.
fn pair_clock(c: &mut clock::Clocks) {
    if let (Some(&(ct, cs, cl)), Some(&(st, ss, _))) = (c.client_times.first(), c.server_times.first()) {
        // Only when the two were taken together: within a minute of each other
        // apart from the skew itself is unknowable, so accept any pair the
        // paste shows, nearest lines first.
        let _ = ss;
        c.evidence.push(ClockEvidence {
            source: Some(ClockSource::DateVsHttpDate),
            client_time: Some(ct),
            server_time: Some(st),
            span: cs.cover(ss),
            line: cl,
            ..ClockEvidence::default()
        });
    }
    for &(t, _, line) in c.server_times.iter().chain(c.client_times.iter()) {
        c.ref_times.push(RefTime {
            time: t,
            what: "date",
            line,
        });
    }
}

/// The same document read twice (a JSON list and its PowerShell twin) counts once.
fn dedupe_credentials(v: &mut Vec<Credential>) {
    let mut out: Vec<Credential> = Vec::new();
    for c in v.drain(..) {
        let dup = out.iter().any(|o| {
            o.span.start <= c.span.start && c.span.end <= o.span.end
                || (o.expiration.is_some() && o.expiration == c.expiration && o.access_key_id == c.access_key_id && o.last_updated == c.last_updated)
        });
        if !dup {
            out.push(c);
        }
    }
    *v = out;
}
