"""The implementers (or authorities) of a register resolved into bodies: one per organisation, its spellings as
variants, its units as bodies of their own under it.

Steps: each cell is read as a body and its units (names.py); cells whose bodies have one comparison key and
compatible legal forms are one body; names of one known actor of the gazetteer are one body; names alike enough
within a block are judged by matching.py's rule, which merges only slips of the hand. An overrides file (CSV: a, b,
decision = same | different | unit-of) that the user edits wins over all of it; the review file lists the merges
not made, with their evidence, in the same columns, so that a reviewed file can be given back as overrides.
"""
from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from edukg.core.errors import InputError

from ..resolve import gazetteer, settle_type, slugify
from . import matching
from ..text import fold
from .names import ACRONYM, Reading, clean, display, read
from .words import body_type, comparison_key, dictionary_word, head_type

DECISIONS = ("same", "different", "unit-of")
REVIEW_COLUMNS = ("a", "b", "decision", "score", "evidence_for", "evidence_against")


@dataclass
class Body:
    key: str  # canonical name key; becomes Organisation.key (IRI slug), as ingest/resolve.py makes it
    name: str  # preferred label (the best-written variant)
    variants: set[str]  # every raw register string resolved to this body (cleaned of whitespace noise)
    parent: str | None  # key of the body this is a unit of (org:subOrganizationOf), else None
    type: str  # organisation type code


@dataclass
class ReviewItem:
    """Two names that may be one body, not merged: the user decides (same, different, unit-of)."""

    a: str
    b: str
    score: float
    evidence_for: str
    evidence_against: str


@dataclass
class Overrides:
    """Decisions of the user on pairs of register strings (cleaned), honoured over every rule."""

    same: list[tuple[str, str]] = field(default_factory=list)
    different: list[tuple[str, str]] = field(default_factory=list)
    unit_of: list[tuple[str, str]] = field(default_factory=list)  # (unit, parent)


@dataclass
class BodyResolution:
    bodies: dict[str, Body]  # by key (units and parents are both bodies)
    of: dict[str, str]  # raw string (exactly as in the CSV cell) → body key
    review: list[ReviewItem]  # uncertain merges NOT made, with evidence for and against
    merges: int  # merges made (variants folded into another string's body)
    comparisons: int = 0  # string comparisons the blocks cost (a full comparison of all pairs is n(n-1)/2)


def resolve_bodies(names: Iterable[str], *, overrides: Overrides | None = None) -> BodyResolution:
    """Resolve register strings (one per cell; repeats count as evidence of the best spelling) into bodies."""
    try:
        return _resolve(names, overrides)
    finally:
        comparison_key.cache_clear()  # a key per cell and per part of one: not worth holding through the load


