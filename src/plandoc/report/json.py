"""The JSON report of CONTRACT.md section 3."""

from __future__ import annotations

import json

from ..results import Report


def render(report: Report) -> str:
    return json.dumps(report.to_contract(), indent=2, ensure_ascii=False) + "\n"
