"""Meeting packs end to end: submit, build, version, access, publish, download."""

import datetime
import hashlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import BIN, ROOT, ReplyError, wait_for_pdf

FIXTURES = Path(__file__).parent / "fixtures"
OSC_REPORT = (FIXTURES / "osc-performance-report.md").read_text()
EXEMPT_REPORT = (FIXTURES / "exempt-report.md").read_text()
MEETING = "OSC-2017-11-14"


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


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "pack.pdf"
    path.write_bytes(data.encode("latin-1") if isinstance(data, str) else data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def raw_get(daemon, *words, token=None):
    """PACK GET returns bytes: read them with a raw client that does not decode."""
    import socket
    sock = socket.create_connection(("127.0.0.1", daemon.port), timeout=120)
    def send(*args):
        parts = [f"*{len(args)}\r\n".encode()]
        for a in args:
            b = a.encode()
            parts.append(f"${len(b)}\r\n".encode() + b + b"\r\n")
        sock.sendall(b"".join(parts))
    buffer = b""
    def read_reply():
        nonlocal buffer
        while b"\r\n" not in buffer:
            buffer += sock.recv(65536)
        line, buffer = buffer.split(b"\r\n", 1)
        if line.startswith(b"-") or line.startswith(b"+"):
            return line.decode()
        length = int(line[1:])
        while len(buffer) < length + 2:
            buffer += sock.recv(65536)
        data, buffer = buffer[:length], buffer[length + 2:]
        return data
    if token:
        send("AUTH", *token)
        assert read_reply() == "+OK"
    send("PACK", "GET", *words)
    reply = read_reply()
    sock.close()
    return reply


def test_the_november_2017_scrutiny_pack_has_the_cover_report_scorecard_and_tracker(demo_daemon, tmp_path):
    conn = admin(demo_daemon)
    submitted = json.loads(conn.command("REPORT", "SUBMIT", MEETING, "4", OSC_REPORT))
    assert submitted["occurrence"] == "OSC/performance/2017-11"
    built = json.loads(conn.command("PACK", "BUILD", MEETING))
    assert built["id"] == f"{MEETING}-v1" and built["version"] == 1
    # The reply comes once the HTML is stored; the PDF is made after it.
    assert built["pdf"] == "pending" and {(p["part"], p["format"]) for p in built["parts"]} == {("public", "html")}
    early = raw_get(demo_daemon, built["id"], "pdf", token=("admin", demo_daemon.admin_token))
    assert early.startswith("-CONFLICT") and "still being made" in early, early
    pack = wait_for_pdf(conn, built)
    assert {(p["part"], p["format"]) for p in pack["parts"]} == {("public", "html"), ("public", "pdf")}
    assert next(p for p in pack["parts"] if p["format"] == "html") == built["parts"][0]
    for part in pack["parts"]:
        assert len(part["sha256"]) == 64 and part["size"] > 1000
    assert not any("not been submitted" in w for w in pack["warnings"])
    pdf = raw_get(demo_daemon, pack["id"], "pdf", token=("admin", demo_daemon.admin_token))
    assert pdf.startswith(b"%PDF")
    assert hashlib.sha256(pdf).hexdigest() == next(p["sha256"] for p in pack["parts"] if p["format"] == "pdf")
    text = pdf_text(pdf, tmp_path)
    assert "Bi-annual progress report, Children's Social Care performance" in text
    assert "Director of Social Care and Health" in text
    assert "Scorecard" in text or "scorecard" in text
    assert "1.1.1" in text, "the action tracker lists the plan's actions"
    # The scorecard shows what was known by 14 November 2017: the Q2 supervision audit (85%,
    # good), not the 2017/18 outturns that the annual report gave a year later.
    assert "85" in text and "Good" in text, "the scorecard judges the supervision audit as the seed does"
    assert "91.2" not in text, "a year's outturn is not in a pack for a meeting within that year"
    html = raw_get(demo_daemon, pack["id"], "html", token=("admin", demo_daemon.admin_token)).decode()
    assert '<html lang="en-GB"' in html and "<svg" in html and "http://" not in html.split("</head>")[0]


def test_a_report_missing_required_fields_is_refused_naming_them(demo_daemon):
    conn = admin(demo_daemon)
    reply = conn.command("REPORT", "SUBMIT", MEETING, "4", "---\nsubject: Only a subject\n---\nBody\n")
    assert reply.code == "BADINPUT"
    for field in ["report_of", "summary", "recommendations", "reasons", "contact_officer"]:
        assert field in reply
    assert conn.command("REPORT", "SUBMIT", MEETING, "1", OSC_REPORT).code == "BADARG", "apologies take no report"
    assert conn.command("REPORT", "SUBMIT", MEETING, "99", OSC_REPORT).code == "NOTFOUND"


def test_only_the_owner_or_secretary_submits_and_submission_stops_the_reminders(demo_daemon):
    stranger = user(demo_daemon, "someone.else@example.org", "lead")
    assert stranger.command("REPORT", "SUBMIT", MEETING, "4", OSC_REPORT).code == "NOPERM"
    conn = admin(demo_daemon)
    before = json.loads(conn.command("REMIND", "PREVIEW", "2017-11-01T08:00:00Z"))["notices"]
    assert any((n["report"] or {}).get("occurrence") == "OSC/performance/2017-11" for n in before)
    owner = user(demo_daemon, "head.childrens.social.care@example.org", "lead")
    assert json.loads(owner.command("REPORT", "SUBMIT", MEETING, "report:OSC/performance/2017-11", OSC_REPORT))["number"] == 4
    after = json.loads(conn.command("REMIND", "PREVIEW", "2017-11-01T08:00:00Z"))["notices"]
    assert not any((n["report"] or {}).get("occurrence") == "OSC/performance/2017-11" for n in after)
    meeting = json.loads(conn.command("MEETING", "GET", MEETING))
    assert next(i for i in meeting["items"] if i["number"] == 4)["submitted"] is True


def test_exempt_items_stay_out_of_part_one_and_reach_only_members(demo_daemon):
    conn = admin(demo_daemon)
    item = json.loads(conn.command("ITEM", "ADD", MEETING, "Placement commissioning contract", "exempt=3",
                                   "owner=commissioning@example.org"))
    assert item["exempt_paragraph"] == 3 and item["number"] == 5
    json.loads(conn.command("REPORT", "SUBMIT", MEETING, "5", EXEMPT_REPORT))
    json.loads(conn.command("REPORT", "SUBMIT", MEETING, "4", OSC_REPORT))
    pack = json.loads(conn.command("PACK", "BUILD", MEETING))
    assert {p["part"] for p in pack["parts"]} == {"public", "exempt"}
    assert any("private meeting" in w for w in pack["warnings"]), "no 28-day notice was given"
    public_html = raw_get(demo_daemon, pack["id"], "html", "public", token=("admin", demo_daemon.admin_token)).decode()
    exempt_html = raw_get(demo_daemon, pack["id"], "html", "exempt", token=("admin", demo_daemon.admin_token)).decode()
    assert "CONFIDENTIAL-MARKER-7731" not in public_html
    assert "Placement commissioning contract" in public_html and "paragraph 3" in public_html
    assert "CONFIDENTIAL-MARKER-7731" in exempt_html
    assert "An inspection took place in April 2016" in public_html
    assert "An inspection took place in April 2016" not in exempt_html, "Part II holds only the exempt items"
    # Before publication the public sees nothing; after it, Part I but never Part II.
    assert raw_get(demo_daemon, pack["id"], "pdf").startswith("-NOTFOUND")
    wait_for_pdf(conn, pack)
    assert json.loads(conn.command("PACK", "PUBLISH", pack["id"], "reason=Demonstration of a late pack"))["late"] is True
    assert raw_get(demo_daemon, pack["id"], "pdf").startswith(b"%PDF")
    assert raw_get(demo_daemon, pack["id"], "pdf", "exempt").startswith("-NOAUTH")
    lead = ("qa.lead@example.org", admin(demo_daemon).command("USER", "ADD", "qa.lead@example.org", "lead"))
    assert raw_get(demo_daemon, pack["id"], "pdf", "exempt", token=lead).startswith("-NOPERM")
    member = ("osc.member.1@example.org", admin(demo_daemon).command("USER", "ADD", "osc.member.1@example.org", "member", "board=OSC"))
    assert raw_get(demo_daemon, pack["id"], "pdf", "exempt", token=member).startswith(b"%PDF")
    other_board = ("cpb.member@example.org", admin(demo_daemon).command("USER", "ADD", "cpb.member@example.org", "member", "board=CPB"))
    assert raw_get(demo_daemon, pack["id"], "pdf", "exempt", token=other_board).startswith("-NOPERM")


def test_versions_are_immutable_and_list_what_changed(demo_daemon):
    conn = admin(demo_daemon)
    first = json.loads(conn.command("PACK", "BUILD", MEETING))
    assert any("not been submitted" in w for w in first["warnings"])
    json.loads(conn.command("REPORT", "SUBMIT", MEETING, "4", OSC_REPORT))
    json.loads(conn.command("ITEM", "ADD", MEETING, "Work programme 2017/18"))
    second = json.loads(conn.command("PACK", "BUILD", MEETING))
    assert second["version"] == 2
    assert any(c.startswith("4.") for c in second["changes"]["replaced"])
    assert any("Work programme" in c for c in second["changes"]["added"])
    third = json.loads(conn.command("PACK", "BUILD", MEETING))
    assert third["changes"] == {"added": [], "replaced": [], "removed": []}
    versions = json.loads(conn.command("PACK", "LIST", MEETING))
    assert [v["version"] for v in versions] == [1, 2, 3]
    assert [p for p in versions[0]["parts"] if p["format"] == "html"] == first["parts"], "an earlier version never changes"
    assert json.loads(demo_daemon.connect().command("PACK", "LIST", MEETING)) == [], "unpublished versions are the secretary's"


def test_publication_on_time_and_late(demo_daemon):
    conn = admin(demo_daemon)
    # Publishing waits for the PDF, made after the build's reply: minutes on a busy machine.
    conn.sock.settimeout(900)
    late = json.loads(conn.command("PACK", "BUILD", MEETING))
    refused = conn.command("PACK", "PUBLISH", late["id"])
    assert refused.code == "BADARG" and "2017-11-06" in refused
    published = json.loads(conn.command("PACK", "PUBLISH", late["id"], "reason=Urgent: special circumstances"))
    assert published["late"] is True and published["late_reason"] == "Urgent: special circumstances"
    assert published["publish_by"] == "2017-11-06"
    assert published["notified"] >= 1
    assert conn.command("PACK", "PUBLISH", late["id"], "reason=again").code == "CONFLICT"
    rows = json.loads(conn.command("OUTBOX", "LIST"))
    assert any(r["kind"] == "pack.published" for r in rows)
    future = (datetime.date.today() + datetime.timedelta(days=60)).isoformat()
    json.loads(conn.command("MEETING", "ADD", "OSC", future))
    on_time = json.loads(conn.command("PACK", "BUILD", f"OSC-{future}"))
    result = json.loads(conn.command("PACK", "PUBLISH", on_time["id"]))
    assert result["late"] is False and result["late_reason"] is None


def test_hostile_text_in_an_item_title_is_escaped(demo_daemon):
    conn = admin(demo_daemon)
    json.loads(conn.command("ITEM", "ADD", MEETING, '<script>alert("x")</script> & "quotes"'))
    pack = json.loads(conn.command("PACK", "BUILD", MEETING))
    html = raw_get(demo_daemon, pack["id"], "html", token=("admin", demo_daemon.admin_token)).decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_a_kill_while_the_pdf_is_made_leaves_no_partial_file_and_the_pdf_is_made_at_restart(make_daemon):
    daemon = make_daemon(args=["--demo-data", str(ROOT / "Demo")])
    conn = admin(daemon)
    json.loads(conn.command("REPORT", "SUBMIT", MEETING, "4", OSC_REPORT))
    first = wait_for_pdf(conn, json.loads(conn.command("PACK", "BUILD", MEETING)))
    json.loads(conn.command("ITEM", "ADD", MEETING, "A late item"))
    second = json.loads(conn.command("PACK", "BUILD", MEETING))
    assert second["version"] == 2 and second["pdf"] == "pending"
    time.sleep(1.0)  # weasyprint is rendering version 2
    listed = json.loads(conn.command("PACK", "LIST", MEETING))
    assert listed[-1]["pdf"] == "pending", "the PDF was made before the kill: the drill did not test a kill mid-way"
    daemon.process.send_signal(signal.SIGKILL)
    daemon.process.wait(timeout=10)
    restarted = make_daemon(data_dir=daemon.data_dir)
    conn = admin(restarted)
    versions = json.loads(conn.command("PACK", "LIST", MEETING))
    assert [v["id"] for v in versions] == [first["id"], second["id"]], "the replied build is kept"
    assert versions[0] == first, "a made version is untouched by the restart"
    # Start-up makes the interrupted PDF again from the stored HTML.
    versions[1] = wait_for_pdf(conn, second)
    assert {(p["part"], p["format"]) for p in versions[1]["parts"]} == {("public", "html"), ("public", "pdf")}
    checked = 0
    for version in versions:
        for part in version["parts"]:
            data = raw_get(restarted, version["id"], part["format"], part["part"], token=("admin", restarted.admin_token))
            assert hashlib.sha256(data).hexdigest() == part["sha256"] and len(data) == part["size"]
            if part["format"] == "pdf":
                assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
            checked += 1
    assert checked == 4
    files = list((daemon.data_dir / "packs").iterdir())
    assert len(files) >= checked
    for path in files:
        assert not path.name.endswith(".tmp"), "leftovers are removed at start-up"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == path.stem, "every file is whole"
    rebuilt = json.loads(conn.command("PACK", "BUILD", MEETING))
    assert rebuilt["version"] == 3


def test_the_cli_downloads_a_published_pack(demo_daemon, tmp_path):
    conn = admin(demo_daemon)
    json.loads(conn.command("REPORT", "SUBMIT", MEETING, "4", OSC_REPORT))
    pack = json.loads(conn.command("PACK", "BUILD", MEETING))
    json.loads(conn.command("PACK", "PUBLISH", pack["id"], "reason=Demonstration"))
    out = tmp_path / "pack.pdf"
    env = {"QUORUM_PORT": str(demo_daemon.port), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([str(BIN / "quorum"), "pack", "get", "OSC", "2017-11-14", "--format", "pdf", "-o", str(out)],
                            capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "Bi-annual progress report" in pdf_text(out.read_bytes(), tmp_path)


def test_the_annual_report_pack_of_december_2018_judges_the_years_outturns_as_the_seed_does(demo_daemon, tmp_path):
    conn = admin(demo_daemon)
    pack = wait_for_pdf(conn, json.loads(conn.command("PACK", "BUILD", "HWBB-2018-12-12")))
    pdf = raw_get(demo_daemon, pack["id"], "pdf", token=("admin", demo_daemon.admin_token))
    text = pdf_text(pdf, tmp_path)
    assert "91.2" in text and "Good" in text, "the scorecard judges care leavers' accommodation as the seed does"
