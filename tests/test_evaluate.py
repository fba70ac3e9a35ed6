"""``pipeline.evaluate`` must give the reference scorer's figures, to the digit."""

import json
import random
import subprocess
import sys

import pytest

from pipeline.evaluate import format_report, same_title, score, syllable_f1

from .conftest import CORPORA, SHARED

REFERENCE = SHARED / "gold" / "score.py"
GOLD = CORPORA / "gold"


def reference(gold_dir, pred_path, per_doc=False):
    args = [sys.executable, str(REFERENCE), str(gold_dir), str(pred_path), "--json"]
    args += ["--per-doc"] if per_doc else []
    return json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)


def perturbed(seed: int) -> list[dict]:
    """Gold records with items dropped, values changed, names/titles/indicators rewritten."""
    rng = random.Random(seed)
    out = []
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if rng.random() < 0.1:
            continue  # a missing article counts as empty
        record = {"doc_id": gold["doc_id"], "province": gold["province"] if rng.random() < 0.8 else "Hà Nội",
                  "published": gold["published"] if rng.random() < 0.8 else "2020-01-01"}
        record["officials"] = [
            {"name": o["name"].upper() if rng.random() < 0.3 else o["name"] + (" Văn" if rng.random() < 0.1 else ""),
             "titles": [t.replace("Ủy ban nhân dân", "UBND") for t in o["titles"] if rng.random() < 0.8]
             + (["Trưởng đoàn"] if rng.random() < 0.2 else [])}
            for o in gold["officials"] if rng.random() < 0.85]
        record["dates"] = [d for d in gold["dates"] if rng.random() < 0.85] + [{"text": "x", "value": "1999"}]
        metrics = []
        for m in gold["metrics"]:
            if rng.random() < 0.15:
                continue
            m = dict(m)
            if rng.random() < 0.1:
                m["value"] = m["value"] + 1
            if rng.random() < 0.3:
                m["indicator"] = " ".join(m["indicator"].split()[: max(1, len(m["indicator"].split()) // 2)])
            if rng.random() < 0.2:
                m["comparator"] = ">"
            if rng.random() < 0.2:
                m["kind"] = "target" if m["kind"] == "actual" else "actual"
            metrics.append(m)
        record["metrics"] = metrics + [dict(m) for m in metrics[:1]]  # a duplicate is a false positive
        out.append(record)
    return out


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference scorer not beside the checkout")
@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_agrees_with_reference_scorer(tmp_path, seed):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in perturbed(seed)), encoding="utf-8")
    ours = score(GOLD, pred, per_doc=True)
    assert ours == reference(GOLD, pred, per_doc=True)


@pytest.mark.skipif(not REFERENCE.exists(), reason="reference scorer not beside the checkout")
def test_cli_prints_the_reference_text(tmp_path):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in perturbed(7)), encoding="utf-8")
    expected = subprocess.run([sys.executable, str(REFERENCE), str(GOLD), str(pred)],
                              check=True, capture_output=True, text=True).stdout
    from pipeline.cli import main

    assert format_report(score(GOLD, pred)) + "\n" == expected
    assert main(["evaluate", str(GOLD), str(pred)]) == 0


def test_gold_against_itself_is_perfect():
    records = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in GOLD.glob("*.json")}
    report = score(GOLD, records)
    for key in ("officials", "titles", "dates", "metrics", "percentages"):
        assert report[key]["fp"] == 0 and report[key]["fn"] == 0
    assert report["province_accuracy"] == report["published_accuracy"] == 1.0


def test_indicator_similarity_ignores_leading_rate_and_case():
    assert syllable_f1("Tỷ lệ hộ gia đình có cáp quang", "hộ gia đình có cáp quang") == 1.0
    assert syllable_f1("cáp quang", "điện thoại thông minh") == 0.0


def test_titles_match_as_prefixes_after_expansion():
    assert same_title("Chủ tịch UBND tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn")
    assert same_title("Trưởng BCĐ", "Trưởng Ban chỉ đạo về CĐS")
    assert not same_title("Phó Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh")
