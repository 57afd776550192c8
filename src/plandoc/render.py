"""Fill a Word template from an intake plan, safely and reproducibly.

This is the only module that imports docxtpl. Every template, including the ones plandoc ships,
is treated as untrusted (RELIABILITY.md section b, cases 1-15):

- Jinja always runs in a `SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)`;
  before rendering, the template's syntax tree is scanned and dunder attributes, `.format`,
  `|attr`, `{% macro %}`, `{% import %}`, `{% include %}`, `{% extends %}` and `{% call %}` are
  refused with `RenderError("template uses a forbidden ...")`.
- The variables a template uses are compared with the context before rendering; an unknown one
  fails with its name.
- Values are checked before rendering: XML-illegal characters fail with the field path
  (`goals[0].statement`), never the value.
- Line-break policy for multi-line values: `\\r\\n` and `\\r` become `\\n`; `\\n` becomes a Word line
  break (`<w:br/>`) inside the same paragraph; `\\t` becomes a Word tab; `\\a` (bell) and `\\f` (form
  feed), which docxtpl would turn into a new paragraph or a page break, become `\\n` as well. So a
  value never creates paragraphs, page breaks or markup of its own.
- Braces in values are written as character references, so a value such as `{{ 7*7 }}` or
  `{_{` stays literal text.
- After rendering, the DOCX is read back and every value the template printed must be found in its
  text; a missing value fails the render (docxtpl re-parses XML with `recover=True`, which can
  silently drop text).
- Errors never carry template or document text: docxtpl's `docx_context` and Jinja's `.source` are
  dropped and quoted tokens are elided.
- Output is byte-for-byte reproducible (see `docx_package.normalize_docx`) and written atomically.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from lxml import etree
from markupsafe import Markup, escape

from . import docx_package, model, sections
from .errors import RenderError
from .findings import Location, format_path

# ------------------------------------------------------------------------------ value policy
_ILLEGAL = re.compile("[\x00-\x06\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NORMALISE = str.maketrans({"\a": "\n", "\f": "\n"})

DATE_FORMAT = "%m/%d/%Y"
"""Dates in rendered documents are written MM/DD/YYYY, the form US payers and clinics read."""


def normalise_text(value: str) -> str:
    """Apply the line-break policy (module docstring) to one value."""
    return value.replace("\r\n", "\n").replace("\r", "\n").translate(_NORMALISE)


def illegal_fields(data: Any, path: tuple = ()) -> list[str]:
    """Field paths of every string in `data` that holds an XML-illegal character."""
    bad: list[str] = []
    for p, s in _walk_strings(data, path):
        if _ILLEGAL.search(s):
            bad.append(format_path(p) or "(value)")
    return bad


def _walk_strings(data: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, Mapping):
        for k, v in data.items():
            yield from _walk_strings(v, path + (str(k),))
    elif isinstance(data, (list, tuple)):
        for i, v in enumerate(data):
            yield from _walk_strings(v, path + (i,))


def check_values(data: Any, *, file: str | None = None) -> None:
    """Raise RenderError naming each field that holds an XML-illegal character (not the value)."""
    bad = illegal_fields(data)
    if bad:
        shown = ", ".join(bad[:10]) + (f" and {len(bad) - 10} more" if len(bad) > 10 else "")
        raise RenderError(
            f"cannot render: {shown} contain{'s' if len(bad) == 1 else ''} a control character that "
            "Word documents cannot hold (such as NUL, vertical tab, escape, or a broken Unicode "
            "character); retype the text or remove the character",
            Location(file=file, field=_as_path(bad[0])), code="illegal_character")


def _as_path(text: str) -> tuple:
    parts: list[str | int] = []
    for name, idx in re.findall(r"([^.\[\]]+)|\[(\d+)\]", text):
        parts.append(int(idx) if idx else name)
    return tuple(parts)


# ---------------------------------------------------------------------------- the context
def _plain(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, str):
        return normalise_text(value).strip()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


SUD_CODE = re.compile(r"^F1[0-9]")
"""ICD-10-CM F10-F19: mental and behavioural disorders due to psychoactive substance use."""


def is_part2(plan: model.Plan) -> bool:
    """True when the plan carries a substance use disorder diagnosis (F10-F19)."""
    return any(SUD_CODE.match(d.code) for d in plan.assessment.diagnoses)


def build_context(plan: model.Plan, *, profile: str, include: Iterable[str] | None = None,
                  extras: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The template context: the plan's fields (model names) plus a few derived values.

    - every intake field, under its model name (`client.name`, `goals[0].objectives[0].statement`),
      with None as "", dates as MM/DD/YYYY and enums as their values;
    - `profile` (the profile id), `part2` (F10-F19 diagnosis present);
    - `include`: section id -> bool; a section left out (HIPAA minimum necessary) shows its heading
      and a "not included in this disclosure" line;
    - `section_titles`: section id -> title from `plandoc.sections`;
    - anything in `extras` (packet documents add their own keys).
    """
    check_values(plan.model_dump(mode="python"))
    ctx = _plain(plan.model_dump(mode="python"))
    _link_services(ctx)
    allowed = set(sections.SECTION_IDS if include is None else include)
    unknown = allowed - set(sections.SECTION_IDS)
    if unknown:
        raise RenderError(f"unknown section id(s) in the section list: {', '.join(sorted(unknown))}",
                          code="usage")
    ctx.update(
        profile=profile,
        part2=is_part2(plan),
        include={sid: sid in allowed for sid in sections.SECTION_IDS},
        section_titles={s.id: s.title for s in sections.SECTIONS},
    )
    if extras:
        check_values(dict(extras))
        ctx.update(_plain(dict(extras)))
    return ctx


