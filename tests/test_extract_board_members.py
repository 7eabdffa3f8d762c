"""Members of a coalition's board are people (issue 12, construction 1): "its board members include A,
lecturer at X, and B, Y" names where they work, not bodies that belong to the coalition. Invented texts in English and
Swedish (Finnish is read the same way: the lemma of the word before the member word names the board)."""
from __future__ import annotations

import pytest

from extraction import run


def members(text: str) -> dict[str, set[str]]:
    ex = run(text)
    return {c.name: {ex.organisations[m.organisation].name for m in c.members} for c in ex.coalitions}


@pytest.mark.parametrize("text, name, expected", [
    ("The Lumora Teacher Network (LTN) has a new board. Its board members now include Anna Berg, lecturer at "
     "Northfield University, and Olli Virta, Riverside University.\n"
     "LTN brings together two member universities, Lakeside University and Eastbay University.\n",
     "Lumora Teacher Network", {"Lakeside University", "Eastbay University"}),
    ("Lumoranätverket valde en ny styrelse. Styrelsens medlemmar är Anna Berg, lektor vid Norrby universitet, och "
     "Olli Virta, Söderby högskola.\n"
     "Lumoranätverkets medlemmar är Västby universitet och Östby högskola.\n",
     "Lumoranätverket", {"Västby universitet", "Östby högskola"}),
])
def test_board_members_are_people_not_member_bodies(text, name, expected):
    assert members(text).get(name) == expected
