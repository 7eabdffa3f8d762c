"""Coalitions and networks with their members and organisers.

A coalition is named by a network word ("verkosto", "koalition", "alliance") — as the head of an organisation
name ("Metsäkasvatusverkosto", "Tiedekeskus Pohjola … verkostona") or as a phrase ("en koalition för
jämlik och fullgången skola") — and its members come from a member list under it or from sentences with a
member cue ("… kuuluvat", "består av", "Members of").
"""
from __future__ import annotations

import re
from functools import cache, lru_cache, partial

from ..lexicon import LANGS, every_language, lexicon
from ..model import Coalition, Organisation, Participation
from ..resolve import name_key, slugify
from ..text import UPPER, Token, alternation, lemma, lines
from .names import ACRONYM, head_type, mixed_case_brand
from .coalition_members import (Referents, brand_names, generic_compound, members_in_sentences, members_listed_after,
                                noun_end)
from .context import DocContext
from .lists import country_keys
from .project_names import defined_name
from .organisations import after_alliance_term


def _coalition_word(word: str, ctx: DocContext, cues: tuple[str, ...] | None = None) -> bool:
    return _has_coalition_cue(word, ctx.lang, ctx.lex.cue("coalition") if cues is None else cues)


@lru_cache(maxsize=100_000)  # asked of every capitalised word of every sentence, the same words in every document
def _has_coalition_cue(word: str, lang: str, cues: tuple[str, ...]) -> bool:
    low = word.lower().lstrip("-")
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    lem = lemma(low, lang).lower()
    return any(low.startswith(c) or lem.startswith(c) or low.endswith(c) or lem.endswith(c) for c in cues)


@cache  # asked for every network mention; the lexicons do not change while a process runs
def _any_language_cues() -> tuple[str, ...]:
    # a network's name may be in another language than the page ("Arctic Network …" on a Swedish page)
    return tuple(dict.fromkeys(c for lg in LANGS for c in lexicon(lg).cue("coalition")))


