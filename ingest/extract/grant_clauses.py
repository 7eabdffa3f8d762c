"""Grants stated in clauses: a recipient, a sum and a purpose in prose, several such clauses in one sentence, a
purpose written once for two coordinated clauses ("X receives 1.7 million for A; Y 0.9 million for B"); and a
named project with its owner in apposition, then the sum it receives ("P, with X as owner, receives N")."""
from __future__ import annotations

import re
from decimal import Decimal

from ..text import Token, cue_noun, lemma, tokenize
from .amounts import AmountMention, _to_decimal
from .cell_rows import partner_words
from .context import DocContext
from .funding import source_marked
from .funded_item import (BRACKETED, FundedItem, Words, holder_item, is_total, partners_after, row_sentences,
                          without_project_word, words_of)


def _amounts(ctx: DocContext, s, w: Words) -> list[AmountMention]:
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
# a name's own sum in brackets right after it: the gap between the name and the sum
_BRACKETED_SUM = re.compile(r"\s*\(\s*")


def _recipient(ctx: DocContext, w: Words, s, orgs, amount: AmountMention, floor: int):
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
            continue  # "Ekbacka gymnasium i Norrvik": the place after "i" is part of the name before it
        if idx > 0 and ctx.text[m.end:m.end + 1] == ")" and ctx.text[cands[idx - 1][0].end:m.start].strip() == "(":
            continue  # "X:lle (XAMK) myönnettiin N": the short name in brackets is the name before it again
        if _BRACKETED_SUM.fullmatch(ctx.text[m.end:amount.start]) and ctx.text[amount.end:amount.end + 1] == ")" \
                and (ctx.has_cue(s.tokens, "funder") or ctx.has_cue(s.tokens, "recipient")):
            return m, k, m.end  # "… go to X (EUR 1.2 million), Y (EUR 0.8 million)": the sum in brackets is X's
        # (and so the gap after a name opens past such brackets)
        paren = re.match(BRACKETED, ctx.text[m.end:amount.start])
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


def _relative_receiver(ctx: DocContext, w: Words, cands, amount: AmountMention):
    """"… goes to X, which receives N", "X, som tillsammans med Y får N": the antecedent of a relative clause
    whose verb is one of receiving receives, wherever it stands in its own clause; bodies the clause names after a
    word of partnership are its partners, not its receivers."""
    if not w.relatives:
        return None
    rel = None
    for m, k in cands:
        after = re.match(rf"(?:{BRACKETED})?\s*,\s*(\w+)\s", ctx.text[m.end:amount.start + 1])
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


def _coordinated(ctx: DocContext, w: Words, orgs, m, floor: int) -> tuple[list, int]:
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


def _receiver_after(ctx: DocContext, w: Words, orgs, amount: AmountMention, limit: int):
    """"… EUR 500,000 to Northfield University for …", "… 2 miljoner kronor till Norrby gymnasium för …": the
    receiver after the sum, behind a preposition of giving."""
    for m, k in orgs:
        if amount.end <= m.start < limit:
            gap = [t.text.lower() for t in _words_between(ctx, amount.end, m.start)]
            if gap and gap[0] in w.to and all(x in w.articles for x in gap[1:]):
                return m, k, m.end
            return None
    return None


def _purpose(ctx: DocContext, w: Words, a: int, b: int) -> str | None:
    """The purpose phrase in text[a:b]: after a purpose word ("för en språkresa till Tyskland"), or a word
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


def _names_a_body(toks: list[Token], n: int, bodies: set[int], w: Words) -> bool:
    """An organisation's name starts at token n, past an article ("from the Agency")."""
    while n < len(toks) and toks[n].text.lower() in w.articles:
        n += 1
    return n < len(toks) and toks[n].start in bodies


_CASE_PURPOSE_WORDS = 7  # a purpose in a case right after its sum: the noun and its modifiers before it (genitives, a participle and its complement)


def _case_purpose(ctx: DocContext, w: Words, a: int, b: int) -> str | None:
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


def _case_tail(ctx: DocContext, w: Words, a: int, at: int, b: int) -> list[str]:
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


def clause_items(ctx: DocContext, s, w: Words | None = None,
                 projects: list[tuple[int, str]] = ()) -> list[FundedItem]:
    """"X receives 1.7 million for A; Y 0.9 million for B": one item per recipient and sum. `projects`: the
    (start, name) of projects the sentence names, each the purpose of the sum before it."""
    w = w or words_of(ctx.lang)
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
        if r is not None and (not is_total(w, ctx.text[r[2]:am.start]) or joint[0] and len(amounts) == 1):
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
                        and (it := holder_item(ctx, w, pk, pam.value, pam.currency, ev))]
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
            partners = partners_after(ctx, pm.end, seg_end, keys) if pm is m and not shared else ()
            out.append(FundedItem(name, keys, pam.value, pam.currency, ev, role="partner" if shared else "coordinator",
                                  partners=partners))
        pending = []
    return out


def _told_before(ctx: DocContext, w: Words):
    """The purpose of the grants a sentence lists, as the funding sentence before it states it."""
    def purpose(s) -> str | None:
        before = [x for x in ctx.sentences if x.line.end <= s.line.start]
        for x in reversed(before[-2:]):
            if ctx.has_cue(x.tokens, "funder") is not None:
                return _purpose(ctx, w, x.line.start, x.line.end) or _case_purpose(ctx, w, x.line.start, x.line.end)
        return None
    return purpose


def _states_purpose(w: Words, toks: list[Token]) -> bool:
    """A purpose word followed by a common word, past articles ("for a study of …", "för att undersöka …"), not by
    a name ("… to the City of X")."""
    for i, t in enumerate(toks):
        if t.text.lower() in w.purpose:
            nxt = next((u for u in toks[i + 1:] if u.text.lower() not in w.articles), None)
            if nxt is not None and not nxt.is_cap:
                return True
    return False


def _possessive(w: Words, org: str, item: str) -> str:
    if "{org}s" in w.possessive and org[-1:].lower() in ("s", "x", "z"):
        return w.possessive.replace("{org}s", "{org}").format(org=org, item=item)
    return w.possessive.format(org=org, item=item)


def owner_items(ctx: DocContext, s, w: Words | None = None) -> list[FundedItem]:
    """"<Project>, with X as owner, receives N": the name before the apposition, its owner, the sum after;
    several such clauses may follow one another."""
    w = w or words_of(ctx.lang)
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
        name = without_project_word(ctx, re.sub(r"^\W+", "", name))
        floor = after[0].end if after else hit.end()
        if not owner or not after or not name[:1].isupper() or not 0 < len(name.split()) <= 10 or is_total(w, name):
            continue
        out.append(FundedItem(name, (owner[0][1],), after[0].value, after[0].currency,
                              ctx.evidence(s.line.start, s.line.end), named=True))
    return out
