"""The one loader of pipeline/data, and one-time loads (lexicons, word indexes).

Every data file is named relative to pipeline/data ("currencies.json", "domain/names.txt");
`data_path` also takes a path of one's own, so a caller can point a component at its own
copy (an explicit override, never a search). Parsed forms are built once per process.
"""

from __future__ import annotations

import functools
import gc
import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

DATA_PACKAGE = "pipeline.data"
SCHEMA_PACKAGE = "pipeline.schema"

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


def data_path(name: str | Path) -> Traversable:
    """A file of pipeline/data by its relative name, or an explicit path of one's own: a
    `Path`, or an absolute path as a string (a component's config). A relative string is
    always a packaged name, never a file that happens to sit in the working folder."""
    if isinstance(name, Path) or Path(name).is_absolute():
        return Path(name)
    return resources.files(DATA_PACKAGE).joinpath(name)


def data_text(name: str | Path) -> str:
    return data_path(name).read_text(encoding="utf-8")


def data_rows(name: str | Path) -> Iterator[str]:
    """The lines of a line-per-entry file, blank lines and '#' comments left out (not stripped)."""
    for line in data_text(name).splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


@loaded_once
def data_lines(name: str) -> tuple[str, ...]:
    """The stripped entries of a line-per-entry file."""
    return tuple(line.strip() for line in data_rows(name))


@loaded_once
def data_json(name: str) -> dict[str, Any]:
    """A JSON object; keys starting with "_" are comments."""
    return {k: v for k, v in json.loads(data_text(name)).items() if not k.startswith("_")}


def data_jsonl(name: str | Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data_rows(name)]


def data_folder(name: str) -> list[str]:
    """The relative names of the files in a folder of pipeline/data, sorted."""
    folder = resources.files(DATA_PACKAGE).joinpath(name)
    return sorted(f"{name}/{entry.name}" for entry in folder.iterdir() if entry.is_file())


@loaded_once
def schema_json(name: str) -> dict[str, Any]:
    """A JSON file of pipeline/schema (the JSON Schemas of the records, the tables' schemas)."""
    return json.loads(resources.files(SCHEMA_PACKAGE).joinpath(name).read_text(encoding="utf-8"))
