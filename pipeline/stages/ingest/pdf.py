"""PDF reader on pdfplumber: lines in reading order with font, page and footnote evidence.

Entry point: `read_pdf(data, doc_id, file, sha256) -> SourceDocument`.

Words come with their positions, font size and weight. They are rebuilt into
lines by baseline; a smaller word raised above its line is a superscript: a
number there is a footnote reference, kept out of the text and recorded on the
line (`Line.footnote_refs`). Page furniture (running headers and footers, page
numbers, job numbers, barcodes) is found by position, pattern and repetition
and listed in `SourceDocument.furniture`; the footnote zone at the bottom of a
page (or the endnotes) becomes `Footnote` records and `footnote_lines`.
Pages are closed as soon as their words are read.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect

from pipeline.errors import CorruptPdf, DocumentTimeout, EncryptedPdf, NoTextLayer
from pipeline.model import Footnote, Line, SourceDocument
from pipeline.patterns import JOB_NUMBER_SERIAL, JOB_NUMBER_YEAR, PAGE_LABEL_RE, PRINT_MARKS, SYMBOL_LINE_RE

EOF_WINDOW = 2048  # writers may put a little whitespace or junk after the %%EOF marker
# A superscript is at most this share of its line's font size, and raised by this share of it.
SUPERSCRIPT_SIZE = 0.85
SUPERSCRIPT_RISE = 0.12
# Words whose baselines differ by less than this (points) stand on one line.
BASELINE_TOLERANCE = 1.5
# Top and bottom share of the page where running headers and footers stand.
MARGIN_ZONE = 0.12
# A line repeated in the margin zone on this share of pages is a running header or footer.
REPEATED_ON = 0.3
# Footnote text is set smaller than the body text.
FOOTNOTE_SIZE = 0.95

# A text layer may part the job number after its dash ("GE.09- 17130"); a page number before
# it may have anything after it.
PARTED_JOB_NUMBER = rf"{JOB_NUMBER_YEAR}\s?{JOB_NUMBER_SERIAL}"
JOB_NUMBER_LINE_RE = re.compile(rf"^{PARTED_JOB_NUMBER}{PRINT_MARKS}(?:\s+\d{{1,3}})?$|^\d{{1,3}}\s+{PARTED_JOB_NUMBER}")
BARCODE_TEXT_RE = re.compile(r"^\*[0-9A-Z]+\*$")
BARCODE_FONT_RE = re.compile(r"C39|Code39|Barcode|3of9", re.I)
PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
UNMAPPED_GLYPH_RE = re.compile(r"\(cid:\d+\)")
NOTES_HEADING_RE = re.compile(r"^(Notes|Endnotes|Footnotes)$|^[-_ ]{5,}$", re.I)
BOLD_FONT_RE = re.compile(r"Bold|Black|Heavy|Semibold", re.I)
# Vertical space between rows, as a share of the font size, that parts blocks (a blank line).
BLANK_LINE_GAP = 0.5
TIGHT_GAP = 0.6  # points: closer words are one word (a superscript "th" after "9")


@dataclass
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    font: str
    superscript: bool = False


@dataclass
class Row:
    """Words on one baseline of one page."""

    page: int
    words: list[Word]
    page_height: float
    furniture: bool = False

    @property
    def size(self) -> float:
        sizes = Counter()
        for w in self.words:
            if not w.superscript:
                sizes[round(w.size, 1)] += len(w.text)
        return sizes.most_common(1)[0][0] if sizes else max(w.size for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def bold(self) -> bool:
        bold = sum(len(w.text) for w in self.words if w.bold)
        return bold * 2 > sum(len(w.text) for w in self.words)

    @property
    def footnote_label(self) -> int | None:
        """The number that opens a footnote: a raised or small number leading the line."""
        first = self.words[0]
        if first.text.isdigit() and len(self.words) > 1 and first.size < self.size * SUPERSCRIPT_SIZE:
            return int(first.text)
        return None

    def text_and_refs(self) -> tuple[str, tuple[int, ...]]:
        """The line's text with footnote reference numbers taken out, and those numbers."""
        parts: list[str] = []
        refs: list[int] = []
        previous: Word | None = None
        after_ref = False
        for k, word in enumerate(self.words):
            text = UNMAPPED_GLYPH_RE.sub("•", word.text) if k == 0 else word.text
            if word.superscript and word.text.isdigit() and k > 0:
                refs.append(int(word.text))
                after_ref = True
                continue
            tight = previous is not None and word.x0 - previous.x1 < TIGHT_GAP
            glued = previous is not None and (word.superscript or tight or (after_ref and text[:1] in ",.;:)"))
            after_ref = False
            parts.append(text if glued or not parts else " " + text)
            previous = word
        return "".join(parts), tuple(refs)

