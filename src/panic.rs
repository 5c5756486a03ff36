//! If the app panics, the page says so and offers a reload instead of going
//! blank. Deliberately tiny: fixed bilingual text, no formatting of the panic
//! payload (that machinery costs kilobytes of wasm), no console dump.

const MESSAGE: &str = "Something went wrong and the page stopped. Nothing you pasted was sent anywhere. \
                       / Algo falló y la página se detuvo. Nada de lo que pegaste se envió a ningún sitio.";
const RELOAD: &str = "Reload / Recargar";

/// Installs the hook (once, before the first render: Yew's renderer would
/// otherwise install its own, which only logs to the console).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|_| show()));
}

/// Writes the message and a reload button over the page.
pub fn show() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("panic").is_some() {
        return;
    }
    let Ok(box_) = doc.create_element("div") else { return };
    box_.set_id("panic");
    let _ = box_.set_attribute("role", "alert");
    let _ = box_.set_attribute("data-testid", "panic");
    let p = doc.create_element("p").ok();
    if let Some(p) = &p {
        p.set_text_content(Some(MESSAGE));
        let _ = box_.append_child(p);
    }
    // A link, not a button with a Rust handler: after a panic the wasm
    // instance may be unusable, and the CSP forbids inline JS handlers. A
    // different URL (the `?reload` query) forces a full load and keeps the
    // fragment, so the user returns to the same step.
    if let Ok(a) = doc.create_element("a") {
        let loc = doc.location();
        let path = loc.as_ref().and_then(|l| l.pathname().ok()).unwrap_or_default();
        let hash = loc.as_ref().and_then(|l| l.hash().ok()).unwrap_or_default();
        let _ = a.set_attribute("href", &(path + "?reload" + &hash));
        let _ = a.set_attribute("class", "button");
        a.set_text_content(Some(RELOAD));
        let _ = box_.append_child(&a);
    }
    let _ = body.insert_before(&box_, body.first_child().as_ref());
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
}
