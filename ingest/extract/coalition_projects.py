"""A project named for a coalition of the page ("XYZ-hanke" beside "XYZ-verkosto", "XYZ-projektet" beside
"XYZ-alliansen", "the XYZ project" beside "the XYZ alliance") is the coalition's undertaking: its members carry
it out, though no sentence of the project lists them again. Where the text speaks of them as a group by the
coalition's name ("XYZ-liittouman korkeakoulut", "the XYZ universities"), that phrase was read as one body; it
is the members, not a participant of its own.
"""
from __future__ import annotations

from ..model import Coalition, Participation, Project
from ..resolve import name_key
from ..text import cue_noun, lemma
from .context import DocContext

_ROLE = {"organiser": "coordinator"}  # a coalition's chair leads its project; its members are partners


def coalition_projects(ctx: DocContext, coalitions: list[Coalition], projects: list[Project]) -> None:
    """Give each project named for one coalition of the page that coalition's members (in place)."""
    if not coalitions or not projects:
        return
    _bare_nouns(ctx, coalitions, projects)
    names = {c.name: _brand_keys(c, ctx) for c in coalitions}
    for p in projects:
        core = _brand(p.name, ctx.lex.cue("project"), ctx.lang)
        if core is None:
            continue
        mine = [c for c in coalitions if core in names[c.name]]
        if len(mine) != 1 or len(mine[0].members) < 2:
            continue  # no coalition, or two of one name: nothing says whose members
        c = mine[0]
        members = {x.organisation for x in c.members}
        brands = names[c.name] | {name_key(c.name)}
        # "XYZ-liittouman korkeakoulu": a body named by the coalition's brand is the members spoken of together
        p.participants = [x for x in p.participants if x.organisation in members or x.role == "coordinator"
                          or not _named_by(ctx.orgs[x.organisation].name if x.organisation in ctx.orgs else "", brands)]
        taking = {x.organisation for x in p.participants}
        for m in c.members + c.partners:
            if m.organisation not in taking and ctx.orgs.get(m.organisation) is not None:
                p.participants.append(Participation(m.organisation, _ROLE.get(m.role, "partner"), m.evidence,
                                                    rule=""))
                taking.add(m.organisation)


def _bare_nouns(ctx: DocContext, coalitions: list[Coalition], projects: list[Project]) -> None:
    """A project named by a bare cooperation noun ("Konsortiota koordinoi X", "the alliance is funded by Y")
    is the page's one coalition of that noun ("XYZ-konsortio"): it takes the coalition's names and members, as a
    funded consortium is both (in place)."""
    cues = ctx.lex.cue("coalition")
    taken = {name_key(p.name) for p in projects}
    for p in projects:
        word = p.name.strip()
        noun = cue_noun(word, cues, ctx.lang) if " " not in word and "-" not in word else None
        if noun is None or lemma(word, ctx.lang).lower() != noun:
            continue  # "Xyzverkosto": a compound is a name of its own
        mine = [c for c in coalitions if cue_noun(c.name.split()[-1], cues, ctx.lang) == noun]
        if len(mine) != 1 or name_key(mine[0].name) in taken:
            continue
        c = mine[0]
        p.alt_labels |= c.alt_labels
        p.name = c.name
        have = {x.organisation for x in p.participants}
        p.participants += [Participation(m.organisation, _ROLE.get(m.role, "partner"), m.evidence, rule="")
                           for m in c.members + c.partners if m.organisation not in have and m.organisation in ctx.orgs]


def _brand(name: str, cues: tuple[str, ...], lang: str) -> str | None:
    """The comparison key of the name before a closing cue word ("XYZ-hanke", "XYZ project" → "xyz")."""
    words = name.split()
    if not words:
        return None
    last = words[-1]
    if "-" in last:
        head, tail = last.rsplit("-", 1)
        if head and cue_noun(tail, cues, lang) is not None:
            return name_key(" ".join(words[:-1] + [head]))
    if len(words) > 1 and cue_noun(last, cues, lang) is not None:
        return name_key(" ".join(words[:-1]))
    return None


def _brand_keys(c: Coalition, ctx: DocContext) -> set[str]:
    """The keys a coalition's brand is written with: its names, and each name without its cooperation noun
    ("XYZ-verkosto", "XYZ Alliance" → "xyz")."""
    cues = ctx.lex.cue("coalition")
    out: set[str] = set()
    for n in (c.name, *c.alt_labels):
        out.add(name_key(n))
        brand = _brand(n, cues, ctx.lang)
        if brand:
            out.add(brand)
    out.discard("")
    return out


def _named_by(org_name: str, brands: set[str]) -> bool:
    k = name_key(org_name)
    return any(k != b and (k.startswith(b + " ") or k.startswith(b + "-")) for b in brands)
