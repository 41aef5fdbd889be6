#!/usr/bin/env python3
"""make bench's engines section: PDF engines side by side on the same meeting-pack HTML.

Quorum renders a pack's PDF with Debian's WeasyPrint (Sources/QuorumPacks/PDF/PDFRenderer.swift).
This section renders the demo pack's two HTML parts (the pack section saves them) with:
  - Debian's weasyprint, the anchor, and its PDF/UA variant where its --help lists one;
  - the newest WeasyPrint from PyPI, installed into a cached virtualenv (.build/bench-venv),
    plain, with --pdf-tags and with --pdf-variant pdf/ua-1 where it has them;
  - headless Chromium's print to PDF, plain and with --generate-pdf-document-outline.
For each: wall time and CPU (median of 3 rounds, both parts one after the other, after one
untimed warm-up of each program), pages, size, whether the PDF is tagged and claims PDF/UA, its
structure, and whether the stylesheet's print rules took effect (running heads and footers in the
margins, page numbers in the contents). An engine that cannot be had is a row "not available".

Alone, on HTML made by hand (no quorumd needed), keeping the PDFs to look at:

    python3 bench/pdf_engines.py pack-public.html pack-exempt.html --keep DIR
"""

import argparse
import ctypes
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quorum_bench.pdfinspect import PDFFacts, inspect, structure_summary  # noqa: E402
from quorum_bench.processes import ROOT  # noqa: E402
from quorum_bench.report import Report  # noqa: E402

RUN_TIMEOUT = 300.0        # one engine on one part
SECTION_BUDGET = 1500.0    # the whole section; engines left when it runs out are skipped
INSTALL_TIMEOUT = 600.0    # creating the virtualenv and pip install
VENV = ROOT / ".build" / "bench-venv"
CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu"]


@dataclass
class Engine:
    name: str
    command: list          # the program and its options; the input and output are added by argv()
    kind: str              # "weasyprint" or "chromium"
    anchor: bool = False   # Debian's weasyprint: the ratios are to this one

    @property
    def slug(self) -> str:
        return re.sub(r"[^A-Za-z0-9.]+", "-", self.name).strip("-")

    def argv(self, html: Path, pdf: Path, scratch: Path) -> list:
        if self.kind == "chromium":
            # A new profile for every run, as a server rendering one pack at a time would have.
            return [*self.command, f"--user-data-dir={scratch / 'profile'}", f"--print-to-pdf={pdf}",
                    "--no-pdf-header-footer", html.resolve().as_uri()]
        # The arguments PDFRenderer passes.
        return [*self.command, "--encoding", "utf-8", str(html), str(pdf)]


@dataclass
class Missing:
    name: str
    reason: str


@dataclass
class Outcome:
    engine: Engine
    walls: list = field(default_factory=list)
    cpus: list = field(default_factory=list)
    facts: list = field(default_factory=list)   # PDFFacts of each part, from the last round
    warnings: list = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Running one engine: wall time and the CPU of every process it starts


def reap_main(argv):
    """`pdf_engines.py reap TIMEOUT LOG -- COMMAND…`: runs COMMAND as a child subreaper, so
    that processes it starts and leaves (Chromium's zygote and renderers are not children of the
    program started) are reaped here and their CPU counted in RUSAGE_CHILDREN; kills them all
    after TIMEOUT seconds. Prints {status, wall, cpu, timed_out} as JSON."""
    timeout, log, command = float(argv[0]), argv[1], argv[3:]
    import resource
    ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    # The children's counts survive exec: a launcher (a pyenv shim, say) may have left some.
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.monotonic()
    with open(log, "ab") as out, open(os.devnull, "rb") as null:
        pid = os.fork()
        if pid == 0:
            os.setpgid(0, 0)
            os.dup2(null.fileno(), 0)
            os.dup2(out.fileno(), 1)
            os.dup2(out.fileno(), 2)
            try:
                os.execvp(command[0], command)
            except OSError as error:
                os.write(2, f"cannot start {command[0]}: {error}\n".encode())
            os._exit(127)

    class Deadline(Exception):
        pass

    def alarm(*_):
        raise Deadline

    def kill_all():
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
        me = str(os.getpid())
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if stat.read_text().rsplit(")", 1)[1].split()[1] == me:
                    os.kill(int(stat.parent.name), signal.SIGKILL)
            except (OSError, IndexError, ValueError):
                continue

    signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    status, wall, timed_out = None, None, False
    while True:
        try:
            child, code = os.waitpid(-1, 0)
        except ChildProcessError:
            break
        except Deadline:
            timed_out = timed_out or status is None
            kill_all()
            signal.setitimer(signal.ITIMER_REAL, 0.2)  # again, for those reparented since
            continue
        if child == pid:
            status, wall = os.waitstatus_to_exitcode(code), time.monotonic() - began
            # What it left behind gets a few seconds to finish by itself.
            signal.setitimer(signal.ITIMER_REAL, 10.0)
    signal.setitimer(signal.ITIMER_REAL, 0)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
    print(json.dumps({"status": status, "wall": wall, "cpu": cpu, "timed_out": timed_out}))


