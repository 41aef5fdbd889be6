"""Fault drills: quorumd killed with SIGKILL at random moments, then restarted on the same data.

Short form in `make test` (a few rounds); `make faults` runs the long form
(QUORUM_FAULT_ROUNDS=50). Each drill checks what the reliability contract promises:
every enqueued notice arrives, none twice (by Message-ID at the SMTP server and webhook-id at
the receiver) unless a kill fell between the peer's acceptance and the outbox marking the
row sent, in which case the repeat carries the same id; no partial pack; no half import;
SQLite's integrity check passes."""

import collections
import hashlib
import json
import os
import random
import signal
import socket
import sqlite3
import threading
import time

import pytest

from conftest import ROOT, Connection, wait_for_pdf
from receivers import SECRET, Hooks, Mailbox
from aiosmtpd.controller import Controller

ROUNDS = int(os.environ.get("QUORUM_FAULT_ROUNDS", "3"))
SEED = int(os.environ.get("QUORUM_FAULT_SEED", str(int(time.time()))))
# quorumd's default domain for Message-IDs (delivery.host_name).
HOST_NAME = "quorum.example.org"
EVENTS = "[action.overdue, action.due, report.due, report.late, pack.published]"
MEETING = "OSC-2017-11-14"


class TimedMailbox(Mailbox):
    """The shared mailbox, with each message's arrival time."""

    async def handle_DATA(self, server, session, envelope):
        reply = await super().handle_DATA(server, session, envelope)
        with self.lock:
            self.messages[-1]["at"] = time.time()
        return reply


def start_mailbox(port=None):
    from receivers import free_port
    box = TimedMailbox()
    box.port = port or free_port()
    box.controller = Controller(box, hostname="127.0.0.1", port=box.port)
    box.controller.start()
    return box


@pytest.fixture
def rng():
    print(f"fault drill seed {SEED} (QUORUM_FAULT_SEED={SEED} repeats it)")
    return random.Random(SEED)


@pytest.fixture
def hooks():
    receiver = Hooks()
    yield receiver
    receiver.server.shutdown()


def delivery_config(smtp_port, hooks, retry="[1, 1, 1, 1, 1]"):
    return (
        f'smtp: {{ url: "smtp://127.0.0.1:{smtp_port}/quorum.test", from: "Quorum <quorum@example.org>", starttls: false }}\n'
        "webhooks:\n"
        f'  - {{ url: "{hooks.url("/ok")}", secret: "{SECRET}", events: {EVENTS} }}\n'
        'reminders: { sweep_at: "off" }\n'
        f"delivery: {{ retry_delays_seconds: {retry}, poll_seconds: 1 }}\n"
    )


def admin(daemon):
    conn = daemon.connect()
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    return conn


