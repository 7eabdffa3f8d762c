"""`render_network(store, ...)`: the library function behind `edukg viz`.

Reads the collaboration network through edukg.graph (so only through the Store interface: `--endpoint` works),
checks that there is something to draw, and writes the page or figure to a temporary file renamed into place,
so a failed run never leaves an empty or half-written page where the user expects one.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edukg.core.errors import InputError, NothingFound
from edukg.core.namespaces import DEFAULT_BASE
from edukg.core.store import Store
from edukg.viz.page_data import LARGE_NETWORK, Selection, page_data

FORMATS = ("html", "svg", "png")


@dataclass(frozen=True)
class VizReport:
    """What was written."""

    path: Path
    format: str
    actors: int
    ties: int
    collaborations: int
    mode: str  # "actors", or "communities" when the page opens on communities


def render_network(store: Store, out: str | Path | None = None, *, focus: str | None = None, hops: int = 1,
                   limit: int | None = None, since: int | None = None, until: int | None = None,
                   fmt: str = "html", large: int = LARGE_NETWORK, base: str = DEFAULT_BASE) -> VizReport:
    """Write the collaboration network of `store` as a self-contained HTML page (or an SVG/PNG figure)."""
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt}: expected one of {', '.join(FORMATS)}")
    if hops < 0:
        raise InputError(f"--hops {hops}: expected 0 or more")
    if limit is not None and limit < 1:
        raise InputError(f"--limit {limit}: expected 1 or more")
    if since is not None and until is not None and since > until:
        raise InputError(f"--since {since} is after --until {until}")
    path = Path(out) if out else Path(f"network.{fmt}")
    if path.is_dir():
        raise InputError(f"--out {path}: is a folder; name a file")

    from edukg.graph import actor_metrics, collaboration_network
    if not _has_sources(store, base):
        raise InputError(f"{store.location}: the store holds no documents; run 'edukg build' first")
    net = collaboration_network(store, since=since, until=until)
    _check_network(store, net, since, until)
    metrics = actor_metrics(net.actors)
    sel = Selection(focus=focus, hops=hops, limit=limit)
    filters = {k: v for k, v in {"since": since, "until": until, "focus": focus, "hops": hops if focus else None,
                                 "limit": limit}.items() if v is not None}
    data = page_data(net, metrics, sel, title=_title(net, sel, since, until), large=large, filters=filters)
    if not data["ties"]:
        who = f" around {focus!r} within {hops} hop{'s' if hops != 1 else ''}" if focus else ""
        raise NothingFound(f"no ties to draw{who}: the selected actors share no collaboration")
    _write(path, data, fmt)
    return VizReport(path, fmt, len(data["actors"]), len(data["ties"]), len(data["collaborations"]), data["mode"])


def _has_sources(store: Store, base: str) -> bool:
    return any(g.startswith(f"{base}graph/source/") for g in store.graphs())


def _check_network(store: Store, net: Any, since: int | None, until: int | None) -> None:
    if net.actors.number_of_nodes() and net.actors.number_of_edges():
        return
    if since is not None or until is not None:
        from edukg.graph import collaboration_network
        whole = collaboration_network(store)
        years = sorted({y for _, d in whole.bipartite.nodes(data=True) for y in d.get("years") or []})
        span = f" (the collaborations are dated {years[0]}–{years[-1]})" if years else " (no collaboration is dated)"
        window = f"{since if since is not None else '…'}–{until if until is not None else '…'}"
        raise NothingFound(f"no collaboration between actors in the years {window}{span}")
    if not net.actors.number_of_nodes():
        raise NothingFound("the store holds no collaborations (projects, coalitions, events, grants, awards)")
    raise NothingFound(f"the network has {net.actors.number_of_nodes()} actors but no ties: "
                       "no collaboration has two participants")


def _title(net: Any, sel: Selection, since: int | None, until: int | None) -> str:
    title = "Collaboration network"
    if sel.focus:
        from edukg.viz.page_data import resolve_focus
        iri = resolve_focus(net.actors, sel.focus)
        title += f" around {net.actors.nodes[iri].get('label') or iri}"
    if since is not None or until is not None:
        title += f", {since if since is not None else ''}–{until if until is not None else ''}"
    return title


def _write(path: Path, data: dict[str, Any], fmt: str) -> None:
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"--out {path}: folder {parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=parent)
    os.close(fd)
    try:
        if fmt == "html":
            from edukg.viz.html_page import network_html
            summary = f"{len(data['actors'])} actors, {len(data['ties'])} ties (the page needs JavaScript)"
            Path(tmp).write_text(network_html(data, summary), encoding="utf-8")
        else:
            from edukg.viz.static_figure import write_figure
            write_figure(data, Path(tmp), fmt)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
