"""Recommendations a 2008-2009 report gives by reference to the dialogue's paragraphs."""

from pipeline.stages.recommend.recommend import document_recommendations

DIALOGUE_LETTERED = ("The Czech Republic enquired about measures against torture. It recommended (a) the adoption of "
                     "further measures to fight impunity; (b) an increase of resources for the judiciary; and (c) "
                     "accession to the Optional Protocol to the Convention against Torture.")
DIALOGUE_SENTENCES = ("Canada requested information on the Family Code. Canada recommended that Algeria review its "
                      "Family Code. It also recommended that Algeria lift its reservations to CEDAW.")
REFERENCE = ("The recommendations noted in the report in paragraphs 26 (b) and (c) and 45 above did not enjoy the "
             "support of Algeria. Other recommendations noted in paragraph 26 (b) will be examined by Algeria.")
COMMENTS = ("The recommendations noted in the report in paragraph 45 above did not enjoy the support of Algeria: "
            "1. With regard to recommendations concerning the Family Code (Canada), Algeria indicated that it was "
            "under review (Canada).")


def test_references_lettered_points_and_recommending_sentences():
    records = document_recommendations([(26, DIALOGUE_LETTERED), (45, DIALOGUE_SENTENCES), (70, REFERENCE)])
    assert [(r["para"], r["number"], r["response"], r["response_para"]) for r in records] == [
        (26, "26 (b)", "noted", 70), (26, "26 (c)", "noted", 70), (45, "45", "noted", 70), (45, "45", "noted", 70)]
    assert records[0]["text"] == "an increase of resources for the judiciary"
    assert records[3]["text"] == "Algeria lift its reservations to CEDAW"
    assert {r["recommending_states"][0]["iso3"] for r in records} == {"CZE", "CAN"}


def test_references_the_comments_after_such_a_lead_are_no_recommendations():
    records = document_recommendations([(45, DIALOGUE_SENTENCES), (70, COMMENTS)])
    assert [r["para"] for r in records] == [45, 45]
