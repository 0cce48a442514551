"""The voluntary-pledge benchmark: which pledges state an action, what counts as detected, and a clean skip."""

import pytest

from evaluation.pledge_benchmark import Pledge, evaluate_pledges, found_kinds, load_pledges, miss_category, states_an_action
from pipeline.run.settings import Settings
from pipeline.stages.tag.tag import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Settings().model)


@pytest.mark.parametrize("text, action, kept", [
    ("The Government will launch a national human rights awareness campaign.", "5", True),
    ("Albania was considering accepting the individual complaints procedure.", "3", True),
    ("Undertake a periodic review of its reservations to other treaties.", "3", False),
    ("To carry out an annual review of the human rights situation in the country.", "5", False),
    ("Designing schools that are in tune with the wider world", "4", False),
    ("The Government calls on the international community to support its efforts.", "1", False),
])
def test_pledge_benchmark_keeps_the_pledges_that_state_an_action(text, action, kept, nlp):
    assert states_an_action(Pledge("Albania", text, action), nlp) is kept


def test_pledge_benchmark_reads_a_pledge_as_its_states_working_group_report(nlp):
    assert found_kinds(Pledge("Albania", "Albania was considering accepting the complaints procedure.", "3"), nlp) == [
        "pending"]
    assert found_kinds(Pledge("Albania", "The delegation said that Albania would ratify the Convention.", "5"), nlp) == [
        "pledge"]


def test_pledge_benchmark_names_the_category_of_a_miss():
    assert miss_category(Pledge("Chad", "Chad reaffirmed its commitment to peace.", "4"), []).startswith("commitment")
    assert miss_category(Pledge("Chad", "Chad welcomes a visit.", "4"), ["need"]) == "only a stated need"
    assert miss_category(Pledge("Chad", "Chad welcomes a visit.", "4"), []) == "other wording"


def test_pledge_benchmark_reads_the_csv_and_skips_cleanly_without_it(tmp_path, capsys):
    csv_file = tmp_path / "pledges.csv"
    csv_file.write_text('To,Text,Action\nChad,"Chad will build\n schools.",5\n', encoding="utf-8")
    assert load_pledges(csv_file) == [Pledge("Chad", "Chad will build schools.", "5")]
    evaluate_pledges(path=tmp_path / "absent.csv")
    assert "skip" in capsys.readouterr().out
