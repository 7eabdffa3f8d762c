"""simplemma's low-memory dictionaries with their block index kept on disk: the same entries as simplemma's own,
read back from the cache, rebuilt when the file is damaged, and skipped when the folder cannot be written."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from simplemma.strategies.dictionaries.stream_dictionary_factory import StreamMap

from edukg.ingest import dictionaries


def _same(a: StreamMap, b: StreamMap) -> None:
    assert (a._rev, a._count, a._pos, a._firsts, a._blocks) == (b._rev, b._count, b._pos, b._firsts, b._blocks)
    for key in itertools.islice(iter(b), 0, None, 37):
        assert a.get(key) == b.get(key)
    assert a.get("zzqxv-no-such-form") is None


@pytest.fixture
def cache(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("EDUKG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_the_index_is_written_once_and_read_back(cache: Path, monkeypatch):
    own = StreamMap("en")
    first = dictionaries.stream_map("en")
    [written] = cache.iterdir()
    _same(first, own)
    built: list[str] = []
    monkeypatch.setattr(dictionaries, "_write_index", lambda path, index: built.append(str(path)))
    again = dictionaries.stream_map("en")
    assert not built  # read, not built
    _same(again, own)


def test_a_damaged_cache_file_is_rebuilt(cache: Path):
    dictionaries.stream_map("en")
    [written] = cache.iterdir()
    written.write_bytes(written.read_bytes()[: written.stat().st_size // 2])
    _same(dictionaries.stream_map("en"), StreamMap("en"))
    assert dictionaries._read_index(written) is not None  # whole again


def test_a_folder_that_cannot_be_written_only_costs_the_time(tmp_path: Path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("EDUKG_CACHE_DIR", str(blocked / "cache"))
    _same(dictionaries.stream_map("en"), StreamMap("en"))


def test_lemmas_come_through_the_kept_index():
    import simplemma
    from simplemma.strategies.dictionaries import LOW_MEMORY_DICTIONARY_FACTORY
    from edukg.ingest.text import LOW_MEMORY, lemma
    assert LOW_MEMORY and LOW_MEMORY_DICTIONARY_FACTORY._get_dictionary.__wrapped__ is dictionaries.stream_map
    assert lemma("houses", "en") == simplemma.lemmatize("houses", lang="en") == "house"
