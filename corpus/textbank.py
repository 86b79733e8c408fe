"""Text for the sample corpus: themed paragraph plans, fictional Members, and generators.

Everything here was written for policylens. The Members, constituents, ministers and most
organisations are fictional; the therapies, prices and regulators are those of the public UK
debate on cell and gene therapies, 2015-2025, given as a reader of that debate would meet them.
Documents are fiction in the style of Hansard and of policy reports, not records of real ones.

The module depends on the standard library only and returns plain data: ``("heading", text,
level)`` and ``("speech", speaker, paragraphs, uin)`` tuples for Hansard, ``(heading,
paragraphs)`` pairs and a table for reports. corpus/build.py turns them into PDFs.

Each paragraph is drawn from one of five themes by the year's weights (THEME_WEIGHTS), with a
random.Random that the caller seeds, so the subject mix of the corpus shifts over the years in a
known way: research and manufacturing first, then cost and access, then regulation and the
workforce, with plain NHS paragraphs on other subjects throughout.

A paragraph is composed from a plan: a few sentence slots, each with alternative phrasings
that have choices inside them, some slots optional, one perhaps taken from a pool of sentences
the theme's plans share (see Plan and "choices and slot filling"). Plans and phrasings used
least in the document, the year and the corpus are preferred, so that real debate's variety,
rather than one paragraph repeated word for word, is what a topic model finds.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import itertools
import random
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

PARTIES = ("Con", "Lab", "LD", "SNP", "DUP", "PC", "Green", "Ind")
THEMES = ("research", "cost", "regulation", "workforce", "other_nhs")
THEME_NAMES = {
    "research": "research and manufacturing",
    "cost": "cost and access",
    "regulation": "regulation",
    "workforce": "NHS workforce",
    "other_nhs": "other NHS subjects",
}
YEARS = tuple(range(2015, 2026))

# Target share of paragraphs per theme, by year (research, cost, regulation, workforce, other).
# Research leads 2015-2017, cost and access 2018-2021, regulation and workforce 2022-2025; the
# other-NHS share stays near a fifth (documents open on a therapy theme, so fewer are
# written). Each row sums to 1.
THEME_WEIGHTS = {
    2015: (0.45, 0.14, 0.13, 0.08, 0.20),
    2016: (0.44, 0.17, 0.12, 0.08, 0.19),
    2017: (0.40, 0.23, 0.11, 0.08, 0.18),
    2018: (0.27, 0.38, 0.11, 0.06, 0.18),
    2019: (0.19, 0.45, 0.12, 0.06, 0.18),
    2020: (0.16, 0.45, 0.12, 0.07, 0.20),
    2021: (0.14, 0.42, 0.16, 0.10, 0.18),
    2022: (0.12, 0.26, 0.24, 0.20, 0.18),
    2023: (0.10, 0.17, 0.28, 0.27, 0.18),
    2024: (0.09, 0.14, 0.29, 0.30, 0.18),
    2025: (0.09, 0.13, 0.29, 0.31, 0.18),
}

PARAGRAPH_WORDS = (50, 150)  # every themed paragraph, once filled, is this long


# ---------------------------------------------------------------------------------------------
# people, places, products


@dataclass(frozen=True)
class Member:
    """A fictional Member of Parliament, sitting from one year to another."""

    title: str
    first: str
    last: str
    seat: str
    party: str
    start: dt.date
    end: dt.date
    female: bool
    town: str  # where constituents live, for "in {town}"

    @property
    def label(self) -> str:
        """Speaker label for a Member's first turn in a debate."""
        return f"{self.title} {self.first} {self.last} ({self.seat}) ({self.party}):"

    @property
    def short_label(self) -> str:
        """Speaker label for later turns, as Hansard prints it."""
        if self.title in ("Sir", "Dame"):
            return f"{self.title} {self.first} {self.last}:"
        return f"{self.title} {self.last}:"

    @property
    def hon(self) -> str:
        return "the hon. Lady" if self.female else "the hon. Gentleman"

    def sitting(self, date: dt.date) -> bool:
        return self.start <= date <= self.end


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


_GE2015, _GE2017, _GE2019, _GE2024, _END = (_d("2015-05-07"), _d("2017-06-08"),
                                            _d("2019-12-12"), _d("2024-07-04"), _d("2025-12-31"))
_START = _d("2010-05-06")


def _m(title, first, last, seat, party, start, end, female, town) -> Member:
    return Member(title, first, last, seat, party, start, end, female, town)


MEMBERS = (
    _m("Mr", "Alan", "Whitby", "Carlisle North", "Lab", _START, _END, False, "Carlisle"),
    _m("Dr", "Priya", "Nair", "Bath", "LD", _START, _END, True, "Bath"),
    _m("Sir", "Hugh", "Tremayne", "Truro and Fal", "Con", _START, _END, False, "Truro"),
    _m("Mrs", "Gillian", "Marchbank", "Ribble Valley East", "Con", _START, _GE2024, True,
       "Clitheroe"),
    _m("Mr", "Oliver", "Stanbridge", "Harrow Weald", "Con", _START, _GE2024, False, "Harrow"),
    _m("Ms", "Caroline", "Fettes", "Kendal and Lakes", "Con", _GE2017, _GE2024, True, "Kendal"),
    _m("Mr", "Rajesh", "Varma", "Wolverhampton Tettenhall", "Con", _GE2019, _END, False,
       "Tettenhall"),
    _m("Dr", "Simon", "Arkwright", "South Downs", "Con", _START, _GE2019, False, "Petersfield"),
    _m("Mr", "Duncan", "Fairweather", "Berwickshire Coast", "Con", _GE2017, _GE2024, False,
       "Eyemouth"),
    _m("Mrs", "Yvonne", "Castell", "Tynemouth West", "Lab", _START, _END, True, "North Shields"),
    _m("Ms", "Amara", "Osei", "Bristol Avonside", "Lab", _GE2017, _END, True, "Bristol"),
    _m("Mr", "Liam", "Brennock", "Cardiff Ely", "Lab", _START, _END, False, "Cardiff"),
    _m("Dr", "Hannah", "Roskill", "Norwich Riverside", "Lab", _GE2024, _END, True, "Norwich"),
    _m("Mr", "Tom", "Ellacott", "Crawley Downs", "Lab", _GE2024, _END, False, "Crawley"),
    _m("Ms", "Sunita", "Kapoor", "Harrow Weald", "Lab", _GE2024, _END, True, "Harrow"),
    _m("Mr", "Fergus", "Lomond", "Argyll West", "LD", _START, _GE2017, False, "Oban"),
    _m("Mrs", "Claire", "Penhallow", "St Austell Bay", "LD", _GE2019, _END, True, "St Austell"),
    _m("Mr", "Callum", "Baird", "Dunfermline South", "SNP", _GE2015, _END, False, "Dunfermline"),
    _m("Ms", "Eilidh", "Strachan", "Aberdeen Central", "SNP", _GE2015, _GE2024, True,
       "Aberdeen"),
    _m("Mr", "Samuel", "Gilmour", "Strangford North", "DUP", _START, _END, False, "Newtownards"),
    _m("Mrs", "Heather", "Lowry", "Belfast Lagan", "DUP", _GE2017, _END, True, "Belfast"),
    _m("Mr", "Dafydd", "Prydderch", "Ceredigion Teifi", "PC", _START, _END, False, "Cardigan"),
    _m("Ms", "Rowan", "Ashdown", "Brighton Downs", "Green", _START, _END, True, "Brighton"),
    _m("Mr", "Peter", "Garside", "Ashfield Moor", "Ind", _GE2019, _END, False, "Kirkby"),
    _m("Mr", "Neil", "Haworth", "Calder Vale", "Lab", _START, _END, False, "Todmorden"),
    _m("Mrs", "Joyce", "Pennant", "Wrexham Maelor", "Con", _GE2019, _GE2024, True, "Wrexham"),
)

# Front-bench spokespeople, by the government of the day (Con until July 2024, Lab after).
SPOKESPEOPLE = {
    "Con": (
        _m("Ms", "Joanna", "Pryce", "Stockport East", "Lab", _START, _GE2019, True, "Stockport"),
        _m("Mr", "Daniel", "Okonjo", "Leeds Kirkstall", "Lab", _GE2019, _END, False, "Leeds"),
        _m("Dr", "Morag", "Kinnaird", "Glasgow Clydeside", "SNP", _GE2015, _GE2024, True,
           "Glasgow"),
    ),
    "Lab": (
        _m("Dr", "Rupert", "Ashcombe", "Mid Wessex", "Con", _START, _END, False, "Warminster"),
        _m("Mrs", "Claire", "Penhallow", "St Austell Bay", "LD", _GE2019, _END, True,
           "St Austell"),
    ),
}


@dataclass(frozen=True)
class Era:
    """Who answers for health: the government party, its health minister and department."""

    start: dt.date
    party: str
    minister_role: str
    minister: str
    minister_female: bool
    sos_female: bool


ERAS = (
    Era(_d("2010-05-11"), "Con", "The Parliamentary Under-Secretary of State for Life Sciences",
        "Mr Giles Pembury", False, False),
    Era(_d("2016-07-14"), "Con", "The Minister for Health", "Mr Stephen Dunmore", False, False),
    Era(_d("2019-07-25"), "Con", "The Minister for Health", "Helen Carver", True, False),
    Era(_d("2022-09-07"), "Con", "The Minister of State for Health", "Martin Ellery", False,
        True),
    Era(_d("2024-07-06"), "Lab", "The Minister for Secondary Care", "Fiona Haldane", True,
        False),
)

CHAIRS_WH = (("Sir Edward Lyle", "Sir Edward"), ("Mrs Margaret Thorne", "Mrs Thorne"),
             ("Dr Ian Beckwith", "Dr Beckwith"))
CHAIRS_COMMONS = (("Mr Speaker", "Mr Speaker"),
                  ("Madam Deputy Speaker (Dame Judith Penrose)", "Madam Deputy Speaker"),
                  ("Mr Deputy Speaker (Mr Colin Ashby)", "Mr Deputy Speaker"))


def era_for(date: dt.date) -> Era:
    """The government of the day on a date."""
    return [e for e in ERAS if e.start <= date][-1]


def department(date: dt.date) -> str:
    """The health department's name on a date (it gained social care in January 2018)."""
    return "Department of Health" if date < _d("2018-01-09") else \
        "Department of Health and Social Care"


def secretary_of_state(date: dt.date) -> str:
    return "Secretary of State for Health" if date < _d("2018-01-09") else \
        "Secretary of State for Health and Social Care"


@dataclass(frozen=True)
class Product:
    """A licensed advanced therapy as the debate names it."""

    brand: str
    inn: str
    kind: str  # "car-t" or "gene"
    modality: str
    condition: str
    price: str
    since: int  # first year the UK debate names it
    licensed: int  # year of the first European or British marketing authorisation
    nice_year: int | None  # year of the first NICE recommendation
    route: str
    until: int = 2025


PRODUCTS = (
    Product("Glybera", "alipogene tiparvovec", "gene", "gene therapy",
            "lipoprotein lipase deficiency", "about £900,000", since=2015, licensed=2012,
            nice_year=None, route="none", until=2017),
    Product("Strimvelis", "autologous CD34+ cells transduced with the ADA gene", "gene",
            "gene therapy", "ADA severe combined immunodeficiency", "£505,000", since=2016,
            licensed=2016, nice_year=2018, route="the Highly Specialised Technologies programme"),
    Product("Kymriah", "tisagenlecleucel", "car-t", "CAR-T cell therapy",
            "relapsed B-cell acute lymphoblastic leukaemia", "£282,000", since=2018,
            licensed=2018, nice_year=2018, route="the Cancer Drugs Fund"),
    Product("Yescarta", "axicabtagene ciloleucel", "car-t", "CAR-T cell therapy",
            "diffuse large B-cell lymphoma", "£280,451", since=2018, licensed=2018,
            nice_year=2019, route="the Cancer Drugs Fund"),
    Product("Luxturna", "voretigene neparvovec", "gene", "gene therapy",
            "inherited retinal dystrophy caused by RPE65 mutations", "£613,410", since=2018,
            licensed=2018, nice_year=2019, route="the Highly Specialised Technologies programme"),
    Product("Zolgensma", "onasemnogene abeparvovec", "gene", "gene therapy",
            "spinal muscular atrophy", "£1.79 million", since=2019, licensed=2020,
            nice_year=2021, route="a managed access agreement"),
    Product("Tecartus", "brexucabtagene autoleucel", "car-t", "CAR-T cell therapy",
            "relapsed mantle cell lymphoma", "£316,118", since=2021, licensed=2020,
            nice_year=2021, route="the Cancer Drugs Fund"),
    Product("Libmeldy", "atidarsagene autotemcel", "gene", "gene therapy",
            "metachromatic leukodystrophy", "£2.875 million", since=2021, licensed=2020,
            nice_year=2022, route="the Highly Specialised Technologies programme"),
    Product("Casgevy", "exagamglogene autotemcel", "gene", "gene-edited cell therapy",
            "severe sickle cell disease and transfusion-dependent beta thalassaemia",
            "£1.65 million", since=2023, licensed=2023, nice_year=2024,
            route="a managed access agreement"),
    Product("Hemgenix", "etranacogene dezaparvovec", "gene", "gene therapy",
            "severe haemophilia B", "£2.6 million", since=2023, licensed=2023, nice_year=2024,
            route="a managed access agreement"),
)
_BY_BRAND = {p.brand.lower(): p for p in PRODUCTS}

CITIES = ("Manchester", "Birmingham", "Leeds", "Newcastle", "Glasgow", "Cardiff", "Bristol",
          "Cambridge", "Oxford", "Edinburgh", "Sheffield", "Nottingham", "Southampton",
          "Liverpool", "Belfast", "Leicester", "Plymouth", "Aberdeen", "Stevenage", "Dundee",
          "Exeter", "Norwich", "Hull", "Coventry", "Swansea", "Inverness", "Preston", "York",
          "Brighton", "Middlesbrough", "Derby", "Stoke-on-Trent", "Bradford", "Reading")
REGIONS = ("the north-east", "the south-west", "Cumbria", "the east midlands", "Wales",
           "Northern Ireland", "the Highlands", "East Anglia", "the north-west", "Yorkshire",
           "the west midlands", "Lincolnshire", "Cornwall", "the Scottish Borders", "Teesside",
           "Merseyside", "Kent", "Devon", "the Thames valley", "the Humber", "north Wales",
           "the Fens", "Dumfries and Galloway", "west Yorkshire", "the Black Country")
TOWNS = ("Barrow", "Hexham", "Grantham", "Bridgwater", "Rhyl", "Skegness", "Penrith", "Thetford",
         "Whitby", "Bideford", "Dumfries", "Newry", "Ludlow", "Scunthorpe", "Bodmin", "Wisbech",
         "Hartlepool", "Llandudno", "Kidderminster", "Boston", "Workington", "Fort William",
         "Minehead", "Bishop Auckland", "Enniskillen", "Oswestry", "Mansfield", "Margate")
HOSPITAL_FORMS = ("{} Royal Infirmary", "the {} children's hospital", "{} General Hospital",
                  "the Queen Elizabeth Hospital in {}", "St Bride's Hospital in {}",
                  "the teaching hospital in {}", "the university hospital in {}",
                  "St Aidan's Hospital in {}", "the Royal Victoria Hospital in {}",
                  "the cancer centre in {}", "the {} haematology centre")
TRUST_FORMS = ("the {} teaching hospitals trust", "the acute trust in {}",
               "the {} university hospitals trust", "the foundation trust in {}",
               "the {} and district hospitals trust")
CONDITIONS = ("spinal muscular atrophy", "sickle cell disease", "beta thalassaemia",
              "haemophilia", "inherited retinal disease", "Duchenne muscular dystrophy",
              "metachromatic leukodystrophy", "severe combined immunodeficiency",
              "cystic fibrosis", "Huntington's disease", "adrenoleukodystrophy",
              "Wiskott-Aldrich syndrome", "Batten disease", "Pompe disease", "Fabry disease",
              "haemophilia A", "X-linked retinitis pigmentosa", "mucopolysaccharidosis")
COMMON_CONDITIONS = ("haemophilia", "sickle cell disease", "Parkinson's disease",
                     "heart failure", "age-related macular degeneration", "type 1 diabetes",
                     "multiple myeloma", "osteoarthritis of the knee")
COUNTRIES = ("Germany", "France", "Ireland", "the Netherlands", "Spain", "Canada", "Singapore",
             "Denmark", "South Korea", "Belgium", "Switzerland", "Sweden", "Japan", "Australia",
             "Italy", "Israel")
FAMILIES = ("the Delaney family", "the Okafor family", "the Hussain family",
            "the MacLeod family", "the Pritchard family", "the Kowalski family",
            "the Osborne family", "the Achebe family", "the Lindqvist family",
            "the Mensah family", "the Treharne family", "the Barclay family", "the Ahmed family",
            "the Quigley family", "the Nowak family", "the Fairbairn family")
INDUSTRY_BODIES = ("the Advanced Therapies Industry Association",
                   "the British Association of Gene Therapy Developers",
                   "the UK Cell Therapy Manufacturers' Forum")
CHARITIES = ("a national blood cancer charity", "a patients' charity", "a children's charity",
             "a leading rare disease charity", "a lymphoma charity",
             "a charity for people with sickle cell disease", "a muscular dystrophy charity")
WORD_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve")
ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth")

# Year series (anchor years, linearly interpolated) behind numbers the templates quote.
SERIES = {
    "trials": {2010: 35, 2015: 60, 2018: 85, 2020: 140, 2023: 180, 2025: 190},
    "jobs": {2010: 900, 2015: 1500, 2017: 2500, 2019: 3600, 2021: 5200, 2023: 6500,
             2025: 7200},
    "raised_m": {2010: 60, 2015: 220, 2017: 500, 2018: 1100, 2020: 1800, 2021: 2600,
                 2022: 1200, 2023: 900, 2025: 1000},
    "cart_patients": {2017: 0, 2018: 30, 2019: 180, 2020: 320, 2021: 480, 2022: 620,
                      2023: 760, 2024: 880, 2025: 980},
    "cart_centres": {2017: 0, 2018: 3, 2019: 9, 2020: 12, 2021: 14, 2022: 16, 2023: 18,
                     2024: 20, 2025: 21},
    "ae_pct": {2014: 93.6, 2015: 91.9, 2016: 89.1, 2017: 88.4, 2018: 88.0, 2019: 84.6,
               2020: 85.0, 2021: 77.0, 2022: 71.0, 2023: 71.5, 2024: 73.5, 2025: 75.0},
    "cat2": {2017: 22, 2018: 23, 2019: 25, 2020: 24, 2021: 40, 2022: 48, 2023: 37, 2024: 33,
             2025: 31},
    "rtt_m": {2014: 3.1, 2015: 3.5, 2016: 3.7, 2017: 3.9, 2018: 4.2, 2019: 4.4, 2020: 4.6,
              2021: 6.0, 2022: 7.2, 2023: 7.6, 2024: 7.5, 2025: 7.4},
    "delayed": {2014: 5000, 2016: 6500, 2018: 5500, 2019: 4800, 2021: 11000, 2022: 13000,
                2024: 12500, 2025: 12000},
    "backlog_bn": {2014: 4.3, 2016: 5.0, 2018: 6.0, 2020: 9.0, 2022: 10.2, 2023: 11.6,
                   2024: 13.8, 2025: 14.5},
    "nurse_vac": {2014: 20000, 2015: 24000, 2016: 30000, 2017: 36000, 2018: 41000,
                  2019: 44000, 2020: 38000, 2021: 39000, 2022: 47000, 2023: 43000,
                  2024: 28000, 2025: 26000},
    "vac_rate": {2014: 6.5, 2016: 7.5, 2018: 8.1, 2019: 8.0, 2020: 7.0, 2021: 7.9, 2022: 9.7,
                 2023: 8.4, 2024: 7.3, 2025: 6.9},
    "agency_bn": {2014: 3.3, 2015: 3.6, 2016: 3.0, 2017: 2.4, 2020: 2.4, 2021: 2.6, 2022: 3.0,
                  2023: 3.5, 2024: 3.0, 2025: 2.5},
    "drug_bn": {2014: 14.4, 2015: 15.2, 2017: 17.4, 2019: 19.0, 2021: 20.5, 2023: 21.4,
                2025: 22.6},
    "guidance": {2015: 1, 2017: 3, 2019: 8, 2021: 14, 2023: 22, 2025: 28},
    "trial_days": {2015: 90, 2018: 75, 2020: 60, 2022: 70, 2023: 55, 2025: 40},
    "atmp_spend_m": {2017: 5, 2018: 20, 2019: 70, 2020: 115, 2021: 170, 2022: 230, 2023: 300,
                     2024: 380, 2025: 450},
}


def series(name: str, year: float) -> float:
    """A SERIES value for a year, interpolated between anchors and held flat beyond them."""
    anchors = SERIES[name]
    years = sorted(anchors)
    if year <= years[0]:
        return float(anchors[years[0]])
    if year >= years[-1]:
        return float(anchors[years[-1]])
    for a, b in itertools.pairwise(years):
        if a <= year <= b:
            return anchors[a] + (anchors[b] - anchors[a]) * (year - a) / (b - a)
    raise AssertionError(year)


def money_m(value: float) -> str:
    """£ from millions: "£45 million", "£1.2 billion"."""
    if value >= 1000:
        return f"£{value / 1000:.1f} billion".replace(".0 billion", " billion")
    if value >= 10:
        return f"£{round(value)} million"
    return f"£{value:.1f} million".replace(".0 million", " million")


def thousands(n: float) -> str:
    """A count with thousands separators, rounded to a sensible precision."""
    n = round(n)
    if n >= 10000:
        n = int(round(n, -3))
    elif n >= 1000:
        n = int(round(n, -2))
    return f"{n:,}"

# ---------------------------------------------------------------------------------------------
# choices and slot filling
#
# Bank text is written with choices: "[a|b|c]" picks one of a, b or c (choices nest, and an
# empty option, as in "[, in fact|]", makes a phrase optional); a "|" outside brackets separates
# whole alternative sentences. Choices labelled alike, "[@n the figure|the numbers] [@n is|are]",
# take the same option, so that a subject and its verb agree. "{city}" is a slot drawn once per
# paragraph (SLOTS); "{from2021}" and "{to2019}" make the option they stand in fit only from, or
# up to, that year.


@dataclass(frozen=True)
class _Linked:
    """A labelled choice: every choice with its label in one text takes the same option."""

    label: str
    options: tuple


_LINK = re.compile(r"@(\w+) ")


@functools.cache
def choices(text: str) -> tuple:
    """The choice tree of a text: a tuple of options, each a tuple of strings and subtrees."""
    tree, end = _parse_options(text, 0)
    if end != len(text):
        raise ValueError(f"unmatched ']' in {text!r}")
    sizes: dict[str, set[int]] = {}
    _link_sizes(tree, sizes)
    if any(len(n) > 1 for n in sizes.values()):
        raise ValueError(f"linked choices with different numbers of options in {text!r}")
    return tree


def _link_sizes(tree: tuple, sizes: dict[str, set[int]]) -> None:
    for option in tree:
        for part in option:
            if isinstance(part, _Linked):
                sizes.setdefault(part.label, set()).add(len(part.options))
                _link_sizes(part.options, sizes)
            elif isinstance(part, tuple):
                _link_sizes(part, sizes)


def _parse_options(text: str, i: int) -> tuple[tuple, int]:
    """Options from text[i:] up to an unmatched "]" (or the end), and where they stopped."""
    options: list[tuple] = []
    parts: list = []
    start = i
    while i < len(text):
        c = text[i]
        if c not in "[]|":
            i += 1
            continue
        if i > start:
            parts.append(text[start:i])
        if c == "]":
            break
        if c == "|":
            options.append(tuple(parts))
            parts = []
            i += 1
        else:
            sub, i = _parse_options(text, i + 1)
            if i >= len(text):
                raise ValueError(f"unclosed '[' in {text!r}")
            first = sub[0][0] if sub[0] and isinstance(sub[0][0], str) else ""
            link = _LINK.match(first)
            if link:
                sub = ((first[link.end():], *sub[0][1:]), *sub[1:])
                parts.append(_Linked(link[1], sub))
            else:
                parts.append(sub)
            i += 1
        start = i
    else:
        if i > start:
            parts.append(text[start:i])
    options.append(tuple(parts))
    return tuple(options), i


def expand(tree: tuple, rng: random.Random, links: dict[str, int] | None = None) -> str:
    """One text from a choice tree, every choice drawn with rng (linked ones once)."""
    links = {} if links is None else links
    option = tree[0] if len(tree) == 1 else rng.choice(tree)
    out = []
    for part in option:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, _Linked):
            if part.label not in links:
                links[part.label] = rng.randrange(len(part.options))
            out.append(expand((part.options[links[part.label]],), rng, links))
        else:
            out.append(expand(part, rng, links))
    return "".join(out)


_SPACE_BEFORE = re.compile(r"\s+([,.;:?!])")


def tidy(text: str, capital: bool = True) -> str:
    """Single spaces, no space before punctuation and, for a sentence, a capital first letter."""
    text = _SPACE_BEFORE.sub(r"\1", " ".join(text.split())).replace(",.", ".")
    return text[:1].upper() + text[1:] if capital else text


@dataclass(frozen=True)
class Template:
    """A short text (intervention, question) with {slots} and choices, and the years it fits."""

    text: str
    register: str = "any"  # any | speech | report | gov
    since: int = 2015
    until: int = 2025


def T(text: str, register: str = "any", since: int = 2015, until: int = 2025) -> Template:
    text = " ".join(text.split())
    choices(text)  # a malformed choice fails at import, not halfway through a build
    return Template(text, register, since, until)


@dataclass(frozen=True)
class Plan:
    """A paragraph plan: its sentence slots, the voice it suits and the years it fits.

    Each slot is (kind, text): "+" is always written, "?" sometimes, and "*" stands for one
    sentence from the theme's SHARED pool. The text holds the slot's alternative sentences.
    """

    slots: tuple[tuple[str, str], ...]
    register: str = "any"  # any | speech | report | gov
    since: int = 2015
    until: int = 2025
    key: str = ""  # "theme/index", given when the banks are collected in PARAGRAPHS


_SLOT_MARK = re.compile(r"^\s*([+?*])(?=\s|$)", re.MULTILINE)


def P(text: str, register: str = "any", since: int = 2015, until: int = 2025) -> Plan:
    """A Plan from its slots written one per line group, each after a "+", "?" or "*" mark."""
    pieces = _SLOT_MARK.split(text)
    if pieces[0].strip():
        raise ValueError(f"plan text before the first slot mark: {pieces[0]!r}")
    slots = tuple((kind, " ".join(body.split())) for kind, body in zip(pieces[1::2],
                                                                       pieces[2::2]))
    for _, body in slots:
        choices(body)
    return Plan(slots, register, since, until)


def S(text: str) -> tuple[str, ...]:
    """A pool of sentences written as the slots of a plan ("+" lines)."""
    return tuple(body for _, body in P(text).slots)


def _keyed(theme: str, bank: Sequence[Plan]) -> tuple[Plan, ...]:
    return tuple(dataclasses.replace(plan, key=f"{theme}/{i}") for i, plan in enumerate(bank))


class Unavailable(Exception):
    """A slot has no value in this year (a product not yet launched): try another option."""


@dataclass
class Context:
    """What a template may refer to: the date, the speaker, who else is in the debate."""

    rng: random.Random
    date: dt.date
    speaker: Member | None = None
    others: Sequence[Member] = ()
    chair: str = ""  # how the chair is addressed: "Sir Edward", "Madam Deputy Speaker"
    minister_female: bool = False
    used: dict = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def era(self) -> Era:
        return era_for(self.date)


_YEAR_GATE = re.compile(r"(from|to)(\d{4})")


class _Slots(dict):
    """format_map mapping that draws each slot once per paragraph ({city} and {city2} differ)."""

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx

    def __missing__(self, key: str):
        gate = _YEAR_GATE.fullmatch(key)
        if gate:
            bound = int(gate[2])
            if (self.ctx.year < bound) if gate[1] == "from" else (self.ctx.year > bound):
                raise Unavailable
            return ""
        if key[:1].isupper():
            value = self[key[0].lower() + key[1:]]
            value = value[:1].upper() + value[1:]
        else:
            base = key.rstrip("0123456789")
            maker = SLOTS.get(base)
            if maker is None:
                raise KeyError(key)
            taken = {v for k, v in self.items() if k.rstrip("0123456789") == base}
            value = None
            for _ in range(12):
                value = maker(self.ctx)
                if value not in taken:
                    break
        self[key] = value
        return value

def _product(ctx: Context, test) -> Product:
    pool = [p for p in PRODUCTS if p.since <= ctx.year <= p.until and test(p)]
    if not pool:
        raise Unavailable
    return ctx.rng.choice(pool)


def _named(brand: str):
    def make(ctx: Context) -> Product:
        p = _BY_BRAND[brand]
        if not p.since <= ctx.year <= p.until:
            raise Unavailable
        return p
    return make


def _pick(pool):
    return lambda ctx: ctx.rng.choice(pool)


def _pct(lo: int, hi: int):
    return lambda ctx: f"{ctx.rng.randint(lo, hi)} per cent"


def _rounded(lo: int, hi: int, step: int):
    return lambda ctx: thousands(ctx.rng.randrange(lo, hi + 1, step))


def _series_text(name: str, fmt, lag: int = 1, noise: float = 0.04):
    def make(ctx: Context) -> str:
        value = series(name, ctx.year - lag) * (1 + ctx.rng.uniform(-noise, noise))
        return fmt(value)
    return make


def _town(ctx: Context) -> str:
    if ctx.speaker is not None and ctx.rng.random() < 0.7:
        return ctx.speaker.town
    return ctx.rng.choice(TOWNS)


def _colleague(ctx: Context) -> str:
    """An earlier speaker's seat; the opener (named in every congratulation) only if alone."""
    others = [m for m in ctx.others if m is not ctx.speaker]
    if len(others) > 1:
        others = others[1:]
    if not others:
        raise Unavailable
    return ctx.rng.choice(others).seat


def _addr(ctx: Context) -> str:
    """How an intervening Member addresses the Member speaking."""
    target = ctx.used.get("addressee")
    if target is None:
        return "the Minister"
    if ctx.speaker is not None and target.party == ctx.speaker.party:
        return "my hon. Friend"
    return target.hon


def _pron(female: bool, poss: bool = False) -> str:
    return ("her" if poss else "she") if female else ("his" if poss else "he")


SLOTS = {
    # products
    "p": lambda ctx: _product(ctx, lambda p: p.nice_year is not None),
    "approved": lambda ctx: _product(ctx, lambda p: p.nice_year and p.nice_year <= ctx.year),
    "cart": lambda ctx: _product(ctx, lambda p: p.kind == "car-t"),
    "gt": lambda ctx: _product(ctx, lambda p: p.kind == "gene" and p.nice_year),
    "early": lambda ctx: _product(ctx, lambda p: p.since <= 2016),
    **{name: _named(name) for name in _BY_BRAND},
    # places and people
    "city": _pick(CITIES),
    "region": _pick(REGIONS),
    "town": _town,
    "hospital": lambda ctx: ctx.rng.choice(HOSPITAL_FORMS).format(ctx.rng.choice(CITIES)),
    "condition": _pick(CONDITIONS),
    "common_condition": _pick(COMMON_CONDITIONS),
    "country": _pick(COUNTRIES),
    "trust": lambda ctx: ctx.rng.choice(TRUST_FORMS).format(ctx.rng.choice(CITIES)),
    "industry_body": _pick(INDUSTRY_BODIES),
    "charity": _pick(CHARITIES),
    "family": _pick(FAMILIES),
    "colleague_seat": _colleague,
    "addr": _addr,
    "chair": lambda ctx: ctx.chair or "Madam Deputy Speaker",
    "pron": lambda ctx: _pron(ctx.era.sos_female),
    "poss": lambda ctx: _pron(ctx.era.sos_female, True),
    "min_pron": lambda ctx: _pron(ctx.minister_female),
    "min_poss": lambda ctx: _pron(ctx.minister_female, True),
    "dept": lambda ctx: "the " + department(ctx.date),
    "nihr": lambda ctx: "National Institute for Health Research" if ctx.year < 2022 else
    "National Institute for Health and Care Research",
    # years
    "year": lambda ctx: str(ctx.year),
    "last_year": lambda ctx: str(ctx.year - 1),
    "past_year": lambda ctx: str(ctx.year - ctx.rng.randint(4, 8)),
    "later_year": lambda ctx: str(ctx.year + ctx.rng.randint(3, 6)),
    "ordinal": lambda ctx: ctx.rng.choice(ORDINALS[1:]),
    # plain numbers
    "pct": _pct(12, 38),
    "pct_small": _pct(4, 11),
    "pct_hi": _pct(55, 85),
    "months": lambda ctx: WORD_NUMBERS[ctx.rng.randint(4, 12)],
    "weeks": lambda ctx: WORD_NUMBERS[ctx.rng.randint(3, 10)],
    "hours": lambda ctx: WORD_NUMBERS[ctx.rng.randint(4, 11)],
    "small": lambda ctx: WORD_NUMBERS[ctx.rng.randint(2, 5)],
    "miles": lambda ctx: str(ctx.rng.randrange(120, 361, 10)),
    "n_site_jobs": _rounded(120, 600, 20),
    "n_trainees": _rounded(600, 3000, 100),
    "n_beds": lambda ctx: str(ctx.rng.randrange(40, 141, 5)),
    "n_new": lambda ctx: str(ctx.rng.randint(10, 25)),
    "n_centres_survey": lambda ctx: str(ctx.rng.randint(12, 24)),
    "money": lambda ctx: money_m(ctx.rng.choice((12, 20, 25, 38, 40, 55, 60, 75, 90, 120,
                                                 146, 180, 250))),
    "money_k": lambda ctx: f"£{ctx.rng.randrange(200, 2100, 50):,},000".replace(",000,000",
                                                                               " million"),
    "batch_cost": _pick(("£400,000", "£650,000", "more than £1 million", "£800,000")),
    "price_big": _pick(("£1 million", "£1.5 million", "£2 million", "£1.8 million")),
    "cart_total": _pick(("£350,000", "£400,000", "£420,000", "£380,000")),
    "spend_future": _pick(("£1 billion", "£1.5 billion", "£2 billion", "£800 million")),
    # year series
    "n_trials": _series_text("trials", lambda v: str(round(v)), lag=0),
    "n_jobs": _series_text("jobs", thousands, lag=0),
    "raised": _series_text("raised_m", money_m),
    "n_patients": _series_text("cart_patients", thousands),
    "n_patients_cum": lambda ctx: thousands(sum(series("cart_patients", y)
                                                for y in range(2018, ctx.year))),
    "n_centres": _series_text("cart_centres", lambda v: str(round(v)), lag=0, noise=0),
    "ae_pct": _series_text("ae_pct", lambda v: f"{v:.0f} per cent", noise=0.01),
    "cat_mins": _series_text("cat2", lambda v: str(round(v)), noise=0.03),
    "rtt": _series_text("rtt_m", lambda v: f"{v:.1f} million", lag=0, noise=0.01),
    "delayed": _series_text("delayed", thousands),
    "backlog": _series_text("backlog_bn", lambda v: f"£{v:.1f} billion", noise=0.01),
    "nurse_vac": _series_text("nurse_vac", thousands),
    "vac_nat": _series_text("vac_rate", lambda v: f"{v:.1f} per cent", lag=0, noise=0),
    "agency_spend": _series_text("agency_bn", lambda v: f"£{v:.1f} billion", noise=0.02),
    "drug_spend": _series_text("drug_bn", lambda v: f"£{v:.0f} billion", noise=0),
    "n_guidance": _series_text("guidance", lambda v: WORD_NUMBERS[min(12, int(v))]
                               if v <= 12 else str(int(v)), lag=0, noise=0),
    "trial_days": _series_text("trial_days", lambda v: str(round(v)), noise=0.05),
    "atmp_spend": _series_text("atmp_spend_m", money_m, noise=0.05),
}

FILL_TRIES = 8  # fresh draws of a text's choices before a year-gated text counts as unavailable

# How many values a slot takes within a year, for variety(): a slot not named here varies a lot.
SLOT_VARIETY = {"year": 1, "last_year": 1, "dept": 1, "Dept": 1, "nihr": 1, "pron": 1,
                "poss": 1, "min_pron": 1, "min_poss": 1, "chair": 1, "addr": 1,
                "n_guidance": 1, "n_centres": 1, "drug_spend": 1, "n_patients_cum": 1,
                "vac_nat": 1, "n_trials": 2, "n_jobs": 2, "raised": 2, "ae_pct": 2,
                "cat_mins": 2, "rtt": 2, "delayed": 2, "backlog": 2, "nurse_vac": 2,
                "agency_spend": 2, "atmp_spend": 2, "trial_days": 2, "colleague_seat": 3}
