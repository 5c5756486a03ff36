#!/usr/bin/env python3
"""A fake AWS endpoint on 127.0.0.1 that answers every request with one
credential or clock error, shaped like the real service's answer.

One listener per scenario, each on a free port. The answer depends on the
scenario (what went wrong) and on the request (which service and protocol it
was signed for, and its X-Amz-Date):

  expired  ExpiredToken (Query XML, 403) / ExpiredTokenException (JSON, 400) /
           S3 ExpiredToken (400, echoes the token in <Token-0>)
  invalid  InvalidClientTokenId (Query XML, 403) /
           UnrecognizedClientException (JSON, 400)
  clock    the request's X-Amz-Date against this server's true clock:
           SignatureDoesNotMatch "Signature expired" / "not yet current"
           (Query, 403, 15 min window), InvalidSignatureException (JSON, 400,
           5 min window), S3 RequestTimeTooSkewed (403, 15 min), EC2
           RequestExpired (400). A request within the window gets a 500
           "NotSkewed" so that the capture fails loudly: the client was not
           really run with a wrong clock.

The server itself must run with the real clock (never under faketime).

Usage: fake_aws.py PORTS_JSON LOG_JSONL
Writes {"scenario": port, ...} to PORTS_JSON once listening, and one JSON line
per request to LOG_JSONL (what was asked, what was answered). Stdlib only.
"""

import base64
import datetime as dt
import json
import os
import re
import secrets
import signal
import sys
import threading
import uuid
import zlib
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

SCENARIOS = ("expired", "invalid", "clock")

# Allowed signing-time window per protocol, as real services word it.
# Query services (STS, SNS, IAM) say "- 15 min.", JSON services "- 5 min.".
WINDOW_MIN = {"query": 15, "json": 5, "ec2": 5}
S3_MAX_SKEW_MS = 900000

QUERY_NS = {
    "sts": "https://sts.amazonaws.com/doc/2011-06-15/",
    "iam": "https://iam.amazonaws.com/doc/2010-05-08/",
    "sns": "http://sns.amazonaws.com/doc/2010-03-31/",
}

MSG_EXPIRED = "The security token included in the request is expired"
MSG_INVALID = "The security token included in the request is invalid."
MSG_S3_EXPIRED = "The provided token has expired."
MSG_S3_SKEWED = "The difference between the request time and the current time is too large."

LOG_LOCK = threading.Lock()
LOG_FILE = None


def compact(t):
    return t.strftime("%Y%m%dT%H%M%SZ")


def iso_z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_amz_date(value):
    try:
        return dt.datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)
    except (TypeError, ValueError):
        return None


def s3_request_id():
    return secrets.token_hex(8).upper()


def s3_host_id():
    return base64.b64encode(secrets.token_bytes(57)).decode()


def dynamodb_request_id():
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
    return "".join(secrets.choice(alphabet) for _ in range(52))


