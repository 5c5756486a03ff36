//! Timestamps as they appear in pastes, and durations as people read them.
//!
//! Hand-written scanners for the handful of forms AWS tools print: ISO 8601
//! (IMDS, CLI, PowerShell `-Format o`), the compact SigV4 form
//! (`20151120T200815Z`), HTTP dates, `date` output, .NET culture dates. Each
//! parser reads at the start of a string and says how many bytes it used.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};

/// A point in time, always UTC.
pub type Timestamp = DateTime<Utc>;

/// What the text says about the time zone of a parsed time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    Utc,
    /// Seconds east of UTC.
    Offset(i32),
    /// No zone shown: a local time of unknown offset.
    Unknown,
}

/// A time read from text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub local: NaiveDateTime,
    pub zone: Zone,
    /// Bytes used from the start of the input.
    pub len: usize,
}

impl Parsed {
    /// The instant, when the zone is known.
    pub fn utc(&self) -> Option<Timestamp> {
        let off = match self.zone {
            Zone::Utc => 0,
            Zone::Offset(o) => o,
            Zone::Unknown => return None,
        };
        let t = self.local - chrono::Duration::seconds(i64::from(off));
        Some(Utc.from_utc_datetime(&t))
    }
    /// The instant, reading a time without a zone as UTC.
    pub fn utc_assumed(&self) -> Timestamp {
        self.utc().unwrap_or_else(|| Utc.from_utc_datetime(&self.local))
    }
}

/// Formats as RFC 3339 UTC with `Z`; milliseconds only when present.
pub fn rfc3339(t: Timestamp) -> String {
    // By hand: chrono's strftime formatter costs kilobytes of wasm.
    let mut s = String::with_capacity(24);
    push_num(&mut s, t.year() as u32, 4);
    s.push('-');
    push_num(&mut s, t.month(), 2);
    s.push('-');
    push_num(&mut s, t.day(), 2);
    s.push('T');
    push_num(&mut s, t.hour(), 2);
    s.push(':');
    push_num(&mut s, t.minute(), 2);
    s.push(':');
    push_num(&mut s, t.second(), 2);
    let ms = t.timestamp_subsec_millis();
    if ms != 0 {
        s.push('.');
        push_num(&mut s, ms, 3);
    }
    s.push('Z');
    s
}

/// Appends `n` zero-padded to `width` digits.
fn push_num(s: &mut String, n: u32, width: usize) {
    let mut buf = [b'0'; 10];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = buf.len() - i;
    for _ in digits..width {
        s.push('0');
    }
    s.extend(buf[i..].iter().map(|&b| b as char));
}

/// Parses a decimal such as `-00.0031265` or `0.000000626` (offsets printed
/// by chronyc and w32tm). By hand: the standard float parser is large in wasm.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let s = s.trim();
    let (neg, digits) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut v = 0f64;
    for b in int.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10.0 + f64::from(b - b'0');
    }
    let mut scale = 0.1f64;
    for b in frac.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        v += f64::from(b - b'0') * scale;
        scale /= 10.0;
    }
    Some(if neg { -v } else { v })
}

/// Parses an RFC 3339 / ISO 8601 instant given on a command line or in a form.
pub fn parse_instant(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    let p = iso_at(s).or_else(|| compact_at(s))?;
    if p.len != s.len() {
        return None;
    }
    p.utc()
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let s = b.get(at..at + n)?;
    let mut v = 0u32;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(c - b'0');
    }
    Some(v)
}

fn make(y: u32, mo: u32, d: u32, h: u32, mi: u32, s: u32, nanos: u32) -> Option<NaiveDateTime> {
    if !(1970..=2200).contains(&y) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y as i32, mo, d)?;
    // A leap second (`:60`) is read as the last second of the minute.
    let time = NaiveTime::from_hms_nano_opt(h, mi, s.min(59), nanos)?;
    Some(NaiveDateTime::new(date, time))
}

/// Fraction `.123456789` (any number of digits); returns nanos and bytes used.
fn fraction(b: &[u8], at: usize) -> (u32, usize) {
    if !matches!(b.get(at), Some(b'.') | Some(b',')) {
        return (0, 0);
    }
    let mut n = 0u32;
    let mut used = 1;
    let mut scale = 100_000_000u32;
    while let Some(c) = b.get(at + used).filter(|c| c.is_ascii_digit()) {
        n += u32::from(c - b'0') * scale;
        scale /= 10;
        used += 1;
    }
    if used == 1 {
        (0, 0)
    } else {
        (n, used)
    }
}

