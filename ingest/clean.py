"""Strip page furniture and archive tails from a document's text.

Removed text is blanked with spaces (newlines kept), never cut out, so offsets of what remains still point
into the text the user has. The patterns are data (the `boilerplate` tables of every language: a Finnish
page often carries Swedish or English navigation).
"""
from __future__ import annotations

import re

from .lexicon import LANGS, lexicon
from .text import lines

# A line that starts with a date glued to or followed by a headline: an archive or "other news" list item
# ("04.09.2019Tekoäly kuuluu kaikille!"). Two or more in a row are a list of other pages' headlines.
_ARCHIVE_ITEM = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{4}\s*(?:[^\W\d_]|[\"“])")
# A breadcrumb trail: "Etusivu » Ajankohtaista", "Start > Projekt > Skolbron", "Etusivu/Toiminta/Käynnissä olevat hankkeet"
_BREADCRUMB = re.compile(r"^\s*[^\W\d][\w .-]{0,40}(?:\s*[»›]\s*|\s+>\s+)[\w .-]{1,60}(?:(?:\s*[»›]\s*|\s+>\s+)[\w .-]{1,60})*\s*$"
                         r"|^\s*[^\W\d][\w -]{1,40}(?:/[\w -]{1,40}){2,}\s*$")
# Teaser and archive lines are headlines: a few words each. A paragraph of running text is longer.
_HEADLINE_WORDS = 15
_EMAIL_OR_PHONE = re.compile(r"^\s*(?:[\w.+-]+@[\w-]+\.[\w.]+|(?:puh|p|tel|tfn|gsm|puh/tfn)\.?\s*[+\d][\d ()-]{5,})\s*$", re.I)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of `text` that are boilerplate."""
    lexes = [lexicon(lang) for lang in LANGS]
    all_lines = lines(text)
    spans: list[tuple[int, int]] = []
    archive_run: list = []

    def flush_run():
        if len(archive_run) >= 2:
            spans.extend((ln.start, ln.end) for ln in archive_run)
        archive_run.clear()

    for i, ln in enumerate(all_lines):
        s = ln.text.strip()
        if not s:
            continue
        if _ARCHIVE_ITEM.match(s) and len(s) > 12:
            archive_run.append(ln)
            continue
        flush_run()
        if any(p.match(s) for lex in lexes for p in lex.boilerplate_tail):
            if _after_content(all_lines[i + 1:], ln.start, text):
                spans.append((ln.start, len(text)))
                break
            # a "see also" box at the top of a page (teasers, then the article): only the cue line goes
            spans.append((ln.start, ln.end))
            continue
        if any(p.match(s) for lex in lexes for p in lex.boilerplate_lines) or _BREADCRUMB.match(s):
            spans.append((ln.start, ln.end))
    flush_run()
    return spans


def _after_content(rest: list, start: int, text: str) -> bool:
    """Whether a tail cue ("Lue myös", "Se även") closes the page: it stands in the last part of the text, or
    only short headline-like lines follow it. Placed above the article, it must not blank the article."""
    before = sum(len(c) for c in text[:start].split())  # letters of content above the cue
    if not before:
        return False  # the page's first line: a label page below it is all short lines, and still the page
    body = [ln.text.strip() for ln in rest if ln.text.strip()]
    if all(len(b.split()) <= _HEADLINE_WORDS for b in body):
        return True
    after = sum(len(b) - b.count(" ") for b in body)
    return after < before


def clean(text: str) -> str:
    """The text with boilerplate blanked out (same length, same offsets)."""
    chars = list(text)
    for start, end in boilerplate_spans(text):
        for i in range(start, min(end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
