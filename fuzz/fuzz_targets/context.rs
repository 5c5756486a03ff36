//! Fuzz target: environment clues (command lines, ARNs, regions, variables).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tokendoctor_engine::parse::fuzzing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = fuzzing::context(&text);
});
