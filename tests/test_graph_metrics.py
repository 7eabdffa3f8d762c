"""Actor metrics: networkx and igraph give the same values; the conventions users read them by hold."""
import math

import networkx as nx
import pytest

from edukg.core.errors import InputError
from edukg.graph import actor_metrics
from edukg.graph.metrics import resolve_backend


def weighted(graph: nx.Graph, seed: int = 1) -> nx.Graph:
    g = nx.relabel_nodes(graph, {n: f"https://example.org/org/{n:03d}" for n in graph})
    for i, (_, _, d) in enumerate(sorted(g.edges(data=True))):
        d["weight"] = 1 + (i * 7 + seed) % 3
    return g


def two_groups_and_a_broker() -> nx.Graph:
    g = nx.Graph()
    left, right = [f"L{i}" for i in range(5)], [f"R{i}" for i in range(5)]
    g.add_edges_from((a, b) for group in (left, right) for i, a in enumerate(group) for b in group[i + 1:])
    g.add_edges_from([("L0", "broker"), ("broker", "R0")])
    g.add_node("isolate")
    return g


GRAPHS = {
    "karate club": weighted(nx.karate_club_graph()),
    "two groups": two_groups_and_a_broker(),
    "random": weighted(nx.gnm_random_graph(60, 150, seed=3), seed=2),
    "star and path": nx.union(nx.star_graph(6), nx.relabel_nodes(nx.path_graph(4), lambda n: n + 10)),
}


@pytest.mark.parametrize("name", GRAPHS)
def test_both_backends_give_the_same_values(name):
    graph = GRAPHS[name]
    by_nx = actor_metrics(graph, backend="networkx")
    by_igraph = actor_metrics(graph, backend="igraph")
    assert by_nx.keys() == by_igraph.keys() == set(graph)
    for node in graph:
        a, b = by_nx[node], by_igraph[node]
        for metric in ("degree", "weighted_degree", "core"):
            assert a[metric] == b[metric], (node, metric)
        for metric in ("betweenness", "eigenvector", "pagerank", "constraint", "effective_size"):
            if a[metric] is None or b[metric] is None:
                assert a[metric] is b[metric] is None, (node, metric)
            else:
                assert math.isclose(a[metric], b[metric], rel_tol=1e-6, abs_tol=1e-9), (node, metric, a, b)


def partition(metrics: dict) -> set[frozenset]:
    groups: dict[int, set] = {}
    for node, values in metrics.items():
        groups.setdefault(values["community"], set()).add(node)
    return {frozenset(g) for g in groups.values()}


@pytest.mark.parametrize("name", GRAPHS)
def test_both_backends_find_communities_of_the_same_quality(name):
    # Louvain's two implementations visit nodes in different orders: on a graph without a clear structure they
    # may settle on different partitions of (nearly) the same modularity
    graph = GRAPHS[name]
    found = [partition(actor_metrics(graph, backend=b)) for b in ("networkx", "igraph")]
    quality = [nx.community.modularity(graph, p, weight="weight") for p in found]
    assert quality[0] == pytest.approx(quality[1], abs=0.03)


def test_both_backends_find_the_same_clear_communities():
    planted = nx.planted_partition_graph(4, 12, 0.8, 0.02, seed=5)
    graphs = [planted, two_groups_and_a_broker()]
    for graph in graphs:
        by_nx, by_igraph = (actor_metrics(graph, backend=b) for b in ("networkx", "igraph"))
        assert {n: v["community"] for n, v in by_nx.items()} == {n: v["community"] for n, v in by_igraph.items()}
    assert len(partition(actor_metrics(planted))) == 4


def test_the_broker_between_two_groups_scores_as_one():
    m = actor_metrics(two_groups_and_a_broker(), backend="networkx")
    top = max(m, key=lambda n: m[n]["betweenness"])
    assert top == "broker"
    # it lies on the one shortest path of each of the 5 x 5 pairs across, normalised for 12 actors
    assert m["broker"]["betweenness"] == pytest.approx(25 * 2 / (11 * 10))
    assert m["broker"]["constraint"] < m["L3"]["constraint"]
    assert m["broker"]["effective_size"] == pytest.approx(2.0)
    assert m["L1"]["community"] == m["L2"]["community"] != m["R1"]["community"]
    assert m["L1"]["core"] == 4 and m["broker"]["core"] == 2
    assert m["isolate"]["degree"] == 0 and m["isolate"]["constraint"] is None
    assert sum(v["pagerank"] for v in m.values()) == pytest.approx(1.0)


def test_communities_repeat_from_run_to_run():
    graph = GRAPHS["random"]
    first = [actor_metrics(graph, backend=b) for b in ("networkx", "igraph")]
    again = [actor_metrics(graph, backend=b) for b in ("networkx", "igraph")]
    for a, b in zip(first, again):
        assert {n: v["community"] for n, v in a.items()} == {n: v["community"] for n, v in b.items()}


def test_auto_picks_igraph_for_large_networks_only():
    assert resolve_backend(nx.path_graph(10)) == "networkx"
    assert resolve_backend(nx.path_graph(5000)) == "igraph"
    with pytest.raises(InputError, match="backend"):
        actor_metrics(nx.path_graph(3), backend="graphtool")


def test_an_empty_network_has_no_metrics():
    assert actor_metrics(nx.Graph()) == {}


def test_on_the_sample_corpus_savon_koulutuskuntayhtyma_is_the_top_broker(sample_store_copy):
    from edukg.graph import collaboration_network
    from edukg.core.store import OxigraphStore

    with OxigraphStore(sample_store_copy, create=False) as store:
        net = collaboration_network(store)
    for backend in ("networkx", "igraph"):
        metrics = actor_metrics(net.actors, backend=backend)
        ranked = sorted(metrics, key=lambda n: -metrics[n]["betweenness"])
        assert net.actors.nodes[ranked[0]]["label"] == "Savon koulutuskuntayhtymä"
        assert metrics[ranked[0]]["betweenness"] > metrics[ranked[1]]["betweenness"]


@pytest.mark.parametrize("name", GRAPHS)
def test_effective_size_is_networkx_s(name):
    graph = GRAPHS[name]
    # networkx's definition, node by node (its sparse-matrix shortcut for all nodes at once normalises by
    # row maxima differently in networkx 3.6 and disagrees with its own node-by-node values on weighted graphs)
    expected = nx.effective_size(graph, nodes=list(graph), weight="weight")
    got = actor_metrics(graph, backend="networkx")
    for node in graph:
        if graph.degree(node) == 0:
            assert got[node]["effective_size"] is None
        else:
            assert got[node]["effective_size"] == pytest.approx(expected[node], rel=1e-9)
