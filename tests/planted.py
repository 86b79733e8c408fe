"""Planted corpora for the topic and trend tests: known subjects in known proportions.

Each passage is written about one subject, chosen with the period's planted probabilities,
with words drawn Zipf-like from that subject's vocabulary plus common filler words. The truth
a test compares against is the planted probability, not the realised counts.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from policylens.records import Document, Passage

SUBJECTS: dict[str, tuple[str, ...]] = {
    "therapy": ("leukaemia", "lymphoma", "infusion", "remission", "trial", "dose", "vector",
                "relapse", "transplant", "children", "oncology", "sickle", "haemophilia",
                "cure", "blood", "cells", "response", "survival"),
    "cost": ("price", "budget", "affordability", "pounds", "discount", "rebate", "spending",
             "payment", "annuity", "taxpayer", "value", "money", "negotiation", "commercial",
             "outcomes", "levy", "cheaper", "expensive"),
    "regulation": ("licence", "regulator", "authorisation", "conditional", "marketing",
                   "inspection", "compliance", "guidance", "framework", "approval", "pathway",
                   "safety", "sandbox", "reliance", "assessment", "clinical", "evidence",
                   "rules"),
    "workforce": ("nurses", "vacancies", "recruitment", "retention", "pharmacists", "training",
                  "scientists", "apprenticeships", "shortages", "rotas", "staffing", "burnout",
                  "workforce", "skills", "posts", "careers", "salaries", "overtime"),
    "manufacturing": ("factory", "capacity", "catapult", "facility", "production", "exports",
                      "supply", "chain", "investment", "jobs", "site", "plant", "automation",
                      "logistics", "cleanroom", "output", "scale", "industry"),
}
FILLER = ("across", "services", "system", "country", "region", "patients", "families", "local",
          "national", "plans", "support", "access", "further", "current", "future", "level")
WORDS_PER_PASSAGE = 70
FILLER_SHARE = 0.25


@dataclass(frozen=True)
class PlantedPassage:
    """One generated passage with the subject it was written about."""

    period: int
    subject: int
    text: str


def planted_texts(proportions: list[list[float]], per_period: int, seed: int = 0,
                  subjects: list[str] | None = None, mix: float = 0.0) -> list[PlantedPassage]:
    """Passages for each period, subjects drawn with that period's planted proportions.

    With ``mix``, that share of a passage's subject words comes from a second subject drawn
    at random (passages about one thing that touch on another, as speeches do).
    """
    rng = np.random.default_rng(seed)
    names = subjects or list(SUBJECTS)[: len(proportions[0])]
    vocab = [SUBJECTS[n] for n in names]
    zipf = 1 / np.arange(1, len(vocab[0]) + 1)
    zipf /= zipf.sum()
    out = []
    for period, props in enumerate(proportions):
        for _ in range(per_period):
            s = int(rng.choice(len(names), p=props))
            other = int(rng.integers(len(names)))
            words = []
            for _ in range(WORDS_PER_PASSAGE):
                r = rng.random()
                if r < FILLER_SHARE:
                    words.append(FILLER[rng.integers(len(FILLER))])
                else:
                    v = vocab[other] if r < FILLER_SHARE + mix * (1 - FILLER_SHARE) else vocab[s]
                    words.append(v[rng.choice(len(v), p=zipf)])
            out.append(PlantedPassage(period, s, " ".join(words)))
    return out


def shifting_proportions(n_periods: int, k: int, rise: int = 1, fall: int = 0,
                         start: float = 0.1, end: float = 0.4) -> list[list[float]]:
    """Subject ``fall`` goes from ``end`` to ``start`` while ``rise`` goes the other way."""
    rest = (1 - start - end) / (k - 2)
    props = []
    for i in range(n_periods):
        f = i / (n_periods - 1) if n_periods > 1 else 0.0
        p = [rest] * k
        p[rise] = start + (end - start) * f
        p[fall] = end - (end - start) * f
        props.append(p)
    return props


def add_planted_documents(store, passages: list[PlantedPassage], first_year: int,
                          docs_per_period: int, kind: str = "parliamentary") -> None:
    """Store the passages as documents dated within their period's year (one per debate)."""
    by_period: dict[int, list[PlantedPassage]] = {}
    for p in passages:
        by_period.setdefault(p.period, []).append(p)
    for period, items in sorted(by_period.items()):
        year = first_year + period
        for d in range(docs_per_period):
            sha = hashlib.sha256(f"planted {year} {d} {kind}".encode()).hexdigest()
            doc_id = sha[:16]
            chunk = items[d::docs_per_period]
            # One path per kind, year and debate: a store keeps one document per path.
            name = f"{year}-{d}" if kind == "parliamentary" else f"{kind}-{year}-{d}"
            doc = Document(doc_id, sha, f"planted/{name}.pdf", f"Debate {year} {d}",
                           f"{year}-{d % 12 + 1:02d}-15", "metadata", kind, 1)
            store.add_document(doc, [
                Passage(f"{doc_id}-{i:04d}", doc_id, 1, i, p.text, speaker=f"Speaker {i % 3}",
                        party=("Lab", "Con")[i % 2])
                for i, p in enumerate(chunk)
            ])



def planted_store(db, n_periods: int, k: int, per_period: int, first_year: int,
                  docs_per_period: int, *, seed: int = 0, mix: float = 0.0):
    """A store at ``db`` holding planted debates: ``k`` subjects whose shares shift over
    ``n_periods`` years from ``first_year`` (:func:`shifting_proportions`); returns ``db``."""
    from policylens.store import Store

    with Store(db) as store:
        add_planted_documents(store, planted_texts(shifting_proportions(n_periods, k), per_period,
                                                   seed=seed, mix=mix), first_year,
                              docs_per_period)
    return db

def match_topics(top_terms: list[list[str]], subjects: list[str]) -> dict[int, int]:
    """Fitted topic -> planted subject, by which vocabulary holds most of its top words."""
    mapping = {}
    for t, terms in enumerate(top_terms):
        hits = [sum(w in SUBJECTS[s] for w in terms) for s in subjects]
        mapping[t] = int(np.argmax(hits))
    return mapping
