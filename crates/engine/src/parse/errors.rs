//! Error reports: every way an AWS client prints an error.
//!
//! Each recognizer reads one family of shapes and returns candidate reports
//! with the fields it saw; `merge` then joins the candidates that describe the
//! same error (a JS object and its `Code: message` head, an XML body printed
//! twice, a status line above a body).

use super::objects::{self, Obj, Value};
use super::util::*;
use super::Blk;
use super::Table;
use crate::codes::{self, Label};
use crate::model::{ErrorKind, ErrorReport, Sdk};
use crate::time;

/// All error candidates of a block, before merging.
pub(crate) fn scan(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let start = out.len();
    label_groups(blk, out);
    botocore(blk, out);
    go_v2(blk, out);
    code_colon(blk, out);
    ruby(blk, out);
    class_heads(blk, out);
    xml(blk, out);
    objects_and_headers(blk, out);
    status_lines(blk, out);
    powershell(blk, out);
    rust_sdk(blk, out);
    message_only(blk, out);
    let markers = blk.markers();
    for r in &mut out[start..] {
        finish(blk, markers, r);
    }
}

fn report(blk: &Blk, start: usize, end: usize, sdk: Sdk) -> ErrorReport {
    ErrorReport { sdk, span: blk.span(start, end), line: blk.line(start), ..ErrorReport::default() }
}

fn set<T>(slot: &mut Option<T>, v: Option<T>) {
    if slot.is_none() {
        *slot = v;
    }
}

fn code_value(s: &str) -> Option<String> {
    let s = clean_value(s);
    // `com.amazon.coral.service#ExpiredTokenException`, `Code:http://internal…`.
    let s = s.rsplit('#').next().unwrap_or(s);
    let s = s.split(':').next().unwrap_or(s).trim();
    is_code_like(s).then(|| s.to_string())
}

fn request_id_value(s: &str) -> Option<String> {
    let s = clean_value(s);
    let s = s.split_whitespace().next().unwrap_or("");
    let s = s.trim_end_matches(['.', ',', ';', ')', '"', '\'']);
    is_request_id(s).then(|| s.to_string())
}

fn status_value(s: &str) -> Option<u16> {
    let s = clean_value(s);
    // `StatusCode(403)`, `403 Forbidden`, `Forbidden (403)`.
    let digits_at = s.find(|c: char| c.is_ascii_digit())?;
    if digits_at > 12 {
        return None;
    }
    status_at(&s[digits_at..])
}

// ---------------------------------------------------------------------------
// `label: value` groups: Java SDK v1/v2 `(Service: …; Status Code: …)`, the
// legacy `AWS Error Code:` form, Go v1's `status code: N, request id: X`.

struct LabelHit {
    at: usize,
    value_at: usize,
    label: Label,
    lang: &'static str,
}

/// The labels of one line, from the block's automaton hits (line-relative).
fn find_labels(line: &str, hits: &[(usize, usize, usize)]) -> Vec<LabelHit> {
    let mut found: Vec<LabelHit> = Vec::new();
    for &(at, end, idx) in hits {
        let (_, label, lang) = codes::LABELS[idx];
        // A label starts a field: after `(`, `;`, `,`, a quote, a space or the line start.
        let before_ok = at == 0
            || matches!(line.as_bytes()[at - 1], b'(' | b';' | b',' | b' ' | b'\t' | b'"' | b'\'' | b'[' | b'{')
            || !line.as_bytes()[at - 1].is_ascii();
        if !before_ok {
            continue;
        }
        let rest = &line[end..];
        let trimmed = skip_ws(rest);
        if !trimmed.starts_with(':') {
            continue;
        }
        found.push(LabelHit { at, value_at: end + (rest.len() - trimmed.len()) + 1, label, lang });
    }
    sort_by_u64(&mut found, |h| ((h.at as u64) << 32) | (u32::MAX as u64 - (h.value_at as u64).min(u32::MAX as u64)));
    // Drop labels inside a longer one (`request id` inside `extended request id`).
    let mut kept: Vec<LabelHit> = Vec::new();
    for h in found {
        if kept.last().is_some_and(|k| h.at < k.value_at) {
            continue;
        }
        kept.push(h);
    }
    kept
}

