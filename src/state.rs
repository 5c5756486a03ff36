//! The page's one state and the actions that change it (Yew `use_reducer`).
//!
//! Pure: no web APIs, so it is unit-tested natively too. The reducer never
//! diagnoses text itself: the paste is analysed by the engine outside it
//! (debounced, timed) and arrives as `Action::Analyzed`; the reducer only
//! re-runs the cheap, text-free part of the engine (`share::rediagnose`)
//! when the reference time moves, and decodes shared facts.

use std::rc::Rc;

use tokendoctor_engine::commands::{Imds, Inputs, Shell};
use tokendoctor_engine::share;
use tokendoctor_engine::time::{parse_instant, Timestamp};
use tokendoctor_engine::{tree, Lang, Report, Sdk};
use yew::Reducible;

use crate::route::{Route, PATH_CAP};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }
    pub fn parse(s: &str) -> Option<Theme> {
        match s {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// What the times are measured against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefMode {
    /// The browser's clock, ticking.
    Now,
    /// A time found in the paste.
    Paste,
    /// A time the user typed.
    Typed,
}

/// The editable context fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Shell,
    Imds,
    Container,
    Sdk,
    Role,
    InstanceId,
    Region,
}

impl Field {
    pub const ALL: [Field; 7] =
        [Field::Shell, Field::Imds, Field::Container, Field::Sdk, Field::Role, Field::InstanceId, Field::Region];
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
    /// The name `commands::Problem::field` uses.
    pub fn engine_name(self) -> &'static str {
        match self {
            Field::Shell => "shell",
            Field::Imds => "imds",
            Field::Container => "container",
            Field::Sdk => "sdk",
            Field::Role => "role",
            Field::InstanceId => "instance_id",
            Field::Region => "region",
        }
    }
}

/// Container choices the context form offers.
pub const CONTAINERS: [&str; 4] = ["", "docker", "ecs", "eks"];

/// The context form as typed. Text fields are kept exactly as typed so the
/// validation message can point at what is wrong.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Ctx {
    pub shell: Shell,
    pub imds: Imds,
    /// `""` (none), `docker`, `ecs`, `eks`.
    pub container: String,
    pub sdk: Sdk,
    pub role: String,
    pub iid: String,
    pub region: String,
}

impl Ctx {
    pub fn get(&self, f: Field) -> String {
        match f {
            Field::Shell => self.shell.as_str().to_string(),
            Field::Imds => self.imds.as_str().to_string(),
            Field::Container => self.container.clone(),
            Field::Sdk => self.sdk.as_str().to_string(),
            Field::Role => self.role.clone(),
            Field::InstanceId => self.iid.clone(),
            Field::Region => self.region.clone(),
        }
    }
    fn set(&mut self, f: Field, v: &str) {
        match f {
            Field::Shell => self.shell = Shell::parse(v).unwrap_or_default(),
            Field::Imds => self.imds = Imds::parse(v).unwrap_or_default(),
            Field::Container => {
                self.container = CONTAINERS.into_iter().find(|c| *c == v).unwrap_or_default().to_string()
            }
            Field::Sdk => self.sdk = Sdk::parse(v).unwrap_or_default(),
            Field::Role => self.role = v.to_string(),
            Field::InstanceId => self.iid = v.to_string(),
            Field::Region => self.region = v.to_string(),
        }
    }
}

fn non_empty(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// An `Rc` compared by pointer: props holding one re-render when the value
/// was replaced, without comparing a large report field by field.
#[derive(Debug)]
pub struct Shared<T: ?Sized>(pub Rc<T>);

impl<T> Shared<T> {
    pub fn new(v: T) -> Shared<T> {
        Shared(Rc::new(v))
    }
}

impl<T: ?Sized> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T: ?Sized> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T: ?Sized> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Something to announce through the status region; `n` makes a repeated
/// message ("Copied" twice) a change the screen reader notices.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Announce {
    pub text: String,
    pub n: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub lang: Lang,
    pub theme: Theme,
    /// The text the current report was made from (empty for shared facts).
    pub text: Rc<str>,
    pub report: Shared<Report>,
    /// The report came from a shared link's facts, not from a paste.
    pub from_facts: bool,
    /// Facts from the link that opened the page, kept for its URL until
    /// something is pasted.
    pub facts: Option<Rc<str>>,
    /// Size and engine time of the last analysis (bytes, ms).
    pub last_run: Option<(usize, f64)>,
    /// The browser's clock, updated every second.
    pub wall: Timestamp,
    pub ref_mode: RefMode,
    pub ref_pick: Option<Timestamp>,
    pub ref_typed: String,
    pub step: &'static str,
    pub path: Vec<&'static str>,
    pub ctx: Ctx,
    /// Fields the user set (or a link set): a new paste does not overwrite them.
    touched: u8,
    /// Fields whose value came from the paste.
    prefilled: u8,
    pub include_paste: bool,
    pub announce: Announce,
    /// Text the clipboard refused, shown for copying by hand.
    pub manual_copy: Option<Rc<str>>,
    /// Move to the engine's start step when the next analysis changes it.
    follow: bool,
}

