"""Events (webinars, seminars, conferences, "päivät") with their dates and organisers.

An event page usually names its event in the title line and its date just below; a news item names it
in a sentence ("Metsäopetuksen päivät kokoaa 12.–13.3.2019 …") with the organisers nearby ("Seminaarin
järjestävät yhdessä …").
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..model import Event
from ..resolve import name_key
from ..lexicon import lexicon
from ..text import LOWER, UPPER, cue_noun, definite_form, finite_verb, is_known, lemma, lines, tokenize
from .context import DocContext
from .names import name_before_dashed_cue
from .page_dates import dateline_weekday, day_in_page_year


# words that end a name written after its event word: prepositions, copulas, auxiliaries
_NAME_ENDS = {"i", "på", "den", "är", "blir", "hålls", "äger", "in", "on", "at", "is", "will", "takes", "the",
              "pidetään", "on", "oli", "järjestetään", "alkaa"}


def _event_word(word: str, ctx: DocContext) -> bool:
    """An event noun in some inflection, or a compound ending in one ("Teams-webinaari", "kesäpäivät"),
    not one starting with it ("konferenssipuheenvuoro" is a speech)."""
    return _head(word, ctx) is not None


def _generic(word: str, ctx: DocContext) -> bool:
    """"tapahtuma", "evenemang", "event": a head that says only that the name before it is an event."""
    return cue_noun(word, tuple(ctx.lex.section("events").get("generic", ())), ctx.lang) is not None


def _head(word: str, ctx: DocContext) -> str | None:
    return _event_head(word, ctx.lang)


@lru_cache(maxsize=50_000)
def _event_head(word: str, lang: str) -> str | None:
    lex = lexicon(lang)
    ev = lex.section("events")
    c = cue_noun(word, lex.cue("event") + tuple(ev.get("meeting", ())) + tuple(ev.get("generic", ())), lang)
    if c is None:
        # a plural event noun inflected: the lemmatiser gives the singular ("tutkimuspäivillä" → "…päivä")
        low = word.lower()
        c = next((p for p, forms in ev.get("plural_forms", {}).items() if low.endswith(tuple(forms))), None)
    if c is None and word[:1].isupper() and word.lower() in lexicon("en").cue("event"):
        return word.lower()  # "… International Conference on …" inside a Finnish or Swedish text
    return c


def _clean_title(title: str) -> str:
    """The event's name from a title line: without the place after a comma, a dash and a place, or a date
    ("Koulutuksen tulevaisuus -seminaari 14.3.2023" → "Koulutuksen tulevaisuus -seminaari")."""
    t = re.split(r"\s*[,|]\s*|\s+[-–—]\s+(?=[" + UPPER + "][" + LOWER + "]+$)", title)[0]
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
    named_after = False
    if title is not None and len(title.text.split()) <= 14:
        toks = tokenize(title.text, title.start)
        # a date or a place before a dash is no part of the name ("7 APRIL – Webbseminarium om …")
        dashes = [n for n, t in enumerate(toks) if t.text in ("-", "–", "—")]
        heads = [n for n, t in enumerate(toks) if t.is_word and _event_word(t.text, ctx)]
        first = dashes[0] + 1 if dashes and heads and dashes[0] < heads[0] and all(
            not t.is_word or t.is_upper or ctx.dates_in(t.start, t.end) for t in toks[:dashes[0]]) else 0
        # "Konferensen Xyz samlar …": the name follows the word, as the sentence rules read it
        named_after = bool(heads) and heads[0] == first and not ctx.lex.section("events").get("name_after_head") \
            and _name_after(ctx, toks, first) > first
        if named_after:
            heads = []
        if heads and _names_event_at(toks[first:], heads[0] - first, ctx):
            # the name ends at the event word, with a year after it ("Metsäopetuksen päivät kokoavat opettajat
            # Kuusimaahan" names "Metsäopetuksen päivät"); a title that only mentions one ("Ministeri avasi
            # seminaarin") names none
            h = heads[0]
            fw = _function_words(ctx)
            while first < h and toks[first].text.lower() in fw and toks[first + 1].is_cap:
                first += 1  # "The Nordic Teachers Meeting"
            verb_after = any(x.is_word and finite_verb(x.text, ctx.lang) for x in toks[h + 1:])
            if h == first and not verb_after:
                h = len(toks) - 1  # "Webbinarium om digitalt lärande": the head comes first, the name is the title
            end = h + 1 if h + 1 < len(toks) and re.fullmatch(r"(?:19|20)\d\d\.?", toks[h + 1].text) else h
            named = True
            if _generic(toks[heads[0]].text, ctx):
                # "Edunova 2025 -tapahtuma", "The Edunova 2025 event": the name is what stands before the head
                end = heads[0] - 1
                named = end >= first and not all(_common(x.text, ctx) for x in toks[first:end + 1] if x.is_word)
            cut = title.text[toks[first].start - title.start: toks[end].end - title.start] if named else ""
            rest = title.text[toks[end].end - title.start:] if named else ""
            name = _clean_title(cut + rest) if re.match(r"^\s*(?:[-–—,:|]|$)", rest) and not verb_after else cut
            lower = _lowercase_name(ctx, toks, heads[0]) if not toks[heads[0]].is_cap else None
            if lower is not None and any(x.is_word and not x.is_cap for x in toks[first:heads[0]] if x.end <= lower[1]):
                name = lower[0]  # "… på vår- och sommarfesten": the truncated coordination is the name
            quoted = [e for e, _, _ in _quoted_events(ctx) if e.evidence and e.evidence.start < title.end]
            if quoted and lower is None and (all(_common(x.text, ctx) or x.text.lower() in fw
                                                 for x in toks[first:heads[0]] if x.is_word)
                                             or re.match(r"\s*:?\s*[\"“”«»]", ctx.text[toks[heads[0]].end:toks[heads[0]].end + 4])):
                # 'Webinaari "Oppimisen uudet tilat"', 'X järjestää webinaarin "…"': the quoted name
                name = quoted[0].name
            page_event = event(_clean_title(name), title.start, title.end) if name else None
        if page_event is not None:
            # its date: in the title or in the first lines below it
            near = [d for d in ctx.dates if d.start >= title.start and d.start - title.end < 300]
            if near:
                # the most precise of the dates near the title ("… päivät 2016" / "Kuusimaa 14.-15.9.2016")
                page_event.date = max(near, key=lambda d: (len(d.value), -d.start)).value
    if page_event is None and title is not None and len(title.text.split()) <= 12 and not named_after:
        when = _when_line(ctx, title.end)
        # a line between the title and the date that names an event by its quoted name ('Seminar "…"'): the
        # page is about that event, and the title is the page's section ("Events calendar")
        below = [e for e, _, _ in _quoted_events(ctx) if when is not None and e.evidence
                 and title.end <= e.evidence.start < when.start]
        if below:
            page_event = event(below[0].name, below[0].evidence.start, below[0].evidence.end)
            page_event.date = page_event.date or below[0].date or when.value
            page_event.rule = "quoted"
        elif when is not None:
            # an agenda item: a title with its date and hours just below it ("12.8.2021 13:40 - 14:25")
            page_event = event(_clean_title(title.text), title.start, title.end)
            page_event.date = when.value
    # events named in sentences: a capitalised phrase ending in an event word
    for s in ctx.sentences:
        toks = s.tokens
        for i, t in enumerate(toks):
            if not t.is_word or not _event_word(t.text, ctx):
                continue
            first = _sentence_case_before_dash(ctx, toks, i)
            if first is not None:
                # "järjestää Koulutuksen tulevaisuus 2025 -seminaarin": a name in sentence case before the dashed
                # event word, which the capitalised run below would cut to its numbers
                name = ctx.text[toks[first].start:toks[i - 1].end]
                e = event(name if _generic(t.text, ctx) else f"{name} -{_nominative(t.text.lstrip('-–'), ctx)}",
                          toks[first].start, t.end)
                _date_from(ctx, s, e)
                continue
            j = i
            while j > 0 and (toks[j - 1].is_word or re.fullmatch(r"\d+(?:st|nd|rd|th)?", toks[j - 1].text)) and (toks[j - 1].is_cap or toks[j - 1].text[:1].isdigit() or toks[j - 1].text.lower() in ("ja", "och", "and", "of", "on", "for")) and i - j < 8:
                j -= 1
            while j < i and not (toks[j].is_cap or toks[j].text[:1].isdigit()):
                j += 1
            # a capital at the start of a sentence is no sign of a name ("Kaikki tilaisuudet", "Poimintoja …")
            title_case = t.is_cap and all(x.is_cap or x.text[:1].isdigit() for x in toks[j:i + 1])
            while j < i and not title_case and (j == 0 or _ends_sentence(toks[j - 1])) and (
                    toks[j].text.lower() in _function_words(ctx) or _particle(toks[j].text, ctx)
                    or (j + 1 < i and toks[j + 1].is_cap and _common(toks[j].text, ctx))
                    or _verb_form(toks[j].text, ctx)):  # "Ilmoittaudu tapaamiseen": a verb opens the sentence
                j += 1
                while j < i and not (toks[j].is_cap or toks[j].text[:1].isdigit()):
                    j += 1
            while j < i and toks[j].text.lower() in _function_words(ctx) and toks[j + 1].is_cap:
                j += 1  # "The Northland Education Forum": the article opens the sentence, not the name
            owner = None
            if j < i:
                # "Opetushallituksen Oppimisen päivät": the organisation in the genitive holds the event, it is no
                # part of its name
                m = _genitive_org_at(ctx, toks[j].start, t.start)
                if m is not None:
                    owner = ctx.key_of(m)
                    j = next(n for n in range(j, i + 1) if toks[n].start >= m.end)
            if not t.is_cap and all(x.text[:1].isdigit() for x in toks[j:i]):
                j = i  # "2018 tutkimuspäivät": a year before a lower-case event word is no name
            if not t.is_cap and j == i and definite_form(t.text, ctx.lang) and _name_after(ctx, toks, i) > i:
                # "arrangerar konferensen Framtidens skola den 5 maj": the definite event word, then its name
                k = _name_after(ctx, toks, i)
                e = event(ctx.text[toks[i + 1].start:toks[k].end], toks[i + 1].start, toks[k].end)
                _date_from(ctx, s, e)
                continue
            if not t.is_cap and j == i:
                named = _lowercase_name(ctx, toks, i)
                if named is not None:
                    # the event already named in full elsewhere on the page, if its head word is this one
                    e = next((x for x in events.values() if _last_lemma(x.name, ctx) == _last_lemma(named[0], ctx)),
                             None) or event(named[0], named[1], named[2])
                    _date_from(ctx, s, e)
                    continue
                e = _refers_to(events, toks, i, ctx)
                if e is not None:  # "the 30th annual jubilee …" after "Annual Jubilee"
                    _date_from(ctx, s, e)
                    by = _organiser_after(ctx, t.end)
                    if by and by not in e.organisers:
                        e.organisers.append(by)
                    continue
                owned = _owned_name(ctx, toks, i)
                if owned is not None and ctx.dates_in(s.line.start, s.line.end):
                    # dated in its sentence: an event the page reports, not one it speaks of in general
                    # "the trust's prize gala": a kind of event its holder names by the possessive
                    e = next((x for x in events.values() if name_key(x.name).endswith(name_key(owned[0]))), None) \
                        or event(owned[0], owned[1], t.end)
                    _date_from(ctx, s, e)
                continue
            if page_event is not None and _in_programme(ctx, s.line.start):
                continue  # a session of the page's event, not an event of its own
            k = i
            # "Conference on Inclusive Education": a language that writes the name after the event word
            english = ctx.lex.section("events").get("name_after_head") or t.text.lower() in lexicon("en").cue("event")
            if english:
                while k + 1 < len(toks) and (toks[k + 1].is_cap or toks[k + 1].text.lower() in ("on", "of", "for", "and")) and k - i < 8:
                    k += 1
                while k > i and not toks[k].is_cap:
                    k -= 1
            elif j == i:
                # "Konferensen Nordisk lärarutbildning 2025 arrangeras …": the name follows the event word
                k = _name_after(ctx, toks, i)
            if j == i and not t.is_cap:
                continue
            if j == i and k == i and ((i == 0 or toks[i - 1].text in ".!?:–—•") and not _capitalised_name(toks[j:i + 1], ctx)
                                      or _head(t.text, ctx) == lemma(t.text.lower(), ctx.lang).lower()):
                # an event word alone names no event ("Tapahtuman järjestävät …"); "Skolforum" does. It may speak
                # of the one event of its kind named before ("Konferenssi järjestetään 14.10.2025 …")
                e = _refers_to(events, toks, i, ctx)
                if e is not None:
                    _date_from(ctx, s, e)
                continue
            name_end = toks[k].end
            if k == i and j < i and _generic(t.text, ctx):
                if all(_common(x.text, ctx) for x in toks[j:i] if x.is_word):
                    continue  # "Mukana tapahtumassa": common words before a generic head name nothing
                name_end = toks[i - 1].end  # "Edunova 2030 -tapahtuma": the name is what stands before the head
            name = ctx.text[toks[j].start:name_end].rstrip(".,")
            if name_end == toks[k].end:
                name = _nominative(name, ctx)
            same_kind = page_event is not None and _head(page_event.name.split()[0], ctx) == _head(t.text, ctx)
            if len(name) < 4 or (page_event is not None and (name_key(name) in name_key(page_event.name) or same_kind)):
                e = page_event
            else:
                e = event(name, toks[j].start, name_end)
                if owner and owner not in e.organisers:
                    e.organisers.append(owner)  # "Xyz:n Edunova-päivät", "Xyz:s vårfest": whose event it is
            if e is not None:
                _date_from(ctx, s, e)
    undated = [e for e in events.values() if e.date is None or len(e.date) == 4]
    first_day = _first_programme_day(ctx) if undated else None
    for e in undated:
        e.date = _programme_day(e, first_day) or e.date
    heads = {_last_lemma(x.name, ctx) for x in events.values()}
    for e, head, head_end in _quoted_events(ctx):
        named = _named_by_apposition(ctx, events, head_end)
        if named is not None:
            # 'Verkoston syystapaaminen, "…",': the quoted name in apposition is the name of the event the words
            # before it speak of
            k = next(k for k, x in events.items() if x is named)
            del events[k]
            named.name, named.date, named.rule = e.name, named.date or e.date, e.rule
            events[name_key(e.name)] = named
            continue
        if head in heads and not _heading_with_date(ctx, e, head_end):
            continue  # 'päivien teema "…"': the theme of an event already named, not another event
        if name_key(e.name) not in events:
            events[name_key(e.name)] = e
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
            if _venue(ctx, m, s.line.start):
                continue  # "… kokoaa opettajat Messukeskukseen": where, not who
            if k not in target.organisers:
                target.organisers.append(k)
    return list(events.values())


def _name_after(ctx: DocContext, toks, i: int) -> int:
    """The last token of a name written after the event word at `i` (`i` itself where none follows): a capitalised
    word that is no organisation, person or place in a place case ("Syystapaaminen Oulussa" is held in Oulu), a
    few lower-case words after it, and a year."""
    k = i
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if nxt is None or not (nxt.is_cap and nxt.is_word) or ctx.in_mention(nxt.start) \
            or ctx.person_in(nxt.start, nxt.end) or _in_place_case(nxt.text, ctx):
        return k
    k += 1
    while k + 1 < len(toks) and k - i < 4 and toks[k + 1].is_word and not ctx.in_mention(toks[k + 1].start) \
            and toks[k + 1].text.lower() not in _NAME_ENDS and not ctx.has_cue([toks[k + 1]], "organiser") \
            and not _in_place_case(toks[k + 1].text, ctx):
        k += 1
    if k + 1 < len(toks) and re.fullmatch(r"(?:19|20)\d\d\.?", toks[k + 1].text):
        k += 1
    return k


def _sentence_case_before_dash(ctx: DocContext, toks, i: int) -> int | None:
    """The first token of a name in sentence case before the dashed event word at `i` ("Koulutuksen tulevaisuus
    2025 -seminaari"), in languages that write names so; None where the name is in title case or absent."""
    if not (toks[i].text.startswith(("-", "–")) and i > 0 and ctx.lex.section("syntax").get("name_before_dashed_cue")):
        return None
    openers = frozenset(ctx.lex.words("project_name_bounds", "sentence_openers"))
    first = name_before_dashed_cue(toks, i - 1, lambda t: ctx.in_mention(t.start) or ctx.person_in(t.start, t.end),
                                   openers)
    if first is None or first == i - 1 or all(x.is_cap or not x.is_word for x in toks[first:i]):
        return None
    return first


def _ends_sentence(t) -> bool:
    """A sentence ends before the token after `t`: a stop of its own, or one glued to a figure ("… 2026. The")."""
    return t.text in ".!?:–—•" or (not t.is_word and t.text[-1:] in ".!?")


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
    """"Metsäopetuksen päivien" → "Metsäopetuksen päivät": the last word to its base form, a plural event
    noun to its plural (the languages whose names inflect say so in their lexicon)."""
    words = name.split(" ")
    last = words[-1]
    ev = ctx.lex.section("events")
    for plural, forms in ev.get("plural_forms", {}).items():
        form = next((f for f in forms if last.lower().endswith(f)), None)
        if form is not None:
            words[-1] = last[: len(last) - len(form)] + plural
            return " ".join(words)
    if ev.get("inflected_names"):
        lem = lemma(last, ctx.lang)
        if lem.lower() != last.lower() and not last.lower().endswith(("t",)):
            words[-1] = lem if last[:1].islower() else lem[:1].upper() + lem[1:]
    return " ".join(words)


# a clock time ("klo 10.00", "kl. 14:00", "15:20"): hours and minutes
_CLOCK = re.compile(r"(?<![\d.:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d.:]\d)")
_CLOCK_RANGE = re.compile(_CLOCK.pattern + r"\s*[-–—]\s*" + _CLOCK.pattern)
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»\n]{3,80})[\"“”«»]")
_BELOW = 4  # lines below a title or an event word in which its date may stand


