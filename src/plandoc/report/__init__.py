"""Report formatters. Each takes a `Report` and returns text, except xlsx (bytes)."""

from __future__ import annotations

from ..results import Report

FORMATS = ("text", "json", "csv", "html", "xlsx")
BINARY = {"xlsx"}


def render(report: Report, fmt: str, *, colour: bool = False) -> str | bytes:
    if fmt == "json":
        from . import json as mod
    elif fmt == "csv":
        from . import csv as mod
    elif fmt == "html":
        from . import html as mod
    elif fmt == "xlsx":
        from . import xlsx as mod
    else:
        from . import text as mod

        return mod.render(report, colour=colour)
    return mod.render(report)
