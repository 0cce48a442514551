"""Emit: nothing of the input is lost, and file names never leave the output folder."""

import json
import os
from collections import Counter

import pytest
from conftest import SEED, corpus_file, source_from_text

from pipeline.run.cli import main
from pipeline.outputs.emit import (
    block_records,
    coverage_warnings,
    line_claims,
    line_coverage,
    prepare_output_folder,
    source_record,
)
from pipeline.outputs.layout import output_stem
from pipeline.stages.furniture.furniture import mark_furniture
from pipeline.model import Document, Line
from pipeline.pipeline import process_document
from pipeline.stages.segment.segment import segment
from pipeline.run.settings import Settings

CORPUS_TEXTS = ["A-HRC-WG.6-32-AFG-1.txt", "A-HRC-WG.6-29-BHS-1.txt", "A-HRC-WG.6-43-FRA-1.txt",
                "A-HRC-14-10.macroman.txt"]


@pytest.fixture(scope="module", params=["seed"] + CORPUS_TEXTS)
def text_document(request):
    path = SEED if request.param == "seed" else corpus_file(request.param)
    return process_document(path, Settings())


def test_emit_line_coverage_adds_up_to_the_total(text_document):
    coverage = line_coverage(text_document)
    assert coverage["total"] > 0
    assert sum(n for role, n in coverage.items() if role != "total") == coverage["total"]
    assert coverage["unassigned"] == 0 and len(text_document.segmentation.unassigned) == 0


def test_emit_every_nonblank_line_is_claimed_exactly_once(text_document):
    claims = Counter(line for line, _role in line_claims(text_document))
    content = [line for line in text_document.source.lines if line.text.strip()]
    assert [line.number for line in content if claims[line] != 1] == []
    assert set(claims) == set(content)
    assert coverage_warnings(text_document) == []


def test_emit_paragraphs_and_blocks_together_hold_every_line(text_document):
    in_paragraphs = {line for p in text_document.segmentation.paragraphs for line in p.lines}
    blocks = block_records(text_document)
    block_text = Counter(text for b in blocks for text in b["text"].split("\n"))
    outside = Counter(line.text for line in text_document.source.lines if line.text.strip() and line not in in_paragraphs)
    assert block_text == outside
    assert [b["block"] for b in blocks] == list(range(1, len(blocks) + 1))


def test_emit_document_without_numbered_paragraphs_is_all_blocks():
    source = mark_furniture(source_from_text("""\
        Introduction

        The Government reported on its work.
        It acted on the recommendations.
        """))
    document = Document(source=source, segmentation=segment(source))
    assert [(b["kind"], b["text"]) for b in block_records(document)] == [
        ("front_matter", "Introduction"),
        ("front_matter", "The Government reported on its work.\nIt acted on the recommendations."),
    ]


ODD_IDS = ["../../x", "..", ".", "", "a/b", "a\\b", "x\x00y", "new\nline", ".hidden", "a b;rm -rf", "é" * 300,
           "x" * 151, "\u202eexe.txt"]


@pytest.mark.parametrize("doc_id", ODD_IDS, ids=repr)
def test_emit_output_stem_stays_inside_the_output_folder(doc_id, tmp_path):
    stem = output_stem(doc_id)
    assert stem and not stem.startswith(".") and "/" not in stem and "\\" not in stem
    assert all(ch.isalnum() or ch in "._-" for ch in stem)
    target = (tmp_path / "paragraphs" / f"{stem}.jsonl").resolve()
    assert target.parent == (tmp_path / "paragraphs").resolve() and len(target.name.encode()) <= 255


def test_emit_output_stem_keeps_ordinary_ids_and_separates_odd_ones():
    assert output_stem("A-HRC-WG.6-7-KAZ-1") == "A-HRC-WG.6-7-KAZ-1"
    assert output_stem("rapport-français") == "rapport-français"
    stems = [output_stem(doc_id) for doc_id in ODD_IDS + ["a_b", "a b", "a/b"]]
    assert len(set(stems)) == len(set(ODD_IDS + ["a_b", "a b"]))


def test_emit_odd_file_names_write_only_inside_the_output_folder(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    names = ["...txt", "a b;c.txt", "$(touch x).txt", "new\nline.txt", "\u202eright-to-left.txt"]
    for name in names:
        (inputs / name).write_text("1. The Government will act.\n\n2. Parliament agreed.\n")
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out)]) == 0
    per_document = [p.relative_to(out).parts for p in out.rglob("*")
                    if p.is_file() and p.parent not in (out, out / "schema")]
    assert sorted(parts[0] for parts in per_document) == sorted(["blocks", "paragraphs", "records"] * len(names))
    assert all(len(parts) == 2 for parts in per_document)  # nothing deeper: no name escaped its folder
    assert not [p for p in tmp_path.rglob("*") if p.is_file() and out not in p.parents and inputs not in p.parents]
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert sorted(r["doc_id"] for r in records) == sorted(name[: -len(".txt")] for name in names)


def test_emit_prepare_output_folder_removes_what_a_killed_write_left(tmp_path):
    stale = tmp_path / "paragraphs" / ".kaz.jsonl.x1y2z3.tmp"
    stale.parent.mkdir()
    stale.write_text('{"doc_id": "kaz", "para"')
    keep = tmp_path / "notes.tmp"
    keep.write_text("not ours")
    prepare_output_folder(tmp_path)
    assert not stale.exists() and keep.exists()


def test_emit_file_names_that_are_not_utf8_are_written_not_fatal(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    undecodable = inputs / os.fsdecode(b"caf\xe9.txt")
    undecodable.write_text("1. The Government will act.\n\n2. Parliament agreed.\n")
    (inputs / os.fsdecode(b"vide\xff.txt")).write_bytes(b"")
    out = tmp_path / "out"
    assert main(["run", str(inputs), "--out", str(out)]) == 1
    records = {r["doc_id"]: r for r in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    assert (records["caf\ufffd"]["status"], records["vide\ufffd"]["status"]) == ("ok", "failed")
    assert len(list((out / "paragraphs").glob("caf_-*.jsonl"))) == 1


def boxed_line(number, page, box):
    return Line(number=number, text="words", page=page, box=box)


def test_emit_source_boxes_are_the_union_of_the_lines_boxes_per_page():
    lines = [boxed_line(7, 2, (72.0, 700.0, 520.0, 712.0)), boxed_line(8, 2, (90.0, 714.0, 300.0, 726.0)),
             boxed_line(9, 3, (72.0, 80.0, 410.5, 92.0))]
    source = source_record("sub/report.pdf", lines)
    assert source["boxes"] == [{"page": 2, "x0": 72.0, "top": 700.0, "x1": 520.0, "bottom": 726.0},
                               {"page": 3, "x0": 72.0, "top": 80.0, "x1": 410.5, "bottom": 92.0}]
    assert source["line_boxes"][1] == {"line": 8, "page": 2, "x0": 90.0, "top": 714.0, "x1": 300.0, "bottom": 726.0}
    assert (source["file"], source["pages"], source["line_start"], source["line_end"]) == ("sub/report.pdf", [2, 3], 7, 9)


def test_emit_text_lines_have_no_boxes():
    assert "boxes" not in source_record("a.txt", [Line(number=1, text="words", page=1)])

