"""The action category of a recommendation on UPR Info's 1-5 scale, by a documented rule.

1 addressed to other States or asking for assistance, 2 continuing action ("Continue",
"Pursue", "Maintain"), 3 considering action ("Consider", "Review", "Study"), 4 general
action (the default: "Take measures", "Ensure", "Strengthen"), 5 specific action ("Ratify",
"Adopt", "Establish"). The rule reads the leading verb, after an old-style opening ("That
Algeria", "Recommends that the State") and adverbs ("Fully", "Effectively"), in
pipeline/data/action_verbs.tsv, or its first two words where they differ ("Adopt measures"
is 4, "Adopt" 5); a request for assistance or cooperation from others anywhere in the text
("seek technical assistance", "with the support of the international community") is 1.
"""

from __future__ import annotations

import re

from pipeline.resources import data_rows, loaded_once

VERBS_FILE = "action_verbs.tsv"
DEFAULT_CATEGORY = 4
LEADING_WORDS = {"recommends", "recommend", "recommended", "encourages", "it", "also", "to", "and"}
NAME_WORDS = {"of", "the", "and"}  # lowercase words inside a subject: "That the Republic of Korea consider"
ASSISTANCE = re.compile(r"\b(?:seek|request|call (?:up)?on|appeal to)\b[^.;]{0,60}\b(?:assistance|support|cooperation)"
                        r"|\binternational community\b[^.;]{0,40}\b(?:assist|support|help)", re.I)


@loaded_once
def verb_categories() -> dict[str, int]:
    return {verb: int(category) for verb, category in (row.strip().split("\t") for row in data_rows(VERBS_FILE))}


def action_category(text: str) -> int | None:
    """1-5 by the rule above; None for an empty text."""
    words = leading_verb_onwards(text.split())
    if not words:
        return None
    if ASSISTANCE.search(text):
        return 1
    verbs = verb_categories()
    opening = " ".join(word.lower().strip(",.;:\"“”") for word in words[:2])
    if opening in verbs:
        return verbs[opening]  # "Adopt measures" (4) is not "Adopt" (5)
    for word in words[:3]:
        word = word.lower().split("/")[0].strip(",.;:\"“”")  # "Sign/Ratify": the first verb
        if word.endswith("ly") and word not in verbs:
            continue  # "Fully implement", "Effectively ..."
        return verbs.get(word, DEFAULT_CATEGORY)
    return DEFAULT_CATEGORY


def leading_verb_onwards(words: list[str]) -> list[str]:
    """The words from the leading verb on: "Recommends that Algeria take ..." -> ["take", ...]."""
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    if words and words[0].lower() == "that":
        words = words[1:]
        while words and (words[0][:1].isupper() or words[0] in NAME_WORDS):
            words = words[1:]
    return words
