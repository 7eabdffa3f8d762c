"""Events (webinars, seminars, conferences, "päivät") with their dates and organisers.

An event page usually names its event in the title line and its date just below; a news item names it
in a sentence ("Kasvatustieteen päivät kokoaa 24.–25.11.2011 …") with the organisers nearby ("Tapahtuman
järjestävät yhteistyössä …").
"""
from __future__ import annotations

import re

from ..model import Event
from ..resolve import name_key
from ..lexicon import lexicon
from ..text import cue_noun, finite_verb, lemma, tokenize
from .context import DocContext


# words that end a name written after its event word: prepositions, copulas, auxiliaries
_NAME_ENDS = {"i", "på", "den", "är", "blir", "hålls", "äger", "in", "on", "at", "is", "will", "takes", "the",
              "pidetään", "on", "oli", "järjestetään", "alkaa"}


def _event_word(word: str, ctx: DocContext) -> bool:
    """An event noun in some inflection, or a compound ending in one ("Teams-webinaari", "kesäpäivät"),
    not one starting with it ("konferenssipuheenvuoro" is a speech)."""
    return _head(word, ctx) is not None


def _head(word: str, ctx: DocContext) -> str | None:
    c = cue_noun(word, ctx.lex.cue("event"), ctx.lang)
    if c is None and word[:1].isupper() and word.lower() in lexicon("en").cue("event"):
        return word.lower()  # "… International Conference on …" inside a Finnish or Swedish text
    return c


def _clean_title(title: str) -> str:
    """The event's name from a title line: without the place after a comma, a dash and a place, or a date
    ("Koulutuksen tulevaisuus -seminaari 14.3.2023" → "Koulutuksen tulevaisuus -seminaari")."""
    t = re.split(r"\s*[,|]\s*|\s+[-–—]\s+(?=[A-ZÅÄÖ][a-zåäö]+$)", title)[0]
    t = re.sub(r"\s*(?:\d{1,2}\.\s?\d{1,2}\.(?:\s?(?:19|20)\d\d)?|(?:19|20)\d\d-\d\d-\d\d)\s*$", "", t)
    return t.strip(" :–-")


