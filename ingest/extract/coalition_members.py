"""Coalitions named by a brand and a cooperation noun, and their members read from the sentences and lists that
follow a coalition's mention.

A coalition is often named by a brand or an acronym joined to a cooperation noun ("the XYZ alliance",
"XYZ-verkosto", "Xyzalliansen"); later sentences point back to it by the bare noun ("the network",
"verkostossa", "nätverket") or a pronoun. Its members are the organisations of a sentence about it that
carries a member word ("members are …", "between A, B and C", "kuuluvat"), or the organisation lines of a list
opened by a line about it that ends in a colon ("… our members are:"), person lines in between notwithstanding.
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Callable

from ..lexicon import every_language, lexicon
from ..model import Coalition, Evidence
from ..resolve import gazetteer, name_key
from ..text import BULLET_RE, Token, cue_noun, is_known, lemma
from .actors import mentions_cooperation
from .context import DocContext, phrase_start
from .lists import country_keys
from .names import ACRONYM, base_form, mixed_case_brand

# How far back a bare "the network" or "it" may point to the coalition named before it.
_LOOKBACK_SENTENCES = 4
_LOOKBACK_CHARS = 3000
# Lines a member list may run over, person lines under each member included.
_LIST_LINES = 80


def _nouns(ctx: DocContext) -> tuple[str, ...]:
    return tuple(ctx.lex.words("coalition", "nouns"))


@cache
def noun_end(lang: str) -> re.Pattern:
    """A word form ending in one of the language's cooperation nouns."""
    nouns = sorted(lexicon(lang).words("coalition", "nouns"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, nouns)) + ")$") if nouns else re.compile(r"(?!)")


def brand_names(ctx: DocContext) -> list[tuple[int, int, str, str | None]]:
    """(start, end, name, other name) of coalitions named by a brand and a cooperation noun: a compound
    ("XYZ-verkosto", "Xyznätverket") or a brand before the noun ("the XYZ alliance": named "XYZ")."""
    # an alliance term's first word by its stem, whatever its inflection ("eurooppalaiseen")
    if not mentions_cooperation(ctx.text, ctx.lang) \
            and not any(t[0][:6] in ctx.text.lower() for t in _alliance_terms(ctx.lang)):
        return []
    nouns = set(_nouns(ctx))
    end = noun_end(ctx.lang)
    gz = gazetteer()
    out = []
    for s in ctx.sentences:
        toks = s.tokens
        for i, t in enumerate(toks):
            if not t.is_word:
                continue
            low = t.text.lower()
            lem = lemma(low, ctx.lang).lower()
            if t.text.startswith("-") and (low[1:] in nouns or lemma(low[1:], ctx.lang).lower() in nouns):
                # "Xyzin abc -verkosto": a name of several words joined to the noun by a hyphen after a space
                start = _hyphened_name_start(ctx, toks, i)
                if start is not None:
                    name = ctx.text[start.start:toks[i - 1].end]
                    out.append((start.start, t.end, ctx.text[start.start:t.end], name))
                continue
            if low in nouns or lem in nouns:
                after = _acronym_after(ctx, toks, i)
                brand = toks[i - 1] if i > 0 else None
                run = _capitalised_run(ctx, toks, i) if not t.is_cap else None
                if brand is not None and brand.is_word and _is_brand(brand, i - 1, ctx):
                    out.append((brand.start, t.end, brand.text, f"{brand.text} {t.text}"))
                elif run is not None:  # "the Xyz Valley partnership": a name of several words before the noun
                    name = ctx.text[run.start:toks[i - 1].end]
                    out.append((run.start, t.end, name, f"{name} {t.text}"))
                elif after is not None:
                    out.append((t.start, after.end, after.text, f"{t.text} {after.text}"))  # "nätverket XYZ"
                continue
            if not t.is_cap and _ends_alliance_term(ctx, toks, i) and (after := _acronym_after(ctx, toks, i)) is not None:
                # "eurooppalaiseen yliopistoon XYZ": the programme's term before a brand names the alliance
                out.append((t.start, after.end, after.text, None))
                continue
            if not t.is_cap:
                if (end.search(lem) or end.search(low)) and (after := _acronym_after(ctx, toks, i)) is not None:
                    # "yliopistoallianssi XYZ", "skolnätverket XYZ": a compound of a cooperation noun before an
                    # acronym, as the bare noun is ("eurooppalainen yliopistoallianssi XYZ", the fi/sv form of
                    # the programme's term)
                    out.append((t.start, after.end, after.text, f"{t.text} {after.text}"))
                continue
            found = end.search(lem) or end.search(low)
            if found is None:
                continue
            hit = found.group()
            cut = (lem if lem.endswith(hit) else low)[: -len(hit)]
            prefix = t.text[: len(cut)].rstrip("-")
            if len(prefix) < 3:
                continue
            if "-" in t.text[: len(cut) + 1]:
                # "XYZ-verkosto": the part before the hyphen is a brand, not a programme or a country
                if prefix in gz.by_acronym or name_key(prefix) in country_keys() or not (ACRONYM.match(prefix) or prefix[:1].isupper()):
                    continue
            elif generic_compound(t.text, ctx) or (i == 0 and is_known(prefix.lower(), ctx.lang)):
                continue  # "Kumppanuusverkosto …" opening a sentence: a common compound
            out.append((t.start, t.end, base_form([t], ctx.lang), None))
    return out


