"""Fixtures that start the real quorumd on a free port with a temporary data directory."""

import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("QUORUM_BIN", ROOT / ".build" / "debug"))
if not BIN.is_absolute():
    BIN = ROOT / BIN


class Daemon:
    """A running quorumd: its port, data directory, admin token and process."""

    def __init__(self, data_dir: Path, config: Path, boards_dir: Path, extra_args=(), preexec_fn=None):
        self.extra_args = list(extra_args)
        # Run in the child before quorumd starts, e.g. to set its resource limits.
        self.preexec_fn = preexec_fn
        self.data_dir = data_dir
        self.config = config
        self.boards_dir = boards_dir
        self.process = None
        self.port = None
        self.tls_port = None

    def start(self, timeout: float = 30.0):
        # The portal takes any free port too, so that daemons started side by side do not collide.
        args = list(self.extra_args)
        if "--http-listen" not in args:
            args += ["--http-listen", "127.0.0.1:0"]
        wants_portal = args[args.index("--http-listen") + 1] != "off"
        self.process = subprocess.Popen(
            [str(BIN / "quorumd"), "--config", str(self.config), "--data-dir", str(self.data_dir),
             "--boards-dir", str(self.boards_dir), "--listen", "127.0.0.1:0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=self.preexec_fn,
        )
        deadline = time.monotonic() + timeout
        line = ""
        self.port = None
        self.http_url = None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if line.startswith("quorumd: TLS listening on "):
                self.tls_port = int(line.split()[4].rsplit(":", 1)[1])
            if line.startswith("quorumd: listening on "):
                address = line.split()[3].rstrip(";")
                self.port = int(address.rsplit(":", 1)[1])
            elif line.startswith("quorumd: portal on "):
                self.http_url = line.split()[3].rstrip("/")
            if self.port is not None and (self.http_url is not None or not wants_portal):
                return self
            if not line and self.process.poll() is not None:
                break
        stderr = self.process.stderr.read() if self.process.poll() is not None else ""
        raise RuntimeError(f"quorumd did not start: {line!r} {stderr}")

    @property
    def admin_token(self) -> str:
        return (self.data_dir / "admin.token").read_text().strip()

    def stop(self, sig=signal.SIGTERM, timeout: float = 15.0) -> int:
        if self.process is None or self.process.poll() is not None:
            return self.process.returncode if self.process else 0
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            raise

    def connect(self) -> "Connection":
        return Connection(self.port)


class Connection:
    """A raw TCP connection that speaks RESP by hand, so the tests see exact bytes."""

    def __init__(self, port: int):
        # Generous: building a pack renders PDFs, slow on a busy machine.
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=120)
        self.buffer = b""

    def close(self):
        self.sock.close()

    def send_raw(self, data: bytes):
        self.sock.sendall(data)

    def command(self, *words):
        parts = [f"*{len(words)}\r\n".encode()]
        for word in words:
            data = word if isinstance(word, bytes) else str(word).encode()
            parts.append(f"${len(data)}\r\n".encode() + data + b"\r\n")
        self.sock.sendall(b"".join(parts))
        return self.read_reply()

    def inline(self, line: str):
        self.sock.sendall(line.encode() + b"\r\n")
        return self.read_reply()

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed by server")
        self.buffer += chunk

    def _line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._fill()
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

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
            return data.decode()
        if kind == b"*":
            return [self.read_reply() for _ in range(int(rest))]
        raise AssertionError(f"not a RESP reply: {line!r}")

    def is_closed(self, timeout: float = 5.0) -> bool:
        self.sock.settimeout(timeout)
        try:
            return self.sock.recv(1) == b""
        except ConnectionResetError:
            return True


class ReplyError(str):
    """An error reply: its first word is the code."""

    @property
    def code(self) -> str:
        return self.split(" ", 1)[0]


def write_config(path: Path, extra: str = "") -> Path:
    path.write_text(
        "listen: 127.0.0.1:0\n"
        "timezone: Europe/London\n"
        + extra
    )
    return path


@pytest.fixture
def make_daemon(tmp_path):
    """Starts daemons on demand (with an optional config addition or boards folder); stops them all."""
    started = []

    def make(config_extra: str = "", boards_dir: Path = ROOT / "Boards", data_dir: Path = None, args=(),
             preexec_fn=None) -> Daemon:
        config = write_config(tmp_path / f"quorum-{len(started)}.yaml", config_extra)
        daemon = Daemon(data_dir or tmp_path / "data", config, boards_dir, args, preexec_fn)
        started.append(daemon)
        return daemon.start()

    yield make
    for daemon in started:
        daemon.stop(signal.SIGKILL if daemon.process.poll() is None else signal.SIGTERM)


@pytest.fixture
def daemon(make_daemon) -> Daemon:
    return make_daemon()


@pytest.fixture
def demo_daemon(make_daemon) -> Daemon:
    """A daemon started as make run starts it: with the demo plan loaded."""
    return make_daemon(args=["--demo-data", str(ROOT / "Demo")])


@pytest.fixture
def conn(daemon):
    connection = daemon.connect()
    yield connection
    connection.close()


@pytest.fixture
def boards_copy(tmp_path) -> Path:
    """A writable copy of the shipped board files, for tests that break one."""
    target = tmp_path / "Boards"
    shutil.copytree(ROOT / "Boards", target)
    return target


def wait_for_pdf(conn: Connection, pack: dict, timeout: float = 900.0) -> dict:
    """PACK BUILD replies once the HTML is stored; the PDF follows. Asks PACK LIST (one short
    request at a time) until the version's PDF is made, and returns the listed version."""
    import json
    deadline = time.monotonic() + timeout
    while True:
        listed = next(v for v in json.loads(conn.command("PACK", "LIST", pack["meeting"])) if v["id"] == pack["id"])
        if listed["pdf"] != "pending":
            assert listed["pdf"] == "ready", listed
            return listed
        assert time.monotonic() < deadline, f"{pack['id']}'s PDF was not made within {timeout:.0f} s"
        time.sleep(0.25)


@pytest.fixture
def redis_cli_installed():
    """redis-cli must be there (make test installs redis-tools): a test that needs it fails, never skips."""
    assert shutil.which("redis-cli"), "redis-cli is not installed; make test installs it (apt package redis-tools)"
