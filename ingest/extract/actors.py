"""All organisation mentions of a document: head-word phrases, list items, acronyms, known actors, and
names coordinated with them ("… Kemianteollisuus ry sekä SAK")."""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from ..lexicon import LANGS, lexicon
from ..resolve import gazetteer, name_key
from ..text import LOWER, UPPER, Line, Token, cue_noun, is_known, lemma
from .lists import ListItem, country_keys, item_mentions, list_cue, looks_like_non_name, split_line_list
from .names import ACRONYM, base_form, head_type
from .organisations import OrganisationFinder, OrgMention
from .people import PersonMention
from .structure import Field, ListBlock

LIST_FIELDS = ("partners", "members", "funder", "coordinator", "organisers")


@dataclass
class Sentence:
    line: Line
    tokens: list[Token]


class _Covered:
    """Character positions covered by spans found so far: a span test costs its own length, not the number of
    spans, so a long document stays linear."""

    def __init__(self, spans=()):
        self._mask = bytearray()
        for a, b in spans:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        if b > len(self._mask):
            self._mask.extend(bytes(b - len(self._mask)))
        self._mask[a:b] = b"\x01" * (b - a)

    def at(self, pos: int) -> bool:
        """Some span holds `pos` (x <= pos < y)."""
        return 0 <= pos < len(self._mask) and self._mask[pos] == 1

    def overlaps(self, a: int, b: int) -> bool:
        """Some span shares a character with a..b."""
        return 1 in self._mask[max(a, 0):b]


def _cells(s: Sentence, text: str) -> list[list[Token]]:
    """The tokens of a sentence cut at tabs: a table's cells ("Name\tApplicant\t450 000"), and no name runs from
    one cell into the next."""
    if "\t" not in s.line.text:
        return [s.tokens]
    out: list[list[Token]] = [[]]
    for t in s.tokens:
        if out[-1] and "\t" in text[out[-1][-1].end:t.start]:
            out.append([])
        out[-1].append(t)
    return [c for c in out if c]


