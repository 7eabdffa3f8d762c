"""English names whose capitalised words run over a linking word before the head ("Timber Industries of
Norland Jubilee Foundation"): one name, unless the words before the link are a job title ("Director of …").
Invented texts; English names occur on Finnish and Swedish pages too."""
import pytest

from extraction import run


def organisations(text: str) -> set[str]:
    return {o.name for o in run(text).organisations.values()}


@pytest.mark.parametrize("text, name", [
    ("In 2019 the Timber Industries of Norland Jubilee Foundation gave her a grant.\n",
     "Timber Industries of Norland Jubilee Foundation"),
    ("The report was written by the Friends of Lakeside University together with the city.\n",
     "Friends of Lakeside University"),
    ("Palkinnon myönsi Timber Industries of Norland Jubilee Foundation vuonna 2019.\n",
     "Timber Industries of Norland Jubilee Foundation"),
])
def test_capitalised_words_before_a_link_belong_to_the_name(text, name):
    assert name in organisations(text)


def test_a_job_title_before_the_link_is_no_part_of_the_name():
    got = organisations("The Director of Lakeside Learning Foundation, Anna Berg, opened the seminar.\n")
    assert "Lakeside Learning Foundation" in got and not any(n.startswith("Director") for n in got)
