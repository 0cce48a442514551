"""Paragraph numbers: every line that could start a numbered paragraph, and the best
consecutive chain of them.

Entry point: `paragraph_chain(lines, content) -> {line index: (number, candidate)}`.

Numbers are read through OCR damage ("31l.", "4,", "1 This") and chosen as the longest
consecutive numbering sequence in the document, so a continuation line that starts with a
number ("2009, and ...") or a numbered list elsewhere (abbreviations, sub-headings that
restart at 1, recommendations listed inside a paragraph) is never taken for a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Line
from pipeline.patterns import SENTENCE_STOPS
from pipeline.stages.segment.outline import TRAILING_FOOTNOTE_RE

# A paragraph number as OCR leaves it: digits with look-alike letters, optional
# bracket before and punctuation after ("[11.", "31l.", "4,", "1 This", "5., 6., 7. Text").
PARA_NUMBER_RE = re.compile(
    r"^\s*[\[(]?(?P<num>[0-9][0-9lIOS|]{0,3}|[lI|][0-9]{1,3})(?P<punct>[.,:;]?)(?:,(?=\s))?(?:\s+|$)(?P<rest>.*)$"
)
MAX_PARAGRAPH_NUMBER = 10_000  # four digits: longer numbers are years, amounts or codes
OCR_DIGITS = str.maketrans({"l": "1", "I": "1", "|": "1", "O": "0", "S": "5"})
# A contents line ends in a dot leader and perhaps a page number ("Introduction ..... 3").
# Matched on the line's tail only (see `has_toc_leader`): searching the whole line
# with a `(\.\s?){4,}...$` pattern backtracks quadratically on long runs of dots.
TOC_LEADER_TAIL_RE = re.compile(r"(?:\.\s?){3}\.$")
# More numbers after a paragraph number, for replies that answer several at once ("5., 6., 7. Text").
NUMBER_RUN_RE = re.compile(r"(?:\d{1,3}\.,?\s+)*")
MORE_NUMBERS_RE = re.compile(r"(\d{1,3})\.")
# A line that ends a sentence, perhaps followed by a footnote number ("management.21").
LINE_ENDS_A_SENTENCE_RE = re.compile(rf"[{SENTENCE_STOPS}:;)\"”’']\d{{0,3}}\s*$")


@dataclass
class Candidate:
    index: int  # index into the document's lines
    values: tuple[int, ...]
    quality: int
    rest: str
    prefix_len: int
    more: tuple[int, ...] = ()  # numbers after the first on its line ("5., 6., 7. Text": 6, 7)


def paragraph_candidates(lines: list[Line], content: list[int]) -> list[Candidate]:
    found = []
    previous_text = ""
    for k, i in enumerate(content):
        after_blank = i > 0 and not lines[i - 1].text.strip()
        text = lines[i].text
        m = PARA_NUMBER_RE.match(text)
        # The number may stand alone on its line, its text on the next ("1." / "The Working Group ...").
        rest = m["rest"] if m and m["rest"] else following_text(lines, content, k) if m and m["punct"] == "." else ""
        if rest and not has_toc_leader(text):
            values = number_readings(m["num"])
            if values:
                quality = (2 if m["punct"] == "." else 0) + (1 if m["punct"] else 0)
                quality += 2 if (after_blank or not previous_text or LINE_ENDS_A_SENTENCE_RE.search(previous_text)) else 0
                quality += 1 if rest[:1].isupper() or rest[:1] in "\"“‘'(" else 0
                quality -= 4 if looks_like_title(rest) else 0
                more = tuple(int(n) for n in MORE_NUMBERS_RE.findall(NUMBER_RUN_RE.match(m["rest"]).group()))
                found.append(Candidate(i, values, quality, m["rest"], m.start("rest"), more))
        previous_text = text
    return without_nested_lists(found, lines, content)


def following_text(lines: list[Line], content: list[int], k: int) -> str:
    return lines[content[k + 1]].text.strip() if k + 1 < len(content) else ""


def without_nested_lists(found: list[Candidate], lines: list[Line], content: list[int]) -> list[Candidate]:
    """Drop lists numbered from 1 again inside a paragraph ("... the following recommendations:
    1. ... 2. ..."): they are items of that paragraph, not paragraphs.

    A restart counts as nested when numbers above 1 came before it and the line before it
    introduces a list: it ends with a colon, or it ends a sentence and the paragraph
    numbering takes up again after the list ("... enjoy the support of X. 1. ... 2. ...
    87. ..."). The list runs while its numbers follow on.
    """
    position = {index: k for k, index in enumerate(content)}
    kept: list[Candidate] = []
    highest, expected = 0, 0
    for n, cand in enumerate(found):
        if expected and expected in cand.values:
            expected += 1
            continue
        expected = 0
        k = position[cand.index]
        lead = lines[content[k - 1]].text.rstrip() if k > 0 else ""
        introduced = lead.endswith(":") or (
            bool(LINE_ENDS_A_SENTENCE_RE.search(lead)) and numbering_resumes(found, n, highest + 1)
        )
        if 1 in cand.values and introduced and highest >= 2:
            expected = 2
            continue
        kept.append(cand)
        highest = max(highest, *cand.values)
    return kept


def numbering_resumes(found: list[Candidate], start: int, resumed: int) -> bool:
    """The list opening at found[start] (1, 2, 3, ...) is followed by the number `resumed`."""
    expected = 1
    for cand in found[start:]:
        if expected in cand.values:
            expected += 1
        else:
            return resumed in cand.values
    return False


def has_toc_leader(text: str) -> bool:
    """True for a contents line: a dot leader at the end (then a page number), or an ellipsis run."""
    tail = text.rstrip().rstrip("0123456789").rstrip()
    return bool(TOC_LEADER_TAIL_RE.search(tail[-8:])) or "……" in text


def looks_like_title(rest: str) -> bool:
    """A short line with no closing punctuation: a numbered sub-heading, not a paragraph."""
    rest = TRAILING_FOOTNOTE_RE.sub("", rest.strip())
    return len(rest) < 60 and not LINE_ENDS_A_SENTENCE_RE.search(rest) and not rest.endswith(",")


def number_readings(token: str) -> tuple[int, ...]:
    """The numbers an OCR'd token may stand for: look-alikes mapped, or trailing junk dropped."""
    readings = []
    mapped = token.translate(OCR_DIGITS)
    if mapped.isdigit():
        readings.append(int(mapped))
    digits = re.match(r"\d+", token)
    if digits and digits.group() != mapped:
        readings.append(int(digits.group()))
    return tuple(dict.fromkeys(v for v in readings if 0 < v < MAX_PARAGRAPH_NUMBER))


def last_number(value: int, more: tuple[int, ...]) -> int:
    """The number the chain goes on from: the last of a run that follows `value` one by one."""
    return value + len(more) if more == tuple(range(value + 1, value + 1 + len(more))) else value


def paragraph_chain(lines: list[Line], content: list[int]) -> dict[int, tuple[int, Candidate]]:
    """The best run of consecutively numbered paragraph starts, as {line index: (number, candidate)}.

    Dynamic programming over candidates in line order: a candidate numbered v
    extends the best chain ending in v-1 (or v-2, v-3 at a cost, for numbers the
    OCR destroyed). Gains reward well-formed numbers, so a continuation line
    that happens to carry the right number loses to the real paragraph start.
    """
    candidates = paragraph_candidates(lines, content)
    best_ending: dict[int, tuple[int, int, int | None]] = {}  # value -> (score, candidate pos, prev key)
    nodes: list[tuple[int, int, int | None]] = []  # (score, value, previous node) per (candidate, value)
    node_of: dict[tuple[int, int], int] = {}
    for pos, cand in enumerate(candidates):
        gain = 10 + cand.quality
        for value in cand.values:
            score, previous = gain - 6 * (value - 1) if value < 4 else gain - 20, None
            for skip in (1, 2, 3):
                prior = best_ending.get(value - skip)
                if prior is not None:
                    extended = prior[0] + gain - 15 * (skip - 1)
                    if extended > score:
                        score, previous = extended, prior[2]
            node = len(nodes)
            nodes.append((score, value, previous))
            node_of[(pos, value)] = node
            last = last_number(value, cand.more)
            current = best_ending.get(last)
            if current is None or score >= current[0]:  # ties go to the later start
                best_ending[last] = (score, pos, node)
    if not nodes:
        return {}
    end = max(range(len(nodes)), key=lambda n: (nodes[n][0], -n))
    if nodes[end][0] < 20:  # a lone number is no numbering
        return {}
    pos_of_node = {node: pos for (pos, _value), node in node_of.items()}
    chain: dict[int, tuple[int, Candidate]] = {}
    node: int | None = end
    while node is not None:
        cand = candidates[pos_of_node[node]]
        chain[cand.index] = (nodes[node][1], cand)
        node = nodes[node][2]
    return chain
