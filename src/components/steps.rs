//! The decision tree: the current node (from the engine's table) with its
//! answers, the path taken (each step clickable), back and restart.

use tokendoctor_engine::tree::{self, NodeKind};
use tokendoctor_engine::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::tr;
use crate::i18n::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub step: &'static str,
    pub path: Vec<&'static str>,
    pub on_go: Callback<&'static str>,
    pub on_path: Callback<usize>,
    pub on_back: Callback<()>,
    pub on_restart: Callback<()>,
}

#[function_component(Steps)]
pub fn steps(p: &Props) -> Html {
    let lang = p.lang;
    let heading = use_node_ref();
    // Move focus to the new question only when the user moved in the tree
    // here, not when a paste or the address bar did (that would pull focus
    // out of the paste box while typing).
    let moved_here = use_mut_ref(|| false);
    {
        let heading = heading.clone();
        let moved_here = moved_here.clone();
        use_effect_with(p.step, move |_| {
            if std::mem::take(&mut *moved_here.borrow_mut()) {
                if let Some(h) = heading.get().and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = h.focus();
                }
            }
        });
    }
    let mark = {
        let moved_here = moved_here.clone();
        move || *moved_here.borrow_mut() = true
    };
    let Some(node) = tree::node(p.step) else { return html! {} };
    let kind = match node.kind {
        NodeKind::Question => 0,
        NodeKind::Fix => 1,
        NodeKind::Verify => 2,
        NodeKind::Done => 3,
    };
    let title = |id: &str| tree::node(id).map(|n| n.title.get(lang)).unwrap_or("?");
    html! {
        <section class="steps card" aria-labelledby="steps-h">
            <h2 id="steps-h">{ tr(TROUBLESHOOT, lang) }</h2>
            <nav aria-label={tr(PATH, lang)}>
                <ol class="path" data-testid="path">
                    for (i, id) in p.path.iter().enumerate() {
                        <li>
                            <button type="button" class="link" data-testid="path-step" data-step={*id}
                                onclick={{ let mark = mark.clone(); p.on_path.reform(move |_: MouseEvent| { mark(); i }) }}>
                                { title(id) }
                            </button>
                        </li>
                    }
                    <li aria-current="step" data-testid="path-current">{ node.title.get(lang) }</li>
                </ol>
            </nav>
            <div class={classes!("node", node.kind.as_str())} data-testid="step" data-step={node.id}>
                <p class="kind">{ tr(KIND[kind], lang) }</p>
                <h3 ref={heading} tabindex="-1" data-testid="step-title">{ node.title.get(lang) }</h3>
                <p class="body">{ node.body.get(lang) }</p>
                <div class="answers" role="group" aria-label={tr(ANSWERS, lang)}>
                    for a in node.answers {
                        {{
                            let next = a.next;
                            let mark = mark.clone();
                            html! {
                                <button type="button" class="answer" data-testid="answer" data-next={next}
                                    onclick={p.on_go.reform(move |_: MouseEvent| { mark(); next })}>
                                    { a.label.get(lang) }
                                </button>
                            }
                        }}
                    }
                </div>
                if !node.docs.is_empty() {
                    <p class="docs">
                        { tr(DOCS, lang) }{ ": " }
                        for (i, d) in node.docs.iter().enumerate() {
                            if i > 0 { { ", " } }
                            <a href={*d} rel="noopener noreferrer" target="_blank">{ doc_label(d) }</a>
                        }
                    </p>
                }
            </div>
            <div class="row">
                <button type="button" data-testid="back" disabled={p.path.is_empty()}
                    onclick={{ let mark = mark.clone(); p.on_back.reform(move |_: MouseEvent| mark()) }}>
                    { "← " }{ tr(BACK, lang) }
                </button>
                <button type="button" class="quiet" data-testid="restart"
                    onclick={{ let mark = mark.clone(); p.on_restart.reform(move |_: MouseEvent| mark()) }}>
                    { tr(RESTART, lang) }
                </button>
            </div>
        </section>
    }
}

/// The last path segment of a documentation URL, as link text.
fn doc_label(url: &str) -> &str {
    let u = url.trim_end_matches('/');
    let last = u.rsplit('/').next().unwrap_or(u);
    last.strip_suffix(".html").unwrap_or(last)
}
