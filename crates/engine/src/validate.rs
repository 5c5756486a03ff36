//! Validators for the values that fill fix commands (role, instance ID,
//! region…), following AWS's own format rules, and the region → partition map.
//!
//! Every function accepts any string and never panics. A rejection names the
//! field and the rule in both languages; `commands` then shows a visible
//! placeholder instead of the value. Validation is the first line of defence;
//! the per-shell quoting in `commands` is the second, so a value that passes
//! here still cannot change what a command does.

use crate::i18n::{Lang, Text};

/// A value the user can give to the fix commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Role,
    InstanceProfile,
    InstanceId,
    Region,
    AssociationId,
    Profile,
    Pid,
    Account,
}

impl Field {
    pub const ALL: [Field; 8] = [
        Field::Role,
        Field::InstanceProfile,
        Field::InstanceId,
        Field::Region,
        Field::AssociationId,
        Field::Profile,
        Field::Pid,
        Field::Account,
    ];

    /// Stable name (`Problem::field`, JSON, the web form).
    pub fn name(self) -> &'static str {
        match self {
            Field::Role => "role",
            Field::InstanceProfile => "instance_profile",
            Field::InstanceId => "instance_id",
            Field::Region => "region",
            Field::AssociationId => "association_id",
            Field::Profile => "profile",
            Field::Pid => "pid",
            Field::Account => "account",
        }
    }

    /// The CLI flag that sets it.
    pub fn flag(self) -> &'static str {
        match self {
            Field::Role => "role",
            Field::InstanceProfile => "instance-profile",
            Field::InstanceId => "instance-id",
            Field::Region => "region",
            Field::AssociationId => "association-id",
            Field::Profile => "profile",
            Field::Pid => "pid",
            Field::Account => "account",
        }
    }

    /// What a command shows in place of a missing or rejected value.
    pub fn placeholder(self) -> &'static str {
        match self {
            Field::Role => "<ROLE_NAME>",
            Field::InstanceProfile => "<INSTANCE_PROFILE_NAME>",
            Field::InstanceId => "<INSTANCE_ID>",
            Field::Region => "<REGION>",
            Field::AssociationId => "<ASSOCIATION_ID>",
            Field::Profile => "<CLI_PROFILE>",
            Field::Pid => "<PID>",
            Field::Account => "<ACCOUNT_ID>",
        }
    }

    /// Human label, for messages.
    pub fn label(self) -> Text {
        match self {
            Field::Role => Text::new("Role name", "Nombre del rol"),
            Field::InstanceProfile => Text::new("Instance profile name", "Nombre del perfil de instancia"),
            Field::InstanceId => Text::new("Instance ID", "ID de instancia"),
            Field::Region => Text::new("Region", "Región"),
            Field::AssociationId => Text::new("Association ID", "ID de asociación"),
            Field::Profile => Text::new("AWS CLI profile", "Perfil de la AWS CLI"),
            Field::Pid => Text::new("Process ID", "ID de proceso"),
            Field::Account => Text::new("Account ID", "ID de cuenta"),
        }
    }

    /// The format rule, as shown to the user.
    pub fn rule(self) -> Text {
        match self {
            Field::Role => Text::new(
                "1–64 characters: letters, digits and + = , . @ _ -",
                "de 1 a 64 caracteres: letras, dígitos y + = , . @ _ -",
            ),
            Field::InstanceProfile => Text::new(
                "1–128 characters: letters, digits and + = , . @ _ -",
                "de 1 a 128 caracteres: letras, dígitos y + = , . @ _ -",
            ),
            Field::InstanceId => Text::new(
                "“i-” followed by 8 or 17 lower-case hexadecimal digits, such as i-0abc1234def567890",
                "«i-» seguido de 8 o 17 dígitos hexadecimales en minúscula, como i-0abc1234def567890",
            ),
            Field::Region => Text::new(
                "a region code such as us-east-1, eu-west-2, cn-north-1 or us-gov-west-1 (partitions aws, aws-cn, aws-us-gov, aws-iso*)",
                "un código de región como us-east-1, eu-west-2, cn-north-1 o us-gov-west-1 (particiones aws, aws-cn, aws-us-gov, aws-iso*)",
            ),
            Field::AssociationId => Text::new(
                "“iip-assoc-” followed by 17 lower-case hexadecimal digits",
                "«iip-assoc-» seguido de 17 dígitos hexadecimales en minúscula",
            ),
            Field::Profile => Text::new(
                "1–64 characters: letters, digits and _ - . @ + = : , / (no spaces, [ ] or quotes), not starting with “-”",
                "de 1 a 64 caracteres: letras, dígitos y _ - . @ + = : , / (sin espacios, [ ] ni comillas), sin empezar por «-»",
            ),
            Field::Pid => Text::new("a number from 1 to 4194304", "un número de 1 a 4194304"),
            Field::Account => Text::new("12 digits", "12 dígitos"),
        }
    }

    /// From a stable name (`role`, `instance_profile`…) or a CLI flag name.
    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == s || f.flag() == s)
    }
}

