"""Where the built-in rules, templates and samples live.

In a wheel they ship as package data under `plandoc/_data/`; in a source checkout (and an editable
install) they are the top-level `rules/`, `templates/` and `samples/` folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("plandoc"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"plandoc's built-in '{name}' folder is missing; reinstall plandoc")


def rules_dir() -> Path:
    return data_dir("rules")


def templates_dir() -> Path:
    return data_dir("templates")


def samples_dir() -> Path:
    return data_dir("samples")
