"""RELIABILITY.md section (c): the dependency floors that close known advisories are enforced."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version

import pytest

from ..conftest import REPO

# package -> (floor, why)
FLOORS = {
    "Jinja2": ("3.1.6", "sandbox escapes GHSA-q2x7-8rv6-6q7h, GHSA-gmj6-6f8f-6699, GHSA-cpwx-vrp4-4pq7"),
    "lxml": ("6.1.0", "XXE in iterparse/ETCompatXMLParser, CVE-2026-41066"),
    "pdfplumber": ("0.11.9", "pins a pdfminer.six with the CMap path-traversal fix"),
    "pdfminer.six": ("20251230", "CVE-2025-64512 path traversal; pickle CMaps removed"),
    "python-docx": ("1.2.0", "entity resolution off; current release"),
    "PyYAML": ("5.4", "CVE-2020-14343 (plandoc only ever uses safe loading)"),
}


def _key(v: str) -> tuple:
    return tuple(int(x) for x in re.findall(r"\d+", v))


def _declared() -> dict[str, str]:
    deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    out = {}
    for d in deps:
        m = re.match(r"([A-Za-z0-9_.\-]+)\s*>=\s*([\w.]+)", d)
        if m:
            out[m.group(1).lower()] = m.group(2)
    return out


@pytest.mark.parametrize("package", sorted(FLOORS))
def test_floor_declared_in_pyproject(package):
    floor, why = FLOORS[package]
    declared = _declared().get(package.lower())
    assert declared is not None, f"{package} has no '>=' floor in pyproject.toml ({why})"
    assert _key(declared) >= _key(floor), f"{package} floor {declared} is below {floor} ({why})"


@pytest.mark.parametrize("package", sorted(FLOORS))
def test_installed_version_meets_floor(package):
    floor, why = FLOORS[package]
    assert _key(version(package)) >= _key(floor), f"installed {package} {version(package)} < {floor} ({why})"


def test_yaml_is_only_ever_safe_loaded():
    for path in (REPO / "src" / "plandoc").rglob("*.py"):
        text = path.read_text()
        assert not re.search(r"yaml\.(?:load|full_load|unsafe_load)\(", text), path
        assert "yaml.Loader" not in text and "UnsafeLoader" not in text, path


def test_lxml_huge_trees_and_entity_resolution_are_never_enabled():
    """RELIABILITY.md case 23: depth and size limits of libxml2 stay on; entities are not resolved."""
    for path in (REPO / "src" / "plandoc").rglob("*.py"):
        text = path.read_text()
        assert "huge_tree=True" not in text and "XML_PARSE_HUGE" not in text, path
        assert "resolve_entities=True" not in text, path
