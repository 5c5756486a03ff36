//! One realistic sample per kind of paste, for the example buttons.
//!
//! Credential documents are dated relative to the moment the button is
//! pressed, so "expired 2 h 13 min ago" reads as it would on a real
//! instance. Keys and tokens are AWS's documented fakes (`…EXAMPLE`).

use chrono::Duration;
use tokendoctor_engine::time::rfc3339;
use tokendoctor_engine::Timestamp;

/// The sample for `id` (ids as in `i18n::EXAMPLE_NAMES`).
pub fn sample(id: &str, now: Timestamp) -> String {
    // Expired 2 h 13 min ago after a normal 6 h lifetime.
    let exp = now - Duration::seconds(2 * 3600 + 13 * 60);
    let upd = exp - Duration::hours(6);
    match id {
        "java-es" => JAVA_ES.to_string(),
        "imds" => format!(
            "$ curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/app-orders-role\n{{\n  \"Code\" : \"Success\",\n  \"LastUpdated\" : \"{}\",\n  \"Type\" : \"AWS-HMAC\",\n  \"AccessKeyId\" : \"ASIAIOSFODNN7EXAMPLE\",\n  \"SecretAccessKey\" : \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",\n  \"Token\" : \"IQoJb3JpZ2luX2VjEXAMPLETOKEN\",\n  \"Expiration\" : \"{}\"\n}}\n",
            rfc3339(upd),
            rfc3339(exp)
        ),
        "powershell" => format!(
            "PS C:\\> Invoke-RestMethod -Uri http://169.254.169.254/latest/meta-data/iam/security-credentials/app-orders-role -Headers @{{\"X-aws-ec2-metadata-token\" = $token}}\n\nCode            : Success\nLastUpdated     : {}\nType            : AWS-HMAC\nAccessKeyId     : ASIAIOSFODNN7EXAMPLE\nSecretAccessKey : wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nToken           : IQoJb3JpZ2luX2VjEXAMPLETOKEN\nExpiration      : {}\n",
            rfc3339(upd),
            rfc3339(now + Duration::seconds(4 * 60 + 10))
        ),
        "skew" => SKEW.to_string(),
        "chrony" => CHRONY.to_string(),
        "imds-404" => IMDS_404.to_string(),
        "env" => ENV.to_string(),
        "invalid" => INVALID.to_string(),
        _ => String::new(),
    }
}

const JAVA_ES: &str = "com.amazonaws.AmazonServiceException: El token de seguridad incluido en la solicitud ha caducado (Service: AmazonSQS; Código de estado: 403; Código de error: ExpiredToken; Request ID: 12a345b6-78cd-901e-fg23-45hi67890jkl)
	at com.amazonaws.http.AmazonHttpClient.handleErrorResponse(AmazonHttpClient.java:1182)
	at com.amazonaws.http.AmazonHttpClient.executeOneRequest(AmazonHttpClient.java:770)
	at com.amazonaws.services.sqs.AmazonSQSClient.receiveMessage(AmazonSQSClient.java:1130)
";

const SKEW: &str = "$ aws sts get-caller-identity --region eu-west-1

An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: Signature expired: 20261128T101500Z is now earlier than 20261128T102240Z (20261128T102740Z - 5 min.)
";

const CHRONY: &str = "$ chronyc tracking
Reference ID    : 00000000 ()
Stratum         : 0
Ref time (UTC)  : Thu Jan 01 00:00:00 1970
System time     : 461.532817000 seconds slow of NTP time
Last offset     : +0.000000000 seconds
RMS offset      : 0.000000000 seconds
Frequency       : 0.000 ppm slow
Leap status     : Not synchronised
";

const IMDS_404: &str = "$ curl -i http://169.254.169.254/latest/meta-data/iam/security-credentials/
HTTP/1.1 404 Not Found
Content-Type: text/html
Server: EC2ws

botocore.exceptions.NoCredentialsError: Unable to locate credentials
";

const ENV: &str = "$ env | grep AWS
AWS_REGION=us-east-1
AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE
AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLETOKEN
$ aws s3 ls
An error occurred (ExpiredToken) when calling the ListBuckets operation: The provided token has expired.
";

const INVALID: &str = "$ terraform apply

Error: Error running plan: 1 error(s) occurred:

* provider.aws: error validating provider credentials: error calling sts:GetCallerIdentity: InvalidClientTokenId: The security token included in the request is invalid.
        status code: 403, request id: e65f7860-76e7-11e9-a6e4-7fc43f437424
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EXAMPLE_NAMES;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_example_is_recognized() {
        let now = tokendoctor_engine::time::parse_instant("2026-11-28T12:00:00Z").unwrap();
        for (id, _) in EXAMPLE_NAMES {
            let text = sample(id, now);
            let r = tokendoctor_engine::analyze(&text, now);
            assert!(!r.findings.is_empty(), "{id}: no finding");
            assert_ne!(r.start_step, "start", "{id}: lands nowhere");
        }
    }
}