def _link_services(ctx: dict[str, Any]) -> None:
    """Give each objective `services`: the interventions whose `serves` names it or its goal."""
    for gi, goal in enumerate(ctx["goals"]):
        gid = goal["id"] or str(gi + 1)
        for oi, obj in enumerate(goal["objectives"]):
            oid = obj["id"] or f"{gid}.{oi + 1}"
            obj["services"] = [i for i in ctx["interventions"] if oid in i["serves"] or gid in i["serves"]]


# ------------------------------------------------------------------------------- sandbox
FORBIDDEN_ATTRIBUTES = frozenset({
    "format", "format_map", "mro", "func_globals", "f_globals", "f_locals", "f_builtins",
    "gi_frame", "gi_code", "cr_frame", "cr_code", "ag_frame", "ag_code", "co_code", "tb_frame",
})
FORBIDDEN_NODES: dict[type, str] = {
    nodes.Macro: "{% macro %}", nodes.CallBlock: "{% call %}", nodes.Import: "{% import %}",
    nodes.FromImport: "{% from ... import %}", nodes.Include: "{% include %}",
    nodes.Extends: "{% extends %}",
}


# A template is a form, not a program: bounds on the work one render may do (RELIABILITY.md
# case 7). The sandbox caps a single range() at 100,000 items but not nested ones, nor
# 'x' * 10**9; these budgets are per render.
MAX_RANGE_ITEMS = 200_000
MAX_BINOP_SIZE = 1_000_000


