"""Awards and their recipients ("Espoon kaupunki on palkittu … Oppiva-kaupunki palkinnolla", "Hyvä opettaja
-palkinnon saivat …", "priset gick till generalsekreterare Jyrki Ijäs", "Cecilia Johansson … lärarpriset
Guldäpplet")."""
from __future__ import annotations

import re

from ..model import AwardConferral
from ..resolve import name_key
from ..text import lemma
from .context import DocContext


def _award_word(word: str, ctx: DocContext) -> bool:
    low = word.lower().lstrip("-–")
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    lem = lemma(low, ctx.lang).lower()
    return any(low.startswith(c) or lem.startswith(c) or (len(c) >= 4 and (low.endswith(c) or lem.endswith(c)
               or c in low)) for c in ctx.lex.cue("award"))


def _award_name(ctx: DocContext, toks, i) -> tuple[str, int, int] | None:
    """The name of the award whose head word is toks[i]."""
    t = toks[i]
    j = i
    if t.text.startswith(("-", "–")) or (j > 0 and t.start == toks[j - 1].end and toks[j - 1].text.endswith("-")):
        # "Hyvä opettaja -palkinto", "Vuoden ope -tunnustus": the name is written before the head
        j = i - 1
        while j > 0 and toks[j - 1].is_word and i - j < 5 and not toks[j].is_cap:
            j -= 1
    else:
        while j > 0 and toks[j - 1].is_word and toks[j - 1].is_cap and i - j < 4:
            j -= 1
    k = i
    # "lärarpriset Guldäpplet": a name after a generic prize word
    if k + 1 < len(toks) and toks[k + 1].is_word and toks[k + 1].is_cap and _award_word(toks[k + 1].text, ctx):
        k += 1
    name = ctx.text[toks[j].start:toks[k].end]
    head = toks[k].text
    lem = lemma(head.lstrip("-–").split("-")[-1], ctx.lang)
    if ctx.lang == "fi" and lem.lower() != head.lower().lstrip("-–").split("-")[-1]:
        name = name[: len(name) - len(head.split("-")[-1])] + lem
    if len(name.split()) == 1 and not toks[j].is_cap and j == i:
        return None  # a generic "palkinto" / "priset": not a name
    return name.strip(" –-"), toks[j].start, toks[k].end


def extract_awards(ctx: DocContext) -> list[AwardConferral]:
    out: list[AwardConferral] = []
    seen: set[tuple[str, str]] = set()
    last_award = None
    for s in ctx.sentences:
        toks = s.tokens
        names = []
        for i, t in enumerate(toks):
            if t.is_word and _award_word(t.text, ctx):
                n = _award_name(ctx, toks, i)
                if n:
                    names.append(n)
        awarded = ctx.has_cue(toks, "awarded") or ctx.has_cue(toks, "recipient")
        if names:
            last_award = names[0]
        if not awarded:
            continue
        award = names[0] if names else last_award
        if award is None:
            continue
        name, a0, a1 = award
        # the donor: an organisation in the genitive right before the award name ("SFV:s kulturpris", "UNESCOn …")
        by = None
        for m, k in ctx.orgs_in(s.line.start, s.line.end):
            if m.end <= a0 and a0 - m.end <= 2:
                by = k
        people = [p for p in ctx.people if s.line.start <= p.start < s.line.end]
        recipients: list[tuple[str, str]] = [(p.name, "person") for p in people]
        if not recipients:
            for m, k in ctx.orgs_in(s.line.start, s.line.end):
                if k != by and not (a0 <= m.start < a1):
                    recipients.append((k, "organisation"))
                    break
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
