"""A coalition that receives money is also a project: a consortium or an alliance granted a sum for some years
is the funded undertaking the gold (and a reader) counts, and its members are the ones who carry it out.

The construction: a sentence names the coalition (its name or an alias, as a whole word), then a receiving cue
(the lexicon's `recipient` cues: "receives", "has been granted"), then an amount. The coalition becomes a project
of the same name, its members partners, its organisers coordinators; the amount is the project's grant, paid by
the sentence's funder if it names one. A coalition already named as a project, or with fewer than two members,
is left as it is: without members there is nobody the project would add.
"""
from __future__ import annotations

import re

from ..model import Coalition, Grant, Participation, Project
from ..resolve import name_key
from .context import DocContext
from .funding import sentence_funder, source_marked

_MIN_MEMBERS = 2
_SUBJECT = re.compile(r"\W*(?:\w+\W+)?$")  # at most one word (an article) before the name
_ROLE = {"organiser": "coordinator"}  # a coalition's members take part in its project as partners


def funded_coalitions(ctx: DocContext, coalitions: list[Coalition], projects: list[Project]) -> list[Project]:
    """The projects that the page's funded coalitions are (new ones only)."""
    taken = {name_key(n) for p in projects for n in (p.name, *p.alt_labels)}
    out: list[Project] = []
    for c in coalitions:
        names = [n for n in (c.name, *c.alt_labels) if n]
        if len(c.members) < _MIN_MEMBERS or any(name_key(n) in taken for n in names):
            continue
        named = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                           + r")(?!\w)", re.IGNORECASE)
        for s in ctx.sentences:
            m = named.search(s.line.text)
            if m is None or _SUBJECT.match(s.line.text[:m.start()]) is None:
                continue  # the coalition must be the sentence's subject, not an aside in someone else's grant
            at = s.line.start + m.end()
            cue = ctx.has_cue([t for t in s.tokens if t.start >= at], "recipient")
            if cue is None or ctx.orgs_in(at, cue.start):
                continue  # another organisation before the verb: it, not the coalition, may be the one paid
            amount = next(iter(ctx.amounts_in(cue.end, s.line.end)), None)
            if amount is None:
                continue
            ev = ctx.evidence(s.line.start, s.line.end)
            # "receives N from X": with no verb of funding, the word before the body marks where the money comes from
            funder = sentence_funder(ctx, s) or next(
                (k for o, k in ctx.orgs_in(cue.end, s.line.end) if source_marked(ctx, o, of_money=True)), None)
            p = Project(name=c.name, alt_labels=set(c.alt_labels), evidence=ev)
            p.participants = [Participation(x.organisation, _ROLE.get(x.role, "partner"), x.evidence, rule="sentence")
                              for x in c.members if x.organisation != funder]
            p.participants += _listed_partners(ctx, projects, {x.organisation for x in p.participants} | {funder})
            p.grants = [Grant(funders=[funder] if funder else [], amount=float(amount.value),
                              currency=amount.currency, evidence=ev, rule="sentence")]
            out.append(p)
            break
    return out


def _listed_partners(ctx: DocContext, projects: list[Project], taken: set) -> list[Participation]:
    """The bodies of a partners list on the page that no other project takes: they work with the coalition
    on what it was granted, though not members of it."""
    others = {x.organisation for p in projects for x in p.participants}
    out: list[Participation] = []
    for it in ctx.items:
        k = ctx.key_of(it.mention)
        if it.block_cue != "partners" or it.role == "none" or k is None or k in taken or k in others:
            continue
        taken.add(k)
        out.append(Participation(k, "coordinator" if it.role == "coordinator" else "partner",
                                 ctx.evidence(it.line.start, it.line.end), rule="list"))
    return out

