"""The collaboration network: a bipartite actor–collaboration graph and its weighted actor–actor projection.

    net = collaboration_network(store, since=2018, kinds=["project", "grant"])
    net.bipartite   # actors and collaborations; an edge per actor taking part, with role and evidence
    net.actors      # actors only; an edge per pair sharing a collaboration, weight = how many

Node and edge attributes are the contract shared with edukg.viz (see `CollaborationNetwork`). The store is
read once (`read_ties`); `network_from_ties` applies the filters in memory, which is what the per-year
timeline does for each year.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable

import networkx as nx

from edukg.core.errors import InputError
from edukg.graph.ties import COLLABORATION_KINDS, ROLE_ORDER, Tie, TieData, read_ties
from edukg.core.namespaces import ORGANISATION_TYPES
from edukg.core.store import Store

# The language of an actor's one `label` when it has several: the corpus is Finnish first, then Swedish.
LABEL_LANGUAGES = ("fi", "sv", "en")


@dataclass
class NetworkFilters:
    """What a network was restricted to; None everywhere means the whole store."""

    since: int | None = None
    until: int | None = None
    kinds: tuple[str, ...] | None = None
    programme: str | None = None
    funder: str | None = None
    org_types: tuple[str, ...] | None = None

    def describe(self) -> str:
        """One line for reports and for the write-back ("since 2018, kinds project, grant")."""
        parts = []
        if self.since is not None or self.until is not None:
            parts.append(f"years {self.since if self.since is not None else '…'}–"
                         f"{self.until if self.until is not None else '…'}")
        for name in ("kinds", "org_types"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name.replace('_', ' ')} {', '.join(value)}")
        for name in ("programme", "funder"):
            if getattr(self, name):
                parts.append(f"{name} {getattr(self, name)}")
        return "; ".join(parts) or "all collaborations"


@dataclass
class CollaborationNetwork:
    """The bipartite network and its actor projection.

    bipartite: actor nodes (id = organisation IRI) with node_kind="actor", label, labels (lang → label), type;
      collaboration nodes (id = IRI) with node_kind in project|coalition|event|grant|award, label, start, end,
      years; edges actor–collaboration with role (the main one), roles, kinds (the relations stating it),
      evidence (list of {"quote", "source", "document"}), sources.
    actors: actor nodes as above; an edge per pair of actors sharing collaborations with weight (how many),
      via (sorted collaboration IRIs) and years (sorted).
    """

    bipartite: nx.Graph
    actors: nx.Graph
    filters: NetworkFilters = field(default_factory=NetworkFilters)

    def collaboration(self, iri: str) -> dict:
        """The attributes of one collaboration node."""
        attrs = self.bipartite.nodes[iri]
        if attrs.get("node_kind") == "actor":
            raise KeyError(f"{iri} is an actor, not a collaboration")
        return dict(attrs)

    def collaborations(self) -> list[str]:
        return sorted(n for n, k in self.bipartite.nodes(data="node_kind") if k != "actor")


def collaboration_network(store: Store, *, since: int | None = None, until: int | None = None,
                          kinds: Iterable[str] | None = None, programme: str | None = None,
                          funder: str | None = None, org_types: Iterable[str] | None = None) -> CollaborationNetwork:
    """The collaboration network of `store`, restricted by the filters.

    since/until: keep collaborations whose years (start to end, or the date of an event or conferral) meet
      the window; an undated collaboration is left out as soon as a window is given.
    kinds: relation kinds to keep, of project, coalition, event, grant, award ("grant" is funding: without
      it, funders do not join the projects they fund).
    programme, funder: keep collaborations funded under that programme, or by that funder (an IRI, or a
      label compared case-insensitively).
    org_types: keep actors of these organisation types (codes such as "university").
    """
    return network_from_ties(read_ties(store), NetworkFilters(
        since=since, until=until, kinds=tuple(kinds) if kinds else None, programme=programme, funder=funder,
        org_types=tuple(org_types) if org_types else None))


def network_from_ties(data: TieData, filters: NetworkFilters | None = None) -> CollaborationNetwork:
    """Build the network from ties already read, applying `filters`."""
    filters = filters or NetworkFilters()
    _check(filters)
    keep = _collaborations_kept(data, filters)
    ties = [t for t in data.ties if t.collaboration in keep
            and (not filters.kinds or t.kind in filters.kinds)
            and (not filters.org_types or data.organisations.get(t.actor) in filters.org_types)]
    bipartite = nx.Graph()
    by_edge: dict[tuple[str, str], list[Tie]] = defaultdict(list)
    for t in ties:
        by_edge[(t.actor, t.collaboration)].append(t)
    for (actor, collab), group in sorted(by_edge.items()):
        if actor not in bipartite:
            bipartite.add_node(actor, **_actor_attrs(data, actor))
        if collab not in bipartite:
            bipartite.add_node(collab, **_collaboration_attrs(data, collab))
        roles = sorted({t.role for t in group}, key=_role_rank)
        bipartite.add_edge(actor, collab, role=roles[0], roles=roles, kinds=sorted({t.kind for t in group}),
                           evidence=_evidence(data, group), sources=sorted({t.source for t in group}))
    return CollaborationNetwork(bipartite, project_actors(bipartite), filters)


def project_actors(bipartite: nx.Graph) -> nx.Graph:
    """The actor–actor projection: two actors are tied by every collaboration they share."""
    actors = nx.Graph()
    actors.add_nodes_from((n, attrs) for n, attrs in bipartite.nodes(data=True) if attrs["node_kind"] == "actor")
    for collab, attrs in bipartite.nodes(data=True):
        if attrs["node_kind"] == "actor":
            continue
        members = sorted(bipartite.neighbors(collab))
        for a, b in combinations(members, 2):
            if actors.has_edge(a, b):
                edge = actors.edges[a, b]
                edge["weight"] += 1
                edge["via"].append(collab)
                edge["years"].update(attrs["years"])
            else:
                actors.add_edge(a, b, weight=1, via=[collab], years=set(attrs["years"]))
    for _, _, edge in actors.edges(data=True):
        edge["via"].sort()
        edge["years"] = sorted(edge["years"])
    return actors


# --- filters ------------------------------------------------------------------------------------------------

def _check(filters: NetworkFilters) -> None:
    for name, allowed in (("kinds", COLLABORATION_KINDS), ("org_types", ORGANISATION_TYPES)):
        unknown = sorted(set(getattr(filters, name) or ()) - set(allowed))
        if unknown:
            raise InputError(f"{name}: unknown value {', '.join(unknown)} (use one of: {', '.join(allowed)})")
    if filters.since is not None and filters.until is not None and filters.since > filters.until:
        raise InputError(f"since {filters.since} is after until {filters.until}")


def _collaborations_kept(data: TieData, filters: NetworkFilters) -> set[str]:
    keep = set(data.collaborations)
    if filters.since is not None or filters.until is not None:
        low = filters.since if filters.since is not None else -10**6
        high = filters.until if filters.until is not None else 10**6
        keep = {c for c in keep if any(low <= y <= high for y in data.collaborations[c].years)}
    if filters.programme:
        programmes = _matching(data, filters.programme, {p for g in data.grants.values() for p in g.programmes})
        if not programmes:
            raise InputError(f"programme {filters.programme!r}: no funding programme of that name or IRI")
        keep &= _funded(data, lambda g: bool(g.programmes & programmes))
    if filters.funder:
        funders = _matching(data, filters.funder, {f for g in data.grants.values() for f in g.funders})
        if not funders:
            raise InputError(f"funder {filters.funder!r}: no funder of that name or IRI")
        keep &= _funded(data, lambda g: bool(g.funders & funders))
    return keep


def _funded(data: TieData, test) -> set[str]:
    """The collaborations a matching grant funds, and such grants that are collaborations themselves."""
    out = set()
    for g in data.grants.values():
        if test(g):
            out |= g.items | {g.iri}
    return out


def _matching(data: TieData, wanted: str, candidates: set[str]) -> set[str]:
    if wanted in candidates:
        return {wanted}
    key = wanted.casefold().strip()
    return {c for c in candidates
            if key in {label.casefold() for labels in data.labels.get(c, {}).values() for label in labels}
            or key in {label.casefold() for label in data.other_labels.get(c, ())}}


# --- attributes ---------------------------------------------------------------------------------------------

def _role_rank(role: str) -> int:
    return ROLE_ORDER.index(role) if role in ROLE_ORDER else len(ROLE_ORDER)


def labels_of(data: TieData, iri: str) -> dict[str, str]:
    """One preferred label per language (the first in sort order where sources disagree)."""
    return {lang: sorted(labels)[0] for lang, labels in sorted(data.labels.get(iri, {}).items()) if labels}


def label_of(data: TieData, iri: str) -> str:
    labels = labels_of(data, iri)
    for lang in LABEL_LANGUAGES:
        if lang in labels:
            return labels[lang]
    if labels:
        return next(iter(labels.values()))
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _actor_attrs(data: TieData, iri: str) -> dict:
    return {"node_kind": "actor", "label": label_of(data, iri), "labels": labels_of(data, iri),
            "alt_labels": sorted(data.other_labels.get(iri, ())),  # acronyms and other names, for search
            "type": data.organisations.get(iri) or "other"}


def _collaboration_attrs(data: TieData, iri: str) -> dict:
    c = data.collaborations[iri]
    attrs = {"node_kind": c.kind, "start": c.start, "end": c.end, "years": c.years}
    if c.kind == "award" and c.award:
        attrs["award"] = c.award
        attrs["label"] = label_of(data, c.award)
    elif c.kind == "grant" and not data.labels.get(iri):
        grant = data.grants.get(iri)
        funders = ", ".join(sorted(label_of(data, f) for f in grant.funders)) if grant else ""
        attrs["label"] = f"grant from {funders}" if funders else "grant"
    else:
        attrs["label"] = label_of(data, iri)
    return attrs


def _evidence(data: TieData, ties: list[Tie]) -> list[dict[str, str]]:
    out, seen = [], set()
    for t in ties:
        for quote in data.evidence.get((t.source, t.fact), ()):
            if (quote, t.source) not in seen:
                seen.add((quote, t.source))
                out.append({"quote": quote, "source": t.source, "document": data.documents.get(t.source, "")})
    return out
