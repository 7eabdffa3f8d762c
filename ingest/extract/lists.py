"""Organisations named by list lines: "Savon koulutuskuntayhtymä, Sakky, koordinaattori", "Spain: University of
Mirafuentes (coordinator)", "KUSKY koulutuskuntayhtymä (Kusky)"; and what a list stands for, from its heading."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import every_language, lexicon
from ..resolve import name_key
from ..text import UPPER, Line, Token, alternation, cue_noun, is_known, lemma, split_glued, tokenize
from .names import ACRONYM, base_form, head_type
from .organisations import OrganisationFinder, OrgMention
from .people import PersonMention
from .structure import field_words

_ROLE_WORDS = {
    "coordinator": ("koordinaattori", "koordinoija", "päätoteuttaja", "coordinator", "lead partner", "koordinator",
                    "huvudsökande", "hallinnoija", "lead"),
}


@dataclass
class ListItem:
    mention: OrgMention
    role: str | None  # coordinator, from a role word in the item
    block_cue: str | None  # the field or heading the list stands under: partners, members, funder …
    line: Line


_TRAILING_PART = re.compile(r"\s*,\s*([^,()]+?)\s*$")
_DASHED_ROLE = re.compile(r"\s+[–—-]\s+((?:[^\W\d_" + UPPER + r"][\w-]*\s*){1,4})$")


@cache
def _coordinator_roles() -> re.Pattern:
    """The words that make a listed body the coordinator ("lead partner"), as one pattern of whole words."""
    return re.compile(r"(?<!\w)(?:" + alternation(every_language("list_items", "coordinator_roles")) + r")(?!\w)")


@cache
def _countries() -> frozenset[str]:
    return frozenset(c.lower() for lg in ("fi", "sv", "en") for c in lexicon(lg).section("places").get("countries", ()))


@cache
def country_keys() -> frozenset[str]:
    """Country names of every language, as name keys: places, never organisations or their other names."""
    return frozenset(name_key(c) for c in _countries())


@cache
def _bracketed_pair() -> re.Pattern:
    """A coordinator between two bracketed items of one line, of any language (a page quotes other languages)."""
    return re.compile(r"\)\s+(?:" + alternation(every_language("organisation", "coordinators")) + r")\s+(?=[" + UPPER + "])")


def item_mentions(ln: Line, lang: str, finder: OrganisationFinder, force: bool) -> list[tuple[OrgMention, str | None]]:
    """Organisations named by one list line: "Savon koulutuskuntayhtymä, Sakky, koordinaattori",
    "Spain: University of Mirafuentes (coordinator)", "KUSKY koulutuskuntayhtymä (Kusky)"."""
    # "Norrby lyceum (Vasa) och Kuusimaan lukio (Vasa)": two items on one line
    pair = _bracketed_pair().search(ln.text)
    if pair:
        left = Line(ln.start, ln.start + pair.start() + 1, ln.text[:pair.start() + 1])
        right = Line(ln.start + pair.end(), ln.end, ln.text[pair.end():])
        return item_mentions(left, lang, finder, force) + item_mentions(right, lang, finder, force)
    text = ln.text
    offset = ln.start
    role = None
    low = text.lower()
    for r, words in _ROLE_WORDS.items():
        if any(re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low) for w in words):
            role = r
    # "Name (Country) – lead partner": lower-case words after a dash say the body's part, not its name
    dashed = _DASHED_ROLE.search(text)
    if dashed:
        if _coordinator_roles().search(dashed.group(1).lower()):
            role = "coordinator"
        text = text[:dashed.start()]
    # "Country: Name" → the name; "Network: member and member" → the network
    if re.search(r"[#@]|https?:|www\.", text):
        return []
    m = re.match(r"^([^:]{2,40}):\s+(\S.*)$", text)
    if m and m.group(1).strip().lower() in _countries():
        offset += m.start(2)
        text = m.group(2)
    elif m and finder.find(tokenize(m.group(2), ln.start + m.start(2))):
        text = m.group(1)  # "Muvah: Malmö stad och Malmö universitet": a name, then its members
    elif m:
        return []  # "Sosiaalinen media: …": a labelled value, not a name
    if force:
        text = _without_place(text, lang, finder)
    # "Name (other name), Country": the country closes the item, and the bracket before it is the name's own
    country = _TRAILING_PART.search(text)
    if country and "(" in text[:country.start()] and name_key(country.group(1)) in country_keys():
        text = text[:country.start()]
    out: list[tuple[OrgMention, str | None]] = []
    # parenthetical: an acronym, a role, a parent organisation or a place
    acronym = None
    paren = re.search(r"\s*\(([^()]{1,80})\)\s*$", text)
    if paren:
        inner = paren.group(1).strip()
        inner_start = offset + paren.start(1) + (len(paren.group(1)) - len(paren.group(1).lstrip()))
        text = text[:paren.start()]
        if ACRONYM.match(inner) or (len(inner.split()) == 1 and inner[:1].isupper() and len(inner) <= 12 and name_key(inner) in name_key(text)):
            acronym = inner
        else:
            for part in re.split(r"\s*[+&]\s*", inner):
                ps = inner_start + inner.find(part)
                for e in finder.find(tokenize(part, ps)):
                    e.source = "list-paren"
                    out.append((e, "none"))
    # parts: "Name, ACR, role", "Name / unit"; a comma after an elided compound part belongs to the name
    # ("Järvelän opetus-, kulttuuri- ja nuorisokeskus")
    parts = [p.strip() for p in re.split(r"(?<!-)\s*,\s*|\s+/\s*|\s*/\s+", text) if p.strip()]
    if not parts:
        return out
    main = parts[0]
    main_start = offset + text.find(main)
    # a leading or trailing acronym: "KAO Kuusimaan Ammattiopistosäätiö", "… koulutuskuntayhtymä JAKO"
    words = main.split()
    if len(words) > 1 and ACRONYM.match(words[0]) and _abbreviates(words[0], " ".join(words[1:])):
        acronym = acronym or words[0]
        main_start += len(words[0]) + 1
        main = main[len(words[0]) + 1:]
    elif len(words) > 1 and ACRONYM.match(words[-1]) and _abbreviates(words[-1], " ".join(words[:-1])):
        acronym = acronym or words[-1]
        main = main[: main.rfind(words[-1])].rstrip()
    toks = split_glued(tokenize(main, main_start), lang, field_words(lang))
    if not toks or not toks[0].is_word:
        return out
    found = finder.find(toks)
    words = [t for t in toks if t.is_word]
    if (len(found) == 1 and len(words) <= 6 and words[-1] is toks[-1] and head_type(toks[-1], finder.lex)
            and all(t.is_cap or t.text.lower() in finder.inner for t in words[:-1]) and words[0].is_cap):
        # "Gymnasiet Norrby samskola": the whole item is the name, however many head words it holds
        found = [OrgMention(toks[0].start, toks[-1].end, main.strip(), base_form(toks, lang, inflected=False),
                            found[0].type, source="list")]
    if len(found) >= 2 and sum(f.end - f.start for f in found) >= 0.7 * len(main.strip()):
        # "Euroopan sosiaalirahasto ja Pohjois-Savon ELY-keskus": two names in one item
        for f in found:
            f.source = "list"
        return out + [(f, role) for f in found]
    if found and found[0].end - found[0].start >= 0.6 * len(main):
        mention = found[0]
    elif force and toks[0].is_cap and len(toks) <= 8 and not _phrase(toks, lang) \
            and not (len(toks) == 1 and toks[0].text.lower() in finder.not_names):
        mention = OrgMention(toks[0].start, toks[-1].end, main.strip(), base_form(toks, lang, inflected=False), "other", source="list")
    else:
        return out + [(f, role) for f in found]
    mention.acronym = acronym
    mention.source = "list"
    out.insert(0, (mention, role))
    for p in parts[1:]:
        pl = p.lower()
        if any(pl == w for ws in _ROLE_WORDS.values() for w in ws):
            continue
        if name_key(p) in country_keys():
            continue  # "Norrby Akademi, Sweden": where it is, not another name of it
        if (ACRONYM.match(p) or len(p.split()) == 1 and p[:1].isupper()) and not mention.acronym:
            mention.acronym = p
            continue
        # another name of the same body ("Koivulan koulun Säätiö, Koivulan ammatti- ja aikuisopisto")
        s = offset + text.find(p)
        for e in finder.find(tokenize(p, s)):
            e.source = "list-alias"
            e.unit_of = mention
            out.append((e, "none"))
    return out


@cache
def _place_tail(lang: str) -> re.Pattern:
    """"… in Town" or "… in Town, Country" closing a list item, with the language's prepositions of place."""
    preps = lexicon(lang).words("list_items", "place_prepositions")
    if not preps:
        return re.compile(r"(?!)")
    town = r"[" + UPPER + r"][\w'’-]*(?:[ \t]+[" + UPPER + r"][\w'’-]*)?"
    return re.compile(r"[ \t]+(?:" + alternation(preps) + r")[ \t]+" + town + r"(?:[ \t]*,[ \t]*(?P<country>[^,()]+?))?[ \t]*[.;]?[ \t]*$")


