//! The page's own words (its "chrome") in English and Spanish, in one table.
//!
//! Tree and finding texts are not here: they come from the engine's tables.
//! `{name}` placeholders are filled with `tokendoctor_engine::i18n::fill`.

use tokendoctor_engine::i18n::Text;

const fn t(en: &'static str, es: &'static str) -> Text {
    Text::new(en, es)
}

pub const APP_TITLE: &str = "ExpiredToken Doctor";
pub const TAGLINE: Text = t(
    "Paste an AWS ExpiredToken, clock-skew or instance-metadata error: get the cause, the step to take and the commands.",
    "Pega un error de AWS de token caducado, de reloj o de metadatos de instancia: obtén la causa, el paso a seguir y los comandos.",
);
pub const SKIP: Text = t("Skip to the verdict", "Saltar al diagnóstico");
pub const LANG_NAME: Text = t("English", "Español");
pub const LANG_OTHER: Text = t("Español", "English");
pub const LANG_SWITCH: Text = t("Cambiar a español", "Switch to English");
pub const THEME_DARK: Text = t("Dark theme", "Tema oscuro");

pub const PASTE_LABEL: Text =
    t("Paste an AWS error, IMDS JSON or clock output", "Pega un error de AWS, el JSON de IMDS o la salida del reloj");
pub const PASTE_HINT: Text = t(
    "Or drop a file on the box. Read as you type; nothing leaves this browser.",
    "O suelta un archivo en el cuadro. Se lee mientras escribes; nada sale de este navegador.",
);
pub const EXAMPLES: Text = t("Try an example", "Prueba un ejemplo");
pub const CLEAR: Text = t("Clear", "Borrar");
pub const RUN_STATS: Text = t("Read {bytes} in {ms} ms.", "Leídos {bytes} en {ms} ms.");
pub const FROM_LINK: Text = t(
    "Facts from a shared link: the diagnosis was rebuilt from them; the paste itself was not shared.",
    "Datos de un enlace compartido: el diagnóstico se reconstruyó con ellos; el texto original no se compartió.",
);
pub const TRUNCATED: Text = t("Only the first 16 MiB are read.", "Solo se leen los primeros 16 MiB.");

pub const VERDICT: Text = t("Verdict", "Diagnóstico");
pub const BADGE_EXPIRED: Text = t("Expired", "Caducadas");
pub const BADGE_VALID: Text = t("Valid", "Válidas");
pub const BADGE_ROTATION: Text = t("Inside the rotation window", "En la ventana de rotación");
pub const BADGE_SKEW_OK: Text = t("Clock within tolerance", "Reloj dentro de la tolerancia");
pub const BADGE_SKEW_BAD: Text = t("Clock beyond tolerance", "Reloj fuera de la tolerancia");

pub const TIMES: Text = t("Times", "Horas");
pub const REF_TIME: Text = t("Reference time", "Hora de referencia");
pub const REF_NOW: Text = t("Now (live)", "Ahora (en vivo)");
pub const REF_PASTE: Text = t("A time found in the paste", "Una hora del texto pegado");
pub const REF_PASTE_NONE: Text =
    t("A time found in the paste (none found)", "Una hora del texto pegado (no hay ninguna)");
pub const REF_PASTE_PICK: Text = t("Time from the paste", "Hora del texto pegado");
pub const REF_TYPED: Text = t("This time (UTC)", "Esta hora (UTC)");
pub const REF_TYPED_HINT: Text = t("For example 2026-11-28T12:00:00Z", "Por ejemplo 2026-11-28T12:00:00Z");
pub const REF_INVALID: Text = t(
    "Not a time: write it as 2026-11-28T12:00:00Z. Using now meanwhile.",
    "No es una hora: escríbela como 2026-11-28T12:00:00Z. Mientras, se usa la hora actual.",
);
pub const REF_WHAT: [(&str, Text); 4] = [
    ("log", t("log line", "línea de registro")),
    ("request", t("request signed", "firma de la solicitud")),
    ("server", t("AWS clock", "reloj de AWS")),
    ("date", t("date output", "salida de date")),
];
pub const LINE_N: Text = t("line {n}", "línea {n}");
pub const UTC: Text = t("UTC", "UTC");
pub const LOCAL: Text = t("Local", "Local");
pub const EXPIRATION: Text = t("Expiration", "Vencimiento");
pub const LAST_UPDATED: Text = t("Last updated", "Última actualización");
pub const LIFETIME: Text = t("Lifetime", "Duración");
pub const COUNTDOWN: Text = t("Countdown", "Cuenta atrás");
pub const EXPIRED_AGO: Text = t("expired {d} ago", "caducaron hace {d}");
pub const EXPIRES_IN: Text = t("expire in {d}", "caducan en {d}");
pub const CREDENTIALS: Text = t("Credentials", "Credenciales");
pub const NO_TIMES: Text = t(
    "No credential expiry or clock reading in the paste yet.",
    "Aún no hay vencimientos de credenciales ni lecturas del reloj en el texto.",
);
pub const SKEW: Text = t("Clock skew", "Desfase del reloj");
pub const SKEW_BEHIND: Text =
    t("The instance clock is {d} behind AWS", "El reloj de la instancia va {d} por detrás de AWS");
pub const SKEW_AHEAD: Text =
    t("The instance clock is {d} ahead of AWS", "El reloj de la instancia va {d} por delante de AWS");
pub const SKEW_NONE: Text = t("The instance clock matches AWS", "El reloj de la instancia coincide con el de AWS");
pub const TOLERANCE: Text = t("AWS accepts up to {d}", "AWS acepta hasta {d}");
pub const CLIENT_TIME: Text = t("Instance clock", "Reloj de la instancia");
pub const SERVER_TIME: Text = t("AWS clock", "Reloj de AWS");

