"""Topic model fitting time beside the vectoriser alone, on the same passages in the same run.

    python benchmarks/topics.py [--passages 20000] [--words 150] [--k 20] [--no-write]

Passages are generated (offline, seeded): each is about one of k planted subjects, with a share
of words from a second subject and a share of common words, about --words words long. The
script times, on one core's worth of work each:

- the vectoriser alone (vocabulary pass + document-term matrix, as policylens builds it),
- NMF on tf-idf and LDA on counts (policylens's fit: LDA is warm-started from NMF),
- scoring every passage with each fitted model (shares, as `trends` needs them),
- and, as baselines, scikit-learn's CountVectorizer with bigrams on the same texts and its
  LatentDirichletAllocation.fit with its defaults on the same matrix.

It also counts how many planted subjects each model recovers. Results are printed and written
to benchmarks/RESULTS.md under "## Topics" (other sections are left as they are).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import publish  # noqa: E402

HEADING = "## Topics"
SUBJECT_WORDS = 60
COMMON_WORDS = 400
SECOND_SUBJECT_SHARE = 0.15
COMMON_SHARE = 0.25


def _words(rng: np.random.Generator, n: int) -> list[str]:
    """n distinct pronounceable made-up words (no stop words, no digits)."""
    consonants, vowels = list("bcdfghklmnprstvz"), list("aeiou")
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(3)))
    return sorted(out)


def make_passages(n: int, words: int, k: int, seed: int = 0) -> tuple[list[str], list[list[str]]]:
    """n generated passages about k planted subjects; returns (texts, subject vocabularies)."""
    rng = np.random.default_rng(seed)
    vocab = _words(rng, k * SUBJECT_WORDS + COMMON_WORDS)
    rng.shuffle(vocab)
    subjects = [vocab[i * SUBJECT_WORDS:(i + 1) * SUBJECT_WORDS] for i in range(k)]
    common = vocab[k * SUBJECT_WORDS:]
    zipf = 1 / np.arange(1, SUBJECT_WORDS + 1)
    zipf /= zipf.sum()
    texts = []
    for _ in range(n):
        main, second = rng.integers(k), rng.integers(k)
        length = int(rng.integers(words - 20, words + 21))
        draw = rng.random(length)
        picks = rng.choice(SUBJECT_WORDS, size=length, p=zipf)
        tokens = [
            common[rng.integers(COMMON_WORDS)] if r < COMMON_SHARE
            else subjects[second][p] if r < COMMON_SHARE + SECOND_SUBJECT_SHARE
            else subjects[main][p]
            for r, p in zip(draw, picks)
        ]
        texts.append(" ".join(tokens))
    return texts, subjects


def recovered(top_terms: list[list[str]], subjects: list[list[str]]) -> int:
    """Planted subjects that some topic's top 10 words come from (8 of 10 or more)."""
    found = set()
    for terms in top_terms:
        for s, vocab in enumerate(subjects):
            if sum(all(w in vocab for w in t.split()) for t in terms[:10]) >= 8:
                found.add(s)
    return len(found)


class Clock:
    """Wall and CPU seconds of the last timed call (CPU time suffers less from a busy
    machine; it counts every thread, so a BLAS call on 2 cores may exceed its wall time)."""

    cpu = 0.0


def timed(fn):
    start, cpu = time.perf_counter(), time.process_time()
    value = fn()
    Clock.cpu = time.process_time() - cpu
    return value, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--passages", type=int, default=20_000)
    parser.add_argument("--words", type=int, default=150)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--no-write", action="store_true", help="Print only.")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]

    import scipy
    import sklearn
    from sklearn.decomposition import LatentDirichletAllocation

    from policylens.topics import ListSource, TopicModel, TopicParams
    from policylens.topics.corpus import prepare_corpus
    from policylens.topics.fit import score_corpus

    texts, subjects = make_passages(args.passages, args.words, args.k)
    n_words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} passages, {n_words / len(texts):.0f} words each on average, "
          f"k={args.k}", file=sys.stderr)
    rows = []
    corpus, t_vec = timed(lambda: prepare_corpus(ListSource(texts),
                                                 TopicParams(method="nmf", k=args.k)))
    c_vec = Clock.cpu
    rows.append(("vectoriser alone (vocabulary + matrix)", t_vec, c_vec, None))
    from sklearn.feature_extraction.text import CountVectorizer

    _, t_plain = timed(lambda: CountVectorizer(ngram_range=(1, 2)).fit_transform(texts))
    rows.append(("baseline: scikit-learn CountVectorizer(ngram_range=(1, 2)) alone", t_plain,
                 Clock.cpu, None))
    print(f"vectoriser: {t_vec:.1f} s, {len(corpus.vocabulary)} terms", file=sys.stderr)
    for method in ("nmf", "lda"):
        corpus.params = TopicParams(method=method, k=args.k)
        # fit includes the coherence of the fitted topics on the corpus.
        model, t_fit = timed(lambda: TopicModel(corpus.params).fit(corpus))
        c_fit = Clock.cpu
        _, t_score = timed(lambda model=model: score_corpus(model, corpus))
        c_score = Clock.cpu
        coherence = float(np.mean(model.coherence_))
        found = recovered(model.top_terms(), subjects)
        label = {"nmf": "NMF on tf-idf", "lda": "LDA on counts (online, NMF warm start)"}[method]
        rows.append((f"{label}: fit", t_fit, c_fit,
                     f"{found}/{args.k} subjects, NPMI {coherence:.3f}"))
        rows.append((f"{label}: score all passages", t_score, c_score, None))
        print(f"{method}: fit {t_fit:.1f} s, score {t_score:.1f} s, recovered {found}/{args.k}",
              file=sys.stderr)
    baseline = LatentDirichletAllocation(n_components=args.k, learning_method="online",
                                         random_state=0)
    _, t_base = timed(lambda: baseline.fit(corpus.counts))
    vocab = np.asarray(corpus.vocabulary)
    base_terms = [list(vocab[np.argsort(-row)[:10]]) for row in baseline.components_]
    rows.append(("baseline: scikit-learn LDA.fit, defaults", t_base, Clock.cpu,
                 f"{recovered(base_terms, subjects)}/{args.k} subjects"))
    print(f"baseline sklearn LDA: {t_base:.1f} s", file=sys.stderr)

    lines = [
        HEADING, "",
        (f"{len(texts):,} generated passages of ~{args.words} words ({n_words:,} words), "
        f"k = {args.k}, {len(corpus.vocabulary):,} terms (unigrams + phrases). "
        f"Python {platform.python_version()}, scikit-learn {sklearn.__version__}, "
        f"NumPy {np.__version__}, SciPy {scipy.__version__}, {os.cpu_count()} cores, load "
        f"average {load:.1f} at the start (the machine was shared). Run: "
        "`python benchmarks/topics.py`."), "",
        "| step | wall s | CPU s | × vectoriser (CPU) | planted subjects found |",
        "|---|---|---|---|---|",
    ]
    for name, seconds, cpu, note in rows:
        lines.append(f"| {name} | {seconds:.1f} | {cpu:.1f} | {cpu / c_vec:.2f} | "
                     f"{note or ''} |")
    lines += ["", ("Fit times exclude the vectoriser; the scoring rows are the NumPy scoring "
              "that a saved model uses (no refit)."), ""]
    section = "\n".join(lines)
    publish(HEADING, section, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
