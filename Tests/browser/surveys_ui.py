"""Surveys and reviews the way an office works them: through the survey, respondent and review pages.

Each function goes through the real UI (links, forms, buttons) and checks that it landed where the page
promises; every page it loads is checked with axe by `support.Browser`. The respondent's pages are reached
by a personal link alone, in a browser that has never signed in (see `anonymous_browser`).
"""

from __future__ import annotations

import contextlib
import re
import time
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

import conftest
from meetings_ui import expect_page, open_link, press_button
from support import AccessibilityChecker, Browser, key_from_url, make_driver, xpath_literal

TEMPLATE = "partnership-system"
# The reports' template: its statements page by page, then two questions in the respondent's own words.
PAGES = [
    [f"q{n}" for n in range(1, 7)],
    [f"q{n}" for n in range(7, 13)],
    [f"q{n}" for n in range(13, 18)],
    ["q18", "q19"],
]
FREE_TEXT = {"q18", "q19"}
LIKERT = ["strongly_agree", "agree", "neither", "disagree", "strongly_disagree", "dont_know"]
DEMO_SURVEY = "partners-survey-2026"


@contextlib.contextmanager
def anonymous_browser(settings):
    """A second headless Chromium that has never signed in; its pages are checked with axe like the fixtures'."""
    driver = make_driver(settings.chromium, settings.chromedriver)
    b = Browser(driver, settings.base_url, AccessibilityChecker(driver, conftest.ACCESSIBILITY_LOG), settings.screenshots)
    try:
        yield b
    except BaseException:
        with contextlib.suppress(Exception):  # the failure itself matters more
            b.screenshot(f"FAILED-anonymous-{time.strftime('%H%M%S')}")
        raise
    finally:
        driver.quit()


def tags(b: Browser, within=None) -> list[str]:
    """The text of the status tags in `within` (by default <main>)."""
    return [" ".join(t.text.split()) for t in (within or b.main()).find_elements(By.CSS_SELECTOR, ".tag")]


def summary_value(b: Browser, key: str, within=None) -> str:
    """The value beside `key` in a summary list in `within` (by default <main>)."""
    dd = (within or b.main()).find_element(
        By.XPATH,
        f".//div[contains(@class,'summary-list__row')][dt[normalize-space()={xpath_literal(key)}]]"
        "/dd[contains(@class,'summary-list__value')]",
    )
    return " ".join(dd.text.split())


def radio(b: Browser, name: str, value: str):
    return b.find((By.CSS_SELECTOR, f"main input[type=radio][name='{name}'][value='{value}']"))


def choose_radio(b: Browser, name: str, value: str) -> None:
    element = radio(b, name, value)
    if not element.is_selected():
        # The label is what a person clicks; it must choose the radio.
        b.find((By.CSS_SELECTOR, f"label[for='{element.get_attribute('id')}']")).click()
    assert element.is_selected(), f"clicking the label of {name}={value} did not choose it"


def checked(b: Browser, name: str) -> str | None:
    found = [e.get_attribute("value") for e in b.find_all((By.CSS_SELECTOR, f"main input[name='{name}']:checked"))]
    return found[0] if found else None


# --------------------------------------------------------------------------------------------
# Surveys: the owner's pages


def start_survey(b: Browser, title: str) -> str:
    """From the surveys list: "Start a survey" with the reports' template; returns the new survey's key."""
    b.get("/surveys")
    expect_page(b, "/surveys", "Surveys", "the surveys list")
    assert b.links("Import answers from a file", b.main()), "the surveys list offers no import"
    open_link(b, "Start a survey")
    expect_page(b, "/surveys/new", "Start a survey", "the Start a survey link")
    assert checked(b, "template") == TEMPLATE, f"the template chosen at first is {checked(b, 'template')!r}"
    assert not b.by_id("anonymous").is_selected(), "a new survey is anonymous before anyone says so"
    b.type_into("title", title)
    b.click(b.button("Start the survey"))
    expect_page(b, h1=title, what="starting a survey")
    assert re.fullmatch(r"/surveys/[a-z0-9-]+", b.path), f"starting a survey went to {b.path}"
    assert summary_value(b, "Status") == "Draft", f"a new survey's status is {summary_value(b, 'Status')!r}"
    questions = b.find_all((By.CSS_SELECTOR, "main ol.list--number > li"))
    assert len(questions) == sum(len(p) for p in PAGES), f"the template gave {len(questions)} questions"
    return key_from_url(b.driver.current_url)


def open_survey(b: Browser, key: str) -> None:
    b.get(f"/surveys/{key}")
    press_button(b, "Open the survey")
    expect_page(b, f"/surveys/{key}", what="opening the survey")
    assert summary_value(b, "Status") == "Open", f"after opening, the survey's status is {summary_value(b, 'Status')!r}"
    assert b.buttons("Close the survey"), "an open survey offers no Close button"


