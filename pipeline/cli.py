"""``vnmetrics``: the command line over ``pipeline.api``.

    vnmetrics extract PATH... [--db FILE | --out DIR --format parquet|csv|jsonl|xlsx]
    vnmetrics evaluate GOLD_DIR PRED [--per-doc] [--json]
    vnmetrics show FILE
    vnmetrics indicators [--db FILE]
    vnmetrics report STORE_OR_DIR -o report.html
    vnmetrics build-model [DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__


def _fail(message: str, code: int = 2) -> int:
    print(f"vnmetrics: error: {message}", file=sys.stderr)
    return code


def _add_read_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("input")
    group.add_argument("--text-column", default="text", help="JSONL/CSV column holding the article text")
    group.add_argument("--id-column", default="id", help="JSONL/CSV column holding a stable id (else a hash)")
    group.add_argument("--title-column", default="title", help="JSONL/CSV column holding the title")
    group.add_argument("--date-column", default="published", help="JSONL/CSV column holding a publication date")
    group.add_argument("--max-article-bytes", type=int, default=5_000_000,
                       help="articles larger than this are recorded as errors (default 5 MB)")
    group.add_argument("--max-chars", type=int, default=1_000_000,
                       help="cleaned text is cut at this many characters, with a warning")


def _read_options(args: argparse.Namespace):
    from .ingest import ReadOptions

    return ReadOptions(text_column=args.text_column, id_column=args.id_column or None,
                       title_column=args.title_column or None, date_column=args.date_column or None,
                       max_article_bytes=args.max_article_bytes)


def cmd_extract(args: argparse.Namespace) -> int:
    from .annotate import Limits
    from .api import run
    from .engines.local import default_workers
    from .stores import FORMATS, open_sink

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        return _fail(f"no such file or folder: {missing[0]}")
    if args.format not in FORMATS:
        return _fail(f"unknown format {args.format!r}: choose one of {', '.join(FORMATS)}")
    workers = args.workers or default_workers()
    if args.engine == "dask":
        from .engines.dask import run_dask

        if not args.out:
            return _fail("--engine dask writes partitioned Parquet: give --out DIR")
        summary = run_dask(args.paths, args.out, scheduler=args.scheduler, options=_read_options(args),
                           config=args.config, with_tokens=args.tokens)
    else:
        sink = open_sink(db=args.db, out=args.out, fmt=args.format, commit_every=args.commit_every)
        bar = None
        if not args.quiet and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(unit="article", desc="extract", file=sys.stderr)
        summary = run(args.paths, sink, workers=workers, config=args.config, with_tokens=args.tokens,
                      options=_read_options(args), limits=Limits(max_chars=args.max_chars),
                      skip_stored=not args.reprocess,
                      progress=(lambda _rows: bar.update(1)) if bar else None)
        if bar:
            bar.close()
    if not args.quiet:
        print("\n".join(summary.lines()))
    return 1 if (args.fail_on_error and summary.errors) else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import format_report, score

    for path in (args.gold, args.predictions):
        if not Path(path).exists():
            return _fail(f"no such file or folder: {path}")
    report = score(args.gold, args.predictions, per_doc=args.per_doc)
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_report(report))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .api import iter_rows
    from .show import render

    if not Path(args.file).exists():
        return _fail(f"no such file or folder: {args.file}")
    for rows in iter_rows([args.file], config=args.config, options=_read_options(args)):
        print(render(rows))
    return 0


def cmd_indicators(args: argparse.Namespace) -> int:
    from .catalogue import catalogue_counts

    table = catalogue_counts(args.db if Path(args.db).exists() else None)
    print(table.to_string(index=False))
    return 0


def cmd_gate(args: argparse.Namespace) -> int:
    from .api import iter_rows
    from .gate import check, evaluate_subsets, gold_articles, load_floors, raised, subsets
    from .tables import gold_record

    corpora = Path(args.corpora)
    floors_path = corpora / "floors.json"
    articles = gold_articles(corpora)
    records = {}
    for rows in iter_rows(sorted(articles.values()), workers=args.workers or 1):
        record = gold_record(rows)
        records[record["doc_id"]] = record
    current = evaluate_subsets(corpora / "gold", records, subsets(articles, corpora))
    floors = load_floors(floors_path)
    for subset, values in current.items():
        print(f"[{subset}]")
        for key, value in values.items():
            floor = floors.get(subset, {}).get(key)
            below = ", BELOW" if floor is not None and value + 1e-9 < floor else ""
            mark = "" if floor is None else f" (floor {floor:.4f}{below})"
            print(f"  {key:24s} {value:.4f}{mark}")
    if args.raise_floors:
        floors_path.write_text(json.dumps(raised(current, floors), indent=2) + "\n", encoding="utf-8")
        print(f"floors raised where scores rose: {floors_path}")
        return 0
    return 1 if check(current, floors) else 0


def cmd_build_model(args: argparse.Namespace) -> int:
    from .language import load, save

    path = save(load(args.config), args.path)
    print(f"saved the pipeline to {path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import DEFAULT_MAX_ARTICLES, browser_screenshot, write_report

    if not Path(args.source).exists():
        return _fail(f"no such store or folder: {args.source}")
    options = {"max_articles": DEFAULT_MAX_ARTICLES if args.max_articles is None else args.max_articles,
               "doc_ids": args.doc_id}
    if args.title:
        options["title"] = args.title
    stats = write_report(args.source, args.output, **options)
    print(f"wrote {args.output}: {stats.articles} of {stats.articles_total} articles, "
          f"{sum(stats.located.values())} highlights, {stats.metrics} figures, {stats.errors} errors")
    if args.screenshot:
        print(f"wrote {browser_screenshot(args.output, args.screenshot)}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="vnmetrics", description=__doc__.split("\n\n")[0].strip("`: "),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"vnmetrics {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("extract", help="extract officials, dates and metrics from articles into a store or files")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files or folders (.txt .html .jsonl .csv .warc[.gz] and .gz of these)")
    p.add_argument("--db", default="vnmetrics.duckdb", help="DuckDB store to add to (default vnmetrics.duckdb)")
    p.add_argument("--out", help="write files to this folder instead of the store")
    p.add_argument("--format", default="parquet", help="file format with --out: parquet, csv, jsonl, xlsx")
    p.add_argument("--workers", type=int, default=0, help="processes (default: all cores)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument("--scheduler", help="Dask scheduler address (with --engine dask; default a local cluster)")
    p.add_argument("--tokens", action="store_true", help="add the word-segmented text to the articles table")
    p.add_argument("--config", help="pipeline config file or saved pipeline folder (default models/config.cfg)")
    p.add_argument("--reprocess", action="store_true", help="process articles already in the store again")
    p.add_argument("--commit-every", type=int, default=200,
                   help="articles per store transaction (a killed run loses at most this many)")
    p.add_argument("--fail-on-error", action="store_true", help="exit 1 when any article failed")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    _add_read_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="score predictions against gold (same figures as the reference scorer)")
    p.add_argument("gold", metavar="GOLD_DIR", help="folder of gold JSON files")
    p.add_argument("predictions", metavar="PRED", help="JSONL file, folder of JSON files, or .duckdb store")
    p.add_argument("--per-doc", action="store_true", help="also list misses and extras per article")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("show", help="print one article's extraction readably")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--config", help="pipeline config file or saved pipeline folder")
    _add_read_options(p)
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("indicators", help="list the indicator catalogue with row counts in the store")
    p.add_argument("--db", default="vnmetrics.duckdb", help="DuckDB store to count rows in")
    p.set_defaults(func=cmd_indicators)

    p = sub.add_parser("gate", help="score corpora/gold against the pinned floors (and raise them)")
    p.add_argument("--corpora", default="corpora", help="corpora folder holding gold/ and floors.json")
    p.add_argument("--raise", dest="raise_floors", action="store_true", help="lift floors to the current scores")
    p.add_argument("--workers", type=int, default=1)
    p.set_defaults(func=cmd_gate)

    p = sub.add_parser("build-model", help="serialise the spaCy pipeline to models/vnmetrics-vi")
    p.add_argument("path", nargs="?", help="target folder (default models/vnmetrics-vi)")
    p.add_argument("--config", help="config to build from (default models/config.cfg)")
    p.set_defaults(func=cmd_build_model)

    p = sub.add_parser("report", help="write one self-contained HTML page to review a store or output folder")
    p.add_argument("source", metavar="STORE_OR_DIR",
                   help="DuckDB store file, or a folder of parquet/csv tables")
    p.add_argument("-o", "--output", default="report.html", help="HTML file to write (default report.html)")
    p.add_argument("--max-articles", type=int, default=None,
                   help="articles shown, in doc_id order (default 500; 0 = all)")
    p.add_argument("--doc-id", action="append", help="show only this article (repeatable)")
    p.add_argument("--title", help="page title")
    p.add_argument("--screenshot", metavar="PNG", help="also save a screenshot (needs chromium)")
    p.set_defaults(func=cmd_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except (FileNotFoundError, ValueError) as exc:
        return _fail(str(exc))


if __name__ == "__main__":
    sys.exit(main())
