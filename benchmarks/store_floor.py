"""What one read of the store costs as the store grows: the floor under every query's growth.

For each Oxigraph store given (e.g. the register imported at 1×, 3× and 10× by `register_phases.py --keep`),
opened read-only in a new process, CPU seconds (`time.process_time`) of:

- scan: iterating every quad of the store (one pass over one index; cost per million quads);
- seeks: `--seeks` look-ups of one project's `skos:prefLabel`, the projects drawn at random (seed 17) from all
  of them, each one `quads_for_pattern` call (a RocksDB seek, as each triple pattern a query matches per row);
- sort: sorting the labels of all projects in Python (n log n: what an ORDER BY adds per row as n grows).

Prints per store the cost per million quads scanned, per seek and per sorted label, and against the first store
the ratio of each (1.0: the cost of one read does not grow with the store). Asserts nothing.

    .venv/bin/python benchmarks/store_floor.py /tmp/r17-phases-r17-x1-… /tmp/r17-phases-r17-x10-… [--seeks 20000]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys

CHILD = r"""
import json, random, sys, time
import pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
seeks = int(sys.argv[2])
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
PROJECT = ox.NamedNode("https://schema.org/Project")
LABEL = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
c = time.process_time()
quads = sum(1 for _ in store.quads_for_pattern(None, None, None, None))
scan = time.process_time() - c
projects = sorted({q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, PROJECT, None)})
sample = [ox.NamedNode(p) for p in random.Random(17).choices(projects, k=seeks)]
c = time.process_time()
found = sum(1 for p in sample for _ in store.quads_for_pattern(p, LABEL, None, None))
seek = time.process_time() - c
labels = [q.object.value for q in store.quads_for_pattern(None, LABEL, None, None)
          if q.subject.value.find("/project/") >= 0]
c = time.process_time()
sorted(labels)
sort = time.process_time() - c
print(json.dumps({"quads": quads, "scan": scan, "projects": len(projects), "seeks": seeks, "found": found,
                  "seek": seek, "labels": len(labels), "sort": sort}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stores", nargs="+", help="Oxigraph store folders, smallest first")
    ap.add_argument("--seeks", type=int, default=20_000, help="label look-ups per store (the same number in each)")
    args = ap.parse_args()
    rows = []
    print(f"{'store':48} {'quads':>11} {'scan s/M quads':>15} {'µs per seek':>12} {'µs per label sorted':>20}")
    for path in args.stores:
        out = subprocess.run([sys.executable, "-c", CHILD, path, str(args.seeks)], check=True, capture_output=True,
                             text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        r["per_m"] = r["scan"] / r["quads"] * 1e6
        r["per_seek"] = r["seek"] / r["seeks"] * 1e6
        r["per_label"] = r["sort"] / max(r["labels"], 1) * 1e6
        rows.append(r)
        print(f"{path[-48:]:48} {r['quads']:>11,} {r['per_m']:>15.2f} {r['per_seek']:>12.2f} {r['per_label']:>20.3f}",
              flush=True)
    for r in rows[1:]:
        f = rows[0]
        print(f"against the first ({r['quads'] / f['quads']:.1f}× the quads): scan per quad "
              f"{r['per_m'] / f['per_m']:.2f}, per seek {r['per_seek'] / f['per_seek']:.2f}, per label sorted "
              f"{r['per_label'] / f['per_label']:.2f}")


if __name__ == "__main__":
    main()
