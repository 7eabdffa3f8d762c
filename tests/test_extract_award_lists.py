"""Awards listed as given at a ceremony, to people the sentence does not name ("The A, the B and the C were
presented at …"): each is an award of the text, with no recipient (issue 12, construction 6). One name alone
makes none, and an award whose recipient another sentence names is not repeated. All texts are invented."""
from __future__ import annotations

import pytest
from rdflib import RDF, SKOS

from edukg.core.namespaces import EDUKG
from edukg.ingest.to_rdf import to_rdf
from extraction import run


def awards(text: str) -> set[tuple[str, str | None]]:
    return {(a.award, a.recipient) for a in run(text).awards}


@pytest.mark.parametrize("text, names", [
    ("Uutiset\n\nTurun yliopiston vuosijuhlassa jaettiin Majakka-palkinto, Lumme-palkinto ja Kaarna-palkinto.\n",
     {"Majakka-palkinto", "Lumme-palkinto", "Kaarna-palkinto"}),
    ("Nyheter\n\nVid årsfesten tilldelades Fyrpriset, Stjärnpriset och Ankarpriset.\n",
     {"Fyrpriset", "Stjärnpriset", "Ankarpriset"}),
    ("News\n\nThe Lighthouse Award, the Anchor Prize and the Mentor Team of the Year were presented at the spring "
     "gala.\n", {"Lighthouse Award", "Anchor Prize", "Mentor Team of the Year"}),
])
def test_awards_listed_as_given_are_awards_without_a_recipient(text, names):
    assert awards(text) == {(n, None) for n in names}


def test_an_award_whose_recipient_is_named_is_not_repeated_without_one():
    got = awards("News\n\nThe Lighthouse Award, the Anchor Prize and the Mentor Team of the Year were presented at "
                 "the spring gala. The Lighthouse Award went to Maria Virtanen.\n")
    assert got == {("Lighthouse Award", "Maria Virtanen"), ("Anchor Prize", None), ("Mentor Team of the Year", None)}


def test_one_award_named_as_given_to_no_one_makes_none():
    assert awards("News\n\nThe Lighthouse Award was presented at the spring gala.\n") == set()


def test_an_award_without_a_recipient_is_written_as_an_award_alone():
    g = to_rdf(run("News\n\nThe Lighthouse Award and the Anchor Prize were presented at the spring gala.\n"))
    labels = {str(o) for s in g.subjects(RDF.type, EDUKG.Award) for o in g.objects(s, SKOS.prefLabel)}
    assert labels == {"Lighthouse Award", "Anchor Prize"}
    assert not list(g.subjects(RDF.type, EDUKG.AwardConferral))
