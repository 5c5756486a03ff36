//! `tokendoctor commands` and the `"commands"` object of `diagnose --json`:
//! output shape, flags, exit status 2 for rejected values. Needs no tools.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;
use tokendoctor_engine::commands::{for_step, missing_fields, Imds, Inputs, Shell};
use tokendoctor_engine::i18n::Lang;

fn td(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tokendoctor"))
        .args(args)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tokendoctor");
    // The child may exit before reading (a rejected flag): ignore a broken pipe.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    child.wait_with_output().expect("wait")
}

fn json(o: &Output) -> Value {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn commands_json_has_the_documented_shape_and_the_engine_rendering() {
    let o = td(
        &[
            "commands",
            "--step",
            "role_attach",
            "--instance-id",
            "i-0abc1234def567890",
            "--region",
            "eu-west-1",
            "--json",
        ],
        "",
    );
    let v = json(&o);
    assert_eq!(v["step"], "role_attach");
    let cmds = v["commands"].as_array().unwrap();
    assert!(!cmds.is_empty());
    for c in cmds {
        let keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "shell", "purpose", "text"]);
        assert!(["bash", "aws-cli"].contains(&c["shell"].as_str().unwrap()), "{c}");
    }
    assert_eq!(v["missing"], serde_json::json!(["instance_profile"]));
    assert_eq!(v["problems"], serde_json::json!([]));
    let inputs = Inputs {
        instance_id: Some("i-0abc1234def567890".into()),
        region: Some("eu-west-1".into()),
        ..Inputs::default()
    };
    let want = for_step("role_attach", &inputs, Lang::En);
    let texts: Vec<&str> = cmds.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts, want.commands.iter().map(|c| c.text.as_str()).collect::<Vec<_>>());
    assert!(texts
        .iter()
        .any(|t| t.contains("--instance-id 'i-0abc1234def567890'") && t.contains("'Name=<INSTANCE_PROFILE_NAME>'")));
}

#[test]
fn shell_imds_and_language_flags() {
    let v = json(&td(
        &["commands", "--step", "imds_reach", "--shell", "powershell", "--imds", "v1", "--lang", "es", "--json"],
        "",
    ));
    let cmds = v["commands"].as_array().unwrap();
    assert!(cmds.iter().all(|c| c["shell"] == "powershell" || c["shell"] == "aws-cli"));
    assert!(cmds.iter().any(|c| c["purpose"].as_str().unwrap().starts_with("IMDSv1: lista")));
    // Only the probe (which tests both versions) asks for a token under v1.
    assert!(cmds
        .iter()
        .filter(|c| c["id"] != "imds_token_probe")
        .all(|c| !c["text"].as_str().unwrap().contains("metadata-token-ttl")));
    let o = td(&["commands", "--step", "imds_reach", "--shell", "fish"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--shell"));
    let o = td(&["commands", "--step", "imds_reach", "--imds", "v3"], "");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn text_output_is_a_script_of_the_shell() {
    let o = td(&["commands", "--step", "clock_linux"], "");
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.starts_with("# Amazon Linux, RHEL"), "{out}");
    assert!(out.contains("[chrony_config_al, bash]\n"));
    assert!(out.contains("server 169.254.169.123 prefer iburst minpoll 4 maxpoll 4"));
}

#[test]
fn rejected_values_exit_2_with_the_rule() {
    for (flag, value, label) in [
        ("--role", "a;b", "Role name:"),
        ("--instance-profile", "x y", "Instance profile name:"),
        ("--instance-id", "i-123", "Instance ID:"),
        ("--region", "mars-1", "Region:"),
        ("--association-id", "iip-assoc-1", "Association ID:"),
        ("--profile", "[dev]", "AWS CLI profile:"),
        ("--pid", "0", "Process ID:"),
        ("--account", "12", "Account ID:"),
        ("--role", "$(touch pwned)", "Role name:"),
        ("--region", "us-east-1\n--debug", "Region:"),
    ] {
        let o = td(&["commands", "--step", "verify", flag, value], "");
        assert_eq!(o.status.code(), Some(2), "{flag} {value:?}");
        assert!(o.stdout.is_empty(), "nothing printed for {flag} {value:?}");
        let err = stderr(&o);
        assert!(err.contains(&format!("{flag}: {label}")) && err.contains("Rule:"), "{err}");
        assert!(!err.contains("pwned") && !err.contains("--debug"), "the value is not echoed: {err}");
    }
    let o = td(&["commands", "--step", "verify", "--lang", "es", "--instance-id", "nope"], "");
    assert!(stderr(&o).contains("--instance-id: ID de instancia:") && stderr(&o).contains("Regla:"));
    // A valid value that looks like an option stays one quoted value.
    let v = json(&td(&["commands", "--step", "sts_duration", "--role", "--debug", "--json"], ""));
    assert!(v["commands"][0]["text"].as_str().unwrap().contains("aws iam get-role '--role-name=--debug'"));
}

#[test]
fn step_is_required_and_must_exist() {
    let o = td(&["commands"], "");
    assert_eq!(o.status.code(), Some(2));
    let o = td(&["commands", "--step", "nope"], "");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no step `nope`"));
}

#[test]
fn diagnose_json_lists_the_commands_of_its_step() {
    let paste = "$ aws ec2 describe-instances --region eu-west-1\n\
        An error occurred (RequestExpired) when calling the DescribeInstances operation: Request has expired.\n\
        arn:aws:sts::123456789012:assumed-role/web-role/i-0abc1234def567890\n";
    let now = "2026-11-28T12:00:00Z";
    let v = json(&td(
        &["diagnose", "--json", "--now", now, "--shell", "powershell", "--imds", "v1", "--profile", "ops"],
        paste,
    ));
    let step = v["step"]["id"].as_str().unwrap();
    assert_eq!(v["commands"]["step"], step);
    // Same as the engine: the paste's context, then the flags on top.
    let report = tokendoctor_engine::analyze(paste, tokendoctor_engine::time::parse_instant(now).unwrap());
    let mut inputs = Inputs::from_context(&report.context);
    inputs.shell = Shell::PowerShell;
    inputs.imds = Imds::V1;
    inputs.profile = Some("ops".into());
    let want = for_step(step, &inputs, Lang::En);
    let got: Vec<(&str, &str)> = v["commands"]["commands"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    assert_eq!(got, want.commands.iter().map(|c| (c.id, c.text.as_str())).collect::<Vec<_>>());
    assert_eq!(v["commands"]["missing"], serde_json::json!(missing_fields(step, &inputs)));
    // A rejected flag stops before reading anything.
    let o = td(&["diagnose", "--json", "--region", "moon-1"], paste);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--region: Region:"));
    // Without --json the flags are still checked.
    let o = td(&["diagnose", "--role", "a b"], paste);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn container_and_sdk_flags() {
    let v = json(&td(&["commands", "--step", "expired_source", "--container", "ecs", "--json"], ""));
    let ids: Vec<&str> = v["commands"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"container_credentials"), "{ids:?}");
    let v = json(&td(&["commands", "--step", "app_caches", "--sdk", "java-v2", "--json"], ""));
    let ids: Vec<&str> = v["commands"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["java_v2_refresh"]);
    let bad = td(&["commands", "--step", "start", "--container", "podman"], "");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--container"));
}
