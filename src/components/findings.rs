//! One card per engine finding: its sentence, explanation, the lines of the
//! paste it rests on (marked), and a way to its step in the tree.

use std::rc::Rc;

use tokendoctor_engine::{tree, Lang, Report, Severity};
use yew::prelude::*;

use super::{tr, trf};
use crate::excerpt::excerpt;
use crate::i18n::*;
use crate::state::Shared;

/// Evidence lines shown per finding, and their width in bytes.
const MAX_LINES: usize = 6;
const MAX_COLS: usize = 240;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub text: Rc<str>,
    pub step: &'static str,
    pub on_step: Callback<&'static str>,
}

#[function_component(Findings)]
pub fn findings(p: &Props) -> Html {
    let lang = p.lang;
    let r = &p.report;
    html! {
        <section class="findings card" aria-labelledby="findings-h">
            <h2 id="findings-h">{ tr(FINDINGS, lang) }{ " " }<span class="count">{ r.findings.len() }</span></h2>
            if r.findings.is_empty() {
                <p class="muted">{ tr(NO_FINDINGS, lang) }</p>
            }
            <ol class="finding-list">
            for f in r.findings.iter() {
                {{
                    let sev = f.severity();
                    let class = match sev { Severity::Error => "bad", Severity::Warning => "warn", Severity::Info => "info" };
                    let step = f.step();
                    let evidence: Vec<Html> = f.evidence.iter().take(3).map(|e| {
                        let (lines, more) = excerpt(&p.text, e.span, e.line, MAX_LINES, MAX_COLS);
                        html! {
                            if !lines.is_empty() {
                                <figure class="evidence">
                                    <figcaption class="visually-hidden">{ tr(EVIDENCE, lang) }</figcaption>
                                    <pre tabindex="0">
                                        for l in lines {
                                            <span class="ln" aria-hidden="true">{ l.n }</span>
                                            { l.before }<mark>{ l.mark }</mark>{ l.after }{ "\n" }
                                        }
                                        if more > 0 {
                                            <span class="more">{ trf(MORE_LINES, lang, &[("n", more.to_string())]) }</span>
                                        }
                                    </pre>
                                </figure>
                            }
                        }
                    }).collect();
                    html! {
                        <li class={classes!("finding", class)} data-testid="finding" data-code={f.code()}>
                            <p class="sev">{ tr(SEVERITY[sev as usize], lang) }</p>
                            <h3>{ f.title(lang) }</h3>
                            <p>{ f.detail(lang) }</p>
                            { for evidence }
                            if step != p.step && tree::node(step).is_some() {
                                <button type="button" class="link" data-testid="finding-step"
                                    onclick={p.on_step.reform(move |_: MouseEvent| step)}>
                                    { tr(GO_STEP, lang) }{ ": " }{ tree::node(step).map(|n| n.title.get(lang)).unwrap_or("") }
                                </button>
                            }
                        </li>
                    }
                }}
            }
            </ol>
        </section>
    }
}
