"""Read the collaboration ties out of a store: who takes part in which collaboration, in which role, said where.

Everything is read through the `Store` interface with the SPARQL files in `graph/sparql/`, each matching inside
`GRAPH ?source` so that the same reading works on the embedded store and on a remote endpoint whose default
graph is empty. The result is plain data (`TieData`); `edukg.graph.network` turns it into networkx graphs, so a
per-year analysis reads the store once and filters in memory.

How the model's facts become ties (docs/model.md):

- an organisation's `org:Membership` of a project or coalition: role from `org:role` (default `member`);
- a grant (`schema:MonetaryGrant`): each funder joins the funded project or coalition with role `funder`; a
  grant that funds no collaboration is a collaboration of its own (kind `grant`) between its funders and the
  organisation it funds (role `recipient`);
- an event: its organisers (role `organiser`);
- an award conferral (kind `award`, one node per conferral, since two years' winners of one prize did not work
  together): recipients (role `recipient`) and the awarding body (role `organiser`).

People are not actors of the organisation network: a tie whose actor is not an `org:Organization` is left out.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import PurePosixPath
from urllib.parse import unquote, urlparse

from edukg.core.store import Store

COLLABORATION_KINDS = ("project", "coalition", "event", "grant", "award")
# the order in which one actor's several roles in one collaboration give the edge its main role
ROLE_ORDER = ("coordinator", "partner", "member", "organiser", "funder", "recipient")
# an org:Membership of an organisation that names no role
DEFAULT_ROLE = "member"


@dataclass(frozen=True)
class Tie:
    """One actor's part in one collaboration, as one source states it."""

    actor: str            # organisation IRI
    collaboration: str    # project, coalition, event, grant or conferral IRI
    role: str             # coordinator | partner | member | organiser | funder | recipient
    kind: str             # the relation's kind: the kind of the fact stating it (a funder's tie is a "grant")
    source: str           # the source named graph
    fact: str             # the node stating it (membership, grant, event, conferral), whose evidence we quote


@dataclass
class Collaboration:
    iri: str
    kind: str
    start: int | None = None
    end: int | None = None
    award: str | None = None          # for a conferral: the award conferred
    funded_item: str | None = None    # for a grant of its own: the organisation funded

    @property
    def years(self) -> list[int]:
        """Every year from start to end; one year for a dated event or conferral; none when undated."""
        known = [y for y in (self.start, self.end) if y is not None]
        return list(range(min(known), max(known) + 1)) if known else []


@dataclass
class Grant:
    iri: str
    funders: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)
    programmes: set[str] = field(default_factory=set)


@dataclass
class TieData:
    """Everything the network is made of, read from the store once."""

    ties: list[Tie]
    collaborations: dict[str, Collaboration]
    organisations: dict[str, str | None]                          # IRI → type code
    labels: dict[str, dict[str, list[str]]]                       # IRI → language → preferred labels
    other_labels: dict[str, set[str]]                             # IRI → alternative labels
    evidence: dict[tuple[str, str], list[str]]                    # (source, fact) → quotes
    documents: dict[str, str]                                     # source graph → file name
    grants: dict[str, Grant]                                      # grant IRI → funders, items, programmes


@lru_cache(maxsize=None)
def sparql(name: str) -> str:
    """The text of `graph/sparql/NAME.rq`."""
    return resources.files("edukg.graph").joinpath(f"sparql/{name}.rq").read_text(encoding="utf-8")


def _rows(store: Store, name: str) -> list[dict[str, str | None]]:
    _, rows = store.select(sparql(name))
    return [{k: (None if v is None else str(v)) for k, v in row.items()} for row in rows]


def year_of(lexical: str | None) -> int | None:
    """The year of an xsd:date, gYearMonth or gYear lexical form."""
    if not lexical:
        return None
    digits = lexical.lstrip("-")[:4]
    return int(digits) if digits.isdigit() else None


