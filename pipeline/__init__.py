"""vnmetrics: officials, dates and reported figures from Vietnamese press articles, as tables.

Public API: ``extract``, ``extract_text``, ``run``, ``Tables``, ``load`` (the spaCy pipeline).
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Tables", "__version__", "extract", "extract_text", "load", "run"]


def __getattr__(name: str):
    if name in ("extract", "extract_text", "run"):
        from . import api

        return getattr(api, name)
    if name == "Tables":
        from .tables import Tables

        return Tables
    if name == "load":
        from .language import load

        return load
    raise AttributeError(name)
