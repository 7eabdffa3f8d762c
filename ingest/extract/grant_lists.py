"""Grants stated one by one in a list: a name and a sum per line under a caption naming the currency (the total
row is no grant), rows of a grant table read by column, rows naming only the holder (that body's grant, called by
the page's grant noun), sub-headings saying what the rows below them are for, and later sentences naming what one
holder's grant is for."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from ..lexicon import lexicon
from ..text import Line, finite_verb, lines, tokenize
from .amounts import _to_decimal, currency_words
from .cell_rows import cell_rows, partner_words
from .context import DocContext
from .funded_item import (BRACKETED, ROW, FundedItem, Words, grant_word, holder_item, is_total, partners_after,
                          without_project_word, words_of)
from .funding import amount_label as _amount_label
from .funding import is_programme as funding_is_programme
from .grant_tables import grant_rows
from .row_holders import DASH_CELL, LEAD_BULLET, before_holder_cell, dash_rows, whole_body, without_holder
from .structure import cells


def _currency_header(ctx: DocContext, ln: Line) -> str | None:
    """A list header naming the currency ("Hanke  Summa (€)", "Beviljat belopp, kr"): no figure in it."""
    text = ln.text.strip()
    cur = currency_words(ctx.lang)
    # a caption closing on the currency before the list it opens ("The grants are listed below (EUR):"), however
    # long the sentence before it; in brackets, even after a figure ("Other grants over 500,000 (EUR):")
    # (or, with no colon, set off by a comma or brackets: "Region (decisions by the council), EUR")
    last = re.search(r"([(,])?\s*([^\W\d_]+|[€$£])\s*(\))?\s*(:)?$", text)
    if last and (last.group(4) or last.group(1)) and last.group(2).lower() in cur \
            and (last.group(1) == "(" and last.group(3) or not re.search(r"\d", text)):
        return cur[last.group(2).lower()]
    caption = _caption_currency(ctx, text)
    if caption is not None:
        return caption
    if not text or re.search(r"\d", text) or len(text.split()) > 8:
        return None
    for t in tokenize(text):
        if t.text.lower() in cur:
            return cur[t.text.lower()]
    return None


def _caption_currency(ctx: DocContext, text: str) -> str | None:
    """A lead whose last sentence closes on the currency of the list below it, after a preposition or in a case
    that says "in" ("… listed below, in euros.", "… apurahat euroina."): no figure in that sentence."""
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    m = re.search(r"(\w+)\s+(\w+)\s*[.:]$", last)
    if m is None or re.search(r"\d", last):
        return None
    word = m.group(2).lower()
    if m.group(1).lower() in words_of(ctx.lang).caption_preps and word in currency_words(ctx.lang):
        return currency_words(ctx.lang)[word]
    # (a case form: the basic forms of a currency are sums' words, not a caption's)
    return _currency_cases(ctx.lang).get(word)


@cache
def _currency_cases(lang: str) -> dict[str, str]:
    return {k.lower(): v for k, v in lexicon(lang).section("amounts").get("currency_case_forms", {}).items()}


def table_items(ctx: DocContext) -> tuple[list[FundedItem], set[int]]:
    """The rows of grant tables whose header names the columns: each row's name, holder and sum by column.
    Returns the items and the lines they were read from."""
    rows = grant_rows(ctx.text, ctx.lang)
    w = words_of(ctx.lang)
    out = []
    for r in rows:
        if r.name is None:
            # a holder and a sum: who got money, not for what — a grant of its own, named by its holder
            holder = ctx.orgs_in(*r.holder) if r.holder else []
            it = holder_item(ctx, w, holder[0][1], r.amount, r.currency, ctx.evidence(r.line.start, r.line.end)) \
                if len(holder) == 1 else None
            out += [it] if it else []
            continue
        holders = tuple(dict.fromkeys(k for _, k in ctx.orgs_in(*r.holder))) if r.holder else ()
        name = without_project_word(ctx, ctx.text[r.name[0]:r.name[1]])
        out.append(FundedItem(name, holders, r.amount, r.currency, ctx.evidence(r.line.start, r.line.end),
                              role="coordinator" if len(holders) == 1 else "partner", named=True))
    return out, {r.line.start for r in rows}


def list_items(ctx: DocContext) -> list[FundedItem]:
    """Rows of a grant list: a name and a sum per line, under a header that names the currency (or with the
    currency on the row). The total row closes the list and is no grant."""
    w = words_of(ctx.lang)
    out, tabled = table_items(ctx)
    for r in cell_rows(ctx):
        out.append(FundedItem(ctx.text[r.purpose[0]:r.purpose[1]], (r.holder,), r.amount.value, r.amount.currency,
                              ctx.evidence(r.line.start, r.line.end), partners=r.partners))
        tabled.add(r.line.start)
    currency = None
    # rows whose cells are joined by spaced dashes: once two rows show a holder's cell that way (after the name, or
    # before it), a row with one such dash has its holder there too, even one whose name is not recognised as an
    # organisation's
    after, before = dash_rows(ctx)
    dashed = max(after, before) >= 2
    purpose = None  # the sub-heading over the rows below it that says what their money is for
    deciding: tuple[str, ...] = ()  # the bodies the caption over the rows names: who decides on their grants
    headed: list[tuple[int, str, str]] = []  # (index in out, that sub-heading, the holder as its row writes it)
    under: Counter = Counter()  # the rows under each sub-heading
    decided: dict[int, tuple[str, ...]] = {}  # (index in out → the deciding bodies of its caption)
    for ln in lines(ctx.text):
        text = ln.text.strip()
        if not text or ln.start in tabled:
            continue
        head = _currency_header(ctx, ln)
        if head:
            currency, purpose = head, None
            deciding = _caption_funders(ctx, ln)
            continue
        row = ROW.match(text)
        on_row = ctx.amounts_in(ln.start, ln.end)
        if row is None and currency is not None and _purpose_heading(ctx, w, ln):
            purpose = text
            continue
        if row is None or (currency is None and not on_row):
            currency = None if row is None and len(text.split()) > 12 else currency
            deciding = deciding if currency else ()
            purpose = None
            continue
        parts = [c for c in cells(row.group("name")) if c]
        if not parts:
            continue
        if ":" in text[row.end("name"):row.start("num")] and _amount_label(ctx, row.group("name")) is not None:
            continue  # "Granted support: EUR 600,000", "Budget: …": a project page's field, no grant of a list
        name = LEAD_BULLET.sub("", parts[0]).strip(" ,;:|")
        # "City of X EUR 50,000": the currency before the sum is no part of it, nor the comma before the currency
        name = _without_currency(ctx, name).rstrip(" ,;:")
        if any(is_total(w, x) for x in name.split()[:1] + name.split()[-1:]) or not _row_name(ctx, name) \
                or name.split()[0].lower() in w.remainder:
            purpose = None  # (a group's total closes the group)
            continue  # a total, or the sum of the grants not listed ("Other five schools"): no grant of its own
        if purpose is not None:
            under[purpose] += 1
        whole = name
        if not (dashed and before > after):  # (where the page's rows write the holder first, a body after the
            name = before_holder_cell(ctx, ln, name)  # dash is in the project's name: "Region X – Y-skolor i …")
        name = without_holder(ctx, ln, name)
        if dashed and name == whole and len(DASH_CELL.findall(name)) == 1:
            name = DASH_CELL.split(name)[before > after].strip()
        name = without_project_word(ctx, name)
        value = on_row[-1].value if on_row else _to_decimal(row.group("num"))
        cur = on_row[-1].currency if on_row else currency
        if value is None or not on_row and _year_after_word(ctx, row):
            continue
        start = ln.start + ln.text.index(name)
        holders = [(m, k) for m, k in ctx.orgs_in(start, start + len(name))]
        # (or only an organisation and its short name in brackets: "Name of Body (NB)")
        if holders and holders[0][0].start == start and whole_body(ctx, start, start + len(name)) \
                and (len(whole) == len(name) or whole_body(ctx, start, start + len(whole))):
            # a row naming only an organisation says who got money, not for what: that body's grant
            written = re.sub(BRACKETED + "$", "", whole)
            it = holder_item(ctx, w, holders[0][1], value, cur, ctx.evidence(ln.start, ln.end), written)
            if it is not None and purpose is not None:
                headed.append((len(out), purpose, written))
            if it is not None and deciding:
                decided[len(out)] = deciding
            out += [it] if it else []
            continue
        # the other cells of the row: the applicant or holder, after the name or (with a colon) before it
        holders = [(m, k) for m, k in ctx.orgs_in(ln.start, ln.end) if m.end <= start or m.start >= start + len(name)] \
            if len(parts) > 1 or len(whole) > len(name) else holders
        out.append(FundedItem(name, tuple(dict.fromkeys(k for _, k in holders)), value, cur,
                              ctx.evidence(ln.start, ln.end), named=True))
        if deciding:
            decided[len(out) - 1] = deciding
    # a holder's row under a sub-heading of purpose: the purpose names its grant, told apart by the holder where
    # the sub-heading stands over several rows
    for i, h, written in headed:
        out[i] = replace(out[i], name=h if under[h] == 1 else f"{h}: {written}")
    for i, keys in decided.items():
        out[i] = replace(out[i], funders=tuple(k for k in keys if k not in out[i].recipients))
    told_later(ctx, w, out, {i for i, _, _ in headed})
    return out if len(out) >= 2 else []


_MAX_TOLD_WORDS = 8
_MAX_VERB_WORDS = 3  # between a holder and the partner word of its clause: its verb ("utvecklar", "will develop")


def _partners_told(ctx: DocContext, out: list[FundedItem], i: int, m, k: str, words, limit: int) -> None:
    """"X utvecklar tillsammans med Y en sommarskola …", "X works together with Y on …": a later clause whose
    subject is a holder names the bodies that work with it on its grant after a word of partnership."""
    cut = partner_words(ctx.lang).search(ctx.text, m.end, limit)
    if cut is None:
        return
    gap = [t for t in words if m.end <= t.start and t.end <= cut.start()]
    if not 0 < len(gap) <= _MAX_VERB_WORDS or any(t.is_cap for t in gap):
        return
    end = re.compile(r"[,;.!?]").search(ctx.text, cut.end(), limit)
    partners = partners_after(ctx, cut.start(), end.start() if end else limit, {k})
    if partners:
        out[i] = replace(out[i], partners=tuple(dict.fromkeys(out[i].partners + partners)))


def told_later(ctx: DocContext, w: Words, out: list[FundedItem], headed: set[int]) -> None:
    """"Norrbackas understöd gäller en skrivarverkstad.", "Brookfield College's grant is for a reading club.": a
    sentence after a list that says what one holder's grant is for names that holder's item (in place of the
    holder's name, unless a sub-heading of purpose already names it)."""
    if not w.grant_nouns:
        return
    clause_end = re.compile(r"[,.;:!?()]")
    for s in ctx.sentences:
        words = [t for t in s.tokens if t.is_word]
        for m, k in ctx.orgs_in(s.line.start, s.line.end):
            theirs = [i for i, it in enumerate(out) if it.by_holder and it.recipients == (k,)
                      and it.evidence.end <= s.line.start]
            if len(theirs) == 1:
                _partners_told(ctx, out, theirs[0], m, k, words, s.line.end)
            mine = [i for i in theirs if i not in headed]
            after = [t for t in words if t.start >= m.end]
            if len(mine) != 1 or len(after) < 3 \
                    or not re.fullmatch(r"\s*(?:['’]s)?\s*", ctx.text[m.end:after[0].start]):
                continue
            if not grant_word(w, after[0].text, ctx.lang) or after[1].is_cap:
                continue
            phrase = []
            for prev, t in zip(after[1:], after[2:]):
                if clause_end.search(ctx.text[prev.end:t.start]) or t.text.lower() in w.joiners | w.relatives:
                    break
                phrase.append(t)
            if phrase and phrase[0].text.lower() in w.purpose:
                phrase = phrase[1:]  # "… is for a reading club"
            while phrase and phrase[0].text.lower() in w.articles:
                phrase = phrase[1:]
            if not 0 < len(phrase) <= _MAX_TOLD_WORDS or any(t.is_cap for t in phrase):
                continue
            name = ctx.text[phrase[0].start:phrase[-1].end]
            low = name.lower()
            ending = next((e for e in w.purpose_endings if low.endswith(e)), None)
            if ending is not None:  # "… uudistamiseen": the purpose in its base form
                name = name[:len(name) - len(ending)] + w.purpose_endings[ending]
            out[mine[0]] = replace(out[mine[0]], name=name)


_DECIDING_TYPES = ("ministry", "agency", "other", "region")


def _caption_funders(ctx: DocContext, ln: Line) -> tuple[str, ...]:
    """"Northland (decisions by the Northland Regional Council), EUR": the public body a caption over a group of
    rows names decides on the grants of that group."""
    return tuple(dict.fromkeys(k for _, k in ctx.orgs_in(ln.start, ln.end) if ctx.orgs[k].type in _DECIDING_TYPES
                               and not funding_is_programme(ctx, ctx.orgs[k].name)))


def _purpose_heading(ctx: DocContext, w: Words, ln: Line) -> bool:
    """A sub-heading over rows of a list that says what their money is for ("Koulujen musiikkikasvatus",
    "Reading for pleasure"): a short line of words, one of them in lower case (a place or region is a name), no
    body, no grant noun, and no group's total repeats it ("Northland total 95 000" closes a region's group)."""
    text = ln.text.strip()
    words = text.split()
    if not 2 <= len(words) <= _MAX_HEADING_WORDS or re.search(r"[\d.:;,!?]$|\d", text) or not text[:1].isupper():
        return False
    if not any(x[:1].islower() for x in words[1:]) or ctx.orgs_in(ln.start, ln.end):
        return False
    low = [t.text.lower() for t in tokenize(text) if t.is_word]
    if low[0] in w.remainder or is_total(w, text) \
            or any(grant_word(w, x, ctx.lang) for x in low):
        return False
    return not re.search(rf"(?m)^\s*{re.escape(text)}\s+\S+.*\d\s*$", ctx.text[ln.end:])


_MAX_HEADING_WORDS = 8


_YEAR = re.compile(r"(?:19|20)\d\d")


def _year_after_word(ctx: DocContext, row: re.Match) -> bool:
    """"The clubs meet until the end of 2029.": a year after a function word or a word of time is a date that
    closes a sentence, not a sum closing a row (a row's name ends in a noun or a name)."""
    if not _YEAR.fullmatch(row.group("num")):
        return False
    last = row.group("name").split()[-1].lower()
    return last in ctx.lex.common_words or last in _date_words(ctx.lang)


@cache
def _date_words(lang: str) -> frozenset[str]:
    sec = lexicon(lang).section("dates")
    return frozenset(w for k in ("period_cues", "start_cues", "end_cues", "day_month_links") for w in sec.get(k, ())
                     if " " not in w)


def _without_currency(ctx: DocContext, name: str) -> str:
    head, _, last = name.rpartition(" ")
    return head.strip() if head and last.lower() in currency_words(ctx.lang) else name


def _row_name(ctx: DocContext, name: str) -> bool:
    words = name.split()
    if not 0 < len(words) <= 12 or not name[:1].isupper() or name.endswith((".", "?", "!")):
        return False
    if any(finite_verb(w.strip(",;:"), ctx.lang) for w in words[1:] if w[:1].islower()):
        return False  # "The Foundation supports the schools with EUR N": a sentence, not a row's name
    return not re.search(r"\d{2,}", re.sub(r"(?:19|20)\d\d", "", name))
