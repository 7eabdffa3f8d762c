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


def _watch(parent: int, every: float) -> None:
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)  # orphaned: the parent's work is lost anyway, and no cleanup of ours is owed to anyone


def exit_with_parent(every: float = 1.0) -> None:
    """Start a daemon thread that ends this process once its parent is gone (it is re-parented)."""
    # a multiprocessing child knows its parent's pid from the start: its parent may have died while it was still
    # importing, and then os.getppid() already names the process that adopted it
    spawner = multiprocessing.parent_process()
    parent = spawner.pid if spawner is not None else os.getppid()
    if os.getppid() != parent:
        os._exit(0)
    threading.Thread(target=_watch, args=(parent, every), name="exit-with-parent", daemon=True).start()
