//! Every fixture case (the shared corpus of real pastes, and the real-client
//! conformance captures) through the real interface: `tokendoctor diagnose
//! --json`. Each expected field must be extracted exactly.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

const NOW: &str = "2026-11-28T12:00:00Z";

fn fixtures_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures").join(name)
}

fn diagnose(path: &Path) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_tokendoctor"))
        .args(["diagnose", "--json", "--now", NOW])
        .arg(path)
        .output()
        .expect("run tokendoctor");
    assert!(
        out.status.success(),
        "{}: exit {:?}\n{}",
        path.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON output")
}

/// `other` and `unknown` both say "not one of the SDKs"; a bare botocore
/// line is what boto3 and the CLI share (see the corpus README).
fn sdk_matches(expected: &str, got: &str) -> bool {
    match expected {
        "other" | "unknown" => matches!(got, "other" | "unknown"),
        "botocore" => matches!(got, "python" | "aws-cli"),
        e => e == got,
    }
}

fn check_case(txt: &Path) -> Vec<String> {
    let expect_path = txt.with_extension("expect.json");
    let expect: Value = serde_json::from_str(&std::fs::read_to_string(&expect_path).unwrap()).unwrap();
    let got = diagnose(txt);
    let err0 = got["errors"].get(0).cloned().unwrap_or(Value::Null);
    let mut problems = Vec::new();
    fn check(problems: &mut Vec<String>, field: &str, want: &Value, have: &Value) {
        if want != have {
            problems.push(format!("{field}: want {want}, got {have}"));
        }
    }
    let e = expect.as_object().unwrap();
    for (k, want) in e {
        match k.as_str() {
            "source" | "kind" => {}
            "sdk" => {
                let have = got["sdk"].as_str().unwrap_or("");
                if !sdk_matches(want.as_str().unwrap(), have) {
                    problems.push(format!("sdk: want {want}, got {have}"));
                }
            }
            "error_code" => check(&mut problems, k, want, &err0["code"]),
            "service" | "status_code" | "request_id" | "request_time" | "server_time" | "skew_seconds" => {
                check(&mut problems, k, want, &err0[k.as_str()])
            }
            "expiration" => {
                let any = got["credentials"].as_array().unwrap().iter().any(|c| &c["expiration"] == want);
                if !any {
                    problems.push(format!("expiration: want {want}, got {}", got["credentials"]));
                }
            }
            "root_cause" => check(&mut problems, k, want, &got["root_cause"]),
            other => problems.push(format!("unknown expectation field {other}")),
        }
    }
    // Spans point into the paste as given: inside it, and an error's span
    // holds its code (escaped, one-line and localized pastes included).
    let bytes = std::fs::read(txt).unwrap();
    let in_bounds = |v: &Value| {
        let (a, b) = (v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize);
        (a <= b && b <= bytes.len()).then_some((a, b))
    };
    for e in got["errors"].as_array().unwrap() {
        let Some((a, b)) = in_bounds(&e["span"]) else {
            problems.push(format!("error span {} outside the input", e["span"]));
            continue;
        };
        if let Some(code) = e["code"].as_str() {
            if !String::from_utf8_lossy(&bytes[a..b]).contains(code) {
                problems.push(format!("error span {a}..{b} does not hold {code}"));
            }
        }
    }
    let mut spans: Vec<&Value> = Vec::new();
    for key in ["credentials", "imds"] {
        spans.extend(got[key].as_array().unwrap().iter().map(|x| &x["span"]));
    }
    for f in got["findings"].as_array().unwrap() {
        spans.extend(f["evidence"].as_array().unwrap().iter().map(|x| &x["span"]));
    }
    for sp in spans {
        if in_bounds(sp).is_none() {
            problems.push(format!("span {sp} outside the input"));
        }
    }
    // Where the text cannot decide, the engine must not claim a cause; nor
    // invent a request id, a status or a skew the text does not show.
    if !e.contains_key("root_cause") && got["root_cause"] != "unknown" {
        problems.push(format!("root_cause: want none, got {}", got["root_cause"]));
    }
    for (field, key) in [("request_id", "request_id"), ("skew_seconds", "skew_seconds"), ("error_code", "code")] {
        if !e.contains_key(field) && !err0[key].is_null() {
            problems.push(format!("{field}: want none, got {}", err0[key]));
        }
    }
    problems
}

fn run_dir(name: &str) {
    let dir = fixtures_dir(name);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no cases in {}", dir.display());
    let mut failed = Vec::new();
    for c in &cases {
        let p = check_case(c);
        if !p.is_empty() {
            failed.push(format!("{}:\n    {}", c.file_name().unwrap().to_string_lossy(), p.join("\n    ")));
        }
    }
    println!("{name}: {} of {} cases pass", cases.len() - failed.len(), cases.len());
    assert!(failed.is_empty(), "{} of {} cases fail:\n{}", failed.len(), cases.len(), failed.join("\n"));
}

#[test]
fn shared_corpus() {
    run_dir("corpus");
}

#[test]
fn conformance_captures() {
    run_dir("conformance");
}

#[test]
fn documented_formats() {
    run_dir("formats");
}
