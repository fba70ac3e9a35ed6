"""The evaluation gate: scores on ``corpora/gold`` may never fall below their pinned floors.

``tests/test_gold_gate.py`` extracts every article that has gold, scores it per corpus
folder (``samples``: the seeds; ``dev``: the development set the rules were tuned on;
``heldout``: articles written after the rules, never used to tune them), and compares the
figures with ``corpora/floors.json``. ``vnmetrics gate --raise`` (used after an improvement)
lifts each floor to the new score; floors are never lowered by the tool. A new corpus folder
is a new subset with floors of its own, so adding articles never moves an existing floor.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .evaluate import score

GATED = ("officials", "titles", "dates", "percentages", "metrics")
GATED_FIGURES = ("indicator_syllable_f1", "comparator_accuracy", "kind_accuracy",
                 "province_accuracy", "published_accuracy")


def figures(report: dict[str, Any]) -> dict[str, float]:
    """The gated numbers of a report, flat: ``officials_f1`` … ``published_accuracy``."""
    out = {f"{k}_f1": report[k]["f1"] for k in GATED}
    out.update({k: report[k] for k in GATED_FIGURES})
    return out


def gold_articles(corpora: Path) -> dict[str, Path]:
    """Every article under ``corpora/`` that has a gold file, by doc_id."""
    gold = corpora / "gold"
    stems = {p.stem for p in gold.glob("*.json")}
    found = {}
    for path in sorted(corpora.rglob("*")):
        if path.is_file() and path.parent != gold and path.stem in stems and path.suffix in (".txt", ".html", ".htm"):
            found[path.stem] = path
    return found


def subsets(articles: dict[str, Path], corpora: Path) -> dict[str, set[str]]:
    """doc_ids grouped by their top folder under ``corpora/`` (samples, dev, heldout, …)."""
    out: dict[str, set[str]] = {}
    for doc_id, path in articles.items():
        out.setdefault(path.relative_to(corpora).parts[0], set()).add(doc_id)
    return out


def check(current: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Each figure below its floor, as a readable line (empty when the gate holds)."""
    failures = []
    for subset, pinned in floors.items():
        for key, floor in pinned.items():
            value = current.get(subset, {}).get(key)
            if value is None or value + 1e-9 < floor:
                failures.append(f"{subset}.{key}: {value} < floor {floor}")
    return failures


def raised(current: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """Floors lifted to the current scores where these are higher; never lowered."""
    out = {subset: dict(values) for subset, values in floors.items()}
    for subset, values in current.items():
        for key, value in values.items():
            out.setdefault(subset, {})[key] = max(out.get(subset, {}).get(key, 0.0), value)
    return out


def load_floors(path: Path) -> dict[str, dict[str, float]]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def evaluate_subsets(gold_dir: Path, predictions: dict[str, dict], subsets: dict[str, set[str]]) -> dict:
    """Score each named subset of the gold (by doc_id) against the predictions."""
    import shutil
    import tempfile

    out = {}
    for name, ids in subsets.items():
        with tempfile.TemporaryDirectory() as tmp:
            for doc_id in ids:
                shutil.copy(gold_dir / f"{doc_id}.json", Path(tmp) / f"{doc_id}.json")
            out[name] = figures(score(tmp, predictions))
    return out
