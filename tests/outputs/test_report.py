"""The HTML review report: pages, escaping, safe file names, links, determinism."""

import json
import re
from html.parser import HTMLParser

import pytest
from conftest import SEED

from pipeline.run.cli import main
from pipeline.errors import OutputMissing
from pipeline.outputs.report import build_report, csp_hash, page_name, page_names
from report_fixtures import (FAILED_DOC, MARKUP_DOC, MARKUP_LABEL, SCRIPT_TEXT, SECOND_DOC, SOURCE_PDF,
                             fixture_output, write_lines, write_recommendations,
                             write_source_pdf)  # noqa: F401 (fixture_output is a fixture)

VOID_TAGS = {"meta", "input", "br", "hr", "img", "link", "rect", "line"}


class TagChecker(HTMLParser):
    """Every element closed in the order it was opened; ids collected for link checks."""

    def __init__(self):
        super().__init__()
        self.open, self.errors, self.ids, self.links, self.scripts = [], [], set(), [], 0
        self.elements = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if "id" in attrs:
            if attrs["id"] in self.ids:
                self.errors.append(f"duplicate id {attrs['id']}")
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.links.append(attrs["href"])
        self.scripts += tag == "script"
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.open[-1] if self.open else None}>")
        else:
            self.open.pop()


def parsed(path):
    checker = TagChecker()
    checker.feed(path.read_text(encoding="utf-8"))
    return checker


@pytest.fixture
def report(fixture_output):
    build_report(fixture_output)
    return fixture_output / "report"


def test_report_writes_index_and_a_page_per_processed_document(report):
    assert sorted(p.name for p in report.iterdir()) == sorted(["index.html", f"{MARKUP_DOC}.html", f"{SECOND_DOC}.html"])
    index = (report / "index.html").read_text()
    assert f'href="{MARKUP_DOC}.html"' in index and FAILED_DOC in index and "[E002] the file is empty" in index
    assert ">Slovenia<" in index and "None" not in index


def test_report_pages_are_well_formed_with_unique_ids(report):
    for page in report.glob("*.html"):
        checker = parsed(page)
        assert checker.errors == [] and checker.open == [], page.name


def test_report_escapes_document_text_and_labels(report):
    html = (report / f"{MARKUP_DOC}.html").read_text()
    assert SCRIPT_TEXT not in html and "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html
    assert MARKUP_LABEL not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>" not in html and "Odd &lt;b&gt;markup&lt;/b&gt; &amp; text" in html
    assert parsed(report / f"{MARKUP_DOC}.html").scripts == 1


def test_report_makes_no_network_references(report):
    for page in report.glob("*.html"):
        elements = parsed(page).elements
        assert not [(tag, a) for tag, a in elements if {"src", "srcset", "data", "action", "poster"} & set(a)]
        assert all(":" not in a["href"] and not a["href"].startswith("//") for _, a in elements if "href" in a)
        assert not re.search(r"@import|url\(", page.read_text()), page.name


def test_report_policy_admits_exactly_the_inline_style_and_script(report):
    html = (report / "index.html").read_text()
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
    policy = next(a["content"] for tag, a in parsed(report / "index.html").elements
                  if a.get("http-equiv") == "Content-Security-Policy")
    assert policy.startswith("default-src 'none'; ")
    assert f"style-src '{csp_hash(style)}'; script-src '{csp_hash(script)}'" in policy


def test_report_links_reach_existing_anchors(report):
    pages = {p.name: parsed(p) for p in report.glob("*.html")}
    for name, checker in pages.items():
        for link in checker.links:
            target_page, _, anchor = link.partition("#")
            target = pages[target_page or name]
            assert not anchor or anchor in target.ids, f"{name}: {link}"


def test_report_outline_and_commitments_link_to_their_places(report):
    html = (report / f"{MARKUP_DOC}.html").read_text()
    assert '<a href="#sec-II.B">II.B Odd &lt;b&gt;markup&lt;/b&gt; &amp; text</a>' in html
    assert '<h3 class="heading lvl-subsection" id="sec-II.B">' in html
    rows = re.findall(r'<td data-sort="(\d+)"><a href="(#p-\d+)">', html)
    assert rows == [("2", "#p-2"), ("4", "#p-4"), ("4", "#p-4")]
    index = (report / "index.html").read_text()
    assert f'<a href="{SECOND_DOC}.html#p-1">' in index


def test_report_timeline_draws_dated_deadlines_and_counts_the_rest(report):
    html = (report / f"{MARKUP_DOC}.html").read_text()
    svg = re.search(r"<svg.*?</svg>", html, re.S).group()
    assert svg.count("<rect") == 2 and '<a class="bar" href="#p-2">' in svg
    assert "1 commitment without a dated deadline is not on the chart." in html
    assert ">2011<" in svg and ">2015<" in svg  # the axis runs to the end of the last year


def test_report_corrections_carry_their_originals(report):
    html = (report / f"{MARKUP_DOC}.html").read_text()
    assert '<del class="orig">apolicy</del><span class="fix">a policy</span>' in html
    assert '<del class="orig">-⏎</del><span class="fix"></span>' in html
    assert "Show OCR corrections (2)" in html


def test_report_highlights_are_focusable_with_their_value(report):
    html = (report / f"{MARKUP_DOC}.html").read_text()
    assert ('<mark class="ann ann-amount" tabindex="0" data-kind="amount" data-label="money" '
            'data-tip="money: 50,000 USD">US$ 50,000</mark>') in html
    assert "1 annotation with offsets outside the text not shown." in html


