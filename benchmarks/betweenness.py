"""How fast are the network metrics at register scale: igraph against plain networkx, and `analyse` end to end?

1. Exact betweenness on a synthetic 10,000-actor collaboration network shaped like a project register: projects
   × implementers, most implementers in one or two projects, a few in many (universities, large providers),
   and each project funded by one of a few dozen authorities (hubs, Zipf-distributed). The actor–actor
   projection of that bipartite network is what `edukg analyse` measures. igraph (the `igraph` backend of
   `edukg.graph.metrics`) computes it exactly. networkx's exact computation takes tens of minutes at this size,
   so by default it runs from a random sample of source nodes (Brandes' algorithm costs the same per source)
   and the time is extrapolated to all sources; `--full-networkx` runs it exactly. Both figures are printed,
   with their ratio and whether the values agree on a smaller graph where both run exactly.
2. All metrics of `actor_metrics` with each backend (igraph's run on the full graph).
3. `edukg.graph.analyse` on an embedded store holding that register as RDF (memberships and grants in the
   edukg model), reading, computing and writing back (`--no-store` skips it).

    .venv/bin/python benchmarks/betweenness.py [--actors 10000] [--sample 100] [--full-networkx] [--no-store]

Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import itertools
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from edukg.graph.metrics import actor_metrics  # noqa: E402

TARGET_SECONDS = 15.0
# The machine is shared: wall time depends on what else runs. CPU time of this process (every computation here
# is single-threaded, the store's Rust code included) is printed beside it as the figure to compare.
TARGET_RATIO = 50.0
ANALYSE_TARGET_SECONDS = 60.0


def register(actors: int, seed: int = 7) -> tuple[list[list[int]], list[int], int]:
    """Projects as lists of implementer numbers, each project's funder number, and the number of funders.

    1.4 projects per implementer. Every implementer takes part at least once; the other places go by activity,
    Pareto-distributed (shape 1.2), so most implementers are in one or two projects and a few in a hundred or
    more. A project has one implementer seven times in ten, two in four of the rest, else three to six.
    """
    rng = random.Random(seed)
    funders = max(5, actors // 400)
    activity = [rng.paretovariate(1.2) for _ in range(actors)]
    cumulative = list(itertools.accumulate(activity))
    funder_weight = [1 / (i + 1) for i in range(funders)]
    projects: list[list[int]] = []
    project_funder: list[int] = []
    pending = list(range(actors))
    rng.shuffle(pending)
    population = range(actors)
    for _ in range(actors * 7 // 5):
        r = rng.random()
        size = 1 if r < 0.7 else 2 if r < 0.82 else rng.randint(3, 6)
        members = {pending.pop()} if pending else set()
        while len(members) < size:
            members.add(rng.choices(population, cum_weights=cumulative)[0])
        projects.append(sorted(members))
        project_funder.append(rng.choices(range(funders), weights=funder_weight)[0])
    return projects, project_funder, funders


def projection(projects: list[list[int]], project_funder: list[int], actors: int) -> nx.Graph:
    """The actor–actor network: implementers and funders (numbered after them) tied per shared project."""
    g = nx.Graph()
    g.add_nodes_from(f"a{i:05d}" for i in range(actors))
    for members, funder in zip(projects, project_funder):
        names = [f"a{m:05d}" for m in members] + [f"f{funder:03d}"]
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
                g.add_edge(a, b, weight=w)
    return g


class Clock:
    """Wall and CPU seconds of a block."""

    def __enter__(self) -> "Clock":
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:7.1f} s wall, {self.cpu:7.1f} s CPU"


def igraph_betweenness(g: nx.Graph) -> tuple[Clock, dict[str, float]]:
    import igraph
    clock = Clock().__enter__()
    nodes = sorted(g)
    index = {n: i for i, n in enumerate(nodes)}
    ig = igraph.Graph(n=len(nodes), edges=[(index[a], index[b]) for a, b in g.edges()], directed=False)
    n = len(nodes)
    values = {node: b * 2.0 / ((n - 1) * (n - 2)) for node, b in zip(nodes, ig.betweenness(directed=False))}
    clock.__exit__()
    return clock, values


def networkx_betweenness(g: nx.Graph, sample: int | None) -> tuple[Clock, float, bool]:
    """(the clock of the run, CPU seconds for all sources, extrapolated?)"""
    with Clock() as clock:
        if sample is None or sample >= g.number_of_nodes():
            nx.betweenness_centrality(g, normalized=True)
        else:
            nx.betweenness_centrality(g, k=sample, normalized=True, seed=1)
    if sample is None or sample >= g.number_of_nodes():
        return clock, clock.cpu, False
    return clock, clock.cpu * g.number_of_nodes() / sample, True


def agreement(actors: int) -> float:
    """The largest difference between the two backends' betweenness on a smaller register, both exact."""
    projects, funders_of, _ = register(actors, seed=11)
    g = projection(projects, funders_of, actors)
    _, by_igraph = igraph_betweenness(g)
    by_nx = nx.betweenness_centrality(g, normalized=True)
    return max(abs(by_nx[n] - by_igraph[n]) for n in g)


