"""Findings: what a rule reports, and where (CONTRACT.md section 3)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .sections import SECTION_IDS


class Severity(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]

    def at_least(self, other: "Severity") -> bool:
        return self.rank >= other.rank


CATEGORIES: tuple[str, ...] = (
    "missing_section", "missing_field", "vague_goal", "jargon", "abbreviation",
    "stigmatizing_language", "subjective_language", "readability", "schedule", "signature",
    "diagnosis", "date", "payer", "privacy",
)


def format_path(path: tuple[Any, ...] | list[Any] | None) -> str | None:
    """('goals', 1, 'objectives', 0, 'target_date') -> 'goals[1].objectives[0].target_date'."""
    if not path:
        return None
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class Location(BaseModel):
    """Where a finding or error points: a file plus section, field path, page, paragraph, line."""

    model_config = ConfigDict(frozen=True)

    file: str | None = None
    section: str | None = None
    field: tuple[str | int, ...] | None = None
    page: int | None = None
    paragraph: int | None = None
    line: int | None = None

    @property
    def field_path(self) -> str | None:
        return format_path(self.field)

    def short(self) -> str:
        """'page 3', 'line 14, goals[1].statement' ... for one text line of output."""
        parts = []
        if self.page:
            parts.append(f"page {self.page}")
        if self.line:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(self.field_path or "")
        elif self.paragraph is not None:
            parts.append(f"para {self.paragraph}")
        return ", ".join(p for p in parts if p)


class Source(BaseModel):
    """The basis of a rule: citation, where to read it, how sure we are (DOMAIN.md labels)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    citation: str
    url: str | None = None
    confidence: str  # R-off | R-copy | GK | P
    retrieved: str | None = None


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    location: Location = Field(default_factory=Location)
    evidence: str | None = None
    suggestion: str | None = None
    source: Source | None = None

    @property
    def section(self) -> str | None:
        return self.location.section

    @property
    def page(self) -> int | None:
        return self.location.page

    def to_contract(self) -> dict[str, Any]:
        """The CONTRACT.md section 3 shape, plus a few fields of our own."""
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": self.severity.value,
            "section": self.location.section,
            "message": self.message,
            "evidence": self.evidence,
            "suggestion": self.suggestion,
            "page": self.location.page,
            "field": self.location.field_path,
            "line": self.location.line,
            "paragraph": self.location.paragraph,
            "source": self.source.model_dump() if self.source else None,
        }


def sort_key(f: Finding) -> tuple:
    """Document order: section, then page/paragraph/line, then field path; worst first."""
    sec = f.location.section
    order = SECTION_IDS.index(sec) if sec in SECTION_IDS else len(SECTION_IDS)
    return (order, f.location.page or 0, f.location.paragraph or 0, f.location.line or 0,
            f.location.field_path or "", -f.severity.rank, f.rule, f.evidence or "")
