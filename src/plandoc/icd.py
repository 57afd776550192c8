"""ICD-10-CM lookups, from the maintained `simple-icd-10-cm` package (CMS code set).

Only this module reads that package, so a newer code set is one dependency bump away. Importing
the package parses the whole code set (about 1.4 s and 200 MB on the reference machine), so it is
read only when a diagnosis code is first looked up, and what the checks need (each code, whether
it is billable, its description) is kept in a small cache file named after the package version
(`$PLANDOC_CACHE_DIR`, else `$XDG_CACHE_HOME/plandoc`, else `~/.cache/plandoc`). Later runs load
that file in about 50 ms. The cache holds the public code set only, never plan data; when it
cannot be written, lookups read the package directly.
"""

from __future__ import annotations

import marshal
import os
import re
import tempfile
import warnings
from functools import lru_cache
from pathlib import Path

CODE_SHAPE = re.compile(r"\b[A-TV-Z][0-9][0-9AB](?:\.[0-9A-TV-Z]{1,4})?\b")
_SUD = re.compile(r"^F1[0-9]")
_CACHE_FORMAT = 1


def normalize(code: str) -> str:
    return code.strip().upper()


def _package():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import simple_icd_10_cm

    return simple_icd_10_cm


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version as _v

    try:
        return _v("simple-icd-10-cm")
    except PackageNotFoundError:
        return "unknown"


def _cache_path() -> Path:
    base = os.environ.get("PLANDOC_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "plandoc")
    return Path(base) / f"icd10cm-{_package_version()}-v{_CACHE_FORMAT}.marshal"


def _build() -> dict[str, tuple[bool, str]]:
    cm = _package()
    return {c: (bool(cm.is_leaf(c)), cm.get_description(c)) for c in cm.get_all_codes(True)}


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, tuple[bool, str]], dict[str, str]]:
    """(code -> (billable, description), code without dot -> code)."""
    path = _cache_path()
    data = None
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        data = None
    if not isinstance(data, dict) or not data:
        data = _build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".icd-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(data))
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only home: look codes up from the package each run
    nodot = {c.replace(".", ""): c for c in data if "-" not in c}
    return data, nodot


def _entry(code: str) -> tuple[str, tuple[bool, str]] | None:
    c = normalize(code)
    data, nodot = _table()
    if c in data:
        return c, data[c]
    key = nodot.get(c.replace(".", ""))
    return (key, data[key]) if key else None


@lru_cache(maxsize=4096)
def is_valid(code: str) -> bool:
    """A code or category that exists in ICD-10-CM (billable or not)."""
    return _entry(code) is not None


@lru_cache(maxsize=4096)
def is_billable(code: str) -> bool:
    """A leaf code, the level payers accept on a claim (F10.20, not F10.2)."""
    e = _entry(code)
    return bool(e and e[1][0])


def description(code: str) -> str | None:
    e = _entry(code)
    return e[1][1] if e else None


def billable_children(code: str, limit: int = 4) -> list[str]:
    """Billable codes under a category, for the suggestion on a non-billable code."""
    e = _entry(code)
    if e is None:
        return []
    key = e[0]
    if "-" in key:  # a block (F10-F19): ask the package
        cm = _package()
        leaves = [d for d in cm.get_descendants(key) if cm.is_leaf(d)]
        return [cm.add_dot(x) if "." not in x else x for x in leaves[:limit]]
    data, _ = _table()
    prefix = key if "." in key else key + "."
    out = [c for c, (leaf, _) in data.items() if leaf and c != key and c.startswith(prefix)]
    return out[:limit]


def is_substance_use(code: str) -> bool:
    """F10-F19: mental and behavioural disorders due to psychoactive substance use."""
    return bool(_SUD.match(normalize(code)))


def version() -> str:
    return f"simple-icd-10-cm {_package_version()}"
