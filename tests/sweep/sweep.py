"""`make sweep`: every document in ../shared through the pipeline on all cores, then the
invariants of tests/sweep/invariants.py over each; writes bench/SWEEP.md.

    PYTHONPATH=tests python -m sweep.sweep [--out DIR] [--results FILE] [--jobs N] [--check-only]

`--check-only` checks an output folder written before (by another commit, say) without
running the pipeline: the wall time is then unknown. The run reads ../shared through a
folder of links beside `--out` (`inputs/`, see `shared_view`). `--sets` limits the run to some sets,
`--sample` to the fixed sample of `sample_inputs` (about 60 documents).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sweep.invariants import Failures, Record, check

from pipeline.outputs.layout import OutputLayout
from pipeline.run.executor import RunOptions, default_jobs, run
from pipeline.run.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
SETS = {"seeds": "seeds", "corpus": "corpus", "wg-pdf": "wg-reports/pdf", "wg-txt": "wg-reports/txt"}
OTHER_SET = "other"
FAILURES_SHOWN = 3  # per document and invariant, in the details


@dataclass
class DocumentResult:
    record: Record
    set: str
    failures: dict[str, Failures]

    @property
    def failed_invariants(self) -> list[str]:
        return [name for name, found in self.failures.items() if found]


def set_of(file: str) -> str:
    """The set of a record's `file`, a path relative to ../shared (the run reads `shared_view`)."""
    for name, folder in SETS.items():
        if Path(file).is_relative_to(folder):
            return name
    return OTHER_SET


def shared_view(inputs: list[Path], into: Path, shared: Path = SHARED) -> Path:
    """A folder laid out as ../shared with a link to each input document: the run is given
    this one folder, so each record's `file` (relative to the folder given) says where in
    ../shared the document is, and the invariants find its input lines there."""
    files = [f for path in inputs for f in (sorted(path.rglob("*")) if path.is_dir() else [path])
             if f.suffix.lower() in (".txt", ".pdf")]
    for file in files:
        link = into / file.relative_to(shared)
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.is_symlink():
            link.symlink_to(file.resolve())
    return into


def sweep_inputs(sets: list[str], shared: Path = SHARED) -> list[Path]:
    return [shared / SETS[name] for name in sets]


# The fixed sample tests/sweep/test_shared_sample.py checks within `make test`: the seed, the
# corpus (national reports, compilations, stakeholder summaries, session reports, addenda, as
# text and PDF) and every n-th Working Group report of each format.
SAMPLE_EVERY = {"wg-txt": 10, "wg-pdf": 24}


def sample_inputs(shared: Path = SHARED) -> list[Path]:
    chosen = [path for name in ("seeds", "corpus") for path in sorted((shared / SETS[name]).iterdir())
              if path.suffix in (".txt", ".pdf")]
    for name, every in SAMPLE_EVERY.items():
        chosen += sorted((shared / SETS[name]).iterdir())[::every]
    return chosen


def check_output(out: Path, view: Path) -> list[DocumentResult]:
    """The invariants over every document of `out`, its input read from `view` (shared_view)."""
    records = [json.loads(line) for line in OutputLayout(out).documents.read_text(encoding="utf-8").splitlines()]
    return [DocumentResult(record, set_of(record["file"]), check(out, record, view)) for record in records]


# ---------------------------------------------------------------- SWEEP.md

