//! Component tests in headless Chromium (wasm-bindgen-test): mount the real
//! `App`, type into the paste box the way a browser does (an `input` event),
//! and read what the page shows.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement};
use yew::AppHandle;

use super::App;

wasm_bindgen_test_configure!(run_in_browser);

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// A fresh app in its own element, with an empty fragment and no saved
/// preferences, in English.
async fn mount() -> (AppHandle<App>, Element) {
    let w = gloo::utils::window();
    w.history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/step/start?lang=en"))
        .unwrap();
    w.local_storage().unwrap().unwrap().clear().unwrap();
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    (handle, root)
}

fn q(root: &Element, sel: &str) -> Element {
    root.query_selector(sel).unwrap().unwrap_or_else(|| panic!("{sel} is rendered"))
}

fn all(root: &Element, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect()
}

fn text(root: &Element, sel: &str) -> String {
    q(root, sel).text_content().unwrap_or_default()
}

async fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().expect("clickable").click();
    yew::scheduler::flush().await;
}

/// Types `value` into the paste box and waits for the debounced analysis.
async fn paste(root: &Element, value: &str) {
    let ta: HtmlTextAreaElement = q(root, "[data-testid=paste]").dyn_into().unwrap();
    ta.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    ta.dispatch_event(&ev).unwrap();
    sleep(super::DEBOUNCE_MS as i32 + 80).await;
    yew::scheduler::flush().await;
}

const SEED: &str = "com.amazonaws.AmazonServiceException: El token de seguridad incluido en la solicitud ha caducado (Service: AmazonSQS; Código de estado: 403; Código de error: ExpiredToken; Request ID: 12a345b6-78cd-901e-fg23-45hi67890jkl)\n\
{\"Code\":\"Success\",\"LastUpdated\":\"2020-01-01T00:00:00Z\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"ASIAQWERTYUIOPASDFGH\",\
\"SecretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",\"Token\":\"IQoJb3JpZ2luX2VjEJrexampletoken\",\"Expiration\":\"2020-01-01T06:00:00Z\"}\n";

