"""Delivery end to end: quorumd against a real SMTP server and a real webhook receiver."""

import hashlib
import json
import signal
import sqlite3
import time

import pytest

from conftest import ROOT
from receivers import SECRET, Hooks, start_smtp

EVENTS = "[action.overdue, action.due, report.due, report.late, pack.published]"


@pytest.fixture
def mailbox():
    box = start_smtp()
    yield box
    box.controller.stop()


@pytest.fixture
def hooks():
    receiver = Hooks()
    yield receiver
    receiver.server.shutdown()


def config(mailbox, hooks, paths=("/ok",)):
    lines = [
        f'smtp: {{ url: "smtp://127.0.0.1:{mailbox.port}/quorum.test", from: "Quorum <quorum@example.org>", starttls: false }}',
        "webhooks:",
    ]
    for path in paths:
        lines.append(f'  - {{ url: "{hooks.url(path)}", secret: "{SECRET}", events: {EVENTS} }}')
    lines += ['reminders: { sweep_at: "off" }', "delivery: { retry_delays_seconds: [1, 1, 1], poll_seconds: 1 }"]
    return "\n".join(lines) + "\n"


def admin(daemon):
    conn = daemon.connect()
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    return conn


def wait_until(predicate, timeout=30.0, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def outbox(conn, status=None):
    return json.loads(conn.command("OUTBOX", "LIST", *([status] if status else [])))


def test_a_sweep_puts_one_readable_digest_per_lead_in_the_mailbox_and_signed_events_at_the_receiver(make_daemon, mailbox, hooks):
    daemon = make_daemon(config(mailbox, hooks), args=["--demo-data", str(ROOT / "Demo")])
    conn = admin(daemon)
    run = json.loads(conn.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
    emails = [n for n in run["notices"] if n["enqueued"]]
    assert wait_until(lambda: len(mailbox.messages) == len(emails)), (len(mailbox.messages), len(emails))
    assert wait_until(lambda: not outbox(conn, "pending") and not outbox(conn, "sending"))
    digests = [m for m in mailbox.messages if "action" in m["message"]["Subject"].lower()]
    leads = {n["to"]["email"] for n in emails if n["kind"] == "action.digest"}
    assert {m["message"]["To"].addresses[0].addr_spec for m in digests} == leads, "one digest per lead"
    for item in mailbox.messages:
        message = item["message"]
        for header in ["Date", "Message-ID", "From", "To", "Subject", "MIME-Version"]:
            assert message[header], header
        assert message.get_content_type() == "multipart/alternative"
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        assert text is not None and html is not None
        assert text.get_content_charset() == "utf-8" and html.get_content_charset() == "utf-8"
        assert b"\r\n" in item["raw"] and b"\n" not in item["raw"].replace(b"\r\n", b""), "CRLF line ends only"
        assert item["helo"] == "quorum.test"
    digest = next(n for n in emails if n["kind"] == "action.digest")
    received = next(m for m in digests if m["message"]["To"].addresses[0].addr_spec == digest["to"]["email"])
    body = received["message"].get_body(preferencelist=("plain",)).get_content()
    for action in digest["actions"]:
        assert action["ref"] in body
    assert "quorum action update" in body
    late = next(m for m in mailbox.messages if m["message"]["Subject"].lower().startswith("overdue report"))
    assert late["message"]["Cc"], "the late notice is copied to the secretary"
    events = hooks.on("/ok")
    assert events and all(e["verified"] for e in events)
    assert {json.loads(e["body"])["type"] for e in events} <= {"action.overdue", "action.due", "report.due", "report.late"}
    sent_before = len(mailbox.messages), len(events)
    again = json.loads(conn.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
    assert again["enqueued"] == 0
    time.sleep(3)
    assert (len(mailbox.messages), len(hooks.on("/ok"))) == sent_before, "a second run sends nothing more"
    assert len(set(mailbox.message_ids())) == len(mailbox.messages)


def test_failures_retry_with_backoff_and_permanent_ones_go_dead(make_daemon, mailbox, hooks):
    mailbox.reject.add("quality.assurance.manager@example.org")
    daemon = make_daemon(config(mailbox, hooks, paths=("/flaky", "/gone", "/later")), args=["--demo-data", str(ROOT / "Demo")])
    conn = admin(daemon)
    json.loads(conn.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
    assert wait_until(lambda: not outbox(conn, "pending") and not outbox(conn, "sending"), timeout=60)
    rows = outbox(conn)
    flaky = [r for r in rows if r["to"].endswith("/flaky")]
    assert flaky and all(r["status"] == "sent" and r["attempts"] == 3 for r in flaky)
    attempts = {}
    for request in hooks.on("/flaky"):
        attempts.setdefault(request["id"], []).append(request["at"])
    for times in attempts.values():
        assert len(times) == 3, "the same webhook-id on every attempt"
        assert times[1] - times[0] >= 0.8 and times[2] - times[1] >= 0.8, "backoff between attempts"
    gone = [r for r in rows if r["to"].endswith("/gone")]
    assert gone and all(r["status"] == "dead" for r in gone)
    assert any("410" in (r["last_error"] or "") for r in gone)
    assert len(hooks.on("/gone")) == 1, "a 410 disables the endpoint: nothing more is sent to it"
    later = [r for r in rows if r["to"].endswith("/later")]
    assert later and all(r["status"] == "sent" for r in later)
    for request in hooks.on("/later"):
        if request["attempt"] == 2:
            first = next(r for r in hooks.on("/later") if r["id"] == request["id"] and r["attempt"] == 1)
            assert request["at"] - first["at"] >= 1.8, "Retry-After: 2 is honoured over the 1-second schedule"
    rejected = [r for r in rows if r["channel"] == "email" and r["to"] == "quality.assurance.manager@example.org"]
    assert rejected and all(r["status"] == "dead" and r["attempts"] == 1 for r in rejected), "SMTP 550 is permanent"
    dead = rejected[0]
    assert conn.command("OUTBOX", "RETRY", str(dead["id"])) == "OK"
    assert wait_until(lambda: next(r for r in outbox(conn) if r["id"] == dead["id"])["status"] == "dead")


def test_a_kill_mid_delivery_loses_nothing_and_resends_only_what_was_in_flight(make_daemon, mailbox, hooks):
    mailbox.slow = 0.4
    daemon = make_daemon(config(mailbox, hooks), args=["--demo-data", str(ROOT / "Demo")])
    conn = admin(daemon)
    run = json.loads(conn.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
    expected = len([n for n in run["notices"] if n["enqueued"]])
    # Killed once a message is marked sent, so that the restart has something not to send again.
    assert wait_until(lambda: any(r["channel"] == "email" for r in outbox(conn, "sent")), interval=0.02)
    daemon.process.send_signal(signal.SIGKILL)
    daemon.process.wait(timeout=10)
    accepted_before_kill = set(mailbox.message_ids())
    posted_before_kill = {r["id"] for r in hooks.on("/ok")}
    assert len(accepted_before_kill) < expected, "the kill came mid-delivery"
    # What the dead daemon had recorded as sent, read from its database.
    with sqlite3.connect(daemon.data_dir / "quorum.sqlite") as db:
        marked_sent = {f"<quorum-{i}-{hashlib.sha256(k.encode()).hexdigest()[:12]}@quorum.example.org>"
                       for i, k in db.execute("SELECT id, key FROM outbox WHERE channel = 'email' AND status = 'sent'")}
        hooks_marked_sent = {f"msg_{hashlib.sha256(k.encode()).hexdigest()[:24]}"
                             for (k,) in db.execute("SELECT key FROM outbox WHERE channel = 'webhook' AND status = 'sent'")}
    assert marked_sent and marked_sent <= accepted_before_kill
    in_flight = accepted_before_kill - marked_sent
    hooks_in_flight = posted_before_kill - hooks_marked_sent
    # Delivery runs on two threads: only a few transfers can be accepted and not yet marked.
    assert len(in_flight) + len(hooks_in_flight) <= 4, (in_flight, hooks_in_flight)
    mailbox.slow = 0
    restarted = make_daemon(config(mailbox, hooks), data_dir=daemon.data_dir)
    conn = admin(restarted)
    assert wait_until(lambda: len(set(mailbox.message_ids())) >= expected and not outbox(conn, "pending")
                      and not outbox(conn, "sending"), timeout=60)
    ids = mailbox.message_ids()
    assert len(set(ids)) == expected, "every notice arrived"
    repeated = {i for i in ids if ids.count(i) > 1}
    assert all(ids.count(i) == 2 for i in repeated), "a repeat happens once at most"
    # At-least-once: only a message the server accepted just before the kill, before its row was
    # marked sent, may come again; anything marked sent is never sent twice.
    assert repeated <= in_flight, (repeated, in_flight)
    webhook_ids = [r["id"] for r in hooks.on("/ok")]
    assert webhook_ids, "the sweep sent events"
    repeated_hooks = {i for i in webhook_ids if webhook_ids.count(i) > 1}
    assert repeated_hooks <= hooks_in_flight, (repeated_hooks, hooks_in_flight)


def test_notify_test_sends_through_the_real_path(make_daemon, mailbox, hooks):
    daemon = make_daemon(config(mailbox, hooks))
    conn = admin(daemon)
    reply = conn.command("NOTIFY", "TEST", "email", "clerk@example.org")
    assert reply.startswith("sent to clerk@example.org")
    assert wait_until(lambda: len(mailbox.messages) == 1)
    assert mailbox.messages[0]["message"]["To"].addresses[0].addr_spec == "clerk@example.org"
    reply = conn.command("NOTIFY", "TEST", "webhook", hooks.url("/ok"))
    assert reply.startswith("delivered")
    assert hooks.on("/ok")[-1]["verified"]
    assert conn.command("NOTIFY", "TEST", "webhook", "http://127.0.0.1:1/nowhere").code == "ERR"


MEETING_EVENTS = ["report.returned", "report.approved", "forward_plan.published", "minutes.approved",
                  "decision.published", "decision.called_in"]


def test_the_meetings_events_reach_the_receiver_signed_once_each_and_only_where_subscribed(make_daemon, hooks):
    from test_before_meeting import OSC, OSC_ITEM, OSC_REPORT, OWNER, DIRECTOR, ok, user
    daemon = make_daemon(
        "webhooks:\n"
        f'  - {{ url: "{hooks.url("/all")}", secret: "{SECRET}", events: [{", ".join(MEETING_EVENTS)}] }}\n'
        f'  - {{ url: "{hooks.url("/approvals")}", secret: "{SECRET}", events: [report.approved] }}\n'
        'reminders: { sweep_at: "off" }\ndelivery: { retry_delays_seconds: [1, 1, 1], poll_seconds: 1 }\n',
        args=["--demo-data", str(ROOT / "Demo")])
    secretary = user(daemon, "scrutiny.secretary@example.org", "secretary", "OSC")
    cabinet = user(daemon, "cabinet.secretary@example.org", "secretary", "CABINET")
    owner = user(daemon, OWNER, "lead")
    finance = user(daemon, "corporate.resources@example.org", "finance")
    legal = user(daemon, "regulation.compliance@example.org", "legal")
    director = user(daemon, DIRECTOR, "lead")

    # Clearance: a return, then the way through to approval.
    ok(owner.command("REPORT", "SUBMIT", OSC, OSC_ITEM, OSC_REPORT))
    ok(owner.command("CLEARANCE", "SUBMIT", OSC, OSC_ITEM))
    ok(finance.command("CLEARANCE", "FINANCE", OSC, OSC_ITEM, "FD 4914/17", "Head of Corporate Resources"))
    ok(legal.command("CLEARANCE", "RETURN", OSC, OSC_ITEM, "Add the Q2 caseload figures"))
    ok(owner.command("CLEARANCE", "SUBMIT", OSC, OSC_ITEM))
    ok(finance.command("CLEARANCE", "FINANCE", OSC, OSC_ITEM, "FD 4914/17", "Head of Corporate Resources"))
    ok(legal.command("CLEARANCE", "LEGAL", OSC, OSC_ITEM, "LD 4108/17", "Head of Regulation and Compliance"))
    ok(director.command("CLEARANCE", "APPROVE", OSC, OSC_ITEM))
    # The Forward Plan: a published entry is announced; one not yet public is not.
    ok(cabinet.command("FORWARD", "ADD", "FP-2018-07", "CABINET", "Sufficiency strategy", "published=2018-11-01"))
    ok(cabinet.command("FORWARD", "ADD", "FP-2018-12", "CABINET", "Residential care contract"))
    # Minutes approved at the next meeting.
    ok(secretary.command("MINUTES", "RECORD", OSC, "4", "The Committee considered the scorecard."))
    ok(secretary.command("MINUTES", "APPROVE", "OSC-2018-01-09"))
    # A decision published and called in.
    ok(cabinet.command("DECISION", "RECORD", "CAB-2018-05-02-1", "CABINET", "2018-05-02", "Adopt the sufficiency strategy"))
    ok(cabinet.command("DECISION", "PUBLISH", "CAB-2018-05-02-1", "on=2018-05-04"))
    ok(secretary.command("DECISION", "CALLIN", "CAB-2018-05-02-1", "Families were not consulted", "on=2018-05-08"))

    assert wait_until(lambda: len(hooks.on("/all")) >= 6 and len(hooks.on("/approvals")) >= 1)
    time.sleep(2)  # anything extra would arrive now
    received = hooks.on("/all")
    assert all(r["verified"] for r in received + hooks.on("/approvals"))
    bodies = [json.loads(r["body"]) for r in received]
    assert sorted(b["type"] for b in bodies) == sorted(MEETING_EVENTS)
    assert len({r["id"] for r in received}) == 6, "one webhook-id per event"
    by_type = {b["type"]: b["data"] for b in bodies}
    assert by_type["report.returned"]["report"]["comment"] == "Add the Q2 caseload figures"
    assert by_type["report.returned"]["by"] == "regulation.compliance@example.org"
    assert by_type["report.approved"]["id"] == f"report.approved|{OSC}/{OSC_ITEM}|7"
    assert by_type["forward_plan.published"]["forward_plan"]["reference"] == "FP-2018-07"
    assert by_type["minutes.approved"]["minutes"] == {
        "meeting_id": OSC, "board_code": "OSC", "meeting_date": "2017-11-14", "approved_at": "OSC-2018-01-09"}
    assert by_type["decision.published"]["call_in_ends"] == "2018-05-14"
    assert by_type["decision.called_in"]["decision"]["call_in"]["reason"] == "Families were not consulted"
    approvals = [json.loads(r["body"])["type"] for r in hooks.on("/approvals")]
    assert approvals == ["report.approved"]
    rows = outbox(admin(daemon))
    assert sorted(r["kind"] for r in rows) == sorted(MEETING_EVENTS + ["report.approved"])
    assert all(r["status"] == "sent" for r in rows)
