"""The structure of real documents in ../shared: endnotes, annexes and glued footnote numbers
(segmentation only, so cheap; skipped with the reason when ../shared is absent)."""

import functools
import re

import pytest
from conftest import CORPUS, corpus_file

from pipeline.run.settings import Settings
from pipeline.stages.furniture.furniture import mark_furniture
from pipeline.stages.ingest.ingest import ingest
from pipeline.stages.segment.segment import segment

WG_REPORTS = CORPUS.parent / "wg-reports" / "txt"
# Text extractions with an endnote block: (file, paragraphs, notes), counted by hand in the files.
ENDNOTED = [
    ("A-HRC-WG.6-28-UKR-1.txt", 185, 15),
    ("A-HRC-WG.6-41-BRA-2.txt", 69, 115),
    ("A-HRC-WG.6-47-CRI-3.txt", 93, 132),
    ("A-HRC-WG.6-29-BRB-3.txt", 19, 72),
    ("A-HRC-WG.6-32-AFG-1.txt", 160, 61),
]
# Working Group reports whose annex followed the last paragraph; (file, last paragraph).
ANNEXED = [("A-HRC-14-10.pdf", 98), ("A-HRC-28-15.pdf", 116), ("A-HRC-14-10.macroman.txt", 98)]
WG_SAMPLE = ["algeria2008.txt", "slovakia2009.txt", "zambia2008.txt", "jordan2009.txt"]
NOTE_BLOCK_RE = re.compile(r"(^|\n)\s*Notes\s*\n\s*1\s")


@functools.cache  # two tests read each document
def segmented(path):
    return segment(mark_furniture(ingest(path, Settings())))


@pytest.mark.parametrize(("name", "paragraphs", "notes"), ENDNOTED)
def test_corpus_structure_endnotes_are_footnotes_and_the_last_paragraph_is_right(name, paragraphs, notes):
    seg = segmented(corpus_file(name))
    assert [p.para for p in seg.paragraphs] == list(range(1, paragraphs + 1))
    assert [f.number for f in seg.footnotes] == list(range(1, notes + 1))
    assert not any(NOTE_BLOCK_RE.search(p.body) for p in seg.paragraphs)


@pytest.mark.parametrize(("name", "paragraphs", "notes"), ENDNOTED)
def test_corpus_structure_glued_footnote_numbers_link_to_their_notes(name, paragraphs, notes):
    seg = segmented(corpus_file(name))
    marked = [m.number for p in seg.paragraphs for m in p.footnote_marks]
    assert marked == sorted(marked) and len(set(marked)) == len(marked)
    assert len(marked) >= 0.25 * notes  # the rest in headings, or not glued
    assert all({m.number for m in p.footnote_marks} <= {f.number for f in p.footnotes} for p in seg.paragraphs)


@pytest.mark.parametrize(("name", "last"), ANNEXED)
def test_corpus_structure_the_annex_is_not_the_last_paragraph(name, last):
    seg = segmented(corpus_file(name))
    assert seg.paragraphs[-1].para == last
    assert "delegation" not in seg.paragraphs[-1].body
    assert any("Composition of the delegation" in line.text for line in seg.annex)


@pytest.mark.parametrize("name", WG_SAMPLE)
def test_corpus_structure_working_group_reports_end_with_their_closing_paragraph(name):
    path = WG_REPORTS / name
    if not path.exists():
        pytest.skip(f"shared Working Group reports not available: {path} is absent")
    seg = segmented(path)
    assert [p.para for p in seg.paragraphs] == list(range(1, len(seg.paragraphs) + 1))
    assert " ".join(seg.paragraphs[-1].body.split()).startswith("All conclusions and/or recommendations")
    assert seg.annex
