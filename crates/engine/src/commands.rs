//! Fix commands: one table of templates, filled with validated, quoted values.
//!
//! API contract (the web app and the CLI rely on it):
//! - `Inputs` holds the user's values (role, instance ID, region…), shell and
//!   IMDS version; `Inputs::from_context` pre-fills it from a diagnosis.
//! - `for_step(step, &inputs, lang)` renders the commands a decision-tree
//!   node offers, in the chosen shell, with every value validated and quoted;
//!   invalid values become visible placeholders and are reported in
//!   `StepCommands::problems`; missing values become placeholders too but are
//!   not problems (the user fills them in): `missing_fields` lists them.
//!
//! How a template is written: `TEMPLATES` is the only table. A template has an
//! id (the ids `tree` nodes list), a variant (`bash`, `powershell`, `aws-cli`
//! for a line that is valid in both shells, `java` for code snippets), a
//! condition (IMDSv1/v2, process ID given or not), a one-line purpose in both
//! languages and its text. In the text, `{{name}}` inserts a value:
//!
//! - `{{role}}`: the value, quoted for the shell (or its quoted placeholder);
//! - `{{role:--role-name}}`: the option and its value, `--role-name 'X'`; a
//!   value that starts with `-` becomes the single word `'--role-name=-X'`,
//!   so the AWS CLI cannot read it as another option;
//! - `{{profile?:--profile}}`: the same, but left out when no value is given;
//! - derived values (`ip_arg`, `instance_filter`, `sts_url`, `role_arn`,
//!   `proc_cmdline`, `proc_environ`) are built from the fields and then quoted
//!   as one word; `collector` inserts the collector script itself.
//!
//! Every inserted value goes through `quote` (bash: single quotes, `'` →
//! `'\''`; PowerShell: single quotes, quote characters doubled), even when it
//! passed validation, so no value can change what a command does. `aws-cli`
//! templates only put literals and whole quoted words side by side, never a
//! literal string glued to a value (PowerShell would merge `'a''b'` into one
//! string with a quote in it).

use crate::i18n::{Lang, Text};
use crate::model::{Context, Sdk};
use crate::validate::{self, Field, Invalid};

/// The shell a command is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Shell {
    #[default]
    Bash,
    PowerShell,
}

impl Shell {
    pub fn as_str(self) -> &'static str {
        match self {
            Shell::Bash => "bash",
            Shell::PowerShell => "powershell",
        }
    }
    pub fn parse(s: &str) -> Option<Shell> {
        match s.to_ascii_lowercase().as_str() {
            "bash" | "sh" | "linux" => Some(Shell::Bash),
            "powershell" | "pwsh" | "ps" | "windows" => Some(Shell::PowerShell),
            _ => None,
        }
    }
    fn other(self) -> Shell {
        match self {
            Shell::Bash => Shell::PowerShell,
            Shell::PowerShell => Shell::Bash,
        }
    }
}

/// Which IMDS protocol the commands use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Imds {
    V1,
    #[default]
    V2,
}

impl Imds {
    pub fn as_str(self) -> &'static str {
        match self {
            Imds::V1 => "v1",
            Imds::V2 => "v2",
        }
    }
    pub fn parse(s: &str) -> Option<Imds> {
        match s.to_ascii_lowercase().as_str() {
            "v1" | "1" | "imdsv1" => Some(Imds::V1),
            "v2" | "2" | "imdsv2" => Some(Imds::V2),
            _ => None,
        }
    }
}

/// The values commands are filled with. `None` (or an empty string) renders
/// a placeholder.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Inputs {
    pub role: Option<String>,
    pub instance_profile: Option<String>,
    pub instance_id: Option<String>,
    pub region: Option<String>,
    pub association_id: Option<String>,
    pub profile: Option<String>,
    pub pid: Option<String>,
    /// 12-digit account ID (fills role ARNs).
    pub account: Option<String>,
    pub shell: Shell,
    pub imds: Imds,
    /// Where the application runs: `docker`, `ecs`, `eks`, or `None` (on the
    /// instance itself). Adds the container's own credential checks.
    pub container: Option<&'static str>,
    /// The SDK the application uses; `Unknown` shows the code for every SDK.
    pub sdk: Sdk,
}

/// The container choices `Inputs::container` takes.
pub const CONTAINERS: [&str; 3] = ["docker", "ecs", "eks"];

/// `docker`, `ecs`, `eks` (any case) as the static name, anything else `None`.
pub fn container(s: &str) -> Option<&'static str> {
    CONTAINERS.into_iter().find(|c| c.eq_ignore_ascii_case(s.trim()))
}

impl Inputs {
    /// Pre-fills from what a paste revealed.
    pub fn from_context(ctx: &Context) -> Inputs {
        Inputs {
            role: ctx.role.clone(),
            instance_profile: ctx.instance_profile.clone(),
            instance_id: ctx.instance_id.clone(),
            region: ctx.region.clone(),
            account: ctx.account.clone(),
            shell: ctx.shell.unwrap_or_default(),
            imds: match ctx.imds_v2 {
                Some(false) => Imds::V1,
                _ => Imds::V2,
            },
            container: ctx.container.and_then(container),
            sdk: ctx.sdk,
            ..Inputs::default()
        }
    }

    /// The value of `field` (an empty string counts as none).
    pub fn get(&self, field: Field) -> Option<&str> {
        let v = match field {
            Field::Role => &self.role,
            Field::InstanceProfile => &self.instance_profile,
            Field::InstanceId => &self.instance_id,
            Field::Region => &self.region,
            Field::AssociationId => &self.association_id,
            Field::Profile => &self.profile,
            Field::Pid => &self.pid,
            Field::Account => &self.account,
        };
        v.as_deref().filter(|s| !s.is_empty())
    }

    /// Sets `field` (the CLI's flags and the web form use this).
    pub fn set(&mut self, field: Field, value: Option<String>) {
        let slot = match field {
            Field::Role => &mut self.role,
            Field::InstanceProfile => &mut self.instance_profile,
            Field::InstanceId => &mut self.instance_id,
            Field::Region => &mut self.region,
            Field::AssociationId => &mut self.association_id,
            Field::Profile => &mut self.profile,
            Field::Pid => &mut self.pid,
            Field::Account => &mut self.account,
        };
        *slot = value;
    }

    /// Every given value that fails validation, as problems (for a form, or
    /// the CLI's exit status 2), in `Field::ALL` order.
    pub fn problems(&self, lang: Lang) -> Vec<Problem> {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.get(f).and_then(|v| validate::check(f, v).err()))
            .map(|e| problem(&e, lang))
            .collect()
    }
}

/// One rendered command block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RenderedCommand {
    /// Template id (stable; nodes in `tree` list these).
    pub id: &'static str,
    /// `bash`, `powershell`, `aws-cli` (a line that works in both) or `java`
    /// (a code snippet, shown for both shells).
    pub shell: &'static str,
    /// One line saying what it is for, in the requested language.
    pub purpose: String,
    pub text: String,
}

/// A value that was rejected, with the field and the rule it broke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

fn problem(e: &Invalid, lang: Lang) -> Problem {
    Problem { field: e.field.name(), message: e.message(lang) }
}

/// The commands of one step.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct StepCommands {
    pub step: String,
    pub commands: Vec<RenderedCommand>,
    /// Rejected values of fields these commands use (each shows a placeholder).
    pub problems: Vec<Problem>,
}

/// What a template is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Variant {
    Bash,
    PowerShell,
    /// An `aws` command line valid in bash and PowerShell alike; values are
    /// quoted for the chosen shell.
    AwsCli,
    /// A code snippet (no values inserted), shown for both shells.
    Java,
}

impl Variant {
    pub fn as_str(self) -> &'static str {
        match self {
            Variant::Bash => "bash",
            Variant::PowerShell => "powershell",
            Variant::AwsCli => "aws-cli",
            Variant::Java => "java",
        }
    }
    fn fits(self, shell: Shell) -> bool {
        match self {
            Variant::Bash => shell == Shell::Bash,
            Variant::PowerShell => shell == Shell::PowerShell,
            Variant::AwsCli | Variant::Java => true,
        }
    }
}

/// When a template applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cond {
    Any,
    ImdsV1,
    ImdsV2,
    /// A process ID was given (look at that process only).
    Pid,
    /// No process ID (look at every process).
    NoPid,
    /// The application runs in this kind of container.
    Container(&'static str),
    /// The application uses this SDK (or the SDK is not known).
    Sdk(Sdk),
}

impl Cond {
    fn holds(self, inputs: &Inputs) -> bool {
        match self {
            Cond::Any => true,
            Cond::ImdsV1 => inputs.imds == Imds::V1,
            Cond::ImdsV2 => inputs.imds == Imds::V2,
            Cond::Pid => inputs.get(Field::Pid).is_some(),
            Cond::NoPid => inputs.get(Field::Pid).is_none(),
            Cond::Container(c) => inputs.container == Some(c),
            Cond::Sdk(s) => inputs.sdk == s || matches!(inputs.sdk, Sdk::Unknown | Sdk::Other),
        }
    }
}

/// One command template (see the module docs for the `{{…}}` syntax).
#[derive(Clone, Copy, Debug)]
pub struct Template {
    pub id: &'static str,
    pub variant: Variant,
    pub cond: Cond,
    pub purpose: Text,
    pub text: &'static str,
}

const fn t(
    id: &'static str,
    variant: Variant,
    cond: Cond,
    en: &'static str,
    es: &'static str,
    text: &'static str,
) -> Template {
    Template { id, variant, cond, purpose: Text::new(en, es), text }
}

use Cond::{Any, ImdsV1, ImdsV2, NoPid, Pid};
use Variant::{AwsCli, Bash, Java, PowerShell as Ps};

