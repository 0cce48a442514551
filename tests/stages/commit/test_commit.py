"""Commit stage: hand-written sentences (tests/data/commitment_cases.json) and the flat outputs."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from conftest import ROOT

from pipeline.stages.commit.commit import find_commitments
from pipeline.stages.tag.dates import find_dates
from pipeline.outputs.emit import paragraph_records
from pipeline.model import (
    Abbreviation,
    Document,
    DocumentContext,
    Heading,
    Line,
    Paragraph,
    Segmentation,
    SourceDocument,
    State,
)
from pipeline.run.settings import Settings
from pipeline.outputs.tables import commitment_rows
from pipeline.stages.tag.tag import load_nlp

CASES = json.loads((ROOT / "tests" / "data" / "commitment_cases.json").read_text(encoding="utf-8"))["cases"]
DOCUMENT_DATE = date(2009, 11, 6)
# The country is named from the document: a paragraph naming it a few times comes first.
COUNTRY_PARAGRAPH = "Kazakhstan is a party to many treaties. Kazakhstan reports on them in Kazakhstan."


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Settings().model)


def paragraph(number: int, text: str, section: Heading | None = None) -> Paragraph:
    return Paragraph(para=number, section=section, subsection=None, raw=text, body=text,
                     lines=[Line(number, text)], text=text)


def dates_of(paragraphs: list[Paragraph]) -> list[list[dict]]:
    """The dates the tagging stage would give each paragraph."""
    return [[m.record() for m in find_dates(p.text, DOCUMENT_DATE)] for p in paragraphs]


def commitments_of(text: str, nlp, dates=None) -> list[dict]:
    paragraphs = [paragraph(1, COUNTRY_PARAGRAPH), paragraph(2, text)]
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=dates if dates is not None else dates_of(paragraphs))
    return paragraphs[1].commitments


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_commit_sentence_cases(case, nlp):
    found = commitments_of(case["text"], nlp)
    if case["expect"] is None:
        assert found == []
        return
    (commitment,) = found
    expect = case["expect"]
    deadline_end = commitment["deadline"]["end"] if commitment["deadline"] else None
    assert (commitment["kind"], commitment["actor"], deadline_end) == (
        expect["kind"], expect["actor"], expect["deadline_end"])


def test_commit_offsets_point_into_the_paragraph_text(nlp):
    text = "Growth was strong. The Government will introduce a new bill on migration in December 2009."
    (c,) = commitments_of(text, nlp)
    assert text[c["start_char"] : c["end_char"]] == c["text"] == text[19:]
    for field in ("action", "object", "actor_mention", "deadline"):
        span = c[field]
        assert text[span["start_char"] : span["end_char"]] == span["text"]
    assert c["action"]["text"] == "will introduce"
    assert c["object"]["text"].startswith("new bill")
    assert c["deadline"]["text"] == "in December 2009"


def test_commit_gives_each_commitment_its_themes(nlp):
    (c,) = commitments_of("The Government will abolish the death penalty by 2015.", nlp)
    assert "Death penalty" in c["themes"]


def test_commit_takes_deadlines_from_the_given_dates(nlp):
    """The tagging stage's dates win over the stand-in finder: here it dated 'next session'."""
    text = "Parliament will adopt the code during its next session."
    start = text.index("its next session")
    tagged = {"text": "its next session", "start_char": start, "end_char": start + 16,
              "start": "2010-02-01", "end": "2010-06-30", "granularity": "range"}
    (c,) = commitments_of(text, nlp, dates=[[], [tagged]])
    assert c["deadline"]["end"] == "2010-06-30"


def test_commit_rejects_dates_for_other_paragraph_counts(nlp):
    with pytest.raises(ValueError, match="dates given for 1 paragraphs"):
        find_commitments([paragraph(1, "x"), paragraph(2, "y")], nlp, DOCUMENT_DATE, dates=[[]])


def test_commit_resolves_it_from_the_previous_paragraph(nlp):
    paragraphs = [paragraph(1, COUNTRY_PARAGRAPH),
                  paragraph(2, "The Government has been running a housing programme since 2000."),
                  paragraph(3, "It continues to pursue a migration programme.")]
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=dates_of(paragraphs))
    assert [c["actor"] for c in paragraphs[2].commitments] == ["Government"]


def test_commit_takes_an_actor_from_the_list_of_abbreviations(nlp):
    paragraphs = [paragraph(1, COUNTRY_PARAGRAPH), paragraph(2, "MoPH will build ten clinics in 2012.")]
    listed = [Abbreviation("MoPH", "Ministry of Public Health", 12), Abbreviation("NGO", "Non-Governmental Organization", 13)]
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=dates_of(paragraphs), abbreviations=listed)
    assert [(c["actor"], c["actor_mention"]["text"]) for c in paragraphs[1].commitments] == [
        ("Ministry of Public Health", "MoPH")]