def extract_coalitions(ctx: DocContext, project_names: set[str]) -> list[Coalition]:
    found: dict[str, Coalition] = {}
    order: list[tuple[int, Coalition]] = []

    seen: list[tuple[int, int, Coalition]] = []  # every place a coalition is named

    def coalition(name: str, pos: int, end: int, alt: str | None = None) -> Coalition:
        name = re.sub(r"\s+", " ", name).strip(" .,:")
        long_name, acronym = _spelled_out(ctx, name)
        if long_name:
            name = long_name
        # "Koalitionen för …" and "koalition för …" are one coalition: compare the words' lemmas
        k = " ".join(lemma(w, ctx.lang).lower() for w in name_key(name).split())
        for ck, c in found.items():
            if ck == k or k in {name_key(a) for a in c.alt_labels} or (len(k) > 4 and (k in ck or ck in k)) \
                    or (alt is not None and name_key(alt) == name_key(c.name)) \
                    or _stem(ck, ctx) == _stem(k, ctx) != "":
                if alt and not long_name and name_key(c.name) == name_key(alt):
                    # "Xyz Alliance" then "the XYZ alliance": the brand is the name
                    c.alt_labels.add(c.name)
                    c.name = name
                seen.append((pos, end, c))
                return c
        c = Coalition(name=name, evidence=ctx.evidence(pos, end))
        if acronym:
            c.alt_labels.add(acronym)
        if alt:
            c.alt_labels.add(alt)
        found[k] = c
        order.append((pos, c))
        seen.append((pos, end, c))
        return c

    # 1. networks named like organisations; 2. "koalition för …" phrases
    alliance_terms = ctx.lex.words("coalition", "alliance_terms")
    for m in ctx.mentions:
        org = ctx.orgs.get(ctx.key_of(m) or "")
        if org is not None and org.type == "network" and (any(_coalition_word(w, ctx, _any_language_cues()) for w in m.base.split())
                                                          or after_alliance_term(m.base, alliance_terms) is not None) \
                and m.source not in ("acronym",) and not (" " not in org.name and generic_compound(org.name, ctx)) \
                and not _owned_kind(org.name, ctx):
            name, end = _with_topic(ctx, org.name, m.end)
            brand = after_alliance_term(name, alliance_terms)
            if brand and " " not in brand and brand[0].isupper():
                # "European University Xyz": the brand names the alliance, the whole is another name of it
                coalition(brand, m.start, end, alt=name)
            else:
                coalition(name, m.start, end)
    def blocked(t) -> bool:
        return ctx.in_mention(t.start) or ctx.person_in(t.start, t.end)

    def network_noun(t) -> bool:
        return t.is_word and not t.is_cap and t.text.lower() in nouns

    nouns = set(ctx.lex.words("coalition", "nouns"))
    for s in ctx.sentences:
        toks = s.tokens
        # "XYZ is a network of nine universities": the subject names the network, the phrase after it does not
        defined = defined_name(ctx, toks, blocked, network_noun) if any(network_noun(t) for t in toks) else None
        if defined:
            coalition(ctx.text[defined[0]:defined[1]], defined[0], defined[1])
            continue
        for i, t in enumerate(toks):
            if not t.is_word or not _coalition_word(t.text, ctx):
                continue
            named = (t.is_cap and i > 0) or (i > 0 and toks[i - 1].text.lower() in ("en", "ett", "a", "an", "yksi"))
            if ctx.in_mention(t.start):
                continue  # "Nordic Network for Adult Learning": an organisation's name, taken whole above
            if named and _describes_subject(ctx, toks, i):
                continue  # "XYZ är ett nätverk för …": the phrase says what the network named before it is
            if named and i + 1 < len(toks) and toks[i + 1].text.lower() in ("för", "for", "of") and i + 2 < len(toks):
                # "en koalition för jämlik och fullgången skola"
                j = i + 2
                while j < len(toks) and toks[j].is_word and j - i < 9 and not _verbish(toks[j].text, ctx):
                    j += 1
                name = ctx.text[t.start:toks[j - 1].end]
                if j - i >= 3:
                    coalition(name[:1].upper() + name[1:], t.start, toks[j - 1].end)
    # the subject of the sentence that introduces a member list ("Tiedekeskus Pohjola toimii … verkostona, johon
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
    branded = [coalition(name, start, end, alt) for start, end, name, alt in brand_names(ctx)]
    # "inom metropolsamarbetet Xyz Education Area (XEA)": named and typed at once, a coalition whether or not
    # the page lists its members
    typed = [coalition(name, start, end, alt=acr) for start, end, name, acr in _typed_by_noun(ctx)]
    for start, end, name in _named_after_noun(ctx):
        coalition(name, start, end)
    titled = _titled_network(ctx, member_lists)
    if titled is not None and not order:
        coalition(*titled)
    coalitions = [c for _, c in sorted(order, key=lambda x: x[0]) if name_key(c.name) not in project_names]
    if not coalitions:
        return []
    # a list of partners on a page that names a coalition and no project: the coalition's participants
    _members(ctx, coalitions, order, cues=("members",) if project_names else ("members", "partners"))
    # a coalition only typed in passing is no referent of the cooperation nouns that follow it ("… an alliance
    # between A and B" speaks of the page's own coalition)
    seen = [x for x in seen if not any(x[2] is t for t in typed) or any(x[2] is b for b in branded)]
    refs = Referents(ctx, [x for x in sorted(seen, key=lambda x: x[0]) if x[2] in coalitions])
    members_in_sentences(ctx, refs, _add)
    # a line that ends in a colon opens a member list also where it names the coalition by its bare acronym
    bare = _bare_brands(ctx, coalitions, seen)
    listed = Referents(ctx, [x for x in sorted(seen + bare, key=lambda x: x[0]) if x[2] in coalitions]) if bare else refs
    members_listed_after(ctx, listed, partial(_add, rule="list"))
    _members_named_with(ctx, coalitions)
    # a coalition named in a text is no member of another one there, nor of itself under another of its names
    # (its acronym, "XYZ alliance" for "XYZ")
    own = {name_key(x.name) for x in coalitions} | {name_key(a) for x in coalitions for a in x.alt_labels}
    own |= {_stem(k, ctx) for k in own} - {""}
    for c in coalitions:
        c.members = [p for p in c.members if not _is_own(ctx.orgs[p.organisation], own, ctx)
                     and not _an_event(ctx.orgs[p.organisation])]
    _partners_beside_members(ctx, coalitions)
    kept = [c for c in coalitions if c.members or any(c is t for t in typed)]
    _as_organisations(ctx, [c for c in kept if any(c is b for b in branded + typed)])
    return kept


