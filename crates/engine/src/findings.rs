//! Every finding the engine can report, defined once: stable code, severity,
//! title and explanation in both languages, and the decision-tree step it
//! leads to. Titles are the verdict sentences the page shows first, so they
//! are written for a person in a hurry. Table order is priority order.

use crate::i18n::{fill, Lang, Text};
use crate::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct FindingDef {
    pub code: &'static str,
    pub severity: Severity,
    pub title: Text,
    pub detail: Text,
    pub step: &'static str,
}

const fn f(code: &'static str, severity: Severity, title: Text, detail: Text, step: &'static str) -> FindingDef {
    FindingDef { code, severity, title, detail, step }
}

use Severity::*;

pub const FINDINGS: &[FindingDef] = &[
    f(
        "clock_behind",
        Error,
        Text::new(
            "Your clock is {skew} behind AWS; requests are rejected past {tolerance}",
            "Tu reloj va {skew} por detrás de AWS; las solicitudes se rechazan a partir de {tolerance}",
        ),
        Text::new(
            "The request was signed at {client} but AWS's clock read {server} ({source}). Sync the instance with the Amazon Time Sync Service; a clock that is behind also makes SDKs keep credentials AWS already treats as expired.",
            "La solicitud se firmó a las {client} pero el reloj de AWS marcaba {server} ({source}). Sincroniza la instancia con Amazon Time Sync Service; un reloj atrasado también hace que los SDK conserven credenciales que AWS ya considera caducadas.",
        ),
        "clock_os",
    ),
    f(
        "clock_ahead",
        Error,
        Text::new(
            "Your clock is {skew} ahead of AWS; requests are rejected past {tolerance}",
            "Tu reloj va {skew} por delante de AWS; las solicitudes se rechazan a partir de {tolerance}",
        ),
        Text::new(
            "The request was signed at {client} but AWS's clock read {server} ({source}). Sync the instance with the Amazon Time Sync Service.",
            "La solicitud se firmó a las {client} pero el reloj de AWS marcaba {server} ({source}). Sincroniza la instancia con Amazon Time Sync Service.",
        ),
        "clock_os",
    ),
    f(
        "clock_skew_error",
        Error,
        Text::new(
            "AWS rejected the request because of the clock ({code})",
            "AWS rechazó la solicitud por el reloj ({code})",
        ),
        Text::new(
            "{code} means the request's time stamp was too far from AWS's clock. The paste does not show both times; compare the instance clock with AWS to see by how much.",
            "{code} significa que la marca de tiempo de la solicitud estaba demasiado lejos del reloj de AWS. El texto no muestra las dos horas; compara el reloj de la instancia con el de AWS para ver cuánto.",
        ),
        "clock_check",
    ),
    f(
        "sso_session_expired",
        Error,
        Text::new("The SSO session has expired", "La sesión de SSO ha caducado"),
        Text::new(
            "The IAM Identity Center session behind this profile ended ({code}). Sign in again with aws sso login.",
            "La sesión de IAM Identity Center de este perfil terminó ({code}). Vuelve a iniciar sesión con aws sso login.",
        ),
        "sso_expired",
    ),
    f(
        "expired_token",
        Error,
        Text::new(
            "AWS rejected the request: the security token has expired ({code})",
            "AWS rechazó la solicitud: el token de seguridad ha caducado ({code})",
        ),
        Text::new(
            "{service}The credentials the application sent are temporary and past their expiry. On EC2 this usually means the application is not using the instance role's self-refreshing credentials: find out which credentials it uses.",
            "{service}Las credenciales que envió la aplicación son temporales y han caducado. En EC2 suele significar que la aplicación no usa las credenciales del rol de la instancia, que se renuevan solas: averigua qué credenciales usa.",
        ),
        "expired_source",
    ),
    f(
        "client_side_expired",
        Error,
        Text::new(
            "The SDK refused to use credentials that have expired",
            "El SDK se negó a usar credenciales caducadas",
        ),
        Text::new(
            "The client noticed the expiry before sending (“{message}”). Whatever provides these credentials did not renew them in time.",
            "El cliente detectó el vencimiento antes de enviar («{message}»). Lo que proporciona estas credenciales no las renovó a tiempo.",
        ),
        "expired_source",
    ),
    f(
        "doc_served_expired",
        Error,
        Text::new(
            "These credentials were already expired when they were issued: Expiration is {gap} before LastUpdated",
            "Estas credenciales ya estaban caducadas al emitirse: Expiration es {gap} anterior a LastUpdated",
        ),
        Text::new(
            "A metadata service (or an emulator) served a document whose Expiration ({expiration}) precedes its LastUpdated ({last_updated}). Check the clock of the machine that produced it.",
            "Un servicio de metadatos (o un emulador) entregó un documento cuya Expiration ({expiration}) es anterior a su LastUpdated ({last_updated}). Comprueba el reloj de la máquina que lo generó.",
        ),
        "imds_expired_served",
    ),
    f(
        "invalid_token",
        Error,
        Text::new(
            "AWS rejected the credentials as invalid, not expired{code_paren}",
            "AWS rechazó las credenciales por no válidas, no por caducadas{code_paren}",
        ),
        Text::new(
            "A valid-looking token rejected by the service is not an expiry problem: the key may be deleted, paired with the wrong token, from another partition, or a global STS token used in an opt-in region.",
            "Un token de aspecto válido rechazado por el servicio no es un problema de vencimiento: la clave puede estar eliminada, emparejada con otro token, ser de otra partición, o ser un token global de STS usado en una región opcional.",
        ),
        "invalid_token",
    ),
    f(
        "opt_in_region",
        Warning,
        Text::new(
            "The request went to {region}, an opt-in region where global STS tokens are not valid",
            "La solicitud fue a {region}, una región opcional donde los tokens globales de STS no son válidos",
        ),
        Text::new(
            "Session tokens issued by the global STS endpoint work only in regions enabled by default. Use regional STS or v2 global tokens.",
            "Los tokens de sesión emitidos por el punto de conexión global de STS solo funcionan en las regiones activadas por defecto. Usa STS regional o tokens globales v2.",
        ),
        "invalid_region",
    ),
    f(
        "signature_mismatch",
        Error,
        Text::new(
            "The signature does not match: the secret key is wrong ({code})",
            "La firma no coincide: la clave secreta es incorrecta ({code})",
        ),
        Text::new(
            "The service computed a different signature, which is not a time problem: the secret key does not belong to the access key.",
            "El servicio calculó otra firma, lo que no es un problema de hora: la clave secreta no corresponde a la clave de acceso.",
        ),
        "invalid_token",
    ),
    f(
        "request_expired_ambiguous",
        Warning,
        Text::new(
            "RequestExpired: either the clock is off or the temporary credentials expired",
            "RequestExpired: o el reloj está desviado o las credenciales temporales caducaron",
        ),
        Text::new(
            "RequestExpired alone does not say which. Check the clock first; if it is right, the credentials expired.",
            "RequestExpired por sí solo no dice cuál. Comprueba primero el reloj; si está bien, caducaron las credenciales.",
        ),
        "clock_check",
    ),
    f(
        "assume_role_unauthorized",
        Error,
        Text::new(
            "EC2 cannot assume the instance role (AssumeRoleUnauthorizedAccess)",
            "EC2 no puede asumir el rol de la instancia (AssumeRoleUnauthorizedAccess)",
        ),
        Text::new(
            "IMDS returns no credentials because the role's trust policy does not allow ec2.amazonaws.com.",
            "IMDS no devuelve credenciales porque la política de confianza del rol no permite ec2.amazonaws.com.",
        ),
        "role_trust",
    ),
    f(
        "imds_401",
        Error,
        Text::new(
            "The metadata service answered 401: IMDSv2 is required and no valid token was sent",
            "El servicio de metadatos respondió 401: IMDSv2 es obligatorio y no se envió un token válido",
        ),
        Text::new(
            "The client asked IMDS without a session token (IMDSv1) or with an expired one.",
            "El cliente consultó IMDS sin token de sesión (IMDSv1) o con uno caducado.",
        ),
        "imds_401",
    ),
    f(
        "imds_403",
        Error,
        Text::new(
            "The metadata service answered 403: it is turned off for this instance",
            "El servicio de metadatos respondió 403: está desactivado para esta instancia",
        ),
        Text::new("IMDS refuses requests when its endpoint is disabled.", "IMDS rechaza las solicitudes cuando su punto de conexión está desactivado."),
        "imds_403",
    ),
    f(
        "imds_404",
        Error,
        Text::new(
            "The metadata service has no role for this instance (404)",
            "El servicio de metadatos no tiene ningún rol para esta instancia (404)",
        ),
        Text::new(
            "No instance profile is attached, or its profile holds no role.",
            "No hay ningún perfil de instancia asociado o su perfil no contiene ningún rol.",
        ),
        "role_check",
    ),
    f(
        "imds_405",
        Warning,
        Text::new(
            "Something between the client and IMDS refused the token request (405)",
            "Algo entre el cliente e IMDS rechazó la solicitud del token (405)",
        ),
        Text::new(
            "A proxy or an IMDS emulator that does not support PUT answered instead of IMDS.",
            "Respondió un proxy o un emulador de IMDS que no admite PUT en lugar de IMDS.",
        ),
        "imds_proxy",
    ),
    f(
        "imds_429",
        Error,
        Text::new(
            "The metadata service is throttling this instance (429)",
            "El servicio de metadatos está limitando a esta instancia (429)",
        ),
        Text::new(
            "Too many credential requests: cache credentials and retry with backoff.",
            "Demasiadas solicitudes de credenciales: guárdalas en caché y reintenta con espera.",
        ),
        "imds_throttle",
    ),
    f(
        "imds_timeout",
        Error,
        Text::new(
            "The metadata service did not answer (timeout or connection refused)",
            "El servicio de metadatos no respondió (tiempo agotado o conexión rechazada)",
        ),
        Text::new(
            "A proxy, a firewall, or a container network too many hops away keeps the client from IMDS.",
            "Un proxy, un cortafuegos o una red de contenedores a demasiados saltos impide que el cliente llegue a IMDS.",
        ),
        "imds_timeout",
    ),
    f(
        "imds_disabled",
        Warning,
        Text::new(
            "Instance metadata is disabled in the SDK configuration",
            "Los metadatos de instancia están desactivados en la configuración del SDK",
        ),
        Text::new(
            "AWS_EC2_METADATA_DISABLED (or aws.disableEc2Metadata) stops the SDK from asking IMDS for credentials.",
            "AWS_EC2_METADATA_DISABLED (o aws.disableEc2Metadata) impide que el SDK pida credenciales a IMDS.",
        ),
        "imds_reach",
    ),
    f(
        "imds_v1_blocked",
        Error,
        Text::new(
            "No IMDSv2 token could be had and IMDSv1 fallback is off",
            "No se pudo obtener un token de IMDSv2 y el uso de IMDSv1 está desactivado",
        ),
        Text::new(
            "The token request timed out (often the hop limit in a container) and the SDK may not fall back to IMDSv1.",
            "La solicitud del token agotó el tiempo (a menudo por el límite de saltos en un contenedor) y el SDK no puede volver a IMDSv1.",
        ),
        "imds_hop_limit",
    ),
    f(
        "imds_no_credentials",
        Error,
        Text::new(
            "The SDK could not get credentials from the instance metadata service",
            "El SDK no pudo obtener credenciales del servicio de metadatos de la instancia",
        ),
        Text::new(
            "The instance role's credentials could not be read: IMDS unreachable, no role attached, or the role cannot be assumed.",
            "No se pudieron leer las credenciales del rol de la instancia: IMDS inaccesible, ningún rol asociado o el rol no se puede asumir.",
        ),
        "imds_reach",
    ),
    f(
        "no_credentials",
        Error,
        Text::new(
            "No credentials were found anywhere in the provider chain",
            "No se encontraron credenciales en ningún punto de la cadena de proveedores",
        ),
        Text::new(
            "On EC2 the last place the SDK looks is the instance role; reaching the end means IMDS gave nothing.",
            "En EC2 el último lugar donde mira el SDK es el rol de la instancia; llegar al final significa que IMDS no dio nada.",
        ),
        "imds_reach",
    ),
    f(
        "expired_extended",
        Warning,
        Text::new(
            "The SDK is using expired instance credentials while IMDS is unavailable",
            "El SDK está usando credenciales de instancia caducadas mientras IMDS no está disponible",
        ),
        Text::new(
            "Static stability: the SDK extended credentials it could not refresh. Requests fail with ExpiredToken until IMDS answers again.",
            "Estabilidad estática: el SDK extendió credenciales que no pudo renovar. Las solicitudes fallan con ExpiredToken hasta que IMDS vuelva a responder.",
        ),
        "instance_role_stale",
    ),
    f(
        "credentials_expired",
        Error,
        Text::new(
            "These {what} expired {ago} ago",
            "Estas {what_es} caducaron hace {ago}",
        ),
        Text::new(
            "Expiration {expiration}, {lifetime_sentence}at the reference time {now}.",
            "Expiration {expiration}, {lifetime_sentence_es}a la hora de referencia {now}.",
        ),
        "instance_role_stale",
    ),
    f(
        "rotation_window",
        Warning,
        Text::new(
            "These {what} expire in {left}: inside the rotation window",
            "Estas {what_es} caducan en {left}: dentro de la ventana de rotación",
        ),
        Text::new(
            "IMDS makes new credentials available at least 5 minutes before expiry, and SDKs refresh 5–15 minutes before. Credentials this close to expiry that are still in use were not refreshed.",
            "IMDS ofrece credenciales nuevas al menos 5 minutos antes del vencimiento y los SDK las renuevan entre 5 y 15 minutos antes. Unas credenciales tan cerca de caducar que siguen en uso no se renovaron.",
        ),
        "instance_role_stale",
    ),
    f(
        "env_credentials",
        Warning,
        Text::new(
            "Credentials are set in environment variables and hide the instance role",
            "Hay credenciales en variables de entorno que ocultan el rol de la instancia",
        ),
        Text::new(
            "{vars} are set. Every SDK reads the environment before the instance profile, and never refreshes these.",
            "{vars} están definidas. Todos los SDK leen el entorno antes que el perfil de instancia y nunca las renuevan.",
        ),
        "shadow_env",
    ),
    f(
        "java_properties",
        Warning,
        Text::new(
            "Java system properties carry credentials and hide the instance role",
            "Propiedades del sistema Java contienen credenciales y ocultan el rol de la instancia",
        ),
        Text::new(
            "{props} come before the instance profile in the Java SDK's default chain.",
            "{props} van antes que el perfil de instancia en la cadena predeterminada del SDK de Java.",
        ),
        "shadow_sysprops",
    ),
    f(
        "profile_session_token",
        Warning,
        Text::new(
            "A profile in the credentials file holds a session token that is never refreshed",
            "Un perfil del archivo de credenciales tiene un token de sesión que nunca se renueva",
        ),
        Text::new(
            "Profiles {profiles} carry aws_session_token; the credentials file comes before the instance role in every SDK's chain.",
            "Los perfiles {profiles} tienen aws_session_token; el archivo de credenciales va antes que el rol de la instancia en la cadena de todos los SDK.",
        ),
        "shadow_file",
    ),
    f(
        "static_source",
        Warning,
        Text::new(
            "The CLI takes its credentials from {origin}, not from the instance role",
            "La CLI toma sus credenciales de {origin}, no del rol de la instancia",
        ),
        Text::new(
            "aws configure list shows where the credentials come from; on EC2 you want iam-role.",
            "aws configure list muestra de dónde vienen las credenciales; en EC2 lo deseable es iam-role.",
        ),
        "shadowing",
    ),
    f(
        "proxy_catches_imds",
        Warning,
        Text::new(
            "A proxy is set and NO_PROXY does not exclude 169.254.169.254",
            "Hay un proxy configurado y NO_PROXY no excluye 169.254.169.254",
        ),
        Text::new(
            "Requests to the metadata service go through the proxy, which cannot reach it.",
            "Las solicitudes al servicio de metadatos pasan por el proxy, que no puede llegar a él.",
        ),
        "imds_proxy",
    ),
    f(
        "clock_unsynchronized",
        Warning,
        Text::new(
            "The clock is not synchronized ({source})",
            "El reloj no está sincronizado ({source})",
        ),
        Text::new(
            "Without a working time source the clock drifts until AWS rejects requests.",
            "Sin una fuente de hora que funcione el reloj se desvía hasta que AWS rechaza las solicitudes.",
        ),
        "clock_os",
    ),
    f(
        "short_lifetime",
        Info,
        Text::new(
            "These credentials lived only {lifetime}",
            "Estas credenciales solo duraron {lifetime}",
        ),
        Text::new(
            "Instance role credentials last about 6 hours. A session of an hour or less points to AssumeRole defaults or role chaining, which caps sessions at 1 hour.",
            "Las credenciales del rol de la instancia duran unas 6 horas. Una sesión de una hora o menos apunta a los valores por defecto de AssumeRole o al encadenamiento de roles, que limita las sesiones a 1 hora.",
        ),
        "sts_duration",
    ),
    f(
        "clock_ok",
        Info,
        Text::new(
            "The clock is within tolerance: {relation} AWS",
            "El reloj está dentro de la tolerancia: {relation_es} AWS",
        ),
        Text::new(
            "AWS accepts up to {tolerance} of difference; the clock is not the cause.",
            "AWS acepta hasta {tolerance} de diferencia; el reloj no es la causa.",
        ),
        "expired_source",
    ),
    f(
        "credentials_valid",
        Info,
        Text::new(
            "These {what} are valid for {left}",
            "Estas {what_es} son válidas durante {left}",
        ),
        Text::new(
            "Expiration {expiration}, {lifetime_sentence}at the reference time {now}.",
            "Expiration {expiration}, {lifetime_sentence_es}a la hora de referencia {now}.",
        ),
        "verify",
    ),
    f(
        "other_error",
        Info,
        Text::new("Error {code} in the paste", "Error {code} en el texto"),
        Text::new(
            "{message}",
            "{message}",
        ),
        "start",
    ),
];

