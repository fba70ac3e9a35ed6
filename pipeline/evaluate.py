"""Score predictions against gold, with the figures of the reference scorer (GUIDE.md).

Gold: a folder of ``<doc_id>.json`` files. Predictions: a JSON Lines file of article
records, a folder of JSON files, or a vnmetrics DuckDB store. Per article, then micro-averaged:
officials (person match on folded names; titles as set F1 with prefix matching after
abbreviation expansion), dates (set F1 on values), metrics (unit + value + denominator equal
and indicator syllable F1 ≥ 0.5; one-to-one, best pairs first), percentages alone, indicator
syllable F1, comparator and kind accuracy, province and published accuracy.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .text import fold as text_fold
from .text import syllable_f1, syllables

_ABBREVIATIONS = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "bcđ": "ban chỉ đạo",
                  "cđs": "chuyển đổi số", "cntt": "công nghệ thông tin", "tttt": "thông tin và truyền thông"}


def fold(value: Any) -> str:
    """``text.fold`` of any JSON value (None and numbers included), as the scorer compares them."""
    return text_fold(str(value or ""))


def words(text: Any, expand: bool = False, drop_rate: bool = False) -> list[str]:
    out = syllables(str(text or ""))
    if expand:
        out = [w for token in out for w in _ABBREVIATIONS.get(token, token).split()]
    if drop_rate and out[:2] == ["tỷ", "lệ"]:
        out = out[2:]
    return out


def same_title(a: str, b: str) -> bool:
    """One title is a syllable prefix of the other (after abbreviation expansion)."""
    x, y = words(a, expand=True), words(b, expand=True)
    if not x or not y:
        return False
    shorter, longer = sorted((x, y), key=len)
    return longer[: len(shorter)] == shorter


def _as_float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def metric_similarity(pred: dict, gold: dict) -> float:
    """0 unless unit, value (and gold's denominator) agree; else indicator syllable F1 if ≥ 0.5."""
    if str(pred.get("unit")) != str(gold.get("unit")):
        return 0.0
    p, g = _as_float(pred.get("value")), _as_float(gold.get("value"))
    if p is None or g is None or abs(p - g) > 1e-6 * max(1.0, abs(g)):
        return 0.0
    if gold.get("denominator") is not None and _as_float(pred.get("denominator")) != _as_float(gold["denominator"]):
        return 0.0
    similarity = syllable_f1(pred.get("indicator", ""), gold.get("indicator", ""))
    return similarity if similarity >= 0.5 else 0.0


def pair_up(preds: Sequence, golds: Sequence, similarity: Callable[[Any, Any], float]) -> list[tuple[int, int, float]]:
    """One-to-one pairs, the most similar first (ties in prediction-then-gold order)."""
    candidates = [(float(s), i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                  if (s := similarity(p, g))]
    candidates.sort(key=lambda c: -c[0])
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    pairs = []
    for s, i, j in candidates:
        if i in taken_p or j in taken_g:
            continue
        taken_p.add(i)
        taken_g.add(j)
        pairs.append((i, j, s))
    return pairs


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, matched: int, predicted: int, gold: int) -> None:
        self.tp += matched
        self.fp += predicted - matched
        self.fn += gold - matched

    def summary(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _name_key(name: Any) -> str:
    return " ".join(words(name))


def load_predictions(path: str | Path) -> dict[str, dict]:
    """Article records by doc_id from a JSONL file, a folder of JSON files or a DuckDB store."""
    path = Path(path)
    if path.is_dir():
        records = [json.loads(f.read_text(encoding="utf-8")) for f in sorted(path.glob("*.json"))]
        return {str(r.get("doc_id") or f.stem): r for r, f in zip(records, sorted(path.glob("*.json")), strict=True)}
    if path.suffix == ".duckdb":
        from .stores.duckdb_store import DuckDBStore
        from .tables import gold_record

        store = DuckDBStore(path)
        try:
            frames = {name: store.read(name) for name in ("articles", "officials", "dates", "metrics", "errors")}
        finally:
            store.close()
        out = {}
        for doc_id in frames["articles"]["doc_id"].unique():
            rows = {name: df[df["doc_id"] == doc_id].to_dict("records") for name, df in frames.items()}
            for o in rows["officials"]:
                o["titles"] = list(o["titles"] if o["titles"] is not None else [])
            for m in rows["metrics"]:
                m.update({k: (None if m[k] != m[k] else m[k]) for k in m if isinstance(m[k], float)})
            out[str(doc_id)] = gold_record(rows)
        return out
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[str(record.get("doc_id"))] = record
    return records


def score(gold_dir: str | Path, predictions: str | Path | dict[str, dict], per_doc: bool = False) -> dict[str, Any]:
    """The reference scorer's report (same keys and figures)."""
    preds = predictions if isinstance(predictions, dict) else load_predictions(predictions)
    tallies = {k: Tally() for k in ("officials", "titles", "dates", "metrics", "percentages")}
    indicator_f1: list[float] = []
    attribute_hits = {"comparator": [0, 0], "kind": [0, 0]}
    province_ok = published_ok = documents = 0
    details = []
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        doc_id = str(gold.get("doc_id") or gold_file.stem)
        pred = preds.get(doc_id, {})
        documents += 1
        province_ok += fold(pred.get("province")) == fold(gold.get("province"))
        published_ok += (pred.get("published") or None) == (gold.get("published") or None)

        gold_people, pred_people = gold.get("officials", []), pred.get("officials", []) or []
        people = pair_up(pred_people, gold_people, lambda p, g: _name_key(p.get("name")) == _name_key(g.get("name")))
        tallies["officials"].add(len(people), len(pred_people), len(gold_people))
        for i, j, _ in people:
            pt, gt = pred_people[i].get("titles", []) or [], gold_people[j].get("titles", []) or []
            tallies["titles"].add(len(pair_up(pt, gt, same_title)), len(pt), len(gt))

        gold_dates = {str(d.get("value")) for d in gold.get("dates", [])}
        pred_dates = {str(d.get("value")) for d in pred.get("dates", []) or [] if d.get("value")}
        tallies["dates"].add(len(gold_dates & pred_dates), len(pred_dates), len(gold_dates))

        gold_metrics, pred_metrics = gold.get("metrics", []), pred.get("metrics", []) or []
        pairs = pair_up(pred_metrics, gold_metrics, metric_similarity)
        tallies["metrics"].add(len(pairs), len(pred_metrics), len(gold_metrics))
        gold_pct = [m for m in gold_metrics if m.get("unit") == "%"]
        pred_pct = [m for m in pred_metrics if m.get("unit") == "%"]
        tallies["percentages"].add(len(pair_up(pred_pct, gold_pct, metric_similarity)), len(pred_pct), len(gold_pct))
        for i, j, _ in pairs:
            indicator_f1.append(syllable_f1(pred_metrics[i].get("indicator", ""), gold_metrics[j].get("indicator", "")))
            predicted = {"comparator": pred_metrics[i].get("comparator") or "=", "kind": pred_metrics[i].get("kind")}
            for attribute, hits in attribute_hits.items():
                hits[0] += predicted[attribute] == gold_metrics[j].get(attribute)
                hits[1] += 1
        if per_doc:
            matched_gold, matched_pred = {j for _, j, _ in pairs}, {i for i, _, _ in pairs}
            gold_names = {_name_key(g.get("name")) for g in gold_people}
            pred_names = {_name_key(p.get("name")) for p in pred_people}
            details.append({
                "doc_id": doc_id,
                "missed_metrics": [m["text"] for j, m in enumerate(gold_metrics) if j not in matched_gold],
                "extra_metrics": [m.get("text") or m.get("indicator") for i, m in enumerate(pred_metrics)
                                  if i not in matched_pred],
                "missed_dates": sorted(gold_dates - pred_dates), "extra_dates": sorted(pred_dates - gold_dates),
                "missed_officials": sorted(gold_names - pred_names),
                "extra_officials": sorted(pred_names - gold_names)})
    report: dict[str, Any] = {k: t.summary() for k, t in tallies.items()}
    report["indicator_syllable_f1"] = round(sum(indicator_f1) / len(indicator_f1), 4) if indicator_f1 else 0.0
    for attribute, (hits, total) in attribute_hits.items():
        report[f"{attribute}_accuracy"] = round(hits / total, 4) if total else 0.0
    report["province_accuracy"] = round(province_ok / documents, 4) if documents else 0.0
    report["published_accuracy"] = round(published_ok / documents, 4) if documents else 0.0
    report["documents"] = documents
    if per_doc:
        report["per_doc"] = details
    return report


def format_report(report: dict[str, Any]) -> str:
    """The reference scorer's text layout."""
    lines = []
    for key in ("officials", "titles", "dates", "percentages", "metrics"):
        r = report[key]
        lines.append(f"{key:12s} P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}  "
                     f"(tp={r['tp']} fp={r['fp']} fn={r['fn']})")
    for key in ("indicator_syllable_f1", "comparator_accuracy", "kind_accuracy",
                "province_accuracy", "published_accuracy", "documents"):
        lines.append(f"{key:22s} {report[key]}")
    lines.extend(json.dumps(row, ensure_ascii=False) for row in report.get("per_doc", []))
    return "\n".join(lines)
