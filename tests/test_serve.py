"""`edukg serve`: the SPARQL 1.1 Protocol, content negotiation, read-only answers, limits, CORS, 404s and paths
(Starlette's TestClient), and a real client (SPARQLWrapper) against a running `edukg serve`."""
import csv
import io
import json
import sys

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS
from starlette.testclient import TestClient

from edukg.query import load_query, run_query
from edukg.serve import ServeConfig, create_app
from edukg.core.store import OxigraphStore
from servers import free_port, running

B = "https://w3id.org/edukg/"
SAKKY = B + "id/organisation/savon-koulutuskuntayhtyma"
SELECT_ALT = f"SELECT ?label WHERE {{ <{SAKKY}> <{SKOS.altLabel}> ?label }}"
CONSTRUCT = f"CONSTRUCT {{ <{SAKKY}> ?p ?o }} WHERE {{ <{SAKKY}> ?p ?o }}"


@pytest.fixture(scope="module")
def store_path(sample_store, tmp_path_factory):
    from conftest import copy_store
    return copy_store(sample_store.path, tmp_path_factory.mktemp("serve") / "store")


def client_for(store_path, **options) -> TestClient:
    return TestClient(create_app(ServeConfig(store=str(store_path), **options)))


@pytest.fixture(scope="module")
def client(store_path):
    with client_for(store_path) as c:
        yield c


@pytest.mark.parametrize("accept, check", [
    ("application/sparql-results+json",
     lambda r: {b["label"]["value"] for b in r.json()["results"]["bindings"]} == {"Sakky"}),
    ("application/sparql-results+xml", lambda r: b"<literal xml:lang=\"fi\">Sakky</literal>" in r.content),
    ("text/csv", lambda r: list(csv.reader(io.StringIO(r.text)))[1:] == [["Sakky"]] * len(r.text.splitlines()[1:])),
    ("text/tab-separated-values", lambda r: r.text.splitlines()[0] == "?label" and '"Sakky"@fi' in r.text),
])
def test_select_in_each_format_by_accept(client, accept, check):
    r = client.get("/sparql", params={"query": SELECT_ALT}, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept) and check(r)
    assert "Accept" in r.headers["vary"]


def test_the_three_ways_to_send_a_query(client):
    by_get = client.get("/sparql", params={"query": SELECT_ALT}).json()
    by_form = client.post("/sparql", data={"query": SELECT_ALT}).json()
    direct = client.post("/sparql", content=SELECT_ALT.encode(),
                         headers={"Content-Type": "application/sparql-query"}).json()
    assert by_get == by_form == direct and by_get["results"]["bindings"]


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                         ("application/n-triples", "nt")])
def test_construct_and_describe_by_accept(client, accept, fmt):
    for query in (CONSTRUCT, f"DESCRIBE <{SAKKY}>"):
        r = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
        g = Graph().parse(data=r.text, format=fmt)
        assert (URIRef(SAKKY), SKOS.altLabel, Literal("Sakky", lang="fi")) in g


def test_updates_are_refused_and_change_nothing(client):
    count = 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }'
    before = client.get("/sparql", params={"query": count}).json()
    assert client.post("/sparql", data={"update": "DROP ALL"}).status_code == 403
    assert client.post("/sparql", content=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}
                       ).status_code == 403
    assert client.get("/sparql", params={"update": "DROP ALL"}).status_code == 403
    assert client.get("/sparql", params={"query": 'INSERT DATA { <http://e/a> <http://e/b> "c" }'}).status_code == 400
    assert client.get("/sparql", params={"query": count}).json() == before


def test_bad_queries_and_formats(client):
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400 and "syntax" in r.text
    assert client.get("/sparql", params={"query": SELECT_ALT}, headers={"Accept": "image/png"}).status_code == 406
    assert client.get("/sparql", headers={"Accept": "application/json"}).status_code == 400
    assert client.post("/sparql", content=b"x", headers={"Content-Type": "text/plain"}).status_code == 415


def test_result_limit_and_query_timeout(store_path):
    everything = "SELECT * WHERE { ?s ?p ?o }"
    with client_for(store_path, limit=3) as c:
        assert len(c.get("/sparql", params={"query": everything}).json()["results"]["bindings"]) == 3
        assert len(c.get("/sparql", params={"query": everything + " LIMIT 2"}).json()["results"]["bindings"]) == 2
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"  # a few million pairs: about a second
    with client_for(store_path, timeout=0.01) as c:
        r = c.get("/sparql", params={"query": slow})
        assert r.status_code == 503 and "longer than 0.01 s" in r.text


