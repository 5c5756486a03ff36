//! Fuzz target: the whole engine, as the page and the CLI run it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tokendoctor_engine::parse::fuzzing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let now = tokendoctor_engine::time::from_unix(1_800_000_000).unwrap();
    let r = tokendoctor_engine::analyze(&text, now);
    let _ = r.verdict(tokendoctor_engine::Lang::En);
    let _ = fuzzing::prefilter(&text);
});
