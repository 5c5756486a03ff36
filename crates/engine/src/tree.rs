//! The decision tree, defined once: every node's text in both languages, its
//! answers and where they lead, and the fix commands it offers. The web app,
//! the CLI (`tokendoctor steps`), the docs and the tests all read this table.

use crate::i18n::Text;

/// What a node asks of the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// A question with answers.
    Question,
    /// A fix to apply, with commands; its answers say whether it worked.
    Fix,
    /// Check that the problem is gone.
    Verify,
    /// The end.
    Done,
}

impl NodeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Question => "question",
            NodeKind::Fix => "fix",
            NodeKind::Verify => "verify",
            NodeKind::Done => "done",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Answer {
    pub label: Text,
    pub next: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node {
    /// Stable: used in URLs (`#/step/<id>`), findings and tests.
    pub id: &'static str,
    pub kind: NodeKind,
    pub title: Text,
    pub body: Text,
    pub answers: &'static [Answer],
    /// Ids of the command templates this node offers (see `commands`).
    pub commands: &'static [&'static str],
    /// Official references.
    pub docs: &'static [&'static str],
}

const fn a(en: &'static str, es: &'static str, next: &'static str) -> Answer {
    Answer { label: Text::new(en, es), next }
}

/// Where every walk starts when the paste says nothing.
pub const START: &str = "start";

const KC_EXPIRED: &str = "https://repost.aws/knowledge-center/ec2-expired-token";
const KC_IMDS: &str = "https://repost.aws/knowledge-center/ec2-linux-metadata-retrieval";
const DOC_TIME: &str = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/set-time.html";
const DOC_IMDS_OPTS: &str =
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-options.html";
const DOC_IMDS_SDK: &str = "https://docs.aws.amazon.com/sdkref/latest/guide/feature-imds-credentials.html";
const DOC_ROLES: &str = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html";
const DOC_CHAIN: &str = "https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html";

