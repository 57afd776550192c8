"""Read existing plan documents (PDF, DOCX) into the neutral `PlanDocument`.

`read_document` is the one entry point. It sniffs the real type from the bytes, reads with the
matching reader and maps every library failure to plandoc's own errors, whose messages name the
problem in plain words and never quote document text or the file path.
"""

from __future__ import annotations

import logging
from pathlib import Path

from ..document import PlanDocument
from ..errors import InputError, NeedsOcrError, PlandocError, ResourceLimitError, UnreadableError
from ..findings import Location
from . import sniff

logging.getLogger("pdfminer").setLevel(logging.WARNING)

ENGINES = ("pdfium", "pdfplumber")


def _with_location(exc: PlandocError, display: str) -> PlandocError:
    exc.location = Location(file=display)
    return exc


def read_document(path: Path, display: str, *, engine: str = "pdfium", ocr: bool = False) -> PlanDocument:
    """Read a PDF or DOCX plan. Raises UnreadableError, NeedsOcrError or InputError only."""
    if engine not in ENGINES:
        raise InputError(f"unknown PDF engine {engine!r}; use one of: {', '.join(ENGINES)}.",
                         Location(file=display), code="usage")
    path = Path(path)
    try:
        return _read(path, display, engine, ocr)
    except PlandocError as exc:
        raise _with_location(exc, display) from None
    except RecursionError:
        raise UnreadableError("is built in a way plandoc cannot follow (it nests too deeply).",
                              Location(file=display)) from None
    except MemoryError:
        raise ResourceLimitError("needs more memory than plandoc allows for one file.", Location(file=display)) from None
    except OSError as exc:
        raise InputError(f"could not be read ({type(exc).__name__}).", Location(file=display)) from None
    except Exception as exc:  # noqa: BLE001 - library failures become plain-words errors
        raise UnreadableError(f"could not be read; the file looks damaged ({type(exc).__name__}).",
                              Location(file=display)) from None


def _read(path: Path, display: str, engine: str, ocr: bool) -> PlanDocument:
    from .structure import build

    if path.is_dir():
        raise InputError("is a folder, not a file.")
    kind = sniff.sniff_path(path)
    if kind == sniff.EMPTY:
        raise UnreadableError("is empty (0 bytes); the upload or copy may have failed.")
    if kind == sniff.PDF:
        if ocr:
            from .ocr import read_pdf_ocr

            blocks, pages = read_pdf_ocr(path)
        else:
            from .pdf import read_pdf

            try:
                blocks, pages = read_pdf(path, display, engine)
            except NeedsOcrError:
                raise
        return build(blocks, display, "pdf", pages)
    if kind == sniff.DOCX:
        from .docx import read_docx

        blocks, extras, pages = read_docx(path, display)
        return build(blocks, display, "docx", pages, extras)
    if kind == sniff.UNKNOWN:
        raise UnreadableError("is not a PDF or Word (.docx) document.")
    if kind == sniff.ZIP:
        # a truncated or damaged .docx often still starts like a ZIP
        raise UnreadableError("is not a PDF or Word (.docx) document: it is a damaged Word file, or a ZIP "
                              "package of another kind (such as an OpenDocument file).")
    raise UnreadableError(f"is not a PDF or Word (.docx) document; it looks like {sniff.DESCRIPTIONS[kind]}.")