def report(results: list[DocumentResult], seconds: float | None, jobs: int, command: str) -> str:
    invariants = list(results[0].failures) if results else []
    pages = sum(r.record.get("pages") or 0 for r in results)  # PDFs' pages, and text files' between form feeds
    lines = [
        "# Sweep: every document in ../shared, and what must hold for each",
        "",
        f"`{command}` on commit {git_commit()}, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {jobs} worker processes.",
        "The invariants are tests/sweep/invariants.py (independent of the segmenter's logic).",
        "",
        "## Totals",
        "",
        *totals(results, seconds, pages),
        "",
        "## Invariant failures by kind",
        "",
        "| invariant | documents failing | failures |",
        "|---|---:|---:|",
        *(f"| {name} | {sum(1 for r in results if r.failures[name])} | "
          f"{sum(len(r.failures[name]) for r in results)} |" for name in invariants),
        "",
        "## Per document",
        "",
        "| set | document | status | pages | paragraphs | warnings | " + " | ".join(invariants) + " |",
        "|---|---|---|---:|---:|---:|" + "---|" * len(invariants),
        *(document_row(r, invariants) for r in sorted(results, key=lambda r: (r.set, r.record["doc_id"]))),
        "",
        "## Failures (the first few per document and invariant)",
        "",
        *details(results),
    ]
    return "\n".join(lines) + "\n"


def totals(results: list[DocumentResult], seconds: float | None, pages: int) -> list[str]:
    by_set = Counter(r.set for r in results)
    failed = [r for r in results if r.record["status"] != "ok"]
    errors = sum(r.record.get("component_errors", 0) for r in results)
    holding = sum(1 for r in results if not r.failed_invariants)
    speed = f"{seconds:.0f} s wall, {pages / seconds:.2f} pages/s" if seconds else "wall time not measured (--check-only)"
    return [
        f"- documents: {len(results)} ({', '.join(f'{n} {name}' for name, n in sorted(by_set.items()))})",
        f"- failed: {len(failed)}" + (f" ({', '.join(r.record['doc_id'] for r in failed)})" if failed else ""),
        f"- component errors: {errors}",
        f"- paragraphs: {sum(r.record['paragraphs'] for r in results)}; pages: {pages}",
        f"- documents where every invariant holds: {holding} of {len(results)}",
        f"- {speed}",
    ]


def document_row(result: DocumentResult, invariants: list[str]) -> str:
    record = result.record
    cells = ["ok" if not result.failures[name] else f"**{len(result.failures[name])}**" for name in invariants]
    return (f"| {result.set} | {record['doc_id']} | {record['status']} | {record.get('pages') or ''} | "
            f"{record['paragraphs']} | {len(record['warnings'])} | " + " | ".join(cells) + " |")


def details(results: list[DocumentResult]) -> list[str]:
    lines = []
    for result in sorted(results, key=lambda r: r.record["doc_id"]):
        for name in result.failed_invariants:
            shown = "; ".join(escaped(f) for f in result.failures[name][:FAILURES_SHOWN])
            more = len(result.failures[name]) - FAILURES_SHOWN
            lines.append(f"- {result.record['doc_id']} / {name}: {shown}" + (f" (+{more} more)" if more > 0 else ""))
    return lines


def escaped(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")[:200]


def git_commit() -> str:
    found = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return found.stdout.strip() or "unknown"


# ---------------------------------------------------------------- command line

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sweep.sweep", description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".sweep" / "out", help="output folder (default .sweep/out)")
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "SWEEP.md")
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    parser.add_argument("--sample", action="store_true", help="only the fixed sample test_shared_sample.py checks")
    parser.add_argument("--check-only", action="store_true", help="check --out as it is, without running the pipeline")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"error: the shared documents are not at {SHARED}", file=sys.stderr)
        return 2
    seconds, view = None, args.out.parent / "inputs"
    if not args.check_only:
        started = time.perf_counter()
        inputs = sample_inputs() if args.sample else sweep_inputs(args.sets)
        summary = run([shared_view(inputs, view)], args.out, Settings(strict=False),
                      RunOptions(jobs=args.jobs, force=True), report=lambda line: None)
        seconds = time.perf_counter() - started
        print(summary.line(), file=sys.stderr)
    results = check_output(args.out, view)
    command = " ".join(["python -m sweep.sweep", *(sys.argv[1:] if argv is None else argv)])
    args.results.write_text(report(results, seconds, args.jobs, command), encoding="utf-8")
    failing = sum(1 for r in results if r.failed_invariants)
    print(f"{len(results)} documents, {failing} with an invariant failing: {args.results}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
