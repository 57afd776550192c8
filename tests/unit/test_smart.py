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