def _next_lines(ctx: DocContext, pos: int, n: int):
    """The next `n` non-empty lines after position `pos`: (start, end, text)."""
    out = []
    at = ctx.text.find("\n", pos)
    while at >= 0 and len(out) < n:
        end = ctx.text.find("\n", at + 1)
        end = len(ctx.text) if end < 0 else end
        line = ctx.text[at + 1:end]
        if line.strip():
            out.append((at + 1, end, line))
        at = end if end < len(ctx.text) else -1
    return out


def _when_line(ctx: DocContext, pos: int):
    """A line just below `pos` that gives a day and the hours of an event ("12.8.2021 13:40 - 14:25"): its date."""
    for a, b, line in _next_lines(ctx, pos, _BELOW):
        ds = [d for d in ctx.dates_in(a, b) if len(d.value) == 10]
        if ds and _CLOCK_RANGE.search(line):
            return ds[0]
    return None


def _in_programme(ctx: DocContext, pos: int) -> bool:
    """The line at `pos` follows a time of day ("Ti 17.3. klo 13:00" above it), or opens with one ("10.30
    Workshops: …"): an item of a programme."""
    own = ctx.text[ctx.text.rfind("\n", 0, pos) + 1:pos + 12]
    if _CLOCK.match(own.lstrip()):
        return True
    start = ctx.text.rfind("\n", 0, pos)
    for _ in range(2):
        while start > 0 and ctx.text[start - 1] == "\n":
            start -= 1
        if start <= 0:
            return False
        prev = ctx.text.rfind("\n", 0, start) + 1
        line = ctx.text[prev:start]
        if _CLOCK.search(line) and len(line.split()) <= 6:
            return True
        start = prev - 1
    return False


