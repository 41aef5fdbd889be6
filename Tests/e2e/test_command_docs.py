"""COMMAND COUNT, LIST, INFO and DOCS as Redis's own clients read them: redis-py parses the replies,
redis-cli builds its help and typing hints from them."""

import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import termios
import time

import pytest
import redis

REDIS_CLI = shutil.which("redis-cli") or "redis-cli"


def pairs(flat):
    """A RESP2 map (a flat key, value, key, value array) as a dict."""
    return {flat[i]: flat[i + 1] for i in range(0, len(flat), 2)}


def help_lines(conn):
    """HELP's lines: `NAME usage : summary (who)`, one per command."""
    return conn.command("HELP")


def test_redis_py_reads_command_docs_over_resp2(daemon):
    # "COMMAND DOCS" as one string: redis-py splits it into words and, as for "CONFIG GET",
    # leaves the reply unparsed rather than reading it as COMMAND's.
    client = redis.Redis(host="127.0.0.1", port=daemon.port, protocol=2, decode_responses=True)
    docs = pairs(client.execute_command("COMMAND DOCS", "meeting", "ping", "nosuch"))
    assert set(docs) == {"meeting", "ping"}, "an unknown name is left out, as Redis does"
    meeting = pairs(docs["meeting"])
    assert meeting["summary"] == "a container for the MEETING commands"
    add = pairs(pairs(meeting["subcommands"])["meeting|add"])
    assert add["summary"] == "add a meeting to a board's calendar (admin, secretary of the board)"
    assert add["group"] == "meeting" and add["since"] == "0.1.0"
    arguments = [pairs(argument) for argument in add["arguments"]]
    assert [a["name"] for a in arguments] == ["board", "YYYY-MM-DD", "HH:MM", "venue"]
    assert [a["type"] for a in arguments] == ["string"] * 4
    assert [a.get("flags", []) for a in arguments] == [[], [], ["optional"], ["optional"]]
    assert pairs(docs["ping"])["arguments"] == [["name", "message", "type", "string", "display_text", "message",
                                                 "flags", ["optional"]]]


def test_redis_py_reads_command_docs_over_resp3_as_maps(daemon):
    client = redis.Redis(host="127.0.0.1", port=daemon.port, protocol=3, decode_responses=True)
    docs = client.execute_command("COMMAND DOCS", "hello", "notify|test")
    hello = docs["hello"]
    (block,) = hello["arguments"]
    assert block["type"] == "block" and block["flags"] == ["optional"]
    assert [a["type"] for a in block["arguments"]] == ["oneof", "block", "block"]
    assert [a["token"] for a in block["arguments"][0]["arguments"]] == ["2", "3"]
    (choice,) = docs["notify|test"]["arguments"]
    assert choice["type"] == "oneof"
    assert [[a["type"] for a in b["arguments"]] for b in choice["arguments"]] == [["pure-token", "string"]] * 2


def test_every_help_line_is_in_command_docs_and_command_list(daemon, conn):
    client = redis.Redis(host="127.0.0.1", port=daemon.port, protocol=3, decode_responses=True)
    docs = client.execute_command("COMMAND DOCS")
    listed = set(client.command_list())
    lines = help_lines(conn)
    assert len(lines) > 30
    for line in lines:
        head, summary = line.split(" : ", 1)
        words = head.lower().split(" ")
        full = "|".join(words[:2]) if "|".join(words[:2]) in listed else words[0]
        assert full in listed, full
        entry = docs[full.split("|")[0]]
        own = entry if "|" not in full else entry["subcommands"][full]
        assert own["summary"] == summary, full
    assert client.command_count() == len(docs)


def test_redis_py_command_parses_info_rows(daemon):
    client = redis.Redis(host="127.0.0.1", port=daemon.port, protocol=2, decode_responses=True)
    commands = client.command()
    assert "user" in commands and "ping" in commands
    user = commands["user"]
    assert user["arity"] == -2 and user["flags"] == []
    add = {row[0]: row for row in user["subcommands"]}["user|add"]
    assert add[1] == -4 and add[2] == ["write", "admin"] and add[6] == ["@write", "@admin", "@user"]
    rows = client.execute_command("COMMAND INFO", "board|get", "nosuch")
    assert rows[1] is None
    assert rows[0][:6] == ["board|get", 3, ["readonly", "no_auth"], 0, 0, 0]
    assert client.command_list(pattern="pack|*") == ["pack|build", "pack|get", "pack|list", "pack|publish"]


@pytest.mark.usefixtures("redis_cli_installed")
def test_redis_cli_help_shows_quorum_commands(daemon):
    out = subprocess.run([REDIS_CLI, "-p", str(daemon.port), "help", "MEETING", "ADD"], capture_output=True,
                         text=True, timeout=20, check=True).stdout
    assert "MEETING ADD" in out and "board YYYY-MM-DD [HH:MM] [venue]" in out
    assert "add a meeting to a board's calendar (admin, secretary of the board)" in out
    assert "group:\x1b[0m meeting" in out
    group = subprocess.run([REDIS_CLI, "-p", str(daemon.port), "help", "@pack"], capture_output=True,
                           text=True, timeout=20, check=True).stdout
    for name in ("PACK BUILD", "PACK GET", "PACK LIST", "PACK PUBLISH"):
        assert name in group
    assert "MEETING ADD" not in group


@pytest.mark.usefixtures("redis_cli_installed")
def test_interactive_redis_cli_hints_a_commands_arguments(daemon):
    # On a terminal, redis-cli shows the arguments still to type in grey after what is typed.
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        # A terminal 200 columns wide, so that the line editor need not ask for its width.
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 200, 0, 0))
        os.execv(REDIS_CLI, [REDIS_CLI, "-p", str(daemon.port)])
    try:
        def read_until(needle: bytes, timeout: float = 15.0) -> bytes:
            seen = b""
            deadline = time.monotonic() + timeout
            while needle not in seen and time.monotonic() < deadline:
                ready, _, _ = select.select([fd], [], [], 0.2)
                if ready:
                    try:
                        seen += os.read(fd, 4096)
                    except OSError:
                        break
            return seen

        assert b">" in read_until(b">")
        os.write(fd, b"MEETING ADD ")
        seen = read_until(b"YYYY-MM-DD")
        assert b"board YYYY-MM-DD [HH:MM] [venue]" in seen
        os.write(fd, b"OSC ")
        assert b"YYYY-MM-DD [HH:MM] [venue]" in read_until(b"[venue]")
        os.write(fd, b"\x15PACK GET ")
        assert b"pack-id-or-meeting-id [html|pdf] [public|exempt]" in read_until(b"exempt]")
    finally:
        os.write(fd, b"\x03\x04")
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def test_protocol_md_documents_exactly_what_help_lists(daemon, conn):
    from conftest import ROOT
    text = (ROOT / "docs" / "protocol.md").read_text()
    commands = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    sections = {}
    for block in commands.split("\n### ")[1:]:
        name, body = block.split("\n", 1)
        sections[name] = [line for line in body.splitlines() if line.strip()]
    listed = set(conn.command("COMMAND", "LIST"))
    helped = {}
    for line in help_lines(conn):
        head, rest = line.split(" : ", 1)
        words = head.split(" ")
        name = " ".join(words[:2]) if "|".join(words[:2]).lower() in listed else words[0]
        helped[name] = f"`{head}` · {rest.rsplit(' (', 1)[1][:-1]}"
    assert sorted(sections) == sorted(helped)
    for name, signature in helped.items():
        assert sections[name][0] == signature, name
