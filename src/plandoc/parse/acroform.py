"""Typed answers of a fillable PDF form (AcroForm), placed where the form shows them.

A filled form keeps its answers in form-field widgets, not in the page text, so the text readers
see the printed labels only. `add_form_values` reads every widget's value with pypdfium2 (for both
PDF engines, so both give the same result) and adds it to its page's rows at the widget's place: a
value on the line of its label joins that line ('Client Name:  Jordan Example'); a value with no
label beside it becomes a line of its own at the top of its box. Checkboxes and radio buttons
become the glyphs the structure code reads for Word checkboxes (checked and unchecked), set before
the label to their right.

Field values are health information: nothing here logs them or puts them in an error.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

from .layout import PageText, Row, Seg, body_size
from .text import CHECKED, UNCHECKED, clean

MAX_WIDGETS = 5000  # per page; a form with more is hostile or broken, and the rest is skipped
MAX_VALUE = 20000  # characters of one field value
_PARAGRAPHS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


@dataclass
class FieldValue:
    """One widget's value in top-down display coordinates of its page."""

    page: int
    paragraphs: list[str]  # the value split at its line breaks; a box is one glyph
    x0: float
    x1: float
    top: float
    bottom: float
    multiline: bool = False
    box: bool = False  # a checkbox or radio button glyph
    filled: bool = False  # typed text, a chosen option or a checked box (not an empty box)


# ------------------------------------------------------------------------------------- reading
def read_fields(path) -> list[FieldValue]:
    """Every widget with something to show, in page order; [] for a PDF without a form."""
    import pypdfium2.raw as R

    from .pdf import _open_pdfium, _rotate

    doc = _open_pdfium(path)
    out: list[FieldValue] = []
    env = None
    try:
        if R.FPDF_GetFormType(doc.raw) not in (R.FORMTYPE_ACRO_FORM, R.FORMTYPE_XFA_FOREGROUND):
            return out
        config = R.FPDF_FORMFILLINFO(version=2)
        env = R.FPDFDOC_InitFormFillEnvironment(doc.raw, config)
        if not env:
            return out
        for i in range(len(doc)):
            page = doc[i]
            R.FORM_OnAfterLoadPage(page.raw, env)  # the form's widgets of the page (checked states)
            try:
                out.extend(_page_fields(page, i + 1, env, R, _rotate))
            finally:
                R.FORM_OnBeforeClosePage(page.raw, env)
                page.close()
    finally:
        if env:
            R.FPDFDOC_ExitFormFillEnvironment(env)
        doc.close()
    return out


def _utf16(fn, *args) -> str:
    n = fn(*args, None, 0)
    if n <= 2:
        return ""
    n = min(n, 2 * MAX_VALUE + 2)
    buf = ctypes.create_string_buffer(n)
    fn(*args, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)), n)
    return buf.raw[: n - 2].decode("utf-16-le", "replace").replace("\x00", "")


def _page_fields(page, number: int, env, R, rotate) -> list[FieldValue]:
    width, height = page.get_size()
    rot = page.get_rotation() % 360
    w0, h0 = (height, width) if rot in (90, 270) else (width, height)
    out: list[FieldValue] = []
    count = min(R.FPDFPage_GetAnnotCount(page.raw), MAX_WIDGETS)
    rect = R.FS_RECTF()
    for k in range(count):
        annot = R.FPDFPage_GetAnnot(page.raw, k)
        if not annot:
            continue
        try:
            if R.FPDFAnnot_GetSubtype(annot) != R.FPDF_ANNOT_WIDGET:
                continue
            if R.FPDFAnnot_GetFlags(annot) & (R.FPDF_ANNOT_FLAG_HIDDEN | R.FPDF_ANNOT_FLAG_NOVIEW):
                continue
            value = _widget_value(annot, env, R)
            if value is None or not R.FPDFAnnot_GetRect(annot, ctypes.byref(rect)):
                continue
            paragraphs, box, filled, multiline = value
            x0, x1, top, bottom = rotate((rect.left, rect.right), (rect.bottom, rect.top), rot, w0, h0)
            out.append(FieldValue(number, paragraphs, x0, x1, top, bottom, multiline, box, filled))
        finally:
            R.FPDFPage_CloseAnnot(annot)
    return out


def _widget_value(annot, env, R):
    """(paragraphs, box, filled, multiline), or None for a widget that shows no answer."""
    kind = R.FPDFAnnot_GetFormFieldType(env, annot)
    flags = R.FPDFAnnot_GetFormFieldFlags(env, annot)
    if kind in (R.FPDF_FORMFIELD_CHECKBOX, R.FPDF_FORMFIELD_RADIOBUTTON):
        on = bool(R.FPDFAnnot_IsChecked(env, annot))
        return [CHECKED if on else UNCHECKED], True, on, False
    if kind == R.FPDF_FORMFIELD_TEXTFIELD:
        if flags & R.FPDF_FORMFLAG_TEXT_PASSWORD:
            return None
        text = _utf16(R.FPDFAnnot_GetFormFieldValue, env, annot)
        multiline = bool(flags & R.FPDF_FORMFLAG_TEXT_MULTILINE)
    elif kind in (R.FPDF_FORMFIELD_COMBOBOX, R.FPDF_FORMFIELD_LISTBOX):
        chosen = []
        for i in range(min(R.FPDFAnnot_GetOptionCount(env, annot), MAX_WIDGETS)):
            if R.FPDFAnnot_IsOptionSelected(env, annot, i):
                chosen.append(_utf16(R.FPDFAnnot_GetOptionLabel, env, annot, i))
        text = "; ".join(c for c in (clean(x) for x in chosen) if c) or _utf16(
            R.FPDFAnnot_GetFormFieldValue, env, annot)
        multiline = False
    else:  # push buttons, signatures, unknown
        return None
    paragraphs = [p for p in (clean(x) for x in _PARAGRAPHS.split(text[:MAX_VALUE])) if p]
    if not paragraphs:
        return None
    return paragraphs, False, True, multiline


