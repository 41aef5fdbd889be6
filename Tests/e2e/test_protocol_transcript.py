"""docs/protocol.md's session transcripts, replayed against a fresh quorumd: every reply must
come back as the document shows it, tokens and times aside."""

import re

from conftest import ROOT

DOC = ROOT / "docs" / "protocol.md"
TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")
TOKEN = re.compile(r"^[0-9a-f]{64}$")
# A note after the sent or received bytes, set off by spaces: `(and the server closes …)`.
NOTE = re.compile(r"\s{2,}\(.*\)$")


def transcript(heading_words: str) -> list:
    """The lines of the first ```text block after the paragraph holding `heading_words`."""
    text = DOC.read_text()
    start = text.index(heading_words)
    block = text.index("```text\n", start) + len("```text\n")
    return text[block:text.index("```", block)].splitlines()


def raw_reply(conn) -> list:
    """One reply as the lines that came over the wire (CRLF not shown)."""
    line = conn._line().decode("latin-1")
    lines = [line]
    if line.startswith("$") and int(line[1:]) >= 0:
        length = int(line[1:])
        while len(conn.buffer) < length + 2:
            conn._fill()
        lines.append(conn.buffer[:length].decode("utf-8"))
        conn.buffer = conn.buffer[length + 2:]
    elif line.startswith("*"):
        for _ in range(int(line[1:])):
            lines += raw_reply(conn)
    return lines


def wire_bytes(sent: str) -> bytes:
    """An inline line as typed, or a RESP array written out with two spaces between its lines
    and `\\xHH` for bytes that are not text."""
    if not sent.startswith("*"):
        return sent.encode() + b"\r\n"
    parts = [part.encode("latin-1").decode("unicode_escape").encode("latin-1") for part in sent.split("  ")]
    return b"".join(part + b"\r\n" for part in parts)


def replay(daemon, lines: list) -> tuple:
    """Sends each `X>` line on connection X and reads what comes back. Returns the transcript as
    received (tokens as `<token N>`, `<admin token>` as written) and as documented, both with
    times as `<time>`."""
    connections = {}
    tokens = {"<admin token>": daemon.admin_token}
    expected, received = [], []
    index = 0
    while index < len(lines):
        line = NOTE.sub("", lines[index])
        who, arrow, body = re.match(r"^([A-Z]?)([<>]) (.*)$", line).groups()
        assert arrow == ">", f"a reply with no request before it: {line!r}"
        conn = connections.setdefault(who, daemon.connect())
        expected.append(line)
        received.append(line)
        sent = body
        for placeholder, token in tokens.items():
            sent = sent.replace(placeholder, token)
        conn.send_raw(wire_bytes(sent))
        index += 1
        documented = []
        while index < len(lines) and lines[index].startswith(f"{who}< "):
            documented.append(NOTE.sub("", lines[index])[len(who) + 2:])
            index += 1
        for got, shown in zip(raw_reply(conn), documented + [None] * 1000):
            if TOKEN.match(got) and shown is not None and re.fullmatch(r"<token \d+>", shown):
                tokens[shown] = got
                got = shown
            received.append(f"{who}< {TIME.sub('<time>', got)}")
        expected += [f"{who}< {TIME.sub('<time>', shown)}" for shown in documented]
    for conn in connections.values():
        conn.close()
    return received, expected


def test_the_inline_session_is_as_documented(daemon):
    received, expected = replay(daemon, transcript("An inline session over"))
    assert received == expected, "\n".join(received)


def test_the_two_connection_session_is_as_documented(make_daemon):
    daemon = make_daemon(args=["--http-listen", "off"])
    lines = transcript("Two connections, A (the admin) and B (a lead)")
    received, expected = replay(daemon, lines)
    assert received == expected, "\n".join(received)
    # COMMAND COUNT is in it, so the figure shown is the table's.
    assert any(line.startswith("A> COMMAND COUNT") for line in lines)