def _describes_subject(ctx: DocContext, toks, i: int) -> bool:
    """The cooperation noun at toks[i] is the predicate of a copula whose subject, opening the sentence, is a
    network already known as an organisation."""
    copulas = set(ctx.lex.words("clause", "copulas"))
    c = next((k for k in range(i) if toks[k].text.lower() in copulas), None)
    if c is None or c == 0 or i - c > 3:
        return False
    first = next(iter(ctx.mentions_starting(toks[0].start, toks[0].start)), None)
    k = ctx.key_of(first) if first is not None else None
    return k is not None and ctx.orgs[k].type == "network"


def _owned_kind(name: str, ctx: DocContext) -> bool:
    """"Xyzin yliopiston yhteistyöverkosto", "Xyz universitets samarbetsnätverk": a kind of network (a generic
    compound) after its owner's name in the genitive describes the page's network, it does not name it."""
    words = name.split()
    suffixes = ctx.lex.genitive_suffixes
    if len(words) < 2 or not suffixes or not generic_compound(words[-1], ctx) or not words[-2].endswith(suffixes):
        return False
    # the owner is a body: its head word in the genitive ("yliopiston", "universitets"), not a field
    # ("Opettajankoulutuksen kehittämisverkosto" names a network)
    return head_type(Token(words[-2], 0, len(words[-2])), ctx.lex) is not None


@cache  # asked for every member of every coalition
def _event_words() -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.lower() for lg in LANGS for w in (*lexicon(lg).cue("event"),
                                                                   *lexicon(lg).words("events", "meeting"))))


def _an_event(org: Organisation) -> bool:
    """A heading read as a body without a head word ("Annual get-together", "Höstträff i X"): a gathering of
    the network, not one of its members."""
    return org.type == "other" and any(w.endswith(_event_words()) for w in org.name.lower().split())


_BRACKETED = re.compile(r"\(\s*([" + UPPER + r"][" + UPPER + r"0-9&-]{1,7})\s*\)")


def _partners_beside_members(ctx: DocContext, coalitions: list[Coalition]) -> None:
    """A coalition whose members a sentence names, with a word for "between" ("an alliance between A, B and C")
    or two of them at least (its chair not counted), has its listed partners ("Its partners are: …") beside
    them, bodies it works with, not among them (in place)."""
    def line_of(pos: int) -> int:
        return ctx.text.rfind("\n", 0, pos) + 1  # a list line with its bullet or without

    partner_lines = {line_of(it.line.start) for it in ctx.items if it.block_cue == "partners"}
    if not partner_lines:
        return
    between = {w.lower() for w in ctx.lex.words("coalition", "between_words")}

    def listed(p: Participation) -> bool:
        return p.evidence is not None and line_of(p.evidence.start) in partner_lines

    for c in coalitions:
        stated = [p for p in c.members if not listed(p) and p.evidence is not None]
        if sum(p.role == "member" for p in stated) >= 2 or any(_says_between(p.evidence.exact, between, ctx) for p in stated):
            c.partners += [p for p in c.members if listed(p)]
            c.members = [p for p in c.members if not listed(p)]


def _says_between(text: str, between: set[str], ctx: DocContext) -> bool:
    return any(w.lower() in between or lemma(w.lower(), ctx.lang).lower() in between for w in re.findall(r"\w+", text))


