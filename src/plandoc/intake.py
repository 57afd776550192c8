"""Load YAML/JSON intake files into the intake model, with errors a billing clerk can act on.

Every problem of a file is reported at once, each as
`path:line: field.path: what is wrong`. No field value is ever echoed: plans are PHI.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import model, yamlsafe
from .errors import IntakeError, UnreadableError
from .findings import Location, format_path

INTAKE_SUFFIXES = (".yaml", ".yml", ".json")

# Top-level keys that mark a YAML/JSON file as a plandoc intake when a folder is walked.
_PLAN_KEYS = set(model.Plan.model_fields)


def looks_like_intake(data: Any) -> bool:
    """A mapping whose keys are mostly plan fields (a folder may also hold other YAML/JSON)."""
    if not isinstance(data, dict) or not data:
        return False
    keys = set(map(str, data))
    known = len(_PLAN_KEYS & keys)
    return known >= 1 and known * 2 >= len(keys)


def read_data(path: Path, display: str) -> tuple[Any, dict]:
    """Read and parse a YAML/JSON file; UnreadableError when it cannot be parsed at all."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UnreadableError(f"cannot be opened ({exc.strerror or 'read error'})", Location(file=display)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableError("is not a text file in UTF-8; save it as UTF-8 YAML or JSON",
                              Location(file=display)) from None
    if "\x00" in text:
        raise UnreadableError("is not a text file; intake files are YAML or JSON", Location(file=display))
    try:
        return yamlsafe.load(text)
    except yamlsafe.YamlProblem as exc:
        raise UnreadableError(exc.message, Location(file=display, line=exc.line)) from None


_TYPE_WORDS = {
    "missing": "is required",
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "int_from_float": "should be a whole number",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "list_type": "should be a list (one item per line starting with '- ')",
    "dict_type": "should be a group of fields",
    "model_type": "should be a group of fields",
    "model_attributes_type": "should be a group of fields",
    "date_type": "is not a date (use YYYY-MM-DD)",
    "date_parsing": "is not a date (use YYYY-MM-DD)",
    "date_from_datetime_parsing": "is not a date (use YYYY-MM-DD)",
    "date_from_datetime_inexact": "should be a date without a time (use YYYY-MM-DD)",
}


def _known_fields(root: type[BaseModel], loc: tuple) -> list[str]:
    """Field names of the model at `loc` (for 'did you mean')."""
    cls: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int):
            continue
        if cls is None or part not in cls.model_fields:
            return []
        cls = model.nested_model(cls, part)
    return list(cls.model_fields) if cls else []


def describe(err: dict[str, Any]) -> str:
    """Plain words for one pydantic error, never quoting the input."""
    etype = err.get("type", "")
    loc = tuple(err.get("loc", ()))
    if etype == "extra_forbidden":
        known = _known_fields(model.Plan, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"is not a field plandoc knows{hint}"
    if etype in ("value_error", "assertion_error"):
        msg = str(err.get("ctx", {}).get("error", err.get("msg", "")))
        return msg.removeprefix("Value error, ")
    if etype == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        return f"should be one of {expected}"
    if etype in _TYPE_WORDS:
        return _TYPE_WORDS[etype]
    msg = str(err.get("msg", "is not valid"))
    return msg.replace("Input should", "should").replace("Value should", "should")


def _problem_loc(err: dict[str, Any]) -> tuple:
    # Drop pydantic's union/validator tags ('function-after[...]', 'str') from the location.
    return tuple(p for p in err.get("loc", ()) if isinstance(p, int) or "[" not in str(p))


def validate(data: Any, display: str, lines: dict | None = None, profiles: set[str] | None = None) -> model.Plan:
    """Validate parsed data as a Plan, collecting every problem into one IntakeError."""
    lines = lines or {}
    if not isinstance(data, dict):
        raise IntakeError(display, [f"{display}:1: the file should hold the fields of one plan "
                                    "(a YAML mapping such as 'client:', 'goals:'), not a list or a single value"])
    problems: list[tuple[int, str]] = []
    plan: model.Plan | None = None
    try:
        plan = model.Plan.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_input=False, include_url=False):
            loc = _problem_loc(err)
            line = yamlsafe.line_for(lines, loc)
            where = f"{display}:{line}" if line else display
            problems.append((line or 0, f"{where}: {format_path(loc) or '(file)'}: {describe(err)}"))
    if profiles is not None and isinstance(data.get("profile"), str) and data["profile"] not in profiles:
        line = yamlsafe.line_for(lines, ("profile",))
        problems.append((line or 0, f"{display}:{line}: profile: is not a known profile "
                                    f"(known: {', '.join(sorted(profiles))})"))
    if problems:
        problems.sort(key=lambda p: p[0])
        raise IntakeError(display, [p[1] for p in problems])
    assert plan is not None
    return plan


def load(path: Path, display: str | None = None, profiles: set[str] | None = None) -> tuple[model.Plan, dict]:
    """Read and validate an intake file. Returns the plan and its field-path -> line map."""
    display = display or str(path)
    data, lines = read_data(path, display)
    return validate(data, display, lines, profiles), lines
