"""The network page's data and HTML without a browser: what is selected, what each tie carries, and that no
name can break out of the page's script element.
"""
from __future__ import annotations

import json
import re

import pytest

from viz_networks import ORG, PROJECT, metrics, schools, synthetic

from edukg.core.errors import InputError
from edukg.viz import Selection, page_data
from edukg.viz.html_page import network_html
from edukg.viz.safe_json import script_json

HOSTILE = '</script><script>alert(1)</script><!-- & \u2028\u2029 </SCRIPT >'


def test_script_json_cannot_close_its_element_and_reads_back_the_same():
    text = script_json({"label": HOSTILE, "n": 1})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"label": HOSTILE, "n": 1}


def test_a_hostile_name_stays_inside_the_data_and_the_title_is_escaped():
    net = schools()
    net.actors.nodes[ORG + "ngo"]["label"] = HOSTILE
    data = page_data(net, metrics(net.actors), title=f"Network of {HOSTILE}")
    html = network_html(data, "loading")
    assert html.count("</script>") == 3  # the data block, vis-network and the page's own script
    assert "<script>alert(1)" not in html
    assert "<title>Network of &lt;/script&gt;" in html
    block = re.search(r'<script id="edukg-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    assert HOSTILE in {a["label"] for a in json.loads(block)["actors"]}


def test_each_tie_names_its_collaborations_and_both_actors_evidence():
    net = schools()
    data = page_data(net, metrics(net.actors))
    tie = next(t for t in data["ties"] if {t["from"], t["to"]} == {ORG + "consortium", ORG + "city"})
    assert tie["via"] == [PROJECT + "city-project"] and tie["weight"] == 1 and tie["years"] == [2020, 2021, 2022]
    parts = data["collaborations"][PROJECT + "city-project"]["parts"]
    assert parts[ORG + "city"]["role"] == "coordinator"
    assert parts[ORG + "consortium"]["evidence"] == [{
        "quote": "Hankkeessa ovat mukana koulutuskuntayhtymä ja kaupunki.", "document": "beta.txt",
        "source": "https://w3id.org/edukg/graph/source/beta"}]
    assert data["years"] == [2019, 2020, 2021, 2022] and data["mode"] == "actors"


def test_the_broker_is_drawn_largest_and_first():
    net = schools()
    data = page_data(net, metrics(net.actors))
    sizes = {a["id"]: a["size"] for a in data["actors"]}
    # the consortium and the city both broker (betweenness > 0); the others sit at the smallest size
    assert data["actors"][0]["id"] in (ORG + "consortium", ORG + "city")
    assert sizes[ORG + "university"] == sizes[ORG + "ngo"] == min(sizes.values())
    assert max(sizes.values()) > 3 * min(sizes.values())


def test_focus_by_any_label_and_hops():
    net = schools()
    m = metrics(net.actors)
    one = page_data(net, m, Selection(focus="test education consortium", hops=1))
    assert one["focus"] == ORG + "consortium"
    assert {a["id"] for a in one["actors"]} == {ORG + s for s in ("consortium", "university", "city", "agency")}
    two = page_data(net, m, Selection(focus="Teststad", hops=2))
    assert len(two["actors"]) == 5


def test_an_unknown_focus_names_the_closest_actors():
    net = schools()
    with pytest.raises(InputError, match="closest: Testin yliopisto"):
        page_data(net, metrics(net.actors), Selection(focus="Testin ylipisto"))


def test_a_large_network_opens_on_communities_and_the_layout_repeats():
    net = synthetic(150)
    m = metrics(net.actors)
    data = page_data(net, m, large=100)
    assert data["mode"] == "communities"
    assert sum(c["size"] for c in data["communities"]) == len(data["actors"]) == 150
    again = page_data(net, m, large=100)
    assert [(a["x"], a["y"]) for a in again["actors"]] == [(a["x"], a["y"]) for a in data["actors"]]
    assert page_data(net, m, Selection(limit=20))["mode"] == "actors"
