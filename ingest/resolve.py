"""Entity resolution: the many mentions of one actor become one Organisation.

Within a document, mentions meet when their base forms agree after folding ("Savon koulutuskuntayhtymän" and
"Savon koulutuskuntayhtymä"), when one is the other's acronym ("Sakky"), when one is a unique short form of the
other ("Länsstyrelsen" → "Länsstyrelsen Skåne", "Espoo" → "Espoon kaupunki"), or when they are near-identical
spellings. Across documents and languages they meet through the gazetteer of known actors (one id for
"Opetus- ja kulttuuriministeriö", "undervisnings- och kulturministeriet" and "OKM") and through the labels of
actors already in the store.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz

from .extract.organisations import OrgMention
from .language import SUPPORTED
from .lexicon import actors, given_names, lexicon
from .model import Evidence, Organisation
from .text import fold, lemma


@lru_cache(maxsize=200_000)  # names recur all through a long document and across a corpus
def name_key(name: str) -> str:
    """Comparison key of a name: folded, elided-compound hyphens closed up ("opetus- ja" = "opetus-ja"),
    standard abbreviations written out ("Lapin AMK" = "Lapin ammattikorkeakoulu")."""
    k = fold(name)
    k = re.sub(r"-\s+", "-", k)
    k = re.sub(r"\s*&\s*", " & ", k)
    abbreviations = _abbreviations()
    if abbreviations:
        k = " ".join(abbreviations.get(w, w) for w in k.split(" "))
    return k


@cache
def _abbreviations() -> dict[str, str]:
    out: dict[str, str] = {}
    for lang in SUPPORTED:
        out.update({k.lower(): v.lower() for k, v in lexicon(lang).section("organisation").get("abbreviations", {}).items()})
    return out


def slugify(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"[^\w]+", "-", s.lower()).strip("-")
    return s[:80] or "unnamed"


@dataclass
class KnownActor:
    id: str
    type: str
    names: dict[str, str]  # lang → official name
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]


@dataclass
class Gazetteer:
    by_key: dict[str, KnownActor] = field(default_factory=dict)
    by_acronym: dict[str, KnownActor] = field(default_factory=dict)
    # short forms: an alias that an official name of the same actor begins with ("Xyz" of "Xyz-yliopisto")
    # and that no other actor has; it identifies where the text names no other body by it
    by_short: dict[str, KnownActor] = field(default_factory=dict)
    # acronyms by folded case ("Abc" and "ABC" written for one acronym), where only one actor has them
    by_acronym_folded: dict[str, KnownActor] = field(default_factory=dict)

    def lookup(self, name: str) -> KnownActor | None:
        if name in self.by_acronym:
            return self.by_acronym[name]
        return self.by_key.get(name_key(name))


@cache
def gazetteer() -> Gazetteer:
    g = Gazetteer()
    ambiguous: set[str] = set()
    for a in actors():
        ka = KnownActor(a["id"], a.get("type", "other"), {lg: a[lg] for lg in ("fi", "sv", "en") if a.get(lg)},
                        tuple(a.get("acronyms", ())), tuple(a.get("aliases", ())))
        # official names identify; other names do not: "länsstyrelsen" alone is any county board, "Ekami"
        # a brand of more than one body, and a former name ("Tampereen teknillinen yliopisto") a body of its own
        # in the texts of its time
        for n in ka.names.values():
            g.by_key.setdefault(name_key(n), ka)
        for acr in ka.acronyms:
            if acr in g.by_acronym and g.by_acronym[acr].id != ka.id:
                ambiguous.add(acr)
            g.by_acronym.setdefault(acr, ka)
    for acr in ambiguous:  # an acronym two actors share identifies neither
        del g.by_acronym[acr]
    folded: dict[str, set[str]] = {}
    for acr, ka in g.by_acronym.items():
        folded.setdefault(acr.casefold(), set()).add(ka.id)
        g.by_acronym_folded[acr.casefold()] = ka
    for f, ids in folded.items():
        if len(ids) > 1:
            del g.by_acronym_folded[f]
    shorts: dict[str, set[str]] = {}
    for a in actors():
        ka = g.by_key.get(name_key(next(iter(a.get(lg) for lg in ("fi", "sv", "en") if a.get(lg)), "")))
        for alias in a.get("aliases", ()):
            k = name_key(alias)
            shorts.setdefault(k, set()).add(a["id"])
            if ka is not None and alias[:1].isupper() and len(k) >= 4 and _begins(k, ka.names.values()):
                g.by_short.setdefault(k, ka)
    for k in list(g.by_short):
        if len(shorts[k]) > 1 or (k in g.by_key and g.by_key[k].id != g.by_short[k].id):
            del g.by_short[k]
    return g


def _begins(short: str, names) -> bool:
    """Whether an official name begins with `short` as a whole word or compound part."""
    return any(name_key(n) != short and re.match(re.escape(short) + r"(?:[ -]|$)", name_key(n)) for n in names)


@dataclass
class _Group:
    mentions: list[OrgMention]
    acronyms: set[str] = field(default_factory=set)
    known: KnownActor | None = None

    @property
    def keys(self) -> set[str]:
        # asked for every pair of groups: worked out again only when the mentions changed
        if getattr(self, "_keys_of", None) is not self.mentions or self._keys_len != len(self.mentions):
            self._keys_of, self._keys_len = self.mentions, len(self.mentions)
            self._keys = {name_key(m.base) for m in self.mentions if m.source not in ("acronym", "list-alias")}
        return self._keys


def _first_word_lemma(key: str, lang: str) -> str:
    first = key.split(" ")[0]
    return lemma(first, lang).lower()


def resolve_organisations(mentions: list[OrgMention], lang: str, text: str) -> tuple[dict[str, Organisation], dict[int, str]]:
    """Group mentions into organisations. Returns (key → Organisation, id(mention) → key)."""
    gz = gazetteer()
    groups: list[_Group] = []
    by_key: dict[str, _Group] = {}
    acronym_mentions: list[OrgMention] = []
    aliases: list[OrgMention] = []
    for m in sorted(mentions, key=lambda m: (m.source == "acronym", m.start)):
        if m.source == "acronym":
            acronym_mentions.append(m)
            continue
        if m.source == "list-alias" and m.unit_of is not None:
            aliases.append(m)
            continue
        k = name_key(m.base)
        # an acronym the text itself ties to a name is that name's; only a name can find the known actor
        known = gz.by_key.get(name_key(m.base)) or gz.by_key.get(name_key(m.surface)) \
            or (gz.by_short.get(name_key(m.base)) if m.source == "gazetteer" else None)
        grp = by_key.get(k)
        if grp is None and known is not None:
            grp = next((g for g in groups if g.known is not None and g.known.id == known.id), None)
        if grp is None:
            grp = _Group([])
            groups.append(grp)
        grp.mentions.append(m)
        by_key[k] = grp
        if m.acronym:
            grp.acronyms.add(m.acronym)
        if known is not None and grp.known is None:
            grp.known = known
    # other names written beside a name in a list item join its organisation
    for m in aliases:
        grp = next((g for g in groups if m.unit_of in g.mentions), None)
        if grp is not None:
            grp.mentions.append(m)
    # short forms and near-identical spellings join a longer name
    _merge_variants(groups, lang)
    groups = [g for g in groups if g.mentions]
    # acronyms written alone: to the group that declared them, else to the known actor
    for m in acronym_mentions:
        acr = m.base
        grp = next((g for g in groups if acr in g.acronyms), None)
        if grp is None:
            known = gz.by_acronym.get(acr)
            if known is not None:
                grp = next((g for g in groups if g.known is not None and g.known.id == known.id), None)
                if grp is None:
                    grp = _Group([], known=known)
                    groups.append(grp)
        if grp is None:
            grp = next((g for g in groups if any(name_key(x.base) == name_key(acr) for x in g.mentions)), None)
        if grp is None:
            grp = _Group([])
            groups.append(grp)
        grp.mentions.append(m)
        grp.acronyms.add(acr)

    orgs: dict[str, Organisation] = {}
    index: dict[int, str] = {}
    for g in groups:
        org = _organisation(g, lang, text)
        if org.key in orgs:
            _absorb(orgs[org.key], org)
        else:
            orgs[org.key] = org
        for m in g.mentions:
            index[id(m)] = org.key
    return orgs, index


def _merge_variants(groups: list[_Group], lang: str) -> None:
    for g in sorted(groups, key=lambda g: min(len(k) for k in g.keys) if g.keys else 0):
        if not g.mentions or not g.keys:
            continue
        short = min(g.keys, key=len)
        targets = []
        for h in groups:
            if h is g or not h.mentions or not h.keys:
                continue
            long_ = max(h.keys, key=len)
            if len(long_) <= len(short):
                continue
            words_s, words_l = short.split(" "), long_.split(" ")
            # a one-word short form ("Länsstyrelsen" of "Länsstyrelsen Skåne"); a complete name that another
            # extends is another body ("Norrby University" and "Norrby University Holding AB")
            starts = len(words_s) == 1 and words_l[0] == short
            stem = len(words_s) == 1 and len(words_l) == 2 and _first_word_lemma(long_, lang) == short \
                and words_l[1] in lexicon(lang).section("organisation").get("municipality_heads", ())
            # "Kasvatusallianssi" for "Pohjanrannan kasvatusallianssi": a compound head written alone (not a
            # bare head word such as "Yliopisto", which is any university)
            ends = len(words_s) == 1 and len(words_l) >= 2 and words_l[-1] == short and len(short) >= 8 \
                and short not in dict(lexicon(lang).heads)
            # "Kordelinin säätiö" of "Alfred Kordelinin säätiö": the namesake's given names left out
            n = len(words_s)
            namesake = 2 <= n < len(words_l) and words_l[-n:] == words_s \
                and all(w.capitalize() in given_names() for w in words_l[:-n])
            if starts or stem or ends or namesake:
                targets.append(h)
        if len(targets) == 1 and (g.known is None or targets[0].known is None or g.known.id == targets[0].known.id):
            _move(g, targets[0])
            continue
        for h in groups:
            if h is g or not h.mentions or not h.keys:
                continue
            if any(_near(a, b) for a in g.keys for b in h.keys) and (g.known is None or h.known is None or g.known.id == h.known.id):
                _move(g, h)
                break


def _near(a: str, b: str) -> bool:
    """Near-identical spellings of one name; names whose first words differ ("Itä-Savon …", "Ylä-Savon …")
    are different bodies however alike the rest is."""
    fa, fb = a.split(" ")[0], b.split(" ")[0]
    if fa != fb and (len(fa) < 4 or fa[:4] != fb[:4] or fuzz.ratio(fa, fb) < 80):
        return False
    return fuzz.ratio(a, b) >= 92


def _move(src: _Group, dst: _Group) -> None:
    dst.mentions.extend(src.mentions)
    dst.acronyms |= src.acronyms
    dst.known = dst.known or src.known
    src.mentions = []


def _organisation(g: _Group, lang: str, text: str) -> Organisation:
    named = [m for m in g.mentions if m.source not in ("acronym", "list-alias")]
    surfaces = {m.surface for m in g.mentions}
    if named:
        counts = Counter(m.base for m in named)
        # a base form that was also written as such is the safest name; then the longest in words, the
        # commonest, the official one, and the fullest spelling ("Lapin ammattikorkeakoulu" over "Lapin AMK")
        official = {name_key(n) for n in g.known.names.values()} if g.known else set()
        name = max(counts, key=lambda b: (b in surfaces, len(name_key(b).split()), counts[b], name_key(b) in official, len(b)))
        typ = Counter(m.type for m in named).most_common(1)[0][0]
    else:  # the text names it only by its acronym: that is its name here
        name = sorted(g.acronyms, key=lambda a: (-sum(m.base == a for m in g.mentions), a))[0]
        typ = "other"
    if g.known is not None:
        typ = g.known.type
        # one node for a known actor, whichever of its names or languages a text uses
        key = slugify(g.known.names.get("fi") or g.known.names.get("sv") or next(iter(g.known.names.values())))
    else:
        key = slugify(name)
    first = min(g.mentions, key=lambda m: m.start)
    org = Organisation(key=key, name=name, lang=lang, type=typ,
                       evidence=Evidence(first.start, first.end, text[first.start:first.end]))
    org.alt_labels = set(g.acronyms)
    for m in g.mentions:
        if m.source == "list-alias":
            org.alt_labels.add(m.base)
    for m in named:
        if name_key(m.base) != name_key(name):
            org.alt_labels.add(m.base)
    org.hidden_labels = {s for s in surfaces if s != name and s not in org.alt_labels}
    if g.known is not None:
        org.names = {lg: n for lg, n in g.known.names.items() if lg != lang}
        if g.known.names.get(lang, name) != name:
            org.alt_labels.add(g.known.names[lang])
        org.alt_labels |= set(g.known.acronyms)
        org.alt_labels.discard(name)
    return org


def _absorb(into: Organisation, other: Organisation) -> None:
    into.alt_labels |= other.alt_labels | ({other.name} - {into.name})
    into.hidden_labels |= other.hidden_labels


# When two sources type one organisation differently ("Oy" read as a company, the same body read as a
# university by its head word), the store must still give it one type. The more telling reading wins:
# what an education body is beats its legal form, and any type beats "other". A fixed order, not "first
# seen", so that the result does not depend on the order documents are built in.
TYPE_PRECEDENCE = ("university", "vocational_institution", "school", "research_institute", "ministry", "agency",
                   "municipality", "region", "network", "ngo", "company", "other")


@cache
def _known_types() -> dict[str, str]:
    """The types of the gazetteer's actors by the slug their node gets."""
    out: dict[str, str] = {}
    for a in actors():
        names = [a.get(lg) for lg in ("fi", "sv", "en") if a.get(lg)]
        if names:
            out.setdefault(slugify(names[0]), a.get("type", "other"))
    return out


def settle_type(slug: str, readings: set[str]) -> str:
    """The one type of an organisation node that sources read differently: the gazetteer's type of a known
    actor, else the reading that comes first in TYPE_PRECEDENCE."""
    known = _known_types().get(slug)
    if known is not None:
        return known
    rank = {t: i for i, t in enumerate(TYPE_PRECEDENCE)}
    return min(readings, key=lambda t: (rank.get(t, len(rank)), t))
