//! `tokendoctor collector --shell bash|powershell`: prints the instance
//! collector, the read-only script whose output, pasted into `diagnose` (or
//! the web app), answers the whole decision tree. The text is the engine's
//! (`tokendoctor_engine::collector::script`), the same the web app shows.

use crate::args::{Args, UsageError};
use tokendoctor_engine::collector;
use tokendoctor_engine::commands::Shell;

/// Prints the script for `--shell` (default bash).
pub fn run(a: Args) -> Result<(), UsageError> {
    if let Some(extra) = a.positional.first() {
        return Err(UsageError::usage(format!("collector takes no argument (got `{extra}`)")));
    }
    let shell = match a.value("shell") {
        None => Shell::Bash,
        Some(s) => {
            Shell::parse(s).ok_or_else(|| UsageError::usage(format!("--shell: `{s}` is not bash or powershell")))?
        }
    };
    crate::out(&collector::script(shell))
}
