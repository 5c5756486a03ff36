//! The instance collector: one read-only script the user runs on the
//! instance, and the reader for what it prints.
//!
//! API contract (the web app and the CLI rely on it): `script(shell)` returns
//! the whole script text, the same for the app and `tokendoctor collector
//! --shell …`; `scan` reads the collector blocks found in a paste into the
//! observations (called by `parse` for every block); `CollectorInfo` says
//! which block was read and whether it was whole.
//!
//! # Output format (version 1)
//!
//! One block of `key: value` lines between two markers:
//!
//! ```text
//! === tokendoctor collector v1 begin ===
//! collector_shell: bash 5.2.15(1)-release
//! date_utc: 2026-11-28T12:35:56Z
//! epoch: 1795869356
//! imds_token_status: 200            (an HTTP status, or timeout/refused/…)
//! imds_date: Sat, 28 Nov 2026 12:55:56 GMT
//! imds_date_epoch: 1795869356       (the local clock when that answer came)
//! role: my-role
//! cred_secret_access_key: <redacted len=40>
//! chrony: System time     : 0.000000626 seconds slow of NTP time
//! env: AWS_SESSION_TOKEN=<redacted len=1100>
//! skipped: chronyc tracking (chronyc not installed)
//! === tokendoctor collector v1 end ===
//! ```
//!
//! Keys are in `FIELDS`. Four keys carry a tool's own output line
//! (`chrony`, `timedatectl`, `w32tm`, `aws_configure_list`, see `RAW_KEYS`).
//! The reader finds a block even when cut short (no end marker, or no begin
//! marker: `complete` is then false), quoted or prefixed (`> `, `| `, a log
//! prefix of fixed width), with CRLF line ends or lines missing.
//!
//! # How a block is read
//!
//! `scan` turns the fields into observations: a `ClockEvidence` from
//! `ClockSource::Collector` (the local clock against the `Date:` header of
//! IMDS, which the EC2 host keeps on AWS time, or else of STS), a
//! `Credential` in `CredFormat::Collector` from the masked credential
//! document, `ImdsEvent`s for failures that keep the SDKs from instance
//! credentials, and the `Context` (role, instance, region, variables, JVM
//! properties, profiles, proxies, shell). `hide` then blanks the block for
//! the generic recognizers so nothing is counted twice, except the raw tool
//! lines, which they read as usual (chronyc, timedatectl, w32tm, `aws
//! configure list`) at their original offsets.
//!
//! IMDS events follow what an SDK would get: no answer to either the token
//! or IMDSv1 is a timeout (`imds_unreachable`); no token with IMDSv1 refused
//! (401) is `V1Blocked`; a role listing or document refused (404, 401, 403,
//! 429) is its kind; `AWS_EC2_METADATA_DISABLED=true` is `Disabled`. A token
//! that times out while IMDSv1 serves the credentials is not an event (the
//! SDKs fall back; `imds_v2` is then false): diagnosis ranks any IMDS event
//! above a measured clock skew, and this one does not stop the credentials.
//!
//! # Limits
//!
//! The bash script needs curl for its network probes (without it, it says
//! so and still reads the clock, tools, variables and files); local tools
//! are bounded with coreutils `timeout` where it exists. The PowerShell
//! script bounds its network calls (`-TimeoutSec 2`) but not `w32tm` or the
//! AWS CLI. `w32tm` prints localized text on non-English Windows.
//!
//! # What the script prints and what it never prints
//!
//! Secrets are masked on the instance, before anything is printed: the
//! credential document's `SecretAccessKey` and `Token` become `<redacted
//! len=N>` (it is read field by field; nothing else of it is printed);
//! `AWS_*` variables are printed with their value only when it is harmless
//! (`SHOWN_ENV`: region, profile, endpoints, IMDS settings, expiry times,
//! file paths, role ARN; proxies without user:password), `AWS_ACCESS_KEY_ID`
//! as its first and last 4 characters, every other value as its length;
//! profile files as section and key names; JVMs as `-Daws.*` names; the
//! secret key column of `aws configure list` (whose last 4 characters are
//! the secret's) as `<redacted>`.

use crate::commands::Shell;
use crate::model::{ClockEvidence, ClockSource, CredFormat, Credential, ImdsEvent, ImdsKind, RefTime, Sdk};
use crate::parse::util::{is_region, lines};
use crate::parse::{is_instance_id, parse_arn, Blk, Observations};
use crate::redact::redact_url;
use crate::text::Span;
use crate::time::{self, Timestamp};

/// Version written in the collector's markers.
pub const VERSION: &str = "1";

/// A collector block found in the paste.
#[derive(Clone, Debug, PartialEq)]
pub struct CollectorInfo {
    pub version: String,
    /// Whether both markers were seen.
    pub complete: bool,
    pub span: Span,
    /// Line of the block's first line in the paste.
    pub line: usize,
}

/// The collector script for `shell`.
pub fn script(shell: Shell) -> String {
    let (text, shown) = match shell {
        Shell::Bash => (BASH, shown_env_bash()),
        Shell::PowerShell => (POWERSHELL, shown_env_regex()),
    };
    text.replace("@VERSION@", VERSION).replace("@SHOWN_ENV@", &shown)
}

/// Variables whose values the collector prints as they are (URLs without
/// their user:password): harmless, and they answer questions (which region,
/// profile and endpoints, IMDS settings, when env credentials expire). A
/// trailing `*` makes a prefix. Every other `AWS_*` value is printed as its
/// length only, and `AWS_ACCESS_KEY_ID` masked.
pub const SHOWN_ENV: &[&str] = &[
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_EC2_METADATA_DISABLED",
    "AWS_EC2_METADATA_V1_DISABLED",
    "AWS_EC2_METADATA_SERVICE_ENDPOINT",
    "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
    "AWS_IMDS_USE_IPV6",
    "AWS_METADATA_SERVICE_TIMEOUT",
    "AWS_METADATA_SERVICE_NUM_ATTEMPTS",
    "AWS_CONFIG_FILE",
    "AWS_SHARED_CREDENTIALS_FILE",
    "AWS_CREDENTIAL_PROFILES_FILE",
    "AWS_SDK_LOAD_CONFIG",
    "AWS_STS_REGIONAL_ENDPOINTS",
    "AWS_CREDENTIAL_EXPIRATION",
    "AWS_SESSION_EXPIRATION",
    "AWS_ROLE_ARN",
    "AWS_ROLE_SESSION_NAME",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_RETRY_MODE",
    "AWS_MAX_ATTEMPTS",
    "AWS_USE_FIPS_ENDPOINT",
    "AWS_USE_DUALSTACK_ENDPOINT",
    "AWS_CA_BUNDLE",
    "AWS_EXECUTION_ENV",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_*",
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "NO_PROXY",
    "ALL_PROXY",
];

/// `SHOWN_ENV` as a bash `case` pattern, a few names a line (proxies in both
/// cases, as curl reads them).
fn shown_env_bash() -> String {
    let mut v: Vec<String> = Vec::new();
    for n in SHOWN_ENV {
        v.push(n.to_string());
        if n.ends_with("_PROXY") {
            v.push(n.to_ascii_lowercase());
        }
    }
    v.chunks(3).map(|c| c.join(" | ")).collect::<Vec<_>>().join(" | \\\n    ")
}

/// `SHOWN_ENV` as PowerShell regex alternatives, one quoted string each, a
/// few a line (`-match` ignores case).
fn shown_env_regex() -> String {
    let quoted: Vec<String> = SHOWN_ENV.iter().map(|n| format!("'{}'", n.replace('*', ".*"))).collect();
    quoted.chunks(3).map(|c| format!("  {}", c.join(", "))).collect::<Vec<_>>().join(",\n")
}

/// Every key the collector prints (both shells), in print order.
pub const FIELDS: &[&str] = &[
    // Who ran it: `bash 5.2…` or `powershell 5.1…`, the OS, root (bash) or
    // administrator (PowerShell): yes/no.
    "collector_shell",
    "os",
    "root",
    "admin",
    // The local clock: `2026-11-28T12:35:56Z`, epoch seconds, zone and offset.
    "date_utc",
    "epoch",
    "tz",
    // IMDS (user:password hidden): the IMDSv2 token PUT and an IMDSv1 GET,
    // each an HTTP status or timeout/refused/dns/unreachable/error-N/no-curl;
    // the Date header of the first answer, with the local epoch when it came.
    "imds_endpoint",
    "imds_token_status",
    "imds_v1_status",
    "imds_date",
    "imds_date_epoch",
    // Paths asked with the token (or without, if none): role listing,
    // `iam/info` fields, instance ID, region (or the status when not 200).
    "role_status",
    "role",
    "iam_info_status",
    "iam_info_code",
    "iam_info_last_updated",
    "iam_info_profile_arn",
    "iam_info_profile_id",
    "instance_id",
    "instance_id_status",
    "region",
    "region_status",
    // The credential document, field by field: secrets as `<redacted len=N>`,
    // the access key ID as its first and last 4 characters.
    "cred_status",
    "cred_code",
    "cred_last_updated",
    "cred_type",
    "cred_access_key_id",
    "cred_secret_access_key",
    "cred_token",
    "cred_expiration",
    "cred_message",
    // STS, unsigned: its status and Date header, with the local epoch.
    "sts_endpoint",
    "sts_status",
    "sts_date",
    "sts_date_epoch",
    // Raw tool lines (see `RAW_KEYS`): chronyc tracking, timedatectl status,
    // w32tm /query /status.
    "chrony",
    "timedatectl",
    "w32tm",
    // `NAME=value` for AWS_* and proxies (values per `SHOWN_ENV`);
    // `credentials [name] keys=a,b` / `config [profile x] keys=…`;
    // `pid=N props=-Daws.a,-Daws.b`, `pid=N env=AWS_A,AWS_B`,
    // `JAVA_TOOL_OPTIONS props=…`.
    "env",
    "profile",
    "jvm",
    // `aws --version`, then `aws configure list` lines (raw).
    "aws_cli",
    "aws_configure_list",
    // What could not be read, and why; the run's duration.
    "skipped",
    "elapsed_seconds",
];

/// Keys whose value is a line of a tool's own output. The generic
/// recognizers read these lines (the key blanked), as if pasted alone.
pub const RAW_KEYS: &[&str] = &["chrony", "timedatectl", "w32tm", "aws_configure_list"];

/// The skew AWS accepts on a signed request.
const TOLERANCE: i64 = 300;

/// Unrecognized lines in a row that end a block cut short.
const MAX_MISSES: usize = 3;

/// The words that start a marker: `=== tokendoctor collector v1 begin ===`.
const MARKER: &str = "tokendoctor collector v";

/// A `key: value` line of a block. Offsets are in the block's normalized text.
#[derive(Debug)]
struct Field {
    key: &'static str,
    value: String,
    line_start: usize,
    line_end: usize,
}

/// A block found in a text.
#[derive(Debug)]
struct Found {
    version: String,
    complete: bool,
    start: usize,
    end: usize,
    fields: Vec<Field>,
    /// Ranges to blank for the generic recognizers.
    hide: Vec<(usize, usize)>,
}

