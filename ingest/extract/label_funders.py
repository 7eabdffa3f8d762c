"""The body a grant's field label names in a compound: "EU-tuki", "EU-stöd", "EU- ja
kuntarahoitus". A register or project page often states its sum under such a label and names no funder
elsewhere; the label says where the money comes from. (A label that writes the body as a word of its own,
"EU funding", is read by the organisation finder.)

Only a known actor's acronym counts (the gazetteer's), so a label's common words never become bodies; a page
with a funder field of its own gets no such body, and the label's body pays only for the page's grant when
no field or sentence names another funder.

So does a programme field whose value opens with the name of a known programme's body ("Sub-programme: Xyzplus
Junior", "Delprogram: Xyzplus Vuxen"): a programme's register states the sum it granted and names no other
funder, and the body that runs the programme pays.
"""
from __future__ import annotations

import re

from ..lexicon import every_language
from ..resolve import gazetteer
from ..text import UPPER
from .funding import source_marked
from .organisations import OrgMention
from .structure import Field

# the source of a mention read from a sum's label: the body pays for that sum only, so the sentence rules,
# which read a field's line as a sentence, leave it alone (it would else pay for every grant after it)
LABEL_SOURCE = "sum_label"
_KNOWN_SOURCES = ("gazetteer", "acronym")  # mentions of bodies edukg knows by name
# "EU-stöd", "EU- ja kuntarahoitus" (a compound's first part, or one left open before "ja"/"och")
_COMPOUND_HEAD = re.compile(r"(?<![\w-])([" + UPPER + r"]{2,6})-")


def label_span(f: Field) -> tuple[int, int]:
    """Where the label of a field is written: its line up to the value on that line, else the whole line."""
    v = f.values[0] if f.values else None
    if v is not None and f.label.start < v.start <= f.label.end:
        return f.label.start, v.start
    return f.label.start, f.label.end


def label_body_mentions(fields: list[Field], text: str, mentions: list[OrgMention]) -> list[OrgMention]:
    """A known acronym opening a compound in the label of a sum's field: a mention of that body. (A label that
    writes the acronym as a word of its own is read by the organisation finder already.)"""
    known = gazetteer().by_acronym
    out: list[OrgMention] = []
    if any(f.name == "funder" for f in fields):
        return out  # the page names its funder in a field of its own
    for f in fields:
        if f.name != "amount":
            continue
        a, b = label_span(f)
        for m in _COMPOUND_HEAD.finditer(text, a, b):
            s, e = m.span(1)
            if m.group(1) in known and not any(o.start < e and s < o.end for o in mentions):
                out.append(OrgMention(s, e, m.group(1), m.group(1), "other", source=LABEL_SOURCE))
    return out


def label_funders(ctx, fields: list[Field], known: bool = False) -> list[str]:
    """The bodies named in the labels of a page's sum fields and in the values of its programme fields, as
    organisation keys; with `known`, only the known bodies a sum's label names as words of their own ("EU
    contribution: EUR N"), a reading for a page that names its funder nowhere else."""
    out: list[str] = []
    programmes = every_language("funding_programmes", "names")
    for f in fields:
        if known:
            a, b = label_span(f)
            out += [k for m, k in ctx.orgs_in(a, b, sum_labels=True)
                    if f.name == "amount" and m.source in _KNOWN_SOURCES and k not in out]
            continue
        if f.name == "programme":
            # the programme's body, however the value's mention of it was found
            v = f.values[0]
            out += [k for m, k in ctx.orgs_in(v.start, v.end, sum_labels=True)[:1]
                    if m.start == v.start and k in ctx.orgs and ctx.orgs[k].name.lower() in programmes and k not in out]
            continue
        a, b = label_span(f)
        out += [k for m, k in ctx.orgs_in(a, b, sum_labels=True) if m.source == LABEL_SOURCE and k not in out]
        if f.name == "amount":
            # "Budget: N, of which M from X", "Rahoitus: N X:ltä": the body the sum's value says it comes from
            for v in f.values:
                out += [k for m, k in ctx.orgs_in(v.start, v.end) if source_marked(ctx, m, of_money=True) and k not in out]
    return out
