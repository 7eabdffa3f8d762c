"""A register N times the size of the Finnish structural-funds register, drawn from the real one's distributions.

Each output file has the header of its source file (../shared/data/fi-structural-funds/projects-*.csv) and
N rows for each real row: replica 0 is the row itself; replica r > 0 is the same row with
- a code of its own (the real code and the replica, so codes stay unique),
- the implementer turned into another body — the real string with a replica mark before any sub-unit, so the
  real file's spelling variants and units of one body stay variants and units of one new body, and the number
  of distinct bodies grows N-fold like the number of projects,
- the money columns scaled by one random factor (0.5–1.5) per row, so sums and shares keep their shape,
- every other column (fund, programme, authority, status, dates, project name) as in the real row, so their
  joint distribution is the real one.

Written to a folder outside the project (the register's rows must not be committed); prints what it wrote.

    .venv/bin/python benchmarks/synthetic_register.py --times 10 --out /tmp/register-x10
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT.parent / "shared" / "data" / "fi-structural-funds"
MONEY_PREFIXES = ("Myönnetty", "Toteutunut", "Suunniteltu")  # the four euro columns of both periods
CODE, IMPLEMENTER = "Koodi", "Toteuttajan nimi"
# a sub-unit follows two spaces or a slash: the replica mark goes on the body, before it
UNIT = re.compile(r"\s{2,}|/")
# Finnish ordinal words, so that a replica reads as another body's name and carries no digit that a resolver
# could take for a spelling variant's noise
MARKS = ("", "Ensimmäinen", "Toinen", "Kolmas", "Neljäs", "Viides", "Kuudes", "Seitsemäs", "Kahdeksas",
         "Yhdeksäs", "Kymmenes", "Yhdestoista", "Kahdestoista", "Kolmastoista", "Neljästoista", "Viidestoista",
         "Kuudestoista", "Seitsemästoista", "Kahdeksastoista", "Yhdeksästoista")


def replica_body(implementer: str, r: int) -> str:
    if r == 0 or not implementer.strip():
        return implementer
    m = UNIT.search(implementer)
    body, rest = (implementer[:m.start()], implementer[m.start():]) if m else (implementer, "")
    return f"{MARKS[r]} {body}{rest}"


def synthesise(src: Path, dest: Path, times: int, rng: random.Random) -> int:
    with src.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header = list(reader.fieldnames or [])
        rows = list(reader)
    money = [c for c in header if c.startswith(MONEY_PREFIXES)]
    n = 0
    with dest.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for r in range(times):
            for row in rows:
                out = dict(row)
                if r:
                    out[CODE] = f"{row[CODE]}R{r}"
                    out[IMPLEMENTER] = replica_body(row.get(IMPLEMENTER, ""), r)
                    factor = rng.uniform(0.5, 1.5)
                    for c in money:
                        value = (row.get(c) or "").strip()
                        if re.fullmatch(r"-?\d+(\.\d+)?", value):
                            out[c] = str(round(float(value) * factor))
                writer.writerow(out)
                n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--times", type=int, default=10, help=f"rows per real row (1 to {len(MARKS)})")
    ap.add_argument("--out", type=Path, required=True, help="folder to write into (outside the project)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not 1 <= args.times <= len(MARKS):
        sys.exit(f"--times must be from 1 to {len(MARKS)}")
    if not REGISTER.is_dir():
        sys.exit(f"no register at {REGISTER}")
    if args.out.resolve().is_relative_to(ROOT):
        sys.exit(f"{args.out}: write the synthetic register outside the project (it is made of the real rows)")
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    for src in sorted(REGISTER.glob("projects-*.csv")):
        dest = args.out / f"{src.stem}-x{args.times}.csv"
        n = synthesise(src, dest, args.times, rng)
        print(f"{dest}: {n:,} rows")


if __name__ == "__main__":
    main()