def test_report_same_output_gives_the_same_bytes(fixture_output, tmp_path):
    first = {p.name: p.read_bytes() for p in build_report(fixture_output, tmp_path / "a")}
    second = {p.name: p.read_bytes() for p in build_report(fixture_output, tmp_path / "b")}
    assert first == second


@pytest.mark.parametrize("doc_id", ["../evil", "/etc/passwd", "a/../../b", "..", ".hidden", "", "index", "INDEX",
                                    "x" * 300, "naïve doc", "con:1", "a\\b", "<b>odd</b>", "-rf", "_-_"])
def test_report_page_name_stays_in_the_report_folder(doc_id, tmp_path):
    name = page_name(doc_id)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", name) and len(name) < 130
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()
    assert name.lower() != "index.html"


def test_report_page_names_are_distinct():
    names = page_names(["A", "a", "A", "x/y", "x_y", "x?y"])
    assert len({n.lower() for n in names}) == 6


def test_report_never_reads_paragraphs_outside_their_folder(tmp_path):
    out = tmp_path / "output"
    (out / "paragraphs").mkdir(parents=True)
    write_lines(out / "outside.jsonl", [{"doc_id": "../outside", "para": 1, "text": "SECRET"}])
    write_lines(out / "documents.jsonl", [{"doc_id": "../outside", "status": "ok", "outline": []}])
    pages = build_report(out)
    assert [p.parent for p in pages] == [out / "report"] * 2
    page = pages[1].read_text()
    assert "SECRET" not in page and "not found" in page


def test_report_without_output_says_to_run_the_pipeline(tmp_path):
    with pytest.raises(OutputMissing, match="run the pipeline first"):
        build_report(tmp_path)


def test_report_cli_on_the_seed_shows_every_paragraph(tmp_path, capsys):
    assert main(["run", str(SEED), "--out", str(tmp_path)]) == 0
    assert main(["report", "--out", str(tmp_path)]) == 0
    html = (tmp_path / "report" / "A-HRC-WG.6-7-KAZ-1.html").read_text()
    assert html.count('<article class="para"') == 205
    assert html.count('class="heading') == len(json.loads((tmp_path / "documents.jsonl").read_text())["outline"])
    assert "report: " in capsys.readouterr().err


def test_report_commitments_show_the_words_of_action_and_object(report):
    html = (report / f"{MARKUP_DOC}.html").read_text()
    assert '<td>will amend <span class="object">the law on the Human Rights Commissioner</span></td>' in html
    assert "action: will amend; object: the law on the Human Rights Commissioner" in html
    assert "start_char" not in html  # a span record's fields are never shown as they are stored


def visible_text(html):
    return re.sub(r"<[^>]+>", " ", re.sub(r"<(script|style)>.*?</\1>", "", html, flags=re.S))


def test_report_shows_a_dash_for_missing_facts_and_the_state_from_the_context(report):
    for page in report.glob("*.html"):
        assert "None" not in visible_text(page.read_text()), page.name
    second = (report / f"{SECOND_DOC}.html").read_text()
    assert "<dt>State</dt><dd>Slovenia (SVN)</dd>" in second and "<dt>session</dt><dd>—</dd>" in second
    assert "<dt>State</dt><dd>—</dd>" in (report / f"{MARKUP_DOC}.html").read_text()


def test_report_paragraphs_carry_their_citation(report):
    html = (report / f"{MARKUP_DOC}.html").read_text()
    assert html.count('class="cite"') == 5
    assert 'data-cite="A/HRC/TEST/1, para. 4"' in html


def test_report_pdf_paragraphs_link_to_their_page_in_the_source(fixture_output, tmp_path):
    pdf = write_source_pdf(tmp_path / "in")
    build_report(fixture_output, inputs=[tmp_path / "elsewhere", tmp_path / "in"])
    page = fixture_output / "report" / f"{SECOND_DOC}.html"
    link = re.search(r'<a class="source-page" href="([^"]+)"', page.read_text()).group(1)
    assert link == f"../../in/{SOURCE_PDF}#page=1"
    assert (page.parent / link.partition("#")[0]).resolve() == pdf.resolve()
    assert 'class="source-page"' not in (fixture_output / "report" / f"{MARKUP_DOC}.html").read_text()


def test_report_without_the_source_pdf_has_no_page_links(report):
    assert 'class="source-page"' not in (report / f"{SECOND_DOC}.html").read_text()


def test_report_timeline_bars_are_labelled_with_the_action(report):
    svg = re.search(r"<svg.*?</svg>", (report / f"{MARKUP_DOC}.html").read_text(), re.S).group()
    labels = re.findall(r'<text class="bar-label"[^>]*>([^<]*)</text>', svg)
    assert labels == ["will amend the law on the Human Rights…", "will be implemented the National Plan…"]


def test_report_index_shows_recommendations_when_the_run_wrote_them(fixture_output):
    write_recommendations(fixture_output)
    build_report(fixture_output)
    index = (fixture_output / "report" / "index.html").read_text()
    table = re.search(r'<table id="recommendations-table".*?</table>', index, re.S).group()
    assert "Brazil, Chile" in table and f'href="{SECOND_DOC}.html#p-1"' in table
    assert "None" not in visible_text(table)
    page = (fixture_output / "report" / f"{SECOND_DOC}.html").read_text()
    own = re.search(r'<table id="recommendations-table".*?</table>', page, re.S).group()
    assert own.count("<tr data-flags") == 2 and 'href="#p-1"' in own
    assert "recommendations-table" not in (fixture_output / "report" / f"{MARKUP_DOC}.html").read_text()


def test_report_index_has_no_recommendations_table_without_them(report):
    assert "recommendations-table" not in (report / "index.html").read_text()