def _resolve(names: Iterable[str], overrides: Overrides | None) -> BodyResolution:
    counts = Counter(n for n in names if n and n.strip())
    overrides = overrides or Overrides()
    alone = frozenset(comparison_key(n.strip())[0] for n in counts)
    readings = {raw: read(raw, alone) for raw in counts}
    # a body named before a separator ("Xyz-kuntayhtymä / Abc") or beside an acronym is a body by itself too,
    # where another cell glues a unit or a brand to it with one space
    parents = frozenset(comparison_key(r.chain[0])[0] for r in readings.values())
    # acronyms as written beside a name in lower case: in a cell all in capitals any short word looks like one
    acronyms = frozenset(fold(a) for r in readings.values() if any(c.islower() for c in r.clean)
                         for a in r.aliases if ACRONYM.match(a) and not dictionary_word(fold(a)))
    if parents - alone or acronyms:
        alone |= parents
        readings = {raw: read(raw, alone, acronyms) for raw in counts}
    roots: Counter = Counter()  # body names (the first of each chain) → rows
    for raw, r in readings.items():
        roots[r.chain[0]] += counts[raw]
    clusters = matching.Clusters(sorted(roots))
    # overrides name cells as the user copied them: compared without whitespace noise, like the cells
    by_clean = {r.clean: r.chain[0] for r in readings.values()}
    by_clean.update({root: root for root in roots})
    for a, b in overrides.different:
        a, b = display(clean(a)), display(clean(b))
        if a in by_clean and b in by_clean:
            clusters.keep_apart(by_clean[a], by_clean[b])
    for a, b in overrides.same:
        a, b = display(clean(a)), display(clean(b))
        if a in by_clean and b in by_clean:
            clusters.union(by_clean[a], by_clean[b])
    review: dict[tuple[str, str], ReviewItem] = {}
    keys = {root: comparison_key(root) for root in roots}
    _same_key(clusters, keys, review)
    _same_known_actor(clusters, roots)
    comparisons = _alike(clusters, keys, review)
    bodies, of, same_slug = _bodies(clusters, roots, readings)
    by_variant = {v: b.key for b in bodies.values() for v in b.variants}
    for unit, parent in overrides.unit_of:
        u = of.get(unit) or by_variant.get(display(clean(unit)))
        p = of.get(parent) or by_variant.get(display(clean(parent)))
        if u is not None and p is not None and u != p:
            bodies[u].parent = p
    for x, y in same_slug:
        review.setdefault((x, y), ReviewItem(x, y, 100.0, "their names give one IRI slug",
                                             "no rule found them to be one body"))
    items = [i for (x, y), i in sorted(review.items()) if clusters.find(x) != clusters.find(y)]
    merges = sum(max(0, len(b.variants) - 1) for b in bodies.values())
    return BodyResolution(bodies, of, items, merges, comparisons)


def _same_key(clusters: matching.Clusters, keys: dict[str, tuple[str, str | None]],
              review: dict[tuple[str, str], ReviewItem]) -> None:
    """Names with one comparison key are one body, unless their legal forms disagree ("… Oy" and "… ry"); a name
    without a legal form then joins neither. Keys are compared by their letters and digits alone: spaces and
    hyphens are where hand-typed names differ most and tell bodies apart least."""
    by_key: dict[str, list[str]] = {}
    for root, (k, _) in sorted(keys.items()):
        by_key.setdefault(_letters(k), []).append(root)
    for k, group in by_key.items():
        forms = {keys[r][1] for r in group} - {None}
        by_form: dict[str | None, list[str]] = {}
        for r in group:
            by_form.setdefault(keys[r][1] if len(forms) > 1 else None, []).append(r)
        for members in by_form.values():
            for r in members[1:]:
                clusters.union(members[0], r)
        if len(by_form) > 1:
            firsts = sorted(m[0] for m in by_form.values())
            for x, y in zip(firsts, firsts[1:]):
                review[(x, y)] = ReviewItem(x, y, 100.0, "one name but for the legal form",
                                            f"legal forms differ: {', '.join(sorted(f for f in by_form if f))}")


def _letters(key: str) -> str:
    return re.sub(r"[\W_]+", "", key)


def _same_known_actor(clusters: matching.Clusters, roots: Counter) -> None:
    """Names of one actor of the gazetteer (an official name in any language, or its acronym) are one body."""
    gz = gazetteer()
    by_actor: dict[str, list[str]] = {}
    for root in sorted(roots):
        known = gz.by_acronym.get(root) or gz.by_key.get(comparison_key(root)[0])
        if known is not None:
            by_actor.setdefault(known.id, []).append(root)
    for members in by_actor.values():
        for r in members[1:]:
            clusters.union(members[0], r)


def _alike(clusters: matching.Clusters, keys: dict[str, tuple[str, str | None]],
           review: dict[tuple[str, str], ReviewItem]) -> int:
    """Names alike within a block, judged by matching.judge; returns the comparisons made."""
    roots_of: dict[str, list[str]] = {}
    for root, (k, _) in sorted(keys.items()):
        if k:
            roots_of.setdefault(k, []).append(root)
    pairs, comparisons = matching.candidate_pairs(roots_of)
    counts = matching.word_counts(roots_of)
    for a, b in sorted(pairs):
        j = matching.judge(a, b, counts)
        if j is None:
            continue
        x, y = roots_of[a][0], roots_of[b][0]
        if j.merge and clusters.union(x, y):
            continue
        if not j.merge or clusters.find(x) != clusters.find(y):
            against = j.evidence_against or "an override keeps them apart"
            review[(x, y)] = ReviewItem(x, y, j.score, j.evidence_for, against)
    return comparisons


