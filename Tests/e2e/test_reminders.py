"""Reminder sweeps over TCP: preview, run, idempotency, catch-up after an outage."""

import json
import sqlite3
import time

from conftest import ROOT


def admin(daemon):
    conn = daemon.connect()
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    return conn


def info(conn):
    return dict(line.split(":", 1) for line in conn.command("INFO").splitlines() if ":" in line)


def test_preview_on_1_november_2017_lists_one_digest_per_lead_and_the_scrutiny_report(demo_daemon):
    conn = admin(demo_daemon)
    preview = json.loads(conn.command("REMIND", "PREVIEW", "2017-11-01T08:00:00Z"))
    assert preview["as_of"] == "2017-11-01T08:00:00+00:00"
    digests = [n for n in preview["notices"] if n["kind"] == "action.digest"]
    leads = [n["to"]["email"] for n in digests]
    assert len(leads) == len(set(leads)) >= 3, "one digest per lead"
    overdue = json.loads(conn.command("ACTION", "LIST", "status=overdue", "asof=2017-11-01"))
    assert sorted(a["ref"] for n in digests for a in n["actions"] if a["state"] == "overdue") == \
        sorted(a["ref"] for a in overdue), "every overdue action of the seed plan, each in its lead's digest"
    for notice in digests:
        assert all(a["ref"] for a in notice["actions"])
        assert {a["state"] for a in notice["actions"]} <= {"due", "overdue"}
    scrutiny = [n for n in preview["notices"] if (n["report"] or {}).get("occurrence") == "OSC/performance/2017-11"]
    assert len(scrutiny) == 1
    # Draft due Monday 30 October for the 14 November meeting: on 1 November it is late,
    # so the owner is told and the scrutiny secretary copied.
    assert scrutiny[0]["kind"] == "report.late"
    assert scrutiny[0]["report"]["meeting_date"] == "2017-11-14"
    assert scrutiny[0]["report"]["publish_by"] == "2017-11-06"
    assert scrutiny[0]["cc"][0]["email"].endswith("@example.org")
    assert info(conn)["outbox_pending"] == "0", "a preview changes nothing"


def test_run_twice_at_the_same_instant_enqueues_once(demo_daemon):
    conn = admin(demo_daemon)
    first = json.loads(conn.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
    assert first["enqueued"] == len(first["notices"]) > 0
    second = json.loads(conn.command("REMIND", "RUN", "2017-11-01T08:00:00Z"))
    assert second["enqueued"] == 0
    assert all(n["enqueued"] is False for n in second["notices"])
    rows = json.loads(conn.command("OUTBOX", "LIST"))
    assert len(rows) == first["enqueued"]
    assert all(r["status"] == "pending" and r["attempts"] == 0 for r in rows)
    assert json.loads(conn.command("REMIND", "PREVIEW", "2017-11-01T08:00:00Z"))["notices"] == []
    # A week later the still-overdue actions come round again, each one round on.
    rounds = {a["ref"]: a["round"] for n in first["notices"] if n["kind"] == "action.digest" for a in n["actions"]
              if a["state"] == "overdue"}
    week = json.loads(conn.command("REMIND", "RUN", "2017-11-08T08:00:00Z"))
    again = {a["ref"]: a["round"] for n in week["notices"] if n["kind"] == "action.digest" for a in n["actions"]
             if a["ref"] in rounds}
    assert again and all(again[ref] == rounds[ref] + 1 for ref in again)


def test_reminder_commands_are_for_admins_and_secretaries(demo_daemon):
    public = demo_daemon.connect()
    assert public.command("REMIND", "PREVIEW").code == "NOAUTH"
    conn = admin(demo_daemon)
    token = conn.command("USER", "ADD", "scrutiny.officer@example.org", "secretary", "board=OSC")
    secretary = demo_daemon.connect()
    assert secretary.command("AUTH", "scrutiny.officer@example.org", token) == "OK"
    assert "notices" in json.loads(secretary.command("REMIND", "PREVIEW", "2017-11-01T08:00"))
    assert secretary.command("REMIND", "RUN", "2017-11-01T08:00").code == "NOPERM"
    assert secretary.command("OUTBOX", "LIST").code == "NOPERM"
    assert conn.command("REMIND", "RUN", "yesterday").code == "BADARG"
    assert conn.command("OUTBOX", "LIST", "lost").code == "BADARG"
    assert conn.command("OUTBOX", "RETRY", "12345").code == "NOTFOUND"


def wait_for(conn, key, value, timeout=10.0):
    """The scheduler runs beside the server: wait for it to record its sweep."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fields = info(conn)
        if fields[key] == value:
            return fields
        time.sleep(0.1)
    return info(conn)


def set_last_sweep(daemon, seconds_ago):
    db = sqlite3.connect(daemon.data_dir / "quorum.sqlite")
    db.execute("UPDATE schedulerState SET value = ? WHERE name = 'lastScheduledSweep'", (str(int(time.time()) - seconds_ago),))
    db.commit()
    db.close()


def test_a_sweep_missed_during_an_outage_runs_once_at_start_up(make_daemon):
    first = make_daemon(args=["--demo-data", str(ROOT / "Demo")])
    conn = first.connect()
    assert info(conn)["sweeps_catch_up"] == "0", "a first start missed nothing"
    conn.close()
    assert first.stop() == 0
    set_last_sweep(first, 5 * 86_400)  # down for five days
    second = make_daemon(data_dir=first.data_dir)
    conn = second.connect()
    fields = wait_for(conn, "sweeps_catch_up", "1")
    assert fields["sweeps_catch_up"] == "1", "one catch-up sweep, not one per missed day"
    assert fields["sweeps_daily"] == "0"
    assert int(fields["outbox_pending"]) > 0, "the demo plan's overdue actions were found"
    conn.close()
    assert second.stop() == 0
    third = make_daemon(data_dir=first.data_dir)
    conn = third.connect()
    time.sleep(1)
    assert info(conn)["sweeps_catch_up"] == "1", "nothing missed since the catch-up"


def test_with_the_sweep_off_nothing_runs_at_start_up(make_daemon):
    first = make_daemon("reminders: { sweep_at: \"off\" }\n", args=["--demo-data", str(ROOT / "Demo")])
    first.stop()
    db = sqlite3.connect(first.data_dir / "quorum.sqlite")
    db.execute("INSERT OR REPLACE INTO schedulerState (name, value) VALUES ('lastScheduledSweep', ?)",
               (str(int(time.time()) - 5 * 86_400),))
    db.commit()
    db.close()
    second = make_daemon("reminders: { sweep_at: \"off\" }\n", data_dir=first.data_dir)
    time.sleep(1)
    assert info(second.connect())["sweeps_catch_up"] == "0"