impl Found {
    fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }
    fn value(&self, key: &str) -> Option<&str> {
        self.get(key).map(|f| f.value.as_str()).filter(|v| !v.is_empty())
    }
    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Field> + 'a {
        self.fields.iter().filter(move |f| f.key == key)
    }
}

/// ASCII case-insensitive find (a match starts at a character boundary).
fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (n.len() <= h.len()).then(|| (0..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))).flatten()
}

/// A marker line: (where its prefix ends, version, begin?).
fn marker(line: &str) -> Option<(usize, String, bool)> {
    let i = find_ci(line, MARKER)?;
    let rest = &line[i + MARKER.len()..];
    let n = rest.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    if n == 0 {
        return None;
    }
    let after = rest[n..].trim_start().as_bytes();
    let word = |w: &str| after.get(..w.len()).is_some_and(|a| a.eq_ignore_ascii_case(w.as_bytes()));
    let begin = if word("begin") {
        true
    } else if word("end") {
        false
    } else {
        return None;
    };
    // The prefix ends where the `===` opening the marker starts.
    let b = line.as_bytes();
    let mut p = i;
    while p > 0 && matches!(b[p - 1], b'=' | b' ' | b'\t') {
        p -= 1;
    }
    Some((p, rest[..n].to_string(), begin))
}

/// The key at `at` in `line`: lower-case snake case followed by `:` and a
/// space or the line's end. Returns (key, value offset in the line).
fn key_at(line: &str, at: usize) -> Option<(&str, usize)> {
    let rest = line.get(at..)?;
    let n = rest.bytes().take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_').count();
    if n == 0 || n > 40 || !rest.as_bytes()[0].is_ascii_lowercase() {
        return None;
    }
    let after = &rest[n..];
    let v = after.strip_prefix(':')?;
    let value_at = match v.as_bytes().first() {
        None => at + n + 1,
        Some(b' ') | Some(b'\t') => at + n + 2,
        Some(_) => return None,
    };
    Some((&rest[..n], value_at))
}

/// What a line of a block is.
enum Kind {
    /// A collector line: key, value offset in the line.
    Field(&'static str, usize),
    /// A `key: value` line with a key this version does not know.
    Unknown,
    Blank,
    Miss,
}

/// Reads a line given the prefix of its block's marker line. `known_only`:
/// outside a complete block only known keys count, so that a `note:` line of
/// the surrounding text is not taken for the collector's.
fn classify(line: &str, prefix: &str, known_only: bool) -> Kind {
    // Where the key may start: after the marker's prefix, after quote
    // marks and indentation, or at the prefix's column (a log prefix).
    let quote = line.bytes().take_while(|b| matches!(b, b' ' | b'\t' | b'>' | b'|')).count();
    let mut starts: Vec<usize> = Vec::with_capacity(3);
    if let Some(rest) = line.strip_prefix(prefix) {
        starts.push(prefix.len() + (rest.len() - rest.trim_start().len()));
    }
    starts.push(quote);
    let at = prefix.len().min(line.len());
    if line.is_char_boundary(at) {
        starts.push(at + (line[at..].len() - line[at..].trim_start().len()));
    }
    let mut unknown = false;
    for &s in &starts {
        if let Some((key, value_at)) = key_at(line, s) {
            match FIELDS.iter().find(|f| **f == key) {
                Some(k) => return Kind::Field(k, value_at),
                None => unknown = true,
            }
        }
    }
    let blank = line[quote..].trim().is_empty() || line.strip_prefix(prefix).is_some_and(|r| r.trim().is_empty());
    if unknown && !known_only {
        Kind::Unknown
    } else if blank {
        Kind::Blank
    } else {
        Kind::Miss
    }
}

/// Every collector block in `text` (a block's normalized text).
fn find_blocks(text: &str) -> Vec<Found> {
    let all: Vec<(usize, &str)> = lines(text).collect();
    let marks: Vec<Option<(usize, String, bool)>> = all.iter().map(|(_, l)| marker(l)).collect();
    let mut out: Vec<Found> = Vec::new();
    // Lines before this index belong to an earlier block.
    let mut floor = 0;
    let mut i = 0;
    while i < all.len() {
        let Some((p, version, begin)) = marks[i].clone() else {
            i += 1;
            continue;
        };
        let (ls, line) = all[i];
        let prefix = &line[..p];
        let mut f = Found {
            version,
            complete: false,
            start: ls,
            end: ls + line.len(),
            fields: Vec::new(),
            hide: vec![(ls, ls + line.len())],
        };
        let take = |f: &mut Found, j: usize, kind: Kind| {
            let (js, jl) = all[j];
            match kind {
                Kind::Field(key, value_at) => {
                    let raw = RAW_KEYS.contains(&key);
                    let v = &jl[value_at.min(jl.len())..];
                    f.fields.push(Field {
                        key,
                        value: if raw { v.trim_end() } else { v.trim() }.to_string(),
                        line_start: js,
                        line_end: js + jl.len(),
                    });
                    f.hide.push((js, if raw { js + value_at } else { js + jl.len() }));
                    f.start = f.start.min(js);
                    f.end = f.end.max(js + jl.len());
                }
                Kind::Unknown => f.hide.push((js, js + jl.len())),
                Kind::Blank | Kind::Miss => {}
            }
        };
        if begin {
            // The end marker of this block: the next marker, if it is an end.
            let next = (i + 1..all.len()).find(|&j| marks[j].is_some());
            let end = next.filter(|&j| marks[j].as_ref().is_some_and(|m| !m.2));
            match end {
                Some(e) => {
                    for (j, &(_, l)) in all.iter().enumerate().take(e).skip(i + 1) {
                        take(&mut f, j, classify(l, prefix, false));
                    }
                    let (es, el) = all[e];
                    f.complete = true;
                    f.end = es + el.len();
                    f.hide.push((es, es + el.len()));
                    i = e + 1;
                }
                None => {
                    // Cut short: read on while the lines look like the collector's.
                    let stop = next.unwrap_or(all.len());
                    let mut misses = 0;
                    let mut j = i + 1;
                    while j < stop && misses <= MAX_MISSES {
                        match classify(all[j].1, prefix, true) {
                            Kind::Miss => misses += 1,
                            Kind::Blank => {}
                            kind => {
                                misses = 0;
                                take(&mut f, j, kind);
                            }
                        }
                        j += 1;
                    }
                    i = stop.min(j);
                }
            }
        } else {
            // An end marker alone: the start was cut off; read back.
            let mut misses = 0;
            let mut j = i;
            while j > floor && misses <= MAX_MISSES {
                j -= 1;
                match classify(all[j].1, prefix, true) {
                    Kind::Miss => misses += 1,
                    Kind::Blank => {}
                    kind => {
                        misses = 0;
                        take(&mut f, j, kind);
                    }
                }
            }
            crate::parse::util::sort_by_u64(&mut f.fields, |x| x.line_start as u64);
            i += 1;
        }
        floor = i;
        // A marker with no field is not a block: the script's own text, pasted.
        if !f.fields.is_empty() {
            out.push(f);
        }
    }
    out
}

/// Reads the collector blocks of `blk` into `obs`; returns the first.
pub(crate) fn scan(blk: &Blk, obs: &mut Observations) -> Option<CollectorInfo> {
    if !blk.lower.contains(MARKER) {
        return None;
    }
    let mut first = None;
    for f in find_blocks(&blk.b.text) {
        apply(blk, &f, obs);
        first.get_or_insert(CollectorInfo {
            version: f.version.clone(),
            complete: f.complete,
            span: blk.span(f.start, f.end),
            line: blk.line(f.start),
        });
    }
    first
}

/// Blanks the collector blocks of `blk` for the generic recognizers (same
/// offsets; the raw tool lines keep their text).
pub(crate) fn hide(blk: &mut Blk) {
    if !blk.lower.contains(MARKER) {
        return;
    }
    let ranges: Vec<(usize, usize)> = find_blocks(&blk.b.text).into_iter().flat_map(|f| f.hide).collect();
    blk.blank(&ranges);
}

/// Replaces the bytes of `ranges` (at character boundaries) with spaces.
pub(crate) fn blank(s: &mut String, ranges: &[(usize, usize)]) {
    let mut bytes = std::mem::take(s).into_bytes();
    let len = bytes.len();
    for &(a, b) in ranges {
        for x in &mut bytes[a.min(len)..b.min(len)] {
            if *x != b'\n' {
                *x = b' ';
            }
        }
    }
    *s = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
}

/// An HTTP status the script printed, or how the call failed.
fn status_code(s: &str) -> Option<u16> {
    s.parse::<u16>().ok().filter(|c| (100..=599).contains(c))
}

/// The call never got an answer: timeout, refused, no route, no DNS.
fn no_answer(s: &str) -> bool {
    matches!(s, "timeout" | "refused" | "unreachable" | "dns") || s.starts_with("error")
}

/// `<redacted len=40>` → 40; any other non-empty value counts as present.
fn redacted_len(v: &str) -> usize {
    match v.find("len=") {
        Some(i) => v[i + 4..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .fold(0usize, |n, d| n.saturating_mul(10).saturating_add(usize::from(d - b'0'))),
        None => usize::from(!v.is_empty() && v != "<absent>"),
    }
}

fn parse_time(v: &str) -> Option<Timestamp> {
    time::any_at(v.trim()).map(|p| p.utc_assumed())
}

fn parse_epoch(v: &str) -> Option<Timestamp> {
    v.trim().parse::<i64>().ok().and_then(time::from_unix)
}

/// Turns one block into observations.
fn apply(blk: &Blk, f: &Found, obs: &mut Observations) {
    let span_of = |x: &Field| blk.span(x.line_start, x.line_end);
    let line_of = |x: &Field| blk.line(x.line_start);
    let ctx = &mut obs.context;

    // Shell: what the collector says it ran in, else what its keys show.
    let shell = match f.value("collector_shell") {
        Some(v) if v.starts_with("powershell") => Some(Shell::PowerShell),
        Some(v) if v.starts_with("bash") => Some(Shell::Bash),
        _ if f.get("admin").is_some() || f.get("w32tm").is_some() => Some(Shell::PowerShell),
        _ if f.get("root").is_some() || f.get("chrony").is_some() || f.get("timedatectl").is_some() => {
            Some(Shell::Bash)
        }
        _ => None,
    };
    if shell.is_some() {
        ctx.shell = shell;
    }

    clock(blk, f, obs);
    let ctx = &mut obs.context;

    // Role, instance, region, instance profile.
    if let Some(r) = f.value("role").filter(|r| crate::parse::context::role_name_ok(r)) {
        ctx.role = Some(r.to_string());
    }
    if let Some(id) = f.value("instance_id").filter(|i| is_instance_id(i)) {
        ctx.instance_id = Some(id.to_string());
    }
    if let Some(r) = f.value("region").filter(|r| is_region(r)) {
        ctx.region = Some(r.to_string());
    }
    if let Some((partition, _, _, account, res)) = f.value("iam_info_profile_arn").and_then(parse_arn) {
        if let Some(name) = res
            .strip_prefix("instance-profile/")
            .and_then(|r| r.rsplit('/').next())
            .filter(|n| crate::parse::context::role_name_ok(n))
        {
            ctx.instance_profile = Some(name.to_string());
        }
        if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) {
            ctx.account.get_or_insert_with(|| account.to_string());
        }
        ctx.partition.get_or_insert_with(|| partition.to_string());
    }

    // IMDS: what keeps an SDK from the instance credentials.
    let token = f.get("imds_token_status");
    let v1 = f.get("imds_v1_status");
    let ts = token.map(|x| x.value.as_str()).unwrap_or("");
    let vs = v1.map(|x| x.value.as_str()).unwrap_or("");
    let mut events: Vec<(ImdsKind, Option<u16>, &str, &Field)> = Vec::new();
    // A status or a failed call says something; `no-curl` or `skipped` does not.
    let known = |s: &str| status_code(s).is_some() || no_answer(s);
    match (token, v1) {
        (Some(t), Some(v))
            if known(ts) && known(vs) && status_code(ts) != Some(200) && status_code(vs) != Some(200) =>
        {
            if no_answer(ts) && no_answer(vs) {
                events.push((ImdsKind::Timeout, None, "/latest/api/token", t));
            } else if status_code(vs) == Some(401) {
                // IMDSv2 required, and no token to be had.
                if no_answer(ts) {
                    events.push((ImdsKind::Timeout, None, "/latest/api/token", t));
                }
                events.push((ImdsKind::V1Blocked, Some(401), "/latest/meta-data/", v));
            } else {
                for (s, x, path) in [(ts, t, "/latest/api/token"), (vs, v, "/latest/meta-data/")] {
                    if let Some(k) = status_code(s).and_then(ImdsKind::from_status) {
                        events.push((k, status_code(s), path, x));
                    }
                }
                if events.is_empty() {
                    events.push((ImdsKind::Timeout, None, "/latest/api/token", t));
                }
            }
        }
        _ => {
            // IMDS answers: a missing role or a refused document still leaves no credentials.
            for (key, path) in [
                ("role_status", "/latest/meta-data/iam/security-credentials/"),
                ("cred_status", "/latest/meta-data/iam/security-credentials/"),
            ] {
                let Some(x) = f.get(key) else { continue };
                if let Some(k) = status_code(&x.value).and_then(ImdsKind::from_status) {
                    events.push((k, status_code(&x.value), path, x));
                } else if no_answer(&x.value) {
                    events.push((ImdsKind::Timeout, None, path, x));
                }
            }
        }
    }
    match status_code(ts) {
        Some(200) => ctx.imds_v2 = Some(true),
        _ if status_code(vs) == Some(200) => ctx.imds_v2 = Some(false),
        _ => {}
    }

    // Variables: names, proxies, settings, and credentials set in the environment.
    let mut env_cred: Option<Credential> = None;
    for x in f.all("env") {
        let Some((name, value)) = x.value.split_once('=') else {
            continue;
        };
        let name = name.trim();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            continue;
        }
        let upper = name.to_ascii_uppercase();
        if upper.starts_with("AWS_") && !ctx.env_vars.iter().any(|v| v == name) {
            ctx.env_vars.push(name.to_string());
        }
        let value = value.trim();
        match upper.as_str() {
            // IMDS is plain http: only these proxies catch it.
            "HTTP_PROXY" | "ALL_PROXY" if !value.is_empty() => {
                ctx.proxy.get_or_insert_with(|| redact_url(value));
            }
            "NO_PROXY" => {
                ctx.no_proxy.get_or_insert_with(|| value.to_string());
            }
            "AWS_REGION" | "AWS_DEFAULT_REGION" if is_region(value) => {
                ctx.region.get_or_insert_with(|| value.to_string());
            }
            "AWS_EC2_METADATA_DISABLED" if value.eq_ignore_ascii_case("true") => {
                events.push((ImdsKind::Disabled, None, "", x));
            }
            "AWS_ACCESS_KEY_ID"
            | "AWS_SECRET_ACCESS_KEY"
            | "AWS_SESSION_TOKEN"
            | "AWS_SECURITY_TOKEN"
            | "AWS_CREDENTIAL_EXPIRATION"
            | "AWS_SESSION_EXPIRATION" => {
                let c = env_cred.get_or_insert_with(|| {
                    let mut c = Credential::new(CredFormat::EnvDump, span_of(x), line_of(x));
                    c.origin = Some("env".to_string());
                    c
                });
                c.span = c.span.cover(span_of(x));
                match upper.as_str() {
                    "AWS_ACCESS_KEY_ID" if !value.is_empty() => {
                        c.set_access_key(value);
                    }
                    "AWS_SECRET_ACCESS_KEY" => c.has_secret = redacted_len(value) > 0,
                    "AWS_SESSION_TOKEN" | "AWS_SECURITY_TOKEN" => {
                        c.has_session_token = redacted_len(value) > 0;
                        if c.has_session_token {
                            c.temporary.get_or_insert(true);
                        }
                    }
                    _ => c.expiration = parse_time(value),
                }
            }
            _ => {}
        }
    }
    for x in f.all("profile") {
        // `credentials [name] keys=a,b`: a profile that carries a session token.
        let v = &x.value;
        let (Some(a), Some(b)) = (v.find('['), v.rfind(']')) else {
            continue;
        };
        if b <= a || !v.starts_with("credentials") {
            continue;
        }
        let name = v[a + 1..b].trim();
        let keys = v[b..].split_once("keys=").map(|k| k.1).unwrap_or("");
        let has_token = keys
            .split(',')
            .any(|k| matches!(k.trim().to_ascii_lowercase().as_str(), "aws_session_token" | "aws_security_token"));
        if has_token && !name.is_empty() && !ctx.token_profiles.iter().any(|p| p == name) {
            ctx.token_profiles.push(name.to_string());
        }
    }
    for x in f.all("jvm") {
        for word in x.value.split_whitespace() {
            if let Some(props) = word.strip_prefix("props=") {
                for p in props.split(',').filter_map(|p| p.strip_prefix("-D")) {
                    if p.len() > 4 && p.starts_with("aws.") && !ctx.java_props.iter().any(|q| q == p) {
                        ctx.java_props.push(p.to_string());
                    }
                }
            } else if let Some(names) = word.strip_prefix("env=") {
                for n in names.split(',').filter(|n| n.starts_with("AWS_") && n.len() > 4) {
                    if !ctx.env_vars.iter().any(|v| v == n) {
                        ctx.env_vars.push(n.to_string());
                    }
                }
            }
        }
    }
    for (kind, status, path, x) in events {
        obs.imds.push(ImdsEvent {
            kind,
            status,
            path: (!path.is_empty()).then(|| path.to_string()),
            sdk: Sdk::Unknown,
            span: span_of(x),
            line: line_of(x),
        });
    }

