"""Per-document guards: a time limit, and unexpected exceptions turned into typed errors.

`time_limit(seconds, file)` is a context manager that raises DocumentTimeout
when the body runs too long. It arms SIGALRM in the process that runs the
document: no thread is started, so nothing keeps running after a document is
given up, and the timer and previous handler are restored on exit. Signals
reach only a process's main thread; elsewhere (a thread-pool worker, such as a
Dask worker's task thread) the limit is a deadline checked between stages by
`check_deadline()`: a stage that overruns is not interrupted, but the document
fails once it returns. A timer someone else had armed is given back what is
left of it on exit. Python checks for signals between bytecodes
and inside `re` matching, so a runaway regular expression is stopped too.

`guarded` wraps a `(path, settings, ...) -> result` function in both guards, so a
bad document fails alone with one clear line whatever went wrong.
"""

from __future__ import annotations

import functools
import signal
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from pipeline.errors import DocumentTimeout, InternalError, PipelineError
from pipeline.stages.ingest.ingest import input_name
from pipeline.run.settings import Settings

T = TypeVar("T")

_thread_deadline = threading.local()  # (monotonic deadline, seconds, file) where signals cannot reach


def can_use_alarm() -> bool:
    return hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: int, file: str | None = None) -> Iterator[None]:
    """Raise DocumentTimeout if the body runs longer than `seconds` (0: no limit)."""
    if seconds <= 0:
        yield
        return
    if not can_use_alarm():
        yield from _deadline(seconds, file)
        return

    def expire(_signum, _frame):
        raise _timeout(seconds, file)

    previous = signal.signal(signal.SIGALRM, expire)
    outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer_delay:  # someone else's timer was running: give it back what is left of it
            left = max(outer_delay - (time.monotonic() - started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, outer_interval)


def _timeout(seconds: int, file: str | None) -> DocumentTimeout:
    return DocumentTimeout(
        f"processing took longer than the time limit of {seconds} s (raise --time-limit to allow more)", file)


def _deadline(seconds: int, file: str | None) -> Iterator[None]:
    outer = getattr(_thread_deadline, "value", None)
    _thread_deadline.value = (time.monotonic() + seconds, seconds, file)
    try:
        yield
    finally:
        _thread_deadline.value = outer


def check_deadline() -> None:
    """Raise DocumentTimeout if this thread's document is past its time limit (off the main
    thread, where no alarm can interrupt it); a no-op elsewhere."""
    deadline = getattr(_thread_deadline, "value", None)
    if deadline is not None and time.monotonic() > deadline[0]:
        raise _timeout(deadline[1], deadline[2])


@contextmanager
def typed_errors(file: str) -> Iterator[None]:
    """Let typed errors through; report any other exception as an InternalError of this file."""
    try:
        yield
    except PipelineError:
        raise
    except Exception as exc:  # a bug must cost one document, not the batch
        raise InternalError(f"unexpected {type(exc).__name__}: {exc} (a bug; please report it)", file) from exc


def guarded(process: Callable[..., T]) -> Callable[..., T]:
    """`process(path, settings, ...)` under both guards, for the file at `path`."""
    @functools.wraps(process)
    def run_guarded(path: Path, settings: Settings, *args, **kwargs) -> T:
        file = kwargs.get("file") or input_name(Path(path))
        with typed_errors(file), time_limit(settings.time_limit_seconds, file):
            return process(path, settings, *args, **kwargs)

    return run_guarded
