//! The instance collector: a read-only script the user runs on the instance,
//! and the reader for its output. (Being built: see the collector issue.)

use crate::parse::Observations;
use crate::text::Span;

/// A collector block found in the paste.
#[derive(Clone, Debug, PartialEq)]
pub struct CollectorInfo {
    pub version: String,
    /// Whether the end marker was seen.
    pub complete: bool,
    pub span: Span,
}

pub(crate) fn scan(_blk: &crate::parse::Blk, _obs: &mut Observations) -> Option<CollectorInfo> {
    None
}
