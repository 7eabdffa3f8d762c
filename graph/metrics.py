"""Metrics per actor of the actor–actor network, computed by networkx or igraph with the same results.

networkx is the reference; igraph computes the same quantities in C, which is what makes exact betweenness
usable at register scale (10,000 actors: minutes in networkx, seconds in igraph; see
benchmarks/betweenness.py). `backend="auto"` picks igraph from `IGRAPH_THRESHOLD` nodes up. Both backends
give the same numbers, by these conventions (tests/test_graph_metrics.py checks them against each other):

- degree: distinct neighbours; weighted_degree: shared collaborations summed over them;
- betweenness: exact, unweighted (a tie is a tie however many projects it carries: weights are strengths,
  not distances), normalised by 2/((n-1)(n-2)) as networkx does for undirected graphs, so 0 to 1;
- eigenvector: weighted, computed in each connected component with unit Euclidean norm there (networkx's
  convention; over a whole graph of several components the leading eigenvector is not unique), 0 for an actor
  with no tie: compare values within one component;
- pagerank: weighted, damping 0.85, dangling nodes spread uniformly, solved to 1e-12;
- constraint and effective_size: Burt's measures on mutual weights (networkx's definitions); None for an
  actor with no tie, where they are undefined. Effective size is computed by networkx in both backends;
- core: k-core number, unweighted;
- community: Louvain on weights with a fixed seed, run in each connected component on its own (modularity
  over the whole graph merges small groups that a bridge joins, the "resolution limit", so the broker between
  a project and the next would vanish inside one community), numbered 0, 1, … by size (largest first), then by
  the smallest member IRI, so numbers repeat from run to run and do not depend on the backend's labels.
"""
from __future__ import annotations

import logging
import math
import random
from typing import Literal

import networkx as nx

from edukg.core.errors import InputError

log = logging.getLogger(__name__)

Backend = Literal["auto", "networkx", "igraph"]
BACKENDS = ("auto", "networkx", "igraph")
IGRAPH_THRESHOLD = 1000  # nodes; below it networkx finishes in well under a second
SEED = 20261207
DAMPING = 0.85
METRICS = ("degree", "weighted_degree", "betweenness", "eigenvector", "pagerank", "constraint", "effective_size",
           "core", "community")


def actor_metrics(actors: nx.Graph, backend: Backend = "auto", *, seed: int = SEED) -> dict[str, dict]:
    """Every metric of `METRICS` for every node of the actor–actor network `actors`.

    Edge attribute `weight` (default 1) is the number of shared collaborations.
    """
    if backend not in BACKENDS:
        raise InputError(f"backend: unknown value {backend!r} (use one of: {', '.join(BACKENDS)})")
    chosen = resolve_backend(actors, backend)
    nodes = sorted(actors.nodes)
    if not nodes:
        return {}
    compute = _igraph_metrics if chosen == "igraph" else _networkx_metrics
    values = compute(actors, nodes, seed)
    values["effective_size"] = _effective_size(actors)
    values["degree"] = dict(actors.degree())
    values["weighted_degree"] = {n: int(d) for n, d in actors.degree(weight="weight")}
    values["core"] = {n: int(v) for n, v in values["core"].items()}
    for name in ("constraint", "effective_size"):
        values[name] = {n: (None if actors.degree(n) == 0 or v is None or math.isnan(v) else float(v))
                        for n, v in values[name].items()}
    return {n: {m: _repeatable(values[m][n]) for m in METRICS} for n in nodes}


def _repeatable(value):
    # ARPACK starts from a random vector: the last digits of an eigenvector vary from run to run. Twelve
    # significant digits are far more than any reading needs and the same every time.
    return float(f"{value:.12g}") if isinstance(value, float) else value


def resolve_backend(actors: nx.Graph, backend: Backend = "auto") -> str:
    if backend != "auto":
        return backend
    return "igraph" if actors.number_of_nodes() >= IGRAPH_THRESHOLD else "networkx"


def software_versions(backend: str) -> dict[str, str]:
    """The libraries a backend computes with, and their versions, for the write-back's provenance."""
    versions = {"networkx": nx.__version__}
    if backend == "igraph":
        import igraph
        versions["igraph"] = igraph.__version__
    return versions


def number_communities(communities: list[set[str]]) -> dict[str, int]:
    """Community numbers by size, then by smallest member: the same partition always gets the same numbers."""
    ordered = sorted((sorted(c) for c in communities if c), key=lambda c: (-len(c), c[0]))
    return {node: i for i, members in enumerate(ordered) for node in members}


# --- networkx -----------------------------------------------------------------------------------------------

