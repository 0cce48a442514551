"""`make eval`'s figures as data: `python -m evaluation.evaluate --json PATH`.

The evaluators print their report; each figure's line is made by a metric's `line()`,
which also registers the figure here. `JsonReport` tees standard output and files every
registered line under the section ("== tagging ... ==") and the group (a line indented
by two spaces: a document, "all documents", "held-out documents ...") it was printed in,
so the JSON holds exactly what the text shows, with no second bookkeeping in each
evaluator. Figures of an empty class are null ("n/a" in the text).
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any, TextIO

SECTION_RE = re.compile(r"^== (?P<name>.+?) ==$")
GROUP_RE = re.compile(r"^  (?P<name>\S.*)$")

# a printed line -> (the figure's name, its values); filled by the metrics' line()
_registered: dict[str, tuple[str, dict[str, Any]]] = {}


def register(line: str, name: str, values: dict[str, Any]) -> str:
    _registered[line] = (name.strip(), values)
    return line


class JsonReport(io.TextIOBase):
    """Standard output, passed on, and read into {section: {group: {figure: values}}}."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.pending = ""
        self.sections: dict[str, dict[str, dict[str, Any]]] = {}
        self.section, self.group = "", ""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.stream.write(text)
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            self.read_line(line)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def read_line(self, line: str) -> None:
        if line.lstrip() in _registered:  # printed indented
            name, values = _registered[line.lstrip()]
            self.sections.setdefault(self.section, {}).setdefault(self.group, {})[name] = values
        elif section := SECTION_RE.match(line):
            self.section, self.group = section["name"], ""
        elif group := GROUP_RE.match(line):
            self.group = group["name"].rstrip(":")

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.sections, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
