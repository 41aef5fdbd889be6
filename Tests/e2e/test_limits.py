"""Every protocol limit hit over real TCP, while another client is answered at the same moment."""

import os
import resource
import select
import socket
import threading
import time

from conftest import ReplyError


class Pinger:
    """Another client that keeps sending PING on its own connection while a test runs, and
    records every answer: the daemon must keep serving it whatever the misbehaving client does."""

    def __init__(self, daemon):
        self.conn = daemon.connect()
        self.replies = []
        self.failures = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                reply = self.conn.command("PING", "other")
            except Exception as error:  # noqa: BLE001 - any failure is the finding
                self.failures.append(repr(error))
                return
            self.replies.append((reply, time.monotonic() - started))
            time.sleep(0.02)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(timeout=10)
        self.conn.close()

    def answered_since(self, count: int) -> int:
        return sum(1 for reply, _ in self.replies[count:] if reply == "other")

    def assert_served(self, since: int = 0):
        """The other client got answers after `since`, all of them right, none slow."""
        time.sleep(0.2)
        assert not self.failures, self.failures
        assert self.answered_since(since) >= 3, self.replies[since:]
        assert all(reply == "other" for reply, _ in self.replies)
        assert max(elapsed for _, elapsed in self.replies) < 2.0


def rss_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS")


def test_an_inline_line_over_max_line_bytes_is_a_protocol_error_and_closes(make_daemon):
    daemon = make_daemon("limits: { max_line_bytes: 1024 }\n")
    with Pinger(daemon) as other:
        conn = daemon.connect()
        conn.send_raw(b"PING " + b"x" * 1019 + b"\r\n")  # exactly 1024 bytes: accepted
        assert conn.read_reply() == "x" * 1019
        mark = len(other.replies)
        conn.send_raw(b"PING " + b"x" * 4096)  # no line end needed to know it is too long
        reply = conn.read_reply()
        assert isinstance(reply, ReplyError) and reply == "ERR Protocol error: inline request longer than 1024 bytes"
        assert conn.is_closed()
        other.assert_served(mark)


def test_a_bulk_string_over_max_bulk_bytes_gets_toobig_and_the_connection_carries_on(make_daemon):
    daemon = make_daemon("limits: { max_bulk_bytes: 2048 }\n")
    with Pinger(daemon) as other:
        conn = daemon.connect()
        assert conn.command("PING", "y" * 2048) == "y" * 2048
        mark = len(other.replies)
        reply = conn.command("IMPORT", "actions", "z" * 5000)
        assert reply.code == "TOOBIG"
        assert reply == "TOOBIG argument 3 of IMPORT is 5000 bytes; the limit is 2048"
        # The body was read and dropped, so the next request is in step.
        assert conn.command("PING", "after") == "after"
        other.assert_served(mark)


def test_a_bulk_length_far_over_the_limit_is_lost_framing_and_closes(make_daemon):
    daemon = make_daemon("limits: { max_bulk_bytes: 2048 }\n")
    with Pinger(daemon) as other:
        conn = daemon.connect()
        mark = len(other.replies)
        conn.send_raw(b"*2\r\n$4\r\nPING\r\n$999999999\r\n")
        reply = conn.read_reply()
        assert reply == "ERR Protocol error: invalid bulk length 999999999: more than 2048 bytes"
        assert conn.is_closed()
        other.assert_served(mark)


def test_more_arguments_than_max_array_count_gets_toobig(make_daemon):
    daemon = make_daemon("limits: { max_array_count: 8 }\n")
    with Pinger(daemon) as other:
        conn = daemon.connect()
        mark = len(other.replies)
        reply = conn.command("PING", *["a"] * 9)
        assert reply == "TOOBIG the request has 10 arguments; the limit is 8"
        assert conn.command("PING") == "PONG"
        other.assert_served(mark)


def test_arguments_adding_up_past_max_request_bytes_get_toobig(make_daemon):
    daemon = make_daemon("limits: { max_bulk_bytes: 4096, max_request_bytes: 10000 }\n")
    with Pinger(daemon) as other:
        conn = daemon.connect()
        mark = len(other.replies)
        reply = conn.command("REPORT", "SUBMIT", *["r" * 4000] * 3)
        assert reply == "TOOBIG the arguments of REPORT add up to more than 10000 bytes, the limit"
        assert conn.command("PING") == "PONG"
        other.assert_served(mark)


