"""OCR repair fixer of split words: fragments that only make a word together,
"cooper ation", "mai ntai ned", "inter national" where the document writes
"international"."""

from __future__ import annotations

from functools import lru_cache

from pipeline.stages.clean.document_lexicon import DocumentLexicon
from pipeline.stages.clean.edits import Edit
from pipeline.stages.clean.known_words import KNOWN_ZIPF, is_domain, log_prob, zipf
from pipeline.stages.clean.reader import DocumentReader
from pipeline.stages.clean.tokens import Token, tokens

JOIN_MARGIN = 3.0  # joining split fragments must beat reading them apart
DOCUMENT_JOIN_MIN = 3  # two words join when the document writes them as one this often
GLUED_MAX_ZIPF = 2.5  # tokens this frequent are words, unless they split into "is a"


def fix_split_words(text: str, reader: DocumentReader) -> list[Edit]:
    """Join fragments that only make a word together: "cooper ation", "mai ntai ned"."""
    found = tokens(text)
    fragments = [is_fragment(token.text) for token in found]
    edits, i = [], 0
    while i < len(found):
        join = best_join(text, found, fragments, i, reader.lexicon)
        if join is None:
            i += 1
            continue
        count, joined = join
        edits.append(Edit(found[i].start, found[i + count - 1].end, joined, "split"))
        i += count
    return edits


def best_join(
    text: str, found: tuple[Token, ...], fragments: list[bool], i: int, lexicon: DocumentLexicon
) -> tuple[int, str] | None:
    """`fragments` says of each token whether it `is_fragment`."""
    best: tuple[float, int, str] | None = None
    if i + 1 < len(found) and not any(fragments[i : i + 3]):
        # The common case, decided cheaply: only the document can join two words.
        if not _document_joins(found[i : i + 2], found[i].text + found[i + 1].text.lower(), lexicon):
            return None
    for count in (2, 3):
        group = found[i : i + count]
        if len(group) < count or any(text[a.end : b.start] != " " for a, b in zip(group, group[1:])):
            break
        if group[0].start and text[group[0].start - 1] in "'’":
            break  # the "s" of "world's": a clitic, not a fragment
        if any(t.shape in ("upper", "mixed") for t in group[1:]):
            continue
        joined = group[0].text + "".join(t.text.lower() for t in group[1:])
        if not any(fragments[i : i + count]) and not _document_joins(group, joined, lexicon):
            continue
        if not (zipf(joined.lower()) >= KNOWN_ZIPF or is_domain(joined)):
            continue
        gain = (zipf(joined.lower()) - 9) - sum(log_prob(t.text) for t in group)
        if gain >= JOIN_MARGIN and (best is None or gain > best[0]):
            best = (gain, count, joined)
    return None if best is None else (best[1], best[2])


def _document_joins(group: list[Token], joined: str, lexicon: DocumentLexicon) -> bool:
    """Two words the document itself writes as one, often, and apart only here:
    "inter national" where "international" recurs."""
    if len(group) != 2 or lexicon.count(joined) < DOCUMENT_JOIN_MIN:
        return False
    return lexicon.pairs[(group[0].text.lower(), group[1].text.lower())] <= 1


@lru_cache(maxsize=262_144)
def is_fragment(word: str) -> bool:
    """Not a word on its own: "ation", "ntai", or a stray capital like the "M" of "M ethodology"."""
    if len(word) == 1:
        return word not in ("a", "A", "I")
    return not is_domain(word) and zipf(word.lower()) < GLUED_MAX_ZIPF
