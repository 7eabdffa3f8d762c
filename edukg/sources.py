"""The sources a store holds, and taking them out: `remove` (named files, folders, ids or IRIs) and `prune`
(sources whose file is gone from a folder that is built again).

A source is one named graph `<base>graph/source/ID`; its `prov:Entity` records the file it was read from
(`dcterms:source`, a file: URI), which is how a path given by the user finds its graph.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from edukg.core.namespaces import DEFAULT_BASE
from edukg.core.store import Store


@dataclass(frozen=True)
class StoredSource:
    graph: str  # the named graph's IRI
    id: str  # the source id, the end of the graph IRI
    uri: str  # the file: URI it was read from ("" when the graph records none)

    @property
    def path(self) -> Path | None:
        if not self.uri.startswith("file:"):
            return None
        return Path(url2pathname(urlparse(self.uri).path))  # url2pathname undoes the %-escapes

    def exists(self) -> bool:
        path = self.path
        return path is not None and path.is_file()


@dataclass
class RemoveReport:
    removed: list[str] = field(default_factory=list)  # graph IRIs dropped
    problems: list[str] = field(default_factory=list)  # one line each: a target that matched nothing

    @property
    def ok(self) -> bool:
        return not self.problems


def stored_sources(store: Store, base: str = DEFAULT_BASE) -> dict[str, StoredSource]:
    """The source graphs in the store by graph IRI, with the file each was read from."""
    prefix = f"{base}graph/source/"
    _, rows = store.select("""PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?g ?file WHERE { GRAPH ?g { ?s a prov:Entity . OPTIONAL { ?s dcterms:source ?file } } }""")
    out: dict[str, StoredSource] = {}
    for r in rows:
        g = str(r["g"]) if r.get("g") is not None else ""
        if g.startswith(prefix) and (g not in out or not out[g].uri):
            out[g] = StoredSource(g, g[len(prefix):], str(r["file"]) if r.get("file") is not None else "")
    for g in store.graphs():  # a graph without its provenance node is still a source to remove
        if g.startswith(prefix) and g not in out:
            out[g] = StoredSource(g, g[len(prefix):], "")
    return out


def _under(path: Path | None, folder: Path) -> bool:
    return path is not None and (path == folder or folder in path.parents)


def _matches(target: str, sources: dict[str, StoredSource], base: str) -> list[StoredSource]:
    if target in sources:  # a graph IRI
        return [sources[target]]
    if target.startswith(f"{base}id/source/"):  # the source's own IRI
        sid = target[len(f"{base}id/source/"):]
        return [s for s in sources.values() if s.id == sid]
    path = Path(target).expanduser().resolve()
    by_path = [s for s in sources.values() if _under(s.path, path)]
    if by_path:
        return by_path
    return [s for s in sources.values() if s.id == target]  # a source id as printed in the `source` column


def remove(targets: list[str | Path], store: Store, *, base: str = DEFAULT_BASE) -> RemoveReport:
    """Drop the graphs of the named sources: a file path (existing or deleted), a folder (every source read
    from below it), a source id, a source IRI or its graph IRI. A target that matches nothing is a problem."""
    report = RemoveReport()
    sources = stored_sources(store, base)
    for target in map(str, targets):
        found = _matches(target, sources, base)
        if not found:
            report.problems.append(f"{target}: no source in the store matches it")
        for s in found:
            if s.graph not in report.removed:
                store.drop_graph(s.graph)
                report.removed.append(s.graph)
    if report.removed:
        _drop_analytics(store, base)
    return report


def prune(folders: list[str | Path], store: Store, *, base: str = DEFAULT_BASE) -> list[str]:
    """Drop the sources read from below these folders whose file no longer exists; return their graph IRIs.

    Only folders that exist count: a folder that is missing (a typo, an unmounted disk) prunes nothing.
    """
    roots = [Path(f).resolve() for f in folders if Path(f).is_dir()]
    if not roots:
        return []
    dropped = []
    for s in stored_sources(store, base).values():
        path = s.path
        if path is not None and any(_under(path, r) for r in roots) and not s.exists():
            store.drop_graph(s.graph)
            dropped.append(s.graph)
    return dropped


def _drop_analytics(store: Store, base: str) -> None:
    # network metrics describe the sources they were computed from: stale once one of them is gone
    from edukg.graph.writeback import analytics_graph_iri
    store.drop_graph(analytics_graph_iri(base))

