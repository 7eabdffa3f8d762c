"""Money amounts: "635 000 euron", "1,3 miljoonaa euroa", "EUR 6 million", "6 037 900 kr", "fem miljoner euro".

Numbers use a space (or no-break space) for thousands and a comma or point for decimals; the multiplier
and currency words, and number words, are each language's lexicon tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from ..lexicon import lexicon
from ..model import LARGEST_AMOUNT
from ..text import alternation

# 635 000 | 1.300.000 | 120,000 (English thousands) | 1,3 | 47384
_NUMBER = (r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[,.]\d+)?|\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?"
           r"|\d+(?:[,.]\d+)?")


@dataclass(frozen=True)
class AmountMention:
    start: int
    end: int
    value: Decimal
    currency: str | None


def _to_decimal(num: str) -> Decimal | None:
    s = re.sub(r"[ \u00a0\u202f]", "", num)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s):  # "1.300.000": points as thousands separators
        s = s.replace(".", "")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):  # "120,000", "1,200,000.50": English thousands
        s = s.replace(",", "")
    s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


@cache
def currency_words(lang: str) -> dict[str, str]:
    """The words and signs that stand for a currency on their own in a header, a cell or a row ("euroa", "kr",
    "€"), lower case, each with its ISO code; a one-letter word ("e") is too common to count."""
    currencies = lexicon(lang).section("amounts").get("currencies", {})
    return {k.lower(): v for k, v in currencies.items() if len(k) > 1 or not k.isalpha()}


def find_amounts(text: str, lang: str, offset: int = 0) -> list[AmountMention]:
    lex = lexicon(lang)
    sec = lex.section("amounts")
    currencies = {k.lower(): v for k, v in {**sec.get("currencies", {}), **sec.get("currency_case_forms", {})}.items()}
    multipliers = {k.lower(): v for k, v in {**sec.get("multipliers", {}), **sec.get("multiplier_case_forms", {})}.items()}
    number_words = {k.lower(): v for k, v in sec.get("number_words", {}).items()}
    cur = alternation(currencies)
    mul = alternation(multipliers)
    numw = alternation(number_words)
    num = rf"(?P<num>{_NUMBER}|{numw})"
    # number [multiplier] currency  |  currency number [multiplier]
    after = re.compile(rf"(?<![\w,.]){num}(?:\s*(?P<mul>{mul})\.?)?\s*(?P<cur>{cur})(?!\w)", re.I)
    before = re.compile(rf"(?<!\w)(?P<cur>{cur})\s*(?P<num>{_NUMBER})(?:\s*(?P<mul>{mul})\.?)?(?!\w)", re.I)
    units = {k.lower(): v for k, v in sec.get("units", {}).items()}
    rxs = [after, before]
    if units:  # "3,2 mnkr": currency and multiplier in one word
        rxs.insert(0, re.compile(rf"(?<![\w,.]){num}\s*(?P<unit>{alternation(units)})(?!\w)", re.I))
    out: list[AmountMention] = []
    taken: list[tuple[int, int]] = []
    for rx in rxs:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(not (e <= a or s >= b) for a, b in taken):
                continue
            raw = m.group("num")
            value = Decimal(str(number_words[raw.lower()])) if raw.lower() in number_words else _to_decimal(raw)
            if value is None:
                continue
            groups = m.groupdict()
            if groups.get("unit"):
                code, factor = units[m.group("unit").lower()]
                value *= Decimal(factor)
                if value < LARGEST_AMOUNT:
                    out.append(AmountMention(offset + s, offset + e, value, code))
                taken.append((s, e))
                continue
            if groups.get("mul"):
                value *= Decimal(str(multipliers[m.group("mul").lower()]))
            if value >= LARGEST_AMOUNT:
                continue
            currency = currencies.get(m.group("cur").lower())
            # a bare "e" or "m" is a currency or multiplier only right after a number
            if m.group("cur").lower() in ("e", "m") and not re.match(r"\d", raw):
                continue
            out.append(AmountMention(offset + s, offset + e, value, currency))
            taken.append((s, e))
    return sorted(out, key=lambda a: a.start)


def plain(value: Decimal) -> str:
    """A decimal as plain digits, no exponent: Decimal('6E+6') → '6000000'."""
    q = value.quantize(Decimal(1)) if value == value.to_integral() else value
    return format(q, "f")
