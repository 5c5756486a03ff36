#!/usr/bin/env python3
"""Run real AWS clients against the fake endpoint and write conformance fixtures.

Run through capture.sh, which installs the pinned clients first. This file
uses only the standard library; it runs inside the conformance venv so that it
can read the installed client versions.

For each case in CASES: run the client (under faketime when the case needs a
wrong clock), capture everything it printed (stdout and stderr merged, as a
terminal shows them), and derive NAME.expect.json from what the server really
answered, keeping a field only when its value literally appears in the text.
NAME.meta.json records how the capture was made. Nothing is written unless
every case produced the expected error; then the fixture folder is replaced
as a whole (stale cNN-* files removed) and its README.md regenerated.
"""

import argparse
import datetime as dt
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DEFAULT_OUT = os.path.join(ROOT, "tests", "fixtures", "conformance")
VENV_BIN = os.path.dirname(os.path.abspath(sys.executable))

# Obviously fake temporary credentials. They are what the clients sign with;
# S3 echoes the session token back in <Token-0>, and that is fine.
FAKE_ACCESS_KEY = "ASIAFAKE0EXAMPLE0KEY"
FAKE_SECRET_KEY = "fake/secret/EXAMPLEKEY/not+a+real+one000"
FAKE_SESSION_TOKEN = "FAKE//conformance/session/token/EXAMPLE/not+a+real+token="

# What each client runs per service: (AWS CLI argv, boto3 script, JS operation).
OPERATIONS = {
    "sts": (["sts", "get-caller-identity"], "sts_get_caller_identity.py", "sts-get-caller-identity"),
    "dynamodb": (["dynamodb", "list-tables"], "dynamodb_list_tables.py", "dynamodb-list-tables"),
    "kinesis": (["kinesis", "list-streams"], "kinesis_list_streams.py", "kinesis-list-streams"),
    "s3": (["s3api", "list-objects-v2", "--bucket", "my-bucket"], "s3_list_objects.py", "s3-list-objects-v2"),
    "s3-ls": (["s3", "ls", "s3://my-bucket"], "s3_list_objects.py", "s3-list-objects-v2"),
    "ec2": (["ec2", "describe-instances"], "ec2_describe_instances.py", "ec2-describe-instances"),
}
SERVICE_LABEL = {"sts": "STS", "dynamodb": "DynamoDB", "kinesis": "Kinesis", "s3": "S3", "s3-ls": "S3", "ec2": "EC2"}

CLIENTS = ("awscli", "boto3", "jsv2", "jsv3")
SDK = {"awscli": "aws-cli", "boto3": "python", "jsv2": "js-v2", "jsv3": "js-v3"}
KIND = {"awscli": "cli_output", "boto3": "exception", "jsv2": "exception", "jsv3": "exception"}

# Scenarios, in fixture order: (slug, service, server scenario, clock offset).
# The server scenario names a listener of fake_aws.py; the clock offset is a
# faketime offset for the client (None: the real clock).
SCENARIOS = [
    ("expiredtoken", "sts", "expired", None),
    ("expiredtokenexception", "dynamodb", "expired", None),
    ("expiredtoken", "s3-ls", "expired", None),
    ("signature-expired", "sts", "clock", "-20m"),
    ("signature-not-yet-current", "sts", "clock", "+20m"),
    ("signature-expired", "dynamodb", "clock", "-20m"),
    ("signature-not-yet-current", "kinesis", "clock", "+20m"),
    ("requesttimetooskewed", "s3", "clock", "-20m"),
    ("requestexpired", "ec2", "clock", "-20m"),
    ("invalidclienttokenid", "sts", "invalid", None),
    ("unrecognizedclientexception", "kinesis", "invalid", None),
]
# Extra cases, (client, slug, service, server scenario, clock, variant):
#   uncaught        the JS promise rejection is left unhandled, so Node prints it
#   max-attempts-1  AWS_MAX_ATTEMPTS=1 in the environment: botocore then adds
#                   "(reached max retries: 0)" after the operation name
VARIANTS = [
    ("jsv2", "expiredtoken", "sts", "expired", None, "uncaught"),
    ("jsv3", "expiredtokenexception", "dynamodb", "expired", None, "uncaught"),
    ("boto3", "signature-expired", "dynamodb", "clock", "-20m", "max-attempts-1"),
]

