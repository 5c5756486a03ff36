//! The error codes and messages the tool knows, in one table each.
//!
//! Codes are matched exactly; messages by a stem found anywhere in the text
//! (case-insensitive for ASCII), in English and in the localized renderings
//! AWS documentation uses.

use crate::ac::{Ac, Lazy};
use crate::model::ErrorKind;

/// Known AWS error codes and what they mean.
pub const CODES: &[(&str, ErrorKind)] = &[
    ("ExpiredToken", ErrorKind::Expired),
    ("ExpiredTokenException", ErrorKind::Expired),
    ("TokenRefreshRequired", ErrorKind::Expired),
    ("RequestExpired", ErrorKind::RequestExpired),
    ("RequestTimeTooSkewed", ErrorKind::ClockSkew),
    ("RequestInTheFuture", ErrorKind::ClockSkew),
    ("InvalidSignatureException", ErrorKind::SignatureMismatch),
    ("SignatureDoesNotMatch", ErrorKind::SignatureMismatch),
    ("InvalidClientTokenId", ErrorKind::Invalid),
    ("UnrecognizedClientException", ErrorKind::Invalid),
    ("InvalidToken", ErrorKind::Invalid),
    ("InvalidAccessKeyId", ErrorKind::Invalid),
    ("AuthFailure", ErrorKind::Invalid),
    ("IncompleteSignature", ErrorKind::SignatureMismatch),
    ("InvalidIdentityToken", ErrorKind::Invalid),
    ("IDPRejectedClaim", ErrorKind::Invalid),
    ("InvalidGrantException", ErrorKind::SsoExpired),
    ("UnauthorizedException", ErrorKind::SsoExpired),
    ("UnauthorizedSSOTokenError", ErrorKind::SsoExpired),
    ("SSOTokenLoadError", ErrorKind::SsoExpired),
    ("TokenProviderError", ErrorKind::SsoExpired),
    ("MissingAuthenticationToken", ErrorKind::Other),
    ("MissingAuthenticationTokenException", ErrorKind::Other),
    ("AccessDenied", ErrorKind::Other),
    ("AccessDeniedException", ErrorKind::Other),
    ("UnauthorizedOperation", ErrorKind::Other),
    ("NetworkingError", ErrorKind::Other),
    ("Throttling", ErrorKind::Other),
    ("ThrottlingException", ErrorKind::Other),
    ("RegionDisabledException", ErrorKind::Other),
    ("OptInRequired", ErrorKind::Other),
];