SLOT_VARIETY_DEFAULT = 8
_SLOT = re.compile(r"\{(\w+?)\d*(?:\.\w+)?\}")


def variety(tree: tuple) -> int:
    """Roughly how many different sentences a choice tree can give within one year."""
    total = 0
    for option in tree:
        n = 1
        for part in option:
            if isinstance(part, str):
                for name in _SLOT.findall(part):
                    fixed = name in ("from", "to") or name.lower() in _BY_BRAND  # gates, brands
                    n *= 1 if fixed else SLOT_VARIETY.get(name, SLOT_VARIETY_DEFAULT)
            else:
                n *= variety(part.options if isinstance(part, _Linked) else part)
        total += n
    return min(total, 10**6)


def fill(template: Template | str, ctx: Context, slots: _Slots | None = None,
         capital: bool = True) -> str:
    """A text with its choices drawn and slots filled; raises Unavailable when none fits."""
    text = template.text if isinstance(template, Template) else template
    return fill_tree(choices(text), _Slots(ctx) if slots is None else slots, capital)


def fill_tree(tree: tuple, slots: _Slots, capital: bool = True) -> str:
    """A choice tree drawn and filled with slots (shared by a paragraph's sentences)."""
    has_choices = len(tree) > 1 or any(not isinstance(part, str) for part in tree[0])
    for _ in range(FILL_TRIES if has_choices else 1):
        try:
            return tidy(expand(tree, slots.ctx.rng).format_map(slots), capital)
        except Unavailable:
            continue
    raise Unavailable


def typeset(text: str) -> str:
    """Typographic apostrophes, as printed documents use them."""
    return text.replace("'", "\u2019")


def word_count(text: str) -> int:
    return len(text.split())

# ---------------------------------------------------------------------------------------------
# paragraph plans: research and manufacturing

RESEARCH = [
    P("""
    + The United Kingdom has [a long|a proud|a distinguished] record in the science behind cell
      and gene therapies. | [Britain|The UK|This country] has been [at the forefront of|among
      the pioneers of] the science behind [advanced therapies|cell and gene therapies].
    + [Laboratories|Research groups|Teams] in {city} and {city2} were among the first to show
      that a patient's own cells could be [modified|engineered|altered] and [returned|given
      back] to fight disease.
    ? The country now [hosts|runs|supports] [around|about|some] {n_trials} clinical trials of
      advanced therapy medicinal products[, more than most of its European neighbours|].
    + The challenge is no longer discovery alone[, but| but] [turning|converting] [promising|
      encouraging] early results into products that can be made [reliably|consistently], at
      scale and to the standards that [regulators and hospitals|the MHRA and the NHS]
      expect. | [What is harder now|The harder task|The difficulty now] is [turning|converting]
      [promising|encouraging] early [results|data] into products that can be made
      [reliably|consistently] and at scale.
    *
    """),
    P("""
    + Manufacturing is the bottleneck that [everyone in the sector|every developer|almost
      everyone in the field] [talks about|mentions first|complains about]. | [Ask|Speak to]
      [almost any|any] developer about the obstacles and [manufacturing|production] comes up
      first.
    + A single dose of an autologous CAR-T therapy is made from one patient's blood, shipped to
      a clean-room facility, [engineered|modified], expanded and shipped back, often within
      [three or four|four or five] weeks. | Each dose of an autologous CAR-T product begins with
      one patient's blood, which is [sent|shipped] to a clean room, [engineered|modified] and
      expanded before [coming back|being returned] [about a month later|within a few weeks].
    + Each step needs [trained operators|skilled operators|qualified staff], sterile suites and
      [quality control|careful testing][, and each can fail|].
    ? The manufacturing centre in Stevenage, run by the Cell and Gene Therapy Catapult, was
      built to give developers that capacity without each company having to build a plant of
      its own. | Shared facilities such as the Catapult's centre in Stevenage [were built|exist]
      so that [smaller|young] companies need not build a plant of their own.
    """, since=2018),
    P("""
    + Investment in the sector has [grown quickly|risen sharply|grown fast]. | [Money|Private
      capital] has [flowed|poured] into [the sector|advanced therapies] [in recent years|over
      the past few years].
    + Companies developing cell and gene therapies in the UK raised [about|around|roughly]
      {raised} in {last_year}[, according to the industry's own figures|, by {industry_body}'s
      count|].
    ? Several overseas developers have [chosen|decided] to build process development sites in
      {region}[, and others are looking at {city}|].
    + Investors are drawn by [the strength of the universities|the quality of the science
      base|the universities], [a single national health service as a partner for trials|the
      NHS as a single partner for trials|the reach of the NHS] and [a clinical trial approval
      process that has become quicker|faster trial approvals|quicker approval of trials].
    + Whether that investment [stays|lasts|is sustained] depends on a clear route from trial to
      routine use. | [Keeping|Holding on to] that investment will depend on a [clear|
      predictable] route from [trial|the clinic] to routine [use|care] in the NHS.
    """),
    P("""
    + The number of clinical trials of advanced therapies running in the UK has risen from a
      handful [a decade ago|ten years ago|in {past_year}] to {n_trials} [today|now|this
      year][, roughly {pct_small} of the global total|].
    + Most are early-phase studies in cancer, but a growing share [target|are aimed at|concern]
      inherited conditions such as {condition}[ and {condition2}|].
    + Trials of this kind are small and demanding: each may recruit only a few dozen patients,
      and each patient needs careful follow-up for years after a single treatment. | [These
      studies|Such trials] are [small|modest in size] but [demanding|expensive to run], because
      every patient must be followed [for years|for a decade or more] after a single dose.
    ? Recruiting [enough|eligible] patients can take [longer than the treatment itself|years when a condition affects only a few hundred people in the country]. | [Finding|Recruiting] patients for [a rare condition|{condition}] [can take years|may take years][, and some trials close early|].
    *
    """),
    P("""
    + Many of the most promising therapies [begin life|start] in university laboratories. |
      [A large share|Many] of the [therapies now in trials|most promising products] came out of
      university laboratories.
    + Spin-out companies from {city} and {city2} have taken gene therapies for {condition} into
      first-in-human studies, often with early funding from research councils and medical
      charities. | [University spin-outs|Young companies] in {city} have [taken|carried] gene
      therapies for {condition} into first-in-human studies[, usually with charity money|].
    + The gap comes afterwards, when a company needs tens of millions of pounds for a larger
      trial and a manufacturing process that can pass inspection. | The [difficulty|gap]
      [comes|opens up] later, when [a company|the firm] needs [tens of millions of pounds|
      {money}] for a larger trial and a process [that can pass inspection|fit for licensing].
    ? Too many of those companies are then bought by larger firms abroad, and the later stages
      of development move with them. | [Too often|All too often] the company is [then
      bought|later acquired] by a larger firm [abroad|overseas] and the later trials [move|go]
      with it.
    """),
    P("""
    + Almost every gene therapy depends on viral vectors, the modified viruses that carry a
      working gene into the patient's cells. | Gene therapies [rely on|need] viral vectors:
      [modified|disabled] viruses that [carry|deliver] a working gene into the [patient's|
      target] cells.
    + Vector manufacturing is slow, expensive and hard to scale, and for some years developers
      have faced waits of {months} months for a production slot at a contract manufacturer. |
      [Making vectors|Vector production] is [slow and costly|expensive and hard to scale], and
      developers in {city} have [waited|faced waits of] {months} months for a slot at a
      contract manufacturer.
    ? New vector facilities in {region} should ease the pressure[, once they are fully
      staffed|].
    + The supply of experienced process scientists has not kept pace with the building of
      clean rooms. | [But|Yet] the [supply|number] of experienced process scientists has not
      [kept pace|kept up] with the [building|construction] of clean rooms.
    """),
    P("""
    + Gene editing has moved from the laboratory to the clinic faster than almost anyone
      predicted. | [Few|Not many] [scientists|observers] expected gene editing to reach
      patients [so quickly|as fast as it has].
    + Tools based on CRISPR allow researchers to cut and correct DNA at a chosen point, and the
      first edited cell therapies have already been given to patients with inherited blood
      disorders. | CRISPR-based tools [let|allow] researchers [cut|edit] DNA at a chosen
      [point|site], and edited cell therapies have [already|now] been given to patients with
      [inherited blood disorders|sickle cell disease and beta thalassaemia].
    ? Groups in {city} have contributed to [the basic science and to the early trials|both the
      science and the first trials].
    + The next questions are about delivery: how to edit cells inside the body safely, and how
      to prove that the changes last. | [What remains|The open question] is [delivery|how to
      deliver the tools]: editing cells inside the body [safely|without harm] and showing that
      the [change|correction] lasts.
    *
    """, since=2019),
    P("""
    + Genome editing is the newest tool in the field and perhaps the most talked about. |
      [Genome editing|Gene editing] is [the newest|the youngest] [tool|technique] in the
      field[ and the most discussed|].
    + Techniques such as CRISPR make it possible to alter a chosen gene with a precision that
      older methods could not match. | CRISPR and related [techniques|tools] [can alter|let
      scientists change] a chosen gene with [unprecedented|remarkable] precision.
    + Laboratories in {city} and {city2} are already using them to study inherited diseases of
      the [blood, the eye and the nervous system|blood and the eye|blood and muscle].
    + Clinical use is still some years away, and scientists are careful to distinguish editing
      a patient's own cells from changes that could be inherited. | [Treatment|Use in
      patients] is [still|probably] some years [off|away], and [researchers|scientists]
      [stress|are careful to stress] the difference between editing a patient's own cells and
      [changes that could be inherited|editing embryos].
    """, until=2018),
    P("""
    + The health service is one of the country's greatest assets for research. | [The NHS|Our
      health service] is [one of the country's greatest assets|a unique asset] for [clinical
      research|research].
    + A single system with long-term patient records makes it possible to find eligible
      patients for rare disease trials and to follow them up over many years. | [Its|The
      NHS's] [long-term|lifelong] records make it [possible|easier] to [find|identify] patients
      for [rare disease trials|trials in conditions such as {condition}] and [follow them
      up|to follow them] for years.
    + Yet companies still report that setting up a trial at a new NHS site can take {months}
      months, much of it spent on contracts, costings and local approvals. | [Yet|But]
      [sponsors|companies] [still|continue to] report that opening a [new|further] NHS site can
      take {months} months[, mostly spent on contracts and local approvals|].
    ? Standard contracts and a national costing template have helped, but the delays have not
      disappeared. | [@a Standard contracts|A national costing template] [@a have|has] helped, [but
      the delays have not gone away|though delays persist].
    """),
    P("""
    + The Cell and Gene Therapy Catapult was set up to help businesses move therapies from
      research into commercial production. | The Cell and Gene Therapy Catapult [exists|was
      created] to help [companies|businesses] [move|take] therapies from the laboratory into
      commercial production.
    + Its work ranges from process development and analytical testing to advice on regulatory
      strategy[, and it has helped dozens of companies refine their manufacturing methods|]. |
      It [offers|provides] [process development|help with manufacturing processes],
      [analytical testing|testing] and [regulatory advice|advice on regulation] to
      [dozens of|many] companies.
    + By its estimate the sector now employs about {n_jobs} people in the UK[, a figure that has
      grown every year|]. | [The sector|The industry] [now employs|employs] [about|around]
      {n_jobs} people in the UK, [by the Catapult's estimate|on the Catapult's figures].
    ? The largest clusters are [around|in] London, Oxford, Cambridge, Stevenage and the
      north-west[, with smaller groups in {city}|].
    *
    """),
    P("""
    + Automation could change the economics of cell therapy manufacturing. | [Automated|Closed]
      manufacturing [could|may] transform the economics of cell therapy.
    + Today much of the work is done by hand in clean rooms, with highly trained operators
      carrying out each step in gowns and gloves. | [At present|Today] [most|much] of the work
      is [manual|done by hand], with [highly trained|skilled] operators [in gowns and gloves|in
      clean rooms] carrying out each step.
    + Closed, automated systems that can run several patient batches side by side promise to
      cut both the cost of goods and the failure rate. | [Closed systems|Automated machines]
      that [run|process] several [patient batches|patients' cells] [side by side|at once]
      [could|should] cut [both cost and failure rates|the cost of goods and the failure rate].
    ? Developers in {city} are [testing|trialling] such systems[, and some believe that
      manufacturing at or near the hospital will become common within ten years|].
    *
    """),
    P("""
    + Most cell therapies licensed so far are autologous, made from the patient's own cells. |
      [Almost all|Most] of the cell therapies licensed [so far|to date] are autologous: each is
      made from the patient's own cells.
    + Researchers are now developing allogeneic, or off-the-shelf, products made from healthy
      donors' cells, which could be manufactured in large batches and stored until needed. |
      [Several groups|Researchers in {city}] are [working on|developing] allogeneic products,
      made from [healthy donors'|donor] cells, that could be made in large batches and
      [stored|kept frozen] until needed.
    + If they work, they would avoid the weeks of waiting that make autologous CAR-T so hard
      for patients whose disease is advancing quickly. | [Success|If they succeed, that] would
      [spare patients|remove] the weeks of waiting that [make|render] autologous CAR-T so hard
      for [those with fast-moving disease|patients who are deteriorating].
    ? Early trials, including some run in {city}, have shown [encouraging|promising] responses,
      though how long they last remains [uncertain|unclear].
    """, since=2018),
    P("""
    + Public funding has been important at every stage. | [Public money|Public funding] has
      [mattered|been important] at every stage[ of the journey|].
    + The Medical Research Council, the {nihr} and Innovate UK have each supported advanced
      therapy projects[, and the Industrial Strategy Challenge Fund paid for new manufacturing
      capacity|]. | [Grants from|Money from] the Medical Research Council, the {nihr} and
      Innovate UK [has supported|has paid for] [many|dozens of] projects[, from basic science
      to manufacturing|].
    + In {last_year} alone, public bodies committed [around|about|roughly] {money} to the
      field.
    + That money has drawn in far more from private investors, but it has been spread across
      many schemes with different rules, which smaller companies find hard to navigate. | [It
      has|That has] [attracted|drawn in] [far more|several times as much] private money, but
      [the schemes are many and their rules differ|it is spread over many schemes with
      different rules].
    """, since=2018),
    P("""
    + For many rare inherited conditions, gene therapy offers something no other treatment can:
      the chance of correcting the cause of the disease with a single dose. | [For|In] [many
      rare inherited conditions|conditions such as {condition}], gene therapy [offers|holds
      out] [the chance|the hope] of [correcting|treating] the cause[ of the disease|] with
      [a single dose|one treatment].
    + Conditions such as {condition} affect only a few dozen children born in the UK each year,
      which makes conventional drug development uneconomic. | [Only a few dozen|A handful of]
      children are born [with {condition}|with conditions such as {condition}] in the UK each
      year, too few for conventional drug development to pay.
    + Research groups at {hospital} and elsewhere have shown that it can be done. |
      [Teams|Clinicians] at {hospital} [have shown|have demonstrated] that [it can work|such
      treatment is possible].
    ? Every programme faces [small trial numbers, long follow-up and very high manufacturing costs per patient|the same obstacles of small numbers, long follow-up and high costs]. | [Small numbers|Tiny patient numbers], [long follow-up|years of follow-up] and [high costs|high manufacturing costs] [face|confront] [every programme|each team][ alike|].
    *
    """),
    P("""
    + The supply chain for advanced therapies is fragile. | [@s Supply chains|The supply chain] for these [products|therapies] [@s are|is] [fragile|thin].
    + Specialist reagents, plasmids, single-use bags and tubing often come from a small number
      of suppliers, many of them overseas[, and a shortage of one component can halt
      production|]. | [Reagents|Plasmids], [single-use bags|tubing] and [other
      consumables|specialist materials] [often|usually] come from [a few|a small number of]
      suppliers[, mostly overseas|].
    + In recent years several UK developers have reported delays of {weeks} weeks for basic
      materials. | [Developers in {region}|Several UK developers] have [reported|described]
      waits of {weeks} weeks for [basic materials|plasmids and reagents].
    ? Building domestic supply of the most critical inputs, and agreeing common standards so that materials are interchangeable, would make the whole sector more resilient. | [Domestic supply|A home supply] of [critical inputs|the most critical materials] [and common standards|and shared standards] would make [the sector|the industry] [more resilient|less fragile].
    """),
    P("""
    + Other countries are competing hard for the same investment. | The UK [is not
      alone|is far from alone] in [wanting|chasing] this investment.
    + The United States still attracts most of the venture capital in this field, and
      governments in {country} and {country2} have offered generous incentives for
      manufacturing plants. | [Most venture capital|The bulk of the investment] still
      [goes to|flows to] the United States, while {country} and {country2} [offer|have
      offered] [generous|substantial] incentives for [new plants|manufacturing sites].
    + The UK's advantages are its science base, its clinical networks and a regulator willing
      to engage early. | [@o Our|The UK's] [strengths|advantages] are [@o the|its] science base,
      clinical networks and a regulator [willing to engage early|open to early dialogue].
    + Its disadvantages, according to companies, are the slow uptake of new medicines by the
      health service and the difficulty of recruiting experienced manufacturing operators. |
      [Companies|Investors] [also point to|complain of] [slow uptake|the slow adoption] of new
      medicines [by the NHS|in the health service] and a shortage of [skilled|experienced]
      operators.
    """),
    P("""
    + Companies building manufacturing sites say that equipment is easier to find than people.
      | [Firms|Companies] opening new sites [say|report] that [equipment|clean rooms] can be
      bought, but [people|experienced staff] cannot.
    + The sector needs process engineers, quality control analysts and qualified persons who
      can certify each batch for release[, and many of those roles demand years of
      experience|]. | [Process engineers|Quality control analysts] and the qualified persons
      who [certify|release] each batch [are scarce|are in short supply][, and take years to
      train|].
    + Industry training programmes have prepared about {n_trainees} people so far[, but demand
      continues to outstrip supply|].
    ? New facilities in {region} and elsewhere [compete|are competing] for the same small pool
      of staff, and firms [hire|poach] from one another.
    """, since=2017),
    P("""
    + Long-term follow-up is a research task in its own right. | [Following patients up|Long-term follow-up] [is a research task|is research] in its own right.
    + Patients who receive a gene therapy are monitored for fifteen years or more to detect late
      effects and to show whether the benefit lasts. | [Everyone|Each patient] treated with a
      gene therapy is [monitored|followed] for [fifteen years or more|up to fifteen years] [to
      detect late effects|for late side effects] and to [see|show] whether the benefit
      [lasts|holds].
    + The UK's national registries and linked health records give it a real advantage here. |
      [National registries|Linked health records] give the UK a [real|genuine] advantage
      [here|in this work].
    + Bringing those data together in one place, with the consent of patients, would let
      researchers answer questions that no single trial could. | [Pooling|Bringing together]
      those [data|records], with patients' consent, [would let|could let] researchers
      [answer|tackle] questions [no single trial could|beyond the reach of any one trial].
    """),
    P("""
    + So far CAR-T has worked best in blood cancers. | CAR-T has [so far|until now] [worked|
      succeeded] [best|mainly] in [blood cancers|leukaemia and lymphoma].
    + [Solid tumours|Cancers of the bowel, lung and pancreas] have proved [far|much] harder to
      treat[, because the cells struggle to get into the tumour|, partly because the tumour
      suppresses the cells|].
    + Researchers in {city} are testing new designs that carry extra signals or target two
      markers at once. | [Groups|Scientists] in {city} are [trying|testing] [cells that
      recognise two targets|designs that resist the tumour's defences].
    ? [Success|A positive result] in [a large trial|solid tumours] would [multiply|greatly
      increase] the number of patients who could benefit.
    *
    """),
    P("""
    + Regenerative medicine was the first promise of the field. | [Regenerative medicine|Stem
      cell research] was where [the field began|the excitement started].
    + Stem cell research in the UK has produced treatments for damaged corneas and severe
      burns[, and cell therapies for {common_condition} have been tested at {hospital}|]. |
      [British|UK] [researchers|teams] have [produced|developed] treatments for [damaged
      corneas|severe burns] and tested cell therapies for {common_condition}[ at {hospital}|].
    + Progress has been [slower|more uneven] than [early enthusiasm suggested|hoped], but the
      [expertise|skills] built up [in those programmes|along the way] [now underpins|still
      supports] the newer work on engineered cells.
    *
    """),
    P("""
    + The economic case is part of the argument. | [Jobs and growth|The economic case]
      [matter too|are part of the case|belong in the argument].
    + The site being built near {city} is expected to employ around {n_site_jobs} people when
      it is fully open. | [A new site|The plant] near {city} [should|is expected to] employ
      [around|about] {n_site_jobs} people, [many|most] of them in skilled, well-paid roles.
    ? [Exports|Overseas sales] of cell and gene therapies, and of the services that support them, have grown [steadily|year on year]. | [The UK|British firms] now [export|sell] [therapies and services|products and manufacturing services] to [{country} and {country2}|customers across Europe].
    + A strong domestic industry also makes it more likely that patients here will be offered
      new treatments early, because companies tend to launch first where they run trials. |
      [Companies|Developers] [tend to|often] launch [first|early] where they [run
      trials|manufacture], so a [strong|thriving] industry [here|at home] [helps
      patients|brings treatments to patients sooner].
    """),
    P("""
    + Some hospitals have begun to make cell therapies themselves. | [A few|Several] NHS
      hospitals now [make|manufacture] cell therapies [themselves|in house].
    + Academic manufacturing units in {city} and {city2} have produced CAR-T cells for early
      trials at a fraction of the commercial price. | [Units|Academic units] in {city} have
      [made|produced] CAR-T cells for [early trials|academic studies] [for|at] a fraction of
      the [commercial|list] price[, using automated equipment|].
    + Supporters argue that this model could bring treatments to patients who would otherwise
      wait years for a commercial product. | [Supporters|Advocates] [argue|say] [the
      model|this approach] could [reach|help] patients who [would otherwise wait|might wait]
      years for a [commercial product|licensed product].
    + Critics point to the demands of quality assurance and the risk of each centre doing
      things slightly differently. | [Sceptics|Critics] [worry about|point to] [quality
      assurance|consistency] and the risk [that each centre does things its own way|of
      variation between sites].
    """, since=2019),
    P("""
    + Applications to run trials of advanced therapies have grown by about {pct} a year over
      the last [five|few] years. | [Applications|Requests] to [run|start] advanced therapy
      trials [have risen|have grown] by [about|around|roughly] {pct} a year[ recently| since
      {past_year}|].
    + Most of those trials are in cancer, and a growing number are in [neurology, eye disease
      and blood disorders|conditions such as {condition}].
    + The UK's share of global trials in the field is higher than its share of the wider
      pharmaceutical market[, which suggests that developers value its clinical networks|]. |
      [The UK|This country] [runs|hosts] a [larger|bigger] share of [global|the world's]
      trials in this field than its share of the [wider|overall] medicines market[ would
      suggest|].
    ? Keeping that share will depend on approval times and on the ease of recruiting patients
      across hospital sites. | [Holding on to|Keeping] that [position|share] [depends on|will
      need] [fast approvals|quick set-up] and [easy recruitment across sites|patients from
      every region].
    *
    """),
    P("""
    + I want to speak about the jobs that this industry brings to my constituency. | Let me
      [say something|talk] about [jobs|the jobs this industry brings to {town}].
    + The manufacturing site on the edge of {town} employs {n_site_jobs} people, many of them
      young graduates who would once have had to move to London or Cambridge to find work of
      this kind. | [The plant|The site] [outside|on the edge of] {town} [employs|now employs]
      {n_site_jobs} people[, many of them young graduates from the area|, and most of them
      live locally|].
    + When I visited, I met technicians who had trained locally and now prepare cell therapies
      that will be given to patients across Europe. | [On a recent visit|When I visited] I met
      [technicians|apprentices] [from {town}|who trained locally] who now [prepare|help make]
      therapies for patients [across Europe|around the country].
    + That is the kind of growth we should be encouraging, and I hope the Minister will say
      what more can be done. | [We should be encouraging that kind of growth|That is growth
      worth having], and I [hope|trust] the Minister will [say what more can be done|set out
      how it will be supported].
    """, register="speech"),
    P("""
    + The Minister will know that the science here is world-leading. | [No one doubts|Nobody
      disputes] that [British|our] science [here|in this field] is world-leading.
    + What worries me is what happens after the science. | [My worry|What concerns me] is what
      [happens|comes] [next|after the science].
    + Time and again I hear from researchers in {city} who have developed a promising therapy,
      only to see the company that licenses it move its trials and its manufacturing to the
      United States. | [Too often|Time and again] [researchers|scientists] in {city} [tell
      me|describe how] a [promising|successful] therapy [was licensed|was sold] to a company
      that [then moved|moved] [its trials|the later work] [abroad|to the United States].
    + We cannot keep funding the discovery and then watching the benefit go abroad. | [It makes
      no sense|We cannot go on] [to fund|funding] [the discovery|the science] and [then
      watch|watching] [the benefit|the jobs] go [abroad|elsewhere].
    + Will the Minister tell us what is being done to keep the later stages of development
      here? | [What|Can the Minister tell us what] is [being done|the Government doing] to keep
      the later stages [of development|] in this country?
    """, register="speech"),
    P("""
    + I recently met a group of scientists at the university in {city} who are working on gene
      therapies for {condition}. | [Last month|Recently] I [visited|met] [researchers|a team]
      at the university in {city} who [work on|are developing] gene therapies for {condition}.
    + They told me that their biggest problem is not ideas, or even patients willing to take
      part, but the cost of producing enough vector for a trial. | Their [biggest|main]
      [problem|obstacle], they [told me|said], is not [ideas|science] [or patients|] but the
      cost of [making|producing] enough vector for a trial.
    + A single batch can cost {batch_cost}, and there are only a few places in the country that
      can make it. | [One batch|A single batch] [can cost|costs] {batch_cost}, and [only a few
      places|very few sites] in the country can [make|produce] it.
    + Surely a shared national facility for academic groups would be money well spent. | [Would
      not|Surely] a shared [national|public] facility for academic groups [would be|be] money
      well spent[?|.]
    """, register="speech"),
    P("""
    + I declare an interest as a member of the all-party group on life sciences. | [I declare an interest as a member of|I speak as an officer of|As a member of] the all-party group on life sciences[, I have heard a great deal on this|, I declare that interest].
    + The group has heard from companies large and small over the past year, and the message
      has been remarkably consistent. | [Over the past year|This year] the group has [heard
      from|taken evidence from] companies [large and small|of every size], and [the message
      has been consistent|they have said much the same thing].
    + They value the quality of British science and the willingness of the regulator to talk to
      them early. | They [value|praise] [British science|the science base] and [the regulator's willingness to engage early|a regulator that talks to them early].
    + What they want is certainty: about the rules, about the route to patients, and about
      whether the investment that has been promised will actually arrive. | [Above all|What
      they ask for is] certainty[: about the rules and the route to patients|, about the rules
      and about the money promised].
    ? I hope [today's debate|this debate] can give them some of that certainty. | [The Minister|Today the Minister] [can|could] [give them|offer them] [some of that certainty|that certainty] [by setting out a timetable|with clear commitments].
    """, register="speech"),
    P("""
    + Let me turn to clinical trials. | [I turn now|Let me turn] to [clinical trials|trials].
    + Families in my constituency whose children have rare genetic conditions often tell me
      that the only realistic hope of treatment is a place on a trial. | [Parents in
      {town}|Families in my constituency] [whose children have|caring for children with]
      {condition} tell me that a trial place is [their only realistic hope|the only hope they
      have].
    + Yet the nearest trial site may be hundreds of miles away, and the cost of travel and
      accommodation falls on parents who are already struggling. | [The nearest trial
      site|The trial centre] [may be|is often] [hundreds of miles|{miles} miles] away, and
      [@a travel and hotels|the cost of travel] [@a fall on|falls on] [parents|families] who are
      already [struggling|stretched].
    + If we want this country to be a leading place for these trials, we must make it possible
      for patients from every region, not just those who live near {city}, to take part. |
      [If this country is to lead|To lead] in these trials, [patients|families] from every
      region, not [just|only] those near {city}, [must be able|need to be able] to take part.
    """, register="speech"),
    P("""
    + This review found that the UK's research base in advanced therapies remains strong by
      international standards. | [Our review|The evidence we received] [found|shows] that the
      UK's research base [remains strong|is still strong] by international standards.
    + Publication and citation rates in cell and gene therapy are among the highest in the
      world[, and the number of companies active in the sector has roughly doubled since
      {past_year}|]. | [The number of companies|Company numbers] in the sector [has roughly
      doubled|have almost doubled] since {past_year}[, and UK papers are widely cited|].
    + However, respondents to our survey identified three persistent weaknesses: access to
      late-stage finance, manufacturing capacity for viral vectors, and the time taken to open
      trials at NHS sites. | [Nevertheless|However], [respondents|those we surveyed] [identified|named] [three|persistent] weaknesses: [late-stage finance|finance for later
      trials], vector [capacity|manufacturing] and [slow trial set-up|the time taken to open
      NHS sites].
    """, register="report"),
    P("""
    + We recommend that the Government and industry agree a long-term plan for manufacturing
      capacity, covering both viral vectors and finished cell therapies. | [We recommend|Our
      first recommendation is] that [government and industry|the Government and industry]
      [agree|draw up] a [long-term|ten-year] plan for manufacturing capacity[, covering both
      vectors and finished products|].
    + The plan should set out how much capacity is expected to be needed by {later_year}, where
      it should be located, and how public money will be used to attract private investment. |
      It should [set out|estimate] the capacity [needed|required] by {later_year}, where it
      should be [built|located] and how public money will [attract|draw in] private
      investment.
    + It should be reviewed every [two|three] years, with progress reported publicly, so that
      investors can see that the commitment is sustained. | [Progress|Delivery against the
      plan] should be [reported publicly|published] [every year|every two years] so that
      investors can see the commitment [holds|is sustained].
    """, register="report"),
    P("""
    + Our analysis of {n_trials} active trials shows a shift in who does the research. |
      [Looking at|Our analysis of] {n_trials} active trials, we [found|see] a [clear|marked]
      shift in who [does|sponsors] the research.
    + In {past_year}, most trials were sponsored by universities and hospitals; by {year}
      industry sponsors accounted for {pct_hi} of new applications.
    + This is a sign of a maturing sector, but it also means that decisions about where trials
      are run, and which patients take part, are increasingly made by companies whose
      headquarters are outside the UK. | [It is a sign of|This reflects] a maturing sector, but
      [it means|the result is] that [decisions about where trials run|choices of trial
      sites] are [increasingly|more often] made by companies [based abroad|with headquarters
      overseas].
    """, register="report"),
    P("""
    + The figures in this section draw on data supplied by developers, contract manufacturers
      and the Cell and Gene Therapy Catapult's annual survey of the sector. | [This
      section|The figures here] [draw|draws] on [data from developers|returns from developers]
      and contract manufacturers[ and on the Catapult's annual survey|, and on {industry_body}'s
      survey of members|].
    + They cover clean-room space, headcount and the number of batches produced for clinical
      and commercial use. | [The data|They] cover [clean-room space|floor space], [headcount|
      staff numbers] and batches [produced|made] for [trials|clinical use] and [commercial
      supply|sale].
    + Where companies declined to share commercially sensitive figures, we have used ranges rather than precise numbers. | [Some companies|A few firms] [would not share|withheld] [sensitive figures|commercially sensitive data], [so|and for them] we [give|show] ranges [rather than exact numbers|instead].
    + The overall picture is nevertheless clear: capacity has grown faster than in most
      comparable countries. | [The picture is|The overall picture is] [nevertheless|still]
      clear: capacity has grown [faster|more quickly] than in most [comparable|peer]
      countries[, including {country}|].
    """, register="report"),
    P("""
    + We found strong support for regional manufacturing clusters. | [Respondents|Witnesses]
      [were strongly in favour of|supported] [regional clusters|clusters of manufacturing
      outside the south-east].
    + Sites in {region} and around {city} [benefit|gain] from [nearby universities|local
      universities], [lower costs|cheaper land] and [a willing workforce|people keen to
      train].
    + [Local leaders|Councils and universities] in {city2} [told us|said] that [a modest
      grant|seed funding] had [unlocked|drawn in] [private investment|a far larger private
      investment].
    ? We recommend that [future funding|new funding rounds] [favour|give weight to] [sites
      outside the golden triangle|regions with few high-skilled jobs].
    """, register="report"),
    P("""
    + The Government recognise the potential of cell and gene therapies and are committed to
      making the UK a leading location for their development and manufacture. | [The
      Government|We] [recognise|see] the potential of [cell and gene therapies|advanced
      therapies] and [are committed to making|want to make] the UK a [leading|premier]
      location for their [development and manufacture|development].
    + Through the Life Sciences Sector Deal and later investment, we have supported new
      manufacturing centres, a network of advanced therapy treatment centres and training for
      specialist staff. | [Since the Life Sciences Sector Deal|Through successive
      investments], we have [supported|funded] [new manufacturing centres|manufacturing
      capacity], [the advanced therapy treatment centres|a network of treatment centres] and
      [training for specialist staff|specialist training].
    + We will continue to work with the Cell and Gene Therapy Catapult and with industry so that
      patients benefit from the research carried out here. | We [will continue to work|are
      working] with [the Catapult|the Cell and Gene Therapy Catapult] and [industry|the
      sector] so that [patients benefit|NHS patients benefit] from [research done here|British
      research].
    """, register="gov", since=2018),
    P("""
    + The Government recognise the great promise of regenerative medicine and cell and gene
      therapies. | [The Government|We] [recognise|see] the [great|considerable] promise of
      [regenerative medicine|cell and gene therapies].
    + Research in this field is supported through the Medical Research Council, the {nihr} and
      Innovate UK[, and the Cell and Gene Therapy Catapult helps companies to move promising
      products towards the market|]. | [Research|Work in this field] is [funded|supported]
      through [the research councils|the Medical Research Council], the {nihr} and Innovate
      UK.
    + We are working with industry and the research councils to consider what further support
      would help the UK to keep its leading position. | [We are considering|Officials are
      considering], with [industry|the sector] and the research councils, what [further
      support|more] [would help|is needed] to [keep|maintain] the UK's [leading
      position|lead].
    """, register="gov", until=2017),
    P("""
    + The {nihr} funds a wide range of studies in this field, including early-phase trials
      through its clinical research facilities and biomedical research centres. | [Through its
      biomedical research centres|Through its clinical research facilities], the {nihr}
      [funds|supports] [a wide range of|many] studies in this field[, including early-phase
      trials|].
    + In {last_year} it supported more than {n_trials} studies involving advanced therapy
      medicinal products. | [More than|Over] {n_trials} studies [involving|of] advanced therapy
      medicinal products [were supported|received support] in {last_year}.
    + Decisions on individual studies are made through open competition and expert peer
      review. | [Funding decisions|Decisions on individual studies] are [made|taken]
      [through|by] [open competition|open competition and peer review][ on scientific
      merit|].
    ? {Dept} does not hold information on the total value of private investment in these
      studies. | [@a Information on|Figures for] private investment in [these studies|such studies] [@a is|are] not held [centrally|by {dept}].
    """, register="gov"),
    P("""
    + Officials meet regularly with companies that are considering investment in UK
      manufacturing[, and the Office for Life Sciences works with local partners to identify
      suitable sites|]. | [Ministers and officials|Officials] [meet|engage] [regularly|often]
      with companies [considering|weighing] investment in UK manufacturing.
    + Decisions on individual investments are commercially confidential. | [Individual
      investment decisions|Discussions with individual companies] are [commercially
      confidential|confidential].
    + The Government have also asked the Cell and Gene Therapy Catapult to report on future
      demand for manufacturing capacity. | [We have asked|The Government have asked] the
      [Catapult|Cell and Gene Therapy Catapult] to [report on|assess] [future demand for
      capacity|how much capacity will be needed][ by {later_year}|].
    ? We [expect|intend] to publish [its findings|the findings], [together with|and] our
      response, [in due course|later this year].
    """, register="gov"),
    P("""
    + The Government are [supporting|investing in] [manufacturing|the advanced therapies
      sector] through [the Life Sciences Vision|successive rounds of funding].
    + [Funding|Support] from the {nihr} and Innovate UK [has helped|helped] [more than {n_new}
      companies|{n_new} companies] [to scale up|to expand] [their processes|manufacturing]
      [in {last_year}|last year].
    + [We are also working|Officials are working] with {industry_body} [on skills|on training
      and skills] [for|in] the sector.
    ? [Further detail|More detail] will be [set out|published] [in due course|shortly].
    """, register="gov", since=2021),
]

