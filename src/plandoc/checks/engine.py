"""Run the rules of a profile over a PlanDocument. Never prints; returns findings."""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..document import PlanDocument
from ..errors import UsageError
from ..findings import Finding, sort_key
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
        findings.sort(key=sort_key)
        return findings
