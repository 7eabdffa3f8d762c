"""Dates and periods as written in Finnish, Swedish and English texts, to ISO 8601.

A date keeps the precision the text gives: "2021" stays a year, "marraskuussa 2020" a month, "7.6.2021" a day.
A date whose year is missing ("7.6.") is not a date for the graph: it cannot be placed in time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from ..lexicon import lexicon
from ..text import lemma

_DASH = r"\s*[-–—]\s*"
_DMY = r"(?P<d{n}>\d{{1,2}})\.\s?(?P<m{n}>\d{{1,2}})\.\s?(?P<y{n}>(?:19|20)\d\d)"
_ISO = r"(?P<iy{n}>(?:19|20)\d\d)-(?P<im{n}>\d\d)-(?P<id{n}>\d\d)"

_PATTERNS = [
    # 13.12.2017 - 31.12.2019, 2009-01-01 - 2010-12-31
    ("range", re.compile(_DMY.format(n=1) + _DASH + _DMY.format(n=2))),
    ("range", re.compile(_ISO.format(n=1) + _DASH + _ISO.format(n=2))),
    # 24.11.–25.11.2011, 30.11.–2.12.2011: the first date takes the year of the second
    ("dmrange", re.compile(r"(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.?" + _DASH + _DMY.format(n=2))),
    # 24.–25.11.2011, 8.-9.6.2017: a range of days within one month
    ("dayrange", re.compile(r"(?P<d1>\d{1,2})\.?" + _DASH + r"(?P<d2>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>(?:19|20)\d\d)")),
    # 2024-08 – 2026-06: a range of months, as registers write a period
    ("months", re.compile(r"(?<![\d/-])(?P<y1>(?:19|20)\d\d)-(?P<m1>\d\d)" + _DASH + r"(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)(?![\d/-])")),
    # 09/2023–08/2025, 9/2023 - 8/2025: a range of months written with numbers, as fact boxes give a period
    ("months", re.compile(r"(?<![\d/.-])(?P<m1>\d{1,2})/(?P<y1>(?:19|20)\d\d)" + _DASH
                          + r"(?P<m2>\d{1,2})/(?P<y2>(?:19|20)\d\d)(?![\d/-])")),
    ("day", re.compile(_DMY.format(n=1))),
    ("day", re.compile(_ISO.format(n=1))),
    # 2021-2023, 2023–2025: a range of years
    ("years", re.compile(r"(?<![\d.-])(?P<y1>(?:19|20)\d\d)" + _DASH + r"(?P<y2>(?:19|20)\d\d)(?![\d-])")),
    # 2024–26: the second year by its last two digits
    ("shortyears", re.compile(r"(?<![\d.-])(?P<y1>(?:19|20)\d\d)" + _DASH + r"(?P<yy>\d\d)(?![\d/-]|\.\d)")),
]
_WORD_DATE = (r"(?<!\w)(?:(?P<d0>\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:[-–]{range_links})\s*)?"
              r"(?:(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+{month_links})?(?P<month>[^\W\d_]{{3,}})"
              r"(?:\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?(?P<y>(?:19|20)\d\d))?(?!\w)")


@cache
def _word_date(lang: str) -> re.Pattern:
    """A date written with a month name, with the language's small words around the day ("28th and 29th of
    September": lexicon [dates] day_range_links, day_month_links)."""
    lex = lexicon(lang)
    ranges = "".join("|" + re.escape(w) for w in lex.words("dates", "day_range_links"))
    links = "".join(r"(?:" + re.escape(w) + r"\s+)?" for w in lex.words("dates", "day_month_links"))
    return re.compile(_WORD_DATE.format(range_links=ranges, month_links=links))


# "from 2022 to 2025", "2022 till 2025", "vuodesta 2022 vuoteen 2025"
_FROM_TO = re.compile(r"(?<!\d)(?P<y1>(?:19|20)\d\d)\s+(?:to|until|till|–|-)\s+(?P<y2>(?:19|20)\d\d)(?!\d)"
                      r"|(?<!\w)vuodesta\s+(?P<fy1>(?:19|20)\d\d)\s+vuoteen\s+(?P<fy2>(?:19|20)\d\d)")
_YEAR = re.compile(r"(?<![\d.,-])(?P<y>(?:19|20)\d\d)(?![\d-])")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # ISO 8601 at the precision given
    end_value: str | None = None  # for a range: its end

    @property
    def is_range(self) -> bool:
        return self.end_value is not None


def _iso(y, m=None, d=None) -> str | None:
    y = int(y)
    if m is None:
        return f"{y:04d}"
    m = int(m)
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    try:
        return date(y, m, int(d)).isoformat()  # a calendar date or none ("31.2.2020")
    except ValueError:
        return None