class _Sandbox(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._range_left = MAX_RANGE_ITEMS
        self.globals["range"] = self._budget_range

    def _budget_range(self, *args: int) -> range:
        r = range(*args)
        self._range_left -= len(r)
        if self._range_left < 0:
            raise SecurityError("template loops more than a plan needs (range budget exceeded)")
        return r

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("template computes a power too large for a plan")
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_BINOP_SIZE:
                    raise SecurityError("template builds a value too large for a plan")
        return super().call_binop(context, operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr in FORBIDDEN_ATTRIBUTES:
            return False
        return super().is_safe_attribute(obj, attr, value)


class _Recorder:
    """Jinja `finalize`: records every printed value and writes braces as character references."""

    def __init__(self) -> None:
        self.values: list[str] = []

    def __call__(self, value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, Markup) or hasattr(value, "__html__"):
            return value
        text = normalise_text(str(value))
        if text.strip():
            self.values.append(text)
        return Markup(str(escape(text)).replace("{", "&#123;").replace("}", "&#125;")
                      .replace("%", "&#37;"))


def make_environment(finalize: Callable[[Any], Any] | None = None) -> SandboxedEnvironment:
    """The only Jinja environment plandoc renders with."""
    env = _Sandbox(autoescape=True, undefined=StrictUndefined, finalize=finalize,
                   keep_trailing_newline=True)
    env.filters.pop("attr", None)
    for name in ("lipsum", "cycler", "joiner"):
        env.globals.pop(name, None)
    return env


# ------------------------------------------------------------------------- template parts
@dataclass
class TemplatePart:
    name: str  # e.g. word/document.xml, word/header1.xml
    xml: str  # docxtpl-patched XML with one paragraph per line (line n+1 = paragraph n)


def _numbered(xml: str) -> str:
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)


def _load_template(template_path: Path):
    from docxtpl import DocxTemplate

    try:
        data = template_path.read_bytes()
    except OSError as exc:
        raise RenderError(f"template cannot be opened ({exc.strerror or 'read error'})",
                          Location(file=template_path.name), code="template") from None
    problems = docx_package.scan(template_path)
    if problems:
        p = problems[0]
        raise RenderError(f"template {p.message}" + (f" ({p.part})" if p.part else ""),
                          Location(file=template_path.name), code="template")
    tpl = DocxTemplate(io.BytesIO(data))
    try:
        tpl.init_docx()
    except Exception as exc:  # python-docx messages may hold paths; name the type only
        err = RenderError(f"template is not a readable Word document ({type(exc).__name__})",
                          Location(file=template_path.name), code="template")
    else:
        return tpl
    raise err


def _raw_parts(tpl) -> list[TemplatePart]:
    out = [TemplatePart("word/document.xml", _numbered(tpl.get_xml()))]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _rel, part in tpl.get_headers_footers(uri):
            out.append(TemplatePart(str(part.partname).lstrip("/"), _numbered(tpl.get_part_xml(part))))
    for part in tpl.docx.part.package.parts:
        if part.content_type.endswith("wordprocessingml.footnotes+xml"):
            blob = part.blob.decode("utf-8") if isinstance(part.blob, bytes) else part.blob
            out.append(TemplatePart(str(part.partname).lstrip("/"), _numbered(blob)))
    return out


def _parts(tpl) -> list[TemplatePart]:
    # Numbered before patching: docxtpl removes the paragraphs that hold {%p %} tags but keeps the
    # newline in front of them, so line n+1 stays Word paragraph n.
    return [TemplatePart(p.name, tpl.patch_xml(p.xml)) for p in _raw_parts(tpl)]


def template_parts(template_path: Path) -> list[TemplatePart]:
    """The Jinja source of each part of a template, as docxtpl will render it (for lint)."""
    return _parts(_load_template(Path(template_path)))


def raw_parts(template_path: Path) -> list[TemplatePart]:
    """The unpatched XML of each part (for lint: tags split across runs show only here)."""
    return _raw_parts(_load_template(Path(template_path)))


_SAFE_QUOTED = re.compile(
    r"^(?:if|elif|else|endif|for|endfor|set|endset|with|endwith|p|tr|tc|r|block|endblock|macro|"
    r"endmacro|call|endcall|filter|endfilter|import|include|extends|raw|endraw|in|not|and|or|is|"
    r"end of print statement|end of statement block|name|string|integer|float|operator|"
    r"[{}()\[\]%|.,:=+*/-]{1,3}|(?:block_|variable_)(?:begin|end)|[a-z_]+ ?[a-z_]* ?(?:tag|block))$")


def _safe_message(msg: str) -> str:
    """A Jinja message with every quoted token that is not a Jinja keyword elided."""
    msg = msg.splitlines()[0] if msg else ""
    msg = re.sub(r"'([^']*)'", lambda m: m.group(0) if _SAFE_QUOTED.match(m.group(1)) else "'…'", msg)
    return msg[:200]


@dataclass(frozen=True)
class TemplateIssue:
    """A problem found in a template's Jinja source; never holds template text."""

    code: str  # syntax | forbidden | unknown_variable
    part: str
    paragraph: int | None
    message: str

    def where(self) -> str:
        return f"{self.part}" + (f" paragraph {self.paragraph}" if self.paragraph else "")


def _paragraph(lineno: int | None) -> int | None:
    return max(lineno - 1, 1) if lineno else None


def _parse_collecting(env: SandboxedEnvironment, part: TemplatePart, issues: list[TemplateIssue],
                      max_errors: int = 20) -> nodes.Template | None:
    """Parse a part; on a syntax error record it, blank that paragraph and parse again, so that
    several errors (and the constructs after them) are all reported. For an unclosed block, whose
    error Jinja reports at the end of the part, the paragraph holding the opening tag is found."""
    lines = part.xml.split("\n")
    for _ in range(max_errors):
        try:
            return env.parse("\n".join(lines))
        except TemplateSyntaxError as exc:
            index = (exc.lineno or 1) - 1
            if "end of template" in (exc.message or ""):
                for i in reversed(range(len(lines))):
                    if "{%" not in lines[i]:
                        continue
                    trial = lines[:i] + [""] + lines[i + 1:]
                    try:
                        env.parse("\n".join(trial))
                    except TemplateSyntaxError as again:
                        if again.lineno == exc.lineno and again.message == exc.message:
                            continue
                    index = i
                    break
            issues.append(TemplateIssue("syntax", part.name, _paragraph(index + 1),
                                        f"Jinja syntax error: {_safe_message(exc.message or '')}"))
            if index >= len(lines) or not lines[index]:
                return None
            lines[index] = ""
    return None


def inspect_template(parts: Sequence[TemplatePart], env: SandboxedEnvironment | None = None
                     ) -> tuple[list[TemplateIssue], set[str]]:
    """Parse each part: syntax errors, forbidden constructs, and the top-level variables used."""
    env = env or make_environment()
    issues: list[TemplateIssue] = []
    variables: set[str] = set()
    for part in parts:
        ast = _parse_collecting(env, part, issues)
        if ast is None:
            continue
        for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter, *FORBIDDEN_NODES)):
            bad = None
            if isinstance(node, nodes.Getattr):
                if node.attr.startswith("_") or node.attr in FORBIDDEN_ATTRIBUTES:
                    bad = f"a forbidden attribute '{node.attr}'"
            elif isinstance(node, nodes.Getitem):
                arg = node.arg
                if isinstance(arg, nodes.Const) and isinstance(arg.value, str) and (
                        arg.value.startswith("_") or arg.value in FORBIDDEN_ATTRIBUTES):
                    bad = f"a forbidden attribute '{arg.value}'"
            elif isinstance(node, nodes.Filter):
                if node.name == "attr":
                    bad = "a forbidden attribute lookup (the |attr filter)"
            else:
                bad = f"a forbidden construct {FORBIDDEN_NODES[type(node)]}"
            if bad:
                issues.append(TemplateIssue("forbidden", part.name, _paragraph(node.lineno),
                                            f"template uses {bad}"))
        try:
            variables |= meta.find_undeclared_variables(ast)
        except TemplateError as exc:  # e.g. an unknown filter or test
            if not any(i.part == part.name and i.code == "forbidden" for i in issues):
                issues.append(TemplateIssue("syntax", part.name, _paragraph(getattr(exc, "lineno", None)),
                                            f"Jinja error: {_safe_message(exc.message or '')}"))
    return issues, variables - set(env.globals)


