"""XLSX report (openpyxl): a Documents sheet and a Findings sheet.

Each sheet has a bold, frozen header row, an autofilter over its data and column widths that fit
the content (capped). Every text cell is written as text, never as a formula, so a value such as
`=HYPERLINK(...)` coming from a plan cannot run in Excel or LibreOffice (CWE-1236); characters
that XML cannot hold are dropped.
"""

from __future__ import annotations

import io
from typing import Any, Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..results import Report
from .rows import DOCUMENT_COLUMNS, FINDING_COLUMNS, document_rows, finding_rows

_WIDTH = {"document": 40, "message": 60, "evidence": 40, "suggestion": 50, "error": 50, "sha256": 20, "field": 28}
_WRAP = {"message", "evidence", "suggestion", "error"}


def _cell(ws, value: Any, column: str, bold: bool = False) -> WriteOnlyCell:
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # text, even when it starts with '='
    if bold:
        cell.font = Font(bold=True)
    elif column in _WRAP:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    else:
        cell.alignment = Alignment(vertical="top")
    return cell


def _sheet(wb: Workbook, title: str, columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> None:
    ws = wb.create_sheet(title)
    rows = list(rows)
    for i, col in enumerate(columns, start=1):
        longest = max([len(col)] + [len(str(r.get(col) or "")) for r in rows[:500]])
        ws.column_dimensions[get_column_letter(i)].width = min(max(longest + 2, 8), _WIDTH.get(col, 16))
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    ws.append([_cell(ws, c, c, bold=True) for c in columns])
    for r in rows:
        ws.append([_cell(ws, r.get(c), c) for c in columns])


def render(report: Report) -> bytes:
    wb = Workbook(write_only=True)
    _sheet(wb, "Documents", DOCUMENT_COLUMNS, document_rows(report))
    _sheet(wb, "Findings", FINDING_COLUMNS, finding_rows(report))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
