"""Grants stated one by one, with no project name: each is a funded item named by what the money is for.

Three layouts of the genre, each read with the `funded_items` table of the language:
- a clause per recipient: the recipient, a sum, a purpose phrase; several such clauses in one sentence,
  a purpose written once for two coordinated clauses;
- a grant list under a header naming the currency: "name  amount" rows, total rows skipped;
- a named project with its owner in apposition, then the sum it receives.
A total over the grants listed one by one is never a grant of its own.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from ..lexicon import LANGS, lexicon
from ..model import Evidence
from ..text import Line, Token, alternation, cue_noun, finite_verb, is_known, lemma, lines, tokenize
from .amounts import _NUMBER, AmountMention, _to_decimal, currency_words
from .cell_rows import cell_rows, partner_words
from .context import DocContext
from .funding import amount_label as _amount_label
from .funding import is_programme as funding_is_programme
from .funding import source_marked
from .grant_tables import grant_rows
from .structure import cells


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
class _Words:
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
def _words(lang: str) -> _Words:
    lex = lexicon(lang)
    sec = lex.section("funded_items")
    mult = {k.lower(): v for k, v in lex.section("amounts").get("multipliers", {}).items() if len(k) > 1}
    bare = re.compile(rf"(?<![\w,.])(?P<num>{_NUMBER})\s*(?P<mul>{alternation(mult)})(?!\w)", re.I) if mult else None
    return _Words(
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


def _is_total(w: _Words, text: str) -> bool:
    low = text.lower()
    return any(re.search(r"(?<!\w)" + re.escape(t), low) for t in w.totals)


def _amounts(ctx: DocContext, s, w: _Words) -> list[AmountMention]:
    """The sums of a sentence; a sum written without its currency ("0,9 miljoner") takes the currency of the
    sum before it in the text — the list's first row names it, the others do not repeat it."""
    found = ctx.amounts_in(s.line.start, s.line.end)
    if w.bare is None:
        return found
    earlier = [a for a in ctx.amounts if a.end <= s.line.end and a.currency]
    out = list(found)
    for m in w.bare.finditer(ctx.text, s.line.start, s.line.end):
        a, b = m.span()
        if any(not (b <= x.start or a >= x.end) for x in found):
            continue
        before = [x for x in earlier if x.end <= a]
        value = _to_decimal(m.group("num"))
        if not before or value is None:
            continue
        out.append(AmountMention(a, b, value * Decimal(w.multipliers[m.group("mul").lower()]), before[-1].currency))
    return sorted(out, key=lambda x: x.start)


def _words_between(ctx: DocContext, a: int, b: int) -> list[Token]:
    return [t for t in tokenize(ctx.text[a:b], a) if t.is_word]


_MAX_PURPOSE_WORDS = 10
# a short name or other name in brackets after a name ("… (XAMK)")
_BRACKETED = r"\s*\([^()]{1,40}\)"
# a name's own sum in brackets right after it: the gap between the name and the sum
_BRACKETED_SUM = re.compile(r"\s*\(\s*")


def _recipient(ctx: DocContext, w: _Words, s, orgs, amount: AmountMention, floor: int):
    """The organisation that receives `amount`: at the head of its clause, then at most a verb of receiving and
    a few small words before the sum ("X beviljas 65 000 kronor", "X 6000 kronor för …"); a place after "i"/"in"
    belongs to the name before it. Or, in languages that mark the receiver by a case ending, a receiver so
    marked just before the sum. Returns (mention, key, end of the recipient's phrase)."""
    cands = [(m, k) for m, k in orgs if floor <= m.start and m.end <= amount.start]
    rel = _relative_receiver(ctx, w, cands, amount)
    if rel is not None:
        return rel
    # "X sai Y:ltä N euroa", "X received from Y EUR N": the body the money comes from may stand between
    sources = [m for m, _ in cands if source_marked(ctx, m, of_money=True)]
    for idx in range(len(cands) - 1, -1, -1):
        m, k = cands[idx]
        if m in sources:
            continue
        prev = _words_between(ctx, max(floor, m.start - 12), m.start)
        if prev and prev[-1].text.lower() in w.places and idx > 0:
            continue  # "Vadsbogymnasiet i Mariestad": the place after "i" is part of the name before it
        if idx > 0 and ctx.text[m.end:m.end + 1] == ")" and ctx.text[cands[idx - 1][0].end:m.start].strip() == "(":
            continue  # "X:lle (XAMK) myönnettiin N": the short name in brackets is the name before it again
        if _BRACKETED_SUM.fullmatch(ctx.text[m.end:amount.start]) and ctx.text[amount.end:amount.end + 1] == ")" \
                and (ctx.has_cue(s.tokens, "funder") or ctx.has_cue(s.tokens, "recipient")):
            return m, k, m.end  # "… go to X (EUR 1.2 million), Y (EUR 0.8 million)": the sum in brackets is X's
        # (and so the gap after a name opens past such brackets)
        paren = re.match(_BRACKETED, ctx.text[m.end:amount.start])
        end = m.end + (paren.end() if paren else 0)
        gap = [t for t in _words_between(ctx, end, amount.start) if not any(x.start <= t.start < x.end for x in sources)]
        if len(gap) >= 2 and gap[0].text.lower() in w.places and gap[1].is_cap:
            end = gap[1].end  # keep the place with the name: it tells two same-named schools apart
            gap = gap[2:]
        if len(gap) > 4 or any(t.is_cap for t in gap) or any(t.text.lower() in w.purpose for t in gap):
            return None
        joint = any(t.text.lower() in w.jointly for t in gap)
        if gap and not joint and ctx.has_cue(gap, "recipient") is None \
                and not any(m.surface.lower().endswith(e) for e in w.recipient_endings):
            return None  # "X myönsi / allocates / jakoi N": a verb other than one of receiving — X gives
        if any(m.surface.lower().endswith(e) for e in w.recipient_endings):
            return m, k, end
        # nothing but a clause boundary before it: "; Y 0.9 million", "och Y 28 000 kronor", a bullet
        head = re.split(r"[;:,•·▪◦●‣*]", ctx.text[floor:m.start])[-1]
        words = [t.text.lower() for t in tokenize(head) if t.is_word]
        cut = max((i + 1 for i, x in enumerate(words) if x in w.joiners), default=0)
        if not [x for x in words[cut:] if x not in w.articles]:  # "; and the City of X DKK 0.5 million"
            return m, k, end
        # (past the article of the object: "… has granted the City of X EUR N")
        verb = [t for t in tokenize(head, m.start - len(head)) if t.is_word and t.text.lower() not in w.articles][-1:]
        if verb and ctx.has_cue(verb, "funder") is not None:
            return m, k, end  # "Skolverket har beviljat X 3,5 miljoner": the object of a verb of granting receives
        if verb and ctx.has_cue(verb, "recipient") is not None and ctx.text[end:amount.start].strip() == "(":
            return m, k, end  # "Avustuksen saavat X (N euroa), …": the subject after a verb of receiving
        return None
    return None


