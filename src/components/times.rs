//! Times: the reference time picker, each credential's expiry, last update,
//! lifetime and live countdown, and the clock skew. Every time is written
//! out in UTC and in the reader's zone (never hover-only); `<time datetime>`
//! carries the exact instant for machines.

use tokendoctor_engine::time::{human_duration, rfc3339};
use tokendoctor_engine::{Lang, Report, Timestamp};
use yew::prelude::*;

use super::{long_duration, tr, trf};
use crate::i18n::*;
use crate::state::{RefMode, Shared};
use crate::web;

/// Credentials shown; a log with more repeats itself.
const MAX_CREDS: usize = 10;

// Clone: the picker takes the same props as the section around it.
#[derive(Properties, PartialEq, Clone)]
pub struct Props {
    pub lang: Lang,
    pub report: Shared<Report>,
    pub ref_time: Timestamp,
    pub ref_mode: RefMode,
    pub ref_pick: Option<Timestamp>,
    pub ref_typed: String,
    pub typed_invalid: bool,
    pub on_mode: Callback<RefMode>,
    pub on_pick: Callback<Timestamp>,
    pub on_type: Callback<String>,
}

/// An instant in UTC and local time, as text.
#[derive(Properties, PartialEq)]
pub struct WhenProps {
    pub lang: Lang,
    pub t: Timestamp,
}

#[function_component(When)]
pub fn when(p: &WhenProps) -> Html {
    html! {
        <time datetime={rfc3339(p.t)} class="when">
            <span class="utc">{ web::format_time(p.t, p.lang, true) }</span>
            <span class="local">{ tr(LOCAL, p.lang) }{ ": " }{ web::format_time(p.t, p.lang, false) }</span>
        </time>
    }
}

#[function_component(Times)]
pub fn times(p: &Props) -> Html {
    let lang = p.lang;
    let r = &p.report;
    let creds: Vec<_> =
        r.credentials.iter().filter(|c| c.expiration.is_some() || c.last_updated.is_some()).take(MAX_CREDS).collect();
    html! {
        <section class="times card" aria-labelledby="times-h">
            <h2 id="times-h">{ tr(TIMES, lang) }</h2>
            <RefPicker ..p.clone() />
            if creds.is_empty() && r.clock.is_none() {
                <p class="muted">{ tr(NO_TIMES, lang) }</p>
            }
            <div class="creds">
            for c in creds {
                <article class="cred" data-testid="credential">
                    <h3>
                        { tr(CREDENTIALS, lang) }
                        if let Some(k) = &c.access_key_id { { " " }<code>{ k.clone() }</code> }
                        if let Some(role) = &c.role { { " · " }{ role.clone() } }
                        <span class="muted">{ " · " }{ trf(LINE_N, lang, &[("n", c.line.to_string())]) }</span>
                    </h3>
                    <dl>
                        if let Some(t) = c.expiration {
                            <div><dt>{ tr(EXPIRATION, lang) }</dt><dd><When {lang} {t} /></dd></div>
                        }
                        if let Some(t) = c.last_updated {
                            <div><dt>{ tr(LAST_UPDATED, lang) }</dt><dd><When {lang} {t} /></dd></div>
                        }
                        if let Some(l) = c.lifetime_seconds() {
                            <div><dt>{ tr(LIFETIME, lang) }</dt><dd>{ human_duration(l) }</dd></div>
                        }
                        if let Some(left) = c.seconds_left(p.ref_time) {
                            <div>
                                <dt>{ tr(COUNTDOWN, lang) }</dt>
                                <dd data-testid="countdown" class={if left < 0 { "bad" } else if left <= 300 { "warn" } else { "good" }}>
                                    { trf(if left < 0 { EXPIRED_AGO } else { EXPIRES_IN }, lang, &[("d", long_duration(left))]) }
                                </dd>
                            </div>
                        }
                    </dl>
                </article>
            }
            </div>
            if let Some(c) = &r.clock {
                <article class="skew" data-testid="skew">
                    <h3>{ tr(SKEW, lang) }</h3>
                    <p class={if c.beyond() { "bad" } else { "good" }}>
                        { trf(match c.skew_seconds { 0 => SKEW_NONE, s if s < 0 => SKEW_BEHIND, _ => SKEW_AHEAD }, lang, &[("d", human_duration(c.skew_seconds))]) }
                        { "; " }
                        { trf(TOLERANCE, lang, &[("d", human_duration(c.tolerance_seconds))]) }
                        { "." }
                    </p>
                    <dl>
                        if let Some(t) = c.client_time {
                            <div><dt>{ tr(CLIENT_TIME, lang) }</dt><dd><When {lang} {t} /></dd></div>
                        }
                        if let Some(t) = c.server_time {
                            <div><dt>{ tr(SERVER_TIME, lang) }</dt><dd><When {lang} {t} /></dd></div>
                        }
                    </dl>
                </article>
            }
        </section>
    }
}

