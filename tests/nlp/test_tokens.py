"""Tokens by offset and a doc's text, read without walking the doc again."""

import spacy

from pipeline.nlp.tokens import TEXT_KEY, doc_text, first_token_from, tokens_between


def test_tokens_doc_text_is_built_once_and_kept():
    doc = spacy.blank("en")("The Ministry of Justice (MoJ) will act.")
    assert doc_text(doc) == doc.text
    doc.user_data[TEXT_KEY] = "kept"  # read from where it was kept, not rebuilt
    assert doc_text(doc) == "kept"


def test_tokens_by_offset():
    doc = spacy.blank("en")("In 2009, 621 organizations")
    assert first_token_from(doc, 4) == 2  # "2009" starts at 3: the next token is ","
    assert [t.text for t in tokens_between(doc, 9, 30)] == ["621", "organizations"]
