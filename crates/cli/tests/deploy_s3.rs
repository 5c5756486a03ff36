//! `scripts/deploy-s3.sh` (issue 7) with the real AWS CLI against moto's S3
//! on 127.0.0.1: after a deploy, every object's Content-Type and
//! Cache-Control (`aws s3api head-object`), at the bucket root and under
//! `--prefix`, through `--endpoint-url` and through `AWS_ENDPOINT_URL`, with
//! `--profile`; the .wasm gzipped (and not, with `--no-gzip`), every body
//! intact; the printed website URL; `--website`; a .wasm uploaded
//! earlier with the wrong type is corrected; and the refusals (unknown file
//! type, no build, bad bucket name) upload nothing. Objects are read back
//! with boto3 (`list_objects_v2` + `head_object`), as `aws s3api head-object` would.
//!
//! The tree deployed is a synthetic dist/ shaped like Trunk's (hashed .wasm,
//! .js, .css, .svg; index.html, 404.html, sw.js, loader.js) plus the other
//! types the script knows, so the test does not depend on a build.
//!
//! Tools: bash and the venv's `aws` and `moto_server` (tests/tools/setup.sh).
//! A missing tool fails the test under `TOKENDOCTOR_REQUIRE_TOOLS=1` and
//! otherwise says SKIPPED.

mod support;

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Instant;

use support::{repo_root, require, say, tool, MotoServer, Scratch};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const NO_CACHE: &str = "no-cache";
const H: &str = "0123456789abcdef"; // a Trunk-style content hash

/// Every file of the synthetic dist/ with the Content-Type and Cache-Control
/// its object must get.
fn expected() -> Vec<(String, &'static str, &'static str)> {
    let js = "text/javascript; charset=utf-8";
    let html = "text/html; charset=utf-8";
    vec![
        ("index.html".into(), html, NO_CACHE),
        ("404.html".into(), html, NO_CACHE),
        ("sw.js".into(), js, NO_CACHE),
        ("loader.js".into(), js, NO_CACHE),
        (format!("expiredtoken-doctor-{H}_bg.wasm"), "application/wasm", IMMUTABLE),
        (format!("expiredtoken-doctor-{H}.js"), js, IMMUTABLE),
        (format!("app-{H}.css"), "text/css; charset=utf-8", IMMUTABLE),
        (format!("favicon-{H}.svg"), "image/svg+xml", IMMUTABLE),
        ("manifest.webmanifest".into(), "application/manifest+json; charset=utf-8", NO_CACHE),
        ("build.json".into(), "application/json; charset=utf-8", NO_CACHE),
        (format!("icons/icon-{H}.png"), "image/png", IMMUTABLE),
    ]
}

fn body(rel: &str) -> Vec<u8> {
    if rel.ends_with(".wasm") {
        b"\0asm\x01\0\0\0".to_vec()
    } else {
        format!("{rel}\n").into()
    }
}

fn synthetic_dist(dir: &Path) {
    for (rel, _, _) in expected() {
        let p = dir.join(&rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, body(&rel)).unwrap();
    }
    // Trunk's staging directory and other dotfiles are never uploaded.
    std::fs::create_dir_all(dir.join(".stage")).unwrap();
    std::fs::write(dir.join(".stage/leftover.bin"), "x").unwrap();
}

fn home(scratch: &Scratch) -> PathBuf {
    let home = scratch.join("home");
    std::fs::create_dir_all(home.join(".aws")).unwrap();
    let creds = "aws_access_key_id = testing\naws_secret_access_key = testing\n";
    std::fs::write(home.join(".aws/credentials"), format!("[default]\n{creds}\n[deployer]\n{creds}")).unwrap();
    std::fs::write(home.join(".aws/config"), "[profile deployer]\nregion = eu-central-1\n").unwrap();
    home
}

fn text(o: &Output) -> (String, String) {
    (String::from_utf8_lossy(&o.stdout).into_owned(), String::from_utf8_lossy(&o.stderr).into_owned())
}