def _relative_receiver(ctx: DocContext, w: _Words, cands, amount: AmountMention):
    """"… goes to X, which receives N", "X, som tillsammans med Y får N": the antecedent of a relative clause
    whose verb is one of receiving receives, wherever it stands in its own clause; bodies the clause names after a
    word of partnership are its partners, not its receivers."""
    if not w.relatives:
        return None
    rel = None
    for m, k in cands:
        after = re.match(rf"(?:{_BRACKETED})?\s*,\s*(\w+)\s", ctx.text[m.end:amount.start + 1])
        if after and after.group(1).lower() in w.relatives:
            rel = (m, k, m.end + after.end())
    if rel is None:
        return None
    m, k, at = rel
    partners = [x for x, _ in cands if x.start >= at]
    gap = [t for t in _words_between(ctx, at, amount.start) if not any(x.start <= t.start < x.end for x in partners)]
    if len(gap) > 6 or any(t.is_cap for t in gap) or ctx.has_cue(gap, "recipient") is None:
        return None
    if partners and not partner_words(ctx.lang).search(ctx.text, at, partners[0].start):
        return None  # a body in the relative clause that is no partner: the clause says something else
    # (the phrase ends past the partners: "together with", "tillsammans" is no joint grant or total of its own)
    return m, k, max([m.end] + [x.end for x in partners])


def _partners(ctx: DocContext, a: int, b: int, holders) -> tuple[str, ...]:
    """The bodies named in text[a:b] after a word of partnership ("… together with A and B"), other than the
    holders."""
    cut = partner_words(ctx.lang).search(ctx.text, a, b)
    if cut is None:
        return ()
    return tuple(dict.fromkeys(k for _, k in ctx.orgs_in(cut.end(), b) if k not in holders))


def _coordinated(ctx: DocContext, w: _Words, orgs, m, floor: int) -> tuple[list, int]:
    """The organisations written before `m` and joined to it ("A, B and C receive N"): only commas, joiners and
    articles between them. A grant to them together is one item with all of them as holders, none leading."""
    keys: list = []
    at = m.start
    for m2, k2 in reversed([(x, y) for x, y in orgs if floor <= x.start and x.end <= at]):
        between = ctx.text[m2.end:at]
        words = [t.text.lower() for t in tokenize(between) if t.is_word]
        if re.search(r"[^\w\s,&]", between) or any(x not in w.joiners | w.articles for x in words) \
                or not (words or "," in between or "&" in between):
            break
        keys.insert(0, (m2, k2))
        at = m2.start
    return keys, at


def _receiver_after(ctx: DocContext, w: _Words, orgs, amount: AmountMention, limit: int):
    """"… EUR 500,000 to Northfield University for …", "… 2 miljoner kronor till Norrby gymnasium för …": the
    receiver after the sum, behind a preposition of giving."""
    for m, k in orgs:
        if amount.end <= m.start < limit:
            gap = [t.text.lower() for t in _words_between(ctx, amount.end, m.start)]
            if gap and gap[0] in w.to and all(x in w.articles for x in gap[1:]):
                return m, k, m.end
            return None
    return None


def _purpose(ctx: DocContext, w: _Words, a: int, b: int) -> str | None:
    """The purpose phrase in text[a:b]: after a purpose word ("för ett skolprojekt i Frankrike"), or a word
    with a purpose case ending and its genitive modifiers ("… nuorisotyön kehittämiseen")."""
    toks = tokenize(ctx.text[a:b], a)
    bodies = {m.start for m, _ in ctx.orgs_in(a, b)}
    partner_word = partner_words(ctx.lang)
    for i, t in enumerate(toks):
        low = t.text.lower()
        if low in w.purpose and i + 1 < len(toks):
            phrase: list[Token] = []
            for n, u in enumerate(toks[i + 1:], i + 1):
                if not (u.is_word or u.text in ("-", "–")) or u.text.lower() in w.relatives:
                    break  # "… laboratories that visit schools": the relative clause describes, it does not name
                if u.text.lower() in w.sources and _names_a_body(toks, n + 1, bodies, w):
                    break  # "… for teacher training from the Agency": where the money comes from ends the purpose
                if partner_word.match(ctx.text, u.start):
                    break  # "… for open materials together with A and B": the partners end the purpose
                phrase.append(u)
            if len(phrase) > 1 and phrase[0].text.lower() in w.making:
                phrase = phrase[1:]  # "for developing digital materials": what is made, not the making
            if phrase and phrase[0].text.lower() in w.infinitive:
                # "för att bygga en plattform …": the thing made is the purpose's name, not the verb that makes it
                art = next((n for n, u in enumerate(phrase[1:5], 1) if u.text.lower() in w.articles), None)
                if art is None and len(phrase) > 2:
                    # "för att utveckla digitala lektioner": the verb and its particle go all the same
                    art = 3 if phrase[2].text.lower() in w.particles and len(phrase) > 3 else 2
                phrase = phrase[art:] if art is not None else phrase
            while phrase and phrase[0].text.lower() in w.articles | w.infinitive:
                phrase = phrase[1:]
            while phrase and phrase[-1].text.lower() in w.joiners | {"-", "–"}:
                phrase = phrase[:-1]
            if len(phrase) > _MAX_PURPOSE_WORDS:
                continue  # a clause, not a purpose phrase (counted past the verb that makes the thing)
            if phrase and phrase[0].is_word and not phrase[0].is_cap:
                return ctx.text[phrase[0].start:phrase[-1].end]
            continue  # "… to Northfield University for …": a receiver, the purpose may follow
        for ending, base in w.purpose_endings.items():
            if t.is_word and low.endswith(ending) and len(low) > len(ending) + 2:
                j = i
                while j > 0 and (toks[j - 1].text.endswith("-") or toks[j - 1].text.lower() in w.joiners
                                 or toks[j - 1].is_word and toks[j - 1].text.endswith("n") and not toks[j - 1].is_cap) \
                        and i - j < 6 and ctx.has_cue([toks[j - 1]], "funder") is None:
                    j -= 1  # back over the genitive modifiers, not over the grant noun ("… avustuksen")
                while j < i and toks[j].text.lower() in w.joiners:
                    j += 1
                head = ctx.text[toks[j].start:t.start] if j < i else ""
                return head + t.text[: -len(ending)] + base
    return None


