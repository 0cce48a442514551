"""Recommendations vs UPR Info: the recommend stage scored against UPR Info's database.

    PYTHONPATH=tests python -m evaluation.evaluate_recommendations [--paragraphs OUT] [--limit N]

(also the section "recommendations vs UPR Info" of `make eval`). For each Working Group
report that ../shared/uprinfo/wg_reports_index.csv lists for a session UPR Info's export
holds (1-5, 10-20), the report's paragraphs come from OUT/paragraphs/<stem>.jsonl when
--paragraphs names a pipeline output folder, else from a cache of our own under
.cache/recommendations/ (the stages up to clean, run once per PDF; delete the folder after
changing those stages).

Matching. UPR Info has one row per recommendation and recommending State, and sometimes
shortens or lightly edits the text; so an extracted recommendation made by three States
is three units (recommendation, State), and units are matched one-to-one to the rows of
the same report, greedily by text similarity (the mean of rapidfuzz's plain ratio of the
normalized texts and the share of the row's words the unit's text has, at least
MATCH_THRESHOLD), a unit of the row's own State first among nearly equally similar ones. Precision is matched units over units,
recall matched rows over rows. Over the matched pairs: recommending State (the unit's
State is the row's `From`), response (only where the report states one: supported =
Accepted, noted = Noted; UPR Info's answer to a "pending" one comes from a later
addendum) and action category (the row's `Action`).

"R many-to-one" also counts the rows left unmatched whose text a unit of their own State
matches: UPR Info splits one printed recommendation of one State into several rows ("Accede
to ICESCR", "Accede to CAT" for "Accede to ICESCR; CAT and its Optional Protocol").

The naive baseline splits the same paragraphs at numbered items ending in "(State)".
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import numpy as np
from rapidfuzz import fuzz, process

from pipeline.stages.recommend.recommend import document_recommendations
from pipeline.stages.recommend.states import normalize_state, split_states

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
UPRINFO = SHARED / "uprinfo"
CACHE = ROOT / ".cache" / "recommendations"
MATCH_THRESHOLD = 62
SAME_STATE_BONUS = 4  # among near-equal texts, the unit of the row's State
RESPONSES = {"supported": "Accepted", "noted": "Noted"}
NAIVE = re.compile(r"(?:(?<=\s)|^)\d{1,3}(?:\.\d{1,3})?\.?\s+([A-Z][^()]*?)\s*\(([^()]+)\)\s*[;.]")


@dataclass
class Tally:
    units: int = 0
    rows: int = 0
    matched: int = 0
    covered: int = 0  # rows left unmatched whose text a unit of their State already has (UPR Info split it)
    states: list[int] = field(default_factory=lambda: [0, 0])
    responses: list[int] = field(default_factory=lambda: [0, 0])
    actions: list[int] = field(default_factory=lambda: [0, 0])
    seconds: float = 0.0
    reports: int = 0
    missed: list[str] = field(default_factory=list)  # the rows of one report no unit matched
    extra: list[str] = field(default_factory=list)  # its units that matched no row

    def add(self, other: "Tally") -> None:
        self.units += other.units
        self.rows += other.rows
        self.matched += other.matched
        self.covered += other.covered
        for name in ("states", "responses", "actions"):
            mine, theirs = getattr(self, name), getattr(other, name)
            mine[0] += theirs[0]
            mine[1] += theirs[1]
        self.seconds += other.seconds
        self.reports += other.reports

    def line(self, name: str, full: bool = True) -> str:
        precision = self.matched / self.units if self.units else 1.0
        recall = self.matched / self.rows if self.rows else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        text = (f"{name:<14} P {precision:6.1%}  R {recall:6.1%}  F1 {f1:6.1%}  "
                f"(matched {self.matched}, units {self.units}, rows {self.rows})")
        if full:
            text += f"  R many-to-one {(self.matched + self.covered) / self.rows if self.rows else 1.0:6.1%}"
            text += "".join(f"  {label} {share(pair)}" for label, pair in
                            (("States", self.states), ("response", self.responses), ("action", self.actions)))
        return text


def share(pair: list[int]) -> str:
    return f"{pair[0] / pair[1]:6.1%} ({pair[0]}/{pair[1]})" if pair[1] else "     - (0/0)"


def normalized(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"^(?:that|recommends?|recommended|it|also|the)\b\s*(?:that\s+)?", "", text.strip())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def similarities(texts: list[str], others: list[str]) -> np.ndarray:
    """The texts (ours) by the others (UPR Info's): the mean of the plain ratio and the share of
    the other's words that ours has (UPR Info shortens, and splits a shared recommendation)."""
    if not texts or not others:
        return np.zeros((len(texts), len(others)), dtype=np.float32)
    plain = process.cdist(texts, others, scorer=fuzz.ratio, dtype=np.float32)
    ours, theirs = [set(text.split()) for text in texts], [set(text.split()) for text in others]
    contained = np.array([[len(words & mine) / len(words) if words else 0.0 for words in theirs] for mine in ours],
                         dtype=np.float32)
    return (plain + 100 * contained) / 2


def state_key(name: str | None) -> str | None:
    if name is None:
        return None
    state = normalize_state(name)
    return (state.iso3 or state.name) if state else name.strip().lower()


def load_rows() -> dict[tuple[str, int], list[dict[str, str]]]:
    """UPR Info rows by (State under review as in the index, session)."""
    rows: dict[tuple[str, int], list[dict[str, str]]] = defaultdict(list)
    seen: set[int] = set()
    for path in sorted(UPRINFO.glob("recommendations_sessions_*.csv")):
        sessions_here: set[int] = set()
        for row in csv.DictReader(path.open(encoding="utf-8")):
            session = int(row["Session"])
            if session in seen:
                continue  # session 17 is in two files
            sessions_here.add(session)
            rows[(state_key(row["To"]), session)].append(row)
        seen |= sessions_here
    return rows


def reports(limit: int | None, sessions: set[int] | None) -> list[tuple[str, int, Path]]:
    listed = []
    with (UPRINFO / "wg_reports_index.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            session = int(row["session"])
            if sessions is None or session in sessions:
                listed.append((row["state_under_review"], session, SHARED / row["file"]))
    return listed[:limit] if limit else listed


def paragraphs_of(pdf: Path, output: Path | None) -> tuple[list[tuple[int, str]], dict]:
    """(para, text) pairs and the document's context record, from a pipeline output folder
    or from our cache."""
    if output is not None:
        lines = (output / "paragraphs" / f"{pdf.stem}.jsonl").read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        return [(r["para"], r["text"]) for r in records], {}
    cached = CACHE / f"{pdf.stem}.json"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(json.dumps(read_paragraphs(pdf)), encoding="utf-8")
    data = json.loads(cached.read_text(encoding="utf-8"))
    return [tuple(pair) for pair in data["paragraphs"]], data["context"]


def read_paragraphs(pdf: Path) -> dict:
    """The stages up to clean (the text the recommend stage reads), without tagging."""
    from pipeline.model import Document
    from pipeline.pipeline import STAGES
    from pipeline.run.settings import Settings

    document, settings = Document(path=pdf), Settings(model="none")
    for stage in STAGES:
        if stage.name in ("tag", "commit", "recommend", "emit"):
            continue
        document = stage.run(document, settings)
    return {"paragraphs": [(p.para, p.text) for p in document.segmentation.paragraphs],
            "context": {"state": document.context.state.name if document.context.state else None}}


def extracted_units(found: list[dict]) -> list[tuple[int, str | None]]:
    return [(index, state["iso3"] or state["name"]) for index, record in enumerate(found)
            for state in (record["recommending_states"] or [{"iso3": None, "name": None}])]


def naive_recommendations(paragraphs: list[tuple[int, str]]) -> list[dict]:
    found = []
    for _, text in paragraphs:
        for match in NAIVE.finditer(text):
            states = split_states(match[2]) or [normalize_state(part) for part in match[2].split(",")]
            found.append({"text": match[1], "recommending_states": [
                {"name": state.name, "iso3": state.iso3} for state in states if state is not None],
                "response": None, "action_category": None})
    return found


def score_report(found: list[dict], rows: list[dict[str, str]]) -> Tally:
    tally = Tally(rows=len(rows), reports=1)
    units = extracted_units(found)
    tally.units = len(units)
    texts = [normalized(record["text"]) for record in found]
    row_texts = [normalized(row["Text"]) for row in rows]
    row_states = [state_key(row["From"]) for row in rows]
    text_scores = similarities(texts, row_texts)
    pairs = []
    for u, (index, state) in enumerate(units):
        for r in np.flatnonzero(text_scores[index] >= MATCH_THRESHOLD):
            pairs.append((text_scores[index, r] + (SAME_STATE_BONUS if state == row_states[r] else 0), u, int(r)))
    used_units, used_rows = set(), set()
    for _, u, r in sorted(pairs, reverse=True):
        if u in used_units or r in used_rows:
            continue
        used_units.add(u)
        used_rows.add(r)
        index, state = units[u]
        record, row = found[index], rows[r]
        tally.matched += 1
        count(tally.states, state == row_states[r])
        if record["response"] in RESPONSES:
            count(tally.responses, RESPONSES[record["response"]] == row["Response"])
        if record["action_category"] is not None:
            count(tally.actions, str(record["action_category"]) == row["Action"].strip())
    unmatched = [r for r in range(len(rows)) if r not in used_rows]
    tally.covered = sum(1 for r in unmatched if any(
        state == row_states[r] and text_scores[index, r] >= MATCH_THRESHOLD for index, state in units))
    tally.missed = [rows[r]["From"] + ": " + rows[r]["Text"] for r in unmatched]
    tally.extra = [f"{units[u][1]}: {found[units[u][0]]['text']}" for u in range(len(units)) if u not in used_units]
    return tally


def count(pair: list[int], ok: bool) -> None:
    pair[0] += int(ok)
    pair[1] += 1


def evaluate(output: Path | None = None, limit: int | None = None, sessions: set[int] | None = None,
             say: Callable[[str], None] = print, details: bool = False) -> dict[str, Tally]:
    say("== recommendations vs UPR Info (sessions 1-5, 10-20; units = recommendation x State) ==")
    rows = load_rows()
    ours: dict[int, Tally] = defaultdict(Tally)
    naive: dict[int, Tally] = defaultdict(Tally)
    slowest = (0.0, "")
    for state, session, pdf in reports(limit, sessions):
        expected = rows.get((state_key(state), session))
        if not expected:
            continue
        if not pdf.exists() and output is None:
            say(f"  {pdf.name}: not found, skipped")
            continue
        paragraphs, _ = paragraphs_of(pdf, output)
        started = time.perf_counter()
        found = document_recommendations(paragraphs)
        seconds = time.perf_counter() - started
        slowest = max(slowest, (seconds, pdf.stem))
        tally = score_report(found, expected)
        tally.seconds = seconds
        ours[session].add(tally)
        naive[session].add(score_report(naive_recommendations(paragraphs), expected))
        if details:
            say("  " + tally.line(pdf.stem))
            say("".join(f"    missed {text[:160]}\n" for text in tally.missed) +
                "".join(f"    extra  {text[:160]}\n" for text in tally.extra))
    print_tallies(ours, naive, say)
    say(f"  time: {sum(t.seconds for t in ours.values()):.2f}s for {sum(t.reports for t in ours.values())} reports,"
        f" slowest {slowest[1]} {slowest[0]:.3f}s")
    pooled = Tally()
    for tally in ours.values():
        pooled.add(tally)
    return {"pooled": pooled, **{str(session): tally for session, tally in ours.items()}}


def print_tallies(ours: dict[int, Tally], naive: dict[int, Tally], say: Callable[[str], None]) -> None:
    pooled, pooled_naive = Tally(), Tally()
    for session in sorted(ours):
        say("  " + ours[session].line(f"session {session:>2} ({ours[session].reports})"))
        pooled.add(ours[session])
        pooled_naive.add(naive[session])
    say("  " + pooled.line("all sessions"))
    say("  " + pooled_naive.line("naive regex", full=False) + "  States " + share(pooled_naive.states))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.evaluate_recommendations", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paragraphs", type=Path, help="a pipeline output folder to read the paragraphs from")
    parser.add_argument("--limit", type=int, help="only the first N reports of the index")
    parser.add_argument("--session", type=int, action="append", help="only these UPR sessions")
    parser.add_argument("--details", action="store_true", help="a line per report")
    args = parser.parse_args(list(argv) if argv is not None else None)
    evaluate(args.paragraphs, args.limit, set(args.session) if args.session else None, details=args.details)
    return 0


if __name__ == "__main__":
    sys.exit(main())
