"""What a PDF engine made of a pack: pages, size, whether it is tagged for accessibility and
claims PDF/UA, its structure, and whether the print rules of the pack stylesheet took effect
(running heads and footers in the page margins, page numbers in the contents).

Uses poppler-utils (pdfinfo, pdftotext) and reads the file itself for the catalogue entries,
inflating compressed streams first: WeasyPrint 61 and later keep objects in object streams,
where a search of the raw bytes would find no /StructTreeRoot."""

import re
import subprocess
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

# The margin boxes sit in the page margins (20 mm, 15 mm on the landscape appendix pages): a
# word wholly inside the outer 14 mm of a page is a running head or footer, not body text.
BAND_POINTS = 14 / 25.4 * 72
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')
# A contents line as the stylesheet asks for it: leader(".") then target-counter(..., page).
CONTENTS_ENTRY = re.compile(r"\.{4,}\s*\d+\s*$", re.M)
ALT = re.compile(rb"/Alt\s*[(<]")


@dataclass
class PDFFacts:
    pages: int = 0
    size: int = 0
    tagged: bool = False          # pdfinfo's "Tagged: yes" (/MarkInfo << /Marked true >>)
    struct_tree: bool = False     # the catalogue has a /StructTreeRoot
    mark_info: bool = False       # the catalogue has a /MarkInfo
    claims_ua: bool = False       # the XMP metadata says pdfuaid:part
    outline: bool = False         # bookmarks (/Outlines)
    alt_texts: int = 0            # structure elements with an /Alt text (the charts, figures)
    structure: Counter = field(default_factory=Counter)
    pages_with_head: int = 0
    pages_with_footer: int = 0
    contents_page_numbers: int = 0


def run(*command, timeout: float = 60) -> str:
    done = subprocess.run(command, capture_output=True, timeout=timeout)
    return done.stdout.decode("utf-8", "replace")


def pdf_bytes(data: bytes) -> bytes:
    """The file with every stream that inflates added, so that entries kept in compressed object
    streams (and compressed XMP metadata) can be searched for."""
    parts = [data]
    for match in STREAM.finditer(data):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)


def inspect(path: Path) -> PDFFacts:
    facts = PDFFacts(size=path.stat().st_size)
    info = run("pdfinfo", str(path))
    for line in info.splitlines():
        key, _, value = line.partition(":")
        if key == "Pages":
            facts.pages = int(value)
        elif key == "Tagged":
            facts.tagged = value.strip() == "yes"
    searched = pdf_bytes(path.read_bytes())
    facts.struct_tree = b"/StructTreeRoot" in searched
    facts.mark_info = b"/MarkInfo" in searched
    facts.claims_ua = b"pdfuaid:part" in searched
    facts.outline = b"/Outlines" in searched
    facts.alt_texts = len(ALT.findall(searched))
    for line in run("pdfinfo", "-struct", str(path)).splitlines():
        word = line.strip().split(" ", 1)[0].rstrip(":")
        if word and not word.startswith("/"):
            facts.structure[word] += 1
    boxes = run("pdftotext", "-bbox", str(path), "-")
    for page in PAGE.finditer(boxes):
        height = float(page.group(2))
        words = [(float(w.group(2)), float(w.group(4))) for w in WORD.finditer(page.group(3))]
        facts.pages_with_head += any(bottom < BAND_POINTS for _, bottom in words)
        facts.pages_with_footer += any(top > height - BAND_POINTS for top, _ in words)
    facts.contents_page_numbers = len(CONTENTS_ENTRY.findall(run("pdftotext", "-layout", str(path), "-")))
    return facts


def structure_summary(structure: Counter, alt_texts: int = 0) -> str:
    """The elements a screen reader navigates by: headings, tables, figures, lists, links."""
    if not structure:
        return "none"
    headings = sum(n for tag, n in structure.items() if re.fullmatch(r"H[1-6]?", tag))
    shown = [("headings", headings), ("tables", structure["Table"]), ("figures", structure["Figure"]),
             ("lists", structure["L"]), ("links", structure["Link"])]
    listed = ", ".join(f"{n} {name}" for name, n in shown if n)
    return f"{listed}, {alt_texts} alt texts ({sum(structure.values())} elements)"
