"""The bad-input battery: every odd input fails alone, or passes with warnings, with one clear line.

Inputs are generated here, never committed. Each case runs through the command
line next to a good document: the bad file gets one line on stderr naming it
and its problem and a `failed` (or `ok` with `warnings`) record in
documents.jsonl; the good document is processed normally; the exit code is 1
exactly when a document failed.
"""

from __future__ import annotations

import io
import json
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from pypdf import PdfReader, PdfWriter

from pipeline.run.cli import main
from pipeline.errors import UnreadableInput
from pipeline.pipeline import process_document
from pipeline.run.settings import Settings

GOOD_TEXT = "1. The Government will act on the report.\n\n2. Parliament agreed to the plan in 2010.\n"
REPORT = [
    "1. The Government of the Republic presented its national report to the Council.",
    "",
    "2. The Ministry of Justice prepared the report with civil society.",
    "",
    "3. Parliament adopted the national plan of action on human rights.",
]
FRENCH = """\
1. Le Gouvernement de la République a présenté son rapport national au Conseil des droits de
l'homme. Il a été préparé par un groupe de travail interministériel, en consultation avec la
société civile et les institutions nationales des droits de l'homme.

2. La France est attachée à la promotion et à la protection des droits de l'homme dans le monde,
et elle poursuit ses efforts pour lutter contre toutes les formes de discrimination.
"""
RUSSIAN = """\
1. Настоящий национальный доклад был подготовлен рабочей группой под руководством Министерства
юстиции Республики Казахстан с участием министерств и ведомств, а также неправительственных
организаций и экспертов.

2. Казахстан является молодым демократическим государством, которое продолжает работу по
защите прав человека и для всех граждан страны.
"""
# Curly quotes, dashes and accents: the characters a wrong decoding garbles.
TYPOGRAPHIC = "1. The Committee’s “report” – on well-being – was naïve.\r\n\r\n2. It was adopted in 2010.\r\n"


# ---------------------------------------------------------------- generated inputs