def _particle(word: str, ctx: DocContext) -> bool:
    """An uninflected common word (an adverb, a conjunction: "Perinteisesti", "Dessutom") opening a sentence."""
    return _common(word, ctx) and lemma(word, ctx.lang).lower() == word.lower()


def _common(word: str, ctx: DocContext) -> bool:
    """A common word of the language written with a capital only because it starts the sentence."""
    lem = lemma(word, ctx.lang)
    return lem[:1].islower() and is_known(word.lower(), ctx.lang) and _head(word, ctx) is None


def _lowercase_name(ctx: DocContext, toks, i):
    """A compound event word named by a truncated coordination before it ("AMK- ja ammatillisen koulutuksen
    tutkimuspäivät", "vår- och utdelningsfesten"): the shared part of the compound makes it a name."""
    t = toks[i]
    if _head(t.text, ctx) == lemma(t.text.lower(), ctx.lang).lower():
        return None  # a bare event word: "seminaarissa"
    joins = "|".join(re.escape(w) for w in ctx.lex.words("organisation", "coordinators") if " " not in w)
    if not joins:
        return None
    m = re.search(r"(?:^|\s)(\w[\w-]*-\s+(?:" + joins + r")\s+(?:[^\W\d]+\s+){0,3})$", ctx.text[max(0, t.start - 80):t.start])
    if m is None:
        return None
    start = t.start - (len(ctx.text[max(0, t.start - 80):t.start]) - m.start(1))
    return _nominative(ctx.text[start:t.end], ctx), start, t.end


