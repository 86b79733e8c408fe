"""The one serialiser: CSV, JSON lines and the terminal table."""

from __future__ import annotations

import io

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
