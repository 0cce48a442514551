"""One layout for every writer and reader of an output folder."""

import pytest

from pipeline.outputs.layout import OutputLayout, output_stem
from pipeline.run.cli import main

ODD_NAME = "UPR report 2019"


@pytest.fixture(scope="module")
def odd_name_output(tmp_path_factory):
    """A run over an input whose name is not a safe file name (a space), rules only."""
    inputs = tmp_path_factory.mktemp("in")
    (inputs / f"{ODD_NAME}.txt").write_text("1. The Government will act by 2020.\n\n2. Parliament agreed.\n")
    out = tmp_path_factory.mktemp("out")
    assert main(["run", str(inputs), "--out", str(out), "--model", "none", "--jobs", "1"]) == 0
    return out


def test_layout_names_odd_documents_with_a_safe_stem(odd_name_output):
    layout = OutputLayout(odd_name_output)
    assert output_stem(ODD_NAME) != ODD_NAME
    assert layout.paragraphs(ODD_NAME).exists() and layout.blocks(ODD_NAME).exists()
    assert layout.record(ODD_NAME).exists()


def test_layout_report_finds_the_paragraphs_of_an_odd_name(odd_name_output):
    assert main(["report", "--out", str(odd_name_output)]) == 0
    pages = [p for p in OutputLayout(odd_name_output).report.glob("*.html") if p.name != "index.html"]
    page = pages[0].read_text()
    assert "not found" not in page and page.count('<article class="para"') == 2


def test_layout_show_finds_the_paragraph_of_an_odd_name(odd_name_output, capsys):
    assert main(["show", ODD_NAME, "2", "--out", str(odd_name_output)]) == 0
    assert "Parliament agreed." in capsys.readouterr().out


def test_layout_stale_temporary_files_in_every_folder_and_only_ours(tmp_path):
    layout = OutputLayout(tmp_path)
    stale = [tmp_path / ".documents.jsonl.ab12.tmp", layout.paragraphs("kaz").parent / ".kaz.jsonl.x1.tmp",
             layout.record("kaz").parent / ".kaz.json.y2.tmp", layout.report / ".index.html.z3.tmp"]
    for path in stale:
        path.parent.mkdir(exist_ok=True)
        path.write_text("half")
    (tmp_path / "notes.tmp").write_text("not ours")
    assert sorted(layout.stale_temporary_files()) == sorted(stale)
