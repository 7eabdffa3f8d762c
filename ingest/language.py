"""Language of a document: Finnish, Swedish or English, from simplemma's word lists (no model download)."""
from __future__ import annotations

import simplemma

SUPPORTED = ("fi", "sv", "en")


def detect_language(text: str) -> str:
    """The most likely of fi, sv, en for `text` ('en' when nothing is recognised)."""
    sample = text[:20000]
    scores = dict(simplemma.langdetect(sample, lang=SUPPORTED))
    best = max(SUPPORTED, key=lambda lang: scores.get(lang, 0.0))
    return best if scores.get(best, 0.0) > 0 else "en"
