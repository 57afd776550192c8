"""Each sample intake gets exactly the findings it was written to show (golden files).

Refresh with `pytest tests/golden --update-golden` and review the diff like a snapshot.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from plandoc import api
from plandoc.findings import Severity
from plandoc.report import text as text_report

from ..conftest import SAMPLES

AS_OF = dt.date(2026, 11, 27)
GOLDEN = Path(__file__).resolve().parent / "expected"
INTAKES = sorted((SAMPLES / "intake").glob("*.yaml"))
PROFILES = ["generic", "medicare", "commercial", "medicaid-ny", "medicaid-pa", "medicaid-tx"]

# What each flawed sample was written to show: the rule codes it must raise (under generic).
INTENDED = {
    "complete": set(),
    "vague-goals": {"PD101", "PD502"},
    "jargon-narrative": {"PD201", "PD205", "PD401", "PD402"},
    "do-not-use-meds": {"PD301", "PD303", "PD304", "PD305", "PD306"},
    "missing-sections": {"PD005", "PD006", "PD007", "PD008"},
    "broken-thread": {"PD013", "PD014", "PD101", "PD501", "PD502", "PD503", "PD703"},
    "overdue-unsigned": {"PD602", "PD605", "PD651", "PD652", "PD653"},
}
ALWAYS = {"PD704"}  # every sample is a substance use plan: the Part 2 notice is information


def _rows(result) -> list[dict]:
    return [{"rule": f.rule, "severity": f.severity.value, "section": f.location.section,
             "field": f.location.field_path, "evidence": f.evidence} for f in result.findings]


def test_every_sample_is_listed():
    assert {p.stem for p in INTAKES} == set(INTENDED)


@pytest.mark.parametrize("path", INTAKES, ids=lambda p: p.stem)
def test_sample_matches_golden(path: Path, update_golden: bool, monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)
    report = api.check_paths([path.relative_to(SAMPLES.parent)], as_of=AS_OF)
    (result,) = report.documents
    assert result.status == "checked"
    rows = _rows(result)
    assert {r["rule"] for r in rows} - ALWAYS == INTENDED[path.stem]
    golden = GOLDEN / f"{path.stem}.json"
    text = text_report.render(report)
    golden_txt = GOLDEN / f"{path.stem}.txt"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(json.dumps(rows, indent=2) + "\n")
        golden_txt.write_text(text)
    assert rows == json.loads(golden.read_text()), f"findings differ from {golden.name}"
    assert text == golden_txt.read_text(), f"text report differs from {golden_txt.name}"


@pytest.mark.parametrize("profile", PROFILES)
def test_complete_sample_has_no_errors_under_any_profile(profile):
    report = api.check_paths([SAMPLES / "intake" / "complete.yaml"], profile=profile, as_of=AS_OF)
    (result,) = report.documents
    errors = [f"{f.rule} {f.message}" for f in result.findings if f.severity.value == "error"]
    assert errors == []
    assert report.exit_code(Severity.error) == 0


def test_samples_folder_report_is_contract_shaped():
    report = api.check_paths([SAMPLES], as_of=AS_OF).to_contract()
    assert report["plandoc_version"]
    assert report["summary"]["documents"] == len(report["documents"])
    kinds = {d["kind"] for d in report["documents"]}
    assert kinds == {"intake", "docx", "pdf"}  # samples/intake and samples/plans
    assert [s["path"] for s in report["skipped"]] == [str(SAMPLES / "plans" / "make_plans.py")]
    for doc in report["documents"]:
        if doc["status"] != "checked":
            assert doc["status"] == "needs_ocr" and doc["error"]["code"]  # the scanned sample
            continue
        assert doc["error"] is None
        assert [s["id"] for s in doc["sections"]] == [
            "client_information", "assessment_summary", "goals", "interventions", "coping_strategies",
            "support_systems", "monitoring_review", "discharge_criteria", "signatures"]
        for g in doc["goals"]:
            assert g["level"] in ("goal", "objective")
            assert set(g["missing"]) <= {"specific", "measurable", "time_bound"}
            assert g["vague"] == bool(g["missing"])
        for f in doc["findings"]:
            assert f["severity"] in ("error", "warning", "info")
            for key in ("rule", "category", "section", "message", "evidence", "suggestion", "page"):
                assert key in f
