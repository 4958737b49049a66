"""The dashboard as a person sees it: the Streamlit server on a loopback port, on the demo
build, and Debian's chromium driven by Playwright (pointed at that executable: Playwright
downloads no browser). Every page opens without an error element, the MRR tile's text is
the mart's value, and each page is saved as a screenshot: into a temp folder, or into
the folder `DASHBOARD_SCREENSHOTS` names (the README's are made with
`DASHBOARD_SCREENSHOTS=docs/dashboard`)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

from conftest import REPO_ROOT, Build, assert_built
from scripts.kpi_registry import format_value

PAGES = {"scorecard": "", "revenue": "revenue", "adoption": "adoption", "voice": "voice",
         "health": "health", "leading": "leading", "definitions": "definitions"}
"""Screenshot name: the page's address under the server's root."""
CHROMIUM = ("/usr/lib/chromium/chromium", "chromium")
"""Debian's browser itself (its /usr/bin/chromium is a shell wrapper), else on the PATH."""


def chromium_executable() -> str:
    for candidate in CHROMIUM:
        found = candidate if Path(candidate).is_file() else shutil.which(candidate)
        if found:
            return found
    pytest.fail("No chromium: install Debian's package (apt-get install chromium); "
                "scripts/setup_env.sh does when run as root.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(demo: Build) -> Iterator[str]:
    """The app served from the repo root (where .streamlit/config.toml is) on the demo."""
    port = free_port()
    env = {**os.environ, "DBT_TARGET": "duckdb",
           "DBT_DUCKDB_PATH": str(assert_built(demo).database)}
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard/app.py",
         "--server.port", str(port)], cwd=REPO_ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    address = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(address + "_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    pytest.fail("the server did not start:\n" + process.stdout.read())
                time.sleep(0.3)
        yield address
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_executable(),
                                             args=["--no-sandbox"])
        yield browser.new_page(viewport={"width": 1400, "height": 2400})
        browser.close()


def open_page(page: Page, address: str) -> None:
    """Open the address and wait until the app has run and drawn its charts."""
    page.goto(address)
    page.wait_for_selector('[data-testid="stMainBlockContainer"] h1', timeout=30000)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                           timeout=30000)
    page.wait_for_timeout(800)  # vega draws its charts after the run


def test_every_page_opens_without_an_error_and_is_saved(server: str, page: Page,
                                                       tmp_path: Path) -> None:
    folder = Path(os.environ.get("DASHBOARD_SCREENSHOTS") or tmp_path)
    if not folder.is_absolute():
        folder = REPO_ROOT / folder
    folder.mkdir(parents=True, exist_ok=True)
    for name, path in PAGES.items():
        open_page(page, server + path)
        errors = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
        assert errors.count() == 0, f"{name}: {errors.all_inner_texts()}"
        assert "Page not found" not in page.content(), name
        page.screenshot(path=str(folder / f"{name}.png"))
        assert (folder / f"{name}.png").stat().st_size > 10_000, name


def test_the_mrr_tile_reads_the_marts_value(server: str, page: Page, demo: Build) -> None:
    month = demo.query("select max(month) from kpi_monthly where is_complete_period")[0][0]
    open_page(page, server)
    tile = page.locator('[data-testid="stMetric"]').filter(has_text="MRR").first
    value = tile.locator('[data-testid="stMetricValue"]').inner_text()
    assert value == format_value("money", demo.kpi("mrr", str(month)))
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first
    assert f"{month:%B %Y}" in caption.inner_text()


def test_a_tile_links_to_its_definition(server: str, page: Page) -> None:
    open_page(page, server)
    page.locator('[data-testid="stPageLink"] a').first.click()
    page.wait_for_url("**/definitions?kpi=mrr")
    open_page(page, page.url)
    assert page.locator("h4").first.inner_text() == "MRR"
