//! The page's parts, top to bottom. Function components: they render what
//! they are given and emit ids and values up; none changes state itself.

pub mod commands;
pub mod context;
pub mod findings;
pub mod header;
pub mod paste;
pub mod share;
pub mod steps;
pub mod times;
pub mod verdict;

use tokendoctor_engine::i18n::{fill, Text};
use tokendoctor_engine::Lang;

/// A chrome string in `lang`.
pub fn tr(t: Text, lang: Lang) -> &'static str {
    t.get(lang)
}

/// A chrome string with `{name}` placeholders filled.
pub fn trf(t: Text, lang: Lang, args: &[(&str, String)]) -> String {
    fill(t.get(lang), args)
}

/// `2 h 13 min 05 s`: like the engine's durations but down to the second,
/// for a countdown that visibly ticks.
pub fn long_duration(secs: i64) -> String {
    let s = secs.unsigned_abs();
    let (d, h, m, sec) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    if d > 0 {
        format!("{d} d {h} h {m} min")
    } else if h > 0 {
        format!("{h} h {m:02} min {sec:02} s")
    } else if m > 0 {
        format!("{m} min {sec:02} s")
    } else {
        format!("{sec} s")
    }
}

/// `1.0 MiB`, `12.3 KiB`, `512 bytes` (whole-number arithmetic: no float
/// formatting code in the wasm).
pub fn human_bytes(n: usize) -> String {
    let tenths = |d: usize| {
        let t = (n * 10 + d / 2) / d;
        format!("{}.{}", t / 10, t % 10)
    };
    if n >= 1 << 20 {
        format!("{} MiB", tenths(1 << 20))
    } else if n >= 1 << 10 {
        format!("{} KiB", tenths(1 << 10))
    } else {
        format!("{n} bytes")
    }
}

/// Milliseconds with one decimal.
pub fn human_ms(ms: f64) -> String {
    let t = (ms.max(0.0) * 10.0).round() as u64;
    format!("{}.{}", t / 10, t % 10)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn numbers_for_people() {
        assert_eq!(long_duration(-(2 * 3600 + 13 * 60 + 5)), "2 h 13 min 05 s");
        assert_eq!(long_duration(250), "4 min 10 s");
        assert_eq!(long_duration(3 * 86_400 + 7200), "3 d 2 h 0 min");
        assert_eq!(human_bytes(1 << 20), "1.0 MiB");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(12), "12 bytes");
        assert_eq!(human_ms(7.26), "7.3");
    }
}
