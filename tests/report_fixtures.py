"""Hand-made pipeline output with every kind of annotation, for the report, tables and show.

The records follow the emitted formats: corrections {start_char, end_char,
original, replacement, rule}; entities {text, start_char, end_char, label};
dates {text, start_char, end_char, start, end, granularity}; amounts {text,
start_char, end_char, kind, value, unit}; commitments {text, start_char,
end_char, kind, strength, speaker, actor, action, object, deadline: {text, start, end, relation} | null}.
Offsets are found in the text, so they are right by construction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pipeline.outputs.layout import OutputLayout
from pipeline.outputs.tables import open_tables

MARKUP_DOC = "A-HRC-TEST-1"
SECOND_DOC = "A-HRC-TEST-2"
FAILED_DOC = "broken"
SCRIPT_TEXT = '<script>alert("pwned")</script>'
MARKUP_LABEL = "<img src=x onerror=alert(1)>"
SOURCE_PDF = f"sub/{SECOND_DOC}.pdf"  # the second document's input, relative to the input folder


def at(text: str, words: str, nth: int = 0, **fields: Any) -> dict[str, Any]:
    """An annotation covering the `nth` occurrence of `words` in `text`."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return {"text": words, "start_char": start, "end_char": start + len(words), **fields}


def heading(id_: str, level: str, title: str, line: int) -> dict[str, Any]:
    return {"id": id_, "level": level, "title": title, "line_start": line, "inferred": False}


def context(symbol: str, state: str | None, alpha_3: str | None) -> dict[str, Any]:
    return {"symbol": symbol, "state": {"name": state, "alpha_3": alpha_3, "source": "symbol"} if state else None,
            "document_type": "national_report", "language": "English", "session": None,
            "document_date": "2009-11-06", "date_source": "distribution date", "abbreviations": []}


def document(doc_id: str, symbol: str, outline: list[dict[str, Any]], paragraphs: int, file: str,
             state: tuple[str, str] | None) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "symbol": symbol, "file": file, "sha256": "0" * 64, "pages": 3,
        "paragraphs": paragraphs, "outline": outline, "status": "ok", "error": None,
        "warnings": ["1 line could not be placed"] if doc_id == MARKUP_DOC else [],
        "pipeline_version": "0.1.0", "encoding": "utf-8",
        "metadata": {"symbol": symbol, "country": state[0] if state else None, "session": None},
        "context": context(symbol, *(state or (None, None))),
    }


def failed_document() -> dict[str, Any]:
    return {
        "doc_id": FAILED_DOC, "symbol": None, "file": "broken.txt", "sha256": None, "pages": None,
        "paragraphs": 0, "outline": [], "status": "failed", "error": "broken.txt: [E002] the file is empty",
        "warnings": [], "pipeline_version": "0.1.0",
    }


