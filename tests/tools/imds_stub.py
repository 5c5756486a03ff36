#!/usr/bin/env python3
"""A strict stand-in for the EC2 instance metadata service, for tests.

moto's IMDS answers every request, token or not, and has no iam/info. This
stub behaves like the real service where the fix commands depend on it:

- PUT /latest/api/token needs X-aws-ec2-metadata-token-ttl-seconds in 1..21600
  (400 otherwise), refuses X-Forwarded-For (403) and returns a token;
- GET with an X-aws-ec2-metadata-token header needs a token it issued (401);
- GET without a token is refused (401) when started with --tokens required;
- serves iam/security-credentials/ (the role), .../<role> (the credential
  JSON, pretty-printed like the real service), iam/info, instance-id,
  placement/region, and 404 for anything else.

Every request is appended to --log as one JSON line (method, path, the token
headers), so a test can check what a command really sent. Listens on
127.0.0.1 only; prints "READY <port>" when it accepts connections.
"""

import argparse
import datetime
import http.server
import json
import secrets
import sys
import threading


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--tokens", choices=["required", "optional"], default="required")
    ap.add_argument("--role", default="stub-role")
    ap.add_argument("--instance-id", default="i-0123456789abcdef0")
    ap.add_argument("--region", default="eu-west-1")
    ap.add_argument("--log", default=None)
    args = ap.parse_args()

    tokens: set[str] = set()
    lock = threading.Lock()
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    fmt = "%Y-%m-%dT%H:%M:%SZ"
    creds = {
        "Code": "Success",
        "LastUpdated": now.strftime(fmt),
        "Type": "AWS-HMAC",
        "AccessKeyId": "ASIASTUBSTUBSTUBSTUB",
        "SecretAccessKey": "stubSecretKeyThatMustNeverBePrinted0000000",
        "Token": "stubSessionTokenThatMustNeverBePrinted",
        "Expiration": (now + datetime.timedelta(hours=6)).strftime(fmt),
    }
    info = {
        "Code": "Success",
        "LastUpdated": now.strftime(fmt),
        "InstanceProfileArn": "arn:aws:iam::123456789012:instance-profile/stub-profile",
        "InstanceProfileId": "AIPASTUBSTUBSTUBSTUB",
    }
    pages = {
        "/latest/meta-data/": "iam/\ninstance-id\nplacement/",
        "/latest/meta-data/iam/security-credentials/": args.role,
        f"/latest/meta-data/iam/security-credentials/{args.role}": json.dumps(creds, indent=2, separators=(",", " : ")),
        "/latest/meta-data/iam/info": json.dumps(info, indent=2, separators=(",", " : ")),
        "/latest/meta-data/instance-id": args.instance_id,
        "/latest/meta-data/placement/region": args.region,
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:  # quiet
            pass

        def record(self, status: int) -> None:
            if not args.log:
                return
            entry = {
                "method": self.command,
                "path": self.path,
                "ttl": self.headers.get("X-aws-ec2-metadata-token-ttl-seconds"),
                "token": self.headers.get("X-aws-ec2-metadata-token"),
                "status": status,
            }
            with lock, open(args.log, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")

        def answer(self, status: int, body: str = "") -> None:
            self.record(status)
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)

        def do_PUT(self) -> None:  # noqa: N802
            if self.path != "/latest/api/token":
                return self.answer(403 if self.path.endswith("/api/token") else 404)
            if self.headers.get("X-Forwarded-For"):
                return self.answer(403)
            ttl = self.headers.get("X-aws-ec2-metadata-token-ttl-seconds", "")
            if not ttl.isdigit() or not 1 <= int(ttl) <= 21600:
                return self.answer(400)
            token = secrets.token_urlsafe(24)
            with lock:
                tokens.add(token)
            self.answer(200, token)

        def do_GET(self) -> None:  # noqa: N802
            token = self.headers.get("X-aws-ec2-metadata-token")
            if token is not None:
                with lock:
                    known = token in tokens
                if not known:
                    return self.answer(401)
            elif args.tokens == "required":
                return self.answer(401)
            body = pages.get(self.path)
            if body is None:
                return self.answer(404)
            self.answer(200, body)

        do_HEAD = do_GET

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"READY {server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()
