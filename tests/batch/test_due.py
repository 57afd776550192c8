"""plandoc due: overdue plans listed; the calendar parses as RFC 5545, with stable UIDs and no names."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from ..conftest import SAMPLES
from . import canary
from .conftest import AS_OF, invoke


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("due")
    shutil.copy(SAMPLES / "intake" / "overdue-unsigned.yaml", d / "overdue.yaml")
    shutil.copy(SAMPLES / "intake" / "complete.yaml", d / "complete.yaml")
    canary.intake(d)  # a signed plan with a review date months away
    data = yaml.safe_load((SAMPLES / "intake" / "complete.yaml").read_text())
    data["monitoring"]["next_review_date"] = "2026-12-10"
    data["client"].update(name="Robin Shaw", client_id="RS-1")
    (d / "soon.yaml").write_text(yaml.safe_dump(data))
    return d


def test_due_json_lists_overdue_and_soon(folder):
    res = invoke("due", str(folder), "--as-of", AS_OF, "--format", "json", "--within", "30")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    by_name = {p["path"].rsplit("/", 1)[1]: p for p in data["plans"]}
    assert set(by_name) == {"overdue.yaml", "soon.yaml"}
    over = by_name["overdue.yaml"]
    assert over["overdue"] and over["initials"] and over["record_id"]
    assert {it["what"] for it in over["items"]} == {"review", "signature"}
    assert all(it["days_overdue"] > 0 for it in over["items"])
    soon = by_name["soon.yaml"]
    assert not soon["overdue"] and soon["items"][0]["due"] == "2026-12-10"
    assert [p["path"].rsplit("/", 1)[1] for p in data["plans"]] == ["overdue.yaml", "soon.yaml"]  # soonest first
    none = json.loads(invoke("due", str(folder), "--as-of", AS_OF, "--format", "json", "--within", "0").stdout)
    assert [p["path"].rsplit("/", 1)[1] for p in none["plans"]] == ["overdue.yaml"]


def test_due_ics_parses_with_stable_uids_and_no_phi(folder):
    icalendar = pytest.importorskip("icalendar")
    first = invoke("due", str(folder), "--as-of", AS_OF, "--format", "ics", "--within", "400", text=False)
    second = invoke("due", str(folder), "--as-of", AS_OF, "--format", "ics", "--within", "400", "--workers", "1",
                     text=False)
    assert first.returncode == 0 and first.stdout == second.stdout
    raw = first.stdout.decode("utf-8")
    assert all(line.endswith("\r") or line == "" for line in raw.split("\n"))  # CRLF
    assert all(len(line.encode()) <= 76 for line in raw.split("\n"))  # folded at 75 octets (+CR)
    cal = icalendar.Calendar.from_ical(raw)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 4  # one per plan
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == 4
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("OVERDUE" in s for s in summaries)
    for e in events:
        assert e["DTSTART"].dt.isoformat() >= AS_OF
    unfolded = raw.replace("\r\n ", "")
    for leak in canary.CANARIES[:-1] + ("Robin", "Shaw", "Jordan", "Ellis", str(folder), ".yaml"):
        if leak in (canary.CLIENT_ID,):
            continue  # the record id is what staff need, and is allowed
        assert leak not in unfolded, leak
    assert "Q.V." in unfolded and "R.S." in unfolded


def test_due_csv_neutralizes(folder):
    res = invoke("due", str(folder), "--as-of", AS_OF, "--format", "csv")
    lines = res.stdout.splitlines()
    assert lines[0] == "document,initials,record_id,plan_date,what,role,due,days_overdue,basis"
    assert len(lines) >= 3
