"""The report a person reads: grouped by document and section, worst first, with a summary."""

from __future__ import annotations

from ..findings import Finding, Severity
from ..results import DocumentResult, Report
from ..sections import SECTION_IDS, title

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m", "bold": "\033[1m", "dim": "\033[2m",
            "reset": "\033[0m"}


class _Style:
    def __init__(self, colour: bool):
        self.colour = colour

    def __call__(self, text: str, style: str) -> str:
        return f"{_COLOURS[style]}{text}{_COLOURS['reset']}" if self.colour else text


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _section_title(sid: str | None) -> str:
    return title(sid) if sid in SECTION_IDS else "Whole plan"


def _finding_lines(f: Finding, s: _Style) -> list[str]:
    where = f.location.short()
    head = f"    {s(f.severity.value.ljust(7), f.severity.value)}  {f.rule}  {f.message}"
    lines = [head]
    if where:
        lines.append(f"             {s('at ' + where, 'dim')}")
    if f.evidence:
        ev = f.evidence if len(f.evidence) <= 160 else f.evidence[:157] + "..."
        lines.append(f"             \"{ev}\"")
    if f.suggestion:
        lines.append(f"             -> {f.suggestion}")
    return lines


def _document(d: DocumentResult, s: _Style) -> list[str]:
    out = [s(d.path, "bold") + f"  ({d.kind}, profile {d.profile or '-'}, {d.status})"]
    if d.status != "checked":
        msg = (d.error or {}).get("message", "")
        for i, line in enumerate(msg.splitlines() or [""]):
            out.append(f"    {s('cannot check:', 'error') if i == 0 else '             '} {line}")
        return out
    if not d.findings:
        out.append("    no findings")
        return out
    groups: dict[str | None, list[Finding]] = {}
    for f in d.findings:
        groups.setdefault(f.location.section, []).append(f)
    order = [sid for sid in (*SECTION_IDS, None) if sid in groups]
    for sid in order:
        out.append(f"  {s(_section_title(sid), 'bold')}")
        for f in sorted(groups[sid], key=lambda f: -f.severity.rank):
            out.extend(_finding_lines(f, s))
    c = d.counts()
    out.append(f"  {_n(c['error'], 'error')}, {_n(c['warning'], 'warning')}, {c['info']} info")
    return out


def render(report: Report, colour: bool = False) -> str:
    s = _Style(colour)
    lines: list[str] = []
    for d in report.documents:
        lines.extend(_document(d, s))
        lines.append("")
    for sk in report.skipped:
        lines.append(s(f"skipped {sk['path']}: {sk['reason']}", "dim"))
    if report.skipped:
        lines.append("")
    sm = report.summary()
    f = sm["findings"]
    lines.append(
        f"{sm['documents']} document{'s' if sm['documents'] != 1 else ''}: {sm['checked']} checked, "
        f"{sm['failed']} could not be checked, {sm['skipped']} skipped; "
        f"{s(_n(f['error'], 'error'), 'error') if f['error'] else '0 errors'}, "
        f"{_n(f['warning'], 'warning')}, {f['info']} info (profile {report.profile})"
    )
    return "\n".join(lines) + "\n"


__all__ = ["render", "Severity"]