def signing_scope(headers):
    """Service name and access key from the SigV4 Authorization header."""
    auth = headers.get("Authorization", "")
    m = re.search(r"Credential=([^/,\s]+)/(\d{8})/([^/]+)/([^/]+)/aws4_request", auth)
    if not m:
        return None, None
    return m.group(4), m.group(1)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-aws"
    sys_version = ""

    def log_message(self, fmt, *args):  # keep stderr quiet
        pass

    def do_GET(self):
        self.handle_any()

    def do_POST(self):
        self.handle_any()

    def do_PUT(self):
        self.handle_any()

    def do_HEAD(self):
        self.handle_any(head=True)

    def do_DELETE(self):
        self.handle_any()

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def handle_any(self, head=False):
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
        body_in = self.read_body()
        scenario = self.server.scenario
        service, access_key = signing_scope(self.headers)
        target = self.headers.get("X-Amz-Target")
        action = None
        if target:
            protocol = "json"
        elif service == "s3":
            protocol = "s3"
        else:
            form = parse_qs(body_in.decode("utf-8", "replace")) if body_in else {}
            form.update(parse_qs(self.path.partition("?")[2]))
            action = (form.get("Action") or [None])[0]
            protocol = "ec2" if service == "ec2" else "query"
        amz_date_raw = self.headers.get("X-Amz-Date")
        amz_date = parse_amz_date(amz_date_raw)
        token = self.headers.get("X-Amz-Security-Token", "")

        answer = build_answer(scenario, protocol, service, now, amz_date, amz_date_raw, token)
        status, ctype, body, extra, facts = answer
        headers = [("Date", formatdate(now.timestamp(), usegmt=True))]
        headers += extra
        headers += [("Content-Type", ctype), ("Content-Length", str(len(body)))]
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if not head:
            self.wfile.write(body)

        record = {
            "scenario": scenario,
            "method": self.command,
            "path": self.path,
            "service": service,
            "protocol": protocol,
            "target": target,
            "action": action,
            "access_key": access_key,
            "x_amz_date": amz_date_raw,
            "server_time": iso_z(now),
            "status": status,
        }
        record.update(facts)
        with LOG_LOCK:
            LOG_FILE.write(json.dumps(record) + "\n")
            LOG_FILE.flush()


def query_error(service, code, message, status, request_id):
    ns = QUERY_NS.get(service, "https://%s.amazonaws.com/doc/" % service)
    body = (
        '<ErrorResponse xmlns="%s">\n'
        "  <Error>\n"
        "    <Type>Sender</Type>\n"
        "    <Code>%s</Code>\n"
        "    <Message>%s</Message>\n"
        "  </Error>\n"
        "  <RequestId>%s</RequestId>\n"
        "</ErrorResponse>\n" % (ns, code, message, request_id)
    )
    extra = [("x-amzn-RequestId", request_id)]
    return status, "text/xml", body.encode(), extra


def json_error(service, code, message, status, request_id):
    body = json.dumps(
        {"__type": "com.amazon.coral.service#%s" % code, "message": message},
        separators=(",", ":"),
    ).encode()
    ctype = "application/x-amz-json-1.0" if service == "dynamodb" else "application/x-amz-json-1.1"
    extra = [
        ("x-amzn-RequestId", request_id),
        ("x-amzn-ErrorType", "%s:http://internal.amazon.com/coral/com.amazon.coral.service/" % code),
    ]
    if service == "dynamodb":
        extra.append(("x-amz-crc32", str(zlib.crc32(body) & 0xFFFFFFFF)))
    else:
        extra.append(("x-amz-id-2", s3_host_id()))
    return status, ctype, body, extra


def s3_error(code, message, status, request_id, host_id, inner=""):
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<Error><Code>%s</Code><Message>%s</Message>%s"
        "<RequestId>%s</RequestId><HostId>%s</HostId></Error>" % (code, message, inner, request_id, host_id)
    )
    extra = [
        ("x-amz-request-id", request_id),
        ("x-amz-id-2", host_id),
        ("Server", "AmazonS3"),
    ]
    return status, "application/xml", body.encode(), extra


def ec2_error(code, message, status, request_id):
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        "<Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors>"
        "<RequestID>%s</RequestID></Response>" % (code, message, request_id)
    )
    return status, "text/xml;charset=UTF-8", body.encode(), [("Server", "AmazonEC2")]


def signature_time_message(amz_date, now, window_min):
    """AWS's wording for a signing time outside the window, or None."""
    window = dt.timedelta(minutes=window_min)
    if amz_date < now - window:
        return "Signature expired: %s is now earlier than %s (%s - %d min.)" % (
            compact(amz_date), compact(now - window), compact(now), window_min)
    if amz_date > now + window:
        return "Signature not yet current: %s is still later than %s (%s + %d min.)" % (
            compact(amz_date), compact(now + window), compact(now), window_min)
    return None


