"""Money amounts in text: where they are and what they are worth (pure functions, no spaCy).

An amount is a currency and a number ("£1.8m", "$2.1 million", "300,000 euros"), a range of
them ("£20,000 to £30,000"), and the words that say what it is per ("per QALY", "a year").
A range records its lower bound. An exchange rate ("€1 to £0.85") is not an amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SYMBOL_CURRENCY = {
    "£": "GBP",
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "₹": "INR",
    "RS": "INR",
    "RS.": "INR",
    "RUPEES": "INR",
    "RUPEE": "INR",
    "KSH": "KES",
    "KSHS": "KES",
    "KSH.": "KES",
    "KSHS.": "KES",
}
# ISO 4217 codes written before a number ("KES 2.5 billion", "INR 500 crore"): the currencies
# of the countries whose debates and reports the tool meets, and the main reserve currencies.
ISO_CODES = frozenset({
    "GBP", "USD", "EUR", "CHF", "JPY", "CNY", "AUD", "CAD", "NZD", "SEK", "NOK", "DKK", "INR",
    "PKR", "BDT", "LKR", "NPR", "KES", "UGX", "TZS", "RWF", "ETB", "NGN", "GHS", "ZAR", "ZMW",
    "MWK", "BWP", "EGP", "MAD", "SGD", "MYR", "HKD", "PHP", "IDR", "THB", "BRL", "MXN", "ILS",
    "AED", "SAR", "TRY", "PLN", "CZK", "HUF", "RON",
})
_WORD_CURRENCY = {
    "pound": "GBP",
    "sterling": "GBP",
    "euro": "EUR",
    "dollar": "USD",
    "rupee": "INR",
}
_SCALES = {
    "thousand": 1e3,
    "k": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "lakh crore": 1e12,
    "lakh crores": 1e12,
}

# A currency before the number: a symbol, Kenya's "Kshs"/"KSh", India's "Rs"/"Rupees", or an
# ISO code (checked against ISO_CODES when parsed). Codes and words match as written (no
# "rs" inside a word: the look-behind in _AMOUNT keeps a letter from coming before).
_SYMBOL = (r"(?:US\s?\$|AU?\$|CA?\$|£|\$|€|₹|K[Ss]hs?\.?\s?|Rs\.?\s?|Rupees?\s"
           r"|[A-Z]{3}\s?)")
# Indian grouping ("1,20,000") before the international one.
_NUMBER = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Words match in any case; symbols and codes ("US$", "GBP") only as written, which keeps the
# expression from being tried at every "a", "c" or "e" in the text.
_SCALE = (r"(?:\s?(?i:thousand|million|billion|trillion|lakh\s+crores?|crores?|lakhs?|mn|bn|tn"
          r"|m|k|b)(?![\w£$€₹]))")
_CURRENCY_WORD = r"(?i:pounds?(?:\s+sterling)?|sterling|euros?|(?:US\s+)?dollars?|rupees?)"
# Units an amount is "per": anything after "per", a closed list after "a"/"each".
_QALY = (
    r"(?:quality[-\s]adjusted\s+life[-\s]years?(?:\s+\(QALYs?\))?|QALYs?"
    r"|life[-\s]years?)(?:\s+gained)?"
)
_PER = (
    rf"(?i:\s+per\s+(?:{_QALY}|[A-Za-z]+)"
    r"|\s+(?:a|an|each|every)\s+(?:year|month|week|day|patient|head|dose|treatment|person|child))"
)
_AMOUNT = rf"""
    (?=[£$€₹\d]|[A-Z][A-Z$]|R[su]|Ks)    # a cheap first test of where an amount can start
    (?<![\w£$€₹.,])
    (?:
        (?P<sym>{_SYMBOL})\s?(?P<num>{_NUMBER})(?P<scale>{_SCALE})?
            (?:\s(?P<word1>{_CURRENCY_WORD}))?
      | (?P<num_w>{_NUMBER})(?P<scale_w>{_SCALE})?\s(?P<word_w>{_CURRENCY_WORD})
    )
    (?:
        \s?(?P<sep>-|–|—|(?i:\bto\b|\band\b))\s?
        (?P<sym2>{_SYMBOL})?\s?(?P<num2>{_NUMBER})(?P<scale2>{_SCALE})?
            (?:\s{_CURRENCY_WORD})?
    )?
    (?![\w%])
    (?P<per>{_PER}{{0,2}})
