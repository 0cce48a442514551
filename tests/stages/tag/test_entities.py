"""Entity ruler and cleaner on small hand-built texts (a blank pipeline: no model needed)."""

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.stages.tag.entities import add_entity_ruler, load_patterns

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def ruler_nlp():
    nlp = spacy.blank("en")
    add_entity_ruler(nlp)
    return nlp


def ents(nlp, text):
    return [(e.text, e.label_) for e in nlp(text).ents]


RULER_CASES = [
    ("at the Human Rights Council in Geneva", [("Human Rights Council", "ORG")]),
    ("headed by the Ministry of Justice and the Supreme Court", [("Ministry of Justice", "ORG"), ("Supreme Court", "ORG")]),
    ("the Ministry of Education and Science", [("Ministry of Education and Science", "ORG")]),
    ("ratified the Convention on the Rights of Persons with Disabilities and the Optional Protocol",
     [("Convention on the Rights of Persons with Disabilities", "TREATY"), ("Optional Protocol", "TREATY")]),
    ("the International Covenant on Economic, Social and Cultural Rights",
     [("International Covenant on Economic, Social and Cultural Rights", "TREATY")]),
    ("amendments to the Criminal Code", [("Criminal Code", "LAW")]),
    ("the law on the protection of the rights of the child was adopted",
     [("law on the protection of the rights of the child", "LAW")]),
    ("the 2009-2012 national plan of action on human rights in Kazakhstan and the budget",
     [("2009-2012 national plan of action on human rights in Kazakhstan", "PROGRAMME")]),
    ("the State Legal Policy Concept for the coming decade", [("State Legal Policy Concept", "PROGRAMME")]),
    ("the Raduga association of mothers of children with disabilities; the",
     [("Raduga association of mothers of children with disabilities", "ORG")]),
    ("the ILO Domestic Workers Convention, 2011 (No. 189) and", [("ILO Domestic Workers Convention, 2011 (No. 189)", "TREATY")]),
    ("see A/HRC/WG.6/7/KAZ/1 and CCPR/C/KAZ/CO/1.", [("A/HRC/WG.6/7/KAZ/1", "SYMBOL"), ("CCPR/C/KAZ/CO/1", "SYMBOL")]),
    ("approved by the Head of State", [("Head of State", "NOT_ENTITY")]),
    ("Title VI of the French Constitution", [("French Constitution", "LAW")]),
    ("Further, section 148B of the Act gives", []),
    ("the regulation on detainees and detention centres and it", [("regulation on detainees and detention centres", "LAW")]),
    ("second only to Barbados, which ranked", [("Barbados", "GPE")]),
    ("Canada and the United States of America on", [("Canada", "GPE"), ("United States of America", "GPE")]),
    ("the Bahamas’ Human Rights Commission met", [("Bahamas", "GPE"), ("Human Rights Commission", "ORG")]),
    ("• Correctional Services Act, 2014 – An Act to Provide for the custody of inmates.",
     [("Correctional Services Act, 2014", "LAW")]),
    ("the Act to Combat Online Hate Content of 24 June", [("Act to Combat Online Hate Content", "LAW")]),
    ("damaged by Hurricane Matthew in 2016", [("Hurricane Matthew", "NOT_ENTITY")]),
    ("it submitted its Sixth Periodic Report.", [("Sixth Periodic Report", "NOT_ENTITY")]),
    ("officers trained at the Regional Workshop on the UPR", [("Regional Workshop", "NOT_ENTITY"), ("UPR", "NOT_ENTITY")]),
    ("a programme entitled “Children of Kazakhstan for 2007-2011” was",
     [("Children of Kazakhstan for 2007-2011", "PROGRAMME")]),
    ('the programme "Healthy Living for 2008-2016" ran', [("Healthy Living for 2008-2016", "PROGRAMME")]),
    ("the “Stop Trafficking” campaign ran", [("Stop Trafficking", "PROGRAMME")]),
    ("the plan “to reduce poverty” was", []),
    ("a law amending legislation on the mass media", [("law amending legislation on the mass media", "LAW")]),
    ("under Government order No. 1116 of 2009", [("Government order No. 1116", "LAW")]),
    ("Law n. 13,104 defines femicide", [("Law n. 13,104", "LAW")]),
    ("Council resolution 5/1 and Decree No. 45", [("Decree No. 45", "LAW")]),
    ("the Marriage (Matrimony) and Family Code", [("Marriage (Matrimony) and Family Code", "LAW")]),
    ("the Sexual Offences (Amendment) Act was passed", [("Sexual Offences (Amendment) Act", "LAW")]),
    ("the Ministry of Justice (MoJ) and the Ministry of Health", [("Ministry of Justice", "ORG"), ("Ministry of Health", "ORG")]),
    ("ratified the United Nations Convention against Transnational Organized Crime",
     [("United Nations Convention against Transnational Organized Crime", "TREATY")]),
    ("and the Protocol to the International Labour Organization (ILO) Forced Labour Convention, 1930 (No. 29).",
     [("Protocol to the International Labour Organization (ILO) Forced Labour Convention, 1930 (No. 29)", "TREATY")]),
    ("under the Civil Procedure Rules and the Nelson Mandela Rules",
     [("Civil Procedure Rules", "LAW"), ("Nelson Mandela Rules", "TREATY")]),
    ("the Offences against the Person (Amendment) Bill and the Domestic Violence (Protection Orders) Act",
     [("Offences against the Person (Amendment) Bill", "LAW"), ("Domestic Violence (Protection Orders) Act", "LAW")]),
    ("reported to the Committee on the Elimination of Racial Discrimination",
     [("Committee on the Elimination of Racial Discrimination", "ORG")]),
]


