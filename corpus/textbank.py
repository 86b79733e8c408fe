"""Text for the sample corpus: themed paragraph templates, fictional Members, and generators.

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
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
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
          "Liverpool", "Belfast", "Leicester", "Plymouth", "Aberdeen", "Stevenage", "Dundee")
REGIONS = ("the north-east", "the south-west", "Cumbria", "the east midlands", "Wales",
           "Northern Ireland", "the Highlands", "East Anglia", "the north-west", "Yorkshire",
           "the west midlands", "Lincolnshire", "Cornwall", "the Scottish Borders")
TOWNS = ("Barrow", "Hexham", "Grantham", "Bridgwater", "Rhyl", "Skegness", "Penrith", "Thetford",
         "Whitby", "Bideford", "Dumfries", "Newry", "Ludlow", "Scunthorpe")
HOSPITAL_FORMS = ("{} Royal Infirmary", "the {} children's hospital", "{} General Hospital",
                  "the Queen Elizabeth Hospital in {}", "St Bride's Hospital in {}",
                  "the teaching hospital in {}")
CONDITIONS = ("spinal muscular atrophy", "sickle cell disease", "beta thalassaemia",
              "haemophilia", "inherited retinal disease", "Duchenne muscular dystrophy",
              "metachromatic leukodystrophy", "severe combined immunodeficiency",
              "cystic fibrosis", "Huntington's disease")
COMMON_CONDITIONS = ("haemophilia", "sickle cell disease", "Parkinson's disease",
                     "heart failure", "age-related macular degeneration")
COUNTRIES = ("Germany", "France", "Ireland", "the Netherlands", "Spain", "Canada", "Singapore",
             "Denmark", "South Korea", "Belgium")
FAMILIES = ("the Delaney family", "the Okafor family", "the Hussain family",
            "the MacLeod family", "the Pritchard family", "the Kowalski family",
            "the Osborne family", "the Achebe family", "the Lindqvist family")
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
# templates and slot filling


@dataclass(frozen=True)
class Template:
    """A paragraph template: text with {slots}, the voice it suits and the years it fits."""

    text: str
    register: str = "any"  # any | speech | report | gov
    since: int = 2015
    until: int = 2025


def T(text: str, register: str = "any", since: int = 2015, until: int = 2025) -> Template:
    return Template(" ".join(text.split()), register, since, until)


class Unavailable(Exception):
    """A slot has no value in this year (a product not yet launched): try another template."""


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


class _Slots(dict):
    """format_map mapping that draws each slot once per paragraph ({city} and {city2} differ)."""

    def __init__(self, ctx: Context):
        super().__init__()
        self.ctx = ctx

    def __missing__(self, key: str):
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


def fill(template: Template | str, ctx: Context) -> str:
    """The template's text with its slots filled; raises Unavailable when one cannot be."""
    text = template.text if isinstance(template, Template) else template
    return text.format_map(_Slots(ctx))


def typeset(text: str) -> str:
    """Typographic apostrophes, as printed documents use them."""
    return text.replace("'", "\u2019")