_HYPHENED_NAME_WORDS = 4


def _hyphened_name_start(ctx: DocContext, toks: list[Token], i: int) -> Token | None:
    """The first word of the name before "-noun": back to the nearest capitalised word, over words only, none
    of them an organisation's or a person's."""
    k = i - 1
    while k >= 0 and i - k <= _HYPHENED_NAME_WORDS and toks[k].is_word \
            and not ctx.in_mention(toks[k].start) and not ctx.person_in(toks[k].start, toks[k].end):
        if toks[k].is_cap:
            # a name capitalised word by word ("Xyz Abc -network") runs back over them all
            while k > 0 and i - k < _HYPHENED_NAME_WORDS and toks[k - 1].is_word and toks[k - 1].is_cap \
                    and not ctx.in_mention(toks[k - 1].start) and not ctx.person_in(toks[k - 1].start, toks[k - 1].end):
                k -= 1
            return toks[k]
        k -= 1
    return None


def _ends_alliance_term(ctx: DocContext, toks: list[Token], i: int) -> bool:
    """The words up to toks[i] are the lexicon's alliance term in some inflection, compared by lemma."""
    for term in _alliance_terms(ctx.lang):
        n = len(term)
        if i + 1 >= n and all(toks[i - n + 1 + k].is_word and lemma(toks[i - n + 1 + k].text.lower(), ctx.lang).lower() == w
                              for k, w in enumerate(term)):
            return True
    return False


@cache
def _alliance_terms(lang: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(lemma(w, lang).lower() for w in t.split())
                 for t in lexicon(lang).words("coalition", "alliance_terms"))


def _capitalised_run(ctx: DocContext, toks: list[Token], i: int) -> Token | None:
    """The first of two or three capitalised words between an article and a lower-case cooperation noun ("the
    Xyz Valley partnership"): the article says the words name one thing, and no organisation has them."""
    articles = {w.lower() for w in every_language("apposition", "organisation_articles")}
    k = i
    while k > 0 and i - k < 3 and toks[k - 1].is_word and toks[k - 1].is_cap \
            and toks[k - 1].text.lower() not in articles:
        k -= 1
    if i - k < 2 or k == 0 or toks[k - 1].text.lower() not in articles:
        return None
    if any(ctx.in_mention(t.start) or ctx.person_in(t.start, t.end) for t in toks[k:i]) \
            or name_key(ctx.text[toks[k].start:toks[i - 1].end]) in country_keys():
        return None
    return toks[k]


def _acronym_after(ctx: DocContext, toks: list[Token], i: int) -> Token | None:
    """An acronym written right after a cooperation noun ("nätverket XYZ", "the network XYZ"): the network's
    name, unless it is an organisation's of its own."""
    if i + 1 >= len(toks):
        return None
    nxt = toks[i + 1]
    if not nxt.is_word or not (ACRONYM.match(nxt.text) or mixed_case_brand(nxt.text)) or ctx.in_mention(nxt.start) or name_key(nxt.text) in country_keys():
        return None
    return nxt


