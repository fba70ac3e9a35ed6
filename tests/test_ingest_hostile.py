"""The hostile corpus: committed files equal what the script generates, and reading each one
yields exactly the articles and errors ``EXPECTED.json`` announces."""

from __future__ import annotations

import importlib.util
import json
import os
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from pipeline.ingest import iter_articles

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "corpora" / "hostile"
EXPECTED = json.loads((HOSTILE / "EXPECTED.json").read_text(encoding="utf-8"))
INPUT = HOSTILE / EXPECTED["root"]


def _script():
    spec = importlib.util.spec_from_file_location("make_hostile", ROOT / "scripts" / "make_hostile.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_committed_corpus_is_what_the_script_generates(tmp_path: Path) -> None:
    expected = _script().build(tmp_path)
    assert expected == EXPECTED
    generated, committed = _files(tmp_path / "input"), _files(INPUT)
    assert sorted(generated) == sorted(committed)
    for name, data in generated.items():
        assert committed[name] == data, name
    assert sum(len(d) for d in committed.values()) < 2_000_000


@pytest.mark.parametrize("name", sorted(EXPECTED["files"]))
def test_each_hostile_file(name: str) -> None:
    case = EXPECTED["files"][name]
    articles = list(iter_articles([INPUT / name]))
    assert len(articles) == case["articles"]
    errors = Counter(a.error["type"] for a in articles if a.error)
    assert dict(errors) == case["errors"]
    for article in articles:
        if article.error:
            assert article.text is None
            assert article.error["stage"] == "ingest" and article.error["message"]
            continue
        assert article.text and article.doc_id and article.source.startswith(str(INPUT / name))
        text = unicodedata.normalize("NFC", article.text)
        for wanted in case.get("contains", []):
            assert wanted in text, wanted
        for unwanted in case.get("absent", []):
            assert unwanted not in text, unwanted
        if "encoding" in case:
            assert article.meta["encoding"] == case["encoding"]
        if "published_meta" in case:
            assert article.meta.get("published_meta") == case["published_meta"]
        if not article.meta["encoding"].endswith("+replaced"):
            assert "\ufffd" not in text  # no replacement characters: decoded, or refused


def test_whole_folder_totals() -> None:
    articles = list(iter_articles([INPUT]))
    totals = EXPECTED["totals"]
    assert len(articles) == totals["articles"]
    assert dict(Counter(a.error["type"] for a in articles if a.error)) == totals["by_type"]
    sources = [a.source for a in articles]
    assert not any("notes.md" in s or ".hidden" in s for s in sources)


def test_names_inside_archives_are_never_paths() -> None:
    list(iter_articles([INPUT / "rows" / "evil_gzip_name.jsonl.gz"]))
    assert not Path("/tmp/vnm_pwned.txt").exists()
    (article,) = iter_articles([INPUT / "rows" / "evil_gzip_name.jsonl.gz"])
    assert article.source.startswith(str(INPUT / "rows" / "evil_gzip_name.jsonl.gz"))


@pytest.mark.skipif(not os.environ.get("VNM_LARGE_TESTS"), reason="writes 200 MB; set VNM_LARGE_TESTS=1")
def test_large_single_line_file(tmp_path: Path) -> None:
    _script().build_large(tmp_path)
    (article,) = iter_articles([tmp_path / "huge_single_line.txt"])
    assert article.error and article.error["type"] == "too_large"
