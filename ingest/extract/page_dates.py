"""A day written without its year ("on 28th of February", "7. syyskuuta", "den 10 april", "7.9.") on a page
whose dateline gives the year: news items date the events and prizes they report so, and the day is in the
year the page was written (the annotation convention: an award's or event's date without a year takes the
page's).

The dateline is the first full date near the top of the page (under its title); a page without one lends no
year, and a day without a year stays undated.
"""
from __future__ import annotations

from datetime import date

from .context import DocContext
from .dates import days_without_year

_TOP = 400  # characters below the title in which a page prints its dateline


def dateline_year(ctx: DocContext) -> str | None:
    top = (ctx.title.end if ctx.title else 0) + _TOP
    first = next((d for d in ctx.dates if d.start <= top and len(d.value) == 10 and not d.is_range), None)
    return first.value[:4] if first is not None else None


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
