"""Context checks read a table cell with the rest of its row."""

from __future__ import annotations

from plandoc.checks.engine import Checker
from plandoc.parse.blocks import Line, Table
from plandoc.parse.structure import build


def _findings(ruleset, blocks, code):
    for i, b in enumerate(blocks):
        b.paragraph = i
    doc = build(blocks, "x.docx", "docx", None)
    return [f for f in Checker(ruleset, "generic").check(doc) if f.rule == code]


def test_ms_in_a_medication_table_row_is_flagged(ruleset):
    t = Table([[["Medication"], ["Dose"], ["Route"], ["Frequency"]],
               [["MS (stopped 08/2026)"], ["30 mg"], ["PO"], ["BID"]]])
    found = _findings(ruleset, [Line("Medications", bold=True), t], "PD307")
    assert [f.evidence for f in found] == ["MS"]


def test_ms_in_a_row_without_medication_is_left_alone(ruleset):
    t = Table([[["Condition"], ["Since"], ["Notes"]],
               [["MS (multiple sclerosis)"], ["2015"], ["walks with a cane"]]])
    assert _findings(ruleset, [Line("Medical History", bold=True), t], "PD307") == []
