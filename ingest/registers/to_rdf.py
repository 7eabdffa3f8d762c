"""Register rows as RDF, in the model documents use (docs/model.md): a row's project is a schema:Project and
org:OrganizationalCollaboration, its implementer the coordinator (an org:Membership), its authority the
funder of a schema:MonetaryGrant whose money columns are schema:MonetaryAmounts, its fund and period a
schema:FundingScheme. Every fact says which row of which file it was read from (`edukg:registerRow`, a node
with the line number), beside `prov:wasDerivedFrom` the file.

At register scale (a million triples) an rdflib Graph costs more than everything else in an import, so the
writer emits through a sink: `NTriplesSink` writes N-Triples text directly (what the import loads), and
`GraphSink` builds an rdflib Graph from the same calls (for tests and for the benchmark's comparison).
"""
from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from typing import BinaryIO, Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS, XSD

from edukg.core.namespaces import DEFAULT_BASE, EDUKG, SCHEMA

from ..model import Organisation
from ..resolve import slugify
from ..to_rdf import IRIs, _file_uri, _hash
from .read import RegisterFile, RegisterRow

# schema:amount is the grant's amount (what the funding queries add up); the others are edukg: properties
_MONEY = {"amount": str(SCHEMA.amount)}
_TYPE, _DERIVED = str(RDF.type), str(PROV.wasDerivedFrom)


class Lit:
    """A literal for a sink: text with a language tag or a datatype (neither: xsd:string)."""

    __slots__ = ("text", "lang", "datatype")

    def __init__(self, text: str, lang: str | None = None, datatype: str | None = None):
        self.text, self.lang, self.datatype = text, lang, datatype


class NTriplesSink:
    """N-Triples text, into `out` in chunks (memory holds one chunk, not the file's million lines), or kept."""

    CHUNK = 50_000

    def __init__(self, out: BinaryIO | None = None) -> None:
        self.out = out
        self.lines: list[str] = []
        self.count = 0

    def add(self, s: str, p: str, o: str | Lit) -> None:
        self.lines.append(f"<{s}> <{p}> {_nt_object(o)} .\n")
        if self.out is not None and len(self.lines) >= self.CHUNK:
            self._flush()

    def _flush(self) -> None:
        self.count += len(self.lines)
        self.out.write("".join(self.lines).encode("utf-8"))
        self.lines.clear()

    def result(self) -> bytes | int:
        """The text (no `out`), or the number of triples written to `out`."""
        if self.out is None:
            return "".join(self.lines).encode("utf-8")
        self._flush()
        return self.count


class GraphSink:
    def __init__(self) -> None:
        self.graph = Graph()

    def add(self, s: str, p: str, o: str | Lit) -> None:
        if isinstance(o, Lit):
            obj = Literal(o.text, lang=o.lang, datatype=URIRef(o.datatype) if o.datatype else None)
        else:
            obj = URIRef(o)
        self.graph.add((URIRef(s), URIRef(p), obj))

    def result(self) -> Graph:
        return self.graph


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def _nt_object(o: str | Lit) -> str:
    if not isinstance(o, Lit):
        return f"<{o}>"
    text = '"' + o.text.translate(_ESCAPES) + '"'
    if o.lang:
        return f"{text}@{o.lang}"
    if o.datatype:
        return f"{text}^^<{o.datatype}>"
    return text


def _decimal(value: Decimal) -> Lit:
    return Lit(format(value, "f"), datatype=str(XSD.decimal))


