"""`edukg import-register` end to end through the command line, on invented register files: the import, the
validation, the contract queries that show its projects, re-importing, bad rows, unknown formats, a changed
file, a register's implementer meeting a document's actor, and the same load on a remote graph store."""
from __future__ import annotations

import csv
import gc
import io
import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from edukg.core.store import EndpointStore, OxigraphStore
from edukg.import_register import import_register

DATA = Path(__file__).parent / "data" / "registers"
SOURCE = "https://w3id.org/edukg/graph/source/"
GENERATED_AT = URIRef("http://www.w3.org/ns/prov#generatedAtTime")


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def snapshot(path: Path) -> dict[str, frozenset]:
    with OxigraphStore(path, read_only=True) as store:
        _, result = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    gc.collect()
    out: dict[str, set] = {}
    for r in result:
        out.setdefault(str(r["g"]), set()).add((r["s"], r["p"], r["o"]))
    return {g: frozenset(q) for g, q in out.items()}


@pytest.fixture(scope="module")
def imported(module_cli, tmp_path_factory):
    store = tmp_path_factory.mktemp("reg") / "store"
    files = [DATA / "sf-2007-2013.csv", DATA / "sf-2014-2020.csv"]
    result = module_cli("import-register", *files, "--store", store)
    return store, files, result


def test_import_prints_its_summary_and_succeeds(imported):
    _, _, (code, out, err) = imported
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Imported 2 register files into ") and lines[0].endswith("(0 unchanged, 0 failed)")
    assert lines[1] == "  5 rows: 5 projects, 0 rows left out"
    assert lines[2].startswith("  3 implementer strings → 3 organisations (0 merges made, 0 left for review); 5 funders")
    assert "negative amount -500 left out" in err  # a warning, not a failure


def test_the_import_conforms_to_the_shapes(imported, module_cli):
    store, _, _ = imported
    code, out, err = module_cli("validate", "--store", store)
    assert code == 0, out + err
    assert "conforms" in out


def test_contract_queries_show_the_register_projects(imported, module_cli):
    store, _, _ = imported
    code, out, _ = module_cli("query", "projects", "--store", store, "--format", "csv")
    projects = {r["name"]: r for r in rows(out)}
    assert code == 0 and len(projects) == 5
    kiko = projects["Kieliketju, koulusta työhön (KIKO)"]
    assert (kiko["start"], kiko["end"], kiko["source"]) == ("2008-08-01", "2011-07-31", SOURCE + "sf-2007-2013")
    assert kiko["project"].endswith("/id/project/fi-sf-s90001")

    code, out, _ = module_cli("query", "participants", "--store", store, "--format", "csv")
    parts = {(r["project"], r["organisation"], r["role"]) for r in rows(out)}
    assert ("Kieliketju, koulusta työhön (KIKO)", "Savon koulutuskuntayhtymä", "coordinator") in parts
    assert ("Kieliketju, koulusta työhön (KIKO)", "Pohjois-Savon elinkeino-, liikenne- ja ympäristökeskus", "funder") in parts

    code, out, _ = module_cli("query", "funding", "--store", store, "--format", "csv")
    funding = {r["project"]: r for r in rows(out)}
    assert funding["Digiosaajat, uusi polku"]["amount"] == "90000"  # the granted EU and state funding
    assert funding["Digiosaajat, uusi polku"]["currency"] == "EUR"
    assert funding["Digiosaajat, uusi polku"]["programme"] == "ESR 2014–2020"
    assert funding["Puurakentamisen laboratorio"]["programme"] == "EAKR 2007–2013"


