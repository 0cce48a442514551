"""Context stage: what a document is, read once right after segmentation.

Entry point: `read_context(source, abbreviations) -> DocumentContext`: the symbol, the
State under review, document type, original language, session, the date the document
speaks from and where that date came from, and the document's list of abbreviations.
The tag and commit stages get it passed; documents.jsonl writes it as `context`.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterator, Sequence

import pycountry

from pipeline.model import Abbreviation, DocumentContext, SourceDocument, State
from pipeline.states import state_names
from pipeline.stages.context.metadata import (cover_lines, country, distribution_date, document_type,
                                              find_symbol, original_language, session)
from pipeline.stages.tag.dates import FULL_DATE, parse_calendar_date

DISTRIBUTION_DATE = "distribution date"
APPROVAL_DATE = "approval date"
APPROVAL_RE = re.compile(rf"\b(?:approved|adopted|finali[sz]ed|validated|endorsed)\b[^.]{{0,80}}?\bon\s+({FULL_DATE})")
# The State's ISO code in a review document's symbol: A/HRC/WG.6/7/KAZ/1.
STATE_CODE_RE = re.compile(r"/WG\.6/\d+/([A-Z]{3})/")


def read_context(source: SourceDocument, abbreviations: Sequence[Abbreviation] = ()) -> DocumentContext:
    cover = cover_lines(source)
    symbol = find_symbol(source)
    document_date, date_source = find_document_date(source, cover)
    return DocumentContext(
        symbol=symbol,
        state=state_from_symbol(symbol) or state_from_cover(cover),
        document_type=document_type(cover),
        language=original_language(cover),
        session=session(cover),
        document_date=document_date,
        date_source=date_source,
        abbreviations=tuple(abbreviations),
    )


def find_document_date(source: SourceDocument, cover: list[str] | None = None) -> tuple[date | None, str | None]:
    """The date a document speaks from, and where it came from: its distribution date on
    the cover, else the date it says it was approved."""
    distributed = distribution_date(cover_lines(source) if cover is None else cover)
    if distributed is not None:
        return distributed, DISTRIBUTION_DATE
    m = APPROVAL_RE.search(" ".join(line.text.strip() for line in source.lines))
    interval = parse_calendar_date(m[1]) if m else None
    return (interval.start, APPROVAL_DATE) if interval is not None else (None, None)


def state_from_symbol(symbol: str | None) -> State | None:
    m = STATE_CODE_RE.search(symbol or "")
    found = pycountry.countries.get(alpha_3=m[1]) if m else None
    return State(un_name(found), found.alpha_3, "symbol") if found is not None else None


def state_from_cover(cover: list[str]) -> State | None:
    name = country(cover)
    return State(name, None, "cover") if name is not None else None


def un_name(found) -> str:
    """The State's name as UN documents write it (pipeline/data/countries.txt), else ISO's."""
    names = state_names()
    for name in iso_spellings(found):
        key = name.lower().replace("'", "’")
        if key in names:
            return names[key]
    return found.name


def iso_spellings(found) -> Iterator[str]:
    """ISO's names of a State and their UN word orders: "Bolivia, Plurinational State of" is
    "Bolivia (Plurinational State of)", "Korea, Republic of" is "Republic of Korea"."""
    yield found.name
    if ", " in found.name:
        head, qualifier = found.name.split(", ", 1)
        yield f"{head} ({qualifier})"
        yield re.sub(r"^the ", "", f"{qualifier} {head}", flags=re.I)
    for attribute in ("official_name", "common_name"):
        if name := getattr(found, attribute, None):
            yield re.sub(r"^the ", "", name, flags=re.I)
    yield re.sub(r"\s*\(.*\)$", "", found.name)  # "Holy See (Vatican City State)"
