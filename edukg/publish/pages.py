"""HTML from Jinja2 templates (autoescape on), and each resource's RDF files.

Text from documents (names, evidence quotes) reaches HTML only through autoescaped template variables, and
JSON-LD embedded in a page goes through `script_json`, so no name can close the script element or add markup.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from edukg.core.namespaces import PREFIXES
from edukg.publish.describe import LANGUAGES, Resource, best_label, split_iri

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
MAX_INCOMING_ROWS = 500
NAME_PREDICATES = {
    "http://www.w3.org/2004/02/skos/core#prefLabel": "preferred",
    "http://www.w3.org/2004/02/skos/core#altLabel": "alternative",
    "http://www.w3.org/2004/02/skos/core#hiddenLabel": "as written",
}
# the formats of each resource's documents: extension, media type, pyoxigraph format
RDF_VARIANTS = (("ttl", "text/turtle", ox.RdfFormat.TURTLE), ("jsonld", "application/ld+json", ox.RdfFormat.JSON_LD),
                ("nt", "application/n-triples", ox.RdfFormat.N_TRIPLES))


@dataclass(frozen=True)
class Site:
    title: str
    base: str
    licence: str
    sparql: str
    root: str = ""  # the relative path from the page to the site root


def environment() -> Environment:
    return Environment(loader=PackageLoader("edukg.publish", "templates"),
                       autoescape=select_autoescape(["html"], default_for_string=True, default=False),
                       trim_blocks=False, keep_trailing_newline=True,
                       auto_reload=False)  # package templates do not change; no stat per page


def script_json(text: str) -> Markup:
    """JSON text safe inside <script>: '<', '>' and '&' only occur inside JSON strings, where their \\u escapes
    mean the same, so `</script>` in a name cannot end the element (HTML §4.12.1.3)."""
    safe = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(safe)


def curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def serialise(triples: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    prefixes = PREFIXES if fmt == ox.RdfFormat.TURTLE else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes)


class PageRenderer:
    """Renders the pages of one site; `labels` maps IRIs to labels by language."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.env = environment()

    def _href(self, iri: str, root: str) -> str:
        parts = split_iri(iri, self.site.base)
        if parts:
            return f"{root}id/{parts[0]}/{parts[1]}.html"
        if iri.startswith(self.site.base + "id/") and "#" in iri:
            doc = iri.split("#", 1)[0]
            parts = split_iri(doc, self.site.base)
            if parts:
                return f"{root}id/{parts[0]}/{parts[1]}.html#{iri.split('#', 1)[1]}"
        return iri

    def _link_text(self, iri: str, labels: dict[str, dict[str, str]]) -> str:
        return best_label(labels.get(iri), curie(iri) if not iri.startswith(self.site.base) else
                          iri[len(self.site.base):])

    def resource(self, r: Resource, labels: dict[str, dict[str, str]], jsonld: bytes) -> str:
        root = "../../"
        site = replace(self.site, root=root)
        names, outgoing, incoming = [], [], []
        for t in sorted(r.triples, key=lambda t: (str(t.subject), t.predicate.value, str(t.object))):
            s, p, o = t.subject, t.predicate.value, t.object
            if isinstance(s, ox.NamedNode) and s.value == r.iri:
                if p in NAME_PREDICATES and isinstance(o, ox.Literal):
                    names.append({"lang": o.language or "", "text": o.value, "kind": NAME_PREDICATES[p]})
                    continue
                outgoing.append(self._value_row(p, o, labels, root))
            elif isinstance(o, ox.NamedNode) and o.value == r.iri and isinstance(s, ox.NamedNode):
                incoming.append({"predicate": p, "predicate_name": curie(p), "href": self._href(s.value, root),
                                 "text": self._link_text(s.value, labels)})
        # a concept (a role, a type) is pointed at by thousands: the page lists the first, the RDF all of them
        more = max(0, len(incoming) - MAX_INCOMING_ROWS)
        incoming = incoming[:MAX_INCOMING_ROWS]
        order = {lang: i for i, lang in enumerate(LANGUAGES)}
        names.sort(key=lambda n: (n["kind"] != "preferred", order.get(n["lang"], 9), n["text"]))
        evidence = [{
            "quote": e.quote,
            "fact_href": self._href(e.fact, root) if e.fact != r.iri else None,
            "fact_text": self._link_text(e.fact, labels),
            "source_href": self._href(e.source, root) if e.source else None,
            "source_text": self._link_text(e.source, labels) if e.source else "unknown",
        } for e in r.evidence]
        label = best_label(labels.get(r.iri), r.slug)
        return self.env.get_template("resource.html").render(
            site=site, r={"iri": r.iri, "kind": r.kind, "slug": r.slug, "label": label},
            names=names, outgoing=outgoing, incoming=incoming, more_incoming=more, evidence=evidence,
            jsonld=script_json(jsonld.decode("utf-8")))

    def _value_row(self, p: str, o: object, labels: dict[str, dict[str, str]], root: str) -> dict[str, object]:
        row: dict[str, object] = {"predicate": p, "predicate_name": curie(p), "href": None, "lang": None,
                                  "datatype": None}
        if isinstance(o, ox.NamedNode):
            row.update(href=self._href(o.value, root), text=self._link_text(o.value, labels))
        elif isinstance(o, ox.Literal):
            dt = o.datatype.value if o.datatype else ""
            row.update(text=o.value, lang=o.language,
                       datatype=curie(dt) if dt and not dt.endswith(("#string", "#langString")) else None)
        else:
            row.update(text=str(o))
        return row

    def landing(self, **context: object) -> str:
        return self.env.get_template("landing.html").render(site=self.site, **context)

    def ontology(self, terms: list[dict[str, object]]) -> str:
        return self.env.get_template("ontology.html").render(site=replace(self.site, root="../"),
                                                             terms=terms)

    def not_found(self, path: str, root: str = "/") -> str:
        return self.env.get_template("notfound.html").render(site=replace(self.site, root=root),
                                                             path=path)


def write_page(resources: list[Resource], renderer: PageRenderer, labels: dict[str, dict[str, str]],
               out: str | Path) -> int:
    """Each resource's HTML page and RDF documents under `out/id/KIND/`; returns the number of files written."""
    made: set[str] = set()
    written = 0
    for r in resources:
        folder = f"{out}/id/{r.kind}"
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        files = {ext: serialise(r.triples, fmt) for ext, _, fmt in RDF_VARIANTS}
        files["html"] = renderer.resource(r, labels, files["jsonld"]).encode("utf-8")
        for ext, data in files.items():
            _write(f"{folder}/{r.slug}.{ext}", data)
        written += len(files)
    return written


def _write(path: str, data: bytes) -> None:
    # a site is hundreds of thousands of small files: the bare system calls, without a buffered file object
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)
