"""People as entities: one per person in a document, with the title and the organisation they speak for.

The organisation is the one written right after the name or title ("Margit Patronen, hankepäällikkö, Savon
koulutuskuntayhtymä", "universitetslektor vid Norrby universitet"), in the genitive right before the title
("Skolförbundets ordförande Lena Vikholm"), or on the next lines of a contact block.
"""
from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..lexicon import every_language, lexicon
from ..model import Person
from ..resolve import name_key
from ..text import UPPER, alternation, finite_verb, lemma
from .context import DocContext
from .names import head_type
from .page_issuer import page_issuer, speaks_for_page
from .people import PersonFinder, PersonMention



@dataclass(frozen=True)
class _Links:
    """What may stand between a person (or title) and the organisation (the lexicons' [apposition] words, of every
    language: a page quotes other languages' titles)."""
    title_tail: re.Pattern  # the rest of a long title, commas, a link word ("enhetschef social hållbarhet, X")
    long_title_tail: re.Pattern  # a long title with names in it ("Lecturer in Music at the College of X")
    link: re.Pattern  # punctuation and a link word only
    later: re.Pattern  # a title later in the clause ("… som är programdirektör … vid X")
    minister: re.Pattern
    minister_of: re.Pattern  # a minister's title that names the field after the word ("Minister of X")


@cache
def _links() -> _Links:
    def words(key: str) -> str:
        return alternation(every_language("apposition", key))

    article = f"(?:(?:{words('organisation_articles')})\\s+)?"
    links = f"(?:{words('organisation_links')})"
    return _Links(
        title_tail=re.compile(r"^[\s,;]*(?:(?:[^\W\d_" + UPPER + r"]|-)+[\s,]+){0,4}(?:" + links + r"\s+"
                              + article + ")?$"),
        long_title_tail=re.compile(r"^[\s,;]*(?:[\w-]+[\s,]+){0,5}(?:" + words("long_title_links") + r")\s+" + article + "$"),
        link=re.compile(r"^\s*(?:,|;|\(|–|-|/)?\s*(?:" + links + r"\s+" + article + ")?$", re.I),
        later=re.compile(r"\b(?:" + words("later_title_links") + r")\s+" + article),
        minister=re.compile(r"(?:" + words("minister_title_endings") + r")$"),
        minister_of=re.compile(r"(?:" + (alternation(every_language("person_roles", "minister_title_starts")) or r"(?!)")
                               + r")\b"),
    )


def _canonical(mentions: list[PersonMention]) -> str:
    """Finnish names inflect ("Juha-Matti Kettuselle"): the nominative is the shortest spelling seen."""
    return min((m.name for m in mentions), key=lambda n: (len(n), n))


def _person_key(m: PersonMention) -> tuple[str, str]:
    return m.tokens[0], m.tokens[-1][:4].lower()


def build_people(ctx: DocContext) -> tuple[list[Person], dict[int, str]]:
    groups: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
    for m in ctx.people:
        groups[_person_key(m)].append(m)
    out: list[Person] = []
    names: dict[int, str] = {}
    shared = _shared_affiliations(ctx)
    for ms in groups.values():
        name = _canonical(ms)
        person = Person(name=name, evidence=ctx.evidence(ms[0].start, ms[0].end))
        best = 0
        for m in ms:
            names[id(m)] = name
            org, strength = _affiliation(ctx, m)  # may find the title on a contact block's next line
            if org is None and id(m) in shared:
                org, strength = shared[id(m)], 1
            if person.title is None and m.title:
                person.title = m.title
            if org and strength > best:
                best = strength
                person.organisation = org
                person.evidence = ctx.evidence(m.start, m.end)
        if person.organisation is None:
            # a spokesperson quoted or listed as a contact by title alone speaks for the body issuing the page
            speaker = next((m for m in ms if speaks_for_page(ctx, m)), None)
            if speaker is not None and (issuer := page_issuer(ctx)):
                person.organisation = issuer
                person.evidence = ctx.evidence(speaker.start, speaker.end)
        for m in ms:
            m.name = name
        out.append(person)
    return out, names


