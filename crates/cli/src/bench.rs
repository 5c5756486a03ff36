//! `tokendoctor bench`: a benchmark, not a test. Generates a noisy log with
//! real errors sprinkled in, then prints in one run the engine's in-process
//! throughput, `tokendoctor diagnose`'s wall time and peak memory, and
//! `grep -E` for the same patterns (the engine's prefilter triggers) on the
//! same file.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::args::{Args, UsageError};

/// `println!` that ends the command quietly when the reader goes away.
macro_rules! outln {
    ($($t:tt)*) => {
        crate::out(&format!("{}\n", format_args!($($t)*)))?
    };
}
use tokendoctor_engine::parse::TRIGGERS;
use tokendoctor_engine::time::parse_instant;

/// Deterministic xorshift, so every run measures the same file.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, v: &'a [&'a str]) -> &'a str {
        v[self.below(v.len() as u64) as usize]
    }
}

const LEVELS: &[&str] = &["INFO ", "INFO ", "INFO ", "DEBUG", "DEBUG", "WARN ", "ERROR"];
const THREADS: &[&str] = &["main", "worker-3", "worker-7", "http-nio-8080-exec-2", "scheduler-1", "kafka-consumer-0"];
const LOGGERS: &[&str] = &[
    "com.example.orders.OrderService",
    "o.s.web.servlet.DispatcherServlet",
    "c.e.cache.CacheManager",
    "com.example.billing.InvoiceJob",
    "org.hibernate.SQL",
    "c.e.search.IndexWriter",
];
const MESSAGES: &[&str] = &[
    "processed order {n} in {ms} ms (items={k}, customer={n})",
    "GET \"/api/v1/orders?page={k}\", parameters={masked}",
    "Completed 200 OK in {ms} ms",
    "cache miss ratio 0.{k} above threshold 0.30",
    "select o.id, o.status from orders o where o.customer_id=? limit {k}",
    "flushed {n} documents to segment _{k} in {ms} ms",
    "retrying job {n} after transient failure (attempt {k} of 5)",
    "connection pool stats: active={k}, idle={k}, waiting=0",
    "java.lang.IllegalStateException: order {n} is already shipped",
    "\tat com.example.orders.OrderService.ship(OrderService.java:{k})",
];

/// Real pastes, sprinkled in (one every `ERROR_EVERY` lines on average).
const ERRORS: &[&str] = &[
    "com.amazonaws.services.sqs.model.AmazonSQSException: The security token included in the request is expired (Service: AmazonSQS; Status Code: 403; Error Code: ExpiredToken; Request ID: 25b9b369-9954-5d2c-8c21-e84006d4ec55; Proxy: null)\n\tat com.amazonaws.http.AmazonHttpClient$RequestExecutor.handleErrorResponse(AmazonHttpClient.java:1879)",
    "operation error DynamoDB: Query, https response error StatusCode: 400, RequestID: E52PSV97D1GSLGPD8AVUPLPCGVVV4KQNSO5AEMVJF66Q9ASUAAJG, api error ExpiredTokenException: The security token included in the request is expired",
    "botocore.exceptions.ClientError: An error occurred (InvalidSignatureException) when calling the CompareFaces operation: Signature expired: 20180707T233021Z is now earlier than 20180710T071214Z (20180710T071714Z - 5 min.)",
    "WARN  [sdk] Attempting credential expiration extension due to a credential service availability issue. A refresh of these credentials will be attempted again in 5 minutes.",
    "InvalidClientTokenId: The security token included in the request is invalid.\n\tstatus code: 403, request id: e65f7860-76e7-11e9-a6e4-7fc43f437424",
];
const ERROR_EVERY: u64 = 20_000;

fn render(rng: &mut Rng, template: &str, out: &mut Vec<u8>) {
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.extend_from_slice(&rest.as_bytes()[..i]);
        let end = rest[i..].find('}').map(|j| i + j).unwrap_or(rest.len() - 1);
        match &rest[i + 1..end] {
            "n" => write!(out, "{}", rng.below(90_000_000) + 10_000_000).unwrap(),
            "ms" => write!(out, "{}", rng.below(900) + 1).unwrap(),
            "k" => write!(out, "{}", rng.below(97) + 2).unwrap(),
            other => out.extend_from_slice(other.as_bytes()),
        }
        rest = &rest[end + 1..];
    }
    out.extend_from_slice(rest.as_bytes());
}

