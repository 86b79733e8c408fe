"""The one serialiser: CSV, JSON lines and the terminal table."""

from __future__ import annotations

import io

from policylens import export
from policylens.export import render_rows, write_text_table

ROWS = [{"left": "words far from the keyword then near it", "mention": "NICE",
         "right": "appraised the therapy in a long sentence that goes on", "n": 3}]


def test_table_keeps_the_end_of_left_context_and_the_start_of_the_rest():
    buf = io.StringIO()
    write_text_table(ROWS, ("left", "mention", "right"), buf, width=50, keep_end=("left",))
    header, line = buf.getvalue().splitlines()
    assert len(line) <= 50
    assert "near it  NICE" in line and line.startswith("…")
    assert "appraised" in line and line.endswith("…")


def test_table_fits_the_width_by_narrowing_the_widest_column():
    buf = io.StringIO()
    write_text_table(ROWS, ("n", "mention", "right"), buf, width=30)
    line = buf.getvalue().splitlines()[1]
    assert line.startswith("3  NICE     appraised") and len(line) <= 30


def test_csv_neutralises_formulas_and_keeps_numbers():
    rows = [{"a": "=HYPERLINK(\"x\")", "b": -1.5, "c": "@SUM(A1)", "d": "plain"}]
    out = render_rows(rows, ("a", "b", "c", "d"), "csv").splitlines()
    assert out[0] == "a,b,c,d"
    assert out[1] == "\"'=HYPERLINK(\"\"x\"\")\",-1.5,'@SUM(A1),plain"


def test_table_sizes_columns_by_its_first_rows_and_streams_the_rest(monkeypatch):
    # A table of millions of mentions must not be held in memory before its first line.
    monkeypatch.setattr(export, "TABLE_SAMPLE_ROWS", 2)
    taken = []

    def rows():
        for i, word in enumerate(["short", "tiny", "a much longer cell than the first two"]):
            taken.append(i)
            yield {"n": i, "word": word}

    class Out(io.StringIO):
        def write(self, text):
            self.lines.append((text, len(taken)))
            return super().write(text)

    out = Out()
    out.lines = []
    assert write_text_table(rows(), ("n", "word"), out, width=80) == 3
    # The header went out after the two sized rows were read, before the third was.
    assert out.lines[0][1] == 2
    lines = out.getvalue().splitlines()
    assert lines[1:3] == ["0  short", "1  tiny"]
    assert lines[3] == "2  a mu…"  # cut to the column the first rows sized ("short")
    assert len(lines) == 4
