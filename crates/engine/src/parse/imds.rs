//! Failures between a client and the instance metadata service: HTTP
//! 401/403/404/405/429 from 169.254.169.254, timeouts, SDK messages that
//! say instance credentials could not be had or were extended past expiry.

use super::util::*;
use super::Blk;
use super::Table;
use crate::model::{ImdsEvent, ImdsKind, Sdk};

/// SDK messages and what they mean.
pub(crate) const MESSAGES: &[(&str, ImdsKind)] = &[
    ("unable to get iam security credentials from ec2 instance metadata service", ImdsKind::NoCredentials),
    ("failed to retrieve credentials from ec2 instance metadata service", ImdsKind::NoCredentials),
    ("unable to get ec2 instance role from ec2 instance metadata service", ImdsKind::NotFound),
    ("unable to load credentials from any of the providers in the chain", ImdsKind::NoCredentialsAnywhere),
    ("unable to load aws credentials from any provider in the chain", ImdsKind::NoCredentialsAnywhere),
    ("failed to load credentials from imds", ImdsKind::NoCredentials),
    ("unable to locate credentials", ImdsKind::NoCredentialsAnywhere),
    ("could not load credentials from any providers", ImdsKind::NoCredentialsAnywhere),
    ("no valid credential sources found", ImdsKind::NoCredentialsAnywhere),
    ("no ec2 imds role found", ImdsKind::NotFound),
    ("ec2 imds role credentials", ImdsKind::NoCredentials),
    ("unable to connect to instance metadata service", ImdsKind::Timeout),
    ("timeouterror from instance metadata service", ImdsKind::Timeout),
    ("error response received from instance metadata service", ImdsKind::NoCredentials),
    ("attempting credential expiration extension", ImdsKind::ExpiredExtended),
    ("imds credential expiration has been extended", ImdsKind::ExpiredExtended),
    ("aws_ec2_metadata_disabled is set", ImdsKind::Disabled),
    ("imds credentials have been disabled", ImdsKind::Disabled),
    ("unable to retrieve token for use in imdsv2 call and imdsv1 has been disabled", ImdsKind::V1Blocked),
    ("v1 fallback has been blocked", ImdsKind::V1Blocked),
    ("unable to fetch metadata token", ImdsKind::Timeout),
    ("ec2 metadata token request returned error", ImdsKind::Forbidden),
];

/// A status code on a line, in the forms HTTP clients print.
fn status_in(line: &str) -> Option<u16> {
    let lower = line.to_ascii_lowercase();
    for pat in [
        "http/1.1 ",
        "http/1.0 ",
        "http/2 ",
        "status code: ",
        "status code ",
        "statuscode: ",
        "status=",
        "status: ",
        "http error ",
        "response status code ",
    ] {
        if let Some(i) = lower.find(pat) {
            if let Some(s) = status_at(skip_ws(&line[i + pat.len()..])) {
                return Some(s);
            }
        }
    }
    // `401 Client Error`, `404 - Not Found`, `(404) Not Found`, `: 429 Too Many Requests`.
    let b = line.as_bytes();
    for i in 0..b.len().saturating_sub(2) {
        if (i == 0 || !b[i - 1].is_ascii_alphanumeric()) && matches!(b[i], b'4') {
            if let Some(s) = status_at(&line[i..]) {
                let after = &lower[i + 3..];
                let ok = [
                    " client error",
                    " - not found",
                    " not found",
                    " unauthorized",
                    " forbidden",
                    ") not found",
                    ") unauthorized",
                    ") forbidden",
                    " too many requests",
                    " method not allowed",
                    ")",
                ]
                .iter()
                .any(|p| after.starts_with(p));
                if ok && ImdsKind::from_status(s).is_some() {
                    return Some(s);
                }
            }
        }
    }
    None
}

fn imds_path(line: &str) -> Option<String> {
    let i = line.find("/latest/")?;
    let p = token(&line[i..], b"/-.");
    Some(p.to_string())
}

pub(crate) fn scan(blk: &Blk, out: &mut Vec<ImdsEvent>) {
    let start = out.len();
    scan_events(blk, out);
    if out.len() > start {
        let sdk = super::errors::block_sdk(blk);
        for e in &mut out[start..] {
            e.sdk = sdk;
        }
    }
}

