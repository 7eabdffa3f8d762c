"""The resources of the site, read from the store in pages: their IRIs, their triples, labels and evidence.

Everything goes through the store interface (so `publish --endpoint URL` works) and in pages of a bounded
number of resources: one query lists the resource IRIs, one CONSTRUCT per page brings the triples of the whole
page in N-Triples, SELECTs bring the evidence quotes and, one filtered pattern per IRI, the names and the parts of
the fact nodes the page links to (a `LabelCache` keeps them from page to page). Memory holds one page, the IRIs
and the cache, never the store.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator

import pyoxigraph as ox  # parses the engine's N-Triples and writes each resource's files, in Rust

from edukg.core.namespaces import PREFIXES
from edukg.publish.sources import publishable_triple
from edukg.core.store import Store
from edukg.core.store.sparql_text import _iri_text, valid_iri

PAGE_SIZE = 1000
_PREFIXES = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
LABEL_PREDICATES = ("skos:prefLabel", "rdfs:label", "schema:name", "foaf:name", "dcterms:title")
LANGUAGES = ("fi", "sv", "en")


@dataclass
class Evidence:
    quote: str
    fact: str  # the IRI of the node the evidence is about (the resource itself or a fact pointing at it)
    source: str | None  # the source document's IRI; its title comes with the labels


@dataclass
class Resource:
    iri: str
    kind: str
    slug: str
    triples: list[ox.Triple] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def path(self) -> str:
        """The document path under the site root, without extension."""
        return f"id/{self.kind}/{self.slug}"


def split_iri(iri: str, base: str) -> tuple[str, str] | None:
    """(kind, slug) of `<base>id/KIND/SLUG`, or None for an IRI that has no document of its own here:
    another namespace, a fragment (described in its document) or a path that is not two plain segments."""
    if not iri.startswith(base + "id/") or "#" in iri or "?" in iri:
        return None
    parts = iri[len(base) + 3:].split("/")
    if len(parts) != 2 or not all(parts) or any(p in (".", "..") or "\\" in p for p in parts):
        return None
    return parts[0], parts[1]


def resource_iris(store: Store, base: str, page_size: int = PAGE_SIZE) -> Iterator[list[str]]:
    """The subjects that get a page, in pages of `page_size`, in IRI order.

    One DISTINCT query lists them (the engine's TSV, read line by line): memory holds the IRIs of the
    resources, never their triples. Paging the listing in SPARQL instead (ORDER BY … LIMIT, or a keyset
    FILTER) made Oxigraph sort every subject again per page: 19 s a page at 100k quads."""
    data = store.query_raw("SELECT DISTINCT ?r WHERE { GRAPH ?g { ?r ?p ?o } FILTER(isIRI(?r)) }",
                           "text/tab-separated-values")
    iris = sorted(iri for line in data.decode("utf-8").splitlines()[1:]
                  if line.startswith("<") and split_iri(iri := line[1:-1], base))
    del data
    for start in range(0, len(iris), page_size):
        yield iris[start:start + page_size]


def _values(iris: list[str]) -> str:
    return " ".join(_iri_text(i) for i in iris)


def describe_page(store: Store, iris: list[str], base: str) -> list[Resource]:
    """Each resource with its outgoing and incoming triples, the triples of its fragments (`IRI#quote`),
    and the evidence quotes of it and of the facts that point at it."""
    resources: dict[str, Resource] = {}
    for iri in iris:
        parts = split_iri(iri, base)
        if parts:
            resources[iri] = Resource(iri, *parts)
    if not resources:
        return []
    values = _values(list(resources))
    # the fragments of a resource (IRI#quote, IRI#position) are its evidence selectors: they go with it
    construct = _PREFIXES + f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
  VALUES ?r {{ {values} }}
  {{ GRAPH ?g {{ ?r ?p ?o }} BIND(?r AS ?s) }}
  UNION {{ GRAPH ?g {{ ?s ?p ?r }} BIND(?r AS ?o) }}
  UNION {{ GRAPH ?g {{ ?r oa:hasSelector ?s . ?s ?p ?o }} }}
}}"""
    data = store.query_raw(construct, "application/n-triples", union_default=False)
    for t in ox.parse(data, ox.RdfFormat.N_TRIPLES):
        t = publishable_triple(ox.Triple(t.subject, t.predicate, t.object))
        s, o = t.subject.value if isinstance(t.subject, ox.NamedNode) else None, t.object
        owner = resources.get(s.split("#", 1)[0]) if s else None
        if owner is not None:
            owner.triples.append(t)
        if isinstance(o, ox.NamedNode) and o.value in resources and (owner is None or owner.iri != o.value):
            resources[o.value].triples.append(t)
    for r in resources.values():
        r.triples = list(dict.fromkeys(r.triples))  # one triple from several graphs is written once
    # evidence: the resource's own and that of the facts pointing at it, except through the links every
    # fact of a kind shares (a role concept would collect the quotes of every membership)
    facts: dict[str, list[Resource]] = defaultdict(list)
    for r in resources.values():
        facts[r.iri].append(r)
        for t in r.triples:
            if (isinstance(t.object, ox.NamedNode) and t.object.value == r.iri and isinstance(t.subject, ox.NamedNode)
                    and t.predicate.value not in _SHARED_LINKS and r not in facts[t.subject.value]):
                facts[t.subject.value].append(r)
    for fact, evidence in _evidence(store, sorted(facts)):
        for r in facts[fact]:
            r.evidence.append(evidence)
    for r in resources.values():
        r.evidence = list({(e.quote, e.source): e for e in r.evidence}.values())  # a sentence is quoted once
    return list(resources.values())


def read_page(store: Store, iris: list[str], base: str, cache: LabelCache | None = None
              ) -> tuple[list[Resource], dict[str, dict[str, str]]]:
    """`describe_page`, and the labels of everything its pages link to (the resources, what their triples
    name, the facts and sources of their evidence); `cache` carries labels from page to page."""
    page = describe_page(store, iris, base)
    cache = cache or LabelCache()
    cache.remember(page)
    linked = {r.iri for r in page}
    for r in page:
        for t in r.triples:
            linked.update(term.value for term in (t.subject, t.object) if isinstance(term, ox.NamedNode))
        for e in r.evidence:
            linked.add(e.fact)
            if e.source:
                linked.add(e.source)
    return page, labels(store, linked, cache)


_SHARED_LINKS = {PREFIXES["rdf"] + "type", PREFIXES["org"] + "role", PREFIXES["org"] + "classification",
                 PREFIXES["prov"] + "wasDerivedFrom", PREFIXES["oa"] + "hasSource", PREFIXES["skos"] + "inScheme",
                 PREFIXES["skos"] + "topConceptOf", PREFIXES["edukg"] + "evidence"}


def _evidence(store: Store, facts: list[str]) -> Iterator[tuple[str, Evidence]]:
    for start in range(0, len(facts), PAGE_SIZE):
        query = _PREFIXES + f"""SELECT ?fact ?quote ?source WHERE {{
  VALUES ?fact {{ {_values(facts[start:start + PAGE_SIZE])} }}
  GRAPH ?g {{ ?fact edukg:evidence ?e . ?e oa:hasSelector ?sel . ?sel oa:exact ?quote .
             OPTIONAL {{ ?e oa:hasSource ?source }} }}
}}"""
        for row in _json_rows(store, query):
            source = row["source"]["value"] if "source" in row else None
            yield row["fact"]["value"], Evidence(row["quote"]["value"], row["fact"]["value"], source)


@dataclass
class LabelCache:
    """Labels read for earlier pages of one publication, so the next page asks the store only for IRIs it has
    not seen: an organisation, a project or a register row is linked from several pages. `own` holds an IRI's
    own labels, `made` a fact node's made-up ones ({} for none: asked, and nothing there). Past `limit` IRIs it
    starts again empty, so memory stays bounded. What a cache gives never differs from what the store would
    answer: a label is chosen by a fixed order, not by which row came first."""
    own: dict[str, dict[str, str]] = field(default_factory=dict)
    made: dict[str, dict[str, str]] = field(default_factory=dict)
    limit: int = 200_000

    def own_labels(self, store: Store, iris: set[str]) -> dict[str, dict[str, str]]:
        missing = {i for i in iris if i not in self.own}
        if missing:
            if len(self.own) + len(missing) > self.limit:
                self.own.clear()
            found = _own_labels(store, missing)
            for i in missing:
                self.own[i] = found.get(i, {})
        return {i: self.own[i] for i in iris if self.own.get(i)}

    def made_labels(self, store: Store, iris: set[str]) -> dict[str, dict[str, str]]:
        missing = {i for i in iris if i not in self.made}
        if missing:
            if len(self.made) + len(missing) > self.limit:
                self.made.clear()
            found = _fact_labels(store, missing, self)
            for i in missing:
                self.made[i] = found.get(i, {})
        return {i: self.made[i] for i in iris if self.made.get(i)}

    def remember(self, resources: list[Resource]) -> None:
        """The own labels of resources read with all their triples: no query needed for them."""
        if len(self.own) + len(resources) > self.limit:
            self.own.clear()
        for r in resources:
            found: dict[str, tuple[int, str]] = {}
            for t in r.triples:
                rank = _LABEL_RANK.get(t.predicate.value)
                if rank is not None and isinstance(t.object, ox.Literal) and t.subject.value == r.iri:
                    _keep(found, t.object.language or "", rank, t.object.value)
            self.own[r.iri] = {lang: text for lang, (_, text) in found.items()}


def labels(store: Store, iris: set[str], cache: LabelCache | None = None) -> dict[str, dict[str, str]]:
    """For each IRI, its labels by language tag ('' for none), in pages. A fact node without a name of its own
    (a membership, a grant, an amount, an award conferral, an evidence annotation) gets one made of the names
    of what it links ("A — coordinator — B"), so a link to it reads as what it states."""
    cache = cache or LabelCache()
    out = cache.own_labels(store, iris)
    unnamed = {i for i in iris if i not in out}
    if unnamed:
        out.update(cache.made_labels(store, unnamed))
    return out


_LABEL_RANK = {PREFIXES[p.split(":")[0]] + p.split(":")[1]: rank for rank, p in enumerate(LABEL_PREDICATES)}


def _keep(found: dict[str, tuple[int, str]], lang: str, rank: int, text: str) -> None:
    # of several labels in one language, the first predicate of LABEL_PREDICATES and then the least text wins
    if lang not in found or (rank, text) < found[lang]:
        found[lang] = (rank, text)


def _own_labels(store: Store, iris: set[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for iri, by_p in _outgoing(store, iris, set(_LABEL_RANK)).items():
        found: dict[str, tuple[int, str]] = {}
        for p, objects in by_p.items():
            for o in objects:
                if o["type"] == "literal":  # a label is text; `remember` reads the same from a resource's triples
                    _keep(found, o.get("xml:lang", ""), _LABEL_RANK[p], o["value"])
        if found:
            out[iri] = {lang: text for lang, (_, text) in found.items()}
    return out


def _expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix] + local


# what a fact node links, in the order its made-up name reads: per kind, its class and the predicates of `a`,
# `b` and `c` ("p/q": q of p's object). `a` is required, `b` too where the kind has `_REQUIRED` 2, `c` never.
_FACT_KINDS = {
    "membership": ("org:Membership", "org:member", "org:organization", "org:role"),
    "grant": ("schema:MonetaryGrant", "schema:funder", "schema:fundedItem", "schema:amount/schema:value"),
    "amount": ("schema:MonetaryAmount", "schema:value", "schema:currency", None),
    "conferral": ("edukg:AwardConferral", "edukg:award", "schema:recipient", None),
    "evidence": (None, "oa:hasSelector/oa:exact", None, None),
}
_REQUIRED = {"membership": 2, "grant": 2, "amount": 1, "conferral": 2, "evidence": 1}
_RDF_TYPE = PREFIXES["rdf"] + "type"


def _steps(path: str | None) -> tuple[str, str | None] | None:
    if path is None:
        return None
    head, _, tail = path.partition("/")
    return _expand(head), _expand(tail) if tail else None


# the same with full IRIs: kind → (class, steps of a, b, c)
_FACT_STEPS = {kind: (_expand(cls) if cls else None, *map(_steps, paths))
               for kind, (cls, *paths) in _FACT_KINDS.items()}
_STEPS = [steps for _, *paths in _FACT_STEPS.values() for steps in paths if steps]
_FIRST_STEPS = {_RDF_TYPE} | {head for head, _ in _STEPS}
_VIA = {head for head, tail in _STEPS if tail}
_SECOND_STEPS = {tail for _, tail in _STEPS if tail}
_QUOTE_CHARS = 80

JsonTerm = dict[str, str]  # a term as the engine's SPARQL JSON results write it


def _outgoing(store: Store, iris: set[str], predicates: set[str]) -> dict[str, dict[str, list[JsonTerm]]]:
    """subject → predicate → objects, for the `predicates` of each of `iris`, in any graph.

    One pattern per IRI, filtered on the predicate: a UNION of one pattern per predicate, or a join of the
    nodes' patterns, made Oxigraph look each up apart (several times the cost per IRI on the register store)."""
    out: dict[str, dict[str, list[JsonTerm]]] = defaultdict(lambda: defaultdict(list))
    ordered = sorted(i for i in iris if valid_iri(i))
    allowed = ", ".join(_iri_text(p) for p in sorted(predicates))
    for start in range(0, len(ordered), PAGE_SIZE):
        query = (f"SELECT ?x ?p ?o WHERE {{ GRAPH ?g {{ VALUES ?x {{ {_values(ordered[start:start + PAGE_SIZE])} }} "
                 f"?x ?p ?o FILTER(?p IN ({allowed})) }} }}")
        for row in _json_rows(store, query):
            out[row["x"]["value"]][row["p"]["value"]].append(row["o"])
    return out


def _fact_labels(store: Store, iris: set[str], cache: LabelCache) -> dict[str, dict[str, str]]:
    nodes = _outgoing(store, iris, _FIRST_STEPS)
    # the second step of "p/q" paths: a grant's amount's value, an annotation's selector's quote
    via = {o["value"] for by_p in nodes.values() for p in _VIA for o in by_p.get(p, ()) if o["type"] == "uri"}
    hop = _outgoing(store, via, _SECOND_STEPS) if via else {}

    def values(node: dict[str, list[JsonTerm]], path: tuple[str, str | None] | None) -> list[JsonTerm | None]:
        if path is None:
            return [None]
        found = node.get(path[0], [])
        if path[1]:
            found = [o for mid in found if mid["type"] == "uri"
                     for o in hop.get(mid["value"], {}).get(path[1], [])]
        return found or [None]

    parts: dict[str, tuple[str, dict[str, JsonTerm]]] = {}
    for iri, node in nodes.items():
        types = {o["value"] for o in node.get(_RDF_TYPE, ())}
        for kind, (cls, *paths) in _FACT_STEPS.items():
            if cls is not None and cls not in types:
                continue
            for a in values(node, paths[0]):
                for b in values(node, paths[1]):
                    if a is None or (b is None and _REQUIRED[kind] == 2):
                        continue
                    for c in values(node, paths[2]):
                        found = (kind, {k: t for k, t in zip("abc", (a, b, c)) if t is not None})
                        # several roles, amounts or kinds: the least, whatever order the engine gave the rows in
                        if iri not in parts or _parts_key(found) < _parts_key(parts[iri]):
                            parts[iri] = found
    linked = {t["value"] for _, terms in parts.values() for t in terms.values() if t["type"] == "uri"}
    names = cache.own_labels(store, linked) if linked else {}

    def name(term: dict[str, str] | None, lang: str) -> str:
        if term is None:
            return ""
        if term["type"] != "uri":
            return term["value"]
        slug = term["value"].rsplit("/", 1)[-1]
        by_lang = names.get(term["value"])
        return (by_lang.get(lang) or best_label(by_lang, slug)) if by_lang else slug

    out: dict[str, dict[str, str]] = {}
    for iri, (kind, t) in parts.items():
        made: dict[str, str] = {}
        for lang in LANGUAGES:
            a, b, c = (name(t.get(k), lang) for k in "abc")
            if kind == "membership":
                made[lang] = " — ".join(x for x in (a, c, b) if x)
            elif kind == "grant":
                made[lang] = f"{a} → {b}" + (f" ({c})" if c else "")
            elif kind == "amount":
                made[lang] = f"{a} {b}".strip()
            elif kind == "conferral":
                made[lang] = f"{a} — {b}"
            else:
                made[lang] = f"“{a[:_QUOTE_CHARS]}…”" if len(a) > _QUOTE_CHARS else f"“{a}”"
        out[iri] = made
    return out


def _parts_key(parts: tuple[str, dict[str, dict[str, str]]]) -> tuple[str, ...]:
    kind, terms = parts
    return (kind, *(f"{terms[k]['type']} {terms[k]['value']}" if k in terms else "" for k in "abc"))


def _json_rows(store: Store, query: str) -> list[dict[str, dict[str, str]]]:
    # the engine's own JSON, parsed in C: several times faster than converting every term to rdflib
    return json.loads(store.query_raw(query, "application/sparql-results+json"))["results"]["bindings"]


def best_label(by_lang: dict[str, str] | None, fallback: str) -> str:
    if not by_lang:
        return fallback
    for lang in ("en", *LANGUAGES, ""):
        if lang in by_lang:
            return by_lang[lang]
    return next(iter(by_lang.values()))