def _names_a_body(toks: list[Token], n: int, bodies: set[int], w: _Words) -> bool:
    """An organisation's name starts at token n, past an article ("from the Agency")."""
    while n < len(toks) and toks[n].text.lower() in w.articles:
        n += 1
    return n < len(toks) and toks[n].start in bodies


_CASE_PURPOSE_WORDS = 7  # a purpose in a case right after its sum: the noun and its modifiers before it (genitives, a participle and its complement)


def _case_purpose(ctx: DocContext, w: _Words, a: int, b: int) -> str | None:
    """A purpose written right after the sum as a noun in a purpose case, with its genitive modifiers ("… 850 000
    euroa opettajien täydennyskoulutukseen"): the modifiers and the noun's base form. Nouns of time ("vuoteen
    2026") and a bare project word say nothing of the purpose."""
    if not w.case_endings:
        return None
    toks = tokenize(ctx.text[a:b], a)[:_CASE_PURPOSE_WORDS]
    for i, t in enumerate(toks):
        if not t.is_word or t.is_cap and i > 0 or ctx.in_mention(t.start):
            return None
        low = t.text.lower()
        if not any(low.endswith(e) and len(low) > len(e) + 2 for e in w.case_endings):
            continue
        lem = lemma(low, ctx.lang)
        if lem == low or not lem[:1].islower() or lem in w.not_purposes:
            return None
        if i == 0 and cue_noun(lem, ctx.lex.cue("project"), ctx.lang):
            return None  # "… euroa hankkeeseen": which project the sentence does not say
        head = ctx.text[toks[0].start:t.start] if i else ""
        return head + " ".join([lem, *_case_tail(ctx, w, a, t.end, b)])
    return None


def _case_tail(ctx: DocContext, w: _Words, a: int, at: int, b: int) -> list[str]:
    """What follows a purpose's first word in the purpose case: the words agreeing with it in that case
    (an adjective and its noun: both in their base form), then a complement of genitives and a noun in that
    case, kept as written ("… uusiin oppimisympäristöihin lukion opiskelijoiden tarpeisiin")."""
    toks = [t for t in tokenize(ctx.text[at:b], at)][:_CASE_PURPOSE_WORDS + 2]
    out: list[str] = []

    def in_case(t: Token) -> bool:
        low = t.text.lower()
        return t.is_word and not t.is_cap and not ctx.in_mention(t.start) and any(
            low.endswith(e) and len(low) > len(e) + 2 for e in w.case_endings)

    n = 0
    while n < len(toks) and in_case(toks[n]):
        lem = lemma(toks[n].text.lower(), ctx.lang)
        if lem == toks[n].text.lower() or lem in w.not_purposes:
            break
        out.append(lem)
        n += 1
    gen = n
    while gen < len(toks) and gen - n < 2 and toks[gen].is_word and not toks[gen].is_cap \
            and toks[gen].text.endswith("n") and not in_case(toks[gen]) and not ctx.in_mention(toks[gen].start) \
            and toks[gen].text.lower() not in w.joiners:
        gen += 1
    if gen > n and gen < len(toks) and in_case(toks[gen]):
        out += [t.text for t in toks[n:gen + 1]]
    return out


