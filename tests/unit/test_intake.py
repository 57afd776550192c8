"""Bad intake files get every problem at once, as file:line: field.path: words; never a value."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from plandoc import api
from plandoc.cli import cli
from plandoc.errors import IntakeError, UnreadableError

from ..conftest import FIXTURES, REPO

INTAKE = FIXTURES / "intake"


def test_wrong_types_reports_every_problem_with_line_and_path(monkeypatch):
    monkeypatch.chdir(REPO)
    with pytest.raises(IntakeError) as info:
        api.load_intake("tests/fixtures/intake/wrong-types.yaml")
    problems = info.value.problems
    assert problems == [
        "tests/fixtures/intake/wrong-types.yaml:3: plan_date: is not a date (use YYYY-MM-DD)",
        "tests/fixtures/intake/wrong-types.yaml:4: clinet: is not a field plandoc knows (did you mean 'client'?)",
        "tests/fixtures/intake/wrong-types.yaml:8: client.date_of_birth: is not a real calendar date",
        "tests/fixtures/intake/wrong-types.yaml:9: provider.npi: must be 10 digits",
        "tests/fixtures/intake/wrong-types.yaml:14: goals[0].objectives[0].target_date: is not a date (use YYYY-MM-DD)",
        "tests/fixtures/intake/wrong-types.yaml:15: goals[1].statement: is required",
        "tests/fixtures/intake/wrong-types.yaml:18: interventions[0].session_minutes: should be a whole number",
    ]


def test_problems_never_quote_values():
    with pytest.raises(IntakeError) as info:
        api.load_intake(INTAKE / "wrong-types.yaml")
    text = str(info.value)
    for value in ("next month", "sometime soon", "fifty", "12345", "Test Person", "1990-02-30"):
        assert value not in text


@pytest.mark.parametrize("name,words,line", [
    ("bad-syntax.yaml", "is not valid YAML", 5),
    ("alias-bomb.yaml", "YAML anchor or alias", 1),
    ("python-tag.yaml", "YAML tag", 1),
])
def test_unreadable_yaml(name, words, line):
    with pytest.raises(UnreadableError) as info:
        api.load_intake(INTAKE / name)
    assert words in info.value.message
    assert info.value.location.line == line


def test_incomplete_plan_is_valid_and_checked():
    plan = api.load_intake(INTAKE / "incomplete.yaml")
    codes = {f.rule for f in api.check_plan(plan)}
    assert {"PD003", "PD005", "PD009"} <= codes


def test_cli_exit_codes_for_broken_intake(monkeypatch):
    monkeypatch.chdir(REPO)
    runner = CliRunner()
    res = runner.invoke(cli, ["check", "tests/fixtures/intake/wrong-types.yaml", "--format", "json"])
    assert res.exit_code == 3
    doc = json.loads(res.stdout)["documents"][0]
    assert doc["status"] == "error" and doc["error"]["code"] == "invalid_intake"
    assert "goals[0].objectives[0].target_date" in doc["error"]["message"]

    res = runner.invoke(cli, ["check", "tests/fixtures/intake/bad-syntax.yaml", "--format", "json"])
    assert res.exit_code == 3
    assert json.loads(res.stdout)["documents"][0]["status"] == "unreadable"

    res = runner.invoke(cli, ["check", "tests/fixtures/intake/unknown-profile.yaml", "--format", "json"])
    assert res.exit_code == 3
    assert "profile: is not a known profile" in json.loads(res.stdout)["documents"][0]["error"]["message"]


def test_cli_usage_errors_exit_2(monkeypatch):
    monkeypatch.chdir(REPO)
    runner = CliRunner()
    assert runner.invoke(cli, ["check", "no/such/file.yaml"]).exit_code == 2
    res = runner.invoke(cli, ["check", "samples/intake/complete.yaml", "--profile", "medicaid-zz"])
    assert res.exit_code == 2 and "unknown profile 'medicaid-zz'" in res.stderr
    assert runner.invoke(cli, ["check", "samples/intake/complete.yaml", "--format", "yaml"]).exit_code == 2
    assert "Traceback" not in res.output


def test_folder_walk_skips_non_intake_yaml(monkeypatch):
    monkeypatch.chdir(REPO)
    report = api.check_paths(["tests/fixtures/intake"])
    skipped = {s["path"] for s in report.skipped}
    docs = {d.path for d in report.documents}
    assert "tests/fixtures/intake/list-not-plan.json" in skipped
    assert "tests/fixtures/intake/incomplete.yaml" in docs
    assert not skipped & docs


def test_json_intake_checks_like_yaml(tmp_path):
    import yaml

    from ..conftest import SAMPLES

    data = yaml.safe_load((SAMPLES / "intake" / "complete.yaml").read_text())
    path = tmp_path / "complete.json"
    path.write_text(json.dumps(data, default=str, indent=2))
    a = api.check_paths([SAMPLES / "intake" / "complete.yaml"]).documents[0]
    b = api.check_paths([path]).documents[0]
    assert b.kind == "intake" and b.status == "checked"
    assert [(f.rule, f.evidence) for f in a.findings] == [(f.rule, f.evidence) for f in b.findings]


def test_findings_on_intake_carry_the_line(monkeypatch):
    monkeypatch.chdir(REPO)
    doc = api.check_paths(["samples/intake/broken-thread.yaml"]).documents[0]
    f = next(f for f in doc.findings if f.rule == "PD013")
    assert f.location.field_path == "interventions[1].frequency"
    assert f.location.line == 39  # the missing field points at its intervention
