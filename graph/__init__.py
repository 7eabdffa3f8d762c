"""Network analytics: the store as networkx graphs, metrics per actor, change over time, write-back as RDF.

    from edukg.core.store import open_store
    from edukg.graph import collaboration_network, actor_metrics

    net = collaboration_network(open_store("edukg-store", create=False))
    metrics = actor_metrics(net.actors)
"""
from edukg.graph.network import CollaborationNetwork, NetworkFilters, collaboration_network, network_from_ties
from edukg.graph.analysis import AnalysisResult, analyse
from edukg.graph.metrics import METRICS, actor_metrics
from edukg.graph.timeline import Timeline, timeline
from edukg.graph.ties import COLLABORATION_KINDS, read_ties

__all__ = ["CollaborationNetwork", "NetworkFilters", "collaboration_network", "network_from_ties", "read_ties",
           "COLLABORATION_KINDS", "actor_metrics", "METRICS",
           "analyse", "AnalysisResult", "timeline", "Timeline"]
