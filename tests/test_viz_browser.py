"""The network page in a real headless Chromium with the network switched off: it draws, logs no error, asks
for nothing outside its own file, and clicking a tie shows the collaborations and sentences behind it.

A screenshot of each page is kept in tests/artifacts/ (gitignored). Without chromium the tests skip, except in
CI (CI=true), where a missing browser fails: scripts/install-browser.sh installs it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_store
from headless import file_url, find_browser, in_ci, offline_chromium, requested_urls
from viz_networks import ORG, metrics, schools, synthetic

from edukg.viz.html_page import network_html
from edukg.viz.page_data import page_data

ARTIFACTS = Path(__file__).parent / "artifacts"
HOSTILE = '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"> & Co\u2028'

if not find_browser():
    if in_ci():
        raise RuntimeError("CI: chromium and chromedriver are missing; .ci/run must call scripts/install-browser.sh")
    pytest.skip("chromium and chromedriver are not installed (scripts/install-browser.sh installs them)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    with offline_chromium() as driver:
        yield driver


def write_page(net, path: Path, **kw) -> Path:
    path.write_text(network_html(page_data(net, metrics(net.actors), **kw), "loading"), encoding="utf-8")
    return path


def open_page(driver, path: Path) -> None:
    requested_urls(driver)  # forget earlier pages
    driver.get(file_url(path))
    driver.set_script_timeout(30)
    # resolves when physics has stabilised and stopped (or at once if that already happened)
    driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        (function wait() { document.body.dataset.stabilized === "true" ? done() : setTimeout(wait, 50); })();""")


def console_errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def assert_stayed_local(driver) -> None:
    urls = requested_urls(driver)
    assert urls, "the performance log recorded no request at all (not even the page)"
    outside = [u for u in urls if not u.startswith(("file://", "data:", "blob:"))]
    assert not outside, f"the page requested {outside}"


def click_at(driver, x: float, y: float) -> None:
    """A real mouse click at canvas coordinates (DOM pixels from the canvas's top left corner)."""
    from selenium.webdriver.common.action_chains import ActionChains
    canvas = driver.find_element("css selector", "#network canvas")
    w, h = canvas.size["width"], canvas.size["height"]
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - w / 2), int(y - h / 2)).click().perform()


def dom_position(driver, ids: list[str]) -> dict:
    return driver.execute_script("""
        const net = window.edukg.network, pos = net.getPositions(arguments[0]), out = {};
        for (const id of arguments[0]) out[id] = net.canvasToDOM(pos[id]);
        return out;""", ids)


def details(driver) -> str:
    return driver.find_element("id", "details").text


def test_page_draws_offline_and_a_clicked_tie_shows_its_evidence(browser, tmp_path):
    page = write_page(schools(), tmp_path / "schools.html")
    open_page(browser, page)
    painted = browser.execute_script("""
        const c = document.querySelector('#network canvas');
        if (!c) return -1;
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < px.length; i += 4) if (px[i]) n++;
        return n;""")
    assert painted > 1000, "the page's script drew no canvas (or an empty one)"
    consortium, university = ORG + "consortium", ORG + "university"
    pos = dom_position(browser, [consortium, university])
    click_at(browser, (pos[consortium]["x"] + pos[university]["x"]) / 2,
             (pos[consortium]["y"] + pos[university]["y"]) / 2)
    text = details(browser)
    assert "Testin koulutuskuntayhtymä — Testin yliopisto" in text
    assert "Bridge Project" in text and "2019–2020" in text
    assert "Testin koulutuskuntayhtymä koordinoi Bridge-hanketta." in text
    assert "Kumppanina on Testin yliopisto." in text and "alpha.txt" in text
    assert "City Project" not in text  # the other projects of the consortium are not behind this tie
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "viz_page_tie_evidence.png"))
    assert console_errors(browser) == []
    assert_stayed_local(browser)


def test_a_clicked_actor_shows_its_names_metrics_projects_funders_and_sources(browser, tmp_path):
    open_page(browser, write_page(schools(), tmp_path / "schools.html"))
    pos = dom_position(browser, [ORG + "consortium"])[ORG + "consortium"]
    click_at(browser, pos["x"], pos["y"])
    text = details(browser)
    for expected in ("Testin koulutuskuntayhtymä", "Test samkommun", "Test Education Consortium", "betweenness",
                     "Bridge Project", "City Project", "coordinator", "Testivirasto", "alpha.txt", "beta.txt"):
        assert expected in text
    assert "gamma.txt" not in text  # the city's coalition is not the consortium's source


def test_typing_an_acronym_in_the_search_box_finds_the_actor(browser, tmp_path):
    from selenium.webdriver.common.keys import Keys
    net = schools()
    for g in (net.actors, net.bipartite):
        g.nodes[ORG + "university"]["alt_labels"] = ["TY", "Testin yliopiston"]
    open_page(browser, write_page(net, tmp_path / "schools.html"))
    box = browser.find_element("id", "search")
    box.send_keys("ty", Keys.ENTER)  # a short name, typed in lower case
    assert browser.execute_script("return window.edukg.network.getSelectedNodes()") == [ORG + "university"]
    assert "Testin yliopisto" in details(browser)
    box.clear()
    box.send_keys("no such actor", Keys.ENTER)
    assert "No actor matches" in browser.find_element("id", "status").text
    assert console_errors(browser) == []


