//! The verdict: one plain sentence from the engine, with badges, inside the
//! page's status region. The region is rendered from the first paint (empty
//! state included) so screen readers announce its changes; "Copied" and
//! similar confirmations are announced through it too. `aria-atomic=false`
//! makes a confirmation announce just itself, not the verdict again.

use tokendoctor_engine::{Lang, Report};
use yew::prelude::*;

use super::tr;
use crate::i18n::*;
use crate::state::{Announce, Shared};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub announce: Announce,
}

#[function_component(Verdict)]
pub fn verdict(p: &Props) -> Html {
    let lang = p.lang;
    let r = &p.report;
    let mut badges: Vec<(&str, &str, &str)> = Vec::new();
    // Which badge follows from the engine's findings, not from the UI.
    if r.has("credentials_expired") || r.has("doc_served_expired") {
        badges.push(("bad", "badge-expired", tr(BADGE_EXPIRED, lang)));
    } else if r.has("rotation_window") {
        badges.push(("warn", "badge-rotation", tr(BADGE_ROTATION, lang)));
    } else if r.has("credentials_valid") {
        badges.push(("good", "badge-valid", tr(BADGE_VALID, lang)));
    }
    if let Some(c) = &r.clock {
        if c.beyond() {
            badges.push(("bad", "badge-skew", tr(BADGE_SKEW_BAD, lang)));
        } else {
            badges.push(("good", "badge-skew", tr(BADGE_SKEW_OK, lang)));
        }
    }
    let severity = match r.findings.first().map(|f| f.severity()) {
        Some(tokendoctor_engine::Severity::Error) => "verdict bad",
        Some(tokendoctor_engine::Severity::Warning) => "verdict warn",
        Some(_) => "verdict good",
        None => "verdict",
    };
    html! {
        <section id="verdict" class={severity} aria-labelledby="verdict-h" tabindex="-1">
            <h2 id="verdict-h" class="visually-hidden">{ tr(VERDICT, lang) }</h2>
            <div role="status" aria-atomic="false" data-testid="verdict">
                <p class="sentence" data-testid="verdict-text">{ r.verdict(lang) }</p>
                if !badges.is_empty() {
                    <ul class="badges">
                        for (class, id, text) in badges {
                            <li class={classes!("badge", class)} data-testid={id}>{ text }</li>
                        }
                    </ul>
                }
                // Shown as a toast; a repeated message gets a trailing
                // no-break space so it is still a change to announce.
                <span class="announce" data-testid="announce">
                    { p.announce.text.clone() }
                    if p.announce.n % 2 == 1 && !p.announce.text.is_empty() { { "\u{a0}" } }
                </span>
            </div>
        </section>
    }
}
