"""Periods and dates written with small words around the numbers (lexicon [dates] year_range_frames,
day_range_links, day_month_links): "between 2022 and 2024", "from 2024 through 2027", "mellan 2022 och 2024",
"28th and 29th of May 2021". Invented texts and names."""
from edukg.ingest.extract.dates import find_dates
from extraction import run


def periods(text: str) -> dict[str, tuple]:
    return {p.name: (p.start, p.end) for p in run(text).projects}


def test_an_english_project_run_between_two_years():
    text = "Quillon is a project coordinated by Norland University between 2022 and 2024.\n"
    assert periods(text) == {"Quillon": ("2022", "2024")}


def test_an_english_project_run_from_one_year_through_another():
    text = "The University of Tartu leads the Quillon project, which runs from 2024 through 2027.\n"
    assert periods(text) == {"Quillon": ("2024", "2027")}


def test_a_swedish_period_between_two_years_is_one_range():
    [d] = find_dates("Projektet pågår mellan 2022 och 2024.", "sv")
    assert (d.value, d.end_value) == ("2022", "2024")


def test_a_backwards_frame_is_no_period():
    assert all(d.end_value is None for d in find_dates("Prices between 2024 and 2019 levels.", "en"))


def test_an_english_event_on_two_ordinal_days_of_a_month():
    text = ("Open Schools conference\n\nThe University of Tartu hosts the Open Schools conference on 28th and 29th "
            "of May 2021.\n")
    dates = {e.date for e in run(text).events}
    assert dates == {"2021-05-28"}


def test_an_ordinal_day_of_a_month():
    [d] = find_dates("The meeting is on the 5th of May 2020.", "en")
    assert d.value == "2020-05-05"


def test_an_english_project_starting_in_a_month():
    text = ("News\n\nThe Marlow Reading Trust has granted EUR 200,000 to Fernhill University for the Quillon project. "
            "The two-year project starting in October 2025 is run together with Brookvale College.\n")
    assert periods(text) == {"Quillon": ("2025-10", None)}


def test_an_english_month_without_its_year_opens_a_period_whose_end_has_it():
    dates = lambda text: [(d.value, d.end_value) for d in find_dates(text, "en")]
    assert dates("The reading camps run from April to September 2026.") == [("2026-04", "2026-09")]
    assert dates("Lessons are held from 2 February to 14 June 2027.") == [("2027-02-02", "2027-06-14")]
    assert dates("The course runs from October to March 2027.") == [("2026-10", "2027-03")]
    # a modal verb is no month, and a day and a month are no period
    assert dates("Schools may to 4 May 2026 send their plans.") == [("2026-05-04", None)]


def test_english_dates_with_slashes_short_month_names_and_framed_months():
    dates = lambda text: [(d.value, d.end_value) for d in find_dates(text, "en")]
    assert dates("Duration: 1/10/2025 – 30/9/2027") == [("2025-10-01", "2027-09-30")]  # the day first
    assert dates("Runtime: Feb 2026 – Nov 2027") == [("2026-02", "2027-11")]
    assert dates("The clubs meet between October 2025 and April 2026.") == [("2025-10", "2026-04")]
    # two days joined without the frame are two days
    assert dates("The clubs met on 2 October 2025 and 9 April 2026.") == [("2025-10-02", None), ("2026-04-09", None)]
