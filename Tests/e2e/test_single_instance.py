"""A second quorumd on the same data directory refuses to start; the first keeps serving."""

import subprocess

from conftest import BIN, ROOT


def test_a_second_daemon_on_the_same_data_directory_refuses_and_the_first_serves_on(daemon):
    conn = daemon.connect()
    assert conn.command("PING") == "PONG"
    second = subprocess.run(
        [str(BIN / "quorumd"), "--config", str(daemon.config), "--data-dir", str(daemon.data_dir),
         "--boards-dir", str(daemon.boards_dir), "--listen", "127.0.0.1:0"],
        capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert second.returncode == 1
    assert f"the data directory {daemon.data_dir} is in use by another quorumd (pid {daemon.process.pid})" in second.stderr
    assert "listening" not in second.stdout
    # The first daemon is untouched: its open connection and new ones are served.
    assert conn.command("PING", "first") == "first"
    assert daemon.connect().command("BOARD", "GET", "OSC").startswith("{")


def test_the_lock_goes_with_the_process_so_a_restart_after_a_kill_starts(make_daemon, tmp_path):
    import signal

    first = make_daemon()
    first.stop(signal.SIGKILL)
    again = make_daemon()
    assert again.connect().command("PING") == "PONG"
