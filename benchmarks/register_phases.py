"""Where the CPU time of `import_register` goes, phase by phase, and how each phase grows with the register.

For each folder of register CSVs given (the real register, or `synthetic_register.py --times N` output), a new
process imports all its files into a new store with `edukg.import_register.import_register` — the library call
`edukg import-register` makes — with the steps it calls wrapped in CPU timers (`time.process_time`: every thread
of the process, so the bulk loader's threads count too):

- read: the first read of each file (`read_register`: CSV parsing, checks, the organisation names);
- resolve: body resolution of all files' names at once (`resolve_bodies`), of which blocking and judging
  (`matching.candidate_pairs`, `matching.judge`) are shown apart;
- organisations: the organisations one file names (`_organisations`);
- actors: the actor index (read from the store) and resolving and learning each file's organisations;
- ntriples: each file's graph written as N-Triples to a temporary file (its rows read a second time);
- load: `Store.load_graph` (bulk load in pieces, with the rollback marker) and its final flush;
- optimize: the store's compaction at the end;
- other: the rest (ontology, checksums of stored sources, summary).

Within load, the CPU seconds of each piece the bulk loader is given (`OxigraphStore._BULK_PIECE` bytes of
N-Triples): a piece costs the same wherever it comes in the load unless the store's own work (RocksDB's
compaction of the files each piece adds) grows with what is already loaded.

With `--queries`, each contract query (and `collaborators` with `--org`) is then timed on the new store as
`benchmarks/register_scale.py` times them (a new process, the store opened read-only, two runs; CPU seconds of
the first are compared).

Prints one line per folder, then, against the first folder, each phase's growth: (time ratio) ÷ (rows ratio),
1.0 being linear. Asserts nothing.

    .venv/bin/python benchmarks/register_phases.py /tmp/r17-x1 /tmp/r17-x3 [--queries] [--org NAME]
        [--store-root /tmp] [--keep]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

PHASES = ("read", "resolve", "blocking", "judging", "organisations", "actors", "ntriples", "load", "optimize",
          "other", "total")


def _timed(owner, name: str, phase: str, spent: dict[str, float]) -> None:
    """Wrap `owner.name` so that its CPU seconds add up in `spent[phase]` (a nested call of the same phase is
    counted once)."""
    fn = getattr(owner, name)
    depth = {"n": 0}

    def wrapper(*args, **kwargs):
        if depth["n"]:
            return fn(*args, **kwargs)
        depth["n"] += 1
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[phase] = spent.get(phase, 0.0) + time.process_time() - start
            depth["n"] -= 1
    setattr(owner, name, wrapper)


def one_import(folder: Path, store_path: Path) -> dict:
    """The import of every CSV in `folder` into a new store at `store_path`, its phases timed."""
    import edukg.core.store.oxigraph as oxigraph
    import edukg.import_register as ir
    import edukg.write as write
    from edukg.actors import ActorIndex
    from edukg.core.store import OxigraphStore
    from edukg.ingest.registers import matching

    spent: dict[str, float] = {}
    _timed(ir, "read_register", "read", spent)
    _timed(ir, "resolve_bodies", "resolve", spent)
    _timed(matching, "candidate_pairs", "blocking", spent)
    _timed(matching, "judge", "judging", spent)
    _timed(ir, "_organisations", "organisations", spent)
    _timed(ir, "write_register_ntriples", "ntriples", spent)
    _timed(write, "ActorIndex", "actors", spent)
    _timed(ActorIndex, "resolve", "actors", spent)
    _timed(ActorIndex, "learn", "actors", spent)
    _timed(OxigraphStore, "_bulk_load_new", "load", spent)
    _timed(OxigraphStore, "_replace_by_difference", "load", spent)
    _timed(OxigraphStore, "optimize", "optimize", spent)
    pieces: list[tuple[int, float]] = []
    whole = oxigraph._pieces

    def timed_pieces(ntriples, size):
        for piece in whole(ntriples, size):
            begin = time.process_time()
            yield piece  # the loader loads it before it asks for the next
            pieces.append((len(piece), time.process_time() - begin))
    oxigraph._pieces = timed_pieces
    files = sorted(folder.glob("*.csv"))
    start = time.process_time()
    with OxigraphStore(store_path) as store:
        report = ir.import_register(files, store)
        quads = store.quads_count()
    spent["total"] = time.process_time() - start
    inner = ("read", "resolve", "organisations", "actors", "ntriples", "load", "optimize")
    spent["other"] = spent["total"] - sum(spent.get(p, 0.0) for p in inner)
    return {"folder": str(folder), "rows": report.rows, "quads": quads, "strings": report.implementer_strings,
            "review": report.review, "spent": spent, "pieces": pieces}


def piece_line(pieces: list[list[float]]) -> str:
    """CPU seconds per 64 MB of N-Triples in the first, middle and last thirds of the pieces loaded."""
    third = max(1, len(pieces) // 3)
    parts = []
    for name, chunk in (("first", pieces[:third]), ("middle", pieces[third:-third] or pieces[:0]),
                        ("last", pieces[-third:])):
        mb = sum(p[0] for p in chunk) / 2**20
        if mb:
            parts.append(f"{name} third {sum(p[1] for p in chunk) / mb * 64:.2f}")
    return f"{len(pieces)} pieces; CPU s per 64 MB: " + ", ".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, help="folders of register CSVs, smallest first")
    ap.add_argument("--store-root", type=Path, default=Path("/tmp"), help="where the new stores go")
    ap.add_argument("--keep", action="store_true", help="keep the stores (deleted by default: 10× is 3.5 GB)")
    ap.add_argument("--queries", action="store_true", help="time each contract query on each new store")
    ap.add_argument("--org", default="", help="the organisation `collaborators` is asked about")
    ap.add_argument("--child", nargs=2, metavar=("FOLDER", "STORE"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(one_import(Path(args.child[0]), Path(args.child[1]))))
        return
    from register_scale import QUERIES, QUERY_CHILD, child_lines

    results = []
    print(f"{'folder':24} {'rows':>8} {'quads':>11} " + " ".join(f"{p:>9}" for p in PHASES), flush=True)
    for folder in args.folders:
        store = args.store_root / f"r17-phases-{folder.name}-{int(time.time())}"
        try:
            out = subprocess.run([sys.executable, __file__, "--child", str(folder), str(store)], check=True,
                                 capture_output=True, text=True).stdout
            queries = child_lines(QUERY_CHILD, [str(store), args.org, ",".join(QUERIES)]) if args.queries else []
        finally:
            if not args.keep:
                shutil.rmtree(store, ignore_errors=True)
        r = json.loads(out.strip().splitlines()[-1])
        r["queries"] = {q["query"]: q for q in queries}
        results.append(r)
        print(f"{folder.name:24} {r['rows']:>8,} {r['quads']:>11,} "
              + " ".join(f"{r['spent'].get(p, 0.0):9.2f}" for p in PHASES), flush=True)
        print(f"  load: {piece_line(r['pieces'])}", flush=True)
        if queries:
            print("  queries, rows and CPU s of the first run: " + ", ".join(
                f"{q['query']} {q['rows']:,} {q['first'][1]:.2f}" for q in queries), flush=True)
    if len(results) > 1:
        first = results[0]
        print("\ngrowth against the first folder, CPU time ratio ÷ rows ratio (1.0 = linear):")
        for r in results[1:]:
            scale = r["rows"] / first["rows"]
            parts = [f"{p} {r['spent'].get(p, 0.0) / max(first['spent'].get(p, 0.0), 1e-3) / scale:.2f}"
                     for p in PHASES]
            print(f"- {Path(r['folder']).name} ({scale:.1f}× the rows): " + ", ".join(parts))
            if r["queries"] and first["queries"]:
                quads = r["quads"] / first["quads"]
                print(f"  queries ({quads:.1f}× the quads), CPU ratio ÷ quads ratio: " + ", ".join(
                    f"{q} {r['queries'][q]['first'][1] / max(first['queries'][q]['first'][1], 1e-3) / quads:.2f}"
                    for q in QUERIES if q in r["queries"] and q in first["queries"]))


if __name__ == "__main__":
    main()