def _owned_name(ctx: DocContext, toks, i) -> tuple[str, int] | None:
    """(name, start) of a lower-case event word with its modifiers after a possessive ("the trust's prize
    gala", "X's launch meeting" → "prize gala", "launch meeting"): the possessive says one holder's
    event is meant, the modifiers what kind it is. Words of time ("next", "annual") are no part of the name; an
    event word with no modifier names nothing."""
    sec = ctx.lex.section("owned_events")
    clitics = tuple(sec.get("owner_clitics", ()))
    if not clitics:
        return None
    timing = set(sec.get("timing_words", ()))
    k = i
    while k > 0 and i - k < _OWNED_MODIFIERS and toks[k - 1].is_word and not toks[k - 1].is_cap \
            and not toks[k - 1].text.endswith(clitics):
        k -= 1
    if k == 0 or not toks[k - 1].text.endswith(clitics) or toks[k - 1].text.lower() in _function_words(ctx):
        return None
    while k < i and toks[k].text.lower() in timing:
        k += 1
    words = toks[k:i]
    if not words or any(w.text.lower() in _function_words(ctx) or finite_verb(w.text, ctx.lang) for w in words):
        return None
    return ctx.text[toks[k].start:toks[i].end], toks[k].start


_OWNED_MODIFIERS = 3  # words between the possessive and the event word ("next network kick-off meeting")


