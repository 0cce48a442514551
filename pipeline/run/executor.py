"""Run orchestration: many documents, on all cores or a Dask cluster, incrementally.

Entry point: `run(paths, out, settings, options) -> RunSummary`.

Each document is one task: `process_to_files` runs `process_document` and writes
`paragraphs/<doc_id>.jsonl`, then `records/<doc_id>.json` (its documents.jsonl
line plus the settings fingerprint and timings), both atomically. The main
process only plans (which documents are unchanged and can be skipped), collects
small outcomes as tasks finish, and at the end assembles `documents.jsonl` from
the record files in doc_id order. So the output bytes do not depend on --jobs,
the executor or the order documents finished in, memory does not grow with the
corpus, and a crash never loses a finished document: the next run resumes.

Models are loaded by the stages through module-level caches, so each worker
process loads them once, on its first document, and keeps them for the run.
"""

from __future__ import annotations

import cProfile
import hashlib
import json
import multiprocessing
import os
import pstats
import signal
import sys
import threading
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor
from concurrent.futures import wait as wait_local
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from pipeline.outputs.emit import (
    document_record,
    dumps,
    failed_document_record,
    prepare_output_folder,
    remove_document_outputs,
    write_jsonl,
    write_text_atomic,
)
from pipeline.errors import PipelineError
from pipeline.outputs.layout import OutputLayout
from pipeline.stages.ingest.ingest import InputFile, document_id, find_inputs
from pipeline.run.settings import PIPELINE_VERSION, Settings
from pipeline.outputs.datapackage import write_datapackage
from pipeline.outputs.docbin import write_docbins
from pipeline.outputs.duckdb_file import write_duckdb
from pipeline.outputs.tables import open_tables

EXECUTORS = ("local", "dask")
# Tasks in flight per worker: enough to keep workers busy, few enough to keep memory flat.
TASKS_PER_WORKER = 4
PROFILE_LINES = 30


