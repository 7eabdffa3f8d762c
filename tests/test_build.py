"""`edukg.build.build` in the library: rebuilding unchanged files writes nothing, a changed file replaces only its
own graph, a document whose extraction fails keeps its old graph, and two documents naming one actor meet on
one node. The sample store is built once (conftest); each test works on a copy of it."""
from __future__ import annotations

import gc
import hashlib
import shutil
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

import edukg.build
from edukg.build import build
from edukg.ingest.resolve import name_key
from edukg.core.store import OxigraphStore

BASE = "https://w3id.org/edukg/"
Quad = tuple


def quads(store) -> dict[str, set[Quad]]:
    """Every quad in a named graph, by graph IRI."""
    _, rows = store.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    out: dict[str, set[Quad]] = {}
    for r in rows:
        out.setdefault(str(r["g"]), set()).add((r["s"], r["p"], r["o"]))
    return out


def graph_iri(doc_id: str) -> str:
    return f"{BASE}graph/source/{doc_id}"


def sha_in(graph: set[Quad]) -> set[str]:
    return {str(o) for _, p, o in graph if str(p).endswith("ontology#sha256")}


@pytest.fixture
def store(sample_store_copy):
    s = OxigraphStore(sample_store_copy)
    yield s
    s.close()


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory, sample_corpus_dir) -> tuple[Path, Path]:
    """A copy of the sample corpus and a (closed) store built from it: a folder is its sources' identity, so a
    test that changes files must build its own folder, not a copy of another."""
    root = tmp_path_factory.mktemp("copy")
    corpus = root / "corpus"
    shutil.copytree(sample_corpus_dir, corpus, ignore=shutil.ignore_patterns("__*"))
    with OxigraphStore(root / "store") as store:
        assert build([corpus], store, validate=False).problems == []
    del store
    gc.collect()  # pyoxigraph releases the RocksDB lock when the last reference goes
    return corpus, root / "store"


@pytest.fixture
def corpus(built_copy) -> Path:
    """The built folder; whatever a test writes into it is put back afterwards."""
    folder = built_copy[0]
    saved = {p: p.read_bytes() for p in folder.iterdir()}
    yield folder
    for p in folder.iterdir():
        if p not in saved:
            p.unlink()
    for p, data in saved.items():
        p.write_bytes(data)


@pytest.fixture
def corpus_store(built_copy, tmp_path):
    s = OxigraphStore(shutil.copytree(built_copy[1], tmp_path / "store"))
    yield s
    s.close()


def test_the_sample_store_is_complete(sample_store, sample_corpus_dir):
    report = sample_store.report
    ids = sorted(p.stem for p in sample_corpus_dir.glob("*.txt"))
    assert sorted(report.built) == ids
    assert report.problems == [] and report.unchanged == []
    assert report.graphs == len(ids)
    assert report.validation is not None and report.validation.conforms, report.validation.text()


def test_rebuilding_unchanged_files_writes_nothing(store, sample_corpus_dir):
    before = quads(store)
    report = build(None, store, validate=False)
    assert report.built == []
    assert sorted(report.unchanged) == sorted(p.stem for p in sample_corpus_dir.glob("*.txt"))
    assert report.problems == []
    assert quads(store) == before


def test_a_changed_file_replaces_only_its_own_graph(corpus_store, corpus):
    store = corpus_store
    before = quads(store)
    changed = corpus / "003_39fb43a7231138bd.txt"
    assert graph_iri(changed.stem) in before
    old_text = changed.read_text(encoding="utf-8")
    assert "Espoon kaupunki" in old_text
    # the new text keeps one actor of the old and drops the others (Espoo among them)
    changed.write_text("Opetushallitus tukee oppivia kaupunkeja\n\n"
                       "Opetushallitus ja Tampereen yliopisto käynnistävät yhteistyön oppivien kaupunkien "
                       "kehittämiseksi.\n", encoding="utf-8")

    report = build([corpus], store, validate=False)

    assert report.built == [changed.stem]
    assert len(report.unchanged) == 4
    assert report.problems == []
    after = quads(store)
    assert set(after) == set(before)
    for g in before:
        if g != graph_iri(changed.stem):
            assert after[g] == before[g], f"{g} changed although its file did not"
    new = after[graph_iri(changed.stem)]
    assert sha_in(new) == {hashlib.sha256(changed.read_bytes()).hexdigest()}
    assert new != before[graph_iri(changed.stem)]
    subjects = {str(s) for s, _, _ in new}
    assert f"{BASE}id/organisation/espoon-kaupunki" not in subjects, "the old graph was merged, not replaced"
    labels = {str(o) for _, p, o in new if str(p).endswith("core#prefLabel")}
    assert "Opetushallitus" in labels
    # the graph now names the copy it was read from
    sources = {str(o) for _, p, o in new if str(p) == "http://purl.org/dc/terms/source"}
    assert sources == {changed.resolve().as_uri()}


