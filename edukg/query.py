"""Named SPARQL queries: load them, bind their parameters, run them on a store, format the rows.

The queries are the `.rq` files of the data package `edukg.queries` (the `queries/` folder), read through
importlib.resources so that an installed wheel finds them too. Each file starts with a header::

    # title: Collaborators of an organisation
    # description: ...
    # param: org — the organisation: its IRI or a name
    # columns: org_iri, organisation, ...

A parameter value that is an absolute http(s) IRI is bound as an IRI to `?NAME_iri`; any other value as an
xsd:string literal to `?NAME`. The query decides how to use either (see `queries/collaborators.rq`). Values
are bound as typed terms by the store, never pasted into the query text.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD

from edukg.core.errors import QueryError
from edukg.core.store import Store, Term, query_form

FORMATS = ("table", "csv", "tsv", "json")
_PACKAGE = "edukg.queries"
_HEADER = re.compile(r"#\s*(title|description|param|columns)\s*:\s*(.*)", re.IGNORECASE)
# "NAME — description"; an em dash is the documented separator, an en dash, hyphen or colon also work
_PARAM = re.compile(r"(\w+)\s*(?:[—–:]|-(?=\s))?\s*(.*)")
_IRI_VALUE = re.compile(r"https?://\S+")
_PROLOGUE = re.compile(r"(PREFIX|BASE)\s", re.IGNORECASE)
_NAMED = (URIRef, Literal)


@dataclass(frozen=True)
class NamedQuery:
    """A query file and what its header declares."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)  # name → description, in declared order
    columns: tuple[str, ...] = ()
    origin: str = ""  # the file it came from, for messages
    builtin: bool = True  # shipped with edukg (runs inside GRAPH ?source) or a user's own file


