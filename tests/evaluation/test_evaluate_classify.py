"""The classify section of `make eval`: its lines and the skip without UPR Info's export."""

from evaluation.evaluate_classify import evaluate_classify, figure_line
from pipeline.classify import uprinfo


def test_evaluate_classify_skips_with_a_note_without_the_export(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv(uprinfo.FOLDER_VARIABLE, str(tmp_path / "absent"))
    evaluate_classify()
    assert "skipped: no UPR Info export" in capsys.readouterr().out


def test_evaluate_classify_line_shows_the_figure_beside_the_recorded_one():
    line = figure_line("themes", {"micro_f1": 0.8895}, {"micro_f1": 0.89})
    assert "micro_f1 0.8895" in line and "recorded at training 0.8900" in line
