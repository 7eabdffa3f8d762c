"""Workplaces: the organisation in the slot a person's title opens, even when its name has no head word (a
brand, a short name: "Name, lecturer, Brandname", "Name, teacher at Brandname", "Brandnamen rehtori Name").

A person's known title makes the slot: the phrase after the title, behind a comma or a workplace preposition,
closed by punctuation, a place preposition or the end of the sentence; for a title before the name, the phrase
in apposition after the name ("title Name, Brand"), which a coordinator may also close; or, where the language marks the
genitive, a single capitalised word in the genitive right before a title that stands before the name. The
phrase becomes an organisation mention the person's affiliation can point to when it is:
- one word that no dictionary of any language knows (so a town, which the dictionaries know, is none), or
- up to four words one of which is an organisation head word of any language (a page quotes other languages'
  names: "Kindergarten Name" on an English page) or an acronym ("Brand AMK"), or all of which no dictionary knows;
and it is not already an organisation, a person, a title or a country.
"""
from __future__ import annotations

import bisect

from ..lexicon import LANGS, every_language, lexicon
from ..text import Token, is_known, lemma
from .actors import Sentence
from .names import ACRONYM, head_type
from .organisations import OrgMention
from .people import PersonFinder, PersonMention

_MAX_WORDS = 4
_CLOSING = {",", ".", ";", ":", ")", "(", "–", "-", "—", "/", "|"}


def workplace_mentions(sentences: list[Sentence], people: list[PersonMention], mentions: list[OrgMention],
                       text: str, lang: str) -> list[OrgMention]:
    titled = [p for p in people if p.title and p.title_start is not None]
    if not titled:
        return []
    finder = PersonFinder(lang)
    lex = lexicon(lang)
    preps = {w.lower() for w in every_language("apposition", "workplace_prepositions")}
    articles = {w.lower() for w in every_language("apposition", "organisation_articles")}
    places = {w.lower() for w in every_language("funded_items", "place_prepositions")} - preps
    countries = {c.lower() for c in every_language("places", "countries")}
    joins = {w.lower() for w in every_language("organisation", "coordinators") if " " not in w}
    taken = [(m.start, m.end) for m in mentions] + [(p.start, p.end) for p in people]

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    def brand(word: str) -> bool:
        return not any(is_known(word, lg) or is_known(word.lower(), lg) for lg in LANGS)

    def headed(tok: Token) -> bool:
        return any(head_type(tok, lexicon(lg)) is not None for lg in LANGS)

    starts = [s.line.start for s in sentences]
    out: list[OrgMention] = []
    for p in titled:
        n = bisect.bisect_right(starts, p.start) - 1  # the sentence the person stands in
        if n < 0 or p.start >= sentences[n].line.end:
            continue
        toks = sentences[n].tokens
        if p.title_start > p.end:  # "Name, title, X" / "Name, title at X"
            i = next((k for k, t in enumerate(toks) if t.start >= p.title_end), len(toks))
            if i < len(toks) and toks[i].text == ",":
                i += 1
            else:
                # the rest of a longer title may come before the preposition ("lecturer in mathematics at X")
                k = i
                while k < len(toks) and k - i < 3 and toks[k].is_word and not toks[k].is_cap \
                        and toks[k].text.lower() not in preps:
                    k += 1
                if k >= len(toks) or toks[k].text.lower() not in preps:
                    continue
                i = k + 1
                if i < len(toks) and toks[i].text.lower() in articles:
                    i += 1
            slot = _phrase(toks, i, places, joins=set())
        else:
            # "title Name, X": the phrase in apposition after the name, closing the clause or before the next
            # person joined by a coordinator ("… projektikoordinaattori Name, X ja …")
            i = next((k for k, t in enumerate(toks) if t.start >= p.end), len(toks))
            slot = _phrase(toks, i + 1, places, joins) if i < len(toks) and toks[i].text == "," else None
            if slot is not None and (not free(slot[0].start, slot[-1].end) or _part_of_a_name(slot, mentions)):
                # a known organisation there already, or a short name of one ("Name, Brand" for "Town College
                # Brand"), which the affiliation resolves by itself; the genitive before the title may be another
                slot = None
        if slot is not None:
            words = slot
            if not words[0].is_cap or any(not (t.is_cap or headed(t)) for t in words):
                slot = None
            elif len(words) == 1 and not (words[0].is_upper or brand(words[0].text)):
                slot = None
            # several words: one a head word, or an acronym ("Xyz AMK"), or all of them unknown ("Xyzin Abcool")
            elif len(words) > 1 and not any(headed(t) or t.is_upper for t in words) \
                    and not all(brand(t.text) for t in words):
                slot = None
        if slot is not None:
            phrase = text[words[0].start:words[-1].end]
            if phrase.lower() in countries or finder.title_of([t.text for t in words]):
                continue
            a, b = words[0].start, words[-1].end
            base = phrase
        elif p.title_start > p.end:
            continue
        else:  # "Brandnamen rehtori Name": a word in the genitive owns the title before the name
            if not lex.genitive_suffixes:
                continue
            k = next((k for k, t in enumerate(toks) if t.end == p.title_start or t.end + 1 == p.title_start), None)
            if k is None or toks[k].end > p.title_start:
                continue
            t = toks[k]
            if not t.is_cap or t.is_upper or not t.text.endswith(lex.genitive_suffixes) \
                    or (k > 0 and toks[k - 1].is_cap and toks[k - 1].is_word):
                continue
            base = lemma(t.text, lang)
            if base == t.text:
                # "X:s", "X:n": an acronym's ending comes after a colon, which is no part of the name
                base = t.text[: -len(next(x for x in lex.genitive_suffixes if t.text.endswith(x)))].rstrip(":")
            if len(base) < 3 or not brand(t.text) or not brand(base) or base.lower() in countries:
                continue
            a, b = t.start, t.end
            phrase = t.text
        if not free(a, b):
            continue
        taken.append((a, b))
        # an acronym ("SKR:s chef") resolves as one: to the name the text declares it for, else to the known actor
        source = "acronym" if ACRONYM.match(base) else "workplace"
        out.append(OrgMention(a, b, phrase, base, "other", source=source, confidence=0.7))
    return out


def _phrase(toks: list[Token], i: int, places: set[str], joins: set[str]) -> list[Token] | None:
    """The words from toks[i] up to closing punctuation, a place preposition, a coordinator in `joins` or the
    sentence's end; None where more than _MAX_WORDS words or anything else follows."""
    words: list[Token] = []
    while i < len(toks) and toks[i].is_word and len(words) <= _MAX_WORDS \
            and toks[i].text.lower() not in places and toks[i].text.lower() not in joins:
        words.append(toks[i])
        i += 1
    if not words or len(words) > _MAX_WORDS or (i < len(toks) and toks[i].text not in _CLOSING
                                                and toks[i].text.lower() not in places | joins):
        return None
    return words


def _part_of_a_name(words: list[Token], mentions: list[OrgMention]) -> bool:
    """The words are some words of a longer organisation name found elsewhere on the page."""
    own = {t.text.lower() for t in words}
    return any(own < set(m.base.lower().split()) for m in mentions)
