//! Sharing a diagnosis without sharing the paste.
//!
//! "Copy link" puts the *facts* the engine extracted (error codes, masked key
//! IDs, times, role and region names, which variables were set…) into the URL
//! fragment, never the text they came from. The facts are the recognizers'
//! observations minus their positions, so whoever opens the link gets the
//! same diagnosis by running `diagnose` on them again: no second
//! implementation of the verdict. Free-text fields go through `redact` and are
//! capped, so a secret that slipped into an error message still never leaves.
//!
//! The raw paste is shared only when the user asks, and then redacted and
//! capped at `PASTE_CAP` bytes (`encode_paste`).
//!
//! Encoding (version 1), readable on purpose so a reviewer can see what a
//! ticket link carries: records separated by `~`, positional fields by `.`,
//! list items by `,`; values keep `A–Z a–z 0–9 - _`, a space becomes `+`,
//! every other byte is `%XX`. Times use the compact UTC form
//! `20261128T094716Z`. The first record is the version.
//!
//! ```text
//! 1~e.ExpiredToken.AmazonSQS..403.java-v1.....es.El+token+de…~c.imds_json.Success…
//! ```
//!
//! `observations` and `rediagnose` also serve the web app's live countdown:
//! the report is recomputed at a new reference time without reading the paste
//! again.

use crate::diagnose::{diagnose, Report};
use crate::model::*;
use crate::parse::Observations;
use crate::redact::{redact, redact_url};
use crate::text::Span;
use crate::time::{parse_instant, Timestamp};
use chrono::{Datelike, Timelike};

/// Encoding version written as the first record.
pub const VERSION: &str = "1";
/// The most bytes of (redacted) paste a link carries.
pub const PASTE_CAP: usize = 2000;
/// The longest free-text field (an error message) kept in the facts.
pub const TEXT_CAP: usize = 200;
/// Items of each kind kept, so a huge log still gives a short link.
const MAX_ITEMS: usize = 8;

const RECORD: char = '~';
const FIELD: char = '.';
const ITEM: char = ',';

/// The observations behind a report, positions included: diagnosing them
/// again at another reference time gives the report at that time.
pub fn observations(r: &Report) -> Observations {
    Observations {
        errors: r.errors.clone(),
        credentials: r.credentials.clone(),
        clock: r.clock_evidence.clone(),
        imds: r.imds.clone(),
        context: r.context.clone(),
        ref_times: r.ref_times.clone(),
        unread: r.unread.clone(),
        collector: r.collector.clone(),
    }
}

/// The same diagnosis at another reference time (cheap: no text is read).
pub fn rediagnose(r: &Report, now: Timestamp) -> Report {
    diagnose(observations(r), now)
}

/// Escapes a value for a URL fragment (see the module docs); `.` and `~` are
/// escaped too, so the result can sit inside a facts field.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for &b in s.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
    out
}

/// Reverses `escape`. Also accepts what browsers or people do to a link:
/// lower-case hex, `%20` for spaces, characters left unescaped. Invalid
/// UTF-8 becomes U+FFFD; a stray `%` stays as it is.
pub fn unescape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// The redacted paste for a link: secrets replaced, cut to `PASTE_CAP` bytes
/// on a character boundary, escaped.
pub fn encode_paste(text: &str) -> String {
    escape(&cap(&redact(text), PASTE_CAP))
}

/// The paste a link carries. It is redacted again on the way in: a link
/// can be hand-made.
pub fn decode_paste(s: &str) -> String {
    redact(&cap(&unescape(s), PASTE_CAP))
}

fn cap(s: &str, max: usize) -> String {
    let mut cut = s.len().min(max);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s[..cut].to_string()
}

/// Free text: redacted, on one line, capped.
fn text(s: &str) -> String {
    let flat: String = redact(s).chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    cap(flat.trim(), TEXT_CAP)
}

/// `20261128T094716Z`: the compact UTC form links use (no chrono format
/// machinery, which is large in wasm).
pub fn compact_time(t: Timestamp) -> String {
    time(Some(t))
}

fn time(t: Option<Timestamp>) -> String {
    t.map(|t| {
        format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second())
    })
    .unwrap_or_default()
}

fn opt_bool(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "1",
        Some(false) => "0",
        None => "",
    }
}

