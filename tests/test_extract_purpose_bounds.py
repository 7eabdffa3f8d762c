"""A grant's purpose phrase ends where a relative clause begins (issue 12, construction 2): "EUR N to X for
mobile labs that visit schools" names the funded item "mobile labs". Invented texts in English and Swedish
(Finnish writes the purpose in a case before the sum)."""
from __future__ import annotations

import pytest

from extraction import grants


@pytest.mark.parametrize("text, item", [
    ("The Lumora Foundation has granted two grants this year: EUR 300,000 to Northfield University for a shared "
     "reading room, and EUR 120,000 to Lakeside College for mobile science labs that visit village schools.\n",
     "mobile science labs"),
    ("Lumorastiftelsen har beviljat två bidrag i år: 300 000 kronor till Norrby universitet för ett gemensamt "
     "läsrum och 120 000 kronor till Söderby högskola för mobila labb som besöker byskolor.\n",
     "mobila labb"),
])
def test_relative_clause_ends_the_purpose(text, item):
    assert item in grants(text)
