"""Worker processes with a deadline and a memory cap per task.

A signal-based timeout does not fire while C code (zlib, pdfium) is busy, so the only deadline
that holds is killing the process (RELIABILITY.md cases 7, 30, 31). Each worker:

* runs one task at a time, sent over its own pipe, so the parent always knows which task a
  worker holds and can kill exactly that worker when the task's deadline passes;
* caps its address space (`RLIMIT_AS`) so a decompression bomb ends in `MemoryError` or in the
  worker's death instead of eating the machine, and writes no core dumps (`RLIMIT_CORE` 0);
* ignores Ctrl-C (the parent handles it and kills the workers) and dies with the parent
  (`PR_SET_PDEATHSIG`);
* is replaced by a fresh one after `recycle_after` tasks, or as soon as its peak resident memory
  passes half its cap, so memory that libraries keep between documents cannot grow without bound.

The parent never reads the inputs; it hands out tasks in order and yields each outcome as it
comes back. `Pool.map` yields `(index, Outcome)` pairs; callers put them back in input order.
"""

from __future__ import annotations

import ctypes
import faulthandler
import logging
import multiprocessing as mp
import os
import resource
import signal
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator

log = logging.getLogger("plandoc.pool")

MIB = 1024 * 1024


@dataclass
class Limits:
    timeout: float = 60.0  # seconds of wall time per task
    max_memory_mb: int | None = 2048  # address space of a worker (RLIMIT_AS); None: no cap
    recycle_after: int = 100  # tasks per worker before it is replaced


@dataclass
class Outcome:
    """What came back for one task: a value, or why there is none."""

    value: Any = None
    failure: str | None = None  # None | "timeout" | "crashed" | "memory"
    detail: str = ""
    seconds: float = 0.0


def _context() -> mp.context.BaseContext:
    # fork: workers start in milliseconds and share the loaded rules copy-on-write.
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass


def _apply_limits(max_memory_mb: int | None) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):  # pragma: no cover
        pass
    if max_memory_mb:
        cap = max_memory_mb * MIB
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))


