//! The `--json` report, schema version 1 (documented in the README).
//! Times are RFC 3339 UTC with `Z`; absent values are `null`.

use serde_json::{json, Map, Value};
use tokendoctor_engine::i18n::Lang;
use tokendoctor_engine::redact::redact;
use tokendoctor_engine::time::{rfc3339, Timestamp};
use tokendoctor_engine::{tree, Report};

pub const SCHEMA_VERSION: u64 = 1;

fn t(v: Option<Timestamp>) -> Value {
    v.map(|t| Value::String(rfc3339(t))).unwrap_or(Value::Null)
}

fn s(v: &Option<String>) -> Value {
    v.clone().map(Value::String).unwrap_or(Value::Null)
}

/// Where a line of the combined input came from, when several files were given.
pub trait LineMap {
    fn file_of(&self, line: usize) -> Option<(String, usize)>;
}

/// Byte offsets into the input (all FILEs joined, as read), end exclusive.
fn span(s: tokendoctor_engine::text::Span) -> Value {
    json!([s.start, s.end])
}

fn line_fields(m: &mut Map<String, Value>, line: usize, map: &dyn LineMap) {
    match map.file_of(line) {
        Some((file, local)) => {
            m.insert("line".into(), json!(local));
            m.insert("file".into(), json!(file));
        }
        None => {
            m.insert("line".into(), json!(line));
        }
    }
}

