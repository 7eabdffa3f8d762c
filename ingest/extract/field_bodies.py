"""The values of a funder's or a coordinator's field are bodies ("Funder: A, B"; "Sökande: X"): the
label says what they are, so a value is read as an organisation even when its name has no head word the
organisation finder knows. Only short capitalised values with no figure count; a programme's name
("Erasmus+ …") is no body, and a value a mention already covers is left to that mention.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import every_language
from ..resolve import name_key
from .lists import country_keys
from .organisations import OrgMention
from .structure import Field

FIELD_SOURCE = "field"
_ROLES = ("funder", "coordinator")
_MAX_WORDS = 6
_PROGRAMME_GUESSES = ("head", "coordination")  # mentions read from a name's shape, not from a known body


def field_bodies(fields: list[Field], mentions: list[OrgMention], people: list) -> list[OrgMention]:
    """The page's mentions with the bodies of funder and coordinator fields: a value no mention covers becomes
    one, and a second name the list reader took for another name of the first ("A, B": B an alias of A) is a
    body of its own, as the field lists bodies."""
    # a joiner may stand inside one name ("A ja B säätiö"): only punctuation separates bodies
    split = re.compile(r"\s*[,;/]\s*")
    programmes = every_language("funding_programmes", "names")
    taken = [(p.start, p.end) for p in people if hasattr(p, "start")]
    out: list[OrgMention] = []
    mentions = list(mentions)
    for f in fields:
        if f.name not in _ROLES:
            continue
        for v in f.values:
            for i, m in enumerate(mentions if f.name == "funder" else ()):
                # (a coordinator's field names one body: "A, B" there is a name and its description)
                if m.source == "list-alias" and v.start <= m.start and m.end <= v.end and len(m.surface.split()) > 1 \
                        and not m.surface.isupper():
                    mentions[i] = replace(m, source=FIELD_SOURCE, unit_of=None)
            seps = split.finditer(v.text) if f.name == "funder" else ()
            cuts = [0] + [x for m in seps for x in m.span()] + [len(v.text)]
            for a, b in zip(cuts[::2], cuts[1::2]):
                raw = v.text[a:b]
                cell = raw.strip(" .")
                start = v.start + a + raw.index(cell) if cell else v.start + a
                end = start + len(cell)
                if not cell[:1].isupper() or re.search(r"\d", cell) or not 0 < len(cell.split()) <= _MAX_WORDS:
                    continue
                low = cell.lower()
                if any(low == p or low.startswith(p + " ") for p in programmes) or name_key(cell) in country_keys():
                    continue  # (a country on the line under a body's name says where it is: "Finland")
                if any(m.start < end and start < m.end for m in mentions) or any(x < end and start < y for x, y in taken):
                    continue
                out.append(OrgMention(start, end, cell, cell, "other", source=FIELD_SOURCE))
    # the value of a programme's field names a programme ("Funded under: … Culture, Creativity and Inclusive
    # Society"): a name read there by its head word or as a conjunct is no body; a known one is
    # (only a value on the label's own line: under a heading "Ohjelma" stands an event's programme of talks)
    programme_values = [(v.start, v.end) for f in fields if f.name == "programme" for v in f.values
                        if f.label.start <= v.start < f.label.end]
    if programme_values:
        mentions = [m for m in mentions if m.source not in _PROGRAMME_GUESSES
                    or not any(a <= m.start and m.end <= b for a, b in programme_values)]
    return mentions + out
