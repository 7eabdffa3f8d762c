"""One document through the extraction steps: clean → language → sentences → mentions → resolution →
relations. Plain data in, plain data out (an Extraction); `to_rdf` turns it into triples."""
from __future__ import annotations

import logging

from .clean import clean
from .extract.actors import Sentence, find_org_mentions
from typing import Iterable

from .extract.amounts import find_amounts
from .extract.context import DocContext
from .extract.dates import find_dates
from .extract.people import PersonFinder
from .extract.registry import EXTRACTORS, check_disabled, stamp
from .extract.kind_lists import kind_list_mentions
from .extract.field_bodies import field_bodies
from .extract.grant_tables import table_mentions
from .extract.label_funders import label_body_mentions
from .extract.rosters import roster_mentions
from .extract.workplaces import workplace_mentions
from .extract.structure import field_words, find_fields, list_blocks, title_line
from .language import detect_language, language_name
from .lexicon import lexicon, supported
from .model import Document, Extraction
from .resolve import resolve_organisations
from .text import lines, sentences, split_glued, tokenize

log = logging.getLogger(__name__)
# what a user watching a long run wants to see (the command line shows it unless -q)
progress = logging.getLogger("edukg.progress")
LONG_DOCUMENT = 200_000  # characters; a document this long reports each step it starts


def extract(doc: Document, disabled: Iterable[str] = ()) -> Extraction:
    """The facts of one document. `disabled` names extractors (ingest/extract/registry.py) to skip, so that a
    developer can measure what one is worth; an unknown name is a ValueError."""
    off = check_disabled(disabled)
    long = len(doc.text) >= LONG_DOCUMENT
    if long:
        progress.info("%s: %s characters: cleaning, language, sentences", doc.path, f"{len(doc.text):,}")
    text = clean(doc.text)
    lang = detect_language(text)
    doc.lang = lang
    if not supported(lang):
        # its stop words and capitalised nouns would be read as actors: the document is kept, with no facts
        ex = Extraction(document=doc, organisations={})
        ex.warnings = [f"written in {language_name(lang)} ({lang}), which edukg does not extract; no facts taken"]
        return ex
    title = title_line(text)
    doc.title = title.text if title else doc.id
    labels = field_words(lang)
    sents = [Sentence(s, split_glued(tokenize(s.text, s.start), lang, labels)) for ln in lines(text) for s in sentences(ln)]
    warnings: list[str] = [] if not long else _Announcing(doc.path)
    finder = PersonFinder(lang)
    people = _stage("people", lambda: [p for s in sents for p in finder.find(s.tokens)], warnings)
    fields = _stage("fields", lambda: find_fields(text, lang), warnings)
    blocks = _stage("lists", lambda: list_blocks(text, lang=lang), warnings)
    mentions, items = _stage("organisations", lambda: find_org_mentions(sents, people, lang, text, fields, blocks),
                             warnings, ([], []))
    mentions = mentions + _stage("rosters", lambda: roster_mentions(sents, people, mentions, text, lang), warnings)
    mentions = mentions + _stage("workplaces", lambda: workplace_mentions(sents, people, mentions, text, lang), warnings)
    mentions = mentions + _stage("kind lists", lambda: kind_list_mentions(sents, people, mentions, text, lang), warnings)
    mentions = mentions + _stage("label bodies", lambda: label_body_mentions(fields, text, mentions), warnings)
    # a grant table's columns say which cells are bodies and which are the items' names
    mentions = _stage("grant tables", lambda: table_mentions(text, lang, mentions), warnings, mentions)
    mentions = _stage("field bodies", lambda: field_bodies(fields, mentions, people), warnings, mentions)
    orgs, index = _stage("organisations", lambda: resolve_organisations(mentions, lang, doc.text), warnings, ({}, {}))
    ctx = DocContext(doc=doc, text=text, lang=lang, lex=lexicon(lang), sentences=sents, people=people,
                     mentions=mentions, mention_key=index, orgs=orgs, items=items, fields=fields, blocks=blocks,
                     dates=_stage("dates", lambda: find_dates(text, lang), warnings),
                     amounts=_stage("amounts", lambda: find_amounts(text, lang), warnings), title=title)
    ex = Extraction(document=doc, organisations=orgs)
    for extractor in EXTRACTORS:
        if extractor.name in off:
            continue
        setattr(ex, extractor.slot, _stage(extractor.name, lambda: extractor.run(ctx, ex), warnings))
        stamp(ex, extractor)
    if long:
        progress.info("%s: done", doc.path)
    ex.warnings = list(warnings)
    return ex


def _stage(name: str, step, warnings: list[str], empty=None):
    """Run one step; a failure in it costs that step's facts, not the document (it is reported)."""
    if isinstance(warnings, _Announcing):
        warnings.step += 1
        progress.info("%s: step %d, %s", warnings.path, warnings.step, name)
    try:
        return step()
    except Exception as e:  # a bug met on unusual text must not lose the organisations already found
        # the caller reports it with the file's name; -v shows the traceback
        log.debug("%s extraction failed", name, exc_info=True)
        warnings.append(f"{name} extraction failed ({type(e).__name__}: {e})")
        return [] if empty is None else empty


class _Announcing(list):
    """The warnings of a long document, which also tell `_stage` to report each step it starts."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.step = 0