@pytest.mark.parametrize("text, expected", RULER_CASES)
def test_entities_ruler_finds_domain_names(ruler_nlp, text, expected):
    assert ents(ruler_nlp, text) == expected


def test_entities_shape_hints_are_found_wherever_their_shape_matches():
    """Every shape matches one of these texts at least, and its hint is in each text it matches."""
    texts = [text for text, _ in RULER_CASES] + ["the Organic Law No. 12 of 6 November 2009 on", "the Constitution of 1995"]
    for path in sorted((ROOT / "raw").glob("*.txt")):
        texts += path.read_text(encoding="utf-8").split("\n\n")
    for shape in load_patterns().shapes:
        matched = [text for text in texts if shape.regex.search(text)]
        assert matched, shape.regex.pattern[:60]
        assert all(shape.hint.found_in(text) for text in matched), shape.regex.pattern[:60]


def test_entities_ruler_reads_a_configured_patterns_file(tmp_path):
    patterns = tmp_path / "patterns.jsonl"
    patterns.write_text(json.dumps({"label": "PROGRAMME", "pattern": "Bolashak"}) + "\n", encoding="utf-8")
    nlp = spacy.blank("en")
    add_entity_ruler(nlp, patterns_file=str(patterns), symbols=False)
    assert ents(nlp, "the Bolashak scholarship and A/HRC/10/1") == [("Bolashak", "PROGRAMME")]


def tagged_doc(words, tags, pos, iob):
    return Doc(spacy.blank("en").vocab, words=words, tags=tags, pos=pos, ents=iob)


@pytest.fixture(scope="module")
def cleaner():
    return spacy.blank("en").add_pipe("upr_entity_cleaner")


def test_entities_cleaner_drops_non_domain_labels_and_articles(cleaner):
    doc = tagged_doc(["the", "Supreme", "Court", "found", "53.4", "per", "cent"],
                     ["DT", "NNP", "NNP", "VBD", "CD", "IN", "NN"], ["DET", "PROPN", "PROPN", "VERB", "NUM", "ADP", "NOUN"],
                     ["B-ORG", "I-ORG", "I-ORG", "O", "B-MONEY", "I-MONEY", "I-MONEY"])
    assert [(e.text, e.label_) for e in cleaner(doc).ents] == [("Supreme Court", "ORG")]


