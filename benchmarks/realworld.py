"""Ingest measured on real documents: ../shared/realpdfs (wild/ included) against poppler.

    python benchmarks/realworld.py [--quick] [--max-pages N] [--no-write] [--realpdfs DIR]

Every PDF under the folder is ingested on its own (in this process, into a store in a
temporary folder, as ``policylens ingest --workers 0`` does) and read back from the store.
For each file, and over all files:

- stored, or failed with the recorded reason;
- the date found against the date printed on the document (from MANIFEST.tsv: the top-level
  one gives its dates inside the ``what_it_is`` text, parsed by :func:`printed_dates`, and a
  date given as a month or a year is matched at that precision);
- words recovered: of poppler ``pdftotext``'s words (running heads, footers and page numbers
  aside: lines at a page's top or bottom, or in its side margins, that repeat, digits aside,
  on a quarter of the pages), the share found in the stored passages, counted as bags of
  words. Where a line sits is taken from ``pdftotext -bbox-layout``, as its place in the
  text is no guide: pdftotext prints the Congressional Record's running head and printer's
  slug in the middle of the page's text. Lines drawn under 2 points tall (invisible codes)
  are aside too;
- 4-gram order: of pdftotext's word 4-grams (heads and footers aside), the share found in the
  passages, so words in the wrong order (columns interleaved) count against it;
- header/footer lines left: how many more times a line that pdftotext prints at the top or
  bottom of many pages (a running head or footer, digits aside) occurs in the stored passages
  than in pdftotext's body text (the rest of its lines): a sentence of the body that holds a
  head's words ("on Wednesday, February 24, 2021, at 10 a.m.") is no head left;
- pages left out (whole, or in part), by reason: ``unmapped-font``, ``unmapped-text``,
  ``damaged``;
- speakers: the share of passages of debate transcripts (hansard/ and the files MANIFEST.tsv
  calls parliamentary) that carry a speaker;
- pages/s of the whole ingest of the file (hashing, reading, layout, store) against
  pdftotext's on the same file.

Words are Latin-script words, accents folded (``Éireann`` -> ``eireann``): poppler breaks
Devanagari conjuncts itself, so it is no anchor for the Hindi passages of the Lok Sabha days,
and a line of pdftotext's text that holds a letter of a script of South Asia is left out of
the reference whole (the numbers of a Hindi sentence are no Latin-script words).
pdftotext (poppler-utils) is needed: ``apt-get install poppler-utils`` on Debian/Ubuntu,
``brew install poppler`` on macOS. The result is printed and written to the "Real documents"
section of benchmarks/RESULTS.md. About 3 minutes on 2 cores (the 543-page Lok Sabha day is
most of it); --quick skips files of more than --max-pages pages (default 100).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO / "src"))
from results import write_section

from policylens.ingest.batch import ingest_paths
from policylens.store import open_store

HEADING = "## Real documents"
DEFAULT_REALPDFS = REPO.parent / "shared" / "realpdfs"
QUICK_MAX_PAGES = 100
TIMEOUT_S = 900.0       # the 543-page day takes about a minute; a hang must not stop the run
MARGIN_SHARE = 0.06      # lines within this share of the page's edge are in its margins
MIN_VISIBLE = 2.0        # points: a line drawn smaller is no text a reader sees
EDGE_LINES = 4          # lines at the top and at the bottom of a page where heads and footers sit
REPEAT_SHARE = 0.25     # a line on a quarter of the pages repeats (running heads alternate sides)
MIN_REPEATS = 3
MIN_FURNITURE_LETTERS = 8  # shorter lines ("3", "(Q. 24)") also occur in the body text
NGRAM = 4
SOUTH_ASIAN = re.compile("[\u0900-\u0dff]")  # Devanagari to Sinhala: not measured here
MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_MONTH = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"


# -- the printed dates ---------------------------------------------------------------------

def printed_dates(text: str) -> list[str]:
    """The dates a MANIFEST description gives, as ISO prefixes at the precision given.

    "published 2 Dec 2015, last updated 29 Jun 2022" -> ["2015-12-02", "2022-06-29"] (either
    is printed on the document); "(Jun 2024)" -> ["2024-06"]; "(2023/24)" -> ["2023", "2024"].
    """
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(m: re.Match) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    for m in re.finditer(rf"\b(\d{{1,2}}) {_MONTH} (\d{{4}})\b", text):
        month = MONTHS[m.group(2).lower()[:3]]
        found.append((m.start(), f"{m.group(3)}-{month:02d}-{int(m.group(1)):02d}"))
        taken.append(m.span())
    for m in re.finditer(rf"\b{_MONTH} (\d{{4}})\b", text):
        if free(m):
            found.append((m.start(), f"{m.group(2)}-{MONTHS[m.group(1).lower()[:3]]:02d}"))
            taken.append(m.span())
    for m in re.finditer(r"\b((?:19|20)\d\d)/(\d\d)\b", text):
        if free(m):
            found += [(m.start(), m.group(1)), (m.start(), m.group(1)[:2] + m.group(2))]
    return [d for _, d in sorted(found)]


@dataclass
class Expected:
    """What MANIFEST.tsv says about one file."""

    dates: list[str] = field(default_factory=list)
    debate: bool = False


def read_manifests(root: Path) -> dict[Path, Expected]:
    """Every MANIFEST.tsv under ``root``: printed dates and whether each file is a debate."""
    expected: dict[Path, Expected] = {}
    for manifest in sorted(root.rglob("MANIFEST.tsv")):
        with manifest.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                name = row.get("filename") or row.get("file") or ""
                path = (manifest.parent / name).resolve()
                if row.get("printed_date") is not None:  # wild/: a column of its own
                    dates = [row["printed_date"].strip()] if row["printed_date"].strip() else []
                    debate = row.get("kind", "") == "parliamentary"
                else:  # the top level: dates inside the description
                    dates = printed_dates(row.get("what_it_is", ""))
                    debate = name.startswith("hansard/")
                expected[path] = Expected(dates, debate)
    return expected


# -- words ---------------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower case, compatibility forms unfolded, accents dropped."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """Latin-script words and numbers; the same tokens for poppler's text and ours."""
    return re.findall(r"[a-z0-9]+", fold(text))


