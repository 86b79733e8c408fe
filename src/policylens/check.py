"""Rules for labelled samples (the ANNOTATION.md JSONL format): every problem becomes a Finding.

Validation is pure Python and never imports spaCy, so it can run on every commit. Token
boundaries are checked with a fast approximation of spaCy's English tokenizer: a span edge
inside a run of letters and digits (or inside a number such as "1.8" or "COVID-19") is not a
boundary. The regression guard (``guard_regression``) is the only part that loads a tagger.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .defaults import DEFAULT_TOLERANCE
from .errors import InputError

if TYPE_CHECKING:
    from .tagging.evaluate import EvalReport

SAMPLE_GLOB = "*.jsonl"
ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Punctuation that may end a span: "20%" is an amount, and the sign belongs to it.
EDGE_PUNCT_ALLOWED = frozenset("%")
OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in OPENERS.items()}
# Span keys --fix cannot keep in step without a tokenizer: it leaves such spans for a person.
TOKEN_KEYS = ("token_start", "token_end")
MAX_SHOWN = 40


@dataclass(frozen=True)
class Finding:
    """One problem (or, with fixed=True, one change --fix made) at a line of a sample file."""

    path: str
    line: int
    message: str
    fixed: bool = False

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'fixed: ' if self.fixed else ''}{self.message}"


def sample_files(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """The files to check: each file as given, each folder's *.jsonl files (recursively, sorted).

    A file named twice (directly and through its folder) is checked once, so it is not reported
    as a duplicate of itself.
    """
    files: dict[Path, Path] = {}
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob(SAMPLE_GLOB) if f.is_file())
            if not found:
                raise InputError(f"no {SAMPLE_GLOB} files in folder {p}",
                                 hint="give the labelled sample files or their folder")
        elif p.is_file():
            found = [p]
        else:
            raise InputError(f"no such file or folder: {p}")
        for f in found:
            files.setdefault(f.resolve(), f)
    return list(files.values())


def check_files(paths: Iterable[str | os.PathLike], fix: bool = False,
                patterns: str | os.PathLike | None = None) -> list[Finding]:
    """Validate labelled-sample files; with fix=True, first rewrite what needs no judgement.

    Returns the changes made (``fixed=True``) and the problems left, in file and line order.
    Duplicate samples are found across all the files given. ``patterns``: a researcher's own
    pattern file, whose new labels the samples may use.
    """
    from .tagging.labels import LABELS  # the one place that knows the labels

    labels = LABELS
    if patterns is not None:
        from .tagging.pattern_files import pattern_labels

        labels = pattern_labels(Path(patterns))
    files = sample_files(paths)
    checker = _Checker(tuple(labels))
    for index, path in enumerate(files):
        checker.check_file(index, path, fix)
    return checker.results()


def is_token_boundary(text: str, i: int) -> bool:
    """Whether offset i is a token boundary, as spaCy's English tokenizer splits ordinary text.

    An approximation that needs no spaCy: it rejects edges inside a run of letters and digits
    and inside numbers ("1.8", "300,000", "COVID-19"); it accepts a few edges spaCy keeps
    inside one token, such as the one between ")" and "—" in "(NHS)—access".
    """
    if i <= 0 or i >= len(text):
        return True
    a, b = text[i - 1], text[i]
    if a.isspace() or b.isspace():
        return True
    if a.isalnum() and b.isalnum():
        return False
    # spaCy keeps decimal points and thousands separators inside numbers, and a hyphen between
    # a letter and a digit ("COVID-19") inside one token.
    nxt = text[i + 1] if i + 1 < len(text) else ""
    prev = text[i - 2] if i >= 2 else ""
    if b in ".," and a.isdigit() and nxt.isdigit():
        return False
    if a in ".," and b.isdigit() and prev.isdigit():
        return False
    if b == "-" and a.isalpha() and nxt.isdigit():
        return False
    return not (a == "-" and b.isdigit() and prev.isalpha())


def trimmed_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Span edges with leading/trailing whitespace and punctuation removed.

    Brackets stay when they are balanced inside the span ("CAR-T (chimeric antigen receptor
    T-cell) therapy"); a pair that wraps the whole span is removed ("(ATMPs)" -> "ATMPs").
    """
    while start < end:
        first, last = text[start], text[end - 1]
        if _is_edge_junk(first) and first not in OPENERS:
            start += 1
        elif _is_edge_junk(last) and last not in CLOSERS:
            end -= 1
        elif first in OPENERS and (match := _closing_match(text, start, end)) is None:
            start += 1
        elif first in OPENERS and match == end - 1:
            start, end = start + 1, end - 1
        elif last in CLOSERS and _opening_match(text, start, end) is None:
            end -= 1
        else:
            break
    return start, end


