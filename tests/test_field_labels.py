"""`find_fields` tries its label patterns only on lines that pass one cheap pattern first: that pattern must let
through every line any label pattern takes, in every way a label opens a line (numbered, after the project's
word, upper case, with its value glued on), or a field would be lost."""
from __future__ import annotations

import pytest

from edukg.ingest.extract.structure import _label_patterns, _labels, _may_open_label, _owner_words
from edukg.ingest.lexicon import lexicon

LANGS = ("fi", "sv", "en")


def _lines(lang: str) -> list[str]:
    labels = {label for lg in LANGS for section in (_labels(lg), lexicon(lg).section("colon_fields"))
              for names in section.values() for label in names}
    owners = sorted({w for lg in LANGS for w in _owner_words(lg)})
    out = []
    for i, label in enumerate(sorted(labels)):
        out += [f"{label}: Arvo", f"  2.1. {label} Arvo", f"{label.upper()}Arvo", f"{label}", f"{label.lower()} :x",
                f"{owners[i % len(owners)]} {label}: Arvo"]  # each owner word before many labels
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_every_line_a_label_pattern_takes_passes_the_first_pattern(lang):
    first = _may_open_label(lang)
    taken = [ln for ln in _lines(lang) if any(rx.match(ln) for _, rx in _label_patterns(lang))]
    assert len(taken) > 500  # labels of all three languages, in each form above
    assert [ln for ln in taken if not first.match(ln)] == []
    assert not first.match("Xyzzy plugh qwv.")  # and it does turn lines away
