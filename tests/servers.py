"""A real Oxigraph server (the `oxigraph` executable of the test extra) on a free loopback port, for the tests
that need a remote SPARQL endpoint and Graph Store."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def oxigraph_executable() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    if beside_python.is_file():
        return str(beside_python)
    return shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen, seconds: float = 30.0) -> None:
    """Wait until GET `url` answers (any HTTP status), or fail if the process exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {seconds} s")


@contextmanager
def running(args: list[str], probe_url: str, seconds: float = 30.0) -> Iterator[subprocess.Popen]:
    """Start a server process, wait until it answers, stop it afterwards."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(probe_url, process, seconds)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """An Oxigraph server on `location`; yields its base URL (`/query`, `/update`, `/store`)."""
    executable = oxigraph_executable()
    if executable is None:
        import pytest
        pytest.skip("the oxigraph server is not installed (pip install oxigraph, or pip install -e .[test])")
    url = f"http://127.0.0.1:{free_port()}"
    with running([executable, "serve", "--location", str(location), "--bind", url.removeprefix("http://")],
                 url + "/query?query=ASK%7B%7D"):
        yield url


# --- a server's process tree (Linux /proc) ---------------------------------------------------------------


def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()  # fields from the state on; the name may hold spaces


def alive(pid: int) -> bool:
    """Whether the process exists and is not a zombie (a zombie is a child nobody reaped)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def still_alive(pids, within: float, every: float = 0.2) -> list[int]:
    """The processes of `pids` still alive after waiting up to `within` seconds for all of them to end."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(every)
    return [p for p in pids if alive(p)]


def exists(pid: int) -> bool:
    """Whether the process id is taken at all, by a running process or an unreaped zombie."""
    return _stat(pid) is not None


def descendants(pid: int) -> list[int]:
    """The process ids below `pid`: its children, theirs, and so on."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) is not None:
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return sorted(found)


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes have used so far (those gone count nothing)."""
    import os
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        if (fields := _stat(pid)) is not None:
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks
