//! `tokendoctor commands`: the fix commands of one decision-tree step, filled
//! with the values given as flags; and the same flags and `"commands"` object
//! for `diagnose --json`.
//!
//! Every value flag is validated before anything is printed: a rejected value
//! ends the run with status 2 and the validator's message (field and rule), so
//! a script never receives a command with a placeholder it did not expect.
//! Values that are simply not given render visible placeholders and are listed
//! under `"missing"` (and on standard error in the text form).

use std::io::Write;

use serde_json::{json, Value};
use tokendoctor_engine::commands::{self, Imds, Inputs, Shell, StepCommands};
use tokendoctor_engine::i18n::Lang;
use tokendoctor_engine::tree;
use tokendoctor_engine::validate::{self, Field};

use crate::args::{Args, UsageError};

/// Options that take a value, for `commands` and `diagnose`.
pub const VALUE_OPTIONS: &[&str] = &[
    "role",
    "instance-profile",
    "instance-id",
    "region",
    "association-id",
    "profile",
    "pid",
    "account",
    "shell",
    "imds",
    "container",
    "sdk",
];

/// `Inputs` from the flags, on top of `base` (a diagnosis context, or empty).
/// A flag given with an empty value clears the field.
pub fn inputs_from_args(a: &Args, base: Inputs, lang: Lang) -> Result<Inputs, UsageError> {
    let mut inputs = base;
    if let Some(s) = a.value("shell") {
        inputs.shell = Shell::parse(s)
            .ok_or_else(|| UsageError::usage(format!("--shell: `{}` is not bash or powershell", printable(s))))?;
    }
    if let Some(s) = a.value("imds") {
        inputs.imds =
            Imds::parse(s).ok_or_else(|| UsageError::usage(format!("--imds: `{}` is not v1 or v2", printable(s))))?;
    }
    if let Some(s) = a.value("container") {
        inputs.container = match s {
            "" | "none" => None,
            other => Some(tokendoctor_engine::commands::container(other).ok_or_else(|| {
                UsageError::usage(format!("--container: `{}` is not none, docker, ecs or eks", printable(other)))
            })?),
        };
    }
    if let Some(s) = a.value("sdk") {
        inputs.sdk = tokendoctor_engine::Sdk::parse(s).ok_or_else(|| {
            UsageError::usage(format!("--sdk: `{}` is not one of java-v1, java-v2, python, aws-cli, js-v2, js-v3, go-v1, go-v2, dotnet, php, ruby, rust, powershell, terraform, hadoop-s3a", printable(s)))
        })?;
    }
    for f in Field::ALL {
        let Some(v) = a.value(f.flag()) else { continue };
        if v.is_empty() {
            inputs.set(f, None);
            continue;
        }
        validate::check(f, v).map_err(|e| UsageError::usage(format!("--{}: {}", f.flag(), e.message(lang))))?;
        inputs.set(f, Some(v.to_string()));
    }
    Ok(inputs)
}

/// A short, control-free rendering of a rejected value for a message.
fn printable(s: &str) -> String {
    let mut out: String = s.chars().take(40).map(|c| if c.is_control() { '?' } else { c }).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// The `{"step", "commands", "problems", "missing"}` object (the same shape
/// in `commands --json` and in `diagnose --json`).
pub fn json_value(sc: &StepCommands, missing: &[&str]) -> Value {
    json!({
        "step": sc.step,
        "commands": sc.commands.iter().map(|c| json!({"id": c.id, "shell": c.shell, "purpose": c.purpose, "text": c.text})).collect::<Vec<_>>(),
        "problems": sc.problems.iter().map(|p| json!({"field": p.field, "message": p.message})).collect::<Vec<_>>(),
        "missing": missing,
    })
}

/// For `diagnose --json`: the commands of the step the report leads to,
/// filled from the paste's context overridden by the flags.
pub fn for_report(report: &tokendoctor_engine::Report, a: &Args, lang: Lang) -> Result<Value, UsageError> {
    let inputs = inputs_from_args(a, Inputs::from_context(&report.context), lang)?;
    let step = report.start_step;
    Ok(json_value(&commands::for_step(step, &inputs, lang), &commands::missing_fields(step, &inputs)))
}

/// `tokendoctor commands --step ID [value flags] [--shell …] [--imds …] [--json] [--lang …]`
pub fn run(a: Args) -> Result<(), UsageError> {
    let lang = crate::lang_arg(&a)?;
    let step = a
        .value("step")
        .ok_or_else(|| UsageError::usage("commands: --step ID is required (ids: `tokendoctor steps`)"))?;
    if tree::node(step).is_none() {
        return Err(UsageError::usage(format!("--step: no step `{}` (ids: `tokendoctor steps`)", printable(step))));
    }
    if let Some(p) = a.positional.first() {
        return Err(UsageError::usage(format!("commands: unexpected argument `{}`", printable(p))));
    }
    let inputs = inputs_from_args(&a, Inputs::default(), lang)?;
    let sc = commands::for_step(step, &inputs, lang);
    let missing = commands::missing_fields(step, &inputs);
    let mut out = std::io::stdout().lock();
    if a.flag("json") {
        serde_json::to_writer_pretty(&mut out, &json_value(&sc, &missing))?;
        writeln!(out)?;
        return Ok(());
    }
    // Text form: each block under a `#` line with its purpose, so the output
    // of a bash or PowerShell step is itself a valid script of that shell.
    for (i, c) in sc.commands.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        let marker = if c.shell == "java" { "//" } else { "#" };
        writeln!(out, "{marker} {} [{}, {}]", c.purpose, c.id, c.shell)?;
        writeln!(out, "{}", c.text)?;
    }
    if !missing.is_empty() {
        let flags: Vec<String> =
            missing.iter().filter_map(|m| Field::parse(m)).map(|f| format!("--{}", f.flag())).collect();
        let note = match lang {
            Lang::En => "placeholders shown; give",
            Lang::Es => "se muestran marcadores; indica",
        };
        eprintln!("tokendoctor: {note} {}", flags.join(" "));
    }
    Ok(())
}