def _typed_by_noun(ctx: DocContext) -> list[tuple[int, int, str, str]]:
    """(start, end, name, acronym) of a name spelled out before its acronym in brackets, right after a
    lower-case cooperation noun or a compound of one ("samarbetet", "metropolsamarbetet", "verkostossa")."""
    out = []
    ends = noun_end(ctx.lang)
    for m in _BRACKETED.finditer(ctx.text):
        full, acr = _spelled_out(ctx, m.group(1))
        if not full:
            continue
        at = ctx.text.rfind(full, max(0, m.start() - len(full) - 4), m.start())
        if at < 0 or ctx.text[at + len(full):m.start()].strip():
            continue
        before = re.search(r"(\w+)\s+$", ctx.text[max(0, at - 40):at])
        if before is None or not before.group(1).islower():
            continue
        word = before.group(1)
        if ends.search(word) or ends.search(lemma(word, ctx.lang).lower()):
            out.append((at, m.end(), full, acr))
    return out


def _titled_network(ctx: DocContext, member_lists: set[int]) -> tuple[str, int, int] | None:
    """"Pohjoisen opettajankoulutuksen verkosto" over a list of members: a heading line above the list that ends
    in the cooperation noun, in its base form, names the network whose members the page lists."""
    if not member_lists:
        return None
    first = min(member_lists)
    for ln in reversed([ln for ln in lines(ctx.text) if ln.end <= first][-6:]):
        words = ln.text.split()
        last = words[-1] if words else ""
        if 2 <= len(words) <= 8 and last.islower() and last in ctx.lex.cue("coalition") \
                and lemma(last, ctx.lang).lower() == last and words[0][:1].isupper():
            at = ln.start + ln.text.index(words[0])
            return ln.text.strip(), at, at + len(ln.text.strip())
    return None


def _named_after_noun(ctx: DocContext) -> list[tuple[int, int, str]]:
    """(start, end, name) of a capitalised name right after the cooperation noun in its base or definite form
    ("nätverket Xyz Norr", "alliansen Xyz"): the noun says what the name is, as "projektet X" does for a
    project."""
    cues = set(ctx.lex.cue("coalition"))
    out = []
    for s in ctx.sentences:
        toks = s.tokens
        for i, t in enumerate(toks[:-1]):
            low = t.text.lower()
            if not t.is_word or t.is_cap or low not in cues and lemma(low, ctx.lang) not in cues:
                continue
            j = i + 1
            while j < len(toks) and j - i <= 5 and (toks[j].is_word and toks[j].is_cap or toks[j].text.isdigit()) \
                    and not ctx.in_mention(toks[j].start) and not ctx.person_in(toks[j].start, toks[j].end):
                j += 1
            if j > i + 1 and toks[i + 1].is_word:
                a, e = toks[i + 1].start, toks[j - 1].end
                if name_key(ctx.text[a:e]) not in country_keys():
                    out.append((a, e, ctx.text[a:e]))
    return out


def _bare_brands(ctx: DocContext, coalitions: list[Coalition], seen) -> list[tuple[int, int, Coalition]]:
    """A coalition named by an acronym ("the XYZ alliance") is named again by the bare acronym ("the universities
    of XYZ are:"): each such place names it too."""
    out = []
    taken = [(p, e) for p, e, _ in seen]
    for c in coalitions:
        for label in {c.name} | c.alt_labels:
            if " " in label or not (ACRONYM.match(label) or mixed_case_brand(label)):
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(label) + r"(?![\w-])", ctx.text):
                if not any(p <= m.start() < e for p, e in taken):
                    out.append((m.start(), m.end(), c))
                    taken.append(m.span())
    return out


