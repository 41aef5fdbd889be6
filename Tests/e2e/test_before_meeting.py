"""Before the meeting, end to end over TCP: the Forward Plan, notices of a private meeting, and
report clearance from draft into a published pack, with the chase of a late step by email."""

import json
import re
import subprocess
import time
from pathlib import Path

import pytest
import redis

from conftest import ROOT, ReplyError
from receivers import start_smtp

OSC = "OSC-2017-11-14"
OSC_ITEM = "report:OSC/performance/2017-11"
CABINET = "CABINET-2018-12-06"
OSC_REPORT = (ROOT / "Demo" / "reports" / "OSC-2017-11-14.md").read_text().replace(
    "The Head of Corporate Resources (FD 4914/17) and Head of Regulation and Compliance (LD 4108/17) have been consulted",
    "Nobody has yet been consulted")
OWNER = "head.childrens.social.care@example.org"
DIRECTOR = "director.social.care.health@example.org"


def admin(daemon):
    conn = daemon.connect()
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    return conn


def user(daemon, email, role, board=None):
    token = admin(daemon).command("USER", "ADD", email, role, *([f"board={board}"] if board else []))
    assert not isinstance(token, ReplyError), token
    conn = daemon.connect()
    assert conn.command("AUTH", email, token) == "OK"
    return conn


def ok(reply):
    assert not isinstance(reply, ReplyError), reply
    return json.loads(reply)


def code(reply):
    assert isinstance(reply, ReplyError), reply
    return reply.code


def test_forward_plan_commands_keep_the_register_and_publish_it(demo_daemon):
    secretary = user(demo_daemon, "democratic.services@example.org", "secretary", "CABINET")
    other = user(demo_daemon, "scrutiny.secretary@example.org", "secretary", "OSC")
    public = demo_daemon.connect()
    added = ok(secretary.command(
        "FORWARD", "ADD", "FP-2018-07", "CABINET", "Children's social care sufficiency strategy", f"meeting={CABINET}",
        "report=Sufficiency strategy 2019-2022", f"owner={OWNER}", "owner_role=Head of Children's Social Care",
        "published=2018-11-01"))
    assert (added["route"], added["status"], added["forward_plan_due"], added["clear_days_given"]) == \
        ("forward_plan", "compliant", "2018-11-07", 34)
    assert code(public.command("FORWARD", "ADD", "FP-2018-08", "CABINET", "x")) == "NOAUTH"
    assert code(other.command("FORWARD", "ADD", "FP-2018-08", "CABINET", "x")) == "NOPERM"
    assert code(secretary.command("FORWARD", "ADD", "FP-2018-07", "CABINET", "again")) == "CONFLICT"
    assert code(secretary.command("FORWARD", "ADD", "FP-2018-08", "CABINET", "x", "published=1 Nov")) == "BADARG"
    assert code(secretary.command("FORWARD", "ADD", "FP-2018-08", "CABINET", "x", f"meeting={OSC}")) == "BADARG"
    assert code(secretary.command("FORWARD", "ADD", "FP-2018-08", "NOSUCH", "x")) == "NOTFOUND"

    # Late, and not yet published: only its secretary sees it, then the general exception is recorded.
    ok(secretary.command("FORWARD", "ADD", "FP-2018-12", "CABINET", "Residential care contract", f"meeting={CABINET}"))
    assert code(public.command("FORWARD", "GET", "FP-2018-12")) == "NOTFOUND"
    assert [e["reference"] for e in ok(public.command("FORWARD", "LIST"))] == ["FP-2018-07"]
    assert [e["reference"] for e in ok(secretary.command("FORWARD", "LIST", "CABINET"))] == ["FP-2018-07", "FP-2018-12"]
    assert code(other.command("FORWARD", "SET", "FP-2018-12", "published=2018-11-20")) == "NOPERM"
    late = ok(secretary.command("FORWARD", "SET", "FP-2018-12", "published=2018-11-20", "chair_informed=2018-11-21",
                                "exception_notice=2018-11-22", "exception_reasons=2018-11-22"))
    assert (late["route"], late["status"]) == ("general_exception", "compliant")
    assert code(secretary.command("FORWARD", "SET", "FP-2018-12", "urgency_on=2018-11-23")) == "BADARG"
    assert code(secretary.command("FORWARD", "SET", "FP-2018-12", "colour=red")) == "BADARG"
    at_meeting = ok(public.command("FORWARD", "GET", "FP-2018-12", "asof=2018-11-25"))
    assert [c["status"] for c in at_meeting["checks"]] == ["given", "given", "given"]

    # The item that carries the decision, and the cover it gives.
    item = ok(secretary.command("ITEM", "ADD", CABINET, "Sufficiency strategy", f"owner={OWNER}", "key=FP-2018-07"))
    assert item["key_decision"] is True
    assert code(secretary.command("ITEM", "ADD", CABINET, "Nothing", "key=FP-NONE")) == "BADARG"
    assert ok(public.command("FORWARD", "GET", "FP-2018-07"))["items"] == [f"{CABINET} {item['key']}"]
    assert code(other.command("FORWARD", "LINK", "FP-2018-12", CABINET, item["key"])) == "NOPERM"
    assert code(secretary.command("FORWARD", "LINK", "FP-2018-12", CABINET, item["key"])) == "CONFLICT"

    html = public.command("FORWARD", "DOCUMENT", "html")
    assert "Children&#39;s social care sufficiency strategy" in html or "Children's social care sufficiency strategy" in html
    assert "General exception (regulation 10)" in html
    assert code(public.command("FORWARD", "DOCUMENT", "docx")) == "BADARG"


