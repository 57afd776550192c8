"""What a check run produces: one result per document and the run's report (CONTRACT.md section 3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import __version__
from .checks.smart import Judgement
from .document import PlanDocument
from .findings import Finding, Severity, Source, format_path
from .sections import SECTION_IDS

STATUSES = ("checked", "needs_ocr", "unreadable", "error")


@dataclass
class DocumentResult:
    """What the report needs about one document, and nothing more.

    Results travel from worker processes to the parent and stay there until the report is written,
    so they hold plain data (sections, goals, findings) and never the parsed document.
    """

    path: str
    kind: str
    status: str = "checked"
    error: dict[str, Any] | None = None
    profile: str | None = None
    sections: list[dict[str, Any]] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    sha256: str | None = None
    seconds: float = 0.0
    # For checks across documents: a hash of the client's identity and of each normalized goal.
    client_key: str | None = None
    goal_keys: list[str] = field(default_factory=list)
    # Review and signature dates for `plandoc due` (only when asked for).
    due: dict[str, Any] | None = None
    # Set by a worker for a YAML/JSON found in a folder that is not an intake: goes to `skipped`.
    skip_reason: str | None = None

    @staticmethod
    def shape(doc: PlanDocument, judgements: list[Judgement]) -> tuple[list[dict], list[dict]]:
        """The CONTRACT sections and goals of a document."""
        sections = []
        for sid in SECTION_IDS:
            info = doc.sections.get(sid)
            sections.append({"id": sid, "present": bool(info and info.present),
                             "heading": info.heading if info else None, "page": info.page if info else None})
        goals = [{"text": st.text, "level": st.level, "vague": j.vague, "missing": list(j.missing),
                  "page": st.page, "field": format_path(st.field)}
                 for st, j in zip(doc.statements, judgements)]
        return sections, goals

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    def category_counts(self) -> dict[str, dict[str, int]]:
        """{category: {severity: n}} for the categories this document has findings in."""
        out: dict[str, dict[str, int]] = {}
        for f in self.findings:
            out.setdefault(f.category, {s.value: 0 for s in Severity})[f.severity.value] += 1
        return out

    def to_contract(self, sources: dict[str, Source] | None = None) -> dict[str, Any]:
        return {
            "path": self.path,
            "kind": self.kind,
            "status": self.status,
            "error": self.error,
            "profile": self.profile,
            "sha256": self.sha256,
            "sections": self.sections,
            "goals": self.goals,
            "findings": [_finding(f, sources) for f in self.findings],
            "counts": self.counts(),
        }


def _finding(f: Finding, sources: dict[str, Source] | None) -> dict[str, Any]:
    out = f.to_contract()
    if out["source"] is None and sources and f.rule in sources:
        out["source"] = sources[f.rule].model_dump()
    return out


@dataclass
class Report:
    profile: str
    documents: list[DocumentResult] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    rules_digest: str = ""
    as_of: str | None = None
    sources: dict[str, Source] = field(default_factory=dict)  # rule code -> its source, for reports
    seconds: float = 0.0

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
            "documents": [d.to_contract(self.sources) for d in self.documents],
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
