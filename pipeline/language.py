"""Assemble the spaCy pipeline from ``models/config.cfg`` (or load a saved one).

Importing this module registers the tokenizer, every component factory and the ``doc._``
attributes, so ``spacy.load`` of a pipeline saved by ``vnmetrics build-model`` works too.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import components, extensions, segment  # noqa: F401  (registration side effects)
from .resources import models_dir

SAVED_PIPELINE = "vnmetrics-vi"


def load(config: str | Path | None = None, overrides: dict | None = None) -> Language:
    """Build the pipeline from a config file (default ``models/config.cfg``) or a saved pipeline dir."""
    path = Path(config) if config else models_dir() / "config.cfg"
    if path.is_dir():
        return spacy.load(path, config=overrides or {})
    cfg = spacy.util.load_config(path, overrides=overrides or {}, interpolate=False)
    return spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)


@lru_cache(maxsize=2)
def shared(config: str | None = None) -> Language:
    """One pipeline per process and config: loading lexicons per article is avoidable work."""
    return load(config)


def save(nlp: Language, path: str | Path | None = None) -> Path:
    """Serialise the pipeline (config, tokenizer settings, component data) to ``models/vnmetrics-vi``."""
    target = Path(path) if path else models_dir() / SAVED_PIPELINE
    nlp.to_disk(target)
    return target
