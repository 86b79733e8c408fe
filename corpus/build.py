"""Build policylens's sample corpus: corpus/pdfs/*.pdf and corpus/metadata.csv.

    python corpus/build.py [--out corpus] [-q]

Forty-four documents, four a year from 2015 to 2025: a Westminster Hall or Commons debate and a
set of written answers (two-column Hansard pages, corpus/pdfgen.py) and two one-column reports
from NHS England, government, industry bodies or Commons committees. The text comes from
corpus/textbank.py; the subject mix shifts over the years by textbank.THEME_WEIGHTS. All the
people, and the industry bodies, are fictional; so are the documents, figures and quotations.

Everything is seeded (one random.Random per document, from a fixed string), so a rebuild gives
byte-identical PDFs and metadata.csv. PDFs in <out>/pdfs that the build does not write are
removed. Each document's subject (its title) is fixed in SCHEDULE and its date is drawn before
any text, so rewording textbank.py changes what the documents say, not which documents there
are. The build counts the plans and phrasings each year has used (textbank.Usage), so that
later documents prefer others.

For benchmarks, ``hansard_speeches(seed)`` yields an endless, realistic debate::

    build = load_build()  # importlib, as for pdfgen
    build.pdfgen.write_hansard(path, date=..., title=..., sitting="Westminster Hall",
                               items=build.hansard_speeches(0), pages_hint=1000)
"""

import argparse
import csv
import datetime as dt
import importlib.util
import random
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = "policylens-corpus-v1"
PAGE_RANGE = (2, 6)
MAX_ATTEMPTS = 8  # reseeds allowed for a document whose page count falls outside PAGE_RANGE
METADATA_COLUMNS = ("file", "date", "kind", "title")


