"""Plain data that flows between the ingest steps; nothing here knows RDF."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# No grant is this large, in a text or a register: a longer run of digits is a typo or a code, and it would not fit
# the xsd:decimal every store keeps exactly (Oxigraph: 128 bits, 18 digits after the point), nor Python's default
# 28 digits of precision in which amounts are rounded
LARGEST_AMOUNT = Decimal(10) ** 20


@dataclass
class Document:
    """One source file, read and decoded. `text` is what offsets in evidence refer to."""

    id: str
    path: str
    text: str
    format: str  # text/plain | text/markdown | text/html
    sha256: str
    lang: str = "und"
    title: str = ""


@dataclass(frozen=True)
class Evidence:
    start: int
    end: int
    exact: str


@dataclass
class Organisation:
    """An actor after resolution: one per distinct organisation in a document."""

    key: str  # the resolved canonical name, normalised; the slug of its IRI comes from it
    name: str  # canonical (nominative, base) form
    lang: str
    type: str = "other"
    alt_labels: set[str] = field(default_factory=set)  # acronyms, other names
    hidden_labels: set[str] = field(default_factory=set)  # inflected forms seen in the text
    names: dict[str, str] = field(default_factory=dict)  # official names by language, for known actors
    parent: str | None = None  # key of the organisation this is a unit of
    evidence: Evidence | None = None
    iri: str | None = None  # set by resolution against actors already in the store


@dataclass
class Person:
    name: str
    title: str | None = None
    organisation: str | None = None  # organisation key
    evidence: Evidence | None = None
    # which rule made the fact (`<extractor>.<kind>`, set by the registry) and how far that kind of rule is
    # trusted (ingest/extract/registry.py); written as prov:wasGeneratedBy and edukg:confidence
    rule: str = ""
    confidence: float | None = None


@dataclass
class Participation:
    organisation: str  # organisation key
    role: str  # coordinator | partner | member | organiser
    evidence: Evidence | None = None
    # which rule made the fact (`<extractor>.<kind>`, set by the registry) and how far that kind of rule is
    # trusted (ingest/extract/registry.py); written as prov:wasGeneratedBy and edukg:confidence
    rule: str = ""
    confidence: float | None = None


@dataclass
class Grant:
    funders: list[str]  # organisation keys
    amount: float | None = None
    currency: str | None = None
    programme: str | None = None
    evidence: Evidence | None = None
    # which rule made the fact (`<extractor>.<kind>`, set by the registry) and how far that kind of rule is
    # trusted (ingest/extract/registry.py); written as prov:wasGeneratedBy and edukg:confidence
    rule: str = ""
    confidence: float | None = None


@dataclass
class Project:
    name: str
    alt_labels: set[str] = field(default_factory=set)
    code: str | None = None
    start: str | None = None  # ISO 8601: yyyy, yyyy-mm or yyyy-mm-dd
    end: str | None = None
    participants: list[Participation] = field(default_factory=list)
    grants: list[Grant] = field(default_factory=list)
    evidence: Evidence | None = None


@dataclass
class Coalition:
    name: str
    alt_labels: set[str] = field(default_factory=set)
    members: list[Participation] = field(default_factory=list)
    evidence: Evidence | None = None
    # the partners a page lists beside the members it names ("an alliance between A, B and C"; "its partners
    # are: …"): no members, but participants of the project the coalition carries out
    partners: list[Participation] = field(default_factory=list)


@dataclass
class Event:
    name: str
    date: str | None = None
    organisers: list[str] = field(default_factory=list)
    evidence: Evidence | None = None
    # which rule made the fact (`<extractor>.<kind>`, set by the registry) and how far that kind of rule is
    # trusted (ingest/extract/registry.py); written as prov:wasGeneratedBy and edukg:confidence
    rule: str = ""
    confidence: float | None = None


@dataclass
class AwardConferral:
    award: str
    recipient: str | None  # organisation key or person name; None: the text names the award as given, not to whom
    recipient_kind: str = "person"  # person | organisation
    by: str | None = None  # organisation key
    date: str | None = None
    evidence: Evidence | None = None
    # which rule made the fact (`<extractor>.<kind>`, set by the registry) and how far that kind of rule is
    # trusted (ingest/extract/registry.py); written as prov:wasGeneratedBy and edukg:confidence
    rule: str = ""
    confidence: float | None = None


@dataclass
class Extraction:
    """Everything found in one document, ready for to_rdf."""

    document: Document
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: list[Person] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    coalitions: list[Coalition] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    awards: list[AwardConferral] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
