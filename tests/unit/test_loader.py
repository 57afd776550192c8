"""A broken rule file fails at load time, naming the file and the line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from plandoc.checks.engine import Checker
from plandoc.checks.loader import load_ruleset
from plandoc.errors import RuleFileError

GOOD = """\
code: PD901
name: clinic-word
kind: lexicon
category: jargon
severity: warning
message: "'{match}' is a clinic word."
why: Clinic policy.
source: {citation: "Clinic style guide", confidence: P}
examples: {fail: ["We use the widget."], pass: ["We use the tool."]}
params:
  terms:
    - {term: widget, prefer: tool}
"""


def _write(folder: Path, name: str, text: str) -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(textwrap.dedent(text))
    return p


def test_clinic_rule_loads(tmp_path):
    _write(tmp_path, "clinic/PD901-clinic-word.yaml", GOOD)
    rs = load_ruleset([tmp_path])
    assert rs.rule("PD901").spec.name == "clinic-word"


@pytest.mark.parametrize("change,line,words", [
    (("kind: lexicon", "kind: lexicons"), 3, "unknown kind 'lexicons'"),
    (("category: jargon", "category: slang"), 4, "category: must be one of"),
    (("message:", "section: goal\nmessage:"), 6, "section: is not a section id"),
    (("{term: widget, prefer: tool}", "{pattern: 'wid(get', prefer: tool}"), 12, "not a valid regular expression"),
    (("severity: warning", "severity: error"), None, "GK"),
    (("examples: {fail: [\"We use the widget.\"], pass: [\"We use the tool.\"]}", "examples: {fail: [], pass: []}"), None, "example"),
    (("'{match}' is", "'{word}' is"), 6, "{word}"),
])
def test_broken_rule_names_file_and_line(tmp_path, change, line, words):
    text = GOOD.replace(*change)
    if words == "GK":
        text = text.replace("confidence: P", "confidence: GK")
    _write(tmp_path, "clinic/PD901-clinic-word.yaml", text)
    with pytest.raises(RuleFileError) as info:
        load_ruleset([tmp_path])
    err = info.value
    assert err.location.file.endswith("clinic/PD901-clinic-word.yaml")
    if line is not None:
        assert err.location.line == line, str(err)
    assert words in str(err)


def test_duplicate_code_is_refused(tmp_path):
    _write(tmp_path, "PD101-smart-again.yaml", GOOD.replace("PD901", "PD101"))
    with pytest.raises(RuleFileError, match="PD101 is already used"):
        load_ruleset([tmp_path])


def test_overrides_change_severity_and_switch_rules_off(tmp_path, ruleset):
    _write(tmp_path, "overrides.yaml", """\
        rules:
          PD201: {severity: error, basis: "clinic policy"}
          PD202: {enabled: false}
        params:
          review_interval_days: {value: 60, basis: "clinic policy"}
    """)
    rs = load_ruleset([tmp_path])
    checker = Checker(rs, "generic")
    codes = {r.code: r for r in checker.profile.rules}
    assert codes["PD201"].severity.value == "error"
    assert "PD202" not in codes
    assert checker.profile.value("review_interval_days") == 60
    # the built-in rule set is unchanged
    assert {r.code: r for r in Checker(ruleset, "generic").profile.rules}["PD201"].severity.value == "warning"


def test_clinic_profile_extends_builtin(tmp_path):
    _write(tmp_path, "profiles/clinic-x.yaml", """\
        id: clinic-x
        title: Clinic X
        extends: medicaid-tx
        description: Our own.
        params:
          review_interval_days: {value: 30, basis: "clinic policy"}
    """)
    rs = load_ruleset([tmp_path])
    checker = Checker(rs, "clinic-x")
    assert checker.profile.chain == ["generic", "medicaid-tx", "clinic-x"]
    assert any(r.code == "PD040" for r in checker.profile.rules)


def test_profile_extending_unknown_profile_is_refused(tmp_path):
    _write(tmp_path, "profiles/clinic-y.yaml", "id: clinic-y\ntitle: Y\nextends: nowhere\ndescription: d\n")
    with pytest.raises(RuleFileError, match="unknown profile 'nowhere'"):
        load_ruleset([tmp_path])


def test_shipped_rules_cite_sources(ruleset):
    for rule in ruleset.rules:
        assert rule.spec.source.citation.strip(), rule.code
        assert not (rule.spec.source.confidence == "GK" and rule.severity.value == "error"), rule.code


def test_override_cannot_make_an_unverified_rule_an_error(tmp_path):
    _write(tmp_path, "overrides.yaml", "rules:\n  PD031: {severity: error}\n")
    rs = load_ruleset([tmp_path])
    with pytest.raises(RuleFileError, match="GK"):
        Checker(rs, "commercial")
