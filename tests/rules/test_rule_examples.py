"""Every rule's own pass and fail examples run as tests (sqlfluff/proselint style)."""

from __future__ import annotations

import pytest

from plandoc.checks.examples import run_example
from plandoc.checks.loader import load_ruleset

RULESET = load_ruleset()


def _cases():
    for rule in RULESET.rules:
        for i, ex in enumerate(rule.spec.examples.fail):
            yield pytest.param(rule.code, "fail", i, id=f"{rule.code}-fail-{i}")
        for i, ex in enumerate(rule.spec.examples.passing):
            yield pytest.param(rule.code, "pass", i, id=f"{rule.code}-pass-{i}")


@pytest.mark.parametrize("code,which,index", list(_cases()))
def test_rule_example(code, which, index):
    rule = RULESET.rule(code)
    examples = rule.spec.examples.fail if which == "fail" else rule.spec.examples.passing
    found = run_example(RULESET, rule, examples[index])
    if which == "fail":
        assert found, f"{code} should flag its fail example #{index}"
        assert all(f.rule == code for f in found)
    else:
        assert not found, f"{code} flagged its pass example #{index}: {[f.message for f in found]}"


def test_every_rule_has_examples():
    for rule in RULESET.rules:
        assert rule.spec.examples.fail and rule.spec.examples.passing, rule.code
