"""Start-up, restart and shutdown of quorumd."""

import json
import os
import signal
import socket
import stat
import subprocess
import threading
import time

import pytest

from conftest import BIN, ROOT, Daemon, write_config


def test_first_start_writes_an_owner_only_admin_token(daemon):
    path = daemon.data_dir / "admin.token"
    mode = stat.S_IMODE(os.stat(path).st_mode)
    assert mode == 0o600
    assert len(daemon.admin_token) == 64


def test_restart_keeps_added_meetings_and_the_admin_token(make_daemon, tmp_path):
    first = make_daemon()
    token = first.admin_token
    conn = first.connect()
    assert conn.command("AUTH", "admin", token) == "OK"
    json.loads(conn.command("MEETING", "ADD", "CPB", "2019-02-05"))
    conn.close()
    assert first.stop() == 0
    second = make_daemon(data_dir=first.data_dir)
    assert second.admin_token == token
    conn = second.connect()
    meeting = json.loads(conn.command("MEETING", "GET", "CPB-2019-02-05"))
    assert meeting["origin"] == "added"
    assert conn.command("AUTH", "admin", token) == "OK"
    conn.close()


def test_board_file_change_moves_calendar_meetings_but_keeps_added_ones(make_daemon, boards_copy):
    first = make_daemon(boards_dir=boards_copy)
    conn = first.connect()
    assert conn.command("AUTH", "admin", first.admin_token) == "OK"
    json.loads(conn.command("MEETING", "ADD", "OSC", "2019-06-04"))
    before = {m["date"] for m in json.loads(conn.command("MEETING", "LIST", "OSC"))}
    assert "2017-11-14" in before
    conn.close()
    first.stop()
    osc = boards_copy / "OSC.yaml"
    text = osc.read_text()
    assert "cancelled:" in text
    osc.write_text(text.replace("cancelled: [", "cancelled: [2017-11-14, ", 1))
    second = make_daemon(boards_dir=boards_copy, data_dir=first.data_dir)
    conn = second.connect()
    after = {m["date"] for m in json.loads(conn.command("MEETING", "LIST", "OSC"))}
    assert "2017-11-14" not in after, "a cancelled calendar meeting goes"
    assert "2019-06-04" in after, "a meeting added over the wire stays"
    conn.close()


def start_expecting_failure(tmp_path, boards_dir):
    config = write_config(tmp_path / "bad.yaml")
    result = subprocess.run(
        [str(BIN / "quorumd"), "--config", str(config), "--data-dir", str(tmp_path / "data"),
         "--boards-dir", str(boards_dir), "--listen", "127.0.0.1:0"],
        capture_output=True, text=True, timeout=30, cwd=ROOT)
    assert result.returncode != 0
    return result.stderr


def test_a_board_reporting_to_an_unknown_board_stops_start_up_with_file_and_line(tmp_path, boards_copy):
    cpb = boards_copy / "CPB.yaml"
    lines = cpb.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("reports_to:"))
    lines[index] = "reports_to: [NOWHERE]"
    cpb.write_text("\n".join(lines) + "\n")
    stderr = start_expecting_failure(tmp_path, boards_copy)
    assert f"CPB.yaml:{index + 1}:" in stderr
    assert "NOWHERE" in stderr


def test_a_malformed_board_file_stops_start_up_with_file_and_line(tmp_path, boards_copy):
    (boards_copy / "LSCB.yaml").write_text("code: LSCB\nname: [unclosed\n")
    stderr = start_expecting_failure(tmp_path, boards_copy)
    assert "LSCB.yaml:" in stderr


@pytest.mark.parametrize("taken", ["protocol", "portal"])
def test_an_address_in_use_stops_start_up_with_a_clear_error_whichever_service_it_is(tmp_path, taken):
    """Another process holds the port: quorumd says which address and why, and exits, rather than
    run without that service or wait for ever on the ones that started."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    port = holder.getsockname()[1]
    try:
        addresses = {"protocol": f"127.0.0.1:{port}" if taken == "protocol" else "127.0.0.1:0",
                     "portal": f"127.0.0.1:{port}" if taken == "portal" else "127.0.0.1:0"}
        config = write_config(tmp_path / "taken.yaml", 'reminders: { sweep_at: "off" }\n')
        result = subprocess.run(
            [str(BIN / "quorumd"), "--config", str(config), "--data-dir", str(tmp_path / "data"),
             "--boards-dir", str(ROOT / "Boards"), "--listen", addresses["protocol"], "--http-listen", addresses["portal"]],
            capture_output=True, text=True, timeout=30, cwd=ROOT)
    finally:
        holder.close()
    assert result.returncode == 1, result.stderr[-2000:]
    assert f"cannot listen on 127.0.0.1:{port}: Address already in use" in result.stderr, result.stderr[-2000:]
    assert ("the portal" in result.stderr) == (taken == "portal")


def test_sigterm_lets_an_in_flight_request_finish_then_exits_cleanly(daemon):
    conn = daemon.connect()
    idle = daemon.connect()
    assert idle.command("PING") == "PONG"
    assert conn.command("AUTH", "admin", daemon.admin_token) == "OK"
    built = json.loads(conn.command("PACK", "BUILD", "OSC-2017-11-14"))
    assert built["pdf"] == "pending"
    # Publishing waits for the PDF, which takes seconds after the build's reply: the publication
    # is still in hand when the signal arrives, and the PDF maker outlives the server's drain.
    conn.send_raw(b'PACK PUBLISH OSC-2017-11-14-v1 "reason=a shutdown drill"\r\n')
    time.sleep(0.5)
    assert daemon.process.poll() is None
    daemon.process.send_signal(signal.SIGTERM)
    # Read only after the signal: the reply must still come, whole.
    conn.sock.settimeout(600)
    reply = conn.read_reply()
    published = json.loads(reply)
    assert published["id"] == "OSC-2017-11-14-v1" and published["published_at"] and published["pdf"] == "ready"
    assert daemon.process.wait(timeout=30) == 0
    assert idle.is_closed()
    assert conn.is_closed()


def test_idle_connections_are_closed_after_the_configured_timeout(make_daemon):
    daemon = make_daemon("limits: { idle_timeout_seconds: 1 }\n")
    conn = daemon.connect()
    assert conn.command("PING") == "PONG"
    time.sleep(2.5)
    reply = conn.read_reply()
    assert "idle" in reply
    assert conn.is_closed()


def test_connections_over_the_limit_are_refused_with_a_clear_error(make_daemon):
    daemon = make_daemon("limits: { max_connections: 2 }\n")
    first, second = daemon.connect(), daemon.connect()
    assert first.command("PING") == "PONG" and second.command("PING") == "PONG"
    third = daemon.connect()
    reply = third.read_reply()
    assert "max number of clients" in reply
    assert first.command("PING") == "PONG"


def test_an_oversized_inline_request_is_refused(make_daemon):
    daemon = make_daemon("limits: { max_line_bytes: 1024 }\n")
    conn = daemon.connect()
    conn.send_raw(b"PING " + b"x" * 4096 + b"\r\n")
    reply = conn.read_reply()
    assert "Protocol error" in reply
    fresh = daemon.connect()
    assert fresh.command("PING") == "PONG"