    // The instance credentials, masked on the instance.
    let cred_fields: Vec<&Field> =
        f.fields.iter().filter(|x| x.key.starts_with("cred_") && x.key != "cred_status").collect();
    if let Some(first) = cred_fields.first() {
        let mut c = Credential::new(CredFormat::Collector, span_of(first), line_of(first));
        c.origin = Some("imds".to_string());
        for x in &cred_fields {
            c.span = c.span.cover(span_of(x));
            let v = x.value.as_str();
            match x.key {
                "cred_code" => c.code = Some(v.to_string()).filter(|s| !s.is_empty()),
                "cred_message" => c.message = Some(v.to_string()).filter(|s| !s.is_empty()),
                "cred_type" => c.cred_type = Some(v.to_string()).filter(|s| !s.is_empty()),
                "cred_last_updated" => c.last_updated = parse_time(v),
                "cred_expiration" => c.expiration = parse_time(v),
                "cred_access_key_id" if !v.is_empty() => {
                    c.set_access_key(v);
                }
                "cred_secret_access_key" => c.has_secret = redacted_len(v) > 0,
                "cred_token" => c.has_session_token = redacted_len(v) > 0,
                _ => {}
            }
        }
        if c.temporary.is_none() && (c.has_session_token || c.code.is_some()) {
            c.temporary = Some(true);
        }
        c.role = f.value("role").filter(|r| crate::parse::context::role_name_ok(r)).map(str::to_string);
        obs.credentials.push(c);
    }
    obs.credentials.extend(env_cred);
}

/// The local clock against AWS's: the `Date:` header of IMDS (the EC2 host's
/// clock, which AWS keeps on time, reachable without internet), else of STS.
fn clock(blk: &Blk, f: &Found, obs: &mut Observations) {
    let client = f.value("epoch").and_then(parse_epoch).or_else(|| f.value("date_utc").and_then(parse_time));
    let http = |k: &str| f.value(k).and_then(|v| time::http_date_at(v).and_then(|p| p.utc()));
    let at = |k: &str| f.value(k).and_then(parse_epoch).or(client);
    // IMDS's header counts when IMDS itself answered (not a proxy in its way).
    let imds_answered =
        ["imds_token_status", "imds_v1_status"].iter().any(|k| matches!(f.value(k), Some("200") | Some("401")))
            || (f.get("imds_token_status").is_none() && f.get("imds_v1_status").is_none());
    let imds = http("imds_date").map(|s| (s, at("imds_date_epoch"), "imds_date"));
    let sts = http("sts_date").map(|s| (s, at("sts_date_epoch"), "sts_date"));
    let pick = if imds_answered { imds.or(sts) } else { sts.or(imds) };
    let Some((server, local, key)) = pick else {
        if let (Some(t), Some(x)) = (client, f.get("epoch").or(f.get("date_utc"))) {
            obs.ref_times.push(RefTime { time: t, what: "date", line: blk.line(x.line_start) });
        }
        return;
    };
    let Some(x) = f.get(key) else { return };
    let mut span = blk.span(x.line_start, x.line_end);
    if let Some(e) = f.get(if key == "imds_date" { "imds_date_epoch" } else { "sts_date_epoch" }) {
        span = span.cover(blk.span(e.line_start, e.line_end));
    }
    obs.clock.push(ClockEvidence {
        source: Some(ClockSource::Collector),
        client_time: local,
        server_time: Some(server),
        tolerance_seconds: Some(TOLERANCE),
        span,
        line: blk.line(x.line_start),
        ..ClockEvidence::default()
    });
    // AWS's time when the collector ran: the natural "as of" for its credentials.
    obs.ref_times.push(RefTime { time: server, what: "server", line: blk.line(x.line_start) });
}

