"""The public library API. The CLI is a thin skin over these functions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from . import document, intake
from .batch import Options, run
from .checks.engine import Checker
from .checks.loader import RuleSet, load_ruleset
from .findings import Finding
from .model import Plan
from .results import Report


_RULES_CACHE: dict[tuple, RuleSet] = {}


def load_rules(extra_dirs: list[Path] | None = None) -> RuleSet:
    """The built-in rules and profiles plus any clinic folders (`--rules DIR`).

    Loaded once per process for the same files (name, size and modification time of each); a
    long-running caller that checks many batches does not parse 60 YAML files every time.
    """
    from .resources import rules_dir

    dirs = [Path(d) for d in extra_dirs or []]
    try:
        key = tuple((str(p), st.st_size, st.st_mtime_ns) for d in [rules_dir(), *dirs]
                    for p in sorted(Path(d).rglob("*.y*ml")) for st in [p.stat()])
    except OSError:
        return load_ruleset(dirs)  # a missing folder: let the loader say so
    if key not in _RULES_CACHE:
        _RULES_CACHE.clear()
        _RULES_CACHE[key] = load_ruleset(dirs)
    return _RULES_CACHE[key]


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
                rules: RuleSet | None = None, pdf_engine: str = "pdfium", ocr: bool = False,
                workers: int = 0, timeout: float = 60.0, max_memory_mb: int | None = 2048,
                recycle_after: int = 100, redact: bool = False, duplicate_threshold: int | None = None,
                collect_due: bool = False, progress: Callable[[int, int], None] | None = None) -> Report:
    """Check files and folders; every input is accounted for in the report, in input order.

    `workers=0` checks in this process (no deadline, no memory cap); `workers=N` uses N worker
    processes, each document with a `timeout` in seconds and a `max_memory_mb` address-space cap.
    """
    rules = rules or load_rules()
    options = Options(profile=profile, as_of=as_of, pdf_engine=pdf_engine, ocr=ocr, workers=workers,
                      timeout=timeout, max_memory_mb=max_memory_mb, recycle_after=recycle_after,
                      redact=redact, duplicate_threshold=duplicate_threshold, collect_due=collect_due)
    return run([Path(p) for p in paths], rules, options, progress=progress)
