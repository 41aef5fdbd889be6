"""redis-benchmark as the load generator: the same tool, the same settings, against quorumd and
against a real redis-server in the same run."""

import csv
import io
import subprocess
from dataclasses import dataclass


@dataclass
class Result:
    test: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int


def run(port: int, words, requests: int, clients: int = 50, pipeline: int = 1, auth=None, timeout: float = 120.0):
    """Runs redis-benchmark once; returns one Result per test it reports."""
    command = ["redis-benchmark", "-h", "127.0.0.1", "-p", str(port), "-c", str(clients), "-n", str(requests),
               "-P", str(pipeline), "--csv"]
    if auth:
        command += ["--user", auth[0], "-a", auth[1]]
    command += list(words)
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"redis-benchmark failed ({done.returncode}): {done.stderr[-500:]}")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    if not rows:
        raise RuntimeError(f"redis-benchmark printed no result: {done.stdout[-500:]} {done.stderr[-500:]}")
    return [Result(row["test"], float(row["rps"]), float(row["p50_latency_ms"]), float(row["p99_latency_ms"]), requests)
            for row in rows]


def measure(port: int, words, seconds: float = 4.0, clients: int = 50, pipeline: int = 1, auth=None,
            max_requests: int = 3_000_000):
    """A short probe (one batch per client) sizes the run so that it lasts about `seconds`
    whatever the server's speed."""
    probe = run(port, words, max(clients * pipeline, 100), clients, pipeline, auth, timeout=90)
    slowest = min(r.rps for r in probe)
    requests = int(min(max_requests, max(clients * pipeline, slowest * seconds)))
    return run(port, words, requests, clients, pipeline, auth, timeout=max(90.0, seconds * 10 * len(probe)))