fn label_groups(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    let all: Vec<(usize, usize, usize)> = blk.hits(Table::Label).map(|h| (h.start, h.end, h.idx)).collect();
    if all.is_empty() {
        return;
    }
    let mut k = 0;
    for (ls, line) in lines(text) {
        let le = ls + line.len();
        while k < all.len() && all[k].0 < ls {
            k += 1;
        }
        let first = k;
        while k < all.len() && all[k].0 < le {
            k += 1;
        }
        let line_hits: Vec<(usize, usize, usize)> =
            all[first..k].iter().filter(|h| h.1 <= le).map(|&(a, b, i)| (a - ls, b - ls, i)).collect();
        if line_hits.is_empty() {
            continue;
        }
        let hits = find_labels(line, &line_hits);
        if hits.is_empty() {
            continue;
        }
        let useful = hits
            .iter()
            .filter(|h| matches!(h.label, Label::Service | Label::Status | Label::Code | Label::RequestId))
            .count();
        let strong_code = hits.iter().any(|h| h.label == Label::Code);
        if useful < 2 && !(useful == 1 && strong_code) {
            continue;
        }
        // Go v1's lowercase `status code: N, request id: X` is read by `code_colon`,
        // which knows the line above; here only the other shapes.
        let go_style = hits.iter().all(|h| {
            matches!(h.label, Label::Status | Label::RequestId)
                && line[h.at..].starts_with(|c: char| c.is_ascii_lowercase())
        });
        if go_style {
            continue;
        }
        let group_start = hits[0].at;
        let mut r = report(blk, ls + group_start, ls + line.len(), Sdk::Unknown);
        let mut semicolons = 0;
        let mut legacy = false;
        for (k, h) in hits.iter().enumerate() {
            let value_end = hits.get(k + 1).map(|n| n.at).unwrap_or(line.len());
            let raw = &line[h.value_at.min(value_end)..value_end];
            if raw.trim_end().ends_with(';') {
                semicolons += 1;
            }
            match h.label {
                Label::Service => {
                    set(&mut r.service, Some(clean_value(raw).to_string()).filter(|s| !s.is_empty() && s.len() < 64))
                }
                Label::Status => set(&mut r.status_code, status_value(raw)),
                Label::Code => {
                    set(&mut r.code, code_value(raw));
                    if line[h.at..].starts_with("AWS Error Code") {
                        legacy = true;
                    }
                }
                Label::RequestId => set(&mut r.request_id, request_id_value(raw)),
                Label::Message => set(&mut r.message, Some(clean_message(raw))),
                _ => {}
            }
            if h.lang != "en" {
                r.language = Some(h.lang);
            }
        }
        // The message sits before the group: `…Exception: <message> (Service: …`.
        if r.message.is_none() {
            let head = &line[..group_start];
            let head = head.trim_end().trim_end_matches('(');
            if let Some(i) =
                head.rfind("Exception: ").map(|i| i + 11).or_else(|| head.rfind("Exception:").map(|i| i + 10))
            {
                let m = head[i..].trim();
                if !m.is_empty() {
                    r.message = Some(clean_message(m));
                }
            }
        }
        let in_parens = line[..group_start].trim_end().ends_with('(');
        r.sdk = if legacy || (in_parens && semicolons > 0) {
            Sdk::JavaV1
        } else if in_parens {
            Sdk::JavaV2
        } else {
            Sdk::Unknown
        };
        if line.contains("software.amazon.awssdk") {
            r.sdk = Sdk::JavaV2;
        } else if line.contains("com.amazonaws") && r.sdk == Sdk::Unknown {
            r.sdk = Sdk::JavaV1;
        }
        out.push(r);
    }
}

// ---------------------------------------------------------------------------
// botocore: `An error occurred (Code) when calling the Op operation: message`.

fn botocore(blk: &Blk, out: &mut Vec<ErrorReport>) {
    const HEAD: &str = "an error occurred (";
    for at in find_all(&blk.lower, HEAD) {
        let text = &blk.b.text;
        let after = at + HEAD.len();
        let Some(close) = window(text, after, 80).find(')').map(|i| after + i) else {
            continue;
        };
        let code = &text[after..close];
        if code.contains('\n') {
            continue;
        }
        let line_end = blk.line_end(close);
        let line_start = blk.line_start(at).max(at.saturating_sub(200));
        let prefix = window(text, line_start, at - line_start);
        let mut r = report(blk, at, line_end, Sdk::Unknown);
        r.code = code_value(code);
        let rest = window(text, close + 1, (line_end - close - 1).min(2000));
        if let Some(op_at) = rest.find(" when calling the ") {
            let op = token(&rest[op_at + 18..], &[]);
            if !op.is_empty() {
                r.operation = Some(op.to_string());
            }
        }
        if let Some(colon) = rest.find(": ") {
            r.message = Some(clean_message(&rest[colon + 2..]));
        }
        let lp = prefix.to_ascii_lowercase();
        r.sdk = if lp.contains("aws: [error]") {
            Sdk::AwsCli
        } else if lp.contains("botocore") || lp.contains("boto3") || lp.contains("clienterror") {
            Sdk::Python
        } else if lp.trim().ends_with("exception:") || lp.contains("error:") && !lp.contains("aws") {
            // A modeled botocore class without its module (`ExpiredTokenException: An error…`).
            Sdk::Python
        } else {
            Sdk::Unknown
        };
        out.push(r);
    }
}

// ---------------------------------------------------------------------------
// Go v2: `operation error S: Op, https response error StatusCode: N,
// RequestID: X, [HostID: H,] api error Code: message`.

fn go_v2(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    let mut seen_end = 0;
    for at in find_all(&blk.lower, "https response error statuscode:") {
        if at < seen_end {
            continue;
        }
        let line_start = blk.line_start(at).max(at.saturating_sub(300));
        let line_end = blk.line_end(at).min(at + 2000);
        let head_line = window(text, line_start, at - line_start);
        let line_start = at - head_line.len();
        let mut start = at;
        let mut r = ErrorReport::default();
        if let Some(oe) = head_line.rfind("operation error ") {
            let s = &head_line[oe + 16..];
            if let Some(colon) = s.find(": ") {
                let svc = s[..colon].trim();
                if !svc.is_empty() && svc.len() < 48 && !svc.contains(' ') {
                    r.service = Some(svc.to_string());
                }
                let op = token(&s[colon + 2..], &[]);
                if !op.is_empty() {
                    r.operation = Some(op.to_string());
                }
            }
            start = line_start + oe;
        }
        let seg = window(text, at, line_end - at);
        let sc = seg.get(32..).unwrap_or("");
        r.status_code = status_at(skip_ws(sc));
        if let Some(i) = seg.find("RequestID:") {
            r.request_id = request_id_value(seg[i + 10..].split(',').next().unwrap_or(""));
        }
        if let Some(i) = seg.find("api error ") {
            let s = &seg[i + 10..];
            let code = token(s, &[]);
            r.code = code_value(code);
            if let Some(m) = s[code.len()..].strip_prefix(':') {
                r.message = Some(clean_message(go_message_end(m)));
            }
        }
        let mut rep = report(blk, start, at + seg.len(), Sdk::GoV2);
        rep.code = r.code;
        rep.message = r.message;
        rep.service = r.service;
        rep.operation = r.operation;
        rep.status_code = r.status_code;
        rep.request_id = r.request_id;
        seen_end = at + seg.len();
        out.push(rep);
    }
}

/// Cuts log text glued after a Go error (`…expired)2022-11-22 03:08:42 [!] …`).
fn go_message_end(m: &str) -> &str {
    let b = m.as_bytes();
    for i in 0..b.len() {
        if b[i] == b')' && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            return &m[..i];
        }
    }
    m
}