def generic_compound(word: str, ctx: DocContext) -> bool:
    """A cooperation noun compounded with another cooperation noun or a generic first part
    ("kumppanuusverkosto", "samarbetsnätverk"): a kind of network, no name."""
    low = word.lower()
    lem = lemma(low, ctx.lang).lower()
    generic = tuple(_nouns(ctx)) + tuple(ctx.lex.section("cues").get("generic_project_prefixes", ()))
    for n in _nouns(ctx):
        for form in (lem, low):
            if form.endswith(n) and len(form) > len(n):
                prefix = form[: -len(n)].rstrip("-s")
                return any(prefix == g.rstrip("s") for g in generic)
    return False


def _is_brand(tok: Token, i: int, ctx: DocContext) -> bool:
    """An acronym ("XYZ", "EuX2") or a capitalised word the dictionary does not know ("Xyzzia"), not opening
    the sentence — "Nordic" or "European" before "network" is an adjective, no name."""
    if ACRONYM.match(tok.text) or (sum(c.isupper() for c in tok.text) >= 2 and tok.text[:1].isupper()):
        return name_key(tok.text) not in country_keys()
    return i > 0 and tok.is_cap and not is_known(tok.text.lower(), ctx.lang) and not is_known(tok.text, ctx.lang)


class Referents:
    """Which coalition each sentence is about: one it names, or — by a bare cooperation noun, a pronoun, or a
    member word — the one named last before it."""

    def __init__(self, ctx: DocContext, seen: list[tuple[int, int, Coalition]]):
        self.ctx = ctx
        self.seen = seen
        self.starts = [p for p, _, _ in seen]
        self.nouns = _nouns(ctx) + ctx.lex.cue("coalition")
        self.anaphora = set(ctx.lex.words("coalition", "anaphora"))
        self.mention_starts = [m.start for m in ctx.mentions]  # sorted by the context
        self.direct: list[Coalition | None] = []
        for s in ctx.sentences:
            named = [c for p, e, c in seen if s.line.start <= p < s.line.end]
            self.direct.append(named[0] if named else None)
        self._pointer: dict[int, bool] = {}

    def mentions_in(self, start: int, end: int) -> list:
        ms = self.ctx.mentions
        return ms[bisect.bisect_left(self.mention_starts, start):bisect.bisect_left(self.mention_starts, end)]

    def pointer(self, n: int) -> bool:
        """Whether sentence n points to a coalition by a bare cooperation noun or a pronoun."""
        if n not in self._pointer:
            s = self.ctx.sentences[n]
            spans = [(m.start, m.end) for m in self.mentions_in(s.line.start, s.line.end)] \
                + [(p, e) for p, e, _ in self.seen if s.line.start <= p < s.line.end]
            self._pointer[n] = any(
                t.is_word and not any(a <= t.start < b for a, b in spans)
                and (t.text.lower() in self.anaphora or cue_noun(t.text, self.nouns, self.ctx.lang)) for t in s.tokens)
        return self._pointer[n]

    def before(self, pos: int) -> Coalition | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i < 0 or pos - self.seen[i][0] > _LOOKBACK_CHARS:
            return None
        return self.seen[i][2]

    def of(self, n: int, cued: bool, reach: int = _LOOKBACK_SENTENCES) -> Coalition | None:
        """The coalition sentence n is about; `cued`: it carries a member or lead word, so it may continue
        what one of the `reach` sentences before it said about a coalition."""
        if self.direct[n] is not None:
            return self.direct[n]
        s = self.ctx.sentences[n]
        if self.ctx.has_cue(s.tokens, "project"):
            return None  # a sentence about a project: its organisations are the project's
        if self.pointer(n):
            return self.before(s.line.start)
        if cued and any(self.direct[m] is not None or self.pointer(m) for m in range(max(0, n - reach), n)):
            return self.before(s.line.start)
        return None


Add = Callable[[Coalition, str, str, Evidence], None]


