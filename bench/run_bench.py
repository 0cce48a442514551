"""Benchmarks: `python -m bench.run_bench` (`make bench`), run from the project root.

Prints, as medians over several runs:
  - end-to-end words per second on the seed, and time per stage;
  - the ratio of end-to-end time to bare `nlp.pipe` with the same model over the
    same paragraph texts, measured in the same run (target <= 1.3);
  - PDF pages per second on the corpus PDFs (skipped when the corpus is absent);
  - scaling on a corpus of 40 documents (copies of raw/ and the shared corpus in a
    temporary folder): --jobs 2 against --jobs 1 (target >= 1.8x), peak memory per
    worker (target <= 600 MB), time per document at 10 and at 40 documents.
With --results FILE the same report is written there as Markdown.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import psutil

from pipeline.run.executor import RunOptions, run
from pipeline.stages.ingest.ingest import INPUT_SUFFIXES, ingest
from pipeline.run.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "A-HRC-WG.6-7-KAZ-1.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
TARGET_RATIO = 1.3
TARGET_SPEEDUP = 1.8
TARGET_WORKER_MB = 600
# Time per document counts as flat when 40 documents cost at most this much more per document than 10.
# Less is fine: one-time loads spread over more documents, and the corpus repeats its documents,
# so word- and text-keyed caches find more of their words.
FLAT_TOLERANCE = 0.15
RSS_SAMPLE_SECONDS = 0.05
SMALL_CORPUS = 10  # documents in the small scaling corpus; the large one is copies of it


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def load_average() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg())


# ---------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Timing:
    """Medians of wall-clock and CPU seconds. On a shared machine the wall clock also
    counts waiting for a core; the CPU time is what the work itself cost."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.wall * 1000:,.0f} ms ({self.cpu * 1000:,.0f} ms CPU)"


def measure(work: Callable[[], object], runs: int) -> Timing:
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus))


# ---------------------------------------------------------------- the seed


def forget_text_caches() -> None:
    """Each seed run pays for what a new document costs. Results cached by word or text
    (dateparser readings, OCR readings: bounded `lru_cache`s) are a real gain across a
    corpus, but a rerun of the same seed would find all of them; one-time loads (model,
    lexicons: caches of size 1 or unbounded) are kept, like the model load. (OCR verdicts
    live and die with each document's reader.)"""
    for module in [m for name, m in sys.modules.items() if name.startswith("pipeline.")]:
        for value in vars(module).values():
            maxsize = getattr(value, "cache_parameters", lambda: {})().get("maxsize")
            if maxsize is not None and maxsize > 1:
                value.cache_clear()


def bench_seed(report: Report, runs: int, settings: Settings) -> None:
    """End to end and bare nlp.pipe take turns, so that a change in the load of a shared
    machine affects both alike (run one after the other, the ratio drifts by 20% here)."""
    load, nlp = load_bare_model(settings)
    with tempfile.TemporaryDirectory(prefix="bench-seed-") as tmp:
        out = Path(tmp)
        stage_runs, end_to_end_runs, bare_runs = [], [], []

        def run_seed() -> None:
            forget_text_caches()
            run([SEED], out, settings, RunOptions(jobs=1, force=True, timings=True), report=lambda line: None)
            stage_runs.append(json.loads((out / "records" / f"{SEED.stem}.json").read_text())["timings"])

        for _ in range(runs):
            end_to_end_runs.append(measure(run_seed, 1))
            texts = [json.loads(line)["text"] for line in (out / "paragraphs" / f"{SEED.stem}.jsonl").open()]
            if nlp is not None:
                bare_runs.append(measure(lambda: list(nlp.pipe(texts, batch_size=settings.batch_size)), 1))
    end_to_end = median_timing(end_to_end_runs)
    words = sum(len(text.split()) for text in texts)
    report.add(f"## Seed ({SEED.name}: {len(texts)} paragraphs, {words} words), median of {runs} runs")
    report.add()
    report.add(f"- end to end (`run`, in process, outputs written): {end_to_end}: "
               f"**{words / end_to_end.wall:,.0f} words/s** ({words / end_to_end.cpu:,.0f} per CPU second)")
    report.add("- per stage (wall clock, from `--timings`):")
    for stage in stage_runs[0]:
        report.add(f"  - {stage}: {statistics.median(r.get(stage, 0.0) for r in stage_runs) * 1000:.1f} ms")
    if nlp is None:
        report.add(f"- bare nlp.pipe: skipped, the model {settings.model!r} cannot be loaded ({load})")
    else:
        report_nlp_ratio(report, settings, load, median_timing(bare_runs), words, end_to_end)
    report.add()