// ---------------------------------------------------------------------------
// `Code: message` heads, as Go v1, JS v2/v3, Terraform, PHP, C++ print them,
// with Go v1's `status code: N, request id: X` on the same or next line.

fn code_colon(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    for h in blk.hits(Table::Code) {
        let code = codes::CODES[h.idx].0;
        let at = h.start;
        {
            let end = h.end;
            if !starts_word(text, at) || !ends_word(text, end) {
                continue;
            }
            // Not `(Code)`, `<Code>`, `"code":"Code"`, `Errors::Code`, `api error Code`.
            let prev = text[..at].chars().next_back();
            if matches!(prev, Some('(') | Some('>') | Some('"') | Some('\'') | Some('#')) {
                continue;
            }
            if text[..at].ends_with("::") || text[..at].ends_with("api error ") {
                continue;
            }
            let rest = &text[end..];
            let (msg_at, sdk_hint) = if let Some(r) = rest.strip_prefix(": ") {
                (end + 2 + (r.len() - r.trim_start().len()), Sdk::Unknown)
            } else if rest.starts_with(" (client): ") || rest.starts_with(" (server): ") {
                (end + 11, Sdk::Php)
            } else if rest.starts_with(":Unable to parse ExceptionName") {
                (end + 1, Sdk::Other)
            } else if rest.starts_with(':') && !rest.starts_with("::") && !rest.starts_with(":/") {
                (end + 1, Sdk::Unknown)
            } else {
                continue;
            };
            let line_end = blk.line_end(msg_at).min(msg_at + 1000);
            let mut r = report(blk, at, line_end, sdk_hint);
            r.code = Some((*code).to_string());
            let msg_line = window(text, msg_at, line_end - msg_at);
            let mut msg = msg_line;
            // C++: `Code:Unable to parse ExceptionName: Code Message: text`.
            if let Some(i) = msg.find("Message: ") {
                if msg.starts_with("Unable to parse ExceptionName") {
                    msg = &msg[i + 9..];
                }
            }
            r.message = Some(clean_message(go_message_end(msg)));
            // `status code: N, request id: X` on this line or the next.
            let next_end = if line_end < text.len() { blk.line_end(line_end + 1) } else { line_end };
            let search = window(text, msg_at, next_end.saturating_sub(msg_at).min(1500));
            let lower = search.to_ascii_lowercase();
            if let Some(i) = lower.find("status code:") {
                r.status_code = status_value(&search[i + 12..]);
                if let Some(j) = lower[i..].find("request id") {
                    let after = &search[i + j + 10..];
                    let after = skip_ws(after);
                    if let Some(v) = after.strip_prefix(':') {
                        r.request_id = request_id_value(v.lines().next().unwrap_or(""));
                    }
                }
                if r.sdk == Sdk::Unknown {
                    r.sdk = Sdk::GoV1;
                }
                r.span = r.span.cover(blk.span(msg_at + i, msg_at + i + 12));
            }
            out.push(r);
        }
    }
}

// ---------------------------------------------------------------------------
// Ruby: `#<Aws::SQS::Errors::ExpiredToken: message>`.

fn ruby(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    for at in memchr::memmem::find_iter(text.as_bytes(), b"Aws::") {
        let rest = &text[at + 5..];
        let svc = token(rest, &[]);
        let Some(after) = rest[svc.len()..].strip_prefix("::Errors::") else {
            continue;
        };
        let code = token(after, &[]);
        let end = at + 5 + svc.len() + 10 + code.len();
        let line_end = blk.line_end(end).min(end + 1000);
        let mut r = report(blk, at, line_end, Sdk::Ruby);
        r.service = (!svc.is_empty()).then(|| svc.to_string());
        r.code = code_value(code);
        let tail = window(text, end, line_end - end);
        if let Some(m) = tail.strip_prefix(": ").or_else(|| tail.strip_prefix(':')) {
            r.message = Some(clean_message(m.trim_end_matches('>')));
        }
        out.push(r);
    }
}

// ---------------------------------------------------------------------------
// Exception class heads: `com.amazonaws…Exception: message`,
// `software.amazon.awssdk…Exception: message`, `Amazon.X.AmazonXException: message`.

fn class_heads(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    for (prefix, sdk) in [
        ("com.amazonaws.", Sdk::JavaV1),
        ("software.amazon.awssdk.", Sdk::JavaV2),
        ("Amazon.", Sdk::Dotnet),
        ("Aws\\", Sdk::Php),
    ] {
        for at in memchr::memmem::find_iter(text.as_bytes(), prefix.as_bytes()) {
            if !starts_word(text, at) {
                continue;
            }
            let cls = token(&text[at..], b".\\");
            let simple = cls.rsplit(['.', '\\']).next().unwrap_or("");
            if !(simple.ends_with("Exception") || simple.ends_with("Error")) {
                continue;
            }
            let end = at + cls.len();
            let rest = &text[end..];
            let msg_rest = if let Some(m) = rest.strip_prefix(": ") {
                m
            } else if let Some(m) = rest.strip_prefix(" : ") {
                m
            } else if let Some(m) = rest.strip_prefix(':') {
                m
            } else {
                continue;
            };
            let line_end = blk.line_end(end).min(end + 1000);
            let mut r = report(blk, at, line_end, sdk);
            let mut msg = window(msg_rest, 0, 1000).lines().next().unwrap_or("");
            // .NET chains inner exceptions with ` ---> `.
            if let Some(i) = msg.find(" ---> ").or_else(|| msg.find(" ---- ")) {
                msg = &msg[..i];
            }
            // The Java group `(Service: …)` is read by `label_groups`.
            let m = clean_message(msg);
            if !m.is_empty() {
                r.message = Some(m);
            }
            if sdk == Sdk::Dotnet {
                // `Amazon.CloudWatchLogs.AmazonCloudWatchLogsException`: service from the namespace.
                let parts: Vec<&str> = cls.split('.').collect();
                if parts.len() >= 3 && parts[1] != "Runtime" && parts[1] != "Util" {
                    r.service = Some(parts[1].to_string());
                }
                if parts.len() >= 4 && parts[parts.len() - 2] == "Model" {
                    r.code = code_value(simple);
                }
            }
            if sdk == Sdk::Php {
                let parts: Vec<&str> = cls.split('\\').collect();
                if parts.len() >= 3 && parts[1] != "Exception" {
                    r.service = Some(parts[1].to_string());
                }
            }
            out.push(r);
        }
    }
}

