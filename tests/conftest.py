"""Shared fixtures: the sample corpus built once per session, a CLI runner, the shared development corpus.

Building the sample corpus is the slowest thing the tests do (the lemmatiser's dictionaries load on first
use), so it happens once, through the library function, into a session directory that is closed afterwards.
A test that reads that store copies the directory (`sample_store_copy`) — RocksDB takes a lock on open, and a
test that writes must not change what the next test sees.
"""
from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from edukg.build import BuildReport, build, sample_corpus
from edukg.core.store import OxigraphStore

TESTS = Path(__file__).parent
ROOT = TESTS.parent
GOLD = TESTS / "gold"
# The development corpus sits beside the project, not in it: tests that use it skip where it is absent.
DEV_CORPUS = Path(__file__).parents[2] / "shared" / "corpus" / "dev"


@dataclass(frozen=True)
class BuiltStore:
    path: Path  # a closed store directory: copy it before opening
    report: BuildReport


@pytest.fixture(scope="session")
def sample_corpus_dir() -> Path:
    """The folder of the sample corpus shipped inside the package (what `edukg build` reads by default)."""
    files = sample_corpus()
    assert files, "the package ships no sample corpus"
    return files[0].parent


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> BuiltStore:
    """The bundled sample corpus, built once with `edukg.build.build(None, store)` and closed."""
    path = tmp_path_factory.mktemp("sample") / "store"
    store = OxigraphStore(path)
    try:
        report = build(None, store)
    finally:
        store.close()
        del store
        gc.collect()  # pyoxigraph releases the RocksDB lock when the last reference goes
    return BuiltStore(path, report)


def copy_store(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest)
    return dest


@pytest.fixture
def sample_store_copy(sample_store: BuiltStore, tmp_path: Path) -> Path:
    """A private copy of the built sample store, for a test that opens it or writes to it."""
    return copy_store(sample_store.path, tmp_path / "store")


@pytest.fixture(scope="session")
def dev_corpus() -> Path:
    """The shared development corpus (docs/ and gold/); the test is skipped where it is not checked out."""
    if not (DEV_CORPUS / "docs").is_dir():
        pytest.skip(f"development corpus not present at {DEV_CORPUS}")
    return DEV_CORPUS


CliResult = tuple[int, str, str]


def _run_cli(*args: str | Path, cwd: str | Path | None = None, timeout: float = 120) -> CliResult:
    env = dict(os.environ)
    env.pop("EDUKG_STORE", None)  # the tests name the store explicitly
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run([sys.executable, "-m", "edukg", *map(str, args)], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", cwd=cwd, env=env, timeout=timeout)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def cli(tmp_path: Path) -> Callable[..., CliResult]:
    """`cli("query", "--list")` runs `python -m edukg query --list` in a temporary working directory and
    returns (exit code, stdout, stderr), so a forgotten --store never writes ./edukg-store into the project."""
    def run(*args: str | Path, cwd: str | Path | None = None, timeout: float = 120) -> CliResult:
        return _run_cli(*args, cwd=cwd or tmp_path, timeout=timeout)
    return run


@pytest.fixture(scope="module")
def module_cli(tmp_path_factory) -> Callable[..., CliResult]:
    """The same runner for module-scoped fixtures."""
    cwd = tmp_path_factory.mktemp("cwd")

    def run(*args: str | Path, cwd: str | Path | None = cwd, timeout: float = 120) -> CliResult:
        return _run_cli(*args, cwd=cwd, timeout=timeout)
    return run
