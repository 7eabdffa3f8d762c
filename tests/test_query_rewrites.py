"""A contract query rewritten for speed returns the same rows in the same order as the text it replaced.

`tests/data/queries-reference/` keeps the earlier, plainer texts of the rewritten queries: they say what the rows
and their order are. Each shipped query must give the same CSV, byte for byte, on the sample store, on a store of
the invented register files, on one that holds both (documents in several languages beside register rows), on
the query tests' hand-written dataset, and on `ties.trig`, whose labels agree in their first characters.
"""
from __future__ import annotations

import gc
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from conftest import copy_store
from edukg.core.store import OxigraphStore
from edukg.import_register import import_register
from edukg.query import format_result, load_query, parse_query, run_query

REFERENCE = Path(__file__).parent / "data" / "queries-reference"
REGISTERS = Path(__file__).parent / "data" / "registers"
REWRITTEN = sorted(p.stem for p in REFERENCE.glob("*.rq"))
STORES = ["sample", "register", "both", "fixture", "ties"]


def load_trig(path: Path, store_path: Path) -> Path:
    ds = Dataset()
    ds.parse(path, format="trig")
    with OxigraphStore(store_path) as store:
        store.add_graphs({str(g.identifier): g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)})
    return store_path


@pytest.fixture(scope="module")
def stores(sample_store, tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("rewrites")
    registers = [REGISTERS / "sf-2007-2013.csv", REGISTERS / "sf-2014-2020.csv"]
    out = {"sample": sample_store.path}
    with OxigraphStore(base / "register") as store:
        import_register(registers, store)
    with OxigraphStore(copy_store(sample_store.path, base / "both")) as store:
        import_register(registers, store)
    out["register"], out["both"] = base / "register", base / "both"
    out["fixture"] = load_trig(Path(__file__).parent / "data" / "query-fixture.trig", base / "fixture")
    out["ties"] = load_trig(REFERENCE / "ties.trig", base / "ties")
    gc.collect()
    return out


def test_every_rewritten_query_has_its_reference():
    assert {"participants", "funding", "projects", "organisations"} <= set(REWRITTEN)


@pytest.mark.parametrize("where", STORES)
@pytest.mark.parametrize("name", REWRITTEN)
def test_the_rewritten_query_gives_the_reference_rows_in_the_reference_order(stores, where, name):
    shipped = load_query(name)
    reference = parse_query((REFERENCE / f"{name}.rq").read_text(encoding="utf-8"), name)
    assert shipped.columns == reference.columns  # the query contract: the same columns
    with OxigraphStore(stores[where], read_only=True) as store:
        expected = run_query(reference, {}, store)
        got = run_query(shipped, {}, store)
    gc.collect()
    assert expected.rows, f"{name} finds nothing on the {where} store: the comparison would prove nothing"
    assert format_result(got, "csv") == format_result(expected, "csv")