pub enum Action {
    /// The engine's report for `text` (made outside the reducer).
    Analyzed {
        text: Rc<str>,
        report: Box<Report>,
        ms: f64,
    },
    /// One second passed.
    Tick(Timestamp),
    SetLang(Lang),
    SetTheme(Theme),
    /// Follow an answer (or a finding) to this node.
    Go(&'static str),
    /// Return to the `n`-th node of the path.
    GoToPath(usize),
    Back,
    Restart,
    /// The URL fragment changed (back/forward, a pasted link).
    Route(Box<Route>),
    SetField(Field, String),
    SetRefMode(RefMode),
    PickRef(Timestamp),
    TypeRef(String),
    IncludePaste(bool),
    Announce(String),
    /// The clipboard refused this text: show it to copy by hand (`None` hides it).
    ManualCopy(Option<Rc<str>>),
}

impl State {
    /// The initial state: preferences, then whatever the opening link says.
    pub fn new(lang: Lang, theme: Theme, now: Timestamp, route: &Route) -> State {
        let mut s = State {
            lang,
            theme,
            text: Rc::from(""),
            report: Shared::new(tokendoctor_engine::analyze("", now)),
            from_facts: false,
            facts: None,
            last_run: None,
            wall: now,
            ref_mode: RefMode::Now,
            ref_pick: None,
            ref_typed: String::new(),
            step: tree::START,
            path: Vec::new(),
            ctx: Ctx::default(),
            touched: 0,
            prefilled: 0,
            include_paste: false,
            announce: Announce::default(),
            manual_copy: None,
            follow: true,
        };
        s.apply_route(route);
        s
    }

    /// The time every status is computed at.
    pub fn ref_time(&self) -> Timestamp {
        match self.ref_mode {
            RefMode::Now => self.wall,
            RefMode::Paste => self.ref_pick.unwrap_or(self.wall),
            RefMode::Typed => parse_instant(&self.ref_typed).unwrap_or(self.wall),
        }
    }

    /// Whether the typed reference time is unreadable (and so not in use).
    pub fn ref_typed_invalid(&self) -> bool {
        self.ref_mode == RefMode::Typed && !self.ref_typed.trim().is_empty() && parse_instant(&self.ref_typed).is_none()
    }

    pub fn prefilled(&self, f: Field) -> bool {
        self.prefilled & f.bit() != 0 && self.touched & f.bit() == 0
    }

    /// The values the commands are filled with.
    pub fn inputs(&self) -> Inputs {
        let mut i = Inputs::from_context(&self.report.context);
        i.role = non_empty(&self.ctx.role);
        i.instance_id = non_empty(&self.ctx.iid);
        i.region = non_empty(&self.ctx.region);
        i.shell = self.ctx.shell;
        i.imds = self.ctx.imds;
        // The form starts from the paste and the user may override both.
        i.container = tokendoctor_engine::commands::container(&self.ctx.container);
        if self.ctx.sdk != Sdk::Unknown {
            i.sdk = self.ctx.sdk;
        }
        i
    }

    /// The fragment for the address bar: no facts, no paste.
    pub fn route(&self) -> Route {
        let c = &self.ctx;
        Route {
            step: Some(self.step),
            path: self.path.clone(),
            lang: Some(self.lang.code().to_string()),
            shell: (c.shell != Shell::default()).then(|| c.shell.as_str().to_string()),
            imds: (c.imds != Imds::default()).then(|| c.imds.as_str().to_string()),
            container: non_empty(&c.container),
            sdk: (c.sdk != Sdk::Unknown).then(|| c.sdk.as_str().to_string()),
            role: non_empty(&c.role),
            iid: non_empty(&c.iid),
            region: non_empty(&c.region),
            at: match self.ref_mode {
                RefMode::Now => None,
                _ => Some(share::compact_time(self.ref_time())),
            },
            facts: self.facts.as_deref().map(str::to_string),
            paste: None,
            panic_test: false,
        }
    }

