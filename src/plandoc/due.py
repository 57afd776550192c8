"""`plandoc due`: plans whose review or signatures are due or overdue.

A worker reads each plan and keeps only the few dates this needs (`due_facts`); the parent lists
the plans with something due on or before `as_of + within` (`due_plans`). Formats are in
`report/due.py` (text, json, csv, ics).

What is due:

* **review**: the plan's own next review date; else the plan date plus the plan's review interval,
  else plus the profile's `review_interval_days`. A plan with none of these has no review item.
* **signature**: each signer the profile requires (`required_signatures`) who has not signed, and
  each signature without a date, due `signature_late_days` after the plan date (the profile's
  parameter; on the plan date when unset), or today when the plan has no date.

Identity kept: the client's initials and record id (client id, else member id), never the name,
date of birth or other identifiers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .document import PlanDocument


def initials(name: str | None) -> str | None:
    words = re.findall(r"[^\W\d_]+", name or "")
    return "".join(w[0].upper() + "." for w in words[:3]) or None


def due_facts(doc: PlanDocument, profile, as_of: dt.date) -> dict[str, Any]:
    from .checks.kinds.signatures import _EQUIVALENT, _signed

    plan = doc.plan
    items: list[dict[str, Any]] = []
    mon = plan.monitoring
    if mon.next_review_date:
        items.append({"what": "review", "due": mon.next_review_date.isoformat(),
                      "basis": "next review date in the plan"})
    elif plan.plan_date:
        days = mon.review_interval_days or profile.value("review_interval_days")
        source = "the plan's review interval" if mon.review_interval_days else "the profile's review interval"
        if days:
            items.append({"what": "review", "due": (plan.plan_date + dt.timedelta(days=int(days))).isoformat(),
                          "basis": f"plan date + {days} days ({source})"})
    late = profile.value("signature_late_days")
    if plan.plan_date:
        sig_due = plan.plan_date + dt.timedelta(days=int(late or 0))
        sig_basis = f"plan date + {late} days" if late else "plan date"
    else:
        sig_due, sig_basis = as_of, "the plan has no date"
    sigs = plan.signatures
    signatures_read = doc.structured or bool(doc.sections.get("signatures") and doc.sections["signatures"].present)
    for role in [] if not signatures_read else profile.value("required_signatures") or []:
        accepted = _EQUIVALENT.get(role, {role})
        if not any(s.role.value in accepted and (_signed(s) or (role == "client" and s.no_signature_reason))
                   for s in sigs):
            items.append({"what": "signature", "role": role.replace("_", " "), "due": sig_due.isoformat(),
                          "basis": f"required signer has not signed ({sig_basis})"})
    for s in sigs if signatures_read else []:
        if _signed(s) and s.date is None:
            items.append({"what": "signature", "role": s.role.value, "due": sig_due.isoformat(),
                          "basis": f"signature has no date ({sig_basis})"})
    c = plan.client
    return {"initials": initials(c.name), "record_id": c.client_id or c.member_id or None,
            "plan_date": plan.plan_date.isoformat() if plan.plan_date else None, "items": items}


def due_plans(report, as_of: dt.date, within: int) -> dict[str, Any]:
    """The plans with an item due on or before as_of + within days, soonest first."""
    horizon = as_of + dt.timedelta(days=within)
    plans = []
    for d in report.documents:
        if d.status != "checked" or not d.due:
            continue
        items = []
        for it in d.due["items"]:
            due = dt.date.fromisoformat(it["due"])
            if due <= horizon:
                items.append({**it, "days_overdue": max(0, (as_of - due).days), "overdue": due < as_of})
        if not items:
            continue
        items.sort(key=lambda it: it["due"])
        plans.append({"path": d.path, "initials": d.due["initials"], "record_id": d.due["record_id"],
                      "plan_date": d.due["plan_date"], "client_key": d.client_key,
                      "earliest": items[0]["due"], "overdue": any(it["overdue"] for it in items), "items": items})
    plans.sort(key=lambda p: (p["earliest"], p["path"]))
    not_checked = [{"path": d.path, "status": d.status, "error": (d.error or {}).get("code")}
                   for d in report.documents if d.status != "checked"]
    return {"as_of": as_of.isoformat(), "within_days": within, "plans": plans, "not_checked": not_checked,
            "skipped": len(report.skipped)}
