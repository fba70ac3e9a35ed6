"""Where the offline resources (``models/``) live, and loading them.

The repository's ``models/`` folder is used when the package runs from a checkout or an
editable install; ``VNMETRICS_MODELS`` points elsewhere (a copy shipped with a deployment).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

_ACTIVE: list[Path] = []  # resource folders of saved pipelines being loaded


@contextmanager
def models_from(folder: str | Path) -> Iterator[Path]:
    """Resolve resources in ``folder`` while a saved pipeline's components are built."""
    _ACTIVE.append(Path(folder))
    try:
        yield Path(folder)
    finally:
        _ACTIVE.pop()


def models_dir() -> Path:
    if _ACTIVE:
        return _ACTIVE[-1]
    env = os.environ.get("VNMETRICS_MODELS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent / "models"


def resource_path(name: str) -> Path:
    """Absolute path of a resource given relative to ``models/`` (absolute paths pass through)."""
    path = Path(name)
    return path if path.is_absolute() else models_dir() / path


def load_json(name: str) -> Any:
    """A JSON resource from ``models/`` (or the saved pipeline being loaded), parsed once per process."""
    return _load_json_file(str(resource_path(name)))


@lru_cache(maxsize=64)
def _load_json_file(path: str) -> Any:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_lines(name: str) -> list[str]:
    """A one-item-per-line resource; blank lines and ``#`` comments skipped."""
    lines = resource_path(name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
