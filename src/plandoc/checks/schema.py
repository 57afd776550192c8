"""The schema of a rule file and of a profile file under `rules/`.

A rule is data: a code, a name, one of a small closed set of kinds, the section it concerns, the
words a person reads (message, why, suggestion), its source and examples, and kind-specific
`params`. The kind's own parameter model (in `kinds/`) validates `params` at load time.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..findings import CATEGORIES, Severity, Source
from ..sections import SECTION_IDS

CONFIDENCES = ("R-off", "R-copy", "GK", "P")
CODE_RE = re.compile(r"^PD\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fail: list[Any] = Field(default_factory=list)
    passing: list[Any] = Field(default_factory=list, alias="pass")


class RuleSource(Source):
    @field_validator("confidence")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in CONFIDENCES:
            raise ValueError(f"must be one of {', '.join(CONFIDENCES)}")
        return v


class RuleSpec(BaseModel):
    """One rule file."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    code: str
    name: str
    kind: str
    category: str
    severity: Severity
    section: str | None = None
    applies_to: list[str] = Field(default_factory=lambda: ["all"])
    message: str
    why: str
    suggestion: str | None = None
    source: RuleSource
    examples: Examples
    params: dict[str, Any] = Field(default_factory=dict)
    aliases: list[str] = Field(default_factory=list)

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not CODE_RE.match(v):
            raise ValueError("must look like PD123")
        return v

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not NAME_RE.match(v):
            raise ValueError("must be kebab-case, e.g. required-section-goals")
        return v

    @field_validator("category")
    @classmethod
    def _category(cls, v: str) -> str:
        if v not in CATEGORIES:
            raise ValueError(f"must be one of {', '.join(CATEGORIES)}")
        return v

    @field_validator("section")
    @classmethod
    def _section(cls, v: str | None) -> str | None:
        if v is not None and v not in SECTION_IDS:
            raise ValueError(f"is not a section id (use one of {', '.join(SECTION_IDS)})")
        return v

    @model_validator(mode="after")
    def _gk_not_error(self) -> "RuleSpec":
        if self.source.confidence == "GK" and self.severity is Severity.error:
            raise ValueError("a rule whose source confidence is GK (unverified) cannot have severity error")
        if not self.examples.fail or not self.examples.passing:
            raise ValueError("every rule needs at least one 'fail' and one 'pass' example")
        return self


class ProfileParam(BaseModel):
    """A profile parameter and its basis (a citation, or 'example_default')."""

    model_config = ConfigDict(extra="forbid")

    value: Any = None
    basis: str
    confidence: str | None = None
    note: str | None = None

    @field_validator("confidence")
    @classmethod
    def _known(cls, v: str | None) -> str | None:
        if v is not None and v not in CONFIDENCES:
            raise ValueError(f"must be one of {', '.join(CONFIDENCES)}")
        return v


class RuleOverride(BaseModel):
    model_config = ConfigDict(extra="forbid")

    severity: Severity | None = None
    enabled: bool | None = None
    basis: str | None = None


class ProfileSpec(BaseModel):
    """One profile file: parameters with their basis, and rule overrides."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    extends: str | None = None
    description: str
    params: dict[str, ProfileParam] = Field(default_factory=dict)
    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    packet_sections: list[str] | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not NAME_RE.match(v):
            raise ValueError("must be kebab-case, e.g. medicaid-ny")
        return v

    @field_validator("packet_sections")
    @classmethod
    def _sections(cls, v: list[str] | None) -> list[str] | None:
        for s in v or []:
            if s not in SECTION_IDS:
                raise ValueError(f"'{s}' is not a section id")
        return v


class OverridesSpec(BaseModel):
    """A clinic's `overrides.yaml`: change severities, switch rules off, set parameters."""

    model_config = ConfigDict(extra="forbid")

    rules: dict[str, RuleOverride] = Field(default_factory=dict)
    params: dict[str, ProfileParam] = Field(default_factory=dict)
