#!/usr/bin/env python3
"""A real SMTP server on loopback for QuorumDeliveryTests, built on aiosmtpd.

It listens on 127.0.0.1 on a free port and prints one JSON line when ready:
{"port": N, "ca": "/path/to/cert.pem" or null}. Every message it accepts is written to
--maildir as NNNN.eml (the bytes as received, after SMTP dot-unstuffing) and NNNN.json
(the envelope, the session, and the message as Python's own email parser reads it), before
the server answers 250, so the files exist when the client's send returns.

It exits on SIGTERM, or when its standard input closes (the test process went away).

Options:
  --maildir DIR        where to write messages (required unless --stall)
  --reject ADDRESS     answer RCPT TO for ADDRESS with 550 (repeatable)
  --defer ADDRESS      answer RCPT TO for ADDRESS with 451 (repeatable)
  --tls DIR            offer STARTTLS and require it, with a self-signed certificate for
                       127.0.0.1 written to DIR (its path is printed as "ca")
  --auth USER:PASS     require AUTH (PLAIN or LOGIN) with these credentials
  --stall              accept connections and never answer (for time-out tests)
"""

import argparse
import asyncio
import email
import json
import os
import signal
import subprocess
import sys
import threading
from email import policy

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, maildir, reject, defer):
        self.maildir = maildir
        self.reject = {a.lower() for a in reject}
        self.defer = {a.lower() for a in defer}
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 <%s>: Recipient address rejected: no such user here" % address
        if address.lower() in self.defer:
            return "451 4.3.0 <%s>: Mailbox busy, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        name = "%04d" % self.count
        raw = envelope.original_content
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        with open(os.path.join(self.maildir, name + ".eml.tmp"), "wb") as f:
            f.write(raw)
        os.rename(os.path.join(self.maildir, name + ".eml.tmp"), os.path.join(self.maildir, name + ".eml"))
        summary = {
            "mail_from": envelope.mail_from,
            "mail_options": envelope.mail_options,
            "rcpt_tos": envelope.rcpt_tos,
            "helo": session.host_name,
            "peer_port": session.peer[1] if session.peer else None,
            "tls": session.ssl is not None,
            "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
            "message": describe(raw),
        }
        path = os.path.join(self.maildir, name + ".json")
        with open(path + ".tmp", "w") as f:
            json.dump(summary, f, indent=1)
        os.rename(path + ".tmp", path)
        return "250 OK queued as quorum-test-%s" % name


def describe(raw):
    """The message as Python's email package (policy.default) parses it."""
    message = email.message_from_bytes(raw, policy=policy.default)
    headers = {}
    for key in message.keys():
        headers.setdefault(key.lower(), []).append(str(message[key]))
    defects = [repr(d) for d in message.defects]
    parts = []
    for part in message.walk():
        defects += [repr(d) for d in part.defects]
        if part.is_multipart():
            continue
        parts.append({
            "content_type": part.get_content_type(),
            "charset": part.get_content_charset(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            "content": part.get_content(),
        })
    addresses = {}
    for field in ("from", "to", "cc"):
        if message[field] is not None:
            addresses[field] = [
                {"display_name": a.display_name, "address": a.addr_spec} for a in message[field].addresses
            ]
    return {
        "subject": str(message["subject"]) if message["subject"] is not None else None,
        "headers": headers,
        "addresses": addresses,
        "content_type": message.get_content_type(),
        "parts": parts,
        "defects": defects,
        "longest_line": max((len(line) for line in raw.split(b"\r\n")), default=0),
    }


def make_certificate(directory):
    os.makedirs(directory, exist_ok=True)
    cert = os.path.join(directory, "cert.pem")
    key = os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert,
         "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return cert, key


def unblock_signals():
    # A child inherits its parent's signal mask, and the test runner's threads block SIGTERM:
    # without this the server would ignore the test's request to stop.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})


def exit_when_stdin_closes():
    try:
        sys.stdin.buffer.read()
    finally:
        os._exit(0)


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--maildir")
    parser.add_argument("--reject", action="append", default=[])
    parser.add_argument("--defer", action="append", default=[])
    parser.add_argument("--tls")
    parser.add_argument("--auth")
    parser.add_argument("--stall", action="store_true")
    args = parser.parse_args()
    unblock_signals()
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    loop = asyncio.get_running_loop()

    if args.stall:
        async def stall(reader, writer):
            await asyncio.sleep(3600)
        server = await asyncio.start_server(stall, "127.0.0.1", 0)
        print(json.dumps({"port": server.sockets[0].getsockname()[1], "ca": None}), flush=True)
        await asyncio.Event().wait()

    handler = Handler(args.maildir, args.reject, args.defer)
    options = {"hostname": "quorum-test-smtp", "ident": "Quorum test SMTP"}
    ca = None
    if args.tls:
        import ssl
        cert, key = make_certificate(args.tls)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        options.update(tls_context=context, require_starttls=True)
        ca = cert
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user
                  and auth_data.password.decode() == password)
            return AuthResult(success=ok, handled=False, auth_data=auth_data)

        options.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(args.tls))

    server = await loop.create_server(lambda: SMTP(handler, **options), "127.0.0.1", 0)
    print(json.dumps({"port": server.sockets[0].getsockname()[1], "ca": ca}), flush=True)
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())