# -- the rules ------------------------------------------------------------------------------
class _Checker:
    """Runs the rules over files, remembering texts so duplicates are found across files."""

    def __init__(self, labels: tuple[str, ...]) -> None:
        self.labels = labels
        self.label_set = frozenset(labels)
        self.label_list = ", ".join(labels)
        self._found: list[tuple[int, int, int, Finding]] = []
        self._texts: dict[str, list[tuple[int, str, int, dict]]] = {}  # text -> where seen
        self._seq = 0

    def add(self, file_index: int, path: str, line: int, message: str, fixed: bool = False):
        self._seq += 1
        self._found.append((file_index, line, self._seq, Finding(path, line, message, fixed)))

    def results(self) -> list[Finding]:
        for places in self._texts.values():
            if len(places) > 1:
                self._add_duplicates(places)
        return [f for *_, f in sorted(self._found, key=lambda t: t[:3])]

    def _add_duplicates(self, places: list[tuple[int, str, int, dict]]) -> None:
        """Each copy names another: the first names the second, the rest name the first."""
        for n, (index, path, line, sample) in enumerate(places):
            other_index, other_path, other_line, other_sample = places[1 if n == 0 else 0]
            where = f"line {other_line}" if other_index == index else f"{other_path}:{other_line}"
            if _spans_key(sample) == _spans_key(other_sample):
                advice = "same spans too: remove one of them"
            else:
                advice = "keep one, with the right spans"
            self.add(index, path, line, f"duplicate sample: same text as {where}; {advice}")

    # -- one file -------------------------------------------------------------------------
    def check_file(self, index: int, path: Path, fix: bool) -> None:
        name = str(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {name}: {exc.strerror}") from exc
        ends_with_newline = data.endswith(b"\n")
        raw_lines = data.split(b"\n") if data else []
        if ends_with_newline:
            raw_lines.pop()

        changed = False
        if data.startswith(b"\xef\xbb\xbf"):
            raw_lines[0] = raw_lines[0][3:]
            changed = fix
            self.add(index, name, 1, "removed the UTF-8 byte-order mark" if fix else
                     "file starts with a UTF-8 byte-order mark: remove it (--fix does)", fix)
        crlf = [n for n, raw in enumerate(raw_lines, 1) if raw.endswith(b"\r")]
        if crlf:
            changed = changed or fix
            n = len(crlf) - 1
            more = f" (as do {n} more line{'s' if n > 1 else ''})" if n else ""
            self.add(index, name, 1 if fix else crlf[0],
                     f"converted {len(crlf)} CRLF line endings to LF" if fix else
                     f"line ends with CRLF{more}: use LF line endings (--fix converts them)", fix)

        # With --fix, findings give line numbers in the rewritten file, which the user opens next.
        out_lines: list[bytes] = []
        for raw in raw_lines:
            raw = raw.removesuffix(b"\r")
            new = self._check_line(index, name, len(out_lines) + 1, raw, fix)
            if new is None:
                out_lines.append(raw)
            else:
                changed = True
                if new:
                    out_lines.append(new)
        if changed:
            # A file left with no lines is empty: a lone newline would be a blank line again.
            end = b"\n" if ends_with_newline and out_lines else b""
            _write_atomic(path, b"\n".join(out_lines) + end)

    def _check_line(self, index: int, name: str, lineno: int, raw: bytes,
                    fix: bool) -> bytes | None:
        """Check one line; with fix, return its replacement (b"" to remove it) or None."""

        def report(message: str) -> None:
            self.add(index, name, lineno, message)

        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            report(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1}): "
                   "save the file as UTF-8")
            return None
        if not line.strip():
            if fix:
                self.add(index, name, lineno, "removed a blank line here", fixed=True)
                return b""
            report("blank line: remove it (--fix does)")
            return None
        try:
            sample = json.loads(line)
        except json.JSONDecodeError as exc:
            report(f"invalid JSON ({exc.msg} at column {exc.colno}): each line must be one "
                   'JSON object such as {"text": "...", "spans": []}')
            return None
        if not isinstance(sample, dict):
            report(f"line is a JSON {_type_name(sample)}, not an object: each line must be one "
                   'sample such as {"text": "...", "spans": []}')
            return None

        new = None
        if fix:
            fixes = _fix_sample(sample)
            for message in fixes:
                self.add(index, name, lineno, message, fixed=True)
            if fixes:
                new = json.dumps(sample, ensure_ascii=line.isascii()).encode("utf-8")
        for message in self._sample_problems(sample):
            report(message)
        text = sample.get("text")
        if isinstance(text, str) and text.strip():
            self._texts.setdefault(text, []).append((index, name, lineno, sample))
        return new

    def _sample_problems(self, sample: dict) -> Iterable[str]:
        text = sample.get("text")
        if "text" not in sample:
            yield 'missing "text": give the passage as a string'
        elif not isinstance(text, str):
            yield f'"text" must be a string, not {_type_name(text)}'
            text = None
        elif not text.strip():
            yield '"text" is empty: give the passage, or remove the line'
        yield from _meta_problems(sample)

        if "spans" not in sample:
            yield 'missing "spans": add "spans": [] if the text has no mention'
            return
        spans = sample["spans"]
        if not isinstance(spans, list):
            yield (f'"spans" must be a list of {{"start", "end", "label"}} objects, '
                   f"not {_type_name(spans)}")
            return
        placed: list[tuple[int, int, int, dict]] = []  # (start, end, number, span)
        for number, span in enumerate(spans, 1):
            problems, ok = self._span_problems(number, span, text)
            yield from problems
            if ok:
                placed.append((span["start"], span["end"], number, span))
        yield from _order_problems(placed)

    def _span_problems(self, number: int, span: object, text: str | None) -> tuple[list[str], bool]:
        """Problems of one span, and whether its offsets are usable for overlap checks."""
        out: list[str] = []
        if not isinstance(span, dict):
            message = (f'span {number} must be an object {{"start", "end", "label"}}, '
                       f"not {_type_name(span)}")
            return [message], False
        label = span.get("label")
        if "label" not in span:
            out.append(f'span {number} is missing "label": add one of {self.label_list}')
        elif not isinstance(label, str) or label not in self.label_set:
            out.append(f"span {number} has unknown label {_show(label)}: use one of "
                       f"{self.label_list}{self._suggest(label)}")
        offsets_ok = True
        for key, meaning in (("start", "begins"), ("end", "ends (exclusive)")):
            value = span.get(key)
            if key not in span:
                out.append(f'span {number} is missing "{key}": give the character offset '
                           f"where the mention {meaning}")
                offsets_ok = False
            elif not isinstance(value, int) or isinstance(value, bool):
                out.append(f'span {number} "{key}" must be a whole number (a character offset),'
                           f" not {_show(value)}")
                offsets_ok = False
        if not offsets_ok or text is None:
            return out, False
        start, end = span["start"], span["end"]
        where = f"span {number} [{start}:{end}]"
        if start < 0:
            out.append(f"{where} starts before the text: offsets count from 0")
            return out, False
        if end > len(text):
            out.append(f"{where} runs past the end of the text (length {len(text)}): end must be "
                       f"at most {len(text)}")
            return out, False
        if end <= start:
            out.append(f"{where} has end <= start: end is exclusive, so a mention of n "
                       "characters has end = start + n")
            return out, False

        new_start, new_end = trimmed_span(text, start, end)
        text_ok = "text" not in span or span["text"] == text[start:end]
        edges_ok = is_token_boundary(text, start) and is_token_boundary(text, end)
        if text_ok and edges_ok and (new_start, new_end) == (start, end):
            return out, True  # the common case, without building messages
        shown_label = f" {label}" if isinstance(label, str) else ""
        where = f"span {number}{shown_label} [{start}:{end}] {_show(text[start:end])}"
        if not text_ok:
            out.append(f'{where} has "text" {_show(span["text"])}, which is not what the '
                       'offsets cover: correct the offsets or the span\'s "text"')
        if new_start >= new_end:
            out.append(f"{where} holds only whitespace and punctuation: remove it or correct "
                       "its offsets")
            return out, True
        how = " (--fix does)" if not any(k in span for k in TOKEN_KEYS) else ""
        if new_start != start:
            out.append(f"{where} starts with {_describe(text[start])}: start it at "
                       f"{new_start}{how}")
        if new_end != end:
            out.append(f"{where} ends with {_describe(text[end - 1])}: end it at {new_end}{how}")
        if not is_token_boundary(text, start):
            left, right = _word_around(text, start)
            out_start = trimmed_span(text, right, end)[0]
            other = f", or at {out_start} to leave it out" if out_start < end else ""
            out.append(f"{where} starts inside the word {_show(text[left:right])}: start it at "
                       f"{left} to take the whole word{other}")
        if not is_token_boundary(text, end):
            left, right = _word_around(text, end)
            out_end = trimmed_span(text, start, left)[1]
            other = f", or at {out_end} to leave it out" if out_end > start else ""
            out.append(f"{where} ends inside the word {_show(text[left:right])}: end it at "
                       f"{right} to take the whole word{other}")
        return out, True

    def _suggest(self, label: object) -> str:
        if not isinstance(label, str):
            return ""
        import difflib  # only when a label is wrong: keeps `policylens --help` fast

        upper = {lab.upper(): lab for lab in self.labels}
        close = difflib.get_close_matches(label.upper(), list(upper), n=1, cutoff=0.6)
        return f" (did you mean {upper[close[0]]}?)" if close else ""


