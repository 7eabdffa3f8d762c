"""A document's identity is its path relative to the folder it was built from (or its own folder for a file
named alone): two `index.html` in different sub-folders are two sources, rebuilding the same folder gives the
same ids, and two files that would share an id are reported instead of overwriting each other."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from edukg.build import build
from edukg.ingest.read import find_sources
from edukg.sources import stored_sources
from edukg.core.store import OxigraphStore

BASE = "https://w3id.org/edukg/"
PAGE = "<html><body><h1>{title}</h1><p>{body}</p></body></html>"
TEXTS = {
    "a": ("Opetushallitus tiedottaa", "Opetushallitus rahoittaa Tampereen yliopiston hanketta."),
    "b": ("Utbildningsstyrelsen informerar", "Utbildningsstyrelsen ordnar Skoldagarna i Vasa."),
    "c/deeper": ("Ministry news", "The Ministry of Schools and Culture funds the University of Norland."),
}


def graph(doc_id: str) -> str:
    return f"{BASE}graph/source/{doc_id}"


@pytest.fixture
def site(tmp_path) -> Path:
    """Three pages all named index.html, in different sub-folders."""
    root = tmp_path / "site"
    for folder, (title, body) in TEXTS.items():
        (root / folder).mkdir(parents=True)
        (root / folder / "index.html").write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    return root


@pytest.fixture
def store():
    with OxigraphStore(None) as s:
        yield s


def sources(store) -> dict[str, str]:
    """Source id → the file it was read from."""
    return {s.id: str(s.path) for s in stored_sources(store).values()}


def quads(store) -> set[tuple]:
    _, rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {(r["g"], r["s"], r["p"], r["o"]) for r in rows}


def test_three_index_pages_in_sub_folders_are_three_sources(site, store):
    report = build([site], store, validate=False)
    assert report.problems == []
    assert sorted(report.built) == ["a/index", "b/index", "c/deeper/index"]
    assert report.graphs == 3
    assert sources(store) == {f"{f}/index": str(site / f / "index.html") for f in TEXTS}
    # the `source` column holds the graph IRI, which must contain the file's name without extension
    assert all("index" in g for g in stored_sources(store))


def test_rebuilding_the_same_folder_gives_the_same_ids_and_changes_nothing(site, store):
    build([site], store, validate=False)
    before = quads(store)
    again = build([site], store, validate=False)
    assert again.built == [] and sorted(again.unchanged) == ["a/index", "b/index", "c/deeper/index"]
    assert quads(store) == before


def test_two_files_named_alone_with_one_name_are_reported(site, store):
    a, b = site / "a" / "index.html", site / "b" / "index.html"
    report = build([a, b], store, validate=False)
    assert report.built == ["index"]
    assert len(report.problems) == 1
    assert str(b) in report.problems[0] and str(a) in report.problems[0]
    assert sources(store) == {"index": str(a)}


def test_a_file_of_another_folder_with_a_taken_id_is_reported_and_the_store_kept(site, store):
    a, b = site / "a" / "index.html", site / "b" / "index.html"
    build([a], store, validate=False)
    before = quads(store)
    report = build([b], store, validate=False)
    assert report.built == []
    (line,) = report.problems
    assert str(b) in line and str(a) in line and "edukg remove" in line
    assert quads(store) == before


def test_a_file_built_again_from_its_parent_folder_keeps_one_graph(site, store):
    build([site / "a" / "index.html"], store, validate=False)
    assert sources(store) == {"index": str(site / "a" / "index.html")}
    report = build([site], store, validate=False)
    assert report.problems == []
    assert sources(store) == {f"{f}/index": str(site / f / "index.html") for f in TEXTS}


def test_a_moved_folder_takes_its_ids_along(site, store, tmp_path):
    build([site], store, validate=False)
    moved = tmp_path / "moved"
    shutil.move(site, moved)
    report = build([moved], store, validate=False)
    assert report.problems == []
    assert sources(store) == {f"{f}/index": str(moved / f / "index.html") for f in TEXTS}


def test_one_name_with_two_extensions_is_two_sources(tmp_path):
    (tmp_path / "notes.txt").write_text("Opetushallitus tiedottaa.\n", encoding="utf-8")
    (tmp_path / "notes.html").write_text(PAGE.format(title="x", body="Opetushallitus"), encoding="utf-8")
    found, problems = find_sources([tmp_path])
    assert problems == []
    assert sorted(s.id for s in found) == ["notes-html", "notes-txt"]


def test_a_file_named_twice_is_read_once(site):
    a = site / "a" / "index.html"
    (site / "link.html").symlink_to(a)
    found, problems = find_sources([site, a])
    assert problems == []
    assert [s.path for s in found].count(a) == 1
    assert sum(s.path.resolve() == a.resolve() for s in found) == 1


def test_names_with_spaces_and_non_ascii_letters_make_iri_safe_ids(tmp_path):
    folder = tmp_path / "Årsrapport 2023"
    folder.mkdir()
    (folder / "Tiedote äänestä tästä.txt").write_text("x", encoding="utf-8")
    (found,), _ = find_sources([tmp_path])
    assert found.id == "Årsrapport-2023/Tiedote-äänestä-tästä"


def test_the_sample_corpus_keeps_its_ids(sample_store, sample_corpus_dir):
    stems = sorted(p.stem for p in sample_corpus_dir.iterdir() if p.suffix in (".txt", ".md", ".html"))
    assert sorted(sample_store.report.built) == stems
