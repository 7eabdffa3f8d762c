"""`edukg viz` end to end on the sample corpus: a self-contained page whose every tie carries its evidence, the
static figures, and bad input (one stderr line, exit 1 or 2, and no file written).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import copy_store
from viz_networks import ORG, network

from edukg.core.errors import NothingFound
from edukg.core.store import OxigraphStore

SAVON = "https://w3id.org/edukg/id/organisation/savon-koulutuskuntayhtyma"


@pytest.fixture(scope="module")
def store(sample_store, tmp_path_factory) -> Path:
    return copy_store(sample_store.path, tmp_path_factory.mktemp("viz") / "store")


@pytest.fixture(scope="module")
def page(store, module_cli, tmp_path_factory) -> tuple[str, dict]:
    out = tmp_path_factory.mktemp("page") / "network.html"
    code, stdout, stderr = module_cli("viz", "--store", store, "--out", out)
    assert code == 0, stderr
    assert stdout.startswith(f"Wrote {out}:") and " actors, " in stdout
    html = out.read_text(encoding="utf-8")
    return html, page_json(html)


def page_json(html: str) -> dict:
    found = re.search(r'<script id="edukg-data" type="application/json">(.*?)</script>', html, re.S)
    assert found, "the page carries no data block"
    return json.loads(found.group(1))


def test_the_page_is_one_file_that_fetches_nothing(page):
    html, _ = page
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b[^>]*\b(src|href)\s*=", html, re.I)
    assert not re.search(r"jsdelivr|unpkg|cdnjs|bootstrapcdn|googleapis", html, re.I)  # no CDN, not even dormant
    assert "vis.Network" in html and "default-src 'none'" in html


def test_the_top_broker_is_the_largest_node_and_every_tie_has_its_evidence(page):
    _, data = page
    top = max(data["actors"], key=lambda a: a["metrics"]["betweenness"])
    assert top["id"] == SAVON
    assert top["size"] == max(a["size"] for a in data["actors"])
    assert set(top["labels"]) >= {"fi"}
    assert data["ties"], "the sample network has ties"
    for tie in data["ties"]:
        assert tie["via"], tie
        for c in tie["via"]:
            parts = data["collaborations"][c]["parts"]
            assert tie["from"] in parts and tie["to"] in parts
            # every participation behind a tie names the document its sentence came from
            for who in (tie["from"], tie["to"]):
                assert all(e["document"] and e["source"] for e in parts[who]["evidence"]), (c, who)
    assert data["years"] and data["years"] == list(range(data["years"][0], data["years"][-1] + 1))


def test_focus_hops_and_limit_choose_the_actors(store, cli, tmp_path):
    out = tmp_path / "focus.html"
    code, stdout, stderr = cli("viz", "--store", store, "--focus", "savon koulutuskuntayhtymä", "--hops", "1",
                               "--out", out)
    assert code == 0, stderr
    data = page_json(out.read_text(encoding="utf-8"))
    assert data["focus"] == SAVON and data["actors"][0]["id"] == SAVON
    neighbours = {t["to"] if t["from"] == SAVON else t["from"] for t in data["ties"] if SAVON in (t["from"], t["to"])}
    assert {a["id"] for a in data["actors"]} == neighbours | {SAVON}
    code, _, stderr = cli("viz", "--store", store, "--limit", "3", "--out", out)
    assert code == 0, stderr
    assert len(page_json(out.read_text(encoding="utf-8"))["actors"]) == 3


@pytest.mark.parametrize("suffix, magic", [("svg", b"<svg"), ("png", b"\x89PNG\r\n\x1a\n")])
def test_static_figures(store, cli, tmp_path, suffix, magic):
    out = tmp_path / f"network.{suffix}"
    code, stdout, stderr = cli("viz", "--store", store, "--out", out)
    assert code == 0, stderr
    head = out.read_bytes()[:400]
    assert magic in head
    if suffix == "svg":
        assert "Savon koulutuskuntayhtymä" in out.read_text(encoding="utf-8")  # the top broker is named


@pytest.mark.parametrize("args, code, message", [
    (["--focus", "Savon koulutuskuntayhtyma"], 2, "closest: Savon koulutuskuntayhtymä"),
    (["--since", "2100"], 1, "no collaboration between actors in the years 2100"),
    (["--since", "2020", "--until", "2010"], 2, "--since 2020 is after --until 2010"),
    (["--hops", "-1", "--focus", "Opetushallitus"], 2, "--hops -1"),
])
def test_bad_input_is_one_line_and_writes_nothing(store, cli, tmp_path, args, code, message):
    out = tmp_path / "page.html"
    got, stdout, stderr = cli("viz", "--store", store, "--out", out, *args)
    assert got == code, stderr
    assert message in stderr and len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_an_empty_store_is_an_error_not_an_empty_page(cli, tmp_path):
    empty = tmp_path / "empty"
    OxigraphStore(empty).close()
    out = tmp_path / "page.html"
    code, _, stderr = cli("viz", "--store", empty, "--out", out)
    assert code == 2 and "holds no documents" in stderr and len(stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_a_network_without_ties_is_an_error(monkeypatch, tmp_path):
    import edukg.graph
    from edukg.viz import render_network
    alone = network({"a": ("school", {"fi": "Koulu A"}), "b": ("school", {"fi": "Koulu B"})},
                    {"solo-project": ("project", 2020, 2021, {"a": ("coordinator", "A hanke.", "a.txt")}),
                     "other-project": ("project", 2020, 2021, {"b": ("coordinator", "B hanke.", "b.txt")})})
    assert alone.actors.number_of_nodes() == 2 and ORG + "a" in alone.actors
    monkeypatch.setattr(edukg.graph, "collaboration_network", lambda store, **kw: alone)

    class Documents:
        location = "memory"

        def graphs(self):
            return ["https://w3id.org/edukg/graph/source/a"]

    out = tmp_path / "page.html"
    with pytest.raises(NothingFound, match="2 actors but no ties"):
        render_network(Documents(), out)
    assert not out.exists()
