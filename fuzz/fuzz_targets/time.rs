//! Fuzz target: the timestamp parsers.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tokendoctor_engine::parse::fuzzing;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for i in 0..text.len().min(64) {
        if text.is_char_boundary(i) {
            let s = &text[i..];
            let _ = tokendoctor_engine::time::any_at(s);
            let _ = tokendoctor_engine::time::culture_date_at(s);
            let _ = tokendoctor_engine::time::parse_instant(s);
        }
    }
    let _ = tokendoctor_engine::time::find_any(&text);
});
