"""Optional OCR path for scanned PDFs: pypdfium2 renders each page, the `tesseract` binary reads it.

Words come back with boxes (TSV output) and go through the same `layout` as text PDFs.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import InputError, UnreadableError
from .blocks import Block
from .layout import PageText, Word, build_segments, group_rows, layout_pages
from .pdf import MAX_PAGES, _incomplete, _open_pdfium

DPI = 300
PAGE_TIMEOUT = 120


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def read_pdf_ocr(path: Path) -> tuple[list[Block], int]:
    if not tesseract_available():
        raise InputError("needs OCR, but Tesseract is not installed. Install it (Debian/Ubuntu: "
                         "apt-get install tesseract-ocr) or run without --ocr.", code="ocr_unavailable")
    if _incomplete(path):
        raise UnreadableError("is damaged or incomplete (the PDF ends before its last part).")
    doc = _open_pdfium(path)
    pages: list[PageText] = []
    try:
        if len(doc) > MAX_PAGES:
            raise UnreadableError(f"has {len(doc)} pages, more than plandoc reads ({MAX_PAGES}).")
        with tempfile.TemporaryDirectory(prefix="plandoc-ocr-") as tmp:
            for i in range(len(doc)):
                page = doc[i]
                try:
                    width, height = page.get_size()
                    image = page.render(scale=DPI / 72).to_pil()
                finally:
                    page.close()
                img_path = Path(tmp) / f"p{i + 1}.png"
                image.save(img_path)
                words = _ocr_words(img_path, 72 / DPI)
                img_path.unlink()
                pt = PageText(i + 1, width, height, words)
                pt.rows = group_rows(build_segments(words, lambda a, b: (a.size, False)), i + 1)
                pages.append(pt)
    finally:
        doc.close()
    if sum(len(w.text) for p in pages for w in p.words) < 10:
        raise UnreadableError("was run through OCR but no text was recognised.")
    return layout_pages(pages), len(pages)


def _ocr_words(image: Path, scale: float) -> list[Word]:
    try:
        out = subprocess.run(["tesseract", str(image), "stdout", "tsv"], capture_output=True, timeout=PAGE_TIMEOUT,
                             check=True).stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        raise UnreadableError("took too long to OCR (more than 2 minutes for one page).") from None
    except (subprocess.CalledProcessError, OSError):
        raise UnreadableError("could not be read by Tesseract OCR.") from None
    words: list[Word] = []
    last_line = None
    for row in csv.DictReader(io.StringIO(out), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top = int(row["left"]) * scale, int(row["top"]) * scale
        w, h = int(row["width"]) * scale, int(row["height"]) * scale
        line = (row["block_num"], row["par_num"], row["line_num"])
        words.append(Word(text, left, left + w, top, top + h, 0, line != last_line, size=round(h * 1.1, 1), bold=False))
        last_line = line
    return words