def load_bare_model(settings: Settings) -> tuple[Timing | str, "Language | None"]:
    """The model as spaCy loads it, with the time that takes (or why it cannot be loaded)."""
    try:
        import spacy

        load = measure(lambda: spacy.load(settings.model), 1)
        return load, spacy.load(settings.model)
    except (ImportError, OSError) as exc:
        return str(exc), None


def median_timing(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings))


def report_nlp_ratio(report: Report, settings: Settings, load: Timing, bare: Timing, words: int,
                     end_to_end: Timing) -> None:
    """End-to-end time against bare nlp.pipe with the same model over the same texts."""
    ratio, cpu_ratio = end_to_end.wall / bare.wall, end_to_end.cpu / bare.cpu
    report.add(f"- model load (`spacy.load({settings.model!r})`, once per worker process): {load}")
    report.add(f"- bare `nlp.pipe` over the same paragraph texts, taking turns with the end-to-end runs: "
               f"{bare}: {words / bare.wall:,.0f} words/s")
    report.add(f"- **end-to-end / bare nlp.pipe = {ratio:.2f}** ({cpu_ratio:.2f} in CPU time) "
               f"(target <= {TARGET_RATIO}: {verdict(max(ratio, cpu_ratio) <= TARGET_RATIO)})")


# ---------------------------------------------------------------- PDFs


def bench_pdf(report: Report, runs: int, settings: Settings) -> None:
    pdfs = sorted(CORPUS.glob("*.pdf"))
    if not pdfs:
        report.add(f"## PDF reading: skipped, no PDFs in {CORPUS}")
        report.add()
        return
    report.add(f"## PDF reading (ingest stage, pdfplumber), median of {runs} runs")
    report.add()
    total_pages, total = 0, Timing(0.0, 0.0)
    for pdf in pdfs:
        pages = ingest(pdf, settings).pages
        timing = measure(lambda: ingest(pdf, settings), runs)
        total_pages += pages
        total = Timing(total.wall + timing.wall, total.cpu + timing.cpu)
        report.add(f"- {pdf.name}: {pages} pages in {timing}: {pages / timing.wall:.1f} pages/s")
    report.add(f"- **all PDFs: {total_pages / total.wall:.1f} pages/s** ({total_pages / total.cpu:.1f} per CPU second), "
               "one process")
    report.add()


# ---------------------------------------------------------------- scaling


def build_corpus(folder: Path, unit_size: int, copies: int) -> int:
    """`copies` copies of one unit of `unit_size` documents (raw/ and the shared corpus,
    cycled), under distinct names: the same mix at every size, so time per document
    compares across sizes."""
    sources = sorted(p for p in (ROOT / "raw").iterdir() if p.suffix in INPUT_SUFFIXES)
    sources += sorted(p for p in CORPUS.glob("*") if p.suffix in INPUT_SUFFIXES)
    unit = [sources[n % len(sources)] for n in range(unit_size)]
    folder.mkdir(parents=True)
    for copy in range(copies):
        for n, source in enumerate(unit):
            shutil.copyfile(source, folder / f"{source.stem}.c{copy:02d}-{n:02d}{source.suffix}")
    return unit_size * copies


