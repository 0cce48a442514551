"""Tag stage: model loading and its fallback, paragraphs tagged with provenance."""

import json
import warnings
from datetime import date

import pytest
import spacy
from spacy.language import Language

from conftest import ROOT, SEED, segment_text
from pipeline.stages.clean.clean import clean_paragraphs
from pipeline.errors import ComponentFailed, ModelNotInstalled
from pipeline.isolation import Isolation
from pipeline.stages.tag.entities import add_entity_ruler
from pipeline.model import Abbreviation, Paragraph
from pipeline.stages.tag.tag import RuleOnlyTagging, load_nlp, make_entities_consistent, tag_paragraphs


@pytest.fixture(scope="module")
def rules_nlp():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuleOnlyTagging)
        return load_nlp("none")


def test_tag_without_a_model_warns_and_runs_the_rules():
    load_nlp.cache_clear()
    with pytest.warns(RuleOnlyTagging, match="rules only"):
        nlp = load_nlp("none")
    assert nlp.pipe_names == ["upr_entity_phrases", "upr_entity_ruler", "upr_entity_cleaner", "upr_dates", "upr_amounts"]


def test_tag_with_a_missing_model_says_how_to_install_it():
    with pytest.raises(ModelNotInstalled, match="python -m spacy download en_core_web_lg"):
        load_nlp("en_core_web_lg")


def test_tag_loads_a_pipeline_once_per_process(rules_nlp):
    assert load_nlp("none") is rules_nlp


def test_tag_fills_paragraphs_with_spans_into_the_cleaned_text(rules_nlp):
    seg = segment_text("""
        1. Some US$ 70 million was spent by the Ministry of Justice over the past 10 years.

        2. The Ministry of Justice reported 53.4 per cent in July 2009.
        """)
    clean_paragraphs(seg.paragraphs)
    tag_paragraphs(seg.paragraphs, rules_nlp, date(2009, 11, 6), batch_size=1)
    first, second = seg.paragraphs
    for p in seg.paragraphs:
        for item in p.entities + p.dates + p.amounts:
            assert p.text[item["start_char"]:item["end_char"]] == item["text"]
    assert [(e["text"], e["label"]) for e in first.entities] == [("Ministry of Justice", "ORG")]
    assert [(d["start"], d["end"]) for d in first.dates] == [("1999-01-01", "2009-12-31")]
    assert [(a["kind"], a["value"], a["unit"]) for a in first.amounts] == [("money", 70000000, "USD")]
    assert [(a["kind"], a["value"]) for a in second.amounts] == [("percent", 53.4)]


def entity(text, label, start=0):
    return {"text": text, "start_char": start, "end_char": start + len(text), "label": label}


def test_tag_gives_a_name_one_label_per_document_and_finds_its_missed_mentions():
    paragraphs = [Paragraph(para=n, section=None, subsection=None, raw="", body="", lines=[], text=text)
                  for n, text in enumerate(["Kazakh children", "Kazakh schools", "Kazakh theatres"], 1)]
    paragraphs[0].entities = [entity("Kazakh", "NORP")]
    paragraphs[1].entities = [entity("Kazakh", "NORP")]
    paragraphs[2].entities = []
    make_entities_consistent(paragraphs)
    assert [[e["label"] for e in p.entities] for p in paragraphs] == [["NORP"], ["NORP"], ["NORP"]]
    paragraphs[1].entities[0]["label"] = "PERSON"
    make_entities_consistent(paragraphs)
    assert {e["label"] for p in paragraphs for e in p.entities} == {"NORP"}


def test_tag_drops_an_abbreviation_of_lowercase_words():
    texts = ["The maternal mortality ratio (MMR) fell.", "The MMR was 27.", "The UN and the MMR."]
    paragraphs = [Paragraph(para=n, section=None, subsection=None, raw="", body="", lines=[], text=text)
                  for n, text in enumerate(texts, 1)]
    paragraphs[1].entities = [entity("MMR", "ORG", 4)]
    paragraphs[2].entities = [entity("UN", "ORG", 4), entity("MMR", "ORG", 15)]
    make_entities_consistent(paragraphs)
    assert [[e["text"] for e in p.entities] for p in paragraphs] == [[], [], ["UN"]]


def test_tag_gives_an_abbreviation_the_label_of_the_name_it_is_defined_after():
    texts = ["It ratified the Convention against Torture (CAT).", "The CAT was signed.", "CAT reports."]
    paragraphs = [Paragraph(para=n, section=None, subsection=None, raw="", body="", lines=[], text=text)
                  for n, text in enumerate(texts, 1)]
    paragraphs[0].entities = [entity("Convention against Torture", "TREATY", 16), entity("CAT", "ORG", 44)]
    paragraphs[1].entities = [entity("CAT", "ORG", 4)]
    make_entities_consistent(paragraphs)
    assert [[(e["text"], e["label"]) for e in p.entities] for p in paragraphs] == [
        [("Convention against Torture", "TREATY"), ("CAT", "TREATY")], [("CAT", "TREATY")], [("CAT", "TREATY")]]