def word_count(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------------------------------------
# paragraph banks: research and manufacturing

RESEARCH = [
    T("""The United Kingdom has a long record in the science behind cell and gene therapies.
    Laboratories in {city} and {city2} were among the first to show that a patient's own cells
    could be modified and returned to fight disease, and the country now hosts around
    {n_trials} clinical trials of advanced therapy medicinal products. The challenge is no longer
    discovery alone. It is turning promising early results into products that can be made
    reliably, at scale and to the standards that regulators and hospitals expect."""),
    T("""Manufacturing is the bottleneck that everyone in the sector talks about. A single dose
    of an autologous CAR-T therapy is made from one patient's blood, shipped to a clean-room
    facility, engineered, expanded and shipped back, often within three or four weeks. Each step
    needs trained operators, sterile suites and quality control. The manufacturing centre in
    Stevenage, run by the Cell and Gene Therapy Catapult, was built to give developers that
    capacity without each company having to build a plant of its own.""", since=2018),
    T("""Investment in the sector has grown quickly. Companies developing cell and gene
    therapies in the UK raised about {raised} in {last_year}, and several overseas developers
    have chosen to build process development sites in {region}. Investors are drawn by the
    strength of the universities, a single national health service as a partner for trials, and
    a clinical trial approval process that has become quicker. Whether that investment stays
    depends on a clear route from trial to routine use."""),
    T("""The number of clinical trials of advanced therapies running in the UK has risen from a
    handful a decade ago to {n_trials} today, roughly {pct_small} of the global total. Most are
    early-phase studies in cancer, but a growing share target inherited conditions such as
    {condition}. Trials of this kind are small and demanding: each may recruit only a few dozen
    patients, and each patient needs careful follow-up for years after a single treatment."""),
    T("""Many of the most promising therapies begin life in university laboratories. Spin-out
    companies from {city} and {city2} have taken gene therapies for {condition} into
    first-in-human studies, often with early funding from research councils and medical
    charities. The gap comes afterwards, when a company needs tens of millions of pounds for a
    larger trial and a manufacturing process that can pass inspection. Too many of those
    companies are then bought by larger firms abroad, and the later stages of development move
    with them."""),
    T("""Almost every gene therapy depends on viral vectors, the modified viruses that carry a
    working gene into the patient's cells. Vector manufacturing is slow, expensive and hard to
    scale, and for some years developers have faced waits of {months} months for a production
    slot at a contract manufacturer. New vector facilities in {region} should ease the pressure,
    but the supply of experienced process scientists has not kept pace with the building of
    clean rooms."""),
    T("""Gene editing has moved from the laboratory to the clinic faster than almost anyone
    predicted. Tools based on CRISPR allow researchers to cut and correct DNA at a chosen point,
    and the first edited cell therapies have already been given to patients with inherited blood
    disorders. Groups in {city} have contributed to the basic science and to the early trials.
    The next questions are about delivery: how to edit cells inside the body safely, and how to
    prove that the changes last.""", since=2019),
    T("""Genome editing is the newest tool in the field and perhaps the most talked about.
    Techniques such as CRISPR make it possible to alter a chosen gene with a precision that
    older methods could not match, and laboratories in {city} and {city2} are already using them
    to study inherited diseases of the blood, the eye and the nervous system. Clinical use is
    still some years away, and scientists are careful to distinguish editing a patient's own
    cells from changes that could be inherited.""", until=2018),
    T("""The health service is one of the country's greatest assets for research. A single
    system with long-term patient records makes it possible to find eligible patients for rare
    disease trials and to follow them up over many years. Yet companies still report that
    setting up a trial at a new NHS site can take {months} months, much of it spent on
    contracts, costings and local approvals. Standard contracts and a national costing template
    have helped, but the delays have not disappeared."""),
    T("""The Cell and Gene Therapy Catapult was set up to help businesses move therapies from
    research into commercial production. Its work ranges from process development and
    analytical testing to advice on regulatory strategy, and it has helped dozens of companies
    refine their manufacturing methods. By its estimate the sector now employs about {n_jobs}
    people in the UK, a figure that has grown every year, with the largest clusters around
    London, Oxford, Cambridge, Stevenage and the north-west."""),
    T("""Automation could change the economics of cell therapy manufacturing. Today much of the
    work is done by hand in clean rooms, with highly trained operators carrying out each step in
    gowns and gloves. Closed, automated systems that can run several patient batches side by
    side promise to cut both the cost of goods and the failure rate. Developers in {city} are
    testing such systems, and some believe that manufacturing at or near the hospital will
    become common within ten years."""),
    T("""Most cell therapies licensed so far are autologous, made from the patient's own cells.
    Researchers are now developing allogeneic, or off-the-shelf, products made from healthy
    donors' cells, which could be manufactured in large batches and stored until needed. If they
    work, they would avoid the weeks of waiting that make autologous CAR-T so hard for patients
    whose disease is advancing quickly. Early trials, including some run in {city}, have shown
    encouraging responses, though how long they last remains uncertain.""", since=2018),
    T("""Public funding has been important at every stage. The Medical Research Council, the
    {nihr} and Innovate UK have each supported advanced therapy projects, and the Industrial
    Strategy Challenge Fund paid for new manufacturing capacity. In {last_year} alone, public
    bodies committed around {money} to the field. That money has drawn in far more from private
    investors, but it has been spread across many schemes with different rules, which smaller
    companies find hard to navigate.""", since=2018),
    T("""For many rare inherited conditions, gene therapy offers something no other treatment
    can: the chance of correcting the cause of the disease with a single dose. Conditions such
    as {condition} affect only a few dozen children born in the UK each year, which makes
    conventional drug development uneconomic. Research groups at {hospital} and elsewhere have
    shown that it can be done, but every programme faces the same obstacles of small trial
    numbers, long follow-up and very high manufacturing costs per patient."""),
    T("""The supply chain for advanced therapies is fragile. Specialist reagents, plasmids,
    single-use bags and tubing often come from a small number of suppliers, many of them
    overseas, and a shortage of one component can halt production. In recent years several UK
    developers have reported delays of {weeks} weeks for basic materials. Building domestic
    supply of the most critical inputs, and agreeing common standards so that materials are
    interchangeable, would make the whole sector more resilient."""),
    T("""Other countries are competing hard for the same investment. The United States still
    attracts most of the venture capital in this field, and governments in {country} and
    {country2} have offered generous incentives for manufacturing plants. The UK's advantages
    are its science base, its clinical networks and a regulator willing to engage early. Its
    disadvantages, according to companies, are the slow uptake of new medicines by the health
    service and the difficulty of recruiting experienced manufacturing operators."""),
    T("""Companies building manufacturing sites say that equipment is easier to find than
    people. The sector needs process engineers, quality control analysts and qualified persons
    who can certify each batch for release, and many of those roles demand years of experience.
    Industry training programmes have prepared about {n_trainees} people so far, but demand from
    new facilities in {region} and elsewhere continues to outstrip supply, and firms compete to
    hire from one another.""", since=2017),
    T("""Long-term follow-up is a research task in its own right. Patients who receive a gene
    therapy are monitored for fifteen years or more to detect late effects and to show whether
    the benefit lasts. The UK's national registries and linked health records give it a real
    advantage here. Bringing those data together in one place, with the consent of patients,
    would let researchers answer questions that no single trial could, and would strengthen the
    evidence on which later decisions depend."""),
    T("""So far CAR-T has worked best in blood cancers. Solid tumours, which account for most
    cancer deaths, have proved far harder: the engineered cells struggle to find and penetrate
    the tumour and are suppressed once they arrive. Researchers in {city} are testing new
    designs that carry extra signals or target two markers at once. If any of these approaches
    succeeds in a large trial, the number of patients who could benefit from cell therapy would
    increase many times over."""),
    T("""Regenerative medicine was the first promise of the field. Stem cell research in the UK
    has produced treatments for damaged corneas and severe burns, and cell therapies for heart
    failure, Parkinson's disease and macular degeneration have been tested at {hospital}.
    Progress has been slower than the early enthusiasm suggested, but the expertise built up in
    those programmes, in cell culture, quality control and surgical delivery, now underpins much
    of the newer work on engineered cells."""),
    T("""The economic case is part of the argument. Each new manufacturing facility brings
    skilled, well-paid jobs, often outside London and the south-east; the site being built near
    {city} is expected to employ around {n_site_jobs} people when it is fully open. Exports of
    cell and gene therapies, and of the services that support them, have grown steadily. A
    strong domestic industry also makes it more likely that patients here will be offered new
    treatments early, because companies tend to launch first where they run trials."""),
    T("""Some hospitals have begun to make cell therapies themselves. Academic manufacturing
    units in {city} and {city2} have produced CAR-T cells for early trials at a fraction of the
    commercial price, using automated equipment and operators trained on site. Supporters argue
    that this model could bring treatments to patients who would otherwise wait years for a
    commercial product. Critics point to the demands of quality assurance and the risk of each
    centre doing things slightly differently.""", since=2019),
    T("""Applications to run trials of advanced therapies have grown by about {pct} a year over
    the last five years. Most of those trials are in cancer, and a growing number are in
    neurology, eye disease and blood disorders. The UK's share of global trials in the field is
    higher than its share of the wider pharmaceutical market, which suggests that developers
    value its clinical networks. Keeping that share will depend on approval times and on the
    ease of recruiting patients across hospital sites."""),
    T("""I want to speak about the jobs that this industry brings to my constituency. The
    manufacturing site on the edge of {town} employs {n_site_jobs} people, many of them young
    graduates who would once have had to move to London or Cambridge to find work of this kind.
    When I visited, I met technicians who had trained locally and now prepare cell therapies
    that will be given to patients across Europe. That is the kind of growth we should be
    encouraging, and I hope the Minister will say what more can be done.""", "speech"),
    T("""The Minister will know that the science here is world-leading. What worries me is what
    happens after the science. Time and again I hear from researchers in {city} who have
    developed a promising therapy, only to see the company that licenses it move its trials and
    its manufacturing to the United States. We cannot keep funding the discovery and then
    watching the benefit go abroad. Will the Minister tell us what is being done to keep the
    later stages of development here?""", "speech"),
    T("""I recently met a group of scientists at the university in {city} who are working on
    gene therapies for {condition}. They told me that their biggest problem is not ideas, or
    even patients willing to take part, but the cost of producing enough vector for a trial. A
    single batch can cost {batch_cost}, and there are only a few places in the country that can
    make it. Surely a shared national facility for academic groups would be money well
    spent.""", "speech"),
    T("""I declare an interest as a member of the all-party group on life sciences. The group
    has heard from companies large and small over the past year, and the message has been
    remarkably consistent. They value the quality of British science and the willingness of the
    regulator to talk to them early. What they want is certainty: about the rules, about the
    route to patients, and about whether the investment that has been promised will actually
    arrive. I hope today's debate can give them some of that certainty.""", "speech"),
    T("""Let me turn to clinical trials. Families in my constituency whose children have rare
    genetic conditions often tell me that the only realistic hope of treatment is a place on a
    trial. Yet the nearest trial site may be hundreds of miles away, and the cost of travel and
    accommodation falls on parents who are already struggling. If we want this country to be a
    leading place for these trials, we must make it possible for patients from every region,
    not just those who live near {city}, to take part.""", "speech"),
    T("""This review found that the UK's research base in advanced therapies remains strong by
    international standards. Publication and citation rates in cell and gene therapy are among
    the highest in the world, and the number of companies active in the sector has roughly
    doubled since {past_year}. However, respondents to our survey identified three persistent
    weaknesses: access to late-stage finance, manufacturing capacity for viral vectors, and the
    time taken to open trials at NHS sites.""", "report"),
    T("""We recommend that the Government and industry agree a long-term plan for
    manufacturing capacity, covering both viral vectors and finished cell therapies. The plan
    should set out how much capacity is expected to be needed by {later_year}, where it should
    be located, and how public money will be used to attract private investment. It should be
    reviewed every two years, with progress reported publicly, so that investors can see that
    the commitment is sustained.""", "report"),
    T("""Our analysis of {n_trials} active trials shows a shift in who does the research. In
    {past_year}, most trials were sponsored by universities and hospitals; by {year} industry
    sponsors accounted for {pct_hi} of new applications. This is a sign of a maturing sector,
    but it also means that decisions about where trials are run, and which patients take part,
    are increasingly made by companies whose headquarters are outside the UK.""", "report"),
    T("""The figures in this section draw on data supplied by developers, contract
    manufacturers and the Cell and Gene Therapy Catapult's annual survey of the sector. They
    cover clean-room space, headcount and the number of batches produced for clinical and
    commercial use. Where companies declined to share commercially sensitive figures, we have
    used ranges rather than precise numbers. The overall picture is nevertheless clear: capacity
    has grown faster than in most comparable countries.""", "report"),
    T("""The Government recognise the potential of cell and gene therapies and are committed to
    making the UK a leading location for their development and manufacture. Through the Life
    Sciences Sector Deal and later investment, we have supported new manufacturing centres, a
    network of advanced therapy treatment centres and training for specialist staff. We will
    continue to work with the Cell and Gene Therapy Catapult and with industry so that patients
    benefit from the research carried out here.""", "gov", since=2018),
    T("""The Government recognise the great promise of regenerative medicine and cell and gene
    therapies. Research in this field is supported through the Medical Research Council, the
    {nihr} and Innovate UK, and the Cell and Gene Therapy Catapult helps companies to move
    promising products from the laboratory towards the market. We are working with industry and
    the research councils to consider what further support would help the UK to keep its
    leading position.""", "gov", until=2017),
    T("""The {nihr} funds a wide range of studies in this field, including early-phase trials
    through its clinical research facilities and biomedical research centres. In {last_year} it
    supported more than {n_trials} studies involving advanced therapy medicinal products.
    Decisions on individual studies are made through open competition and expert peer review.
    {Dept} does not hold information on the total value of private investment in these
    studies.""", "gov"),
    T("""Officials meet regularly with companies that are considering investment in UK
    manufacturing, and the Office for Life Sciences works with local partners to identify
    suitable sites. Decisions on individual investments are commercially confidential. The
    Government have also asked the Cell and Gene Therapy Catapult to report on future demand for
    manufacturing capacity, and we expect to publish its findings, together with our response,
    in due course.""", "gov"),
]

# ---------------------------------------------------------------------------------------------
# cost and access

COST = [
    T("""The price of these therapies is unlike anything the health service has paid before.
    {p.brand} has a list price of {p.price} for a single treatment, and other gene therapies now
    in development are expected to cost more. Manufacturers argue that a one-off treatment that
    works for a lifetime can replace decades of expensive care, and that the price reflects that
    value. Commissioners accept the argument in principle, but they must still find the money
    in a single year's budget."""),
    T("""The usual measure of value is the cost per quality-adjusted life year. NICE normally
    recommends treatments that cost no more than £20,000 to £30,000 per QALY, with a higher
    threshold for very rare conditions. Advanced therapies strain that framework: their costs
    fall at the start but their benefits are spread over decades, and the evidence at launch
    often comes from small, single-arm trials. The result is wide uncertainty about the true
    cost-effectiveness of many products."""),
    T("""Much of the real price is hidden. When {approved.brand} was made available, the company
    agreed a confidential commercial arrangement with NHS England, so the discount from the list
    price of {approved.price} has never been published. Confidential discounts allow companies
    to protect their international list prices while offering the health service a lower net
    cost. They also make it almost impossible for anyone outside the negotiating room to judge
    whether the deal represents value for money."""),
    T("""The Cancer Drugs Fund was reformed in 2016 to act as a managed access route rather
    than a simple funding pot. Treatments that look promising but lack mature evidence can be
    funded for a limited period while more data are collected, after which NICE reviews them
    again. CAR-T therapies such as {cart.brand} were among the first advanced therapies funded
    this way. For patients it meant access years earlier than would otherwise have been
    possible; for the NHS it meant paying while the uncertainty was resolved.""", since=2018),
    T("""One answer to uncertainty is to pay for results. Under an outcomes-based payment
    scheme, the health service pays part of the price up front and the rest in instalments,
    only while the treatment keeps working. Such schemes suit one-off gene therapies, whose
    benefit may last for years but cannot be proved at launch. They also bring practical
    problems: someone must collect outcome data for every patient, and NHS accounting rules were
    not designed for payments spread over five or ten years."""),
    T("""Even where a therapy is cost-effective, the budget impact can be large. Where a new
    treatment is expected to cost the NHS more than £20 million a year in any of its first three
    years, NHS England may negotiate with the company on how the cost is managed. For
    treatments for rare conditions the numbers of patients are small, but for a gene therapy
    for a more common condition such as {common_condition}, the total bill could run into
    hundreds of millions of pounds.""", since=2017),
    T("""Access is not only about whether a therapy is funded but whether patients can reach
    it. CAR-T is delivered in a limited number of specialist centres, and patients from {region}
    may face journeys of several hours and stays of weeks near the treating hospital. Families
    bear much of the cost of travel and accommodation. Charities report that some eligible
    patients have declined referral because the practical burden was too great, which
    undermines the fairness of a national funding decision.""", since=2019),
    T("""Patients in the UK have often waited longer than those in other European countries for
    advanced therapies. In Germany, new medicines are available as soon as they are licensed
    while prices are negotiated; in France and Italy, early access schemes allow use before a
    final decision. The UK's approach is slower but more disciplined about value. Campaigners
    argue that the delay costs lives; the health service replies that paying any price asked
    would take money from other patients."""),
    T("""Some families have tried to raise the money themselves. Appeals to fund treatment
    abroad have raised sums of {money_k} or more, usually for therapies that are not yet
    available on the NHS. Clinicians worry about such appeals: the treatment may not be
    suitable, follow-up care is hard to arrange at home, and the campaigns put pressure on
    families at the worst moment of their lives. Faster, fairer access in this country would
    remove the need for them."""),
    T("""The Innovative Medicines Fund, launched in 2022, extends the managed access model from
    cancer to all conditions. It is worth £340 million a year, ring-fenced alongside the Cancer
    Drugs Fund, and is meant to give early access to promising medicines, including gene
    therapies for rare conditions, while further evidence is gathered. Whether the fund is big
    enough is already disputed: a few advanced therapies at current prices could use up much
    of it.""", since=2022),
    T("""The case of {zolgensma.brand} shows how difficult these decisions are. The therapy,
    {zolgensma.inn}, is given as a single infusion to babies with spinal muscular atrophy and,
    at a list price of {zolgensma.price}, was described as the most expensive medicine in the
    world. After months of negotiation a managed access agreement was reached, with a
    confidential discount, allowing the NHS to treat eligible babies while more evidence is
    collected. Parents welcomed the decision, but many asked why it had taken so long.""",
      since=2021),
    T("""The arrival of {casgevy.brand}, known as exa-cel, raises the same questions for a much
    larger group of patients. It is the first licensed therapy based on CRISPR gene editing and
    could transform life for people with severe sickle cell disease, many of whom are from
    Black African and Caribbean backgrounds. At a list price of around {casgevy.price} per
    patient, the potential budget impact is considerable, and the capacity of the centres that
    collect and return cells will limit how many are treated each year.""", since=2024),
    T("""A gene therapy that works is paid for once, but its benefits arrive over a lifetime.
    Set against the cost of regular infusions, hospital admissions and lost working years, a
    price of {price_big} can look reasonable. Yet health budgets are set annually, and a cost
    that is recovered over twenty years does not help a commissioner who must balance this
    year's books. That mismatch between when money is spent and when savings arrive lies at the
    heart of the affordability debate."""),
    T("""Transparency about prices is a recurring demand. Patient groups, economists and some
    Members of Parliament have argued that the public should know what the NHS actually pays
    for advanced therapies, since it is public money. Companies and NHS England respond that
    confidentiality is what allows discounts to be offered at all, because prices disclosed in
    one country are used as a reference in others. Meanwhile most figures quoted in public are
    list prices that few health systems pay."""),
    T("""Even after a positive recommendation there can be delays. The NHS in England must fund
    a treatment recommended by NICE within ninety days, but putting services in place for an
    advanced therapy takes longer: centres must be accredited, staff trained and referral
    pathways agreed. For {approved.brand}, the first patients were treated {months} months after
    the final guidance. During that time eligible patients with {approved.condition} continued
    to wait.""", since=2019),
    T("""Advanced therapies are not the only high-cost treatments competing for the same money.
    Spending on medicines in the NHS in England has risen to more than {drug_spend} a year, with
    much of the growth in specialised services. Every pound committed to a new gene therapy is a
    pound that cannot be spent on nurses, on mental health services or on reducing waiting
    lists. That is why commissioners insist on evidence of value, and why companies are asked to
    share the risk when evidence is thin."""),
    T("""Several proposals would spread the cost of a one-off therapy over time. Under an
    annuity model, the health service would pay in instalments over five years, with payments
    stopping if the treatment failed. The approach is common in other industries, but in the
    NHS it runs up against accounting rules that treat the whole commitment as spending in the
    first year. Changing those rules, or creating a separate fund for long-term commitments,
    would need agreement between {dept} and the Treasury."""),
    T("""The list price is not the whole cost. Delivering a CAR-T treatment involves collecting
    the patient's cells, bridging therapy while the product is made, an inpatient stay of two to
    three weeks and, for some patients, intensive care to manage side effects such as cytokine
    release syndrome. One estimate put the total cost of a course of treatment, including the
    product, at about {cart_total}. Hospitals have argued that the tariffs paid for these
    services have not always covered their costs.""", since=2018),
    T("""Patients with rare diseases are often told that treatment for their condition is not
    cost-effective because there are too few of them to spread the cost of development. That
    feels unjust to families of children with {condition}. The Highly Specialised Technologies
    programme was created to recognise this, with a higher threshold for very rare conditions,
    but its criteria are strict, and some treatments for small populations fail to qualify,
    leaving them assessed against standards designed for common diseases."""),
    T("""Managed access depends on collecting better evidence while funding is in place. For
    {cart.brand}, data on every patient treated in England were collected through a national
    dataset, and the results were used when NICE looked at the treatment again. Outcomes in
    routine practice were broadly consistent with the trials, which helped make the case for
    permanent funding. The model shows that paying for access while evidence is gathered can
    work, provided the data collection is properly resourced.""", since=2021),
    T("""The costs of existing treatments are part of the comparison. Before gene therapy was
    available, children with spinal muscular atrophy could be treated with nusinersen, sold as
    Spinraza, given by injection into the spine every four months for life at a list price of
    about £75,000 a dose. Over a lifetime the cost of repeated treatment far exceeds that of a
    single infusion, which is one reason why companies argue that one-off gene therapies are
    good value despite their headline prices.""", since=2019),
    T("""Few people expected, a decade ago, that single treatments would be priced in the
    hundreds of thousands of pounds. Yet the first gene therapies licensed in Europe, such as
    {early.brand}, carried prices of that order, and analysts predicted that later products
    would cost more. The question for the health service is whether existing ways of assessing
    and paying for medicines can cope, or whether new approaches will be needed before the wave
    of advanced therapies now in trials reaches the market.""", until=2019),
    T("""Let me tell the House about my constituents, {family}. Their son has {condition}. For
    two years they have been told that a treatment exists, that it works, and that it is given
    to children in other countries, but that it is not available to him on the NHS because the
    price has not been agreed. Every month of delay matters for a child with a progressive
    condition. I ask the Minister: what is the timetable, and what is {min_pron} doing to break
    the deadlock?""", "speech"),
    T("""Nobody in this House wants to pay more than we must for any medicine. But when I hear
    that {approved.brand} costs {approved.price}, I also think about what it replaces: years of
    hospital admissions, of carers giving up work, of treatments that only slow the disease.
    The Minister must make sure that the way we measure value captures those costs, and does
    not simply set one year's budget against one year's benefit.""", "speech"),
    T("""The hon. Member for {colleague_seat} made a powerful point about confidentiality. I
    accept that companies need to protect their prices, but this House votes the money for the
    NHS, and we have no way of knowing whether the deals struck in our name are good ones. Could
    the Minister at least publish the total amount spent on advanced therapies each year, even
    if individual prices remain confidential? That would be a modest step, but an important
    one.""", "speech"),
    T("""My constituents in {town} face a round trip of more than {miles} miles to the nearest
    CAR-T centre. For a patient who must stay close to the hospital for four weeks after
    treatment, that means weeks away from home, and for the family, weeks of hotel bills and
    lost wages. I welcome the expansion of the service, but access to a treatment paid for by
    all of us should not depend on whether you can afford to live near a teaching
    hospital.""", "speech", since=2019),
    T("""I have to say that the Cancer Drugs Fund has been a success story for CAR-T. Without
    it, patients in my constituency with aggressive lymphoma would have had to wait years for a
    final decision. With it, they have been treated, and some are alive today who would not
    otherwise be. I hope that the Minister will resist any suggestion that managed access
    should be reined in simply because the bills are rising.""", "speech", since=2019),
    T("""Spending on advanced therapy medicinal products by NHS England rose to an estimated
    {atmp_spend} in {last_year}, measured at list prices. The increase reflects both new
    products and a growing number of patients treated with those already available. Because
    most products are supplied under confidential commercial arrangements, figures at list
    prices overstate actual spending, and we have been unable to obtain net figures from any of
    the bodies we approached.""", "report", since=2019),
    T("""We recommend that NHS England publishes, at least once a year, aggregate figures on
    spending on advanced therapies, the number of patients treated and their outcomes.
    Publishing totals would not reveal individual prices but would allow Parliament and the
    public to judge whether managed access arrangements are delivering value. We further
    recommend that the terms of outcomes-based agreements, other than prices, are published when
    each agreement is signed.""", "report"),
    T("""Respondents to our consultation were divided on outcomes-based payment. Manufacturers
    were generally in favour, arguing that it shares risk fairly. Commissioners and finance
    directors were more cautious, citing the administrative burden of tracking outcomes over
    several years and the lack of a clear accounting treatment. Patient organisations supported
    any model that speeded up access, but asked that patients should not be burdened with extra
    tests simply to trigger payments.""", "report"),
    T("""The financial outlook for the next five years is challenging. On current trends, at
    least {n_new} new advanced therapies could reach the point of an access decision by
    {later_year}, several with list prices above £1 million. If all were recommended and used at
    the expected volumes, annual spending could exceed {spend_future}. These estimates are
    highly uncertain, but they show why planning for affordability must begin well before each
    product arrives.""", "report"),
    T("""NHS England has agreed commercial arrangements with the manufacturers of several
    advanced therapies, allowing them to be made available to patients at a price that
    represents value for money for the taxpayer. The terms of these arrangements are
    commercially confidential, as is standard practice, and {dept} does not hold information on
    the net prices paid for individual products. The arrangements are reviewed as new evidence
    becomes available.""", "gov", since=2018),
    T("""The Government recognise the particular challenges of paying for one-off treatments
    whose benefits may last many years. {Dept} is working with NHS England, NICE and industry to
    explore new payment models, including outcomes-based agreements and payment over time,
    within the existing financial framework. Any new approach must ensure that patients can
    benefit from clinically and cost-effective treatments while protecting the sustainability
    of NHS finances."""
      , "gov"),
    T("""Patients in England already benefit from a range of cell and gene therapies through
    the Cancer Drugs Fund, managed access agreements and routine commissioning. Since 2018, more
    than {n_patients_cum} patients have been treated with CAR-T therapies in England alone. NHS
    England continues to work with companies to secure early access to promising treatments at
    prices that the NHS can afford, and to make sure that eligible patients can be referred to a
    treating centre.""", "gov", since=2020),
    T("""The voluntary scheme for branded medicines pricing and access, agreed between the
    Government and industry, limits the growth in NHS spending on branded medicines, with
    companies paying back a share of sales above the agreed level. Advanced therapies are
    covered by the scheme on the same terms as other branded medicines. {Dept} keeps the
    operation of the scheme under review with industry and will consider the position of
    innovative medicines in future agreements.""", "gov", since=2019),
]

# ---------------------------------------------------------------------------------------------
# regulation

REGULATION = [
    T("""Every advanced therapy must be granted a marketing authorisation before it can be
    sold. Until the end of the transition period, most were licensed through the European
    Medicines Agency, with its Committee for Advanced Therapies providing the specialist
    assessment. Since then the MHRA has been responsible for licensing in Great Britain, and it
    has introduced new routes, including reliance on decisions by trusted regulators elsewhere,
    so that patients here need not wait longer than others.""", since=2021),
    T("""Advanced therapy medicinal products are licensed through the centralised European
    procedure. The Committee for Advanced Therapies at the European Medicines Agency prepares a
    draft opinion, which the main committee then considers before the European Commission
    grants a marketing authorisation valid across the EU. The MHRA contributes experts to that
    process and regulates clinical trials, manufacturing licences and the hospital exemption in
    the UK, and its assessors are widely respected in this field.""", until=2020),
    T("""Once a therapy is licensed, NICE decides whether it should be offered routinely on the
    NHS in England. Most medicines go through a technology appraisal, which compares their
    clinical and cost-effectiveness with current care. Treatments for very rare conditions may
    instead be evaluated through the Highly Specialised Technologies programme, which takes
    account of the wider impact on patients and families. The choice of route can make the
    difference between a positive and a negative recommendation."""),
    T("""The Innovative Licensing and Access Pathway, launched in 2021, brings together the
    MHRA, NICE and the NHS to support promising medicines from early development. A product that
    receives an innovation passport gets a development plan, agreed with the agencies, which
    sets out the evidence needed for licensing and appraisal. Developers of cell and gene
    therapies were among the first to apply. The pathway's value depends on whether the
    agencies have the capacity to give each product the attention promised.""", since=2021),
    T("""The hospital exemption allows an advanced therapy to be prepared and used in a single
    hospital without a marketing authorisation, on a non-routine basis and under the
    responsibility of a doctor. It was designed for bespoke treatments that would never be
    commercial products. Some academic centres want it used more widely, for example to make
    CAR-T cells locally at lower cost. Manufacturers argue that this would weaken the incentive
    to seek a licence and the evidence standards that protect patients."""),
    T("""Regulators face a genuine dilemma with advanced therapies. Pivotal trials often involve
    a few dozen patients and no control group, because the diseases are rare and the
    alternatives are poor. Demanding large randomised trials would delay access for years and
    might never be feasible. Accepting small single-arm trials means licensing products whose
    long-term safety and benefit are uncertain. Conditional marketing authorisation, with
    obligations to collect further data, is the usual compromise."""),
    T("""Real-world evidence is increasingly used to fill the gaps left by small trials. Data on
    every patient treated with an advanced therapy in England are recorded in national datasets,
    allowing regulators and NICE to compare outcomes in routine practice with those seen in
    trials. The quality of these data varies, and linking records across hospitals is not
    straightforward, but both the MHRA and NICE have set out how such evidence can support their
    decisions.""", since=2022),
    T("""A managed access agreement sets out how a treatment will be funded while further
    evidence is collected. It specifies which patients are eligible, what data must be
    gathered, how long the arrangement will last and what happens at the end. For advanced
    therapies, such agreements have become an essential tool. They do, however, create a cliff
    edge: if the new evidence disappoints, NICE may not recommend the treatment, and patients
    and clinicians face the prospect of losing access.""", since=2017),
    T("""The time taken from application to licence for an advanced therapy has fallen in
    recent years. The MHRA now offers a 150-day national assessment for new medicines and
    faster routes for products that address unmet need. Speed alone does not guarantee access,
    however: the appraisal by NICE and the commissioning decisions that follow can add many
    months, and companies often wait for one decision before preparing for the next. Aligning
    the stages matters as much as shortening any one of them.""", since=2021),
    T("""Gene editing raises questions that go beyond the licensing of medicines. Editing the
    DNA of a person's blood or immune cells affects that person alone, but changes made to eggs,
    sperm or embryos would be inherited by future generations. Such germline changes are
    prohibited for treatment in the UK, and research on embryos is tightly regulated by the HFEA.
    Public dialogue has shown broad support for somatic gene therapy and much greater caution
    about the germline."""),
    T("""Gene therapies that use modified viruses are also regulated as genetically modified
    organisms. Before a trial can start, sponsors need consent for the contained use or release
    of the modified vector, in addition to approval from the medicines regulator and an ethics
    committee. Developers have long complained that these overlapping requirements add months
    to trial set-up without adding to safety. A review has been promised, and simpler
    arrangements for clinical use are expected."""),
    T("""The MHRA has introduced a framework for products made at the point of care, where
    manufacturing takes place in or near the hospital treating the patient. The framework lets
    a central control site hold the licence while many local units make the product to the same
    standard. It is among the first such regimes in the world and could make hospital-based
    manufacture of cell therapies practical. Its success will depend on clear guidance and on
    inspectors able to oversee manufacturing spread across many sites.""", since=2024),
    T("""Leaving the European Union changed the regulatory landscape for advanced therapies.
    Companies now need a separate licence for Great Britain, and some warned that smaller
    markets might be given lower priority. To reduce that risk, the MHRA introduced an
    international recognition procedure, allowing it to take account of approvals by regulators
    in the United States, the European Union and several other countries. Several gene therapies
    have since been licensed in Great Britain within weeks of decisions elsewhere.""",
      since=2024),
    T("""NICE's review of its methods, completed in 2022, considered whether its approach
    treated advanced therapies fairly. It introduced a severity modifier, giving greater weight
    to treatments for the most severe conditions, and clarified how uncertainty should be
    handled. It did not adopt a lower discount rate for long-term benefits, which many in the
    industry had sought because it would favour one-off therapies whose benefits extend over
    decades. That decision remains contested.""", since=2022),
    T("""Appraisal committees have repeatedly struggled with uncertainty about how long the
    effect of a gene therapy lasts. A therapy tested for three years may be modelled as working
    for ten, twenty or a lifetime, and the choice transforms the estimated cost-effectiveness.
    Committees have generally taken a cautious view, accepting long-term benefit only where the
    biology and early data strongly support it. Manufacturers argue that this caution
    systematically undervalues curative treatments.""", since=2018),
    T("""The regulator's capacity has become a concern in its own right. Reports of backlogs in
    clinical trial applications and licensing decisions led to a recovery plan, with additional
    assessors recruited and processes redesigned. The backlog has since been cleared, and
    approval times for trials are now among the fastest in Europe. Keeping them there will
    require the MHRA to retain experienced assessors in a highly competitive market for
    regulatory scientists.""", since=2023),
    T("""Advanced therapies are regulated under a specific European regulation that came into
    force in 2008. It created a single category of advanced therapy medicinal product, covering
    gene therapies, somatic cell therapies and tissue-engineered products, and set up a
    dedicated committee to assess them. Few products have been licensed under the regulation,
    and several have been withdrawn for commercial reasons, which suggests that the difficulties
    lie as much in reimbursement as in regulation.""", until=2019),
    T("""Early dialogue between developers and the bodies that assess them is widely seen as
    valuable. Joint scientific advice from the MHRA and NICE allows a company to check, before
    starting a pivotal trial, that the evidence it plans to collect will satisfy both the
    regulator and the appraisal committee. Horizon scanning helps commissioners prepare for
    products several years before they arrive. Used together, these tools can shorten the time
    between licence and treatment considerably."""),
    T("""The rules governing clinical trials are being updated. New clinical trial regulations,
    the first major revision for two decades, are meant to make approvals quicker and more
    proportionate to risk while keeping protections for participants. For advanced therapy
    trials, which often involve novel products and very small numbers of patients,
    proportionality matters a great deal. Sponsors have welcomed the changes but want assurance
    that the MHRA will have the resources to implement them.""", since=2023),
    T("""NICE has now published guidance on {n_guidance} advanced therapies, most of them
    recommended either for routine use or for use within managed access. The minority that were
    not recommended mostly failed on cost-effectiveness rather than clinical grounds. In
    several cases a negative draft decision was followed by a revised commercial offer and a
    positive final recommendation, which suggests that the appraisal process works partly as a
    negotiation over price.""", since=2020),
    T("""A marketing authorisation for an advanced therapy often comes with conditions. The
    company may have to run a further efficacy study after licensing, maintain a registry of
    treated patients, or limit use to centres that meet specified standards. These conditions
    protect patients but also shape how the NHS delivers the treatment. For {cart.brand}, for
    example, treating centres must be qualified by the manufacturer and have rapid access to
    intensive care and to medicines for severe side effects.""", since=2018),
    T("""The regulatory framework for advanced therapies was designed when few such products
    existed. Developers say that it remains complex, with separate requirements for clinical
    trials, manufacturing licences, genetically modified organisms and human tissue. The Human
    Tissue Authority licenses the collection of cells from donors and patients, while the MHRA
    oversees the manufacture of the final product. Simplifying these arrangements, and making
    sure the agencies work together, would help small companies in particular."""),
    T("""Decisions by NICE on advanced therapies have taken longer than those for most other
    medicines. Committees have asked for further analyses, companies have revised their models
    and commercial offers, and consultation has run to several rounds. Each stage is defensible
    on its own terms, but together they can add a year or more to the time between licensing
    and a final recommendation, a delay that matters most to patients with rapidly progressing
    disease.""", since=2018),
    T("""I want to press the Minister on the regulator. Since we left the European Union, the
    MHRA has had to do a great deal more, and I have heard from companies in my constituency
    that advice meetings are harder to book and that decisions take longer than they used to.
    If we want to be a science superpower, the regulator must be properly resourced. Will
    {min_pron} set out how many additional assessors have been recruited to deal with advanced
    therapies?""", "speech", since=2021),
    T("""The hon. Member for {colleague_seat} mentioned NICE. I have great respect for NICE, but
    its methods were designed for medicines that are taken every day for years, not for a single
    infusion that may cure a disease. When a committee must guess whether a treatment works for
    ten years or forty, it is bound to be cautious. I ask the Minister to look again at how
    appraisal treats long-term benefit, because at present families are paying the price for
    that caution.""", "speech"),
    T("""The hospital exemption is a subject on which I have had a great deal of
    correspondence. Clinicians at the {city} centre believe they could make a CAR-T treatment
    for around a tenth of the commercial price, under the exemption and with proper oversight.
    I am not a scientist, and I understand the concerns about standards, but if it is safe and it
    works, why should patients be denied it simply because it has not come from a company
    holding a licence?""", "speech", since=2019),
    T("""I welcome the innovative licensing pathway, which the Minister's Department has
    championed. But a passport is only useful if it gets you somewhere. Several companies have
    told me that, having received one, they found the later stages no quicker than before. Can
    the Minister tell us how many products that entered the pathway have since been licensed
    and recommended by NICE, and how long it took them to get there?""", "speech", since=2022),
    T("""As other Members have said, the regulatory system must protect patients above all.
    These are powerful treatments with serious side effects, and some early results that looked
    miraculous have not been sustained. I would caution against any rush to approve products on
    thin evidence simply because they are new. The regulator's independence and rigour are
    assets, and we should be careful not to trade them for headlines or for short-term
    commercial advantage.""", "speech"),
    T("""We recommend that the MHRA, NICE and NHS England publish a joint timetable for each
    advanced therapy that enters the innovative licensing pathway, setting out expected dates
    for licensing, appraisal and commissioning. Where a date is missed, the reason should be
    published. A shared timetable would make clear where delays arise and would help companies,
    clinicians and patients to plan for each new treatment.""", "report", since=2021),
    T("""Evidence submitted to this review suggests that the regulatory framework itself is not
    the main barrier to access. Companies rated the MHRA's scientific advice highly and reported
    that licensing decisions were broadly predictable. The difficulties they described lay
    mainly in the later stages: appraisal methods that struggle with uncertainty, and
    commissioning processes that vary between regions. Reform should therefore focus on those
    stages, and on the links between them.""", "report"),
    T("""The appraisal record summarised in this chapter shows a clear pattern. Advanced
    therapies for blood cancers have usually been recommended for use within the Cancer Drugs
    Fund, while gene therapies for rare conditions have mostly been evaluated through the Highly
    Specialised Technologies programme. Appraisals have taken longer on average than those for
    other medicines, largely because of extra rounds of consultation while companies revised
    their commercial offers.""", "report", since=2020),
    T("""Regulatory science is a discipline in its own right, and the UK needs more of it. We
    recommend sustained funding for research into new methods of assessing advanced therapies,
    including the use of real-world data, surrogate endpoints and long-term follow-up. This work
    should be done jointly by the regulator, NICE, universities and industry, and its results
    should be published so that other countries can learn from them.""", "report"),
    T("""The MHRA is committed to enabling timely access to safe and effective medicines,
    including advanced therapies. It offers scientific advice to developers at every stage and
    works closely with NICE and the NHS through the Innovative Licensing and Access Pathway.
    Decisions on individual products are for the MHRA as the independent regulator, and it
    keeps its processes under review to make sure they remain proportionate to the risks
    involved.""", "gov", since=2021),
    T("""The MHRA works closely with the European Medicines Agency, whose Committee for Advanced
    Therapies assesses applications for marketing authorisation for these products, and UK
    experts play a leading part in that work. In the UK, the MHRA regulates clinical trials,
    manufacturing and the hospital exemption, and offers scientific advice to developers,
    including through its Innovation Office, from the earliest stages of development.""",
      "gov", until=2020),
    T("""NICE is the independent body responsible for deciding whether new medicines are a
    clinically and cost-effective use of NHS resources. Its methods and processes are
    internationally respected, and it aims to publish guidance on new medicines as close as
    possible to the date of licensing. NICE is currently appraising several advanced therapies
    and will publish final guidance in due course. It would not be appropriate to comment on
    appraisals that are still under way.""", "gov"),
    T("""The Government have no plans to change the hospital exemption. It provides an important
    route for bespoke treatments that are prepared and used on a non-routine basis within a
    single hospital, under the responsibility of a medical practitioner. Products supplied on a
    routine basis should continue to hold a marketing authorisation, so that patients can be
    assured of their quality, safety and efficacy, and the MHRA keeps this position under
    review.""", "gov"),
    T("""Legislation creating a framework for medicines manufactured at the point of care has
    been laid before Parliament. The framework will allow advanced therapies and other products
    that must be made close to the patient to be regulated in a way that reflects how they are
    made. The MHRA will publish guidance for manufacturers and will work with NHS organisations
    that wish to make such products, so that patients can benefit safely from this new
    approach.""", "gov", since=2024),
]

# ---------------------------------------------------------------------------------------------
# NHS workforce

WORKFORCE = [
    T("""The workforce needed to deliver advanced therapies is small but highly specialised.
    Each CAR-T centre depends on haematologists, specialist nurses, apheresis staff, pharmacists,
    laboratory scientists and intensive care teams who understand the particular side effects of
    the treatment. Losing a handful of experienced people can force a centre to reduce the
    number of patients it treats. Several centres have reported vacancies in key roles for more
    than {months} months, and recruitment from abroad has become harder.""", since=2018),
    T("""Pharmacists play a central role that is often overlooked. Advanced therapies arrive
    frozen, in a chain of custody that must be documented at every step, and must be stored,
    thawed and released under strict conditions. Hospital pharmacy departments have had to
    develop new procedures and train staff to handle them. Professional bodies have warned that
    the number of pharmacists with the necessary experience is too small for the expected growth
    in products, and that training posts are not keeping up."""),
    T("""Specialist nurses are the constant presence in a patient's treatment. They coordinate
    cell collection, explain the process to families, monitor patients for cytokine release
    syndrome and neurotoxicity, and provide follow-up for months afterwards. The nursing
    workforce in haematology and transplant units is under particular strain, with vacancy
    rates of {pct_small} or more in some units. Nurses who gain experience in cell therapy are
    in demand from industry, and retention has become a serious problem for many trusts."""),
    T("""Apprenticeships offer a practical route into the field. Trainees can now join
    laboratories and pharmacy aseptic units as apprentices, earning while they study for
    qualifications as technicians or, over a longer period, as healthcare scientists. Employers
    in {region} have used such schemes to recruit people who would not have gone to university.
    The numbers remain small, however, and NHS trusts say that releasing experienced staff to
    supervise apprentices is hard when departments are already short-staffed."""),
    T("""Clinical scientists are essential to the safe delivery of advanced therapies. They
    oversee the laboratories that process cells, validate equipment, run the tests that confirm
    a product meets its specification and advise clinicians on genetic results. Training a
    clinical scientist through the national scientist training programme takes three years
    after a first degree, and the number of training places has not kept pace with demand.
    Several trusts cannot fill posts without recruiting from industry, which pays more."""),
    T("""Workforce planning for advanced therapies has been piecemeal. National plans for the
    NHS workforce deal with large professions such as nursing and medicine but say little about
    the small specialist groups on which these services depend. Without a clear forecast of how
    many patients will need treatment, and where, it is difficult for educators to know how many
    people to train. A joint plan covering the NHS, universities and industry would help, since
    all three compete for the same pool of skilled people."""),
    T("""The specialist centres that deliver these treatments are working close to capacity.
    Most were designated because they already ran stem cell transplant services, and CAR-T has
    been added to the work of the same teams, using the same beds and the same intensive care
    support. As the number of licensed indications grows, those teams are asked to treat more
    patients without a matching increase in staff. Some centres have started to ration referral
    slots, and waits for patients have lengthened.""", since=2019),
    T("""Training in advanced therapies is not yet a routine part of professional education.
    Most doctors, nurses and pharmacists qualifying today will have learned little about how
    these treatments work or how they are delivered. Short courses run by specialist centres and
    by the advanced therapy treatment centre network have helped fill the gap, but they reach
    only those already working in the field. Building basic knowledge into undergraduate and
    postgraduate curricula would prepare the wider workforce for what is coming.""", since=2019),
    T("""Retention is as important as recruitment. Staff with experience in cell and gene
    therapy are sought after by companies, contract manufacturers and research institutes, which
    can often offer better pay and more predictable hours than the NHS. Exit interviews at one
    large trust found that {pct} of those leaving specialist laboratory roles went to industry.
    Flexible working, clear career progression and protected time for training are among the
    measures that staff say would encourage them to stay."""),
    T("""Apheresis services, which collect the white blood cells from which CAR-T products are
    made, have become a pinch point. Collection needs specialist nurses, dedicated machines and
    careful scheduling with the manufacturer's production slots. In {last_year}, some centres
    reported waits of {weeks} weeks for an apheresis appointment. Because patients with
    aggressive disease may deteriorate quickly, any delay at this stage can mean that they are
    no longer well enough to receive the treatment when a slot becomes free.""", since=2019),
    T("""Intensive care capacity is part of the workforce question. Some patients treated with
    CAR-T need critical care for severe side effects, and centres must show that an intensive
    care bed, and staff trained to manage these complications, will be available. Critical care
    units have been under severe pressure across the NHS, with shortages of specialist nurses in
    particular. When beds are full, admissions for CAR-T may have to be postponed, even for
    patients whose cells have already been manufactured.""", since=2019),
    T("""The NHS has long relied on staff trained overseas, and advanced therapy services are no
    exception. Many of the scientists and specialist nurses in cell therapy units were recruited
    from the European Union or further afield. Changes to immigration rules since the
    referendum have made some recruitment more difficult, while new visa routes for health and
    care workers have eased it for other groups. Employers want greater clarity so that they can
    plan recruitment several years ahead.""", since=2017),
    T("""Staffing shortages are worst outside the largest cities. Centres in {region} report
    that they struggle to attract consultants and scientists, who prefer to work in established
    units in London, Manchester or Birmingham. Patients in those areas already travel further for
    treatment. If new centres are to be opened closer to them, as commissioners intend, the
    workforce must be built at the same time, through training posts, regional networks and
    incentives to work outside the major centres."""),
    T("""The NHS Long Term Workforce Plan, published in 2023, set out an ambition to expand
    training across the professions, with more places for doctors, nurses and healthcare
    scientists over fifteen years. It gave less attention to specialist services such as cell
    and gene therapy, which depend on small numbers of people with particular skills. Staff in
    these services have asked for the plan to be updated with specific commitments, including
    the number of clinical scientists and specialist pharmacists to be trained each year.""",
      since=2023),
    T("""Staff in specialist services describe high levels of stress and burnout. Cell therapy
    teams often work long hours to meet manufacturing deadlines, and patients' conditions can
    change rapidly, requiring urgent decisions at night and at weekends. In a recent staff
    survey, {pct} of respondents in haematology units said they felt unable to meet all the
    demands of their job. Protecting the wellbeing of these small teams matters, because the
    loss of even one experienced person can affect the whole service."""),
    T("""New roles are emerging to support advanced therapy services. Cell therapy
    coordinators manage the schedule between the hospital and the manufacturer; advanced
    clinical practitioners take on tasks once done only by doctors; and quality managers oversee
    compliance with accreditation standards. These roles can relieve pressure on senior
    clinicians, but they are not yet recognised in national pay structures or training
    programmes, and their funding often depends on short-term arrangements.""", since=2019),
    T("""Trusts facing shortages have turned to temporary staff. Spending on agency staff
    across the NHS in England was about {agency_spend} in {last_year}, and specialist services
    are not immune. Agency staff can fill a rota but rarely bring the specific training needed
    to care for patients after cell therapy. Centres try to rely on their own bank of trained
    staff instead, but this depends on the goodwill of employees who already work long
    hours."""),
    T("""NHS vacancy figures give a sense of the scale of the problem. In {last_year} there were
    about {nurse_vac} nursing vacancies in England and several thousand posts unfilled among
    scientific, therapeutic and technical staff. Vacancies in specialist areas such as
    haematology, pharmacy and laboratory science are proportionally higher than the average.
    Each vacancy represents work that is either left undone or shared among colleagues who are
    already stretched."""),
    T("""The funding of training posts is a recurring concern. Health Education England
    commissions training for the main professions, but specialist training for advanced
    therapies often depends on charities, industry sponsorship or the goodwill of individual
    trusts. Trainees in some areas cannot complete placements because there are too few centres
    and supervisors. A stable, national funding stream for specialist training would allow
    services to plan ahead with confidence.""", until=2022),
    T("""The funding of training posts is a recurring concern. Since Health Education England
    became part of NHS England, training for the main professions has been commissioned
    nationally, but specialist training for advanced therapies still often depends on charities,
    industry sponsorship or the goodwill of individual trusts. Trainees in some areas cannot
    complete placements because there are too few centres and supervisors, and a stable funding
    stream would allow services to plan ahead.""", since=2023),
    T("""Care does not end when the patient leaves the specialist centre. People treated with
    advanced therapies need long-term follow-up, often for fifteen years, and much of that will
    fall to local hospitals and general practice. Staff there need to know what to look for and
    when to refer back. Shared care arrangements, supported by training and clear protocols,
    would let patients be followed up nearer home and free capacity in the specialist centres for
    new patients."""),
    T("""Technology can relieve some of the pressure on staff, but not all of it. Automated cell
    processing, electronic tracking of products and digital tools for monitoring patients at
    home can reduce the time staff spend on routine tasks. Yet each new system needs people
    trained to run and maintain it, and the benefits are realised only if the workforce is
    involved in its design. Investment in equipment without investment in people has too often
    produced machines that sit unused."""),
    T("""Genetic diagnosis is the first step towards many gene therapies. Before a child can be
    considered for treatment, the precise mutation must be identified, which depends on genomic
    laboratories and the clinical scientists and genetic counsellors who work in them.
    Turnaround times for some tests have lengthened as demand has grown faster than staffing.
    For conditions where treatment must be given early, such as spinal muscular atrophy, a delay
    in diagnosis can mean the window for treatment is missed."""),
    T("""Bone marrow transplant units were the foundation on which cell therapy services were
    built, and their staff have carried the extra work. Nurses, consultants and laboratory
    teams trained in transplantation have adapted their skills to new products, often learning
    on the job. As more patients are referred, the same small teams are being stretched across
    both services. Units in {region} say that without more staff they will have to choose
    between transplant patients and those referred for CAR-T.""", since=2018),
    T("""I want to pay tribute to the staff at {hospital}, who have treated patients from my
    constituency with CAR-T therapy. I visited the unit recently. The nurses there are
    extraordinary, but they told me frankly that they are exhausted. Two senior colleagues had
    left in the previous year, one for a job in industry and one because she could not afford to
    live near the hospital. Their posts have not been filled. What is being done to keep people
    like them in the NHS?""", "speech", since=2019),
    T("""We can have the best treatments in the world, but they are useless without the people
    to deliver them. The Minister will know that the vacancy rate among healthcare scientists in
    my region is well above the national average. Will {min_pron} commit to a specific workforce
    plan for advanced therapies, with numbers, so that we know how many pharmacists, scientists
    and specialist nurses we will need by {later_year}, and how we intend to train them?""",
      "speech"),
    T("""The hon. Member for {colleague_seat} spoke about apprenticeships, and I agree with every
    word. In my constituency, the college and the hospital trust have set up a laboratory
    apprenticeship that is now in its {ordinal} year. It has given young people who might never
    have considered a career in science a route into skilled, secure work in the NHS. I urge the
    Minister to look at how such schemes can be expanded, and properly funded, across the
    country.""", "speech"),
    T("""A member of my family works as a nurse in the NHS, so I hear at first hand that morale
    is low. Staff feel that the new treatments we are debating today are being added to their
    workload without any thought for who will deliver them. If the Government want these
    services to succeed, they must talk to the staff who run them, listen to what they say about
    staffing and training, and then act on it.""", "speech"),
    T("""The Minister will say that there are more nurses in the NHS than ever before, and that
    is true. But the number that matters for patients waiting for cell therapy is the number of
    nurses with the specialist training to care for them, and that number is not known. I have
    tabled questions about it and been told that the information is not held centrally. How can
    we plan for a workforce that we do not even count?""", "speech"),
    T("""Our survey of {n_centres_survey} treating centres found that all but {small} reported at
    least one unfilled post in a role critical to advanced therapy delivery. The most commonly
    reported shortages were in specialist nursing, pharmacy and laboratory science. Centres
    estimated that, on average, vacancies reduced their capacity to treat patients by around
    {pct_small} compared with their funded establishment. The findings are consistent with
    national vacancy data for the professions concerned.""", "report", since=2019),
    T("""We recommend that NHS England, working with universities and industry, develops a
    workforce plan specific to advanced therapy services, with annual targets for training
    places in specialist nursing, pharmacy and clinical science. The plan should include
    measures to improve retention, such as protected training time and clear career progression,
    and should be reviewed alongside forecasts of the number of patients expected to need
    treatment.""", "report"),
    T("""Staff who took part in our focus groups were proud of the services they have built, but
    many described working beyond their contracted hours to keep them running. They wanted more
    recognition of the specialist skills they had developed, often through informal training on
    the job. Several said that they had considered leaving for industry, where their skills
    command higher salaries. Their accounts suggest that the service is more fragile than
    activity figures alone would indicate.""", "report"),
    T("""Vacancy rates were not evenly spread. Centres in {region} reported the highest rates,
    while those attached to large teaching hospitals in London reported the lowest, though even
    there some specialist posts had been vacant for over a year. Smaller centres felt the loss of
    a single post most acutely, because they had no colleagues with the same training to cover
    absences, and in {small} cases a service had been paused for a period as a result.""",
      "report"),
    T("""The NHS Long Term Workforce Plan sets out how the NHS will recruit, train and retain
    the staff it needs over the next fifteen years, including a substantial expansion in
    training places for healthcare scientists, pharmacists and nurses. NHS England works with
    specialist centres to make sure they have the staff needed to deliver new treatments,
    including advanced therapies, and monitors the capacity of each service as new products are
    introduced.""", "gov", since=2023, until=2024),
    T("""The Government inherited a workforce under severe strain, and we are determined to give
    NHS staff the support they need. We will publish a refreshed workforce plan that reflects
    the changing needs of patients, including specialist services such as cell and gene therapy.
    NHS England works with treating centres to make sure they have the staff needed to deliver
    new treatments safely, and we are working to reduce reliance on agency staff.""", "gov",
      since=2025),
    T("""There are record numbers of staff working in the NHS, with more doctors and nurses than
    at any time in its history. Health Education England is working with employers to expand
    training in specialist areas, including through apprenticeships and the scientist training
    programme. Decisions on local staffing are a matter for individual NHS trusts, which are
    best placed to understand the needs of their own services and patients.""", "gov",
      until=2022),
    T("""Information on the number of staff working specifically in advanced therapy services is
    not collected centrally. NHS England publishes monthly workforce statistics by staff group
    and organisation, and quarterly data on vacancies. The latest figures show a vacancy rate of
    {vac_nat} across NHS trusts in England. Trusts are responsible for planning their own
    staffing, supported by regional workforce teams.""", "gov", since=2018),
    T("""The advanced therapy treatment centre network, funded through the Industrial Strategy
    Challenge Fund, has developed training materials and courses for NHS staff involved in
    delivering cell and gene therapies. NHS England is working with the network and with
    professional bodies to embed this training more widely, so that centres across the country
    have the skills they need as more therapies become available.""", "gov", since=2019),
]

# ---------------------------------------------------------------------------------------------
# other NHS subjects

OTHER_NHS = [
    T("""Accident and emergency departments have been under intense pressure. The standard that
    95 per cent of patients should be admitted, transferred or discharged within four hours has
    not been met nationally for years, and in {last_year} only about {ae_pct} were dealt with
    in that time. Long waits in A&E are a symptom of problems throughout the hospital: when beds
    are full, patients who need admission wait on trolleys and ambulances queue outside.""",
      since=2017),
    T("""Performance against the four-hour standard in accident and emergency has slipped to
    about {ae_pct}, the lowest level for a decade. Hospitals report record numbers of
    attendances, and more of those arriving are elderly people with complex conditions who need
    admission. When beds are full, patients wait in the department for hours, and the pressure
    spreads to ambulance crews who cannot hand over the people they have brought in.""",
      until=2016),
    T("""Getting an appointment with a GP has become harder in many areas. Patients describe
    ringing at eight in the morning only to find every slot gone, and surveys show that fewer
    people now describe their experience of making an appointment as good. The number of fully
    qualified GPs has not kept pace with the growth in population and in the complexity of
    patients' needs. Practices have recruited other professionals to share the load, but demand
    keeps rising."""),
    T("""Social care is the other half of the story. Every day thousands of patients who are
    well enough to leave hospital remain there because the care they need at home or in a care
    home is not available. Care providers struggle to recruit and keep staff on pay close to the
    minimum wage, and many local authorities have cut the support they fund. Successive
    governments have promised long-term reform of social care funding, but the basic questions
    remain unresolved."""),
    T("""NHS dentistry is in crisis in many parts of the country. In {town} and across much of
    {region}, people report that no practice within reach is accepting new NHS adult patients.
    Some go without care until a problem becomes an emergency; others pay privately, if they can
    afford it. Dentists say the NHS contract pays them too little for complex work and rewards
    the number of treatments rather than prevention, and many have reduced their NHS work as a
    result."""),
    T("""Ambulance response times have lengthened. The target for category 2 calls, which
    include suspected heart attacks and strokes, is an average of eighteen minutes, yet in
    {last_year} the average across England was about {cat_mins} minutes, and much longer in rural
    areas. Crews spend hours waiting outside hospitals to hand over patients, time in which they
    cannot answer new calls. Behind every delayed response is a patient, often elderly, waiting
    on the floor for help.""", since=2018),
    T("""The waiting list for planned hospital treatment in England stands at about {rtt}.
    Patients are waiting longer for hip and knee replacements, cataract operations and
    diagnostic tests, and the standard that 92 per cent should start treatment within eighteen
    weeks has not been met for years. Behind the headline figures are people living in pain,
    unable to work, whose conditions may worsen while they wait for a date.""", since=2018),
    T("""Mental health services are another area of concern. Children and young people referred
    to specialist services can wait months for a first appointment, and adults in crisis too
    often end up in A&E because there is nowhere else to go. Funding for mental health has
    increased, and the aim of parity of esteem with physical health is widely supported, but the
    number of trained staff has not grown fast enough to meet rising demand."""),
    T("""Every winter brings the same warnings. Flu, norovirus and cold weather increase demand
    just as staff sickness rises, and hospitals run at bed occupancy levels well above the 85
    per cent considered safe. Plans are drawn up each autumn, extra money is announced and beds
    are opened, but the underlying shortage of capacity in hospitals, community services and
    social care is never fully solved, so each winter begins from a more difficult position than
    the last."""),
    T("""Delayed discharges show how one part of the system affects another. On a typical day in
    {last_year} around {delayed} patients in English hospitals were medically fit to leave but
    could not be discharged. Each occupies a bed needed by someone waiting in A&E or for planned
    surgery. Many are older people waiting for a care package or a place in a care home, and
    the longer they stay in hospital, the more likely they are to lose strength and
    independence."""),
    T("""The condition of NHS buildings is a growing problem. The maintenance backlog across
    trusts in England has risen to more than {backlog}, and some hospitals have had to close
    wards because of failing roofs, crumbling concrete or broken equipment. Capital budgets have
    repeatedly been raided to support day-to-day spending. Modern care cannot be delivered in
    buildings that leak, and investment in estates is as necessary as investment in new
    treatments."""),
    T("""Community pharmacies are closing in significant numbers, particularly in deprived areas.
    Pharmacy owners say that funding for their NHS services has fallen in real terms while costs
    have risen, and that the new services they are asked to provide are not always properly paid
    for. Each closure removes a source of advice and medicines from a community, and puts more
    pressure on GP surgeries and urgent care services nearby.""", since=2017),
    T("""Maternity services have been the subject of repeated reviews. Inquiries into failings
    at several trusts have found problems with staffing, culture and the way concerns were
    handled, with tragic consequences for families. Recommendations have been made and accepted,
    yet many units still report shortages of midwives and obstetricians. Families are entitled
    to expect safe care wherever they give birth, and rebuilding their trust will take
    time."""),
    T("""Cancer waiting times are a particular worry. The target that 85 per cent of patients
    should start treatment within 62 days of an urgent referral has been missed for several
    years. Early diagnosis is among the most important factors in survival, and delays in
    diagnostic tests, such as scans and endoscopies, mean that some cancers are found later than
    they should be. New diagnostic centres have been opened to address this, but staffing them
    has proved difficult.""", since=2017),
    T("""Rural communities face particular difficulties. In much of {region}, the nearest A&E
    department is an hour or more away, bus services are limited and GP practices cover wide
    areas. Recruitment to rural practices and small hospitals is hard, and models of care that
    work well in cities do not always transfer. People in these areas are no less entitled to
    timely care, and plans for the NHS must take account of the distances they travel."""),
    T("""Prevention has long been promised and rarely delivered. Public health budgets held by
    local authorities have fallen in real terms, even as obesity, smoking-related illness and
    alcohol harm continue to drive demand for hospital care. Every major plan for the NHS has
    said that the service must shift from treating illness to preventing it, but when money is
    tight, prevention is the first thing to be squeezed, and the cost returns later in hospital
    admissions."""),
    T("""NHS trusts are under severe financial pressure. Many ended {last_year} in deficit, and
    the service as a whole has had to find savings while coping with rising demand and the cost
    of pay awards. Finance directors warn that there is little left to cut without affecting
    patient care. The choices they face, between staffing, maintenance and new services, are
    made harder by budgets that are confirmed late and change during the year."""),
    T("""The pandemic transformed the work of the NHS. Planned operations were postponed on a
    huge scale as hospitals made room for patients with covid-19, and many people stayed away
    from services altogether. The consequences are still being felt in longer waiting lists and
    later diagnoses. Staff who worked through the worst of the pandemic describe an exhaustion
    that has not gone away, and some have left the service as a result.""", since=2021),
    T("""The pandemic has placed the health service under pressure without precedent in its
    history. Hospitals have reorganised wards and theatres to care for patients with covid-19,
    and much planned treatment has been postponed. Staff have worked extraordinary hours, often
    at personal risk. As the first wave passed, attention turned to the growing backlog of
    operations and to patients who had not sought help for other serious conditions.""",
      since=2020, until=2020),
    T("""Patients being treated in corridors have become a familiar sight in many hospitals.
    Trolleys lined along walls, oxygen supplied from portable cylinders and care given with no
    privacy: conditions that would once have been a national scandal are now reported every
    winter. Nursing leaders have warned that care in corridors is unsafe and undignified, and
    that it must not be accepted as a normal part of the way hospitals work.""", since=2022),
    T("""Industrial action has added to the pressure. Junior doctors, nurses, ambulance crews
    and consultants have all taken part in strikes over pay and conditions, and hundreds of
    thousands of appointments and operations have been rescheduled. Each side blames the other
    for the disruption. Whatever view one takes of the dispute, the effect on patients waiting
    for care has been considerable, and so has the damage to morale across the service.""",
      since=2023),
    T("""The dispute over the junior doctors' contract has dominated the year. Doctors in
    training have taken industrial action for the first time in four decades, and thousands of
    planned operations and appointments have been postponed. Both sides say they want a safe,
    seven-day service, but trust between them has broken down. However the dispute ends, the
    damage to the morale of the next generation of doctors will take time to repair.""",
      since=2016, until=2016),
    T("""The way local health services are organised has changed again. Integrated care boards
    now plan and pay for services across areas that bring together hospitals, GP practices,
    community services and local councils. The aim is to join up care around the needs of
    patients, particularly older people with several long-term conditions. It is too soon to
    say whether the new structures will deliver better care, but many staff are weary of
    repeated reorganisation.""", since=2022),
    T("""NHS 111 was meant to steer patients to the right service first time. For many callers
    it does, but some report long waits for a call back from a clinician, and a cautious
    approach to risk means that many are directed to A&E or an ambulance anyway. Urgent
    treatment centres, walk-in services and same-day GP appointments form a confusing landscape
    for patients, who understandably go where they know they will be seen."""),
    T("""Hospices provide care at the end of life to many thousands of people each year, yet
    most receive only a minority of their funding from the NHS and rely on charity shops,
    legacies and fundraising for the rest. Rising costs have forced some to cut beds and
    services. People approaching the end of their lives, and their families, deserve consistent
    support wherever they live, and that requires a sustainable funding settlement for the
    sector."""),
    T("""I hope the House will forgive me if I also raise a more immediate concern from my
    constituency. Last winter an elderly constituent of mine waited {hours} hours for an
    ambulance after a fall, lying on her kitchen floor. When she reached the hospital, she spent
    a further night on a trolley in a corridor. The staff did their best, but the system failed
    her. New treatments matter, but so does the basic care that people expect from the NHS every
    day.""", "speech"),
    T("""I must mention dentistry, because it is the issue that fills my postbag more than any
    other. In {town} there is not a single practice taking on new NHS adult patients. I have
    constituents who have pulled out their own teeth. That is not an exaggeration; it is what
    they tell me. I urge the Minister to speak to {min_poss} colleagues about reform of the
    dental contract as a matter of urgency, because my constituents cannot wait much
    longer.""", "speech"),
    T("""The Minister will not be surprised to hear me raise GP access again. My constituents
    cannot get appointments, and when they do, they often wait weeks. The surgery in {town} has
    lost three partners in two years and has been unable to replace them. I welcome the extra
    funding for other roles in general practice, but patients want to see a doctor, and until
    we train and keep more GPs, the problem will not go away.""", "speech"),
    T("""Before I finish, I want to say a word about social care, because it is connected to
    everything else we have discussed. The hospital that serves my constituency has more than
    {n_beds} patients at any one time who are ready to go home but cannot, because no care
    package is available. That is bad for them, bad for the patients waiting for beds and bad
    for the taxpayer. We need a long-term settlement for social care, and we need it soon.""",
      "speech"),
    T("""The wider pressures on the NHS form the background to this report. Performance against
    the main waiting time standards has deteriorated, staff vacancies remain high and financial
    pressure has constrained investment. Any expansion of specialist services must be delivered
    in this context. We have therefore considered not only the needs of patients eligible for
    advanced therapies but also the effect that expanding these services may have on the rest of
    the hospitals that host them.""", "report"),
    T("""Services for patients with complex needs depend on functioning general services. A
    patient recovering from specialist treatment may need an urgent GP appointment, community
    nursing or social care support, and when those services are stretched, discharge is delayed
    and readmission becomes more likely. We recommend that commissioners consider the whole
    pathway, including primary and community care, when planning specialist services.""",
      "report"),
    T("""The Government are committed to improving urgent and emergency care. The recovery plan
    for urgent and emergency care sets out measures to increase capacity, including additional
    beds and ambulances, and to speed up discharge from hospital. Performance against the
    four-hour standard has improved over the past year, and we expect further progress as the
    plan is implemented across the country.""", "gov", since=2023),
    T("""We are taking action to improve access to general practice, including recruiting
    additional staff through the additional roles reimbursement scheme, investing in modern
    telephone systems and making it easier for patients to use community pharmacy. The number
    of appointments delivered in general practice has increased, and we are working with the
    profession to go further.""", "gov", since=2020),
    T("""The Government recognise the pressures facing adult social care. We have provided
    additional funding to local authorities, including through the better care fund, to support
    discharge from hospital and to increase capacity in the care sector. We will set out further
    plans for the long-term reform of social care in due course, working with local government,
    providers and people who draw on care.""", "gov"),
    T("""NHS dentistry is being reformed to make it easier for patients to find an NHS dentist.
    Changes to the dental contract will pay dentists more fairly for complex treatment and
    encourage practices to take on new patients. We are also working to increase the dental
    workforce through improved training and recruitment, and to support practices in areas where
    access is poorest.""", "gov", since=2022),
]

PARAGRAPHS = {
    "research": RESEARCH,
    "cost": COST,
    "regulation": REGULATION,
    "workforce": WORKFORCE,
    "other_nhs": OTHER_NHS,
}

# ---------------------------------------------------------------------------------------------
# short Hansard pieces: interventions, questions, chair lines

INTERVENTIONS = {
    "research": [
        T("Does {addr} agree that we will only keep these companies if the manufacturing, and "
          "not just the research, is done in this country?"),
        T("Is {addr} aware that a university group in {city} has had to send its work abroad "
          "for vector production because there is no spare capacity here?"),
        T("Will {addr} join me in congratulating the team at {hospital}, who have just "
          "enrolled their first patient in a gene therapy trial?"),
        T("Does {addr} share my concern that the time it takes to set up a trial at an NHS "
          "site is driving studies to other countries?"),
    ],
    "cost": [
        T("Does {addr} agree that a price that cannot be disclosed cannot be scrutinised by "
          "this House?"),
        T("Is not the real problem that the NHS budget is set one year at a time, while these "
          "treatments pay back over decades? Does {addr} agree that the rules must change?"),
        T("Does {addr} accept that every pound spent on a single treatment is a pound that "
          "cannot be spent elsewhere in the NHS?"),
        T("Will {addr} acknowledge that the Cancer Drugs Fund has allowed hundreds of patients "
          "to receive CAR-T therapy years earlier than they otherwise would have?", since=2019),
        T("My constituents with {condition} have been waiting for years. Does {addr} agree that "
          "the delay in agreeing a price is simply unacceptable?"),
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
    ],
    "other_nhs": [
        T("Does {addr} agree that none of these new treatments will help patients who cannot "
          "get through the door of an A&E department?"),
        T("Will {addr} also recognise the pressure on GP practices, which will be asked to "
          "follow up these patients for years to come?"),
        T("Does {addr} agree that until we fix social care, every part of the NHS will "
          "struggle, however good the treatments it can offer?"),
    ],
}

ACKNOWLEDGEMENTS = (
    "{Ref} makes an important point, and I hope the Minister was listening.",
    "I agree with {ref}, and I will come on to that point.",
    "I thank {ref} for that intervention, which goes to the heart of the matter.",
    "{Ref} is right, and it is a point I have heard many times.",
)
MINISTER_ACKNOWLEDGEMENTS = (
    "I am grateful to {ref} for that point, and I will write with the details.",
    "{Ref} raises a fair point, and I will say more about it in a moment.",
)

def Q(heading: str, text: str, since: int = 2015, until: int = 2025) -> tuple[str, Template]:
    """A written question's subject heading and its text after "To ask the Secretary of State,"."""
    return heading, T(text, since=since, until=until)


QUESTIONS = {
    "research": [
        Q("Cell and Gene Therapy: Manufacturing",
          "what steps {pron} is taking to support the manufacture of cell and gene therapies in "
          "the UK"),
        Q("Clinical Trials: Finance",
          "how much funding {poss} Department has provided for clinical trials of advanced "
          "therapy medicinal products in each of the last three years"),
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
          "treatments for inherited blood disorders"),
        Q("Life Sciences: Investment",
          "what recent assessment {pron} has made of the level of private investment in the UK "
          "advanced therapies sector"),
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
    ],
    "other_nhs": [
        Q("Accident and Emergency Departments: Waiting Lists",
          "what steps {pron} is taking to reduce waiting times in accident and emergency "
          "departments"),
        Q("Dental Services",
          "what steps {pron} is taking to improve access to NHS dentistry in {region}"),
        Q("Ambulance Services: Response Times",
          "what the average ambulance response time for category 2 calls was in {region} in the "
          "last twelve months", since=2018),
        Q("General Practitioners: Access",
          "what steps {pron} is taking to improve access to GP appointments"),
        Q("Hospitals: Discharges",
          "what steps {pron} is taking to reduce delayed discharges from hospital"),
    ],
}

