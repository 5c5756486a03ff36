//! Credential documents: IMDS JSON, PowerShell `Invoke-RestMethod` lists,
//! `aws configure export-credentials`, STS output, environment dumps, the
//! shared credentials file, `aws configure list`.
//!
//! Secrets are never kept: a credential records only that a secret or token
//! was present, and the access key ID masked.

use super::objects::{self, Obj, Value};
use super::util::*;
use super::Blk;
use crate::model::{Context, CredFormat, Credential};
use crate::time::{self, Timestamp};

pub(crate) fn scan(blk: &Blk, ctx: &mut Context, out: &mut Vec<Credential>) {
    json_docs(blk, ctx, out);
    powershell_list(blk, out);
    env_vars(blk, out);
    credentials_file(blk, ctx, out);
    configure_list(blk, out);
}

fn parse_time(v: &str) -> Option<Timestamp> {
    let v = clean_value(v);
    let p = time::any_at(v)?;
    // PowerShell 7 prints UTC `[datetime]`s without a zone; IMDS never uses local time.
    Some(p.utc_assumed())
}

fn key_facts(c: &mut Credential, key: &str, value: &str) {
    match key.to_ascii_lowercase().as_str() {
        "code" => c.code = Some(clean_value(value).to_string()),
        "message" => c.message = Some(clean_message(value)),
        "type" => c.cred_type = Some(clean_value(value).to_string()),
        "accesskeyid" | "aws_access_key_id" => {
            let v = clean_value(value);
            if !v.is_empty() {
                c.set_access_key(v);
            }
        }
        "secretaccesskey" | "aws_secret_access_key" | "aws_secret_key" => c.has_secret = !clean_value(value).is_empty(),
        "token" | "sessiontoken" | "aws_session_token" | "aws_security_token" => {
            c.has_session_token = !clean_value(value).is_empty();
            if c.has_session_token && c.temporary.is_none() {
                c.temporary = Some(true);
            }
        }
        "lastupdated" => c.last_updated = parse_time(value),
        "expiration"
        | "aws_credential_expiration"
        | "aws_session_expiration"
        | "awsume_expiration"
        | "x_security_token_expires"
        | "aws_expiration"
        | "expiry" => c.expiration = parse_time(value),
        _ => {}
    }
}

const DOC_KEYS: &[&str] = &[
    "Code",
    "LastUpdated",
    "Type",
    "AccessKeyId",
    "SecretAccessKey",
    "Token",
    "SessionToken",
    "Expiration",
    "Message",
];

/// The IMDS URL (and so the role) shown within a few lines above `pos`.
fn role_above(blk: &Blk, pos: usize) -> Option<String> {
    let from = blk.lines_above(pos, 6);
    let seg = &blk.b.text[from..pos];
    let at = seg.rfind("/iam/security-credentials/")?;
    let role = token(&seg[at + 26..], b"+=,.@-");
    (!role.is_empty()).then(|| role.to_string())
}

fn json_docs(blk: &Blk, ctx: &mut Context, out: &mut Vec<Credential>) {
    let text = &blk.b.text;
    if !text.contains('{') {
        return;
    }
    let objs = objects::scan(text);
    for o in &objs {
        // `iam/info`: the instance profile, not a credential.
        if let Some(arn) = o.str_ci("InstanceProfileArn") {
            if let Some((_, _, _, _, res)) = super::context::parse_arn(arn) {
                if let Some(name) = res.rsplit('/').next() {
                    ctx.instance_profile.get_or_insert_with(|| name.to_string());
                }
            }
            continue;
        }
        let n = DOC_KEYS.iter().filter(|k| o.get_ci(k).is_some()).count();
        let has_anchor = ["AccessKeyId", "Expiration", "LastUpdated", "Code"].iter().any(|k| o.get_ci(k).is_some());
        if n < 2 || !has_anchor {
            continue;
        }
        // A JS error object has `code` too; credential documents have capitalised keys.
        if o.get("code").is_some() && o.get("Code").is_none() {
            continue;
        }
        let format = if o.get_ci("Version").is_some() {
            CredFormat::ExportProcess
        } else if o.get_ci("SessionToken").is_some() || parent_key(&objs, o) == Some("Credentials") {
            CredFormat::StsJson
        } else {
            CredFormat::ImdsJson
        };
        let end = o.end.min(text.len());
        let mut c = Credential::new(format, blk.span(o.start, end), blk.line(o.start));
        for p in &o.pairs {
            if let Value::Str(v) | Value::Bare(v) = &p.value {
                key_facts(&mut c, &p.key, v);
            }
        }
        if format == CredFormat::ImdsJson && c.temporary.is_none() && (c.has_session_token || c.code.is_some()) {
            c.temporary = Some(true);
        }
        c.role = role_above(blk, o.start);
        out.push(c);
    }
}

