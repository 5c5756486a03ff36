//! Browser glue, kept in one place: the clock, preferences, the address bar,
//! the clipboard, and dates in the reader's locale and time zone.
//!
//! Nothing here sends anything anywhere; storage holds preferences only.

use chrono::{TimeZone, Utc};
use js_sys::{Date, Object, Reflect};
use tokendoctor_engine::{Lang, Timestamp};
use wasm_bindgen::{JsCast, JsValue};

use crate::state::Theme;

const PREF_LANG: &str = "expiredtoken-doctor.lang";
const PREF_THEME: &str = "expiredtoken-doctor.theme";

fn window() -> web_sys::Window {
    gloo::utils::window()
}

/// The browser's clock, to the second (reports and links show whole seconds).
pub fn now() -> Timestamp {
    let secs = (Date::now() / 1000.0).floor() as i64;
    Utc.timestamp_opt(secs, 0).single().unwrap_or_default()
}

/// A monotonic clock for timing the engine, in milliseconds.
pub fn perf_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_else(Date::now)
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn pref(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

fn set_pref(key: &str, value: &str) {
    if let Some(s) = storage() {
        // Storage may be full or disabled: preferences are a nicety.
        let _ = s.set_item(key, value);
    }
}

/// Saved language, else the browser's.
pub fn initial_lang() -> Lang {
    pref(PREF_LANG).or_else(|| window().navigator().language()).map(|l| Lang::from_tag(&l)).unwrap_or_default()
}

/// Saved theme, else the system's.
pub fn initial_theme() -> Theme {
    pref(PREF_THEME).and_then(|t| Theme::parse(&t)).unwrap_or_else(|| {
        let dark = window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches());
        if dark {
            Theme::Dark
        } else {
            Theme::Light
        }
    })
}

pub fn save_lang(l: Lang) {
    set_pref(PREF_LANG, l.code());
}

pub fn save_theme(t: Theme) {
    set_pref(PREF_THEME, t.as_str());
}

/// Applies language and theme to `<html>` (CSS and screen readers read them there).
pub fn apply_document(lang: Lang, theme: Theme) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
}

pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Sets the fragment without reloading: a new history entry when the user
/// moved in the tree (so Back works), the same entry otherwise.
pub fn set_hash(fragment: &str, push: bool) {
    let Ok(history) = window().history() else { return };
    let url = Some(fragment);
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", url)
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", url)
    };
}

/// The page's address without its fragment, for links.
pub fn base_url() -> String {
    let loc = window().location();
    let href = loc.href().unwrap_or_default();
    match href.find('#') {
        Some(i) => href[..i].to_string(),
        None => href,
    }
}

/// Copies `text`; resolves to whether it worked.
pub async fn copy(text: &str) -> bool {
    let clip = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clip.write_text(text)).await.is_ok()
}

/// The locale for dates: the browser's own when it is in the page's
/// language (so `es-MX` keeps its conventions), else the plain language.
pub fn locale(lang: Lang) -> String {
    let nav = window().navigator().language().unwrap_or_default();
    if Lang::from_tag(&nav) == lang && !nav.is_empty() {
        nav
    } else {
        lang.code().to_string()
    }
}

/// A date and time for people: medium date, time with zone name, in the
/// browser's zone, or in UTC when `utc`.
pub fn format_time(t: Timestamp, lang: Lang, utc: bool) -> String {
    let d = Date::new(&JsValue::from_f64(t.timestamp_millis() as f64));
    let opts = Object::new();
    let set = |k: &str, v: &str| {
        let _ = Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
    };
    set("dateStyle", "medium");
    set("timeStyle", "long");
    if utc {
        set("timeZone", "UTC");
    }
    d.to_locale_string(&locale(lang), &opts).into()
}

/// Reads a dropped file's text (at most `max` bytes), replacing invalid UTF-8.
pub async fn read_file(file: web_sys::File, max: usize) -> Option<String> {
    let blob: web_sys::Blob = if file.size() > max as f64 {
        file.slice_with_f64_and_f64(0.0, max as f64).ok()?
    } else {
        file.unchecked_into()
    };
    let buf = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await.ok()?;
    let bytes = js_sys::Uint8Array::new(&buf).to_vec();
    Some(String::from_utf8_lossy(&bytes).into_owned())
}