fn scan_events(blk: &Blk, out: &mut Vec<ImdsEvent>) {
    let text = &blk.b.text;
    let all: Vec<(usize, &str)> = lines(text).collect();
    let msg_hits: Vec<(usize, ImdsKind)> = blk.hits(Table::Imds).map(|h| (h.start, MESSAGES[h.idx].1)).collect();
    let mut mh = 0;
    let mut last_imds_line: Option<usize> = None;
    let imds_mentioned = [
        "169.254.169.254",
        "fd00:ec2::254",
        "/latest/meta-data",
        "/latest/api/token",
        "instance metadata",
        "assumeroleunauthorizedaccess",
    ]
    .iter()
    .any(|p| blk.lower.contains(p));
    for (k, &(ls, line)) in all.iter().enumerate() {
        let lower = &blk.lower[ls..ls + line.len()];
        let mut push = |kind: ImdsKind, status: Option<u16>, path: Option<String>| {
            // Events of one line come together: only the tail needs checking.
            if !out.iter().rev().take_while(|e| e.line == blk.line(ls)).any(|e| e.kind == kind) {
                out.push(ImdsEvent {
                    kind,
                    status,
                    path,
                    sdk: Sdk::Unknown,
                    span: blk.span(ls, ls + line.len()),
                    line: blk.line(ls),
                });
            }
        };
        while mh < msg_hits.len() && msg_hits[mh].0 < ls + line.len() {
            if msg_hits[mh].0 >= ls {
                push(msg_hits[mh].1, None, None);
            }
            mh += 1;
        }
        if !imds_mentioned {
            continue;
        }
        let mentions_imds = lower.contains("169.254.169.254")
            || lower.contains("fd00:ec2::254")
            || lower.contains("/latest/meta-data")
            || lower.contains("/latest/api/token")
            || lower.contains("instance metadata");
        if mentions_imds {
            last_imds_line = Some(k);
        }
        // A timeout is printed on the URL's line, or by curl on the line
        // after its command (`curl: (28) Connection timed out after 1001 ms`).
        let timeout = [
            "timed out",
            "timeout",
            "connection refused",
            "failed to connect",
            "no route to host",
            "network is unreachable",
            "connecttimeout",
            "read timeout",
            "could not connect",
            "econnrefused",
            "ehostunreach",
            "etimedout",
        ]
        .iter()
        .any(|p| lower.contains(p));
        if timeout {
            if let Some(at) = last_imds_line.filter(|&at| k - at <= 2) {
                push(ImdsKind::Timeout, None, imds_path(all[at].1));
            }
        }
        // The status may be on the line of the URL, or a few lines below it
        // (`curl -i`, a traceback's last line).
        if mentions_imds {
            let mut status = status_in(line);
            if status.is_none() {
                // `curl` prints an HTML error page: its title comes a few lines down.
                for (_, next) in all.iter().skip(k + 1).take(12) {
                    if next.to_ascii_lowercase().contains("169.254.") || super::context::strip_prompt(next).is_some() {
                        break;
                    }
                    if let Some(s) = status_in(next) {
                        status = Some(s);
                        break;
                    }
                }
            }
            if let Some(kind) = status.and_then(ImdsKind::from_status) {
                push(kind, status, imds_path(line));
            }
        }
        if lower.contains("assumeroleunauthorizedaccess") {
            push(ImdsKind::AssumeRoleFailed, None, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<ImdsKind> {
        let now = crate::time::parse_instant("2026-11-28T12:00:00Z").unwrap();
        crate::analyze(text, now).imds.iter().map(|e| e.kind).collect()
    }

    #[test]
    fn failures_and_warnings() {
        let cases: &[(&str, ImdsKind)] = &[
            ("$ curl -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600'\ncurl: (28) Connection timed out after 1001 milliseconds", ImdsKind::Timeout),
            ("Failed to connect to 169.254.169.254 port 80: Connection refused", ImdsKind::Timeout),
            ("HTTP/1.1 401 Unauthorized for http://169.254.169.254/latest/meta-data/iam/security-credentials/", ImdsKind::Unauthorized),
            ("$ curl -i http://169.254.169.254/latest/meta-data/\nHTTP/1.1 403 Forbidden", ImdsKind::Forbidden),
            ("Failed to fetch ec2 uri http://169.254.169.254/latest/meta-data/: 429 Too Many Requests", ImdsKind::Throttled),
            ("WARN Attempting credential expiration extension due to a credential service availability issue. A refresh of these credentials will be attempted again in 5 minutes.", ImdsKind::ExpiredExtended),
            ("IMDS credential expiration has been extended due to an IMDS availability outage.", ImdsKind::ExpiredExtended),
            ("AWS_EC2_METADATA_DISABLED is set to true, not loading credentials from EC2 Instance Metadata service", ImdsKind::Disabled),
            ("Unable to locate credentials. You can configure credentials by running \"aws configure\".", ImdsKind::NoCredentialsAnywhere),
            ("Unable to retrieve token for use in IMDSv2 call and IMDSv1 has been disabled", ImdsKind::V1Blocked),
            ("Amazon.Runtime.AmazonServiceException: Unable to get IAM security credentials from EC2 Instance Metadata Service.", ImdsKind::NoCredentials),
        ];
        for (text, want) in cases {
            assert!(kinds(text).contains(want), "{text:?} → {:?}", kinds(text));
        }
        assert!(kinds("took 401 ms to render the page").is_empty());
        // A timeout far from any IMDS address is someone else's.
        assert!(kinds("GET http://169.254.169.254/latest/meta-data/ 200\na\nb\nc\nupstream request timeout").is_empty());
    }

    #[test]
    fn statuses() {
        assert_eq!(
            status_in(
                "requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: http://169.254.169.254/x"
            ),
            Some(401)
        );
        assert_eq!(status_in("HTTP/1.1 404 Not Found"), Some(404));
        assert_eq!(status_in("<title>404 - Not Found</title>"), Some(404));
        assert_eq!(
            status_in("Failed to fetch ec2 uri http://169.254.169.254/latest/meta-data/: 429 Too Many Requests"),
            Some(429)
        );
        assert_eq!(status_in("took 401 ms"), None);
    }
}