CHAIR_LINES_WH = (
    ("Order. A number of Members wish to speak, so I ask for speeches of about {mins} minutes. "
    "I intend to call the Front-Bench spokespeople no later than {time}."),
    ("Order. I remind Members that interventions should be brief. I will call the "
    "Front-Bench spokespeople at {time}."),
)
CHAIR_LINES_COMMONS = (
    ("Order. A great many Members wish to speak, so there will be a time limit of {mins} "
    "minutes on Back-Bench speeches, with immediate effect."),
    ("Order. Interventions must be short. After the next speaker the time limit will be reduced "
    "to {mins} minutes."),
)
WINDUPS = (
    ("I thank the Minister for {min_poss} response and all hon. Members who have taken part in "
    "this debate. We have heard a great deal of agreement about the promise of these therapies "
    "and about the obstacles that stand in the way of patients. I hope that the Minister will "
    "take away the points that have been made today, and I am sure the House will return to "
    "this subject before long."),
    ("I am grateful to everyone who has spoken today, and to the Minister for a considered "
    "reply. Families who are watching this debate want to know that Parliament understands "
    "what is at stake for them. I think we have shown that we do. I will be watching closely "
    "to see that the commitments made this afternoon are kept, and I will not hesitate to "
    "raise the matter again."),
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
LEDGER_PULL = 2.0  # how hard a year's ledger steers draws towards themes below target
LEDGER_PULL_MAX = 6.0  # the most a theme's weight is multiplied or divided by

REPORT_PARAGRAPH_WORDS = 80  # about the mean length of a filled paragraph

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


class Writer:
    """Draws themed paragraphs for one document and records the theme of each.

    ``ledger``, when given, counts the themes of the paragraphs already written for other
    documents of the same year; fresh draws then lean towards the themes furthest below the
    year's targets, so that a year's few hundred paragraphs follow THEME_WEIGHTS closely.
    """

    def __init__(self, rng: random.Random, date: dt.date, ledger: dict | None = None):
        self.rng = rng
        self.date = date
        self.targets = THEME_WEIGHTS[date.year]
        raw = [w * rng.uniform(1 - JITTER, 1 + JITTER) for w in self.targets]
        self.weights = [w / sum(raw) for w in raw]
        self.ledger = ledger
        self.themes: list[str] = []
        self._used: set[str] = set()

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
        registers = VOICES[voice]
        names = list(registers)
        register = self.rng.choices(names, [registers[n] for n in names])[0]
        bank = [t for t in PARAGRAPHS[theme] if t.since <= year <= t.until]
        for pool in ([t for t in bank if t.register == register and t.text not in self._used],
                     [t for t in bank if t.register in registers and t.text not in self._used],
                     [t for t in bank if t.register == "any"]):
            order = list(pool)
            self.rng.shuffle(order)
            for template in order:
                try:
                    text = fill(template, ctx)
                except Unavailable:
                    continue
                if word_count(text) > max_words:
                    continue
                self._used.add(template.text)
                self.themes.append(theme)
                return text
        raise AssertionError(f"no {theme} paragraph for {year} in voice {voice}")


def _fill_one(rng: random.Random, bank: Sequence[Template], ctx: Context) -> str:
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


def _opposition_prefix(date: dt.date, member: Member, gov_party: str) -> str:
    if member.party == "Lab" or (member.party == "Con" and gov_party == "Lab"):
        monarch = "Her" if date < _d("2022-09-08") else "His"
        return f"It is a pleasure to respond on behalf of {monarch} Majesty's Opposition."
    party = {"SNP": "the Scottish National party", "LD": "the Liberal Democrats"}.get(
        member.party, "my party")
    return f"It is a pleasure to speak on behalf of {party}."


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
           taken_titles: Sequence[str] = (), ledger: dict | None = None) -> HansardText:
    """A debate in Westminster Hall or the Commons chamber, with 8-16 speaker turns.

    Back-Bench speeches are added until about two thirds of min_words are reached, then the
    front benches reply; a short debate gets a longer reply from the minister.
    """
    writer = Writer(rng, date, ledger)
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
        ctx = Context(rng, date, member, tuple(spoken), chair_addr, era.minister_female)
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
        turns.append(_speech(speaker_label, ["I give way." if rng.random() < 0.5 else
                                             f"I will give way to {whom}."]))
        question = _fill_one(rng, INTERVENTIONS[theme], ctx_for(intervener, speaker))
        turns.append(_speech(label(intervener),
                             [f"I am grateful to {target} for giving way. {question}"]))
        spoken.append(intervener)
        ack = rng.choice(MINISTER_ACKNOWLEDGEMENTS if minister else ACKNOWLEDGEMENTS)
        ack = ack.format(ref=whom, Ref=whom[0].upper() + whom[1:])
        turns.append(_speech(speaker_label, themed(speaker, rng.randint(1, 2),
                                                   "minister" if minister else "member",
                                                   prefix=ack, theme=theme)))

    # The opener's first turn; its motion line is added once the title is known.
    opening = ("It is a pleasure to serve under your chairmanship, " + chair_addr + "."
               if wh else "I am grateful to the Backbench Business Committee for granting time "
               "for this debate.")
    focus = writer.focus()
    turns.append(("opener", themed(opener, rng.randint(2, 3), "member", prefix=opening,
                                   theme=focus)))
    labels_used.add(opener.label)
    spoken.append(opener)
    if rng.random() < 0.8:
        intervention(opener, backbench.pop(0))
    chair_line = rng.choice(CHAIR_LINES_WH if wh else CHAIR_LINES_COMMONS).format(
        mins=rng.choice(("four", "five", "six", "seven")),
        time=rng.choice(("ten past three", "twenty to four", "half-past five", "ten to eleven",
                         "twenty past ten")))
    turns.append(_speech(chair_label, [chair_line]))

    # Back-Bench speeches, keeping room for the front benches, the minister and the wind-up.
    reserved = len(spokes) + 1 + (1 if wh else 0)
    paragraphs_each = 2
    while words < min_words * 0.62 and backbench:
        if n_turns() + reserved >= max_turns:
            break
        member = backbench.pop(0)
        congratulate = f"I congratulate {member_ref(member, opener)} on securing this debate."
        prefix = (f"It is a pleasure to serve under your chairmanship, {chair_addr}, and I "
                  f"congratulate {member_ref(member, opener)} on securing this debate."
                  if wh and rng.random() < 0.6 else congratulate)
        n = rng.randint(paragraphs_each - 1, paragraphs_each + 1)
        turns.append(_speech(label(member), themed(member, n, "member", prefix=prefix)))
        spoken.append(member)
        if backbench and max_turns - n_turns() - reserved >= 6 and rng.random() < 0.35:
            intervention(member, backbench.pop(0))
        if max_turns - n_turns() - reserved <= 2:
            paragraphs_each = 3  # few turns left: longer speeches
    for spoke in spokes:
        prefix = _opposition_prefix(date, spoke, era.party)
        turns.append(_speech(label(spoke), themed(spoke, rng.randint(2, 3), "member",
                                                  prefix=prefix)))
        spoken.append(spoke)
    opener_ref = member_ref(opener if opener.party == era.party else None, opener)
    welcome = (f"It is a pleasure to serve under your chairmanship, {chair_addr}. I congratulate "
               f"{opener_ref} on securing this debate." if wh else
               f"I congratulate {opener_ref} on securing this debate, and I thank all hon. "
               f"Members who have spoken.")
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
        windup = rng.choice(WINDUPS).format(min_poss=_pron(era.minister_female, True))
        turns.append(_speech(opener.short_label, [windup]))

    title = _choose_title(rng, DEBATE_TITLES[focus], date.year, taken_titles)
    motion = f"That this House has considered {title.motion}."
    turns[0] = _speech(opener.label, [f"I beg to move, {motion}", *turns[0][1]])
    items: list = [("heading", title.text, 1),
                   ("heading", f"[{chair_name} in the Chair]", 3) if wh else
                   ("heading", "Backbench Business", 3)]
    items += turns
    items.append(("speech", "", ("Question put and agreed to.",
                                 typeset(f"Resolved, {motion}")), None))
    return HansardText(title.text, title.slug, items, writer.themes, focus, len(turns))