@lru_cache(maxsize=4096)  # asked for every word in a month's place: a few distinct words, again and again
def _month_number(word: str, lang: str) -> int | None:
    sec = lexicon(lang).section("dates")
    months = sec.get("months", {})
    low = word.lower()
    if low in months:
        return months[low]
    if low in sec.get("month_abbreviations", {}):  # "Jan 2025": only where a year or a day stands beside it
        return sec["month_abbreviations"][low]
    lem = lemma(low, lang).lower()
    if lem in months:
        return months[lem]
    for name, num in months.items():  # Finnish "syyskuuta", "marraskuussa": month name + case ending
        if low.startswith(name[:-1]) and len(name) >= 6:
            return num
    return None


# 1/9/2024, 01/02/2024, 01-10-2023: a date with slashes (or dashes, as EU portals write one), read in the order the
# language's [dates] slash_order gives
_SLASH = r"(?<![\d/-])(?P<a{n}>\d{{1,2}})(?P<s{n}>[/-])(?P<b{n}>\d{{1,2}})(?P=s{n})(?P<y{n}>(?:19|20)\d\d)(?![\d/-])"
_SLASH_PATTERNS = [("slashrange", re.compile(_SLASH.format(n=1) + _DASH + _SLASH.format(n=2))),
                   ("slash", re.compile(_SLASH.format(n=1)))]


def _slash_iso(g: dict, n: int, order: str) -> str | None:
    a, b = g[f"a{n}"], g[f"b{n}"]
    return _iso(g[f"y{n}"], b, a) if order == "dmy" else _iso(g[f"y{n}"], a, b) if order == "mdy" else None


def find_dates(text: str, lang: str, offset: int = 0) -> list[DateMention]:
    """Every date, day range, year range and month-name date in `text`, non-overlapping, in order."""
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    covered = bytearray(len(text) + 1)  # characters of the dates taken: a test costs the match, not the dates

    def free(s, e):
        return 1 not in covered[s:e]

    def take(s, e):
        taken.append((s, e))
        covered[s:e] = b"\x01" * (e - s)

    order = lexicon(lang).section("dates").get("slash_order")
    for kind, rx in _SLASH_PATTERNS if order else ():
        for m in rx.finditer(text):
            s, e = m.span()
            g = m.groupdict()
            a = _slash_iso(g, 1, order)
            b = _slash_iso(g, 2, order) if kind == "slashrange" else None
            if free(s, e) and a and (kind == "slash" or b and a <= b):
                out.append(DateMention(offset + s, offset + e, a, b))
                take(s, e)
    for kind, rx in _PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if not free(s, e):
                continue
            g = m.groupdict()
            if kind == "range":
                a = _iso(g.get("y1") or g.get("iy1"), g.get("m1") or g.get("im1"), g.get("d1") or g.get("id1"))
                b = _iso(g.get("y2") or g.get("iy2"), g.get("m2") or g.get("im2"), g.get("d2") or g.get("id2"))
                if a and b:
                    out.append(DateMention(offset + s, offset + e, a, b))
            elif kind == "dmrange":
                y2 = int(g["y2"])
                a = _iso(y2 if int(g["m1"]) <= int(g["m2"]) else y2 - 1, g["m1"], g["d1"])
                b = _iso(g["y2"], g["m2"], g["d2"])
                if a and b:
                    out.append(DateMention(offset + s, offset + e, a, b))
            elif kind == "dayrange":
                a, b = _iso(g["y"], g["m"], g["d1"]), _iso(g["y"], g["m"], g["d2"])
                if a and b:
                    out.append(DateMention(offset + s, offset + e, a, b))
            elif kind == "day":
                a = _iso(g.get("y1") or g.get("iy1"), g.get("m1") or g.get("im1"), g.get("d1") or g.get("id1"))
                if a:
                    out.append(DateMention(offset + s, offset + e, a))
            elif kind == "months":
                a, b = _iso(g["y1"], g["m1"]), _iso(g["y2"], g["m2"])
                if not (a and b and a <= b):
                    continue  # "2019-20 – 2021-22": school years, not months
                out.append(DateMention(offset + s, offset + e, a, b))
            elif kind == "years":
                if int(g["y2"]) >= int(g["y1"]):
                    out.append(DateMention(offset + s, offset + e, g["y1"], g["y2"]))
            elif kind == "shortyears":
                y1, yy = int(g["y1"]), int(g["yy"])
                # a later year of the same century, and no month ("2010-11" may be November 2010)
                nxt = re.match(r"\.?\s*([^\W\d_]+)", text[e:])
                chained = re.match(_DASH + r"(?:19|20)\d\d", text[e:]) or re.search(r"\d" + _DASH + r"$", text[:s])
                if not (y1 % 100 < yy and (yy > 12 or "-" not in text[s:e])) or chained \
                        or nxt and _month_number(nxt.group(1), lang) is not None:
                    # "2020–31 december 2022": a year, then a day of a month; "2022-23 – 2024-25": school years
                    continue
                out.append(DateMention(offset + s, offset + e, g["y1"], str(y1 - y1 % 100 + yy)))
            else:
                continue
            take(s, e)
    yearless = []  # month-name dates without a year: the first end of a range whose other end has it
    for m in _word_date(lang).finditer(text):
        s, e = m.span()
        if not free(s, e):
            continue
        month = _month_number(m.group("month"), lang)
        if month is None:
            continue
        if not m.group("y"):
            yearless.append((m, month))
            continue
        day = m.group("d") or m.group("d2")
        val = _iso(m.group("y"), month, day)
        first = _iso(m.group("y"), month, m.group("d0")) if m.group("d0") and day else None
        if val:
            # "3–4 mars 2021", "3.-4. maaliskuuta 2021": a range of days
            out.append(DateMention(offset + s, offset + e, first, val) if first else DateMention(offset + s, offset + e, val))
            take(s, e)
    for m in (m for rx in _year_frames(lang) for m in rx.finditer(text)):  # "between 2022 and 2025"
        s, e = m.span()
        if free(s, e) and m.group("y1") < m.group("y2"):
            out.append(DateMention(offset + s, offset + e, m.group("y1"), m.group("y2")))
            take(s, e)
    for m in _FROM_TO.finditer(text):
        s, e = m.span()
        if all(not (e <= a or s >= b) or (a >= s and b <= e) for a, b in taken if not (e <= a or s >= b)):
            inside = [d for d in out if s <= d.start and d.end <= e]
            out = [d for d in out if d not in inside]
            y1, y2 = m.group("y1") or m.group("fy1"), m.group("y2") or m.group("fy2")
            out.append(DateMention(offset + s, offset + e, y1, y2))
            take(s, e)
    out = _join_word_ranges(out, text, offset, lang)
    out = _month_ranges(out, yearless, text, offset, lang)
    out = _framed_ranges(out, text, offset, lang)
    for m in _YEAR.finditer(text):
        s, e = m.span()
        if free(s, e):
            out.append(DateMention(offset + s, offset + e, m.group("y")))
            take(s, e)
    return sorted(out, key=lambda d: d.start)