def test_an_argument_too_big_for_its_command_gets_toobig_and_the_connection_carries_on(daemon):
    with Pinger(daemon) as other:
        conn = daemon.connect()
        mark = len(other.replies)
        # A board code is short (1 KiB), well under the decoder's 64 MiB for a bulk string.
        reply = conn.command("BOARD", "GET", "C" * 5000)
        assert isinstance(reply, ReplyError)
        assert reply == "TOOBIG BOARD GET: argument 3 is 5000 bytes; at most 1024"
        # A venue is free text (64 KiB); a report is a document, bound only by the decoder.
        reply = conn.command("MEETING", "ADD", "OSC", "2018-12-12", "18:30", "v" * 70_000)
        assert reply == "TOOBIG MEETING ADD: argument 6 is 70000 bytes; at most 65536"
        assert conn.command("PING", "p" * 70_000) == "p" * 70_000
        # In step: the next request is answered.
        assert conn.command("BOARD", "GET", "OSC").startswith("{")
        other.assert_served(mark)


def test_the_connection_over_max_connections_is_refused_with_the_limit_named(make_daemon):
    daemon = make_daemon("limits: { max_connections: 3 }\n")
    with Pinger(daemon) as other:
        kept = [daemon.connect(), daemon.connect()]
        assert all(conn.command("PING") == "PONG" for conn in kept)
        mark = len(other.replies)
        refused = daemon.connect()
        reply = refused.read_reply()
        assert reply.code == "ERR" and "max number of clients reached (3, limits.max_connections)" in reply
        assert refused.is_closed()
        other.assert_served(mark)
        # A slot freed is a slot offered again.
        kept.pop().close()
        time.sleep(0.3)
        again = daemon.connect()
        assert again.command("PING") == "PONG"


DEFAULT_MAX_CONNECTIONS = 10_000
FILE_RESERVE = 64  # OpenFileLimit.reserve: descriptors kept for the database, logs and packs


def info_max_clients(conn) -> int:
    for line in conn.command("INFO").splitlines():
        if line.startswith("max_clients:"):
            return int(line.split(":", 1)[1])
    raise AssertionError("no max_clients in INFO")


def daemon_soft_file_limit(pid: int) -> int:
    with open(f"/proc/{pid}/limits") as limits:
        for line in limits:
            if line.startswith("Max open files"):
                return int(line.split()[3])
    raise AssertionError("no open-file limit")


def stderr_after_stop(daemon) -> str:
    daemon.stop()
    return daemon.process.stderr.read()


def test_the_connection_cap_is_lowered_to_fit_a_low_open_file_limit_and_a_warning_says_so(make_daemon):
    # Soft and hard limit both 256: quorumd cannot raise it, so it keeps 64 descriptors back and
    # lowers the cap to the 192 connections that fit.
    def low_limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))

    daemon = make_daemon(preexec_fn=low_limit)
    with Pinger(daemon) as other:
        conn = daemon.connect()
        assert info_max_clients(conn) == 256 - FILE_RESERVE
        other.assert_served()
        conn.close()
    log = stderr_after_stop(daemon)
    warnings = [line for line in log.splitlines() if "connection limit lowered to fit the open-file limit" in line]
    assert len(warnings) == 1, log
    assert "warning" in warnings[0]
    for field in ["max_connections=192", "asked=10000", "open_files=256", "reserved=64"]:
        assert field in warnings[0], warnings[0]


def test_the_connection_cap_lowered_from_a_configured_max_connections_too(make_daemon):
    def low_limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (100, 100))

    daemon = make_daemon("limits: { max_connections: 500 }\n", preexec_fn=low_limit)
    conn = daemon.connect()
    assert info_max_clients(conn) == 100 - FILE_RESERVE
    conn.close()
    assert "asked=500" in stderr_after_stop(daemon)


def hard_file_limit() -> int:
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return hard