def default_jobs() -> int:
    """The cores this process may use (respects CPU affinity, e.g. in containers)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class RunOptions:
    jobs: int = field(default_factory=default_jobs)
    executor: str = "local"  # "local" (a process pool) or "dask"
    scheduler: str | None = None  # Dask scheduler address; None starts a LocalCluster
    force: bool = False  # redo every document, even unchanged ones
    timings: bool = False  # write per-stage timings into documents.jsonl
    profile: bool = False  # print a cProfile summary of the workers' hot spots
    progress: bool | None = None  # None: a progress bar only when stderr is a terminal
    csv_encoding: str = "utf-8"  # "utf-8-sig" writes a BOM, for Excel
    formats: tuple[str, ...] = ()  # extra outputs (EXTRA_FORMATS): spaCy DocBins, a DuckDB file

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ValueError(f"jobs must be at least 1, not {self.jobs}")
        unknown = [name for name in self.formats if name not in EXTRA_FORMATS]
        if unknown:
            raise ValueError(f"unknown output format {unknown[0]!r}; known: {', '.join(EXTRA_FORMATS)}")
        if self.executor not in EXECUTORS:
            raise ValueError(f"unknown executor {self.executor!r}; known: {', '.join(EXECUTORS)}")


class Task(NamedTuple):
    path: Path  # where to read it
    doc_id: str  # names the output files
    file: str  # what the outputs call it: relative to the input folder given (`input_name`)


@dataclass
class Outcome:
    """What a task sends back: small, so the main process stays light."""

    doc_id: str
    file: str
    status: str
    paragraphs: int
    warnings: list[str]
    error: str | None
    profile: dict | None = None  # cProfile stats of the task, with --profile


# --to NAME: what else a run writes, from the output folder and the run's doc_ids
EXTRA_FORMATS: dict[str, Callable[[Path, list[str]], Any]] = {
    "docbin": write_docbins,
    "duckdb": lambda out, doc_ids: write_duckdb(out),
}

COUNTED = ("entities", "dates", "amounts", "commitments")


@dataclass
class RunSummary:
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    paragraphs: int = 0  # of every document of the run, skipped ones included
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    annotations: Counter[str] = field(default_factory=Counter)

    def count(self, paragraphs: list[dict[str, Any]]) -> None:
        for record in paragraphs:
            for kind in COUNTED:
                self.annotations[kind] += len(record[kind])

    def line(self) -> str:
        found = ", ".join(f"{self.annotations[kind]} {kind}" for kind in COUNTED)
        return (
            f"{self.documents} documents processed ({self.failed} failed, {self.skipped} unchanged and skipped): "
            f"{self.paragraphs} paragraphs, {found} in {self.seconds:.1f}s"
        )


# ---------------------------------------------------------------- per document (runs in a worker)


def paragraphs_path(out: Path, doc_id: str) -> Path:
    return OutputLayout(out).paragraphs(doc_id)


def record_path(out: Path, doc_id: str) -> Path:
    return OutputLayout(out).record(doc_id)


def process_to_files(task: Task, out: Path, settings: Settings, profile: bool = False) -> Outcome:
    """Process one document and write its files; the same function on every executor."""
    if not profile:
        return write_document(task, out, settings)
    profiler = cProfile.Profile()
    outcome = profiler.runcall(write_document, task, out, settings)
    profiler.create_stats()
    outcome.profile = profiler.stats
    return outcome


def write_document(task: Task, out: Path, settings: Settings) -> Outcome:
    """Paragraphs first, record last: a record on disk means the document is complete."""
    # Imported here: the main process of a parallel run never parses, and spaCy's import
    # (over a second) would delay every worker's start; the local pool's forkserver has it
    # preloaded (a Dask worker, or --jobs 1, imports it on its first document).
    from pipeline.pipeline import process_document

    path, doc_id, file = task
    try:  # the emit stage writes the paragraphs
        document = process_document(path, settings, out=out, doc_id=doc_id, file=file)
        record = document_record(document)
        record["timings"] = document.timings
    except PipelineError as exc:
        exc.with_file(file)
        remove_document_outputs(out, doc_id)
        record = failed_document_record(doc_id, file, str(exc))
    record["settings_fingerprint"] = settings.fingerprint()
    write_text_atomic(record_path(out, doc_id), dumps(record) + "\n")
    return Outcome(record["doc_id"], record["file"], record["status"], record["paragraphs"],
                   record["warnings"], record["error"])


# ---------------------------------------------------------------- planning


@dataclass
class Plan:
    todo: list[Task]  # documents to process, largest first (a long one should not come last)
    doc_ids: list[str]  # every input's doc_id, in output order
    skipped: int  # inputs unchanged since their output was written
    skipped_paragraphs: int


def plan_run(inputs: list[InputFile], out: Path, settings: Settings, force: bool) -> Plan:
    tasks = tasks_of(inputs)
    fingerprint = settings.fingerprint()
    todo, skipped_paragraphs = [], []
    for task in tasks:
        record = None if force else unchanged_record(task, out, fingerprint)
        if record is None:
            todo.append(task)
        else:
            skipped_paragraphs.append(record["paragraphs"])
    return Plan(todo=sorted(todo, key=lambda task: input_size(task.path), reverse=True),
                doc_ids=sorted(task.doc_id for task in tasks),
                skipped=len(skipped_paragraphs), skipped_paragraphs=sum(skipped_paragraphs))


def tasks_of(inputs: list[InputFile]) -> list[Task]:
    """Each input with its doc_id, the file stem; inputs that share a stem (a/x.txt, b/x.txt,
    x.pdf) get a hash of their path after it ("x_1a2b3c4d"), so that no output file overwrites another's."""
    stems = Counter(document_id(path) for path, _ in inputs)
    return [
        Task(path, document_id(path) if stems[document_id(path)] == 1 else f"{document_id(path)}_{path_hash(path)}", file)
        for path, file in inputs
    ]


def path_hash(path: Path) -> str:
    return hashlib.sha256(path.as_posix().encode("utf-8")).hexdigest()[:8]


