"""Files a folder of real documents holds (see also tests/test_bad_input.py for missing, unreadable, binary,
empty and foreign-format files): UTF-16 and UTF-8 with a byte-order mark, deeply nested or broken HTML, names
with spaces and non-ASCII letters are built; symbolic links that loop or lead nowhere are one line each naming
the link, the other files are built, exit code 2."""
from __future__ import annotations

import gc
import os
import time
from pathlib import Path

from edukg.cli import main
from edukg.query import run_query
from edukg.core.store import OxigraphStore

TEXT = "Opetushallitus tiedottaa\n\nOpetushallitus rahoittaa Tampereen yliopiston hanketta.\n"
BODY = "<p>Opetushallitus rahoittaa Tampereen yliopiston hanketta.</p>"
ODD = {
    "utf16-le.txt": TEXT.encode("utf-16"),  # with its BOM, little-endian here
    "utf16-be.txt": b"\xfe\xff" + TEXT.encode("utf-16-be"),
    "utf8-bom.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "deep.html": ("<html><body>" + "<div>\n" * 5000 + BODY + "</div>" * 5000 + "</body></html>").encode(),
    "broken.html": ("<html><body><p>Opetushallitus <b>rahoittaa <i>Tampereen yliopiston hanketta.</p></div></span>"
                    "<<<>>> &amp &#xZZ; <table><td>x<script>never closed").encode(),
    "Tiedote äänestä 2023.txt": TEXT.encode("utf-8"),
    "sub folder/Årsrapport (final).md": ("# Opetushallitus tiedottaa\n\n" + TEXT).encode("utf-8"),
}


def run(*args) -> int:
    code = main([str(a) for a in args])
    gc.collect()  # the store's lock goes with its last reference
    return code


def organisations_by_source(store_path: Path) -> dict[str, set[str]]:
    with OxigraphStore(store_path, read_only=True) as store:
        result = run_query("organisations", {}, store)
    col = {c: i for i, c in enumerate(result.columns)}
    out: dict[str, set[str]] = {}
    for row in result.rows:
        out.setdefault(str(row[col["source"]]).split("/graph/source/", 1)[1], set()).add(str(row[col["name"]]))
    return out


def test_odd_but_readable_files_are_built(tmp_path, capsys):
    folder = tmp_path / "docs"
    for name, data in ODD.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    started = time.perf_counter()
    code = run("build", folder, "--store", tmp_path / "store")
    seconds = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert code == 0, err
    assert err == ""
    assert f"Built {len(ODD)} documents" in out
    found = organisations_by_source(tmp_path / "store")
    assert set(found) == {"utf16-le", "utf16-be", "utf8-bom", "deep", "broken", "Tiedote-äänestä-2023",
                          "sub-folder/Årsrapport-final"}
    for source, names in found.items():
        assert "Opetushallitus" in names, (source, names)
        assert not any("\ufeff" in n or "Ã" in n for n in names)
    assert seconds < 120, "deeply nested HTML must not take minutes"  # it took 80 s alone before


def test_symbolic_links_that_loop_or_lead_nowhere_are_named(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    os.symlink("loop-b.txt", folder / "loop-a.txt")
    os.symlink("loop-a.txt", folder / "loop-b.txt")
    os.symlink("gone.txt", folder / "dangling.txt")
    os.symlink("..", folder / "up")  # a folder link back up: followed, it would never end
    outside = tmp_path / "self.txt"
    os.symlink("self.txt", outside)
    code = run("build", folder, outside, "--store", tmp_path / "store")
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.strip().splitlines()
    assert sorted(lines) == sorted(f"edukg: {p}: symbolic link to nothing (or a loop)" for p in
                                   (folder / "dangling.txt", folder / "loop-a.txt", folder / "loop-b.txt", outside))
    assert "Built 1 document" in out
    assert set(organisations_by_source(tmp_path / "store")) == {"good"}


def test_a_50_mb_text_is_refused_unread_and_the_others_are_built(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    huge = folder / "huge.txt"
    with huge.open("w", encoding="utf-8") as f:  # real text, so only its size can be the problem
        for _ in range(50_000_000 // len(TEXT) + 1):
            f.write(TEXT)
    started = time.process_time()
    code = run("build", folder, "--store", tmp_path / "store")
    seconds = time.process_time() - started
    out, err = capsys.readouterr()
    assert code == 2
    assert err.strip().splitlines() == [
        f"edukg: {huge}: 50 MB is more than the 10 MB a document may have (raise the limit with --max-document-mb)"]
    assert "Built 1 document" in out
    assert set(organisations_by_source(tmp_path / "store")) == {"good"}
    assert seconds < 60, "the huge file was read and extracted, not refused"  # extracting it would take ~500 s


def test_the_document_size_limit_is_the_users_to_raise(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "long.txt").write_text(TEXT * 200, encoding="utf-8")  # 16.4 kB in UTF-8
    assert run("build", folder, "--store", tmp_path / "store", "--max-document-mb", "0.01") == 2
    assert "long.txt: 16.4 kB is more than the 10 kB" in capsys.readouterr().err
    assert run("build", folder, "--store", tmp_path / "store", "--max-document-mb", "0.1") == 0
    assert set(organisations_by_source(tmp_path / "store")) == {"long"}
