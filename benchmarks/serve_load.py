"""How fast does `edukg serve` answer, and how long does `edukg publish` take on a big store?

1. A store of about `--quads` quads (default 57,000): the sample corpus built once, its source graphs copied
   with renamed IRIs until the size is reached (so every copy is a separate set of actors, like more documents).
2. 20 concurrent clients on loopback (threads, one keep-alive connection each) send a one-hop join query —
   the projects an organisation takes part in, with their labels, a different organisation on each request —
   for `--seconds` to each contender, one after the other, in the same run:
     edukg serve with 1 worker, edukg serve with 2 workers, the Oxigraph server (`oxigraph serve-read-only
     --union-default-graph`, the same store directory), and rdflib-endpoint (rdflib's SPARQL engine behind
     FastAPI) on the same triples, if it is installed.
   Printed: queries/s and p50/p99 latency, and wrong answers (an error, or no rows for an organisation that
   has projects).
3. Resource dereferences/s on `edukg serve` (2 workers): GET of a resource's Turtle document, and the 303
   redirect of its IRI, with Accept: text/turtle.
4. `edukg publish` wall time and peak memory (a new process, as a user runs it) on a store of `--publish-quads`.

Prints tables; asserts nothing. Targets of issue 15: serve ≥ 1,000 queries/s with 2 workers, ≥ 7× rdflib-endpoint,
≥ 40 % of the Oxigraph server; ≥ 2,000 dereferences/s; publish of ~1M triples ≤ 2 minutes in bounded memory.

    .venv/bin/python benchmarks/serve_load.py [--quads 57000] [--seconds 8] [--clients 20] [--publish-quads 1000000]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox  # the benchmark fabricates its big stores directly; edukg itself reads through Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from servers import free_port, running  # noqa: E402  (the tests' way of starting and stopping a server)

BASE = "https://w3id.org/edukg/"
BIN = Path(sys.executable).parent
# a big store takes the servers a while to open
STARTUP_SECONDS = 120
# IRIs that name shared vocabulary (types, roles, schemes) stay; every other data IRI is renamed per copy
_RENAMED = re.compile(r"<(https://w3id\.org/edukg/(?:graph/source|id/(?!organisation-type/|role/|scheme/)[\w-]+)/[^>#]*)")
ONE_HOP = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?project ?label WHERE { ?m org:member <%s> ; org:organization ?project . ?project skos:prefLabel ?label }"""


def sample_nquads(work: Path) -> bytes:
    store = work / "sample"
    subprocess.run([str(BIN / "edukg"), "build", "--store", str(store), "-q", "--no-validate"], check=True)
    out = ox.Store.read_only(str(store))
    data = ox.serialize(out.quads_for_pattern(None, None, None, None), format=ox.RdfFormat.N_QUADS)
    del out
    return data


def make_store(nquads: bytes, quads: int, path: Path) -> int:
    """A store of about `quads` quads: the ontology graph once, the source graphs copied with renamed IRIs."""
    lines = nquads.decode("utf-8").splitlines()
    ontology = [line for line in lines if line.endswith(f"<{BASE}graph/ontology> .")]
    sources = [line for line in lines if f"<{BASE}graph/source/" in line]
    copies = max(1, round((quads - len(ontology)) / max(1, len(sources))))
    store = ox.Store(str(path))
    chunk: list[str] = ontology[:]
    for k in range(copies):
        suffix = "" if k == 0 else f"-c{k}"
        chunk.extend(_RENAMED.sub(lambda m: f"<{m.group(1)}{suffix}", line) for line in sources)
        if len(chunk) > 200_000 or k == copies - 1:
            store.bulk_load("\n".join(chunk).encode("utf-8") + b"\n", ox.RdfFormat.N_QUADS)
            chunk = []
    n = len(store)
    store.flush()
    del store
    return n


