"""Coalitions and networks with their members and organisers.

A coalition is named by a network word ("verkosto", "koalition", "alliance") — as the head of an organisation
name ("Biodiversiteettikoulutusverkosto", "LUMA-keskus Suomi … verkostona") or as a phrase ("en koalition för
jämlik och fullgången skola") — and its members come from a member list under it or from sentences with a
member cue ("… kuuluvat", "består av", "Members of").
"""
from __future__ import annotations

import re

from ..model import Coalition, Participation
from ..resolve import name_key
from ..text import lemma
from .context import DocContext


def _coalition_word(word: str, ctx: DocContext) -> bool:
    low = word.lower().lstrip("-")
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    lem = lemma(low, ctx.lang).lower()
    return any(low.startswith(c) or lem.startswith(c) or low.endswith(c) or lem.endswith(c) for c in ctx.lex.cue("coalition"))


def extract_coalitions(ctx: DocContext, project_names: set[str]) -> list[Coalition]:
    found: dict[str, Coalition] = {}
    order: list[tuple[int, Coalition]] = []

    def coalition(name: str, pos: int, end: int) -> Coalition:
        name = re.sub(r"\s+", " ", name).strip(" .,:")
        long_name, acronym = _spelled_out(ctx, name)
        if long_name:
            name = long_name
        # "Koalitionen för …" and "koalition för …" are one coalition: compare the words' lemmas
        k = " ".join(lemma(w, ctx.lang).lower() for w in name_key(name).split())
        for ck, c in found.items():
            if ck == k or k in {name_key(a) for a in c.alt_labels} or (len(k) > 4 and (k in ck or ck in k)):
                return c
        c = Coalition(name=name, evidence=ctx.evidence(pos, end))
        if acronym:
            c.alt_labels.add(acronym)
        found[k] = c
        order.append((pos, c))
        return c

    # 1. networks named like organisations; 2. "koalition för …" phrases
    for m in ctx.mentions:
        org = ctx.orgs.get(ctx.key_of(m) or "")
        if org is not None and org.type == "network" and any(_coalition_word(w, ctx) for w in m.base.split()) \
                and m.source not in ("acronym",):
            coalition(org.name, m.start, m.end)
    for s in ctx.sentences:
        toks = s.tokens
        for i, t in enumerate(toks):
            if not t.is_word or not _coalition_word(t.text, ctx):
                continue
            named = (t.is_cap and i > 0) or (i > 0 and toks[i - 1].text.lower() in ("en", "ett", "a", "an", "yksi"))
            if ctx.in_mention(t.start):
                continue  # "Nordic Network for Adult Learning": an organisation's name, taken whole above
            if named and i + 1 < len(toks) and toks[i + 1].text.lower() in ("för", "for", "of") and i + 2 < len(toks):
                # "en koalition för jämlik och fullgången skola"
                j = i + 2
                while j < len(toks) and toks[j].is_word and j - i < 9 and not _verbish(toks[j].text, ctx):
                    j += 1
                name = ctx.text[t.start:toks[j - 1].end]
                if j - i >= 3:
                    coalition(name[:1].upper() + name[1:], t.start, toks[j - 1].end)
    # the subject of the sentence that introduces a member list ("LUMA-keskus Suomi toimii … verkostona, johon
    # kuuluu …:") is the coalition
    member_lists = {it.line.start for it in ctx.items if it.block_cue == "members"}
    for s in ctx.sentences:
        if not (ctx.has_cue(s.tokens, "coalition") and ctx.has_cue(s.tokens, "member")):
            continue
        follows = [p for p in member_lists if 0 < p - s.line.end <= 12 and not ctx.text[s.line.end:p].strip(" \n\t:•-–0123456789.)")]
        orgs = ctx.orgs_in(s.line.start, s.line.end)
        if follows and orgs and orgs[0][0].start - s.line.start < 5:
            org = ctx.orgs[orgs[0][1]]
            coalition(org.name, orgs[0][0].start, orgs[0][0].end)
    coalitions = [c for _, c in sorted(order, key=lambda x: x[0]) if name_key(c.name) not in project_names]
    if not coalitions:
        return []
    _members(ctx, coalitions, order)
    _members_named_with(ctx, coalitions)
    return [c for c in coalitions if c.members]


def _spelled_out(ctx: DocContext, name: str) -> tuple[str | None, str | None]:
    """"EC2U alliance" where the page writes "The European Campus of City-Universities (EC2U)": the
    coalition's name is the spelled-out one, its acronym an alternative."""
    m = re.search(r"\b([A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,7})\b", name)
    if not m:
        return None, None
    acr = m.group(1)
    # the answer depends on the acronym and the text only: one search of a long text per acronym
    key = ("spelled out", acr)
    if key not in ctx.memo:
        ctx.memo[key] = _spelled_out_acronym(ctx, acr)
    return ctx.memo[key]


