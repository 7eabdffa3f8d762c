"""Shared by the extraction tests: one text through the whole pipeline, as the build runs it."""
import hashlib

from edukg.ingest.model import Document
from edukg.ingest.pipeline import extract


def run(text: str):
    doc = Document(id="test-doc", path="test-doc.txt", text=text, format="text/plain",
                   sha256=hashlib.sha256(text.encode()).hexdigest())
    ex = extract(doc)
    assert not ex.warnings, ex.warnings  # a crashing step would otherwise look like "nothing found"
    return ex
