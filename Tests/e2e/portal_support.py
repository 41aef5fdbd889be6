"""Helpers for the portal tests: a daemon with a published Scrutiny pack, and signed-in HTTP clients."""

import json
import re
from pathlib import Path

import requests

from conftest import ROOT, Daemon, ReplyError, wait_for_pdf, write_config
from receivers import start_smtp

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


def publish_scrutiny_pack(daemon, exempt=True, publish=True, meeting=MEETING):
    """Builds a Scrutiny pack (by default 14 November 2017's, with an exempt item) and publishes it."""
    conn = admin_connection(daemon)
    # Rendering the PDFs takes minutes on a busy machine.
    conn.sock.settimeout(900)
    if exempt:
        item = json.loads(conn.command("ITEM", "ADD", meeting, "Placement commissioning contract", "exempt=3",
                                       "owner=commissioning@example.org"))
        json.loads(conn.command("REPORT", "SUBMIT", meeting, str(item["number"]), EXEMPT_REPORT))
    if meeting == MEETING:
        json.loads(conn.command("REPORT", "SUBMIT", meeting, "4", OSC_REPORT))
    pack = json.loads(conn.command("PACK", "BUILD", meeting))
    if publish:
        # Publishing waits for the PDF, which is made after the build's reply.
        pack = json.loads(conn.command("PACK", "PUBLISH", pack["id"], "reason=Demonstration of a late pack"))
    else:
        pack = wait_for_pdf(conn, pack)
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


# Who signs in, in the access-rule tests: (email, role, board).
PEOPLE = {
    "osc_member": ("osc.member.1@example.org", "member", "OSC"),
    "cpb_member": ("cpb.member@example.org", "member", "CPB"),
    "lscb_member": ("lscb.member@example.org", "member", "LSCB"),
    "lead": ("qa.lead@example.org", "lead", None),
    "osc_secretary": ("scrutiny.officer@example.org", "secretary", "OSC"),
    "hwbb_secretary": ("hwbb.officer@example.org", "secretary", "HWBB"),
}
DRAFT_MEETING = "OSC-2018-01-09"


class Published:
    """One daemon for a module's tests: the 14 November 2017 pack published with a Part II, the
    9 January 2018 pack built but not published, and a user for each access rule."""

    def __init__(self, tmp_path_factory):
        folder = tmp_path_factory.mktemp("portal")
        # A mail server, so that the portal offers emailed sign-in links.
        self.mailbox = start_smtp()
        smtp = (f'smtp: {{ url: "smtp://127.0.0.1:{self.mailbox.port}/quorum.test", from: "Quorum <quorum@example.org>", '
                'starttls: false }\n')
        self.daemon = Daemon(folder / "data", write_config(folder / "quorum.yaml", smtp), ROOT / "Boards",
                             ["--demo-data", str(ROOT / "Demo")]).start()
        self.pack = publish_scrutiny_pack(self.daemon)
        # An item with no report yet: the draft's build warns of it.
        json.loads(admin_connection(self.daemon).command("ITEM", "ADD", DRAFT_MEETING, "Work programme 2018/19"))
        self.draft = publish_scrutiny_pack(self.daemon, exempt=False, publish=False, meeting=DRAFT_MEETING)
        self.tokens = {key: add_user(self.daemon, email, role, board) for key, (email, role, board) in PEOPLE.items()}

    def stop(self):
        self.daemon.stop()
        self.mailbox.controller.stop()

    def portal(self, who=None):
        """A visitor's HTTP client: anonymous, `admin`, or signed in as one of PEOPLE."""
        portal = Portal(self.daemon)
        if who == "admin":
            return portal.sign_in("admin", self.daemon.admin_token)
        if who is not None:
            return portal.sign_in(PEOPLE[who][0], self.tokens[who])
        return portal


# The meeting's life around the packs: a Forward Plan, a private meeting's notice, minutes, decisions.
CABINET_MEETING = "CABINET-2018-12-06"
EXEMPT_PLAN_MARKER = "EXEMPT-PLAN-REPORT-4417"
UNPUBLISHED_PLAN_MARKER = "UNPUBLISHED-PLAN-ENTRY-2290"
EXEMPT_MINUTE_MARKER = "CONFIDENTIAL-MINUTE-5521"
EXEMPT_RESOLUTION_MARKER = "EXEMPT-BIDDER-3390"
EXEMPT_INTEREST_MARKER = "EXEMPT-INTEREST-7008"
UNPUBLISHED_DECISION_MARKER = "UNPUBLISHED-DECISION-8812"
PRIVATE_DECISION_MARKER = "PRIVATE-BOARD-DECISION-6160"
REPORT_OWNER = "head.childrens.social.care@example.org"


