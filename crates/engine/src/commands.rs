//! Fix commands: one table of templates, filled with validated, quoted values.
//!
//! API contract (the web app and the CLI rely on it):
//! - `Inputs` holds the user's values (role, instance ID, region…), shell and
//!   IMDS version; `Inputs::from_context` pre-fills it from a diagnosis.
//! - `for_step(step, &inputs, lang)` renders the commands a decision-tree
//!   node offers, in the chosen shell, with every value validated and quoted;
//!   invalid or missing values become visible placeholders and are reported
//!   in `StepCommands::problems`.

use crate::i18n::Lang;
use crate::model::Context;

/// The shell a command is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Shell {
    #[default]
    Bash,
    PowerShell,
}

impl Shell {
    pub fn as_str(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::PowerShell => "powershell",
        }
    }
    pub fn parse(s: &str) -> Option<Shell> {
        match s.to_ascii_lowercase().as_str() {
            "bash" | "sh" | "linux" => Some(Shell::Bash),
            "powershell" | "pwsh" | "ps" | "windows" => Some(Shell::PowerShell),
            _ => None,
        }
    }
}

/// Which IMDS protocol the commands use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Imds {
    V1,
    #[default]
    V2,
}

impl Imds {
    pub fn as_str(self) -> &'static str {
        match self {
            Imds::V1 => "v1",
            Imds::V2 => "v2",
        }
    }
    pub fn parse(s: &str) -> Option<Imds> {
        match s.to_ascii_lowercase().as_str() {
            "v1" | "1" | "imdsv1" => Some(Imds::V1),
            "v2" | "2" | "imdsv2" => Some(Imds::V2),
            _ => None,
        }
    }
}

/// The values commands are filled with. `None` renders a placeholder.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Inputs {
    pub role: Option<String>,
    pub instance_profile: Option<String>,
    pub instance_id: Option<String>,
    pub region: Option<String>,
    pub association_id: Option<String>,
    pub profile: Option<String>,
    pub pid: Option<String>,
    pub shell: Shell,
    pub imds: Imds,
}

impl Inputs {
    /// Pre-fills from what a paste revealed.
    pub fn from_context(ctx: &Context) -> Inputs {
        Inputs {
            role: ctx.role.clone(),
            instance_profile: ctx.instance_profile.clone(),
            instance_id: ctx.instance_id.clone(),
            region: ctx.region.clone(),
            shell: ctx.shell.unwrap_or_default(),
            imds: match ctx.imds_v2 {
                Some(false) => Imds::V1,
                _ => Imds::V2,
            },
            ..Inputs::default()
        }
    }
}

/// One rendered command block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedCommand {
    /// Template id (stable; nodes in `tree` list these).
    pub id: &'static str,
    /// `bash`, `powershell`, or `aws-cli` (a line that works in both).
    pub shell: &'static str,
    /// One line saying what it is for, in the requested language.
    pub purpose: String,
    pub text: String,
}

/// A value that was rejected, with the field and the rule it broke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

/// The commands of one step.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct StepCommands {
    pub step: String,
    pub commands: Vec<RenderedCommand>,
    pub problems: Vec<Problem>,
}

/// Renders the commands `step` offers. (Templates: being built, see issue 4.)
pub fn for_step(step: &str, _inputs: &Inputs, _lang: Lang) -> StepCommands {
    StepCommands {
        step: step.to_string(),
        ..StepCommands::default()
    }
}