fn parent_key<'a>(objs: &'a [Obj], o: &Obj) -> Option<&'a str> {
    let parent = &objs[o.parent?];
    parent
        .pairs
        .iter()
        .find(|p| matches!(p.value, Value::Obj(i) if objs.get(i).is_some_and(|c| c.start == o.start)))
        .map(|p| p.key.as_str())
}

/// `Key : Value` lines as PowerShell's Format-List prints an object.
fn powershell_list(blk: &Blk, out: &mut Vec<Credential>) {
    let text = &blk.b.text;
    if !["expiration", "accesskeyid", "lastupdated"].iter().any(|k| blk.lower.contains(k)) {
        return;
    }
    let mut cur: Option<(Credential, usize)> = None;
    let flush = |cur: &mut Option<(Credential, usize)>, out: &mut Vec<Credential>| {
        if let Some((c, n)) = cur.take() {
            if n >= 2 {
                out.push(c);
            }
        }
    };
    for (ls, line) in lines(text) {
        let t = line.trim();
        let parsed = t.split_once(':').and_then(|(k, v)| {
            let k = k.trim_end();
            let spaced = t.as_bytes().get(k.len()) == Some(&b' ');
            (spaced && DOC_KEYS.iter().any(|d| d.eq_ignore_ascii_case(k))).then_some((k, v.trim()))
        });
        match parsed {
            Some((k, v)) => {
                // `"Code" : "Success"` is JSON, read elsewhere.
                if k.starts_with('"') {
                    continue;
                }
                let entry = cur.get_or_insert_with(|| {
                    (Credential::new(CredFormat::PowershellList, blk.span(ls, ls + line.len()), blk.line(ls)), 0)
                });
                key_facts(&mut entry.0, k, v);
                entry.1 += 1;
                entry.0.span = entry.0.span.cover(blk.span(ls, ls + line.len()));
            }
            None if t.is_empty() => flush(&mut cur, out),
            // A wrapped long token continues on the next line.
            None if line.starts_with(' ') && cur.is_some() => {}
            None => flush(&mut cur, out),
        }
    }
    flush(&mut cur, out);
}

/// `AWS_ACCESS_KEY_ID=…` lines (`env`, `export`, `$Env:`, `set`, fish `set -gx`).
fn env_vars(blk: &Blk, out: &mut Vec<Credential>) {
    if !blk.b.text.contains("AWS") {
        return;
    }
    const KEYS: &[&str] = &[
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
        "AWS_CREDENTIAL_EXPIRATION",
        "AWS_SESSION_EXPIRATION",
        "AWSUME_EXPIRATION",
    ];
    let text = &blk.b.text;
    let mut cred: Option<Credential> = None;
    let mut export_style = false;
    for (ls, line) in lines(text) {
        let t = line.trim_start();
        let (t, exp) = match t
            .strip_prefix("export ")
            .or_else(|| t.strip_prefix("$Env:"))
            .or_else(|| t.strip_prefix("$env:"))
            .or_else(|| t.strip_prefix("set -gx "))
        {
            Some(r) => (r, true),
            None => (t.strip_prefix("set ").unwrap_or(t), false),
        };
        let name = token(t, &[]);
        if !KEYS.contains(&name) {
            continue;
        }
        let rest = t[name.len()..].trim_start();
        let value = rest.strip_prefix('=').unwrap_or(rest);
        let c = cred
            .get_or_insert_with(|| Credential::new(CredFormat::EnvDump, blk.span(ls, ls + line.len()), blk.line(ls)));
        c.span = c.span.cover(blk.span(ls, ls + line.len()));
        key_facts(c, name, value);
        export_style |= exp;
    }
    if let Some(mut c) = cred {
        if export_style {
            c.format = CredFormat::ExportEnv;
        }
        c.origin = Some("env".to_string());
        out.push(c);
    }
}