class RegisterWriter:
    """The triples of one register file's graph."""

    def __init__(self, reg: RegisterFile, organisations: dict[str, Organisation], org_of: dict[str, str],
                 base: str = DEFAULT_BASE, ingested_at: datetime | None = None, sink=None):
        self.reg = reg
        self.fmt = reg.format
        self.lang = self.fmt.language if self.fmt.language in ("fi", "sv", "en") else None
        self.iris = IRIs(base)
        self.organisations = organisations  # by key
        self.org_of = org_of  # raw cell → organisation key
        self.sink = sink if sink is not None else NTriplesSink()
        self.source = str(self.iris.source(reg.id))
        self.ingested_at = ingested_at or datetime.now(timezone.utc).replace(microsecond=0)
        self._schemes: set[str] = set()

    def label(self, text: str) -> Lit:
        return Lit(text, lang=self.lang)

    def org_iri(self, key: str) -> str:
        org = self.organisations[key]
        return org.iri or str(self.iris.id("organisation", key))

    def write(self):
        t = self.sink.add
        self._source(t)
        for key, org in self.organisations.items():
            self._organisation(t, key, org)
        for row in self.reg.rows_again():
            self._row(t, row)
        return self.sink.result()

    def _source(self, t) -> None:
        s, reg = self.source, self.reg
        t(s, _TYPE, str(PROV.Entity))
        t(s, _TYPE, str(SCHEMA.Dataset))
        t(s, _TYPE, str(SCHEMA.CreativeWork))
        t(s, str(DCTERMS.identifier), Lit(reg.id))
        t(s, str(DCTERMS.source), Lit(_file_uri(str(reg.path)), datatype=str(XSD.anyURI)))
        t(s, str(DCTERMS.title), self.label(f"{self.fmt.title}: {reg.path.name}"))
        t(s, str(DCTERMS.language), Lit(self.fmt.language))
        t(s, str(DCTERMS["format"]), Lit("text/csv"))
        t(s, str(EDUKG.sha256), Lit(reg.sha256))
        t(s, str(PROV.generatedAtTime),
          Lit(self.ingested_at.isoformat().replace("+00:00", "Z"), datatype=str(XSD.dateTime)))

    def _organisation(self, t, key: str, org: Organisation) -> None:
        node = self.org_iri(key)
        t(node, _TYPE, str(ORG.Organization))
        t(node, _TYPE, str(SCHEMA.Organization))
        t(node, str(SKOS.prefLabel), self.label(org.name))
        for alt in sorted(org.alt_labels - {org.name}):
            t(node, str(SKOS.altLabel), self.label(alt))
        for hidden in sorted(org.hidden_labels - org.alt_labels - {org.name}):
            t(node, str(SKOS.hiddenLabel), self.label(hidden))
        t(node, str(ORG.classification), str(self.iris.org_type(org.type)))
        t(node, _DERIVED, self.source)
        if org.parent and org.parent in self.organisations:
            t(node, str(ORG.subOrganizationOf), self.org_iri(org.parent))

    def _row(self, t, row: RegisterRow) -> None:
        r = str(self.iris.id("row", f"{self.reg.id}-{row.line}"))
        t(r, _TYPE, str(EDUKG.RegisterRow))
        t(r, _DERIVED, self.source)
        t(r, str(EDUKG.line), Lit(str(row.line), datatype=str(XSD.integer)))
        p = str(self.iris.id("project", slugify(f"{self.fmt.project_prefix} {row.code}")))
        t(p, _TYPE, str(ORG.OrganizationalCollaboration))
        t(p, _TYPE, str(SCHEMA.Project))
        t(p, str(SKOS.prefLabel), self.label(row.name))
        if row.alt_name and row.alt_name != row.name:
            t(p, str(SKOS.altLabel), self.label(row.alt_name))
        t(p, str(DCTERMS.identifier), Lit(row.code))
        if row.start:
            t(p, str(SCHEMA.startDate), Lit(row.start, datatype=str(XSD.date)))
        if row.end:
            t(p, str(SCHEMA.endDate), Lit(row.end, datatype=str(XSD.date)))
        if row.status:
            t(p, str(EDUKG.status), self.label(row.status))
        self._fact(t, p, r)
        if row.implementer and row.implementer in self.org_of:
            self._membership(t, self.org_iri(self.org_of[row.implementer]), p, "coordinator", r)
        for partner in row.partners:
            if partner in self.org_of:
                self._membership(t, self.org_iri(self.org_of[partner]), p, "partner", r)
        if row.authority and row.authority in self.org_of:
            self._grant(t, row, p, self.org_iri(self.org_of[row.authority]), r)

    def _fact(self, t, node: str, row_node: str) -> None:
        t(node, _DERIVED, self.source)
        t(node, str(EDUKG.registerRow), row_node)

    def _membership(self, t, member: str, project: str, role: str, row_node: str) -> None:
        m = str(self.iris.id("membership", f"{self.reg.id}-{_hash(member, project, role)}"))
        t(m, _TYPE, str(ORG.Membership))
        t(m, str(ORG.member), member)
        t(m, str(ORG.organization), project)
        t(m, str(ORG.role), str(self.iris.role(role)))
        self._fact(t, m, row_node)

    def _grant(self, t, row: RegisterRow, project: str, funder: str, row_node: str) -> None:
        g = str(self.iris.id("grant", f"{self.reg.id}-{_hash(project, funder)}"))
        t(g, _TYPE, str(SCHEMA.MonetaryGrant))
        t(g, str(SCHEMA.funder), funder)
        t(g, str(SCHEMA.fundedItem), project)
        if row.scheme:
            t(g, str(EDUKG.programme), self._scheme(t, row.scheme))
        if row.programme:
            t(g, str(EDUKG.programmeSection), self.label(row.programme))
        if row.priority_axis:
            t(g, str(EDUKG.priorityAxis), Lit(row.priority_axis))
        for a in row.amounts:
            node = f"{g}#{a.property}"
            t(g, _MONEY.get(a.property) or str(EDUKG[a.property]), node)
            t(node, _TYPE, str(SCHEMA.MonetaryAmount))
            t(node, str(SCHEMA.value), _decimal(a.value))
            t(node, str(SCHEMA.currency), Lit(self.fmt.currency))
            t(node, str(EDUKG.fundingScope), Lit(a.scope))
        self._fact(t, g, row_node)

    def _scheme(self, t, labels: dict[str, str]) -> str:
        first = next(iter(labels.values()))
        node = str(self.iris.id("programme", slugify(first)))
        if node not in self._schemes:
            self._schemes.add(node)
            t(node, _TYPE, str(SCHEMA.FundingScheme))
            for lang, label in labels.items():
                t(node, str(SKOS.prefLabel), Lit(label, lang=lang))
        return node


