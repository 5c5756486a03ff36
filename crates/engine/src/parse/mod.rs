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

/// The tables every block is searched for, all in one pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Table {
    /// `codes::CODES` (matched case-sensitively after the fact).
    Code,
    /// `codes::MESSAGES` stems.
    Message,
    /// `codes::LABELS`.
    Label,
    /// `errors::MARKERS`.
    Marker,
    /// `imds::MESSAGES`.
    Imds,
    /// The word `date` (HTTP Date headers).
    Date,
}

/// One occurrence of a table entry in a block.
#[derive(Clone, Copy, Debug)]
pub(crate) struct TableHit {
    pub table: Table,
    /// Index in the table.
    pub idx: usize,
    pub start: usize,
    pub end: usize,
}

struct Tables {
    ac: crate::ac::Ac,
    entries: Vec<(Table, usize)>,
}

static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();

fn tables() -> &'static Tables {
    TABLES.get_or_init(|| {
        let mut pats: Vec<&str> = Vec::new();
        let mut entries = Vec::new();
        let mut add = |t: Table, list: &mut dyn Iterator<Item = &'static str>| {
            for (i, p) in list.enumerate() {
                pats.push(p);
                entries.push((t, i));
            }
        };
        add(Table::Code, &mut crate::codes::CODES.iter().map(|c| c.0));
        add(Table::Message, &mut crate::codes::MESSAGES.iter().map(|m| m.0));
        add(Table::Label, &mut crate::codes::LABELS.iter().map(|l| l.0));
        add(Table::Marker, &mut errors::MARKERS.iter().map(|m| m.0));
        add(Table::Imds, &mut imds::MESSAGES.iter().map(|m| m.0));
        add(Table::Date, &mut ["date"].into_iter());
        Tables { ac: crate::ac::Ac::new(&pats, true), entries }
    })
}

/// A normalized block with what recognizers need to report positions.
pub(crate) struct Blk<'a> {
    pub b: Block,
    /// ASCII-lower-cased `b.text`, same offsets.
    pub lower: String,
    /// Offsets of the newlines of `b.text`: line bounds by bisection, so
    /// recognizers stay linear on long lines with many hits.
    nl: Vec<usize>,
    /// Every table entry found in the block, sorted by start.
    hits: Vec<TableHit>,
    /// The block's SDK hints, read once (errors and IMDS events both use them).
    markers: std::cell::OnceCell<errors::Markers>,
    lines: &'a Lines,
}

impl<'a> Blk<'a> {
    pub fn new(b: Block, lines: &'a Lines) -> Blk<'a> {
        let lower = b.text.to_ascii_lowercase();
        let nl = memchr::memchr_iter(b'\n', b.text.as_bytes()).collect();
        let t = tables();
        let mut hits = Vec::new();
        t.ac.for_each(b.text.as_bytes(), |h| {
            let (table, idx) = t.entries[h.pattern];
            // Codes are names: the automaton folds case, the text must not.
            if table == Table::Code && &b.text.as_bytes()[h.start..h.end] != crate::codes::CODES[idx].0.as_bytes() {
                return;
            }
            hits.push(TableHit { table, idx, start: h.start, end: h.end });
        });
        // By start, longer first.
        util::sort_by_u64(&mut hits, |h| ((h.start as u64) << 16) | (0xffff - (h.end - h.start).min(0xffff) as u64));
        Blk { b, lower, nl, hits, markers: std::cell::OnceCell::new(), lines }
    }
    /// Blanks `ranges` of the text (same offsets, newlines kept) and drops
    /// the table hits inside them: a collector block, read by `collector`.
    pub(crate) fn blank(&mut self, ranges: &[(usize, usize)]) {
        crate::collector::blank(&mut self.b.text, ranges);
        crate::collector::blank(&mut self.lower, ranges);
        self.hits.retain(|h| !ranges.iter().any(|&(a, b)| h.start < b && a < h.end));
        // Hints read from the text before blanking no longer hold.
        self.markers.take();
    }
    /// The SDK hints of the block (see `errors::Markers`).
    pub fn markers(&self) -> &errors::Markers {
        self.markers.get_or_init(|| errors::Markers::of(self))
    }
    /// The hits of one table, sorted by start.
    pub fn hits(&self, table: Table) -> impl Iterator<Item = &TableHit> + '_ {
        self.hits.iter().filter(move |h| h.table == table)
    }
    /// Start of the (normalized) line containing `pos`.
    pub fn line_start(&self, pos: usize) -> usize {
        let i = self.nl.partition_point(|&n| n < pos);
        if i == 0 {
            0
        } else {
            self.nl[i - 1] + 1
        }
    }
    /// End of the (normalized) line containing `pos`, excluding its newline.
    pub fn line_end(&self, pos: usize) -> usize {
        let i = self.nl.partition_point(|&n| n < pos);
        self.nl.get(i).copied().unwrap_or(self.b.text.len())
    }
    /// Start of the line `n` lines above the one containing `pos`.
    pub fn lines_above(&self, pos: usize, n: usize) -> usize {
        let i = self.nl.partition_point(|&x| x < pos);
        match i.checked_sub(n + 1) {
            Some(j) => self.nl[j] + 1,
            None => 0,
        }
    }
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.b.span(start.min(self.b.text.len()), end.min(self.b.text.len()))
    }
    pub fn line(&self, pos: usize) -> usize {
        self.lines.line_of(self.b.orig(pos.min(self.b.text.len())))
    }
    /// The normalized line containing an *original* offset.
    pub fn line_text_at(&self, orig: usize) -> &str {
        // `orig` grows with the normalized position: bisect on it.
        let (mut lo, mut hi) = (0usize, self.b.text.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.b.orig(mid) < orig {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut pos = lo.min(self.b.text.len());
        while !self.b.text.is_char_boundary(pos) {
            pos -= 1;
        }
        &self.b.text[self.line_start(pos)..self.line_end(pos)]
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
        let mut blk = Blk::new(text::normalize(text, range), lines);
        // A collector block is read by `collector`, then blanked so the
        // recognizers below do not count it again (its raw tool lines stay).
        if let Some(info) = crate::collector::scan(&blk, &mut obs) {
            obs.collector.get_or_insert(info);
            crate::collector::hide(&mut blk);
        }
        errors::scan(&blk, &mut cands);
        creds::scan(&blk, &mut obs.context, &mut obs.credentials);
        imds::scan(&blk, &mut obs.imds);
        clock::scan(&blk, &mut clocks);
        context::scan(&blk, &mut obs.context);
    }
    obs.errors = errors::merge(cands);
    pair_clock(&mut clocks);
    obs.clock.extend(clocks.evidence);
    obs.ref_times.extend(clocks.ref_times);
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
        c.ref_times.push(RefTime { time: t, what: "date", line });
    }
}