# ------------------------------------------------------------------------------------- placing
def add_form_values(path, pages: list[PageText]) -> int:
    """Add the form's values to the rows of `pages`; the number of characters of filled values."""
    fields = read_fields(path)
    if not fields:
        return 0
    body = body_size(pages) if any(p.rows for p in pages) else 10.0
    by_page: dict[int, list[FieldValue]] = {}
    for f in fields:
        by_page.setdefault(f.page, []).append(f)
    for p in pages:
        for f in by_page.get(p.number, []):
            _place(p, f, body)
        if p.number in by_page:
            _attach_boxes(p)
    return sum(len("".join(f.paragraphs)) for f in fields if f.filled)


def _overlap(a_top: float, a_bottom: float, b_top: float, b_bottom: float) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


def _label_row(page: PageText, top: float, bottom: float) -> Row | None:
    """The row of text beside a band of the page: at least half of the row lies inside the band."""
    best, best_ov = None, 0.0
    for r in page.rows:
        h = max(r.bottom - r.top, 0.5)
        ov = _overlap(top, bottom, r.top, r.bottom)
        if ov >= 0.5 * min(h, bottom - top) and ov > best_ov:
            best, best_ov = r, ov
    return best


def _width(text: str, size: float) -> float:
    return 0.5 * size * len(text)


def _place(page: PageText, f: FieldValue, body: float) -> None:
    line_h = min(max(f.bottom - f.top, 1.0), 1.2 * body)
    pad = 2.0 if f.x1 - f.x0 > 8 else 0.0
    x0 = f.x0 if f.box else f.x0 + pad

    def seg(text: str, top: float, bottom: float) -> Seg:
        x1 = f.x1 if f.box else max(x0 + 1.0, min(f.x1 - pad, x0 + _width(text, body)))
        return Seg(text, x0, x1, top, bottom, body, False)

    first = f.paragraphs[0]
    band = (f.top, f.top + line_h + 2 * pad) if f.multiline else (f.top, f.bottom)
    row = _label_row(page, *band)
    if row is not None:
        # on the line of its label: fill the blank it covers ('Name: ______'), or take the
        # line's band so the row keeps its shape
        if not (not f.box and _fill_blank(row, f, first)):
            row.segs.append(seg(first, row.top, row.bottom))
            row.segs.sort(key=lambda s: s.x0)
        first_top = row.top
    else:
        first_top = (f.top + pad) if f.multiline else (f.top + f.bottom - line_h) / 2
        _insert_row(page, Row([seg(first, first_top, first_top + line_h)], page.number))
    rest = f.paragraphs[1:]
    if rest:
        # later paragraphs stack down the box, a blank line apart when the box has room
        room = max(f.bottom - pad - line_h - first_top, 0.0)
        step = min(line_h + 0.9 * body, max(room / len(rest), 0.01))
        for k, text in enumerate(rest, 1):
            top = first_top + k * step
            _insert_row(page, Row([seg(text, top, top + line_h)], page.number))


_BLANK = re.compile(r"_{3,}|\.{5,}|\u2026{2,}")


def _fill_blank(row: Row, f: FieldValue, text: str) -> bool:
    """Put the value in place of the run of underscores or dots the widget lies on; False if none."""
    best = None
    for s in row.segs:
        n, width = max(len(s.text), 1), s.x1 - s.x0
        for m in _BLANK.finditer(s.text):
            # character positions estimated in proportion to the segment's width
            a, b = s.x0 + width * m.start() / n, s.x0 + width * m.end() / n
            ov = min(b, f.x1) - max(a, f.x0)
            if ov > 0 and (best is None or ov > best[0]):
                best = (ov, s, m)
    if best is None:
        return False
    _, s, m = best
    before, after = s.text[:m.start()], s.text[m.end():]
    s.text = (before + (" " if before and not before[-1].isspace() else "") + text
              + (" " if after and not after[0].isspace() else "") + after)
    s.x1 = max(s.x1, f.x1)
    return True


def _insert_row(page: PageText, row: Row) -> None:
    i = len(page.rows)
    while i > 0 and page.rows[i - 1].top > row.top:
        i -= 1
    page.rows.insert(i, row)


def _attach_boxes(page: PageText) -> None:
    """A box glyph just left of a label reads with it ('\u2612 Individual therapy')."""
    for r in page.rows:
        segs: list[Seg] = []
        i = 0
        while i < len(r.segs):
            s = r.segs[i]
            nxt = r.segs[i + 1] if i + 1 < len(r.segs) else None
            if (s.text in (CHECKED, UNCHECKED) and nxt is not None and nxt.text not in (CHECKED, UNCHECKED)
                    and nxt.x0 - s.x1 <= max(3.0 * (s.x1 - s.x0), 12.0)):
                segs.append(Seg(s.text + " " + nxt.text, s.x0, nxt.x1, min(s.top, nxt.top), max(s.bottom, nxt.bottom),
                                nxt.size, nxt.bold, nxt.underline))
                i += 2
                continue
            segs.append(s)
            i += 1
        r.segs = segs
