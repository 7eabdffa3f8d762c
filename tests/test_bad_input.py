"""Bad input through `edukg build`: a missing path, an unreadable, binary or empty file, an unknown format. Each
gives exactly one stderr line naming the file, exit code 2; the good files of the same run are built and the
graphs stored before the run are still there, unchanged. Files in Latin-1 or Windows-1252 are decoded and built.

Each case runs on a copy of the sample store built once in conftest, so "stored before" is the sample corpus.
The cases call the command's `main` in this process (a fresh process per case would only load the lemmatiser
again); the run with every bad file at once goes through a real `edukg` process.
"""
from __future__ import annotations

import csv
import gc
import io
import os
import shutil
from pathlib import Path

import pytest

from edukg.core.store import OxigraphStore

BASE = "https://w3id.org/edukg/"
GOOD = ("Opetushallitus rahoittaa uutta hanketta\n\n"
        "Opetushallitus myöntää Tampereen yliopistolle avustuksen opettajankoulutuksen kehittämiseen.\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256)) * 4

FINNISH_1252 = ("Ympäristöministeriö järjestää seminaarin\n\n"
                "Ympäristöministeriö järjestää “Kestävä koulu” -seminaarin Helsingissä 12.5.2022. "
                "Osallistumismaksu on 20 €.\n")
SWEDISH_1252 = ("Utbildningsstyrelsen ordnar Skoldagarna\n\n"
                "Utbildningsstyrelsen ordnar “Skoldagarna” i Vasa. Avgiften är 50 € och anmälan görs på förhand.\n")
FINNISH_LATIN1 = ("Ympäristöministeriö tiedottaa\n\n"
                  "Ympäristöministeriö ja Opetushallitus järjestävät webinaarin koulujen ympäristökasvatuksesta.\n")


def quads(store_dir: Path) -> dict[str, set[tuple]]:
    store = OxigraphStore(store_dir, create=False)
    try:
        _, rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    finally:
        store.close()
        del store
        gc.collect()  # release the lock before the next edukg process opens the store
    out: dict[str, set[tuple]] = {}
    for r in rows:
        out.setdefault(str(r["g"]), set()).add((r["s"], r["p"], r["o"]))
    return out


@pytest.fixture(scope="module")
def stored_before(sample_store, tmp_path_factory) -> dict[str, set[tuple]]:
    """The quads of the sample store, read from a copy so that the session store stays closed."""
    copy = tmp_path_factory.mktemp("before") / "store"
    shutil.copytree(sample_store.path, copy)
    return quads(copy)


@pytest.fixture
def edukg(capsys):
    """`edukg("build", ...)` runs the command line's main here and returns (exit code, stdout, stderr)."""
    from edukg.cli import main

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        gc.collect()  # the store's lock goes with its last reference
        return code, out, err
    return run


@pytest.fixture
def good(tmp_path) -> Path:
    path = tmp_path / "in" / "good-news.txt"
    path.parent.mkdir(exist_ok=True)
    path.write_text(GOOD, encoding="utf-8")
    return path


def _make(kind: str, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    if kind == "missing":
        return folder / "not-there.txt"
    if kind == "missing-folder":
        return folder / "no-such-folder"
    if kind == "binary":
        path = folder / "scan.txt"
        path.write_bytes(PNG)
    elif kind == "binary-html":
        path = folder / "logo.html"
        path.write_bytes(PNG)
    elif kind == "empty":
        path = folder / "empty.txt"
        path.write_bytes(b"")
    elif kind == "blank":
        path = folder / "blank.md"
        path.write_text("\n   \n\t\n", encoding="utf-8")
    elif kind == "html-without-text":
        path = folder / "nav-only.html"
        path.write_text("<html><body><nav><a href='/'>Etusivu</a></nav><script>var x;</script></body></html>",
                        encoding="utf-8")
    elif kind == "pdf":
        path = folder / "report.pdf"
        path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    elif kind == "docx":
        path = folder / "minutes.docx"
        path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    elif kind == "unreadable":
        path = folder / "secret.txt"
        path.write_text(GOOD, encoding="utf-8")
        path.chmod(0)
        if os.access(path, os.R_OK):
            path.chmod(0o600)
            pytest.skip("running as a user who can read a file with mode 000 (root)")
    else:
        raise ValueError(kind)
    return path


# One run each for the kinds the issue names; the variants go into the one run with every bad file at once
# (each run pays the lemmatiser's start-up for the good file).
CASES = ["missing", "unreadable", "binary", "empty", "pdf", "docx"]
VARIANTS = ["missing-folder", "binary-html", "blank", "html-without-text"]


@pytest.mark.parametrize("kind", CASES)
def test_bad_file_is_one_line_exit_2_and_the_rest_is_built(kind, edukg, tmp_path, good, sample_store_copy,
                                                           stored_before):
    bad = _make(kind, tmp_path / "in")
    code, out, err = edukg("build", good, bad, "--store", sample_store_copy)

    assert code == 2, (out, err)
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr:\n{err}"
    assert str(bad) in lines[0]
    assert "Built 1 document" in out, out

    after = quads(sample_store_copy)
    assert f"{BASE}graph/source/good-news" in after, "the good file of the same run was not built"
    for graph, content in stored_before.items():
        assert after.get(graph) == content, f"{graph} changed or was lost"
    assert f"{BASE}graph/source/{bad.stem}" not in after


def test_all_bad_files_at_once_each_named_once(cli, tmp_path, good, sample_store_copy, stored_before):
    bad = [_make(kind, tmp_path / "in") for kind in CASES + VARIANTS if kind != "unreadable"]
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    bad.append(empty_folder)
    code, out, err = cli("build", good, *bad, "--store", sample_store_copy)
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == len(bad), err
    for path in bad:
        assert sum(str(path) in line for line in lines) == 1, (path, err)
    after = quads(sample_store_copy)
    assert f"{BASE}graph/source/good-news" in after
    for graph, content in stored_before.items():
        assert after.get(graph) == content


def test_a_bad_file_inside_a_folder_is_named(edukg, tmp_path, good, sample_store_copy):
    folder = good.parent
    (folder / "scan.txt").write_bytes(PNG)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")  # not a format edukg reads: skipped in a folder
    code, out, err = edukg("build", folder, "--store", sample_store_copy)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(folder / "scan.txt") in lines[0], err
    assert "Built 1 document" in out


# --- other encodings are decoded, not rejected -----------------------------------------------------------

def test_latin1_and_windows1252_files_are_decoded_and_built(edukg, tmp_path, sample_store_copy, stored_before):
    folder = tmp_path / "in"
    folder.mkdir()
    files = {"ymparisto-cp1252.txt": FINNISH_1252.encode("cp1252"),
             "skoldagarna-cp1252.txt": SWEDISH_1252.encode("cp1252"),
             "tiedote-latin1.txt": FINNISH_LATIN1.encode("latin-1")}
    for name, data in files.items():
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")  # the fixture really is not UTF-8
        (folder / name).write_bytes(data)

    code, out, err = edukg("build", *sorted(folder.iterdir()), "--store", sample_store_copy)
    assert code == 0, (out, err)
    assert "Built 3 documents" in out

    code, out, err = edukg("query", "organisations", "--format", "csv", "--store", sample_store_copy)
    assert code == 0, err
    names = {}
    for r in csv.DictReader(io.StringIO(out)):
        names.setdefault(r["source"].rsplit("/", 1)[-1], set()).add(r["name"])
    assert "Ympäristöministeriö" in names["ymparisto-cp1252"]
    assert "Utbildningsstyrelsen" in names["skoldagarna-cp1252"]
    assert "Ympäristöministeriö" in names["tiedote-latin1"]
    # no mojibake anywhere: "Ã¤" is what ä in UTF-8 looks like when read as Windows-1252, and the reverse
    assert "Ã" not in out and "\ufffd" not in out

    after = quads(sample_store_copy)
    for graph, content in stored_before.items():
        assert after.get(graph) == content
    titles = {str(o) for _, p, o in after[f"{BASE}graph/source/ymparisto-cp1252"]
              if str(p) == "http://purl.org/dc/terms/title"}
    assert titles == {"Ympäristöministeriö järjestää seminaarin"}


# --- a document that is built with something left out ---------------------------------------------------

def test_a_failing_relation_step_is_one_warning_line_naming_the_file(edukg, tmp_path, good, monkeypatch):
    import edukg.ingest.extract.registry as registry

    def fail(*args, **kwargs):
        raise RuntimeError("simulated failure")

    monkeypatch.setattr(registry, "extract_events", fail)  # one relation step fails; the rest of the document is kept
    code, out, err = edukg("build", good, "--store", tmp_path / "store", "--no-validate")
    assert code == 0, err
    assert "Built 1 document" in out
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr:\n{err}"
    assert str(good) in lines[0] and "events" in lines[0]
