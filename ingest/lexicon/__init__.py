"""Language knowledge as data: per-language tables (fi.toml, sv.toml, en.toml), a gazetteer of known
education actors (actors.toml), given names and job titles. Loaded once, read-only."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

LANGS = ("fi", "sv", "en")


def _read(name: str) -> bytes:
    return resources.files(__name__).joinpath(name).read_bytes()


@dataclass(frozen=True)
class Lexicon:
    lang: str
    data: dict
    boilerplate_lines: tuple[re.Pattern, ...] = ()
    boilerplate_tail: tuple[re.Pattern, ...] = ()
    heads: tuple[tuple[str, str], ...] = ()  # (head, type), longest first
    prefix_heads: tuple[tuple[str, str], ...] = ()
    legal_forms: dict = field(default_factory=dict)
    # [morphology] and [syntax]: what the language's grammar tells the extractors (see the toml files for why)
    closed_compounds: bool = False
    title_case_names: bool = False
    names_inflect: bool = False
    name_head_form: str = "drop_possessive"
    genitive_suffixes: tuple[str, ...] = ()
    genitive_modifier_min_length: int = 0
    definite_endings: tuple[str, ...] = ()
    unambiguous_definite_endings: tuple[str, ...] = ()
    definite_suffixes: tuple[str, ...] = ()
    nominative_plural_suffixes: tuple[str, ...] = ()
    adjective_lemma_endings: tuple[str, ...] = ()
    adjective_endings: tuple[str, ...] = ()
    agreeing_adjective_endings: tuple[str, ...] = ()
    verb_lemma: re.Pattern | None = None
    infinitive: re.Pattern | None = None
    finite_ending: re.Pattern | None = None
    domain_prepositions: tuple[str, ...] = ()
    domain_stop_words: frozenset[str] = frozenset()
    common_words: frozenset[str] = frozenset()  # function words that tell the language apart (language.py)

    def section(self, name: str) -> dict:
        return self.data.get(name, {})

    def words(self, section: str, key: str) -> tuple[str, ...]:
        return tuple(self.data.get(section, {}).get(key, ()))

    def cue(self, name: str) -> tuple[str, ...]:
        return tuple(self.data.get("cues", {}).get(name, ()))


@cache
def lexicon(lang: str) -> Lexicon:
    if lang not in LANGS:
        lang = "en"
    data = tomllib.loads(_read(f"{lang}.toml").decode("utf-8"))
    org = data.get("organisation", {})
    bp = data.get("boilerplate", {})
    morph = data.get("morphology", {})
    syntax = data.get("syntax", {})
    return Lexicon(
        lang=lang,
        data=data,
        boilerplate_lines=tuple(re.compile(p, re.I) for p in bp.get("lines", ())),
        boilerplate_tail=tuple(re.compile(p, re.I) for p in bp.get("tail", ())),
        # cooperation nouns that end a name ("… kasvatusallianssi") are head words of networks too
        heads=tuple(sorted({**org.get("heads", {}), **data.get("coalition", {}).get("heads", {})}.items(),
                           key=lambda kv: -len(kv[0]))),
        prefix_heads=tuple(sorted(org.get("prefix_heads", {}).items(), key=lambda kv: -len(kv[0]))),
        legal_forms=dict(org.get("legal_forms", {})),
        closed_compounds=bool(morph.get("closed_compounds", False)),
        title_case_names=bool(syntax.get("title_case_names", False)),
        names_inflect=bool(morph.get("names_inflect", False)),
        name_head_form=str(morph.get("name_head_form", "drop_possessive")),
        genitive_suffixes=tuple(morph.get("genitive_suffixes", ())),
        genitive_modifier_min_length=int(morph.get("genitive_modifier_min_length", 0)),
        definite_endings=tuple(morph.get("definite_endings", ())),
        unambiguous_definite_endings=tuple(morph.get("unambiguous_definite_endings", ())),
        definite_suffixes=tuple(morph.get("definite_suffixes", ())),
        nominative_plural_suffixes=tuple(morph.get("nominative_plural_suffixes", ())),
        adjective_lemma_endings=tuple(morph.get("adjective_lemma_endings", ())),
        adjective_endings=tuple(morph.get("adjective_endings", ())),
        agreeing_adjective_endings=tuple(morph.get("agreeing_adjective_endings", ())),
        verb_lemma=_pattern(morph.get("verb_lemma")),
        infinitive=_pattern(morph.get("infinitive")),
        finite_ending=_pattern(morph.get("finite_ending")),
        domain_prepositions=tuple(syntax.get("domain_prepositions", ())),
        domain_stop_words=frozenset(syntax.get("domain_stop_words", ())),
        common_words=frozenset(data.get("language", {}).get("common_words", ())),
    )


def _pattern(regex: str | None) -> re.Pattern | None:
    """A word-final pattern of the toml (matched case-sensitively, on lower-case words)."""
    return re.compile(regex) if regex else None


def every_language(section: str, key: str) -> frozenset[str]:
    """The words of `section`.`key` in every lexicon: a page quotes other languages' phrases and names."""
    return frozenset(w for lang in LANGS for w in lexicon(lang).words(section, key))


def supported(lang: str) -> bool:
    """Whether edukg extracts from text in `lang` (a lexicon file exists for it)."""
    return lang in LANGS


@dataclass(frozen=True)
class OtherLanguage:
    code: str
    name: str
    words: frozenset[str]


@cache
def other_languages() -> tuple[OtherLanguage, ...]:
    """Languages recognised only to be refused (other_languages.toml): their names and distinctive function words."""
    data = tomllib.loads(_read("other_languages.toml").decode("utf-8"))
    return tuple(OtherLanguage(code, str(t["name"]), frozenset(t["words"])) for code, t in data.items())


@cache
def given_names() -> frozenset[str]:
    try:
        text = _read("given_names.txt").decode("utf-8")
    except FileNotFoundError:
        return frozenset()
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def world_names() -> frozenset[str]:
    """Given names of many countries, from gender-guesser's name dictionary (Jörg Michael's nam_dict),
    a wider net than given_names.txt; callers filter out common words of the text's language."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:
        return frozenset()
    return frozenset(n for n in Detector(case_sensitive=True).names if n[:1].isupper())


@cache
def titles(lang: str) -> dict[str, str]:
    """Job titles of one language (lower case, base form) → role category."""
    try:
        data = tomllib.loads(_read("titles.toml").decode("utf-8"))
    except FileNotFoundError:
        return {}
    return dict(data.get(lang, {}))


@cache
def actors() -> tuple[dict, ...]:
    """The gazetteer of known actors (see actors.toml)."""
    try:
        data = tomllib.loads(_read("actors.toml").decode("utf-8"))
    except FileNotFoundError:
        return ()
    return tuple(data.get("actor", ()))