    /// The link "Copy link" puts on the clipboard: the address-bar route
    /// plus the redacted facts, and the redacted, capped paste if ticked.
    pub fn share_route(&self) -> Route {
        let mut r = self.route();
        if !self.from_facts {
            r.facts = Some(share::encode_facts(&self.report));
        }
        if self.include_paste && !self.text.is_empty() {
            r.paste = Some(share::decode_paste(&share::encode_paste(&self.text)));
        }
        r
    }

    fn apply_route(&mut self, r: &Route) {
        if let Some(step) = r.step {
            self.step = step;
            self.path = r.path.clone();
            // The link chose a step: a paste it carries must not move it.
            self.follow = step == tree::START;
        }
        if let Some(l) = &r.lang {
            self.lang = Lang::from_tag(l);
        }
        for (f, v) in [
            (Field::Shell, &r.shell),
            (Field::Imds, &r.imds),
            (Field::Container, &r.container),
            (Field::Sdk, &r.sdk),
            (Field::Role, &r.role),
            (Field::InstanceId, &r.iid),
            (Field::Region, &r.region),
        ] {
            if let Some(v) = v {
                self.ctx.set(f, v);
                self.touched |= f.bit();
            }
        }
        if let Some(t) = r.at.as_deref().and_then(parse_instant) {
            self.ref_mode = RefMode::Typed;
            self.ref_typed = tokendoctor_engine::time::rfc3339(t);
        }
        if let Some(f) = &r.facts {
            if self.text.is_empty() && self.facts.as_deref() != Some(f.as_str()) {
                if let Some(rep) = share::facts_report(f, self.ref_time()) {
                    self.facts = Some(Rc::from(f.as_str()));
                    self.from_facts = true;
                    self.set_report(rep);
                }
            }
        }
    }

    fn set_report(&mut self, report: Report) {
        let start = report.start_step;
        let changed = start != self.report.start_step;
        self.report = Shared::new(report);
        self.prefill();
        if self.follow && changed {
            self.go_to_start(start);
        }
        self.follow = true;
    }

    fn go_to_start(&mut self, start: &'static str) {
        if self.step != start {
            self.path.clear();
            if start != tree::START {
                self.path.push(tree::START);
            }
            self.step = start;
        }
    }

    /// Fills untouched fields from what the paste shows.
    fn prefill(&mut self) {
        let c = self.report.context.clone();
        let from_paste = [
            (Field::Shell, c.shell.map(|s| s.as_str().to_string())),
            (Field::Imds, c.imds_v2.map(|v2| if v2 { "v2" } else { "v1" }.to_string())),
            (Field::Container, c.container.map(str::to_string)),
            (Field::Sdk, Some(c.sdk).filter(|s| *s != Sdk::Unknown).map(|s| s.as_str().to_string())),
            (Field::Role, c.role),
            (Field::InstanceId, c.instance_id),
            (Field::Region, c.region),
        ];
        for (f, v) in from_paste {
            if self.touched & f.bit() != 0 {
                continue;
            }
            match v {
                Some(v) => {
                    self.ctx.set(f, &v);
                    self.prefilled |= f.bit();
                }
                None if self.prefilled & f.bit() != 0 => {
                    // The paste that filled it is gone.
                    self.ctx.set(f, "");
                    self.prefilled &= !f.bit();
                }
                None => {}
            }
        }
    }