def _spelled_out_acronym(ctx: DocContext, acr: str) -> tuple[str | None, str | None]:
    for d in re.finditer(r"((?:[A-ZÅÄÖ][\w’'-]*|of|for|and|the|för|och)(?:[ \t]+(?:[A-ZÅÄÖ][\w’'-]*|of|for|and|the|för|och)){1,9})[ \t]*\([ \t]*"
                         + re.escape(acr) + r"[ \t]*\)", ctx.text):
        tokens = d.group(1).split()
        letters = [c for c in acr if c.isalpha()]
        # the spelled-out name starts at the word that gives the acronym its first letter
        for i, w in enumerate(tokens):
            if w[:1].upper() != letters[0] or not w[:1].isupper():
                continue
            full = " ".join(tokens[i:])
            initials = "".join(x[0] for x in re.split(r"[\s-]+", full) if x[:1].isupper()).upper()
            if all(c in initials for c in letters):
                return full, acr
    return None, None


def _verbish(word: str, ctx: DocContext) -> bool:
    """Where a coalition's name ends: the verb or relative word after it ("… skola är", "… som", "joka")."""
    return word.lower() in ("är", "on", "is", "som", "joka", "which", "that")


def _nearest(order, pos):
    best = None
    for p, c in sorted(order, key=lambda x: x[0]):
        if p <= pos:
            best = c
    return best or (sorted(order, key=lambda x: x[0])[0][1] if order else None)


def _members(ctx: DocContext, coalitions, order) -> None:
    # member lists
    for it in ctx.items:
        if it.block_cue == "members" and it.role != "none":
            c = _nearest(order, it.line.start)
            k = ctx.key_of(it.mention)
            own = {name_key(c.name)} | {name_key(a) for a in c.alt_labels}
            if c is not None and k and not any(o and o in name_key(ctx.orgs[k].name) for o in own):
                role = "organiser" if it.role == "coordinator" else "member"
                _add(c, k, role, ctx.evidence(it.line.start, it.line.end))
    # sentences: organisers ("X och Y har skapat en koalition", "järjestää") and members
    for n, s in enumerate(ctx.sentences):
        coal_cue = ctx.has_cue(s.tokens, "coalition")
        if coal_cue is None:
            # "… Network for Adult Learning brings together … Its members include …": a member sentence right
            # after the coalition's
            prev = ctx.sentences[max(0, n - 2):n]
            named_before = any(e.start < s.line.start and any(p.line.start <= e.start < p.line.end for p in prev)
                               for _, c_ in order for e in ([c_.evidence] if c_.evidence else []))
            if not (named_before and ctx.has_cue(s.tokens, "member")):
                continue
            coal_cue = s.tokens[0]
        c = _nearest(order, s.line.start)
        if c is None:
            continue
        orgs = [(m, k) for m, k in ctx.orgs_in(s.line.start, s.line.end) if name_key(ctx.orgs[k].name) != name_key(c.name)]
        ev = ctx.evidence(s.line.start, s.line.end)
        low = s.line.text.lower()
        if re.search(r"\b(skapat|grundat|bildat|perusta|perustivat|founded|established|created|initiated|startat|käynnist)", low) \
                or ctx.has_cue(s.tokens, "organiser"):
            for m, k in orgs:
                if m.end <= coal_cue.start:
                    _add(c, k, "organiser", ev)
        elif ctx.has_cue(s.tokens, "member"):
            for m, k in orgs:
                _add(c, k, "member", ev)


_MEMBER_TYPES = {"university", "school", "vocational_institution", "research_institute", "municipality", "ngo", "company"}


def _members_named_with(ctx: DocContext, coalitions) -> None:
    """"Biodiversiteettikoulutusverkoston kautta Itä-Suomen, Oulun … yliopistojen opiskelijat …": institutions
    listed together in the sentence that names a network are its members (unless money is changing hands)."""
    for c in coalitions:
        key = name_key(c.name)
        for s in ctx.sentences:
            orgs = ctx.orgs_in(s.line.start, s.line.end)
            if not any(name_key(ctx.orgs[k].name) == key for m, k in orgs):
                continue
            if ctx.has_cue(s.tokens, "funder") or ctx.has_cue(s.tokens, "coordinator"):
                continue
            others = [k for m, k in orgs if name_key(ctx.orgs[k].name) != key and ctx.orgs[k].type in _MEMBER_TYPES]
            if len(set(others)) >= 2:
                for k in dict.fromkeys(others):
                    _add(c, k, "member", ctx.evidence(s.line.start, s.line.end))


def _add(c: Coalition, key: str, role: str, ev) -> None:
    for p in c.members:
        if p.organisation == key:
            if role == "organiser":
                p.role = "organiser"
            return
    c.members.append(Participation(key, role, ev))
