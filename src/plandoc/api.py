"""The public library API. The CLI is a thin skin over these functions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import document, intake
from .batch import Options, run
from .checks.engine import Checker
from .checks.loader import RuleSet, load_ruleset
from .findings import Finding
from .model import Plan
from .results import Report


def load_rules(extra_dirs: list[Path] | None = None) -> RuleSet:
    """The built-in rules and profiles plus any clinic folders (`--rules DIR`)."""
    return load_ruleset(list(extra_dirs or []))


def load_intake(path: str | Path) -> Plan:
    """Read and validate an intake YAML/JSON file (raises IntakeError / UnreadableError)."""
    plan, _ = intake.load(Path(path), str(path))
    return plan


def check_plan(plan: Plan, *, profile: str | None = None, as_of: dt.date | None = None,
               rules: RuleSet | None = None, path: str = "<intake>") -> list[Finding]:
    """Findings for one intake plan under a profile (default: the plan's own, else generic)."""
    rules = rules or load_rules()
    checker = Checker(rules, profile or plan.profile or "generic", as_of)
    return checker.check(document.from_plan(plan, path))


def check_paths(paths: list[str | Path], *, profile: str | None = None, as_of: dt.date | None = None,
                rules: RuleSet | None = None, pdf_engine: str = "pdfium", ocr: bool = False) -> Report:
    """Check files and folders; every input is accounted for in the report."""
    rules = rules or load_rules()
    return run([Path(p) for p in paths], rules, Options(profile=profile, as_of=as_of, pdf_engine=pdf_engine, ocr=ocr))