def expected_default_cap() -> int:
    """10,000 when the hard limit leaves room for it and the reserve, else what fits."""
    hard = hard_file_limit()
    if hard == resource.RLIM_INFINITY or hard >= DEFAULT_MAX_CONNECTIONS + FILE_RESERVE:
        return DEFAULT_MAX_CONNECTIONS
    return hard - FILE_RESERVE


def test_the_default_cap_is_ten_thousand_when_the_open_file_limit_allows(make_daemon):
    # The soft limit raised as far as the hard limit allows before quorumd starts.
    def raised():
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard_file_limit(), hard_file_limit()))

    daemon = make_daemon(preexec_fn=raised)
    conn = daemon.connect()
    assert info_max_clients(conn) == expected_default_cap()
    conn.close()
    log = stderr_after_stop(daemon)
    lowered = "connection limit lowered" in log
    assert lowered == (expected_default_cap() < DEFAULT_MAX_CONNECTIONS), log


def test_quorumd_raises_a_low_soft_limit_itself_towards_the_hard_limit(make_daemon):
    # Soft 1,024 (a common default), the hard limit left as it is: quorumd raises its own soft
    # limit to the 10,064 it needs, as far as the hard limit allows, before fitting the cap.
    def low_soft():
        resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard_file_limit()))

    daemon = make_daemon(preexec_fn=low_soft)
    conn = daemon.connect()
    assert info_max_clients(conn) == expected_default_cap()
    assert daemon_soft_file_limit(daemon.process.pid) == expected_default_cap() + FILE_RESERVE
    conn.close()


def test_an_idle_connection_is_told_and_closed_while_a_busy_one_stays(make_daemon):
    daemon = make_daemon("limits: { idle_timeout_seconds: 1 }\n")
    with Pinger(daemon) as other:
        idle = daemon.connect()
        assert idle.command("PING") == "PONG"
        mark = len(other.replies)
        time.sleep(2.5)
        reply = idle.read_reply()
        assert reply.code == "ERR" and "idle timeout" in reply and "limits.idle_timeout_seconds" in reply
        assert idle.is_closed()
        # The pinger sent something every 20 ms, so it was never idle.
        other.assert_served(mark)


def test_a_client_trickling_one_request_is_cut_off_at_the_request_timeout(make_daemon):
    daemon = make_daemon("limits: { request_timeout_seconds: 2, idle_timeout_seconds: 60 }\n")
    with Pinger(daemon) as other:
        slow = daemon.connect()
        mark = len(other.replies)
        started = time.monotonic()
        request = b"*2\r\n$4\r\nPING\r\n$100\r\n" + b"s" * 100 + b"\r\n"
        # A byte every 100 ms keeps the idle timer happy but would take 12 s to finish; stop
        # sending as soon as the server has said something.
        for byte in request:
            readable, _, _ = select.select([slow.sock], [], [], 0.1)
            if readable or time.monotonic() - started > 4:
                break
            slow.send_raw(bytes([byte]))
        reply = slow.read_reply()
        assert reply.code == "ERR" and "request timeout" in reply and "limits.request_timeout_seconds" in reply
        assert slow.is_closed()
        assert 1.5 < time.monotonic() - started < 5
        other.assert_served(mark)


