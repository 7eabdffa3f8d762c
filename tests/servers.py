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
def running(args: list[str], probe_url: str) -> Iterator[subprocess.Popen]:
    """Start a server process, wait until it answers, stop it afterwards."""
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(probe_url, process)
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
