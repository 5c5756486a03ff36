//! `tokendoctor`: the ExpiredToken Doctor engine on the command line.
//!
//! Subcommands: `diagnose` (read pastes and logs, print a report), `steps`
//! (the decision tree), `commands` (a step's fix commands, filled and quoted),
//! `redact` (make a text safe to share), `collector` (the instance collector
//! script). Exit status 0
//! when the command ran (even if it found nothing), 2 for usage or I/O errors.

mod args;
mod bench;
mod collector_cmd;
mod commands_cmd;
mod human;
mod json;

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use args::{Args, UsageError};
use tokendoctor_engine::i18n::Lang;
use tokendoctor_engine::time::{parse_instant, Timestamp};
use tokendoctor_engine::{analyze_bytes, redact, tree};

const USAGE: &str = "\
tokendoctor: diagnose AWS ExpiredToken, clock-skew and instance-metadata errors

USAGE:
  tokendoctor diagnose [--now RFC3339] [--json] [--lang en|es] [FILE...|-]
  tokendoctor steps [--json] [--lang en|es]
  tokendoctor commands --step ID [VALUES] [--shell bash|powershell] [--imds v1|v2]
                       [--container none|docker|ecs|eks] [--sdk SDK] [--json] [--lang en|es]
  tokendoctor redact [FILE|-]
  tokendoctor collector [--shell bash|powershell]
  tokendoctor bench [--size-mib N] [--runs N] [--keep]
  tokendoctor --version | --help

diagnose reads each FILE (or standard input when none or `-`) as one paste:
error messages and stack traces from any AWS SDK, CLI or Terraform, IMDS
credential JSON, PowerShell output, `date`, chronyc, timedatectl, w32tm,
`aws configure list`. It prints the verdict first, then the findings with the
lines they came from. --now sets the reference time (default: now).
Secrets in the input are never printed.

commands prints the fix commands of one step (ids: `tokendoctor steps`) for
the shell and IMDS version chosen (default bash, v2). VALUES fill them:
--role NAME, --instance-profile NAME, --instance-id ID, --region REGION,
--association-id ID, --profile CLI_PROFILE, --pid PID, --account ID. Each is
checked against AWS's format rules and quoted for the shell; a rejected value
exits 2 with the rule, a missing one shows a <PLACEHOLDER>. --json prints
{\"step\", \"commands\": [{\"id\", \"shell\", \"purpose\", \"text\"}], \"problems\", \"missing\"}.
--container adds the checks of the container the application runs in, and
--sdk keeps only that SDK's code (default: from the paste, else all).
diagnose takes the same VALUES, --shell, --imds, --container and --sdk: with
--json it adds the commands of the step it leads to, filled from the paste
and the flags.

collector prints a read-only script to run on the instance (bash, the
default, or PowerShell). It gathers the clock, IMDS, credential-document,
variable and profile evidence in one block, with secrets masked on the
instance; paste its output into `diagnose` for the whole diagnosis.

Exit status: 0 when the command ran, 2 on usage or I/O errors.
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(argv) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`tokendoctor … | head`) is not an error worth a message.
        Err(e) if e.broken_pipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "tokendoctor: {e}");
            if e.show_usage {
                let _ = writeln!(std::io::stderr(), "Run `tokendoctor --help` for usage.");
            }
            ExitCode::from(2)
        }
    }
}

fn run(argv: Vec<String>) -> Result<(), UsageError> {
    let Some(cmd) = argv.first().map(String::as_str) else {
        return out(USAGE);
    };
    let rest = &argv[1..];
    match cmd {
        "-h" | "--help" | "help" => out(USAGE),
        "-V" | "--version" => out(&format!("tokendoctor {}\n", tokendoctor_engine::version())),
        "diagnose" => diagnose(Args::parse(
            rest,
            &[&["now", "lang"][..], commands_cmd::VALUE_OPTIONS].concat(),
            &["json", "color", "no-color", "report-peak-rss"],
        )?),
        "commands" => commands_cmd::run(Args::parse(
            rest,
            &[&["step", "lang"][..], commands_cmd::VALUE_OPTIONS].concat(),
            &["json"],
        )?),
        "bench" => bench::run(Args::parse(rest, &["size-mib", "runs"], &["keep"])?),
        "steps" => steps(Args::parse(rest, &["lang"], &["json"])?),
        "collector" => collector_cmd::run(Args::parse(rest, &["shell"], &[])?),
        "redact" => redact_cmd(Args::parse(rest, &[], &[])?),
        other => Err(UsageError::usage(format!("unknown command `{other}`"))),
    }
}

/// Input files joined into one paste, with where each file starts.
pub struct Input {
    pub bytes: Vec<u8>,
    /// (name, first line of the file in the joined text), when several files.
    pub files: Vec<(String, usize)>,
}