/// Zone suffix: `Z`, `+HH:MM`, `+HHMM`, `+HH`, ` UTC`, ` GMT`.
fn zone_suffix(b: &[u8], at: usize) -> (Zone, usize) {
    match b.get(at) {
        Some(b'Z') | Some(b'z') => (Zone::Utc, 1),
        Some(&c @ (b'+' | b'-')) => {
            let sign = if c == b'-' { -1 } else { 1 };
            let Some(h) = digits(b, at + 1, 2) else {
                return (Zone::Unknown, 0);
            };
            let (m, used) = if b.get(at + 3) == Some(&b':') {
                match digits(b, at + 4, 2) {
                    Some(m) => (m, 6),
                    None => (0, 3),
                }
            } else {
                match digits(b, at + 3, 2) {
                    Some(m) => (m, 5),
                    None => (0, 3),
                }
            };
            if h > 14 || m > 59 {
                return (Zone::Unknown, 0);
            }
            (Zone::Offset(sign * (h * 3600 + m * 60) as i32), used)
        }
        Some(b' ') => {
            let rest = &b[at + 1..];
            if rest.starts_with(b"UTC") || rest.starts_with(b"GMT") {
                (Zone::Utc, 4)
            } else {
                (Zone::Unknown, 0)
            }
        }
        _ => (Zone::Unknown, 0),
    }
}

/// `YYYY-MM-DD[T ]HH:MM[:SS][.frac][zone]`.
pub fn iso_at(s: &str) -> Option<Parsed> {
    let b = s.as_bytes();
    let y = digits(b, 0, 4)?;
    if b.get(4) != Some(&b'-') {
        return None;
    }
    let mo = digits(b, 5, 2)?;
    if b.get(7) != Some(&b'-') {
        return None;
    }
    let d = digits(b, 8, 2)?;
    if !matches!(b.get(10), Some(b'T') | Some(b't') | Some(b' ')) {
        return None;
    }
    let h = digits(b, 11, 2)?;
    if b.get(13) != Some(&b':') {
        return None;
    }
    let mi = digits(b, 14, 2)?;
    let mut at = 16;
    let mut sec = 0;
    if b.get(16) == Some(&b':') {
        sec = digits(b, 17, 2)?;
        at = 19;
    }
    let (nanos, used) = fraction(b, at);
    at += used;
    let (zone, used) = zone_suffix(b, at);
    at += used;
    Some(Parsed { local: make(y, mo, d, h, mi, sec, nanos)?, zone, len: at })
}

