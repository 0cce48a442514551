"""The run's end-of-run summary."""

from pipeline.run.executor import RunSummary
from report_fixtures import fixture_paragraphs


def test_pipeline_summary_counts_paragraphs_and_annotations():
    summary = RunSummary(documents=3, failed=1, skipped=1, paragraphs=6, seconds=2.0)
    for records in fixture_paragraphs().values():
        summary.count(records)
    assert [summary.annotations[kind] for kind in ("entities", "dates", "amounts", "commitments")] == [9, 5, 2, 4]
    assert summary.line() == ("3 documents processed (1 failed, 1 unchanged and skipped): 6 paragraphs, "
                              "9 entities, 5 dates, 2 amounts, 4 commitments in 2.0s")
