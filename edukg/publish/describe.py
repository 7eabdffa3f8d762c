"""The resources of the site, read from the store in pages: their IRIs, their triples, labels and evidence.

Everything goes through the store interface (so `publish --endpoint URL` works) and in pages of a bounded
number of resources: one query lists the next page of IRIs (keyset paging, no OFFSET), one CONSTRUCT brings
the triples of the whole page in N-Triples, two SELECTs bring the labels of what they link to and the evidence
quotes. Memory holds one page, never the store.
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


def labels(store: Store, iris: set[str]) -> dict[str, dict[str, str]]:
    """For each IRI, its labels by language tag ('' for none), in pages. A fact node without a name of its own
    (a membership, a grant, an amount, an award conferral, an evidence annotation) gets one made of the names
    of what it links ("A — coordinator — B"), so a link to it reads as what it states."""
    out = _own_labels(store, iris)
    unnamed = {i for i in iris if i not in out}
    if unnamed:
        out.update(_fact_labels(store, unnamed))
    return out


def _own_labels(store: Store, iris: set[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = defaultdict(dict)
    ordered = sorted(i for i in iris if valid_iri(i))
    alternatives = " UNION ".join(f"{{ ?x {p} ?l }}" for p in LABEL_PREDICATES)
    for start in range(0, len(ordered), PAGE_SIZE):
        query = _PREFIXES + (f"SELECT ?x ?l WHERE {{ VALUES ?x {{ {_values(ordered[start:start + PAGE_SIZE])} }} "
                             f"GRAPH ?g {{ {alternatives} }} }}")
        for row in _json_rows(store, query):
            # the first label seen per language wins
            out[row["x"]["value"]].setdefault(row["l"].get("xml:lang", ""), row["l"]["value"])
    return out


# what a fact node links, in the order its made-up name reads; `kind` picks the pattern. Each branch has its own
# VALUES inside GRAPH: with one VALUES outside the union, Oxigraph evaluated every branch over the whole store
# and joined afterwards (2.9 s instead of 0.13 s per 1,000 IRIs on the register store).
_FACT_BRANCHES = (
    '?x a org:Membership ; org:member ?a ; org:organization ?b . OPTIONAL { ?x org:role ?c } BIND("membership" AS ?kind)',
    '?x a schema:MonetaryGrant ; schema:funder ?a ; schema:fundedItem ?b . '
    'OPTIONAL { ?x schema:amount/schema:value ?c } BIND("grant" AS ?kind)',
    '?x a schema:MonetaryAmount ; schema:value ?a . OPTIONAL { ?x schema:currency ?b } BIND("amount" AS ?kind)',
    '?x a edukg:AwardConferral ; edukg:award ?a ; schema:recipient ?b . BIND("conferral" AS ?kind)',
    '?x oa:hasSelector ?sel . ?sel oa:exact ?a . BIND("evidence" AS ?kind)',
)


def _fact_parts_query(values: str) -> str:
    return "SELECT ?x ?kind ?a ?b ?c WHERE { " + " UNION ".join(
        f"{{ GRAPH ?g {{ VALUES ?x {{ {values} }} {branch} }} }}" for branch in _FACT_BRANCHES) + " }"


_QUOTE_CHARS = 80


def _fact_labels(store: Store, iris: set[str]) -> dict[str, dict[str, str]]:
    ordered = sorted(i for i in iris if valid_iri(i))
    parts: dict[str, tuple[str, dict[str, dict[str, str]]]] = {}
    for start in range(0, len(ordered), PAGE_SIZE):
        query = _PREFIXES + _fact_parts_query(_values(ordered[start:start + PAGE_SIZE]))
        for row in _json_rows(store, query):
            parts.setdefault(row["x"]["value"], (row["kind"]["value"], {k: row[k] for k in "abc" if k in row}))
    linked = {t["value"] for _, terms in parts.values() for t in terms.values() if t["type"] == "uri"}
    names = _own_labels(store, linked) if linked else {}

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