def _refers_to(events: dict, toks, i, ctx: DocContext):
    """An event named before, mentioned again in lower case by its last two words ("the annual celebration"), or
    by its event word alone after an article, in the definite form or opening the sentence ("The conference
    takes place …", "Konferensen äger rum …", "Konferenssi järjestetään …") where one event of that kind was
    named before."""
    word = toks[i].text
    head = _head(word, ctx)
    if i > 0:
        tail = f"{toks[i - 1].text} {word}".lower()
        for e in events.values():
            if e.name.lower().endswith(tail):
                return e
        for e in events.values():  # "rehtorien verkostotapaamisen" after "Rehtorien verkostotapaaminen": inflected
            words = e.name.lower().split()
            if len(words) >= 2 and words[-2] == toks[i - 1].text.lower() and head and _last_lemma(e.name, ctx) == head:
                return e
    bare = i == 0 or toks[i - 1].text.lower() in _function_words(ctx) or definite_form(word, ctx.lang)
    same = [e for e in events.values() if head and _last_lemma(e.name, ctx) == head] if bare else []
    return same[0] if len(same) == 1 else None


def _date_from(ctx: DocContext, s, e: Event) -> None:
    """The event's date: in its sentence, or on the first lines below it (an agenda's "Aika: …" line). A year
    alone ("Forum 2025" in the title) is made precise by a day of that year in a sentence about the event."""
    year = e.date if e.date is not None and len(e.date) == 4 else None
    if e.date is not None and year is None:
        return
    ds = [d for d in ctx.dates_in(s.line.start, s.line.end) if len(d.value) >= 7 and d.value[:4] == (year or d.value[:4])]
    if ds:
        e.date = ds[0].value
    elif year:
        return
    elif not ctx.dates_in(s.line.start, s.line.end):
        # "… on 8th of March", in the page's year; "… på tisdagen", the dateline's Tuesday
        e.date = day_in_page_year(ctx, s.line.start, s.line.end) or dateline_weekday(ctx, s.line.start, s.line.end)


