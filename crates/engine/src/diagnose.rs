//! From observations to a diagnosis: statuses at the reference time, the
//! clock skew, the root cause, the findings and the step to start at.
//!
//! The root cause rests on what the text proves by itself (an error code, an
//! IMDS failure, two times that disagree); the reference time only adds
//! findings about how long credentials have left, because a ticket is often
//! read hours after the paste was made.

use crate::findings::{def, Evidence, Finding, Severity, FINDINGS};
use crate::i18n::Lang;
use crate::model::*;
use crate::parse::Observations;
use crate::text::Span;
use crate::time::{human_duration, rfc3339, Timestamp};

/// The skew the engine settles on, and what it is measured against.
#[derive(Clone, Debug, PartialEq)]
pub struct ClockSummary {
    /// Client minus AWS, seconds (negative: the client is behind).
    pub skew_seconds: i64,
    pub tolerance_seconds: i64,
    pub source: ClockSource,
    pub client_time: Option<Timestamp>,
    pub server_time: Option<Timestamp>,
    pub span: Span,
    pub line: usize,
}

impl ClockSummary {
    pub fn beyond(&self) -> bool {
        self.skew_seconds.abs() > self.tolerance_seconds
    }
}

/// Everything the engine concludes about a paste.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub now: Timestamp,
    pub errors: Vec<ErrorReport>,
    pub credentials: Vec<Credential>,
    pub clock: Option<ClockSummary>,
    pub clock_evidence: Vec<ClockEvidence>,
    pub imds: Vec<ImdsEvent>,
    pub context: Context,
    pub root_cause: RootCause,
    pub findings: Vec<Finding>,
    pub ref_times: Vec<RefTime>,
    pub unread: Vec<Unread>,
    pub start_step: &'static str,
    pub collector: Option<crate::collector::CollectorInfo>,
}

impl Report {
    /// The one plain sentence the page shows first.
    pub fn verdict(&self, lang: Lang) -> String {
        match self.findings.first() {
            Some(f) => f.title(lang),
            None if self.errors.is_empty() && self.credentials.is_empty() => match lang {
                Lang::En => "Nothing recognized yet: paste an error, an IMDS response or clock output".to_string(),
                Lang::Es => {
                    "Aún no se reconoce nada: pega un error, una respuesta de IMDS o la salida del reloj".to_string()
                }
            },
            None => match lang {
                Lang::En => "No credential or clock problem found in the paste".to_string(),
                Lang::Es => "No se encontró ningún problema de credenciales ni de reloj en el texto".to_string(),
            },
        }
    }
    /// The most relevant error, if any.
    pub fn primary_error(&self) -> Option<&ErrorReport> {
        self.errors.first()
    }
    /// Whether any finding of this code is present.
    pub fn has(&self, code: &str) -> bool {
        self.findings.iter().any(|f| f.code() == code)
    }
}

fn kind_rank(k: ErrorKind) -> u8 {
    match k {
        ErrorKind::Expired => 0,
        ErrorKind::SsoExpired => 1,
        ErrorKind::ClockSkew => 2,
        ErrorKind::Invalid => 3,
        ErrorKind::SignatureMismatch => 4,
        ErrorKind::RequestExpired => 5,
        ErrorKind::Imds => 6,
        ErrorKind::Other => 7,
    }
}

/// Regions that must be enabled before use; global STS v1 tokens fail there.
const OPT_IN_REGIONS: &[&str] = &[
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-west-1",
    "eu-central-2",
    "eu-south-1",
    "eu-south-2",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
];