def _as_organisations(ctx: DocContext, coalitions: list[Coalition]) -> None:
    """A network with a name of its own ("XYZ-verkosto", "Xyzalliansen") is also an organisation (type network),
    as a head word would have made it; one already found under that name is left as it is."""
    known = {name_key(n) for o in ctx.orgs.values() for n in {o.name} | o.alt_labels | o.hidden_labels}
    for c in coalitions:
        names = {c.name} | c.alt_labels
        key = slugify(c.name)
        keys = {name_key(n) for n in names}
        brand_org = next((o for o in ctx.orgs.values() if o.type == "network" and name_key(o.name) in {name_key(a) for a in c.alt_labels}
                          and name_key(o.name).startswith(name_key(c.name) + " ")), None)
        if brand_org is not None:
            # "the XYZ alliance" as an organisation: its name is the brand, as the coalition's is
            brand_org.alt_labels.add(brand_org.name)
            brand_org.name = c.name
            continue
        if key in ctx.orgs or any(k == n or k.startswith(n + " ") for k in known for n in keys):
            continue  # "XYZ alliance" already an organisation under that name
        ctx.orgs[key] = Organisation(key=key, name=c.name, lang=ctx.lang, type="network",
                                     alt_labels=set(c.alt_labels) - {c.name}, evidence=c.evidence)


def _with_topic(ctx: DocContext, name: str, end: int) -> tuple[str, int]:
    """"Xyz Network on Rural Schools": a name that ends in a cooperation noun goes on with a
    linking word and capitalised words (the `coalition.name_links` of the language)."""
    # the name's own language: a page quotes names from another one ("Arctic Network on …" on a Swedish page)
    last = name.split()[-1].lower()
    lex = next((lx for lx in (ctx.lex, *(lexicon(lg) for lg in LANGS)) if last in lx.words("coalition", "nouns")), None)
    links = lex.words("coalition", "name_links") if lex else ()
    if not links:
        return name, end
    inner = set(links) | set(lex.section("organisation").get("coordinators", ())) | set(lex.section("organisation").get("inner_words", ()))
    m = re.match(r"[ \t]+(" + "|".join(map(re.escape, links)) + r")(?=[ \t])", ctx.text[end:end + 200])
    if not m:
        return name, end
    last = None
    for w in _next_words(ctx.text[end + m.end():end + 200]):
        word = w.group(1)
        if word[:1].isupper():
            last = w
        elif word.lower() not in inner:
            break
    if last is None:
        return name, end
    stop = end + m.end() + last.end()
    return name + ctx.text[end:stop], stop


_WORD = re.compile(r"[ \t]+([^\s,.;:()]+)")


def _next_words(text: str):
    """The words that follow one another from the start of `text`, up to the first punctuation."""
    pos = 0
    while (w := _WORD.match(text, pos)) is not None:
        yield w
        pos = w.end()


def _is_own(org: Organisation, own: set[str], ctx: DocContext) -> bool:
    """The organisation is a coalition of the text: one of its names, or a network named by its brand, or the
    same network in another form ("Xyz-nätverket" in "Abcs Xyz-nätverk")."""
    names = {name_key(n) for n in {org.name} | org.alt_labels}
    # its name spelled out: the initials of its capitalised words are a coalition's acronym ("ABC")
    initials = "".join(w[0] for w in org.name.split() if w[:1].isupper()).lower()
    if initials in own or any(n in own for n in names):
        return True
    if org.type != "network":
        return False
    trimmed = {_trim(o, ctx) for o in own}
    return any(n.split(" ")[0] in own or len(_trim(n, ctx)) >= 4 and any(_trim(n, ctx) in t for t in trimmed) for n in names)


def _stem(key: str, ctx: DocContext) -> str:
    """A one-word name without its cooperation nouns ("Xyzalliansen", "Xyzallianssamarbetet" → "xyz"): two
    compounds of one brand name one coalition."""
    if " " in key:
        return ""
    return _trim(key, ctx)


def _trim(key: str, ctx: DocContext) -> str:
    """A name key without the cooperation nouns that end it."""
    nouns = sorted(ctx.lex.words("coalition", "nouns"), key=len, reverse=True)
    changed = True
    while changed:
        changed = False
        for n in nouns:
            if key.endswith(n) and len(key) > len(n) + 2:
                key, changed = key[: -len(n)].rstrip("- "), True
                break
    return key if len(key) >= 3 else ""