def minimal_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with these lines of text (Helvetica, uncompressed), written by hand."""
    ops = ["BT /F1 11 Tf 72 740 Td 14 TL"] + [f"({line}) Tj T*" for line in lines] + ["ET"]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(minimal_pdf(REPORT))))
    writer.encrypt(user_password="secret", owner_password="owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_cut_before(marker: bytes) -> bytes:
    data = minimal_pdf(REPORT)
    return data[: data.index(marker)]


def random_bytes(size: int, allowed: bytes | None = None) -> bytes:
    rng = random.Random(9)
    if allowed is None:
        return rng.randbytes(size)
    return bytes(rng.choice(allowed) for _ in range(size))


def write(name: str, data: bytes | str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path

    return make


def write_big_text(folder: Path) -> Path:
    path = folder / "huge.txt"
    block = (GOOD_TEXT * 40).encode()
    with path.open("wb") as handle:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    return path


def broken_link(folder: Path) -> Path:
    path = folder / "moved-away.txt"
    path.symlink_to(folder / "no-such-file.txt")
    return path


# ---------------------------------------------------------------- the battery


@dataclass(frozen=True)
class BadInput:
    name: str
    make: Callable[[Path], Path]
    status: str  # "failed", or "ok" with `message` among the warnings
    message: str


BATTERY = [
    BadInput("empty", write("empty.txt", b""), "failed", "[E002] the file is empty"),
    BadInput("whitespace only", write("blank.txt", "  \n\t\n\n   \n"), "failed", "[E002] the file holds no text"),
    BadInput("binary junk", write("junk.txt", random_bytes(20_000)), "failed", "[E003] the file looks binary"),
    BadInput("binary junk without NUL bytes", write("junk2.txt", random_bytes(20_000, bytes(range(1, 256)))),
             "failed", "[E003] the file looks binary"),
    BadInput("PDF cut before its cross-reference table", write("cut.pdf", pdf_cut_before(b"xref")),
             "failed", "[E011] the PDF is damaged or truncated"),
    BadInput("PDF cut inside its content", write("cut2.pdf", pdf_cut_before(b"3. Parliament")),
             "failed", "[E011] the PDF is damaged or truncated"),
    BadInput("PDF cut before %%EOF", write("cut3.pdf", pdf_cut_before(b"startxref")),
             "ok", "the PDF looks truncated (no %%EOF marker at its end)"),
    BadInput("encrypted PDF", write("locked.pdf", encrypted_pdf()), "failed", "[E010] the PDF is encrypted"),
    BadInput("PDF without a text layer", write("scan.pdf", blank_pdf()), "failed",
             "[E012] this PDF has no text layer: run OCR first, e.g. with OCRmyPDF"),
    BadInput("50 MB text file", write_big_text, "failed", "[E004] the text file is 52,"),
    BadInput("French document", write("rapport.txt", FRENCH), "ok",
             "document language looks like French; extraction rules are for English"),
    BadInput("Russian document", write("doklad.txt", RUSSIAN), "ok",
             "document language looks like Russian; extraction rules are for English"),
    BadInput("no numbered paragraphs", write("prose.txt", "Introduction\n\nThe Government reported.\nIt acted.\n"),
             "ok", "no numbered paragraphs found; the text is emitted as unnumbered blocks"),
    BadInput("broken symbolic link", broken_link, "failed", "[E001] broken symbolic link"),
    BadInput("unsupported file type", write("report.docx", GOOD_TEXT), "failed", "[E005] unsupported file type"),
]


def run_cli(folder: Path, out: Path, capsys, *paths: Path) -> tuple[int, list[str], dict[str, dict]]:
    code = main(["run", *(str(p) for p in (paths or [folder])), "--out", str(out)])
    lines = capsys.readouterr().err.splitlines()
    records = {r["file"]: r for r in map(json.loads, (out / "documents.jsonl").read_text().splitlines())}
    return code, lines, records


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_TEXT)
    return folder


def assert_good_document_processed(records: dict[str, dict], folder: Path, out: Path) -> None:
    good = records["good.txt"]
    assert (good["status"], good["paragraphs"], good["warnings"]) == ("ok", 2, [])
    assert len((out / "paragraphs" / "good.jsonl").read_text().splitlines()) == 2


@pytest.mark.parametrize("case", BATTERY, ids=[case.name for case in BATTERY])
def test_bad_inputs_fail_alone_with_one_clear_line(case, inputs, tmp_path, capsys):
    bad = case.make(inputs)
    code, lines, records = run_cli(inputs, tmp_path / "out", capsys, bad, inputs / "good.txt")
    record = records[bad.name]
    about_bad = [line for line in lines if line.startswith(f"{bad.name}:")]
    assert len(about_bad) == 1 and case.message in about_bad[0], lines
    assert record["status"] == case.status
    if case.status == "failed":
        assert code == 1 and case.message in record["error"]
    else:
        assert code == 0 and any(case.message in w for w in record["warnings"])
    assert_good_document_processed(records, inputs, tmp_path / "out")


def test_bad_inputs_all_at_once_leave_every_other_document_processed(inputs, tmp_path, capsys):
    made = {case.make(inputs): case for case in BATTERY if case.make is not write_big_text}  # too slow to repeat
    scanned = {path: case for path, case in made.items() if path.suffix in {".txt", ".pdf"}}
    code, lines, records = run_cli(inputs, tmp_path / "out", capsys)
    assert code == 1
    assert {records[path.name]["status"] for path, case in scanned.items()} == {"ok", "failed"}
    for path, case in scanned.items():
        assert records[path.name]["status"] == case.status, case.name
        assert sum(line.startswith(f"{path.name}:") for line in lines) == 1, case.name
    assert_good_document_processed(records, inputs, tmp_path / "out")


def test_bad_inputs_50_mb_text_is_refused_quickly(inputs, tmp_path, capsys):
    write_big_text(inputs)
    started = time.perf_counter()
    code, _lines, records = run_cli(inputs, tmp_path / "out", capsys)
    assert code == 1 and time.perf_counter() - started < 10
    assert "raise --max-text-mb" in records["huge.txt"]["error"]


@pytest.mark.slow
def test_bad_inputs_text_at_the_size_limit_is_processed_within_the_time_limit(inputs, tmp_path, capsys):
    # A long report: numbered paragraphs of the kind the seed has, up to the limit.
    paragraph = ("The Government will continue to strengthen the national human rights institutions "
                 "in 2010, and Parliament is considering a bill on the rights of the child. ")
    count = Settings().max_text_bytes // (len(paragraph) + 8)
    text = "".join(f"{n}. {paragraph}\n\n" for n in range(1, count + 1))
    (inputs / "long.txt").write_text(text[: Settings().max_text_bytes])
    code, _lines, records = run_cli(inputs, tmp_path / "out", capsys)
    assert code == 0 and records["long.txt"]["status"] == "ok"


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252", "mac_roman"])
def test_bad_inputs_legacy_encodings_are_read_correctly(encoding, inputs, tmp_path, capsys):
    data = TYPOGRAPHIC.replace("\r\n", "\r") if encoding == "mac_roman" else TYPOGRAPHIC
    (inputs / "legacy.txt").write_bytes(data.encode(encoding))
    code, _lines, records = run_cli(inputs, tmp_path / "out", capsys)
    assert code == 0 and records["legacy.txt"]["encoding"] == encoding
    first = json.loads((tmp_path / "out" / "paragraphs" / "legacy.jsonl").read_text().splitlines()[0])
    assert first["text"] == "The Committee’s “report” – on well-being – was naïve."


def test_bad_inputs_unnumbered_text_is_kept_as_blocks(inputs, tmp_path, capsys):
    (inputs / "prose.txt").write_text("Introduction\n\nThe Government reported.\nIt acted.\n")
    run_cli(inputs, tmp_path / "out", capsys)
    blocks = [json.loads(line) for line in (tmp_path / "out" / "blocks" / "prose.jsonl").read_text().splitlines()]
    assert [b["text"] for b in blocks] == ["Introduction", "The Government reported.\nIt acted."]
    assert [(b["source"]["line_start"], b["source"]["line_end"]) for b in blocks] == [(1, 1), (3, 4)]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions")
def test_bad_inputs_unreadable_file_fails_alone(inputs, tmp_path, capsys):
    locked = inputs / "locked.txt"
    locked.write_text(GOOD_TEXT)
    locked.chmod(0)
    code, lines, records = run_cli(inputs, tmp_path / "out", capsys)
    assert code == 1 and "[E001] cannot read the file: Permission denied" in records[locked.name]["error"]
    assert_good_document_processed(records, inputs, tmp_path / "out")


def test_bad_inputs_folder_named_like_a_file_is_unreadable(tmp_path):
    folder = tmp_path / "report.txt"
    folder.mkdir()
    with pytest.raises(UnreadableInput, match="report.txt: \\[E001\\] this is a folder, not a file"):
        process_document(folder, Settings())


def test_bad_inputs_named_pipe_fails_at_once_instead_of_waiting(inputs, tmp_path, capsys):
    pipe = inputs / "pipe.txt"
    os.mkfifo(pipe)
    code, lines, records = run_cli(inputs, tmp_path / "out", capsys, pipe, inputs / "good.txt")
    assert code == 1 and "[E001] not a regular file" in records[pipe.name]["error"]
    assert_good_document_processed(records, inputs, tmp_path / "out")


def test_bad_inputs_unwritable_output_folder_is_one_line_and_exit_1(inputs, tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["run", str(inputs), "--out", str(blocker / "out")]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines == [f"error: {(blocker / 'out').as_posix()}: [E030] the output folder cannot be written: Not a directory"]


PATHOLOGICAL = {
    "long run of digits": "1" * 200_000,
    "repeated years": "-".join(["2009"] * 10_000),
    "number-like commas": ",".join(["1"] * 50_000),
    "dot leader": "Contents " + "." * 100_000 + "x",
    "one long word": "a" * 200_000 + "-\nb",
    "spaces inside": "a" + " " * 200_000 + "b",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_bad_inputs_pathological_strings_are_processed_quickly(name, inputs, tmp_path, capsys):
    text = f"1. The years were {PATHOLOGICAL[name]} in the report.\n\n2. {PATHOLOGICAL[name]}\n\n3. Adopted.\n"
    (inputs / "odd.txt").write_text(text)
    started = time.perf_counter()
    code, _lines, records = run_cli(inputs, tmp_path / "out", capsys)
    # Linear time: the statistical model alone needs seconds for 100,000 characters;
    # a quadratic step would take minutes.
    assert time.perf_counter() - started < 20
    assert code == 0 and records["odd.txt"]["paragraphs"] == 3
