"""Does every part of edukg work at register scale, and grow no worse than linearly beyond it?

For each size (default: the real register, 1×, and a synthetic one 10× its size made by
benchmarks/synthetic_register.py from the real rows) the script times what a user runs, each as a new
`python -m edukg` process into a new store: `import-register` of both files, the re-import of the unchanged
files, `validate`, `analyse` (exact betweenness), `viz` and `publish`. Then, in one process that opens the
store read-only, each contract query (and `collaborators`), run twice: the first run is what a user waits for.

In the same run, the baseline: the same store dumped into rdflib's in-memory Dataset and the same SPARQL
(bindings included) run there — only up to `--rdflib-quads` quads and `--rdflib-seconds` in all, since
rdflib holds everything in Python objects; queries it did not finish are shown as "> budget".

Prints one table per size and the growth from the smallest size to each larger one (time ratio / size
ratio: 1.0 is linear); asserts nothing. Targets (issue 17): import of both files ≤ 60 s and ≤ 2 GB,
re-import ≤ 10 s, each contract query ≤ 2 s and ≥ 20× rdflib, validate ≤ 30 s, analyse ≤ 60 s.

    .venv/bin/python benchmarks/register_scale.py [--times 1,10] [--rdflib-seconds 900] [--skip publish,viz]
"""
from __future__ import annotations

import argparse
import json
import random
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scale import Run, edukg  # noqa: E402  (the same measured runner as the build benchmark)
from synthetic_register import REGISTER, synthesise  # noqa: E402

QUERIES = ("organisations", "people", "projects", "participants", "funding", "coalitions", "events", "awards",
           "collaborators")

# Opens the store read-only and times each query; prints one JSON object per query as it finishes.
QUERY_CHILD = r"""
import json, sys, time
from edukg.core.store import OxigraphStore
from edukg.query import run_query
store = OxigraphStore(sys.argv[1], read_only=True)
names = sys.argv[3].split(",")
org = sys.argv[2]
for name in names:
    params = {"org": org} if name == "collaborators" else {}
    times = []
    for _ in range(2):
        w, c = time.perf_counter(), time.process_time()
        rows = len(run_query(name, params, store).rows)
        times.append((time.perf_counter() - w, time.process_time() - c))
    print(json.dumps({"query": name, "rows": rows, "first": times[0], "second": times[1]}), flush=True)
"""

# The baseline: the store's quads in rdflib's Dataset, the same query text and bindings.
RDFLIB_CHILD = r"""
import io, json, sys, time
from rdflib import Dataset
from edukg.core.store import OxigraphStore
from edukg.query import bind_params, load_query
store = OxigraphStore(sys.argv[1], read_only=True)
buf = io.BytesIO()
store.dump(buf, "nquads")
store.close()
w, c = time.perf_counter(), time.process_time()
ds = Dataset()
ds.parse(data=buf.getvalue(), format="nquads")
del buf
print(json.dumps({"load": (time.perf_counter() - w, time.process_time() - c), "quads": len(ds)}), flush=True)
org = sys.argv[2]
for name in sys.argv[3].split(","):
    q = load_query(name)
    bindings = bind_params(q, {"org": org} if name == "collaborators" else {})
    w, c = time.perf_counter(), time.process_time()
    rows = len(list(ds.query(q.text, initBindings=bindings)))
    print(json.dumps({"query": name, "rows": rows, "first": (time.perf_counter() - w, time.process_time() - c)}),
          flush=True)
"""


def child_lines(code: str, args: list[str], budget: float | None = None) -> list[dict]:
    """Run a Python child, collecting the JSON lines it printed before it ended or the budget ran out."""
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True)
    lines: list[dict] = []
    deadline = time.monotonic() + budget if budget else None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    while True:
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
        if timeout == 0.0 or not sel.select(timeout):
            proc.kill()
            break
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(json.loads(line))
    proc.wait()
    return lines


def busiest_implementer(store: Path, cwd: Path) -> str:
    out = subprocess.run([sys.executable, "-m", "edukg", "query", "participants", "--store", str(store),
                          "--format", "json"], cwd=cwd, capture_output=True, text=True).stdout
    counts: dict[str, int] = {}
    try:
        for row in json.loads(out)["results"]["bindings"]:
            name = row["organisation"]["value"]
            counts[name] = counts.get(name, 0) + 1
    except (ValueError, KeyError, TypeError):
        return ""
    return max(counts, key=counts.get) if counts else ""


def quads(store: Path) -> int:
    code = "import sys; from edukg.core.store import OxigraphStore; print(OxigraphStore(sys.argv[1], read_only=True).quads_count())"
    return int(subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True).stdout or 0)


