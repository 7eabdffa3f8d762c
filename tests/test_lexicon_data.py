"""Validity of the lexicon data files: the actor gazetteer, given names and job titles."""
from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

LEX = Path(__file__).parents[1] / "ingest" / "lexicon"

ACTOR_TYPES = {
    "ministry", "agency", "municipality", "region", "school", "vocational_institution",
    "university", "research_institute", "ngo", "company", "network", "other",
}
COUNTRIES = {"FI", "SE", "EU"}
ROLE_CATEGORIES = {
    "minister", "director", "manager", "coordinator", "expert", "official", "researcher",
    "professor", "lecturer", "teacher", "principal", "chair", "board", "communications",
    "secretary", "student", "other",
}
# Acronyms deliberately shared by two actors of one country (none at present: a shared
# acronym is dropped from both actors rather than guessed).
AMBIGUOUS_ACRONYMS: set[tuple[str, str]] = set()


@pytest.fixture(scope="module")
def actors() -> list[dict]:
    return tomllib.loads((LEX / "actors.toml").read_text("utf-8"))["actor"]


@pytest.fixture(scope="module")
def names() -> list[str]:
    lines = (LEX / "given_names.txt").read_text("utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]


@pytest.fixture(scope="module")
def titles() -> dict:
    return tomllib.loads((LEX / "titles.toml").read_text("utf-8"))


def test_actor_fields(actors):
    assert len(actors) > 300
    allowed = {"id", "type", "country", "fi", "sv", "en", "acronyms", "aliases"}
    for a in actors:
        assert set(a) <= allowed, a
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", a["id"]), a["id"]
        assert a["type"] in ACTOR_TYPES, a["id"]
        assert a["country"] in COUNTRIES, a["id"]
        assert any(a.get(k) for k in ("fi", "sv", "en")), a["id"]
        for k in ("fi", "sv", "en"):
            assert isinstance(a.get(k, ""), str) and a.get(k, "") == a.get(k, "").strip(), a["id"]
        for k in ("acronyms", "aliases"):
            vals = a.get(k, [])
            assert isinstance(vals, list) and all(isinstance(v, str) and v.strip() == v and v for v in vals), a["id"]
            assert len(vals) == len(set(vals)), a["id"]


def test_actor_ids_unique(actors):
    ids = [a["id"] for a in actors]
    dupes = {i for i in ids if ids.count(i) > 1}
    assert not dupes


def test_acronyms_unambiguous_within_country(actors):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in actors:
        for acr in a.get("acronyms", []):
            owners[(a["country"], acr.casefold())].add(a["id"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1 and k not in AMBIGUOUS_ACRONYMS}
    assert not clashes, clashes


def test_names_unambiguous_within_country(actors):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a in actors:
        for label in [a.get(k) for k in ("fi", "sv", "en")] + a.get("aliases", []):
            if label:
                owners[(a["country"], label.casefold())].add(a["id"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes


def test_given_names(names):
    assert len(names) >= 1000
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
    for n in names:
        assert " " not in n and "\t" not in n and "#" not in n, n
        assert all(part[:1].isupper() for part in n.split("-")), n


def test_titles(titles):
    assert set(titles) == {"fi", "sv", "en"}
    for lang, table in titles.items():
        assert len(table) >= 100, lang
        for title, cat in table.items():
            assert title == title.lower() == title.strip() and title, (lang, title)
            assert cat in ROLE_CATEGORIES, (lang, title, cat)
