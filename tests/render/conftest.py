from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plandoc import intake, model
from plandoc.findings import Finding, Location, Source

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
TEMPLATES = ROOT / "templates"
PLAN_TEMPLATES = ["generic", "medicare", "medicaid", "commercial"]

needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                                   reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")


def load_fixture(name: str) -> model.Plan:
    return intake.load(FIXTURES / name)[0]


@pytest.fixture
def sud_plan() -> model.Plan:
    return load_fixture("sud_full.yaml")


@pytest.fixture
def mh_plan() -> model.Plan:
    return load_fixture("mh_minimal.yaml")


@pytest.fixture
def hostile_plan() -> model.Plan:
    return load_fixture("hostile.yaml")


def finding(severity: str, rule: str = "PD900", message: str = "Test finding.") -> Finding:
    return Finding(rule=rule, name="test-rule", category="missing_field", severity=severity, message=message,
                   location=Location(section="goals", field=("goals", 0, "statement")),
                   source=Source(citation="Test citation 1.2(3)", confidence="P"))


class FakeChecker:
    """Stands in for plandoc.api.check_plan(plan, *, profile, as_of=None) until it lands on main."""

    def __init__(self, findings=()):
        self.findings = list(findings)
        self.calls: list[str] = []

    def __call__(self, plan, *, profile, as_of=None):
        self.calls.append(profile)
        return list(self.findings)
