"""The report in a real headless browser: Debian's Chromium driven by Playwright, at 800 and 1,400 px.

Skips, saying why, only where there is no browser (`make browser` installs it)
or no Playwright. Playwright's own browser downloads are never used.
"""

import shutil
from pathlib import Path

import pytest

from pipeline.outputs.report import build_report
from report_fixtures import MARKUP_DOC, SECOND_DOC, write_output, write_recommendations, write_source_pdf

CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
WIDTHS = (800, 1400)

if CHROMIUM is None:
    pytest.skip("no browser: chromium is not on PATH (install it with `make browser`)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[dev]'")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """inputs/ (the second document's PDF) and output/ (with its report) side by side."""
    folder = tmp_path_factory.mktemp("browser")
    write_source_pdf(folder / "inputs")
    out = write_output(folder / "output")
    write_recommendations(out)
    build_report(out, inputs=[folder / "inputs"])
    return folder


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened from disk, with everything that went wrong or out while it was open."""

    def __init__(self, browser, path: Path, width: int):
        self.context = browser.new_context(viewport={"width": width, "height": 700}, accept_downloads=True)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("dialog", lambda d: self.problems.append(f"dialog: {d.message}"))
        self.page.on("request", lambda r: r.url.startswith(("file://", "blob:file://"))
                     or self.problems.append(f"request: {r.url}"))
        self.page.goto(path.as_uri())

    def visible_rows(self, table="#commitments-table"):
        return self.page.locator(f"{table} tbody tr:visible")

    def column(self, label, table="#commitments-table"):
        """The visible texts of one column, by its header."""
        index = self.page.locator(f"{table} thead tr:first-child th").all_inner_texts().index(label)
        return [t.strip() for t in self.visible_rows(table).locator(f"td:nth-child({index + 1})").all_inner_texts()]

    def tools(self, table="commitments-table"):
        return self.page.locator(f".table-tools[data-table='{table}']")

    def filter(self, label, value, table="#commitments-table"):
        self.page.locator(f"{table} .filter[aria-label='{label} filter']").fill(value)

    def close(self):
        self.context.close()
        assert self.problems == []


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def visit(request, browser, folder):
    visits = []

    def open_page(name=f"{MARKUP_DOC}.html"):
        visits.append(Visit(browser, folder / "output" / "report" / name, request.param))
        return visits[-1]

    open_page.width = request.param
    yield open_page
    for opened in visits:
        opened.close()


def test_report_browser_pages_load_cleanly_and_fit_the_window(visit):
    document = visit()
    assert document.page.get_by_text('<script>alert("pwned")</script>').count() == 1
    index = visit("index.html")
    for opened in (document, index):
        assert opened.page.evaluate("document.documentElement.scrollWidth") <= visit.width
    if visit.width >= 1280:  # the documents table, counts included, fits without scrolling
        assert index.page.evaluate("(e => e.scrollWidth <= e.clientWidth)(document.querySelector('.table-scroll'))")
    index.page.get_by_role("link", name=MARKUP_DOC, exact=True).click()
    assert index.page.url.endswith(f"{MARKUP_DOC}.html")


def test_report_browser_anchors_land_below_the_sticky_toolbar(visit):
    page = visit().page
    for name, anchor in [("I Methodology", "sec-I"), ("II.B Odd <b>markup</b> & text", "sec-II.B"),
                         ("Deadlines", "timeline")]:
        page.locator("nav.outline").get_by_role("link", name=name, exact=True).click()
        assert page.evaluate("location.hash") == f"#{anchor}"
        top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
        below = page.evaluate("document.querySelector('.toolbar').getBoundingClientRect().bottom")
        assert below <= top < 700, name


def test_report_browser_column_filters_match_their_own_column_only(visit):
    index = visit("index.html")
    assert index.visible_rows().count() == 4
    index.filter("Actor", "slovenia")
    assert index.column("Actor") == ["Slovenia"]
    index.filter("Actor", "")
    index.filter("Action", "slovenia")  # in the commitment's text, not in its action
    assert index.visible_rows().count() == 0
    index.tools().locator(".clear-filters").click()
    index.page.locator("#commitments-table .filter[aria-label='State filter']").select_option("Slovenia")
    assert index.column("Symbol") == ["A/HRC/TEST/2"]
    assert index.tools().locator(".filter-count").inner_text() == "1 of 4"


def test_report_browser_recommendations_filter_by_column_too(visit):
    index = visit("index.html")
    table = "#recommendations-table"
    index.filter("Recommended by", "roma", table)
    assert index.visible_rows(table).count() == 0
    index.filter("Recommended by", "", table)
    index.filter("Recommendation", "roma", table)
    assert index.column("Recommended by", table) == ["Brazil, Chile"]
    assert index.column("Response", table) == ["supported"]


def test_report_browser_toggles_keep_dated_rows_and_hide_unspecified_actors(visit):
    index = visit("index.html")
    index.page.get_by_label("has a deadline").check()
    assert index.column("Actor") == ["Government", "unspecified", "Slovenia"]
    index.page.get_by_label("hide unspecified actors").check()
    assert index.column("Actor") == ["Government", "Slovenia"]
    index.page.get_by_label("has a deadline").uncheck()
    assert index.column("Actor") == ["Government", "Kazakhstan", "Slovenia"]


def test_report_browser_undated_rows_sort_last_both_ways(visit):
    document = visit()
    header = document.page.locator("#commitments-table th", has_text="Deadline").get_by_role("button")
    header.click()
    assert [d[:7] for d in document.column("Deadline")] == ["In 2011", "by 31 D", "—"]
    header.click()
    assert [d[:7] for d in document.column("Deadline")] == ["by 31 D", "In 2011", "—"]


def test_report_browser_exports_the_rows_shown_as_csv(visit, tmp_path):
    index = visit("index.html")
    index.page.get_by_label("has a deadline").check()
    with index.page.expect_download() as download:
        index.page.locator(".export").first.click()
    assert download.value.suggested_filename == "commitments.csv"
    path = tmp_path / "export.csv"
    download.value.save_as(path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "State,Symbol,Paragraph,Kind,Actor,Action,Deadline"
    assert len(lines) == 4 and lines[3].startswith("Slovenia,A/HRC/TEST/2,¶ 1,pledge,Slovenia,will ratify the Convention")


def test_report_browser_copies_a_paragraph_citation(visit):
    document = visit()
    document.context.grant_permissions(["clipboard-read", "clipboard-write"])
    button = document.page.locator("#p-4 button.cite")
    button.click()
    assert document.page.evaluate("navigator.clipboard.readText()") == "A/HRC/TEST/1, para. 4"
    assert button.inner_text() == "Copied"


def test_report_browser_pdf_paragraph_links_to_its_page(visit, folder):
    page = visit(f"{SECOND_DOC}.html").page
    link = page.locator("#p-1 a.source-page")
    assert link.inner_text() == "PDF p. 1"
    url = link.evaluate("a => a.href")
    assert url == (folder / "inputs" / "sub" / f"{SECOND_DOC}.pdf").as_uri() + "#page=1"


def test_report_browser_corrections_toggle_shows_originals(visit):
    page = visit().page
    original = page.locator("del.orig", has_text="apolicy")
    assert original.is_hidden()
    page.locator("#toggle-corrections").click()
    assert original.is_visible() and page.locator("#toggle-corrections").get_attribute("aria-pressed") == "true"
    page.locator("#toggle-corrections").click()
    assert original.is_hidden()


def test_report_browser_highlight_shows_its_normalized_value(visit):
    page = visit().page
    page.locator(".para-text mark.ann-amount", has_text="US$").focus()
    assert page.locator("#tooltip").inner_text() == "money: 50,000 USD"
    page.locator(".para-text mark.ann-date", has_text="2011").hover()
    assert page.locator("#tooltip").inner_text() == "2011-01-01/2011-12-31 (year)"
