"""Awards and their recipients ("Espoon kaupunki on palkittu … Oppiva-kaupunki palkinnolla", "Hyvä opettaja
-palkinnon saivat …", "I år gick priset till generalsekreterare Jyrki Ijäs", "… fick SFV:s stora pris").

An award is named by a prize word (the `award` cues: "palkinto", "pris", "award", compounds included) with the
words that make it particular: a name before a detached head ("Hyvä opettaja -palkinto"), the donor in the
genitive with an adjective ("SFV:s stora pris"), or a proper name after a generic prize word ("lärarpriset
Guldäpplet"). A sentence that names no award but says it was given ("gick priset till …") refers to the award
of the sentences just before it.
"""
from __future__ import annotations

import re

from ..model import AwardConferral
from ..resolve import name_key
from ..text import lemma
from .context import DocContext
from .funding import source_marked

_REFERS_BACK = 2
_ARTICLES = {"the", "a", "an", "this", "that", "tämä", "denna", "detta"}  # sentences after an award's name in which "the prize" still means it


def _award_word(word: str, ctx: DocContext) -> bool:
    low = word.lower().lstrip("-–")
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    lem = lemma(low, ctx.lang).lower()
    return any(low.startswith(c) or lem.startswith(c) or (len(c) >= 4 and (low.endswith(c) or lem.endswith(c)))
               for c in ctx.lex.cue("award"))


def _generic(word: str, ctx: DocContext) -> bool:
    """A bare prize word ("palkinto", "priset", "the award") names no award."""
    low = word.lower().lstrip("-–")
    lem = lemma(low, ctx.lang).lower()
    return low in ctx.lex.cue("award") or lem in ctx.lex.cue("award")


def _award_name(ctx: DocContext, toks, i) -> tuple[str, int, int] | None:
    """The name of the award whose head word is toks[i]: (name, start, end)."""
    t = toks[i]
    j = i
    if t.text.startswith(("-", "–")) or (j > 0 and t.start == toks[j - 1].end and toks[j - 1].text.endswith("-")):
        # "Hyvä opettaja -palkinto", "Vuoden ope -tunnustus": the name is written before the detached head
        j = i - 1
        while j > 0 and toks[j - 1].is_word and i - j < 5 and not toks[j].is_cap:
            j -= 1
    else:
        while j > 0 and toks[j - 1].is_word and toks[j - 1].is_cap and i - j < 4 \
                and toks[j - 1].text.lower() not in _ARTICLES:
            j -= 1
        # "SFV:s stora pris", "Svenska kulturfondens pris": the donor in the genitive (and an adjective) before
        # a generic head
        if j == i and i >= 2 and not toks[i - 1].is_cap and toks[i - 1].is_word and toks[i - 2].is_word \
                and re.search(r"(?::s|:n|s|n)$", toks[i - 2].text) and lemma(toks[i - 2].text, ctx.lang) != toks[i - 2].text:
            j = i - 2  # "juryns särskilda pris"
        elif j == i and i >= 1 and toks[i - 1].is_word and re.search(r"(?::s|:n|s|n)$", toks[i - 1].text) \
                and (toks[i - 1].is_cap or ctx.in_mention(toks[i - 1].start)):
            j = i - 1
            while j > 0 and toks[j - 1].is_word and toks[j - 1].is_cap and i - j < 4:
                j -= 1
    k = i
    # "lärarpriset Guldäpplet", "Skolutvecklingspriset Gyllene Pennan", "priset Årets skolledare 2023": a
    # proper name after a prize word
    while k + 1 < len(toks) and toks[k + 1].is_word and toks[k + 1].is_cap and not toks[k + 1].is_upper \
            and k - i < 3 and not any(p.start <= toks[k + 1].start < p.end for p in ctx.people) \
            and not ctx.in_mention(toks[k + 1].start):
        k += 1
        if k + 1 < len(toks) and toks[k + 1].is_word and not toks[k + 1].is_cap and _award_word(toks[k + 1].text, ctx) is False \
                and k + 2 < len(toks) and re.fullmatch(r"(?:19|20)\d\d\.?", toks[k + 2].text):
            k += 1  # "Årets skolledare 2023"
    if k > i and k + 1 < len(toks) and re.fullmatch(r"(?:19|20)\d\d\.?", toks[k + 1].text):
        k += 1
    if j == k and (_generic(toks[k].text, ctx) or not toks[k].is_cap):
        return None  # "Palkinto", "priset": a prize word alone
    name = ctx.text[toks[j].start:toks[k].end]
    head = toks[k].text
    last = head.lstrip("-–").split("-")[-1]
    lem = lemma(last, ctx.lang)
    if ctx.lang == "fi" and lem.lower() != last.lower() and lem[:1].islower():
        name = name[: len(name) - len(last)] + lem
    name = re.sub(r"^(?:The|the|A|An)\s+", "", name.strip(" –-.,"))  # "The Teaching Excellence Award"
    return name, toks[j].start, toks[k].end