/// Compact SigV4 form `YYYYMMDDTHHMMSSZ`.
pub fn compact_at(s: &str) -> Option<Parsed> {
    let b = s.as_bytes();
    let y = digits(b, 0, 4)?;
    let mo = digits(b, 4, 2)?;
    let d = digits(b, 6, 2)?;
    if b.get(8) != Some(&b'T') {
        return None;
    }
    let h = digits(b, 9, 2)?;
    let mi = digits(b, 11, 2)?;
    let sec = digits(b, 13, 2)?;
    let (zone, len) = match b.get(15) {
        Some(b'Z') => (Zone::Utc, 16),
        _ => (Zone::Unknown, 15),
    };
    Some(Parsed { local: make(y, mo, d, h, mi, sec, 0)?, zone, len })
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

fn month_at(b: &[u8], at: usize) -> Option<u32> {
    let m = b.get(at..at + 3)?;
    MONTHS.iter().position(|name| m.eq_ignore_ascii_case(name.as_bytes())).map(|i| i as u32 + 1)
}

fn day_name_len(b: &[u8]) -> Option<usize> {
    let d = b.get(..3)?;
    DAYS.iter()
        .any(|n| d.eq_ignore_ascii_case(n.as_bytes()))
        .then(|| b.iter().take_while(|c| c.is_ascii_alphabetic()).count())
}

fn hms(b: &[u8], at: usize) -> Option<(u32, u32, u32, usize)> {
    // Hours may have one digit in `date`-like output (` 9:05:01`).
    let (h, hl) = match digits(b, at, 2) {
        Some(h) => (h, 2),
        None => (digits(b, at, 1)?, 1),
    };
    let at2 = at + hl;
    if b.get(at2) != Some(&b':') {
        return None;
    }
    let mi = digits(b, at2 + 1, 2)?;
    if b.get(at2 + 3) != Some(&b':') {
        return None;
    }
    let s = digits(b, at2 + 4, 2)?;
    Some((h, mi, s, hl + 6))
}

fn skip_spaces(b: &[u8], mut at: usize) -> usize {
    while b.get(at) == Some(&b' ') {
        at += 1;
    }
    at
}

/// Common zone abbreviations in `date` output; ambiguous ones are left out.
fn zone_abbr(b: &[u8], at: usize) -> (Zone, usize) {
    const ABBR: &[(&str, i32)] = &[
        ("UTC", 0),
        ("GMT", 0),
        ("UT", 0),
        ("Z", 0),
        ("CEST", 7200),
        ("CET", 3600),
        ("EEST", 10800),
        ("EET", 7200),
        ("WEST", 3600),
        ("WET", 0),
        ("BST", 3600),
        ("EST", -18000),
        ("EDT", -14400),
        ("CST", -21600),
        ("CDT", -18000),
        ("MST", -25200),
        ("MDT", -21600),
        ("PST", -28800),
        ("PDT", -25200),
        ("JST", 32400),
        ("KST", 32400),
        ("AEST", 36000),
        ("AEDT", 39600),
    ];
    let word: &[u8] = {
        let n = b[at.min(b.len())..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        &b[at..at + n]
    };
    if let Some(&(_, off)) = ABBR.iter().find(|(a, _)| a.as_bytes() == word) {
        let z = if off == 0 { Zone::Utc } else { Zone::Offset(off) };
        return (z, word.len());
    }
    let (z, used) = zone_suffix(b, at);
    if used > 0 {
        return (z, used);
    }
    (Zone::Unknown, word.len())
}

/// HTTP / RFC 5322 date: `Wed, 06 Mar 2024 09:54:27 GMT` or `... +0000`;
/// also RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT`.
pub fn http_date_at(s: &str) -> Option<Parsed> {
    let b = s.as_bytes();
    let mut at = day_name_len(b)?;
    if b.get(at) != Some(&b',') {
        return None;
    }
    at = skip_spaces(b, at + 1);
    let (d, dl) = match digits(b, at, 2) {
        Some(d) => (d, 2),
        None => (digits(b, at, 1)?, 1),
    };
    at += dl;
    let sep = *b.get(at)?;
    if sep != b' ' && sep != b'-' {
        return None;
    }
    let mo = month_at(b, at + 1)?;
    at += 4;
    if b.get(at) != Some(&sep) {
        return None;
    }
    at += 1;
    let y = match digits(b, at, 4) {
        Some(y) => {
            at += 4;
            y
        }
        None => {
            let y2 = digits(b, at, 2)?;
            at += 2;
            if y2 < 70 {
                2000 + y2
            } else {
                1900 + y2
            }
        }
    };
    if b.get(at) != Some(&b' ') {
        return None;
    }
    let (h, mi, sec, l) = hms(b, at + 1)?;
    at += 1 + l;
    let (zone, used) = if b.get(at) == Some(&b' ') {
        let (z, u) = zone_abbr(b, at + 1);
        if u > 0 {
            (z, u + 1)
        } else {
            (Zone::Unknown, 0)
        }
    } else {
        (Zone::Unknown, 0)
    };
    Some(Parsed { local: make(y, mo, d, h, mi, sec, 0)?, zone, len: at + used })
}

/// `date` output: `Sat Nov 28 09:55:50 UTC 2026` (zone optional, asctime has none),
/// and the `Ref time (UTC)` form of chronyc `Wed Nov 22 13:18:34 2017`.
pub fn date_cmd_at(s: &str) -> Option<Parsed> {
    let b = s.as_bytes();
    let dn = day_name_len(b)?;
    if dn != 3 {
        return None;
    }
    let mut at = skip_spaces(b, 3);
    let mo = month_at(b, at)?;
    at = skip_spaces(b, at + 3);
    let (d, dl) = match digits(b, at, 2) {
        Some(d) => (d, 2),
        None => (digits(b, at, 1)?, 1),
    };
    at = skip_spaces(b, at + dl);
    let (h, mi, sec, l) = hms(b, at)?;
    at += l;
    let mut zone = Zone::Unknown;
    let after_time = skip_spaces(b, at);
    let year_at;
    if let Some(y) = digits(b, after_time, 4) {
        year_at = (y, after_time + 4);
    } else {
        let (z, used) = zone_abbr(b, after_time);
        if used == 0 {
            return None;
        }
        zone = z;
        let yat = skip_spaces(b, after_time + used);
        year_at = (digits(b, yat, 4)?, yat + 4);
    }
    let (y, end) = year_at;
    Some(Parsed { local: make(y, mo, d, h, mi, sec, 0)?, zone, len: end })
}

/// .NET culture dates as PowerShell prints them: `11/5/2020 2:02:26 AM` (en-US),
/// `05/11/2020 2:02:26` (day first when the first number cannot be a month).
/// The zone is not shown; callers decide what it means.
pub fn culture_date_at(s: &str) -> Option<Parsed> {
    let b = s.as_bytes();
    let mut at = 0;
    let mut nums = [0u32; 3];
    for (k, n) in nums.iter_mut().enumerate() {
        let len = b[at..].iter().take_while(|c| c.is_ascii_digit()).count();
        if len == 0 || len > 4 {
            return None;
        }
        *n = digits(b, at, len)?;
        at += len;
        if k < 2 {
            if !matches!(b.get(at), Some(b'/') | Some(b'.')) {
                return None;
            }
            at += 1;
        }
    }
    let (a, c, y) = (nums[0], nums[1], nums[2]);
    if y < 1970 {
        return None;
    }
    if b.get(at) != Some(&b' ') {
        return None;
    }
    let (mut h, mi, sec, l) = hms(b, at + 1)?;
    at += 1 + l;
    let mut pm_seen = false;
    let rest = &b[at..];
    if rest.len() >= 3 && rest[0] == b' ' {
        let ap = &rest[1..3];
        if ap.eq_ignore_ascii_case(b"AM") || ap.eq_ignore_ascii_case(b"PM") {
            pm_seen = true;
            let pm = ap.eq_ignore_ascii_case(b"PM");
            if h == 12 {
                h = 0;
            }
            if pm {
                h += 12;
            }
            at += 3;
        }
    }
    // en-US puts the month first; other cultures the day. AM/PM implies en-US.
    let (mo, d) = if a > 12 || (!pm_seen && c <= 12 && b.contains(&b'.')) { (c, a) } else { (a, c) };
    Some(Parsed { local: make(y, mo, d, h, mi, sec, 0)?, zone: Zone::Unknown, len: at })
}

/// Any of the forms above, at the start of `s`.
pub fn any_at(s: &str) -> Option<Parsed> {
    let first = *s.as_bytes().first()?;
    if first.is_ascii_digit() {
        iso_at(s).or_else(|| compact_at(s)).or_else(|| culture_date_at(s))
    } else if first.is_ascii_alphabetic() {
        http_date_at(s).or_else(|| date_cmd_at(s))
    } else {
        None
    }
}

/// Finds the first time of any form in `s`, with its byte offset.
pub fn find_any(s: &str) -> Option<(usize, Parsed)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if boundary && (c.is_ascii_digit() || c.is_ascii_alphabetic()) {
            if let Some(p) = any_at(&s[i..]) {
                return Some((i, p));
            }
        }
        i += 1;
        while i < b.len() && !s.is_char_boundary(i) {
            i += 1;
        }
    }
    None
}