    fn retime(&mut self) {
        let t = self.ref_time();
        if self.report.now != t {
            self.report = Shared::new(share::rediagnose(&self.report, t));
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Analyzed { text, report, ms } => {
                s.last_run = Some((text.len(), ms));
                s.text = text;
                s.from_facts = false;
                s.facts = None;
                if s.ref_mode == RefMode::Now && report.now > s.wall {
                    s.wall = report.now;
                }
                s.set_report(*report);
                s.retime();
            }
            Action::Tick(now) => {
                s.wall = now;
                // Only statuses that depend on the time change; the text is
                // not read again.
                let timed = s.report.credentials.iter().any(|c| c.expiration.is_some());
                if s.ref_mode == RefMode::Now && timed {
                    s.retime();
                }
            }
            Action::SetLang(l) => s.lang = l,
            Action::SetTheme(t) => s.theme = t,
            Action::Go(id) => {
                if let Some(n) = tree::node(id) {
                    if s.step != n.id {
                        s.path.push(s.step);
                        if s.path.len() > PATH_CAP {
                            s.path.remove(0);
                        }
                        s.step = n.id;
                    }
                }
            }
            Action::GoToPath(i) => {
                if let Some(&id) = s.path.get(i) {
                    s.path.truncate(i);
                    s.step = id;
                }
            }
            Action::Back => {
                if let Some(id) = s.path.pop() {
                    s.step = id;
                }
            }
            Action::Restart => {
                s.path.clear();
                s.step = tree::START;
                let start = s.report.start_step;
                s.go_to_start(start);
            }
            Action::Route(r) => {
                if r.step.is_some() && (r.step != Some(s.step) || r.path != s.path) {
                    // Back/forward: the fragment is the truth.
                    s.step = r.step.unwrap_or(tree::START);
                    s.path = r.path.clone();
                }
                let step = s.step;
                s.apply_route(&r);
                s.step = step;
                s.follow = true;
                s.retime();
            }
            Action::SetField(f, v) => {
                s.ctx.set(f, &v);
                s.touched |= f.bit();
            }
            Action::SetRefMode(m) => {
                s.ref_mode = m;
                if m == RefMode::Paste && s.ref_pick.is_none() {
                    s.ref_pick = s.report.ref_times.last().map(|r| r.time);
                }
                s.retime();
            }
            Action::PickRef(t) => {
                s.ref_pick = Some(t);
                s.ref_mode = RefMode::Paste;
                s.retime();
            }
            Action::TypeRef(v) => {
                s.ref_typed = v;
                s.ref_mode = RefMode::Typed;
                s.retime();
            }
            Action::IncludePaste(b) => s.include_paste = b,
            Action::Announce(text) => {
                s.announce = Announce { text, n: s.announce.n.wrapping_add(1) };
            }
            Action::ManualCopy(t) => s.manual_copy = t,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::route;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn at(s: &str) -> Timestamp {
        parse_instant(s).unwrap()
    }

    const SEED: &str = "com.amazonaws.AmazonServiceException: El token de seguridad incluido en la solicitud ha caducado (Service: AmazonSQS; Código de estado: 403; Código de error: ExpiredToken; Request ID: 12a345b6-78cd-901e-fg23-45hi67890jkl)\n\
        curl http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role\n\
        {\"Code\":\"Success\",\"LastUpdated\":\"2026-11-28T03:39:16Z\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"ASIAQWERTYUIOPASDFGH\",\
        \"SecretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",\"Token\":\"IQoJb3JpZ2luX2VjEJrexampletoken\",\"Expiration\":\"2026-11-28T09:47:16Z\"}\n";

    fn analyzed(s: Rc<State>, text: &str) -> Rc<State> {
        let report = tokendoctor_engine::analyze(text, s.ref_time());
        s.reduce(Action::Analyzed { text: Rc::from(text), report: Box::new(report), ms: 1.0 })
    }

    fn fresh() -> Rc<State> {
        Rc::new(State::new(Lang::En, Theme::Light, at("2026-11-28T12:00:00Z"), &Route::default()))
    }

    #[test]
    fn a_paste_lands_on_its_step_and_fills_the_context() {
        let s = analyzed(fresh(), SEED);
        assert_eq!(s.step, "expired_source");
        assert_eq!(s.path, vec!["start"]);
        assert_eq!(s.ctx.role, "app-role");
        assert!(s.prefilled(Field::Role));
        assert_eq!(s.inputs().role.as_deref(), Some("app-role"));
        // Edited by the user: a new paste keeps it.
        let s = s.reduce(Action::SetField(Field::Role, "mine".into()));
        let s = analyzed(s, "ExpiredToken");
        assert_eq!(s.ctx.role, "mine");
        // Cleared paste: the prefilled SDK goes away, the step stays.
        let s = analyzed(s, "");
        assert_eq!(s.ctx.sdk, Sdk::Unknown);
    }

    #[test]
    fn container_and_sdk_shape_the_commands() {
        let s = analyzed(fresh(), SEED);
        assert_eq!(s.inputs().sdk, Sdk::JavaV1, "from the paste");
        let s = s.reduce(Action::SetField(Field::Container, "ecs".into()));
        assert_eq!(s.inputs().container, Some("ecs"));
        let cmds = tokendoctor_engine::commands::for_step("expired_source", &s.inputs(), Lang::En);
        assert!(cmds.commands.iter().any(|c| c.id == "container_credentials"));
        let s = s.reduce(Action::SetField(Field::Sdk, "java-v2".into()));
        let code = tokendoctor_engine::commands::for_step("app_caches", &s.inputs(), Lang::En);
        assert_eq!(code.commands.iter().map(|c| c.id).collect::<Vec<_>>(), vec!["java_v2_refresh"]);
    }

    #[test]
    fn tree_navigation() {
        let s = fresh();
        let s = s.reduce(Action::Go("clock_check"));
        let s = s.reduce(Action::Go("clock_os"));
        let s = s.reduce(Action::Go("clock_linux"));
        assert_eq!(s.path, vec!["start", "clock_check", "clock_os"]);
        let s = s.reduce(Action::Back);
        assert_eq!((s.step, s.path.len()), ("clock_os", 2));
        let s = s.reduce(Action::GoToPath(0));
        assert_eq!((s.step, s.path.len()), ("start", 0));
        let s = s.reduce(Action::Go("nope"));
        assert_eq!(s.step, "start");
        let s = analyzed(s.reduce(Action::Go("verify")), SEED);
        assert_eq!(s.step, "expired_source", "a new diagnosis moves the user");
        let s = s.reduce(Action::Go("shadowing")).reduce(Action::Restart);
        assert_eq!((s.step, s.path.clone()), ("expired_source", vec!["start"]));
    }

    #[test]
    fn ticking_and_reference_time_recompute_without_the_text() {
        let s = analyzed(fresh(), SEED);
        let title =
            |s: &State| s.report.findings.iter().find(|f| f.code() == "credentials_expired").map(|f| f.title(Lang::En));
        assert_eq!(title(&s).unwrap(), "These instance credentials expired 2 h 12 min ago");
        let s = s.reduce(Action::Tick(at("2026-11-28T12:01:00Z")));
        assert_eq!(title(&s).unwrap(), "These instance credentials expired 2 h 13 min ago");
        let s = s.reduce(Action::TypeRef("2026-11-28T09:00:00Z".into()));
        assert!(s.report.has("credentials_valid"));
        assert_eq!(s.route().at.as_deref(), Some("20261128T090000Z"));
        let s = s.reduce(Action::TypeRef("not a time".into()));
        assert!(s.ref_typed_invalid());
        assert_eq!(s.report.now, s.wall);
        let s = s.reduce(Action::SetRefMode(RefMode::Now));
        assert_eq!(s.route().at, None);
    }

    #[test]
    fn links_carry_facts_not_secrets_and_reopen_the_diagnosis() {
        let s = analyzed(fresh(), SEED).reduce(Action::SetLang(Lang::Es));
        let link = route::format(&s.share_route());
        for secret in ["wJalrXUtnFEMI", "IQoJb3JpZ2lu", "QWERTYUIOPAS", "caducado+%28"] {
            assert!(!link.contains(secret), "{secret} in {link}");
        }
        assert!(route::format(&s.route()).find("facts").is_none());
        let with_paste = route::format(&s.clone().reduce(Action::IncludePaste(true)).share_route());
        assert!(with_paste.contains("&paste=com%2Eamazonaws"), "{with_paste}");
        assert!(!with_paste.contains("wJalrXUtnFEMI") && !with_paste.contains("IQoJb3JpZ2lu"));

        let opened = State::new(Lang::En, Theme::Dark, at("2026-11-28T12:00:00Z"), &route::parse(&link));
        assert!(opened.from_facts);
        assert_eq!(opened.lang, Lang::Es);
        assert_eq!(opened.step, "expired_source");
        assert_eq!(opened.report.verdict(Lang::Es), s.report.verdict(Lang::Es));
        assert_eq!(opened.ctx.role, "app-role");
    }

    #[test]
    fn back_and_forward_follow_the_fragment() {
        let s = fresh().reduce(Action::Go("imds_reach"));
        let before = s.route();
        let s = s.reduce(Action::Go("imds_timeout"));
        let s = s.reduce(Action::Route(Box::new(before.clone())));
        assert_eq!(s.step, "imds_reach");
        assert_eq!(s.route(), before);
    }
}
