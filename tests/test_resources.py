"""The resource loader: data files read once, one-time loads built with the collector paused."""

import gc

import pytest

from pipeline.resources import loaded_once


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


def test_resources_read_package_files_and_explicit_paths(tmp_path):
    from pipeline.resources import data_json, data_lines, data_path, data_rows

    assert "Kazakhstan" in data_lines("countries.txt")
    assert all(not key.startswith("_") for key in data_json("currency_forms.json"))
    own = tmp_path / "triggers.txt"
    own.write_text("# a comment\n\n  kept  \n", encoding="utf-8")
    assert data_path(own) == own and list(data_rows(own)) == ["  kept  "]
    assert list(data_rows(str(own))) == ["  kept  "]


def test_resources_a_relative_name_is_the_packaged_file_even_beside_a_same_named_file(tmp_path, monkeypatch):
    from pipeline.resources import data_text

    (tmp_path / "units.json").write_text("{}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert data_text("units.json") != "{}"