/// A noisy application log of about `size` bytes.
pub fn generate(size: usize, seed: u64) -> (Vec<u8>, usize) {
    let mut rng = Rng(seed | 1);
    let mut out = Vec::with_capacity(size + 1024);
    let mut sec = 0u64;
    let mut errors = 0;
    while out.len() < size {
        sec += rng.below(3);
        let (h, m, s) = (10 + sec / 3600 % 10, sec / 60 % 60, sec % 60);
        write!(out, "2026-11-28T{h:02}:{m:02}:{s:02}.{:03}Z ", rng.below(1000)).unwrap();
        if rng.below(ERROR_EVERY) == 0 {
            out.extend_from_slice(b"ERROR [worker-3] com.example.aws.Client - request failed: ");
            out.extend_from_slice(rng.pick(ERRORS).as_bytes());
            errors += 1;
        } else {
            write!(out, "{} [{}] {} - ", rng.pick(LEVELS), rng.pick(THREADS), rng.pick(LOGGERS)).unwrap();
            let msg = rng.pick(MESSAGES);
            render(&mut rng, msg, &mut out);
        }
        out.push(b'\n');
    }
    (out, errors)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// Peak resident memory of this process, from /proc (Linux); `None` elsewhere.
pub fn peak_rss_kib() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

pub fn run(a: Args) -> Result<(), UsageError> {
    let size_mib: usize = a
        .value("size-mib")
        .map(|v| v.parse().map_err(|_| UsageError::usage("--size-mib takes a whole number")))
        .transpose()?
        .unwrap_or(64);
    let runs: usize = a
        .value("runs")
        .map(|v| v.parse().map_err(|_| UsageError::usage("--runs takes a whole number")))
        .transpose()?
        .unwrap_or(3)
        .max(1);
    let now = parse_instant("2026-11-28T12:00:00Z").expect("constant time");
    let t = Instant::now();
    let (log, sprinkled) = generate(size_mib * 1024 * 1024, 0x5eed);
    let gen_s = t.elapsed().as_secs_f64();
    let dir = std::env::temp_dir().join(format!("tokendoctor-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| UsageError::io(e.to_string()))?;
    let path = dir.join("noisy.log");
    std::fs::write(&path, &log).map_err(|e| UsageError::io(e.to_string()))?;
    outln!(
        "input: {:.1} MiB, {} lines, {} errors sprinkled (generated in {:.2} s) at {}",
        mib(log.len()),
        log.iter().filter(|b| **b == b'\n').count(),
        sprinkled,
        gen_s,
        path.display()
    );

    // 1. The engine in process.
    let mut best = f64::MAX;
    let mut found = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let r = tokendoctor_engine::analyze_bytes(&log, now);
        best = best.min(t.elapsed().as_secs_f64());
        found = r.errors.len();
    }
    outln!(
        "engine (in process):   {:>7.3} s  {:>7.0} MiB/s  ({} distinct errors reported; best of {runs})",
        best,
        mib(log.len()) / best,
        found
    );
    drop(log);

    // 2. The CLI, as a user runs it, and 3. grep on the same file.
    let exe = std::env::current_exe().map_err(|e| UsageError::io(e.to_string()))?;
    // The same literals, escaped for an extended regular expression.
    let pattern = TRIGGERS.iter().map(|t| t.replace('.', "\\.")).collect::<Vec<_>>().join("|");
    let mut cli_best = f64::MAX;
    let mut grep_best = f64::MAX;
    let mut rss = String::from("n/a");
    let mut grep_hits = String::new();
    for _ in 0..runs {
        let t = Instant::now();
        let out = Command::new(&exe)
            .args(["diagnose", "--json", "--report-peak-rss"])
            .arg(&path)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| UsageError::io(format!("running diagnose: {e}")))?;
        cli_best = cli_best.min(t.elapsed().as_secs_f64());
        if let Some(l) = String::from_utf8_lossy(&out.stderr).lines().find(|l| l.starts_with("peak_rss_kib=")) {
            rss = l.trim_start_matches("peak_rss_kib=").to_string();
        }
        let t = Instant::now();
        let g = Command::new("grep").args(["-E", "-c", &pattern]).arg(&path).env("LC_ALL", "C").output();
        match g {
            Ok(g) => {
                grep_best = grep_best.min(t.elapsed().as_secs_f64());
                grep_hits = String::from_utf8_lossy(&g.stdout).trim().to_string();
            }
            Err(_) => grep_best = f64::NAN,
        }
    }
    let size = std::fs::metadata(&path).map(|m| m.len() as usize).unwrap_or(0);
    outln!(
        "tokendoctor diagnose:  {:>7.3} s  {:>7.0} MiB/s  (wall, best of {runs}; peak RSS {} KiB = {:.2}× input)",
        cli_best,
        mib(size) / cli_best,
        rss,
        rss.parse::<f64>().map(|k| k * 1024.0 / size as f64).unwrap_or(f64::NAN)
    );
    outln!(
        "grep -E -c (LC_ALL=C): {:>7.3} s  {:>7.0} MiB/s  ({} matching lines, {} patterns)",
        grep_best,
        mib(size) / grep_best,
        grep_hits,
        TRIGGERS.len()
    );
    outln!("ratio diagnose/grep:   {:.2}×  (goal ≤ 1.5×)", cli_best / grep_best);
    if !a.flag("keep") {
        let _ = std::fs::remove_dir_all(&dir);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_is_deterministic_and_sprinkles_errors() {
        let (a, na) = generate(1 << 20, 7);
        let (b, nb) = generate(1 << 20, 7);
        assert_eq!(a, b);
        assert_eq!(na, nb);
        let text = String::from_utf8(a).unwrap();
        assert!(text.lines().count() > 5000);
    }
}