def _without_place(text: str, lang: str, finder: OrganisationFinder) -> str:
    """A list item that places a body no head word names in a town ("Xyz (spelled out) in Town, Country"): the
    item without the town, so that the name is what stands before it. A name that runs on into a town ("X
    University of Fine Arts in Town") is found whole by its head word and kept as it is."""
    tail = _place_tail(lang).search(text)
    if tail is None or tail.start() == 0:
        return text
    country = tail.group("country")
    if country is not None and name_key(country) not in country_keys():
        return text  # "… in Town, Another Body": a comma list, not a place
    head = text[:tail.start()]
    if not head.rstrip().endswith(")") and finder.find(tokenize(text)):
        return text
    return head


def _abbreviates(acronym: str, name: str) -> bool:
    """Whether the letters of `acronym` can be read off `name` in order, starting with its first letter
    ("KAO" of "Kuusimaan Ammattiopistosäätiö", but not "MKB" of "Fastighet AB")."""
    a, n = acronym.lower(), name.lower()
    if not n or a[0] != n[0]:
        return False
    i = 0
    for c in n:
        if i < len(a) and c == a[i]:
            i += 1
    return i == len(a)


def _phrase(toks: list[Token], lang: str) -> bool:
    """A heading or sentence fragment rather than a name: mostly lower-case dictionary words."""
    words = [t for t in toks if t.is_word]
    if len(words) < 3:
        return False
    common = sum(1 for t in words[1:] if not t.is_cap and (lemma(t.text, lang) != t.text or is_known(t.text, lang)))
    return common >= max(2, (len(words) - 1) // 2 + 1)


def split_line_list(v: Line, finder: OrganisationFinder) -> list[Line]:
    """A field's one-line value naming several bodies separated by commas; each part with a head word or
    a capital is its own item ("Norrby-Söderby University of Applied Sciences, Kuusimaa Vocational College")."""
    parts = [m for m in re.finditer(r"(?:(?!\s(?:ja|och|and|sekä|samt)\s)[^,;])+", v.text) if m.group().strip()]
    if len(parts) < 2:
        return [v]
    named = [p for p in parts if finder.find(tokenize(p.group(), 0))]
    # ("A (koordinaattori), B, C": a role in brackets is one body's among several)
    if len(named) < 2 and not any(_role_in_brackets(p.group()) for p in parts):
        return [v]  # "Name, ACR, koordinaattori": one body with its short name and role
    out = []
    for p in parts:
        lead = len(p.group()) - len(p.group().lstrip())
        text = p.group().strip()
        out.append(Line(v.start + p.start() + lead, v.start + p.start() + lead + len(text), text))
    return out


def _role_in_brackets(text: str) -> bool:
    m = re.search(r"\(([^()]{2,30})\)\s*$", text)
    return m is not None and m.group(1).strip().lower() in {w for ws in _ROLE_WORDS.values() for w in ws}


def list_cue(heading: str, lex) -> str | None:
    """What a list stands for, from its heading: members of a coalition or partners of a project. A page
    quotes headings from other languages (an English summary on a Swedish page): the page's language is asked
    first, then the others."""
    from ..lexicon import LANGS, lexicon
    for lg in dict.fromkeys((lex.lang, *LANGS)):
        cue = _list_cue(heading, lexicon(lg))
        if cue is not None:
            return cue
    return None


def _list_cue(heading: str, lex) -> str | None:
    low = heading.lower()
    if not low:
        return None

    def has(*groups: str) -> bool:
        return _cue_words(lex.lang, groups).search(low) is not None
    # "Hankkeen toteuttajaorganisaatioihin kuuluvat:": the members of a project are its partners (the project
    # word is matched by its lemma: Finnish "hankkeen" does not contain "hanke")
    about_project = any(cue_noun(t.text, lex.cue("project"), lex.lang) for t in tokenize(heading) if t.is_word)
    if about_project and has("member", "partner"):
        return "partners"
    if has("member"):
        return "members"
    # "Its partners are", "Konsortion yhteistyökumppanit": a partner word says partners even beside a
    # cooperation noun, which names the coalition the partners work with, not their membership
    if has("partner", "coordinator"):
        return "partners"
    if has("coalition"):
        return "members"
    return None


@cache
def _cue_words(lang: str, groups: tuple[str, ...]) -> re.Pattern:
    """One pattern for the cue words of some groups, each at a word's start: a heading is read in every
    language, and a pattern per word would be compiled again and again."""
    words = [c for g in groups for c in lexicon(lang).cue(g)]
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")") if words \
        else re.compile(r"(?!)")


def looks_like_non_name(ln: Line, people: list[PersonMention]) -> bool:
    """Programme times, contact details and lines about a person are not organisation list items."""
    s = ln.text.strip()
    if re.match(r"^\d{1,2}[:.]\d{2}\b", s) or re.search(r"@|https?://|www\.", s) or re.match(r"^(puh|p|tel|tfn|gsm)\b", s, re.I):
        return True
    starts = _starts(people)
    i = bisect.bisect_left(starts, ln.start)
    return i < len(starts) and starts[i] < ln.end


def _starts(people: list[PersonMention]) -> list[int]:
    """The people's start offsets, sorted; worked out once per list, which is asked about line after line."""
    entry = _STARTS.get(id(people))
    if entry is None or entry[0] is not people or entry[1] != len(people):
        entry = _STARTS[id(people)] = (people, len(people), sorted(p.start for p in people))
        if len(_STARTS) > 8:
            _STARTS.pop(next(iter(_STARTS)))
    return entry[2]


_STARTS: dict[int, tuple[list, int, list[int]]] = {}