def test_commit_prefers_an_abbreviation_defined_in_a_paragraph_to_the_list(nlp):
    paragraphs = [paragraph(1, COUNTRY_PARAGRAPH),
                  paragraph(2, "The Ministry of Public Health (MoPH) will build ten clinics. MoPH will train nurses.")]
    listed = [Abbreviation("MoPH", "Ministry of Public Hygiene", 12)]
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=dates_of(paragraphs), abbreviations=listed)
    assert paragraphs[1].commitments[-1]["actor"] == "Ministry of Public Health"  # "MoPH will train nurses"


def document_with(paragraphs: list[Paragraph], doc_id: str) -> Document:
    source = SourceDocument(doc_id=doc_id, file=f"{doc_id}.txt", sha256="0" * 64, lines=[], pages=None,
                            encoding="utf-8", kind="text")
    return Document(source=source, segmentation=Segmentation(paragraphs, [], [], []),
                    context=DocumentContext(symbol=f"A/{doc_id}"))


def test_commit_flat_records_and_csv(nlp):
    section = Heading(id="II", level="section", numeral="II", title="Reforms", line_start=1, line_end=1)
    later = [paragraph(1, COUNTRY_PARAGRAPH), paragraph(5, "Parliament is considering a bill, with \"quotes\", on courts.", section)]
    earlier = [paragraph(3, "The Government will introduce a bill on migration in December 2009.")]
    find_commitments(later, nlp, DOCUMENT_DATE, dates=dates_of(later))
    find_commitments(earlier, nlp, DOCUMENT_DATE, dates=dates_of(earlier))
    records = commitment_rows(paragraph_records(document_with(earlier, "A")) + paragraph_records(document_with(later, "B")))
    assert [(r["doc_id"], r["para"], r["kind"]) for r in records] == [("A", 3, "pledge"), ("B", 5, "pending")]
    assert records[0]["deadline_end"] == "2009-12-31" and records[1]["section"] == "II. Reforms"
    assert records[1]["text"] == later[1].text and records[1]["deadline"] is None


