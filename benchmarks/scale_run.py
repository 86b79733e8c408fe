"""`policylens run` end to end on generated corpora of growing size: time and peak memory.

Builds corpora of N pages (50-page two-column debates, each with its own text, dated across
eleven years so the topics and trends have something to find) with the project's PDF writer,
then runs, as whole processes on the same files:

- baseline: `policylens ingest` alone (reading the PDFs, the stage known to scale);
- `policylens run` (ingest, tag, topics with --k auto, trends, report) into a fresh store.

It reports wall time, pages a second, the ratio of run's time to ingest's, and the peak
memory of the whole process tree (main process and workers, polled every 50 ms). Writes the
"Scale: run end to end" section of benchmarks/RESULTS.md.

    python benchmarks/scale_run.py                  # 1,000 and 10,000 pages
    python benchmarks/scale_run.py --pages 1000,10000,60000
    python benchmarks/scale_run.py --pages 1000 --dask   # also `run --dask` on a LocalCluster
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import DOC_PAGES, load_build, peak_rss, policylens_command  # noqa: E402
from results import write_section  # noqa: E402

HEADING = "## Scale: run end to end"
FIRST_YEAR, YEARS = 2015, 11


def build_corpus(build, folder: Path, pages: int, log) -> int:
    """pages // DOC_PAGES debates, each from its own seed; returns the pages written."""
    folder.mkdir(parents=True, exist_ok=True)
    total, started = 0, time.perf_counter()
    n_docs = max(1, pages // DOC_PAGES)
    for i in range(n_docs):
        path = folder / f"debate-{i:05d}.pdf"
        date = dt.date(FIRST_YEAR + i % YEARS, 1 + (i // YEARS) % 12, 1 + i % 28)
        total += build.pdfgen.write_hansard(
            path, date=date, title=f"Health and Care Debate {i}", sitting="Westminster Hall",
            items=build.hansard_speeches(i), pages_hint=DOC_PAGES, seed=i)
        if (i + 1) % 20 == 0:
            log(f"  wrote {i + 1}/{n_docs} debates ({time.perf_counter() - started:.0f} s)")
    return total


def measure(pages: int, work: Path, log, dask: str | None = None) -> dict:
    build = load_build()
    folder = work / f"pdfs-{pages}"
    written = build_corpus(build, folder, pages, log)
    base = policylens_command() + ["-q"]
    ingest = peak_rss(base + ["--db", str(work / f"ingest-{pages}.db"), "ingest", str(folder),
                              "--workers", "2"])
    log(f"  {written} pages: ingest alone {ingest[0]:.1f} s, peak {ingest[1]:.0f} MB")
    out = work / f"run-{pages}"
    run = peak_rss(base + ["run", str(folder), "--out", str(out), "--workers", "2"])
    log(f"  {written} pages: run {run[0]:.1f} s, peak {run[1]:.0f} MB "
        f"(largest process {run[2]:.0f} MB)")
    passages = sum(1 for _ in open(out / "document_topics.csv", encoding="utf-8")) - 1
    k_rows = (out / "k_selection.csv").read_text(encoding="utf-8").splitlines()
    row = {"pages": written, "ingest": ingest, "run": run, "k_header": k_rows[0],
           "document_topic_rows": passages}
    if dask:
        remote = work / f"run-dask-{pages}"
        row["dask"] = peak_rss(base + ["run", str(folder), "--out", str(remote), "--workers",
                                       "2", "--dask", dask])
        log(f"  {written} pages: run --dask {row['dask'][0]:.1f} s, client peak "
            f"{row['dask'][1]:.0f} MB")
        same = all((remote / n).read_bytes() == (out / n).read_bytes()
                   for n in ("document_topics.csv", "topics.csv", "topic_trends.csv"))
        row["dask_same"] = same
    shutil.rmtree(folder)
    return row


def report(rows: list[dict]) -> str:
    lines = [
        HEADING, "",
        f"`python benchmarks/scale_run.py --pages {','.join(str(r['pages']) for r in rows)}` "
        f"({os.cpu_count()} cores, `--workers 2`, default options: `--k auto`, "
        "`--memory-budget 1GB`). Generated two-column debates of 50 pages, each from its own "
        "seed, dated over eleven years. Peak memory is that of the whole process tree. The "
        "baseline is `policylens ingest` alone on the same files, in the same run. "
        f"1-minute load average when it finished: {os.getloadavg()[0]:.1f} (other work on "
        "the same cores slows every row alike; compare the ratios).", "",
        "| pages | ingest alone s | run s | run pages/s | run / ingest | run peak MB "
        "(largest process) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        run, ingest = r["run"], r["ingest"]
        lines.append(f"| {r['pages']:,} | {ingest[0]:.1f} | {run[0]:.1f} | "
                     f"{r['pages'] / run[0]:.0f} | {run[0] / ingest[0]:.2f}x | "
                     f"{run[1]:.0f} ({run[2]:.0f}) |")
    remote = [r for r in rows if "dask" in r]
    if remote:
        lines += ["", "`policylens run --dask` on a `LocalCluster` of 2 worker processes (one "
                  "thread each) on the same machine, against the local run above (peak memory "
                  "of the client's process tree; the cluster's workers are not in it):", "",
                  "| pages | run --dask s | / local run | client peak MB | outputs as local |",
                  "|---|---|---|---|---|"]
        for r in remote:
            lines.append(f"| {r['pages']:,} | {r['dask'][0]:.1f} | "
                         f"{r['dask'][0] / r['run'][0]:.2f}x | {r['dask'][1]:.0f} | "
                         f"{'byte-identical' if r['dask_same'] else 'DIFFERENT'} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="1000,10000",
                        help="Corpus sizes in pages, comma-separated.")
    parser.add_argument("--dask", action="store_true",
                        help="Also run with --dask on a LocalCluster (2 workers), on the "
                        "smallest size.")
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args(argv)
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    rows = []
    sizes = [int(p) for p in args.pages.split(",")]
    with tempfile.TemporaryDirectory(prefix="policylens-scale-") as tmp, \
            contextlib.ExitStack() as stack:
        address = None
        if args.dask:
            from distributed import LocalCluster

            cluster = stack.enter_context(LocalCluster(
                n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0",
                silence_logs=50))
            address = cluster.scheduler_address
        for pages in sizes:
            log(f"{pages} pages")
            rows.append(measure(pages, Path(tmp), log,
                                dask=address if pages == min(sizes) else None))
    text = report(rows)
    print(text)
    if not args.no_write:
        write_section(HEADING, text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
