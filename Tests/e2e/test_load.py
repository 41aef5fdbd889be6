"""A thousand concurrent connections on loopback, held with the default configuration, while
another client's requests keep succeeding. Bounded in count and in time; it stops by itself."""

import resource
import socket
import threading
import time

from test_limits import Pinger

CONNECTIONS = 1_000
TIME_LIMIT = 90  # seconds, for the whole test on a slow machine


def raise_open_file_limit(needed: int):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != resource.RLIM_INFINITY and soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(needed, hard) if hard != resource.RLIM_INFINITY else needed, hard))
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    assert soft >= needed, f"the open-file limit ({soft}) cannot be raised to {needed}"


def info_field(conn, name: str) -> str:
    text = conn.command("INFO")
    for line in text.splitlines():
        if line.startswith(name + ":"):
            return line.split(":", 1)[1]
    raise AssertionError(f"no {name} in INFO: {text}")


def test_a_thousand_connections_are_held_while_another_client_is_served(daemon):
    started = time.monotonic()
    deadline = started + TIME_LIMIT

    def remaining() -> float:
        """What is left of the test's time: every socket operation waits at most this long, so
        a stall anywhere fails the test within TIME_LIMIT by itself."""
        left = deadline - time.monotonic()
        assert left > 0, f"the test ran past its {TIME_LIMIT} s"
        return left

    raise_open_file_limit(CONNECTIONS + 200)
    observer = daemon.connect()
    observer.sock.settimeout(remaining())
    assert int(info_field(observer, "max_clients")) >= CONNECTIONS + 2
    held = []
    with Pinger(daemon) as other:
        try:
            for _ in range(CONNECTIONS):
                sock = socket.create_connection(("127.0.0.1", daemon.port), timeout=remaining())
                held.append(sock)
            # Every one of them is a working connection: ask each, then read each answer.
            for index, sock in enumerate(held):
                sock.settimeout(remaining())
                sock.sendall(b"PING %d\r\n" % index)
            for index, sock in enumerate(held):
                buffer = b""
                while buffer.count(b"\r\n") < 2:
                    sock.settimeout(remaining())
                    chunk = sock.recv(64)
                    assert chunk, f"connection {index} was closed"
                    buffer += chunk
                assert buffer == b"$%d\r\n%d\r\n" % (len(str(index)), index), buffer
            observer.sock.settimeout(remaining())
            assert int(info_field(observer, "connected_clients")) >= CONNECTIONS + 2
            # While all are open the other client has been answered throughout.
            other.assert_served()
            observer.sock.settimeout(remaining())
            assert observer.command("BOARD", "GET", "OSC").startswith("{")
        finally:
            for sock in held:
                sock.close()
    assert time.monotonic() - started < TIME_LIMIT
    # They are all gone again.
    observer.sock.settimeout(10)
    gone_by = time.monotonic() + 10
    while int(info_field(observer, "connected_clients")) > 1 and time.monotonic() < gone_by:
        time.sleep(0.1)
    assert int(info_field(observer, "connected_clients")) == 1