@dataclass
class QueryResult:
    """Rows of a query: one tuple per row, in the order of `columns`; None where a value is unbound."""

    columns: list[str]
    rows: list[tuple[Term | None, ...]]
    boolean: bool | None = None  # the answer of an ASK query

    def records(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def parse_query(text: str, name: str, origin: str = "", builtin: bool = True) -> NamedQuery:
    """Read the header: the `# key: value` comment lines before the query (PREFIX lines may come between)."""
    fields: dict[str, str] = {}
    params: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or _PROLOGUE.match(line):
            continue
        if not line.startswith("#"):
            break  # the header ends where the query itself begins
        m = _HEADER.fullmatch(line)
        if not m:
            continue
        key, value = m.group(1).lower(), m.group(2).strip()
        if key == "param":
            pm = _PARAM.fullmatch(value)
            if not pm:
                raise QueryError(f"{origin or name}: cannot read parameter line {line!r}")
            params[pm.group(1)] = pm.group(2).strip()
        else:
            fields[key] = value
    columns = tuple(c.strip() for c in fields.get("columns", "").split(",") if c.strip())
    return NamedQuery(name=name, text=text, title=fields.get("title", ""), description=fields.get("description", ""),
                      params=params, columns=columns, origin=origin or name, builtin=builtin)


def list_queries() -> list[NamedQuery]:
    """The named queries shipped with edukg, sorted by name."""
    queries = []
    for entry in resources.files(_PACKAGE).iterdir():
        if entry.name.endswith(".rq") and entry.is_file():
            name = entry.name[:-3]
            queries.append(parse_query(entry.read_text(encoding="utf-8"), name, f"{_PACKAGE}/{entry.name}"))
    return sorted(queries, key=lambda q: q.name)


def load_query(name_or_path: str | Path) -> NamedQuery:
    """A shipped query by name, or a user's `.rq` file by path."""
    candidate = Path(name_or_path)
    looks_like_path = isinstance(name_or_path, Path) or str(name_or_path).endswith(".rq") or \
        "/" in str(name_or_path) or "\\" in str(name_or_path)
    if looks_like_path or candidate.is_file():
        try:
            text = candidate.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(f"query file {candidate}: cannot read it ({e.strerror or e})") from None
        except UnicodeDecodeError:
            raise QueryError(f"query file {candidate}: not UTF-8 text") from None
        return parse_query(text, candidate.stem, str(candidate), builtin=False)
    entry = resources.files(_PACKAGE).joinpath(f"{name_or_path}.rq")
    if not entry.is_file():
        names = ", ".join(q.name for q in list_queries())
        raise QueryError(f"no query named {name_or_path!r} (available: {names}; or give a path to a .rq file)")
    return parse_query(entry.read_text(encoding="utf-8"), str(name_or_path), f"{_PACKAGE}/{name_or_path}.rq")


def bind_params(query: NamedQuery, params: Mapping[str, str]) -> dict[str, Term]:
    """Check the parameters against the header and turn each into one typed binding."""
    accepted = ", ".join(query.params) or "none"
    for name in params:
        if name not in query.params:
            hint = "" if query.builtin else " (declare it with a '# param: NAME — description' header line)"
            raise QueryError(f"query {query.name!r} has no parameter {name!r} (accepted: {accepted}){hint}")
    for name in query.params:
        if name not in params:
            raise QueryError(f"query {query.name!r} needs parameter {name!r} (accepted: {accepted})")
    bindings: dict[str, Term] = {}
    for name, value in params.items():
        if not value.strip():
            # an empty name would match nothing useful, and in the shipped queries it means "any"
            raise QueryError(f"query {query.name!r}: parameter {name!r} is empty")
        if _IRI_VALUE.fullmatch(value):
            bindings[f"{name}_iri"] = URIRef(value)
        else:
            bindings[name] = Literal(value)
    return bindings


def run_query(name_or_path: str | Path | NamedQuery, params: Mapping[str, str] | None, store: Store) -> QueryResult:
    """Run a named query or a query file on `store`.

    A user's own file sees the union of all named graphs as its default graph on the embedded store (a remote
    endpoint keeps its own setting); the shipped queries match inside `GRAPH ?source` and need no union.
    """
    query = name_or_path if isinstance(name_or_path, NamedQuery) else load_query(name_or_path)
    bindings = bind_params(query, params or {})
    union = not query.builtin
    form = query_form(query.text)
    if form == "SELECT":
        variables, rows = store.select(query.text, bindings, union_default=union)
        columns = list(query.columns) or variables
        return QueryResult(columns, [tuple(map(row.get, columns)) for row in rows])
    if form == "ASK":
        answer = store.ask(query.text, bindings, union_default=union)
        return QueryResult(["result"], [(Literal(answer),)], boolean=answer)
    graph = store.construct(query.text, bindings, union_default=union)
    return QueryResult(["subject", "predicate", "object"], sorted(graph, key=lambda t: tuple(map(str, t))))


# --- output ------------------------------------------------------------------------------------------------

def plain(term: Term | None) -> str:
    """A value as a plain string: an IRI without <>, a literal's lexical form without tag or datatype."""
    if term is None:
        return ""
    if type(term) in _NAMED:  # nearly every value: no subclass check (a sixth less time formatting a CSV)
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _json_term(term: Term) -> dict[str, str]:
    # W3C SPARQL 1.1 Query Results JSON Format, §3.2.2
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: QueryResult) -> str:
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}, indent=2)
    bindings = [{c: _json_term(v) for c, v in zip(result.columns, row) if v is not None} for row in result.rows]
    return json.dumps({"head": {"vars": result.columns}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=2)


def _delimited(result: QueryResult, delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        values = [plain(v) for v in row]
        if delimiter == "\t":
            # text/tab-separated-values has no quoting: a tab or line break inside a value becomes a space
            values = [re.sub(r"[\t\r\n]+", " ", v) for v in values]
        writer.writerow(values)
    return out.getvalue()


def _table(result: QueryResult, max_width: int = 60) -> str:
    def cell(term: Term | None) -> str:
        text = re.sub(r"\s+", " ", plain(term))
        # IRIs stay whole so they can be copied; long texts (evidence sentences) are shortened
        if isinstance(term, Literal) and len(text) > max_width:
            text = text[: max_width - 1] + "…"
        return text

    cells = [[cell(v) for v in row] for row in result.rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(result.columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(result.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as text: `table` (aligned, for a terminal), `csv`, `tsv` or `json` (SPARQL 1.1 JSON)."""
    if fmt == "table":
        return _table(result)
    if fmt == "csv":
        return _delimited(result, ",")
    if fmt == "tsv":
        return _delimited(result, "\t")
    if fmt == "json":
        return _json(result)
    raise QueryError(f"unknown format {fmt!r} (use one of: {', '.join(FORMATS)})")


__all__ = ["NamedQuery", "QueryResult", "list_queries", "load_query", "parse_query", "bind_params", "run_query",
           "format_result", "plain", "FORMATS"]