/// Message stems, lower-case, with their meaning and language.
pub const MESSAGES: &[(&str, ErrorKind, &str)] = &[
    ("security token included in the request is expired", ErrorKind::Expired, "en"),
    ("security token included in the request has expired", ErrorKind::Expired, "en"),
    ("the provided token has expired", ErrorKind::Expired, "en"),
    ("the provided token must be refreshed", ErrorKind::Expired, "en"),
    ("token expired - needs a refresh", ErrorKind::Expired, "en"),
    ("the credentials received have been expired", ErrorKind::Expired, "en"),
    ("credentials were refreshed, but the refreshed credentials are still expired", ErrorKind::Expired, "en"),
    ("token expired: current date/time", ErrorKind::Expired, "en"),
    ("the security token has expired", ErrorKind::Expired, "en"),
    ("token has expired", ErrorKind::Expired, "en"),
    ("response has expired", ErrorKind::Expired, "en"),
    ("signature expired:", ErrorKind::ClockSkew, "en"),
    ("signature not yet current:", ErrorKind::ClockSkew, "en"),
    ("difference between the request time and the current time is too large", ErrorKind::ClockSkew, "en"),
    ("difference between the request time and the server's time is too large", ErrorKind::ClockSkew, "en"),
    ("request signature is too far in the past", ErrorKind::ClockSkew, "en"),
    ("must be within 300 secs", ErrorKind::ClockSkew, "en"),
    ("request has expired", ErrorKind::RequestExpired, "en"),
    ("security token included in the request is invalid", ErrorKind::Invalid, "en"),
    ("the provided token is malformed or otherwise invalid", ErrorKind::Invalid, "en"),
    ("aws was not able to validate the provided access credentials", ErrorKind::Invalid, "en"),
    ("the aws access key id you provided does not exist in our records", ErrorKind::Invalid, "en"),
    ("the x.509 certificate or aws access key id provided does not exist", ErrorKind::Invalid, "en"),
    (
        "the request signature we calculated does not match the signature you provided",
        ErrorKind::SignatureMismatch,
        "en",
    ),
    ("sso session associated with this profile has expired", ErrorKind::SsoExpired, "en"),
    ("the sso session associated with this profile", ErrorKind::SsoExpired, "en"),
    ("token has expired and refresh failed", ErrorKind::SsoExpired, "en"),
    ("invalid refresh token provided", ErrorKind::SsoExpired, "en"),
    ("error loading sso token", ErrorKind::SsoExpired, "en"),
    ("the sso session has expired", ErrorKind::SsoExpired, "en"),
    ("to refresh this sso session run", ErrorKind::SsoExpired, "en"),
    ("sso token has expired", ErrorKind::SsoExpired, "en"),
    ("unable to get iam security credentials from ec2 instance metadata service", ErrorKind::Imds, "en"),
    ("failed to retrieve credentials from ec2 instance metadata service", ErrorKind::Imds, "en"),
    ("unable to get ec2 instance role from ec2 instance metadata service", ErrorKind::Imds, "en"),
    ("unable to load credentials from any of the providers in the chain", ErrorKind::Imds, "en"),
    ("unable to load aws credentials from any provider in the chain", ErrorKind::Imds, "en"),
    ("failed to load credentials from imds", ErrorKind::Imds, "en"),
    ("unable to locate credentials", ErrorKind::Imds, "en"),
    ("could not load credentials from any providers", ErrorKind::Imds, "en"),
    ("no ec2 imds role found", ErrorKind::Imds, "en"),
    ("ec2 imds role credentials", ErrorKind::Imds, "en"),
    ("failed to refresh cached credentials", ErrorKind::Imds, "en"),
    ("no valid credential sources found", ErrorKind::Imds, "en"),
    ("unable to retrieve token for use in imdsv2 call", ErrorKind::Imds, "en"),
    // Spanish.
    ("token de seguridad incluido en la solicitud ha caducado", ErrorKind::Expired, "es"),
    ("token de seguridad incluido en la solicitud ha vencido", ErrorKind::Expired, "es"),
    ("token de seguridad incluido en la solicitud no es válido", ErrorKind::Invalid, "es"),
    ("el token proporcionado ha caducado", ErrorKind::Expired, "es"),
    // Portuguese.
    ("token de segurança incluído na solicitação expirou", ErrorKind::Expired, "pt"),
    ("token de segurança incluído na solicitação está expirado", ErrorKind::Expired, "pt"),
    // French.
    ("jeton de sécurité inclus dans la demande a expiré", ErrorKind::Expired, "fr"),
    ("jeton de sécurité inclus dans la requête a expiré", ErrorKind::Expired, "fr"),
    // German.
    ("in der anforderung enthaltene sicherheitstoken ist abgelaufen", ErrorKind::Expired, "de"),
    // Italian.
    ("token di sicurezza incluso nella richiesta è scaduto", ErrorKind::Expired, "it"),
    // Japanese.
    ("セキュリティトークンの有効期限が切れています", ErrorKind::Expired, "ja"),
    ("セキュリティトークンが有効期限切れです", ErrorKind::Expired, "ja"),
    // Chinese.
    ("安全令牌已过期", ErrorKind::Expired, "zh-Hans"),
    ("安全令牌已到期", ErrorKind::Expired, "zh-Hans"),
    ("安全字符已過期", ErrorKind::Expired, "zh-Hant"),
    ("安全性權杖已到期", ErrorKind::Expired, "zh-Hant"),
    ("安全權杖已過期", ErrorKind::Expired, "zh-Hant"),
    // Korean pages keep English; a translated form, should one appear.
    ("보안 토큰이 만료되었습니다", ErrorKind::Expired, "ko"),
];

/// Looks up a code.
pub fn code_kind(code: &str) -> Option<ErrorKind> {
    CODES.iter().find(|(c, _)| *c == code).map(|(_, k)| *k)
}

static MESSAGE_AC: Lazy = Lazy::new(|| {
    let stems: Vec<&str> = MESSAGES.iter().map(|m| m.0).collect();
    Ac::new(&stems, true)
});

/// Every known message stem in `text`, as (offset, stem length, kind, language),
/// in order of their end.
pub fn messages_in(text: &str) -> impl Iterator<Item = (usize, usize, ErrorKind, &'static str)> + '_ {
    MESSAGE_AC.get().find_iter(text.as_bytes()).map(|h| {
        let (_, kind, lang) = MESSAGES[h.pattern];
        (h.start, h.end - h.start, kind, lang)
    })
}

/// Finds the first known message stem in `text`: (offset, stem length, kind, language).
pub fn find_message(text: &str) -> Option<(usize, usize, ErrorKind, &'static str)> {
    messages_in(text).min_by_key(|m| m.0)
}

/// What an error means, from its code first and then its message.
pub fn classify(code: Option<&str>, message: Option<&str>) -> ErrorKind {
    let by_msg = message.and_then(find_message).map(|m| m.2);
    let by_code = code.and_then(code_kind);
    match (by_code, by_msg) {
        // "Signature expired" comes under InvalidSignatureException or
        // SignatureDoesNotMatch: the message says it is the clock.
        (Some(ErrorKind::SignatureMismatch), Some(ErrorKind::ClockSkew)) => ErrorKind::ClockSkew,
        // `RequestExpired` whose message names the request time is a clock
        // problem (SigV2 timestamp / MWS); alone it stays ambiguous.
        (Some(ErrorKind::RequestExpired), Some(ErrorKind::ClockSkew)) => ErrorKind::ClockSkew,
        (Some(ErrorKind::RequestExpired), _)
            if message.is_some_and(|m| m.to_ascii_lowercase().contains("timestamp")) =>
        {
            ErrorKind::ClockSkew
        }
        (Some(k), _) => k,
        (None, Some(k)) => k,
        (None, None) => ErrorKind::Other,
    }
}

/// Localized labels of the Java SDK's `(Service: …; Status Code: …)` group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
    Service,
    Status,
    Code,
    RequestId,
    ExtendedRequestId,
    Message,
    ErrorType,
    Proxy,
    Other,
}