def _networkx_metrics(actors: nx.Graph, nodes: list[str], seed: int) -> dict[str, dict]:
    return {
        "betweenness": nx.betweenness_centrality(actors, normalized=True),
        "eigenvector": _networkx_eigenvector(actors),
        "pagerank": nx.pagerank(actors, alpha=DAMPING, weight="weight", tol=1e-12, max_iter=10_000),
        "constraint": nx.constraint(actors, weight="weight"),
        "core": nx.core_number(actors),
        "community": number_communities([group for component in nx.connected_components(actors)
                                         for group in nx.community.louvain_communities(
                                             actors.subgraph(component), weight="weight", seed=seed)]),
    }


def _networkx_eigenvector(actors: nx.Graph) -> dict[str, float]:
    values = {n: 0.0 for n in actors}
    for component in nx.connected_components(actors):
        if len(component) == 2:  # too small for scipy's sparse eigensolver; the two ends are equal
            values.update((n, math.sqrt(0.5)) for n in component)
        elif len(component) > 2:
            found = nx.eigenvector_centrality_numpy(actors.subgraph(component), weight="weight")
            values.update((n, abs(v)) for n, v in found.items())  # the eigenvector's sign is arbitrary
    return values


# --- igraph -------------------------------------------------------------------------------------------------

def _igraph_metrics(actors: nx.Graph, nodes: list[str], seed: int) -> dict[str, dict]:
    import igraph

    index = {n: i for i, n in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in actors.edges()], directed=False)
    weights = [float(w) for _, _, w in actors.edges(data="weight", default=1)]
    n = len(nodes)
    # igraph counts each unordered pair once; networkx's normalisation for undirected graphs is 2/((n-1)(n-2))
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    betweenness = [b * scale for b in g.betweenness(directed=False)]
    g.es["weight"] = weights
    eigen = [0.0] * n
    for component in g.connected_components():
        if len(component) > 1:
            sub = g.induced_subgraph(component)
            values = sub.eigenvector_centrality(scale=False, weights="weight")
            norm = math.sqrt(sum(x * x for x in values)) or 1.0
            for vertex, value in zip(component, values):  # induced_subgraph keeps the vertices' order
                eigen[vertex] = abs(value) / norm
    pagerank = g.pagerank(directed=False, damping=DAMPING, weights=weights if g.ecount() else None)
    constraint = g.constraint(weights=weights)
    core = g.coreness()
    # igraph's Louvain draws from the random number generator python-igraph is given: a seeded one for this
    # call, then Python's own module again (python-igraph's default)
    igraph.set_random_number_generator(random.Random(seed))
    groups: list[set[str]] = []
    try:
        for component in g.connected_components():
            if len(component) == 1:
                groups.append({nodes[component[0]]})
                continue
            sub = g.induced_subgraph(component)
            membership = sub.community_multilevel(weights="weight").membership
            found: dict[int, set[str]] = {}
            for vertex, group in zip(component, membership):
                found.setdefault(group, set()).add(nodes[vertex])
            groups.extend(found.values())
    finally:
        igraph.set_random_number_generator(random)
    by_node = lambda values: {node: values[index[node]] for node in nodes}  # noqa: E731
    return {
        "betweenness": by_node(betweenness),
        "eigenvector": by_node(eigen),
        "pagerank": by_node(pagerank),
        "constraint": by_node(constraint),
        "core": by_node(core),
        "community": number_communities(groups),
    }


# --- shared -------------------------------------------------------------------------------------------------

def _effective_size(actors: nx.Graph) -> dict[str, float | None]:
    """Burt's effective size on mutual weights, as networkx defines it, in time linear in the triangles.

    ES(i) = sum over neighbours j of (1 - sum over q tied to both of p(i,q) * m(j,q)), with p(i,q) = w(i,q) / the
    sum of i's weights and m(j,q) = w(j,q) / the largest of j's weights. networkx.effective_size recomputes
    these sums for every pair of neighbours (cubic in a hub's degree: hours for a register's funders), or with
    scipy builds a dense n × n matrix for all nodes at once (800 MB at 10,000 actors); igraph has none. Both
    backends use this one, which gives networkx's node-by-node values (tests/test_graph_metrics.py).
    """
    weight = {n: {m: float(d.get("weight", 1)) for m, d in actors[n].items() if m != n} for n in actors}
    total = {n: sum(w.values()) for n, w in weight.items()}
    largest = {n: max(w.values(), default=0.0) for n, w in weight.items()}
    out: dict[str, float | None] = {}
    for i, neighbours in weight.items():
        if not neighbours:
            out[i] = None
            continue
        size = 0.0
        for j in neighbours:
            own, theirs = (neighbours, weight[j]) if len(neighbours) <= len(weight[j]) else (weight[j], neighbours)
            common = [q for q in own if q in theirs and q != i and q != j]
            redundancy = sum(neighbours[q] / total[i] * weight[j][q] / largest[j] for q in common)
            size += 1.0 - redundancy
        out[i] = size
    return out
