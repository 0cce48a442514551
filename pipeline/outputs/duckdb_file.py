"""`OUT/upr.duckdb` (`run --duckdb`): the run's tables and documents in one DuckDB file, with
views for the questions analysts ask first. Optional: duckdb is an extra
(`pip install 'upr-pipeline[duckdb]'`).

Entry point: `write_duckdb(out)`, after the tables are written; the file is built beside
its place and renamed, so a reader never sees half of it.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

from pipeline.errors import OutputNotWritable
from pipeline.outputs.emit import writing
from pipeline.outputs.layout import TEMP_PREFIX, TEMP_SUFFIX, OutputLayout
from pipeline.outputs.tables import TABLE_SPECS

DUCKDB_FILE = "upr.duckdb"
INSTALL_HINT = "pip install 'upr-pipeline[duckdb]'"
# view -> (the tables it reads, its query)
VIEWS = {
    "commitments_with_deadlines": (("commitments",), """
        SELECT doc_id, symbol, para, kind, actor, action, object, deadline, deadline_end, text
        FROM commitments WHERE deadline_end IS NOT NULL ORDER BY deadline_end, doc_id, para"""),
    "commitments_by_actor": (("commitments",), """
        SELECT actor, kind, count(*) AS commitments, count(DISTINCT doc_id) AS documents
        FROM commitments GROUP BY ALL ORDER BY commitments DESC, actor, kind"""),
    "annotations_per_document": (("documents", "entities", "dates", "amounts", "commitments"), """
        SELECT d.doc_id, d.symbol, d.paragraphs,
               (SELECT count(*) FROM entities e WHERE e.doc_id = d.doc_id) AS entities,
               (SELECT count(*) FROM dates t WHERE t.doc_id = d.doc_id) AS dates,
               (SELECT count(*) FROM amounts a WHERE a.doc_id = d.doc_id) AS amounts,
               (SELECT count(*) FROM commitments c WHERE c.doc_id = d.doc_id) AS commitments
        FROM documents d ORDER BY d.doc_id"""),
}


def duckdb_available() -> bool:
    return importlib.util.find_spec("duckdb") is not None


def write_duckdb(out: Path) -> Path:
    import duckdb  # an optional dependency: imported only when asked for

    layout = OutputLayout(out)
    target = layout.table(DUCKDB_FILE)
    with writing(target):
        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{DUCKDB_FILE}.", suffix=TEMP_SUFFIX, dir=target.parent)
        os.close(fd)
        os.remove(tmp)  # duckdb makes the file itself
        try:
            with duckdb.connect(tmp) as connection:
                created = load_tables(connection, layout)
                for name, (needs, query) in VIEWS.items():
                    if set(needs) <= created:
                        connection.execute(f"CREATE VIEW {name} AS {query}")
            os.replace(tmp, target)
        except duckdb.Error as exc:
            raise OutputNotWritable(f"cannot write {target}: {exc}", str(target)) from exc
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
    return target


def load_tables(connection, layout: OutputLayout) -> set[str]:
    """The tables from their Parquet files, and the documents from documents.jsonl."""
    created = set()
    for spec in TABLE_SPECS:
        path = layout.table(spec.parquet)
        connection.execute(f"CREATE TABLE {spec.name} AS SELECT * FROM read_parquet(?)", [str(path)])
        created.add(spec.name)
    if layout.documents.exists() and layout.documents.stat().st_size:
        connection.execute("CREATE TABLE documents AS SELECT * FROM read_json_auto(?, format = 'newline_delimited')",
                           [str(layout.documents)])
        created.add("documents")
    return created