def find_org_mentions(sentences: list[Sentence], people: list[PersonMention], lang: str, text: str,
                      fields: list[Field], blocks: list[ListBlock]) -> tuple[list[OrgMention], list[ListItem]]:
    finder = OrganisationFinder(lang)
    person_spans = [(p.start, p.end) for p in people]
    by_start = sorted(person_spans)
    person_index = (by_start, list(itertools.accumulate((e for _, e in by_start), max)))
    mentions: list[OrgMention] = []
    for s in sentences:
        for cell in _cells(s, text):
            for m in finder.find(cell):
                mentions += _trim_people(m, s.tokens, person_index, lang, finder)
    items: list[ListItem] = []
    seen_spans = _Covered()  # field values, already read as items
    for f in fields:
        if f.name in LIST_FIELDS:
            values = f.values
            if len(values) == 1 and f.name != "coordinator":
                values = split_line_list(values[0], finder)  # "Övriga medverkande: A, B": two bodies
            for v in values:
                seen_spans.add(v.start, v.end)
                if looks_like_non_name(v, people):
                    continue
                for m, role in item_mentions(v, lang, finder, force=True):
                    items.append(ListItem(m, role, f.name, v))
    lex = lexicon(lang)
    # a field's label standing alone on its line ("Project period" over its dates) ends the list above it
    labels = _Covered((f.label.start, f.label.end) for f in fields if f.values and f.values[0].start >= f.label.end)
    for b in blocks:
        heading = b.heading.text if b.heading and (len(b.heading.text.split()) <= 12 or b.heading.text.rstrip().endswith(":")) else ""
        cue = list_cue(heading, lex)
        if cue is None and any(looks_like_non_name(x, people) for x in b.items):
            cue = "contact"  # a contact block: its organisation is a person's, not a partner
        probe = [item_mentions(ln, lang, finder, force=False) for ln in b.items]
        headed = sum(1 for p in probe if p)
        for ln, p in zip(b.items, probe):
            if labels.at(ln.start):
                cue = None
                continue
            if seen_spans.overlaps(ln.start, ln.end) or looks_like_non_name(ln, people):
                continue
            inner = list_cue(ln.text, lex) if not p and (len(ln.text.split()) >= 2 or ln.text.rstrip().endswith(":")) else None
            if inner is not None or (not p and ln.text.rstrip().endswith(":")):
                cue = inner  # a heading inside the run: "Members of EC2U", "Associated partners"
                continue
            force = cue not in (None, "contact") or headed >= max(2, 0.6 * len(b.items))
            got = item_mentions(ln, lang, finder, force=force) if force else p
            for m, role in got:
                items.append(ListItem(m, role, cue, ln))
    items = [it for it in items if not _common_word(it.mention, lang)]
    item_spans = _Covered((it.mention.start, it.mention.end) for it in items)
    mentions = [m for m in mentions if not (item_spans.at(m.start) or item_spans.at(m.end - 1))]
    mentions += [it.mention for it in items]
    mentions += _declared_acronyms(mentions, sentences, lang)
    mentions += _plural_heads(sentences, mentions, person_spans, lang)
    known = _known_actors(sentences, mentions, person_spans, lang)
    # "Known Name (KN)": a known actor's name declares the acronym after it as well as a head-word name does
    mentions += known + _declared_acronyms(known, sentences, lang)
    item_lines = [(it.line.start, it.line.end) for it in items]
    mentions += _coordinated(sentences, mentions, person_spans + item_lines, lang)
    mentions += _acronym_uses(sentences, mentions, lang)
    mentions += _grant_takers(sentences, mentions, person_spans, lang, text)
    if mentions_cooperation(text, lang):
        mentions += _place_lists(sentences, mentions, person_spans, lang)
    # the value of a project-name field names the project, whatever head word it ends in ("Schools of Tomorrow"),
    # and so does a name right after the project word in its base form ("projektet Gröna skolor", "hanke X")
    named = [(v.start, v.end) for f in fields if f.name == "project_name" for v in f.values]
    project_words = {w.lower() for w in lex.cue("project")}
    after_word = {s.tokens[i + 1].start for s in sentences for i, t in enumerate(s.tokens[:-1])
                  if t.text.lower() in project_words and s.tokens[i + 1].is_cap and s.tokens[i + 1].start - t.end == 1}
    # and so does a name after the project word and a naming word ("a project called Village School Futures")
    after_word |= _called_names(sentences, project_words | set(lex.words("project_naming", "undertaking_nouns")), lex)
    if named or after_word:
        mentions = [m for m in mentions if m.start not in after_word
                    and not any(s <= m.start and m.end <= e for s, e in named)]
    # a country is a place, never an organisation ("Norrby Akademi, Sweden"; "partners in Sweden")
    countries = country_keys()
    mentions = [m for m in mentions if name_key(m.base) not in countries]
    items = [it for it in items if name_key(it.mention.base) not in countries]
    return mentions, items


def _plural_heads(sentences: list[Sentence], mentions: list[OrgMention], person_spans, lang: str) -> list[OrgMention]:
    """"the universities of Helsinki, Turku and Oulu": a head in the plural before the names it is shared by, one
    body per name ("University of Helsinki", …), from the lexicon's [organisation] plural_prefix_heads."""
    org = lexicon(lang).section("organisation")
    plural = org.get("plural_prefix_heads", {})
    if not plural:
        return []
    types = org.get("prefix_heads", {})
    coords = set(org.get("coordinators", ()))
    taken = _Covered([(m.start, m.end) for m in mentions] + list(person_spans))
    out = []
    for s in sentences:
        toks = s.tokens
        for i in range(len(toks) - 2):
            singular = plural.get(f"{toks[i].text.lower()} {toks[i + 1].text.lower()}")
            j = i + 2
            while singular and j < len(toks) and toks[j].is_word and toks[j].is_cap and not taken.at(toks[j].start):
                e = j
                while e + 1 < len(toks) and toks[e + 1].is_word and toks[e + 1].is_cap and toks[e + 1].start - toks[e].end == 1:
                    e += 1
                surface = s.line.text[toks[j].start - s.line.start:toks[e].end - s.line.start]
                out.append(OrgMention(toks[j].start, toks[e].end, surface, f"{singular} {surface}",
                                      types.get(singular.lower(), "other"), source="plural-head"))
                j = e + 1
                while j < len(toks) and (toks[j].text == "," or toks[j].text.lower() in coords):
                    j += 1
    return out


