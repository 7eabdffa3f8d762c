"""End to end through the command line on the bundled sample corpus: build, validate, every contract query of
DESIGN.md, parameters, a user's own query file, JSON output, usage errors, and evaluation against the gold."""
from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from edukg.core.namespaces import ORGANISATION_TYPES
from edukg.query import list_queries

GOLD = Path(__file__).parent / "gold"

# DESIGN.md, "Query contract": these columns first, in this order.
CONTRACT = {
    "organisations": ["org", "name", "type", "source"],
    "people": ["person", "name", "role", "affiliation", "source"],
    "projects": ["project", "name", "start", "end", "source"],
    "participants": ["project", "organisation", "role", "source"],
    "funding": ["project", "funder", "amount", "currency", "programme", "source"],
    "coalitions": ["coalition", "organisation", "role", "source"],
    "events": ["event", "name", "date", "source"],
    "awards": ["award", "name", "recipient", "source"],
}
ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
PLAIN_DECIMAL = re.compile(r"-?\d+(\.\d+)?")
SUMMARY = re.compile(r"entities P=(\d\.\d\d) R=(\d\.\d\d) F1=(\d\.\d\d); "
                     r"relations P=(\d\.\d\d) R=(\d\.\d\d) F1=(\d\.\d\d)")


@pytest.fixture(scope="module")
def built(module_cli, tmp_path_factory):
    """`edukg build` with no arguments, run once for the module; the store is what the queries read."""
    store = tmp_path_factory.mktemp("e2e") / "store"
    code, out, err = module_cli("build", "--store", store)
    return store, code, out, err


@pytest.fixture(scope="module")
def query(built, module_cli):
    store = built[0]

    def run(*args: str):
        return module_cli("query", *args, "--store", store)
    return run


def rows(csv_text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(csv_text))
    return list(reader.fieldnames or []), list(reader)


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{err}"
    assert "Traceback" not in err
    return lines[0]


# --- build and validate -----------------------------------------------------------------------------------

def test_build_without_arguments_builds_the_sample_corpus_and_validates(built, sample_corpus_dir):
    store, code, out, err = built
    assert code == 0, err
    n = len(list(sample_corpus_dir.glob("*.txt")))
    assert f"Built {n} documents" in out
    assert "0 failed" in out
    assert re.search(r"[\d,]+ triples in %d source graphs" % n, out), out
    assert re.search(r"\d+ organisations", out)
    assert re.search(r"validation: .*the data conforms to the shapes", out), out
    assert "Traceback" not in err


def test_rebuilding_unchanged_files_changes_nothing(built, module_cli):
    store = built[0]
    code, out, err = module_cli("build", "--store", store)
    assert code == 0, err
    assert "Built 0 documents" in out and "5 unchanged" in out, out


def test_validate_reports_conformance(built, module_cli):
    code, out, err = module_cli("validate", "--store", built[0])
    assert code == 0, err
    assert "conforms to the shapes" in out
    assert "does not conform" not in out


def test_validate_turtle_is_a_standard_shacl_report(built, module_cli):
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF, SH

    code, out, err = module_cli("validate", "--store", built[0], "--format", "turtle")
    assert code == 0, err
    g = Graph().parse(data=out, format="turtle")
    report = g.value(predicate=RDF.type, object=SH.ValidationReport)
    assert report is not None
    assert g.value(report, SH.conforms) == Literal(True)


def test_validate_without_a_store_is_a_usage_error(cli, tmp_path):
    code, out, err = cli("validate", "--store", tmp_path / "nothing-here")
    assert code == 2
    assert "nothing-here" in one_line_error(err)


# --- the named queries ------------------------------------------------------------------------------------

def test_query_list_names_every_shipped_query(query):
    code, out, err = query("--list")
    assert code == 0, err
    listed = {line.split()[0] for line in out.splitlines() if line.strip()}
    shipped = {p.stem for p in (Path(__file__).parents[1] / "queries").glob("*.rq")}
    assert shipped and shipped <= listed
    assert set(CONTRACT) <= listed
    assert {q.name for q in list_queries()} == listed


@pytest.mark.parametrize("name", list(CONTRACT))
def test_contract_query_columns_and_rows(query, sample_corpus_dir, name):
    code, out, err = query(name, "--format", "csv")
    assert code == 0, err
    columns, records = rows(out)
    assert columns[: len(CONTRACT[name])] == CONTRACT[name]
    assert records, f"{name}: no rows on the sample corpus"
    stems = {p.stem for p in sample_corpus_dir.iterdir() if p.suffix in (".txt", ".md", ".html")}
    for r in records:
        # `source` holds the document's identifier, which contains the file name without extension
        assert any(stem in r["source"] for stem in stems), r
    check = VALUES.get(name)
    if check:
        for r in records:
            check(r)


