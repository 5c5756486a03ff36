//! `tokendoctor collector`: prints the engine's script, the same text the web
//! app shows, for bash (the default) and PowerShell. No tools needed.

use std::process::Command;
use tokendoctor_engine::collector::{script, VERSION};
use tokendoctor_engine::commands::Shell;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tokendoctor")).args(args).output().expect("run tokendoctor");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn prints_the_engine_script() {
    assert_eq!(run(&["collector"]), (0, script(Shell::Bash), String::new()));
    assert_eq!(run(&["collector", "--shell", "bash"]).1, script(Shell::Bash));
    assert_eq!(run(&["collector", "--shell=powershell"]).1, script(Shell::PowerShell));
    assert_eq!(run(&["collector", "--shell", "pwsh"]).1, script(Shell::PowerShell));
    let bash = script(Shell::Bash);
    assert!(bash.starts_with("#!/usr/bin/env bash\n"));
    assert!(bash.contains(&format!("=== tokendoctor collector v{VERSION} begin ===")));
}

#[test]
fn rejects_bad_usage() {
    let (code, out, err) = run(&["collector", "--shell", "fish"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("--shell: `fish` is not bash or powershell"), "{err}");
    assert_eq!(run(&["collector", "extra"]).0, 2);
    assert_eq!(run(&["collector", "--json"]).0, 2);
}

#[test]
fn usage_lists_it() {
    let (_, out, _) = run(&["--help"]);
    assert!(out.contains("tokendoctor collector [--shell bash|powershell]"));
}
