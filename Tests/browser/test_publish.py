"""Journey 6: publish a partnership, sign out, and see it at /public and on its public page;
an unpublished partnership is a 404 there."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from register_ui import PUBLISH, publish
from support import tab_to

# Demo partnerships that are not Combating Drugs Partnerships start unpublished.
CANDIDATES = [
    "avon-and-somerset-sexual-abuse-and-assault-strategy-board",
    "bedford-community-safety-partnership",
    "humberside-local-criminal-justice-board",
    "surrey-community-safety-board",
    "surrey-local-criminal-justice-board",
    "luton-community-safety-partnership",
]
STAYS_UNPUBLISHED = "merseyside-criminal-justice-board"


def unpublished(b, exclude: set[str] = frozenset()) -> tuple[str, str]:
    """The first candidate with a Publish button: (key, name)."""
    for key in CANDIDATES:
        if key in exclude:
            continue
        b.get(f"/partnerships/{key}")
        if b.status == 200 and b.buttons(PUBLISH):
            return key, b.h1()
    pytest.fail(f"none of the demo partnerships {CANDIDATES} is unpublished")


def test_publish_and_see_it_signed_out(admin, settings):
    key, name = unpublished(admin)

    # Unpublished: not on the public pages.
    admin.sign_out()
    admin.get(f"/public/default/{key}")
    assert admin.status == 404, f"an unpublished partnership's public page answered {admin.status}"

    admin.sign_in(*settings.admin)
    publish(admin, key)
    assert admin.buttons("Unpublish (take off the public pages)"), "no Unpublish button after publishing"
    admin.screenshot("partnership-published")
    admin.sign_out()

    # Signed out, the public list shows it and links to its public page.
    admin.get("/public")
    assert admin.status == 200
    assert admin.signed_in_as() is None
    link = admin.links(name, admin.main())
    assert link, f"/public does not list {name!r}"
    assert link[0].get_attribute("href").endswith(f"/public/default/{key}")
    admin.screenshot("public-list")
    admin.click(link[0])
    assert admin.status == 200
    assert admin.path == f"/public/default/{key}"
    assert admin.h1() == name
    # A public page has no editing controls and no private fields.
    assert not admin.links("Change this partnership") and not admin.buttons(PUBLISH)
    admin.screenshot("public-partnership")

    # An unpublished one is a 404, with a page that says so.
    admin.get(f"/public/default/{STAYS_UNPUBLISHED}")
    assert admin.status == 404, f"an unpublished partnership's public page answered {admin.status}"
    assert admin.h1() == "Page not found"
    assert "Merseyside Criminal Justice Board" not in admin.main_text()
    admin.get("/public/default/no-such-partnership")
    assert admin.status == 404


def test_publish_and_unpublish_with_the_keyboard_only(admin):
    key, name = unpublished(admin, exclude={CANDIDATES[0]})
    admin.get(f"/partnerships/{key}")
    tab_to(admin.driver, lambda e: e.tag_name == "button" and e.text.strip() == PUBLISH, "the Publish button")
    admin.press_enter()
    assert "Published" in [t.text for t in admin.find_all((By.CSS_SELECTOR, "main .tag"))]
    assert admin.fetch_status(f"/public/default/{key}") == 200

    tab_to(
        admin.driver,
        lambda e: e.tag_name == "button" and e.text.strip() == "Unpublish (take off the public pages)",
        "the Unpublish button",
    )
    admin.press_enter()
    assert admin.buttons(PUBLISH), "no Publish button after unpublishing"
    assert admin.fetch_status(f"/public/default/{key}") == 404