ROOT_CAUSE = {
    "ExpiredToken": "expired_credentials",
    "ExpiredTokenException": "expired_credentials",
    "RequestTimeTooSkewed": "clock_skew",
    "InvalidClientTokenId": "invalid_token",
    "UnrecognizedClientException": "invalid_token",
    # SignatureDoesNotMatch / InvalidSignatureException: clock_skew only when
    # the printed message says so. RequestExpired: expired creds or clock, so
    # the text alone can't decide.
}
SIGNATURE_TIME_RE = re.compile(r"Signature (?:expired|not yet current)")
STATUS_RE = re.compile(r"(?:httpStatusCode|statusCode|[Ss]tatus[ _]?[Cc]ode)['\"]?\s*[:=]?\s*(\d{3})\b")
SERVICE_CLASS_RE = re.compile(r"\b(STS|DynamoDB|Kinesis|S3|EC2)ServiceException\b")


def build_cases():
    cases = []
    for slug, service, scenario, clock in SCENARIOS:
        for client in CLIENTS:
            cases.append(dict(client=client, slug=slug, service=service, scenario=scenario, clock=clock, variant=None))
    for client, slug, service, scenario, clock, variant in VARIANTS:
        cases.append(dict(client=client, slug=slug, service=service, scenario=scenario, clock=clock, variant=variant))
    for n, case in enumerate(cases, 1):
        svc = case["service"].split("-")[0]
        case["name"] = "c%02d-%s-%s-%s%s" % (n, case["client"], svc, case["slug"],
                                             "-" + case["variant"] if case["variant"] else "")
    return cases


def versions():
    def npm(pkg):
        with open(os.path.join(HERE, "node_modules", pkg, "package.json"), encoding="utf-8") as f:
            return json.load(f)["version"]

    node = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout.strip()
    faketime = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "faketime"], capture_output=True, text=True)
    return {
        "awscli": importlib.metadata.version("awscli"),
        "boto3": importlib.metadata.version("boto3"),
        "botocore": importlib.metadata.version("botocore"),
        "python": "%d.%d.%d" % sys.version_info[:3],
        "aws-sdk": npm("aws-sdk"),
        "@aws-sdk/client-sts": npm("@aws-sdk/client-sts"),
        "@aws-sdk/client-dynamodb": npm("@aws-sdk/client-dynamodb"),
        "@aws-sdk/client-kinesis": npm("@aws-sdk/client-kinesis"),
        "@aws-sdk/client-s3": npm("@aws-sdk/client-s3"),
        "@aws-sdk/client-ec2": npm("@aws-sdk/client-ec2"),
        "@aws-sdk/core": npm("@aws-sdk/core"),
        "node": node.lstrip("v"),
        "faketime": faketime.stdout.strip() or "unknown",
    }


def client_label(client, vers):
    return {
        "awscli": "AWS CLI %s (botocore %s)" % (vers["awscli"], vers["botocore"]),
        "boto3": "boto3 %s (botocore %s)" % (vers["boto3"], vers["botocore"]),
        "jsv2": "aws-sdk (JS v2) %s" % vers["aws-sdk"],
        "jsv3": "@aws-sdk (JS v3) core %s" % vers["@aws-sdk/core"],
    }[client]


def command_for(case):
    cli_args, py_script, js_op = OPERATIONS[case["service"]]
    if case["client"] == "awscli":
        return [os.path.join(VENV_BIN, "aws")] + cli_args, "aws " + " ".join(cli_args)
    if case["client"] == "boto3":
        return ([os.path.join(VENV_BIN, "python"), os.path.join("clients", "python", py_script)],
                "python clients/python/%s" % py_script)
    app = "clients/js-%s/app.js" % case["client"][2:]
    argv = ["node", app, js_op] + (["--uncaught"] if case["variant"] == "uncaught" else [])
    return argv, "node " + " ".join(argv[1:])


