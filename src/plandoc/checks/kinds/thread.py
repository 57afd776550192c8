"""Kind `golden_thread`: diagnosis -> goal -> objective -> intervention, each link present.

Auditors follow this thread: every assessed problem is addressed by a goal, every goal has a
measurable, time-bound objective, and every goal is served by an intervention.
"""

from __future__ import annotations

import re
from typing import Iterator, Literal

from ... import model
from ...document import PlanDocument
from ...findings import Finding
from .base import Context, Kind, Params, Rule, loc, section_present


class ThreadParams(Params):
    check: Literal["diagnosis_addressed", "goal_has_smart_objective", "goal_served"]


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _goal_keys(gi: int, goal: model.Goal) -> set[str]:
    keys = {_norm(goal.id)} if goal.id else set()
    keys |= {_norm(o.id) for o in goal.objectives if o.id}
    return keys


class GoldenThread(Kind):
    name = "golden_thread"
    Params = ThreadParams
    placeholders = frozenset({"section_title", "code", "goal"})

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        p: ThreadParams = rule.params
        plan = doc.plan
        if p.check == "diagnosis_addressed":
            if not section_present(doc, "goals") or not plan.goals:
                return
            if not doc.structured and not any(g.addresses for g in plan.goals):
                return  # a parsed plan that shows no links at all: nothing to follow
            addressed = {_norm(a) for g in plan.goals for a in g.addresses}
            for i, d in enumerate(plan.assessment.diagnoses):
                code = _norm(d.code)
                if not any(a == code or (a and code.startswith(a)) for a in addressed):
                    yield rule.finding(loc(doc, "assessment_summary", ("assessment", "diagnoses", i, "code")),
                                       evidence=d.code, code=d.code, goal="")
        elif p.check == "goal_has_smart_objective":
            judge = ctx.judge
            groups: dict[int, list] = {}
            goals = []
            for st in doc.statements:
                if st.level == "goal":
                    goals.append(st)
                    groups.setdefault(st.goal_index, [])
                elif st.goal_index is not None:
                    groups.setdefault(st.goal_index, []).append(st)
            for g in goals:
                objectives = groups.get(g.goal_index, [])
                ok = any(not ({"measurable", "time_bound"} & set(judge(o.text).missing)) for o in objectives)
                if not ok:
                    yield rule.finding(g.location(doc.path), evidence=g.text, code="", goal=g.text)
        else:
            if not section_present(doc, "interventions") or not doc.structured:
                return
            served = {_norm(s) for iv in plan.interventions for s in iv.serves}
            for gi, goal in enumerate(plan.goals):
                if not (_goal_keys(gi, goal) & served):
                    yield rule.finding(loc(doc, "goals", ("goals", gi)), evidence=goal.statement, code="",
                                       goal=goal.id or str(gi + 1))