# ------------------------------------------------------------------------------- verify
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TEXT_PARTS = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def paragraph_texts(docx_bytes: bytes) -> list[str]:
    """The text of every paragraph in the body, tables, headers, footers and notes.

    Tabs read as `\\t` and line breaks as `\\n`, the same policy the renderer writes.
    """
    import zipfile

    texts: list[str] = []
    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as zf:
        for name in zf.namelist():
            if not _TEXT_PARTS.match(name):
                continue
            root = etree.fromstring(zf.read(name), _SAFE_PARSER)
            buf: dict[Any, list[str]] = {}
            order: list[Any] = []
            for el in root.iter(f"{{{_W}}}t", f"{{{_W}}}tab", f"{{{_W}}}br", f"{{{_W}}}cr"):
                para = next(el.iterancestors(f"{{{_W}}}p"), None)
                if para is None:
                    continue
                if para not in buf:
                    buf[para] = []
                    order.append(para)
                tag = etree.QName(el).localname
                if tag == "t":
                    buf[para].append(el.text or "")
                elif tag == "tab":
                    if etree.QName(el.getparent()).localname == "r":
                        buf[para].append("\t")
                elif el.get(f"{{{_W}}}type") in (None, "textWrapping"):
                    buf[para].append("\n")
            texts.extend("".join(buf[p]) for p in order)
    return texts


def missing_values(docx_bytes: bytes, values: Iterable[str]) -> list[int]:
    """Indexes of the values not found in any paragraph of the document."""
    haystack = "\x00".join(paragraph_texts(docx_bytes))
    return [i for i, v in enumerate(values) if v not in haystack]


# ------------------------------------------------------------------------------- render
@dataclass
class RenderResult:
    path: Path
    sha256: str
    values_checked: int
    template: str
    extra: dict[str, Any] = field(default_factory=dict)


def _fail(message: str, template: Path, code: str = "template") -> RenderError:
    return RenderError(message, Location(file=template.name), code=code)


# Inspection depends only on the template's bytes: done once per template in a batch.
_INSPECTED: dict[str, tuple[list[TemplateIssue], set[str]]] = {}


