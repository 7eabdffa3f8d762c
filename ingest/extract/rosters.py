"""Rosters: the speakers or panellists of a programme written as "Name, Organisation; Name, Organisation; …"
on one line. The list's shape says what the phrase after each name is, even when it has no organisation head
word (a party, a brand, a short name), so it becomes an organisation mention the person's affiliation can
point to.

A roster needs at least three "Name, Phrase" pairs joined by semicolons (the last pair may follow a
coordinator), one of whose phrases is already known as an organisation (so "Name, City; …" lists make none); a
phrase that is a job title, a country or a number is no organisation, and one already found as an organisation
is left as it is.
"""
from __future__ import annotations

import bisect
import re

from ..lexicon import LANGS, lexicon
from .actors import Sentence
from .organisations import OrgMention
from .people import PersonFinder, PersonMention

_MIN_PAIRS = 3
_MAX_WORDS = 4


def roster_mentions(sentences: list[Sentence], people: list[PersonMention], mentions: list[OrgMention],
                    text: str, lang: str) -> list[OrgMention]:
    finder = PersonFinder(lang)
    joins = {w.lower() for lg in LANGS for w in lexicon(lg).words("organisation", "coordinators")}
    countries = {c.lower() for lg in LANGS for c in lexicon(lg).words("places", "countries")}
    by_line: dict[int, list[PersonMention]] = {}
    starts = [s.line.start for s in sentences]
    for p in people:  # each person to the sentence it stands in, by its offset
        n = bisect.bisect_right(starts, p.start) - 1
        if n >= 0 and p.start < sentences[n].line.end:
            by_line.setdefault(starts[n], []).append(p)
    out: list[OrgMention] = []
    for s in sentences:
        ps = sorted(by_line.get(s.line.start, ()), key=lambda p: p.start)
        if len(ps) < _MIN_PAIRS:
            continue
        found: list[OrgMention] = []
        separators = pairs = 0
        anchored = False  # one phrase already known as an organisation: the roster pairs names with bodies
        for n, p in enumerate(ps):
            stop = ps[n + 1].start if n + 1 < len(ps) else s.line.end
            seg = text[p.end:stop]
            m = re.match(r"\s*,\s*([^;,.:()\n]+?)\s*(;|$|[.:]\s*$)", seg)
            if m is None:
                tail = re.match(r"\s*,\s*([^;,.:()\n]+?)\s+(\w+)\s*$", seg)  # "…, Org1 ja Name, Org2"
                if tail is None or tail.group(2).lower() not in joins:
                    continue
                m = tail
            elif m.group(2) == ";":
                separators += 1
            phrase = m.group(1)
            words = phrase.split()
            if not words or len(words) > _MAX_WORDS or not words[0][:1].isupper() or any(c.isdigit() for c in phrase) \
                    or phrase.lower() in countries or finder.title_of(words):
                continue
            pairs += 1
            a = p.end + m.start(1)
            b = a + len(phrase)
            if any(o.start < b and a < o.end for o in mentions):
                anchored = True
                continue
            found.append(OrgMention(a, b, phrase, phrase, "other", source="roster", confidence=0.7))
        if anchored and pairs >= _MIN_PAIRS and separators >= _MIN_PAIRS - 1:
            out.extend(found)
    return out
