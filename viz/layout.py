"""Starting positions for the network page and the static figure.

A force layout computed here, before the page opens, is what lets the browser's physics settle in a few hundred
iterations instead of thousands from random positions (benchmarks/viz_page.py measures the difference).
networkx's own spring layout needs scipy above 500 nodes, so this is a small dense Fruchterman–Reingold in
numpy: O(n²) memory per step, fine up to a few thousand nodes. Beyond that each community is laid out on its
own around its place in a layout of the communities.
"""
from __future__ import annotations

import math
from typing import Hashable

import networkx as nx
import numpy as np

DENSE_LIMIT = 2500  # nodes; a dense step at this size holds ~6M floats


def force_layout(graph: nx.Graph, *, seed: int = 7, iterations: int = 60,
                 weight: str | None = None) -> dict[Hashable, tuple[float, float]]:
    """Positions in roughly [-1, 1]², the same for the same graph and seed.

    Each connected component is laid out alone and the components are packed side by side, larger first:
    laid out together, unconnected parts push each other to the corners and leave each a speck.
    """
    components = sorted((sorted(c, key=str) for c in nx.connected_components(graph)), key=lambda c: (-len(c), str(c[0])))
    if len(components) <= 1:
        return _component_layout(graph, seed=seed, iterations=iterations, weight=weight)
    return _pack([_component_layout(graph.subgraph(c), seed=seed, iterations=iterations, weight=weight)
                  for c in components])


def _pack(layouts: list[dict[Hashable, tuple[float, float]]]) -> dict[Hashable, tuple[float, float]]:
    """Shelf packing: each layout in a square whose side grows with the square root of its node count."""
    sides = [math.sqrt(len(lay)) for lay in layouts]
    row_width = max(max(sides), 1.3 * math.sqrt(sum(s * s for s in sides)))
    out: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for lay, side in zip(layouts, sides):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for v, (px, py) in lay.items():
            out[v] = (x + side * (px + 1) / 2, y + side * (py + 1) / 2)
        x += side * 1.1
        row_height = max(row_height, side * 1.1)
    xs = [p[0] for p in out.values()]
    ys = [p[1] for p in out.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {v: ((px - cx) / half, (py - cy) / half) for v, (px, py) in out.items()}


def _component_layout(graph: nx.Graph, *, seed: int, iterations: int,
                      weight: str | None) -> dict[Hashable, tuple[float, float]]:
    nodes = list(graph.nodes)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if n > DENSE_LIMIT:
        return _random_disc(graph, seed)
    index = {v: i for i, v in enumerate(nodes)}
    adj = np.zeros((n, n), dtype=np.float32)
    for u, v, d in graph.edges(data=True):
        w = float(d.get(weight, 1.0)) if weight else 1.0
        adj[index[u], index[v]] = adj[index[v], index[u]] = w
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1, 1, size=(n, 2)).astype(np.float32)
    k = math.sqrt(4.0 / n)  # the ideal distance for n nodes in the 2×2 square
    temperature = 0.2
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        x, y = pos[:, 0], pos[:, 1]
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        d2 = dx * dx + dy * dy
        np.clip(d2, 1e-4, None, out=d2)
        force = (k * k) / d2 - adj * np.sqrt(d2) / k
        # a weak pull to the centre keeps components from drifting apart without bound
        disp = np.stack([(dx * force).sum(axis=1), (dy * force).sum(axis=1)], axis=1) - 0.05 * pos
        length = np.sqrt((disp ** 2).sum(axis=1))
        np.clip(length, 0.01, None, out=length)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    pos -= pos.mean(axis=0)
    span = np.abs(pos).max() or 1.0
    pos /= span
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


def _random_disc(graph: nx.Graph, seed: int) -> dict[Hashable, tuple[float, float]]:
    rng = np.random.default_rng(seed)
    out = {}
    for v in graph.nodes:
        r, a = math.sqrt(rng.uniform()), rng.uniform(0, 2 * math.pi)
        out[v] = (r * math.cos(a), r * math.sin(a))
    return out


def grouped_layout(graph: nx.Graph, groups: dict[Hashable, int], *, seed: int = 7) -> dict[Hashable, tuple[float, float]]:
    """Each group laid out on its own, placed at its group's position in a layout of the groups.

    For networks too large to lay out whole: the page opens on the groups and places an expanded group's
    members where the group was.
    """
    members: dict[int, list[Hashable]] = {}
    for v in graph.nodes:
        members.setdefault(groups.get(v, -1), []).append(v)
    quotient = nx.Graph()
    quotient.add_nodes_from(members)
    for u, v in graph.edges:
        gu, gv = groups.get(u, -1), groups.get(v, -1)
        if gu != gv:
            w = quotient.get_edge_data(gu, gv, {"weight": 0})["weight"]
            quotient.add_edge(gu, gv, weight=w + 1)
    centres = force_layout(quotient, seed=seed)
    total = graph.number_of_nodes()
    out = {}
    for g, vs in members.items():
        cx, cy = centres[g]
        radius = 0.9 * math.sqrt(len(vs) / total)
        inner = force_layout(graph.subgraph(vs), seed=seed)
        for v in vs:
            x, y = inner[v]
            out[v] = (cx + radius * x, cy + radius * y)
    return out


def scaled(pos: dict[Hashable, tuple[float, float]], extent: float) -> dict[Hashable, tuple[int, int]]:
    """Positions multiplied into page pixels (vis-network's coordinates)."""
    return {v: (round(x * extent), round(y * extent)) for v, (x, y) in pos.items()}


def extent_for(n: int) -> float:
    """Half the width of the drawing: grows with the square root of the node count, as a force layout does."""
    return 120.0 * math.sqrt(max(n, 4))