def client_env(home, endpoint, meta_path):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("AWS_", "FAKETIME", "NODE_", "PYTHON")) and k not in ("LD_PRELOAD",)}
    env.update({
        "HOME": home,
        "PATH": VENV_BIN + os.pathsep + env.get("PATH", "/usr/bin:/bin"),
        "TZ": "UTC",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "AWS_ACCESS_KEY_ID": FAKE_ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": FAKE_SECRET_KEY,
        "AWS_SESSION_TOKEN": FAKE_SESSION_TOKEN,
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.path.join(home, ".aws", "config"),
        "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, ".aws", "credentials"),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_ENDPOINT_URL": endpoint,
        "CONFORMANCE_META": meta_path,
    })
    return env


def read_log(path, start):
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    return [json.loads(line) for line in lines[start:]], len(lines)


def compact(iso):
    return iso.replace("-", "").replace(":", "")


def derive_expect(case, text, answer, vers):
    """Fields a correct diagnoser extracts from `text` alone, from the facts
    the server knows, each kept only when its value appears in the text."""
    problems = []
    code = answer["code"]
    clock = {"-20m": ", client clock 20 min behind", "+20m": ", client clock 20 min ahead"}.get(case["clock"], "")
    expect = {
        "source": "conformance: %s against fake %s%s" % (client_label(case["client"], vers),
                                                         SERVICE_LABEL[case["service"]], clock),
        "kind": KIND[case["client"]],
        "sdk": SDK[case["client"]],
    }
    if code not in text:
        problems.append("error code %s not in the output" % code)
    expect["error_code"] = code

    m = SERVICE_CLASS_RE.search(text)
    if m:
        expect["service"] = m.group(1)

    statuses = {int(s) for s in STATUS_RE.findall(text)}
    if statuses - {answer["status"]}:
        problems.append("printed status %s differs from the answer's %s" % (sorted(statuses), answer["status"]))
    if answer["status"] in statuses:
        expect["status_code"] = answer["status"]

    if answer["request_id"] in text:
        expect["request_id"] = answer["request_id"]

    if "request_time" in answer:
        req, srv = answer["request_time"], answer["server_time"]
        if answer["protocol"] == "s3":
            both = compact(req) in text and srv in text
        else:
            both = compact(req) in text and compact(srv) in text
        if both:
            expect["request_time"] = req
            expect["server_time"] = srv
            expect["skew_seconds"] = answer["skew_seconds"]

    cause = ROOT_CAUSE.get(code)
    if code in ("SignatureDoesNotMatch", "InvalidSignatureException") and SIGNATURE_TIME_RE.search(text):
        cause = "clock_skew"
    if cause:
        expect["root_cause"] = cause
    return expect, problems


