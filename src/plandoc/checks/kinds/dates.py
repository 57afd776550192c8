"""Kind `date`: review schedule, plan age, target dates against the plan date and profile limits.

Every limit is a profile parameter named by `param`; a profile that sets it to null (not
verified) keeps the rule silent rather than guessing.
"""

from __future__ import annotations

from typing import Iterator, Literal

from ...document import PlanDocument
from ...findings import Finding
from .base import Context, Kind, Params, Rule, loc, section_present


class DateParams(Params):
    check: Literal["review_interval", "review_overdue", "review_beyond_limit", "target_before_plan",
                   "plan_age", "target_horizon", "plan_timeliness"]
    param: str | None = None  # the profile parameter holding the limit in days


class DateCheck(Kind):
    name = "date"
    Params = DateParams
    placeholders = frozenset({"section_title", "limit", "days", "date", "as_of"})

    def validate(self, spec) -> list[str]:
        p = spec.params
        needs = {"review_interval", "review_beyond_limit", "plan_age", "target_horizon", "plan_timeliness"}
        if p.get("check") in needs and not p.get("param"):
            return [f"check '{p.get('check')}' needs 'param' (the profile parameter with the limit)"]
        return []

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        p: DateParams = rule.params
        plan = doc.plan
        limit = ctx.param(p.param) if p.param else None
        if p.param and limit is None:
            return
        mon = plan.monitoring
        if p.check == "review_interval":
            if not section_present(doc, "monitoring_review"):
                return
            if mon.review_interval_days is None and mon.next_review_date is None:
                yield rule.finding(loc(doc, "monitoring_review", ("monitoring", "review_interval_days")),
                                   limit=limit, days="", date="", as_of=ctx.as_of.isoformat())
            elif mon.review_interval_days is not None and mon.review_interval_days > limit:
                yield rule.finding(loc(doc, "monitoring_review", ("monitoring", "review_interval_days")),
                                   evidence=f"every {mon.review_interval_days} days",
                                   limit=limit, days=mon.review_interval_days, date="", as_of=ctx.as_of.isoformat())
        elif p.check == "review_overdue":
            if mon.next_review_date and mon.next_review_date < ctx.as_of:
                days = (ctx.as_of - mon.next_review_date).days
                yield rule.finding(loc(doc, "monitoring_review", ("monitoring", "next_review_date")),
                                   evidence=mon.next_review_date.isoformat(), limit="", days=days,
                                   date=mon.next_review_date.isoformat(), as_of=ctx.as_of.isoformat())
        elif p.check == "review_beyond_limit":
            if mon.next_review_date and plan.plan_date:
                days = (mon.next_review_date - plan.plan_date).days
                if days > limit:
                    yield rule.finding(loc(doc, "monitoring_review", ("monitoring", "next_review_date")),
                                       evidence=mon.next_review_date.isoformat(), limit=limit, days=days,
                                       date=mon.next_review_date.isoformat(), as_of=ctx.as_of.isoformat())
        elif p.check == "plan_age":
            if plan.plan_date:
                days = (ctx.as_of - plan.plan_date).days
                if days > limit:
                    yield rule.finding(loc(doc, None, ("plan_date",)), evidence=plan.plan_date.isoformat(),
                                       limit=limit, days=days, date=plan.plan_date.isoformat(),
                                       as_of=ctx.as_of.isoformat())
        elif p.check == "plan_timeliness":
            if plan.plan_date and plan.admission_date:
                days = (plan.plan_date - plan.admission_date).days
                if days > limit:
                    yield rule.finding(loc(doc, None, ("plan_date",)), evidence=plan.plan_date.isoformat(),
                                       limit=limit, days=days, date=plan.plan_date.isoformat(),
                                       as_of=ctx.as_of.isoformat())
        else:
            if not plan.plan_date:
                return
            for path, target in _targets(doc):
                days = (target - plan.plan_date).days
                bad = days < 0 if p.check == "target_before_plan" else days > limit
                if bad:
                    yield rule.finding(loc(doc, "goals", path), evidence=target.isoformat(), limit=limit or "",
                                       days=abs(days), date=target.isoformat(), as_of=ctx.as_of.isoformat())


def _targets(doc: PlanDocument):
    for gi, g in enumerate(doc.plan.goals):
        if g.target_date:
            yield ("goals", gi, "target_date"), g.target_date
        for oi, o in enumerate(g.objectives):
            if o.target_date:
                yield ("goals", gi, "objectives", oi, "target_date"), o.target_date
