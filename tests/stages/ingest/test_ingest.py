"""Decoding plain text in the encodings UN texts come in."""

import pytest

from pipeline.errors import EmptyInput, UndecodableText
from pipeline.stages.ingest.ingest import decode, split_lines

TEXT = "1. The Committee’s “report” – well-being, naïve.\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252", "mac_roman"])
def test_ingest_decodes_common_encodings(encoding):
    text, used = decode(TEXT.encode(encoding), "x.txt")
    assert text == TEXT


def test_ingest_rejects_binary_junk():
    with pytest.raises(UndecodableText):
        decode(bytes(range(256)) * 4, "junk.txt")


def test_ingest_cr_only_line_endings_and_form_feeds_become_lines_and_pages():
    lines, pages = split_lines("a\rb\r\fc\r")
    assert [(l.number, l.text, l.page) for l in lines] == [(1, "a", 1), (2, "b", 1), (3, "c", 2)]
    assert pages == 2


def test_ingest_empty_file_is_a_clear_error(tmp_path):
    from pipeline.stages.ingest.ingest import ingest
    from pipeline.run.settings import Settings

    path = tmp_path / "empty.txt"
    path.write_text("   \n")
    with pytest.raises(EmptyInput):
        ingest(path, Settings())


def test_ingest_inputs_are_named_relative_to_the_folder_given(tmp_path):
    from pipeline.stages.ingest.ingest import find_inputs

    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ("in/a.txt", "in/sub/b.pdf", "c.txt"):
        (tmp_path / name).write_text("1. Text.\n")
    found = find_inputs([tmp_path / "in", tmp_path / "c.txt"])
    assert [(i.path.relative_to(tmp_path).as_posix(), i.file) for i in found] == [
        ("in/a.txt", "a.txt"), ("in/sub/b.pdf", "sub/b.pdf"), ("c.txt", "c.txt")]