/// Every command template. Order within an id is the order shown.
pub const TEMPLATES: &[Template] = &[
    // ── Collector (script owned by `collector`) ─────────────────────────
    t("collector", Bash, Any, "Collect the evidence on the instance (read-only; secrets are replaced by their length)", "Reúne la evidencia en la instancia (solo lectura; los secretos se sustituyen por su longitud)", "{{collector}}"),
    t("collector", Ps, Any, "Collect the evidence on the instance (read-only; secrets are replaced by their length)", "Reúne la evidencia en la instancia (solo lectura; los secretos se sustituyen por su longitud)", "{{collector}}"),
    // ── Clock ───────────────────────────────────────────────────────────
    t(
        "clock_vs_aws",
        Bash,
        Any,
        "Print the instance's UTC time next to the Date header of the region's STS endpoint",
        "Muestra la hora UTC de la instancia junto a la cabecera Date del punto de conexión de STS de la región",
        r##"LC_ALL=C date -u
curl -sSI --max-time 10 {{sts_url}} | tr -d '\r' | grep -i '^date:'"##,
    ),
    t(
        "clock_vs_aws",
        Ps,
        Any,
        "Print the instance's UTC time next to the Date header of the region's STS endpoint",
        "Muestra la hora UTC de la instancia junto a la cabecera Date del punto de conexión de STS de la región",
        r##"[DateTime]::UtcNow.ToString('r')
$url = {{sts_url}}
$req = [System.Net.WebRequest]::Create($url); $req.Method = 'HEAD'; $req.Timeout = 10000; $req.AllowAutoRedirect = $false
try { $resp = $req.GetResponse() } catch [System.Net.WebException] { $resp = $_.Exception.Response }
'Date: ' + $resp.Headers['Date']"##,
    ),
    t(
        "timedatectl_status",
        Bash,
        Any,
        "Show the clock, the time zone and whether NTP synchronisation is active",
        "Muestra el reloj, la zona horaria y si la sincronización NTP está activa",
        "timedatectl status",
    ),
    t(
        "w32tm_status",
        Ps,
        Any,
        "Show the Windows Time source and offset, and sample the offset from Amazon Time Sync",
        "Muestra la fuente y el desfase de Windows Time y mide el desfase frente a Amazon Time Sync",
        r##"w32tm /query /status
w32tm /stripchart /computer:169.254.169.123 /dataonly /samples:3"##,
    ),
    t(
        "chrony_config_al",
        Bash,
        Any,
        "Amazon Linux, RHEL, CentOS, SUSE: add Amazon Time Sync to /etc/chrony.conf (once)",
        "Amazon Linux, RHEL, CentOS, SUSE: añade Amazon Time Sync a /etc/chrony.conf (una vez)",
        r##"# IPv6-only Nitro instance: use 'server fd00:ec2::123 prefer iburst minpoll 4 maxpoll 4' instead (never both).
command -v chronyc >/dev/null || sudo yum install -y chrony
grep -rqs '^server 169\.254\.169\.123' /etc/chrony.conf /etc/chrony.d/ || echo 'server 169.254.169.123 prefer iburst minpoll 4 maxpoll 4' | sudo tee -a /etc/chrony.conf"##,
    ),
    t(
        "chrony_config_ubuntu",
        Bash,
        Any,
        "Ubuntu, Debian: put Amazon Time Sync first in /etc/chrony/chrony.conf (once)",
        "Ubuntu, Debian: pon Amazon Time Sync en primer lugar en /etc/chrony/chrony.conf (una vez)",
        r##"# IPv6-only Nitro instance: use 'server fd00:ec2::123 prefer iburst minpoll 4 maxpoll 4' instead (never both).
command -v chronyc >/dev/null || { sudo apt-get update && sudo apt-get install -y chrony; }
grep -rqs '^server 169\.254\.169\.123' /etc/chrony/chrony.conf /etc/chrony/sources.d/ || sudo sed -i '1i server 169.254.169.123 prefer iburst minpoll 4 maxpoll 4' /etc/chrony/chrony.conf"##,
    ),
    t(
        "chrony_restart_verify",
        Bash,
        Any,
        "Restart chrony and check that 169.254.169.123 is the selected source (^*)",
        "Reinicia chrony y comprueba que 169.254.169.123 es la fuente seleccionada (^*)",
        r##"sudo systemctl restart chronyd 2>/dev/null || sudo systemctl restart chrony
chronyc sources -v
chronyc tracking
timedatectl"##,
    ),
    t(
        "chrony_makestep",
        Bash,
        Any,
        "Step the clock now instead of slewing it slowly, then show the remaining offset",
        "Ajusta el reloj de golpe en vez de corregirlo poco a poco y muestra el desfase restante",
        r##"sudo chronyc makestep
chronyc tracking"##,
    ),
    t(
        "w32tm_configure",
        Ps,
        Any,
        "Point Windows Time at Amazon Time Sync (run as Administrator; not on domain-joined instances)",
        "Apunta Windows Time a Amazon Time Sync (como administrador; no en instancias unidas a un dominio)",
        r##"w32tm /config /manualpeerlist:169.254.169.123 /syncfromflags:manual /update
Restart-Service w32time
w32tm /query /configuration"##,
    ),
    t(
        "w32tm_resync",
        Ps,
        Any,
        "Resynchronise the Windows clock now and show the result",
        "Vuelve a sincronizar el reloj de Windows ahora y muestra el resultado",
        r##"w32tm /resync
w32tm /query /status"##,
    ),
    // ── Which credentials are in use ────────────────────────────────────
    t(
        "configure_list",
        AwsCli,
        Any,
        "Show where the AWS CLI finds credentials and region (keys masked)",
        "Muestra de dónde toma la AWS CLI las credenciales y la región (claves enmascaradas)",
        "aws configure list {{profile?:--profile}}",
    ),
    t(
        "export_credentials",
        Bash,
        Any,
        "Show the credentials the CLI resolves and their Expiration, secret and token masked (AWS CLI v2.9+)",
        "Muestra las credenciales que resuelve la CLI y su Expiration, con secreto y token enmascarados (AWS CLI v2.9+)",
        r##"aws configure export-credentials --format process {{profile?:--profile}} | sed -E 's/("(SecretAccessKey|SessionToken)"[[:space:]]*:[[:space:]]*")[^"]*/\1****/g'"##,
    ),
    t(
        "export_credentials",
        Ps,
        Any,
        "Show the credentials the CLI resolves and their Expiration, secret and token masked (AWS CLI v2.9+)",
        "Muestra las credenciales que resuelve la CLI y su Expiration, con secreto y token enmascarados (AWS CLI v2.9+)",
        r##"aws configure export-credentials --format process {{profile?:--profile}} | ForEach-Object { $_ -replace '("(SecretAccessKey|SessionToken)"\s*:\s*")[^"]*', '$1****' }"##,
    ),
    t(
        "caller_identity",
        AwsCli,
        Any,
        "Ask STS which identity the current credentials belong to (needs no permission)",
        "Pregunta a STS a qué identidad pertenecen las credenciales actuales (no necesita permisos)",
        "aws sts get-caller-identity {{region?:--region}} {{profile?:--profile}}",
    ),
    t(
        "env_names",
        Bash,
        Any,
        "List the AWS_* variables set in this shell (names only, values masked)",
        "Lista las variables AWS_* definidas en esta shell (solo nombres, valores enmascarados)",
        "compgen -e | grep '^AWS_' | sed 's/$/=****/'",
    ),
    t(
        "env_names",
        Ps,
        Any,
        "List the AWS_* variables set in this session (names only, values masked)",
        "Lista las variables AWS_* definidas en esta sesión (solo nombres, valores enmascarados)",
        "Get-ChildItem Env: | Where-Object Name -like 'AWS_*' | ForEach-Object { $_.Name + '=****' }",
    ),
    t(
        "java_props",
        Bash,
        NoPid,
        "List the -Daws.* system properties of running JVMs and in JAVA_OPTS (names only, never values)",
        "Lista las propiedades -Daws.* de las JVM en ejecución y de JAVA_OPTS (solo nombres, nunca valores)",
        r##"for pid in $(pgrep -f -- '-Daws\.'); do
  printf 'PID %s: %s\n' "$pid" "$(tr '\0' '\n' < "/proc/$pid/cmdline" | grep -o -- '^-Daws\.[A-Za-z0-9.]*' | sort -u | tr '\n' ' ')"
done
printf '%s\n' "${JAVA_OPTS:-}" "${JAVA_TOOL_OPTIONS:-}" | grep -o -- '-Daws\.[A-Za-z0-9.]*' | sort -u"##,
    ),
    t(
        "java_props",
        Bash,
        Pid,
        "List the -Daws.* system properties of the process (names only, never values)",
        "Lista las propiedades -Daws.* del proceso (solo nombres, nunca valores)",
        r##"sudo cat {{proc_cmdline}} | tr '\0' '\n' | grep -o -- '^-Daws\.[A-Za-z0-9.]*' | sort -u"##,
    ),
    t(
        "java_props",
        Ps,
        NoPid,
        "List the -Daws.* system properties of running Java processes (names only, never values)",
        "Lista las propiedades -Daws.* de los procesos Java en ejecución (solo nombres, nunca valores)",
        r##"Get-CimInstance Win32_Process -Filter "Name like 'java%'" | ForEach-Object {
  $names = [regex]::Matches([string]$_.CommandLine, '-Daws\.[A-Za-z0-9.]*') | ForEach-Object { $_.Value } | Sort-Object -Unique
  if ($names) { "PID $($_.ProcessId): $($names -join ' ')" }
}"##,
    ),
    t(
        "java_props",
        Ps,
        Pid,
        "List the -Daws.* system properties of the process (names only, never values)",
        "Lista las propiedades -Daws.* del proceso (solo nombres, nunca valores)",
        r##"$pidWanted = {{pid}}
Get-CimInstance Win32_Process | Where-Object { [string]$_.ProcessId -eq $pidWanted } | ForEach-Object {
  [regex]::Matches([string]$_.CommandLine, '-Daws\.[A-Za-z0-9.]*') | ForEach-Object { $_.Value } | Sort-Object -Unique
}"##,
    ),
    t(
        "token_profiles",
        Bash,
        Any,
        "List the profiles in the shared credentials and config files that hold a session token (names only)",
        "Lista los perfiles de los archivos compartidos de credenciales y configuración que guardan un token de sesión (solo nombres)",
        r##"for f in "${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" "${AWS_CONFIG_FILE:-$HOME/.aws/config}"; do
  [ -f "$f" ] && awk '/^[[:space:]]*\[/ { p = $0 } /^[[:space:]]*aws_session_token[[:space:]]*=/ { print FILENAME ": " p }' "$f"
done"##,
    ),
    t(
        "token_profiles",
        Ps,
        Any,
        "List the profiles in the shared credentials and config files that hold a session token (names only)",
        "Lista los perfiles de los archivos compartidos de credenciales y configuración que guardan un token de sesión (solo nombres)",
        r##"$dir = Join-Path $HOME '.aws'
$files = @($(if ($env:AWS_SHARED_CREDENTIALS_FILE) { $env:AWS_SHARED_CREDENTIALS_FILE } else { Join-Path $dir 'credentials' }), $(if ($env:AWS_CONFIG_FILE) { $env:AWS_CONFIG_FILE } else { Join-Path $dir 'config' }))
foreach ($f in $files) {
  if (Test-Path $f) { $p = ''; foreach ($line in Get-Content $f) { if ($line -match '^\s*\[') { $p = $line.Trim() } elseif ($line -match '^\s*aws_session_token\s*=') { "${f}: $p" } } }
}"##,
    ),
    // ── Shadowing: remove what hides the instance role ──────────────────
    t(
        "unset_env_creds",
        Bash,
        Any,
        "Remove static credentials from this shell's environment, then check what the CLI uses now",
        "Quita las credenciales estáticas del entorno de esta shell y comprueba qué usa ahora la CLI",
        r##"unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_CREDENTIAL_EXPIRATION AWS_ACCESS_KEY AWS_SECRET_KEY
aws configure list"##,
    ),
    t(
        "unset_env_creds",
        Ps,
        Any,
        "Remove static credentials from this session and your user environment, then check what the CLI uses now",
        "Quita las credenciales estáticas de esta sesión y de tu entorno de usuario y comprueba qué usa ahora la CLI",
        r##"foreach ($v in 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CREDENTIAL_EXPIRATION') {
  Remove-Item "Env:$v" -ErrorAction SilentlyContinue
  [Environment]::SetEnvironmentVariable($v, $null, 'User')
}
# Machine-wide (as Administrator): [Environment]::SetEnvironmentVariable('AWS_SESSION_TOKEN', $null, 'Machine')
aws configure list"##,
    ),
    t(
        "find_env_creds",
        Bash,
        Any,
        "Find where AWS_* credentials are set for good: shell profiles, /etc/environment, systemd units (values masked)",
        "Busca dónde se definen de forma permanente las credenciales AWS_*: perfiles de shell, /etc/environment, unidades de systemd (valores enmascarados)",
        r##"grep -nsE 'AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|SECURITY_TOKEN)' ~/.bashrc ~/.bash_profile ~/.profile ~/.zshrc /etc/environment /etc/profile /etc/bash.bashrc /etc/profile.d/*.sh | sed -E 's/(AWS_[A-Z_]+"?[[:space:]]*[:=]).*/\1****/'
sudo grep -rnsE 'AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|SECURITY_TOKEN)' /etc/systemd/system /usr/lib/systemd/system /etc/default /etc/sysconfig | sed -E 's/(AWS_[A-Z_]+"?[[:space:]]*[:=]).*/\1****/'"##,
    ),
    t(
        "find_env_creds",
        Ps,
        Any,
        "Find where AWS_* variables are set: process, user and machine environment, PowerShell profile (values masked)",
        "Busca dónde se definen las variables AWS_*: entorno del proceso, del usuario y de la máquina, perfil de PowerShell (valores enmascarados)",
        r##"foreach ($scope in 'Process', 'User', 'Machine') {
  [Environment]::GetEnvironmentVariables($scope).Keys | Where-Object { $_ -like 'AWS_*' } | ForEach-Object { "${scope}: $_=****" }
}
if (Test-Path $PROFILE) { Select-String -Path $PROFILE -Pattern 'AWS_[A-Z_]+' | ForEach-Object { '{0}:{1}: {2}' -f $_.Path, $_.LineNumber, $_.Matches[0].Value } }"##,
    ),
    t(
        "process_env_names",
        Bash,
        Any,
        "List the AWS_* variables in the environment of the application's process (names only)",
        "Lista las variables AWS_* del entorno del proceso de la aplicación (solo nombres)",
        r##"sudo cat {{proc_environ}} | tr '\0' '\n' | grep -o '^AWS_[A-Za-z0-9_]*=' | sed 's/$/****/'"##,
    ),
    t(
        "remove_sysprops",
        Bash,
        Any,
        "Find the files and variables that pass -Daws.* to the JVM (names only); remove them and restart the service",
        "Busca los archivos y variables que pasan -Daws.* a la JVM (solo nombres); quítalos y reinicia el servicio",
        r##"sudo grep -rnsoE -- '-Daws\.[A-Za-z0-9.]+' /etc/systemd/system /usr/lib/systemd/system /etc/default /etc/sysconfig /etc/environment /etc/profile.d
printf '%s\n' "${JAVA_OPTS:-}" "${JAVA_TOOL_OPTIONS:-}" "${CATALINA_OPTS:-}" | grep -o -- '-Daws\.[A-Za-z0-9.]*'
# After removing them: sudo systemctl daemon-reload && sudo systemctl restart YOUR_SERVICE"##,
    ),
    t(
        "remove_sysprops",
        Ps,
        Any,
        "Find the services and variables that pass -Daws.* to the JVM (names only); remove them and restart the service",
        "Busca los servicios y variables que pasan -Daws.* a la JVM (solo nombres); quítalos y reinicia el servicio",
        r##"Get-CimInstance Win32_Service | Where-Object { $_.PathName -match '-Daws\.' } | Select-Object Name, State
foreach ($scope in 'User', 'Machine') {
  foreach ($v in 'JAVA_OPTS', 'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS') {
    $names = [regex]::Matches([string][Environment]::GetEnvironmentVariable($v, $scope), '-Daws\.[A-Za-z0-9.]*') | ForEach-Object { $_.Value }
    if ($names) { "${scope} ${v}: $($names -join ' ')" }
  }
}
# After removing them: Restart-Service YOUR_SERVICE"##,
    ),
    t(
        "remove_profile_token",
        Bash,
        Any,
        "Remove the profile from the shared credentials file (a backup is kept as .bak), then list the profiles left",
        "Quita el perfil del archivo compartido de credenciales (se guarda una copia .bak) y lista los perfiles que quedan",
        r##"f="${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}"
cp -p "$f" "$f.bak" && P={{profile}} awk '/^[[:space:]]*\[/ { s = $0; gsub(/^[[:space:]]*\[[[:space:]]*|[[:space:]]*\][[:space:]]*$/, "", s); skip = (s == ENVIRON["P"]) } !skip' "$f.bak" > "$f"
grep -n '^[[:space:]]*\[' "$f""##,
    ),
    t(
        "remove_profile_token",
        Ps,
        Any,
        "Remove the profile from the shared credentials file (a backup is kept as .bak), then list the profiles left",
        "Quita el perfil del archivo compartido de credenciales (se guarda una copia .bak) y lista los perfiles que quedan",
        r##"$f = if ($env:AWS_SHARED_CREDENTIALS_FILE) { $env:AWS_SHARED_CREDENTIALS_FILE } else { Join-Path (Join-Path $HOME '.aws') 'credentials' }
Copy-Item $f "$f.bak"
$p = {{profile}}
$skip = $false
$kept = foreach ($line in Get-Content "$f.bak") { if ($line -match '^\s*\[\s*(.*?)\s*\]\s*$') { $skip = ($Matches[1] -ceq $p) }; if (-not $skip) { $line } }
Set-Content -Path $f -Value $kept
Select-String -Path $f -Pattern '^\s*\['"##,
    ),
    // ── Containers: their own credential sources ────────────────────────
    t(
        "container_credentials",
        Bash,
        Cond::Container("ecs"),
        "In an ECS task: read the task role's credentials the way the SDK does (secrets masked); the SDK uses these, not the instance's",
        "En una tarea de ECS: lee las credenciales del rol de la tarea como lo hace el SDK (secretos ocultos); el SDK usa estas, no las de la instancia",
        r##"echo "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI=${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI:-<not set: no task role>}"
curl -sS --max-time 2 "http://169.254.170.2${AWS_CONTAINER_CREDENTIALS_RELATIVE_URI:-/}" \
  | sed -E 's/"(SecretAccessKey|Token)" *: *"[^"]*"/"\1": "<redacted>"/g'"##,
    ),
    t(
        "container_credentials",
        Ps,
        Cond::Container("ecs"),
        "In an ECS task: read the task role's credentials the way the SDK does (secrets masked); the SDK uses these, not the instance's",
        "En una tarea de ECS: lee las credenciales del rol de la tarea como lo hace el SDK (secretos ocultos); el SDK usa estas, no las de la instancia",
        r##"$c = Invoke-RestMethod -TimeoutSec 2 -Uri ('http://169.254.170.2' + $env:AWS_CONTAINER_CREDENTIALS_RELATIVE_URI)
$c | Select-Object RoleArn, AccessKeyId, Expiration"##,
    ),
    t(
        "container_credentials",
        Bash,
        Cond::Container("eks"),
        "In an EKS pod: show which role the pod gets (IRSA or Pod Identity) and when its web identity token was last renewed",
        "En un pod de EKS: muestra qué rol recibe el pod (IRSA o Pod Identity) y cuándo se renovó su token de identidad web",
        r##"env | grep -E '^AWS_(ROLE_ARN|WEB_IDENTITY_TOKEN_FILE|CONTAINER_CREDENTIALS_FULL_URI|CONTAINER_AUTHORIZATION_TOKEN_FILE)=' || echo 'no IRSA or Pod Identity variables: the pod falls back to the node role via IMDS'
if [ -n "${AWS_WEB_IDENTITY_TOKEN_FILE:-}" ]; then ls -l --time-style=+%Y-%m-%dT%H:%M:%S%z "$AWS_WEB_IDENTITY_TOKEN_FILE"; fi"##,
    ),
    t(
        "container_credentials",
        Ps,
        Cond::Container("eks"),
        "In an EKS pod: show which role the pod gets (IRSA or Pod Identity) and when its web identity token was last renewed",
        "En un pod de EKS: muestra qué rol recibe el pod (IRSA o Pod Identity) y cuándo se renovó su token de identidad web",
        r##"Get-ChildItem Env:AWS_ROLE_ARN, Env:AWS_WEB_IDENTITY_TOKEN_FILE, Env:AWS_CONTAINER_CREDENTIALS_FULL_URI -ErrorAction SilentlyContinue | Select-Object Name, Value
if ($env:AWS_WEB_IDENTITY_TOKEN_FILE) { Get-Item $env:AWS_WEB_IDENTITY_TOKEN_FILE | Select-Object LastWriteTimeUtc }"##,
    ),
    t(
        "container_credentials",
        Bash,
        Cond::Container("docker"),
        "In a Docker container: time the IMDSv2 token request from inside it (a timeout here and not on the host means the hop limit)",
        "En un contenedor Docker: mide la solicitud del token de IMDSv2 desde dentro (si agota el tiempo aquí y no en el host, es el límite de saltos)",
        r##"curl -sS -o /dev/null -w 'token PUT: HTTP %{http_code} in %{time_total}s\n' --max-time 2 -X PUT \
  -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600' http://169.254.169.254/latest/api/token || echo 'no answer: hop limit 1 or a firewall'"##,
    ),
    t(
        "container_credentials",
        Ps,
        Cond::Container("docker"),
        "In a Docker container: time the IMDSv2 token request from inside it (a timeout here and not on the host means the hop limit)",
        "En un contenedor Docker: mide la solicitud del token de IMDSv2 desde dentro (si agota el tiempo aquí y no en el host, es el límite de saltos)",
        r##"Measure-Command { Invoke-RestMethod -TimeoutSec 2 -Method PUT -Headers @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '21600' } -Uri http://169.254.169.254/latest/api/token } | Select-Object TotalSeconds"##,
    ),
    // ── Code that refreshes (Java) ──────────────────────────────────────
    t(
        "java_v1_refresh",
        Java,
        Cond::Sdk(Sdk::JavaV1),
        "AWS SDK for Java 1.x: providers that refresh by themselves, and the one that never does",
        "AWS SDK para Java 1.x: proveedores que se renuevan solos y el que nunca lo hace",
        r##"// Refreshes by itself: the default chain ends with the instance profile provider.
AmazonS3 s3 = AmazonS3ClientBuilder.standard()
        .withCredentials(DefaultAWSCredentialsProviderChain.getInstance())
        .build();
// Only the instance role, refreshed in the background (checks every minute):
AWSCredentialsProvider instanceRole = new InstanceProfileCredentialsProvider(true);
// AssumeRole sessions, renewed before they expire:
AWSCredentialsProvider assumed = new STSAssumeRoleSessionCredentialsProvider.Builder(
        "arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME", "my-app").build();
// NEVER refreshes: fails with ExpiredToken once the session token expires.
// new AWSStaticCredentialsProvider(new BasicSessionCredentials(accessKey, secretKey, sessionToken))"##,
    ),
    t(
        "java_v2_refresh",
        Java,
        Cond::Sdk(Sdk::JavaV2),
        "AWS SDK for Java 2.x: providers that refresh by themselves, and the one that never does",
        "AWS SDK para Java 2.x: proveedores que se renuevan solos y el que nunca lo hace",
        r##"// Refreshes by itself: the default chain ends with the instance profile provider.
S3Client s3 = S3Client.builder()
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .build();
// Only the instance role, refreshed before it expires:
AwsCredentialsProvider instanceRole = InstanceProfileCredentialsProvider.builder()
        .asyncCredentialUpdateEnabled(true)
        .build();
// AssumeRole sessions, renewed before they expire:
AwsCredentialsProvider assumed = StsAssumeRoleCredentialsProvider.builder()
        .stsClient(StsClient.create())
        .refreshRequest(r -> r.roleArn("arn:aws:iam::ACCOUNT_ID:role/ROLE_NAME").roleSessionName("my-app"))
        .build();
// NEVER refreshes: fails with ExpiredToken once the session token expires.
// StaticCredentialsProvider.create(AwsSessionCredentials.create(accessKey, secretKey, sessionToken))"##,
    ),
    t(
        "assume_role_profile",
        AwsCli,
        Any,
        "Create a profile that assumes the role with the instance credentials; SDKs using it (AWS_PROFILE) renew the session",
        "Crea un perfil que asume el rol con las credenciales de la instancia; los SDK que lo usan (AWS_PROFILE) renuevan la sesión",
        r##"aws configure set role_arn {{role_arn}} {{profile:--profile}}
aws configure set credential_source Ec2InstanceMetadata {{profile:--profile}}
aws sts get-caller-identity {{profile:--profile}}"##,
    ),
    t(
        "role_max_session",
        AwsCli,
        Any,
        "Show the role's maximum session duration in seconds (3600 unless raised, 43200 at most)",
        "Muestra la duración máxima de sesión del rol en segundos (3600 salvo que se aumente, 43200 como máximo)",
        "aws iam get-role {{role:--role-name}} --query 'Role.MaxSessionDuration' {{region?:--region}} {{profile?:--profile}}",
    ),
    // ── IMDS ────────────────────────────────────────────────────────────
    t(
        "imds_credentials",
        Bash,
        ImdsV2,
        "IMDSv2: get a token, list the instance role and read its credentials (secret and token masked)",
        "IMDSv2: pide un token, lista el rol de la instancia y lee sus credenciales (secreto y token enmascarados)",
        r##"TOKEN=$(curl -fsS --max-time 5 -X PUT 'http://169.254.169.254/latest/api/token' -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600')
ROLE=$(curl -fsS --max-time 5 -H "X-aws-ec2-metadata-token: $TOKEN" 'http://169.254.169.254/latest/meta-data/iam/security-credentials/')
echo "Role: $ROLE"
curl -fsS --max-time 5 -H "X-aws-ec2-metadata-token: $TOKEN" "http://169.254.169.254/latest/meta-data/iam/security-credentials/$ROLE" | sed -E 's/("(SecretAccessKey|Token)"[[:space:]]*:[[:space:]]*")[^"]*/\1****/g'"##,
    ),
    t(
        "imds_credentials",
        Bash,
        ImdsV1,
        "IMDSv1: list the instance role and read its credentials (secret and token masked)",
        "IMDSv1: lista el rol de la instancia y lee sus credenciales (secreto y token enmascarados)",
        r##"ROLE=$(curl -fsS --max-time 5 'http://169.254.169.254/latest/meta-data/iam/security-credentials/')
echo "Role: $ROLE"
curl -fsS --max-time 5 "http://169.254.169.254/latest/meta-data/iam/security-credentials/$ROLE" | sed -E 's/("(SecretAccessKey|Token)"[[:space:]]*:[[:space:]]*")[^"]*/\1****/g'"##,
    ),
    t(
        "imds_credentials",
        Ps,
        ImdsV2,
        "IMDSv2: get a token, list the instance role and read its credentials (secret and token masked)",
        "IMDSv2: pide un token, lista el rol de la instancia y lee sus credenciales (secreto y token enmascarados)",
        r##"[string]$token = Invoke-RestMethod -Method Put -Uri 'http://169.254.169.254/latest/api/token' -Headers @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '21600' } -TimeoutSec 5
$h = @{ 'X-aws-ec2-metadata-token' = $token }
$role = ([string](Invoke-RestMethod -Uri 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' -Headers $h -TimeoutSec 5)).Trim()
"Role: $role"
(Invoke-WebRequest -Uri "http://169.254.169.254/latest/meta-data/iam/security-credentials/$role" -Headers $h -TimeoutSec 5 -UseBasicParsing).Content -replace '("(SecretAccessKey|Token)"\s*:\s*")[^"]*', '$1****'"##,
    ),
    t(
        "imds_credentials",
        Ps,
        ImdsV1,
        "IMDSv1: list the instance role and read its credentials (secret and token masked)",
        "IMDSv1: lista el rol de la instancia y lee sus credenciales (secreto y token enmascarados)",
        r##"$role = ([string](Invoke-RestMethod -Uri 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' -TimeoutSec 5)).Trim()
"Role: $role"
(Invoke-WebRequest -Uri "http://169.254.169.254/latest/meta-data/iam/security-credentials/$role" -TimeoutSec 5 -UseBasicParsing).Content -replace '("(SecretAccessKey|Token)"\s*:\s*")[^"]*', '$1****'"##,
    ),
    t(
        "imds_iam_info",
        Bash,
        ImdsV2,
        "IMDSv2: show the attached instance profile (iam/info: Code, InstanceProfileArn)",
        "IMDSv2: muestra el perfil de instancia asociado (iam/info: Code, InstanceProfileArn)",
        r##"TOKEN=$(curl -fsS --max-time 5 -X PUT 'http://169.254.169.254/latest/api/token' -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600')
curl -fsS --max-time 5 -H "X-aws-ec2-metadata-token: $TOKEN" 'http://169.254.169.254/latest/meta-data/iam/info'; echo"##,
    ),
    t(
        "imds_iam_info",
        Bash,
        ImdsV1,
        "IMDSv1: show the attached instance profile (iam/info: Code, InstanceProfileArn)",
        "IMDSv1: muestra el perfil de instancia asociado (iam/info: Code, InstanceProfileArn)",
        r##"curl -fsS --max-time 5 'http://169.254.169.254/latest/meta-data/iam/info'; echo"##,
    ),
    t(
        "imds_iam_info",
        Ps,
        ImdsV2,
        "IMDSv2: show the attached instance profile (iam/info: Code, InstanceProfileArn)",
        "IMDSv2: muestra el perfil de instancia asociado (iam/info: Code, InstanceProfileArn)",
        r##"[string]$token = Invoke-RestMethod -Method Put -Uri 'http://169.254.169.254/latest/api/token' -Headers @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '21600' } -TimeoutSec 5
(Invoke-WebRequest -Uri 'http://169.254.169.254/latest/meta-data/iam/info' -Headers @{ 'X-aws-ec2-metadata-token' = $token } -TimeoutSec 5 -UseBasicParsing).Content"##,
    ),
    t(
        "imds_iam_info",
        Ps,
        ImdsV1,
        "IMDSv1: show the attached instance profile (iam/info: Code, InstanceProfileArn)",
        "IMDSv1: muestra el perfil de instancia asociado (iam/info: Code, InstanceProfileArn)",
        "(Invoke-WebRequest -Uri 'http://169.254.169.254/latest/meta-data/iam/info' -TimeoutSec 5 -UseBasicParsing).Content",
    ),
    t(
        "imds_role_list",
        Bash,
        ImdsV2,
        "IMDSv2: list the role name IMDS offers credentials for (404: no role attached)",
        "IMDSv2: lista el nombre del rol para el que IMDS ofrece credenciales (404: ningún rol asociado)",
        r##"TOKEN=$(curl -fsS --max-time 5 -X PUT 'http://169.254.169.254/latest/api/token' -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600')
curl -fsS --max-time 5 -H "X-aws-ec2-metadata-token: $TOKEN" 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'; echo"##,
    ),
    t(
        "imds_role_list",
        Bash,
        ImdsV1,
        "IMDSv1: list the role name IMDS offers credentials for (404: no role attached)",
        "IMDSv1: lista el nombre del rol para el que IMDS ofrece credenciales (404: ningún rol asociado)",
        r##"curl -fsS --max-time 5 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'; echo"##,
    ),
    t(
        "imds_role_list",
        Ps,
        ImdsV2,
        "IMDSv2: list the role name IMDS offers credentials for (404: no role attached)",
        "IMDSv2: lista el nombre del rol para el que IMDS ofrece credenciales (404: ningún rol asociado)",
        r##"[string]$token = Invoke-RestMethod -Method Put -Uri 'http://169.254.169.254/latest/api/token' -Headers @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '21600' } -TimeoutSec 5
Invoke-RestMethod -Uri 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' -Headers @{ 'X-aws-ec2-metadata-token' = $token } -TimeoutSec 5"##,
    ),
    t(
        "imds_role_list",
        Ps,
        ImdsV1,
        "IMDSv1: list the role name IMDS offers credentials for (404: no role attached)",
        "IMDSv1: lista el nombre del rol para el que IMDS ofrece credenciales (404: ningún rol asociado)",
        "Invoke-RestMethod -Uri 'http://169.254.169.254/latest/meta-data/iam/security-credentials/' -TimeoutSec 5",
    ),
    t(
        "imds_instance_identity",
        Bash,
        ImdsV2,
        "IMDSv2: print this instance's ID and region (the values the commands below need)",
        "IMDSv2: muestra el ID y la región de esta instancia (los valores que necesitan los comandos siguientes)",
        r##"TOKEN=$(curl -fsS --max-time 5 -X PUT 'http://169.254.169.254/latest/api/token' -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600')
echo "instance-id: $(curl -fsS --max-time 5 -H "X-aws-ec2-metadata-token: $TOKEN" 'http://169.254.169.254/latest/meta-data/instance-id')"
echo "region: $(curl -fsS --max-time 5 -H "X-aws-ec2-metadata-token: $TOKEN" 'http://169.254.169.254/latest/meta-data/placement/region')""##,
    ),
    t(
        "imds_instance_identity",
        Bash,
        ImdsV1,
        "IMDSv1: print this instance's ID and region (the values the commands below need)",
        "IMDSv1: muestra el ID y la región de esta instancia (los valores que necesitan los comandos siguientes)",
        r##"echo "instance-id: $(curl -fsS --max-time 5 'http://169.254.169.254/latest/meta-data/instance-id')"
echo "region: $(curl -fsS --max-time 5 'http://169.254.169.254/latest/meta-data/placement/region')""##,
    ),
    t(
        "imds_instance_identity",
        Ps,
        ImdsV2,
        "IMDSv2: print this instance's ID and region (the values the commands below need)",
        "IMDSv2: muestra el ID y la región de esta instancia (los valores que necesitan los comandos siguientes)",
        r##"[string]$token = Invoke-RestMethod -Method Put -Uri 'http://169.254.169.254/latest/api/token' -Headers @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '21600' } -TimeoutSec 5
$h = @{ 'X-aws-ec2-metadata-token' = $token }
'instance-id: ' + (Invoke-RestMethod -Uri 'http://169.254.169.254/latest/meta-data/instance-id' -Headers $h -TimeoutSec 5)
'region: ' + (Invoke-RestMethod -Uri 'http://169.254.169.254/latest/meta-data/placement/region' -Headers $h -TimeoutSec 5)"##,
    ),
    t(
        "imds_instance_identity",
        Ps,
        ImdsV1,
        "IMDSv1: print this instance's ID and region (the values the commands below need)",
        "IMDSv1: muestra el ID y la región de esta instancia (los valores que necesitan los comandos siguientes)",
        r##"'instance-id: ' + (Invoke-RestMethod -Uri 'http://169.254.169.254/latest/meta-data/instance-id' -TimeoutSec 5)
'region: ' + (Invoke-RestMethod -Uri 'http://169.254.169.254/latest/meta-data/placement/region' -TimeoutSec 5)"##,
    ),
    t(
        "imds_token_probe",
        Bash,
        Any,
        "Ask IMDS for a token and for metadata without one, and print the HTTP status of each (000: no answer)",
        "Pide a IMDS un token y metadatos sin token, y muestra el estado HTTP de cada uno (000: sin respuesta)",
        r##"curl -sS --max-time 2 -o /dev/null -w 'PUT /latest/api/token: HTTP %{http_code}\n' -X PUT 'http://169.254.169.254/latest/api/token' -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600'
curl -sS --max-time 2 -o /dev/null -w 'GET /latest/meta-data/ without a token: HTTP %{http_code}\n' 'http://169.254.169.254/latest/meta-data/'"##,
    ),
    t(
        "imds_token_probe",
        Ps,
        Any,
        "Ask IMDS for a token and for metadata without one, and print the HTTP status of each",
        "Pide a IMDS un token y metadatos sin token, y muestra el estado HTTP de cada uno",
        r##"$probes = @(
  @{ Method = 'Put'; Uri = 'http://169.254.169.254/latest/api/token'; Headers = @{ 'X-aws-ec2-metadata-token-ttl-seconds' = '21600' } },
  @{ Method = 'Get'; Uri = 'http://169.254.169.254/latest/meta-data/'; Headers = @{} }
)
foreach ($probe in $probes) {
  try { $r = Invoke-WebRequest @probe -UseBasicParsing -TimeoutSec 2; "$($probe.Method) $($probe.Uri): HTTP $($r.StatusCode)" }
  catch { "$($probe.Method) $($probe.Uri): $($_.Exception.Message)" }
}"##,
    ),
    t(
        "proxy_vars",
        Bash,
        Any,
        "Show the proxy settings that could catch 169.254.169.254 (proxy passwords masked)",
        "Muestra la configuración de proxy que podría capturar 169.254.169.254 (contraseñas del proxy enmascaradas)",
        r##"env | grep -i '_proxy=' | sed -E 's#://[^/@]*@#://****@#'
grep -is 'proxy' /etc/environment /etc/profile.d/*.sh | sed -E 's#://[^/@]*@#://****@#'"##,
    ),
    t(
        "proxy_vars",
        Ps,
        Any,
        "Show the proxy settings that could catch 169.254.169.254 (proxy passwords masked)",
        "Muestra la configuración de proxy que podría capturar 169.254.169.254 (contraseñas del proxy enmascaradas)",
        r##"Get-ChildItem Env: | Where-Object Name -match 'proxy' | ForEach-Object { '{0}={1}' -f $_.Name, ($_.Value -replace '://[^/@]*@', '://****@') }
netsh winhttp show proxy"##,
    ),
    t(
        "describe_metadata_options",
        AwsCli,
        Any,
        "Show the instance's metadata options: endpoint, tokens (IMDSv2), hop limit",
        "Muestra las opciones de metadatos de la instancia: punto de conexión, tokens (IMDSv2), límite de saltos",
        "aws ec2 describe-instances {{instance_id:--instance-ids}} {{region:--region}} --query 'Reservations[].Instances[].MetadataOptions' {{profile?:--profile}}",
    ),
    t(
        "no_proxy_session",
        Bash,
        Any,
        "Keep IMDS and the container credential endpoint out of the proxy in this shell",
        "Excluye del proxy IMDS y el punto de credenciales de contenedores en esta shell",
        r##"export NO_PROXY="169.254.169.254,169.254.170.2${NO_PROXY:+,$NO_PROXY}"
export no_proxy="$NO_PROXY""##,
    ),
    t(
        "no_proxy_session",
        Ps,
        Any,
        "Keep IMDS and the container credential endpoint out of the proxy in this session",
        "Excluye del proxy IMDS y el punto de credenciales de contenedores en esta sesión",
        r##"$env:NO_PROXY = ((@('169.254.169.254', '169.254.170.2') + @($env:NO_PROXY -split ',')) | Where-Object { $_ } | Select-Object -Unique) -join ','
$env:NO_PROXY"##,
    ),
    t(
        "no_proxy_persistent",
        Bash,
        Any,
        "Keep IMDS out of the proxy for every login (/etc/environment); add it by hand where a NO_PROXY line exists",
        "Excluye IMDS del proxy en todos los inicios de sesión (/etc/environment); añádelo a mano donde ya haya una línea NO_PROXY",
        r##"grep -q '^NO_PROXY=' /etc/environment || echo 'NO_PROXY=169.254.169.254,169.254.170.2' | sudo tee -a /etc/environment
grep -q '^no_proxy=' /etc/environment || echo 'no_proxy=169.254.169.254,169.254.170.2' | sudo tee -a /etc/environment
grep -i '^no_proxy=' /etc/environment
# systemd services do not read /etc/environment: add Environment=NO_PROXY=169.254.169.254,169.254.170.2 to the unit."##,
    ),
    t(
        "no_proxy_persistent",
        Ps,
        Any,
        "Keep IMDS out of the proxy machine-wide (run as Administrator; new processes see it)",
        "Excluye IMDS del proxy en toda la máquina (como administrador; lo ven los procesos nuevos)",
        r##"$cur = [Environment]::GetEnvironmentVariable('NO_PROXY', 'Machine')
$new = ((@('169.254.169.254', '169.254.170.2') + @($cur -split ',')) | Where-Object { $_ } | Select-Object -Unique) -join ','
[Environment]::SetEnvironmentVariable('NO_PROXY', $new, 'Machine')
[Environment]::GetEnvironmentVariable('NO_PROXY', 'Machine')"##,
    ),
    t(
        "hop_limit_2",
        AwsCli,
        Any,
        "Let IMDSv2 token responses reach containers: hop limit 2 (applies at once, no restart)",
        "Deja que las respuestas de token de IMDSv2 lleguen a los contenedores: límite de saltos 2 (se aplica al momento, sin reiniciar)",
        "aws ec2 modify-instance-metadata-options {{instance_id:--instance-id}} --http-put-response-hop-limit 2 --http-endpoint enabled {{region:--region}} {{profile?:--profile}}",
    ),
    t(
        "metadata_retries_env",
        Bash,
        Any,
        "Give SDKs 5 seconds and 3 attempts to reach IMDS (this shell; put it in the service's environment for good)",
        "Da a los SDK 5 segundos y 3 intentos para llegar a IMDS (esta shell; ponlo en el entorno del servicio para que sea permanente)",
        r##"export AWS_METADATA_SERVICE_TIMEOUT=5
export AWS_METADATA_SERVICE_NUM_ATTEMPTS=3"##,
    ),
    t(
        "metadata_retries_env",
        Ps,
        Any,
        "Give SDKs 5 seconds and 3 attempts to reach IMDS (this session; put it in the service's environment for good)",
        "Da a los SDK 5 segundos y 3 intentos para llegar a IMDS (esta sesión; ponlo en el entorno del servicio para que sea permanente)",
        r##"$env:AWS_METADATA_SERVICE_TIMEOUT = '5'
$env:AWS_METADATA_SERVICE_NUM_ATTEMPTS = '3'"##,
    ),
    t(
        "metadata_retries_config",
        AwsCli,
        Any,
        "Give SDKs 5 seconds and 3 attempts to reach IMDS, in ~/.aws/config",
        "Da a los SDK 5 segundos y 3 intentos para llegar a IMDS, en ~/.aws/config",
        r##"aws configure set metadata_service_timeout 5 {{profile?:--profile}}
aws configure set metadata_service_num_attempts 3 {{profile?:--profile}}"##,
    ),
    t(
        "imds_tokens_optional",
        AwsCli,
        Any,
        "Accept IMDSv1 requests again (tokens optional); weakens protection, prefer updating the SDK",
        "Vuelve a aceptar solicitudes IMDSv1 (tokens opcionales); debilita la protección, mejor actualiza el SDK",
        "aws ec2 modify-instance-metadata-options {{instance_id:--instance-id}} --http-tokens optional --http-endpoint enabled {{region:--region}} {{profile?:--profile}}",
    ),
    t(
        "imds_enable",
        AwsCli,
        Any,
        "Turn the metadata endpoint on, requiring IMDSv2 tokens",
        "Activa el punto de conexión de metadatos, exigiendo tokens de IMDSv2",
        "aws ec2 modify-instance-metadata-options {{instance_id:--instance-id}} --http-endpoint enabled --http-tokens required {{region:--region}} {{profile?:--profile}}",
    ),
    // ── Instance profile ────────────────────────────────────────────────
    t(
        "describe_associations",
        AwsCli,
        Any,
        "Show which instance profile is associated with the instance (and the association ID)",
        "Muestra qué perfil de instancia está asociado a la instancia (y el ID de asociación)",
        "aws ec2 describe-iam-instance-profile-associations --filters {{instance_filter}} {{region:--region}} {{profile?:--profile}}",
    ),
    t(
        "get_instance_profile",
        AwsCli,
        Any,
        "Show the instance profile and its role (an empty Roles list means no credentials in IMDS)",
        "Muestra el perfil de instancia y su rol (una lista Roles vacía significa que IMDS no tendrá credenciales)",
        "aws iam get-instance-profile {{instance_profile:--instance-profile-name}} {{region?:--region}} {{profile?:--profile}}",
    ),
    t(
        "associate_profile",
        AwsCli,
        Any,
        "Attach the instance profile to the instance (it has none now)",
        "Asocia el perfil de instancia a la instancia (ahora no tiene ninguno)",
        "aws ec2 associate-iam-instance-profile {{instance_id:--instance-id}} --iam-instance-profile {{ip_arg}} {{region:--region}} {{profile?:--profile}}",
    ),
    t(
        "replace_association",
        AwsCli,
        Any,
        "Swap the instance profile on the running instance without detaching it first",
        "Cambia el perfil de instancia en la instancia en ejecución sin desasociarlo antes",
        "aws ec2 replace-iam-instance-profile-association {{association_id:--association-id}} --iam-instance-profile {{ip_arg}} {{region:--region}} {{profile?:--profile}}",
    ),
    t(
        "role_trust_policy",
        Bash,
        Any,
        "Show the role's trust policy, then let ec2.amazonaws.com assume it (replaces the whole policy: merge other statements by hand)",
        "Muestra la política de confianza del rol y deja que ec2.amazonaws.com lo asuma (sustituye toda la política: combina a mano otras declaraciones)",
        r##"aws iam get-role {{role:--role-name}} --query 'Role.AssumeRolePolicyDocument' {{region?:--region}} {{profile?:--profile}}
printf '%s\n' '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}' > ec2-trust.json
aws iam update-assume-role-policy {{role:--role-name}} --policy-document file://ec2-trust.json {{region?:--region}} {{profile?:--profile}}"##,
    ),
    t(
        "role_trust_policy",
        Ps,
        Any,
        "Show the role's trust policy, then let ec2.amazonaws.com assume it (replaces the whole policy: merge other statements by hand)",
        "Muestra la política de confianza del rol y deja que ec2.amazonaws.com lo asuma (sustituye toda la política: combina a mano otras declaraciones)",
        r##"aws iam get-role {{role:--role-name}} --query 'Role.AssumeRolePolicyDocument' {{region?:--region}} {{profile?:--profile}}
Set-Content -Path ec2-trust.json -Value '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
aws iam update-assume-role-policy {{role:--role-name}} --policy-document file://ec2-trust.json {{region?:--region}} {{profile?:--profile}}"##,
    ),
    // ── SSO, STS endpoints ──────────────────────────────────────────────
    t(
        "sso_login",
        AwsCli,
        Any,
        "Sign in to IAM Identity Center again, then check the identity (AWS CLI v2)",
        "Vuelve a iniciar sesión en IAM Identity Center y comprueba la identidad (AWS CLI v2)",
        r##"aws sso login {{profile?:--profile}}
aws sts get-caller-identity {{profile?:--profile}}"##,
    ),
    t(
        "sts_regional_endpoint",
        Bash,
        Any,
        "Use the regional STS endpoint (its tokens work in every region of the partition), then check",
        "Usa el punto de conexión regional de STS (sus tokens valen en todas las regiones de la partición) y compruébalo",
        r##"export AWS_STS_REGIONAL_ENDPOINTS=regional
aws configure set sts_regional_endpoints regional {{profile?:--profile}}
aws sts get-caller-identity {{region:--region}} {{profile?:--profile}}"##,
    ),
    t(
        "sts_regional_endpoint",
        Ps,
        Any,
        "Use the regional STS endpoint (its tokens work in every region of the partition), then check",
        "Usa el punto de conexión regional de STS (sus tokens valen en todas las regiones de la partición) y compruébalo",
        r##"$env:AWS_STS_REGIONAL_ENDPOINTS = 'regional'
aws configure set sts_regional_endpoints regional {{profile?:--profile}}
aws sts get-caller-identity {{region:--region}} {{profile?:--profile}}"##,
    ),
    t(
        "global_token_v2",
        AwsCli,
        Any,
        "Make the global STS endpoint issue v2 tokens, valid in opt-in regions (account setting)",
        "Haz que el punto de conexión global de STS emita tokens v2, válidos en regiones opcionales (ajuste de la cuenta)",
        r##"aws iam set-security-token-service-preferences --global-endpoint-token-version v2Token {{profile?:--profile}}
aws iam get-account-summary --query 'SummaryMap.GlobalEndpointTokenVersion' {{profile?:--profile}}"##,
    ),
];

/// Quotes `s` as one bash word: single quotes, each `'` written as `'\''`.
/// Nothing inside single quotes is special to bash (no `$`, backticks, `\`,
/// `!` history expansion), so the word is exactly `s`.
pub fn quote_bash(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        if c == '\'' {
            out.push_str("'\\''");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// PowerShell treats these four as single quotes too (in addition to `'`).
const PS_QUOTES: [char; 5] = ['\'', '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}'];

/// Quotes `s` as one PowerShell verbatim string: single quotes, each quote
/// character (ASCII `'` and the typographic ones PowerShell also accepts)
/// doubled. Nothing else is special in a verbatim string (no `$`, backtick
/// escapes or subexpressions).
pub fn quote_powershell(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        out.push(c);
        if PS_QUOTES.contains(&c) {
            out.push(c);
        }
    }
    out.push('\'');
    out
}

/// The one quoting function for `shell`.
pub fn quote(shell: Shell, s: &str) -> String {
    match shell {
        Shell::Bash => quote_bash(s),
        Shell::PowerShell => quote_powershell(s),
    }
}

/// What a field looks like while rendering.
enum Slot<'a> {
    Given(&'a str),
    Missing,
    Invalid(Invalid),
}

/// Rendering state for one template: values, and what was missing or wrong.
struct Fill<'a> {
    inputs: &'a Inputs,
    shell: Shell,
    problems: Vec<Invalid>,
    missing: Vec<Field>,
}

impl<'a> Fill<'a> {
    fn slot(&self, f: Field) -> Slot<'a> {
        match self.inputs.get(f) {
            None => Slot::Missing,
            Some(v) => match validate::check(f, v) {
                Ok(()) => Slot::Given(v),
                Err(e) => Slot::Invalid(e),
            },
        }
    }

    /// The raw (unquoted) text of `f`, or its placeholder; records why.
    fn raw(&mut self, f: Field) -> &'a str {
        match self.slot(f) {
            Slot::Given(v) => v,
            Slot::Missing => {
                if !self.missing.contains(&f) {
                    self.missing.push(f);
                }
                f.placeholder()
            }
            Slot::Invalid(e) => {
                if !self.problems.contains(&e) {
                    self.problems.push(e);
                }
                f.placeholder()
            }
        }
    }

    /// The unquoted text of a placeholder name (a field or a derived value).
    fn value(&mut self, name: &str) -> Option<String> {
        if let Some(f) = Field::parse(name) {
            return Some(self.raw(f).to_string());
        }
        let v = match name {
            // CLI shorthand `Name=…`: a name with `,` or `=` (both legal in
            // IAM names) would otherwise be read as more keys, so such a
            // name is quoted for the shorthand parser.
            "ip_arg" => {
                let n = self.raw(Field::InstanceProfile);
                if n.bytes().all(|b| b.is_ascii_alphanumeric() || b"_+.@-<>".contains(&b)) {
                    format!("Name={n}")
                } else {
                    format!("Name='{n}'")
                }
            }
            "instance_filter" => format!("Name=instance-id,Values={}", self.raw(Field::InstanceId)),
            "sts_url" => match self.slot(Field::Region) {
                // Without a region, the global endpoint still gives AWS's time.
                Slot::Missing => "https://sts.amazonaws.com".to_string(),
                _ => {
                    let r = self.raw(Field::Region);
                    let suffix = validate::partition(r).unwrap_or(validate::AWS).dns_suffix;
                    format!("https://sts.{r}.{suffix}")
                }
            },
            "role_arn" => {
                let partition = match self.slot(Field::Region) {
                    Slot::Given(r) => validate::partition(r).unwrap_or(validate::AWS).id,
                    _ => validate::AWS.id,
                };
                let account = self.raw(Field::Account);
                let role = self.raw(Field::Role);
                format!("arn:{partition}:iam::{account}:role/{role}")
            }
            "proc_cmdline" => format!("/proc/{}/cmdline", self.raw(Field::Pid)),
            "proc_environ" => format!("/proc/{}/environ", self.raw(Field::Pid)),
            _ => return None,
        };
        Some(v)
    }

    /// Renders one `{{…}}` body. `None`: leave the segment out.
    fn placeholder(&mut self, body: &str) -> Option<String> {
        if body == "collector" {
            return Some(crate::collector::script(self.shell));
        }
        let (name, option) = match body.split_once(':') {
            Some((n, o)) => (n, Some(o)),
            None => (body, None),
        };
        let (name, optional) = match name.strip_suffix('?') {
            Some(n) => (n, true),
            None => (name, false),
        };
        // An optional value that is not given leaves its segment out.
        if optional && Field::parse(name).is_some_and(|f| self.inputs.get(f).is_none()) {
            return None;
        }
        let Some(v) = self.value(name) else {
            // Unknown name: kept visible (the table test rejects these).
            return Some(format!("{{{{{body}}}}}"));
        };
        Some(match option {
            None => quote(self.shell, &v),
            // `--opt=-x` is one word the CLI's parser cannot take for an option.
            Some(opt) if v.starts_with('-') => quote(self.shell, &format!("{opt}={v}")),
            Some(opt) => format!("{opt} {}", quote(self.shell, &v)),
        })
    }

    fn render(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 64);
        let mut rest = text;
        while let Some(open) = rest.find("{{") {
            out.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            match self.placeholder(&after[..close]) {
                Some(s) => out.push_str(&s),
                // Left out: drop the space before it too.
                None => {
                    if out.ends_with(' ') {
                        out.pop();
                    }
                }
            }
            rest = &after[close + 2..];
        }
        out.push_str(rest);
        out
    }
}

/// Renders one template for `shell` (the quoting of `aws-cli` lines follows
/// `shell`; bash and PowerShell templates always use their own).
pub fn render(
    tpl: &Template,
    inputs: &Inputs,
    shell: Shell,
    lang: Lang,
) -> (RenderedCommand, Vec<Problem>, Vec<&'static str>) {
    let quoting = match tpl.variant {
        Variant::Bash => Shell::Bash,
        Variant::PowerShell => Shell::PowerShell,
        Variant::AwsCli | Variant::Java => shell,
    };
    let mut fill = Fill { inputs, shell: quoting, problems: Vec::new(), missing: Vec::new() };
    let text = fill.render(tpl.text);
    let cmd =
        RenderedCommand { id: tpl.id, shell: tpl.variant.as_str(), purpose: tpl.purpose.get(lang).to_string(), text };
    let problems = fill.problems.iter().map(|e| problem(e, lang)).collect();
    let missing = fill.missing.iter().map(|f| f.name()).collect();
    (cmd, problems, missing)
}

/// Renders the templates with these ids that fit `shell` and the inputs.
/// Also returns the fields that were needed but not given.
fn render_ids(
    step: &str,
    ids: &[&str],
    inputs: &Inputs,
    shell: Shell,
    lang: Lang,
) -> (StepCommands, Vec<&'static str>) {
    let mut out = StepCommands { step: step.to_string(), ..StepCommands::default() };
    let mut missing_all: Vec<&'static str> = Vec::new();
    for id in ids {
        for tpl in TEMPLATES.iter().filter(|t| t.id == *id && t.variant.fits(shell) && t.cond.holds(inputs)) {
            let (cmd, problems, missing) = render(tpl, inputs, shell, lang);
            out.commands.push(cmd);
            for p in problems {
                if !out.problems.contains(&p) {
                    out.problems.push(p);
                }
            }
            for m in missing {
                if !missing_all.contains(&m) {
                    missing_all.push(m);
                }
            }
        }
    }
    (out, missing_all)
}

/// Renders the commands `step` offers, for `inputs.shell`. A node whose
/// commands all belong to the other shell (chrony on Linux, w32tm on
/// Windows) shows those rather than nothing. An unknown step has none.
pub fn for_step(step: &str, inputs: &Inputs, lang: Lang) -> StepCommands {
    step_with_missing(step, inputs, lang).0
}

/// The fields `step`'s commands need that `inputs` does not give (their
/// placeholders show in the commands), as `Field::name`s. Not problems: the
/// web form can highlight them, the CLI can suggest the flags.
pub fn missing_fields(step: &str, inputs: &Inputs) -> Vec<&'static str> {
    step_with_missing(step, inputs, Lang::En).1
}

fn step_with_missing(step: &str, inputs: &Inputs, lang: Lang) -> (StepCommands, Vec<&'static str>) {
    let Some(node) = crate::tree::node(step) else {
        let empty = StepCommands { step: step.to_string(), ..StepCommands::default() };
        return (empty, Vec::new());
    };
    let out = render_ids(step, node.commands, inputs, inputs.shell, lang);
    if out.0.commands.is_empty() && !node.commands.is_empty() {
        return render_ids(step, node.commands, inputs, inputs.shell.other(), lang);
    }
    out
}

/// Renders the given template ids (in that order) as `for_step` would.
pub fn for_ids(ids: &[&str], inputs: &Inputs, lang: Lang) -> StepCommands {
    render_ids("", ids, inputs, inputs.shell, lang).0
}

/// The distinct template ids, in table order.
pub fn template_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    for t in TEMPLATES {
        if !ids.contains(&t.id) {
            ids.push(t.id);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::NODES;

    fn sample(shell: Shell, imds: Imds) -> Inputs {
        Inputs {
            role: Some("app-role".into()),
            instance_profile: Some("app-profile".into()),
            instance_id: Some("i-0abc1234def567890".into()),
            region: Some("eu-west-1".into()),
            association_id: Some("iip-assoc-0db249b1f25fa24b8".into()),
            profile: Some("dev".into()),
            pid: Some("4242".into()),
            account: Some("123456789012".into()),
            shell,
            imds,
            container: None,
            sdk: Sdk::Unknown,
        }
    }

    const SHELLS: [Shell; 2] = [Shell::Bash, Shell::PowerShell];
    const IMDS: [Imds; 2] = [Imds::V1, Imds::V2];

    #[test]
    fn every_tree_id_is_in_the_table_and_every_template_is_offered() {
        let ids = template_ids();
        for n in NODES {
            for id in n.commands {
                assert!(ids.contains(id), "{}: command id {id} has no template", n.id);
            }
        }
        for id in &ids {
            assert!(NODES.iter().any(|n| n.commands.contains(id)), "template {id} is offered by no node");
        }
    }

    #[test]
    fn every_node_renders_in_both_shells_and_imds_versions() {
        for n in NODES {
            for shell in SHELLS {
                for imds in IMDS {
                    let s = for_step(n.id, &sample(shell, imds), Lang::En);
                    assert_eq!(s.step, n.id);
                    if n.commands.is_empty() {
                        assert!(s.commands.is_empty());
                        continue;
                    }
                    assert!(!s.commands.is_empty(), "{} {shell:?} {imds:?} renders nothing", n.id);
                    assert!(s.problems.is_empty(), "{}: {:?}", n.id, s.problems);
                    assert!(missing_fields(n.id, &sample(shell, imds)).is_empty(), "{}", n.id);
                    for c in &s.commands {
                        if c.id == "collector" {
                            continue;
                        }
                        assert!(!c.text.contains("{{") && !c.text.contains("}}"), "{}: {}", c.id, c.text);
                        assert!(!c.text.trim().is_empty(), "{}", c.id);
                        assert!(!c.text.contains("'<"), "{} has a placeholder with all values given: {}", c.id, c.text);
                        // Each id renders at most one block per shell and IMDS version.
                        assert_eq!(s.commands.iter().filter(|d| d.id == c.id).count(), 1, "{} twice in {}", c.id, n.id);
                    }
                    // Every id the node offers shows up unless it has no variant for this shell.
                    for id in n.commands {
                        let fits = TEMPLATES
                            .iter()
                            .any(|t| t.id == *id && t.variant.fits(shell) && t.cond.holds(&sample(shell, imds)));
                        let fallback = s.commands.iter().all(|c| !Variant::fits(variant_of(c), shell));
                        if fits && !fallback {
                            assert!(
                                s.commands.iter().any(|c| c.id == *id),
                                "{}: {id} missing for {shell:?} {imds:?}",
                                n.id
                            );
                        }
                    }
                }
            }
        }
    }

    fn variant_of(c: &RenderedCommand) -> Variant {
        match c.shell {
            "bash" => Variant::Bash,
            "powershell" => Variant::PowerShell,
            "aws-cli" => Variant::AwsCli,
            _ => Variant::Java,
        }
    }

    #[test]
    fn shells_and_imds_versions_pick_their_variants() {
        let bash = for_step("imds_reach", &sample(Shell::Bash, Imds::V2), Lang::En);
        assert!(bash.commands.iter().all(|c| c.shell == "bash" || c.shell == "aws-cli"));
        let cred = bash.commands.iter().find(|c| c.id == "imds_credentials").unwrap();
        assert!(
            cred.text.contains("X-aws-ec2-metadata-token-ttl-seconds: 21600")
                && cred.text.contains("X-aws-ec2-metadata-token: $TOKEN")
        );
        let v1 = for_step("imds_reach", &sample(Shell::Bash, Imds::V1), Lang::En);
        let cred1 = v1.commands.iter().find(|c| c.id == "imds_credentials").unwrap();
        assert!(!cred1.text.contains("TOKEN") && cred1.text.contains("curl "));
        let ps = for_step("imds_reach", &sample(Shell::PowerShell, Imds::V2), Lang::Es);
        assert!(ps.commands.iter().all(|c| c.shell == "powershell" || c.shell == "aws-cli"));
        assert!(ps
            .commands
            .iter()
            .any(|c| c.text.contains("Invoke-RestMethod") && c.purpose.starts_with("IMDSv2: pide")));
        // aws-cli lines are quoted for the chosen shell.
        let mut i = sample(Shell::PowerShell, Imds::V2);
        i.role = Some("o'brien".into()); // invalid anyway: shows the placeholder
        let s = for_step("role_trust", &i, Lang::En);
        assert!(s.commands.iter().any(|c| c.text.contains("--role-name '<ROLE_NAME>'")));
        // Java snippets show for both shells.
        for shell in SHELLS {
            let s = for_step("app_caches", &sample(shell, Imds::V2), Lang::En);
            assert_eq!(s.commands.iter().map(|c| c.shell).collect::<Vec<_>>(), ["java", "java"]);
        }
    }

    #[test]
    fn os_specific_nodes_fall_back_to_the_other_shell() {
        let s = for_step("clock_linux", &sample(Shell::PowerShell, Imds::V2), Lang::En);
        assert!(!s.commands.is_empty() && s.commands.iter().all(|c| c.shell == "bash"));
        let s = for_step("clock_windows", &sample(Shell::Bash, Imds::V2), Lang::En);
        assert!(!s.commands.is_empty() && s.commands.iter().all(|c| c.shell == "powershell"));
        // A mixed node keeps to the chosen shell.
        let s = for_step("clock_check", &sample(Shell::Bash, Imds::V2), Lang::En);
        assert_eq!(s.commands.iter().map(|c| c.id).collect::<Vec<_>>(), ["clock_vs_aws", "timedatectl_status"]);
        let s = for_step("clock_check", &sample(Shell::PowerShell, Imds::V2), Lang::En);
        assert_eq!(s.commands.iter().map(|c| c.id).collect::<Vec<_>>(), ["clock_vs_aws", "w32tm_status"]);
    }

    #[test]
    fn values_are_filled_and_quoted() {
        let s = for_step("role_attach", &sample(Shell::Bash, Imds::V2), Lang::En);
        let assoc = s.commands.iter().find(|c| c.id == "associate_profile").unwrap();
        assert_eq!(
            assoc.text,
            "aws ec2 associate-iam-instance-profile --instance-id 'i-0abc1234def567890' --iam-instance-profile 'Name=app-profile' --region 'eu-west-1' --profile 'dev'"
        );
        let s = for_step("role_check", &sample(Shell::PowerShell, Imds::V2), Lang::En);
        let d = s.commands.iter().find(|c| c.id == "describe_associations").unwrap();
        assert_eq!(d.text, "aws ec2 describe-iam-instance-profile-associations --filters 'Name=instance-id,Values=i-0abc1234def567890' --region 'eu-west-1' --profile 'dev'");
        // Optional values are left out when missing.
        let mut i = sample(Shell::Bash, Imds::V2);
        i.profile = None;
        i.region = None;
        let s = for_step("verify", &i, Lang::En);
        assert_eq!(s.commands[0].text, "aws sts get-caller-identity");
        assert!(missing_fields("verify", &i).is_empty());
    }

    #[test]
    fn invalid_and_missing_values_show_placeholders() {
        let mut i = sample(Shell::Bash, Imds::V2);
        i.instance_id = Some("i-123; rm -rf /".into());
        i.instance_profile = None;
        let s = for_step("role_attach", &i, Lang::En);
        let text: String = s.commands.iter().map(|c| c.text.as_str()).collect();
        assert!(
            text.contains("--instance-id '<INSTANCE_ID>'") && text.contains("'Name=<INSTANCE_PROFILE_NAME>'"),
            "{text}"
        );
        assert!(!text.contains("rm -rf"));
        assert_eq!(s.problems.len(), 1);
        assert_eq!(s.problems[0].field, "instance_id");
        assert!(s.problems[0].message.starts_with("Instance ID:"));
        assert_eq!(missing_fields("role_attach", &i), ["instance_profile"]);
        // An invalid optional value is not silently dropped.
        i.profile = Some("two words".into());
        let s = for_step("verify", &i, Lang::Es);
        assert!(s.commands[0].text.ends_with("--profile '<CLI_PROFILE>'"), "{}", s.commands[0].text);
        assert_eq!(s.problems[0].field, "profile");
        assert!(s.problems[0].message.starts_with("Perfil de la AWS CLI:"));
        // The whole form at once.
        assert_eq!(i.problems(Lang::En).iter().map(|p| p.field).collect::<Vec<_>>(), ["instance_id", "profile"]);
    }

    #[test]
    fn dash_values_and_shorthand_separators_stay_one_value() {
        let mut i = sample(Shell::Bash, Imds::V2);
        i.role = Some("--debug".into());
        i.instance_profile = Some("p,Arn=x".into());
        let s = for_step("role_trust", &i, Lang::En);
        assert!(s.commands.iter().any(|c| c.text.contains("aws iam get-role '--role-name=--debug' ")));
        let s = for_ids(&["associate_profile"], &i, Lang::En);
        assert!(
            s.commands[0].text.contains(r"--iam-instance-profile 'Name='\''p,Arn=x'\'''"),
            "{}",
            s.commands[0].text
        );
        i.shell = Shell::PowerShell;
        let s = for_ids(&["associate_profile"], &i, Lang::En);
        assert!(s.commands[0].text.contains("--iam-instance-profile 'Name=''p,Arn=x'''"), "{}", s.commands[0].text);
    }

    #[test]
    fn sts_url_and_role_arn_follow_the_partition() {
        let mut i = sample(Shell::Bash, Imds::V2);
        let url = |i: &Inputs| for_ids(&["clock_vs_aws"], i, Lang::En).commands[0].text.clone();
        assert!(url(&i).contains("'https://sts.eu-west-1.amazonaws.com'"));
        i.region = Some("cn-north-1".into());
        assert!(url(&i).contains("'https://sts.cn-north-1.amazonaws.com.cn'"));
        i.region = Some("us-gov-west-1".into());
        assert!(url(&i).contains("'https://sts.us-gov-west-1.amazonaws.com'"));
        i.region = None;
        assert!(url(&i).contains("'https://sts.amazonaws.com'"));
        i.region = Some("cn-north-1".into());
        let s = for_ids(&["assume_role_profile"], &i, Lang::En);
        assert!(
            s.commands[0].text.contains("role_arn 'arn:aws-cn:iam::123456789012:role/app-role' --profile 'dev'"),
            "{}",
            s.commands[0].text
        );
    }

    #[test]
    fn java_props_follows_the_pid() {
        let mut i = sample(Shell::Bash, Imds::V2);
        let s = for_ids(&["java_props"], &i, Lang::En);
        assert!(s.commands[0].text.contains("sudo cat '/proc/4242/cmdline'"));
        i.pid = None;
        let s = for_ids(&["java_props"], &i, Lang::En);
        assert!(s.commands[0].text.contains("pgrep"));
        i.shell = Shell::PowerShell;
        i.pid = Some("4242".into());
        let s = for_ids(&["java_props"], &i, Lang::En);
        assert!(s.commands[0].text.starts_with("$pidWanted = '4242'"));
    }

    #[test]
    fn quoting_functions() {
        assert_eq!(quote_bash("abc"), "'abc'");
        assert_eq!(quote_bash(""), "''");
        assert_eq!(quote_bash("it's"), r"'it'\''s'");
        assert_eq!(quote_bash("$(id) `id` \\ \" ! \n"), "'$(id) `id` \\ \" ! \n'");
        assert_eq!(quote_powershell("it's"), "'it''s'");
        assert_eq!(quote_powershell("$(id) `n \""), "'$(id) `n \"'");
        assert_eq!(quote_powershell("a\u{2019}b\u{2018}c"), "'a\u{2019}\u{2019}b\u{2018}\u{2018}c'");
        // Structure: between the outer quotes, bash has no bare `'`; PowerShell
        // has quote characters only in doubled pairs.
        for s in ["'", "''", "a'b'c", "\u{201A}'\u{201B}", "x\u{2018}'"] {
            let b = quote_bash(s);
            let inner = &b[1..b.len() - 1];
            assert_eq!(inner.replace(r"'\''", ""), s.replace('\'', ""));
            let p = quote_powershell(s);
            let chars: Vec<char> = p.chars().collect();
            let mut k = 1;
            while k < chars.len() - 1 {
                if PS_QUOTES.contains(&chars[k]) {
                    assert_eq!(chars[k], chars[k + 1], "{p}");
                    k += 2;
                } else {
                    k += 1;
                }
            }
        }
    }

    #[test]
    fn the_table_is_well_formed() {
        let known = ["collector", "ip_arg", "instance_filter", "sts_url", "role_arn", "proc_cmdline", "proc_environ"];
        for tpl in TEMPLATES {
            for p in [tpl.purpose.en, tpl.purpose.es] {
                assert!(!p.is_empty() && !p.contains('\n'), "{}", tpl.id);
            }
            assert_ne!(tpl.purpose.en, tpl.purpose.es, "{}", tpl.id);
            let mut rest = tpl.text;
            while let Some(open) = rest.find("{{") {
                let after = &rest[open + 2..];
                let close = after.find("}}").unwrap_or_else(|| panic!("{}: unclosed placeholder", tpl.id));
                let body = &after[..close];
                let name = body.split(':').next().unwrap_or("").trim_end_matches('?');
                assert!(
                    Field::parse(name).is_some() || known.contains(&name),
                    "{}: unknown placeholder {body}",
                    tpl.id
                );
                if let Some(opt) = body.split_once(':').map(|x| x.1) {
                    assert!(
                        opt.starts_with("--") && opt[2..].bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                        "{}: {body}",
                        tpl.id
                    );
                }
                // A value is always a whole word: never glued to a literal
                // (bash `VAR='value'` assignments excepted).
                let before = rest[..open].chars().last();
                let assignment = tpl.variant == Variant::Bash && before == Some('=');
                assert!(
                    assignment || matches!(before, None | Some(' ' | '\n')),
                    "{}: {body} glued to {before:?}",
                    tpl.id
                );
                let next = after[close + 2..].chars().next();
                assert!(matches!(next, None | Some(' ' | '\n' | ';')), "{}: {body} glued to {next:?}", tpl.id);
                rest = &after[close + 2..];
            }
            assert!(!rest.contains("}}"), "{}: stray closing braces", tpl.id);
            match tpl.variant {
                Variant::Java => assert!(!tpl.text.contains("{{"), "{}: snippets take no values", tpl.id),
                // Valid in both shells: only words, single-quoted literals and values.
                Variant::AwsCli => {
                    for line in tpl.text.lines() {
                        assert!(line.starts_with("aws "), "{}: {line}", tpl.id);
                        assert!(
                            !line.contains(['$', '"', '|', ';', '&', '`', '(', ')', '@', ',', '\\', '<', '>', '#']),
                            "{}: {line}",
                            tpl.id
                        );
                    }
                }
                _ => {}
            }
        }
        // (id, variant, cond) triples are unique.
        for (i, a) in TEMPLATES.iter().enumerate() {
            for b in &TEMPLATES[i + 1..] {
                assert!(!(a.id == b.id && a.variant == b.variant && a.cond == b.cond), "duplicate {}", a.id);
            }
        }
    }

    #[test]
    fn any_input_renders_without_panicking() {
        let long = "x".repeat(10_000);
        let nasty = [
            "",
            "'",
            "''\u{2019}",
            "{{role}}",
            "}}{{",
            "\u{0}",
            "é\u{301}",
            "-",
            "--",
            "a\nb",
            long.as_str(),
            "i-0abc1234def567890\n",
        ];
        for v in nasty {
            let i = Inputs {
                role: Some(v.into()),
                instance_profile: Some(v.into()),
                instance_id: Some(v.into()),
                region: Some(v.into()),
                association_id: Some(v.into()),
                profile: Some(v.into()),
                pid: Some(v.into()),
                account: Some(v.into()),
                shell: Shell::Bash,
                imds: Imds::V1,
                container: Some("ecs"),
                sdk: Sdk::Unknown,
            };
            for n in NODES {
                for shell in SHELLS {
                    let s = for_step(n.id, &Inputs { shell, ..i.clone() }, Lang::En);
                    if v.len() > 2 {
                        for c in &s.commands {
                            assert!(!c.text.contains(v), "{}: {v:?} inserted", c.id);
                        }
                    }
                }
            }
        }
        assert!(for_step("no-such-step", &Inputs::default(), Lang::En).commands.is_empty());
    }

    #[test]
    fn from_context_prefills() {
        let ctx = Context {
            role: Some("r".into()),
            instance_id: Some("i-1234abcd".into()),
            account: Some("123456789012".into()),
            imds_v2: Some(false),
            shell: Some(Shell::PowerShell),
            ..Context::default()
        };
        let i = Inputs::from_context(&ctx);
        assert_eq!(
            (i.role.as_deref(), i.instance_id.as_deref(), i.account.as_deref()),
            (Some("r"), Some("i-1234abcd"), Some("123456789012"))
        );
        assert_eq!((i.imds, i.shell), (Imds::V1, Shell::PowerShell));
    }
}

#[cfg(test)]
mod context_tests {
    use super::*;

    fn ids(step: &str, inputs: &Inputs) -> Vec<&'static str> {
        for_step(step, inputs, Lang::En).commands.iter().map(|c| c.id).collect()
    }

    #[test]
    fn containers_add_their_own_checks() {
        let none = Inputs::default();
        assert!(!ids("expired_source", &none).contains(&"container_credentials"));
        for c in CONTAINERS {
            let i = Inputs { container: Some(c), ..Inputs::default() };
            let s = for_step("imds_reach", &i, Lang::Es);
            let block = s.commands.iter().find(|b| b.id == "container_credentials").unwrap();
            assert!(!block.purpose.is_empty() && !block.text.is_empty(), "{c}");
        }
        let ecs = for_step("expired_source", &Inputs { container: container("ECS"), ..Inputs::default() }, Lang::En);
        assert!(ecs.commands.iter().any(|b| b.text.contains("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")));
        assert_eq!(container("podman"), None);
    }

    #[test]
    fn a_known_sdk_shows_only_its_own_code() {
        let java1 = Inputs { sdk: Sdk::JavaV1, ..Inputs::default() };
        assert_eq!(ids("app_caches", &java1), vec!["java_v1_refresh"]);
        let java2 = Inputs { sdk: Sdk::JavaV2, ..Inputs::default() };
        assert_eq!(ids("app_caches", &java2), vec!["java_v2_refresh"]);
        let unknown = Inputs::default();
        assert_eq!(ids("app_caches", &unknown), vec!["java_v1_refresh", "java_v2_refresh"]);
        let python = Inputs { sdk: Sdk::Python, ..Inputs::default() };
        assert!(ids("app_refresh", &python).contains(&"assume_role_profile"));
        assert!(!ids("app_refresh", &python).iter().any(|i| i.starts_with("java")));
    }
}