def _meta_problems(sample: dict) -> Iterable[str]:
    if "meta" not in sample:
        return
    meta = sample["meta"]
    if not isinstance(meta, dict):
        yield f'"meta" must be an object, not {_type_name(meta)}'
        return
    date = meta.get("date")
    if date is None:
        return
    if not isinstance(date, str) or not ISO_DATE.fullmatch(date):
        yield (f"meta.date {_show(date)} is not an ISO date: write it as YYYY-MM-DD "
               '(e.g. "2023-09-07")')
        return
    try:
        dt.date.fromisoformat(date)
    except ValueError:
        yield f'meta.date "{date}" is not a real date: check the day and month'


def _order_problems(placed: list[tuple[int, int, int, dict]]) -> Iterable[str]:
    """Spans out of order, repeated or overlapping (only spans with usable offsets)."""
    ordered = sorted(placed, key=lambda p: p[:3])
    if [p[:2] for p in placed] != [p[:2] for p in ordered]:
        yield "spans are not in order of start: sort them (--fix does)"
    for i, one in enumerate(ordered):
        for other in ordered[i + 1:]:
            if other[0] >= one[1]:
                break
            a, b = sorted((one, other), key=lambda p: p[2])
            a_label, b_label = a[3].get("label"), b[3].get("label")
            if a[:2] == b[:2] and a_label == b_label:
                how = " (--fix does)" if a[3] == b[3] else ""
                yield (f"span {b[2]} repeats span {a[2]} ({a_label} [{a[0]}:{a[1]}]): "
                       f"remove it{how}")
            else:
                yield (f"spans {a[2]} {a_label} [{a[0]}:{a[1]}] and {b[2]} {b_label} "
                       f"[{b[0]}:{b[1]}] overlap: keep one (the longer span wins; at equal "
                       "length, the label listed first in ANNOTATION.md)")


