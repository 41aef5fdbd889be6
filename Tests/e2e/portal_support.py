"""Helpers for the portal tests: a daemon with a published Scrutiny pack, and signed-in HTTP clients."""

import json
import re
from pathlib import Path

import requests

from conftest import ReplyError

FIXTURES = Path(__file__).parent / "fixtures"
OSC_REPORT = (FIXTURES / "osc-performance-report.md").read_text()
EXEMPT_REPORT = (FIXTURES / "exempt-report.md").read_text()
MEETING = "OSC-2017-11-14"
# A phrase of the cover report's body, and a marker that only the exempt report holds.
PUBLIC_PHRASE = "The plan was refreshed in September 2017"
EXEMPT_MARKER = "CONFIDENTIAL-MARKER-7731"


def admin_connection(daemon):
    conn = daemon.connect()
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    return conn


def add_user(daemon, email, role, board=None):
    token = admin_connection(daemon).command("USER", "ADD", email, role, *([f"board={board}"] if board else []))
    assert not isinstance(token, ReplyError), token
    return token


def publish_scrutiny_pack(daemon, exempt=True, publish=True):
    """Builds the 14 November 2017 Scrutiny pack (with an exempt item) and publishes it."""
    conn = admin_connection(daemon)
    if exempt:
        json.loads(conn.command("ITEM", "ADD", MEETING, "Placement commissioning contract", "exempt=3",
                                "owner=commissioning@example.org"))
        json.loads(conn.command("REPORT", "SUBMIT", MEETING, "5", EXEMPT_REPORT))
    json.loads(conn.command("REPORT", "SUBMIT", MEETING, "4", OSC_REPORT))
    pack = json.loads(conn.command("PACK", "BUILD", MEETING))
    if publish:
        pack = json.loads(conn.command("PACK", "PUBLISH", pack["id"], "reason=Demonstration of a late pack"))
    return pack


def part(pack, name, fmt):
    return next(p for p in pack["parts"] if p["part"] == name and p["format"] == fmt)


class Portal:
    """An HTTP client of the portal with its own cookies (one visitor)."""

    def __init__(self, daemon):
        self.base = daemon.http_url
        self.session = requests.Session()

    def get(self, path, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        return self.session.get(self.base + path, **kwargs)

    def post(self, path, data, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        kwargs.setdefault("timeout", 60)
        return self.session.post(self.base + path, data=data, **kwargs)

    def csrf(self, path="/signin"):
        page = self.get(path)
        match = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def sign_in(self, email, token):
        reply = self.post("/signin", {"csrf": self.csrf(), "email": email, "token": token, "next": "/"})
        assert reply.status_code == 303, reply.text
        return self
