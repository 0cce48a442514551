"""Quality figures against hand-checked gold: `python -m evaluation.evaluate` (`make eval`).

Each evaluator reads one kind of gold under tests/gold/ and prints precision,
recall and F1 (or accuracy) per field. Documents whose source is absent (the
shared corpus on another machine) are skipped with a note.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from evaluation import ocr_eval
from evaluation import ocr_heldout
from pipeline.outputs.annotations import FIELDS, KINDS, has_valid_offsets
from pipeline.outputs.emit import line_claims, paragraph_records
from pipeline.errors import PipelineError
from evaluation.evaluate_classify import evaluate_classify
from evaluation.evaluate_tags import evaluate_tags
from evaluation.results import JsonReport, register
from evaluation import evaluate_recommendations
from pipeline.model import Document
from pipeline.pipeline import process_document
from pipeline.run.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positive + self.false_negative
        return self.true_positive / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.true_positive += other.true_positive
        self.false_positive += other.false_positive
        self.false_negative += other.false_negative

    def figures(self) -> dict[str, float | int | None]:
        """Precision, recall and F1, None where undefined: precision with nothing found,
        recall with nothing expected, all three for an empty class."""
        found = self.true_positive + self.false_positive
        expected = self.true_positive + self.false_negative
        return {"precision": self.precision if found else None, "recall": self.recall if expected else None,
                "f1": self.f1 if found or expected else None, "tp": self.true_positive,
                "fp": self.false_positive, "fn": self.false_negative}

    def line(self, name: str) -> str:
        figures = self.figures()
        return register(
            f"{name:<34} P {percent(figures['precision'])}  R {percent(figures['recall'])}"
            f"  F1 {percent(figures['f1'])}"
            f"  (tp {self.true_positive}, fp {self.false_positive}, fn {self.false_negative})",
            name, figures)


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    def line(self, name: str) -> str:
        value = self.value if self.total else None
        return register(f"{name:<34} {percent(value)}  ({self.right}/{self.total})", name,
                        {"accuracy": value, "right": self.right, "total": self.total})


@dataclass
class Count:
    """Something that should not happen, counted (lower is better)."""

    found: int = 0
    of: int = 0

    def add(self, other: "Count") -> None:
        self.found += other.found
        self.of += other.of

    def line(self, name: str) -> str:
        return register(f"{name:<34} {self.found:6d}  (in {self.of} paragraphs)", name,
                        {"found": self.found, "of": self.of})


@dataclass
class Speed:
    pages: int = 0
    seconds: float = 0.0

    def add(self, other: "Speed") -> None:
        self.pages += other.pages
        self.seconds += other.seconds

    def line(self, name: str) -> str:
        rate = self.pages / self.seconds if self.seconds else 0.0
        return register(f"{name:<34} {rate:6.1f}  ({self.pages} pages in {self.seconds:.2f}s)", name,
                        {"pages_per_second": round(rate, 2), "pages": self.pages, "seconds": round(self.seconds, 2)})


def percent(value: float | None) -> str:
    """A figure as the report prints it: "100.0%", or "n/a" where it is undefined."""
    return f"{value:6.1%}" if value is not None else "   n/a"


# Page furniture that must not reach paragraph text: job numbers, "Page N", barcodes and
# private-use glyphs, unmapped glyph codes.
FURNITURE_IN_TEXT_RE = re.compile(r"\bGE\.\d{2}-\s?\d{4,6}|\bPage \d{1,3}\b|\*\d{6,}\*|[\ue000-\uf8ff]|\(cid:\d+\)")
METADATA_FIELDS = ("symbol", "distribution_date", "original_language", "session", "country", "document_type")


def normalize_words(text: str) -> str:
    """Compare texts regardless of spacing, case and punctuation (OCR splits words)."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def resolve_source(gold_source: str) -> Path:
    path = (ROOT / gold_source).resolve()
    return path


@lru_cache(maxsize=None)
def processed(source: Path) -> Document:
    return process_document(source, Settings())


def load_gold(kind: str, gold_dir: Path) -> list[dict]:
    return [read_gold(p) for p in sorted((gold_dir / kind).glob("*.json"))]