pub const NODES: &[Node] = &[
    Node {
        id: "start",
        kind: NodeKind::Question,
        title: Text::new("What does the error say?", "¿Qué dice el error?"),
        body: Text::new(
            "Paste the error above and the tool picks the branch for you. Otherwise, choose the message closest to yours.",
            "Pega el error arriba y la herramienta elige la rama por ti. Si no, elige el mensaje más parecido al tuyo.",
        ),
        answers: &[
            a("“The security token included in the request is expired” (ExpiredToken)", "«El token de seguridad incluido en la solicitud ha caducado» (ExpiredToken)", "expired_source"),
            a("“Signature expired”, RequestTimeTooSkewed or RequestExpired", "«Signature expired», RequestTimeTooSkewed o RequestExpired", "clock_check"),
            a("“The security token included in the request is invalid” (InvalidClientTokenId)", "«El token de seguridad incluido en la solicitud no es válido» (InvalidClientTokenId)", "invalid_token"),
            a("“Unable to locate credentials” or an instance metadata error (401/403/404, timeout)", "«Unable to locate credentials» o un error de metadatos de instancia (401/403/404, tiempo de espera)", "imds_reach"),
            a("The SSO session has expired", "La sesión de SSO ha caducado", "sso_expired"),
            a("I am not sure: gather everything first", "No estoy seguro: reunir todo primero", "collect"),
        ],
        commands: &[],
        docs: &[KC_EXPIRED],
    },
    Node {
        id: "collect",
        kind: NodeKind::Question,
        title: Text::new("Gather the evidence on the instance", "Reúne la evidencia en la instancia"),
        body: Text::new(
            "Run this read-only collector on the instance (no root needed; secrets are replaced by their length before anything is printed) and paste its whole output above. It answers most of the questions below at once.",
            "Ejecuta este recolector de solo lectura en la instancia (no necesita root; los secretos se sustituyen por su longitud antes de imprimir nada) y pega toda su salida arriba. Responde de una vez a la mayoría de las preguntas siguientes.",
        ),
        answers: &[
            a("I can't run it: answer the questions one by one", "No puedo ejecutarlo: responder las preguntas una a una", "start"),
        ],
        commands: &["collector"],
        docs: &[],
    },
    Node {
        id: "clock_check",
        kind: NodeKind::Question,
        title: Text::new("Is the instance clock within 5 minutes of AWS?", "¿Está el reloj de la instancia a menos de 5 minutos del de AWS?"),
        body: Text::new(
            "AWS rejects signed requests whose time stamp is more than 5 minutes (15 for S3) away from its own clock. Compare the instance's UTC time with the Date header of an AWS endpoint.",
            "AWS rechaza las solicitudes firmadas cuya marca de tiempo se aleja más de 5 minutos (15 en S3) de su propio reloj. Compara la hora UTC de la instancia con la cabecera Date de un punto de conexión de AWS.",
        ),
        answers: &[
            a("No, the clock is off", "No, el reloj está desviado", "clock_os"),
            a("Yes, the clock is right", "Sí, el reloj está bien", "expired_source"),
        ],
        commands: &["clock_vs_aws", "timedatectl_status", "w32tm_status"],
        docs: &[DOC_TIME],
    },
    Node {
        id: "clock_os",
        kind: NodeKind::Question,
        title: Text::new("Which operating system runs on the instance?", "¿Qué sistema operativo ejecuta la instancia?"),
        body: Text::new(
            "The fix is to synchronise the clock with the Amazon Time Sync Service (169.254.169.123), reachable from every instance without internet access.",
            "La solución es sincronizar el reloj con Amazon Time Sync Service (169.254.169.123), accesible desde cualquier instancia sin acceso a internet.",
        ),
        answers: &[
            a("Linux", "Linux", "clock_linux"),
            a("Windows", "Windows", "clock_windows"),
        ],
        commands: &[],
        docs: &[DOC_TIME],
    },
    Node {
        id: "clock_linux",
        kind: NodeKind::Fix,
        title: Text::new("Sync the Linux clock with Amazon Time Sync (chrony)", "Sincroniza el reloj de Linux con Amazon Time Sync (chrony)"),
        body: Text::new(
            "Add the Amazon Time Sync server to chrony (on Amazon Linux and RHEL in /etc/chrony.conf, on Ubuntu and Debian in /etc/chrony/chrony.conf), restart chrony, step the clock once, and check that 169.254.169.123 is the selected source (^*).",
            "Añade el servidor de Amazon Time Sync a chrony (en Amazon Linux y RHEL en /etc/chrony.conf, en Ubuntu y Debian en /etc/chrony/chrony.conf), reinicia chrony, ajusta el reloj una vez y comprueba que 169.254.169.123 es la fuente seleccionada (^*).",
        ),
        answers: &[
            a("The clock is right now", "El reloj ya está bien", "verify"),
            a("It is still off", "Sigue desviado", "clock_check"),
        ],
        commands: &["chrony_config_al", "chrony_config_ubuntu", "chrony_restart_verify", "chrony_makestep"],
        docs: &[DOC_TIME],
    },
    Node {
        id: "clock_windows",
        kind: NodeKind::Fix,
        title: Text::new("Sync the Windows clock with Amazon Time Sync (w32tm)", "Sincroniza el reloj de Windows con Amazon Time Sync (w32tm)"),
        body: Text::new(
            "Point the Windows Time service at 169.254.169.123, resynchronise, and check the source and offset. Domain-joined instances should sync from their domain controllers instead.",
            "Apunta el servicio de hora de Windows a 169.254.169.123, vuelve a sincronizar y comprueba la fuente y el desfase. Las instancias unidas a un dominio deben sincronizarse con sus controladores de dominio.",
        ),
        answers: &[
            a("The clock is right now", "El reloj ya está bien", "verify"),
            a("It is still off", "Sigue desviado", "clock_check"),
        ],
        commands: &["w32tm_configure", "w32tm_resync", "w32tm_status"],
        docs: &[DOC_TIME],
    },
    Node {
        id: "expired_source",
        kind: NodeKind::Question,
        title: Text::new("Which credentials is the application using?", "¿Qué credenciales usa la aplicación?"),
        body: Text::new(
            "The instance role's credentials are rotated automatically and SDKs refresh them. An ExpiredToken on EC2 usually means the application is not using them: credentials earlier in the provider chain hide them, or the application made temporary credentials itself and never refreshed them. These commands show which credentials are in use and where they come from.",
            "Las credenciales del rol de la instancia rotan automáticamente y los SDK las renuevan. Un ExpiredToken en EC2 suele significar que la aplicación no las usa: otras credenciales anteriores en la cadena de proveedores las ocultan, o la aplicación creó credenciales temporales y nunca las renovó. Estos comandos muestran qué credenciales se usan y de dónde vienen.",
        ),
        answers: &[
            a("The instance role (instance profile)", "El rol de la instancia (perfil de instancia)", "instance_role_stale"),
            a("Environment variables, Java system properties or ~/.aws/credentials", "Variables de entorno, propiedades del sistema Java o ~/.aws/credentials", "shadowing"),
            a("Credentials the application gets from STS itself (AssumeRole, GetSessionToken)", "Credenciales que la aplicación obtiene de STS (AssumeRole, GetSessionToken)", "app_refresh"),
            a("An SSO (IAM Identity Center) profile", "Un perfil de SSO (IAM Identity Center)", "sso_expired"),
            a("I don't know", "No lo sé", "collect"),
        ],
        commands: &["configure_list", "export_credentials", "caller_identity", "env_names", "java_props", "token_profiles", "container_credentials"],
        docs: &[KC_EXPIRED, DOC_CHAIN],
    },
    Node {
        id: "shadowing",
        kind: NodeKind::Question,
        title: Text::new("Credentials earlier in the chain hide the instance role", "Credenciales anteriores en la cadena ocultan el rol de la instancia"),
        body: Text::new(
            "SDKs stop at the first credentials they find. Java SDK 1.x looks at environment variables, then Java system properties, then the credentials file, and only then at the instance profile (Java 2.x checks system properties first; boto3, the CLI, Go and JavaScript check the environment, then the shared files, then containers, then the instance). A session token copied into any of those places stops working at its expiry and is never refreshed. Where did you find them?",
            "Los SDK se detienen en las primeras credenciales que encuentran. El SDK de Java 1.x mira las variables de entorno, luego las propiedades del sistema Java, luego el archivo de credenciales y solo después el perfil de instancia (Java 2.x mira primero las propiedades del sistema; boto3, la CLI, Go y JavaScript miran el entorno, luego los archivos compartidos, luego los contenedores y por último la instancia). Un token de sesión copiado en cualquiera de esos sitios deja de funcionar al caducar y nunca se renueva. ¿Dónde las has encontrado?",
        ),
        answers: &[
            a("Environment variables (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN)", "Variables de entorno (AWS_ACCESS_KEY_ID, AWS_SESSION_TOKEN)", "shadow_env"),
            a("Java system properties (-Daws.accessKeyId …)", "Propiedades del sistema Java (-Daws.accessKeyId …)", "shadow_sysprops"),
            a("A profile in ~/.aws/credentials with aws_session_token", "Un perfil de ~/.aws/credentials con aws_session_token", "shadow_file"),
            a("None of these", "Ninguno de estos", "instance_role_stale"),
        ],
        commands: &["env_names", "java_props", "token_profiles", "configure_list"],
        docs: &[DOC_CHAIN],
    },
    Node {
        id: "shadow_env",
        kind: NodeKind::Fix,
        title: Text::new("Remove the credentials from the environment", "Quita las credenciales del entorno"),
        body: Text::new(
            "Unset the variables in the shell, and remove them where they are set for good (the service unit, the container definition, ~/.bashrc, /etc/environment). The SDK then falls through to the instance role, which it refreshes by itself.",
            "Elimina las variables en la shell y quítalas de donde se definen de forma permanente (la unidad del servicio, la definición del contenedor, ~/.bashrc, /etc/environment). El SDK pasará entonces al rol de la instancia, que renueva por sí mismo.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["unset_env_creds", "find_env_creds", "process_env_names"],
        docs: &[DOC_CHAIN],
    },
    Node {
        id: "shadow_sysprops",
        kind: NodeKind::Fix,
        title: Text::new("Remove the Java system properties", "Quita las propiedades del sistema Java"),
        body: Text::new(
            "Remove -Daws.accessKeyId, -Daws.secretKey / -Daws.secretAccessKey and -Daws.sessionToken from the JVM's start command (JAVA_OPTS, the service unit, the launcher script) and restart the application.",
            "Quita -Daws.accessKeyId, -Daws.secretKey / -Daws.secretAccessKey y -Daws.sessionToken del comando de arranque de la JVM (JAVA_OPTS, la unidad del servicio, el script de arranque) y reinicia la aplicación.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["java_props", "remove_sysprops"],
        docs: &[KC_EXPIRED],
    },
    Node {
        id: "shadow_file",
        kind: NodeKind::Fix,
        title: Text::new("Remove the stale session token from the credentials file", "Quita el token de sesión caducado del archivo de credenciales"),
        body: Text::new(
            "Static keys in ~/.aws/credentials are never refreshed. Remove the profile (or its keys) that the application uses, or point the application at the instance role instead of that profile.",
            "Las claves estáticas de ~/.aws/credentials nunca se renuevan. Quita el perfil (o sus claves) que usa la aplicación, o haz que la aplicación use el rol de la instancia en lugar de ese perfil.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["token_profiles", "remove_profile_token"],
        docs: &[DOC_CHAIN],
    },
    Node {
        id: "app_refresh",
        kind: NodeKind::Fix,
        title: Text::new("Refresh the temporary credentials before they expire", "Renueva las credenciales temporales antes de que caduquen"),
        body: Text::new(
            "Credentials from AssumeRole or GetSessionToken last a fixed time (AssumeRole 1 hour by default, up to the role's maximum session of 1–12 hours; role chaining caps it at 1 hour). Code that creates them once and keeps them fails at expiry. Use a provider that refreshes by itself (Java 1.x STSAssumeRoleSessionCredentialsProvider, Java 2.x StsAssumeRoleCredentialsProvider, a boto3 profile with role_arn), or refresh 5 minutes before the expiration.",
            "Las credenciales de AssumeRole o GetSessionToken duran un tiempo fijo (AssumeRole 1 hora por defecto, hasta la sesión máxima del rol de 1 a 12 horas; el encadenamiento de roles lo limita a 1 hora). El código que las crea una vez y las conserva falla al caducar. Usa un proveedor que se renueve solo (Java 1.x STSAssumeRoleSessionCredentialsProvider, Java 2.x StsAssumeRoleCredentialsProvider, un perfil de boto3 con role_arn) o renueva 5 minutos antes del vencimiento.",
        ),
        answers: &[
            a("Done", "Hecho", "verify"),
            a("They expire sooner than I asked for", "Caducan antes de lo que pedí", "sts_duration"),
        ],
        commands: &["java_v1_refresh", "java_v2_refresh", "assume_role_profile"],
        docs: &["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_request.html"],
    },
    Node {
        id: "sts_duration",
        kind: NodeKind::Fix,
        title: Text::new("Check the session duration limits", "Comprueba los límites de duración de la sesión"),
        body: Text::new(
            "A session cannot outlive the role's MaxSessionDuration (1 hour unless raised, at most 12). When a role is assumed with credentials that are themselves from a role (role chaining), the session is capped at 1 hour whatever you ask for.",
            "Una sesión no puede durar más que el MaxSessionDuration del rol (1 hora salvo que se aumente, 12 como máximo). Cuando se asume un rol con credenciales que ya vienen de un rol (encadenamiento de roles), la sesión se limita a 1 hora pidas lo que pidas.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["role_max_session", "caller_identity"],
        docs: &["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use.html"],
    },
    Node {
        id: "instance_role_stale",
        kind: NodeKind::Question,
        title: Text::new("Does the instance metadata service hand out valid credentials?", "¿Entrega el servicio de metadatos de la instancia credenciales válidas?"),
        body: Text::new(
            "Read the role's credentials from IMDS and look at Expiration. IMDS makes new credentials available at least 5 minutes before the old ones expire, and SDK providers refresh them on their own.",
            "Lee las credenciales del rol desde IMDS y mira Expiration. IMDS ofrece credenciales nuevas al menos 5 minutos antes de que caduquen las anteriores y los proveedores de los SDK las renuevan por sí mismos.",
        ),
        answers: &[
            a("Yes, but the application keeps using old ones", "Sí, pero la aplicación sigue usando las antiguas", "app_caches"),
            a("IMDS returns credentials that are already expired", "IMDS devuelve credenciales ya caducadas", "imds_expired_served"),
            a("IMDS returns an error or nothing", "IMDS devuelve un error o nada", "imds_reach"),
        ],
        commands: &["imds_credentials", "imds_iam_info", "container_credentials"],
        docs: &["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-security-credentials.html"],
    },
    Node {
        id: "app_caches",
        kind: NodeKind::Fix,
        title: Text::new("Let the SDK refresh the instance credentials", "Deja que el SDK renueve las credenciales de la instancia"),
        body: Text::new(
            "The application reads the credentials once and keeps them (copies them into a static provider, an environment variable, a cache). Use the SDK's default provider chain or its instance profile provider and create clients with it, so each request gets current credentials.",
            "La aplicación lee las credenciales una vez y las conserva (las copia en un proveedor estático, una variable de entorno, una caché). Usa la cadena de proveedores predeterminada del SDK o su proveedor de perfil de instancia y crea los clientes con él, para que cada solicitud reciba credenciales vigentes.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["java_v1_refresh", "java_v2_refresh"],
        docs: &[KC_EXPIRED],
    },
    Node {
        id: "imds_expired_served",
        kind: NodeKind::Question,
        title: Text::new("IMDS served credentials that were already expired", "IMDS entregó credenciales ya caducadas"),
        body: Text::new(
            "If the instance clock is behind, credentials look valid to the SDK after AWS considers them expired; check the clock first. SDKs with static stability keep using expired instance credentials for a few minutes during an IMDS outage and log that they extended them. If the clock is right and it persists, contact AWS Support with the instance ID and the times.",
            "Si el reloj de la instancia va atrasado, las credenciales parecen válidas para el SDK cuando AWS ya las considera caducadas; comprueba primero el reloj. Los SDK con estabilidad estática siguen usando credenciales de instancia caducadas unos minutos durante una caída de IMDS y registran que las han extendido. Si el reloj está bien y persiste, contacta con AWS Support con el ID de instancia y las horas.",
        ),
        answers: &[
            a("Check the clock", "Comprobar el reloj", "clock_check"),
            a("The clock is right", "El reloj está bien", "verify"),
        ],
        commands: &["imds_credentials", "clock_vs_aws"],
        docs: &["https://docs.aws.amazon.com/sdkref/latest/guide/feature-static-credentials.html"],
    },
    Node {
        id: "imds_reach",
        kind: NodeKind::Question,
        title: Text::new("What does the instance metadata service answer?", "¿Qué responde el servicio de metadatos de la instancia?"),
        body: Text::new(
            "Ask IMDS for a token and for the role from the same place the application runs (the host, or inside its container), and note what comes back.",
            "Pide a IMDS un token y el rol desde el mismo lugar donde se ejecuta la aplicación (el host o dentro de su contenedor) y anota qué devuelve.",
        ),
        answers: &[
            a("Nothing: it times out or the connection is refused", "Nada: se agota el tiempo o se rechaza la conexión", "imds_timeout"),
            a("401 Unauthorized", "401 Unauthorized", "imds_401"),
            a("403 Forbidden", "403 Forbidden", "imds_403"),
            a("404 Not Found (no role listed)", "404 Not Found (ningún rol)", "role_check"),
            a("429 Too Many Requests", "429 Too Many Requests", "imds_throttle"),
            a("It works on the host but not in the container", "Funciona en el host pero no en el contenedor", "imds_hop_limit"),
            a("It returns credentials", "Devuelve credenciales", "instance_role_stale"),
        ],
        commands: &["imds_token_probe", "imds_role_list", "imds_credentials", "container_credentials"],
        docs: &[KC_IMDS, DOC_IMDS_SDK],
    },
    Node {
        id: "imds_timeout",
        kind: NodeKind::Question,
        title: Text::new("IMDS does not answer", "IMDS no responde"),
        body: Text::new(
            "Usual causes: an HTTP proxy that also catches 169.254.169.254, a firewall rule (iptables, firewalld, a host agent), a container network one hop too far for IMDSv2, or SDK timeouts too short for a busy instance (the default is 1 second and 1 attempt).",
            "Causas habituales: un proxy HTTP que también captura 169.254.169.254, una regla de cortafuegos (iptables, firewalld, un agente en el host), una red de contenedores a un salto de más para IMDSv2, o tiempos de espera del SDK demasiado cortos para una instancia ocupada (por defecto 1 segundo y 1 intento).",
        ),
        answers: &[
            a("A proxy is configured", "Hay un proxy configurado", "imds_proxy"),
            a("The application runs in a container", "La aplicación se ejecuta en un contenedor", "imds_hop_limit"),
            a("Neither: raise the SDK's timeout and attempts", "Ninguno: aumentar el tiempo de espera y los intentos del SDK", "imds_retries"),
        ],
        commands: &["imds_token_probe", "proxy_vars", "describe_metadata_options", "container_credentials"],
        docs: &[KC_IMDS],
    },
    Node {
        id: "imds_proxy",
        kind: NodeKind::Fix,
        title: Text::new("Keep IMDS out of the proxy", "Excluye IMDS del proxy"),
        body: Text::new(
            "Add 169.254.169.254 (and 169.254.170.2 for containers) to NO_PROXY, in the session and where the proxy is configured for good.",
            "Añade 169.254.169.254 (y 169.254.170.2 para contenedores) a NO_PROXY, en la sesión y donde el proxy esté configurado de forma permanente.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["no_proxy_session", "no_proxy_persistent"],
        docs: &[KC_IMDS],
    },
    Node {
        id: "imds_hop_limit",
        kind: NodeKind::Fix,
        title: Text::new("Raise the IMDS hop limit to 2 for containers", "Sube el límite de saltos de IMDS a 2 para contenedores"),
        body: Text::new(
            "An IMDSv2 token response travels back with a hop limit (1 by default). Each container network adds a hop, so the token never reaches the container and the SDK times out. Set the hop limit to 2 (3 for Docker in Docker); no restart is needed.",
            "La respuesta del token de IMDSv2 vuelve con un límite de saltos (1 por defecto). Cada red de contenedores añade un salto, así que el token nunca llega al contenedor y el SDK agota el tiempo. Pon el límite en 2 (3 para Docker dentro de Docker); no hace falta reiniciar.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["imds_instance_identity", "describe_metadata_options", "hop_limit_2", "container_credentials"],
        docs: &[DOC_IMDS_OPTS],
    },
    Node {
        id: "imds_retries",
        kind: NodeKind::Fix,
        title: Text::new("Give the SDK more time to reach IMDS", "Da al SDK más tiempo para llegar a IMDS"),
        body: Text::new(
            "AWS_METADATA_SERVICE_TIMEOUT (seconds) and AWS_METADATA_SERVICE_NUM_ATTEMPTS, or metadata_service_timeout and metadata_service_num_attempts in ~/.aws/config, are read by boto3, the CLI and other SDKs.",
            "AWS_METADATA_SERVICE_TIMEOUT (segundos) y AWS_METADATA_SERVICE_NUM_ATTEMPTS, o metadata_service_timeout y metadata_service_num_attempts en ~/.aws/config, los leen boto3, la CLI y otros SDK.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["metadata_retries_env", "metadata_retries_config"],
        docs: &["https://docs.aws.amazon.com/sdkref/latest/guide/feature-ec2-instance-metadata.html"],
    },
    Node {
        id: "imds_throttle",
        kind: NodeKind::Fix,
        title: Text::new("IMDS is throttling the instance", "IMDS está limitando a la instancia"),
        body: Text::new(
            "IMDS limits queries per instance. Cache credentials until shortly before they expire instead of asking on every request, share one client per process, and retry with exponential backoff (raise the attempts).",
            "IMDS limita las consultas por instancia. Guarda las credenciales en caché hasta poco antes de que caduquen en lugar de pedirlas en cada solicitud, comparte un cliente por proceso y reintenta con espera exponencial (aumenta los intentos).",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["metadata_retries_env", "metadata_retries_config"],
        docs: &["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html"],
    },
    Node {
        id: "imds_401",
        kind: NodeKind::Fix,
        title: Text::new("IMDSv2 is required: use a token", "IMDSv2 es obligatorio: usa un token"),
        body: Text::new(
            "401 means the request carried no valid IMDSv2 token while the instance requires one. Current SDKs use IMDSv2; update old SDKs and scripts to get a token first (PUT /latest/api/token). Making tokens optional again is possible but weakens the instance's protection.",
            "401 significa que la solicitud no llevaba un token válido de IMDSv2 y la instancia lo exige. Los SDK actuales usan IMDSv2; actualiza los SDK y scripts antiguos para que pidan antes un token (PUT /latest/api/token). Volver a hacer los tokens opcionales es posible pero debilita la protección de la instancia.",
        ),
        answers: &[
            a("Done", "Hecho", "verify"),
            a("It works on the host but not in the container", "Funciona en el host pero no en el contenedor", "imds_hop_limit"),
        ],
        commands: &["imds_credentials", "imds_instance_identity", "describe_metadata_options", "imds_tokens_optional"],
        docs: &[DOC_IMDS_OPTS],
    },
    Node {
        id: "imds_403",
        kind: NodeKind::Fix,
        title: Text::new("The metadata service is turned off", "El servicio de metadatos está desactivado"),
        body: Text::new(
            "403 from IMDS means its endpoint is disabled for this instance (or the token path is wrong). Enable it; requiring tokens at the same time keeps it safe.",
            "Un 403 de IMDS significa que su punto de conexión está desactivado para esta instancia (o la ruta del token es incorrecta). Actívalo; exigir tokens a la vez lo mantiene seguro.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["describe_metadata_options", "imds_enable"],
        docs: &[DOC_IMDS_OPTS],
    },
    Node {
        id: "role_check",
        kind: NodeKind::Question,
        title: Text::new("Is the right role attached to the instance?", "¿Tiene la instancia el rol correcto?"),
        body: Text::new(
            "IMDS lists no role (404) when no instance profile is attached, or when its profile has no role. A role whose trust policy does not allow ec2.amazonaws.com shows AssumeRoleUnauthorizedAccess.",
            "IMDS no lista ningún rol (404) cuando no hay perfil de instancia asociado o cuando su perfil no tiene rol. Un rol cuya política de confianza no permite ec2.amazonaws.com muestra AssumeRoleUnauthorizedAccess.",
        ),
        answers: &[
            a("No profile is attached", "No hay ningún perfil asociado", "role_attach"),
            a("The wrong profile is attached", "Está asociado el perfil equivocado", "role_replace"),
            a("IMDS says AssumeRoleUnauthorizedAccess", "IMDS dice AssumeRoleUnauthorizedAccess", "role_trust"),
            a("The right role is attached", "El rol correcto está asociado", "verify"),
        ],
        commands: &["imds_instance_identity", "imds_iam_info", "describe_associations", "get_instance_profile"],
        docs: &[DOC_ROLES],
    },
    Node {
        id: "role_attach",
        kind: NodeKind::Fix,
        title: Text::new("Attach the instance profile", "Asocia el perfil de instancia"),
        body: Text::new(
            "Associate an instance profile that contains the role. It applies to the running instance; credentials appear in IMDS within seconds.",
            "Asocia un perfil de instancia que contenga el rol. Se aplica a la instancia en ejecución; las credenciales aparecen en IMDS en segundos.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["imds_instance_identity", "associate_profile", "describe_associations"],
        docs: &[DOC_ROLES],
    },
    Node {
        id: "role_replace",
        kind: NodeKind::Fix,
        title: Text::new("Replace the instance profile", "Sustituye el perfil de instancia"),
        body: Text::new(
            "Swap the profile on the running instance without detaching first, so API calls are not interrupted. Applications pick up the new role at their next credential refresh.",
            "Cambia el perfil en la instancia en ejecución sin desasociarlo antes, para no interrumpir las llamadas a la API. Las aplicaciones toman el nuevo rol en su siguiente renovación de credenciales.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["imds_instance_identity", "describe_associations", "replace_association"],
        docs: &[DOC_ROLES],
    },
    Node {
        id: "role_trust",
        kind: NodeKind::Fix,
        title: Text::new("Let EC2 assume the role", "Permite que EC2 asuma el rol"),
        body: Text::new(
            "The role's trust policy must allow the service principal ec2.amazonaws.com to call sts:AssumeRole; otherwise IMDS shows AssumeRoleUnauthorizedAccess and no credentials.",
            "La política de confianza del rol debe permitir al principal de servicio ec2.amazonaws.com llamar a sts:AssumeRole; si no, IMDS muestra AssumeRoleUnauthorizedAccess y ninguna credencial.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["get_instance_profile", "role_trust_policy"],
        docs: &[DOC_ROLES],
    },
    Node {
        id: "sso_expired",
        kind: NodeKind::Fix,
        title: Text::new("Sign in to IAM Identity Center again", "Vuelve a iniciar sesión en IAM Identity Center"),
        body: Text::new(
            "The SSO session (and its refresh token) has ended; every profile that uses it fails until you sign in again. On an EC2 instance, prefer the instance role to a personal SSO profile.",
            "La sesión de SSO (y su token de actualización) ha terminado; todos los perfiles que la usan fallan hasta que vuelvas a iniciar sesión. En una instancia EC2, es preferible el rol de la instancia a un perfil personal de SSO.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["sso_login", "caller_identity"],
        docs: &["https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sso.html"],
    },
    Node {
        id: "invalid_token",
        kind: NodeKind::Question,
        title: Text::new("The token is rejected as invalid, not as expired", "El token se rechaza por no válido, no por caducado"),
        body: Text::new(
            "“Invalid” means AWS does not recognise the key or token at all: a key that was deleted or deactivated, a session token paired with the wrong key or cut short when copied, credentials from one partition used in another (aws-cn, aws-us-gov), or a token from the global STS endpoint used in an opt-in region. Very old session tokens are also reported as invalid.",
            "«No válido» significa que AWS no reconoce la clave o el token: una clave eliminada o desactivada, un token de sesión emparejado con otra clave o cortado al copiarlo, credenciales de una partición usadas en otra (aws-cn, aws-us-gov), o un token del punto de conexión global de STS usado en una región opcional. Los tokens de sesión muy antiguos también se notifican como no válidos.",
        ),
        answers: &[
            a("It fails only in one region (opt-in region or another partition)", "Falla solo en una región (región opcional u otra partición)", "invalid_region"),
            a("The credentials were copied or set by hand", "Las credenciales se copiaron o definieron a mano", "shadowing"),
            a("The instance role is in use", "Se usa el rol de la instancia", "instance_role_stale"),
        ],
        commands: &["caller_identity", "configure_list", "env_names"],
        docs: &["https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html"],
    },
    Node {
        id: "invalid_region",
        kind: NodeKind::Fix,
        title: Text::new("Use regional STS tokens", "Usa tokens regionales de STS"),
        body: Text::new(
            "Session tokens from the global STS endpoint (v1 tokens) are not valid in opt-in regions. Get credentials from the regional STS endpoint, or make the global endpoint issue v2 tokens (an account setting). Credentials never cross partitions: use credentials of the partition the region belongs to.",
            "Los tokens de sesión del punto de conexión global de STS (tokens v1) no son válidos en regiones opcionales. Obtén las credenciales del punto de conexión regional de STS o haz que el global emita tokens v2 (un ajuste de la cuenta). Las credenciales nunca cruzan particiones: usa credenciales de la partición a la que pertenece la región.",
        ),
        answers: &[a("Done", "Hecho", "verify")],
        commands: &["sts_regional_endpoint", "global_token_v2"],
        docs: &["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html"],
    },
    Node {
        id: "verify",
        kind: NodeKind::Verify,
        title: Text::new("Check that it works now", "Comprueba que ya funciona"),
        body: Text::new(
            "Ask STS who you are with the same credentials the application uses, then run the application again. For the instance role, the Arn ends in the instance ID.",
            "Pregunta a STS quién eres con las mismas credenciales que usa la aplicación y vuelve a ejecutar la aplicación. Con el rol de la instancia, el Arn termina en el ID de la instancia.",
        ),
        answers: &[
            a("It works", "Funciona", "done"),
            a("It still fails", "Sigue fallando", "start"),
        ],
        commands: &["caller_identity", "imds_credentials"],
        docs: &[],
    },
    Node {
        id: "done",
        kind: NodeKind::Done,
        title: Text::new("Solved", "Resuelto"),
        body: Text::new(
            "Copy the report into the ticket so the next person sees what was wrong and what fixed it.",
            "Copia el informe en el ticket para que la siguiente persona vea qué fallaba y qué lo arregló.",
        ),
        answers: &[a("Start over", "Empezar de nuevo", "start")],
        commands: &[],
        docs: &[],
    },
];

/// The node with this id.
pub fn node(id: &str) -> Option<&'static Node> {
    NODES.iter().find(|n| n.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_leads_to_a_node_and_every_node_is_reachable() {
        let mut reached = vec![START];
        let mut i = 0;
        while i < reached.len() {
            let n = node(reached[i]).unwrap_or_else(|| panic!("no node {}", reached[i]));
            for a in n.answers {
                assert!(node(a.next).is_some(), "{} → {}", n.id, a.next);
                if !reached.contains(&a.next) {
                    reached.push(a.next);
                }
            }
            i += 1;
        }
        for n in NODES {
            assert!(reached.contains(&n.id), "{} is unreachable", n.id);
        }
    }

    #[test]
    fn ids_are_unique_and_texts_complete() {
        for (i, n) in NODES.iter().enumerate() {
            assert!(NODES[i + 1..].iter().all(|m| m.id != n.id), "duplicate {}", n.id);
            for t in [n.title, n.body] {
                assert!(!t.en.is_empty() && !t.es.is_empty(), "{}", n.id);
                assert_ne!(t.en, t.es, "{} not translated", n.id);
            }
            assert!(!n.answers.is_empty(), "{} is a dead end", n.id);
        }
    }
}