def run_case(case, ports, log_path, log_pos, home, vers):
    meta_path = os.path.join(home, "client-meta.json")
    if os.path.exists(meta_path):
        os.remove(meta_path)
    endpoint = "http://127.0.0.1:%d" % ports[case["scenario"]]
    argv, shown = command_for(case)
    if case["clock"]:
        argv = ["faketime", "-f", case["clock"]] + argv
    env = client_env(home, endpoint, meta_path)
    if case["clock"]:
        env["FAKETIME_DONT_FAKE_MONOTONIC"] = "1"
    if case["variant"] == "max-attempts-1":
        env["AWS_MAX_ATTEMPTS"] = "1"
        shown = "AWS_MAX_ATTEMPTS=1 " + shown
    started = time.monotonic()
    proc = subprocess.run(argv, cwd=HERE, env=env, stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=180)
    elapsed = round(time.monotonic() - started, 2)
    text = proc.stdout.decode("utf-8")
    answers, log_pos = read_log(log_path, log_pos)

    problems = []
    if proc.returncode == 0:
        problems.append("client exited 0: it did not report an error")
    if not answers:
        problems.append("the client sent no request to the fake endpoint")
        return None, log_pos, problems
    answer = answers[-1]
    if answer["code"] in ("NotSkewed", "Unsupported"):
        problems.append("server answered %s (%s)" % (answer["code"], answer["message"]))
    expect, more = derive_expect(case, text, answer, vers)
    problems += more

    client_meta = {}
    if os.path.exists(meta_path):
        with open(meta_path, encoding="utf-8") as f:
            client_meta = json.load(f)
    meta = {
        "client": case["client"],
        "client_version": client_label(case["client"], vers),
        "command": shown,
        "faketime": case["clock"],
        "exit_code": proc.returncode,
        "streams": "stdout and stderr merged, as a terminal shows them",
        "elapsed_seconds": elapsed,
        "server_scenario": case["scenario"],
        "requests": [{k: a.get(k) for k in ("method", "path", "service", "protocol", "target", "action",
                                            "x_amz_date", "server_time", "skew_seconds", "status", "code",
                                            "message", "request_id", "host_id") if a.get(k) is not None}
                     for a in answers],
    }
    if case["client"] in ("jsv2", "jsv3"):
        offset = client_meta.get("systemClockOffset", 0)
        meta["sdk_clock"] = {
            "systemClockOffset_ms_after_error": offset,
            "clock_skew_corrected": bool(offset),
            "printed_clockSkewCorrected": "clockSkewCorrected: true" in text,
        }
        if "correctClockSkew" in client_meta:
            meta["sdk_clock"]["correctClockSkew_option"] = client_meta["correctClockSkew"]
    return dict(case=case, text=text, expect=expect, meta=meta), log_pos, problems


def start_server(tmp):
    ports_path = os.path.join(tmp, "ports.json")
    log_path = os.path.join(tmp, "requests.jsonl")
    open(log_path, "w").close()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FAKETIME") and k != "LD_PRELOAD"}
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "fake_aws.py"), ports_path, log_path],
                              env=env, stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not os.path.exists(ports_path):
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            sys.exit("capture: the fake endpoint did not start")
        time.sleep(0.05)
    with open(ports_path, encoding="utf-8") as f:
        return server, json.load(f), log_path


def describe(case):
    what = {
        "expired": "expired session credentials",
        "invalid": "an invalid security token",
        "clock": "a client clock %s" % {"-20m": "20 min behind", "+20m": "20 min ahead"}.get(case["clock"], ""),
    }[case["scenario"]]
    how = "uncaught promise rejection" if case["variant"] == "uncaught" else {
        "awscli": "CLI stderr", "boto3": "uncaught traceback", "jsv2": "console.error(err)", "jsv3": "console.error(err)",
    }[case["client"]]
    if case["variant"] == "max-attempts-1":
        how += " with AWS_MAX_ATTEMPTS=1"
    return "%s, %s" % (what, how)


