"""End matter: what follows a document's last numbered paragraph and is not its text.

Entry point: `annex_start(lines, content, after) -> position | None`. A Working Group report
ends with an annex ("Annex" / "Composition of the delegation" / the delegation list, an
attendance list); it is no part of the last paragraph, and a numbered list in it is no
continuation of the paragraph numbering.
"""

from __future__ import annotations

import re

from pipeline.model import Line

# A line that heads end matter, alone on its line: "Annex", "Annex II", "ANNEXES", "Appendix 1",
# "Composition of the delegation *", both on one line in a flattened extraction; capitalized (a sentence's "annex." wrapped onto a line is no heading).
END_MATTER_HEADING_RE = re.compile(
    r"^\s*(?=\S)(?:(?:annex(?:es)?|appendix)(?:\s+(?:[IVX]{1,5}|\d{1,2}))?)?\s*(?:composition of the delegations?)?\s*[:*]?\s*$",
    re.I,
)


def annex_start(lines: list[Line], content: list[int], after: int) -> int | None:
    """The position in `content` of the first end-matter heading after line index `after`
    (the first paragraph: a contents page lists the annex too)."""
    for k, index in enumerate(content):
        text = lines[index].text.strip()
        if index > after and text[:1].isupper() and END_MATTER_HEADING_RE.match(text):
            return k
    return None
