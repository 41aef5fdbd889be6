"""The processes a benchmark run starts: quorumd (release) and redis-server, each on a free port
with its own temporary directory, stopped and removed when the run ends."""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_kib(pid: int) -> int:
    """Resident set size (VmRSS) of a process, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for {pid}")


def rss_parts_kib(pid: int) -> dict:
    """The resident set split as the kernel counts it: RssAnon (the process's own memory: heap,
    stacks), RssFile (pages of the binary and the shared libraries mapped from their files, which
    the kernel can drop and read again) and RssShmem, in KiB."""
    parts = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("RssAnon", "RssFile", "RssShmem"):
            parts[name] = int(value.split()[0])
    return parts


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its waited-for children (weasyprint), user plus system: on a
    shared machine the wall clock also counts other people's work, this does not."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


def ping(port: int, timeout: float = 1.0) -> bool:
    """One inline PING on a new connection: True when +PONG comes back."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(64).startswith(b"+PONG")
    except OSError:
        return False


class Quorumd:
    """quorumd on a free port with a temporary data directory and the demo plan."""

    def __init__(self, bin_dir: Path, workdir: Path, config_extra: str = "", demo: bool = True, name: str = "quorumd",
                 extra_args: tuple = ()):
        self.bin_dir = bin_dir
        self.data_dir = workdir / f"{name}-data"
        self.config = workdir / f"{name}.yaml"
        self.port = free_port()
        self.config.write_text(
            f"listen: 127.0.0.1:{self.port}\n"
            "timezone: Europe/London\n"
            'reminders: { sweep_at: "off" }\n'
            + config_extra)
        self.args = [str(bin_dir / "quorumd"), "--config", str(self.config), "--data-dir", str(self.data_dir),
                     "--boards-dir", str(ROOT / "Boards")]
        if demo:
            self.args += ["--demo-data", str(ROOT / "Demo")]
        self.args += list(extra_args)
        self.process = None
        self.log = workdir / f"{name}.log"

    def start(self, timeout: float = 60.0) -> float:
        """Starts the daemon; returns the seconds from exec to the first PONG."""
        began = time.monotonic()
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(self.args, stdout=log, stderr=log, cwd=ROOT)
        deadline = began + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"quorumd exited with {self.process.returncode}: {self.log.read_text()[-2000:]}")
            if ping(self.port, timeout=0.5):
                return time.monotonic() - began
            time.sleep(0.005)
        raise RuntimeError(f"quorumd did not answer PING within {timeout} s")

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def admin_token(self) -> str:
        return (self.data_dir / "admin.token").read_text().strip()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class RedisServer:
    """A real redis-server, no persistence, on a free port."""

    def __init__(self, workdir: Path):
        self.port = free_port()
        self.dir = workdir / "redis"
        self.dir.mkdir()
        self.process = None

    def start(self, timeout: float = 20.0):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(self.dir), "--daemonize", "no", "--logfile", str(self.dir / "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if ping(self.port):
                return self
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Workdir:
    """A temporary directory removed at the end, whatever happens."""

    def __enter__(self) -> Path:
        self.path = Path(tempfile.mkdtemp(prefix="quorum-bench-"))
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)
        return False


def raise_fd_limit(wanted: int = 8192):
    """1,000 open connections need more than the usual 1,024 descriptors (children inherit it)."""
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = min(max(soft, wanted), hard)
    resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    os.environ.setdefault("QUORUM_BENCH_FDS", str(target))