def test_each_fact_says_which_row_of_which_file_it_came_from(imported):
    store, files, _ = imported
    q = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX edukg: <https://w3id.org/edukg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?line ?file WHERE { GRAPH ?g { ?m a org:Membership ; org:organization ?p ; edukg:registerRow ?row .
  ?p dcterms:identifier "A90003" . ?row edukg:line ?line ; prov:wasDerivedFrom ?src . ?src dcterms:source ?file } }"""
    with OxigraphStore(store, read_only=True) as s:
        _, result = s.select(q)
    gc.collect()
    assert [(int(r["line"]), str(r["file"])) for r in result] == [(4, files[0].resolve().as_uri())]


def test_reimporting_unchanged_files_changes_nothing(imported, module_cli):
    store, files, _ = imported
    before = snapshot(store)
    code, out, _ = module_cli("import-register", *files, "--store", store)
    assert code == 0
    assert out.splitlines() == [f"Imported 0 register files into {store} (2 unchanged, 0 failed)"]
    assert snapshot(store) == before


def test_bad_rows_are_named_the_rest_imported_and_the_exit_code_is_2(cli, tmp_path):
    store = tmp_path / "store"
    code, out, err = cli("import-register", DATA / "sf-malformed.csv", "--store", store)
    assert code == 2
    bad = [line for line in err.splitlines() if line.startswith("edukg: ")]
    assert [line.split("sf-malformed.csv:")[1].split(":")[0] for line in bad] == ["3", "4", "5", "6"]
    assert "  6 rows: 2 projects, 4 rows left out" in out.splitlines()
    code, out, _ = cli("query", "projects", "--store", store, "--format", "csv")
    assert {r["name"] for r in rows(out)} == {"Hyvä rivi ennen virheitä", "Hyvä rivi virheiden jälkeen"}


def test_a_file_of_unknown_format_is_one_line_naming_the_columns_expected(cli, tmp_path):
    code, out, err = cli("import-register", DATA / "not-a-register.csv", DATA / "cordis.csv",
                         "--store", tmp_path / "store")
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "not-a-register.csv: not a register format edukg knows" in lines[0]
    assert "Koodi, Rahasto, Projektin nimi" in lines[0]
    assert "Traceback" not in err
    assert out.startswith("Imported 1 register file into ")  # the other file is imported


def test_a_changed_file_replaces_its_graph(tmp_path):
    csv_path = tmp_path / "sf-2014-2020.csv"
    shutil.copy(DATA / "sf-2014-2020.csv", csv_path)
    with OxigraphStore(tmp_path / "store") as store:
        import_register([csv_path], store)
        csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("Akkuteknologian pilotti", "Akkupilotti"),
                            encoding="utf-8")
        report = import_register([csv_path], store)
        assert report.imported == ["sf-2014-2020"]
        _, result = store.select("""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?name WHERE { GRAPH ?g { ?p a <https://schema.org/Project> ; skos:prefLabel ?name } }""")
        assert sorted(str(r["name"]) for r in result) == ["Akkupilotti", "Digiosaajat, uusi polku"]
    gc.collect()


def test_a_register_implementer_meets_the_actor_of_a_document(sample_store_copy):
    with OxigraphStore(sample_store_copy) as store:
        import_register([DATA / "sf-2014-2020.csv"], store)
        _, result = store.select("""PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT DISTINCT ?g WHERE { GRAPH ?g { ?o skos:prefLabel "Savon koulutuskuntayhtymä"@fi } }""")
    gc.collect()
    graphs = {str(r["g"]) for r in result}
    assert SOURCE + "sf-2014-2020" in graphs and len(graphs) >= 2  # one node, described by both sources


def test_load_graph_on_a_remote_graph_store(tmp_path):
    from servers import free_port, oxigraph_executable, running
    exe = oxigraph_executable()
    if exe is None:
        pytest.skip("the oxigraph server is not installed")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with running([exe, "serve", "--location", str(tmp_path / "oxi"), "--bind", f"127.0.0.1:{port}"], url + "/query"):
        store = EndpointStore(url + "/query", gsp_url=url + "/store")
        report = import_register([DATA / "sf-2007-2013.csv"], store)
        assert report.imported == ["sf-2007-2013"] and report.problems == []
        again = import_register([DATA / "sf-2007-2013.csv"], store)
        assert again.unchanged == ["sf-2007-2013"]
        _, result = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%ssf-2007-2013> { ?s ?p ?o } }" % SOURCE)
        assert int(result[0]["n"]) == report.triples
        # without a graph store, one SPARQL Update request replaces the graph
        plain = EndpointStore(url + "/query")
        report = import_register([DATA / "sf-2014-2020.csv"], plain)
        assert report.imported == ["sf-2014-2020"]
        _, result = plain.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%ssf-2014-2020> { ?s ?p ?o } }" % SOURCE)
        assert int(result[0]["n"]) == report.triples