def clause_items(ctx: DocContext, s, w: _Words | None = None,
                 projects: list[tuple[int, str]] = ()) -> list[FundedItem]:
    """"X receives 1.7 million for A; Y 0.9 million for B": one item per recipient and sum. `projects`: the
    (start, name) of projects the sentence names, each the purpose of the sum before it."""
    w = w or _words(ctx.lang)
    amounts = _amounts(ctx, s, w)
    if not amounts or s.line.start in row_sentences(ctx):
        return []
    orgs = ctx.orgs_in(s.line.start, s.line.end)
    found = []  # (recipient mention, key, phrase end, amount)
    floor = s.line.start
    for n, am in enumerate(amounts):
        r = _recipient(ctx, w, s, orgs, am, floor) or _receiver_after(
            ctx, w, orgs, am, amounts[n + 1].start if n + 1 < len(amounts) else s.line.end)
        joint = _coordinated(ctx, w, orgs, r[0], floor) if r is not None else ([], 0)
        # "A and B have received a total of N for …": the one sum of bodies named together is their joint grant,
        # not a total over grants listed one by one
        if r is not None and (not _is_total(w, ctx.text[r[2]:am.start]) or joint[0] and len(amounts) == 1):
            found.append((r, am, joint))
        floor = am.end
    if not found:
        return []
    # "A (N euros), B (M euros) and C (K euros) receive the grants": each sum in brackets after its receiver, the
    # purpose told in the sentence before
    bracketed = len(found) >= 2 and all(ctx.text[:am.start].rstrip().endswith("(") for _, am, _ in found)
    told_before = _told_before(ctx, w)
    out: list[FundedItem] = []
    pending = []
    for i, ((m, k, rend), am, (joint, _)) in enumerate(found):
        seg_end = min(found[i + 1][0][0].start, found[i + 1][1].start) if i + 1 < len(found) else s.line.end
        if i + 1 < len(found) and found[i + 1][2][0]:  # the next grant's holders begin before its nearest one
            seg_end = min(seg_end, found[i + 1][2][1])
        named = next((name for at, name in projects if am.end <= at < seg_end), None)
        purpose = named or _purpose(ctx, w, am.end, seg_end) or _purpose(ctx, w, rend, am.start) \
            or _case_purpose(ctx, w, am.end, seg_end)
        shared_purpose = purpose is None and bracketed  # one purpose for the grants of several: each its holder's
        purpose = purpose or (told_before(s) if shared_purpose else None)
        after = _words_between(ctx, am.end, min(am.end + 12, seg_end))[:1]  # "… 40 000 kronor vardera"
        if joint and any(t.text.lower() in w.each for t in _words_between(ctx, rend, am.start) + after):
            # "A and B receive N each": a grant of its own to each of them
            pending += [(m2, k2, m2.end, am, []) for m2, k2 in joint]
            joint = []
        pending.append((m, k, rend, am, joint))
        if purpose is None:
            tail = _words_between(ctx, am.end, seg_end)
            if i + 1 < len(found) and all(t.text.lower() in w.joiners for t in tail):
                continue  # "X 51 000 kronor och Y 28 000 kronor för …": the purpose is written once for both
            if len(found) >= 2 and not _states_purpose(w, _words_between(ctx, found[0][1].start, s.line.end)):
                # grants listed in prose, each with its receiver and sum and none with a purpose ("… granted N to
                # X, M to Y and L to Z"): each is its holder's grant, as a list's row of holder and sum is
                ev = ctx.evidence(s.line.start, s.line.end)
                out += [it for pm, pk, pend, pam, pjoint in pending if not pjoint
                        and (it := _holder_item(ctx, w, pk, pam.value, pam.currency, ev))]
            pending = []
            continue
        ev = ctx.evidence(s.line.start, s.line.end)
        for pm, pk, pend, pam, pjoint in pending:
            # one purpose for several recipients: separate grants, told apart by their holder
            name = _possessive(w, ctx.text[pm.start:pend], purpose) if len(pending) > 1 or shared_purpose else purpose
            keys = tuple(dict.fromkeys((*(k2 for _, k2 in pjoint), pk)))
            # "A and B receive jointly": no one leads, even where one of them is not recognised as a body
            shared = len(keys) > 1 or any(t.text.lower() in w.jointly for t in _words_between(ctx, pend, pam.start))
            # "X, which together with A receives N for P", "… for P together with A and B": X leads, A and B take part
            partners = _partners(ctx, pm.end, seg_end, keys) if pm is m and not shared else ()
            out.append(FundedItem(name, keys, pam.value, pam.currency, ev, role="partner" if shared else "coordinator",
                                  partners=partners))
        pending = []
    return out


def _told_before(ctx: DocContext, w: _Words):
    """The purpose of the grants a sentence lists, as the funding sentence before it states it."""
    def purpose(s) -> str | None:
        before = [x for x in ctx.sentences if x.line.end <= s.line.start]
        for x in reversed(before[-2:]):
            if ctx.has_cue(x.tokens, "funder") is not None:
                return _purpose(ctx, w, x.line.start, x.line.end) or _case_purpose(ctx, w, x.line.start, x.line.end)
        return None
    return purpose


def _states_purpose(w: _Words, toks: list[Token]) -> bool:
    """A purpose word followed by a common word, past articles ("for a study of …", "för att undersöka …"), not by
    a name ("… to the City of X")."""
    for i, t in enumerate(toks):
        if t.text.lower() in w.purpose:
            nxt = next((u for u in toks[i + 1:] if u.text.lower() not in w.articles), None)
            if nxt is not None and not nxt.is_cap:
                return True
    return False


def holder_grant_name(w: _Words, org: str, grant: str | None = None) -> str | None:
    """The name of a grant a list states by its holder alone ("Lakeside College 300,000"): the holder's grant,
    with the holder in the genitive where the language puts it there, called by the page's own word for its
    grants (`grant`) where it has one."""
    if not w.holder_grant:
        return None
    low = org.lower()
    gen = next((org[:len(org) - len(e)] + g for e, g in w.holder_genitive if low.endswith(e)), org)
    return w.holder_grant.format(org=org, gen=gen, grant=grant or (w.grant_nouns[:1] or ("",))[0]).strip()


def grant_word(w: _Words, word: str, lang: str) -> str | None:
    """The base form of a grant noun, or of a compound ending in one ("yhteisöapurahoja" → "yhteisöapuraha");
    None for other words. (A dictionary may read a noun as a verb's form: the word itself then ends in it.)"""
    low = word.lower()
    for form in (lemma(low, lang), low):
        if any(form.endswith(n) for n in w.grant_nouns):
            return form
    return None


_CAPTION_LINES = 6  # a list's caption or lead stands within a few lines above its rows


