"""Does `edukg serve` hold up under sustained concurrent load without a single error?

The sample corpus is built into a temporary store; `edukg serve --workers 2` is started on 127.0.0.1 and
`--clients` threads (default 50; one keep-alive connection each) send requests for `--seconds` (default 30):
in turn a one-hop join for a different organisation, each named query that takes no parameter (those with rows
on this store), and the Turtle document of an organisation. An error is a failed connection or read, a status other than 200, or an answer
without rows. As the baseline, the Oxigraph server (`oxigraph serve-read-only --union-default-graph`) on the
same store gets the same SPARQL requests (it has no resource documents) from the same clients, in the same run.

Prints requests/s, p50/p99 latency and the error count; asserts nothing. Every loop ends at its deadline and
every socket has a timeout; nothing listens anywhere but 127.0.0.1.

    .venv/bin/python benchmarks/serve_soak.py [--seconds 30] [--clients 50] [--no-baseline]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

import pyoxigraph as ox  # the benchmark picks its organisations straight from the store; edukg reads through Store

from serve_load import BIN, ONE_HOP, free_port, load, organisations, start, stop  # same folder

from edukg.query import list_queries


def build_sample(store: Path) -> None:
    subprocess.run([str(BIN / "edukg"), "build", "--store", str(store), "-q", "--no-validate"], check=True,
                   timeout=900)


def documents(store: Path, limit: int = 100) -> list[str]:
    s = ox.Store.read_only(str(store))
    iris = [r["r"].value for r in s.query(
        "SELECT DISTINCT ?r WHERE { GRAPH ?g { ?r a <http://www.w3.org/ns/org#Organization> } } LIMIT %d" % limit)]
    del s
    return [urllib.parse.urlsplit(i).path.removeprefix("/edukg") + ".ttl" for i in iris]


def answered(path: str, status: int, body: bytes) -> bool:
    if status != 200:
        return False
    if path.endswith(".ttl"):
        return b"prefLabel" in body
    data = json.loads(body)
    return bool(data["results"]["bindings"]) if "results" in data else "boolean" in data


def named_with_rows(store: Path) -> list[str]:
    """The named queries without parameters that have rows on this store (so an empty answer is an error)."""
    s = ox.Store.read_only(str(store))
    texts = [q.text for q in list_queries() if not q.params
             and list(s.query(q.text, use_default_graph_as_union=True))]
    del s
    return texts


def request_mix(prefix: str, orgs: list[str], named: list[str], docs: list[str]) -> list[str]:
    """One-hop joins, the named queries and (if `docs`) resource documents, interleaved."""
    named = [prefix + urllib.parse.quote(text) for text in named]
    joins = [prefix + urllib.parse.quote(ONE_HOP % o) for o in orgs]
    mix: list[str] = []
    for k in range(max(len(joins), len(named), len(docs))):
        mix.append(joins[k % len(joins)])
        mix.append(named[k % len(named)])
        if docs:
            mix.append(docs[k % len(docs)])
    return mix


def print_row(name: str, r: dict[str, float]) -> None:
    print(f"{name:46} {r['per_s']:10,.0f} {r['p50']:8.1f} {r['p99']:8.1f} {int(r['requests']):9,} {int(r['wrong']):7}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=30.0, help="length of each measured run (default: 30)")
    ap.add_argument("--clients", type=int, default=50, help="concurrent clients (default: 50)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the Oxigraph server run")
    args = ap.parse_args()
    accept = {"Accept": "application/sparql-results+json"}
    with tempfile.TemporaryDirectory(prefix="edukg-soak-") as tmp:
        store = Path(tmp) / "store"
        build_sample(store)
        orgs, named, docs = organisations(store), named_with_rows(store), documents(store)
        s = ox.Store.read_only(str(store))
        quads = len(s)
        del s
        print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; pyoxigraph {ox.__version__}")
        print(f"store: the sample corpus, {quads:,} quads; requests: {len(orgs)} one-hop joins, {len(named)} named "
              f"queries, {len(docs)} Turtle documents; {args.clients} clients for {args.seconds:g} s each\n")
        print(f"{'server (127.0.0.1)':46} {'requests/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'requests':>9} "
              f"{'errors':>7}")
        port = free_port()
        p = start([str(BIN / "edukg"), "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port),
                   "--workers", "2", "-q"], f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D")
        try:
            soak = load(port, request_mix("/sparql?query=", orgs, named, docs), accept, args.clients, args.seconds,
                        answered)
            print_row("edukg serve --workers 2 (queries + documents)", soak)
        finally:
            stop(p)
        if not args.no_baseline:
            port = free_port()
            p = start([str(BIN / "oxigraph"), "serve-read-only", "--location", str(store), "--bind",
                       f"127.0.0.1:{port}", "--union-default-graph"], f"http://127.0.0.1:{port}/query?query=ASK%7B%7D")
            try:
                base = load(port, request_mix("/query?query=", orgs, named, []), accept, args.clients, args.seconds, answered)
                print_row("Oxigraph server (queries only)", base)
            finally:
                stop(p)
        print(f"\nedukg serve: {soak['per_s']:,.0f} requests/s, p50 {soak['p50']:.1f} ms, p99 {soak['p99']:.1f} ms, "
              f"{int(soak['wrong'])} errors in {int(soak['requests']):,} requests")


if __name__ == "__main__":
    main()
