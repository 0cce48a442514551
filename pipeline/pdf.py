"""PDF reader on pdfplumber: lines with page numbers, in reading order.

Entry point: `read_pdf(data, doc_id, file, sha256) -> SourceDocument`.
"""

from __future__ import annotations

import io
import re

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from .errors import CorruptPdf, DocumentTimeout, EncryptedPdf, NoTextLayer
from .model import Line, SourceDocument

ENCRYPTED_MESSAGE = "the PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)"
EOF_WINDOW = 2048  # writers may put a little whitespace or junk after the %%EOF marker


def read_pdf(data: bytes, doc_id: str, file: str, sha256: str) -> SourceDocument:
    lines: list[Line] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = len(pdf.pages)
            for page_number, page in enumerate(pdf.pages, start=1):
                text = page.extract_text(layout=False) or ""
                for raw in text.split("\n"):
                    lines.append(Line(number=len(lines) + 1, text=raw, page=page_number))
                page.close()  # pdfplumber keeps per-page caches otherwise
    except DocumentTimeout:
        raise  # the time limit struck inside pdfminer: not a parse error
    except Exception as exc:  # pdfminer raises many private exception types on damaged files
        raise pdf_error(exc, file) from exc
    truncated = b"%%EOF" not in data[-EOF_WINDOW:]
    if not any(line.text.strip() for line in lines):
        if truncated:  # pdfminer recovers the pages of a cut file, but not their fonts and text
            raise CorruptPdf("the PDF is truncated (no %%EOF marker at its end) and no text could be read", file)
        raise NoTextLayer("this PDF has no text layer: run OCR first, e.g. with OCRmyPDF", file)
    source = SourceDocument(
        doc_id=doc_id, file=file, sha256=sha256, lines=lines, pages=pages, encoding="pdf", kind="pdf"
    )
    if truncated:
        source.warnings.append("the PDF looks truncated (no %%EOF marker at its end): pages or text may be missing")
    return source


def pdf_error(exc: Exception, file: str) -> EncryptedPdf | CorruptPdf:
    """The typed error for a PDF that pdfplumber could not open or read.

    pdfplumber wraps pdfminer's exceptions in PdfminerException(original).
    """
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, PDFPasswordIncorrect) or re.search(r"password|encrypt", str(cause), re.I):
        return EncryptedPdf(ENCRYPTED_MESSAGE, file)
    detail = f"{type(cause).__name__}: {cause}" if str(cause) else type(cause).__name__
    return CorruptPdf(f"the PDF is damaged or truncated and cannot be read ({detail})", file)