def line_key(line: str) -> str:
    """A line as compared across pages: folded, digits as #, spaces collapsed."""
    return " ".join(re.sub(r"\d+", "#", fold(line)).split())


def furniture(pages: list[str], margins: list[set[str]] | None = None) -> set[str]:
    """Lines near the top or bottom of many pages: running heads, footers, page numbers.

    Near: among the first or last EDGE_LINES lines of pdftotext's text of the page, or in
    ``margins`` (each page's lines that lie in its outer MARGIN_SHARE, as keys)."""
    counts: Counter[str] = Counter()
    for i, page in enumerate(pages):
        lines = [line_key(ln) for ln in page.splitlines() if ln.strip()]
        edge = set(lines[:EDGE_LINES] + lines[-EDGE_LINES:])
        if margins and i < len(margins):
            edge |= margins[i]
        counts.update(edge)
    need = max(MIN_REPEATS, REPEAT_SHARE * len(pages))
    return {k for k, n in counts.items() if n >= need}


_BBOX_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.DOTALL)
_BBOX_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                        r'yMax="([\d.]+)">(.*?)</line>', re.DOTALL)
_BBOX_WORD = re.compile(r">([^<]*)</word>")


def margin_lines(pdf: Path) -> tuple[list[set[str]], set[str]]:
    """Each page's lines (as keys) that lie in its outer MARGIN_SHARE, top, bottom or sides,
    and the keys of lines drawn too small to see (under MIN_VISIBLE points tall: the
    Oireachtas's paragraph codes), from ``pdftotext -bbox-layout``."""
    out = subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"],
                         capture_output=True, check=False).stdout.decode("utf-8", "replace")
    pages, invisible = [], set()
    for page in _BBOX_PAGE.finditer(out):
        width, height = float(page.group(1)), float(page.group(2))
        keys = set()
        for m in _BBOX_LINE.finditer(page.group(3)):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            key = line_key(html.unescape(" ".join(_BBOX_WORD.findall(m.group(5)))))
            if min(y1 - y0, x1 - x0) < MIN_VISIBLE:
                invisible.add(key)
            elif (y1 <= MARGIN_SHARE * height or y0 >= (1 - MARGIN_SHARE) * height
                    or x1 <= MARGIN_SHARE * width or x0 >= (1 - MARGIN_SHARE) * width):
                keys.add(key)
        pages.append(keys)
    return pages, invisible


def lettered(lines: set[str]) -> set[str]:
    """The lines long enough to look for in passages ("#" or "(Q. #)" occur in any text)."""
    return {k for k in lines if sum(c.isalpha() for c in k) >= MIN_FURNITURE_LETTERS}


def ngrams(tokens: list[str], n: int = NGRAM) -> Counter:
    return Counter(zip(*(tokens[i:] for i in range(n))))


def overlap(reference: Counter, ours: Counter) -> int:
    return sum(min(n, ours[k]) for k, n in reference.items())


# -- one file --------------------------------------------------------------------------------

