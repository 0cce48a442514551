"""Where everything lives under an output folder: the one answer for writers and readers.

    documents.jsonl            one line per input document
    paragraphs/<stem>.jsonl    a document's numbered paragraphs
    blocks/<stem>.jsonl        the rest of its text
    docbin/<stem>.spacy        its paragraphs as spaCy Docs (run --to docbin)
    records/<stem>.json        its documents.jsonl line, written when it is done (a cache)
    entities.csv, ...          the tables across all documents, and each as .parquet
    datapackage.json, schema/  what every table and JSONL file holds (Frictionless, JSON Schema)
    report/                    the HTML review report

<stem> is `output_stem(doc_id)`: the doc_id itself when it is a safe file name, else a
rewritten name with a hash. Readers find a document's files through the same function,
so a document named "UPR report 2019" is found where it was written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

MAX_STEM_BYTES = 150  # file names are limited to 255 bytes; leave room for a hash and ".jsonl"
# Atomic writes go to ".<name>.<random>.tmp" beside their target; an interrupted one leaves it.
TEMP_PREFIX, TEMP_SUFFIX = ".", ".tmp"

DOCUMENTS = "documents.jsonl"
PARAGRAPHS, BLOCKS, RECORDS, REPORT, DOCBIN = "paragraphs", "blocks", "records", "report", "docbin"


def output_stem(doc_id: str) -> str:
    """A file name for a document's outputs that stays inside the output folder.

    Letters, digits, "-", "_" and inner dots are kept; anything else (path
    separators, "..", control characters, spaces) becomes "_". A changed or
    over-long name gets a short hash of the doc_id, so two ids never share a file.
    """
    safe = re.sub(r"[^\w.-]", "_", doc_id).strip(".")
    if safe == doc_id and 0 < len(doc_id.encode("utf-8")) <= MAX_STEM_BYTES:
        return doc_id
    digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    short = safe.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", "ignore")
    return f"{short or 'document'}-{digest}"


@dataclass(frozen=True)
class OutputLayout:
    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @property
    def documents(self) -> Path:
        return self.root / DOCUMENTS

    @property
    def paragraphs_folder(self) -> Path:
        return self.root / PARAGRAPHS

    @property
    def report(self) -> Path:
        return self.root / REPORT

    def paragraphs(self, doc_id: str) -> Path:
        return self.paragraphs_folder / f"{output_stem(doc_id)}.jsonl"

    def blocks(self, doc_id: str) -> Path:
        return self.root / BLOCKS / f"{output_stem(doc_id)}.jsonl"

    def docbin(self, doc_id: str) -> Path:
        return self.root / DOCBIN / f"{output_stem(doc_id)}.spacy"

    def record(self, doc_id: str) -> Path:
        return self.root / RECORDS / f"{output_stem(doc_id)}.json"

    def table(self, name: str) -> Path:
        return self.root / name

    def document_files(self, doc_id: str) -> list[Path]:
        """What a document's run writes besides its record (removed when it fails)."""
        return [self.paragraphs(doc_id), self.blocks(doc_id), self.docbin(doc_id)]

    def stale_temporary_files(self) -> Iterator[Path]:
        """Half-written files of a run that was killed while writing."""
        for folder in (self.root, *(self.root / name for name in (PARAGRAPHS, BLOCKS, RECORDS, REPORT, DOCBIN))):
            yield from sorted(folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