def test_commit_run_writes_sorted_jsonl_and_csv(tmp_path):
    from conftest import SEED

    from pipeline.run.executor import run

    run([SEED], tmp_path, Settings(), report=lambda line: None)
    records = [json.loads(line) for line in (tmp_path / "commitments.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "commitments.csv").read_text(encoding="utf-8"))))
    assert len(records) == len(rows) > 50
    assert [r["para"] for r in records] == sorted(r["para"] for r in records)
    assert [r["text"] for r in records] == [r["text"] for r in rows]
    paragraphs = {json.loads(line)["para"]: json.loads(line)
                  for line in (tmp_path / "paragraphs" / f"{SEED.stem}.jsonl").read_text(encoding="utf-8").splitlines()}
    for record in records:
        (c,) = [c for c in paragraphs[record["para"]]["commitments"] if c["text"] == record["text"]]
        assert paragraphs[record["para"]]["text"][c["start_char"] : c["end_char"]] == c["text"]


@pytest.mark.parametrize("text, action", [
    ("A national programme against poverty is being carried out.", "is being carried out"),
    ("The Government intends to improve the legal aid system.", "intends to improve"),
    ("There are plans to extend housing loans.", "There are plans to extend"),
])
def test_commit_action_is_the_verb_chain(text, action, nlp):
    (c,) = commitments_of(text, nlp)
    assert c["action"]["text"] == action


def test_commit_without_a_parser_model_warns_and_finds_nothing():
    from conftest import segment_text

    from pipeline.stages.commit.commit import document_commitments

    text = "1. The Government will build schools.\n\n2. Parliament is considering a bill.\n"
    document = Document(segmentation=segment_text(text), context=DocumentContext())
    document_commitments(document, load_nlp("none"))
    assert [p.commitments for p in document.segmentation.paragraphs] == [[], []]
    assert any("commitments not extracted" in w for w in document.warnings)


def parsed_document(nlp, texts: list[str], state: State | None) -> Document:
    paragraphs = [paragraph(k, text) for k, text in enumerate(texts, 1)]
    docs = list(nlp.pipe([p.text for p in paragraphs]))
    return Document(segmentation=Segmentation(paragraphs, [], [], []), docs=docs,
                    context=DocumentContext(state=state, document_date=DOCUMENT_DATE))


def test_commit_actor_is_the_contexts_state_not_the_most_named_place(nlp):
    from pipeline.stages.commit.commit import document_commitments

    document = parsed_document(nlp, [COUNTRY_PARAGRAPH, "The State will adopt a new law on courts."],
                               State("Republic of Moldova", "MDA", "symbol"))
    document_commitments(document, nlp)
    assert [c["actor"] for c in document.segmentation.paragraphs[1].commitments] == ["Moldova"]
    assert document.context.state == State("Republic of Moldova", "MDA", "symbol")


def test_commit_names_the_most_named_place_when_the_context_knows_no_state(nlp):
    from pipeline.stages.commit.commit import MOST_NAMED, document_commitments

    document = parsed_document(nlp, [COUNTRY_PARAGRAPH, "The State will adopt a new law on courts."], None)
    document_commitments(document, nlp)
    assert [c["actor"] for c in document.segmentation.paragraphs[1].commitments] == ["Kazakhstan"]
    assert document.context.state == State("Kazakhstan", None, MOST_NAMED)


def test_commit_error_on_one_paragraph_costs_that_paragraph_its_commitments(nlp, monkeypatch):
    from pipeline.isolation import Isolation
    from pipeline.stages.commit import commit

    paragraphs = [paragraph(1, "The Government will adopt a new law in 2025."),
                  paragraph(2, "The Government will open ten shelters.")]
    real_record = commit.commitment_record

    def failing_on_shelters(span, text, *args):
        if "shelters" in text:
            raise IndexError("list index out of range")
        return real_record(span, text, *args)

    monkeypatch.setattr(commit, "commitment_record", failing_on_shelters)
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=dates_of(paragraphs),
                     isolation=Isolation("commit", strict=False))
    assert [len(p.commitments) for p in paragraphs] == [1, 0]
    assert [w["component"] for w in paragraphs[1].warnings] == ["upr_commitments"]


@pytest.mark.parametrize("document_type, speaker", [
    ("national_report", "State"), ("compilation", "OHCHR"), ("stakeholders_summary", "stakeholders"), (None, "State")])
def test_commit_speaker_is_the_documents_author_by_its_type(document_type, speaker, nlp):
    paragraphs = [paragraph(1, COUNTRY_PARAGRAPH), paragraph(2, "The Government will build ten clinics.")]
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=dates_of(paragraphs), document_type=document_type)
    assert [(c["speaker"], c["strength"]) for c in paragraphs[1].commitments] == [(speaker, "firm")]


@pytest.mark.parametrize("text, kind", [
    ("The delegation stated that the Government would adopt a new code.", "pledge"),
    ("Kazakhstan planned to develop mechanisms for its implementation.", "pledge"),
    ("Norway recommended that Kazakhstan continue its efforts against trafficking.", None),
    ("Japan expressed the hope that the Government would strengthen its institutions.", None),
    ("Tajikistan noted that Kazakhstan was making further progress.", None),
    ("The head of the delegation reaffirmed the commitment of the Government to continue its reforms.", "pledge"),
])
def test_commit_reads_the_backshifted_tenses_of_a_working_group_report(text, kind, nlp):
    """Reported speech: "would" and "planned to" are the State's; a national report's past is not."""
    reported = commitments_of_type(text, nlp, "working_group_report")
    own = commitments_of_type(text, nlp, "national_report")
    assert [c["kind"] for c in reported] == ([kind] if kind else [])
    assert own == []


def commitments_of_type(text: str, nlp, document_type: str) -> list[dict]:
    paragraphs = [paragraph(1, COUNTRY_PARAGRAPH), paragraph(2, text)]
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=dates_of(paragraphs), document_type=document_type)
    return paragraphs[1].commitments


@pytest.mark.parametrize("text, actor", [
    ("The National Institute of Statistics (INE) has published data. INE is preparing a census.",
     "National Institute of Statistics"),
    ("The United Nations Children's Fund (UNICEF) has opened an office. UNICEF is preparing a census.", None),
])
def test_commit_abbreviations_of_the_states_own_language_name_its_actor(text, actor, nlp):
    paragraphs = [paragraph(1, COUNTRY_PARAGRAPH), paragraph(2, text)]
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=dates_of(paragraphs))
    assert [c["actor"] for c in paragraphs[1].commitments] == ([actor] if actor else [])


def test_commit_actor_mention_ends_before_a_bracket_it_does_not_close(nlp):
    (c,) = commitments_of("The Ministry of Public Health (MoPH is implementing a national health strategy.", nlp)
    assert (c["actor"], c["actor_mention"]["text"]) == ("Ministry of Public Health", "Ministry of Public Health")