def test_a_steady_pipeline_is_not_mistaken_for_a_trickle(make_daemon):
    daemon = make_daemon("limits: { request_timeout_seconds: 1 }\n")
    with Pinger(daemon) as other:
        conn = daemon.connect()
        mark = len(other.replies)
        # Many requests over 3 s, each complete quickly though the stream never pauses long.
        deadline = time.monotonic() + 3
        sent = 0
        while time.monotonic() < deadline:
            conn.send_raw(b"PING a\r\nPI")
            time.sleep(0.05)
            conn.send_raw(b"NG b\r\n")
            sent += 2
        replies = [conn.read_reply() for _ in range(sent)]
        assert replies == ["a", "b"] * (sent // 2)
        other.assert_served(mark)


def test_a_client_that_never_reads_its_replies_is_throttled_not_buffered(make_daemon):
    daemon = make_daemon("limits: { idle_timeout_seconds: 60 }\n")
    pid = daemon.process.pid
    with Pinger(daemon) as other:
        before = rss_kib(pid)
        greedy = socket.create_connection(("127.0.0.1", daemon.port))
        greedy.settimeout(3)
        chunk = b"PING\r\n" * 10_000  # 60 KB of requests, 70 KB of replies
        offered = 64 * 1024 * 1024
        accepted = 0
        try:
            while accepted < offered:
                accepted += greedy.send(chunk)
        except socket.timeout:
            pass
        mark = len(other.replies)
        time.sleep(0.5)
        after = rss_kib(pid)
        # The server stopped reading: the client's writes stalled in the socket buffers, far
        # short of what it offered, and the daemon's memory did not follow the offer.
        assert accepted < 32 * 1024 * 1024, accepted
        assert after - before < 64 * 1024, (before, after)
        other.assert_served(mark)
        greedy.close()
    fresh = daemon.connect()
    assert fresh.command("PING") == "PONG"


def test_a_large_pipeline_read_slowly_gets_every_reply_in_order(make_daemon):
    daemon = make_daemon()
    with Pinger(daemon) as other:
        conn = daemon.connect()
        count = 30_000
        payload = b"".join(b"PING %d\r\n" % i for i in range(count))

        def send():
            conn.sock.sendall(payload)

        mark = len(other.replies)
        sender = threading.Thread(target=send)
        sender.start()
        time.sleep(0.5)  # let the server hit its bounds before the client starts reading
        replies = [conn.read_reply() for _ in range(count)]
        sender.join(timeout=30)
        assert replies == [str(i) for i in range(count)]
        other.assert_served(mark)


def flood_without_reading(daemon, request, offered: int):
    """Sends numbered requests `request(i)` on a new connection without reading a reply, until
    the kernel stops taking bytes (the server no longer reads) or `offered` bytes have gone.
    Returns the socket, the bytes the kernel accepted, and how many whole requests were sent
    (the one cut short is finished, so the stream stays in step)."""
    greedy = socket.create_connection(("127.0.0.1", daemon.port))
    greedy.settimeout(2)
    accepted = 0
    sent = 0
    pending = b""
    try:
        while accepted < offered:
            if not pending:
                pending = b"".join(request(sent + i) for i in range(100))
            taken = greedy.send(pending)
            accepted += taken
            pending = pending[taken:]
            if not pending:
                sent += 100
    except socket.timeout:
        pass
    # Whole requests the cut-off batch held, and the rest of the one cut short.
    if pending:
        batch = [request(sent + i) for i in range(100)]
        done = len(b"".join(batch)) - len(pending)
        whole, used = 0, 0
        while used + len(batch[whole]) <= done:
            used += len(batch[whole])
            whole += 1
        rest = batch[whole][done - used:] if done > used else b""
        sent += whole + (1 if rest else 0)
        pending = rest
    return greedy, accepted, sent, pending


def read_replies(sock, count: int, timeout: float = 60) -> list:
    """Reads `count` RESP bulk replies from `sock`, each as text."""
    from conftest import Connection
    reader = Connection.__new__(Connection)
    reader.sock = sock
    reader.buffer = b""
    sock.settimeout(timeout)
    return [reader.read_reply() for _ in range(count)]


def assert_flood_is_held_then_answered_in_order(daemon, request, expected):
    pid = daemon.process.pid
    with Pinger(daemon) as other:
        before = rss_kib(pid)
        greedy, accepted, sent, rest = flood_without_reading(daemon, request, offered=256 * 1024 * 1024)
        mark = len(other.replies)
        time.sleep(0.5)
        after = rss_kib(pid)
        # The server stopped reading: what the kernel took is the socket buffers' worth, far
        # short of what was offered, and the daemon's memory did not grow with it.
        assert accepted < 32 * 1024 * 1024, accepted
        assert after - before < 48 * 1024, (before, after)
        other.assert_served(mark)
        # Once the client reads, every reply comes, in order, and nothing more.
        reader = threading.Thread(target=lambda: greedy.sendall(rest))
        reader.start()
        replies = read_replies(greedy, sent)
        reader.join(timeout=30)
        assert replies == [expected(i) for i in range(sent)]
        greedy.settimeout(1)
        try:
            extra = greedy.recv(1)
        except socket.timeout:
            extra = b""
        assert extra == b""
        greedy.close()
        other.assert_served(mark)


PAD = b"p" * 1000


def padded_ping(i: int) -> bytes:
    """A request whose reply is 1 KB, so that the socket buffers fill with few requests."""
    return b"PING %d-%s\r\n" % (i, PAD)


def padded_pong(i: int) -> str:
    return "%d-%s" % (i, PAD.decode())


def test_a_small_max_pipelined_requests_holds_a_flood_and_answers_it_in_order(make_daemon):
    daemon = make_daemon("limits: { max_pipelined_requests: 4, idle_timeout_seconds: 60 }\n")
    assert_flood_is_held_then_answered_in_order(daemon, padded_ping, padded_pong)


def test_a_small_max_pending_reply_bytes_holds_a_flood_and_answers_it_in_order(make_daemon):
    # Four of the 1 KB replies fill what the server keeps for the client.
    daemon = make_daemon("limits: { max_pending_reply_bytes: 4096, idle_timeout_seconds: 60 }\n")
    assert_flood_is_held_then_answered_in_order(daemon, padded_ping, padded_pong)


def test_a_flood_of_bare_pings_never_read_is_held_too_and_every_pong_comes_once_read(daemon):
    # Bare PINGs are answered as they are decoded, not queued: the server must still stop
    # reading once the client leaves its replies unread.
    pid = daemon.process.pid
    frames = [b"PING\r\n", b"*1\r\n$4\r\nPING\r\n"]
    with Pinger(daemon) as other:
        before = rss_kib(pid)
        greedy, accepted, sent, rest = flood_without_reading(daemon, lambda i: frames[i % 2], offered=256 * 1024 * 1024)
        mark = len(other.replies)
        time.sleep(0.5)
        after = rss_kib(pid)
        print("ACCEPTED", accepted, before, after); assert accepted < 64 * 1024 * 1024, accepted
        assert after - before < 48 * 1024, (before, after)
        other.assert_served(mark)
        reader = threading.Thread(target=lambda: greedy.sendall(rest))
        reader.start()
        expected = b"+PONG\r\n" * sent
        received = bytearray()
        greedy.settimeout(30)
        while len(received) < len(expected):
            chunk = greedy.recv(1 << 20)
            assert chunk, "closed after %d of %d bytes" % (len(received), len(expected))
            received += chunk
        reader.join(timeout=30)
        assert bytes(received) == expected
        greedy.settimeout(1)
        try:
            extra = greedy.recv(1)
        except socket.timeout:
            extra = b""
        assert extra == b""
        greedy.close()
        other.assert_served(mark)


def test_event_loop_threads_sizes_the_daemons_network_threads(make_daemon, tmp_path):
    def loops(daemon):
        names = [open(f"/proc/{daemon.process.pid}/task/{task}/comm").read().strip()
                 for task in os.listdir(f"/proc/{daemon.process.pid}/task")]
        return sorted(name for name in names if name.startswith("NIO-SGLTN"))

    assert len(loops(make_daemon("limits: { event_loop_threads: 3 }\n"))) == 3
    # The default: half the cores, at least one.
    assert len(loops(make_daemon("", data_dir=tmp_path / "second"))) == max(1, os.cpu_count() // 2)


def test_failed_sign_ins_are_slowed_then_the_connection_is_refused(daemon):
    with Pinger(daemon) as other:
        guesser = daemon.connect()
        timings = []
        for _ in range(9):
            started = time.monotonic()
            reply = guesser.command("AUTH", "admin", "not-the-token")
            timings.append(time.monotonic() - started)
            assert reply.code == "WRONGPASS"
        # The first three are answered at once; from the fourth each waits, longer and longer.
        assert max(timings[:3]) < 0.25, timings
        assert timings[3] >= 0.25 and timings[4] >= 0.5 and timings[5] >= 1.0, timings
        mark = len(other.replies)
        final = guesser.command("AUTH", "admin", "not-the-token")
        assert final == "ERR 10 failed sign-ins on this connection; closing it"
        assert guesser.is_closed()
        other.assert_served(mark)
    # Another connection signs in with the right token at once.
    fresh = daemon.connect()
    started = time.monotonic()
    assert fresh.command("AUTH", "admin", daemon.admin_token) == "OK"
    assert time.monotonic() - started < 0.25