/// Why a value was rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    Empty,
    TooLong,
    BadCharacter,
    BadFormat,
    UnknownRegion,
    OutOfRange,
}

impl Fault {
    fn text(self) -> Text {
        match self {
            Fault::Empty => Text::new("is empty", "está vacío"),
            Fault::TooLong => Text::new("is too long", "es demasiado largo"),
            Fault::BadCharacter => {
                Text::new("contains a character that is not allowed", "contiene un carácter no permitido")
            }
            Fault::BadFormat => Text::new("does not have the expected format", "no tiene el formato esperado"),
            Fault::UnknownRegion => Text::new("is not a known region", "no es una región conocida"),
            Fault::OutOfRange => Text::new("is out of range", "está fuera de rango"),
        }
    }
}

/// A rejected value: which field, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub field: Field,
    pub fault: Fault,
}

impl Invalid {
    /// `Role name: contains a character that is not allowed. Rule: 1–64 characters: …`
    /// (the value itself is never echoed: it may hold anything).
    pub fn message(&self, lang: Lang) -> String {
        let rule = match lang {
            Lang::En => "Rule",
            Lang::Es => "Regla",
        };
        format!(
            "{}: {}. {rule}: {}.",
            self.field.label().get(lang),
            self.fault.text().get(lang),
            self.field.rule().get(lang)
        )
    }
}

/// Checks `value` for `field`.
pub fn check(field: Field, value: &str) -> Result<(), Invalid> {
    let r = match field {
        Field::Role => iam_name(value, 64),
        Field::InstanceProfile => iam_name(value, 128),
        Field::InstanceId => instance_id(value),
        Field::Region => partition(value).map(|_| ()).ok_or_else(|| region_fault(value)),
        Field::AssociationId => association_id(value),
        Field::Profile => cli_profile(value),
        Field::Pid => pid(value),
        Field::Account => account(value),
    };
    r.map_err(|fault| Invalid { field, fault })
}

/// IAM names: `[\w+=,.@-]+` (ASCII word characters), 1..=max characters.
fn iam_name(v: &str, max: usize) -> Result<(), Fault> {
    if v.is_empty() {
        return Err(Fault::Empty);
    }
    if !v.bytes().all(|b| b.is_ascii_alphanumeric() || b"_+=,.@-".contains(&b)) {
        return Err(Fault::BadCharacter);
    }
    if v.len() > max {
        return Err(Fault::TooLong);
    }
    Ok(())
}

fn lower_hex(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn instance_id(v: &str) -> Result<(), Fault> {
    if v.is_empty() {
        return Err(Fault::Empty);
    }
    match v.strip_prefix("i-") {
        Some(h) if (h.len() == 8 || h.len() == 17) && lower_hex(h) => Ok(()),
        _ if v.len() > 19 => Err(Fault::TooLong),
        _ => Err(Fault::BadFormat),
    }
}

fn association_id(v: &str) -> Result<(), Fault> {
    if v.is_empty() {
        return Err(Fault::Empty);
    }
    match v.strip_prefix("iip-assoc-") {
        Some(h) if h.len() == 17 && lower_hex(h) => Ok(()),
        _ if v.len() > 27 => Err(Fault::TooLong),
        _ => Err(Fault::BadFormat),
    }
}

/// CLI profile names are local labels with no AWS rule. This allows the
/// characters profile names use in practice (`dev`, `sso-admin@prod`,
/// `team/app`) and nothing that `[profile NAME]` headers, the INI parser or a
/// shell treat specially (spaces, brackets, quotes, `#`, `;`, `$`…); `-` first
/// would read as an option.
fn cli_profile(v: &str) -> Result<(), Fault> {
    if v.is_empty() {
        return Err(Fault::Empty);
    }
    if !v.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.@+=:,/".contains(&b)) {
        return Err(Fault::BadCharacter);
    }
    if v.starts_with('-') {
        return Err(Fault::BadFormat);
    }
    if v.len() > 64 {
        return Err(Fault::TooLong);
    }
    Ok(())
}

