"""`edukg analyse` end to end on the sample corpus: the ranked table, the write-back, the named queries, bad input."""
import csv

import pytest
from rdflib import Literal

from edukg.build import build
from edukg.graph import analyse
from edukg.graph.writeback import analytics_graph_iri
from edukg.query import run_query
from edukg.core.store import OxigraphStore
from edukg.validate import validate_dataset

SAKKY_NAME = "Savon koulutuskuntayhtymä"
ANALYTICS = analytics_graph_iri()


@pytest.fixture(scope="module")
def analysed(sample_store, tmp_path_factory, module_cli):
    """A copy of the built sample corpus after `edukg analyse --by-year --out …`."""
    from conftest import copy_store
    store = copy_store(sample_store.path, tmp_path_factory.mktemp("analysed") / "store")
    out = store.parent / "metrics.csv"
    code, stdout, stderr = module_cli("analyse", "--store", store, "--by-year", "--out", out)
    return store, out, code, stdout, stderr


def test_the_table_ranks_savon_koulutuskuntayhtyma_first_as_a_broker(analysed):
    _, out, code, stdout, stderr = analysed
    assert code == 0, stderr
    first_row = next(line for line in stdout.splitlines() if line.lstrip().startswith("1 "))
    assert SAKKY_NAME in first_row
    assert f"  {SAKKY_NAME}: communities" in stdout
    assert "Change over time" in stdout and "2017" in stdout
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["name"] == SAKKY_NAME and float(rows[0]["betweenness"]) > 0
    assert {r["org"] for r in rows} >= {rows[0]["org"]} and len(rows) > 30


def test_the_results_are_written_back_and_read_by_the_named_queries(analysed):
    store_path = analysed[0]
    with OxigraphStore(store_path, create=False) as store:
        assert ANALYTICS in store.graphs()
        centrality = run_query("centrality", {}, store).records()
        brokers = run_query("brokers", {}, store).records()
        report = validate_dataset(store.dataset())
    assert str(centrality[0]["name"]) == SAKKY_NAME
    assert set(centrality[0]) >= {"org", "name", "degree", "betweenness", "eigenvector", "community"}
    assert [str(b["name"]) for b in brokers] == [SAKKY_NAME]
    assert brokers[0]["communities"] == Literal(2)
    # each connected community by its most central member: the broker heads its own, another member the other
    leaders = str(brokers[0]["connects_names"]).split(" | ")
    assert len(leaders) == 2 and SAKKY_NAME in leaders
    by_community: dict[str, list] = {}
    for row in centrality:
        if row.get("community") is not None:
            by_community.setdefault(str(row["community"]), []).append(row)
    tops = {str(max(rows, key=lambda r: (float(r["betweenness"]), int(r["degree"])))["name"])
            for c, rows in by_community.items() if c in str(brokers[0]["connects"]).split()}
    assert set(leaders) == tops
    assert report.conforms, report.text()


def test_a_second_run_replaces_the_first_and_a_build_that_changes_data_drops_it(sample_store_copy, tmp_path):
    with OxigraphStore(sample_store_copy, create=False) as store:
        analyse(store, by_year=True)
        first = len(store.dataset().graph(ANALYTICS))
        result = analyse(store)
        assert len(store.dataset().graph(ANALYTICS)) == result.written < first
        unchanged = build(None, store, validate=False)
        assert not unchanged.built and ANALYTICS in store.graphs()
        doc = tmp_path / "uusi.txt"
        doc.write_text("Opetushallitus ja Savon koulutuskuntayhtymä koordinoivat Uusi-hanketta.\n", encoding="utf-8")
        changed = build([doc], store, validate=False)
        assert changed.built and ANALYTICS not in store.graphs()


def test_invalid_measurements_are_reported_by_validation(sample_store_copy):
    from rdflib import URIRef
    from edukg.core.namespaces import EDUKG
    with OxigraphStore(sample_store_copy, create=False) as store:
        analyse(store)
        ds = store.dataset()
    graph = ds.graph(URIRef(ANALYTICS))
    node = next(graph.subjects(EDUKG.betweenness, None))
    graph.set((node, EDUKG.betweenness, Literal("high")))
    report = validate_dataset(ds)
    assert not report.conforms
    assert any("betweenness" in r.message for r in report.results)


@pytest.mark.parametrize("args, code, message", [
    (["--since", "2030", "--until", "2031"], 1, "no collaboration runs in years 2030–2031 (the data covers 2017–2023)"),
    (["--type", "region"], 1, "no two actors share a collaboration"),
    (["--since", "2020", "--until", "2010"], 2, "since 2020 is after until 2010"),
    (["--type", "castle"], 2, "org_types: unknown value castle"),
    (["--top", "0"], 2, "--top 0"),
    (["--programme", "Horizon"], 2, "no funding programme"),
])
def test_bad_input_is_one_line_and_writes_nothing(sample_store_copy, cli, args, code, message):
    got, stdout, stderr = cli("analyse", "--store", sample_store_copy, *args)
    assert got == code, stderr
    assert stderr.strip().splitlines() == [f"edukg: {stderr.strip()[len('edukg: '):]}"]
    assert message in stderr
    with OxigraphStore(sample_store_copy, create=False) as store:
        assert ANALYTICS not in store.graphs()


def test_an_empty_store_is_an_input_error(cli, tmp_path):
    OxigraphStore(tmp_path / "empty").close()
    code, _, stderr = cli("analyse", "--store", tmp_path / "empty")
    assert code == 2 and "holds no documents; run 'edukg build' first" in stderr
