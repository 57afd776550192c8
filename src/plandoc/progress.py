"""A one-line progress bar on standard error: files done, rate, time left.

Shown only when standard error is a terminal and not in CI (`CI` set); silent otherwise, so
piped output and logs stay clean. It prints counts and times only, never a file name.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


def wanted(stream: TextIO | None = None) -> bool:
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        return False
    return tty and not os.environ.get("CI")


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


class Progress:
    def __init__(self, stream: TextIO | None = None, width: int = 24, every: float = 0.1):
        self.stream = stream or sys.stderr
        self.width = width
        self.every = every
        self.started = time.monotonic()
        self._last = 0.0
        self._shown = False

    def line(self, done: int, total: int, now: float | None = None) -> str:
        now = time.monotonic() if now is None else now
        elapsed = max(now - self.started, 1e-6)
        rate = done / elapsed
        filled = int(self.width * done / total) if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        left = _clock((total - done) / rate) if rate > 0 and done < total else "0:00"
        return f"[{bar}] {done}/{total} files  {rate:.1f}/s  {left} left"

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < self.every:
            return
        self._last = now
        self.stream.write("\r" + self.line(done, total, now) + "\033[K")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self._shown = False
