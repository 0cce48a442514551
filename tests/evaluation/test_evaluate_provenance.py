"""The provenance figure of `make eval`: does each span's text sit at its offsets?"""

import pytest

from evaluation.evaluate import span_matches_text

TEXT = "In 2011, the Government will act."


@pytest.mark.parametrize("kind, span, matches", [
    ("date", {"text": "2011", "start_char": 3, "end_char": 7}, True),
    ("date", {"text": "2011", "start_char": 4, "end_char": 8}, False),
    ("entity", {"text": "Government", "start_char": 13, "end_char": 500}, False),
    ("entity", {"text": "Government", "start_char": "13", "end_char": 23}, False),
    ("correction", {"original": "Govemment", "replacement": "Government", "start_char": 13, "end_char": 23}, True),
    ("correction", {"original": "-\n", "replacement": "", "start_char": 5, "end_char": 5}, True),
])
def test_evaluate_provenance_checks_span_text_against_its_offsets(kind, span, matches):
    assert span_matches_text(kind, span, TEXT) is matches