/// The same document read twice (a JSON list and its PowerShell twin, or the
/// same document pasted again) counts once.
fn dedupe_credentials(v: &mut Vec<Credential>) {
    util::sort_by_u64(v, |c| {
        ((c.span.start as u64) << 24) | (0xff_ffff - (c.span.end - c.span.start).min(0xff_ffff) as u64)
    });
    let mut seen = std::collections::HashSet::new();
    let mut out: Vec<Credential> = Vec::new();
    for c in v.drain(..) {
        let inside = out.last().is_some_and(|o| o.span.start <= c.span.start && c.span.end <= o.span.end);
        let same_doc = c.expiration.is_some() && !seen.insert((c.expiration, c.last_updated, c.access_key_id.clone()));
        if !inside && !same_doc {
            out.push(c);
        }
    }
    *v = out;
}

/// Entry points for the fuzz targets (`fuzz/`): each recognizer alone over a
/// whole input. Not part of the API.
#[doc(hidden)]
pub mod fuzzing {
    use super::*;

    fn with_block(text: &str, f: impl FnOnce(&Blk, &mut Observations)) -> Observations {
        let lines = Lines::new(text);
        let blk = Blk::new(text::normalize(text, Span::new(0, text.len())), &lines);
        let mut obs = Observations::default();
        f(&blk, &mut obs);
        obs
    }
    pub fn normalize(text: &str) -> String {
        text::normalize(text, Span::new(0, text.len())).text
    }
    pub fn objects(text: &str) -> usize {
        super::objects::scan(text).len()
    }
    pub fn errors(text: &str) -> usize {
        let mut v = Vec::new();
        with_block(text, |b, _| super::errors::scan(b, &mut v));
        super::errors::merge(v).len()
    }
    pub fn credentials(text: &str) -> usize {
        with_block(text, |b, o| super::creds::scan(b, &mut o.context, &mut o.credentials)).credentials.len()
    }
    pub fn clock(text: &str) -> usize {
        let mut c = super::clock::Clocks::default();
        with_block(text, |b, _| super::clock::scan(b, &mut c));
        c.evidence.len() + c.client_times.len() + c.server_times.len()
    }
    pub fn imds(text: &str) -> usize {
        with_block(text, |b, o| super::imds::scan(b, &mut o.imds)).imds.len()
    }
    pub fn context(text: &str) -> usize {
        with_block(text, |b, o| super::context::scan(b, &mut o.context)).context.env_vars.len()
    }
    pub fn collector(text: &str) -> bool {
        let mut found = false;
        with_block(text, |b, o| found = crate::collector::scan(b, o).is_some());
        found
    }
    pub fn prefilter(text: &str) -> usize {
        super::prefilter::trigger_lines(text, &Lines::new(text)).len()
    }
}
