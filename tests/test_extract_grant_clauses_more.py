"""Grants stated in running text: a short name in brackets after the receiver, a long purpose in a case, and a
later sentence naming the grant by its purpose's head noun. Invented sentences."""
import pytest

from extraction import grants, run

_FI = "Uutiset\n\nOpetushallitus myönsi avustuksia.\n\n"


def test_fi_a_short_name_in_brackets_after_the_receiver_in_the_allative():
    got = grants(_FI + "Lapin ammattikorkeakoululle (Lapin AMK) myönnettiin 0,5 miljoonaa euroa matkailualan "
                 "opiskelijoiden valmennukseen.\n")
    assert list(got) == ["matkailualan opiskelijoiden valmennus"]
    assert got["matkailualan opiskelijoiden valmennus"][2:] == (500000, "EUR")
    assert len(got["matkailualan opiskelijoiden valmennus"][0]) == 1


def test_en_a_short_name_in_brackets_after_the_receiver():
    got = grants("News\n\nThe Finnish National Agency for Education has awarded grants.\n\n"
                 "Lapland University of Applied Sciences (Lapland UAS) receives EUR 500,000 for tourism training.\n")
    assert got["tourism training"][2:] == (500000, "EUR")


def test_fi_a_purpose_in_a_case_with_a_participle_and_several_genitives_before_its_noun():
    got = grants(_FI + "Kemin kaupunki ja Lapin Nuoret ry saavat yhdessä 100 000 euroa syrjäytymisvaarassa olevien "
                 "nuorten etsivän työn kokeiluun.\n")
    assert list(got) == ["syrjäytymisvaarassa olevien nuorten etsivän työn kokeilu"]


def test_fi_a_later_sentence_names_the_grant_by_its_head_noun():
    ex = run(_FI + "Oulun ammattiopistolle myönnettiin 400 000 euroa metsäalan koulutuksen kehittämiseen.\n\n"
             "Lisäksi Kemin kaupunki ja Lapin Nuoret ry saavat yhdessä 100 000 euroa nuorten harrastustoiminnan "
             "kokeiluun. Kokeilua hallinnoi Kemin kaupunki.\n")
    roles = {(p.name, x.organisation, x.role) for p in ex.projects for x in p.participants}
    assert ("nuorten harrastustoiminnan kokeilu", "kemin-kaupunki", "coordinator") in roles
    assert not any(name.startswith("metsäalan") and org == "kemin-kaupunki" for name, org, _ in roles)


@pytest.mark.parametrize("sentence", [
    "The Holloway Arts Council has granted EUR 400,000 to the City of Brindle, EUR 250,000 to the City of Quarrow "
    "and EUR 90,000 to the City of Teller.",
    "Grants from the Holloway Arts Council go to the City of Brindle (EUR 400,000), the City of Quarrow "
    "(EUR 250,000) and the City of Teller (EUR 90,000).",
])
def test_en_grants_listed_in_prose_without_a_purpose_are_each_holders_grant(sentence):
    got = grants("News\n\nMusic schools get more money\n\n" + sentence + "\n")
    assert got == {f"City of {c} grant": ({(f"City of {c}", "coordinator")}, {"Holloway Arts Council"}, n, "EUR")
                   for c, n in (("Brindle", 400000), ("Quarrow", 250000), ("Teller", 90000))}


def test_en_one_grant_without_a_purpose_is_no_item_of_its_own():
    # one sum and one receiver: the sentence rules read it, as before; no item is named after the holder
    got = grants("News\n\nThe Holloway Arts Council has granted EUR 400,000 to the City of Brindle.\n")
    assert "City of Brindle grant" not in got


def test_en_grants_whose_purpose_is_too_long_to_name_them_are_not_named_after_their_holders():
    got = grants("News\n\nThe Holloway Arts Council has made two grants. Brookvale College receives EUR 300,000 for "
                 "a long study of how the weekly reading hours of pupils in small rural schools change over time, "
                 "and the City of Teller EUR 90,000 for a survey of how pupils reach their nearest music school.\n")
    assert not any(name.endswith(" grant") for name in got)


def test_a_purpose_after_an_infinitive_is_measured_past_the_verb_that_makes_it():
    text = ("Skolverket har beslutat att fördela 5 miljoner kronor till två forskningsprojekt.\n\n"
            "Umeå universitet får 2,9 miljoner kronor för att undersöka hur läxor i engelska påverkar elever med "
            "svaga betyg, och Lunds universitet 2,1 miljoner kronor för en studie av bildberättande i förskoleklass.\n")
    got = grants(text)
    assert got["hur läxor i engelska påverkar elever med svaga betyg"][0] == {("Umeå universitet", "coordinator")}
    assert got["studie av bildberättande i förskoleklass"][0] == {("Lunds universitet", "coordinator")}


def test_the_sentence_after_a_joint_grant_among_others_names_the_holder_that_leads():
    # (several grants on the page: each is read whole by the grant clauses, the joint one with its lead after it)
    got = grants("Skolverket har beslutat att fördela 3 miljoner kronor till tre projekt.\n\nLunds universitet får "
                 "1,2 miljoner kronor för en studie av bildberättande i förskoleklass, och Malmö universitet 0,8 miljoner "
                 "kronor för en studie av läxhjälp.\n\nDet tredje projektet är ett samarbete mellan Umeå universitet "
                 "och Högskolan Väst, som tillsammans får 1,5 miljoner kronor för forskning om yrkeslärares bedömning. "
                 "Högskolan Väst är huvudsökande.\n")
    assert got["forskning om yrkeslärares bedömning"][0] == {("Högskolan Väst", "coordinator"),
                                                            ("Umeå universitet", "partner")}
