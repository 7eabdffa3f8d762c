"""Published data never shows where a source file sat on the machine that built it.

`dcterms:source` of a source document holds the absolute `file:` URI of the build machine. Publication writes
the file's name instead (a relative IRI reference, still an xsd:anyURI), in every page, dump and query
answer of `serve`, without changing what the store holds.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox

DCTERMS_SOURCE = ox.NamedNode("http://purl.org/dc/terms/source")


def relative_source(value: str) -> str:
    """`file:///home/me/corpus/a.txt` → `a.txt`; anything that is no file path stays as it is."""
    if value.startswith("file:"):
        return PurePosixPath(unquote(urlsplit(value).path)).name
    if value.startswith("/") or (len(value) > 2 and value[1] == ":" and value[2] in "\\/"):
        return PurePosixPath(value.replace("\\", "/")).name
    return value


def _rewritten(obj: object) -> object:
    if isinstance(obj, ox.Literal):
        relative = relative_source(obj.value)
        if relative != obj.value:
            return ox.Literal(relative, datatype=obj.datatype)
    return obj


def publishable_triple(t: ox.Triple) -> ox.Triple:
    if t.predicate == DCTERMS_SOURCE:
        return ox.Triple(t.subject, t.predicate, _rewritten(t.object))
    return t


def publishable_quad(q: ox.Quad) -> ox.Quad:
    if q.predicate == DCTERMS_SOURCE:
        return ox.Quad(q.subject, q.predicate, _rewritten(q.object), q.graph_name)
    return q


# A file: URI up to its last slash; what follows (the file's name) stays. Works on any serialisation's bytes.
_FILE_DIRECTORY = re.compile(rb"file:/[^\s\"'<>,\\]*/")


def strip_file_paths(data: bytes) -> bytes:
    """Serialised RDF or query results with every `file:` URI cut to the file's name (see the module doc)."""
    if b"file:/" not in data:
        return data
    return _FILE_DIRECTORY.sub(b"", data)
