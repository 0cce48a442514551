"""What changed between two output folders, per document and paragraph, for review.

Entry point: `diff_outputs(old, new, say) -> DiffSummary`; `python -m pipeline diff OLD NEW`.
Each change is one line that names the document, the paragraph (or block) and the
field, with a snippet of text, e.g.

    A-HRC-WG.6-7-KAZ-1 para 72 dates: + "the third quarter of 2010" 2010-07-01..2010-09-30

Annotations are compared without their offsets, so an OCR fix early in a paragraph
shows as one `text` change, not as every later annotation moved. Files that are
byte-identical are not parsed, so a large unchanged corpus is compared quickly.
records/ (a cache of documents.jsonl lines) and report/ are not compared.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from pipeline.errors import OutputMissing
from pipeline.outputs.layout import OutputLayout
from pipeline.outputs.report import read_jsonl
from pipeline.outputs.tables import TABLE_FILES

IGNORED_DOCUMENT_FIELDS = {"timings"}  # wall-clock times differ from run to run
OFFSETS = {"start_char", "end_char"}
SNIPPET = 60  # characters of text shown for an annotation or a change
CONTEXT = 20  # characters shown either side of a change in a text
MISSING = object()


@dataclass
class DiffSummary:
    documents: int = 0  # in both folders
    changed: list[str] = field(default_factory=list)  # doc_ids with a difference
    only_old: list[str] = field(default_factory=list)
    only_new: list[str] = field(default_factory=list)
    paragraphs: int = 0  # paragraphs changed, added or removed
    tables: list[str] = field(default_factory=list)  # table files that differ

    @property
    def identical(self) -> bool:
        return not (self.changed or self.only_old or self.only_new or self.tables)

    def line(self) -> str:
        return (f"{self.documents} documents in both: {len(self.changed)} changed ({self.paragraphs} paragraphs); "
                f"{len(self.only_old)} only in OLD, {len(self.only_new)} only in NEW; "
                f"{len(self.tables)} of {len(TABLE_FILES)} tables differ")


class Change(NamedTuple):
    where: str  # "document", "para 72", "block 3"
    field: str | None  # None: the whole paragraph or block is only on one side
    detail: str

    def line(self, doc_id: str) -> str:
        return f"{doc_id} {self.where}{' ' + self.field if self.field else ''}: {self.detail}"


def diff_outputs(old: Path, new: Path, say: Callable[[str], None] = print) -> DiffSummary:
    old_layout, new_layout = OutputLayout(old), OutputLayout(new)
    old_records, new_records = document_records(old_layout), document_records(new_layout)
    summary = DiffSummary()
    for doc_id in sorted(old_records.keys() | new_records.keys()):
        if doc_id not in new_records:
            summary.only_old.append(doc_id)
            say(f"{doc_id}: only in OLD")
        elif doc_id not in old_records:
            summary.only_new.append(doc_id)
            say(f"{doc_id}: only in NEW")
        else:
            summary.documents += 1
            changes = list(document_changes(doc_id, old_records[doc_id], new_records[doc_id], old_layout, new_layout))
            if changes:
                summary.changed.append(doc_id)
                summary.paragraphs += len({c.where for c in changes if c.where.startswith("para ")})
            for change in changes:
                say(change.line(doc_id))
    for name in TABLE_FILES:
        change = table_change(old_layout.table(name), new_layout.table(name))
        if change:
            summary.tables.append(name)
            say(f"table {name}: {change}")
    return summary


def document_records(layout: OutputLayout) -> dict[str, dict[str, Any]]:
    if not layout.documents.exists():
        raise OutputMissing(f"{layout.documents} not found: not an output folder", str(layout.root))
    return {str(record.get("doc_id")): record for record in read_jsonl(layout.documents)}


def document_changes(doc_id: str, old: dict[str, Any], new: dict[str, Any],
                     old_layout: OutputLayout, new_layout: OutputLayout) -> Iterator[Change]:
    for name, detail in record_changes(old, new, ignored=IGNORED_DOCUMENT_FIELDS):
        yield Change("document", name, detail)
    yield from keyed_file_changes("para", old_layout.paragraphs(doc_id), new_layout.paragraphs(doc_id))
    yield from keyed_file_changes("block", old_layout.blocks(doc_id), new_layout.blocks(doc_id))


def keyed_file_changes(key: str, old_path: Path, new_path: Path) -> Iterator[Change]:
    """Changes between two JSONL files of records numbered by `key` (para, block)."""
    if read_bytes(old_path) == read_bytes(new_path):
        return
    old, new = keyed(old_path, key), keyed(new_path, key)
    for number in sorted(old.keys() | new.keys(), key=lambda n: (str(type(n[0])), n)):
        where = f"{key} {number[0]}" + (f" (#{number[1] + 1})" if number[1] else "")
        if number not in new:
            yield Change(where, None, f"only in OLD {quote(old[number].get('text'))}")
        elif number not in old:
            yield Change(where, None, f"only in NEW {quote(new[number].get('text'))}")
        else:
            for name, detail in record_changes(old[number], new[number]):
                yield Change(where, name, detail)


def read_bytes(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def keyed(path: Path, key: str) -> dict[tuple[Any, int], dict[str, Any]]:
    """Records by (number, how many came before with that number): a repeated number stays apart."""
    seen: Counter[Any] = Counter()
    records = {}
    for record in read_jsonl(path) if path.exists() else []:
        number = record.get(key)
        records[(number, seen[number])] = record
        seen[number] += 1
    return records


def record_changes(old: dict[str, Any], new: dict[str, Any],
                   ignored: Iterable[str] = ()) -> Iterator[tuple[str, str]]:
    """(field, what changed) per difference, field by field in the record's own order."""
    names = [*old, *(name for name in new if name not in old)]
    same_text = old.get("text") == new.get("text")  # else every later offset moves: no news
    for name in names:
        before, after = old.get(name, MISSING), new.get(name, MISSING)
        if name in ignored or before == after:
            continue
        if isinstance(before, list) and isinstance(after, list):
            yield from ((name, detail) for detail in list_changes(name, before, after, same_text))
        elif isinstance(before, str) and isinstance(after, str):
            yield name, text_change(before, after)
        else:
            yield name, f"- {short(before)} + {short(after)}"