"""
AMOUNT_RE = re.compile(_AMOUNT, re.VERBOSE)
_BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# "rose from £17.4 billion to £18.2 billion" is two amounts, not a range.
_FROM_RE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# "an exchange rate of $1.27 to the pound" is a rate, not an amount.
_RATE_BEFORE_RE = re.compile(r"\b(?:exchange\s+)?rates?\s+(?:of\s+)?(?:about\s+|around\s+)?$",
                             re.IGNORECASE)
_RATE_AFTER_RE = re.compile(r"\s+(?:to|per|against)\s+(?:the|one|a|1)\s+"
                            r"(?:pound|dollar|euro|£|\$|€)", re.IGNORECASE)


def _currency(symbol: str | None, word: str | None) -> str | None:
    """ISO code for a currency symbol, code or word."""
    if symbol:
        key = re.sub(r"\s", "", symbol).upper()
        return _SYMBOL_CURRENCY.get(key) or (key if key in ISO_CODES else None)
    if word:
        key = word.lower().split()[-1].rstrip("s")
        return _WORD_CURRENCY.get(key, "GBP" if key == "sterling" else None)
    return None


def _number(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= _SCALES[" ".join(scale.lower().split())]
    return value


# Every amount holds one of these (in lower case); most passages hold none, and looking for
# them is far cheaper than running the full expression.
_HINTS = ("£", "$", "€", "₹", "pound", "euro", "dollar", "sterling", "rupee", "ksh")
# Case-sensitive hints: "Rs", and three capitals before a number (an ISO code as written).
_CODE_HINT_RE = re.compile(r"[A-Z]{3}\s?\d")


def find_amounts(text: str) -> Iterator[tuple[int, int, float, str]]:
    """Yield (start, end, value, currency) for each money amount in ``text``."""
    lowered = text.lower()
    if (not any(hint in lowered for hint in _HINTS) and "Rs" not in text
            and _CODE_HINT_RE.search(text) is None):
        return
    pos = 0
    while (match := AMOUNT_RE.search(text, pos)) is not None:
        parsed = _parse_match(match)
        if parsed is None:
            pos = match.end()
            continue
        value, currency, end = parsed
        if _is_rate(text, match.start(), end):
            pos = end
            continue
        yield match.start(), end, value, currency
        pos = end


def _parse_match(match: re.Match) -> tuple[float, str, int] | None:
    """Value, currency and end offset of one regex match; None for a non-amount."""
    g = match.groupdict()
    if g["num"] is not None:
        currency = _currency(g["sym"], None)
        num, scale = g["num"], g["scale"]
    else:
        currency = _currency(None, g["word_w"])
        num, scale = g["num_w"], g["scale_w"]
    if currency is None:
        return None
    if g["num2"] is not None:
        currency2 = _currency(g["sym2"], None) if g["sym2"] else currency
        sep = g["sep"].lower()
        is_and = sep == "and"
        is_change = sep == "to" and _FROM_RE.search(
            match.string, max(0, match.start() - 8), match.start()) is not None
        if is_change or is_and and (
                currency2 != currency or not g["sym2"] or not _after_between(match)):
            # "and" joins a range only after "between", and "from X to Y" is a change: the
            # first amount stands alone and the scan resumes after it.
            single = AMOUNT_RE.match(match.string, match.start(), match.start("sep"))
            return _parse_match(single) if single else None
        if currency2 != currency:
            # "€1 to £0.85" is an exchange rate, not an amount.
            return None
        if not scale and g["scale2"]:
            scale = g["scale2"]  # "£1-2 million": the scale belongs to both ends
    return _number(num, scale), currency, match.end()


def _is_rate(text: str, start: int, end: int) -> bool:
    """An exchange rate ("a rate of $1.27 to the pound") rather than an amount."""
    return (_RATE_AFTER_RE.match(text, end) is not None
            or _RATE_BEFORE_RE.search(text, max(0, start - 30), start) is not None)


def _after_between(match: re.Match) -> bool:
    return _BETWEEN_RE.search(match.string, max(0, match.start() - 12), match.start()) is not None


def parse_amount(text: str) -> tuple[float, str] | None:
    """Value and ISO currency of a money amount string ("£1.8m" -> (1800000.0, "GBP"))."""
    for _start, _end, value, currency in find_amounts(text):
        return value, currency
    return None