def render_bytes(template_path: Path, context: Mapping[str, Any], *, title: str = "") -> tuple[bytes, int]:
    """Render a template to normalised DOCX bytes; returns the bytes and how many values were verified."""
    template_path = Path(template_path)
    check_values(dict(context))
    tpl = _load_template(template_path)
    recorder = _Recorder()
    env = make_environment(recorder)
    key = hashlib.sha256(template_path.read_bytes()).hexdigest()
    if key not in _INSPECTED:
        if len(_INSPECTED) > 32:
            _INSPECTED.clear()
        _INSPECTED[key] = inspect_template(_parts(tpl), env)
    issues, used = _INSPECTED[key]
    if issues:
        i = issues[0]
        raise _fail(f"{i.message} ({i.where()})", template_path,
                    "forbidden" if i.code == "forbidden" else "template")
    unknown = sorted(used - set(context))
    if unknown:
        raise _fail(f"template uses unknown variable{'s' if len(unknown) > 1 else ''} "
                    f"{', '.join(unknown)}; the intake provides: {', '.join(sorted(context))}",
                    template_path, "unknown_variable")
    # Neutral core properties before rendering: docxtpl renders them as templates too, and a
    # template's author, title or comments must not reach the output.
    cp = tpl.docx.core_properties
    for prop in ("author", "comments", "identifier", "language", "subject", "title", "keywords",
                 "category", "last_modified_by"):
        setattr(cp, prop, "")
    err: RenderError | None = None
    try:
        tpl.render(dict(context), jinja_env=env)
        buf = io.BytesIO()
        tpl.save(buf)
    except SecurityError as exc:
        ours = str(exc) if str(exc).startswith("template ") else None  # a work budget, worded by us
        err = _fail(ours or "template uses a forbidden attribute (blocked by the sandbox)", template_path,
                    "too_much_work" if ours else "forbidden")
    except UndefinedError as exc:
        names = re.findall(r"'([A-Za-z_][A-Za-z0-9_]{0,40})' (?:is undefined|has no attribute)|"
                           r"has no attribute '([A-Za-z_][A-Za-z0-9_]{0,40})'", str(exc))
        flat = sorted({a or b for a, b in names})
        err = _fail("template uses an unknown variable or field"
                    + (f": {', '.join(flat)}" if flat else ""), template_path, "unknown_variable")
    except TemplateSyntaxError as exc:
        err = _fail(f"Jinja syntax error: {_safe_message(exc.message or '')}"
                    f" (paragraph {_paragraph(exc.lineno)})", template_path)
    except TemplateError as exc:
        err = _fail(f"template error ({type(exc).__name__}): {_safe_message(exc.message or '')}", template_path)
    except RecursionError:
        err = _fail("template nests too deeply", template_path)
    except Exception as exc:  # docxtpl and lxml raise assorted types on broken XML
        err = _fail(f"template could not be rendered ({type(exc).__name__}); run "
                    "'plandoc templates lint' on it", template_path)
    if err is not None:
        raise err
    data = docx_package.normalize_docx(buf.getvalue(), title=title)
    missing = missing_values(data, recorder.values)
    if missing:
        raise _fail(f"{len(missing)} of {len(recorder.values)} rendered values are missing from the "
                    "output document; the template's XML may be damaged (run 'plandoc templates lint')",
                    template_path, "verify")
    return data, len(recorder.values)


def render_template(template_path: Path, context: Mapping[str, Any], out_path: Path, *,
                    title: str = "") -> RenderResult:
    """Render, verify and atomically write one document."""
    data, checked = render_bytes(template_path, context, title=title)
    out_path = Path(out_path)
    try:
        docx_package.atomic_write(out_path, data)
    except OSError as exc:
        raise RenderError(f"cannot write the output ({exc.strerror or type(exc).__name__})",
                          Location(file=out_path.name), code="output") from None
    return RenderResult(out_path, hashlib.sha256(data).hexdigest(), checked, Path(template_path).name)


PLAN_TITLE = "Recovery Maintenance Plan"


def render_plan(plan: model.Plan, template_path: Path, out_path: Path, *, profile: str,
                include: Iterable[str] | None = None, extras: Mapping[str, Any] | None = None) -> Path:
    """Render one plan into `out_path` (a .docx) with the template; returns the path written.

    `include` limits the sections whose content is shown (default: all nine).
    """
    ctx = build_context(plan, profile=profile, include=include, extras=extras)
    return render_template(Path(template_path), ctx, Path(out_path), title=PLAN_TITLE).path