def write_readme(out, results, vers, captured_at):
    rows = []
    for r in results:
        c, e = r["case"], r["expect"]
        rows.append("| %s | %s | `%s`%s | %s | %s | %s |" % (
            c["name"], e["sdk"], r["meta"]["command"],
            " under `faketime -f %s`" % c["clock"] if c["clock"] else "",
            e["error_code"], describe(c),
            ", ".join(k for k in ("status_code", "request_id", "service", "request_time", "root_cause") if k in e)))
    text = """# Conformance fixtures: what real AWS clients print

Each case is a real capture, never edited: a real client (the AWS CLI, boto3,
the AWS SDK for JavaScript v2 and v3) was run against a local fake AWS
endpoint (`scripts/conformance/fake_aws.py`, on 127.0.0.1) that answers like
the real service: the same status, headers (`Date`, `x-amzn-RequestId`,
`x-amzn-ErrorType`, `x-amz-request-id`, `x-amz-id-2`) and XML/JSON bodies.
Clock cases ran the client under `faketime` so its clock was really off, and
the server computed its answer ("Signature expired: ...", S3
`<RequestTime>`/`<ServerTime>`) from the request's real `X-Amz-Date` against
its own true clock. The credentials are obviously fake (`%s`); no secret
appears. Timestamps, request ids, Node process ids and paths are those of the
capture run.

- `NAME.txt`: exactly what the client printed (stdout and stderr merged, as a
  terminal shows them; Node's deprecation warnings included).
- `NAME.expect.json`: what a correct diagnoser extracts from that text alone,
  in the format of the shared corpus. It is generated from what the server
  really answered, but a field is kept only when its value literally appears
  in the text (e.g. `request_id` only if the id is printed, `status_code` only
  if the number is printed as a status, times only if both the request and
  the server time are printed). `skew_seconds` = request time - server time.
- `NAME.meta.json`: how it was captured: command, faketime offset, exit code,
  what the server received and answered, and for the JS SDKs whether the SDK
  corrected its clock from the server's `Date` header (`sdk_clock`).

Captured %s with:

| client | version |
|---|---|
%s

Regenerate (needs python3 with venv, node >= 20 with npm, and Debian's
`faketime`; reaches only PyPI and npm, the first time):

    scripts/conformance/capture.sh

It installs the pinned clients (`scripts/conformance/requirements.txt`,
`scripts/conformance/package-lock.json`), runs every case, and replaces this
folder only if every client produced its error. See
`scripts/conformance/README.md`.

| file | sdk | command | error code | scenario, how printed | fields the text determines |
|---|---|---|---|---|---|
%s
""" % (FAKE_ACCESS_KEY, captured_at,
       "\n".join("| %s | %s |" % (k, v) for k, v in vers.items()),
       "\n".join(rows))
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=DEFAULT_OUT, help="fixture folder (default: tests/fixtures/conformance)")
    ap.add_argument("--only", help="run only the cases whose name contains this (writes nothing)")
    args = ap.parse_args()

    if shutil.which("faketime") is None:
        sys.exit("capture: faketime is needed (apt-get install faketime)")
    vers = versions()
    cases = build_cases()
    if args.only:
        cases = [c for c in cases if args.only in c["name"]]

    tmp = tempfile.mkdtemp(prefix="conformance-")
    home = os.path.join(tmp, "home")
    os.makedirs(home)
    server, ports, log_path = start_server(tmp)
    results, failures, log_pos = [], [], 0
    try:
        for case in cases:
            result, log_pos, problems = run_case(case, ports, log_path, log_pos, home, vers)
            status = "FAIL" if problems else "ok"
            print("%-4s %s%s" % (status, case["name"], ": " + "; ".join(problems) if problems else ""), flush=True)
            if problems:
                failures.append(case["name"])
                if result:
                    print("     output was:\n" + "\n".join("     | " + l for l in result["text"].splitlines()))
            if result:
                results.append(result)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)

    if failures:
        print("capture: %d of %d cases failed; fixtures left unchanged" % (len(failures), len(cases)), file=sys.stderr)
        return 1
    if args.only:
        for r in results:
            print("==== %s\n%s\n%s" % (r["case"]["name"], r["text"], json.dumps(r["expect"], indent=2)))
        return 0

    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if re.match(r"c\d\d-", name):
            os.remove(os.path.join(args.out, name))
    for r in results:
        base = os.path.join(args.out, r["case"]["name"])
        with open(base + ".txt", "w", encoding="utf-8", newline="") as f:
            f.write(r["text"])
        with open(base + ".expect.json", "w", encoding="utf-8") as f:
            f.write(json.dumps(r["expect"], indent=2) + "\n")
        with open(base + ".meta.json", "w", encoding="utf-8") as f:
            f.write(json.dumps(r["meta"], indent=2) + "\n")
    captured_at = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d")
    write_readme(args.out, results, vers, captured_at)
    print("capture: wrote %d fixtures to %s" % (len(results), os.path.relpath(args.out, ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
