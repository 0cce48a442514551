"""Runs are repeatable and survive being killed: same input, same bytes; no half-written file.

documents.jsonl carries wall-clock `timings`, the one thing that differs
between runs; it is compared with them taken out.
"""

import json
import re
import shutil
import signal
import subprocess
import sys
import time

import psutil
import pytest
from conftest import ROOT, SEED, corpus_file, write_seed_excerpt

from pipeline.run.cli import main

CORPUS_TEXTS = ["A-HRC-WG.6-32-AFG-1.txt", "A-HRC-WG.6-29-BHS-1.txt", "A-HRC-WG.6-43-FRA-1.txt",
                "A-HRC-14-10.macroman.txt"]
TIMINGS_RE = re.compile(rb', "timings": \{[^}]*\}')


def output_bytes(out):
    """Every output file's bytes by relative path, timings taken out of documents.jsonl."""
    return {p.relative_to(out).as_posix(): TIMINGS_RE.sub(b"", p.read_bytes()) for p in sorted(out.rglob("*")) if p.is_file()}


def assert_every_output_file_is_complete(out):
    for path in out.rglob("*.jsonl"):
        content = path.read_text(encoding="utf-8")
        assert content == "" or content.endswith("\n"), path
        for line in content.splitlines():
            json.loads(line)


def test_pipeline_two_runs_give_identical_bytes_for_all_text_documents(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in [SEED] + [corpus_file(name) for name in CORPUS_TEXTS]:
        shutil.copy(path, inputs / path.name)
    for run in ("first", "second"):
        assert main(["run", str(inputs), "--out", str(tmp_path / run)]) == 0
    first, second = output_bytes(tmp_path / "first"), output_bytes(tmp_path / "second")
    per_document = [name for name in first if name.startswith(("paragraphs/", "blocks/"))]
    assert len(per_document) == 2 * len(CORPUS_TEXTS + ["seed"])
    assert first == second


def run_pipeline(inputs, out, **popen):
    command = [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out)]
    return subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL, **popen)


def wait_for_files(folder, count, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if folder.is_dir() and len(list(folder.glob("*.jsonl"))) >= count:
            return
        time.sleep(0.005)
    raise AssertionError(f"fewer than {count} files in {folder} after {timeout} s")


@pytest.mark.slow
def test_pipeline_killed_run_leaves_complete_files_and_rerun_matches_an_uninterrupted_run(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    copies = 16
    for k in range(copies):
        write_seed_excerpt(inputs / f"kaz-{k:02d}.txt")
    out, reference = tmp_path / "out", tmp_path / "reference"

    process = run_pipeline(inputs, out)
    wait_for_files(out / "paragraphs", 4)
    helpers = psutil.Process(process.pid).children(recursive=True)  # the forkserver and its workers
    assert helpers, "the run was meant to use worker processes"
    process.send_signal(signal.SIGKILL)
    process.wait()
    _, alive = psutil.wait_procs(helpers, timeout=10)
    assert not alive, f"processes outlived the killed run: {[p.pid for p in alive]}"
    written = len(list((out / "paragraphs").glob("*.jsonl")))
    assert 4 <= written < copies, "the run was not interrupted in the middle"
    assert_every_output_file_is_complete(out)

    assert run_pipeline(inputs, out).wait() == 0
    assert run_pipeline(inputs, reference).wait() == 0
    assert not list(out.rglob("*.tmp")), "temporary files of the killed run were left behind"
    assert output_bytes(out) == output_bytes(reference)


def test_pipeline_same_file_name_in_two_folders_keeps_both_outputs(tmp_path):
    for folder, words in (("a", "The Government will act."), ("b", "Parliament agreed.")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "report.txt").write_text(f"1. {words}\n\n2. {words}\n")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")]) == 0
    texts = {json.loads(line)["text"] for path in (tmp_path / "out" / "paragraphs").glob("*.jsonl")
             for line in path.read_text().splitlines()}
    assert texts == {"The Government will act.", "Parliament agreed."}


@pytest.mark.slow
def test_pipeline_ctrl_c_stops_the_run_and_its_workers_with_one_line(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for k in range(16):
        write_seed_excerpt(inputs / f"kaz-{k:02d}.txt")
    command = [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(tmp_path / "out"), "--jobs", "2"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    wait_for_files(tmp_path / "out" / "paragraphs", 2)
    helpers = psutil.Process(process.pid).children(recursive=True)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr.splitlines()[-1].startswith("interrupted:") and "Traceback" not in stderr
    _, alive = psutil.wait_procs(helpers, timeout=10)
    assert not alive, f"processes outlived the interrupted run: {[p.pid for p in alive]}"
