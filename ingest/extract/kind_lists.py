"""Bodies listed after a colon that a plural organisation noun opens ("five colleges: A, B, C and D",
"kuusi ammattikorkeakoulua: A, B ja C", "sex folkhögskolor: A, B och C"): the noun says what kind of body each
item is, so every item becomes an organisation mention even without a head word of its own (a brand, a
short name, a town standing for its municipality).

The noun must be a head word of the page's language in another form than its lemma (a plural or a partitive:
a kind, not a body's name), at most a few words before the colon in the same sentence; the items run to the end
of the sentence, split at commas and coordinators, each of one to five words with a capital first letter, and
there must be two or more. An item already found as an organisation or a person is left as it is.
"""
from __future__ import annotations

import re

from ..lexicon import every_language, lexicon
from ..text import Token, lemma
from .actors import Sentence
from .names import head_type
from .organisations import OrgMention

_NOUN_BEFORE = 8  # words between the noun and the colon ("five vocational colleges from the Nordic countries:")
_MAX_WORDS = 5


def kind_list_mentions(sentences: list[Sentence], people, mentions: list[OrgMention], text: str,
                       lang: str) -> list[OrgMention]:
    lex = lexicon(lang)
    joins = {w.lower() for w in every_language("organisation", "coordinators")}
    countries = {c.lower() for c in every_language("places", "countries")}
    taken = [(m.start, m.end) for m in mentions] + [(p.start, p.end) for p in people]
    out: list[OrgMention] = []
    for s in sentences:
        if ":" not in s.line.text:
            continue
        toks = s.tokens
        colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
        if colon is None or colon + 1 >= len(toks):
            continue
        kind = _kind(toks[max(0, colon - _NOUN_BEFORE):colon], lex)
        if kind is None:
            continue
        items = _items(toks[colon + 1:], joins)
        if items is None or len(items) < 2:
            continue
        for part in items:
            a, b = part[0].start, part[-1].end
            phrase = text[a:b]
            if phrase.lower() in countries or any(x < b and a < y for x, y in taken):
                continue
            taken.append((a, b))
            out.append(OrgMention(a, b, phrase, phrase, kind, source="list", confidence=0.7))
    return out


def _kind(toks: list[Token], lex) -> str | None:
    """The organisation type a plural noun among `toks` names."""
    for t in reversed(toks):
        if not t.is_word or t.is_cap:
            continue
        lem = lemma(t.text.lower(), lex.lang).lower()
        if lem == t.text.lower():
            continue
        kind = head_type(Token(lem, t.start, t.start + len(lem)), lex)
        if kind is not None:
            return kind
    return None


def _items(toks: list[Token], joins: set[str]) -> list[list[Token]] | None:
    """The items of a list of names, or None when the words after the colon are no such list."""
    items: list[list[Token]] = [[]]
    for t in toks:
        if t.text in (",", ";") or t.text.lower() in joins:
            if not items[-1]:
                return None
            items.append([])
        elif t.text in (".", "!", "?") and t is toks[-1]:
            break
        elif t.is_word or re.fullmatch(r"[\w&'’-]+", t.text):
            items[-1].append(t)
        else:
            return None  # a bracket, a quote, a number sign: prose, not a list of names
    if not items[-1]:
        return None
    if any(len(i) > _MAX_WORDS or not i[0].is_cap or any(c.isdigit() for t in i for c in t.text) for i in items):
        return None
    return items
