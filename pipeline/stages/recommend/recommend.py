"""A Working Group report's recommendations as records (pipeline/records.py `Recommendation`).

`document_recommendations(paragraphs, about)`: the lists read by lists.py and the
recommendations given by reference to the dialogue (references.py), the States
normalized (states.py), classified (pipeline/classify: action category and themes), with the document's own fields (`about`:
doc_id, symbol, State under review, session, cycle) and, when the caller gives where each
paragraph's pages start, the pages of each recommendation. `upr_session(texts)` reads the
Working Group's session from the introduction ("held its fifth session from 4 to 15 May
2009"), `cycle(session)` the review cycle it belongs to.
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from pipeline.classify.recommendations import classify_recommendations
from pipeline.resources import data_json
from pipeline.stages.recommend.lists import DATA, find_recommendations
from pipeline.stages.recommend.references import referenced_recommendations

# Where a paragraph's pages start: (offset into its text, page), in order.
PageStarts = Sequence[tuple[int, int]]
CYCLE_SESSIONS = 14  # sessions 1-12 were the first cycle, then 14 sessions a cycle (13-26, 27-40, ...)


def document_recommendations(paragraphs: Iterable[tuple[int, str]], about: dict[str, Any] | None = None,
                             pages: dict[int, PageStarts] | None = None) -> list[dict[str, Any]]:
    paragraphs = list(paragraphs)
    found = sorted([*find_recommendations(paragraphs), *referenced_recommendations(paragraphs)],
                   key=lambda item: (item.para, item.start_char))
    classes = classify_recommendations([item.text for item in found])
    return [
        {
            **(about or {}),
            "para": item.para,
            "number": item.number,
            "text": item.text,
            "recommending_states": [{"name": state.name, "iso3": state.iso3} for state in item.states],
            "response": item.response,
            "response_para": item.response_para,
            "action_category": classes[index].action_category,
            "themes": [theme.label for theme in classes[index].themes],
            "start_char": item.start_char,
            "end_char": item.end_char,
            "pages": span_pages((pages or {}).get(item.para, ()), item.start_char, item.end_char),
        }
        for index, item in enumerate(found)
    ]


def span_pages(starts: PageStarts, start: int, end: int) -> list[int]:
    """The pages a span of a paragraph's text lies on."""
    before = [page for offset, page in starts if offset <= start][-1:]
    inside = [page for offset, page in starts if start < offset < end]
    return sorted(set(before + inside))


def upr_session(texts: Iterable[str]) -> int | None:
    data = data_json(DATA)
    pattern = re.compile(data["session"], re.I)
    ordinals = {word: number for number, word in enumerate(data["ordinals"], start=1)}
    for text in texts:
        match = pattern.search(text)
        if match:
            word = match["session"].lower()
            return int(word) if word.isdigit() else ordinals.get(word.replace(" ", "-"))
    return None


def cycle(session: int | None) -> int | None:
    if session is None:
        return None
    return 1 if session <= 12 else 2 + (session - 13) // CYCLE_SESSIONS
