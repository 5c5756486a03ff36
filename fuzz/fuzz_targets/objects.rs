//! Fuzz target: the lenient object-literal reader (JSON, JS inspect, Python dicts).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tokendoctor_engine::parse::fuzzing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = fuzzing::objects(&text);
});
