"""The records a report is made of: plain, frozen data (strings and numbers) that
``content.py`` and ``method.py`` gather and ``page.py`` draws."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    """One period of a series: value, 95% interval and how much it rests on."""

    period: str
    value: float
    low: float
    high: float
    n_passages: int
    n_documents: int | None
    thin: bool


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class TrendChart:
    """Series over periods, one panel each, with what the values measure."""

    title: str
    measure: str
    percent: bool
    period_word: str
    series: tuple[Series, ...]
    source: str  # the CSV the numbers come from


@dataclass(frozen=True)
class Excerpt:
    """A passage shown in the report with its provenance (path relative to the store)."""

    passage_id: str
    text: str
    speaker: str | None
    party: str | None
    date: str | None
    document: str
    title: str
    page: int
    share: float | None = None


@dataclass(frozen=True)
class Shift:
    """A topic's change between two windows (group 'all'), as in shifts.csv."""

    topic: int
    key: str
    label: str
    from_period: str
    to_period: str
    share_from: float
    share_to: float
    change: float
    ci_low: float
    ci_high: float
    exceeds_noise: bool
    documents_from: int
    documents_to: int
    thin: bool
    drivers: tuple[Excerpt, ...] = ()
    q_value: float | None = None  # Benjamini-Hochberg; None when thin or from an older table


@dataclass(frozen=True)
class FramingEnd:
    """Where one label's mentions sat among the topics in one period (framing.csv)."""

    period: str
    topic: str      # the topic holding most of them: "t3 appraisal, price, nice"
    share: float
    ci_low: float
    ci_high: float
    n_mentions: int
    thin: bool


@dataclass(frozen=True)
class Framing:
    """A label's framing at the first and last period, and the topic that gained most."""

    label: str
    first: FramingEnd
    last: FramingEnd
    gainer: str     # the topic whose share of the label's mentions rose most
    gain: float     # its change in share (last - first)


@dataclass(frozen=True)
class Topic:
    topic: int
    key: str
    label: str
    top_words: tuple[str, ...]
    share: float
    coherence: float | None
    n_dominant: int
    examples: tuple[Excerpt, ...]


@dataclass(frozen=True)
class NameCount:
    name: str
    n: int
    n_passages: int
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True)
class Kwic:
    left: str
    mention: str
    right: str
    canonical: str | None
    amount: float | None
    currency: str | None
    date: str | None
    document: str
    page: int
    speaker: str | None


@dataclass(frozen=True)
class LabelMentions:
    label: str
    total: int
    names: tuple[NameCount, ...]
    examples: tuple[Kwic, ...]


@dataclass(frozen=True)
class Reading:
    """What was read: counts, documents by kind and year, failures, pages with no text."""

    n_documents: int
    n_pages: int
    n_passages: int
    n_words: int
    date_from: str | None
    date_to: str | None
    n_undated: int
    by_kind_year: tuple[tuple[str, str | None, int, int, int], ...]
    engines: dict[str, int]
    failures: tuple[tuple[str, str, str], ...]  # path, reason, detail (first MAX_FAILURES)
    n_failures: int
    failure_reasons: dict[str, int]
    dropped_reasons: dict[str, int]  # pages left out at ingest, by reason
    n_partial: int  # documents that were damaged (pages or the file's end unreadable)
    dropped: tuple[tuple[str, int, bool, str], ...]  # document, pages, partial, which left out
    n_empty_pages: int
    empty_pages: tuple[tuple[str, int, int], ...]  # document, pages, pages with no text
    notes: tuple[tuple[str, str], ...]  # document, how it was read


@dataclass(frozen=True)
class Method:
    engines: dict[str, int]
    tagger_version: str | None
    tagger_scores: dict | None  # EvalReport.to_json() of the tagger that tagged the store
    tagger_note: str
    topic_method: str | None
    k: int | None
    k_reason: str
    k_scores: tuple[dict, ...]
    n_boot: int | None
    by: str
    group: str | None
    seed: int | None
    versions: dict[str, str]
    anchors: tuple[str, ...] = ()  # guided topics: the labels one topic each is anchored to


@dataclass(frozen=True)
class ReportContent:
    """Everything the page shows."""

    store: str  # the store's file name (the page sits in or near its folder)
    reading: Reading
    themes: TrendChart | None
    topic_trends: TrendChart | None
    shifts: tuple[Shift, ...]
    topics: tuple[Topic, ...]
    n_topics: int
    mentions: tuple[LabelMentions, ...]
    method: Method
    command: str
    missing: tuple[str, ...] = field(default=())  # outputs the report looked for, not found
    framing: tuple[Framing, ...] = field(default=())
