"""The extractor registry and the provenance of facts: which rule made a fact, how far it is trusted, and
dropping the weak ones at build time. Invented texts only."""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, XSD

from edukg.ingest.extract import registry
from edukg.ingest.extract.registry import CONFIDENCE, drop_below
from edukg.ingest.to_rdf import to_rdf
from edukg.core.namespaces import DEFAULT_BASE, EDUKG

from extraction import run

# a project page: labelled fields, then a sentence with another participant
PAGE_FI = ("Hankkeen nimi: Vihreä Koulu\nRahoittaja: Opetushallitus\n"
           "Toteuttajat: Helsingin yliopisto, Turun yliopisto\n\n"
           "Vihreä Koulu -hanketta koordinoi Tampereen yliopisto.\n")
# running text only
PROSE_EN = ("The Green Schools project is coordinated by the University of Helsinki. The University of Turku is a "
            "partner in the Green Schools project.\n")


def participants(ex) -> dict[str, tuple[str, float]]:
    return {x.organisation: (x.rule, x.confidence) for p in ex.projects for x in p.participants}


def test_the_registry_runs_its_extractors_in_order():
    # coalitions read the project names found before them: the order is part of the contract
    assert registry.names() == ["people", "projects", "coalitions", "funded_coalitions", "coalition_projects", "events",
                                "awards"]
    assert [e.slot for e in registry.EXTRACTORS] == ["people", "projects", "coalitions", "projects", "projects", "events",
                                                     "awards"]


def test_an_extractor_switched_off_costs_only_its_facts():
    on = run(PAGE_FI)
    from edukg.ingest.model import Document
    from edukg.ingest.pipeline import extract
    off = extract(Document(id="t", path="t.txt", text=PAGE_FI, format="text/plain", sha256="0"), disabled={"projects"})
    assert on.projects and not off.projects
    assert set(off.organisations) == set(on.organisations)
    assert not off.warnings


def test_an_unknown_extractor_name_is_refused():
    from edukg.ingest.model import Document
    from edukg.ingest.pipeline import extract
    with pytest.raises(ValueError, match="no extractor named project .*known: people, projects"):
        extract(Document(id="t", path="t.txt", text=PAGE_FI, format="text/plain", sha256="0"), disabled={"project"})


def test_a_failing_extractor_is_a_warning_and_the_others_still_run(monkeypatch):
    def broken(ctx, found):
        raise RuntimeError("invented failure")
    extractors = tuple(registry.Extractor(e.name, broken, e.slot) if e.name == "projects" else e
                       for e in registry.EXTRACTORS)
    monkeypatch.setattr("edukg.ingest.pipeline.EXTRACTORS", extractors)
    from edukg.ingest.model import Document
    from edukg.ingest.pipeline import extract
    ex = extract(Document(id="t", path="t.txt", text=PAGE_FI, format="text/plain", sha256="0"))
    assert ex.warnings == ["projects extraction failed (RuntimeError: invented failure)"]
    assert ex.projects == [] and "helsingin-yliopisto" in ex.organisations


def test_facts_name_the_rule_kind_that_read_them():
    fi = participants(run(PAGE_FI))
    assert fi["helsingin-yliopisto"] == ("projects.field", CONFIDENCE["field"])
    assert fi["tampereen-yliopisto"] == ("projects.sentence", CONFIDENCE["sentence"])
    en = participants(run(PROSE_EN))
    assert en["helsingin-yliopisto"] == ("projects.sentence", CONFIDENCE["sentence"])
    assert en["turun-yliopisto"][0] == "projects.sentence"
    grant = run(PAGE_FI).projects[0].grants[0]
    assert (grant.rule, grant.confidence) == ("projects.field", CONFIDENCE["field"])


def test_structure_is_trusted_more_than_a_sentence():
    assert 0 <= CONFIDENCE["sentence"] < CONFIDENCE["funded_items"] < CONFIDENCE["list"] < CONFIDENCE["field"] <= 1


def test_the_rdf_says_which_rule_made_a_fact_and_its_confidence():
    ex = run(PAGE_FI)
    g = to_rdf(ex)
    rule = URIRef(f"{DEFAULT_BASE}rule/projects.field")
    org = URIRef(f"{DEFAULT_BASE}id/organisation/helsingin-yliopisto")
    (m,) = [m for m in g.subjects(ORG.member, org)]
    assert g.value(m, PROV.wasGeneratedBy) == rule
    assert g.value(m, EDUKG.confidence) == Literal(Decimal("0.9"), datatype=XSD.decimal)
    assert (rule, RDF.type, EDUKG.ExtractionRule) in g and g.value(rule, RDFS.label) == Literal("projects.field")
    weak = URIRef(f"{DEFAULT_BASE}id/organisation/tampereen-yliopisto")
    (w,) = [m for m in g.subjects(ORG.member, weak)]
    assert g.value(w, PROV.wasGeneratedBy) == URIRef(f"{DEFAULT_BASE}rule/projects.sentence")


def test_drop_below_keeps_the_facts_of_trusted_rules():
    ex = run(PAGE_FI)
    assert drop_below(ex, 0.8) == 1
    assert set(participants(ex)) == {"helsingin-yliopisto", "turun-yliopisto"}
    assert ex.projects[0].grants  # read from a field


def test_build_min_confidence_drops_the_weak_facts(cli, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.txt").write_text(PAGE_FI, encoding="utf-8")
    store = tmp_path / "store"

    def facts(*build_args: str) -> set[tuple[str, str, str]]:
        code, out, err = cli("build", docs, "--store", store, *build_args)
        assert code == 0, err
        code, out, err = cli("query", "actor", "--param", "actor=Vihreä Koulu", "--store", store, "--format", "csv")
        assert code == 0, err
        return {(r["property"], r["rule"], r["confidence"]) for r in csv.DictReader(io.StringIO(out))
                if r["property"] in ("has coordinator", "has partner", "funded by")}

    assert facts() == {("has coordinator", "projects.sentence", "0.7"), ("has partner", "projects.field", "0.9"),
                       ("funded by", "projects.field", "0.9")}
    # the same unchanged file is extracted again: the sentence's coordinator goes, the fields' facts stay
    assert facts("--min-confidence", "0.8") == {("has partner", "projects.field", "0.9"),
                                                ("funded by", "projects.field", "0.9")}
    code, out, err = cli("build", docs, "--store", store, "--min-confidence", "1.5")
    assert code == 2 and "from 0 to 1" in err