def extract_events(ctx: DocContext) -> list[Event]:
    events: dict[str, Event] = {}

    def event(name: str, start: int, end: int) -> Event:
        k = name_key(name)
        if k in events:
            return events[k]
        for ek, e in events.items():
            if k in ek or ek in k:
                return e
        e = Event(name=name, evidence=ctx.evidence(start, end))
        events[k] = e
        return e

    # the page is about an event: its title names one
    title = ctx.title
    page_event = None
    if title is not None and len(title.text.split()) <= 14:
        toks = tokenize(title.text, title.start)
        # a date or a place before a dash is no part of the name ("3 MARS – Webbkonferens för …")
        dashes = [n for n, t in enumerate(toks) if t.text in ("-", "–", "—")]
        heads = [n for n, t in enumerate(toks) if t.is_word and _event_word(t.text, ctx)]
        first = dashes[0] + 1 if dashes and heads and dashes[0] < heads[0] and all(
            not t.is_word or t.is_upper or ctx.dates_in(t.start, t.end) for t in toks[:dashes[0]]) else 0
        if heads and _names_event_at(toks[first:], heads[0] - first, ctx):
            # the name ends at the event word, with a year after it ("Kasvatustieteen päivät kokoavat tutkijat
            # Joensuuhun" names "Kasvatustieteen päivät"); a title that only mentions one ("Ministeri avasi
            # seminaarin") names none
            h = heads[0]
            if h == first:
                h = len(toks) - 1  # "Webbinarium om digitalt lärande": the head comes first, the name is the title
            end = h + 1 if h + 1 < len(toks) and re.fullmatch(r"(?:19|20)\d\d\.?", toks[h + 1].text) else h
            cut = title.text[toks[first].start - title.start: toks[end].end - title.start]
            rest = title.text[toks[end].end - title.start:]
            name = _clean_title(cut + rest) if re.match(r"^\s*(?:[-–—,:|]|$)", rest) else cut
            page_event = event(_clean_title(name), title.start, title.end)
            # its date: in the title or in the first lines below it
            near = [d for d in ctx.dates if d.start >= title.start and d.start - title.end < 300]
            if near:
                # the most precise of the dates near the title ("… päivät 2017" / "Tampere 8.-9.6.2017")
                page_event.date = max(near, key=lambda d: (len(d.value), -d.start)).value
    # events named in sentences: a capitalised phrase ending in an event word
    for s in ctx.sentences:
        toks = s.tokens
        for i, t in enumerate(toks):
            if not t.is_word or not _event_word(t.text, ctx):
                continue
            j = i
            while j > 0 and (toks[j - 1].is_word or re.fullmatch(r"\d+(?:st|nd|rd|th)?", toks[j - 1].text)) and (toks[j - 1].is_cap or toks[j - 1].text[:1].isdigit() or toks[j - 1].text.lower() in ("ja", "och", "and", "of", "on", "for")) and i - j < 8:
                j -= 1
            while j < i and not (toks[j].is_cap or toks[j].text[:1].isdigit()):
                j += 1
            k = i
            english = ctx.lang == "en" or t.text.lower() in lexicon("en").cue("event")
            if english:
                while k + 1 < len(toks) and (toks[k + 1].is_cap or toks[k + 1].text.lower() in ("on", "of", "for", "and")) and k - i < 8:
                    k += 1
                while k > i and not toks[k].is_cap:
                    k -= 1
            elif j == i and k + 1 < len(toks) and toks[k + 1].is_cap and toks[k + 1].is_word \
                    and not any(m.start <= toks[k + 1].start < m.end for m in ctx.mentions) \
                    and not any(p.start <= toks[k + 1].start < p.end for p in ctx.people):
                # "Konferensen Nordisk lärarutbildning 2025 arrangeras …": the name follows the event word
                k += 1
                while k + 1 < len(toks) and k - i < 4 and toks[k + 1].is_word and not toks[k + 1].is_cap \
                        and toks[k + 1].text.lower() not in _NAME_ENDS and not ctx.has_cue([toks[k + 1]], "organiser"):
                    k += 1
                if k + 1 < len(toks) and re.fullmatch(r"(?:19|20)\d\d\.?", toks[k + 1].text):
                    k += 1
            if j == i and not t.is_cap:
                continue
            if j == i and k == i and ((i == 0 or toks[i - 1].text in ".!?:–—•") and not _capitalised_name(toks[j:i + 1], ctx)
                                      or _head(t.text, ctx) == lemma(t.text.lower(), ctx.lang).lower()):
                continue  # an event word alone names no event ("Tapahtuman järjestävät …"); "Skolforum" does
            name_end = toks[k].end
            name = ctx.text[toks[j].start:name_end].rstrip(".,")
            name = _nominative(name, ctx)
            same_kind = page_event is not None and _head(page_event.name.split()[0], ctx) == _head(t.text, ctx)
            if len(name) < 4 or (page_event is not None and (name_key(name) in name_key(page_event.name) or same_kind)):
                e = page_event
            else:
                e = event(name, toks[j].start, name_end)
            ds = [d for d in ctx.dates_in(s.line.start, s.line.end) if len(d.value) >= 7]
            if ds and e is not None and e.date is None:
                e.date = ds[0].value
    # organisers: sentences with an organiser cue, attached to the page event or the event they name
    for s in ctx.sentences:
        if ctx.has_cue(s.tokens, "organiser") is None:
            continue
        target = page_event or (next(iter(events.values())) if len(events) == 1 else None)
        for e in events.values():
            if s.line.start <= (e.evidence.start if e.evidence else -1) < s.line.end:
                target = e
        if target is None:
            continue
        for m, k in ctx.orgs_in(s.line.start, s.line.end):
            if k not in target.organisers:
                target.organisers.append(k)
    return list(events.values())


def _names_event_at(toks, h: int, ctx: DocContext) -> bool:
    """The title's words before the event word make its name: capitalised, genitives, adjectives, a detached
    head ("Koulutuksen tulevaisuus -seminaari") — no verb or object before it."""
    for t in toks[:h]:
        if not t.is_word or t.is_cap or t.text[:1].isdigit():
            continue
        if finite_verb(t.text, ctx.lang):
            return False
    return h < 8


def _capitalised_name(toks, ctx) -> bool:
    return len(toks) >= 2 and toks[0].is_cap and not lemma(toks[0].text, ctx.lang)[:1].islower()


def _nominative(name: str, ctx: DocContext) -> str:
    """"Kasvatustieteen päivien" → "Kasvatustieteen päivät": the last word to its base form."""
    words = name.split(" ")
    last = words[-1]
    if ctx.lang == "fi":
        lem = lemma(last, "fi")
        if lem.lower() != last.lower() and not last.lower().endswith(("t",)):
            words[-1] = lem if last[:1].islower() else lem[:1].upper() + lem[1:]
    return " ".join(words)