def wait_until(predicate, timeout=60.0, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return predicate()


def outbox(conn, status=None):
    return json.loads(conn.command("OUTBOX", "LIST", *([status] if status else [])))


def settled(conn):
    return not outbox(conn, "pending") and not outbox(conn, "sending")


def send_without_waiting(daemon, *words):
    """Sends a command and leaves its reply unread: the kill comes while it runs."""
    sock = socket.create_connection(("127.0.0.1", daemon.port), timeout=30)
    sock.sendall(encode(*words))
    return sock


def encode(*words):
    parts = [f"*{len(words)}\r\n".encode()]
    for word in words:
        data = word if isinstance(word, bytes) else str(word).encode()
        parts.append(f"${len(data)}\r\n".encode() + data + b"\r\n")
    return b"".join(parts)


def kill(daemon):
    """SIGKILL; returns when the signal was sent."""
    at = time.time()
    daemon.process.send_signal(signal.SIGKILL)
    daemon.process.wait(timeout=10)
    return at


def integrity(data_dir):
    with sqlite3.connect(data_dir / "quorum.sqlite") as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def check_once(rows, mailbox, hooks, kills):
    """Every email row arrived by its Message-ID, every webhook row by its webhook-id; a repeat
    only where a kill followed the first acceptance closely (at-least-once), with the same id."""
    emails = {f"<quorum-{r['id']}-{sha(r['key'])[:12]}@{HOST_NAME}>": r for r in rows if r["channel"] == "email"}
    events = {f"msg_{sha(r['key'])[:24]}": r for r in rows if r["channel"] == "webhook"}
    assert emails and events, "the drill enqueued both kinds"
    with mailbox.lock:
        arrived = collections.defaultdict(list)
        for m in mailbox.messages:
            arrived[m["message"]["Message-ID"]].append(m["at"])
    with hooks.lock:
        posted = collections.defaultdict(list)
        for r in hooks.requests:
            posted[r["id"]].append(r["at"])
    assert set(arrived) == set(emails), (
        f"missing {sorted(set(emails) - set(arrived))[:5]}, unknown {sorted(set(arrived) - set(emails))[:5]}")
    assert set(posted) == set(events), (
        f"missing {sorted(set(events) - set(posted))[:5]}, unknown {sorted(set(posted) - set(events))[:5]}")
    repeats = []
    for name, seen in [("Message-ID", arrived), ("webhook-id", posted)]:
        for key, times in seen.items():
            ordered = sorted(times)
            for first, again in zip(ordered, ordered[1:]):
                # At-least-once: the peer accepted, then a kill came before the row was marked sent,
                # and the restarted daemon sent it again. Without a kill in between, it is a bug.
                # The receiver stamps a message when its handler runs, which can be just after the
                # sender died with the message already handed over: half a second of slack.
                assert any(first - 0.5 <= k <= again for k in kills), (
                    f"{name} {key} arrived at {first:.3f} and again at {again:.3f} with no kill between "
                    f"(kills: {[round(k, 3) for k in kills if first - 5 <= k <= again + 5]})")
                repeats.append(key)
    return repeats


def test_kills_during_sweeps_and_deliveries_lose_no_notice_and_send_none_twice(make_daemon, hooks, rng):
    mailbox = start_mailbox()
    mailbox.slow = 0.02  # each message takes a moment: kills land mid-delivery
    try:
        config = delivery_config(mailbox.port, hooks)
        daemon = make_daemon(config, args=["--demo-data", str(ROOT / "Demo")])
        data_dir = daemon.data_dir
        kills = []
        for round_ in range(ROUNDS):
            # A weekly sweep: still-overdue actions are notified again after 7 days, reports fall due.
            instant = time.strftime("%Y-%m-%dT08:00:00Z", time.gmtime(1506844800 + round_ * 7 * 86400))
            sock = send_without_waiting(daemon, "AUTH", "admin", daemon.admin_token)
            sock.sendall(encode("REMIND", "RUN", instant))
            time.sleep(rng.uniform(0.0, 1.5))
            kills.append(kill(daemon))
            sock.close()
            daemon = make_daemon(config, data_dir=data_dir)
        conn = admin(daemon)
        # The last sweep once more, uninterrupted: a sweep that was cut short is repeated safely.
        json.loads(conn.command("REMIND", "RUN", instant))
        mailbox.slow = 0
        assert wait_until(lambda: settled(conn), timeout=120), "the outbox drains after the last restart"
        conn.close()
        daemon.stop()
        assert integrity(data_dir) == "ok"
        # Every row, read from the database itself (OUTBOX LIST shows the newest 500).
        with sqlite3.connect(data_dir / "quorum.sqlite") as db:
            rows = [{"id": i, "key": k, "channel": c, "status": s}
                    for i, k, c, s in db.execute("SELECT id, key, channel, status FROM outbox")]
        assert all(r["status"] == "sent" for r in rows), [r for r in rows if r["status"] != "sent"][:3]
        keys = [r["key"] for r in rows]
        assert len(keys) == len(set(keys)), "each reminder is enqueued once, whatever the kills"
        repeats = check_once(rows, mailbox, hooks, kills)
        print(f"{ROUNDS} kills, {len(rows)} notices, {len(repeats)} repeated after a kill that followed acceptance")
    finally:
        mailbox.controller.stop()


def test_a_kill_during_pack_builds_leaves_no_partial_pack(make_daemon, rng, tmp_path):
    daemon = make_daemon(args=["--demo-data", str(ROOT / "Demo")])
    data_dir = daemon.data_dir
    # The reply comes once the HTML is stored; the PDF takes seconds after it: kills land in the
    # HTML, the store, or the PDF (of this build, or one a restart is making again).
    for _ in range(max(1, ROUNDS // 5)):
        sock = send_without_waiting(daemon, "AUTH", "admin", daemon.admin_token)
        sock.sendall(encode("PACK", "BUILD", MEETING))
        time.sleep(rng.uniform(0.0, 8.0))
        kill(daemon)
        sock.close()
        daemon = make_daemon(data_dir=data_dir)
    conn = admin(daemon)
    conn.sock.settimeout(300)
    built = json.loads(conn.command("PACK", "BUILD", MEETING))
    packs = json.loads(conn.command("PACK", "LIST", MEETING))
    assert [p["version"] for p in packs] == list(range(1, len(packs) + 1)) and packs[-1]["id"] == built["id"]
    # Every PDF a kill interrupted is made again after the restart.
    packs = [wait_for_pdf(conn, pack) for pack in packs]
    for pack in packs:
        assert {(p["part"], p["format"]) for p in pack["parts"]} >= {("public", "html"), ("public", "pdf")}, pack
        for part in pack["parts"]:
            data = raw_get(daemon, pack["id"], part["format"], part["part"])
            assert hashlib.sha256(data).hexdigest() == part["sha256"] and len(data) == part["size"]
            if part["format"] == "pdf":
                assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    files = list((data_dir / "packs").iterdir())
    assert not [f for f in files if f.name.endswith(".tmp")], "a restart removes what a killed build left"
    for f in files:
        assert hashlib.sha256(f.read_bytes()).hexdigest() == f.name.split(".")[0], f"{f.name} is partial"
    daemon.stop()
    assert integrity(data_dir) == "ok"


def raw_get(daemon, pack_id, fmt, part):
    conn = admin(daemon)
    conn.sock.sendall(encode("PACK", "GET", pack_id, fmt, part))
    while b"\r\n" not in conn.buffer:
        conn._fill()
    line, conn.buffer = conn.buffer.split(b"\r\n", 1)
    assert line.startswith(b"$"), line
    length = int(line[1:])
    while len(conn.buffer) < length + 2:
        conn._fill()
    data = conn.buffer[:length]
    conn.close()
    return data


def generated_plan(recommendations, per_recommendation):
    """A priority of its own (9) with many recommendations: action numbers have at most three digits."""
    recs = "id,priority,priority_title,title,ambition\n" + "".join(
        f"9.{r},9,Generated priority,Generated recommendation {r},\n" for r in range(1, recommendations + 1))
    header = "ref,recommendation,action,review_date,lead_name,lead_email,status,update,updated_on\n"
    rows = [f"9.{r}.{n},9.{r},Generated action {r}.{n},Oct 2017,Lead {n % 50},lead{n % 50}@example.org,open,Note {n},2017-09-15\n"
            for r in range(1, recommendations + 1) for n in range(1, per_recommendation + 1)]
    return recs, header + "".join(rows)


def test_a_kill_during_an_import_leaves_all_or_nothing(make_daemon, rng):
    config = "limits: { max_bulk_bytes: 67108864 }\n"
    daemon = make_daemon(config, args=["--demo-data", str(ROOT / "Demo")])
    data_dir = daemon.data_dir
    recs, text = generated_plan(20, 999)
    count = 20 * 999
    conn = admin(daemon)
    assert json.loads(conn.command("IMPORT", "recommendations", recs))["rows"] == 20
    before = len(json.loads(conn.command("ACTION", "LIST")))
    conn.close()
    outcomes = collections.Counter()
    for _ in range(max(2, ROUNDS // 5)):
        sock = send_without_waiting(daemon, "AUTH", "admin", daemon.admin_token)
        sock.sendall(encode("IMPORT", "actions", text))
        time.sleep(rng.uniform(0.0, 3.0))
        kill(daemon)
        sock.close()
        daemon = make_daemon(config, data_dir=data_dir)
        conn = admin(daemon)
        now = len(json.loads(conn.command("ACTION", "LIST")))
        conn.close()
        assert now in (before, before + count), f"{now - before} of {count} rows stored: a half import"
        outcomes["all" if now == before + count else "none"] += 1
        if now == before + count:
            break
    print(f"import kills: {dict(outcomes)}")
    daemon.stop()
    assert integrity(data_dir) == "ok"


def test_mail_queued_while_the_smtp_server_is_down_is_delivered_once_it_is_back(make_daemon, hooks):
    from receivers import free_port
    port = free_port()
    config = delivery_config(port, hooks, retry="[1, 1, 2, 2, 2, 2, 2, 2]")
    daemon = make_daemon(config, args=["--demo-data", str(ROOT / "Demo")])
    conn = admin(daemon)
    run = json.loads(conn.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
    expected = [n for n in run["notices"] if n["enqueued"]]
    assert wait_until(lambda: any(r["attempts"] >= 2 for r in outbox(conn) if r["channel"] == "email"), timeout=30), \
        "sends were tried and failed while the server was down"
    assert not any(r["status"] == "sent" for r in outbox(conn) if r["channel"] == "email")
    mailbox = start_mailbox(port)
    try:
        assert wait_until(lambda: settled(conn), timeout=90)
        rows = outbox(conn)
        assert all(r["status"] == "sent" for r in rows), [r for r in rows if r["status"] != "sent"][:3]
        emails = [r for r in rows if r["channel"] == "email"]
        assert len(emails) == len(expected)
        ids = mailbox.message_ids()
        assert sorted(ids) == sorted({f"<quorum-{r['id']}-{sha(r['key'])[:12]}@{HOST_NAME}>" for r in emails}), "each once"
    finally:
        mailbox.controller.stop()


class PhasedReceiver(Hooks):
    """A webhook receiver whose health the drill sets: `failing` answers 503 at once, `slow`
    answers 200 only after `slow_seconds` (longer than the sender waits), `healthy` answers 200.
    Each request records the phase it met."""

    def __init__(self, slow_seconds):
        self.phase = "failing"
        self.slow_seconds = slow_seconds
        super().__init__()

    def respond(self, path, attempt, request):
        with self.lock:
            phase = request["phase"] = self.phase
        if phase == "slow":
            time.sleep(self.slow_seconds)
        return (503 if phase == "failing" else 200), {}

    def set(self, phase):
        with self.lock:
            self.phase = phase
            return time.time()


def test_a_webhook_receiver_failing_then_slow_then_healthy_gets_everything_once_on_the_backoff_schedule(make_daemon):
    delays = [0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
    timeout = 1
    receiver = PhasedReceiver(slow_seconds=timeout + 1.5)
    try:
        config = (
            "webhooks:\n"
            f'  - {{ url: "{receiver.url("/phased")}", secret: "{SECRET}", events: [action.overdue, report.due, report.late] }}\n'
            'reminders: { sweep_at: "off" }\n'
            f"delivery: {{ retry_delays_seconds: {delays}, poll_seconds: 1, webhook_timeout_seconds: {timeout} }}\n")
        daemon = make_daemon(config, args=["--demo-data", str(ROOT / "Demo")])
        conn = admin(daemon)
        run = json.loads(conn.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
        assert run["enqueued"] > 0
        assert wait_until(lambda: len({r["id"] for r in receiver.requests}) >= 3, timeout=20), "the receiver was tried"
        time.sleep(2.5)
        receiver.set("slow")
        time.sleep(3.5)
        healthy_at = receiver.set("healthy")
        # No mail server is configured: the drill is the webhooks' (the emails stay queued).
        webhook_rows = lambda: [r for r in outbox(conn) if r["channel"] == "webhook"]
        assert wait_until(lambda: all(r["status"] == "sent" for r in webhook_rows()), timeout=60), (
            f"everything is delivered once the receiver is healthy: {[(r['id'], r['status'], r['attempts']) for r in webhook_rows()]}")
        rows = webhook_rows()
        conn.close()
        assert rows, "the sweep enqueued webhooks"
        expected = {f"msg_{sha(r['key'])[:24]}" for r in rows}
        with receiver.lock:
            requests = list(receiver.requests)
        assert {r["id"] for r in requests} == expected, "every notice was posted, under its own stable webhook-id"
        assert all(r["verified"] for r in requests), "every attempt, retries included, is signed"
        phases = collections.Counter(r["phase"] for r in requests)
        assert phases["failing"] >= len(expected) and phases["slow"] >= 1, f"the drill went through each phase: {phases}"
        by_id = collections.defaultdict(list)
        for r in requests:
            by_id[r["id"]].append(r)
        latest_wait = max(delays) * 1.1 + 1 + timeout * len(expected)
        for msg_id, attempts in by_id.items():
            attempts.sort(key=lambda r: r["at"])
            # Answered in time once: the last attempt, made while healthy; none after it.
            assert [r["phase"] for r in attempts].count("healthy") == 1 and attempts[-1]["phase"] == "healthy", (
                f"{msg_id}: {[r['phase'] for r in attempts]}")
            assert attempts[-1]["at"] - healthy_at <= latest_wait, f"{msg_id} waited too long after recovery"
            # Each retry waits its delay (jitter takes at most a tenth off) after the attempt before it.
            for n, (before, after) in enumerate(zip(attempts, attempts[1:]), start=1):
                assert after["at"] - before["at"] >= delays[n] * 0.9 - 0.1, (
                    f"{msg_id}: attempt {n + 1} came {after['at'] - before['at']:.2f} s after attempt {n}; "
                    f"the schedule asks for {delays[n]} s")
        print(f"webhook phases: {dict(phases)} over {len(expected)} notices")
        daemon.stop()
    finally:
        receiver.server.shutdown()


def test_a_kill_during_publication_leaves_no_publication_without_its_notices(make_daemon, rng):
    mailbox = start_mailbox()
    receiver = Hooks()
    try:
        config = delivery_config(mailbox.port, receiver)
        daemon = make_daemon(config, args=["--demo-data", str(ROOT / "Demo")])
        data_dir = daemon.data_dir
        reason = "reason=Published after its deadline in a drill"
        # How long signing in and publishing take here, so that kills land before, inside and after.
        conn = admin(daemon)
        conn.sock.settimeout(120)
        pack = wait_for_pdf(conn, json.loads(conn.command("PACK", "BUILD", MEETING)))
        started = time.monotonic()
        conn.command("PACK", "PUBLISH", pack["id"], reason)
        took = time.monotonic() - started
        conn.close()
        outcomes = collections.Counter()
        for _ in range(max(4, ROUNDS // 5)):
            conn = admin(daemon)
            conn.sock.settimeout(120)
            # Its PDF made first: publication waits for it, and the kill is for the publication.
            pack = wait_for_pdf(conn, json.loads(conn.command("PACK", "BUILD", MEETING)))
            conn.close()
            sock = send_without_waiting(daemon, "AUTH", "admin", daemon.admin_token)
            sock.sendall(encode("PACK", "PUBLISH", pack["id"], reason))
            time.sleep(rng.uniform(0.0, 3 * took))
            kill(daemon)
            sock.close()
            assert integrity(data_dir) == "ok"
            with sqlite3.connect(data_dir / "quorum.sqlite") as db:
                packs = db.execute("SELECT id, publishedAt FROM pack").fetchall()
                notices = {pack_id: db.execute("SELECT channel FROM outbox WHERE noticeKey LIKE ?", (f"pack.published|%|{pack_id}",)).fetchall()
                           for pack_id, _ in packs}
            published = {pack_id for pack_id, at in packs if at}
            for pack_id, _ in packs:
                channels = collections.Counter(c for (c,) in notices[pack_id])
                if pack_id in published:
                    assert channels["email"] > 0 and channels["webhook"] == 1, f"{pack_id} published with notices {dict(channels)}"
                else:
                    assert not channels, f"{pack_id} is not published but has notices {dict(channels)}"
            outcomes["published" if pack["id"] in published else "not published"] += 1
            daemon = make_daemon(config, data_dir=data_dir)
        print(f"publication kills: {dict(outcomes)} (a publication took {took * 1000:.0f} ms)")
        daemon.stop()
    finally:
        mailbox.controller.stop()
        receiver.server.shutdown()
