"""The pipeline: the stages, as data, in one visible place.

    ingest -> furniture -> segment -> context -> clean -> tag -> commit -> emit

Each stage is `run(document, settings) -> Document` (its folder's `stage.py` under
pipeline/stages/; emit writes pipeline/outputs/emit.py's files). `process_document`
runs them for one file, timing each and checking the time limit after each;
`pipeline.run.executor.run` finds the inputs, processes many (in parallel,
incrementally) and writes the tables that span documents.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from pipeline.model import Document
from pipeline.outputs.emit import write_document_outputs
from pipeline.run.guard import check_deadline, guarded
from pipeline.run.settings import Settings
from pipeline.stages.clean import stage as clean
from pipeline.stages.commit import stage as commit
from pipeline.stages.context import stage as context
from pipeline.stages.furniture import stage as furniture
from pipeline.stages.ingest import stage as ingest
from pipeline.stages.segment import stage as segment
from pipeline.stages.tag import stage as tag


def emit(document: Document, settings: Settings) -> Document:
    """The document's own files (paragraphs, blocks), when it has an output folder."""
    if document.out is not None:
        write_document_outputs(document.out, document)
    return document


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document, Settings], Document]


STAGES = (
    Stage("ingest", ingest.run),
    Stage("furniture", furniture.run),
    Stage("segment", segment.run),
    Stage("context", context.run),
    Stage("clean", clean.run),
    Stage("tag", tag.run),
    Stage("commit", commit.run),
    Stage("emit", emit),
)


@guarded  # a time limit, and any unexpected exception becomes a typed error of this file
def process_document(path: Path, settings: Settings, out: Path | None = None, doc_id: str | None = None,
                     file: str | None = None) -> Document:
    """One input through every stage; its files are written under `out` (None: not written),
    named `doc_id` (None: after the file); `file` is what the outputs call it (None: its name)."""
    document = Document(path=Path(path), doc_id=doc_id, out=out, file=file)
    for stage in STAGES:
        started = time.perf_counter()
        document = stage.run(document, settings)
        document.timings[stage.name] = round(time.perf_counter() - started, 4)
        check_deadline()
    return document
