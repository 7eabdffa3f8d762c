"""The holder written in the name cell of a list's row: "Name (Holder)", "Name, Holder", "Holder: Name", and
cells joined by spaced dashes ("Name – Holder – 100 000"), the holder after the name or before it."""
from __future__ import annotations

import re

from ..lexicon import LANGS
from ..text import Line, is_known, lines
from .context import DocContext
from .funded_item import BRACKETED, ROW, words_of


LEAD_BULLET = re.compile(r"^[•·▪◦●‣*–—-]\s*")
# a spaced dash between cells of a row written as running text ("Name – Holder – 100 000")
DASH_CELL = re.compile(r"\s[–—-]\s")


def dash_rows(ctx: DocContext) -> tuple[int, int]:
    """How many lines ending in a figure have a holder's cell after a spaced dash, and how many before it."""
    after = before = 0
    for ln in lines(ctx.text):
        row = ROW.match(ln.text.strip())
        if row is not None and DASH_CELL.search(row.group("name")):
            name = LEAD_BULLET.sub("", row.group("name").strip())
            if before_holder_cell(ctx, ln, name) != name:
                after += 1
            elif DASH_CELL.search(without_holder(ctx, ln, name)) is None:
                before += 1
    return after, before


def before_holder_cell(ctx: DocContext, ln: Line, name: str) -> str:
    """A row whose cells are joined by spaced dashes: the name ends where a cell holding an organisation begins
    (a dash inside a project's own name is followed by words, not by a body's name)."""
    at = ln.start + ln.text.index(name)
    for d in DASH_CELL.finditer(name):
        cell = at + d.end()
        if any(m.start == cell for m in ctx.mentions_starting(cell, cell)) and ctx.orgs_in(cell, at + len(name)):
            return name[:d.start()].strip()
    return name


def without_holder(ctx: DocContext, ln: Line, name: str) -> str:
    """A row's name cell without the holder written in it: "Name (Holder)", "Name, Holder", "Holder: Name",
    "Holder – Name", "Holder, Name". Only a cell that is one organisation's name, whole, is the holder's."""
    at = ln.start + ln.text.index(name)

    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if m and whole_body(ctx, at + m.start(2), at + m.end(2)):
        return m.group(1).strip()
    head, sep, tail = name.rpartition(",")
    if sep and head.strip() and whole_body(ctx, at + len(head) + 1, at + len(name)):
        return head.strip()
    head, sep, tail = name.partition(":")
    if sep and tail.strip() and whole_body(ctx, at, at + len(head)):
        return tail.strip()
    cut = _holder_first(name)
    if cut is not None and whole_body(ctx, at, at + cut[0]) and not whole_body(ctx, at + cut[1], at + len(name)):
        return name[cut[1]:].strip()
    return name


def whole_body(ctx: DocContext, a: int, b: int) -> bool:
    """text[a:b] is one organisation's name, whole (with its short name in brackets after it, if any, or the
    place it is in: "Norrby skola i Åsby")."""
    text = ctx.text[a:b]
    lead = len(text) - len(text.lstrip())
    text = re.sub(BRACKETED + "$", "", text.rstrip())
    if _fills(ctx, a + lead, a + lead + len(text)):
        return True
    place = re.fullmatch(r"(.+?)\s+(\w+)\s+(\S+)", text)
    return bool(place) and place.group(2).lower() in words_of(ctx.lang).places and place.group(3)[:1].isupper() \
        and not ctx.orgs_in(a + lead + place.start(3), a + lead + place.end(3)) \
        and _fills(ctx, a + lead, a + lead + len(place.group(1)))


def _fills(ctx: DocContext, a: int, b: int) -> bool:
    """One body's name fills text[a:b]: a mention from a to b, or mentions of it that overlap one another from
    a to b ("Name of Body NB" and "NB ry" in "Name of Body NB ry")."""
    at = a
    for m, _ in sorted(ctx.orgs_in(a, b), key=lambda x: x[0].start):
        if m.start > at or at > a and m.start == at:
            break  # (a gap, or a second body just after the first)
        at = max(at, m.end)
    return a < b and at >= b - 1


def _holder_first(name: str) -> tuple[int, int] | None:
    """Where a holder's cell written first would end, and the name's cell begin: after a spaced dash, or after a
    comma where what follows looks like a name of its own (two words at least, a brand's inner capital or digit,
    or a word no dictionary of the three languages holds) rather than the holder's town."""
    d = DASH_CELL.search(name)
    if d is not None and len(DASH_CELL.findall(name)) == 1:
        return d.start(), d.end()
    head, sep, tail = name.partition(",")
    tail = tail.strip()
    if sep and tail[:1].isupper() and (len(tail.split()) >= 2 or any(c.isupper() or c.isdigit() for c in tail[1:])
                                       or not any(is_known(tail.lower(), lg) for lg in LANGS)):
        return len(head), len(head) + 1
    return None