/// The bash collector. `@VERSION@` and `@SHOWN_ENV@` are filled by `script`.
const BASH: &str = r##"#!/usr/bin/env bash
# tokendoctor collector v@VERSION@ (bash). Gathers in one go what ExpiredToken
# Doctor needs to diagnose ExpiredToken, clock-skew and instance metadata
# (IMDS) errors on this instance.
#  - Read-only: changes nothing, writes no file, needs no root; what it cannot
#    read it names on a `skipped:` line.
#  - Bounded: each network call gives up after 2 s, each local tool after a
#    few seconds; a normal run takes a second or two.
#  - Secrets stay here: the credential document's SecretAccessKey and Token
#    and the values of secret AWS_* variables are printed as their length
#    only, access key IDs as their first and last 4 characters, profile files
#    as section and key names only.
#  - IMDS is reached as the SDKs reach it (AWS_EC2_METADATA_SERVICE_ENDPOINT,
#    then AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE); STS, asked for its Date
#    header only (unsigned), at AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL or the
#    region's endpoint.
# Run it with bash (`bash collect.sh`, or paste it into a bash terminal), then
# paste everything from the `begin` line to the `end` line back.
(
set +xv # a trace would echo the values this script keeps to itself
set -f
export LC_ALL=C

td() { # one `key: value` line: one line, at most 300 characters
  local v=${2//$'\r'/}
  v=${v//$'\n'/ }
  printf '%s: %s\n' "$1" "${v:0:300}"
}

td_word() { # a plain token (region, instance ID): letters, digits, dashes
  case $1 in '' | *[!A-Za-z0-9-]*) return 1 ;; esac
}

td_mask() { # M = an access key ID with only its first and last 4 characters
  local v=$1 s='' i=8
  if [ "${#v}" -le 8 ]; then
    while [ "${#s}" -lt "${#v}" ]; do s="$s*"; done
    M=$s
    return
  fi
  while [ "$i" -lt "${#v}" ]; do s="$s*"; i=$((i + 1)); done
  M=${v:0:4}$s${v:${#v}-4}
}

td_url() { # U = a URL without its user:password
  local scheme=${1%%://*} rest=${1#*://} auth path=''
  U=$1
  [ "$rest" = "$1" ] && return
  auth=${rest%%/*}
  [ "$auth" != "$rest" ] && path=/${rest#*/}
  case $auth in *@*) U="$scheme://***@${auth##*@}$path" ;; esac
}

td_json() { # td_json JSON KEY: J = the string value of KEY
  local re="\"$2\"[[:space:]]*:[[:space:]]*\"([^\"]*)\""
  J=''
  [[ $1 =~ $re ]] || return 1
  J=${BASH_REMATCH[1]}
}

td_props() { # R = the -Daws.* property names in $1, comma-separated, no values
  local rest=" $1" w
  R=''
  while [ "${rest#* -Daws.}" != "$rest" ]; do
    rest=${rest#* -Daws.}
    w=${rest%%[=[:space:]]*}
    case $w in '' | *[!A-Za-z0-9._-]*) ;; *) R=${R:+$R,}-Daws.$w ;; esac
  done
  test -n "$R"
}

have_curl=no
command -v curl >/dev/null 2>&1 && have_curl=yes

td_probe() { # td_probe METHOD URL [HEADER]: P_STATUS, P_BODY, P_DATE, P_AT
  local out rc hdr line rest
  local -a extra=()
  P_STATUS='' P_BODY='' P_DATE='' P_AT=''
  if [ "$have_curl" != yes ]; then
    P_STATUS=no-curl
    return
  fi
  [ -n "${3:-}" ] && extra=(-H "$3")
  out=$(curl -s -g -i -X "$1" --max-time 2 --connect-timeout 2 "${extra[@]}" -w '\n%{http_code}' "$2" 2>/dev/null </dev/null)
  rc=$?
  P_AT=$(date -u +%s) # the local clock when the answer came, against its Date
  case $rc in
    0) ;;
    28) P_STATUS=timeout && return ;;
    7) P_STATUS=refused && return ;;
    5 | 6) P_STATUS=dns && return ;;
    *) P_STATUS=error-$rc && return ;;
  esac
  P_STATUS=${out##*$'\n'}
  out=${out%$'\n'*}
  while :; do # header blocks: a proxy's CONNECT answer may come first
    hdr=${out%%$'\r\n\r\n'*}
    if [ "$hdr" = "$out" ]; then out=''; else out=${out#*$'\r\n\r\n'}; fi
    rest=$hdr$'\n'
    while [ -n "$rest" ]; do
      line=${rest%%$'\n'*}
      rest=${rest#*$'\n'}
      case $line in [Dd][Aa][Tt][Ee]:*)
        line=${line#*:}
        line=${line# }
        P_DATE=${line%$'\r'}
        ;;
      esac
    done
    case $out in HTTP/*) ;; *) break ;; esac
  done
  P_BODY=$out
}

td_run() { # td_run SECONDS CMD...: a local tool, bounded where `timeout` exists
  local s=$1
  shift
  if command -v timeout >/dev/null 2>&1; then timeout "$s" "$@"; else "$@"; fi
}

td_tool() { # td_tool KEY SECONDS CMD...: the tool's output, one `KEY: line` each
  local key=$1 s=$2 out rc line rest pre
  shift 2
  if ! command -v "$1" >/dev/null 2>&1; then
    td skipped "$* ($1 not installed)"
    return
  fi
  out=$(td_run "$s" "$@" 2>&1 </dev/null)
  rc=$?
  if [ "$rc" -ne 0 ]; then
    [ "$rc" -eq 124 ] && out="timed out after $s s"
    td skipped "$* (exit $rc: ${out%%$'\n'*})"
    return
  fi
  rest=$out$'\n'
  while [ -n "$rest" ]; do
    line=${rest%%$'\n'*}
    rest=${rest#*$'\n'}
    case $line in *secret_key*'****'*) # its last 4 characters are still the secret's
      pre=${line%%'****'*}
      line=${line#"$pre"}
      line=$pre'<redacted>'${line#"${line%%[[:space:]]*}"}
      ;;
    esac
    case $line in *[![:space:]]*) td "$key" "$line" ;; esac
  done
}

td_profiles() { # td_profiles KIND VARIABLE DEFAULT: section and key names, no values
  local kind=$1 file=${!2:-} label="\$$2" line name='' keys='' k found=no
  if [ -z "$file" ]; then
    file=${HOME:-}/$3
    label="\$HOME/$3"
  fi
  if [ ! -f "$file" ]; then
    td skipped "$label (not found)"
    return
  fi
  if [ ! -r "$file" ]; then
    td skipped "$label (not readable)"
    return
  fi
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    line=${line#"${line%%[![:space:]]*}"}
    case $line in
      \[*\]*)
        [ "$found" = yes ] && td profile "$kind [$name] keys=$keys"
        name=${line#\[}
        name=${name%%\]*}
        keys='' found=yes
        ;;
      [A-Za-z]*=*)
        k=${line%%=*}
        k=${k%"${k##*[![:space:]]}"}
        case $k in *[!A-Za-z0-9_.-]*) ;; *) keys=${keys:+$keys,}$k ;; esac
        ;;
    esac
  done <"$file"
  [ "$found" = yes ] && td profile "$kind [$name] keys=$keys"
}

echo "=== tokendoctor collector v@VERSION@ begin ==="
td collector_shell "bash $BASH_VERSION"
td os "$(uname -srm 2>/dev/null)"
if [ "$(id -u 2>/dev/null)" = 0 ]; then td root yes; else td root no; fi
now=$(date -u '+%s %Y-%m-%dT%H:%M:%SZ')
td date_utc "${now#* }"
td epoch "${now%% *}"
td tz "$(date '+%Z %z')"

# IMDS: the SDKs' endpoint, an IMDSv2 token, then IMDSv1 without one.
ep=${AWS_EC2_METADATA_SERVICE_ENDPOINT:-}
if [ -z "$ep" ]; then
  case ${AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE:-} in
    [Ii][Pp][Vv]6) ep='http://[fd00:ec2::254]' ;;
    *) ep='http://169.254.169.254' ;;
  esac
fi
ep=${ep%/}
td_url "$ep"
td imds_endpoint "$U"
[ "$have_curl" = yes ] || td skipped "network probes (curl not installed)"
td_probe PUT "$ep/latest/api/token" 'X-aws-ec2-metadata-token-ttl-seconds: 60'
token_status=$P_STATUS tok='' imds_date=$P_DATE imds_at=$P_AT
[ "$P_STATUS" = 200 ] && tok=$P_BODY
td imds_token_status "$token_status"
td_probe GET "$ep/latest/meta-data/"
v1_status=$P_STATUS
td imds_v1_status "$v1_status"
[ -z "$imds_date" ] && imds_date=$P_DATE imds_at=$P_AT
if [ -n "$imds_date" ]; then
  td imds_date "$imds_date"
  td imds_date_epoch "$imds_at"
fi
hdr=''
[ -n "$tok" ] && hdr="X-aws-ec2-metadata-token: $tok"
imds_up=no
case "$token_status $v1_status" in *[0-9][0-9][0-9]*) imds_up=yes ;; esac
imds() { # imds PATH: a GET, with the token if there is one; none after a timeout
  if [ "$imds_up" != yes ]; then
    P_STATUS=skipped P_BODY=''
    return
  fi
  td_probe GET "$ep/latest/$1" "$hdr"
  if [ "$P_STATUS" = timeout ]; then
    imds_up=no
    td skipped "imds paths after $1 (it timed out)"
  fi
}
role='' region=''
if [ "$imds_up" = yes ]; then
  imds meta-data/iam/security-credentials/
  td role_status "$P_STATUS"
  if [ "$P_STATUS" = 200 ]; then
    role=${P_BODY%%$'\n'*}
    role=${role%$'\r'}
    case $role in
      '' | *[!A-Za-z0-9+=,.@_-]*) role='' && td skipped "role (not a role name)" ;;
      *) td role "$role" ;;
    esac
  fi
  imds meta-data/iam/info
  td iam_info_status "$P_STATUS"
  if [ "$P_STATUS" = 200 ]; then
    td_json "$P_BODY" Code && td iam_info_code "$J"
    td_json "$P_BODY" LastUpdated && td iam_info_last_updated "$J"
    td_json "$P_BODY" InstanceProfileArn && td iam_info_profile_arn "$J"
    td_json "$P_BODY" InstanceProfileId && td iam_info_profile_id "$J"
  fi
  imds meta-data/instance-id
  if [ "$P_STATUS" = 200 ] && td_word "$P_BODY"; then td instance_id "$P_BODY"; else td instance_id_status "$P_STATUS"; fi
  imds meta-data/placement/region
  if [ "$P_STATUS" = 200 ] && td_word "$P_BODY"; then
    region=$P_BODY
  else
    imds meta-data/placement/availability-zone
    [ "$P_STATUS" = 200 ] && td_word "$P_BODY" && region=${P_BODY%[a-z]}
  fi
  if [ -n "$region" ]; then td region "$region"; else td region_status "$P_STATUS"; fi
  if [ -n "$role" ]; then
    imds "meta-data/iam/security-credentials/$role"
    td cred_status "$P_STATUS"
    if [ "$P_STATUS" = 200 ]; then
      td_json "$P_BODY" Code && td cred_code "$J"
      td_json "$P_BODY" LastUpdated && td cred_last_updated "$J"
      td_json "$P_BODY" Type && td cred_type "$J"
      td_json "$P_BODY" AccessKeyId && td_mask "$J" && td cred_access_key_id "$M"
      td_json "$P_BODY" SecretAccessKey && td cred_secret_access_key "<redacted len=${#J}>"
      td_json "$P_BODY" Token && td cred_token "<redacted len=${#J}>"
      td_json "$P_BODY" Expiration && td cred_expiration "$J"
      td_json "$P_BODY" Message && td cred_message "$J"
    fi
  fi
else
  td skipped "imds paths (IMDS did not answer)"
fi
P_BODY='' J='' tok='' hdr=''

# STS, unsigned: only its Date header, AWS's clock.
sts=${AWS_ENDPOINT_URL_STS:-${AWS_ENDPOINT_URL:-}}
if [ -z "$sts" ]; then
  r=${region:-${AWS_REGION:-${AWS_DEFAULT_REGION:-}}}
  td_word "$r" || r=''
  case $r in
    '') sts=https://sts.amazonaws.com ;;
    cn-*) sts=https://sts.$r.amazonaws.com.cn ;;
    *) sts=https://sts.$r.amazonaws.com ;;
  esac
fi
sts=${sts%/}
td_url "$sts"
td sts_endpoint "$U"
# An unsigned call: AWS answers 403 with its Date; the bare root would redirect.
td_probe GET "$sts/?Action=GetCallerIdentity&Version=2011-06-15"
td sts_status "$P_STATUS"
if [ -n "$P_DATE" ]; then
  td sts_date "$P_DATE"
  td sts_date_epoch "$P_AT"
fi

# Time synchronization.
td_tool chrony 3 chronyc tracking
td_tool timedatectl 3 timedatectl status

# Variables: AWS_* and proxies; secret values as their length only.
compgen -e | sort | while IFS= read -r n; do
  case $n in
    AWS_* | HTTP_PROXY | HTTPS_PROXY | NO_PROXY | ALL_PROXY | http_proxy | https_proxy | no_proxy | all_proxy) ;;
    *) continue ;;
  esac
  v=${!n}
  case $n in
    @SHOWN_ENV@) td_url "$v" && v=$U ;;
    "AWS_ACCESS_KEY_ID") td_mask "$v" && v=$M ;;
    *) v="<redacted len=${#v}>" ;;
  esac
  td env "$n=$v"
done

# Profiles: section and key names only.
td_profiles credentials AWS_SHARED_CREDENTIALS_FILE .aws/credentials
td_profiles config AWS_CONFIG_FILE .aws/config

# JVMs started with -Daws.* (names only), and the AWS_* names in their environment.
for n in JAVA_TOOL_OPTIONS JAVA_OPTS _JAVA_OPTIONS; do
  td_props "${!n:-}" && td jvm "$n props=$R"
done
if command -v ps >/dev/null 2>&1; then
  ps -eo pid=,args= 2>/dev/null | while read -r pid args; do
    td_props "$args" || continue
    td jvm "pid=$pid props=$R"
    if [ -r "/proc/$pid/environ" ]; then
      names=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | sed -n 's/^\(AWS_[A-Za-z0-9_]*\)=.*/\1/p' | tr '\n' ',')
      [ -n "$names" ] && td jvm "pid=$pid env=${names%,}"
    else
      td skipped "environment of pid $pid (not readable: run as its user or root)"
    fi
  done
else
  td skipped "JVM scan (ps not installed)"
fi

# The AWS CLI's view: where its credentials come from.
td_tool aws_cli 4 aws --version
td_tool aws_configure_list 6 aws configure list

td elapsed_seconds "$SECONDS"
echo "=== tokendoctor collector v@VERSION@ end ==="
)
"##;

/// The PowerShell collector (Windows PowerShell 5.1 and PowerShell 7).
const POWERSHELL: &str = r##"# tokendoctor collector v@VERSION@ (PowerShell). Gathers in one go what
# ExpiredToken Doctor needs to diagnose ExpiredToken, clock-skew and instance
# metadata (IMDS) errors on this instance.
#  - Read-only: changes nothing, writes no file, needs no administrator; what
#    it cannot read it names on a `skipped:` line.
#  - Bounded: each network call gives up after 2 s (-TimeoutSec 2).
#  - Secrets stay here: the credential document's SecretAccessKey and Token
#    and the values of secret AWS_* variables are printed as their length
#    only, access key IDs as their first and last 4 characters, profile files
#    as section and key names only.
#  - IMDS is reached as the SDKs reach it (AWS_EC2_METADATA_SERVICE_ENDPOINT,
#    then AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE); STS, asked for its Date
#    header only (unsigned), at AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL or the
#    region's endpoint.
# Run it in PowerShell (paste it into the window, or save it as collect.ps1
# and run `powershell -ExecutionPolicy Bypass -File collect.ps1`), then paste
# everything from the `begin` line to the `end` line back.
& {
$ErrorActionPreference = 'SilentlyContinue'
$ProgressPreference = 'SilentlyContinue' # the progress bar slows Invoke-WebRequest on 5.1
$clock = [Diagnostics.Stopwatch]::StartNew()
$inv = [Globalization.CultureInfo]::InvariantCulture
# STS wants TLS 1.2, which Windows PowerShell 5.1 may not offer by default (this process only).
try { [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12 } catch { }

function Out-Td([string]$Key, [string]$Value) {
  # One `key: value` line: one line, at most 300 characters.
  $v = $Value -replace "[`r`n]+", ' '
  if ($v.Length -gt 300) { $v = $v.Substring(0, 300) }
  Write-Output ('{0}: {1}' -f $Key, $v)
}

function Test-TdWord([string]$Value) {
  # A plain token (region, instance ID): letters, digits, dashes.
  return $Value -cmatch '^[A-Za-z0-9-]+$'
}

function Get-TdMask([string]$Value) {
  # An access key ID with only its first and last 4 characters.
  if ($Value.Length -le 8) { return ('*' * $Value.Length) }
  return $Value.Substring(0, 4) + ('*' * ($Value.Length - 8)) + $Value.Substring($Value.Length - 4)
}

function Hide-TdUserInfo([string]$Url) {
  # A URL without its user:password.
  return $Url -replace '^([A-Za-z][A-Za-z0-9+.-]*://)[^/]*@', '$1***@'
}

function Get-TdJson([string]$Json, [string]$Key) {
  # The string value of Key, read as text: ConvertFrom-Json would turn times into local dates.
  $m = [regex]::Match($Json, '"' + $Key + '"\s*:\s*"([^"]*)"')
  if ($m.Success) { return $m.Groups[1].Value }
  return $null
}

function Get-TdEpoch {
  # Seconds since 1970 by the local clock (ToUnixTimeSeconds needs .NET 4.6).
  return [string][int64][Math]::Floor(([DateTime]::UtcNow - [DateTime]::new(1970, 1, 1, 0, 0, 0, [DateTimeKind]::Utc)).TotalSeconds)
}

function Invoke-TdProbe([string]$Method, [string]$Uri, [hashtable]$Headers) {
  # Status (HTTP code, or timeout/refused/unreachable), Body, Date header, At (local epoch).
  if ($null -eq $Headers) { $Headers = @{} }
  $r = @{ Status = ''; Body = ''; Date = ''; At = '' }
  try {
    $resp = Invoke-WebRequest -UseBasicParsing -Method $Method -Uri $Uri -Headers $Headers -TimeoutSec 2 -ErrorAction Stop
    $r.Status = [string][int]$resp.StatusCode
    $r.Body = [string]$resp.Content
    $r.Date = [string](@($resp.Headers['Date']) -join ' ')
  } catch {
    $e = $_.Exception
    if ($null -ne $e.Response) {
      $r.Status = [string][int]$e.Response.StatusCode
      try { $r.Date = [string]$e.Response.Headers['Date'] } catch { }
      if (-not $r.Date) {
        try { $r.Date = $e.Response.Headers.Date.UtcDateTime.ToString('r', $inv) } catch { }
      }
    } elseif ("$e" -match 'timed? ?out|timeout|canceled|did not properly respond') {
      $r.Status = 'timeout'
    } elseif ("$e" -match 'refused') {
      $r.Status = 'refused'
    } else {
      $r.Status = 'unreachable'
    }
  }
  # The local clock when the answer came, to set against its Date.
  $r.At = Get-TdEpoch
  return $r
}

function Out-TdTool([string]$Key, [string]$Exe, [string[]]$ToolArgs) {
  # The tool's output, one `Key: line` each.
  $what = ('{0} {1}' -f $Exe, ($ToolArgs -join ' '))
  if (-not (Get-Command $Exe -ErrorAction SilentlyContinue)) {
    Out-Td 'skipped' ('{0} ({1} not installed)' -f $what, $Exe)
    return
  }
  $out = @(& $Exe @ToolArgs 2>&1)
  if ($LASTEXITCODE -ne 0) {
    Out-Td 'skipped' ('{0} (exit {1}: {2})' -f $what, $LASTEXITCODE, ("$(@($out)[0])").Trim())
    return
  }
  foreach ($o in $out) {
    $line = "$o"
    # Its last 4 characters are still the secret's.
    if ($line -match 'secret_key') { $line = $line -replace '\*{4,}\S*', '<redacted>' }
    if ($line.Trim()) { Out-Td $Key $line }
  }
}

function Out-TdProfiles([string]$Kind, [string]$Variable, [string]$Default) {
  # Section and key names, no values.
  $path = [Environment]::GetEnvironmentVariable($Variable)
  $label = '$env:' + $Variable
  if (-not $path) {
    $path = Join-Path $HOME $Default
    $label = '$HOME\' + $Default
  }
  if (-not (Test-Path -LiteralPath $path -PathType Leaf)) {
    Out-Td 'skipped' ('{0} (not found)' -f $label)
    return
  }
  try { $lines = @(Get-Content -LiteralPath $path -ErrorAction Stop) } catch {
    Out-Td 'skipped' ('{0} (not readable)' -f $label)
    return
  }
  $name = $null
  $keys = @()
  foreach ($l in $lines) {
    $t = "$l".Trim()
    if ($t -match '^\[([^\]]*)\]') {
      if ($null -ne $name) { Out-Td 'profile' ('{0} [{1}] keys={2}' -f $Kind, $name, ($keys -join ',')) }
      $name = $Matches[1]
      $keys = @()
    } elseif ($t -match '^([A-Za-z][A-Za-z0-9_.-]*)\s*=') {
      $keys += $Matches[1]
    }
  }
  if ($null -ne $name) { Out-Td 'profile' ('{0} [{1}] keys={2}' -f $Kind, $name, ($keys -join ',')) }
}

Write-Output '=== tokendoctor collector v@VERSION@ begin ==='
Out-Td 'collector_shell' ('powershell {0}' -f $PSVersionTable.PSVersion)
Out-Td 'os' ([Environment]::OSVersion.VersionString)
$admin = 'unknown'
try {
  $principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())
  $admin = if ($principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) { 'yes' } else { 'no' }
} catch { }
Out-Td 'admin' $admin
$epoch = Get-TdEpoch
Out-Td 'date_utc' ([DateTime]::new(1970, 1, 1, 0, 0, 0, [DateTimeKind]::Utc).AddSeconds([double]$epoch).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", $inv))
Out-Td 'epoch' $epoch
$offset = [TimeZoneInfo]::Local.GetUtcOffset([DateTime]::UtcNow)
$sign = if ($offset -lt [TimeSpan]::Zero) { '-' } else { '+' }
Out-Td 'tz' ('{0} {1}{2}' -f [TimeZoneInfo]::Local.Id, $sign, $offset.ToString('hh\:mm', $inv))

# IMDS: the SDKs' endpoint, an IMDSv2 token, then IMDSv1 without one.
$ep = $env:AWS_EC2_METADATA_SERVICE_ENDPOINT
if (-not $ep) {
  $ep = if ($env:AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE -eq 'IPv6') { 'http://[fd00:ec2::254]' } else { 'http://169.254.169.254' }
}
$ep = $ep.TrimEnd('/')
Out-Td 'imds_endpoint' (Hide-TdUserInfo $ep)
$p = Invoke-TdProbe 'PUT' "$ep/latest/api/token" @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '60' }
$tokenStatus = $p.Status
$imdsDate = $p.Date
$imdsAt = $p.At
$headers = @{}
if ($p.Status -eq '200') { $headers = @{ 'X-aws-ec2-metadata-token' = $p.Body.Trim() } }
Out-Td 'imds_token_status' $tokenStatus
$p = Invoke-TdProbe 'GET' "$ep/latest/meta-data/" $null
$v1Status = $p.Status
Out-Td 'imds_v1_status' $v1Status
if (-not $imdsDate) { $imdsDate = $p.Date; $imdsAt = $p.At }
if ($imdsDate) {
  Out-Td 'imds_date' $imdsDate
  Out-Td 'imds_date_epoch' $imdsAt
}
# A hashtable, so that the function below can change it without a global.
$imds = @{ Up = (($tokenStatus -match '^\d{3}$') -or ($v1Status -match '^\d{3}$')) }
function Invoke-TdImds([string]$Path) {
  # A GET, with the token if there is one; none after a timeout.
  if (-not $imds.Up) { return @{ Status = 'skipped'; Body = ''; Date = ''; At = '' } }
  $r = Invoke-TdProbe 'GET' "$ep/latest/$Path" $headers
  if ($r.Status -eq 'timeout') { $imds.Up = $false }
  return $r
}
$role = ''
$region = ''
if ($imds.Up) {
  $p = Invoke-TdImds 'meta-data/iam/security-credentials/'
  Out-Td 'role_status' $p.Status
  if ($p.Status -eq '200') {
    $role = ($p.Body -split "`r?`n")[0]
    if ($role -cmatch '^[A-Za-z0-9+=,.@_-]+$') { Out-Td 'role' $role } else { $role = ''; Out-Td 'skipped' 'role (not a role name)' }
  }
  $p = Invoke-TdImds 'meta-data/iam/info'
  Out-Td 'iam_info_status' $p.Status
  if ($p.Status -eq '200') {
    foreach ($k in @(@('Code', 'iam_info_code'), @('LastUpdated', 'iam_info_last_updated'), @('InstanceProfileArn', 'iam_info_profile_arn'), @('InstanceProfileId', 'iam_info_profile_id'))) {
      $v = Get-TdJson $p.Body $k[0]
      if ($null -ne $v) { Out-Td $k[1] $v }
    }
  }
  $p = Invoke-TdImds 'meta-data/instance-id'
  if ($p.Status -eq '200' -and (Test-TdWord $p.Body)) { Out-Td 'instance_id' $p.Body } else { Out-Td 'instance_id_status' $p.Status }
  $p = Invoke-TdImds 'meta-data/placement/region'
  if ($p.Status -eq '200' -and (Test-TdWord $p.Body)) {
    $region = $p.Body
  } else {
    $p = Invoke-TdImds 'meta-data/placement/availability-zone'
    if ($p.Status -eq '200' -and (Test-TdWord $p.Body)) { $region = $p.Body -replace '[a-z]$', '' }
  }
  if ($region) { Out-Td 'region' $region } else { Out-Td 'region_status' $p.Status }
  if ($role) {
    $p = Invoke-TdImds "meta-data/iam/security-credentials/$role"
    Out-Td 'cred_status' $p.Status
    if ($p.Status -eq '200') {
      $d = $p.Body
      foreach ($k in @(@('Code', 'cred_code'), @('LastUpdated', 'cred_last_updated'), @('Type', 'cred_type'))) {
        $v = Get-TdJson $d $k[0]
        if ($null -ne $v) { Out-Td $k[1] $v }
      }
      $v = Get-TdJson $d 'AccessKeyId'
      if ($null -ne $v) { Out-Td 'cred_access_key_id' (Get-TdMask $v) }
      $v = Get-TdJson $d 'SecretAccessKey'
      if ($null -ne $v) { Out-Td 'cred_secret_access_key' ('<redacted len={0}>' -f $v.Length) }
      $v = Get-TdJson $d 'Token'
      if ($null -ne $v) { Out-Td 'cred_token' ('<redacted len={0}>' -f $v.Length) }
      foreach ($k in @(@('Expiration', 'cred_expiration'), @('Message', 'cred_message'))) {
        $v = Get-TdJson $d $k[0]
        if ($null -ne $v) { Out-Td $k[1] $v }
      }
      $d = $null
    }
  }
  if (-not $imds.Up) { Out-Td 'skipped' 'imds paths after a timeout' }
} else {
  Out-Td 'skipped' 'imds paths (IMDS did not answer)'
}
$p = $null
$headers = $null

# STS, unsigned: only its Date header, AWS's clock.
$sts = $env:AWS_ENDPOINT_URL_STS
if (-not $sts) { $sts = $env:AWS_ENDPOINT_URL }
if (-not $sts) {
  $r = $region
  if (-not $r) { $r = $env:AWS_REGION }
  if (-not $r) { $r = $env:AWS_DEFAULT_REGION }
  if (-not (Test-TdWord $r)) { $r = '' }
  $sts = if (-not $r) { 'https://sts.amazonaws.com' } elseif ($r -like 'cn-*') { "https://sts.$r.amazonaws.com.cn" } else { "https://sts.$r.amazonaws.com" }
}
$sts = $sts.TrimEnd('/')
Out-Td 'sts_endpoint' (Hide-TdUserInfo $sts)
# An unsigned call: AWS answers 403 with its Date; the bare root would redirect.
$p = Invoke-TdProbe 'GET' "$sts/?Action=GetCallerIdentity&Version=2011-06-15" $null
Out-Td 'sts_status' $p.Status
if ($p.Date) {
  Out-Td 'sts_date' $p.Date
  Out-Td 'sts_date_epoch' $p.At
}

# Time synchronization.
Out-TdTool 'w32tm' 'w32tm' @('/query', '/status')

# Variables: AWS_* and proxies; secret values as their length only.
$shown = '^(' + (@(
@SHOWN_ENV@
) -join '|') + ')$'
Get-ChildItem Env: | Where-Object { $_.Name -match '^(AWS_.*|HTTPS?_PROXY|NO_PROXY|ALL_PROXY)$' } | Sort-Object Name | ForEach-Object {
  $n = $_.Name
  $v = [string]$_.Value
  if ($n -match $shown) { $v = Hide-TdUserInfo $v }
  elseif ($n -eq 'AWS_ACCESS_KEY_ID') { $v = Get-TdMask $v }
  else { $v = '<redacted len={0}>' -f $v.Length }
  Out-Td 'env' ('{0}={1}' -f $n, $v)
}

# Profiles: section and key names only.
Out-TdProfiles 'credentials' 'AWS_SHARED_CREDENTIALS_FILE' '.aws\credentials'
Out-TdProfiles 'config' 'AWS_CONFIG_FILE' '.aws\config'

# JVMs started with -Daws.* (names only).
foreach ($n in @('JAVA_TOOL_OPTIONS', 'JAVA_OPTS', '_JAVA_OPTIONS')) {
  $props = @([regex]::Matches([string][Environment]::GetEnvironmentVariable($n), '-Daws\.[A-Za-z0-9_.-]+') | ForEach-Object { $_.Value })
  if ($props.Count -gt 0) { Out-Td 'jvm' ('{0} props={1}' -f $n, ($props -join ',')) }
}
try {
  $procs = @(Get-CimInstance Win32_Process -Filter "Name='java.exe' OR Name='javaw.exe'" -ErrorAction Stop)
  foreach ($pr in $procs) {
    if ($null -eq $pr.CommandLine) {
      Out-Td 'skipped' ('command line of pid {0} (not readable: run as administrator)' -f $pr.ProcessId)
      continue
    }
    $props = @([regex]::Matches($pr.CommandLine, '-Daws\.[A-Za-z0-9_.-]+') | ForEach-Object { $_.Value } | Select-Object -Unique)
    if ($props.Count -gt 0) { Out-Td 'jvm' ('pid={0} props={1}' -f $pr.ProcessId, ($props -join ',')) }
  }
} catch {
  Out-Td 'skipped' 'JVM scan (Get-CimInstance not available)'
}

# The AWS CLI's view: where its credentials come from.
Out-TdTool 'aws_cli' 'aws' @('--version')
Out-TdTool 'aws_configure_list' 'aws' @('configure', 'list')

Out-Td 'elapsed_seconds' ([string][int]$clock.Elapsed.TotalSeconds)
Write-Output '=== tokendoctor collector v@VERSION@ end ==='
}
"##;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RootCause;
    use crate::{analyze, Report};

    const OK: &str = include_str!("../../../tests/fixtures/collector/bash-moto-clock-ok.txt");
    const BEHIND: &str = include_str!("../../../tests/fixtures/collector/bash-moto-clock-behind.txt");
    const NO_ROLE: &str = include_str!("../../../tests/fixtures/collector/bash-no-role.txt");
    const UNREACHABLE: &str = include_str!("../../../tests/fixtures/collector/bash-imds-unreachable.txt");
    const PS: &str = include_str!("../../../tests/fixtures/collector/powershell-windows-clock-behind.txt");

    fn now() -> Timestamp {
        time::parse_instant("2026-11-28T14:00:00Z").unwrap()
    }

    fn run(text: &str) -> Report {
        analyze(text, now())
    }

    fn skew(r: &Report) -> Option<i64> {
        r.clock.as_ref().filter(|c| c.source == ClockSource::Collector).map(|c| c.skew_seconds)
    }

    fn collector_cred(r: &Report) -> &Credential {
        let v: Vec<&Credential> = r.credentials.iter().filter(|c| c.format == CredFormat::Collector).collect();
        assert_eq!(v.len(), 1, "{:#?}", r.credentials);
        v[0]
    }

    /// What the clock-behind capture must give, wherever it is pasted.
    fn assert_behind(r: &Report) {
        assert_eq!(skew(r), Some(-1200), "{:?}", r.clock);
        assert_eq!(r.root_cause, RootCause::ClockSkew);
        assert_eq!(r.context.role.as_deref(), Some("default-role"));
        assert_eq!(r.context.region.as_deref(), Some("us-east-1"));
        let c = collector_cred(r);
        assert_eq!(c.expiration.map(time::rfc3339).as_deref(), Some("2026-11-29T13:02:36Z"));
        assert_eq!(c.role.as_deref(), Some("default-role"));
        assert!(c.has_secret && c.has_session_token);
        assert!(r.imds.is_empty(), "{:?}", r.imds);
    }

    #[test]
    fn scripts_carry_markers_and_no_placeholder() {
        for shell in [Shell::Bash, Shell::PowerShell] {
            let s = script(shell);
            assert!(s.contains(&format!("=== tokendoctor collector v{VERSION} begin ===")));
            assert!(s.contains(&format!("=== tokendoctor collector v{VERSION} end ===")));
            assert!(!s.contains("@VERSION@") && !s.contains("@SHOWN_ENV@"), "{shell:?}");
            assert!(!s.contains('\t'), "a tab pasted into a terminal completes instead");
        }
    }

    #[test]
    fn both_shells_print_the_same_fields() {
        let bash = script(Shell::Bash);
        let ps = script(Shell::PowerShell);
        let only_bash = ["root", "chrony", "timedatectl"];
        let only_ps = ["admin", "w32tm"];
        for k in FIELDS {
            let in_bash = bash.contains(&format!("td {k} ")) || bash.contains(&format!("td_tool {k} "));
            let in_ps = ps.contains(&format!("'{k}'"));
            assert_eq!(in_bash, !only_ps.contains(k), "bash and {k}");
            assert_eq!(in_ps, !only_bash.contains(k), "powershell and {k}");
        }
        // And the scripts print no key the reader does not know.
        for line in bash.lines() {
            for (i, _) in line.match_indices("td ") {
                if i > 0 && !line.as_bytes()[i - 1].is_ascii_whitespace() && line.as_bytes()[i - 1] != b'&' {
                    continue;
                }
                let key: String = line[i + 3..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                if !key.is_empty() && line[i + 3 + key.len()..].starts_with(' ') {
                    assert!(FIELDS.contains(&key.as_str()), "bash prints unknown key {key}: {line}");
                }
            }
        }
        for line in ps.lines() {
            if let Some(i) = line.find("Out-Td '") {
                let key: String = line[i + 8..].chars().take_while(|c| *c != '\'').collect();
                assert!(FIELDS.contains(&key.as_str()), "powershell prints unknown key {key}: {line}");
            }
        }
    }

    #[test]
    fn every_network_call_is_bounded() {
        let bash = script(Shell::Bash);
        let curls: Vec<&str> =
            bash.lines().filter(|l| l.contains("$(curl ") || l.trim_start().starts_with("curl ")).collect();
        assert_eq!(curls.len(), 1, "one place calls curl: {curls:?}");
        assert!(curls[0].contains("--max-time 2 --connect-timeout 2"));
        assert!(!bash.contains("wget "));
        let ps = script(Shell::PowerShell);
        let iwr: Vec<&str> =
            ps.lines().filter(|l| l.split('#').next().unwrap_or("").contains("Invoke-WebRequest")).collect();
        assert_eq!(iwr.len(), 1, "{iwr:?}");
        assert!(iwr[0].contains("-TimeoutSec 2") && iwr[0].contains("-UseBasicParsing"));
        assert!(!ps.contains("Invoke-RestMethod"));
        // Local tools are bounded too (bash, with coreutils timeout).
        assert!(bash.contains("timeout \"$s\" \"$@\""));
    }

    #[test]
    fn scripts_print_secrets_as_lengths_only() {
        let bash = script(Shell::Bash);
        assert!(bash.contains("set +xv"), "a trace would echo values");
        assert!(bash.contains(r#"td cred_secret_access_key "<redacted len=${#J}>""#));
        assert!(bash.contains(r#"td cred_token "<redacted len=${#J}>""#));
        assert!(bash.contains(r#"*) v="<redacted len=${#v}>" ;;"#));
        // The document itself is never printed: only fields read from it.
        for line in bash.lines().filter(|l| l.contains("P_BODY") && l.contains("td ")) {
            assert!(line.contains("td instance_id \"$P_BODY\"") || line.contains("td_json \"$P_BODY\""), "{line}");
        }
        let ps = script(Shell::PowerShell);
        assert!(ps.contains("Out-Td 'cred_secret_access_key' ('<redacted len={0}>' -f $v.Length)"));
        assert!(ps.contains("Out-Td 'cred_token' ('<redacted len={0}>' -f $v.Length)"));
        assert!(ps.contains("else { $v = '<redacted len={0}>' -f $v.Length }"));
        for line in ps.lines().filter(|l| l.contains("$p.Body") && l.contains("Out-Td")) {
            assert!(line.contains("Out-Td 'instance_id' $p.Body"), "{line}");
        }
    }

    /// Braces, brackets and parentheses balance outside strings and comments;
    /// no `"$name:"` (PowerShell reads a drive-qualified variable there).
    #[test]
    fn powershell_quoting() {
        let ps = script(Shell::PowerShell);
        let mut stack: Vec<char> = Vec::new();
        for (n, line) in ps.lines().enumerate() {
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '#' => break,
                    '\'' => {
                        // '' is a quote inside a single-quoted string.
                        loop {
                            match chars.next() {
                                Some('\'') if chars.peek() == Some(&'\'') => {
                                    chars.next();
                                }
                                Some('\'') => break,
                                Some(_) => {}
                                None => panic!("line {}: unterminated '…': {line}", n + 1),
                            }
                        }
                    }
                    '"' => {
                        let mut s = String::new();
                        loop {
                            match chars.next() {
                                Some('`') => {
                                    chars.next();
                                }
                                Some('"') => break,
                                Some(x) => s.push(x),
                                None => panic!("line {}: unterminated \"…\": {line}", n + 1),
                            }
                        }
                        for (i, _) in s.match_indices('$') {
                            let name: String =
                                s[i + 1..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                            let after = &s[i + 1 + name.len()..];
                            assert!(!after.starts_with(':') || name == "env", "line {}: \"${name}:\" in {line}", n + 1);
                        }
                    }
                    '{' | '(' | '[' => stack.push(c),
                    '}' | ')' | ']' => {
                        let open = stack.pop();
                        let want = match c {
                            '}' => '{',
                            ')' => '(',
                            _ => '[',
                        };
                        assert_eq!(open, Some(want), "line {}: {line}", n + 1);
                    }
                    _ => {}
                }
            }
        }
        assert!(stack.is_empty(), "unclosed {stack:?}");
        assert!(ps.contains("& {"), "runs in its own scope when pasted");
    }

    #[test]
    fn clock_behind_capture() {
        let r = run(BEHIND);
        assert_behind(&r);
        assert_eq!(r.start_step, "clock_linux");
        assert_eq!(r.context.shell, Some(Shell::Bash));
        assert_eq!(r.context.imds_v2, Some(true));
        let info = r.collector.as_ref().unwrap();
        assert_eq!((info.version.as_str(), info.complete), (VERSION, true));
        assert_eq!(&BEHIND[info.span.start..info.span.start + 3], "===");
        assert!(r.has("clock_behind"));
        // Read once: no generic pairing of its times, no second credential but
        // the `aws configure list` table, which the generic reader sees.
        assert!(r.clock_evidence.iter().all(|e| e.source == Some(ClockSource::Collector)), "{:?}", r.clock_evidence);
        let formats: Vec<CredFormat> = r.credentials.iter().map(|c| c.format).collect();
        assert_eq!(formats, vec![CredFormat::Collector, CredFormat::ConfigureList]);
        assert_eq!(r.credentials[1].origin.as_deref(), Some("iam-role"));
        assert_eq!(r.context.env_vars, vec!["AWS_EC2_METADATA_SERVICE_ENDPOINT", "AWS_ENDPOINT_URL_STS"]);
        // AWS's time at collection is offered as the "as of" time.
        assert!(r.ref_times.iter().any(|t| t.what == "server" && time::rfc3339(t.time) == "2026-11-28T13:02:35Z"));
    }

    #[test]
    fn clock_ok_capture() {
        let r = run(OK);
        assert!(skew(&r).is_some_and(|s| s.abs() <= 2), "{:?}", r.clock);
        assert_eq!(r.root_cause, RootCause::Unknown);
        assert!(r.has("clock_ok") && r.has("credentials_valid"));
        assert_eq!(r.context.role.as_deref(), Some("default-role"));
    }

    #[test]
    fn no_role_capture() {
        let r = run(NO_ROLE);
        assert_eq!(r.root_cause, RootCause::ImdsUnreachable);
        assert_eq!(
            r.imds.iter().map(|i| (i.kind, i.status)).collect::<Vec<_>>(),
            vec![(ImdsKind::NotFound, Some(404))]
        );
        assert!(r.has("imds_404"));
        assert_eq!(r.context.role, None);
        assert_eq!(r.context.instance_id.as_deref(), Some("i-0abc1234def567890"));
        assert_eq!(r.context.region.as_deref(), Some("eu-west-1"));
        assert!(r.credentials.iter().all(|c| c.format != CredFormat::Collector));
    }

    #[test]
    fn unreachable_capture() {
        let r = run(UNREACHABLE);
        assert_eq!(r.root_cause, RootCause::ImdsUnreachable);
        assert_eq!(r.imds.iter().map(|i| i.kind).collect::<Vec<_>>(), vec![ImdsKind::Timeout]);
        assert!(r.has("imds_timeout"));
        assert_eq!(r.clock, None);
        assert!(r.collector.as_ref().unwrap().complete);
    }

    #[test]
    fn powershell_fixture() {
        let r = run(PS);
        assert_eq!(skew(&r), Some(-451));
        assert_eq!(r.root_cause, RootCause::ClockSkew);
        assert_eq!(r.start_step, "clock_windows");
        assert!(r.has("clock_unsynchronized"), "w32tm lines are read");
        let ctx = &r.context;
        assert_eq!(ctx.shell, Some(Shell::PowerShell));
        assert_eq!(ctx.role.as_deref(), Some("WebServerRole"));
        assert_eq!(ctx.instance_profile.as_deref(), Some("WebServerProfile"));
        assert_eq!(ctx.account.as_deref(), Some("111122223333"));
        assert_eq!(ctx.instance_id.as_deref(), Some("i-0abc1234def567890"));
        assert_eq!(ctx.region.as_deref(), Some("eu-central-1"));
        assert_eq!(ctx.proxy.as_deref(), Some("http://***@proxy.corp.example:3128"));
        assert!(!r.has("proxy_catches_imds"), "NO_PROXY has the IMDS address");
        assert_eq!(ctx.java_props, vec!["aws.region"]);
        let c = collector_cred(&r);
        assert_eq!(c.code.as_deref(), Some("Success"));
        assert_eq!(c.access_key_id.as_deref(), Some("ASIA************WXYZ"));
        assert_eq!(c.temporary, Some(true));
        assert_eq!(c.lifetime_seconds(), Some(6 * 3600 + 25 * 60 + 33));
    }

    /// The capture pasted in the ways tickets and logs show it.
    #[test]
    fn pasted_quoted_prefixed_crlf() {
        let quoted: String = BEHIND.lines().map(|l| format!("> {l}\n")).collect();
        assert_behind(&run(&quoted));
        let html: String = BEHIND.lines().map(|l| format!("&gt; {l}\n")).collect();
        assert_behind(&run(&html));
        let logged: String = BEHIND
            .lines()
            .enumerate()
            .map(|(i, l)| format!("2026-11-28T13:02:{:02}.{:03}Z [ticket-42] {l}\n", i % 60, i * 7 % 1000))
            .collect();
        assert_behind(&run(&logged));
        let crlf = BEHIND.replace('\n', "\r\n");
        assert_behind(&run(&crlf));
        let indented: String = BEHIND.lines().map(|l| format!("    {l}\n")).collect();
        assert_behind(&run(&indented));
        // A ticket API's JSON: the whole block on one line, `\n`-escaped.
        let json = format!("{{\"comment\": \"{}\"}}", BEHIND.replace('\n', "\\n"));
        assert_behind(&run(&json));
    }

    #[test]
    fn inside_other_text() {
        let text = format!(
            "Hi, our app fails with:\n\nAn error occurred (ExpiredToken) when calling the GetCallerIdentity operation: The security token included in the request is expired\n\nI ran the collector as asked:\n\n{BEHIND}\nThanks, Ana\nnote: this started after a reboot\n"
        );
        let r = run(&text);
        assert_behind(&r);
        // The error outside the block is read as usual; the clock explains it.
        assert_eq!(r.errors.first().and_then(|e| e.code.as_deref()), Some("ExpiredToken"));
        assert!(r.collector.as_ref().unwrap().complete);
    }

    #[test]
    fn cut_short_or_missing_lines() {
        // No end marker: read up to where it stops.
        let cut = &BEHIND[..BEHIND.find("sts_endpoint").unwrap()];
        let r = run(cut);
        assert_behind(&r);
        assert!(!r.collector.as_ref().unwrap().complete);
        // Cut in the middle of a line, then followed by other text.
        let cut = format!("{}\nrest of the ticket", &BEHIND[..BEHIND.find("cred_expiration").unwrap() + 9]);
        let r = run(&cut);
        assert_eq!(skew(&r), Some(-1200));
        assert_eq!(collector_cred(&r).expiration, None);
        // No begin marker: read back from the end marker.
        let tail = &BEHIND[BEHIND.find("imds_date:").unwrap()..];
        let r = run(tail);
        assert_eq!(skew(&r), Some(-1200));
        assert!(!r.collector.as_ref().unwrap().complete);
        // Every third line lost.
        let sparse: String = BEHIND
            .lines()
            .enumerate()
            .filter(|(i, l)| i % 3 != 2 || l.contains("==="))
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        let r = run(&sparse);
        assert!(r.collector.is_some());
        assert_eq!(r.context.role.as_deref(), Some("default-role"));
    }

    #[test]
    fn large_input_keeps_the_block() {
        let noise = "2026-11-28 12:00:00 INFO app: request handled in 12 ms\n".repeat(6000);
        let text = format!("{noise}{BEHIND}{noise}");
        assert!(text.len() > crate::parse::WHOLE_LIMIT);
        let r = run(&text);
        assert_behind(&r);
        assert!(r.collector.as_ref().unwrap().complete);
    }

    #[test]
    fn the_script_itself_is_not_a_block() {
        for shell in [Shell::Bash, Shell::PowerShell] {
            let r = run(&script(shell));
            assert!(r.collector.is_none(), "{shell:?}");
            assert!(r.credentials.is_empty() && r.clock.is_none() && r.imds.is_empty(), "{shell:?}: {:?}", r.findings);
        }
    }

    #[test]
    fn two_blocks_before_and_after() {
        let text = format!("before the fix:\n{BEHIND}\nafter:\n{OK}");
        let r = run(&text);
        assert_eq!(skew(&r), Some(-1200), "the first block's measurement");
        assert!(r.clock_evidence.iter().filter(|e| e.source == Some(ClockSource::Collector)).count() == 2);
    }

    #[test]
    fn unknown_keys_and_tampered_values() {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        let text = BEHIND
            .replace("cred_access_key_id: ********", "cred_access_key_id: ASIAIOSFODNN7EXAMPLE")
            .replace("cred_secret_access_key: <redacted len=15>", &format!("cred_secret_access_key: {secret}"))
            .replace("role_status: 200", "role_status: 200\nimds_hop_limit: 1\nsome_future_key: ExpiredToken");
        let r = run(&text);
        assert_behind(&r);
        let c = collector_cred(&r);
        assert_eq!(c.access_key_id.as_deref(), Some("ASIA************MPLE"));
        assert!(c.has_secret);
        assert!(!format!("{r:?}").contains(secret), "a secret pasted by hand is not kept");
        assert!(r.errors.is_empty(), "an unknown key of a complete block is not read as an error");
    }

    #[test]
    fn imds_event_rules() {
        let block = |lines: &str| {
            format!("=== tokendoctor collector v1 begin ===\n{lines}\n=== tokendoctor collector v1 end ===\n")
        };
        let kinds = |lines: &str| run(&block(lines)).imds.iter().map(|i| i.kind).collect::<Vec<_>>();
        // IMDSv2 required and the token times out (hop limit): no credentials.
        assert_eq!(
            kinds("imds_token_status: timeout\nimds_v1_status: 401"),
            vec![ImdsKind::Timeout, ImdsKind::V1Blocked]
        );
        // The token times out but IMDSv1 serves the credentials: not a cause.
        let r = run(&block("imds_token_status: timeout\nimds_v1_status: 200\nrole_status: 200\nrole: r\ncred_status: 200\ncred_code: Success"));
        assert!(r.imds.is_empty());
        assert_eq!(r.context.imds_v2, Some(false));
        assert_eq!(
            kinds("imds_token_status: 403\nimds_v1_status: 403"),
            vec![ImdsKind::Forbidden, ImdsKind::Forbidden]
        );
        assert_eq!(kinds("imds_token_status: 200\nimds_v1_status: 200\nrole_status: 429"), vec![ImdsKind::Throttled]);
        assert_eq!(
            kinds("imds_token_status: 200\nrole_status: 200\nrole: r\ncred_status: timeout"),
            vec![ImdsKind::Timeout]
        );
        assert_eq!(
            kinds("imds_token_status: 200\nimds_v1_status: 200\nenv: AWS_EC2_METADATA_DISABLED=true"),
            vec![ImdsKind::Disabled]
        );
        // Without curl nothing was asked: no event.
        assert!(kinds(
            "imds_token_status: no-curl\nimds_v1_status: no-curl\nskipped: network probes (curl not installed)"
        )
        .is_empty());
        // The role cannot be assumed: IMDS answers 200 with a code.
        let r = run(&block("imds_token_status: 200\nimds_v1_status: 200\nrole_status: 200\nrole: r\ncred_status: 200\ncred_code: AssumeRoleUnauthorizedAccess\ncred_message: EC2 cannot assume the role r."));
        assert_eq!(r.root_cause, RootCause::ImdsUnreachable);
        assert!(r.has("assume_role_unauthorized"));
    }

    #[test]
    fn env_profiles_and_jvms() {
        let r = run(&format!(
            "=== tokendoctor collector v1 begin ===\n{}\n=== tokendoctor collector v1 end ===\n",
            [
                "collector_shell: bash 5.2",
                "env: AWS_ACCESS_KEY_ID=ASIA************ABCD",
                "env: AWS_SECRET_ACCESS_KEY=<redacted len=40>",
                "env: AWS_SESSION_TOKEN=<redacted len=900>",
                "env: AWS_CREDENTIAL_EXPIRATION=2026-11-28T13:00:00Z",
                "env: HTTPS_PROXY=http://***@proxy:3128",
                "env: http_proxy=http://***@proxy:3128",
                "profile: credentials [default] keys=aws_access_key_id,aws_secret_access_key",
                "profile: credentials [sso temp] keys=aws_access_key_id,aws_secret_access_key,aws_session_token",
                "profile: config [profile dev] keys=role_arn,source_profile",
                "jvm: pid=4242 props=-Daws.accessKeyId,-Daws.secretKey",
                "jvm: pid=4242 env=AWS_ACCESS_KEY_ID,AWS_PROFILE",
            ]
            .join("\n")
        ));
        let ctx = &r.context;
        assert_eq!(
            ctx.env_vars,
            vec![
                "AWS_ACCESS_KEY_ID",
                "AWS_SECRET_ACCESS_KEY",
                "AWS_SESSION_TOKEN",
                "AWS_CREDENTIAL_EXPIRATION",
                "AWS_PROFILE"
            ]
        );
        assert_eq!(ctx.token_profiles, vec!["sso temp"]);
        assert_eq!(ctx.java_props, vec!["aws.accessKeyId", "aws.secretKey"]);
        assert_eq!(ctx.proxy.as_deref(), Some("http://***@proxy:3128"));
        assert!(
            r.has("env_credentials")
                && r.has("java_properties")
                && r.has("profile_session_token")
                && r.has("proxy_catches_imds")
        );
        let env: Vec<&Credential> = r.credentials.iter().filter(|c| c.format == CredFormat::EnvDump).collect();
        assert_eq!(env.len(), 1);
        assert_eq!(env[0].access_key_id.as_deref(), Some("ASIA************ABCD"));
        assert!(env[0].has_secret && env[0].has_session_token);
        assert_eq!(env[0].expiration.map(time::rfc3339).as_deref(), Some("2026-11-28T13:00:00Z"));
        assert!(r.has("credentials_expired"), "the exported session expired before `now`");
    }

    #[test]
    fn garbage_and_every_truncation() {
        for s in [
            "=== tokendoctor collector v",
            "tokendoctor collector v1 begin",
            "=== tokendoctor collector v1 end ===",
            "=== tokendoctor collector v9.9.9 begin ===\nrole:\nepoch: 99999999999999999999\nimds_date: Sat, 99 Foo\n",
            "=== tokendoctor collector v1 begin ===\né: ü\n日本: 語\nrole: ロール\ncred_token: <redacted len=99999999999999999999999>\n",
            "> ", "", ":", "\n\n\n",
        ] {
            let _ = run(s);
        }
        for text in [PS, BEHIND] {
            for (i, _) in text.char_indices().step_by(7) {
                let _ = run(&text[..i]);
                let _ = run(&text[i..]);
            }
        }
    }

    /// What a recognizer's table finds inside the block is dropped with it.
    #[test]
    fn nothing_inside_the_block_is_read_twice() {
        let text = "=== tokendoctor collector v1 begin ===\nimds_token_status: 200\nimds_v1_status: 200\n\
            some_future_key: unable to locate credentials\n\
            skipped: aws configure list (exit 255: Unable to locate credentials)\n\
            cred_message: ExpiredToken: The security token included in the request is expired\n\
            === tokendoctor collector v1 end ===\n";
        let r = run(text);
        assert!(r.imds.is_empty() && r.errors.is_empty(), "{:?} {:?}", r.imds, r.errors);
        // Outside the block, the same line is read.
        let r = run(&format!("{text}Unable to locate credentials\n"));
        assert_eq!(r.imds.len(), 1);
    }

    #[test]
    fn blanking_keeps_offsets() {
        let mut s = String::from("ab\ncdé\nfg\nhi");
        let before = s.len();
        blank(&mut s, &[(0, 7), (8, 10), (11, 99)]);
        assert_eq!(s.len(), before);
        assert_eq!(s, "  \n    \n  \n  ");
    }
}
