"""Atomic, owner-only output files: a crash never leaves a half-written report or document."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes | str, mode: int = 0o600) -> Path:
    """Write to a temporary file beside `path`, fsync, then rename over it.

    The file is created readable by the owner only (reports and plans hold PHI). A symbolic link
    already sitting at `path` is refused rather than followed.
    """
    path = Path(path)
    if path.is_symlink():
        raise OSError(f"refusing to write through a symbolic link: {path.name}")
    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    try:
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:
        pass
    return path
