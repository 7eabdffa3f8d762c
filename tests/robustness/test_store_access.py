"""Who may open a store: reading commands never create one and never take its lock, so they work while a
build writes and see its committed documents; a store's parent folders are created for a build; a folder
that is not a store is never written into; a second writer is told which lock stops it."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from edukg.core.errors import StoreError
from edukg.core.store import OxigraphStore, is_store, open_store

BASE = "https://w3id.org/edukg/"
GRAPH = f"{BASE}graph/source/held"

# A writer that keeps the store open (and locked) until its stdin closes.
HOLD = """
import sys
from rdflib import Graph, Literal, URIRef
from edukg.core.store import OxigraphStore
from edukg.validate import load_ontology_graph
store = OxigraphStore(sys.argv[1])
g = Graph()
s = URIRef("https://w3id.org/edukg/id/source/held")
g.add((s, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("http://www.w3.org/ns/prov#Entity")))
g.add((s, URIRef("http://purl.org/dc/terms/identifier"), Literal("held")))
store.replace_graph("https://w3id.org/edukg/graph/ontology", load_ontology_graph())
store.replace_graph(sys.argv[2], g)
print("ready", flush=True)
sys.stdin.read()
"""


def listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("command", [("query", "sources"), ("validate",), ("remove", "x")])
def test_a_reading_command_on_a_folder_of_documents_writes_nothing(cli, tmp_path, command):
    docs = tmp_path / "my-documents"
    docs.mkdir()
    (docs / "notes.txt").write_text("Opetushallitus tiedottaa.\n", encoding="utf-8")
    before = listing(docs)
    code, out, err = cli(*command, "--store", docs)
    assert code == 2, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(docs) in lines[0] and "not an edukg store" in lines[0], err
    assert listing(docs) == before


def test_a_reading_command_on_a_missing_path_creates_nothing(cli, tmp_path):
    code, out, err = cli("query", "sources", "--store", "notastore")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "notastore" in err
    assert list(tmp_path.iterdir()) == []


def test_a_build_creates_the_parent_folders_of_its_store(tmp_path):
    path = tmp_path / "not" / "yet" / "there" / "store"
    with open_store(path) as store:
        store.replace_graph(GRAPH, Graph())
    assert (path / "CURRENT").is_file()


def test_a_build_never_writes_its_database_into_a_folder_of_documents(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not an edukg store"):
        open_store(docs)
    assert [p.name for p in docs.iterdir()] == ["a.txt"]


def test_a_store_whose_creation_was_killed_is_created_on_the_next_build(tmp_path):
    path = tmp_path / "store"
    path.mkdir()
    for name in ("LOCK", "LOG", "IDENTITY"):  # what RocksDB writes before CURRENT
        (path / name).write_bytes(b"")
    with pytest.raises(StoreError, match="no store here"):
        open_store(path, read_only=True)
    with open_store(path) as s:
        s.replace_graph(GRAPH, Graph())
    assert is_store(path)


def test_a_read_only_store_refuses_writes(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_graph(GRAPH, Graph())
    with open_store(tmp_path / "s", read_only=True) as s:
        with pytest.raises(StoreError, match="read-only"):
            s.drop_graph(GRAPH)


@pytest.fixture
def held_store(tmp_path):
    """A store held open for writing by another process, with one committed graph."""
    path = tmp_path / "store"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), GRAPH], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield path
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)


def test_readers_work_while_another_process_writes(held_store, cli):
    code, out, err = cli("query", "sources", "--format", "csv", "--store", held_store)
    assert code == 0, err
    assert GRAPH in out
    with OxigraphStore(held_store, read_only=True) as store:
        assert GRAPH in store.graphs()


def test_a_second_writer_is_told_which_lock_holds_it(held_store, cli, tmp_path):
    doc = tmp_path / "doc.txt"
    doc.write_text("Opetushallitus tiedottaa.\n", encoding="utf-8")
    for command in (("build", doc), ("remove", "held")):
        code, out, err = cli(*command, "--store", held_store)
        assert code == 2, (command, out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and str(held_store / "LOCK") in lines[0], err
        assert "Traceback" not in err