def read_gold(path: Path) -> dict:
    """A gold file, or one that reuses another's gold for the same document through
    another door: {"same_as": "<file>", "source": ..., "ignore": [keys the door cannot have]}."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    if "same_as" not in gold:
        return gold
    base = read_gold(path.parent / gold["same_as"])
    ignored = set(gold.get("ignore", []))
    merged = {k: v for k, v in base.items() if k not in ignored}
    merged.update({k: v for k, v in gold.items() if k not in ("same_as", "ignore")})
    merged["paragraphs"] = [{k: v for k, v in g.items() if k not in ignored} for g in base["paragraphs"]]
    return merged


def gold_document(gold: dict) -> Document | None:
    source = resolve_source(gold["source"])
    if not source.exists():
        print(f"  skip {gold['doc_id']}: {gold['source']} not found")
        return None
    try:
        return processed(source)
    except PipelineError as exc:
        print(f"  fail {gold['doc_id']}: {exc}")
        return None


def evaluate_segments(gold_dir: Path) -> None:
    print("== segmentation (tests/gold/segments) ==")
    totals: dict = {}
    for gold in load_gold("segments", gold_dir):
        document = gold_document(gold)
        if document is None:
            continue
        scores = segment_scores(gold, document) | source_scores(gold, document)
        print(f"  {gold['doc_id']}")
        for name, score in scores.items():
            print("    " + score.line(name))
            totals.setdefault(name, type(score)())
            _merge(totals[name], score)
    print("  all documents")
    for name, score in totals.items():
        print("    " + score.line(name))


def _merge(total, part) -> None:
    if isinstance(total, Accuracy):
        total.right += part.right
        total.total += part.total
    else:
        total.add(part)


def source_scores(gold: dict, document: Document) -> dict:
    """What the reader and the metadata stage got right: pages, cover metadata, footnotes,
    furniture left in the text, and reading speed for PDFs."""
    found = {p.para: p for p in document.segmentation.paragraphs}
    pages, metadata, furniture = Accuracy(), Accuracy(), Count(of=len(found))
    for g in gold["paragraphs"]:
        p = found.get(g["para"])
        if "page" in g and p is not None and document.source.pages is not None:
            pages.add(bool(p.pages) and p.pages[0] == g["page"])
    for field in METADATA_FIELDS:
        if gold.get(field) is not None:
            metadata.add(document.metadata.get(field) == gold[field])
    symbol = document.symbol or "\0"
    furniture.found = sum(
        len(FURNITURE_IN_TEXT_RE.findall(p.text)) + p.text.count(symbol) for p in found.values()
    )
    scores = {"pages": pages, "metadata": metadata, "furniture left in text": furniture}
    if gold.get("footnotes_sample"):
        scores["footnotes (sample)"] = footnote_score(gold["footnotes_sample"], document)
    if document.source.kind == "pdf":
        scores["pages/second (PDF reading)"] = Speed(document.source.pages or 0, document.timings.get("ingest", 0.0))
    return scores


def footnote_score(sample: list[dict], document: Document) -> Score:
    by_number = {f.number: f for f in reversed(document.segmentation.footnotes)}
    score = Score()
    for g in sample:
        note = by_number.get(g["number"])
        ok = note is not None and note.page == g["page"] and normalize_words(note.text).startswith(
            normalize_words(g["first_words"]))
        score.true_positive += int(ok)
        score.false_negative += int(not ok)
    return score


def segment_scores(gold: dict, document: Document) -> dict:
    found = {p.para: p for p in document.segmentation.paragraphs}
    paragraphs, section, subsection = Score(), Accuracy(), Accuracy()
    for g in gold["paragraphs"]:
        p = found.get(g["para"])
        words = normalize_words(g["first_words"])
        if p is None or not normalize_words(p.body).startswith(words):
            paragraphs.false_negative += 1
            continue
        paragraphs.true_positive += 1
        section.add((p.section.numeral if p.section else None) == g["section"])
        subsection.add((p.subsection.numeral if p.subsection else None) == g["subsection"])
    paragraphs.false_positive = len(found) - paragraphs.true_positive
    gold_outline = {(h["id"], normalize_words(h["title"])) for h in gold["outline"] if h["level"] != "topic"}
    found_outline = {
        (h.id, normalize_words(h.title)) for h in document.segmentation.outline if h.level != "topic"
    }
    outline = Score(
        len(gold_outline & found_outline), len(found_outline - gold_outline), len(gold_outline - found_outline)
    )
    return {"paragraphs": paragraphs, "section": section, "subsection": subsection, "outline": outline}


def evaluate_commitments(gold_dir: Path) -> None:
    from evaluation.evaluate_commitments import evaluate_commitments as evaluate  # it builds on this module

    evaluate(gold_dir)


def evaluate_pledges(_gold_dir: Path) -> None:
    from evaluation.pledge_benchmark import evaluate_pledges as evaluate  # it builds on this module

    evaluate()


def evaluate_provenance(gold_dir: Path) -> None:
    """Each span's words against the text its offsets point at: what the report highlights."""
    print("== span provenance: text[start_char:end_char] is the span's text ==")
    totals = {kind: Accuracy() for kind in KINDS}
    for gold in load_gold("segments", gold_dir):
        document = gold_document(gold)
        for record in paragraph_records(document) if document else []:
            for kind in KINDS:
                for span in record[FIELDS[kind]]:
                    totals[kind].add(span_matches_text(kind, span, record["text"]))
    for kind, accuracy in totals.items():
        print("    " + accuracy.line(FIELDS[kind]))