def read_ties(store: Store) -> TieData:
    """Read every tie, collaboration, label, date and evidence quote of the store."""
    organisations: dict[str, str | None] = {}
    for r in _rows(store, "organisations"):
        # one source may give a type where another gives none; keep the first code in a stable order
        if r["type"] and (organisations.get(r["org"]) is None or r["type"] < organisations[r["org"]]):
            organisations[r["org"]] = r["type"]
        else:
            organisations.setdefault(r["org"], None)

    collaborations: dict[str, Collaboration] = {}
    for r in _rows(store, "collaborations"):
        # a node typed both project and coalition is read as the first kind in COLLABORATION_KINDS
        old = collaborations.get(r["collaboration"])
        if old is None or COLLABORATION_KINDS.index(r["kind"]) < COLLABORATION_KINDS.index(old.kind):
            collaborations[r["collaboration"]] = Collaboration(r["collaboration"], r["kind"])
    _read_dates(store, collaborations)

    ties: list[Tie] = []
    for r in _rows(store, "memberships"):
        ties.append(Tie(r["actor"], r["collaboration"], r["role"] or DEFAULT_ROLE, r["kind"], r["source"], r["fact"]))
    grants = _read_grants(store, collaborations, ties)
    for r in _rows(store, "events"):
        ties.append(Tie(r["actor"], r["fact"], "organiser", "event", r["source"], r["fact"]))
    for r in _rows(store, "conferrals"):
        conferral = collaborations.setdefault(r["fact"], Collaboration(r["fact"], "award"))
        conferral.award = conferral.award or r["award"]
        if r["recipient"]:
            ties.append(Tie(r["recipient"], r["fact"], "recipient", "award", r["source"], r["fact"]))
        if r["awarder"]:
            ties.append(Tie(r["awarder"], r["fact"], "organiser", "award", r["source"], r["fact"]))
    ties = sorted({t for t in ties if t.actor in organisations and t.actor != t.collaboration},
                  key=lambda t: (t.collaboration, t.actor, t.source, t.role))

    labels: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    other_labels: dict[str, set[str]] = defaultdict(set)
    for r in _rows_with_language(store):
        if r["kind"] == "pref":
            labels[r["node"]][r["lang"]].append(r["label"])
        else:
            other_labels[r["node"]].add(r["label"])

    evidence: dict[tuple[str, str], list[str]] = defaultdict(list)
    for r in _rows(store, "evidence"):
        evidence[(r["source"], r["fact"])].append(r["quote"])
    documents = {r["source"]: file_name(r["file"]) for r in _rows(store, "documents")}
    return TieData(ties, collaborations, organisations, labels, other_labels, evidence, documents, grants)


def _rows_with_language(store: Store) -> list[dict[str, str]]:
    _, rows = store.select(sparql("labels"))
    return [{"node": str(r["node"]), "label": str(r["label"]), "kind": str(r["kind"]),
             "lang": getattr(r["label"], "language", None) or ""} for r in rows]


def _read_dates(store: Store, collaborations: dict[str, Collaboration]) -> None:
    for r in _rows(store, "dates"):
        c = collaborations.get(r["node"])
        if c is None:
            continue
        start, end, date = year_of(r["start"]), year_of(r["end"]), year_of(r["date"])
        # two sources may date a collaboration differently: keep the widest span they give
        for year, is_start in ((start, True), (date, True), (end, False), (date, False)):
            if year is None:
                continue
            if is_start:
                c.start = year if c.start is None else min(c.start, year)
            else:
                c.end = year if c.end is None else max(c.end, year)


def _read_grants(store: Store, collaborations: dict[str, Collaboration], ties: list[Tie]) -> dict[str, Grant]:
    grants: dict[str, Grant] = {}
    facts: dict[tuple[str, str], Grant] = {}
    for r in _rows(store, "grants"):
        g = grants.setdefault(r["fact"], Grant(r["fact"]))
        per_source = facts.setdefault((r["source"], r["fact"]), Grant(r["fact"]))
        for bag, value in ((g.funders, r["funder"]), (g.items, r["item"]), (g.programmes, r["programme"])):
            if value:
                bag.add(value)
        for bag, value in ((per_source.funders, r["funder"]), (per_source.items, r["item"])):
            if value:
                bag.add(value)
    for (source, fact), g in facts.items():
        funded = [i for i in g.items if collaborations.get(i) and collaborations[i].kind in ("project", "coalition")]
        for item in funded:
            ties.extend(Tie(f, item, "funder", "grant", source, fact) for f in g.funders)
        if funded:
            continue
        # a grant that funds no collaboration: its funders and the organisation it funds meet on the grant
        collaborations.setdefault(fact, Collaboration(fact, "grant"))
        ties.extend(Tie(f, fact, "funder", "grant", source, fact) for f in g.funders)
        for item in g.items:
            collaborations[fact].funded_item = item
            ties.append(Tie(item, fact, "recipient", "grant", source, fact))
    return grants


def file_name(uri: str | None) -> str:
    """The file name of a `file:` URI or a path ("000_ccf5e34e6e402c65.txt")."""
    if not uri:
        return ""
    path = unquote(urlparse(uri).path) if "://" in uri else uri
    return PurePosixPath(path).name or uri
