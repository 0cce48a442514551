"""Regular expressions shared by several stages (document symbols, bullets, abbreviations)."""

from __future__ import annotations

import re

# UN document symbols: A/HRC/WG.6/7/KAZ/1, A/HRC/14/10, CCPR/C/KAZ/CO/1, CEDAW/C/KAZ/CO/2, ...
SYMBOL_RE = re.compile(
    r"\b(?:A/HRC|A/RES|A/C\.\d|A|E/CN\.\d+|E/C\.12|CCPR/C|CERD/C|CEDAW/C|CRC/C|CAT/C|CMW/C|CRPD/C|CED/C|"
    r"HRI/(?:CORE|GEN))(?:/[A-Za-z0-9.\-]+)+"
)
# A line that is nothing but a symbol (the running header of a UN document page).
SYMBOL_LINE_RE = re.compile(
    r"^\s*(?:A/HRC|CCPR/C|CERD/C|CEDAW/C|CRC/C|CAT/C|CRPD/C|E/C\.12)(?:/[A-Za-z0-9.\-]+)+\s*$"
)
BULLET_CHARS = "»•*·◦▪‣●○■□►"
BULLET_RE = re.compile(rf"^\s*[{re.escape(BULLET_CHARS)}]\s*")
# "(CRPD)", "(MoJ)", "(GoIRA)": an abbreviation in brackets, as a document defines one after a
# name; two capitals or more.
ABBREVIATION_IN_BRACKETS = r"\(\s*([A-Z][A-Za-z.]*[A-Z][A-Za-z.]*)\s*\)"