def _coordinated(ctx: DocContext) -> list[list[PersonMention]]:
    """People joined by commas and coordinators in one sentence ("A, B ja C", "tutkijat A och B"), each
    possibly with a title of their own before the name ("päätoimittaja A ja toimitussihteeri B")."""
    # a page in one language quotes names from another ("A och B" on a page detected as English)
    joins = {w.lower() for w in every_language("organisation", "coordinators")}
    groups: list[list[PersonMention]] = []
    ordered = sorted(ctx.people, key=lambda q: q.start)
    for a, b in zip(ordered, ordered[1:]):
        gap_end = b.title_start if b.title_start is not None and a.end < b.title_start < b.start else b.start
        words = ctx.text[a.end:gap_end].replace(",", " , ").split()
        if "\n" in ctx.text[a.end:b.start] or not words or len(words) > 2 \
                or not all(w == "," or w.lower() in joins for w in words):
            continue
        if groups and groups[-1][-1] is a:
            groups[-1].append(b)
        else:
            groups.append([a, b])
    return groups


def _shared_affiliations(ctx: DocContext) -> dict[int, str]:
    """People listed together share the organisation written once for all of them: after the last name
    ("A och B, Stockholms universitet") or in the genitive before the first title ("Lapin yliopiston tutkijat
    A ja B"). Keyed by id() of the person mention."""
    out: dict[int, str] = {}
    for group in _coordinated(ctx):
        last, first = group[-1], group[0]
        after = _org_after(ctx, last)
        before = _org_before(ctx, first)
        org = after or before
        if org is None or (after and before and after != before):
            continue
        for m in group:
            if after is None and m is not first and m.title_start is not None and m.title_start < m.start:
                continue  # "X:n puheenjohtaja A ja pääministeri B": the genitive owns only the first title
            out[id(m)] = org
    return out


