"""`EndpointStore`: any SPARQL 1.1 endpoint — SPARQLWrapper for queries and updates, the Graph Store Protocol
over plain urllib for whole-graph writes when the server offers it."""
from __future__ import annotations

import base64
import netrc
import os
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Mapping
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from edukg.core.errors import QueryError, StoreError
from edukg.core.store.base import GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES, Row, Store, Term, _check_dump_format, _one_line
from edukg.core.store.sparql_text import (_XSD_STRING, _change_update, _iri_text, _replace_update, inject_values, ntriples, query_form,
                                      syntax_error, undeclared_prefixes)

_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def _from_json(binding: dict | None) -> Term | None:
    """A term of the SPARQL 1.1 Query Results JSON format as an rdflib term."""
    if binding is None:
        return None
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return Literal(value, lang=binding["xml:lang"])
        datatype = binding.get("datatype")
        if datatype and datatype not in (_XSD_STRING, _RDF_LANGSTRING):
            return Literal(value, datatype=URIRef(datatype), normalize=False)
        return Literal(value)
    raise QueryError(f"unsupported term in result: {binding!r}")


def _derived_update_url(query_url: str) -> str:
    # Oxigraph server (/query → /update) and Fuseki (/ds/query → /ds/update); others answer both on one URL.
    return query_url.removesuffix("/query") + "/update" if query_url.endswith("/query") else query_url


@dataclass(frozen=True)
class Credentials:
    """HTTP Basic credentials for an endpoint, and where they came from (for messages; never the secret)."""

    user: str
    password: str = field(repr=False)
    origin: str

    def header(self) -> str:
        token = base64.b64encode(f"{self.user}:{self.password}".encode("utf-8")).decode("ascii")
        return f"Basic {token}"