def test_an_exempt_entry_is_listed_with_its_report_withheld_from_the_public(demo_daemon):
    secretary = user(demo_daemon, "democratic.services@example.org", "secretary", "CABINET")
    member = user(demo_daemon, "cabinet.member@example.org", "member", "CABINET")
    public = demo_daemon.connect()
    ok(secretary.command(
        "FORWARD", "ADD", "FP-2018-09", "CABINET", "Residential placements contract award", f"meeting={CABINET}",
        "report=Tender evaluation and bidder prices", f"owner={OWNER}", "owner_role=Head of Children's Social Care",
        "published=2018-11-01", "exempt=3"))
    for shown in [ok(public.command("FORWARD", "GET", "FP-2018-09")), ok(public.command("FORWARD", "LIST"))[0]]:
        assert (shown["title"], shown["decision_maker"], shown["meeting_date"], shown["exempt_paragraph"], shown["route"]) == \
            ("Residential placements contract award", "CABINET", "2018-12-06", 3, "forward_plan"), shown
        assert shown["report_withheld"] is True
        assert (shown["report_title"], shown["report_owner"], shown["report_owner_role"]) == (None, None, None), shown
    full = ok(member.command("FORWARD", "GET", "FP-2018-09"))
    assert full["report_withheld"] is False and full["report_title"] == "Tender evaluation and bidder prices"

    for asker in (public, secretary):
        html = asker.command("FORWARD", "DOCUMENT", "html")
        assert "Residential placements contract award" in html
        assert "Withheld: Exempt information: Schedule 12A paragraph 3" in html
        assert "bidder prices" not in html and OWNER not in html


def test_forward_document_is_a_pdf(demo_daemon):
    secretary = user(demo_daemon, "democratic.services@example.org", "secretary", "CABINET")
    ok(secretary.command("FORWARD", "ADD", "FP-2018-07", "CABINET", "Sufficiency strategy", "published=2018-11-01"))
    import redis
    raw = redis.Redis(port=demo_daemon.port).execute_command("FORWARD", "DOCUMENT", "pdf")
    assert raw[:5] == b"%PDF-"


