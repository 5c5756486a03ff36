//! The instance collector: a read-only script the user runs on the instance,
//! and the reader for its output.
//!
//! API contract: `script(shell)` returns the script text (the web app and
//! `tokendoctor collector --shell …` show the same); `scan` reads collector
//! blocks found in a paste into the observations. (Being built: issue 6.)

use crate::commands::Shell;
use crate::parse::Observations;
use crate::text::Span;

/// Version written in the collector's begin marker.
pub const VERSION: &str = "1";

/// A collector block found in the paste.
#[derive(Clone, Debug, PartialEq)]
pub struct CollectorInfo {
    pub version: String,
    /// Whether the end marker was seen.
    pub complete: bool,
    pub span: Span,
}

/// The collector script for `shell`.
pub fn script(_shell: Shell) -> String {
    String::new()
}

pub(crate) fn scan(_blk: &crate::parse::Blk, _obs: &mut Observations) -> Option<CollectorInfo> {
    None
}
