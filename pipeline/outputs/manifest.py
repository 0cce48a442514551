"""What an output folder holds: the documents of its last run, and nothing of any other.

Entry points: `prune_other_documents(out, doc_ids)` removes the files of documents an
earlier run left in `out` that this run does not have; `write_manifest(out, doc_ids)`
writes `manifest.json`, the run's documents with their files. So documents.jsonl, the
tables, `show`, the report and a glob over paragraphs/ (the README's DuckDB recipes) all
see the same documents.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.outputs.emit import write_text_atomic
from pipeline.outputs.layout import OutputLayout
from pipeline.run.settings import PIPELINE_VERSION


def prune_other_documents(out: Path, doc_ids: list[str]) -> int:
    """Remove the files of documents an earlier run left in `out` that `doc_ids` does not have;
    returns how many documents were removed."""
    layout, removed = OutputLayout(out), set()
    for path in list(layout.files_of_other_documents(doc_ids)):
        path.unlink(missing_ok=True)
        removed.add(path.stem)
    return len(removed)


def write_manifest(out: Path, doc_ids: list[str]) -> None:
    """manifest.json: the documents the output folder holds, each with its files."""
    layout = OutputLayout(out)
    files = {doc_id: [path.relative_to(layout.root).as_posix()
                      for path in (layout.record(doc_id), *layout.document_files(doc_id)) if path.exists()]
             for doc_id in doc_ids}
    manifest = {"pipeline_version": PIPELINE_VERSION, "documents": len(doc_ids), "files": files}
    write_text_atomic(layout.manifest, json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
