"""The figures of one run: printed as a table and written to BENCHMARKS.md with the date, the
machine and the commit, so anyone can see what was measured where."""

import datetime
import os
import platform
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .processes import ROOT


@dataclass
class Row:
    section: str
    name: str
    value: str
    anchor: str = ""
    ratio: str = ""
    target: str = ""
    met: object = None  # True, False or None (no target)


@dataclass
class Table:
    """Figures with columns of their own (one engine a row, say), where the one-figure rows
    with an anchor and a target do not fit."""
    section: str
    columns: list
    rows: list


@dataclass
class Report:
    rows: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    tables: list = field(default_factory=list)

    def add(self, section, name, value, anchor="", ratio="", target="", met=None):
        row = Row(section, name, value, anchor, ratio, target, met)
        self.rows.append(row)
        mark = {True: "met", False: "MISSED", None: ""}[met]
        print(f"  {name:<58} {value:>16} {anchor:>16} {ratio:>8} {target:>22} {mark}", flush=True)
        return row

    def table(self, section, columns, rows):
        table = Table(section, list(columns), [[str(cell) for cell in row] for row in rows])
        self.tables.append(table)
        widths = [max(len(line[i]) for line in [table.columns, *table.rows]) for i in range(len(table.columns))]
        for line in [table.columns, *table.rows]:
            print("  " + "  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip(), flush=True)
        return table

    def note(self, text):
        self.notes.append(text)
        print(f"  note: {text}", flush=True)


def machine():
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    load = os.getloadavg()
    return {
        "cpus": str(os.cpu_count()),
        "model": model,
        "memory": memory,
        "kernel": platform.release(),
        "load": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
    }


def commit():
    def git(*args):
        done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
        return done.stdout.strip()
    head = git("rev-parse", "--short=12", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no")
    return head + (" (with uncommitted changes)" if dirty else "")


def tool_versions():
    versions = {}
    for name, command in [("redis-server", ["redis-server", "--version"]), ("weasyprint", ["weasyprint", "--version"]),
                          ("chromium", ["chromium", "--version"]), ("swift", ["swift", "--version"])]:
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=30)
            versions[name] = (done.stdout or done.stderr).strip().splitlines()[0]
        except (OSError, subprocess.TimeoutExpired, IndexError):
            versions[name] = "not found"
    return versions


def write_markdown(report: Report, path: Path, started: datetime.datetime, seconds: float, info: dict):
    facts = machine()
    versions = tool_versions()
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (bench/bench.py) from one run on a release build; every figure below",
        "was measured in that run, anchors included. Re-run `make bench` to refresh it.",
        "",
        f"- Date: {started.strftime('%Y-%m-%d %H:%M UTC')} (the run took {seconds:.0f} s)",
        f"- Machine: {facts['cpus']} CPUs ({facts['model']}), {facts['memory']} memory, Linux {facts['kernel']}; "
        f"load average at the end {facts['load']}",
        f"- Commit: {commit()}",
        f"- Tools: {versions['redis-server']}; {versions['weasyprint']}; {versions['chromium']}; {versions['swift']}",
    ]
    for key, value in info.items():
        lines.append(f"- {key}: {value}")
    lines += ["", "A ratio compares Quorum with the anchor in the same row (higher is better for rates,",
              "lower for times). Target: the figure the design asks for; met or MISSED.", ""]
    sections = list(dict.fromkeys([row.section for row in report.rows] + [table.section for table in report.tables]))
    for section in sections:
        lines += ["", f"## {section}"]
        rows = [row for row in report.rows if row.section == section]
        if rows:
            lines += ["", "| benchmark | Quorum | anchor | ratio | target | |", "| --- | ---: | ---: | ---: | --- | --- |"]
        for row in rows:
            mark = {True: "met", False: "**missed**", None: ""}[row.met]
            lines.append(f"| {row.name} | {row.value} | {row.anchor} | {row.ratio} | {row.target} | {mark} |")
        for table in (table for table in report.tables if table.section == section):
            lines += ["", "| " + " | ".join(table.columns) + " |", "|" + " --- |" * len(table.columns)]
            lines += ["| " + " | ".join(row) + " |" for row in table.rows]
    if report.notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in report.notes]
    path.write_text("\n".join(lines) + "\n")
