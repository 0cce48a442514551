"""Ingest stage: read one input file into decoded lines with provenance.

Entry points: `find_inputs(paths)`, the input files under files or folders with the
name the outputs give each (`input_name`), and `ingest(path, settings, file) -> SourceDocument`. Plain text is decoded
(BOM, UTF-8, UTF-16, cp1252, MacRoman), mojibake is repaired with ftfy, line
endings are normalized and form feeds become page breaks. PDFs go through
`pipeline.stages.ingest.pdf`. Anything that cannot be read fails with a typed error naming
the file (too large, empty, binary, a folder, a pipe, a broken link); a
document that is read but not in English gets a warning.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path
from typing import NamedTuple

import ftfy

from pipeline.errors import EmptyInput, InputTooLarge, UndecodableText, UnreadableInput, UnsupportedFormat
from pipeline.stages.ingest.language import language_warning
from pipeline.model import Line, SourceDocument
from pipeline.run.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ""}
PDF_SUFFIXES = {".pdf"}
INPUT_SUFFIXES = {".txt", ".pdf"}  # what a folder's files must end with to be read
LANGUAGE_SAMPLE_LINES = 600  # some ten pages
BINARY_SAMPLE_CHARS = 65_536
SURROGATE_RE = re.compile("[\ud800-\udfff]")


class InputFile(NamedTuple):
    path: Path  # where to read it
    file: str  # what the outputs call it (`input_name`)


def find_inputs(paths: list[Path]) -> list[InputFile]:
    """Input files under the given files or folders, in a stable order."""
    found: dict[Path, str] = {}
    for path in paths:
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if is_input_file(p)):
                found.setdefault(file, input_name(file, path))
        else:
            found.setdefault(path, input_name(path))
    return sorted((InputFile(path, file) for path, file in found.items()), key=lambda i: (i.path.stem, i.path.as_posix()))


def input_name(path: Path, folder: Path | None = None) -> str:
    """The input's path relative to the folder given on the command line, or its name when the
    file itself was given: outputs never hold a machine's own paths."""
    return valid_text((path.relative_to(folder) if folder is not None else Path(path.name)).as_posix())


def is_input_file(path: Path) -> bool:
    """An input by its suffix; a broken link is kept so that it fails visibly, not silently."""
    return (path.is_file() or (path.is_symlink() and not path.exists())) and path.suffix.lower() in INPUT_SUFFIXES


def ingest(path: Path, settings: Settings, file: str | None = None) -> SourceDocument:
    """Read `path`; `file` is what the outputs call it (default: `input_name(path)`)."""
    path = Path(path)
    display = file or input_name(path)
    data = read_bytes(path, settings, display)
    if data.startswith(b"%PDF") or path.suffix.lower() in PDF_SUFFIXES:
        from pipeline.stages.ingest.pdf import read_pdf  # pdfplumber is only imported when a PDF comes in

        source = read_pdf(data, doc_id=document_id(path), file=display, sha256=hashlib.sha256(data).hexdigest())
    else:
        source = read_text(path, data, settings, display)
    warning = language_warning("\n".join(line.text for line in source.lines[:LANGUAGE_SAMPLE_LINES]))
    if warning:
        source.warnings.append(warning)
    return source


def read_text(path: Path, data: bytes, settings: Settings, display: str) -> SourceDocument:
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UnsupportedFormat(f"unsupported file type {path.suffix!r} (expected .txt or .pdf)", display)
    if len(data) > settings.max_text_bytes:
        raise InputTooLarge(
            f"the text file is {len(data):,} bytes, over the limit for plain text of {settings.max_text_bytes:,} "
            "(a UPR report is about 100 KB; raise --max-text-mb to process it)",
            display,
        )
    text, encoding = decode(data, display)
    if not text.strip():
        raise EmptyInput("the file holds no text (empty or whitespace only)", display)
    lines, pages = split_lines(text)
    return SourceDocument(
        doc_id=document_id(path),
        file=display,
        sha256=hashlib.sha256(data).hexdigest(),
        lines=lines,
        pages=pages,
        encoding=encoding,
        kind="text",
    )


def document_id(path: Path) -> str:
    return valid_text(path.stem)


def valid_text(text: str) -> str:
    """A file name's undecodable bytes (surrogate escapes) as U+FFFD: JSON output cannot hold them."""
    return SURROGATE_RE.sub("\ufffd", text)


