import json
import subprocess
import sys

import pytest

from pipeline.cli import build_parser, main

from .conftest import CORPORA

SAMPLES = CORPORA / "samples"
ONE = SAMPLES / "000_a494cef4986b136e.txt"


def test_extract_into_the_default_store_and_skip_on_rerun(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(SAMPLES), "--workers", "1"]) == 0
    first = capsys.readouterr().out
    assert "articles: 5 (ok 5, errors 0" in first
    assert (tmp_path / "vnmetrics.duckdb").exists()
    assert main(["extract", str(SAMPLES), "--workers", "1"]) == 0
    assert "skipped as already stored 5" in capsys.readouterr().out


def test_jsonl_output_scores_with_evaluate(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(SAMPLES), "--out", str(out), "--format", "jsonl", "-q", "--workers", "1"]) == 0
    records = [json.loads(x) for x in (out / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert main(["evaluate", str(CORPORA / "gold"), str(out / "articles.jsonl")]) == 0
    assert "officials    P=" in capsys.readouterr().out


def test_missing_path_is_a_one_line_error(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no such file or folder" in err[0]


def test_unknown_format_is_a_one_line_error(tmp_path, capsys):
    assert main(["extract", str(ONE), "--out", str(tmp_path), "--format", "docx"]) == 2
    assert "unknown format" in capsys.readouterr().err


def test_fail_on_error(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "ok.txt").write_text(ONE.read_text(encoding="utf-8"), encoding="utf-8")
    args = ["extract", str(tmp_path), "--out", str(tmp_path / "o"), "--format", "csv", "--workers", "1"]
    assert main(args) == 0
    assert "errors 1" in capsys.readouterr().out
    assert main([*args, "--fail-on-error", "--reprocess"]) == 1


def test_show_prints_the_extraction(capsys):
    assert main(["show", str(ONE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 000_a494cef4986b136e")
    assert "province: Bắc Kạn" in out and "metrics:" in out


@pytest.mark.parametrize("command", ["extract", "evaluate", "show", "indicators", "gate", "build-model"])
def test_every_command_has_help(command):
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args([command, "--help"])
    assert exit_info.value.code == 0


def test_console_script_runs():
    result = subprocess.run([sys.executable, "-m", "pipeline.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "vnmetrics" in result.stdout
