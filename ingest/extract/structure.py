"""The layout of a page: its title line, labelled fields ("Rahoittaja" / "Opetushallitus") and list blocks.

Project pages and register entries state their facts as fields and lists rather than sentences. A field is a
known label (the `fields` table of the language) followed by its value on the same line ("Hankkeen nimi:
Genera", "ProjektnamnGränslöst 2009") or on the lines below it; a list is a run of short lines or bullets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Iterator

from ..lexicon import lexicon
from ..text import BULLET_RE, LOWER, UPPER, Line, lemma, lines


@dataclass
class Field:
    name: str  # the field's meaning: project_name, period, funder, coordinator, partners, ...
    label: Line
    values: list[Line] = field(default_factory=list)  # each a value line (or the rest of the label line)


@dataclass
class ListBlock:
    heading: Line | None
    items: list[Line]


def _is_short(ln: Line) -> bool:
    """A line that can be a list item: a few words, no closing full stop (a bullet allows a few more)."""
    s = ln.text.strip()
    words = s.split()
    if BULLET_RE.match(ln.text):
        return 0 < len(words) <= 16
    # two sentences on one line ("X leads it. Its partners are") are prose that may open a list, no item of one
    return 0 < len(words) <= 12 and not re.search(r"[.!?]\s*$", s.rstrip("*")) and not _TWO_SENTENCES.search(s)


_TWO_SENTENCES = re.compile(r"[" + LOWER + r"]{3}[.!?]\s+[" + UPPER + r"][" + LOWER + r"]+\s+[" + LOWER + r"]")


def title_line(text: str) -> Line | None:
    for ln in lines(text):
        if ln.text.strip():
            return Line(ln.start + (len(ln.text) - len(ln.text.lstrip())), ln.end, ln.text.strip())
    return None


def strip_bullet(ln: Line) -> Line:
    m = BULLET_RE.match(ln.text)
    cut = m.end() if m else len(ln.text) - len(ln.text.lstrip())
    text = ln.text[cut:].rstrip()
    return Line(ln.start + cut, ln.start + cut + len(text), text)


def _labels(lg: str) -> dict[str, list[str]]:
    """The field labels of a language: the `fields` table and the general labels of project registers and
    project pages (`project_fields`)."""
    out: dict[str, list[str]] = {}
    for sec in ("fields", "project_fields"):
        for name, labels in lexicon(lg).section(sec).items():
            out.setdefault(name, []).extend(x for x in labels if x not in out.get(name, []))
    return out


def _owner_words(lg: str) -> list[str]:
    # "Hankkeen rahoittaja:", "Projektets finansiär:": the project's word before a label, with the colon
    return lexicon(lg).words("project_page", "label_owner_words")


@cache
def _label_patterns(lang: str) -> tuple[tuple[str, re.Pattern], ...]:
    out = []
    for lg in dict.fromkeys((lang, "fi", "sv", "en")):
        owners = "|".join(re.escape(w) for w in _owner_words(lg))
        owner = rf"(?:(?:{owners})\s+(?=[^:]{{1,40}}:))?" if owners else ""
        for name, labels in _labels(lg).items():
            for label in labels:
                # the label, then a colon, spaces, or the value glued on with a capital ("ProjektnamnGränslöst")
                rx = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?" + owner + re.escape(label) + r"(?:\s*:\s*|\s+|(?=[" + UPPER + r"0-9])|$)", re.I)
                out.append((name, rx, len(label)))
        # a label too common a word to stand without its colon ("Project: X", but not "Project X started …")
        for name, labels in lexicon(lg).section("colon_fields").items():
            for label in labels:
                out.append((name, re.compile(r"^\s*" + re.escape(label) + r"\s*:\s*", re.I), len(label)))
    out.sort(key=lambda t: -t[2])
    return tuple((n, rx) for n, rx, _ in out)


@cache
def field_words(lang: str) -> frozenset[str]:
    """The last words of the field labels ("huvudsökande", "medverkande"), lower case."""
    return frozenset(label.split()[-1].lower() for lg in dict.fromkeys((lang, "fi", "sv", "en"))
                     for labels in _labels(lg).values() for label in labels)


@cache
def _may_open_label(lang: str) -> re.Pattern:
    """What every label pattern of the language requires at the start of a line, in one pattern: the numbering,
    any owner word, the first characters of a label. Most lines fail it, and then none of the patterns needs
    trying (one call instead of one per pattern)."""
    langs = dict.fromkeys((lang, "fi", "sv", "en"))
    owners = sorted({w for lg in langs for w in _owner_words(lg)}, key=len, reverse=True)
    starts = sorted({label[:3] for lg in langs for labels in _labels(lg).values() for label in labels} |
                    {label[:3] for lg in langs for labels in lexicon(lg).section("colon_fields").values()
                     for label in labels}, key=len, reverse=True)
    owner = rf"(?:(?:{'|'.join(map(re.escape, owners))})\s+)?" if owners else ""
    return re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?" + owner + f"(?:{'|'.join(map(re.escape, starts))})", re.I)


def lines_above(text: str, pos: int) -> Iterator[tuple[Line, int]]:
    """The lines above `pos` that hold text, nearest first, each with the number of blank lines passed on the
    way to it; one blank line is passed, two end the block (what stands over a block of fields)."""
    blanks = 0
    for ln in reversed([ln for ln in lines(text) if ln.end <= pos and ln.start < pos]):
        if not ln.text.strip():
            blanks += 1
            if blanks > 1:
                return
            continue
        yield ln, blanks


_CELL_GAP = re.compile(r"\t|\s{3,}")


def _is_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 12 and all(c.isupper() for c in letters)  # "HANKKEEN TOTEUTTAJAT JA …"


_FIELD_BULLET = re.compile(r"^\s*[-•·▪◦●‣*–—]\s+")


_COUNT = re.compile(r"\(\d{1,3}\)")


def find_fields(text: str, lang: str) -> list[Field]:
    pats = _label_patterns(lang)
    may_open = _may_open_label(lang).match
    all_lines = lines(text)
    out: list[Field] = []
    i = 0
    while i < len(all_lines):
        ln = all_lines[i]
        hit = None
        # "- Duration: …" in a bulleted fact box: a field all the same, where a colon closes its label (the bullet
        # is blanked, so that offsets stay those of the line)
        bullet = _FIELD_BULLET.match(ln.text)
        text = " " * bullet.end() + ln.text[bullet.end():] if bullet else ln.text
        if ln.text.strip() and len(ln.text.split()) <= 40 and may_open(text) and not _is_heading(ln.text):
            for name, rx in pats:
                m = rx.match(text)
                if m and (not bullet or ":" in text[:m.end()]):
                    hit = (name, m)
                    break
        if not hit:
            i += 1
            continue
        name, m = hit
        rest = ln.text[m.end():].strip()
        f = Field(name, ln)
        if _COUNT.fullmatch(rest):
            rest = ""  # "Participants (3)": a heading that counts the lines under it
        label_only = not rest
        if rest:
            # "Hankkeen nimi: X" — unless the label opened a sentence ("Hanke alkoi …")
            # … or a sentence that opens with the label's words ("Funded by X, the project brings together …")
            if ":" not in ln.text[:m.end()] and (rest[:1].islower() or len(rest.split()) > 10 and rest.endswith((".", "!", "?"))):
                i += 1
                continue
            # "Holder      Sum": a table's header row, its label a column's heading and not a field's
            if ":" not in ln.text[:m.end()] and _CELL_GAP.match(ln.text, len(ln.text[:m.end()].rstrip())):
                i += 1
                continue
            s = ln.start + ln.text.index(rest, m.end() - 1 if m.end() else 0)
            f.values.append(Line(s, s + len(rest), rest))
        i += 1
        if label_only:
            # the value is on the following lines: one line, or a list of short lines
            j = i
            while j < len(all_lines) and not all_lines[j].text.strip():
                j += 1
            while j < len(all_lines) and all_lines[j].text.strip() and _is_short(all_lines[j]) \
                    and not (f.values and _heads_paragraph(all_lines, j, lang)) \
                    and not any(rx.match(all_lines[j].text) and not rx.match(all_lines[j].text).end() < 3 for _, rx in pats):
                f.values.append(strip_bullet(all_lines[j]))
                j += 1
                if name not in ("partners", "members", "funder", "organisers", "coordinator"):
                    break
                # a list may have blank lines between its items
                k = j
                while k < len(all_lines) and not all_lines[k].text.strip():
                    k += 1
                if k < len(all_lines) and k > j and not _is_short(all_lines[k]):
                    break
                j = k
            i = max(i, j) if f.values else i
        if f.values:
            out.append(f)
    return out


# fields whose value a run-on form delimits well enough: names, bodies (found by the organisation finder
# inside the value) and dates; not programmes or sums, whose values run into the next unlabelled words
_INLINE = {"project_name", "coordinator", "partners", "funder", "code", "period", "start", "end"}


@cache
def _inline_pattern(lang: str) -> tuple[re.Pattern, dict[str, str]]:
    names: dict[str, str] = {}
    for lg in dict.fromkeys((lang, "fi", "sv", "en")):
        for name, labels in _labels(lg).items():
            for label in labels:
                names.setdefault(label.lower(), name)
    alt = "|".join(re.escape(x) for x in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I), names


def inline_fields(text: str, lang: str, min_names: int = 3) -> list[Field]:
    """A form flattened into one long line (a register entry or application copied from a PDF): labels with a
    capital, each followed by its value up to the next label ("… Projektin nimi X Ohjelma Y Aloituspäivämäärä
    …"). Only a line holding several different labels is read so, and a value is at most a few words."""
    rx, names = _inline_pattern(lang)
    out: list[Field] = []
    long = [ln for ln in lines(text) if len(ln.text.split()) > 40]  # a short line is read by find_fields
    found = [(ln, [m for m in rx.finditer(ln.text) if m.group()[:1].isupper()]) for ln in long]
    # the text is a flattened form when one of its lines holds several different labels; then its other long
    # lines are read as the form's continuation
    if not any(len({names[m.group().lower()] for m in hits}) >= min_names for _, hits in found):
        return []
    for ln, hits in found:
        for m, nxt in zip(hits, hits[1:] + [None]):
            if names[m.group().lower()] not in _INLINE:
                continue
            a, b = m.end(), nxt.start() if nxt else len(ln.text)
            raw = ln.text[a:b]
            value = raw.strip(" :;,.")
            words = value.split()
            if not words or not (value[:1].isupper() or value[:1].isdigit()):
                continue
            value = " ".join(words[:15])
            vs = ln.start + a + raw.index(words[0])
            out.append(Field(names[m.group().lower()], Line(ln.start + m.start(), ln.start + m.end(), m.group()),
                             [Line(vs, vs + len(value), value)]))
    return out


_CELL_SEP = re.compile(r"\t+|\s*\|\s*|\s{3,}")
_TRAILING_SUM = re.compile(r"\d{1,3}(?:[ \u00a0.,]\d{3})+\s*(?:[^\w\s]{1,2}|[^\W\d_]{1,5})?\s*$")


def table_row(text: str) -> bool:
    """A row of a table (cells split by tabs, bars or wide gaps) or a line closed by a sum ("Läslust 120 000"):
    not an item of a list of names."""
    t = text.strip()
    return len([c for c in _CELL_SEP.split(t) if c.strip()]) >= 2 or bool(_TRAILING_SUM.search(t))


def cells(text: str) -> list[str]:
    return [c.strip() for c in _CELL_SEP.split(text.strip())]


def _heads_paragraph(all_lines: list[Line], n: int, lang: str | None = None) -> bool:
    """A short line after a blank one with prose right under it ("Description" over the text of a project): the
    paragraph's heading, which ends a list above it rather than being its last item. With a blank line between,
    only one common word of the language heads the prose so ("Summary"; a body's one-word name is a proper noun)."""
    if n == 0 or n + 1 >= len(all_lines) or all_lines[n - 1].text.strip():
        return False
    nxt = all_lines[n + 1]
    if not nxt.text.strip() and lang is not None and n + 2 < len(all_lines):
        word = all_lines[n].text.strip()
        if not (word.isalpha() and lemma(word, lang)[:1].islower()):
            return False
        nxt = all_lines[n + 2]
    return bool(nxt.text.strip()) and not _is_short(nxt) and not table_row(nxt.text)


def list_blocks(text: str, min_items: int = 2, lang: str | None = None) -> list[ListBlock]:
    """Runs of short lines or bullets (blank lines between items allowed), with the line before as heading."""
    all_lines = [ln for ln in lines(text)]
    blocks: list[ListBlock] = []
    run: list[Line] = []
    heading: Line | None = None
    prev_nonblank: Line | None = None

    def close():
        nonlocal run
        if len(run) >= min_items:
            blocks.append(ListBlock(heading, [strip_bullet(x) for x in run]))
        run = []

    for n, ln in enumerate(all_lines):
        if not ln.text.strip():
            continue
        if run and _heads_paragraph(all_lines, n, lang):
            close()
        elif _is_short(ln) and not table_row(ln.text) \
                and (ln.text.strip() and not ln.text.strip().endswith(":") or BULLET_RE.match(ln.text)):
            if not run:
                heading = prev_nonblank
            run.append(ln)
        else:
            close()
        prev_nonblank = Line(ln.start, ln.end, ln.text.strip())
    close()
    return blocks
