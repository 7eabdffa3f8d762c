"""Language of a document: Finnish, Swedish or English — or another language, named so that it can be refused.

The lexicons' function words decide a text that is plainly in one language; a short or mixed text is left to
simplemma's dictionaries (no model download). A text plainly in a language edukg does not read (German, Estonian,
Russian … in other_languages.toml) gets that language's code, so the caller can say so instead of reading its
stop words as names. The function words come first because the dictionaries cost
seconds to load (Finnish alone 3 s), and extraction then needs only the one of the document's language.
"""
from __future__ import annotations

import re

from .lexicon import lexicon, other_languages

SUPPORTED = ("fi", "sv", "en")
_WORD = re.compile(r"[^\W\d_]+")
# A text is settled by its function words when it has this many of one language and that many times more than
# of any other: a page of a few hundred words has dozens, a title or a bilingual page does not settle.
_MIN_WORDS = 8
_MARGIN = 4
# A page in a language edukg does not read has next to none of the read languages' function words, so twice as many
# of its own settle it; close languages (Danish and Norwegian against Swedish) share a few.
_OTHER_MARGIN = 2


def detect_language(text: str) -> str:
    """The most likely of fi, sv, en for `text` ('en' when nothing is recognised), or the code of a language of
    other_languages.toml when the text is plainly written in that one."""
    sample = text[:20000]
    return _by_function_words(sample) or _by_dictionaries(sample)


def language_name(code: str) -> str:
    """The English name of a language that edukg recognises but does not read ('de' → 'German')."""
    return next((o.name for o in other_languages() if o.code == code), code)


def _by_function_words(sample: str) -> str | None:
    words = {lang: lexicon(lang).common_words for lang in SUPPORTED}
    others = {o.code: o.words for o in other_languages()}
    counts = dict.fromkeys([*words, *others], 0)
    for w in _WORD.findall(sample.lower()):
        for lang, known in (*words.items(), *others.items()):
            if w in known:
                counts[lang] += 1
    best, second = sorted(SUPPORTED, key=lambda lang: -counts[lang])[:2]
    # close languages share words (Danish and Norwegian): an unread language only has to stand out from the read ones
    other = max(others, key=lambda lang: counts[lang])
    if counts[best] >= _MIN_WORDS and counts[best] >= _MARGIN * max(counts[second], counts[other]):
        return best
    if counts[other] >= _MIN_WORDS and counts[other] >= _OTHER_MARGIN * counts[best]:
        return other
    return None


def _by_dictionaries(sample: str) -> str:
    import simplemma  # loaded only when needed: the dictionaries of all three languages

    from .text import LOW_MEMORY  # the dictionaries lemma() reads, so that a process holds one copy of them

    scores = dict(simplemma.langdetect(sample, lang=SUPPORTED, low_memory=LOW_MEMORY))
    best = max(SUPPORTED, key=lambda lang: scores.get(lang, 0.0))
    return best if scores.get(best, 0.0) > 0 else "en"