impl json::LineMap for Input {
    fn file_of(&self, line: usize) -> Option<(String, usize)> {
        if self.files.len() < 2 {
            return None;
        }
        let (name, first) = self.files.iter().rev().find(|(_, first)| *first <= line)?;
        Some((name.clone(), line - first + 1))
    }
}

fn read_inputs(paths: &[String]) -> Result<Input, UsageError> {
    let paths: Vec<String> = if paths.is_empty() { vec!["-".into()] } else { paths.to_vec() };
    let mut input = Input { bytes: Vec::new(), files: Vec::new() };
    for p in &paths {
        let first_line = 1 + input.bytes.iter().filter(|b| **b == b'\n').count();
        input.files.push((p.clone(), first_line));
        let mut buf = Vec::new();
        if p == "-" {
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| UsageError::io(format!("reading standard input: {e}")))?;
        } else {
            buf = std::fs::read(p).map_err(|e| UsageError::io(format!("{p}: {e}")))?;
        }
        if input.bytes.is_empty() {
            // One input (the usual case): keep its buffer, no copy.
            input.bytes = buf;
        } else {
            input.bytes.extend_from_slice(&buf);
        }
        if !input.bytes.is_empty() && !input.bytes.ends_with(b"\n") && paths.len() > 1 {
            input.bytes.push(b'\n');
        }
    }
    Ok(input)
}

fn now_arg(a: &Args) -> Result<Timestamp, UsageError> {
    match a.value("now") {
        Some(s) => parse_instant(s).ok_or_else(|| {
            UsageError::usage(format!("--now: `{s}` is not an RFC 3339 time such as 2026-11-28T12:00:00Z"))
        }),
        None => Ok(chrono::Utc::now()),
    }
}

fn lang_arg(a: &Args) -> Result<Lang, UsageError> {
    match a.value("lang") {
        None => Ok(Lang::En),
        Some("en") => Ok(Lang::En),
        Some("es") => Ok(Lang::Es),
        Some(o) => Err(UsageError::usage(format!("--lang: `{o}` is not en or es"))),
    }
}

fn diagnose(a: Args) -> Result<(), UsageError> {
    let now = now_arg(&a)?;
    let lang = lang_arg(&a)?;
    // Reject a bad --role/--region… before reading anything.
    commands_cmd::inputs_from_args(&a, Default::default(), lang)?;
    let input = read_inputs(&a.positional)?;
    let report = analyze_bytes(&input.bytes, now);
    let mut out = std::io::stdout().lock();
    if a.flag("json") {
        let v = json::report(&report, lang, &input, Some(commands_cmd::for_report(&report, &a, lang)?));
        serde_json::to_writer_pretty(&mut out, &v).map_err(UsageError::from)?;
        writeln!(out).map_err(UsageError::from)?;
    } else {
        let color = !a.flag("no-color")
            && (a.flag("color") || (std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()));
        let text = String::from_utf8_lossy(&input.bytes);
        human::write(&mut out, &report, &text, &input, lang, color).map_err(UsageError::from)?;
    }
    if a.flag("report-peak-rss") {
        // For `bench`: peak memory of this whole run, on standard error.
        eprintln!("peak_rss_kib={}", bench::peak_rss_kib().map_or("n/a".to_string(), |k| k.to_string()));
    }
    Ok(())
}

fn steps(a: Args) -> Result<(), UsageError> {
    let lang = lang_arg(&a)?;
    let mut out = std::io::stdout().lock();
    if a.flag("json") {
        let nodes: Vec<serde_json::Value> = tree::NODES
            .iter()
            .map(|n| {
                serde_json::json!({
                    "id": n.id,
                    "kind": n.kind.as_str(),
                    "title": n.title.get(lang),
                    "body": n.body.get(lang),
                    "answers": n.answers.iter().map(|a| serde_json::json!({"label": a.label.get(lang), "next": a.next})).collect::<Vec<_>>(),
                    "next": n.answers.iter().map(|a| a.next).collect::<Vec<_>>(),
                    "commands": n.commands,
                    "docs": n.docs,
                })
            })
            .collect();
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({"schema_version": 1, "start": tree::START, "steps": nodes}),
        )
        .map_err(UsageError::from)?;
        writeln!(out).map_err(UsageError::from)?;
    } else {
        for n in tree::NODES {
            writeln!(out, "{} [{}]: {}", n.id, n.kind.as_str(), n.title.get(lang)).map_err(UsageError::from)?;
            for ans in n.answers {
                writeln!(out, "    → {}: {}", ans.next, ans.label.get(lang)).map_err(UsageError::from)?;
            }
        }
    }
    Ok(())
}

fn redact_cmd(a: Args) -> Result<(), UsageError> {
    let input = read_inputs(&a.positional)?;
    let text = String::from_utf8_lossy(&input.bytes);
    out(&redact::redact(&text))
}

/// Writes to standard output; a closed pipe ends the command quietly.
pub fn out(s: &str) -> Result<(), UsageError> {
    std::io::stdout().lock().write_all(s.as_bytes()).map_err(UsageError::from)
}