@cache
def _year_frames(lang: str) -> tuple[re.Pattern, ...]:
    """The language's frames around two years that make them one period (lexicon [dates] year_range_frames,
    "between {} and {}"), one pattern each."""
    out = []
    for frame in lexicon(lang).words("dates", "year_range_frames"):
        words = [re.escape(w) for w in frame.replace("{}", " {} ").split()]
        rx = r"\s+".join(r"(?P<y%d>(?:19|20)\d\d)" % (words[:i].count("\\{\\}") + 1) if w == r"\{\}" else w
                         for i, w in enumerate(words))
        out.append(re.compile(r"(?<!\w)" + rx + r"(?![\w-])", re.IGNORECASE))
    return tuple(out)


def _join_word_ranges(dates: list[DateMention], text: str, offset: int, lang: str) -> list[DateMention]:
    """Two dates with only a dash or "to" between them are one period ("1 januari 2020–31 december 2022"), and
    so are two side by side where the first's month word is in a case of "from" ("maaliskuusta 2024
    helmikuuhun 2026": lexicon [dates] range_from_endings)."""
    dates = sorted(dates, key=lambda d: d.start)
    endings = tuple(lexicon(lang).words("dates", "range_from_endings"))
    out: list[DateMention] = []
    for d in dates:
        if out and not out[-1].is_range and not d.is_range:
            between = text[out[-1].end - offset:d.start - offset]
            link = _month_range_link(lang)
            linked = re.fullmatch(r"\s*(?:[-–—]|to|till|until)\s*", between) \
                or link is not None and link.fullmatch(between) or endings and re.fullmatch(
                r"\s+", between) and _month_word(text, out[-1], offset).lower().endswith(endings)
            if linked and out[-1].value <= d.value:
                prev = out.pop()
                out.append(DateMention(prev.start, d.end, prev.value, d.value))
                continue
        out.append(d)
    return out


@cache
def _month_range_link(lang: str) -> re.Pattern | None:
    words = lexicon(lang).words("dates", "month_range_links")
    return re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in words) + r")\s*") if words else None