pub const FINDINGS: Text = t("Findings", "Hallazgos");
pub const NO_FINDINGS: Text = t("Nothing to report yet.", "Nada que señalar todavía.");
pub const SEVERITY: [Text; 3] = [t("Error", "Error"), t("Warning", "Aviso"), t("Note", "Nota")];
pub const EVIDENCE: Text = t("In the paste", "En el texto");
pub const GO_STEP: Text = t("Go to its step", "Ir a su paso");
pub const MORE_LINES: Text = t("… {n} more lines", "… {n} líneas más");

pub const TROUBLESHOOT: Text = t("Step by step", "Paso a paso");
pub const PATH: Text = t("Path taken", "Camino seguido");
pub const BACK: Text = t("Back", "Atrás");
pub const RESTART: Text = t("Restart", "Empezar de nuevo");
pub const DOCS: Text = t("AWS documentation", "Documentación de AWS");
pub const ANSWERS: Text = t("Answers", "Respuestas");
pub const KIND: [Text; 4] =
    [t("Question", "Pregunta"), t("Fix", "Solución"), t("Check", "Comprobación"), t("Done", "Fin")];

pub const CONTEXT: Text = t("Your environment", "Tu entorno");
pub const CONTEXT_HINT: Text = t(
    "These values fill the commands. Those marked “from the paste” were read from it; edit any of them.",
    "Estos valores rellenan los comandos. Los marcados «del texto» se leyeron de él; puedes editar cualquiera.",
);
pub const FROM_PASTE: Text = t("from the paste", "del texto");
pub const F_SHELL: Text = t("Operating system and shell", "Sistema operativo y shell");
pub const SHELL_BASH: Text = t("Linux (bash)", "Linux (bash)");
pub const SHELL_PS: Text = t("Windows (PowerShell)", "Windows (PowerShell)");
pub const F_IMDS: Text = t("Instance metadata (IMDS) version", "Versión de los metadatos de instancia (IMDS)");
pub const IMDS_V2: Text = t("IMDSv2 (session token)", "IMDSv2 (token de sesión)");
pub const IMDS_V1: Text = t("IMDSv1", "IMDSv1");
pub const F_CONTAINER: Text = t("Container", "Contenedor");
pub const CONTAINER_NONE: Text = t("None", "Ninguno");
pub const F_SDK: Text = t("SDK or tool", "SDK o herramienta");
pub const SDK_UNKNOWN: Text = t("Not known", "Desconocido");
pub const F_ROLE: Text = t("IAM role name", "Nombre del rol de IAM");
pub const F_IID: Text = t("Instance ID", "ID de instancia");
pub const F_REGION: Text = t("Region", "Región");
pub const COMMANDS: Text = t("Commands for this step", "Comandos de este paso");
pub const NO_COMMANDS: Text = t("This step has no commands to run.", "Este paso no tiene comandos que ejecutar.");
pub const COPY: Text = t("Copy", "Copiar");
pub const COPY_CMD: Text = t("Copy command: {what}", "Copiar comando: {what}");
pub const COPIED: Text = t("Copied", "Copiado");
pub const LINK_COPIED: Text = t("Link copied", "Enlace copiado");
pub const REPORT_COPIED: Text = t("Report copied", "Informe copiado");
pub const COPY_FAILED: Text = t(
    "Could not copy: select the text below and copy it by hand.",
    "No se pudo copiar: selecciona el texto de abajo y cópialo a mano.",
);

pub const SHARE: Text = t("Share", "Compartir");
pub const COPY_LINK: Text = t("Copy link", "Copiar enlace");
pub const COPY_REPORT: Text = t("Copy report (Markdown)", "Copiar informe (Markdown)");
pub const INCLUDE_PASTE: Text = t(
    "Include the paste in the link (secrets removed, first 2,000 bytes)",
    "Incluir el texto en el enlace (sin secretos, primeros 2000 bytes)",
);
pub const SHARE_HINT: Text = t(
    "The link holds the step, your environment and the facts found, with secrets removed.",
    "El enlace lleva el paso, tu entorno y los datos encontrados, sin secretos.",
);
pub const COPY_OUT: Text = t("Text to copy", "Texto para copiar");

pub const PRIVACY: Text = t(
    "Privacy: what you paste stays in this browser. It is read here by WebAssembly, never uploaded and never stored; the page's Content-Security-Policy lets it contact no server but its own. Only your language and theme are remembered. A copied link holds the facts found with secrets removed, and the paste only if you tick the box.",
    "Privacidad: lo que pegas se queda en este navegador. Se lee aquí con WebAssembly, nunca se sube ni se guarda; la Content-Security-Policy de la página no le deja contactar con ningún servidor salvo el suyo. Solo se recuerdan tu idioma y tu tema. Un enlace copiado lleva los datos encontrados sin secretos, y el texto solo si marcas la casilla.",
);
pub const ENGINE: Text = t("Engine {v}", "Motor {v}");

pub const EXAMPLE_NAMES: [(&str, Text); 8] = [
    ("java-es", t("Java exception (Spanish)", "Excepción de Java (español)")),
    ("imds", t("IMDS credentials JSON", "JSON de credenciales de IMDS")),
    ("powershell", t("PowerShell IMDS output", "Salida de IMDS en PowerShell")),
    ("skew", t("Clock skew (AWS CLI)", "Reloj desfasado (AWS CLI)")),
    ("chrony", t("chronyc tracking", "chronyc tracking")),
    ("imds-404", t("IMDS 404 / no credentials", "IMDS 404 / sin credenciales")),
    ("env", t("Credentials in the environment", "Credenciales en el entorno")),
    ("invalid", t("Invalid token (Terraform)", "Token no válido (Terraform)")),
];
