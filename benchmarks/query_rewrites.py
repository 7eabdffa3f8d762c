"""Are the rewritten contract queries faster than the texts they replaced, with the same output?

For each query with an earlier text in tests/data/queries-reference/ (the baseline), the script opens STORE
read-only in this process and runs the earlier text and the shipped one alternately, `--runs` times each, timing
CPU (time.process_time) around `run_query` only; it prints the best of each, the ratio, and whether the two CSVs
are the same bytes. Asserts nothing.

    .venv/bin/python benchmarks/query_rewrites.py STORE [--runs 2]

Build the register store first: `.venv/bin/edukg import-register ../shared/data/fi-structural-funds/*.csv
--store STORE`.
"""
from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from edukg.core.store import OxigraphStore
from edukg.query import format_result, load_query, parse_query, run_query

REFERENCE = Path(__file__).resolve().parents[1] / "tests" / "data" / "queries-reference"


def timed(query, store) -> tuple[float, str]:
    started = time.process_time()
    result = run_query(query, {}, store)
    seconds = time.process_time() - started
    return seconds, format_result(result, "csv")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    print(f"{'query':14s} {'rows':>7s} {'earlier s':>10s} {'now s':>7s} {'ratio':>6s}  same CSV")
    with OxigraphStore(args.store, create=False, read_only=True) as store:
        for path in sorted(REFERENCE.glob("*.rq")):
            earlier = parse_query(path.read_text(encoding="utf-8"), path.stem)
            now = load_query(path.stem)
            best = {"earlier": float("inf"), "now": float("inf")}
            digests = {}
            for _ in range(args.runs):
                for label, query in (("earlier", earlier), ("now", now)):
                    seconds, csv = timed(query, store)
                    best[label] = min(best[label], seconds)
                    digests[label] = hashlib.sha256(csv.encode()).hexdigest()
            rows = csv.count("\n") - 1
            print(f"{path.stem:14s} {rows:7d} {best['earlier']:10.2f} {best['now']:7.2f} "
                  f"{best['earlier'] / best['now']:6.2f}  {'yes' if digests['earlier'] == digests['now'] else 'NO'}")


if __name__ == "__main__":
    main()
