"""Command line: `python -m pipeline run [PATH ...] --out DIR`.

Exit codes: 0 all documents processed, 1 some failed (the others are written),
2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import PipelineError
from .pipeline import run
from .settings import Settings

OUTPUT_HELP = """\
outputs (in --out):
  documents.jsonl            one line per input: doc_id, symbol, file, sha256, pages,
                             paragraphs, outline, status ("ok"/"failed"), error, warnings,
                             line coverage, timings, pipeline_version
  paragraphs/<doc_id>.jsonl  one line per numbered paragraph: para, section, subsection,
                             text (cleaned), raw (as in the input), source (file, pages,
                             line_start, line_end), items, corrections, entities, dates,
                             amounts, commitments; spans carry start_char/end_char into text
  commitments.jsonl, .csv    every commitment of all documents, by document and paragraph:
                             doc_id, symbol, para, section, subsection, kind, actor, action,
                             object, deadline, deadline_end, text
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    overrides = {}
    if args.max_input_mb is not None:
        overrides["max_input_bytes"] = args.max_input_mb * 1024 * 1024
    settings = Settings.resolve(None, **overrides)
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"error: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    try:
        summary = run(args.paths, args.out, settings, report=lambda line: print(line, file=sys.stderr))
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0
