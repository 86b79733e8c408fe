"""Stable topic keys: a name for each topic that survives refits, unlike its number.

Topics are numbered by share, so a refit on more documents (or with another k or seed)
renumbers them. Each topic therefore also carries a key ("t1", "t2", ...). When a store's
model is refitted, its topics are matched one-to-one to the previous model's by the cosine of
their word-weight vectors over the union of the two vocabularies (Hungarian assignment, which
maximises the total similarity); a topic matched with similarity at least
:data:`MATCH_THRESHOLD` keeps the old topic's key, any other gets a key never issued before.
Keys depend on the two models alone (no clock), so the same input and seed give the same keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np

KEY_PREFIX = "t"
# The lowest cosine of two topics' word weights for the new topic to keep the old one's key.
# Measured on the bundled corpus (NMF and LDA, k 6-12, refitted with another seed, another k,
# or 5 more debates): pairs on one subject matched at 0.57-1.00 (0.57: NICE recommendations,
# drifting towards the therapies recommended), the pairs the assignment forced between
# different subjects at 0.28-0.42 (travel to treatment centres against the Cancer Drugs Fund).
MATCH_THRESHOLD = 0.5

KEPT, NEW, GONE = "kept", "new", "gone"


@dataclass(frozen=True)
class TopicMatch:
    """One row of topic_matches.csv: how a key carried over (or not) from the previous model."""

    old_key: str | None
    new_key: str | None
    similarity: float | None
    status: str  # KEPT, NEW or GONE

    def to_dict(self) -> dict:
        """Plain JSON-able form (stored in model.json, written to topic_matches.csv)."""
        return asdict(self)


def key_name(number: int) -> str:
    """The key of the ``number``-th key issued ("t1", "t2", ...)."""
    return f"{KEY_PREFIX}{number}"


def key_number(key: str) -> int:
    """The serial number in a key made by :func:`key_name` (0 for any other string)."""
    digits = key[len(KEY_PREFIX):] if key.startswith(KEY_PREFIX) else ""
    return int(digits) if digits.isdigit() else 0


def first_keys(k: int) -> tuple[str, ...]:
    """The keys of a model with no predecessor: t1..tk, in topic order."""
    return tuple(key_name(i + 1) for i in range(k))


def topic_similarity(old_vocabulary: Sequence[str], old_components: np.ndarray,
                     new_vocabulary: Sequence[str], new_components: np.ndarray) -> np.ndarray:
    """Cosine similarity of every old topic with every new one (old k x new k), their word
    weights laid over the union of the two vocabularies (a word one model lacks weighs 0)."""
    union = {t: i for i, t in enumerate(sorted(set(old_vocabulary) | set(new_vocabulary)))}

    def spread(vocabulary: Sequence[str], components: np.ndarray) -> np.ndarray:
        weights = np.zeros((components.shape[0], len(union)))
        weights[:, [union[t] for t in vocabulary]] = components
        norms = np.linalg.norm(weights, axis=1, keepdims=True)
        return weights / np.where(norms > 0, norms, 1.0)

    return spread(old_vocabulary, old_components) @ spread(new_vocabulary, new_components).T


def assign_keys(old_keys: Sequence[str], similarity: np.ndarray, issued: int,
                threshold: float = MATCH_THRESHOLD
                ) -> tuple[tuple[str, ...], tuple[TopicMatch, ...], int]:
    """Keys for the new topics given their similarity to the old ones (old k x new k).

    Returns (the new topics' keys in topic order, the matches: kept and new in new-topic
    order then gone in old-topic order, the highest key number issued so far). ``issued`` is
    the highest number issued before, so a key that went is never handed out again.
    """
    from scipy.optimize import linear_sum_assignment

    n_old, n_new = similarity.shape
    partner: dict[int, tuple[int, float]] = {}
    if n_old and n_new:
        rows, cols = linear_sum_assignment(similarity, maximize=True)
        for i, j in zip(rows, cols):
            if similarity[i, j] >= threshold:
                partner[int(j)] = (int(i), float(similarity[i, j]))
    issued = max([issued] + [key_number(k) for k in old_keys])
    keys: list[str] = []
    matches: list[TopicMatch] = []
    for j in range(n_new):
        if j in partner:
            i, sim = partner[j]
            keys.append(old_keys[i])
            matches.append(TopicMatch(old_keys[i], old_keys[i], round(sim, 6), KEPT))
        else:
            issued += 1
            keys.append(key_name(issued))
            best = float(similarity[:, j].max()) if n_old else None
            matches.append(TopicMatch(None, keys[-1], None if best is None else round(best, 6),
                                      NEW))
    taken = {i for i, _ in partner.values()}
    for i in range(n_old):
        if i not in taken:
            best = float(similarity[i].max()) if n_new else None
            matches.append(TopicMatch(old_keys[i], None,
                                      None if best is None else round(best, 6), GONE))
    return tuple(keys), tuple(matches), issued


def key_topics(model, previous=None, threshold: float = MATCH_THRESHOLD):
    """``model`` (a fitted TopicModel) with its topic keys: carried over from ``previous`` (the
    model it replaces, or None) where a topic matches one of its topics, new ones otherwise."""
    if previous is None:
        keys = first_keys(model.k)
        matches = tuple(TopicMatch(None, key, None, NEW) for key in keys)
        issued = model.k
    else:
        similarity = topic_similarity(previous.vocabulary_, previous.components_,
                                      model.vocabulary_, model.components_)
        keys, matches, issued = assign_keys(previous.topic_keys, similarity,
                                            previous.keys_issued, threshold)
    return model.with_learned(topic_keys_=keys, keys_issued_=issued, topic_matches_=matches)
