"""The one store interface every reading and writing command uses.

Two implementations with the same methods and the same rdflib terms (URIRef, Literal, BNode) in and out:

- `OxigraphStore` — embedded pyoxigraph, on disk or in memory (the default store);
- `EndpointStore` — any SPARQL 1.1 endpoint: SPARQLWrapper for queries and updates, the Graph Store Protocol
  over plain urllib for whole-graph writes when the server offers it.

Query bindings are never pasted into query text as strings. Oxigraph gets them as `substitutions`
(SEP-0007); pyoxigraph only substitutes variables that the SELECT projects, so any other binding — and every
binding sent to a remote endpoint — becomes a typed `VALUES` row at the start of the WHERE group, built from
escaped terms. To give the same rows under both, a parameterised query uses its parameters in triple patterns
or in FILTERs of the outermost group (the named queries in `queries/` do).
"""
from __future__ import annotations

import re
import urllib.error
import urllib.request
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Iterable, Iterator, Mapping
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from edukg.errors import QueryError, StoreError

Term = URIRef | Literal | BNode
Row = dict[str, Term | None]

DEFAULT_STORE_PATH = "edukg-store"
_XSD_STRING = str(XSD.string)
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class Store(ABC):
    """A quad store holding one named graph per source; see the module docstring."""

    location: str  # the path or URL, for messages

    @abstractmethod
    def graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted."""

    @abstractmethod
    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        """Replace a named graph atomically: afterwards it holds either its old or its new content, whole."""

    @abstractmethod
    def drop_graph(self, graph_iri: str) -> None:
        """Remove a named graph; dropping a graph that does not exist is not an error."""

    @abstractmethod
    def add_graphs(self, graphs: Mapping[str, Graph]) -> None:
        """Add triples to several named graphs at once (bulk load; existing triples stay)."""

    @abstractmethod
    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *,
               union_default: bool = False) -> tuple[list[str], list[Row]]:
        """Run a SELECT; return the variable names and one dict per solution (None where unbound)."""

    @abstractmethod
    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *,
                  union_default: bool = False) -> Graph:
        """Run a CONSTRUCT or DESCRIBE and return the triples."""

    @abstractmethod
    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, union_default: bool = False) -> bool:
        """Run an ASK."""

    @abstractmethod
    def dataset(self) -> Dataset:
        """Every named graph as an rdflib Dataset (for validation and dumps)."""

    def quads_count(self) -> int:
        """The number of quads in named graphs."""
        _, rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"]) if rows and rows[0]["n"] is not None else 0

    def close(self) -> None:
        """Release the store (the lock on an embedded store's directory)."""

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: str | Path | None = None, endpoint: str | None = None, *, create: bool = True) -> Store:
    """Open the embedded store at `path` (None: in memory), or the SPARQL endpoint at `endpoint`.

    `create=False` is for reading commands: a missing store directory is then an error instead of a new,
    empty store that would silently answer every query with nothing.
    """
    if endpoint:
        store = EndpointStore(endpoint)
        store.check()
        return store
    return OxigraphStore(path, create=create)


# --- serialising terms for SPARQL text (VALUES rows, INSERT DATA, N-Triples bodies) ---------------------

# SPARQL 1.1 grammar [139] IRIREF and [145] LANGTAG; anything else could end the token and inject syntax.
_IRIREF_BODY = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')
_LANGTAG = re.compile(r"[a-zA-Z]+(-[a-zA-Z0-9]+)*")


def _iri_text(iri: str) -> str:
    if not _IRIREF_BODY.fullmatch(iri):
        raise ValueError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"


def _literal_text(lit: Literal) -> str:
    # ECHAR escapes ([160]); a plain short string cannot be closed early by any character of the value.
    body = str(lit).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if lit.language:
        if not _LANGTAG.fullmatch(lit.language):
            raise ValueError(f"not a valid language tag: {lit.language!r}")
        return f'"{body}"@{lit.language}'
    if lit.datatype is not None and str(lit.datatype) != _XSD_STRING:
        return f'"{body}"^^{_iri_text(str(lit.datatype))}'
    return f'"{body}"'


