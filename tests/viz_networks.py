"""Small hand-made collaboration networks in the shape of edukg.graph's contract, for the viz tests.

They let the page be tested on exact, known ties and hostile names without building a corpus.
"""
from __future__ import annotations

import itertools
import random
from dataclasses import dataclass, field

import networkx as nx

ORG = "https://w3id.org/edukg/id/organisation/"
PROJECT = "https://w3id.org/edukg/id/project/"
SOURCE = "https://w3id.org/edukg/graph/source/"


@dataclass
class HandNetwork:
    bipartite: nx.Graph = field(default_factory=nx.Graph)
    actors: nx.Graph = field(default_factory=nx.Graph)

    def collaboration(self, iri: str) -> dict:
        return dict(self.bipartite.nodes[iri])


def network(actors: dict[str, tuple[str, dict[str, str]]],
            collaborations: dict[str, tuple[str, int | None, int | None, dict[str, tuple[str, str, str]]]]
            ) -> HandNetwork:
    """actors: slug -> (type, labels by language); collaborations: slug -> (kind, start, end,
    {actor slug: (role, quote, document)})."""
    net = HandNetwork()
    for slug, (kind, labels) in actors.items():
        attrs = dict(node_kind="actor", label=labels.get("fi") or next(iter(labels.values())), labels=labels,
                     type=kind)
        net.bipartite.add_node(ORG + slug, **attrs)
        net.actors.add_node(ORG + slug, **attrs)
    for slug, (kind, start, end, parts) in collaborations.items():
        c = PROJECT + slug
        years = list(range(start, (end or start) + 1)) if start else []
        net.bipartite.add_node(c, node_kind=kind, label=slug.replace("-", " ").title(), start=start, end=end,
                               years=years)
        for a, (role, quote, doc) in parts.items():
            net.bipartite.add_edge(ORG + a, c, role=role, evidence=[
                {"quote": quote, "document": doc, "source": SOURCE + doc.split(".")[0]}])
        for a, b in itertools.combinations(sorted(parts), 2):
            u, v = ORG + a, ORG + b
            d = net.actors.get_edge_data(u, v) or {"weight": 0, "via": [], "years": []}
            net.actors.add_edge(u, v, weight=d["weight"] + 1, via=sorted(d["via"] + [c]),
                                years=sorted(set(d["years"]) | set(years)))
    return net


def metrics(graph: nx.Graph) -> dict[str, dict]:
    """The metrics of the contract that the page shows, computed plainly with networkx."""
    bc = nx.betweenness_centrality(graph)
    communities = nx.community.louvain_communities(graph, seed=1) if graph.number_of_edges() else [set(graph)]
    community = {a: i for i, members in enumerate(communities) for a in members}
    return {a: {"degree": graph.degree(a), "weighted_degree": graph.degree(a, weight="weight"),
                "betweenness": bc[a], "community": community.get(a, 0)} for a in graph}


def schools() -> HandNetwork:
    """Five actors, three projects: a broker (the consortium) links two projects; one tie is lost in 2021."""
    return network(
        {"consortium": ("vocational_institution", {"fi": "Testin koulutuskuntayhtymä", "sv": "Test samkommun",
                                                   "en": "Test Education Consortium"}),
         "university": ("university", {"fi": "Testin yliopisto", "en": "University of Test"}),
         "city": ("municipality", {"fi": "Testilän kaupunki", "sv": "Teststad"}),
         "agency": ("agency", {"fi": "Testivirasto"}),
         "ngo": ("ngo", {"fi": "Testiyhdistys ry"})},
        {"bridge-project": ("project", 2019, 2020, {
            "consortium": ("coordinator", "Testin koulutuskuntayhtymä koordinoi Bridge-hanketta.", "alpha.txt"),
            "university": ("partner", "Kumppanina on Testin yliopisto.", "alpha.txt")}),
         "city-project": ("project", 2020, 2022, {
            "consortium": ("partner", "Hankkeessa ovat mukana koulutuskuntayhtymä ja kaupunki.", "beta.txt"),
            "city": ("coordinator", "Hankkeessa ovat mukana koulutuskuntayhtymä ja kaupunki.", "beta.txt"),
            "agency": ("funder", "Testivirasto rahoittaa hanketta.", "beta.txt")}),
         "ngo-network": ("coalition", 2021, 2022, {
            "city": ("member", "Verkostoon kuuluvat kaupunki ja yhdistys.", "gamma.txt"),
            "ngo": ("member", "Verkostoon kuuluvat kaupunki ja yhdistys.", "gamma.txt")})})


def synthetic(n: int, *, seed: int = 1) -> HandNetwork:
    """n actors in projects of 2–6 partners with a skewed number of projects per actor, dated 2014–2023."""
    rng = random.Random(seed)
    types = ["ministry", "agency", "municipality", "school", "vocational_institution", "university", "ngo",
             "company", "other"]
    actors = {f"actor-{i}": (rng.choice(types), {"fi": f"Toimija {i}", "en": f"Actor {i}"}) for i in range(n)}
    weights = [1.0 / (i + 1) ** 0.8 for i in range(n)]  # a few actors are in many projects, most in one or two
    names = list(actors)
    collaborations = {}
    for p in range(int(n * 0.7)):
        size = rng.randint(2, 6)
        members = set(rng.choices(names, weights=weights, k=size))
        start = rng.randint(2014, 2022)
        parts = {m: ("partner" if i else "coordinator", f"Hanke {p} yhdistää toimijoita.", f"doc-{p % 50}.txt")
                 for i, m in enumerate(sorted(members))}
        collaborations[f"project-{p}"] = ("project", start, start + rng.randint(0, 2), parts)
    return network(actors, collaborations)
