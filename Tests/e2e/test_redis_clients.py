"""Clients nobody here wrote: redis-py and redis-cli, unmodified, against quorumd."""

import json
import shutil
import subprocess

import pytest
import redis


def test_redis_py_connects_and_reads_boards(daemon):
    # redis-py sends CLIENT SETINFO on connect; quorumd must answer it harmlessly.
    client = redis.Redis(host="127.0.0.1", port=daemon.port, decode_responses=True)
    assert client.ping() is True
    boards = json.loads(client.execute_command("BOARD", "LIST"))
    assert len(boards) == 6
    meetings = json.loads(client.execute_command("MEETING", "LIST", "HWBB", "2018-12-12", "2018-12-12"))
    assert meetings[0]["publish_by"] == "2018-12-04"


def test_redis_py_sees_coded_errors_as_its_own_exceptions(daemon):
    client = redis.Redis(host="127.0.0.1", port=daemon.port, decode_responses=True)
    # redis-py maps NOAUTH to AuthenticationError, as it does for Redis itself.
    with pytest.raises(redis.exceptions.AuthenticationError) as error:
        client.execute_command("MEETING", "ADD", "OSC", "2018-12-12")
    assert "AUTH" in str(error.value)
    with pytest.raises(redis.exceptions.ResponseError) as error:
        client.execute_command("MEETING", "GET", "OSC-2017-11-15")
    assert str(error.value).startswith("NOTFOUND")
    assert client.ping() is True


def test_redis_py_signs_in_with_username_and_password(daemon):
    client = redis.Redis(host="127.0.0.1", port=daemon.port, username="admin", password=daemon.admin_token,
                         decode_responses=True)
    added = json.loads(client.execute_command("MEETING", "ADD", "OSC", "2018-12-12"))
    assert added["publish_by"] == "2018-12-04"
    assert json.loads(client.execute_command("WHOAMI"))["role"] == "admin"


def test_redis_py_pipeline(daemon):
    client = redis.Redis(host="127.0.0.1", port=daemon.port, decode_responses=True)
    pipe = client.pipeline(transaction=False)
    pipe.execute_command("PING")
    pipe.execute_command("BOARD", "GET", "OSC")
    pipe.execute_command("BOARD", "GET", "CPB")
    pong, osc, cpb = pipe.execute()
    assert pong is True or pong == "PONG"
    assert json.loads(osc)["code"] == "OSC" and json.loads(cpb)["code"] == "CPB"


REDIS_CLI = shutil.which("redis-cli") or "redis-cli"


@pytest.mark.usefixtures("redis_cli_installed")
def test_redis_cli_board_list(daemon):
    out = subprocess.run([REDIS_CLI, "-p", str(daemon.port), "BOARD", "LIST"], capture_output=True, text=True,
                         timeout=20, check=True)
    boards = json.loads(out.stdout)
    assert {b["code"] for b in boards} == {"HWBB", "LSCB", "CPB", "CYPCIB", "CABINET", "OSC"}


@pytest.mark.usefixtures("redis_cli_installed")
def test_redis_cli_adds_a_meeting_with_the_admin_token(daemon):
    out = subprocess.run(
        [REDIS_CLI, "-p", str(daemon.port), "--user", "admin", "--pass", daemon.admin_token, "--no-auth-warning",
         "MEETING", "ADD", "OSC", "2018-12-12"],
        capture_output=True, text=True, timeout=20, check=True)
    assert json.loads(out.stdout)["publish_by"] == "2018-12-04"


@pytest.mark.usefixtures("redis_cli_installed")
def test_redis_cli_interactive_session_survives_command_docs(daemon):
    # Interactive redis-cli asks COMMAND DOCS first; commands typed after it must still work.
    out = subprocess.run([REDIS_CLI, "-p", str(daemon.port)], input="PING\nBOARD GET OSC\nNOSUCH\nPING\n",
                         capture_output=True, text=True, timeout=20)
    assert out.stdout.count("PONG") == 2
    assert '"code":"OSC"' in out.stdout
    assert "unknown command" in out.stdout


def test_redis_py_on_resp2_works_too(daemon):
    client = redis.Redis(host="127.0.0.1", port=daemon.port, protocol=2, decode_responses=True)
    assert json.loads(client.execute_command("BOARD", "GET", "OSC"))["code"] == "OSC"
    assert client.execute_command("CLIENT", "GETNAME") is None


def test_hello_switches_protocol_and_refuses_unknown_versions(daemon):
    raw = daemon.connect()
    raw.send_raw(b"HELLO 3\r\n")
    data = b""
    while b"modules" not in data:
        data += raw.sock.recv(4096)
    assert data.startswith(b"%7\r\n")
    raw.send_raw(b"CLIENT GETNAME\r\n")
    assert raw.sock.recv(64).endswith(b"_\r\n"), "a RESP3 null"
    raw.close()
    refused = daemon.connect()
    reply = refused.command("HELLO", "4")
    assert reply.code == "NOPROTO"
    assert refused.command("HELLO", "2", "AUTH", "admin", "wrong").code == "WRONGPASS"
    refused.close()
