"""Kind `signature`: required signers present, dated, with credentials, at a sensible time."""

from __future__ import annotations

from typing import Iterator, Literal

from ... import model
from ...document import PlanDocument
from ...findings import Finding
from .base import Context, Kind, Params, Rule, loc, section_present

# Roles that may stand for one another when a profile names a signer.
_EQUIVALENT = {
    "clinician": {"clinician", "counselor"},
    "counselor": {"counselor", "clinician"},
    "rendering_provider": {"clinician", "counselor", "physician"},
    "responsible_clinician": {"clinician", "counselor"},
    "physician": {"physician"},
    "supervisor": {"supervisor"},
    "client": {"client", "guardian"},
}
_PROFESSIONAL = {"clinician", "counselor", "supervisor", "physician"}


class SignatureParams(Params):
    check: Literal["required_roles", "dated", "credentials", "timing"]
    param: str | None = None  # profile parameter listing the required roles
    late_days: int | None = None  # with timing: a signature this long after the plan date is late


def _signed(sig: model.Signature) -> bool:
    return bool(sig.name and sig.name.strip())


class SignatureCheck(Kind):
    name = "signature"
    Params = SignatureParams
    placeholders = frozenset({"section_title", "role", "days", "limit"})

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        p: SignatureParams = rule.params
        if not section_present(doc, "signatures"):
            return  # the missing section is reported once, by its own rule
        sigs = doc.plan.signatures
        if p.check == "required_roles":
            for role in ctx.param(p.param) or []:
                accepted = _EQUIVALENT.get(role, {role})
                ok = any(s.role.value in accepted and (_signed(s) or (role == "client" and s.no_signature_reason))
                         for s in sigs)
                if not ok:
                    yield rule.finding(loc(doc, "signatures", ("signatures",)), role=role.replace("_", " "),
                                       days="", limit="")
        elif p.check == "dated":
            for i, s in enumerate(sigs):
                if _signed(s) and s.date is None:
                    yield rule.finding(loc(doc, "signatures", ("signatures", i, "date")), role=s.role.value,
                                       days="", limit="")
        elif p.check == "credentials":
            for i, s in enumerate(sigs):
                if _signed(s) and s.role.value in _PROFESSIONAL and not (s.credentials or "").strip():
                    yield rule.finding(loc(doc, "signatures", ("signatures", i, "credentials")),
                                       role=s.role.value, days="", limit="")
        else:
            plan_date = doc.plan.plan_date
            if not plan_date:
                return
            for i, s in enumerate(sigs):
                if not s.date:
                    continue
                days = (s.date - plan_date).days
                if days < 0 or (p.late_days is not None and days > p.late_days):
                    yield rule.finding(loc(doc, "signatures", ("signatures", i, "date")),
                                       evidence=s.date.isoformat(), role=s.role.value, days=days,
                                       limit=p.late_days if p.late_days is not None else "")
