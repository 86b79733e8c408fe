"""The HTML report: `policylens report` and the report.html that `policylens run` writes,
read back with the standard library's HTML parser."""

from __future__ import annotations

import csv
import datetime as dt
import re
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

import badpdfs
from planted import planted_texts, shifting_proportions
from policylens.cli import cli
from policylens.report import SECTIONS, write_report
from policylens.report.content import MAX_FAILURES, THIN_DOCUMENTS
from policylens.report.page import PRINT_SCRIPT
from policylens.store import Store

pytestmark = pytest.mark.slow  # whole runs, the bundled corpus's among them

SPEAKERS = ("Mr Alan Whitby (Carlisle North) (Lab):", "The Minister for Health (Helen Carver):",
            "Dr Priya Nair (Bath) (LD):", "Mrs Sarah Moss (Leeds East) (Con):")
HOSTILE = ("<script>alert('report')</script> Kymriah is a gene therapy <img src=x "
           "onerror=alert(1)> that the MHRA licensed & NICE appraised.")
N_BAD = MAX_FAILURES + 5


def invoke(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def write_corpus(folder: Path, pdfgen) -> None:
    """Debates in 2016-2024 whose subjects shift, the first with a hostile speech, and files
    that are not PDFs (more than the report lists)."""
    folder.mkdir(parents=True)
    years = (2016, 2018, 2020, 2022, 2024)
    props = shifting_proportions(len(years), 3, rise=1, fall=0, start=0.1, end=0.7)
    for i, year in enumerate(years):
        items = [pdfgen.Heading("Cell and Gene Therapies", 1)]
        if i == 0:
            items.append(pdfgen.Speech(SPEAKERS[0], (HOSTILE,)))
        for j, p in enumerate(planted_texts([props[i]], 12, seed=year)):
            text = p.text.capitalize() + ". The gene therapy costs £2 million per patient."
            items.append(pdfgen.Speech(SPEAKERS[j % len(SPEAKERS)], (text,)))
        for month in (3, 9):  # two debates a year, so periods are not all thin
            pdfgen.write_hansard(folder / f"debate-{year}-{month}.pdf",
                                 date=dt.date(year, month, 10), title="Cell and Gene Therapies",
                                 sitting="Westminster Hall", items=items, seed=month)
    # A committee report cut short halfway through its fourth page: pages 4-6 are lost.
    whole = folder.parent / "whole.pdf"
    pdfgen.write_pages(whole, [[f"Page {p} line {i}: the committee heard evidence on gene "
                                "therapy costs and the workforce." for i in range(24)]
                               for p in range(1, 7)])
    badpdfs.cut_inside_stream(whole, folder / "2020-05-01-committee-evidence.pdf", 3)
    for n in range(N_BAD):
        (folder / f"notes-{n:02d}.pdf").write_text(f"<html>not a pdf {n}</html>",
                                                    encoding="utf-8")


@pytest.fixture(scope="module")
def results(tmp_path_factory, pdfgen):
    root = tmp_path_factory.mktemp("report")
    write_corpus(root / "pdfs", pdfgen)
    out = root / "results"
    result = invoke("run", root / "pdfs", "--out", out, "--k", "3", "--workers", "0",
                    "--bootstrap", "200", "--seed", "3")
    assert result.exit_code == 0, result.output + str(result.exception)
    return root, out, result


class Page(HTMLParser):
    """What the tests look at: elements with their attributes, text, tables and scripts."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self.tables: dict[str, list[list[str]]] = {}
        self._script: list[str] | None = None
        self._table: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "script":
            self._script = []
        elif tag == "table" and "data-source" in attrs:
            self._table = self.tables.setdefault(attrs["data-source"], [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        elif tag == "table":
            self._table = None
        elif tag in ("td", "th") and self._cell is not None:
            self._table[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def ids(self) -> set[str]:
        return {a["id"] for _t, a in self.elements if "id" in a}


def read_page(path: Path) -> tuple[str, Page]:
    html = path.read_text(encoding="utf-8")
    return html, Page(html)


def csv_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def number(cell: str) -> float:
    return float(cell.replace(",", "").replace("%", "").replace("+", ""))


# -- the page ----------------------------------------------------------------------------------
def test_run_writes_the_report_and_prints_its_path(results):
    _root, out, result = results
    printed = [Path(line) for line in result.stdout.splitlines()]
    assert out / "report.html" in printed
    html, page = read_page(out / "report.html")
    assert html.startswith("<!DOCTYPE html>")
    assert ("h1", {}) in page.elements


def test_every_section_is_there_with_a_navigable_heading(results):
    _root, out, _ = results
    _html, page = read_page(out / "report.html")
    headings = [(t, a.get("id")) for t, a in page.elements if t in ("h1", "h2", "h3", "h4")]
    for section_id, title in SECTIONS:
        assert ("section", {"id": section_id, "aria-labelledby": f"{section_id}-h"}) \
            in page.elements, section_id
        assert ("h2", f"{section_id}-h") in headings
        assert ("a", {"href": f"#{section_id}"}) in page.elements  # in the table of contents
        assert title in page.text
    levels = [int(t[1]) for t, _ in headings]
    assert all(b - a <= 1 for a, b in pairwise(levels)), "a heading level is skipped"
    for name in ("THERAPY", "COST", "REGULATION", "NHS_WORKFORCE"):
        assert f"label-{name.lower()}" in page.ids()


def test_nothing_refers_to_the_network(results):
    _root, out, _ = results
    html, page = read_page(out / "report.html")
    for tag, attrs in page.elements:
        assert tag not in ("link", "iframe", "object", "embed", "img"), tag
        for name in ("src", "href", "xlink:href", "action", "srcset", "poster"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)
    assert "@import" not in html and "url(" not in html
    # No attribute holds a URL but SVG's namespace name, which is never fetched (a URL in a
    # passage's text is text).
    urls = {value for tag, attrs in page.elements for name, value in attrs.items()
            if value and "://" in value}
    assert urls <= {"http://www.w3.org/2000/svg"}, urls
    policy = next(a["content"] for t, a in page.elements
                  if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in policy


def test_hostile_text_from_a_pdf_is_shown_as_text(results):
    _root, out, _ = results
    html, page = read_page(out / "report.html")
    text = "".join(page.text)
    assert "<script>alert('report')</script>" in text  # shown, as text
    assert "&lt;script&gt;alert(" in html
    assert page.scripts == [PRINT_SCRIPT]  # the print helper is the only script
    assert not any(name.startswith("on") for _t, a in page.elements for name in a)
    assert not any(t == "img" for t, _a in page.elements)


def test_paths_are_relative_to_the_store_folder(results):
    root, out, _ = results
    html, page = read_page(out / "report.html")
    assert str(root) not in html
    assert "../pdfs/notes-00.pdf" in "".join(page.text)
    assert "../pdfs/debate-2016-3.pdf" in "".join(page.text)


def test_the_numbers_are_the_csvs(results):
    _root, out, _ = results
    _html, page = read_page(out / "report.html")
    # Theme trends (a run writes them, so they take the mention rates' place): theme, period,
    # share, interval (as percentages), passages.
    assert "mention_trends.csv" not in page.tables
    shown = {(r[0], r[1]): r for r in page.tables["theme_trends.csv"][1:]}
    expected = [r for r in csv_rows(out / "theme_trends.csv")
                if r["group"] == "all" and int(r["n_passages"])]
    assert len(shown) == len(expected) > 0
    for r in expected:
        row = shown[(r["theme"], r["period"])]
        for cell, column in zip(row[2:5], ("share", "ci_low", "ci_high")):
            # Shown to one decimal: 0.0125 may read 1.2 (the float is a hair under 1.25).
            assert number(cell) == pytest.approx(float(r[column]) * 100, abs=0.051), (r, column)
        assert int(row[5]) == int(r["n_passages"])
    # Shifts: change and interval in points.
    shifts = {int(r[0]): r for r in page.tables["shifts.csv"][1:]}
    expected = [r for r in csv_rows(out / "shifts.csv") if r["group"] == "all"]
    assert len(shifts) == len(expected) > 0
    for r in expected:
        row = shifts[int(r["topic"])]
        assert row[2] == r["label"]
        for cell, column in zip(row[5:8], ("change", "ci_low", "ci_high")):
            assert number(cell) == pytest.approx(float(r[column]) * 100, abs=0.05)
        assert row[8] == ("" if not r["q_value"] else f"{float(r['q_value']):.3f}")
        assert row[9] == ("yes" if r["exceeds_noise"] == "true" else "no")
    # Topics: share and top words.
    topics = {int(r[0]): r for r in page.tables["topics.csv"][1:]}
    for r in csv_rows(out / "topics.csv"):
        row = topics[int(r["topic"])]
        assert number(row[3]) == pytest.approx(float(r["share"]) * 100, abs=0.05)
        assert row[6] == ", ".join(r["top_words"].split("; "))
    # Topic trends, as percentages.
    trend = {(r[0], r[1]): r for r in page.tables["topic_trends.csv"][1:]}
    for r in csv_rows(out / "topic_trends.csv"):
        if r["group"] == "all" and int(r["n_passages"]):
            assert number(trend[(r["label"], r["period"])][2]) == pytest.approx(
                float(r["share"]) * 100, abs=0.05)
            assert int(trend[(r["label"], r["period"])][6]) == int(r["n_documents"])


def test_framing_names_each_labels_main_topic_at_both_ends(results):
    _root, out, _ = results
    _html, page = read_page(out / "report.html")
    rows = [r for r in csv_rows(out / "framing.csv")
            if r["group"] == "all" and int(r["n_mentions"])]
    shown = {r[0]: r for r in page.tables["framing.csv"][1:]}
    # A label with mentions in a single period has no framing to compare.
    labels = {r["label"] for r in rows
              if len({x["period"] for x in rows if x["label"] == r["label"]}) >= 2}
    assert set(shown) == labels and shown
    for label, row in shown.items():
        mine = [r for r in rows if r["label"] == label]
        periods = sorted({r["period"] for r in mine})
        solid = sorted({r["period"] for r in mine if r["thin"] == "false"})
        ends = solid if len(solid) >= 2 else periods
        for cell, period in ((row[1], ends[0]), (row[2], ends[-1])):
            top = max((r for r in mine if r["period"] == period), key=lambda r: float(r["share"]))
            assert cell.startswith(f"{period}: {top['topic_key']} {top['topic_label']}"), cell
            assert f"{float(top['share']) * 100:.1f}%" in cell
            assert f"of {top['n_mentions']} mentions" in cell
        first = {r["topic"]: float(r["share"]) for r in mine if r["period"] == ends[0]}
        gain = max(float(r["share"]) - first.get(r["topic"], 0.0)
                   for r in mine if r["period"] == ends[-1])
        assert f"({gain * 100:+.1f} points)" in row[3]


def test_what_was_read_matches_the_store(results):
    _root, out, _ = results
    _html, page = read_page(out / "report.html")
    with Store(out / "policylens.db") as store:
        status = store.status()
    table = page.tables["store"]
    header, total = table[0], table[-1]
    assert total[0] == "all" and int(total[-1]) == status["documents"] == 11
    assert header[1:-1] == ["2016", "2018", "2020", "2022", "2024"]
    assert [int(c) for c in total[1:-1]] == [2, 2, 3, 2, 2]
    parliamentary = next(row for row in table if row[0] == "parliamentary")
    assert [int(c or 0) for c in parliamentary[1:]] == [2, 2, 2, 2, 2, 10]
    text = "".join(page.text)
    assert f"{N_BAD} files were skipped (not-pdf: {N_BAD})" in text
    # Bounded: the failures table lists MAX_FAILURES of them and says where the rest are.
    assert len(set(re.findall(r"notes-\d\d\.pdf", text))) == MAX_FAILURES
    assert f"The first {MAX_FAILURES} are listed" in text
    # The file cut short: kept, partial, its lost pages listed with the reason.
    assert page.tables["dropped_pages"][1] == ["../pdfs/2020-05-01-committee-evidence.pdf",
                                               "6", "yes", "pages 4-6 (damaged)"]
    assert "3 pages or parts of pages were left out" in text and "(damaged: 3)" in text
    assert "1 document is partial" in text


@pytest.fixture(scope="module")
def wide(results):
    """The same PDFs compared over 2016-2018 and 2022-2024: four debates at each end, so the
    comparison is not thin (each single year holds two)."""
    root, _out, _ = results
    out = root / "wide"
    result = invoke("run", root / "pdfs", "--out", out, "--k", "3", "--workers", "0",
                    "--bootstrap", "200", "--seed", "3", "--compare", "2016:2018", "2022:2024")
    assert result.exit_code == 0, result.output + str(result.exception)
    return out


def test_shifts_come_with_the_passages_that_drive_them(wide):
    from policylens.trends.shifts import parse_window

    out = wide
    _html, page = read_page(out / "report.html")
    beyond = [r for r in csv_rows(out / "shifts.csv")
              if r["group"] == "all" and r["exceeds_noise"] == "true"]
    assert beyond, "the planted shift should exceed noise"
    quoted = [a["data-passage"] for t, a in page.elements if "data-passage" in a]
    document_topics = csv_rows(out / "document_topics.csv")
    text = "".join(page.text)
    for r in beyond:
        assert r["thin"] == "false" and float(r["q_value"]) < 0.05
        assert f"q = {float(r['q_value']):.3f}" in text
        assert f"shift-{r['topic']}" in page.ids()
        rise = float(r["change"]) > 0
        window = parse_window(r["to_period"] if rise else r["from_period"])
        in_window = sorted(((float(d["share"]), d["passage_id"]) for d in document_topics
                            if d["topic"] == r["topic"] and window.contains(d["date"])),
                           reverse=True)
        top = {pid for _s, pid in in_window[:3]}
        assert top <= set(quoted), (r["topic"], top)
    # Speaker, party, date, document and page are given with each passage.
    assert re.search(r"(Alan Whitby|Helen Carver|Priya Nair|Sarah Moss)", text)
    assert re.search(r"debate-20\d\d-\d\.pdf, page \d", text)


def test_shifts_without_document_counts_are_counted_from_the_passages(tmp_path, wide):
    """shifts.csv of an older run has no document counts: the report counts each window's
    documents from document_topics.csv, and says what it says from a newer shifts.csv."""
    import shutil

    older = tmp_path / "older"
    shutil.copytree(wide, older)
    rows = csv_rows(older / "shifts.csv")
    assert all(int(r["n_documents_from"]) > 0 for r in rows)
    columns = [c for c in rows[0] if c not in ("n_documents_from", "n_documents_to")]
    with open(older / "shifts.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    pages = {}
    for name, folder in (("newer", wide), ("older", older)):
        result = invoke("report", "--db", wide / "policylens.db", "--results", folder,
                        "--out", tmp_path / f"{name}.html")
        assert result.exit_code == 0, result.output
        pages[name] = "".join(read_page(tmp_path / f"{name}.html")[1].text)
    assert pages["older"] == pages["newer"]


def test_thin_periods_are_marked(tmp_path, results):
    """Each year holds 2 debates here (fewer than THIN_DOCUMENTS), 2020 three documents: the
    others are marked thin, in the tables and with hollow points."""
    _root, out, _ = results
    assert THIN_DOCUMENTS == 3
    _html, page = read_page(out / "report.html")
    rows = page.tables["theme_trends.csv"][1:]
    assert rows and all((r[7] == "thin") == (r[1] != "2020") for r in rows)
    hollow = [a for t, a in page.elements if t == "circle" and a.get("fill") == "#ffffff"]
    assert len(hollow) >= sum(r[7] == "thin" for r in rows) > 0
    assert all(r[10] == "thin" for r in page.tables["shifts.csv"][1:])
    # A thin comparison is shown but never called beyond noise, and has no q-value.
    assert all(r[9] == "no" and r[8] == "" for r in page.tables["shifts.csv"][1:])


def test_method_and_reproduce(results):
    _root, out, _ = results
    _html, page = read_page(out / "report.html")
    text = "".join(page.text)
    with Store(out / "policylens.db") as store:
        version = store.latest_model_version()
    assert version in text
    assert "k=3: the number of topics given (--k 3)" in text
    assert "200 replicates" in text and "Seed 3" in text
    assert re.search(r"scores micro F1 0\.\d{3} lenient", text)
    command = re.search(r"policylens run .*?--seed \d+", text).group(0)
    assert command == "policylens run ../pdfs --out . --k 3 --bootstrap 200 --seed 3"


def test_theme_trends_take_the_place_of_mention_rates_when_present(tmp_path, results):
    """When `trends` writes theme_trends.csv, the themes chart shows it, as percentages."""
    import shutil

    _root, out, _ = results
    folder = tmp_path / "with-themes"
    shutil.copytree(out, folder, ignore=shutil.ignore_patterns("*.db*", "report.html"))
    periods = sorted({r["period"] for r in csv_rows(out / "mention_trends.csv")})
    themes = ("THERAPY", "COST", "REGULATION", "NHS_WORKFORCE", "other")
    with open(folder / "theme_trends.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["period", "group", "theme", "share", "ci_low", "ci_high",
                         "n_passages", "n_documents"])
        for i, period in enumerate(periods):
            for j, theme in enumerate(themes):
                share = 0.05 + 0.03 * i + 0.01 * j
                writer.writerow([period, "all", theme, share, share - 0.02, share + 0.02,
                                 20, 4])
    with Store(out / "policylens.db") as store:
        path = write_report(store, tmp_path / "themes.html", results=folder,
                            measure_tagger_f1=False)
    _html, page = read_page(path)
    assert "mention_trends.csv" not in page.tables
    shown = {(r[0], r[1]): r for r in page.tables["theme_trends.csv"][1:]}
    assert len(shown) == len(periods) * len(themes)
    for (theme, period), row in shown.items():
        i, j = periods.index(period), themes.index(theme)
        assert number(row[2]) == pytest.approx((0.05 + 0.03 * i + 0.01 * j) * 100, abs=0.05)
        assert row[7] == ""  # 4 documents: not thin
    assert "Themes over time (share of the passages' theme mix" in "".join(page.text)


def test_report_command_writes_the_same_page(tmp_path, results):
    _root, out, _ = results
    target = tmp_path / "copy.html"
    result = invoke("report", "--db", out / "policylens.db", "--out", target)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(target)
    assert target.read_bytes() == (out / "report.html").read_bytes()


def test_a_store_without_results_still_gets_a_report(tmp_path, hansard_pdf):
    db = tmp_path / "only" / "store.db"
    assert invoke("ingest", hansard_pdf, "--db", db, "--workers", "0").exit_code == 0
    with Store(db) as store:
        path = write_report(store, measure_tagger_f1=False)
    assert path == db.parent / "report.html"
    _html, page = read_page(path)
    text = "".join(page.text)
    assert {sid for sid, _ in SECTIONS} <= page.ids()
    assert "No passage has been tagged" in text
    assert "topics.csv" in text and "mention_trends.csv" in text  # named as missing
    assert "policylens run ../" not in text


def test_report_on_a_missing_store_is_a_clear_error(tmp_path):
    result = invoke("report", "--db", tmp_path / "none.db")
    assert result.exit_code == 1
    assert "no store" in result.output and "Traceback" not in result.output


def test_bundled_corpus_report_is_small(bundled_run):
    out = bundled_run
    size = (out / "report.html").stat().st_size
    assert 20_000 < size < 5_000_000


# -- render ------------------------------------------------------------------------------------
def test_render_marks_mentions_inline_as_text(tmp_path):
    text = tmp_path / "speech.txt"
    text.write_text("NICE appraised Kymriah at £282,000.\n\nThe nurses were consulted.\n",
                    encoding="utf-8")
    result = invoke("render", text)
    assert result.exit_code == 0, result.output
    assert "[Kymriah | THERAPY: tisagenlecleucel]" in result.stdout
    assert "[£282,000 | COST: 282,000 GBP]" in result.stdout
    assert "[nurses | NHS_WORKFORCE" in result.stdout
    assert "<" not in result.stdout
    page = tmp_path / "speech.html"
    result = invoke("render", text, "--html", page)
    assert result.exit_code == 0, result.output
    assert "<html" in page.read_text(encoding="utf-8") and "<html" not in result.stdout
    both = invoke("render", text, "--html", page, "-o", tmp_path / "x.txt")
    assert both.exit_code == 2


def test_quarterly_charts_are_ticked_at_years():
    """Eleven years of quarters: ticks at year starts, labelled with the year, at most a few."""
    from policylens.report.charts import MAX_X_TICKS, trend_panel
    from policylens.report.records import Point, Series, TrendChart

    periods = [f"{y}-Q{q}" for y in range(2015, 2026) for q in (1, 2, 3, 4)]
    points = tuple(Point(p, 1.0 + i, 0.5 + i, 1.5 + i, 10, 3, False)
                   for i, p in enumerate(periods))
    chart = TrendChart("t", "mentions per 10,000 words", False, "quarter",
                       (Series("COST", points),), "mention_trends.csv")
    svg = trend_panel(chart, 0, "c")
    labels = re.findall(r">(\d{4}[^<]*)</text>", svg)
    assert labels and all(re.fullmatch(r"20\d\d", label) for label in labels)
    assert 2 <= len(labels) <= MAX_X_TICKS and labels[0] == "2015"


def test_the_mentions_section_gathered_in_two_parts_is_the_whole(results):
    # Two processes of a run share the labels, each taking the next one left.
    from policylens.report.content import gather_mentions, in_label_order
    from policylens.tagging.labels import LABELS

    _root, out, _ = results
    with Store(out / "policylens.db") as store:
        whole = gather_mentions(store, out)
        taken: set[str] = set()

        def take_every_other(label: str) -> bool:
            if LABELS.index(label) % 2 or label in taken:
                return False
            taken.add(label)
            return True

        first = gather_mentions(store, out, take=take_every_other)
        rest = gather_mentions(store, out, take=lambda label: label not in taken)
    assert [m.label for m in whole] == list(LABELS)
    assert [m.label for m in first] == list(LABELS[0::2])
    assert sum(m.total for m in whole) > 0 and any(m.examples for m in whole)
    assert in_label_order(rest, first) == whole