@dataclass
class CliRun:
    seconds: float
    main_mb: float  # peak RSS of the `python -m pipeline` process
    worker_mb: float  # peak RSS of its largest worker process (0 when it ran in process)
    cpu_seconds: float  # CPU time of all its processes
    busiest_cpu_seconds: float  # CPU time of its busiest process: the wall time on idle cores


def run_cli(corpus: Path, out: Path, jobs: int) -> CliRun:
    """One `python -m pipeline run` with peak RSS and CPU time per process, sampled every 50 ms."""
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--jobs", str(jobs), "--force"]
    started = time.perf_counter()
    process = psutil.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks: dict[int, int] = {}
    cpu: dict[int, float] = {}
    while process.poll() is None:
        for proc in [process, *safe_children(process)]:
            try:
                peaks[proc.pid] = max(peaks.get(proc.pid, 0), proc.memory_info().rss)
                times = proc.cpu_times()
                cpu[proc.pid] = times.user + times.system
            except psutil.Error:
                pass
        time.sleep(RSS_SAMPLE_SECONDS)
    seconds = time.perf_counter() - started
    if process.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    main = peaks.pop(process.pid, 0)
    return CliRun(seconds, main / 2**20, max(peaks.values(), default=0) / 2**20, sum(cpu.values()),
                  max(cpu.values(), default=0.0))


def safe_children(process: psutil.Process) -> list[psutil.Process]:
    try:
        return process.children(recursive=True)
    except psutil.Error:
        return []


def median_cli_runs(configurations: list[tuple[Path, Path, int]], runs: int) -> list[CliRun]:
    """Each (corpus, out, jobs) `runs` times, taking turns, so that a change in the load
    of a shared machine affects every configuration alike."""
    results = [[] for _ in configurations]
    for _ in range(runs):
        for (corpus, out, jobs), runs_so_far in zip(configurations, results):
            runs_so_far.append(run_cli(corpus, out, jobs))
    return [median_of(r) for r in results]


def median_of(results: list[CliRun]) -> CliRun:
    return CliRun(statistics.median(r.seconds for r in results), max(r.main_mb for r in results),
                  max(r.worker_mb for r in results), statistics.median(r.cpu_seconds for r in results),
                  statistics.median(r.busiest_cpu_seconds for r in results))


def count_loops(seconds: float) -> int:
    """Iterations of a pure-Python loop in `seconds` of wall time (runs in a pool worker)."""
    loops, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        loops += 1
    return loops


def parallel_ceiling(processes: int, seconds: float = 3.0, rounds: int = 3) -> float:
    """How much more CPU work `processes` busy processes get done than one: what this
    machine allows --jobs to gain (a shared or throttled VM gives less than `processes`).
    The median of `rounds` probes, alone and together in turn: one probe of a few seconds
    on a VM can be off by 20% either way."""
    ratios = []
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        for _ in range(rounds):
            alone = pool.apply(count_loops, (seconds,))
            together = sum(pool.map(count_loops, [seconds] * processes, chunksize=1))
            ratios.append(together / alone)
    return statistics.median(ratios)


