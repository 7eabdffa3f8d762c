"""One award under two names in one text: a caption calls it by one name, the article by another, or the
headline adds the year to the name the text uses. Each name would otherwise be an award of its own, every
recipient counted twice.

Two names are one award when they were given to the same recipients: to the same two or more (a jury rarely
gives two prizes to one group of people in one text), or to the same one when the names differ only by a year
after the name ("… of the Year" and "… of the Year 2024"). The name first met in the text is kept.
"""
from __future__ import annotations

import re

from ..model import AwardConferral
from ..resolve import name_key

_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d$")


def _without_year(name: str) -> str:
    return name_key(_YEAR_AFTER.sub("", name.strip()))


def merge_award_aliases(awards: list[AwardConferral]) -> list[AwardConferral]:
    """The conferrals with every alias of an award renamed to its first name (and repeated pairs dropped)."""
    takers: dict[str, set[tuple[str, str]]] = {}
    for a in awards:
        takers.setdefault(a.award, set()).add((a.recipient, a.recipient_kind))
    names = list(takers)  # in the order the text first gives them
    first_of: dict[str, str] = {}
    for i, late in enumerate(names):
        for early in names[:i]:
            early = first_of.get(early, early)
            same = takers[late] == takers[early]
            if same and (len(takers[late]) >= 2 or _without_year(late) == _without_year(early)):
                first_of[late] = early
                break
    if not first_of:
        return awards
    kept: dict[tuple[str, str], AwardConferral] = {}
    for a in awards:
        a.award = first_of.get(a.award, a.award)
        same = kept.setdefault((a.award, a.recipient), a)
        # the sentence of the other name may be the one that says who gave it or when
        same.by, same.date = same.by or a.by, same.date or a.date
    return list(kept.values())