# -- fixes that need no judgement -------------------------------------------------------------
def _fix_sample(sample: dict) -> list[str]:
    """Trim span edges, drop exact repeats and sort spans, in place; say what changed."""
    text, spans = sample.get("text"), sample.get("spans")
    if not isinstance(text, str) or not isinstance(spans, list):
        return []
    fixes: list[str] = []
    usable = all(_has_offsets(s, text) for s in spans)
    for number, span in enumerate(spans, 1):
        if not _has_offsets(span, text) or any(k in span for k in TOKEN_KEYS):
            continue
        start, end = span["start"], span["end"]
        new_start, new_end = trimmed_span(text, start, end)
        if new_start >= new_end or (new_start, new_end) == (start, end):
            continue
        if "text" in span and span["text"] == text[start:end]:
            span["text"] = text[new_start:new_end]
        span["start"], span["end"] = new_start, new_end
        label = f" {span['label']}" if isinstance(span.get("label"), str) else ""
        fixes.append(f"trimmed span {number}{label} [{start}:{end}] {_show(text[start:end])} to "
                     f"[{new_start}:{new_end}] {_show(text[new_start:new_end])}")
    if not usable:
        return fixes
    kept: list[dict] = []
    for number, span in enumerate(spans, 1):
        if span in kept:
            first = spans.index(span) + 1
            fixes.append(f"removed span {number} ({span.get('label')} "
                         f"[{span['start']}:{span['end']}]), an exact repeat of span {first}")
        else:
            kept.append(span)
    ordered = sorted(kept, key=lambda s: (s["start"], s["end"]))
    if ordered != kept:
        fixes.append("sorted the spans by start")
    if ordered != spans:
        sample["spans"] = ordered
    return fixes