pub fn def(code: &str) -> Option<&'static FindingDef> {
    FINDINGS.iter().find(|d| d.code == code)
}

/// A piece of the paste that supports a finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub span: Span,
    pub line: usize,
}

/// One finding of a diagnosis.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub def: &'static FindingDef,
    pub args: Vec<(&'static str, String)>,
    pub evidence: Vec<Evidence>,
}

impl Finding {
    pub fn code(&self) -> &'static str {
        self.def.code
    }
    pub fn severity(&self) -> Severity {
        self.def.severity
    }
    pub fn step(&self) -> &'static str {
        self.def.step
    }
    pub fn title(&self, lang: Lang) -> String {
        fill(self.def.title.get(lang), &self.args)
    }
    pub fn detail(&self, lang: Lang) -> String {
        fill(self.def.detail.get(lang), &self.args)
    }
    /// First evidence line, if any.
    pub fn line(&self) -> Option<usize> {
        self.evidence.first().map(|e| e.line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_unique_and_steps_exist() {
        for (i, d) in FINDINGS.iter().enumerate() {
            assert!(FINDINGS[i + 1..].iter().all(|e| e.code != d.code), "duplicate {}", d.code);
            assert!(crate::tree::node(d.step).is_some(), "{} → missing step {}", d.code, d.step);
            assert!(!d.title.es.is_empty() && !d.detail.es.is_empty());
        }
    }
}

#[cfg(test)]
mod imds_tests {
    #[test]
    fn every_imds_kind_names_a_finding() {
        for k in crate::model::ImdsKind::ALL {
            assert!(super::def(k.as_str()).is_some(), "{}", k.as_str());
        }
    }
}
