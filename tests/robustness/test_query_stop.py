"""A query past `edukg serve --timeout` is really stopped: its process is killed, the CPU it held is free again,
the endpoint answers the next query, and runaway queries do not hold up resource pages. The server's process
tree is read from /proc (Linux), on real `edukg serve` processes; SIGTERM ends the server and every process
it started."""
from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from servers import alive, command_line, cpu_seconds, descendants, exists, free_port, running, still_alive, wait_for

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")

# three copies of every quad joined with each other: about 10^10 solutions on the sample store, hours of work
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUICK = "ASK { ?s ?p ?o }"
PAGE = "/id/organisation/savon-koulutuskuntayhtyma.ttl"


@pytest.fixture(scope="module")
def store_path(sample_store, tmp_path_factory):
    from conftest import copy_store
    return copy_store(sample_store.path, tmp_path_factory.mktemp("stop") / "store")


def serve_args(store_path: Path, port: int, *options: str) -> list[str]:
    return [sys.executable, "-m", "edukg", "serve", "--store", str(store_path), "--port", str(port), "-q", *options]


def query_processes(server: int) -> list[int]:
    return [p for p in descendants(server) if "edukg.serve.query_processes" in command_line(p)]


def wait_for_query_processes(server: int, n: int, seconds: float = 30.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pids = query_processes(server)
        if len(pids) == n:
            return pids
        time.sleep(0.1)
    raise AssertionError(f"expected {n} query processes, found {query_processes(server)}")


def get(port: int, path: str, accept: str = "application/sparql-results+json",
        timeout: float = 60.0) -> tuple[int, bytes, float]:
    """Status, body and seconds taken of one GET."""
    started = time.monotonic()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as r:
            status, body = r.status, r.read()
    except urllib.error.HTTPError as e:
        status, body = e.code, e.read()
    return status, body, time.monotonic() - started


def sparql(port: int, query: str, **kw) -> tuple[int, bytes, float]:
    return get(port, "/sparql?query=" + urllib.parse.quote(query), **kw)


def in_background(port: int, query: str) -> tuple[threading.Thread, list]:
    answers: list = []

    def ask() -> None:
        try:
            answers.append(sparql(port, query))
        except OSError as e:  # the server went away (killed by the test)
            answers.append((None, str(e).encode(), 0.0))
    thread = threading.Thread(target=ask)
    thread.start()
    return thread, answers


def test_a_runaway_query_is_stopped_at_the_timeout_and_its_cpu_freed(store_path):
    port = free_port()
    with running(serve_args(store_path, port, "--timeout", "2", "--query-processes", "2"),
                 f"http://127.0.0.1:{port}/void") as server:
        before = wait_for_query_processes(server.pid, 2)
        status, body, seconds = sparql(port, RUNAWAY)
        assert status == 503 and b"longer than 2 s and was stopped" in body
        assert seconds < 2 + 1.5
        # the process that ran it is gone, reaped (not a zombie), and a new one has taken its place
        killed = [p for p in before if p not in query_processes(server.pid)]
        assert len(killed) == 1 and not exists(killed[0])
        assert sparql(port, QUICK)[:2] == (200, b'{"head":{},"boolean":true}')
        wait_for_query_processes(server.pid, 2)
        # a thread still computing would take a share of a core in every second (a third of one on a machine
        # loaded 3 runnable processes per core); the server's tree now idles
        idle = []
        for _ in range(5):
            tree = [server.pid, *descendants(server.pid)]
            start = cpu_seconds(tree)
            time.sleep(1.0)
            idle.append(cpu_seconds(tree) - start)
            if idle[-1] < 0.05:
                break
        assert min(idle) < 0.05, f"CPU seconds used per second after the 503: {idle}"


def test_runaway_queries_do_not_hold_up_pages_or_the_next_queries(store_path):
    port = free_port()
    timeout = 4
    with running(serve_args(store_path, port, "--timeout", str(timeout), "--query-processes", "2"),
                 f"http://127.0.0.1:{port}/void") as server:
        wait_for_query_processes(server.pid, 2)
        # one runaway: the other process answers a quick query at once, and pages are served
        thread, answers = in_background(port, RUNAWAY)
        time.sleep(0.5)
        status, _, seconds = sparql(port, QUICK)
        assert status == 200 and seconds < 2.0
        status, body, seconds = get(port, PAGE, accept="text/turtle")
        assert status == 200 and b"prefLabel" in body and seconds < 2.0
        thread.join()
        assert answers[0][0] == 503 and answers[0][2] < timeout + 1.5
        wait_for_query_processes(server.pid, 2)

        # more runaways than processes: pages are still served while they run; each runaway is answered 503
        # within its timeout (stopped, or never run when no process came free), and then queries run again
        runaways = [in_background(port, RUNAWAY) for _ in range(3)]
        time.sleep(0.5)
        status, body, seconds = get(port, PAGE, accept="text/turtle")
        assert status == 200 and b"prefLabel" in body and seconds < 2.0
        for thread, answers in runaways:
            thread.join()
            [(status, body, seconds)] = answers
            assert status == 503 and seconds < timeout + 1.5, (status, body, seconds)
            assert b"was stopped" in body or b"no query process was free" in body
        assert sparql(port, QUICK)[0] == 200


def test_sigterm_ends_every_worker_and_query_process(store_path):
    port = free_port()
    process = subprocess.Popen(serve_args(store_path, port, "--workers", "2", "--timeout", "3"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for(f"http://127.0.0.1:{port}/void", process)
        wait_for_query_processes(process.pid, 4)  # two per worker
        tree = descendants(process.pid)
        thread, answers = in_background(port, RUNAWAY)  # one still running when the signal comes
        time.sleep(0.5)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
        thread.join()
        assert answers[0][0] == 503
        # uvicorn's multiprocessing resource tracker leaves when it reads the end of its pipe: a moment later
        deadline = time.monotonic() + 5
        while [p for p in tree if exists(p)] and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [p for p in tree if exists(p)], [(p, command_line(p), alive(p)) for p in tree if exists(p)]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_query_waits_for_a_free_process_only_within_its_own_timeout(store_path):
    import asyncio
    from edukg.serve.query_processes import NoFreeProcess, QueryProcesses, QueryStopped

    async def scenario() -> tuple[list[int], float]:
        pool = QueryProcesses(str(store_path), size=1)
        await pool.start()
        first = pool.pids
        try:
            runaway = asyncio.create_task(pool.run(RUNAWAY, "text/csv", timeout=4))
            await asyncio.sleep(0.3)
            started = asyncio.get_running_loop().time()
            with pytest.raises(NoFreeProcess):
                await pool.run(QUICK, "text/csv", timeout=1)
            waited = asyncio.get_running_loop().time() - started
            with pytest.raises(QueryStopped):
                await runaway
            answer = await pool.run(QUICK, "application/sparql-results+json", timeout=10)
            assert answer == b'{"head":{},"boolean":true}'
            assert pool.pids != first  # the runaway's process was replaced
        finally:
            await pool.close()
        return first, waited

    first, waited = asyncio.run(scenario())
    assert 1.0 <= waited < 1.5
    assert not exists(first[0])


def test_query_processes_must_be_positive(store_path):
    r = subprocess.run(serve_args(store_path, free_port(), "--query-processes", "0"), capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2 and "--query-processes" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_a_server_killed_outright_leaves_no_query_process_running(store_path):
    """SIGKILL gives the server no chance to end its query processes: they notice that it is gone."""
    port = free_port()
    with running(serve_args(store_path, port, "--timeout", "60"), f"http://127.0.0.1:{port}/void") as server:
        pids = wait_for_query_processes(server.pid, 2)
        thread, _ = in_background(port, RUNAWAY)  # one of them busy with hours of work
        time.sleep(0.5)
        server.kill()
        server.wait()
        thread.join()
        left = still_alive(pids, within=5, every=0.1)
        assert not left, [(p, command_line(p)) for p in left]