fn num<T: ToString>(n: Option<T>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// One record: tag and fields, each escaped (lists are pre-joined by the caller).
struct Rec(String);

impl Rec {
    fn new(tag: &str) -> Rec {
        Rec(tag.to_string())
    }
    fn f(mut self, v: &str) -> Rec {
        self.0.push(FIELD);
        self.0.push_str(&escape(v));
        self
    }
    fn o(self, v: Option<&str>) -> Rec {
        self.f(v.unwrap_or_default())
    }
    fn list(mut self, items: &[String]) -> Rec {
        self.0.push(FIELD);
        let escaped: Vec<String> = items.iter().take(MAX_ITEMS * 4).map(|s| escape(&text(s))).collect();
        self.0.push_str(&escaped.join(&ITEM.to_string()));
        self
    }
    /// Drops trailing empty fields: decoding treats missing as empty.
    fn done(mut self) -> String {
        while self.0.ends_with(FIELD) {
            self.0.pop();
        }
        self.0
    }
}

/// The facts of a report, ready for `facts=` in a link.
pub fn encode_facts(r: &Report) -> String {
    let mut recs = vec![VERSION.to_string()];
    for e in r.errors.iter().take(MAX_ITEMS) {
        recs.push(
            Rec::new("e")
                .o(e.code.as_deref().map(text).as_deref())
                .o(e.service.as_deref().map(text).as_deref())
                .o(e.operation.as_deref().map(text).as_deref())
                .f(&num(e.status_code))
                .f(e.sdk.as_str())
                .o(e.region.as_deref().map(text).as_deref())
                .f(&time(e.request_time))
                .f(&time(e.server_time))
                .f(&num(e.tolerance_seconds))
                .o(e.language)
                .o(e.message.as_deref().map(text).as_deref())
                .done(),
        );
    }
    for c in r.credentials.iter().take(MAX_ITEMS) {
        let flags = match (c.has_secret, c.has_session_token) {
            (true, true) => "st",
            (true, false) => "s",
            (false, true) => "t",
            (false, false) => "",
        };
        recs.push(
            Rec::new("c")
                .f(c.format.as_str())
                .o(c.code.as_deref().map(text).as_deref())
                .o(c.cred_type.as_deref().map(text).as_deref())
                // Already masked by the reader; masked again in case a
                // reader ever keeps more.
                .o(c.access_key_id.as_deref().map(mask_id).as_deref())
                .f(opt_bool(c.temporary))
                .f(flags)
                .f(&time(c.last_updated))
                .f(&time(c.expiration))
                .o(c.role.as_deref().map(text).as_deref())
                .o(c.origin.as_deref().map(text).as_deref())
                .o(c.profile.as_deref().map(text).as_deref())
                .o(c.message.as_deref().map(text).as_deref())
                .done(),
        );
    }
    for k in r.clock_evidence.iter().take(MAX_ITEMS) {
        recs.push(
            Rec::new("k")
                .o(k.source.map(|s| s.as_str()))
                .f(&time(k.client_time))
                .f(&time(k.server_time))
                // Milliseconds: whole numbers keep float formatting out of the wasm.
                .f(&num(k.offset_seconds.map(|o| (o * 1000.0).round() as i64)))
                .f(opt_bool(k.synchronized))
                .o(k.ntp_source.as_deref().map(text).as_deref())
                .f(&num(k.tolerance_seconds))
                .done(),
        );
    }
    for i in r.imds.iter().take(MAX_ITEMS) {
        recs.push(
            Rec::new("i")
                .f(i.kind.as_str())
                .f(&num(i.status))
                .o(i.path.as_deref().map(text).as_deref())
                .f(i.sdk.as_str())
                .done(),
        );
    }
    let x = &r.context;
    recs.push(
        Rec::new("x")
            .o(x.role.as_deref().map(text).as_deref())
            .o(x.instance_profile.as_deref().map(text).as_deref())
            .o(x.instance_id.as_deref().map(text).as_deref())
            .o(x.region.as_deref().map(text).as_deref())
            .o(x.account.as_deref().map(text).as_deref())
            .o(x.partition.as_deref().map(text).as_deref())
            .f(x.sdk.as_str())
            .o(x.shell.map(|s| s.as_str()))
            .f(opt_bool(x.imds_v2))
            .o(x.container)
            .list(&x.env_vars)
            .list(&x.java_props)
            .list(&x.token_profiles)
            .o(x.proxy.as_deref().map(|p| text(&redact_url(p))).as_deref())
            .o(x.no_proxy.as_deref().map(text).as_deref())
            .done(),
    );
    for t in r.ref_times.iter().take(MAX_ITEMS) {
        recs.push(Rec::new("t").f(&time(Some(t.time))).f(t.what).done());
    }
    recs.join(&RECORD.to_string())
}

/// Keeps the first and last four characters of an ID that still has more.
fn mask_id(s: &str) -> String {
    if s.contains('*') {
        text(s)
    } else {
        crate::redact::mask_key(s)
    }
}

/// The observations a `facts=` value describes; `None` if it is not facts of
/// a known version. Unknown or malformed fields are dropped, not guessed.
pub fn decode_facts(s: &str) -> Option<Observations> {
    let mut recs = s.split(RECORD);
    if recs.next()? != VERSION {
        return None;
    }
    let mut obs = Observations::default();
    for rec in recs {
        let mut it = rec.split(FIELD);
        let tag = it.next().unwrap_or_default();
        let f: Vec<&str> = it.collect();
        let get = |i: usize| f.get(i).map(|v| unescape(v)).filter(|v| !v.is_empty());
        let t = |i: usize| get(i).and_then(|v| parse_instant(&v));
        let b = |i: usize| match f.get(i).copied() {
            Some("1") => Some(true),
            Some("0") => Some(false),
            _ => None,
        };
        let list = |i: usize| -> Vec<String> {
            f.get(i).map(|v| v.split(ITEM).map(unescape).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
        };
        match tag {
            "e" if obs.errors.len() < MAX_ITEMS => obs.errors.push(ErrorReport {
                code: get(0).map(|v| text(&v)),
                service: get(1).map(|v| text(&v)),
                operation: get(2).map(|v| text(&v)),
                status_code: get(3).and_then(|v| v.parse().ok()),
                sdk: get(4).and_then(|v| Sdk::parse(&v)).unwrap_or_default(),
                region: get(5).map(|v| text(&v)),
                request_time: t(6),
                server_time: t(7),
                tolerance_seconds: get(8).and_then(|v| v.parse().ok()),
                language: get(9).and_then(|v| language(&v)),
                message: get(10).map(|v| text(&v)),
                ..ErrorReport::default()
            }),
            "c" if obs.credentials.len() < MAX_ITEMS => {
                let Some(format) = get(0).and_then(|v| cred_format(&v)) else { continue };
                let flags = get(5).unwrap_or_default();
                let mut c = Credential::new(format, Span::default(), 0);
                c.code = get(1).map(|v| text(&v));
                c.cred_type = get(2).map(|v| text(&v));
                c.access_key_id = get(3).map(|v| mask_id(&v));
                c.temporary = b(4);
                c.has_secret = flags.contains('s');
                c.has_session_token = flags.contains('t');
                c.last_updated = t(6);
                c.expiration = t(7);
                c.role = get(8).map(|v| text(&v));
                c.origin = get(9).map(|v| text(&v));
                c.profile = get(10).map(|v| text(&v));
                c.message = get(11).map(|v| text(&v));
                obs.credentials.push(c);
            }
            "k" if obs.clock.len() < MAX_ITEMS => obs.clock.push(ClockEvidence {
                source: get(0).and_then(|v| clock_source(&v)),
                client_time: t(1),
                server_time: t(2),
                offset_seconds: get(3).and_then(|v| v.parse::<i64>().ok()).map(|ms| ms as f64 / 1000.0),
                synchronized: b(4),
                ntp_source: get(5).map(|v| text(&v)),
                tolerance_seconds: get(6).and_then(|v| v.parse().ok()),
                ..ClockEvidence::default()
            }),
            "i" if obs.imds.len() < MAX_ITEMS => {
                let Some(kind) = get(0).and_then(|v| imds_kind(&v)) else { continue };
                obs.imds.push(ImdsEvent {
                    kind,
                    status: get(1).and_then(|v| v.parse().ok()),
                    path: get(2).map(|v| text(&v)),
                    sdk: get(3).and_then(|v| Sdk::parse(&v)).unwrap_or_default(),
                    span: Span::default(),
                    line: 0,
                });
            }
            "x" => {
                obs.context = Context {
                    role: get(0).map(|v| text(&v)),
                    instance_profile: get(1).map(|v| text(&v)),
                    instance_id: get(2).map(|v| text(&v)),
                    region: get(3).map(|v| text(&v)),
                    account: get(4).map(|v| text(&v)),
                    partition: get(5).map(|v| text(&v)),
                    sdk: get(6).and_then(|v| Sdk::parse(&v)).unwrap_or_default(),
                    shell: get(7).and_then(|v| crate::commands::Shell::parse(&v)),
                    imds_v2: b(8),
                    container: get(9).and_then(|v| container(&v)),
                    env_vars: list(10),
                    java_props: list(11),
                    token_profiles: list(12),
                    proxy: get(13).map(|v| text(&redact_url(&v))),
                    no_proxy: get(14).map(|v| text(&v)),
                }
            }
            "t" if obs.ref_times.len() < MAX_ITEMS => {
                if let (Some(time), Some(what)) = (t(0), get(1).and_then(|v| ref_what(&v))) {
                    obs.ref_times.push(RefTime { time, what, line: 0 });
                }
            }
            _ => {}
        }
    }
    Some(obs)
}

/// The report a `facts=` value describes, at `now`.
pub fn facts_report(s: &str, now: Timestamp) -> Option<Report> {
    decode_facts(s).map(|obs| diagnose(obs, now))
}

fn language(s: &str) -> Option<&'static str> {
    crate::codes::MESSAGES.iter().map(|m| m.2).chain(crate::codes::LABELS.iter().map(|l| l.2)).find(|l| *l == s)
}

fn container(s: &str) -> Option<&'static str> {
    ["docker", "ecs", "eks", "kubernetes"].into_iter().find(|c| *c == s)
}

