"""Grant tables whose header names the columns: each row's name, holder and sum read by column, whatever the
columns' order; a holder's cell is a body even with no head word the organisation finder knows; the total row
is no grant. Invented texts in each language."""
from extraction import grants as items


def test_en_table_with_holder_column_first_and_currency_stated_above():
    got = items("Grants of the Northland Foundation 2025\n\n"
                "The Northland Foundation has awarded the following grants.\n\n"
                "Grants (in EUR)\n\n"
                "Applicant | Project | Grant\n"
                "Kvarnby Folkhögskola | Sea Stories | 45,000\n"
                "Hollowmere Learning | Night Owls Study Club | 30,000\n"
                "Total | | 75,000\n")
    assert got == {
        "Sea Stories": ({("Kvarnby Folkhögskola", "coordinator")}, {"Northland Foundation"}, 45000, "EUR"),
        "Night Owls Study Club": ({("Hollowmere Learning", "coordinator")}, {"Northland Foundation"}, 30000, "EUR"),
    }


def test_fi_table_whose_name_cell_reads_like_a_body_is_still_the_item():
    got = items("Rahoituspäätökset 2025\n\n"
                "Pohjois-Savon liitto on myöntänyt rahoitusta seuraaville hankkeille.\n\n"
                "Hanke | Hakija | Myönnetty (€)\n"
                "Kuopion Kesäakatemia | Kallaveden opisto | 52 000\n"
                "Lukusilta | Tahkon koulu | 41 000\n"
                "Yhteensä | | 93 000\n")
    assert got["Kuopion Kesäakatemia"] == ({("Kallaveden opisto", "coordinator")}, {"Pohjois-Savon liitto"},
                                           52000, "EUR")
    assert set(got) == {"Kuopion Kesäakatemia", "Lukusilta"}


def test_sv_table_with_a_holder_that_has_no_head_word():
    got = items("Beviljade bidrag\n\n"
                "Stiftelsen Läsfrämjandet har beviljat bidrag till följande projekt.\n\n"
                "Projekt | Sökande | Belopp (kr)\n"
                "Bokbussen | Tornvik | 60 000\n"
                "Sagostunder | Ekbacka bibliotek | 25 000\n"
                "Summa | | 85 000\n")
    assert got["Bokbussen"] == ({("Tornvik", "coordinator")}, {"Stiftelsen Läsfrämjandet"}, 60000, "SEK")
    assert got["Sagostunder"][2:] == (25000, "SEK")
