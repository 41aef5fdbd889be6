"""Crafted and random frames: each ends in an error reply or a closed connection, promptly, and
the daemon keeps serving everyone else with its memory bounded."""

import random
import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from test_limits import rss_kib

# Short limits so that frames left unfinished end within the test's patience.
CONFIG = "limits: { request_timeout_seconds: 2, idle_timeout_seconds: 30, max_bulk_bytes: 4096, max_array_count: 64 }\n"


def bulk(data: bytes) -> bytes:
    return b"$%d\r\n%s\r\n" % (len(data), data)


def array(*words: bytes) -> bytes:
    return b"*%d\r\n" % len(words) + b"".join(bulk(word) for word in words)


def crafted_frames():
    """(name, bytes) pairs, each a way to get a request wrong."""
    frames = []
    add = lambda name, data: frames.append((name, data))  # noqa: E731

    # Invalid UTF-8 where text is needed: the command name and each argument position.
    bad_utf8 = [b"\xff", b"\xc0\xaf", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\xe2\x82", b"abc\x80def", b"\xfe\xfe"]
    for i, bad in enumerate(bad_utf8):
        add(f"invalid UTF-8 command name {i}", array(bad))
        add(f"invalid UTF-8 argument {i}", array(b"PING", bad))
        add(f"invalid UTF-8 board code {i}", array(b"BOARD", b"GET", bad))
        add(f"invalid UTF-8 inline {i}", b"PING " + bad + b"\r\n")
    # NUL bytes.
    add("NUL in an inline line", b"PING a\x00b\r\n")
    add("NUL alone inline", b"\x00\r\n")
    add("NUL in the command name", array(b"PI\x00NG"))
    add("NUL in a board code", array(b"BOARD", b"GET", b"OSC\x00"))
    add("NUL in AUTH", array(b"AUTH", b"admin\x00", b"x"))
    add("NUL before the array header", b"\x00*1\r\n$4\r\nPING\r\n")
    # Negative and absurd lengths.
    for header in [b"$-2", b"$-100", b"$-9223372036854775808", b"$99999999999999999999999", b"$1e3", b"$0x10",
                   b"$ 4", b"$4 ", b"$+4", b"$04", b"$", b"$-", b"$--1", b"$9223372036854775807",
                   b"$4611686018427387904", b"$18446744073709551616"]:
        add(f"bulk length {header!r}", b"*1\r\n" + header + b"\r\nPING\r\n")
    for header in [b"*-2", b"*abc", b"*1e9", b"*99999999999999999999", b"*9223372036854775807",
                   b"*+1", b"*01", b"* 1", b"*\r"]:
        add(f"array count {header!r}", header + b"\r\n$4\r\nPING\r\n")
    add("array of more than the limit (in step, TOOBIG)", array(*[b"x"] * 65))
    add("bulk over the limit (in step, TOOBIG)", array(b"PING", b"x" * 5000))
    add("bulk far over the limit", b"*2\r\n$4\r\nPING\r\n$100000000\r\n")
    # Broken framing.
    add("bulk body longer than declared", b"*1\r\n$2\r\nPING\r\n")
    add("bulk body shorter than declared", b"*1\r\n$6\r\nPING\r\n\r\n\r\n")
    add("bulk without CRLF", b"*1\r\n$4\r\nPINGXX")
    add("header with a bare LF", b"*1\n$4\nPING\n")
    add("header with a bare CR", b"*1\r$4\rPING\r")
    add("array element not a bulk: simple string", b"*1\r\n+PING\r\n")
    add("array element not a bulk: integer", b"*1\r\n:1\r\n")
    add("array element not a bulk: error", b"*1\r\n-ERR\r\n")
    add("array element not a bulk: null", b"*2\r\n$4\r\nPING\r\n_\r\n")
    add("RESP3 map as a request", b"%1\r\n$4\r\nPING\r\n$1\r\nx\r\n")
    # Nested arrays.
    add("nested array", b"*1\r\n*1\r\n$4\r\nPING\r\n")
    add("deeply nested arrays", b"*1\r\n" * 10_000 + b"$4\r\nPING\r\n")
    add("array inside arguments", b"*3\r\n$4\r\nPING\r\n*1\r\n$1\r\nx\r\n")
    # Truncated frames: the request timeout must end them.
    for cut in [b"*", b"*2", b"*2\r", b"*2\r\n", b"*2\r\n$", b"*2\r\n$4", b"*2\r\n$4\r\n", b"*2\r\n$4\r\nPI",
                b"*2\r\n$4\r\nPING\r\n", b"*2\r\n$4\r\nPING\r\n$3\r\nab", b"PING", b"PING \"unclosed",
                b"*1\r\n$4000\r\n" + b"x" * 100]:
        add(f"truncated {cut[:24]!r}", cut)
    # Inline oddities.
    add("unbalanced double quote", b'PING "abc\r\n')
    add("unbalanced single quote", b"PING 'abc\r\n")
    add("closing quote followed by a letter", b'PING "abc"def\r\n')
    add("unknown command inline", b"NOSUCHCOMMAND a b c\r\n")
    add("only escapes", b'"\\x\\y\\z"\r\n')
    add("control characters", b"\x01\x02\x03\x04\r\n")
    add("inline line over the limit", b"PING " + b"x" * 70_000 + b"\r\n")
    add("a line of tabs and a command", b"\t\t\t\x0b\x0cNOSUCH\r\n")
    add("CR only lines", b"\r\r\r\rNOSUCH\r\n")
    # Wrong commands in RESP.
    add("empty command name", array(b""))
    add("subcommand missing", array(b"BOARD"))
    add("unknown subcommand", array(b"BOARD", b"EXPLODE"))
    add("wrong arity", array(b"BOARD", b"GET"))
    add("AUTH with a wrong token", array(b"AUTH", b"admin", b"wrong"))
    add("AUTH with a huge token", array(b"AUTH", b"admin", b"t" * 4000))
    add("HELLO with a silly version", array(b"HELLO", b"99"))
    add("HELLO with a negative version", array(b"HELLO", b"-1"))
    add("MEETING GET of garbage", array(b"MEETING", b"GET", b"../../etc/passwd"))
    add("MEETING ADD signed out", array(b"MEETING", b"ADD", b"OSC", b"2099-01-01"))
    add("IMPORT signed out", array(b"IMPORT", b"actions", b"\xff\xfe"))
    add("PACK GET of a huge id", array(b"PACK", b"GET", b"9" * 3000))

    # Random bytes from a fixed seed, so a failure can be replayed.
    generator = random.Random(20261201)
    for i in range(40):
        data = bytes(generator.randrange(256) for _ in range(generator.randrange(1, 200)))
        if data[:1].isspace():
            data = b"X" + data
        add(f"random bytes {i}", data)
    for i in range(20):
        pieces = [b"*", b"$", b"\r\n", b"-1", b"3", b"PIN", b"\xff", b"\x00", b'"', b"*1\r\n", b"$4\r\n"]
        data = b"*" + b"".join(generator.choice(pieces) for _ in range(generator.randrange(2, 30)))
        add(f"random RESP fragments {i}", data)
    return frames


FRAMES = crafted_frames()


REQUEST_TIMEOUT = 2  # limits.request_timeout_seconds above
LINGER = 2  # RESPConnectionHandler.lingerTime: how long input is drained after a closing error
# Every frame has its answer or its close within the request timeout and the linger after it;
# the rest is slack for a busy machine, well short of a connection left hanging for good.
CLOSE_BOUND = REQUEST_TIMEOUT + LINGER + 2


def outcome(port: int, data: bytes) -> str:
    """What the daemon did with `data`: 'error' (an error reply first, and for an error that
    ends the connection, the close after it), 'closed', 'hung' (no answer or no close within
    CLOSE_BOUND), or the first reply that was neither."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=CLOSE_BOUND)
    try:
        try:
            sock.sendall(data)
        except OSError:
            return "closed"
        received = b""
        deadline = time.monotonic() + CLOSE_BOUND
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "hung"
            sock.settimeout(remaining)
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                return "hung"
            except ConnectionResetError:
                return "closed" if not received else "reset after " + received[:40].decode("latin-1")
            if not chunk:
                return "error" if received.startswith(b"-") else ("closed" if not received else "closed after " + received[:40].decode("latin-1"))
            received += chunk
            if received.startswith(b"-") and b"\r\n" in received:
                line = received.split(b"\r\n", 1)[0]
                if b"Protocol error" in line or b"timeout" in line:
                    # An error that ends the connection: the close must follow within the bound.
                    return "error" if closes_by(sock, deadline) else "hung after " + line[:60].decode("latin-1")
                return "error"
            if b"\r\n" in received:
                # A reply that is not an error: only frames that decode to a valid command get one.
                return "reply " + received.split(b"\r\n", 1)[0][:60].decode("latin-1")
    finally:
        sock.close()


def closes_by(sock, deadline: float) -> bool:
    """Whether the server closes `sock` (after any bytes still coming) before `deadline`."""
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        sock.settimeout(remaining)
        try:
            if not sock.recv(65536):
                return True
        except socket.timeout:
            return False
        except ConnectionResetError:
            return True


def test_there_are_at_least_a_hundred_frames():
    assert len(FRAMES) >= 100


@pytest.fixture(scope="module")
def hostile_daemon(tmp_path_factory):
    from conftest import ROOT, Daemon, write_config

    tmp = tmp_path_factory.mktemp("hostile")
    daemon = Daemon(tmp / "data", write_config(tmp / "quorum.yaml", CONFIG), ROOT / "Boards").start()
    yield daemon
    daemon.stop()


def test_every_hostile_frame_ends_in_an_error_or_a_close_and_others_are_served(hostile_daemon):
    daemon = hostile_daemon
    control = daemon.connect()
    assert control.command("PING") == "PONG"
    before = rss_kib(daemon.process.pid)
    with ThreadPoolExecutor(max_workers=24) as pool:
        results = list(pool.map(lambda frame: (frame[0], outcome(daemon.port, frame[1])), FRAMES))
        # While they ran, and after, the control connection is answered.
        assert control.command("PING", "still here") == "still here"
    unexpected = [(name, result) for name, result in results if result not in ("error", "closed")]
    assert not unexpected, unexpected
    # Most frames must get a coded error, not just a dropped connection.
    errors = sum(1 for _, result in results if result == "error")
    assert errors >= len(FRAMES) * 3 // 4, results
    assert daemon.process.poll() is None
    assert control.command("BOARD", "GET", "OSC").startswith("{")
    assert rss_kib(daemon.process.pid) - before < 100 * 1024


@pytest.mark.parametrize("name,data", [f for f in FRAMES if not f[0].startswith("random")][:40])
def test_a_connection_after_a_hostile_frame_is_served(hostile_daemon, name, data):
    outcome(hostile_daemon.port, data)
    fresh = hostile_daemon.connect()
    assert fresh.command("PING") == "PONG"
    fresh.close()
