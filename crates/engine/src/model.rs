//! What the engine finds in a paste, and what it concludes.
//!
//! Observations (`ErrorReport`, `ClockEvidence`, `Credential`, `ImdsEvent`)
//! come from the recognizers and carry the span and line they were read from;
//! the diagnosis adds computed statuses, findings and the root cause.

use crate::text::Span;
use crate::time::Timestamp;

/// Which client printed an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Sdk {
    JavaV1,
    JavaV2,
    Python,
    AwsCli,
    JsV2,
    JsV3,
    GoV1,
    GoV2,
    Dotnet,
    Php,
    Ruby,
    Rust,
    Powershell,
    Terraform,
    HadoopS3a,
    /// Recognized, but not one of the AWS SDKs above (boto2, C++, a raw curl…).
    Other,
    #[default]
    Unknown,
}

impl Sdk {
    pub const ALL: [Sdk; 17] = [
        Sdk::JavaV1,
        Sdk::JavaV2,
        Sdk::Python,
        Sdk::AwsCli,
        Sdk::JsV2,
        Sdk::JsV3,
        Sdk::GoV1,
        Sdk::GoV2,
        Sdk::Dotnet,
        Sdk::Php,
        Sdk::Ruby,
        Sdk::Rust,
        Sdk::Powershell,
        Sdk::Terraform,
        Sdk::HadoopS3a,
        Sdk::Other,
        Sdk::Unknown,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Sdk::JavaV1 => "java-v1",
            Sdk::JavaV2 => "java-v2",
            Sdk::Python => "python",
            Sdk::AwsCli => "aws-cli",
            Sdk::JsV2 => "js-v2",
            Sdk::JsV3 => "js-v3",
            Sdk::GoV1 => "go-v1",
            Sdk::GoV2 => "go-v2",
            Sdk::Dotnet => "dotnet",
            Sdk::Php => "php",
            Sdk::Ruby => "ruby",
            Sdk::Rust => "rust",
            Sdk::Powershell => "powershell",
            Sdk::Terraform => "terraform",
            Sdk::HadoopS3a => "hadoop-s3a",
            Sdk::Other => "other",
            Sdk::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Option<Sdk> {
        let s = s.trim().to_ascii_lowercase();
        let s = match s.as_str() {
            "botocore" | "boto3" => "python",
            "cli" | "awscli" => "aws-cli",
            other => other,
        };
        Sdk::ALL.into_iter().find(|k| k.as_str() == s)
    }
    /// A human label, for the page.
    pub fn label(self) -> &'static str {
        match self {
            Sdk::JavaV1 => "AWS SDK for Java 1.x",
            Sdk::JavaV2 => "AWS SDK for Java 2.x",
            Sdk::Python => "boto3 / botocore (Python)",
            Sdk::AwsCli => "AWS CLI",
            Sdk::JsV2 => "AWS SDK for JavaScript v2",
            Sdk::JsV3 => "AWS SDK for JavaScript v3",
            Sdk::GoV1 => "AWS SDK for Go v1",
            Sdk::GoV2 => "AWS SDK for Go v2",
            Sdk::Dotnet => "AWS SDK for .NET",
            Sdk::Php => "AWS SDK for PHP",
            Sdk::Ruby => "AWS SDK for Ruby",
            Sdk::Rust => "AWS SDK for Rust",
            Sdk::Powershell => "AWS Tools for PowerShell",
            Sdk::Terraform => "Terraform AWS provider",
            Sdk::HadoopS3a => "Hadoop S3A",
            Sdk::Other => "other client",
            Sdk::Unknown => "unknown",
        }
    }
    /// How specific the identification is; a wrapper (Terraform, S3A) beats
    /// the SDK it wraps, any SDK beats `other`, which beats `unknown`.
    pub fn rank(self) -> u8 {
        match self {
            Sdk::Unknown => 0,
            Sdk::Other => 1,
            Sdk::Terraform | Sdk::HadoopS3a => 3,
            _ => 2,
        }
    }
}

