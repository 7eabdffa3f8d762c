"""Sources leave the store on request: `edukg remove` by file (also a deleted one), folder, source id or IRI,
and `edukg build --prune` drops the sources of files gone from the folders it builds; nothing else changes."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest
from rdflib import URIRef

from edukg.build import build
from edukg.sources import remove, stored_sources
from edukg.core.store import OxigraphStore

BASE = "https://w3id.org/edukg/"
DOCS = {
    "news/one.txt": "Opetushallitus tiedottaa\n\nOpetushallitus rahoittaa Tampereen yliopiston hanketta.\n",
    "news/two.txt": "Utbildningsstyrelsen informerar\n\nUtbildningsstyrelsen ordnar Skoldagarna i Vasa.\n",
    "pages/three.md": "# Ministry news\n\nThe Ministry of Education and Culture funds the University of Helsinki.\n",
}


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "docs"
    for name, text in DOCS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def store(folder):
    with OxigraphStore(None) as s:
        assert build([folder], s, validate=False).problems == []
        yield s


def ids(store) -> set[str]:
    return {s.id for s in stored_sources(store).values()}


def graph_quads(store, graph: str) -> set[tuple]:
    _, rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)})
    return {(r["s"], r["p"], r["o"]) for r in rows}


@pytest.mark.parametrize("target", [
    lambda f: f / "news" / "one.txt",                      # the file
    lambda f: "news/one",                                   # its id, as in the `source` column
    lambda f: f"{BASE}graph/source/news/one",               # its graph
    lambda f: f"{BASE}id/source/news/one",                  # its provenance node
], ids=["path", "id", "graph-iri", "source-iri"])
def test_remove_one_source_by_any_of_its_names(store, folder, target):
    kept = graph_quads(store, f"{BASE}graph/source/news/two")
    report = remove([target(folder)], store)
    assert report.ok and report.removed == [f"{BASE}graph/source/news/one"]
    assert ids(store) == {"news/two", "pages/three"}
    assert graph_quads(store, f"{BASE}graph/source/news/two") == kept
    assert f"{BASE}graph/ontology" in store.graphs()


def test_remove_a_deleted_file_and_a_folder(store, folder):
    (folder / "pages" / "three.md").unlink()
    report = remove([folder / "pages" / "three.md", folder / "news"], store)
    assert report.ok and len(report.removed) == 3
    assert ids(store) == set()


def test_a_target_that_matches_nothing_is_a_problem_and_the_others_are_removed(store, folder):
    report = remove(["no-such-source", folder / "news" / "two.txt"], store)
    assert report.problems == ["no-such-source: no source in the store matches it"]
    assert ids(store) == {"news/one", "pages/three"}


def test_prune_drops_the_sources_of_deleted_and_renamed_files(store, folder):
    (folder / "news" / "one.txt").unlink()
    (folder / "news" / "two.txt").rename(folder / "news" / "zwei.txt")
    report = build([folder], store, validate=False, prune=True)
    assert report.problems == []
    assert sorted(report.pruned) == [f"{BASE}graph/source/news/one", f"{BASE}graph/source/news/two"]
    assert ids(store) == {"news/zwei", "pages/three"}


def test_without_prune_a_renamed_file_counts_twice(store, folder):
    (folder / "news" / "two.txt").rename(folder / "news" / "zwei.txt")
    report = build([folder], store, validate=False)
    assert report.pruned == []
    assert ids(store) == {"news/one", "news/two", "news/zwei", "pages/three"}


def test_prune_touches_nothing_outside_the_folders_it_builds(store, folder):
    (folder / "news" / "one.txt").unlink()
    report = build([folder / "pages"], store, validate=False, prune=True)
    assert report.pruned == []
    assert "news/one" in ids(store)


def test_remove_on_the_command_line(folder, tmp_path, cli):
    path = tmp_path / "store"
    with OxigraphStore(path) as s:
        build([folder], s, validate=False)
    del s
    gc.collect()
    code, out, err = cli("remove", folder / "news" / "one.txt", "nothing-here", "--store", path)
    assert code == 2
    assert err.strip() == "edukg: nothing-here: no source in the store matches it"
    assert out.strip() == f"Removed 1 source from {path}"
    code, out, err = cli("query", "sources", "--format", "csv", "--store", path)
    assert code == 0, err
    assert "news/one" not in out and "news/two" in out


def test_remove_from_a_missing_store_creates_nothing(tmp_path, cli):
    code, out, err = cli("remove", "x", "--store", tmp_path / "absent")
    assert code == 2 and "absent" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "absent").exists()


def test_a_file_whose_name_has_spaces_percent_signs_and_hashes_is_found_by_its_path(tmp_path):
    odd = tmp_path / "100% uutta #1 ä.txt"
    odd.write_text(DOCS["news/one.txt"], encoding="utf-8")
    with OxigraphStore(None) as store:
        assert build([odd], store, validate=False).problems == []
        odd.unlink()
        report = remove([odd], store)
        assert report.ok and len(report.removed) == 1
        assert ids(store) == set()
