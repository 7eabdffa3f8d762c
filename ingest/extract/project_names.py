"""Projects named by the shape of a clause rather than by a project word glued to the name: a definition
("X is a three-year project …"), a naming word after the project word ("a project called X") and an
apposition ("a joint project, X, which …"). The words of each language are in its lexicon's
[project_naming] section; the shapes are the same in fi, sv and en.
"""
from __future__ import annotations

from typing import Callable, Iterator

from ..text import Token, cue_noun, finite_verb, is_known, lemma
from ..resolve import name_key
from .context import DocContext
from .funding import is_programme
from .lists import country_keys
from .structure import field_words

MAX_NAME = 6  # words: a project's name is short; a longer capitalised run is a headline or a title
MAX_MODIFIERS = 4  # "a new three-year Erasmus+ project"


def named_projects(ctx: DocContext, toks: list[Token], blocked: Callable[[Token], bool]) -> Iterator[tuple[int, int]]:
    """Spans (start, end) of the project names one sentence gives by a definition, a naming word or an
    apposition."""
    sec = ctx.lex.section("project_naming")
    if not sec:
        return
    cues = ctx.lex.cue("project")
    plural = set(ctx.lex.section("cues").get("project_plural", ()))

    stems = tuple({c[:3] for c in cues})

    opening = next((t for t in toks if t.is_word), None)

    def project_noun(t: Token) -> bool:
        low = t.text.lower()
        # a project word in any inflection keeps the first letters of its stem: most words are ruled out
        # without a lemma (a capital opening the sentence is the sentence's: "Hankkeen nimi on X")
        return t.is_word and (not t.is_cap or t is opening) and low not in plural and any(x in low for x in stems) \
            and cue_noun(low, cues, ctx.lang) is not None

    undertakings = frozenset(sec.get("undertaking_nouns", ()))
    yield from _definition(ctx, toks, blocked, sec, project_noun)
    for i, t in enumerate(toks):
        if project_noun(t):
            span = _after_naming_word(ctx, toks, i, blocked, sec) or _apposition(ctx, toks, i, blocked, sec) \
                or _apposed_to_name(ctx, toks, i, blocked, sec)
            if span:
                yield span
        elif t.text.lower() in undertakings:
            # "a pilot called X", "a joint reading programme, X,": another noun of an undertaking carried out names
            # it in the same shapes — unless the name is a funding programme's, which pays and is carried out by none
            span = _after_naming_word(ctx, toks, i, blocked, sec) or _apposition(ctx, toks, i, blocked, sec)
            if span and not is_programme(ctx, ctx.text[span[0]:span[1]]):
                yield span


def _name_run(ctx: DocContext, toks: list[Token], k: int, blocked, sec: dict) -> int | None:
    """The index of the last token of a capitalised name starting at k (None when none starts there)."""
    links = set(sec.get("name_links", ()))
    if k >= len(toks) or not _capital(toks[k]) or blocked(toks[k]):
        return None
    e = k
    while e + 1 < len(toks) and e - k + 1 < MAX_NAME and not blocked(toks[e + 1]):
        nxt = toks[e + 1]
        if _capital(nxt) or nxt.text.isdigit():
            e += 1
        elif (nxt.text in ("&", "+", "–", "-") or nxt.text.lower() in links) and e + 2 < len(toks) \
                and _capital(toks[e + 2]) and not blocked(toks[e + 2]):
            e += 2
        else:
            break
    return e


def _capital(t: Token) -> bool:
    # "SkillBridge", "eTwinning": a capital anywhere in a word marks a name
    return t.is_word and any(c.isupper() for c in t.text)


def _coined(ctx: DocContext, toks: list[Token]) -> bool:
    """A one-word name must be no ordinary word of the language ("Education is a project of …")."""
    if len(toks) > 1:
        return True
    w = toks[0].text
    return w.isupper() or any(c.isupper() for c in w[1:]) or any(c.isdigit() for c in w) \
        or not is_known(w.lower(), ctx.lang)  # (not its lemma: a coined compound lemmatises to its first part)