def _called_names(sentences: list[Sentence], project_words: set[str], lex) -> set[int]:
    """The starts of the capitalised names right after a project word and a naming word of the lexicon."""
    naming = [tuple(w.split()) for w in lex.words("project_naming", "naming_words")]
    out = set()
    for s in sentences:
        toks = s.tokens
        for i, t in enumerate(toks):
            if t.text.lower() not in project_words:
                continue
            for w in naming:
                k = i + 1 + len(w)
                if k < len(toks) and toks[k].is_cap and tuple(x.text.lower() for x in toks[i + 1:k]) == w:
                    out.add(toks[k].start)
    return out


def _common_word(m: OrgMention, lang: str) -> bool:
    """A list item that is one word of the language's dictionary, capitalised only as a line's first word
    ("Description", "Belopp" over a column of sums): a heading or a column label, no name. An acronym, a word with
    an organisation head, a known actor's name and a definite form are names."""
    word = m.surface.strip()
    if not re.fullmatch(r"[^\W\d_]+", word) or word.isupper() or m.base != word:
        return False
    if not is_known(word.lower(), lang) or not lemma(word, lang)[:1].islower():
        return False
    lex = lexicon(lang)
    if word.lower() != lemma(word, lang).lower() and word.lower().endswith(tuple(x for x in lex.definite_suffixes if len(x) > 1)):
        return False  # a definite form names one body, as a name does ("Brevvännerna", "Arbetsförmedlingen")
    tok = Token(word, m.start, m.end)
    if head_type(tok, lex) is not None:
        return False
    gz = gazetteer()
    return name_key(word) not in gz.by_key and name_key(word) not in gz.by_short and word not in gz.by_acronym


def _grant_takers(sentences, mentions, person_spans, lang, text) -> list[OrgMention]:
    """A capitalised name right next to a verb of receiving money is an actor, even with no organisation
    word: a municipality or a brand ("40 000 euroa sai Kuusimaa …", "Vindora får stöd")."""
    from .amounts import find_amounts
    lex = lexicon(lang)
    cues = lex.cue("recipient")
    taken = _Covered([(m.start, m.end) for m in mentions] + list(person_spans))
    out = []
    for s in sentences:
        toks = s.tokens
        if not find_amounts(s.line.text, lang):
            continue
        for i, t in enumerate(toks):
            if not (t.is_word and t.text.lower() in cues):
                continue
            for j in (i + 1, i - 1):
                if not (0 <= j < len(toks)):
                    continue
                c = toks[j]
                if j > 0 and toks[j - 1].text.lower() in ("i", "in", "på", "at"):
                    continue  # "… i Umeå får stöd": where the receiver is, not who
                proper = lemma(c.text, lang)[:1].isupper()  # the dictionary knows it as a proper noun
                # "sai Erasmus+-rahoitusta": a name joined to the word after it qualifies that word, no receiver
                # ("Nordplus-stöd": a compound whose last part is a common word)
                joined = j + 1 < len(toks) and toks[j + 1].start == c.end and toks[j + 1].text in ("+", "-", "–") \
                    or "-" in c.text and c.text.rsplit("-", 1)[1][:1].islower()
                if c.is_word and c.is_cap and not c.is_upper and proper and not taken.at(c.start) and not joined:
                    base = lemma(c.text, lang) if lex.names_inflect else c.text
                    out.append(OrgMention(c.start, c.end, c.text, base, "municipality", source="recipient"))
                    taken.add(c.start, c.end)
                    break
        out += _gapped_takers(s, lex, taken, lang)
    return out


