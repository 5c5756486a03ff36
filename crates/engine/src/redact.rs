//! Keeping secrets out of everything the tool shows or shares.
//!
//! `redact` rewrites a text so it can go into a report or a link: secret
//! keys, session tokens, signatures and IMDSv2 tokens become `[REDACTED]`,
//! access key IDs keep only their first and last four characters.

/// `ASIAXXXXXXXXXXXXWXYZ` → `ASIA************WXYZ`.
pub fn mask_key(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() <= 8 {
        return "*".repeat(chars.len());
    }
    let mut out: String = chars[..4].iter().collect();
    out.push_str(&"*".repeat(chars.len() - 8));
    out.extend(&chars[chars.len() - 4..]);
    out
}

/// Hides the user and password of a URL (`http://u:p@proxy:3128` → `http://***@proxy:3128`).
pub fn redact_url(url: &str) -> String {
    if let Some(scheme_end) = url.find("://") {
        let rest = &url[scheme_end + 3..];
        let host_end = rest.find('/').unwrap_or(rest.len());
        if let Some(at) = rest[..host_end].rfind('@') {
            return format!("{}***@{}", &url[..scheme_end + 3], &rest[at + 1..]);
        }
    }
    url.to_string()
}

/// Names (lower-case) whose values are secrets.
const SECRET_KEYS: &[&str] = &[
    "secretaccesskey",
    "secret_access_key",
    "aws_secret_access_key",
    "aws_secret_key",
    "secretkey",
    "aws.secretkey",
    "aws.secretaccesskey",
    "token",
    "sessiontoken",
    "session_token",
    "aws_session_token",
    "aws_security_token",
    "aws.sessiontoken",
    "securitytoken",
    "x-amz-security-token",
    "x-aws-ec2-metadata-token",
    "x-amz-signature",
    "signature",
    "aws_container_authorization_token",
    "authorization",
    "password",
    "token-0",
];

pub const REDACTED: &str = "[REDACTED]";

fn is_secret_key(name: &str) -> bool {
    let n = name.trim_matches(|c: char| c == '"' || c == '\'' || c == '$' || c.is_whitespace());
    let lower = n.to_ascii_lowercase();
    let n = lower.strip_prefix("env:").unwrap_or(&lower);
    let n = n.strip_prefix("-d").unwrap_or(n);
    SECRET_KEYS.iter().any(|k| n.eq_ignore_ascii_case(k))
}

fn is_key_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'$' | b':')
}

