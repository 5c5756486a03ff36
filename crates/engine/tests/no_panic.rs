//! Property tests: no input makes the engine panic. Random bytes, every
//! truncation and random mutations of every fixture, huge lines, deep
//! nesting, inputs dense with errors. A panic in wasm kills the page.
//!
//! A small deterministic generator instead of a property-testing crate: the
//! cases are reproducible from the seed printed on failure.

use std::path::Path;
use tokendoctor_engine::time::parse_instant;
use tokendoctor_engine::{analyze, analyze_bytes, redact, Timestamp};

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
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn now() -> Timestamp {
    parse_instant("2026-11-28T12:00:00Z").unwrap()
}

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    assert!(out.len() >= 30, "fixtures missing");
    out
}

/// Everything the engine exposes over text, on one input.
fn exercise(bytes: &[u8]) {
    let r = analyze_bytes(bytes, now());
    // Rendering the findings must not panic either.
    for f in &r.findings {
        let _ = f.title(tokendoctor_engine::Lang::En);
        let _ = f.detail(tokendoctor_engine::Lang::Es);
    }
    let _ = r.verdict(tokendoctor_engine::Lang::Es);
    let text = String::from_utf8_lossy(bytes);
    let _ = redact::redact(&text);
}

#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fuzz-regressions");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().extension().is_some_and(|x| x == "bin") {
            exercise(&std::fs::read(e.path()).unwrap());
            n += 1;
        }
    }
    assert!(n >= 2, "regression inputs missing");
}

#[test]
fn random_bytes() {
    let mut rng = Rng(0x1234_5678);
    for _ in 0..300 {
        let len = rng.below(4096);
        let v: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        exercise(&v);
    }
    // Random bytes drawn from the characters the parsers care about.
    const ALPHABET: &[u8] = b"{}[]()<>:;,\"'\\/\n\r\t -_.#=|0123456789TZabcdefExpiredTokenCodeStatus\xe2\x94\x82";
    for _ in 0..500 {
        let len = rng.below(2048);
        let v: Vec<u8> = (0..len).map(|_| ALPHABET[rng.below(ALPHABET.len())]).collect();
        exercise(&v);
    }
}

#[test]
fn every_truncation_of_every_fixture() {
    for (_, bytes) in fixtures() {
        for cut in 0..=bytes.len() {
            exercise(&bytes[..cut]);
        }
    }
}

#[test]
fn mutated_fixtures() {
    let fx = fixtures();
    let mut rng = Rng(0xdead_beef);
    for round in 0..2000 {
        let (name, base) = &fx[rng.below(fx.len())];
        let mut v = base.clone();
        for _ in 0..1 + rng.below(8) {
            if v.is_empty() {
                break;
            }
            let i = rng.below(v.len());
            match rng.below(4) {
                0 => v[i] = rng.next() as u8,
                1 => {
                    v.remove(i);
                }
                2 => v.insert(i, b"{[(\"'\\\n|"[rng.below(8)]),
                _ => {
                    // Splice a piece of another fixture in.
                    let (_, other) = &fx[rng.below(fx.len())];
                    if !other.is_empty() {
                        let a = rng.below(other.len());
                        let b = (a + rng.below(200)).min(other.len());
                        v.splice(i..i, other[a..b].iter().copied());
                    }
                }
            }
        }
        let r = std::panic::catch_unwind(|| exercise(&v));
        assert!(r.is_ok(), "panic on mutation round {round} of {name}");
    }
}

#[test]
fn huge_lines_and_deep_nesting() {
    let cases: Vec<Vec<u8>> = vec![
        "{".repeat(300_000).into_bytes(),
        "[".repeat(300_000).into_bytes(),
        "{\"a\":".repeat(100_000).into_bytes(),
        "<Error>".repeat(50_000).into_bytes(),
        "\\".repeat(500_000).into_bytes(),
        "\\n".repeat(300_000).into_bytes(),
        "│".repeat(200_000).into_bytes(),
        "ExpiredToken: ".repeat(50_000).into_bytes(),
        // One 2 MiB line, past the whole-input limit, so the prefilter path runs.
        format!("{}{}", "x".repeat(2 << 20), " ExpiredToken: The security token included in the request is expired")
            .into_bytes(),
        "😀🙃 عربي עברית ".repeat(50_000).into_bytes(),
        vec![0u8; 1 << 20],
        vec![0xff; 300_000],
    ];
    for c in cases {
        exercise(&c);
    }
}

#[test]
fn dense_errors_do_not_blow_up() {
    // 20 000 distinct errors (distinct request ids): merging must stay near linear.
    let mut s = String::new();
    for i in 0..20_000 {
        s.push_str(&format!(
            "InvalidClientTokenId: The security token included in the request is invalid.\n\tstatus code: 403, request id: {:08x}-76e7-11e9-a6e4-7fc43f437424\n",
            i
        ));
    }
    let t = std::time::Instant::now();
    let r = analyze(&s, now());
    let secs = t.elapsed().as_secs_f64();
    assert!(!r.errors.is_empty());
    // Not a timing assertion: a quadratic merge would take minutes, not seconds.
    println!("20 000 dense errors ({} KiB): {secs:.2} s", s.len() / 1024);
}