def _load(name: str):
    """A sibling module loaded by path (the corpus folder is not a package)."""
    key = f"policylens_corpus_{name}"
    if key in sys.modules:
        return sys.modules[key]
    spec = importlib.util.spec_from_file_location(key, HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


pdfgen = _load("pdfgen")
textbank = _load("textbank")

# Per year: the debate's chamber, month and subject, the written answers' month and subject,
# and two reports as (kind, organisation index, month, subject). A subject is a title slug in
# textbank (DEBATE_TITLES, WA_SLUGS, REPORT_TITLES) and decides the theme a document is mainly
# about; the subjects were drawn once by the years' theme weights and are kept here. Months
# avoid recesses and general-election campaigns; 2024 has documents on both sides of the July
# election.
SCHEDULE = {
    2015: ("Westminster Hall", 6, "healthcare-scientists", 11, "cgt-regulation",
           ("government", 0, 3, "workforce-skills"), ("industry", 0, 10, "manufacturing")),
    2016: ("House of Commons", 2, "regenerative-medicine", 10, "cgt-research",
           ("nhs", 0, 5, "access-value"), ("parliamentary", 0, 11, "paying-for-cgt")),
    2017: ("Westminster Hall", 3, "gene-editing", 11, "cgt-research",
           ("industry", 1, 1, "regulation"), ("government", 1, 9, "faster-access")),
    2018: ("House of Commons", 10, "cgt-research", 3, "cgt-costs",
           ("nhs", 0, 6, "paying-for-cgt"), ("government", 0, 11, "access-value")),
    2019: ("Westminster Hall", 7, "nice-appraisals", 2, "cgt-costs",
           ("industry", 2, 4, "paying-for-cgt"), ("nhs", 0, 10, "access-value")),
    2020: ("House of Commons", 2, "sma-gene-therapy", 10, "cgt-costs",
           ("government", 1, 7, "car-t-activity"), ("industry", 0, 12, "car-t-activity")),
    2021: ("Westminster Hall", 11, "rare-diseases", 4, "cgt-costs",
           ("nhs", 0, 3, "car-t-activity"), ("parliamentary", 1, 9, "access-value")),
    2022: ("House of Commons", 6, "advanced-therapies", 12, "nhs-staff",
           ("industry", 1, 2, "workforce-review"), ("government", 0, 10, "staffing")),
    2023: ("Westminster Hall", 1, "affordability", 7, "cgt-regulation",
           ("nhs", 0, 5, "evidence-appraisal"), ("industry", 2, 11, "research")),
    2024: ("House of Commons", 3, "car-t", 11, "nhs-staff",
           ("government", 0, 4, "workforce-skills"), ("nhs", 0, 10, "regulation")),
    2025: ("Westminster Hall", 2, "sickle-cell", 9, "nhs-staff",
           ("industry", 0, 6, "staffing"), ("nhs", 0, 12, "evidence-appraisal")),
}
ORG_SLUGS = {
    "Department of Health": "doh",
    "Department of Health and Social Care": "dhsc",
    "Office for Life Sciences": "ols",
    "NHS England": "nhs-england",
    "Advanced Therapies Industry Association": "atia",
    "British Association of Gene Therapy Developers": "bagtd",
    "UK Cell Therapy Manufacturers' Forum": "uctmf",
    "House of Commons Science and Technology Committee": "st-committee",
    "House of Commons Health Committee": "health-committee",
    "House of Commons Health and Social Care Committee": "hsc-committee",
}
# This body's reports are typeset with fi/fl ligatures, as many real PDFs are.
LIGATURE_ORGANISATIONS = ("UK Cell Therapy Manufacturers' Forum",)
WEEKDAYS = {"debate": (1, 2, 3), "answers": (0, 1, 2, 3, 4), "report": (0, 1, 2, 3, 4)}


@dataclass(frozen=True)
class Built:
    """One written document: its metadata row, page count and the theme of each paragraph."""

    file: str
    date: str
    kind: str
    title: str
    pages: int
    themes: tuple[str, ...]


def _rng(*parts) -> random.Random:
    return random.Random("/".join([SEED, *map(str, parts)]))


def _day(rng: random.Random, year: int, month: int, weekdays: tuple[int, ...]) -> dt.date:
    """A day of the month on one of the weekdays, avoiding the first and last few days."""
    days = [dt.date(year, month, d) for d in range(3, 27)]
    return rng.choice([d for d in days if d.weekday() in weekdays])


def _hyphen_seed(name: str) -> int:
    return zlib.crc32(name.encode("utf-8"))


def _to_pdfgen(item: tuple, module=None):
    """A textbank tuple as a pdfgen Heading or Speech."""
    module = module or pdfgen
    if item[0] == "heading":
        return module.Heading(item[1], item[2])
    return module.Speech(item[1], tuple(item[2]), item[3])


def _ligatures(text: str) -> str:
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02")


def _write_hansard(path: Path, kind: str, year: int, month: int, subject: str,
                   ledger: Counter, usage, chamber: str = "") -> tuple[object, dt.date, int]:
    """Write a debate or written answers, reseeding until the page count is in range."""
    date = None
    for attempt in range(MAX_ATTEMPTS):
        rng = _rng(year, kind, attempt)
        day = _day(rng, year, month, WEEKDAYS["debate" if kind == "debate" else "answers"])
        date = date or day  # a reseed redraws the text, not the date
        if kind == "debate":
            text = textbank.debate(rng, date, chamber, min_words=rng.randint(1800, 4000),
                                   ledger=ledger, usage=usage, subject=subject)
            sitting = chamber
        else:
            text = textbank.written_answers(rng, date, min_words=rng.randint(1700, 3400),
                                            ledger=ledger, usage=usage, subject=subject)
            sitting = "Written Answers"
        items = [_to_pdfgen(i) for i in text.items]
        pages = pdfgen.write_hansard(
            path, date=date, title=text.title, sitting=sitting, items=items,
            first_column=rng.randint(1, 380) if sitting != "House of Commons" else
            rng.randint(20, 1100), seed=_hyphen_seed(path.name))
        if PAGE_RANGE[0] <= pages <= PAGE_RANGE[1]:
            return text, date, pages
    raise RuntimeError(f"{path.name}: no seed gave {PAGE_RANGE[0]}-{PAGE_RANGE[1]} pages")


def _write_report(path_for, kind: str, org_index: int, year: int, month: int, slot: int,
                  subject: str, ledger: Counter, usage) -> tuple[Path, object, dt.date, int]:
    date = None
    for attempt in range(MAX_ATTEMPTS):
        rng = _rng(year, "report", slot, attempt)
        day = _day(rng, year, month, WEEKDAYS["report"])
        date = date or day  # a reseed redraws the text, not the date
        choices = textbank.ORGANISATIONS[kind]
        organisation = textbank.organisation_name(choices[org_index % len(choices)], date)
        text = textbank.report(rng, date, kind, organisation,
                               min_words=rng.randint(1000, 2800), ledger=ledger, usage=usage,
                               subject=subject)
        sections = text.sections
        if organisation in LIGATURE_ORGANISATIONS:
            sections = [(h, tuple(_ligatures(p) for p in ps)) for h, ps in sections]
        path = path_for(f"{date.isoformat()}-{ORG_SLUGS[organisation]}-{text.slug}.pdf")
        pages = pdfgen.write_report(
            path, date=date, title=text.title, organisation=organisation, sections=sections,
            table=text.table, table_caption=text.table_caption, table_after=text.table_after,
            seed=_hyphen_seed(path.name), hyphenate=kind in ("government", "parliamentary"))
        if PAGE_RANGE[0] <= pages <= PAGE_RANGE[1]:
            return path, text, date, pages
        path.unlink()
    raise RuntimeError(f"{year} report {slot}: no seed gave {PAGE_RANGE} pages")


def build(out: Path, log=None) -> list[Built]:
    """Write every PDF into out/pdfs and out/metadata.csv; return what was written."""
    pdf_dir = Path(out) / "pdfs"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    built: list[Built] = []
    usage = textbank.Usage()  # plans and phrasings used: this year and in all
    for year, (chamber, debate_month, debate_subject, answers_month, answers_subject,
               *reports) in SCHEDULE.items():
        sitting = "wh" if chamber == "Westminster Hall" else "commons"
        ledger: Counter = Counter()  # themes of this year's accepted paragraphs
        usage.new_year()
        # the file name holds the date, which a reseed may change: write to a scratch name
        # first, then rename
        scratch = pdf_dir / f".building-{year}-debate.pdf"
        text, date, pages = _write_hansard(scratch, "debate", year, debate_month,
                                           debate_subject, ledger, usage, chamber)
        ledger.update(text.themes)
        usage.add(text.used)
        name = f"{date.isoformat()}-hansard-{sitting}-{text.slug}.pdf"
        built.append(_finish(scratch, pdf_dir / name, date, "parliamentary", text.title, pages,
                             text.themes))
        scratch = pdf_dir / f".building-{year}-answers.pdf"
        text, date, pages = _write_hansard(scratch, "answers", year, answers_month,
                                           answers_subject, ledger, usage)
        ledger.update(text.themes)
        usage.add(text.used)
        name = f"{date.isoformat()}-hansard-wa-{text.slug}.pdf"
        built.append(_finish(scratch, pdf_dir / name, date, "parliamentary", text.title, pages,
                             text.themes))
        for slot, (kind, org_index, month, subject) in enumerate(reports):
            path, text, date, pages = _write_report(lambda n: pdf_dir / n, kind, org_index,
                                                    year, month, slot, subject, ledger, usage)
            ledger.update(text.themes)
            usage.add(text.used)
            built.append(Built(f"pdfs/{path.name}", date.isoformat(), kind, text.title, pages,
                               tuple(text.themes)))
        if log:
            log(f"{year}: {len(built)} documents")
    keep = {b.file.split("/", 1)[1] for b in built}
    for stale in pdf_dir.glob("*.pdf"):
        if stale.name not in keep:
            stale.unlink()
    built.sort(key=lambda b: b.file)
    write_metadata(Path(out) / "metadata.csv", built)
    return built


def _finish(scratch: Path, final: Path, date: dt.date, kind: str, title: str, pages: int,
            themes) -> Built:
    scratch.replace(final)
    return Built(f"pdfs/{final.name}", date.isoformat(), kind, title, pages, tuple(themes))


def write_metadata(path: Path, built: list[Built]) -> None:
    """metadata.csv: file,date,kind,title, one row a PDF, sorted by file."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(METADATA_COLUMNS)
        for b in built:
            writer.writerow([b.file, b.date, b.kind, b.title])


def theme_table(built: list[Built]) -> str:
    """Target and realised theme shares by year, as a text table."""
    themes = textbank.THEMES
    lines = ["year  " + "  ".join(f"{t[:10]:>17}" for t in themes) + "  paragraphs",
             "      " + "  ".join(f"{'target / built':>17}" for _ in themes)]
    for year in textbank.YEARS:
        counts = Counter(t for b in built if b.date.startswith(str(year)) for t in b.themes)
        total = sum(counts.values()) or 1
        cells = [f"{w:>8.0%} / {counts[t] / total:>5.0%}"
                 for t, w in zip(themes, textbank.THEME_WEIGHTS[year])]
        lines.append(f"{year}  " + "  ".join(f"{c:>17}" for c in cells) + f"  {total:>10}")
    return "\n".join(lines)


def write_extra_debates(folder: Path, n: int, seed: str = "extra") -> list[Path]:
    """Write ``n`` more debates in the corpus's style into ``folder``, for tests and measures
    that add documents to the bundled corpus (e.g. 4 or 5 for 10% more). They are spread over
    the corpus's years, on subjects drawn as the corpus's are, and seeded by ``seed``, so the
    same arguments give the same PDFs; none of them is one of the corpus's own documents."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    years = textbank.YEARS
    paths = []
    for i in range(n):
        rng = random.Random("/".join([SEED, seed, str(i)]))
        year = years[(i * len(years)) // n + rng.randrange(max(1, len(years) // n))]
        date = _day(rng, year, rng.choice((2, 3, 5, 6, 10, 11)), WEEKDAYS["debate"])
        chamber = ("Westminster Hall", "House of Commons")[i % 2]
        text = textbank.debate(rng, date, chamber, min_words=rng.randint(1800, 4000))
        path = folder / f"{date.isoformat()}-hansard-{seed}-{i}-{text.slug}.pdf"
        pdfgen.write_hansard(path, date=date, title=text.title, sitting=chamber,
                             items=[_to_pdfgen(item) for item in text.items],
                             first_column=rng.randint(1, 380), seed=_hyphen_seed(path.name))
        paths.append(path)
    return paths


def hansard_speeches(seed: int | str = 0, *, module=None) -> Iterator:
    """Endless Heading/Speech items of realistic debates, for benchmarks.

    Pass them to ``pdfgen.write_hansard(..., items=hansard_speeches(seed), pages_hint=N)``
    for an N-page debate. The items are instances of this module's ``pdfgen``; give
    ``module=`` your own loaded pdfgen module if you call its writer instead. The same seed
    gives the same items.
    """
    for item in textbank.debate_stream(random.Random(seed)):
        yield _to_pdfgen(item, module)


def main(argv: list[str] | None = None) -> int:
    """Command line: rebuild the corpus and print a summary to stderr."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE,
                        help="corpus folder to write pdfs/ and metadata.csv into")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    log = None if args.quiet else (lambda m: print(m, file=sys.stderr))
    start = time.perf_counter()
    built = build(args.out, log)
    seconds = time.perf_counter() - start
    if log:
        size = sum((args.out / b.file).stat().st_size for b in built)
        log(f"wrote {len(built)} PDFs ({sum(b.pages for b in built)} pages, "
            f"{size / 1e6:.1f} MB) and metadata.csv to {args.out} in {seconds:.1f} s")
        log(theme_table(built))
    return 0


if __name__ == "__main__":
    sys.exit(main())
