"""Journey 7: a viewer sees no editing controls, and an edit URL typed in is refused (403)."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from register_ui import PUBLISH

KEY = "cambridgeshire-high-harms-board"


def test_a_viewer_cannot_change_anything(browser, settings):
    browser.sign_in(*settings.viewer)
    assert browser.signed_in_as() == settings.viewer[0]
    shown = []  # what is wrong, gathered so that one problem does not hide another

    browser.get(f"/partnerships/{KEY}")
    assert browser.status == 200
    assert browser.h1() == "Cambridgeshire High Harms Board"
    main = browser.main()
    for link in ("Change this partnership", "Add a member", "Add a version of the terms of reference"):
        if browser.links(link, main):
            shown.append(f"{browser.path}: the {link!r} link")
    if browser.buttons(PUBLISH, main) or browser.buttons("Unpublish (take off the public pages)", main):
        shown.append(f"{browser.path}: the Publish or Unpublish button")
    change_links = [a.text for a in main.find_elements(By.CSS_SELECTOR, "a") if a.text.startswith("Change")]
    if change_links:
        shown.append(f"{browser.path}: links to change memberships {change_links[:3]}")
    if main.find_elements(By.CSS_SELECTOR, "form[method=post]"):
        shown.append(f"{browser.path}: a form that writes")
    browser.screenshot("partnership-as-viewer")

    # Typing an edit URL in is refused with a page that says why.
    for path in (f"/partnerships/{KEY}/edit", "/partnerships/new", f"/partnerships/{KEY}/members/new", "/organisations/new"):
        browser.get(path)
        assert browser.status == 403, f"a viewer's GET {path} answered {browser.status}"
        assert browser.h1() == "Forbidden", f"{path}: {browser.h1()!r}"
        assert "Viewer" in browser.main_text()
        assert not browser.find_all((By.CSS_SELECTOR, "main form[method=post]")), f"{path} shows a form to a viewer"
    browser.get(f"/partnerships/{KEY}/edit")
    browser.screenshot("forbidden")
    # The refusal page still shows who is signed in, with a way to sign out.
    if browser.signed_in_as() != settings.viewer[0] or not browser.buttons("Sign out"):
        shown.append(f"{browser.path} (403): the header forgets the signed-in viewer (no email, no Sign out)")
    # The 403 page offers a way on.
    browser.click(browser.link("Go to the overview"))
    assert browser.h1() == "Partnership landscape"

    # The lists offer no "Add" buttons either (they lead only to the 403 page).
    for path, link in (("/partnerships", "Add a partnership"), ("/organisations", "Add an organisation"), ("/persons", "Add a person")):
        browser.get(path)
        if browser.links(link):
            shown.append(f"{path}: the {link!r} button")
    assert not shown, "a viewer's pages are not right:\n  " + "\n  ".join(shown)