// ---------------------------------------------------------------------------
// XML bodies: `<ErrorResponse>`, S3 `<Error>`, EC2 `<Response><Errors>`.

fn xml_tag<'a>(s: &'a str, tag: &str) -> Option<(usize, &'a str)> {
    let open = format!("<{tag}>");
    let at = s.find(&open)?;
    let v = &s[at + open.len()..];
    let end = v.find('<').unwrap_or_else(|| v.find('\n').unwrap_or(v.len()));
    Some((at, v[..end].trim()))
}

fn xml(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    let code_tags: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), b"<Code>").collect();
    for (k, &at) in code_tags.iter().enumerate() {
        // The body runs from its root element to the next body.
        let before = window(text, at.saturating_sub(4096), at - at.saturating_sub(4096));
        let base = at - before.len();
        let root = ["<ErrorResponse", "<Response>", "<Error>", "<?xml"]
            .iter()
            .filter_map(|t| before.rfind(t).map(|i| base + i))
            .min()
            .unwrap_or(at);
        let next = code_tags.get(k + 1).copied().unwrap_or(text.len());
        let next_root = text[at..next].find("<?xml").map(|i| at + i).unwrap_or(next);
        let end = next_root.min(at + 8192).min(text.len());
        let mut end = end;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let body = &text[root..end];
        let mut r = report(blk, at, at + 6, Sdk::Unknown);
        let Some((_, code)) = xml_tag(body, "Code") else {
            continue;
        };
        r.code = code_value(code);
        if r.code.is_none() {
            continue;
        }
        if let Some((_, m)) = xml_tag(body, "Message") {
            r.message = Some(clean_message(m));
        }
        for t in ["RequestId", "RequestID", "RequestId>"] {
            if let Some((_, id)) = xml_tag(body, t) {
                set(&mut r.request_id, request_id_value(id));
            }
        }
        if let Some((_, t)) = xml_tag(body, "RequestTime") {
            r.request_time = time::any_at(t).and_then(|p| p.utc());
        }
        if let Some((_, t)) = xml_tag(body, "ServerTime") {
            r.server_time = time::any_at(t).and_then(|p| p.utc());
        }
        if let Some((_, ms)) = xml_tag(body, "MaxAllowedSkewMilliseconds") {
            r.tolerance_seconds = ms.parse::<i64>().ok().map(|v| v / 1000);
        }
        if body.contains("mws.amazonaws.com") {
            r.sdk = Sdk::Other;
        }
        let close = body
            .find("</ErrorResponse>")
            .map(|i| i + 16)
            .or_else(|| body.find("</Response>").map(|i| i + 11))
            .or_else(|| body.find("</Error>").map(|i| i + 8))
            // Cut short (`(truncated...)`, `...`): up to the last tag read.
            .unwrap_or_else(|| {
                let from = at - root;
                ["</Message>", "</Code>"]
                    .iter()
                    .find_map(|t| body[from..].find(t).map(|i| from + i + t.len()))
                    .unwrap_or(body.len().min(from + 6))
            });
        r.span = blk.span(root, root + close);
        r.line = blk.line(at);
        http_head_above(blk, root, &mut r);
        out.push(r);
    }
}

