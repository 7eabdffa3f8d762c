"""The fact extractors, registered in the order the pipeline runs them, each with one signature, and the
provenance they leave on every fact: the rule that made it and a confidence.

An extractor reads the document's context and the facts of the extractors before it (coalitions skip the
names of projects) and returns its facts. A step whose own function has another signature is adapted by a
thin wrapper here; the steps themselves are unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from ..model import Extraction
from ..resolve import name_key
from .affiliations import build_people
from .award_aliases import merge_award_aliases
from .awards import extract_awards
from .coalition_projects import coalition_projects
from .coalitions import extract_coalitions
from .context import DocContext
from .events import extract_events
from .funded_coalitions import funded_coalitions
from .periods import give_shared_period
from .projects import extract_projects
from .shared_host import give_shared_host

# How far each kind of rule is trusted, a fixed value per kind (not learnt): a labelled field or a list under
# a heading states the relation in its structure, so the reading is rarely wrong; a quoted name after an event
# noun or a dated heading is marked by typography; a clause of grants ("X receives N for …") has a fixed shape
# around an amount; a cue word in a running sentence is the weakest, since the sentence may speak of something
# else. The order, not the exact figures, is what `--min-confidence` relies on.
CONFIDENCE = {
    "field": 0.9,
    "list": 0.85,
    "quoted": 0.8,
    "heading": 0.8,
    "funded_items": 0.75,
    "sentence": 0.7,
}
DEFAULT_KIND = "sentence"


@dataclass(frozen=True)
class Extractor:
    name: str
    run: Callable[[DocContext, Extraction], list]
    slot: str  # the Extraction field its facts go to
    kind: str = DEFAULT_KIND  # the rule kind of a fact the step does not label itself


def _people(ctx: DocContext, found: Extraction) -> list:
    return build_people(ctx)[0]


def _projects(ctx: DocContext, found: Extraction) -> list:
    projects = extract_projects(ctx)
    give_shared_period(ctx, projects)  # the period a release states once for all its grants
    give_shared_host(ctx, projects)  # and the body it says hosts them all
    return projects


def _coalitions(ctx: DocContext, found: Extraction) -> list:
    # a name the page gives a project is no coalition's name
    return extract_coalitions(ctx, {name_key(p.name) for p in found.projects})


def _funded_coalitions(ctx: DocContext, found: Extraction) -> list:
    added = funded_coalitions(ctx, found.coalitions, found.projects)
    if added:  # a coalition granted money is one of the grants the release dates once for all
        give_shared_period(ctx, found.projects + added)
    return found.projects + added


def _coalition_projects(ctx: DocContext, found: Extraction) -> list:
    coalition_projects(ctx, found.coalitions, found.projects)
    return found.projects


def _events(ctx: DocContext, found: Extraction) -> list:
    return extract_events(ctx)


def _awards(ctx: DocContext, found: Extraction) -> list:
    return merge_award_aliases(extract_awards(ctx))


EXTRACTORS: tuple[Extractor, ...] = (
    # the affiliations of people; named "people" as its warnings have always said
    Extractor("people", _people, "people"),
    Extractor("projects", _projects, "projects"),
    Extractor("coalitions", _coalitions, "coalitions"),
    # after the coalitions: a coalition granted money is a project too
    Extractor("funded_coalitions", _funded_coalitions, "projects"),
    # a project named for a coalition ("XYZ-hanke" beside "XYZ-verkosto") is carried out by its members
    Extractor("coalition_projects", _coalition_projects, "projects"),
    Extractor("events", _events, "events"),
    Extractor("awards", _awards, "awards"),
)


def names() -> list[str]:
    return [e.name for e in EXTRACTORS]


def facts(ex: Extraction, slot: str | None = None) -> Iterator:
    """Every fact of an extraction that carries a rule (of one slot, or all)."""
    if slot in (None, "people"):
        yield from ex.people
    if slot in (None, "projects"):
        for p in ex.projects:
            yield from p.participants
            yield from p.grants
    if slot in (None, "coalitions"):
        for c in ex.coalitions:
            yield from c.members
    if slot in (None, "events"):
        yield from ex.events
    if slot in (None, "awards"):
        yield from ex.awards


def stamp(ex: Extraction, extractor: Extractor) -> None:
    """Name the rule of each fact the extractor made: `<extractor>.<kind>`, the kind as the step labelled it
    (field, list, sentence, …) or the extractor's own; and give it that kind's confidence."""
    for f in facts(ex, extractor.slot):
        if "." in f.rule or f.rule == extractor.name:
            continue  # stamped already, by this extractor or by one before it in the same slot
        kind = f.rule or extractor.kind
        f.rule = f"{extractor.name}.{kind}"
        if f.confidence is None:
            f.confidence = CONFIDENCE.get(kind, CONFIDENCE[DEFAULT_KIND])


def check_disabled(disabled: Iterable[str]) -> frozenset[str]:
    out = frozenset(disabled)
    unknown = out - set(names())
    if unknown:
        raise ValueError(f"no extractor named {', '.join(sorted(unknown))} (known: {', '.join(names())})")
    return out


def drop_below(ex: Extraction, min_confidence: float) -> int:
    """Drop the facts less trusted than `min_confidence`; returns how many went. A person stays (the name was
    read) but loses an affiliation below it; a project or coalition stays with its stronger facts."""
    dropped = 0

    def weak(f) -> bool:
        return f.confidence is not None and f.confidence < min_confidence

    for p in ex.people:
        if p.organisation and weak(p):
            p.organisation = None
            dropped += 1
    for p in ex.projects:
        keep = [x for x in p.participants if not weak(x)]
        grants = [g for g in p.grants if not weak(g)]
        dropped += len(p.participants) - len(keep) + len(p.grants) - len(grants)
        p.participants, p.grants = keep, grants
    for c in ex.coalitions:
        keep = [x for x in c.members if not weak(x)]
        dropped += len(c.members) - len(keep)
        c.members = keep
    ex.coalitions = [c for c in ex.coalitions if c.members]  # as the extractor keeps only coalitions with members
    for name in ("events", "awards"):
        items = getattr(ex, name)
        keep = [x for x in items if not weak(x)]
        dropped += len(items) - len(keep)
        setattr(ex, name, keep)
    return dropped