/// What the text proves went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum RootCause {
    ExpiredCredentials,
    ClockSkew,
    InvalidToken,
    ImdsUnreachable,
    /// Reported as `expired_credentials` in `root_cause`, with this detail:
    /// an IAM Identity Center (SSO) session is a credential that expired.
    SsoExpired,
    #[default]
    Unknown,
}

impl RootCause {
    /// The value of `root_cause` in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            RootCause::ExpiredCredentials | RootCause::SsoExpired => "expired_credentials",
            RootCause::ClockSkew => "clock_skew",
            RootCause::InvalidToken => "invalid_token",
            RootCause::ImdsUnreachable => "imds_unreachable",
            RootCause::Unknown => "unknown",
        }
    }
    /// The finer name, as in `root_cause_detail`.
    pub fn detail(self) -> &'static str {
        match self {
            RootCause::SsoExpired => "sso_expired",
            other => other.as_str(),
        }
    }
}

/// What an error means, from its code and message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The session token is past its expiry (server- or client-side).
    Expired,
    /// `Signature expired` / `not yet current` / `RequestTimeTooSkewed`.
    ClockSkew,
    /// `RequestExpired`: clock skew or expired temporary credentials.
    RequestExpired,
    /// The token or key is not valid (`InvalidClientTokenId`…).
    Invalid,
    /// The SSO session or its refresh token expired.
    SsoExpired,
    /// The SDK could not get credentials from IMDS.
    Imds,
    /// The signature does not match (wrong secret), not a time problem.
    SignatureMismatch,
    /// Anything else (`AccessDenied`, `NetworkingError`…).
    Other,
}

impl ErrorKind {
    /// Whether this error is one the tool is about.
    pub fn relevant(self) -> bool {
        !matches!(self, ErrorKind::Other)
    }
}

/// An error report read from a stack trace, log line or response body.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ErrorReport {
    pub code: Option<String>,
    pub message: Option<String>,
    pub service: Option<String>,
    pub operation: Option<String>,
    pub status_code: Option<u16>,
    pub request_id: Option<String>,
    pub sdk: Sdk,
    pub region: Option<String>,
    pub request_time: Option<Timestamp>,
    pub server_time: Option<Timestamp>,
    /// Allowed skew the message states (`- 5 min.`, `MaxAllowedSkewMilliseconds`).
    pub tolerance_seconds: Option<i64>,
    /// Language of a localized message or labels (`es`, `zh-Hant`…).
    pub language: Option<&'static str>,
    pub span: Span,
    pub line: usize,
}

impl ErrorReport {
    pub fn kind(&self) -> ErrorKind {
        crate::codes::classify(self.code.as_deref(), self.message.as_deref())
    }
    /// Request time minus server time, when both are shown.
    pub fn skew_seconds(&self) -> Option<i64> {
        Some((self.request_time? - self.server_time?).num_seconds())
    }
}

/// Where a clock reading came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClockSource {
    SignatureExpired,
    SignatureNotYetCurrent,
    S3Skewed,
    /// `date` / `Get-Date` output paired with an AWS `Date:` header.
    DateVsHttpDate,
    ChronyTracking,
    Timedatectl,
    W32tm,
    Collector,
}

impl ClockSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ClockSource::SignatureExpired => "signature_expired",
            ClockSource::SignatureNotYetCurrent => "signature_not_yet_current",
            ClockSource::S3Skewed => "s3_request_time_too_skewed",
            ClockSource::DateVsHttpDate => "date_vs_http_date",
            ClockSource::ChronyTracking => "chronyc_tracking",
            ClockSource::Timedatectl => "timedatectl",
            ClockSource::W32tm => "w32tm",
            ClockSource::Collector => "collector",
        }
    }
}

/// A reading about the local clock.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ClockEvidence {
    pub source: Option<ClockSource>,
    /// The client's (instance's) time.
    pub client_time: Option<Timestamp>,
    /// AWS's (or the NTP reference's) time at the same moment.
    pub server_time: Option<Timestamp>,
    /// Measured offset of the local clock against its reference, seconds
    /// (positive: local clock ahead), when a tool states it (chrony, w32tm).
    pub offset_seconds: Option<f64>,
    /// Whether the tool says the clock is synchronized.
    pub synchronized: Option<bool>,
    /// The NTP source in use, if shown.
    pub ntp_source: Option<String>,
    pub tolerance_seconds: Option<i64>,
    pub span: Span,
    pub line: usize,
}

