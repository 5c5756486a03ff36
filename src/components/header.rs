//! Title, tagline, and the language and theme switches.

use tokendoctor_engine::Lang;
use yew::prelude::*;

use super::tr;
use crate::i18n::*;
use crate::state::Theme;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub lang: Lang,
    pub theme: Theme,
    pub on_lang: Callback<Lang>,
    pub on_theme: Callback<Theme>,
}

#[function_component(Header)]
pub fn header(p: &Props) -> Html {
    let lang = p.lang;
    let other = match lang {
        Lang::En => Lang::Es,
        Lang::Es => Lang::En,
    };
    let dark = p.theme == Theme::Dark;
    let on_lang = p.on_lang.reform(move |_: MouseEvent| other);
    let on_theme = p.on_theme.reform(move |_: MouseEvent| if dark { Theme::Light } else { Theme::Dark });
    html! {
        <header class="top">
            <a class="skip" href="#verdict">{ tr(SKIP, lang) }</a>
            <div class="brand">
                <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <circle cx="16" cy="16" r="13" />
                    <path d="M16 8v8l5 4" />
                </svg>
                <div>
                    <h1>{ APP_TITLE }</h1>
                    <p class="tagline">{ tr(TAGLINE, lang) }</p>
                </div>
            </div>
            <div class="switches">
                // Named in the language it switches to, as language pickers are.
                <button type="button" class="switch" data-testid="lang-switch" onclick={on_lang}
                    lang={other.code()} aria-label={tr(LANG_SWITCH, lang)}>
                    { tr(LANG_OTHER, lang) }
                </button>
                <button type="button" class="switch" data-testid="theme-switch" onclick={on_theme}
                    aria-pressed={if dark { "true" } else { "false" }}>
                    <span class="theme-icon" aria-hidden="true"></span>
                    { tr(THEME_DARK, lang) }
                </button>
            </div>
        </header>
    }
}
