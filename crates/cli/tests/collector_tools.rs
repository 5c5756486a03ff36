//! The real bash collector, run against real tools: `moto_server`'s IMDS on
//! 127.0.0.1 (through `AWS_EC2_METADATA_SERVICE_ENDPOINT`, as the SDKs read
//! it), `faketime` for a clock 20 minutes behind, `shellcheck`, and a
//! PowerShell parser for the PowerShell collector (no PowerShell runs here).
//! Its output goes through `tokendoctor diagnose --json`.
//!
//! Tools: bash, curl, shellcheck, faketime (Debian packages) and the Python
//! venv at `$TOKENDOCTOR_VENV` or `<repo>/.venv` with moto[server] and awscli
//! (tests/tools/setup.sh), plus tree-sitter and tree-sitter-powershell for the
//! PowerShell parse. A missing tool fails the test when
//! `TOKENDOCTOR_REQUIRE_TOOLS=1`; otherwise the test says `SKIPPED (tool
//! missing: …)` on standard error (not captured) and passes.
//!
//! Every address is on 127.0.0.1: IMDS is moto or a stub in this process,
//! and STS is pointed there too (`AWS_ENDPOINT_URL_STS`), so nothing leaves
//! the machine.

mod support;

use serde_json::Value;
use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use support::{free_port, http, require, say, tools_required, venv, MotoServer, Scratch};

/// The longest a collector run may take when every probe times out (three
/// 2 s network calls, the AWS CLI's own IMDS timeouts, local tools).
const BOUND: Duration = Duration::from_secs(25);

/// One collector run at a time: its `ps` scan would see another test's
/// fake JVM, and two cores are better spent on one run.
static SERIAL: Mutex<()> = Mutex::new(());

fn serial() -> MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|e| e.into_inner())
}

/// The tools every run needs (`support::require`'s fail-or-skip policy).
fn base_tools(test: &str) -> bool {
    require(test, &["bash", "curl"])
}

/// A scratch directory with a `home` inside, the collector's `$HOME`.
fn scratch(name: &str) -> Scratch {
    let dir = Scratch::new(&format!("collector-{name}"));
    std::fs::create_dir_all(dir.join("home")).unwrap();
    dir
}

fn tokendoctor(args: &[&str], stdin: Option<&str>) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tokendoctor"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("run tokendoctor");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "tokendoctor {args:?}: {:?}", out.status);
    String::from_utf8(out.stdout).unwrap()
}

fn diagnose(output: &str) -> Value {
    serde_json::from_str(&tokendoctor(&["diagnose", "--json"], Some(output))).unwrap()
}

/// A child process killed on drop.
struct Kill(Child);

impl Drop for Kill {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// How to run the collector: endpoints, clock, extra environment.
struct Run<'a> {
    imds_port: u16,
    sts_port: u16,
    faketime: Option<&'a str>,
    home: &'a Path,
    env: Vec<(&'a str, String)>,
}

/// Runs the bash collector the CLI prints; (output, wall time).
fn collect(r: &Run) -> (String, Duration) {
    let script = r.home.join("../collect.sh");
    std::fs::write(&script, tokendoctor(&["collector", "--shell", "bash"], None)).unwrap();
    let path = format!("{}:/usr/local/bin:/usr/bin:/bin", venv().join("bin").display());
    let mut cmd = match r.faketime {
        Some(offset) => {
            let mut c = Command::new("faketime");
            c.args(["-f", offset, "bash"]);
            c
        }
        None => Command::new("bash"),
    };
    cmd.arg(&script)
        .env_clear()
        .env("PATH", path)
        .env("HOME", r.home)
        .env("AWS_EC2_METADATA_SERVICE_ENDPOINT", format!("http://127.0.0.1:{}", r.imds_port))
        .env("AWS_ENDPOINT_URL_STS", format!("http://127.0.0.1:{}", r.sts_port))
        .stdin(Stdio::null());
    for (k, v) in &r.env {
        cmd.env(k, v);
    }
    let start = Instant::now();
    let out = cmd.output().expect("run the collector");
    let took = start.elapsed();
    assert!(out.status.success(), "collector exit {:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let _ = writeln!(
        std::io::stderr(),
        "collector run ({}) took {:.1} s",
        r.faketime.unwrap_or("true clock"),
        took.as_secs_f64()
    );
    assert!(text.starts_with("=== tokendoctor collector v1 begin ===\n"), "{text}");
    assert!(text.ends_with("=== tokendoctor collector v1 end ===\n"), "{text}");
    (text, took)
}

/// The value of `key:` in the collector's output.
fn field<'a>(out: &'a str, key: &str) -> Option<&'a str> {
    out.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix(": "))
}