_GAPPED_NAME_WORDS = 3


def _gapped_takers(s, lex, taken, lang: str) -> list[OrgMention]:
    """"X gets 2.5 million for A, and Y 300,000 euros for B": in a clause that leaves out the verb of
    receiving, the capitalised name between the joiner and the sum receives, known word or not."""
    from .amounts import find_amounts
    cues = lex.cue("recipient")
    if not any(t.is_word and (t.text.lower() in cues or lemma(t.text.lower(), lang) in cues) for t in s.tokens):
        return []
    joiners = set(lex.words("funded_items", "joiners"))
    sums = find_amounts(s.line.text, lang, s.line.start)
    out = []
    for a in sums:
        before = [t for t in s.tokens if t.end <= a.start][-(_GAPPED_NAME_WORDS + 1):]
        names = []
        for t in reversed(before):
            if t.is_word and t.is_cap and not taken.at(t.start) and len(names) < _GAPPED_NAME_WORDS:
                names.insert(0, t)
                continue
            break
        lead = before[-len(names) - 1] if names and len(before) > len(names) else None
        if not names or lead is None or lead.text.lower() not in joiners \
                or s.line.text[:a.start - s.line.start].rstrip() != s.line.text[:names[-1].end - s.line.start]:
            continue
        surface = s.line.text[names[0].start - s.line.start:names[-1].end - s.line.start]
        out.append(OrgMention(names[0].start, names[-1].end, surface, surface, "other", source="recipient"))
        taken.add(names[0].start, names[-1].end)
    return out


def mentions_cooperation(text: str, lang: str) -> bool:
    """Whether a cooperation noun occurs in the text at all: most pages name no coalition, and need no search."""
    lex = lexicon(lang)
    low = text.lower()
    return any(w in low for w in lex.words("coalition", "nouns") + lex.cue("coalition"))


def _place_lists(sentences, mentions, person_spans, lang) -> list[OrgMention]:
    """A run of bare place names ("… ovat Alavus, Birkala, Cedervik ja Dalsbruk") in a sentence near a noun for
    municipalities and a cooperation noun ("kuntien verkosto") lists the municipalities of a municipal network:
    each name is a municipality, though no head word says so."""
    lex = lexicon(lang)
    towns = tuple(w.lower() for w in lex.words("coalition", "municipality_nouns"))
    coop = tuple(lex.words("coalition", "nouns")) + lex.cue("coalition")
    coords = set(lex.section("organisation").get("coordinators", ()))
    if not towns or not coop:
        return []
    taken = _Covered([(m.start, m.end) for m in mentions] + list(person_spans))
    near_coop = [any(w in s.line.text.lower() for w in coop) and any(t.is_word and cue_noun(t.text, coop, lang) for t in s.tokens)
                 for s in sentences]
    near_town: dict[int, bool] = {}

    def town(j: int) -> bool:
        if j not in near_town:
            near_town[j] = any(t.is_word and not t.is_cap and lemma(t.text, lang).lower().endswith(towns) for t in sentences[j].tokens)
        return near_town[j]

    out = []
    for i, s in enumerate(sentences):
        window = range(max(0, i - 4), i + 1)
        if not (any(near_coop[j] for j in window) and any(town(j) for j in window)):
            continue
        run: list[Token] = []
        best: list[Token] = []
        chunk: list[Token] = []
        for t in s.tokens + [Token(".", s.line.end, s.line.end)]:
            if not (t.text in (",", ";", ".") or t.text.lower() in coords):
                chunk.append(t)
                continue
            # a conjunct of one or two capitalised words is a place ("Alavus Birkala": a comma left out); the
            # first one ends a clause ("… ovat Alavus")
            caps = chunk if run else _capitalised_tail(chunk)
            # written as its own base form: "Alavuden, Birkalan ja Cedervikin …" are modifiers of a shared head
            if 0 < len(caps) <= 2 and all(c.is_word and c.is_cap and not c.is_upper and lemma(c.text, lang) == c.text for c in caps):
                run.extend(caps)
            else:
                best, run = max(best, run, key=len), []
            chunk = []
            if t.text in (".", ";"):
                best, run = max(best, run, key=len), []
        if len(best) < 3:
            continue
        countries = country_keys()
        for t in best:
            if taken.at(t.start) or name_key(t.text) in countries:
                continue
            lem = lemma(t.text, lang)
            base = lem if lem[:1].isupper() and lem[:3] == t.text[:3] else t.text
            out.append(OrgMention(t.start, t.end, t.text, base, "municipality", source="place-list"))
            taken.add(t.start, t.end)
    return out


