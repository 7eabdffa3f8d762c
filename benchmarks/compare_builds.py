"""Two installations of edukg on the same 1,500-document store, in one run: what a change of the code cost or saved.

On a machine shared with other work, CPU seconds of one run are only comparable with CPU seconds measured beside
them, so each step runs alternately with the baseline installation (`--base-python`, e.g. a venv with the main
branch installed) and with this one, `--rounds` times, and the lower CPU time of each is printed:

- `validate` of the whole store (and whether both reports are the same text);
- `query organisations --format csv` (and whether both CSVs are the same);
- a rebuild after one file changed, on a copy of the store (the first file of the corpus, as build_scale.py);
- with `--build`, a build of the whole corpus into a new store (and whether both stores hold the same quads,
  ingest times aside).

The corpus is made as in build_scale.py (copies of the development texts); the shared store is built once,
by this installation. Prints a table; asserts nothing.

    .venv/bin/python benchmarks/compare_builds.py --base-python /path/to/main/.venv/bin/python [--documents 1500] [--build]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scale import DEV_DOCS, make_corpus  # noqa: E402


def run(python: str, args: list[str], cwd: Path) -> tuple[float, float, bytes]:
    """Wall and CPU seconds (the process and the workers it waited for) of `python -m edukg ARGS`, and stdout."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen([python, "-m", "edukg", *args], cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, out.read()


def quads(python: str, store: Path) -> bytes:
    """The store's quads as sorted N-Quads lines without the ingest times (blank node labels made equal)."""
    code = ("import re,sys,pyoxigraph as ox\n"
            "s=ox.Store.read_only(sys.argv[1])\n"
            "ls=sorted(re.sub(r'_:\\w+','_:b',str(q)) for q in s if 'generatedAtTime' not in str(q.predicate))\n"
            "sys.stdout.write('\\n'.join(ls))\n")
    return subprocess.run([python, "-c", code, str(store)], capture_output=True, check=True).stdout


def one_changed(python: str, corpus: Path, store: Path, tmp: Path) -> tuple[float, float, bytes]:
    copy = tmp / "store-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    changed = sorted(corpus.iterdir())[0]
    original = changed.read_bytes()
    changed.write_bytes(original + b"One more line.\n")
    try:
        return run(python, ["build", str(corpus), "--store", str(copy), "-q"], tmp)
    finally:
        changed.write_bytes(original)
        shutil.rmtree(copy, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--base-python", required=True, help="the Python of the installation to compare with")
    ap.add_argument("--documents", type=int, default=1500)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--build", action="store_true", help="also compare whole builds (slow)")
    args = ap.parse_args()
    pythons = {"base": args.base_python, "this": sys.executable}
    with tempfile.TemporaryDirectory(prefix="edukg-compare-") as name:
        tmp = Path(name)
        corpus, store = tmp / "corpus", tmp / "store"
        make_corpus(DEV_DOCS, args.documents, corpus)
        run(sys.executable, ["build", str(corpus), "--store", str(store), "-q"], tmp)
        steps = {
            "validate": lambda py: run(py, ["validate", "--store", str(store)], tmp),
            "query organisations": lambda py: run(py, ["query", "organisations", "--store", str(store),
                                                       "--format", "csv"], tmp),
            "one changed file": lambda py: one_changed(py, corpus, store, tmp),
        }
        if args.build:
            def whole_build(py: str) -> tuple[float, float, bytes]:
                new = tmp / "store-build"
                shutil.rmtree(new, ignore_errors=True)
                wall, cpu, _ = run(py, ["build", str(corpus), "--store", str(new), "-q"], tmp)
                return wall, cpu, quads(sys.executable, new)
            steps["build"] = whole_build
        print(f"{args.documents:,} documents, lower of {args.rounds} alternating rounds")
        print("step | base CPU s (wall s) | this CPU s (wall s) | this/base CPU | same output")
        for step, measure in steps.items():
            best: dict[str, tuple[float, float]] = {}
            outputs: dict[str, bytes] = {}
            for _ in range(args.rounds):
                for who, py in pythons.items():
                    wall, cpu, out = measure(py)
                    if who not in best or cpu < best[who][0]:
                        best[who] = (cpu, wall)
                    outputs[who] = out
            same = "yes" if outputs["base"] == outputs["this"] else "NO"
            (bc, bw), (tc, tw) = best["base"], best["this"]
            print(f"{step} | {bc:.2f} ({bw:.1f}) | {tc:.2f} ({tw:.1f}) | {tc / bc:.2f} | {same}", flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
