"""Throughput and memory benchmark (issue 6).

    .venv/bin/python benchmarks/bench.py [--articles 2000] [--large 20000] [--seed 7]

1. Generates a corpus of articles shaped like the samples, reproducibly (paragraphs of the
   bundled corpus recombined with a seeded RNG, each with a title and a dateline), as JSONL.
2. Baseline: ``underthesea.word_tokenize`` over every sentence of that corpus, in this process.
3. The pipeline end to end (``vnmetrics extract … --out DIR --format parquet``) with 1 and
   2 workers, each in a child process whose whole process tree is sampled for peak RSS.
4. Memory at N articles vs the large corpus, to show it is flat.
Prints articles/s, chars/s, the ratio to the baseline, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"


def paragraphs() -> list[str]:
    out = []
    for path in sorted(list((CORPORA / "samples").glob("*.txt")) + list((CORPORA / "dev").glob("*.txt"))):
        for block in path.read_text(encoding="utf-8").split("\n"):
            if len(block.split()) >= 12:
                out.append(block.strip())
    return out


def generate(n: int, seed: int, target: Path) -> int:
    """Write ``n`` articles as JSONL; return the number of characters."""
    rng = random.Random(seed)
    pool = paragraphs()
    chars = 0
    with target.open("w", encoding="utf-8") as f:
        for i in range(n):
            day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2020, 2025)
            body = rng.sample(pool, rng.randint(5, 12))
            text = "\n".join([f"Bản tin số {i} về chuyển đổi số", f"{rng.randint(7, 21)}:{rng.randint(10, 59)}, "
                              f"{day:02d}/{month:02d}/{year}", *body])
            chars += len(text)
            f.write(json.dumps({"id": f"bench-{i:06d}", "text": text}, ensure_ascii=False) + "\n")
    return chars


def baseline(corpus: Path) -> float:
    """Seconds ``underthesea.word_tokenize`` takes over every sentence of the corpus."""
    from underthesea import sent_tokenize, word_tokenize

    sentences = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            for paragraph in json.loads(line)["text"].split("\n"):
                sentences.extend(sent_tokenize(paragraph))
    word_tokenize("khởi động")  # model load is not part of the measure
    started = time.perf_counter()
    for sentence in sentences:
        word_tokenize(sentence)
    return time.perf_counter() - started


def pipeline_run(corpus: Path, workers: int) -> tuple[float, float]:
    """(seconds, peak RSS in MB of the whole process tree) of one extract run."""
    out = Path(tempfile.mkdtemp(prefix="vnm-bench-"))
    cli = [sys.executable, "-m", "pipeline.cli", "extract", str(corpus), "--out", str(out),
           "--format", "parquet", "--workers", str(workers), "-q"]
    started = time.perf_counter()
    process = psutil.Popen(cli, cwd=ROOT)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"extract failed with exit code {process.returncode}")
    return seconds, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--large", type=int, default=20000, help="articles for the memory-flatness run (0: skip)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        chars = generate(args.articles, args.seed, corpus)
        base = baseline(corpus)
        print(f"corpus: {args.articles} articles, {chars} characters (seed {args.seed})")
        print(f"baseline underthesea.word_tokenize: {base:.1f}s  "
              f"({args.articles / base:.1f} articles/s, {chars / base:,.0f} chars/s)")
        single = None
        for workers in (1, 2):
            seconds, peak = pipeline_run(corpus, workers)
            single = single or seconds
            print(f"pipeline, {workers} worker(s): {seconds:.1f}s  ({args.articles / seconds:.1f} articles/s, "
                  f"{chars / seconds:,.0f} chars/s)  ratio to baseline {seconds / base:.2f}x  "
                  f"speed-up {single / seconds:.2f}x  peak RSS {peak:.0f} MB")
        if args.large:
            large = Path(tmp) / "large.jsonl"
            generate(args.large, args.seed, large)
            seconds, peak = pipeline_run(large, 2)
            _, small_peak = pipeline_run(corpus, 2)
            print(f"memory: {args.articles} articles peak {small_peak:.0f} MB; "
                  f"{args.large} articles peak {peak:.0f} MB ({args.large / seconds:.1f} articles/s)")


if __name__ == "__main__":
    main()
