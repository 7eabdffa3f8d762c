"""`build`: documents in, one named graph per document in the store, validated.

A build is atomic per document: each document's graph is replaced in one store transaction (graphs new to
the store: in one bulk load of several, all or none), so a file that fails leaves the store as it was; an unchanged file (same checksum, same id) is skipped, so rebuilding changes
nothing; a changed file replaces only its own graph.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from collections import Counter, deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator

from rdflib import Graph

from edukg.core.errors import EdukgError, InputError
from edukg.core.workers import exit_with_parent
from edukg.ingest.model import Document, Extraction
from edukg.ingest.extract.registry import drop_below
from edukg.ingest.pipeline import extract
from edukg.ingest.read import DEFAULT_MAX_DOCUMENT_BYTES, file_checksum, find_sources, read_document
from edukg.ingest.to_rdf import IRIs, _file_uri, to_rdf
from edukg.core.namespaces import DEFAULT_BASE, EDUKG
from edukg.sources import prune as prune_sources
from edukg.write import SourceWriter, ensure_ontology
from edukg.core.store import Store

log = logging.getLogger(__name__)
_FEW_CHANGES = 20  # graphs written or dropped: fewer need no compaction of the store
_BATCH_TRIPLES = 20_000  # new graphs held for one bulk load: ~80 documents, a few MB of rdflib graphs
# a smaller build writes each document in its own transaction, so a reader sees the store fill document by
# document; the bulk loader's saving (6 ms a document) matters only in large builds
_BATCH_MIN_DOCUMENTS = 50
# a build of fewer documents does not repay a fork server that loads all three languages for its workers
_PRELOAD_MIN_DOCUMENTS = 50


@dataclass
class BuildReport:
    store: str = ""
    built: list[str] = field(default_factory=list)  # document ids written (new or changed)
    unchanged: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)  # graphs dropped because their file is gone
    problems: list[str] = field(default_factory=list)  # one line each: file and problem
    warnings: list[str] = field(default_factory=list)  # built, but something was left out
    triples: int = 0
    graphs: int = 0
    organisations: Counter = field(default_factory=Counter)  # by type
    people: int = 0
    projects: int = 0
    coalitions: int = 0
    events: int = 0
    awards: int = 0
    validation: object | None = None  # edukg.validate.ValidationReport; None when not validated
    validation_skipped: bool = False  # nothing changed, so the store is as valid as it was

    @property
    def ok(self) -> bool:
        return not self.problems


def sample_corpus() -> list[Path]:
    """The sample texts shipped inside the package."""
    root = resources.files("edukg.data").joinpath("corpus")
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".txt", ".md", ".html")))


def build(paths: Iterable[str | Path] | None, store: Store, *, base: str = DEFAULT_BASE, validate: bool = True,
          progress: Callable[[int, int, str], None] | None = None, jobs: int = 1,
          validation_progress: Callable[[int, int], None] | None = None, prune: bool = False,
          min_confidence: float | None = None,
          max_document_bytes: int | None = DEFAULT_MAX_DOCUMENT_BYTES) -> BuildReport:
    """Ingest files and folders (default: the bundled sample corpus) into `store`; with `prune`, also drop the
    sources read before from below the given folders whose files no longer exist.

    `min_confidence` drops the facts whose rule is trusted less (ingest/extract/registry.py) before writing.
    The store does not record the threshold a graph was built with, so with it every file is extracted again,
    unchanged or not (`min_confidence=0` restores all facts of a store built with a threshold).

    A file larger than `max_document_bytes` (None: no limit) is reported as a problem and not read.

    `jobs` > 1 extracts documents in that many worker processes; the parent writes them in input order, so
    the store ends up the same as with one. Validation then checks what changed: the changed graphs and the
    nodes linked to them (the whole store when most of it changed), and nothing when nothing changed.
    """
    from edukg.validate import load_ontology_graph
    from edukg.validate_store import checks_everything, validate_store

    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise InputError(f"the minimum confidence must be from 0 to 1, not {min_confidence}")
    paths = list(paths or []) or sample_corpus()
    report = BuildReport()
    files, problems = find_sources(paths)
    report.problems.extend(problems)
    ensure_ontology(store, base)
    writer = SourceWriter(store, base, track_previous=validate)
    # the workers' fork server warms up (~3 s CPU) while this process checks and reads the files, when the
    # files new to the store alone make a build that large
    new = sum(writer.graph_iri(source.id) not in writer.checksums for source in files)
    workers = _worker_context(new, start=True) if jobs > 1 and new >= _PRELOAD_MIN_DOCUMENTS else None
    try:
        todo: list[tuple[Path, Document, str]] = []
        for source in files:
            path = source.path
            try:
                # the checksum first: an unchanged file (most of them, in a rebuild) is never decoded or parsed
                sha256 = file_checksum(path)
            except InputError as e:
                report.problems.append(str(e))
                continue
            graph_iri = writer.graph_iri(source.id)
            uri = _file_uri(str(path.resolve()))
            owner = writer.owner(graph_iri, uri)
            if owner is not None:
                report.problems.append(f"{path}: source id '{source.id}' is taken in the store by {owner.path}; "
                                       f"build the folder that holds both, or 'edukg remove {owner.path}' first")
                continue
            if writer.unchanged(graph_iri, uri, sha256) and min_confidence is None:
                report.unchanged.append(source.id)
                continue
            try:
                doc = read_document(path, source.id, max_bytes=max_document_bytes)
            except InputError as e:
                report.problems.append(str(e))
                continue
            todo.append((path, doc, graph_iri))
        # a build that changes much of the store validates all of it: what each write changed need not be followed
        whole = checks_everything(len(todo), len(set(writer.checksums) | {g for _, _, g in todo}))
        writer.track_previous = validate and not whole
        writer.batch = not writer.track_previous and len(todo) >= _BATCH_MIN_DOCUMENTS
        for n, (path, graph_iri, ex, error) in enumerate(_extracted(todo, jobs, workers), 1):
            if progress:
                progress(n, len(todo), str(path))
            if error is not None:
                report.problems.append(f"{path}: {error}")
                continue
            try:
                if min_confidence is not None:
                    drop_below(ex, min_confidence)
                writer.write(graph_iri, ex.document.id, _file_uri(ex.document.path), ex.organisations.values(),
                             lambda: to_rdf(ex, base))
            except EdukgError as e:
                report.problems.append(f"{path}: {e}")
                continue
            except Exception as e:  # one bad document must not stop the others; -v shows the traceback
                log.debug("extraction failed for %s", path, exc_info=True)
                report.problems.append(f"{path}: extraction failed ({type(e).__name__}: {e})")
                continue
            report.built.append(ex.document.id)
            report.warnings.extend(f"{path}: {w}" for w in dict.fromkeys(ex.warnings))
            # outside the document's try: a bulk load that fails is the store's failure, not this document's
            writer.flush(at_least=_BATCH_TRIPLES)
        writer.flush()
        if prune:
            report.pruned = prune_sources([p for p in paths if Path(p).is_dir()], store, base=base)
        if report.built or report.pruned:
            # network metrics describe the data they were computed from: stale once any source graph changes
            from edukg.graph.writeback import analytics_graph_iri
            store.drop_graph(analytics_graph_iri(base))
        _summarise(store, report, base)
        if validate and not report.built:
            report.validation_skipped = True
        elif validate:
            changed = [writer.graph_iri(d) for d in report.built]
            report.validation = validate_store(store, base=base, changed=None if whole else changed,
                                               previous_nodes=writer.previous,
                                               retyped=writer.retyped,
                                               ontology_graph=load_ontology_graph(base),
                                               progress=validation_progress)
        # the next command starts from written files instead of replaying this build's log; compacting them
        # costs a second at 1,500 documents and pays only after a bulk write
        store.optimize(compact=len(report.built) + len(report.pruned) > _FEW_CHANGES)
        return report
    finally:
        if workers is not None:
            workers[1]()  # a server started for this build ends with it, whatever happened


def extract_document(path: str | Path, base: str = DEFAULT_BASE) -> tuple[str, Graph]:
    """The map step of a build, for an engine that runs it over many machines (Dask, Ray): one file in, its
    named graph out (the graph's IRI and its triples), with no store. Documents that name one actor by the
    same canonical name meet on one node by its IRI; matching other names against actors already in a store
    is the step a build adds when it writes the graphs (`ActorIndex`)."""
    doc = read_document(path)
    return str(IRIs(base).source_graph(doc.id)), to_rdf(extract(doc), base)


def _extract_one(doc: Document) -> tuple[Extraction | None, str | None]:
    """Extraction of one document; a failure becomes its message (it crosses a process boundary)."""
    try:
        return extract(doc), None
    except EdukgError as e:
        return None, str(e)
    except Exception as e:  # one bad document must not stop the others; -v shows the traceback
        log.debug("extraction failed for %s", doc.path, exc_info=True)
        return None, f"extraction failed ({type(e).__name__}: {e})"


def _extracted(todo: list[tuple[Path, Document, str]], jobs: int,
               workers: tuple[multiprocessing.context.BaseContext, Callable[[], None]] | None = None
               ) -> Iterator[tuple[Path, str, Extraction | None, str | None]]:
    """(path, graph IRI, extraction, error) for each document, in input order, from `jobs` processes, started
    from `workers` (`_worker_context`) if given."""
    jobs = max(1, min(jobs, len(todo)))
    if jobs == 1:
        for path, doc, graph_iri in todo:
            yield (path, graph_iri, *_extract_one(doc))
        return
    # Workers are not forks of this process: it holds the store open, with RocksDB's threads. Each worker shows
    # progress as this process does. A bounded window of documents in flight keeps memory flat however long the
    # corpus is.
    announce = logging.getLogger("edukg.progress").getEffectiveLevel()
    context, stop_server = workers if workers is not None else _worker_context(len(todo))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                                 initializer=_worker_logging, initargs=(announce,)) as pool:
            window: deque = deque()
            items = iter(todo)
            for path, doc, graph_iri in items:
                window.append((path, graph_iri, pool.submit(_extract_one, doc)))
                if len(window) >= 4 * jobs:
                    break
            while window:
                path, graph_iri, future = window.popleft()
                nxt = next(items, None)
                if nxt is not None:
                    window.append((nxt[0], nxt[2], pool.submit(_extract_one, nxt[1])))
                yield (path, graph_iri, *future.result())
    finally:
        stop_server()  # the workers have ended: nothing holds the server any more


def _worker_context(documents: int, start: bool = False
                    ) -> tuple[multiprocessing.context.BaseContext, Callable[[], None]]:
    """How the workers start, and what ends their fork server afterwards.

    A fresh process spends ~2.7 s CPU before it extracts at speed (the dictionaries' block index, the given-name
    list, the lemma caches). For a large build the workers are forked from multiprocessing's fork server, which
    paid it once by importing `edukg.worker_preload`. The server is one per process and would otherwise stay
    until this process ends, holding that memory; a server this build started is stopped after it (so that its
    CPU and its workers' is also counted as this process's children's). A small build starts fresh processes,
    which load only the languages of its documents. With `start`, the fork server is started now (it warms up
    in the background) instead of when the first worker is asked for."""
    if documents < _PRELOAD_MIN_DOCUMENTS or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn"), lambda: None
    from multiprocessing import forkserver
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["edukg.worker_preload"])  # no effect if the server already runs
    server = getattr(forkserver, "_forkserver", None)
    # multiprocessing offers no public way to stop its server; without these internals it stays, as documented
    stop = server._stop if getattr(server, "_forkserver_pid", 0) is None and hasattr(server, "_stop") else lambda: None
    if start:
        forkserver.ensure_running()
    return context, stop


def warm_up() -> None:
    """Load what extraction loads on first use, by extracting the bundled sample texts (all three languages)."""
    for path in sample_corpus():
        try:
            extract(read_document(path))
        except Exception:  # a worker then loads it itself, as it would without the fork server
            log.debug("warming up on %s failed", path, exc_info=True)


def _worker_logging(announce: int) -> None:
    exit_with_parent()  # a build killed outright leaves no idle worker behind
    logging.basicConfig(level=logging.WARNING, format="edukg: %(message)s")
    logging.getLogger("edukg.progress").setLevel(announce)


def default_jobs() -> int:
    """Worker processes for a build: one per core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _summarise(store: Store, report: BuildReport, base: str) -> None:
    q = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?type (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?o a org:Organization ; org:classification ?c } ?c skos:notation ?type } GROUP BY ?type"""
    _, rows = store.select(q, union_default=True)
    report.organisations = Counter({str(r["type"]): int(r["n"]) for r in rows if r.get("type") is not None})
    counts = """PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX schema: <https://schema.org/>
PREFIX edukg: <%s>
SELECT (COUNT(DISTINCT ?p) AS ?people) (COUNT(DISTINCT ?pr) AS ?projects) (COUNT(DISTINCT ?c) AS ?coalitions)
       (COUNT(DISTINCT ?e) AS ?events) (COUNT(DISTINCT ?a) AS ?awards) WHERE {
  { GRAPH ?g1 { ?p a foaf:Person } } UNION { GRAPH ?g2 { ?pr a schema:Project } } UNION
  { GRAPH ?g3 { ?c a edukg:Coalition } } UNION { GRAPH ?g4 { ?e a schema:Event } } UNION { GRAPH ?g5 { ?a a edukg:Award } } }""" % EDUKG._NS
    _, rows = store.select(counts)
    if rows:
        r = rows[0]
        report.people, report.projects, report.coalitions = (int(r[k] or 0) for k in ("people", "projects", "coalitions"))
        report.events, report.awards = int(r["events"] or 0), int(r["awards"] or 0)
    graphs = [g for g in store.graphs() if g.startswith(f"{base}graph/source/")]
    report.graphs = len(graphs)
    # the documents' triples only: the ontology graph is not what the user built
    # counted per graph and summed here: a filter on the graph name would run once per quad (5× the time)
    _, rows = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    prefix = f"{base}graph/source/"
    report.triples = sum(int(r["n"]) for r in rows if str(r.get("g") or "").startswith(prefix) and r.get("n"))
