"""The body that issues a page, and the people who speak for it without naming it.

A press release or a news page names its issuer in its masthead — the lines above the headline: a breadcrumb
("X › News"), "Press release from X", or the headline's own first line ("X | Press release"). Its spokespeople
then go by their title alone: the one quoted ("…, says Director General A") and the contacts at its foot
("Further information: A, senior adviser, tel. …"). The conventions of the genre give them the issuer.

The masthead is the lines before the headline; where the headline is the first line of all, that line. Cleaning
blanks breadcrumbs, so they are read from the document's own text (offsets are kept). A body counts as the issuer
only where one body alone is named there that the page names again below: a headline that names two bodies, or a
masthead read as one long bogus name, gives none.
"""
from __future__ import annotations

import re
from functools import cache

from ..lexicon import lexicon
from ..resolve import name_key
from ..text import lines
from .context import DocContext
from .people import PersonMention

_SEGMENTS = re.compile(r"\s*(?:[|›»>/·]|\s[–—-]\s)\s*")
_CONTACT_REACH = 3  # lines a contact section runs under its label ("Further information:")
_SPEECH_REACH = 3  # words between a verb of saying and the speaker's title or name
_PHONE_OR_MAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w|\+?\d[\d ()-]{6,}\d")


def page_issuer(ctx: DocContext) -> str | None:
    """The organisation key of the body that issues the page, or None."""
    if "page issuer" not in ctx.memo:
        ctx.memo["page issuer"] = _issuer(ctx)
    return ctx.memo["page issuer"]


def _issuer(ctx: DocContext) -> str | None:
    raw = ctx.doc.text if len(ctx.doc.text) == len(ctx.text) else ctx.text
    head = ctx.title.start if ctx.title else 0
    top = [ln for ln in lines(raw) if ln.text.strip() and ln.end <= head]
    if not top and ctx.title is not None:
        top = [next(ln for ln in lines(raw) if ln.start <= ctx.title.start <= ln.end)]
    if not top:
        return None
    end = top[-1].end
    again = {ctx.key_of(m) for m in ctx.mentions if m.start > end}
    for ln in top:
        keys = _named_in_segments(ctx, ln.text) & again
        if len(keys) == 1:
            return keys.pop()
        if keys:
            return None
    return None


def _named_in_segments(ctx: DocContext, text: str) -> set[str]:
    """Organisations whose name is a segment of a breadcrumb or masthead line, or ends one ("Press release from
    X"). A network is no issuer by the end of a line: a page about one opens with its name ("About X", "Map of
    X") and is issued by a member."""
    segments = [name_key(s) for s in _SEGMENTS.split(text) if s.strip()]
    out = set()
    for k, org in ctx.orgs.items():
        for n in {org.name} | org.alt_labels:
            key = name_key(n)
            if key and any(s == key or org.type != "network" and s.endswith(" " + key) for s in segments):
                out.add(k)
    return out


def speaks_for_page(ctx: DocContext, p: PersonMention) -> bool:
    """The person is quoted by a verb of saying next to their title or name, with a title, or listed as a
    contact (under a contact label, or with a phone number or e-mail address on their line)."""
    if _own_body_unread(ctx, p):
        return False
    return (p.title is not None and _quoted(ctx, p)) or _contact(ctx, p)


_APPOSED_NAME = re.compile(r"\s*[,(]\s*[^\W\d_]")


def _own_body_unread(ctx: DocContext, p: PersonMention) -> bool:
    """A capitalised phrase in apposition after the name or title ("A, Xyz Abcool"): the person names a body of
    their own that no rule read, not the issuer."""
    after = max(p.end, p.title_end or 0)
    m = _APPOSED_NAME.match(ctx.text, after)
    return m is not None and ctx.text[m.end() - 1].isupper() and not _PHONE_OR_MAIL.match(ctx.text, m.end() - 1)


def _quoted(ctx: DocContext, p: PersonMention) -> bool:
    sentence = ctx.sentence_at(p.start)
    if sentence is None:
        return False
    speech = set(ctx.lex.cue("speech"))
    lead = min(p.start, p.title_start if p.title_start is not None else p.start)
    tail = max(p.end, p.title_end or 0)
    toks = [t for t in sentence.tokens if t.is_word]
    before = [t for t in toks if t.end <= lead][-_SPEECH_REACH:]
    after = [t for t in toks if t.start >= tail][:1]
    return any(t.text.lower() in speech for t in before + after)


def _contact(ctx: DocContext, p: PersonMention) -> bool:
    cues = _contact_cues(ctx.lang)
    all_lines = ctx.lines
    n = ctx.line_index(p.start)
    if n < 0:
        return False
    own = all_lines[n].text
    if _PHONE_OR_MAIL.search(own[p.end - all_lines[n].start:]):
        return True
    seen = 0
    for ln in reversed(all_lines[:n + 1]):
        text = ln.text.strip().lower()
        if not text:
            continue
        if any(c.search(text) for c in cues):
            return True
        seen += 1
        if seen > _CONTACT_REACH:
            break
    return False


@cache
def _contact_cues(lang: str) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(c) for c in lexicon(lang).section("person").get("contact_cues", ()))