def defined_name(ctx: DocContext, toks: list[Token], blocked: Callable[[Token], bool],
                 noun: Callable[[Token], bool]) -> tuple[int, int] | None:
    """The span of the name a sentence defines as one of a kind of thing ("X is a network of …"): the kind is
    told by `noun`, a test of the predicate noun."""
    sec = ctx.lex.section("project_naming")
    return next(_definition(ctx, toks, blocked, sec, noun), None) if sec else None


def _definition(ctx: DocContext, toks: list[Token], blocked, sec: dict, project_noun) -> Iterator[tuple[int, int]]:
    """"X is a three-year project", "X är ett treårigt projekt", "X on kolmivuotinen hanke": the subject of a
    copula whose predicate is the project word, in its base form, after a few modifiers."""
    copulas = set(sec.get("copulas", ()))
    articles = set(sec.get("articles", ()))
    stop = set(sec.get("not_modifiers", ())) | set(ctx.lex.words("pronouns", "words"))
    c = next((i for i, t in enumerate(toks[:MAX_NAME + 1]) if t.text.lower() in copulas), None)
    if not c:
        return
    e = _name_run(ctx, toks, 0, blocked, sec)
    if e is None or e != c - 1 or toks[0].text.lower() in stop or not _coined(ctx, toks[:c]):
        return
    j = c + 1
    if j < len(toks) and toks[j].text.lower() in articles:
        j += 1
    n = 0
    while n <= MAX_MODIFIERS:
        t = toks[j + n] if j + n < len(toks) else None
        if t is not None and t.text == "+":
            n += 1  # "an Erasmus+ KA2 project": the plus belongs to the programme's name before it
            continue
        if t is not None and t.is_word and blocked(t) and t.is_cap and is_programme(ctx, t.text):
            n += 1  # "a two-year Nordplus Horizontal project": a programme's name, known as a body, says how it is funded
            continue
        if t is None or not t.is_word or t.text.lower() in stop or blocked(t):
            return
        if project_noun(t):
            # the predicate noun is in its base form ("X on hankkeen tavoite" defines no project) and ends the
            # phrase ("X is a project manager" is a person's title)
            nxt = toks[j + n + 1] if j + n + 1 < len(toks) else None
            if t.text.lower() == lemma(t.text.lower(), ctx.lang).lower() and not _compound_title(ctx, t, nxt, stop) \
                    and name_key(ctx.text[toks[0].start:toks[e].end]) not in country_keys():
                yield toks[0].start, toks[e].end
            return
        if any(ctx.has_cue([t], cue) for cue in ("partner", "coordinator", "funder", "member")) and not _funded_modifier(t):
            return  # "X is a partner in the project": a role, not a definition
        n += 1


def _funded_modifier(t: Token) -> bool:
    """"EU-funded", "Nordplus-funded": a compound adjective whose last part is lower case modifies the noun after
    it; the cue word inside it says how the project is funded, not that the sentence's subject funds it."""
    head, _, tail = t.text.rpartition("-")
    return bool(head) and tail.isalpha() and tail.islower()


def _compound_title(ctx: DocContext, noun: Token, nxt: Token | None, stop: set[str]) -> bool:
    """"project manager", "project partner", "projektets koordinator": the project word modifies the next (a
    preposition after it, "nätverk av …", starts a phrase of its own)."""
    if nxt is None or not nxt.is_word or nxt.is_cap or nxt.text.lower() in stop:
        return False
    from ..lexicon import titles
    pair = f"{noun.text} {nxt.text}".lower()
    # a role word is a title or the last word of a field label ("partner", "coordinator"); a participle
    # ("coordinated by") goes on with the sentence
    return pair in titles(ctx.lang) or nxt.text.lower() in titles(ctx.lang) or nxt.text.lower() in field_words(ctx.lang)


def _after_naming_word(ctx: DocContext, toks: list[Token], i: int, blocked, sec: dict) -> tuple[int, int] | None:
    """"a project called X", "ett projekt som heter X", "hanke nimeltä X"."""
    rest = " ".join(t.text.lower() for t in toks[i + 1:i + 4])
    for w in sec.get("naming_words", ()):
        if rest == w or rest.startswith(w + " "):
            k = i + 1 + len(w.split())
            e = _name_run(ctx, toks, k, blocked, sec)
            if e is not None and _coined(ctx, toks[k:e + 1]):
                return toks[k].start, toks[e].end
            if e is not None:
                # the naming word says a name follows: one in sentence case runs on to the clause's end
                end = _sentence_case_name(ctx, toks, k)
                if end is not None:
                    return toks[k].start, toks[end].end
    return None