def test_a_failed_extraction_keeps_the_old_graph_and_builds_the_others(corpus_store, corpus, monkeypatch):
    store = corpus_store
    before = quads(store)
    failing = corpus / "001_ab857b4efa451beb.txt"
    other = corpus / "002_b7b1b16171fcb18b.txt"
    for f in (failing, other):
        f.write_text(f.read_text(encoding="utf-8") + "\nLisätietoja antaa hankkeen verkkosivu.\n", encoding="utf-8")

    real_extract = edukg.build.extract

    def extract(doc):
        if doc.id == failing.stem:
            raise RuntimeError("simulated extraction failure")
        return real_extract(doc)

    monkeypatch.setattr(edukg.build, "extract", extract)
    report = build([corpus], store, validate=False)

    assert report.built == [other.stem]
    assert len(report.unchanged) == 3
    assert len(report.problems) == 1
    problem = report.problems[0]
    assert str(failing) in problem and "simulated extraction failure" in problem
    assert "\n" not in problem
    after = quads(store)
    assert after[graph_iri(failing.stem)] == before[graph_iri(failing.stem)]
    assert sha_in(after[graph_iri(other.stem)]) == {hashlib.sha256(other.read_bytes()).hexdigest()}
    for g in before:
        if g not in (graph_iri(failing.stem), graph_iri(other.stem)):
            assert after[g] == before[g]


def test_a_new_document_that_fails_leaves_no_graph(tmp_path, monkeypatch):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Opetushallitus rahoittaa hanketta\n\nOpetushallitus rahoittaa Tampereen yliopiston hanketta.\n",
                    encoding="utf-8")
    bad.write_text("Opetushallitus tiedottaa\n\nOpetushallitus julkaisee uuden oppaan.\n", encoding="utf-8")
    real_extract = edukg.build.extract

    def extract(doc):
        if doc.id == "bad":
            raise ValueError("boom")
        return real_extract(doc)

    monkeypatch.setattr(edukg.build, "extract", extract)
    with OxigraphStore(None) as store:
        report = build([good, bad], store, validate=False)
        graphs = store.graphs()
    assert report.built == ["good"]
    assert len(report.problems) == 1 and str(bad) in report.problems[0]
    assert graph_iri("good") in graphs
    assert graph_iri("bad") not in graphs


def test_a_failed_store_write_keeps_the_old_graph(corpus_store, corpus, monkeypatch):
    """A graph that the store refuses (here: an IRI with a space) is reported and the old graph stays."""
    store = corpus_store
    before = quads(store)
    changed = corpus / "000_ccf5e34e6e402c65.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nLisätietoja antaa opetushallitus.\n",
                       encoding="utf-8")
    real_to_rdf = edukg.build.to_rdf

    def to_rdf(ex, base, *args, **kwargs):
        g = real_to_rdf(ex, base, *args, **kwargs)
        g.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), URIRef("https://example.org/a b")))
        return g

    monkeypatch.setattr(edukg.build, "to_rdf", to_rdf)
    report = build([corpus], store, validate=False)
    assert report.built == []
    assert len(report.problems) == 1 and str(changed) in report.problems[0]
    assert quads(store) == before


# --- two documents, one actor -----------------------------------------------------------------------------

FINNISH = ("Savon koulutuskuntayhtymän hanke vahvistaa yhteistyötä\n\n"
           "Savon koulutuskuntayhtymän johtama hanke kehittää ammatillista koulutusta Kuopiossa. "
           "Opetushallitus rahoittaa hanketta.\n")
SWEDISH = ("Nytt samarbete inom yrkesutbildningen\n\n"
           "Savon koulutuskuntayhtymä och Yrkesakademin i Österbotten samarbetar i ett nytt projekt om "
           "yrkesutbildning.\n")
ENGLISH = ("Savon koulutuskuntayhtymä leads a new project\n\n"
           "Savon koulutuskuntayhtymä and Humanistinen ammattikorkeakoulu will develop vocational education "
           "together.\n")


def test_two_documents_naming_one_actor_meet_on_one_node(tmp_path):
    files = {"fi-doc": FINNISH, "sv-doc": SWEDISH, "en-doc": ENGLISH}
    for name, text in files.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    with OxigraphStore(None) as store:
        report = build(sorted(tmp_path.glob("*.txt")), store, validate=False)
        assert report.problems == []
        _, rows = store.select("""PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?g ?org ?label WHERE { GRAPH ?g { ?org a org:Organization ;
  skos:prefLabel|skos:altLabel|skos:hiddenLabel ?label } }""")
    wanted = {name_key("Savon koulutuskuntayhtymä"), name_key("Savon koulutuskuntayhtymän")}
    nodes: dict[str, set[str]] = {}
    labels: dict[str, set[Literal]] = {}
    for r in rows:
        if name_key(str(r["label"])) in wanted:
            nodes.setdefault(str(r["org"]), set()).add(str(r["g"]))
            labels.setdefault(str(r["g"]), set()).add(r["label"])
    assert len(nodes) == 1, f"one actor became several nodes: {nodes}"
    (iri, graphs), = nodes.items()
    assert graphs == {graph_iri(name) for name in files}
    assert iri.startswith(f"{BASE}id/organisation/")
    # the Finnish text's inflected form is kept as a label of the shared node, not a node of its own
    assert Literal("Savon koulutuskuntayhtymän", lang="fi") in labels[graph_iri("fi-doc")]