fn ref_what(s: &str) -> Option<&'static str> {
    ["log", "request", "server", "date"].into_iter().find(|c| *c == s)
}

fn cred_format(s: &str) -> Option<CredFormat> {
    use CredFormat::*;
    [ImdsJson, PowershellList, ExportProcess, ExportEnv, EnvDump, ConfigureList, CredentialsFile, StsJson, Collector]
        .into_iter()
        .find(|f| f.as_str() == s)
}

fn clock_source(s: &str) -> Option<ClockSource> {
    use ClockSource::*;
    [SignatureExpired, SignatureNotYetCurrent, S3Skewed, DateVsHttpDate, ChronyTracking, Timedatectl, W32tm, Collector]
        .into_iter()
        .find(|f| f.as_str() == s)
}

fn imds_kind(s: &str) -> Option<ImdsKind> {
    ImdsKind::ALL.into_iter().find(|f| f.as_str() == s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;

    fn at(s: &str) -> Timestamp {
        parse_instant(s).unwrap()
    }

    const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const TOKEN: &str = "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexampletoken1234567890abcdefghijkl==";
    const KEY: &str = "ASIAQWERTYUIOPASDFGH";

    fn seed() -> String {
        format!(
            "com.amazonaws.AmazonServiceException: El token de seguridad incluido en la solicitud ha caducado (Service: AmazonSQS; Código de estado: 403; Código de error: ExpiredToken; Request ID: 12a345b6-78cd-901e-fg23-45hi67890jkl)\n\
             $ curl http://169.254.169.254/latest/meta-data/iam/security-credentials/app-role\n\
             {{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"2026-11-28T03:39:16Z\",\n  \"Type\" : \"AWS-HMAC\",\n  \
             \"AccessKeyId\" : \"{KEY}\",\n  \"SecretAccessKey\" : \"{SECRET}\",\n  \"Token\" : \"{TOKEN}\",\n  \
             \"Expiration\" : \"2026-11-28T09:47:16Z\"\n}}\n\
             export AWS_SECRET_ACCESS_KEY={SECRET}\nexport AWS_SESSION_TOKEN={TOKEN}\n"
        )
    }

    fn no_secret(s: &str) {
        for secret in [SECRET, TOKEN, KEY, "wJalrXUtnFEMI", "IQoJb3JpZ2lu", "QWERTYUIOPAS"] {
            assert!(!s.contains(secret), "{secret} leaked into {s}");
            assert!(!unescape(s).contains(secret), "{secret} leaked into {s}");
        }
    }

    #[test]
    fn escape_round_trips_anything() {
        for s in ["", "a b+c", "100%", "~.,&=#?/", "El token ha caducado «x»", "🙂 مرحبا", "%zz%4", "\u{0}\n\t"]
        {
            let e = escape(s);
            assert!(e.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_+%".contains(&b)), "{e}");
            assert_eq!(unescape(&e), s);
        }
        assert_eq!(unescape("a%20b%2c%zz%"), "a b,%zz%");
    }

    #[test]
    fn facts_give_the_same_diagnosis_without_the_paste_or_its_secrets() {
        let now = at("2026-11-28T12:00:00Z");
        let r = analyze(&seed(), now);
        let facts = encode_facts(&r);
        no_secret(&facts);
        assert!(facts.starts_with("1~e.ExpiredToken.AmazonSQS"), "{facts}");
        assert!(facts.len() < 600, "{} bytes: {facts}", facts.len());
        let back = facts_report(&facts, now).expect("decodes");
        assert_eq!(back.verdict(crate::Lang::En), r.verdict(crate::Lang::En));
        let codes = |r: &Report| r.findings.iter().map(|f| f.code()).collect::<Vec<_>>();
        assert_eq!(codes(&back), codes(&r));
        assert_eq!(back.start_step, r.start_step);
        assert_eq!(back.root_cause, r.root_cause);
        assert_eq!(back.credentials[0].expiration, r.credentials[0].expiration);
        assert_eq!(back.context.role.as_deref(), Some("app-role"));
        assert_eq!(back.errors[0].language, Some("es"));
        // Stable: encoding the decoded facts gives the same link.
        assert_eq!(encode_facts(&back), facts);
    }

    #[test]
    fn facts_keep_clock_skew() {
        let text = "botocore.exceptions.ClientError: An error occurred (InvalidSignatureException) when calling the Query operation: Signature expired: 20260310T101500Z is now earlier than 20260310T102540Z (20260310T103040Z - 5 min.)";
        let now = at("2026-03-10T11:00:00Z");
        let r = analyze(text, now);
        let back = facts_report(&encode_facts(&r), now).unwrap();
        assert_eq!(back.clock.as_ref().map(|c| c.skew_seconds), r.clock.as_ref().map(|c| c.skew_seconds));
        assert_eq!(back.verdict(crate::Lang::Es), r.verdict(crate::Lang::Es));
    }

    #[test]
    fn bad_facts_are_refused_or_ignored_never_a_panic() {
        assert!(decode_facts("").is_none());
        assert!(decode_facts("2~e.X").is_none());
        for s in ["1", "1~", "1~e", "1~c.nope", "1~i.nope.x", "1~k.....", "1~x.%", "1~t.2026.log", "1~e.%F0%9F.....abc"]
        {
            let _ = facts_report(s, at("2026-01-01T00:00:00Z")).expect(s);
        }
    }

    #[test]
    fn shared_paste_is_redacted_and_capped() {
        let long = seed().repeat(20);
        let enc = encode_paste(&long);
        no_secret(&enc);
        let back = decode_paste(&enc);
        assert!(back.len() <= PASTE_CAP);
        assert!(back.contains("ExpiredToken"));
        no_secret(&back);
        // A hand-made link is redacted on the way in as well.
        no_secret(&decode_paste(&escape(&seed())));
    }

    #[test]
    fn rediagnose_moves_only_the_reference_time() {
        let r = analyze(&seed(), at("2026-11-28T12:00:00Z"));
        let later = rediagnose(&r, at("2026-11-28T12:01:00Z"));
        assert_eq!(later.credentials, r.credentials);
        let title = |r: &Report| {
            r.findings.iter().find(|f| f.code() == "credentials_expired").map(|f| f.title(crate::Lang::En))
        };
        assert_eq!(title(&r).as_deref(), Some("These instance credentials expired 2 h 12 min ago"));
        assert_eq!(title(&later).as_deref(), Some("These instance credentials expired 2 h 13 min ago"));
        let earlier = rediagnose(&r, at("2026-11-28T09:00:00Z"));
        assert!(earlier.has("credentials_valid"));
    }
}