def register_ntriples(reg: RegisterFile, organisations: dict[str, Organisation], org_of: dict[str, str],
                      base: str = DEFAULT_BASE, ingested_at: datetime | None = None) -> bytes:
    """The register file's graph as N-Triples (UTF-8), generated without building an rdflib Graph."""
    return RegisterWriter(reg, organisations, org_of, base, ingested_at, NTriplesSink()).write()


def write_register_ntriples(reg: RegisterFile, organisations: dict[str, Organisation], org_of: dict[str, str],
                            out: BinaryIO, base: str = DEFAULT_BASE, ingested_at: datetime | None = None) -> int:
    """Write the register file's graph to `out` as N-Triples (UTF-8); return the number of triples."""
    return RegisterWriter(reg, organisations, org_of, base, ingested_at, NTriplesSink(out)).write()


def register_graph(reg: RegisterFile, organisations: dict[str, Organisation], org_of: dict[str, str],
                   base: str = DEFAULT_BASE, ingested_at: datetime | None = None) -> Graph:
    """The same triples as an rdflib Graph."""
    return RegisterWriter(reg, organisations, org_of, base, ingested_at, GraphSink()).write()


def funder_and_implementer_names(rows: Iterable[RegisterRow]) -> list[str]:
    """Every organisation string of the rows, as written, first occurrence first."""
    out: dict[str, None] = {}
    for row in rows:
        for name in (row.implementer, *row.partners, row.authority):
            if name:
                out.setdefault(name)
    return list(out)
