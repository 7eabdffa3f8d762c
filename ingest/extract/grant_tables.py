"""Grant tables: a header row names each column ("Project | Coordinator | Grant", "Hakija | Hanke | Myönnetty €",
"Sökande | Projekt | Belopp (kr)"), and every row below it is one grant, read by column rather than by position.

The header's words are language data (lexicon `[grant_tables]`: the words of a name column, a holder column and
a sum column). The holder's cell is a body even where its name has no head word the organisation finder knows
("Mímir"-like proper names): the column says so. The name's cell is the item's name even where it reads like a
body's name. A row whose first cell is a total word closes the table and is no grant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..lexicon import lexicon
from ..text import Line, lines
from .amounts import _NUMBER, _to_decimal, currency_words
from .organisations import OrgMention

# the source of a body read from a holder's cell
TABLE_SOURCE = "table"
_SEP = re.compile(r"\t|\|")  # a table's cells are split by bars or tabs; wide gaps split rows of plain lists too
_MAX_HEADER_WORDS = 4  # per cell: a header names a column, it says nothing more
_SUM = re.compile(rf"^\s*(?:[^\w\s]{{1,2}}\s*)?(?P<num>{_NUMBER})\s*(?:[^\w\s]{{1,2}}|[^\W\d_]{{1,6}})?\s*$")


@dataclass(frozen=True)
class GrantRow:
    line: Line
    name: tuple[int, int] | None  # the span of the name's cell
    holder: tuple[int, int] | None  # the span of the holder's cell
    amount: Decimal
    currency: str | None


@dataclass(frozen=True)
class _Columns:
    name: frozenset[str]
    holder: frozenset[str]
    amount: frozenset[str]
    totals: tuple[str, ...]
    currencies: dict[str, str]


@cache
def _columns(lang: str) -> _Columns:
    lex = lexicon(lang)
    sec = lex.section("grant_tables")
    return _Columns(
        name=frozenset(sec.get("name_columns", ())),
        holder=frozenset(sec.get("holder_columns", ())),
        amount=frozenset(sec.get("amount_columns", ())),
        totals=tuple(lex.section("funded_items").get("total_words", ())),
        currencies=currency_words(lang),
    )


def _spans(ln: Line) -> list[tuple[int, int]]:
    """The cells of a line as character spans of the text (empty cells kept, so columns stay aligned)."""
    out, at = [], 0
    for part in _SEP.split(ln.text):
        a = at + len(part) - len(part.lstrip())
        b = at + len(part.rstrip())
        out.append((ln.start + a, ln.start + max(a, b)))
        at += len(part) + 1
    if out and out[0][0] == out[0][1] and ln.text.lstrip().startswith("|"):
        out = out[1:]  # "| A | B |": the bars around the row open and close no cell
    if out and out[-1][0] == out[-1][1] and ln.text.rstrip().endswith("|"):
        out = out[:-1]
    return out


def _kind(c: _Columns, cell: str) -> tuple[str | None, str | None]:
    """What a header cell names (name, holder, amount or nothing) and the currency it states."""
    low = cell.lower()
    words = re.findall(r"[^\W\d_]+|[€$£]", low)
    currency = next((c.currencies[w] for w in words if w in c.currencies), None)
    if not words or len(words) > _MAX_HEADER_WORDS + (currency is not None):
        return None, currency
    for kind, heads in (("amount", c.amount), ("holder", c.holder), ("name", c.name)):
        if any(low.startswith(h) or any(w.startswith(h) for w in words) for h in heads):
            return kind, currency
    return ("amount" if currency else None), currency


def _header(c: _Columns, text: str, ln: Line) -> tuple[dict[str, int], str | None] | None:
    if re.search(r"\d", ln.text) or len(_SEP.split(ln.text.strip().strip("|"))) < 2:
        return None
    cols: dict[str, int] = {}
    currency = None
    for i, (a, b) in enumerate(_spans(ln)):
        kind, cur = _kind(c, text[a:b])
        currency = currency or cur
        if kind is not None and kind not in cols:
            cols[kind] = i
    if "amount" not in cols or not ("name" in cols or "holder" in cols):
        return None
    return cols, currency


def _stated_currency(c: _Columns, line: str) -> str | None:
    if re.search(r"\d", line) or len(line.split()) > 8:
        return None
    return next((c.currencies[w] for w in re.findall(r"[^\W\d_]+|[€$£]", line.lower()) if w in c.currencies), None)


def grant_rows(text: str, lang: str) -> list[GrantRow]:
    """The rows of the page's grant tables."""
    c = _columns(lang)
    if not (c.amount and (c.name or c.holder)):
        return []
    out: list[GrantRow] = []
    head = None
    prev = ""
    for ln in lines(text):
        if not ln.text.strip():
            continue
        h = _header(c, text, ln)
        before, prev = prev, ln.text
        if h is not None:
            # a caption above the header ("Grants, in SEK") states the currency of its sums
            head = (h[0], h[1] or _stated_currency(c, before))
            continue
        if head is None:
            continue
        cols, currency = head
        spans = _spans(ln)
        if len(spans) < max(cols.values()) + 1 or len(spans) < 2:
            head = None  # the table has ended
            continue
        first = next((text[a:b] for a, b in spans if b > a), "")
        if any(first.lower().startswith(t) for t in c.totals):
            head = None  # the total row closes the table
            continue
        a, b = spans[cols["amount"]]
        m = _SUM.match(text[a:b])
        value = _to_decimal(m.group("num")) if m else None
        if value is None:
            continue
        cur = currency or next((v for k, v in c.currencies.items()
                                if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", text[a:b].lower())), None)
        name = spans[cols["name"]] if "name" in cols else None
        holder = spans[cols["holder"]] if "holder" in cols else None
        out.append(GrantRow(ln, name if name and name[1] > name[0] else None,
                            holder if holder and holder[1] > holder[0] else None, value, cur))
    return out if len(out) >= 2 else []


def table_mentions(text: str, lang: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """The page's mentions with the column's reading: a holder's cell that no mention covers is a body; a body
    found inside a name's cell is the item's name, not a body."""
    rows = grant_rows(text, lang)
    if not rows:
        return mentions
    names = [r.name for r in rows if r.name]
    kept = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in names)]
    for r in rows:
        if r.holder is None:
            continue
        a, b = r.holder
        if any(m.start < b and a < m.end for m in kept):
            continue
        cell = text[a:b]
        if not cell[:1].isupper() or len(cell.split()) > 8:
            continue
        kept.append(OrgMention(a, b, cell, cell, "other", source=TABLE_SOURCE))
    return kept