pub fn report(r: &Report, lang: Lang, map: &dyn LineMap, commands: Option<Value>) -> Value {
    let errors: Vec<Value> = r
        .errors
        .iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("code".into(), s(&e.code));
            // Messages are quoted from the paste: redact anything secret in them.
            m.insert("message".into(), e.message.as_deref().map(|v| json!(redact(v))).unwrap_or(Value::Null));
            m.insert("kind".into(), json!(format!("{:?}", e.kind()).to_ascii_lowercase()));
            m.insert("sdk".into(), json!(e.sdk.as_str()));
            m.insert("service".into(), s(&e.service));
            m.insert("operation".into(), s(&e.operation));
            m.insert("status_code".into(), e.status_code.map(|v| json!(v)).unwrap_or(Value::Null));
            m.insert("request_id".into(), s(&e.request_id));
            m.insert("region".into(), s(&e.region));
            m.insert("request_time".into(), t(e.request_time));
            m.insert("server_time".into(), t(e.server_time));
            m.insert("skew_seconds".into(), e.skew_seconds().map(|v| json!(v)).unwrap_or(Value::Null));
            m.insert("tolerance_seconds".into(), e.tolerance_seconds.map(|v| json!(v)).unwrap_or(Value::Null));
            m.insert("language".into(), e.language.map(|v| json!(v)).unwrap_or(Value::Null));
            m.insert("span".into(), span(e.span));
            line_fields(&mut m, e.line, map);
            Value::Object(m)
        })
        .collect();
    let credentials: Vec<Value> = r
        .credentials
        .iter()
        .map(|c| {
            let mut m = Map::new();
            m.insert("format".into(), json!(c.format.as_str()));
            m.insert("code".into(), s(&c.code));
            m.insert("type".into(), s(&c.cred_type));
            m.insert("access_key_id".into(), s(&c.access_key_id));
            m.insert("temporary".into(), c.temporary.map(Value::Bool).unwrap_or(Value::Null));
            m.insert("last_updated".into(), t(c.last_updated));
            m.insert("expiration".into(), t(c.expiration));
            m.insert("seconds_left".into(), c.seconds_left(r.now).map(|v| json!(v)).unwrap_or(Value::Null));
            m.insert("lifetime_seconds".into(), c.lifetime_seconds().map(|v| json!(v)).unwrap_or(Value::Null));
            m.insert("role".into(), s(&c.role));
            m.insert("origin".into(), s(&c.origin));
            m.insert("profile".into(), s(&c.profile));
            m.insert("message".into(), c.message.as_deref().map(|v| json!(redact(v))).unwrap_or(Value::Null));
            m.insert("span".into(), span(c.span));
            line_fields(&mut m, c.line, map);
            Value::Object(m)
        })
        .collect();
    let clock = match &r.clock {
        Some(c) => {
            let mut m = Map::new();
            m.insert("skew_seconds".into(), json!(c.skew_seconds));
            m.insert("tolerance_seconds".into(), json!(c.tolerance_seconds));
            m.insert("beyond_tolerance".into(), json!(c.beyond()));
            m.insert("source".into(), json!(c.source.as_str()));
            m.insert("span".into(), span(c.span));
            m.insert("client_time".into(), t(c.client_time));
            m.insert("server_time".into(), t(c.server_time));
            line_fields(&mut m, c.line, map);
            Value::Object(m)
        }
        None => Value::Null,
    };
    let imds: Vec<Value> = r
        .imds
        .iter()
        .map(|i| {
            let mut m = Map::new();
            m.insert("kind".into(), json!(i.kind.as_str()));
            m.insert("status".into(), i.status.map(|v| json!(v)).unwrap_or(Value::Null));
            m.insert("path".into(), s(&i.path));
            m.insert("span".into(), span(i.span));
            line_fields(&mut m, i.line, map);
            Value::Object(m)
        })
        .collect();
    let findings: Vec<Value> = r
        .findings
        .iter()
        .map(|f| {
            let mut m = Map::new();
            m.insert("code".into(), json!(f.code()));
            m.insert("severity".into(), json!(f.severity().as_str()));
            m.insert("title".into(), json!(f.title(lang)));
            m.insert("detail".into(), json!(f.detail(lang)));
            match f.line() {
                Some(l) => line_fields(&mut m, l, map),
                None => {
                    m.insert("line".into(), Value::Null);
                }
            }
            m.insert("step".into(), json!(f.step()));
            m.insert(
                "evidence".into(),
                Value::Array(f.evidence.iter().map(|e| json!({"span": span(e.span), "line": e.line})).collect()),
            );
            Value::Object(m)
        })
        .collect();
    let c = &r.context;
    let context = json!({
        "role": s(&c.role),
        "instance_profile": s(&c.instance_profile),
        "instance_id": s(&c.instance_id),
        "region": s(&c.region),
        "account": s(&c.account),
        "partition": s(&c.partition),
        "sdk": c.sdk.as_str(),
        "shell": c.shell.map(|s| json!(s.as_str())).unwrap_or(Value::Null),
        "container": c.container.map(|s| json!(s)).unwrap_or(Value::Null),
        "imds_v2": c.imds_v2.map(Value::Bool).unwrap_or(Value::Null),
        "env_vars": c.env_vars,
        "java_properties": c.java_props,
        "token_profiles": c.token_profiles,
        "proxy": s(&c.proxy),
        "no_proxy": s(&c.no_proxy),
    });
    let ref_times: Vec<Value> =
        r.ref_times.iter().map(|rt| json!({"time": rfc3339(rt.time), "what": rt.what, "line": rt.line})).collect();
    let step = tree::node(r.start_step);
    let mut out = Map::new();
    out.insert("schema_version".into(), json!(SCHEMA_VERSION));
    out.insert("now".into(), json!(rfc3339(r.now)));
    out.insert("root_cause".into(), json!(r.root_cause.as_str()));
    out.insert("root_cause_detail".into(), json!(r.root_cause.detail()));
    out.insert("verdict".into(), json!(r.verdict(lang)));
    out.insert("sdk".into(), json!(r.primary_error().map(|e| e.sdk).unwrap_or(c.sdk).as_str()));
    out.insert("errors".into(), Value::Array(errors));
    out.insert("credentials".into(), Value::Array(credentials));
    out.insert("clock".into(), clock);
    out.insert("imds".into(), Value::Array(imds));
    out.insert("findings".into(), Value::Array(findings));
    out.insert("step".into(), json!({"id": r.start_step, "title": step.map(|n| n.title.get(lang))}));
    out.insert("context".into(), context);
    out.insert(
        "collector".into(),
        match &r.collector {
            Some(c) => {
                let mut m = Map::new();
                m.insert("version".into(), json!(c.version));
                m.insert("complete".into(), json!(c.complete));
                line_fields(&mut m, c.line, map);
                Value::Object(m)
            }
            None => Value::Null,
        },
    );
    out.insert("reference_times".into(), Value::Array(ref_times));
    if let Some(cmds) = commands {
        out.insert("commands".into(), cmds);
    }
    Value::Object(out)
}
