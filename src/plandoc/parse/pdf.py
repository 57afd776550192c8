"""Read a PDF into blocks with pypdfium2 (default) or pdfplumber.

Both engines produce positioned words for `layout`; everything after that is shared, so the two
engines give the same sections and statements. Pages are closed as soon as they are read.
"""

from __future__ import annotations

import ctypes
import logging
import re
from pathlib import Path

from ..errors import NeedsOcrError, UnreadableError
from .blocks import Block
from .layout import PageText, Word, build_segments, group_rows, layout_pages

# pdfminer logs page content at DEBUG level; never let it through (RELIABILITY.md).
logging.getLogger("pdfminer").setLevel(logging.WARNING)

_WORD_RUN = re.compile(r"[^\s\x00\ufffe]+")
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "demi")
MAX_PAGES = 2000


def _bold_name(name: str) -> bool:
    n = name.lower()
    return any(b in n for b in _BOLD_NAMES)


def _incomplete(path: Path) -> bool:
    """A PDF cut off before its end has neither an end-of-file marker nor a cross-reference start near its end."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - 4096))
        tail = fh.read()
    return b"%%EOF" not in tail and b"startxref" not in tail


def read_pdf(path: Path, display: str, engine: str = "pdfium") -> tuple[list[Block], int]:
    """Blocks in reading order and the page count; raises plandoc errors only."""
    if _incomplete(path):
        raise UnreadableError("is damaged or incomplete (the PDF ends before its last part; "
                              "it may be an interrupted upload or download). Get a fresh copy.")
    if engine == "pdfplumber":
        # pdfium decides password and damage for both engines (pdfminer opens some R6 files with
        # the empty password and returns garbage instead of refusing).
        _open_pdfium(path).close()
        pages = _pages_plumber(path)
    else:
        pages = _pages_pdfium(path)
    from .acroform import add_form_values

    filled = add_form_values(path, pages)  # a fillable form's typed answers, at their widgets
    chars = sum(len(w.text) for p in pages for w in p.words)
    if chars < 10 and not filled:
        raise NeedsOcrError("has no text layer; it looks scanned. Run with --ocr (needs Tesseract) "
                            "or ask for a text-based PDF or the Word file.")
    return layout_pages(pages), len(pages)


# ------------------------------------------------------------------------------------- pdfium
def _open_pdfium(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == 4:
            raise UnreadableError("is password-protected; remove the password (or print it to a new PDF) "
                                  "and check it again.") from None
        if code == 6:
            raise UnreadableError("is encrypted with a security handler plandoc cannot open.") from None
        raise UnreadableError("is damaged or incomplete and cannot be opened as a PDF.") from None


def _pages_pdfium(path: Path) -> list[PageText]:
    import pypdfium2.raw as R

    doc = _open_pdfium(path)
    pages: list[PageText] = []
    try:
        n = len(doc)
        if n > MAX_PAGES:
            raise UnreadableError(f"has {n} pages, more than plandoc reads ({MAX_PAGES}).")
        for i in range(n):
            page = doc[i]
            try:
                pages.append(_pdfium_page(page, i + 1, R))
            finally:
                page.close()
    finally:
        doc.close()
    return pages


def _pdfium_page(page, number: int, R) -> PageText:
    width, height = page.get_size()
    rot = page.get_rotation() % 360
    # unrotated page size (char boxes are in unrotated user space)
    w0, h0 = (height, width) if rot in (90, 270) else (width, height)
    tp = page.get_textpage()
    try:
        n = tp.count_chars()
        text = tp.get_text_range() if n else ""
        if len(text) != n:
            text = "".join(chr(R.FPDFText_GetUnicode(tp.raw, i) or 32) for i in range(n))
        raw = tp.raw
        rect = R.FS_RECTF()
        ref = ctypes.byref(rect)
        loose_box = R.FPDFText_GetLooseCharBox

        def box(i: int) -> tuple[float, float, float, float]:
            # the loose box spans the font's ascent and descent, so lines of one paragraph line up
            loose_box(raw, i, ref)
            return _rotate((rect.left, rect.right), (rect.bottom, rect.top), rot, w0, h0)

        # Words are runs of characters other than white space, NUL and U+FFFE (str.isspace and
        # the regex class \s agree); a word starts a new line when a CR or LF precedes it.
        words: list[Word] = []
        newline = True
        end = 0
        find = text.find
        for m in _WORD_RUN.finditer(text):
            start, stop = m.span()
            if not newline and (find("\n", end, start) >= 0 or find("\r", end, start) >= 0):
                newline = True
            if rot == 0:
                # box() inlined, and min(a, b) / max(a, b) written out as the builtins decide
                # (b only when strictly smaller / larger): the hot loop of a read
                loose_box(raw, start, ref)
                left, right, bot, top_ = rect.left, rect.right, rect.bottom, rect.top
                x0 = right if right < left else left
                x1a = right if right > left else left
                top = h0 - (top_ if top_ > bot else bot)
                bottom = h0 - (top_ if top_ < bot else bot)
                if stop - 1 > start:
                    loose_box(raw, stop - 1, ref)
                    left, right, bot, top_ = rect.left, rect.right, rect.bottom, rect.top
                    v = right if right < left else left
                    x0 = v if v < x0 else x0
                    v = right if right > left else left
                    x1 = v if v > x1a else x1a
                    v = h0 - (top_ if top_ > bot else bot)
                    top = v if v < top else top
                    v = h0 - (top_ if top_ < bot else bot)
                    bottom = v if v > bottom else bottom
                else:
                    x1 = x1a
            else:
                x0, x1a, top, bottom = box(start)
                if stop - 1 > start:
                    xb0, x1, topb, bottomb = box(stop - 1)
                    x0, x1 = min(x0, xb0), max(x1a, x1)
                    top, bottom = min(top, topb), max(bottom, bottomb)
                else:
                    x1 = x1a
            words.append(Word(m.group(), x0, x1, top, bottom, start, newline))
            newline = False
            end = stop
        buf = ctypes.create_string_buffer(256)
        flags = ctypes.c_int()

        def char_bold(i: int) -> bool:
            if R.FPDFText_GetFontWeight(raw, i) >= 600:
                return True
            got = R.FPDFText_GetFontInfo(raw, i, buf, 256, ctypes.byref(flags))
            return bool(got) and (_bold_name(buf.value.decode("latin-1", "replace")) or bool(flags.value & (1 << 18)))

        def style(first: Word, last: Word) -> tuple[float, bool]:
            size = R.FPDFText_GetFontSize(raw, first.index)
            bold = char_bold(first.index) and (last is first or char_bold(last.index))
            return float(size), bold

        segs = build_segments(words, style)
        hlines = _pdfium_hlines(page, rot, w0, h0)
    finally:
        tp.close()
    pt = PageText(number, width, height, words, hlines)
    pt.rows = group_rows(segs, number)
    return pt


def _rotate(xs, ys, rot, w0, h0):
    """Box in top-down display coordinates for a page shown with /Rotate `rot`."""
    if rot == 0:
        return min(xs), max(xs), h0 - max(ys), h0 - min(ys)
    pts = []
    for x in xs:
        for y in ys:
            if rot == 90:
                pts.append((y, x))
            elif rot == 180:
                pts.append((w0 - x, y))
            else:  # 270
                pts.append((h0 - y, w0 - x))
    px = [p[0] for p in pts]
    py = [p[1] for p in pts]
    return min(px), max(px), min(py), max(py)


def _pdfium_hlines(page, rot, w0, h0, limit: int = 3000) -> list[tuple[float, float, float]]:
    import pypdfium2.raw as R

    out = []
    # The path objects of the page and of the form XObjects directly on it (what
    # page.get_objects(filter=(PATH,), max_depth=2) yields, in its order), through the raw API:
    # get_objects wraps every object of the page, text included, in a Python object.
    vals = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in vals]

    def paths(parent, count, get, nested: bool):
        n = count(parent)
        if n < 0:
            raise RuntimeError("no object count")
        for i in range(n):
            obj = get(parent, i)
            if not obj:
                raise RuntimeError("no object")
            kind = R.FPDFPageObj_GetType(obj)
            if kind == R.FPDF_PAGEOBJ_UNKNOWN:
                raise RuntimeError("unknown object")
            if kind == R.FPDF_PAGEOBJ_PATH:
                yield obj
            if kind == R.FPDF_PAGEOBJ_FORM and not nested:
                yield from paths(obj, R.FPDFFormObj_CountObjects, R.FPDFFormObj_GetObject, True)

    try:
        for k, obj in enumerate(paths(page.raw, R.FPDFPage_CountObjects, R.FPDFPage_GetObject, False)):
            if k > limit:
                break
            if not R.FPDFPageObj_GetBounds(obj, *refs):
                raise RuntimeError("no bounds")
            left, bottom, right, top = (v.value for v in vals)
            if right - left > 5 and top - bottom <= 2.5:
                x0, x1, y0, y1 = _rotate((left, right), (bottom, top), rot, w0, h0)
                if x1 - x0 > 5 and y1 - y0 <= 2.5:
                    out.append((x0, x1, (y0 + y1) / 2))
    except Exception:  # noqa: BLE001 - underline detection is optional; never fail a read on it
        return out
    return out


# ---------------------------------------------------------------------------------- pdfplumber
def _pages_plumber(path: Path) -> list[PageText]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(str(path))
    except Exception as exc:  # noqa: BLE001 - pdfplumber wraps the real error in args[0]
        inner = exc.args[0] if exc.args else None
        if isinstance(exc, PDFPasswordIncorrect) or isinstance(inner, PDFPasswordIncorrect):
            raise UnreadableError("is password-protected; remove the password (or print it to a new PDF) "
                                  "and check it again.") from None
        raise UnreadableError("is damaged or incomplete and cannot be opened as a PDF.") from None
    pages: list[PageText] = []
    try:
        if len(pdf.pages) > MAX_PAGES:
            raise UnreadableError(f"has {len(pdf.pages)} pages, more than plandoc reads ({MAX_PAGES}).")
        for i, page in enumerate(pdf.pages):
            try:
                words = []
                for w in page.extract_words(use_text_flow=True, keep_blank_chars=False,
                                            extra_attrs=["size", "fontname"]):
                    words.append(Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], 0, False,
                                      float(w["size"]), _bold_name(w["fontname"])))
                hlines = []
                for e in page.edges:
                    if e.get("orientation") == "h" and e["x1"] - e["x0"] > 5:
                        hlines.append((e["x0"], e["x1"], e["top"]))
                pt = PageText(i + 1, float(page.width), float(page.height), words, hlines)
                pt.rows = group_rows(build_segments(words, lambda a, b: (a.size, bool(a.bold and b.bold))), i + 1)
                pages.append(pt)
            finally:
                page.close()
    finally:
        pdf.close()
    return pages