def test_tag_gives_a_listed_abbreviation_the_label_of_its_long_form():
    texts = ["The Convention against Torture was ratified.", "CAT reports. MoJ acts. UNDP helps."]
    paragraphs = [Paragraph(para=n, section=None, subsection=None, raw="", body="", lines=[], text=text)
                  for n, text in enumerate(texts, 1)]
    paragraphs[0].entities = [entity("Convention against Torture", "TREATY", 4)]
    paragraphs[1].entities = [entity("CAT", "ORG", 0)]
    listed = [Abbreviation("CAT", "Convention against Torture", 3), Abbreviation("MoJ", "Ministry of Justice", 4),
              Abbreviation("UNDP", "United Nations Development Programme", 5)]
    heads = {"Ministry of Justice": "ORG"}  # the entity patterns know the head word "Ministry" only
    make_entities_consistent(paragraphs, listed, heads.get)
    assert [(e["text"], e["label"]) for e in paragraphs[1].entities] == [("CAT", "TREATY"), ("MoJ", "ORG")]


def test_tag_prefers_an_abbreviation_defined_in_a_paragraph_to_the_list():
    paragraphs = [Paragraph(para=1, section=None, subsection=None, raw="", body="", lines=[],
                            text="The Committee against Torture (CAT) met.")]
    paragraphs[0].entities = [entity("Committee against Torture", "ORG", 4)]
    heads = {"Convention against Torture": "TREATY"}
    make_entities_consistent(paragraphs, [Abbreviation("CAT", "Convention against Torture", 3)], heads.get)
    assert [(e["text"], e["label"]) for e in paragraphs[0].entities][-1] == ("CAT", "ORG")


@pytest.mark.slow
def test_tag_seed_meets_the_targets_against_gold():
    from evaluation.evaluate_tags import entity_score, tag_scores

    gold = json.loads((ROOT / "tests" / "gold" / "tags" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    scores = tag_scores(gold)
    assert scores.totals["dates"].f1 >= 0.95 and scores.exact["dates"].value >= 0.95
    assert scores.totals["amounts money"].f1 >= 0.97 and scores.totals["amounts percent"].f1 >= 0.97
    assert scores.exact["amounts money"].value >= 0.97 and scores.exact["amounts percent"].value >= 0.97
    assert scores.totals["amounts count/measure"].f1 >= 0.90
    assert entity_score(scores).f1 >= 0.80


@Language.component("test_failing_on_boom")
def failing_on_boom(doc):
    if "boom" in doc.text:
        raise ValueError("broken rule")
    return doc


@pytest.fixture
def nlp_failing_on_boom():
    nlp = spacy.blank("en")
    add_entity_ruler(nlp)
    nlp.add_pipe("test_failing_on_boom")
    nlp.add_pipe("upr_dates")
    return nlp


def paragraphs_of(*texts: str) -> list[Paragraph]:
    return [Paragraph(para=n, section=None, subsection=None, raw="", body="", lines=[], text=text)
            for n, text in enumerate(texts, start=1)]


def test_tag_component_failure_fails_the_document_when_strict(nlp_failing_on_boom):
    paragraphs = paragraphs_of("In 2019 it began.", "A boom in 2020.")
    with pytest.raises(ComponentFailed, match="test_failing_on_boom failed on paragraph 2: ValueError: broken rule"):
        tag_paragraphs(paragraphs, nlp_failing_on_boom, None)


def test_tag_component_failure_costs_one_paragraph_that_component(nlp_failing_on_boom):
    paragraphs = paragraphs_of("In 2019 it began.", "A boom in 2020.", "In 2021 it ended.")
    docs = tag_paragraphs(paragraphs, nlp_failing_on_boom, None, isolation=Isolation("tag", strict=False))
    assert [len(p.dates) for p in paragraphs] == [1, 1, 1]  # the components after the failing one still ran
    assert [p.warnings for p in paragraphs] == [[], [{"stage": "tag", "component": "test_failing_on_boom",
                                                       "code": "E050", "message": "ValueError: broken rule"}], []]
    assert [d.text for d in docs] == [p.text for p in paragraphs]


def test_tag_tokenizer_splits_footnote_numbers_glued_to_words(rules_nlp):
    doc = rules_nlp.make_doc("(the Paris Principles),4 the Content,12 which Republic13 and COVID-19 and 1,000 "
                             "and Principles.11 and 4.5 and www.ohchr.org")
    assert [t.text for t in doc] == ["(", "the", "Paris", "Principles", ")", ",", "4", "the", "Content", ",", "12",
                                     "which", "Republic", "13", "and", "COVID-19", "and", "1,000",
                                     "and", "Principles", ".", "11", "and", "4.5", "and", "www.ohchr.org"]


@pytest.mark.filterwarnings("ignore::pipeline.stages.tag.tag.RuleOnlyTagging")
def test_tag_max_text_mb_raises_spacys_max_length(monkeypatch):
    from pipeline.model import Document, DocumentContext, Segmentation
    from pipeline.run.settings import Settings
    from pipeline.stages.tag import stage

    seen = []
    monkeypatch.setattr(stage, "tag_paragraphs", lambda paragraphs, nlp, *args: seen.append(nlp.max_length) or [])
    document = Document(segmentation=Segmentation([], [], [], []), context=DocumentContext())
    stage.run(document, Settings(model="none", max_text_bytes=5 * 1024 * 1024))
    assert seen == [5 * 1024 * 1024]
