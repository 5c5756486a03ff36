//! The environment the commands are written for: OS and shell, IMDS
//! version, container, SDK, role, instance ID, region. Pre-filled from the
//! paste (marked), editable, checked as typed with the reason shown.

use tokendoctor_engine::commands::Problem;
use tokendoctor_engine::i18n::Text;
use tokendoctor_engine::{Lang, Sdk};
use yew::prelude::*;

use super::tr;
use crate::i18n::*;
use crate::state::{Ctx, Field, CONTAINERS};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub ctx: Ctx,
    /// Per `Field::ALL`: the value came from the paste.
    pub prefilled: [bool; 7],
    /// The values the engine's validators rejected, with the reason.
    pub problems: Vec<Problem>,
    pub on_field: Callback<(Field, String)>,
}

#[function_component(ContextForm)]
pub fn context_form(p: &Props) -> Html {
    let lang = p.lang;
    let pre = |f: Field| p.prefilled[f as usize];
    let badge = |f: Field| {
        html! { if pre(f) { <span class="from-paste">{ tr(FROM_PASTE, lang) }</span> } }
    };
    let select = |f: Field, id: &'static str, label: Text, options: Vec<(String, String)>| {
        let current = p.ctx.get(f);
        let onchange =
            p.on_field.reform(move |e: Event| (f, e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()));
        html! {
            <div class="field">
                <label for={id}>{ tr(label, lang) }{ badge(f) }</label>
                <select {id} data-testid={id} {onchange}>
                    for (v, text) in options {
                        <option selected={v == current} value={v.clone()}>{ text }</option>
                    }
                </select>
            </div>
        }
    };
    let text = |f: Field, id: &'static str, label: Text, placeholder: &'static str| {
        let value = p.ctx.get(f);
        let problem: Option<String> =
            p.problems.iter().find(|pr| pr.field == f.engine_name()).map(|pr| pr.message.clone());
        let msg_id = format!("{id}-msg");
        let oninput =
            p.on_field.reform(move |e: InputEvent| (f, e.target_unchecked_into::<web_sys::HtmlInputElement>().value()));
        html! {
            <div class="field">
                <label for={id}>{ tr(label, lang) }{ badge(f) }</label>
                <input {id} data-testid={id} type="text" {value} {placeholder} {oninput}
                    spellcheck="false" autocomplete="off" autocapitalize="off"
                    aria-invalid={if problem.is_some() { "true" } else { "false" }}
                    aria-describedby={problem.is_some().then(|| msg_id.clone())} />
                if let Some(m) = problem {
                    <p id={msg_id} class="error" data-testid="field-error">{ m }</p>
                }
            </div>
        }
    };
    let o = |v: &str, t: &str| (v.to_string(), t.to_string());
    let sdks: Vec<(String, String)> = Sdk::ALL
        .iter()
        .filter(|s| **s != Sdk::Other)
        .map(|s| o(s.as_str(), if *s == Sdk::Unknown { tr(SDK_UNKNOWN, lang) } else { s.label() }))
        .collect();
    html! {
        <section class="context card" aria-labelledby="context-h">
            <h2 id="context-h">{ tr(CONTEXT, lang) }</h2>
            <p class="hint">{ tr(CONTEXT_HINT, lang) }</p>
            <div class="fields">
                { select(Field::Shell, "ctx-shell", F_SHELL, vec![o("bash", tr(SHELL_BASH, lang)), o("powershell", tr(SHELL_PS, lang))]) }
                { select(Field::Imds, "ctx-imds", F_IMDS, vec![o("v2", tr(IMDS_V2, lang)), o("v1", tr(IMDS_V1, lang))]) }
                { select(Field::Container, "ctx-container", F_CONTAINER, CONTAINERS.iter().map(|c| match *c {
                    "" => o("", tr(CONTAINER_NONE, lang)),
                    "ecs" => o("ecs", "Amazon ECS"),
                    "eks" => o("eks", "Amazon EKS"),
                    _ => o(c, "Docker"),
                }).collect()) }
                { select(Field::Sdk, "ctx-sdk", F_SDK, sdks) }
                { text(Field::Role, "ctx-role", F_ROLE, "my-app-role") }
                { text(Field::InstanceId, "ctx-iid", F_IID, "i-0123456789abcdef0") }
                { text(Field::Region, "ctx-region", F_REGION, "eu-west-1") }
            </div>
        </section>
    }
}