def _preferred(names: Iterable[str], rows: Counter) -> str:
    """The best-written name: not all in capitals, with no acronym in brackets, then the most used, then the
    fullest."""
    return max(names, key=lambda n: (not n.isupper(), "(" not in n, rows[n], len(n), n))


def _bodies(clusters: matching.Clusters, roots: Counter, readings: dict[str, Reading]
            ) -> tuple[dict[str, Body], dict[str, str], list[tuple[str, str]]]:
    """The bodies of the clusters and their units, every cell's body, and pairs of cluster names whose names
    give one slug (told apart by a number, and worth a look)."""
    gz = gazetteer()
    bodies: dict[str, Body] = {}
    body_of_root: dict[str, str] = {}
    same_slug: list[tuple[str, str]] = []
    for members in sorted(clusters.groups(), key=lambda m: _preferred(m, roots)):
        name = _preferred(members, roots)
        known = next((k for k in (gz.by_acronym.get(m) or gz.by_key.get(comparison_key(m)[0]) for m in members)
                      if k is not None), None)
        if known is not None:
            key = slugify(known.names.get("fi") or known.names.get("sv") or next(iter(known.names.values())))
            typ = known.type
        else:
            key = slugify(name)
            # spellings may name the head differently ("… ympäristökeskus", "… ELY-keskus"): the most telling wins
            typ = settle_type(key, {body_type(m, comparison_key(m)[1]) for m in members})
        if key in bodies:
            same_slug.append(tuple(sorted((bodies[key].name, name))))
        key = _free(key, bodies)
        bodies[key] = Body(key, name, set(), None, typ)
        for m in members:
            body_of_root[m] = key
    of: dict[str, str] = {}
    units: dict[tuple[str, str], str] = {}
    for raw, r in sorted(readings.items()):
        key = body_of_root[r.chain[0]]
        for unit in r.chain[1:]:
            parent = bodies[key]
            ident = (key, comparison_key(unit)[0])
            if ident not in units:
                name = f"{parent.name} {unit}"
                t = head_type(unit.split()[-1])
                units[ident] = _free(slugify(name), bodies)
                bodies[units[ident]] = Body(units[ident], name, set(), key, t or parent.type)
            key = units[ident]
        bodies[key].variants.add(r.clean)
        of[raw] = key
    return bodies, of, same_slug


def _free(key: str, bodies: dict[str, Body]) -> str:
    """A key no other body has: two bodies whose names give one slug are told apart by a number."""
    if key not in bodies:
        return key
    n = 2
    while f"{key}-{n}" in bodies:
        n += 1
    return f"{key}-{n}"


def read_overrides(path: str | Path) -> Overrides:
    """The user's decisions: a CSV with columns a, b, decision (same, different or unit-of: a is a unit of b).
    Rows with an empty decision are skipped, so a review file filled in by hand can be read back as it is."""
    out = Overrides()
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            decision = (row.get("decision") or "").strip().lower()
            a, b = (row.get("a") or "").strip(), (row.get("b") or "").strip()
            if not decision or not a or not b:
                continue
            if decision not in DECISIONS:
                raise InputError(f"{path}: decision '{decision}' for {a!r} / {b!r} (expected one of {', '.join(DECISIONS)})")
            {"same": out.same, "different": out.different, "unit-of": out.unit_of}[decision].append((a, b))
    return out


def write_review(path: str | Path, resolution: BodyResolution) -> None:
    """The merges not made, with their evidence, as a CSV whose decision column the user fills in."""
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(REVIEW_COLUMNS)
        for item in resolution.review:
            w.writerow([item.a, item.b, "", f"{item.score:.1f}", item.evidence_for, item.evidence_against])
