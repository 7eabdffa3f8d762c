"""Resource pages read, rendered and written in worker processes, each with its own reader of the store.

Per resource, reading its triples and labels from the store and rendering and writing its four files cost about
the same. A worker process does both for a page of IRIs through its own read-only opening of the store (the
Store interface's `reader`, so `--endpoint` works too): every core reads and writes, and only lists of IRIs
cross between processes — handing each page's triples and labels to a renderer cost more than rendering them.
A store no other process can open (one in memory) is read and written in this process. Only a bounded number
of pages is in flight, so memory holds a few pages, never the store.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from edukg.core.store import Store
from edukg.core.workers import exit_with_parent
from edukg.publish.describe import LabelCache, read_page
from edukg.publish.pages import PageRenderer, Site, write_page

_worker: tuple[Callable[[], Store], PageRenderer, str, LabelCache] | None = None
_store: Store | None = None


def _start(open_store: Callable[[], Store], site: Site, out: str) -> None:
    global _worker
    exit_with_parent()  # a publish killed outright leaves no idle writer behind
    _worker = (open_store, PageRenderer(site), out, LabelCache())


def _publish(iris: list[str]) -> int:
    global _store
    assert _worker is not None
    open_store, renderer, out, cache = _worker
    if _store is None:
        # opened by the first page, not when the process starts: a store that cannot be opened is then an
        # error that reaches the user as one line, not a broken pool
        _store = open_store()
    return publish_page(_store, renderer, out, iris, cache)


def publish_page(store: Store, renderer: PageRenderer, out: str, iris: list[str], cache: LabelCache) -> int:
    """Read the resources `iris` and write their files; returns the number of files written."""
    resources, labels = read_page(store, iris, renderer.site.base, cache)
    return write_page(resources, renderer, labels, out)


class PageWriters:
    """`submit` a page of resource IRIs; `finish` waits for all and returns the number of files written.
    With `workers` ≤ 1, or a store no other process can open, the pages are written at once in this process."""

    def __init__(self, store: Store, site: Site, out: Path, workers: int) -> None:
        self.store, self.renderer, self.out, self.files = store, PageRenderer(site), str(out), 0
        self.cache = LabelCache()
        self.limit = 2 * workers
        self.pending: deque[Future[int]] = deque()
        reader = store.reader() if workers > 1 else None
        # spawn, not fork: the parent holds the store's engine and its threads, which a fork would copy
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start, initargs=(reader, site, self.out)) if reader else None

    def submit(self, iris: list[str]) -> None:
        if self.pool is None:
            self.files += publish_page(self.store, self.renderer, self.out, iris, self.cache)
            return
        while len(self.pending) >= self.limit:
            self.files += self.pending.popleft().result()
        self.pending.append(self.pool.submit(_publish, iris))

    def finish(self) -> int:
        while self.pending:
            self.files += self.pending.popleft().result()
        return self.files

    def __enter__(self) -> PageWriters:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
