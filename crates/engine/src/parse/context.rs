//! What the paste reveals about the environment: the command that was run,
//! role, instance, region, shell, container, the variables that are set.
//! These fill the fix commands and pick branches of the decision tree.

use super::util::*;
use super::Blk;
use crate::commands::Shell;
use crate::model::Context;

/// A command line seen in the paste (`$ aws eks list-clusters --region x`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CliCommand {
    pub tool: &'static str,
    pub service: Option<String>,
    pub operation: Option<String>,
    pub region: Option<String>,
    pub profile: Option<String>,
}

/// Strips a shell prompt (`$ `, `# `, `> `, `PS C:\> `, `user@host:~$ `).
pub fn strip_prompt(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix("PS ") {
        return rest.find("> ").map(|i| &rest[i + 2..]);
    }
    for p in ["$ ", "# ", "> ", "% ", "❯ ", "➜ "] {
        if let Some(rest) = t.strip_prefix(p) {
            return Some(rest);
        }
    }
    // `user@host:~/dir$ cmd`
    if let Some(i) = t.find("$ ") {
        let head = &t[..i];
        if head.contains('@') && !head.contains(' ') {
            return Some(&t[i + 2..]);
        }
    }
    None
}

/// AWS CLI global options that take no value.
const FLAG_ONLY: &[&str] = &[
    "--debug",
    "--no-verify-ssl",
    "--no-paginate",
    "--no-cli-pager",
    "--no-sign-request",
    "--no-cli-auto-prompt",
    "--cli-auto-prompt",
];

/// The first `aws …` or `terraform …` command line in `text`.
pub fn cli_command(text: &str) -> Option<CliCommand> {
    if !text.contains("aws") && !text.contains("terraform") {
        return None;
    }
    for (_, line) in lines(text) {
        let cmd = match strip_prompt(line) {
            Some(c) => c,
            None => {
                let t = line.trim_start();
                if t.starts_with("aws ") {
                    t
                } else {
                    continue;
                }
            }
        };
        let toks: Vec<&str> = cmd.split_whitespace().collect();
        // `aws …`, or a wrapper such as `aws-vault exec p -- aws …`, `sudo aws …`.
        let start = toks.iter().position(|t| *t == "aws" || *t == "aws.exe" || *t == "terraform");
        let Some(start) = start else { continue };
        if start > 0 && !matches!(toks[start - 1], "--" | "sudo" | "exec" | "time" | "env") {
            continue;
        }
        let tool = if toks[start] == "terraform" { "terraform" } else { "aws" };
        let mut c = CliCommand { tool, ..CliCommand::default() };
        let mut positional: Vec<&str> = Vec::new();
        let mut i = start + 1;
        while i < toks.len() {
            let t = toks[i];
            if let Some(opt) = t.strip_prefix("--") {
                let (name, inline) = match opt.split_once('=') {
                    Some((n, v)) => (n, Some(v)),
                    None => (opt, None),
                };
                let takes_value = !FLAG_ONLY.contains(&t);
                let value = if inline.is_some() {
                    inline
                } else if takes_value && i + 1 < toks.len() {
                    i += 1;
                    Some(toks[i])
                } else {
                    None
                };
                match (name, value) {
                    ("region", Some(v)) if is_region(clean_value(v)) => c.region = Some(clean_value(v).to_string()),
                    ("profile", Some(v)) => c.profile = Some(clean_value(v).to_string()),
                    _ => {}
                }
            } else if positional.len() < 2 {
                positional.push(t);
            }
            i += 1;
        }
        if tool == "aws" {
            let ok =
                |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            if let Some(s) = positional.first().filter(|s| ok(s)) {
                c.service = Some(s.to_string());
            }
            if let Some(o) = positional.get(1).filter(|s| ok(s)) {
                c.operation = Some(o.to_string());
            }
        }
        return Some(c);
    }
    None
}

