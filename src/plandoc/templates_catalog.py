"""The shipped templates (templates/index.yaml) and which one serves a profile."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import resources, yamlsafe
from .errors import UsageError

PROFILE_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    path: Path
    family: str
    description: str


def _index() -> dict:
    path = resources.templates_dir() / "index.yaml"
    data, _ = yamlsafe.load(path.read_text(encoding="utf-8"))
    return data


def list_templates() -> list[TemplateInfo]:
    root = resources.templates_dir()
    return [TemplateInfo(t["id"], root / t["file"], t["family"], " ".join(t["description"].split()))
            for t in _index()["templates"]]


def packet_template(kind: str) -> Path:
    """Path of a packet part template: cover, checklist or part2_notice."""
    return resources.templates_dir() / _index()["packet"][kind]


def family_of(profile: str) -> str:
    return profile.split("-", 1)[0]


def check_profile_id(profile: str) -> str:
    if not PROFILE_ID.match(profile or ""):
        raise UsageError("a profile id is lower-case letters, digits and '-' (e.g. medicaid-tx)")
    return profile


def template_for(profile: str) -> TemplateInfo:
    """The template whose family is the profile id or its first part; `generic` otherwise."""
    check_profile_id(profile)
    by_family = {t.family: t for t in list_templates()}
    return by_family.get(profile) or by_family.get(family_of(profile)) or by_family["generic"]
