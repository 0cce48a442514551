"""Snapshots of the pipeline's output, as views per document (see tests/snapshots.py):
the seed, a State report PDF and a Working Group report PDF from ../shared.

Any change in extraction shows as a readable diff of tests/test_regression/<doc_id>/*.yml;
refresh with `make regen` and review the diff before committing.
"""

import pytest
from snapshots import DOCUMENTS, SHARED_CORPUS, VIEWS, document_views, missing_reason, snapshot_path

# The seed runs in `make test-fast` too; the two PDFs of ../shared only in the full suite.
DOC_IDS = [pytest.param(doc_id, marks=pytest.mark.slow) if SHARED_CORPUS in path.parents else doc_id
           for doc_id, path in DOCUMENTS.items()]


@pytest.fixture(scope="module")
def views():
    """Each document processed once per session, on first use."""
    cache = {}

    def of(doc_id):
        if doc_id not in cache:
            cache[doc_id] = document_views(doc_id)
        return cache[doc_id]

    return of


@pytest.mark.parametrize("doc_id", DOC_IDS)
@pytest.mark.parametrize("name", VIEWS)
def test_regression_view(doc_id, name, views, file_regression):
    reason = missing_reason(doc_id)
    if reason:
        pytest.skip(reason)
    file_regression.check(views(doc_id)[name], fullpath=snapshot_path(doc_id, name))