/// Runs the script with moto's environment (`AWS_ENDPOINT_URL` included
/// unless `endpoint_env` is false) and the venv's AWS CLI.
fn deploy(moto: &MotoServer, home: &Path, args: &[&str], endpoint_env: bool, region_env: bool) -> Output {
    let mut c = moto.command(Path::new("bash"), home);
    c.arg(repo_root().join("scripts/deploy-s3.sh")).args(args);
    c.env("AWS_CLI", tool("aws").unwrap());
    if !endpoint_env {
        c.env_remove("AWS_ENDPOINT_URL");
    }
    if !region_env {
        c.env_remove("AWS_DEFAULT_REGION");
    }
    c.stdout(Stdio::piped()).stderr(Stdio::piped()).output().expect("run deploy-s3.sh")
}

/// An object's ContentType, CacheControl, ContentEncoding and body (hex, after gunzip).
type Object = (String, String, String, String);

/// Every object in `bucket`, read with boto3 (one process for all the
/// requests; the AWS CLI would start once per object).
fn objects(moto: &MotoServer, bucket: &str) -> BTreeMap<String, Object> {
    const HEADS: &str = r#"
import boto3, gzip, json, sys
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1",
                  aws_access_key_id="testing", aws_secret_access_key="testing")
out = {}
for page in s3.get_paginator("list_objects_v2").paginate(Bucket=sys.argv[2]):
    for o in page.get("Contents", []):
        h = s3.head_object(Bucket=sys.argv[2], Key=o["Key"])
        body = s3.get_object(Bucket=sys.argv[2], Key=o["Key"])["Body"].read()
        if h.get("ContentEncoding") == "gzip":
            body = gzip.decompress(body)
        out[o["Key"]] = [h.get("ContentType", "(none)"), h.get("CacheControl", "(none)"),
                         h.get("ContentEncoding", "(none)"), body.hex()]
print(json.dumps(out))
"#;
    let o = Command::new(tool("python").unwrap())
        .args(["-c", HEADS, &moto.url(), bucket])
        .env("NO_PROXY", "*")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "boto3 listing failed: {}", text(&o).1);
    serde_json::from_slice(&o.stdout).unwrap()
}

/// The objects are exactly the synthetic dist/ under `key_prefix`, each with
/// its type and caching, the same bytes, and the .wasm gzipped when `gzip`.
fn assert_objects(got: &BTreeMap<String, Object>, key_prefix: &str, gzip: bool) {
    let want: BTreeMap<String, Object> = expected()
        .into_iter()
        .map(|(rel, t, c)| {
            let enc = if gzip && rel.ends_with(".wasm") { "gzip" } else { "(none)" };
            let hex: String = body(&rel).iter().map(|b| format!("{b:02x}")).collect();
            (format!("{key_prefix}{rel}"), (t.to_string(), c.to_string(), enc.to_string(), hex))
        })
        .collect();
    assert_eq!(got, &want, "objects under '{key_prefix}' (key → (ContentType, CacheControl, ContentEncoding, body))");
}

