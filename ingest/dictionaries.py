"""simplemma's low-memory dictionaries, with the index of their blocks kept on disk between runs.

A low-memory dictionary reads the entries from the decompressed stream through an index of every 32nd entry,
which simplemma builds by decoding the whole stream in Python: 2.0 s of CPU for the three languages, two
thirds of what a build's worker pays before it extracts at speed (and, in a large build, all of it on one
core before any worker starts). The index depends only on the stream, so it is written once into the user's
cache folder (`EDUKG_CACHE_DIR`, else `$XDG_CACHE_HOME/edukg` or `~/.cache/edukg`) under the stream's digest,
and read back in a few milliseconds. The dictionaries give the same entries either way; a cache that cannot
be read or written is rebuilt or skipped, never trusted.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

_FORMAT = 1  # of the cache files; a change of it (or of the stream) names other files


def cache_dir() -> Path:
    explicit = os.environ.get("EDUKG_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "edukg"


def stream_map(lang: str):
    """simplemma's `StreamMap` of `lang`, its block index read from the cache (written there if missing)."""
    from simplemma.strategies.dictionaries.dictionary_factory import _read_decompressed
    from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

    data = _read_decompressed(lang)
    path = cache_dir() / f"simplemma-{lang}-{hashlib.sha1(data).hexdigest()}-{_FORMAT}.index"
    index = _read_index(path)
    if index is not None:
        found = StreamMap.__new__(StreamMap)
        found._data = data
        found._rev, found._count, found._pos, found._firsts, found._blocks = index
        return found
    built = StreamMap(lang)
    _write_index(path, (built._rev, built._count, built._pos, built._firsts, built._blocks))
    return built


def _read_index(path: Path) -> tuple | None:
    try:
        index = marshal.loads(path.read_bytes())
        rev, count, pos, firsts, blocks = index
        # one seed per started block of 32 entries: a file cut short or from elsewhere does not pass
        if not (isinstance(rev, bool) and len(firsts) == len(blocks) == (count + 31) // 32):
            return None
        return index
    except (OSError, ValueError, EOFError, TypeError):
        return None


def _write_index(path: Path, index: tuple) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # written beside and renamed: a reader never sees half a file, two writers leave one whole one
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=path.name, delete=False) as f:
            f.write(marshal.dumps(index))
        os.replace(f.name, path)
    except OSError as e:  # a read-only home: each process builds the index itself, as simplemma does
        log.debug("cannot keep the dictionary index in %s: %s", path.parent, e)


def keep_block_index() -> None:
    """Make simplemma's low-memory dictionaries (`low_memory=True`) come from `stream_map`. Nothing is loaded
    here; each language is, on its first look-up, as before."""
    try:
        from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY as factory
        from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap
    except ImportError:  # another simplemma: its own loading stands
        return
    if hasattr(factory, "_get_dictionary") and hasattr(StreamMap, "_blocks"):
        factory._get_dictionary = lru_cache(maxsize=8)(stream_map)
