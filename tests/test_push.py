"""`edukg push`: every named graph to a real Oxigraph server by the Graph Store Protocol; the contract queries
then give the same rows through --endpoint as locally; pushing twice changes nothing; failures are one line."""
import base64
import http.server
import json
import threading

import pytest

from edukg.query import list_queries
from servers import oxigraph_server

CONTRACT = ("organisations", "people", "projects", "participants", "funding", "coalitions", "events", "awards")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-push")) as url:
        yield url


def rows(cli, *args):
    code, out, err = cli("query", *args, "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    return data["head"]["vars"], sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"])


def test_push_then_contract_queries_match_and_pushing_twice_changes_nothing(server, cli, sample_store_copy):
    code, out, err = cli("push", "--store", sample_store_copy, "--graph-store", server + "/store")
    assert code == 0, err
    assert out.startswith("Pushed 6 graphs (") and server + "/store" in out
    for name in CONTRACT:
        assert name in {q.name for q in list_queries()}
        here = rows(cli, name, "--store", sample_store_copy)
        there = rows(cli, name, "--endpoint", server + "/query")
        assert here == there and here[1], name
    code, out, err = cli("push", "--store", sample_store_copy, "--graph-store", server + "/store")
    assert code == 0, err
    total = rows(cli, "sources", "--endpoint", server + "/query")
    assert total == rows(cli, "sources", "--store", sample_store_copy)
    from edukg.core.store import EndpointStore, OxigraphStore
    with OxigraphStore(sample_store_copy, read_only=True) as local:
        assert EndpointStore(server + "/query").quads_count() == local.quads_count()


@pytest.mark.parametrize("url, says", [
    ("http://127.0.0.1:9/store", "cannot reach it"),
    ("ftp://example.org/store", "expected an http(s) URL"),
])
def test_unreachable_or_wrong_url_is_one_line_naming_it(cli, sample_store_copy, url, says):
    code, out, err = cli("push", "--store", sample_store_copy, "--graph-store", url)
    assert code == 2 and err.count("\n") == 1 and url in err and says in err


def test_a_wrong_path_on_a_real_server_is_one_line(server, cli, sample_store_copy):
    code, _, err = cli("push", "--store", sample_store_copy, "--graph-store", server + "/nowhere")
    assert code == 2 and err.count("\n") == 1 and server + "/nowhere" in err and "HTTP 4" in err


class Refusing(http.server.BaseHTTPRequestHandler):
    seen: list[str | None] = []

    def do_PUT(self):
        Refusing.seen.append(self.headers.get("Authorization"))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="x"')
        self.end_headers()

    def log_message(self, *args):
        pass


def test_authentication_failure_sends_the_credentials_and_never_prints_them(cli, sample_store_copy, monkeypatch):
    httpd = http.server.HTTPServer(("127.0.0.1", 0), Refusing)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}/store"
    try:
        monkeypatch.setenv("EDUKG_ENDPOINT_USER", "alice")
        monkeypatch.setenv("EDUKG_ENDPOINT_PASSWORD", "s3cret-pw")
        code, out, err = cli("push", "--store", sample_store_copy, "--graph-store", url, "-v")
        assert code == 2 and "authentication failed" in err and url in err
        assert "s3cret" not in out + err
        assert Refusing.seen[-1] == "Basic " + base64.b64encode(b"alice:s3cret-pw").decode()
        monkeypatch.delenv("EDUKG_ENDPOINT_USER")
        monkeypatch.delenv("EDUKG_ENDPOINT_PASSWORD")
        at = url.replace("http://", "http://bob:pa55word@")
        code, out, err = cli("push", "--store", sample_store_copy, "--graph-store", at)
        assert code == 2 and "pa55word" not in out + err and url in err
        assert Refusing.seen[-1] == "Basic " + base64.b64encode(b"bob:pa55word").decode()
    finally:
        httpd.shutdown()


def test_serve_answers_from_an_endpoint(server, cli, sample_store_copy):
    """`edukg serve --endpoint URL` reads through the same interface: protocol answers and resource documents."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import SKOS
    from starlette.testclient import TestClient

    from edukg.serve import ServeConfig, create_app
    code, _, err = cli("push", "--store", sample_store_copy, "--graph-store", server + "/store")
    assert code == 0, err
    sakky = "https://w3id.org/edukg/id/organisation/savon-koulutuskuntayhtyma"
    with TestClient(create_app(ServeConfig(store=None, endpoint=server + "/query"))) as client:
        r = client.get("/sparql", params={"query": f"SELECT ?l WHERE {{ GRAPH ?g {{ <{sakky}> <{SKOS.altLabel}> ?l }} }}"},
                       headers={"Accept": "text/csv"})
        assert r.status_code == 200 and "Sakky" in r.text.splitlines()[1:]
        doc = client.get("/id/organisation/savon-koulutuskuntayhtyma.ttl")
        assert doc.status_code == 200
        assert (URIRef(sakky), SKOS.altLabel, Literal("Sakky", lang="fi")) in Graph().parse(data=doc.text,
                                                                                              format="turtle")
        assert client.get("/id/organisation/nobody.ttl").status_code == 404