def _organiser_after(ctx: DocContext, end: int) -> str | None:
    """"… jubilee of the College of X", "konferensen av X": the organiser right after the event word."""
    words = "|".join(re.escape(w) for w in ctx.lex.section("events").get("organiser_words", ()))
    if not words:
        return None
    for m in ctx.mentions_starting(end + 1, end + 20):
        if re.fullmatch(r"\s+(?:" + words + r")\s+(?:the\s+)?", ctx.text[end:m.start]):
            return ctx.key_of(m)
    return None


def _verb_form(word: str, ctx: DocContext) -> bool:
    """A form of a verb (the lemma is an infinitive, the word is not): finite, or an imperative without a
    personal ending ("Ilmoittaudu")."""
    if finite_verb(word, ctx.lang):
        return True
    rx = ctx.lex.infinitive
    low, lem = word.lower(), lemma(word, ctx.lang).lower()
    return rx is not None and lem != low and rx.search(lem) is not None


def _in_place_case(word: str, ctx: DocContext) -> bool:
    """A word inflected in one of the language's place cases ("Oulussa", "Vantaalle"): where, not a name part."""
    endings = tuple(ctx.lex.section("events").get("place_endings", ()))
    low = word.lower()
    return bool(endings) and low.endswith(endings) and lemma(word, ctx.lang).lower() != low


