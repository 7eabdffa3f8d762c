"""An award named by a proper name after the bare award word ("utmärkelsen Xyz 2025", "Donorns pris Xyz 2025"):
the name is what follows the word, the donor in the genitive before it still gives it, and a body named before
the word is no part of the name nor a receiver. Invented texts and names."""
import pytest

from extraction import run


def awards(text: str) -> list[tuple[str, str | None, str | None]]:
    ex = run(text)
    return [(a.award, a.recipient, ex.organisations[a.by].name if a.by else None) for a in ex.awards]


@pytest.mark.parametrize("sentence", [
    "Lärarnas Riksförbund har tilldelat Lisa Holm vid Mittuniversitetet utmärkelsen Årets handledare 2025.",
    "Lisa Holm vid Mittuniversitetet får Lärarnas Riksförbunds pris Årets handledare 2025.",
])
def test_sv_the_name_after_the_bare_award_word(sentence):
    assert awards("Nyheter\n\n" + sentence + "\n") == [("Årets handledare 2025", "Lisa Holm", "Lärarnas Riksförbund")]
