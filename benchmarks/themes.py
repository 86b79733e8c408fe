"""What themes, framing and lead/lag add to `trends`: their time on a planted store of 20,000
passages against the rest of the trends step on the same store, in this process.

The store holds planted passages (tests/planted.py: five subjects, the workforce one rising)
over ten years in two kinds of document (so --group kind has two groups to compare), with
mentions of the subject's label on half of each labelled subject's passages (as a tagger
finds them now and then; the tagger itself is benchmarked in benchmarks/tagging.py). The
topic model (NMF, k = 10) is fitted once. Then, alternating, best of ``--rounds``:

- baseline, `trends` without the theme tables: mention_trends.csv, topic_trends.csv,
  shifts.csv, divergence.csv and their plots (write_mention_trends + write_topic_trends);
- added: theme_trends.csv, framing.csv and leadlag.csv computed and written
  (write_theme_trends without plots), and, timed apart, the theme plot.

All with --group kind and the default 1,000 bootstrap replicates. Goal: the added
computation / baseline < 0.20.

Run: python benchmarks/themes.py [--passages N] [--rounds R]
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from planted import SUBJECTS, add_planted_documents, planted_texts
from policylens.defaults import DEFAULT_BOOTSTRAP
from policylens.jobs.topics import run_topics
from policylens.jobs.trends import (
    write_mention_trends,
    write_theme_trends,
    write_topic_trends,
)
from policylens.records import Mention
from policylens.store import Store
from policylens.topics import TopicParams

YEARS, FIRST_YEAR, K_SUBJECTS, K = 10, 2015, 5, 10
KINDS = ("industry", "parliamentary")
DOCS_PER_YEAR = 10  # per kind
GROUP = "kind"
HEADING = "## Themes, framing and lead/lag"
LABEL_OF = {"therapy": "THERAPY", "cost": "COST", "regulation": "REGULATION",
            "workforce": "NHS_WORKFORCE"}


def build(folder: Path, n_passages: int):
    """A planted, tagged store with its topic model; returns (store path, topics outcome)."""
    names = list(SUBJECTS)[:K_SUBJECTS]
    w = names.index("workforce")
    rng = np.random.default_rng(0)
    subject = {}
    db = folder / "policylens.db"
    with Store(db) as store:
        for g, kind in enumerate(KINDS):
            props = []
            for t in range(YEARS):
                share = 0.1 + 0.4 * t / (YEARS - 1)
                p = [(1 - share) / (K_SUBJECTS - 1)] * K_SUBJECTS
                p[w] = share
                props.append(p)
            per_year = n_passages // (YEARS * len(KINDS))
            passages = planted_texts(props, per_year, seed=20 + g, mix=0.1)
            subject.update({p.text: p.subject for p in passages})
            add_planted_documents(store, passages, FIRST_YEAR, DOCS_PER_YEAR, kind=kind)
        ids, mentions = [], []
        for row in store.iter_passages():
            ids.append(row["passage_id"])
            label = LABEL_OF.get(names[subject[row["text"]]])
            if label and rng.random() < 0.5:
                mentions.append(Mention(row["passage_id"], label, 0, 4, row["text"][:4]))
        store.save_mentions("bench-v1", ids, mentions)
        topics = run_topics(store, folder, TopicParams(k=K, seed=0))
    return db, topics


def time_round(db: Path, topics, out: Path) -> tuple[float, float, float]:
    """(baseline s, themes computation s, theme plot s) of one round."""
    from policylens.trends.export import read_result_csv
    from policylens.trends.plot import plot_theme_trends

    settings = {"by": "year", "group": GROUP, "n_boot": DEFAULT_BOOTSTRAP, "seed": 0}
    with Store(db) as store:
        start = time.perf_counter()
        write_mention_trends(store, out, rows=topics.rows, **settings)
        write_topic_trends(topics, out, **settings)
        base = time.perf_counter() - start
        start = time.perf_counter()
        write_theme_trends(store, topics, out, plots=False, **settings)
        added = time.perf_counter() - start
    rows = list(read_result_csv(out / "theme_trends.csv"))
    start = time.perf_counter()
    plot_theme_trends(rows, out / "plots" / "theme_trends", "year", GROUP)
    plot = time.perf_counter() - start
    return base, added, plot


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passages", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        load = os.getloadavg()[0]
        db, topics = build(folder, args.passages)
        rounds = [time_round(db, topics, folder / f"round-{r}") for r in range(args.rounds)]
        n_passages = len(topics.rows)
        n_rows = {name: len((folder / "round-0" / name).read_text(encoding="utf-8")
                            .splitlines()) - 1
                  for name in ("theme_trends.csv", "framing.csv", "leadlag.csv")}
    base = min(r[0] for r in rounds)
    added = min(r[1] for r in rounds)
    plot = min(r[2] for r in rounds)
    ratio = added / base

    def each(i: int) -> str:
        return ", ".join(f"{r[i]:.2f}" for r in rounds)

    lines = [
        HEADING, "",
        (f"`python benchmarks/themes.py --passages {args.passages} --rounds {args.rounds}` on "
        f"{platform.machine()}, Python {platform.python_version()}, load average {load:.1f} "
        f"at the start (the machine was shared): {n_passages:,} planted passages over "
        f"{YEARS} years in {len(KINDS)} kinds of document ({DOCS_PER_YEAR} documents a kind a "
        f"year), k = {K} NMF topics, `--group {GROUP}`, {DEFAULT_BOOTSTRAP:,} bootstrap "
        "replicates; the best of the rounds, each round timing the three steps in turn."),
        "",
        "| step | s (best) | all rounds | × baseline |",
        "|---|---|---|---|",
        (f"| baseline: `trends` without themes (mention trends, topic trends, shifts, "
        f"divergence, their CSVs and plots) | {base:.2f} | {each(0)} | 1.00 |"),
        (f"| added: themes, framing and lead/lag computed and written (theme_trends.csv, "
        f"{n_rows['theme_trends.csv']} rows; framing.csv, {n_rows['framing.csv']}; "
        f"leadlag.csv, {n_rows['leadlag.csv']}) | {added:.2f} | {each(1)} | **{ratio:.2f}** |"),
        (f"| added: the theme plot (PNG and SVG, a panel per theme, a line per group) | "
        f"{plot:.2f} | {each(2)} | {plot / base:.2f} |"),
        "",
        (f"Themes, framing and lead/lag add {ratio:.0%} to the trends step (goal: under 20%, "
        f"{'met' if ratio < 0.20 else 'not met'}); with the theme plot, {(added + plot) / base:.0%}"
        ": drawing and saving a figure costs more than the numbers behind it, as for the "
        "baseline's plots."),
    ]
    section = "\n".join(lines) + "\n"
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from results import publish

    publish(HEADING, section, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
