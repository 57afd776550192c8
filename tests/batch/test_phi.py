"""--redact leaves no canary in any report format; logs and the audit log never hold PHI."""

from __future__ import annotations

import json
import os
import stat
import zipfile

import pytest

from . import canary
from .conftest import AS_OF, invoke, run_cli

FORMATS = ("text", "json", "csv", "html", "xlsx")


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    d = tmp_path_factory.mktemp("phi")
    canary.intake(d)
    canary.docx(d)
    return d


def _text_of(path) -> str:
    if path.suffix == ".xlsx":
        with zipfile.ZipFile(path) as z:
            return "\n".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    return path.read_text()


def _leaks(text: str) -> list[str]:
    low = text.lower()
    return [c for c in canary.CANARIES if c.lower() in low]


def test_without_redact_the_canaries_are_there(plans, tmp_path):
    # The test would prove nothing if the canaries never reached a report.
    out = tmp_path / "r.json"
    invoke("check", str(plans), "--format", "json", "-o", str(out), "--as-of", AS_OF, "-q")
    assert len(_leaks(out.read_text())) >= 4


@pytest.mark.parametrize("fmt", FORMATS)
def test_redact_leaves_no_canary(plans, tmp_path, fmt):
    out = tmp_path / f"r.{fmt}"
    res = invoke("check", str(plans), "--format", fmt, "-o", str(out), "--as-of", AS_OF, "--redact", "--workers", "2")
    assert res.returncode in (0, 1), res.stderr
    text = _text_of(out)
    assert _leaks(text) == []
    assert "[CLIENT NAME]" in text or fmt == "xlsx" and "[CLIENT NAME]" in text.replace("&#91;", "[")
    assert _leaks(res.stderr) == []


def test_highest_verbosity_logs_no_phi_and_no_paths(plans, tmp_path):
    res = run_cli("check", str(plans), "--format", "json", "-o", str(tmp_path / "r.json"), "--as-of", AS_OF,
                  "-vvv", "--workers", "2")
    assert "document #0" in res.stderr and "sha256:" in res.stderr  # it did log per document
    assert _leaks(res.stderr) == []
    assert str(plans) not in res.stderr and "canary" not in res.stderr and "plan.docx" not in res.stderr


def test_library_loggers_stay_quiet_even_when_root_is_debug(plans, caplog):
    import logging

    from plandoc import api
    from plandoc.logs import setup

    setup(verbosity=3)
    with caplog.at_level(logging.DEBUG):
        api.check_paths([plans], workers=0)
    for name in ("pdfminer", "pdfplumber", "PIL"):
        assert logging.getLogger(name).getEffectiveLevel() >= logging.WARNING
    assert _leaks(caplog.text) == []


def test_audit_log_lines_hold_no_phi_or_paths(plans, tmp_path):
    log = tmp_path / "audit.jsonl"
    for _ in range(2):
        res = invoke("check", str(plans), "--format", "json", "-o", str(tmp_path / "r.json"), "--as-of", AS_OF,
                      "--audit-log", str(log), "-q")
        assert res.returncode in (0, 1)
    raw = log.read_text()
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    lines = [json.loads(x) for x in raw.splitlines()]
    assert [x["event"] for x in lines] == ["document", "document", "run"] * 2
    run = lines[2]
    assert run["rules_sha256"] and run["plandoc_version"] and run["documents"] == 2 and run["outcome"] == "completed"
    for x in lines[:2]:
        assert len(x["input_sha256"]) == 64 and x["status"] == "checked" and set(x["findings"]) == {"error", "warning", "info"}
    assert _leaks(raw) == []
    assert str(plans) not in raw and "canary" not in raw and ".docx" not in raw and ".yaml" not in raw