def _endpoint_url(url: str) -> tuple[str, Credentials | None]:
    """The URL without user information, and the credentials: from the URL itself, else the environment
    (EDUKG_ENDPOINT_USER, EDUKG_ENDPOINT_PASSWORD), else the user's netrc file for the host."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    netloc = f"[{host}]" if ":" in host else host
    clean = urlunsplit(parts._replace(netloc=netloc + (f":{parts.port}" if _port(parts) else "")))
    if parts.scheme not in ("http", "https") or not host:
        shown = clean if parts.scheme and host else url.split("@")[-1]
        raise StoreError(f"endpoint {shown}: not an http:// or https:// URL")
    if parts.username is not None:
        return clean, Credentials(unquote(parts.username), unquote(parts.password or ""), "the URL")
    user = os.environ.get("EDUKG_ENDPOINT_USER")
    if user:
        return clean, Credentials(user, os.environ.get("EDUKG_ENDPOINT_PASSWORD", ""),
                                  "EDUKG_ENDPOINT_USER/EDUKG_ENDPOINT_PASSWORD")
    try:
        found = netrc.netrc().authenticators(host)
    except FileNotFoundError:
        found = None
    except (netrc.NetrcParseError, OSError) as e:
        raise StoreError(f"endpoint {clean}: cannot read the netrc file ({getattr(e, 'msg', None) or e.__class__.__name__})") from None
    if found and found[0]:
        return clean, Credentials(found[0], found[2] or "", "netrc")
    return clean, None


def _port(parts) -> int | None:
    try:
        return parts.port
    except ValueError:
        raise StoreError(f"endpoint {parts.scheme}://{parts.hostname}: not a valid port") from None


class EndpointStore(Store):
    """A remote SPARQL 1.1 endpoint. Writes use the Graph Store Protocol at `gsp_url` if given, else Update.

    Credentials are never part of `location` or of any message."""

    def __init__(self, query_url: str, update_url: str | None = None, gsp_url: str | None = None, *,
                 timeout: float = 300.0) -> None:
        # as given (credentials in the URL included) for `reader`, which hands them to a worker process only
        self._opened_as = (query_url, update_url, gsp_url, timeout)
        query_url, self._credentials = _endpoint_url(query_url)
        self.location = query_url
        self.query_url = query_url.rstrip("/")
        self.update_url = _endpoint_url(update_url)[0] if update_url else _derived_update_url(self.query_url)
        self.gsp_url = _endpoint_url(gsp_url)[0] if gsp_url else None
        self.timeout = timeout

    def _refused(self, url: str, code: int, reason: str) -> StoreError:
        if self._credentials is None:
            hint = "it needs credentials: set EDUKG_ENDPOINT_USER and EDUKG_ENDPOINT_PASSWORD, or add the host to ~/.netrc"
        else:
            hint = f"it refused the credentials of user {self._credentials.user!r} from {self._credentials.origin}"
        return StoreError(f"endpoint {url}: HTTP {code} {reason}: {hint}")

    def _safe(self, text: str) -> str:
        # a server may echo the request back; the password must not reach the terminal or a log
        if self._credentials and self._credentials.password:
            text = text.replace(self._credentials.password, "***")
        return text

    def reader(self) -> Callable[[], Store] | None:
        query_url, update_url, gsp_url, timeout = self._opened_as
        return partial(EndpointStore, query_url, update_url, gsp_url, timeout=timeout)

    def check(self) -> None:
        """Raise StoreError unless the endpoint answers a trivial query."""
        self.ask("ASK {}")

    # SPARQLWrapper is imported here so that embedded-only use does not pay for it.
    def _request(self, text: str, *, update: bool = False, accept: str = "json") -> object:
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException, Unauthorized

        url = self.update_url if update else self.query_url
        client = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url)
        client.setOnlyConneg(True)  # Oxigraph rejects the format/output URL parameters SPARQLWrapper adds
        client.setMethod(POST)
        client.setTimeout(self.timeout)
        client.setQuery(text)
        client.setReturnFormat(TURTLE if accept == "turtle" else JSON)
        if self._credentials:
            client.setCredentials(self._credentials.user, self._credentials.password)
        try:
            response = client.query()
            return None if update else response.convert()
        except QueryBadFormed as e:
            if undeclared_prefixes(text):
                raise syntax_error(text, "") from None
            raise QueryError(f"endpoint {url} rejected the query: {self._safe(_one_line(e))[:300]}") from None
        except Unauthorized:
            raise self._refused(url, 401, "Unauthorized") from None
        except SPARQLWrapperException as e:
            raise StoreError(f"endpoint {url}: {self._safe(_one_line(e))[:300]}") from None
        except urllib.error.HTTPError as e:
            if e.code in (401, 403):
                raise self._refused(url, e.code, str(e.reason)) from None
            raise StoreError(f"endpoint {url}: HTTP {e.code} {e.reason}") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"endpoint {url}: cannot reach it ({_one_line(reason)})") from None
        except ValueError as e:  # a URL urllib cannot use, or a body that is not the format asked for
            raise StoreError(f"endpoint {url}: {self._safe(_one_line(e))[:300]}") from None

    def _update(self, text: str) -> None:
        self._request(text, update=True)

    def _gsp(self, method: str, graph_iri: str, body: str | bytes | None = None) -> None:
        assert self.gsp_url is not None
        url = f"{self.gsp_url}?graph={quote(graph_iri, safe='')}"
        data = body.encode("utf-8") if isinstance(body, str) else body
        headers = {"Content-Type": "application/n-triples; charset=utf-8"} if data is not None else {}
        if self._credentials:
            headers["Authorization"] = self._credentials.header()
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as e:
            if method == "DELETE" and e.code == 404:
                return
            if e.code in (401, 403):
                raise self._refused(self.gsp_url, e.code, str(e.reason)) from None
            raise StoreError(f"graph store {self.gsp_url}: {method} {graph_iri}: HTTP {e.code} {e.reason}") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"graph store {self.gsp_url}: cannot reach it ({_one_line(reason)})") from None

    @contextmanager
    def _raw(self, query: str, accept: str) -> Iterator[BinaryIO]:
        """POST the query (SPARQL 1.1 Protocol §2.1.3) and yield the response body as a stream."""
        request = urllib.request.Request(
            self.query_url, data=query.encode("utf-8"), method="POST",
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                yield response
        except urllib.error.HTTPError as e:
            if e.code == 400:
                detail = _one_line(Exception(e.read(300).decode("utf-8", "replace")))
                raise QueryError(f"endpoint {self.query_url} rejected the query: {detail}") from None
            raise StoreError(f"endpoint {self.query_url}: HTTP {e.code} {e.reason}") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"endpoint {self.query_url}: cannot reach it ({_one_line(reason)})") from None

    def query_raw(self, query: str, media_type: str, *, union_default: bool = False) -> bytes:
        form = query_form(query)
        allowed = GRAPH_MEDIA_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULTS_MEDIA_TYPES
        if media_type not in allowed:
            raise QueryError(f"a {form} result cannot be written as {media_type}")
        with self._raw(query, media_type) as response:
            return response.read()

    def dump(self, out: BinaryIO, format: str = "nquads") -> None:
        import pyoxigraph as ox  # a streaming N-Triples parser and N-Quads/TriG writer
        _check_dump_format(format)

        def quads() -> Iterator[ox.Quad]:
            # one graph per request: memory holds one response's parser state, never the whole store
            for graph_iri in self.graphs():
                graph = ox.NamedNode(graph_iri)
                query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {_iri_text(graph_iri)} {{ ?s ?p ?o }} }}"
                with self._raw(query, "application/n-triples") as response:
                    # each response labels its blank nodes afresh: rename them so graphs cannot share one
                    for t in ox.parse(response, ox.RdfFormat.N_TRIPLES, rename_blank_nodes=True):
                        yield ox.Quad(t.subject, t.predicate, t.object, graph)
        try:
            ox.serialize(quads(), out, ox.RdfFormat.TRIG if format == "trig" else ox.RdfFormat.N_QUADS)
        except SyntaxError as e:
            raise StoreError(f"endpoint {self.query_url}: unreadable N-Triples: {_one_line(e)}") from None

    def graphs(self) -> list[str]:
        # `GRAPH ?g {}` lists the named graphs without scanning their triples
        _, rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted(str(r["g"]) for r in rows if isinstance(r["g"], URIRef))

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        if self.gsp_url:
            try:
                body = ntriples(graph)
            except ValueError as e:
                raise StoreError(f"cannot write graph {graph_iri}: {e}") from None
            self._gsp("PUT", graph_iri, body)  # a PUT replaces the graph in one request (GSP §5.3)
        else:
            self._update(_replace_update(graph_iri, graph))

    def load_graph(self, graph_iri: str, ntriples: bytes | Path) -> None:
        if isinstance(ntriples, Path):
            ntriples = ntriples.read_bytes()
        if self.gsp_url:
            self._gsp("PUT", graph_iri, ntriples)  # one request replaces the graph (GSP §5.3): atomic on the server
            return
        try:
            iri = _iri_text(graph_iri)
        except ValueError as e:
            raise StoreError(f"endpoint {self.update_url}: {e}") from None
        # one update request, which a SPARQL 1.1 server runs as one operation sequence (Oxigraph, Fuseki: one transaction)
        self._update(f"DROP SILENT GRAPH {iri} ;\nINSERT DATA {{ GRAPH {iri} {{\n{ntriples.decode('utf-8')}}} }}")

    def change_graph(self, graph_iri: str, remove: Graph, add: Graph) -> None:
        update = _change_update(graph_iri, remove, add)
        if update:
            self._update(update)

    def drop_graph(self, graph_iri: str) -> None:
        if self.gsp_url:
            self._gsp("DELETE", graph_iri)
        else:
            try:
                iri = _iri_text(graph_iri)
            except ValueError as e:
                raise StoreError(f"endpoint {self.update_url}: {e}") from None
            self._update(f"DROP SILENT GRAPH {iri}")

    def add_graphs(self, graphs: Mapping[str, Graph], *, batch: int = 20_000) -> None:
        for graph_iri, graph in graphs.items():
            triples = list(graph)
            # batches keep each request below the body limits common servers set
            for start in range(0, len(triples), batch):
                try:
                    body = ntriples(triples[start:start + batch])
                except ValueError as e:
                    raise StoreError(f"cannot write graph {graph_iri}: {e}") from None
                if self.gsp_url:
                    self._gsp("POST", graph_iri, body)
                else:
                    self._update(f"INSERT DATA {{ GRAPH {_iri_text(graph_iri)} {{\n{body}}} }}")

    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *,
               union_default: bool = False) -> tuple[list[str], list[Row]]:
        # union_default is left to the endpoint's own configuration (e.g. Fuseki's unionDefaultGraph)
        if query_form(query) != "SELECT":
            raise QueryError("expected a SELECT query")
        result = self._request(inject_values(query, bindings or {}))
        if not isinstance(result, dict) or "results" not in result:
            raise StoreError(f"endpoint {self.query_url}: not a SPARQL JSON result")
        columns = list(result["head"].get("vars", []))
        return columns, [{c: _from_json(b.get(c)) for c in columns} for b in result["results"]["bindings"]]

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *,
                  union_default: bool = False) -> Graph:
        if query_form(query) not in ("CONSTRUCT", "DESCRIBE"):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        data = self._request(inject_values(query, bindings or {}), accept="turtle")
        if isinstance(data, Graph):
            return data
        graph = Graph()
        graph.parse(data=data.decode("utf-8") if isinstance(data, bytes) else str(data), format="turtle")
        return graph

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, union_default: bool = False) -> bool:
        if query_form(query) != "ASK":
            raise QueryError("expected an ASK query")
        result = self._request(inject_values(query, bindings or {}))
        if not isinstance(result, dict) or "boolean" not in result:
            raise StoreError(f"endpoint {self.query_url}: not a SPARQL JSON boolean result")
        return bool(result["boolean"])

    def dataset(self) -> Dataset:
        ds = Dataset()
        _, rows = self.select("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        graphs: dict[Term | None, Graph] = {}
        for row in rows:
            g = row["g"]
            if g not in graphs:
                graphs[g] = ds.graph(g)
            graphs[g].add((row["s"], row["p"], row["o"]))
        return ds
