"""The report's sections, gathered from the store and a run's CSVs as records.

Lists are cut to named limits, so the page stays small however large the store: the CSVs
beside it hold everything.
"""

from __future__ import annotations

import csv
import heapq
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from ..defaults import THIN_DOCUMENTS
from ..store import Store
from .records import (
    Excerpt,
    Framing,
    FramingEnd,
    Kwic,
    LabelMentions,
    NameCount,
    Point,
    Reading,
    Series,
    Shift,
    Topic,
    TrendChart,
)

# Limits that keep the page small for any store (the CSVs hold the rest).
MAX_FAILURES = 50
MAX_DOCUMENT_NOTES = 20
MAX_TOPICS = 20
MAX_NAMES = 10          # most frequent names shown per label
MAX_KWIC = 8            # keyword-in-context lines per label (and as many largest amounts)
N_DRIVERS = 3           # passages shown for each shift
PASSAGE_CHARS = 600     # a passage shown longer than this is cut (the store has it whole)
NOTE_CHARS = 240        # a document's reading note or pages left out (may list hundreds)

# Theme trends in the order they are preferred: the themes' own table when `trends` wrote
# one, else the four labels' mention rates. (file, series column, value column, measure,
# whether values are shares shown as percentages)
THEME_SOURCES = (
    ("theme_trends.csv", "theme", "share", "share of the passages' theme mix", True),
    ("mention_trends.csv", "label", "per_10k_words", "mentions per 10,000 words", False),
)