def paragraph(doc_id: str, para: int, text: str, section: tuple[str, str], subsection: tuple[str, str] | None,
              line: int, **annotations: list[dict[str, Any]]) -> dict[str, Any]:
    record = {
        "doc_id": doc_id, "symbol": None, "para": para,
        "section": {"id": section[0], "title": section[1]},
        "subsection": {"id": subsection[0], "title": subsection[1]} if subsection else None,
        "text": text, "raw": f"{para} {text}",
        "source": {"file": SOURCE_PDF if doc_id == SECOND_DOC else f"{doc_id}.txt", "pages": [para // 3 + 1],
                   "line_start": line, "line_end": line + 1},
        "items": [],
    }
    for name in ("corrections", "entities", "dates", "amounts", "commitments"):
        record[name] = annotations.get(name, [])
    return record


def methodology_paragraph() -> dict[str, Any]:
    text = "This report was prepared by the Ministry of Justice and approved on 6 November 2009."
    return paragraph(
        MARKUP_DOC, 1, text, ("I", "Methodology"), None, 2,
        entities=[at(text, "Ministry of Justice", label="ORG")],
        dates=[at(text, "6 November 2009", start="2009-11-06", end="2009-11-06", granularity="day")],
    )


def pledge_paragraph() -> dict[str, Any]:
    """A commitment enclosing an entity, a date and an amount."""
    text = ("In 2011, the Government will amend the law on the Human Rights Commissioner "
            "and allocate US$ 50,000 to the Centre.")
    pledge = at(text, text[:-1], kind="pledge", strength="firm", speaker="State", actor="Government",
                action=at(text, "will amend"), object=at(text, "the law on the Human Rights Commissioner"),
                deadline={"text": "In 2011", "start": "2011-01-01", "end": "2011-12-31", "relation": "in"},
                themes=["NHRI"])
    return paragraph(
        MARKUP_DOC, 2, text, ("II", "Commitments"), ("A", "Right to privacy"), 13,
        commitments=[pledge],
        entities=[at(text, "Government", label="ORG"), at(text, "Human Rights Commissioner", label="ORG")],
        dates=[at(text, "2011", start="2011-01-01", end="2011-12-31", granularity="year")],
        amounts=[at(text, "US$ 50,000", kind="money", value=50000, unit="USD")],
    )


def markup_paragraph() -> dict[str, Any]:
    """Text and labels that look like HTML, and OCR corrections (one removed a line-break hyphen)."""
    text = f"The report quotes {SCRIPT_TEXT} and a policy on <b>women</b> & girls."
    hyphen_at = text.index("women") + 2
    return paragraph(
        MARKUP_DOC, 3, text, ("II", "Commitments"), ("B", "Odd <b>markup</b> & text"), 31,
        corrections=[
            at(text, "a policy", original="apolicy", replacement="a policy", rule="split"),
            {"start_char": hyphen_at, "end_char": hyphen_at, "original": "-\n", "replacement": "",
             "rule": "hyphenation"},
        ],
        entities=[at(text, SCRIPT_TEXT, label=MARKUP_LABEL)],
    )


def crossing_paragraph() -> dict[str, Any]:
    """Two commitments, and an entity and a date that overlap without nesting."""
    text = ("Kazakhstan is endeavouring to fulfil the recommendations, and the National Plan 2012-2014 "
            "will be implemented by 31 December 2014.")
    pending = at(text, "Kazakhstan is endeavouring to fulfil the recommendations", kind="pending",
                 strength="ongoing", speaker="State", actor="Kazakhstan", action=at(text, "is endeavouring to fulfil"),
                 object=at(text, "the recommendations"), deadline=None, themes=[])
    plan = at(text, "the National Plan 2012-2014 will be implemented by 31 December 2014", kind="pledge",
              strength="firm", speaker="State", actor="unspecified", action=at(text, "will be implemented"),
              object=at(text, "the National Plan 2012-2014"),
              deadline={"text": "by 31 December 2014", "start": None, "end": "2014-12-31", "relation": "by"},
              themes=["National plan of action"])
    return paragraph(
        MARKUP_DOC, 4, text, ("II", "Commitments"), ("B", "Odd <b>markup</b> & text"), 35,
        commitments=[pending, plan],
        entities=[at(text, "Kazakhstan", label="GPE"), at(text, "National Plan 2012", label="PROGRAMME")],
        dates=[at(text, "2012-2014", start="2012-01-01", end="2014-12-31", granularity="range"),
               at(text, "31 December 2014", start="2014-12-31", end="2014-12-31", granularity="day")],
    )


def invalid_offsets_paragraph() -> dict[str, Any]:
    text = "Poverty fell by 12 per cent; one annotation here points beyond the text."
    return paragraph(
        MARKUP_DOC, 5, text, ("II", "Commitments"), ("B", "Odd <b>markup</b> & text"), 40,
        amounts=[at(text, "12 per cent", kind="percent", value=12.0, unit="%")],
        entities=[{"text": "beyond", "start_char": 50, "end_char": 500, "label": "ORG"}],
    )


def second_document_paragraph() -> dict[str, Any]:
    text = "Slovenia will ratify the Convention by June 2015."
    return paragraph(
        SECOND_DOC, 1, text, ("I", "Follow-up"), None, 3,
        commitments=[at(text, text[:-1], kind="pledge", strength="firm", speaker="State", actor="Slovenia",
                        action=at(text, "will ratify"), object=at(text, "the Convention"),
                        deadline={"text": "by June 2015", "start": "2015-06-01", "end": "2015-06-30",
                                  "relation": "by"},
                        themes=["International instruments", "Treaty bodies"])],
        entities=[at(text, "Slovenia", label="GPE"), at(text, "Convention", label="LAW")],
        dates=[at(text, "June 2015", start="2015-06-01", end="2015-06-30", granularity="month")],
    )


def fixture_paragraphs() -> dict[str, list[dict[str, Any]]]:
    return {
        MARKUP_DOC: [methodology_paragraph(), pledge_paragraph(), markup_paragraph(), crossing_paragraph(),
                     invalid_offsets_paragraph()],
        SECOND_DOC: [second_document_paragraph()],
    }


def fixture_documents() -> list[dict[str, Any]]:
    markup_outline = [
        heading("I", "section", "Methodology", 1),
        heading("II", "section", "Commitments", 10),
        heading("II.A", "subsection", "Right to privacy", 12),
        heading("II.B", "subsection", "Odd <b>markup</b> & text", 30),
    ]
    return [
        document(MARKUP_DOC, "A/HRC/TEST/1", markup_outline, 5, f"{MARKUP_DOC}.txt", None),
        failed_document(),
        document(SECOND_DOC, "A/HRC/TEST/2", [heading("I", "section", "Follow-up", 1)], 1, SOURCE_PDF,
                 ("Slovenia", "SVN")),
    ]


def write_output(out: Path, documents: list[dict[str, Any]] | None = None,
                 paragraphs: dict[str, list[dict[str, Any]]] | None = None) -> Path:
    """The fixture (or these records) as the pipeline would have written it into `out`, CSV tables included."""
    layout = OutputLayout(out)
    layout.paragraphs_folder.mkdir(parents=True, exist_ok=True)
    write_lines(layout.documents, fixture_documents() if documents is None else documents)
    with open_tables(out) as tables:
        for doc_id, records in (fixture_paragraphs() if paragraphs is None else paragraphs).items():
            write_lines(layout.paragraphs(doc_id), records)
            tables.add(records)
    return out


def recommendation(number: int, text: str, states: list[str] | str | None, response: str | None,
                   **odd: Any) -> dict[str, Any]:
    return {"doc_id": SECOND_DOC, "symbol": "A/HRC/TEST/2", "state_under_review": "Slovenia", "para": 1,
            "number": number, "text": text, "recommending_states": states, "response": response,
            "action_category": "ratify", "themes": ["treaties"], **odd}


def write_recommendations(out: Path) -> None:
    """A recommendations.jsonl as another stage writes it (its schema still moves: odd fields too)."""
    write_lines(out / "recommendations.jsonl", [
        recommendation(1, "Ratify the Convention on Roma rights", ["Brazil", "Chile"], "supported"),
        recommendation(2, "Abolish the death penalty", "Mexico", None, themes=None, extra={"new": "field"}),
    ])


def write_source_pdf(inputs: Path, pages: int = 3) -> Path:
    """A blank PDF where the second document's `file` says its input was."""
    from pypdf import PdfWriter

    path = inputs / SOURCE_PDF
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def write_lines(path: Path, records: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


@pytest.fixture
def fixture_output(tmp_path: Path) -> Path:
    return write_output(tmp_path / "output")