SHARED_RESEARCH = S("""
+ [Much|Some] of the [early|basic] science was [paid for|funded] by [charities|medical
  charities] and the research councils.
+ The [next|coming] [few|five] years will show whether the UK can [turn|convert] [its|this]
  scientific lead into [a manufacturing industry|jobs and products].
+ [None of this|Little of this] [happens|will happen] [quickly|overnight], and [investors|
  developers] [need|want] [stable|predictable] policy.
+ [Universities in {city}|Teams in {city}] have [built|established] [strong|close] links with
  [industry|manufacturers][ over the past decade|].
+ [Developers|Companies] [say|report] that [the UK's|our] [clinical networks|trial networks]
  are [among the best|among the strongest] in [Europe|the world].
+ [A product|A therapy] that works in a trial [must still|still has to] be made [at
  scale|consistently] before [patients|the NHS] can [use|rely on] it.
+ [The field|This area of medicine] [has moved|is moving] [faster|more quickly] than
  [many|most] [expected|predicted].
+ [Each|Every] [new|additional] trial [site|centre] [brings|offers] [patients|families] in
  {region} [a chance|the chance] to take part.
+ [Venture capital|Private investment] [is|has been] [volatile|uneven], [rising|surging] in
  some years and [falling away|falling back] in others.
+ [Good science|Strong science] [is necessary but not sufficient|is not enough on its own]. | [Science|Discovery] [alone|on its own] [will not|does not] [build an industry|create jobs or products].
+ [Manufacturing|Production] [costs|expenses] can [account for|make up] [a large share|much]
  of the [price|cost] of [a|each] [dose|treatment].
+ [Smaller|Young] [companies|firms] [often|usually] [depend|rely] on [contract
  manufacturers|shared facilities] [for their first batches|in the early years].
+ [Researchers|Scientists] [in {city}|at {hospital}] [are|have been] [closely
  involved|involved from the start].
+ [The pipeline|The number of products in development] [is|looks] [strong|healthy][, with
  dozens of products in late trials|].
+ [Patients' groups|Charities] [have|often] [helped|help] to [design|shape] [these
  trials|the trials].
+ [Trial results|Early results] [have been|are] [mixed|encouraging but uneven], [as one would
  expect in a young field|as in any young field].
+ [Skills|People], [not|rather than] [buildings|equipment], [are|remain] [the scarcest resource|the hardest thing to find].
""")

# ---------------------------------------------------------------------------------------------
# cost and access

COST = [
    P("""
    + The price of these therapies is unlike anything the health service has paid before. |
      [No|Nothing] the [NHS|health service] has [bought|paid for] before [comes close to|
      compares with] the price of these therapies.
    + {p.brand} has a list price of {p.price} for a single treatment[, and other gene therapies
      now in development are expected to cost more|]. | [At|With] a list price of {p.price}
      [per patient|for one treatment], {p.brand} [set|marked] a new [benchmark|level][ for the
      NHS|].
    + Manufacturers argue that a one-off treatment that works for a lifetime can replace
      decades of expensive care, and that the price reflects that value. | [Companies|
      Manufacturers] [argue|reply] that a [one-off|single] treatment [that lasts|with
      benefits lasting] a lifetime [can replace|replaces] [decades|years] of [costly|expensive]
      care.
    + Commissioners accept the argument in principle, but they must still find the money in a
      single year's budget. | [Commissioners|NHS England] [accept|do not dispute] [the
      argument|the logic] [in principle|in theory], but [the money must still be found|they
      still have to find the money] in [a single year's|one year's] budget.
    """, since=2016),
    P("""
    + The usual measure of value is the cost per quality-adjusted life year. | [Value|Cost-effectiveness] is [usually|normally] [measured|judged] by the cost per quality-adjusted
      life year, or QALY.
    + NICE normally recommends treatments that cost no more than £20,000 to £30,000 per QALY,
      with a higher threshold for very rare conditions. | [The usual threshold|NICE's normal
      range] is £20,000 to £30,000 per QALY[, with more allowed for very rare conditions|, and
      higher for the rarest conditions|].
    + Advanced therapies strain that framework: their costs fall at the start but their
      benefits are spread over decades. | [Advanced therapies|One-off treatments] [strain|test]
      [that framework|the method], because [the cost comes at once|costs fall up front] while
      [the benefits|benefits] [are spread over decades|accrue over decades].
    + The evidence at launch often comes from small, single-arm trials, [and the result is|so there is] wide uncertainty about [true cost-effectiveness|the true value of many products]. | [Evidence at launch|The evidence available at licensing] [is|tends to be] [thin|limited], [often|usually] from [single-arm trials|trials without a control group][, and uncertainty is wide|].
    *
    """),
    P("""
    + Much of the real price is hidden. | [The price the NHS pays|What the NHS actually pays]
      is [rarely|seldom] [public|published].
    + When {approved.brand} was made available, the company agreed a confidential commercial
      arrangement with NHS England, so the discount from the list price of {approved.price} has
      never been published. | [For|In the case of] {approved.brand}, [a confidential
      commercial arrangement|a confidential discount] [was agreed|applies], so the [discount
      from|reduction on] the {approved.price} list price [is not known|has never been
      disclosed].
    + Confidential discounts allow companies to protect their international list prices while
      offering the health service a lower net cost. | [Such discounts|Confidential deals]
      [let|allow] companies [protect|keep] their [international|published] list prices while
      [charging the NHS less|offering a lower net price].
    + They also make it almost impossible for anyone outside the negotiating room to judge
      whether the deal represents value for money. | [But they|They also] make it [almost
      impossible|very hard] for [outsiders|Parliament or the public] to [judge|know] whether
      [the deal|a deal] [is good value|represents value for money].
    """, since=2018),
    P("""
    + The Cancer Drugs Fund was reformed in 2016 to act as a managed access route rather than a
      simple funding pot. | [Since its reform in 2016|Since 2016], the Cancer Drugs Fund [has
      been|has worked as] a managed access [route|scheme] rather than a [simple|general]
      funding pot.
    + Treatments that look promising but lack mature evidence can be funded for a limited
      period while more data are collected[, after which NICE reviews them again|]. |
      [Promising|Encouraging] treatments [without mature evidence|whose evidence is immature]
      [are funded|can be funded] for a [limited|fixed] period while [more data are
      collected|evidence is gathered].
    + CAR-T therapies such as {cart.brand} were among the first advanced therapies funded this
      way. | {cart.brand} was [among the first|one of the first] advanced therapies [funded
      through|to enter] the [fund|Cancer Drugs Fund].
    + For patients it meant access years earlier than would otherwise have been possible; for
      the NHS it meant paying while the uncertainty was resolved. | [Patients gained|Patients
      got] access [years earlier|far sooner]; the NHS [paid while|accepted paying while] the
      uncertainty [was resolved|was worked out].
    """, since=2018),
    P("""
    + One answer to uncertainty is to pay for results. | [Paying|To pay] for results is [one
      answer|one response] to [the uncertainty|uncertainty].
    + Under an outcomes-based payment scheme, the health service pays part of the price up front
      and the rest in instalments, only while the treatment keeps working. | [In|Under] an
      outcomes-based [agreement|scheme], [part of the price is paid|the NHS pays part of the
      price] [up front|at the start] and the rest [in instalments|over time], [only while|as
      long as] the treatment [keeps working|works].
    + Such schemes suit one-off gene therapies, whose benefit may last for years but cannot be
      proved at launch. | [This suits|That model suits] [one-off|single-dose] gene therapies,
      whose [benefit|effect] [may|could] last [for years|for decades] but [cannot be proved|is
      unproven] at launch.
    + They also bring practical problems: someone must collect outcome data for every patient,
      and NHS accounting rules were not designed for payments spread over five or ten years. |
      [The practical problems are real|The drawbacks are practical]: [outcome data|data on
      outcomes] must be [collected|gathered] for every patient, and [accounting rules|NHS
      accounts] [were not designed for|do not easily handle] [payments over many years|
      long-term instalments].
    """),
    P("""
    + Even where a therapy is cost-effective, the budget impact can be large. | [A
      cost-effective treatment|A treatment that is good value] [can still|may still] [strain|
      stretch] the budget.
    + Where a new treatment is expected to cost the NHS more than £20 million a year in any of
      its first three years, NHS England may negotiate with the company on how the cost is
      managed. | [If|Where] [spending|the cost] [is expected to exceed|will exceed] £20 million
      a year in any of the first three years, NHS England [may|can] [negotiate|seek an
      agreement] with the company [on how the cost is managed|to manage the impact].
    + For treatments for rare conditions the numbers of patients are small, but for a gene
      therapy for a more common condition such as {common_condition}, the total bill could run
      into hundreds of millions of pounds. | [Rare conditions involve few patients|For rare
      conditions the numbers are small], but a gene therapy for {common_condition} [could
      cost|might cost] [hundreds of millions of pounds|several hundred million pounds] a
      year.
    """, since=2017),
    P("""
    + Access is not only about whether a therapy is funded but whether patients can reach it. |
      [Funding|A funding decision] is [only part of|not the whole of] access; [patients|
      families] must also be able to reach [the treatment|the centre].
    + CAR-T is delivered in a limited number of specialist centres, and patients from {region}
      may face journeys of several hours and stays of weeks near the treating hospital. |
      [Only|Just] {n_centres} centres [deliver|offer] CAR-T, so patients from {region} [may
      face|face] [long journeys|journeys of several hours] and [weeks|a month] away from home.
    + Families bear much of the cost of travel and accommodation. | [Travel and
      accommodation|The cost of travel and hotels] [falls largely|falls] on families.
    ? [Charities report|{Charity} reports] that some eligible patients have [declined
      referral|turned down treatment] because [the practical burden|the burden] was too
      great.
    *
    """, since=2019),
    P("""
    + Patients in the UK have often waited longer than those in other European countries for
      advanced therapies. | [British patients|Patients here] have [often|frequently] waited
      longer [than those in {country}|than patients elsewhere in Europe] for [advanced
      therapies|new therapies].
    + In Germany, new medicines are available as soon as they are licensed while prices are
      negotiated; in France and Italy, early access schemes allow use before a final decision. |
      [@g Germany|In Germany,] [@g makes new medicines available|new medicines are available] [at licensing|as soon as they are licensed], and [France and Italy|several countries] [run|
      have] early access schemes.
    + The UK's approach is slower but more disciplined about value. | [The UK's|Our] [approach|
      system] is slower[ but more disciplined about value|, though stricter on value].
    + Campaigners argue that the delay costs lives; the health service replies that paying any
      price asked would take money from other patients. | [Campaigners|Patient groups] [say|
      argue] [the delay costs lives|that delay costs lives]; [the NHS|commissioners] [reply|
      answer] that paying [any price asked|whatever is asked] would [take money from|harm]
      other patients.
    """),
    P("""
    + Some families have tried to raise the money themselves. | [Some|A few] families have
      [tried|set out] to raise the money [themselves|on their own].
    + Appeals to fund treatment abroad have raised sums of {money_k} or more, usually for
      therapies that are not yet available on the NHS. | [Appeals|Crowdfunding campaigns] [for
      treatment abroad|to pay for treatment overseas] have raised {money_k} or more[, usually
      for therapies not yet on the NHS|].
    + Clinicians worry about such appeals: the treatment may not be suitable, follow-up care is
      hard to arrange at home, and the campaigns put pressure on families at the worst moment of
      their lives. | [Doctors|Clinicians] [worry|are uneasy] about [such appeals|these
      campaigns], [because the treatment may not be suitable|since follow-up is hard to
      arrange at home].
    + Faster, fairer access in this country would remove the need for them. | [Faster|Fairer]
      access [here|in the UK] would [remove|end] the need for [them|such appeals].
    """),
    P("""
    + The Innovative Medicines Fund, launched in 2022, extends the managed access model from
      cancer to all conditions. | [Since 2022|Since its launch in 2022], the Innovative
      Medicines Fund has [extended|carried] managed access [beyond cancer|to all conditions].
    + It is worth £340 million a year, ring-fenced alongside the Cancer Drugs Fund[, and is
      meant to give early access to promising medicines while further evidence is gathered|]. |
      [Worth|With] £340 million a year, ring-fenced [alongside|next to] the Cancer Drugs
      Fund, it [is meant to|aims to] [give early access|speed access] [while evidence is
      gathered|to promising medicines].
    + Whether the fund is big enough is already disputed: a few advanced therapies at current
      prices could use up much of it. | [Critics|Some] [doubt|question] whether [it|the fund]
      is [big|large] enough, [since|because] [a few|a handful of] advanced therapies [at
      current prices|at list price] could [use up|absorb] [much|most] of it.
    """, since=2022),
    P("""
    + The case of {zolgensma.brand} shows how difficult these decisions are. | [Few
      cases|No case] [show|shows] the [difficulty|dilemma] better than {zolgensma.brand}.
    + The therapy, {zolgensma.inn}, is given as a single infusion to babies with spinal
      muscular atrophy and, at a list price of {zolgensma.price}, was described as the most
      expensive medicine in the world. | [Given|Administered] as a single infusion to babies
      with spinal muscular atrophy, [it|{zolgensma.inn}] [was called|was described as] the
      [world's most expensive medicine|most expensive medicine in the world] at
      {zolgensma.price}.
    + After months of negotiation a managed access agreement was reached, with a confidential
      discount. | [A managed access agreement|An agreement] was [reached|struck] [after months
      of negotiation|after long negotiations][, with a confidential discount|].
    ? Parents welcomed the decision, but many asked why it had taken so long. | [Parents|
      Families] [welcomed|were relieved by] the [decision|agreement], but [many|some] asked
      why it [had taken|took] so long.
    """, since=2021),
    P("""
    + The arrival of {casgevy.brand}, known as exa-cel, raises the same questions for a much
      larger group of patients. | {casgevy.brand}, [known as|or] exa-cel, [raises|poses] the
      same questions [for many more patients|for a far larger group].
    + It is the first licensed therapy based on CRISPR gene editing and could transform life for
      people with severe sickle cell disease, many of whom are from Black African and Caribbean
      backgrounds. | [The first|As the first] licensed [CRISPR|gene-edited] therapy, it
      [could transform|may transform] life for people with severe sickle cell disease[, most
      of them from Black African and Caribbean backgrounds|].
    + At a list price of around {casgevy.price} per patient, the potential budget impact is
      considerable[, and the capacity of the centres that collect and return cells will limit
      how many are treated each year|]. | [At about|At around] {casgevy.price} [per
      patient|a patient], [the budget impact|the potential cost] is [considerable|large], and
      [centre capacity|the capacity of treating centres] will [limit|cap] [numbers|how many
      are treated].
    """, since=2024),
    P("""
    + A gene therapy that works is paid for once, but its benefits arrive over a lifetime. |
      [The NHS|A health service] pays for a gene therapy once, [but|while] the benefits
      [arrive|come] over a lifetime.
    + Set against the cost of regular infusions, hospital admissions and lost working years, a
      price of {price_big} can look reasonable. | [Against|Compared with] [years of
      infusions|regular infusions] and [hospital admissions|admissions], a price of {price_big}
      [can look|may look] [reasonable|like good value].
    + Yet health budgets are set annually, and a cost that is recovered over twenty years does
      not help a commissioner who must balance this year's books. | [Yet|But] budgets are set
      [annually|one year at a time], and [savings over twenty years|a cost recovered over
      decades] [do not help|is no help to] a commissioner [balancing this year's
      books|who must balance the books now].
    ? That mismatch [between spending and savings|in timing] lies at the heart of the [affordability debate|argument about affordability]. | [The timing|When the money is spent and when it is saved] [is the crux|is at the centre] of [the affordability problem|the debate].
    """),
    P("""
    + Transparency about prices is a recurring demand. | [Patient groups|Economists] [keep
      asking|repeatedly ask] for [transparency|openness] about prices.
    + Patient groups, economists and some Members of Parliament have argued that the public
      should know what the NHS actually pays for advanced therapies, since it is public money.
      | [Critics argue|The argument is] that [the public|taxpayers] should know [what the NHS
      pays|the real price], [since|because] it is public money.
    + Companies and NHS England respond that confidentiality is what allows discounts to be
      offered at all. | [Companies|NHS England] [respond|reply] that [confidentiality|secrecy]
      is what [allows discounts|makes discounts possible|makes lower prices possible][ in the first place|].
    + Prices disclosed in one country are used as a reference in others[, so most figures quoted
      in public are list prices that few health systems pay|]. | [Published prices|Prices
      disclosed here] [become|would become] [a reference|a benchmark] [elsewhere|in other
      countries].
    """),
    P("""
    + Even after a positive recommendation there can be delays. | [A positive
      recommendation|NICE approval] does not [always|] mean [immediate treatment|patients are
      treated at once].
    + The NHS in England must fund a treatment recommended by NICE within ninety days, but
      putting services in place for an advanced therapy takes longer. | [The NHS must
      fund|Funding must follow] [within ninety days|within three months], but [setting up
      services|putting services in place] [takes longer|can take far longer].
    + Centres must be accredited, staff trained and referral pathways agreed. | [Centres
      need|Each centre needs] [accreditation|to be accredited], [trained staff|staff training]
      and [agreed referral pathways|a referral pathway].
    + For {approved.brand}, the first patients were treated {months} months after the final
      guidance[, and eligible patients with {approved.condition} waited|]. | [The first
      patients|The first NHS patients] [to receive|given] {approved.brand} were treated
      {months} months after [the final guidance|NICE's decision].
    """, since=2019),
    P("""
    + Advanced therapies are not the only high-cost treatments competing for the same money. |
      [Other|Many other] [expensive|high-cost] treatments [compete|are competing] for the
      same [money|budget].
    + Spending on medicines in the NHS in England has risen to more than {drug_spend} a year,
      with much of the growth in specialised services. | [NHS spending|Spending] on medicines
      [in England|] [has risen to|now exceeds] {drug_spend} a year[, much of it in specialised
      services|].
    + Every pound committed to a new gene therapy is a pound that cannot be spent on nurses, on
      mental health services or on reducing waiting lists. | [Money|Each pound] [spent on|committed to] [a gene therapy|one treatment] cannot [also|] be spent on [nurses|mental
      health] or on [waiting lists|reducing waits].
    + That is why commissioners insist on evidence of value[, and why companies are asked to
      share the risk when evidence is thin|]. | [Hence|That is why] [commissioners|NHS commissioners] [insist on|demand] [evidence of value|value for money] and [ask companies to share the
      risk|expect companies to share risk].
    """),
    P("""
    + Several proposals would spread the cost of a one-off therapy over time. | [Several|A
      number of] [proposals|ideas] would spread [the cost|payment] for a one-off therapy
      [over time|over several years].
    + Under an annuity model, the health service would pay in instalments over five years, with
      payments stopping if the treatment failed. | [An annuity model|Payment by instalments]
      would [let the NHS pay|spread payment] over [five|several] years, [stopping|with payments
      ending] if the treatment [failed|stopped working].
    + The approach is common in other industries, but in the NHS it runs up against accounting
      rules that treat the whole commitment as spending in the first year. | [Common|Routine]
      [elsewhere|in other industries], [the approach|it] [runs up against|conflicts with]
      [accounting rules|public accounting rules] that [count|treat] the whole commitment as
      [first-year spending|spending in the first year].
    ? [Changing those rules|A separate fund for long-term commitments] would need agreement between {dept} and the Treasury. | [The Treasury|Treasury officials] would [need to agree|have to be persuaded], [and so far it has not done so|which has not yet happened].
    """),
    P("""
    + The list price is not the whole cost. | [The product|The list price] is [only part|not
      all] of the cost.
    + Delivering a CAR-T treatment involves collecting the patient's cells, bridging therapy
      while the product is made, an inpatient stay of two to three weeks and, for some patients,
      intensive care to manage side effects such as cytokine release syndrome. | [CAR-T
      treatment|Delivering CAR-T] [means|involves] [cell collection|collecting cells],
      [bridging therapy|treatment while the product is made], [a stay of two to three
      weeks|weeks in hospital] and [sometimes|for some] intensive care for [cytokine release
      syndrome|side effects].
    + One estimate put the total cost of a course of treatment, including the product, at about
      {cart_total}. | [The total|A full course], [including|with] the product, [has been
      put|was estimated] at [about|around] {cart_total}.
    ? Hospitals have argued that the [tariffs|payments] [for these services|they receive] have not always covered their costs. | [Some trusts|Treating hospitals] [say|report] [they lose money|that they make a loss] on [each patient|every course of treatment].
    """, since=2018),
    P("""
    + Patients with rare diseases are often told that treatment for their condition is not
      cost-effective because there are too few of them to spread the cost of development. |
      [People|Families] [with rare diseases|living with {condition}] [are often told|often
      hear] that [treatment|a treatment] is not cost-effective [because there are too few of
      them|because the numbers are small].
    + That feels unjust to families of children with {condition}. | [To families|To
      parents] [of children with {condition}|caring for a child with {condition}], that [feels|
      seems] [unjust|deeply unfair].
    + The Highly Specialised Technologies programme was created to recognise this, with a
      higher threshold for very rare conditions. | [NICE's|The] Highly Specialised
      Technologies programme [exists|was created] [to recognise this|for such cases], with a
      higher threshold for very rare conditions.
    + Its criteria are strict, and some treatments for small populations fail to qualify. |
      [But its criteria are strict|Its criteria are narrow], and [some treatments|treatments
      for some small groups] [fail to qualify|do not qualify][, leaving them judged against
      standards for common diseases|].
    """),
    P("""
    + Managed access depends on collecting better evidence while funding is in place. |
      [Managed access works|It works] only if [better evidence|real evidence] is collected
      while [funding is in place|the money flows].
    + For {cart.brand}, data on every patient treated in England were collected through a
      national dataset, and the results were used when NICE looked at the treatment again. |
      [Every patient|Each patient] treated with {cart.brand} in England was [recorded|
      included] in a national dataset[, and NICE used the results at review|].
    + Outcomes in routine practice were broadly consistent with the trials, which helped make
      the case for permanent funding. | [Results in routine practice|Real-world outcomes]
      [broadly matched|were close to] the trials, [which helped the case|helping the case] for
      [permanent|routine] funding.
    ? The model [shows|suggests] that paying [while evidence is gathered|for access while
      data are collected] can work, [provided|if] the data collection is [properly
      resourced|funded].
    """, since=2021),
    P("""
    + The costs of existing treatments are part of the comparison. | [Any|A fair] comparison
      [must include|includes] the cost of [existing treatments|current care].
    + Before gene therapy was available, children with spinal muscular atrophy could be treated
      with nusinersen, sold as Spinraza, given by injection into the spine every four months
      for life at a list price of about £75,000 a dose. | Nusinersen, sold as Spinraza, [is
      given|must be given] by [spinal injection|injection into the spine] every four months for
      life, at [about|around] £75,000 a dose.
    + Over a lifetime the cost of repeated treatment far exceeds that of a single infusion. |
      [Over a lifetime|Over many years], [@r repeated treatment|repeated doses] [@r costs|cost] far more than a single infusion.
    ? That is one reason [companies argue|manufacturers say] one-off gene therapies are good value despite their [headline prices|list prices]. | [Manufacturers|Companies] [point to|cite] [this comparison|that arithmetic] [when defending|to justify] [their prices|the price of a one-off gene therapy].
    """, since=2019),
    P("""
    + Few people expected, a decade ago, that single treatments would be priced in the hundreds
      of thousands of pounds. | [A decade ago|Not long ago], [few|hardly anyone] expected
      [single treatments|one-off treatments] to cost [hundreds of thousands of pounds|so much].
    + Yet the first gene therapies licensed in Europe, such as {early.brand}, carried prices of
      that order. | [Yet|But] {early.brand}, [among the first|one of the first] gene therapies
      licensed in Europe, [carried|had] a price of {early.price}.
    + Analysts [predicted|expect] that later products would cost more. | [Later
      products|Products now in trials] are [expected|predicted] to cost [more|even more].
    + The question is whether existing ways of assessing and paying for medicines can cope[, or
      whether new approaches will be needed|]. | [The question|The issue] for the [health
      service|NHS] is whether [current methods|existing ways of paying] can [cope|adapt]
      before [the wave of new therapies|these therapies] [arrives|reaches the market].
    """, until=2019),
    P("""
    + Let me tell the House about my constituents, {family}. | I want to [tell the House
      about|mention] {family}, [who live in {town}|constituents of mine].
    + Their son has {condition}. | Their [son|daughter] [has|was diagnosed with] {condition}[
      at the age of {small}|].
    + For two years they have been told that a treatment exists, that it works, and that it is
      given to children in other countries, but that it is not available on the NHS
      because the price has not been agreed. | For [two|three] years they have been told that
      a treatment exists and [is given|is available] to children in {country}, but not [on the
      NHS|here], because [the price has not been agreed|no price has been agreed].
    + Every month of delay matters for a child with a progressive condition. | [For a child
      with a progressive condition|When a condition is progressive], every month [of delay|]
      [matters|counts].
    + I ask the Minister: what is the timetable, and what is {min_pron} doing to break the
      deadlock? | [What|So what] is the timetable, and what is the Minister doing to [break the
      deadlock|end the stalemate]?
    """, register="speech"),
    P("""
    + Nobody in this House wants to pay more than we must for any medicine. | [No one|Nobody]
      here wants the NHS to [pay more than it must|overpay] for [any medicine|medicines].
    + But when I hear that {approved.brand} costs {approved.price}, I also think about what it
      replaces. | [But|Yet] when I [hear|read] that {approved.brand} costs {approved.price}, I
      [think|also think] about what it [replaces|saves].
    + Years of hospital admissions, of carers giving up work, of treatments that only slow the
      disease. | [It replaces years|That means years] of [hospital admissions|admissions], of
      carers [giving up work|leaving their jobs], of treatments that only slow the disease.
    + The Minister must make sure that the way we measure value captures those costs[, and does
      not simply set one year's budget against one year's benefit|]. | [Our measure of
      value|The way we measure value] must [capture|count] those costs[ too|], not [simply
      set|merely weigh] one year's budget against one year's benefit.
    """, register="speech", since=2019),
    P("""
    + The hon. Member for {colleague_seat} made a powerful point about confidentiality. | [I
      agree with|I was struck by] what the hon. Member for {colleague_seat} said about
      confidentiality.
    + I accept that companies need to protect their prices, but this House votes the money for
      the NHS, and we have no way of knowing whether the deals struck in our name are good
      ones. | Companies [may need|need] to protect their prices, but [this House|Parliament]
      votes the money, and [we cannot know|we have no way of knowing] whether the deals [made
      in our name|struck in our name] are [good ones|good value].
    + Could the Minister at least publish the total amount spent on advanced therapies each
      year, even if individual prices remain confidential? | [Could|Will] the Minister at
      least publish [total spending|the total spent] on advanced therapies [each year|every
      year][, even if prices stay confidential|]?
    ? That would be a [modest|small] step, but an important one. | [It is|That is] [hardly|not] [a radical request|much to ask][, and it would restore some trust|].
    """, register="speech"),
    P("""
    + My constituents in {town} face a round trip of more than {miles} miles to the nearest
      CAR-T centre. | [Patients|Constituents of mine] in {town} [face|must make] a round trip of
      [more than|over] {miles} miles to the nearest [CAR-T centre|treating centre].
    + For a patient who must stay close to the hospital for four weeks after treatment, that
      means weeks away from home, and for the family, weeks of hotel bills and lost wages. |
      [Patients must stay|A patient must stay] [near the hospital|close to the centre] for
      [four weeks|a month] [after treatment|afterwards], [so families face|which means] [hotel
      bills and lost wages|weeks of hotel bills].
    + I welcome the expansion of the service, but access to a treatment paid for by all of us
      should not depend on whether you can afford to live near a teaching hospital. | I
      [welcome|am glad of] the [expansion|growth] of the service, but [access|treatment] [paid
      for by all of us|funded by the taxpayer] should not depend on [where you live|whether
      you live near a teaching hospital].
    """, register="speech", since=2019),
    P("""
    + I have to say that the Cancer Drugs Fund has been a success story for CAR-T. | [Let me
      say|I have to say] that the Cancer Drugs Fund has been a [success story|real success]
      [for CAR-T|for patients needing CAR-T].
    + Without it, patients in my constituency with aggressive lymphoma would have had to wait
      years for a final decision. | [Without it|But for the fund], patients [in {town}|in my
      constituency] with [aggressive lymphoma|aggressive blood cancers] would have [waited|had
      to wait] years[ for a final decision|].
    + With it, they have been treated, and some are alive today who would not otherwise be. |
      [Instead|As it is], they have been treated, and some are [alive today|still with us]
      who [would not otherwise be|would otherwise have died].
    + I hope that the Minister will resist any suggestion that managed access should be reined
      in simply because the bills are rising. | I [@h hope|urge] the Minister [@h will resist|to resist] [any|every] [suggestion|attempt] to [rein in|cut back] managed access [simply|
      just] because [the bills are rising|costs are rising].
    """, register="speech", since=2019),
    P("""
    + Spending on advanced therapy medicinal products by NHS England rose to an estimated
      {atmp_spend} in {last_year}, measured at list prices. | [We estimate|Our estimate is]
      that NHS England spent [about|around] {atmp_spend} on advanced therapy medicinal products
      in {last_year}, [at list prices|measured at list prices].
    + The increase reflects both new products and a growing number of patients treated with
      those already available. | [The rise|Growth] [reflects|comes from] [both new
      products|new products] and [more patients|a growing number of patients] [treated with
      existing ones|on existing therapies].
    + Because most products are supplied under confidential commercial arrangements, figures at
      list prices overstate actual spending. | [Figures at list prices|List-price figures]
      [overstate|exaggerate] [actual|real] spending, [because|since] [most products|nearly all
      products] are supplied under confidential [arrangements|discounts].
    ? We [were unable|have been unable] to obtain net figures from any of the bodies we [approached|asked]. | [No|None of the] [body|bodies] we [approached|contacted] [would|was willing to] [share|provide] net figures.
    """, register="report", since=2019),
    P("""
    + We recommend that NHS England publishes, at least once a year, aggregate figures on
      spending on advanced therapies, the number of patients treated and their outcomes. | [We
      recommend|Our recommendation is] that NHS England [publish|publishes] [annual|yearly]
      [totals|aggregate figures] for [spending|spend], [patients treated|patient numbers] and
      [outcomes|results].
    + Publishing totals would not reveal individual prices but would allow Parliament and the
      public to judge whether managed access arrangements are delivering value. | [Totals|
      Aggregate figures] would not [reveal|expose] [individual prices|any single price], but
      would [let|allow] [Parliament|the public] [judge|assess] whether managed access [delivers|
      is delivering] value.
    + We further recommend that the terms of outcomes-based agreements, other than prices, are
      published when each agreement is signed. | [The terms of outcomes-based agreements|
      Outcomes-based agreements], [other than|except for] prices, should [also|] be published
      [when signed|at signature].
    """, register="report"),
    P("""
    + Respondents to our consultation were divided on outcomes-based payment. | [Our
      consultation|Respondents] [found|revealed] [sharp divisions|a clear split] over
      outcomes-based payment.
    + Manufacturers were generally in favour, arguing that it shares risk fairly. |
      [Manufacturers|Companies] [were generally in favour|mostly supported it][, saying it
      shares risk fairly|].
    + Commissioners and finance directors were more cautious, citing the administrative burden
      of tracking outcomes over several years and the lack of a clear accounting treatment. |
      [Commissioners|Finance directors] were [more cautious|wary], [citing|pointing to] the
      [burden|cost] of tracking outcomes [for years|over several years] and [unclear
      accounting|the lack of a clear accounting treatment].
    + Patient organisations supported any model that speeded up access[, but asked that patients
      should not be burdened with extra tests simply to trigger payments|]. | [Patient
      groups|Patient organisations] [backed|supported] [anything|any model] that [speeded
      up|sped up] access, [provided patients were not burdened with extra tests|but not at the
      price of extra tests for patients].
    """, register="report"),
    P("""
    + The financial outlook for the next five years is challenging. | [The outlook|The
      financial outlook] [for the next five years|to {later_year}] is [challenging|difficult].
    + On current trends, at least {n_new} new advanced therapies could reach the point of an
      access decision by {later_year}, several with list prices above £1 million. | [At least|
      Some] {n_new} [new|further] advanced therapies could [need|reach] an access decision by
      {later_year}[, several priced above £1 million|].
    + If all were recommended and used at the expected volumes, annual spending could exceed
      {spend_future}. | [Annual spending|Spending] could [exceed|pass] {spend_future} [if all
      were recommended|if all were approved and used as expected].
    ? These estimates are [highly|very] uncertain, but they show why planning [must begin|has
      to start] [early|well before each product arrives].
    """, register="report"),
    P("""
    + NHS England has agreed commercial arrangements with the manufacturers of several advanced
      therapies, allowing them to be made available to patients at a price that represents value
      for money for the taxpayer. | [Commercial arrangements|Confidential agreements] [have been
      agreed|are in place] with the manufacturers of [several|a number of] advanced therapies,
      [so that patients can benefit|making them available] at a price that [represents value
      for money|is fair to the taxpayer].
    + The terms of these arrangements are commercially confidential, as is standard practice. |
      [As is standard practice|As is usual], [the terms|their terms] are commercially
      confidential.
    + {Dept} does not hold information on the net prices paid for individual products. |
      [@a Information on|Details of] net prices [for individual products|paid] [@a is|are] not held by {dept}.
    ? The arrangements are [reviewed|kept under review] as new evidence becomes available. | [NHS England|Commissioners] [review|revisit] [these arrangements|the agreements] [when|as] [further evidence|new data] [emerges|become available].
    """, register="gov", since=2018),
    P("""
    + The Government recognise the particular challenges of paying for one-off treatments whose
      benefits may last many years. | [We|The Government] [recognise|understand] the
      [particular|real] [challenges|difficulties] of paying for one-off treatments whose
      benefits [may last|could last] [many years|decades].
    + {Dept} is working with NHS England, NICE and industry to explore new payment models,
      including outcomes-based agreements and payment over time. | [@a Officials|{Dept}] [@a are|is] [working on|exploring], with NHS England, NICE and industry, [new payment models|new ways
      to pay], including outcomes-based agreements and [payment over time|staged payments].
    + Any new approach must ensure that patients can benefit from clinically and cost-effective
      treatments while protecting the sustainability of NHS finances. | [Any new approach|Any
      change] must [let patients benefit|ensure patients benefit] from [cost-effective|
      clinically and cost-effective] treatments [while protecting|and protect] [NHS
      finances|the sustainability of NHS finances].
    """, register="gov"),
    P("""
    + Patients in England already benefit from a range of cell and gene therapies through the
      Cancer Drugs Fund, managed access agreements and routine commissioning. | [A range of|
      Several] cell and gene therapies are [already|now] available [in England|to NHS
      patients] through the Cancer Drugs Fund, managed access [agreements|] and routine
      commissioning.
    + Since 2018, more than {n_patients_cum} patients have been treated with CAR-T therapies in
      England alone. | [More than|Over] {n_patients_cum} patients have [received|been treated
      with] CAR-T [therapy|therapies] in England since 2018.
    + NHS England continues to work with companies to secure early access to promising
      treatments at prices that the NHS can afford. | NHS England [continues to work|works]
      with [companies|manufacturers] to secure [early access|fast access] [at affordable
      prices|at prices the NHS can afford].
    """, register="gov", since=2020),
    P("""
    + The voluntary scheme for branded medicines pricing and access, agreed between the
      Government and industry, limits the growth in NHS spending on branded medicines. | [The
      voluntary scheme|The branded medicines scheme], agreed [with industry|between the
      Government and industry], [limits|caps] the growth in [NHS spending|spending] on branded
      medicines.
    + Companies pay back a share of sales above the agreed level. | [Companies|Members of the
      scheme] [pay back|repay] a share of [sales|revenue] above [the agreed level|an agreed
      allowance].
    + Advanced therapies are covered by the scheme on the same terms as other branded medicines.
      | [Advanced therapies|Cell and gene therapies] are [covered|included] on the same terms
      as other [branded medicines|medicines].
    ? {Dept} keeps the [operation|working] of the scheme under review with industry. | [The scheme's operation|How the scheme works] is kept under review [with|in discussion with] [industry|the industry].
    """, register="gov", since=2019),
    P("""
    + NICE and NHS England [are working together|work together] to [make sure|ensure] that
      [recommended treatments|treatments NICE recommends] reach [patients|eligible patients]
      [quickly|without delay].
    + [Where|When] [evidence is immature|the evidence is uncertain], managed access [allows|lets]
      patients [be treated|to be treated] while [further data are collected|data are
      gathered].
    + [Commercial discussions|Price negotiations] with [individual companies|manufacturers] are
      [confidential|commercially confidential].
    ? [We expect|The Government expect] [further|more] [agreements|arrangements] to be [reached|
      concluded] [this year|in the coming months].
    """, register="gov", since=2017),
]

