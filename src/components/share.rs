//! Sharing: copy a link (facts, redacted; the paste only if ticked), copy a
//! Markdown report, and the privacy line that says what happens to a paste.

use std::rc::Rc;

use tokendoctor_engine::Lang;
use yew::prelude::*;

use super::{tr, trf};
use crate::i18n::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub include_paste: bool,
    pub manual_copy: Option<Rc<str>>,
    pub on_include: Callback<bool>,
    pub on_copy_link: Callback<()>,
    pub on_copy_report: Callback<()>,
}

#[function_component(Share)]
pub fn share(p: &Props) -> Html {
    let lang = p.lang;
    let on_include = p.on_include.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
    html! {
        <section class="share card" aria-labelledby="share-h">
            <h2 id="share-h">{ tr(SHARE, lang) }</h2>
            <p class="hint">{ tr(SHARE_HINT, lang) }</p>
            <div class="check">
                <input type="checkbox" id="include-paste" data-testid="include-paste"
                    checked={p.include_paste} onchange={on_include} />
                <label for="include-paste">{ tr(INCLUDE_PASTE, lang) }</label>
            </div>
            <div class="row">
                <button type="button" class="primary" data-testid="copy-link"
                    onclick={p.on_copy_link.reform(|_: MouseEvent| ())}>{ tr(COPY_LINK, lang) }</button>
                <button type="button" data-testid="copy-report"
                    onclick={p.on_copy_report.reform(|_: MouseEvent| ())}>{ tr(COPY_REPORT, lang) }</button>
            </div>
            if let Some(text) = &p.manual_copy {
                <div class="manual">
                    <label for="manual-copy">{ tr(COPY_OUT, lang) }</label>
                    <textarea id="manual-copy" data-testid="manual-copy" readonly=true rows="4"
                        value={text.to_string()} />
                </div>
            }
        </section>
    }
}

/// The privacy line and the engine version.
#[function_component(Footer)]
pub fn footer(p: &FooterProps) -> Html {
    let lang = p.lang;
    html! {
        <footer class="foot">
            <p class="privacy" data-testid="privacy">{ tr(PRIVACY, lang) }</p>
            <p class="muted">{ trf(ENGINE, lang, &[("v", tokendoctor_engine::version().to_string())]) }</p>
        </footer>
    }
}

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub lang: Lang,
}
