"""The network as a static figure (SVG or PNG) for reports and slides: the same selection, colours and sizes
as the page, drawn with matplotlib's Agg backend so that no display is needed.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Any

FORMATS = ("svg", "png")
LABELLED = 12  # the most central actors get a name on the figure; more would cover the drawing


def write_figure(data: dict[str, Any], out: Path, fmt: str) -> None:
    """Draw `data` (from `page_data`) into `out` as `fmt` ("svg" or "png")."""
    import matplotlib
    matplotlib.use("Agg", force=True)
    from matplotlib import pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    actors = {a["id"]: a for a in data["actors"]}
    colours = {t["code"]: t["colour"] for t in data["types"]}
    n = len(actors)
    side = min(16.0, 6.0 + math.sqrt(n) / 2)
    fig, ax = plt.subplots(figsize=(side + 3, side))
    try:
        # the page's y grows downwards (canvas), the figure's upwards
        segments = [[(actors[t["from"]]["x"], -actors[t["from"]]["y"]), (actors[t["to"]]["x"], -actors[t["to"]]["y"])]
                    for t in data["ties"]]
        widths = [0.4 + 0.8 * math.log2(t["weight"]) for t in data["ties"]]
        ax.add_collection(LineCollection(segments, linewidths=widths, colors="#a0a6ad", alpha=0.6, zorder=1))
        xs = [a["x"] for a in actors.values()]
        ys = [-a["y"] for a in actors.values()]
        scale = 300.0 / max(8.0, math.sqrt(n))  # marker areas shrink as the drawing fills up
        ax.scatter(xs, ys, s=[scale * (a["size"] / 8.0) ** 2 / 4 for a in actors.values()],
                   c=[colours.get(a["type"], "#9aa0a6") for a in actors.values()],
                   edgecolors="#3c4043", linewidths=0.5, zorder=2)
        for a in data["actors"][:LABELLED]:  # actors arrive ranked by centrality
            ax.annotate(a["label"], (a["x"], -a["y"]), fontsize=8, ha="center", va="bottom",
                        xytext=(0, 6), textcoords="offset points", zorder=3)
        handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=t["colour"],
                          markeredgecolor="#3c4043", label=f"{t['code'].replace('_', ' ')} ({t['count']})")
                   for t in data["types"]]
        ax.legend(handles=handles, title="organisation type", loc="upper left", bbox_to_anchor=(1.0, 1.0),
                  frameon=False, fontsize=8, title_fontsize=9)
        ax.set_title(f"{data.get('title') or 'Collaboration network'} — {n} actors, {len(data['ties'])} ties; "
                     "size: betweenness, width: shared collaborations", fontsize=10)
        ax.set_aspect("equal")
        ax.autoscale_view()
        ax.axis("off")
        fig.tight_layout()
        fig.savefig(out, format=fmt, dpi=150 if fmt == "png" else None, metadata=_metadata(fmt))
    finally:
        plt.close(fig)


def _metadata(fmt: str) -> dict[str, Any]:
    # no creation date in the SVG, so that the same data gives the same file
    return {"Date": None} if fmt == "svg" else {}