SHARED_COST = S("""
+ [The price|Price] is [only one|one] part of the [question|problem]; [capacity|the ability to
  deliver] is [another|the other].
+ [Every|Each] [decision|funding decision] [involves|is] a [trade-off|choice] [between|among]
  patients [with different conditions|competing for the same money].
+ [Prices|List prices] [in the United States|in {country}] [are often higher|are usually
  higher][, which shapes what companies ask here|].
+ [Families|Patients] [do not see|rarely see] the [price|cost], but they [feel|suffer] the
  [delay|wait].
+ [The sums involved|These sums] [are|remain] [small|modest] [beside|compared with] the [total
  medicines bill|NHS budget as a whole], [but they are growing fast|but growing quickly].
+ [Value for money|Value] [must be|has to be] [judged|weighed] over [a lifetime|the whole life
  of a patient], not [a single year|one budget year].
+ [Discounts|Confidential discounts] [are now|have become] the [norm|rule] rather than [the exception|an exception].
+ [Companies|Manufacturers] [point out|note] that [development costs|the cost of development]
  [must be recovered|have to be recovered] from [very few|a small number of] patients.
+ [Treasury rules|Accounting rules] [were written|were designed] [long before|before] [one-off
  cures|such treatments] [existed|were imagined].
+ [Where|If] the [@a evidence|data] [@a is|are] [thin|weak], [the price|any price] [is|looks]
  [harder|more difficult] to [justify|defend].
+ [A treatment|A therapy] that cannot be [afforded|paid for] [helps no one|is no use to
  patients].
+ [Commissioners|NHS England] [must also|also have to] [pay for|fund] [the
  services|the staff and beds] [that deliver|needed to deliver] [these treatments|each
  treatment].
+ [The debate|The argument] [about|over] [price|prices] [is not new|is an old one], but the
  [sums|numbers] [are|have become] [larger|far larger].
+ [Patients with {condition}|Families affected by {condition}] [are|have been] [watching|
  following] [these negotiations|these decisions] [closely|very closely].
+ [Early access|Access while evidence is gathered] [carries|brings] [risks|a risk] [as well as
  benefits|for both sides].
+ [Net prices|The prices actually paid] [remain|stay] [confidential|secret], so [outsiders|
  researchers] [must|can only] [rely on|use] list prices.
+ [Budget impact|The total cost] [depends|turns] as much on [how many patients are treated|patient numbers] as on the price [per patient|of each dose].
""")

# ---------------------------------------------------------------------------------------------
# regulation

REGULATION = [
    P("""
    + Every advanced therapy must be granted a marketing authorisation before it can be sold. |
      [No|An] advanced therapy can be [sold|marketed] [without|only with] a marketing
      authorisation.
    + Until the end of the transition period, most were licensed through the European Medicines
      Agency, with its Committee for Advanced Therapies providing the specialist assessment. |
      [Until 2021|Before the transition period ended], [most were licensed|licensing was done]
      through the European Medicines Agency[ and its Committee for Advanced Therapies|].
    + Since then the MHRA has been responsible for licensing in Great Britain[, and it has
      introduced new routes, including reliance on decisions by trusted regulators
      elsewhere|]. | [The MHRA now licenses|Licensing in Great Britain is now for the MHRA],
      [and it has introduced new routes|which has added new routes][, so that patients here
      need not wait longer than others|].
    *
    """, since=2021),
    P("""
    + Advanced therapy medicinal products are licensed through the centralised European
      procedure. | [Licensing|The licensing] of advanced therapy medicinal products [goes
      through|follows] the centralised European procedure.
    + The Committee for Advanced Therapies at the European Medicines Agency prepares a draft
      opinion, which the main committee then considers before the European Commission grants a
      marketing authorisation valid across the EU. | [A draft opinion from|The opinion of] the
      Committee for Advanced Therapies [goes to|is considered by] the main committee before
      the European Commission [grants|issues] [an EU-wide|a] marketing authorisation.
    + The MHRA contributes experts to that process and regulates clinical trials, manufacturing
      licences and the hospital exemption in the UK. | [British|UK] [experts|assessors] [take
      part|play a full part] in that [work|process], and the MHRA [regulates|oversees]
      [trials|clinical trials], manufacturing [licences|] and the hospital exemption [at
      home|in the UK].
    ? [Its assessors are widely respected in this field|The MHRA's assessors are highly regarded]. | [British|UK] [regulators|assessors] [have|carry] [considerable|real] [influence|weight] in [European discussions|that committee].
    """, until=2020),
    P("""
    + Once a therapy is licensed, NICE decides whether it should be offered routinely on the NHS
      in England. | [After licensing|Once licensed], [a therapy|a product] [goes to|is assessed
      by] NICE, which decides whether [the NHS in England should offer it|it should be offered
      routinely].
    + Most medicines go through a technology appraisal, which compares their clinical and
      cost-effectiveness with current care. | [Most|The majority of] medicines [go
      through|receive] a technology appraisal [comparing|that compares] [their|] clinical and
      cost-effectiveness with [current care|existing treatment].
    + Treatments for very rare conditions may instead be evaluated through the Highly
      Specialised Technologies programme, which takes account of the wider impact on patients
      and families. | [Very rare conditions|Treatments for very rare conditions] [may instead
      go|can instead go] [through|to] the Highly Specialised Technologies programme[, which
      weighs the wider impact on families|].
    ? The choice of route can make the difference between a positive and a negative
      recommendation. | [Which route is chosen|The route] can [decide|determine] [the
      outcome|whether a treatment is recommended].
    """),
    P("""
    + The Innovative Licensing and Access Pathway, launched in 2021, brings together the MHRA,
      NICE and the NHS to support promising medicines from early development. | [Launched in
      2021|Since 2021], the Innovative Licensing and Access Pathway [has brought|brings]
      [together|] the MHRA, NICE and the NHS [to support|behind] promising medicines [from
      early development|from an early stage].
    + A product that receives an innovation passport gets a development plan, agreed with the
      agencies, which sets out the evidence needed for licensing and appraisal. | [An
      innovation passport|A passport] [brings|comes with] a development plan, agreed with the
      agencies, [setting out|that sets out] the evidence [needed|required] for licensing and
      appraisal.
    + Developers of cell and gene therapies were among the first to apply. | [Cell and gene
      therapy developers|Developers of advanced therapies] were [among the first|quick] to
      apply.
    ? The pathway's value depends on whether the agencies have the capacity to give each
      product the attention promised. | [Its value|The pathway's worth] [depends on|rests on]
      [agency capacity|whether the agencies have the staff] to [give|deliver] the attention
      promised.
    """, since=2021),
    P("""
    + The hospital exemption allows an advanced therapy to be prepared and used in a single
      hospital without a marketing authorisation, on a non-routine basis and under the
      responsibility of a doctor. | [Under|Through] the hospital exemption, an advanced therapy
      can be [prepared|made] and used [in one hospital|in a single hospital] without a
      marketing authorisation, [on a non-routine basis|occasionally], [under the
      responsibility of a doctor|under a doctor's responsibility].
    + It was designed for bespoke treatments that would never be commercial products. | [It
      was meant for|The exemption was designed for] [bespoke|one-off] treatments [that would
      never be sold|never intended to be commercial products].
    + Some academic centres want it used more widely, for example to make CAR-T cells locally
      at lower cost. | [Academic centres in {city}|Some academic centres] [want|would like] it
      [used more widely|widened], [for example|] to make CAR-T cells [locally|on site] [at
      lower cost|more cheaply].
    + Manufacturers argue that this would weaken the incentive to seek a licence and the
      evidence standards that protect patients. | [Manufacturers|Companies] [argue|warn] that
      [this|wider use] would [weaken|undermine] the incentive to seek a licence[ and the
      standards that protect patients|].
    """),
    P("""
    + Regulators face a genuine dilemma with advanced therapies. | [Advanced therapies|These
      products] [pose|present] [regulators|the MHRA] with a [genuine|real] dilemma.
    + Pivotal trials often involve a few dozen patients and no control group, because the
      diseases are rare and the alternatives are poor. | [Pivotal|Key] trials [often|usually]
      [involve|enrol] [a few dozen|only a few dozen] patients [and no control group|with no
      comparison group][, because the diseases are rare|].
    + Demanding large randomised trials would delay access for years and might never be
      feasible. | [Large randomised trials|Demanding randomised trials] would [delay|hold up]
      access [for years|by years] and [may|might] [never be feasible|be impossible].
    + Accepting small single-arm trials means licensing products whose long-term safety and
      benefit are uncertain. | [Accepting|Relying on] small single-arm trials [means|leaves]
      [licensing products|licensed products] whose long-term [safety and benefit|effects] are
      [uncertain|unknown].
    ? Conditional marketing authorisation, with obligations to collect further data, is the
      usual compromise. | [The usual compromise|A common compromise] is conditional marketing
      authorisation[, with obligations to collect further data|].
    """),
    P("""
    + Real-world evidence is increasingly used to fill the gaps left by small trials. |
      [Regulators|NICE and the MHRA] [increasingly|now] [use|draw on] real-world evidence to
      [fill|close] the gaps [left by|in] small trials.
    + Data on every patient treated with an advanced therapy in England are recorded in
      national datasets, allowing regulators and NICE to compare outcomes in routine practice
      with those seen in trials. | [National datasets|National registries] [record|hold] data
      on every patient treated [in England|], so [outcomes in routine practice|real-world
      results] can be compared with [the trials|trial results].
    + The quality of these data varies, and linking records across hospitals is not
      straightforward. | [Data quality varies|The data vary in quality], and linking records
      [across hospitals|between hospitals] is [not straightforward|hard].
    ? Both the MHRA and NICE have set out how such evidence can support their decisions. | [The MHRA and NICE|Both bodies] have [published|issued] [frameworks|guidance] [on|for] [using|the use of] real-world evidence.
    """, since=2022),
    P("""
    + A managed access agreement sets out how a treatment will be funded while further evidence
      is collected. | [Managed access agreements|A managed access agreement] [set|sets] out how
      a treatment [is funded|will be paid for] while [@a further evidence|more data] [@a is|are] collected.
    + It specifies which patients are eligible, what data must be gathered, how long the
      arrangement will last and what happens at the end. | [It names|The agreement specifies]
      [eligible patients|who is eligible], [the data to be gathered|what data are needed] and
      [how long it lasts|its length].
    + For advanced therapies, such agreements have become an essential tool. | [Such
      agreements|They] have become [essential|an essential tool] for advanced therapies.
    + They do, however, create a cliff edge: if the new evidence disappoints, NICE may not
      recommend the treatment, and patients and clinicians face the prospect of losing access. |
      [But they create|They also create] a cliff edge: [if the evidence disappoints|should the
      evidence disappoint], NICE may [not recommend|decline] the treatment[ and patients could
      lose access|].
    """, since=2017),
    P("""
    + The time taken from application to licence for an advanced therapy has fallen in recent
      years. | [Licensing is now quicker|The time from application to licence has fallen] for advanced therapies.
    + The MHRA now offers a 150-day national assessment for new medicines and faster routes for
      products that address unmet need. | [The MHRA's|A] 150-day national assessment [is
      available|is on offer], [with|and there are] faster routes for products [meeting|that
      address] unmet need.
    + Speed alone does not guarantee access, however: the appraisal by NICE and the
      commissioning decisions that follow can add many months. | [Speed|Fast licensing] [does
      not guarantee|is not the same as] access: NICE appraisal and commissioning [can add|may
      add] [many months|months more].
    ? [Aligning the stages|Joining up the stages] matters as much as shortening any one of them. | [The stages|Licensing, appraisal and commissioning] [need to be|must be] [aligned|run in parallel], [not just|as well as] [shortened|made quicker].
    """, since=2021),
    P("""
    + Gene editing raises questions that go beyond the licensing of medicines. | [Gene
      editing|Genome editing] [raises|poses] questions [beyond|that go beyond] [licensing|the
      licensing of medicines].
    + Editing the DNA of a person's blood or immune cells affects that person alone, but changes
      made to eggs, sperm or embryos would be inherited by future generations. | [Editing|
      Changing] [a patient's|someone's] blood or immune cells affects [that person alone|only
      them], [but|whereas] changes to eggs, sperm or embryos would be [inherited|passed on].
    + Such germline changes are prohibited for treatment in the UK, and research on embryos is
      tightly regulated by the HFEA. | [Germline changes|Heritable changes] are [prohibited|
      not allowed] for treatment in the UK, and [embryo research|research on embryos] is
      [tightly|strictly] regulated by the HFEA.
    ? Public dialogue has shown broad support for somatic gene therapy and much greater caution about the germline. | [The public|Public opinion] [broadly supports|accepts] [treating patients' own cells|somatic gene therapy] but [is far more cautious|remains wary] about [heritable changes|the germline].
    """),
    P("""
    + Gene therapies that use modified viruses are also regulated as genetically modified
      organisms. | [Gene therapies using|Therapies that use] modified viruses [also count|are
      also regulated] as genetically modified organisms.
    + Before a trial can start, sponsors need consent for the contained use or release of the
      modified vector, in addition to approval from the medicines regulator and an ethics
      committee. | [Sponsors|Trial sponsors] [need|must obtain] [consent for the
      vector|GMO consent] [as well as|in addition to] [MHRA and ethics approval|approval from
      the MHRA and an ethics committee].
    + Developers have long complained that these overlapping requirements add months to trial
      set-up without adding to safety. | [Developers|Companies in {city}] [complain|have long
      complained] that [the overlap|these overlapping rules] [adds|add] [months|weeks] to
      trial set-up [without adding to safety|for no gain in safety].
    ? [A review has been promised|Simpler arrangements are expected][, and simpler rules for
      clinical use may follow|].
    """),
    P("""
    + The MHRA has introduced a framework for products made at the point of care, where
      manufacturing takes place in or near the hospital treating the patient. | [A new|The
      MHRA's] framework [covers|regulates] products made at the point of care, [in or near|
      close to] the hospital [treating the patient|where the patient is treated].
    + The framework lets a central control site hold the licence while many local units make
      the product to the same standard. | [A central control site|One control site] [holds|can
      hold] the licence while [local units|many sites] make the product to the same standard.
    + It is among the first such regimes in the world and could make hospital-based manufacture
      of cell therapies practical. | [Among the first|One of the first] [such regimes|of its
      kind] [anywhere|in the world], it could make [hospital-based manufacture|manufacture in
      hospitals] [practical|workable].
    ? Its success will depend on clear guidance and on inspectors able to oversee manufacturing spread across many sites. | [Success|Whether it works] [will depend on|depends on] [clear guidance|good guidance] and [enough inspectors|inspectors who can oversee many sites].
    """, since=2024),
    P("""
    + Leaving the European Union changed the regulatory landscape for advanced therapies. |
      [Brexit|Leaving the EU] [changed|reshaped] the [regulatory landscape|rules] for advanced
      therapies.
    + Companies now need a separate licence for Great Britain, and some warned that smaller
      markets might be given lower priority. | [A separate licence|Separate licensing] for
      Great Britain is now needed, and [some companies|some] warned that [smaller
      markets|the UK] [might|could] [be given lower priority|come later in the queue].
    + To reduce that risk, the MHRA introduced an international recognition procedure, allowing
      it to take account of approvals by regulators in the United States, the European Union and
      several other countries. | [The MHRA's|An] international recognition procedure [now
      lets|allows] [it|the MHRA] [rely on|take account of] approvals [from|by] trusted
      regulators [abroad|in the United States and the EU].
    ? Several gene therapies have since been licensed in Great Britain within weeks of decisions elsewhere. | [Several|A number of] [products|gene therapies] [have since been|were then] licensed [here|in Great Britain] [within weeks of|soon after] [approval abroad|approval in the United States].
    """, since=2024),
    P("""
    + NICE's review of its methods, completed in 2022, considered whether its approach treated
      advanced therapies fairly. | [In 2022|When it reviewed its methods in 2022], NICE
      [considered|asked] whether its [approach|methods] [treated advanced therapies fairly|were fair to advanced therapies].
    + It introduced a severity modifier, giving greater weight to treatments for the most severe
      conditions, and clarified how uncertainty should be handled. | [A severity modifier|The
      new severity modifier] [gives|now gives] [greater weight|more weight] to treatments for
      [the most severe conditions|severe disease][, and guidance on uncertainty was
      clarified|].
    + It did not adopt a lower discount rate for long-term benefits, which many in the industry
      had sought. | [It did not|NICE did not] [adopt|accept] a lower discount rate [for
      long-term benefits|for benefits far in the future], [as the industry had sought|which
      industry had asked for].
    ? That decision remains [contested|disputed], because a lower rate would favour one-off therapies. | [Industry continues|Manufacturers continue] to [argue|press] for a lower [discount rate|rate][, which would favour curative treatments|].
    """, since=2022),
    P("""
    + Appraisal committees have repeatedly struggled with uncertainty about how long the effect
      of a gene therapy lasts. | [How long a gene therapy works|The duration of effect] [is|has
      been] [the hardest question|a recurring problem] for appraisal committees.
    + A therapy tested for three years may be modelled as working for ten, twenty or a lifetime,
      and the choice transforms the estimated cost-effectiveness. | [A therapy|A product]
      [tested for three years|with three years of data] [may be modelled|can be modelled] as
      working for [ten years|twenty years|a lifetime], and [the choice|that assumption]
      [transforms|drives] [the estimated cost-effectiveness|the result].
    + Committees have generally taken a cautious view[, accepting long-term benefit only where
      the biology and early data strongly support it|]. | [Committees|NICE committees] [have
      generally been|have tended to be] [cautious|conservative][, accepting lasting benefit
      only on strong evidence|].
    + Manufacturers argue that this caution systematically undervalues curative treatments. |
      [Manufacturers|Companies] [say|argue] that [this caution|such caution] [undervalues|
      systematically undervalues] [curative|one-off] treatments.
    """, since=2018),
    P("""
    + The regulator's capacity has become a concern in its own right. | [Capacity at the
      MHRA|The regulator's capacity] [has become|is now] a concern [in its own right|of its
      own].
    + Reports of backlogs in clinical trial applications and licensing decisions led to a
      recovery plan, with additional assessors recruited and processes redesigned. |
      [Backlogs|Delays] in [trial applications|clinical trial approvals] and licensing [led
      to|prompted] a recovery plan[, with more assessors and redesigned processes|].
    + The backlog has since been cleared, and approval times for trials are now among the
      fastest in Europe. | [The backlog|That backlog] [has been cleared|is now cleared], and
      [trial approval times|approval times] are [among the fastest|some of the fastest] in
      Europe.
    ? Keeping them there will require the MHRA to retain experienced assessors in a highly competitive market for regulatory scientists. | [Keeping those gains|Sustaining this] [will mean|means] [retaining|holding on to] [experienced assessors|skilled assessors] [whom industry is keen to hire|in a competitive market].
    """, since=2023),
    P("""
    + Advanced therapies are regulated under a specific European regulation that came into force
      in 2008. | [A specific|A dedicated] European regulation, in force since 2008, [governs|
      covers] advanced therapies.
    + It created a single category of advanced therapy medicinal product, covering gene
      therapies, somatic cell therapies and tissue-engineered products, and set up a dedicated
      committee to assess them. | It [created|defined] [a single category|one category]
      covering gene therapies, somatic cell therapies and tissue-engineered products[, with a
      dedicated committee to assess them|].
    + Few products have been licensed under the regulation, and several have been withdrawn for
      commercial reasons. | [Few|Only a handful of] products have been licensed [under it|under
      the regulation], and several [have been withdrawn|were later withdrawn] for commercial
      reasons[, including {early.brand}|].
    ? That suggests the difficulties lie as much in reimbursement as in regulation. | [Payment|Reimbursement], [not|rather than] [licensing|regulation], [may be|seems to be] the [harder|bigger] [obstacle|barrier].
    """, until=2019),
    P("""
    + Early dialogue between developers and the bodies that assess them is widely seen as
      valuable. | [Early|Early and frequent] dialogue [between developers and
      assessors|with the bodies that assess them] is [widely seen as|generally regarded as]
      [valuable|helpful].
    + Joint scientific advice from the MHRA and NICE allows a company to check, before starting
      a pivotal trial, that the evidence it plans to collect will satisfy both the regulator
      and the appraisal committee. | [Joint advice|Joint scientific advice] from the MHRA and
      NICE [lets|allows] a company [check|confirm], before a pivotal trial, that [its
      evidence|the planned evidence] will satisfy [both|both bodies].
    + Horizon scanning helps commissioners prepare for products several years before they
      arrive. | [Horizon scanning|Early warning of new products] helps [commissioners|NHS
      England] [prepare|plan] [years ahead|several years before launch].
    ? [Used together|Combined], these tools can [shorten|cut] the time between licence and
      treatment [considerably|substantially].
    """),
    P("""
    + The rules governing clinical trials are being updated. | [The clinical trial rules|Trial
      regulation] [are being updated|is being reformed].
    + New clinical trial regulations, the first major revision for two decades, are meant to
      make approvals quicker and more proportionate to risk while keeping protections for
      participants. | [@n The new regulations|The first major revision for two decades] [@n aim|aims] to make approvals [quicker|faster] and more [proportionate to risk|
      proportionate][, while protecting participants|].
    + For advanced therapy trials, which often involve novel products and very small numbers of
      patients, proportionality matters a great deal. | [Proportionality|A proportionate
      approach] [matters|counts] [a great deal|greatly] for advanced therapy trials, [which
      are often small|with their novel products and small numbers].
    ? Sponsors have welcomed the changes but want assurance that the MHRA will have the resources to implement them. | [Sponsors|Trial sponsors] [welcome|have welcomed] the [reforms|changes], [though|but] [they doubt|some question] whether the MHRA [has|will have] the [staff|resources] to [deliver them|implement them].
    """, since=2023),
    P("""
    + NICE has now published guidance on {n_guidance} advanced therapies, most of them
      recommended either for routine use or for use within managed access. | [By
      {year}|So far], NICE has [published guidance on|appraised] {n_guidance} advanced
      therapies, [most|the majority] recommended [for routine use or within managed
      access|in some form].
    + The minority that were not recommended mostly failed on cost-effectiveness rather than
      clinical grounds. | [Those not recommended|The few rejected] [mostly failed|failed
      mainly] on cost-effectiveness, not [clinical grounds|on clinical grounds].
    + In several cases a negative draft decision was followed by a revised commercial offer and
      a positive final recommendation. | [Several times|In several cases], a negative draft
      [was followed by|led to] a [revised|better] commercial offer and a positive final
      [recommendation|decision].
    ? That suggests the process works partly as a negotiation over price. | [Appraisal|The process] [works|functions] [partly|in part] as a [negotiation|bargaining process] over price.
    """, since=2020),
    P("""
    + A marketing authorisation for an advanced therapy often comes with conditions. |
      [Licences|A marketing authorisation] for advanced therapies [often|usually] [come|comes]
      with conditions.
    + The company may have to run a further efficacy study after licensing, maintain a registry
      of treated patients, or limit use to centres that meet specified standards. | [The
      company|A manufacturer] may [have to|need to] [run further studies|run a further
      efficacy study], keep a [registry|register] of treated patients or [limit|restrict] use
      to [qualified centres|approved centres].
    + These conditions protect patients but also shape how the NHS delivers the treatment. |
      [These conditions|Such conditions] [protect patients|are there for safety] but [also
      shape|shape] how the NHS [delivers|organises] the treatment.
    + For {cart.brand}, treating centres must be qualified by the manufacturer and have rapid
      access to intensive care and to medicines for severe side effects. | [Centres giving
      {cart.brand}|For {cart.brand}, centres] must be qualified by the manufacturer and have
      [rapid|quick] access to intensive care[ and to tocilizumab|].
    """, since=2018),
    P("""
    + The regulatory framework for advanced therapies was designed when few such products
      existed. | [@a The framework|The rules] for advanced therapies [@a was|were] designed when
      [few|hardly any] such products existed.
    + Developers say that it remains complex, with separate requirements for clinical trials,
      manufacturing licences, genetically modified organisms and human tissue. | [Developers|
      Companies] [say|find] [it|the system] [complex|remains complex], with separate [rules|
      requirements] for trials, manufacturing, genetically modified organisms and human
      tissue.
    + The Human Tissue Authority licenses the collection of cells from donors and patients,
      while the MHRA oversees the manufacture of the final product. | [The Human Tissue
      Authority|The HTA] licenses [the collection of cells|cell collection], while the MHRA
      [oversees|regulates] [manufacture|the final product].
    ? Simplifying these arrangements, and making sure the agencies work together, would help small companies in particular. | [Small companies|Smaller developers] [would gain most|stand to gain most] from [simpler arrangements|a simpler system] and [better coordination|joined-up agencies].
    """),
    P("""
    + Decisions by NICE on advanced therapies have taken longer than those for most other
      medicines. | NICE [has taken|takes] longer [over|on] advanced therapies than [most other
      medicines|other medicines].
    + Committees have asked for further analyses, companies have revised their models and
      commercial offers, and consultation has run to several rounds. | [Further
      analyses|Extra analyses] [have been requested|were requested], [models and offers|
      companies' models] [revised|have been revised], and [consultation|consultations] [has run
      to several rounds|have gone several rounds].
    + Each stage is defensible on its own terms, but together they can add a year or more to the
      time between licensing and a final recommendation. | [Each step|Each stage] [is
      defensible|can be defended], but together they [can add|add] [a year or more|many
      months] [between licence and recommendation|to the process].
    ? [That delay|Such delay] matters most to patients with rapidly progressing disease. | [For patients|For those] with [rapidly progressing|fast-moving] disease, [a year|such a delay] [can be decisive|may be too long].
    """, since=2018),
    P("""
    + I want to press the Minister on the regulator. | [Let me|I want to] press the Minister on
      [the regulator|the MHRA].
    + Since we left the European Union, the MHRA has had to do a great deal more, and I have
      heard from companies in my constituency that advice meetings are harder to book and that
      decisions take longer than they used to. | [Since Brexit|Since we left the EU], the MHRA
      [has taken on|has had to do] [far more|a great deal more], and [firms in {town}|companies
      in my constituency] [tell me|say] that [advice meetings are harder to book|decisions take
      longer].
    + If we want to be a science superpower, the regulator must be properly resourced. | [A
      science superpower|Any country that wants to lead] [needs|must have] a [properly
      resourced|well-resourced] regulator.
    + Will {min_pron} set out how many additional assessors have been recruited to deal with
      advanced therapies? | [Can|Will] the Minister [tell us|set out] how many [additional|
      new] assessors [have been recruited|have been hired] for advanced therapies?
    """, register="speech", since=2021),
    P("""
    + The hon. Member for {colleague_seat} mentioned NICE. | [The hon. Member for
      {colleague_seat} spoke about|I want to follow up what the hon. Member for
      {colleague_seat} said about] NICE.
    + I have great respect for NICE, but its methods were designed for medicines that are taken
      every day for years, not for a single infusion that may cure a disease. | [I respect
      NICE|NICE does difficult work], but its methods were [designed|built] for [medicines
      taken daily for years|daily medicines], not [a single infusion|one-off infusions] that
      [may cure|could cure] a disease.
    + When a committee must guess whether a treatment works for ten years or forty, it is bound
      to be cautious. | [A committee|Any committee] that must [guess|estimate] whether a
      treatment [works|lasts] for ten years or forty [is bound to be|will be] cautious.
    + I ask the Minister to look again at how appraisal treats long-term benefit, because at
      present families are paying the price for that caution. | [I ask|I urge] the Minister to
      [look again at|review] how appraisal treats long-term benefit[, because families are
      paying for that caution|].
    """, register="speech"),
    P("""
    + The hospital exemption is a subject on which I have had a great deal of correspondence. |
      [I have had|My postbag has had] [a great deal of|much] correspondence about the hospital
      exemption.
    + Clinicians at the {city} centre believe they could make a CAR-T treatment for around a
      tenth of the commercial price, under the exemption and with proper oversight. |
      [Clinicians|Doctors] [in {city}|at {hospital}] [believe|tell me] they could make CAR-T
      [for around a tenth|for a fraction] of the commercial price[, under the exemption|].
    + I am not a scientist, and I understand the concerns about standards, but if it is safe and
      it works, why should patients be denied it simply because it has not come from a company
      holding a licence? | [I am no scientist|I am not a scientist], [but|and I understand the
      worries about standards, but] if it is safe and it works, why [should patients be
      denied it|deny it to patients] [because it lacks a licence|simply for want of a
      licence]?
    """, register="speech", since=2019),
    P("""
    + I welcome the innovative licensing pathway, which the Minister's Department has
      championed. | [I welcome|I support] the innovative licensing pathway[, which the
      Department has championed|].
    + But a passport is only useful if it gets you somewhere. | [But|Yet] a passport is only
      [useful|worth having] if it [gets you somewhere|takes you somewhere].
    + Several companies have told me that, having received one, they found the later stages no
      quicker than before. | [Several|Some] companies [have told me|tell me] that [the later
      stages|appraisal and commissioning] were no [quicker|faster] [after receiving
      one|with a passport].
    + Can the Minister tell us how many products that entered the pathway have since been
      licensed and recommended by NICE, and how long it took them to get there? | How many
      products [on the pathway|that entered the pathway] have [since been licensed|been
      licensed] and recommended by NICE, and how long did it take[ them|]?
    """, register="speech", since=2022),
    P("""
    + As other Members have said, the regulatory system must protect patients above all. | [As
      others have said|As colleagues have said], [the regulatory system|regulation] must
      [protect patients above all|put patient safety first].
    + These are powerful treatments with serious side effects, and some early results that
      looked miraculous have not been sustained. | These are [powerful|potent] treatments with
      serious side effects, and [some early results|some results that looked miraculous] have
      not [been sustained|lasted].
    + I would caution against any rush to approve products on thin evidence simply because they
      are new. | I [would caution|warn] against [any rush|rushing] to approve products on [thin|
      weak] evidence [simply because they are new|just because they are new].
    + The regulator's independence and rigour are assets, and we should be careful not to trade
      them for headlines or for short-term commercial advantage. | The regulator's
      [independence and rigour|rigour] [are assets|is an asset] we should not [trade|give up]
      for [headlines|short-term advantage].
    """, register="speech"),
    P("""
    + We recommend that the MHRA, NICE and NHS England publish a joint timetable for each
      advanced therapy that enters the innovative licensing pathway, setting out expected dates
      for licensing, appraisal and commissioning. | [We recommend|Our recommendation is] that
      the MHRA, NICE and NHS England publish a [joint|shared] timetable for each advanced
      therapy [on the pathway|entering the pathway], with [expected dates|target dates] for
      [each stage|licensing, appraisal and commissioning].
    + Where a date is missed, the reason should be published. | [Where|When] a date is missed,
      the [reason|cause] should be [published|made public].
    + A shared timetable would make clear where delays arise and would help companies,
      clinicians and patients to plan for each new treatment. | [A shared timetable|Such a
      timetable] would [show|make clear] where delays [arise|occur] and [help|let] [everyone|
      companies and clinicians] [plan|prepare].
    """, register="report", since=2021),
    P("""
    + Evidence submitted to this review suggests that the regulatory framework itself is not the
      main barrier to access. | [The evidence we received|Evidence to this review] [suggests|
      indicates] that the [regulatory framework|framework itself] is not the main barrier to
      access.
    + Companies rated the MHRA's scientific advice highly and reported that licensing decisions
      were broadly predictable. | [Companies|Respondents] rated [the MHRA's advice|MHRA
      scientific advice] highly and [found|described] licensing decisions [broadly
      predictable|as predictable].
    + The difficulties they described lay mainly in the later stages: appraisal methods that
      struggle with uncertainty, and commissioning processes that vary between regions. |
      [The difficulties|Their difficulties] lay [mainly|largely] [later|in the later stages]:
      appraisal [methods|] that [struggle|struggles] with uncertainty and [commissioning|local
      commissioning] that varies [between regions|by region].
    ? Reform should therefore focus on those stages, and on the links between them. | [Reform|Change] [should|ought to] [concentrate|focus] on [appraisal and commissioning|those later stages] [and how they connect|and the links between them].
    """, register="report"),
    P("""
    + The appraisal record summarised in this chapter shows a clear pattern. | [The
      record|The appraisal record] [in this chapter|summarised here] shows a [clear|
      consistent] pattern.
    + Advanced therapies for blood cancers have usually been recommended for use within the
      Cancer Drugs Fund, while gene therapies for rare conditions have mostly been evaluated
      through the Highly Specialised Technologies programme. | [Therapies for blood
      cancers|CAR-T therapies] have [usually|mostly] gone [to|through] the Cancer Drugs Fund,
      [while|and] gene therapies for rare conditions [through|to] the Highly Specialised
      Technologies programme.
    + Appraisals have taken longer on average than those for other medicines, largely because of
      extra rounds of consultation while companies revised their commercial offers. |
      [Appraisals|They] have taken longer [on average|than average], [largely|mainly] because
      of extra [consultation rounds|rounds of consultation] while companies revised [their
      offers|prices].
    """, register="report", since=2020),
    P("""
    + Regulatory science is a discipline in its own right, and the UK needs more of it. |
      [Regulatory science|The science of regulation] is a discipline [in its own right|of its
      own], and the UK needs more of it.
    + We recommend sustained funding for research into new methods of assessing advanced
      therapies, including the use of real-world data, surrogate endpoints and long-term
      follow-up. | We recommend [sustained|long-term] funding for research into [new ways|new
      methods] of assessing advanced therapies[, including real-world data and surrogate
      endpoints|].
    + This work should be done jointly by the regulator, NICE, universities and industry, and its
      results should be published so that other countries can learn from them. | [The
      work|This research] should be [shared|done jointly] by the regulator, NICE,
      [universities|academia] and industry, and [published|its results published].
    """, register="report"),
    P("""
    + The MHRA is committed to enabling timely access to safe and effective medicines, including
      advanced therapies. | The MHRA [is committed to|aims at] [timely access|enabling timely
      access] to safe and effective medicines, [including|not least] advanced therapies.
    + It offers scientific advice to developers at every stage and works closely with NICE and
      the NHS through the Innovative Licensing and Access Pathway. | It [offers|gives]
      scientific advice [at every stage|throughout development] and works [closely|jointly]
      with NICE and the NHS [through|in] the Innovative Licensing and Access Pathway.
    + Decisions on individual products are for the MHRA as the independent regulator. |
      [Decisions on individual products|Individual licensing decisions] are [for the MHRA|a
      matter for the MHRA] as the independent regulator.
    ? It keeps its processes under review to make sure they remain proportionate to the risks involved. | [Its processes|The MHRA's procedures] are kept under review [so that they stay|to keep them] proportionate to [risk|the risks].
    """, register="gov", since=2021),
    P("""
    + The MHRA works closely with the European Medicines Agency, whose Committee for Advanced
      Therapies assesses applications for marketing authorisation for these products. | [The
      MHRA|Our regulator] [works closely|works] with the European Medicines Agency, whose
      Committee for Advanced Therapies [assesses|evaluates] [applications|marketing
      authorisation applications] for these products.
    + UK experts play a leading part in that work. | [UK|British] experts [play a leading
      part|are prominent] in [that work|its work].
    + In the UK, the MHRA regulates clinical trials, manufacturing and the hospital exemption,
      and offers scientific advice to developers from the earliest stages of development. |
      [At home|In the UK], the MHRA regulates [trials|clinical trials], manufacturing and the
      hospital exemption, and [offers|provides] [scientific advice|advice] [from the earliest
      stages|to developers][, including through its Innovation Office|].
    """, register="gov", until=2020),
    P("""
    + NICE is the independent body responsible for deciding whether new medicines are a
      clinically and cost-effective use of NHS resources. | NICE is the independent body
      [that decides|charged with deciding] whether [new medicines|medicines] are a clinically
      and cost-effective use of [NHS resources|NHS money].
    + Its methods and processes are internationally respected, and it aims to publish guidance
      on new medicines as close as possible to the date of licensing. | [Its methods|NICE's
      methods] are [internationally respected|respected worldwide], and it aims to publish
      guidance [as close as possible to licensing|close to the date of licensing].
    + NICE is currently appraising several advanced therapies and will publish final guidance
      in due course. | [Several|A number of] advanced therapies are [currently|now] being
      appraised, and [final guidance|guidance] will [follow|be published] in due course.
    ? It would not be appropriate to comment on appraisals that are still under way. | [Ministers|The Government] [do not|cannot] comment on [appraisals in progress|individual appraisals while they are under way].
    """, register="gov"),
    P("""
    + The Government have no plans to change the hospital exemption. | [There are no plans|The
      Government have no plans] to [change|amend] the hospital exemption.
    + It provides an important route for bespoke treatments that are prepared and used on a
      non-routine basis within a single hospital, under the responsibility of a medical
      practitioner. | [It provides|The exemption provides] [an important|a valuable] route for
      bespoke treatments [prepared|made] and used [on a non-routine basis|occasionally] in a
      single hospital[, under a doctor's responsibility|].
    + Products supplied on a routine basis should continue to hold a marketing authorisation, so
      that patients can be assured of their quality, safety and efficacy. | [Routinely supplied
      products|Products supplied routinely] should [continue to hold|hold] a marketing
      authorisation[, so that patients can be assured of their quality|, to assure patients of
      quality and safety|].
    ? The MHRA keeps this position under review. | [This position|The position] is kept under review [by the MHRA|by the regulator][ in the light of experience|].
    """, register="gov"),
    P("""
    + Legislation creating a framework for medicines manufactured at the point of care has been
      laid before Parliament. | [Regulations|Legislation] [creating|for] a framework for
      [point of care manufacture|medicines made at the point of care] [has been laid|have been
      laid] before Parliament.
    + The framework will allow advanced therapies and other products that must be made close to
      the patient to be regulated in a way that reflects how they are made. | [It|The framework]
      will [allow|let] [products made close to the patient|advanced therapies made near the
      patient] to be regulated in a way that [reflects|fits] how they are made.
    + The MHRA will publish guidance for manufacturers and will work with NHS organisations that
      wish to make such products. | The MHRA will [publish guidance|issue guidance] and [work
      with|support] NHS organisations [that wish to make|wanting to make] such products.
    """, register="gov", since=2024),
    P("""
    + [The MHRA|The regulator] [has recruited|has taken on] [additional|more] assessors[ and
      redesigned its processes|] to [clear|reduce] [backlogs|delays].
    + [Approval times|Times to approve clinical trials] [have fallen|have come down]
      [substantially|sharply] [over the past year|since {last_year}].
    + [We|The Government] [expect|want] the MHRA to [remain|stay] [among the fastest|one of the
      quickest] regulators in [the world|Europe].
    ? [Decisions on individual applications|Individual decisions] [remain|are] a matter for the
      MHRA.
    """, register="gov", since=2023),
]