def organisations(path: Path, limit: int = 200) -> list[str]:
    store = ox.Store.read_only(str(path))
    rows = store.query("SELECT DISTINCT ?o WHERE { GRAPH ?g { ?m <http://www.w3.org/ns/org#member> ?o ; "
                       "<http://www.w3.org/ns/org#organization> ?p } } LIMIT %d" % limit)
    orgs = [r["o"].value for r in rows]
    found = [o for o in orgs if list(store.query(ONE_HOP % o, use_default_graph_as_union=True))]
    del store
    return found


def load(port: int, paths: list[str], headers: dict[str, str], clients: int, seconds: float,
         check=None) -> dict[str, float]:
    """`clients` threads GET the paths round-robin for `seconds`; throughput, latency, wrong answers."""
    latencies: list[list[float]] = [[] for _ in range(clients)]
    wrong = [0] * clients
    stop_at = [0.0]

    def client(i: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        n = i
        while time.perf_counter() < stop_at[0]:
            path = paths[n % len(paths)]
            n += clients
            t = time.perf_counter()
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                wrong[i] += 1
                continue
            latencies[i].append(time.perf_counter() - t)
            if check is not None and not check(path, response.status, body):
                wrong[i] += 1
        conn.close()

    # a short warm-up, then the measured run
    for duration in (min(1.0, seconds / 4), seconds):
        for lat in latencies:
            lat.clear()
        wrong[:] = [0] * clients
        stop_at[0] = time.perf_counter() + duration
        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
    every = sorted(x for lat in latencies for x in lat)
    done = len(every)
    return {"per_s": done / elapsed, "p50": every[done // 2] * 1000 if done else 0,
            "p99": every[min(done - 1, int(done * 0.99))] * 1000 if done else 0,
            "requests": done, "wrong": sum(wrong)}


def query_paths(prefix: str, orgs: list[str]) -> list[str]:
    return [prefix + urllib.parse.quote(ONE_HOP % o) for o in orgs]


def found_rows(path: str, status: int, body: bytes) -> bool:
    # every organisation asked about takes part in a project: an empty answer is a wrong one
    return status == 200 and bool(json.loads(body)["results"]["bindings"])


def print_row(name: str, r: dict[str, float]) -> None:
    print(f"{name:44} {r['per_s']:9,.0f} {r['p50']:8.1f} {r['p99']:8.1f} {int(r['requests']):9,} {int(r['wrong']):6}")


def serve_contenders(store: Path, flat: Path, orgs: list[str], clients: int, seconds: float) -> dict[str, dict]:
    results: dict[str, dict] = {}
    accept = {"Accept": "application/sparql-results+json"}
    check = found_rows
    print(f"\n{'contender (one-hop join, ' + str(clients) + ' clients)':44} {'queries/s':>9} {'p50 ms':>8} "
          f"{'p99 ms':>8} {'requests':>9} {'wrong':>6}")
    for workers in (1, 2):
        port = free_port()
        with running([str(BIN / "edukg"), "serve", "--store", str(store), "--port", str(port), "--workers",
                      str(workers), "-q"], f"http://127.0.0.1:{port}/sparql?query=ASK%7B%7D", STARTUP_SECONDS):
            name = f"edukg serve, {workers} worker{'s' if workers > 1 else ''}"
            results[name] = load(port, query_paths("/sparql?query=", orgs), accept, clients, seconds, check)
            print_row(name, results[name])
            if workers == 2:
                results["deref"] = dereferences(port, store, clients, seconds)
    port = free_port()
    with running([str(BIN / "oxigraph"), "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
                  "--union-default-graph"], f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", STARTUP_SECONDS):
        results["Oxigraph server"] = load(port, query_paths("/query?query=", orgs), accept, clients, seconds, check)
        print_row("Oxigraph server (serve-read-only)", results["Oxigraph server"])
    rdflib_endpoint = shutil.which("rdflib-endpoint") or (str(BIN / "rdflib-endpoint")
                                                          if (BIN / "rdflib-endpoint").exists() else None)
    if rdflib_endpoint:
        port = free_port()
        # rdflib-endpoint answers SPARQL at its root path
        with running([rdflib_endpoint, "serve", str(flat), "--host", "127.0.0.1", "--port", str(port)],
                      f"http://127.0.0.1:{port}/?query=ASK%7B%7D", 300):
            results["rdflib-endpoint"] = load(port, query_paths("/?query=", orgs), accept, clients, seconds, check)
            print_row("rdflib-endpoint (rdflib memory store)", results["rdflib-endpoint"])
    else:
        print("rdflib-endpoint: not installed (pip install rdflib-endpoint) — skipped")
    return results


def dereferences(port: int, store: Path, clients: int, seconds: float) -> dict[str, dict]:
    s = ox.Store.read_only(str(store))
    iris = [r["r"].value for r in s.query(
        "SELECT DISTINCT ?r WHERE { GRAPH ?g { ?r a <http://www.w3.org/ns/org#Organization> } } LIMIT 500")]
    del s
    docs = [urllib.parse.urlsplit(i).path.removeprefix("/edukg") + ".ttl" for i in iris]
    things = [d.removesuffix(".ttl") for d in docs]
    turtle = {"Accept": "text/turtle"}
    out = {
        "document": load(port, docs, turtle, clients, seconds, lambda p, st, b: st == 200 and b"prefLabel" in b),
        "303": load(port, things, turtle, clients, seconds, lambda p, st, b: st == 303),
    }
    print_row("  dereference: GET IRI.ttl (Turtle document)", out["document"])
    print_row("  dereference: GET IRI → 303 (Accept: Turtle)", out["303"])
    return out


def time_publish(store: Path, out: Path) -> tuple[float, float, str]:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c",
                           "import resource, sys\n"
                           "from edukg.cli import main\n"
                           "code = main(sys.argv[1:])\n"
                           "print('maxrss_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
                           "sys.exit(code)",
                           "publish", "--store", str(store), "--out", str(out)],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    rss = float(re.search(r"maxrss_kb (\d+)", proc.stdout).group(1)) / 1024
    summary = proc.stdout.splitlines()[0]
    return seconds, rss, summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quads", type=int, default=57_000)
    ap.add_argument("--seconds", type=float, default=8.0)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--publish-quads", type=int, default=1_000_000, help="0 skips the publish timing")
    ap.add_argument("--skip-serve", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="edukg-bench-") as tmp:
        work = Path(tmp)
        nquads = sample_nquads(work)
        print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}; pyoxigraph {ox.__version__}")
        if not args.skip_serve:
            store = work / "store"
            n = make_store(nquads, args.quads, store)
            flat = work / "flat.nt"
            s = ox.Store.read_only(str(store))
            ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in s), flat, ox.RdfFormat.N_TRIPLES)
            del s
            orgs = organisations(store)
            print(f"store: {n:,} quads; {len(orgs)} organisations with projects, one per request in turn")
            results = serve_contenders(store, flat, orgs, args.clients, args.seconds)
            two = results["edukg serve, 2 workers"]["per_s"]
            ox_server = results["Oxigraph server"]["per_s"]
            print(f"\nedukg serve, 2 workers: {two:,.0f} queries/s (target ≥ 1,000); "
                  f"{two / ox_server:.0%} of the Oxigraph server (target ≥ 40 %)", end="")
            if "rdflib-endpoint" in results and results["rdflib-endpoint"]["per_s"]:
                print(f"; {two / results['rdflib-endpoint']['per_s']:.1f}× rdflib-endpoint (target ≥ 7×)")
            else:
                print()
            print(f"dereferences: {results['deref']['document']['per_s']:,.0f} Turtle documents/s, "
                  f"{results['deref']['303']['per_s']:,.0f} redirects/s (target ≥ 2,000)")
        if args.publish_quads:
            big = work / "big"
            n = make_store(nquads, args.publish_quads, big)
            seconds, rss, summary = time_publish(big, work / "site")
            files = sum(1 for _ in (work / "site").rglob("*"))
            print(f"\npublish of {n:,} quads: {seconds:.1f} s wall, peak RSS {rss:,.0f} MB, {files:,} files "
                  f"(target ≤ 120 s)\n  {summary}")


if __name__ == "__main__":
    main()
