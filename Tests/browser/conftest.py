"""Fixtures for Convene's browser tests (run them with scripts/test-browser).

The server, users and screenshots folder come from the environment, set by the script:

    CONVENE_BASE_URL             http://127.0.0.1:PORT of a server with the demo landscape loaded
    CONVENE_ADMIN_EMAIL / _PASSWORD     an administrator of the default workspace
    CONVENE_VIEWER_EMAIL / _PASSWORD    a viewer of the default workspace
    CONVENE_DEMO_ADMIN_EMAIL / _PASSWORD  the demo administrator (also a viewer of the national workspace)
    CONVENE_SCREENSHOTS          the folder for this run's screenshots and accessibility report
    CONVENE_CHROMIUM, CONVENE_CHROMEDRIVER  default /usr/bin/chromium and /usr/bin/chromedriver
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from support import AccessibilityChecker, AccessibilityLog, Browser, make_driver

ACCESSIBILITY_LOG = AccessibilityLog()


@dataclass(frozen=True)
class Settings:
    base_url: str
    admin: tuple[str, str]
    viewer: tuple[str, str]
    demo_admin: tuple[str, str] | None
    screenshots: Path
    chromium: str
    chromedriver: str
    run_id: str


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        pytest.exit(f"{name} is not set: run the browser tests with scripts/test-browser", returncode=2)
    return value


@pytest.fixture(scope="session")
def settings() -> Settings:
    demo_email = os.environ.get("CONVENE_DEMO_ADMIN_EMAIL")
    demo_password = os.environ.get("CONVENE_DEMO_ADMIN_PASSWORD")
    return Settings(
        base_url=_required("CONVENE_BASE_URL").rstrip("/"),
        admin=(_required("CONVENE_ADMIN_EMAIL"), _required("CONVENE_ADMIN_PASSWORD")),
        viewer=(_required("CONVENE_VIEWER_EMAIL"), _required("CONVENE_VIEWER_PASSWORD")),
        demo_admin=(demo_email, demo_password) if demo_email and demo_password else None,
        screenshots=_screenshots_dir(),
        chromium=os.environ.get("CONVENE_CHROMIUM", "/usr/bin/chromium"),
        chromedriver=os.environ.get("CONVENE_CHROMEDRIVER", "/usr/bin/chromedriver"),
        # Names made by one run are unique, so the suite can run twice against one server.
        run_id=time.strftime("%H%M%S"),
    )


def _screenshots_dir() -> Path:
    folder = os.environ.get("CONVENE_SCREENSHOTS") or f".build-browser/screenshots/{time.strftime('%Y%m%d-%H%M%S')}"
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def browser(settings: Settings, request: pytest.FixtureRequest):
    """A fresh headless Chromium (no cookies) whose every page load is checked with axe."""
    driver = make_driver(settings.chromium, settings.chromedriver)
    checker = AccessibilityChecker(driver, ACCESSIBILITY_LOG)
    b = Browser(driver, settings.base_url, checker, settings.screenshots)
    try:
        yield b
    finally:
        report = getattr(request.node, "rep_call", None)
        if report is not None and report.failed:
            try:
                name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name)
                b.screenshot(f"FAILED-{name}")
            except Exception:  # noqa: BLE001 - the failure itself matters more
                pass
        driver.quit()


@pytest.fixture
def admin(browser: Browser, settings: Settings) -> Browser:
    """A browser signed in as an administrator of the default workspace."""
    browser.sign_in(*settings.admin)
    assert browser.signed_in_as() == settings.admin[0], "the administrator could not sign in"
    return browser


@pytest.fixture
def viewer(browser: Browser, settings: Settings) -> Browser:
    """A browser signed in as a viewer of the default workspace."""
    browser.sign_in(*settings.viewer)
    assert browser.signed_in_as() == settings.viewer[0], "the viewer could not sign in"
    return browser


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    folder = os.environ.get("CONVENE_SCREENSHOTS")
    log = ACCESSIBILITY_LOG
    if log.pages_checked:
        terminalreporter.section(f"accessibility (axe-core {log.axe_version}, {log.pages_checked} page loads)")
        for line in log.summary_lines():
            terminalreporter.write_line(line)
        if folder:
            report = Path(folder) / "accessibility-report.txt"
            log.write(report)
            terminalreporter.write_line(f"full report: {report}")
