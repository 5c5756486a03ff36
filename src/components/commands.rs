//! The current step's commands (rendered by the engine for the chosen shell
//! and values), one block each with its own copy button.

use std::rc::Rc;

use tokendoctor_engine::commands::StepCommands;
use tokendoctor_engine::Lang;
use yew::prelude::*;

use super::{tr, trf};
use crate::i18n::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub cmds: Rc<StepCommands>,
    /// Copy this text (the parent announces the result).
    pub on_copy: Callback<String>,
}

#[function_component(Commands)]
pub fn commands(p: &Props) -> Html {
    let lang = p.lang;
    let fields = ["role", "instance_id", "region", "shell", "imds", "container", "sdk"];
    html! {
        <section class="commands card" aria-labelledby="commands-h">
            <h2 id="commands-h">{ tr(COMMANDS, lang) }</h2>
            if p.cmds.commands.is_empty() {
                <p class="muted">{ tr(NO_COMMANDS, lang) }</p>
            }
            <div class="cmds">
            for c in p.cmds.commands.iter() {
                {{
                    let text = c.text.clone();
                    let onclick = p.on_copy.reform(move |_: MouseEvent| text.clone());
                    html! {
                        <figure class="cmd" data-testid="command" data-id={c.id}>
                            <figcaption>
                                <span>{ c.purpose.clone() }</span>
                                <span class="shell">{ c.shell }</span>
                            </figcaption>
                            <pre tabindex="0"><code>{ c.text.clone() }</code></pre>
                            <button type="button" class="copy" {onclick}
                                aria-label={trf(COPY_CMD, lang, &[("what", c.purpose.clone())])}>
                                { tr(COPY, lang) }
                            </button>
                        </figure>
                    }
                }}
            }
            </div>
            // Problems the context form does not show next to a field.
            for pr in p.cmds.problems.iter().filter(|pr| !fields.contains(&pr.field)) {
                <p class="error">{ pr.field }{ ": " }{ pr.message.clone() }</p>
            }
        </section>
    }
}