SHARED_REGULATION = S("""
+ [Regulation|Good regulation] [exists|is there] to protect patients, [not|and not] to
  [protect|shield] [companies|incumbents].
+ [Speed|Faster decisions] and [rigour|care] [need not be|are not] [in conflict|at odds].
+ [The evidence|Evidence] [at launch|at licensing] is [almost always|usually] [thin|limited] for
  these [products|therapies].
+ [Each|Every] [agency|body] [has|plays] [its own|a distinct] role, [but|and] patients [see|
  experience] [only|just] the total delay.
+ [Small companies|Start-ups] [struggle|find it hard] to [navigate|understand] [the rules|
  overlapping rules].
+ [Regulators elsewhere|Regulators in {country}] [face|are wrestling with] [the same|similar]
  [questions|dilemmas].
+ [The MHRA|The regulator] [has|now has] [more freedom|greater freedom] to [act|decide]
  [on its own|independently] [than before|since 2021].
+ [Uncertainty|The uncertainty] [about|over] [long-term benefit|how long benefits last]
  [cannot be|will not be] [resolved|settled] [before launch|at licensing].
+ [Appraisal|NICE appraisal] [is|remains] the [stage|step] [where|at which] [most|many] [delays|
  hold-ups] [occur|arise].
+ [Clear|Predictable] [rules encourage|guidance encourages|rules help] [investment|companies to invest].
+ [Patients|Patient groups] [want|ask for] [a voice|a say] in [these decisions|how these
  decisions are made].
+ [The system|The process] [was not|was never] [designed|built] for [one-off|curative]
  treatments.
+ [Post-licensing|Later] [studies|data] [will|should] [show|tell us] [whether|if] [early promise holds|the early results hold].
+ [Decisions|Each decision] [must|has to] [balance|weigh] [speed|early access] against
  [certainty|the risk of being wrong].
+ [Ethics committees|Research ethics committees] [also|] [play a part|have a role] in [approving
  trials|trial approval].
+ [Scientific advice|Early advice] [is|has been] [valued|appreciated] by [developers|companies]
  [of every size|large and small].
""")

# ---------------------------------------------------------------------------------------------
# NHS workforce

WORKFORCE = [
    P("""
    + The workforce needed to deliver advanced therapies is small but highly specialised. |
      [Advanced therapies depend on|Delivering advanced therapies takes] a [small|modest] but
      highly specialised workforce.
    + Each CAR-T centre depends on haematologists, specialist nurses, apheresis staff,
      pharmacists, laboratory scientists and intensive care teams who understand the particular
      side effects of the treatment. | [Every|Each] CAR-T centre [needs|relies on]
      [haematologists|consultant haematologists], specialist nurses, [apheresis staff|
      pharmacists] and intensive care teams [who know|familiar with] [the side effects|its side
      effects].
    + Losing a handful of experienced people can force a centre to reduce the number of patients
      it treats. | [The loss of|Losing] [a handful of|two or three] experienced [people|staff]
      can [force a centre to treat fewer patients|cut a centre's capacity].
    ? Several centres have reported vacancies in key roles for more than {months} months[, and
      recruitment from abroad has become harder|].
    """, since=2018),
    P("""
    + Pharmacists play a central role that is often overlooked. | [The role of pharmacists|
      Hospital pharmacists' role] is [central|vital] [but often overlooked|and too often
      overlooked].
    + Advanced therapies arrive frozen, in a chain of custody that must be documented at every
      step, and must be stored, thawed and released under strict conditions. | [These
      products|Advanced therapies] arrive frozen, [with|in] a chain of custody [documented at
      every step|recorded at each step], and must be [stored, thawed and released|stored and
      thawed] under strict conditions.
    + Hospital pharmacy departments have had to develop new procedures and train staff to handle
      them. | [Pharmacy departments|Hospital pharmacies] have [had to develop|developed] new
      procedures and [trained staff|training] [to handle them|for their staff].
    + Professional bodies have warned that the number of pharmacists with the necessary
      experience is too small for the expected growth in products. | [Professional
      bodies|The profession] [have warned|warn] that [too few pharmacists have the necessary experience|the pool of experienced pharmacists is too small] for the [expected
      growth|growth] in products[, and that training posts are not keeping up|].
    """),
    P("""
    + Specialist nurses are the constant presence in a patient's treatment. | [Through every
      stage|Throughout treatment], the specialist nurse is the [constant|one constant]
      presence.
    + They coordinate cell collection, explain the process to families, monitor patients for
      cytokine release syndrome and neurotoxicity, and provide follow-up for months afterwards.
      | [They|Specialist nurses] [coordinate|organise] cell collection, [explain the process to
      families|support families], [monitor|watch] for cytokine release syndrome and
      neurotoxicity, and [provide follow-up|follow patients up] [for months|afterwards].
    + The nursing workforce in haematology and transplant units is under particular strain,
      with vacancy rates of {pct_small} or more in some units. | [@a Haematology and transplant units|Nursing in haematology] [@a are|is] under [particular|severe] strain, with vacancy
      rates [of {pct_small} or more|above {pct_small}] in some units.
    ? Nurses who gain experience in cell therapy are in demand from industry, and retention has
      become a serious problem for [many trusts|{trust}].
    """),
    P("""
    + Apprenticeships offer a practical route into the field. | [@e Apprenticeships|Earning while learning] [@e offer|offers] a [practical|realistic] route into [the field|the work].
    + Trainees can now join laboratories and pharmacy aseptic units as apprentices, earning while
      they study for qualifications as technicians or, over a longer period, as healthcare
      scientists. | [Trainees|Apprentices] can [join|work in] laboratories and [pharmacy
      aseptic units|aseptic units] while [they study|studying] [for qualifications|to qualify]
      as [technicians|healthcare scientists].
    + Employers in {region} have used such schemes to recruit people who would not have gone to
      university. | [Employers|Trusts] in {region} have [used|turned to] [such schemes|
      apprenticeships] to [recruit|reach] people who would not have gone to university.
    + The numbers remain small, however, and NHS trusts say that releasing experienced staff to
      supervise apprentices is hard when departments are already short-staffed. | [But the
      numbers are small|Numbers remain small], and [trusts|NHS trusts] [say|find] that
      [supervision|releasing staff to supervise] is hard [when departments are short-staffed|in short-staffed departments].
    """),
    P("""
    + Clinical scientists are essential to the safe delivery of advanced therapies. |
      [Without clinical scientists, these services could not run safely|Safe delivery depends on clinical scientists].
    + They oversee the laboratories that process cells, validate equipment, run the tests that
      confirm a product meets its specification and advise clinicians on genetic results. |
      They [oversee|run] the [laboratories|cell processing laboratories], validate equipment,
      [run|carry out] [release tests|the tests that confirm a product meets its
      specification] and advise [clinicians|doctors] on genetic results.
    + Training a clinical scientist through the national scientist training programme takes
      three years after a first degree. | [Training|To train] a clinical scientist [takes three
      years|through the scientist training programme takes three years] after a first degree.
    + The number of training places has not kept pace with demand, and several trusts cannot
      fill posts without recruiting from industry, which pays more. | [Training places|The
      number of places] [has not kept pace|has lagged behind demand], and [several trusts|some
      trusts] [recruit from|have to recruit from] industry, which pays more.
    """),
    P("""
    + Workforce planning for advanced therapies has been piecemeal. | [Planning|Workforce
      planning] for advanced therapies has been [piecemeal|patchy].
    + National plans for the NHS workforce deal with large professions such as nursing and
      medicine but say little about the small specialist groups on which these services depend.
      | [National plans|Workforce plans] [cover|deal with] [the large professions|nursing and
      medicine] but say [little|almost nothing] about [the small specialist groups|specialist
      groups] [these services need|on which these services depend].
    + Without a clear forecast of how many patients will need treatment, and where, it is
      difficult for educators to know how many people to train. | [Without|Lacking] a forecast
      of [patient numbers|how many patients will need treatment], [educators|universities]
      cannot [know|judge] how many people to train.
    ? A joint plan covering the NHS, universities and industry would help, since all three compete for the same pool of skilled people. | [The NHS, universities and industry|Employers and educators] [compete|draw] [for|on] the same [pool of people|small pool], so [a joint plan|joint planning] [makes sense|would help].
    """),
    P("""
    + The specialist centres that deliver these treatments are working close to capacity. |
      [The specialist centres|Treating centres] are [working|running] [close to|at or near]
      capacity.
    + Most were designated because they already ran stem cell transplant services, and CAR-T has
      been added to the work of the same teams, using the same beds and the same intensive care
      support. | [Most|Many] [already ran|were chosen because they ran] stem cell transplant
      services, and CAR-T [has been added|was added] to [the same teams|the work of the same
      teams][, using the same beds|].
    + As the number of licensed indications grows, those teams are asked to treat more patients
      without a matching increase in staff. | [As indications multiply|With every new
      indication], [the teams|those teams] are asked to treat more patients [without more
      staff|without a matching rise in staff].
    ? Some centres have started to ration referral slots, and waits for patients have lengthened. | [Referral slots|Places] [are now rationed|have been rationed] [at some centres|in {region}], and [waits|waiting times] [have lengthened|have grown].
    """, since=2019),
    P("""
    + Training in advanced therapies is not yet a routine part of professional education. |
      [Professional education|Undergraduate training] [does not yet routinely cover|rarely
      covers] advanced therapies.
    + Most doctors, nurses and pharmacists qualifying today will have learned little about how
      these treatments work or how they are delivered. | [Most|Many] [doctors, nurses and
      pharmacists|new graduates] [qualify|are qualifying] [knowing little|having learned
      little] about [how these treatments work|these treatments].
    + Short courses run by specialist centres and by the advanced therapy treatment centre
      network have helped fill the gap, but they reach only those already working in the
      field. | [Short courses|Courses run by specialist centres] [have helped|help] [fill the
      gap|], but [reach only|only reach] [those already in the field|staff already working in
      it].
    ? Building basic knowledge into undergraduate and postgraduate curricula would prepare the wider workforce for what is coming. | [Basic teaching|Teaching on advanced therapies] in [undergraduate|degree] courses would [prepare|equip] [the wider workforce|more staff] for [what is coming|the years ahead].
    """, since=2019),
    P("""
    + Retention is as important as recruitment. | [Keeping staff|Retention] [matters as much
      as|is as important as] [recruiting them|recruitment].
    + Staff with experience in cell and gene therapy are sought after by companies, contract
      manufacturers and research institutes, which can often offer better pay and more
      predictable hours than the NHS. | [Experienced staff|Staff with cell therapy experience]
      are [sought after|in demand] [by companies and research institutes|in industry], which
      [often offer|can offer] better pay and [more predictable|regular] hours.
    + Exit interviews at one large trust found that {pct} of those leaving specialist
      laboratory roles went to industry. | [At|In] {trust}, exit interviews [found|showed]
      that {pct} of [leavers|those leaving] [specialist laboratory roles|laboratory posts]
      [went to industry|moved to industry].
    + Flexible working, clear career progression and protected time for training are among the
      measures that staff say would encourage them to stay. | [Staff say|Staff tell us] that
      [flexible working|flexible hours], [career progression|clear career paths] and
      [protected training time|time for training] would [encourage them to stay|keep them].
    """),
    P("""
    + Apheresis services, which collect the white blood cells from which CAR-T products are
      made, have become a pinch point. | [Apheresis|Cell collection], [the first step|which
      provides the cells] for CAR-T, has become a [pinch point|bottleneck].
    + Collection needs specialist nurses, dedicated machines and careful scheduling with the
      manufacturer's production slots. | [It|Collection] [needs|requires] specialist nurses,
      [dedicated machines|dedicated equipment] and [careful scheduling|close coordination]
      with the manufacturer['s slots|].
    + In {last_year}, some centres reported waits of {weeks} weeks for an apheresis
      appointment. | [Some centres|Centres in {region}] [reported|had] waits of {weeks} weeks
      for apheresis [in {last_year}|last year].
    + Because patients with aggressive disease may deteriorate quickly, any delay at this stage
      can mean that they are no longer well enough to receive the treatment when a slot
      becomes free. | [Patients|Those] with aggressive disease [may|can] [deteriorate|
      decline] [quickly|fast], so [any delay|a delay here] [can mean|may leave] them [too
      unwell|no longer well enough] [for treatment|to be treated].
    """, since=2019),
    P("""
    + Intensive care capacity is part of the workforce question. | [Intensive care|Critical
      care] capacity [is part of|belongs to] the workforce question.
    + Some patients treated with CAR-T need critical care for severe side effects, and centres
      must show that an intensive care bed, and staff trained to manage these complications,
      will be available. | [Some|A minority of] CAR-T patients need critical care [for severe
      side effects|], and centres must [show|guarantee] that a bed and [trained staff|staff who
      can manage the complications] [will be available|are available].
    + Critical care units have been under severe pressure across the NHS, with shortages of
      specialist nurses in particular. | [Critical care units|Intensive care units] [have been|
      are] under [severe|heavy] pressure, [especially|particularly] [for nurses|short of
      specialist nurses].
    ? When beds are full, admissions for CAR-T may have to be postponed, even for patients whose cells have already been manufactured. | [Admissions|CAR-T admissions] [have been postponed|are sometimes postponed] [for lack of a bed|when intensive care is full], [even|sometimes] [after the cells have been made|for patients whose product is ready].
    """, since=2019),
    P("""
    + The NHS has long relied on staff trained overseas, and advanced therapy services are no
      exception. | [Staff trained overseas|International recruits] have long [been vital
      to|supported] the NHS, [and|not least in] advanced therapy services.
    + Many of the scientists and specialist nurses in cell therapy units were recruited from the
      European Union or further afield. | [Many|A large share] of the scientists and
      specialist nurses [in cell therapy units|in these units] [came from|were recruited
      from] the European Union or [further afield|beyond].
    + Changes to immigration rules since the referendum have made some recruitment more
      difficult, while new visa routes for health and care workers have eased it for other
      groups. | [Immigration changes|Changes to the rules] since the referendum [have made|made]
      some recruitment harder, while [the health and care visa has|new visa routes have] [eased it|helped] for others.
    ? Employers want greater clarity so that they can plan recruitment several years ahead. | [Employers|Trusts] [want|need] [clarity|clear rules] [to plan recruitment|so they can recruit] [years ahead|with confidence].
    """, since=2017),
    P("""
    + Staffing shortages are worst outside the largest cities. | [Shortages|Staffing gaps] are
      [worst|most severe] outside the [largest cities|big cities].
    + Centres in {region} report that they struggle to attract consultants and scientists, who
      prefer to work in established units in London, Manchester or Birmingham. | [Centres in
      {region}|Hospitals in {region}] [struggle|find it hard] to attract [consultants and
      scientists|senior staff], who [prefer|tend to prefer] [established units|large centres]
      in [London, Manchester or Birmingham|the big cities].
    + Patients in those areas already travel further for treatment. | [Patients there|Patients
      in those areas] [already|] travel [further|longer distances] for treatment.
    + If new centres are to be opened closer to them, as commissioners intend, the workforce must
      be built at the same time. | [If new centres|New centres nearer to them] are to [open|
      succeed], [the workforce must be built|staff must be trained] at the same time[, through
      training posts and regional networks|].
    """),
    P("""
    + The NHS Long Term Workforce Plan, published in 2023, set out an ambition to expand
      training across the professions. | [Published in 2023|In 2023], the NHS Long Term
      Workforce Plan [set out|announced] [an ambition|plans] to expand training across the
      professions[ over fifteen years|].
    + It gave less attention to specialist services such as cell and gene therapy, which depend
      on small numbers of people with particular skills. | It [said less about|gave less attention to] specialist services [such as cell and gene therapy|like cell and gene
      therapy], which depend on [small numbers of people|a few people] with particular skills.
    + Staff in these services have asked for the plan to be updated with specific commitments,
      including the number of clinical scientists and specialist pharmacists to be trained each
      year. | [Staff in these services|Specialist staff] [have asked for the plan to be updated|want the plan updated] with specific [commitments|numbers] for clinical scientists and specialist
      pharmacists.
    """, since=2023),
    P("""
    + Staff in specialist services describe high levels of stress and burnout. | [Specialist
      staff|Staff in specialist services] [describe|report] [high levels of|rising] stress and
      burnout.
    + Cell therapy teams often work long hours to meet manufacturing deadlines, and patients'
      conditions can change rapidly, requiring urgent decisions at night and at weekends. |
      [Teams|Cell therapy teams] [often work|work] long hours [to meet manufacturing
      deadlines|around manufacturing schedules], and [patients can deteriorate|conditions can
      change] [rapidly|quickly], [at night and at weekends|out of hours].
    + In a recent staff survey, {pct} of respondents in haematology units said they felt unable
      to meet all the demands of their job. | [In a staff survey|In a recent survey], {pct} of [respondents|staff] in haematology units [said|reported] they [felt unable to meet|could not meet] [all the demands of the job|the demands of their job].
    ? Protecting the wellbeing of these small teams matters, because the loss of even one experienced person can affect the whole service. | [In teams this small|In such small teams], [losing|the loss of] [one experienced person|a single experienced colleague] [can affect|can unsettle] [the whole service|everyone].
    """),
    P("""
    + New roles are emerging to support advanced therapy services. | [New roles|New kinds of
      job] are [emerging|appearing] [in|to support] advanced therapy services.
    + Cell therapy coordinators manage the schedule between the hospital and the manufacturer;
      advanced clinical practitioners take on tasks once done only by doctors; and quality
      managers oversee compliance with accreditation standards. | [Coordinators|Cell therapy
      coordinators] [manage|run] the schedule with the manufacturer, [advanced clinical
      practitioners|advanced practitioners] take on [tasks once done by doctors|medical
      tasks], and quality managers [oversee|handle] accreditation.
    + These roles can relieve pressure on senior clinicians, but they are not yet recognised in
      national pay structures or training programmes. | [These roles|Such roles] [relieve|can
      relieve] pressure on [senior clinicians|consultants], but [lack|are not yet given]
      [national recognition|recognition in pay structures][ or training routes|].
    ? Their funding often depends on short-term arrangements. | [Many|Most] [such posts|of these posts] are [funded|paid for] [year to year|on short-term contracts][, which deters applicants|].
    """, since=2019),
    P("""
    + Trusts facing shortages have turned to temporary staff. | [Shortages|Gaps in rotas] have
      [pushed|led] trusts [towards|to] temporary staff.
    + Spending on agency staff across the NHS in England was about {agency_spend} in
      {last_year}, and specialist services are not immune. | [Agency spending|Spending on
      agency staff] [reached|was] [about|around] {agency_spend} in {last_year}[, and
      specialist services are not immune|].
    + Agency staff can fill a rota but rarely bring the specific training needed to care for
      patients after cell therapy. | [Agency staff|Temporary staff] [can fill|may fill] a rota
      but [rarely|seldom] [bring|have] the [specific|particular] training [needed|required]
      after cell therapy.
    ? Centres try to rely on their own bank of trained staff instead, but this depends on the goodwill of employees who already work long hours. | [Centres|Units] [prefer|try] to [use|draw on] their own [bank staff|trained bank staff], [which relies on|but that depends on] [goodwill|the goodwill of tired staff].
    """),
    P("""
    + NHS vacancy figures give a sense of the scale of the problem. | [Vacancy figures|The
      vacancy statistics] [give a sense of|show] the scale of the problem.
    + In {last_year} there were about {nurse_vac} nursing vacancies in England and several
      thousand posts unfilled among scientific, therapeutic and technical staff. | [About|
      Around] {nurse_vac} nursing posts [were vacant|stood vacant] in England in {last_year},
      [with|and] [several thousand|thousands of] [scientific and technical posts|posts for
      scientific staff] [unfilled|empty].
    + Vacancies in specialist areas such as haematology, pharmacy and laboratory science are
      proportionally higher than the average. | [Specialist areas|Areas such as haematology
      and pharmacy] have [proportionally higher|higher than average] vacancy rates.
    ? Each vacancy represents work that is either left undone or shared among colleagues who are already stretched. | [Every|Each] [unfilled post|vacancy] [means|leaves] work [left undone|undone] or [passed to|shared among] [colleagues who are already stretched|stretched colleagues].
    """, since=2016),
    P("""
    + The funding of training posts is a recurring concern. | [How training posts are
      funded|The funding of training] is a [recurring|long-standing] concern.
    + Health Education England commissions training for the main professions, but specialist
      training for advanced therapies often depends on charities, industry sponsorship or the
      goodwill of individual trusts. | [Health Education England|HEE] [commissions|funds]
      training for the main professions, but specialist training [often depends|depends] on
      [charities and industry|charities, industry or the goodwill of individual trusts].
    + Trainees in some areas cannot complete placements because there are too few centres and
      supervisors. | [Trainees|Some trainees] cannot complete placements [because there are too
      few centres|for lack of centres and supervisors].
    ? A stable, national funding stream for specialist training would allow services to plan ahead with confidence. | [Stable|Secure] national funding for [specialist training|these training posts] would [let services plan ahead|allow services to plan].
    """, until=2022),
    P("""
    + The funding of training posts is a recurring concern. | [The funding of training posts|Funding for training] [remains|is] a [recurring|persistent] concern.
    + Since Health Education England became part of NHS England, training for the main
      professions has been commissioned nationally, but specialist training for advanced
      therapies still often depends on charities, industry sponsorship or the goodwill of
      individual trusts. | [Since Health Education England merged into NHS England|Since
      2023], training for the main professions [has been|is] commissioned nationally, but
      specialist training [still depends|still often depends] on [charities and industry|the
      goodwill of trusts].
    + Trainees in some areas cannot complete placements because there are too few centres and supervisors[, and a stable funding stream would allow services to plan ahead|]. | [Placements|Training placements] [are hard to complete|cannot always be completed] [in some areas|in {region}] [for lack of supervisors|because supervisors are scarce].
    """, since=2023),
    P("""
    + Care does not end when the patient leaves the specialist centre. | [Treatment|Care] [does
      not end|continues] [when the patient leaves|after discharge from] the specialist
      centre.
    + People treated with advanced therapies need long-term follow-up, often for fifteen years,
      and much of that will fall to local hospitals and general practice. | [Follow-up|
      Long-term follow-up] [often lasts|can last] fifteen years, and much of it will fall to
      [local hospitals and general practice|local services and GPs].
    + Staff there need to know what to look for and when to refer back. | [Staff|Local staff]
      [need to know|must know] [what to look for|the warning signs] and when to refer back.
    ? Shared care arrangements, supported by training and clear protocols, would let patients be followed up nearer home. | [With training and clear protocols|Supported by clear protocols], [shared care|local follow-up] [would let patients stay nearer home|could spare patients long journeys].
    """),
    P("""
    + Technology can relieve some of the pressure on staff, but not all of it. | [Technology|
      Automation] can [relieve|ease] some of the pressure on staff, [but not all of it|though
      not all].
    + Automated cell processing, electronic tracking of products and digital tools for
      monitoring patients at home can reduce the time staff spend on routine tasks. |
      [Automated processing|Automated cell processing], [electronic tracking|digital tracking]
      and [remote monitoring|home monitoring] can [reduce|cut] the time spent on routine tasks.
    + Yet each new system needs people trained to run and maintain it. | [Yet|But] [each|every]
      new system [needs|requires] [people trained to run and maintain it|trained operators].
    ? Investment in equipment without investment in people has too often produced machines that sit unused. | [@a Machines|New equipment] [bought|installed] without [trained staff|the people to run it] [too often|often] [@a sit|sits] unused.
    """),
    P("""
    + Genetic diagnosis is the first step towards many gene therapies. | [Many gene therapies
      begin|Treatment begins] with a genetic diagnosis.
    + Before a child can be considered for treatment, the precise mutation must be identified,
      which depends on genomic laboratories and the clinical scientists and genetic counsellors
      who work in them. | [The precise mutation|The exact mutation] must be identified [first|
      before treatment], which depends on genomic laboratories[ and their clinical scientists
      and genetic counsellors|].
    + Turnaround times for some tests have lengthened as demand has grown faster than staffing.
      | [Test results take longer|Turnaround times have lengthened] [as demand outstrips
      staffing|because demand has outgrown staffing].
    + For conditions where treatment must be given early, such as spinal muscular atrophy, a
      delay in diagnosis can mean the window for treatment is missed. | [Where|When] treatment
      must be [early|given early], as in spinal muscular atrophy, [a slow diagnosis|a delay]
      can [mean the window is missed|close the window for treatment].
    """),
    P("""
    + Bone marrow transplant units were the foundation on which cell therapy services were
      built, and their staff have carried the extra work. | [Cell therapy services|These
      services] were built on [bone marrow transplant units|transplant units], [and their
      staff have carried the extra work|whose staff carry the extra load].
    + Nurses, consultants and laboratory teams trained in transplantation have adapted their
      skills to new products, often learning on the job. | [Transplant nurses|Transplant
      teams] have [adapted|applied] their skills to new products, [often learning on the job|
      often without formal training].
    + As more patients are referred, the same small teams are being stretched across both
      services. | [As referrals grow|With more referrals], the same [small|] teams are
      [stretched|spread] across both services.
    + Units in {region} say that without more staff they will have to choose between transplant
      patients and those referred for CAR-T. | [Units|Services] in {region} [say|warn] that
      [without more staff|unless staffing grows] they [will have to|may have to] choose between
      transplant patients and [CAR-T referrals|those referred for CAR-T].
    """, since=2018),
    P("""
    + I want to pay tribute to the staff at {hospital}, who have treated patients from my
      constituency with CAR-T therapy. | [Let me pay tribute|I pay tribute] to the staff at
      {hospital}, who have treated [patients from my constituency|constituents of mine] with
      CAR-T.
    + I visited the unit recently. | I visited the unit [recently|last month][, and was struck by its work|].
    + The nurses there are extraordinary, but they told me frankly that they are exhausted. |
      [The nurses|Its nurses] are [extraordinary|remarkable], but they [told me|said] [frankly|
      plainly] that they are [exhausted|worn out].
    + Two senior colleagues had left in the previous year, one for a job in industry and one
      because she could not afford to live near the hospital. | [Two|Three] senior
      [colleagues|nurses] [had left|left] [in the previous year|last year], [one for industry|one for a job in industry] and [one because of housing costs|one because she could not
      afford to live nearby].
    + What is being done to keep people like them in the NHS? | [What|So what] is [being
      done|the Government doing] to keep [people like them|staff like these] in the NHS?
    """, register="speech", since=2019),
    P("""
    + We can have the best treatments in the world, but they are useless without the people to
      deliver them. | [The best treatments in the world|The finest treatments] are [useless|of
      no use] without [the people|staff] to deliver them.
    + The Minister will know that the vacancy rate among healthcare scientists in my region is
      well above the national average. | [@a The vacancy rate|Vacancies] among healthcare scientists in {region} [@a is|are] [well above|far above] the national average[, as the
      Minister will know|].
    + Will {min_pron} commit to a specific workforce plan for advanced therapies, with numbers,
      so that we know how many pharmacists, scientists and specialist nurses we will need by
      {later_year}? | Will the Minister commit to a [specific|dedicated] workforce plan for
      advanced therapies, with numbers[, showing how many staff we will need by
      {later_year}|]?
    ? And how do we intend to train them? | [And how|How] [will we|are we going to] [train|recruit and train] them[, and where|]?
    """, register="speech"),
    P("""
    + The hon. Member for {colleague_seat} spoke about apprenticeships, and I agree with every
      word. | [I agree with|I echo] what the hon. Member for {colleague_seat} said about
      apprenticeships.
    + In my constituency, the college and the hospital trust have set up a laboratory
      apprenticeship that is now in its {ordinal} year. | [In {town}|In my constituency], the
      college and [the hospital trust|{trust}] [have set up|run] a laboratory apprenticeship
      [now in its {ordinal} year|that is in its {ordinal} year].
    + It has given young people who might never have considered a career in science a route into
      skilled, secure work in the NHS. | It [has given|gives] young people [who might never have
      considered science|from {town}] a route into [skilled, secure work|skilled work] in the
      NHS.
    + I urge the Minister to look at how such schemes can be expanded, and properly funded,
      across the country. | I [urge|ask] the Minister to [look at|consider] how [such
      schemes|these schemes] can be [expanded|extended] and [properly funded|funded][ across the
      country|].
    """, register="speech"),
    P("""
    + A member of my family works as a nurse in the NHS, so I hear at first hand that morale is
      low. | [I hear|I know] at first hand [from my own family|from a relative who nurses]
      that morale is low.
    + Staff feel that the new treatments we are debating today are being added to their workload
      without any thought for who will deliver them. | [Staff|Nurses] feel that [new
      treatments|the treatments we are debating] are [being added|added] to their workload
      [without thought for who will deliver them|with no thought for who delivers them].
    + If the Government want these services to succeed, they must talk to the staff who run
      them. | [If these services are to succeed|For these services to succeed], the Government
      must [talk to|listen to] the staff who run them.
    ? They must listen to what staff say about staffing and training, and then act on it. | [Ministers|The Government] [must|should] [listen|hear what staff say] [and then act|and act on it].
    """, register="speech"),
    P("""
    + The Minister will say that there are more nurses in the NHS than ever before, and that is
      true. | [The Minister will tell us|We will hear] that there are more nurses [than
      ever|than ever before], and that is true.
    + But the number that matters for patients waiting for cell therapy is the number of nurses
      with the specialist training to care for them, and that number is not known. | [But|Yet]
      [what matters|the number that matters] [for these patients|for cell therapy] is how many
      nurses have the specialist training[, and nobody knows|, and that is not known].
    + I have tabled questions about it and been told that the information is not held
      centrally. | [I have asked|I have tabled questions] [and been told|only to be told] that
      the information is not held centrally.
    + How can we plan for a workforce that we do not even count? | How [can we plan|are we to plan] for a workforce [that we do not even count|we do not count]?
    """, register="speech"),
    P("""
    + Our survey of {n_centres_survey} treating centres found that all but {small} reported at
      least one unfilled post in a role critical to advanced therapy delivery. | [All but
      {small}|Nearly all] of the {n_centres_survey} [treating centres|centres] we surveyed
      [reported|had] at least one unfilled post in a [critical|key] role.
    + The most commonly reported shortages were in specialist nursing, pharmacy and laboratory
      science. | [Shortages were|The commonest shortages were] in specialist nursing, pharmacy
      and laboratory science.
    + Centres estimated that, on average, vacancies reduced their capacity to treat patients by
      around {pct_small} compared with their funded establishment. | [On average|By their own
      estimate], [vacancies|gaps] [reduced|cut] [capacity|centres' capacity] by [around|about]
      {pct_small}[ against the funded establishment|].
    ? The findings are consistent with national vacancy data for the professions concerned. | [These findings|Our results] [match|are in line with] national vacancy [data|figures] for [these professions|the professions concerned].
    """, register="report", since=2019),
    P("""
    + We recommend that NHS England, working with universities and industry, develops a
      workforce plan specific to advanced therapy services, with annual targets for training
      places in specialist nursing, pharmacy and clinical science. | [We recommend|Our central
      recommendation is] that NHS England, [with|working with] universities and industry,
      [develop|develops] a workforce plan [for advanced therapy services|specific to these
      services], with annual [targets|numbers] for training places.
    + The plan should include measures to improve retention, such as protected training time
      and clear career progression. | [It|The plan] should [include|set out] [measures|steps]
      to improve retention, [such as|including] protected training time and [clear career
      progression|career paths].
    + It should be reviewed alongside forecasts of the number of patients expected to need
      treatment. | [It|The plan] should be reviewed [each year|regularly] [alongside|against] [patient forecasts|forecasts of demand].
    """, register="report"),
    P("""
    + Staff who took part in our focus groups were proud of the services they have built, but
      many described working beyond their contracted hours to keep them running. | [Focus group
      participants|Staff in our focus groups] [were proud of|spoke with pride about] [their
      services|what they had built], but [many|most] [described|reported] working beyond their
      [contracted hours|contracts].
    + They wanted more recognition of the specialist skills they had developed, often through
      informal training on the job. | They [wanted|asked for] [more recognition|recognition] of
      [their specialist skills|skills gained on the job].
    + Several said that they had considered leaving for industry, where their skills command
      higher salaries. | [Several|Some] [had considered|were considering] [leaving for
      industry|a move to industry], where [their skills command higher pay|salaries are
      higher].
    ? Their accounts suggest that the service is more fragile than activity figures alone would indicate. | [What they told us|Their testimony] [suggests|implies] [a more fragile service|a service more fragile] than [activity figures|the activity data] [show|suggest].
    """, register="report"),
    P("""
    + Vacancy rates were not evenly spread. | [Vacancies|Vacancy rates] [were|are] [not evenly
      spread|unevenly distributed].
    + Centres in {region} reported the highest rates, while those attached to large teaching
      hospitals in London reported the lowest. | [The highest rates|The worst rates] were in
      {region}, [the lowest|and the lowest] in [large teaching hospitals|London teaching
      hospitals][, though even there some posts had been vacant for a year|].
    + Smaller centres felt the loss of a single post most acutely, because they had no
      colleagues with the same training to cover absences. | [Smaller centres|Small units]
      [felt|suffered] [the loss of a single post|any single vacancy] [most acutely|most],
      [having|with] no [colleagues|one] [to cover absences|trained to cover].
    ? In {small} cases a service had been paused for a period as a result.
    """, register="report"),
    P("""
    + The NHS Long Term Workforce Plan sets out how the NHS will recruit, train and retain the
      staff it needs over the next fifteen years. | The [NHS Long Term Workforce Plan|Long Term
      Workforce Plan] [sets out|explains] how the NHS will [recruit, train and retain|train and
      keep] the staff it needs [over fifteen years|for the next fifteen years].
    + It includes a substantial expansion in training places for healthcare scientists,
      pharmacists and nurses. | [It includes|This includes] [a substantial|a large] expansion
      in training places for [healthcare scientists, pharmacists and nurses|scientists and
      nurses].
    + NHS England works with specialist centres to make sure they have the staff needed to
      deliver new treatments, including advanced therapies. | NHS England [works with|
      supports] specialist centres [to make sure|so] they have the staff [needed|required] for
      new treatments[, including advanced therapies|].
    """, register="gov", since=2023, until=2024),
    P("""
    + The Government inherited a workforce under severe strain, and we are determined to give
      NHS staff the support they need. | [We inherited|The Government inherited] a workforce
      under [severe|great] strain, and [are determined|we are determined] to [support NHS
      staff|give staff the support they need].
    + We will publish a refreshed workforce plan that reflects the changing needs of patients,
      including specialist services such as cell and gene therapy. | A [refreshed|new]
      workforce plan will [be published|follow], reflecting [the changing needs of
      patients|patients' changing needs], including [specialist services|services such as cell
      and gene therapy].
    + NHS England works with treating centres to make sure they have the staff needed to deliver new treatments safely[, and we are working to reduce reliance on agency staff|]. | [Treating centres|Specialist centres] [are supported|get support] [by NHS England|from NHS England] to [have|secure] the staff [they need|needed] [for new treatments|to treat patients safely].
    """, register="gov", since=2025),
    P("""
    + There are record numbers of staff working in the NHS, with more doctors and nurses than at
      any time in its history. | [The NHS has|There are] record numbers of staff, with more
      doctors and nurses than [at any time in its history|ever before].
    + Health Education England is working with employers to expand training in specialist areas,
      including through apprenticeships and the scientist training programme. | [Health
      Education England|HEE] is [working with employers|working with trusts] to expand
      [specialist training|training in specialist areas][, including apprenticeships|].
    + Decisions on local staffing are a matter for individual NHS trusts, which are best placed
      to understand the needs of their own services and patients. | [Local staffing is|Decisions on local staffing are] a matter for [individual trusts|NHS trusts], which [are best
      placed|know best] [to understand their services|how to meet local needs].
    """, register="gov", until=2022),
    P("""
    + Information on the number of staff working specifically in advanced therapy services is
      not collected centrally. | Information on the number of staff working [specifically|] in advanced therapy services is not held centrally.
    + NHS England publishes monthly workforce statistics by staff group and organisation, and
      quarterly data on vacancies. | [Monthly workforce statistics|Workforce statistics] [are
      published|appear] by staff group and organisation, [with quarterly vacancy data|and
      vacancy data quarterly].
    + The latest figures show a vacancy rate of {vac_nat} across NHS trusts in England. | [The
      latest|The most recent] [figures|data] show a vacancy rate of {vac_nat} [across NHS
      trusts|in NHS trusts in England].
    ? Trusts are responsible for planning their own staffing, supported by regional workforce teams. | [Staffing|Workforce planning] is [for|a matter for] [individual trusts|each trust], [with support from|supported by] [regional teams|NHS England's regional teams].
    """, register="gov", since=2018),
    P("""
    + The advanced therapy treatment centre network, funded through the Industrial Strategy
      Challenge Fund, has developed training materials and courses for NHS staff. | [Funded
      through|Supported by] the Industrial Strategy Challenge Fund, the advanced therapy
      treatment centre network has [developed|produced] training [materials and courses|
      courses] for NHS staff.
    + NHS England is working with the network and with professional bodies to embed this
      training more widely. | NHS England [is working|works] with [the network|it] and with
      professional bodies to [embed|spread] [this training|the training] more widely.
    + Centres across the country should have the skills they need as more therapies become
      available. | [The aim is that|This should mean] centres [across the country|everywhere]
      have the skills they need as [more therapies|new therapies] [arrive|become available].
    """, register="gov", since=2019),
    P("""
    + [We are|The Government are] [expanding|increasing] [training places|the number of training
      places] for [healthcare scientists|clinical scientists] and [pharmacists|pharmacy
      technicians].
    + [Apprenticeships|Laboratory apprenticeships] [offer|provide] [a further route|another
      route] into [these careers|specialist roles][, and their number is growing|].
    + [Recruitment and retention|Retention] [is|remains] [a priority|a focus] for [NHS
      England|every trust], [supported by|with] [the NHS People Plan|national retention
      programmes].
    ? [Local decisions|Decisions on individual posts] are [for trusts|a matter for employers].
    """, register="gov", since=2020),
]

