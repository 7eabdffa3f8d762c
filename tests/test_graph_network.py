"""The collaboration network read from a store: nodes, roles, evidence, projection weights and filters."""
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from edukg.core.errors import InputError
from edukg.graph import collaboration_network
from edukg.core.store import OxigraphStore
# the Oxigraph server of the endpoint tests, loaded with the same fixture
from test_endpoint import remote, server  # noqa: F401

FIXTURE = Path(__file__).parent / "data" / "query-fixture.trig"
B = "https://w3id.org/edukg/"
O = B + "id/organisation/"
SAKKY, KUOPIO, ELY, OPH, NOVIA, TEM = (O + s for s in (
    "savon-koulutuskuntayhtyma", "kuopion-kaupunki", "etela-savon-ely-keskus", "opetushallitus",
    "yrkeshogskolan-novia", "tyo-ja-elinkeinoministerio"))
YHESSA = B + "id/project/yhessa"
NVL = B + "id/coalition/nordiskt-natverk-for-vuxnas-larande"
EVENT = B + "id/event/nordiskt-seminarium-om-vuxnas-larande"


def fixture_graphs() -> dict:
    ds = Dataset()
    ds.parse(FIXTURE, format="trig")
    return {str(g.identifier): g for g in ds.graphs() if isinstance(g.identifier, URIRef) and len(g)}


@pytest.fixture(scope="module")
def store():
    s = OxigraphStore(None)
    s.add_graphs(fixture_graphs())
    yield s
    s.close()


@pytest.fixture(scope="module")
def net(store):
    return collaboration_network(store)


def test_actors_are_organisations_with_labels_in_each_language_and_a_type(net):
    actors = {n for n, k in net.bipartite.nodes(data="node_kind") if k == "actor"}
    assert actors == {SAKKY, KUOPIO, ELY, OPH, NOVIA}  # people and the programme's manager take no part
    oph = net.bipartite.nodes[OPH]
    assert oph["labels"]["fi"] == "Opetushallitus" and oph["labels"]["sv"] == "Utbildningsstyrelsen"
    assert oph["label"] == "Opetushallitus"
    assert oph["type"] == "agency"
    assert set(net.actors.nodes) == actors


def test_collaborations_have_kind_label_and_years(net):
    yhessa = net.collaboration(YHESSA)
    assert (yhessa["node_kind"], yhessa["label"], yhessa["start"], yhessa["end"]) == ("project", "Yhessä", 2017, 2019)
    assert yhessa["years"] == [2017, 2018, 2019]
    assert net.collaboration(NVL)["node_kind"] == "coalition"
    assert net.collaboration(EVENT)["years"] == [2021]
    awards = [n for n, k in net.bipartite.nodes(data="node_kind") if k == "award"]
    assert len(awards) == 1 and net.bipartite.nodes[awards[0]]["years"] == [2015]
    # the awarding body organises the conferral; the person who won the other prize is no actor
    assert set(net.bipartite.neighbors(awards[0])) == {SAKKY, OPH}
    assert net.bipartite.edges[OPH, awards[0]]["role"] == "organiser"


def test_edges_carry_the_role_and_the_sentence_they_were_read_from(net):
    edge = net.bipartite.edges[SAKKY, YHESSA]
    assert edge["role"] == "coordinator"
    (evidence,) = edge["evidence"]
    assert evidence["quote"].startswith("Savon koulutuskuntayhtymä (Sakky) koordinoi Yhessä")
    assert evidence["source"] == B + "graph/source/doc-a-fi"
    assert evidence["document"] == "doc-a-fi.txt"
    # Kuopio is both a partner and a funder of Yhessä: one edge, the partner role first
    kuopio = net.bipartite.edges[KUOPIO, YHESSA]
    assert kuopio["role"] == "partner" and kuopio["roles"] == ["partner", "funder"]
    assert kuopio["kinds"] == ["grant", "project"]
    assert net.bipartite.edges[ELY, YHESSA]["role"] == "funder"


def test_projection_weights_count_shared_collaborations(net):
    # Sakky and Novia share Yhessä and the Nordic network
    edge = net.actors.edges[SAKKY, NOVIA]
    assert edge["weight"] == 2 and edge["via"] == sorted([YHESSA, NVL])
    assert edge["years"] == [2017, 2018, 2019]
    assert net.actors.edges[SAKKY, KUOPIO]["weight"] == 1
    assert not net.actors.has_edge(KUOPIO, OPH)


def test_time_window_keeps_collaborations_that_meet_it(store):
    net = collaboration_network(store, since=2020, until=2022)
    assert net.collaborations() == [EVENT]  # Yhessä ended in 2019; the undated coalition is left out
    assert collaboration_network(store, until=2018).collaborations()[0] != EVENT


def test_kind_type_programme_and_funder_filters(store):
    assert set(collaboration_network(store, kinds=["coalition"]).collaborations()) == {NVL}
    no_funding = collaboration_network(store, kinds=["project"])
    assert not no_funding.bipartite.has_edge(ELY, YHESSA) and no_funding.bipartite.has_edge(SAKKY, YHESSA)
    agencies = collaboration_network(store, org_types=["agency"])
    assert {n for n, k in agencies.bipartite.nodes(data="node_kind") if k == "actor"} == {ELY, OPH}
    funded = collaboration_network(store, programme="kestävää kasvua ja työtä 2014–2020")
    assert funded.collaborations() == [YHESSA]
    assert collaboration_network(store, funder="Etelä-Savon ELY-keskus").collaborations() == [YHESSA]
    assert collaboration_network(store, funder=KUOPIO).collaborations() == [YHESSA]


@pytest.mark.parametrize("kwargs, message", [
    ({"kinds": ["workshop"]}, "kinds: unknown value workshop"),
    ({"org_types": ["castle"]}, "org_types: unknown value castle"),
    ({"since": 2020, "until": 2010}, "since 2020 is after until 2010"),
    ({"programme": "Horizon"}, "no funding programme"),
    ({"funder": "Nobody"}, "no funder"),
])
def test_bad_filters_are_input_errors(store, kwargs, message):
    with pytest.raises(InputError, match=message):
        collaboration_network(store, **kwargs)


def test_empty_store_gives_an_empty_network():
    with OxigraphStore(None) as empty:
        net = collaboration_network(empty)
    assert net.bipartite.number_of_nodes() == 0 and net.actors.number_of_edges() == 0


def test_a_remote_endpoint_gives_the_same_network(remote, net):
    there = collaboration_network(remote)
    assert sorted(there.bipartite.nodes(data=True)) == sorted(net.bipartite.nodes(data=True))
    assert sorted(there.bipartite.edges(data=True)) == sorted(net.bipartite.edges(data=True))
    assert sorted(there.actors.edges(data=True)) == sorted(net.actors.edges(data=True))
