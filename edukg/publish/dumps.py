"""Dumps of the whole dataset: every named graph as TriG and as gzipped N-Quads, the ontology as Turtle.

The store streams its N-Quads into a temporary file; that file is read once per output format by a streaming
parser, with source file paths made relative on the way (see `sources.py`). Memory never holds the dataset.
"""
from __future__ import annotations

import gzip
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from edukg.publish.sources import publishable_quad
from edukg.core.store import Store

TRIG = "dumps/edukg.trig"
NQUADS_GZ = "dumps/edukg.nq.gz"
ONTOLOGY_TTL = "ontology/edukg.ttl"


@dataclass(frozen=True)
class Dump:
    path: str  # relative to the site root
    media_type: str
    compressed: bool = False


def write_dumps(store: Store, out: Path) -> list[Dump]:
    (out / "dumps").mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="edukg-dump-") as tmp:
        raw = Path(tmp) / "store.nq"
        with raw.open("wb") as f:
            store.dump(f, "nquads")
        with raw.open("rb") as src, (out / TRIG).open("wb") as dest:
            ox.serialize(map(publishable_quad, ox.parse(src, ox.RdfFormat.N_QUADS)), dest, ox.RdfFormat.TRIG)
        with raw.open("rb") as src, gzip.open(out / NQUADS_GZ, "wb", compresslevel=6) as dest:
            ox.serialize(map(publishable_quad, ox.parse(src, ox.RdfFormat.N_QUADS)), dest, ox.RdfFormat.N_QUADS)
    return [Dump(TRIG, "application/trig"), Dump(NQUADS_GZ, "application/n-quads", compressed=True)]


def write_ontology(out: Path, base: str) -> Path:
    """The ontology and the SKOS schemes (scheme IRIs under `base`) as one Turtle file."""
    from edukg.validate import load_ontology_graph
    path = out / ONTOLOGY_TTL
    path.parent.mkdir(parents=True, exist_ok=True)
    load_ontology_graph(base).serialize(destination=path, format="turtle", encoding="utf-8")
    return path