def build_answer(scenario, protocol, service, now, amz_date, amz_date_raw, token):
    """(status, content type, body, extra headers, facts for the log)."""
    facts = {}
    if protocol == "s3":
        rid, hid = s3_request_id(), s3_host_id()
        facts.update(request_id=rid, host_id=hid)
    elif protocol == "json" and service == "dynamodb":
        rid = dynamodb_request_id()
        facts.update(request_id=rid)
    else:
        rid = str(uuid.uuid4())
        facts.update(request_id=rid)

    def done(answer, code, message):
        facts.update(code=code, message=message)
        return answer + (facts,)

    if scenario == "expired":
        if protocol == "query":
            return done(query_error(service, "ExpiredToken", MSG_EXPIRED, 403, rid), "ExpiredToken", MSG_EXPIRED)
        if protocol == "json":
            return done(json_error(service, "ExpiredTokenException", MSG_EXPIRED, 400, rid),
                        "ExpiredTokenException", MSG_EXPIRED)
        if protocol == "s3":
            inner = "<Token-0>%s</Token-0>" % token
            return done(s3_error("ExpiredToken", MSG_S3_EXPIRED, 400, rid, hid, inner), "ExpiredToken", MSG_S3_EXPIRED)
    elif scenario == "invalid":
        if protocol == "query":
            return done(query_error(service, "InvalidClientTokenId", MSG_INVALID, 403, rid),
                        "InvalidClientTokenId", MSG_INVALID)
        if protocol == "json":
            return done(json_error(service, "UnrecognizedClientException", MSG_INVALID, 400, rid),
                        "UnrecognizedClientException", MSG_INVALID)
    elif scenario == "clock" and amz_date is not None:
        skew = int((amz_date - now).total_seconds())
        facts.update(request_time=iso_z(amz_date), skew_seconds=skew)
        if protocol == "s3":
            if abs(skew) * 1000 > S3_MAX_SKEW_MS:
                inner = ("<RequestTime>%s</RequestTime><ServerTime>%s</ServerTime>"
                         "<MaxAllowedSkewMilliseconds>%d</MaxAllowedSkewMilliseconds>"
                         % (amz_date_raw, iso_z(now), S3_MAX_SKEW_MS))
                return done(s3_error("RequestTimeTooSkewed", MSG_S3_SKEWED, 403, rid, hid, inner),
                            "RequestTimeTooSkewed", MSG_S3_SKEWED)
        elif protocol == "ec2":
            if abs(skew) > WINDOW_MIN["ec2"] * 60:
                return done(ec2_error("RequestExpired", "Request has expired.", 400, rid),
                            "RequestExpired", "Request has expired.")
        else:
            message = signature_time_message(amz_date, now, WINDOW_MIN[protocol])
            if message and protocol == "query":
                return done(query_error(service, "SignatureDoesNotMatch", message, 403, rid),
                            "SignatureDoesNotMatch", message)
            if message and protocol == "json":
                return done(json_error(service, "InvalidSignatureException", message, 400, rid),
                            "InvalidSignatureException", message)
        body = b'{"__type":"NotSkewed","message":"conformance: request time is within the window"}'
        return done((500, "application/json", body, []), "NotSkewed", "request time within the window")

    body = json.dumps({"__type": "Unsupported",
                       "message": "conformance: no %s answer for %s/%s" % (scenario, protocol, service)}).encode()
    return done((501, "application/json", body, []), "Unsupported", "no answer defined")


def main():
    global LOG_FILE
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ports_path, log_path = sys.argv[1], sys.argv[2]
    LOG_FILE = open(log_path, "a", encoding="utf-8")
    servers = {}
    for name in SCENARIOS:
        srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        srv.daemon_threads = True
        srv.scenario = name
        servers[name] = srv
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    tmp = ports_path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump({name: srv.server_address[1] for name, srv in servers.items()}, f)
    os.replace(tmp, ports_path)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    for srv in servers.values():
        srv.shutdown()


if __name__ == "__main__":
    main()