def _sentence_case_name(ctx: DocContext, toks: list[Token], k: int) -> int | None:
    """The last token of a name in sentence case from k ("Hållbar vardag") that ends its clause: a few words,
    none a finite verb or a coordinator, then punctuation or the sentence's end."""
    joins = {w.lower() for w in ctx.lex.words("organisation", "coordinators")}
    e = k
    while e + 1 < len(toks) and toks[e + 1].is_word and e - k < MAX_NAME - 1:
        low = toks[e + 1].text.lower()
        if low in joins or finite_verb(low, ctx.lang):
            return None
        e += 1
    return e if e > k and (e + 1 == len(toks) or toks[e + 1].text in (".", ",", ";", ":", "!", "?")) else None


def _apposition(ctx: DocContext, toks: list[Token], i: int, blocked, sec: dict) -> tuple[int, int] | None:
    """"a joint project, X, which …": a capitalised name between commas (or closing the sentence) right
    after the project word. Only in languages whose names keep their base form in apposition."""
    if not sec.get("apposition", False) or i + 2 >= len(toks) or toks[i + 1].text != ",":
        return None
    low = toks[i].text.lower()
    if ctx.lex.names_inflect and low != lemma(low, ctx.lang).lower():
        return None  # an inflected project word has its name inflected too ("hankkeessa, Matikkasillassa,")
    k = i + 2
    e = _name_run(ctx, toks, k, blocked, sec)
    if e is None or not _coined(ctx, toks[k:e + 1]):
        return None
    if e + 1 < len(toks) and toks[e + 1].text not in (",", ".", ";", "(", ":"):
        return None  # "the project, Northfield University said": a clause goes on, no name stands alone
    return toks[k].start, toks[e].end


def _apposed_to_name(ctx: DocContext, toks: list[Token], i: int, blocked, sec: dict) -> tuple[int, int] | None:
    """"… funds SkillBridge, a three-year project run by …": the project word in apposition after the name,
    with its article and a few modifiers, in its base form."""
    if not sec.get("apposition", False):
        return None
    articles = set(sec.get("articles", ()))
    stop = set(sec.get("not_modifiers", ())) | set(ctx.lex.words("pronouns", "words"))
    low = toks[i].text.lower()
    if low != lemma(low, ctx.lang).lower():
        return None
    # "an Erasmus+ project": a programme's name among the modifiers says how the project is funded
    programmes = {g.rstrip("+") for g in ctx.lex.section("cues").get("generic_project_prefixes", ())}
    j = i - 1
    while j >= 0 and i - j <= MAX_MODIFIERS and (
            toks[j].is_word and not _capital(toks[j]) and toks[j].text.lower() not in articles
            and toks[j].text.lower() not in stop or toks[j].text.lower().rstrip("+") in programmes or toks[j].text == "+"
            or _funded_modifier(toks[j]) or toks[j].is_word and _capital(toks[j]) and not blocked(toks[j])):
        j -= 1
    # a comma in running text; a dash in a heading ("Xyz – a Nordplus project")
    dashed = j >= 1 and toks[j - 1].text in ("–", "—")
    if j < 1 or toks[j].text.lower() not in articles or toks[j - 1].text != "," and not dashed:
        return None
    e = j - 2
    k = e
    while k - 1 >= 0 and e - k + 1 < MAX_NAME and _capital(toks[k - 1]) and not blocked(toks[k - 1]):
        k -= 1
    if e < 0 or not _capital(toks[e]) or blocked(toks[e]) or (k > 0 and _capital(toks[k - 1])):
        return None
    if k == 0 and not dashed and not (k == e and toks[k].is_upper) or not _coined(ctx, toks[k:e + 1]):
        # at the start of a sentence the capital may be the sentence's, not a name's; not so in a name in capitals,
        # nor in a heading whose dash sets the name apart
        return None
    return toks[k].start, toks[e].end
