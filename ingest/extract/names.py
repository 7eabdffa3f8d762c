"""What an organisation's name is made of: its head word (with the type it gives) and its base form.

Finnish and Swedish names end in a head noun that may be a compound ("Savon koulutuskuntayhtymän", "Skolverket");
the base form lemmatises the head and the Finnish adjectives that agree with it, and keeps genitive modifiers.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import Lexicon, lexicon
from ..text import UPPER, Token, is_known, lemma

ACRONYM = re.compile(r"^[" + UPPER + r"][" + UPPER + r"0-9&-]{1,7}$")  # "OKM", "EC2U", "R&D"


def mixed_case_brand(word: str) -> bool:
    """A one-word brand with capitals inside it ("EuXyz", "XyzNet"): as distinctive as an acronym."""
    return word[:1].isupper() and sum(ch.isupper() for ch in word) >= 2 and word.isalnum() and not word.isupper()


def head_type(tok: Token, lex: Lexicon) -> str | None:
    """The organisation type when `tok` is an organisation head word of `lex.lang`, else None."""
    # decided once per word and lexicon: a long document asks about the same words again and again
    entry = _HEAD_TYPES.get(id(lex))
    if entry is None or entry[0] is not lex:
        entry = _HEAD_TYPES[id(lex)] = (lex, {})
    if tok.text not in entry[1]:
        entry[1][tok.text] = _head_type(tok, lex)
    return entry[1][tok.text]


_HEAD_TYPES: dict[int, tuple[Lexicon, dict[str, str | None]]] = {}


def _head_type(tok: Token, lex: Lexicon) -> str | None:
    if tok.text.endswith("-"):
        return None  # an elided compound part ("koulu- ja oppilaitosnuorisotyö")
    low = re.sub(r"['’]s$", "", tok.text.lower())  # "University's"
    if not lex.closed_compounds:
        heads = dict(lex.heads)
        # a plural ("Teacher Circles", "European universities") names a kind, not a body
        return heads.get(low) if lemma(low, lex.lang) == low or low not in heads else None
    forms = {low}
    lem = lemma(tok.text, lex.lang).lower()
    # a lemma that shares no stem is another word ("ska" → "skola"); so is one the word runs on past with no case
    # ending (a compound read as its first part: "kirjastotunti" is a lesson, no "kirjasto")
    endings = tuple(lex.section("case_endings").get("endings", ()))
    if lem[:3] == low[:3] and (lem == low or not endings or low.endswith(endings)):
        forms.add(lem)
    if "-" in low:  # "Centria-ammattikorkeakoulun": the dictionary knows the last part
        last = low.rsplit("-", 1)[1]
        forms |= {last, lemma(last, lex.lang).lower()}
    for g in lex.genitive_suffixes:
        if low.endswith(tuple(d + g for d in lex.definite_endings)):
            forms.add(low[:-len(g)])  # "Skolledarförbundets": the genitive of a definite head
    whole = set(lex.section("organisation").get("whole_word_heads", ()))
    # a lower-case compound ending in a whole-word head is a common noun ("johtokunta"); a capitalised one
    # the dictionary does not know is a name ("Kuntaliitto")
    proper = tok.is_cap and not lemma(tok.text, lex.lang)[:1].islower()
    places = set(lex.section("organisation").get("place_like_heads", ()))
    for head, typ in lex.heads:
        for f in forms:
            if f == head or (f.endswith(head) and (head not in whole or proper and head not in places)):
                return typ
    return None


def _plural_generic(word: str, lex: Lexicon) -> bool:
    """"kommunerna", "skolorna", "yliopistojen": a plural is a kind, not one body."""
    low = word.lower()
    if any(low.endswith(e) for e in lex.section("organisation").get("plural_endings", ())):
        return True
    return any(low.endswith(p) and lemma(low, lex.lang).lower() + p == low for p in lex.nominative_plural_suffixes)


def is_bare_head(tok: Token, lex: Lexicon) -> bool:
    """A head with nothing before it inside the word: a generic noun ("Yliopisto", "Kommunen")."""
    forms = {tok.text.lower(), lemma(tok.text, lex.lang).lower()}
    heads = {h for h, _ in lex.heads}
    return bool(forms & heads) or any(f.rstrip("n") in heads for f in forms)


def base_form(tokens: list[Token], lang: str, inflected: bool = True) -> str:
    """Nominative base form of a name: the head (last word) lemmatised, and Finnish adjectives that agree
    with it ("Humanistisen ammattikorkeakoulun" → "Humanistinen ammattikorkeakoulu"); genitive modifiers
    stay as they are ("Savon koulutuskuntayhtymän" → "Savon koulutuskuntayhtymä")."""
    words = [t.text for t in tokens]
    if not words:
        return ""
    if not inflected:  # list items and headings are written in the nominative already
        return _join(tokens, [re.sub(r"['’]s$", "", w) if i == len(words) - 1 else w for i, w in enumerate(words)])
    lex = lexicon(lang)
    legal = {k.lower() for k in lex.legal_forms}
    last = len(words) - 1
    while last > 0 and words[last].lower().rstrip(".") in legal:
        last -= 1
    words[last] = _head_lemma(words[last], lang)
    if lex.agreeing_adjective_endings:
        for i in range(last):
            w = words[i]
            if w[0].isalpha() and not w.endswith("-"):
                lem = lemma(w, lang)
                if lem.lower() != w.lower() and lem.endswith(lex.adjective_lemma_endings) \
                        and w.lower().endswith(lex.agreeing_adjective_endings):
                    words[i] = _keep_case(w, lem)
    text = _join(tokens, words)
    return text


def _join(tokens: list[Token], words: list[str]) -> str:
    out = ""
    for i, (tok, w) in enumerate(zip(tokens, words)):
        if i and tok.start > tokens[i - 1].end:
            out += " "
        out += w
    return out


def _keep_case(original: str, lem: str) -> str:
    if original[:1].isupper():
        return lem[:1].upper() + lem[1:]
    return lem[:1].lower() + lem[1:] if not lem[:2].isupper() else lem


@lru_cache(maxsize=100_000)  # the same names recur all through a long document
def _head_lemma(word: str, lang: str) -> str:
    """The head word in its base form, as the language's `name_head_form` says how names inflect."""
    lex = lexicon(lang)
    letters = [c for c in word if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return word.split(":", 1)[0]  # an acronym: "KAO" is no inflected form of anything
    if lex.name_head_form == "drop_possessive":
        return re.sub(r"['’]s$", "", word)
    if ":" in word:  # an acronym with a case ending: "OKM:n", "NKF:s"
        return word.split(":", 1)[0]
    if lex.name_head_form == "drop_genitive":
        return _drop_genitive(word, lex)
    if "-" in word:
        head, last = word.rsplit("-", 1)
        if last:
            return head + "-" + _declined_head(last, lex)
    return _declined_head(word, lex)


def _declined_head(word: str, lex: Lexicon) -> str:
    low = word.lower()
    if any(low.endswith(h) for h, _ in lex.heads):
        return word  # already the nominative of a head word ("sivistystoimi" is not "sivistys")
    lem = lemma(word, lex.lang)
    if lem.lower() == word.lower():
        return word
    return _keep_case(word, lem)


def _drop_genitive(word: str, lex: Lexicon) -> str:
    """Names that keep their definite form ("Länsstyrelsen", "Skolverket"): only the genitive -s goes."""
    low = word.lower()
    heads = tuple(h for h, _ in lex.heads)
    for g in lex.genitive_suffixes:
        if low.endswith(g) and len(low) > 3 and not low.endswith(g + g):
            stem = word[:-len(g)]
            if is_known(stem.lower(), lex.lang) or lemma(stem.lower(), lex.lang) == lemma(low, lex.lang) \
                    or stem.lower().endswith(heads):
                return stem  # "Malmö universitets", "Skolledarförbundets"
    return word


def name_before_dashed_cue(toks: list[Token], end: int, blocked, openers: frozenset[str]) -> int | None:
    """The first token of a name written before a dashed cue word, ending at token `end` ("Tulosta laadulla
    -hanke", "Xyz 2030 -seminaari"): back from `end` over words in sentence case to the first capital, past a
    number that closes the name; a function word that opens the sentence has its capital from the sentence
    ("I Xyz-projektet …"). None where no capitalised word opens such a name."""
    j, first_cap = end, None
    while j >= 0 and end - j < 8:
        tj = toks[j]
        number = tj.text.isdigit() and first_cap is None
        if not (tj.is_word or number or tj.text in ("–", "&", "+")) or (blocked(tj) and j != end):
            break
        if tj.is_cap or tj.is_upper:
            first_cap = j
        elif first_cap is not None:
            break
        j -= 1
    while first_cap is not None and first_cap < end and toks[first_cap].text.lower() in openers:
        first_cap += 1
    return first_cap

