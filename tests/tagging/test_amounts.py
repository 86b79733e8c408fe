"""Money amounts: where they are and what they are worth (pure functions, no spaCy)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policylens.tagging.amounts import find_amounts, parse_amount


def amounts(text: str) -> list[tuple[str, float, str]]:
    return [(text[s:e], v, c) for s, e, v, c in find_amounts(text)]


@pytest.mark.parametrize("text, expected", [
    ("It cost £1.8m.", [("£1.8m", 1.8e6, "GBP")]),
    ("It cost £340m.", [("£340m", 340e6, "GBP")]),
    ("about £1.8 million in all", [("£1.8 million", 1.8e6, "GBP")]),
    ("$2.1 million in the US", [("$2.1 million", 2.1e6, "USD")]),
    ("US$1.2bn over ten years", [("US$1.2bn", 1.2e9, "USD")]),
    ("€300,000 per patient", [("€300,000 per patient", 300_000.0, "EUR")]),
    ("£20,000-£30,000 per QALY", [("£20,000-£30,000 per QALY", 20_000.0, "GBP")]),
    ("£20,000 to £30,000 per QALY gained",
     [("£20,000 to £30,000 per QALY gained", 20_000.0, "GBP")]),
    ("between £20,000 and £30,000 per QALY",
     [("£20,000 and £30,000 per QALY", 20_000.0, "GBP")]),
    ("£1-2 million a year", [("£1-2 million a year", 1e6, "GBP")]),
    ("£100,000 per quality-adjusted life year",
     [("£100,000 per quality-adjusted life year", 100_000.0, "GBP")]),
    ("€594,000 ($714,000)", [("€594,000", 594_000.0, "EUR"), ("$714,000", 714_000.0, "USD")]),
    ("300,000 euros", [("300,000 euros", 300_000.0, "EUR")]),
    ("£50 million pounds", [("£50 million pounds", 50e6, "GBP")]),
    ("1.5 billion pounds has gone", [("1.5 billion pounds", 1.5e9, "GBP")]),
    ("GBP 300,000 in total", [("GBP 300,000", 300_000.0, "GBP")]),
    ("£28k per QALY", [("£28k per QALY", 28_000.0, "GBP")]),
    ("£1.5 million per patient per year", [("£1.5 million per patient per year", 1.5e6, "GBP")]),
    # a change is two amounts, "and" is a range only after "between"
    ("it rose from £17.4 billion to £18.2 billion",
     [("£17.4 billion", 17.4e9, "GBP"), ("£18.2 billion", 18.2e9, "GBP")]),
    ("it costs $2.1m and £1.8 million", [("$2.1m", 2.1e6, "USD"), ("£1.8 million", 1.8e6, "GBP")]),
    # other currencies and notations: Kenya, India, ISO 4217 codes; crore and lakh as numbers
    ("a levy of Kshs45 million on imports", [("Kshs45 million", 45e6, "KES")]),
    ("KSh 3.4 billion went to county hospitals", [("KSh 3.4 billion", 3.4e9, "KES")]),
    ("Rs 750 crore for new medical colleges", [("Rs 750 crore", 7.5e9, "INR")]),
    ("Rs. 2,50,000 per family a year", [("Rs. 2,50,000 per family a year", 250_000.0, "INR")]),
    ("₹4,500 per month", [("₹4,500 per month", 4_500.0, "INR")]),
    ("nearly Rupees 2 lakh crore in all", [("Rupees 2 lakh crore", 2e12, "INR")]),
    ("a grant of 5 lakh rupees", [("5 lakh rupees", 5e5, "INR")]),
    ("NGN 12 billion and ZAR 40 million", [("NGN 12 billion", 12e9, "NGN"),
                                           ("ZAR 40 million", 40e6, "ZAR")]),
    # not amounts
    ("over 3 crore households and 2 lakh villages", []),
    ("the NHS 111 line and the ABC 300 list", []),
    ("€1 to £0.85", []),
    ("an exchange rate of $1.27 to the pound", []),
    ("45% of 300 patients in 2023", []),
    ("No money here at all.", []),
])
def test_find_amounts(text, expected):
    assert amounts(text) == expected


def test_parse_amount():
    assert parse_amount("£1.8m") == (1.8e6, "GBP")
    assert parse_amount("$2.1 million") == (2.1e6, "USD")
    assert parse_amount("costs") is None


@given(value=st.integers(min_value=1, max_value=10**9),
       symbol=st.sampled_from([("£", "GBP"), ("$", "USD"), ("€", "EUR")]))
def test_grouped_numbers_round_trip(value, symbol):
    sign, currency = symbol
    text = f"It was {sign}{value:,} in all."
    assert amounts(text) == [(f"{sign}{value:,}", float(value), currency)]


@given(millions=st.decimals(min_value="0.1", max_value="999.9", places=1),
       scale=st.sampled_from([("m", 1e6), (" million", 1e6), ("bn", 1e9), (" billion", 1e9)]))
def test_scaled_numbers(millions, scale):
    suffix, factor = scale
    text = f"about £{millions}{suffix} a year."
    [(span, value, currency)] = amounts(text)
    assert span == f"£{millions}{suffix} a year"
    assert value == pytest.approx(float(millions) * factor)
    assert currency == "GBP"
