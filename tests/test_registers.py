"""Reading registers: the format comes from the header through the TOML mappings, rows become plain
dataclasses, bad rows are named with their file and line, and the rows' RDF is the same whether written as
N-Triples or built as an rdflib Graph. The fixtures in tests/data/registers/ are invented rows in each format."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from edukg.core.errors import InputError
from edukg.core.namespaces import EDUKG, SCHEMA
from edukg.ingest.model import Organisation
from edukg.ingest.registers import formats, read_register, recognise, register_graph, register_ntriples
from edukg.ingest.registers.bodies import resolve_bodies
from edukg.ingest.registers.mapping import parse_format
from edukg.ingest.registers.to_rdf import funder_and_implementer_names

DATA = Path(__file__).parent / "data" / "registers"


@pytest.mark.parametrize("name, format_id", [
    ("sf-2007-2013.csv", "fi-structural-funds-2007-2013"),
    ("sf-2014-2020.csv", "fi-structural-funds-2014-2020"),
    ("erasmus-plus.csv", "erasmus-plus-project-results"),
    ("cordis.csv", "cordis-projects"),
])
def test_the_format_is_recognised_by_the_header(name, format_id):
    assert read_register(DATA / name).format.id == format_id


def test_the_two_periods_differ_only_in_their_mapping():
    by_id = {f.id: f for f in formats()}
    old, new = by_id["fi-structural-funds-2007-2013"], by_id["fi-structural-funds-2014-2020"]
    assert (old.columns["name"], new.columns["name"]) == ("Projektin nimi", "Hankkeen nimi")
    assert (old.columns["status"], new.columns["status"]) == ("Toiminnan tila", "Tila")
    assert "programme" in old.columns and "programme" not in new.columns
    # a 2014–2020 header is not read as 2007–2013 (it lacks Ohjelma / osio), nor the other way round
    header_2014 = (DATA / "sf-2014-2020.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert recognise(header_2014).id == new.id


def test_rows_are_plain_data_with_iso_dates_decimal_amounts_and_names_cleaned():
    reg = read_register(DATA / "sf-2007-2013.csv")
    assert reg.problems == [] and reg.id == "sf-2007-2013"
    first = reg.rows[0]
    assert (first.line, first.code, first.fund) == (2, "S90001", "ESR")
    assert first.name == "Kieliketju, koulusta työhön (KIKO)"  # the comma the export lost
    assert first.authority == "Pohjois-Savon elinkeino-, liikenne- ja ympäristökeskus"
    assert (first.start, first.end) == ("2008-08-01", "2011-07-31")
    assert {(a.property, a.scope, a.value) for a in first.amounts} == {
        ("amount", "eu_state", Decimal("250000")), ("realisedAmount", "eu_state", Decimal("248500.50")),
        ("plannedPublicFunding", "public", Decimal("310000")), ("realisedPublicFunding", "public", Decimal("305000"))}
    assert first.scheme == {"fi": "ESR 2007–2013", "sv": "ESF 2007–2013", "en": "ESF 2007–2013"}
    assert first.programme == "Itä-Suomen suuralueosio" and first.priority_axis == "1"
    # the implementer stays exactly as written: body resolution reads its two spaces as a unit separator
    assert reg.rows[1].implementer == "Esimerkkilän koulutuskuntayhtymä  Aikuisopisto Verso"
    # empty money cells are no amounts
    assert {a.property for a in reg.rows[2].amounts} == {"amount", "plannedPublicFunding"}


def test_a_negative_amount_is_left_out_with_a_warning():
    reg = read_register(DATA / "sf-2014-2020.csv")
    assert reg.problems == []
    assert reg.rows[1].end is None
    assert "realisedPublicFunding" not in {a.property for a in reg.rows[1].amounts}
    assert reg.warnings == [f"{DATA / 'sf-2014-2020.csv'}:3: Toteutunut julkinen rahoitus yhteensä: negative amount -500 left out"]


def test_bad_rows_are_named_by_file_and_line_and_the_others_are_read():
    path = DATA / "sf-malformed.csv"
    reg = read_register(path)
    assert [r.code for r in reg.rows] == ["S92001", "S92006"]
    assert reg.problems == [
        f"{path}:3: 7 columns, the header has 13",
        f"{path}:4: start date '31.2.2016' is not a date (%d.%m.%Y)",
        f"{path}:5: Myönnetty EU- ja valtion rahoitus: 'tuhat' is not an amount",
        f"{path}:6: no project name",
    ]


def test_a_file_read_without_its_rows_gives_the_same_rows_when_read_again():
    # the import keeps no rows in memory: it reads them again while it writes their graph
    path = DATA / "sf-malformed.csv"
    kept, streamed = read_register(path), read_register(path, keep_rows=False)
    assert streamed.rows == [] and streamed.count == len(kept.rows) == 2
    assert streamed.problems == kept.problems and streamed.warnings == kept.warnings
    assert list(streamed.rows_again()) == kept.rows
    assert list(streamed.names) == list(dict.fromkeys(
        n for r in kept.rows for n in (r.implementer, *r.partners, r.authority) if n))
    assert set(streamed.implementers) == {r.implementer for r in kept.rows if r.implementer}
    assert set(streamed.authorities) == {r.authority for r in kept.rows if r.authority}


def test_a_file_changed_between_its_two_reads_is_refused(tmp_path):
    path = tmp_path / "sf.csv"
    path.write_bytes((DATA / "sf-2007-2013.csv").read_bytes())
    reg = read_register(path, keep_rows=False)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")  # one row fewer than was checked and resolved
    with pytest.raises(InputError, match="changed while it was imported"):
        list(reg.rows_again())


def test_partners_in_numbered_columns_and_in_one_cell():
    erasmus = read_register(DATA / "erasmus-plus.csv").rows
    assert erasmus[0].implementer == "Esimerkkilän kaupunki"
    assert erasmus[0].partners == ["Invented Gymnasium Uppsala", "Savon koulutuskuntayhtymä"]
    assert erasmus[0].authority == "European Commission" and erasmus[0].scheme["en"] == "Erasmus+ 2019"
    assert erasmus[1].partners == []
    cordis = read_register(DATA / "cordis.csv").rows[0]
    assert cordis.partners == ["Invented Institute of Education", "Savon koulutuskuntayhtymä"]
    assert cordis.alt_name == "INVLEARN"
    assert {a.property: a.value for a in cordis.amounts} == {"amount": Decimal("1500000"), "totalCost": Decimal("1999999.5")}


def test_an_unknown_format_names_the_columns_expected():
    with pytest.raises(InputError) as e:
        read_register(DATA / "not-a-register.csv")
    message = str(e.value)
    assert "not-a-register.csv" in message and "\n" not in message
    assert "fi-structural-funds-2014-2020: Koodi, Rahasto, Hankkeen nimi" in message


def test_a_mapping_with_an_unknown_role_is_refused():
    with pytest.raises(ValueError, match="unknown column roles"):
        parse_format({"id": "x", "columns": {"code": "A", "name": "B", "colour": "C"}}, "x.toml")


def _graphs(name: str):
    reg = read_register(DATA / name)
    resolution = resolve_bodies(funder_and_implementer_names(reg.rows))
    orgs = {k: Organisation(key=b.key, name=b.name, lang="fi", type=b.type, alt_labels=b.variants - {b.name})
            for k, b in resolution.bodies.items()}
    nt = Graph().parse(data=register_ntriples(reg, orgs, resolution.of).decode("utf-8"), format="nt")
    return nt, register_graph(reg, orgs, resolution.of)


@pytest.mark.parametrize("name", ["sf-2007-2013.csv", "erasmus-plus.csv", "cordis.csv"])
def test_ntriples_written_directly_are_the_triples_of_the_graph(name):
    nt, graph = _graphs(name)
    # the ingest time differs between the two runs by design
    for g in (nt, graph):
        g.remove((None, URIRef("http://www.w3.org/ns/prov#generatedAtTime"), None))
    assert len(nt) > 50 and isomorphic(nt, graph)


def test_each_money_column_is_its_own_typed_amount():
    nt, _ = _graphs("sf-2007-2013.csv")
    grant = next(g for g in nt.subjects(SCHEMA.fundedItem, URIRef("https://w3id.org/edukg/id/project/fi-sf-s90001")))
    granted = nt.value(grant, SCHEMA.amount)
    realised = nt.value(grant, EDUKG.realisedAmount)
    assert nt.value(granted, SCHEMA.value) == Literal(Decimal("250000"))
    assert nt.value(realised, SCHEMA.value) == Literal(Decimal("248500.50"))
    assert str(nt.value(granted, EDUKG.fundingScope)) == "eu_state"
    assert str(nt.value(nt.value(grant, EDUKG.plannedPublicFunding), EDUKG.fundingScope)) == "public"
    assert str(nt.value(granted, SCHEMA.currency)) == "EUR"


def test_amounts_beyond_what_a_store_keeps_are_rounded_or_refused(tmp_path):
    # 18 digits after the point is what an xsd:decimal store keeps; a longer fraction would be an invalid literal
    header, first = (DATA / "sf-2014-2020.csv").read_text(encoding="utf-8").splitlines()[:2]
    cells = first.split(",")
    rows = [header]
    for code, amount in (("S93001", "0.000000228799140281159"), ("S93002", "1" + "0" * 25), ("S93003", "12.5"),
                         # rounded to 18 places, this one holds 33 digits: more than Python's default precision
                         ("S93004", "999986432238572.8096982190827274157")):
        rows.append(",".join([code] + cells[1:9] + [amount] + cells[10:]))
    path = tmp_path / "sf-precision.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    reg = read_register(path)
    assert reg.problems == [f"{path}:3: Myönnetty EU- ja valtion rahoitus: '{'1' + '0' * 25}' is too large for an amount"]
    granted = {r.code: next(a.value for a in r.amounts if a.property == "amount") for r in reg.rows}
    assert granted == {"S93001": Decimal("0.000000228799140281"), "S93003": Decimal("12.5"),
                       "S93004": Decimal("999986432238572.809698219082727416")}