/// Linux pid_max is at most 2^22 = 4194304.
fn pid(v: &str) -> Result<(), Fault> {
    if v.is_empty() {
        return Err(Fault::Empty);
    }
    if !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Fault::BadCharacter);
    }
    if v.len() > 7 {
        return Err(Fault::OutOfRange);
    }
    match v.parse::<u32>() {
        Ok(n) if (1..=4_194_304).contains(&n) && !v.starts_with('0') => Ok(()),
        _ => Err(Fault::OutOfRange),
    }
}

fn account(v: &str) -> Result<(), Fault> {
    if v.is_empty() {
        return Err(Fault::Empty);
    }
    if !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Fault::BadCharacter);
    }
    if v.len() != 12 {
        return Err(Fault::BadFormat);
    }
    Ok(())
}

/// An AWS partition: its id and the DNS suffix of its endpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Partition {
    pub id: &'static str,
    pub dns_suffix: &'static str,
}

pub const AWS: Partition = Partition { id: "aws", dns_suffix: "amazonaws.com" };

/// Region prefixes, longest first so `us-gov-` wins over `us-`.
const PREFIXES: &[(&str, Partition)] = &[
    ("us-isob-", Partition { id: "aws-iso-b", dns_suffix: "sc2s.sgov.gov" }),
    ("us-isof-", Partition { id: "aws-iso-f", dns_suffix: "csp.hci.ic.gov" }),
    ("eu-isoe-", Partition { id: "aws-iso-e", dns_suffix: "cloud.adc-e.uk" }),
    ("us-iso-", Partition { id: "aws-iso", dns_suffix: "c2s.ic.gov" }),
    (
        // GovCloud endpoints live under amazonaws.com.
        "us-gov-",
        Partition { id: "aws-us-gov", dns_suffix: "amazonaws.com" },
    ),
    ("cn-", Partition { id: "aws-cn", dns_suffix: "amazonaws.com.cn" }),
    ("us-", AWS),
    ("eu-", AWS),
    ("ap-", AWS),
    ("sa-", AWS),
    ("ca-", AWS),
    ("me-", AWS),
    ("af-", AWS),
    ("il-", AWS),
    ("mx-", AWS),
];

const DIRECTIONS: &[&str] =
    &["north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest"];

/// The partition of a region code, or `None` when it is not a region.
/// Shape: `<prefix><direction>-<1..99>`, e.g. `ap-southeast-2`, `us-gov-west-1`.
pub fn partition(region: &str) -> Option<Partition> {
    if region.len() > 32 {
        return None;
    }
    let (prefix, p) = PREFIXES.iter().find(|(prefix, _)| region.starts_with(prefix))?;
    let rest = &region[prefix.len()..];
    let (dir, num) = rest.split_once('-')?;
    let num_ok = (1..=2).contains(&num.len()) && num.bytes().all(|b| b.is_ascii_digit()) && !num.starts_with('0');
    (DIRECTIONS.contains(&dir) && num_ok).then_some(*p)
}