def _capitalised_tail(chunk: list[Token]) -> list[Token]:
    n = 0
    while n < len(chunk) and n < 2 and chunk[-1 - n].is_cap:
        n += 1
    return chunk[len(chunk) - n:]


def _trim_people(m: OrgMention, toks: list[Token], person_index, lang, finder) -> list[OrgMention]:
    """An organisation phrase never starts inside a person's name ("professori Kalle Heinälä Järvelän …"). A
    phrase run over people and their organisations ("A of X University and B of Y University") is read again
    in each stretch between the people, where the organisations stand on their own."""
    # the latest end of the people starting before the phrase ends (spans sorted, with their running maximum)
    spans, max_ends = person_index
    i = bisect.bisect_left(spans, (m.end, -1))
    cut = max_ends[i - 1] if i > 0 and max_ends[i - 1] > m.start else None
    if cut is None:
        return [m]
    inside = [(a, b) for a, b in spans[:i] if b > m.start]
    out: list[OrgMention] = []
    edges = [m.start] + [x for a, b in inside for x in (a, b)] + [m.end]
    for lo, hi in zip(edges[::2], edges[1::2]):
        stretch = [t for t in toks if t.start >= lo and t.end <= hi]
        if stretch and stretch[-1].end == m.end:
            # the last stretch ends where the phrase did: its own head closes it
            while stretch and not stretch[0].is_cap:
                stretch = stretch[1:]  # "of", "from": the link to the person before, not the name
            if stretch and head_type(stretch[-1], finder.lex) is not None:
                out.append(OrgMention(stretch[0].start, stretch[-1].end, " ".join(t.text for t in stretch),
                                      base_form(stretch, lang), m.type))
        elif stretch:
            out += [x for x in finder.find(stretch) if x.start >= lo and x.end <= hi]
    return out


def _declared_acronyms(mentions: list[OrgMention], sentences: list[Sentence], lang: str) -> list[OrgMention]:
    """"Mötesplats Social Innovation (MSI)": the parenthesis declares an acronym of the name before it."""
    by_end = {m.end: m for m in mentions}
    # "Northfield College DKK 0.9 million": a currency code after a name is no acronym of it
    currencies = {c.lower() for c in lexicon(lang).section("amounts").get("currencies", {})}
    out = []
    for s in sentences:
        toks = s.tokens
        for i in range(len(toks) - 1):
            # apposition: "… kulttuurijärjestö UNESCOn", "… koulutuskuntayhtymä VAAO"
            prev = by_end.get(toks[i].end)
            nxt = toks[i + 1]
            acr = re.match(r"^([" + UPPER + r"]{2,8})(?::?[" + LOWER + r"]{1,4})?$", nxt.text)
            if prev is not None and prev.source in ("head", "gazetteer") and acr and nxt.start - toks[i].end == 1 and prev.acronym is None \
                    and acr.group(1).lower() not in currencies:
                prev.acronym = acr.group(1)
                out.append(OrgMention(nxt.start, nxt.end, nxt.text, acr.group(1), prev.type, source="acronym"))
        for i in range(len(toks) - 2):
            short = toks[i + 1].text
            declared = ACRONYM.match(short) or (short[:1].isupper() and 3 <= len(short) <= 10 and short.isalpha()
                                                 and not lemma(short, lang)[:1].islower())
            if toks[i].text == "(" and toks[i + 2].text == ")" and declared:
                prev = by_end.get(toks[i].start - 1) or by_end.get(toks[i].start)
                if prev is not None and prev.acronym is None:
                    prev.acronym = toks[i + 1].text
                    out.append(OrgMention(toks[i + 1].start, toks[i + 1].end, toks[i + 1].text, toks[i + 1].text,
                                          prev.type, source="acronym"))
    return out


