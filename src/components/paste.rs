//! The paste box (uncontrolled: a 10 MiB paste lives in the textarea, not in
//! Yew's virtual DOM), the example buttons and the drop target.

use tokendoctor_engine::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{human_bytes, human_ms, tr, trf};
use crate::i18n::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub node: NodeRef,
    /// The text changed (debounced by the parent).
    pub on_input: Callback<()>,
    /// An example was chosen: its id.
    pub on_example: Callback<&'static str>,
    pub on_clear: Callback<()>,
    pub on_file: Callback<web_sys::File>,
    /// Bytes and engine milliseconds of the last analysis.
    pub last_run: Option<(usize, f64)>,
    pub from_facts: bool,
}

#[function_component(PasteBox)]
pub fn paste_box(p: &Props) -> Html {
    let lang = p.lang;
    let oninput = p.on_input.reform(|_: InputEvent| ());
    // Allow dropping files (the default refuses them on a textarea).
    let ondragover = Callback::from(|e: DragEvent| {
        if has_files(&e) {
            e.prevent_default();
        }
    });
    let ondrop = {
        let on_file = p.on_file.clone();
        Callback::from(move |e: DragEvent| {
            let file = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
            if let Some(file) = file {
                e.prevent_default();
                on_file.emit(file);
            }
        })
    };
    let on_clear = p.on_clear.reform(|_: MouseEvent| ());
    let stats = p.last_run.filter(|(n, _)| *n > 0);
    html! {
        <section class="paste card" aria-labelledby="paste-label">
            <label id="paste-label" for="paste">{ tr(PASTE_LABEL, lang) }</label>
            <p class="hint" id="paste-hint">{ tr(PASTE_HINT, lang) }</p>
            <textarea id="paste" data-testid="paste" ref={p.node.clone()} rows="10"
                spellcheck="false" autocomplete="off" autocapitalize="off"
                // Measured in Chromium on a 2 MiB paste: dir=auto costs ~4x
                // in layout, and without its own lang the whole text is laid
                // out again when the page language switches.
                lang="en" translate="no"
                aria-describedby="paste-hint" {oninput} {ondragover} {ondrop} />
            <div class="row">
                <div class="examples" role="group" aria-labelledby="examples-label">
                    <span id="examples-label" class="examples-label">{ tr(EXAMPLES, lang) }</span>
                    for (id, name) in EXAMPLE_NAMES {
                        <button type="button" class="chip" data-testid={format!("example-{id}")}
                            onclick={p.on_example.reform(move |_: MouseEvent| id)}>
                            { tr(name, lang) }
                        </button>
                    }
                </div>
                <button type="button" class="quiet" data-testid="clear" onclick={on_clear}>{ tr(CLEAR, lang) }</button>
            </div>
            if p.from_facts {
                <p class="note" data-testid="from-link">{ tr(FROM_LINK, lang) }</p>
            }
            // Always rendered: children that come and go would shift the
            // textarea's position and make Yew replace it (losing the paste).
            <p class="stats" data-testid="run-stats"
                data-ms={stats.map(|(_, ms)| human_ms(ms))} data-bytes={stats.map(|(n, _)| n.to_string())}>
                if let Some((n, ms)) = stats {
                    { trf(RUN_STATS, lang, &[("bytes", human_bytes(n)), ("ms", human_ms(ms))]) }
                    if n >= tokendoctor_engine::MAX_INPUT { { " " } { tr(TRUNCATED, lang) } }
                }
            </p>
        </section>
    }
}

fn has_files(e: &DragEvent) -> bool {
    e.data_transfer().map(|d| d.types()).is_some_and(|t| t.iter().any(|v| v.as_string().as_deref() == Some("Files")))
}

/// The textarea behind a node ref.
pub fn textarea(node: &NodeRef) -> Option<web_sys::HtmlTextAreaElement> {
    node.get().and_then(|n| n.dyn_into().ok())
}
