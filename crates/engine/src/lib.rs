//! ExpiredToken Doctor engine: reads pasted AWS errors and evidence, diagnoses them.
//!
//! Pure by design: no web dependencies and no clock reads. The reference time is
//! always an argument, so the same input gives the same report everywhere.
//!
//! `analyze` runs the whole pipeline: decode → blocks → recognizers
//! (`parse`) → diagnosis (`diagnose`). The tables that the web app, the CLI,
//! the docs and the tests share live in `tree`, `findings`, `commands` and
//! `codes`.

pub mod ac;
pub mod codes;
pub mod collector;
pub mod commands;
pub mod diagnose;
pub mod findings;
pub mod i18n;
pub mod markdown;
pub mod model;
pub mod parse;
pub mod redact;
pub mod share;
pub mod text;
pub mod time;
pub mod tree;
pub mod validate;

pub use diagnose::{ClockSummary, Report};
pub use findings::{Finding, Severity};
pub use i18n::Lang;
pub use model::*;
pub use time::Timestamp;

/// The largest paste the web app accepts (the CLI reads logs of any size).
pub const MAX_INPUT: usize = 16 * 1024 * 1024;

/// Diagnoses `text` as of `now`.
pub fn analyze(text: &str, now: Timestamp) -> Report {
    let lines = text::Lines::new(text);
    let obs = parse::parse(text, &lines);
    diagnose::diagnose(obs, now)
}

/// Diagnoses raw bytes (invalid UTF-8 is replaced, never an error).
pub fn analyze_bytes(bytes: &[u8], now: Timestamp) -> Report {
    analyze(&text::decode(bytes), now)
}

pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