def _known_actors(sentences: list[Sentence], mentions: list[OrgMention], person_spans, lang: str) -> list[OrgMention]:
    """Names of the gazetteer that no head word reveals ("Business Finland", "Sitra"), in any inflection; never
    inside a person's name (a surname that is also a university's short name)."""
    gz = gazetteer()
    shorts = {k[:4] for k in gz.by_short}
    taken = _Covered([(m.start, m.end) for m in mentions] + list(person_spans))
    out = []
    for s in sentences:
        toks = s.tokens
        for i in range(len(toks)):
            if not toks[i].is_word or not toks[i].is_cap:
                continue
            for n in range(min(6, len(toks) - i), 0, -1):
                window = toks[i:i + n]
                if not window[-1].is_word:
                    continue
                a, b = window[0].start, window[-1].end
                if taken.overlaps(a, b):
                    continue
                base = base_form(window, lang)
                surface = " ".join(t.text for t in window)
                if n == 1 and ACRONYM.match(surface.split(":")[0]):
                    continue  # acronyms are matched by _acronym_uses
                known = gz.by_key.get(name_key(base)) or gz.by_key.get(name_key(surface))
                if known is None and n == 1 and surface[:4].casefold() in shorts:
                    # a short form or brand of a known actor ("Xyz" of "Xyz-yliopisto"), in any case ending
                    base = next((f for f in _stems(surface, lang) if name_key(f) in gz.by_short), base)
                    known = gz.by_short.get(name_key(base))
                if known is not None:
                    out.append(OrgMention(a, b, surface, base, known.type, source="gazetteer"))
                    taken.add(a, b)
                    break
    return out


def _stems(word: str, lang: str) -> list[str]:
    """The word and the word without each case ending of the language ("Xyz-Helian" → "Xyz-Helia")."""
    endings = lexicon(lang).section("case_endings").get("endings", ())
    return [word] + [word[: -len(e)] for e in endings if word.endswith(e) and len(word) - len(e) >= 4]


