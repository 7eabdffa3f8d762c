"""How a register writes one implementer: the cell read as a body, its units, its legal form and a comparison key.

Register cells are typed by hand into forms: the same body comes in other cases and spacings, with or without its
legal form, with an acronym in brackets, with a sub-unit after two spaces or a slash ("Xyz-yliopisto  Abc-laitos")
or glued to it. In these files commas were replaced by a space, so two spaces also stand inside one name
("elinkeino-  liikenne- ja ympäristökeskus"): a cut is made only where the part before it looks like an
organisation by itself. What counts as a head word, a legal form or a genitive is lexicon data.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import LANGS, given_names, lexicon
from ..resolve import name_key
from ..text import fold, is_known, lemma

_SEPARATOR = re.compile(r"\s*/\s*|\s{2,}")
_BRACKETS = re.compile(r"\(([^()]*)\)")
_ACRONYM = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ0-9&-]{1,7}$")
_ACRONYM_FIRST = re.compile(r"^([A-ZÅÄÖ][A-ZÅÄÖ0-9&-]{1,7})\s*\(([^()]{8,})\)(.*)$")


@dataclass(frozen=True)
class Reading:
    """One register cell read as a chain of names: the body, then its units (outermost first)."""

    clean: str  # the cell without whitespace noise
    chain: tuple[str, ...]  # display forms, each one cleaned
    aliases: tuple[str, ...] = ()  # acronyms and brand names written beside the body's name


@cache
def _legal_forms() -> dict[tuple[str, ...], str]:
    """Folded word sequences of legal forms (every language's) → organisation type."""
    out: dict[tuple[str, ...], str] = {}
    for lang in LANGS:
        lex = lexicon(lang)
        forms = {**lex.legal_forms, **lex.section("organisation").get("business_forms", {})}
        for form, typ in forms.items():
            out[tuple(fold(form).split())] = typ
    return out


@cache
def _heads() -> tuple[tuple[str, str], ...]:
    """Organisation head words of every language, longest first, with their type."""
    heads: dict[str, str] = {}
    for lang in LANGS:
        for h, t in lexicon(lang).heads:
            heads.setdefault(h, t)
    return tuple(sorted(heads.items(), key=lambda kv: -len(kv[0])))


@cache
def _unit_heads() -> frozenset[str]:
    return frozenset(h for lang in LANGS for h in lexicon(lang).section("organisation").get("unit_heads", ()))


@cache
def _whole_word_heads() -> frozenset[str]:
    return frozenset(h for lang in LANGS for h in lexicon(lang).section("organisation").get("whole_word_heads", ()))


@lru_cache(maxsize=100_000)
def _word_forms(word: str) -> tuple[str, ...]:
    """The word folded, its last compound part, and its base forms in languages whose names inflect (a genitive
    "yliopiston" reads as "yliopisto")."""
    low = fold(word)
    forms = {low}
    if "-" in low.strip("-"):
        forms.add(low.rsplit("-", 1)[1])
    for lang in LANGS:
        if lexicon(lang).names_inflect:
            for f in list(forms):
                lem = lemma(f, lang).lower()
                if lem[:3] == f[:3]:
                    forms.add(lem)
    return tuple(sorted(forms))


@lru_cache(maxsize=100_000)
def head_type(word: str, units: bool = False) -> str | None:
    """The organisation type a word gives as a name's head, "unit" for a unit head when `units`, else None."""
    if word.endswith("-"):
        return None  # an elided compound part ("elinkeino-")
    for form in _word_forms(word):
        t = _form_head(form, units)
        if t is not None:
            return t
    return None


@lru_cache(maxsize=100_000)
def _form_head(form: str, units: bool = False) -> str | None:
    """The type of a head word written as this very form (no base form sought)."""
    whole = _whole_word_heads()
    for h, t in _heads():
        if form == h or (form.endswith(h) and h not in whole and len(form) > len(h)):
            return t
    if units and any(form == u or form.endswith(u) for u in _unit_heads()):
        return "unit"
    return None


@cache
def _genitive_suffixes() -> tuple[str, ...]:
    # only where names inflect: a Swedish genitive -s would make "Xyz" and "Xyzs" one word in Finnish names
    return tuple(sorted({g for lang in LANGS if lexicon(lang).names_inflect for g in lexicon(lang).genitive_suffixes}))


def same_but_genitive(a: str, b: str) -> bool:
    """One folded word written once in the genitive and once not ("Xyzn" / "Xyz")."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and any(long_ == short + g for g in _genitive_suffixes())


@lru_cache(maxsize=100_000)
def dictionary_word(word: str) -> bool:
    """Whether the lemmatiser's dictionary of any language knows the word, or it is an organisation head word of
    the lexicon (each part of a hyphenated word)."""
    return all(any(is_known(p, lang) for lang in LANGS) or head_type(p) is not None for p in word.split("-") if p)


def legal_form(words: list[str]) -> tuple[list[str], str | None]:
    """The words without the legal forms written before or after the name, and the type those forms give
    (the last one found); words are folded."""
    typ = None
    forms = _legal_forms()
    lengths = sorted({len(f) for f in forms}, reverse=True)
    changed = True
    while changed and words:
        changed = False
        for n in lengths:
            if len(words) > n and tuple(words[-n:]) in forms:
                words, typ, changed = words[:-n], forms[tuple(words[-n:])], True
            elif len(words) > n and tuple(words[:n]) in forms:
                words, typ, changed = words[n:], forms[tuple(words[:n])], True
    return words, typ


def _only_legal(text: str) -> bool:
    words = fold(text).split()
    return not words or tuple(words) in _legal_forms() or not any(c.isalpha() for c in text)


def clean(raw: str) -> str:
    """The cell without whitespace noise at its ends and with a name typed twice in a row written once."""
    s = raw.strip()
    half = len(s) // 2
    if len(s) % 2 == 0 and half >= 4 and s[:half].casefold() == s[half:].casefold():
        s = s[:half]
    return s


def display(text: str) -> str:
    """A name as shown: one space between words, no space before a closing bracket."""
    return re.sub(r"\s+", " ", text).strip(" /")


@lru_cache(maxsize=200_000)
def comparison_key(name: str) -> tuple[str, str | None]:
    """(key, legal type): the name folded and without brackets and legal forms, abbreviations written out as
    ingest/resolve.py's name_key does, and a head in the genitive in its base form."""
    # a dash written apart ("X - Y", "X -kuntayhtymä") is punctuation or a compound written apart
    text = re.sub(r"\s+-(?=\w)", "-", re.sub(r"\s+-+\s+", " ", _BRACKETS.sub(" ", name)))
    words = fold(text).split()
    words, typ = legal_form(words)
    if words and _form_head(words[-1]) is None:
        base = [f for f in _word_forms(words[-1]) if _form_head(f) is not None and _inflected(words[-1], f)]
        if base:
            words[-1] = max(base, key=len)
    return name_key(" ".join(words)), typ


def _inflected(word: str, base: str) -> bool:
    """Whether `word` can be `base` with a case ending ("yliopiston", "kaupungin"), not a longer compound that the
    lemmatiser cut short ("yliopistoseura")."""
    if word == base or len(word) - len(base) > 3:
        return False
    common = len(next(iter(p for p in (word[:i] for i in range(len(base), 0, -1)) if base.startswith(p)), ""))
    return common >= len(base) - 2


def looks_like_body(text: str, alone: frozenset[str] | set[str]) -> bool:
    """A part of a cell that names a body by itself: it ends in an organisation head word or a legal form, or it is
    written alone as a whole cell elsewhere in the register (and is more than one word)."""
    if _only_legal(text):
        return False
    words = fold(_BRACKETS.sub(" ", text)).split()
    if not words or words[-1].endswith("-"):
        return False
    if any(tuple(words[-n:]) in _legal_forms() for n in (1, 2, 3) if len(words) > n):
        return True  # a legal form closes the name (one before it, "Tmi Xyz", opens a person's trade name)
    core, _ = legal_form(list(words))
    if head_type(core[-1], units=True) is not None:
        return True
    # a person's name ("<given name> <surname>") written alone is a person, not a body with units
    return len(core) >= 2 and core[0] not in _given_names() and comparison_key(text)[0] in alone


@cache
def _given_names() -> frozenset[str]:
    return frozenset(n.casefold() for n in given_names())


def _reversed(left: str, right: str) -> bool:
    """"<unit> / <body>": the part before the separator ends in a unit head only, the part after in the head
    of a body of a known kind."""
    lw, rw = fold(left).split(), fold(right).split()
    if not lw or not rw or head_type(lw[-1]) is not None or head_type(lw[-1], units=True) != "unit":
        return False
    return head_type(rw[-1]) not in (None, "other")


def _place_or_brand(text: str) -> bool:
    """One word after a separator that names where the body works or its brand, not a unit: an acronym, or a
    proper noun the dictionary knows ("… Oy / <municipality>")."""
    words = text.split()
    if len(words) != 1 or head_type(words[0], units=True) is not None:
        return False
    w = words[0].strip("()")
    if _ACRONYM.match(w):
        return True
    return any(is_known(w.lower(), lang) and lemma(w.lower(), lang)[:1].isupper() for lang in LANGS)


def _unglue(cell: str) -> str:
    """A unit run into an upper-case name ("… YLIOPISTOLAITOS"-like copies of a form whose line break was lost):
    a long head word or a legal form at the start of a word that goes on as no head word is cut off."""
    letters = [c for c in cell if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return cell
    out = []
    for i, w in enumerate(cell.split(" ")):
        cut = _glued_at(w.lower()) if i else 0  # the body's name comes before what is glued to it
        out.append(w[:cut] + "  " + w[cut:] if cut else w)
    return " ".join(out)


@cache
def _glue_starts() -> re.Pattern:
    """Long head words and one-word legal forms that may begin a word glued to the next."""
    starts = {h for h, _ in _heads() if len(h) >= 8} | {f[0] for f in _legal_forms() if len(f) == 1}
    return re.compile("^(" + "|".join(sorted(map(re.escape, starts), key=len, reverse=True)) + ")")


@lru_cache(maxsize=100_000)
def _glued_at(low: str) -> int:
    """Where a head word or a legal form ends inside a word that goes on as no head word (0: nowhere)."""
    m = _glue_starts().match(low)
    if m is None or head_type(low) is not None:
        return 0
    start = m.group(1)
    if start in {h for h, _ in _heads()}:
        return len(start) if len(low) - len(start) >= 4 else 0
    # a legal form at the start of a word that the dictionary does not know ("OY" + a unit's name)
    if len(low) - len(start) >= 5 and not any(is_known(low, lang) for lang in LANGS):
        return len(start)
    return 0


def read(raw: str, alone: frozenset[str] | set[str], acronyms: frozenset[str] = frozenset()) -> Reading:
    """A cell as body and units. `alone`: the comparison keys of every cell of the register, so that a part that
    is written alone elsewhere counts as a body; `acronyms`: words (folded) that other cells write as acronyms
    beside a name, so that they are told apart from the name in a cell all in capitals too."""
    cell = clean(raw)
    text = _unglue(cell)
    m = _ACRONYM_FIRST.match(text)
    if m:  # "ABC (Xyz tutkimuskeskus)": the name is in the brackets
        text = f"{m.group(2)} ({m.group(1)}){m.group(3)}"
    aliases = [a.strip() for a in _BRACKETS.findall(text) if a.strip()]
    parts = [p for p in _SEPARATOR.split(text) if p.strip()]
    seps = _SEPARATOR.findall(text)
    chain: list[str] = []
    current = parts[0] if parts else cell
    for sep, part in zip(seps, parts[1:]):
        if looks_like_body(current, alone) and not _only_legal(part):
            if "/" in sep or not chain:
                if _place_or_brand(part):
                    aliases.append(part.strip())
                    continue
            if not chain and _reversed(current, part):
                chain.append(part)  # "<unit> / <body>": the body first
                continue
            chain.append(current)
            current = part
        else:
            current = current + " " + part
    chain.append(current)
    root, *units = chain
    root = _acronym_aside(_parallel_name(root, aliases), aliases, acronyms)
    # units glued with one space, the innermost found first: "<body> <brand> <unit>" is read as the body
    # "<body> <brand>" (written alone elsewhere) and the unit, then "<body> <brand>" again
    for _ in range(len(root.split())):
        glued = _glued_unit(root, alone)
        if glued is None:
            break
        root, unit = glued
        # after a genitive ("<body>n Xyz") the word is something the body owns, not another name of it
        if (_place_or_brand(unit) or _brand(unit)) and not _genitive(root):
            aliases.append(unit)
        else:
            units.insert(0, unit)
    chain = [root, *units]
    return Reading(display(cell), tuple(display(c) for c in chain), tuple(dict.fromkeys(aliases)))


def _genitive(name: str) -> bool:
    words = fold(name).split()
    return bool(words) and _form_head(words[-1]) is None and any(
        _form_head(f) is not None and _inflected(words[-1], f) for f in _word_forms(words[-1]))


def _brand(word: str) -> bool:
    """One capitalised word with no head word after a body's name: a brand of the body ("<body> Xyz"), not a
    unit, whose names are common nouns ("<city> youth services" written in lower case)."""
    return len(word.split()) == 1 and word[:1].isupper() and head_type(word, units=True) is None


def _parallel_name(name: str, aliases: list[str]) -> str:
    """Two names of one body, each with its legal form ("<Finnish name> Oy <Swedish name> Ab"): the first is the
    name, the second an alias."""
    words = name.split()
    for i in range(2, len(words) - 1):
        if legal_form([fold(words[i])])[1] is None and tuple(fold(words[i]).split()) not in _legal_forms():
            continue
        left, right = words[:i], words[i + 1:]
        if head_type(left[-1]) is not None and legal_form([fold(w) for w in right])[1] is not None:
            aliases.append(" ".join(right))
            return " ".join(words[:i + 1])
    return name


def _acronym_aside(name: str, aliases: list[str], acronyms: frozenset[str] = frozenset()) -> str:
    """An acronym written before or after a name in lower case ("ABC Xyz-yliopisto", "Xyz keskus ABC") is another
    name of the body, not a word of its name; in a name all in capitals only a word that other cells write as an
    acronym can be told to be one."""
    mixed = any(c.islower() for c in name)
    words = name.split()
    core, _ = legal_form([fold(w) for w in words])
    if len(core) < 3:
        return name
    last = len(words) - 1
    while last > 0 and tuple(fold(words[last]).split()) in _legal_forms():
        last -= 1  # "<name> ABC Oy": the acronym stands before the legal form
    for i in (0, last):
        w = words[i].strip("-")
        if (mixed and _ACRONYM.match(w) or fold(w) in acronyms) and fold(w) in core:
            aliases.append(w)
            return " ".join(words[:i] + words[i + 1:])
    return name


def _glued_unit(name: str, alone: frozenset[str] | set[str]) -> tuple[str, str] | None:
    """A body written alone elsewhere and a unit after it with one space ("Xyz-yliopisto Abc-laitos"): the
    longest leading part that names a body by itself and is a whole cell of its own elsewhere."""
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        left = " ".join(words[:i])
        if not looks_like_body(left, alone):
            continue
        if comparison_key(left)[0] in alone and comparison_key(left)[0] != comparison_key(name)[0]:
            rest = " ".join(words[i:])
            # what ends in a legal form is a company's whole name ("Xyz Abc Oy" beside "Xyz Oy"), no unit
            if not _only_legal(rest) and not any(tuple(fold(rest).split()[-n:]) in _legal_forms() for n in (1, 2, 3)):
                return left, rest
    return None


def body_type(name: str, legal: str | None) -> str:
    """The organisation type of a name: its head word's, else its legal form's, else "other"."""
    words = fold(_BRACKETS.sub(" ", name)).split()
    words, typ = legal_form(words)
    for w in reversed(words[-1:]):
        t = head_type(w)
        if t is not None:
            return t
    return legal or typ or "other"