ENCRYPTED_MESSAGE = "the PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)"
EOF_WINDOW = 2048  # writers may put a little whitespace or junk after the %%EOF marker


def read_pdf(data: bytes, doc_id: str, file: str, sha256: str) -> SourceDocument:
    rows, pages = read_rows(data, file)
    truncated = b"%%EOF" not in data[-EOF_WINDOW:]
    if pages == 0:
        raise CorruptPdf("the PDF has no readable pages (truncated or damaged)", file)
    if not any(w.text.strip() for row in rows for w in row.words):
        if truncated:  # pdfminer recovers the pages of a cut file, but not their fonts and text
            raise CorruptPdf("the PDF is truncated (no %%EOF marker at its end) and no text could be read", file)
        raise NoTextLayer("this PDF has no text layer: run OCR first, e.g. with OCRmyPDF", file)
    mark_furniture_rows(rows, pages)
    body_size = body_font_size(rows)
    lines, row_lines = layout_lines(rows)
    footnotes, footnote_lines = footnote_zone(rows, row_lines, body_size)
    return SourceDocument(
        doc_id=doc_id,
        file=file,
        sha256=sha256,
        lines=lines,
        pages=pages,
        encoding="pdf",
        kind="pdf",
        footnotes=footnotes,
        furniture=[line.number for line, row in zip(row_lines, rows) if row.furniture],
        footnote_lines=footnote_lines,
        warnings=["the PDF looks truncated (no %%EOF marker at its end): pages or text may be missing"] if truncated else [],
    )


def read_rows(data: bytes, file: str) -> tuple[list[Row], int]:
    rows: list[Row] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
            for page_number, page in enumerate(pdf.pages, start=1):
                rows += page_rows(page, page_number)
                page.close()  # pdfplumber keeps per-page caches otherwise
    except DocumentTimeout:
        raise  # the time limit struck inside pdfminer: not a parse error
    except Exception as exc:  # pdfminer raises many private exception types on damaged files
        raise reading_error(exc, file) from exc
    return rows, pages


def reading_error(exc: Exception, file: str) -> EncryptedPdf | CorruptPdf:
    """The typed error for what pdfminer raised (pdfplumber wraps it in PdfminerException)."""
    cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
    if isinstance(cause, PDFPasswordIncorrect) or "password" in str(cause).lower() or "encrypt" in str(cause).lower():
        return EncryptedPdf("the PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)", file)
    reason = " ".join(f"{type(cause).__name__}: {cause}".split())
    return CorruptPdf(f"the PDF is damaged or truncated and cannot be parsed ({reason})", file)


def page_rows(page, page_number: int) -> list[Row]:
    words = [
        Word(w["text"], w["x0"], w["x1"], w["top"], w["bottom"], w["size"],
             bool(BOLD_FONT_RE.search(w["fontname"])), w["fontname"])
        for w in page.extract_words(extra_attrs=["fontname", "size"], keep_blank_chars=False)
        if w["text"].strip()
    ]
    groups = baseline_groups(words)
    groups = attach_superscripts(groups)
    groups.sort(key=lambda g: (min(w.top for w in g), min(w.x0 for w in g)))
    return [Row(page_number, sorted(g, key=lambda w: w.x0), float(page.height)) for g in groups]


def baseline_groups(words: list[Word]) -> list[list[Word]]:
    groups: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        if groups and abs(groups[-1][-1].bottom - word.bottom) <= BASELINE_TOLERANCE:
            groups[-1].append(word)
        else:
            groups.append([word])
    return groups


def attach_superscripts(groups: list[list[Word]]) -> list[list[Word]]:
    """A group of smaller words standing within a larger line's height joins that line;
    raised above its baseline, it is a superscript."""
    kept: list[list[Word]] = []
    joined: set[int] = set()
    for group in groups:
        host = host_line(group, groups, joined)
        if host is None:
            kept.append(group)
            continue
        raised = max(w.bottom for w in host) - max(w.bottom for w in group) >= max(w.size for w in host) * SUPERSCRIPT_RISE
        for word in group:
            word.superscript = raised
        host.extend(group)
        joined.add(id(group))
    return kept


def host_line(group: list[Word], groups: list[list[Word]], joined: set[int]) -> list[Word] | None:
    size = max(w.size for w in group)
    top, bottom = min(w.top for w in group), max(w.bottom for w in group)
    x0, x1 = min(w.x0 for w in group), max(w.x1 for w in group)
    for other in groups:
        if other is group or id(other) in joined:
            continue
        other_size = max(w.size for w in other)
        if size > other_size * SUPERSCRIPT_SIZE:
            continue
        other_top, other_bottom = min(w.top for w in other), max(w.bottom for w in other)
        within = other_top - size * 0.6 <= top and other_top < bottom <= other_bottom
        beside = min(w.x0 for w in other) - size <= x1 and x0 <= max(w.x1 for w in other) + size
        if within and beside:
            return other
    return None


