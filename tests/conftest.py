"""Shared fixtures: the pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.language import shared

    return shared()


@pytest.fixture(scope="session")
def annotate_text(nlp):
    """text → annotated Doc, through normalisation and boilerplate removal like a real run."""
    from pipeline.annotate import annotate

    def run(text: str, meta: dict | None = None):
        result = annotate(nlp, text, "test", "<test>", meta)
        assert result.error is None, result.error
        return result.doc

    return run
