"""How fast does `edukg publish` write a register-scale site, and in how much memory? (issue 15: ≤ 2 minutes
for ~1M triples, bounded memory)

In one run, on the same store:
1. the baseline — the publication code of an earlier commit (`--baseline`, default the one before the issue-15
   speed work), extracted with `git archive` — and the current code read, render and write the same slice of
   pages (`--pages` pages of 1,000 resources spread over the store) in one process each: CPU ms per resource;
2. the whole `python -m edukg publish` of the current code, as a user runs it: wall and CPU seconds (its workers
   included), resources per second, peak RSS of the largest process and of the process tree.

Prints the figures; asserts nothing. CPU seconds compare across runs on a shared machine, wall seconds only
when it is otherwise idle (the load average is printed beside them).

    .venv/bin/python benchmarks/publish_scale.py STORE [--pages 3] [--baseline REV] [--skip-full]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_scale import edukg  # noqa: E402  (the same measured runner as the build benchmark)

REPO = Path(__file__).resolve().parent.parent
BASELINE = "06b27b8"  # main before the issue-15 speed work: 1,155 s for the register store

# Reads, renders and writes a slice of pages in this one process, with whichever edukg is on sys.path first.
SLICE_CHILD = r"""
import json, sys, time
import pyoxigraph as ox
from edukg.core.store import OxigraphStore
from edukg.publish import describe
from edukg.publish.pages import PageRenderer, Site, write_page
store = OxigraphStore(sys.argv[1], read_only=True)
n, out, base = int(sys.argv[2]), sys.argv[3], "https://w3id.org/edukg/"
pages = list(describe.resource_iris(store, base, 1000))
chosen = pages[len(pages) // (2 * n)::max(1, len(pages) // n)][:n]
renderer = PageRenderer(Site("t", base, "https://creativecommons.org/licenses/by/4.0/", base + "sparql"))
cache = describe.LabelCache() if hasattr(describe, "LabelCache") else None
wall, cpu, resources = time.perf_counter(), time.process_time(), 0
for iris in chosen:
    if cache is not None:
        page, labels = describe.read_page(store, iris, base, cache)
    else:  # the earlier code: the linked IRIs gathered in site.py, then describe.labels
        page = describe.describe_page(store, iris, base)
        linked = {r.iri for r in page}
        for r in page:
            for t in r.triples:
                linked.update(x.value for x in (t.subject, t.object) if isinstance(x, ox.NamedNode))
            for e in r.evidence:
                linked.add(e.fact)
                if e.source:
                    linked.add(e.source)
        labels = describe.labels(store, linked)
    write_page(page, renderer, labels, out)
    resources += len(page)
print(json.dumps({"resources": resources, "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}))
"""


def load() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").is_file() else "?"


def slice_run(code: Path, store: Path, pages: int, out: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run([sys.executable, "-c", SLICE_CHILD, str(store), str(pages), str(out)], env=env,
                          capture_output=True, text=True, check=True, cwd=code)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--pages", type=int, default=3, help="pages of 1,000 resources in the slice (default 3)")
    ap.add_argument("--baseline", default=BASELINE, help=f"the earlier commit to compare with (default {BASELINE})")
    ap.add_argument("--skip-full", action="store_true", help="only the slice, not the whole publish")
    args = ap.parse_args()
    store = args.store.resolve()
    with tempfile.TemporaryDirectory(prefix="edukg-publish-bench-") as tmp:
        tmp_path = Path(tmp)
        old = tmp_path / "baseline"
        old.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.baseline, "edukg"], capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(old)], input=archive, check=True)
        print(f"## Slice: {args.pages} pages of 1,000 resources, one process, store {store}")
        print("| code | resources | wall s | CPU s | CPU ms / resource | resources / CPU s | load |")
        print("|---|---|---|---|---|---|---|")
        for name, code in ((f"baseline {args.baseline}", old), ("current", REPO)):
            before = load()
            r = slice_run(code, store, args.pages, tmp_path / f"slice-{code.name}")
            print(f"| {name} | {r['resources']:,} | {r['wall']:.1f} | {r['cpu']:.1f} | "
                  f"{1000 * r['cpu'] / r['resources']:.2f} | {r['resources'] / r['cpu']:,.0f} | {before} |", flush=True)
        if args.skip_full:
            return
        before = load()
        run = edukg(["publish", "--store", str(store), "--out", str(tmp_path / "site")], REPO)
        site = tmp_path / "site"
        resources = sum(1 for _ in site.glob("id/*/*.html"))
        print(f"\n## Whole publish (current code, default workers), load average before {before}, "
              f"after {load()}")
        print(f"- {resources:,} resources in {run.seconds:.1f} s wall ({run.cpu:.1f} CPU s): "
              f"{resources / run.seconds:,.0f} resources/s wall, {resources / run.cpu:,.0f} per CPU s")
        print(f"- peak RSS: {run.largest / 2**20:,.0f} MB largest process, {run.tree / 2**20:,.0f} MB the process tree",
              flush=True)  # deleting the site's files can take minutes on a busy disk


if __name__ == "__main__":
    main()