def _spelled_out(ctx: DocContext, name: str) -> tuple[str | None, str | None]:
    """"NHA alliance" where the page writes "The Northern Harbour Academies (NHA)": the
    coalition's name is the spelled-out one, its acronym an alternative."""
    m = re.search(r"\b([" + UPPER + r"][" + UPPER + r"0-9]{1,7})\b", name)
    if not m:
        return None, None
    acr = m.group(1)
    # the answer depends on the acronym and the text only: one search of a long text per acronym
    key = ("spelled out", acr)
    if key not in ctx.memo:
        ctx.memo[key] = _spelled_out_acronym(ctx, acr)
    return ctx.memo[key]


def _spelled_out_acronym(ctx: DocContext, acr: str) -> tuple[str | None, str | None]:
    word = r"(?:[" + UPPER + r"][\w’'-]*|" + alternation(every_language("coalition", "acronym_name_links")) + ")"
    for d in re.finditer(r"(" + word + r"(?:[ \t]+" + word + r"){1,9})[ \t]*\([ \t]*" + re.escape(acr) + r"[ \t]*\)", ctx.text):
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


def _members(ctx: DocContext, coalitions, order, cues: tuple[str, ...] = ("members",)) -> None:
    # member lists
    for it in ctx.items:
        if it.block_cue in cues and it.role != "none":
            c = _nearest(order, it.line.start)
            k = ctx.key_of(it.mention)
            own = {name_key(c.name)} | {name_key(a) for a in c.alt_labels}
            if c is not None and k and not any(o and o in name_key(ctx.orgs[k].name) for o in own):
                role = "organiser" if it.role == "coordinator" else "member"
                _add(c, k, role, ctx.evidence(it.line.start, it.line.end), rule="list")


_MEMBER_TYPES = {"university", "school", "vocational_institution", "research_institute", "municipality", "ngo", "company"}


def _members_named_with(ctx: DocContext, coalitions) -> None:
    """"Metsäkasvatusverkoston kautta Järvelän, Kuusimaan … yliopistojen opiskelijat …": institutions
    listed together in the sentence that names a network are its members (unless money is changing hands)."""
    for c in coalitions:
        key = name_key(c.name)
        for s in ctx.sentences:
            orgs = ctx.orgs_in(s.line.start, s.line.end)
            if not any(name_key(ctx.orgs[k].name) == key for m, k in orgs):
                continue
            if ctx.has_cue(s.tokens, "funder") or ctx.has_cue(s.tokens, "coordinator"):
                continue
            named_at = min(m.start for m, k in orgs if name_key(ctx.orgs[k].name) == key)
            cue = _member_or_lead_word(ctx, s.tokens)
            if cue is not None and cue.start < named_at:
                continue  # "members include A and B, led by the X Consortium": X is one of the bodies listed
            others = [k for m, k in orgs if name_key(ctx.orgs[k].name) != key and ctx.orgs[k].type in _MEMBER_TYPES]
            if len(set(others)) >= 2:
                for k in dict.fromkeys(others):
                    _add(c, k, "member", ctx.evidence(s.line.start, s.line.end))


@cache  # asked for every sentence that names a coalition
def _single_member_or_lead_words() -> frozenset[str]:
    words = every_language("coalition", "member_words") | every_language("coalition", "lead_words")
    return frozenset(w.lower() for w in words if " " not in w)


def _member_or_lead_word(ctx: DocContext, tokens):
    single = _single_member_or_lead_words()
    return next((t for t in tokens if t.is_word and t.text.lower() in single), None)


def _add(c: Coalition, key: str, role: str, ev, rule: str = "sentence") -> None:
    for p in c.members:
        if p.organisation == key:
            if role == "organiser":
                p.role = "organiser"
            return
    c.members.append(Participation(key, role, ev, rule=rule))