fn region_fault(v: &str) -> Fault {
    if v.is_empty() {
        Fault::Empty
    } else if v.len() > 32 {
        Fault::TooLong
    } else if !v.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
        Fault::BadCharacter
    } else {
        Fault::UnknownRegion
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(f: Field, v: &str) -> bool {
        check(f, v).is_ok()
    }

    #[test]
    fn iam_names() {
        for v in ["MyRole", "a", "role+=,.@_-x", "--debug", &"r".repeat(64)] {
            assert!(ok(Field::Role, v), "{v}");
        }
        for v in ["", "my role", "a;b", "a'b", "rôle", "a/b", "a\nb", "$(x)", &"r".repeat(65)] {
            assert!(!ok(Field::Role, v), "{v:?}");
        }
        assert!(ok(Field::InstanceProfile, &"p".repeat(128)));
        assert!(!ok(Field::InstanceProfile, &"p".repeat(129)));
        assert_eq!(check(Field::Role, &"r".repeat(65)).unwrap_err().fault, Fault::TooLong);
    }

    #[test]
    fn instance_and_association_ids() {
        assert!(ok(Field::InstanceId, "i-1234abcd"));
        assert!(ok(Field::InstanceId, "i-0abc1234def567890"));
        for v in [
            "i-0ABC1234DEF567890",
            "i-123",
            "i-0abc1234def56789",
            "x-1234abcd",
            "i-1234abcg",
            "i-1234abcd ",
            "ｉ-1234abcd",
        ] {
            assert!(!ok(Field::InstanceId, v), "{v:?}");
        }
        assert!(ok(Field::AssociationId, "iip-assoc-0db249b1f25fa24b8"));
        assert!(!ok(Field::AssociationId, "iip-assoc-0db249b1f25fa24b"));
        assert!(!ok(Field::AssociationId, "iip-assoc-0db249b1f25fa24bz"));
    }

    #[test]
    fn regions_and_partitions() {
        assert_eq!(partition("us-east-1").map(|p| p.id), Some("aws"));
        assert_eq!(partition("ap-southeast-2").map(|p| p.id), Some("aws"));
        assert_eq!(partition("mx-central-1").map(|p| p.id), Some("aws"));
        assert_eq!(partition("cn-northwest-1").map(|p| (p.id, p.dns_suffix)), Some(("aws-cn", "amazonaws.com.cn")));
        assert_eq!(partition("us-gov-west-1").map(|p| (p.id, p.dns_suffix)), Some(("aws-us-gov", "amazonaws.com")));
        assert_eq!(partition("us-iso-east-1").map(|p| p.id), Some("aws-iso"));
        assert_eq!(partition("us-isob-east-1").map(|p| p.id), Some("aws-iso-b"));
        for v in [
            "",
            "us-east",
            "us-east-0",
            "us-east-100",
            "US-EAST-1",
            "xx-east-1",
            "us-up-1",
            "us-east-1;",
            "us-gov-1",
            "global",
        ] {
            assert!(partition(v).is_none(), "{v:?}");
        }
        assert_eq!(check(Field::Region, "xx-east-1").unwrap_err().fault, Fault::UnknownRegion);
    }

    #[test]
    fn profiles_pids_accounts() {
        for v in ["default", "dev", "prod.eu", "team/app", "a@b"] {
            assert!(ok(Field::Profile, v), "{v}");
        }
        for v in ["", "my profile", "[dev]", "-x", "a\tb", "a'b", "dév", &"p".repeat(65)] {
            assert!(!ok(Field::Profile, v), "{v:?}");
        }
        for v in ["1", "4194304", "31337"] {
            assert!(ok(Field::Pid, v), "{v}");
        }
        for v in ["0", "4194305", "-1", "12a", "", "0123", "99999999999999999999"] {
            assert!(!ok(Field::Pid, v), "{v:?}");
        }
        assert!(ok(Field::Account, "123456789012"));
        assert!(!ok(Field::Account, "12345678901"));
    }

    #[test]
    fn messages_name_field_and_rule() {
        let e = check(Field::InstanceId, "nope").unwrap_err();
        let en = e.message(Lang::En);
        assert!(en.starts_with("Instance ID:") && en.contains("i-0abc1234def567890"), "{en}");
        let es = e.message(Lang::Es);
        assert!(es.starts_with("ID de instancia:") && es.contains("Regla"), "{es}");
        for f in Field::ALL {
            assert_eq!(Field::parse(f.name()), Some(f));
            assert_eq!(Field::parse(f.flag()), Some(f));
            assert!(f.placeholder().starts_with('<') && f.placeholder().ends_with('>'));
        }
    }
}