def store_benchmark(projects: list[list[int]], project_funder: list[int], funders: int, actors: int) -> None:
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS, XSD

    from edukg.graph import analyse, read_ties
    from edukg.core.namespaces import DEFAULT_BASE as B, SCHEMA
    from edukg.core.store import OxigraphStore

    def org(name: str) -> URIRef:
        return URIRef(f"{B}id/organisation/{name}")

    # one source graph per 500 projects, as a register import might write them
    graphs: dict[str, Graph] = {}
    for p, (members, funder) in enumerate(zip(projects, project_funder)):
        chunk = p // 500
        gid = f"{B}graph/source/register-{chunk:03d}"
        g = graphs.get(gid)
        if g is None:
            g = graphs[gid] = Graph()
            record = URIRef(f"{B}id/source/register-{chunk:03d}")
            g.add((record, RDF.type, PROV.Entity))
            g.add((record, DCTERMS.source, Literal(f"file:///register/part-{chunk:03d}.csv", datatype=XSD.anyURI)))
        project = URIRef(f"{B}id/project/p{p:06d}")
        g.add((project, RDF.type, ORG.OrganizationalCollaboration))
        g.add((project, RDF.type, SCHEMA.Project))
        g.add((project, SKOS.prefLabel, Literal(f"Hanke {p}", lang="fi")))
        year = 2007 + p % 14
        g.add((project, SCHEMA.startDate, Literal(f"{year}-01-01", datatype=XSD.date)))
        g.add((project, SCHEMA.endDate, Literal(f"{year + 2}-12-31", datatype=XSD.date)))
        for i, m in enumerate(members):
            o = org(f"a{m:05d}")
            g.add((o, RDF.type, ORG.Organization))
            g.add((o, SKOS.prefLabel, Literal(f"Toteuttaja {m}", lang="fi")))
            membership = URIRef(f"{B}id/membership/p{p:06d}-{i}")
            g.add((membership, RDF.type, ORG.Membership))
            g.add((membership, ORG.member, o))
            g.add((membership, ORG.organization, project))
            g.add((membership, ORG.role, URIRef(f"{B}id/role/{'coordinator' if i == 0 else 'partner'}")))
        grant = URIRef(f"{B}id/grant/p{p:06d}")
        f = org(f"f{funder:03d}")
        g.add((f, RDF.type, ORG.Organization))
        g.add((f, SKOS.prefLabel, Literal(f"Viranomainen {funder}", lang="fi")))
        g.add((grant, RDF.type, SCHEMA.MonetaryGrant))
        g.add((grant, SCHEMA.funder, f))
        g.add((grant, SCHEMA.fundedItem, project))
    with tempfile.TemporaryDirectory() as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        store.add_graphs(graphs)
        quads = store.quads_count()
        with Clock() as reading:
            read_ties(store)
        with Clock() as clock:
            result = analyse(store)
        print(f"\n3. analyse on an embedded store: {quads:,} quads, {len(projects):,} projects, "
              f"{result.net.actors.number_of_nodes():,} actors, {result.net.actors.number_of_edges():,} ties")
        print(f"   analyse (read, all metrics with {result.backend}, write back {result.written:,} triples): "
              f"{clock}  (target ≤ {ANALYSE_TARGET_SECONDS:.0f} s)")
        print(f"   of which reading the store alone: {reading}")
        store.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--actors", type=int, default=10_000)
    ap.add_argument("--sample", type=int, default=100, help="networkx source sample (default 100)")
    ap.add_argument("--full-networkx", action="store_true", help="run networkx exactly (tens of minutes)")
    ap.add_argument("--no-store", action="store_true", help="skip the end-to-end analyse on a store")
    args = ap.parse_args(argv)

    projects, project_funder, funders = register(args.actors)
    g = projection(projects, project_funder, args.actors)
    degrees = sorted((d for _, d in g.degree()), reverse=True)
    in_projects = [0] * args.actors
    for members in projects:
        for m in members:
            in_projects[m] += 1
    share_1_2 = sum(1 for c in in_projects if c <= 2) / args.actors
    print(f"Synthetic register: {args.actors:,} implementers, {funders} funders, {len(projects):,} projects; "
          f"{share_1_2:.0%} of implementers in 1–2 projects, the busiest in {max(in_projects)}")
    print(f"Actor network: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} ties, "
          f"degree max {degrees[0]}, median {degrees[len(degrees) // 2]}, "
          f"{nx.number_connected_components(g)} components")

    ig_clock, _ = igraph_betweenness(g)
    nx_clock, nx_all, extrapolated = networkx_betweenness(g, None if args.full_networkx else args.sample)
    print("\n1. Exact betweenness")
    print(f"   igraph:   {ig_clock}  (target ≤ {TARGET_SECONDS:.0f} s)")
    how = (f"{nx_all:.0f} s CPU for all sources, extrapolated from {args.sample} of {g.number_of_nodes():,} "
           "sources" if extrapolated else "exact run")
    print(f"   networkx: {nx_clock}  ({how})")
    print(f"   igraph is {nx_all / ig_clock.cpu:.0f}× faster in CPU time (target ≥ {TARGET_RATIO:.0f}×)")
    small = 1500
    print(f"   largest difference of the two, both exact on a {small:,}-actor register: {agreement(small):.2e}")

    print("\n2. All metrics (actor_metrics)")
    with Clock() as clock:
        actor_metrics(g, backend="igraph")
    print(f"   igraph backend,   {g.number_of_nodes():,} actors: {clock}")
    projects_s, funder_s, _ = register(small, seed=11)
    g_small = projection(projects_s, funder_s, small)
    for backend in ("igraph", "networkx"):
        with Clock() as clock:
            actor_metrics(g_small, backend=backend)
        print(f"   {backend + ' backend,':17} {small:,} actors: {clock}")

    if not args.no_store:
        store_benchmark(projects, project_funder, funders, args.actors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