def _spans_key(sample: dict) -> list[str]:
    """The spans in a form that compares equal whatever their order."""
    spans = sample.get("spans")
    if not isinstance(spans, list):
        return [json.dumps(spans)]
    return sorted(json.dumps(s, sort_keys=True) for s in spans)


def _has_offsets(span: object, text: str) -> bool:
    return (isinstance(span, dict)
            and all(isinstance(span.get(k), int) and not isinstance(span.get(k), bool)
                    for k in ("start", "end"))
            and 0 <= span["start"] < span["end"] <= len(text))


def _write_atomic(path: Path, data: bytes) -> None:
    """Replace the file in one step, so an interrupted --fix never leaves half a file."""
    import tempfile

    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# -- small helpers ------------------------------------------------------------------------
def _is_edge_junk(char: str) -> bool:
    """Whitespace or punctuation that should not begin or end a span."""
    if char.isspace():
        return True
    return unicodedata.category(char).startswith("P") and char not in EDGE_PUNCT_ALLOWED


def _closing_match(text: str, start: int, end: int) -> int | None:
    """Offset of the bracket closing the one at text[start], if it is inside the span."""
    opener = text[start]
    closer, depth = OPENERS[opener], 0
    for i in range(start, end):
        if text[i] == opener:
            depth += 1
        elif text[i] == closer:
            depth -= 1
            if depth == 0:
                return i
    return None


def _opening_match(text: str, start: int, end: int) -> int | None:
    """Offset of the bracket opening the one at text[end - 1], if it is inside the span."""
    closer = text[end - 1]
    opener, depth = CLOSERS[closer], 0
    for i in range(end - 1, start - 1, -1):
        if text[i] == closer:
            depth += 1
        elif text[i] == opener:
            depth -= 1
            if depth == 0:
                return i
    return None


def _word_around(text: str, i: int) -> tuple[int, int]:
    """The token (by the same approximation) that offset i falls inside."""
    left, right = i, i
    while not is_token_boundary(text, left):
        left -= 1
    while not is_token_boundary(text, right):
        right += 1
    return left, right


def _describe(char: str) -> str:
    return "whitespace" if char.isspace() else f"punctuation {_show(char)}"


def _show(value: object) -> str:
    """A value as JSON, so messages show exactly what the file holds; long ones keep both ends
    (span edges are what most messages are about)."""
    shown = json.dumps(value, ensure_ascii=False)
    if len(shown) <= MAX_SHOWN:
        return shown
    half = MAX_SHOWN // 2
    return f"{shown[:half]}…{shown[-half:]}"


