"""The collaboration network as views for people: a self-contained interactive page and static figures.

`render_network(store, out, ...)` is the library function behind `edukg viz`; `page_data(net, metrics, ...)`
turns an `edukg.graph.CollaborationNetwork` into the page's data, for a notebook that builds its own network.
"""
from edukg.viz.page_data import LARGE_NETWORK, Selection, page_data, resolve_focus
from edukg.viz.render import FORMATS, VizReport, render_network

__all__ = ["render_network", "VizReport", "page_data", "Selection", "resolve_focus", "LARGE_NETWORK", "FORMATS"]
