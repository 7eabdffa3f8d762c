"""Does extraction cost in proportion to the length of a document?

Makes one long Finnish text from the development corpus (../shared/corpus/dev/docs: the fi texts, cleaned of page
furniture, joined and repeated) and cuts it at each size; for each, in this process, after the dictionaries are
loaded: CPU seconds of `extract` and of the floor (lemmatising every token with simplemma), their ratio, the
seconds per MB, and the process's peak RSS so far. Linear extraction keeps seconds per MB flat.

Prints a table; asserts nothing.

    .venv/bin/python benchmarks/long_document.py [--sizes 100k,1m,3m]   # 10m takes about two minutes of CPU
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV_DOCS = ROOT.parent / "shared" / "corpus" / "dev" / "docs"


def long_text(size: int) -> str:
    from edukg.ingest.clean import clean

    parts = []
    for p in sorted(DEV_DOCS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        if p.name.startswith("dev-fi"):
            parts.append("\n".join(ln for ln in clean(text).splitlines() if ln.strip()))
    base = "\n\n".join(parts)
    return (base * (size // len(base) + 1))[:size]


def parse_size(text: str) -> int:
    m = re.fullmatch(r"(\d+)([km]?)", text.strip().lower())
    if not m:
        raise SystemExit(f"--sizes: cannot read {text!r} (e.g. 100k, 1m)")
    return int(m.group(1)) * {"": 1, "k": 1000, "m": 1_000_000}[m.group(2)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100k,1m,3m")
    args = ap.parse_args()
    if not DEV_DOCS.is_dir():
        sys.exit(f"no development corpus at {DEV_DOCS}")
    import simplemma

    from edukg.ingest.model import Document
    from edukg.ingest.pipeline import extract
    from edukg.ingest.text import lemma

    for lang, word in (("fi", "koulu"), ("sv", "skola"), ("en", "school")):
        lemma(word, lang)  # the dictionaries load once, outside the timings
    print("size | extract CPU s | s per MB | floor CPU s | extract/floor | organisations | peak RSS MB")
    for size in (parse_size(s) for s in args.sizes.split(",")):
        text = long_text(size)
        doc = Document(id="long", path=f"long-{size}.txt", text=text, format="text/plain", sha256="0" * 64)
        started = time.process_time()
        ex = extract(doc)
        took = time.process_time() - started
        started = time.process_time()
        for w in re.findall(r"\w+", text):
            simplemma.lemmatize(w, lang="fi")
        floor = time.process_time() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        print(f"{size:,} | {took:.1f} | {took / (size / 1e6):.1f} | {floor:.1f} | {took / floor:.1f} | "
              f"{len(ex.organisations)} | {rss:,}", flush=True)


if __name__ == "__main__":
    main()
