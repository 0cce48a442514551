"""Fault isolation: a component error costs one paragraph that component's work, or, strict, the document."""

import pytest

from pipeline.errors import ComponentFailed, DocumentTimeout
from pipeline.isolation import Isolation, component_errors
from pipeline.model import Paragraph


def a_paragraph(para: int = 3) -> Paragraph:
    return Paragraph(para=para, section=None, subsection=None, raw="", body="", lines=[], text="Some text.")


def test_isolation_records_the_error_on_the_paragraph_and_goes_on():
    paragraph = a_paragraph()
    with Isolation("tag", strict=False).guard(paragraph, "upr_amounts"):
        raise AttributeError("'NoneType' object has no attribute 'group'")
    assert paragraph.warnings == [{"stage": "tag", "component": "upr_amounts", "code": "E050",
                                   "message": "AttributeError: 'NoneType' object has no attribute 'group'"}]
    assert component_errors([paragraph]) == [
        "paragraph 3: tag component upr_amounts failed: [E050] AttributeError: 'NoneType' object has no attribute "
        "'group' (a bug; please report it)"]


def test_isolation_strict_fails_the_document():
    with pytest.raises(ComponentFailed, match=r"\[E050\] commit component upr_commitments failed on paragraph 3"):
        with Isolation("commit", strict=True).guard(a_paragraph(), "upr_commitments"):
            raise IndexError("list index out of range")


def test_isolation_lets_typed_errors_through():
    paragraph = a_paragraph()
    with pytest.raises(DocumentTimeout):
        with Isolation("tag", strict=False).guard(paragraph, "upr_dates"):
            raise DocumentTimeout("processing took longer than the time limit")
    assert paragraph.warnings == []
