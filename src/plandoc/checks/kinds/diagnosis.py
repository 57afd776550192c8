"""Kind `diagnosis`: ICD-10-CM codes present, real, billable; substance-use codes mark Part 2 records."""

from __future__ import annotations

from typing import Iterator, Literal

from ... import icd
from ...document import PlanDocument
from ...findings import Finding
from .base import Context, Kind, Params, Rule, loc, placeholders, section_present


class DiagnosisParams(Params):
    check: Literal["present", "valid", "billable", "part2"]


class DiagnosisCheck(Kind):
    name = "diagnosis"
    Params = DiagnosisParams
    placeholders = frozenset({"section_title", "code", "children", "description"})

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        p: DiagnosisParams = rule.params
        # The official description costs a large import; look it up only when the words use it.
        wants = "description" in placeholders(rule.spec.message) | placeholders(rule.spec.suggestion)

        def describe(code: str) -> str:
            return (icd.description(code) or "") if wants else ""

        dx = doc.plan.assessment.diagnoses
        if p.check == "present":
            if section_present(doc, "assessment_summary") and not dx:
                yield rule.finding(loc(doc, "assessment_summary", ("assessment", "diagnoses")),
                                   code="", children="", description="")
            return
        if p.check == "part2":
            sud = [d for d in dx if icd.is_substance_use(d.code)]
            if sud:
                i = dx.index(sud[0])
                yield rule.finding(loc(doc, "assessment_summary", ("assessment", "diagnoses", i, "code")),
                                   evidence=sud[0].code, code=sud[0].code, children="",
                                   description=describe(sud[0].code))
            return
        for i, d in enumerate(dx):
            where = loc(doc, "assessment_summary", ("assessment", "diagnoses", i, "code"))
            valid = icd.is_valid(d.code)
            if p.check == "valid" and not valid:
                yield rule.finding(where, evidence=d.code, code=d.code, children="", description="")
            elif p.check == "billable" and valid and not icd.is_billable(d.code):
                children = ", ".join(icd.billable_children(d.code))
                yield rule.finding(where, evidence=d.code, code=d.code, children=children,
                                   description=describe(d.code))
