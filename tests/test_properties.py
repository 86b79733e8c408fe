"""Property tests: any input to the metadata CSV reader and the label checker gives a result
or a clear error, never a traceback.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policylens.check import Finding, check_files
from policylens.errors import InputError
from policylens.ingest.docinfo import KINDS
from policylens.ingest.metadata import MetaEntry, read_metadata
from policylens.tagging.labels import LABELS

# Derandomised, with no example database: the same examples on every run and machine.
SETTINGS = settings(max_examples=100, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])

# -- the metadata CSV reader ------------------------------------------------------------------
FIELD = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["a.pdf", "sub/b.pdf", "../x.pdf", "/etc/passwd", "2020-01-31", "2020",
                     "31/01/2020", "parliamentary", "NHS", "pamphlet", "", " ", '"', ",",
                     "=1+2", "a\x00b", "\u2028", "é.pdf", "file", "date", "kind", "title"]),
    st.dates(min_value=dt.date(1900, 1, 1)).map(dt.date.isoformat),
)
HEADER = st.one_of(
    st.just(["file", "date", "kind", "title"]),
    st.permutations(["file", "date", "kind", "title"]).map(list),
    st.lists(st.sampled_from(["file", "FILE ", "date", "kind", "title", "extra", ""]),
             max_size=6),
    st.lists(st.text(max_size=8), max_size=4),
)


@st.composite
def csv_texts(draw) -> str:
    """Text shaped like a metadata CSV: a header and rows of awkward fields."""
    header = draw(HEADER)
    rows = draw(st.lists(st.lists(FIELD, max_size=6), max_size=6))
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=draw(st.sampled_from(["\n", "\r\n", "\r"])))
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def _check_entries(entries: dict, root: Path) -> None:
    assert isinstance(entries, dict)
    for path, entry in entries.items():
        assert isinstance(path, Path) and path.is_relative_to(root), path
        assert isinstance(entry, MetaEntry)
        if entry.date is not None:
            parts = [int(p) for p in entry.date.split("-")] + [1, 1]
            assert len(entry.date) in (4, 7, 10)
            dt.date(parts[0], parts[1], parts[2])
        assert entry.kind is None or entry.kind in KINDS
        assert entry.title is None or (entry.title and entry.title == entry.title.strip())


def _read(data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder).resolve()
        path = root / "metadata.csv"
        path.write_bytes(data)
        try:
            entries, skipped = read_metadata(path)
        except InputError as exc:
            assert exc.message and "metadata.csv" in exc.message
            return None
        _check_entries(entries, root)
        assert all(problem.startswith(str(path)) for problem in skipped)
        return entries


@SETTINGS
@given(csv_texts())
def test_metadata_reader_on_csv_shaped_text(text):
    _read(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.text())
def test_metadata_reader_on_any_text(text):
    _read(text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.binary(max_size=300))
def test_metadata_reader_on_any_bytes(data):
    _read(data)


def test_metadata_reader_keeps_what_it_is_given():
    entries = _read(b'file,date,kind,title\na.pdf,2020-01-31,NHS,"Costs, ""quoted"""\n')
    [(path, entry)] = entries.items()
    assert path.name == "a.pdf"
    assert entry == MetaEntry("2020-01-31", "nhs", 'Costs, "quoted"')


# -- the label checker --------------------------------------------------------------------------
JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 200) | st.floats(allow_nan=True)
    | st.text(max_size=12),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=6), children, max_size=3),
    max_leaves=8,
)
LABEL = st.one_of(st.sampled_from(list(LABELS)), st.sampled_from(["cost", "THERAPIES", ""]),
                  JSON_VALUE)
TEXT = st.one_of(
    st.text(max_size=60),
    st.sampled_from(["The gene therapy costs £1.8 million per patient.",
                     "CAR-T (Kymriah) is expensive.", " padded ", "", "é\u0301 ﬁ\t\n"]),
)


@st.composite
def samples(draw) -> dict | object:
    """A sample that is nearly right: the checker must say what is wrong with it."""
    text = draw(TEXT)
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        start = draw(st.integers(-2, len(text) + 2))
        end = draw(st.integers(-2, len(text) + 3))
        span = {"start": start, "end": end, "label": draw(LABEL)}
        if draw(st.booleans()):
            span[draw(st.sampled_from(["token_start", "token_end", "text", "extra"]))] = draw(
                JSON_VALUE)
        if draw(st.integers(0, 9)) == 0:
            span = draw(JSON_VALUE)
        spans.append(span)
    sample: dict = {"text": text, "spans": spans}
    if draw(st.booleans()):
        sample["meta"] = draw(st.one_of(
            st.fixed_dictionaries({"source": st.text(max_size=8),
                                   "date": st.sampled_from(["2023-09-07", "2023-13-01", "x"])}),
            JSON_VALUE))
    if draw(st.integers(0, 9)) == 0:
        del sample[draw(st.sampled_from(["text", "spans"]))]
    if draw(st.integers(0, 14)) == 0:
        return draw(JSON_VALUE)
    return sample


@st.composite
def sample_files_text(draw) -> bytes:
    lines = []
    for _ in range(draw(st.integers(0, 5))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            lines.append(draw(st.text(max_size=40)))  # not JSON at all
        elif kind == 1:
            lines.append("")
        else:
            lines.append(json.dumps(draw(samples()), ensure_ascii=draw(st.booleans())))
    if lines and draw(st.booleans()):
        lines.append(lines[0])  # a repeated sample
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    data = ending.join(lines).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.binary(max_size=60)) + data
    return data


def _check(data: bytes, fix: bool) -> list[Finding]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "samples.jsonl"
        path.write_bytes(data)
        try:
            findings = check_files([path], fix=fix)
        except InputError as exc:  # a clear refusal is allowed; a traceback is not
            assert exc.message
            return []
        for finding in findings:
            assert isinstance(finding, Finding)
            assert finding.path.endswith("samples.jsonl")
            assert isinstance(finding.line, int) and finding.line >= 0
            assert finding.message and "\n" not in finding.message
            assert "Traceback" not in finding.message
        if fix:
            # --fix only makes changes that need no judgement: a second pass has none left.
            again = check_files([path], fix=True)
            assert not [f for f in again if f.fixed], (findings, again)
            assert [f.message for f in again] == [f.message for f in check_files([path])]
        return findings


@SETTINGS
@given(sample_files_text())
def test_checker_on_sample_shaped_input(data):
    _check(data, fix=False)


@SETTINGS
@given(sample_files_text())
def test_checker_fix_on_sample_shaped_input(data):
    _check(data, fix=True)


@SETTINGS
@given(st.binary(max_size=200))
def test_checker_on_any_bytes(data):
    _check(data, fix=False)
    _check(data, fix=True)


def test_checker_flags_a_known_problem():
    sample = {"text": "The price is high.", "spans": [{"start": 4, "end": 10, "label": "COST"}]}
    findings = _check(json.dumps(sample).encode(), fix=False)
    assert len(findings) == 1 and findings[0].line == 1 and not findings[0].fixed


@pytest.mark.parametrize("label", ["COST", "cost", 7, None])
def test_checker_names_the_bad_label(label):
    sample = {"text": "The price is high.", "spans": [{"start": 4, "end": 9, "label": label}]}
    findings = _check(json.dumps(sample).encode(), fix=False)
    if label == "COST":
        assert findings == []
    else:
        assert len(findings) == 1 and json.dumps(label) in findings[0].message, findings
