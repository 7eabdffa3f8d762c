"""A synthetic structural-funds register N times the size of the real one, from the real one's distributions, and
how import and query times grow with it.

From both files of ../shared/data/fi-structural-funds (read, never copied) it takes: how many projects each
implementer has (so a few bodies run hundreds of projects and most run one or two), the authorities and funds
with their frequencies, programme sections, start dates and durations, and the four money columns of a row
(scaled by a random factor between 0.5 and 2). Names are invented: projects are numbered, and each implementer
is a numbered body with the head word of the real one it stands for ("Toimija 17 koulutuskuntayhtymä"), so the
organisation types keep their shares. The file is written in the 2007–2013 format, with `scale` × 22,821 rows.

    .venv/bin/python benchmarks/synthetic_register.py --scale 10 --out /tmp/synthetic.csv     # write one
    .venv/bin/python benchmarks/synthetic_register.py --measure 1,3,10                       # time imports

`--measure` writes registers of each scale into a temporary folder and times, each in a new process:
`edukg import-register` into a new store, and the `projects` query on it (CSV to a file). Prints a table and
the time per row at each scale; asserts nothing.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGISTER = ROOT.parent / "shared" / "data" / "fi-structural-funds"
OLD, NEW = REGISTER / "projects-2007-2013.csv", REGISTER / "projects-2014-2020.csv"
HEADER = ["Koodi", "Rahasto", "Projektin nimi", "Ohjelma / osio", "Tl", "Viranomainen", "Toiminnan tila",
          "Aloituspvm", "Päättymispvm", "Toteuttajan nimi", "Myönnetty EU- ja valtion rahoitus",
          "Toteutunut EU- ja valtion rahoitus", "Suunniteltu julkinen rahoitus yhteensä",
          "Toteutunut julkinen rahoitus yhteensä"]
MONEY = HEADER[10:]


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _date(text: str) -> date | None:
    try:
        return datetime.strptime(text.strip(), "%d.%m.%Y").date()
    except ValueError:
        return None


def generate(scale: float, out: Path, seed: int = 17) -> int:
    """Write a synthetic register of `scale` × the real number of rows; return the number of rows."""
    rng = random.Random(seed)
    real = _rows(OLD) + _rows(NEW)
    implementers = Counter(r["Toteuttajan nimi"] for r in real if r["Toteuttajan nimi"].strip())
    # each real implementer stands for `scale` synthetic bodies with its number of projects
    bodies: list[tuple[str, int]] = []
    for n, (name, count) in enumerate(implementers.most_common()):
        head = name.split()[-1] if name.split() else "yhdistys"
        for k in range(max(1, round(scale))):
            bodies.append((f"Toimija {n}-{k} {head}", count))
    slots = [name for name, count in bodies for _ in range(count)]
    rng.shuffle(slots)
    starts = [d for d in (_date(r["Aloituspvm"]) for r in real) if d]
    durations = [(e - s).days for r in real if (s := _date(r["Aloituspvm"])) and (e := _date(r["Päättymispvm"])) and e >= s]
    total = int(len(real) * scale)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(total):
            model = real[rng.randrange(len(real))]
            start = rng.choice(starts)
            end = start + timedelta(days=rng.choice(durations))
            factor = rng.uniform(0.5, 2.0)
            money = []
            for column in MONEY:
                value = model.get(column, "").strip()
                try:
                    money.append(str(max(0, round(float(value) * factor))) if value else "")
                except ValueError:
                    money.append("")
            w.writerow([f"X{i:07d}", model["Rahasto"], f"Synteettinen hanke {i}", model.get("Ohjelma / osio", ""),
                        model["Tl"], model["Viranomainen"].strip(), model.get("Toiminnan tila") or model.get("Tila", ""),
                        f"{start.day}.{start.month}.{start.year}", f"{end.day}.{end.month}.{end.year}",
                        slots[i % len(slots)], *money])
    return total


def _timed(args: list[str], cwd: Path, stdout=subprocess.DEVNULL) -> tuple[float, float, float]:
    """Wall s, CPU s and peak RSS MB of one `python -m edukg` process."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "edukg", *args], cwd=cwd, stdout=stdout,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - t, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(scales: list[float]) -> None:
    print(f"machine: {os.cpu_count()} cores, load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'scale':>6} {'rows':>10} {'import s':>9} {'CPU s':>7} {'RSS MB':>7} {'µs CPU/row':>10} "
          f"{'projects query s':>17} {'CPU s':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for scale in scales:
            csv_path = tmp_path / f"synthetic-{scale:g}x.csv"
            rows = generate(scale, csv_path)
            store = tmp_path / f"store-{scale:g}x"
            wall, cpu, rss = _timed(["import-register", str(csv_path), "--store", str(store)], tmp_path)
            with open(tmp_path / "projects.csv", "w") as out:
                q_wall, q_cpu, _ = _timed(["query", "projects", "--store", str(store), "--format", "csv"], tmp_path,
                                          stdout=out)
            print(f"{scale:>6g} {rows:>10,} {wall:>9.1f} {cpu:>7.1f} {rss:>7,.0f} {cpu / rows * 1e6:>10.0f} "
                  f"{q_wall:>17.1f} {q_cpu:>7.1f}", flush=True)
            csv_path.unlink()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=float, default=10.0)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--measure", metavar="SCALES", help="comma-separated scales to time, e.g. 1,3,10")
    args = ap.parse_args()
    if not OLD.is_file() or not NEW.is_file():
        sys.exit(f"the register is not present at {REGISTER}")
    if args.measure:
        measure([float(s) for s in args.measure.split(",")])
    elif args.out:
        print(f"wrote {generate(args.scale, args.out):,} rows to {args.out}")
    else:
        ap.error("give --out FILE or --measure SCALES")


if __name__ == "__main__":
    main()