def _coordinated(sentences, mentions, person_spans, lang) -> list[OrgMention]:
    """In "A, B ja C", when some of the conjuncts are organisations, the capitalised others are too; and in
    "Kuusimaan, Järvelän ja Koivulan ammattikorkeakoulut" the head is shared: three universities."""
    lex = lexicon(lang)
    coords = set(lex.section("organisation").get("coordinators", ()))
    copulas = set(lex.section("organisation").get("copulas", ()))
    not_names = {w.lower() for w in lex.section("organisation").get("not_names", ())}
    spans = _Covered((m.start, m.end) for m in mentions)
    mention_spans = sorted((m.start, m.end) for m in mentions)
    max_ends = list(itertools.accumulate((y for _, y in mention_spans), max))
    people_or_items = _Covered(person_spans)
    starts = sorted(m.start for m in mentions)
    by_start = {m.start: m for m in mentions}
    out = []
    for s in sentences:
        toks = s.tokens
        first = bisect.bisect_left(starts, s.line.start)
        if not (first < len(starts) and starts[first] < s.line.end):
            continue
        chunks, cur = [], []
        for t in toks:
            if t.text == "," or t.text.lower() in coords:
                chunks.append(cur)
                cur = []
            elif t.text == ":":
                cur = []  # "Rahoittaja: A ja B": a label is no conjunct
            elif t.text in (".", "!", "?", ";"):
                if cur:  # a full stop ends the last conjunct ("… ja Gradia.")
                    chunks.append(cur)
                cur = []
            else:
                cur.append(t)
        chunks.append(cur)
        for ci, ch in enumerate(chunks):
            if len(ch) > 1 and ch[-1].is_cap and not ch[-2].is_cap and (
                    _genitive_modifier(ch[-1], lang) or ch[-2].text.lower() in copulas):
                # "… kautta Järvelän, Kuusimaan ja Koivulan yliopistojen", "kumppaneina ovat Gradia, …": the
                # conjunct is the capitalised end of the chunk
                ch = ch[-1:]
            if not ch or not all(t.is_word and t.is_cap for t in ch) or len(ch) > 4:
                continue
            if ch[0].text.lower() in not_names:
                continue  # "In X, A works with B": a fronted adverbial, no conjunct
            if _job_title(ch, lang):
                continue  # "Professor, X University": a person's title beside the organisation, not a body
            if ci > 0 and chunks[ci - 1] and not chunks[ci - 1][-1].is_cap \
                    and cue_noun(chunks[ci - 1][-1].text, lex.cue("project"), lang):
                continue  # "a joint project, X, …": the project's name in apposition, not a body
            if len(ch) > 1 and cue_noun(ch[0].text, lex.cue("project"), lang):
                continue  # "Projektet X, …": a project named after its word at the start of a sentence
            a, b = ch[0].start, ch[-1].end
            if spans.overlaps(a, b) or people_or_items.overlaps(a, b):
                continue
            if len(ch) == 1 and _genitive_modifier(ch[0], lang):
                anchor = _shared_head(chunks, ci, by_start, lang)
                if anchor is not None:
                    head = anchor.base.split(" ", 1)[1]
                    out.append(OrgMention(a, b, ch[0].text, f"{ch[0].text} {head}", anchor.type, source="coordination"))
                continue  # a place in the genitive alone is no organisation
            if _town_after(chunks, ci, mention_spans, max_ends):
                continue
            if ci + 1 < len(chunks) and _sum_only(s, chunks[ci + 1], lang):
                continue  # "Holder, Xyz, 300 000 euros": the cell before a grant row's sum names what it pays for
            # the neighbouring conjunct is, or ends in, an organisation ("toteuttavat Jyväskylän yliopisto ja Gradia")
            neighbours = [chunks[j] for j in (ci - 1, ci + 1) if 0 <= j < len(chunks) and chunks[j]]
            if any(_inside_one(mention_spans, max_ends, nb[-1].start, nb[-1].end) for nb in neighbours):
                out.append(OrgMention(a, b, " ".join(t.text for t in ch), base_form(ch, lang), "other", source="coordination"))
    return out


def _sum_only(s, chunk: list[Token], lang: str) -> bool:
    """A conjunct that is a sum of money and nothing else ("300 000 euroa")."""
    from .amounts import find_amounts
    if not chunk:
        return False
    a, b = chunk[0].start, chunk[-1].end
    found = find_amounts(s.line.text[a - s.line.start:b - s.line.start], lang)
    return len(found) == 1 and found[0].end - found[0].start >= 0.9 * (b - a)


def _town_after(chunks, ci: int, mention_spans, max_ends) -> bool:
    """"… at Xyzin koulu, Town, for …": one word a dictionary knows, between an organisation and a clause that
    goes on in lower case, is where the body is, not another body coordinated with it."""
    ch = chunks[ci]
    if len(ch) != 1 or ci == 0 or not chunks[ci - 1] or ci + 1 >= len(chunks):
        return False
    nxt = chunks[ci + 1]
    if nxt and nxt[0].is_cap:
        return False
    prev = chunks[ci - 1][-1]
    if not _inside_one(mention_spans, max_ends, prev.start, prev.end):
        return False
    return any(is_known(ch[0].text, lg) or is_known(ch[0].text.lower(), lg) for lg in LANGS)


