"""Check a Word template before anyone renders with it; write a starter template.

`lint(template, profile)` reports, each with the part and the paragraph number (Word paragraphs
counted in document order from 1, table-cell paragraphs included), never the template's text:

- `syntax`: Jinja syntax errors;
- `split_tag`: a `{{ }}`/`{% %}` tag whose characters sit in more than one Word run (formatting
  changed in the middle of it);
- `unknown_variable`: a variable or field the intake model (plus the render context) does not
  define, including fields reached through loops (`{% for g in goals %}{{ g.statment }}`);
- `missing_section`: no heading for a section id the profile requires (all nine by default);
- `forbidden`: `{% macro %}`, `{% import %}`, `{% include %}`, `{% extends %}`, `{% call %}`,
  `|attr`, dunder attributes, `.format`;
- `external_relationship`, `macro`, `active_content`, `doctype`, `not_docx`: package problems.
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any, Iterable, Sequence

from jinja2 import nodes
from lxml import etree
from pydantic import BaseModel

from . import docx_package, model, render, resources, sections
from .errors import PlandocError, RenderError
from .findings import Location


@dataclass(frozen=True)
class LintProblem:
    code: str
    message: str
    part: str | None = None
    paragraph: int | None = None

    def where(self) -> str:
        out = self.part or ""
        if self.paragraph:
            out += f" paragraph {self.paragraph}"
        return out

    def __str__(self) -> str:
        w = self.where()
        return f"{w}: {self.message}" if w else self.message


# ----------------------------------------------------------------------------- the schema
_ANY = object()
_SCALAR = object()
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _type_of(annotation: Any) -> Any:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _type_of(args[0]) if len(args) == 1 else _ANY
    if origin is typing.Annotated:
        return _type_of(typing.get_args(annotation)[0])
    if origin in (list, tuple, Sequence):
        return ("list", _type_of(typing.get_args(annotation)[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, type) and issubclass(annotation, (str, int, float, bool, dt.date, Enum)):
        return _SCALAR
    return _ANY


# Keys `render.build_context` adds next to the plan's own fields.
CONTEXT_EXTRAS: dict[str, Any] = {
    "profile": _SCALAR,
    "part2": _SCALAR,
    "include": {sid: _SCALAR for sid in sections.SECTION_IDS},
    "section_titles": {sid: _SCALAR for sid in sections.SECTION_IDS},
}
# Fields `render.build_context` derives inside the plan's own objects.
DERIVED_FIELDS: dict[type, dict[str, Any]] = {model.Objective: {"services": ("list", model.Intervention)}}


def top_level(extra_variables: Iterable[str] = ()) -> dict[str, Any]:
    scope: dict[str, Any] = {n: _type_of(f.annotation) for n, f in model.Plan.model_fields.items()}
    scope.update(CONTEXT_EXTRAS)
    scope.update({n: _ANY for n in extra_variables})
    return scope


class _Resolver:
    """Follows names, attributes and loop variables through the intake model's types."""

    def __init__(self, part: str, problems: list[LintProblem]):
        self.part = part
        self.problems = problems

    def _unknown(self, path: str, node: nodes.Node) -> None:
        self.problems.append(LintProblem("unknown_variable", f"'{path}' is not a field of the intake model",
                                         self.part, render._paragraph(node.lineno)))

    def resolve(self, node: nodes.Node, scope: dict[str, Any]) -> tuple[Any, str]:
        if isinstance(node, nodes.Name):
            if node.name not in scope and node.ctx == "load":
                self._unknown(node.name, node)
                scope[node.name] = _ANY  # report each name once per part
            return scope.get(node.name, _ANY), node.name
        if isinstance(node, nodes.Getattr):
            base, path = self.resolve(node.node, scope)
            self.visit(node.node, scope, resolved=True)
            return self._attr(base, node.attr, f"{path}.{node.attr}", node), f"{path}.{node.attr}"
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
            base, path = self.resolve(node.node, scope)
            return self._attr(base, node.arg.value, f"{path}.{node.arg.value}", node), f"{path}.{node.arg.value}"
        self.visit(node, scope)
        return _ANY, "(expression)"

    def _attr(self, base: Any, name: str, path: str, node: nodes.Node) -> Any:
        if isinstance(base, type) and issubclass(base, BaseModel):
            extra = DERIVED_FIELDS.get(base, {})
            if name in extra:
                return extra[name]
            field = base.model_fields.get(name)
            if field is None:
                self._unknown(path, node)
                return _ANY
            return _type_of(field.annotation)
        if isinstance(base, dict):
            if name not in base:
                self._unknown(path, node)
                return _ANY
            return base[name]
        return _ANY

    def visit(self, node: nodes.Node, scope: dict[str, Any], resolved: bool = False) -> None:
        if isinstance(node, nodes.For):
            it, _ = self.resolve(node.iter, scope)
            item = it[1] if isinstance(it, tuple) and it[0] == "list" else _ANY
            inner = dict(scope, loop=_ANY)
            for t in node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) else [node.target]:
                inner[t.name] = item if isinstance(node.target, nodes.Name) else _ANY
            if node.test is not None:
                self.visit(node.test, inner)
            for child in node.body:
                self.visit(child, inner)
            for child in node.else_:
                self.visit(child, scope)
            return
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            for t in node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) else [node.target]:
                scope[t.name] = _ANY
        if isinstance(node, (nodes.Getattr, nodes.Getitem, nodes.Name)) and not resolved:
            self.resolve(node, scope)
            return
        for child in node.iter_child_nodes():
            self.visit(child, scope)


