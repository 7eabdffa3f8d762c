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
from ..text import cue_noun, tokenize
from .context import DocContext
from .funding import sentence_funder, source_marked

_MIN_MEMBERS = 2
_SUBJECT = re.compile(r"\W*(?:\w+\W+)?$")  # at most one word (an article) before the name
_ROLE = {"organiser": "coordinator"}  # a coalition's members take part in its project as partners


def funded_coalitions(ctx: DocContext, coalitions: list[Coalition], projects: list[Project]) -> list[Project]:
    """The projects that the page's funded coalitions are (new ones only)."""
    taken = {name_key(n) for p in projects for n in (p.name, *p.alt_labels)}
    out: list[Project] = []
    sole = len(coalitions) == 1
    for c in coalitions:
        names = [n for n in (c.name, *c.alt_labels) if n]
        if len(c.members) < _MIN_MEMBERS or any(name_key(n) in taken for n in names):
            continue
        named = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                           + r")(?!\w)", re.IGNORECASE)
        for s in ctx.sentences:
            m = named.search(s.line.text)
            bare = False
            given = _given_to(ctx, s, s.line.start + m.start()) if m is not None else None
            if given is not None:
                cue, amount = None, given  # "X has granted N to the Y consortium": the coalition after the sum receives
            else:
                if m is not None and _SUBJECT.match(s.line.text[:m.start()]) is not None:
                    at = s.line.start + m.end()
                elif sole and (noun := _bare_noun(ctx, s)) is not None:
                    at = noun  # "Konsortiet får … från X", "The consortium receives …": the page's one coalition
                    bare = True
                else:
                    continue  # the coalition must be the sentence's subject, not an aside in someone else's grant
                cue = ctx.has_cue([t for t in s.tokens if t.start >= at], "recipient")
                if cue is None or ctx.orgs_in(at, cue.start):
                    continue  # another organisation before the verb: it, not the coalition, may be the one paid
                amount = next(iter(ctx.amounts_in(cue.end, s.line.end)), None)
                if amount is None:
                    continue
            ev = ctx.evidence(s.line.start, s.line.end)
            # "receives N from X": with no verb of funding, the word before the body marks where the money comes from
            funder = sentence_funder(ctx, s) or (next(
                (k for o, k in ctx.orgs_in(cue.end, s.line.end) if source_marked(ctx, o, of_money=True)), None)
                if cue is not None else None)
            if given is not None and funder is None:
                continue  # the giver is the subject of the sentence, or the reading is wrong
            if bare and funder is None:
                continue  # named by a common noun only, a grant without its giver is too weak a reading
            p = Project(name=c.name, alt_labels=set(c.alt_labels), evidence=ev)
            # founders who all organise it lead it jointly, unless the page names one of them its coordinator
            jointly = all(x.role in _ROLE for x in c.members)
            lead = _named_lead(ctx, {x.organisation for x in c.members} - {funder}) if jointly else None
            p.participants = [Participation(x.organisation, "coordinator" if x.organisation == lead else
                                            "partner" if jointly else _ROLE.get(x.role, "partner"), x.evidence,
                                            rule="sentence")
                              for x in c.members + c.partners if x.organisation != funder]
            p.grants = [Grant(funders=[funder] if funder else [], amount=float(amount.value),
                              currency=amount.currency, evidence=ev, rule="sentence")]
            out.append(p)
            break
    return out


def _given_to(ctx: DocContext, s, name_start: int):
    """The sum a sentence with a verb of granting gives to the coalition named at `name_start`, behind the
    language's preposition of a receiver after the sum ("… has granted EUR 4 million to the X consortium"), or None."""
    if ctx.has_cue(s.tokens, "funder") is None:
        return None
    to = set(ctx.lex.words("funded_items", "recipient_prepositions"))
    articles = set(ctx.lex.words("funded_items", "articles"))
    for a in ctx.amounts_in(s.line.start, name_start):
        gap = [t.text.lower() for t in tokenize(ctx.text[a.end:name_start]) if t.is_word]
        if gap and gap[0] in to and all(x in articles for x in gap[1:]) and ctx.text[a.end:name_start].strip(" ,"):
            return a
    return None


def _bare_noun(ctx: DocContext, s) -> int | None:
    """The end of a cooperation noun that opens the sentence as its subject, after at most an article
    ("Konsortiet …", "The consortium …", "Konsortio …"), or None."""
    words = [t for t in s.tokens if t.is_word][:2]
    articles = set(ctx.lex.words("funded_items", "articles"))
    if len(words) == 2 and words[0].text.lower() in articles:
        words = words[1:]
    if words and words[0].start - s.line.start <= len(s.line.text) - len(s.line.text.lstrip()) + 4 \
            and cue_noun(words[0].text.lower(), ctx.lex.cue("coalition"), ctx.lang):
        return words[0].end
    return None


def _named_lead(ctx: DocContext, members: set[str]) -> str | None:
    """The one member a sentence with a coordination cue names ("Samordnare är X", "X coordinates the work")."""
    for s in ctx.sentences:
        if ctx.has_cue(s.tokens, "coordinator") is None:
            continue
        named = {k for _, k in ctx.orgs_in(s.line.start, s.line.end) if k in members}
        if len(named) == 1:
            return next(iter(named))
    return None