def _org_after(ctx: DocContext, p: PersonMention) -> str | None:
    after_from = max(p.end, p.title_end or 0)
    line_end = ctx.text.find("\n", p.end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    # "A and B, both from X": a word that gathers the people named before it
    gathering = ctx.lex.words("apposition", "gathering_words")
    for m in ctx.mentions:
        if after_from <= m.start <= line_end and m.start - after_from <= 60:
            gap = ctx.text[after_from:m.start]
            gathered = False
            if gathering:
                gap, n = re.subn(r"(?<=,)\s*(?:" + "|".join(map(re.escape, gathering)) + r")(?=\s)", "", gap, flags=re.I)
                gathered = n > 0
            # "A and B, both from the Faculty of X at Y": the unit on the way to the organisation of them all
            if gathered and _unit_on_the_way(ctx).match(gap[1:]):
                return ctx.key_of(m)
            if _links().link.match(gap) or (p.title and (_title_tail(ctx, p, gap) or _apposed_title(ctx, p)
                                                         and _links().long_title_tail.match(gap))):
                return ctx.key_of(m)
    return None


def _org_before(ctx: DocContext, p: PersonMention) -> str | None:
    lead = p.title_start if p.title_start is not None else p.start
    for m in reversed(ctx.mentions):
        if m.end <= lead and lead - m.end <= 2 and _NOT_LISTED.fullmatch(ctx.text[m.end:lead]):
            return ctx.key_of(m)
    return None


_POSSESSIVE_GAP = re.compile(r"(?:['’]s)?\s*")
_NOT_LISTED = re.compile(r"[^,;\n]*")  # no comma between: "A, B University, C" lists bodies beside people


def _affiliation(ctx: DocContext, p: PersonMention) -> tuple[str | None, int]:
    """The organisation a person speaks for, and how sure the layout makes it (3 sure … 1 weak)."""
    line_start = ctx.text.rfind("\n", 0, p.start) + 1
    line_end = ctx.text.find("\n", p.end)
    line_end = len(ctx.text) if line_end < 0 else line_end
    after_from = max(p.end, p.title_end or 0)
    # right after the name or title, in the same line
    for m in ctx.mentions_from(after_from):  # sorted by start: only those up to the line's end can do
        if m.start > line_end:
            break
        if after_from <= m.start <= line_end and m.start - after_from <= 60:
            gap = ctx.text[after_from:m.start]
            if _owns_next_title(ctx, m):
                break  # "X:n rehtori A, Y:n opettaja B": Y owns B's title, the comma lists the next person
            if _links().link.match(gap) or (p.title and (_title_tail(ctx, p, gap) or _apposed_title(ctx, p)
                                                         and (_links().long_title_tail.match(gap)
                                                              or _field_of_title(ctx.lang).match(gap)))) \
                    or (p.title is None or p.title_start is not None and p.title_start < p.start) \
                    and _apposed_role(ctx, p.end, m.start):  # ("Professor A, Dean of … at X": a second role)
                owner = m.surface.endswith(("'s", "’s"))
                # the unit starts after nothing but a possessive and spaces: no later mention can
                reach = _POSSESSIVE_GAP.match(ctx.text, m.end).end()
                near = itertools.takewhile(lambda u: u.start <= reach, ctx.mentions_from(m.end + 1))
                unit = next((u for u in near if (
                    re.fullmatch(r"['’]s\s+", ctx.text[m.end:u.start]) or owner and re.fullmatch(r"\s+", ctx.text[m.end:u.start]))), None)
                # "… of the Harbour Board's Office for Coastal Schools": the unit, not its owner
                if unit is None:
                    parent = _parent_after_unit(ctx, m, gap)
                    if parent:
                        return parent, 3
                return ctx.key_of(unit or m), 3
    # "Jane Roe, X University's Head of Research": the owner of a title in apposition stands before it
    if p.title_start is not None and p.title_start > p.end and p.title_end:
        for m in ctx.mentions_from(p.end):
            if m.end >= p.title_end:
                break
            if ctx.text[p.end:m.start].strip() == "," and (m.surface.endswith(("'s", "’s"))
                                                           or re.match(r"['’]s\s", ctx.text[m.end:p.title_end])):
                return ctx.key_of(m), 3
    # "Jane Roe of the School of Music at X University": a unit named on the way to its organisation
    unit_links = ctx.lex.words("apposition", "unit_links")
    if unit_links and p.title is None:
        line_end = ctx.text.find("\n", p.end)
        for m in ctx.mentions_from(p.end):
            if m.start - p.end > 100 or 0 <= line_end < m.start:
                break
            if _unit_on_the_way(ctx).match(ctx.text[p.end:m.start]):
                return ctx.key_of(m), 2
    # the organisation owning the title: "Lärarförbundets ordförande …", "Opetus- ja kulttuuriministeriön …"
    # (an acting title's word between them: "X:s tf. generaldirektör")
    lead = _before_acting(ctx, p.title_start if p.title_start is not None else p.start)
    # the last mention in the document's order that ends right before it
    # (on the same line: the organisation closing the block above is not the owner of the next name)
    ending = [i for end in range(lead - 2, lead + 1) for i in ctx.mentions_ending(end)
              if _NOT_LISTED.fullmatch(ctx.text[end:lead])]
    if ending:
        return ctx.key_of(ctx.mentions[max(ending)]), 3
    owner = _owner_through_units(ctx, p)
    if owner:
        return owner, 3
    # a title that the title list knows with its workplace's head word ("lukion rehtori") overlaps the name of
    # the workplace in the genitive before it: that organisation owns the title, and the title is what follows it
    if p.title_start is not None and p.title_end is not None and p.title_end <= p.start:
        inside = [i for end in range(p.title_start + 1, p.title_end) for i in ctx.mentions_ending(end)
                  if ctx.mentions[i].start < p.title_start and "\n" not in ctx.text[ctx.mentions[i].start:p.start]]
        if inside:
            m = ctx.mentions[max(inside)]
            rest = ctx.text[m.end:p.title_end].split()
            title = _finder(ctx.lang).title_of(rest) if rest else None
            if title and len(title.split()) == len(rest):
                p.title, p.title_start = title, p.title_end - len(ctx.text[m.end:p.title_end].lstrip())
                return ctx.key_of(m), 3
    # "the foundation's chair A", "säätiön puheenjohtaja A": a head word names the one such body named before
    owner = _named_by_head(ctx, p)
    if owner:
        return owner, 2
    # "X:s vicerektor för utbildning, A": a title in apposition before the name, its owner before it
    if p.title is None:
        owner = _owner_of_title_before_comma(ctx, p, line_start)
        if owner:
            return owner, 2
    # "Xyz's director A", "Professor A of Xyz": a short name that only one body of the page bears
    owner = _named_by_short_name(ctx, p, line_start)
    if owner:
        return owner, 2
    # "Olle Strandvik som är avdelningschef … vid Norrby stad": a title later in the clause
    sentence = ctx.sentence_at(p.start)
    if sentence is not None and p.title is None:
        rest = ctx.text[p.end:sentence.line.end]
        link = _links().later.search(rest)
        # not past another person: the title there is that one's ("A has awarded B, teacher at X")
        if link and link.start() <= 100 and not ctx.person_in(p.end, p.end + link.start()):
            for m in ctx.mentions_from(p.end + link.end()):
                if m.start == p.end + link.end():
                    return ctx.key_of(m), 2
                break
    # "Maija Mäkinen työskentelee Jyväskylän yliopistossa": a verb of working, the organisation in a place case
    if sentence is not None:
        org = _works_at(ctx, p, sentence)
        if org:
            return org, 2
    # "X:n rehtoriksi on valittu A", "X har anställt A som förbundsdirektör": the body opening an appointment
    if sentence is not None:
        org = _appointed(ctx, p, sentence)
        if org:
            return org, 1
    # a minister speaks for the ministry that publishes the page
    if p.title and (_links().minister.search(p.title) or _links().minister_of.match(p.title)):
        top = (ctx.title.end if ctx.title else 0) + 200
        for m in ctx.mentions:
            if m.start > top:
                break  # sorted by start: none later is near the top
            k = ctx.key_of(m)
            if m.start <= top and k and ctx.orgs[k].type == "ministry":
                return k, 1
    # a register's contact-person field ("Hankkeen yhteyshenkilön nimi: …"): the person speaks for the applicant
    label = ctx.text[line_start:p.start]
    if ":" in label and any(w in label.lower() for w in ctx.lex.section("person").get("contact_label_words", ())):
        org = _applicant(ctx)
        if org:
            return org, 1
    # an item of a list of people under the organisation's heading
    org, headed = _heading_over_list(ctx, p, line_start)
    if org:
        return org, 2
    if headed:
        return None, 0  # under a heading not read as a body: the line below it heads the next group
    # a contact block: a short line with the name, the organisation on the next lines
    if len(ctx.text[line_start:line_end].split()) > 8:
        return None, 0
    nxt = line_end + 1
    for _ in range(3):
        while nxt < len(ctx.text) and ctx.text[nxt] == "\n":
            nxt += 1
        end = ctx.text.find("\n", nxt)
        end = len(ctx.text) if end < 0 else end
        line = ctx.text[nxt:end]
        # a "Label: value" line is the next field of a fact box ("Funder: X"), not the contact's organisation
        if not line.strip() or len(line.split()) > 8 or ctx.person_in(nxt, end) or _FIELD_LINE.match(line):
            break
        title = _title_line(ctx, line)
        if p.title is None and title:  # "Anna Virtanen / professori, FT / Oulun yliopisto"
            p.title = title
        # "Project Manager, Xyz": a title opening the line is no body, though a rule read it as one
        skip = nxt + len(re.split(r"[,/(]", line)[0]) if title else nxt
        for m in ctx.mentions_from(skip):
            if m.start < end:
                return ctx.key_of(m), 2
            break
        nxt = end + 1
    return None, 0


def _parent_after_unit(ctx: DocContext, unit, gap: str) -> str | None:
    """"head of the Institute of X, University of Y": the title names the unit it heads, the organisation the
    unit belongs to follows after a comma and closes the apposition; the person speaks for that organisation."""
    links = [w for w in ctx.lex.words("apposition", "unit_name_links")
             if w not in ctx.lex.words("organisation", "coordinators")]
    words = gap.replace(",", " ").split()
    articles = {a.lower() for a in ctx.lex.words("apposition", "organisation_articles")}
    while words and words[-1].lower() in articles:
        words.pop()
    if not words or words[-1].lower() not in links:
        return None
    for n in ctx.mentions_from(unit.end):
        if ctx.text[unit.end:n.start] == ", " and re.match(r"[ \t]*(?:[.;)]|,|\n|$)", ctx.text[n.end:n.end + 3]):
            return ctx.key_of(n)
        break
    return None


def _before_acting(ctx: DocContext, lead: int) -> int:
    """Where a title starts once a word that makes it temporary is counted in ("tf.", "vt.", "acting")."""
    if "acting" not in ctx.memo:
        words = every_language("person", "acting_prefixes")
        ctx.memo["acting"] = re.compile(r"(?<![\w.])(?:" + alternation(words) + r")\s+$", re.I) if words else None
    pattern = ctx.memo["acting"]
    m = pattern.search(ctx.text, max(0, lead - 30), lead) if pattern is not None else None
    return m.start() if m is not None else lead


def _owns_next_title(ctx: DocContext, m) -> bool:
    """The body stands right before the title of a person written after it ("Y:n opettaja B", "Y:s lärare B",
    "Y's teacher B"): in the genitive, it is that person's."""
    if m.surface == m.base and not m.surface.endswith(("'s", "’s")):
        return False
    if not ctx.person_in(m.end, m.end + 80):
        return False
    return any(m.end < q.start <= m.end + 80 and q.title_start is not None and q.title_start < q.start
               and 0 <= q.title_start - m.end <= 2 and not ctx.text[m.end:q.title_start].strip() for q in ctx.people)


_UNIT_WORDS = 4  # genitives between an organisation and a title: a unit's name ("kasvatustieteiden ja psykologian tiedekunnan")


def _owner_through_units(ctx: DocContext, p: PersonMention) -> str | None:
    """The organisation in the genitive before a unit of its own in the genitive, and then the title ("X:n
    sivistyspalveluiden suunnittelija A", "Y stads utbildningsförvaltnings chef A"): the person speaks for the
    organisation. Every word between is an inflected genitive (the lexicon's genitive_suffixes) or a coordinator,
    none a verb form or a project noun (a project is no unit of its funder's)."""
    suffixes = ctx.lex.genitive_suffixes
    if not suffixes or p.title_start is None or p.title_start > p.start:
        return None
    line_start = ctx.text.rfind("\n", 0, p.title_start) + 1
    before = [m for m in ctx.mentions_starting(line_start, p.title_start) if m.end <= p.title_start]
    if not before:
        return None
    m = max(before, key=lambda x: x.end)
    words = ctx.text[m.end:p.title_start].split()
    if not words or len(words) > _UNIT_WORDS or m.surface == m.base or not m.surface.lower().endswith(suffixes) \
            or ctx.person_in(m.end, p.title_start):
        return None
    joins = {w.lower() for w in ctx.lex.words("organisation", "coordinators")}
    projects = set(ctx.lex.cue("project"))
    for w in words:
        low = w.lower()
        if low in joins:
            continue
        lem = lemma(low, ctx.lang).lower()
        if not re.fullmatch(r"[^\W\d_]+(?:-[^\W\d_]+)*", w) or not low.endswith(suffixes) \
                or len(low) < ctx.lex.genitive_modifier_min_length or lem == low or finite_verb(low, ctx.lang) \
                or not low.startswith(lem[:max(2, len(lem) - 2)]) or any(lem.endswith(c) for c in projects):
            return None
    return ctx.key_of(m)


@cache  # one pattern per language
def _field_of_title(lang: str) -> re.Pattern:
    """" for Education, ", " of the Institute of X, ": the field or unit a title in apposition names, then a comma
    and the organisation ("Jane Roe, Director for Education, X"); a few words after the language's unit name
    links, no coordinator among them."""
    lex = lexicon(lang)
    links = lex.words("apposition", "unit_name_links")
    if not links:
        return re.compile(r"(?!)")
    joins = [w for w in lex.words("organisation", "coordinators") if " " not in w]
    article = r"(?:(?:" + alternation(lex.words("apposition", "organisation_articles")) + r")\s+)?"
    not_join = r"(?!(?:" + alternation(joins) + r")\s)" if joins else ""
    return re.compile(r"^\s+(?:" + alternation(links) + r")\s+" + article + r"(?:" + not_join + r"[\w-]+\s+){0,4}"
                      + not_join + r"[\w-]+\s*,\s*$")


def _title_tail(ctx: DocContext, p: PersonMention, gap: str) -> bool:
    """The rest of a long title between the name and the organisation ("A, enhetschef social hållbarhet, X").
    A title written before the name has no rest after it: lower-case words there with a coordinator among them
    join the next person ("opettaja A:lle ja X:n opettaja B:lle"), whose organisation that is."""
    if not _links().title_tail.match(gap):
        return False
    if p.title_start is None or p.title_start > p.start:
        return True
    joins = {w.lower() for w in every_language("organisation", "coordinators")}
    return not any(w.lower() in joins for w in gap.replace(",", " ").split())


_FIELD_LINE = re.compile(r"\s*[^\W\d_][^\W\d_ /-]*(?:[ /-][^\W\d_]+){0,3}\s*:\s")
_BULLET = re.compile(r"[ \t]*[•·▪◦●‣*–—-][ \t]*")
_HEADING_LINES = 40  # lines of a list of people under one heading: a page's member list is no longer


def _heading_over_list(ctx: DocContext, p: PersonMention, line_start: int) -> tuple[str | None, bool]:
    """A bulleted item that opens with the person, in a list under a line that is nothing but an organisation's
    name (a network's member page: each member body, its people listed below it). The list may hold other
    people's items and blank lines; any other line between ends it. Returns the organisation, and whether the
    list stands under a heading at all (a short line of its own), whatever it names."""
    bullet = _BULLET.match(ctx.text, line_start)
    if bullet is None or bullet.end() != p.start:
        return None, False
    end = line_start - 1
    for _ in range(_HEADING_LINES):
        if end < 0:
            break
        start = ctx.text.rfind("\n", 0, end) + 1
        line = ctx.text[start:end]
        end = start - 1
        if not line.strip():
            continue
        mark = _BULLET.match(line)
        if mark is not None and ctx.person_in(start + mark.end(), start + mark.end() + 1):
            continue  # another person's item
        lead = start + len(line) - len(line.lstrip())
        whole = line.strip().rstrip(":").rstrip()
        for m in ctx.mentions_starting(lead, lead):
            if m.end - m.start == len(whole) and ctx.text[m.start:m.end] == whole:
                return ctx.key_of(m), True
        return None, mark is None and len(whole.split()) <= 8 and not whole.endswith((".", "!", "?"))
    return None, False


def _unit_on_the_way(ctx: DocContext) -> re.Pattern:
    """" of the Faculty of X at ": a unit named between a person and the organisation it belongs to."""
    if "unit on the way" not in ctx.memo:
        unit_links = ctx.lex.words("apposition", "unit_links")
        preps = ctx.lex.words("apposition", "workplace_prepositions")
        article = r"(?:(?:" + alternation(ctx.lex.words("apposition", "organisation_articles")) + r")\s+)?"
        # a language that writes units in lower case ("institutionen för matematik") names them by any word
        word = r"[\w-]+" if ctx.lex.section("apposition").get("unit_names_lower") else r"[" + UPPER + r"][\w-]*"
        ctx.memo["unit on the way"] = re.compile(
            r"^\s+(?:" + alternation(unit_links) + r")\s+" + article + r"(?:" + word + r"\s+(?:(?:"
            + alternation(ctx.lex.words("apposition", "unit_name_links")) + r")\s+)?){1,5}"
            r"(?:" + alternation(preps) + r")\s+" + article + "$") if unit_links and preps else re.compile(r"(?!)")
    return ctx.memo["unit on the way"]


def _apposed_role(ctx: DocContext, end: int, org_start: int) -> bool:
    """A role no title list knows, in apposition after the name and ending in a workplace preposition ("Jane
    Roe, Head of Outreach at X"): a few words between a comma and the preposition, none of them a clause."""
    preps = ctx.lex.words("apposition", "workplace_prepositions")
    if not preps:
        return False
    if "apposed role" not in ctx.memo:
        articles = "|".join(re.escape(a) for a in ctx.lex.words("funded_items", "articles"))
        ctx.memo["apposed role"] = re.compile(
            r"^\s*,\s*(?:[\w&/-]+\s+){1,6}(?:" + "|".join(re.escape(p) for p in preps) + r")\s+"
            + (f"(?:(?:{articles})\\s+)?" if articles else "") + r"$", re.I)
    gap = ctx.text[end:org_start]
    return ctx.memo["apposed role"].match(gap) is not None and not any(
        w.lower() in ctx.lex.cue("speech") for w in gap.replace(",", " ").split())


def _apposed_title(ctx: DocContext, p: PersonMention) -> bool:
    """The title stands in apposition right after the name ("Jane Smith, Professor of …") or is said of it
    with a copula ("Jane Smith is Professor of …")."""
    if p.title_start is None or p.title_start <= p.end:
        return False
    if ctx.text[p.end:p.title_start].strip() in (",", ";"):
        return True
    # the title's span may begin with the copula itself
    words = ctx.text[p.end:p.title_end or p.title_start].split()
    linking = set(ctx.lex.words("clause", "copulas")) | set(ctx.lex.words("project_naming", "articles"))
    return bool(words) and words[0].lower() in set(ctx.lex.words("clause", "copulas")) \
        and any(w.lower() not in linking for w in words)


def _works_at(ctx: DocContext, p: PersonMention, sentence) -> str | None:
    person = ctx.lex.section("person")
    verbs, endings = tuple(person.get("work_verbs", ())), tuple(person.get("workplace_endings", ()))
    if not verbs or not endings:
        return None
    words = list(re.finditer(r"\w+", ctx.text[p.end:min(sentence.line.end, p.end + 80)]))
    verb = next((w for w in words[:2] if w.group().lower() in verbs), None)
    if verb is None:
        return None
    # the workplace right after the verb or after a role in the essive ("toimii rehtorina X:ssä")
    after = [p.end + w.start() for w in words if w.start() >= verb.end()][:2]
    for m in ctx.mentions:
        if m.start in after and m.surface != m.base and m.surface.lower().endswith(endings):
            return ctx.key_of(m)
    return None


def _named_by_head(ctx: DocContext, p: PersonMention) -> str | None:
    """The organisation a common head word before the title stands for ("the foundation's chair A",
    "säätiön puheenjohtaja A", "stiftelsens ordförande A"): the only organisation named before the person whose
    name holds that head word."""
    if p.title_start is None or p.title_start > p.start:
        return None
    sentence = ctx.sentence_at(p.start)
    if sentence is None:
        return None
    before = [t for t in sentence.tokens if t.end <= p.title_start]
    # (capitalised only as the sentence's first word: "Säätiön asiamies A kiittää …")
    if not before or not before[-1].is_word or before[-1].is_cap and len(before) > 1 \
            or p.title_start - before[-1].end > 1:
        return None
    word = before[-1]
    if head_type(word, ctx.lex) is None:
        return None
    head = lemma(re.sub(r"['’]s$", "", word.text.lower()), ctx.lang).lower()
    if len(head) < 4:
        return None
    keys = set()
    for m in ctx.mentions:
        if m.start >= p.start:
            break
        k = ctx.key_of(m)
        # inside a word: a compound with an inflected head ("Xyzstiftelsen")
        if k and any(head in w.lower() for w in ctx.orgs[k].name.split()):
            keys.add(k)
    return _one_body(ctx, keys)


def _one_body(ctx: DocContext, keys: set[str]) -> str | None:
    """The one body among `keys`; a short form of a name beside the full name ("Xyzin säätiö", "Alfred Xyzin
    säätiö") is the same body, the full name standing for it."""
    if len(keys) <= 1:
        return next(iter(keys), None)
    full = max(keys, key=lambda k: len(ctx.orgs[k].name))
    whole = name_key(ctx.orgs[full].name)
    return full if all(name_key(ctx.orgs[k].name) in whole for k in keys) else None


_BEFORE_COMMA = re.compile(r"((?:[^\W\d_][\w-]*\s+){0,3}[^\W\d_][\w-]*)\s*,\s*$")


def _owner_of_title_before_comma(ctx: DocContext, p: PersonMention, line_start: int) -> str | None:
    """A title with the field it covers, then a comma and the name ("X:s vicerektor för utbildning, A", "X's
    vice-rector for education, A"): the organisation right before the title owns it."""
    m = _BEFORE_COMMA.search(ctx.text, max(line_start, p.start - 80), p.start)
    if m is None or m.end() != p.start:
        return None
    words = list(re.finditer(r"\S+", m.group(1)))
    finder = _finder(ctx.lang)
    for n, w in enumerate(words):
        # the title, then only lower-case words of its field ("för utbildning")
        if finder.title_of([w.group()]) and not w.group()[:1].isupper() \
                and all(not x.group()[:1].isupper() for x in words[n + 1:]):
            lead = m.start(1) + w.start()
            ending = [i for end in range(lead - 3, lead + 1) for i in ctx.mentions_ending(end)
                      if re.fullmatch(r"(?:['’]s)?\s*", ctx.text[end:lead])]
            return ctx.key_of(ctx.mentions[max(ending)]) if ending else None
    return None


_SHORT_BEFORE = re.compile(r"([" + UPPER + r"][^\W\d_]+(?:-[^\W\d_]+)?)(['’]s|:[^\W\d_]{1,3})?\s+$")
_SHORT_AFTER = re.compile(r"(?:\s*,\s*|\s+(\w+)\s+)([" + UPPER + r"][^\W\d_]+)\s*(?:[.;,]|$)", re.M)


def _named_by_short_name(ctx: DocContext, p: PersonMention, line_start: int) -> str | None:
    """A bare name, no organisation's whole name, that owns the person's title ("Xyz's director A", "Xyzn
    rehtori A") or follows the person after a link word or a comma ("Professor A of Xyz", "Contact: A, Xyz"):
    the body it names is the one
    organisation of the page with a word of its name starting with it (a city by its place name, a university by
    its town), if there is exactly one."""
    lead = p.title_start if p.title_start is not None and p.title_start < p.start else p.start
    word = None
    m = _SHORT_BEFORE.search(ctx.text, line_start, lead)
    if m is not None and m.end() == lead and not ctx.in_mention(m.start(1)) and not ctx.person_in(m.start(1), m.end(1)):
        word = m.group(1)
        stems = {word} if m.group(2) else {word[:-len(g)] for g in ctx.lex.genitive_suffixes if word.endswith(g)}
        stems.add(lemma(word, ctx.lang))
    else:
        m = _SHORT_AFTER.match(ctx.text, p.end)
        links = {w.lower() for w in every_language("apposition", "organisation_links")}
        if m is None or m.group(1) is not None and m.group(1).lower() not in links or ctx.in_mention(m.start(2)) \
                or ctx.person_in(m.start(2), m.end(2)):
            return None
        word = m.group(2)
        stems = {word}
    stems = {x.casefold() for x in stems if len(x) >= 4 and x[:1].isupper()}
    if not stems or lemma(word, ctx.lang)[:1].islower():
        return None  # a common word first in its sentence, no name
    keys = {k for k, o in ctx.orgs.items() for w in re.split(r"[\s-]+", o.name)
            if any(w.casefold().startswith(x) for x in stems)}
    return keys.pop() if len(keys) == 1 else None


def _appointed(ctx: DocContext, p: PersonMention, sentence) -> str | None:
    """The organisation that opens a sentence appointing the person to a title ("X:n uudeksi rehtoriksi on
    valittu A", "X har anställt A som ny förbundsdirektör", "X has appointed A as its director"): the verb
    (the lexicon's [person_roles] appointment_verbs, as lemmas), a title word and the person after the organisation."""
    verbs = set(ctx.lex.words("person_roles", "appointment_verbs"))
    if not verbs:
        return None
    line = sentence.line
    first = next(iter(ctx.mentions_starting(line.start, line.start + 1)), None)
    if first is None or first.end > p.start or ctx.person_in(line.start, p.start):
        return None
    boards = tuple(ctx.lex.words("person_roles", "governing_bodies"))
    if boards and first.base.lower().endswith(boards):
        return None  # "Universitetsstyrelsen har utsett A": a board appoints for the body it governs
    words = [t for t in sentence.tokens if t.is_word and t.start < line.end]
    if not any(lemma(t.text.lower(), ctx.lang) in verbs for t in words):
        return None
    # the post: between the organisation and the person ("X:n rehtoriksi on valittu A"), or right after the
    # person ("… A som ny rektor", "… A as its new rector")
    finder = _finder(ctx.lang)
    near = [t for t in words if first.end <= t.start < p.start] + [t for t in words if t.start >= p.end][:4]
    if not any(finder.title_of([t.text]) for t in near if not t.is_cap):
        return None
    return ctx.key_of(first)


def _applicant(ctx: DocContext) -> str | None:
    """The organisation in the page's applicant or coordinator field."""
    for f in ctx.fields:
        if f.name != "coordinator":
            continue
        for v in f.values:
            for m in ctx.mentions:
                if v.start <= m.start < v.end:
                    return ctx.key_of(m)
    return None


def _title_line(ctx: DocContext, line: str) -> str | None:
    first = re.split(r"[,/(]", line.strip())[0].strip()
    if not first or len(first.split()) > 4:
        return None
    title = _finder(ctx.lang).title_of(first.split())
    return title if title and len(title.split()) == len(first.split()) else None


@cache
def _finder(lang: str) -> PersonFinder:
    return PersonFinder(lang)
