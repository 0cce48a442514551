"""One-time loads: built once, with the garbage collector paused and then spared them."""

import gc

import pytest

from pipeline.loading import loaded_once


def test_loading_builds_once_without_collections_and_freezes_the_result():
    calls, collecting = [], []

    @loaded_once
    def lexicon(name):
        calls.append(name)
        collecting.append(gc.isenabled())
        return {name: [object() for _ in range(10)]}

    frozen_before = gc.get_freeze_count()
    assert lexicon("en") is lexicon("en") and calls == ["en"]
    assert collecting == [False] and gc.isenabled()
    assert gc.get_freeze_count() > frozen_before
    assert lexicon.cache_parameters()["maxsize"] is None  # kept when the bench clears word caches


def test_loading_a_failed_build_leaves_the_collector_on_and_is_retried():
    attempts = []

    @loaded_once
    def broken():
        attempts.append(1)
        raise OSError("data file missing")

    for _ in range(2):
        with pytest.raises(OSError):
            broken()
    assert len(attempts) == 2 and gc.isenabled()
