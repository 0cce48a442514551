"""An addendum's answers to the recommendations of its report, by number.

An addendum (A/HRC/19/12/Add.1) gives the State's later answer to recommendations its
report left "to be examined": "Recommendations 94.1, 94.3 and 94.7 to 94.9 are accepted.",
"94.2 - Noted", "Algeria does not accept recommendation 129.4". `addendum_answers`
reads each sentence (or table row) that names numbers "NN.k" and states a response (the
lead sentences of lists.py, or the bare words "accepted", "supported", "noted",
"rejected"), and gives one answer per number: {number, response, para}. A sentence that
states a response and names no number carries it to the numbers of the next one ("The
following recommendations are accepted: 94.1, 94.2."). The executor links the answers to
the report whose symbol the addendum's starts with (pipeline/outputs/tables.py
`addendum_answers`).
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from pipeline.patterns import ADDENDUM_SYMBOL_RE
from pipeline.stages.recommend.lists import lead_response

SENTENCE_END = re.compile(r"(?<=[.;:])\s+(?=[A-Z\d])|\n")
NUMBERED = re.compile(r"\b(?P<main>\d{1,3})\.(?P<sub>\d{1,3})\b(?:\s*(?:-|–|to)\s*(?:(?P=main)\.)?(?P<last>\d{1,3})\b)?")
BARE_WORDS = [("noted", re.compile(r"\b(?:not accepted|not supported|noted|rejected)\b", re.I)),
              ("supported", re.compile(r"\b(?:accepted|supported|accepts|supports)\b", re.I))]


def is_addendum(symbol: str | None) -> bool:
    return bool(symbol and ADDENDUM_SYMBOL_RE.match(symbol))


def sentence_response(text: str) -> str | None:
    response = lead_response(text)
    if response is not None:
        return response
    for name, pattern in BARE_WORDS:
        if pattern.search(text):
            return name
    return None


def addendum_answers(paragraphs: Iterable[tuple[int, str]]) -> list[dict[str, Any]]:
    answers: dict[str, dict[str, Any]] = {}
    for para, text in paragraphs:
        carried = None
        for sentence in SENTENCE_END.split(text):
            numbers = list(NUMBERED.finditer(sentence))
            response = sentence_response(NUMBERED.sub(" ", sentence)) or (carried if numbers else None)
            if not numbers:
                carried = sentence_response(sentence)
                continue
            if response is None:
                continue
            for match in numbers:
                last = int(match["last"] or match["sub"])
                for sub in range(int(match["sub"]), max(last, int(match["sub"])) + 1):
                    answers[f"{match['main']}.{sub}"] = {"number": f"{match['main']}.{sub}", "response": response,
                                                          "para": para}
    return list(answers.values())