def test_a_failed_load_leaves_the_graph_as_it_was(tmp_path):
    graph = SOURCE + "x"
    good = "".join(f'<http://e.org/s{i}> <http://e.org/p> "{i}" .\n' for i in range(20_000)).encode()
    with OxigraphStore(tmp_path / "store") as store:
        store.load_graph(SOURCE + "other", b'<http://e.org/a> <http://e.org/p> "kept" .\n')
        with pytest.raises(Exception):
            store.load_graph(graph, good + b"<broken\n")  # a new graph: bulk-loaded, then rolled back
        assert graph not in store.graphs()
        store.load_graph(graph, good)
        with pytest.raises(Exception):
            store.load_graph(graph, good.replace(b'"1"', b'"one"') + b"<broken\n")  # an existing graph
        _, result = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }" % graph)
        assert int(result[0]["n"]) == 20_000
        assert store.ask('ASK { GRAPH <%s> { <http://e.org/s1> <http://e.org/p> "1" } }' % graph)
        assert store.graphs() == sorted([graph, SOURCE + "other"])
    gc.collect()


def test_a_graph_loaded_in_pieces_is_whole_or_absent(tmp_path, monkeypatch):
    monkeypatch.setattr(OxigraphStore, "_BULK_PIECE", 1000)  # some forty pieces
    graph = SOURCE + "x"
    lines = [f'<http://e.org/s{i}> <http://e.org/p> "{i}" .\n' for i in range(1000)]
    # a blank node named in the first piece and in the last is one node
    good = ("_:amount <http://e.org/value> \"1\" .\n" + "".join(lines) +
            "<http://e.org/s0> <http://e.org/amount> _:amount .\n").encode()
    with OxigraphStore(tmp_path / "store") as store:
        with pytest.raises(Exception):
            store.load_graph(graph, "".join(lines).encode() + b"<broken\n")  # the last piece fails: all go
        assert graph not in store.graphs()
        for i, text in enumerate(["".join(lines).encode(), good]):
            path = tmp_path / f"graph{i}.nt"
            path.write_bytes(text)
            store.drop_graph(graph)
            store.load_graph(graph, path)
            _, result = store.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }" % graph)
            assert int(result[0]["n"]) == len(text.splitlines())
        assert store.ask('ASK { GRAPH <%s> { <http://e.org/s0> <http://e.org/amount> ?a . ?a <http://e.org/value> "1" } }'
                         % graph)
    gc.collect()


# The real register sits beside the project, like the development corpus: the test skips where it is absent.
REGISTER = Path(__file__).parents[2] / "shared" / "data" / "fi-structural-funds"


def test_the_real_2014_2020_register(tmp_path, cli):
    path = REGISTER / "projects-2014-2020.csv"
    if not path.is_file():
        pytest.skip(f"the structural-funds register is not present at {REGISTER}")
    store = tmp_path / "store"
    with OxigraphStore(store) as s:
        report = import_register([path], s)
        _, result = s.select("""PREFIX schema: <https://schema.org/>
            PREFIX org: <http://www.w3.org/ns/org#>
            SELECT (COUNT(DISTINCT ?p) AS ?projects) (COUNT(DISTINCT ?g) AS ?grants) (COUNT(DISTINCT ?m) AS ?coordinations)
            WHERE { GRAPH ?src { { ?p a schema:Project } UNION { ?g a schema:MonetaryGrant }
                                 UNION { ?m org:role ?role } } }""")
    gc.collect()
    assert report.rows == 2_881 and report.projects == 2_880
    assert [p.split(":")[-2] for p in report.problems] == ["148"]  # its start date is no date
    counts = {k: int(v) for k, v in result[0].items()}
    # every row names its authority; one row names no implementer
    assert counts == {"projects": 2_880, "grants": 2_880, "coordinations": 2_879}
    code, out, err = cli("validate", "--store", store, timeout=300)
    assert code == 0, out + err


def test_review_file_overrides_and_remove(cli, tmp_path):
    store = tmp_path / "store"
    review = tmp_path / "review.csv"
    code, _, err = cli("import-register", DATA / "sf-2007-2013.csv", "--store", store, "--review", review)
    assert code == 0, err
    with open(review, encoding="utf-8", newline="") as f:
        assert next(csv.reader(f))[:2] == ["a", "b"]  # the header of the review file, whatever it lists
    code, out, err = cli("import-register", DATA / "sf-2014-2020.csv", "--store", store,
                         "--overrides", tmp_path / "missing.csv")
    assert code == 2 and err.strip().startswith("edukg: --overrides ") and "Traceback" not in err
    code, out, _ = cli("remove", DATA / "sf-2007-2013.csv", "--store", store)
    assert code == 0 and out.startswith("Removed 1 source")
    code, out, _ = cli("query", "projects", "--store", store, "--format", "csv")
    assert rows(out) == []