def _words(ctx: DocContext, tokens: list[Token], key: str) -> Token | None:
    """The first token that is (a form of) one of the `coalition.<key>` words; several words match the text."""
    words = ctx.lex.words("coalition", key)
    for t in tokens:
        if not t.is_word:
            continue
        low = t.text.lower()
        lem = lemma(low, ctx.lang).lower()
        if any(" " not in w and (low.startswith(w) or lem == w) for w in words):
            return t
    pos = phrase_start(ctx.text, tokens, words)
    return None if pos is None else next((t for t in tokens if t.start >= pos), tokens[-1])


def _others(ctx: DocContext, c: Coalition, start: int, end: int) -> list[tuple[object, str]]:
    own = {name_key(c.name)} | {name_key(a) for a in c.alt_labels}
    out = []
    for m, k in ctx.orgs_in(start, end):
        org = ctx.orgs[k]
        key = name_key(org.name)
        if any(o and (o == key or o in key) for o in own):
            continue
        before = ctx.text[start:m.start]
        if before.count("(") > before.count(")"):
            continue  # "A (host B)": the parenthesis names A's host or place, not another member
        out.append((m, k))
    return out


def members_in_sentences(ctx: DocContext, refs: Referents, add: Add) -> None:
    """Organisations of a sentence about a coalition: members where a member word ties them to it, organisers
    where it names its chair or coordinator or says who founded it."""
    for n, s in enumerate(ctx.sentences):
        if not refs.mentions_in(s.line.start, s.line.end) or refs.before(s.line.end) is None:
            continue  # no organisation to tie, or no coalition named before it
        founded = _words(ctx, s.tokens, "founding_words")
        lead = _words(ctx, s.tokens, "lead_words") or ctx.has_cue(s.tokens, "organiser")
        member = _words(ctx, s.tokens, "member_words") or ctx.has_cue(s.tokens, "member")
        if member is not None and _of_a_board(ctx, s.tokens, member):
            continue  # "its board members include A, lecturer at X, …": people, and X is where they work
        if not (founded or lead or member):
            continue
        if member is not None and _negated(ctx, s.tokens, member):
            continue  # "… stöder nätverket men är inte medlemmar": said not to belong
        c = refs.of(n, cued=True, reach=_LOOKBACK_SENTENCES if member else 1)
        if c is not None and member and refs.direct[n] is c:
            # "Members include A and B, and the work is led by the X Consortium": a network named after the
            # member word is one of the bodies listed, and the members are of the one named before
            named_at = min(p for p, _, x in refs.seen if x is c and s.line.start <= p < s.line.end)
            prior = refs.before(s.line.start - 1) if named_at > member.start else None
            if prior is not None and prior is not c:
                c = prior
        if c is not None and refs.direct[n] is c and ctx.has_cue(s.tokens, "funder"):
            # "the X alliance between A, B and C has been granted …": the bodies the word for "between" lists
            # beside the coalition's name are its members, whoever pays
            ev = ctx.evidence(s.line.start, s.line.end)
            for k in _listed_between(ctx, c, s, refs):
                add(c, k, "member", ev)
            continue
        if c is not None and lead and not member and not founded and ctx.has_cue(s.tokens, "funder") \
                and _owned_role(ctx, s.tokens, lead):
            # "X är nätverkets samordnare och ansvarar för mötena": the coalition's own role noun says who
            # holds it, whatever else the sentence says of money
            ev = ctx.evidence(s.line.start, s.line.end)
            for m, k in _others(ctx, c, s.line.start, lead.start):
                add(c, k, "organiser", ev)
            continue
        if c is None or ctx.has_cue(s.tokens, "funder"):
            continue  # money changing hands: a grant, not a membership
        ev = ctx.evidence(s.line.start, s.line.end)
        orgs = _others(ctx, c, s.line.start, s.line.end)
        if not orgs and member and n > 0:
            # "… between A, B, C and D. The four form the X consortium.": a number standing for the bodies of
            # the sentence before, as many as it says
            orgs = _counted_before(ctx, c, s, ctx.sentences[n - 1])
            if orgs:
                ev = ctx.evidence(ctx.sentences[n - 1].line.start, s.line.end)
        between = _words(ctx, s.tokens, "between_words")
        if between is not None and refs.direct[n] is not c:
            # "… recommended that an alliance be formed between A and B": the members are on the side of "between"
            # that the language puts them on, not whoever recommends it
            after = bool(ctx.lex.section("coalition").get("between_follows", True))
            orgs = [(m, k) for m, k in orgs if (m.start > between.start) == after]
        if founded:
            named_at = next((p for p, _, x in refs.seen if x is c and s.line.start <= p < s.line.end), s.line.end)
            for m, k in orgs:
                if m.end <= named_at:
                    add(c, k, "organiser", ev)
        elif lead and not member:
            for m, k in orgs:
                add(c, k, "organiser", ev)
        elif member:
            for m, k in orgs:
                add(c, k, "member", ev)


