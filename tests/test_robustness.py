"""Text the rules never saw must not break a build: pieces of the sample texts cut at random places, with
odd characters and list markers, always extract, map to RDF and conform to the shapes."""
import random
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

from edukg.ingest.model import Document
from edukg.ingest.pipeline import extract
from edukg.ingest.to_rdf import to_rdf
from edukg.validate import load_ontology_graph, validate_dataset

CORPUS = Path(__file__).parents[1] / "edukg" / "data" / "corpus"
ODD = ["", "\n\n\n", "(", "–", "1.1.", "2021-2023", "ABC (DEF)", "Hanke -hanke", "• \n• x", "Rahoittaja\n\n",
       "Toteuttajat\n–\n–", "\u00a0\u202f", "X: Y: Z", "palkinto palkinto", "University of the", "'s",
       "EUR EUR 5", "5 000 000 000 000 euroa", ":n", "Members of\nFrance:", "Sakky:n Sakkyn", "Koalitionen för"]


def pieces(n: int, seed: int = 7):
    rnd = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    for i in range(n):
        t = rnd.choice(texts)
        a, b = sorted(rnd.randrange(len(t) + 1) for _ in range(2))
        yield i, t[a:b] + rnd.choice(ODD) + rnd.choice(texts)[: rnd.randrange(400)]


@pytest.mark.parametrize("i,text", list(pieces(40)))
def test_any_piece_of_text_builds_a_conforming_graph(i, text):
    doc = Document(id=f"piece{i}", path=f"/tmp/piece{i}.txt", text=text, format="text/plain", sha256="0" * 64)
    ex = extract(doc)
    assert ex.warnings == []  # no step failed
    ds = Dataset()
    g = ds.graph(URIRef(f"https://w3id.org/edukg/graph/source/piece{i}"))
    for triple in to_rdf(ex):
        g.add(triple)
    report = validate_dataset(ds, ontology_graph=ONTOLOGY)
    assert report.conforms, report.text()


ONTOLOGY = load_ontology_graph()
