"""Snapshot of the complete output for every document in raw/.

Any change in extraction shows as a readable diff of tests/test_regression/*.yml;
refresh with `make regen` and review the diff before committing.
"""

import pytest
from conftest import ROOT

from pipeline.outputs.emit import document_record, paragraph_records
from pipeline.stages.ingest.ingest import find_inputs
from pipeline.pipeline import process_document
from pipeline.run.settings import Settings

RAW_DOCUMENTS = find_inputs([ROOT / "raw"])


@pytest.mark.parametrize("path", RAW_DOCUMENTS, ids=[p.stem for p in RAW_DOCUMENTS])
def test_regression_raw_document_output(path, data_regression, monkeypatch):
    monkeypatch.chdir(ROOT)  # file paths in the output are relative to the project
    document = process_document(path.relative_to(ROOT), Settings())
    record = document_record(document)
    record.pop("timings", None)
    data_regression.check({"document": record, "paragraphs": paragraph_records(document)},
                          basename=path.stem)
