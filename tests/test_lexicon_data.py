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


# --- Language knowledge is data: no extraction code asks which language it reads -------------------------------

SRC = Path(__file__).parents[1] / "ingest"
# A comparison of a language variable with a code ("lang == 'fi'", "ctx.lang != 'en'", "lang in ('fi', 'sv')"),
# or of a code with anything ("'sv' == lang").
_LANG_COMPARISON = re.compile(
    r"""\blang\s*(?:[!=]=|(?<!for lang )(?:not\s+)?in\b)\s*\(?\s*["'][a-z]{2}["']"""
    r"""|["'](?:fi|sv|en)["']\s*(?:[!=]=|(?:not\s+)?in\b)""")


def _extraction_sources() -> list[Path]:
    return sorted((SRC / "extract").glob("*.py")) + [SRC / "text.py"]


def test_language_comparison_pattern_catches_the_forms_it_forbids():
    for line in ('if lang == "fi":', "x = self.lang != 'en'", 'if ctx.lang not in ("fi", "sv"):',
                 'ok = lex.lang in ("sv",)', 'if "sv" == lang:'):
        assert _LANG_COMPARISON.search(line), line
    for line in ('for lang in ("fi", "sv", "en"):', 'lexicon("en")', 'toks[i].text in ("en", "ett", "a")',
                 "if lang not in SUPPORTED:"):
        assert not _LANG_COMPARISON.search(line), line


def test_no_extraction_module_compares_a_language_code():
    found = [f"{p.relative_to(SRC.parent)}:{n}: {line.strip()}"
             for p in _extraction_sources()
             for n, line in enumerate(p.read_text("utf-8").splitlines(), 1) if _LANG_COMPARISON.search(line)]
    assert not found, "language knowledge belongs in ingest/lexicon/<lang>.toml:\n" + "\n".join(found)


@pytest.fixture
def fourth_language(monkeypatch):
    """A language code the code has never heard of, whose lexicon file is English's data under another name."""
    from edukg.ingest import lexicon as lexmod
    from edukg.ingest import pipeline

    real_read = lexmod._read
    monkeypatch.setattr(lexmod, "_read", lambda name: real_read("en.toml" if name == "xx.toml" else name))
    monkeypatch.setattr(lexmod, "LANGS", lexmod.LANGS + ("xx",))
    monkeypatch.setattr(pipeline, "detect_language", lambda text: "xx")
    lexmod.lexicon.cache_clear()
    yield lexmod.lexicon("xx")
    lexmod.lexicon.cache_clear()


def test_a_new_language_needs_only_its_lexicon_file(fourth_language):
    from extraction import run

    assert fourth_language.lang == "xx" and fourth_language.title_case_names
    ex = run("Anna Virtanen, Project Manager at Northbay University, opened the conference.\n")
    assert ex.document.lang == "xx"
    assert "Northbay University" in {o.name for o in ex.organisations.values()}
    # a capitalised job title is read as one where the language writes titles in title case
    assert [(p.name, p.title) for p in ex.people] == [("Anna Virtanen", "project manager")]


def test_no_extraction_module_spells_one_alphabet_for_capitals():
    # "starts with a capital" is every script's capitals (text.UPPER), not the Nordic alphabet's: a Polish or
    # Icelandic partner's name must be read like a Finnish one
    nordic = re.compile(r"\[[^\]]*(?:A-Z|a-z)[^\]]*(?:ÅÄÖ|åäö)[^\]]*\]")
    found = [f"{p.relative_to(SRC.parent)}:{n}: {line.strip()}"
             for p in sorted(SRC.rglob("*.py"))
             for n, line in enumerate(p.read_text("utf-8").splitlines(), 1) if nordic.search(line)]
    assert not found, "use text.UPPER / text.LOWER:\n" + "\n".join(found)