def _month_ranges(dates: list[DateMention], yearless: list, text: str, offset: int, lang: str) -> list[DateMention]:
    """"from May to August 2025", "1 March – 30 June 2025": a month-name date without its year, a link word of the
    language's [dates] month_range_links and a dated one make one period; the first takes the year of the second
    (the year before, where its month comes later in the year)."""
    link = _month_range_link(lang)
    if link is None and not lexicon(lang).words("dates", "range_from_endings") or not yearless:
        return dates
    by_start = {d.start - offset: d for d in dates if not d.is_range and len(d.value) >= 7}
    endings = tuple(lexicon(lang).words("dates", "range_from_endings"))
    for m, month in yearless:
        after = link.match(text, m.end()) if link else None
        if after is None and endings and m.group("month").lower().endswith(endings):
            after = re.compile(r"\s+").match(text, m.end())  # "maaliskuusta toukokuuhun 2025"
        d = by_start.get(after.end()) if after else None
        if d is None:
            continue
        y, m2 = int(d.value[:4]), int(d.value[5:7])
        day = m.group("d") or m.group("d2")
        if bool(day) != (len(d.value) == 10) or m.group("month")[:1].isupper() != _month_word(text, d, offset)[:1].isupper():
            continue  # both ends to the day or both to the month, their month names written alike ("may" is no May)
        first = _iso(y if month <= m2 else y - 1, month, day)
        if first and first <= d.value:
            dates = [x for x in dates if x is not d] + [DateMention(offset + m.start(), d.end, first, d.value)]
    return sorted(dates, key=lambda x: x.start)


@cache
def _frame_words(lang: str) -> tuple[tuple[str, str], ...]:
    """The words before and between the two ends of a framed period ("between {} and {}" → ("between", "and"))."""
    out = []
    for frame in lexicon(lang).words("dates", "year_range_frames"):
        parts = [p.strip().lower() for p in frame.split("{}")]
        if len(parts) == 3 and parts[0] and parts[1]:
            out.append((parts[0], parts[1]))
    return tuple(out)


def _framed_ranges(dates: list[DateMention], text: str, offset: int, lang: str) -> list[DateMention]:
    """"between September 2024 and August 2026": the frame of a period of years holds two months or days too."""
    frames = _frame_words(lang)
    out: list[DateMention] = []
    for d in dates:
        prev = out[-1] if out else None
        if prev is not None and not prev.is_range and not d.is_range and len(prev.value) > 4 and prev.value <= d.value:
            between = text[prev.end - offset:d.start - offset].strip().lower()
            before = text[max(0, prev.start - offset - 20):prev.start - offset].lower()
            if any(between == mid and re.search(r"(?<!\w)" + re.escape(pre) + r"\s+$", before) for pre, mid in frames):
                out[-1] = DateMention(prev.start, d.end, prev.value, d.value)
                continue
        out.append(d)
    return out


def _month_word(text: str, d: DateMention, offset: int) -> str:
    found = re.search(r"[^\W\d_]+", text[d.start - offset:d.end - offset])
    return found.group() if found else ""


@lru_cache(maxsize=4096)  # asked for every project name the builder is given, the same names again and again
def trailing_period(name: str, lang: str) -> tuple[str, DateMention | None]:
    """A heading that ends in its period ("Vertaispolku 2023–2025", "PeerPath (2023–2025)", "Kamratstig,
    2024–2026"): the name without it, and the period; the heading unchanged and None where it ends otherwise."""
    ranges = [d for d in find_dates(name, lang) if d.is_range]
    if not ranges:
        return name, None
    d = ranges[-1]
    before, after = name[:d.start].rstrip(), name[d.end:].strip()
    if after not in ("", ")") or (after == ")") != before.endswith("("):
        return name, None
    head = before.rstrip("(").rstrip(" ,:;–—-|")
    return (head, d) if head else (name, None)


# "7.9." with nothing after the second point that would make it a year or a longer number
_DAY_MONTH = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?![\d.])")


def days_without_year(text: str, lang: str) -> list[tuple[int, int, int]]:
    """The days written with no year ("8th of March", "8. maaliskuuta", "den 8 mars", "8.3."), as
    (offset, month, day) in order: `find_dates` leaves them out, as they cannot be placed in time alone."""
    out = []
    for m in _word_date(lang).finditer(text):
        # "14–15 May": a range of days is dated by its first
        day = m.group("d0") or m.group("d") or m.group("d2")
        month = _month_number(m.group("month"), lang) if day and not m.group("y") else None
        if month is not None:
            out.append((m.start(), month, int(day)))
    out += [(m.start(), int(m.group("m")), int(m.group("d"))) for m in _DAY_MONTH.finditer(text)]
    return sorted(out)