def term_text(term: Node, bnodes: dict[Node, str] | None = None) -> str:
    """A term in SPARQL/N-Triples syntax; blank nodes get fresh labels through `bnodes`."""
    if isinstance(term, URIRef):
        return _iri_text(str(term))
    if isinstance(term, Literal):
        return _literal_text(term)
    if isinstance(term, BNode):
        if bnodes is None:
            bnodes = {}
        return bnodes.setdefault(term, f"_:b{len(bnodes)}")
    raise ValueError(f"cannot write {term!r} as an RDF term")


def ntriples(graph: Iterable[tuple[Node, Node, Node]]) -> str:
    """The triples as N-Triples lines (also valid inside SPARQL INSERT DATA)."""
    bnodes: dict[Node, str] = {}
    return "".join(f"{term_text(s, bnodes)} {term_text(p, bnodes)} {term_text(o, bnodes)} .\n"
                   for s, p, o in graph)


# --- finding where a VALUES block goes --------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<ws>\s+) | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*''' | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               | '(?:[^'\\\n]|\\.)*' | "(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>) | (?P<var>[?$]\w+)
  | (?P<word>[A-Za-z_][\w\-.]*:?[\w\-.]*) | (?P<other>.)
""", re.VERBOSE | re.DOTALL)
_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def _tokens(query: str) -> Iterator[tuple[str, str, int]]:
    for m in _TOKEN.finditer(query):
        if m.lastgroup not in ("ws", "comment"):
            yield m.lastgroup or "other", m.group(), m.end()


def query_form(query: str) -> str:
    """SELECT, CONSTRUCT, ASK or DESCRIBE — the first query-form keyword after the prologue."""
    for kind, text, _ in _tokens(query):
        if kind == "word" and text.upper() in _FORMS:
            return text.upper()
    raise QueryError("not a SPARQL query (no SELECT, CONSTRUCT, ASK or DESCRIBE)")


def _where_brace(query: str) -> int:
    """The offset just after the '{' that opens the WHERE group."""
    form, parens, depth, after_template = None, 0, 0, False
    for kind, text, end in _tokens(query):
        if form is None:
            if kind == "word" and text.upper() in _FORMS:
                form = text.upper()
            continue
        if text == "(":
            parens += 1
        elif text == ")":
            parens -= 1
        elif text == "{" and parens == 0:
            if depth == 0 and (form != "CONSTRUCT" or after_template):
                return end
            depth += 1
        elif text == "}" and parens == 0:
            depth -= 1
            after_template = form == "CONSTRUCT" and depth == 0
        elif kind == "word" and text.upper() == "WHERE" and form == "CONSTRUCT" and depth == 0:
            after_template = True
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def inject_values(query: str, bindings: Mapping[str, Term]) -> str:
    """The query with `VALUES (?a ?b) { (t1 t2) }` as the first element of its WHERE group."""
    if not bindings:
        return query
    for name in bindings:
        if not re.fullmatch(r"\w+", name):
            raise QueryError(f"not a variable name: {name!r}")
    try:
        row = " ".join(term_text(term) for term in bindings.values())
    except ValueError as e:
        raise QueryError(f"cannot bind parameter: {e}") from None
    at = _where_brace(query)
    variables = " ".join(f"?{name}" for name in bindings)
    return f"{query[:at]}\n  VALUES ({variables}) {{ ({row}) }}\n{query[at:]}"


# --- the embedded store -----------------------------------------------------------------------------------

def _from_ox(term: object) -> Term | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype), normalize=False)
    raise QueryError(f"unsupported term in result: {term!r}")


def _to_ox(term: Node, bnodes: dict[Node, ox.BlankNode] | None = None) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        if bnodes is None:
            return ox.BlankNode()
        return bnodes.setdefault(term, ox.BlankNode())
    raise ValueError(f"cannot store {term!r} as an RDF term")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__


class OxigraphStore(Store):
    """Embedded Oxigraph: a directory on disk, or in memory when `path` is None."""

    def __init__(self, path: str | Path | None = None, *, create: bool = True) -> None:
        self.location = str(path) if path is not None else ":memory:"
        if path is None:
            self._store: ox.Store | None = ox.Store()
            return
        path = Path(path)
        if not create and not (path.is_dir() and any(path.iterdir())):
            raise StoreError(f"store {path}: no store here (run `edukg build` first, or give --store)")
        try:
            self._store = ox.Store(str(path))
        except OSError as e:
            hint = " (in use by another process?)" if "lock" in str(e).lower() else ""
            raise StoreError(f"store {path}: cannot open{hint}: {_one_line(e)}") from None

    @property
    def _ox(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"store {self.location}: already closed")
        return self._store

    def close(self) -> None:
        # pyoxigraph has no close(); dropping the last reference closes RocksDB and releases the lock.
        self._store = None

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def replace_graph(self, graph_iri: str, graph: Graph) -> None:
        self._update(_replace_update(graph_iri, graph), f"replace graph {graph_iri}")

    def drop_graph(self, graph_iri: str) -> None:
        self._update(f"DROP SILENT GRAPH {self._iri(graph_iri)}", f"drop graph {graph_iri}")

    def add_graphs(self, graphs: Mapping[str, Graph]) -> None:
        bnodes: dict[Node, ox.BlankNode] = {}
        try:
            quads = [ox.Quad(_to_ox(s, bnodes), _to_ox(p), _to_ox(o, bnodes), ox.NamedNode(g))
                     for g, graph in graphs.items() for s, p, o in graph]
            self._ox.extend(quads)  # one transaction: all graphs or none
        except (ValueError, TypeError, OSError) as e:
            raise StoreError(f"store {self.location}: cannot add graphs: {_one_line(e)}") from None

    def _iri(self, iri: str) -> str:
        try:
            return _iri_text(iri)
        except ValueError as e:
            raise StoreError(f"store {self.location}: {e}") from None

    def _update(self, update: str, what: str) -> None:
        try:
            self._ox.update(update)  # Oxigraph runs a whole update request in one transaction
        except (SyntaxError, RuntimeError, OSError, ValueError) as e:
            raise StoreError(f"store {self.location}: cannot {what}: {_one_line(e)}") from None

    def _run(self, query: str, bindings: Mapping[str, Term] | None, union_default: bool) -> object:
        substitutions = None
        if bindings:
            try:
                substitutions = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
            except ValueError as e:
                raise QueryError(f"cannot bind parameter: {_one_line(e)}") from None
        try:
            return self._ox.query(query, use_default_graph_as_union=union_default, substitutions=substitutions)
        except SyntaxError as e:
            raise QueryError(f"query syntax error: {_one_line(e)}") from None
        except RuntimeError as e:
            if substitutions and "projection" in str(e):
                # pyoxigraph substitutes projected variables only; bind the others as a VALUES row.
                return self._run(inject_values(query, bindings or {}), None, union_default)
            raise QueryError(f"query failed: {_one_line(e)}") from None
        except OSError as e:
            raise StoreError(f"store {self.location}: {_one_line(e)}") from None

    def select(self, query: str, bindings: Mapping[str, Term] | None = None, *,
               union_default: bool = False) -> tuple[list[str], list[Row]]:
        result = self._run(query, bindings, union_default)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        columns = [v.value for v in result.variables]
        return columns, [{c: _from_ox(solution[c]) for c in columns} for solution in result]

    def construct(self, query: str, bindings: Mapping[str, Term] | None = None, *,
                  union_default: bool = False) -> Graph:
        result = self._run(query, bindings, union_default)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        graph = Graph()
        for t in result:
            graph.add((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)))
        return graph

    def ask(self, query: str, bindings: Mapping[str, Term] | None = None, *, union_default: bool = False) -> bool:
        result = self._run(query, bindings, union_default)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def dataset(self) -> Dataset:
        ds = Dataset()
        graphs: dict[str, Graph] = {}
        cache: dict[object, Term | None] = {}

        def term(t: object) -> Term | None:
            # actors recur in thousands of quads; convert each distinct term once
            if t not in cache:
                cache[t] = _from_ox(t)
            return cache[t]

        def quads() -> Iterator[tuple[Node, Node, Node, Graph]]:
            for q in self._ox.quads_for_pattern(None, None, None, None):
                if isinstance(q.graph_name, ox.DefaultGraph):
                    continue
                g = q.graph_name.value
                if g not in graphs:
                    graphs[g] = ds.graph(URIRef(g))
                yield term(q.subject), term(q.predicate), term(q.object), graphs[g]

        ds.addN(quads())
        return ds


def _replace_update(graph_iri: str, graph: Graph) -> str:
    """DROP + INSERT DATA as one update request, i.e. one transaction on Oxigraph (SPARQL 1.1 Update §2.2)."""
    try:
        iri = _iri_text(graph_iri)
        body = ntriples(graph)
    except ValueError as e:
        raise StoreError(f"cannot write graph {graph_iri}: {e}") from None
    update = f"DROP SILENT GRAPH {iri}"
    if body:
        update += f" ;\nINSERT DATA {{ GRAPH {iri} {{\n{body}}} }}"
    return update


# --- a remote SPARQL 1.1 endpoint -------------------------------------------------------------------------

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


class EndpointStore(Store):
    """A remote SPARQL 1.1 endpoint. Writes use the Graph Store Protocol at `gsp_url` if given, else Update."""

    def __init__(self, query_url: str, update_url: str | None = None, gsp_url: str | None = None, *,
                 timeout: float = 300.0) -> None:
        self.location = query_url
        self.query_url = query_url.rstrip("/")
        self.update_url = update_url or _derived_update_url(self.query_url)
        self.gsp_url = gsp_url
        self.timeout = timeout

    def check(self) -> None:
        """Raise StoreError unless the endpoint answers a trivial query."""
        self.ask("ASK {}")

    # SPARQLWrapper is imported here so that embedded-only use does not pay for it.
    def _request(self, text: str, *, update: bool = False, accept: str = "json") -> object:
        from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

        url = self.update_url if update else self.query_url
        client = SPARQLWrapper(self.query_url, updateEndpoint=self.update_url)
        client.setOnlyConneg(True)  # Oxigraph rejects the format/output URL parameters SPARQLWrapper adds
        client.setMethod(POST)
        client.setTimeout(self.timeout)
        client.setQuery(text)
        client.setReturnFormat(TURTLE if accept == "turtle" else JSON)
        try:
            response = client.query()
            return None if update else response.convert()
        except QueryBadFormed as e:
            raise QueryError(f"endpoint {url} rejected the query: {_one_line(e)[:300]}") from None
        except SPARQLWrapperException as e:
            raise StoreError(f"endpoint {url}: {_one_line(e)[:300]}") from None
        except urllib.error.HTTPError as e:
            raise StoreError(f"endpoint {url}: HTTP {e.code} {e.reason}") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"endpoint {url}: cannot reach it ({_one_line(reason)})") from None

    def _update(self, text: str) -> None:
        self._request(text, update=True)

    def _gsp(self, method: str, graph_iri: str, body: str | None = None) -> None:
        assert self.gsp_url is not None
        url = f"{self.gsp_url}?graph={quote(graph_iri, safe='')}"
        data = body.encode("utf-8") if body is not None else None
        headers = {"Content-Type": "application/n-triples; charset=utf-8"} if data is not None else {}
        request = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as e:
            if method == "DELETE" and e.code == 404:
                return
            raise StoreError(f"graph store {self.gsp_url}: {method} {graph_iri}: HTTP {e.code} {e.reason}") from None
        except (urllib.error.URLError, OSError) as e:
            reason = getattr(e, "reason", e)
            raise StoreError(f"graph store {self.gsp_url}: cannot reach it ({_one_line(reason)})") from None

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


__all__ = ["Store", "OxigraphStore", "EndpointStore", "open_store", "DEFAULT_STORE_PATH", "Term", "Row",
           "inject_values", "query_form", "term_text", "ntriples"]
