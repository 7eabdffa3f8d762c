"""Change over time: the actor network year by year, from the dates of projects, grants, coalitions, events and
award conferrals.

A year's slice holds the collaborations running in that year (start to end inclusive; an event or conferral in
its year); undated collaborations are in no slice. Between consecutive slices we report the ties gained and
lost, the actors whose betweenness rose or fell most, and the communities that merged (actors of two earlier
communities now in one) or split (actors of one earlier community now in two or more), judged on the actors
present in both years.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from edukg.graph.metrics import actor_metrics
from edukg.graph.network import CollaborationNetwork, NetworkFilters, network_from_ties
from edukg.graph.ties import TieData


@dataclass
class YearSlice:
    year: int
    network: CollaborationNetwork
    metrics: dict[str, dict]
    gained: list[tuple[str, str]] = field(default_factory=list)   # ties new this year (sorted actor pairs)
    lost: list[tuple[str, str]] = field(default_factory=list)     # ties of last year that are gone
    rising: list[tuple[str, float, float]] = field(default_factory=list)   # (actor, betweenness before, now)
    falling: list[tuple[str, float, float]] = field(default_factory=list)
    merged: list[tuple[int, list[int]]] = field(default_factory=list)      # (community now, communities before)
    split: list[tuple[int, list[int]]] = field(default_factory=list)       # (community before, communities now)

    @property
    def ties(self) -> int:
        return self.network.actors.number_of_edges()

    @property
    def actors(self) -> int:
        return self.network.actors.number_of_nodes()

    @property
    def communities(self) -> int:
        return len({m["community"] for a, m in self.metrics.items() if self.network.actors.degree(a)})


@dataclass
class Timeline:
    slices: list[YearSlice]
    undated: int  # collaborations with no date, in no slice

    def label(self, actor: str) -> str:
        for s in self.slices:
            if actor in s.network.actors:
                return s.network.actors.nodes[actor]["label"]
        return actor


def years_of(data: TieData, filters: NetworkFilters) -> list[int]:
    """The years that dated collaborations with ties cover, within the filters' window."""
    tied = {t.collaboration for t in data.ties}
    years = {y for c in tied for y in data.collaborations[c].years
             if (filters.since is None or y >= filters.since) and (filters.until is None or y <= filters.until)}
    return sorted(years)


def timeline(data: TieData, filters: NetworkFilters | None = None, *, backend: str = "auto",
             top: int = 5) -> Timeline:
    """One slice per year from the first dated collaboration to the last, and what changed between them."""
    filters = filters or NetworkFilters()
    years = years_of(data, filters)
    slices: list[YearSlice] = []
    for year in range(years[0], years[-1] + 1) if years else ():
        window = NetworkFilters(since=year, until=year, kinds=filters.kinds, programme=filters.programme,
                                funder=filters.funder, org_types=filters.org_types)
        net = network_from_ties(data, window)
        current = YearSlice(year, net, actor_metrics(net.actors, backend=backend))
        if slices:
            _compare(slices[-1], current, top)
        else:
            current.gained = sorted(tuple(sorted(e)) for e in net.actors.edges())
        slices.append(current)
    tied = {t.collaboration for t in data.ties}
    undated = sum(1 for c in tied if not data.collaborations[c].years)
    return Timeline(slices, undated)


def _compare(before: YearSlice, now: YearSlice, top: int) -> None:
    old = {tuple(sorted(e)) for e in before.network.actors.edges()}
    new = {tuple(sorted(e)) for e in now.network.actors.edges()}
    now.gained, now.lost = sorted(new - old), sorted(old - new)
    actors = set(before.metrics) | set(now.metrics)
    change = []
    for a in actors:
        b0 = before.metrics.get(a, {}).get("betweenness", 0.0)
        b1 = now.metrics.get(a, {}).get("betweenness", 0.0)
        if abs(b1 - b0) > 1e-12:
            change.append((a, b0, b1))
    change.sort(key=lambda c: (-(c[2] - c[1]), c[0]))
    now.rising = [c for c in change if c[2] > c[1]][:top]
    now.falling = sorted((c for c in change if c[2] < c[1]), key=lambda c: (c[2] - c[1], c[0]))[:top]
    # only actors with ties in both years say anything about how groups changed
    common = [a for a in set(before.metrics) & set(now.metrics)
              if before.network.actors.degree(a) and now.network.actors.degree(a)]
    old_of = {a: before.metrics[a]["community"] for a in common}
    new_of = {a: now.metrics[a]["community"] for a in common}
    for community in sorted(set(new_of.values())):
        sources = sorted({old_of[a] for a in common if new_of[a] == community})
        if len(sources) > 1:
            now.merged.append((community, sources))
    for community in sorted(set(old_of.values())):
        targets = sorted({new_of[a] for a in common if old_of[a] == community})
        if len(targets) > 1:
            now.split.append((community, targets))