def test_private_meeting_notices_are_recorded_and_checked(demo_daemon):
    secretary = user(demo_daemon, "democratic.services@example.org", "secretary", "CABINET")
    member = user(demo_daemon, "deputy.leader@example.org", "member", "CABINET")
    public = demo_daemon.connect()
    ok(secretary.command("ITEM", "ADD", CABINET, "Placement contract award", "exempt=3"))
    before = ok(secretary.command("NOTICE", "LIST", CABINET, "asof=2018-11-10"))
    assert before["required"] and [(c["due"], c["status"]) for c in before["checks"]] == \
        [("2018-11-07", "missing"), ("2018-11-30", "due")]
    assert code(public.command("NOTICE", "LIST", CABINET)) == "NOAUTH"
    assert code(member.command("NOTICE", "LIST", CABINET)) == "NOPERM"
    assert code(member.command("NOTICE", "GIVE", CABINET, "first", "2018-11-05", "Paragraph 3")) == "NOPERM"
    assert code(secretary.command("NOTICE", "GIVE", CABINET, "third", "2018-11-05", "Paragraph 3")) == "BADARG"
    assert code(secretary.command("NOTICE", "GIVE", CABINET, "first", "5/11/2018", "Paragraph 3")) == "BADARG"
    assert code(secretary.command("NOTICE", "GIVE", CABINET, "first", "2018-12-07", "Paragraph 3")) == "BADARG"
    assert code(secretary.command("NOTICE", "GIVE", "CABINET-2018-12-07", "first", "2018-11-05", "x")) == "NOTFOUND"
    ok(secretary.command("NOTICE", "GIVE", CABINET, "first", "2018-11-05", "Paragraph 3: the bidders' prices"))
    second = ok(secretary.command(
        "NOTICE", "GIVE", CABINET, "second", "2018-11-29", "Paragraph 3", "representation=A resident asks for it in public",
        "representation=So does a councillor"))
    assert second["second"]["representations"] == ["A resident asks for it in public", "So does a councillor"]
    assert second["checks"][1]["problems"] == ["2 representations received but no response stated"]
    readiness = ok(secretary.command("MEETING", "READINESS", CABINET, "asof=2018-11-30"))
    assert any(w.startswith("private meeting: publish the further notice") for w in readiness["warnings"])
    answered = ok(secretary.command(
        "NOTICE", "GIVE", CABINET, "second", "2018-11-29", "Paragraph 3", "representation=A resident asks for it in public",
        "response=The prices are commercially sensitive until the award"))
    assert not any(c["warning"] for c in answered["checks"])
    urgency = ok(secretary.command("NOTICE", "URGENCY", CABINET, "Chair of the Overview and Scrutiny Committee", "2018-11-28"))
    assert urgency["urgency"]["agreed_by"] == "Chair of the Overview and Scrutiny Committee"
    assert code(secretary.command("NOTICE", "URGENCY", CABINET, "Chair", "2018-12-09")) == "BADARG"