/// A raw HTTP response printed above an error body (`curl -i`, `curl -v`,
/// wire logs): its status line, request id and `Date` header belong to it.
fn http_head_above(blk: &Blk, body_start: usize, r: &mut ErrorReport) {
    let text = &blk.b.text;
    let mut pos = blk.line_start(body_start);
    for _ in 0..20 {
        if pos == 0 {
            break;
        }
        let ls = blk.line_start(pos - 1);
        let line = &text[ls..pos - 1];
        pos = ls;
        let t = line.trim_start_matches(['<', ' ']);
        let lower = t.to_ascii_lowercase();
        if super::context::strip_prompt(line).is_some() {
            break;
        }
        if let Some(rest) = lower.strip_prefix("http/") {
            // `HTTP/1.1 403 Forbidden`, `HTTP/2 400`: the start of this response.
            let after = rest.split_once(' ').map(|x| x.1).unwrap_or("");
            set(&mut r.status_code, status_at(after));
            break;
        }
        let Some((name, value)) = t.split_once(':') else { continue };
        match name.trim().to_ascii_lowercase().as_str() {
            "x-amzn-requestid" | "x-amz-request-id" => set(&mut r.request_id, request_id_value(value)),
            "x-amzn-errortype" => set(&mut r.code, code_value(value)),
            "date" => set(&mut r.server_time, time::http_date_at(value.trim()).and_then(|p| p.utc())),
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// Object literals: JS v2 error objects, JS v3 `$metadata`, JSON bodies
// (`__type`), boto3 `response` dicts, header dicts from `--debug` logs.

fn child<'a>(objs: &'a [Obj], o: &Obj, key: &str) -> Option<&'a Obj> {
    match o.pairs.iter().find(|p| p.key.eq_ignore_ascii_case(key))?.value {
        Value::Obj(i) => objs.get(i),
        _ => None,
    }
}

fn objects_and_headers(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    if !text.contains('{') {
        return;
    }
    let objs = objects::scan(text);
    for o in &objs {
        let error_child = child(&objs, o, "Error");
        let meta = child(&objs, o, "$metadata").or_else(|| child(&objs, o, "ResponseMetadata"));
        let headers = meta.and_then(|m| child(&objs, m, "HTTPHeaders"));
        let find = |keys: &[&str]| -> Option<(&str, usize)> {
            for src in [Some(o), error_child, meta, headers].into_iter().flatten() {
                for k in keys {
                    if let Some(p) = src.get_ci(k) {
                        if let Some(v) = p.value.as_str() {
                            return Some((v, p.start));
                        }
                    }
                }
            }
            None
        };
        let code = find(&["__type", "code", "errorCode", "x-amzn-ErrorType", "name"])
            .and_then(|(v, at)| code_value(v).map(|c| (c, at)))
            .filter(|(c, _)| {
                // `name` is only a code when it names a known one (`ExpiredTokenException`).
                codes::code_kind(c).is_some() || o.get_ci("name").is_none_or(|p| p.value.as_str() != Some(c))
            });
        let Some((code, code_at)) = code else {
            continue;
        };
        // An IMDS credential document has a `Code` too (`Success`, `AssumeRoleUnauthorizedAccess`).
        let cred_doc =
            ["AccessKeyId", "LastUpdated", "Expiration", "SecretAccessKey"].iter().any(|k| o.get_ci(k).is_some());
        if cred_doc || code == "Success" {
            continue;
        }
        let mut r = report(blk, code_at, o.end.min(text.len()), Sdk::Unknown);
        r.span = blk.span(o.start, o.end.min(text.len()));
        r.line = blk.line(code_at);
        r.code = Some(code);
        r.message = find(&["message", "errorMessage", "error_description"]).map(|(v, _)| clean_message(v));
        r.status_code =
            find(&["statusCode", "httpStatusCode", "status", "HTTPStatusCode"]).and_then(|(v, _)| status_value(v));
        r.request_id =
            find(&["requestId", "RequestId", "x-amzn-RequestId", "x-amz-request-id", "requestID", "aws_request_id"])
                .and_then(|(v, _)| request_id_value(v));
        r.region = find(&["region"]).map(|(v, _)| v.to_string()).filter(|v| is_region(v));
        if let Some((h, _)) = find(&["hostname", "host", "endpoint"]) {
            if let Some(svc) = service_from_host(h) {
                r.service = Some(svc);
            }
            set(&mut r.region, find_region(h).map(|(_, r)| r.to_string()));
        }
        if let Some((d, _)) = find(&["Date"]) {
            r.server_time = time::any_at(d.trim()).and_then(|p| p.utc());
        }
        // S3's RequestTimeTooSkewed fields, as JS v3 copies them onto the error.
        if let Some((v, _)) = find(&["RequestTime"]) {
            r.request_time = time::any_at(v.trim()).and_then(|p| p.utc());
        }
        if let Some((v, _)) = find(&["ServerTime"]) {
            r.server_time = time::any_at(v.trim()).and_then(|p| p.utc());
        }
        if let Some((v, _)) = find(&["MaxAllowedSkewMilliseconds"]) {
            r.tolerance_seconds = v.trim().parse::<i64>().ok().map(|ms| ms / 1000);
        }
        r.sdk = if o.get_ci("$metadata").is_some() || o.get_ci("$fault").is_some() {
            Sdk::JsV3
        } else if o.get_ci("retryable").is_some() || o.get_ci("retryDelay").is_some() {
            Sdk::JsV2
        } else if o.get_ci("ResponseMetadata").is_some() {
            Sdk::Python
        } else {
            Sdk::Unknown
        };
        out.push(r);
    }
    // Plain header lines (`curl -i`, wire logs): `x-amzn-ErrorType: Code:…`.
    for at in find_all(&blk.lower, "x-amzn-errortype:") {
        let line_end = blk.line_end(at).min(at + 300);
        let v = window(text, at + 17, line_end.saturating_sub(at + 17));
        if let Some(code) = code_value(v) {
            let mut r = report(blk, at, line_end, Sdk::Unknown);
            r.code = Some(code);
            http_head_above(blk, blk.line_end(at) + 1, &mut r);
            out.push(r);
        }
    }
}

/// `sts.us-east-1.amazonaws.com` → `sts`; `bucket.s3.amazonaws.com` → `s3`.
pub(crate) fn service_from_host(host: &str) -> Option<String> {
    let host = host.trim().trim_start_matches("https://").trim_start_matches("http://");
    let host = host.split(['/', ':']).next()?;
    let i = host.find(".amazonaws.com")?;
    let labels: Vec<&str> = host[..i].split('.').collect();
    let svc = labels.iter().rev().find(|l| !is_region(l) && !l.is_empty() && !matches!(**l, "dualstack" | "fips"))?;
    let svc = if svc.starts_with("s3-") || labels.contains(&"s3") { "s3" } else { svc };
    Some(svc.to_ascii_lowercase())
}

// ---------------------------------------------------------------------------
// Status lines without a code: boto2 `EC2ResponseError: 400 Bad Request`,
// Guzzle, `requests` HTTPError, urllib3 debug lines, HTTP status lines.

fn status_lines(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    let lower = &blk.lower;
    let mut push = |at: usize, end: usize, status: Option<u16>, sdk: Sdk| {
        if let Some(s) = status {
            let mut r = report(blk, at, end, sdk);
            r.status_code = Some(s);
            out.push(r);
        }
    };
    for at in find_all(lower, "responseerror: ") {
        let v = &text[at + 15..];
        push(at, at + 18, status_at(v), Sdk::Unknown);
    }
    for at in find_all(lower, "resulted in a `") {
        push(at, at + 18, status_at(&text[at + 15..]), Sdk::Php);
    }
    for at in find_all(lower, "aws http error: client error: ") {
        push(at, at + 33, status_at(&text[at + 30..]), Sdk::Php);
    }
    for pat in [" client error: ", " server error: "] {
        for at in find_all(lower, pat) {
            // `401 Client Error: Unauthorized for url: …` (requests).
            if at >= 3 {
                if let Some(s) = text.get(at - 3..).and_then(status_at) {
                    push(at - 3, at + pat.len(), Some(s), Sdk::Unknown);
                }
            }
        }
    }
    for at in find_all(lower, "http/1.1\" ") {
        // urllib3: `"POST /token HTTP/1.1" 400 78`.
        push(at, at + 13, status_at(&text[at + 10..]), Sdk::Unknown);
    }
}

// ---------------------------------------------------------------------------
// AWS Tools for PowerShell: `Verb-Noun : message` then `At line:1 char:1`.

fn powershell(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    let all: Vec<(usize, &str)> = lines(text).collect();
    for (k, (ls, line)) in all.iter().enumerate() {
        let Some(next) = all.get(k + 1) else {
            continue;
        };
        if !next.1.trim_start().starts_with("At line:") && !next.1.trim_start().starts_with("At ") {
            continue;
        }
        let Some(sep) = line.find(" : ") else {
            continue;
        };
        let cmdlet = line[..sep].trim();
        let is_cmdlet = cmdlet.contains('-')
            && !cmdlet.contains(' ')
            && cmdlet.split('-').all(|p| !p.is_empty() && p.as_bytes()[0].is_ascii_uppercase());
        if !is_cmdlet {
            continue;
        }
        let mut r = report(blk, *ls, ls + line.len(), Sdk::Powershell);
        r.message = Some(clean_message(&line[sep + 3..]));
        out.push(r);
    }
}

// ---------------------------------------------------------------------------
// AWS SDK for Rust: `ErrorMetadata { code: Some("ExpiredToken"), message: Some("…") … }`.

fn rust_sdk(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    for at in memchr::memmem::find_iter(text.as_bytes(), b"code: Some(\"") {
        let v = &text[at + 12..];
        let code = token(v, &[]);
        let Some(c) = code_value(code) else {
            continue;
        };
        let window_end = (at + 4096).min(text.len());
        let mut window_end = window_end;
        while !text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        let w = &text[at..window_end];
        let mut r = report(blk, at, at + 12 + code.len(), Sdk::Rust);
        r.code = Some(c);
        if let Some(i) = w.find("message: Some(\"") {
            let m = &w[i + 15..];
            r.message = Some(clean_message(m.split("\")").next().unwrap_or(m)));
        }
        for key in ["\"aws_request_id\": \"", "request_id: Some(\"", "\"x-amzn-requestid\": \""] {
            if let Some(i) = w.find(key) {
                set(&mut r.request_id, request_id_value(w[i + key.len()..].split('"').next().unwrap_or("")));
            }
        }
        if let Some(i) = w.find("status: StatusCode(") {
            r.status_code = status_at(&w[i + 19..]);
        } else if let Some(i) = w.find("status: ") {
            r.status_code = status_at(&w[i + 8..]);
        }
        out.push(r);
    }
    // Display form: `service error: unhandled error (ExpiredToken)`.
    for at in memchr::memmem::find_iter(text.as_bytes(), b"unhandled error (") {
        let code = token(&text[at + 17..], &[]);
        if let Some(c) = code_value(code) {
            let mut r = report(blk, at, at + 17 + code.len(), Sdk::Rust);
            r.code = Some(c);
            out.push(r);
        }
    }
}

// ---------------------------------------------------------------------------
// A known message with nothing else around it (`ServerlessError: Signature
// not yet current: …`, localized pastes).

fn message_only(blk: &Blk, out: &mut Vec<ErrorReport>) {
    let text = &blk.b.text;
    let hits: Vec<(usize, ErrorKind, &'static str)> = blk
        .hits(Table::Message)
        .map(|h| {
            let (_, k, l) = codes::MESSAGES[h.idx];
            (h.start, k, l)
        })
        .collect();
    let mut last_line_start = usize::MAX;
    for (at, kind, lang) in hits {
        if kind == ErrorKind::Imds {
            continue; // read by the IMDS recognizer
        }
        let ls = blk.line_start(at);
        // The first known message of a line stands for the line.
        if ls == last_line_start {
            continue;
        }
        last_line_start = ls;
        let le = blk.line_end(at);
        if le - ls > 8192 {
            continue;
        }
        let line = &text[ls..le];
        let rel = at - ls;
        let mut r = report(blk, at, le, Sdk::Unknown);
        // Keep a sentence start: `The security token …`, `El token …`.
        let start = line[..rel].rfind([':', '(', '"', '>']).map(|i| i + 1).unwrap_or(0);
        let full = line[start..].trim();
        r.message = Some(if full.len() > line[rel..].len() && full.len() - line[rel..].len() < 40 {
            clean_message(full)
        } else {
            clean_message(&line[rel..])
        });
        if lang != "en" {
            r.language = Some(lang);
        }
        out.push(r);
    }
}

// ---------------------------------------------------------------------------
// SDK hints from the block around the errors.

pub(crate) struct Markers {
    pub sdk: Sdk,
    /// A wrapper (Terraform, Hadoop S3A) that overrides the SDK it wraps.
    pub wrapper: Option<Sdk>,
    pub cli: Option<super::context::CliCommand>,
}

/// Lower-case text that reveals the client, in priority order.
pub(crate) const MARKERS: &[(&str, Sdk)] = &[
    ("org.apache.hadoop.fs.s3a", Sdk::HadoopS3a),
    ("registry.terraform.io", Sdk::Terraform),
    ("terraform aws provider", Sdk::Terraform),
    ("provider.aws:", Sdk::Terraform),
    ("provider \"aws\"", Sdk::Terraform),
    ("$ terraform ", Sdk::Terraform),
    ("software.amazon.awssdk", Sdk::JavaV2),
    ("com.amazonaws.", Sdk::JavaV1),
    ("credentialsprovidererror", Sdk::JsV3),
    ("nocredentialserror", Sdk::Python),
    ("aws: [error]", Sdk::AwsCli),
    (" - mainthread - ", Sdk::AwsCli),
    ("awscli.clidriver", Sdk::AwsCli),
    ("botocore.", Sdk::Python),
    ("boto3", Sdk::Python),
    ("node_modules/aws-sdk/", Sdk::JsV2),
    ("aws-sdk/lib/", Sdk::JsV2),
    ("@aws-sdk/", Sdk::JsV3),
    ("@smithy/", Sdk::JsV3),
    ("'$metadata'", Sdk::JsV3),
    ("$metadata:", Sdk::JsV3),
    ("aws-sdk-go-v2", Sdk::GoV2),
    ("github.com/aws/smithy-go", Sdk::GoV2),
    ("github.com/aws/aws-sdk-go/", Sdk::GoV1),
    ("amazon.runtime.", Sdk::Dotnet),
    ("amazon.powershell", Sdk::Powershell),
    ("guzzlehttp", Sdk::Php),
    ("aws\\s3\\exception", Sdk::Php),
    ("aws\\exception", Sdk::Php),
    ("seahorse/client", Sdk::Ruby),
    ("aws-sdk-core-", Sdk::Ruby),
    ("aws_sdk_", Sdk::Rust),
    ("aws_smithy_", Sdk::Rust),
    ("boto.exception", Sdk::Other),
    ("mws.amazonaws.com", Sdk::Other),
    ("serverlesserror", Sdk::Other),
    ("unable to parse exceptionname", Sdk::Other),
    ("aws-cpp-sdk", Sdk::Other),
    ("requests.exceptions", Sdk::Other),
    ("urllib.error", Sdk::Other),
];

impl Markers {
    pub fn of(blk: &Blk) -> Markers {
        // Which markers occur (at a place a marker can start), then apply them in table order.
        let mut present = vec![false; MARKERS.len()];
        for h in blk.hits(Table::Marker) {
            if !present[h.idx] && marker_start_ok(&blk.lower, h.start, MARKERS[h.idx].0) {
                present[h.idx] = true;
            }
        }
        let mut sdk = Sdk::Unknown;
        let mut wrapper = None;
        for (i, (_, s)) in MARKERS.iter().enumerate() {
            if present[i] {
                if matches!(s, Sdk::Terraform | Sdk::HadoopS3a) {
                    wrapper.get_or_insert(*s);
                } else if sdk == Sdk::Unknown || (sdk == Sdk::Other && *s != Sdk::Other) {
                    sdk = *s;
                }
            }
        }
        let cli = super::context::cli_command(&blk.b.text);
        if cli.as_ref().is_some_and(|c| c.tool == "terraform") {
            wrapper.get_or_insert(Sdk::Terraform);
        }
        Markers { sdk, wrapper, cli }
    }
}

/// The client a block shows, for observations that are not error reports.
pub(crate) fn block_sdk(blk: &Blk) -> Sdk {
    let m = blk.markers();
    if let Some(w) = m.wrapper {
        return w;
    }
    if m.sdk == Sdk::Unknown && m.cli.as_ref().is_some_and(|c| c.tool == "aws") {
        return Sdk::AwsCli;
    }
    m.sdk
}

/// Whether a marker found at `i` starts where a marker can: not inside a URL
/// path or a longer dotted name (`…/coral/com.amazonaws.sso.oidc/` is not Java).
fn marker_start_ok(lower: &str, i: usize, m: &str) -> bool {
    i == 0 || {
        let p = lower.as_bytes()[i - 1];
        // Path-like markers (`node_modules/aws-sdk/`) may sit anywhere.
        m.contains('/')
            || !m.as_bytes()[0].is_ascii_alphanumeric()
            || !(p == b'/' || p == b'.' || p.is_ascii_alphanumeric())
    }
}

/// Fills what a report's own text implies: times in its message, the SDK
/// from the block, service and region from a CLI command line.
fn finish(blk: &Blk, m: &Markers, r: &mut ErrorReport) {
    if let Some(msg) = r.message.clone() {
        signature_times(&msg, r);
    } else {
        // Some heads have their message elsewhere on the line.
        let line = blk.line_text_at(r.span.start);
        signature_times(line, r);
    }
    if let Some(w) = m.wrapper {
        r.sdk = w;
    } else if r.sdk == Sdk::Unknown || (r.sdk == Sdk::Other && m.sdk.rank() > Sdk::Other.rank()) {
        r.sdk = m.sdk;
    }
    if let Some(cli) = &m.cli {
        if cli.tool == "aws" {
            if r.sdk == Sdk::Unknown || (r.sdk == Sdk::Python && !blk.lower.contains("botocore")) {
                r.sdk = Sdk::AwsCli;
            }
            if r.sdk == Sdk::AwsCli {
                set(&mut r.service, cli.service.clone());
            }
        }
        set(&mut r.region, cli.region.clone());
    }
    if r.sdk == Sdk::Unknown && r.operation.is_some() && r.code.is_some() && blk.b.text.contains("An error occurred (")
    {
        // A bare botocore line is what the AWS CLI prints; boto3 prints a traceback.
        r.sdk = Sdk::AwsCli;
    }
}

/// Reads the times out of `Signature expired: A is now earlier than B (C - N min.)`,
/// `Signature not yet current: A is still later than B (C + N min.)`,
/// `Timestamp date is A`, `Request timestamp: A expired. It must be within 300 secs`.
pub(crate) fn signature_times(msg: &str, r: &mut ErrorReport) {
    let lower = msg.to_ascii_lowercase();
    for (head, mid) in
        [("signature expired:", "is now earlier than"), ("signature not yet current:", "is still later than")]
    {
        let Some(h) = lower.find(head) else {
            continue;
        };
        let s = skip_ws(&msg[h + head.len()..]);
        let Some(a) = time::compact_at(s).or_else(|| time::iso_at(s)) else {
            continue;
        };
        let after_a = &s[a.len..];
        let la = after_a.to_ascii_lowercase();
        let Some(m) = la.find(mid) else {
            continue;
        };
        let rest = &after_a[m + mid.len()..];
        let Some(open) = rest.find('(') else {
            continue;
        };
        let c_str = skip_ws(&rest[open + 1..]);
        let Some(c) = time::compact_at(c_str).or_else(|| time::iso_at(c_str)) else {
            continue;
        };
        set(&mut r.request_time, a.utc());
        set(&mut r.server_time, c.utc());
        let tail = &c_str[c.len..];
        let mins: String =
            tail.chars().skip_while(|ch| !ch.is_ascii_digit()).take_while(|ch| ch.is_ascii_digit()).collect();
        if let Ok(n) = mins.parse::<i64>() {
            if (1..=60).contains(&n) {
                set(&mut r.tolerance_seconds, Some(n * 60));
            }
        }
        return;
    }
    for head in ["timestamp date is ", "timestamp date: ", "request timestamp: ", "timestamp: "] {
        if let Some(h) = lower.find(head) {
            let s = &msg[h + head.len()..];
            if let Some(p) = time::any_at(s.trim_start()) {
                set(&mut r.request_time, p.utc());
                if lower.contains("within 300 secs") {
                    set(&mut r.tolerance_seconds, Some(300));
                }
                return;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Merging candidates into error reports.

fn compatible<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

fn absorb(into: &mut ErrorReport, from: ErrorReport) {
    set(&mut into.code, from.code);
    // A longer message wins, unless the one kept already names a known error.
    let longer = from.message.as_ref().is_some_and(|m| m.len() > into.message.as_ref().map_or(0, |x| x.len()));
    let known = into.message.as_deref().is_some_and(|m| codes::find_message(m).is_some());
    if from.message.is_some() && (into.message.is_none() || (longer && !known)) {
        into.message = from.message;
    }
    set(&mut into.service, from.service);
    set(&mut into.operation, from.operation);
    set(&mut into.status_code, from.status_code);
    set(&mut into.request_id, from.request_id);
    set(&mut into.region, from.region);
    set(&mut into.request_time, from.request_time);
    set(&mut into.server_time, from.server_time);
    set(&mut into.tolerance_seconds, from.tolerance_seconds);
    set(&mut into.language, from.language);
    if from.sdk.rank() > into.sdk.rank() {
        into.sdk = from.sdk;
    }
}

/// Joins candidates that describe the same error. Candidates come sorted by
/// position; reports with a code absorb nearby ones without a code. Every
/// search looks at a bounded window of lines, so dense logs stay linear.
pub(crate) fn merge(mut cands: Vec<ErrorReport>) -> Vec<ErrorReport> {
    const SAME_CODE_LINES: usize = 40;
    const ATTACH_LINES: usize = 6;
    sort_by_u64(&mut cands, |r| ((r.line as u64) << 36) | (r.span.start as u64).min((1 << 36) - 1));
    let (coded, plain): (Vec<_>, Vec<_>) = cands.into_iter().partition(|r| r.code.is_some());
    let mut merged: Vec<ErrorReport> = Vec::new();
    for r in coded {
        let near = merged.iter_mut().rev().take_while(|m| m.line + SAME_CODE_LINES >= r.line).find(|m| {
            m.code == r.code
                && compatible(&m.request_id, &r.request_id)
                && compatible(&m.status_code, &r.status_code)
                && compatible(&m.service, &r.service)
        });
        match near {
            Some(m) => absorb(m, r),
            None => merged.push(r),
        }
    }
    // `merged` is sorted by line: find each plain report's window by bisection.
    let mut lone: Vec<ErrorReport> = Vec::new();
    for r in plain {
        let rk = r.kind();
        let lo = merged.partition_point(|m| m.line + ATTACH_LINES < r.line);
        let hi = merged.partition_point(|m| m.line <= r.line + ATTACH_LINES);
        let best = merged[lo..hi]
            .iter_mut()
            .filter(|m| {
                let mk = m.kind();
                let kinds_ok = rk == ErrorKind::Other
                    || mk == rk
                    || (mk == ErrorKind::SignatureMismatch && rk == ErrorKind::ClockSkew)
                    || (mk == ErrorKind::RequestExpired && rk == ErrorKind::ClockSkew);
                kinds_ok && compatible(&m.request_id, &r.request_id) && compatible(&m.status_code, &r.status_code)
            })
            .min_by_key(|m| m.line.abs_diff(r.line));
        match best {
            Some(m) => absorb(m, r),
            None => {
                let same = lone.iter_mut().rev().take_while(|m| m.line + ATTACH_LINES >= r.line).find(|m| {
                    compatible(&m.request_id, &r.request_id)
                        && compatible(&m.status_code, &r.status_code)
                        && compatible(&m.service, &r.service)
                        && (m.kind() == rk || rk == ErrorKind::Other || m.kind() == ErrorKind::Other)
                });
                match same {
                    Some(m) => absorb(m, r),
                    None => lone.push(r),
                }
            }
        }
    }
    // A lone status line is not an error by itself; keep lone reports that say something.
    lone.retain(|r| {
        r.message.is_some() || r.request_id.is_some() || r.service.is_some() || r.status_code.is_some_and(|s| s >= 400)
    });
    merged.extend(lone);
    // Fold repeats of one error (same code, service, status, SDK, message) into the first.
    type Key = (Option<String>, Option<String>, Option<u16>, Sdk, Option<String>);
    let mut index: std::collections::HashMap<Key, usize> = std::collections::HashMap::new();
    let mut out: Vec<ErrorReport> = Vec::new();
    for r in merged {
        if r.code.is_none() {
            out.push(r);
            continue;
        }
        let key: Key = (r.code.clone(), r.service.clone(), r.status_code, r.sdk, r.message.clone());
        match index.get(&key) {
            Some(&i) => absorb(&mut out[i], r),
            None => {
                index.insert(key, out.len());
                out.push(r);
            }
        }
    }
    out
}
