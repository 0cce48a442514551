"""The report's tables of findings: commitments and recommendations, from one table model.

Entry points: `commitments_table(documents, page_of)` and `recommendations_table(records,
documents, page_of)` build a `TableView`: columns (each with its own filter), rows of cells
(the text shown is what a column filter matches and what the CSV export writes), and the
toggles that show or hide rows by a flag. The template `_macros.html.j2` draws any
`TableView`; `report.js` sorts, filters and exports it.

Recommendation records (`recommendations.jsonl`) are read defensively: a missing or
oddly-typed field shows as "—", never as an error.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from pipeline.outputs.annotations import describe_deadline, iso_interval, span_text

MISSING = "—"
UNSPECIFIED_ACTOR = "unspecified"


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    choice: bool = False  # filtered by picking one of its values, not by typing
    numeric: bool = False


@dataclass(frozen=True)
class Cell:
    text: str  # shown, filtered on and exported
    sort: str | None = None  # what sorting uses when not the text ("" sorts last)
    href: str | None = None
    detail: str = ""  # shown after the text, muted (a commitment's object)


@dataclass
class TableRow:
    cells: dict[str, Cell]
    flags: tuple[str, ...] = ()  # what the toggles look at: "dated", "unspecified-actor"


@dataclass(frozen=True)
class Toggle:
    label: str
    flag: str
    keep: bool  # checked: True keeps only the rows with the flag, False hides them


@dataclass
class TableView:
    id: str
    export_name: str  # the CSV file name
    noun: str  # "commitment", for "No commitments were extracted."
    columns: list[Column]
    rows: list[TableRow]
    toggles: list[Toggle] = field(default_factory=list)

    def choices(self, column: Column) -> list[str]:
        return sorted({row.cells[column.key].text for row in self.rows if column.key in row.cells})


# ---------------------------------------------------------------- shared cells

def shown(value: Any) -> str:
    """A value as the report shows it: "—" for nothing, lists joined with commas."""
    if isinstance(value, (list, tuple)):
        return ", ".join(shown(v) for v in value if v not in (None, "")) or MISSING
    if value is None or value == "" or isinstance(value, dict):
        return MISSING
    return str(value)


def paragraph_cell(para: Any, href: str | None) -> Cell:
    return Cell(f"¶ {para}" if para is not None else MISSING, sort=str(para if isinstance(para, int) else ""), href=href)


# ---------------------------------------------------------------- commitments

# Where a finding stands: first in every table.
PLACE_COLUMNS = [Column("state", "State", choice=True), Column("symbol", "Symbol"),
                 Column("para", "Paragraph", numeric=True)]
COMMITMENT_COLUMNS = PLACE_COLUMNS + [
    Column("kind", "Kind", choice=True),
    Column("actor", "Actor"),
    Column("action", "Action"),
    Column("deadline", "Deadline"),
]
THEME_COLUMN = Column("theme", "Theme", choice=True)
COMMITMENT_TOGGLES = [Toggle("has a deadline", "dated", keep=True),
                      Toggle("hide unspecified actors", "unspecified-actor", keep=False)]


@dataclass(frozen=True)
class Commitment:
    """One commitment as the timeline and the table use it."""

    state: str
    symbol: str
    para: Any
    href: str
    kind: str
    actor: str
    action: str
    object: str
    deadline: str  # its words and ISO interval: "by June 2015 (2015-06-01/2015-06-30)"; "" when none
    deadline_text: str
    deadline_start: str | None
    deadline_end: str | None
    theme: str


def commitments_of(linked: Iterable[tuple[dict[str, Any], str]], state: str, symbol: str) -> list[Commitment]:
    """The commitments of (paragraph record, its link) pairs of one document."""
    found = []
    for record, href in linked:
        for c in record.get("commitments") or []:
            deadline = c.get("deadline") if isinstance(c.get("deadline"), dict) else {}
            found.append(Commitment(
                state=state, symbol=symbol, para=record.get("para"), href=href,
                kind=shown(c.get("kind")), actor=shown(c.get("actor")),
                action=span_text(c.get("action")), object=span_text(c.get("object")),
                deadline=describe_deadline(deadline) if deadline else "",
                deadline_text=shown(deadline.get("text")),
                deadline_start=deadline.get("start"), deadline_end=deadline.get("end"),
                theme=shown(c.get("themes") or c.get("theme")),
            ))
    return found


def commitments_table(commitments: list[Commitment], table_id: str = "commitments-table") -> TableView:
    themed = any(c.theme != MISSING for c in commitments)
    return TableView(
        id=table_id, export_name="commitments.csv", noun="commitment",
        columns=COMMITMENT_COLUMNS + ([THEME_COLUMN] if themed else []),
        rows=[commitment_row(c) for c in commitments],
        toggles=COMMITMENT_TOGGLES,
    )


def commitment_row(c: Commitment) -> TableRow:
    sort = c.deadline_start or c.deadline_end or ""
    flags = (("dated",) if sort else ()) + (("unspecified-actor",) if c.actor in (UNSPECIFIED_ACTOR, MISSING) else ())
    return TableRow(
        cells={
            "state": Cell(c.state),
            "symbol": Cell(c.symbol),
            "para": paragraph_cell(c.para, c.href),
            "kind": Cell(c.kind),
            "actor": Cell(c.actor),
            "action": Cell(c.action or MISSING, detail=c.object),
            "deadline": Cell(c.deadline_text if c.deadline else MISSING, sort=sort,
                             detail=iso_interval(c.deadline_start, c.deadline_end) if c.deadline else ""),
            "theme": Cell(c.theme),
        },
        flags=flags,
    )


# ---------------------------------------------------------------- recommendations

RECOMMENDATION_COLUMNS = PLACE_COLUMNS + [
    Column("number", "No.", numeric=True),
    Column("recommending", "Recommended by"),
    Column("text", "Recommendation"),
    Column("response", "Response", choice=True),
    Column("category", "Action category", choice=True),
    Column("themes", "Themes"),
]


def recommendations_table(records: list[dict[str, Any]], state_of: Callable[[dict[str, Any]], str],
                          href_of: Callable[[dict[str, Any]], str | None]) -> TableView:
    """`state_of` and `href_of` fill what a record lacks from its document (the State, the link)."""
    return TableView(
        id="recommendations-table", export_name="recommendations.csv", noun="recommendation",
        columns=RECOMMENDATION_COLUMNS,
        rows=[recommendation_row(r, state_of(r), href_of(r)) for r in records if isinstance(r, dict)],
    )


def recommendation_row(record: dict[str, Any], state: str, href: str | None) -> TableRow:
    number = record.get("number")
    return TableRow(cells={
        "state": Cell(state),
        "symbol": Cell(shown(record.get("symbol") or record.get("doc_id"))),
        "para": paragraph_cell(record.get("para"), href),
        "number": Cell(shown(number), sort=str(number) if isinstance(number, (int, float)) else ""),
        "recommending": Cell(shown(record.get("recommending_states"))),
        "text": Cell(shown(record.get("text"))),
        "response": Cell(shown(record.get("response"))),
        "category": Cell(shown(record.get("action_category"))),
        "themes": Cell(shown(record.get("themes"))),
    })
