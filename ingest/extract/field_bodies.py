"""The values of a funder's or a coordinator's field are bodies ("Funder: A, B"; "Sökande: X"): the
label says what they are, so a value is read as an organisation even when its name has no head word the
organisation finder knows. Only short capitalised values with no figure count; a programme's name
("Erasmus+ …") is no body, and a value a mention already covers is left to that mention.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..lexicon import every_language
from .organisations import OrgMention
from .structure import Field

FIELD_SOURCE = "field"
_ROLES = ("funder", "coordinator")
_MAX_WORDS = 6


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
                if any(low == p or low.startswith(p + " ") for p in programmes):
                    continue
                if any(m.start < end and start < m.end for m in mentions) or any(x < end and start < y for x, y in taken):
                    continue
                out.append(OrgMention(start, end, cell, cell, "other", source=FIELD_SOURCE))
    return mentions + out
