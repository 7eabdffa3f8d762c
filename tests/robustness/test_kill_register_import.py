"""Nothing is lost when a register import dies: `edukg import-register` killed with SIGKILL while it bulk-loads a
large file leaves the store as it was — a reader is told that a load was killed instead of seeing half a graph,
the next opening for writing rolls the unfinished load back, and importing again completes it."""
from __future__ import annotations

import csv
import gc
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from edukg.core.errors import StoreError
from edukg.core.store import OxigraphStore
from edukg.import_register import import_register

DATA = Path(__file__).parents[1] / "data" / "registers"
HEADER = ["Koodi", "Rahasto", "Hankkeen nimi", "Tl", "Viranomainen", "Tila", "Aloituspvm", "Päättymispvm",
          "Toteuttajan nimi", "Myönnetty EU- ja valtion rahoitus", "Toteutunut EU- ja valtion rahoitus",
          "Suunniteltu julkinen rahoitus yhteensä", "Toteutunut julkinen rahoitus yhteensä"]


def invented_register(path: Path, rows: int) -> Path:
    """A register in the 2014–2020 format with invented projects, large enough that its load takes a while."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        for i in range(rows):
            w.writerow([f"S{500000 + i}", "ESR" if i % 3 else "EAKR", f"Kuviteltu hanke numero {i}", str(1 + i % 5),
                        f"Esimerkkiseudun elinkeino-  liikenne- ja ympäristökeskus {i % 15}", "Toiminnassa",
                        f"1.{1 + i % 12}.2016", f"28.2.{2018 + i % 3}", f"Kuviteltu koulutusyhtymä {i % 2500}",
                        str(10000 + i), str(5000 + i), str(12000 + i), str(6000 + i)])
    return path


def snapshot(store) -> dict[str, frozenset]:
    _, rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    out: dict[str, set] = {}
    for r in rows:
        out.setdefault(str(r["g"]), set()).add((r["s"], r["p"], r["o"]))
    return {g: frozenset(q) for g, q in out.items()}


def test_an_import_killed_while_it_loads_leaves_the_store_as_it_was(tmp_path):
    path = tmp_path / "store"
    with OxigraphStore(path) as store:  # the store before: one register already imported
        import_register([DATA / "sf-2007-2013.csv"], store)
        before = snapshot(store)
    gc.collect()
    big = invented_register(tmp_path / "big-register.csv", 8_000)
    marker = path / OxigraphStore._MARKER
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "edukg", "import-register", str(big), "--store", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None and not marker.exists():
            time.sleep(0.02)
        assert proc.poll() is None, "the import ended before it could be killed while loading"
        time.sleep(0.3)  # into the bulk load
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert marker.exists(), "the load had finished when the import was killed"

    with pytest.raises(StoreError, match="killed before it finished"):  # a reader never sees the half graph
        OxigraphStore(path, read_only=True)
    gc.collect()
    with OxigraphStore(path) as store:  # opening for writing rolls the unfinished load back
        assert snapshot(store) == before
    gc.collect()
    assert not marker.exists()

    with OxigraphStore(path) as store:  # importing again completes it
        report = import_register([big], store)
        assert report.imported == ["big-register"] and report.problems == []
        after = snapshot(store)
    gc.collect()
    assert {g: q for g, q in after.items() if g in before} == before
    assert len(after["https://w3id.org/edukg/graph/source/big-register"]) == report.triples
