#!/usr/bin/env python3
"""A real webhook receiver on loopback for QuorumDeliveryTests.

It listens on 127.0.0.1 on a free port (HTTP/1.1 with keep-alive) and prints one JSON line
when ready: {"port": N}. Every POST is checked the way the Standard Webhooks specification
says a receiver should (webhook-id, webhook-timestamp within 5 minutes, any v1 signature in
webhook-signature valid under any --secret); a request that fails the check is answered 401.
A verified request is answered according to its path:

  /ok                     200
  /status/CODE            CODE (e.g. /status/500, /status/410)
  /retry-after/VALUE      429 with "Retry-After: VALUE" (VALUE percent-decoded)
  /slow/SECONDS           waits, then 200

Every answer's body is JSON: whether the signature verified, the webhook-id and how many
times it has been seen, the client's port (to tell reused connections), and a few headers.
It exits on SIGTERM, or when its standard input closes.
"""

import argparse
import base64
import hashlib
import hmac
import json
import os
import signal
import sys
import threading
import time
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRETS = []
SEEN = Counter()
LOCK = threading.Lock()


def verify(headers, body):
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        return False
    try:
        if abs(time.time() - int(timestamp)) > 300:
            return False
    except ValueError:
        return False
    content = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    for secret in SECRETS:
        key = base64.b64decode(secret[len("whsec_"):] if secret.startswith("whsec_") else secret)
        expected = base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()
        for signature in signatures.split(" "):
            version, _, value = signature.partition(",")
            if version == "v1" and hmac.compare_digest(value, expected):
                return True
    return False


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        verified = verify(self.headers, body)
        msg_id = self.headers.get("webhook-id")
        with LOCK:
            SEEN[msg_id] += 1
            seen = SEEN[msg_id]
        extra = {}
        path = self.path
        if not verified:
            status = 401
        elif path.startswith("/status/"):
            status = int(path[len("/status/"):])
        elif path.startswith("/retry-after/"):
            status = 429
            extra["Retry-After"] = urllib.parse.unquote(path[len("/retry-after/"):])
        elif path.startswith("/slow/"):
            time.sleep(float(path[len("/slow/"):]))
            status = 200
        else:
            status = 200
        answer = json.dumps({
            "verified": verified,
            "webhook_id": msg_id,
            "timestamp": self.headers.get("webhook-timestamp"),
            "seen": seen,
            "client_port": self.client_address[1],
            "content_type": self.headers.get("Content-Type"),
            "user_agent": self.headers.get("User-Agent"),
            "expect": self.headers.get("Expect"),
            "body": body.decode("utf-8", "replace"),
        }).encode()
        try:
            self.send_response(status)
            for name, value in extra.items():
                self.send_header(name, value)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a time-out test)

    def log_message(self, format, *args):
        pass


def unblock_signals():
    # A child inherits its parent's signal mask, and the test runner's threads block SIGTERM:
    # without this the server would ignore the test's request to stop.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})


def exit_when_stdin_closes():
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--secret", action="append", default=[])
    args = parser.parse_args()
    SECRETS.extend(args.secret)
    unblock_signals()
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