# ------------------------------------------------------------------------------- checks
def _split_tags(part: render.TemplatePart) -> list[LintProblem]:
    """Tags whose characters are spread over more than one run (Word paragraph numbers)."""
    problems = []
    wrapped = f'<root xmlns:w="{_W}">{part.xml}</root>' if not part.xml.lstrip().startswith("<w:") else None
    try:
        root = etree.fromstring((wrapped or part.xml).encode("utf-8"), render._SAFE_PARSER)
    except etree.XMLSyntaxError:
        return [LintProblem("syntax", "the part's XML is damaged", part.name)]
    for n, p in enumerate(root.iter(f"{{{_W}}}p"), 1):
        owner: list[int] = []
        text = ""
        for ri, r in enumerate(p.iter(f"{{{_W}}}r")):
            if next(r.iterancestors(f"{{{_W}}}p"), None) is not p:
                continue
            for t in r.iter(f"{{{_W}}}t"):
                text += t.text or ""
                owner += [ri] * len(t.text or "")
        for m in re.finditer(r"\{[{%#].*?[}%#]\}", text):
            if owner[m.start()] != owner[m.end() - 1]:
                problems.append(LintProblem("split_tag", "a template tag is split across Word runs (its "
                                            "formatting changes inside the tag); retype the tag in one go",
                                            part.name, n))
    return problems


def _headings(docx_path: Path) -> dict[str, int]:
    """Section id -> paragraph number of its first Heading-styled paragraph."""
    xml = docx_package.read_members(docx_path)["word/document.xml"]
    root = etree.fromstring(xml, render._SAFE_PARSER)
    found: dict[str, int] = {}
    for n, p in enumerate(root.iter(f"{{{_W}}}p"), 1):
        style = p.find(f"{{{_W}}}pPr/{{{_W}}}pStyle")
        if style is None or not re.match(r"(?i)^heading\s*\d$", style.get(f"{{{_W}}}val", "")):
            continue
        text = "".join(t.text or "" for t in p.iter(f"{{{_W}}}t"))
        sid = sections.match_heading(text)
        if sid and sid not in found:
            found[sid] = n
    return found


def lint(template_path: Path, profile: str | None = None, *, required_sections: Sequence[str] | None = None,
         extra_variables: Iterable[str] = (), plan_template: bool = True) -> list[LintProblem]:
    """Every problem of a template. `required_sections` defaults to all nine section ids.

    `extra_variables` names context keys beyond the plan (packet templates add their own), and
    `plan_template=False` skips the section-heading check for documents that are not plans.
    """
    template_path = Path(template_path)
    problems = [LintProblem(p.code, p.message, p.part) for p in docx_package.scan(template_path)]
    if problems:
        return problems
    try:
        parts = render.template_parts(template_path)
        raw = render.raw_parts(template_path)
    except RenderError as exc:
        return [LintProblem("not_docx", exc.message)]
    issues, _used = render.inspect_template(parts)
    problems += [LintProblem(i.code, i.message, i.part, i.paragraph) for i in issues]
    for part in raw:
        problems += _split_tags(part)
    env = render.make_environment()
    scope = top_level(extra_variables)
    scope.update({name: _ANY for name in env.globals})
    for part in parts:
        ast = render._parse_collecting(env, part, [])  # syntax errors were reported above
        if ast is not None:
            _Resolver(part.name, problems).visit(ast, dict(scope))
    if plan_template:
        present = _headings(template_path)
        for sid in required_sections or sections.SECTION_IDS:
            if sid not in present:
                problems.append(LintProblem("missing_section", f"no heading for required section "
                                            f"'{sections.title(sid)}' ({sid})", "word/document.xml"))
    seen, unique = set(), []
    for p in problems:
        if (p.code, p.message, p.part, p.paragraph) not in seen:
            seen.add((p.code, p.message, p.part, p.paragraph))
            unique.append(p)
    return unique


# ------------------------------------------------------------------------------- init
STARTER_NAME = "[[TEMPLATE NAME]]"


def init(name: str, out_path: Path, *, force: bool = False) -> Path:
    """Write a starter template (the generic plan layout, all nine sections) named `name`."""
    name = " ".join(name.split())
    if not name or len(name) > 80 or render.illegal_fields({"name": name}):
        raise PlandocError("the template name must be 1 to 80 printable characters", code="usage")
    out_path = Path(out_path)
    if out_path.suffix.lower() != ".docx":
        raise PlandocError("the starter template must be written to a .docx file",
                           Location(file=out_path.name), code="usage")
    if out_path.exists() and not force:
        raise PlandocError("already exists; choose another name or remove it first",
                           Location(file=out_path.name), code="usage")
    members = docx_package.read_members(resources.templates_dir() / "starter.docx")
    escaped = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").encode("utf-8")
    for part in [m for m in members if re.match(r"word/header\d*\.xml$", m)]:
        members[part] = members[part].replace(STARTER_NAME.encode(), escaped)
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for n, data in members.items():
            zf.writestr(n, data)
    docx_package.atomic_write(out_path, docx_package.normalize_docx(buf.getvalue(), title=name))
    return out_path
