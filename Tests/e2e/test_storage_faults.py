"""Storage drills: a full disk, a read-only file system, a data directory that cannot be made.

Each gives a clear error that names the cause, stores nothing by halves, and once the cause is
gone the same daemon (or a restarted one) carries on with nothing lost. The disk is a small tmpfs
mounted for the test (the machine's CI runs as root; elsewhere the drills say why they cannot run).
"""

import json
import sqlite3
import subprocess

import pytest

from conftest import BIN, ROOT, Daemon, ReplyError, write_config


def mount(*args):
    return subprocess.run(["mount", *args], capture_output=True, text=True)


@pytest.fixture
def small_disk(tmp_path):
    point = tmp_path / "disk"
    point.mkdir()
    mounted = mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", str(point))
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs needs root here: {mounted.stderr.strip()}")
    yield point
    subprocess.run(["umount", "-l", str(point)], capture_output=True)


@pytest.fixture
def start(tmp_path):
    started = []

    def make(data_dir):
        config = write_config(tmp_path / f"quorum-{len(started)}.yaml", "limits: { max_bulk_bytes: 67108864 }\n")
        daemon = Daemon(data_dir, config, ROOT / "Boards", ["--http-listen", "off"])
        started.append(daemon)
        return daemon.start()

    yield make
    for daemon in started:
        daemon.stop()


def start_failing(data_dir, config_path):
    """Runs a quorumd that is expected not to start; returns how it ended."""
    config = write_config(config_path)
    return subprocess.run(
        [str(BIN / "quorumd"), "--config", str(config), "--data-dir", str(data_dir), "--boards-dir", str(ROOT / "Boards"),
         "--listen", "127.0.0.1:0", "--http-listen", "off"],
        capture_output=True, text=True, timeout=60, cwd=ROOT)


def admin(daemon):
    conn = daemon.connect()
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    return conn


def plan(actions: int, per_recommendation: int = 500):
    count = -(-actions // per_recommendation)
    recommendations = "id,priority,priority_title,title,ambition\n" + "".join(
        f"9.{r},9,Generated priority,Generated recommendation {r},\n" for r in range(1, count + 1))
    header = "ref,recommendation,action,review_date,lead_name,lead_email,status,update,updated_on\n"
    rows = "".join(
        f"9.{n // per_recommendation + 1}.{n % per_recommendation + 1},9.{n // per_recommendation + 1},"
        f"Generated action {n} with a longer text to take room on the disk,Oct 2017,Lead {n % 50},"
        f"lead{n % 50}@example.org,open,Progress note {n},2017-09-15\n" for n in range(actions))
    return recommendations, header + rows


def action_count(conn) -> int:
    return len(json.loads(conn.command("ACTION", "LIST")))


def fill(path):
    """Writes to `path` until the disk refuses."""
    with open(path, "wb") as filler:
        try:
            while True:
                filler.write(b"\0" * 65536)
                filler.flush()
        except OSError:
            pass


def integrity(data_dir) -> str:
    with sqlite3.connect(data_dir / "quorum.sqlite") as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_a_full_disk_refuses_the_import_whole_and_the_daemon_carries_on_once_there_is_room(small_disk, start):
    data_dir = small_disk / "data"
    daemon = start(data_dir)
    conn = admin(daemon)
    recommendations, actions = plan(20_000)
    assert json.loads(conn.command("IMPORT", "recommendations", recommendations))["rows"] > 0
    fill(small_disk / "filler")
    refused = conn.command("IMPORT", "actions", actions)
    assert isinstance(refused, ReplyError), refused
    assert refused.code == "INTERNAL", refused
    assert "the disk is full" in refused and "nothing was stored" in refused, refused
    assert conn.command("PING") == "PONG", "the daemon still answers"
    assert action_count(conn) == 0, "nothing of the refused import is stored"
    (small_disk / "filler").unlink()
    again = conn.command("IMPORT", "actions", actions)
    assert not isinstance(again, ReplyError), f"the same daemon writes again: {again}"
    assert json.loads(again)["rows"] == 20_000
    assert action_count(conn) == 20_000
    conn.close()
    daemon.stop()
    assert integrity(data_dir) == "ok"


def test_a_read_only_file_system_stops_start_up_clearly_and_nothing_is_lost(small_disk, start):
    # A file system cannot be remounted read-only while the daemon holds its files open for
    # writing ("mount point is busy"), so the drill is the start-up on a read-only mount.
    data_dir = small_disk / "data"
    daemon = start(data_dir)
    conn = admin(daemon)
    recommendations, actions = plan(500)
    assert json.loads(conn.command("IMPORT", "recommendations", recommendations))["rows"] > 0
    assert json.loads(conn.command("IMPORT", "actions", actions))["rows"] == 500
    conn.close()
    daemon.stop()

    remounted = mount("-o", "remount,ro", str(small_disk))
    assert remounted.returncode == 0, remounted.stderr
    try:
        failed = start_failing(data_dir, small_disk.parent / "ro.yaml")
    finally:
        assert mount("-o", "remount,rw", str(small_disk)).returncode == 0
    assert failed.returncode == 1, failed
    lines = failed.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("quorumd: ") and "read-only" in lines[-1].lower(), failed.stderr
    assert "Error Domain" not in failed.stderr and "NSCocoaErrorDomain" not in failed.stderr

    daemon = start(data_dir)
    conn = admin(daemon)
    assert action_count(conn) == 500, "everything written before is there"
    more = conn.command("IMPORT", "actions", plan(600)[1])
    assert not isinstance(more, ReplyError), more
    assert action_count(conn) == 600, "and it writes again"
    conn.close()
    daemon.stop()
    assert integrity(data_dir) == "ok"


def test_a_data_directory_that_cannot_be_made_is_named_and_start_up_works_once_it_can(tmp_path, start):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data directory's parent should be\n")
    data_dir = blocker / "data"
    failed = start_failing(data_dir, tmp_path / "quorum.yaml")
    assert failed.returncode == 1, failed
    message = failed.stderr.strip().splitlines()[-1]
    assert message.startswith(f"quorumd: cannot create the data directory {data_dir}"), failed.stderr
    assert "Error Domain" not in message and "Code=" not in message, message
    blocker.unlink()
    daemon = start(data_dir)
    conn = admin(daemon)
    assert conn.command("PING") == "PONG"
    conn.close()
