"""Tokens, lines and sentences with character offsets, and lemmas from a real morphology resource.

Lemmas come from simplemma's Finnish, Swedish and English dictionaries (no download at run time). Every
extraction step works on these tokens, so offsets into `Document.text` survive to the evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import simplemma

from .dictionaries import keep_block_index
from .language import SUPPORTED
from .lexicon import every_language, lexicon

# Capital letters of the Latin, Greek and Cyrillic scripts, for patterns that need "starts with a capital" in a
# character class (Python's re has no \p{Lu}); every language's capitals, not one alphabet's.
UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper() and c.isalpha())
LOWER = "".join(c for c in map(chr, range(0x61, 0x530)) if c.islower() and c.isalpha())

# A word may carry internal hyphens, colons (EU:lta, NKF:s) and apostrophes, and may end in a hyphen that
# stands for an elided compound part ("Opetus- ja kulttuuriministeriö").
TOKEN_RE = re.compile(
    r"(?<!\S)[-–](?=[^\W\d_])[^\W\d_](?:[\w]|[-:'’](?=[\w]))*"  # "-hanke", "–ohjelmaa": a suffix written apart
    r"|[^\W\d_](?:[\w]|[-:'’.&+](?=[\w]))*-?"
    r"|\d+(?:[ \u00a0\u202f]\d{3})+(?:[,.]\d+)?(?![\d])"
    r"|\d+(?:[.,:]\d+)*\.?"
    r"|[^\w\s]",
    re.UNICODE,
)
BULLET_RE = re.compile(r"^\s*(?:[•·▪◦●‣*–—-]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int

    # computed once per token: every rule asks its tokens these, about a million times in 120 documents
    @cached_property
    def is_word(self) -> bool:
        return self.text.lstrip("-–")[:1].isalpha()

    @cached_property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()

    @cached_property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def bulleted(self) -> bool:
        return bool(BULLET_RE.match(self.text))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    out = []
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        # "Opetus-ja" keeps its hyphen inside; a word-final period is a sentence end, not part of the word
        if len(s) > 1 and s.endswith(".") and s[0].isalpha():
            out.append(Token(s[:-1], offset + m.start(), offset + m.end() - 1))
            out.append(Token(".", offset + m.end() - 1, offset + m.end()))
            continue
        out.append(Token(s, offset + m.start(), offset + m.end()))
    return out


_GLUED = re.compile(r"^([" + UPPER + r"]?[^\W\d_" + UPPER + r"]{5,})([" + UPPER + r"][\w-]*)$")


def split_glued(tokens: list[Token], lang: str, labels: frozenset[str] = frozenset()) -> list[Token]:
    """A label run into its value by a page copy ("HuvudsökandeSverigefinska", "medverkandeKemi-Torneå"): two
    tokens, when the first part is a word of the language or a field label (so "VetoVoimaa", "WinNova" stay
    whole)."""
    out = []
    for t in tokens:
        m = _GLUED.match(t.text)
        if m and (m.group(1).lower() in labels or is_known(m.group(1).lower(), lang)):
            cut = t.start + len(m.group(1))
            out += [Token(m.group(1), t.start, cut), Token(m.group(2), cut, t.end)]
        else:
            out.append(t)
    return out


def lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


_SENT_END = re.compile(r"(?<=[.!?])[\"”’»)]*\s+(?=[\"“”'«(–—-]?\s*[" + UPPER + r"0-9])")


def alternation(words) -> str:
    """Words as a regex alternation, longest first (so a longer word wins over its prefix); one that never
    matches when there are none."""
    return _alternation(frozenset(words))


@lru_cache(maxsize=4096)  # rules build their patterns from the same lexicon words in every sentence
def _alternation(words: frozenset[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=lambda w: (-len(w), w)))) or "(?!)"


@lru_cache(maxsize=1)
def _abbreviation() -> re.Pattern:
    """A sentence head that ends in an abbreviation, an initial or a date's number ("7.6.", an ordinal "2.").
    A day or a month has one or two digits; a year or a sum before the point ("… in 2024–2026. The …") ends
    the sentence."""
    words = alternation(every_language("sentences", "abbreviations"))
    return re.compile(r"(?:\b(?:" + words + r")\.|\b[" + UPPER + r"]\.|(?<!\d)\d{1,2}\.)$")


def sentences(line: Line) -> list[Line]:
    """Split one line into sentences; abbreviations and dates ("7.6.", "mm.") do not end a sentence."""
    out, start = [], 0
    for m in _SENT_END.finditer(line.text):
        head = line.text[start:m.start()]
        if _abbreviation().search(head):
            continue
        out.append(Line(line.start + start, line.start + m.start(), head))
        start = m.end()
    out.append(Line(line.start + start, line.end, line.text[start:]))
    return [s for s in out if s.text.strip()]


# simplemma's low-memory dictionaries: the same entries, read from the compressed stream with an index of its
# blocks instead of decoded into one dict per language. A worker of a build needs 150 MB instead of 530 and
# starts in 2.0 s of CPU instead of 3.5; a word form looked up for the first time costs ~50 µs instead of ~9
# (lemma() caches each form), so a corpus of 1,500 documents spends less CPU in all.
LOW_MEMORY = True
keep_block_index()  # their index of blocks, read from the user's cache instead of built anew in each process


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    """Dictionary lemma of one word form (case kept for proper nouns, as simplemma gives it)."""
    if lang not in SUPPORTED:  # simplemma ships dictionaries for these; other codes have no lemmas
        return word
    try:
        return simplemma.lemmatize(word, lang=lang, low_memory=LOW_MEMORY)
    except ValueError:
        return word


@lru_cache(maxsize=200_000)
def definite_form(word: str, lang: str) -> bool:
    """The word is its lemma with one of the language's definite suffixes ("konferensen", "projektet")."""
    low = word.lower()
    lem = lemma(low, lang).lower()
    return low != lem and low.startswith(lem) and low[len(lem):] in lexicon(lang).definite_suffixes


