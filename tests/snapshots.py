"""Regression snapshots as views a reviewer can read, one folder per document.

tests/test_regression/<doc_id>/ holds four YAML views of the pipeline's output:
  outline.yml      the document record, its outline, and each paragraph's number,
                   section, pages and input lines (a segmentation change shows here)
  corrections.yml  every OCR correction: para, original, replacement, rule
  annotations.yml  entities, dates and amounts: para and text first, no offsets
  commitments.yml  every commitment with its strength, speaker, actor, action, object and deadline
Offsets are left out (a span is shown by its text), so one OCR fix early in a document
changes one line, not every later offset; keys keep the order a reader wants, `para` first.

`PYTHONPATH=tests python -m snapshots` (`make regen`) rewrites the views and prints
only the files that changed.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Any, Callable

import yaml

from pipeline.outputs.emit import document_record, paragraph_records
from pipeline.pipeline import process_document
from pipeline.run.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "tests" / "test_regression"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
# doc_id -> input: the seed, a State report as PDF, a Working Group report as PDF.
DOCUMENTS = {
    "A-HRC-WG.6-7-KAZ-1": ROOT / "raw" / "A-HRC-WG.6-7-KAZ-1.txt",
    "A-HRC-WG.6-48-SVN-1": SHARED_CORPUS / "A-HRC-WG.6-48-SVN-1.pdf",
    "A-HRC-28-15": SHARED_CORPUS / "A-HRC-28-15.pdf",
}
DOCUMENT_FIELDS = ("doc_id", "symbol", "pages", "paragraphs", "status", "warnings", "metadata", "lines",
                   "unassigned_lines")


def missing_reason(doc_id: str) -> str | None:
    path = DOCUMENTS[doc_id]
    return None if path.exists() else f"{path} is absent (the shared corpus is not next to the project)"


def document_views(doc_id: str) -> dict[str, str]:
    """The four views of a document, as YAML text, by file name."""
    document = process_document(DOCUMENTS[doc_id], Settings())
    record, paragraphs = document_record(document), paragraph_records(document)
    return {name: render(view(record, paragraphs), flow) for name, (view, flow) in VIEWS.items()}


def render(data: dict[str, Any], flow: bool) -> str:
    """YAML in the views' own key order; with `flow`, an entry of plain values is one line
    however long, so a change is one changed line."""
    if flow:
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=sys.maxsize, default_flow_style=None)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120, default_flow_style=False)


def outline_view(record: dict[str, Any], paragraphs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "document": {name: record.get(name) for name in DOCUMENT_FIELDS},
        "outline": [{"id": h["id"], "level": h["level"], "title": h["title"], "line_start": h["line_start"],
                     "inferred": h["inferred"], **({"raw_title": h["raw_title"]} if "raw_title" in h else {})}
                    for h in record["outline"]],
        "paragraphs": [{"para": p["para"], "section": heading_id(p["section"], p["subsection"]),
                        "pages": ",".join(map(str, p["source"]["pages"])),
                        "lines": f"{p['source']['line_start']}-{p['source']['line_end']}",
                        **({"items": " ".join(item["marker"].strip() for item in p["items"])} if p["items"] else {})}
                       for p in paragraphs],
        "footnotes": [{"number": f["number"], "page": f["page"], "line": f["line"], "text": f["text"]}
                      for f in record.get("footnotes", [])],
    }


def heading_id(section: dict[str, str] | None, subsection: dict[str, str] | None) -> str | None:
    ids = [h["id"] for h in (section, subsection) if h]
    return ".".join(ids) if ids else None


def corrections_view(_record: dict[str, Any], paragraphs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"corrections": [{"para": p["para"], "original": c["original"], "replacement": c["replacement"],
                             "rule": c["rule"]} for p in paragraphs for c in p["corrections"]]}


def annotations_view(_record: dict[str, Any], paragraphs: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "entities": [{"para": p["para"], "text": e["text"], "label": e["label"]}
                     for p in paragraphs for e in p["entities"]],
        "dates": [{"para": p["para"], "text": d["text"], "start": d["start"], "end": d["end"],
                   "granularity": d["granularity"]} for p in paragraphs for d in p["dates"]],
        "amounts": [{"para": p["para"], "text": a["text"], "kind": a["kind"], "value": a["value"], "unit": a["unit"],
                     **({"equivalent_of": span_text(p, a["equivalent_of"])} if "equivalent_of" in a else {})}
                    for p in paragraphs for a in p["amounts"]],
    }


def commitments_view(_record: dict[str, Any], paragraphs: list[dict[str, Any]]) -> dict[str, Any]:
    return {"commitments": [
        {"para": p["para"], "text": c["text"], "kind": c["kind"], "strength": c["strength"], "speaker": c["speaker"],
         "trigger": c["trigger"], "actor": c["actor"],
         "actor_mention": span_text(p, c["actor_mention"]), "action": span_text(p, c["action"]),
         "object": span_text(p, c["object"]),
         "deadline": {"text": c["deadline"]["text"], "start": c["deadline"]["start"], "end": c["deadline"]["end"],
                      "relation": c["deadline"]["relation"]}
         if c["deadline"] else None}
        for p in paragraphs for c in p["commitments"]
    ]}


def span_text(paragraph: dict[str, Any], span: dict[str, Any] | None) -> str | None:
    return None if span is None else paragraph["text"][span["start_char"]:span["end_char"]]


# file name -> (the view, whether entries of plain values go on one line)
VIEWS: dict[str, tuple[Callable[[dict[str, Any], list[dict[str, Any]]], dict[str, Any]], bool]] = {
    "outline.yml": (outline_view, True),
    "corrections.yml": (corrections_view, True),
    "annotations.yml": (annotations_view, True),
    "commitments.yml": (commitments_view, False),
}


def snapshot_path(doc_id: str, name: str) -> Path:
    return SNAPSHOTS / doc_id / name


def regenerate() -> int:
    """Rewrite every view whose text changed; print one line per changed file, and why a
    document was skipped. Returns how many files changed."""
    changed = 0
    for doc_id in DOCUMENTS:
        reason = missing_reason(doc_id)
        if reason:
            print(f"skipped {doc_id}: {reason}")
            continue
        for name, text in document_views(doc_id).items():
            path = snapshot_path(doc_id, name)
            old = path.read_text(encoding="utf-8") if path.exists() else ""
            if old != text:
                changed += 1
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
                print(f"{path.relative_to(ROOT)} | {line_counts(old, text)}")
    print(f"{changed} snapshot files changed" if changed else "snapshots unchanged")
    return changed


def line_counts(old: str, new: str) -> str:
    diff = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0))
    added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
    removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
    return f"+{added} -{removed}"


if __name__ == "__main__":
    regenerate()
