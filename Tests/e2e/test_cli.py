"""The quorum command-line client against a running quorumd."""

import json
import subprocess

from conftest import BIN


def quorum(daemon, *args, token=False):
    env = {"QUORUM_PORT": str(daemon.port), "PATH": "/usr/bin:/bin"}
    if token:
        env["QUORUM_TOKEN_FILE"] = str(daemon.data_dir / "admin.token")
    return subprocess.run([str(BIN / "quorum"), *args], capture_output=True, text=True, timeout=30, env=env)


def test_boards_prints_a_table_of_the_six_boards(daemon):
    result = quorum(daemon, "boards")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["CODE", "REPORTS"]
    codes = {line.split()[0] for line in lines[2:]}
    assert codes == {"HWBB", "LSCB", "CPB", "CYPCIB", "CABINET", "OSC"}


def test_meetings_json_is_the_servers_document(daemon):
    result = quorum(daemon, "meetings", "OSC", "--from", "2017-11-01", "--to", "2017-11-30", "--json")
    assert result.returncode == 0, result.stderr
    meetings = json.loads(result.stdout)
    assert [m["id"] for m in meetings] == ["OSC-2017-11-14"]


def test_meeting_add_with_the_admin_token_reports_the_publication_deadline(daemon):
    result = quorum(daemon, "meeting", "add", "OSC", "2018-12-12", token=True)
    assert result.returncode == 0, result.stderr
    assert "2018-12-04" in result.stdout
    listed = quorum(daemon, "meetings", "OSC", "--from", "2018-12-12", "--to", "2018-12-12")
    assert "OSC-2018-12-12" in listed.stdout


def test_meeting_add_without_a_token_fails_with_the_servers_error(daemon):
    result = quorum(daemon, "meeting", "add", "OSC", "2018-12-12")
    assert result.returncode != 0
    assert "NOAUTH" in result.stderr


def test_host_and_port_flags_override_the_environment(daemon):
    result = subprocess.run([str(BIN / "quorum"), "ping", "--port", str(daemon.port)], capture_output=True,
                            text=True, timeout=30, env={"QUORUM_PORT": "1", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "PONG"
