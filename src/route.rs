//! The URL fragment: where the user is in the decision tree, the context that
//! fills the commands, and (in shared links only) the facts and paste.
//!
//! ```text
//! #/step/<id>?path=a,b,c&lang=es&shell=powershell&imds=v1&ctr=ecs&sdk=java-v1
//!            &role=…&iid=…&region=…&at=20261128T120000Z&facts=…&paste=…
//! ```
//!
//! Pure (no web APIs) so it is tested natively as well as in the browser.
//! Values are escaped with the engine's `share::escape`; unknown keys and
//! malformed values are dropped, never an error: a link pasted from a ticket
//! may have been mangled on the way.

use tokendoctor_engine::share::{escape, unescape};
use tokendoctor_engine::tree;

/// Everything a fragment can say. `None`/empty: not given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Route {
    /// The current node (known ids only).
    pub step: Option<&'static str>,
    /// The nodes visited before it, oldest first (known ids only).
    pub path: Vec<&'static str>,
    pub lang: Option<String>,
    pub shell: Option<String>,
    pub imds: Option<String>,
    pub container: Option<String>,
    pub sdk: Option<String>,
    pub role: Option<String>,
    pub iid: Option<String>,
    pub region: Option<String>,
    /// Reference time (compact or RFC 3339 UTC), when not "now".
    pub at: Option<String>,
    /// Encoded facts (`share::encode_facts`), kept escaped.
    pub facts: Option<String>,
    /// The redacted paste (already unescaped).
    pub paste: Option<String>,
    /// `#/panic-test`: makes the app panic, to check the panic screen.
    pub panic_test: bool,
}

/// The longest value accepted for a free-text field (role, instance ID…).
const VALUE_CAP: usize = 256;
/// The longest path kept (a loop in the tree must not grow a link forever).
pub const PATH_CAP: usize = 40;

fn node_id(s: &str) -> Option<&'static str> {
    tree::node(s).map(|n| n.id)
}

/// Reads a fragment (`#/step/…?…`, with or without the `#`).
pub fn parse(fragment: &str) -> Route {
    let f = fragment.strip_prefix('#').unwrap_or(fragment);
    let (head, query) = f.split_once('?').unwrap_or((f, ""));
    let mut r = Route::default();
    let head = head.trim_start_matches('/');
    if head == "panic-test" {
        r.panic_test = true;
    }
    if let Some(id) = head.strip_prefix("step/") {
        r.step = node_id(&unescape(id.trim_end_matches('/')));
    }
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let text = || Some(unescape(v)).map(|s| s.trim().to_string()).filter(|s| !s.is_empty() && s.len() <= VALUE_CAP);
        match k {
            "path" => r.path = v.split(',').filter_map(|s| node_id(&unescape(s))).take(PATH_CAP).collect(),
            "lang" => r.lang = text(),
            "shell" => r.shell = text(),
            "imds" => r.imds = text(),
            "ctr" => r.container = text(),
            "sdk" => r.sdk = text(),
            "role" => r.role = text(),
            "iid" => r.iid = text(),
            "region" => r.region = text(),
            "at" => r.at = text(),
            // Kept escaped: the engine decodes it.
            "facts" if !v.is_empty() => r.facts = Some(v.to_string()),
            "paste" if !v.is_empty() => r.paste = Some(unescape(v)),
            _ => {}
        }
    }
    r
}

/// Writes a fragment, `#` included. Empty values are left out.
pub fn format(r: &Route) -> String {
    let mut out = String::from("#/step/");
    out.push_str(r.step.unwrap_or(tree::START));
    let mut sep = '?';
    let mut put = |k: &str, v: &str| {
        out.push(sep);
        sep = '&';
        out.push_str(k);
        out.push('=');
        out.push_str(v);
    };
    if !r.path.is_empty() {
        put("path", &r.path.join(","));
    }
    for (k, v) in [
        ("lang", &r.lang),
        ("shell", &r.shell),
        ("imds", &r.imds),
        ("ctr", &r.container),
        ("sdk", &r.sdk),
        ("role", &r.role),
        ("iid", &r.iid),
        ("region", &r.region),
        ("at", &r.at),
    ] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            put(k, &escape(v));
        }
    }
    if let Some(f) = r.facts.as_deref().filter(|v| !v.is_empty()) {
        put("facts", f);
    }
    if let Some(p) = r.paste.as_deref().filter(|v| !v.is_empty()) {
        put("paste", &escape(p));
    }
    out
}

// Plain tests: they run natively (`cargo test -p expiredtoken-doctor --lib`)
// and in the browser with the rest of the wasm tests.
#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn round_trip() {
        let r = Route {
            step: Some("shadow_env"),
            path: vec!["start", "expired_source", "shadowing"],
            lang: Some("es".into()),
            shell: Some("powershell".into()),
            role: Some("app-role+=,.@x".into()),
            region: Some("eu-west-1".into()),
            at: Some("20261128T120000Z".into()),
            facts: Some("1~e.ExpiredToken".into()),
            paste: Some("a b & c # d".into()),
            ..Route::default()
        };
        let s = format(&r);
        assert_eq!(
            s,
            "#/step/shadow_env?path=start,expired_source,shadowing&lang=es&shell=powershell&role=app-role%2B%3D%2C%2E%40x&region=eu-west-1&at=20261128T120000Z&facts=1~e.ExpiredToken&paste=a+b+%26+c+%23+d"
        );
        assert_eq!(parse(&s), r);
    }

    #[test]
    fn minimal_and_garbage() {
        assert_eq!(format(&Route::default()), "#/step/start");
        assert_eq!(parse(""), Route::default());
        assert_eq!(parse("#"), Route::default());
        let r = parse("#/step/nope?path=start,nope,verify&role=&x=1&lang");
        assert_eq!(r.step, None);
        assert_eq!(r.path, vec!["start", "verify"]);
        assert_eq!(r.role, None);
        assert!(parse("#/panic-test").panic_test);
        // Browsers may re-encode: %20 and lower-case hex are fine.
        assert_eq!(parse("#/step/verify?role=my%20role%2c1").role.as_deref(), Some("my role,1"));
        let long = "x".repeat(VALUE_CAP + 1);
        assert_eq!(parse(&format!("#/step/start?role={long}")).role, None);
    }
}