SHARED_WORKFORCE = S("""
+ [Staff|Experienced staff] [cannot be|are not] [trained|produced] [overnight|in a year].
+ [Every|Each] [vacancy|unfilled post] [adds to|increases] the [pressure on|load on] [those who
  remain|colleagues].
+ [Morale|Staff morale] [matters|counts] [as much as|no less than] [numbers|headcount].
+ [@a Pay|Salaries] in [industry|the private sector] [@a is|are] [often|usually] [higher|well above
  NHS rates].
+ [Small teams|These teams] [have|carry] [little|no] [slack|spare capacity] [when someone is
  off sick|for absences].
+ [Training|Specialist training] [takes|needs] [time|years], [and|while] [demand|the number of
  patients] [grows|is growing] [every year|each year].
+ [Nurses|Specialist nurses] [are|remain] [the backbone|the heart] of [these services|every
  service].
+ [Housing costs|The cost of living] [near|around] [big hospitals|teaching hospitals] [drive|
  push] [some staff|staff] [away|to leave].
+ [Workforce data|Figures on specialist staff] [are|remain] [patchy|incomplete].
+ [Without|Unless there are] [more staff|enough staff], [capacity|the number of patients
  treated] [cannot|will not] [grow|rise].
+ [Trusts|Employers] [compete|are competing] [with each other|with one another] for [the same|a
  small pool of] [specialists|skilled people].
+ [Flexible working|More flexible hours] [can help|helps to] [keep|retain] [experienced|older] staff.
+ [Recognition|Proper recognition] [of|for] [specialist skills|new skills] [would help|is long
  overdue].
+ [Staff in {region}|Staff at {hospital}] [describe|report] [similar|the same] pressures.
+ [Overseas recruitment|International recruitment] [cannot|will not] [fill the gap|solve the
  problem] [alone|on its own].
+ [@a Education budgets|Training budgets|Training funding] [@a have|have|has] been [squeezed|under pressure] [for years|repeatedly].
+ [Good|Strong] [leadership|management] [makes|can make] [a real|a great] difference to
  [retention|whether staff stay].
""")

# ---------------------------------------------------------------------------------------------
# other NHS subjects

OTHER_NHS = [
    P("""
    + Accident and emergency departments have been under intense pressure. | [A&E
      departments|Emergency departments] [have been|are] under [intense|relentless] pressure[
      in {region}| across the country|].
    + The standard that 95 per cent of patients should be admitted, transferred or discharged
      within four hours has not been met nationally for years. | The four-hour standard[, that
      95 per cent of patients should be seen within four hours,|] has not been met
      [nationally|in England] for years.
    + In {last_year} only about {ae_pct} were dealt with in that time. | [Only about|Just]
      {ae_pct} of patients were [seen|dealt with] within four hours in {last_year}[, and
      fewer at {hospital}|].
    + Long waits in A&E are a symptom of problems throughout the hospital: when beds are full,
      patients who need admission wait on trolleys and ambulances queue outside. | [Long waits
      in A&E|The waits] [are a symptom|reflect problems] [throughout the hospital|across the
      system]: when beds are full, [patients wait on trolleys|admitted patients wait on
      trolleys] and ambulances [queue|stack up] outside.
    """, since=2017),
    P("""
    + Performance against the four-hour standard in accident and emergency has slipped to about
      {ae_pct}, the lowest level for a decade. | [A&E performance|Performance in accident and
      emergency] has [slipped|fallen] to [about|around] {ae_pct} [against the four-hour
      standard|within four hours][, the lowest for a decade|].
    + Hospitals report record numbers of attendances, and more of those arriving are elderly
      people with complex conditions who need admission. | [Attendances|A&E attendances] are
      at record levels, and [more of those arriving|more patients] are [elderly|older people]
      with complex [conditions|needs].
    + When beds are full, patients wait in the department for hours, and the pressure spreads to
      ambulance crews who cannot hand over the people they have brought in. | [When beds are
      full|With beds full], patients wait [for hours|hours] in the department and [ambulance
      crews|crews] cannot hand over [their patients|the people they bring in].
    """, until=2016),
    P("""
    + Getting an appointment with a GP has become harder in many areas. | [Seeing a GP|Getting a
      GP appointment] has become harder [in many areas|in {region}|across much of the country].
    + Patients describe ringing at eight in the morning only to find every slot gone, and
      surveys show that fewer people now describe their experience of making an appointment as
      good. | [Patients|Constituents] [describe|talk of] ringing at eight in the morning [only
      to find|and finding] every slot gone[, and satisfaction has fallen|].
    + The number of fully qualified GPs has not kept pace with the growth in population and in
      the complexity of patients' needs. | [@a The number of GPs|Fully qualified GP numbers] [@a has|have] not kept pace with [population growth|the growing population][ and more
      complex needs|].
    ? Practices have recruited other professionals to share the load, but demand keeps rising. |
      [Practices|Surgeries] have [taken on|recruited] [pharmacists and physiotherapists|other
      professionals], but demand [keeps rising|rises faster].
    *
    """),
    P("""
    + Social care is the other half of the story. | [Social care|Care outside hospital] is the
      other half of [the story|the picture].
    + Every day thousands of patients who are well enough to leave hospital remain there because
      the care they need at home or in a care home is not available. | [Every day|Each day],
      thousands of patients [well enough to leave|who are fit to go home] [remain|stay] in
      hospital [because care is not available|for want of care at home or a care home place].
    + Care providers struggle to recruit and keep staff on pay close to the minimum wage, and
      many local authorities have cut the support they fund. | [Care providers|Providers]
      [struggle|find it hard] to [recruit and keep staff|keep staff] on pay [close to|near] the
      minimum wage[, and councils have cut the support they fund|].
    ? Successive governments have promised long-term reform of social care funding, but the
      basic questions remain unresolved. | [Reform|Long-term reform] has been [promised|
      repeatedly promised] [by successive governments|for years], but [@a the basic questions|the funding question] [@a remain|remains] unresolved.
    """),
    P("""
    + NHS dentistry is in crisis in many parts of the country. | [NHS dentistry|Access to an
      NHS dentist] is in [crisis|a dire state] [in many parts of the country|in {region}].
    + In {town} and across much of {region}, people report that no practice within reach is
      accepting new NHS adult patients. | [People in {town}|Residents of {town}] [report|tell
      me] that no practice [within reach|nearby] is accepting new NHS adult patients.
    + Some go without care until a problem becomes an emergency; others pay privately, if they
      can afford it. | [Some|Many] go without [care|treatment] until [a problem becomes an
      emergency|they are in pain], [while others|and others] pay privately[ if they can|].
    + Dentists say the NHS contract pays them too little for complex work and rewards the number
      of treatments rather than prevention. | [@a Dentists|The profession] [@a say|says] the contract
      [pays too little for complex work|underpays complex work][ and rewards volume, not
      prevention|].
    """),
    P("""
    + Ambulance response times have lengthened. | [Ambulance responses|Response times] have
      [lengthened|grown longer][ in {region}|].
    + The target for category 2 calls, which include suspected heart attacks and strokes, is an
      average of eighteen minutes, yet in {last_year} the average across England was about
      {cat_mins} minutes. | [For category 2 calls|Category 2 calls], [such as suspected heart
      attacks and strokes|including suspected strokes], [have a target of|should be reached
      in] eighteen minutes [on average|], [yet|but] the average in {last_year} was [about|
      around] {cat_mins} minutes.
    + Crews spend hours waiting outside hospitals to hand over patients, time in which they
      cannot answer new calls. | [Crews|Paramedics] [spend|lose] hours [waiting outside
      hospitals|queuing at A&E] [to hand over patients|], [time in which|when] they cannot
      answer new calls.
    ? Behind every delayed response is a patient, often elderly, waiting on the floor for help. | [Every|Each] [late ambulance|delayed response] [means|leaves] [a patient|someone], [often elderly|often an older person], [waiting|in pain] [for help|at home].
    """, since=2018),
    P("""
    + The waiting list for planned hospital treatment in England stands at about {rtt}. |
      [About|Around] {rtt} people are waiting for planned hospital treatment in England.
    + Patients are waiting longer for hip and knee replacements, cataract operations and
      diagnostic tests. | [Waits for|Waiting times for] [hip and knee replacements|joint
      replacements], [cataract operations|cataract surgery] and [diagnostic tests|scans] have
      [grown|lengthened].
    + The standard that 92 per cent should start treatment within eighteen weeks has not been
      met for years. | [The eighteen-week standard|The standard that 92 per cent start treatment
      within eighteen weeks] has not been met [for years|since before the pandemic].
    ? Behind the [headline figures|numbers] are people living in pain, unable to work, whose conditions may worsen while they wait. | [Many|Some] [of those waiting|patients] [are in pain|cannot work], and [their conditions|their health] may [worsen|deteriorate] [while they wait|in the meantime].
    """, since=2018),
    P("""
    + Mental health services are another area of concern. | [@a Mental health services|Mental health care] [@a are|is] [another|a further] [area of concern|worry].
    + Children and young people referred to specialist services can wait months for a first
      appointment, and adults in crisis too often end up in A&E because there is nowhere else to
      go. | [Young people|Children and young people] [can wait|wait] months for a first
      appointment, and adults in crisis [too often|often] end up in A&E [because there is
      nowhere else|for want of anywhere else].
    + Funding for mental health has increased, and the aim of parity of esteem with physical
      health is widely supported. | [Funding has increased|Mental health funding has risen],
      and parity of esteem [is widely supported|has broad support].
    + The number of trained staff has not grown fast enough to meet rising demand. | [But|Yet]
      [the workforce|the number of trained staff] has not grown [fast enough|in step with
      demand].
    """),
    P("""
    + Every winter brings the same warnings. | [Each winter|Every winter] [brings|sees] the same
      warnings.
    + Flu, norovirus and cold weather increase demand just as staff sickness rises, and
      hospitals run at bed occupancy levels well above the 85 per cent considered safe. | Flu,
      norovirus and [cold weather|the cold] [push up demand|increase demand] [as|just as]
      staff sickness rises, and [bed occupancy|occupancy] [runs|sits] well above the 85 per
      cent considered safe.
    + Plans are drawn up each autumn, extra money is announced and beds are opened, but the
      underlying shortage of capacity is never fully solved. | [Plans are drawn up|Winter plans
      are written] [each autumn|every autumn] and [extra money announced|money is found], but
      the [underlying|basic] shortage of capacity [is never solved|remains].
    ? Each winter begins from a more difficult position than the last. | [Each|Every] [winter|year] [starts|begins] [from a worse position|in a weaker position] [than the last|than the one before].
    """),
    P("""
    + Delayed discharges show how one part of the system affects another. | [Delayed
      discharges|Delays in discharge] [show|illustrate] how one part of the system affects
      another.
    + On a typical day in {last_year} around {delayed} patients in English hospitals were
      medically fit to leave but could not be discharged. | [On a typical day|Each day] in
      {last_year}, [around|about] {delayed} patients [who were fit to leave|medically fit for
      discharge] [remained in hospital|could not be discharged].
    + Each occupies a bed needed by someone waiting in A&E or for planned surgery. | [Each|Every
      one of them] [occupies|takes] a bed [needed by|that could go to] someone [in A&E|waiting
      in A&E] or [waiting for surgery|for planned surgery].
    ? Many are older people waiting for a care package or a place in a care home, and the longer they stay, the more likely they are to lose strength and independence. | [Most|Many] are [older people|elderly patients] [waiting for|awaiting] [a care package|care at home] or [a care home place|a place in a care home], and [long stays|every extra day] [cost them|costs them] [strength|independence].
    """),
    P("""
    + The condition of NHS buildings is a growing problem. | [@a NHS buildings|The NHS estate] [@a are|is] [in poor repair|in a worsening state] [in many places|across the country].
    + The maintenance backlog across trusts in England has risen to more than {backlog}, and
      some hospitals have had to close wards because of failing roofs, crumbling concrete or
      broken equipment. | The maintenance backlog [has risen to|now exceeds] {backlog}, and
      [some hospitals|{hospital}] [have had|has had] to close [wards|a ward] [because of
      failing roofs|because of crumbling concrete].
    + Capital budgets have repeatedly been raided to support day-to-day spending. | [Capital
      budgets|Money for buildings] [have repeatedly been|has often been] [raided|diverted] to
      [support day-to-day spending|pay for running costs].
    ? Modern care cannot be delivered in buildings that leak[, and investment in estates is as necessary as investment in new treatments|]. | [Investment in buildings|Spending on the estate] [matters as much as|is as necessary as] [investment in new treatments|spending on new treatments].
    """),
    P("""
    + Community pharmacies are closing in significant numbers, particularly in deprived areas.
      | [Pharmacies|Community pharmacies] are closing in [significant|large] numbers,
      [particularly|especially] in [deprived areas|poorer areas][ such as {town}|].
    + Pharmacy owners say that funding for their NHS services has fallen in real terms while
      costs have risen. | [Owners|Pharmacy owners] say [NHS funding|their NHS income] has
      fallen in real terms while costs [have risen|rise].
    + Each closure removes a source of advice and medicines from a community, and puts more
      pressure on GP surgeries and urgent care services nearby. | [Each closure|Every closure]
      [removes|takes away] a source of [advice and medicines|advice] and [puts more
      pressure|adds pressure] on [GP surgeries|nearby surgeries][ and urgent care|].
    """, since=2017),
    P("""
    + Maternity services have been the subject of repeated reviews. | [Repeated reviews|A
      series of inquiries] [have examined|have looked at] maternity services.
    + Inquiries into failings at several trusts have found problems with staffing, culture and
      the way concerns were handled, with tragic consequences for families. | [They|The
      inquiries] [found|identified] problems with staffing, culture and [the handling of
      concerns|how concerns were handled][, with tragic consequences|].
    + Recommendations have been made and accepted, yet many units still report shortages of
      midwives and obstetricians. | [Recommendations|Their recommendations] [have been
      accepted|were accepted], [yet|but] [many units|units] [still report|report]
      [shortages|a shortage] of midwives[ and obstetricians|].
    ? Families are entitled to expect safe care wherever they give birth. | [Every family|Families] [should be able to|must be able to] [rely on|expect] safe care [wherever they give birth|in every unit].
    """),
    P("""
    + Cancer waiting times are a particular worry. | [Cancer waiting times|Waits for cancer
      treatment] are a [particular|serious] worry.
    + The target that 85 per cent of patients should start treatment within 62 days of an urgent
      referral has been missed for several years. | The 62-day target[, for 85 per cent of
      patients to start treatment after an urgent referral,|] has been missed for [several
      years|years].
    + Early diagnosis is among the most important factors in survival, and delays in diagnostic
      tests mean that some cancers are found later than they should be. | [Early
      diagnosis|Diagnosis early] [matters enormously|is vital] for survival, and [delays in
      tests|slow scans and endoscopies] mean some cancers are found [later than they should
      be|late].
    ? New diagnostic centres have been opened[, but staffing them has proved difficult|]. | [Community diagnostic centres|New diagnostic centres] [are opening|have opened] [in {region}|across the country], [but|though] [staffing them|finding radiographers] [is hard|has proved difficult].
    """, since=2017),
    P("""
    + Rural communities face particular difficulties. | [Rural areas|Rural communities] face
      [particular|special] difficulties.
    + In much of {region}, the nearest A&E department is an hour or more away, bus services are
      limited and GP practices cover wide areas. | In [much of {region}|parts of {region}], the
      nearest A&E is [an hour or more away|over an hour away], [buses are limited|bus services
      are poor] and [practices cover wide areas|GP practices are stretched over wide areas].
    + Recruitment to rural practices and small hospitals is hard[, and models of care that work
      in cities do not always transfer|]. | [Recruiting|Staffing] rural practices and small
      hospitals is [hard|difficult], and [city models|models designed for cities] [do not
      always transfer|do not always work there].
    ? People in these areas are no less entitled to timely care. | [People in {region}|Rural patients] [deserve|are entitled to] [the same|timely] care as [anyone else|those in cities].
    """),
    P("""
    + Prevention has long been promised and rarely delivered. | [Prevention|A shift to
      prevention] has [long been promised|been promised for decades] and [rarely
      delivered|seldom delivered].
    + Public health budgets held by local authorities have fallen in real terms, even as
      obesity, smoking-related illness and alcohol harm continue to drive demand for hospital
      care. | [Public health budgets|Councils' public health budgets] have fallen in real terms
      [even as|while] obesity, smoking and alcohol [drive|continue to drive] [hospital
      demand|demand for hospital care].
    + When money is tight, prevention is the first thing to be squeezed, and the cost returns
      later in hospital admissions. | [When money is tight|In hard times], prevention is
      [squeezed first|the first thing cut], and the cost [returns|comes back] [later|later on]
      in admissions.
    """),
    P("""
    + NHS trusts are under severe financial pressure. | [Trusts|NHS trusts] are under [severe|
      acute] financial pressure.
    + Many ended {last_year} in deficit, and the service as a whole has had to find savings while
      coping with rising demand and the cost of pay awards. | [Many|A large number] ended
      {last_year} in deficit, [and the service has had to find savings|having to find savings]
      [while demand rose|despite rising demand].
    + Finance directors warn that there is little left to cut without affecting patient care. |
      [Finance directors|Trust leaders] [warn|say] [there is little left to cut|little can be
      cut] without [affecting|harming] patient care.
    ? Budgets that are confirmed late and change during the year make their choices harder. | [Late budgets|Budgets confirmed late in the year] [make|leave] [planning|those choices] [harder|more difficult still].
    """),
    P("""
    + The pandemic transformed the work of the NHS. | [Covid-19|The pandemic] [transformed|
      upended] the work of the NHS.
    + Planned operations were postponed on a huge scale as hospitals made room for patients with
      covid-19, and many people stayed away from services altogether. | [Operations|Planned
      operations] were postponed [on a huge scale|in huge numbers], and [many people stayed
      away|many patients stayed away from services].
    + The consequences are still being felt in longer waiting lists and later diagnoses. | [The
      effects|The consequences] are still [felt|visible] in longer waiting lists and later
      diagnoses.
    ? Staff who worked through the worst of the pandemic describe an exhaustion that has not gone away. | [Many staff|Staff] [still feel|describe] [the exhaustion|the strain] of [the pandemic years|working through the pandemic].
    """, since=2021),
    P("""
    + The pandemic has placed the health service under pressure without precedent in its
      history. | [Never|At no time] in its history has the health service [faced|been under]
      such pressure.
    + Hospitals have reorganised wards and theatres to care for patients with covid-19, and much
      planned treatment has been postponed. | [Wards and theatres|Hospitals] have been
      reorganised for covid-19 patients, and [much planned treatment|planned treatment] has
      been postponed.
    + Staff have worked extraordinary hours, often at personal risk. | [Staff|NHS staff] have
      worked [extraordinary|exhausting] hours, [often|many] at personal risk.
    ? As the first wave passed, attention turned to the growing backlog of operations. | [After the first wave|Once the first wave passed], [the backlog|the growing backlog of operations] [became the concern|came into view].
    """, since=2020, until=2020),
    P("""
    + Patients being treated in corridors have become a familiar sight in many hospitals. |
      [Corridor care|Treatment in corridors] has become [a familiar sight|common] in [many
      hospitals|hospitals such as {hospital}].
    + Trolleys lined along walls, oxygen supplied from portable cylinders and care given with no
      privacy: conditions that would once have been a national scandal are now reported every
      winter. | [Trolleys along walls|Patients on trolleys in corridors], [portable
      oxygen|oxygen from cylinders] and no privacy: [such conditions|conditions once a national
      scandal] are now reported [every winter|each winter].
    + Nursing leaders have warned that care in corridors is unsafe and undignified. | [Nursing
      leaders|Senior nurses] [have warned|warn] that [corridor care|such care] is unsafe and
      undignified[ and must not be accepted as normal|].
    """, since=2022),
    P("""
    + Industrial action has added to the pressure. | [@a Strikes|Industrial action] [@a have|has] added to the pressure.
    + Junior doctors, nurses, ambulance crews and consultants have all taken part in strikes over
      pay and conditions. | [Junior doctors, nurses, ambulance crews and consultants|Doctors,
      nurses and paramedics] have [all|] [taken part in strikes|struck] over pay and
      conditions.
    + Hundreds of thousands of appointments and operations have been rescheduled. |
      [Appointments and operations|Hundreds of thousands of appointments] have been
      [rescheduled|postponed].
    ? Whatever view one takes of the dispute, the effect on patients and on morale has been considerable. | [Whoever is to blame|Whatever the merits of the dispute], [patients|those waiting] [have paid a price|have suffered], and [morale|staff morale] [has suffered|has been damaged].
    """, since=2023),
    P("""
    + The dispute over the junior doctors' contract has dominated the year. | [The junior
      doctors' contract dispute|The dispute over the contract for junior doctors] [has
      dominated|dominated] the year.
    + Doctors in training have taken industrial action for the first time in four decades. |
      [Junior doctors|Doctors in training] have [struck|taken industrial action] for the first
      time in [four decades|forty years].
    + Thousands of planned operations and appointments have been postponed. | [Thousands of|
      Many thousands of] [operations|planned operations] and appointments [were|have been]
      postponed.
    ? Both sides say they want a safe, seven-day service, but trust between them has broken down. | [Trust|Goodwill] between [the two sides|the doctors and the Government] has [broken down|collapsed][, though both say they want a safe service|].
    """, since=2016, until=2016),
    P("""
    + The way local health services are organised has changed again. | [Local health
      services|The NHS locally] [have been|has been] reorganised [again|once more].
    + Integrated care boards now plan and pay for services across areas that bring together
      hospitals, GP practices, community services and local councils. | Integrated care boards
      now [plan and pay for|commission] services [across|over] areas [bringing
      together|that join] hospitals, [GP practices|general practice], community services and
      councils.
    + The aim is to join up care around the needs of patients, particularly older people with
      several long-term conditions. | [The aim|Their purpose] is to join up care[ around
      patients|], [particularly|especially] for older people with [several|multiple] long-term
      conditions.
    ? It is too soon to say whether the new structures will deliver better care[, and many staff are weary of reorganisation|]. | [Whether|If] [the new boards|integrated care boards] [will improve care|deliver better care] [remains to be seen|is not yet clear].
    """, since=2022),
    P("""
    + NHS 111 was meant to steer patients to the right service first time. | [NHS 111|The 111
      service] was [meant|designed] to [steer|direct] patients to the right service first
      time.
    + For many callers it does, but some report long waits for a call back from a clinician. |
      [For many callers|Often] it [does|works], but [some|many] callers [report|describe] long
      waits for a [call back|clinician's call back].
    + A cautious approach to risk means that many are directed to A&E or an ambulance anyway. |
      [Caution about risk|A cautious approach] [@s sends|means] many [@s callers to A&E anyway|callers are sent to A&E anyway].
    ? Urgent treatment centres, walk-in services and same-day GP appointments form a confusing landscape for patients. | [Patients|The public] [find|face] a [confusing|bewildering] [mix|array] of [urgent treatment centres|walk-in services] and [same-day appointments|out-of-hours services].
    """),
    P("""
    + Hospices provide care at the end of life to many thousands of people each year. |
      [Hospices|The hospice movement] [care for|support] many thousands of people [at the end
      of life|in their last months] each year.
    + Most receive only a minority of their funding from the NHS and rely on charity shops,
      legacies and fundraising for the rest. | [Most|Many] [get|receive] [only a minority|less
      than half] of their funding from the NHS[ and rely on fundraising|, relying on charity
      for the rest|].
    + Rising costs have forced some to cut beds and services. | [Rising costs|Higher costs]
      have forced [some|several hospices] to cut beds[ and services|].
    ? People approaching the end of their lives deserve consistent support wherever they live. | [Good care|Support] at the end of life [should not depend|must not depend] on [where people live|a postcode] [or on fundraising|or on charity].
    """),
    P("""
    + I hope the House will forgive me if I also raise a more immediate concern from my
      constituency. | [I hope the House will forgive me|Let me also raise] a more immediate
      concern from [my constituency|{town}].
    + Last winter an elderly constituent of mine waited {hours} hours for an ambulance after a
      fall, lying on her kitchen floor. | [Last winter|Last year], an elderly constituent
      [waited|had to wait] {hours} hours for an ambulance after a fall[, lying on her kitchen
      floor|].
    + When she reached the hospital, she spent a further night on a trolley in a corridor. |
      [At the hospital|When she reached the hospital] she spent [a further night|the night] on
      a trolley [in a corridor|].
    + The staff did their best, but the system failed her. | [The staff|The nurses] did their
      best, but [the system failed her|she was let down].
    ? New treatments matter, but so does the basic care that people expect from the NHS every day. | [Advanced therapies|New treatments] [matter|are welcome], but [so does basic care|so does the everyday care people rely on].
    """, register="speech"),
    P("""
    + I must mention dentistry, because it is the issue that fills my postbag more than any
      other. | [I must mention|I want to raise] dentistry, [which fills my postbag|the subject
      of more letters to me than any other].
    + In {town} there is not a single practice taking on new NHS adult patients. | [In
      {town}|Across {town}] [there is not a single practice|no practice is] taking on new NHS
      adult patients.
    + I have constituents who have pulled out their own teeth. | [Constituents|Some of my
      constituents] have [pulled out|removed] their own teeth.
    + I urge the Minister to speak to {min_poss} colleagues about reform of the dental contract as
      a matter of urgency. | I [urge|ask] the Minister to [press|speak to] {min_poss}
      colleagues [on|about] [the dental contract|reform of the dental contract] [urgently|as a
      matter of urgency].
    """, register="speech"),
    P("""
    + The Minister will not be surprised to hear me raise GP access again. | [The Minister will
      not be surprised|No one will be surprised] [to hear me raise|that I raise] GP access
      [again|once more].
    + My constituents cannot get appointments, and when they do, they often wait weeks. |
      [People in {town}|My constituents] cannot get appointments, and [when they do|when they
      get one] they [often wait weeks|wait weeks].
    + The surgery in {town} has lost three partners in two years and has been unable to replace
      them. | [The surgery in {town}|One practice in {town}] has lost [three|two] partners in
      [two|three] years and [has been unable to replace them|cannot replace them].
    + Until we train and keep more GPs, the problem will not go away. | [Patients want to see a
      doctor|Patients want a doctor], and until we train and keep more GPs, [the problem|this
      problem] will not go away.
    """, register="speech"),
    P("""
    + Before I finish, I want to say a word about social care, because it is connected to
      everything else we have discussed. | [Before I finish|Finally], [a word|let me say a
      word] about social care, [which is connected to everything we have discussed|because
      it touches everything else].
    + The hospital that serves my constituency has more than {n_beds} patients at any one time
      who are ready to go home but cannot, because no care package is available. | [The
      hospital serving {town}|My local hospital] has [more than|over] {n_beds} patients [at any
      one time|on any day] [who are ready to go home but cannot|fit to leave but stuck].
    + That is bad for them, bad for the patients waiting for beds and bad for the taxpayer. |
      [That is bad for them|It is bad for them], [bad for patients waiting for beds|for those
      waiting for beds] and [bad for the taxpayer|for the taxpayer].
    ? We need a long-term settlement for social care, and we need it soon. | [Social care|The care system] [needs|must have] a [long-term|lasting] settlement[, and soon| without further delay].
    """, register="speech"),
    P("""
    + The wider pressures on the NHS form the background to this report. | [This report|Our
      work] [is set against|sits against] the [wider pressures|pressures] on the NHS.
    + Performance against the main waiting time standards has deteriorated, staff vacancies
      remain high and financial pressure has constrained investment. | [Waiting time
      performance|Performance against the main standards] has [deteriorated|worsened],
      vacancies [remain|are] high and [money is tight|financial pressure has held back
      investment].
    + Any expansion of specialist services must be delivered in this context. | [Any|Every]
      expansion of specialist services [must be|will be] delivered [in this context|against
      this background].
    ? We have therefore considered the effect that expanding these services may have on the rest of the hospitals that host them. | [We have|We have also] [considered|looked at] [how expansion|how expanding these services] [might affect|may affect] [the rest of the hospital|other services in host hospitals].
    """, register="report"),
    P("""
    + Services for patients with complex needs depend on functioning general services. |
      [Specialist care|Care for complex needs] [depends on|relies on] [functioning|working]
      general services.
    + A patient recovering from specialist treatment may need an urgent GP appointment,
      community nursing or social care support. | [Patients|A patient] recovering from
      specialist treatment may need [an urgent GP appointment|a GP], community nursing or
      social care.
    + When those services are stretched, discharge is delayed and readmission becomes more
      likely. | When [those services|they] are stretched, discharge [is delayed|slows] and
      readmission becomes more likely.
    + We recommend that commissioners consider the whole pathway, including primary and
      community care, when planning specialist services. | [@w We recommend|Commissioners should] [@w that commissioners consider|consider] the whole pathway[, including primary and
      community care,|] when planning specialist services.
    """, register="report"),
    P("""
    + The Government are committed to improving urgent and emergency care. | [We are|The
      Government are] committed to improving urgent and emergency care.
    + The recovery plan for urgent and emergency care sets out measures to increase capacity,
      including additional beds and ambulances, and to speed up discharge from hospital. |
      [The recovery plan|Our urgent and emergency care plan] [sets out|includes] [more beds
      and ambulances|additional beds and ambulances] and [faster discharge|measures to speed up
      discharge].
    + Performance against the four-hour standard has improved over the past year, and we expect
      further progress as the plan is implemented. | [Four-hour performance|Performance
      against the four-hour standard] has improved [over the past year|this year], and
      [further progress is expected|we expect further progress].
    """, register="gov", since=2023),
    P("""
    + We are taking action to improve access to general practice. | [We are|The Government
      are] [taking action|acting] to improve access to general practice.
    + Additional staff are being recruited through the additional roles reimbursement scheme,
      and we are investing in modern telephone systems. | [Additional staff|Extra staff] are
      [being recruited|recruited] through the additional roles reimbursement scheme[, and
      practices are getting modern telephone systems|].
    + The number of appointments delivered in general practice has increased, and we are
      working with the profession to go further. | [More appointments|The number of
      appointments] [are being|is being] delivered[ than before|], and we are working with the
      profession to go further.
    """, register="gov", since=2020),
    P("""
    + The Government recognise the pressures facing adult social care. | [We recognise|The
      Government recognise] the [pressures|strain] [facing|on] adult social care.
    + We have provided additional funding to local authorities, including through the better
      care fund, to support discharge from hospital and to increase capacity in the care
      sector. | [Additional funding|Extra money] has been provided to local authorities[,
      including through the better care fund,|] to support discharge and [increase
      capacity|build capacity] [in the care sector|in care].
    + We will set out further plans for the long-term reform of social care in due course. |
      [Further plans|Plans] for [long-term reform|the long-term reform of social care] will be
      set out in due course[, working with local government and providers|].
    """, register="gov"),
    P("""
    + NHS dentistry is being reformed to make it easier for patients to find an NHS dentist. |
      [Reform of NHS dentistry|Dental reform] [will make|aims to make] it easier to find an NHS
      dentist.
    + Changes to the dental contract will pay dentists more fairly for complex treatment and
      encourage practices to take on new patients. | [Contract changes|Changes to the contract]
      will pay [more fairly|fairly] for complex treatment and [encourage practices|encourage
      dentists] to take on new patients.
    + We are also working to increase the dental workforce through improved training and
      recruitment. | [We are also|The Government are also] working to [increase|grow] the
      dental workforce[ through training and recruitment|].
    """, register="gov", since=2022),
    P("""
    + [We are|The Government are] [investing|providing extra investment] to [cut waiting
      lists|reduce waiting times] for planned care.
    + [New diagnostic centres|Community diagnostic centres] [are|have been] [opening|opened]
      [across the country|in {region} and elsewhere], [offering|providing] [scans and tests|
      tests] [closer to home|nearer to patients].
    + [@a The waiting list|Waits] [@a remains|remain] [too long|unacceptably long], and [we are determined|we intend] to [@a bring it down|bring them down].
    """, register="gov", since=2021),
]

SHARED_OTHER = S("""
+ [The pressures|These pressures] [are|have been] [felt|visible] [most|most sharply] in
  {region}.
+ [Staff|NHS staff] [are doing|do] [their best|all they can] in [difficult|very difficult]
  circumstances.
+ [Demand|Demand for care] [@k keeps|continues to] [@k rising|rise] [as the population ages|with an
  ageing population].
+ [Every part|Each part] of the system [depends on|relies on] the others.
+ [Patients|Families] [feel|notice] [these pressures|the strain] [long before|well before] [the statistics show it|it appears in the statistics].
+ [Money alone|Extra money] [will not|cannot] [fix|solve] [this|the problem] [without|unless
  there are] [more staff|reforms].
+ [The figures|The statistics] [tell|show] only part of the story.
+ [Older people|Elderly patients] [bear|suffer] the [brunt|worst] of [these delays|it].
+ [Smaller towns|Towns] such as {town} [face|have] [particular|their own] [problems|difficulties].
+ [Prevention|Earlier care] [would|could] [ease|relieve] [the pressure|pressure] on hospitals.
+ [Waiting|Long waits] [take|takes] a [toll|heavy toll] on [patients and families|health and
  livelihoods].
+ [Trusts|Hospitals] [are|have been] [asked|told] to [do more|find savings] with [less|no extra
  money].
+ [The public|Patients] [remain|are still] [strongly|deeply] [attached to|supportive of] the NHS.
+ [Local|Community] services [are|have been] [stretched|under strain] [too|as well].
""")

# ---------------------------------------------------------------------------------------------
# more answers and report paragraphs: written answers and ministers draw on these most

