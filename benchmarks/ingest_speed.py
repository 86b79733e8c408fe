"""Whole-process ingest against pdftotext on the same dense two-column pages.

The issue's speed floor for ingest: ``policylens ingest`` as a whole process (start-up, both
workers, the store) reads at least 0.6x the pages per second of poppler's ``pdftotext`` run over
the same files one after the other. Rounds alternate the two so that a noisy machine slows both;
the best of each is reported, with the load average before each round.

    python benchmarks/ingest_speed.py [--pages 1000] [--rounds 3] [--no-write]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench
from results import write_section

DOC_PAGES = 50
FLOOR = 0.6


def pdftotext_all(paths: list[Path]) -> float:
    """Wall seconds for pdftotext over every file, one process after the other."""
    start = time.perf_counter()
    for path in paths:
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), os.devnull], check=True,
                       capture_output=True)
    return time.perf_counter() - start


def ingest_all(folder: Path, work: Path, workers: int) -> float:
    """Wall seconds for ``policylens ingest`` on the folder into a fresh store."""
    db = work / f"ingest-{time.monotonic_ns()}.db"
    seconds = bench.wall(bench.policylens_command() + [
        "-q", "ingest", str(folder), "--db", str(db), "--workers", str(workers)])
    db.unlink(missing_ok=True)
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if not shutil.which("pdftotext"):
        print("pdftotext is not installed (Debian/Ubuntu: apt-get install poppler-utils)",
              file=sys.stderr)
        return 1
    # As an installed package has it (pip compiles bytecode on install, and Python caches it
    # on first import): without it every process would compile policylens from source first,
    # which a machine with PYTHONDONTWRITEBYTECODE set (as some sandboxes have) would redo on
    # every run.
    import compileall

    import policylens

    compileall.compile_dir(Path(policylens.__file__).parent, quiet=1)
    build = bench.load_build()
    with tempfile.TemporaryDirectory() as tmp:
        folder, work = Path(tmp) / "pdfs", Path(tmp) / "work"
        folder.mkdir()
        work.mkdir()
        paths, pages = [], 0
        seed = 0
        while pages < args.pages:
            debate = bench.write_debate(build, folder / f"debate-{seed:03d}.pdf", seed,
                                        pages=DOC_PAGES)
            paths.append(debate.path)
            pages += debate.pages
            seed += 1
        print(f"{pages} pages in {len(paths)} files", file=sys.stderr)
        poppler, ours, loads = [], [], []
        for r in range(args.rounds):
            loads.append(os.getloadavg()[0])
            poppler.append(pdftotext_all(paths))
            ours.append(ingest_all(folder, work, args.workers))
            print(f"round {r + 1}: pdftotext {poppler[-1]:.2f} s, policylens ingest "
                  f"{ours[-1]:.2f} s", file=sys.stderr)
    best_poppler, best_ours = min(poppler), min(ours)
    ratio = best_poppler / best_ours
    lines = [
        "## Ingest against pdftotext",
        "",
        (f"`python benchmarks/ingest_speed.py`: {pages:,} generated dense two-column pages "
        f"({len(paths)} debates). Wall time, best of {args.rounds} alternating rounds; "
        f"load average before each round: {', '.join(f'{x:.1f}' for x in loads)}. "
        "policylens's bytecode is compiled first, as an installed package has it."),
        "",
        "| reader | wall s, best (range) | pages/s | × pdftotext |",
        "|---|---|---|---|",
        (f"| poppler pdftotext, one file after another | {best_poppler:.2f} "
        f"({min(poppler):.2f}-{max(poppler):.2f}) | {pages / best_poppler:.0f} | 1.00 |"),
        (f"| policylens ingest --workers {args.workers} (whole process, fresh store) | "
        f"{best_ours:.2f} ({min(ours):.2f}-{max(ours):.2f}) | {pages / best_ours:.0f} | "
        f"{ratio:.2f} |"),
        "",
        f"Floor: {FLOOR}x pdftotext: {'met' if ratio >= FLOOR else 'NOT met'}.",
        "",
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_section(lines[0], "\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