@dataclass
class FileResult:
    name: str
    pages: int
    stored: bool = False
    reason: str = ""
    kind: str = ""
    date: str | None = None
    printed: list[str] = field(default_factory=list)
    ref_words: int = 0
    words_found: int = 0
    ref_grams: int = 0
    grams_found: int = 0
    furniture_left: int = 0
    debate: bool = False
    passages: int = 0
    with_speaker: int = 0
    left_out: str = ""
    seconds: float = 0.0
    poppler_seconds: float = 0.0

    @property
    def date_ok(self) -> bool | None:
        if not self.printed:
            return None
        return bool(self.date) and any(self.date.startswith(p) for p in self.printed)


def poppler_pages(pdf: Path) -> tuple[list[str], float]:
    """pdftotext's text of each page, and the seconds it took."""
    started = time.perf_counter()
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                         check=False).stdout.decode("utf-8", "replace")
    seconds = time.perf_counter() - started
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages, seconds


def measure_file(pdf: Path, root: Path, expected: Expected, workdir: Path) -> FileResult:
    """Ingest one PDF into a fresh store and compare what was stored with pdftotext's text."""
    ref_pages, poppler_s = poppler_pages(pdf)
    result = FileResult(name=str(pdf.relative_to(root)), pages=len(ref_pages),
                        printed=expected.dates, debate=expected.debate,
                        poppler_seconds=poppler_s)
    db = workdir / f"{len(list(workdir.iterdir()))}.db"
    with open_store(db, create=True) as store:
        started = time.perf_counter()
        summary = ingest_paths(store, [pdf], workers=0, timeout=TIMEOUT_S)
        result.seconds = time.perf_counter() - started
        if summary.failed:
            result.reason = summary.failed[0][1].reason
        docs = list(store.iter_documents())
        passages = [dict(p) for p in store.iter_passages()]
        dropped = [row for rows in store.dropped_pages().values() for row in rows]
    db.unlink()
    if docs:
        doc = docs[0]
        result.stored, result.kind, result.date = True, doc["kind"], doc["date"]
        result.pages = doc["n_pages"] or result.pages
    reasons = Counter(row["reason"] for row in dropped)
    result.left_out = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
    result.passages = len(passages)
    result.with_speaker = sum(1 for p in passages if p["speaker"])

    margins, invisible = margin_lines(pdf)
    boiler = furniture(ref_pages, margins)
    body = "\n".join(ln for page in ref_pages for ln in page.splitlines()
                     if (key := line_key(ln)) not in boiler and key not in invisible
                     and not SOUTH_ASIAN.search(ln))
    ref_tokens = words(body)
    our_tokens = words("\n".join(p["text"] for p in passages))
    ref_bag, ref_grams = Counter(ref_tokens), ngrams(ref_tokens)
    result.ref_words, result.ref_grams = len(ref_tokens), sum(ref_grams.values())
    result.words_found = overlap(ref_bag, Counter(our_tokens))
    result.grams_found = overlap(ref_grams, ngrams(our_tokens))
    sought = lettered(boiler)
    if sought:
        keyed = [line_key(p["text"]) for p in passages]
        in_body = line_key(body)  # one string: a date broken over two lines is found too
        result.furniture_left = sum(
            max(0, sum(text.count(line) for text in keyed) - in_body.count(line))
            for line in sought)
    return result


# -- the report ------------------------------------------------------------------------------