/// Lower-case label text → field, with the language it reveals.
pub const LABELS: &[(&str, Label, &str)] = &[
    ("aws service", Label::Service, "en"),
    ("service", Label::Service, "en"),
    ("servicio", Label::Service, "es"),
    ("serviço", Label::Service, "pt"),
    ("servizio", Label::Service, "it"),
    ("dienst", Label::Service, "de"),
    ("サービス", Label::Service, "ja"),
    ("服務", Label::Service, "zh-Hant"),
    ("服务", Label::Service, "zh-Hans"),
    ("서비스", Label::Service, "ko"),
    ("http status code", Label::Status, "en"),
    ("status code", Label::Status, "en"),
    ("statuscode", Label::Status, "en"),
    ("código de estado", Label::Status, "es"),
    ("código de status", Label::Status, "pt"),
    ("code de statut", Label::Status, "fr"),
    ("codice stato", Label::Status, "it"),
    ("codice di stato", Label::Status, "it"),
    ("statuscode", Label::Status, "de"),
    ("ステータスコード", Label::Status, "ja"),
    ("狀態碼", Label::Status, "zh-Hant"),
    ("狀態代碼", Label::Status, "zh-Hant"),
    ("状态代码", Label::Status, "zh-Hans"),
    ("状态码", Label::Status, "zh-Hans"),
    ("상태 코드", Label::Status, "ko"),
    ("aws error code", Label::Code, "en"),
    ("error code", Label::Code, "en"),
    ("código de error", Label::Code, "es"),
    ("código de erro", Label::Code, "pt"),
    ("code d'erreur", Label::Code, "fr"),
    ("code d’erreur", Label::Code, "fr"),
    ("codice errore", Label::Code, "it"),
    ("codice di errore", Label::Code, "it"),
    ("fehlercode", Label::Code, "de"),
    ("エラーコード", Label::Code, "ja"),
    ("錯誤代碼", Label::Code, "zh-Hant"),
    ("错误代码", Label::Code, "zh-Hans"),
    ("오류 코드", Label::Code, "ko"),
    ("s3 extended request id", Label::ExtendedRequestId, "en"),
    ("extended request id", Label::ExtendedRequestId, "en"),
    ("aws request id", Label::RequestId, "en"),
    ("request id", Label::RequestId, "en"),
    ("requestid", Label::RequestId, "en"),
    ("id de solicitud", Label::RequestId, "es"),
    ("solicitud de id", Label::RequestId, "es"),
    ("id da solicitação", Label::RequestId, "pt"),
    ("id de requête", Label::RequestId, "fr"),
    ("id de la requête", Label::RequestId, "fr"),
    ("id richiesta", Label::RequestId, "it"),
    ("anforderungs-id", Label::RequestId, "de"),
    ("リクエスト id", Label::RequestId, "ja"),
    ("請求 id", Label::RequestId, "zh-Hant"),
    ("请求 id", Label::RequestId, "zh-Hans"),
    ("요청 id", Label::RequestId, "ko"),
    ("aws error message", Label::Message, "en"),
    ("aws error type", Label::ErrorType, "en"),
    ("error type", Label::ErrorType, "en"),
    ("proxy", Label::Proxy, "en"),
    ("sdk attempt count", Label::Other, "en"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_codes_and_messages() {
        assert_eq!(classify(Some("ExpiredToken"), None), ErrorKind::Expired);
        assert_eq!(
            classify(
                Some("InvalidSignatureException"),
                Some("Signature expired: 20151120T200815Z is now earlier than …")
            ),
            ErrorKind::ClockSkew
        );
        assert_eq!(classify(Some("RequestExpired"), Some("Request has expired.")), ErrorKind::RequestExpired);
        assert_eq!(
            classify(Some("RequestExpired"), Some("Request has expired. Timestamp date is 2011-03-26T23:22:53Z")),
            ErrorKind::ClockSkew
        );
        assert_eq!(
            classify(None, Some("El token de seguridad incluido en la solicitud ha caducado")),
            ErrorKind::Expired
        );
        assert_eq!(classify(None, Some("The security token included in the request is invalid.")), ErrorKind::Invalid);
        assert_eq!(classify(Some("NetworkingError"), Some("write EPIPE")), ErrorKind::Other);
    }

    #[test]
    fn message_lookup_is_case_insensitive() {
        let m = find_message("xx THE SECURITY TOKEN INCLUDED IN THE REQUEST IS EXPIRED").unwrap();
        assert_eq!(m.0, 7);
        assert_eq!(m.2, ErrorKind::Expired);
    }
}
