//! Fix commands: one table of templates, filled with validated, quoted values.
//! (Being built: see the commands issue.)

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
