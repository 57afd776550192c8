"""ICD-10-CM lookups, wrapping the maintained `simple-icd-10-cm` package (CMS code set).

Only this module imports that package, so a newer code set is one dependency bump away.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import simple_icd_10_cm as _cm

CODE_SHAPE = re.compile(r"\b[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?\b")
_SUD = re.compile(r"^F1[0-9]")


def normalize(code: str) -> str:
    return code.strip().upper()


@lru_cache(maxsize=4096)
def is_valid(code: str) -> bool:
    """A code or category that exists in ICD-10-CM (billable or not)."""
    return bool(_cm.is_valid_item(normalize(code)))


@lru_cache(maxsize=4096)
def is_billable(code: str) -> bool:
    """A leaf code, the level payers accept on a claim (F10.20, not F10.2)."""
    c = normalize(code)
    return bool(_cm.is_valid_item(c) and _cm.is_leaf(c))


def description(code: str) -> str | None:
    c = normalize(code)
    return _cm.get_description(c) if _cm.is_valid_item(c) else None


def billable_children(code: str, limit: int = 4) -> list[str]:
    """Billable codes under a category, for the suggestion on a non-billable code."""
    c = normalize(code)
    if not _cm.is_valid_item(c):
        return []
    leaves = [d for d in _cm.get_descendants(c) if _cm.is_leaf(d)]
    return [_cm.add_dot(x) if "." not in x else x for x in leaves[:limit]]


def is_substance_use(code: str) -> bool:
    """F10-F19: mental and behavioural disorders due to psychoactive substance use."""
    return bool(_SUD.match(normalize(code)))


def version() -> str:
    from importlib.metadata import version as _v

    return f"simple-icd-10-cm {_v('simple-icd-10-cm')}"