#[test]
fn deploy_s3_sets_type_and_caching_on_every_object() {
    if !require("deploy_s3_sets_type_and_caching_on_every_object", &["bash", "aws", "moto_server"]) {
        return;
    }
    let t0 = Instant::now();
    let moto = MotoServer::start();
    let scratch = Scratch::new("deploy-s3");
    let home = home(&scratch);
    let dist = scratch.join("dist");
    synthetic_dist(&dist);
    let d = dist.to_str().unwrap();

    // 1. Bucket root, --endpoint-url (no AWS_ENDPOINT_URL), --region, --website.
    // A .wasm uploaded earlier without a type (what a plain `aws s3 cp` or
    // sync may do) must come out as application/wasm.
    moto.aws_ok(&home, &["s3api", "create-bucket", "--bucket", "td-site"]);
    let wasm = format!("expiredtoken-doctor-{H}_bg.wasm");
    let src = dist.join(&wasm);
    let dst = format!("s3://td-site/{wasm}");
    moto.aws_ok(&home, &["s3", "cp", src.to_str().unwrap(), &dst, "--content-type", "binary/octet-stream"]);
    let url = moto.url();
    let o = deploy(
        &moto,
        &home,
        &["td-site", "--dist", d, "--endpoint-url", &url, "--region", "us-east-1", "--website"],
        false,
        true,
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "deploy failed:\n{err}");
    assert_eq!(out, "http://td-site.s3-website-us-east-1.amazonaws.com/\n");
    assert_objects(&objects(&moto, "td-site"), "", true);
    let site: Value = serde_json::from_str(
        &moto.aws_ok(&home, &["s3api", "get-bucket-website", "--bucket", "td-site", "--output", "json"]),
    )
    .unwrap();
    assert_eq!(site["IndexDocument"]["Suffix"], "index.html");
    assert_eq!(site["ErrorDocument"]["Key"], "404.html");
    // Upload order: hashed files first, index.html then sw.js last.
    let order: Vec<&str> =
        err.lines().filter_map(|l| l.strip_prefix("  ")).filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(order.len(), expected().len(), "{err}");
    assert_eq!(&order[order.len() - 2..], ["index.html", "sw.js"]);
    let first_plain = order.iter().position(|r| !r.contains(H)).unwrap();
    assert!(order[first_plain..].iter().all(|r| !r.contains(H)), "hashed files go first: {order:?}");

    // 2. Under --prefix, through AWS_ENDPOINT_URL, region from --profile's
    // config, and the .wasm as is (--no-gzip).
    moto.aws_ok(
        &home,
        &[
            "s3api",
            "create-bucket",
            "--bucket",
            "td-eu",
            "--region",
            "eu-central-1",
            "--create-bucket-configuration",
            "LocationConstraint=eu-central-1",
        ],
    );
    let o = deploy(
        &moto,
        &home,
        &["td-eu", "--dist", d, "--prefix", "/tools/doctor/", "--profile", "deployer", "--no-gzip"],
        true,
        false,
    );
    let (out, err) = text(&o);
    assert!(o.status.success(), "deploy --prefix failed:\n{err}");
    assert_eq!(out, "http://td-eu.s3-website.eu-central-1.amazonaws.com/tools/doctor/\n");
    let all = objects(&moto, "td-eu");
    assert!(all.keys().all(|k| k.starts_with("tools/doctor/")), "nothing outside the prefix: {all:?}");
    assert_objects(&all, "tools/doctor/", false);

    say(&format!(
        "deploy_s3: {} objects checked at the root and under a prefix in {:.1}s (AWS CLI against moto)",
        2 * expected().len(),
        t0.elapsed().as_secs_f64()
    ));
}

#[test]
fn deploy_s3_refuses_before_uploading() {
    if !require("deploy_s3_refuses_before_uploading", &["bash", "aws"]) {
        return;
    }
    let scratch = Scratch::new("deploy-s3-refuse");
    let dist = scratch.join("dist");
    synthetic_dist(&dist);
    let run = |args: &[&str]| {
        // A closed port: any upload attempt would fail with another message.
        let o = Command::new("bash")
            .arg(repo_root().join("scripts/deploy-s3.sh"))
            .args(args)
            .args(["--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1"])
            .env("AWS_CLI", tool("aws").unwrap())
            .env("AWS_ACCESS_KEY_ID", "testing")
            .env("AWS_SECRET_ACCESS_KEY", "testing")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        (o.status.code(), text(&o).1)
    };
    let d = dist.to_str().unwrap();

    std::fs::write(dist.join("notes.xyz"), "?").unwrap();
    let (code, err) = run(&["td-site", "--dist", d]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("notes.xyz: unknown file type"), "{err}");
    assert!(!err.contains("deploying"), "refused before any upload: {err}");
    std::fs::remove_file(dist.join("notes.xyz")).unwrap();

    std::fs::remove_file(dist.join("sw.js")).unwrap();
    let (code, err) = run(&["td-site", "--dist", d]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("build first"), "{err}");

    for bad in ["Bad_Bucket", "x", "-"] {
        let (code, err) = run(&[bad, "--dist", d]);
        assert_eq!(code, Some(2), "{bad}: {err}");
    }
    let (code, err) = run(&["--dist", d]);
    assert_eq!(code, Some(2));
    assert!(err.contains("scripts/deploy-s3.sh BUCKET"), "usage: {err}");
}
