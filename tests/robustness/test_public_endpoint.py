"""The public endpoint (`edukg serve`): a request larger than --max-request-bytes answers 413 before its body is
read; no SPARQL Update gets through, by any of the protocol's channels; the timeout and the result limit hold;
no request path reaches a file outside the site. `tests/test_serve.py` covers the protocol itself.

Starlette's TestClient where a real server adds nothing; one real `edukg serve` for what only a socket shows
(a client that declares a huge body and never sends it, request targets no HTTP client library would send)."""
from __future__ import annotations

import asyncio
import socket
import sys
import urllib.parse

import pytest
from starlette.testclient import TestClient

from edukg.serve import ServeConfig, create_app
from edukg.serve.limits import RequestSizeLimit
from edukg.core.store import OxigraphStore
from servers import free_port, running

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
EVERYTHING = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def store_path(sample_store, tmp_path_factory):
    from conftest import copy_store
    return copy_store(sample_store.path, tmp_path_factory.mktemp("public") / "store")


def client_for(store_path, **options) -> TestClient:
    return TestClient(create_app(ServeConfig(store=str(store_path), **options)))


def count(client: TestClient) -> int:
    return int(client.get("/sparql", params={"query": COUNT}).json()["results"]["bindings"][0]["n"]["value"])


# --- request size ---------------------------------------------------------------------------------------


def test_a_body_or_query_string_over_the_limit_answers_413_in_one_line(store_path):
    with client_for(store_path, max_request_bytes=2_000) as c:
        padded = "ASK {}" + " " * 1_990  # 1,996 bytes: just under the limit
        assert c.post("/sparql", content=padded.encode(), headers={"Content-Type": "application/sparql-query"}
                      ).status_code == 200
        for response in (
                c.post("/sparql", content=(padded + "     ").encode(),
                       headers={"Content-Type": "application/sparql-query"}),
                c.post("/sparql", data={"query": padded}),
                c.get("/sparql", params={"query": padded + "    "}),
                c.get("/id/organisation/x", params={"q": "x" * 3_000}),
        ):
            assert response.status_code == 413
            assert response.text.count("\n") == 1 and "2,000 bytes" in response.text