def written_answers(rng: random.Random, date: dt.date, min_words: int = 2600,
                    ledger: dict | None = None) -> HansardText:
    """Written answers to questions for the health department: pairs under subject headings."""
    writer = Writer(rng, date, ledger)
    era = era_for(date)
    minister_label = f"{era.minister_role} ({era.minister}):"
    sos = secretary_of_state(date)
    members = [m for m in MEMBERS if m.sitting(date)]
    dept = department(date).replace("Department of ", "")
    items: list = [("heading", dept, 1)]
    asked: set[str] = set()
    words, turns = 0, 0
    uin = rng.randint(10000, 99000)
    focus = writer.focus()
    while words < min_words:
        asker = rng.choice(members)
        ctx = Context(rng, date, asker, (), "", era.minister_female)
        theme = writer.theme() if turns else focus
        for _ in range(6):  # a theme whose questions are all asked: draw again
            if _fresh_questions(theme, ctx.year, asked):
                break
            theme = writer.theme()
        heading, question = _question(rng, theme, ctx, asked)
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
                       turns)


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
            text = fill(template, ctx)
        except Unavailable:
            continue
        asked.add(template.text)
        return heading, text
    raise AssertionError(f"no {theme} question for {ctx.year}")


def debate_stream(rng: random.Random, years: Sequence[int] = YEARS) -> Iterator[tuple]:
    """Endless Hansard items: one debate after another, each from a random year and chamber."""
    while True:
        year = rng.choice(list(years))
        date = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        chamber = rng.choice(("Westminster Hall", "House of Commons"))
        text = debate(rng, date, chamber, min_words=rng.randint(2600, 5200))
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