def read_bytes(path: Path, settings: Settings, display: str) -> bytes:
    if path.is_symlink() and not path.exists():
        raise UnreadableInput(f"broken symbolic link (to {valid_text(os.readlink(path))})", display)
    if path.is_dir():
        raise UnreadableInput("this is a folder, not a file", display)
    if path.exists() and not path.is_file():  # reading a named pipe would wait forever
        raise UnreadableInput("not a regular file (a pipe, socket or device)", display)
    try:
        size = path.stat().st_size
        if size > settings.max_input_bytes:
            raise InputTooLarge(
                f"the file is {size:,} bytes, over the limit of {settings.max_input_bytes:,} "
                "(raise --max-input-mb to process it)",
                display,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}", display) from exc
    if not data:
        raise EmptyInput("the file is empty", display)
    return data


def decode(data: bytes, file: str) -> tuple[str, str]:
    """Decode bytes to text; returns the text and the encoding that was used."""
    if data.startswith(b"\xef\xbb\xbf"):
        return fix_text(data[3:].decode("utf-8", errors="replace")), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return fix_text(data.decode("utf-16", errors="replace")), "utf-16"
    if looks_like_utf16_without_bom(data):
        codec = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return fix_text(data.decode(codec, errors="replace")), codec
    try:
        return fix_text(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise UndecodableText("the file looks binary (NUL bytes), not text", file)
    encoding = guess_single_byte_encoding(data)
    text = data.decode(encoding, errors="replace")  # a stray undefined byte must not lose the document
    if looks_binary(text):
        raise UndecodableText("the file looks binary (control characters), not text", file)
    return fix_text(text), encoding


def looks_binary(text: str) -> bool:
    """Many control or undecodable characters: binary data that a code page happened to decode."""
    sample = text[:BINARY_SAMPLE_CHARS]
    controls = sum(1 for ch in sample if ch == "\ufffd" or unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    return controls > 0.01 * len(sample)


def looks_like_utf16_without_bom(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    return max(even_nuls, odd_nuls) > 0.4 and min(even_nuls, odd_nuls) < 0.05


# Byte values that mean typographic punctuation in one single-byte code page and
# letters or symbols in the other; UN texts are full of quotes and dashes.
_CP1252_PUNCT = set(b"\x91\x92\x93\x94\x96\x97\x85")
_MACROMAN_PUNCT = set(b"\xd2\xd3\xd4\xd5\xd0\xd1\xc9")


def guess_single_byte_encoding(data: bytes) -> str:
    """cp1252 or MacRoman, by which one turns the high bytes into punctuation.

    charset-normalizer cannot tell these two apart on English text (both decode
    every byte); the frequencies of their punctuation bytes can.
    """
    cp1252_hits = sum(1 for b in data if b in _CP1252_PUNCT)
    macroman_hits = sum(1 for b in data if b in _MACROMAN_PUNCT)
    cr_only = b"\r" in data and b"\n" not in data
    if macroman_hits > cp1252_hits or (cr_only and macroman_hits >= cp1252_hits):
        return "mac_roman"
    if cp1252_hits:
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return best.encoding if best is not None else "cp1252"


def fix_text(text: str) -> str:
    """Repair mojibake and odd characters; keep line structure and quotes as they are."""
    return ftfy.fix_text(
        text,
        uncurl_quotes=False,
        fix_line_breaks=False,
        normalization="NFC",
        fix_latin_ligatures=True,
        fix_character_width=True,
        explain=False,
    )


def split_lines(text: str) -> tuple[list[Line], int | None]:
    """Lines numbered from 1; form feeds start a new page (pages are None without any)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    has_form_feeds = "\f" in text
    lines: list[Line] = []
    page = 1
    for number, raw in enumerate(text.split("\n"), start=1):
        while "\f" in raw:
            before, _, raw = raw.partition("\f")
            if before.strip():
                lines.append(Line(number=number, text=before, page=page if has_form_feeds else None))
            page += 1
        lines.append(Line(number=number, text=raw, page=page if has_form_feeds else None))
    if lines and lines[-1].text == "" and text.endswith("\n"):
        lines.pop()  # the newline that ends the file does not open a line
    return lines, (page if has_form_feeds else None)
