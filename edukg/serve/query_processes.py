"""The queries of `/sparql` on the embedded store, run in a small pool of processes that can be stopped.

pyoxigraph cannot cancel a running query: a thread given a query that runs for hours computes for hours, whatever
the request's timeout says. A process can be ended, so each server worker keeps `size` query processes, each
holding the store opened read-only; a query that outlives its timeout is stopped by killing its process (nothing
is written, so nothing can be damaged) and a fresh process takes the slot. A request waits for a free process
within its own timeout.

Parent and process talk over the process's stdin and stdout in frames: a request is a 4-byte length and
`media type \\n query`; an answer is a status byte, a 4-byte length and the engine's own serialisation
(`Store.query_raw`) or a one-line message. The process's own stdout goes to stderr, so that nothing a library
prints can corrupt a frame.

    python -m edukg.serve.query_processes STORE   # one query process (started by `QueryProcesses`)
"""
from __future__ import annotations

import asyncio
import os
import signal
import struct
import sys
from dataclasses import dataclass, field
from typing import BinaryIO

from edukg.core.errors import QueryError, StoreError
from edukg.core.workers import exit_with_parent

_LENGTH = struct.Struct("!I")
READY, RESULT, QUERY_ERROR, STORE_ERROR = b"R", b"+", b"Q", b"S"


class QueryStopped(Exception):
    """The query ran until its timeout; its process was killed."""


class NoFreeProcess(Exception):
    """Every query process stayed busy until the timeout; the query was not run."""


@dataclass
class _Process:
    process: asyncio.subprocess.Process

    @property
    def pid(self) -> int:
        return self.process.pid

    async def ask(self, query: str, media_type: str) -> bytes:
        payload = media_type.encode("ascii") + b"\n" + query.encode("utf-8", "replace")
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(_LENGTH.pack(len(payload)) + payload)
        await self.process.stdin.drain()
        status, body = await _read_answer(self.process.stdout)
        if status == RESULT:
            return body
        message = body.decode("utf-8", "replace")
        if status == QUERY_ERROR:
            raise QueryError(message)
        raise StoreError(message)


async def _read_answer(stream: asyncio.StreamReader) -> tuple[bytes, bytes]:
    head = await stream.readexactly(1 + _LENGTH.size)
    (length,) = _LENGTH.unpack(head[1:])
    return head[:1], await stream.readexactly(length)


