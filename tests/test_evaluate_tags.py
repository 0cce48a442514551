"""Tag evaluation: gold located in the text by normalized words, matched by overlap."""

from pipeline.evaluate_tags import locate, match_spans, same_amount


def test_evaluate_tags_locates_gold_despite_spacing_and_repeats():
    text = "rights in Kazakhstan; 5 to 500 and 5 more"
    assert locate(text, ["rightsin Kazakhstan", "5", "5"]) == [(0, 20), (22, 23), (35, 36)]


def test_evaluate_tags_locates_a_repeated_word_outside_an_earlier_gold_span():
    text = "seven people were sentenced, seven of them to prison"
    assert locate(text, ["seven people", "seven"]) == [(0, 12), (29, 34)]


def test_evaluate_tags_matches_by_overlap_within_a_kind_group():
    text = "up to 15 days and 30 per cent"
    gold = [{"text": "15 days", "kind": "measure"}, {"text": "30 per cent", "kind": "percent"}]
    found = [{"text": "up to 15 days", "kind": "count", "start_char": 0, "end_char": 13},
             {"text": "30", "kind": "count", "start_char": 18, "end_char": 20}]
    group = {"measure": "cm", "count": "cm", "percent": "percent"}
    pairs, missed, extra = match_spans(text, gold, found, lambda a: group[a["kind"]])
    assert (len(pairs), [m["text"] for m in missed], [e["text"] for e in extra]) == (1, ["30 per cent"], ["30"])


def test_evaluate_tags_compares_counts_by_their_head_noun():
    gold = {"kind": "count", "value": 22, "unit": "ethnic minority language"}
    assert same_amount(gold, {"value": 22, "unit": "language"})
    assert not same_amount(gold, {"value": 22, "unit": None})
