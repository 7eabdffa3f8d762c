"""`analyse`: the library function behind `edukg analyse` — network, metrics, brokers, timeline, write-back."""
from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import networkx as nx

from edukg.core.errors import InputError, NothingFound
from edukg.graph.metrics import BACKENDS, METRICS, actor_metrics, resolve_backend, software_versions
from edukg.graph.network import CollaborationNetwork, NetworkFilters, network_from_ties
from edukg.graph.ties import read_ties
from edukg.graph.timeline import Timeline, timeline, years_of
from edukg.graph.writeback import AnalysisRun, analytics_graph_iri, write_back
from edukg.core.namespaces import DEFAULT_BASE
from edukg.core.store import Store

log = logging.getLogger(__name__)

NETWORKS = ("actors", "bipartite")


@dataclass
class AnalysisResult:
    network: str                        # "actors" | "bipartite"
    net: CollaborationNetwork
    graph: nx.Graph                     # the graph the metrics were computed on
    metrics: dict[str, dict]            # actor IRI → metric → value (actors only)
    bridges: dict[str, list[int]]       # actor IRI → communities its ties reach, own included, when 2 or more
    backend: str
    seconds: float
    timeline: Timeline | None = None
    written: int = 0                    # triples written to the analytics graph (0: not written)
    graph_iri: str = ""

    def ranked(self, by: str = "betweenness") -> list[str]:
        """Actors from the highest value of `by` down; ties broken by degree, then name."""
        return sorted(self.metrics, key=lambda a: (-(self.metrics[a][by] or 0.0), -self.metrics[a]["degree"],
                                                   self.label(a)))

    def label(self, actor: str) -> str:
        return self.net.bipartite.nodes[actor]["label"]

    def write_csv(self, path: str | Path) -> None:
        with open(path, "w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["rank", "org", "name", "type", *METRICS, "connects"])
            for rank, actor in enumerate(self.ranked(), 1):
                m = self.metrics[actor]
                writer.writerow([rank, actor, self.label(actor), self.net.bipartite.nodes[actor]["type"],
                                 *("" if m[k] is None else m[k] for k in METRICS),
                                 " ".join(map(str, self.bridges.get(actor, [])))])


def analyse(store: Store, *, network: str = "actors", since: int | None = None, until: int | None = None,
            kinds: Iterable[str] | None = None, programme: str | None = None, funder: str | None = None,
            org_types: Iterable[str] | None = None, backend: str = "auto", by_year: bool = False,
            write: bool = True, base: str = DEFAULT_BASE) -> AnalysisResult:
    """Compute the metrics of the collaboration network and (with `write`) replace the analytics graph with them.

    Raises InputError for an empty store or bad options, NothingFound for a network with no tie or a period
    with no dated collaboration; nothing is written then.
    """
    if network not in NETWORKS:
        raise InputError(f"network: unknown value {network!r} (use one of: {', '.join(NETWORKS)})")
    if backend not in BACKENDS:
        raise InputError(f"backend: unknown value {backend!r} (use one of: {', '.join(BACKENDS)})")
    sources = [g for g in store.graphs() if g.startswith(f"{base}graph/source/")]
    if not sources:
        raise InputError(f"{store.location}: the store holds no documents; run 'edukg build' first")
    started = datetime.now(timezone.utc)
    data = read_ties(store)
    filters = NetworkFilters(since=since, until=until, kinds=tuple(kinds) if kinds else None, programme=programme,
                             funder=funder, org_types=tuple(org_types) if org_types else None)
    net = network_from_ties(data, filters)
    if net.actors.number_of_nodes() == 0 or net.bipartite.number_of_edges() == 0:
        raise NothingFound(_nothing(data, filters))
    if network == "actors" and net.actors.number_of_edges() == 0:
        raise NothingFound(f"no two actors share a collaboration ({filters.describe()}); "
                           "try a wider period or more kinds, or --network bipartite")
    graph = net.actors if network == "actors" else net.bipartite
    chosen = resolve_backend(graph, backend)
    all_metrics = actor_metrics(graph, backend=chosen)
    metrics = {a: all_metrics[a] for a in net.actors.nodes}
    # communities and their brokers in the network analysed (in the bipartite one, collaborations too)
    bridges = {a: c for a, c in _bridges(graph, all_metrics).items() if a in metrics}
    years = timeline(data, filters, backend=backend) if by_year else None
    ended = datetime.now(timezone.utc)
    result = AnalysisResult(network, net, graph, metrics, bridges, chosen, (ended - started).total_seconds(),
                            years, graph_iri=analytics_graph_iri(base))
    if write:
        runs = [AnalysisRun(network, network, filters.describe(), since, until, started, ended,
                            software_versions(chosen), sources, metrics, bridges)]
        for s in (years.slices if years else []):
            runs.append(AnalysisRun(f"{network}-{s.year}", "actors", f"collaborations running in {s.year}",
                                    s.year, s.year, started, ended, software_versions(chosen), sources, s.metrics,
                                    _bridges(s.network.actors, s.metrics), part_of=network))
        result.written = write_back(store, runs, base)
    return result


def _bridges(actors: nx.Graph, metrics: dict[str, dict]) -> dict[str, list[int]]:
    """Brokers: actors that connect communities which, without them, would have no direct tie to each other.

    For each actor, the communities its ties reach (its own included); a pair of them is bridged by the actor
    when every tie between the two is one of the actor's own, or, for two communities the actor is in neither
    of, when they have no tie at all. The value is every community in such a pair.
    """
    community = {a: metrics[a]["community"] for a in actors}
    cross: dict[tuple[int, int], int] = {}
    for u, v in actors.edges():
        if community[u] != community[v]:
            pair = tuple(sorted((community[u], community[v])))
            cross[pair] = cross.get(pair, 0) + 1
    out = {}
    for actor in actors:
        own: dict[tuple[int, int], int] = {}
        for n in actors.neighbors(actor):
            if community[n] != community[actor]:
                pair = tuple(sorted((community[n], community[actor])))
                own[pair] = own.get(pair, 0) + 1
        reached = sorted({community[actor]} | {community[n] for n in actors.neighbors(actor)})
        bridged = {c for i, x in enumerate(reached) for y in reached[i + 1:]
                   if cross.get((x, y), 0) == own.get((x, y), 0) for c in (x, y)}
        if bridged:
            out[actor] = sorted(bridged)
    return out


def _nothing(data, filters: NetworkFilters) -> str:
    if not data.ties:
        return "the store holds no collaborations between organisations to analyse"
    if filters.since is not None or filters.until is not None:
        everything = years_of(data, NetworkFilters())
        covered = f"the data covers {everything[0]}–{everything[-1]}" if everything else "no collaboration is dated"
        return f"no collaboration runs in {filters.describe()} ({covered})"
    return f"no collaboration matches {filters.describe()}"