def list_changes(name: str, old: list[Any], new: list[Any], report_offsets: bool = True) -> Iterator[str]:
    """Entries removed and added, compared without offsets; offsets alone changing is one line."""
    removed, added = only_in(old, new), only_in(new, old)
    if not removed and not added and report_offsets:
        yield "same entries, other offsets or order"
    for entry in removed:
        yield f"- {describe(name, entry)}"
    for entry in added:
        yield f"+ {describe(name, entry)}"


def only_in(these: list[Any], others: list[Any]) -> list[Any]:
    """The entries of `these` that `others` lacks, counting repeats, in their order."""
    left = Counter(canonical(entry) for entry in others)
    missing = []
    for entry in these:
        key = canonical(entry)
        if left[key]:
            left[key] -= 1
        else:
            missing.append(entry)
    return missing


def canonical(value: Any) -> str:
    return json.dumps(without_offsets(value), sort_keys=True, ensure_ascii=False)


def without_offsets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_offsets(v) for k, v in value.items() if k not in OFFSETS}
    if isinstance(value, list):
        return [without_offsets(v) for v in value]
    return value


# ---------------------------------------------------------------- how a change reads


def describe(name: str, entry: Any) -> str:
    if not isinstance(entry, dict):
        return short(entry)
    describer = DESCRIBERS.get(name)
    try:
        return describer(entry) if describer else short(without_offsets(entry))
    except (KeyError, TypeError):  # an entry of another shape than this version writes
        return short(without_offsets(entry))


def span_range(start: Any, end: Any) -> str:
    return str(start) if start == end else f"{start}..{end}"


def describe_commitment(c: dict[str, Any]) -> str:
    deadline = c.get("deadline")
    until = f", deadline {quote(deadline['text'])} {span_range(deadline['start'], deadline['end'])}" if deadline else ""
    return f"{quote(c['text'])} {c['kind']} by {c['actor']}: {(c.get('action') or {}).get('text')}{until}"


DESCRIBERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "entities": lambda e: f"{quote(e['text'])} {e['label']}",
    "dates": lambda d: f"{quote(d['text'])} {span_range(d['start'], d['end'])} ({d['granularity']})",
    "amounts": lambda a: f"{quote(a['text'])} {a['kind']} {a['value']} {a['unit'] or ''}".rstrip(),
    "commitments": describe_commitment,
    "corrections": lambda c: f"{quote(c['original'])} → {quote(c['replacement'])} ({c['rule']})",
    "items": lambda i: f"{i['marker']} {quote(i['text'])}",
    "footnotes": lambda f: f"{f['number']} {quote(f['text'])}",
    "outline": lambda h: f"{h['id']} {h['level']} {quote(h['title'])}",
}


def text_change(old: str, new: str) -> str:
    """Both versions around where they differ: `- "…as reed in…" + "…as read in…"`."""
    start = common_prefix(old, new)
    tail = common_prefix(old[start:][::-1], new[start:][::-1])
    return f"- {excerpt(old, start, len(old) - tail)} + {excerpt(new, start, len(new) - tail)}"


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def excerpt(text: str, start: int, end: int) -> str:
    """text[start:end], the part that differs, with CONTEXT characters either side (cut when long)."""
    left = max(0, start - CONTEXT)
    right = min(len(text), end + CONTEXT, left + SNIPPET + 2 * CONTEXT)
    shown = json.dumps(text[left:right], ensure_ascii=False)
    return ("…" if left else "") + shown + ("…" if right < len(text) else "")


def quote(text: Any) -> str:
    text = "" if text is None else str(text)
    if len(text) > SNIPPET:
        text = text[:SNIPPET - 1] + "…"
    return json.dumps(text, ensure_ascii=False)


def short(value: Any) -> str:
    if value is MISSING:
        return "(absent)"
    shown = json.dumps(value, ensure_ascii=False)
    return shown if len(shown) <= SNIPPET * 2 else shown[:SNIPPET * 2 - 1] + "…"


# ---------------------------------------------------------------- tables


def table_change(old: Path, new: Path) -> str | None:
    """How a table differs, in rows; None when the files are the same."""
    before, after = read_bytes(old), read_bytes(new)
    if before == after:
        return None
    if before is None or after is None:
        return "only in NEW" if before is None else "only in OLD"
    old_rows, new_rows = before.decode("utf-8").splitlines(), after.decode("utf-8").splitlines()
    removed, added = len(only_in(old_rows, new_rows)), len(only_in(new_rows, old_rows))
    return f"{removed} rows only in OLD, {added} rows only in NEW" if removed or added else "same rows, other order"