def _venue(ctx: DocContext, m, line_start: int) -> bool:
    """An organisation in a place case ("Kongressitaloon") or after a venue word ("i NKF-huset", "at X")."""
    ev = ctx.lex.section("events")
    if m.surface != m.base and m.surface.lower().endswith(tuple(ev.get("place_endings", ())) or ("\0",)):
        return True
    before = ctx.text[max(line_start, m.start - 12):m.start].lower().split()
    return bool(before) and before[-1] in ev.get("venue_words", ())


def _heading_with_date(ctx: DocContext, e: Event, head_end: int) -> bool:
    """A quoted event whose event word opens its line and which is dated there or just below
    ('Verkostotapaaminen "…"' over its day and hours): an event announced under a heading of its own, whatever
    else the page calls by its noun."""
    if e.date is None:
        return False
    line_start = ctx.text.rfind("\n", 0, head_end) + 1
    return len(ctx.text[line_start:head_end].split()) == 1


def _named_by_apposition(ctx: DocContext, events: dict, head_end: int) -> Event | None:
    """The event named in a sentence by the words up to its event word, when a quoted name stands after that
    word in apposition ('the annual get-together, "…",'): the words are a description, the quote its name.
    Without the comma only a description in common words ('the network's autumn meeting "…" is held'): a name
    of its own before the quote ('Xyz Days "…"') is the event, the quote its theme."""
    comma = "," in ctx.text[head_end:head_end + 2]
    for x in events.values():
        if x.evidence is not None and x.evidence.start <= head_end <= x.evidence.end \
                and ctx.text[:head_end].endswith(x.name) and (comma or _described(x.name, ctx)):
            return x
    return None