impl ClockEvidence {
    /// Client minus server, in seconds.
    pub fn skew_seconds(&self) -> Option<i64> {
        match (self.client_time, self.server_time) {
            (Some(c), Some(s)) => Some((c - s).num_seconds()),
            _ => self.offset_seconds.map(|o| o.round() as i64),
        }
    }
}

/// The shape a credential document was pasted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CredFormat {
    ImdsJson,
    PowershellList,
    ExportProcess,
    ExportEnv,
    EnvDump,
    ConfigureList,
    CredentialsFile,
    StsJson,
    Collector,
}

impl CredFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            CredFormat::ImdsJson => "imds_json",
            CredFormat::PowershellList => "powershell_list",
            CredFormat::ExportProcess => "export_credentials_process",
            CredFormat::ExportEnv => "export_credentials_env",
            CredFormat::EnvDump => "env",
            CredFormat::ConfigureList => "aws_configure_list",
            CredFormat::CredentialsFile => "credentials_file",
            CredFormat::StsJson => "sts_json",
            CredFormat::Collector => "collector",
        }
    }
}

/// A credential set seen in the paste. Secrets are never kept: only whether
/// they were present.
#[derive(Clone, Debug, PartialEq)]
pub struct Credential {
    pub format: CredFormat,
    pub code: Option<String>,
    pub message: Option<String>,
    pub cred_type: Option<String>,
    /// Masked: first 4 and last 4 characters.
    pub access_key_id: Option<String>,
    pub temporary: Option<bool>,
    pub has_secret: bool,
    pub has_session_token: bool,
    pub last_updated: Option<Timestamp>,
    pub expiration: Option<Timestamp>,
    pub role: Option<String>,
    /// Where the SDK found it (`aws configure list` type/location, env, profile).
    pub origin: Option<String>,
    /// For `aws configure list` / env: the profile in use.
    pub profile: Option<String>,
    pub span: Span,
    pub line: usize,
}

impl Credential {
    pub fn new(format: CredFormat, span: Span, line: usize) -> Credential {
        Credential {
            format,
            code: None,
            message: None,
            cred_type: None,
            access_key_id: None,
            temporary: None,
            has_secret: false,
            has_session_token: false,
            last_updated: None,
            expiration: None,
            role: None,
            origin: None,
            profile: None,
            span,
            line,
        }
    }
    /// Records an access key ID, masked (kept as is when it already is, as
    /// the collector prints it), and what its prefix says: `ASIA` keys are
    /// temporary, `AKIA` keys long-term.
    pub fn set_access_key(&mut self, key: &str) {
        self.access_key_id = Some(if key.contains('*') { key.to_string() } else { crate::redact::mask_key(key) });
        match key.get(..4) {
            Some("ASIA") => self.temporary = Some(true),
            Some("AKIA") => self.temporary = Some(false),
            _ => {}
        }
    }
    /// Expiration minus LastUpdated.
    pub fn lifetime_seconds(&self) -> Option<i64> {
        Some((self.expiration? - self.last_updated?).num_seconds())
    }
    /// Seconds until expiry at `now` (negative once expired).
    pub fn seconds_left(&self, now: Timestamp) -> Option<i64> {
        Some((self.expiration? - now).num_seconds())
    }
}