def extract_awards(ctx: DocContext) -> list[AwardConferral]:
    out: list[AwardConferral] = []
    seen: set[tuple[str, str]] = set()
    last_award, last_at = None, -99
    speech = set(ctx.lex.section("cues").get("speech", ()))
    for n, s in enumerate(ctx.sentences):
        toks = s.tokens
        names = []
        for i, t in enumerate(toks):
            if t.is_word and _award_word(t.text, ctx):
                found = _award_name(ctx, toks, i)
                if found:
                    names.append(found)
        if names:
            last_award, last_at = names[0], n
        awarded = ctx.has_cue(toks, "awarded") or ctx.has_cue(toks, "recipient")
        award = names[0] if names else (last_award if n - last_at <= _REFERS_BACK else None)
        if award is None:
            continue
        name, a0, a1 = award
        by = None
        for m, k in ctx.orgs_in(s.line.start, s.line.end):
            if m.end <= a0 and a0 - m.end <= 2 or m.start == a0 and m.end < a1:
                # the donor, in the genitive before or at the start of the name ("SFV:s kulturpris",
                # "UNESCOn …", "Svenska kulturfondens pris")
                by = k
        recipients = _recipients(ctx, s, a0, a1, by, speech) if awarded else []
        if not recipients and names and s.line.start == _line_start(ctx, s.line.start) and not awarded:
            recipients = _person_on_line_before(ctx, s.line.start)  # "Name\nVuoden ope -tunnustus …"
        for rec, kind in recipients:
            key = (name_key(name), rec)
            if key in seen:
                continue
            seen.add(key)
            dates = [d for d in ctx.dates_in(s.line.start, s.line.end) if len(d.value) == 10]
            out.append(AwardConferral(award=name, recipient=rec, recipient_kind=kind, by=by,
                                      date=dates[0].value if dates else None,
                                      evidence=ctx.evidence(s.line.start, s.line.end)))
    return out


def _recipients(ctx: DocContext, s, a0: int, a1: int, by: str | None, speech: set[str]) -> list[tuple[str, str]]:
    """The people of the sentence, except those quoted ("sa … ordförande X"); else the organisation
    standing right next to the verb of awarding ("Espoon kaupunki on palkittu")."""
    people = [p for p in ctx.people if s.line.start <= p.start < s.line.end and not _quoted(ctx, p, speech)]
    if people:
        return [(p.name, "person") for p in people]
    verb = ctx.has_cue(s.tokens, "awarded") or ctx.has_cue(s.tokens, "recipient")
    for m, k in ctx.orgs_in(s.line.start, s.line.end):
        if k == by or a0 <= m.start < a1:
            continue
        if ctx.lang == "fi" and m.surface != m.base:
            continue  # "Tampereen yliopiston opettajaa palkittiin": an inflected name is not the one awarded
        if source_marked(ctx, m):
            continue  # "presented by the European Commission": the giver
        between = ctx.text[min(m.end, verb.start):max(m.start, verb.end)]
        if len(between.split()) <= 3:
            return [(k, "organisation")]
    return []


def _quoted(ctx: DocContext, p, speech: set[str]) -> bool:
    before = ctx.text[max(0, p.start - 60):p.start].lower().split()
    return any(w.strip(",.") in speech for w in before[-4:])


def _line_start(ctx: DocContext, pos: int) -> int:
    return ctx.text.rfind("\n", 0, pos) + 1


def _person_on_line_before(ctx: DocContext, pos: int) -> list[tuple[str, str]]:
    end = ctx.text.rfind("\n", 0, pos)
    if end <= 0:
        return []
    start = ctx.text.rfind("\n", 0, end) + 1
    people = [p for p in ctx.people if start <= p.start < end]
    return [(people[0].name, "person")] if len(people) == 1 else []
