"""What must hold for every document of an output folder, checked without the segmenter's logic.

Each invariant reads what the pipeline wrote (`documents.jsonl`, paragraphs/, blocks/) and,
where it needs the truth, the input itself, read here in the plainest way: a text file's
lines, a PDF's text through PDFium. None of them imports a stage. `check(out, record)`
gives, for one document, each invariant's failures (an empty list when it holds).

- component_errors: no component failed on a paragraph (and the document did not fail).
- numbering: paragraph numbers run 1..N with no gap or duplicate, and N is the last number of
  the line-initial sequence 1., 2., 3. ... of the input before its end matter (annex, notes).
- end_matter: no paragraph holds a line that opens end matter (Annex, Notes, Composition of
  the delegation): annexes, endnotes and delegation lists are not paragraph text.
- glued_footnotes: no footnote number glued to a word or a year is left in a paragraph's
  text ("drafted.17", "in 2023.37", "2021–202548", "Republic13").
- lines_claimed_once: the non-blank input lines add up, each claimed by exactly one role.
- schema: every record is valid against its JSON Schema (pipeline/schema/).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable

import jsonschema

from pipeline.outputs.layout import OutputLayout

Record = dict[str, Any]
Failures = list[str]

# A numbered paragraph starts a line: "12. The State ..." (also "12.The", "12." alone, OCR's
# "12 . The", "12, The" and "12 The"; not a page number alone).
PARAGRAPH_NUMBER_RE = re.compile(r"^\s{0,12}(\d{1,3})(?:\s?(?P<dot>[.,])(?:\s|$|(?=[A-Z“\"(]))|\s+(?=[A-Z“\"(]))")
# A line alone that opens end matter: what follows is not body text.
END_MATTER_RE = re.compile(
    r"^\s*(?:Annex(?:es)?(?:\s+[IVX\d]+)?|ANNEX(?:ES)?(?:\s+[IVX\d]+)?|Notes|NOTES|Endnotes|"
    r"Composition of (?:the )?delegation|COMPOSITION OF (?:THE )?DELEGATION)\s*[:.]?\s*$")
GLUED_FOOTNOTE_RES = (
    re.compile(r"\b[a-z]{3,}[.,;:)]\d{1,3}(?![\d.,/])"),  # "drafted.17", "Principles),4"
    re.compile(r"\b(?:19|20)\d\d\.\d{1,3}(?![\d.,/])"),  # "in 2023.37"
    re.compile(r"\b(?:19|20)\d\d[–-](?:19|20)\d\d\d{1,3}\b"),  # "2021–202548"
    re.compile(r"\b[A-Z]?[a-z]{3,}\d{1,3}\b"),  # "Republic13"
)
SCHEMAS = {"document": "document.schema.json", "paragraph": "paragraph.schema.json", "block": "block.schema.json"}


# ---------------------------------------------------------------- reading an output folder

def paragraphs_of(out: Path, doc_id: str) -> list[Record]:
    return read_jsonl(OutputLayout(out).paragraphs(doc_id))


def blocks_of(out: Path, doc_id: str) -> list[Record]:
    return read_jsonl(OutputLayout(out).blocks(doc_id))


def read_jsonl(path: Path) -> list[Record]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@lru_cache(maxsize=None)
def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(resources.files("pipeline.schema").joinpath(SCHEMAS[kind]).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


# ---------------------------------------------------------------- reading an input plainly

def input_lines(path: Path) -> list[str]:
    """The input's lines as a reader with no knowledge of UN documents sees them."""
    if path.suffix.lower() == ".pdf":
        return pdf_text_lines(path)
    text = path.read_bytes().decode("utf-8", errors="replace")
    return re.split(r"\r\n|\r|\n|\f", text)


def pdf_text_lines(path: Path) -> list[str]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(path.read_bytes())
    try:
        return [line for page in pdf for line in page.get_textpage().get_text_range().splitlines()]
    finally:
        pdf.close()


