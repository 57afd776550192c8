"""Shared fixtures for the parser tests: corpus paths (skipped when absent) and the SMART judge."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
CORPUS = (REPO / ".." / "shared" / "corpus").resolve()
LABELED = CORPUS / "labeled"
ROBUSTNESS = CORPUS / "robustness"
EVALUATOR = (REPO / ".." / "shared" / "tools" / "evaluate.py").resolve()


@pytest.fixture(scope="session")
def labeled_dir() -> Path:
    if not (LABELED / "labels.json").is_file():
        pytest.skip(f"labeled corpus not found at {LABELED} (the 'shared' folder next to the repository)")
    return LABELED


@pytest.fixture(scope="session")
def robustness_dir() -> Path:
    if not ROBUSTNESS.is_dir():
        pytest.skip(f"robustness corpus not found at {ROBUSTNESS}")
    return ROBUSTNESS


@pytest.fixture(scope="session")
def evaluator_path() -> Path:
    if not EVALUATOR.is_file():
        pytest.skip(f"evaluator not found at {EVALUATOR}")
    return EVALUATOR


@pytest.fixture(scope="session")
def lexicon():
    from plandoc.checks.smart import lexicon_from_params

    rule = REPO / "rules" / "goals" / "PD101-smart-statement.yaml"
    return lexicon_from_params(yaml.safe_load(rule.read_text())["params"])