fn epoch_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

fn http_date_epoch(s: &str) -> i64 {
    chrono::DateTime::parse_from_rfc2822(s).unwrap().timestamp()
}

fn rfc3339_epoch(s: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(s).unwrap().timestamp()
}

fn collector_cred(report: &Value) -> &Value {
    report["credentials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["format"] == "collector")
        .unwrap_or_else(|| panic!("no collector credential: {report:#}"))
}

fn finding_codes(report: &Value) -> Vec<&str> {
    report["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect()
}

#[test]
fn bash_collector_passes_shellcheck() {
    if !require("bash_collector_passes_shellcheck", &["shellcheck"]) {
        return;
    }
    let sc = support::tool("shellcheck").unwrap();
    let dir = scratch("shellcheck");
    let file = dir.join("collect.sh");
    std::fs::write(&file, tokendoctor(&["collector", "--shell", "bash"], None)).unwrap();
    let out = Command::new(sc).args(["--shell=bash", "--severity=style"]).arg(&file).output().unwrap();
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success() && report.trim().is_empty(), "shellcheck:\n{report}");
}

#[test]
fn powershell_collector_parses() {
    let python = venv().join("bin/python");
    let probe = Command::new(&python).args(["-c", "import tree_sitter, tree_sitter_powershell"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        let what = format!("tree-sitter-powershell (pip, in {}; run tests/tools/setup.sh)", venv().display());
        assert!(!tools_required(), "tool missing: {what} (TOKENDOCTOR_REQUIRE_TOOLS=1)");
        return say(&format!("SKIPPED (tool missing: {what})"));
    }
    const CHECK: &str = r#"
import sys, tree_sitter, tree_sitter_powershell as tsp
src = sys.stdin.buffer.read()
tree = tree_sitter.Parser(tree_sitter.Language(tsp.language())).parse(src)
bad = []
def walk(n):
    if n.type == "ERROR" or n.is_missing:
        bad.append(n.start_point)
    for c in n.children:
        walk(c)
walk(tree.root_node)
lines = src.split(b"\n")
for row, col in bad[:10]:
    print(f"line {row + 1}: {lines[row].decode(errors='replace')}")
sys.exit(1 if bad else 0)
"#;
    let script = tokendoctor(&["collector", "--shell", "powershell"], None);
    let mut child =
        Command::new(&python).args(["-c", CHECK]).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "PowerShell parse errors:\n{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn against_moto_true_clock_and_20_minutes_behind() {
    let _serial = serial();
    if !base_tools("against_moto") || !require("against_moto", &["faketime", "moto_server"]) {
        return;
    }
    let moto = MotoServer::start();
    let port = moto.port;
    // moto's secrets, to prove they never leave the "instance".
    let (_, doc) = http(port, "GET", "/latest/meta-data/iam/security-credentials/default-role", &[]).unwrap();
    let doc: Value = serde_json::from_str(&doc).unwrap();
    let secrets = [doc["SecretAccessKey"].as_str().unwrap().to_string(), doc["Token"].as_str().unwrap().to_string()];
    let dir = scratch("moto");
    let mut run = Run { imds_port: port, sts_port: port, faketime: None, home: &dir.join("home"), env: Vec::new() };

    // A true clock.
    let (out, took) = collect(&run);
    assert!(took < BOUND);
    for s in &secrets {
        assert!(!out.contains(s.as_str()), "secret {s} printed:\n{out}");
    }
    let r = diagnose(&out);
    assert_eq!(r["context"]["role"], "default-role", "{r:#}");
    let skew = r["clock"]["skew_seconds"].as_i64().unwrap();
    assert!(skew.abs() <= 30, "true clock, skew {skew}");
    assert_eq!(r["clock"]["source"], "collector");
    assert_ne!(r["root_cause"], "clock_skew");
    let exp = rfc3339_epoch(collector_cred(&r)["expiration"].as_str().unwrap());
    let exp_moto = rfc3339_epoch(doc["Expiration"].as_str().unwrap());
    assert!((exp - exp_moto).abs() <= 60, "expiry {exp} vs moto's {exp_moto}");

    // Twenty minutes behind: faketime moves the script's clock, not moto's.
    run.faketime = Some("-20m");
    let (out, took) = collect(&run);
    assert!(took < BOUND);
    for s in &secrets {
        assert!(!out.contains(s.as_str()), "secret {s} printed:\n{out}");
    }
    let local: i64 = field(&out, "epoch").unwrap().parse().unwrap();
    assert!((local - (epoch_now() - 1200)).abs() <= 30, "faketime did not move `date`: {local}");
    let moto_date = http_date_epoch(field(&out, "imds_date").unwrap());
    assert!((moto_date - epoch_now()).abs() <= 30, "moto's Date header is not real time: {moto_date}");
    let r = diagnose(&out);
    let skew = r["clock"]["skew_seconds"].as_i64().unwrap();
    assert!((skew + 1200).abs() <= 30, "skew {skew}, want about -1200\n{out}");
    assert_eq!(r["root_cause"], "clock_skew", "{r:#}");
    assert_eq!(r["step"]["id"], "clock_linux");
    assert_eq!(r["context"]["role"], "default-role");
    assert_eq!(r["context"]["region"], "us-east-1");
    assert_eq!(r["context"]["shell"], "bash");
    let exp = rfc3339_epoch(collector_cred(&r)["expiration"].as_str().unwrap());
    assert!((exp - exp_moto).abs() <= 120, "expiry {exp} vs moto's {exp_moto}");
    assert!(finding_codes(&r).contains(&"clock_behind"));
}

#[test]
fn secrets_stay_on_the_instance() {
    let _serial = serial();
    if !base_tools("secrets_stay") || !require("secrets_stay", &["moto_server"]) {
        return;
    }
    let moto = MotoServer::start();
    let port = moto.port;
    let dir = scratch("secrets");
    let aws = dir.join("home").join(".aws");
    std::fs::create_dir_all(&aws).unwrap();
    std::fs::write(
        aws.join("credentials"),
        "[default]\naws_access_key_id = AKIAFILEKEY000000001\naws_secret_access_key = FILESECRETfilesecret0123456789abcdefghij\n\n[temp]\r\naws_access_key_id=ASIAFILEKEY000000002\naws_secret_access_key=FILESECRET2\naws_session_token = FILETOKENfiletoken\n",
    )
    .unwrap();
    std::fs::write(aws.join("config"), "[default]\nregion = eu-west-1\n[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/dev\nsource_profile = default\n").unwrap();
    // A "JVM" started with credentials in -D properties and its environment.
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::os::unix::fs::symlink(support::tool("bash").unwrap(), bin.join("java")).unwrap();
    let jvm = Kill(
        Command::new(bin.join("java"))
            .args([
                "-c",
                "sleep 60; true",
                "java",
                "-Daws.accessKeyId=AKIAJVMKEY0000000003",
                "-Daws.secretKey=JVMSECRETjvmsecret",
            ])
            .env_clear()
            .env("AWS_SECRET_ACCESS_KEY", "JVMENVSECRETjvmenv")
            .stdin(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let secret_values = [
        "FILESECRETfilesecret0123456789abcdefghij",
        "FILESECRET2",
        "FILETOKENfiletoken",
        "JVMSECRETjvmsecret",
        "JVMENVSECRETjvmenv",
        "ENVSECRETenvsecret0123456789abcdefghijk",
        "ENVTOKENenvtoken",
        "AKIAENVKEY0000000004",
        "AKIAJVMKEY0000000003",
        "proxypassword",
        "test-secret-key",
        "test-session-token",
    ];
    let run = Run {
        imds_port: port,
        sts_port: port,
        faketime: None,
        home: &dir.join("home"),
        env: vec![
            ("AWS_ACCESS_KEY_ID", "AKIAENVKEY0000000004".into()),
            ("AWS_SECRET_ACCESS_KEY", "ENVSECRETenvsecret0123456789abcdefghijk".into()),
            ("AWS_SESSION_TOKEN", "ENVTOKENenvtoken".into()),
            ("AWS_REGION", "eu-west-1".into()),
            ("HTTPS_PROXY", "http://user:proxypassword@127.0.0.1:9".into()),
            ("NO_PROXY", "127.0.0.1,169.254.169.254".into()),
            ("JAVA_TOOL_OPTIONS", "-Daws.secretKey=JVMSECRETjvmsecret -Xmx1g".into()),
        ],
    };
    let (out, _) = collect(&run);
    drop(jvm);
    for s in secret_values {
        assert!(!out.contains(s), "{s} printed:\n{out}");
    }
    // Names and masked forms are there.
    for want in [
        "env: AWS_ACCESS_KEY_ID=AKIA************0004",
        "env: AWS_SECRET_ACCESS_KEY=<redacted len=39>",
        "env: AWS_SESSION_TOKEN=<redacted len=16>",
        "env: AWS_REGION=eu-west-1",
        "env: HTTPS_PROXY=http://***@127.0.0.1:9",
        "profile: credentials [default] keys=aws_access_key_id,aws_secret_access_key",
        "profile: credentials [temp] keys=aws_access_key_id,aws_secret_access_key,aws_session_token",
        "profile: config [profile dev] keys=role_arn,source_profile",
        "jvm: JAVA_TOOL_OPTIONS props=-Daws.secretKey",
        "props=-Daws.accessKeyId,-Daws.secretKey",
        "env=AWS_SECRET_ACCESS_KEY",
        "cred_secret_access_key: <redacted len=15>",
    ] {
        assert!(out.contains(want), "missing `{want}`:\n{out}");
    }
    let r = diagnose(&out);
    let codes = finding_codes(&r);
    for c in ["env_credentials", "java_properties", "profile_session_token"] {
        assert!(codes.contains(&c), "{c} not in {codes:?}");
    }
    assert_eq!(r["context"]["token_profiles"], serde_json::json!(["temp"]));
}

#[test]
fn imds_unreachable_within_the_bound() {
    let _serial = serial();
    if !base_tools("imds_unreachable") {
        return;
    }
    let dir = scratch("unreachable");
    // Nothing listening: refused at once.
    let closed = free_port();
    let run = Run { imds_port: closed, sts_port: closed, faketime: None, home: &dir.join("home"), env: Vec::new() };
    let (out, took) = collect(&run);
    assert!(took < BOUND, "{took:?}");
    assert_eq!(field(&out, "imds_token_status"), Some("refused"));
    let r = diagnose(&out);
    assert_eq!(r["root_cause"], "imds_unreachable", "{r:#}");
    assert!(finding_codes(&r).contains(&"imds_timeout"));

    // Listening but never answering (a firewall that drops, a hop limit):
    // every probe gives up after 2 s.
    let hole = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = hole.local_addr().unwrap().port();
    let run = Run { imds_port: port, sts_port: port, ..run };
    let (out, took) = collect(&run);
    drop(hole);
    assert!(took < BOUND, "{took:?}");
    assert_eq!(field(&out, "imds_token_status"), Some("timeout"));
    assert_eq!(field(&out, "imds_v1_status"), Some("timeout"));
    assert_eq!(field(&out, "sts_status"), Some("timeout"));
    let r = diagnose(&out);
    assert_eq!(r["root_cause"], "imds_unreachable");
    assert_eq!(r["imds"][0]["kind"], "imds_timeout");
}

/// A tiny IMDS with no role attached: the token, the listing, the instance
/// ID and region answer; `iam/…` is 404, as on an instance without a profile.
fn no_role_imds() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut s) = conn else { continue };
            let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
            let mut req = Vec::new();
            let mut buf = [0u8; 1024];
            while !req.windows(4).any(|w| w == b"\r\n\r\n") {
                match s.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => req.extend_from_slice(&buf[..n]),
                }
            }
            let req = String::from_utf8_lossy(&req);
            let mut words = req.split_whitespace();
            let (method, path) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
            let (status, body) = match (method, path) {
                ("PUT", "/latest/api/token") => ("200 OK", "AQAEAStubToken=="),
                ("GET", "/latest/meta-data/") => ("200 OK", "ami-id\ninstance-id\nplacement/\n"),
                ("GET", "/latest/meta-data/instance-id") => ("200 OK", "i-0abc1234def567890"),
                ("GET", "/latest/meta-data/placement/region") => ("200 OK", "eu-west-1"),
                _ => ("404 Not Found", "<title>404 - Not Found</title>"),
            };
            let date = chrono::Utc::now().format("%a, %d %b %Y %H:%M:%S GMT");
            let _ = write!(s, "HTTP/1.1 {status}\r\nDate: {date}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len());
        }
    });
    port
}

#[test]
fn no_role_is_recognized() {
    let _serial = serial();
    if !base_tools("no_role") {
        return;
    }
    let dir = scratch("norole");
    let port = no_role_imds();
    let run = Run { imds_port: port, sts_port: port, faketime: None, home: &dir.join("home"), env: Vec::new() };
    let (out, took) = collect(&run);
    assert!(took < BOUND);
    assert_eq!(field(&out, "role_status"), Some("404"));
    let r = diagnose(&out);
    assert_eq!(r["root_cause"], "imds_unreachable", "{r:#}");
    assert!(finding_codes(&r).contains(&"imds_404"));
    assert_eq!(r["step"]["id"], "role_check");
    assert_eq!(r["context"]["instance_id"], "i-0abc1234def567890");
    assert_eq!(r["context"]["region"], "eu-west-1");
    assert!(r["context"]["role"].is_null());
}
