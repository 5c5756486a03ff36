//! ExpiredToken Doctor web app: a thin Yew UI around `tokendoctor_engine`.
//!
//! It renders what the engine returns and never diagnoses anything itself.
//! `App` owns the one reducer (`state`), wires the browser (`web`: clock,
//! address bar, clipboard, preferences) and lays out the components, top to
//! bottom: paste, verdict, times, findings, decision tree, environment,
//! commands, sharing, privacy line.
//!
//! Kept in a library so `wasm-bindgen-test` can mount the same component the
//! binary renders.

pub mod components;
pub mod examples;
pub mod excerpt;
pub mod i18n;
pub mod panic;
pub mod route;
pub mod state;
pub mod web;

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::{Interval, Timeout};
use tokendoctor_engine::commands::{for_step, StepCommands};
use tokendoctor_engine::i18n::Text;
use tokendoctor_engine::{markdown, share};
use yew::prelude::*;

use components::commands::Commands;
use components::context::ContextForm;
use components::findings::Findings;
use components::header::Header;
use components::paste::{textarea, PasteBox};
use components::share::{Footer, Share};
use components::steps::Steps;
use components::times::Times;
use components::tr;
use components::verdict::Verdict;
use state::{Action, Field, RefMode, State};

/// Quiet time after the last keystroke before the paste is read again.
const DEBOUNCE_MS: u32 = 180;
/// How long a confirmation ("Copied") stays on screen.
const TOAST_MS: u32 = 4000;

/// Installs the panic screen and mounts the app on `<body>`.
pub fn start() {
    panic::install();
    // The static placeholder in index.html (what a slow link shows first).
    if let Some(boot) = gloo::utils::document().get_element_by_id("boot") {
        boot.remove();
    }
    yew::Renderer::<App>::new().render();
}