def page_grant_noun(ctx: DocContext, w: _Words, at: int) -> str | None:
    """The page's own word for the grants it lists above the row at `at`: in the nearest line above (its caption,
    else its lead) that uses a grant noun, that line's most specific one ("yhteisöapuraha", "projektunderstöd"),
    in its base form."""
    if not w.grant_nouns:
        return None
    # (the rows above this one are no caption: "Name 10 000")
    above = [ln for ln in lines(ctx.text[:at]) if ln.text.strip() and not _ROW.match(ln.text.strip())]
    above = above[::-1][:_CAPTION_LINES]
    for ln in above:
        found = [x for t in tokenize(ln.text) if t.is_word and (x := grant_word(w, t.text, ctx.lang))]
        if found:
            return max(found, key=len)
    return None


def _possessive(w: _Words, org: str, item: str) -> str:
    if "{org}s" in w.possessive and org[-1:].lower() in ("s", "x", "z"):
        return w.possessive.replace("{org}s", "{org}").format(org=org, item=item)
    return w.possessive.format(org=org, item=item)


def owner_items(ctx: DocContext, s, w: _Words | None = None) -> list[FundedItem]:
    """"<Project>, with X as owner, receives N": the name before the apposition, its owner, the sum after;
    several such clauses may follow one another."""
    w = w or _words(ctx.lang)
    amounts = _amounts(ctx, s, w)
    if not amounts or not w.owner:
        return []
    orgs = ctx.orgs_in(s.line.start, s.line.end)
    hits = sorted((h for rx in w.owner for h in rx.finditer(ctx.text, s.line.start, s.line.end)), key=lambda h: h.start())
    out = []
    floor = s.line.start
    for n, hit in enumerate(hits):
        limit = hits[n + 1].start() if n + 1 < len(hits) else s.line.end
        owner = [(m, k) for m, k in orgs if hit.start("org") <= m.start and m.end <= hit.end("org")]
        after = [a for a in amounts if hit.end() <= a.start < limit]
        before = [a for a in amounts if floor <= a.end <= hit.start()]
        head = ctx.text[max([floor] + [a.end for a in before]):hit.start()]
        name = re.split(r"(?<=[.;:!?])\s", head)[-1].strip(" ,–-\"”“")
        name = _without_project_word(ctx, re.sub(r"^\W+", "", name))
        floor = after[0].end if after else hit.end()
        if not owner or not after or not name[:1].isupper() or not 0 < len(name.split()) <= 10 or _is_total(w, name):
            continue
        out.append(FundedItem(name, (owner[0][1],), after[0].value, after[0].currency,
                              ctx.evidence(s.line.start, s.line.end), named=True))
    return out


def _currency_header(ctx: DocContext, ln: Line) -> str | None:
    """A list header naming the currency ("Hanke  Summa (€)", "Beviljat belopp, kr"): no figure in it."""
    text = ln.text.strip()
    cur = currency_words(ctx.lang)
    # a caption closing on the currency before the list it opens ("The grants are listed below (EUR):"), however
    # long the sentence before it; in brackets, even after a figure ("Other grants over 500,000 (EUR):")
    # (or, with no colon, set off by a comma or brackets: "Region (decisions by the council), EUR")
    last = re.search(r"([(,])?\s*([^\W\d_]+|[€$£])\s*(\))?\s*(:)?$", text)
    if last and (last.group(4) or last.group(1)) and last.group(2).lower() in cur \
            and (last.group(1) == "(" and last.group(3) or not re.search(r"\d", text)):
        return cur[last.group(2).lower()]
    caption = _caption_currency(ctx, text)
    if caption is not None:
        return caption
    if not text or re.search(r"\d", text) or len(text.split()) > 8:
        return None
    for t in tokenize(text):
        if t.text.lower() in cur:
            return cur[t.text.lower()]
    return None


def _caption_currency(ctx: DocContext, text: str) -> str | None:
    """A lead whose last sentence closes on the currency of the list below it, after a preposition or in a case
    that says "in" ("… listed below, in euros.", "… apurahat euroina."): no figure in that sentence."""
    last = re.split(r"(?<=[.!?])\s+", text)[-1]
    m = re.search(r"(\w+)\s+(\w+)\s*[.:]$", last)
    if m is None or re.search(r"\d", last):
        return None
    word = m.group(2).lower()
    if m.group(1).lower() in _words(ctx.lang).caption_preps and word in currency_words(ctx.lang):
        return currency_words(ctx.lang)[word]
    # (a case form: the basic forms of a currency are sums' words, not a caption's)
    return _currency_cases(ctx.lang).get(word)


@cache
def _currency_cases(lang: str) -> dict[str, str]:
    return {k.lower(): v for k, v in lexicon(lang).section("amounts").get("currency_case_forms", {}).items()}


_ROW = re.compile(rf"^(?P<name>.*?\S)[\s:|\t–-]+(?P<num>{_NUMBER})\s*(?P<cur>[^\w\s]{{1,2}}|[^\W\d_]{{1,6}})?\s*$")


def table_items(ctx: DocContext) -> tuple[list[FundedItem], set[int]]:
    """The rows of grant tables whose header names the columns: each row's name, holder and sum by column.
    Returns the items and the lines they were read from."""
    rows = grant_rows(ctx.text, ctx.lang)
    w = _words(ctx.lang)
    out = []
    for r in rows:
        if r.name is None:
            # a holder and a sum: who got money, not for what — a grant of its own, named by its holder
            holder = ctx.orgs_in(*r.holder) if r.holder else []
            it = _holder_item(ctx, w, holder[0][1], r.amount, r.currency, ctx.evidence(r.line.start, r.line.end)) \
                if len(holder) == 1 else None
            out += [it] if it else []
            continue
        holders = tuple(dict.fromkeys(k for _, k in ctx.orgs_in(*r.holder))) if r.holder else ()
        name = _without_project_word(ctx, ctx.text[r.name[0]:r.name[1]])
        out.append(FundedItem(name, holders, r.amount, r.currency, ctx.evidence(r.line.start, r.line.end),
                              role="coordinator" if len(holders) == 1 else "partner", named=True))
    return out, {r.line.start for r in rows}


