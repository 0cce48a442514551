"""Command line: `python -m pipeline run [PATH ...] --out DIR`.

Exit codes: 0 all documents processed, 1 some failed (the others are written),
2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import PipelineError
from .executor import EXECUTORS, RunOptions, default_jobs, run
from .settings import Settings

OUTPUT_HELP = """\
outputs (in --out):
  documents.jsonl            one line per input: doc_id, symbol, file, sha256, pages,
                             paragraphs, outline, status ("ok"/"failed"), error, warnings,
                             line coverage, pipeline_version, settings_fingerprint,
                             timings (per stage, in seconds; with --timings)
  records/<doc_id>.json      one document's documents.jsonl line, written when it is done
                             (how an interrupted or repeated run knows what to skip)
  paragraphs/<doc_id>.jsonl  one line per numbered paragraph: para, section, subsection,
                             text (cleaned), raw (as in the input), source (file, pages,
                             line_start, line_end), items, corrections, entities, dates,
                             amounts, commitments; spans carry start_char/end_char into text
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description="Turn UN UPR documents into JSONL.")
    commands = parser.add_subparsers(dest="command", required=True)
    run_cmd = commands.add_parser(
        "run",
        help="process documents into JSONL",
        description="Process .txt and .pdf documents into JSONL.",
        epilog=OUTPUT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run_cmd.add_argument("paths", nargs="*", type=Path, default=[Path("raw")], help="files or folders (default: raw/)")
    run_cmd.add_argument("--out", type=Path, default=Path("output"), help="output folder (default: output/)")
    run_cmd.add_argument("--max-input-mb", type=int, default=None, help="largest input accepted, in MB (default 100)")
    add_run_options(run_cmd)
    return parser


def add_run_options(run_cmd: argparse.ArgumentParser) -> None:
    scale = run_cmd.add_argument_group("speed and scale")
    scale.add_argument("--jobs", type=positive_int, default=default_jobs(),
                       help="documents processed in parallel (default: the number of cores)")
    scale.add_argument("--executor", choices=EXECUTORS, default="local",
                       help="local: a process pool on this machine; dask: a Dask cluster (default: local)")
    scale.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler, e.g. tcp://10.0.0.1:8786 (default: a LocalCluster of --jobs workers)")
    scale.add_argument("--force", action="store_true",
                       help="redo every document, even those unchanged since their output was written")
    scale.add_argument("--timings", action="store_true",
                       help="write per-stage timings into documents.jsonl (they make its bytes vary run to run)")
    scale.add_argument("--profile", action="store_true", help="print a cProfile summary of the hot spots")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.scheduler and args.executor != "dask":
        parser.error("--scheduler needs --executor dask")
    overrides = {}
    if args.max_input_mb is not None:
        overrides["max_input_bytes"] = args.max_input_mb * 1024 * 1024
    settings = Settings.resolve(None, **overrides)
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    try:
        options = RunOptions(jobs=args.jobs, executor=args.executor, scheduler=args.scheduler, force=args.force,
                             timings=args.timings, profile=args.profile)
        summary = run(args.paths, args.out, settings, options, report=lambda line: print(line, file=sys.stderr))
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0
