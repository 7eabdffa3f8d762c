"""How long does a 1,000-actor network page take to settle in a browser?

Writes two pages of the same synthetic network (1,000 actors in ~700 projects of 2–6 partners, a few actors in
many projects, as in the structural-funds register) and opens each in Debian's headless Chromium with the
network switched off, a fresh tab per run:

1. edukg's page (`edukg.viz`): positions laid out before the page is written, one bounded physics batch, then
   physics off;
2. the baseline: pyvis's default page for the same nodes, colours, sizes and edge widths (physics on, pyvis's
   default options), with the vis-network library inlined (`cdn_resources="in_line"`) and its Bootstrap CDN
   links removed so that the offline browser does not wait on them.

The figure is the time from navigation start to the moment physics has stabilised (vis-network's
"stabilizationIterationsDone"/"stabilized" event, whichever comes first), the median of --runs; the target is
≤ 5 s for edukg's page. Prints a table; asserts nothing. Needs chromium and chromedriver
(scripts/install-browser.sh) and the test extra (selenium).

    .venv/bin/python benchmarks/viz_page.py [--actors 1000] [--runs 3]
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the synthetic network and the offline browser are the tests' own

from headless import file_url, offline_chromium  # noqa: E402
from viz_networks import synthetic  # noqa: E402

from edukg.graph import actor_metrics  # noqa: E402
from edukg.viz.html_page import network_html  # noqa: E402
from edukg.viz.page_data import page_data  # noqa: E402

TARGET_SECONDS = 5.0
HOOK = """
network.once("stabilizationIterationsDone", function () { window.edukgStabilizedAt = performance.now(); });
network.once("stabilized", function () { window.edukgStabilizedAt = window.edukgStabilizedAt || performance.now(); });
"""


def edukg_page(data: dict, path: Path) -> None:
    path.write_text(network_html(data, "benchmark"), encoding="utf-8")


def pyvis_page(data: dict, path: Path) -> None:
    from pyvis.network import Network
    net = Network(height="900px", width="100%", cdn_resources="in_line")
    for a in data["actors"]:
        colour = next(t["colour"] for t in data["types"] if t["code"] == a["type"])
        net.add_node(a["id"], label=a["label"], color=colour, size=a["size"])
    for t in data["ties"]:
        net.add_edge(t["from"], t["to"], value=t["weight"])
    html = net.generate_html()
    html = re.sub(r"<link[^>]*cdn[^>]*>|<script[^>]*src=\"https://cdn[^>]*></script>", "", html, flags=re.S)
    marker = "network = new vis.Network(container, data, options);"
    if marker not in html:
        raise SystemExit("pyvis's template changed: cannot hook its stabilisation event")
    path.write_text(html.replace(marker, marker + HOOK), encoding="utf-8")


def settle_seconds(path: Path, timeout: float) -> float:
    """Seconds from navigation start to stabilisation, in a fresh browser; inf if not within `timeout`.

    The page loads without get() waiting for it, and a poll that the busy page leaves unanswered is retried:
    pyvis's default page can hold the browser's main thread for minutes.
    """
    with offline_chromium(page_load_strategy="none") as driver:
        driver.set_script_timeout(timeout)
        driver.command_executor.client_config.timeout = timeout + 30
        driver.get(file_url(path))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                at = driver.execute_script("return window.edukgStabilizedAt || null")
            except Exception:  # noqa: BLE001 - a script timeout or a read timeout: the page is still busy
                continue
            if at is not None:
                return at / 1000.0
            time.sleep(0.05)
    return float("inf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--actors", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120.0, help="give up on a page after this many seconds")
    args = ap.parse_args()

    started = time.perf_counter()
    net = synthetic(args.actors)
    metrics = actor_metrics(net.actors)
    data = page_data(net, metrics, large=args.actors)  # the whole network, not the community view
    prepared = time.perf_counter() - started
    print(f"network: {len(data['actors'])} actors, {len(data['ties'])} ties, "
          f"{len(data['collaborations'])} collaborations; metrics, layout and page data in {prepared:.1f} s")

    with tempfile.TemporaryDirectory(prefix="edukg-viz-bench-") as tmp:
        pages = {"edukg page": Path(tmp) / "edukg.html", "pyvis default (baseline)": Path(tmp) / "pyvis.html"}
        t = time.perf_counter()
        edukg_page(data, pages["edukg page"])
        written = time.perf_counter() - t
        pyvis_page(data, pages["pyvis default (baseline)"])
        print(f"edukg page written in {written:.2f} s, {pages['edukg page'].stat().st_size / 1e6:.1f} MB")
        results = {name: [] for name in pages}
        for _ in range(args.runs):
            for name, path in pages.items():
                results[name].append(settle_seconds(path, args.timeout))
    print(f"\n{'page':28} {'stabilised after (median)':>26} {'runs':>28}")
    for name, times in results.items():
        runs = " ".join(f"{x:.2f}" if x != float("inf") else f">{args.timeout:.0f}" for x in times)
        median = statistics.median(times)
        shown = f"{median:>24.2f} s" if median != float("inf") else f"{'> ' + format(args.timeout, '.0f'):>24} s"
        print(f"{name:28} {shown} {runs:>28}")
    ours, base = (statistics.median(results[n]) for n in pages)
    verdict = "meets" if ours <= TARGET_SECONDS else "MISSES"
    if base == float("inf"):
        ratio = f"the baseline did not stabilise within {args.timeout:.0f} s"
    else:
        ratio = f"{base / ours:.1f}× faster than the baseline"
    print(f"\nedukg page {verdict} the {TARGET_SECONDS:.0f} s target; {ratio}")


if __name__ == "__main__":
    main()
