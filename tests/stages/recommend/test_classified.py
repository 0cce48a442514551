"""Each recommendation record carries the classify models' action category and themes."""

from pipeline.stages.recommend.recommend import document_recommendations

LIST = ("96. The following recommendations will be examined by Testland:\n"
        "96.1. Ratify the Convention against Torture (France);\n"
        "96.2. Continue its efforts to combat poverty (Brazil);")


def test_classified_recommendations_have_an_action_category_and_themes():
    records = document_recommendations([(96, LIST)])
    assert [(r["number"], r["action_category"]) for r in records] == [("96.1", 5), ("96.2", 2)]
    assert "Torture and other CID treatment" in records[0]["themes"]
    assert all(isinstance(theme, str) for r in records for theme in r["themes"])
