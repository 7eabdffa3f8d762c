"""What the relation extractors share about one document: its sentences, mentions, fields and lists, with
look-ups by position."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..lexicon import Lexicon
from ..model import Document, Evidence, Organisation
from ..text import Line, Token, lemma
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

    def __post_init__(self):
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [s.line.start for s in self.sentences]
        self._mention_starts = [m.start for m in self.mentions]

    def mentions_starting(self, lo: int, hi: int) -> list[OrgMention]:
        """The organisation mentions that start at an offset in [lo, hi]."""
        i = bisect.bisect_left(self._mention_starts, lo)
        j = bisect.bisect_right(self._mention_starts, hi)
        return self.mentions[i:j]

    def key_of(self, m: OrgMention) -> str | None:
        return self.mention_key.get(id(m))

    def orgs_in(self, start: int, end: int) -> list[tuple[OrgMention, str]]:
        out = []
        for m in self.mentions:
            if m.start >= start and m.end <= end:
                k = self.key_of(m)
                if k:
                    out.append((m, k))
        return out

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
        return [d for d in self.dates if d.start >= start and d.end <= end]

    def amounts_in(self, start: int, end: int) -> list[AmountMention]:
        return [a for a in self.amounts if a.start >= start and a.end <= end]

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
            lem = lemma(low, self.lang).lower()
            # an inflected form ("myönsi" of "myöntää"), or a compound ending in the cue ("projektstöd")
            if any(low.startswith(w) or lem.startswith(w) or len(w) >= 4 and lem.endswith(w) for w in single):
                return t
        if tokens:
            span = self.text[tokens[0].start:tokens[-1].end].lower()
            for w in words:
                if " " in w:
                    m = re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", span)
                    if m:
                        pos = tokens[0].start + m.start()
                        return next((t for t in tokens if t.start >= pos), tokens[-1])
        return None