def test_entities_cleaner_relabels_a_name_by_its_head_word(cleaner):
    doc = tagged_doc(["the", "State", "Legal", "Policy", "Concept"], ["DT", "NNP", "NNP", "NNP", "NNP"],
                     ["DET", "PROPN", "PROPN", "PROPN", "PROPN"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"])
    assert [(e.text, e.label_) for e in cleaner(doc).ents] == [("State Legal Policy Concept", "PROGRAMME")]


def test_entities_cleaner_reads_peoples_as_norp(cleaner):
    doc = tagged_doc(["Kazakhs", "and", "Kazakh", "children"], ["NNPS", "CC", "NNP", "NNS"],
                     ["PROPN", "CCONJ", "PROPN", "NOUN"], ["B-GPE", "O", "B-PERSON", "O"])
    assert [(e.text, e.label_) for e in cleaner(doc).ents] == [("Kazakhs", "NORP"), ("Kazakh", "NORP")]


def test_entities_cleaner_drops_a_body_named_by_its_kind_alone(cleaner):
    doc = tagged_doc(["The", "Commission", "met", "COVID-19", "patients"], ["DT", "NNP", "VBD", "NNP", "NNS"],
                     ["DET", "PROPN", "VERB", "PROPN", "NOUN"], ["O", "B-ORG", "O", "B-ORG", "O"])
    assert list(cleaner(doc).ents) == []


def test_entities_cleaner_drops_languages_listed_after_in(cleaner):
    doc = tagged_doc(["taught", "in", "Uzbek", ",", "Uighur", "or", "Kazakh", "schools"],
                     ["VBN", "IN", "NNP", ",", "NNP", "CC", "NNP", "NNS"],
                     ["VERB", "ADP", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "NOUN"],
                     ["O", "O", "B-NORP", "O", "B-PERSON", "O", "B-PERSON", "O"])
    assert [(e.text, e.label_) for e in cleaner(doc).ents] == [("Kazakh", "NORP")]


def test_entities_cleaner_drops_a_name_cut_short_to_common_words(cleaner):
    doc = tagged_doc(["Citizens", "of", "Kazakhstan", "vote"], ["NNPS", "IN", "NNP", "VBP"],
                     ["PROPN", "ADP", "PROPN", "VERB"], ["B-ORG", "I-ORG", "B-GPE", "O"])
    assert [(e.text, e.label_) for e in cleaner(doc).ents] == [("Kazakhstan", "GPE")]


@pytest.mark.parametrize("words, tags, ents, expected", [
    (["the", "Nurly", "Kosh", "programme"], ["DT", "NNP", "NNP", "NN"], ["O", "B-PERSON", "I-PERSON", "O"],
     [("Nurly Kosh", "PROGRAMME")]),
    (["the", "Bolashak", "overseas", "scholarship"], ["DT", "NNP", "JJ", "NN"], ["O", "B-NORP", "O", "O"],
     [("Bolashak", "PROGRAMME")]),
    (["a", "Healthy", "Diet", "drive"], ["DT", "NNP", "NNP", "NN"], ["O", "B-PERSON", "I-PERSON", "O"], []),
    (["at", "the", "Sorbonne", "."], ["IN", "DT", "NNP", "."], ["O", "O", "B-PERSON", "O"], []),
    (["Mr.", "Nowak", "came"], ["NNP", "NNP", "VBD"], ["O", "B-PERSON", "O"], [("Nowak", "PERSON")]),
    (["Navi", "Pillay", "came"], ["NNP", "NNP", "VBD"], ["B-PERSON", "I-PERSON", "O"], [("Navi Pillay", "PERSON")]),
])
def test_entities_cleaner_labels_persons_from_evidence(cleaner, words, tags, ents, expected):
    pos = ["PROPN" if t == "NNP" else "NOUN" if t == "NN" else "X" for t in tags]
    assert [(e.text, e.label_) for e in cleaner(tagged_doc(words, tags, pos, ents)).ents] == expected


def test_entities_ruler_reads_the_states_own_provinces_as_places(ruler_nlp):
    doc = ruler_nlp.make_doc("attacks in Minas Gerais and Amapá, and in Acre")
    doc._.state = "BRA"
    assert [(e.text, e.label_) for e in ruler_nlp(doc).ents] == [("Minas Gerais", "GPE"), ("Amapá", "GPE")]
    assert ents(ruler_nlp, "attacks in Minas Gerais") == []  # no State: no provinces