def _owned_role(ctx: DocContext, tokens: list[Token], role) -> bool:
    """The role word follows a cooperation noun in the genitive ("nätverkets samordnare", "verkoston
    koordinaattori", "the network's coordinator")."""
    if not isinstance(role, Token):
        return False
    i = next((n for n, t in enumerate(tokens) if t.start == role.start), None)
    if not i or not tokens[i - 1].is_word:
        return False
    owner = re.sub(r"['’]s$", "", tokens[i - 1].text)
    genitive = owner != tokens[i - 1].text or owner.lower().endswith(ctx.lex.genitive_suffixes or ("'s",))
    return genitive and cue_noun(owner, _nouns(ctx) + ctx.lex.cue("coalition"), ctx.lang) is not None


def _listed_between(ctx: DocContext, c: Coalition, s, refs: Referents) -> list[str]:
    """The organisations coordinated on the side of a "between" word that stands right beside the coalition's
    name ("X-samarbetet mellan A, B och C", "A:n, B:n ja C:n välinen X-verkosto"): commas and coordinators only
    between them."""
    between = _words(ctx, s.tokens, "between_words")
    if between is None:
        return []
    named = [(p, e) for p, e, x in refs.seen if x is c and s.line.start <= p < s.line.end]
    after = bool(ctx.lex.section("coalition").get("between_follows", True))
    if not any((0 <= between.start - e <= 2) if after else (0 <= p - between.end <= 2) for p, e in named):
        return []
    joins = {w.lower() for w in ctx.lex.words("organisation", "coordinators")} \
        | {w.lower() for w in ctx.lex.words("apposition", "organisation_articles")}
    orgs = _others(ctx, c, s.line.start, s.line.end)
    run = [(m, k) for m, k in orgs if m.start > between.start] if after \
        else [(m, k) for m, k in reversed(orgs) if m.end <= between.start]
    out, edge = [], between.end if after else between.start
    for m, k in run:
        gap = ctx.text[edge:m.start] if after else ctx.text[m.end:edge]
        words = gap.replace(",", " ").split()
        if out and not gap.strip():
            break  # two names side by side: no list
        if any(w.lower() not in joins for w in words):
            break
        out.append(k)
        edge = m.end if after else m.start
    return out


def _counted_before(ctx: DocContext, c: Coalition, s, prev) -> list[tuple[object, str]]:
    """The bodies of the previous sentence, where this one stands for them by their number ("the four",
    "nämä neljä", "de fyra") and they are that many."""
    numbers = {k.lower(): v for k, v in ctx.lex.section("amounts").get("number_words", {}).items() if " " not in k}
    counts = {numbers[t.text.lower()] for t in s.tokens if t.is_word and t.text.lower() in numbers}
    counts = {n for n in counts if isinstance(n, int) and n >= 2}
    if len(counts) != 1 or prev.line.start == s.line.start and prev.line.end == s.line.end:
        return []
    orgs = list({k: (m, k) for m, k in _others(ctx, c, prev.line.start, prev.line.end)}.values())
    return orgs if len(orgs) == counts.pop() else []


_NEGATION_REACH = 3  # words between a negation and the member word it denies ("eivät ole jäseniä")


def _negated(ctx: DocContext, tokens: list[Token], member) -> bool:
    """A word of negation shortly before the member word."""
    negations = {w.lower() for w in ctx.lex.words("coalition", "negations")}
    if not negations or not isinstance(member, Token):
        return False
    i = next((n for n, t in enumerate(tokens) if t.start == member.start), None)
    if i is None:
        return False
    window = [t.text.lower() for t in tokens[max(0, i - _NEGATION_REACH):i] if t.is_word]
    return any(w in negations for w in window) or any(" " in n and n in " ".join(window) for n in negations)


