"""The topic vocabulary pass with its words split on a Dask cluster, against the client doing
it alone, in the same run.

    python benchmarks/vocabulary_cluster.py [--db STORE] [--passages 50000] [--rounds 2]
                                            [--no-write]

With ``--db`` the passages are a policylens store's (for instance one that
``benchmarks/scale_run.py`` built); without it they are generated as in benchmarks/topics.py.
The vocabulary and the document-term matrix are built as `policylens run` builds them (the
matrix counted from the word ids the pass kept), alternately by the client alone and with
the texts split into words on a `LocalCluster` of two worker processes, and the client's CPU
time of each is recorded: on a real cluster that is what bounds the pass, since the workers'
share grows with their number. Both ways must give the same vocabulary and matrix. Results
are printed and written to benchmarks/RESULTS.md under "## Vocabulary on a cluster".
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import publish  # noqa: E402

HEADING = "## Vocabulary on a cluster"


def passages(db: Path | None, n: int) -> list[str]:
    """The store's passage texts, or ``n`` generated ones."""
    if db is not None:
        from policylens.store import open_store

        with open_store(db) as store:
            return [text for _, text in store.passage_texts()]
    from topics import make_passages

    return make_passages(n, 150, 20)[0]


def build(texts: list[str], address: str | None):
    """(vocabulary, matrix, client CPU s, wall s) of one vocabulary pass and matrix."""
    from policylens.topics import TopicParams
    from policylens.topics.corpus import ListSource, prepare_corpus

    cpu, wall = time.process_time(), time.perf_counter()
    corpus = prepare_corpus(ListSource(texts), TopicParams(), "matrix", dask=address)
    return (corpus.vocabulary, corpus.counts, time.process_time() - cpu,
            time.perf_counter() - wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a policylens store to take the passages from")
    parser.add_argument("--passages", type=int, default=50_000,
                        help="generated passages, without --db")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    args = parser.parse_args()
    from distributed import LocalCluster

    texts = passages(args.db, args.passages)
    times: dict[str, list[tuple[float, float]]] = {"client": [], "cluster": []}
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=":0", silence_logs=50) as cluster:
        build(texts[:1000], cluster.scheduler_address)  # the workers import policylens once
        reference = None
        for _ in range(args.rounds):
            for name, address in (("client", None), ("cluster", cluster.scheduler_address)):
                vocabulary, matrix, cpu, wall = build(texts, address)
                times[name].append((cpu, wall))
                print(f"{name}: client CPU {cpu:.2f} s, wall {wall:.2f} s", flush=True)
                if reference is None:
                    reference = (vocabulary, matrix)
                elif vocabulary != reference[0] or (matrix != reference[1]).nnz:
                    raise SystemExit(f"{name}: a different vocabulary or matrix")
    n_words = sum(len(t.split()) for t in texts)
    best = {name: min(cpu for cpu, _ in runs) for name, runs in times.items()}
    rows = "\n".join(
        f"| {name} | {', '.join(f'{c:.2f}' for c, _ in runs)} | "
        f"{', '.join(f'{w:.2f}' for _, w in runs)} |" for name, runs in times.items())
    source = f"the passages of {args.db.name}" if args.db else "generated passages"
    section = f"""{HEADING}

`python benchmarks/vocabulary_cluster.py{f' --db {args.db.name}' if args.db else ''}`, \
{time.strftime('%Y-%m-%d')}, {platform.processor() or platform.machine()}, Python \
{platform.python_version()}: the vocabulary pass and the document-term matrix of {len(texts):,} \
passages ({source}, {n_words:,} words), by the client alone and with the words split on a \
`LocalCluster` of 2 worker processes (on this 2-core machine the workers share the client's \
cores, so the wall time shows overhead, not speed-up; the LocalCluster's scheduler runs in the \
client's process, so its CPU is in the client's figure, which a real cluster's scheduler would \
not be). The same vocabulary \
({len(reference[0]):,} terms) and matrix ({reference[1].nnz:,} non-zeros) both ways.

| words split by | client CPU s | wall s |
|---|---|---|
{rows}

Client CPU with the cluster: **{best['cluster'] / best['client']:.2f}x** the client alone's \
(best of {args.rounds}).
"""
    publish(HEADING, section, write=not args.no_write)


if __name__ == "__main__":
    main()