def test_cors(client):
    r = client.get("/sparql", params={"query": SELECT_ALT}, headers={"Origin": "https://example.org"})
    assert r.headers["access-control-allow-origin"] == "*"
    pre = client.options("/sparql", headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"})
    assert pre.status_code == 200


@pytest.mark.parametrize("accept, ext, fmt", [
    ("text/turtle", "ttl", "turtle"), ("application/ld+json", "jsonld", "json-ld"),
    ("application/n-triples", "nt", "nt"), ("application/rdf+xml", "rdf", "xml"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "html", None),
])
def test_a_resource_iri_dereferences_by_accept(client, accept, ext, fmt):
    path = "/id/organisation/savon-koulutuskuntayhtyma"
    r = client.get(path, headers={"Accept": accept}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"{path}.{ext}" and "Accept" in r.headers["vary"]
    doc = client.get(r.headers["location"])
    assert doc.status_code == 200 and "Accept" in doc.headers["vary"]
    if fmt:
        g = Graph().parse(data=doc.text, format=fmt)
        assert (URIRef(SAKKY), SKOS.altLabel, Literal("Sakky", lang="fi")) in g
    else:
        assert "Savon koulutuskuntayhtymä" in doc.text and "application/ld+json" in doc.text


def test_unknown_resources_and_paths_are_404_pages_linking_home(client):
    for path in ("/id/organisation/nobody", "/id/organisation/nobody.ttl", "/nothing/here", "/id/x/../../etc/passwd",
                 "/static/..%2F..%2Fapp.py", "/static/app.py", "/id/%2e%2e/%2e%2e"):
        r = client.get(path, headers={"Accept": "text/turtle"})
        assert r.status_code == 404, path
        assert 'href="/"' in r.text and "root:" not in r.text and "import" not in r.text


def test_site_folder_is_served_and_nothing_outside_it(store_path, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the site</p>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    with client_for(store_path, site=str(site)) as c:
        assert c.get("/index.html").text == "<p>the site</p>"
        for path in ("/../secret.txt", "/..%2Fsecret.txt", "/%2e%2e/secret.txt", "/static/../../secret.txt"):
            r = c.get(path)
            assert r.status_code == 404 and "secret" not in r.text.replace("secret.txt", ""), path


def test_ontology_void_home_and_query_page(client):
    onto = client.get("/ontology", headers={"Accept": "text/turtle"})
    assert onto.status_code == 200 and len(Graph().parse(data=onto.text, format="turtle")) > 50
    assert "Coalition" in client.get("/ontology", headers={"Accept": "text/html"}).text
    void = Graph().parse(data=client.get("/void", headers={"Accept": "text/turtle"}).text, format="turtle")
    triples = void.value(URIRef(B + "void#dataset"), URIRef("http://rdfs.org/ns/void#triples"))
    assert triples is not None and triples.toPython() > 1000
    assert client.get("/.well-known/void").status_code == 200
    assert "org:Organization" in client.get("/").text
    page = client.get("/query").text
    assert "Project participants" in page and "/static/query.js" in page
    assert "http://" not in page.split("<body>")[0].replace("http://www.w3.org", "")  # no script from a CDN
    assert client.get("/static/query.js").status_code == 200


def test_no_build_path_in_answers(client):
    r = client.get("/sparql", params={"query": "SELECT ?f WHERE { ?s <http://purl.org/dc/terms/source> ?f }"},
                   headers={"Accept": "text/csv"})
    files = r.text.splitlines()[1:]
    assert files and all("/" not in f and f.endswith((".txt", ".md", ".html")) for f in files)
    page = client.get("/id/source/" + files[0].rsplit(".", 1)[0], headers={"Accept": "text/turtle"})
    assert page.status_code == 200 and "http://purl.org/dc/terms/source" in page.text
    assert "file:" not in page.text and files[0] in page.text


def test_a_real_client_gets_what_edukg_query_gets_locally(store_path):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    port = free_port()
    args = [sys.executable, "-m", "edukg", "serve", "--store", str(store_path), "--port", str(port), "-q"]
    with running(args, f"http://127.0.0.1:{port}/void"):
        for name in ("organisations", "participants", "funding"):
            client = SPARQLWrapper(f"http://127.0.0.1:{port}/sparql")
            client.setMethod(POST)
            client.setReturnFormat(JSON)
            client.setQuery(load_query(name).text)
            remote = client.query().convert()
            with OxigraphStore(store_path, read_only=True) as local:
                here = json.loads(__import__("edukg.query", fromlist=["format_result"]).format_result(
                    run_query(name, {}, local), "json"))
            key = lambda b: json.dumps(b, sort_keys=True)
            columns = here["head"]["vars"]
            there = [{c: v for c, v in b.items() if c in columns} for b in remote["results"]["bindings"]]
            assert here["results"]["bindings"], name
            assert sorted(map(key, there)) == sorted(map(key, here["results"]["bindings"])), name
