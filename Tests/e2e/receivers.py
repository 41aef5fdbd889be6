"""Real peers on loopback for the delivery tests: an SMTP server (aiosmtpd) and a webhook
receiver that verifies every Standard Webhooks signature and can fail on demand."""

import base64
import collections
import email
import hashlib
import hmac
import json
import threading
import time
from email import policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from aiosmtpd.controller import Controller

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


class Mailbox:
    """Accepts mail; refuses RCPT for `reject` with 550; can pause before accepting (`slow`)."""

    def __init__(self):
        self.messages = []
        self.reject = set()
        self.slow = 0.0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 mailbox unavailable"
        if self.slow:
            # Slow before DATA: a sender killed now has not handed the message over.
            import asyncio
            await asyncio.sleep(self.slow)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append({"raw": envelope.content, "message": message, "rcpt": list(envelope.rcpt_tos),
                                  "helo": session.host_name})
        return "250 Message accepted"

    def message_ids(self):
        with self.lock:
            return [m["message"]["Message-ID"] for m in self.messages]


def free_port():
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_smtp():
    mailbox = Mailbox()
    # The controller checks readiness by connecting, so it needs a real port, not 0.
    mailbox.port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=mailbox.port)
    controller.start()
    mailbox.controller = controller
    return mailbox


def verify(headers, body, secret=SECRET):
    msg_id, stamp, signatures = headers.get("webhook-id"), headers.get("webhook-timestamp"), headers.get("webhook-signature")
    if not (msg_id and stamp and signatures) or abs(time.time() - int(stamp)) > 300:
        return False
    key = base64.b64decode(secret[len("whsec_"):])
    expected = base64.b64encode(hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()).decode()
    return any(s.partition(",")[2] == expected and s.startswith("v1,") for s in signatures.split(" "))


class Hooks:
    """Records every POST; answers by path: /ok 200, /flaky 500 twice per webhook-id then 200,
    /gone 410, /later 429 with Retry-After: 2 once per webhook-id then 200."""

    def __init__(self):
        self.requests = []
        self.attempts = collections.Counter()
        self.lock = threading.Lock()
        hooks = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                msg_id = self.headers.get("webhook-id")
                with hooks.lock:
                    hooks.attempts[(self.path, msg_id)] += 1
                    attempt = hooks.attempts[(self.path, msg_id)]
                    request = {"path": self.path, "id": msg_id, "verified": verify(self.headers, body),
                               "body": body, "at": time.time(), "attempt": attempt}
                    hooks.requests.append(request)
                status, extra = hooks.respond(self.path, attempt, request)
                self.send_response(status)
                for name, value in extra.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def respond(self, path, attempt, request):
        """The answer to a POST: its status and extra headers, by path."""
        if path == "/flaky" and attempt <= 2:
            return 500, {}
        if path == "/gone":
            return 410, {}
        if path == "/later" and attempt == 1:
            return 429, {"Retry-After": "2"}
        return 200, {}

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def on(self, path):
        with self.lock:
            return [r for r in self.requests if r["path"] == path]
