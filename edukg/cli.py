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
from edukg.errors import EdukgError, InputError, ValidationFailed
from edukg.namespaces import DEFAULT_BASE

log = logging.getLogger("edukg")


def _common() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    g = p.add_argument_group("store")
    g.add_argument("--store", metavar="DIR", default=os.environ.get("EDUKG_STORE", "edukg-store"),
                   help="embedded Oxigraph store directory (default: ./edukg-store)")
    g.add_argument("--endpoint", metavar="URL", help="use a remote SPARQL 1.1 endpoint instead of the embedded store")
    g.add_argument("--base", metavar="IRI", default=DEFAULT_BASE, help=f"base IRI of the data (default: {DEFAULT_BASE})")
    g.add_argument("-v", "--verbose", action="count", default=0, help="more detail; tracebacks on errors")
    g.add_argument("-q", "--quiet", action="store_true", help="only errors")
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
    b.add_argument("--jobs", "-j", type=_positive, metavar="N", default=None,
                   help="extract in N worker processes (default: one per core); the output is the same")
    b.set_defaults(func=cmd_build)

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

    e = sub.add_parser("evaluate", parents=[common], help="precision/recall/F1 against gold annotations",
                       description="Build PATHs into a temporary store and compare the contract queries with gold "
                                   "annotations (one .json per document).")
    e.add_argument("--gold", required=True, metavar="DIR", help="folder of gold .json annotations")
    e.add_argument("paths", nargs="+", metavar="PATH")
    e.add_argument("--json", metavar="FILE", help="also write the counts per document and category as JSON")
    e.set_defaults(func=cmd_evaluate)
    return ap


def _positive(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, not {text!r}")
    return n


def _open(args, create: bool = True):
    from edukg.store import open_store
    if args.endpoint:
        return open_store(endpoint=args.endpoint)
    return open_store(args.store, create=create)


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
                       jobs=args.jobs or default_jobs())
    for line in report.problems:
        print(f"edukg: {line}", file=sys.stderr)
    for line in report.warnings:
        print(f"edukg: warning: {line}", file=sys.stderr)
    where = args.endpoint or args.store
    _say(args, f"Built {len(report.built)} document{'s' if len(report.built) != 1 else ''} into {where}"
               f" ({len(report.unchanged)} unchanged, {len(report.problems)} failed)")
    _say(args, f"  {report.triples:,} triples in {report.graphs} source graph{'s' if report.graphs != 1 else ''}")
    total = sum(report.organisations.values())
    kinds = ", ".join(f"{n} {t}" for t, n in report.organisations.most_common())
    _say(args, f"  {total} organisations" + (f" ({kinds})" if kinds else ""))
    _say(args, f"  {report.people} people, {report.projects} projects, {report.coalitions} coalitions, "
               f"{report.events} events, {report.awards} awards")
    code = 2 if report.problems else 0
    if report.validation_skipped:
        _say(args, "  validation: nothing changed")
    if report.validation is not None:
        _say(args, f"  validation: {report.validation.summary()}")
        if not report.validation.conforms:
            print(report.validation.text(), file=sys.stderr)
            code = max(code, 1) if code != 2 else 2
    return code


def cmd_validate(args) -> int:
    from edukg.validate_store import validate_store
    with _open(args, create=False) as store:
        if not any(g.startswith(f"{args.base}graph/source/") for g in store.graphs()):
            raise InputError(f"{args.endpoint or args.store}: the store holds no documents; run 'edukg build' first")
        report = validate_store(store, base=args.base)
    print(report.turtle() if args.format == "turtle" else report.text())
    if not report.conforms:
        raise ValidationFailed(f"{args.endpoint or args.store}: the data does not conform to the shapes")
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
    with _open(args, create=False) as store:
        result = run_query(args.query, _params(args.param), store)
    sys.stdout.write(format_result(result, args.format))
    return 0


def cmd_evaluate(args) -> int:
    from edukg.evaluate import evaluate
    ev = evaluate(args.gold, args.paths)
    print(ev.text())
    if args.json:
        Path(args.json).write_text(ev.to_json(), encoding="utf-8")
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
