"""Body resolution of register names: which raw strings name one body. PLACEHOLDER.

This file only keeps the agreed interface (issue 17) so that the register import runs: one body per
whitespace-normalised string, no units, no review. The resolution step proper (blocking, string similarity,
units, overrides) replaces it; the import reads nothing but `resolve_bodies`, `read_overrides` and
`write_review` and the dataclasses below.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from ..lexicon import lexicon
from ..resolve import slugify


@dataclass
class Body:
    key: str  # canonical name key; becomes Organisation.key (IRI slug)
    name: str  # preferred label
    variants: set[str] = field(default_factory=set)  # every raw string resolved to this body (whitespace cleaned)
    parent: str | None = None  # key of the body this is a unit of
    type: str = "other"  # organisation type code


@dataclass
class ReviewItem:
    a: str
    b: str
    evidence_for: str = ""
    evidence_against: str = ""


@dataclass
class Overrides:
    same: list[tuple[str, str]] = field(default_factory=list)
    different: list[tuple[str, str]] = field(default_factory=list)
    unit_of: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class BodyResolution:
    bodies: dict[str, Body] = field(default_factory=dict)  # by key
    of: dict[str, str] = field(default_factory=dict)  # raw string (exactly as in the CSV cell) → body key
    review: list[ReviewItem] = field(default_factory=list)
    merges: int = 0


def resolve_bodies(names: Iterable[str], *, overrides: Overrides | None = None) -> BodyResolution:
    """One body per whitespace-normalised string (the placeholder: no merges, no units)."""
    out = BodyResolution()
    for raw in names:
        if raw in out.of:
            continue
        name = " ".join(raw.split())
        if not name:
            continue
        key = slugify(name)
        body = out.bodies.get(key)
        if body is None:
            body = out.bodies[key] = Body(key, name, set(), None, _type(name, "fi"))
        body.variants.add(name)
        out.of[raw] = key
    return out


def _type(name: str, lang: str) -> str:
    lex = lexicon(lang)
    words = name.lower().replace("-", " ").split()
    if words and words[-1].rstrip(".") in {k.lower() for k in lex.legal_forms}:
        return lex.legal_forms[next(k for k in lex.legal_forms if k.lower() == words[-1].rstrip("."))]
    for word in reversed(words):
        for head, typ in lex.heads:
            if word.endswith(head.lower()):
                return typ
    return "other"


def read_overrides(path: str | Path) -> Overrides:
    """Decisions the user wrote: rows `decision,a,b` with decision same, different or unit-of."""
    out = Overrides()
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) >= 3 and row[0] in ("same", "different", "unit-of"):
                getattr(out, row[0].replace("-", "_")).append((row[1], row[2]))
    return out


def write_review(path: str | Path, resolution: BodyResolution) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["a", "b", "evidence_for", "evidence_against"])
        for item in resolution.review:
            w.writerow([item.a, item.b, item.evidence_for, item.evidence_against])
