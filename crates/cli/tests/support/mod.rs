//! Shared helpers for tool-backed tests: finding the tools, failing or
//! skipping loudly when one is missing, a moto server and a strict IMDS stub
//! on 127.0.0.1, scratch directories and argv-recording stand-ins.
//!
//! Reuse: `mod support;` in a test file under crates/cli/tests/, then
//! - `support::require("test name", &["aws", "moto_server", "shellcheck"])`
//!   → `false` (after a loud SKIPPED line) when a tool is missing, or a panic
//!   when `TOKENDOCTOR_REQUIRE_TOOLS=1`;
//! - `support::tool("aws")` → the venv's `aws` (`aws`, `moto_server`,
//!   `python` come from `$TOKENDOCTOR_VENV`, default `<repo>/.venv`, which
//!   tests/tools/setup.sh makes; anything else from `PATH`);
//! - `MotoServer::start()` → `url()`, `port`, `aws(&scratch, &[args])` runs
//!   the real CLI with `--endpoint-url` appended and test credentials, and
//!   `wrapper_dir(&scratch)` gives a directory whose `aws` does the same, to
//!   put first on `PATH` for scripts; stopped on drop;
//! - `ImdsStub::start(tokens_required, &log)` → `port`, the strict IMDS of
//!   tests/tools/imds_stub.py (token rules, iam/info), stopped on drop;
//! - `Scratch::new("name")` → a fresh directory removed on drop;
//! - `recorder(dir, name, log)` → a stand-in program that appends its argv
//!   to `log` and exits 0.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

/// The tools venv: `$TOKENDOCTOR_VENV`, default `<repo>/.venv`.
pub fn venv() -> PathBuf {
    match std::env::var_os("TOKENDOCTOR_VENV") {
        Some(v) if !v.is_empty() => PathBuf::from(v),
        _ => repo_root().join(".venv"),
    }
}

/// Whether missing tools fail the test (`TOKENDOCTOR_REQUIRE_TOOLS=1`).
pub fn tools_required() -> bool {
    std::env::var("TOKENDOCTOR_REQUIRE_TOOLS").is_ok_and(|v| v == "1")
}

/// Writes past the test harness's output capture, so it shows even for a
/// passing test (`eprintln!` would be swallowed).
pub fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

