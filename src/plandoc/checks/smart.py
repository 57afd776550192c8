"""The SMART judgement of one goal or objective statement (CONTRACT.md section 2).

A statement is judged on three machine-checkable properties:

- measurable: a quantity, count, frequency, percentage, a score on a named scale, or a countable,
  verifiable event (a negative urine drug test, completing a named class, submitting a form);
- time_bound: a deadline or a duration ("by 03/01/2027", "within 30 days", "for 90 consecutive
  days", "weekly for 12 weeks"); a frequency alone ("weekly", "each session") is not a time frame;
- specific: names a concrete, observable behaviour or result rather than only a vague verb or
  feeling. A vague word is forgiven when the statement is measurable anyway ("reduce drinking to no
  more than 1 day per week"), as DOMAIN.md section 10.1 proposes.

The word lists and patterns are data: they come from the SMART rule file under `rules/`, so a
clinic can extend them without touching Python. This module only combines them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

PROPERTIES = ("specific", "measurable", "time_bound")


@dataclass(frozen=True)
class Judgement:
    missing: tuple[str, ...]
    vague_terms: tuple[str, ...] = ()

    @property
    def vague(self) -> bool:
        return bool(self.missing)


def _alternation(words: Iterable[str]) -> str:
    parts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


def _expand(pattern: str, macros: dict[str, str]) -> str:
    """Replace {NAME} macros (NUM, UNIT, MONTH ...) in a pattern."""
    for _ in range(3):
        pattern = re.sub(r"\{([A-Z_]+)\}", lambda m: f"(?:{macros[m.group(1)]})" if m.group(1) in macros else m.group(0), pattern)
    return pattern


@dataclass
class SmartLexicon:
    """Compiled word lists and patterns for the judgement."""

    vague_terms: list[str] = field(default_factory=list)
    macros: dict[str, str] = field(default_factory=dict)
    measurable_patterns: list[str] = field(default_factory=list)
    time_patterns: list[str] = field(default_factory=list)
    not_measurable_alone: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        flags = re.IGNORECASE
        self._vague = re.compile(r"(?<![\w-])(?:" + _alternation(self.vague_terms) + r")(?![\w-])", flags) if self.vague_terms else None
        self._measurable = [re.compile(_expand(p, self.macros), flags) for p in self.measurable_patterns]
        self._time = [re.compile(_expand(p, self.macros), flags) for p in self.time_patterns]
        self._ignore = [re.compile(_expand(p, self.macros), flags) for p in self.not_measurable_alone]
        self._judged: dict[str, Judgement] = {}  # judge() is pure: the report and PD101 ask about the same texts

    def _scrub(self, text: str) -> str:
        """Blank out tokens that hold digits but are not quantities (PHQ-9, F10.20, 12:30)."""
        for rx in self._ignore:
            text = rx.sub(lambda m: " " * len(m.group(0)), text)
        return text

    def is_measurable(self, text: str) -> bool:
        scrubbed = self._scrub(text)
        return any(rx.search(scrubbed) for rx in self._measurable)

    def is_time_bound(self, text: str) -> bool:
        return any(rx.search(text) for rx in self._time)

    def vague_matches(self, text: str) -> list[str]:
        if not self._vague:
            return []
        return [m.group(0) for m in self._vague.finditer(text)]

    def judge(self, text: str) -> Judgement:
        got = self._judged.get(text)
        if got is None:
            if len(self._judged) > 4096:
                self._judged.clear()
            got = self._judged[text] = self._judge(text)
        return got

    def _judge(self, text: str) -> Judgement:
        text = " ".join(text.split())
        measurable = self.is_measurable(text)
        time_bound = self.is_time_bound(text)
        vague = self.vague_matches(text)
        specific = measurable or not vague
        missing = tuple(p for p, ok in zip(PROPERTIES, (specific, measurable, time_bound)) if not ok)
        return Judgement(missing=missing, vague_terms=tuple(vague))


def lexicon_from_params(params: dict) -> SmartLexicon:
    return SmartLexicon(
        vague_terms=list(params.get("vague_terms", [])),
        macros=dict(params.get("macros", {})),
        measurable_patterns=list(params.get("measurable", [])),
        time_patterns=list(params.get("time_bound", [])),
        not_measurable_alone=list(params.get("not_quantities", [])),
    )


def rewrite_hint(missing: Iterable[str]) -> str:
    """A concrete rewrite pattern naming what to add."""
    missing = set(missing)
    parts = []
    if "specific" in missing:
        parts.append("name one observable action (attend, call, take, submit, complete)")
    if "measurable" in missing:
        parts.append("add a count, frequency or score (e.g. '3 meetings per week', 'PHQ-9 below 10', "
                     "'negative urine drug tests')")
    if "time_bound" in missing:
        parts.append("add a deadline or duration (e.g. 'by 2027-03-01', 'for 12 weeks', 'within 30 days')")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + ". Pattern: '[Client] will [action] [how much/how often] [by when / for how long], as shown by [measure].'"