def share(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else ""


def render(results: list[FileResult], skipped: list[tuple[str, int]], quick: bool,
           elapsed: float) -> str:
    """The RESULTS.md section."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True, check=False).stdout.strip()
    poppler = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True,
                             check=False).stderr.splitlines()
    lines = [
        HEADING, "",
        (f"`python benchmarks/realworld.py{' --quick' if quick else ''}` on the "
        f"{len(results)} PDFs of `../shared/realpdfs` (wild/ included), commit {commit}, "
        f"{dt.date.today().isoformat()}; Python {platform.python_version()}, "
        f"{poppler[0] if poppler else 'pdftotext'}, {os.cpu_count()} cores, load average "
        f"{load:.1f} at the start (the machine was shared); {elapsed:.0f} s in all. Each file "
        "is ingested on its own in one process; its text is compared with poppler "
        "`pdftotext`'s, running heads and footers aside (Latin-script words, accents folded)."),
        "",
        ("| file | pages | stored | kind | date found | printed | words recovered "
        "| 4-gram order | head/footer lines left | debate passages with a speaker "
        "| pages/s | × pdftotext | pages left out |"),
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ok = r.date_ok
        mark = "" if ok is None else (" ✓" if ok else " ✗")
        speakers = f"{share(r.with_speaker, r.passages)} of {r.passages}" if r.debate else ""
        rate = r.pages / r.seconds if r.seconds else 0.0
        poppler_rate = r.pages / r.poppler_seconds if r.poppler_seconds else 0.0
        ratio = f"{rate / poppler_rate:.2f}" if poppler_rate else ""
        lines.append(
            f"| {r.name} | {r.pages} | {'yes' if r.stored else 'failed: ' + r.reason} "
            f"| {r.kind} | {(r.date or '—') + mark} | {' or '.join(r.printed) or '—'} "
            f"| {share(r.words_found, r.ref_words)} | {share(r.grams_found, r.ref_grams)} "
            f"| {r.furniture_left} | {speakers} | {rate:.1f} "
            f"| {ratio} | {r.left_out} |")
    dated = [r for r in results if r.date_ok is not None]
    debates = [r for r in results if r.debate]
    stored = [r for r in results if r.stored]
    pages = sum(r.pages for r in results)
    seconds = sum(r.seconds for r in results)
    poppler_s = sum(r.poppler_seconds for r in results)
    lines += [
        "",
        "| overall | value |",
        "|---|---|",
        f"| stored | {sum(r.stored for r in results)}/{len(results)} |",
        f"| printed date found | {sum(bool(r.date_ok) for r in dated)}/{len(dated)} |",
        (f"| words recovered (of pdftotext's, all files) "
        f"| {share(sum(r.words_found for r in results), sum(r.ref_words for r in results))} |"),
        (f"| word 4-grams in pdftotext's order "
        f"| {share(sum(r.grams_found for r in results), sum(r.ref_grams for r in results))} |"),
        (f"| the same, stored files only | words "
        f"{share(sum(r.words_found for r in stored), sum(r.ref_words for r in stored))}, "
        f"4-grams {share(sum(r.grams_found for r in stored), sum(r.ref_grams for r in stored))} |"),
        (f"| repeated head/footer lines left in passages "
        f"| {sum(r.furniture_left for r in results)} |"),
        (f"| debate passages with a speaker ({len(debates)} debates) "
        f"| {share(sum(r.with_speaker for r in debates), sum(r.passages for r in debates))} |"),
        f"| pages/s, whole ingest of each file, one process | {pages / seconds:.1f} "
        f"({poppler_s / seconds:.2f}x pdftotext's {pages / poppler_s:.0f}) |"
        if seconds and poppler_s else "| pages/s | |",
    ]
    if skipped:
        lines += ["", "Skipped by --quick: " + ", ".join(f"{n} ({p} pages)" for n, p in skipped)
                  + "."]
    lines += ["", ("A failed file counts as no words found. Goals (issue 12): every file "
              "stored, every printed date, words >= 0.97, 4-grams >= 0.93, <= 10 head/footer "
              "lines, speakers on >= 0.80 of debate passages.")]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--realpdfs", type=Path, default=DEFAULT_REALPDFS)
    parser.add_argument("--quick", action="store_true",
                        help="skip files of more than --max-pages pages")
    parser.add_argument("--max-pages", type=int, default=QUICK_MAX_PAGES)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--match", default="", help="only files whose path holds this text")
    args = parser.parse_args(argv)
    root = args.realpdfs.resolve()
    if not root.is_dir():
        print(f"realworld: {root} is absent; nothing to measure (it is ../shared/realpdfs "
              "beside the project)", file=sys.stderr)
        return 0
    if shutil.which("pdftotext") is None:
        print("realworld: pdftotext is not installed (apt-get install poppler-utils, or "
              "brew install poppler)", file=sys.stderr)
        return 1
    import logging
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    expected = read_manifests(root)
    results, skipped = [], []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="policylens-realworld-") as tmp:
        for pdf in sorted(root.rglob("*.pdf")):
            name = str(pdf.relative_to(root))
            if args.match not in name:
                continue
            if args.quick:
                n = page_count(pdf)
                if n > args.max_pages:
                    skipped.append((name, n))
                    continue
            print(f"  {name}", file=sys.stderr, flush=True)
            results.append(measure_file(pdf, root, expected.get(pdf.resolve(), Expected()),
                                        Path(tmp)))
    section = render(results, skipped, args.quick, time.perf_counter() - started)
    print(section)
    if not args.no_write:
        write_section(HEADING, section)
    return 0


def page_count(pdf: Path) -> int:
    """The page count pdfinfo gives (0 when it cannot read the file)."""
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                         check=False).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.MULTILINE)
    return int(m.group(1)) if m else 0


if __name__ == "__main__":
    sys.exit(main())
