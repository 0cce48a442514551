"""The README's DuckDB and pandas examples, run as written against real and hand-made output."""

import datetime
import re
import warnings

import pytest
from conftest import ROOT

from pipeline.run.executor import run
from pipeline.run.settings import Settings
from report_fixtures import write_output

duckdb = pytest.importorskip("duckdb", reason="duckdb is a dev dependency: pip install -e '.[dev]'")
pd = pytest.importorskip("pandas", reason="pandas is a dev dependency: pip install -e '.[dev]'")

README = ROOT / "README.md"
FENCE_RE = re.compile(r"```(sql|python)\n(.*?)```", re.S)


def readme_blocks(language):
    return [code for lang, code in FENCE_RE.findall(README.read_text(encoding="utf-8")) if lang == language]


def sql_queries():
    """The SQL examples by their first comment line, e.g. "paragraphs per section"."""
    return {code.splitlines()[0].removeprefix("-- "): code for code in readme_blocks("sql")}


@pytest.fixture(scope="module")
def real_output(tmp_path_factory):
    """The pipeline's output for raw/, in a folder whose `output/` the queries can name."""
    folder = tmp_path_factory.mktemp("real")
    summary = run([ROOT / "raw"], folder / "output", Settings())
    assert summary.failed == 0
    return folder


@pytest.fixture
def hand_made_output(tmp_path):
    write_output(tmp_path / "output")
    return tmp_path


def test_readme_report_has_the_queries_the_tests_know():
    assert set(sql_queries()) == set(EXPECTED_ON_HAND_MADE_OUTPUT)
    assert len(readme_blocks("python")) == 1


@pytest.mark.parametrize("name", sorted(sql_queries()))
def test_readme_report_query_runs_on_real_output(real_output, monkeypatch, name):
    monkeypatch.chdir(real_output)
    rows = duckdb.sql(sql_queries()[name]).fetchall()
    if name == "paragraphs per section":
        assert sum(count for *_, count in rows) == 205
    if name == "search the cleaned text":
        assert len(rows) > 5


EXPECTED_ON_HAND_MADE_OUTPUT = {
    "paragraphs per section": [("A-HRC-TEST-1", "I", 1), ("A-HRC-TEST-1", "II", 4), ("A-HRC-TEST-2", "I", 1)],
    "search the cleaned text": [("A-HRC-TEST-1", 2, "In 2011, the Government will amend the law on the Human "
                                 "Rights Commissioner and allocate US$ 50,000 to the Centre.")],
    "commitments with their deadlines": [
        ("A-HRC-TEST-1", 2, "pledge", "Government", "will amend", "2011-12-31"),
        ("A-HRC-TEST-1", 4, "pending", "Kazakhstan", "is endeavouring to fulfil", None),
        ("A-HRC-TEST-1", 4, "pledge", "unspecified", "will be implemented", "2014-12-31"),
        ("A-HRC-TEST-2", 1, "pledge", "Slovenia", "will ratify", "2015-06-30"),
    ],
    "annotations per document": [("A-HRC-TEST-1", 5, 7, 4, 2, 3, 2), ("A-HRC-TEST-2", 1, 2, 1, 0, 1, 0)],
    "entities by label": [("ORG", 4, 4), ("GPE", 2, 2), ("<img src=x onerror=alert(1)>", 1, 1), ("LAW", 1, 1),
                          ("PROGRAMME", 1, 1)],
    "dates per year": [(2009, 1), (2011, 1), (2012, 1), (2014, 1), (2015, 1)],
    "commitments with a deadline, from the typed Parquet table": [
        ("A-HRC-TEST-1", 2, "pledge", "Government", "will amend", datetime.date(2011, 12, 31)),
        ("A-HRC-TEST-1", 4, "pledge", "unspecified", "will be implemented", datetime.date(2014, 12, 31)),
        ("A-HRC-TEST-2", 1, "pledge", "Slovenia", "will ratify", datetime.date(2015, 6, 30)),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_ON_HAND_MADE_OUTPUT))
def test_readme_report_query_gives_known_rows_on_hand_made_output(hand_made_output, monkeypatch, name):
    monkeypatch.chdir(hand_made_output)
    assert duckdb.sql(sql_queries()[name]).fetchall() == EXPECTED_ON_HAND_MADE_OUTPUT[name]


def run_pandas_example():
    """The README's pandas block, run with every warning an error (deprecations included)."""
    names = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        exec(readme_blocks("python")[0], names)
    return names


def test_readme_report_pandas_example_runs_on_real_output(real_output, monkeypatch):
    monkeypatch.chdir(real_output)
    names = run_pandas_example()
    paragraphs, commitments = names["paragraphs"], names["commitments"]
    assert len(paragraphs) == 205
    assert len(commitments) == sum(map(len, paragraphs["commitments"])) > 0
    assert len(names["with_deadline"]) > 0


def test_readme_report_pandas_example_gives_known_frames_on_hand_made_output(hand_made_output, monkeypatch):
    monkeypatch.chdir(hand_made_output)
    names = run_pandas_example()
    commitments = names["commitments"]
    assert list(commitments["kind"]) == ["pledge", "pending", "pledge", "pledge"]
    assert [str(day) for day in names["with_deadline"]["deadline_end"]] == ["2011-12-31", "2014-12-31", "2015-06-30"]
    assert names["money"].to_dict() == {"USD": 50000}
    assert list(names["paragraphs"]["para"]) == [1, 2, 3, 4, 5, 1]
