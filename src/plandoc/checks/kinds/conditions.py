"""Conditions a rule can require before it runs (`when:` in a rule file)."""

from __future__ import annotations

from ...document import PlanDocument
from ... import icd
from .base import Context, Params


class Condition(Params):
    """All given keys must hold."""

    sud_diagnosis: bool | None = None  # an F10-F19 diagnosis is on the plan
    has_medications: bool | None = None
    structured: bool | None = None  # intake data rather than a parsed document


def holds(cond: Condition, doc: PlanDocument, ctx: Context) -> bool:
    if cond.sud_diagnosis is not None:
        sud = any(icd.is_substance_use(d.code) for d in doc.plan.assessment.diagnoses)
        if sud != cond.sud_diagnosis:
            return False
    if cond.has_medications is not None and bool(doc.plan.medications) != cond.has_medications:
        return False
    if cond.structured is not None and doc.structured != cond.structured:
        return False
    return True
