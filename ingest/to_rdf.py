"""The one place where extracted plain data becomes RDF (docs/model.md is the contract).

Every node an extraction makes is in the document's own graph, with `prov:wasDerivedFrom` the source and,
for facts, the evidence as Web Annotation selectors, so a user can read the sentence a fact came from.
IRIs of actors come from their canonical names (two documents naming one actor meet on one node); IRIs of
facts from a hash of the fact, so a rebuild gives the same IRIs.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from edukg.core.namespaces import DEFAULT_BASE, EDUKG, OA, SCHEMA

from .language import SUPPORTED
from .model import Evidence, Extraction, Organisation
from .resolve import slugify


class _Terms:
    """A namespace whose terms are kept once looked up: rdflib builds a term anew on every attribute access
    (`RDF.type`), a tenth of `to_rdf`'s time at ~30 terms per document. The same URIRefs come out."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return self._namespace[name]


DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD, EDUKG, OA, SCHEMA = (
    _Terms(ns) for ns in (DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD, EDUKG, OA, SCHEMA))


@dataclass(frozen=True)
class IRIs:
    base: str = DEFAULT_BASE

    def id(self, kind: str, slug: str) -> URIRef:
        return URIRef(f"{self.base}id/{kind}/{slug}")

    def source_graph(self, doc_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/source/{doc_id}")

    def source(self, doc_id: str) -> URIRef:
        return self.id("source", doc_id)

    def org_type(self, code: str) -> URIRef:
        return self.id("organisation-type", code)

    def role(self, code: str) -> URIRef:
        return self.id("role", code)

    def rule(self, name: str) -> URIRef:
        return URIRef(f"{self.base}rule/{name}")


def _hash(*parts) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def date_literal(value: str) -> Literal:
    """ISO 8601 at the precision the text gave: xsd:date, xsd:gYearMonth or xsd:gYear."""
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


class GraphWriter:
    def __init__(self, ex: Extraction, iris: IRIs, ingested_at: datetime | None = None):
        self.ex = ex
        self.doc = ex.document
        self.iris = iris
        # rdflib's default store also indexes triples by context, which a graph of one document never uses: the
        # plain triple store adds them in half the time (to_rdf was a tenth of a build's CPU)
        self.g = Graph(store="SimpleMemory")
        # straight into the triple store: Graph.add's checks that each term is an rdflib term cost as much as
        # the indexing, and every term here is made by this class
        self._add = self.g.store.add
        self.lang = self.doc.lang if self.doc.lang in SUPPORTED else None
        self.source = iris.source(self.doc.id)
        self.ingested_at = ingested_at or datetime.now(timezone.utc).replace(microsecond=0)
        self.org_iri: dict[str, URIRef] = {}

    def label(self, text: str) -> Literal:
        return Literal(text, lang=self.lang)

    def add(self, s, p, o) -> None:
        self._add((s, p, o), self.g)

    def evidence(self, node: URIRef, ev: Evidence | None) -> None:
        self.add(node, PROV.wasDerivedFrom, self.source)
        if ev is None:
            return
        e = self.iris.id("evidence", f"{self.doc.id}-{_hash(ev.start, ev.end)}")
        if (e, RDF.type, OA.SpecificResource) not in self.g:
            quote, pos = URIRef(f"{e}#quote"), URIRef(f"{e}#position")
            self.add(e, RDF.type, OA.SpecificResource)
            self.add(e, OA.hasSource, self.source)
            self.add(e, OA.hasSelector, quote)
            self.add(e, OA.hasSelector, pos)
            self.add(quote, RDF.type, OA.TextQuoteSelector)
            self.add(quote, OA.exact, Literal(ev.exact))
            self.add(pos, RDF.type, OA.TextPositionSelector)
            self.add(pos, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger))
            self.add(pos, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger))
        self.add(node, EDUKG.evidence, e)

    def provenance(self, node: URIRef, fact) -> None:
        """The rule that made a fact and how far that kind of rule is trusted; the rule is described once in the
        document's graph. A node two facts share (one membership read twice) keeps the first reading's."""
        if not fact.rule or (node, EDUKG.confidence, None) in self.g:
            return
        rule = self.iris.rule(fact.rule)
        if (rule, RDF.type, EDUKG.ExtractionRule) not in self.g:
            self.add(rule, RDF.type, EDUKG.ExtractionRule)
            self.add(rule, RDF.type, PROV.Activity)
            self.add(rule, RDFS.label, Literal(fact.rule))
        self.add(node, PROV.wasGeneratedBy, rule)
        if fact.confidence is not None:
            self.add(node, EDUKG.confidence, Literal(Decimal(str(fact.confidence)), datatype=XSD.decimal))

    def write(self) -> Graph:
        self._source()
        for key, org in self.ex.organisations.items():
            self._organisation(key, org)
        for key, org in self.ex.organisations.items():
            if org.parent and org.parent in self.org_iri:
                self.add(self.org_iri[key], ORG.subOrganizationOf, self.org_iri[org.parent])
        people = self._people()
        self._projects()
        self._coalitions()
        self._events()
        self._awards(people)
        return self.g

    def _source(self) -> None:
        d, s = self.doc, self.source
        self.add(s, RDF.type, PROV.Entity)
        self.add(s, RDF.type, SCHEMA.CreativeWork)
        self.add(s, DCTERMS.identifier, Literal(d.id))
        self.add(s, DCTERMS.source, Literal(_file_uri(d.path), datatype=XSD.anyURI))
        if d.title:
            self.add(s, DCTERMS.title, self.label(d.title[:300]))
        self.add(s, DCTERMS.language, Literal(d.lang))
        self.add(s, DCTERMS["format"], Literal(d.format))
        self.add(s, EDUKG.sha256, Literal(d.sha256))
        self.add(s, PROV.generatedAtTime, Literal(self.ingested_at.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime))

    def _organisation(self, key: str, org: Organisation) -> None:
        node = URIRef(org.iri) if org.iri else self.iris.id("organisation", key)
        self.org_iri[key] = node
        self.add(node, RDF.type, ORG.Organization)
        self.add(node, RDF.type, SCHEMA.Organization)
        self.add(node, SKOS.prefLabel, self.label(org.name))
        for lang, name in sorted(org.names.items()):
            if lang != self.lang and name:
                self.add(node, SKOS.prefLabel, Literal(name, lang=lang))
        for alt in sorted(org.alt_labels - {org.name} - set(org.names.values())):
            self.add(node, SKOS.altLabel, self.label(alt))
        for hidden in sorted(org.hidden_labels - org.alt_labels - {org.name}):
            self.add(node, SKOS.hiddenLabel, self.label(hidden))
        self.add(node, ORG.classification, self.iris.org_type(org.type))
        self.evidence(node, org.evidence)

    def _membership(self, member: URIRef, collab: URIRef, role: str, ev: Evidence | None, title: str | None = None,
                    fact=None) -> URIRef:
        m = self.iris.id("membership", f"{self.doc.id}-{_hash(member, collab, role)}")
        self.add(m, RDF.type, ORG.Membership)
        self.add(m, ORG.member, member)
        self.add(m, ORG.organization, collab)
        self.add(m, ORG.role, self.iris.role(role))
        if title:
            self.add(m, EDUKG.title, self.label(title))
        self.evidence(m, ev)
        if fact is not None:
            self.provenance(m, fact)
        return m

    def _people(self) -> dict[str, URIRef]:
        out = {}
        for p in self.ex.people:
            node = self.iris.id("person", slugify(p.name))
            out[p.name] = node
            self.add(node, RDF.type, FOAF.Person)
            self.add(node, RDF.type, SCHEMA.Person)
            self.add(node, FOAF.name, Literal(p.name))
            self.add(node, PROV.wasDerivedFrom, self.source)
            org = self.org_iri.get(p.organisation) if p.organisation else None
            if org is not None:
                self._membership(node, org, "staff", p.evidence, p.title, p)
            elif p.title:
                self.add(node, SCHEMA.jobTitle, self.label(p.title))
        return out

    def _projects(self) -> None:
        for p in self.ex.projects:
            node = self.iris.id("project", slugify(p.name))
            self.add(node, RDF.type, ORG.OrganizationalCollaboration)
            self.add(node, RDF.type, SCHEMA.Project)
            self.add(node, SKOS.prefLabel, self.label(p.name))
            for alt in sorted(p.alt_labels - {p.name}):
                self.add(node, SKOS.altLabel, self.label(alt))
            if p.code:
                self.add(node, DCTERMS.identifier, Literal(p.code))
            if p.start:
                self.add(node, SCHEMA.startDate, date_literal(p.start))
            if p.end:
                self.add(node, SCHEMA.endDate, date_literal(p.end))
            self.evidence(node, p.evidence)
            for part in p.participants:
                org = self.org_iri.get(part.organisation)
                if org is not None:
                    self._membership(org, node, part.role, part.evidence, fact=part)
            for g in p.grants:
                funders = [self.org_iri[f] for f in g.funders if f in self.org_iri]
                if not funders:
                    continue
                grant = self.iris.id("grant", f"{self.doc.id}-{_hash(node, *sorted(funders))}")
                self.add(grant, RDF.type, SCHEMA.MonetaryGrant)
                for f in funders:
                    self.add(grant, SCHEMA.funder, f)
                self.add(grant, SCHEMA.fundedItem, node)
                if g.amount is not None:
                    amount = URIRef(f"{grant}#amount")
                    self.add(grant, SCHEMA.amount, amount)
                    self.add(amount, RDF.type, SCHEMA.MonetaryAmount)
                    self.add(amount, SCHEMA.value, Literal(Decimal(str(g.amount)).quantize(Decimal(1)) if float(g.amount).is_integer() else Decimal(str(g.amount)), datatype=XSD.decimal))
                    if g.currency:
                        self.add(amount, SCHEMA.currency, Literal(g.currency))
                if g.programme:
                    prog = self.iris.id("programme", slugify(g.programme))
                    self.add(prog, RDF.type, SCHEMA.FundingScheme)
                    self.add(prog, SKOS.prefLabel, self.label(g.programme))
                    self.add(grant, EDUKG.programme, prog)
                self.evidence(grant, g.evidence)
                self.provenance(grant, g)

    def _coalitions(self) -> None:
        for c in self.ex.coalitions:
            node = self.iris.id("coalition", slugify(c.name))
            self.add(node, RDF.type, ORG.OrganizationalCollaboration)
            self.add(node, RDF.type, EDUKG.Coalition)
            self.add(node, SKOS.prefLabel, self.label(c.name))
            for alt in sorted(c.alt_labels - {c.name}):
                self.add(node, SKOS.altLabel, self.label(alt))
            self.evidence(node, c.evidence)
            for part in c.members:
                org = self.org_iri.get(part.organisation)
                if org is not None:
                    self._membership(org, node, part.role, part.evidence, fact=part)

    def _events(self) -> None:
        for e in self.ex.events:
            node = self.iris.id("event", slugify(e.name + (f" {e.date[:4]}" if e.date else "")))
            self.add(node, RDF.type, SCHEMA.Event)
            self.add(node, SKOS.prefLabel, self.label(e.name))
            if e.date:
                self.add(node, SCHEMA.startDate, date_literal(e.date))
            for o in e.organisers:
                if o in self.org_iri:
                    self.add(node, SCHEMA.organizer, self.org_iri[o])
            self.evidence(node, e.evidence)
            self.provenance(node, e)

    def _awards(self, people: dict[str, URIRef]) -> None:
        for a in self.ex.awards:
            award = self.iris.id("award", slugify(a.award))
            self.add(award, RDF.type, EDUKG.Award)
            self.add(award, SKOS.prefLabel, self.label(a.award))
            if a.recipient is None:
                continue  # given, to no one the text names: the award alone
            if a.recipient_kind == "person":
                rec = people.get(a.recipient)
                if rec is None:
                    continue
            else:
                rec = self.org_iri.get(a.recipient)
                if rec is None:
                    continue
            c = self.iris.id("conferral", f"{self.doc.id}-{_hash(award, rec)}")
            self.add(c, RDF.type, EDUKG.AwardConferral)
            self.add(c, EDUKG.award, award)
            self.add(c, SCHEMA.recipient, rec)
            if a.by and a.by in self.org_iri:
                self.add(c, EDUKG.awardedBy, self.org_iri[a.by])
            if a.date:
                self.add(c, DCTERMS.date, date_literal(a.date))
            self.evidence(c, a.evidence)
            self.provenance(c, a)


def _file_uri(path: str) -> str:
    from pathlib import Path
    try:
        return Path(path).resolve().as_uri()
    except ValueError:
        return path


def to_rdf(ex: Extraction, base: str = DEFAULT_BASE, ingested_at: datetime | None = None) -> Graph:
    """The triples of one document's extraction, for its own named graph."""
    return GraphWriter(ex, IRIs(base), ingested_at).write()