def _organisations(r):
    assert r["org"].startswith("https://w3id.org/edukg/id/organisation/"), r
    assert r["name"].strip(), r
    assert r["type"] in ORGANISATION_TYPES, r


def _people(r):
    assert r["person"].startswith("https://w3id.org/edukg/id/person/"), r
    assert r["name"].strip(), r
    assert not r["role"].startswith("http"), r  # the title as written, not a concept IRI
    assert not r["affiliation"].startswith("http"), r  # a label


def _projects(r):
    assert r["project"].startswith("https://w3id.org/edukg/id/project/"), r
    assert r["name"].strip()
    for key in ("start", "end"):
        assert not r[key] or ISO_DATE.fullmatch(r[key]), r


def _participants(r):
    assert r["role"] in {"coordinator", "partner", "funder", "member", "organiser"}, r
    assert r["project"] and not r["project"].startswith("http"), r
    assert r["organisation"] and not r["organisation"].startswith("http"), r


def _funding(r):
    assert r["project"] and r["funder"], r
    if r["amount"]:
        assert PLAIN_DECIMAL.fullmatch(r["amount"]), r
        assert Decimal(r["amount"]) > 0
    if r["currency"]:
        assert re.fullmatch(r"[A-Z]{3}", r["currency"]), r


def _coalitions(r):
    assert r["role"] in {"member", "organiser"}, r
    assert r["coalition"] and r["organisation"], r


def _events(r):
    assert r["event"].startswith("https://w3id.org/edukg/id/event/"), r
    assert r["name"].strip(), r
    assert not r["date"] or ISO_DATE.fullmatch(r["date"]), r


def _awards(r):
    assert r["award"].startswith("https://w3id.org/edukg/id/award/"), r
    assert r["name"].strip(), r


VALUES = {"organisations": _organisations, "people": _people, "projects": _projects,
          "participants": _participants, "funding": _funding, "coalitions": _coalitions,
          "events": _events, "awards": _awards}


def test_funding_amounts_are_plain_decimals_with_a_currency(query):
    # 001: "635 000 euroa" from the European Social Fund; the amount must come out as 635000, not 635 000,00
    _, records = rows(query("funding", "--format", "csv")[1])
    amounts = [r for r in records if r["amount"]]
    assert amounts, "no grant with an amount in the sample corpus"
    assert any(Decimal(r["amount"]) == 635000 and r["currency"] == "EUR" for r in amounts), amounts


def test_dates_are_iso(query):
    _, projects = rows(query("projects", "--format", "csv")[1])
    assert any(r["start"] == "2017-12-13" and r["end"] == "2019-12-31" for r in projects), projects
    _, events = rows(query("events", "--format", "csv")[1])
    assert any(r["date"] == "2021-06-07" for r in events), events


def test_collaborators_of_an_organisation(query):
    code, out, err = query("collaborators", "--param", "org=Savon koulutuskuntayhtymä", "--format", "csv")
    assert code == 0, err
    columns, records = rows(out)
    assert columns[:7] == ["org_iri", "organisation", "collaborator_iri", "collaborator", "via", "via_kind", "source"]
    assert records
    collaborators = {r["collaborator"] for r in records}
    assert all(c.strip() for c in collaborators)
    assert "Savon koulutuskuntayhtymä" not in collaborators
    # Yhessä (002) names the partners of the Savo consortium
    assert "Itä-Savon koulutuskuntayhtymä" in collaborators
    assert {r["via_kind"] for r in records} <= {"project", "coalition"}
    assert {r["organisation"] for r in records} == {"Savon koulutuskuntayhtymä"}


def test_collaborators_by_acronym_and_by_iri_agree(query):
    by_name = rows(query("collaborators", "--param", "org=Savon koulutuskuntayhtymä", "--format", "csv")[1])[1]
    iri = by_name[0]["org_iri"]
    by_iri = rows(query("collaborators", "--param", f"org={iri}", "--format", "csv")[1])[1]
    key = lambda rs: sorted((r["collaborator_iri"], r["via"], r["source"]) for r in rs)  # noqa: E731
    assert key(by_iri) == key(by_name)


def test_actor_shows_evidence(query):
    code, out, err = query("actor", "--param", "actor=Margit Patronen", "--format", "csv")
    assert code == 0, err
    columns, records = rows(out)
    assert columns[:5] == ["actor_iri", "property", "value", "evidence", "source"]
    evidence = [r["evidence"] for r in records if r["evidence"]]
    assert any("Margit Patronen" in e for e in evidence), records
    assert any(r["value"] == "Savon koulutuskuntayhtymä" for r in records), records


