"""`publish`: the whole static site, a folder any web server can serve as it is."""
from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from edukg.core.errors import InputError
from edukg.core.namespaces import DEFAULT_BASE
from edukg.publish import describe
from edukg.publish.dumps import write_dumps, write_ontology
from edukg.publish.ontology_docs import write_ontology_docs
from edukg.publish.pages import RDF_VARIANTS, PageRenderer, Site, curie
from edukg.publish.void import Description, void_graph
from edukg.publish.workers import PageWriters
from edukg.core.store import Store


CC_BY_4 = "https://creativecommons.org/licenses/by/4.0/"
DEFAULT_TITLE = "edukg — education actors and their collaborations"
# the types a client can ask a resource IRI for, first match wins; anything else gets HTML
NEGOTIATED = [(media_type, ext) for ext, media_type, _ in RDF_VARIANTS]
_MARKER = "void.ttl"  # a folder holding it is an earlier site that publish may replace


@dataclass
class PublishReport:
    out: Path
    resources: int = 0
    triples: int = 0
    graphs: int = 0
    classes: dict[str, int] = field(default_factory=dict)
    files: int = 0
    ontology_generator: str = ""
    seconds: float = 0.0


def _prepare(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out}: not a folder")
    if out.is_dir() and any(out.iterdir()):
        if not (out / _MARKER).is_file():
            raise InputError(f"--out {out}: the folder is not empty and holds no earlier edukg site; "
                             "give a new or empty folder")
        shutil.rmtree(out / "id", ignore_errors=True)  # resources gone from the store must not linger
    out.mkdir(parents=True, exist_ok=True)


def class_counts(store: Store) -> dict[str, int]:
    _, rows = store.select("SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?class } } "
                           "GROUP BY ?class ORDER BY DESC(?n) ?class")
    return {str(r["class"]): int(r["n"]) for r in rows if r["class"] is not None}


def publish(store: Store, out: str | Path, *, base: str = DEFAULT_BASE, licence: str = CC_BY_4,
            title: str = DEFAULT_TITLE, sparql_endpoint: str | None = None,
            progress: Callable[[int], None] | None = None, workers: int | None = None) -> PublishReport:
    """Write the site for `store` into `out`: pages and RDF per resource, dumps, VoID/DCAT, ontology
    documentation, server configuration. `sparql_endpoint` defaults to `<base>sparql` (what `serve` offers).
    `workers` processes render and write the pages (default: one per core, at most 2; a site of one page of
    resources is written in this process)."""
    clock, started = time.perf_counter(), datetime.now(timezone.utc).replace(microsecond=0)
    out = Path(out)
    _prepare(out)
    site = Site(title=title, base=base, licence=licence, sparql=sparql_endpoint or f"{base}sparql")
    renderer = PageRenderer(site)
    report = PublishReport(out)
    graphs = store.graphs()
    report.graphs, report.triples = len(graphs), store.quads_count()
    report.classes = class_counts(store)

    examples: list[str] = []
    pages = list(describe.resource_iris(store, base, describe.PAGE_SIZE))
    if workers is None:
        workers = min(2, os.cpu_count() or 1)
    # the dumps are one stream through the store that needs no page: written by a thread of this process while
    # the worker processes write the pages, the core that would idle during the pages writes them
    with ThreadPoolExecutor(1, thread_name_prefix="edukg-dumps") as background, \
            PageWriters(store, site, out, workers if len(pages) > 1 else 1) as writers:
        dumping = background.submit(write_dumps, store, out)
        for iris in pages:
            writers.submit(iris)
            for iri in iris:
                if len(examples) < 3 and describe.split_iri(iri, base)[0] in ("organisation", "project", "person"):
                    examples.append(iri)
            report.resources += len(iris)
            if progress:
                progress(report.resources)
        page_files = writers.finish()
        dumps = dumping.result()
    write_ontology(out, base)
    report.ontology_generator = write_ontology_docs(out, renderer.ontology)

    sources = [g.replace(f"{base}graph/source/", f"{base}id/source/") for g in graphs
               if g.startswith(f"{base}graph/source/")]
    sizes = {d.path: (out / d.path).stat().st_size for d in dumps}
    description = Description(
        base=base, title=title, licence=licence, sparql_endpoint=site.sparql, triples=report.triples,
        entities=report.resources, classes=report.classes, graphs=graphs, sources=sources, dumps=dumps,
        dump_sizes=sizes, example_resources=examples, started=started,
        ended=datetime.now(timezone.utc).replace(microsecond=0))
    void = void_graph(description).serialize(format="turtle", encoding="utf-8")
    (out / "void.ttl").write_bytes(void)
    (out / ".well-known").mkdir(exist_ok=True)
    (out / ".well-known" / "void").write_bytes(void)

    from edukg.query import list_queries
    queries = [q for q in list_queries() if not q.params][:6]
    (out / "index.html").write_text(renderer.landing(
        triples=report.triples, graphs=report.graphs, published=started.date().isoformat(),
        classes=[{"iri": c, "name": curie(c), "count": n} for c, n in report.classes.items()],
        dumps=[{"path": d.path, "media_type": d.media_type, "compressed": d.compressed, "size": sizes[d.path]}
               for d in dumps],
        examples=[{"href": describe_href(iri, base), "label": iri[len(base):]} for iri in examples],
        queries=queries), encoding="utf-8")
    (out / "404.html").write_text(renderer.not_found("this page"), encoding="utf-8")
    root = "/" + base.split("://", 1)[-1].split("/", 1)[-1] if "://" in base else "/"
    env = renderer.env
    (out / ".htaccess").write_text(env.get_template("htaccess.conf").render(root=root, negotiated=NEGOTIATED),
                                   encoding="utf-8")
    (out / "nginx-edukg.conf").write_text(env.get_template("nginx.conf").render(root=root, negotiated=NEGOTIATED),
                                          encoding="utf-8")
    # the pages are counted as written: walking hundreds of thousands of them again takes seconds
    report.files = page_files + _files_beside_pages(out)
    report.seconds = time.perf_counter() - clock
    return report


def _files_beside_pages(out: Path) -> int:
    n = 0
    for folder, subfolders, files in os.walk(out):
        if Path(folder) == out:
            subfolders[:] = [d for d in subfolders if d != "id"]
        n += len(files)
    return n


def describe_href(iri: str, base: str) -> str:
    parts = describe.split_iri(iri, base)
    return f"id/{parts[0]}/{parts[1]}.html" if parts else iri
