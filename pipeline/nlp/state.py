"""Saving a component's patterns and lexicons with the pipeline (`nlp.to_disk`, `spacy.load`).

A component loads its data at construction (pipeline/resources.py, or a path of one's own
given in its config); a saved pipeline must carry that data, not look for it again, as
spaCy's SpanRuler carries its patterns. `JsonState` gives a component `to_disk` and
`from_disk` from two methods of its own: `state()`, its data as named JSON values, and
`load_state(values)`, which rebuilds it from them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

import srsly
from spacy.util import ensure_path


class JsonState:
    def state(self) -> dict[str, Any]:
        raise NotImplementedError

    def load_state(self, values: dict[str, Any]) -> None:
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, value in self.state().items():
            srsly.write_json(path / f"{name}.json", value)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "JsonState":
        path = ensure_path(path)
        self.load_state({name: srsly.read_json(path / f"{name}.json") for name in self.state()})
        return self
