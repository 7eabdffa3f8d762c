"""A body that hosts all the projects of a release, said once: a sentence opens with the plural of a project noun
and ties it to one organisation by a word of place or launching ("Four projects based at X have been granted
money"); the projects the page then names one by one are carried out there, though no sentence about
one of them names the body again. Each takes it as a partner.

The plural must stand among the sentence's first words (its subject: a count and modifiers may come before it,
lexicon [shared_host] subject_plurals, as a word ending so that compounds count); a link word (`links`) must
follow it at once, and the organisation right after the link (an article between them allowed). A sentence
that names one of the page's projects speaks of that one, not of all.
"""
from __future__ import annotations

import re
from functools import cache

from ..lexicon import lexicon
from ..model import Participation, Project
from ..text import alternation
from .context import DocContext

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SUBJECT_WORDS = 5  # a count and modifiers may come before the noun ("four new research projects")


@cache
def _link(lang: str) -> re.Pattern:
    """A link word right after the plural, then an optional article, up to where the host's name starts."""
    lex = lexicon(lang)
    links = lex.words("shared_host", "links")
    if not links:
        return re.compile(r"(?!)")
    articles = lex.words("apposition", "organisation_articles")
    article = r"(?:(?:" + alternation(articles) + r")\s+)?" if articles else ""
    return re.compile(r"\s+(?:" + alternation(links) + r")\s+" + article, re.IGNORECASE)


def shared_host(ctx: DocContext, projects: list[Project]) -> str | None:
    """The organisation key of the body the page says hosts its projects together, or None."""
    plurals = tuple(ctx.lex.words("shared_host", "subject_plurals"))
    if not plurals or not projects:
        return None
    link = _link(ctx.lang)
    names = [n.lower() for p in projects for n in (p.name, *p.alt_labels) if n]
    for s in ctx.sentences:
        text = s.line.text
        noun = next((w for n, w in enumerate(_WORD.finditer(text)) if n < _SUBJECT_WORDS
                     and w.group().lower().endswith(plurals)), None)
        if noun is None:
            continue
        m = link.match(text, noun.end())
        if m is None:
            continue
        low = text.lower()
        if any(n in low for n in names):
            continue  # the sentence speaks of one project of the page, not of all
        at = s.line.start + m.end()
        host = next((ctx.key_of(x) for x in ctx.mentions_starting(at, at)), None)
        if host is not None:
            return host
    return None


def give_shared_host(ctx: DocContext, projects: list[Project]) -> None:
    """Every project of the page takes the shared host as a partner, unless it pays for the project or takes
    part already."""
    host = shared_host(ctx, projects)
    if host is None:
        return
    for p in projects:
        if any(x.organisation == host for x in p.participants) or any(host in g.funders for g in p.grants):
            continue
        p.participants.append(Participation(host, "partner", p.evidence, rule="sentence"))
