"""A small RESP client that keeps bulk replies as bytes and never retries: a benchmark must see
exactly one request and one reply, on one connection, for every timed call."""

import socket
import threading
import time


class ReplyError(Exception):
    pass


class Client:
    def __init__(self, port: int, timeout: float = 300.0):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @staticmethod
    def encode(*words) -> bytes:
        parts = [f"*{len(words)}\r\n".encode()]
        for word in words:
            data = word if isinstance(word, bytes) else str(word).encode()
            parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
        return b"".join(parts)

    def command(self, *words):
        self.sock.sendall(self.encode(*words))
        return self.read_reply()

    def text(self, *words) -> str:
        reply = self.command(*words)
        if isinstance(reply, ReplyError):
            raise reply
        return reply.decode() if isinstance(reply, bytes) else str(reply)

    def auth(self, user: str, token: str):
        reply = self.command("AUTH", user, token)
        if reply != "OK":
            raise RuntimeError(f"AUTH {user}: {reply!r}")
        return self

    def _fill(self):
        chunk = self.sock.recv(1 << 20)
        if not chunk:
            raise ConnectionError("closed by server")
        self.buffer += chunk

    def _line(self) -> bytes:
        while True:
            end = self.buffer.find(b"\r\n")
            if end >= 0:
                line, self.buffer = self.buffer[:end], self.buffer[end + 2:]
                return line
            self._fill()

    def read_reply(self):
        line = self._line()
        kind, rest = line[:1], line[1:]
        if kind == b"+":
            return rest.decode()
        if kind == b"-":
            return ReplyError(rest.decode())
        if kind == b":":
            return int(rest)
        if kind == b"$":
            length = int(rest)
            if length < 0:
                return None
            while len(self.buffer) < length + 2:
                self._fill()
            data, self.buffer = self.buffer[:length], self.buffer[length + 2:]
            return data
        if kind == b"_":
            return None
        if kind == b"*":
            return [self.read_reply() for _ in range(int(rest))]
        raise RuntimeError(f"not a RESP reply: {line[:80]!r}")


def timed(client: Client, *words):
    """(seconds, reply) of one command; an error reply raises."""
    began = time.perf_counter()
    reply = client.command(*words)
    elapsed = time.perf_counter() - began
    if isinstance(reply, ReplyError):
        raise reply
    return elapsed, reply


class Pinger:
    """Another client: PINGs on its own connection every `interval` seconds while a long command
    runs, and keeps each round trip."""

    def __init__(self, port: int, interval: float = 0.002):
        self.client = Client(port, timeout=60)
        self.interval = interval
        self.samples = []
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self.stop_event.is_set():
            began = time.perf_counter()
            try:
                self.client.command("PING")
            except OSError:
                break
            self.samples.append(time.perf_counter() - began)
            self.stop_event.wait(self.interval)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop_event.set()
        self.thread.join(timeout=70)
        self.client.close()


def percentile(samples, fraction: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, int(round(fraction * (len(ordered) - 1)))))
    return ordered[index]