def span_matches_text(kind: str, span: dict, text: str) -> bool:
    words = span.get("replacement") if kind == "correction" else span.get("text")
    return has_valid_offsets(span, len(text)) and text[span["start_char"]:span["end_char"]] == words


def evaluate_ocr(gold_dir: Path) -> None:
    print("== OCR repair (tests/gold/ocr) ==")
    for gold in ocr_eval.load_ocr_gold(gold_dir):
        document = gold_document({"doc_id": gold["doc_id"], "source": f"raw/{gold['doc_id']}.txt"})
        if document is not None:
            score = ocr_eval.score_seed(gold, document)
            damaged, suspicious = ocr_eval.damaged_rare_words(gold, document), ocr_eval.kept_suspicious(document)
            ocr_eval.print_seed_score(gold["doc_id"], gold, score, damaged, suspicious)
    print("  born-digital texts (every change is a likely false correction)")
    total_changes = total_words = 0
    for name in ocr_eval.BORN_DIGITAL:
        document = gold_document({"doc_id": name, "source": f"../shared/corpus/{name}"})
        if document is not None:
            changes, words = ocr_eval.born_digital_changes(document)
            ocr_eval.print_born_digital(name, changes, words)
            total_changes, total_words = total_changes + len(changes), total_words + words
    rate = 10_000 * total_changes / total_words if total_words else 0.0
    print(f"  all born-digital: {total_changes} changes in {total_words} words ({rate:.1f} per 10,000 words)")


def evaluate_ocr_heldout(_gold_dir: Path) -> None:
    print("== OCR repair, held out: born-digital texts damaged by a seeded generator ==")
    total = ocr_heldout.HeldoutScore()
    for name in ocr_eval.BORN_DIGITAL:
        document = gold_document({"doc_id": name, "source": f"../shared/corpus/{name}"})
        if document is not None:
            score = ocr_heldout.evaluate_document(document)
            ocr_heldout.print_score(name, score)
            total.add(score)
    ocr_heldout.print_score("all born-digital texts", total, details=True)


def evaluate_coverage(gold_dir: Path) -> None:
    """Nothing lost: the share of non-blank input lines claimed exactly once (by a
    paragraph, heading, furniture, notes, front matter or floating mark), and
    how many only an explicit "unassigned" block holds."""
    print("== line coverage (documents of tests/gold/segments) ==")
    accounted, unassigned = Accuracy(), Accuracy()
    for gold in load_gold("segments", gold_dir):
        document = gold_document(gold)
        if document is None:
            continue
        claims = Counter(line for line, _role in line_claims(document))
        doc_accounted, doc_assigned = Accuracy(), Accuracy()
        for line in (line for line in document.source.lines if line.text.strip()):
            doc_accounted.add(claims[line] == 1)
        for line, role in line_claims(document):
            doc_assigned.add(role != "unassigned")
        print(f"  {gold['doc_id']}")
        print("    " + doc_accounted.line("lines accounted for once"))
        print("    " + doc_assigned.line("lines not left unassigned"))
        _merge(accounted, doc_accounted)
        _merge(unassigned, doc_assigned)
    print("  all documents")
    print("    " + accounted.line("lines accounted for once"))
    print("    " + unassigned.line("lines not left unassigned"))


EVALUATORS = {
    "segments": evaluate_segments,
    "coverage": evaluate_coverage,
    "ocr": evaluate_ocr,
    "ocr_heldout": evaluate_ocr_heldout,
    "provenance": evaluate_provenance,
    "tags": evaluate_tags,
    "commitments": evaluate_commitments,
    "pledges": evaluate_pledges,
    "classify": evaluate_classify,
    "recommendations": lambda _gold_dir: evaluate_recommendations.evaluate(),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.evaluate", description=__doc__)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold")
    parser.add_argument("--only", choices=sorted(EVALUATORS), action="append")
    parser.add_argument("--json", type=Path, metavar="PATH",
                        help="also write every figure as JSON: {section: {document or group: {figure: values}}}")
    args = parser.parse_args(argv)
    report = JsonReport(sys.stdout)
    with contextlib.redirect_stdout(report if args.json else sys.stdout):
        for name in args.only or EVALUATORS:
            EVALUATORS[name](args.gold)
    if args.json:
        report.save(args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
