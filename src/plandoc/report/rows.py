"""Flat rows of a report, shared by the CSV and XLSX formats.

One row per finding; a document with no findings, or one that could not be checked, still gets
one row; a skipped file gets one row with status `skipped`, so every input is accounted for.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..results import Report

FINDING_COLUMNS = ("document", "kind", "status", "error_code", "section", "rule", "category", "severity",
                   "page", "field", "message", "evidence", "suggestion")
DOCUMENT_COLUMNS = ("document", "kind", "status", "profile", "error_code", "error", "errors", "warnings", "info",
                    "goals", "vague_goals", "sha256")

# CWE-1236: a cell a spreadsheet would read as a formula starts with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def finding_rows(report: Report) -> Iterator[dict[str, Any]]:
    for d in report.documents:
        base = {"document": d.path, "kind": d.kind, "status": d.status,
                "error_code": (d.error or {}).get("code")}
        if d.status != "checked":
            yield {**base, "message": (d.error or {}).get("message")}
            continue
        if not d.findings:
            yield {**base, "message": "no findings"}
            continue
        for f in d.findings:
            yield {**base, "section": f.location.section, "rule": f.rule, "category": f.category,
                   "severity": f.severity.value, "page": f.location.page, "field": f.location.field_path,
                   "message": f.message, "evidence": f.evidence, "suggestion": f.suggestion}
    for sk in report.skipped:
        yield {"document": sk["path"], "status": "skipped", "message": sk["reason"]}


def document_rows(report: Report) -> Iterator[dict[str, Any]]:
    for d in report.documents:
        c = d.counts()
        yield {"document": d.path, "kind": d.kind, "status": d.status, "profile": d.profile,
               "error_code": (d.error or {}).get("code"), "error": (d.error or {}).get("message"),
               "errors": c["error"], "warnings": c["warning"], "info": c["info"],
               "goals": len(d.goals), "vague_goals": sum(1 for g in d.goals if g.get("vague")),
               "sha256": d.sha256}
    for sk in report.skipped:
        yield {"document": sk["path"], "status": "skipped", "error": sk["reason"]}