def list_items(ctx: DocContext) -> list[FundedItem]:
    """Rows of a grant list: a name and a sum per line, under a header that names the currency (or with the
    currency on the row). The total row closes the list and is no grant."""
    w = _words(ctx.lang)
    out, tabled = table_items(ctx)
    for r in cell_rows(ctx):
        out.append(FundedItem(ctx.text[r.purpose[0]:r.purpose[1]], (r.holder,), r.amount.value, r.amount.currency,
                              ctx.evidence(r.line.start, r.line.end), partners=r.partners))
        tabled.add(r.line.start)
    currency = None
    # rows whose cells are joined by spaced dashes: once two rows show a holder's cell that way (after the name, or
    # before it), a row with one such dash has its holder there too, even one whose name is not recognised as an
    # organisation's
    after, before = _dash_rows(ctx)
    dashed = max(after, before) >= 2
    purpose = None  # the sub-heading over the rows below it that says what their money is for
    deciding: tuple[str, ...] = ()  # the bodies the caption over the rows names: who decides on their grants
    headed: list[tuple[int, str, str]] = []  # (index in out, that sub-heading, the holder as its row writes it)
    under: Counter = Counter()  # the rows under each sub-heading
    decided: dict[int, tuple[str, ...]] = {}  # (index in out → the deciding bodies of its caption)
    for ln in lines(ctx.text):
        text = ln.text.strip()
        if not text or ln.start in tabled:
            continue
        head = _currency_header(ctx, ln)
        if head:
            currency, purpose = head, None
            deciding = _caption_funders(ctx, ln)
            continue
        row = _ROW.match(text)
        on_row = ctx.amounts_in(ln.start, ln.end)
        if row is None and currency is not None and _purpose_heading(ctx, w, ln):
            purpose = text
            continue
        if row is None or (currency is None and not on_row):
            currency = None if row is None and len(text.split()) > 12 else currency
            deciding = deciding if currency else ()
            purpose = None
            continue
        parts = [c for c in cells(row.group("name")) if c]
        if not parts:
            continue
        if ":" in text[row.end("name"):row.start("num")] and _amount_label(ctx, row.group("name")) is not None:
            continue  # "Granted support: EUR 600,000", "Budget: …": a project page's field, no grant of a list
        name = _LEAD_BULLET.sub("", parts[0]).strip(" ,;:|")
        # "City of X EUR 50,000": the currency before the sum is no part of it, nor the comma before the currency
        name = _without_currency(ctx, name).rstrip(" ,;:")
        if any(_is_total(w, x) for x in name.split()[:1] + name.split()[-1:]) or not _row_name(ctx, name) \
                or name.split()[0].lower() in w.remainder:
            purpose = None  # (a group's total closes the group)
            continue  # a total, or the sum of the grants not listed ("Other five schools"): no grant of its own
        if purpose is not None:
            under[purpose] += 1
        whole = name
        if not (dashed and before > after):  # (where the page's rows write the holder first, a body after the
            name = _before_holder_cell(ctx, ln, name)  # dash is in the project's name: "Region X – Y-skolor i …")
        name = _without_holder(ctx, ln, name)
        if dashed and name == whole and len(_DASH_CELL.findall(name)) == 1:
            name = _DASH_CELL.split(name)[before > after].strip()
        name = _without_project_word(ctx, name)
        value = on_row[-1].value if on_row else _to_decimal(row.group("num"))
        cur = on_row[-1].currency if on_row else currency
        if value is None or not on_row and _year_after_word(ctx, row):
            continue
        start = ln.start + ln.text.index(name)
        holders = [(m, k) for m, k in ctx.orgs_in(start, start + len(name))]
        # (or only an organisation and its short name in brackets: "Name of Body (NB)")
        if holders and holders[0][0].start == start and _whole_body(ctx, start, start + len(name)) \
                and (len(whole) == len(name) or _whole_body(ctx, start, start + len(whole))):
            # a row naming only an organisation says who got money, not for what: that body's grant
            written = re.sub(_BRACKETED + "$", "", whole)
            it = _holder_item(ctx, w, holders[0][1], value, cur, ctx.evidence(ln.start, ln.end), written)
            if it is not None and purpose is not None:
                headed.append((len(out), purpose, written))
            if it is not None and deciding:
                decided[len(out)] = deciding
            out += [it] if it else []
            continue
        # the other cells of the row: the applicant or holder, after the name or (with a colon) before it
        holders = [(m, k) for m, k in ctx.orgs_in(ln.start, ln.end) if m.end <= start or m.start >= start + len(name)] \
            if len(parts) > 1 or len(whole) > len(name) else holders
        out.append(FundedItem(name, tuple(dict.fromkeys(k for _, k in holders)), value, cur,
                              ctx.evidence(ln.start, ln.end), named=True))
        if deciding:
            decided[len(out) - 1] = deciding
    # a holder's row under a sub-heading of purpose: the purpose names its grant, told apart by the holder where
    # the sub-heading stands over several rows
    for i, h, written in headed:
        out[i] = replace(out[i], name=h if under[h] == 1 else f"{h}: {written}")
    for i, keys in decided.items():
        out[i] = replace(out[i], funders=tuple(k for k in keys if k not in out[i].recipients))
    _told_later(ctx, w, out, {i for i, _, _ in headed})
    return out if len(out) >= 2 else []


_MAX_TOLD_WORDS = 8
_MAX_VERB_WORDS = 3  # between a holder and the partner word of its clause: its verb ("utvecklar", "will develop")


