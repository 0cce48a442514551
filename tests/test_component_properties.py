"""Property tests (hypothesis): every component, fed real paragraphs of ../shared with random
damage, raises nothing.

The paragraphs are the Working Group reports' text lines (each a whole paragraph there); the
damage is what real inputs do to them: tokens cut off, footnote numbers glued to words and
years, statistics tables flattened into runs of numbers, sentences of other languages. Each
example goes through clean, tag (every spaCy component) and commit, all strict: any
exception fails the test and names the component. About 30 s for the lot.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.model import Paragraph
from pipeline.run.settings import Settings
from pipeline.stages.clean.clean import clean_paragraphs
from pipeline.stages.commit.commit import find_commitments
from pipeline.stages.tag.tag import load_nlp, tag_paragraphs

SHARED_TEXTS = ROOT.parent / "shared" / "wg-reports" / "txt"
TEXT_EVERY = 16  # every n-th report gives its paragraphs (12 of 198)
MIN_PARAGRAPH = 80  # characters: shorter lines are headings and furniture
EXAMPLES = 60
DOCUMENT_DATE = date(2014, 11, 4)
PROPERTY = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TABLE_CELLS = ["-89,3", "12,5", "1 234", "56.7", "%", "0", "—", "2019", "2020", "n/a", "(3)", "+4,1", "15 880 600"]
FOREIGN = [
    "Toutefois, le Gouvernement a adopté une loi en 2019.",
    "El Estado se compromete a ratificar la Convención.",
    "Правительство приняло закон о защите детей.",
    "وقد اعتمدت الحكومة خطة عمل وطنية",
    "Die Regierung wird das Gesetz 2021 ändern.",
]


@lru_cache(maxsize=None)
def shared_paragraphs() -> tuple[str, ...]:
    files = sorted(SHARED_TEXTS.glob("*.txt"))[::TEXT_EVERY]
    lines = (line.strip() for path in files for line in path.read_bytes().decode("cp1252", "replace").splitlines())
    return tuple(line for line in lines if len(line) >= MIN_PARAGRAPH)


def cut_tokens(text: str, data: st.DataObject) -> str:
    start = data.draw(st.integers(0, len(text)))
    return text[:start] + text[data.draw(st.integers(start, len(text))):]


def glued_digits(text: str, data: st.DataObject) -> str:
    at = data.draw(st.integers(0, len(text)))
    return text[:at] + data.draw(st.sampled_from([".17", "48", ",4", "2023.37", "–202548", ")12"])) + text[at:]


def flattened_table(text: str, data: st.DataObject) -> str:
    at = data.draw(st.integers(0, len(text)))
    cells = data.draw(st.lists(st.sampled_from(TABLE_CELLS), min_size=1, max_size=30))
    return text[:at] + " " + " ".join(cells) + " " + text[at:]


def mixed_language(text: str, data: st.DataObject) -> str:
    at = data.draw(st.integers(0, len(text)))
    return text[:at] + " " + data.draw(st.sampled_from(FOREIGN)) + " " + text[at:]


DAMAGE = [cut_tokens, glued_digits, flattened_table, mixed_language]


@pytest.fixture(scope="module")
def nlp():
    if not SHARED_TEXTS.is_dir():
        pytest.skip(f"the shared Working Group reports are absent ({SHARED_TEXTS}): nothing real to perturb")
    return load_nlp(Settings().model)


@PROPERTY
@given(data=st.data())
def test_every_component_takes_damaged_real_paragraphs(nlp, data):
    texts = [data.draw(st.sampled_from(shared_paragraphs())) for _ in range(data.draw(st.integers(1, 3)))]
    for index, text in enumerate(texts):
        for damage in data.draw(st.lists(st.sampled_from(DAMAGE), min_size=1, max_size=3)):
            texts[index] = damage(texts[index], data)
    paragraphs = [Paragraph(para=n, section=None, subsection=None, raw=text, body=text, lines=[])
                  for n, text in enumerate(texts, start=1)]
    clean_paragraphs(paragraphs)
    docs = tag_paragraphs(paragraphs, nlp, DOCUMENT_DATE)
    find_commitments(paragraphs, nlp, DOCUMENT_DATE, dates=[p.dates for p in paragraphs], docs=docs)
