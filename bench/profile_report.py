#!/usr/bin/env python3
"""Top frames of a `perf record -g` profile of quorumd, inclusive and self.

perf 6.1 cannot read the symbols of a Swift 6.3 binary (DWARF 5), so quorumd's own frames are
resolved with llvm-symbolizer from the Swift toolchain and demangled with `swift demangle`;
the shared libraries' frames keep perf's names.

    perf record -F 499 -g -p $(pgrep -n quorumd) -o quorum.perf -- sleep 20
    python3 bench/profile_report.py quorum.perf [--top 30]
"""

import argparse
import collections
import re
import shutil
import subprocess
import sys
from pathlib import Path


def symbolizer():
    for candidate in [shutil.which("llvm-symbolizer"), str(Path(shutil.which("swift") or "/opt/swift/usr/bin/swift").parent / "llvm-symbolizer")]:
        if candidate and Path(candidate).exists():
            return candidate
    sys.exit("llvm-symbolizer not found (it comes with the Swift toolchain)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--binary-name", default="quorumd")
    options = parser.parse_args()
    script = subprocess.run(["perf", "script", "-i", options.data, "--show-mmap-events", "-F", "comm,tid,ip,sym,dso"],
                            capture_output=True, text=True).stdout
    # perf script prints the binary's frames relative to its file when it cannot name them.
    base, binary = 0, None
    samples, stack = [], []
    for line in script.splitlines():
        if "PERF_RECORD_MMAP" in line and "r-xp" in line:
            match = re.search(r"\[(0x[0-9a-f]+)\((0x[0-9a-f]+)\) @ (\S+) .*\]: r-xp (\S+)", line)
            if match and Path(match.group(4)).name.startswith(options.binary_name[:12]) and binary is None:
                binary = match.group(4)
            continue
        stripped = line.strip()
        if not stripped:
            if stack:
                samples.append(stack)
            stack = []
            continue
        parts = stripped.split(None, 1)
        if re.fullmatch(r"[0-9a-f]+", parts[0]) and len(parts) == 2:
            ip = int(parts[0], 16)
            rest = parts[1]
            dso = rest[rest.rfind("(") + 1:-1] if rest.endswith(")") else ""
            sym = rest[: rest.rfind("(")].strip() if "(" in rest else rest
            stack.append((ip, sym, dso))
    if stack:
        samples.append(stack)
    if not samples:
        sys.exit("no samples")
    addresses = sorted({ip - base for s in samples for ip, _, dso in s if binary and dso == binary})
    names = {}
    if addresses:
        out = subprocess.run([symbolizer(), f"--obj={binary}", "--functions=linkage", "--no-inlines", "--output-style=GNU"],
                             input="\n".join(hex(a) for a in addresses), capture_output=True, text=True).stdout.splitlines()
        # GNU style: function, file:line per address
        functions = out[0::2]
        demangled = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(functions),
                                   capture_output=True, text=True).stdout.splitlines()
        for address, name in zip(addresses, demangled):
            names[address] = name
    inclusive, self_counts = collections.Counter(), collections.Counter()
    for stack in samples:
        seen = set()
        for depth, (ip, sym, dso) in enumerate(stack):
            if binary and dso == binary:
                name = names.get(ip - base, hex(ip - base))
            else:
                name = sym if sym and sym != "[unknown]" else f"[{Path(dso).name}]"
            if depth == 0:
                self_counts[name] += 1
            if name not in seen:
                inclusive[name] += 1
                seen.add(name)
    total = len(samples)
    raw = [n for n in inclusive if n.startswith("$s") or n.startswith("_$s")]
    if raw:
        pretty = subprocess.run(["swift", "demangle", "--simplified"], input="\n".join(raw), capture_output=True,
                                text=True).stdout.splitlines()
        rename = dict(zip(raw, pretty))
    else:
        rename = {}
    print(f"{total} samples. Inclusive (the frame or anything it called):")
    for name, count in inclusive.most_common(options.top):
        print(f"  {100 * count / total:5.1f}%  {rename.get(name, name)[:150]}")
    print("Self (the frame itself):")
    for name, count in self_counts.most_common(options.top // 2):
        print(f"  {100 * count / total:5.1f}%  {rename.get(name, name)[:150]}")


if __name__ == "__main__":
    main()
