"""Assemble the spaCy pipeline from ``models/config.cfg`` (or load a saved one).

Importing this module registers the tokenizer, every component factory and the ``doc._``
attributes, so ``spacy.load`` of a pipeline saved by ``vnmetrics build-model`` works too.
"""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from . import components, extensions, segment  # noqa: F401  (registration side effects)
from .resources import models_dir, models_from

SAVED_PIPELINE = "vnmetrics-vi"
RESOURCES = "resources"  # inside a saved pipeline: the lexicons and catalogues it was built with


def load(config: str | Path | None = None, overrides: dict | None = None) -> Language:
    """Build the pipeline from a config file (default ``models/config.cfg``) or a saved pipeline dir.

    A saved pipeline carries its own lexicons and catalogues (``resources/``), so it runs the
    same wherever it is copied.
    """
    path = Path(config) if config else models_dir() / "config.cfg"
    if path.is_dir():
        resources = path / RESOURCES
        if resources.is_dir():
            with models_from(resources):
                return spacy.load(path, config=overrides or {})
        return spacy.load(path, config=overrides or {})
    cfg = spacy.util.load_config(path, overrides=overrides or {}, interpolate=False)
    return spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)


@lru_cache(maxsize=2)
def shared(config: str | None = None) -> Language:
    """One pipeline per process and config: loading lexicons per article is avoidable work."""
    return load(config)


def save(nlp: Language, path: str | Path | None = None) -> Path:
    """Serialise the pipeline to ``models/vnmetrics-vi``: spaCy's config and meta, plus a copy of
    every resource file of ``models/`` in ``resources/``."""
    target = Path(path) if path else models_dir() / SAVED_PIPELINE
    nlp.to_disk(target)
    resources = target / RESOURCES
    if resources.exists():
        shutil.rmtree(resources)
    resources.mkdir()
    for source in sorted(models_dir().glob("*.json")):
        shutil.copy2(source, resources / source.name)
    return target
