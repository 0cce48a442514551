"""One-time loads: what a process builds once and keeps (lexicons, word indexes)."""

from __future__ import annotations

import functools
import gc
from typing import Callable, TypeVar

Loaded = TypeVar("Loaded")


def loaded_once(build: Callable[..., Loaded]) -> Callable[..., Loaded]:
    """Build on first use, keep for the process (an unbounded cache: the bench's clearing
    of word caches leaves it). The cyclic garbage collector is paused while it builds: a
    build makes hundreds of thousands of objects, each batch of which would start a
    collection walking everything loaded so far (~0.3 s on a process's first document).
    Then every object alive, what was built among them, is frozen out of later collections,
    as after the model load."""

    @functools.lru_cache(maxsize=None)
    @functools.wraps(build)
    def load(*args: object) -> Loaded:
        collecting = gc.isenabled()
        gc.disable()
        try:
            return build(*args)
        finally:
            if collecting:
                gc.enable()
                gc.freeze()

    return load