# -- reading CSVs ------------------------------------------------------------------------------
def read_csv(path: Path) -> Iterator[dict[str, str]]:
    """The rows of a CSV the run wrote (nothing when the file is absent)."""
    if not path.exists():
        return
    with open(path, encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def _true(value: str | None) -> bool:
    return (value or "").strip().lower() == "true"


def period_word(periods: list[str]) -> str:
    """'year', 'quarter' or 'month', from how the periods are written."""
    sample = periods[0] if periods else "2000"
    return "year" if len(sample) == 4 else "quarter" if "Q" in sample else "month"


def relative_path(path: str, base: Path) -> str:
    """``path`` as seen from ``base`` (the store's folder); as stored where that fails."""
    try:
        return os.path.relpath(Path(path).resolve(), base.resolve())
    except ValueError:  # another drive (Windows)
        return path


# -- sections ----------------------------------------------------------------------------------
def gather_reading(store: Store, base: Path) -> Reading:
    """Counts, documents by kind and year, failures, pages left out at ingest and pages that
    kept no text after cleaning."""
    status = store.status()
    failures = status["failures"]
    reasons: dict[str, int] = {}
    for f in failures:
        reasons[f["reason"]] = reasons.get(f["reason"], 0) + 1
    from ..ingest.readable import describe_dropped

    n_pages, n_empty, empty = store.empty_pages(MAX_DOCUMENT_NOTES)
    dropped_reasons, n_partial, dropped_docs = store.dropped_page_summary(MAX_DOCUMENT_NOTES)
    dropped_rows = store.dropped_pages() if dropped_docs else {}
    return Reading(
        n_documents=status["documents"], n_pages=n_pages, n_passages=status["passages"],
        n_words=status["words"], date_from=status["date_from"], date_to=status["date_to"],
        n_undated=status["undated"], by_kind_year=tuple(store.documents_by_kind_year()),
        engines=store.engines(),
        failures=tuple((relative_path(f["path"], base), f["reason"], f["detail"])
                       for f in failures[:MAX_FAILURES]),
        n_failures=len(failures), failure_reasons=dict(sorted(reasons.items())),
        dropped_reasons=dropped_reasons, n_partial=n_partial,
        dropped=tuple((relative_path(r["path"], base), r["n_pages"], bool(r["partial"]),
                       _cut(describe_dropped((d["page"], d["reason"])
                                             for d in dropped_rows.get(r["doc_id"], ())),
                            NOTE_CHARS))
                      for r in dropped_docs),
        n_empty_pages=n_empty,
        empty_pages=tuple((relative_path(r["path"], base), r["n_pages"], r["n_empty"])
                          for r in empty),
        notes=tuple((relative_path(r["path"], base), _cut(r["notes"], NOTE_CHARS))
                    for r in store.documents_with_notes(MAX_DOCUMENT_NOTES)),
    )


def documents_per_period(store: Store, by: str) -> dict[str, int]:
    """How many dated documents fall in each period."""
    from ..trends.prevalence import period_of

    counts: dict[str, int] = {}
    for _doc_id, date in store.document_dates():
        period = period_of(date, by)
        if period:
            counts[period] = counts.get(period, 0) + 1
    return counts


def gather_trend_chart(rows: list[dict[str, str]], series_column: str, value_column: str, *,
                       title: str, measure: str, percent: bool, source: str,
                       documents: Mapping[str, int], limit: int | None = None
                       ) -> TrendChart | None:
    """A chart of one trend CSV's group-'all' rows, one series per ``series_column`` value.

    A period is thin when the CSV says so (a ``thin`` column) or, failing that, when it holds
    fewer than THIN_DOCUMENTS documents (its ``n_documents``, else ``documents``).
    """
    rows = [r for r in rows if r.get("group", "all") == "all"]
    if not rows:
        return None
    series: dict[str, list[Point]] = {}
    for r in rows:
        n_docs = int(r["n_documents"]) if r.get("n_documents") else documents.get(r["period"])
        thin = (_true(r["thin"]) if "thin" in r
                else n_docs is not None and n_docs < THIN_DOCUMENTS)
        if not int(r.get("n_passages") or 0):
            continue  # a period with no passages has no value to draw
        series.setdefault(r[series_column], []).append(Point(
            period=r["period"], value=float(r[value_column]), low=float(r["ci_low"]),
            high=float(r["ci_high"]), n_passages=int(r["n_passages"]), n_documents=n_docs,
            thin=thin))
    names = list(series)[:limit] if limit else list(series)
    periods = sorted({p.period for s in series.values() for p in s})
    return TrendChart(title=title, measure=measure, percent=percent,
                      period_word=period_word(periods),
                      series=tuple(Series(n, tuple(sorted(series[n], key=lambda p: p.period)))
                                   for n in names),
                      source=source)


def gather_themes(store: Store, results: Path) -> TrendChart | None:
    """The themes over time: theme_trends.csv when present, else the labels' mention rates."""
    for name, series_column, value_column, measure, percent in THEME_SOURCES:
        rows = list(read_csv(results / name))
        if not rows:
            continue
        documents = documents_per_period(store, period_word([rows[0]["period"]]))
        title = ("Themes over time" if series_column == "theme"
                 else "Mentions of each label over time")
        return gather_trend_chart(rows, series_column, value_column, title=title,
                                  measure=measure, percent=percent, source=name,
                                  documents=documents)
    return None


def _framing_topic(row: dict[str, str]) -> str:
    """A framing row's topic as the report names it: key and label ("t3 appraisal, price")."""
    return f"{row.get('topic_key') or row['topic']} {row.get('topic_label', '')}".strip()


def _framing_end(rows: list[dict[str, str]]) -> FramingEnd:
    """The topic holding most of a label's mentions in one period (the first topic on a tie)."""
    top = max(rows, key=lambda row: (float(row["share"]), -int(row["topic"])))
    return FramingEnd(period=top["period"], topic=_framing_topic(top), share=float(top["share"]),
                      ci_low=float(top["ci_low"]), ci_high=float(top["ci_high"]),
                      n_mentions=int(top["n_mentions"]), thin=_true(top.get("thin")))


def gather_framing(results: Path) -> tuple[Framing, ...]:
    """Each label's main topic at the first and last period of framing.csv (group "all"),
    preferring periods that are not thin, and the topic its mentions moved to most."""
    by_label: dict[str, dict[str, list[dict[str, str]]]] = {}
    for row in read_csv(results / "framing.csv"):
        if row.get("group") == "all" and int(row.get("n_mentions") or 0) > 0:
            by_label.setdefault(row["label"], {}).setdefault(row["period"], []).append(row)
    framings = []
    for label, periods in by_label.items():
        ordered = sorted(periods)
        solid = [p for p in ordered if not _true(periods[p][0].get("thin"))]
        ends = solid if len(solid) >= 2 else ordered
        if len(ends) < 2:
            continue
        first, last = periods[ends[0]], periods[ends[-1]]
        before = {r["topic"]: float(r["share"]) for r in first}
        gain, _, gainer = max((float(r["share"]) - before.get(r["topic"], 0.0), -int(r["topic"]), r)
                              for r in last)
        framings.append(Framing(label=label, first=_framing_end(first), last=_framing_end(last),
                                gainer=_framing_topic(gainer), gain=gain))
    return tuple(sorted(framings, key=lambda f: f.label))


def _cut(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word to about ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _excerpt(row, base: Path, share: float | None = None) -> Excerpt:
    text = _cut(row["text"], PASSAGE_CHARS)
    return Excerpt(passage_id=row["passage_id"], text=text, speaker=row["speaker"],
                   party=row["party"], date=row["date"],
                   document=relative_path(row["path"], base), title=row["title"],
                   page=row["page"], share=share)


def _topic_keys(results: Path) -> dict[int, str]:
    """Each topic's stable key when topics.csv has one, else its number."""
    return {int(r["topic"]): r.get("topic_key") or r["topic"]
            for r in read_csv(results / "topics.csv")}


def gather_shifts(store: Store, results: Path, base: Path) -> tuple[Shift, ...]:
    """Every group-'all' shift, with the passages that drive those that exceed noise.

    A topic's share in a window is the mean over its passages, so the passages that move it
    most are those with the largest share of the topic: in the later window for a rise, the
    earlier one for a fall.
    """
    from ..trends.shifts import parse_window

    rows = [r for r in read_csv(results / "shifts.csv") if r["group"] == "all"]
    if not rows:
        return ()
    keys = _topic_keys(results)
    windows = {name: parse_window(name) for r in rows for name in (r["from_period"],
                                                                    r["to_period"])}
    docs_in = {name: set() for name in windows}
    wanted: dict[tuple[int, str], list] = {}
    for r in rows:
        if _true(r["exceeds_noise"]):
            window = r["to_period"] if float(r["change"]) > 0 else r["from_period"]
            wanted[(int(r["topic"]), window)] = []
    # shifts.csv counts each window's documents (older runs' did not): the one pass over
    # every passage's topics (a million rows at 60,000 pages) is then needed only for the
    # passages behind shifts beyond noise.
    counted = all(r.get("n_documents_from") and r.get("n_documents_to") for r in rows)
    for r in (read_csv(results / "document_topics.csv") if wanted or not counted else ()):
        for name, window in windows.items():
            if window.contains(r["date"]):
                docs_in[name].add(r["doc_id"])
                heap = wanted.get((int(r["topic"]), name))
                if heap is not None:
                    item = (float(r["share"]), r["passage_id"])
                    if len(heap) < N_DRIVERS:
                        heapq.heappush(heap, item)
                    else:
                        heapq.heappushpop(heap, item)
    ids = [pid for heap in wanted.values() for _share, pid in heap]
    passages = store.passages_by_id(ids)
    out = []
    for r in rows:
        topic, change = int(r["topic"]), float(r["change"])
        window = r["to_period"] if change > 0 else r["from_period"]
        heap = wanted.get((topic, window), [])
        drivers = tuple(_excerpt(passages[pid], base, share)
                        for share, pid in sorted(heap, key=lambda x: (-x[0], x[1]))
                        if pid in passages)
        n_from = (int(r["n_documents_from"]) if r.get("n_documents_from")
                  else len(docs_in[r["from_period"]]))
        n_to = (int(r["n_documents_to"]) if r.get("n_documents_to")
                else len(docs_in[r["to_period"]]))
        out.append(Shift(
            topic=topic, key=keys.get(topic, str(topic)), label=r["label"],
            from_period=r["from_period"], to_period=r["to_period"],
            share_from=float(r["share_from"]), share_to=float(r["share_to"]), change=change,
            ci_low=float(r["ci_low"]), ci_high=float(r["ci_high"]),
            exceeds_noise=_true(r["exceeds_noise"]), documents_from=n_from,
            documents_to=n_to,
            thin=(_true(r["thin"]) if "thin" in r
                  else min(n_from, n_to) < THIN_DOCUMENTS),
            drivers=drivers, q_value=_float(r.get("q_value"))))
    return tuple(out)


def gather_topics(store: Store, results: Path, base: Path) -> tuple[tuple[Topic, ...], int]:
    """The largest MAX_TOPICS topics with their example passages, and how many there are."""
    rows = sorted(read_csv(results / "topics.csv"), key=lambda r: -float(r["share"]))
    shown = rows[:MAX_TOPICS]
    ids = [pid for r in shown for pid in r["representative_passages"].split()]
    passages = store.passages_by_id(ids)
    topics = tuple(Topic(
        topic=int(r["topic"]), key=r.get("topic_key") or r["topic"], label=r["label"],
        top_words=tuple(w for w in r["top_words"].split("; ") if w),
        share=float(r["share"]), coherence=_float(r["coherence"]),
        n_dominant=int(r["n_dominant"]),
        examples=tuple(_excerpt(passages[pid], base)
                       for pid in r["representative_passages"].split() if pid in passages),
    ) for r in shown)
    return topics, len(rows)


def gather_mentions(store: Store, base: Path,
                    take: Callable[[str], bool] | None = None) -> tuple[LabelMentions, ...]:
    """For each label: its total, its most frequent names, and mentions in context.

    ``take``: asked for each label in turn, the label is gathered only when it says yes (two
    processes share the labels so, each taking the next one left); every label otherwise.
    """
    from ..tagging.labels import LABELS
    from ..tagging.mentions import kwic

    version = store.latest_model_version()
    if version is None:
        return ()
    out = []
    for label in LABELS:
        if take is not None and not take(label):
            continue
        names = [NameCount(r["name"], r["n"], r["n_passages"], r["first_date"], r["last_date"])
                 for r in store.mention_names(label, MAX_NAMES, version)]
        examples = []
        wanted = [n.name for n in names][:MAX_KWIC]
        wanted += store.largest_amounts(label, MAX_KWIC, version)
        for r in store.first_mentions(label, wanted, version):
            left, mention, right = kwic(r["text"], r["start"], r["end"])
            examples.append(Kwic(left, mention, right, r["canonical"], r["amount"],
                                 r["currency"], r["date"], relative_path(r["path"], base),
                                 r["page"], r["speaker"]))
        out.append(LabelMentions(label, store.label_total(label, version), tuple(names),
                                 tuple(examples)))
    return tuple(out)


def in_label_order(*parts: tuple[LabelMentions, ...]) -> tuple[LabelMentions, ...]:
    """The labels gathered in parts (see ``gather_mentions``' ``take``), in LABELS order."""
    from ..tagging.labels import LABELS

    return tuple(sorted((m for part in parts for m in part), key=lambda m: LABELS.index(m.label)))


def gather_topic_trends(results: Path) -> TrendChart | None:
    """The largest topics' shares over time, from topic_trends.csv."""
    rows = list(read_csv(results / "topic_trends.csv"))
    if not rows:
        return None
    return gather_trend_chart(rows, "label", "share", title="Topic shares over time",
                              measure="share of the passages' topic mix", percent=True,
                              source="topic_trends.csv", documents={}, limit=MAX_TOPICS)
