"""Nothing is lost when a build dies: `edukg build` killed with SIGKILL at several points leaves a store that
opens, validates and holds every document it had written whole, exactly as a complete build writes it;
readers polling the store during the build only ever see whole documents; building again completes it."""
from __future__ import annotations

import gc
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import URIRef

from edukg.build import build
from edukg.core.store import OxigraphStore, is_store
from edukg.validate import validate_dataset
from servers import descendants, still_alive

SOURCE = "https://w3id.org/edukg/graph/source/"
GENERATED_AT = URIRef("http://www.w3.org/ns/prov#generatedAtTime")  # the time of each build: differs by design

Snapshot = dict[str, frozenset]


def snapshot(store) -> Snapshot:
    _, rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    out: dict[str, set] = {}
    for r in rows:
        if r["p"] != GENERATED_AT:
            out.setdefault(str(r["g"]), set()).add((r["s"], r["p"], r["o"]))
    return {g: frozenset(q) for g, q in out.items()}


def sources(snap: Snapshot) -> dict[str, frozenset]:
    return {g: q for g, q in snap.items() if g.startswith(SOURCE)}


COPIES = ("a", "b", "c", "d", "e", "f")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, sample_corpus_dir) -> Path:
    """The sample corpus six times, in sub-folders: thirty documents, so that a build on an idle machine is still
    running after the fourth (with ten, it could end between two looks of the reader)."""
    root = tmp_path_factory.mktemp("kill") / "docs"
    for sub in COPIES:
        shutil.copytree(sample_corpus_dir, root / sub, ignore=shutil.ignore_patterns("__*"))
    return root


@pytest.fixture(scope="module")
def complete(corpus, tmp_path_factory) -> Snapshot:
    """What a build that is not interrupted writes."""
    with OxigraphStore(None) as store:
        report = build([corpus], store, validate=False)
        assert report.problems == [] and len(report.built) == 5 * len(COPIES)
        return snapshot(store)


def read_while_running(path: Path) -> Snapshot | None:
    if not is_store(path):
        return None
    try:
        with OxigraphStore(path, read_only=True) as store:
            return snapshot(store)
    finally:
        gc.collect()


# killed while the store is being created, and after four documents (each start loads the lemmatiser again,
# so two points keep the module under a minute)
@pytest.mark.parametrize("written", [0, 4])
def test_a_build_killed_midway_loses_nothing(corpus, complete, tmp_path, written):
    path = tmp_path / "store"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    env.pop("EDUKG_STORE", None)
    proc = subprocess.Popen([sys.executable, "-m", "edukg", "build", str(corpus), "--store", str(path),
                             "--no-validate"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    seen = 0
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            snap = read_while_running(path)
            if snap is not None:
                for g, quads in sources(snap).items():
                    assert quads == complete[g], f"a reader saw half of {g}"
                seen = len(sources(snap))
                if seen >= written:
                    break
            time.sleep(0.1)
        assert proc.poll() is None, "the build ended before it could be killed"
        workers = descendants(proc.pid)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    # its extraction workers notice that their parent is gone and leave, instead of idling for ever
    assert not still_alive(workers, within=10), "worker processes outlived the killed build"

    with OxigraphStore(path) as store:  # opens for writing: the dead process left no lock behind
        snap = snapshot(store)
        report = validate_dataset(store.dataset())
    gc.collect()
    assert len(sources(snap)) >= written
    for g, quads in sources(snap).items():
        assert quads == complete[g], f"{g} is not the whole document"
    if sources(snap):
        assert report.conforms, report.text()

    with OxigraphStore(path) as store:  # building again completes it
        again = build([corpus], store, validate=False)
        assert again.problems == []
        assert len(again.unchanged) == len(sources(snap))
        assert sources(snapshot(store)) == sources(complete)
    gc.collect()