def _partners_told(ctx: DocContext, out: list[FundedItem], i: int, m, k: str, words, limit: int) -> None:
    """"X utvecklar tillsammans med Y en sommarskola …", "X works together with Y on …": a later clause whose
    subject is a holder names the bodies that work with it on its grant after a word of partnership."""
    cut = partner_words(ctx.lang).search(ctx.text, m.end, limit)
    if cut is None:
        return
    gap = [t for t in words if m.end <= t.start and t.end <= cut.start()]
    if not 0 < len(gap) <= _MAX_VERB_WORDS or any(t.is_cap for t in gap):
        return
    end = re.compile(r"[,;.!?]").search(ctx.text, cut.end(), limit)
    partners = _partners(ctx, cut.start(), end.start() if end else limit, {k})
    if partners:
        out[i] = replace(out[i], partners=tuple(dict.fromkeys(out[i].partners + partners)))


def _told_later(ctx: DocContext, w: _Words, out: list[FundedItem], headed: set[int]) -> None:
    """"Norrbackas understöd gäller en skrivarverkstad.", "Brookfield College's grant is for a reading club.": a
    sentence after a list that says what one holder's grant is for names that holder's item (in place of the
    holder's name, unless a sub-heading of purpose already names it)."""
    if not w.grant_nouns:
        return
    clause_end = re.compile(r"[,.;:!?()]")
    for s in ctx.sentences:
        words = [t for t in s.tokens if t.is_word]
        for m, k in ctx.orgs_in(s.line.start, s.line.end):
            theirs = [i for i, it in enumerate(out) if it.by_holder and it.recipients == (k,)
                      and it.evidence.end <= s.line.start]
            if len(theirs) == 1:
                _partners_told(ctx, out, theirs[0], m, k, words, s.line.end)
            mine = [i for i in theirs if i not in headed]
            after = [t for t in words if t.start >= m.end]
            if len(mine) != 1 or len(after) < 3 \
                    or not re.fullmatch(r"\s*(?:['’]s)?\s*", ctx.text[m.end:after[0].start]):
                continue
            if not grant_word(w, after[0].text, ctx.lang) or after[1].is_cap:
                continue
            phrase = []
            for prev, t in zip(after[1:], after[2:]):
                if clause_end.search(ctx.text[prev.end:t.start]) or t.text.lower() in w.joiners | w.relatives:
                    break
                phrase.append(t)
            if phrase and phrase[0].text.lower() in w.purpose:
                phrase = phrase[1:]  # "… is for a reading club"
            while phrase and phrase[0].text.lower() in w.articles:
                phrase = phrase[1:]
            if not 0 < len(phrase) <= _MAX_TOLD_WORDS or any(t.is_cap for t in phrase):
                continue
            name = ctx.text[phrase[0].start:phrase[-1].end]
            low = name.lower()
            ending = next((e for e in w.purpose_endings if low.endswith(e)), None)
            if ending is not None:  # "… uudistamiseen": the purpose in its base form
                name = name[:len(name) - len(ending)] + w.purpose_endings[ending]
            out[mine[0]] = replace(out[mine[0]], name=name)


_DECIDING_TYPES = ("ministry", "agency", "other", "region")


def _caption_funders(ctx: DocContext, ln: Line) -> tuple[str, ...]:
    """"Northland (decisions by the Northland Regional Council), EUR": the public body a caption over a group of
    rows names decides on the grants of that group."""
    return tuple(dict.fromkeys(k for _, k in ctx.orgs_in(ln.start, ln.end) if ctx.orgs[k].type in _DECIDING_TYPES
                               and not funding_is_programme(ctx, ctx.orgs[k].name)))


def _purpose_heading(ctx: DocContext, w: _Words, ln: Line) -> bool:
    """A sub-heading over rows of a list that says what their money is for ("Koulujen musiikkikasvatus",
    "Reading for pleasure"): a short line of words, one of them in lower case (a place or region is a name), no
    body, no grant noun, and no group's total repeats it ("Northland total 95 000" closes a region's group)."""
    text = ln.text.strip()
    words = text.split()
    if not 2 <= len(words) <= _MAX_HEADING_WORDS or re.search(r"[\d.:;,!?]$|\d", text) or not text[:1].isupper():
        return False
    if not any(x[:1].islower() for x in words[1:]) or ctx.orgs_in(ln.start, ln.end):
        return False
    low = [t.text.lower() for t in tokenize(text) if t.is_word]
    if low[0] in w.remainder or _is_total(w, text) \
            or any(grant_word(w, x, ctx.lang) for x in low):
        return False
    return not re.search(rf"(?m)^\s*{re.escape(text)}\s+\S+.*\d\s*$", ctx.text[ln.end:])


_MAX_HEADING_WORDS = 8


_YEAR = re.compile(r"(?:19|20)\d\d")


def _year_after_word(ctx: DocContext, row: re.Match) -> bool:
    """"The clubs meet until the end of 2029.": a year after a function word or a word of time is a date that
    closes a sentence, not a sum closing a row (a row's name ends in a noun or a name)."""
    if not _YEAR.fullmatch(row.group("num")):
        return False
    last = row.group("name").split()[-1].lower()
    return last in ctx.lex.common_words or last in _date_words(ctx.lang)


@cache
def _date_words(lang: str) -> frozenset[str]:
    sec = lexicon(lang).section("dates")
    return frozenset(w for k in ("period_cues", "start_cues", "end_cues", "day_month_links") for w in sec.get(k, ())
                     if " " not in w)


def row_sentences(ctx: DocContext) -> set[int]:
    """The starts of the sentences that rows of holder, sum and purpose consist of: read as rows, not as clauses."""
    if "row sentences" not in ctx.memo:
        spans = [(r.line.start, r.line.end) for r in cell_rows(ctx)]
        ctx.memo["row sentences"] = {s.line.start for s in ctx.sentences if any(a <= s.line.start < b for a, b in spans)}
    return ctx.memo["row sentences"]