def layout_lines(rows: list[Row]) -> tuple[list[Line], list[Line]]:
    """All lines, with a blank line where vertical space parts two rows (as in plain text),
    and the line made of each row."""
    lines: list[Line] = []
    row_lines: list[Line] = []
    previous: Row | None = None
    for row in rows:
        spaced = previous is not None and previous.page == row.page and (
            row.top - previous.bottom > BLANK_LINE_GAP * previous.size
        )
        if spaced or (previous is not None and previous.page != row.page):
            lines.append(Line(number=len(lines) + 1, text="", page=row.page))
        line = make_line(len(lines) + 1, row)
        lines.append(line)
        row_lines.append(line)
        previous = row
    return lines, row_lines


def make_line(number: int, row: Row) -> Line:
    text, refs = row.text_and_refs()
    return Line(
        number=number, text=text, page=row.page, size=row.size, bold=row.bold,
        indent=round(row.x0, 1), footnote_refs=refs, box=line_box(row),
    )


def line_box(row: Row) -> tuple[float, float, float, float]:
    """The row's bounding box in PDF points (x0, top, x1, bottom), to a hundredth of a point."""
    return (round(row.x0, 2), round(row.top, 2), round(row.x1, 2), round(row.bottom, 2))


# ---------------------------------------------------------------- furniture


def mark_furniture_rows(rows: list[Row], pages: int) -> None:
    repeated = repeated_margin_texts(rows, pages)
    for row in rows:
        text = " ".join(w.text for w in row.words)
        row.furniture = is_barcode(row) or bool(JOB_NUMBER_LINE_RE.match(text)) or (
            in_margin_zone(row) and (
                bool(SYMBOL_LINE_RE.match(text)) or bool(PAGE_LABEL_RE.match(text)) or margin_key(text) in repeated
            )
        )


def in_margin_zone(row: Row) -> bool:
    return row.bottom < row.page_height * MARGIN_ZONE or row.top > row.page_height * (1 - MARGIN_ZONE)


def margin_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def repeated_margin_texts(rows: list[Row], pages: int) -> set[str]:
    pages_with: dict[str, set[int]] = {}
    for row in rows:
        if in_margin_zone(row):
            pages_with.setdefault(margin_key(" ".join(w.text for w in row.words)), set()).add(row.page)
    return {key for key, on in pages_with.items() if pages > 2 and len(on) >= max(2, pages * REPEATED_ON)}


def is_barcode(row: Row) -> bool:
    return all(
        BARCODE_FONT_RE.search(w.font) or BARCODE_TEXT_RE.match(w.text) or PRIVATE_USE_RE.search(w.text)
        for w in row.words
    )


# ---------------------------------------------------------------- footnotes


def body_font_size(rows: list[Row]) -> float:
    sizes: Counter[float] = Counter()
    for row in rows:
        if not row.furniture:
            for word in row.words:
                sizes[round(word.size, 1)] += len(word.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def footnote_zone(rows: list[Row], lines: list[Line], body_size: float) -> tuple[list[Footnote], list[int]]:
    """Footnotes at the foot of each page (or in the endnotes), and the lines they take."""
    footnotes: list[Footnote] = []
    zone_lines: list[int] = []
    by_page: dict[int, list[int]] = {}
    for k, row in enumerate(rows):
        if not row.furniture:
            by_page.setdefault(row.page, []).append(k)
    for page in sorted(by_page):
        zone = page_footnote_zone([rows[k] for k in by_page[page]], body_size)
        for k in by_page[page][len(by_page[page]) - zone :] if zone else []:
            zone_lines.append(lines[k].number)
            label = rows[k].footnote_label
            text = lines[k].text
            if label is not None:
                footnotes.append(Footnote(label, text.split(None, 1)[1] if " " in text else "", rows[k].page, lines[k].number))
            elif footnotes and not NOTES_HEADING_RE.match(text):
                footnotes[-1].text += " " + text  # a footnote runs on over lines and pages
    for note in footnotes:
        note.text = join_hyphenated(note.text)
    return footnotes, zone_lines


def page_footnote_zone(rows: list[Row], body_size: float) -> int:
    """How many of the page's last content rows are footnotes (0 when none)."""
    zone = 0
    has_label = False
    for row in reversed(rows):
        if row.size >= body_size * FOOTNOTE_SIZE:
            break
        zone += 1
        has_label = has_label or row.footnote_label is not None
    if not has_label:
        return 0
    above = len(rows) - zone - 1
    if above >= 0 and NOTES_HEADING_RE.match(" ".join(w.text for w in rows[above].words)):
        zone += 1
    return zone


def join_hyphenated(text: str) -> str:
    """Close up a hyphen left at a footnote's line end ("so- called"); the hyphen stays."""
    return re.sub(r"(?<=[a-z])- (?=[a-z])", "-", text)