fn clock_summary(errors: &[ErrorReport], evidence: &[ClockEvidence]) -> Option<ClockSummary> {
    // Times AWS itself printed come first, then measurements against AWS, then NTP offsets.
    for e in errors {
        if let (Some(c), Some(s)) = (e.request_time, e.server_time) {
            let s3 = e.code.as_deref() == Some("RequestTimeTooSkewed");
            return Some(ClockSummary {
                skew_seconds: (c - s).num_seconds(),
                tolerance_seconds: e.tolerance_seconds.unwrap_or(if s3 { 900 } else { 300 }),
                source: if s3 {
                    ClockSource::S3Skewed
                } else if c > s {
                    ClockSource::SignatureNotYetCurrent
                } else {
                    ClockSource::SignatureExpired
                },
                client_time: Some(c),
                server_time: Some(s),
                span: e.span,
                line: e.line,
            });
        }
    }
    let order = [ClockSource::Collector, ClockSource::DateVsHttpDate, ClockSource::ChronyTracking, ClockSource::W32tm];
    for src in order {
        for ev in evidence.iter().filter(|e| e.source == Some(src)) {
            if let Some(skew) = ev.skew_seconds() {
                return Some(ClockSummary {
                    skew_seconds: skew,
                    tolerance_seconds: ev.tolerance_seconds.unwrap_or(300),
                    source: src,
                    client_time: ev.client_time,
                    server_time: ev.server_time,
                    span: ev.span,
                    line: ev.line,
                });
            }
        }
    }
    None
}

fn source_label(s: ClockSource) -> &'static str {
    match s {
        ClockSource::SignatureExpired => "Signature expired",
        ClockSource::SignatureNotYetCurrent => "Signature not yet current",
        ClockSource::S3Skewed => "RequestTimeTooSkewed",
        ClockSource::DateVsHttpDate => "date vs HTTP Date",
        ClockSource::ChronyTracking => "chronyc",
        ClockSource::Timedatectl => "timedatectl",
        ClockSource::W32tm => "w32tm",
        ClockSource::Collector => "collector",
    }
}

fn root_cause(
    errors: &[ErrorReport],
    imds: &[ImdsEvent],
    creds: &[Credential],
    clock: Option<&ClockSummary>,
) -> RootCause {
    let clock_bad = clock.is_some_and(|c| c.beyond());
    let clock_ok = clock.is_some_and(|c| !c.beyond());
    if let Some(e) = errors.iter().find(|e| e.kind().relevant()) {
        return match e.kind() {
            // A clock that is behind keeps credentials alive in the SDK after
            // AWS expired them: the clock is the cause to fix first.
            ErrorKind::Expired if clock_bad => RootCause::ClockSkew,
            ErrorKind::Expired => RootCause::ExpiredCredentials,
            ErrorKind::SsoExpired => RootCause::SsoExpired,
            ErrorKind::ClockSkew => RootCause::ClockSkew,
            ErrorKind::RequestExpired if clock_bad => RootCause::ClockSkew,
            ErrorKind::RequestExpired if clock_ok => RootCause::ExpiredCredentials,
            ErrorKind::RequestExpired => RootCause::Unknown,
            ErrorKind::Invalid | ErrorKind::SignatureMismatch => RootCause::InvalidToken,
            ErrorKind::Imds => RootCause::ImdsUnreachable,
            ErrorKind::Other => RootCause::Unknown,
        };
    }
    if imds.iter().any(|i| i.kind == ImdsKind::ExpiredExtended) {
        return RootCause::ExpiredCredentials;
    }
    if imds.iter().any(|i| i.kind != ImdsKind::ExpiredExtended) {
        return RootCause::ImdsUnreachable;
    }
    if creds.iter().any(|c| c.code.as_deref().is_some_and(|k| k != "Success" && !k.is_empty())) {
        return RootCause::ImdsUnreachable;
    }
    if creds.iter().any(|c| c.lifetime_seconds().is_some_and(|l| l < 0)) {
        return RootCause::ExpiredCredentials;
    }
    if clock_bad {
        return RootCause::ClockSkew;
    }
    RootCause::Unknown
}

struct Builder {
    out: Vec<Finding>,
}

impl Builder {
    fn add(&mut self, code: &'static str, args: Vec<(&'static str, String)>, ev: &[(Span, usize)]) {
        let Some(d) = def(code) else { return };
        if self.out.iter().any(|f| f.def.code == code) {
            return;
        }
        self.out.push(Finding {
            def: d,
            args,
            evidence: ev.iter().map(|&(span, line)| Evidence { span, line }).collect(),
        });
    }
}

fn cred_what(c: &Credential) -> (&'static str, &'static str) {
    match c.format {
        CredFormat::ImdsJson | CredFormat::PowershellList | CredFormat::Collector => {
            ("instance credentials", "credenciales de instancia")
        }
        _ => ("credentials", "credenciales"),
    }
}

