#!/usr/bin/env python3
"""Writes bench/startup-order.txt: the functions quorumd runs from exec until it idles, in the
order the release link should lay them out (Package.swift passes the file to lld).

Start-up runs a few thousand functions scattered through 30 MB of code, and the kernel maps code
64 KB around each page it faults in: laid out together, those functions take a tenth of the
pages (docs/performance.md, "What the idle memory is"). A stale list still links: a function it
names that no longer exists is skipped, and one it does not name goes where it would have gone.

    make release && python3 bench/startup_order.py

Runs the release quorumd under valgrind's callgrind (a copy without DWARF, which valgrind 3.19
cannot read) with the demo data, as make bench starts it, answers a few requests, and keeps
every function of quorumd's own file that ran.
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import BIG_LIMITS  # noqa: E402
from quorum_bench.processes import ROOT, Quorumd  # noqa: E402
from quorum_bench.resp import Client  # noqa: E402

OUT = ROOT / "bench" / "startup-order.txt"


def functions_run(profile: Path, binary_name: str) -> list[str]:
    """The functions of `binary_name` that callgrind counted instructions for, in the order they
    first appear in the profile (callers before the functions they call, roughly)."""
    seen, order, current_object = set(), [], None
    for line in profile.read_text(errors="replace").splitlines():
        if line.startswith("ob="):
            current_object = line[3:].strip()
        elif line.startswith("fn=") and current_object and current_object.endswith("/" + binary_name):
            name = line[3:].strip()
            if name not in seen:
                seen.add(name)
                order.append(name)
    return order


def main():
    release = ROOT / ".build" / "release" / "quorumd"
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        stripped = work / "bin" / "quorumd"
        stripped.parent.mkdir()
        subprocess.run(["objcopy", "--strip-debug", str(release), str(stripped)], check=True)
        profile = work / "startup.cg"
        # As make bench starts it.
        daemon = Quorumd(stripped.parent, work, BIG_LIMITS, name="order")
        daemon.args = ["valgrind", "--tool=callgrind", "--demangle=no", "--compress-strings=no", "--compress-pos=no",
                       f"--callgrind-out-file={profile}"] + daemon.args
        daemon.start(timeout=600)
        try:
            with Client(daemon.port) as client:
                for words in (["BOARD", "LIST"], ["MEETING", "LIST", "OSC"], ["INFO"]):
                    client.text(*words)
            time.sleep(2)
        finally:
            daemon.stop()
        names = functions_run(profile, "quorumd")
    if len(names) < 1000:
        sys.exit(f"only {len(names)} functions ran: the profile is not of a whole start-up")
    OUT.write_text("\n".join(names) + "\n")
    print(f"{OUT.relative_to(ROOT)}: {len(names)} functions")


if __name__ == "__main__":
    main()
