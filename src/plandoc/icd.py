"""ICD-10-CM lookups, from the code set shipped by the maintained `simple-icd-10-cm` package (CMS).

Only this module touches that package. Importing it parses a 10 MB XML file (about 1.6 s), so
the common questions (does the code exist? is it billable?) are answered from the package's own
plain code list, read once (about 30 ms); the package itself is imported only when a description
is asked for. If a future version ships no code list, everything falls back to the package API.
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
import bisect
import importlib.util
from pathlib import Path

CODE_SHAPE = re.compile(r"\b[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?\b")
_SUD = re.compile(r"^F1[0-9]")


def normalize(code: str) -> str:
    return code.strip().upper()


def _undotted(code: str) -> str:
    return normalize(code).replace(".", "")


def _dotted(code: str) -> str:
    return code if len(code) <= 3 or "-" in code else f"{code[:3]}.{code[3:]}"


@lru_cache(maxsize=1)
def _package():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import simple_icd_10_cm

    return simple_icd_10_cm


@lru_cache(maxsize=1)
def _code_list() -> list[str] | None:
    """Every ICD-10-CM code, undotted and sorted, from the package's code list; None if absent."""
    # Locate the package's data folder without importing the package (its import parses the XML).
    spec = importlib.util.find_spec("simple_icd_10_cm")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(list(spec.submodule_search_locations)[0]) / "data"
    try:
        lists = sorted(p for p in data.iterdir() if p.name.startswith("code-list") and p.name.endswith(".txt"))
    except OSError:
        return None
    if not lists:
        return None
    text = lists[-1].read_text(encoding="utf-8")
    # Chapters are numbers and blocks are ranges ("A00-A09"); keep the codes.
    return sorted(c for c in text.split() if len(c) >= 3 and "-" not in c)


def _find(code: str) -> tuple[bool, bool] | None:
    """(exists, is a leaf) by binary search in the sorted list; None when there is no list."""
    table = _code_list()
    if table is None:
        return None
    c = _undotted(code)
    i = bisect.bisect_left(table, c)
    if i == len(table) or table[i] != c:
        return False, False
    return True, not (i + 1 < len(table) and table[i + 1].startswith(c))


@lru_cache(maxsize=4096)
def is_valid(code: str) -> bool:
    """A code or category that exists in ICD-10-CM (billable or not)."""
    found = _find(code)
    if found is None:
        return bool(_package().is_valid_item(normalize(code)))
    return found[0]


@lru_cache(maxsize=4096)
def is_billable(code: str) -> bool:
    """A leaf code, the level payers accept on a claim (F10.20, not F10.2)."""
    found = _find(code)
    if found is None:
        pkg = _package()
        c = normalize(code)
        return bool(pkg.is_valid_item(c) and pkg.is_leaf(c))
    return found[0] and found[1]


def billable_children(code: str, limit: int = 4) -> list[str]:
    """Billable codes under a category, for the suggestion on a non-billable code."""
    table = _code_list()
    c = _undotted(code)
    if table is None:
        pkg = _package()
        if not pkg.is_valid_item(normalize(code)):
            return []
        return [_dotted(pkg.remove_dot(d)) for d in pkg.get_descendants(normalize(code)) if pkg.is_leaf(d)][:limit]
    i = bisect.bisect_right(table, c)
    out: list[str] = []
    while i < len(table) and table[i].startswith(c) and len(out) < limit:
        if is_billable(table[i]):
            out.append(_dotted(table[i]))
        i += 1
    return out


def description(code: str) -> str | None:
    """The official short description (imports the full package the first time)."""
    pkg = _package()
    c = normalize(code)
    return pkg.get_description(c) if pkg.is_valid_item(c) else None


def is_substance_use(code: str) -> bool:
    """F10-F19: mental and behavioural disorders due to psychoactive substance use."""
    return bool(_SUD.match(normalize(code)))


def version() -> str:
    from importlib.metadata import version as _v

    return f"simple-icd-10-cm {_v('simple-icd-10-cm')}"
