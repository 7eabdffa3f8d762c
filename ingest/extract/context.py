"""What the relation extractors share about one document: its sentences, mentions, fields and lists, with
look-ups by position."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from ..lexicon import Lexicon
from ..model import Document, Evidence, Organisation
from ..text import Line, Token, lemma, lines
from .actors import Sentence
from .lists import ListItem
from .amounts import AmountMention
from .dates import DateMention
from .organisations import OrgMention
from .people import PersonMention
from .structure import Field, ListBlock


@dataclass
class DocContext:
    doc: Document
    text: str
    lang: str
    lex: Lexicon
    sentences: list[Sentence]
    people: list[PersonMention]
    mentions: list[OrgMention]
    mention_key: dict[int, str]
    orgs: dict[str, Organisation]
    items: list[ListItem]
    fields: list[Field]
    blocks: list[ListBlock]
    dates: list[DateMention]
    amounts: list[AmountMention]
    title: Line | None
    _starts: list[int] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _date_index: "_SpanIndex | None" = None
    _amount_index: "_SpanIndex | None" = None
    memo: dict = field(default_factory=dict)  # what a step works out once per document and asks again

    def __post_init__(self):
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [s.line.start for s in self.sentences]
        self._mention_starts = [m.start for m in self.mentions]
        self._date_index = _SpanIndex(self.dates)
        self._amount_index = _SpanIndex(self.amounts)

    def mentions_starting(self, lo: int, hi: int) -> list[OrgMention]:
        """The organisation mentions that start at an offset in [lo, hi]."""
        i = bisect.bisect_left(self._mention_starts, lo)
        j = bisect.bisect_right(self._mention_starts, hi)
        return self.mentions[i:j]

    def key_of(self, m: OrgMention) -> str | None:
        return self.mention_key.get(id(m))

    def orgs_in(self, start: int, end: int, sum_labels: bool = False) -> list[tuple[OrgMention, str]]:
        """The organisations named between `start` and `end`, with their keys; a body named only in the label
        of a sum's field ("EU-tuki") is left out unless asked for, as it pays for that sum alone."""
        out = []
        # mentions are sorted by start: only those from `start` on, up to `end`, can lie inside
        for i in range(bisect.bisect_left(self._mention_starts, start), len(self.mentions)):
            m = self.mentions[i]
            if m.start > end:
                break
            if m.end <= end and (sum_labels or m.source != "sum_label"):
                k = self.key_of(m)
                if k:
                    out.append((m, k))
        return out

    def in_mention(self, pos: int) -> bool:
        """Some organisation mention holds `pos`."""
        if "covered" not in self.memo:
            from .actors import _Covered
            self.memo["covered"] = _Covered((m.start, m.end) for m in self.mentions)
        return self.memo["covered"].at(pos)

    def mentions_from(self, start: int) -> Iterator[OrgMention]:
        """The mentions that start at or after `start`, in order (they are sorted by start)."""
        return (self.mentions[i] for i in range(bisect.bisect_left(self._mention_starts, start), len(self.mentions)))

    def mentions_ending(self, end: int) -> list[int]:
        """Indexes (in `mentions`) of the mentions that end at `end`."""
        if "by end" not in self.memo:
            by_end: dict[int, list[int]] = {}
            for i, m in enumerate(self.mentions):
                by_end.setdefault(m.end, []).append(i)
            self.memo["by end"] = by_end
        return self.memo["by end"].get(end, [])

    def person_in(self, start: int, end: int) -> bool:
        """Some person mention starts in start..end."""
        if "people starts" not in self.memo:
            self.memo["people starts"] = sorted(p.start for p in self.people)
        starts = self.memo["people starts"]
        i = bisect.bisect_left(starts, start)
        return i < len(starts) and starts[i] < end

    @property
    def lines(self) -> list[Line]:
        """The text's lines, blank ones included, in order (split once per document)."""
        if "lines" not in self.memo:
            self.memo["lines"] = lines(self.text)
            self.memo["line starts"] = [ln.start for ln in self.memo["lines"]]
        return self.memo["lines"]

    def line_index(self, pos: int) -> int:
        """The index in `lines` of the line holding `pos` (-1 before the first)."""
        self.lines
        return bisect.bisect_right(self.memo["line starts"], pos) - 1

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.sentences[i] if i >= 0 else None

    def evidence(self, start: int, end: int) -> Evidence:
        """The sentence (or line) around a span: what a user reads to check the fact."""
        s = self.sentence_at(start)
        a, b = (s.line.start, max(s.line.end, end)) if s and s.line.start <= start else (start, end)
        b = min(b, len(self.text))
        return Evidence(a, b, self.doc.text[a:b])

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return self._date_index.inside(start, end)

    def amounts_in(self, start: int, end: int) -> list[AmountMention]:
        return self._amount_index.inside(start, end)

    def has_cue(self, tokens: list[Token], cue: str) -> Token | None:
        """The first token whose word or lemma starts with one of the cue words (multi-word cues match the text)."""
        words = self.lex.cue(cue)
        single = tuple(w for w in words if " " not in w)
        for t in tokens:
            if not t.is_word:
                continue
            low = t.text.lower().lstrip("-")
            if "-" in low:
                low = low.rsplit("-", 1)[1] or low
            if _cue_word(low, single, self.lang):
                return t
        pos = phrase_start(self.text, tokens, words)
        return None if pos is None else next((t for t in tokens if t.start >= pos), tokens[-1])


def phrase_start(text: str, tokens: list[Token], words) -> int | None:
    """Where the first multi-word entry of `words` occurs as whole words in the text the tokens span; single
    words are left to the caller, who tests each token its own way (cue stems, lemmas, word sets)."""
    if not tokens:
        return None
    span = text[tokens[0].start:tokens[-1].end].lower()
    for w in words:
        if " " in w:
            m = _whole_words(w).search(span)
            if m:
                return tokens[0].start + m.start()
    return None


@lru_cache(maxsize=4096)  # escaping and compiling each phrase per sentence was a tenth of has_cue's time
def _whole_words(phrase: str) -> re.Pattern:
    return re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")


@lru_cache(maxsize=200_000)  # the same words meet the same cues in every sentence of a long document
def _cue_word(low: str, single: tuple[str, ...], lang: str) -> bool:
    lem = lemma(low, lang).lower()
    # an inflected form ("myönsi" of "myöntää"), or a compound ending in the cue ("projektstöd")
    return any(low.startswith(w) or lem.startswith(w) or len(w) >= 4 and lem.endswith(w) for w in single)


class _SpanIndex:
    """Spans (objects with .start and .end) inside a range, in their list's order, found by bisection: the
    extractors ask once per sentence, and a long document must not make that a scan of every span."""

    def __init__(self, spans: list):
        self._spans = spans
        self._order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in self._order]

    def inside(self, start: int, end: int) -> list:
        hits = []
        for j in range(bisect.bisect_left(self._starts, start), len(self._order)):
            if self._starts[j] > end:
                break
            i = self._order[j]
            if self._spans[i].end <= end:
                hits.append(i)
        return [self._spans[i] for i in sorted(hits)]