/// The shared credentials file: `[profile]` sections with `aws_*` keys.
fn credentials_file(blk: &Blk, ctx: &mut Context, out: &mut Vec<Credential>) {
    if !blk.lower.contains("aws_") && !blk.lower.contains("x_security_token_expires") {
        return;
    }
    let text = &blk.b.text;
    let mut cur: Option<(String, Credential, usize)> = None;
    let finish = |cur: &mut Option<(String, Credential, usize)>, out: &mut Vec<Credential>, ctx: &mut Context| {
        if let Some((name, mut c, n)) = cur.take() {
            if n > 0 {
                if c.has_session_token && !ctx.token_profiles.contains(&name) {
                    ctx.token_profiles.push(name.clone());
                }
                c.profile = Some(name);
                out.push(c);
            }
        }
    };
    for (ls, line) in lines(text) {
        let t = line.trim();
        if t.starts_with('[') && t.ends_with(']') && t.len() > 2 {
            finish(&mut cur, out, ctx);
            let name = t[1..t.len() - 1].trim().trim_start_matches("profile ").trim();
            cur = Some((
                name.to_string(),
                Credential::new(CredFormat::CredentialsFile, blk.span(ls, ls + line.len()), blk.line(ls)),
                0,
            ));
            continue;
        }
        let Some((k, v)) = t.split_once('=') else {
            continue;
        };
        let k = k.trim().to_ascii_lowercase();
        if let Some((_, c, n)) = cur.as_mut() {
            if k.starts_with("aws_") || k == "x_security_token_expires" || k == "expiration" {
                key_facts(c, &k, v);
                c.span = c.span.cover(blk.span(ls, ls + line.len()));
                c.origin = Some("shared-credentials-file".to_string());
                *n += 1;
            }
        }
    }
    finish(&mut cur, out, ctx);
}

