"""What a large corpus relies on: worker processes change nothing in the output, the map step is a library
function, a rebuild validates only what changed, reading commands never load the lemmatiser, and a long
document costs in proportion to its length (measured in benchmarks/, checked here for identical output)."""
from __future__ import annotations

import gc
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib.namespace import PROV

from edukg.build import build, extract_document, sample_corpus
from edukg.ingest.extract.actors import _Covered
from edukg.core.store import OxigraphStore


def _quads(store: OxigraphStore) -> set[tuple[str, ...]]:
    # the ingest time differs between two builds; everything else must not
    return {(str(s), str(p), str(o), str(g)) for s, p, o, g in store.dataset().quads()
            if p != PROV.generatedAtTime}


@pytest.mark.parametrize("preload", [False, True])
def test_worker_processes_build_the_same_quads_as_one(monkeypatch, preload):
    if preload:  # the workers of a large build, forked from a server that extracted the sample texts first
        monkeypatch.setattr("edukg.build._PRELOAD_MIN_DOCUMENTS", 1)
    serial, parallel = OxigraphStore(None), OxigraphStore(None)
    one = build(None, serial, validate=False, jobs=1)
    before = set(multiprocessing.active_children())
    two = build(None, parallel, validate=False, jobs=2)
    assert one.built == two.built and len(one.built) == len(sample_corpus())
    assert _quads(serial) == _quads(parallel)
    assert set(multiprocessing.active_children()) <= before  # no worker and no fork server left behind
    from multiprocessing import forkserver
    assert forkserver._forkserver._forkserver_pid is None


def test_the_fork_server_warms_up_while_the_files_are_read(tmp_path: Path, monkeypatch):
    import edukg.build as build_module
    from multiprocessing import forkserver
    monkeypatch.setattr(build_module, "_PRELOAD_MIN_DOCUMENTS", 2)
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in sample_corpus()[:2]:
        (docs / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    running: list[bool] = []
    real = build_module.read_document
    monkeypatch.setattr(build_module, "read_document", lambda path, sid=None, **kw:
                        running.append(forkserver._forkserver._forkserver_pid is not None) or real(path, sid, **kw))
    store = OxigraphStore(None)
    first = build([docs], store, validate=False, jobs=2)
    assert len(first.built) == 2 and running == [True, True]
    assert forkserver._forkserver._forkserver_pid is None  # and stopped with the build
    # a rebuild with too few files new to the store starts none, even before it knows which ones changed
    changed = sorted(docs.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    running.clear()
    again = build([docs], store, validate=False, jobs=2)
    assert len(again.built) == 1 and running == [False]


def test_the_map_step_gives_the_graph_a_build_writes():
    path = sample_corpus()[0]
    store = OxigraphStore(None)
    build([path], store, validate=False)
    graph_iri, graph = extract_document(path)
    assert graph_iri in store.graphs()
    mapped = OxigraphStore(None)  # through a store too, which writes integers of every type as xsd:integer
    mapped.replace_graph(graph_iri, graph)
    assert _quads(mapped) == _quads(store) - {q for q in _quads(store) if "/graph/ontology" in q[3]}


def test_a_rebuild_validates_only_what_changed(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in sample_corpus():  # five: one changed is a small share, validated on its own
        (docs / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    store = OxigraphStore(None)
    first = build([docs], store)
    assert first.validation is not None and first.validation.sources_checked == 5
    again = build([docs], store)
    assert again.validation is None and again.validation_skipped and not again.built
    changed = sorted(docs.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    third = build([docs], store)
    assert len(third.built) == 1
    assert third.validation is not None and third.validation.sources_checked == 1
    assert third.validation.conforms == first.validation.conforms


def test_a_rebuild_reads_only_the_changed_files(tmp_path: Path, monkeypatch):
    import edukg.build as build_module
    docs = tmp_path / "docs"
    docs.mkdir()
    for p in sample_corpus()[:3]:
        (docs / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    store = OxigraphStore(None)
    first = build([docs], store)
    read: list[str] = []
    real = build_module.read_document
    monkeypatch.setattr(build_module, "read_document", lambda path, sid=None, **kw: read.append(sid) or real(path, sid, **kw))
    changed = sorted(docs.iterdir())[1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    again = build([docs], store)
    assert read == again.built == [first.built[1]]
    # the summary counts the documents' triples, not the ontology's
    assert again.triples == sum(1 for q in store.dataset().quads() if "/graph/source/" in str(q[3])) > 0


def test_a_build_leaves_no_pile_of_old_rocksdb_logs(tmp_path: Path):
    path = tmp_path / "store"
    for _ in range(3):
        store = OxigraphStore(path)
        build(sample_corpus()[:1], store, validate=False)
        store.close()
        del store
        gc.collect()
    assert not list(path.glob("LOG.old.*"))


def test_reading_commands_never_load_the_lemmatiser(sample_store_copy: Path):
    code = (
        "import sys\n"
        "from edukg.cli import main\n"
        f"main(['query', 'sources', '--store', {str(sample_store_copy)!r}, '--format', 'csv'])\n"
        f"main(['validate', '--store', {str(sample_store_copy)!r}])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('simplemma', 'gender_guesser'))\n"
        "print('LOADED', loaded)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300).stdout
    assert "LOADED []" in out, out


def test_extracting_a_document_holds_the_small_dictionaries_only():
    # a build worker extracts documents of all three languages: decoded dictionaries took 530 MB a worker
    code = (
        "import re\n"
        "from pathlib import Path\n"
        "from edukg.build import extract_document, sample_corpus\n"
        "from simplemma.strategies.dictionaries import DEFAULT_DICTIONARY_FACTORY, LOW_MEMORY_DICTIONARY_FACTORY\n"
        "for path in sample_corpus(): extract_document(path)\n"
        "print('DECODED', DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_info().currsize,\n"
        "      'STREAMED', LOW_MEMORY_DICTIONARY_FACTORY._get_dictionary.cache_info().currsize,\n"
        # this process's peak (ru_maxrss would count the test process it was forked from)
        "      'MB', int(re.search(r'VmHWM:\\s+(\\d+)', Path('/proc/self/status').read_text()).group(1)) // 1024)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300).stdout.split()
    assert out[:4] == ["DECODED", "0", "STREAMED", "3"], out
    assert int(out[5]) < 400, out


def test_covered_spans_answer_like_a_scan_of_the_spans():
    spans = [(3, 7), (10, 11), (20, 30), (25, 26)]
    covered = _Covered(spans)
    for pos in range(0, 35):
        assert covered.at(pos) == any(a <= pos < b for a, b in spans)
    for a in range(0, 33):
        for b in range(a + 1, 35):
            assert covered.overlaps(a, b) == any(not (b <= x or a >= y) for x, y in spans)
