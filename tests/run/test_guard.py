"""Per-document guards: the time limit and unexpected exceptions cost one document, not the batch."""

import json
import re
import signal
import threading
import time

import pytest

import pipeline.pipeline
from pipeline.run.cli import main
from pipeline.errors import DocumentTimeout
from pipeline.run.guard import check_deadline, time_limit
from pipeline.pipeline import Stage
from pipeline.stages.segment import stage as segment_stage
from pipeline.run.settings import Settings
from pipeline.stages.tag.tag import load_nlp

GOOD_TEXT = "1. The Government will act on the report.\n\n2. Parliament agreed to the plan in 2010.\n"


@pytest.fixture
def two_documents(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT)
    (folder / "trouble.txt").write_text(GOOD_TEXT)
    return folder


def segment_failing_on(monkeypatch, doc_id, failure):
    """The real stages, except that segment fails on one document."""

    def patched(document, settings):
        if document.source.doc_id == doc_id:
            failure()
        return segment_stage.run(document, settings)

    stages = tuple(Stage(s.name, patched) if s.name == "segment" else s for s in pipeline.pipeline.STAGES)
    monkeypatch.setattr(pipeline.pipeline, "STAGES", stages)


def records_by_doc(out):
    return {r["doc_id"]: r for r in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}


def test_guard_time_limit_stops_a_runaway_loop():
    started = time.perf_counter()
    with pytest.raises(DocumentTimeout, match=r"x.txt: \[E020\] processing took longer than the time limit of 1 s"):
        with time_limit(1, "x.txt"):
            while True:
                pass
    assert time.perf_counter() - started < 2


def test_guard_time_limit_stops_a_backtracking_regex():
    with pytest.raises(DocumentTimeout):
        with time_limit(1):
            re.search(r"(\.\s?){4,}\s*\d*\s*$", "." * 100_000 + "x")  # quadratic: minutes without the limit


def test_guard_time_limit_leaves_no_timer_or_handler_behind():
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is before


def test_guard_time_limit_gives_an_outer_timer_back_what_is_left():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.5)
        with time_limit(5):
            time.sleep(0.1)
        remaining, _interval = signal.getitimer(signal.ITIMER_REAL)
        assert 0.2 < remaining <= 0.4
        time.sleep(0.5)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def in_a_thread(work):
    errors = []

    def run():
        try:
            work()
        except Exception as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    return errors


def test_guard_time_limit_off_the_main_thread_is_not_an_error_within_the_limit():
    def work():
        with time_limit(1):  # signal.signal would raise ValueError here
            time.sleep(0.01)
            check_deadline()

    assert in_a_thread(work) == []


def test_guard_time_limit_off_the_main_thread_is_a_deadline_checked_between_stages():
    def work():
        with time_limit(1, "slow.txt"):
            time.sleep(1.1)  # a stage that overruns is not interrupted...
            check_deadline()  # ...but the document fails when it returns

    errors = in_a_thread(work)
    assert [type(e) for e in errors] == [DocumentTimeout] and "slow.txt" in str(errors[0])
    assert in_a_thread(check_deadline) == []  # the deadline ended with its document


def test_guard_slow_document_fails_alone_with_the_time_limit_flag(two_documents, tmp_path, monkeypatch, capsys):
    segment_failing_on(monkeypatch, "trouble", lambda: time.sleep(30))
    load_nlp(Settings().model)  # loaded once per process: not part of the 1 s the good document gets
    started = time.perf_counter()
    # --jobs 1: in this process, where the test's stand-in stage is patched in
    assert main(["run", str(two_documents), "--out", str(tmp_path / "out"), "--time-limit", "1", "--jobs", "1"]) == 1
    assert time.perf_counter() - started < 10
    records = records_by_doc(tmp_path / "out")
    assert "[E020]" in records["trouble"]["error"] and records["good"]["status"] == "ok"
    assert "trouble.txt: [E020] processing took longer" in capsys.readouterr().err


def test_guard_unexpected_exception_fails_alone_as_internal_error(two_documents, tmp_path, monkeypatch, capsys):
    def bug():
        raise IndexError("list index out of range")

    segment_failing_on(monkeypatch, "trouble", bug)
    assert main(["run", str(two_documents), "--out", str(tmp_path / "out"), "--jobs", "1"]) == 1
    records = records_by_doc(tmp_path / "out")
    assert records["trouble"]["error"].endswith(
        "[E099] unexpected IndexError: list index out of range (a bug; please report it)")
    assert records["good"]["paragraphs"] == 2