# Two sources that read one organisation's type differently: a Swedish page lists a Finnish school by a name
# whose head word Swedish does not know ("other"), a Finnish page names it with its head word ("school").
LIST_SV = "Deltagande skolor i projektet:\n\n- Rannikon lukio\n- Vasa övningsskola\n- Korsholms gymnasium\n"
SENTENCE_FI = "Hankkeessa ovat mukana Rannikon lukio ja Oulun yliopisto.\n"


@pytest.mark.parametrize("order", [("a-sv", "b-fi"), ("b-fi", "a-sv")])
def test_two_documents_typing_one_organisation_differently_still_conform(tmp_path, order):
    texts = {"a-sv": LIST_SV, "b-fi": SENTENCE_FI}
    paths = []
    for name in order:
        (tmp_path / f"{name}.txt").write_text(texts[name], encoding="utf-8")
        paths.append(tmp_path / f"{name}.txt")
    with OxigraphStore(None) as store:
        for p in paths:  # one build after the other, as a user adds documents
            report = build([p], store)
            assert report.problems == []
            assert report.validation.conforms, report.validation.text()
        _, rows = store.select("""PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?g ?type WHERE { GRAPH ?g { <%sid/organisation/rannikon-lukio> org:classification ?type } }""" % BASE)
    types = {str(r["type"]) for r in rows}
    assert types == {f"{BASE}id/organisation-type/school"}, types  # the telling reading, whatever the order
    assert len(rows) == 2  # both sources still describe it


def test_one_build_of_both_documents_settles_the_type_in_the_graph_still_waiting_for_the_store(tmp_path,
                                                                                             monkeypatch):
    # a large build holds new graphs back for one bulk load: the Swedish graph, written first, is retyped there
    import edukg.build
    monkeypatch.setattr(edukg.build, "_BATCH_MIN_DOCUMENTS", 2)
    for name, text in (("a-sv", LIST_SV), ("b-fi", SENTENCE_FI)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    with OxigraphStore(None) as store:
        report = build(sorted(tmp_path.glob("*.txt")), store, jobs=1)
        assert report.problems == [] and report.validation.conforms, report.validation.text()
        _, rows = store.select("""PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?g ?type WHERE { GRAPH ?g { <%sid/organisation/rannikon-lukio> org:classification ?type } }""" % BASE)
    assert {(str(r["g"]).rsplit("/", 1)[-1], str(r["type"])) for r in rows} == {
        ("a-sv", f"{BASE}id/organisation-type/school"), ("b-fi", f"{BASE}id/organisation-type/school")}


def test_a_country_beside_a_name_is_no_organisation_and_joins_no_two_bodies(tmp_path):
    (tmp_path / "a.txt").write_text("Projektet leds av Åbo Akademi.\n\nFinland\n\nSverige\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Deltagare:\n\n- Rannikon yliopisto, Finland\n- Pohjolan yliopisto, Finland\n",
                                    encoding="utf-8")
    with OxigraphStore(None) as store:
        report = build(sorted(tmp_path.glob("*.txt")), store)
        assert report.validation.conforms, report.validation.text()
        _, rows = store.select("""PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?org ?label WHERE { GRAPH ?g { ?org a org:Organization ; skos:prefLabel|skos:altLabel ?label } }""")
    labels = {str(r["label"]) for r in rows}
    orgs = {str(r["org"]) for r in rows}
    assert "Finland" not in labels and "Sverige" not in labels
    assert len({o for o in orgs if "yliopisto" in o}) == 2


def test_two_documents_dating_one_project_differently_conform_with_a_warning(cli, tmp_path):
    # a register gives the programme's period, a news item the project's own dates: both kept, one per source
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "register.txt").write_text("Hankkeen nimi: Rantakoulu 2030\nToteuttaja: Järvilaakson kaupunki\n"
                                       "Toteutusaika: 1.1.2024–31.12.2026\n", encoding="utf-8")
    (docs / "news.txt").write_text("Hankkeen nimi: Rantakoulu 2030\nToteuttaja: Järvilaakson kaupunki\n"
                                   "Toteutusaika: 1.8.2024–31.7.2027\n", encoding="utf-8")
    store = tmp_path / "store"
    code, out, err = cli("build", docs, "--store", store)
    assert code == 0, err
    code, out, err = cli("validate", "--store", store)
    assert code == 0, out + err
    assert "Two sources give different start dates" in out + err
    assert "Two sources give different end dates" in out + err
    _, csv_out, _ = cli("query", "projects", "--store", store, "--format", "csv")
    dates = {tuple(line.split(",")[2:4]) for line in csv_out.splitlines()[1:]}
    assert dates == {("2024-01-01", "2026-12-31"), ("2024-08-01", "2027-07-31")}