def bench_scaling(report: Report, runs: int, size: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        small, large = Path(tmp) / "small", Path(tmp) / "large"
        small_docs = build_corpus(small, SMALL_CORPUS, 1)
        large_docs = build_corpus(large, SMALL_CORPUS, max(1, size // SMALL_CORPUS))
        report.add(f"## Scaling: `python -m pipeline run DIR --jobs J --force`, median of {runs} runs, taking turns")
        report.add()
        report.add(f"Corpus: {large_docs} documents, {large_docs // small_docs} copies of {small_docs} from raw/ "
                   f"and {CORPUS.name}/ (text and PDF) under distinct names; "
                   f"load average before: {load_average()}")
        report.add()
        ceiling = parallel_ceiling(2)
        one_small, one, two = median_cli_runs(
            [(small, Path(tmp) / "out-small", 1), (large, Path(tmp) / "out-1", 1), (large, Path(tmp) / "out-2", 2)], runs)
    speedup = one.seconds / two.seconds
    # On a shared machine other processes take cores away; the CPU time of the busiest
    # process is what the wall time would be with one idle core per worker.
    cpu_speedup = one.cpu_seconds / two.busiest_cpu_seconds
    per_doc_small, per_doc_large = one_small.seconds / small_docs, one.seconds / large_docs
    growth = per_doc_large / per_doc_small - 1
    cpu_per_doc_small, cpu_per_doc_large = one_small.cpu_seconds / small_docs, one.cpu_seconds / large_docs
    cpu_growth = cpu_per_doc_large / cpu_per_doc_small - 1
    worker_mb = max(two.worker_mb, one.main_mb)
    report.add(f"- --jobs 1: {one.seconds:.1f} s; --jobs 2: {two.seconds:.1f} s; "
               f"**speedup {speedup:.2f}x** (target >= {TARGET_SPEEDUP}x: {verdict(speedup >= TARGET_SPEEDUP)})")
    report.add(f"- the machine's own ceiling, measured before: 2 busy processes of a pure-Python loop get "
               f"**{ceiling:.2f}x** the work of one; --jobs 2 reached {speedup / ceiling:.0%} of it")
    report.add(f"- CPU time: --jobs 1 {one.cpu_seconds:.1f} s; --jobs 2 {two.cpu_seconds:.1f} s in all, "
               f"{two.busiest_cpu_seconds:.1f} s in the busiest process: **speedup on idle cores "
               f"{cpu_speedup:.2f}x** ({verdict(cpu_speedup >= TARGET_SPEEDUP)})")
    report.add(f"- **peak memory per worker: {worker_mb:.0f} MB** (--jobs 2 workers {two.worker_mb:.0f} MB, "
               f"main process {two.main_mb:.0f} MB; --jobs 1 runs in process: {one.main_mb:.0f} MB) "
               f"(target <= {TARGET_WORKER_MB} MB: {verdict(worker_mb <= TARGET_WORKER_MB)})")
    report.add(f"- **time per document, --jobs 1: {per_doc_small:.2f} s at {small_docs} documents, "
               f"{per_doc_large:.2f} s at {large_docs}** ({growth:+.0%}; grows by at most {FLAT_TOLERANCE:.0%}: "
               f"{verdict(growth <= FLAT_TOLERANCE)})")
    report.add(f"- CPU time per document, --jobs 1: {cpu_per_doc_small:.2f} s at {small_docs} documents, "
               f"{cpu_per_doc_large:.2f} s at {large_docs} ({cpu_growth:+.0%}: {verdict(cpu_growth <= FLAT_TOLERANCE)})")
    report.add(f"- load average after: {load_average()}")
    report.add()


# ---------------------------------------------------------------- main


def machine() -> str:
    memory = psutil.virtual_memory().total / 2**30
    return (f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), {memory:.1f} GB memory, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run_bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement on the seed (default 5)")
    parser.add_argument("--pdf-runs", type=int, default=3, help="runs per corpus PDF (default 3)")
    parser.add_argument("--scale-runs", type=int, default=3, help="runs per scaling measurement (default 3)")
    parser.add_argument("--documents", type=int, default=40, help="size of the scaling corpus (default 40)")
    parser.add_argument("--skip-scaling", action="store_true", help="leave out the (slow) scaling runs")
    parser.add_argument("--results", type=Path, help="also write the report here as Markdown")
    args = parser.parse_args(argv)
    settings = Settings()
    report = Report()
    report.add("# Benchmark results")
    report.add()
    report.add(f"- date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {git_commit()}")
    report.add(f"- machine: {machine()}")
    report.add(f"- command: `python -m bench.run_bench {' '.join(argv if argv is not None else sys.argv[1:])}`")
    report.add(f"- load average at start (the machine may be shared): {load_average()}")
    report.add()
    bench_seed(report, args.runs, settings)
    bench_pdf(report, args.pdf_runs, settings)
    if not args.skip_scaling:
        bench_scaling(report, args.scale_runs, args.documents)
    if args.results:
        args.results.write_text(report.text(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