def test_the_year_slider_marks_ties_gained_and_lost(browser, tmp_path):
    open_page(browser, write_page(schools(), tmp_path / "schools.html"))
    years = browser.execute_script("return window.edukg.data.years")
    assert years == [2019, 2020, 2021, 2022]
    browser.execute_script("""
        const s = document.getElementById('year'); s.value = arguments[0];
        s.dispatchEvent(new Event('input'));""", years.index(2021) + 1)
    status = browser.find_element("id", "status").text
    assert "1 gained in 2021" in status and "1 lost" in status
    edges = browser.execute_script(
        "return window.edukg.edges.get().map(e => [e.from, e.to, e.dashes, e.color.color])")
    by_pair = {frozenset((a, b)): (dashed, colour) for a, b, dashed, colour in edges}
    assert by_pair[frozenset((ORG + "consortium", ORG + "university"))][0] is True  # lost: the project ended
    assert by_pair[frozenset((ORG + "city", ORG + "ngo"))] == (False, "#2e9e5b")  # gained: the coalition began
    assert frozenset((ORG + "university", ORG + "agency")) not in by_pair
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "viz_page_year_2021.png"))
    assert console_errors(browser) == []


def test_a_hostile_name_and_quote_are_shown_as_text_and_run_nothing(browser, tmp_path):
    net = schools()
    ngo = ORG + "ngo"
    net.actors.nodes[ngo]["label"] = net.bipartite.nodes[ngo]["label"] = HOSTILE
    net.actors.nodes[ngo]["labels"] = {"fi": HOSTILE}
    for _, _, d in net.bipartite.edges(ngo, data=True):
        d["evidence"][0]["quote"] = "Quote with " + HOSTILE
    page = write_page(net, tmp_path / "hostile.html")
    html = page.read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html and "<img src=x" not in html
    open_page(browser, page)
    assert browser.execute_script("return window.pwned === undefined")
    pos = dom_position(browser, [ngo, ORG + "city"])
    click_at(browser, (pos[ngo]["x"] + pos[ORG + "city"]["x"]) / 2, (pos[ngo]["y"] + pos[ORG + "city"]["y"]) / 2)
    text = details(browser)
    assert '</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2"> & Co' in text
    assert browser.execute_script("return document.querySelectorAll('#details img, #details script').length") == 0
    assert browser.execute_script("return window.pwned === undefined")
    assert console_errors(browser) == []
    assert_stayed_local(browser)


def test_a_large_network_opens_on_its_communities_and_expands_one(browser, tmp_path):
    net = synthetic(120)
    open_page(browser, write_page(net, tmp_path / "large.html", large=50))
    shown = browser.execute_script("return window.edukg.nodes.getIds()")
    assert shown and all(i.startswith("community:") for i in shown)
    biggest = browser.execute_script(
        "return window.edukg.data.communities.reduce((a, c) => c.size > a.size ? c : a).id")
    browser.execute_script("window.edukg.expand(arguments[0])", biggest)
    shown = browser.execute_script("return window.edukg.nodes.getIds()")
    members = browser.execute_script(
        "return window.edukg.data.actors.filter(a => a.community === arguments[0]).map(a => a.id)", biggest)
    assert set(members) <= set(shown) and f"community:{biggest}" not in shown
    assert browser.execute_script("return window.edukg.network.physics.physicsEnabled") is False
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "viz_page_large_expanded.png"))
    assert console_errors(browser) == []


def test_the_sample_corpus_page_shows_the_evidence_of_the_top_brokers_ties(browser, sample_store, cli, tmp_path):
    out = tmp_path / "sample.html"
    code, _, stderr = cli("viz", "--store", copy_store(sample_store.path, tmp_path / "store"), "--out", out)
    assert code == 0, stderr
    open_page(browser, out)
    data = browser.execute_script("return window.edukg.data")
    top = max(data["actors"], key=lambda a: a["metrics"]["betweenness"])
    labels = {a["id"]: a["label"] for a in data["actors"]}
    for tie in [t for t in data["ties"] if top["id"] in (t["from"], t["to"])][:3]:
        # the page's own click handler, as a click on the tie's line calls it
        browser.execute_script("window.edukg.network.body.emitter.emit('click', {nodes: [], edges: [arguments[0]]})",
                               tie["id"])
        text = details(browser)
        assert f"{labels[tie['from']]} — {labels[tie['to']]}" in text
        for c in tie["via"]:
            collab = data["collaborations"][c]
            assert collab["label"] in text
            for who in (tie["from"], tie["to"]):
                for ev in collab["parts"][who]["evidence"]:
                    assert " ".join(ev["quote"].split()) in " ".join(text.split())
                    assert ev["document"] in text
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "viz_sample_corpus.png"))
    assert console_errors(browser) == []
    assert_stayed_local(browser)
