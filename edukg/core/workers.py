"""Worker processes that end with the process that started them.

A build's extraction workers, publication's page writers and the server's query processes are spawned
children. When their parent dies without shutting them down (SIGKILL, a crash, the OOM killer), nothing tells
them: they would sit idle for ever, holding the memory of their dictionaries. Each calls `exit_with_parent`
once it starts, and leaves within about a second of its parent.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from multiprocessing.connection import wait


def _watch(parent: int, every: float) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)  # orphaned: the parent's work is lost anyway, and no cleanup of ours is owed to anyone


def _wait_for(sentinel: int) -> None:
    wait([sentinel])
    os._exit(0)  # as in _watch


def exit_with_parent(every: float = 1.0) -> None:
    """Start a daemon thread that ends this process once its parent is gone.

    The parent of a multiprocessing child is the process that asked for it, which need not be the one that forked
    it (a fork server's children are forked by the server): such a child waits on the pipe end its parent holds,
    which closes when the parent dies however it dies. Any other child watches for being re-parented."""
    spawner = multiprocessing.parent_process()
    sentinel = getattr(spawner, "sentinel", None)
    if sentinel is not None:
        threading.Thread(target=_wait_for, args=(sentinel,), name="exit-with-parent", daemon=True).start()
        return
    parent = os.getppid()
    threading.Thread(target=_watch, args=(parent, every), name="exit-with-parent", daemon=True).start()
