//! Fuzz target: value validators, shell quoting and command rendering. Any
//! value in any field must render every step without panicking, and a quoted
//! value must stay one literal word in its shell.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tokendoctor_engine::commands::{for_step, quote_bash, quote_powershell, Imds, Inputs, Shell};
use tokendoctor_engine::validate::{check, Field};
use tokendoctor_engine::{tree, Lang};

fuzz_target!(|data: &[u8]| {
    let value = String::from_utf8_lossy(data).into_owned();
    let q = quote_bash(&value);
    assert!(q.starts_with('\'') && q.ends_with('\''));
    let q = quote_powershell(&value);
    assert!(q.starts_with('\'') && q.ends_with('\''));
    let field = Field::ALL[data.first().copied().unwrap_or(0) as usize % Field::ALL.len()];
    let _ = check(field, &value);
    let mut inputs = Inputs::default();
    inputs.set(field, Some(value));
    for shell in [Shell::Bash, Shell::PowerShell] {
        inputs.shell = shell;
        inputs.imds = if data.len() % 2 == 0 { Imds::V1 } else { Imds::V2 };
        for node in tree::NODES {
            let _ = for_step(node.id, &inputs, Lang::Es);
        }
    }
});