/// Now / a time from the paste / a typed time.
#[function_component(RefPicker)]
fn ref_picker(p: &Props) -> Html {
    let lang = p.lang;
    let times = p.report.ref_times.clone();
    let radio = |mode: RefMode, id: &'static str, label: &'static str, disabled: bool| {
        let onchange = p.on_mode.reform(move |_: Event| mode);
        html! {
            <div class="radio">
                <input type="radio" name="ref-mode" {id} checked={p.ref_mode == mode} {disabled} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let on_pick = {
        let times = times.clone();
        p.on_pick.reform(move |e: Event| {
            let v = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            v.parse::<usize>().ok().and_then(|i| times.get(i)).map(|r| r.time).unwrap_or_default()
        })
    };
    let on_type = p.on_type.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value());
    let what = |w: &str| REF_WHAT.iter().find(|(k, _)| *k == w).map(|(_, t)| t.get(lang)).unwrap_or("");
    html! {
        <fieldset class="ref" data-testid="ref-time">
            <legend>{ tr(REF_TIME, lang) }</legend>
            <p class="ref-at" data-testid="ref-at"><When {lang} t={p.ref_time} /></p>
            { radio(RefMode::Now, "ref-now", tr(REF_NOW, lang), false) }
            { radio(RefMode::Paste, "ref-paste", tr(if times.is_empty() { REF_PASTE_NONE } else { REF_PASTE }, lang), times.is_empty()) }
            if p.ref_mode == RefMode::Paste && !times.is_empty() {
                <div class="sub">
                    <label for="ref-pick">{ tr(REF_PASTE_PICK, lang) }</label>
                    <select id="ref-pick" onchange={on_pick}>
                        for (i, t) in times.iter().enumerate() {
                            <option value={i.to_string()} selected={p.ref_pick == Some(t.time)}>
                                { rfc3339(t.time) }{ " — " }{ what(t.what) }{ " (" }{ trf(LINE_N, lang, &[("n", t.line.to_string())]) }{ ")" }
                            </option>
                        }
                    </select>
                </div>
            }
            { radio(RefMode::Typed, "ref-typed-mode", tr(REF_TYPED, lang), false) }
            if p.ref_mode == RefMode::Typed {
                <div class="sub">
                    <label for="ref-typed">{ tr(REF_TYPED, lang) }</label>
                    <input id="ref-typed" type="text" inputmode="text" spellcheck="false" autocomplete="off"
                        placeholder="2026-11-28T12:00:00Z" value={p.ref_typed.clone()} oninput={on_type}
                        aria-invalid={if p.typed_invalid { "true" } else { "false" }}
                        aria-describedby="ref-typed-msg" />
                    <p id="ref-typed-msg" class={if p.typed_invalid { "error" } else { "hint" }}>
                        { tr(if p.typed_invalid { REF_INVALID } else { REF_TYPED_HINT }, lang) }
                    </p>
                </div>
            }
        </fieldset>
    }
}
