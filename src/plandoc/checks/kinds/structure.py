"""Kinds `required_section` and `required_field`: is the part of the plan there at all."""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import field_validator

from ... import model
from ...document import PlanDocument
from ...findings import Finding
from .base import Context, Kind, Params, Rule, compile_regex, loc, section_present
from .conditions import Condition, holds


class RequiredSection(Kind):
    """The rule's `section` must be present (with or without a heading)."""

    name = "required_section"
    placeholders = frozenset({"section_title"})

    def validate(self, spec) -> list[str]:
        return [] if spec.section else ["a required_section rule needs 'section'"]

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        sid = rule.spec.section
        if not section_present(doc, sid):
            yield rule.finding(loc(doc, sid))


_PATH_PART = re.compile(r"([a-z_]+)(\[\*\])?")


def parse_path(path: str) -> list[tuple[str, bool]]:
    parts = []
    for piece in path.split("."):
        m = _PATH_PART.fullmatch(piece)
        if not m:
            raise ValueError(f"'{path}' is not a field path (e.g. client.date_of_birth, interventions[*].frequency)")
        parts.append((m.group(1), bool(m.group(2))))
    return parts


def expand(plan: model.Plan, parts: list[tuple[str, bool]]) -> Iterator[tuple[tuple, object, object]]:
    """Yield (concrete path, value, parent item) for a path with [*] wildcards."""

    def walk(obj, i: int, path: tuple, parent):
        if i == len(parts):
            yield path, obj, parent
            return
        name, each = parts[i]
        value = getattr(obj, name, None) if obj is not None else None
        if each:
            for j, item in enumerate(value or []):
                yield from walk(item, i + 1, path + (name, j), item)
        else:
            yield from walk(value, i + 1, path + (name,), parent)

    yield from walk(plan, 0, (), None)


def check_path(path: str) -> str:
    cls: type[model.BaseModel] | None = model.Plan
    for name, _each in parse_path(path):
        if cls is None or name not in cls.model_fields:
            raise ValueError(f"'{path}': '{name}' is not a field of the intake model")
        cls = model.nested_model(cls, name)
    return path


def _item_label(path: tuple) -> str:
    """'#2' for the second item of the list a [*] path walked; '' for a plain field."""
    index = next((p for p in reversed(path) if isinstance(p, int)), None)
    return f"#{index + 1}" if index is not None else ""


class FieldSpec(Params):
    path: str
    label: str
    text: str | None = None  # a pattern that shows the field in a parsed document's section text

    @field_validator("path")
    @classmethod
    def _path(cls, v: str) -> str:
        return check_path(v)

    @field_validator("text")
    @classmethod
    def _text(cls, v: str | None) -> str | None:
        if v is not None:
            compile_regex(v)
        return v


class RequiredFieldParams(Params):
    fields: list[FieldSpec]
    when: Condition | None = None


class RequiredField(Kind):
    """Each listed field must hold a value. `[*]` checks every item of a list.

    A field whose section is absent is not reported again (the missing section is). In a parsed
    document, a field can also be shown present by its `text` pattern in the section's text.
    """

    name = "required_field"
    Params = RequiredFieldParams
    placeholders = frozenset({"section_title", "label", "item"})

    def run(self, rule: Rule, doc: PlanDocument, ctx: Context) -> Iterator[Finding]:
        p: RequiredFieldParams = rule.params
        if p.when and not holds(p.when, doc, ctx):
            return
        for spec in p.fields:
            parts = parse_path(spec.path)
            sid = model.section_of((parts[0][0],))
            if sid and not section_present(doc, sid):
                continue
            if not doc.structured and spec.text:
                rx = compile_regex(spec.text)
                if any(rx.search(b.text) for b in doc.blocks_in({sid} if sid else None)):
                    continue
            if not doc.structured and not spec.text and "[*]" not in spec.path:
                continue  # a parsed document cannot show this field; stay silent rather than guess
            for path, value, _parent in expand(doc.plan, parts):
                if not model.has_content(value):
                    item = _item_label(path)
                    yield rule.finding(loc(doc, sid, path), label=spec.label, item=item)