def test_the_scrutiny_report_goes_through_clearance_into_a_published_pack(demo_daemon):
    secretary = user(demo_daemon, "scrutiny.secretary@example.org", "secretary", "OSC")
    owner = user(demo_daemon, OWNER, "lead")
    finance = user(demo_daemon, "corporate.resources@example.org", "finance")
    legal = user(demo_daemon, "regulation.compliance@example.org", "legal")
    director = user(demo_daemon, DIRECTOR, "lead")
    lead = user(demo_daemon, "quality.assurance.manager@example.org", "lead")
    public = demo_daemon.connect()
    root = admin(demo_daemon)

    assert code(owner.command("CLEARANCE", "SUBMIT", OSC, OSC_ITEM)) == "BADARG", "no text yet"
    ok(owner.command("REPORT", "SUBMIT", OSC, OSC_ITEM, OSC_REPORT))
    assert ok(secretary.command("CLEARANCE", "GET", OSC, OSC_ITEM))["stage"] == "draft"
    assert code(public.command("CLEARANCE", "GET", OSC, OSC_ITEM)) == "NOAUTH"
    assert code(secretary.command("CLEARANCE", "GET", "OSC-2017-11-15", OSC_ITEM)) == "NOTFOUND"
    assert code(root.command("CLEARANCE", "SUBMIT", OSC, OSC_ITEM)) == "NOPERM", "not even an admin submits for the owner"
    assert code(public.command("CLEARANCE", "SUBMIT", OSC, OSC_ITEM)) == "NOAUTH"
    assert ok(owner.command("CLEARANCE", "SUBMIT", OSC, OSC_ITEM))["stage"] == "submitted"
    assert code(owner.command("REPORT", "SUBMIT", OSC, OSC_ITEM, OSC_REPORT)) == "CONFLICT", "a text in clearance is fixed"

    assert code(lead.command("CLEARANCE", "FINANCE", OSC, OSC_ITEM, "FD 4914/17", "Head of Corporate Resources")) == "NOPERM"
    assert code(legal.command("CLEARANCE", "FINANCE", OSC, OSC_ITEM, "FD 4914/17", "Head of Corporate Resources")) == "NOPERM"
    assert code(legal.command("CLEARANCE", "LEGAL", OSC, OSC_ITEM, "LD 4108/17", "Head of Regulation and Compliance")) == "CONFLICT"
    assert code(finance.command("CLEARANCE", "FINANCE", OSC, OSC_ITEM, "4914/17", "Head of Corporate Resources")) == "BADARG"
    assert code(finance.command("CLEARANCE", "FINANCE", OSC, OSC_ITEM, "FD 4914/17")) == "ERR", "wrong arity"
    ok(finance.command("CLEARANCE", "FINANCE", OSC, OSC_ITEM, "FD 4914/17", "Head of Corporate Resources"))
    assert code(owner.command("CLEARANCE", "RETURN", OSC, OSC_ITEM, "not mine to return")) == "NOPERM"
    returned = ok(legal.command("CLEARANCE", "RETURN", OSC, OSC_ITEM, "Add the Q2 caseload figures"))
    assert returned["stage"] == "draft" and returned["finance"] is None
    assert returned["return_comment"] == "Add the Q2 caseload figures"

    ok(owner.command("REPORT", "SUBMIT", OSC, OSC_ITEM, OSC_REPORT))
    ok(owner.command("CLEARANCE", "SUBMIT", OSC, OSC_ITEM))
    ok(finance.command("CLEARANCE", "FINANCE", OSC, OSC_ITEM, "FD 4914/17", "Head of Corporate Resources"))
    ok(legal.command("CLEARANCE", "LEGAL", OSC, OSC_ITEM, "LD 4108/17", "Head of Regulation and Compliance"))
    assert code(owner.command("CLEARANCE", "APPROVE", OSC, OSC_ITEM)) == "NOPERM"
    approved = ok(director.command("CLEARANCE", "APPROVE", OSC, OSC_ITEM))
    assert approved["stage"] == "approved" and approved["report_of"] == DIRECTOR
    assert [e["step"] for e in approved["history"]] == \
        ["submit", "clear_finance", "return", "submit", "clear_finance", "clear_legal", "approve"]

    assert code(owner.command("MEETING", "READINESS", OSC)) == "NOPERM"
    dashboard = ok(secretary.command("MEETING", "READINESS", OSC))
    assert [r["stage"] for r in dashboard["reports"]] == ["approved"] and dashboard["unapproved"] == []

    pack = ok(secretary.command("PACK", "BUILD", OSC))
    assert not any("not yet approved" in w for w in pack["warnings"])
    html = secretary.command("PACK", "GET", pack["id"], "html")
    assert ("The Head of Corporate Resources (FD 4914/17) and the Head of Regulation and Compliance (LD 4108/17) "
            "have been consulted and any comments have been incorporated into the report.") in html
    assert "Nobody has yet been consulted" not in html
    # Built is not yet published: the report stays approved, and could still be sent back.
    assert ok(secretary.command("CLEARANCE", "GET", OSC, OSC_ITEM))["stage"] == "approved"
    # Today is long after 2017's deadline: a reason is needed for lateness, and recorded.
    published = ok(secretary.command("PACK", "PUBLISH", pack["id"], "reason=Demonstration of a past meeting"))
    assert published["published_at"] and published["late_reason"] == "Demonstration of a past meeting"
    assert published["unapproved_reason"] is None and published["unapproved_reports"] == []
    assert ok(secretary.command("CLEARANCE", "GET", OSC, OSC_ITEM))["stage"] == "in_pack"
    assert "have been consulted" in public.command("PACK", "GET", OSC, "html")


