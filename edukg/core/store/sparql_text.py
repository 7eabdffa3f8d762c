"""Terms and queries as SPARQL text: escaped terms, N-Triples bodies, query-form detection, VALUES injection."""
from __future__ import annotations

import re
from typing import Iterable, Iterator, Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from edukg.core.errors import QueryError, StoreError
from edukg.core.store.base import Term

_XSD_STRING = str(XSD.string)


# --- serialising terms for SPARQL text (VALUES rows, INSERT DATA, N-Triples bodies) ---------------------

# SPARQL 1.1 grammar [139] IRIREF and [145] LANGTAG; anything else could end the token and inject syntax.
_IRIREF_BODY = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')
_LANGTAG = re.compile(r"[a-zA-Z]+(-[a-zA-Z0-9]+)*")


def _iri_text(iri: str) -> str:
    if not _IRIREF_BODY.fullmatch(iri):
        raise ValueError(f"not a valid IRI: {iri!r}")
    return f"<{iri}>"


def valid_iri(iri: str) -> bool:
    """Whether `iri` can be written into a query as <iri> (what `_iri_text` accepts)."""
    return _IRIREF_BODY.fullmatch(iri) is not None


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


def undeclared_prefixes(query: str) -> list[str]:
    """Prefixes the query uses in prefixed names without a PREFIX declaration, in order of first use."""
    declared, used, after_prefix = set(), [], False
    for kind, text, _ in _tokens(query):
        if kind == "word" and text.upper() == "PREFIX":
            after_prefix = True
            continue
        if kind == "word" and ":" in text:
            name = text.split(":", 1)[0]
            if after_prefix:
                declared.add(name)
            elif name not in declared and name not in used and not name.lower() in ("http", "https", "urn"):
                used.append(name)
        after_prefix = False
    return [p for p in used if p not in declared]


def syntax_error(query: str, message: str) -> QueryError:
    """A syntax error as one line; an undeclared prefix is named, since parsers report it as a stray token."""
    missing = undeclared_prefixes(query)
    if missing:
        return QueryError(f"query uses the prefix '{missing[0]}:' without declaring it "
                          f"(add PREFIX {missing[0]}: <...> at the top)")
    return QueryError(f"query syntax error: {message}")


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


def _change_update(graph_iri: str, remove: Graph, add: Graph) -> str:
    """DELETE DATA + INSERT DATA on one graph as one update request (one transaction on Oxigraph)."""
    try:
        iri = _iri_text(graph_iri)
        parts = [f"{verb} {{ GRAPH {iri} {{\n{body}}} }}"
                 for verb, body in (("DELETE DATA", ntriples(remove)), ("INSERT DATA", ntriples(add))) if body]
    except ValueError as e:
        raise StoreError(f"cannot write graph {graph_iri}: {e}") from None
    return " ;\n".join(parts)


def cap_limit(query: str, limit: int) -> str:
    """The query with at most `limit` solutions: its own outermost LIMIT lowered to `limit`, or a LIMIT added.

    The engine applies it (and still serialises the results itself); the clause goes after the solution
    modifiers of the outermost query and before a trailing VALUES block (SPARQL 1.1 grammar [2], [18], [25]).
    ASK answers one boolean and is returned unchanged."""
    form = query_form(query)
    if form == "ASK":
        return query
    depth, closed, insert_at = 0, False, len(query)
    for kind, text, end in _tokens(query):
        if text == "{":
            depth += 1
        elif text == "}":
            depth -= 1
            closed = closed or depth == 0
        elif depth == 0 and closed and kind == "word":
            if text.upper() == "VALUES":
                insert_at = end - len(text)  # a trailing VALUES block: the LIMIT goes before it
                break
            own = re.match(r"\s*(\d+)", query[end:]) if text.upper() == "LIMIT" else None
            if own:
                if int(own.group(1)) <= limit:
                    return query
                return f"{query[:end + own.start(1)]}{limit}{query[end + own.end(1):]}"
    return f"{query[:insert_at].rstrip()}\nLIMIT {limit}\n{query[insert_at:]}"
