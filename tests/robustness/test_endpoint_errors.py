"""A remote store that cannot be used is one line naming its URL and what happened, exit 2: a value that is
no URL, a host that does not answer, credentials missing or refused. Credentials come from the environment or
netrc (or the URL) and never appear in what edukg prints, not even with -v."""
from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from edukg.core.errors import InputError
from edukg.evaluate import evaluate

USER, PASSWORD = "alice", "s3cret-Pa55word"


class _Protected(BaseHTTPRequestHandler):
    """A SPARQL endpoint behind HTTP Basic authentication that answers every query with no rows."""

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8", "replace")
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="edukg"')
            self.end_headers()
            # a careless server echoes what it got
            self.wfile.write(f"denied: {self.headers.get('Authorization')} {body[:100]}".encode())
            return
        ask = "ASK" in body.upper()
        doc = {"head": {}, "boolean": True} if ask else {"head": {"vars": ["source"]}, "results": {"bindings": []}}
        data = json.dumps(doc).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def endpoint():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Protected)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()


@pytest.fixture
def no_credentials(monkeypatch, tmp_path):
    monkeypatch.delenv("EDUKG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("EDUKG_ENDPOINT_PASSWORD", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.netrc of the person running the tests


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("url, says", [
    ("not-a-url", "not an http:// or https:// URL"),
    ("ftp://example.org/sparql", "not an http:// or https:// URL"),
    ("http://127.0.0.1:9/sparql", "cannot reach it"),
    ("http://127.0.0.1:99999/sparql", "not a valid port"),
])
def test_an_unusable_endpoint_is_one_line_exit_2(cli, no_credentials, url, says):
    code, out, err = cli("query", "sources", "--endpoint", url)
    assert code == 2, (out, err)
    line = one_line(err)
    assert says in line and url.split(":9")[0] in line


def test_an_endpoint_that_wants_credentials_says_where_to_put_them(cli, no_credentials, endpoint):
    code, out, err = cli("query", "sources", "--endpoint", endpoint)
    assert code == 2
    line = one_line(err)
    assert endpoint in line and "HTTP 401" in line and "EDUKG_ENDPOINT_USER" in line and "netrc" in line


def test_refused_credentials_from_the_environment_are_never_printed(cli, no_credentials, endpoint, monkeypatch):
    monkeypatch.setenv("EDUKG_ENDPOINT_USER", USER)
    monkeypatch.setenv("EDUKG_ENDPOINT_PASSWORD", "wrong-" + PASSWORD)
    for verbose in ((), ("-v",)):
        code, out, err = cli("query", "sources", "--endpoint", endpoint, *verbose)
        assert code == 2
        assert "HTTP 401" in err and "refused the credentials of user 'alice'" in err
        assert PASSWORD not in out + err
        assert base64.b64encode(f"{USER}:wrong-{PASSWORD}".encode()).decode() not in out + err


def test_credentials_from_netrc_are_used(cli, no_credentials, endpoint, tmp_path):
    netrc = tmp_path / ".netrc"
    netrc.write_text(f"machine 127.0.0.1 login {USER} password {PASSWORD}\n", encoding="utf-8")
    netrc.chmod(0o600)
    code, out, err = cli("query", "sources", "--endpoint", endpoint, "-v")
    assert code == 0, err
    assert "(0 rows)" in out
    assert PASSWORD not in out + err


def test_credentials_in_the_url_work_and_are_not_shown(cli, no_credentials, endpoint):
    with_user = endpoint.replace("http://", f"http://{USER}:{PASSWORD}@")
    code, out, err = cli("query", "sources", "--endpoint", with_user)
    assert code == 0, err
    wrong = endpoint.replace("http://", f"http://{USER}:x{PASSWORD}@")
    code, out, err = cli("query", "sources", "--endpoint", wrong)
    assert code == 2
    assert endpoint in one_line(err) and PASSWORD not in out + err


# --- evaluate ---------------------------------------------------------------------------------------------

def test_evaluate_with_gold_for_no_document_built_is_an_error(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "elsewhere.json").write_text(json.dumps({"doc": "elsewhere.txt", "organisations": []}), encoding="utf-8")
    doc = tmp_path / "docs" / "news.txt"
    doc.parent.mkdir()
    doc.write_text("Opetushallitus tiedottaa\n\nOpetushallitus rahoittaa hanketta.\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"1 of 1 gold annotations name no document built .*elsewhere\.txt"):
        evaluate(gold, [doc.parent])


@pytest.mark.parametrize("option", [("--store", "somewhere"), ("--endpoint", "http://127.0.0.1:9/sparql")])
def test_evaluate_refuses_a_store_it_would_not_use(cli, tmp_path, option):
    code, out, err = cli("evaluate", "--gold", tmp_path, tmp_path, *option)
    assert code == 2
    assert "unrecognized arguments" in err and option[0] in err
