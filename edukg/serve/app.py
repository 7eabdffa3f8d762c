"""The Starlette application of `edukg serve`: the SPARQL 1.1 Protocol at /sparql, dereferenceable resource
IRIs with content negotiation, /ontology, /void, a query page, and optionally a published site.

Every request is answered from the store through the store interface (opened read-only; /sparql's queries on an
embedded store run in killable query processes, see `query_processes`), or from the package's own templates
and static files, or — with `site` — from files below that one folder (Starlette's StaticFiles refuses paths
that leave it). No path from a request is joined to any other folder.
"""
from __future__ import annotations

import asyncio
import json
import os
from contextlib import asynccontextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from importlib import resources
from urllib.parse import parse_qs

import pyoxigraph as ox
from jinja2 import ChoiceLoader, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route

from edukg.core.errors import EdukgError, QueryError
from edukg.core.namespaces import DEFAULT_BASE
from edukg.publish import describe
from edukg.publish.pages import PageRenderer, Site, curie, serialise
from edukg.publish.site import CC_BY_4, DEFAULT_TITLE, class_counts
from edukg.publish.sources import strip_file_paths
from edukg.serve.conneg import negotiate
from edukg.serve.limits import DEFAULT_MAX_REQUEST_BYTES, RequestSizeLimit
from edukg.serve.query_processes import NoFreeProcess, QueryProcesses, QueryStopped
from edukg.core.store import GRAPH_MEDIA_TYPES, RESULTS_MEDIA_TYPES, OxigraphStore, Store, open_store, query_form
from edukg.core.store.sparql_text import _iri_text, cap_limit, valid_iri

CONFIG_ENV = "EDUKG_SERVE_CONFIG"
# document formats of a resource: media type → extension, HTML first (what a browser gets)
DOCUMENTS = {"text/html": "html", "text/turtle": "ttl", "application/ld+json": "jsonld",
             "application/n-triples": "nt", "application/rdf+xml": "rdf"}
EXTENSIONS = {ext: media for media, ext in DOCUMENTS.items()}
_RDFLIB_FORMATS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt",
                   "application/rdf+xml": "xml"}
_STATIC = {"query.js": "text/javascript; charset=utf-8", "query.css": "text/css; charset=utf-8"}


