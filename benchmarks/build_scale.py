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


def edukg(args: list[str], cwd: Path) -> tuple[float, int, int, str]:
    """Run `python -m edukg ARGS`; return (seconds, peak RSS of the largest process, peak RSS of the tree, stdout)."""
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
    return seconds, usage.ru_maxrss * 1024, (sampler.peak if sampler else 0), text


def floor(corpus: Path) -> float:
    """Seconds for read + language detection + lemmatising every token, in a new process."""
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
    subprocess.run([sys.executable, "-c", code, str(corpus)], check=True, capture_output=True, text=True)
    return time.perf_counter() - started


def busiest_organisation(store: Path, cwd: Path) -> str | None:
    out = subprocess.run([sys.executable, "-m", "edukg", "query", "participants", "--store", str(store),
                          "--format", "csv"], cwd=cwd, capture_output=True, text=True).stdout
    counts = Counter(row["organisation"] for row in csv.DictReader(io.StringIO(out)) if row.get("organisation"))
    return counts.most_common(1)[0][0] if counts else None


def measure(n: int, tmp: Path, build_args: list[str]) -> dict:
    corpus, store = tmp / f"corpus-{n}", tmp / f"store-{n}"
    words = make_corpus(DEV_DOCS, n, corpus)
    row: dict = {"documents": n, "words": words}
    row["floor"] = floor(corpus)
    common = ["--store", str(store)]
    row["build"], row["rss"], row["rss_tree"], _ = edukg(["build", str(corpus), *common, "-q", *build_args], tmp)
    row["validate"], *_ = edukg(["validate", *common], tmp)
    org = busiest_organisation(store, tmp)
    row["collaborators"] = edukg(["query", "collaborators", "--param", f"org={org}", *common], tmp)[0] if org else None
    row["startup"], *_ = edukg(["query", "sources", *common, "--format", "csv"], tmp)
    row["unchanged"], *_ = edukg(["build", str(corpus), *common, "-q", *build_args], tmp)
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    row["one_changed"], *_ = edukg(["build", str(corpus), *common, "-q", *build_args], tmp)
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
    head = ("documents", "build s", "words/s", "peak RSS MB (largest / tree)", "validate s", "collaborators s",
            "query start-up s", "rebuild unchanged s", "one changed s", "floor s", "build/floor")
    print(" | ".join(head))
    with tempfile.TemporaryDirectory(prefix="edukg-scale-") as tmp:
        for n in sizes:
            r = measure(n, Path(tmp), shlex.split(args.build_args))
            collab = f"{r['collaborators']:.2f}" if r["collaborators"] is not None else "-"
            print(" | ".join([
                f"{n:,}", f"{r['build']:.1f}", f"{r['words'] / r['build']:,.0f}",
                f"{r['rss'] / 2**20:,.0f} / {r['rss_tree'] / 2**20:,.0f}", f"{r['validate']:.2f}", collab,
                f"{r['startup']:.2f}", f"{r['unchanged']:.2f}", f"{r['one_changed']:.2f}", f"{r['floor']:.1f}",
                f"{r['build'] / r['floor']:.1f}",
            ]), flush=True)


if __name__ == "__main__":
    main()
