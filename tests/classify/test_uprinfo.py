"""UPR Info's rows: one per recommendation, split by session."""

from pipeline.classify import uprinfo

HEADER = "To,Text,From,Response,Action,Issue,Session\n"


def test_read_recommendations_keeps_one_row_per_recommendation(tmp_path):
    (tmp_path / "recommendations_sessions_14-17.csv").write_text(
        HEADER
        + 'Chad,"Ratify  the CAT ",France,Accepted,5,"Torture and other CID treatment,International instruments",17\n'
        + 'Chad,Ratify the CAT,Spain,Accepted,5,International instruments,17\n'
        + "Chad,Continue its efforts,Mali,Accepted,2,General,16\n", encoding="utf-8")
    (tmp_path / "recommendations_sessions_17-20.csv").write_text(
        HEADER + "Chad,Ratify the CAT,France,Accepted,5,International instruments,17\n", encoding="utf-8")
    rows = uprinfo.read_recommendations(tmp_path)
    assert [(r.session, r.text, r.action) for r in rows] == [(17, "Ratify the CAT", 5), (16, "Continue its efforts", 2)]
    assert rows[0].themes == ("International instruments", "Torture and other CID treatment")
    train, test = uprinfo.train_test(rows)
    assert [r.session for r in train] == [16] and [r.session for r in test] == [17]


def test_validation_mask_is_fixed_and_about_its_share():
    mask = uprinfo.validation_mask(10_000)
    assert (mask == uprinfo.validation_mask(10_000)).all()
    assert abs(mask.mean() - uprinfo.VALIDATION_SHARE) < 0.02
