"""Grant list rows of holder, sum and purpose ("Body, sum, what for"): each row a grant named by its purpose, its
holder the coordinator, the bodies after a word of partnership its partners. Every text here is invented."""
import pytest

from extraction import grants


@pytest.mark.parametrize("text, expected, funder, currency", [
    ("Foundation supports reading\n\nThe Northland Foundation has awarded EUR 900,000 to reading projects.\n\n"
     "Largest grants:\n\nKestrel Reading Society, EUR 300,000, poet visits to island schools\n"
     "City of Ridgeway – EUR 200,000 – renewal of school libraries together with University of Eastmoor\n",
     {"poet visits to island schools": ({("Kestrel Reading Society", "coordinator")}, 300000),
      "renewal of school libraries": ({("City of Ridgeway", "coordinator"), ("University of Eastmoor", "partner")},
                                      200000)}, "Northland Foundation", "EUR"),
    ("Säätiö tukee lukemista\n\nPohjolan Sivistyssäätiö on myöntänyt 900 000 euroa lukemista edistäville "
     "hankkeille.\n\nSuurimmat avustukset:\n\n• Lukuseura ry, 300 000 euroa, runoilijavierailut saariston kouluihin\n"
     "• Satakunnan ammattikorkeakoulu, 150 000 euroa, sarjakuvien käyttö opetuksessa\n",
     {"runoilijavierailut saariston kouluihin": ({("Lukuseura ry", "coordinator")}, 300000),
      "sarjakuvien käyttö opetuksessa": ({("Satakunnan ammattikorkeakoulu", "coordinator")}, 150000)}, "Pohjolan Sivistyssäätiö", "EUR"),
    ("Stiftelsen stöder läsning\n\nNordlandsstiftelsen har beviljat 2 miljoner kronor till läsprojekt.\n\n"
     "Största bidragen:\n\nGävle kommun, 800 000 kronor, författarbesök i skärgårdens skolor\n"
     "Linnéuniversitetet, 500 000 kronor, serier i undervisningen\n",
     {"författarbesök i skärgårdens skolor": ({("Gävle kommun", "coordinator")}, 800000),
      "serier i undervisningen": ({("Linnéuniversitetet", "coordinator")}, 500000)}, "Nordlandsstiftelsen", "SEK"),
])
def test_each_row_of_holder_sum_and_purpose_is_a_grant(text, expected, funder, currency):
    assert grants(text) == {name: (parts, {funder}, amount, currency) for name, (parts, amount) in expected.items()}