@dataclass
class ServeConfig:
    store: str | None = "edukg-store"
    endpoint: str | None = None
    base: str = DEFAULT_BASE
    timeout: float = 30.0  # seconds per query
    query_processes: int = 2  # per server worker: /sparql's queries on the embedded store, each killable
    limit: int = 10_000  # solutions per query at most
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES  # query string or body; larger answers 413
    site: str | None = None  # a folder written by `edukg publish`, served for paths nothing else answers
    title: str = DEFAULT_TITLE
    licence: str = CC_BY_4

    def to_env(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_env(cls) -> "ServeConfig":
        return cls(**json.loads(os.environ[CONFIG_ENV]))


def _open(config: ServeConfig) -> Store:
    if config.endpoint:
        return open_store(endpoint=config.endpoint)
    return open_store(config.store, create=False, read_only=True)


class Endpoint:
    """The request handlers, sharing one store and one renderer, and the query processes of /sparql (None for a
    remote endpoint, which stops its own queries)."""

    def __init__(self, config: ServeConfig, store: Store, queries: QueryProcesses | None = None) -> None:
        self.config = config
        self.store = store
        self.queries = queries
        self.base = config.base
        self.site = Site(title=config.title, base=config.base, licence=config.licence, sparql="/sparql", root="/")
        self.renderer = PageRenderer(self.site)
        # the serve templates extend the published site's base template
        self.env = self.renderer.env.overlay(loader=ChoiceLoader([PackageLoader("edukg.serve", "templates"),
                                                                  PackageLoader("edukg.publish", "templates")]))
        self._landing: str | None = None
        self._known: dict[str, bool] = {}
        self._ontology_html: str | None = None

    # --- SPARQL 1.1 Protocol --------------------------------------------------------------------------

    async def sparql(self, request: Request) -> Response:
        query, error = await self._protocol_query(request)
        if error is not None:
            return error
        if query is None:
            if negotiate(request.headers.get("accept"), ["text/html", "application/sparql-results+json"]) \
                    == "text/html":
                return RedirectResponse("/query", status_code=303)
            return _text("no query: give ?query=… or POST one (SPARQL 1.1 Protocol §2.1)", 400)
        try:
            form = query_form(query)
        except QueryError as e:
            return _text(str(e), 400)
        offered = list(GRAPH_MEDIA_TYPES if form in ("CONSTRUCT", "DESCRIBE") else RESULTS_MEDIA_TYPES)
        accept = request.headers.get("accept")
        media_type = negotiate(accept, offered)
        if media_type is None:
            # SPARQLWrapper and others send generic types such as application/json or application/xml
            aliases = {"application/json": "application/sparql-results+json",
                       "application/xml": "application/sparql-results+xml", "text/xml": "application/sparql-results+xml"}
            if form not in ("CONSTRUCT", "DESCRIBE"):
                alias = negotiate(accept, list(aliases))
                media_type = aliases.get(alias) if alias else None
            if media_type is None:
                return _text(f"cannot answer a {form} query in {accept}; offered: {', '.join(offered)}", 406)
        text = cap_limit(query, self.config.limit)
        timeout = self.config.timeout
        try:
            if self.queries is not None:
                body = await self.queries.run(text, media_type, timeout)
            else:
                body = await asyncio.wait_for(
                    run_in_threadpool(self.store.query_raw, text, media_type, union_default=True), timeout)
        except QueryStopped:
            return _text(f"the query ran longer than {timeout:g} s and was stopped", 503)
        except NoFreeProcess:
            return _text(f"no query process was free within {timeout:g} s (other queries held them all); "
                         "the query was not run", 503)
        except asyncio.TimeoutError:
            return _text(f"no answer from {self.store.location} within {timeout:g} s", 503)
        except QueryError as e:
            return _text(str(e), 400)
        except EdukgError as e:
            return _text(str(e), 502)
        return Response(strip_file_paths(body), media_type=_with_charset(media_type),
                        headers={"Vary": "Accept"})

    async def _protocol_query(self, request: Request) -> tuple[str | None, Response | None]:
        if request.method == "GET":
            params = request.query_params
            if "update" in params:
                return None, _read_only()
            if "default-graph-uri" in params or "named-graph-uri" in params:
                return None, _text("default-graph-uri and named-graph-uri are not supported: "
                                   "the default graph is the union of all graphs; use GRAPH", 400)
            return params.get("query"), None
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        if content_type == "application/sparql-update":
            return None, _read_only()
        if content_type == "application/sparql-query":
            return body.decode("utf-8", "replace"), None
        if content_type == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
            if "update" in form:
                return None, _read_only()
            if "default-graph-uri" in form or "named-graph-uri" in form:
                return None, _text("default-graph-uri and named-graph-uri are not supported", 400)
            values = form.get("query")
            return (values[0] if values else None), None
        return None, _text(f"unsupported Content-Type {content_type or '(none)'}: use "
                           "application/sparql-query or application/x-www-form-urlencoded", 415)

    # --- resources ------------------------------------------------------------------------------------

    async def resource(self, request: Request) -> Response:
        kind, name = request.path_params["kind"], request.path_params["name"]
        slug, dot, ext = name.rpartition(".")
        if not dot or ext not in EXTENSIONS:
            slug, ext = name, None
        iri = f"{self.base}id/{kind}/{slug}"
        if describe.split_iri(iri, self.base) is None or not valid_iri(iri):
            return self._not_found(request)
        if not await self._exists(iri):
            return self._not_found(request)
        if ext is None:
            # the IRI names a thing; 303 to the document in the format asked for (Cool URIs §4.3)
            media_type = negotiate(request.headers.get("accept"), list(DOCUMENTS)) or "text/html"
            return RedirectResponse(f"/id/{kind}/{slug}.{DOCUMENTS[media_type]}", status_code=303,
                                    headers={"Vary": "Accept"})
        media_type = EXTENSIONS[ext]
        if media_type == "text/html":
            html = await run_in_threadpool(self._resource_html, iri)
            return HTMLResponse(html, headers={"Vary": "Accept"})
        body = await run_in_threadpool(self.store.query_raw, _describe_query(iri), media_type)
        return Response(strip_file_paths(body), media_type=_with_charset(media_type), headers={"Vary": "Accept"})

    async def _exists(self, iri: str) -> bool:
        # the store is read-only while it is served, so an answer stays true: ask once per IRI and worker
        known = self._known.get(iri)
        if known is None:
            known = await run_in_threadpool(self.store.ask, f"ASK {{ GRAPH ?g {{ {_iri_text(iri)} ?p ?o }} }}")
            if len(self._known) >= 200_000:
                self._known.clear()
            self._known[iri] = known
        return known

    def _resource_html(self, iri: str) -> str:
        [r] = describe.describe_page(self.store, [iri], self.base)
        linked = {iri} | {e.fact for e in r.evidence} | {e.source for e in r.evidence if e.source}
        for t in r.triples:
            linked.update(term.value for term in (t.subject, t.object) if isinstance(term, ox.NamedNode))
        labels = describe.labels(self.store, linked)
        return self.renderer.resource(r, labels, serialise(r.triples, ox.RdfFormat.JSON_LD))

    # --- ontology, VoID, home, query page -----------------------------------------------------------------

    async def ontology(self, request: Request) -> Response:
        media_type = negotiate(request.headers.get("accept"), list(DOCUMENTS)) or "text/html"
        if media_type == "text/html":
            if self._ontology_html is None:
                from edukg.publish.ontology_docs import ontology_html
                self._ontology_html, _ = await run_in_threadpool(ontology_html, self.renderer.ontology)
            return HTMLResponse(self._ontology_html, headers={"Vary": "Accept"})
        from edukg.validate import load_ontology_graph
        data = load_ontology_graph(self.base).serialize(format=_RDFLIB_FORMATS[media_type], encoding="utf-8")
        return Response(data, media_type=_with_charset(media_type), headers={"Vary": "Accept"})

    async def void(self, request: Request) -> Response:
        offered = [m for m in DOCUMENTS if m != "text/html"]
        media_type = negotiate(request.headers.get("accept"), offered) or "text/turtle"
        graph = await run_in_threadpool(self._void_graph, str(request.base_url))
        return Response(graph.serialize(format=_RDFLIB_FORMATS[media_type], encoding="utf-8"),
                        media_type=_with_charset(media_type), headers={"Vary": "Accept"})

    def _void_graph(self, here: str):
        from edukg.publish.void import Description, void_graph
        graphs = self.store.graphs()
        now = datetime.now(timezone.utc).replace(microsecond=0)
        _, rows = self.store.select(
            f"SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ GRAPH ?g {{ ?r ?p ?o }} "
            f"FILTER(isIRI(?r) && STRSTARTS(STR(?r), {json.dumps(self.base + 'id/')}) && !CONTAINS(STR(?r), \"#\")) }}")
        sources = [g.replace(f"{self.base}graph/source/", f"{self.base}id/source/") for g in graphs
                   if g.startswith(f"{self.base}graph/source/")]
        return void_graph(Description(
            base=self.base, title=self.config.title, licence=self.config.licence,
            sparql_endpoint=here.rstrip("/") + "/sparql", triples=self.store.quads_count(),
            entities=int(rows[0]["n"]) if rows else 0, classes=class_counts(self.store), graphs=graphs,
            sources=sources, dumps=[], dump_sizes={}, example_resources=[], started=now, ended=now))

    async def home(self, request: Request) -> Response:
        if self._landing is None:
            self._landing = await run_in_threadpool(self._render_landing)
        return HTMLResponse(self._landing)

    def _render_landing(self) -> str:
        from edukg.query import list_queries
        classes = class_counts(self.store)
        return self.renderer.landing(
            triples=self.store.quads_count(), graphs=len(self.store.graphs()),
            published=datetime.now(timezone.utc).date().isoformat(),
            classes=[{"iri": c, "name": curie(c), "count": n} for c, n in classes.items()],
            dumps=[], examples=[], queries=[q for q in list_queries() if not q.params][:6])

    async def query_page(self, request: Request) -> Response:
        from edukg.query import list_queries
        examples = [{"name": q.name, "title": q.title or q.name, "text": q.text} for q in list_queries()]
        html = self.env.get_template("query.html").render(site=self.site, examples=examples)
        return HTMLResponse(html)

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in _STATIC:  # a fixed list of package files: no request path reaches the file system
            return self._not_found(request)
        data = resources.files("edukg.serve").joinpath("static", name).read_bytes()
        return Response(data, media_type=_STATIC[name], headers={"Cache-Control": "max-age=3600"})

    def _not_found(self, request: Request) -> Response:
        html = self.renderer.not_found(request.url.path)
        return HTMLResponse(html, status_code=404, headers={"Vary": "Accept"})

    async def http_error(self, request: Request, exc: HTTPException) -> Response:
        if exc.status_code == 404:
            return self._not_found(request)
        return _text(exc.detail or "error", exc.status_code)


def _describe_query(iri: str) -> str:
    t = _iri_text(iri)
    # the resource's own triples, those pointing at it, and those of its fragments (IRI#quote)
    return (f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ "
            f"{{ GRAPH ?g {{ {t} ?p ?o }} BIND({t} AS ?s) }} UNION {{ GRAPH ?g {{ ?s ?p {t} }} BIND({t} AS ?o) }} "
            f"UNION {{ GRAPH ?g {{ {t} ?link ?s . ?s ?p ?o }} FILTER(isIRI(?s) && STRSTARTS(STR(?s), "
            f"CONCAT(STR({t}), \"#\"))) }} }}")


def _with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("+json", "+xml", "/n-triples"))
    return f"{media_type}; charset=utf-8" if textual else media_type