def measure(files: list[Path], tmp: Path, tag: str, args) -> dict:
    store = tmp / f"store-{tag}"
    common = ["--store", str(store)]
    r: dict = {"rows": sum(sum(1 for _ in f.open(encoding="utf-8")) - 1 for f in files)}
    r["import"] = edukg(["import-register", *map(str, files), *common], tmp)
    r["reimport"] = edukg(["import-register", *map(str, files), *common], tmp)
    r["quads"] = quads(store)
    if "validate" not in args.skip:
        r["validate"] = edukg(["validate", *common], tmp)
    if "analyse" not in args.skip:
        r["analyse"] = edukg(["analyse", *common, "-q"], tmp)
    if "viz" not in args.skip:
        r["viz"] = edukg(["viz", *common, "--out", str(tmp / f"network-{tag}.html")], tmp)
    if "publish" not in args.skip:
        r["publish"] = edukg(["publish", *common, "--out", str(tmp / f"site-{tag}")], tmp)
    org = busiest_implementer(store, tmp)
    r["queries"] = {q["query"]: q for q in child_lines(QUERY_CHILD, [str(store), org, ",".join(QUERIES)])}
    r["rdflib"] = {}
    if r["quads"] <= args.rdflib_quads and "rdflib" not in args.skip:
        for line in child_lines(RDFLIB_CHILD, [str(store), org, ",".join(QUERIES)], args.rdflib_seconds):
            r["rdflib"][line.get("query", "load")] = line
    return r


def report(tag: str, r: dict, budget: float) -> None:
    def t(run: Run | None) -> str:
        return f"{run.seconds:.1f} s ({run.cpu:.1f} CPU), {run.largest / 2**20:,.0f} MB" if run else "-"
    print(f"\n## {tag}: {r['rows']:,} rows, {r['quads']:,} quads")
    for step in ("import", "reimport", "validate", "analyse", "viz", "publish"):
        if step in r:
            print(f"- {step}: {t(r[step])}")
    load = r["rdflib"].get("load")
    if load:
        print(f"- rdflib baseline: load {load['load'][0]:.1f} s ({load['load'][1]:.1f} CPU)")
    print("\n| query | rows | first s (CPU) | second s | rdflib s | rdflib / first |")
    print("|---|---|---|---|---|---|")
    for name in QUERIES:
        q = r["queries"].get(name)
        if not q:
            print(f"| {name} | - | failed | | | |")
            continue
        b = r["rdflib"].get(name)
        base = f"{b['first'][0]:.2f}" if b else (f"> {budget:.0f} (all)" if r["rdflib"] else "not run")
        ratio = f"{b['first'][0] / max(q['first'][0], 1e-6):.0f}×" if b else ""
        print(f"| {name} | {q['rows']:,} | {q['first'][0]:.2f} ({q['first'][1]:.2f}) | {q['second'][0]:.2f} | "
              f"{base} | {ratio} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--times", default="1,10", help="register sizes as multiples of the real one (default 1,10)")
    ap.add_argument("--rdflib-quads", type=int, default=3_000_000, help="run the rdflib baseline up to this size")
    ap.add_argument("--rdflib-seconds", type=float, default=900, help="time budget of the rdflib baseline, all in")
    ap.add_argument("--skip", default="", help="comma-separated: validate, analyse, viz, publish, rdflib")
    args = ap.parse_args()
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if not REGISTER.is_dir():
        sys.exit(f"no register at {REGISTER}")
    sizes = sorted({int(x) for x in args.times.split(",") if x.strip()})
    results: dict[int, dict] = {}
    with tempfile.TemporaryDirectory(prefix="edukg-register-") as tmp:
        tmp = Path(tmp)
        for n in sizes:
            if n == 1:
                files = sorted(REGISTER.glob("projects-*.csv"))
            else:
                folder = tmp / f"x{n}"
                folder.mkdir()
                rng = random.Random(1)
                files = []
                for src in sorted(REGISTER.glob("projects-*.csv")):
                    files.append(folder / f"{src.stem}-x{n}.csv")
                    synthesise(src, files[-1], n, rng)
            results[n] = measure(files, tmp, f"x{n}", args)
            report(f"{n}× the register", results[n], args.rdflib_seconds)
    if len(sizes) > 1:
        first = sizes[0]
        print("\n## growth (time ratio ÷ size ratio; 1.0 = linear)")
        for n in sizes[1:]:
            a, b = results[first], results[n]
            scale = b["quads"] / max(a["quads"], 1)
            parts = [f"{step} {b[step].cpu / max(a[step].cpu, 1e-6) / scale:.2f}"
                     for step in ("import", "validate", "analyse", "publish") if step in a and step in b]
            parts += [f"{q} {b['queries'][q]['first'][1] / max(a['queries'][q]['first'][1], 1e-3) / scale:.2f}"
                      for q in QUERIES if q in a["queries"] and q in b["queries"]]
            print(f"- {n}× ({scale:.1f}× the quads), CPU: " + ", ".join(parts))


if __name__ == "__main__":
    main()
