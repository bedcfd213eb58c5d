"""Headless Chromium for the emulator page tests: the browser, a fresh page and screenshots."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "browser"
# Playwright's own browser download cannot reach the internet here; Debian's Chromium runs
# instead, with everything that would phone home switched off.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
Screenshot = Callable[[], Path]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Keeps each phase's report on the test so the page fixture knows when a test failed."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def _artifact_path(test_name: str, suffix: str = "") -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    safe_name = re.sub(r"[^\w.-]+", "_", test_name)
    return ARTIFACTS / f"{safe_name}{suffix}.png"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail(
            "Chromium is not installed; the browser tests need Debian's Chromium and a Thai font: "
            "apt-get update && apt-get install -y chromium fonts-thai-tlwg",
            pytrace=False,
        )
    # Webhooks, replies and the page's chat-list polling take a few seconds on a busy machine.
    expect.set_options(timeout=10_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page in its own context (fresh localStorage) at a laptop's size, in Bangkok time."""
    context = browser.new_context(
        viewport={"width": 1100, "height": 820}, locale="th-TH", timezone_id="Asia/Bangkok"
    )
    chat_page = context.new_page()
    chat_page.set_default_timeout(10_000)
    yield chat_page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        chat_page.screenshot(path=_artifact_path(request.node.name, "-failed"))
    context.close()


@pytest.fixture
def screenshot(page: Page, request: pytest.FixtureRequest) -> Screenshot:
    """Saves what the page shows now as test-artifacts/browser/<test-name>.png."""

    def save() -> Path:
        path = _artifact_path(request.node.name)
        page.screenshot(path=path)
        return path

    return save
