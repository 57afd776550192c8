"""The SMART judgement (CONTRACT.md section 2) on statements written for these tests.

These are not the labeled corpus: they cover phrasings that corpus does not (first person,
number words, day-month-year dates, noun phrases, imperatives).
"""

import pytest

from plandoc.checks.engine import Checker


@pytest.fixture(scope="module")
def judge(ruleset):
    return Checker(ruleset, "generic").judge


@pytest.mark.parametrize("text,missing", [
    ("I will go to two NA meetings every week until 1 March 2027.", []),
    ("By 2027-03-01, I will attend 2 recovery meetings per week (attendance log).", []),
    ("Within 30 days, client will name 3 people she can call when cravings start.", []),
    ("Client will take buprenorphine 16 mg daily for 90 consecutive days, confirmed by pharmacy refills.", []),
    ("Reduce PHQ-9 score from 18 to below 10 within 12 weeks.", []),
    ("Complete the intake for supported housing by 15 January 2027.", []),
    ("Client will complete an anger management class by 03/01/2027.", []),
    ("Client will work on staying sober.", ["specific", "measurable", "time_bound"]),
    ("Improve coping skills.", ["specific", "measurable", "time_bound"]),
    ("Abstinence from alcohol.", ["measurable", "time_bound"]),
    ("Client will understand her triggers by next month.", ["specific", "measurable", "time_bound"]),
    ("Client will attend NA meetings as needed.", ["measurable", "time_bound"]),
    ("Client will attend 3 NA meetings per week.", ["time_bound"]),
    ("Client will call her sponsor every Sunday.", ["time_bound"]),
    ("Client will stay off opioids for 6 months.", ["measurable"]),
    ("Client will feel better about herself within 60 days.", ["specific", "measurable"]),
])
def test_judgement(judge, text, missing):
    assert list(judge(text).missing) == missing


def test_vague_iff_missing(judge):
    j = judge("Client will be more positive.")
    assert j.vague and j.missing
    assert not judge("Client will attend 3 NA meetings per week for 12 weeks.").vague


@pytest.mark.parametrize("text,missing", [
    # one verifiable event with a deadline
    ("Sam will keep his dental appointment and have a hearing test by 05/30/2027.", []),
    ("Client will have kidney function labs drawn by 12/01/2026.", []),
    ("Sam will go to the walk-in clinic for a chest x-ray by 15 February 2027.", []),
    ("Client will send the completed housing paperwork to the case manager by 01/10/2027.", []),
    ("Client will renew her driving licence by 03/31/2027.", []),
    ("Sam will write a letter to his daughter within 4 weeks.", []),
    # a frequency written with 'x'
    ("Client will attend group 2x/week for 10 weeks.", []),
    ("Client will walk 4x per week for 6 weeks.", []),
    # a recurring group or service without a count is not an event
    ("Client will attend a relapse prevention group on Tuesdays.", ["measurable", "time_bound"]),
    ("Client will see her doctor for her back pain.", ["measurable", "time_bound"]),
    # an event without a deadline is measurable but not time-bound
    ("Client will attend her intake appointment.", ["time_bound"]),
])
def test_one_off_events_and_x_frequencies(judge, text, missing):
    assert list(judge(text).missing) == missing


def test_hint_explains_that_a_separate_target_date_is_not_credited(ruleset):
    from plandoc import api
    from plandoc.model import Plan

    plan = Plan.model_validate({"plan_date": "2026-11-01", "goals": [
        {"statement": "Client will lower her GAD-7 score from 12 to 7 or below.", "target_date": "2027-03-01"},
        {"statement": "Client will attend 3 NA meetings per week."}]})
    hints = {f.evidence: f.suggestion for f in api.check_plan(plan, rules=ruleset) if f.rule == "PD101"}
    assert "own field does not count" in hints["Client will lower her GAD-7 score from 12 to 7 or below."]
    assert "own field" not in hints["Client will attend 3 NA meetings per week."]
