"""Journey 1: signing in and out."""

from support import Field, fill_form, has_text, tab_to


def test_sign_in_and_out(browser, settings):
    email, password = settings.admin

    # A page of the register sends a stranger to the sign-in page, and back afterwards.
    browser.get("/partnerships")
    assert browser.path.startswith("/sign-in"), f"a signed-out visit to /partnerships went to {browser.path}"
    assert browser.h1() == "Sign in"
    browser.screenshot("sign-in")

    browser.type_into("email", email)
    browser.type_into("password", password)
    browser.submit_form(label="Sign in")
    assert browser.path == "/partnerships", f"after signing in the browser is at {browser.path}"
    assert browser.signed_in_as() == email
    assert browser.buttons("Sign out"), "the header has no Sign out button"

    browser.sign_out()
    assert browser.signed_in_as() is None
    assert not browser.buttons("Sign out")
    # Signed out means signed out: the register is closed again.
    browser.get("/")
    assert browser.path.startswith("/sign-in"), f"after signing out, / showed {browser.path}"


def test_a_wrong_password_shows_one_generic_message(browser, settings):
    email, _ = settings.admin
    browser.get("/sign-in")
    browser.type_into("email", email)
    browser.type_into("password", "not-the-password-at-all")
    browser.submit_form(label="Sign in")

    assert browser.status in (400, 401, 403, 422), f"a failed sign-in answered {browser.status}"
    assert browser.signed_in_as() is None
    summary = browser.error_summary()
    assert summary is not None, "no error summary after a wrong password"
    assert "There is a problem" in summary.text
    messages = browser.error_summary_links()
    assert len(messages) == 1, f"expected one message, got {messages}"
    message = messages[0][0]
    # Generic: it must not say which of the two was wrong.
    assert "email" in message.lower() and "password" in message.lower(), message
    browser.screenshot("sign-in-wrong-password")

    # An unknown address gets exactly the same words.
    browser.type_into("email", "nobody-here@example.org")
    browser.type_into("password", "not-the-password-at-all")
    browser.submit_form(label="Sign in")
    assert [m for m, _ in browser.error_summary_links()] == [message], "an unknown email got a different message"
    # The password is never put back into the page.
    assert browser.by_id("password").get_attribute("value") == ""


def test_sign_in_with_the_keyboard_only(browser, settings):
    email, password = settings.admin
    browser.get("/sign-in")
    # The first Tab reaches the skip link, which becomes visible and has visible focus.
    skip = tab_to(browser.driver, has_text("Skip to main content", "a"), "the skip link", max_tabs=1)
    assert skip.is_displayed()
    fill_form(
        browser,
        [Field("email", "text", email), Field("password", "text", password)],
        "Sign in",
        keyboard=True,
    )
    assert browser.signed_in_as() == email
    # Sign out by keyboard too: Tab to the header's button and press Enter.
    browser.get("/")
    tab_to(browser.driver, lambda e: e.tag_name == "button" and e.text.strip() == "Sign out", "Sign out")
    browser.press_enter()
    assert browser.signed_in_as() is None