def organisation_name(template: str, date: dt.date) -> str:
    """An organisation's name as it was on a date."""
    committee = "Health Committee" if date < _d("2018-01-09") else \
        "Health and Social Care Committee"
    return template.format(department=department(date), health_committee=committee)


def report(rng: random.Random, date: dt.date, kind: str, organisation: str,
           min_words: int = 1700, taken_titles: Sequence[str] = (),
           ledger: dict | None = None) -> ReportText:
    """A one-column report: 4-7 headed sections and one table."""
    writer = Writer(rng, date, ledger)
    voice = "government-report" if kind == "government" else "report"
    ctx = Context(rng, date, None, (), "", era_for(date).minister_female)
    # Enough middle sections for about three or four paragraphs each (4-7 sections in all).
    n_paragraphs = -(-min_words // REPORT_PARAGRAPH_WORDS)
    n_middle = max(2, min(5, round((n_paragraphs - 3) / rng.uniform(3.0, 4.5))))
    opening_n, closing_n = rng.randint(1, 2), rng.randint(1, 3)
    counts = [2] * n_middle
    for _ in range(max(0, n_paragraphs - opening_n - closing_n - 2 * n_middle)):
        counts[rng.randrange(n_middle)] += 1
    focus = writer.focus()
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
    title = _choose_title(rng, REPORT_TITLES[focus], date.year, taken_titles)
    table, caption = TABLES[focus](rng, date)
    return ReportText(title.text.format(year=date.year), title.slug, organisation, sections,
                      table, caption, rng.randint(1, len(sections) - 2), writer.themes, focus)


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