def test_a_streamed_body_over_the_limit_answers_413(store_path):
    def chunks():  # no Content-Length: the body arrives in pieces
        yield b"ASK {"
        for _ in range(100):
            yield b" " * 100
        yield b"}"
    with client_for(store_path, max_request_bytes=2_000) as c:
        r = c.post("/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 413


def _asgi(app, scope: dict, receive) -> list[dict]:
    sent: list[dict] = []

    async def send(message: dict) -> None:
        sent.append(message)
    asyncio.run(app(scope, receive, send))
    return sent


def test_the_body_is_not_read_past_the_limit():
    """Straight at the middleware: a declared Content-Length over the limit reads nothing; an endless stream
    is read only as far as the limit."""
    reached = []

    async def app(scope, receive, send):
        reached.append(scope)
    guard = RequestSizeLimit(app, max_bytes=10_000)
    scope = {"type": "http", "method": "POST", "path": "/sparql", "query_string": b"",
             "headers": [(b"content-length", b"1000000000")]}

    async def never(): raise AssertionError("the body was read")
    sent = _asgi(guard, scope, never)
    assert sent[0]["status"] == 413 and not reached

    received = [0]

    async def endless():
        received[0] += 1
        return {"type": "http.request", "body": b"x" * 1_000, "more_body": True}
    sent = _asgi(guard, {**scope, "headers": []}, endless)
    assert sent[0]["status"] == 413 and not reached and received[0] == 11


# --- read-only ------------------------------------------------------------------------------------------

UPDATES = [
    'INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> "c" } }',
    "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
    # contains SELECT, so it looks like a query to anything that reads only the first keyword it knows
    "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }",
    "INSERT { GRAPH <http://e/g> { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
    "LOAD <http://127.0.0.1:9/nothing.ttl> INTO GRAPH <http://e/g>",
    "CLEAR ALL",
    "DROP ALL",
    "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
]


def channels(c: TestClient, text: str):
    yield "GET query=", c.get("/sparql", params={"query": text})
    yield "POST form query=", c.post("/sparql", data={"query": text})
    yield "POST sparql-query", c.post("/sparql", content=text.encode(),
                                      headers={"Content-Type": "application/sparql-query"})
    yield "GET update=", c.get("/sparql", params={"update": text})
    yield "POST form update=", c.post("/sparql", data={"update": text})
    yield "POST sparql-update", c.post("/sparql", content=text.encode(),
                                       headers={"Content-Type": "application/sparql-update"})


def test_no_update_gets_through_any_channel(store_path):
    with OxigraphStore(store_path, read_only=True) as s:
        quads, graphs = s.quads_count(), sorted(s.graphs())
    with client_for(store_path) as c:
        before = count(c)
        for update in UPDATES:
            for channel, r in channels(c, update):
                assert 400 <= r.status_code < 500, (channel, update, r.status_code)
                assert r.text.count("\n") == 1, (channel, update)
        assert count(c) == before
    with OxigraphStore(store_path, read_only=True) as s:
        assert s.quads_count() == quads and sorted(s.graphs()) == graphs


# --- timeout and limit ----------------------------------------------------------------------------------


def test_a_stopped_query_leaves_the_endpoint_answering(store_path):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
    with client_for(store_path, timeout=0.05) as c:
        r = c.get("/sparql", params={"query": slow})
        assert r.status_code == 503 and r.text.count("\n") == 1
        assert c.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


@pytest.mark.parametrize("query, accept", [
    (EVERYTHING + " LIMIT 100000", "application/sparql-results+json"),
    ("SELECT * WHERE { { SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 100000 } }", "application/sparql-results+json"),
    ("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } VALUES ?x { 1 2 }", "application/sparql-results+json"),
    ("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "application/n-triples"),
])
def test_the_result_limit_holds_whatever_the_query_asks(store_path, query, accept):
    with client_for(store_path, limit=7) as c:
        r = c.post("/sparql", data={"query": query}, headers={"Accept": accept})
        assert r.status_code == 200
        n = len(r.json()["results"]["bindings"]) if "json" in accept else len(r.text.strip().splitlines())
        assert n == 7


# --- paths ----------------------------------------------------------------------------------------------


def test_absolute_and_encoded_paths_reach_nothing_outside_the_site(store_path, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the site</p>", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    absolute = str(secret)
    paths = ["/" + absolute, "/" + urllib.parse.quote(absolute, safe=""), "/%2e%2e/secret.txt",
             "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt", "/static/%2Fetc%2Fpasswd", "/static/" + absolute,
             "/id/organisation/%2e%2e%2f%2e%2e%2fsecret.txt", "/id/organisation/" + urllib.parse.quote(absolute, safe=""),
             "/" + str(store_path / "CURRENT"), "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"]
    with client_for(store_path, site=str(site)) as c:
        assert c.get("/index.html").text == "<p>the site</p>"
        for path in paths:
            r = c.get("http://testserver" + path)
            assert r.status_code in (400, 404), path
            assert "TOP-SECRET" not in r.text and "root:" not in r.text and "MANIFEST" not in r.text, path


# --- a real server --------------------------------------------------------------------------------------


def raw(port: int, request: bytes, whole: bool = False, timeout: float = 10.0) -> bytes:
    """Send bytes as they are (no client library normalises them); the answer's head, or all of it."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        while whole or b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        return data


def test_a_real_server_refuses_a_huge_body_before_it_arrives_and_raw_dot_paths(store_path, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the site</p>", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("TOP-SECRET", encoding="utf-8")
    port = free_port()
    args = [sys.executable, "-m", "edukg", "serve", "--store", str(store_path), "--port", str(port), "-q",
            "--site", str(site), "--max-request-bytes", "5000"]
    with running(args, f"http://127.0.0.1:{port}/void"):
        # a gigabyte declared, a few bytes sent: the answer comes without waiting for the rest
        head = raw(port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                         b"Content-Length: 1000000000\r\n\r\nASK {")
        assert head.startswith(b"HTTP/1.1 413")
        chunk = b"1000\r\n" + b" " * 0x1000 + b"\r\n"
        head = raw(port, b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n" + chunk * 3)
        assert head.startswith(b"HTTP/1.1 413")
        for target in (b"/../secret.txt", b"/%2e%2e/secret.txt", b"/..%2fsecret.txt", b"/static/../../secret.txt",
                       b"//" + str(tmp_path / "secret.txt").encode().lstrip(b"/")):
            answer = raw(port, b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                         whole=True)
            assert answer.split(b" ")[1] in (b"400", b"404"), target
            assert b"TOP-SECRET" not in answer, target
