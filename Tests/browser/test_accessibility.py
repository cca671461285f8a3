"""The accessibility checks themselves, and focus visibility across whole pages.

Every journey's pages are already checked with axe as they load (see support.Browser); these tests
prove that the checks can fail, and Tab through whole pages checking that focus is always visible."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support import (
    AccessibilityChecker,
    AccessibilityError,
    AccessibilityLog,
    Browser,
    assert_focus_visible,
    focus_indicator,
    press,
)

BROKEN_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken on purpose</title></head>
<body><main><h1>A broken page</h1>
<form><input type="text" name="unlabelled"></form>
<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">
</main></body></html>"""

SOUND_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sound</title></head>
<body><main><h1>A sound page</h1>
<form><label for="q">Search</label><input type="text" id="q" name="q"></form>
<img alt="A dot" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7">
</main></body></html>"""

NO_FOCUS_STYLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>No focus</title>
<style>*:focus { outline: none; }</style></head>
<body><main><h1>Focus you cannot see</h1><p><a href="#x">A link</a> <button type="button">A button</button></p></main></body></html>"""

WITH_FOCUS_STYLE = NO_FOCUS_STYLE.replace("outline: none;", "outline: 3px solid #fd0; background: #fd0;")

# An SVG link (as Graphviz draws the landscape): a background or box shadow on focus does not show.
SVG_LINK = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>SVG focus</title>
<style>a:focus { outline: 3px solid transparent; background-color: #fd0; box-shadow: 0 4px #000; } STYLE</style></head>
<body><main><h1>A picture</h1><svg width="200" height="60" xmlns="http://www.w3.org/2000/svg"
xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="#box"><path fill="#d2e2f1" stroke="#0b0c0c"
d="M10,10 L190,10 L190,50 L10,50 Z"/><text x="100" y="35" text-anchor="middle">A box</text></a></svg></main></body></html>"""


def data_url(html: str) -> str:
    return "data:text/html;charset=utf-8," + quote(html)


@pytest.fixture
def scratch(browser) -> Browser:
    """A browser whose accessibility findings go to a log of their own, not the run's report."""
    checker = AccessibilityChecker(browser.driver, AccessibilityLog())
    return Browser(browser.driver, browser.base_url, checker, browser.shots)


def test_the_accessibility_check_fails_on_a_broken_page(scratch):
    with pytest.raises(AccessibilityError) as raised:
        scratch.get(data_url(BROKEN_PAGE))
    rules = {(v.rule, v.impact) for v in raised.value.violations}
    assert ("label", "critical") in rules, rules
    assert ("image-alt", "critical") in rules, rules
    assert "input[name=\"unlabelled\"]" in str(raised.value) or "input" in str(raised.value)
    # ... and it records them, with their targets, for the run's report.
    assert {v.rule for v in scratch.checker.log.violations} >= {"label", "image-alt"}


def test_the_accessibility_check_passes_a_sound_page(scratch):
    scratch.get(data_url(SOUND_PAGE))
    assert scratch.checker.log.violations == [] or all(
        v.impact not in ("serious", "critical") for v in scratch.checker.log.violations
    )


def test_the_focus_check_fails_where_focus_cannot_be_seen(scratch):
    scratch.check_accessibility = False  # this page is about focus only
    scratch.get(data_url(NO_FOCUS_STYLE))
    for _ in range(2):
        press(scratch.driver, Keys.TAB)
        with pytest.raises(AssertionError, match="focus is not visible"):
            assert_focus_visible(scratch.driver)
    scratch.get(data_url(WITH_FOCUS_STYLE))
    for _ in range(2):
        press(scratch.driver, Keys.TAB)
        assert_focus_visible(scratch.driver)
    # In SVG a yellow background counts for nothing; a changed fill of the box does.
    scratch.get(data_url(SVG_LINK.replace("STYLE", "")))
    press(scratch.driver, Keys.TAB)
    assert scratch.driver.switch_to.active_element.tag_name == "a"
    with pytest.raises(AssertionError, match="focus is not visible"):
        assert_focus_visible(scratch.driver)
    scratch.get(data_url(SVG_LINK.replace("STYLE", "a:focus path { fill: #fd0; stroke-width: 3px; }")))
    press(scratch.driver, Keys.TAB)
    assert_focus_visible(scratch.driver)


def sweep_focus(b: Browser, limit: int = 400) -> tuple[int, list[str]]:
    """Tabs through the whole page from the top; returns (stops, elements whose focus is invisible)."""
    driver = b.driver
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    invisible = []
    stops = 0
    for _ in range(limit):
        press(driver, Keys.TAB)
        result = focus_indicator(driver)  # one round trip: the focused element, marked as seen
        if result["none"] or result["seen"]:
            break  # focus left the page or came round again
        stops += 1
        if not result["visible"]:
            invisible.append(f"{b.path}: {result['element']}")
    return stops, invisible


PAGES_SIGNED_IN = [
    "/",
    "/partnerships",
    "/partnerships/cambridgeshire-high-harms-board",
    "/partnerships/new",
    "/partnerships/cambridgeshire-high-harms-board/members/new",
    "/landscape?force_area=E23000023",
    "/account/workspaces",
]


def test_focus_is_visible_on_everything_tab_reaches(admin, settings):
    invisible = []
    for path in PAGES_SIGNED_IN:
        admin.get(path)
        stops, found = sweep_focus(admin)
        assert stops > 5, f"Tab reached only {stops} elements on {path}"
        invisible += found
    admin.sign_out()
    for path in ("/sign-in", "/public"):
        admin.get(path)
        invisible += sweep_focus(admin)[1]
    # Listed one per element kind and page, so the report stays readable.
    assert not invisible, f"{len(invisible)} focusable element(s) show no visible focus:\n  " + "\n  ".join(
        sorted(set(invisible))[:40]
    )


def test_the_landscape_picture_works_by_keyboard(admin):
    """The picture's boxes are links: Tab reaches them and Enter opens the partnership."""
    admin.get("/landscape?force_area=E23000023")
    driver = admin.driver
    svg_links = driver.find_elements(By.CSS_SELECTOR, "main svg a")
    assert svg_links, "the landscape picture has no links"
    for _ in range(120):
        press(driver, Keys.TAB)
        element = driver.switch_to.active_element
        if driver.execute_script("return arguments[0].closest('svg') !== null", element):
            break
    else:
        pytest.fail("Tab never reaches the landscape picture's boxes")
    target = element.get_attribute("href") or element.get_attribute("xlink:href")
    admin.press_enter()
    assert admin.path.startswith("/partnerships/"), f"Enter on a box went to {admin.path} (its link: {target})"