/// What went wrong between the client and the instance metadata service.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImdsKind {
    /// 401: IMDSv2 required and no (valid) token sent.
    Unauthorized,
    /// 403: IMDS disabled, or a token PUT refused.
    Forbidden,
    /// 404: no role attached (or wrong path).
    NotFound,
    /// 405: a proxy or emulator refused the token PUT.
    MethodNotAllowed,
    /// 429: throttled.
    Throttled,
    /// Timed out or could not connect (hop limit, firewall, proxy).
    Timeout,
    /// The SDK says it could not get credentials from IMDS.
    NoCredentials,
    /// `Unable to locate credentials` / `Could not load credentials from any providers`.
    NoCredentialsAnywhere,
    /// The SDK extended expired instance credentials (static stability).
    ExpiredExtended,
    /// IMDS use disabled by configuration (`AWS_EC2_METADATA_DISABLED`).
    Disabled,
    /// IMDSv1 fallback blocked and no token could be had.
    V1Blocked,
    /// `Code` other than `Success`, e.g. `AssumeRoleUnauthorizedAccess`.
    AssumeRoleFailed,
}

impl ImdsKind {
    pub const ALL: [ImdsKind; 12] = [
        ImdsKind::Unauthorized,
        ImdsKind::Forbidden,
        ImdsKind::NotFound,
        ImdsKind::MethodNotAllowed,
        ImdsKind::Throttled,
        ImdsKind::Timeout,
        ImdsKind::NoCredentials,
        ImdsKind::NoCredentialsAnywhere,
        ImdsKind::ExpiredExtended,
        ImdsKind::Disabled,
        ImdsKind::V1Blocked,
        ImdsKind::AssumeRoleFailed,
    ];
    /// What an HTTP status from IMDS means, for the statuses that mean something.
    pub fn from_status(status: u16) -> Option<ImdsKind> {
        Some(match status {
            401 => ImdsKind::Unauthorized,
            403 => ImdsKind::Forbidden,
            404 => ImdsKind::NotFound,
            405 => ImdsKind::MethodNotAllowed,
            429 => ImdsKind::Throttled,
            _ => return None,
        })
    }
    /// The name in the JSON report, which is also the code of the finding it
    /// raises (`findings::FINDINGS`).
    pub fn as_str(self) -> &'static str {
        match self {
            ImdsKind::Unauthorized => "imds_401",
            ImdsKind::Forbidden => "imds_403",
            ImdsKind::NotFound => "imds_404",
            ImdsKind::MethodNotAllowed => "imds_405",
            ImdsKind::Throttled => "imds_429",
            ImdsKind::Timeout => "imds_timeout",
            ImdsKind::NoCredentials => "imds_no_credentials",
            ImdsKind::NoCredentialsAnywhere => "no_credentials",
            ImdsKind::ExpiredExtended => "expired_extended",
            ImdsKind::Disabled => "imds_disabled",
            ImdsKind::V1Blocked => "imds_v1_blocked",
            ImdsKind::AssumeRoleFailed => "assume_role_unauthorized",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImdsEvent {
    pub kind: ImdsKind,
    pub status: Option<u16>,
    /// The metadata path, when the text shows it.
    pub path: Option<String>,
    pub sdk: Sdk,
    pub span: Span,
    pub line: usize,
}

/// The environment the paste reveals, to fill commands and pick tree branches.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Context {
    pub role: Option<String>,
    pub instance_profile: Option<String>,
    pub instance_id: Option<String>,
    pub region: Option<String>,
    pub account: Option<String>,
    pub partition: Option<String>,
    pub sdk: Sdk,
    pub shell: Option<crate::commands::Shell>,
    pub imds_v2: Option<bool>,
    pub container: Option<&'static str>,
    /// `AWS_*` variables set (names only).
    pub env_vars: Vec<String>,
    /// Java system properties `-Daws.*` seen (names only).
    pub java_props: Vec<String>,
    /// Profiles seen in `~/.aws/credentials` that carry a session token.
    pub token_profiles: Vec<String>,
    pub proxy: Option<String>,
    pub no_proxy: Option<String>,
}

/// A time from the paste that could serve as the reference time.
#[derive(Clone, Debug, PartialEq)]
pub struct RefTime {
    pub time: Timestamp,
    /// What it is: `log`, `request`, `server`, `date`.
    pub what: &'static str,
    pub line: usize,
}

/// A piece of the paste a recognizer started on but could not read fully.
#[derive(Clone, Debug, PartialEq)]
pub struct Unread {
    pub what: &'static str,
    pub span: Span,
    pub line: usize,
}
