//! A small argument reader: `--name value`, `--name=value`, flags, positionals,
//! and `--` to end options. Raw parse first; commands then resolve values.

use std::fmt;

#[derive(Debug)]
pub struct UsageError {
    pub message: String,
    pub show_usage: bool,
    /// Standard output was closed by the reader (`| head`): end quietly.
    pub broken_pipe: bool,
}

impl From<std::io::Error> for UsageError {
    fn from(e: std::io::Error) -> UsageError {
        UsageError { broken_pipe: e.kind() == std::io::ErrorKind::BrokenPipe, ..UsageError::io(e.to_string()) }
    }
}

impl From<serde_json::Error> for UsageError {
    fn from(e: serde_json::Error) -> UsageError {
        match e.io_error_kind() {
            Some(kind) => std::io::Error::from(kind).into(),
            None => UsageError::io(e.to_string()),
        }
    }
}

impl UsageError {
    pub fn usage(message: impl Into<String>) -> UsageError {
        UsageError { message: message.into(), show_usage: true, broken_pipe: false }
    }
    pub fn io(message: impl Into<String>) -> UsageError {
        UsageError { message: message.into(), show_usage: false, broken_pipe: false }
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[derive(Debug, Default)]
pub struct Args {
    values: Vec<(String, String)>,
    flags: Vec<String>,
    pub positional: Vec<String>,
}

impl Args {
    /// Parses `argv` given the options that take a value and the flags.
    pub fn parse(argv: &[String], valued: &[&str], flags: &[&str]) -> Result<Args, UsageError> {
        let mut a = Args::default();
        let mut i = 0;
        let mut only_positional = false;
        while i < argv.len() {
            let arg = &argv[i];
            if only_positional || arg == "-" || !arg.starts_with("--") {
                a.positional.push(arg.clone());
            } else if arg == "--" {
                only_positional = true;
            } else {
                let body = &arg[2..];
                let (name, inline) = match body.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (body, None),
                };
                if valued.contains(&name) {
                    let v = match inline {
                        Some(v) => v,
                        None => {
                            i += 1;
                            argv.get(i).cloned().ok_or_else(|| UsageError::usage(format!("--{name} needs a value")))?
                        }
                    };
                    a.values.retain(|(n, _)| n != name);
                    a.values.push((name.to_string(), v));
                } else if flags.contains(&name) && inline.is_none() {
                    a.flags.push(name.to_string());
                } else {
                    return Err(UsageError::usage(format!("unknown option `--{name}`")));
                }
            }
            i += 1;
        }
        Ok(a)
    }
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
    pub fn flag(&self, name: &str) -> bool {
        self.flags.iter().any(|f| f == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn parses_values_flags_and_positionals() {
        let a = Args::parse(
            &v(&["--now", "2026-01-01T00:00:00Z", "--json", "a.txt", "--lang=es", "-"]),
            &["now", "lang"],
            &["json"],
        )
        .unwrap();
        assert_eq!(a.value("now"), Some("2026-01-01T00:00:00Z"));
        assert_eq!(a.value("lang"), Some("es"));
        assert!(a.flag("json"));
        assert_eq!(a.positional, v(&["a.txt", "-"]));
    }

    #[test]
    fn rejects_unknown_and_missing() {
        assert!(Args::parse(&v(&["--nope"]), &[], &[]).is_err());
        assert!(Args::parse(&v(&["--now"]), &["now"], &[]).is_err());
        let a = Args::parse(&v(&["--", "--json"]), &[], &["json"]).unwrap();
        assert_eq!(a.positional, v(&["--json"]));
    }
}
