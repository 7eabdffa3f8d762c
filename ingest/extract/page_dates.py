"""A day written without its year ("on 8th of March", "8. maaliskuuta", "den 8 mars", "8.3.") on a page
whose dateline gives the year: news items date the events and prizes they report so, and the day is in the
year the page was written (the annotation convention: an award's or event's date without a year takes the
page's).

The dateline is the first full date near the top of the page (under its title); a page without one lends no
year, and a day without a year stays undated. A weekday alone ("på tisdagen", "torstaina") dates it only when
it is the dateline's own weekday: the item reports that day's ceremony.
"""
from __future__ import annotations

import re
from datetime import date

from .context import DocContext
from .dates import days_without_year

_TOP = 400  # characters below the title in which a page prints its dateline


def dateline(ctx: DocContext) -> str | None:
    """The page's own date: its first full date near the top, as ISO 8601."""
    top = (ctx.title.end if ctx.title else 0) + _TOP
    first = next((d for d in ctx.dates if d.start <= top and len(d.value) == 10 and not d.is_range), None)
    return first.value if first is not None else None


def dateline_year(ctx: DocContext) -> str | None:
    day = dateline(ctx)
    return day[:4] if day else None


_WORD = re.compile(r"[^\W\d_]+")


def dateline_weekday(ctx: DocContext, start: int, end: int) -> str | None:
    """The dateline's day, when the text between `start` and `end` names its weekday ("på tisdagen" in an item
    dated on a Tuesday): the item reports what happened that day. Another weekday is left undated, as it may
    be a day before or after."""
    day = dateline(ctx)
    stems = ctx.lex.words("weekdays", "stems")
    if day is None or len(stems) != 7:
        return None
    own = stems[date.fromisoformat(day).weekday()]
    words = [w.lower() for w in _WORD.findall(ctx.text[start:end])]
    return day if any(w.startswith(own) for w in words) else None


def day_in_page_year(ctx: DocContext, start: int, end: int) -> str | None:
    """The first day between `start` and `end` written without a year, dated in the dateline's year."""
    year = dateline_year(ctx)
    if year is None:
        return None
    for at, month, day in days_without_year(ctx.text[start:end], ctx.lang):
        if ctx.dates_in(start + at, start + at + 1):
            continue  # the start of a range or a date that has its year
        try:
            return date(int(year), month, day).isoformat()
        except ValueError:
            continue  # no such day ("31.2.")
    return None


_DATELINE_GLUE = re.compile(r"[|·•,;:()\[\]/–—-]")


def dateline_line(ctx: DocContext, start: int, end: int) -> bool:
    """A line that only dates the page ("Published 3.2.2024 | Updated 9.4.2024", "Julkaistu 3.2.2024"): full days
    and at most two words beside each (published, updated, a weekday), nothing that names anything."""
    days = [d for d in ctx.dates_in(start, end) if len(d.value) == 10]
    if not days:
        return False
    rest, at = [], start
    for d in sorted(days, key=lambda d: d.start):
        rest.append(ctx.text[at:d.start])
        at = d.end
    rest.append(ctx.text[at:end])
    words = _DATELINE_GLUE.sub(" ", " ".join(rest)).split()
    return len(words) <= 2 * len(days) and all(w.isalpha() for w in words)
