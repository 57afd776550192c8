"""Run the rules of a profile over a PlanDocument. Never prints; returns findings."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..document import PlanDocument
from ..errors import RuleFileError, UsageError
from ..findings import Finding, Severity, sort_key
from .kinds.base import Context, Rule
from .kinds.statements import Smart
from .loader import RuleSet
from .schema import ProfileParam
from .smart import Judgement, SmartLexicon


@dataclass
class Profile:
    """A profile resolved along its `extends` chain, with a clinic's overrides applied."""

    id: str
    chain: list[str]
    params: dict[str, ProfileParam]
    rules: list[Rule]
    packet_sections: list[str] | None

    def value(self, name: str) -> Any:
        p = self.params.get(name)
        return p.value if p else None


def resolve(ruleset: RuleSet, profile_id: str) -> Profile:
    if profile_id not in ruleset.profiles:
        known = ", ".join(sorted(ruleset.profiles))
        raise UsageError(f"unknown profile '{profile_id}' (known: {known})")
    chain = ruleset.chain(profile_id)
    params: dict[str, ProfileParam] = {}
    overrides: dict[str, Any] = {}
    packet_sections = None
    for pid in chain:
        prof = ruleset.profiles[pid]
        params.update(prof.params)
        overrides.update(prof.rules)
        if prof.packet_sections is not None:
            packet_sections = prof.packet_sections
    params.update(ruleset.overrides.params)
    overrides.update(ruleset.overrides.rules)
    rules: list[Rule] = []
    for rule in ruleset.rules:
        if not rule.applies(chain):
            continue
        ov = overrides.get(rule.code)
        if ov is not None and ov.enabled is False:
            continue
        if ov is not None and ov.severity is Severity.error and rule.spec.source.confidence == "GK":
            raise RuleFileError(f"an override makes {rule.code} an error, but its source is unverified (GK); "
                                "a GK rule can be a warning at most")
        if ov is not None and ov.severity is not None and ov.severity is not rule.severity:
            rule = copy.copy(rule)
            rule.severity = ov.severity
        rules.append(rule)
    return Profile(profile_id, chain, params, rules, packet_sections)


class Checker:
    """The rules of one profile, ready to check any number of documents."""

    def __init__(self, ruleset: RuleSet, profile_id: str, as_of: dt.date | None = None):
        self.ruleset = ruleset
        self.profile = resolve(ruleset, profile_id)
        self.as_of = as_of or dt.date.today()
        self._lexicon = self._smart_lexicon()

    def _smart_lexicon(self) -> SmartLexicon:
        # The SMART judgement of the report uses the SMART rule in force; if a clinic switched it
        # off, the built-in rule's word lists still define what CONTRACT.md calls vague.
        candidates = [r for r in self.profile.rules if isinstance(r.kind, Smart)]
        candidates += [r for r in self.ruleset.rules if isinstance(r.kind, Smart)]
        if not candidates:
            return SmartLexicon()
        rule = candidates[0]
        return rule.kind.lexicon(rule.params)

    def judge(self, text: str) -> Judgement:
        return self._lexicon.judge(text)

    def check(self, doc: PlanDocument) -> list[Finding]:
        ctx = Context(profile=self.profile.id,
                      params={k: v.value for k, v in self.profile.params.items()},
                      as_of=self.as_of, judge=self.judge)
        findings: list[Finding] = []
        for rule in self.profile.rules:
            findings.extend(rule.run(doc, ctx))
        findings = _one_per_quote(findings, {r.code for r in self.profile.rules if r.kind.name in _TERM_KINDS})
        findings.sort(key=sort_key)
        return findings


_TERM_KINDS = {"lexicon", "readability"}


def _one_per_quote(findings: list[Finding], term_rules: set[str]) -> list[Finding]:
    """Keep one finding when several word-level rules quote the same text at the same place.

    'CBT' is both jargon and an acronym not spelled out; 'QD' is both a Do-Not-Use abbreviation
    and an acronym. The reader needs one line: the most severe, then the lowest rule code.
    """
    best: dict[tuple, Finding] = {}
    out: list[Finding] = []
    for f in findings:
        if f.rule not in term_rules or not f.evidence:
            out.append(f)
            continue
        loc = f.location
        key = (loc.field, loc.page, loc.paragraph, loc.line, f.evidence.lower())
        cur = best.get(key)
        if cur is None or (f.severity.rank, cur.rule) > (cur.severity.rank, f.rule):
            best[key] = f
    return out + list(best.values())