def last_paragraph_number(lines: list[str]) -> int:
    """The last number of the sequence 1, 2, 3 ... of line-initial numbers, taken in order up
    to the first line that opens end matter after paragraph 1 (the contents may list "Annex").
    A "1." after paragraph 2 opens a list inside a paragraph: its numbers 2, 3 ... are the
    list's, until a number that can only be the next paragraph's (or the one after it)."""
    expected, list_next = 1, None
    for line in lines:
        if expected > 1 and END_MATTER_RE.match(line):
            break
        match = PARAGRAPH_NUMBER_RE.match(line)
        number = int(match.group(1)) if match else None
        if number is None:
            continue
        if number == list_next:
            list_next += 1
        elif number == expected or number == expected + 1 > 2:  # one may be unreadable ("31l." in OCR)
            expected, list_next = number + 1, None
        elif number == 1 and expected > 2 and match.group("dot"):  # not a footnote's "1 See ..."
            list_next = 2
    return expected - 1


# ---------------------------------------------------------------- the invariants

def component_errors(record: Record, paragraphs: list[Record], lines: list[str]) -> Failures:
    if record["status"] != "ok":
        return [f"document failed: {record['error']}"]
    return [f"paragraph {p['para']}: {w['component']}: {w['message']}" for p in paragraphs for w in p.get("warnings", [])]


def numbering(record: Record, paragraphs: list[Record], lines: list[str]) -> Failures:
    numbers = [p["para"] for p in paragraphs]
    failures = []
    if numbers != list(range(1, len(numbers) + 1)):
        wrong = [(i, n) for i, n in enumerate(numbers, start=1) if i != n]
        failures.append(f"numbers not 1..{len(numbers)}: first off at position {wrong[0][0]}: {wrong[0][1]}")
    expected = last_paragraph_number(lines)
    if numbers and max(numbers) != expected or not numbers and expected > 1:
        failures.append(f"last paragraph {max(numbers, default=0)}, the input's sequence ends at {expected}")
    return failures


def end_matter(record: Record, paragraphs: list[Record], lines: list[str]) -> Failures:
    return [f"paragraph {p['para']} holds end matter: {line.strip()!r}"
            for p in paragraphs for line in p["raw"].splitlines()[1:] if END_MATTER_RE.match(line)]


def glued_footnotes(record: Record, paragraphs: list[Record], lines: list[str]) -> Failures:
    return [f"paragraph {p['para']}: {match.group()!r}"
            for p in paragraphs for pattern in GLUED_FOOTNOTE_RES for match in pattern.finditer(p["text"])]


def lines_claimed_once(record: Record, paragraphs: list[Record], lines: list[str]) -> Failures:
    if record["status"] != "ok":
        return []
    counted = record["lines"]
    failures = [w for w in record["warnings"] if "not accounted for" in w or "claimed twice" in w]
    roles = sum(n for role, n in counted.items() if role != "total")
    if roles != counted["total"]:
        failures.append(f"{roles} lines claimed for {counted['total']} non-blank input lines")
    if record["file"].endswith(".txt") and lines:
        non_blank = sum(1 for line in lines if line.strip())
        if non_blank != counted["total"]:
            failures.append(f"the input has {non_blank} non-blank lines, the record counts {counted['total']}")
    return failures


INVARIANTS: dict[str, Callable[[Record, list[Record], list[str]], Failures]] = {
    "component_errors": component_errors,
    "numbering": numbering,
    "end_matter": end_matter,
    "glued_footnotes": glued_footnotes,
    "lines_claimed_once": lines_claimed_once,
}


def schema(out: Path, record: Record) -> Failures:
    checked = [("document", record)] + [("paragraph", p) for p in paragraphs_of(out, record["doc_id"])]
    checked += [("block", b) for b in blocks_of(out, record["doc_id"])]
    return [f"{kind}: {error.message}" for kind, item in checked for error in validator(kind).iter_errors(item)][:20]


def check(out: Path, record: Record, root: Path = Path(".")) -> dict[str, Failures]:
    """Each invariant's failures for one document of `out` (its input found from `root`)."""
    paragraphs = paragraphs_of(out, record["doc_id"])
    source = root / record["file"]
    lines = input_lines(source) if source.exists() else []
    found = {name: invariant(record, paragraphs, lines) for name, invariant in INVARIANTS.items()}
    found["schema"] = schema(out, record)
    return found