def _job_title(ch: list[Token], lang: str) -> bool:
    from ..lexicon import titles
    known = titles(lang)
    words = " ".join(t.text for t in ch).lower()
    return words in known or " ".join([*words.split()[:-1], lemma(ch[-1].text, lang).lower()]) in known


def _genitive_modifier(t: Token, lang: str) -> bool:
    return t.text.lower().endswith(lexicon(lang).genitive_suffixes)


def _shared_head(chunks, ci, by_start, lang) -> OrgMention | None:
    """The organisation phrase that ends a run of genitive conjuncts and lends them its head."""
    for ch in chunks[ci + 1:]:
        if not ch:
            return None
        m = by_start.get(ch[0].start)
        if m is not None:
            words = m.base.split(" ")
            return m if len(words) == 2 and words[0] == ch[0].text and m.source == "head" else None
        if not (len(ch) == 1 and ch[0].is_cap and _genitive_modifier(ch[0], lang)):
            return None
    return None


def _acronym_uses(sentences, mentions, lang) -> list[OrgMention]:
    """Later uses of a declared or well-known acronym or short name ("OKM:n", "MSI", "Ekamissa")."""
    gz = gazetteer()
    declared = {m.acronym for m in mentions if m.acronym}
    endings = sorted(lexicon(lang).section("case_endings").get("endings", ()), key=len, reverse=True)
    folded = {d.casefold(): d for d in declared}
    glued_endings = set(endings + [e.lstrip(":") for e in endings])
    taken = _Covered((m.start, m.end) for m in mentions)
    out = []
    def acronym(w: str) -> bool:
        return w in declared or w in gz.by_acronym

    for s in sentences:
        toks = s.tokens
        for n, t in enumerate(toks):
            if not t.is_word or taken.at(t.start):
                continue
            word = t.text.split(":")[0]
            if word not in declared and _in_capitals_run(toks, n, acronym):
                continue  # "the GREEN LAB project": a word of a name written in capitals, not a known body's acronym
            glued = re.match(r"^([" + UPPER + r"]{2,})([" + LOWER + r"]{1,4})$", word)  # "UNESCOn", "OKM:n" written without colon
            if glued and glued.group(2) in glued_endings:
                word = glued.group(1)
            hit = None
            if word in declared or (ACRONYM.match(word) and (word in gz.by_acronym or name_key(word) in gz.by_key)):
                hit = word
            elif len(word) >= 3 and word[:1].isupper() and (word.casefold() in folded or word.casefold() in gz.by_acronym_folded) \
                    and not is_known(word.lower(), lang):
                # an acronym in another case than declared ("Abc" for "ABC", "XYZ" for "Xyz"); a dictionary word
                # ("Oma", "Sata") is no acronym
                hit = folded.get(word.casefold()) or next(a for a in gz.by_acronym if a.casefold() == word.casefold())
            elif len(word) >= 5:
                for d in declared:
                    if len(d) >= 4 and word.startswith(d) and word[len(d):] in endings:
                        hit = d
                        break
            if hit:
                out.append(OrgMention(t.start, t.end, t.text, hit, "other", source="acronym"))
    return out



def _in_capitals_run(toks: list[Token], n: int, acronym) -> bool:
    """The word at n stands in a name written in capitals: a word next to it, one space away, is in capitals too
    and is no acronym itself (two acronyms side by side, "OKM OPH", are two bodies)."""
    def caps(k: int) -> bool:
        return 0 <= k < len(toks) and toks[k].is_word and toks[k].is_upper and not acronym(toks[k].text) \
            and len(toks[k].text) >= 3
    return caps(n - 1) and toks[n].start - toks[n - 1].end == 1 or caps(n + 1) and toks[n + 1].start - toks[n].end == 1


def _inside_one(spans: list[tuple[int, int]], max_ends: list[int], a: int, b: int) -> bool:
    """Some span of `spans` (sorted; `max_ends` their running maximum end) holds all of a..b."""
    i = bisect.bisect_right(spans, (a, float("inf")))  # the spans that start at or before a
    return i > 0 and max_ends[i - 1] >= b
