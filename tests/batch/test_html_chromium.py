"""The HTML report in real headless Chromium: renders, no console errors, all documents, sorting works."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from plandoc import api
from plandoc.report import html as fmt_html

from ..conftest import SAMPLES
from .reports import hostile_report

CHROMIUM = os.environ.get("PLANDOC_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():
    sync = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install playwright)")
    with sync.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems, requests


def _column(page, index: int) -> list[str]:
    return page.eval_on_selector_all("#docs tbody tr", f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def test_report_renders_sorts_and_filters(browser, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(fmt_html.render(hostile_report(n_plain=4)))
    page, problems, requests = _open(browser, path)
    assert problems == []
    assert requests == [path.as_uri()]  # nothing fetched but the file itself
    paths = _column(page, 1)
    assert len(paths) == 6 and any("<script>" in p for p in paths)  # shown as text, not run
    assert page.locator("article").count() == 6
    # Sort by errors: descending after two clicks, then ascending again.
    header = page.locator("#docs thead th", has_text="Errors").locator("button")
    header.click()
    asc = [int(x) for x in _column(page, 3)]
    assert asc == sorted(asc)
    header.click()
    desc = [int(x) for x in _column(page, 3)]
    assert desc == sorted(desc, reverse=True)
    assert page.locator("#docs thead th[aria-sort=descending]").count() == 1
    page.locator("#docs thead th", has_text="Document").locator("button").click()
    names = _column(page, 1)
    assert names == sorted(names, key=str.lower)
    page.fill("#filter", "plain-2")
    assert page.locator("#docs tbody tr:not(.hidden)").count() == 1
    assert "1 of 6 shown" in page.inner_text("#shown")
    page.close()


def test_real_batch_report_screenshot(browser, tmp_path):
    report = api.check_paths([SAMPLES / "intake"], workers=2)
    path = tmp_path / "report.html"
    path.write_text(fmt_html.render(report))
    page, problems, _ = _open(browser, path)
    assert problems == []
    assert page.locator("#docs tbody tr").count() == len(report.documents)
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("PLANDOC_SCREENSHOT")
    if keep:
        shutil.copy(shot, keep)
    page.close()
