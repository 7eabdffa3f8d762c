"""How a register writes one implementer: the cell read as a body, its units, its legal form and a comparison key.

Register cells are typed by hand into forms: the same body comes in other cases and spacings, with or without its
legal form, with an acronym in brackets, with a sub-unit after two spaces or a slash ("Xyz-yliopisto  Abc-laitos")
or glued to it. In these files commas were replaced by a space, so two spaces also stand inside one name
("elinkeino-  liikenne- ja ympäristökeskus"): a cut is made only where the part before it looks like an
organisation by itself. What counts as a head word, a legal form or a genitive is lexicon data (words.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import LANGS, given_names
from ..extract.names import ACRONYM
from ..text import UPPER, fold, is_known, lemma
from .words import (BRACKETS, comparison_key, form_head, head_type, heads, inflected, legal_form, legal_forms,
                    only_legal, word_forms)

_SEPARATOR = re.compile(r"\s*/\s*|\s{2,}")
_ACRONYM_FIRST = re.compile(r"^([" + UPPER + r"][" + UPPER + r"0-9&-]{1,7})\s*\(([^()]{8,})\)(.*)$")


@dataclass(frozen=True)
class Reading:
    """One register cell read as a chain of names: the body, then its units (outermost first)."""

    clean: str  # the cell without whitespace noise
    chain: tuple[str, ...]  # display forms, each one cleaned
    aliases: tuple[str, ...] = ()  # acronyms and brand names written beside the body's name


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


def looks_like_body(text: str, alone: frozenset[str] | set[str]) -> bool:
    """A part of a cell that names a body by itself: it ends in an organisation head word or a legal form, or it is
    written alone as a whole cell elsewhere in the register (and is more than one word)."""
    if only_legal(text):
        return False
    words = fold(BRACKETS.sub(" ", text)).split()
    if not words or words[-1].endswith("-"):
        return False
    if any(tuple(words[-n:]) in legal_forms() for n in (1, 2, 3) if len(words) > n):
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
    if ACRONYM.match(w):
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
    starts = {h for h, _ in heads() if len(h) >= 8} | {f[0] for f in legal_forms() if len(f) == 1}
    return re.compile("^(" + "|".join(sorted(map(re.escape, starts), key=len, reverse=True)) + ")")


@lru_cache(maxsize=100_000)
def _glued_at(low: str) -> int:
    """Where a head word or a legal form ends inside a word that goes on as no head word (0: nowhere)."""
    m = _glue_starts().match(low)
    if m is None or head_type(low) is not None:
        return 0
    start = m.group(1)
    if start in {h for h, _ in heads()}:
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
    aliases = [a.strip() for a in BRACKETS.findall(text) if a.strip()]
    parts = [p for p in _SEPARATOR.split(text) if p.strip()]
    seps = _SEPARATOR.findall(text)
    chain: list[str] = []
    current = parts[0] if parts else cell
    for sep, part in zip(seps, parts[1:]):
        if looks_like_body(current, alone) and not only_legal(part):
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
    return bool(words) and form_head(words[-1]) is None and any(
        form_head(f) is not None and inflected(words[-1], f) for f in word_forms(words[-1]))


def _brand(word: str) -> bool:
    """One capitalised word with no head word after a body's name: a brand of the body ("<body> Xyz"), not a
    unit, whose names are common nouns ("<city> youth services" written in lower case)."""
    return len(word.split()) == 1 and word[:1].isupper() and head_type(word, units=True) is None


def _parallel_name(name: str, aliases: list[str]) -> str:
    """Two names of one body, each with its legal form ("<Finnish name> Oy <Swedish name> Ab"): the first is the
    name, the second an alias."""
    words = name.split()
    for i in range(2, len(words) - 1):
        if legal_form([fold(words[i])])[1] is None and tuple(fold(words[i]).split()) not in legal_forms():
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
    while last > 0 and tuple(fold(words[last]).split()) in legal_forms():
        last -= 1  # "<name> ABC Oy": the acronym stands before the legal form
    for i in (0, last):
        w = words[i].strip("-")
        if (mixed and ACRONYM.match(w) or fold(w) in acronyms) and fold(w) in core:
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
            if not only_legal(rest) and not any(tuple(fold(rest).split()[-n:]) in legal_forms() for n in (1, 2, 3)):
                return left, rest
    return None
