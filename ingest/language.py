"""Language of a document: Finnish, Swedish or English.

The lexicons' function words decide a text that is plainly in one language; a short or mixed text is left to
simplemma's dictionaries (no model download). The function words come first because the dictionaries cost
seconds to load (Finnish alone 3 s), and extraction then needs only the one of the document's language.
"""
from __future__ import annotations

import re

from .lexicon import lexicon

SUPPORTED = ("fi", "sv", "en")
_WORD = re.compile(r"[^\W\d_]+")
# A text is settled by its function words when it has this many of one language and that many times more than
# of any other: a page of a few hundred words has dozens, a title or a bilingual page does not settle.
_MIN_WORDS = 8
_MARGIN = 4


def detect_language(text: str) -> str:
    """The most likely of fi, sv, en for `text` ('en' when nothing is recognised)."""
    sample = text[:20000]
    return _by_function_words(sample) or _by_dictionaries(sample)


def _by_function_words(sample: str) -> str | None:
    words = {lang: lexicon(lang).common_words for lang in SUPPORTED}
    counts = dict.fromkeys(SUPPORTED, 0)
    for w in _WORD.findall(sample.lower()):
        for lang in SUPPORTED:
            if w in words[lang]:
                counts[lang] += 1
    best, second = sorted(SUPPORTED, key=lambda lang: -counts[lang])[:2]
    if counts[best] >= _MIN_WORDS and counts[best] >= _MARGIN * counts[second]:
        return best
    return None


def _by_dictionaries(sample: str) -> str:
    import simplemma  # loaded only when needed: the dictionaries of all three languages

    from .text import LOW_MEMORY  # the dictionaries lemma() reads, so that a process holds one copy of them

    scores = dict(simplemma.langdetect(sample, lang=SUPPORTED, low_memory=LOW_MEMORY))
    best = max(SUPPORTED, key=lambda lang: scores.get(lang, 0.0))
    return best if scores.get(best, 0.0) > 0 else "en"
