"""Only plandoc's own errors escape the readers, on mutated real files (RELIABILITY.md case 33).

A short, seeded run in every test session; long runs by hand with
`python -m tests.hostile.fuzz --minutes 10`. Every input that ever escaped is kept in
tests/hostile/regressions/ and must read cleanly (or fail with a plandoc error) forever.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from plandoc.errors import PlandocError
from plandoc.parse import read_document

from ..conftest import CORPUS, REPO
from .fuzz import check_one, mutate_bytes, mutate_docx, seeds

REGRESSIONS = Path(__file__).resolve().parent / "regressions"


def _seed_files() -> list[Path]:
    found = seeds(CORPUS) if CORPUS.is_dir() else []
    # Without the shared corpus, plandoc's own sample plans and templates still seed the run.
    found += sorted((REPO / "samples").rglob("*.pdf")) + sorted((REPO / "samples").rglob("*.docx"))
    found += sorted((REPO / "templates").glob("*.docx"))
    return found


@pytest.mark.parametrize("seed", range(4))
def test_mutated_inputs_raise_only_plandoc_errors(seed, tmp_path):
    files = _seed_files()
    assert files, "no seed files"
    rng = random.Random(seed)
    escapes = []
    for _ in range(60):
        src = rng.choice(files)
        data = src.read_bytes()
        suffix = src.suffix.lower()
        mutated = mutate_docx(data, rng) if suffix == ".docx" else mutate_bytes(data, rng)
        exc = check_one(mutated, suffix, tmp_path)
        if exc is not None:
            escapes.append(f"{type(exc).__name__} from a mutation of {src.name}")
    assert not escapes, escapes


@pytest.mark.parametrize("path", sorted(REGRESSIONS.glob("*.*")), ids=lambda p: p.name)
def test_regression_inputs(path):
    try:
        read_document(path, path.name)
    except PlandocError:
        pass
