"""How does `edukg build` scale with the size of a corpus?

For each size N (default 30, 300 and 1500 documents) the script writes a corpus of N copies of the development
texts (../shared/corpus/dev/docs), each copy made unique by one added line, into a temporary folder, and then
times what a user runs, each as a new `python -m edukg` process:

- `build` into a new store (words per second over the corpus, peak RSS: the largest single process, and the
  sum over the process tree sampled every 0.1 s, since `--jobs` runs workers);
- `validate` of the whole store;
- the `collaborators` query, for the organisation that takes part in the most collaborations (found with the
  `participants` query, so no name is written here);
- `build` again on the unchanged files, and once more after one file changed.

In the same run, the floor: reading every file, detecting its language and lemmatising every token with
simplemma, in one fresh process. The last column is build time / floor time.

Prints a table; asserts nothing.

    .venv/bin/python benchmarks/build_scale.py [--sizes 30,300,1500] [--build-args "--jobs 2"]
"""
from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_DOCS = ROOT.parent / "shared" / "corpus" / "dev" / "docs"
WORD = re.compile(r"\w+")


def make_corpus(src: Path, n: int, dest: Path) -> int:
    """Write `n` documents (copies of the files in `src`, round robin) into `dest`; return the word count."""
    files = sorted(p for p in src.iterdir() if p.suffix in (".txt", ".md", ".html"))
    dest.mkdir(parents=True)
    words = 0
    for i in range(n):
        f = files[i % len(files)]
        copy = i // len(files)
        text = f.read_text(encoding="utf-8").rstrip("\n") + f"\n\nArchive copy {copy}.\n"
        (dest / f"{f.stem}-c{copy:03d}{f.suffix}").write_text(text, encoding="utf-8")
        words += len(WORD.findall(text))
    return words


class TreeRSS(threading.Thread):
    """Samples the summed RSS of a process and its descendants (Linux /proc) until stopped."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def _children(self) -> dict[int, list[int]]:
        kids: dict[int, list[int]] = {}
        for d in os.listdir("/proc"):
            if d.isdigit():
                try:
                    ppid = int(Path(f"/proc/{d}/stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                kids.setdefault(ppid, []).append(int(d))
        return kids

    def run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE")
        while not self.done.wait(0.1):
            kids, todo, total = self._children(), [self.pid], 0
            while todo:
                p = todo.pop()
                try:
                    total += int(Path(f"/proc/{p}/statm").read_text().split()[1]) * page
                except (OSError, IndexError, ValueError):
                    pass
                todo.extend(kids.get(p, ()))
            self.peak = max(self.peak, total)


class Run:
    """What one `python -m edukg` cost: wall and CPU seconds (its workers included), peak RSS, output."""

    def __init__(self, seconds: float, cpu: float, largest: int, tree: int, out: str):
        self.seconds, self.cpu, self.largest, self.tree, self.out = seconds, cpu, largest, tree, out


def edukg(args: list[str], cwd: Path) -> Run:
    """Run `python -m edukg ARGS` and measure it."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "edukg", *args], cwd=cwd, stdout=out, stderr=err, text=True)
        sampler = TreeRSS(proc.pid) if Path("/proc").is_dir() else None
        if sampler:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # the child's own rusage: its peak RSS
        seconds = time.perf_counter() - started
        if sampler:
            sampler.done.set()
            sampler.join()
        code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text, problems = out.read(), err.read()
    if code not in (0, 1):
        print(f"warning: edukg {' '.join(args[:2])} exited {code}: {problems.strip()[-300:]}", file=sys.stderr)
    # wait4's rusage covers the child and the workers it waited for: CPU time is what the run cost whatever
    # else the machine was doing; ru_maxrss is the largest single process
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, sampler.peak if sampler else 0, text)


def floor(corpus: Path) -> tuple[float, float]:
    """Wall and CPU seconds for read + language detection + lemmatising every token, in a new process."""
    code = (
        "import re,sys,time; t=time.perf_counter()\n"
        "import simplemma\n"
        "from pathlib import Path\n"
        "from edukg.ingest.read import read_document\n"
        "from edukg.ingest.language import detect_language\n"
        "n=0\n"
        "for p in sorted(Path(sys.argv[1]).iterdir()):\n"
        "    d=read_document(p); lang=detect_language(d.text)\n"
        "    for w in re.findall(r'\\w+', d.text): simplemma.lemmatize(w, lang=lang); n+=1\n"
        "print(time.perf_counter()-t)\n")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, str(corpus)], stdout=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def busiest_organisation(store: Path, cwd: Path) -> str | None:
    out = subprocess.run([sys.executable, "-m", "edukg", "query", "participants", "--store", str(store),
                          "--format", "csv"], cwd=cwd, capture_output=True, text=True).stdout
    counts = Counter(row["organisation"] for row in csv.DictReader(io.StringIO(out)) if row.get("organisation"))
    return counts.most_common(1)[0][0] if counts else None


def measure(n: int, tmp: Path, build_args: list[str]) -> dict:
    corpus, store = tmp / f"corpus-{n}", tmp / f"store-{n}"
    words = make_corpus(DEV_DOCS, n, corpus)
    row: dict = {"documents": n, "words": words}
    row["floor"], row["floor_cpu"] = floor(corpus)
    common = ["--store", str(store)]
    row["build"] = edukg(["build", str(corpus), *common, "-q", *build_args], tmp)
    row["validate"] = edukg(["validate", *common], tmp)
    org = busiest_organisation(store, tmp)
    row["collaborators"] = edukg(["query", "collaborators", "--param", f"org={org}", *common], tmp) if org else None
    row["startup"] = edukg(["query", "sources", *common, "--format", "csv"], tmp)
    row["unchanged"] = edukg(["build", str(corpus), *common, "-q", *build_args], tmp)
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    row["one_changed"] = edukg(["build", str(corpus), *common, "-q", *build_args], tmp)
    shutil.rmtree(store, ignore_errors=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="30,300,1500", help="comma-separated corpus sizes (default 30,300,1500)")
    ap.add_argument("--build-args", default="", help="extra arguments for every `edukg build`, e.g. '--jobs 1'")
    args = ap.parse_args()
    if not DEV_DOCS.is_dir():
        sys.exit(f"no development corpus at {DEV_DOCS}")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    head = ("documents", "build s (CPU s)", "words/s", "peak RSS MB (largest / tree)", "validate s (CPU)",
            "collaborators s (CPU)", "query start-up s (CPU)", "rebuild unchanged s (CPU)", "one changed s (CPU)",
            "floor s (CPU)", "build/floor (CPU)")
    print(" | ".join(head))
    with tempfile.TemporaryDirectory(prefix="edukg-scale-") as tmp:
        for n in sizes:
            r = measure(n, Path(tmp), shlex.split(args.build_args))
            b = r["build"]

            def t(run) -> str:
                return f"{run.seconds:.2f} ({run.cpu:.2f})" if run is not None else "-"
            print(" | ".join([
                f"{n:,}", f"{b.seconds:.1f} ({b.cpu:.1f})", f"{r['words'] / b.seconds:,.0f}",
                f"{b.largest / 2**20:,.0f} / {b.tree / 2**20:,.0f}", t(r["validate"]), t(r["collaborators"]),
                t(r["startup"]), t(r["unchanged"]), t(r["one_changed"]),
                f"{r['floor']:.1f} ({r['floor_cpu']:.1f})",
                f"{b.seconds / r['floor']:.1f} ({b.cpu / r['floor_cpu']:.1f})",
            ]), flush=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
