"""The stages as data (pipeline/pipeline.py), and the run's end-of-run summary."""

from datetime import date

import pytest
from conftest import ROOT
from report_fixtures import fixture_paragraphs

from pipeline.pipeline import STAGES, process_document
from pipeline.run.executor import RunSummary
from pipeline.run.settings import Settings


def test_pipeline_summary_counts_paragraphs_and_annotations():
    summary = RunSummary(documents=3, failed=1, skipped=1, paragraphs=6, seconds=2.0)
    for records in fixture_paragraphs().values():
        summary.count(records)
    assert [summary.annotations[kind] for kind in ("entities", "dates", "amounts", "commitments")] == [9, 5, 2, 4]
    assert summary.line() == ("3 documents processed (1 failed, 1 unchanged and skipped): 6 paragraphs, "
                              "9 entities, 5 dates, 2 amounts, 4 commitments in 2.0s")


# ------------------------------------------------------------------ the stage list

COVER = """\
United Nations A/HRC/WG.6/7/KAZ/1
Distr.: General
7 March 2009

1. The Government of Kazakhstan will adopt a new law by 2012.

2. The Ministry of Justice reported progress in July 2008.
"""


def test_pipeline_lists_every_stage_once_in_order_emit_last():
    names = [stage.name for stage in STAGES]
    assert names == ["ingest", "furniture", "segment", "context", "clean", "recommend", "tag", "commit", "emit"]


def test_pipeline_every_stage_folder_is_in_the_list():
    folders = {path.name for path in (ROOT / "pipeline" / "stages").iterdir()
               if path.is_dir() and (path / "__init__.py").exists()}
    assert folders == {stage.name for stage in STAGES} - {"emit"}


@pytest.mark.filterwarnings("ignore::pipeline.stages.tag.tag.RuleOnlyTagging")
def test_pipeline_times_every_stage_and_emit_writes_the_documents_files(tmp_path):
    path = tmp_path / "kaz.txt"
    path.write_text(COVER, encoding="utf-8")
    document = process_document(path, Settings(model="none"), out=tmp_path / "out", doc_id="chosen")
    assert list(document.timings) == [stage.name for stage in STAGES]
    assert all(seconds >= 0 for seconds in document.timings.values())
    assert document.source.doc_id == "chosen"
    assert (tmp_path / "out" / "paragraphs" / "chosen.jsonl").exists()
    assert document.context.document_date == date(2009, 3, 7) and document.context.state.alpha_3 == "KAZ"
    assert document.docs == []  # the parsed docs are not kept past the commit stage


@pytest.mark.filterwarnings("ignore::pipeline.stages.tag.tag.RuleOnlyTagging")
def test_pipeline_without_an_output_folder_writes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "kaz.txt"
    path.write_text(COVER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    document = process_document(path, Settings(model="none"))
    assert document.segmentation.paragraphs and sorted(p.name for p in tmp_path.iterdir()) == ["kaz.txt"]
