"""Scale benchmarks, as ratios against the baselines, on generated two-column Hansard PDFs.

    python benchmarks/bench.py [--quick] [--no-write]

1. Extraction: pages per CPU second and reading-order fidelity of each policylens engine
   (pdfium, pdfplumber) against plain pdfplumber ``extract_text()`` and poppler's
   ``pdftotext`` (skipped when it is not installed). Fidelity is the share of the word pairs
   inside each generated paragraph that come out next to each other, on one debate written
   left column first and one written right column first.
2. End to end: ``policylens run`` with 1 and 2 workers on 1,000 pages (alternating runs, best
   of three each), and against the script a researcher would write (pdfplumber
   ``extract_text()`` per page, the shipped tagger's patterns on each page, scikit-learn LDA)
   on the first 400 of those pages, in pages per second of wall time.
3. Peak resident memory of ``policylens ingest`` and ``policylens tag`` (every process of the
   run, summed) at 1,000 and 10,000 pages.
4. Where the fast engine's time goes: CPU time of each step, and PDFium's own floor.

The PDFs come from corpus/build.py (realistic debates) and corpus/pdfgen.py. The 10,000 pages
are 50-page debates, each file a copy of a few generated ones with a distinct trailing comment
(a different sha256, so each is a new document). Everything runs in a temporary folder. The
result is printed and written to benchmarks/RESULTS.md under "## Scale" (other sections of
that file are left as they are). About 5 minutes on 2 cores; --quick takes about 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import write_section  # noqa: E402

RESULTS = REPO / "benchmarks" / "RESULTS.md"
HEADING = "## Scale"
DOC_PAGES = 50          # pages of each generated debate
EXTRACT_DOCS = 2        # one left column first, one right column first
E2E_DOCS = 20           # debates for `policylens run` with 1 and 2 workers (1,000 pages)
# The naive script reads ~4 pages a second: it runs on the first debates only (400 pages, as
# many as before the 1,000-page runs), and is compared with `policylens run --workers 1` on
# exactly those debates, so that both pay their start-up on the same work.
NAIVE_DOCS = 8
SUBSET_ROUNDS = 2       # `policylens run --workers 1` on the naive script's pages
E2E_ROUNDS = 3          # alternating 1- and 2-worker runs; the best of each is reported
MEMORY_SIZES = (1_000, 10_000)
PDFIUM_ROUNDS = 3
POLL_SECONDS = 0.05
TOPICS = 10


def load_build():
    """corpus/build.py (which loads corpus/pdfgen.py and corpus/textbank.py)."""
    spec = importlib.util.spec_from_file_location("policylens_corpus_build",
                                                  REPO / "corpus" / "build.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def words(text: str) -> list[str]:
    """Lowercase word tokens, the same for every extractor and the ground truth."""
    return re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKC", text).lower())


def unhyphenate(text: str) -> str:
    """Rejoin words the generator split at a line end (it never splits hyphenated words)."""
    return re.sub(r"([A-Za-z])-\s*\n\s*([a-z])", r"\1\2", text)


@dataclass
class Debate:
    path: Path
    pages: int
    paragraphs: list[list[str]] = field(repr=False)  # ground truth: words of each paragraph


def write_debate(build, path: Path, seed: int, pages: int = DOC_PAGES,
                 right_first: bool = False) -> Debate:
    """A generated debate PDF and the words of every paragraph it holds, in order."""
    seen: list = []

    def items():
        for item in build.hansard_speeches(seed):
            seen.append(item)
            yield item

    n = build.pdfgen.write_hansard(
        path, date=dt.date(2023, 9, 7), title="Cell and Gene Therapies",
        sitting="Westminster Hall", items=items(), pages_hint=pages,
        right_column_first=right_first, seed=seed)
    # The writer reads a few items ahead of the last page: leave those out of the truth.
    printed = seen[:-4]
    paragraphs = [words(p) for item in printed if isinstance(item, build.pdfgen.Speech)
                  for p in item.paragraphs]
    return Debate(path, n, [p for p in paragraphs if len(p) > 1])


def fidelity(debate: Debate, text: str) -> float:
    """Share of the truth's within-paragraph word pairs found next to each other in ``text``."""
    found = words(unhyphenate(text))
    pairs = Counter(zip(found, found[1:]))
    truth = Counter(pair for p in debate.paragraphs for pair in zip(p, p[1:]))
    matched = sum(min(n, pairs[pair]) for pair, n in truth.items())
    return matched / sum(truth.values())


