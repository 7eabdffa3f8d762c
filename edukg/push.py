"""`push`: copy every named graph to a remote store by the SPARQL 1.1 Graph Store HTTP Protocol.

Each graph goes in one `PUT <store>?graph=<iri>` (GSP §5.3), which replaces that graph on the server, so
pushing twice leaves the server as pushing once. Graphs the server holds that the store does not are left
alone. Credentials come from EDUKG_ENDPOINT_USER / EDUKG_ENDPOINT_PASSWORD (as for --endpoint) or from ~/.netrc for the server's host; they are
sent by HTTP Basic or Digest authentication when the server asks for them, and never written to any message (`user:password@` in the URL works too,
and is cut from the URL before anything names it).
"""
from __future__ import annotations

import netrc
import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote, unquote, urlsplit

from edukg.core.errors import InputError, StoreError
from edukg.core.store import Store
from edukg.core.store.sparql_text import _iri_text

USER_ENV, PASSWORD_ENV = "EDUKG_ENDPOINT_USER", "EDUKG_ENDPOINT_PASSWORD"


@dataclass
class PushReport:
    url: str
    graphs: int = 0
    triples: int = 0
    bytes: int = 0


def credentials(url: str) -> tuple[str, str] | None:
    """(user, password) from the environment, else from netrc for the URL's host, else None."""
    user, password = os.environ.get(USER_ENV), os.environ.get(PASSWORD_ENV)
    if user and password is not None:
        return user, password
    host = urlsplit(url).hostname
    try:
        entry = netrc.netrc().authenticators(host) if host else None
    except (FileNotFoundError, netrc.NetrcParseError, OSError):
        entry = None
    if entry and entry[0] and entry[2] is not None:
        return entry[0], entry[2]
    return None


def _opener(url: str, auth: tuple[str, str] | None) -> urllib.request.OpenerDirector:
    """Answers the server's challenge with Basic or Digest authentication (Virtuoso's graph store wants
    Digest), so credentials go only to a server that asks for them."""
    if not auth:
        return urllib.request.build_opener()
    passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
    passwords.add_password(None, url, auth[0], auth[1])
    return urllib.request.build_opener(urllib.request.HTTPBasicAuthHandler(passwords),
                                       urllib.request.HTTPDigestAuthHandler(passwords))


def _put(opener: urllib.request.OpenerDirector, url: str, graph_iri: str, body: bytes,
         auth: tuple[str, str] | None, timeout: float) -> None:
    request = urllib.request.Request(f"{url}?graph={quote(graph_iri, safe='')}", data=body, method="PUT",
                                     headers={"Content-Type": "application/n-triples; charset=utf-8"})
    try:
        with opener.open(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as e:
        if e.code in (401, 403):
            how = "with the credentials given" if auth else f"without credentials (set {USER_ENV} and {PASSWORD_ENV})"
            raise StoreError(f"graph store {url}: authentication failed {how} (HTTP {e.code})") from None
        raise StoreError(f"graph store {url}: PUT of graph {graph_iri} answered HTTP {e.code} {e.reason}") from None
    except (urllib.error.URLError, OSError) as e:
        reason = " ".join(str(getattr(e, "reason", e)).split())
        raise StoreError(f"graph store {url}: cannot reach it ({reason})") from None


def push(store: Store, graph_store_url: str, *, timeout: float = 300.0,
         progress: Callable[[int, int, str], None] | None = None) -> PushReport:
    """PUT every named graph of `store` to the Graph Store at `graph_store_url` (e.g. Oxigraph's `/store`)."""
    parts = urlsplit(graph_store_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise InputError(f"--graph-store {parts._replace(netloc=parts.netloc.rsplit('@', 1)[-1]).geturl()}: expected an http(s) URL without query, e.g. "
                         "http://localhost:7878/store")
    if parts.username is not None:
        # user:password@ in the URL: used, and cut from the URL so no message can show it
        auth: tuple[str, str] | None = (unquote(parts.username), unquote(parts.password or ""))
        graph_store_url = parts._replace(netloc=parts.netloc.rsplit("@", 1)[1]).geturl()
    else:
        auth = credentials(graph_store_url)
    report = PushReport(graph_store_url)
    opener = _opener(graph_store_url, auth)
    graphs = store.graphs()
    for n, graph_iri in enumerate(graphs, 1):
        query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {_iri_text(graph_iri)} {{ ?s ?p ?o }} }}"
        body = store.query_raw(query, "application/n-triples")  # one graph in memory at a time
        _put(opener, graph_store_url, graph_iri, body, auth, timeout)
        report.graphs += 1
        report.triples += body.count(b"\n")
        report.bytes += len(body)
        if progress:
            progress(n, len(graphs), graph_iri)
    return report
