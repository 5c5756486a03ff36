//! Fuzz target: secret redaction (and that it is idempotent).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tokendoctor_engine::parse::fuzzing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let out = tokendoctor_engine::redact::redact(&text);
    // Redacting twice changes nothing more.
    assert_eq!(tokendoctor_engine::redact::redact(&out), out);
});
