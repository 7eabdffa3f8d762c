"""The `edukg` command: parses arguments, calls one library function per command, formats its output.

Exit codes: 0 success; 1 the data is invalid (SHACL violations); 2 a usage or input error (bad file, bad
option, unreachable endpoint). Errors are one line on stderr naming the file or option and the problem; a
traceback only with -v.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from edukg import __version__
from edukg.core.errors import EdukgError, InputError, ValidationFailed
from edukg.core.namespaces import DEFAULT_BASE

log = logging.getLogger("edukg")


def _common() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("store")
    g.add_argument("--store", metavar="DIR", default=os.environ.get("EDUKG_STORE", "edukg-store"),
                   help="embedded Oxigraph store directory (default: $EDUKG_STORE, else ./edukg-store)")
    g.add_argument("--endpoint", metavar="URL",
                   help="use a remote SPARQL 1.1 endpoint instead of the embedded store; credentials come from "
                        "EDUKG_ENDPOINT_USER and EDUKG_ENDPOINT_PASSWORD or ~/.netrc and are never printed")
    g.add_argument("--base", metavar="IRI", default=DEFAULT_BASE, help=f"base IRI of the data (default: {DEFAULT_BASE})")
    _add_verbosity(g)
    return p


def _add_verbosity(g) -> None:
    g.add_argument("-v", "--verbose", action="count", default=0, help="more detail; tracebacks on errors")
    g.add_argument("-q", "--quiet", action="store_true", help="only errors")


def _verbosity() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    _add_verbosity(p)
    return p


def parser() -> argparse.ArgumentParser:
    common = _common()
    ap = argparse.ArgumentParser(
        prog="edukg",
        description="A knowledge graph of education actors and their collaborations, built from texts.")
    ap.add_argument("--version", action="version", version=f"edukg {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", parents=[common], help="ingest documents into the store and validate",
                       description="Ingest .txt, .md and .html files or folders (default: the bundled sample "
                                   "corpus) into the store, one named graph per document, then validate.")
    b.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample corpus)")
    b.add_argument("--no-validate", action="store_true", help="skip SHACL validation after the build")
    b.add_argument("--prune", action="store_true",
                   help="also remove the sources read before from below the given folders whose files are gone")
    b.add_argument("--jobs", "-j", type=_positive, metavar="N", default=None,
                   help="extract in N worker processes (default: one per core); the output is the same")
    b.add_argument("--min-confidence", type=float, metavar="X", default=None,
                   help="drop the facts whose rule's confidence is below X (0 to 1); extracts every file again")
    b.add_argument("--max-document-mb", type=float, metavar="MB", default=10.0,
                   help="refuse files larger than this (default: 10; 0: no limit); extraction takes about "
                        "10 CPU seconds per MB")
    b.set_defaults(func=cmd_build)

    ir = sub.add_parser("import-register", parents=[common], help="import structured project registers (CSV)",
                        description="Import register CSV files (the Finnish structural-funds project lists, Erasmus+ "
                                    "project results, CORDIS projects: the formats in ingest/registers/formats/) "
                                    "into the store, one named graph per file, resolving the implementers into "
                                    "organisations. A bad row is named with its file and line and left out; the "
                                    "exit code is then 2.")
    ir.add_argument("paths", nargs="+", metavar="CSV", help="register files")
    ir.add_argument("--review", metavar="FILE", help="write the merges left for review to this CSV")
    ir.add_argument("--overrides", metavar="FILE", help="a CSV of your same / different / unit-of decisions")
    ir.set_defaults(func=cmd_import_register)

    r = sub.add_parser("remove", parents=[common], help="remove sources from the store",
                       description="Remove sources (their named graphs) from the store: a file path (also of a "
                                   "deleted file), a folder (every source read from below it), a source id as in "
                                   "the `source` column, or a source or graph IRI.")
    r.add_argument("sources", nargs="+", metavar="SOURCE")
    r.set_defaults(func=cmd_remove)

    v = sub.add_parser("validate", parents=[common], help="SHACL-validate the store")
    v.add_argument("--format", choices=("text", "turtle"), default="text",
                   help="text: a report for people (default); turtle: the standard SHACL validation report")
    v.set_defaults(func=cmd_validate)

    q = sub.add_parser("query", parents=[common], help="run a named query or a .rq file",
                       description="Run a named query (see --list) or your own SPARQL file on the store.")
    q.add_argument("query", nargs="?", metavar="NAME|FILE.rq")
    q.add_argument("--list", action="store_true", help="list the named queries")
    q.add_argument("--param", action="append", default=[], metavar="KEY=VALUE", help="a query parameter (repeatable)")
    q.add_argument("--format", choices=("table", "csv", "tsv", "json"), default="table")
    q.set_defaults(func=cmd_query)

    a = sub.add_parser("analyse", parents=[common], help="collaboration network metrics, written back into the store",
                       description="Compute centrality, brokerage, k-cores and communities of the collaboration "
                                   "network, print the top actors and write the results into the graph "
                                   "<base>graph/analytics (replacing the last run).")
    a.add_argument("--network", choices=("actors", "bipartite"), default="actors",
                   help="actors: organisations tied by shared collaborations (default); bipartite: organisations "
                        "and the collaborations they take part in")
    a.add_argument("--since", type=int, metavar="YEAR", help="only collaborations running in or after YEAR")
    a.add_argument("--until", type=int, metavar="YEAR", help="only collaborations running in or before YEAR")
    a.add_argument("--kind", action="append", metavar="KIND",
                   help="only these relations (repeatable): project, coalition, event, grant, award")
    a.add_argument("--programme", metavar="NAME|IRI", help="only collaborations funded under this programme")
    a.add_argument("--funder", metavar="NAME|IRI", help="only collaborations funded by this funder")
    a.add_argument("--type", action="append", metavar="TYPE", dest="org_types",
                   help="only organisations of this type (repeatable), e.g. university")
    a.add_argument("--top", type=int, default=10, metavar="N", help="rows to print (default 10)")
    a.add_argument("--out", metavar="FILE.csv", help="also write every actor's metrics as CSV")
    a.add_argument("--by-year", action="store_true", help="also show the change from year to year")
    a.add_argument("--backend", choices=("auto", "networkx", "igraph"), default="auto",
                   help="library that computes the metrics (auto: igraph for large networks)")
    a.set_defaults(func=cmd_analyse)

    e = sub.add_parser("evaluate", parents=[_verbosity()], help="precision/recall/F1 against gold annotations",
                       description="Build PATHs into a temporary store of its own (so it takes no --store or "
                                   "--endpoint) and compare the contract queries with gold annotations (one .json "
                                   "per document, each naming a document among PATHs).")
    e.add_argument("--gold", required=True, metavar="DIR", help="folder of gold .json annotations")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--json", metavar="FILE", help="also write the counts per document and category as JSON")
    e.set_defaults(func=cmd_evaluate)

    z = sub.add_parser("viz", parents=[common], help="the collaboration network as a self-contained page or figure",
                       description="Write the actor collaboration network as one HTML page that works offline "
                                   "(click a tie for the sentences behind it), or as an SVG/PNG figure.")
    z.add_argument("--out", metavar="FILE", help="output file (default: network.html, .svg or .png)")
    z.add_argument("--focus", metavar="NAME|IRI", help="draw only this actor and its neighbours")
    z.add_argument("--hops", type=int, default=1, metavar="N", help="neighbours within N ties of --focus (default 1)")
    z.add_argument("--limit", type=int, metavar="N", help="keep the N most central actors")
    z.add_argument("--since", type=int, metavar="YEAR", help="only collaborations active in or after YEAR")
    z.add_argument("--until", type=int, metavar="YEAR", help="only collaborations active in or before YEAR")
    z.add_argument("--format", choices=("html", "svg", "png"), default=None,
                   help="html (default, or from the --out suffix), svg or png")
    z.set_defaults(func=cmd_viz)

    pub = sub.add_parser("publish", parents=[common], help="write a static linked-data site",
                         description="Write a static linked-data site: a page and RDF files per resource, dumps, "
                                     "VoID/DCAT, ontology documentation, Apache and nginx configuration.")
    pub.add_argument("--out", required=True, metavar="DIR", help="the site folder (new, empty, or an earlier site)")
    pub.add_argument("--licence", "--license", metavar="URL", default=None,
                     help="licence of the data (default: CC BY 4.0)")
    pub.add_argument("--title", default=None, help="title of the dataset")
    pub.add_argument("--sparql-endpoint", metavar="URL", default=None,
                     help="the public SPARQL endpoint to advertise (default: <base>sparql, as `edukg serve` offers)")
    pub.add_argument("--workers", type=int, default=None, metavar="N",
                     help="processes that render and write the pages (default: one per core, at most 2)")
    pub.set_defaults(func=cmd_publish)

    srv = sub.add_parser("serve", parents=[common], help="HTTP server: /sparql and dereferenceable resources",
                         description="Serve the store read-only over HTTP: /sparql (SPARQL 1.1 Protocol), resource "
                                     "IRIs with content negotiation, /ontology, /void, a query page at /query.")
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    srv.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    srv.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    srv.add_argument("--timeout", type=float, default=30.0, metavar="S",
                     help="seconds a query may run; then its process is killed and the answer is 503 (default: 30)")
    srv.add_argument("--query-processes", type=int, default=2, metavar="N",
                     help="processes per worker that run /sparql's queries on the store, each stopped at the "
                          "timeout; a query waits for a free one within its timeout (default: 2)")
    srv.add_argument("--limit", type=int, default=10_000, metavar="N",
                     help="most solutions or triples one query returns (default: 10000)")
    srv.add_argument("--max-request-bytes", type=int, default=1_000_000, metavar="N",
                     help="largest query string or request body accepted; larger answers 413 (default: 1000000)")
    srv.add_argument("--site", metavar="DIR", help="also serve a folder written by `edukg publish`")
    srv.add_argument("--licence", "--license", metavar="URL", default=None, help="licence shown (default: CC BY 4.0)")
    srv.add_argument("--title", default=None, help="title of the dataset")
    srv.set_defaults(func=cmd_serve)

    psh = sub.add_parser("push", parents=[common], help="upload every named graph to a remote graph store",
                         description="PUT every named graph to a SPARQL 1.1 Graph Store (replacing each graph, so "
                                     "pushing twice changes nothing). Credentials: EDUKG_ENDPOINT_USER and EDUKG_ENDPOINT_PASSWORD, "
                                     "or ~/.netrc.")
    psh.add_argument("--graph-store", required=True, metavar="URL",
                     help="the Graph Store Protocol URL, e.g. http://localhost:7878/store (Oxigraph), "
                          "http://localhost:3030/ds/data (Fuseki), http://localhost:8890/sparql-graph-crud-auth (Virtuoso)")
    psh.add_argument("--timeout", type=float, default=300.0, metavar="S", help="seconds per request (default: 300)")
    psh.set_defaults(func=cmd_push)
    return ap


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return n


def _open(args, create: bool = True, read_only: bool = False):
    """The store of the command: reading commands open it read-only (no lock, nothing written, works during a
    build); `create=False` needs a store that exists."""
    from edukg.core.store import open_store
    if args.endpoint:
        return open_store(endpoint=args.endpoint)
    return open_store(args.store, create=create, read_only=read_only)


def _n(count: int, noun: str, plural: str | None = None) -> str:
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def _say(args, text: str = "") -> None:
    if not args.quiet:
        print(text)


def _progress(n: int, total: int, path: str) -> None:
    if total >= 20 and sys.stderr.isatty():
        end = "\n" if n == total else ""
        print(f"\r  {n}/{total} {Path(path).name[:50]:50}", end=end, file=sys.stderr, flush=True)


def cmd_build(args) -> int:
    from edukg.build import build, default_jobs
    with _open(args) as store:
        report = build(args.paths, store, base=args.base, validate=not args.no_validate, progress=_progress,
                       prune=args.prune, jobs=args.jobs or default_jobs(), min_confidence=args.min_confidence,
                       max_document_bytes=int(args.max_document_mb * 1e6) if args.max_document_mb > 0 else None)
        where = store.location  # for an endpoint: its URL without credentials
    for line in dict.fromkeys(report.problems):
        print(f"edukg: {line}", file=sys.stderr)
    for line in dict.fromkeys(report.warnings):  # two steps failing on one cause say the same thing once
        print(f"edukg: warning: {line}", file=sys.stderr)
    _say(args, f"Built {_n(len(report.built), 'document')} into {where}"
               f" ({len(report.unchanged)} unchanged, {len(report.problems)} failed"
               + (f", {len(report.pruned)} pruned)" if args.prune else ")"))
    _say(args, f"  {_n(report.triples, 'triple')} in {_n(report.graphs, 'source graph')}")
    total = sum(report.organisations.values())
    kinds = ", ".join(f"{n} {t}" for t, n in report.organisations.most_common())
    _say(args, f"  {_n(total, 'organisation')}" + (f" ({kinds})" if kinds else ""))
    _say(args, f"  {_n(report.people, 'person', 'people')}, {_n(report.projects, 'project')}, "
               f"{_n(report.coalitions, 'coalition')}, {_n(report.events, 'event')}, {_n(report.awards, 'award')}")
    code = 2 if report.problems else 0
    if report.validation_skipped:
        _say(args, "  validation: nothing changed")
    if report.validation is not None:
        _say(args, f"  validation: {report.validation.summary()}")
        if not report.validation.conforms:
            print(report.validation.text(), file=sys.stderr)
            code = max(code, 1) if code != 2 else 2
    return code


def cmd_import_register(args) -> int:
    from edukg.import_register import import_register
    with _open(args) as store:
        report = import_register(args.paths, store, base=args.base, review=args.review, overrides=args.overrides)
        where = store.location
    for line in report.problems:
        print(f"edukg: {line}", file=sys.stderr)
    for line in report.warnings:
        print(f"edukg: warning: {line}", file=sys.stderr)
    _say(args, f"Imported {_n(len(report.imported), 'register file')} into {where} "
               f"({len(report.unchanged)} unchanged, {len(report.failed)} failed)")
    if report.imported:
        bad = report.rows - report.projects
        _say(args, f"  {_n(report.rows, 'row')}: {_n(report.projects, 'project')}, {_n(bad, 'row')} left out")
        _say(args, f"  {_n(report.implementer_strings, 'implementer string')} → {_n(report.organisations, 'organisation')}"
                   f" ({_n(report.merges, 'merge')} made, {report.review:,} left for review); "
                   f"{_n(report.funders, 'funder')}")
        _say(args, f"  {_n(report.triples, 'triple')} written")
    return 2 if report.problems else 0


def cmd_validate(args) -> int:
    from edukg.validate_store import validate_store
    with _open(args, read_only=True) as store:
        if not any(g.startswith(f"{args.base}graph/source/") for g in store.graphs()):
            raise InputError(f"{store.location}: the store holds no documents; run 'edukg build' first")
        report = validate_store(store, base=args.base)
        where = store.location
    text = report.turtle() if args.format == "turtle" else report.text()
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if not report.conforms:
        raise ValidationFailed(f"{where}: the data does not conform to the shapes")
    return 0


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise InputError(f"--param {p}: expected KEY=VALUE")
        k, v = p.split("=", 1)
        out[k.strip()] = v
    return out


def cmd_query(args) -> int:
    from edukg.query import format_result, list_queries, run_query
    if args.list:
        queries = list_queries()
        width = max(len(q.name) for q in queries)
        for q in queries:
            params = "".join(f" --param {p}=…" for p in q.params)
            print(f"{q.name:{width}}  {q.title or q.description}{params}")
        return 0
    if not args.query:
        raise InputError("query: name a query or a .rq file (edukg query --list shows the names)")
    with _open(args, read_only=True) as store:
        result = run_query(args.query, _params(args.param), store)
    text = format_result(result, args.format)
    sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")  # a shell prompt starts on its own line
    return 0


def cmd_analyse(args) -> int:
    from edukg.graph import analyse
    from edukg.graph.report import ranking_text, timeline_text
    if args.top < 1:
        raise InputError(f"--top {args.top}: give a positive number of rows")
    if args.out:
        out = Path(args.out)
        if not out.parent.is_dir():
            raise InputError(f"--out {args.out}: folder {out.parent} does not exist")
    with _open(args, create=False) as store:
        result = analyse(store, network=args.network, since=args.since, until=args.until, kinds=args.kind,
                         programme=args.programme, funder=args.funder, org_types=args.org_types,
                         backend=args.backend, by_year=args.by_year, base=args.base)
    if args.out:
        try:
            result.write_csv(args.out)
        except OSError as e:
            raise InputError(f"--out {args.out}: cannot write it ({e.strerror or e})") from None
    _say(args, ranking_text(result, args.top).rstrip("\n"))
    if result.timeline is not None:
        _say(args)
        _say(args, timeline_text(result.timeline, args.top).rstrip("\n"))
    return 0


def cmd_remove(args) -> int:
    from edukg.sources import remove
    with _open(args, create=False) as store:
        report = remove(args.sources, store, base=args.base)
        where = store.location
    for line in report.problems:
        print(f"edukg: {line}", file=sys.stderr)
    _say(args, f"Removed {_n(len(report.removed), 'source')} from {where}")
    return 0 if report.ok else 2

def cmd_publish(args) -> int:
    from edukg.publish import CC_BY_4, DEFAULT_TITLE, publish

    def progress(n: int) -> None:
        if sys.stderr.isatty() and not args.quiet:
            print(f"\r  {n:,} resources", end="", file=sys.stderr, flush=True)
    with _open(args, create=False, read_only=True) as store:
        report = publish(store, args.out, base=args.base, licence=args.licence or CC_BY_4,
                         title=args.title or DEFAULT_TITLE, sparql_endpoint=args.sparql_endpoint, progress=progress,
                         workers=args.workers)
    if sys.stderr.isatty() and not args.quiet:
        print(file=sys.stderr)
    _say(args, f"Published {report.resources:,} resources ({report.triples:,} triples in {report.graphs} graphs) "
               f"to {report.out} in {report.seconds:.1f} s")
    _say(args, f"  {report.files:,} files: pages (HTML, Turtle, JSON-LD, N-Triples), dumps/edukg.trig, "
               f"dumps/edukg.nq.gz, void.ttl, ontology/ ({report.ontology_generator}), .htaccess, nginx-edukg.conf")
    return 0


def cmd_serve(args) -> int:
    from edukg.publish import CC_BY_4, DEFAULT_TITLE
    from edukg.serve import ServeConfig, serve
    if args.limit < 1 or args.timeout <= 0 or args.max_request_bytes < 1 or args.query_processes < 1:
        raise InputError("--limit, --timeout, --max-request-bytes and --query-processes must be positive")
    config = ServeConfig(store=None if args.endpoint else args.store, endpoint=args.endpoint, base=args.base,
                         timeout=args.timeout, query_processes=args.query_processes, limit=args.limit,
                         max_request_bytes=args.max_request_bytes,
                         site=args.site, title=args.title or DEFAULT_TITLE,
                         licence=args.licence or CC_BY_4)
    processes = "" if args.endpoint else \
        f" with {args.query_processes} query process{'es' if args.query_processes != 1 else ''}" \
        f"{' each' if args.workers != 1 else ''}"
    _say(args, f"Serving {args.endpoint or args.store} at http://{args.host}:{args.port}/ "
               f"(SPARQL: /sparql, query page: /query; {args.workers} worker{'s' if args.workers != 1 else ''}"
               f"{processes})")
    sys.stdout.flush()
    serve(config, host=args.host, port=args.port, workers=args.workers,
          log_level="info" if args.verbose else "warning")
    return 0


def cmd_push(args) -> int:
    from edukg.push import push
    with _open(args, create=False, read_only=True) as store:
        report = push(store, args.graph_store, timeout=args.timeout, progress=_progress)
    _say(args, f"Pushed {_n(report.graphs, 'graph')} ({report.triples:,} triples) "
               f"to {report.url}")
    return 0


def cmd_evaluate(args) -> int:
    from edukg.evaluate import evaluate
    ev = evaluate(args.gold, args.paths)
    print(ev.text())
    if args.json:
        Path(args.json).write_text(ev.to_json(), encoding="utf-8")
    return 0


def cmd_viz(args) -> int:
    from edukg.viz import render_network
    fmt = args.format
    if fmt is None:
        suffix = Path(args.out).suffix.lower().lstrip(".") if args.out else ""
        fmt = suffix if suffix in ("svg", "png") else "html"
    with _open(args, create=False, read_only=True) as store:
        report = render_network(store, args.out, focus=args.focus, hops=args.hops, limit=args.limit,
                                since=args.since, until=args.until, fmt=fmt, base=args.base)
    opens = " (opens on the communities; click one to see its actors)" if report.mode == "communities" else ""
    _say(args, f"Wrote {report.path}: {report.actors} actors, {report.ties} ties, "
               f"{report.collaborations} collaborations{opens}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = parser()
    args = ap.parse_args(argv)
    if not getattr(args, "command", None):
        ap.print_help()
        return 2
    level = logging.WARNING if not args.verbose else logging.DEBUG if args.verbose > 1 else logging.INFO
    logging.basicConfig(level=logging.ERROR if args.quiet else level, format="edukg: %(message)s")
    if not args.quiet:
        logging.getLogger("edukg.progress").setLevel(logging.INFO)  # steps of long documents and validations
    try:
        return args.func(args)
    except EdukgError as e:
        if args.verbose:
            log.exception("error")
        print(f"edukg: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("edukg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