@dataclass
class QueryProcesses:
    """`size` query processes on the store at `path`, for one server worker (one event loop)."""

    path: str
    size: int = 2
    start_timeout: float = 60.0  # seconds a new process may take to import and open the store
    _free: asyncio.Queue[_Process] = field(init=False, repr=False)
    _all: dict[int, _Process] = field(init=False, repr=False, default_factory=dict)
    _replacing: set[asyncio.Task] = field(init=False, repr=False, default_factory=set)
    _closed: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        if self.size < 1:
            raise ValueError(f"query processes: {self.size}: must be at least 1")
        self._free = asyncio.Queue()

    @property
    def pids(self) -> list[int]:
        """The process ids of the query processes alive now."""
        return sorted(self._all)

    async def start(self) -> None:
        """Start every process and wait until each has opened the store (a store that cannot be opened is a
        StoreError here, once, rather than in every request)."""
        started = await asyncio.gather(*(self._spawn() for _ in range(self.size)), return_exceptions=True)
        failed = [e for e in started if isinstance(e, BaseException)]
        for p in started:
            if isinstance(p, _Process):
                self._free.put_nowait(p)
        if failed:
            await self.close()
            raise failed[0]

    async def run(self, query: str, media_type: str, timeout: float) -> bytes:
        """The engine's serialisation of the query's result (see `Store.query_raw`, with the union of the named
        graphs as default graph). QueryStopped when it runs past `timeout` seconds (counted from the call),
        NoFreeProcess when no process was free in that time; QueryError and StoreError as `query_raw`."""
        if self._closed:
            raise StoreError("the query processes are shut down")
        deadline = asyncio.get_running_loop().time() + timeout
        try:
            async with asyncio.timeout_at(deadline):
                process = await self._free.get()
        except TimeoutError:
            raise NoFreeProcess() from None
        try:
            async with asyncio.timeout_at(deadline):
                body = await process.ask(query, media_type)
        except (QueryError, StoreError):
            self._free.put_nowait(process)  # the process answered: it is ready for the next query
            raise
        except TimeoutError:
            self._replace(process)
            await process.process.wait()  # so that "stopped" is true when the client reads it
            raise QueryStopped() from None
        except (asyncio.IncompleteReadError, ConnectionError) as e:
            self._replace(process)
            raise StoreError(f"the query process ended unexpectedly ({type(e).__name__})") from None
        except BaseException:
            # cancelled mid-answer: the process may still be computing, and half a frame may be on the way
            self._replace(process)
            raise
        self._free.put_nowait(process)
        return body

    async def close(self) -> None:
        """Kill every query process and reap it (none is left behind, running or as a zombie)."""
        self._closed = True
        replacing = list(self._replacing)
        for task in replacing:
            task.cancel()
        await asyncio.gather(*replacing, return_exceptions=True)
        for p in list(self._all.values()):
            await self._end(p)

    async def _spawn(self) -> _Process:
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "edukg.serve.query_processes", self.path,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        p = _Process(process)
        self._all[p.pid] = p
        try:
            assert process.stdout is not None
            async with asyncio.timeout(self.start_timeout):
                status, body = await _read_answer(process.stdout)
        except asyncio.IncompleteReadError:
            await self._end(p)
            raise StoreError(f"a query process on {self.path} exited as it started "
                             f"(code {process.returncode}; its error is on stderr)") from None
        except BaseException:
            await self._end(p)
            raise
        if status != READY:
            await self._end(p)
            raise StoreError(body.decode("utf-8", "replace") or "a query process could not start")
        return p

    async def _end(self, p: _Process) -> None:
        _kill(p)
        await p.process.wait()  # reaps it: no zombie
        self._all.pop(p.pid, None)

    def _replace(self, p: _Process) -> None:
        _kill(p)  # at once, not when the task below first runs

        async def replace() -> None:
            await self._end(p)
            while not self._closed:
                try:
                    self._free.put_nowait(await self._spawn())
                    return
                except (StoreError, OSError, TimeoutError) as e:
                    print(f"edukg serve: a query process could not start again: {e}; retrying in 1 s",
                          file=sys.stderr)
                    await asyncio.sleep(1.0)
        task = asyncio.get_running_loop().create_task(replace())
        self._replacing.add(task)
        task.add_done_callback(self._replacing.discard)


def _kill(p: _Process) -> None:
    if p.process.returncode is None:
        try:
            p.process.kill()  # the store is open read-only: killing it mid-query writes nothing
        except ProcessLookupError:
            pass


# --- the query process ---------------------------------------------------------------------------------


def _read_request(stream: BinaryIO) -> tuple[str, str] | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None  # the server closed the pipe: nothing more to do
    (length,) = _LENGTH.unpack(head)
    payload = stream.read(length)
    media_type, _, query = payload.partition(b"\n")
    return media_type.decode("ascii"), query.decode("utf-8", "replace")


def _write_answer(out: BinaryIO, status: bytes, body: bytes) -> None:
    out.write(status + _LENGTH.pack(len(body)) + body)
    out.flush()


def main(argv: list[str] | None = None) -> int:
    from edukg.core.store import OxigraphStore
    [path] = argv if argv is not None else sys.argv[1:]
    # Ctrl-C in a terminal reaches the whole process group; the server decides when its query processes end
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    exit_with_parent()  # a server worker killed outright (SIGKILL, a crash) cannot end its query processes
    try:
        store = OxigraphStore(path, create=False, read_only=True)
    except StoreError as e:
        _write_answer(out, STORE_ERROR, str(e).encode("utf-8"))
        return 2
    _write_answer(out, READY, b"")
    requests = sys.stdin.buffer
    while (request := _read_request(requests)) is not None:
        media_type, query = request
        try:
            _write_answer(out, RESULT, store.query_raw(query, media_type, union_default=True))
        except QueryError as e:
            _write_answer(out, QUERY_ERROR, str(e).encode("utf-8"))
        except Exception as e:  # the server answers 502 with the message; this process goes on
            _write_answer(out, STORE_ERROR, (str(e) or type(e).__name__).encode("utf-8"))
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
