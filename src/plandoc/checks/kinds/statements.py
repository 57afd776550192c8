"""Kind `smart`: every goal and objective statement judged specific, measurable, time-bound."""

from __future__ import annotations

from typing import Iterator

from pydantic import field_validator

from ... import model
from ...document import PlanDocument
from ...findings import Finding
from ..smart import PROPERTIES, SmartLexicon, lexicon_from_params, rewrite_hint
from .base import Context, Kind, Params, Rule, compile_regex

_WORDS = {"specific": "specific", "measurable": "measurable", "time_bound": "time-bound"}


def missing_words(missing: tuple[str, ...]) -> str:
    words = [_WORDS[m] for m in missing]
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]


class SmartParams(Params):
    levels: list[str] = ["goal", "objective"]
    vague_terms: list[str] = []
    macros: dict[str, str] = {}
    not_quantities: list[str] = []
    measurable: list[str]
    time_bound: list[str]

    @field_validator("levels")
    @classmethod
    def _levels(cls, v: list[str]) -> list[str]:
        for level in v:
            if level not in ("goal", "objective"):
                raise ValueError("levels are 'goal' and 'objective'")
        return v

    def lexicon(self) -> SmartLexicon:
        lex = lexicon_from_params(self.model_dump())
        return lex


class Smart(Kind):
    name = "smart"
    Params = SmartParams
    placeholders = frozenset({"section_title", "level_title", "missing_words", "hint", "vague_terms"})
    text_examples = True

    def __init__(self) -> None:
        self._lex: dict[int, SmartLexicon] = {}

    def lexicon(self, params: SmartParams) -> SmartLexicon:
        key = id(params)
        if key not in self._lex:
            try:
                self._lex[key] = params.lexicon()
            except Exception as exc:  # a bad pattern after macro expansion
                raise ValueError(f"a pattern does not compile after macro expansion ({exc})") from None
        return self._lex[key]

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        p: SmartParams = rule.params
        lex = self.lexicon(p)
        for st in doc.statements:
            if st.level not in p.levels:
                continue
            j = lex.judge(st.text)
            if not j.missing:
                continue
            hint = rewrite_hint(j.missing)
            if "time_bound" in j.missing and _has_separate_target_date(doc, st):
                hint += (" The target date kept in its own field does not count: reviewers read the statement, "
                         "so write the date into it.")
            yield rule.finding(
                st.location(doc.path), evidence=st.text,
                level_title=st.level.capitalize(),
                missing_words=missing_words(j.missing),
                hint=hint,
                vague_terms=", ".join(j.vague_terms),
            )


def _has_separate_target_date(doc: PlanDocument, st) -> bool:
    """An intake goal or objective whose target_date field is set (CONTRACT.md section 2 judges the
    statement's own words, so the field is not credited; the hint says so)."""
    if not doc.structured or not st.field or st.field[-1] != "statement":
        return False
    item = model.get_path(doc.plan, tuple(st.field[:-1]))
    return getattr(item, "target_date", None) is not None


def validate_smart_params(p: SmartParams) -> None:
    """Compile every pattern once at load time so a bad one names its rule file."""
    for rx in (*p.measurable, *p.time_bound, *p.not_quantities):
        compile_regex(rx)
    p.lexicon()


__all__ = ["Smart", "SmartParams", "PROPERTIES", "missing_words"]