def test_an_unapproved_report_warns_and_needs_a_reason_to_publish(demo_daemon):
    secretary = user(demo_daemon, "scrutiny.secretary@example.org", "secretary", "OSC")
    owner = user(demo_daemon, OWNER, "lead")
    ok(owner.command("REPORT", "SUBMIT", OSC, OSC_ITEM, OSC_REPORT))
    pack = ok(secretary.command("PACK", "BUILD", OSC))
    # Past its deadlines, the warning says which step is late and whom to chase.
    assert any(w.startswith("Bi-annual progress report") and "submit the report for clearance is late" in w
               for w in pack["warnings"]), pack["warnings"]
    refused = secretary.command("PACK", "PUBLISH", pack["id"])
    assert code(refused) == "BADARG"
    # The meeting is past, so lateness needs a reason too: the refusal names the unapproved report itself.
    unapproved = next(e for e in ok(secretary.command("MEETING", "GET", OSC))["items"] if e["key"] == OSC_ITEM)
    assert f"reports not yet approved ({unapproved['number']}. {unapproved['title']})" in str(refused), str(refused)
    published = ok(secretary.command("PACK", "PUBLISH", pack["id"], "reason=Clearance is in hand; the chair agreed"))
    assert published["unapproved_reason"] == "Clearance is in hand; the chair agreed"
    assert published["unapproved_reports"] == [f"{unapproved['number']}. {unapproved['title']}"]
    assert published["late"] is True and published["late_reason"] == "Clearance is in hand; the chair agreed"


@pytest.fixture
def mailbox():
    box = start_smtp()
    yield box
    box.controller.stop()


def test_the_late_steps_holder_is_chased_by_email_once(make_daemon, mailbox):
    daemon = make_daemon(
        f'smtp: {{ url: "smtp://127.0.0.1:{mailbox.port}", from: "Quorum <quorum@example.org>", starttls: false }}\n'
        'reminders: { sweep_at: "off" }\ndelivery: { retry_delays_seconds: [1, 1, 1], poll_seconds: 1 }\n',
        args=["--demo-data", str(ROOT / "Demo")])
    owner = user(daemon, OWNER, "lead")
    user(daemon, "corporate.resources@example.org", "finance")
    ok(owner.command("REPORT", "SUBMIT", OSC, OSC_ITEM, OSC_REPORT))
    ok(owner.command("CLEARANCE", "SUBMIT", OSC, OSC_ITEM))
    root = admin(daemon)

    def chases():
        return [m for m in mailbox.messages if m["message"]["Subject"].startswith("Report clearance late")]

    def run(instant):
        return [n for n in ok(root.command("REMIND", "RUN", instant))["notices"] if n["kind"] == "clearance.late"]

    # Finance clearance is due Wednesday 1 November 2017: not late that day.
    assert run("2017-11-01T08:00:00Z") == []
    first = run("2017-11-02T08:00:00Z")
    assert [(n["to"]["email"], n["enqueued"]) for n in first] == [("corporate.resources@example.org", True)]
    deadline = time.monotonic() + 30
    while not chases() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(chases()) == 1
    message = chases()[0]["message"]
    assert message["To"].addresses[0].addr_spec == "corporate.resources@example.org"
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "clear the report for finance" in body and "Wednesday 1 November 2017" in body
    assert f"quorum clearance get {OSC} {OSC_ITEM}" in body
    # The same sweep again, and the next day's: nothing new for that step.
    assert [n["enqueued"] for n in run("2017-11-02T08:00:00Z")] == [False]
    assert [n["enqueued"] for n in run("2017-11-03T08:00:00Z")] == [False]
    time.sleep(3)
    assert len(chases()) == 1