def _text(message: str, status: int) -> Response:
    return PlainTextResponse(message + "\n", status_code=status)


def _read_only() -> Response:
    return _text("this endpoint is read-only: SPARQL Update is not accepted", 403)


def create_app(config: ServeConfig, store: Store | None = None) -> Starlette:
    """The application; when it starts it opens the store (read-only) unless one is given, and, for a store on
    disk, starts the query processes that run /sparql's queries (ended when it stops)."""
    holder: dict[str, Endpoint] = {}

    @asynccontextmanager
    async def lifespan(app: Starlette):
        own = store is None
        s = _open(config) if own else store
        queries = None
        try:
            if isinstance(s, OxigraphStore) and s.location != ":memory:":
                queries = QueryProcesses(s.location, config.query_processes)
                await queries.start()
            holder["endpoint"] = Endpoint(config, s, queries)
            yield
        finally:
            if queries is not None:
                await queries.close()
            if own:
                s.close()

    def handler(name: str):
        async def call(request: Request) -> Response:
            return await getattr(holder["endpoint"], name)(request)
        return call

    async def http_error(request: Request, exc: HTTPException) -> Response:
        return await holder["endpoint"].http_error(request, exc)

    routes = [
        Route("/", handler("home"), methods=["GET", "HEAD"]),
        Route("/sparql", handler("sparql"), methods=["GET", "POST", "HEAD"]),
        Route("/query", handler("query_page"), methods=["GET", "HEAD"]),
        Route("/static/{name}", handler("static"), methods=["GET", "HEAD"]),
        Route("/id/{kind}/{name}", handler("resource"), methods=["GET", "HEAD"]),
        Route("/ontology", handler("ontology"), methods=["GET", "HEAD"]),
        Route("/void", handler("void"), methods=["GET", "HEAD"]),
        Route("/.well-known/void", handler("void"), methods=["GET", "HEAD"]),
    ]
    if config.site:
        from starlette.staticfiles import StaticFiles
        routes.append(Mount("/", app=StaticFiles(directory=config.site, html=True)))
    middleware = [Middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"],
                             allow_headers=["Accept", "Content-Type"]),
                  # inside CORS, so that a browser's script can read the 413's message
                  Middleware(RequestSizeLimit, max_bytes=config.max_request_bytes)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan,
                     exception_handlers={HTTPException: http_error})


def app_from_env() -> Starlette:
    """The factory each uvicorn worker process calls (the configuration travels in the environment)."""
    return create_app(ServeConfig.from_env())
