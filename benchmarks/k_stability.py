"""What the stability of each k adds to the k search, in the same run on the same passages.

    python benchmarks/k_stability.py [--passages 20000] [--subjects 8] [--no-write]

Two corpora: the bundled corpus (corpus/pdfs, ingested into a temporary store) and
``--passages`` generated passages about ``--subjects`` planted subjects (benchmarks/topics.py's
generator). On each, `policylens topics --k auto` (NMF, k 4..12) is timed with its candidates
fitted as it fits them, once without the stability fits and once with them (two fits per k on
two halves of at most 1,000 passages), in alternating rounds, best of ``--rounds``, in CPU
seconds (the fits run on one thread, so on a shared machine CPU time is the steadier clock).
The k chosen and every k's stability are printed. Results go to benchmarks/RESULTS.md under
"## k stability" (other sections are left as they are).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import publish  # noqa: E402
from topics import make_passages  # noqa: E402

HEADING = "## k stability"


def bundled_texts() -> list[str]:
    """The bundled corpus's passages, ingested into a temporary store."""
    import policylens
    from policylens.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        ws = policylens.Workspace(Path(tmp) / "s.db")
        ws.ingest([REPO / "corpus" / "pdfs"], metadata=REPO / "corpus" / "metadata.csv",
                  workers=1)
        with Store(Path(tmp) / "s.db") as store:
            return [text for _, text in store.passage_texts()]


def k_search(texts: list[str], with_stability: bool) -> tuple[float, list[dict], int]:
    """CPU seconds for the k search (vocabulary, candidates, their stability if asked, the
    choice), the scores and the k chosen; what fit_topics does before its final fit."""
    from policylens.topics import TopicParams
    from policylens.topics.coherence import topic_diversity
    from policylens.topics.corpus import ListSource, feasible_k, prepare_corpus
    from policylens.topics.fit import choose_k, fit_candidates
    from policylens.topics.model import fit_threads
    from policylens.topics.stability import split_halves

    params = TopicParams()
    start = time.process_time()
    with fit_threads():
        corpus = prepare_corpus(ListSource(texts), params)
        k_values = feasible_k(corpus, params)
        halves = split_halves(corpus, params.seed) if with_stability else None
        scores = []
        for model, stability in fit_candidates(corpus, k_values, 1, halves):
            scores.append({"k": model.k, "coherence": float(model.coherence_.mean()),
                           "diversity": topic_diversity(model.top_term_ids()),
                           "stability": stability})
        k, _ = choose_k(scores)
    return time.process_time() - start, scores, k


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, default=20_000)
    parser.add_argument("--subjects", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    import numpy as np
    import sklearn

    corpora = {"bundled corpus": bundled_texts(),
               f"{args.passages:,} planted passages, {args.subjects} subjects":
               make_passages(args.passages, 150, args.subjects)[0]}
    lines = [HEADING, "",
             (f"`python benchmarks/k_stability.py` (x86_64, Python {platform.python_version()}, "
              f"scikit-learn {sklearn.__version__}, NumPy {np.__version__}, {os.cpu_count()} "
              f"cores shared, load average {load:.1f} at the start). The k search of `topics "
              "--k auto` (NMF, k 4..12, one process: vocabulary, candidates, choice) without "
              "and with each k's stability (two fits per k on two random halves of at most "
              f"1,000 passages), alternating, best of {args.rounds}, CPU seconds."), "",
             ("| corpus | passages | k search CPU s | with stability CPU s | added | k chosen | "
              "stability by k |"), "|---|---|---|---|---|---|---|"]
    for name, texts in corpora.items():
        best = {False: float("inf"), True: float("inf")}
        for _ in range(args.rounds):
            for flag in (False, True):
                seconds, scores, k = k_search(texts, flag)
                best[flag] = min(best[flag], seconds)
                if flag:
                    stable, chosen = scores, k
                else:
                    plain = k
        by_k = ", ".join(f"{s['k']}: {s['stability']:.2f}" for s in stable
                         if s["stability"] is not None)
        added = best[True] / best[False] - 1
        lines.append(f"| {name} | {len(texts):,} | {best[False]:.1f} | {best[True]:.1f} | "
                     f"{added:+.0%} | {chosen} (by coherence alone: {plain}) | {by_k} |")
        print(lines[-1], file=sys.stderr)
    lines.append("")
    section = "\n".join(lines)
    publish(HEADING, section, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
