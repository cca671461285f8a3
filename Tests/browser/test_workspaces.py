"""Journey 8: the demo administrator is also a viewer of a national workspace: switch to it and
see the network of published partnerships."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from support import tab_to


@pytest.fixture
def demo_admin(browser, settings):
    if settings.demo_admin is None:
        pytest.skip("'convene demo' printed no demo administrator's password")
    browser.sign_in(*settings.demo_admin)
    assert browser.signed_in_as() == settings.demo_admin[0]
    return browser


def check_network_page(b) -> None:
    assert b.h1() == "The network"
    rows = b.table_rows(b.find((By.CSS_SELECTOR, "main table")))
    by_name = {r[0]: r for r in rows}
    assert "This office's register" in by_name, rows
    published = int(by_name["This office's register"][2])
    assert published > 0, f"the network shows no published partnerships: {rows}"
    # The published partnerships themselves are listed (the demo publishes its CDPs).
    assert "Combating Drugs Partnership" in b.main_text()


def test_switch_to_the_national_workspace_and_see_the_network(demo_admin):
    b = demo_admin
    b.get("/")
    header = b.find((By.TAG_NAME, "header"))
    assert "This office's register" in header.text
    b.click(b.link("Switch workspace", header))
    assert b.path == "/account/workspaces"
    assert b.h1() == "Your workspaces"
    rows = b.table_rows()
    national = [r for r in rows if r[0] == "National network (demo)"]
    assert national and national[0][2] == "Viewer", rows
    b.screenshot("workspaces")

    row = b.find((By.XPATH, "//main//tr[td[normalize-space()='National network (demo)']]"))
    b.click(b.button("Switch", row))
    assert "National network (demo)" in b.find((By.TAG_NAME, "header")).text, "the header does not name the new workspace"

    b.click(b.link("Network", b.find((By.CSS_SELECTOR, "header nav"))))
    assert b.path == "/network"
    check_network_page(b)
    b.screenshot("network")

    # A national workspace reads only what is published: it has no register of its own to change.
    b.get("/partnerships/new")
    assert b.status in (403, 404), f"a national viewer's /partnerships/new answered {b.status}"


def test_switch_workspace_with_the_keyboard_only(demo_admin):
    b = demo_admin
    b.get("/")
    driver = b.driver
    tab_to(driver, lambda e: e.tag_name == "a" and e.text.strip() == "Switch workspace", "Switch workspace")
    b.press_enter()
    assert b.path == "/account/workspaces"
    tab_to(driver, lambda e: e.tag_name == "button" and " ".join(e.text.split()).startswith("Switch"), "the Switch button")
    b.press_enter()
    tab_to(driver, lambda e: e.tag_name == "a" and e.text.strip() == "Network", "the Network link")
    b.press_enter()
    check_network_page(b)
