"""BACKUP (and `quorum backup`): the database as one consistent snapshot, taken while writes run,
with the pack files it names; restored by starting a daemon on the folder. See docs/reliability.md."""

import hashlib
import json
import shutil
import sqlite3
import subprocess
import threading
import time

from conftest import BIN, ROOT, ReplyError, wait_for_pdf

MEETING = "OSC-2017-11-14"
SWEEP = "2017-11-01T08:00:00Z"
MEASURE = "M1.1.04"


def admin(daemon):
    conn = daemon.connect()
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    return conn


def test_a_backup_taken_while_writes_run_restores_whole_and_enqueues_nothing_twice(make_daemon, tmp_path):
    daemon = make_daemon(args=["--demo-data", str(ROOT / "Demo")])
    conn = admin(daemon)
    pack = wait_for_pdf(conn, json.loads(conn.command("PACK", "BUILD", MEETING)))
    swept = json.loads(conn.command("REMIND", "RUN", SWEEP))
    assert swept["enqueued"] > 0

    # Writes carry on during the backup: value n is set with its audit entry in one transaction.
    stop, written = threading.Event(), []

    def writer():
        own = admin(daemon)
        while not stop.is_set():
            n = len(written) + 1
            reply = own.command("MEASURE", "SET", MEASURE, "2017/18 Q3", str(n))
            assert not isinstance(reply, ReplyError), reply
            written.append(n)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            time.sleep(0.01)
        folder = tmp_path / "backup"
        result = subprocess.run([str(BIN / "quorum"), "backup", str(folder), "--port", str(daemon.port),
                                 "--token-file", str(daemon.data_dir / "admin.token")],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith(f"Backed up to {folder}: ") and "integrity ok" in result.stdout, result.stdout
        during = len(written)
    finally:
        stop.set()
        thread.join()
    assert len(written) > during, "writes went on after the backup"

    with sqlite3.connect(folder / "quorum.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        value = db.execute("SELECT value FROM measureValue WHERE measureId = ? AND period = '2017/18 Q3'",
                           (MEASURE,)).fetchone()[0]
        audited = db.execute("SELECT COUNT(*) FROM auditEntry WHERE subject = 'value' AND subjectKey = ?",
                             (f"{MEASURE} 2017/18 Q3",)).fetchone()[0]
        keys = {k for (k,) in db.execute("SELECT key FROM outbox")}
    # One snapshot: the last value in the copy is the one its audit trail ends with.
    assert 1 <= value == audited <= len(written)
    assert len(keys) == swept["enqueued"]

    # Restore: a stopped daemon's data directory is the folder (here a copy of it).
    restored_dir = tmp_path / "restored"
    shutil.copytree(folder, restored_dir)
    shutil.copy(daemon.data_dir / "admin.token", restored_dir / "admin.token")
    restored = make_daemon(data_dir=restored_dir)
    again = admin(restored)
    versions = json.loads(again.command("PACK", "LIST", MEETING))
    assert [v["id"] for v in versions] == [pack["id"]] and versions[0]["parts"] == pack["parts"]
    html = next(p for p in pack["parts"] if p["format"] == "html")
    assert hashlib.sha256(again.command("PACK", "GET", pack["id"], "html").encode()).hexdigest() == html["sha256"]
    for part in pack["parts"]:
        path = restored_dir / "packs" / f"{part['sha256']}.{part['format']}"
        assert hashlib.sha256(path.read_bytes()).hexdigest() == part["sha256"]
    assert len(json.loads(again.command("ACTION", "LIST"))) == 48
    score = json.loads(again.command("SCORECARD", "2017/18 Q3"))
    assert next(row for row in score if row["id"] == MEASURE)["value"] == value
    # The notices the original had enqueued are there, once; a sweep at the same instant adds none.
    outbox = json.loads(again.command("OUTBOX", "LIST"))
    assert {row["key"] for row in outbox} == keys
    assert json.loads(again.command("REMIND", "RUN", SWEEP))["enqueued"] == 0


def test_a_backup_never_overwrites_and_is_for_admins(make_daemon, tmp_path):
    daemon = make_daemon()
    conn = admin(daemon)
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "something").write_text("kept")
    refused = conn.command("BACKUP", str(taken))
    assert refused.code == "BADARG" and "not an empty folder" in refused
    assert (taken / "something").read_text() == "kept"
    assert conn.command("BACKUP", "relative/folder").code == "BADARG"
    token = conn.command("USER", "ADD", "analyst@example.org", "analyst")
    analyst = daemon.connect()
    assert analyst.command("AUTH", "analyst@example.org", token) == "OK"
    assert analyst.command("BACKUP", str(tmp_path / "by-analyst")).code == "NOPERM"
    assert not (tmp_path / "by-analyst").exists()
    assert daemon.connect().command("BACKUP", str(tmp_path / "anonymous")).code == "NOAUTH"
    done = json.loads(conn.command("BACKUP", str(tmp_path / "empty-store")))
    assert done["integrity"] == "ok" and done["pack_files"] == 0 and done["database_bytes"] > 0