/// The whole page.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        let route = route::parse(&web::hash());
        State::new(web::initial_lang(), web::initial_theme(), web::now(), &route)
    });
    let paste = use_node_ref();
    let debounce = use_mut_ref(|| None::<Timeout>);
    let toast = use_mut_ref(|| None::<Timeout>);
    let lang = state.lang;

    // Reads the paste box and runs the engine on it, timing the engine alone.
    let run = {
        let dispatcher = state.dispatcher();
        let paste = paste.clone();
        let fixed = (state.ref_mode != RefMode::Now).then(|| state.ref_time());
        Callback::from(move |_: ()| {
            let Some(ta) = textarea(&paste) else { return };
            let text = ta.value();
            let now = fixed.unwrap_or_else(web::now);
            let t0 = web::perf_ms();
            let report = tokendoctor_engine::analyze(&text, now);
            let ms = web::perf_ms() - t0;
            dispatcher.dispatch(Action::Analyzed { text: Rc::from(text), report: Box::new(report), ms });
        })
    };
    // Typing only (re)arms a timer: nothing is read until the user pauses.
    let on_input = {
        let run = run.clone();
        let debounce = debounce.clone();
        Callback::from(move |_: ()| {
            let run = run.clone();
            *debounce.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || run.emit(())));
        })
    };
    // Puts text in the paste box and reads it at once.
    let fill = {
        let run = run.clone();
        let paste = paste.clone();
        let debounce = debounce.clone();
        Callback::from(move |text: String| {
            debounce.borrow_mut().take();
            if let Some(ta) = textarea(&paste) {
                ta.set_value(&text);
            }
            run.emit(());
        })
    };
    let on_example = fill.reform(|id: &'static str| examples::sample(id, web::now()));
    let on_clear = fill.reform(|_: ()| String::new());
    let on_file = {
        let fill = fill.clone();
        Callback::from(move |file: web_sys::File| {
            let fill = fill.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(text) = web::read_file(file, tokendoctor_engine::MAX_INPUT).await {
                    fill.emit(text);
                }
            });
        })
    };

    // Once: a paste carried by the opening link, the address bar, the clock.
    {
        let dispatcher = state.dispatcher();
        let fill = fill.clone();
        use_effect_with((), move |_| {
            let opening = route::parse(&web::hash());
            if opening.panic_test {
                panic!("panic test");
            }
            if let Some(p) = opening.paste {
                fill.emit(p);
            }
            let window = gloo::utils::window();
            let on_nav = {
                let dispatcher = dispatcher.clone();
                move |_: &Event| {
                    let r = route::parse(&web::hash());
                    if let Some(p) = &r.paste {
                        fill.emit(p.clone());
                    }
                    dispatcher.dispatch(Action::Route(Box::new(r)));
                }
            };
            let pop = EventListener::new(&window, "popstate", on_nav.clone());
            let hash = EventListener::new(&window, "hashchange", on_nav);
            let tick = Interval::new(1000, move || dispatcher.dispatch(Action::Tick(web::now())));
            move || drop((pop, hash, tick))
        });
    }
    use_effect_with((state.lang, state.theme), |(lang, theme)| web::apply_document(*lang, *theme));
    // The address bar follows the state: a new history entry when the step
    // or path changed (so Back walks the tree), the same entry otherwise.
    use_effect_with(route::format(&state.route()), |frag| {
        let current = web::hash();
        if *frag != current {
            let (a, b) = (route::parse(&current), route::parse(frag));
            let push = a.step.is_some() && (a.step != b.step || a.path != b.path);
            web::set_hash(frag, push);
        }
    });

    let cmds: Rc<StepCommands> = {
        let key = (state.step, state.inputs(), lang);
        use_memo(key, |(step, inputs, lang)| for_step(step, inputs, *lang))
    };

    // Copies text, then says so (or shows it for copying by hand).
    let copy = {
        let dispatcher = state.dispatcher();
        Callback::from(move |(text, done): (String, Text)| {
            let dispatcher = dispatcher.clone();
            let toast = toast.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = web::copy(&text).await;
                dispatcher.dispatch(Action::ManualCopy((!ok).then(|| Rc::from(text))));
                let msg = if ok { done } else { i18n::COPY_FAILED };
                dispatcher.dispatch(Action::Announce(tr(msg, lang).to_string()));
                let d = dispatcher.clone();
                *toast.borrow_mut() = Some(Timeout::new(TOAST_MS, move || d.dispatch(Action::Announce(String::new()))));
            });
        })
    };
    let on_copy_cmd = copy.reform(|text: String| (text, i18n::COPIED));
    let on_copy_link = {
        let state = state.clone();
        copy.reform(move |_: ()| (web::base_url() + &route::format(&state.share_route()), i18n::LINK_COPIED))
    };
    let on_copy_report = {
        let state = state.clone();
        let cmds = cmds.clone();
        copy.reform(move |_: ()| {
            let report = share::rediagnose(&state.report, state.ref_time());
            let mut path = state.path.clone();
            path.push(state.step);
            (markdown::report(&report, state.lang, &path, &cmds), i18n::REPORT_COPIED)
        })
    };

    let d = state.dispatcher();
    let on_lang = {
        let d = d.clone();
        Callback::from(move |l| {
            web::save_lang(l);
            d.dispatch(Action::SetLang(l));
        })
    };
    let on_theme = {
        let d = d.clone();
        Callback::from(move |t| {
            web::save_theme(t);
            d.dispatch(Action::SetTheme(t));
        })
    };
    let unit = |a: fn() -> Action| {
        let d = d.clone();
        Callback::from(move |_: ()| d.dispatch(a()))
    };
    let prefilled = Field::ALL.map(|f| state.prefilled(f));

    html! {
        <div id="app" class="app">
            <Header {lang} theme={state.theme} {on_lang} {on_theme} />
            <main id="main">
                <PasteBox {lang} node={paste} {on_input} {on_example} {on_clear} {on_file}
                    last_run={state.last_run} from_facts={state.from_facts} />
                <Verdict {lang} report={state.report.clone()} announce={state.announce.clone()} />
                <div class="grid">
                    <div class="col">
                        <Times {lang} report={state.report.clone()} ref_time={state.ref_time()}
                            ref_mode={state.ref_mode} ref_pick={state.ref_pick} ref_typed={state.ref_typed.clone()}
                            typed_invalid={state.ref_typed_invalid()}
                            on_mode={make_callback(&d, Action::SetRefMode)} on_pick={make_callback(&d, Action::PickRef)} on_type={make_callback(&d, Action::TypeRef)} />
                        <Findings {lang} report={state.report.clone()} text={state.text.clone()} step={state.step}
                            on_step={make_callback(&d, Action::Go)} />
                    </div>
                    <div class="col">
                        <Steps {lang} step={state.step} path={state.path.clone()} on_go={make_callback(&d, Action::Go)}
                            on_path={make_callback(&d, Action::GoToPath)} on_back={unit(|| Action::Back)} on_restart={unit(|| Action::Restart)} />
                        <ContextForm {lang} ctx={state.ctx.clone()} {prefilled} problems={state.inputs().problems(lang)}
                            on_field={make_callback(&d, |(f, v)| Action::SetField(f, v))} />
                        <Commands {lang} cmds={cmds.clone()} on_copy={on_copy_cmd} />
                        <Share {lang} include_paste={state.include_paste} manual_copy={state.manual_copy.clone()}
                            on_include={make_callback(&d, Action::IncludePaste)} {on_copy_link} {on_copy_report} />
                    </div>
                </div>
            </main>
            <Footer {lang} />
        </div>
    }
}

/// A callback that dispatches the action `f` builds from its value (the
/// `function_todomvc` helper: enum constructors become callbacks).
fn make_callback<T: 'static>(d: &UseReducerDispatcher<State>, f: fn(T) -> Action) -> Callback<T> {
    let d = d.clone();
    Callback::from(move |v| d.dispatch(f(v)))
}

// Browser-only: runs under wasm-bindgen-test-runner in headless Chromium.
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