def test_make_runs_demo_builds_complete_packs_for_both_seed_meetings(make_daemon):
    daemon = make_daemon(args=["--demo-data", str(ROOT / "Demo"), "--demo-reports"])
    secretary = user(daemon, "scrutiny.secretary@example.org", "secretary", "OSC")
    for meeting, item, consulted in [
        (OSC, OSC_ITEM, "The Head of Corporate Resources (FD 4914/17) and the Head of Regulation and Compliance (LD 4108/17) have been consulted"),
        ("HWBB-2018-12-12", "report:HWBB/annual_report/2018-12",
         "The Head of Corporate Resources (FD.5470/18) and the Chief Legal and Democratic Officer (LD.4595/18) have been consulted"),
    ]:
        record = ok(secretary.command("CLEARANCE", "GET", meeting, item))
        assert record["stage"] == "approved", record
        assert [e["step"] for e in record["history"]] == ["submit", "clear_finance", "clear_legal", "approve"]
        pack = ok(admin(daemon).command("PACK", "BUILD", meeting))
        assert not any(item_word in w for w in pack["warnings"] for item_word in ("not been submitted", "not yet approved")), \
            pack["warnings"]
        assert consulted in admin(daemon).command("PACK", "GET", pack["id"], "html")
    # The demo Scrutiny meeting has a Part II item, cleared like the others, its private-meeting
    # notices given in time: its pack has an exempt part and no notice warning.
    exempt = next(e for e in ok(secretary.command("MEETING", "GET", OSC))["items"] if e["exempt_paragraph"])
    assert exempt["exempt_paragraph"] == 3 and exempt["owner"] == "service.manager.cla@example.org", exempt
    record = ok(secretary.command("CLEARANCE", "GET", OSC, exempt["key"]))
    # Approved: the pack built above is not published, so the report is not yet in a pack for good.
    assert record["stage"] == "approved", record
    assert [e["step"] for e in record["history"]][:4] == ["submit", "clear_finance", "clear_legal", "approve"]
    notices = ok(secretary.command("NOTICE", "LIST", OSC))
    assert [(c["given"], c["status"], c["warning"]) for c in notices["checks"]] == [
        ("2017-10-13", "given", False), ("2017-11-06", "given", False)], notices
    pack = ok(admin(daemon).command("PACK", "BUILD", OSC))
    assert {(p["part"], p["format"]) for p in pack["parts"]} >= {("public", "html"), ("exempt", "html")}, pack["parts"]
    assert not any("notice" in w for w in pack["warnings"]), pack["warnings"]
    part_two = admin(daemon).command("PACK", "GET", pack["id"], "html", "exempt")
    assert "External residential placements" in part_two and "(FD 4921/17)" in part_two


def test_make_runs_demo_publishes_both_seed_packs_for_the_public_to_read(make_daemon):
    daemon = make_daemon(args=["--demo-data", str(ROOT / "Demo"), "--demo-reports", "--demo-publish"])
    public = daemon.connect()
    deadline = time.monotonic() + 600
    for meeting, phrase in [(OSC, "have been consulted"), ("HWBB-2018-12-12", "(FD.5470/18)")]:
        # Published by the daemon once it runs: each waits for its PDF.
        while not json.loads(public.command("PACK", "LIST", meeting)):
            assert time.monotonic() < deadline, f"{meeting}'s demo pack was not published"
            time.sleep(0.5)
        (version,) = json.loads(public.command("PACK", "LIST", meeting))
        assert version["late"] is True and version["pdf"] == "ready", version
        assert phrase in public.command("PACK", "GET", meeting, "html", "public")
    # The PDF is tagged for screen readers: quorumd runs WeasyPrint's PDF/UA-1 variant by default.
    pdf = redis.Redis(port=daemon.port).execute_command("PACK", "GET", OSC, "pdf", "public")
    assert pdf.startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    # Scrutiny's Part II is published with the pack: its members read it, the public cannot.
    assert code(public.command("PACK", "GET", OSC, "html", "exempt")) in ("NOPERM", "NOAUTH")
    member = user(daemon, "osc.member.1@example.org", "member", "OSC")
    assert "External residential placements" in member.command("PACK", "GET", OSC, "html", "exempt")
    public.close()
