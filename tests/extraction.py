"""Shared by the extraction tests: one text through the whole pipeline, as the build runs it."""
import hashlib

from edukg.ingest.model import Document
from edukg.ingest.pipeline import extract


def run(text: str):
    doc = Document(id="test-doc", path="test-doc.txt", text=text, format="text/plain",
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    ex = extract(doc)
    assert not ex.warnings, ex.warnings  # a crashing step would otherwise look like "nothing found"
    return ex


def grants(text: str) -> dict[str, tuple]:
    """Each project of the text: its participants with roles, its funders, amount and currency."""
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    out = {}
    for p in ex.projects:
        g = p.grants[0] if p.grants else None
        out[p.name] = ({(name[x.organisation], x.role) for x in p.participants},
                       {name[f] for f in g.funders} if g else set(),
                       g.amount if g else None, g.currency if g else None)
    return out


def affiliations(text: str) -> dict[str, str | None]:
    """Each person of the text: the name of the organisation the person belongs to, or None."""
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    return {p.name: name.get(p.organisation) for p in ex.people}


def coalitions(text: str) -> dict[str, set[str]]:
    """Each coalition of the text: the names of its members."""
    ex = run(text)
    name = {k: o.name for k, o in ex.organisations.items()}
    return {c.name: {name[m.organisation] for m in c.members} for c in ex.coalitions}
