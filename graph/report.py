"""Text for people: the ranked table of `edukg analyse` and its year-by-year changes."""
from __future__ import annotations

from edukg.graph.analysis import AnalysisResult
from edukg.graph.timeline import Timeline, YearSlice

COLUMNS = (("degree", "degree", "{:d}"), ("weighted_degree", "weighted", "{:d}"),
           ("betweenness", "betweenness", "{:.4f}"), ("eigenvector", "eigenvector", "{:.4f}"),
           ("pagerank", "pagerank", "{:.4f}"), ("constraint", "constraint", "{:.3f}"),
           ("effective_size", "eff.size", "{:.2f}"), ("core", "core", "{:d}"), ("community", "community", "{:d}"))


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun if count == 1 else noun + 's'}"


def ranking_text(result: AnalysisResult, top: int = 10, name_width: int = 40) -> str:
    """The `top` actors by betweenness, one row each, under a summary line."""
    net, g = result.net, result.graph
    collaborations = len(net.collaborations())
    lines = [f"{result.network} network ({net.filters.describe()}): {_n(net.actors.number_of_nodes(), 'actor')}, "
             f"{_n(collaborations, 'collaboration')}, {_n(g.number_of_edges(), 'tie')}; "
             f"{_n(len(result.bridges), 'broker')}; "
             f"computed with {result.backend} in {result.seconds:.2f} s"]
    header = ["#", "name".ljust(name_width), "type".ljust(22)] + [title for _, title, _ in COLUMNS]
    rows = []
    for rank, actor in enumerate(result.ranked()[:top], 1):
        m = result.metrics[actor]
        name = result.label(actor)
        name = name if len(name) <= name_width else name[: name_width - 1] + "…"
        cells = [str(rank), name.ljust(name_width), net.bipartite.nodes[actor]["type"].ljust(22)]
        cells += ["–" if m[key] is None else fmt.format(m[key]) for key, _, fmt in COLUMNS]
        rows.append(cells)
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    right = set(range(3, len(header)))
    for r in [header] + rows:
        lines.append("  ".join(c.rjust(w) if i in right or i == 0 else c.ljust(w)
                               for i, (c, w) in enumerate(zip(r, widths))).rstrip())
    if result.bridges:
        lines.append("")
        lines.append("Brokers (communities they alone connect):")
        for actor in sorted(result.bridges, key=lambda a: -result.metrics[a]["betweenness"])[:top]:
            communities = ", ".join(str(c) for c in result.bridges[actor])
            lines.append(f"  {result.label(actor)}: communities {communities}")
    if result.written:
        lines.append("")
        lines.append(f"Wrote {result.written} triples to <{result.graph_iri}>")
    return "\n".join(lines) + "\n"


def timeline_text(timeline: Timeline, top: int = 5) -> str:
    """Per year: the size of the network and what changed since the year before."""
    if not timeline.slices:
        return "No dated collaboration: nothing to show year by year.\n"
    lines = ["Change over time (collaborations by their years; "
             f"{timeline.undated} undated collaboration{'s' if timeline.undated != 1 else ''} in no year):",
             f"{'year':>4}  {'actors':>6}  {'ties':>5}  {'gained':>6}  {'lost':>5}  {'communities':>11}"]
    for s in timeline.slices:
        lines.append(f"{s.year:>4}  {s.actors:>6}  {s.ties:>5}  {len(s.gained):>6}  {len(s.lost):>5}  "
                     f"{s.communities:>11}")
    for s in timeline.slices[1:]:
        events = _year_events(timeline, s, top)
        if events:
            lines.append("")
            lines.append(f"{s.year}:")
            lines.extend(f"  {e}" for e in events)
    return "\n".join(lines) + "\n"


def _year_events(timeline: Timeline, s: YearSlice, top: int) -> list[str]:
    label = timeline.label
    out = []
    for title, ties in (("gained", s.gained), ("lost", s.lost)):
        if ties:
            shown = "; ".join(f"{label(a)} – {label(b)}" for a, b in ties[:top])
            more = f" and {len(ties) - top} more" if len(ties) > top else ""
            out.append(f"ties {title}: {shown}{more}")
    for title, changes in (("brokerage rises", s.rising), ("brokerage falls", s.falling)):
        if changes:
            out.append(f"{title}: " + "; ".join(f"{label(a)} {b0:.3f} → {b1:.3f}" for a, b0, b1 in changes))
    for now, before in s.merged:
        out.append(f"communities {', '.join(map(str, before))} of {s.year - 1} merge into community {now} "
                   f"({_named(s, now)})")
    for before, now in s.split:
        out.append(f"community {before} of {s.year - 1} splits into communities {', '.join(map(str, now))}")
    return out


def _named(s: YearSlice, community: int) -> str:
    members = [a for a, m in s.metrics.items() if m["community"] == community]
    lead = max(members, key=lambda a: (s.metrics[a]["degree"], a))
    return f"{len(members)} actors, around {s.network.actors.nodes[lead]['label']}"
