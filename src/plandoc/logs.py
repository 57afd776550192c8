"""Logging to standard error that never holds document text, field values or paths.

plandoc's own log lines name documents by their index in the run and a SHA-256 prefix, and
otherwise carry counts and timings only (file names can hold client names: RELIABILITY.md
case 27). Libraries that log document content at DEBUG (pdfminer logs page text and PDF titles:
case 35) are held at WARNING at every verbosity and never get plandoc's handler.
"""

from __future__ import annotations

import logging
import sys

QUIET_LIBRARIES = ("pdfminer", "pdfplumber", "PIL", "pypdfium2", "docx", "docxtpl", "fontTools", "openpyxl",
                   "jinja2", "urllib3", "asyncio")


def setup(verbosity: int = 0, quiet: bool = False) -> None:
    """-q: errors only; default: warnings; -v: info (per-run figures); -vv: debug (per document)."""
    level = logging.ERROR if quiet else {0: logging.WARNING, 1: logging.INFO}.get(verbosity, logging.DEBUG)
    for name in QUIET_LIBRARIES:
        lib = logging.getLogger(name)
        lib.setLevel(logging.WARNING)
    log = logging.getLogger("plandoc")
    log.setLevel(level)
    log.propagate = False
    for h in list(log.handlers):
        if getattr(h, "_plandoc", False):
            log.removeHandler(h)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("plandoc: %(message)s"))
    handler._plandoc = True  # type: ignore[attr-defined]
    log.addHandler(handler)
