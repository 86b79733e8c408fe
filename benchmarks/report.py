"""How the HTML report grows with the store: its size and build time on a small and a large
planted store, against the trends step on the same store (a ratio within this process).

The page lists top-N (failures, topics, names, lines in context, passages per shift), so its
size should barely grow while the store grows twentyfold; its time grows with the SQL
aggregates and the one pass over document_topics.csv.

Run: python benchmarks/report.py [SMALL LARGE]   (passages; default 2000 40000)
"""

from __future__ import annotations

import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from planted import add_planted_documents, planted_texts, shifting_proportions  # noqa: E402

from policylens.jobs.topics import run_topics  # noqa: E402
from policylens.jobs.trends import run_trends  # noqa: E402
from policylens.report import write_report  # noqa: E402
from policylens.store import Store  # noqa: E402
from policylens.tagging.pipeline import load_tagger  # noqa: E402
from policylens.tagging.tag import tag_store  # noqa: E402
from policylens.topics import TopicParams  # noqa: E402

PERIODS = 10
DOCS_PER_PERIOD = 4
N_BOOT = 200


def build(folder: Path, n_passages: int, nlp) -> dict:
    """A planted store with tags, topics and trends; returns timings and the report's size."""
    props = shifting_proportions(PERIODS, 5, rise=3, fall=0, start=0.1, end=0.5)
    passages = planted_texts(props, n_passages // PERIODS, seed=n_passages)
    db = folder / "policylens.db"
    with Store(db) as store:
        add_planted_documents(store, passages, 2015, DOCS_PER_PERIOD)
        tag_store(store, nlp, workers=0)
        topics = run_topics(store, folder, TopicParams(k=6, seed=0))
        start = time.perf_counter()
        run_trends(store, folder, topics=topics, n_boot=N_BOOT, plots=False)
        trends_s = time.perf_counter() - start
        start = time.perf_counter()
        path = write_report(store, measure_tagger_f1=False)
        report_s = time.perf_counter() - start
        mentions = store.status()["mentions"]
    return {"passages": len(passages), "mentions": mentions, "trends_s": trends_s,
            "report_s": report_s, "bytes": path.stat().st_size,
            "csv_bytes": (folder / "document_topics.csv").stat().st_size}


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [2000, 40000]
    nlp = load_tagger()
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            row = build(Path(tmp), n, nlp)
        rows.append(row)
        print(f"{row['passages']:,} passages: report {row['report_s']:.2f} s, "
              f"{row['bytes']:,} bytes; trends {row['trends_s']:.2f} s", file=sys.stderr)
    lines = [
        "## Report",
        "",
        f"`python benchmarks/report.py {' '.join(map(str, sizes))}` on {platform.machine()}, "
        f"Python {platform.python_version()}: planted stores ({PERIODS} years, "
        f"{DOCS_PER_PERIOD} documents a year, tagged, 6 NMF topics, trends with {N_BOOT} "
        "bootstrap replicates, no plots); the report without measuring the tagger's F1 "
        "(which is cached in the store after its first run).",
        "",
        "| passages | mentions | `document_topics.csv` | report.html | report s | trends s | "
        "report / trends |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['passages']:,} | {r['mentions']:,} | {r['csv_bytes'] / 1e6:.1f} MB "
                     f"| {r['bytes'] / 1e3:.0f} KB | {r['report_s']:.2f} | {r['trends_s']:.2f} "
                     f"| {r['report_s'] / r['trends_s']:.2f} |")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        lines += ["", f"{b['passages'] / a['passages']:.0f}x the passages: the page "
                  f"{b['bytes'] / a['bytes']:.2f}x the bytes, {b['report_s'] / a['report_s']:.1f}x "
                  "the time.",
                  "", "The page's size is bounded by its top-N lists; its time grows with the "
                  "store, most of it in the mention queries (each label's most frequent names "
                  "and the first mention of each, over all of the label's mentions) and the "
                  "one pass over `document_topics.csv` that finds the passages behind each "
                  "shift."]
    section = "\n".join(lines) + "\n"
    print(section)
    from results import write_section

    write_section("## Report", section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
