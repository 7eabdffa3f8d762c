"""A worker process ends soon after the process that asked for it is killed, whoever forked it: a spawned
worker, and one forked by a fork server (a large build's extraction workers), whose parent process is the server."""
from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from servers import alive, descendants, still_alive

PARENT = """
import multiprocessing, sys, time
from edukg.core.workers import exit_with_parent


def work():
    exit_with_parent()
    time.sleep(600)


if __name__ == "__main__":
    worker = multiprocessing.get_context(sys.argv[1]).Process(target=work)
    worker.start()
    time.sleep(2)  # long enough for a worker that wrongly took itself for an orphan to have left
    print(worker.pid, flush=True)
    time.sleep(600)
"""


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_a_worker_outlives_neither_its_work_nor_its_killed_parent(tmp_path: Path, method: str):
    script = tmp_path / "parent.py"
    script.write_text(PARENT, encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script), method], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(parent.stdout.readline())
        below = descendants(parent.pid)  # the worker, and with a fork server the server too
        assert worker in below and alive(worker), "the worker left while its parent was alive"
        parent.send_signal(signal.SIGKILL)
    finally:
        parent.kill()
        parent.wait(timeout=30)
    assert not still_alive(below, within=10), "processes outlived their killed parent"