def unchanged_record(task: Task, out: Path, fingerprint: str) -> dict[str, Any] | None:
    """The document's record when its output is complete and still current, else None.

    Current means: same input bytes, same file path, same pipeline version and same
    settings. Failed documents are always retried (a failure may be transient).
    """
    path, doc_id, file = task
    try:
        record = json.loads(record_path(out, doc_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    current = (
        record.get("status") == "ok"
        and record.get("file") == file
        and record.get("pipeline_version") == PIPELINE_VERSION
        and record.get("settings_fingerprint") == fingerprint
        and paragraphs_path(out, doc_id).exists()
        and record.get("sha256") == file_sha256(path)
    )
    return record if current else None


def file_sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def input_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# ---------------------------------------------------------------- executing


def execute(todo: list[Task], out: Path, settings: Settings, options: RunOptions) -> Iterator[Outcome]:
    """Outcomes in the order the documents finish."""
    if not todo:
        return  # nothing changed: no pool or cluster to start
    if options.executor == "dask":
        yield from execute_dask(todo, out, settings, options)
    elif options.jobs == 1 or len(todo) <= 1:
        for task in todo:  # in this process: no start-up cost, and easy to debug
            yield process_to_files(task, out, settings, options.profile)
    else:
        yield from execute_local_pool(todo, out, settings, options)


def execute_local_pool(todo: list[Task], out: Path, settings: Settings, options: RunOptions) -> Iterator[Outcome]:
    workers = min(options.jobs, len(todo))
    # forkserver: workers fork from a clean, single-threaded server that has the
    # pipeline imported once, not from this process and its progress-bar thread.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.pipeline"])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=init_worker,
                               initargs=(os.getpid(),))
    try:
        yield from in_flight(
            todo,
            lambda task: pool.submit(process_to_files, task, out, settings, options.profile),
            lambda pending: wait_local(pending, return_when=FIRST_COMPLETED).done,
            limit=workers * TASKS_PER_WORKER,
        )
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def init_worker(main_pid: int) -> None:
    """Ctrl-C is the main process's to handle; workers finish or are cancelled by it. A main
    process killed outright (SIGKILL, out of memory) cannot tell them: they end on their own."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=exit_when_gone, args=(main_pid,), name="main-watch", daemon=True).start()


MAIN_WATCH_SECONDS = 1.0


def exit_when_gone(main_pid: int) -> None:
    """End this worker once the main process is gone (a worker blocked on the task queue
    would otherwise wait forever: it holds the queue's write end itself)."""
    while True:
        time.sleep(MAIN_WATCH_SECONDS)
        try:
            os.kill(main_pid, 0)
        except ProcessLookupError:
            os._exit(1)


def execute_dask(todo: list[Task], out: Path, settings: Settings, options: RunOptions) -> Iterator[Outcome]:
    from distributed import wait as wait_dask

    with dask_client(options) as client:
        yield from in_flight(
            todo,
            # pure=False: a task is rerun even if the same call ran before on a long-lived cluster
            lambda task: client.submit(process_to_files, task, out.resolve(), settings, options.profile, pure=False),
            lambda pending: wait_dask(list(pending), return_when="FIRST_COMPLETED").done,
            limit=max(options.jobs, dask_worker_slots(client)) * TASKS_PER_WORKER,
        )


@contextmanager
def dask_client(options: RunOptions):
    import logging

    from distributed import Client, LocalCluster

    if options.scheduler:
        with Client(options.scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=options.jobs, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def dask_worker_slots(client) -> int:
    """Tasks the cluster runs at once: its workers' threads, added up."""
    return sum(client.nthreads().values())


def in_flight(tasks: Iterable[Task], submit: Callable, wait_any: Callable, limit: int) -> Iterator[Outcome]:
    """Keep at most `limit` tasks submitted; yield results as they complete."""
    tasks = iter(tasks)
    pending = {submit(task) for task in islice(tasks, limit)}
    while pending:
        for future in wait_any(pending):
            pending.discard(future)
            yield future.result()
            pending.update(submit(task) for task in islice(tasks, 1))


# ---------------------------------------------------------------- the run


def run(paths: list[Path], out: Path, settings: Settings, options: RunOptions | None = None,
        report: Callable[[str], None] = print) -> RunSummary:
    options = options or RunOptions()
    started = time.perf_counter()
    prepare_output_folder(out)  # and remove what a killed run left half-written
    plan = plan_run(find_inputs(paths), out, settings, options.force)
    summary = RunSummary(documents=len(plan.doc_ids), skipped=plan.skipped, paragraphs=plan.skipped_paragraphs)
    profile = ProfileSummary() if options.profile else None
    with progress_bar(len(plan.todo), options.progress, report) as (advance, say):
        for outcome in execute(plan.todo, out, settings, options):
            add_outcome(summary, outcome, say)
            if profile is not None:
                profile.add(outcome.profile)
            advance(outcome.doc_id)
    write_jsonl(OutputLayout(out).documents, assembled_records(out, plan.doc_ids, options.timings))
    write_collections(out, plan.doc_ids, summary, options.csv_encoding)
    write_datapackage(out, options.csv_encoding)
    for name in options.formats:
        EXTRA_FORMATS[name](out, plan.doc_ids)
    summary.seconds = time.perf_counter() - started
    if profile is not None:
        profile.print(sys.stderr)
    return summary


def add_outcome(summary: RunSummary, outcome: Outcome, say: Callable[[str], None]) -> None:
    summary.paragraphs += outcome.paragraphs
    for warning in outcome.warnings:
        say(f"{outcome.file}: warning: {warning}")
    if outcome.status != "ok":
        summary.failed += 1
        summary.errors.append(outcome.error)
        say(outcome.error)


def assembled_records(out: Path, doc_ids: list[str], timings: bool) -> Iterator[dict[str, Any]]:
    """The documents.jsonl lines, read one at a time from the per-document records."""
    for doc_id in doc_ids:
        record = json.loads(record_path(out, doc_id).read_text(encoding="utf-8"))
        if not timings:
            record.pop("timings", None)  # wall-clock times would make the bytes differ run to run
        yield record


def write_collections(out: Path, doc_ids: list[str], summary: RunSummary, csv_encoding: str = "utf-8") -> None:
    """The tables across all documents (entities, dates, amounts, commitments), from
    the paragraph files on disk: skipped documents count as much as processed ones."""
    with open_tables(out, csv_encoding) as tables:
        for doc_id in doc_ids:
            path = paragraphs_path(out, doc_id)
            if not path.exists():
                continue  # a failed document
            paragraphs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            summary.count(paragraphs)
            tables.add(paragraphs)


@contextmanager
def progress_bar(total: int, enabled: bool | None, report: Callable[[str], None]):
    """Yields (advance(doc_id), say(line)); messages go above the bar while it is shown."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled or total == 0:
        yield (lambda doc_id: None), report
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=console) as progress:
        task = progress.add_task("starting", total=total, rate="")

        def advance(doc_id: str) -> None:
            progress.advance(task)
            speed = progress.tasks[task].speed
            progress.update(task, description=doc_id, rate=f"{speed:.2f} docs/s" if speed else "")

        yield advance, (lambda line: console.print(line, markup=False, highlight=False))


class ProfileSummary:
    """cProfile statistics of every task, added up and printed once at the end."""

    def __init__(self) -> None:
        self.stats: pstats.Stats | None = None

    def add(self, stats: dict | None) -> None:
        if not stats:
            return
        loaded = _LoadedStats(stats)
        if self.stats is None:
            self.stats = pstats.Stats(loaded)
        else:
            self.stats.add(loaded)

    def print(self, stream) -> None:
        if self.stats is None:
            print("profile: no document was processed", file=stream)
            return
        self.stats.stream = stream
        self.stats.sort_stats("cumulative", "tottime").print_stats(PROFILE_LINES)


class _LoadedStats:
    """What pstats.Stats accepts in place of a profiler: stats already collected elsewhere."""

    def __init__(self, stats: dict) -> None:
        self.stats = stats

    def create_stats(self) -> None:
        pass