def make_link(b: Browser, key: str) -> tuple[str, str]:
    """On the survey's page: "Send personal links" for the register's first person; returns (name, link)."""
    b.get(f"/surveys/{key}")
    open_link(b, "Send personal links")
    expect_page(b, f"/surveys/{key}/links", "Send personal links", "the Send personal links link")
    people = b.find_all((By.CSS_SELECTOR, "main input[type=checkbox][name='persons[]']"))
    organisations = b.find_all((By.CSS_SELECTOR, "main input[type=checkbox][name='organisations[]']"))
    assert people and organisations, f"the links form offers {len(people)} people and {len(organisations)} organisations"
    person = people[0]
    name = b.find((By.CSS_SELECTOR, f"label[for='{person.get_attribute('id')}']")).text.strip()
    b.set_checkbox(person.get_attribute("id"))
    b.click(b.button("Make the links"))
    expect_page(b, f"/surveys/{key}/links", what="making a personal link")
    made = b.find((By.CSS_SELECTOR, "main .panel--confirmation h2")).text.strip()
    assert re.fullmatch(r"1 personal links? made", made), f"after making one link the page says {made!r}"
    hrefs = [a.get_attribute("href") for a in b.find_all((By.CSS_SELECTOR, "main a[href*='/respond/']"))]
    assert len(hrefs) == 1, f"one link was made but the page shows {hrefs}"
    link = hrefs[0]
    assert re.search(r"/respond/[^/]+/1$", urlparse(link).path), f"the personal link is {link}"
    assert link.startswith(b.base_url), f"the personal link {link} is not on the site ({b.base_url})"
    rows = b.table_rows(b.find((By.XPATH, "//main//table[caption[normalize-space()='Personal links']]")))
    assert rows and rows[0][0] == name, f"the links table names {rows}, not {name!r}"
    return name, link


# --------------------------------------------------------------------------------------------
# Surveys: the respondent's pages


def secret_of(link: str) -> str:
    return urlparse(link).path.split("/")[2]


def answer_page(b: Browser, answers: dict[str, str]) -> None:
    """Chooses (or types) each answer on the page shown; does not send it."""
    for question, value in answers.items():
        if question in FREE_TEXT:
            b.type_into(question, value)
        else:
            choose_radio(b, question, value)


def page_caption(b: Browser) -> str:
    return b.find((By.CSS_SELECTOR, "main .caption-l")).text.strip()


# --------------------------------------------------------------------------------------------
# Reviews


def start_review(b: Browser, title: str, partnerships: list[str], survey: str | None = None) -> str:
    """From the reviews list: "Start a review" of `partnerships` (keys); returns the new review's key."""
    b.get("/reviews")
    expect_page(b, "/reviews", "Reviews of the partnership system", "the reviews list")
    open_link(b, "Start a review")
    expect_page(b, "/reviews/new", "Start a review", "the Start a review link")
    for field in ("from", "to"):
        value = b.by_id(field).get_attribute("value")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""), f"#{field} is not filled in with a day: {value!r}"
    assert b.by_id("from").get_attribute("value") < b.by_id("to").get_attribute("value")
    b.type_into("title", title)
    for key in partnerships:
        box = b.find((By.CSS_SELECTOR, f"main input[type=checkbox][name='partnerships[]'][value='{key}']"))
        b.set_checkbox(box.get_attribute("id"))
    if survey:
        b.choose("survey", survey)
    b.click(b.button("Make the review"))
    expect_page(b, h1=title, what="making a review")
    assert re.fullmatch(r"/reviews/[a-z0-9-]+", b.path), f"making a review went to {b.path}"
    key = key_from_url(b.driver.current_url)
    shown = [s.get_attribute("id") for s in b.find_all((By.CSS_SELECTOR, "main section.review-item"))]
    assert shown == [f"p-{p}" for p in partnerships] or sorted(shown) == sorted(f"p-{p}" for p in partnerships), (
        f"the review shows {shown}, not the partnerships chosen {partnerships}"
    )
    assert summary_value(b, "Status") == "Draft", f"a new review's status is {summary_value(b, 'Status')!r}"
    return key


def recommendation(b: Browser, partnership: str):
    return b.find((By.CSS_SELECTOR, f"main section#p-{partnership}"))


def open_decision(b: Browser, review: str, partnership: str) -> None:
    """From the review's page: the partnership's "Confirm or change" (or "Change the decision") link."""
    href = f"/reviews/{review}/partnerships/{partnership}"
    link = recommendation(b, partnership).find_element(By.CSS_SELECTOR, f"a[href='{href}']")
    # Its text names the partnership for a screen reader (visually hidden): "Confirm or change for <name>".
    text = " ".join(link.text.split())
    assert re.match(r"(Confirm or change|Change the decision) for \S", text), f"the decision link reads {text!r}"
    b.click(link)
    expect_page(b, href, "Confirm or change the recommendation", f"the decision link of {partnership}")


def decide(b: Browser, review: str, partnership: str, decision: str | None, rationale: str,
           merge_with: str | None = None) -> None:
    """On the decision form: the decision (None: leave the one chosen), the rationale, save; back on the review."""
    if decision:
        choose_radio(b, "decision", decision)
    if merge_with:
        b.choose("merge_with", merge_with)
    b.type_into("rationale", rationale)
    b.click(b.button("Save the decision"))
    expect_page(b, f"/reviews/{review}", what=f"deciding on {partnership}")
    assert urlparse(b.driver.current_url).fragment == f"p-{partnership}", (
        f"after deciding, the page is at {b.driver.current_url}, not the partnership's section"
    )


def advance(b: Browser, review: str, label: str, status: str) -> None:
    """Presses the review's status button `label`; the review is then `status`."""
    b.get(f"/reviews/{review}")
    press_button(b, label)
    expect_page(b, f"/reviews/{review}", what=label)
    now = summary_value(b, "Status")
    assert now == status, f"after {label!r} the review is {now!r}, not {status!r}"