def _described(name: str, ctx: DocContext) -> bool:
    """A lower-case event word after common words only ("Nätverkets höstträff"): a description, no name."""
    words = name.split()
    return words[-1][:1].islower() and all(_common(w, ctx) or w.lower() in _function_words(ctx) for w in words[:-1])


def _quoted_events(ctx: DocContext) -> list[tuple[Event, str, int]]:
    """An event word followed by a quoted name ('webinaari "Oppimisen uudet tilat"', 'the seminar “Future
    Skills”'), dated in its line or on the lines just below it, as agendas write them. With each: the lemma of
    its event word and where that word ends."""
    out = []
    for s in ctx.sentences:
        for m in _QUOTED.finditer(ctx.text, s.line.start, s.line.end):
            t = next((x for x in reversed(s.tokens) if x.end <= m.start() and x.text not in (",", ":")), None)
            # the name right after the event word, after a colon or in apposition ('the get-together, "…",')
            if t is None or m.start() - t.end > 3 or ctx.text[t.end:m.start()].strip(" :,") \
                    or not t.is_word or not _event_word(t.text, ctx):
                continue
            e = Event(name=m.group(1).strip(), evidence=ctx.evidence(t.start, m.end()), rule="quoted")
            ds = [d for d in ctx.dates_in(s.line.start, s.line.end) if len(d.value) >= 7]
            if not ds:
                for a, b, _ in _next_lines(ctx, s.line.end - 1, 2):
                    ds = [d for d in ctx.dates_in(a, b) if len(d.value) >= 7]
                    if ds:
                        break
            e.date = ds[0].value if ds else None
            out.append((e, _last_lemma(t.text, ctx), t.end))
    return out


_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?!\d)")


def _first_programme_day(ctx: DocContext) -> tuple[int, int] | None:
    """(day, month) of the first line of a programme that gives a day without its year and a time
    ("Ti 17.3. klo 13:00")."""
    for ln in lines(ctx.text):
        m = _DAY_MONTH.search(ln.text)
        if m and len(ln.text.split()) <= 6 and _CLOCK.search(ln.text[m.end():]):
            return int(m.group(1)), int(m.group(2))
    return None


def _programme_day(e: Event, first_day: tuple[int, int] | None) -> str | None:
    """The first day of the event's programme, in the year its name gives ("… 2026"): a programme writes its
    days without the year."""
    year = re.search(r"(?<!\d)((?:19|20)\d\d)(?!\d)", e.name) or re.fullmatch(r"((?:19|20)\d\d)", e.date or "")
    if not year or first_day is None:
        return None
    try:
        return date(int(year.group(1)), first_day[1], first_day[0]).isoformat()
    except ValueError:
        return None


def _function_words(ctx: DocContext) -> frozenset[str]:
    return frozenset(w.lower() for w in ctx.lex.words("organisation", "not_names"))


def _last_lemma(name: str, ctx: DocContext) -> str:
    """The event word a name ends in, as its cue ("…tutkimuspäivät" → "päivät")."""
    words = name.split()
    return (_head(words[-1], ctx) or words[-1].lower()) if words else ""


def _genitive_org_at(ctx: DocContext, start: int, limit: int):
    """An organisation in the genitive starting at `start` and ending before `limit`."""
    endings = tuple(ctx.lex.section("awards").get("genitive_endings", ()))
    if not endings:
        return None
    for m in ctx.mentions_starting(start, start):
        if m.end < limit and m.surface != m.base and m.surface.lower().endswith(endings):
            return m
    return None