RESEARCH += [
    P("""
    + We want the UK to be [one of the best places|the best place] in the world to [run|conduct]
      clinical trials[, including trials of advanced therapies|].
    + The MHRA and the {nihr} [are working|have worked] [together|with sponsors] to [cut|reduce]
      the time taken to [open|set up] [trials|studies] at NHS sites.
    + The [median|average] time to [approve|reach a decision on] a trial application [is now
      about|has fallen to about] {trial_days} days. | [Applications|Trial applications] are now
      [decided|approved] in [about|around] {trial_days} days on average.
    ? [A national contract|Standard contracts] and [a single costing template|national costing
      arrangements] [are now|have been] [in place|used] across [the NHS|NHS trusts].
    + [We will continue to|We will] [monitor|publish] [performance|set-up times] [and act where
      sites fall short|so that sponsors can see progress].
    """, register="gov"),
    P("""
    + [The Government|We] [have invested|are investing] in [manufacturing capacity|new
      manufacturing capacity] for [cell and gene therapies|advanced therapies] [through|as part
      of] the Life Sciences Vision.
    + [Funding|Support] [from Innovate UK|through Innovate UK] [has helped|helped] [companies|
      developers] in {region} and {region2} [to expand|scale up] [production|their
      processes].
    + [The Cell and Gene Therapy Catapult|The Catapult] [reports|estimates] that [the
      sector|the industry] [now employs|employs] [about|around] {n_jobs} people.
    ? [We are working|Officials are working] with {industry_body} on [skills|training] for
      [manufacturing staff|operators and quality staff].
    + [Decisions on individual grants|Individual funding decisions] are [made|taken] [on
      merit|through open competition].
    """, register="gov", since=2021),
    P("""
    + Research into genome editing is [supported|funded] through the research councils and the
      {nihr}[, including studies of inherited blood disorders|].
    + [Any|All] research involving human embryos is [regulated|licensed] by the HFEA[, and
      heritable changes remain prohibited for treatment|].
    + [Clinical trials|Trials] of [gene-edited|edited] cell therapies [must be approved|require
      approval] by the MHRA and a research ethics committee.
    ? [The Government|We] [keep|will keep] [the regulation of this field|the framework] under
      review [as the science develops|in the light of new science].
    + [@d Officials|The Department] [@d continue|continues] to [engage|work] with [the scientific
      community|researchers] and [patient groups|the public] on [these questions|the ethical
      questions].
    """, register="gov"),
    P("""
    + The Accelerated Access Review [set out|made] recommendations to bring [innovative medicines|new treatments] to NHS patients [faster|sooner].
    + [The Government|We] [are considering|are taking forward] [its recommendations|the review's
      proposals] with [industry|the life sciences sector], NICE and NHS England.
    + [Advanced therapies|Cell and gene therapies] are [among the products|expected to be
      among those] that [would benefit|stand to benefit] [most|].
    ? [Further detail|Our response] will be [published|set out] [in due course|shortly].
    + [We|The Government] [remain|are] committed to [supporting|building] [the UK's|a strong]
      life sciences [sector|industry].
    """, register="gov", since=2016, until=2018),
    P("""
    + Table 1 [sets out|summarises] [the number of active trials|active trials], [employment|
      jobs] and [investment|money raised] [over the past five years|for recent years].
    + [The trend|The direction] is [clear|consistent]: [more trials|trial numbers],
      [more jobs|employment] and [more investment|investment] have [grown|risen] [together|in
      step][, though investment has been more volatile|].
    + [The figures|These numbers] [come from|are drawn from] [company returns|returns from
      developers] and [public registers|trial registers][ and are rounded|].
    ? [Employment|Headcount] [figures|] [include|cover] [manufacturing, research and support
      roles|research, manufacturing and support staff].
    + [We expect|We anticipate] [growth to continue|further growth] [if|provided] [access to
      finance|late-stage finance] [improves|is available].
    """, register="report"),
    P("""
    + [One case|A case] [illustrates|shows] the [path|journey] from [laboratory|university] to
      [clinic|patient].
    + A spin-out from the university in {city} [developed|took] a gene therapy for {condition}
      [from the laboratory|from early research] to a first-in-human trial [in {past_year}|
      within five years].
    + [It raised|The company raised] [early funding|its first funding] from [charities|a medical
      charity] and [a research council|Innovate UK], and [made|manufactured] its [first
      batches|trial material] at [a contract manufacturer|the Catapult's facilities].
    + [Its later trials|The larger trial] [needed|required] [far more money|{money}], [which
      came from|and it found investors in] [overseas investors|the United States].
    ? [The case|This example] [shows|illustrates] both the strength of the [science base|UK's
      science] and the [gap in later-stage finance|difficulty of financing later trials].
    """, register="report"),
]

COST += [
    P("""
    + NICE [recommends|has recommended] [several|a number of] advanced therapies [for use on
      the NHS|for NHS patients], [some|several] of them [within|through] managed access.
    + [Where|When] [a product is recommended|NICE recommends a treatment], the NHS in England
      [must fund it|is required to fund it] [within ninety days|within three months][ of final
      guidance|].
    + [Commercial arrangements|Confidential commercial agreements] [allow|have allowed]
      [treatments|several treatments] to be [recommended|offered] at [a price|prices] that
      represent value for money.
    ? [Information on individual arrangements is|Details of individual agreements are] [commercially confidential|not published].
    + NHS England [works|continues to work] with [companies|manufacturers] [to secure|on] [fair
      prices|affordable prices] for [new treatments|these therapies].
    """, register="gov"),
    P("""
    + [Support for patients' travel costs|Help with the cost of travel] is available through the
      Healthcare Travel Costs Scheme for [those on low incomes|eligible patients on low
      incomes].
    + [Treating centres|CAR-T centres] [can also|may also] [offer|provide] [accommodation|
      accommodation support] for [patients and carers|patients and their families] [who live
      far away|travelling long distances].
    + [The number of centres|Treating centres] [has grown|has increased] to {n_centres}[, so
      that fewer patients need to travel long distances|].
    + [NHS England|Commissioners] [keep|will keep] the [geographical spread|location] of
      [centres|treating centres] under review.
    ? [Further centres|More centres] [may be|could be] [designated|added] [as demand
      grows|if demand requires it].
    """, register="gov", since=2019),
    P("""
    + [Total|Overall] NHS spending on [medicines|branded medicines] [in England|] [was about|
      reached] {drug_spend} in {last_year}.
    + [Spending on|Expenditure on] advanced therapy medicinal products [is not|cannot be]
      [published separately|separately identified] [because|as] [the prices|net prices] are
      commercially confidential.
    + [At list prices|Measured at list prices], [spending|expenditure] on [these
      products|advanced therapies] [was estimated at|was about] {atmp_spend} in {last_year}.
    ? [List prices|These figures] [overstate|do not reflect] [the amounts actually paid|actual
      spending].
    + NHS England [monitors|keeps] spending on [specialised medicines|high-cost medicines]
      [closely|under close review].
    """, register="gov", since=2019),
    P("""
    + [We considered|We looked at] [three|several] [ways|models] of paying for one-off
      treatments: [up-front payment|payment at once], payment [in instalments|over time] and
      [payment linked to outcomes|outcomes-based payment].
    + [Up-front payment|Paying at once] is [simple|the simplest] but [concentrates|puts] the
      whole cost in [one year|a single year].
    + [Instalments|Payment over time] [spread|smooths] the [cost|budget impact] but [run
      into|conflict with] [accounting rules|public accounting rules].
    + [Outcomes-based payment|Payment by results] [shares risk|shares the risk] but [needs|
      depends on] [reliable outcome data|good data on every patient].
    ? [No single model|None of these models] [suits|fits] every [product|therapy][, and we
      recommend flexibility|].
    """, register="report"),
    P("""
    + Table 1 [shows|sets out] [patients treated with CAR-T|CAR-T activity], [treating
      centres|the number of centres] and [spending at list price|spend at list prices] [over
      recent years|since 2018].
    + [Activity|The number of patients treated] has [risen|grown] [each year|steadily], [as new
      indications were approved|with each new indication].
    + [Spending at list price|Spend at list prices] [overstates|exaggerates] [actual|the real]
      [cost|spending], [because|since] [discounts|confidential discounts] are not [shown|
      included].
    ? [The number of centres|Centre numbers] [has grown|grew] [more slowly|less quickly] than
      [activity|patient numbers].
    + [We expect|We project] [further growth|continued growth] [to {later_year}|over the next
      five years].
    """, register="report", since=2021),
    P("""
    + [Value for money|Value] [cannot be judged|is impossible to judge] [without|in the absence
      of] [information on prices|net prices].
    + [Every body|Each organisation] we [asked|approached] [declined to give|would not give]
      [net prices|the prices actually paid][, citing commercial confidentiality|].
    + [We accept|We recognise] that [confidentiality|secrecy] [may secure|can secure] [lower
      prices|better discounts], but [the public interest|Parliament's interest] in
      [scrutiny|oversight] is [also strong|considerable].
    ? [The National Audit Office|Auditors] [should be|could be] given [access|confidential
      access] to [the terms|net prices] [to report|and report] on value.
    + [Our recommendations|We recommend] [steps|measures] that [respect|preserve]
      [confidentiality|commercial confidentiality] while [improving|allowing] [scrutiny|
      oversight].
    """, register="report"),
]

REGULATION += [
    P("""
    + [The MHRA|The regulator] [offers|provides] [several routes|a range of routes] to
      [licensing|marketing authorisation] for [advanced therapies|innovative medicines].
    + [These include|They include] [conditional marketing authorisation|conditional licences]
      [and|,] [the Early Access to Medicines Scheme|early access schemes][ and rolling
      review|].
    + [Scientific advice|Advice] [is available|is offered] [at every stage|throughout
      development], [including|and] [joint advice|advice given jointly] with NICE.
    ? [The MHRA|It] [publishes|will publish] [guidance|updated guidance] on [each route|these
      routes] [on its website|in due course].
    + [Decisions|Licensing decisions] on individual products are [a matter for|for] the MHRA
      as the independent regulator.
    """, register="gov"),
    P("""
    + NICE [has|already has] [flexibilities|the flexibility] to [take account of|consider]
      [uncertainty|uncertain evidence] [in|when] [appraising|it appraises] [one-off|advanced]
      therapies.
    + [Treatments for very rare conditions|Very rare conditions] [may be|can be] [evaluated|
      assessed] through the Highly Specialised Technologies programme[, which has a higher
      threshold|].
    + [Managed access|Managed access agreements] [@l allow|let] [promising treatments|treatments with immature evidence] [@l to be|be] [used|funded] while [more data are collected|evidence is
      gathered].
    ? NICE [keeps|will keep] its methods under review[ in consultation with stakeholders|].
    + [It would not be appropriate|It is not appropriate] [for Ministers|for the Government] to
      [comment on|intervene in] [individual appraisals|appraisals under way].
    """, register="gov"),
    P("""
    + [We reviewed|We examined] [the appraisal record|NICE's decisions] for [every|each]
      advanced therapy [appraised|assessed] [since 2018|to date].
    + [The median time|On average, the time] from licence to [final guidance|NICE's final
      recommendation] was [about|around] {months} months[, longer than for other medicines|].
    + [Delays|The longest delays] [arose|occurred] [where|when] [companies revised|the company
      revised] [their commercial offers|its offer] [after a negative draft|following a
      negative draft decision].
    ? In [a few|some] [cases|appraisals], [consultation|the process] [ran|went] to [three|
      four] rounds.
    + [Faster decisions|Quicker appraisal] [will depend|depends] [as much on price|on price as
      much as] on [method|methods].
    """, register="report", since=2020),
    P("""
    + [Respondents|Witnesses] described [the regulatory framework|the regulatory system] as [complex but navigable|complex but workable].
    + [Larger companies|Large companies] [have|employ] [regulatory teams|specialist teams] to
      [manage|handle] [it|the rules]; [smaller ones|small companies] [often rely|rely] on
      [consultants|advisers] [or on the Catapult|].
    + [Several|A number of] [respondents|witnesses] [called for|asked for] a [single point of
      contact|single front door] [across|for] the [agencies|regulators].
    ? We [agree|support this], and recommend that [the MHRA|the agencies] [establish|set up] one
      [within a year|by {later_year}].
    + [Clearer guidance|Plain guidance] on [how the rules fit together|the overlapping rules]
      would [help|benefit] [everyone|all developers].
    """, register="report"),
]

WORKFORCE += [
    P("""
    + [The NHS|NHS England] [is investing|has invested] in [training|the training of] [healthcare
      scientists|clinical scientists], [pharmacists|pharmacy staff] and [specialist
      nurses|nurses].
    + [@p The number of|Places on the] scientist training programme [@p places|] [@p has|have] [increased|grown] [in recent years|since {past_year}].
    + [Trusts|Employers] [can also|may also] [use|draw on] the apprenticeship levy to [train|
      develop] [laboratory and pharmacy staff|staff in laboratories and pharmacies].
    ? [@a Information on|Figures for] [specialist posts|individual specialist roles] [@a is|are] not
      [collected|held] centrally.
    + [Employers|Trusts] are [responsible|best placed] [for|to plan] [local staffing|their own
      staffing], [supported by|with support from] [regional teams|NHS England].
    """, register="gov"),
    P("""
    + [Retention|Keeping experienced staff] is a [priority|key priority] for [the NHS|NHS
      England].
    + [Measures|Steps] [to support retention|to help staff stay] include [flexible working|more
      flexible working], [better career development|career development] and [support for
      wellbeing|health and wellbeing support].
    + [Trusts|Employers] [have|now have] [retention leads|named leads for retention][ and
      access to national programmes|].
    ? [The latest|Recent] [figures|data] show [the leaver rate|the rate at which staff leave] [fell in {last_year}|has fallen over the past year].
    + [We will|The Government will] [continue to|] [work with|listen to] [staff|NHS staff] and
      [their representatives|trade unions] on [pay and conditions|what would help them stay].
    """, register="gov", since=2019),
    P("""
    + Table 1 [shows|sets out] [funded posts|posts], vacancies and vacancy rates [by staff
      group|for each staff group] [in advanced therapy services|in the services we surveyed].
    + [Vacancy rates|Rates] are [highest|worst] [among|for] clinical scientists and
      [specialist pharmacists|pharmacists][, and lowest among consultants|].
    + [The figures|These figures] [are drawn|come] from [our survey|returns from treating
      centres] and [may|might] [understate|underestimate] [the problem|shortages], [since|as]
      [some posts|unfunded posts] are not [counted|included].
    ? [Posts filled by agency staff|Posts covered by temporary staff] are [counted|shown] as vacant. | [We count|We treat] [posts covered by agency staff|agency-filled posts] as [vacancies|vacant].
    + [We recommend|We propose] that [NHS England|commissioners] [collect|publish] [these
      figures|such data] [nationally|every year].
    """, register="report"),
]

OTHER_NHS += [
    P("""
    + [We are determined|The Government are determined] to [improve|raise] performance in
      accident and emergency departments.
    + [Additional|Extra] [funding|money] [has been provided|has been made available] [for this
      winter|to prepare for winter], [and|while] [hospitals|trusts] [are|have been] [opening|
      asked to open] [more beds|extra beds].
    + [Performance|Four-hour performance] [has been|remains] [challenging|under pressure] [as
      attendances reach record levels|with record numbers of attendances].
    ? [Most patients|The great majority of patients] [are still seen|are seen] [within four
      hours|promptly].
    + [NHS England|Trusts] [are working|continue to work] with [social care|local authorities]
      to [speed up|improve] discharge.
    """, register="gov", until=2022),
    P("""
    + [There are|We now have] more GPs [in training|training] than [ever before|at any time in
      the NHS's history].
    + [We|The Government] [@c have committed|are committed] to [@c increase|increasing] [the GP
      workforce|the number of doctors in general practice].
    + [@a Extended access|Evening and weekend appointments] [@a is|are] [now available|being rolled out] [across the country|in every area][, giving patients more choice|].
    ? [Decisions on opening hours|Local arrangements] are [a matter for|for]
      [commissioners|clinical commissioning groups].
    + [We will|The Government will] [continue to|] [support|work with] [practices|the
      profession] to [improve access|make appointments easier to get].
    """, register="gov", until=2019),
    P("""
    + [We|The Government] are [increasing|expanding] [investment in mental health|mental health
      funding] [faster than overall NHS funding|as a share of NHS spending].
    + [Waiting time standards|New waiting standards] for [early intervention in
      psychosis|psychological therapies] [have been introduced|are in place].
    + [Support|Mental health support teams] [is being|are being] [extended|rolled out] [in
      schools|to schools and colleges][ across the country|].
    ? [Local services|Services in {region}] are [commissioned|planned] [locally|by local
      commissioners].
    + [We are|The Government are] [committed to|determined to achieve] parity of esteem between
      mental and physical health.
    """, register="gov"),
    P("""
    + [Reducing waiting times|Cutting waiting lists] for planned [care|treatment] is [a top
      priority|a priority] for [the Government|the NHS].
    + [The waiting list|The elective waiting list] [stands at about|is about] {rtt}[, and trusts
      are treating more patients|].
    + [Trusts|Hospitals] [are|have been] [using|making use of] [the independent sector|spare
      capacity in the independent sector] [to treat more patients|to shorten waits].
    ? [Patients|Those waiting longest] [can|may] [ask|request] to be treated [elsewhere|at
      another provider].
    + [We will|The Government will] [continue to|] [monitor|publish] [performance|waiting
      times] [monthly|every month].
    """, register="gov"),
    P("""
    + [The|Our] [capital settlement|capital funding] for the NHS [includes|provides] [money|
      funding] [to reduce the maintenance backlog|for repairs to hospital buildings].
    + [Trusts|Hospitals] [with|facing] the [most urgent|most serious] [problems|safety risks], [including|such as] [{from2023}reinforced autoclaved aerated concrete|crumbling concrete|leaking roofs], [are being|have been] [prioritised|given priority].
    + [Decisions|Individual decisions] on [capital schemes|building projects] are [taken|made]
      [regionally|by regional teams] [and nationally|].
    ? [Details|The allocations] [for each trust|for individual trusts] [will be|have been]
      [published|set out] [in due course|shortly].
    + [We are|The Government are] committed to [a modern NHS estate|modern hospital
      buildings].
    """, register="gov", since=2017),
    P("""
    + [@a Community pharmacy|Pharmacies] [@a is|are] [a vital|an essential] part of [the NHS|local
      health services].
    + [The community pharmacy contract|The pharmacy contract] [provides|sets out] [funding|
      payment] for [dispensing|dispensing medicines] and for [clinical services|new clinical
      services].
    + [Pharmacies|Pharmacists] [now|increasingly] [offer|provide] [treatment for common
      conditions|advice and treatment for minor illnesses], [freeing GP appointments|easing pressure on GP practices].
    ? [Access|The number of pharmacies] [remains|is] [good|high], with [most people|the great
      majority] [living|within] [twenty minutes|a short walk] of a pharmacy.
    + [We keep|The Government keep] [the network|pharmacy provision] under review.
    """, register="gov", since=2017),
    P("""
    + [Pressures|The pressures] on [urgent and emergency care|emergency care] [affect|shape]
      [specialist services|the services we examined] [directly|in several ways].
    + [When|Where] [intensive care beds|critical care beds] are [full|occupied by emergency
      patients], [planned admissions|admissions for specialist treatment] [may be|are]
      [postponed|delayed].
    + [Staff|Nurses and doctors] [are|may be] [redeployed|moved] to [emergency care|wards under
      pressure] [in winter|during peaks].
    ? [Several|Some] centres [told us|reported] that [winter|the winter months] [had|has]
      [reduced|cut] their [activity|capacity] [by|by about] {pct_small}.
    + [Planning|Plans] for specialist services [should|must] [allow|account] for [these
      pressures|seasonal pressures].
    """, register="report"),
    P("""
    + [The performance|Performance] of the wider NHS [has|had] [a direct|a clear] [bearing|
      effect] on [access|patients' access] to [specialist care|specialist treatment].
    + [Table 1|The table] [shows|summarises] [trends|recent trends] in [A&E waits|four-hour
      performance], [the waiting list|waiting lists] and delayed discharges.
    + [All three|Each of these] [measures|indicators] [worsened|deteriorated] [over the
      period|in recent years][, though some improved in the latest year|].
    ? [Delayed discharges|Patients fit to leave but still in hospital] [occupy|take up] [beds|
      capacity] that [specialist services|other patients] [need|could use].
    + [We recommend|We propose] that [planning for specialist services|commissioners] [take
      account of|consider] [these wider pressures|the state of general services].
    """, register="report"),
    P("""
    + [Social care|Adult social care] [emerged|came up] [repeatedly|again and again] in [our
      evidence|the evidence we received].
    + [Patients|Those] [recovering from specialist treatment|discharged after specialist care]
      [often need|may need] [care at home|support at home] [for weeks|for some time].
    + [Where|When] [that care|such support] is [not available|unavailable], [patients|they]
      [stay in hospital|remain in hospital] [longer than necessary|longer than they need to].
    ? [Councils|Local authorities] [told us|said] that [their budgets|funding] [had not kept
      pace|has not kept pace] with [demand|rising demand].
    + [A sustainable settlement|Sustainable funding] for social care [would benefit|would help]
      [every part of the NHS|the whole health service].
    """, register="report"),
]

PARAGRAPHS = {
    "research": _keyed("research", RESEARCH),
    "cost": _keyed("cost", COST),
    "regulation": _keyed("regulation", REGULATION),
    "workforce": _keyed("workforce", WORKFORCE),
    "other_nhs": _keyed("other_nhs", OTHER_NHS),
}
SHARED = {
    "research": SHARED_RESEARCH,
    "cost": SHARED_COST,
    "regulation": SHARED_REGULATION,
    "workforce": SHARED_WORKFORCE,
    "other_nhs": SHARED_OTHER,
}

# ---------------------------------------------------------------------------------------------
# short Hansard pieces: interventions, questions, formulas of debate

INTERVENTIONS = {
    "research": [
        T("Does {addr} agree that we will only keep these companies if the manufacturing, and "
          "not just the research, is done [in this country|here]?"),
        T("Is {addr} aware that a university group in {city} has had to send its work abroad "
          "for vector production because there is no spare capacity [here|in the UK]?"),
        T("Will {addr} join me in congratulating the team at {hospital}, who have just "
          "[enrolled|treated] their first patient in a gene therapy trial?"),
        T("Does {addr} share my concern that the time it takes to set up a trial at an NHS "
          "site is driving studies to [other countries|{country} and {country2}]?"),
        T("Does {addr} agree that the manufacturing site [in|near] {town} shows what this "
          "industry can do for [places|towns] that have lost [their|other] skilled jobs?"),
        T("[Is it not the case|Would {addr} accept] that [our universities|the universities in "
          "{city} and {city2}] do the hard science and [companies abroad|overseas investors] "
          "take the rewards?"),
        T("Does {addr} recognise the [part|role] played by medical charities, which [paid "
          "for|funded] much of the early [research|work] on gene therapy for {condition}?"),
    ],
    "cost": [
        T("Does {addr} agree that a price that cannot be disclosed cannot be scrutinised by "
          "this House?"),
        T("Is not the real problem that the NHS budget is set one year at a time, while these "
          "treatments pay back over decades? Does {addr} agree that the rules must change?"),
        T("Does {addr} accept that every pound spent on a single treatment is a pound that "
          "cannot be spent [elsewhere in the NHS|on nurses or on waiting lists]?"),
        T("Will {addr} acknowledge that the Cancer Drugs Fund has allowed hundreds of patients "
          "to receive CAR-T therapy years earlier than they otherwise would have?", since=2019),
        T("My constituents with {condition} have been waiting for years. Does {addr} agree that "
          "the delay in agreeing a price is simply [unacceptable|indefensible]?"),
        T("Does {addr} know what [the NHS actually pays|the net price is] for {approved.brand}, "
          "or is that [kept|hidden] even from Members of this House?", since=2019),
        T("[Given|With] a list price of {p.price}, does {addr} not agree that [the "
          "company|the manufacturer] must [share the risk|meet the NHS halfway]?", since=2018),
        T("Is {addr} aware that families from {town} are paying [hundreds of pounds|thousands "
          "of pounds] in travel costs to reach the nearest [treating centre|CAR-T centre]?",
          since=2019),
    ],
    "regulation": [
        T("Does {addr} agree that the MHRA needs more specialist assessors if it is to keep "
          "pace with the number of applications it now receives?", since=2021),
        T("Does {addr} think that NICE's methods properly capture the value of a treatment "
          "that may last a lifetime?"),
        T("Would not a wider use of the hospital exemption allow centres such as the one in "
          "{city} to treat more patients at lower cost?"),
        T("Does {addr} agree that the regulator's independence is an asset that we should be "
          "very careful not to weaken?"),
        T("[Is|Would] {addr} [not agree|agree] that leaving the European Medicines Agency "
          "[risks|has risked] [slower|later] access to new therapies for [our|British] "
          "patients?", since=2017),
        T("Does {addr} accept that NICE [took|has taken] far too long over {approved.brand}, "
          "and that [children|patients] lost months of treatment as a result?", since=2019),
        T("Will {addr} [press|urge] the Minister to [publish|set out] a timetable for "
          "the [review|reform] of the rules on gene therapy trials?"),
    ],
    "workforce": [
        T("Does {addr} agree that the biggest barrier to access is not money but the shortage "
          "of trained staff in the specialist centres?"),
        T("Is {addr} aware that the cell therapy unit at {hospital} has had two specialist "
          "nurse posts vacant for more than a year?"),
        T("Does {addr} agree that there should be a specific workforce plan for advanced "
          "therapies, with numbers attached?"),
        T("Will {addr} recognise the work of the pharmacists and laboratory staff, without "
          "whom none of these treatments could be given?"),
        T("Does {addr} know how many clinical scientists [left the NHS|resigned] last year "
          "for [jobs in industry|better-paid jobs in industry]?"),
        T("Is {addr} aware that apheresis [nurses|staff] at {hospital} are [working|doing] "
          "[extra shifts|unpaid overtime] every week to keep the service running?", since=2019),
        T("Does {addr} agree that [apprenticeships|laboratory apprenticeships] are the best "
          "way to [bring|draw] young people in {region} into these [careers|skilled jobs]?"),
    ],
    "other_nhs": [
        T("Does {addr} agree that none of these new treatments will help patients who cannot "
          "get through the door of an A&E department?"),
        T("Will {addr} also recognise the pressure on GP practices, which will be asked to "
          "follow up these patients for years to come?"),
        T("Does {addr} agree that until we fix social care, every part of the NHS will "
          "struggle, however good the treatments it can offer?"),
        T("Is {addr} aware that [patients|constituents of mine] in {town} [wait|are "
          "waiting] [hours|far too long] for an ambulance [after a fall|in an emergency]?"),
        T("Does {addr} agree that [we cannot talk about new treatments while|it is hard to "
          "celebrate new treatments when] people in {region} cannot find an NHS dentist?"),
    ],
}

ACKNOWLEDGEMENTS = (
    "{Ref} makes an important point, and I hope the Minister was listening.",
    "I agree with {ref}, and I will come on to that [point|question] [shortly|in a moment].",
    "I thank {ref} for that intervention, which goes to the heart of the matter.",
    "{Ref} is right, and it is a point I have heard many times[ from constituents|].",
    ("{Ref} makes a [fair|powerful|strong] point, [and I know the Minister will have heard "
     "it|and I will return to it]."),
    ("I am grateful to {ref}, who [speaks with great knowledge|has campaigned on this for "
     "years]."),
    "[That is a very good point|That is exactly right], and I thank {ref} for making it.",
    "I [entirely|wholeheartedly] agree with {ref}[, and I will say more about that|].",
)
MINISTER_ACKNOWLEDGEMENTS = (
    "I am grateful to {ref} for that point, and I will write with the details.",
    "{Ref} raises a fair point, and I will say more about it in a moment.",
    ("I [thank|am grateful to] {ref}, and I [will make sure officials look at|will look into] "
     "the [case|point] [raised|made]."),
    ("{Ref} [makes|raises] [an important|a serious] point, [and I will come to it|to which I "
     "will return]."),
    ("I [recognise|understand] the [concern|strength of feeling] {ref} [expresses|describes], "
     "and I [am happy|would be glad] to meet {ref} to discuss it."),
)
GIVING_WAY = "[I give way.|I will give way to {whom}.|I am happy to give way.|Of course.]"
THANKS_FOR_GIVING_WAY = ("[I am grateful to {target} for giving way.|I thank {target} for "
                         "giving way.|I am grateful.]")
OPENINGS_WH = ("[It is a pleasure to serve under your chairmanship, {chair}.|It is a pleasure "
               "to serve under your chairmanship, {chair}, and to open this debate.|Thank "
               "you, {chair}; it is a pleasure to serve under your chairmanship.]")
OPENINGS_COMMONS = ("[I am grateful to|I thank] the Backbench Business Committee for "
                    "[granting|finding] time for this debate[, and the Members who supported "
                    "the application|].")
CONGRATULATIONS = ("[I congratulate {who} on securing this debate.|I congratulate {who} on "
                   "securing this debate and on [a powerful|a thoughtful|an excellent] "
                   "opening speech.|I thank {who} for securing this debate.|I am grateful to {who} "
                   "for bringing this [subject|matter] to the House.]")
CONGRATULATIONS_WH = ("[It is a pleasure to serve under your chairmanship, {chair}, and I "
                      "congratulate {who} on securing this debate.|It is a pleasure to serve "
                      "under your chairmanship, {chair}.|" + CONGRATULATIONS[1:-1] + "]")
OPPOSITION_OPENINGS = ("[It is a pleasure to respond on behalf of|I am pleased to speak for|"
                       "It is a pleasure to speak on behalf of] {side}.")
MINISTER_OPENINGS_WH = ("[It is a pleasure to serve under your chairmanship, {chair}. I "
                        "congratulate {who} on securing this debate.|It is a pleasure to "
                        "serve under your chairmanship, {chair}, and I thank {who} for "
                        "securing this debate.|I congratulate {who} on securing this debate, "
                        "and I thank all hon. Members who have [spoken|taken part].]")
MINISTER_OPENINGS_COMMONS = ("[I congratulate {who} on securing this debate, and I thank all "
                             "hon. Members who have spoken.|I thank {who} for opening this "
                             "debate, and all hon. Members for their contributions.|This has "
                             "been a [thoughtful|well-informed] debate, and I congratulate "
                             "{who} on securing it.]")


def Q(heading: str, text: str, since: int = 2015, until: int = 2025) -> tuple[str, Template]:
    """A written question's subject heading and its text after "To ask the Secretary of State,"."""
    return heading, T(text, since=since, until=until)


QUESTIONS = {
    "research": [
        Q("Cell and Gene Therapy: Manufacturing",
          "what steps {pron} is taking to support the manufacture of cell and gene therapies "
          "[in the UK|in {region}]"),
        Q("Clinical Trials: Finance",
          "how much funding {poss} Department has provided for clinical trials of advanced "
          "therapy medicinal products in each of the last [three|five] years"),
        Q("Gene Therapy: Manufacturing",
          "what assessment {pron} has made of the capacity of UK facilities to manufacture viral "
          "vectors for gene therapy trials"),
        Q("Cell and Gene Therapy Catapult",
          "what discussions {pron} has had with the Cell and Gene Therapy Catapult on future "
          "demand for manufacturing capacity"),
        Q("Clinical Trials",
          "what steps {pron} is taking to reduce the time taken to set up clinical trials of "
          "advanced therapies at NHS sites"),
        Q("Medical Research: Genetics",
          "what support {poss} Department is providing for research into gene editing "
          "treatments for [inherited blood disorders|{condition}]"),
        Q("Life Sciences: Investment",
          "what recent assessment {pron} has made of the level of private investment in the UK "
          "advanced therapies sector"),
        Q("Rare Diseases: Research",
          "how much the {nihr} has spent on research into gene therapies for {condition} in "
          "each of the last [three|five] years"),
        Q("Life Sciences: Employment",
          "what estimate {pron} has made of the number of people employed in the manufacture of "
          "cell and gene therapies in {region}"),
    ],
    "cost": [
        Q("Cancer: Drugs",
          "what the average time has been between a positive NICE recommendation and the first "
          "NHS patient receiving a CAR-T therapy", since=2019),
        Q("Cancer: Gene Therapy",
          "how many patients have been treated with {cart.brand} on the NHS in each year since "
          "it became available", since=2019),
        Q("Gene Therapy: Costs",
          "what assessment {pron} has made of the merits of outcomes-based payment models for "
          "one-off gene therapies"),
        Q("Advanced Therapy Medicinal Products: Finance",
          "whether {pron} plans to publish the total annual NHS expenditure on advanced therapy "
          "medicinal products"),
        Q("Rare Diseases: Medical Treatments",
          "what steps {pron} is taking to ensure that patients with {condition} can access gene "
          "therapies on the NHS"),
        Q("Cancer: Travel",
          "what support is available for patients and families who must travel long distances "
          "to receive CAR-T therapy", since=2019),
        Q("Drugs: Prices",
          "what the list price is of {gt.brand}, and what discount has been agreed with the "
          "manufacturer", since=2018),
        Q("Innovative Medicines Fund",
          "how much has been spent from the Innovative Medicines Fund in each year since its "
          "launch", since=2023),
        Q("Spinal Muscular Atrophy: Drugs",
          "how many babies with spinal muscular atrophy have been treated with Zolgensma on "
          "the NHS", since=2022),
    ],
    "regulation": [
        Q("Medicines and Healthcare products Regulatory Agency",
          "what the average time taken by the MHRA has been to reach a decision on applications "
          "for marketing authorisation for advanced therapy medicinal products in the last "
          "twelve months", since=2021),
        Q("Drugs: Licensing",
          "what assessment {pron} has made of the effectiveness of the Innovative Licensing and "
          "Access Pathway in speeding up access to advanced therapies", since=2022),
        Q("Advanced Therapy Medicinal Products: Regulation",
          "whether {pron} plans to review the scope of the hospital exemption for advanced "
          "therapy medicinal products"),
        Q("NICE: Appraisals",
          "what discussions {pron} has had with NICE on the appraisal of one-off gene therapies"),
        Q("Medicines: EU Law",
          "what assessment {pron} has made of the implications for the regulation of advanced "
          "therapies of the UK leaving the EU", since=2016, until=2020),
        Q("Clinical Trials: Regulation",
          "what steps the MHRA is taking to reduce the time taken to approve clinical trial "
          "applications"),
        Q("Genetic Engineering: Regulation",
          "what assessment {pron} has made of the adequacy of the regulation of gene editing in "
          "medicine"),
        Q("Medicines and Healthcare products Regulatory Agency: Staff",
          "how many assessors the MHRA employs to evaluate advanced therapy medicinal products",
          since=2021),
        Q("NICE: Rare Diseases",
          "what assessment {pron} has made of the criteria used by NICE to route treatments "
          "for rare diseases to the Highly Specialised Technologies programme"),
    ],
    "workforce": [
        Q("Nurses: Cancer",
          "what estimate {pron} has made of the number of specialist nurses needed to deliver "
          "CAR-T therapy in each of the next five years", since=2018),
        Q("Healthcare Scientists: Vacancies",
          "how many vacancies there were for clinical scientists in NHS trusts in England in "
          "each of the last three years"),
        Q("Pharmacists: Training",
          "what steps {pron} is taking to increase the number of pharmacists trained to handle "
          "advanced therapy medicinal products"),
        Q("Apprentices: NHS",
          "what plans {pron} has to expand apprenticeships in NHS laboratory and pharmacy "
          "services"),
        Q("NHS: Staff",
          "what steps {pron} is taking to improve the retention of specialist staff in "
          "haematology and transplant services"),
        Q("NHS: Workforce",
          "whether {poss} Department will publish a workforce plan for cell and gene therapy "
          "services"),
        Q("Haematology: Staff",
          "how many haematology consultant posts were vacant in {region} on the latest date "
          "for which figures are available"),
        Q("NHS: Agency Staff",
          "how much NHS trusts in England spent on agency staff in specialist laboratory "
          "services in {last_year}"),
    ],
    "other_nhs": [
        Q("Accident and Emergency Departments: Waiting Lists",
          "what steps {pron} is taking to reduce waiting times in accident and emergency "
          "departments [in {region}|]"),
        Q("Dental Services",
          "what steps {pron} is taking to improve access to NHS dentistry in {region}"),
        Q("Ambulance Services: Response Times",
          "what the average ambulance response time for category 2 calls was in {region} in the "
          "last twelve months", since=2018),
        Q("General Practitioners: Access",
          "what steps {pron} is taking to improve access to GP appointments [in {region}|in "
          "rural areas|]"),
        Q("Hospitals: Discharges",
          "what steps {pron} is taking to reduce delayed discharges from hospital"),
        Q("Mental Health Services: Children and Young People",
          "what the average waiting time is for a first appointment with children and young "
          "people's mental health services in {region}"),
    ],
}

