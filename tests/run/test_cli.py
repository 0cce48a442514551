"""The command line: outputs, exit codes, clear errors, determinism."""

import json

import pytest

from conftest import SEED

from pipeline.run.cli import main
from pipeline.run.settings import PIPELINE_VERSION


def test_cli_seed_gives_205_paragraphs_with_sections(tmp_path):
    assert main(["run", str(SEED), "--out", str(tmp_path)]) == 0
    records = [json.loads(l) for l in (tmp_path / "paragraphs" / "A-HRC-WG.6-7-KAZ-1.jsonl").read_text().splitlines()]
    assert [r["para"] for r in records] == list(range(1, 206))
    assert all(r["section"] is not None for r in records)
    assert records[40]["subsection"] == {"id": "B", "title": "Right to privacy"}
    document = json.loads((tmp_path / "documents.jsonl").read_text())
    assert (document["status"], document["symbol"], document["paragraphs"]) == ("ok", "A/HRC/WG.6/7/KAZ/1", 205)


def test_cli_same_input_gives_the_same_bytes(tmp_path):
    for name in ("a", "b"):
        assert main(["run", str(SEED), "--out", str(tmp_path / name)]) == 0
    first = (tmp_path / "a" / "paragraphs" / "A-HRC-WG.6-7-KAZ-1.jsonl").read_bytes()
    assert first == (tmp_path / "b" / "paragraphs" / "A-HRC-WG.6-7-KAZ-1.jsonl").read_bytes()


def test_cli_bad_document_fails_alone_with_one_clear_line(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "good.txt").write_text("1. The Government will act.\n\n2. Parliament agreed.\n")
    assert main(["run", str(inputs), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "empty.txt: [E002]" in err
    records = {r["doc_id"]: r for r in map(json.loads, (tmp_path / "out" / "documents.jsonl").read_text().splitlines())}
    assert records["empty"]["status"] == "failed" and "empty" in records["empty"]["error"]
    assert records["good"]["status"] == "ok" and records["good"]["paragraphs"] == 2
    assert not (tmp_path / "out" / "paragraphs" / "empty.jsonl").exists()
    assert not list((tmp_path / "out").rglob("*.tmp"))


def test_cli_missing_path_is_a_usage_error(tmp_path):
    assert main(["run", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2


def test_cli_jobs_2_and_force_are_accepted(tmp_path, capsys):
    assert main(["run", str(SEED), "--out", str(tmp_path), "--jobs", "2"]) == 0
    assert main(["run", str(SEED), "--out", str(tmp_path), "--jobs", "2"]) == 0
    assert "1 unchanged and skipped" in capsys.readouterr().err
    assert main(["run", str(SEED), "--out", str(tmp_path), "--force"]) == 0
    assert "0 unchanged and skipped" in capsys.readouterr().err


@pytest.mark.parametrize("arguments", [["--jobs", "0"], ["--scheduler", "tcp://127.0.0.1:8786"], ["--executor", "spark"]])
def test_cli_bad_scale_options_are_usage_errors(tmp_path, arguments):
    with pytest.raises(SystemExit) as exit_info:
        main(["run", str(SEED), "--out", str(tmp_path), *arguments])
    assert exit_info.value.code == 2


def test_cli_version_names_the_pipeline_version(capsys):
    with pytest.raises(SystemExit) as exit_code:
        main(["--version"])
    assert exit_code.value.code == 0 and capsys.readouterr().out.strip() == f"upr-pipeline {PIPELINE_VERSION}"
