"""CSV report: one row per finding (see `rows.py`), formula-like cells neutralized (CWE-1236)."""

from __future__ import annotations

import csv
import io

from ..results import Report
from .rows import FINDING_COLUMNS, finding_rows, neutralize


def render(report: Report) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=FINDING_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in finding_rows(report):
        writer.writerow({k: neutralize(v) if v is not None else "" for k, v in row.items()})
    return buf.getvalue()
