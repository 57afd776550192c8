"""The sample existing plans (`samples/plans/`) keep the findings they were made to show.

Each document's status, sections present, statements (text, level, what they miss) and finding
rule codes are pinned in `expected/plans/<file>.json`. Refresh with `pytest tests/golden
--update-golden` and review the diff like a snapshot. `make_plans.py --check` proves the
committed documents are what the generator makes.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from plandoc import api

from ..conftest import SAMPLES

AS_OF = dt.date(2026, 11, 27)
PLANS = SAMPLES / "plans"
GOLDEN = Path(__file__).resolve().parent / "expected" / "plans"
DOCUMENTS = sorted(p for p in PLANS.iterdir() if p.suffix in (".pdf", ".docx"))

# What each plan was written to show (rule codes that must be among its findings).
INTENDED = {
    "harbor-form.docx": {"PD008", "PD303", "PD201", "PD101"},
    "lakeside-narrative.docx": {"PD006", "PD201", "PD401", "PD101"},
    "riverside-tables.pdf": {"PD009", "PD301", "PD305", "PD201", "PD101"},
    "pinegrove-letter.pdf": {"PD008", "PD101"},
    "northfield-scanned.pdf": set(),
}


def _summary(result) -> dict:
    out = {"status": result.status}
    if result.status != "checked":
        out["error"] = result.error["code"] if result.error else None
        return out
    out["sections_present"] = [s["id"] for s in result.sections if s["present"]]
    out["goals"] = [{"text": g["text"], "level": g["level"], "missing": g["missing"]} for g in result.goals]
    out["rules"] = dict(sorted(Counter(f.rule for f in result.findings).items()))
    return out


def test_every_plan_is_listed():
    assert {p.name for p in DOCUMENTS} == set(INTENDED)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_plan_matches_golden(path: Path, update_golden: bool):
    (result,) = api.check_paths([path], as_of=AS_OF).documents
    got = _summary(result)
    assert INTENDED[path.name] <= set(got.get("rules", {}))
    golden = GOLDEN / f"{path.name}.json"
    if update_golden:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, indent=2) + "\n")
    assert got == json.loads(golden.read_text()), f"findings differ from {golden.name}"


def test_scanned_plan_needs_ocr():
    (result,) = api.check_paths([PLANS / "northfield-scanned.pdf"], as_of=AS_OF).documents
    assert result.status == "needs_ocr"


def test_generator_makes_the_committed_files():
    for mod in ("reportlab", "PIL", "docx"):
        if importlib.util.find_spec(mod) is None:
            pytest.skip(f"{mod} is not installed")
    spec = importlib.util.spec_from_file_location("make_plans", PLANS / "make_plans.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    for name, build in make.PLANS.items():
        assert (PLANS / name).read_bytes() == build(), f"samples/plans/{name} is stale: run make_plans.py"
