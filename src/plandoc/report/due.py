"""Formats of `plandoc due`: text, json, csv and an RFC 5545 calendar (.ics).

The calendar holds one all-day VEVENT per plan, on the earliest due date (on the as-of date when
that is already past, so an overdue plan shows up today rather than in the past). Its UID is a
hash of the client's identity and the plan date, so importing a newer run updates the event
instead of adding a second one. Summary and description carry the client's initials and record
id, what is due and when: no names, dates of birth, paths or other identifiers, because calendars
are often synced to other services.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from typing import Any

from .. import __version__
from .rows import neutralize


def render_json(data: dict[str, Any]) -> str:
    out = {**data, "plans": [{k: v for k, v in p.items() if k != "client_key"} for p in data["plans"]]}
    return json.dumps(out, indent=2, ensure_ascii=False) + "\n"


CSV_COLUMNS = ("document", "initials", "record_id", "plan_date", "what", "role", "due", "days_overdue", "basis")


def render_csv(data: dict[str, Any]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\r\n")
    w.writeheader()
    for p in data["plans"]:
        for it in p["items"]:
            row = {"document": p["path"], "initials": p["initials"], "record_id": p["record_id"],
                   "plan_date": p["plan_date"], **it}
            w.writerow({k: neutralize(v) if v is not None else "" for k, v in row.items()})
    return buf.getvalue()


def _label(p: dict[str, Any]) -> str:
    who = ", ".join(x for x in (p["initials"], p["record_id"]) if x) or "client not identified"
    return who


def _item_text(it: dict[str, Any]) -> str:
    what = "Plan review" if it["what"] == "review" else f"Signature ({it.get('role')})"
    when = f"due {it['due']}" + (f", {it['days_overdue']} days overdue" if it["overdue"] else "")
    return f"{what}: {when}"


def render_text(data: dict[str, Any]) -> str:
    lines = []
    for p in data["plans"]:
        flag = "OVERDUE" if p["overdue"] else "due"
        lines.append(f"{p['earliest']}  {flag:<7}  {_label(p)}  {p['path']}")
        for it in p["items"]:
            lines.append(f"      {_item_text(it)} ({it['basis']})")
    lines.append(f"{len(data['plans'])} plans due by {data['as_of']} + {data['within_days']} days; "
                 f"{len(data['not_checked'])} could not be checked")
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 section 3.1), never inside a UTF-8 character."""
    out, cur = [], ""
    for ch in line:
        limit = 75 if not out else 74
        if len((cur + ch).encode("utf-8")) > limit:
            out.append(cur)
            cur = ch
        else:
            cur += ch
    out.append(cur)
    return "\r\n ".join(out)


def render_ics(data: dict[str, Any]) -> str:
    as_of = dt.date.fromisoformat(data["as_of"])
    stamp = as_of.strftime("%Y%m%dT000000Z")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//plandoc//plandoc {__version__}//EN",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    for p in data["plans"]:
        start = max(dt.date.fromisoformat(p["earliest"]), as_of)
        uid_src = f"{p['client_key']}|{p['plan_date']}"
        uid = hashlib.sha256(uid_src.encode()).hexdigest()[:32] + "@plandoc"
        whats = sorted({"review" if it["what"] == "review" else "signature" for it in p["items"]})
        title = ("Plan " + " and ".join(whats) + (" OVERDUE" if p["overdue"] else " due") + f" - {_label(p)}")
        desc = "\n".join(_item_text(it) for it in p["items"])
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}",
                  f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{(start + dt.timedelta(days=1)).strftime('%Y%m%d')}",
                  f"SUMMARY:{_escape(title)}", f"DESCRIPTION:{_escape(desc)}",
                  "CATEGORIES:plandoc", "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


RENDERERS = {"text": render_text, "json": render_json, "csv": render_csv, "ics": render_ics}
