"""What the lexicon says about the words of an organisation's name: head words and their types, legal forms,
genitives, dictionary words, and the comparison key of a name built from them. Every language's data is used, so
that a register whose cells mix Finnish and Swedish names needs no language of its own."""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lexicon import LANGS, lexicon
from ..resolve import name_key
from ..text import fold, is_known, lemma

BRACKETS = re.compile(r"\(([^()]*)\)")


@cache
def legal_forms() -> dict[tuple[str, ...], str]:
    """Folded word sequences of legal forms (every language's) → organisation type."""
    out: dict[tuple[str, ...], str] = {}
    for lang in LANGS:
        lex = lexicon(lang)
        forms = {**lex.legal_forms, **lex.section("organisation").get("business_forms", {})}
        for form, typ in forms.items():
            out[tuple(fold(form).split())] = typ
    return out


@cache
def heads() -> tuple[tuple[str, str], ...]:
    """Organisation head words of every language, longest first, with their type."""
    heads: dict[str, str] = {}
    for lang in LANGS:
        for h, t in lexicon(lang).heads:
            heads.setdefault(h, t)
    return tuple(sorted(heads.items(), key=lambda kv: -len(kv[0])))


@cache
def _unit_heads() -> frozenset[str]:
    return frozenset(h for lang in LANGS for h in lexicon(lang).section("organisation").get("unit_heads", ()))


@cache
def _whole_word_heads() -> frozenset[str]:
    return frozenset(h for lang in LANGS for h in lexicon(lang).section("organisation").get("whole_word_heads", ()))


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> tuple[str, ...]:
    """The word folded, its last compound part, and its base forms in languages whose names inflect (a genitive
    "yliopiston" reads as "yliopisto")."""
    low = fold(word)
    forms = {low}
    if "-" in low.strip("-"):
        forms.add(low.rsplit("-", 1)[1])
    for lang in LANGS:
        if lexicon(lang).names_inflect:
            for f in list(forms):
                lem = lemma(f, lang).lower()
                if lem[:3] == f[:3]:
                    forms.add(lem)
    return tuple(sorted(forms))


@lru_cache(maxsize=100_000)
def head_type(word: str, units: bool = False) -> str | None:
    """The organisation type a word gives as a name's head, "unit" for a unit head when `units`, else None."""
    if word.endswith("-"):
        return None  # an elided compound part ("elinkeino-")
    for form in word_forms(word):
        t = form_head(form, units)
        if t is not None:
            return t
    return None


@lru_cache(maxsize=100_000)
def form_head(form: str, units: bool = False) -> str | None:
    """The type of a head word written as this very form (no base form sought)."""
    whole = _whole_word_heads()
    for h, t in heads():
        if form == h or (form.endswith(h) and h not in whole and len(form) > len(h)):
            return t
    if units and any(form == u or form.endswith(u) for u in _unit_heads()):
        return "unit"
    return None


@cache
def _genitive_suffixes() -> tuple[str, ...]:
    # only where names inflect: a Swedish genitive -s would make "Xyz" and "Xyzs" one word in Finnish names
    return tuple(sorted({g for lang in LANGS if lexicon(lang).names_inflect for g in lexicon(lang).genitive_suffixes}))


def same_but_genitive(a: str, b: str) -> bool:
    """One folded word written once in the genitive and once not ("Xyzn" / "Xyz")."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and any(long_ == short + g for g in _genitive_suffixes())


@lru_cache(maxsize=100_000)
def dictionary_word(word: str) -> bool:
    """Whether the lemmatiser's dictionary of any language knows the word, or it is an organisation head word of
    the lexicon (each part of a hyphenated word)."""
    return all(any(is_known(p, lang) for lang in LANGS) or head_type(p) is not None for p in word.split("-") if p)


def legal_form(words: list[str]) -> tuple[list[str], str | None]:
    """The words without the legal forms written before or after the name, and the type those forms give
    (the last one found); words are folded."""
    typ = None
    forms = legal_forms()
    lengths = sorted({len(f) for f in forms}, reverse=True)
    changed = True
    while changed and words:
        changed = False
        for n in lengths:
            if len(words) > n and tuple(words[-n:]) in forms:
                words, typ, changed = words[:-n], forms[tuple(words[-n:])], True
            elif len(words) > n and tuple(words[:n]) in forms:
                words, typ, changed = words[n:], forms[tuple(words[:n])], True
    return words, typ


def only_legal(text: str) -> bool:
    words = fold(text).split()
    return not words or tuple(words) in legal_forms() or not any(c.isalpha() for c in text)


# Unbounded while a resolution runs, emptied when it ends (bodies.resolve_bodies): its two readings of every cell
# ask for the keys of each cell and of each of its leading parts, about 360,000 at ten times the register; a
# bound below that (it was 200,000) made the second reading compute them all again.
@cache
def comparison_key(name: str) -> tuple[str, str | None]:
    """(key, legal type): the name folded and without brackets and legal forms, abbreviations written out as
    ingest/resolve.py's name_key does, and a head in the genitive in its base form."""
    # a dash written apart ("X - Y", "X -kuntayhtymä") is punctuation or a compound written apart
    text = re.sub(r"\s+-(?=\w)", "-", re.sub(r"\s+-+\s+", " ", BRACKETS.sub(" ", name)))
    words = fold(text).split()
    words, typ = legal_form(words)
    if words and form_head(words[-1]) is None:
        base = [f for f in word_forms(words[-1]) if form_head(f) is not None and inflected(words[-1], f)]
        if base:
            words[-1] = max(base, key=len)
    return name_key(" ".join(words)), typ


def inflected(word: str, base: str) -> bool:
    """Whether `word` can be `base` with a case ending ("yliopiston", "kaupungin"), not a longer compound that the
    lemmatiser cut short ("yliopistoseura")."""
    if word == base or len(word) - len(base) > 3:
        return False
    common = len(next(iter(p for p in (word[:i] for i in range(len(base), 0, -1)) if base.startswith(p)), ""))
    return common >= len(base) - 2


def body_type(name: str, legal: str | None) -> str:
    """The organisation type of a name: its head word's, else its legal form's, else "other"."""
    words = fold(BRACKETS.sub(" ", name)).split()
    words, typ = legal_form(words)
    for w in reversed(words[-1:]):
        t = head_type(w)
        if t is not None:
            return t
    return legal or typ or "other"
