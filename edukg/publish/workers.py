"""Resource pages rendered and written in worker processes while the main process reads the next page.

Reading a page from the store (the Store interface, so also `--endpoint`) and rendering and writing its four
files per resource take about the same time; with worker processes they overlap and use every core. Only a
bounded number of pages is in flight, so memory still holds a few pages, never the store.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from edukg.publish.describe import Resource
from edukg.publish.pages import PageRenderer, Site, write_page
from edukg.core.workers import exit_with_parent

_worker: tuple[PageRenderer, str] | None = None


def _start(site: Site, out: str) -> None:
    global _worker
    exit_with_parent()  # a publish killed outright leaves no idle writer behind
    _worker = (PageRenderer(site), out)


def _write(resources: list[Resource], labels: dict[str, dict[str, str]]) -> int:
    assert _worker is not None
    renderer, out = _worker
    return write_page(resources, renderer, labels, out)


class PageWriters:
    """`submit` a page of resources; `finish` waits for all and returns the number of files written.
    With `workers` ≤ 1 the pages are written at once in this process."""

    def __init__(self, site: Site, out: Path, workers: int) -> None:
        self.renderer, self.out, self.files = PageRenderer(site), str(out), 0
        self.limit = 2 * workers
        self.pending: deque[Future[int]] = deque()
        # spawn, not fork: the parent holds the store's engine and its threads, which a fork would copy
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_start, initargs=(site, self.out)) if workers > 1 else None

    def submit(self, resources: list[Resource], labels: dict[str, dict[str, str]]) -> None:
        if self.pool is None:
            self.files += write_page(resources, self.renderer, labels, self.out)
            return
        while len(self.pending) >= self.limit:
            self.files += self.pending.popleft().result()
        self.pending.append(self.pool.submit(_write, resources, labels))

    def finish(self) -> int:
        while self.pending:
            self.files += self.pending.popleft().result()
        return self.files

    def __enter__(self) -> PageWriters:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
