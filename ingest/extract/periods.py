"""A period stated once for all the projects of a page: a release lists several grants, then says in a
sentence of its own that the projects (in the plural) start, run or end at some time. The gold convention
gives every grant of the release that period, and so does this step, to the projects that got no date of
their own.

The sentence must open with the plural of a project noun (the lexicon's [shared_period] subject_plurals, as a
word ending: compounds count), name no project of the page, and hold a date. A range gives start and end; a
single date is a start or an end by the verb stem before it (start_stems / end_stems); with neither, it is
not used.

A page about one project (or one consortium granted money) gives its period in a fact box's period field
instead ("Duration: …"); a plural sentence there speaks of other projects than the page's one.
"""
from __future__ import annotations

import re

from ..model import Project
from .context import DocContext

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SUBJECT_WORDS = 3  # an article and an adjective may come before the noun ("the funded projects")


def shared_period(ctx: DocContext, projects: list[Project]) -> tuple[str | None, str | None]:
    """The period the page states for its projects together, as (start, end); (None, None) if none."""
    named = [p.name.lower() for p in projects]
    sec = ctx.lex.section("shared_period")
    plurals = tuple(sec.get("subject_plurals", ()))
    if not plurals:
        return None, None
    starts, ends = tuple(sec.get("start_stems", ())), tuple(sec.get("end_stems", ()))
    for s in ctx.sentences:
        words = [w.group().lower() for w in _WORD.finditer(s.line.text)][:_SUBJECT_WORDS]
        if not any(w.endswith(plurals) for w in words):
            continue
        dates = ctx.dates_in(s.line.start, s.line.end)
        low = s.line.text.lower()
        if not dates or ctx.mentions_starting(s.line.start, s.line.end) or any(n in low for n in named):
            continue  # an organisation or a project in it: the sentence speaks of one grant, not of all
        start = end = None
        for d in dates:
            if of_a_programme(ctx, s.line.start, d):
                continue  # "… from the X programme for 2025–2027": the programme's period, not the projects'
            if d.is_range:
                return d.value, d.end_value
            before = ctx.text[s.line.start:d.start].lower()
            if _deadline(before, sec.get("deadline_words", ())):
                continue  # a date after "by" or "senast": a deadline for the projects, not when they run
            stem = _last_stem(before, starts, ends)
            if stem == "start" and start is None:
                start = d.value
            elif stem == "end" and end is None:
                end = d.value
        if start or end:
            return start, end
    return None, None


def of_a_programme(ctx: DocContext, line_start: int, d) -> bool:
    """Whether a programme word (lexicon [shared_period] programme_prefixes) stands right before a date or right
    after it ("the X programme for 2021–2027", "ohjelmakaudella 2021–2027", "Suomi 2021–2027 -ohjelma")."""
    prefixes = tuple(ctx.lex.section("shared_period").get("programme_prefixes", ()))
    before = [w.lower() for w in _WORD.findall(ctx.text[line_start:d.start])][-3:]
    after = [w.lower() for w in _WORD.findall(ctx.text[d.end:d.end + 30])][:1]
    return bool(prefixes) and any(w.startswith(prefixes) for w in before + after)


def _deadline(before: str, words) -> bool:
    """Whether a date comes right after a word of deadlines ("by", "no later than", "senast")."""
    tail = " ".join(_WORD.findall(before)[-4:])
    return any(tail == w or tail.endswith(" " + w) for w in words)


def _last_stem(before: str, starts: tuple[str, ...], ends: tuple[str, ...]) -> str | None:
    """Whether the verb nearest before a date is one of starting or of ending."""
    for w in reversed(_WORD.findall(before)):
        if w.startswith(starts):
            return "start"
        if w.startswith(ends):
            return "end"
    return None


def own_period(ctx: DocContext) -> tuple[str | None, str | None]:
    """The period of a page's only project: the range in the page's period field ("Duration: …", "Hankeaika:
    …"), which a fact box gives for the one undertaking the page is about (a consortium granted money too)."""
    for f in ctx.fields:
        if f.name == "period":
            for v in f.values:
                for d in ctx.dates_in(v.start, v.end):
                    if d.is_range:
                        return d.value, d.end_value
    return None, None


def give_shared_period(ctx: DocContext, projects: list[Project]) -> None:
    """Every project without a date of its own takes the page's shared period; a page's only project, the
    period the page says of it (a plural there speaks of other projects than the page's one)."""
    undated = [p for p in projects if p.start is None and p.end is None]
    if not undated:
        return
    start, end = own_period(ctx) if len(projects) == 1 else shared_period(ctx, projects)
    if start is None and end is None and len([f for f in ctx.fields if f.name == "period"]) == 1:
        # "Funding period: …" said once on a page of grants: the period of each, unless a grant has a period of
        # its own (then the field is that one's)
        field = own_period(ctx)
        blank = {id(p) for p in undated}
        if all((p.start, p.end) == field for p in projects if id(p) not in blank):
            start, end = field
    for p in undated:
        p.start, p.end = start, end
