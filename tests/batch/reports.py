"""A report built by hand with hostile values, for the format tests."""

from __future__ import annotations

from plandoc.findings import Finding, Location, Severity, Source
from plandoc.results import DocumentResult, Report
from plandoc.sections import SECTION_IDS

HOSTILE_PATH = 'plans/<script>alert("x")</script>=cmd|.pdf'
FORMULAS = ("=HYPERLINK(\"http://evil.example\",\"click\")", "+SUM(1,2)", "-2+3", "@cmd", "\tTAB", "\rCR")


def _finding(rule, sev, cat, section, evidence, i=0):
    return Finding(rule=rule, name="x", category=cat, severity=Severity(sev), message=f"Message {i} <b>bold</b>",
                   location=Location(file="f", section=section, page=i + 1), evidence=evidence,
                   suggestion="Do <i>this</i> & that",
                   source=Source(citation="TJC <A2>", url="https://example.org/a?b=1&c=2", confidence="R-off"))


def hostile_report(n_plain: int = 3) -> Report:
    r = Report(profile="generic", rules_digest="0" * 64, as_of="2026-11-27")
    sections = [{"id": s, "present": True, "heading": None, "page": 1} for s in SECTION_IDS]
    evil = DocumentResult(path=HOSTILE_PATH, kind="pdf", profile="generic", sections=sections)
    evil.findings = [_finding("PD101", "error", "vague_goal", "goals", ev, i) for i, ev in enumerate(FORMULAS)]
    r.documents.append(evil)
    for i in range(n_plain):
        d = DocumentResult(path=f"plans/plain-{i}.yaml", kind="intake", profile="generic", sections=sections)
        d.findings = [_finding("PD201", "warning", "jargon", "assessment_summary", "hx")] * (i + 1)
        if i == 0:
            d.findings = []
        r.documents.append(d)
    r.documents.append(DocumentResult(path="plans/broken.pdf", kind="pdf", status="unreadable",
                                      error={"code": "unreadable", "message": "could not be read <damaged>"}))
    r.skipped.append({"path": "plans/notes.odt", "reason": "not a plan document plandoc reads (.odt)"})
    return r