def is_known(word: str, lang: str) -> bool:
    try:
        return simplemma.is_known(word, lang=lang, low_memory=LOW_MEMORY)
    except ValueError:
        return False


def fold(s: str) -> str:
    """Case- and punctuation-folded key for comparing names."""
    s = s.casefold().replace("–", "-").replace("—", "-").replace("’", "'")
    s = re.sub(r"[\"“”«»()\[\],.:;!?]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def cue_noun(word: str, cues, lang: str) -> str | None:
    """The cue noun `word` is in some inflection ("-hankkeessa" → "hanke"), or the cue a compound ends with
    ("yhteistyöhanke", "Teams-webinaari"); never a compound that starts with one ("hankepäällikkö",
    "konferenssipuheenvuoro")."""
    low = word.lower().lstrip("-–")
    if "-" in low and low in cues:
        return low  # a cue written with a hyphen of its own ("get-together")
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    if not low:
        return None
    lem = lemma(low, lang).lower()
    for c in cues:
        if lem == c or low == c or (len(c) >= 5 and (lem.endswith(c) or low.endswith(c))):
            return c
    return None


def finite_verb(word: str, lang: str) -> bool:
    """A finite verb: the dictionary gives an infinitive other than the word itself ("uudistetaan" → "uudistaa",
    "samlar" → "samla"), so the word is no part of a name."""
    low = word.lower()
    lem = lemma(low, lang).lower()
    if lem == low:
        return False
    lex = lexicon(lang)
    if lex.infinitive is None or lex.finite_ending is None:
        return False  # the language marks no finite verb by its ending
    # an infinitive lemma and a personal or passive ending: "uudistetaan", "kokoavat", "avasi", "samlar"
    return bool(lex.infinitive.search(lem) and lex.finite_ending.search(low))