# -- extraction ------------------------------------------------------------------------------

def policylens_text(path: Path, engine: str) -> str:
    from policylens.ingest import extract_document, sha256_file

    _, passages = extract_document(path, sha256_file(path), engine=engine)
    return "\n\n".join(p.text for p in passages)


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    out = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            out.append(page.extract_text() or "")
            page.close()
    return "\n".join(out)


FLOOR = "PDFium alone: load each page and build its text page (no text out)"


def pdfium_floor(path: Path) -> str:
    """What any PDFium-based reader pays before it reads a character: the floor."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    for page in doc:
        page.get_textpage().close()
        page.close()
    doc.close()
    return ""


def words_per_page(debates: list[Debate]) -> float:
    """Words on an average page of the debates, as PDFium reads them."""
    import pypdfium2 as pdfium

    n_words = 0
    for debate in debates:
        doc = pdfium.PdfDocument(str(debate.path))
        for page in doc:
            textpage = page.get_textpage()
            n_words += len(textpage.get_text_range().split())
            textpage.close()
            page.close()
        doc.close()
    return n_words / sum(d.pages for d in debates)


def bench_corpus(log) -> dict:
    """The pdfium engine on the bundled corpus: short documents, both one and two columns."""
    import pypdfium2 as pdfium

    from policylens.ingest import extract_document, sha256_file

    files = sorted((REPO / "corpus" / "pdfs").glob("*.pdf"))
    digests = {f: sha256_file(f) for f in files}
    pages = sum(len(pdfium.PdfDocument(str(f))) for f in files)
    best = float("inf")
    for _ in range(PDFIUM_ROUNDS):
        start = time.process_time()
        for f in files:
            extract_document(f, digests[f], engine="pdfium")
        best = min(best, time.process_time() - start)
    log(f"  bundled corpus, pdfium engine: {pages / best:.1f} pages/s ({len(files)} files)")
    return {"files": len(files), "pages": pages, "pages_per_s": pages / best}


def pdftotext_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(fn, *args, rounds: int = 1, child: bool = False) -> tuple[str, float]:
    """(result, best CPU seconds): CPU time, so other work on a shared machine counts less."""
    best, result = float("inf"), ""
    for _ in range(rounds):
        start = _children_cpu() if child else time.process_time()
        result = fn(*args)
        spent = (_children_cpu() if child else time.process_time()) - start
        best = min(best, spent)
    return result, best


def bench_extraction(debates: list[Debate], log) -> list[dict]:
    """Pages per CPU second and fidelity (left-first, right-first) of each extractor."""
    extractors = [
        ("policylens, pdfium engine", lambda p: policylens_text(p, "pdfium"), PDFIUM_ROUNDS,
         False),
        ("policylens, pdfplumber engine", lambda p: policylens_text(p, "pdfplumber"), 1, False),
        ("pdfplumber extract_text()", pdfplumber_text, 1, False),
    ]
    if shutil.which("pdftotext"):
        extractors.append(("poppler pdftotext", pdftotext_text, PDFIUM_ROUNDS, True))
    extractors.append((FLOOR, pdfium_floor, PDFIUM_ROUNDS, False))
    rows = []
    for name, fn, rounds, child in extractors:
        seconds, scores = 0.0, []
        for debate in debates:
            text, spent = timed(fn, debate.path, rounds=rounds, child=child)
            seconds += spent
            scores.append(fidelity(debate, text))
        pages = sum(d.pages for d in debates)
        if fn is pdfium_floor:
            scores = []
        rows.append({"name": name, "pages_per_s": pages / seconds, "fidelity": scores})
        log(f"  {name}: {pages / seconds:.1f} pages/s"
            + (", fidelity " + " / ".join(f"{s:.3f}" for s in scores) if scores else ""))
    if not shutil.which("pdftotext"):
        rows.append({"name": "poppler pdftotext", "skipped": True})
        log("  poppler pdftotext: not installed, skipped")
    return rows


# -- end to end ------------------------------------------------------------------------------

NAIVE_SCRIPT = textwrap.dedent('''
    """What a researcher would write: text per page, the same patterns per page, LDA."""
    import sys
    from pathlib import Path

    import pdfplumber
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    from policylens.tagging.pipeline import load_tagger

    nlp = load_tagger()
    pages, mentions = [], 0
    for path in sorted(Path(sys.argv[1]).glob("*.pdf")):
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                text = page.extract_text() or ""
                pages.append(text)
                mentions += len(nlp(text).spans.get("policy", []))
    counts = CountVectorizer(stop_words="english", min_df=2).fit_transform(pages)
    LatentDirichletAllocation(n_components=int(sys.argv[2]), random_state=0).fit(counts)
    print(len(pages), mentions)
''')


def policylens_command() -> list[str]:
    exe = shutil.which("policylens")
    return [exe] if exe else [sys.executable, "-c", "from policylens.cli import cli; cli()"]


def wall(cmd: list[str], **kwargs) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - start


def machine_cpu() -> float | None:
    """CPU seconds the whole machine has spent busy since boot (Linux), else None."""
    try:
        with open("/proc/stat", encoding="ascii") as fh:
            fields = [int(v) for v in fh.readline().split()[1:8]]
    except (OSError, ValueError):
        return None
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # minus idle, iowait


def wall_and_others(cmd: list[str]) -> tuple[float, float | None]:
    """(wall seconds of cmd, CPU seconds other processes on the machine used meanwhile)."""
    before, own = machine_cpu(), _children_cpu()
    seconds = wall(cmd)
    after = machine_cpu()
    others = None if before is None else (after - before) - (_children_cpu() - own)
    return seconds, others


def run_command(folder: Path, target: Path, workers: int) -> list[str]:
    """`policylens run` as the end-to-end benchmark times it (a fresh store each time)."""
    return policylens_command() + [
        "-q", "run", str(folder), "--out", str(target), "--workers", str(workers),
        "--k", str(TOPICS), "--bootstrap", "100", "--seed", "0"]


def bench_end_to_end(folder: Path, pages: int, subset: Path, subset_pages: int, work: Path,
                     log) -> dict:
    """Wall seconds of `policylens run` with 1 and 2 workers on ``folder`` (E2E_ROUNDS
    alternating runs of each), and of the naive script against 1 worker on ``subset``."""
    script = work / "naive.py"
    script.write_text(NAIVE_SCRIPT, encoding="utf-8")
    out: dict = {"pages": pages, "subset_pages": subset_pages, "load": [], "others": [],
                 "run_1": [], "run_2": []}
    out["naive"] = wall([sys.executable, str(script), str(subset), str(TOPICS)])
    log(f"  naive script, {subset_pages} pages: {out['naive']:.1f} s "
        f"({subset_pages / out['naive']:.1f} pages/s)")
    target = work / "run-subset"
    out["subset_runs"] = []
    for _ in range(SUBSET_ROUNDS):  # its start-up is a good part of it: take the best
        out["subset_runs"].append(wall(run_command(subset, target, 1)))
        shutil.rmtree(target)
        log(f"  policylens run --workers 1, {subset_pages} pages: {out['subset_runs'][-1]:.1f} s "
            f"({subset_pages / out['subset_runs'][-1]:.1f} pages/s)")
    out["subset_run_1"] = min(out["subset_runs"])
    for i in range(E2E_ROUNDS):
        for workers in (1, 2):
            out["load"].append(os.getloadavg()[0])
            target = work / f"run-{workers}"
            seconds, others = wall_and_others(run_command(folder, target, workers))
            shutil.rmtree(target)
            out[f"run_{workers}"].append(seconds)
            out["others"].append(others)
            log(f"  policylens run --workers {workers}, {pages} pages, round {i + 1}: "
                f"{seconds:.1f} s ({pages / seconds:.1f} pages/s); other processes used "
                f"{others if others is not None else float('nan'):.1f} CPU s meanwhile")
    return out


# -- memory ----------------------------------------------------------------------------------

def peak_rss(cmd: list[str]) -> tuple[float, float, float]:
    """(seconds, peak MB of all its processes together, peak MB of the largest one)."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    top = psutil.Process(proc.pid)
    total_peak = single_peak = 0
    while proc.poll() is None:
        try:
            rss = [p.memory_info().rss for p in [top, *top.children(recursive=True)]]
        except psutil.Error:  # a process ended while being measured
            rss = []
        if rss:
            total_peak, single_peak = max(total_peak, sum(rss)), max(single_peak, max(rss))
        time.sleep(POLL_SECONDS)
    if proc.returncode:
        raise RuntimeError(f"{cmd} failed: {proc.stderr.read().decode()[-2000:]}")
    return time.perf_counter() - start, total_peak / 2**20, single_peak / 2**20


