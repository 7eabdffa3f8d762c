"""How well and how fast are the implementers of the structural-funds registers resolved into bodies?

Quality: on the hand-labelled sample (benchmarks/data/register-bodies.csv: row code, part, body number, unit
number; drawn by benchmarks/register_sample.py), pairwise "same body?" precision, recall and F1 of
`resolve_bodies` over all implementer strings of both files, beside two baselines in the same run:

- raw string identity (two rows are one body when their cells are the same string);
- cut at the first organisation head word (the name up to and including its first head word of the lexicon,
  folded: "Xyz-yliopisto Abc-laitos" → "xyz-yliopisto").

Pairs are counted twice: with units as their parent body (a row of "Xyz-yliopisto Abc-laitos" is the same body
as a row of "Xyz-yliopisto") and with units as bodies of their own. They are counted over rows (a body written
in many rows weighs more) and over distinct strings (each spelling once). The part "tune" was looked at while
the rules were tuned; the part "held" was not; the part "later" was drawn and labelled after the tuning.

Speed: all implementer strings of both files resolved in this process (wall and CPU seconds, peak RSS; the
machine is shared, so CPU seconds are the figure to compare), with the strings,
bodies, merges, merges left for review, and the comparisons the blocks cost beside all pairs n(n-1)/2.

Prints tables; asserts nothing.

    .venv/bin/python benchmarks/register_resolution.py
"""
from __future__ import annotations

import csv
import resource
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path
from typing import Callable

from edukg.ingest.registers.bodies import BodyResolution, resolve_bodies
from edukg.ingest.registers.words import head_type
from edukg.ingest.text import fold

ROOT = Path(__file__).resolve().parents[1]
REGISTERS = ROOT.parent / "shared" / "data" / "fi-structural-funds"
FILES = ("projects-2007-2013.csv", "projects-2014-2020.csv")
SAMPLE = ROOT / "benchmarks" / "data" / "register-bodies.csv"
IMPLEMENTER = "Toteuttajan nimi"


def read_rows() -> dict[str, str]:
    """Row code → implementer cell, both files."""
    out: dict[str, str] = {}
    for name in FILES:
        with open(REGISTERS / name, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                out[r["Koodi"]] = r[IMPLEMENTER]
    return out


def read_sample() -> list[dict]:
    with open(SAMPLE, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def pairwise(gold: list, predicted: list) -> tuple[float, float, float]:
    """Precision, recall and F1 of "same body?" over all pairs of items."""
    tp = fp = fn = 0
    for (g1, p1), (g2, p2) in combinations(zip(gold, predicted), 2):
        same_gold, same_pred = g1 == g2, p1 == p2
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def first_head_cut(cell: str) -> str:
    words = fold(cell).split()
    for i, w in enumerate(words):
        if head_type(w) is not None:
            return " ".join(words[:i + 1])
    return " ".join(words)


def root_of(res: BodyResolution, key: str) -> str:
    while res.bodies[key].parent is not None:
        key = res.bodies[key].parent
    return key


def evaluate(rows: list[dict], cells: dict[str, str], methods: dict[str, tuple[Callable, Callable]]) -> None:
    print("| method | part | units as | over | pairs same | precision | recall | F1 |")
    print("|---|---|---|---|---|---|---|---|")
    for name, (as_parent, as_own) in methods.items():
        for part in ("tune", "held", "later", "all"):
            chosen = [r for r in rows if part == "all" or r["part"] == part]
            for units, predict, gold_of in (("parent", as_parent, lambda r: r["body"]),
                                            ("own body", as_own, lambda r: (r["body"], r["unit"]))):
                for over in ("rows", "strings"):
                    items = chosen
                    if over == "strings":
                        seen: dict[str, dict] = {}
                        for r in chosen:
                            seen.setdefault(cells[r["code"]], r)
                        items = list(seen.values())
                    gold = [gold_of(r) for r in items]
                    pred = [predict(cells[r["code"]]) for r in items]
                    p, rc, f = pairwise(gold, pred)
                    same = sum(a == b for a, b in combinations(gold, 2))
                    print(f"| {name} | {part} | {units} | {over} | {same:,} | {p:.3f} | {rc:.3f} | {f:.3f} |")


def main() -> int:
    if not REGISTERS.exists():
        print(f"no registers at {REGISTERS}", file=sys.stderr)
        return 2
    cells = read_rows()
    names = list(cells.values())
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t, cpu = time.perf_counter(), time.process_time()
    res = resolve_bodies(names)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    distinct = len(set(names))
    roots = sum(1 for b in res.bodies.values() if b.parent is None)
    print(f"implementers of {', '.join(FILES)}: {len(names):,} rows, {distinct:,} distinct strings")
    print(f"resolved in {seconds:.2f} s wall, {cpu:.2f} s CPU (first call: the lemmatiser's dictionaries load), "
          f"peak RSS {rss / 1024:.0f} MB (before: {rss0 / 1024:.0f} MB)")
    t, cpu = time.perf_counter(), time.process_time()
    resolve_bodies(names)
    print(f"again in the same process: {time.perf_counter() - t:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
    print(f"strings → organisations: {distinct:,} → {len(res.bodies):,} bodies ({roots:,} organisations, "
          f"{len(res.bodies) - roots:,} units)")
    print(f"merges made: {res.merges:,}; merges left for review: {len(res.review):,}")
    print(f"comparisons: {res.comparisons:,} in blocks (all pairs: {distinct * (distinct - 1) // 2:,})")
    print()
    rows = read_sample()
    missing = [r["code"] for r in rows if r["code"] not in cells]
    if missing:
        print(f"sample rows not in the registers: {len(missing)}", file=sys.stderr)
        rows = [r for r in rows if r["code"] in cells]
    print(f"sample: {len(rows)} rows ({Counter(r['part'] for r in rows)}), "
          f"{len({cells[r['code']] for r in rows})} distinct strings")
    print()
    methods = {
        "resolve_bodies": (lambda c: root_of(res, res.of[c]), lambda c: res.of[c]),
        "raw string identity": (lambda c: c, lambda c: c),
        "cut at first head word": (first_head_cut, first_head_cut),
    }
    evaluate(rows, cells, methods)
    return 0


if __name__ == "__main__":
    sys.exit(main())
