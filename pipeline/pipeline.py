"""The pipeline: the stages composed in one visible place.

    ingest -> furniture -> segment -> clean -> tag -> commit -> emit

`process_document` runs them for one file; `pipeline.run.executor.run` finds the
inputs (`pipeline.stages.ingest.ingest.find_inputs`), processes many (in parallel,
incrementally) and writes the outputs.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from pipeline.stages.clean.clean import clean_segmentation
from pipeline.stages.commit.commit import document_commitments
from pipeline.stages.furniture.furniture import mark_furniture
from pipeline.run.guard import check_deadline, guarded
from pipeline.stages.ingest.ingest import ingest
from pipeline.stages.context.metadata import document_metadata
from pipeline.model import Document
from pipeline.stages.segment.segment import segment
from pipeline.run.settings import Settings
from pipeline.stages.tag.tag import find_document_date, load_nlp, tag_paragraphs


class _Timer:
    """Per-stage wall-clock timings, in seconds."""

    def __init__(self) -> None:
        self.timings: dict[str, float] = {}

    def __call__(self, stage: str, fn: Callable, *args: Any) -> Any:
        start = time.perf_counter()
        result = fn(*args)
        self.timings[stage] = round(self.timings.get(stage, 0.0) + time.perf_counter() - start, 4)
        check_deadline()
        return result


@guarded  # a time limit, and any unexpected exception becomes a typed error of this file
def process_document(path: Path, settings: Settings) -> Document:
    timer = _Timer()
    source = timer("ingest", ingest, path, settings)
    source = timer("furniture", mark_furniture, source)
    segmentation = timer("segment", segment, source)
    timer("clean", clean_segmentation, segmentation)
    nlp = timer("load_model", load_nlp, settings.model)
    document_date = find_document_date(source)
    docs = timer("tag", tag_paragraphs, segmentation.paragraphs, nlp, document_date, settings.batch_size,
                 segmentation.abbreviations)
    timer("commit", document_commitments, segmentation, nlp, docs, document_date)
    metadata = document_metadata(source)
    return Document(
        source=source,
        segmentation=segmentation,
        symbol=metadata.get("symbol"),
        metadata=metadata,
        timings=timer.timings,
    )
