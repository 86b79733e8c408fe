"""What the report says, gathered from the store and a run's CSVs as plain records.

Everything here is data (frozen dataclasses of strings and numbers); ``page.py`` turns it
into HTML. Lists are cut to named limits, so the page stays small however large the store:
the CSVs beside it hold everything.
"""

from __future__ import annotations

import csv
import heapq
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..store import Store

# Limits that keep the page small for any store (the CSVs hold the rest).
MAX_FAILURES = 50
MAX_DOCUMENT_NOTES = 20
MAX_TOPICS = 20
MAX_NAMES = 10          # most frequent names shown per label
MAX_KWIC = 8            # keyword-in-context lines per label (and as many largest amounts)
N_DRIVERS = 3           # passages shown for each shift
PASSAGE_CHARS = 600     # a passage shown longer than this is cut (the store has it whole)
NOTE_CHARS = 240        # a document's reading note (it may list hundreds of pages)
# A period (or compared window) with fewer documents than this is "thin": its interval
# rests on too few independent sources to be read as a finding.
THIN_DOCUMENTS = 3

# Theme trends in the order they are preferred: the themes' own table when `trends` wrote
# one, else the four labels' mention rates. (file, series column, value column, measure,
# whether values are shares shown as percentages)
THEME_SOURCES = (
    ("theme_trends.csv", "theme", "share", "share of the passages' theme mix", True),
    ("mention_trends.csv", "label", "per_10k_words", "mentions per 10,000 words", False),
)


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
    """Counts, documents by kind and year, failures and pages that kept no text."""
    status = store.status()
    failures = status["failures"]
    reasons: dict[str, int] = {}
    for f in failures:
        reasons[f["reason"]] = reasons.get(f["reason"], 0) + 1
    n_pages, n_empty, empty = store.empty_pages(MAX_DOCUMENT_NOTES)
    return Reading(
        n_documents=status["documents"], n_pages=n_pages, n_passages=status["passages"],
        n_words=status["words"], date_from=status["date_from"], date_to=status["date_to"],
        n_undated=status["undated"], by_kind_year=tuple(store.documents_by_kind_year()),
        engines=store.engines(),
        failures=tuple((relative_path(f["path"], base), f["reason"], f["detail"])
                       for f in failures[:MAX_FAILURES]),
        n_failures=len(failures), failure_reasons=dict(sorted(reasons.items())),
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
    for r in read_csv(results / "document_topics.csv"):
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
        n_from, n_to = len(docs_in[r["from_period"]]), len(docs_in[r["to_period"]])
        out.append(Shift(
            topic=topic, key=keys.get(topic, str(topic)), label=r["label"],
            from_period=r["from_period"], to_period=r["to_period"],
            share_from=float(r["share_from"]), share_to=float(r["share_to"]), change=change,
            ci_low=float(r["ci_low"]), ci_high=float(r["ci_high"]),
            exceeds_noise=_true(r["exceeds_noise"]), documents_from=n_from,
            documents_to=n_to,
            thin=(_true(r["thin"]) if "thin" in r
                  else min(n_from, n_to) < THIN_DOCUMENTS),
            drivers=drivers))
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


def gather_mentions(store: Store, base: Path) -> tuple[LabelMentions, ...]:
    """For each label: its total, its most frequent names, and mentions in context."""
    from ..tagging.labels import LABELS
    from ..tagging.mentions import kwic

    version = store.latest_model_version()
    if version is None:
        return ()
    names: dict[str, list[NameCount]] = {}
    for r in store.mention_names(MAX_NAMES, version):
        names.setdefault(r["label"], []).append(NameCount(
            r["name"], r["n"], r["n_passages"], r["first_date"], r["last_date"]))
    totals = store.label_totals(version)
    out = []
    for label in LABELS:
        examples = []
        wanted = [n.name for n in names.get(label, ())][:MAX_KWIC]
        wanted += store.largest_amounts(label, MAX_KWIC, version)
        for r in store.first_mentions(label, wanted, version):
            left, mention, right = kwic(r["text"], r["start"], r["end"])
            examples.append(Kwic(left, mention, right, r["canonical"], r["amount"],
                                 r["currency"], r["date"], relative_path(r["path"], base),
                                 r["page"], r["speaker"]))
        out.append(LabelMentions(label, totals.get(label, 0), tuple(names.get(label, ())),
                                 tuple(examples)))
    return tuple(out)


def read_model_info(results: Path) -> dict:
    """The saved topic model's model.json (empty when there is none)."""
    from ..jobs.topics import MODEL_DIR

    path = results / MODEL_DIR / "model.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def describe_k(model: dict, settings: Mapping) -> str:
    """Why the model has the number of topics it has (as `policylens topics` says it)."""
    from ..jobs.topics import describe_k_choice

    k = model.get("k")
    if k is None:
        return ""
    scores = (model.get("info") or {}).get("k_scores") or []
    given = settings["k"] != "auto" if "k" in settings else len(scores) < 2
    return describe_k_choice(k, scores, given=given) + "."


# The tagger's last measured scores, with the tagger version and samples they belong to.
TAGGER_SCORES_ARTIFACT = "tagger_scores"


def default_gold() -> Path:
    """The labelled test split beside the shipped tagger (present in a repository checkout)."""
    from ..tagging.pipeline import DEFAULT_MODEL_DIR

    return DEFAULT_MODEL_DIR.parents[1] / "corpus" / "labelled" / "test.jsonl"


def measure_tagger(store: Store, gold: Path | None) -> tuple[dict | None, str]:
    """The tagger's scores on labelled samples it was not tuned on, when the tagger installed
    here is the one that tagged the store; otherwise None and why not."""
    from ..errors import ModelError

    version = store.latest_model_version()
    if version is None:
        return None, "No passage has been tagged."
    gold = gold or default_gold()
    if not gold.exists():
        return None, (f"No labelled samples to score it on were found ({gold.name}); pass "
                      "--gold with samples in the annotation format.")
    import hashlib

    key = f"{version} {hashlib.sha256(gold.read_bytes()).hexdigest()}"
    saved = store.get_artifact(TAGGER_SCORES_ARTIFACT)
    if saved:  # scored before: the same tagger on the same samples scores the same
        try:
            cached = json.loads(saved)
            if cached["key"] == key:
                return _labels_in_order(cached["scores"]), ""
        except (ValueError, KeyError, TypeError):
            pass
    from ..tagging.evaluate import evaluate, read_samples
    from ..tagging.pipeline import load_tagger, model_version

    try:
        nlp = load_tagger()
    except ModelError as exc:
        return None, f"The tagger could not be loaded to score it ({exc.message})."
    if model_version(nlp) != version:
        return None, (f"The store was tagged by tagger {version}; the tagger installed here is "
                      f"{model_version(nlp)}, so its scores would not describe these mentions.")
    scores = evaluate(nlp, read_samples(gold)).to_json()
    scores["gold"] = gold.name
    scores = _labels_in_order(scores)
    store.put_artifact(TAGGER_SCORES_ARTIFACT, json.dumps({"key": key, "scores": scores},
                                                          sort_keys=True))
    return scores, ""


def _labels_in_order(scores: dict) -> dict:
    """Per-label scores in the labels' own order (JSON kept them sorted by name)."""
    from ..tagging.labels import LABELS

    per_label = scores.get("per_label", {})
    order = [label for label in LABELS if label in per_label]
    order += sorted(set(per_label) - set(order))
    return {**scores, "per_label": {label: per_label[label] for label in order}}


def gather_method(store: Store, results: Path, model: dict, settings: dict,
                  themes: TrendChart | None, gold: Path | None, measure: bool) -> Method:
    """Engine, tagger and its score, topic method and k, bootstrap and seed."""
    scores, note = measure_tagger(store, gold) if measure else (None, "Not measured.")
    params = model.get("params") or {}
    return Method(
        engines=store.engines(), tagger_version=store.latest_model_version(),
        tagger_scores=scores, tagger_note=note, topic_method=model.get("method"),
        k=model.get("k"), k_reason=describe_k(model, settings),
        k_scores=tuple((model.get("info") or {}).get("k_scores") or ()),
        n_boot=settings.get("n_boot"),
        by=settings.get("by") or (themes.period_word if themes else "year"),
        group=settings.get("group"),
        seed=settings.get("seed", params.get("seed", model.get("seed"))),
        versions=dict((model.get("info") or {}).get("versions") or {}),
    )


def reproduce_command(store: Store, base: Path, model: dict, settings: dict,
                      method: Method) -> str:
    """The `policylens run` command line that remakes these results, run from the folder
    that holds the store, with paths relative to it."""
    import shlex

    paths = settings.get("paths")
    if paths:
        paths = [relative_path(p, base) for p in paths]
    else:  # not recorded: the folder that holds every document
        docs = [r["path"] for r in store.iter_documents()]
        paths = [relative_path(os.path.commonpath([str(Path(p).parent) for p in docs]), base)
                 ] if docs else ["corpus"]
    args = ["policylens", "run", *paths, "--out", "."]
    if Path(store.path).name != "policylens.db":
        args += ["--db", Path(store.path).name]
    params = model.get("params") or {}
    scores = (model.get("info") or {}).get("k_scores") or []
    k = settings.get("k", "auto" if len(scores) > 1 else model.get("k"))
    if k not in (None, "auto"):
        args += ["--k", str(k)]
    elif params.get("k_min") is not None and (params["k_min"], params["k_max"]) != (4, 12):
        args += ["--k-range", f"{params['k_min']}:{params['k_max']}"]
    if method.topic_method and method.topic_method != "nmf":
        args += ["--method", method.topic_method]
    if method.by != "year":
        args += ["--by", method.by]
    if method.group:
        args += ["--group", method.group]
    if settings.get("compare"):
        args += ["--compare", *settings["compare"]]
    if method.n_boot not in (None, 1000):
        args += ["--bootstrap", str(method.n_boot)]
    args += ["--seed", str(method.seed if method.seed is not None else 0)]
    return " ".join(shlex.quote(a) for a in args)


def gather_report(store: Store, results: str | Path | None = None, *,
                  gold: Path | None = None, measure_tagger_f1: bool = True) -> ReportContent:
    """Everything the report shows, from ``store`` and the run's outputs in ``results``
    (default: the store's folder). Paths are shown relative to the store's folder."""
    store.require_passages()
    base = Path(store.path).parent
    results = Path(results) if results is not None else base
    if not results.is_dir():
        raise InputError(f"{results} is not a folder of results",
                         "pass the folder `policylens run` wrote (--out)")
    from ..jobs.settings import read_settings

    model = read_model_info(results)
    settings = read_settings(store)
    themes = gather_themes(store, results)
    topic_rows = list(read_csv(results / "topic_trends.csv"))
    topic_trends = None
    if topic_rows:
        topic_trends = gather_trend_chart(
            topic_rows, "label", "share", title="Topic shares over time",
            measure="share of the passages' topic mix", percent=True,
            source="topic_trends.csv", documents={}, limit=MAX_TOPICS)
    topics, n_topics = gather_topics(store, results, base)
    method = gather_method(store, results, model, settings, themes, gold, measure_tagger_f1)
    expected = ("mention_trends.csv", "topics.csv", "topic_trends.csv", "shifts.csv",
                "document_topics.csv")
    return ReportContent(
        store=Path(store.path).name, reading=gather_reading(store, base), themes=themes,
        topic_trends=topic_trends, shifts=gather_shifts(store, results, base), topics=topics,
        n_topics=n_topics, mentions=gather_mentions(store, base), method=method,
        command=reproduce_command(store, base, model, settings, method),
        missing=tuple(name for name in expected if not (results / name).exists()),
    )
