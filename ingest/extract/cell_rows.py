"""Grant list rows whose cells are the holder, the sum and the purpose, in that order, joined by commas, dashes or
bars ("Northfield Library Society, EUR 90,000, author visits to village schools"): each row a grant of its own,
named by its purpose. The bodies the purpose cell names after a word of partnership ("together with", "yhdessä",
"tillsammans med") are the grant's partners, not part of its name.

A row is one line: a holder's cell that one organisation's name fills, one sum, then the purpose; a page must
hold two such rows, so that one sentence of that shape is read by the sentence rules instead.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import lexicon
from ..text import Line, alternation, lines
from .amounts import AmountMention
from .context import DocContext

_SEP = r"[,;|\t–—:-]"
_BULLET = re.compile(r"^\s*(?:[•·▪◦●‣*–—-]\s*|\d{1,2}[.)]\s+)?")
_MAX_PURPOSE_WORDS = 14  # a cell names what the money is for; a longer run is a sentence


@dataclass(frozen=True)
class CellRow:
    line: Line
    holder: str  # the holder's organisation key
    amount: AmountMention
    purpose: tuple[int, int]  # the span of the purpose's name
    partners: tuple[str, ...]  # organisation keys named after a word of partnership


@cache
def partner_words(lang: str) -> re.Pattern:
    """The words of partnership ("together with", "yhdessä", "tillsammans med") as one pattern of whole words."""
    words = lexicon(lang).section("funded_items").get("partner_words", ())
    return re.compile(r"(?<!\w)(?:" + alternation(words) + r")(?!\w)", re.I)


def _row(ctx: DocContext, ln: Line) -> CellRow | None:
    sums = ctx.amounts_in(ln.start, ln.end)
    if len(sums) != 1:
        return None
    am = sums[0]
    head = ctx.text[ln.start:am.start]
    lead = _BULLET.match(head).end()
    cell = re.fullmatch(rf"(.*?\S)\s*{_SEP}\s*", head[lead:])
    if cell is None:
        return None
    a, b = ln.start + lead, ln.start + lead + len(cell.group(1))
    holders = ctx.orgs_in(a, b)
    # one body fills the cell (a closing bracket or a legal form's dot may stand after its name)
    if len(holders) != 1 or holders[0][0].start != a or holders[0][0].end < b - 1:
        return None
    tail = re.match(rf"\s*{_SEP}\s*(?=\S)", ctx.text[am.end:ln.end])
    if tail is None:
        return None
    p0 = am.end + tail.end()
    p1 = ln.start + len(ln.text.rstrip(" .;,"))
    partners: tuple[str, ...] = ()
    cut = partner_words(ctx.lang).search(ctx.text, p0, p1)
    if cut is not None:
        partners = tuple(dict.fromkeys(k for _, k in ctx.orgs_in(cut.end(), p1) if k != holders[0][1]))
        p1 = p0 + len(ctx.text[p0:cut.start()].rstrip(" ,;–-"))
    words = ctx.text[p0:p1].split()
    if not 0 < len(words) <= _MAX_PURPOSE_WORDS or ctx.orgs_in(p0, p1) or ctx.amounts_in(p0, p1):
        return None
    return CellRow(ln, holders[0][1], am, (p0, p1), partners)


def cell_rows(ctx: DocContext) -> list[CellRow]:
    """The page's rows of holder, sum and purpose (none unless there are two)."""
    if "cell rows" not in ctx.memo:
        rows = [r for ln in lines(ctx.text) if ln.text.strip() and (r := _row(ctx, ln)) is not None]
        ctx.memo["cell rows"] = rows if len(rows) >= 2 else []
    return ctx.memo["cell rows"]