/// Where a tool is: venv tools by name, the rest on `PATH`.
pub fn tool(name: &str) -> Option<PathBuf> {
    if matches!(name, "aws" | "moto_server" | "python") {
        let p = venv().join("bin").join(name);
        return p.is_file().then_some(p);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

/// `true` when every tool is there. Otherwise fails the test when tools are
/// required, or says SKIPPED loudly and returns `false`.
pub fn require(test: &str, names: &[&str]) -> bool {
    let missing: Vec<&str> = names.iter().copied().filter(|n| tool(n).is_none()).collect();
    if missing.is_empty() {
        return true;
    }
    let hint =
        "run tests/tools/setup.sh (venv: $TOKENDOCTOR_VENV or <repo>/.venv; shellcheck: apt-get install shellcheck)";
    if tools_required() {
        panic!("{test}: tool missing: {} ({hint}); TOKENDOCTOR_REQUIRE_TOOLS=1", missing.join(", "));
    }
    say(&format!("\n!!!!!!!! {test}: SKIPPED (tool missing: {}) — {hint}\n", missing.join(", ")));
    false
}

static SEQ: AtomicUsize = AtomicUsize::new(0);

/// A fresh directory, removed on drop.
pub struct Scratch {
    pub path: PathBuf,
}

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        let nanos =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
        let path = std::env::temp_dir().join(format!(
            "tokendoctor-{name}-{}-{}-{nanos}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).expect("scratch dir");
        Scratch { path }
    }
    pub fn join(&self, p: &str) -> PathBuf {
        self.path.join(p)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

pub fn write_executable(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write script");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
}

/// A stand-in program `dir/name` that appends one record to `log` per call
/// (its name, then each argument, NUL-terminated, then an empty field) and
/// exits 0 without output. `read_records` reads the log back.
pub fn recorder(dir: &Path, name: &str, log: &Path) {
    let script = format!(
        "#!/bin/sh\n{{ printf '%s\\0' {} \"$@\"; printf '\\0'; }} >> {}\n",
        sh_word(name),
        sh_word(&log.to_string_lossy())
    );
    write_executable(&dir.join(name), &script);
}

/// The calls a `recorder` logged: each is (program, arguments).
pub fn read_records(log: &Path) -> Vec<(String, Vec<String>)> {
    let Ok(bytes) = std::fs::read(log) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for field in bytes.split(|b| *b == 0) {
        if field.is_empty() {
            if !cur.is_empty() {
                let prog = cur.remove(0);
                out.push((prog, std::mem::take(&mut cur)));
            }
        } else {
            cur.push(String::from_utf8_lossy(field).into_owned());
        }
    }
    out
}

/// Single-quotes a word for sh (test scaffolding only; the product's own
/// quoting is `commands::quote_bash`, tested separately).
fn sh_word(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A free TCP port on 127.0.0.1 (bound, then released for the server).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("free port")
}

/// A bare HTTP/1.0 request to 127.0.0.1 (status code, body).
pub fn http(port: u16, method: &str, path: &str, headers: &[(&str, &str)]) -> Option<(u16, String)> {
    let mut s = TcpStream::connect_timeout(&([127, 0, 0, 1], port).into(), Duration::from_secs(2)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let mut req = format!("{method} {path} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\n");
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).ok()?;
    let mut resp = String::new();
    s.read_to_string(&mut resp).ok()?;
    let status = resp.split_whitespace().nth(1)?.parse().ok()?;
    let body = resp.split_once("\r\n\r\n").map(|x| x.1.to_string()).unwrap_or_default();
    Some((status, body))
}

/// `moto_server -H 127.0.0.1 -p PORT` from the venv; killed on drop.
pub struct MotoServer {
    child: Child,
    pub port: u16,
}

impl MotoServer {
    /// Starts moto and waits until its IMDS answers (30 s at most).
    pub fn start() -> MotoServer {
        let bin = tool("moto_server").expect("moto_server (run tests/tools/setup.sh)");
        for _attempt in 0..3 {
            let port = free_port();
            let child = Command::new(&bin)
                .args(["-H", "127.0.0.1", "-p", &port.to_string()])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("spawn moto_server");
            let mut server = MotoServer { child, port };
            let deadline = Instant::now() + Duration::from_secs(30);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = server.child.try_wait() {
                    break; // port taken meanwhile: try another
                }
                if let Some((200, _)) = http(port, "GET", "/latest/meta-data/instance-id", &[]) {
                    return server;
                }
                std::thread::sleep(Duration::from_millis(200));
            }
            server.stop();
        }
        panic!("moto_server did not start on 127.0.0.1");
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Environment for the CLI: test credentials, files under `home`, no
    /// proxy, nested clients (assume-role) and IMDS pointed at moto too.
    pub fn aws_env(&self, home: &Path) -> Vec<(String, String)> {
        let h = home.to_string_lossy().to_string();
        vec![
            ("HOME".into(), h.clone()),
            ("AWS_CONFIG_FILE".into(), format!("{h}/.aws/config")),
            ("AWS_SHARED_CREDENTIALS_FILE".into(), format!("{h}/.aws/credentials")),
            ("AWS_DEFAULT_REGION".into(), "us-east-1".into()),
            ("AWS_PAGER".into(), String::new()),
            ("AWS_ENDPOINT_URL".into(), self.url()),
            ("AWS_EC2_METADATA_SERVICE_ENDPOINT".into(), format!("{}/", self.url())),
            ("NO_PROXY".into(), "*".into()),
        ]
    }

    /// A command with the `aws_env` and without the caller's AWS_*/proxy
    /// variables.
    pub fn command(&self, program: &Path, home: &Path) -> Command {
        let mut c = Command::new(program);
        for (k, _) in std::env::vars() {
            if k.starts_with("AWS_") || k.to_ascii_lowercase().ends_with("_proxy") {
                c.env_remove(k);
            }
        }
        c.envs(self.aws_env(home));
        c.stdin(Stdio::null());
        c
    }

    /// Runs the real AWS CLI with `args` and `--endpoint-url` appended.
    pub fn aws(&self, home: &Path, args: &[&str]) -> Output {
        let mut c = self.command(&tool("aws").expect("aws"), home);
        c.args(args).arg("--endpoint-url").arg(self.url());
        c.output().expect("run aws")
    }

    /// Like `aws` but panics unless it succeeds; returns standard output.
    pub fn aws_ok(&self, home: &Path, args: &[&str]) -> String {
        let o = self.aws(home, args);
        assert!(o.status.success(), "aws {args:?} failed: {}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).into_owned()
    }

    /// A directory holding an `aws` that runs the real CLI with
    /// `--endpoint-url` appended; put it first on `PATH` for scripts.
    pub fn wrapper_dir(&self, scratch: &Scratch) -> PathBuf {
        let dir = scratch.join("aws-wrapper");
        std::fs::create_dir_all(&dir).expect("wrapper dir");
        let aws = tool("aws").expect("aws");
        let script = format!(
            "#!/bin/sh\nexec {} \"$@\" --endpoint-url {}\n",
            sh_word(&aws.to_string_lossy()),
            sh_word(&self.url())
        );
        write_executable(&dir.join("aws"), &script);
        dir
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for MotoServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// tests/tools/imds_stub.py: a strict IMDS on 127.0.0.1; killed on drop.
pub struct ImdsStub {
    child: Child,
    pub port: u16,
}

impl ImdsStub {
    pub fn start(tokens_required: bool, log: &Path) -> ImdsStub {
        let python = tool("python").expect("venv python (run tests/tools/setup.sh)");
        let script = repo_root().join("tests/tools/imds_stub.py");
        let mut child = Command::new(python)
            .arg(script)
            .args(["--tokens", if tokens_required { "required" } else { "optional" }])
            .arg("--log")
            .arg(log)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn imds_stub.py");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stub stdout");
        BufReader::new(stdout).read_line(&mut line).expect("stub READY line");
        let port = line
            .trim()
            .strip_prefix("READY ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("imds_stub.py said {line:?}"));
        ImdsStub { child, port }
    }
}

impl Drop for ImdsStub {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
