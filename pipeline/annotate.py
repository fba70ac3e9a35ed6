"""One article through normalise → segment → extract, with the failing stage named.

The unit of work every engine runs: it never raises for a bad article. Whatever goes wrong
is returned as an error naming the stage, so the article still ends as one row.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from .boilerplate import Layout, clean
from .normalize import MappedText, normalize_text


@dataclass(frozen=True)
class Limits:
    """Bounds on what one article may cost; hitting one is reported, never silent."""

    max_chars: int = 1_000_000  # cleaned text longer than this is cut, and the cut recorded


@dataclass
class Annotated:
    doc: Doc | None
    mapped: MappedText | None
    layout: Layout | None
    error: dict | None = None
    warnings: list[str] | None = None


def _error(stage: str, exc: BaseException) -> dict:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" ({frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})" if frame else ""
    return {"stage": stage, "type": type(exc).__name__, "message": f"{exc}{where}"[:500]}


def prepare(text: str, limits: Limits) -> tuple[MappedText, Layout, list[str]]:
    """Normalise and cut boilerplate; enforce the size limit."""
    warnings: list[str] = []
    mapped, layout = clean(normalize_text(text))
    if len(mapped.text) > limits.max_chars:
        warnings.append(f"text cut at {limits.max_chars} characters (was {len(mapped.text)})")
        mapped = mapped.truncate(limits.max_chars)
    return mapped, layout, warnings


def annotate(nlp: Language, text: str, doc_id: str, source: str, meta: dict | None = None,
             limits: Limits | None = None) -> Annotated:
    """Run one article through the whole pipeline; errors name their stage."""
    limits = limits or Limits()
    try:
        mapped, layout, warnings = prepare(text, limits)
    except Exception as exc:
        return Annotated(None, None, None, _error("normalize", exc))
    if not mapped.text.strip():
        return Annotated(None, mapped, layout,
                         {"stage": "normalize", "type": "empty", "message": "no article text left after cleaning"})
    try:
        doc = nlp.make_doc(mapped.text)
    except Exception as exc:
        return Annotated(None, mapped, layout, _error("segment", exc))
    warnings.extend(doc._.limits_hit or [])
    doc._.doc_id = doc_id
    doc._.source = source
    doc._.meta = {**(meta or {}), **layout.to_meta()}
    for name, component in nlp.pipeline:
        try:
            doc = component(doc)
        except Exception as exc:
            return Annotated(doc, mapped, layout, _error(name, exc), warnings)
    return Annotated(doc, mapped, layout, None, warnings)
