"""What every check kind shares: the compiled rule, the run context, finding construction."""

from __future__ import annotations

import datetime as dt
import re
import string
from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterator

from pydantic import BaseModel, ConfigDict

from ...document import PlanDocument
from ...findings import Finding, Location, Severity
from ...sections import title as section_title
from ..schema import RuleSpec


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid")


def compile_regex(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern:
    """Compile or raise ValueError with plain words (the loader adds file and line)."""
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"is not a valid regular expression ({exc.msg})") from None


@dataclass
class Context:
    """What a run knows besides the document: the profile's parameters and today's date."""

    profile: str
    params: dict[str, Any]
    as_of: dt.date
    judge: Any = None  # the SMART judge in force (set by the engine)

    def param(self, name: str) -> Any:
        return self.params.get(name)


class _Fmt(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


_FORMATTER = string.Formatter()


def placeholders(text: str | None) -> set[str]:
    if not text:
        return set()
    return {name for _, name, _, _ in _FORMATTER.parse(text) if name}


@dataclass
class Rule:
    """A loaded rule: its spec, its kind and its validated parameters."""

    spec: RuleSpec
    kind: "Kind"
    params: Any
    file: str
    severity: Severity = field(init=False)

    def __post_init__(self) -> None:
        self.severity = self.spec.severity

    @property
    def code(self) -> str:
        return self.spec.code

    def applies(self, chain: list[str]) -> bool:
        return "all" in self.spec.applies_to or any(p in chain for p in self.spec.applies_to)

    def finding(self, location: Location, *, evidence: str | None = None, suggestion: str | None = None,
                **values: Any) -> Finding:
        sid = location.section or self.spec.section
        fmt = _Fmt(section_title=section_title(sid) if sid else "plan", **values)
        message = self.spec.message.format_map(fmt)
        template = suggestion if suggestion is not None else self.spec.suggestion
        return Finding(
            rule=self.spec.code,
            name=self.spec.name,
            category=self.spec.category,
            severity=self.severity,
            message=message,
            location=location if location.section or not sid else location.model_copy(update={"section": sid}),
            evidence=evidence,
            suggestion=template.format_map(fmt) if template else None,
            source=self.spec.source,
        )

    def run(self, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        return self.kind.run(self, doc, ctx)


class Kind:
    """A generic check. Subclasses set `name`, `Params`, `placeholders` and implement `run`."""

    name: ClassVar[str]
    Params: ClassVar[type[Params]] = Params
    placeholders: ClassVar[frozenset[str]] = frozenset()
    # Kinds whose examples are short texts rather than intake plans.
    text_examples: ClassVar[bool] = False

    def validate(self, spec: RuleSpec) -> list[str]:
        """Extra load-time checks on the rule as a whole; returns problems in plain words."""
        return []

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:  # pragma: no cover
        raise NotImplementedError


def section_present(doc: PlanDocument, section_id: str | None) -> bool:
    return section_id is None or doc.sections.get(section_id) is not None and doc.sections[section_id].present


def loc(doc: PlanDocument, section: str | None, field: tuple | None = None) -> Location:
    page = doc.first_page(section) if section else None
    return Location(file=doc.path, section=section, field=field, page=page)


SCOPES = ("all", "client_facing", "medication")


def scope_sections(scope: str | list[str]) -> set[str] | None:
    """The section ids a text rule reads; None means every block (including `other`)."""
    from ...sections import SECTIONS

    if isinstance(scope, list):
        return set(scope)
    if scope == "client_facing":
        return {s.id for s in SECTIONS if s.client_facing}
    return None


def validate_scope(v: str | list[str]) -> str | list[str]:
    from ...sections import SECTION_IDS

    if isinstance(v, str):
        if v not in SCOPES:
            raise ValueError(f"must be one of {', '.join(SCOPES)} or a list of section ids")
        return v
    for s in v:
        if s not in SECTION_IDS:
            raise ValueError(f"'{s}' is not a section id")
    return v