def copies(sources: list[Path], folder: Path, n_docs: int) -> Path:
    """n_docs files, each a source with a distinct comment after %%EOF (a new sha256)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = [s.read_bytes() for s in sources]
    for i in range(n_docs):
        (folder / f"debate-{i:05d}.pdf").write_bytes(
            data[i % len(data)] + f"\n%policylens benchmark copy {i}\n".encode())
    return folder


def bench_memory(sources: list[Path], sizes: tuple[int, ...], work: Path, log) -> list[dict]:
    rows = []
    for pages in sizes:
        folder = copies(sources, work / f"mem-{pages}", pages // DOC_PAGES)
        db = work / f"mem-{pages}.db"
        base = policylens_command() + ["-q", "--db", str(db)]
        row = {"pages": pages}
        if pages == sizes[0]:  # the parallel part alone: reading the files with 1 worker
            row["ingest_1"] = peak_rss(base[:-1] + [str(work / "one-worker.db"), "ingest",
                                                     str(folder), "--workers", "1"])
        row["ingest"] = peak_rss(base + ["ingest", str(folder), "--workers", "2"])
        row["tag"] = peak_rss(base + ["tag", "--workers", "2"])
        rows.append(row)
        shutil.rmtree(folder)
        log(f"  {pages} pages: ingest {row['ingest'][0]:.0f} s, peak {row['ingest'][1]:.0f} MB "
            f"(largest process {row['ingest'][2]:.0f} MB); tag {row['tag'][0]:.0f} s, peak "
            f"{row['tag'][1]:.0f} MB (largest {row['tag'][2]:.0f} MB)")
    return rows


# -- profile ---------------------------------------------------------------------------------

def engine_stages(debates: list[Debate], rounds: int = PDFIUM_ROUNDS) -> list[tuple[str, float]]:
    """CPU milliseconds per page of each step of the pdfium engine, best of ``rounds``.

    The steps are those of ``extract_document``, called one by one. The first row is only
    PDFium loading each page and building its text page: any reader built on PDFium pays it,
    so it is the floor under the reader's own time.
    """
    from policylens.ingest.layout import build_blocks, order_page, strip_furniture
    from policylens.ingest.pdfium import open_reader
    from policylens.ingest.segment import segment

    floor = "PDFium alone: load each page and build its text page"
    reader = "reader: text page into runs of words with boxes and fonts (ingest/pdfium.py)"
    layout = "layout: columns, lines, running headers and footers (order_page, strip_furniture)"
    blocks = "paragraphs and broken words (build_blocks)"
    passages = "passages and speakers (segment)"
    pages = sum(d.pages for d in debates)
    best: dict[str, float] = {}
    for _ in range(rounds):
        spent: Counter[str] = Counter()
        for debate in debates:
            clock = time.process_time()
            pdfium_floor(debate.path)
            spent[floor] += time.process_time() - clock
            clock = time.process_time()
            with open_reader(debate.path) as opened:
                read = list(opened.pages())
            spent[reader] += time.process_time() - clock
            clock = time.process_time()
            laid_out = strip_furniture([order_page(p.number, p.words, p.width, p.height)
                                        for p in read])
            spent[layout] += time.process_time() - clock
            clock = time.process_time()
            found = build_blocks(laid_out, {w.lower() for p in laid_out for ln in p.lines
                                            for w in ln.text.split()})
            spent[blocks] += time.process_time() - clock
            clock = time.process_time()
            segment("bench", found)
            spent[passages] += time.process_time() - clock
        for name, seconds in spent.items():
            best[name] = min(best.get(name, float("inf")), seconds * 1000 / pages)
    return list(best.items())


# -- report ----------------------------------------------------------------------------------

def report(ext: list[dict], corpus: dict, e2e: dict, memory: list[dict],
           profile: list[tuple[str, float]], meta: dict) -> str:
    base = next(r for r in ext if r["name"] == "pdfplumber extract_text()")["pages_per_s"]
    pdftotext = next((r for r in ext if r["name"] == "poppler pdftotext"
                      and not r.get("skipped")), None)
    lines = [
        HEADING, "",
        f"Generated two-column Hansard debates ({DOC_PAGES} pages each, "
        f"{meta['words_per_page']:,.0f} words a page). "
        f"Python {meta['python']}, {meta['cores']} cores, load average {meta['load']:.1f} at the "
        f"start (the machine was shared), {meta['date']}. Run: `python benchmarks/bench.py"
        f"{' --quick' if meta['quick'] else ''}` ({meta['minutes']:.1f} minutes).", "",
        "### Extraction", "",
        f"{EXTRACT_DOCS * DOC_PAGES} pages; pages per CPU second of one process (one core). "
        "Reading-order fidelity: the share of the word pairs inside each paragraph that come "
        "out next to each other, on a debate written left column first / right column first.",
        "",
        "| extractor | pages/s per core | × pdfplumber extract_text() | × pdftotext | fidelity "
        "(left first / right first) |",
        "|---|---|---|---|---|",
    ]
    for r in ext:
        if r.get("skipped"):
            lines.append(f"| {r['name']} | not installed, skipped | | | |")
            continue
        vs_poppler = f"{r['pages_per_s'] / pdftotext['pages_per_s']:.2f}" if pdftotext else "-"
        order = " / ".join(f"{f:.3f}" for f in r["fidelity"]) or "(reads no text)"
        lines.append(f"| {r['name']} | {r['pages_per_s']:.1f} | {r['pages_per_s'] / base:.1f} | "
                     f"{vs_poppler} | {order} |")
    fast = next(r for r in ext if r["name"] == "policylens, pdfium engine")
    floor = next(r for r in ext if r["name"] == FLOOR)
    lines += ["", f"The pages hold {meta['words_per_page']:,.0f} words each on average. The "
              f"pdfium engine runs at {fast['pages_per_s'] / floor['pages_per_s']:.2f}x the speed "
              "of PDFium's own page and text-page loading, which no PDFium-based reader can "
              f"beat. On the bundled corpus ({corpus['files']} short documents, "
              f"{corpus['pages']} pages, one and two columns) the pdfium engine reads "
              f"{corpus['pages_per_s']:.0f} pages/s per core."]
    pages, sub = e2e["pages"], e2e["subset_pages"]
    naive, sub_one = sub / e2e["naive"], sub / e2e["subset_run_1"]
    best = {w: min(e2e[f"run_{w}"]) for w in (1, 2)}
    one, two = pages / best[1], pages / best[2]
    ratios = [a / b for a, b in zip(e2e["run_1"], e2e["run_2"])]
    spread = {w: f"{min(e2e[f'run_{w}']):.1f}-{max(e2e[f'run_{w}']):.1f}" for w in (1, 2)}
    lines += [
        "", "### End to end", "",
        f"Wall time of the whole command, start-up included: ingest, tag, topics (k = {TOPICS}) "
        "and trends with plots for `policylens run`, each run on a fresh store; pdfplumber "
        "`extract_text()`, the shipped tagger on each page and scikit-learn LDA for the naive "
        "script.", "",
        f"1 against 2 workers on {pages:,} pages ({E2E_DOCS} debates): {E2E_ROUNDS} "
        f"round{'s' if E2E_ROUNDS > 1 else ''}, "
        "the two runs of a round one after the other; the best run of each is reported, with "
        f"the range over the rounds. Load average before each run: "
        f"{', '.join(f'{x:.1f}' for x in e2e['load'])}; CPU seconds other processes used "
        "during each run (the machine was shared; a run that shared it is slower): "
        f"{', '.join('-' if x is None else f'{x:.1f}' for x in e2e['others'])}.", "",
        "| run | pages | wall s, best (range) | pages/s | × 1 worker |",
        "|---|---|---|---|---|",
        f"| policylens run --workers 1 | {pages:,} | {best[1]:.1f} ({spread[1]}) | {one:.1f} "
        "| 1.00 |",
        f"| policylens run --workers 2 | {pages:,} | {best[2]:.1f} ({spread[2]}) | {two:.1f} "
        f"| {two / one:.2f} |", "",
        f"Speed-up of each round (its 1-worker run over its 2-worker run): "
        f"{', '.join(f'{r:.2f}' for r in ratios)}.", "",
        f"The naive script reads about 4 pages a second, so it runs on the first {NAIVE_DOCS} "
        f"debates only ({sub} pages), once, against `policylens run --workers 1` on the same "
        f"debates, the best of {SUBSET_ROUNDS} runs (all: "
        f"{', '.join(f'{x:.1f}' for x in e2e['subset_runs'])} s):", "",
        "| run | pages | wall s | pages/s | × naive |",
        "|---|---|---|---|---|",
        f"| naive script (1 process) | {sub} | {e2e['naive']:.1f} | {naive:.1f} | 1.0 |",
        f"| policylens run --workers 1 | {sub} | {e2e['subset_run_1']:.1f} | {sub_one:.1f} | "
        f"{sub_one / naive:.1f} |",
        "", "### Peak memory", "",
        "Resident memory of every process of the command together (and of the largest one), "
        "sampled every 50 ms; `--workers 2`.", "",
        "| pages | ingest s | ingest peak MB (largest process) | tag s | tag peak MB (largest "
        "process) |",
        "|---|---|---|---|---|",
    ]
    for r in memory:
        lines.append(f"| {r['pages']:,} | {r['ingest'][0]:.0f} | {r['ingest'][1]:.0f} "
                     f"({r['ingest'][2]:.0f}) | {r['tag'][0]:.0f} | {r['tag'][1]:.0f} "
                     f"({r['tag'][2]:.0f}) |")
    if len(memory) >= 2:
        growth = {k: memory[-1][k][1] / memory[0][k][1] for k in ("ingest", "tag")}
        lines += ["", f"From {memory[0]['pages']:,} to {memory[-1]['pages']:,} pages the peak "
                  f"changes by ×{growth['ingest']:.2f} (ingest) and ×{growth['tag']:.2f} (tag)."]
    first = memory[0]
    if "ingest_1" in first:
        one_worker, two_workers = first["ingest_1"][0], first["ingest"][0]
        lines += ["", f"Ingest alone on {first['pages']:,} pages: {one_worker:.1f} s with 1 "
                  f"worker, {two_workers:.1f} s with 2 (×{one_worker / two_workers:.2f})."]
    plumber_engine = next(r for r in ext if r["name"] == "policylens, pdfplumber engine")
    checks = [
        ("fast engine: at least 300 pages/s per core "
         f"({meta['words_per_page']:,.0f} words a page)", f"{fast['pages_per_s']:.0f}",
         fast["pages_per_s"] >= 300),
        ("fast engine: at least a quarter of pdftotext's speed",
         f"{fast['pages_per_s'] / pdftotext['pages_per_s']:.2f}" if pdftotext else "-",
         bool(pdftotext) and fast["pages_per_s"] >= pdftotext["pages_per_s"] / 4),
        ("fast engine: reading order at least as good as the pdfplumber engine",
         " / ".join(f"{a:.3f} vs {b:.3f}" for a, b in zip(fast["fidelity"],
                                                          plumber_engine["fidelity"])),
         all(a >= b for a, b in zip(fast["fidelity"], plumber_engine["fidelity"]))),
        ("`policylens run`: at least 10x the naive script on 1 worker",
         f"{sub_one / naive:.1f}x ({sub} pages)", sub_one / naive >= 10),
        ("`policylens run`: at least 1.7x its own speed on 2 workers",
         f"{two / one:.2f}x ({pages:,} pages, best runs)",
         two / one >= 1.7),
    ]
    if len(memory) >= 2:
        worst = max(growth.values())
        checks.append(("peak memory flat within 20% from the smallest to the largest corpus",
                       f"x{worst:.2f}", worst <= 1.2))
    lines += ["", "### Against the targets", "", "| target | reached | met |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {'yes' if ok else 'no'} |" for name, value, ok in checks]
    total = sum(ms for name, ms in profile if not name.startswith("PDFium alone"))
    lines += ["", "### Where the fast engine's time goes", "",
              "CPU milliseconds per page of each step of `extract_document(..., "
              "engine=\"pdfium\")`, called one by one on the extraction PDFs (best of "
              f"{PDFIUM_ROUNDS}). The reader's time includes PDFium's own, shown on its own in "
              "the first row.", "",
              "| step | ms per page | share |", "|---|---|---|"]
    lines += [f"| {name} | {ms:.2f} | {'' if name.startswith('PDFium alone') else f'{ms / total:.0%}'} |"
              for name, ms in profile]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="smaller runs (memory at 200 and 2,000 pages, 8 debates end to end)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    global E2E_DOCS, NAIVE_DOCS, E2E_ROUNDS
    sizes = MEMORY_SIZES
    if args.quick:
        E2E_DOCS, NAIVE_DOCS, E2E_ROUNDS, sizes = 8, 2, 1, (200, 2_000)
    started = time.perf_counter()
    meta = {"python": platform.python_version(), "cores": os.cpu_count(),
            "load": os.getloadavg()[0], "date": dt.date.today().isoformat(),
            "quick": args.quick}
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    build = load_build()
    with tempfile.TemporaryDirectory(prefix="policylens-bench-") as tmp:
        work = Path(tmp)
        log("writing PDFs...")
        debates = [write_debate(build, work / f"extract-{i}.pdf", seed=100 + i,
                                right_first=bool(i % 2)) for i in range(EXTRACT_DOCS)]
        e2e_folder, subset_folder = work / "e2e", work / "e2e-subset"
        e2e_folder.mkdir()
        subset_folder.mkdir()
        e2e = [write_debate(build, e2e_folder / f"debate-{i:02d}.pdf", seed=200 + i)
               for i in range(E2E_DOCS)]
        for d in e2e[:NAIVE_DOCS]:
            shutil.copyfile(d.path, subset_folder / d.path.name)
        log("extraction:")
        ext = bench_extraction(debates, log)
        meta["words_per_page"] = words_per_page(debates)
        corpus = bench_corpus(log)
        log("end to end:")
        end_to_end = bench_end_to_end(e2e_folder, sum(d.pages for d in e2e), subset_folder,
                                      sum(d.pages for d in e2e[:NAIVE_DOCS]), work, log)
        log("memory:")
        memory = bench_memory([d.path for d in e2e[:4]], sizes, work, log)
        log("where the time goes...")
        profile = engine_stages(debates)
    meta["minutes"] = (time.perf_counter() - started) / 60
    text = report(ext, corpus, end_to_end, memory, profile, meta)
    print(text)
    if not args.no_write:
        write_section(HEADING, text, RESULTS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