def _of_a_board(ctx: DocContext, tokens: list[Token], member) -> bool:
    """The member word names members of a governing body ("board members", "hallituksen jäsenet"): the
    sentence lists people, not the bodies that belong to the coalition."""
    boards = tuple(w.lower() for w in ctx.lex.words("person_roles", "governing_bodies"))
    if not boards or not isinstance(member, Token):
        return False
    i = next((n for n, t in enumerate(tokens) if t.start == member.start), None)
    if i is None or i == 0 or not tokens[i - 1].is_word:
        return False
    before = tokens[i - 1].text.lower()
    return before in boards or lemma(before, ctx.lang).lower() in boards


def _member_heading_words() -> frozenset[str]:
    """One-word member nouns of every language ("members", "medlemmar", "jäsenet"): a page in one language
    often heads its member list in another."""
    return frozenset(w for lg in ("fi", "sv", "en") for w in lexicon(lg).words("coalition", "member_words") + lexicon(lg).cue("member")
                     if " " not in w)


def members_listed_after(ctx: DocContext, refs: Referents, add: Add) -> None:
    """"Our members are:" / "Yhteistyökoulut ovat:" / a heading "Members": then one member per line —
    the organisation lines after a line about a coalition that ends in a colon, or after a member heading once a
    coalition is named, skipping the person lines under each."""
    all_lines = ctx.lines
    nouns = _nouns(ctx)
    partner_words = tuple(w.split()[-1] for w in ctx.lex.section("fields").get("partners", ()))
    heading_words = _member_heading_words()
    openers: list[tuple[int, Coalition]] = []
    for n, s in enumerate(ctx.sentences):
        text = s.line.text.strip()
        if not text.endswith(":"):
            heading = len(text.split()) <= 6 and not re.search(r"[.!?,;]$", text) and s.line.text.strip() == all_lines[ctx.line_index(s.line.start)].text.strip()
            if heading and any(t.text.lower() in heading_words for t in s.tokens):
                c = refs.direct[n] or refs.before(s.line.start)
                if c is not None:
                    openers.append((s.line.start, c))
            continue
        c = refs.of(n, cued=bool(_words(ctx, s.tokens, "member_words") or ctx.has_cue(s.tokens, "member")))
        if c is None:
            # "Yhteistyökoulut ovat:" — the members named by a compound with a cooperation noun ("collaboration
            # schools"), not the partners of a project ("yhteistyökumppanit")
            compound = any(t.is_word and any(n_ in t.text.lower() for n_ in nouns)
                           and not lemma(t.text.lower(), ctx.lang).lower().endswith(partner_words) for t in s.tokens)
            c = refs.before(s.line.start) if compound and not ctx.has_cue(s.tokens, "project") else None
        if c is not None:
            openers.append((s.line.start, c))
    for pos, c in openers:
        _scan_list(ctx, c, all_lines[ctx.line_index(pos) + 1:], add)


def _scan_list(ctx: DocContext, c: Coalition, following, add: Add) -> None:
    found = 0
    # lines a list reading has already taken for one body each: its name may be a short part of the line ("Xyz
    # (spelled out) in Town, Country")
    item_at = {it.mention.start for it in ctx.items if it.role != "none"}
    for ln in following[:_LIST_LINES]:
        text = BULLET_RE.sub("", ln.text).strip()
        if not text:
            continue
        orgs = _others(ctx, c, ln.start, ln.end)
        covered = sum(m.end - m.start for m, _ in orgs)
        if orgs and (covered >= 0.5 * len(text) or len(orgs) == 1 and orgs[0][0].start in item_at):
            for m, k in orgs:
                add(c, k, "member", ctx.evidence(ln.start, ln.end))
            found += 1
            continue
        person = any(ln.start <= p.start < ln.end for p in ctx.people)
        if found and (BULLET_RE.match(ln.text) or person):
            continue  # "• Name, keywords …" under a member: about a person of it
        if found and len(text.split()) <= 8 and text[:1].isupper() and not re.search(r"[.!?:]$", text):
            continue  # a member whose name no rule recognised: the list goes on
        break
