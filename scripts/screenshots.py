"""Screenshots of a report page at 800 and 1,400 px for the docs (`make screenshots`).

    python scripts/screenshots.py [--report output/report] [--page A-HRC-WG.6-7-KAZ-1.html] [--dest docs]

Opens the page from disk in Debian's Chromium (Playwright drives it; `make browser`
installs it), shows only dated commitments, and writes report-800.png and
report-1400.png: the top of the page, as a reader first sees it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

WIDTHS = {800: 1100, 1400: 900}  # width: height of the window
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def take(page_path: Path, dest: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(page_path.resolve().as_uri())
            page.get_by_label("has a deadline").check()
            written.append(dest / f"report-{width}.png")
            page.screenshot(path=str(written[-1]))
            page.close()
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--report", type=Path, default=Path("output/report"))
    parser.add_argument("--page", default="A-HRC-WG.6-7-KAZ-1.html")
    parser.add_argument("--dest", type=Path, default=Path("docs"))
    args = parser.parse_args()
    if shutil.which("chromium") is None:
        print("screenshots: chromium is not on PATH (make browser installs it)", file=sys.stderr)
        return 2
    page = args.report / args.page
    if not page.exists():
        print(f"screenshots: {page} not found (make run report)", file=sys.stderr)
        return 2
    for path in take(page, args.dest):
        print(f"screenshots: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
