//! `.github/workflows/pages.yml` (issue 7) cannot run here (no GitHub), so
//! this reads it with a YAML parser (PyYAML, from the tools venv) and checks
//! what a deploy depends on: the triggers, the permissions Pages needs, the
//! project's own bootstrap and build, the artifact path, the deploy job, the
//! cache key; and shellcheck passes on its `run:` scripts.
//!
//! Tools: the venv's python (tests/tools/setup.sh) and shellcheck. A missing
//! tool fails the test under `TOKENDOCTOR_REQUIRE_TOOLS=1` and otherwise says
//! SKIPPED.

mod support;

use serde_json::{json, Value};
use std::process::{Command, Stdio};

use support::{repo_root, require, tool, Scratch};

/// The workflow as JSON (PyYAML reads the `on:` key as `true`: renamed back).
fn workflow() -> Value {
    const TO_JSON: &str = r#"
import json, sys, yaml
d = yaml.safe_load(open(sys.argv[1]))
if True in d: d["on"] = d.pop(True)
print(json.dumps(d))
"#;
    let path = repo_root().join(".github/workflows/pages.yml");
    let o =
        Command::new(tool("python").unwrap()).arg("-c").arg(TO_JSON).arg(&path).stdin(Stdio::null()).output().unwrap();
    assert!(o.status.success(), "pages.yml does not parse: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn step_using<'a>(steps: &'a [Value], action: &str) -> &'a Value {
    steps
        .iter()
        .find(|s| s["uses"].as_str().is_some_and(|u| u.split('@').next() == Some(action)))
        .unwrap_or_else(|| panic!("no step uses {action}"))
}

#[test]
fn pages_workflow_builds_with_the_bootstrap_and_deploys_dist() {
    if !require("pages_workflow_builds_with_the_bootstrap_and_deploys_dist", &["python", "shellcheck"]) {
        return;
    }
    let w = workflow();
    assert_eq!(w["on"]["push"]["branches"], json!(["main"]));
    assert!(w["on"].as_object().unwrap().contains_key("workflow_dispatch"));
    assert_eq!(w["permissions"], json!({"contents": "read", "pages": "write", "id-token": "write"}));

    let build = w["jobs"]["build"]["steps"].as_array().expect("jobs.build.steps");
    let runs: Vec<&str> = build.iter().filter_map(|s| s["run"].as_str()).collect();
    let boot = runs.iter().position(|r| r.contains("scripts/bootstrap.sh run")).expect("runs the bootstrap");
    let make = runs.iter().position(|r| r.contains("scripts/build.sh --site-path")).expect("runs scripts/build.sh");
    assert!(boot < make, "bootstrap before build");
    for script in ["scripts/bootstrap.sh", "scripts/build.sh"] {
        assert!(repo_root().join(script).is_file(), "{script} exists");
    }
    assert_eq!(step_using(build, "actions/checkout")["uses"], "actions/checkout@v4");
    let upload = step_using(build, "actions/upload-pages-artifact");
    assert_eq!(upload["uses"], "actions/upload-pages-artifact@v3");
    assert_eq!(upload["with"]["path"], "dist");
    let pages = step_using(build, "actions/configure-pages");
    assert_eq!(pages["id"], "pages");
    let site = build.iter().find(|s| s["env"]["SITE_PATH"].is_string()).expect("SITE_PATH for the build");
    assert_eq!(site["env"]["SITE_PATH"], "${{ steps.pages.outputs.base_path }}");
    let cache = step_using(build, "actions/cache");
    assert!(cache["with"]["key"].as_str().unwrap().contains("hashFiles('Cargo.lock')"));
    for p in ["~/.cargo/bin", "~/.cargo/registry/cache", "target"] {
        assert!(cache["with"]["path"].as_str().unwrap().lines().any(|l| l.trim() == p), "caches {p}");
    }

    let deploy = &w["jobs"]["deploy"];
    assert_eq!(deploy["needs"], "build");
    assert_eq!(deploy["environment"]["name"], "github-pages");
    let d = step_using(deploy["steps"].as_array().unwrap(), "actions/deploy-pages");
    assert_eq!(d["uses"], "actions/deploy-pages@v4");
    assert_eq!(
        deploy["environment"]["url"],
        format!("${{{{ steps.{}.outputs.page_url }}}}", d["id"].as_str().unwrap())
    );

    // The run: steps are bash (GitHub's default shell on Linux runners).
    let scratch = Scratch::new("pages-workflow");
    let file = scratch.join("runs.sh");
    std::fs::write(&file, format!("#!/usr/bin/env bash\nset -eo pipefail\n{}\n", runs.join("\n"))).unwrap();
    let sc = Command::new("shellcheck").arg(&file).output().unwrap();
    assert!(sc.status.success(), "shellcheck on the run: steps:\n{}", String::from_utf8_lossy(&sc.stdout));
}