fn lifetime_sentence(c: &Credential) -> (String, String) {
    match c.lifetime_seconds() {
        Some(l) if l > 0 => (
            format!(
                "issued {} with a lifetime of {}, ",
                c.last_updated.map(rfc3339).unwrap_or_default(),
                human_duration(l)
            ),
            format!(
                "emitidas {} con una duración de {}, ",
                c.last_updated.map(rfc3339).unwrap_or_default(),
                human_duration(l)
            ),
        ),
        _ => (String::new(), String::new()),
    }
}

/// Builds the report.
pub fn diagnose(mut obs: Observations, now: Timestamp) -> Report {
    crate::parse::util::sort_by_u64(&mut obs.errors, |e| ((kind_rank(e.kind()) as u64) << 48) | e.span.start as u64);
    if obs.context.sdk == Sdk::Unknown {
        obs.context.sdk = obs.errors.iter().map(|e| e.sdk).max_by_key(|s| s.rank()).unwrap_or_default();
    }
    for e in &obs.errors {
        if obs.context.region.is_none() {
            obs.context.region = e.region.clone();
        }
    }
    // An error printed without its service (`…on S3: ExpiredToken: …`) takes
    // it from a neighbouring error about the same request (its endpoint).
    let services: Vec<(usize, String)> = obs.errors.iter().filter_map(|e| Some((e.line, e.service.clone()?))).collect();
    for e in obs.errors.iter_mut().filter(|e| e.service.is_none()) {
        if let Some((_, s)) =
            services.iter().filter(|(l, _)| l.abs_diff(e.line) <= 3).min_by_key(|(l, _)| l.abs_diff(e.line))
        {
            e.service = Some(s.clone());
        }
    }
    if obs.context.sdk == Sdk::Unknown {
        obs.context.sdk = obs.imds.iter().map(|i| i.sdk).max_by_key(|s| s.rank()).unwrap_or_default();
    }
    if obs.context.sdk == Sdk::Unknown && obs.errors.is_empty() && (!obs.credentials.is_empty() || !obs.imds.is_empty())
    {
        // A raw document or curl output: recognized, but no SDK printed it.
        obs.context.sdk = Sdk::Other;
    }
    let clock = clock_summary(&obs.errors, &obs.clock);
    let root = root_cause(&obs.errors, &obs.imds, &obs.credentials, clock.as_ref());
    let mut b = Builder { out: Vec::new() };

    // Clock.
    if let Some(c) = &clock {
        let args = vec![
            ("skew", human_duration(c.skew_seconds)),
            ("tolerance", human_duration(c.tolerance_seconds)),
            ("client", c.client_time.map(rfc3339).unwrap_or_default()),
            ("server", c.server_time.map(rfc3339).unwrap_or_default()),
            ("source", source_label(c.source).to_string()),
            ("direction", if c.skew_seconds < 0 { "behind" } else { "ahead of" }.to_string()),
            ("direction_es", if c.skew_seconds < 0 { "por detrás de" } else { "por delante de" }.to_string()),
            (
                "relation",
                match c.skew_seconds {
                    0 => "in step with".to_string(),
                    s if s < 0 => format!("{} behind", human_duration(s)),
                    s => format!("{} ahead of", human_duration(s)),
                },
            ),
            (
                "relation_es",
                match c.skew_seconds {
                    0 => "a la par de".to_string(),
                    s if s < 0 => format!("{} por detrás de", human_duration(s)),
                    s => format!("{} por delante de", human_duration(s)),
                },
            ),
        ];
        let code = match (c.beyond(), c.skew_seconds < 0) {
            (true, true) => "clock_behind",
            (true, false) => "clock_ahead",
            (false, _) => "clock_ok",
        };
        b.add(code, args, &[(c.span, c.line)]);
    }
    // Errors, one finding per kind.
    for e in &obs.errors {
        let code = e.code.clone().unwrap_or_default();
        let ev = [(e.span, e.line)];
        let service = e.service.as_deref().map(|s| format!("{s}: ")).unwrap_or_default();
        let args = vec![
            ("code", if code.is_empty() { "—".to_string() } else { code.clone() }),
            ("code_paren", if code.is_empty() { String::new() } else { format!(" ({code})") }),
            ("service", service),
            ("message", e.message.as_deref().map(crate::redact::redact).unwrap_or_default()),
        ];
        match e.kind() {
            ErrorKind::Expired if e.code.is_some() => b.add("expired_token", args, &ev),
            ErrorKind::Expired => b.add("client_side_expired", args, &ev),
            ErrorKind::SsoExpired => b.add("sso_session_expired", args, &ev),
            ErrorKind::ClockSkew if clock.is_none() => b.add("clock_skew_error", args, &ev),
            ErrorKind::ClockSkew => {}
            ErrorKind::Invalid => {
                b.add("invalid_token", args, &ev);
                let region = e.region.as_deref().or(obs.context.region.as_deref());
                if let Some(r) = region.filter(|r| OPT_IN_REGIONS.contains(r)) {
                    b.add("opt_in_region", vec![("region", r.to_string())], &ev);
                }
            }
            ErrorKind::SignatureMismatch => b.add("signature_mismatch", args, &ev),
            ErrorKind::RequestExpired if clock.is_none() => b.add("request_expired_ambiguous", args, &ev),
            ErrorKind::RequestExpired => {}
            ErrorKind::Imds => b.add("imds_no_credentials", args, &ev),
            ErrorKind::Other if e.code.is_some() => b.add("other_error", args, &ev),
            ErrorKind::Other => {}
        }
    }
    // IMDS.
    for i in &obs.imds {
        b.add(i.kind.as_str(), Vec::new(), &[(i.span, i.line)]);
    }
    // Credentials at the reference time.
    for c in &obs.credentials {
        let ev = [(c.span, c.line)];
        if c.code.as_deref() == Some("AssumeRoleUnauthorizedAccess") {
            b.add("assume_role_unauthorized", Vec::new(), &ev);
        }
        let (what, what_es) = cred_what(c);
        let (ls, ls_es) = lifetime_sentence(c);
        if let (Some(exp), Some(upd)) = (c.expiration, c.last_updated) {
            if exp < upd {
                b.add(
                    "doc_served_expired",
                    vec![
                        ("gap", human_duration((upd - exp).num_seconds())),
                        ("expiration", rfc3339(exp)),
                        ("last_updated", rfc3339(upd)),
                    ],
                    &ev,
                );
                continue;
            }
        }
        let Some(left) = c.seconds_left(now) else { continue };
        let mut args = vec![
            ("what", what.to_string()),
            ("what_es", what_es.to_string()),
            ("ago", human_duration(left)),
            ("left", human_duration(left)),
            ("expiration", c.expiration.map(rfc3339).unwrap_or_default()),
            ("now", rfc3339(now)),
            ("lifetime_sentence", ls),
            ("lifetime_sentence_es", ls_es),
        ];
        if left < 0 {
            b.add("credentials_expired", args.clone(), &ev);
        } else if left <= 300 {
            b.add("rotation_window", args.clone(), &ev);
        } else {
            b.add("credentials_valid", args.clone(), &ev);
        }
        if let Some(l) = c.lifetime_seconds().filter(|l| *l > 0 && *l <= 3660) {
            args.push(("lifetime", human_duration(l)));
            b.add("short_lifetime", args, &ev);
        }
        if let Some(origin) = c
            .origin
            .as_deref()
            .filter(|o| matches!(*o, "env" | "shared-credentials-file" | "config-file" | "config_file"))
        {
            if c.format == CredFormat::ConfigureList {
                b.add("static_source", vec![("origin", origin.to_string())], &ev);
            }
        }
    }
    // What hides the instance role.
    let ctx = &obs.context;
    let secret_vars: Vec<&String> = ctx
        .env_vars
        .iter()
        .filter(|v| {
            matches!(
                v.to_ascii_uppercase().as_str(),
                "AWS_ACCESS_KEY_ID"
                    | "AWS_SECRET_ACCESS_KEY"
                    | "AWS_SESSION_TOKEN"
                    | "AWS_SECURITY_TOKEN"
                    | "AWS_ACCESS_KEY"
                    | "AWS_SECRET_KEY"
            )
        })
        .collect();
    if !secret_vars.is_empty() {
        let vars = secret_vars.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        let ev: Vec<(Span, usize)> = obs
            .credentials
            .iter()
            .filter(|c| matches!(c.format, CredFormat::EnvDump | CredFormat::ExportEnv))
            .map(|c| (c.span, c.line))
            .collect();
        b.add("env_credentials", vec![("vars", vars)], &ev);
    }
    let cred_props: Vec<&String> = ctx
        .java_props
        .iter()
        .filter(|p| {
            matches!(
                p.to_ascii_lowercase().as_str(),
                "aws.accesskeyid" | "aws.secretkey" | "aws.secretaccesskey" | "aws.sessiontoken"
            )
        })
        .collect();
    if !cred_props.is_empty() {
        let props = cred_props.iter().map(|p| format!("-D{p}")).collect::<Vec<_>>().join(", ");
        b.add("java_properties", vec![("props", props)], &[]);
    }
    if !ctx.token_profiles.is_empty() {
        let ev: Vec<(Span, usize)> = obs
            .credentials
            .iter()
            .filter(|c| c.format == CredFormat::CredentialsFile && c.has_session_token)
            .map(|c| (c.span, c.line))
            .collect();
        b.add("profile_session_token", vec![("profiles", ctx.token_profiles.join(", "))], &ev);
    }
    if ctx.proxy.is_some()
        && !ctx.no_proxy.as_deref().is_some_and(|n| {
            n.contains("169.254.169.254") || n.split(',').any(|p| p.trim() == "169.254.0.0/16" || p.trim() == "*")
        })
    {
        b.add("proxy_catches_imds", Vec::new(), &[]);
    }
    for ev in &obs.clock {
        if ev.synchronized == Some(false) {
            let src = ev.source.map(source_label).unwrap_or("clock");
            b.add("clock_unsynchronized", vec![("source", src.to_string())], &[(ev.span, ev.line)]);
        }
    }

    let mut findings = b.out;
    // Most severe first, then in table order (the table is written in priority order).
    crate::parse::util::sort_by_u64(&mut findings, |f| {
        ((f.severity() as u64) << 32) | FINDINGS.iter().position(|d| d.code == f.code()).unwrap_or(0xffff) as u64
    });
    let start_step = start_step(&findings, ctx);
    let mut ref_times = obs.ref_times;
    for e in &obs.errors {
        for (t, what) in [(e.request_time, "request"), (e.server_time, "server")] {
            if let Some(t) = t {
                ref_times.push(RefTime { time: t, what, line: e.line });
            }
        }
    }
    crate::parse::util::sort_by_u64(&mut ref_times, |r| {
        ((r.time.timestamp().max(0) as u64) << 24) | r.line.min(0xff_ffff) as u64
    });
    ref_times.dedup_by_key(|r| r.time);
    Report {
        now,
        errors: obs.errors,
        credentials: obs.credentials,
        clock,
        clock_evidence: obs.clock,
        imds: obs.imds,
        context: obs.context,
        root_cause: root,
        findings,
        ref_times,
        unread: obs.unread,
        start_step,
        collector: obs.collector,
    }
}

/// The node to start at: the step of the most important finding, moved on
/// when other findings already answer that step's question.
fn start_step(findings: &[Finding], ctx: &Context) -> &'static str {
    let Some(first) = findings.iter().find(|f| f.severity() != Severity::Info) else {
        return findings
            .iter()
            .find(|f| f.code() == "clock_ok")
            .map(|_| "expired_source")
            .unwrap_or(crate::tree::START);
    };
    let has = |c: &str| findings.iter().find(|f| f.code() == c);
    let mut step = first.step();
    if step == "expired_source" || step == "invalid_token" {
        for c in [
            "env_credentials",
            "java_properties",
            "profile_session_token",
            "static_source",
            "expired_extended",
            "doc_served_expired",
        ] {
            if let Some(f) = has(c) {
                step = f.step();
                break;
            }
        }
    }
    if step == "clock_os" {
        step = match ctx.shell {
            Some(crate::commands::Shell::PowerShell) => "clock_windows",
            Some(crate::commands::Shell::Bash) => "clock_linux",
            None => "clock_os",
        };
    }
    if step == "imds_timeout" && ctx.container.is_some() {
        step = "imds_hop_limit";
    }
    step
}