/// Human duration: `2 h 13 min`, `7 min 40 s`, `3 d 4 h`, `45 s`.
pub fn human_duration(secs: i64) -> String {
    let s = secs.unsigned_abs();
    let (d, h, m, sec) = (s / 86_400, s / 3600 % 24, s / 60 % 60, s % 60);
    if d > 0 {
        if h > 0 {
            format!("{d} d {h} h")
        } else {
            format!("{d} d")
        }
    } else if h > 0 {
        if m > 0 {
            format!("{h} h {m} min")
        } else {
            format!("{h} h")
        }
    } else if m > 0 {
        if sec > 0 {
            format!("{m} min {sec} s")
        } else {
            format!("{m} min")
        }
    } else {
        format!("{sec} s")
    }
}

/// Seconds from `a` to `b` (positive when `b` is later).
pub fn seconds_between(a: Timestamp, b: Timestamp) -> i64 {
    (b - a).num_seconds()
}

/// A timestamp from Unix seconds (for inputs such as `date +%s`).
pub fn from_unix(secs: i64) -> Option<Timestamp> {
    Utc.timestamp_opt(secs, 0).single()
}

/// Whole-second time of day, for display.
pub fn hms_string(t: Timestamp) -> String {
    format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())
}

/// `YYYY-MM-DD`, for display.
pub fn ymd_string(t: Timestamp) -> String {
    format!("{:04}-{:02}-{:02}", t.year(), t.month(), t.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> String {
        rfc3339(any_at(s).and_then(|p| p.utc()).unwrap())
    }

    #[test]
    fn iso_forms() {
        assert_eq!(utc("2015-08-04T06:32:37Z"), "2015-08-04T06:32:37Z");
        assert_eq!(utc("2020-05-19T18:06:10+00:00"), "2020-05-19T18:06:10Z");
        assert_eq!(utc("2019-06-27T07:59:24.4603750-07:00"), "2019-06-27T14:59:24.460Z");
        assert_eq!(utc("2022-07-07T15:23:53.736+0800"), "2022-07-07T07:23:53.736Z");
        assert_eq!(iso_at("2017-04-20T14:43:18.888").unwrap().zone, Zone::Unknown);
        assert!(iso_at("2017-13-20T14:43:18").is_none());
    }

    #[test]
    fn compact_and_http() {
        assert_eq!(utc("20151120T200815Z"), "2015-11-20T20:08:15Z");
        assert_eq!(utc("Wed, 06 Mar 2024 09:54:27 GMT"), "2024-03-06T09:54:27Z");
        assert_eq!(utc("Sat, 28 Nov 2026 09:55:50 +0000"), "2026-11-28T09:55:50Z");
        assert_eq!(utc("Sunday, 06-Nov-94 08:49:37 GMT"), "1994-11-06T08:49:37Z");
    }

    #[test]
    fn date_command() {
        assert_eq!(utc("Sat Nov 28 09:55:50 UTC 2026"), "2026-11-28T09:55:50Z");
        assert_eq!(utc("Thu Jan  1 00:00:00 UTC 1970"), "1970-01-01T00:00:00Z");
        assert_eq!(utc("Sat Nov 28 10:55:50 CET 2026"), "2026-11-28T09:55:50Z");
        let p = date_cmd_at("Wed Nov 22 13:18:34 2017").unwrap();
        assert_eq!(p.zone, Zone::Unknown);
        assert_eq!(p.len, 24);
    }

    #[test]
    fn culture_dates() {
        let p = culture_date_at("11/5/2020 2:02:26 AM").unwrap();
        assert_eq!(rfc3339(p.utc_assumed()), "2020-11-05T02:02:26Z");
        let p = culture_date_at("11/5/2020 2:02:26 PM").unwrap();
        assert_eq!(rfc3339(p.utc_assumed()), "2020-11-05T14:02:26Z");
        let p = culture_date_at("25/11/2020 14:02:26").unwrap();
        assert_eq!(rfc3339(p.utc_assumed()), "2020-11-25T14:02:26Z");
    }

    #[test]
    fn find_in_text() {
        let (at, p) = find_any("Expiration : 2020-11-05T02:02:26Z").unwrap();
        assert_eq!(at, 13);
        assert_eq!(p.len, 20);
        assert!(find_any("no time here 12:00").is_none());
    }

    #[test]
    fn durations() {
        assert_eq!(human_duration(2 * 3600 + 13 * 60 + 5), "2 h 13 min");
        assert_eq!(human_duration(-(7 * 60 + 40)), "7 min 40 s");
        assert_eq!(human_duration(45), "45 s");
        assert_eq!(human_duration(3 * 86400 + 4 * 3600), "3 d 4 h");
    }
}