/// Redacts secrets in `text` (see the module docs).
pub fn redact(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        let c = b[i];
        // `name<sep>value` where name is a secret key and sep is `=`, `:`, ` : `, `">`.
        if matches!(c, b'=' | b':' | b'>') {
            let mut k_end = i;
            // `"Token" : "…"`: step back over the closing quote and spaces.
            while k_end > 0 && matches!(b[k_end - 1], b' ' | b'\t' | b'"' | b'\'') {
                k_end -= 1;
            }
            let mut k_start = k_end;
            while k_start > 0 && is_key_char(b[k_start - 1]) {
                k_start -= 1;
            }
            let name = &text[k_start..k_end];
            let xml = c == b'>' && k_start > 0 && b[k_start - 1] == b'<';
            let name_ok = if c == b'>' {
                xml && is_secret_key(name)
            } else {
                is_secret_key(name.rsplit(':').next().unwrap_or(name))
            };
            if name_ok && !name.is_empty() {
                let mut v = i + 1;
                while v < b.len() && matches!(b[v], b' ' | b'\t') {
                    v += 1;
                }
                let quote = b.get(v).copied().filter(|q| matches!(q, b'"' | b'\''));
                if quote.is_some() {
                    v += 1;
                }
                let mut e = v;
                while e < b.len() {
                    let ch = b[e];
                    let stop = match quote {
                        Some(q) => ch == q || ch == b'\n',
                        None if xml => ch == b'<' || ch == b'\n',
                        None => {
                            matches!(ch, b' ' | b'\t' | b'\n' | b'\r' | b',' | b';' | b'&' | b'"' | b'\'' | b'}' | b')')
                        }
                    };
                    if stop {
                        break;
                    }
                    e += 1;
                }
                // `Authorization: AWS4-HMAC-SHA256 Credential=…, Signature=…` has its own keys.
                let value = &text[v..e];
                if e > v
                    && !value.starts_with(REDACTED)
                    && !value.eq_ignore_ascii_case("aws4-hmac-sha256")
                    && value != "null"
                {
                    out.push_str(&text[copied..v]);
                    out.push_str(REDACTED);
                    copied = e;
                    i = e;
                    continue;
                }
            }
        }
        // Access key IDs anywhere: AKIA/ASIA + 16 upper-case alphanumerics.
        if (c == b'A')
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && (text[i..].starts_with("AKIA") || text[i..].starts_with("ASIA"))
        {
            let n = b[i..].iter().take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit()).count();
            if n == 20 {
                out.push_str(&text[copied..i]);
                out.push_str(&mask_key(&text[i..i + 20]));
                copied = i + 20;
                i += 20;
                continue;
            }
        }
        // Session tokens pasted on their own (`IQoJb3JpZ2luX2Vj…`, `FQoGZXIvYXdz…`).
        if (c == b'I' || c == b'F')
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && (text[i..].starts_with("IQoJb3JpZ2lu")
                || text[i..].starts_with("FQoGZXIvYXdz")
                || text[i..].starts_with("FwoGZXIvYXdz"))
        {
            let n = b[i..].iter().take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'=')).count();
            out.push_str(&text[copied..i]);
            out.push_str(REDACTED);
            copied = i + n;
            i += n;
            continue;
        }
        i += 1;
        while i < b.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keys() {
        assert_eq!(mask_key("ASIAIOSFODNN7EXAMPLE"), "ASIA************MPLE");
        assert_eq!(mask_key("short"), "*****");
    }

    #[test]
    fn redacts_every_shape() {
        let cases = [
            (
                "\"SecretAccessKey\" : \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",",
                "\"SecretAccessKey\" : \"[REDACTED]\",",
            ),
            ("\"Token\":\"IQoJb3JpZ2luX2VjEAB+/=\"}", "\"Token\":\"[REDACTED]\"}"),
            ("aws_session_token = FwoGZXIvYXdzEBAaDH", "aws_session_token = [REDACTED]"),
            ("export AWS_SECRET_ACCESS_KEY=abc/def+ghi", "export AWS_SECRET_ACCESS_KEY=[REDACTED]"),
            ("$Env:AWS_SESSION_TOKEN=\"tok\"", "$Env:AWS_SESSION_TOKEN=\"[REDACTED]\""),
            ("SecretAccessKey : abcdef", "SecretAccessKey : [REDACTED]"),
            ("<Token-0>AQoDYXdz</Token-0>", "<Token-0>[REDACTED]</Token-0>"),
            (
                "X-Amz-Security-Token=FQo&X-Amz-Signature=abc",
                "X-Amz-Security-Token=[REDACTED]&X-Amz-Signature=[REDACTED]",
            ),
            ("-H \"X-aws-ec2-metadata-token: AQAEAF\"", "-H \"X-aws-ec2-metadata-token: [REDACTED]\""),
            ("key ASIAIOSFODNN7EXAMPLE used", "key ASIA************MPLE used"),
            (
                "-Daws.secretKey=s3cr3t -Daws.accessKeyId=AKIAIOSFODNN7EXAMPLE",
                "-Daws.secretKey=[REDACTED] -Daws.accessKeyId=AKIA************MPLE",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(redact(input), want, "{input}");
        }
    }

    #[test]
    fn leaves_ordinary_text() {
        let s = "The security token included in the request is expired (Status Code: 403)";
        assert_eq!(redact(s), s);
        assert_eq!(redact("\"Token\" : \"[REDACTED]\""), "\"Token\" : \"[REDACTED]\"");
    }

    #[test]
    fn urls() {
        assert_eq!(redact_url("http://user:pw@proxy:3128/"), "http://***@proxy:3128/");
        assert_eq!(redact_url("http://proxy:3128"), "http://proxy:3128");
    }
}
