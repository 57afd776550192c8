"""What a check run produces: one result per document and the run's report (CONTRACT.md section 3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .checks.smart import Judgement
from .document import PlanDocument
from .findings import Finding, Severity
from .sections import SECTION_IDS

STATUSES = ("checked", "needs_ocr", "unreadable", "error")


@dataclass
class DocumentResult:
    path: str
    kind: str
    status: str = "checked"
    error: dict[str, Any] | None = None
    profile: str | None = None
    doc: PlanDocument | None = None
    judgements: list[Judgement] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sha256: str | None = None

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    def to_contract(self) -> dict[str, Any]:
        sections = []
        goals = []
        if self.doc is not None:
            for sid in SECTION_IDS:
                info = self.doc.sections.get(sid)
                sections.append({"id": sid, "present": bool(info and info.present),
                                 "heading": info.heading if info else None, "page": info.page if info else None})
            for st, j in zip(self.doc.statements, self.judgements):
                goals.append({"text": st.text, "level": st.level, "vague": j.vague, "missing": list(j.missing),
                              "page": st.page, "field": _path(st.field)})
        return {
            "path": self.path,
            "kind": self.kind,
            "status": self.status,
            "error": self.error,
            "profile": self.profile,
            "sections": sections,
            "goals": goals,
            "findings": [f.to_contract() for f in self.findings],
            "counts": self.counts(),
        }


def _path(p):
    from .findings import format_path

    return format_path(p)


@dataclass
class Report:
    profile: str
    documents: list[DocumentResult] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    rules_digest: str = ""
    as_of: str | None = None

    def summary(self) -> dict[str, Any]:
        counts = {s.value: 0 for s in Severity}
        for d in self.documents:
            for k, v in d.counts().items():
                counts[k] += v
        checked = sum(1 for d in self.documents if d.status == "checked")
        return {"documents": len(self.documents), "checked": checked, "failed": len(self.documents) - checked,
                "skipped": len(self.skipped), "findings": counts}

    def to_contract(self) -> dict[str, Any]:
        return {
            "plandoc_version": __version__,
            "profile": self.profile,
            "as_of": self.as_of,
            "rules_sha256": self.rules_digest,
            "documents": [d.to_contract() for d in self.documents],
            "skipped": list(self.skipped),
            "summary": self.summary(),
        }

    def exit_code(self, fail_on: Severity) -> int:
        """CONTRACT.md section 4."""
        failing = any(f.severity.at_least(fail_on) for d in self.documents for f in d.findings)
        if failing:
            return 1
        if any(d.status != "checked" for d in self.documents):
            return 3
        return 0