#[wasm_bindgen_test]
async fn renders_labelled_paste_box_and_status_region_first() {
    let (app, root) = mount().await;
    let paste = q(&root, "[data-testid=paste]");
    let label = q(&root, &format!("label[for={}]", paste.id()));
    assert!(label.text_content().unwrap_or_default().contains("Paste"));
    let status = q(&root, "[data-testid=verdict]");
    assert_eq!(status.get_attribute("role").as_deref(), Some("status"));
    assert!(text(&root, "[data-testid=verdict]").contains("Nothing recognized yet"));
    assert_eq!(all(&root, "[data-testid=finding]").len(), 0);
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_paste_gives_verdict_findings_times_and_step() {
    let (app, root) = mount().await;
    paste(&root, SEED).await;
    assert!(text(&root, "[data-testid=verdict-text]").contains("ExpiredToken"));
    let codes: Vec<String> =
        all(&root, "[data-testid=finding]").iter().filter_map(|f| f.get_attribute("data-code")).collect();
    assert!(codes.contains(&"expired_token".to_string()), "{codes:?}");
    assert!(codes.contains(&"credentials_expired".to_string()), "{codes:?}");
    // The evidence line of the paste is shown, its span marked.
    assert!(all(&root, "[data-testid=finding] mark")
        .iter()
        .any(|m| m.text_content().unwrap_or_default().contains("ExpiredToken")));
    assert!(text(&root, "[data-testid=countdown]").starts_with("expired "));
    assert!(q(&root, "time[datetime='2020-01-01T06:00:00Z']").text_content().unwrap_or_default().contains("2020"));
    assert_eq!(q(&root, "[data-testid=step]").get_attribute("data-step").as_deref(), Some("expired_source"));
    assert_eq!(q(&root, "#ctx-sdk").dyn_into::<web_sys::HtmlSelectElement>().unwrap().value(), "java-v1");
    assert!(text(&root, "[data-testid=badge-expired]").contains("Expired"));
    // No secret reaches the page.
    let html = root.inner_html();
    assert!(!html.contains("wJalrXUtnFEMI") && !html.contains("IQoJb3JpZ2lu"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_tree_walks_forward_back_and_through_the_path() {
    let (app, root) = mount().await;
    let step = |root: &Element| q(root, "[data-testid=step]").get_attribute("data-step").unwrap();
    assert_eq!(step(&root), "start");
    click(&q(&root, "[data-testid=answer][data-next=clock_check]")).await;
    assert_eq!(step(&root), "clock_check");
    click(&q(&root, "[data-testid=answer][data-next=clock_os]")).await;
    click(&q(&root, "[data-testid=answer][data-next=clock_linux]")).await;
    assert_eq!(step(&root), "clock_linux");
    assert_eq!(all(&root, "[data-testid=path-step]").len(), 3);
    assert!(!all(&root, "[data-testid=command]").is_empty(), "a fix step offers commands");
    assert!(gloo::utils::window()
        .location()
        .hash()
        .unwrap()
        .starts_with("#/step/clock_linux?path=start,clock_check,clock_os"));
    click(&q(&root, "[data-testid=back]")).await;
    assert_eq!(step(&root), "clock_os");
    click(&q(&root, "[data-testid=path-step][data-step=start]")).await;
    assert_eq!(step(&root), "start");
    assert!(all(&root, "[data-testid=path-step]").is_empty());
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_language_switch_translates_chrome_and_engine_texts() {
    let (app, root) = mount().await;
    paste(&root, SEED).await;
    click(&q(&root, "[data-testid=lang-switch]")).await;
    assert_eq!(gloo::utils::document().document_element().unwrap().get_attribute("lang").as_deref(), Some("es"));
    assert!(text(&root, "[data-testid=verdict-text]").contains("ha caducado"));
    assert!(text(&root, "[data-testid=step-title]").contains("¿Qué credenciales"));
    assert!(text(&root, "label[for=paste]").starts_with("Pega"));
    // Only the preference is stored, never the paste.
    let store = gloo::utils::window().local_storage().unwrap().unwrap();
    assert_eq!(store.get_item("expiredtoken-doctor.lang").unwrap().as_deref(), Some("es"));
    for i in 0..store.length().unwrap() {
        let k = store.key(i).unwrap().unwrap();
        assert!(!store.get_item(&k).unwrap().unwrap_or_default().contains("ExpiredToken"));
    }
    click(&q(&root, "[data-testid=lang-switch]")).await;
    assert!(text(&root, "[data-testid=verdict-text]").contains("has expired"));
    app.destroy();
}

#[wasm_bindgen_test]
async fn the_theme_switch_sets_the_document_theme() {
    let (app, root) = mount().await;
    let theme = || gloo::utils::document().document_element().unwrap().get_attribute("data-theme").unwrap();
    let before = theme();
    click(&q(&root, "[data-testid=theme-switch]")).await;
    assert_ne!(theme(), before);
    let pressed = q(&root, "[data-testid=theme-switch]").get_attribute("aria-pressed").unwrap();
    assert_eq!(pressed == "true", theme() == "dark");
    app.destroy();
}

#[wasm_bindgen_test]
async fn examples_fill_the_box_and_are_recognized() {
    let (app, root) = mount().await;
    for b in all(&root, "[data-testid^=example-]") {
        click(&b).await;
        let ta: HtmlTextAreaElement = q(&root, "[data-testid=paste]").dyn_into().unwrap();
        assert!(!ta.value().is_empty(), "{:?} fills the box", b.get_attribute("data-testid"));
        assert!(!all(&root, "[data-testid=finding]").is_empty(), "{:?} gives findings", b.get_attribute("data-testid"));
    }
    app.destroy();
}

#[wasm_bindgen_test]
fn the_panic_screen_is_written_into_the_page() {
    crate::panic::show();
    let doc = gloo::utils::document();
    let panel = doc.get_element_by_id("panic").expect("panic panel");
    assert_eq!(panel.get_attribute("role").as_deref(), Some("alert"));
    assert!(panel.query_selector("a.button").unwrap().is_some(), "a reload link");
    panel.remove();
    if let Some(app) = doc.get_element_by_id("app") {
        app.remove_attribute("hidden").unwrap();
    }
}