def _type_name(value: object) -> str:
    return {dict: "object", list: "list", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null"}.get(type(value), type(value).__name__)


# -- the regression guard -------------------------------------------------------------------
# F1 in `policylens evaluate --json` is rounded; smaller differences are not a regression.
F1_EPSILON = 1e-4


@dataclass(frozen=True)
class ScoreRow:
    """One line of the guard's table: lenient scores of a label (or "micro") and its verdict."""

    name: str
    precision: float
    recall: float
    f1: float
    gold: int
    baseline_f1: float | None = None
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class Baseline:
    """Lenient F1 by label (and "micro") from `policylens evaluate --json`, and what it scored."""

    f1: dict[str, float]
    n_samples: int | None = None
    model_version: str | None = None


@dataclass(frozen=True)
class GuardResult:
    """The tagger's lenient scores on the samples, compared with a floor and a baseline."""

    rows: tuple[ScoreRow, ...]
    n_samples: int
    model_version: str
    baseline: Baseline | None = None

    @property
    def failed(self) -> bool:
        return any(row.problems for row in self.rows)

    @property
    def problems(self) -> list[str]:
        return [problem for row in self.rows for problem in row.problems]

    def table(self) -> str:
        """The per-label table, as printed by `policylens check --model`."""
        header = f"{'label':<15}{'P':>7}{'R':>7}{'F1':>7}{'base':>7}{'change':>8}{'gold':>6}"
        lines = [header + "  result"]
        for row in self.rows:
            base = change = "-"
            if row.baseline_f1 is not None:
                base, change = f"{row.baseline_f1:.3f}", f"{row.f1 - row.baseline_f1:+.3f}"
            result = "FAIL" if row.problems else ("no gold spans" if not row.gold else "ok")
            lines.append(f"{row.name:<15}{row.precision:7.3f}{row.recall:7.3f}{row.f1:7.3f}"
                         f"{base:>7}{change:>8}{row.gold:6d}  {result}")
        return "\n".join(lines)


def read_baseline(path: str | os.PathLike) -> Baseline:
    """Lenient F1 by label (and "micro") from a `policylens evaluate --json` file."""
    hint = "write it with: policylens evaluate SAMPLES --json > BASELINE"
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        scores = {"micro": float(data["micro"]["lenient"]["f1"])}
        for label, score in data["per_label"].items():
            scores[label] = float(score["lenient"]["f1"])
        baseline = Baseline(scores, data.get("n_samples"), data.get("model_version"))
    except OSError as exc:
        raise InputError(f"cannot read baseline {path}: {exc.strerror}", hint=hint) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"baseline {path} is not `policylens evaluate --json` output "
                         f"({type(exc).__name__}: {exc})", hint=hint) from exc
    return baseline


def guard_regression(paths: Iterable[str | os.PathLike], model_dir: str | os.PathLike, *,
                     min_f1: float | None = None, baseline: str | os.PathLike | None = None,
                     tolerance: float = DEFAULT_TOLERANCE,
                     patterns: str | os.PathLike | None = None) -> GuardResult:
    """Run the tagger in model_dir (with a researcher's ``patterns`` file added, if given) on
    the samples and judge its lenient F1, micro and per label.

    A score fails when it is below min_f1, or more than tolerance below the baseline. Labels
    without gold spans in the samples have no F1 to judge and are shown, not judged.
    """
    base = read_baseline(baseline) if baseline is not None else None  # fail fast, before spaCy
    base_f1 = base.f1 if base is not None else {}
    report = score_tagger(paths, Path(model_dir), patterns=patterns)
    scored = [(label, report.per_label[label]["lenient"]) for label in report.counts]
    rows = [_judge(name, score, min_f1, base_f1.get(name), tolerance)
            for name, score in [*scored, ("micro", report.micro["lenient"])]]
    return GuardResult(tuple(rows), report.n_samples, report.model_version, base)


def score_tagger(paths: Iterable[str | os.PathLike], model_dir: str | os.PathLike | None = None,
                 *, patterns: str | os.PathLike | None = None) -> EvalReport:
    """Run a tagger (default: the shipped one; with a researcher's ``patterns`` file added,
    if given) on the samples in ``paths`` and score it, strict and lenient, per label."""
    from .tagging.evaluate import evaluate, read_samples
    from .tagging.pipeline import load_tagger, tagger_labels  # loads spaCy

    nlp = load_tagger(model_dir, patterns=patterns)
    labels = tagger_labels(nlp)
    samples = [s for path in sample_files(paths) for s in read_samples(path, labels)]
    return evaluate(nlp, samples)


def _judge(name: str, score: dict, min_f1: float | None, base_f1: float | None,
           tolerance: float) -> ScoreRow:
    f1, gold = float(score["f1"]), int(score["tp"]) + int(score["fn"])
    problems = []
    if gold:
        if min_f1 is not None and f1 < min_f1 - F1_EPSILON:
            problems.append(f"{name}: lenient F1 {f1:.3f} is below --min-f1 {min_f1:.3f}")
        if base_f1 is not None and base_f1 - f1 > tolerance + F1_EPSILON:
            problems.append(f"{name}: lenient F1 {f1:.3f} is {base_f1 - f1:.3f} below the "
                            f"baseline {base_f1:.3f} (tolerance {tolerance:.3f})")
    return ScoreRow(name, float(score["p"]), float(score["r"]), f1, gold, base_f1,
                    tuple(problems))
