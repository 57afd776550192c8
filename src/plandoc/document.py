"""The neutral shape every input becomes before it is checked.

An intake file, a DOCX and a PDF all turn into a `PlanDocument`: which sections are present (with
heading and page), the text blocks of each section with their locations, every goal and objective
statement, and a `Plan` holding the structured facts. For intake files the plan is the file itself;
for parsed documents it holds what the reader could recover (diagnosis codes, dates, signatures),
and `structured` is False so that rules know a missing field may just be unread.

The rules engine sees only this shape, so the same rules run on intake data and on existing plans.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from . import model
from .findings import Location
from .sections import OTHER, SECTION_IDS, title


@dataclass
class SectionInfo:
    id: str
    present: bool = False
    heading: str | None = None
    page: int | None = None


@dataclass
class TextBlock:
    """One run of text a rule may scan, with where it came from."""

    text: str
    section: str  # a section id, or sections.OTHER
    field: tuple[str | int, ...] | None = None
    page: int | None = None
    paragraph: int | None = None
    # The text around the block that context checks may read: for a table cell, its whole row
    # ('MS (stopped 08/2026) | 30 mg | PO | BID' is one medication record).
    context: str | None = None

    def location(self, file: str | None) -> Location:
        return Location(file=file, section=self.section if self.section != OTHER else None,
                        field=self.field, page=self.page, paragraph=self.paragraph)


@dataclass
class Statement:
    """A goal or objective statement (CONTRACT.md section 2)."""

    text: str
    level: str  # "goal" | "objective"
    field: tuple[str | int, ...] | None = None
    page: int | None = None
    paragraph: int | None = None
    goal_index: int | None = None

    def location(self, file: str | None) -> Location:
        return Location(file=file, section="goals", field=self.field, page=self.page, paragraph=self.paragraph)


@dataclass
class PlanDocument:
    path: str
    kind: str  # "intake" | "pdf" | "docx"
    plan: model.Plan
    structured: bool
    sections: dict[str, SectionInfo] = field(default_factory=dict)
    blocks: list[TextBlock] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    pages: int | None = None
    lines: dict | None = None  # intake files: field path -> line in the file

    def section(self, section_id: str) -> SectionInfo:
        return self.sections.setdefault(section_id, SectionInfo(section_id))

    def blocks_in(self, section_ids: set[str] | None) -> Iterator[TextBlock]:
        for b in self.blocks:
            if section_ids is None or b.section in section_ids:
                yield b

    def first_page(self, section_id: str) -> int | None:
        return self.sections.get(section_id, SectionInfo(section_id)).page


# ------------------------------------------------------------------------- from intake data
def _walk_text(value, path: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if value is None:
        return
    if isinstance(value, model.BaseModel):
        for name in type(value).model_fields:
            yield from _walk_text(getattr(value, name), path + (name,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _walk_text(v, path + (i,))
    elif isinstance(value, str):
        if value.strip():
            yield path, value


# Fields whose text is an identifier or a code, not prose a language rule should read.
_NOT_PROSE = {"code", "npi", "client_id", "member_id", "phone", "email", "date_of_birth", "asam_level",
              "authorization_number", "credentials", "role", "method", "modality", "kind", "id", "serves",
              "addresses", "term", "status", "name", "address", "relationship", "contact", "pronouns",
              "preferred_language", "preferred_name", "dates"}


def from_plan(plan: model.Plan, path: str) -> PlanDocument:
    """Build the neutral document from a validated intake plan."""
    doc = PlanDocument(path=path, kind="intake", plan=plan, structured=True)
    for sid in SECTION_IDS:
        info = doc.section(sid)
        info.present = model.section_present(plan, sid)
        info.heading = title(sid) if info.present else None
    for sid, fields in model.SECTION_FIELDS.items():
        for f in fields:
            if f == "medications":
                continue  # added below as whole lines
            for fpath, text in _walk_text(getattr(plan, f), (f,)):
                leaf = next((p for p in reversed(fpath) if isinstance(p, str)), "")
                if leaf in _NOT_PROSE:
                    continue
                doc.blocks.append(TextBlock(text=text, section=sid, field=fpath))
    # Medication lines as one line each, the way a clinician writes them ("Buprenorphine 8 mg QD").
    for i, med in enumerate(plan.medications):
        line = " ".join(x for x in (med.name, med.dose, med.route, med.frequency) if x)
        doc.blocks.append(TextBlock(text=line, section="interventions", field=("medications", i)))
    for gi, goal in enumerate(plan.goals):
        doc.statements.append(Statement(goal.statement, "goal", ("goals", gi, "statement"), goal_index=gi))
        for oi, obj in enumerate(goal.objectives):
            doc.statements.append(Statement(obj.statement, "objective",
                                            ("goals", gi, "objectives", oi, "statement"), goal_index=gi))
    return doc
