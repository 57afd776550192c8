from __future__ import annotations

import json
import os
import stat

from click.testing import CliRunner

from plandoc import __version__
from plandoc.cli import cli

from ..conftest import REPO


def run(*args, **kw):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, **kw)


def test_version():
    res = run("--version")
    assert res.exit_code == 0 and __version__ in res.stdout


def test_exit_codes_follow_fail_on(monkeypatch):
    monkeypatch.chdir(REPO)
    complete = "samples/intake/complete.yaml"
    assert run("check", complete, "--as-of", "2026-11-27").exit_code == 0
    # the complete sample has info findings only
    assert run("check", complete, "--as-of", "2026-11-27", "--fail-on", "info").exit_code == 1
    assert run("check", "samples/intake/vague-goals.yaml", "--as-of", "2026-11-27").exit_code == 0
    assert run("check", "samples/intake/vague-goals.yaml", "--as-of", "2026-11-27", "--fail-on", "warning").exit_code == 1
    assert run("check", "samples/intake/missing-sections.yaml", "--as-of", "2026-11-27").exit_code == 1


def test_json_to_output_file_is_owner_only(tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    out = tmp_path / "report.json"
    res = run("check", "samples/intake", "--format", "json", "--output", str(out), "--as-of", "2026-11-27")
    assert res.exit_code == 1
    assert res.stdout == ""
    data = json.loads(out.read_text())
    assert data["summary"]["documents"] == 7
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "temporary file left behind"


def test_text_report_has_no_colour_when_piped(monkeypatch):
    monkeypatch.chdir(REPO)
    res = run("check", "samples/intake/jargon-narrative.yaml", "--as-of", "2026-11-27")
    assert "\033[" not in res.stdout
    assert "PD201" in res.stdout and "errors" in res.stdout.splitlines()[-1]


def test_rules_list_and_explain():
    res = run("rules", "list", "--profile", "medicare")
    assert res.exit_code == 0
    assert "PD020" in res.stdout and "PD040" not in res.stdout
    res = run("rules", "explain", "PD303")
    assert res.exit_code == 0
    for words in ("What it checks", "Why it matters", "Flagged", "Source (R-off)", "jointcommission.org"):
        assert words in res.stdout
    assert run("rules", "explain", "PD999").exit_code == 2


def test_schema_is_json_schema():
    data = json.loads(run("schema").stdout)
    assert data["title"] == "plandoc intake"
    assert {"client", "goals", "signatures"} <= set(data["properties"])


def test_init_writes_a_plan_that_checks_clean(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("init", "plan.yaml").exit_code == 0
    assert run("init", "plan.yaml").exit_code == 2  # no overwrite without --force
    res = run("check", "plan.yaml", "--as-of", "2026-11-27", "--format", "json")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["summary"]["findings"]["error"] == 0