/// `aws configure list`, both the old right-aligned table and the 2.31+ ` : ` table.
fn configure_list(blk: &Blk, out: &mut Vec<Credential>) {
    if !blk.lower.contains("access_key") {
        return;
    }
    let text = &blk.b.text;
    let mut cred: Option<Credential> = None;
    let mut profile: Option<String> = None;
    for (ls, line) in lines(text) {
        // `<not set>` holds a space: keep it one column in the old whitespace-aligned table.
        let t = line.trim().replace("<not set>", "<not-set>");
        let cols: Vec<&str> = if t.contains(" : ") {
            // An empty LOCATION leaves the line ending in ` :`.
            t.split(" : ").map(|c| c.trim().trim_end_matches(" :").trim()).collect()
        } else {
            t.split_whitespace().collect()
        };
        if cols.len() < 3 {
            continue;
        }
        match cols[0] {
            "profile" => profile = Some(cols[1].to_string()).filter(|p| p != "<not-set>"),
            "access_key" => {
                let mut c = Credential::new(CredFormat::ConfigureList, blk.span(ls, ls + line.len()), blk.line(ls));
                if cols[1] != "<not-set>" {
                    let last4: String = cols[1].trim_start_matches('*').chars().collect();
                    c.access_key_id = Some(format!("****{last4}"));
                }
                let origin = cols[2];
                if origin != "None" {
                    c.origin = Some(origin.to_string());
                }
                // Roles, SSO and the instance profile hand out temporary keys.
                c.temporary = match origin {
                    "iam-role"
                    | "assume-role"
                    | "assume-role-with-web-identity"
                    | "sso"
                    | "container-role"
                    | "login" => Some(true),
                    _ => None,
                };
                cred = Some(c);
            }
            "secret_key" => {
                if let Some(c) = cred.as_mut() {
                    c.has_secret = cols[1] != "<not-set>";
                    c.span = c.span.cover(blk.span(ls, ls + line.len()));
                }
            }
            _ => {}
        }
    }
    if let Some(mut c) = cred {
        c.profile = profile;
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::CredFormat;
    use crate::time::parse_instant;

    fn creds(text: &str) -> Vec<crate::model::Credential> {
        crate::analyze(text, parse_instant("2026-11-28T12:00:00Z").unwrap()).credentials
    }

    #[test]
    fn configure_list_old_and_new_tables() {
        let old = "      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n   profile                <not set>             None    None\naccess_key     ****************ABCD         iam-role    \nsecret_key     ****************EFGH         iam-role    \n    region                us-west-2              env    AWS_DEFAULT_REGION\n";
        let c = creds(old);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].format, CredFormat::ConfigureList);
        assert_eq!(c[0].access_key_id.as_deref(), Some("****ABCD"));
        assert_eq!(c[0].origin.as_deref(), Some("iam-role"));
        assert_eq!(c[0].temporary, Some(true));
        assert_eq!(c[0].profile, None);

        let unset = "access_key                <not set>             None    None\nsecret_key                <not set>             None    None\n";
        let c = creds(unset);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].access_key_id, None);
        assert_eq!(c[0].origin, None);

        let new = "NAME       : VALUE                    : TYPE             : LOCATION\nprofile    : dev                      : env              : AWS_PROFILE\naccess_key : ****************WXYZ     : shared-credentials-file :\nsecret_key : ****************ABCD     : shared-credentials-file :\n";
        let c = creds(new);
        assert_eq!(c[0].access_key_id.as_deref(), Some("****WXYZ"));
        assert_eq!(c[0].origin.as_deref(), Some("shared-credentials-file"));
        assert_eq!(c[0].profile.as_deref(), Some("dev"));
    }

    #[test]
    fn imds_document_under_its_curl_line() {
        let text = "$ curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/web-app-role\n{\"Code\":\"Success\",\"LastUpdated\":\"2026-11-28T03:39:16Z\",\"Type\":\"AWS-HMAC\",\"AccessKeyId\":\"ASIAQWERTYUIOPASDFGH\",\"SecretAccessKey\":\"abc\",\"Token\":\"def\",\"Expiration\":\"2026-11-28T09:47:16Z\"}\n";
        let c = creds(text);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].format, CredFormat::ImdsJson);
        assert_eq!(c[0].role.as_deref(), Some("web-app-role"));
        assert_eq!(c[0].access_key_id.as_deref(), Some("ASIA************DFGH"));
        assert_eq!(c[0].temporary, Some(true));
        assert!(c[0].has_secret && c[0].has_session_token);
        assert_eq!(c[0].lifetime_seconds(), Some(6 * 3600 + 8 * 60));
        assert_eq!(c[0].line, 2);
    }

    #[test]
    fn credentials_file_profiles_with_tokens() {
        let text = "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = x\n\n[temp]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = y\naws_session_token = z\nx_security_token_expires = 2026-11-28T11:00:00Z\n";
        let r = crate::analyze(text, parse_instant("2026-11-28T12:00:00Z").unwrap());
        assert_eq!(r.context.token_profiles, vec!["temp".to_string()]);
        let temp = r.credentials.iter().find(|c| c.profile.as_deref() == Some("temp")).unwrap();
        assert!(temp.has_session_token);
        assert_eq!(temp.temporary, Some(true));
        assert!(temp.expiration.is_some());
        assert!(r.has("profile_session_token"));
    }
}
