"""Draw the evaluation sample of benchmarks/register_resolution.py: rows of the structural-funds registers whose
implementer bodies were then identified by hand (benchmarks/data/register-bodies.csv keeps only the row codes and
the body and unit numbers given by hand, never a register string).

Three kinds of rows, from both files, with a fixed seed: blocks of rows whose implementers begin with the same
word, and blocks whose implementers begin with the same two words (folded), so that many bodies occur in several
spellings (at most ROWS_PER_BLOCK rows of one block, so that one big body does not make all the pairs); and rows
drawn uniformly. Blocks and
uniform rows are dealt alternately into the part tuned on ("tune") and the part kept unseen ("held"); a later
draw of blocks, labelled after the tuning, is the part "later".

    python benchmarks/register_sample.py            # prints code, part, implementer for labelling by hand
"""
from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

REGISTERS = Path(__file__).resolve().parents[2] / "shared" / "data" / "fi-structural-funds"
FILES = ("projects-2007-2013.csv", "projects-2014-2020.csv")
IMPLEMENTER = "Toteuttajan nimi"
SEED = 17
BLOCKS = (12, 8)  # blocks of 3..25 distinct implementer strings, by their first word and their first two words
LATER_BLOCKS = (4, 12)
ROWS_PER_BLOCK = 40
UNIFORM = 120


def rows() -> list[dict]:
    out = []
    for name in FILES:
        with open(REGISTERS / name, encoding="utf-8", newline="") as f:
            out += list(csv.DictReader(f))
    return out


def block_of(implementer: str, width: int) -> str:
    words = [w.strip("-/,.()") for w in implementer.casefold().split()]
    return " ".join(words[:width]) if len(words) >= width else ""


def sample(all_rows: list[dict]) -> list[tuple[str, str, str]]:
    """(code, part, implementer) of the sampled rows, in a fixed order."""
    rng = random.Random(SEED)
    out: list[tuple[str, str, str]] = []
    taken: set[str] = set()
    for width, count in enumerate(BLOCKS, start=1):
        for i, (_, block) in enumerate(_blocks(all_rows, taken, width, count, rng)):
            part = "tune" if i % 2 == 0 else "held"
            out += [(r["Koodi"], part, r[IMPLEMENTER]) for r in block]
            taken |= {r["Koodi"] for r in block}
    rest = [r for r in all_rows if r["Koodi"] not in taken]
    for i, r in enumerate(rng.sample(rest, UNIFORM)):
        out.append((r["Koodi"], "tune" if i % 2 == 0 else "held", r[IMPLEMENTER]))
        taken.add(r["Koodi"])
    # a second draw, labelled after the rules had been tuned ("later"): all of it held out
    for width, count in enumerate(LATER_BLOCKS, start=1):
        for b, block in _blocks(all_rows, taken, width, count, rng):
            out += [(r["Koodi"], "later", r[IMPLEMENTER]) for r in block]
            taken |= {r["Koodi"] for r in block}
    return out


def _blocks(all_rows: list[dict], taken: set[str], width: int, count: int, rng: random.Random):
    blocks: dict[str, list[dict]] = {}
    for r in all_rows:
        if r["Koodi"] not in taken:
            blocks.setdefault(block_of(r[IMPLEMENTER], width), []).append(r)
    blocks.pop("", None)
    fit = sorted(b for b, rs in blocks.items() if 3 <= len({r[IMPLEMENTER] for r in rs}) <= 25)
    for b in rng.sample(fit, count):
        yield b, blocks[b] if len(blocks[b]) <= ROWS_PER_BLOCK else rng.sample(blocks[b], ROWS_PER_BLOCK)


if __name__ == "__main__":
    w = csv.writer(sys.stdout)
    for code, part, implementer in sample(rows()):
        w.writerow([code, part, implementer])