CHAIR_LINES_WH = (
    ("Order. A number of Members wish to speak, so I ask for speeches of about {mins} minutes. "
     "I intend to call the Front-Bench spokespeople no later than {time}."),
    ("Order. I remind Members that interventions should be brief. I will call the "
     "Front-Bench spokespeople at {time}."),
    ("Order. [Several|Many] Members [are seeking|wish] to catch my eye. [If speeches are kept "
     "to|With speeches of] about {mins} minutes, everyone [should|will] get in."),
)
CHAIR_LINES_COMMONS = (
    ("Order. A great many Members wish to speak, so there will be a time limit of {mins} "
     "minutes on Back-Bench speeches, with immediate effect."),
    ("Order. Interventions must be short. After the next speaker the time limit will be reduced "
     "to {mins} minutes."),
    ("Order. [To accommodate|So that I can call] everyone, there will be a time limit of {mins} "
     "minutes[, starting now| from the next speaker]."),
)
WINDUPS = (
    ("[I thank|I am grateful to] the Minister for {min_poss} [response|reply] and [@w all hon. "
     "Members|everyone] who [@w have|has] taken part in this debate. [We have heard|There has been] "
     "[a great deal of|broad|real] agreement [about|on] the promise of these therapies[ and about "
     "the obstacles in the way of patients|, if less on how to pay for them|]. I hope [that the "
     "Minister|{min_pron}] will [take away|reflect on] the points [made today|that have been "
     "made], and I [am sure|suspect] [the House|this House] will return to [this subject|the "
     "matter] [before long|soon]."),
    ("[I am grateful to everyone who has spoken today|My thanks go to all who have spoken], and "
     "to the Minister for [a considered|a thoughtful|a detailed] reply. [Families|Patients and "
     "families] [who are watching|following] this debate want to know that Parliament "
     "[understands|grasps] what is at stake for them[, and I think we have shown that we do|]. "
     "I will be watching [closely|carefully] to see that the [commitments|promises] made "
     "[this afternoon|today] are kept, and I will not hesitate to [raise the matter|come back "
     "to this] again."),
    ("[I thank|I am grateful to] the Minister for {min_poss} [reply|response], and all "
     "[colleagues|hon. Members] who have [spoken|contributed]. [This has been a constructive "
     "debate|The debate has shown how much agreement there is], [even if|although] [some "
     "questions remain unanswered|not every question has been answered]. [I look forward "
     "to|I will hold the Minister to] the [letter|written reply] {min_pron} has promised, and I "
     "[will|intend to] [return to this subject|keep pressing on these points]."),
)

# ---------------------------------------------------------------------------------------------
# titles and headings

@dataclass(frozen=True)
class Title:
    """A document title, its file-name slug and, for debates, the motion."""

    text: str
    slug: str
    motion: str = ""
    since: int = 2015
    until: int = 2025


DEBATE_TITLES = {
    "research": (
        Title("Cell and Gene Therapies: Research and Manufacturing", "cgt-research",
              "the potential of cell and gene therapy research and manufacturing in the UK"),
        Title("Life Sciences: Advanced Therapies", "advanced-therapies",
              "the contribution of advanced therapies to the UK life sciences sector"),
        Title("Regenerative Medicine", "regenerative-medicine",
              "the future of regenerative medicine in the UK", until=2018),
        Title("Gene Therapy: Clinical Trials", "gene-therapy-trials",
              "clinical trials of gene therapies in the UK"),
    ),
    "cost": (
        Title("CAR-T Cell Therapies: Access", "car-t",
              "access to CAR-T cell therapies on the NHS", since=2018),
        Title("Spinal Muscular Atrophy: Gene Therapy", "sma-gene-therapy",
              "access to gene therapy for spinal muscular atrophy", since=2019),
        Title("Rare Diseases: Access to Treatments", "rare-diseases",
              "access to treatments for rare diseases"),
        Title("Sickle Cell Disease: Gene Therapy", "sickle-cell",
              "access to gene therapies for sickle cell disease", since=2023),
        Title("Advanced Therapies: Affordability", "affordability",
              "the affordability of advanced therapies for the NHS"),
    ),
    "regulation": (
        Title("Advanced Therapies: Regulation", "regulation",
              "the regulation of advanced therapy medicinal products"),
        Title("Medicines Regulation: Cell and Gene Therapies", "medicines-regulation",
              "the regulation of cell and gene therapies after the UK's departure from the EU",
              since=2020),
        Title("NICE Appraisals: One-off Treatments", "nice-appraisals",
              "the appraisal of one-off treatments by NICE"),
        Title("Gene Editing: Regulation", "gene-editing",
              "the regulation of gene editing in medicine"),
    ),
    "workforce": (
        Title("NHS Workforce: Advanced Therapies", "workforce",
              "the NHS workforce needed to deliver advanced therapies"),
        Title("Specialist Cancer Services: Staffing", "cancer-staffing",
              "staffing in specialist cancer services"),
        Title("Healthcare Scientists", "healthcare-scientists",
              "the role of healthcare scientists in the NHS"),
        Title("NHS Pharmacy Workforce", "pharmacy-workforce", "the NHS pharmacy workforce"),
    ),
}

REPORT_TITLES = {
    "research": (
        Title("Building the UK's Advanced Therapies Industry", "industry-review"),
        Title("Cell and Gene Therapy Manufacturing: Capacity Review {year}", "manufacturing"),
        Title("From Discovery to Patients: Advanced Therapies Research in the UK", "research"),
    ),
    "cost": (
        Title("Paying for Cell and Gene Therapies", "paying-for-cgt"),
        Title("Access to Advanced Therapies: Affordability and Value", "access-value"),
        Title("CAR-T Therapy Services: Activity and Spend {year}", "car-t-activity",
              since=2020),
    ),
    "regulation": (
        Title("Regulating Advanced Therapies: Licensing and Appraisal", "regulation"),
        Title("Faster Access to Innovative Medicines: A Regulatory Review", "faster-access"),
        Title("Advanced Therapies: Evidence, Appraisal and Access", "evidence-appraisal"),
    ),
    "workforce": (
        Title("Staffing Advanced Therapy Services", "staffing"),
        Title("The Cell and Gene Therapy Workforce: Skills and Training", "workforce-skills"),
        Title("Specialised Services Workforce Review: Advanced Therapies", "workforce-review"),
    ),
}

SECTION_HEADINGS = {
    "research": ("Research and clinical trials", "Manufacturing capacity",
                 "Investment and the life sciences sector", "From laboratory to clinic",
                 "The UK research base"),
    "cost": ("Prices and value for money", "Access and affordability",
             "Paying for one-off treatments", "Managed access and funding routes",
             "Budget impact"),
    "regulation": ("Licensing and regulation", "Appraisal by NICE", "Regulatory pathways",
                   "Evidence for decisions", "The regulatory framework"),
    "workforce": ("The specialist workforce", "Staffing and training",
                  "Recruitment and retention", "Skills for the future", "Workforce planning"),
    "other_nhs": ("The wider NHS context", "Pressures on NHS services",
                  "Urgent and emergency care", "Primary and community care"),
}
OPENING_HEADINGS = ("Summary", "Key findings", "Introduction")
CLOSING_HEADINGS = ("Recommendations", "Conclusions", "Next steps")

# Organisations that publish the reports (the industry bodies are fictional).
ORGANISATIONS = {
    "industry": ("Advanced Therapies Industry Association",
                 "British Association of Gene Therapy Developers",
                 "UK Cell Therapy Manufacturers' Forum"),
    "nhs": ("NHS England",),
    "government": ("{department}", "Office for Life Sciences"),
    "parliamentary": ("House of Commons Science and Technology Committee",
                      "House of Commons {health_committee}"),
}

# ---------------------------------------------------------------------------------------------
# drawing paragraphs

JITTER = 0.25  # each document's theme weights vary by up to this share around the year's
STICK = 0.55  # chance that a paragraph keeps the theme of the one before it in the same turn
SECTION_STICK = 0.75  # the same within a report section, which has a theme in its heading
LEDGER_PULL = 3.0  # how hard a year's ledger steers draws towards themes below target
LEDGER_PULL_MAX = 6.0  # the most a theme's weight is multiplied or divided by

REPORT_PARAGRAPH_WORDS = 80  # about the mean length of a filled paragraph
OPTIONAL_CHANCE = 0.5  # chance that a plan's "?" sentence is written
SHARED_CHANCE = 0.45  # chance that a plan's "*" slot takes a sentence from the theme's pool
TARGET_WORDS = (62, 108)  # a paragraph's length is drawn from this range (then fitted)
VARIETY_ROOM = 60  # an option's variety stops counting for more uses beyond this

VOICES = {
    "member": {"speech": 0.4, "any": 0.6},
    "minister": {"gov": 0.55, "any": 0.45},
    "answer": {"gov": 0.6, "any": 0.4},
    "report": {"report": 0.3, "any": 0.7},
    "report-closing": {"report": 0.65, "any": 0.35},
    "government-report": {"gov": 0.3, "report": 0.15, "any": 0.55},
}


def theme_weights(year: int) -> dict[str, float]:
    """The target theme shares for a year."""
    return dict(zip(THEMES, THEME_WEIGHTS[year]))


@dataclass
class Usage:
    """How often each plan and sentence option has been written: this year and in all."""

    year: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)

    def add(self, used: Counter) -> None:
        """Count one accepted document's plans and sentence options."""
        self.year.update(used)
        self.total.update(used)

    def new_year(self) -> None:
        """Start counting a new year."""
        self.year = Counter()


class Writer:
    """Draws themed paragraphs for one document and records the theme of each.

    ``ledger``, when given, counts the themes of the paragraphs already written for other
    documents of the same year; fresh draws then lean towards the themes furthest below the
    year's targets, so that a year's few hundred paragraphs follow THEME_WEIGHTS closely.

    Paragraphs are composed from plans (see Plan): the plan least used in this document, then
    in this year (``usage``), then in the corpus, and within it the sentence options used least,
    so that the same sentence rarely appears twice in a year. The wording is drawn from
    ``text_rng``, a generator of its own seeded from ``rng``: choosing words takes no draws
    from the generator that decides speakers, themes and turns.
    """

    def __init__(self, rng: random.Random, date: dt.date, ledger: dict | None = None,
                 usage: Usage | None = None):
        self.rng = rng
        self.date = date
        self.targets = THEME_WEIGHTS[date.year]
        raw = [w * rng.uniform(1 - JITTER, 1 + JITTER) for w in self.targets]
        self.weights = [w / sum(raw) for w in raw]
        self.ledger = ledger
        self.themes: list[str] = []
        self.text_rng = random.Random(hashlib.sha256(repr(rng.getstate()).encode()).hexdigest())
        self.usage = usage or Usage()
        self.used: Counter = Counter()  # plans and sentence options written in this document

    def _draw_weights(self) -> list[float]:
        if self.ledger is None:
            return self.weights
        have = [self.ledger.get(t, 0) + self.themes.count(t) for t in THEMES]
        n = sum(have) + 1
        return [w * min(LEDGER_PULL_MAX, max(1 / LEDGER_PULL_MAX,
                                             ((target * n + 1) / (h + 1)) ** LEDGER_PULL))
                for w, target, h in zip(self.weights, self.targets, have)]

    def theme(self, previous: str | None = None, stick: float = STICK) -> str:
        """A theme by the document's weights; keeps ``previous`` with probability ``stick``.

        Keeping a theme drawn by the same weights leaves each paragraph's chance of each theme
        unchanged, so the corpus still follows THEME_WEIGHTS.
        """
        if previous is not None and self.rng.random() < stick:
            return previous
        return self.rng.choices(THEMES, self._draw_weights())[0]

    def focus(self) -> str:
        """The theme a document is mainly about: a therapy theme, by the document's weights."""
        themes = [t for t in THEMES if t != "other_nhs"]
        weights = [w for t, w in zip(THEMES, self.weights) if t != "other_nhs"]
        return self.rng.choices(themes, weights)[0]

    def paragraph(self, theme: str, voice: str, ctx: Context, max_words: int = 150) -> str:
        """One filled paragraph of a theme, in a voice (see VOICES)."""
        year = self.date.year
        rng = self.text_rng
        ctx = dataclasses.replace(ctx, rng=rng)
        registers = VOICES[voice]
        names = list(registers)
        register = rng.choices(names, [registers[n] for n in names])[0]
        bank = [p for p in PARAGRAPHS[theme] if p.since <= year <= p.until]
        for pool in ([p for p in bank if p.register == register],
                     [p for p in bank if p.register in registers],
                     [p for p in bank if p.register == "any"]):
            order = sorted(pool, key=lambda p: (*self._seen(p.key), rng.random()))
            for plan in order:
                text = self._compose(plan, theme, ctx, max_words)
                if text is not None:
                    self.themes.append(theme)
                    return text
        raise AssertionError(f"no {theme} paragraph for {year} in voice {voice}")

    def _seen(self, key: str) -> tuple[int, int, int]:
        return self.used[key], self.usage.year[key], self.usage.total[key]

    def _order(self, keys: Sequence[str], trees: Sequence[tuple]) -> list[int]:
        """Indexes of options in a random order that mostly puts first the one least used for
        the number of different sentences it can give (variety), so that an option with no
        choices in it is used seldom and a rich one often."""
        def weight(key: str, tree: tuple) -> float:
            doc, year, total = self._seen(key)
            room = min(VARIETY_ROOM, 2 * variety(tree))
            return (room / (1 + 4 * doc + 2 * year + total)) ** 2
        draws = [self.text_rng.random() ** (1 / weight(k, t)) for k, t in zip(keys, trees)]
        return sorted(range(len(keys)), key=lambda i: -draws[i])

    def _sentence(self, key: str, text: str, slots: _Slots) -> tuple[str, str] | None:
        """One of a slot's alternative sentences, filled, with its key; None if none fits."""
        options = choices(text)
        keys = [f"{key}.{j}" for j in range(len(options))]
        for j in self._order(keys, [(o,) for o in options]):
            try:
                return keys[j], fill_tree((options[j],), slots)
            except Unavailable:
                continue
        return None

    def _shared(self, theme: str, slots: _Slots, taken: Sequence[str]) -> tuple[str, str] | None:
        pool = SHARED[theme]
        keys = [f"{theme}/shared{i}" for i in range(len(pool))]
        for i in self._order(keys, [choices(text) for text in pool]):
            if keys[i] in taken:
                continue
            try:
                return keys[i], fill(pool[i], slots.ctx, slots)
            except Unavailable:
                continue
        return None

    def _compose(self, plan: Plan, theme: str, ctx: Context, max_words: int) -> str | None:
        """A paragraph from a plan, about a drawn target length and within
        PARAGRAPH_WORDS[0]..max_words words, or None when the plan cannot fit.

        Every slot is drafted; the "+" sentences are kept, "?" and "*" ones by chance, then
        more of them (and, if the plan runs short, up to two shared sentences at the end)
        until the paragraph reaches its target.
        """
        rng = self.text_rng
        lo = PARAGRAPH_WORDS[0]
        target = min(max_words, rng.randint(*TARGET_WORDS))
        slots = _Slots(ctx)
        drafts: list[tuple[str, str, str]] = []  # (kind, key, sentence) in plan order
        for i, (kind, text) in enumerate(plan.slots):
            if kind == "*":
                got = self._shared(theme, slots, [k for _, k, _ in drafts])
            else:
                got = self._sentence(f"{plan.key}:{i}", text, slots)
                if got is None and kind == "+":
                    return None  # a sentence the plan cannot do without does not fit this year
            if got is not None:
                drafts.append((kind, *got))
        for _ in range(2):
            got = self._shared(theme, slots, [k for _, k, _ in drafts])
            if got is not None:
                drafts.append(("+*", *got))
        keep = [kind == "+" or (kind == "?" and rng.random() < OPTIONAL_CHANCE) or
                (kind == "*" and rng.random() < SHARED_CHANCE) for kind, _, _ in drafts]
        sizes = [word_count(sentence) for _, _, sentence in drafts]

        def words() -> int:
            return sum(n for n, k in zip(sizes, keep) if k)

        # Short of the target: the plan's own optional sentences first, then the extra ones.
        for extra in (("?", "*"), ("+*",)):
            spare = [i for i, (kind, _, _) in enumerate(drafts) if kind in extra and not keep[i]]
            rng.shuffle(spare)
            for i in spare:
                if words() >= target:
                    break
                if words() + sizes[i] <= max_words:
                    keep[i] = True
        # Over the budget: drop optional sentences, last first.
        for i in reversed(range(len(drafts))):
            if words() <= max_words:
                break
            if drafts[i][0] != "+" and keep[i]:
                keep[i] = False
        if not lo <= words() <= max_words:
            return None
        kept = [(key, sentence) for (_, key, sentence), k in zip(drafts, keep) if k]
        self.used.update([plan.key] + [key for key, _ in kept])
        return " ".join(sentence for _, sentence in kept)


def _fill_one(rng: random.Random, bank: Sequence[Template], ctx: Context) -> str:
    """One text of a bank that fits the year, filled."""
    order = [t for t in bank if t.since <= ctx.year <= t.until]
    rng.shuffle(order)
    for template in order:
        try:
            return fill(template, ctx)
        except Unavailable:
            continue
    raise AssertionError("no template fits")


def _choose_title(rng: random.Random, titles: Sequence[Title], year: int,
                  taken: Sequence[str] = ()) -> Title:
    """A title that fits the year, preferring those used least often so far (``taken``)."""
    fits = [t for t in titles if t.since <= year <= t.until]
    fewest = min(list(taken).count(t.slug) for t in fits)
    return rng.choice([t for t in fits if list(taken).count(t.slug) == fewest])


def _titled(titles: dict[str, Sequence[Title]], slug: str) -> tuple[str, Title]:
    """The theme and Title of a title slug (a document whose subject the caller fixes)."""
    for theme, options in titles.items():
        for title in options:
            if title.slug == slug:
                return theme, title
    raise ValueError(f"no title with the slug {slug!r}")


def _say(rng: random.Random, text: str, **values: str) -> str:
    """A formula of debate with its choices drawn and {names} filled from values."""
    return tidy(expand(choices(text), rng).format(**values))


# ---------------------------------------------------------------------------------------------
# Hansard debates

Heading = tuple  # ("heading", text, level)
Speech = tuple  # ("speech", speaker, paragraphs, uin)


def _speech(label: str, paragraphs: Sequence[str], uin: str | None = None) -> tuple:
    return ("speech", label, tuple(typeset(p) for p in paragraphs), uin)


@dataclass
class HansardText:
    """A Hansard document's items, title and the theme of every themed paragraph."""

    title: str
    slug: str
    items: list
    themes: list[str]
    focus: str
    turns: int
    used: Counter = field(default_factory=Counter)  # plans and sentence options written


def _opposition_prefix(rng: random.Random, date: dt.date, member: Member,
                       gov_party: str) -> str:
    if member.party == "Lab" or (member.party == "Con" and gov_party == "Lab"):
        monarch = "Her" if date < _d("2022-09-08") else "His"
        return _say(rng, OPPOSITION_OPENINGS, side=f"{monarch} Majesty's Opposition")
    party = {"SNP": "the Scottish National party", "LD": "the Liberal Democrats"}.get(
        member.party, "my party")
    return _say(rng, OPPOSITION_OPENINGS, side=party)


def member_ref(speaker: Member | None, target: Member) -> str:
    """How one Member names another in debate: "my hon. Friend the Member for Bath"."""
    if speaker is not None and speaker.party == target.party:
        return f"my hon. Friend the Member for {target.seat}"
    return f"the hon. Member for {target.seat}"


def _you(speaker: Member | None, target: Member) -> str:
    """How a Member addresses the Member speaking: "my hon. Friend", "the hon. Lady"."""
    if speaker is not None and speaker.party == target.party:
        return "my hon. Friend"
    return target.hon


def debate(rng: random.Random, date: dt.date, chamber: str = "Westminster Hall",
           min_words: int = 2600, max_turns: int = 16,
           taken_titles: Sequence[str] = (), ledger: dict | None = None,
           usage: Usage | None = None, subject: str | None = None) -> HansardText:
    """A debate in Westminster Hall or the Commons chamber, with 8-16 speaker turns.

    Back-Bench speeches are added until about two thirds of min_words are reached, then the
    front benches reply; a short debate gets a longer reply from the minister. ``subject``, a
    DEBATE_TITLES slug, fixes the title (and so the theme the debate is mainly about).
    """
    writer = Writer(rng, date, ledger, usage)
    say = writer.text_rng
    era = era_for(date)
    wh = chamber == "Westminster Hall"
    if wh:
        chair_name, chair_addr = rng.choice(CHAIRS_WH)
        chair_label = f"{chair_name} (in the Chair):"
    else:
        chair_name, chair_addr = rng.choice(CHAIRS_COMMONS)
        chair_label = f"{chair_name}:"
    spokes = [m for m in SPOKESPEOPLE[era.party] if m.sitting(date)]
    spoke_names = {(m.first, m.last) for m in spokes}
    backbench = [m for m in MEMBERS if m.sitting(date) and (m.first, m.last) not in spoke_names]
    rng.shuffle(backbench)
    opener = backbench.pop(0)
    minister_label = f"{era.minister_role} ({era.minister}):"
    spoken: list[Member] = []
    labels_used: set[str] = set()
    turns: list = []
    words = 0

    def label(member: Member) -> str:
        if member.label in labels_used:
            return member.short_label
        labels_used.add(member.label)
        return member.label

    def ctx_for(member: Member | None, addressee: Member | None = None) -> Context:
        ctx = Context(say, date, member, tuple(spoken), chair_addr, era.minister_female)
        if addressee is not None:
            ctx.used["addressee"] = addressee
        return ctx

    def themed(member: Member | None, n: int, voice: str, prefix: str = "",
               theme: str | None = None) -> list[str]:
        nonlocal words
        paras, prev = [], None
        for i in range(n):
            prev = theme if (i == 0 and theme) else writer.theme(prev)
            budget = 150 - (word_count(prefix) if i == 0 and prefix else 0)
            text = writer.paragraph(prev, voice, ctx_for(member), max_words=budget)
            if i == 0 and prefix:
                text = f"{prefix} {text}"
            paras.append(text)
            words += word_count(text)
        return paras

    def n_turns() -> int:
        return len(turns)

    def intervention(speaker: Member | None, intervener: Member) -> None:
        """Four turns: the request to give way, the yield, the question and the reply."""
        minister = speaker is None
        theme = writer.theme()
        target = "the Minister" if minister else _you(intervener, speaker)
        speaker_label = minister_label if minister else label(speaker)
        turns.append(_speech(label(intervener), [f"Will {target} give way?"]))
        whom = intervener.hon if minister else _you(speaker, intervener)
        turns.append(_speech(speaker_label, [_say(say, GIVING_WAY, whom=whom)]))
        question = _fill_one(say, INTERVENTIONS[theme], ctx_for(intervener, speaker))
        turns.append(_speech(label(intervener),
                             [f"{_say(say, THANKS_FOR_GIVING_WAY, target=target)} {question}"]))
        spoken.append(intervener)
        ack = say.choice(MINISTER_ACKNOWLEDGEMENTS if minister else ACKNOWLEDGEMENTS)
        ack = _say(say, ack, ref=whom, Ref=whom[0].upper() + whom[1:])
        turns.append(_speech(speaker_label, themed(speaker, rng.randint(1, 2),
                                                   "minister" if minister else "member",
                                                   prefix=ack, theme=theme)))

    # The opener's first turn; its motion line is added once the title is known.
    opening = _say(say, OPENINGS_WH if wh else OPENINGS_COMMONS, chair=chair_addr)
    if subject is None:
        focus, title = writer.focus(), None
    else:
        focus, title = _titled(DEBATE_TITLES, subject)
    turns.append(("opener", themed(opener, rng.randint(2, 3), "member", prefix=opening,
                                   theme=focus)))
    labels_used.add(opener.label)
    spoken.append(opener)
    if rng.random() < 0.8:
        intervention(opener, backbench.pop(0))
    chair_line = _say(say, say.choice(CHAIR_LINES_WH if wh else CHAIR_LINES_COMMONS),
                      mins=say.choice(("four", "five", "six", "seven")),
                      time=say.choice(("ten past three", "twenty to four", "half-past five",
                                       "ten to eleven", "twenty past ten", "quarter to four",
                                       "five past five", "twenty-five past three")))
    turns.append(_speech(chair_label, [chair_line]))

    # Back-Bench speeches, keeping room for the front benches, the minister and the wind-up.
    reserved = len(spokes) + 1 + (1 if wh else 0)
    paragraphs_each = 2
    while words < min_words * 0.62 and backbench:
        if n_turns() + reserved >= max_turns:
            break
        member = backbench.pop(0)
        who = member_ref(member, opener)
        prefix = _say(say, CONGRATULATIONS_WH if wh else CONGRATULATIONS, chair=chair_addr,
                      who=who)
        n = rng.randint(paragraphs_each - 1, paragraphs_each + 1)
        turns.append(_speech(label(member), themed(member, n, "member", prefix=prefix)))
        spoken.append(member)
        if backbench and max_turns - n_turns() - reserved >= 6 and rng.random() < 0.35:
            intervention(member, backbench.pop(0))
        if max_turns - n_turns() - reserved <= 2:
            paragraphs_each = 3  # few turns left: longer speeches
    for spoke in spokes:
        prefix = _opposition_prefix(say, date, spoke, era.party)
        turns.append(_speech(label(spoke), themed(spoke, rng.randint(2, 3), "member",
                                                  prefix=prefix)))
        spoken.append(spoke)
    opener_ref = member_ref(opener if opener.party == era.party else None, opener)
    welcome = _say(say, MINISTER_OPENINGS_WH if wh else MINISTER_OPENINGS_COMMONS,
                   chair=chair_addr, who=opener_ref)
    turns.append(_speech(minister_label, themed(None, rng.randint(2, 3), "minister",
                                                prefix=welcome)))
    asked = [m for m in spoken if m is not opener]
    if asked and n_turns() + 4 + (1 if wh else 0) <= max_turns and rng.random() < 0.6:
        intervention(None, rng.choice(asked))
    extra = 0
    while words < min_words and extra < 3:  # a short debate: the minister says more
        last = turns[-1]
        turns[-1] = _speech(last[1], list(last[2]) + themed(None, 1, "minister"))
        extra += 1
    if wh:
        windup = _say(say, say.choice(WINDUPS), min_poss=_pron(era.minister_female, True),
                      min_pron=_pron(era.minister_female))
        turns.append(_speech(opener.short_label, [windup]))

    if title is None:
        title = _choose_title(rng, DEBATE_TITLES[focus], date.year, taken_titles)
    motion = f"That this House has considered {title.motion}."
    turns[0] = _speech(opener.label, [f"I beg to move, {motion}", *turns[0][1]])
    items: list = [("heading", title.text, 1),
                   ("heading", f"[{chair_name} in the Chair]", 3) if wh else
                   ("heading", "Backbench Business", 3)]
    items += turns
    items.append(("speech", "", ("Question put and agreed to.",
                                 typeset(f"Resolved, {motion}")), None))
    return HansardText(title.text, title.slug, items, writer.themes, focus, len(turns),
                       writer.used)


def written_answers(rng: random.Random, date: dt.date, min_words: int = 2600,
                    ledger: dict | None = None, usage: Usage | None = None,
                    subject: str | None = None) -> HansardText:
    """Written answers to questions for the health department: pairs under subject headings.

    ``subject``, a WA_SLUGS value, fixes the theme of the first question (and the file slug).
    """
    writer = Writer(rng, date, ledger, usage)
    era = era_for(date)
    minister_label = f"{era.minister_role} ({era.minister}):"
    sos = secretary_of_state(date)
    members = [m for m in MEMBERS if m.sitting(date)]
    dept = department(date).replace("Department of ", "")
    items: list = [("heading", dept, 1)]
    asked: set[str] = set()
    words, turns = 0, 0
    uin = rng.randint(10000, 99000)
    focus = writer.focus() if subject is None else \
        next(theme for theme, slug in WA_SLUGS.items() if slug == subject)
    while words < min_words:
        asker = rng.choice(members)
        ctx = Context(writer.text_rng, date, asker, (), "", era.minister_female)
        theme = writer.theme() if turns else focus
        for _ in range(6):  # a theme whose questions are all asked: draw again
            if _fresh_questions(theme, ctx.year, asked):
                break
            theme = writer.theme()
        heading, question = _question(writer.text_rng, theme, ctx, asked)
        answer, prev = [], theme
        for i in range(rng.choices((1, 2, 3), (0.3, 0.55, 0.15))[0]):
            prev = theme if i == 0 else writer.theme(prev)
            answer.append(writer.paragraph(prev, "answer", Context(rng, date, None, (), "",
                                                                   era.minister_female)))
        uin += rng.randint(3, 400)
        items.append(("heading", heading, 2))
        items.append(_speech(asker.label, [f"To ask the {sos}, {question}."], str(uin)))
        items.append(_speech(minister_label, answer))
        words += word_count(question) + sum(word_count(p) for p in answer)
        turns += 2
    return HansardText(f"Written Answers: {dept}", WA_SLUGS[focus], items, writer.themes, focus,
                       turns, writer.used)


WA_SLUGS = {"research": "cgt-research", "cost": "cgt-costs", "regulation": "cgt-regulation",
            "workforce": "nhs-staff"}


def _fresh_questions(theme: str, year: int, asked: set[str]) -> int:
    return sum(1 for _, t in QUESTIONS[theme]
               if t.since <= year <= t.until and t.text not in asked)


def _question(rng: random.Random, theme: str, ctx: Context, asked: set[str]) -> tuple[str, str]:
    """A written question on a theme not yet asked in this document, with its heading."""
    fits = [(h, t) for h, t in QUESTIONS[theme] if t.since <= ctx.year <= t.until]
    fresh = [q for q in fits if q[1].text not in asked]
    order = list(fresh or fits)
    rng.shuffle(order)
    for heading, template in order:
        try:
            text = fill(template, ctx, capital=False)  # it follows "To ask the ...,"
        except Unavailable:
            continue
        asked.add(template.text)
        return heading, text
    raise AssertionError(f"no {theme} question for {ctx.year}")


def debate_stream(rng: random.Random, years: Sequence[int] = YEARS) -> Iterator[tuple]:
    """Endless Hansard items: one debate after another, each from a random year and chamber."""
    usage = Usage()  # a long stream varies its wording as the corpus does
    while True:
        year = rng.choice(list(years))
        date = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        chamber = rng.choice(("Westminster Hall", "House of Commons"))
        text = debate(rng, date, chamber, min_words=rng.randint(2600, 5200), usage=usage)
        usage.add(text.used)
        yield from text.items


# ---------------------------------------------------------------------------------------------
# reports

@dataclass
class ReportText:
    """A report's title, sections, table and the theme of every themed paragraph."""

    title: str
    slug: str
    organisation: str
    sections: list[tuple[str, tuple[str, ...]]]
    table: list[list[str]]
    table_caption: str
    table_after: int
    themes: list[str]
    focus: str
    used: Counter = field(default_factory=Counter)  # plans and sentence options written


def organisation_name(template: str, date: dt.date) -> str:
    """An organisation's name as it was on a date."""
    committee = "Health Committee" if date < _d("2018-01-09") else \
        "Health and Social Care Committee"
    return template.format(department=department(date), health_committee=committee)


def report(rng: random.Random, date: dt.date, kind: str, organisation: str,
           min_words: int = 1700, taken_titles: Sequence[str] = (),
           ledger: dict | None = None, usage: Usage | None = None,
           subject: str | None = None) -> ReportText:
    """A one-column report: 4-7 headed sections and one table.

    ``subject``, a REPORT_TITLES slug, fixes the title and the theme the report is mainly about.
    """
    writer = Writer(rng, date, ledger, usage)
    voice = "government-report" if kind == "government" else "report"
    ctx = Context(rng, date, None, (), "", era_for(date).minister_female)
    # Enough middle sections for about three or four paragraphs each (4-7 sections in all).
    n_paragraphs = -(-min_words // REPORT_PARAGRAPH_WORDS)
    n_middle = max(2, min(5, round((n_paragraphs - 3) / rng.uniform(3.0, 4.5))))
    opening_n, closing_n = rng.randint(1, 2), rng.randint(1, 3)
    counts = [2] * n_middle
    for _ in range(max(0, n_paragraphs - opening_n - closing_n - 2 * n_middle)):
        counts[rng.randrange(n_middle)] += 1
    if subject is None:
        focus, title = writer.focus(), None
    else:
        focus, title = _titled(REPORT_TITLES, subject)
    plan: list[tuple[str, str | None, str, int]] = [
        (rng.choice(OPENING_HEADINGS), None, voice, opening_n)]
    headings_used: set[str] = set()
    for i, n in enumerate(counts):
        theme = focus if i == 0 else writer.theme()
        heading = rng.choice([h for h in SECTION_HEADINGS[theme] if h not in headings_used])
        headings_used.add(heading)
        plan.append((heading, theme, voice, n))
    if kind == "government":
        plan.append((rng.choice(("Next steps", "Conclusions")), None, voice, closing_n))
    else:
        plan.append((rng.choice(CLOSING_HEADINGS), None, "report-closing", closing_n))
    sections = []
    for heading, theme, section_voice, n in plan:
        paras, prev = [], theme
        for i in range(n):
            prev = theme if (i == 0 and theme) else writer.theme(prev, SECTION_STICK)
            paras.append(typeset(writer.paragraph(prev, section_voice, ctx)))
        sections.append((heading, tuple(paras)))
    if title is None:
        title = _choose_title(rng, REPORT_TITLES[focus], date.year, taken_titles)
    table, caption = TABLES[focus](rng, date)
    return ReportText(title.text.format(year=date.year), title.slug, organisation, sections,
                      table, caption, rng.randint(1, len(sections) - 2), writer.themes, focus,
                      writer.used)


def _years_before(date: dt.date, n: int, first: int = 2010) -> list[int]:
    return [y for y in range(date.year - n, date.year) if y >= first]


def _table_research(rng: random.Random, date: dt.date) -> tuple[list[list[str]], str]:
    rows = [["Year", "Active advanced therapy trials", "Sector employees", "Investment raised"]]
    for y in _years_before(date, 5):
        rows.append([str(y), str(int(series("trials", y) * rng.uniform(0.95, 1.05))),
                     thousands(series("jobs", y) * rng.uniform(0.97, 1.03)),
                     money_m(series("raised_m", y) * rng.uniform(0.9, 1.1))])
    return rows, "Table 1: Advanced therapies in the UK, clinical trials, jobs and investment"


def _table_cost(rng: random.Random, date: dt.date) -> tuple[list[list[str]], str]:
    if date.year >= 2021:
        rows = [["Year", "Patients treated with CAR-T", "Treating centres",
                 "Spend at list price"]]
        for y in _years_before(date, 5, first=2018):
            patients = series("cart_patients", y) * rng.uniform(0.93, 1.07)
            rows.append([str(y), thousands(patients), str(int(series("cart_centres", y))),
                         money_m(patients * 0.3)])
        return rows, "Table 1: CAR-T therapy in England, patients, centres and spend"
    rows = [["Therapy", "Condition", "List price", "Route to patients"]]
    for p in PRODUCTS:
        if p.since <= date.year <= p.until:
            route = (p.route if p.nice_year and p.nice_year <= date.year else
                     "not yet appraised")
            rows.append([p.brand, p.condition, p.price, route])
    if len(rows) < 3:
        return _table_research(rng, date)
    return rows, "Table 1: Selected advanced therapies, list prices and routes to patients"


def _table_regulation(rng: random.Random, date: dt.date) -> tuple[list[list[str]], str]:
    rows = [["Therapy", "Non-proprietary name", "Licensed", "NICE decision"]]
    for p in PRODUCTS:
        if p.licensed <= date.year and p.since <= date.year <= p.until:
            decision = (f"recommended in {p.nice_year}" if p.nice_year and
                        p.nice_year <= date.year else "appraisal under way")
            rows.append([p.brand, p.inn, str(p.licensed), decision])
    if len(rows) < 4:
        return _table_research(rng, date)
    return rows, "Table 1: Advanced therapies and the state of their appraisal"


STAFF_GROUPS = (("Specialist nurses", 900, 1.6), ("Haematology consultants", 420, 1.2),
                ("Clinical scientists", 650, 1.9), ("Specialist pharmacists", 380, 1.7),
                ("Apheresis staff", 260, 1.5), ("Laboratory technicians", 1100, 1.3))


def _table_workforce(rng: random.Random, date: dt.date) -> tuple[list[list[str]], str]:
    rows = [["Staff group", "Funded posts", "Vacancies", "Vacancy rate"]]
    base = series("vac_rate", date.year - 1) / 100
    growth = 1 + (date.year - 2015) * 0.09
    for name, posts, factor in STAFF_GROUPS:
        n = int(posts * growth * rng.uniform(0.9, 1.1))
        rate = base * factor * rng.uniform(0.85, 1.15)
        rows.append([name, f"{n:,}", f"{int(n * rate):,}", f"{rate * 100:.1f}%"])
    return rows, (f"Table 1: Posts and vacancies in advanced therapy services by staff group, "
                  f"{date.year - 1}")


def _table_other(rng: random.Random, date: dt.date) -> tuple[list[list[str]], str]:
    a, b = date.year - 2, date.year - 1
    rows = [["Indicator", str(a), str(b)]]
    rows.append(["A&E patients seen within four hours", f"{series('ae_pct', a):.1f}%",
                 f"{series('ae_pct', b):.1f}%"])
    rows.append(["Waiting list for planned treatment", f"{series('rtt_m', a):.1f} million",
                 f"{series('rtt_m', b):.1f} million"])
    rows.append(["Patients fit to leave hospital each day", thousands(series("delayed", a)),
                 thousands(series("delayed", b))])
    return rows, "Table 1: NHS performance in England"


TABLES = {"research": _table_research, "cost": _table_cost, "regulation": _table_regulation,
          "workforce": _table_workforce, "other_nhs": _table_other}
