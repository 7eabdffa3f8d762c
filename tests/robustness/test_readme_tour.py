"""The README's tour shows what edukg prints: every block marked with MARK is run here, in order, in a fresh
folder, through the command line's `main` (what the `edukg` script calls), and compared with the README.

A block holds one `$ edukg ...` command and the lines it prints (stderr first, as a terminal shows a build's
one-line problems before its summary). A line `...` stands for lines left out; without one at the end, the
block shows the output to its last line. After a change that alters the output, regenerate the blocks from a
real run with `EDUKG_UPDATE_README=1 pytest tests/robustness/test_readme_tour.py` and read the diff.
"""
from __future__ import annotations

import gc
import os
import re
import shlex
from pathlib import Path

import pytest

from edukg.cli import main

ROOT = Path(__file__).parents[2]
README = ROOT / "README.md"
MARK = "<!-- output from a real run, checked by tests/robustness/test_readme_tour.py -->"
BLOCK = re.compile(re.escape(MARK) + r"\n```\n(?P<body>.*?)```\n", re.S)

# The files the tour's own examples name (written here, not quoted from any corpus).
MY_DOCS = {
    "my-docs/news.txt": "Opetushallitus tiedottaa\n\nOpetushallitus rahoittaa Tampereen yliopiston hanketta.\n",
    "my-docs/2023/index.html": "<html><body><h1>Ministry news</h1><p>The Ministry of Schools and Culture "
                               "funds a project of the University of Helsinki.</p></body></html>",
}


def tour_blocks(text: str) -> list[re.Match]:
    return list(BLOCK.finditer(text))


def chunks(shown: list[str]) -> list[list[str]]:
    out: list[list[str]] = [[]]
    for line in shown:
        if line == "...":
            out.append([])
        else:
            out[-1].append(line)
    return out


def agrees(shown: list[str], real: list[str]) -> bool:
    """Each run of shown lines appears in the real output in order; the first at its start, the last at its end
    unless the block ends with `...`."""
    parts = chunks(shown)
    if real[: len(parts[0])] != parts[0]:
        return False
    at = len(parts[0])
    for i, part in enumerate(parts[1:], 1):
        last = i == len(parts) - 1
        if last and part:
            return len(real) - len(part) >= at and real[len(real) - len(part):] == part
        while at <= len(real) - len(part) and real[at: at + len(part)] != part:
            at += 1
        if at > len(real) - len(part):
            return False
        at += len(part)
    return len(parts) > 1 or len(real) == len(parts[0])


def regenerate(shown: list[str], real: list[str]) -> list[str]:
    """The block's shape (runs and `...`) filled from the real output: the first run from its start, a final run
    from its end, runs in between kept."""
    parts = chunks(shown)
    if len(parts) == 1:
        return real
    out = real[: len(parts[0])]
    for i, part in enumerate(parts[1:], 1):
        out.append("...")
        if i == len(parts) - 1 and part:
            out.extend(real[len(real) - len(part):])
        else:
            out.extend(part)
    return out


@pytest.fixture
def tour_folder(tmp_path, monkeypatch, sample_corpus_dir) -> Path:
    for name, text in MY_DOCS.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "gold").symlink_to(ROOT / "tests" / "gold")
    # the Registers section imports the invented register files of the tests
    (tmp_path / "registers").symlink_to(ROOT / "tests" / "data" / "registers")
    (tmp_path / "edukg" / "data").mkdir(parents=True)
    (tmp_path / "edukg" / "data" / "corpus").symlink_to(sample_corpus_dir)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EDUKG_STORE", raising=False)
    return tmp_path


def test_the_tour_shows_what_a_real_run_prints(tour_folder, capsys):
    text = README.read_text(encoding="utf-8")
    blocks = tour_blocks(text)
    assert len(blocks) >= 8, "the tour's checked blocks are gone"
    updated, wrong = text, []
    for m in blocks:
        first, *shown = m.group("body").rstrip("\n").split("\n")
        assert first.startswith("$ edukg "), first
        args = shlex.split(first[len("$ edukg "):])
        main(args)
        gc.collect()  # the store's lock goes with its last reference
        out, err = capsys.readouterr()
        real = (err + out).rstrip("\n").split("\n")
        if not agrees(shown, real):
            wrong.append(f"{first}\n  README:\n    " + "\n    ".join(shown) + "\n  real run:\n    " + "\n    ".join(real[:12]))
            new_body = "\n".join([first, *regenerate(shown, real)]) + "\n"
            updated = updated.replace(m.group(0), f"{MARK}\n```\n{new_body}```\n", 1)
    if wrong and os.environ.get("EDUKG_UPDATE_README"):
        README.write_text(updated, encoding="utf-8")
        pytest.skip(f"README regenerated: {len(wrong)} blocks changed; read the diff")
    assert not wrong, "the README's tour differs from a real run:\n" + "\n".join(wrong)


def test_a_block_that_drifted_is_caught():
    real = ["Built 5 documents", "  1,610 triples", "  13 people"]
    assert agrees(["Built 5 documents", "..."], real)
    assert agrees(["Built 5 documents", "...", "  13 people"], real)
    assert agrees(real, real)
    assert not agrees(["Built 4 documents", "..."], real)
    assert not agrees(["Built 5 documents"], real)  # without `...` the whole output is shown
    assert not agrees(["Built 5 documents", "...", "  12 people"], real)
    assert regenerate(["Built 4 documents", "...", "  12 people"], real) == ["Built 5 documents", "...", "  13 people"]
