"""The report in a real headless browser: Debian's Chromium driven by Playwright.

Skips, saying why, only where there is no browser (`make browser` installs it)
or no Playwright. Playwright's own browser downloads are never used.
"""

from pathlib import Path

import pytest

from pipeline.outputs.report import build_report
from report_fixtures import MARKUP_DOC, write_output

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip(f"no browser: {CHROMIUM} is absent (install it with `make browser`)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed: pip install -e '.[dev]'")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = write_output(tmp_path_factory.mktemp("browser") / "output")
    build_report(out)
    return out / "report"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened from disk, with everything that went wrong or out while it was open."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1100, "height": 500})
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        self.page.on("dialog", lambda d: self.problems.append(f"dialog: {d.message}"))
        self.page.on("request", lambda r: r.url.startswith("file://") or self.problems.append(f"request: {r.url}"))
        self.page.goto(path.as_uri())

    def visible_rows(self, table="#commitments-table"):
        return self.page.locator(f"{table} tbody tr:visible")

    def close(self):
        self.page.close()
        assert self.problems == []


@pytest.fixture
def visit(browser, report):
    visits = []

    def open_page(name=f"{MARKUP_DOC}.html"):
        visits.append(Visit(browser, report / name))
        return visits[-1]

    yield open_page
    for opened in visits:
        opened.close()


def test_report_browser_pages_load_cleanly_and_show_markup_as_text(visit, tmp_path):
    document = visit()
    assert document.page.get_by_text('<script>alert("pwned")</script>').count() == 1
    screenshot = tmp_path / "report.png"
    document.page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000
    print(f"screenshot: {screenshot}")
    index = visit("index.html")
    index.page.get_by_role("link", name=MARKUP_DOC, exact=True).click()
    assert index.page.url.endswith(f"{MARKUP_DOC}.html")


def test_report_browser_outline_links_jump_to_their_sections(visit):
    page = visit().page
    for name, anchor in [("I Methodology", "sec-I"), ("II.B Odd <b>markup</b> & text", "sec-II.B")]:
        page.locator("nav.outline").get_by_role("link", name=name, exact=True).click()
        assert page.evaluate("location.hash") == f"#{anchor}"
        top = page.evaluate(f"document.getElementById('{anchor}').getBoundingClientRect().top")
        assert 0 <= top < 500 and page.evaluate("window.scrollY") > 0


def test_report_browser_commitment_filter_narrows_the_table(visit):
    document = visit()
    tools = document.page.locator(".table-tools")
    assert document.visible_rows().count() == 3
    tools.locator(".filter-kind").select_option("pending")
    assert document.visible_rows().count() == 1 and tools.locator(".filter-count").inner_text() == "1 of 3"
    tools.locator(".filter-kind").select_option("")
    tools.locator(".filter-text").fill("commissioner")
    assert document.visible_rows().count() == 1
    document.visible_rows().get_by_role("link").click()
    assert document.page.evaluate("location.hash") == "#p-2"


def test_report_browser_commitments_sort_by_a_column(visit):
    document = visit()
    header = document.page.locator("#commitments-table th", has_text="Paragraph")
    header.get_by_role("button").click()
    header.get_by_role("button").click()
    assert header.get_attribute("aria-sort") == "descending"
    paragraphs = document.page.locator("#commitments-table tbody tr td:nth-child(2)").all_inner_texts()
    assert paragraphs == ["¶ 4", "¶ 4", "¶ 2"]


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