def _worker_main(conn: Connection, fn: Callable[[Any], Any], max_memory_mb: int | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    faulthandler.disable()  # no crash dumps from a worker (RELIABILITY.md case 40)
    _die_with_parent()
    _apply_limits(max_memory_mb)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        index, payload = msg
        try:
            value = fn(payload)
        except MemoryError:
            conn.send((index, None, "memory", worker_rss_kib()))
            return  # state after MemoryError is not to be trusted: let the parent replace us
        except BaseException as exc:  # noqa: BLE001 - the parent decides; never a traceback with locals
            conn.send((index, None, f"crashed:{type(exc).__name__}", worker_rss_kib()))
            return
        conn.send((index, value, None, worker_rss_kib()))


class _Worker:
    def __init__(self, ctx, fn, limits: Limits, number: int):
        self.number = number
        parent_end, child_end = ctx.Pipe(duplex=True)
        self.conn: Connection = parent_end
        self.proc = ctx.Process(target=_worker_main, args=(child_end, fn, limits.max_memory_mb),
                                name=f"plandoc-worker-{number}", daemon=True)
        self.proc.start()
        child_end.close()
        self.task: int | None = None
        self.started = 0.0
        self.done = 0

    def send(self, index: int, payload: Any) -> None:
        self.task = index
        self.started = time.monotonic()
        self.conn.send((index, payload))

    def kill(self) -> None:
        if self.proc.is_alive():
            try:
                os.kill(self.proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.proc.join(5)
        self.conn.close()

    def retire(self) -> None:
        try:
            self.conn.send(None)
        except (BrokenPipeError, OSError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


def _describe_death(exitcode: int | None) -> tuple[str, str]:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return "crashed", name
    return "crashed", f"exit status {exitcode}"


class Pool:
    """`workers` processes running `fn(payload)` under `limits`."""

    def __init__(self, fn: Callable[[Any], Any], workers: int, limits: Limits):
        self.fn = fn
        self.size = max(1, workers)
        self.limits = limits
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self._started = 0
        self.peak_worker_rss_kib = 0

    def _spawn(self) -> _Worker:
        self._started += 1
        w = _Worker(self._ctx, self.fn, self.limits, self._started)
        self._workers.append(w)
        log.debug("worker %d started (pid %d)", w.number, w.proc.pid)
        return w

    def _replace(self, w: _Worker, *, kill: bool) -> None:
        w.kill() if kill else w.retire()
        self._workers.remove(w)

    def map(self, tasks: Iterable[tuple[int, Any]]) -> Iterator[tuple[int, Outcome]]:
        pending = iter(tasks)
        exhausted = False
        try:
            while True:
                # Hand a task to every idle worker, starting workers as needed.
                while not exhausted:
                    idle = next((w for w in self._workers if w.task is None), None)
                    if idle is None and len(self._workers) < self.size:
                        idle = self._spawn()
                    if idle is None:
                        break
                    try:
                        index, payload = next(pending)
                    except StopIteration:
                        exhausted = True
                        break
                    try:
                        idle.send(index, payload)
                    except (BrokenPipeError, OSError):
                        # The worker died before taking the task (e.g. killed from outside).
                        self._replace(idle, kill=True)
                        yield index, Outcome(failure="crashed", detail="worker was gone")
                busy = [w for w in self._workers if w.task is not None]
                if not busy:
                    if exhausted:
                        return
                    continue
                now = time.monotonic()
                next_deadline = min(w.started + self.limits.timeout for w in busy)
                ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy],
                             timeout=max(0.0, next_deadline - now))
                for w in busy:
                    yield from self._collect(w, ready)
        finally:
            self.close()

    def _collect(self, w: _Worker, ready: list) -> Iterator[tuple[int, Outcome]]:
        index = w.task
        assert index is not None
        elapsed = time.monotonic() - w.started
        message = None
        if w.conn in ready or w.proc.sentinel in ready:
            try:
                if w.conn.poll():
                    message = w.conn.recv()
            except (EOFError, OSError):
                message = None
        if message is not None:
            _, value, problem, rss = message
            w.task = None
            w.done += 1
            self.peak_worker_rss_kib = max(self.peak_worker_rss_kib, rss)
            if problem is None:
                yield index, Outcome(value=value, seconds=elapsed)
                swollen = self.limits.max_memory_mb and rss * 1024 > self.limits.max_memory_mb * MIB // 2
                if w.done >= self.limits.recycle_after or swollen:
                    log.debug("worker %d recycled after %d tasks (peak %.0f MiB)", w.number, w.done, rss / 1024)
                    self._replace(w, kill=False)
                return
            self._replace(w, kill=True)
            if problem == "memory":
                yield index, Outcome(failure="memory", detail="MemoryError", seconds=elapsed)
            else:
                yield index, Outcome(failure="crashed", detail=problem.partition(":")[2], seconds=elapsed)
            return
        if w.proc.sentinel in ready or not w.proc.is_alive():
            w.proc.join(1)
            failure, detail = _describe_death(w.proc.exitcode)
            log.info("worker %d stopped during task #%d (%s)", w.number, index, detail)
            self._replace(w, kill=True)
            yield index, Outcome(failure=failure, detail=detail, seconds=elapsed)
            return
        if elapsed >= self.limits.timeout:
            log.info("task #%d passed its %.0f s deadline; worker %d killed", index, self.limits.timeout, w.number)
            self._replace(w, kill=True)
            yield index, Outcome(failure="timeout", detail=f"{self.limits.timeout:g} s", seconds=elapsed)

    def close(self) -> None:
        """Kill every worker this pool started (used on Ctrl-C and on any error)."""
        for w in list(self._workers):
            if w.task is not None:
                w.kill()
            else:
                w.retire()
        self._workers.clear()


def address_space_mb() -> int | None:
    """This process's current address space (VmSize) in MB; a forked worker starts with it."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def worker_rss_kib() -> int:
    """This process's peak resident memory in KiB (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
