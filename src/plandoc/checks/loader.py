"""Load and validate rule files, profiles and a clinic's overrides.

Layout of a rules folder (the built-in one and any `--rules DIR`):

    <group>/PD123-some-name.yaml   one rule per file; the file name starts with its code
    profiles/<id>.yaml             payer and state profiles (parameters with their basis)
    overrides.yaml                 optional: severities, switched-off rules, parameter values

Other YAML files (data such as the Part 2 notice text) are not rules and are left alone.
A broken file fails at load time with its path and line, never later during a run.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .. import yamlsafe
from ..errors import RuleFileError
from ..findings import Location, format_path
from ..intake import describe
from ..resources import rules_dir
from .kinds import KINDS
from .kinds.base import Rule, placeholders
from .kinds.statements import validate_smart_params
from .schema import OverridesSpec, ProfileSpec, RuleSpec

RULE_FILE = re.compile(r"^(PD\d{3})-[a-z0-9-]+\.ya?ml$")


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    profiles: dict[str, ProfileSpec] = field(default_factory=dict)
    overrides: OverridesSpec = field(default_factory=OverridesSpec)
    digest: str = ""  # SHA-256 over every file loaded, for audit logs

    def rule(self, code: str) -> Rule:
        for r in self.rules:
            if r.code == code or code in r.spec.aliases or r.spec.name == code:
                return r
        raise KeyError(code)

    def chain(self, profile_id: str) -> list[str]:
        """The profile and those it extends, most general first (generic -> ... -> profile)."""
        out: list[str] = []
        pid: str | None = profile_id
        while pid:
            if pid in out:
                raise RuleFileError(f"profile '{profile_id}' extends itself through '{pid}'")
            if pid not in self.profiles:
                raise RuleFileError(f"profile '{out[-1] if out else profile_id}' extends unknown profile '{pid}'")
            out.append(pid)
            pid = self.profiles[pid].extends
        return list(reversed(out))


def _fail(file: str, lines: dict, path: tuple, message: str) -> RuleFileError:
    line = yamlsafe.line_for(lines, path)
    where = format_path(path)
    return RuleFileError(f"{where}: {message}" if where else message, Location(file=file, line=line))


def _read(path: Path, display: str) -> tuple[Any, dict, bytes]:
    raw = path.read_bytes()
    try:
        data, lines = yamlsafe.load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise RuleFileError("is not UTF-8 text", Location(file=display)) from None
    except yamlsafe.YamlProblem as exc:
        raise RuleFileError(exc.message, Location(file=display, line=exc.line)) from None
    if not isinstance(data, dict):
        raise RuleFileError("should hold one mapping (code:, name:, kind: ...)", Location(file=display, line=1))
    return data, lines, raw


def _validation(exc: ValidationError, display: str, lines: dict, prefix: tuple = ()) -> RuleFileError:
    err = exc.errors(include_input=False, include_url=False)[0]
    loc = prefix + tuple(p for p in err["loc"] if isinstance(p, int) or "[" not in str(p))
    return _fail(display, lines, loc, describe(err))


def load_rule(path: Path, display: str | None = None) -> tuple[Rule, bytes]:
    display = display or str(path)
    data, lines, raw = _read(path, display)
    kind_name = data.get("kind")
    if kind_name not in KINDS:
        raise _fail(display, lines, ("kind",), f"unknown kind '{kind_name}' (known: {', '.join(sorted(KINDS))})")
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as exc:
        raise _validation(exc, display, lines) from None
    m = RULE_FILE.match(path.name)
    if m and m.group(1) != spec.code:
        raise _fail(display, lines, ("code",), f"the file name says {m.group(1)} but the rule says {spec.code}")
    kind = KINDS[kind_name]()
    try:
        params = kind.Params.model_validate(spec.params)
        if kind_name == "smart":
            validate_smart_params(params)
    except ValidationError as exc:
        raise _validation(exc, display, lines, ("params",)) from None
    except ValueError as exc:
        raise _fail(display, lines, ("params",), str(exc)) from None
    for problem in kind.validate(spec):
        raise _fail(display, lines, ("params",), problem)
    allowed = kind.placeholders | {"section_title"}
    for key in ("message", "suggestion"):
        unknown = placeholders(getattr(spec, key)) - allowed
        if unknown:
            raise _fail(display, lines, (key,), f"uses {{{sorted(unknown)[0]}}}, which a {kind_name} rule does not "
                                                f"fill (it fills: {', '.join(sorted(allowed))})")
    return Rule(spec=spec, kind=kind, params=params, file=display), raw


def load_profile(path: Path, display: str | None = None) -> tuple[ProfileSpec, bytes]:
    display = display or str(path)
    data, lines, raw = _read(path, display)
    try:
        spec = ProfileSpec.model_validate(data)
    except ValidationError as exc:
        raise _validation(exc, display, lines) from None
    if spec.id != path.stem:
        raise _fail(display, lines, ("id",), f"the file is named '{path.stem}' but the profile id is '{spec.id}'")
    return spec, raw


def _display(path: Path, root: Path, label: str) -> str:
    try:
        return f"{label}/{path.relative_to(root).as_posix()}"
    except ValueError:
        return str(path)


def load_ruleset(extra: list[Path] | None = None, *, builtin: bool = True) -> RuleSet:
    """Load the built-in rules and profiles, then each extra folder (a clinic's own) on top."""
    rs = RuleSet()
    digest = hashlib.sha256()
    folders: list[tuple[Path, str]] = []
    if builtin:
        folders.append((rules_dir(), "rules"))
    for d in extra or []:
        if not d.is_dir():
            raise RuleFileError("is not a folder of rule files", Location(file=str(d)))
        folders.append((d, str(d)))
    codes: dict[str, str] = {}
    for root, label in folders:
        for path in sorted(root.rglob("*.y*ml")):
            rel = path.relative_to(root)
            display = _display(path, root, label)
            if rel.parts[0] == "profiles":
                spec, raw = load_profile(path, display)
                rs.profiles[spec.id] = spec
            elif rel.as_posix() == "overrides.yaml":
                data, lines, raw = _read(path, display)
                try:
                    ov = OverridesSpec.model_validate(data)
                except ValidationError as exc:
                    raise _validation(exc, display, lines) from None
                rs.overrides.rules.update(ov.rules)
                rs.overrides.params.update(ov.params)
            elif RULE_FILE.match(path.name):
                rule, raw = load_rule(path, display)
                if rule.code in codes:
                    raise RuleFileError(f"code {rule.code} is already used by {codes[rule.code]}",
                                        Location(file=display, line=1))
                codes[rule.code] = display
                rs.rules.append(rule)
            else:
                continue
            digest.update(rel.as_posix().encode() + b"\0" + raw)
    # Cross-file checks: profiles extend known profiles; overrides name known rules.
    for pid in rs.profiles:
        rs.chain(pid)
    known = {r.code for r in rs.rules}
    for pid, prof in rs.profiles.items():
        for code in prof.rules:
            if code not in known:
                raise RuleFileError(f"rules: overrides unknown rule {code}", Location(file=f"profiles/{pid}.yaml"))
    for code in rs.overrides.rules:
        if code not in known:
            raise RuleFileError(f"rules: overrides unknown rule {code}", Location(file="overrides.yaml"))
    rs.rules.sort(key=lambda r: r.code)
    rs.digest = digest.hexdigest()
    return rs