def test_a_users_own_query_file_sees_the_union_of_the_graphs(query, tmp_path):
    rq = tmp_path / "my-own.rq"
    rq.write_text("PREFIX org: <http://www.w3.org/ns/org#>\n"
                  "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a org:Organization }\n", encoding="utf-8")
    code, out, err = query(str(rq), "--format", "csv")
    assert code == 0, err
    columns, records = rows(out)
    assert columns == ["n"]
    assert int(records[0]["n"]) > 10


def test_a_users_own_query_file_can_select_one_graph(query, tmp_path):
    rq = tmp_path / "per-graph.rq"
    rq.write_text("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g\n",
                  encoding="utf-8")
    code, out, err = query(str(rq), "--format", "csv")
    assert code == 0, err
    graphs = [r["g"] for r in rows(out)[1]]
    assert sum("/graph/source/" in g for g in graphs) == 5, graphs


def test_json_output_is_sparql_results_json(query):
    code, out, err = query("organisations", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["head"]["vars"][:4] == CONTRACT["organisations"]
    bindings = doc["results"]["bindings"]
    assert bindings
    for b in bindings:
        assert b["org"]["type"] == "uri"
        assert b["name"]["type"] == "literal"
        assert set(b) <= set(doc["head"]["vars"])
        for term in b.values():
            assert term["type"] in ("uri", "literal", "bnode") and isinstance(term["value"], str)


def test_tsv_and_table_formats(query):
    code, out, err = query("events", "--format", "tsv")
    assert code == 0, err
    assert out.splitlines()[0].split("\t")[:4] == CONTRACT["events"]
    code, out, err = query("events")
    assert code == 0, err
    assert out.split()[:4] == CONTRACT["events"]
    assert re.search(r"\(\d+ rows?\)", out)


# --- usage errors -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, named", [
    (("no-such-query",), "no-such-query"),
    (("collaborators", "--param", "org"), "--param org"),
    (("collaborators", "--param", "nope=1"), "nope"),
    (("collaborators",), "org"),
    (("missing-file.rq",), "missing-file.rq"),
])
def test_query_usage_errors_are_one_line_and_exit_2(query, args, named):
    code, out, err = query(*args, "--format", "csv")
    assert code == 2, (out, err)
    line = one_line_error(err)
    assert named in line
    assert line.startswith("edukg: ")


def test_a_query_with_a_syntax_error_is_one_line(query, tmp_path):
    rq = tmp_path / "broken.rq"
    rq.write_text("SELECT ?s WHERE { ?s ?p }\n", encoding="utf-8")
    code, out, err = query(str(rq))
    assert code == 2, (out, err)
    one_line_error(err)


def test_query_on_a_missing_store_is_one_line(cli, tmp_path):
    code, out, err = cli("query", "organisations", "--store", tmp_path / "absent")
    assert code == 2
    assert "absent" in one_line_error(err)


def test_verbose_shows_the_traceback(query):
    code, out, err = query("no-such-query", "-v")
    assert code == 2
    assert "Traceback" in err


# --- evaluation -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def evaluation(module_cli, sample_corpus_dir):
    if not GOLD.is_dir():
        pytest.fail(f"{GOLD} is missing: the gold annotations of the sample corpus")
    return module_cli("evaluate", "--gold", GOLD, sample_corpus_dir)


def test_evaluate_prints_the_table_and_the_summary(evaluation):
    from edukg.evaluate import ENTITY, RELATION

    code, out, err = evaluation
    assert code == 0, err
    lines = out.strip().splitlines()
    assert lines[0].split()[:4] == ["category", "P", "R", "F1"]
    table = {line.split()[0]: line.split()[1:] for line in lines[1:-1]}
    assert set(ENTITY + RELATION) <= set(table)
    for cat in ENTITY + RELATION:
        p, r, f, counts = table[cat]
        assert all(0 <= float(x) <= 1 for x in (p, r, f))
        assert re.fullmatch(r"\d+/\d+", counts)
    assert SUMMARY.fullmatch(lines[-1]), lines[-1]


def test_evaluate_meets_the_targets_of_the_issue(evaluation):
    code, out, err = evaluation
    assert code == 0, err
    m = SUMMARY.fullmatch(out.strip().splitlines()[-1])
    assert m, out
    entity_f1, relation_f1 = float(m.group(3)), float(m.group(6))
    assert entity_f1 >= 0.90, out
    assert relation_f1 >= 0.80, out


def test_evaluate_without_gold_is_a_usage_error(cli, tmp_path, sample_corpus_dir):
    code, out, err = cli("evaluate", "--gold", tmp_path / "no-gold", sample_corpus_dir)
    assert code == 2
    assert "no-gold" in one_line_error(err)
