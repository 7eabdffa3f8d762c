"""How fast does `edukg import-register` import the Finnish structural-funds register, and what does it gain over
the obvious ways?

Reads both files of ../shared/data/fi-structural-funds (never copied into the project). Each step runs in a new
process, so its peak RSS (`ru_maxrss`) is its own; wall and CPU seconds (user + system) of that process:

1. `edukg import-register` of both files into a new store (the command as a user runs it);
2. the same again on the unchanged files (skipped by checksum);
3. baseline, in the same run: the same import with the graphs written by pyoxigraph's transactional
   `Store.load` instead of `Store.load_graph` (bulk load with a rollback marker);
4. generating the rows' triples: N-Triples text directly (what the import does) against building an rdflib
   Graph of the same triples (the documents' path), on both files.

Prints the figures; asserts nothing.

    .venv/bin/python benchmarks/register_import.py
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT.parent / "shared" / "data" / "fi-structural-funds"
FILES = [REGISTER / "projects-2007-2013.csv", REGISTER / "projects-2014-2020.csv"]


def _measure(fn) -> dict:
    wall, usage = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    extra = fn() or {}
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {"wall": time.perf_counter() - wall,
            "cpu": after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime,
            "rss_mb": after.ru_maxrss / 1024, **extra}


def step(name: str, store_path: str) -> dict:
    """One measured step, run inside its own process."""
    from edukg.core.store import OxigraphStore
    from edukg.import_register import import_register

    if name == "transactional":
        import pyoxigraph as ox

        def transactional_load(self, graph_iri, ntriples):
            # the baseline: one transaction that inserts every triple (Store.load), no bulk loader
            self._update(f"DROP SILENT GRAPH <{graph_iri}>", "drop")
            self._ox.load(ntriples, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(graph_iri))
        OxigraphStore.load_graph = transactional_load

    if name in ("import", "reimport", "transactional"):
        def run():
            with OxigraphStore(store_path) as store:
                report = import_register(FILES, store)
                quads = store.quads_count()
            return {"rows": report.rows, "projects": report.projects, "triples": report.triples, "quads": quads,
                    "imported": len(report.imported), "unchanged": len(report.unchanged)}
        return _measure(run)

    from edukg.ingest.model import Organisation
    from edukg.ingest.registers import read_register, register_graph, register_ntriples
    from edukg.ingest.registers.bodies import resolve_bodies
    from edukg.ingest.registers.to_rdf import funder_and_implementer_names

    regs = [read_register(f) for f in FILES]
    resolution = resolve_bodies([n for r in regs for n in funder_and_implementer_names(r.rows)])
    orgs = {k: Organisation(key=b.key, name=b.name, lang="fi", type=b.type) for k, b in resolution.bodies.items()}
    if name == "ntriples":
        return _measure(lambda: {"triples": sum(register_ntriples(r, orgs, resolution.of).count(b"\n") for r in regs)})
    return _measure(lambda: {"triples": sum(len(register_graph(r, orgs, resolution.of)) for r in regs)})


def run_step(name: str, store_path: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--step", name, store_path], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--step":
        print(json.dumps(step(sys.argv[2], sys.argv[3])))
        return
    missing = [f for f in FILES if not f.is_file()]
    if missing:
        sys.exit(f"register files not found: {', '.join(map(str, missing))}")
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory() as tmp:
        store, baseline = str(Path(tmp) / "store"), str(Path(tmp) / "baseline")
        first = run_step("import", store)
        again = run_step("reimport", store)
        base = run_step("transactional", baseline)
    nt = run_step("ntriples", "-")
    graph = run_step("rdflib", "-")
    print(f"register: {first['rows']:,} rows, {first['projects']:,} projects, {first['triples']:,} triples "
          f"({first['quads']:,} quads in the store with the ontology)")
    print()
    print(f"{'step':58} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12}")
    for label, r in [("import-register, both files, new store (load_graph)", first),
                     ("import-register again, unchanged files", again),
                     ("baseline: the same import with transactional Store.load", base),
                     ("triples as N-Triples text (the import's way)", nt),
                     ("triples as an rdflib Graph (baseline)", graph)]:
        print(f"{label:58} {r['wall']:8.1f} {r['cpu']:8.1f} {r['rss_mb']:12,.0f}")
    print()
    print(f"import: {first['wall']:.1f} s wall, {first['cpu']:.1f} s CPU, {first['rss_mb']:,.0f} MB "
          f"(target ≤ 60 s, ≤ 2,048 MB); re-import unchanged: {again['wall']:.1f} s (target ≤ 10 s, "
          f"{again['unchanged']} files skipped)")
    print(f"bulk load with rollback against transactional load: {base['cpu'] / first['cpu']:.2f}× less CPU, "
          f"{base['wall'] / first['wall']:.2f}× less wall time")
    print(f"N-Triples text against rdflib Graph: {graph['cpu'] / nt['cpu']:.1f}× less CPU, "
          f"{graph['rss_mb'] - nt['rss_mb']:,.0f} MB less peak memory")


if __name__ == "__main__":
    main()
