"""Run a rule on its own pass and fail examples (used by the test suite and `rules test`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..document import PlanDocument, Statement, TextBlock, from_plan
from ..findings import Finding
from ..model import Plan
from .engine import Checker
from .kinds.base import Rule
from .loader import RuleSet

EXAMPLE_AS_OF = dt.date(2026, 11, 1)


def example_document(rule: Rule, example: Any) -> tuple[PlanDocument, str, dt.date]:
    """Build the document an example stands for, with the profile and date it runs under."""
    profile = rule.spec.applies_to[0] if rule.spec.applies_to != ["all"] else "generic"
    as_of = EXAMPLE_AS_OF
    if isinstance(example, str):
        plan = Plan()
        doc = from_plan(plan, f"<example {rule.code}>")
        if rule.kind.name == "smart":
            doc.statements.append(Statement(example, "objective", ("goals", 0, "objectives", 0, "statement"), goal_index=0))
        else:
            section = rule.spec.section or "goals"
            doc.blocks.append(TextBlock(example, section, ("example",)))
            doc.section(section).present = True
        return doc, profile, as_of
    data = dict(example)
    if "plan" in data:
        as_of = dt.date.fromisoformat(str(data.get("as_of", as_of)))
        profile = data.get("profile", profile)
        data = dict(data["plan"])
    plan = Plan.model_validate(data)
    profile = plan.profile or profile
    return from_plan(plan, f"<example {rule.code}>"), profile, as_of


def run_batch_example(rs: RuleSet, rule: Rule, example: Any) -> list[Finding]:
    """A batch kind's example is {plans: [...]}: the plans are checked together as one run."""
    from ..results import DocumentResult, Report
    from .kinds import across

    profile = rule.spec.applies_to[0] if rule.spec.applies_to != ["all"] else "generic"
    checker = Checker(rs, profile, EXAMPLE_AS_OF)
    report = Report(profile=profile)
    for i, data in enumerate(example["plans"]):
        plan = Plan.model_validate(data)
        doc = from_plan(plan, f"<example {rule.code} plan {i}>")
        res = DocumentResult(path=doc.path, kind="intake")
        res.sections, res.goals = DocumentResult.shape(doc, [checker.judge(st.text) for st in doc.statements])
        res.client_key = across.client_key(plan, doc.path)
        names = across.client_names(plan)
        res.goal_keys = [across.statement_key(st.text, names) for st in doc.statements]
        report.documents.append(res)
    across.check_batch(report, rs, profile, None)
    return [f for d in report.documents for f in d.findings if f.rule == rule.code]


def run_example(rs: RuleSet, rule: Rule, example: Any) -> list[Finding]:
    if getattr(rule.kind, "batch", False):
        return run_batch_example(rs, rule, example)
    doc, profile, as_of = example_document(rule, example)
    checker = Checker(rs, profile, as_of)
    own = [r for r in checker.profile.rules if r.code == rule.code]
    if not own:
        raise AssertionError(f"{rule.code} is not active under profile {profile}")
    from .kinds.base import Context

    ctx = Context(profile=profile, params={k: v.value for k, v in checker.profile.params.items()},
                  as_of=as_of, judge=checker.judge)
    return list(own[0].run(doc, ctx))