def _holder_item(ctx: DocContext, w: _Words, key: str, value: Decimal, currency: str | None,
                 ev: Evidence, written: str | None = None) -> FundedItem | None:
    """The grant of a body a row names alone, called as the row writes the body (`written`: with the place it
    is in, which tells two same-named schools apart), else by the body's name."""
    org = ctx.orgs.get(key)
    name = holder_grant_name(w, written or org.name, page_grant_noun(ctx, w, ev.start)) if org is not None else None
    return FundedItem(name, (key,), value, currency, ev, named=True, by_holder=True) if name else None


_LEAD_BULLET = re.compile(r"^[•·▪◦●‣*–—-]\s*")
# a spaced dash between cells of a row written as running text ("Name – Holder – 100 000")
_DASH_CELL = re.compile(r"\s[–—-]\s")


def _dash_rows(ctx: DocContext) -> tuple[int, int]:
    """How many lines ending in a figure have a holder's cell after a spaced dash, and how many before it."""
    after = before = 0
    for ln in lines(ctx.text):
        row = _ROW.match(ln.text.strip())
        if row is not None and _DASH_CELL.search(row.group("name")):
            name = _LEAD_BULLET.sub("", row.group("name").strip())
            if _before_holder_cell(ctx, ln, name) != name:
                after += 1
            elif _DASH_CELL.search(_without_holder(ctx, ln, name)) is None:
                before += 1
    return after, before


def _before_holder_cell(ctx: DocContext, ln: Line, name: str) -> str:
    """A row whose cells are joined by spaced dashes: the name ends where a cell holding an organisation begins
    (a dash inside a project's own name is followed by words, not by a body's name)."""
    at = ln.start + ln.text.index(name)
    for d in _DASH_CELL.finditer(name):
        cell = at + d.end()
        if any(m.start == cell for m in ctx.mentions_starting(cell, cell)) and ctx.orgs_in(cell, at + len(name)):
            return name[:d.start()].strip()
    return name


def _without_holder(ctx: DocContext, ln: Line, name: str) -> str:
    """A row's name cell without the holder written in it: "Name (Holder)", "Name, Holder", "Holder: Name",
    "Holder – Name", "Holder, Name". Only a cell that is one organisation's name, whole, is the holder's."""
    at = ln.start + ln.text.index(name)

    m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", name)
    if m and _whole_body(ctx, at + m.start(2), at + m.end(2)):
        return m.group(1).strip()
    head, sep, tail = name.rpartition(",")
    if sep and head.strip() and _whole_body(ctx, at + len(head) + 1, at + len(name)):
        return head.strip()
    head, sep, tail = name.partition(":")
    if sep and tail.strip() and _whole_body(ctx, at, at + len(head)):
        return tail.strip()
    cut = _holder_first(name)
    if cut is not None and _whole_body(ctx, at, at + cut[0]) and not _whole_body(ctx, at + cut[1], at + len(name)):
        return name[cut[1]:].strip()
    return name


def _whole_body(ctx: DocContext, a: int, b: int) -> bool:
    """text[a:b] is one organisation's name, whole (with its short name in brackets after it, if any, or the
    place it is in: "Norrby skola i Åsby")."""
    text = ctx.text[a:b]
    lead = len(text) - len(text.lstrip())
    text = re.sub(_BRACKETED + "$", "", text.rstrip())
    if _fills(ctx, a + lead, a + lead + len(text)):
        return True
    place = re.fullmatch(r"(.+?)\s+(\w+)\s+(\S+)", text)
    return bool(place) and place.group(2).lower() in _words(ctx.lang).places and place.group(3)[:1].isupper() \
        and not ctx.orgs_in(a + lead + place.start(3), a + lead + place.end(3)) \
        and _fills(ctx, a + lead, a + lead + len(place.group(1)))


def _fills(ctx: DocContext, a: int, b: int) -> bool:
    """One body's name fills text[a:b]: a mention from a to b, or mentions of it that overlap one another from
    a to b ("Name of Body NB" and "NB ry" in "Name of Body NB ry")."""
    at = a
    for m, _ in sorted(ctx.orgs_in(a, b), key=lambda x: x[0].start):
        if m.start > at or at > a and m.start == at:
            break  # (a gap, or a second body just after the first)
        at = max(at, m.end)
    return a < b and at >= b - 1


def _holder_first(name: str) -> tuple[int, int] | None:
    """Where a holder's cell written first would end, and the name's cell begin: after a spaced dash, or after a
    comma where what follows looks like a name of its own (two words at least, a brand's inner capital or digit,
    or a word no dictionary of the three languages holds) rather than the holder's town."""
    d = _DASH_CELL.search(name)
    if d is not None and len(_DASH_CELL.findall(name)) == 1:
        return d.start(), d.end()
    head, sep, tail = name.partition(",")
    tail = tail.strip()
    if sep and tail[:1].isupper() and (len(tail.split()) >= 2 or any(c.isupper() or c.isdigit() for c in tail[1:])
                                       or not any(is_known(tail.lower(), lg) for lg in LANGS)):
        return len(head), len(head) + 1
    return None


def _without_currency(ctx: DocContext, name: str) -> str:
    head, _, last = name.rpartition(" ")
    return head.strip() if head and last.lower() in currency_words(ctx.lang) else name


def _without_project_word(ctx: DocContext, name: str) -> str:
    """"Lukukipinä-hanke" is the project "Lukukipinä": the project word joined with a hyphen is no part of the name."""
    head, _, last = name.rpartition("-")
    if head and " " not in last and cue_noun(last, ctx.lex.cue("project"), ctx.lang):
        return head.strip()
    return name


def _row_name(ctx: DocContext, name: str) -> bool:
    words = name.split()
    if not 0 < len(words) <= 12 or not name[:1].isupper() or name.endswith((".", "?", "!")):
        return False
    if any(finite_verb(w.strip(",;:"), ctx.lang) for w in words[1:] if w[:1].islower()):
        return False  # "The Foundation supports the schools with EUR N": a sentence, not a row's name
    return not re.search(r"\d{2,}", re.sub(r"(?:19|20)\d\d", "", name))