def record_meeting_life(daemon, approve=False):
    """Records, as an admin, what the meeting-life pages show (once per daemon): three Forward Plan
    entries (published, exempt, unpublished), Cabinet's 6 December 2018 meeting held partly in
    private with its first notice given, the minutes of Scrutiny's 14 November 2017 meeting with an
    exempt item and a resolution that requests a January report, and four executive decisions."""
    if getattr(daemon, "meeting_life", False):
        return
    daemon.meeting_life = True
    conn = admin_connection(daemon)

    def ok(*args):
        reply = conn.command(*args)
        assert not isinstance(reply, ReplyError), (args, reply)
        return json.loads(reply) if isinstance(reply, str) and reply[:1] in "[{" else reply

    ok("FORWARD", "ADD", "FP-2018-07", "CABINET", "Children's social care sufficiency strategy", f"meeting={CABINET_MEETING}",
       "report=Sufficiency strategy 2019-2022", f"owner={REPORT_OWNER}", "owner_role=Head of Children's Social Care",
       "published=2018-11-01")
    ok("FORWARD", "ADD", "FP-2018-12", "CABINET", "Residential care contract award", f"meeting={CABINET_MEETING}",
       f"report={EXEMPT_PLAN_MARKER}", "exempt=3", "published=2018-11-20")
    ok("FORWARD", "SET", "FP-2018-12", "chair_informed=2018-11-21", "exception_notice=2018-11-21")
    ok("FORWARD", "ADD", "FP-2019-01", "CABINET", UNPUBLISHED_PLAN_MARKER)
    ok("ITEM", "ADD", CABINET_MEETING, "Sufficiency strategy", "key=FP-2018-07")
    ok("ITEM", "ADD", CABINET_MEETING, "Placement contract award", "exempt=3")
    ok("NOTICE", "GIVE", CABINET_MEETING, "first", "2018-11-05", "Paragraph 3: the bidders' prices")

    for member, status in [("osc.chair@example.org", "present"), ("osc.vice.chair@example.org", "present"),
                           ("osc.member.1@example.org", "apologies")]:
        ok("ATTENDANCE", "RECORD", MEETING, member, status)
    ok("ATTENDANCE", "SUBSTITUTE", MEETING, "substitute.councillor@example.org", "osc.member.1@example.org",
       "role=Substitute Councillor")
    ok("INTEREST", "DECLARE", MEETING, "4", "osc.vice.chair@example.org", "other_registrable",
       "Governor of a school named in the report", "left=no")
    exempt = ok("ITEM", "ADD", MEETING, "Residential placement contract", "exempt=3")
    ok("INTEREST", "DECLARE", MEETING, str(exempt["number"]), "osc.chair@example.org", "disclosable_pecuniary",
       f"Director of {EXEMPT_INTEREST_MARKER}", "left=yes")
    ok("MINUTES", "RECORD", MEETING, "4", "The Committee considered the scorecard.", "resolutions=none")
    resolution = ok("RESOLUTION", "ADD", MEETING, "4", "That an update report be presented in January 2018", "for=5", "against=0")
    ok("RESOLUTION", "REPORT", resolution["id"], "OSC", "January 2018", REPORT_OWNER, "Update report on performance")
    ok("MINUTES", "RECORD", MEETING, str(exempt["number"]), f"The contract price was agreed at {EXEMPT_MINUTE_MARKER}.",
       "resolutions=none")
    ok("RESOLUTION", "ADD", MEETING, str(exempt["number"]), f"That the contract be awarded to {EXEMPT_RESOLUTION_MARKER}")
    if approve:
        ok("MINUTES", "APPROVE", DRAFT_MEETING)

    ok("DECISION", "RECORD", "CAB-2018-05-02-1", "CABINET", "2018-05-02", "Adopt the sufficiency strategy")
    ok("DECISION", "PUBLISH", "CAB-2018-05-02-1", "on=2018-05-04")
    ok("DECISION", "CALLIN", "CAB-2018-05-02-1", "Families were not consulted", "on=2018-05-08")
    ok("DECISION", "RECORD", "CAB-2018-05-18-1", "CABINET", "2018-05-18", "Emergency placement contract",
       "urgent=Placements are needed before the next Cabinet")
    ok("DECISION", "PUBLISH", "CAB-2018-05-18-1", "on=2018-05-18")
    ok("DECISION", "RECORD", "CAB-2018-06-01-1", "CABINET", "2018-06-01", UNPUBLISHED_DECISION_MARKER)
    ok("DECISION", "RECORD", "LSCB-2018-05-02-1", "LSCB", "2018-05-02", PRIVATE_DECISION_MARKER)
    ok("DECISION", "PUBLISH", "LSCB-2018-05-02-1", "on=2018-05-03")
    conn.close()
