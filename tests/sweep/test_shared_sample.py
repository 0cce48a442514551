"""The sweep's invariants over a fixed sample of ../shared (`sample_inputs`: about 60
documents of every kind), within `make test`.

A failure known today, that another piece of work is to fix (the structure of real
documents: annexes, endnotes, glued footnote numbers), is listed in known_failures.json and
runs as a strict xfail: it is reported, and when it is fixed the test says so (XPASS fails)
until the entry is removed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sweep.invariants import INVARIANTS
from sweep.sweep import SHARED, DocumentResult, check_output, sample_inputs, shared_view

from pipeline.run.executor import RunOptions, default_jobs, run
from pipeline.run.settings import Settings

KNOWN_FAILURES = json.loads((Path(__file__).parent / "known_failures.json").read_text(encoding="utf-8"))
CHECKED = [*INVARIANTS, "schema"]
SAMPLE = [path.relative_to(SHARED).as_posix() for path in sample_inputs()] if SHARED.exists() else []

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SHARED.exists(), reason=f"the shared documents are absent ({SHARED})")]


def cases() -> list:
    found = []
    for invariant in CHECKED:
        known = KNOWN_FAILURES.get(invariant, {"files": [], "reason": ""})
        for file in SAMPLE:
            marks = [pytest.mark.xfail(strict=True, reason=known["reason"])] if file in known["files"] else []
            found.append(pytest.param(invariant, file, marks=marks, id=f"{invariant}-{file}"))
    return found


@pytest.fixture(scope="module")
def sample_results(tmp_path_factory) -> dict[str, DocumentResult]:
    folder = tmp_path_factory.mktemp("sweep-sample")
    view = shared_view(sample_inputs(), folder / "inputs")
    # No time limit: a busy machine must not turn a slow document into a failure here.
    run([view], folder / "out", Settings(time_limit_seconds=0), RunOptions(jobs=default_jobs()), report=lambda line: None)
    return {result.record["file"]: result for result in check_output(folder / "out", view)}


def test_shared_sample_known_failures_name_sampled_documents():
    for invariant, known in KNOWN_FAILURES.items():
        assert invariant in CHECKED and set(known["files"]) <= set(SAMPLE)


@pytest.mark.parametrize(("invariant", "file"), cases())
def test_shared_sample_invariant_holds(sample_results, invariant, file):
    assert sample_results[file].failures[invariant] == []
