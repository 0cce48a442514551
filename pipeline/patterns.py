"""Regular expressions shared by several stages: document symbols, bullets, abbreviations,
month names, sentence ends, and the page furniture (job numbers, page labels)."""

from __future__ import annotations

import re

# UN document symbols: A/HRC/WG.6/7/KAZ/1, A/HRC/14/10, CCPR/C/KAZ/CO/1, CEDAW/C/KAZ/CO/2, ...
SYMBOL_RE = re.compile(
    r"\b(?:A/HRC|A/RES|A/C\.\d|A|E/CN\.\d+|E/C\.12|CCPR/C|CERD/C|CEDAW/C|CRC/C|CAT/C|CMW/C|CRPD/C|CED/C|"
    r"HRI/(?:CORE|GEN))(?:/[A-Za-z0-9.\-]+)+"
)
# An addendum's symbol, and the symbol of the report it adds to: A/HRC/19/12/Add.1 -> A/HRC/19/12.
ADDENDUM_SYMBOL_RE = re.compile(r"^(?P<report>.+)/Add\.\d+$")
# A line that is nothing but a symbol (the running header of a UN document page).
SYMBOL_LINE_RE = re.compile(
    r"^\s*(?:A/HRC|CCPR/C|CERD/C|CEDAW/C|CRC/C|CAT/C|CRPD/C|E/C\.12)(?:/[A-Za-z0-9.\-]+)+\s*$"
)
BULLET_CHARS = "»•*·◦▪‣●○■□►"
BULLET_RE = re.compile(rf"^\s*[{re.escape(BULLET_CHARS)}]\s*")
# "(CRPD)", "(MoJ)", "(GoIRA)": an abbreviation in brackets, as a document defines one after a
# name; two capitals or more.
ABBREVIATION_IN_BRACKETS = r"\(\s*([A-Z][A-Za-z.]*[A-Z][A-Za-z.]*)\s*\)"

# The month names, as a regex alternation ("January|February|...").
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

# The marks that end a sentence; with ";" they end a clause.
SENTENCE_STOPS = ".!?"
CLAUSE_STOPS = SENTENCE_STOPS + ";"
# Where a sentence ends in running text: a stop, then a space or the end of the text.
SENTENCE_END_RE = re.compile(rf"[{SENTENCE_STOPS}](?:\s|$)")
# Where a sentence or a clause ends in running text: a stop or ";", then a space.
CLAUSE_END_RE = re.compile(rf"[{CLAUSE_STOPS}]\s")

# "GE.09-17130 (E) 080124 090124": the job number the UN Office at Geneva prints at the foot
# of each page (a year, then a serial), then the language version and the print dates.
JOB_NUMBER_YEAR, JOB_NUMBER_SERIAL = r"GE\.\d{2}-", r"\d{4,6}"
JOB_NUMBER = JOB_NUMBER_YEAR + JOB_NUMBER_SERIAL
PRINT_MARKS = r"\s*(?:\(E\))?(?:\s+\d{6}){0,2}"
# A line that is a page label, "Page 3" or the bare number "3" (`word` says which).
PAGE_LABEL_RE = re.compile(r"^\s*(?P<word>Page\s+)?(?P<n>\d{1,3})\s*$", re.I)

# The line that heads the footnotes gathered at the end of a document (or of a PDF page).
NOTES_HEADING_RE = re.compile(r"^(Notes|Endnotes|Footnotes)$", re.I)
# A hyphen left at a note's line end once its lines are joined ("so- called"): the hyphen stays.
NOTE_LINE_HYPHEN_RE = re.compile(r"(?<=[a-z])- (?=[a-z])")
