"""The network page's data: which actors to show and everything the page needs to explain them.

Plain data in, plain data out: a `CollaborationNetwork` (edukg.graph) and its actor metrics become one
JSON-ready dict that the page's script reads. Evidence is kept on the participations (actor, collaboration),
not on the ties, so a sentence that names ten partners is stored once and not once per pair.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

import networkx as nx

from edukg.core.errors import InputError
from edukg.viz.layout import extent_for, force_layout, grouped_layout, scaled

# Organisation-type codes of ontology/schemes.ttl, each with a colour that stays apart from its neighbours
# in the legend (a qualitative palette; "other" is grey so that it recedes).
TYPE_COLOURS: dict[str, str] = {
    "ministry": "#1f4e9c",
    "agency": "#4f8fd6",
    "municipality": "#2e9e5b",
    "region": "#8cc56a",
    "school": "#f2b01e",
    "vocational_institution": "#e5732b",
    "university": "#c23b3b",
    "research_institute": "#9b59b6",
    "ngo": "#d45fa0",
    "company": "#7a5230",
    "network": "#17a2b8",
    "other": "#9aa0a6",
}
METRIC_KEYS = ("degree", "weighted_degree", "betweenness", "eigenvector", "pagerank", "constraint",
               "effective_size", "core", "community")
LARGE_NETWORK = 1000  # actors; above this the page opens on the communities, not on every actor


@dataclass(frozen=True)
class Selection:
    """What the user asked to see."""

    focus: str | None = None
    hops: int = 1
    limit: int | None = None


def resolve_focus(actors: nx.Graph, name: str) -> str:
    """The actor IRI that `name` (an IRI, or any of an actor's labels, case-insensitive) names.

    An unknown name is an input error that names the closest labels, so a typo costs one more try, not a search.
    """
    if name in actors:
        return name
    wanted = name.casefold().strip()
    for iri, attrs in actors.nodes(data=True):
        if wanted in {lab.casefold() for lab in _all_labels(attrs)}:
            return iri
    raise InputError(f"--focus {name!r}: no actor of that name in the collaboration network"
                     + _suggestions(actors, name))


def _suggestions(actors: nx.Graph, name: str) -> str:
    from rapidfuzz import fuzz, process
    choices: dict[str, str] = {}
    for _, attrs in actors.nodes(data=True):
        for lab in _all_labels(attrs):
            choices.setdefault(lab, lab)
    best = process.extract(name, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=50)
    names = list(dict.fromkeys(match for match, _, _ in best))
    return f"; closest: {', '.join(names)}" if names else ""


def _all_labels(attrs: Mapping[str, Any]) -> list[str]:
    labels = [attrs.get("label") or ""] + list((attrs.get("labels") or {}).values())
    return [lab for lab in labels if lab]


def select_actors(actors: nx.Graph, metrics: Mapping[str, Mapping[str, Any]], sel: Selection) -> list[str]:
    """The actor IRIs to put on the page: the focus actor's neighbourhood, then the top `limit` by centrality."""
    chosen: Iterable[str] = actors.nodes
    focus = None
    if sel.focus:
        focus = resolve_focus(actors, sel.focus)
        chosen = nx.ego_graph(actors, focus, radius=max(sel.hops, 0)).nodes
    ranked = sorted(chosen, key=lambda a: (a != focus, *(-v for v in _rank(metrics.get(a, {}))), str(a)))
    return ranked[: sel.limit] if sel.limit else ranked


def _rank(m: Mapping[str, Any]) -> tuple[float, float]:
    return float(m.get("betweenness") or 0.0), float(m.get("weighted_degree") or m.get("degree") or 0.0)


def page_data(net: Any, metrics: Mapping[str, Mapping[str, Any]], sel: Selection = Selection(), *,
              title: str = "Collaboration network", large: int = LARGE_NETWORK,
              filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data (see the module docstring)."""
    chosen = select_actors(net.actors, metrics, sel)
    sub = net.actors.subgraph(chosen)
    community = {a: _community(metrics.get(a, {})) for a in chosen}
    mode = "communities" if len(chosen) > large else "actors"
    pos = grouped_layout(sub, community) if mode == "communities" else force_layout(sub)
    px = scaled(pos, extent_for(len(chosen)))
    sizes = _sizes(chosen, metrics)
    collab_ids: dict[str, None] = {}
    ties = []
    for i, (a, b, d) in enumerate(sorted(sub.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))):
        via = list(d.get("via") or [])
        collab_ids.update(dict.fromkeys(via))
        ties.append({"id": f"t{i}", "from": a, "to": b, "weight": int(d.get("weight") or len(via) or 1),
                     "via": via, "years": _tie_years(net, via, d)})
    actor_rows = []
    for a in chosen:
        attrs = net.actors.nodes[a]
        parts = _participations(net.bipartite, a)
        collab_ids.update(dict.fromkeys(c for c, _ in parts))
        x, y = px[a]
        actor_rows.append({
            "id": a, "label": attrs.get("label") or a, "labels": dict(attrs.get("labels") or {}),
            "also": list(attrs.get("alt_labels") or []),
            "type": attrs.get("type") or "other", "community": community[a], "size": sizes[a], "x": x, "y": y,
            "metrics": {k: _plain(metrics.get(a, {}).get(k)) for k in METRIC_KEYS if k in metrics.get(a, {})},
            "parts": [[c, role] for c, role in parts],
        })
    shown = set(chosen)
    collabs = {c: _collaboration(net.bipartite, c, shown) for c in collab_ids if c in net.bipartite}
    years = sorted({y for t in ties for y in t["years"]})
    return {
        "title": title,
        "filters": dict(filters or {}),
        "focus": resolve_focus(net.actors, sel.focus) if sel.focus else None,
        "mode": mode,
        "types": [{"code": code, "colour": colour, "count": sum(1 for r in actor_rows if r["type"] == code)}
                  for code, colour in _type_colours(actor_rows).items()],
        "actors": actor_rows,
        "ties": ties,
        "collaborations": collabs,
        "communities": _communities(actor_rows, sub, px),
        "years": list(range(years[0], years[-1] + 1)) if years else [],
        "undated_ties": sum(1 for t in ties if not t["years"]),
    }


def _community(m: Mapping[str, Any]) -> int:
    c = m.get("community")
    return int(c) if c is not None else -1


def _type_colours(rows: list[dict]) -> dict[str, str]:
    present = {r["type"] for r in rows}
    colours = {code: c for code, c in TYPE_COLOURS.items() if code in present}
    for code in sorted(present - colours.keys()):  # a type the scheme gained after this palette
        colours[code] = TYPE_COLOURS["other"]
    return colours


def _sizes(actors: list[str], metrics: Mapping[str, Mapping[str, Any]]) -> dict[str, float]:
    """Node radius from betweenness (the broker role the page is about); degree where nobody brokers."""
    key = "betweenness"
    if not any(float(metrics.get(a, {}).get(key) or 0) > 0 for a in actors):
        key = "weighted_degree" if any(metrics.get(a, {}).get("weighted_degree") for a in actors) else "degree"
    top = max((float(metrics.get(a, {}).get(key) or 0) for a in actors), default=0.0) or 1.0
    # area, not radius, proportional to the value: the eye reads areas
    return {a: round(8 + 32 * math.sqrt(float(metrics.get(a, {}).get(key) or 0) / top), 1) for a in actors}


def _tie_years(net: Any, via: list[str], attrs: Mapping[str, Any]) -> list[int]:
    years: set[int] = set()
    for c in via:
        if c in net.bipartite:
            years.update(_collab_years(net.bipartite.nodes[c]))
    return sorted(years) if years else sorted(int(y) for y in attrs.get("years") or [])


def _collab_years(attrs: Mapping[str, Any]) -> list[int]:
    years = [int(y) for y in attrs.get("years") or []]
    if years:
        return years
    start, end = attrs.get("start"), attrs.get("end")
    if start is not None and end is not None and end >= start:
        return list(range(int(start), int(end) + 1))
    return [int(y) for y in (start, end) if y is not None]


def _participations(bipartite: nx.Graph, actor: str) -> list[tuple[str, str]]:
    if actor not in bipartite:
        return []
    return sorted(((c, _role(d)) for c, d in bipartite[actor].items()), key=lambda p: str(p[0]))


def _role(edge: Mapping[str, Any]) -> str:
    role = edge.get("role") or ""
    return ", ".join(role) if isinstance(role, (list, tuple, set)) else str(role)


def _collaboration(bipartite: nx.Graph, c: str, shown: set[str]) -> dict[str, Any]:
    attrs = bipartite.nodes[c]
    parts = {}
    for a, d in bipartite[c].items():
        if a in shown:
            parts[a] = {"role": _role(d), "evidence": [_evidence(e) for e in d.get("evidence") or []]}
    return {"label": attrs.get("label") or c, "kind": attrs.get("node_kind") or "", "start": attrs.get("start"),
            "end": attrs.get("end"), "years": _collab_years(attrs), "parts": parts}


def _evidence(e: Mapping[str, Any]) -> dict[str, str]:
    return {"quote": str(e.get("quote") or ""), "document": str(e.get("document") or ""),
            "source": str(e.get("source") or "")}


def _communities(rows: list[dict], sub: nx.Graph, px: Mapping[str, tuple[int, int]]) -> list[dict[str, Any]]:
    members: dict[int, list[dict]] = {}
    for r in rows:
        members.setdefault(r["community"], []).append(r)
    between: dict[tuple[int, int], int] = {}
    comm = {r["id"]: r["community"] for r in rows}
    for a, b, d in sub.edges(data=True):
        ca, cb = sorted((comm[a], comm[b]))
        if ca != cb:
            between[(ca, cb)] = between.get((ca, cb), 0) + int(d.get("weight") or 1)
    out = []
    for c, rs in sorted(members.items()):
        top = max(rs, key=lambda r: (r["size"], r["label"]))  # rows are already ranked; size breaks ties
        out.append({"id": c, "size": len(rs), "label": top["label"],
                    "x": round(sum(r["x"] for r in rs) / len(rs)), "y": round(sum(r["y"] for r in rs) / len(rs)),
                    "links": [{"to": cb if ca == c else ca, "weight": w} for (ca, cb), w in sorted(between.items())
                              if c in (ca, cb)]})
    return out


def _plain(value: Any) -> Any:
    """A metric as JSON has it: NaN and infinities (constraint of an isolate) become null."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 6)
    if hasattr(value, "item"):  # numpy scalars from igraph/numpy backends
        return _plain(value.item())
    return value
