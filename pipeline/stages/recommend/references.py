"""Recommendations a 2008-2009 report gives only by reference to the interactive dialogue.

"Other recommendations noted in the report in paragraphs 45, 55 and 63 (b) above did not
enjoy the support of Algeria": the recommendations are those the dialogue's paragraphs
report ("Canada recommended that Algeria review its Family Code", "It recommended (a) the
adoption of ...; (b) an increase of ..."). `referenced_recommendations(paragraphs)` finds
such sentences (a reference to paragraphs and a response, lists.py's lead sentences), and
reads each referenced paragraph: the lettered point "(b)" when the reference names one,
else every sentence that recommends. The recommending State is the one the paragraph
opens with ("The Czech Republic enquired ..."). The number is the reference as printed:
"26 (e)", "45".
"""

from __future__ import annotations

import re
from typing import Iterator

from pipeline.stages.recommend.lists import Found, lead_response, patterns, recommendation_text
from pipeline.stages.recommend.states import opening_state

REFERENCE_ITEM = re.compile(r"(?P<para>\d{1,3})\s*(?P<letters>(?:\(\s*[a-z]\s*\)(?:\s*(?:,|and|;)?\s*"
                            r"(?=\()\s*)?)*)")
LETTER = re.compile(r"\(([a-z])\)")
POINT = re.compile(r"(?:^|(?<=[\s;:,]))\(([a-z])\)\s")  # "(b) an increase of ..." in a dialogue paragraph
RECOMMENDS = re.compile(r"\b(?:recommended|recommends|urged|encouraged|called (?:up)?on)\b(?:\s+that)?\s*", re.I)
SENTENCE = re.compile(r"[^.]+(?:\.(?=\s+[A-Z])|\.?$)")


def referenced_recommendations(paragraphs: list[tuple[int, str]]) -> Iterator[Found]:
    """Each referenced recommendation once, with the response of the first lead that names it."""
    seen: set[tuple[int, int]] = set()
    for found in references(paragraphs):
        if (found.para, found.start_char) not in seen:
            seen.add((found.para, found.start_char))
            yield found


def references(paragraphs: list[tuple[int, str]]) -> Iterator[Found]:
    texts = dict(paragraphs)
    for para, text in paragraphs:
        for match in patterns().reference.finditer(text):
            response = lead_response(match.group(0))
            if response is None:
                continue
            for item in REFERENCE_ITEM.finditer(match["refs"]):
                referenced = int(item["para"])
                if referenced < para and referenced in texts:
                    letters = LETTER.findall(item["letters"] or "")
                    yield from paragraph_recommendations(referenced, texts[referenced], letters, response, para)


def paragraph_recommendations(para: int, text: str, letters: list[str], response: str,
                              response_para: int) -> Iterator[Found]:
    state = opening_state(text)
    states = (state,) if state is not None else ()
    for start, end, number in spans(para, text, letters):
        clean = recommendation_text(text, start, end, [])
        if clean:
            yield Found(para, number, start, end, clean, states, response, response_para)


def spans(para: int, text: str, letters: list[str]) -> Iterator[tuple[int, int, str]]:
    points = list(POINT.finditer(text))
    for letter in letters:
        for index, point in enumerate(points):
            if point[1] == letter:
                end = points[index + 1].start() if index + 1 < len(points) else len(text)
                end = min(end, sentence_end(text, point.end(), end))
                yield point.end(), end, f"{para} ({letter})"
    if letters:
        return
    for sentence in SENTENCE.finditer(text):
        recommends = RECOMMENDS.search(sentence.group(0))
        if recommends:
            yield sentence.start() + recommends.end(), sentence.end(), str(para)


def sentence_end(text: str, start: int, end: int) -> int:
    stop = re.compile(r"\.(?=\s+[A-Z])").search(text, start, end)
    return stop.start() if stop else end
