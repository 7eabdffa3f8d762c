"""A grant stated one by one, with no project name (a funded item), and the words its layouts are read with:
the `funded_items` table of the language, and what the clause, list and table readers share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..lexicon import lexicon
from ..model import Evidence
from ..text import Line, alternation, cue_noun, lemma, tokenize
from .amounts import _NUMBER
from .cell_rows import cell_rows, partner_words
from .context import DocContext


@dataclass(frozen=True)
class FundedItem:
    name: str
    recipients: tuple[str, ...]  # organisation keys; the first is the holder when there is one
    amount: Decimal | None
    currency: str | None
    evidence: Evidence
    role: str = "coordinator"  # of a sole recipient
    named: bool = False  # a name of its own (a grant row, an owned project), not a purpose phrase
    partners: tuple[str, ...] = ()  # organisation keys working with the holder, not holding the grant
    by_holder: bool = False  # named after its holder: a grant only where the page names who gives
    funders: tuple[str, ...] = ()  # organisation keys of the body a list's group caption names as deciding


@dataclass(frozen=True)
class Words:
    purpose: frozenset[str]
    purpose_endings: dict[str, str]
    totals: tuple[str, ...]
    articles: frozenset[str]
    joiners: frozenset[str]
    places: frozenset[str]
    owner: tuple[re.Pattern, ...]
    possessive: str
    recipient_endings: tuple[str, ...]
    to: frozenset[str]
    infinitive: frozenset[str]
    bare: re.Pattern | None
    multipliers: dict[str, int]
    case_endings: tuple[str, ...] = ()
    not_purposes: frozenset[str] = frozenset()
    jointly: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    each: frozenset[str] = frozenset()
    sources: frozenset[str] = frozenset()  # words before the body the money comes from ("from")
    holder_grant: str = ""  # the name of a grant known only by its holder ("{org} grant", "{gen} bidrag")
    holder_genitive: tuple[tuple[str, str], ...] = ()  # (ending, genitive ending), the first that fits
    remainder: frozenset[str] = frozenset()  # a row of the grants not listed one by one ("Other schools")
    particles: frozenset[str] = frozenset()  # of a verb after the infinitive marker ("bygga upp")
    making: frozenset[str] = frozenset()  # verbs of making that open a purpose ("for developing …")
    grant_nouns: tuple[str, ...] = ()  # the nouns of a grant, the default first
    caption_preps: frozenset[str] = frozenset()  # before the currency closing a caption ("in euros")


@cache
def words_of(lang: str) -> Words:
    lex = lexicon(lang)
    sec = lex.section("funded_items")
    mult = {k.lower(): v for k, v in lex.section("amounts").get("multipliers", {}).items() if len(k) > 1}
    bare = re.compile(rf"(?<![\w,.])(?P<num>{_NUMBER})\s*(?P<mul>{alternation(mult)})(?!\w)", re.I) if mult else None
    return Words(
        purpose=frozenset(sec.get("purpose_words", ())),
        purpose_endings=dict(sec.get("purpose_endings", {})),
        totals=tuple(sec.get("total_words", ())),
        articles=frozenset(sec.get("articles", ())),
        joiners=frozenset(sec.get("joiners", ())),
        places=frozenset(sec.get("place_prepositions", ())),
        owner=tuple(re.compile(p, re.I) for p in sec.get("owner_patterns", ())),
        possessive=sec.get("possessive", "{item} ({org})"),
        recipient_endings=tuple(sec.get("recipient_endings", ())),
        to=frozenset(sec.get("recipient_prepositions", ())),
        infinitive=frozenset(sec.get("infinitive_markers", ())),
        bare=bare,
        multipliers=mult,
        case_endings=tuple(sec.get("purpose_case_endings", ())),
        not_purposes=frozenset(sec.get("not_purposes", ())),
        jointly=frozenset(sec.get("joint_words", ())),
        relatives=frozenset(sec.get("relative_words", ())),
        each=frozenset(lex.words("project_name_bounds", "distributive_words")),
        sources=frozenset(lex.section("cues").get("funder_source_words", ())),
        holder_grant=sec.get("holder_grant", ""),
        holder_genitive=tuple((e, g) for e, g in sec.get("holder_genitive", ())),
        remainder=frozenset(sec.get("remainder_words", ())),
        particles=frozenset(sec.get("verb_particles", ())),
        making=frozenset(sec.get("making_verbs", ())),
        grant_nouns=tuple(sec.get("grant_nouns", ())),
        caption_preps=frozenset(sec.get("caption_currency_prepositions", ())),
    )


def is_total(w: Words, text: str) -> bool:
    low = text.lower()
    return any(re.search(r"(?<!\w)" + re.escape(t), low) for t in w.totals)


# a short name or other name in brackets after a name ("… (XAMK)")
BRACKETED = r"\s*\([^()]{1,40}\)"


# a list's row: its name, then a sum closing the line, at most a currency word or sign after it
ROW = re.compile(rf"^(?P<name>.*?\S)[\s:|\t–-]+(?P<num>{_NUMBER})\s*(?P<cur>[^\w\s]{{1,2}}|[^\W\d_]{{1,6}})?\s*$")


def partners_after(ctx: DocContext, a: int, b: int, holders) -> tuple[str, ...]:
    """The bodies named in text[a:b] after a word of partnership ("… together with A and B"), other than the
    holders."""
    cut = partner_words(ctx.lang).search(ctx.text, a, b)
    if cut is None:
        return ()
    return tuple(dict.fromkeys(k for _, k in ctx.orgs_in(cut.end(), b) if k not in holders))


def holder_grant_name(w: Words, org: str, grant: str | None = None) -> str | None:
    """The name of a grant a list states by its holder alone ("Lakeside College 300,000"): the holder's grant,
    with the holder in the genitive where the language puts it there, called by the page's own word for its
    grants (`grant`) where it has one."""
    if not w.holder_grant:
        return None
    low = org.lower()
    gen = next((org[:len(org) - len(e)] + g for e, g in w.holder_genitive if low.endswith(e)), org)
    return w.holder_grant.format(org=org, gen=gen, grant=grant or (w.grant_nouns[:1] or ("",))[0]).strip()


def grant_word(w: Words, word: str, lang: str) -> str | None:
    """The base form of a grant noun, or of a compound ending in one ("yhteisöapurahoja" → "yhteisöapuraha");
    None for other words. (A dictionary may read a noun as a verb's form: the word itself then ends in it.)"""
    low = word.lower()
    for form in (lemma(low, lang), low):
        if any(form.endswith(n) for n in w.grant_nouns):
            return form
    return None


_CAPTION_LINES = 6  # a list's caption or lead stands within a few lines above its rows


def page_grant_noun(ctx: DocContext, w: Words, at: int) -> str | None:
    """The page's own word for the grants it lists above the row at `at`: in the nearest line above (its caption,
    else its lead) that uses a grant noun, that line's most specific one ("yhteisöapuraha", "projektunderstöd"),
    in its base form."""
    if not w.grant_nouns:
        return None
    # (the rows above this one are no caption: "Name 10 000")
    n = ctx.line_index(at)
    # the lines before the row's, and its own up to `at`, from the document's lines split once (a list asks for
    # every row)
    before = ctx.lines[:n] + ([Line(ctx.lines[n].start, at, ctx.text[ctx.lines[n].start:at])] if n >= 0 else [])
    above = [ln for ln in before if ln.text.strip() and not ROW.match(ln.text.strip())]
    above = above[::-1][:_CAPTION_LINES]
    for ln in above:
        found = [x for t in tokenize(ln.text) if t.is_word and (x := grant_word(w, t.text, ctx.lang))]
        if found:
            return max(found, key=len)
    return None


def row_sentences(ctx: DocContext) -> set[int]:
    """The starts of the sentences that rows of holder, sum and purpose consist of: read as rows, not as clauses."""
    if "row sentences" not in ctx.memo:
        spans = [(r.line.start, r.line.end) for r in cell_rows(ctx)]
        ctx.memo["row sentences"] = {s.line.start for s in ctx.sentences if any(a <= s.line.start < b for a, b in spans)}
    return ctx.memo["row sentences"]


def holder_item(ctx: DocContext, w: Words, key: str, value: Decimal, currency: str | None,
                 ev: Evidence, written: str | None = None) -> FundedItem | None:
    """The grant of a body a row names alone, called as the row writes the body (`written`: with the place it
    is in, which tells two same-named schools apart), else by the body's name."""
    org = ctx.orgs.get(key)
    name = holder_grant_name(w, written or org.name, page_grant_noun(ctx, w, ev.start)) if org is not None else None
    return FundedItem(name, (key,), value, currency, ev, named=True, by_holder=True) if name else None


def without_project_word(ctx: DocContext, name: str) -> str:
    """"Lukukipinä-hanke" is the project "Lukukipinä": the project word joined with a hyphen is no part of the name."""
    head, _, last = name.rpartition("-")
    if head and " " not in last and cue_noun(last, ctx.lex.cue("project"), ctx.lang):
        return head.strip()
    return name
