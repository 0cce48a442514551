"""PDF reader on pdfplumber: lines with page numbers, in reading order.

Entry point: `read_pdf(data, doc_id, file, sha256) -> SourceDocument`.
"""

from __future__ import annotations

import io

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError

from .errors import CorruptPdf, DocumentTimeout, EncryptedPdf, NoTextLayer
from .model import Line, SourceDocument

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
    except PDFPasswordIncorrect as exc:
        raise EncryptedPdf("the PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)", file) from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise CorruptPdf(f"the PDF cannot be parsed ({type(exc).__name__}: {exc})", file) from exc
    except Exception as exc:  # pdfminer raises many private exception types on damaged files
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise EncryptedPdf("the PDF is encrypted; decrypt it first (e.g. qpdf --decrypt)", file) from exc
        raise CorruptPdf(f"the PDF cannot be parsed ({type(exc).__name__}: {exc})", file) from exc
    if not any(line.text.strip() for line in lines):
        raise NoTextLayer("this PDF has no text layer: run OCR first, e.g. with OCRmyPDF", file)
    source = SourceDocument(
        doc_id=doc_id, file=file, sha256=sha256, lines=lines, pages=pages, encoding="pdf", kind="pdf"
    )
    if b"%%EOF" not in data[-EOF_WINDOW:]:
        source.warnings.append("the PDF looks truncated (no %%EOF marker at its end): pages or text may be missing")
    return source