/// ARN parts: (partition, service, region, account, resource).
pub fn parse_arn(s: &str) -> Option<(&str, &str, &str, &str, &str)> {
    let rest = s.strip_prefix("arn:")?;
    let mut it = rest.splitn(5, ':');
    let partition = it.next()?;
    let service = it.next()?;
    let region = it.next()?;
    let account = it.next()?;
    let resource = it.next()?;
    if !matches!(partition, "aws" | "aws-cn" | "aws-us-gov" | "aws-iso" | "aws-iso-b") {
        return None;
    }
    Some((partition, service, region, account, resource))
}

fn arn_token(s: &str) -> &str {
    let n = s.bytes().take_while(|b| b.is_ascii_alphanumeric() || b"-_:/+=,.@*".contains(b)).count();
    s[..n].trim_end_matches(['.', ','])
}

/// Whether `s` is an EC2 instance ID (`i-` then 8 or 17 hex digits).
pub fn is_instance_id(s: &str) -> bool {
    s.strip_prefix("i-").is_some_and(|h| {
        (h.len() == 8 || h.len() == 17) && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// A role name by IAM's rule (`validate`), and not a redaction (`XXXX`).
pub(crate) fn role_name_ok(s: &str) -> bool {
    crate::validate::check(crate::validate::Field::Role, s).is_ok() && !s.bytes().all(|b| b == b'X' || b == b'x')
}

/// Reads the environment clues of a block into `ctx`.
pub(crate) fn scan(blk: &Blk, ctx: &mut Context) {
    let text = &blk.b.text;
    let lower = &blk.lower;
    // Role from the IMDS credentials URL.
    for at in find_all(lower, "/iam/security-credentials/") {
        let role = arn_token(&text[at + 26..]);
        let role = role.split(['/', '"', '\'']).next().unwrap_or("");
        if role_name_ok(role) && ctx.role.is_none() {
            ctx.role = Some(role.to_string());
        }
    }
    // ARNs: role, instance profile, account, partition, region.
    for at in find_all(lower, "arn:aws") {
        let Some((partition, service, region, account, resource)) = parse_arn(arn_token(&text[at..])) else {
            continue;
        };
        ctx.partition.get_or_insert_with(|| partition.to_string());
        if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) {
            ctx.account.get_or_insert_with(|| account.to_string());
        }
        if is_region(region) {
            ctx.region.get_or_insert_with(|| region.to_string());
        }
        let mut parts = resource.split('/');
        match (service, parts.next()) {
            ("iam", Some("instance-profile")) => {
                if let Some(n) = parts.next_back().filter(|n| role_name_ok(n)) {
                    ctx.instance_profile.get_or_insert_with(|| n.to_string());
                }
            }
            ("sts", Some("assumed-role")) => {
                let role = parts.next();
                let session = parts.next();
                if let (Some(r), Some(s)) = (role, session) {
                    // Instance-role sessions are named after the instance.
                    if is_instance_id(s) {
                        ctx.instance_id.get_or_insert_with(|| s.to_string());
                        if role_name_ok(r) {
                            ctx.role.get_or_insert_with(|| r.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    // Instance IDs.
    for at in memchr::memmem::find_iter(text.as_bytes(), b"i-") {
        if !starts_word(text, at) {
            continue;
        }
        let tok = token(&text[at..], b"-");
        if is_instance_id(tok) {
            ctx.instance_id.get_or_insert_with(|| tok.to_string());
            break;
        }
    }
    // Region: explicit settings first, then endpoints.
    for key in [
        "aws_region=",
        "aws_default_region=",
        "region = ",
        "region=",
        "\"region\":",
        "'region':",
        "region: ",
        "--region ",
    ] {
        for at in find_all(lower, key) {
            let v = clean_value(skip_ws(&text[at + key.len()..]));
            let v = token(v, b"-");
            if is_region(v) {
                ctx.region.get_or_insert_with(|| v.to_string());
            }
        }
    }
    for at in find_all(lower, "availability-zone") {
        if let Some((_, r)) = find_region(window(text, at, 120)) {
            ctx.region.get_or_insert_with(|| r.to_string());
        }
    }
    for at in find_all(lower, ".amazonaws.com") {
        let host = window(text, at.saturating_sub(120), at - at.saturating_sub(120));
        let start = host
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        if let Some((_, r)) = find_region(&host[start..]) {
            ctx.region.get_or_insert_with(|| r.to_string());
        }
    }
    // Shell.
    if lower.contains("ps c:\\>")
        || lower.contains("invoke-restmethod")
        || lower.contains("$env:")
        || lower.contains("get-date")
    {
        ctx.shell.get_or_insert(Shell::PowerShell);
    } else if text.lines().any(|l| l.trim_start().starts_with("$ ") || l.trim_start().starts_with("export ")) {
        ctx.shell.get_or_insert(Shell::Bash);
    }
    // Container hints.
    if lower.contains("aws_container_credentials_relative_uri")
        || lower.contains("169.254.170.2")
        || lower.contains("ecs agent")
    {
        ctx.container.get_or_insert("ecs");
    } else if lower.contains("kubernetes") || lower.contains("eks.amazonaws.com/role-arn") || lower.contains("kube2iam")
    {
        ctx.container.get_or_insert("eks");
    } else if lower.contains("docker") || lower.contains("containerd") {
        ctx.container.get_or_insert("docker");
    }
    if lower.contains("x-aws-ec2-metadata-token") || lower.contains("/latest/api/token") {
        ctx.imds_v2.get_or_insert(true);
    }
    // Variables that are set (names only), Java system properties, proxies.
    for (_, line) in lines(text) {
        let l = line.trim_start();
        let l = l
            .strip_prefix("export ")
            .or_else(|| l.strip_prefix("set -gx "))
            .or_else(|| l.strip_prefix("set "))
            .or_else(|| l.strip_prefix("$Env:"))
            .or_else(|| l.strip_prefix("$env:"))
            .or_else(|| l.strip_prefix("declare -x "))
            .unwrap_or(l);
        let name = token(l, &[]);
        let after = &l[name.len()..];
        let assigned = after.starts_with('=')
            || after.starts_with(" =")
            || after.starts_with(' ') && after.trim_start().starts_with('"');
        if !assigned {
            continue;
        }
        let upper = name.to_ascii_uppercase();
        if upper.starts_with("AWS_") && name.len() > 4 && !ctx.env_vars.iter().any(|v| v == name) {
            ctx.env_vars.push(name.to_string());
        }
        let value = clean_value(after.trim_start().trim_start_matches('=').trim());
        match upper.as_str() {
            "HTTP_PROXY" | "HTTPS_PROXY" if !value.is_empty() => {
                ctx.proxy.get_or_insert_with(|| super::super::redact::redact_url(value));
            }
            "NO_PROXY" => {
                ctx.no_proxy.get_or_insert_with(|| value.to_string());
            }
            _ => {}
        }
    }
    for at in find_all(lower, "-daws.") {
        let name = token(&text[at + 2..], b".");
        if name.len() > 4 && !ctx.java_props.iter().any(|p| p == name) {
            ctx.java_props.push(name.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_commands() {
        let c = cli_command("$ aws eks list-clusters\nAn error occurred").unwrap();
        assert_eq!(c.service.as_deref(), Some("eks"));
        assert_eq!(c.operation.as_deref(), Some("list-clusters"));
        let c = cli_command("$ aws-vault exec production -- aws ec2 describe-instances --region ap-east-1").unwrap();
        assert_eq!(c.service.as_deref(), Some("ec2"));
        assert_eq!(c.region.as_deref(), Some("ap-east-1"));
        let c = cli_command("PS C:\\> aws --profile dev --region us-east-1 sts get-caller-identity").unwrap();
        assert_eq!(c.service.as_deref(), Some("sts"));
        assert_eq!(c.profile.as_deref(), Some("dev"));
        assert!(cli_command("the aws sdk failed").is_none());
    }

    #[test]
    fn arns_and_ids() {
        assert_eq!(
            parse_arn("arn:aws:sts::123456789012:assumed-role/web/i-0abc1234def567890"),
            Some(("aws", "sts", "", "123456789012", "assumed-role/web/i-0abc1234def567890"))
        );
        assert!(is_instance_id("i-0abc1234def567890"));
        assert!(is_instance_id("i-1234abcd"));
        assert!(!is_instance_id("i-xyz"));
    }
}