def render(engine: Engine, html: Path, pdf: Path, scratch: Path, timeout: float = RUN_TIMEOUT):
    """Renders one part; returns (wall seconds, CPU seconds) or raises with the engine's log."""
    scratch.mkdir(parents=True, exist_ok=True)
    log = scratch / "engine.log"
    pdf.unlink(missing_ok=True)
    process = subprocess.Popen([sys.executable, __file__, "reap", str(timeout), str(log), "--",
                                *engine.argv(html, pdf, scratch)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout + 30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise RuntimeError(f"{engine.name}: the run did not end within {timeout + 30:.0f} s") from None
    finally:
        shutil.rmtree(scratch / "profile", ignore_errors=True)
    try:
        result = json.loads(out.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise RuntimeError(f"{engine.name}: no result from the run: {err.decode()[-300:]}") from None
    tail = log.read_text(errors="replace")[-300:] if log.exists() else ""
    if result["timed_out"]:
        raise RuntimeError(f"{engine.name}: stopped after {timeout:.0f} s")
    if result["status"] != 0 or not pdf.exists() or not pdf.read_bytes()[:5] == b"%PDF-":
        raise RuntimeError(f"{engine.name}: exit {result['status']}, no PDF: {tail}")
    return result["wall"], result["cpu"]


def measure(engine: Engine, parts: list, workdir: Path, rounds: int, warm_up: bool) -> Outcome:
    outcome = Outcome(engine)
    scratch = workdir / engine.slug
    if warm_up:
        # The first start of a program reads it from disk and builds font caches.
        render(engine, parts[0], scratch / "warm-up.pdf", scratch)
    log = scratch / "engine.log"
    log.unlink(missing_ok=True)
    for _ in range(rounds):
        wall = cpu = 0.0
        for html in parts:
            seconds, used = render(engine, html, scratch / html.with_suffix(".pdf").name, scratch)
            wall, cpu = wall + seconds, cpu + used
        outcome.walls.append(wall)
        outcome.cpus.append(cpu)
    outcome.facts = [inspect(scratch / html.with_suffix(".pdf").name) for html in parts]
    if log.exists():
        # Chromium logs its missing D-Bus on every start: not about the document.
        outcome.warnings = sorted({line.strip() for line in log.read_text(errors="replace").splitlines()
                                   if ("WARNING" in line or "ERROR" in line) and "dbus" not in line})
    return outcome


# ---------------------------------------------------------------------------------------------
# Finding the engines


def first_line(command, timeout: float = 60) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    lines = done.stdout.strip().splitlines()
    return lines[0] if lines else ""


def weasyprints(executable: str, label: str, anchor: bool = False) -> list:
    version = first_line([executable, "--version"]).replace("WeasyPrint version ", "")
    help_text = subprocess.run([executable, "--help"], capture_output=True, text=True, timeout=60).stdout
    name = f"{label} {version}"
    engines = [Engine(name, [executable], "weasyprint", anchor=anchor)]
    if "--pdf-tags" in help_text:
        engines.append(Engine(f"{name} --pdf-tags", [executable, "--pdf-tags"], "weasyprint"))
    if "pdf/ua-1" in help_text:
        engines.append(Engine(f"{name} --pdf-variant pdf/ua-1", [executable, "--pdf-variant", "pdf/ua-1"], "weasyprint"))
    return engines


def pypi_weasyprint(venv: Path, notes: list, timeout: float = INSTALL_TIMEOUT):
    """The newest WeasyPrint from PyPI in `venv` (made if missing, upgraded if there): the path of
    its weasyprint, or a Missing with the reason."""
    python, executable = venv / "bin" / "python", venv / "bin" / "weasyprint"
    try:
        if not python.exists():
            made = subprocess.run([sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True, timeout=120)
            if made.returncode != 0:
                shutil.rmtree(venv, ignore_errors=True)
                return Missing("WeasyPrint (PyPI)", "python3 -m venv failed: " + (made.stderr.strip().splitlines() or ["?"])[-1])
        began = time.monotonic()
        done = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                               "--timeout", "30", "--upgrade", "weasyprint"], capture_output=True, text=True, timeout=timeout)
        failed = done.returncode != 0 and (done.stderr.strip().splitlines() or ["?"])[-1]
    except subprocess.TimeoutExpired:
        failed, began = f"pip install took longer than {timeout:.0f} s", time.monotonic()
    if failed and not executable.exists():
        return Missing("WeasyPrint (PyPI)", f"pip install weasyprint failed: {failed}")
    if failed:
        notes.append(f"pip could not upgrade WeasyPrint ({failed}); the one already in {venv} was measured")
    else:
        notes.append(f"WeasyPrint from PyPI in {venv} (pip install --upgrade took {time.monotonic() - began:.0f} s)")
    return executable


def discover(venv: Path, notes: list) -> list:
    """Every engine and variant to measure, in table order; a Missing for each that cannot be had."""
    found = []
    debian = shutil.which("weasyprint")
    found += weasyprints(debian, "weasyprint (Debian)", anchor=True) if debian else [
        Missing("weasyprint (Debian)", "not installed (apt-get install weasyprint)")]
    pypi = pypi_weasyprint(venv, notes)
    if isinstance(pypi, Missing):
        found.append(pypi)
    else:
        found += weasyprints(str(pypi), "WeasyPrint (PyPI)")
    if shutil.which(CHROMIUM[0]):
        version = first_line([CHROMIUM[0], "--version"]).replace("Chromium ", "").split(" ")[0]
        found.append(Engine(f"Chromium {version} headless", CHROMIUM, "chromium"))
        found.append(Engine(f"Chromium {version} headless --generate-pdf-document-outline",
                            [*CHROMIUM, "--generate-pdf-document-outline"], "chromium"))
    else:
        found.append(Missing("Chromium headless", "not installed (apt-get install chromium)"))
    return found


# ---------------------------------------------------------------------------------------------
# The table


COLUMNS = ["engine", "wall ms", "wall vs Debian", "CPU ms", "CPU vs Debian", "pages", "KB", "tagged", "PDF/UA",
           "bookmarks", "structure (Part I)", "running heads / footers", "contents page numbers"]


def tagged_cell(facts: list) -> str:
    flags = [(f.tagged, f.struct_tree, f.mark_info) for f in facts]
    if all(all(f) for f in flags):
        return "yes"
    if not any(any(f) for f in flags):
        return "no"
    return "partly (" + ", ".join(f"Tagged {'yes' if t else 'no'}, StructTreeRoot {'yes' if s else 'no'}, "
                                  f"MarkInfo {'yes' if m else 'no'}" for t, s, m in flags) + ")"


def row(outcome: Outcome, anchor: Outcome) -> list:
    wall, cpu = statistics.median(outcome.walls), statistics.median(outcome.cpus)
    facts = outcome.facts
    pages = sum(f.pages for f in facts)

    def versus(value, base):
        return f"{value / base:.2f}x" if base else "n/a"

    return [outcome.engine.name, f"{wall * 1000:,.0f}",
            versus(wall, statistics.median(anchor.walls)) if anchor else "n/a",
            f"{cpu * 1000:,.0f}", versus(cpu, statistics.median(anchor.cpus)) if anchor else "n/a",
            " + ".join(str(f.pages) for f in facts), f"{sum(f.size for f in facts) / 1024:,.0f}", tagged_cell(facts),
            "claims PDF/UA-1" if all(f.claims_ua for f in facts) else "no",
            "yes" if all(f.outline for f in facts) else "no",
            structure_summary(facts[0].structure, facts[0].alt_texts),
            f"{sum(f.pages_with_head for f in facts)}/{pages} / {sum(f.pages_with_footer for f in facts)}/{pages}",
            str(sum(f.contents_page_numbers for f in facts))]


def engines(report: Report, parts: list, workdir: Path, venv: Path = VENV, rounds: int = 3,
            budget: float = SECTION_BUDGET, keep: Path = None, section: str = "PDF engines"):
    """The bench section: every engine on `parts` (the pack's HTML files), one table."""
    print(f"PDF engines: {', '.join(p.name for p in parts)}", flush=True)
    if not parts:
        raise RuntimeError("no pack HTML to render (the pack section saves it)")
    deadline = time.monotonic() + budget
    notes = []
    entries, warmed = [], set()
    for engine in discover(venv, notes):
        if isinstance(engine, Missing):
            entries.append(engine)
            continue
        if time.monotonic() > deadline:
            entries.append(Missing(engine.name, f"skipped: the section's {budget:.0f} s had run out"))
            continue
        print(f"  {engine.name}", flush=True)
        try:
            entries.append(measure(engine, parts, workdir, rounds, warm_up=engine.command[0] not in warmed))
            warmed.add(engine.command[0])
        except Exception as error:  # noqa: BLE001 - an engine that fails is a row, and the others still run
            entries.append(Missing(engine.name, f"failed: {str(error)[:200]}"))
    anchor = next((e for e in entries if isinstance(e, Outcome) and e.engine.anchor), None)
    rows = []
    for entry in entries:
        if isinstance(entry, Missing):
            rows.append([entry.name, "not available"] + [""] * (len(COLUMNS) - 2))
            notes.append(f"{entry.name}: {entry.reason}")
        else:
            rows.append(row(entry, anchor))
            if entry.warnings:
                notes.append(f"{entry.engine.name}: {len(entry.warnings)} distinct warnings, e.g. {entry.warnings[0][:160]}")
            if keep:
                keep.mkdir(parents=True, exist_ok=True)
                for html in parts:
                    shutil.copy(workdir / entry.engine.slug / html.with_suffix(".pdf").name,
                                keep / f"{entry.engine.slug}-{html.stem}.pdf")
    report.table(section, COLUMNS, rows)
    notes += [
        f"engines: each part rendered on its own, Part I then Part II; wall and CPU are the sum of both, median of {rounds} "
        "rounds after one untimed warm-up of each program; CPU is every process the engine started (Chromium's "
        "renderers included: they are reaped by a child subreaper); Chromium gets a new profile each run",
        "engines: tagged = pdfinfo's Tagged: yes (/MarkInfo /Marked true) and a /StructTreeRoot in every part; PDF/UA = "
        "the XMP metadata claims pdfuaid:part 1 (a claim; no validator such as veraPDF is packaged in Debian)",
        "engines: running heads / footers = pages with text in the outer 14 mm of the page (the stylesheet's @page "
        "margin boxes fill them with string(board), string(part), string(meeting) and 'Page N of M'); contents page "
        "numbers = lines ending in leader dots and a number (leader() and target-counter())",
    ]
    for note in notes:
        report.note(note)
    return entries


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "reap":
        return reap_main(sys.argv[2:])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("html", nargs="+", type=Path, help="the pack's HTML parts, e.g. pack-public.html pack-exempt.html")
    parser.add_argument("--venv", type=Path, default=VENV, help=f"where PyPI's WeasyPrint is installed (default {VENV})")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="copy every engine's PDFs here")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quorum-engines-") as workdir:
        work = Path(workdir)
        parts = []
        for html in options.html:
            shutil.copy(html, work / html.name)
            parts.append(work / html.name)
        engines(Report(), parts, work, options.venv.resolve(), options.rounds, keep=options.keep)


if __name__ == "__main__":
    main()
