"""Journeys for surveys of partners and reviews of the partnership system.

1. A respondent answers through a personal link without signing in: an administrator starts a survey from the
   reports' template, opens it and makes a link for one person; in a browser that has never signed in the
   respondent leaves a required statement unanswered (the error summary links to it, and nothing of that page is
   kept), answers every page, changes an answer from "Check your answers" and sends them; the administrator's
   results then count one respondent.
2. A reviewer changes a recommendation: a review of two partnerships; "Confirm or change" with no rationale is an
   error that leads to the rationale; a different decision with a rationale shows as "Changed".
3. Publishing: a review of two partnerships drawing on the demo's survey goes out to consultation, cannot be made
   final while a recommendation is undecided, has each recommendation confirmed, is made final and published;
   signed out, /public lists it and its report opens for anyone: a contents list, headings in order, tables whose
   column headers say so, a title for every chart, and no link to a private page.

Every page loaded is checked with axe (support.Browser does it on each load, the published report included). The
demo landscape is loaded for the run; names made here carry the run's id, so the suite can run twice on one server.
"""

from __future__ import annotations

from urllib.parse import urlparse

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from meetings_ui import expect_page, open_link, press_button
from support import Browser, active, xpath_literal
from surveys_ui import (
    DEMO_SURVEY,
    LIKERT,
    PAGES,
    advance,
    anonymous_browser,
    answer_page,
    checked,
    decide,
    make_link,
    open_decision,
    open_survey,
    page_caption,
    recommendation,
    secret_of,
    start_review,
    start_survey,
    summary_value,
    tags,
)

LABELS = {
    "strongly_agree": "Strongly agree",
    "agree": "Agree",
    "neither": "Neither agree nor disagree",
    "disagree": "Disagree",
    "strongly_disagree": "Strongly disagree",
    "dont_know": "Don't know",
}
CHOICES = {"continue": "Continue", "reform": "Reform", "merge": "Merge", "discontinue": "Discontinue"}
Q1 = "Multi-agency partnerships have a critical role to play in delivering PCCs' priorities"


# --------------------------------------------------------------------------------------------
# Helpers


def check_error_summary(b: Browser, field: str, message_starts: str, own_message: bool = True) -> list[str]:
    """The page is a form with one error, the GOV.UK way: 422, the summary first in <main> with one link to
    `field`; following the link puts focus on the field. With `own_message`, the field has its own message
    (#field-error) saying the same. A title without "Error: " (as Convene's other forms have it), or a message
    the field is not described by, is returned as a problem, so that the journey goes on and the test fails at
    its end with every problem found."""
    problems = []
    assert b.status == 422, f"a form with an error answered {b.status}, not 422"
    if not b.driver.title.startswith("Error: "):
        problems.append(f"{b.path}: the title of a page with an error does not start with 'Error: ': {b.driver.title!r}")
    summary = b.error_summary()
    assert summary is not None, "no error summary"
    assert summary.get_attribute("role") == "alert"
    assert summary.find_element(By.TAG_NAME, "h2").text == "There is a problem"
    first = b.driver.execute_script("return document.querySelector('main').firstElementChild")
    assert first == summary, "the error summary is not the first thing in <main>"
    links = b.error_summary_links()
    assert len(links) == 1, f"the summary should list one problem, it lists {links}"
    text, href = links[0]
    assert text.startswith(message_starts), f"the summary says {text!r}"
    assert urlparse(href).fragment == field, f"the summary links to {href}, not #{field}"
    if own_message:
        message = b.by_id(f"{field}-error").text
        assert text in message, f"#{field}'s own message {message!r} differs from the summary's {text!r}"
        # A screen reader hears the message with the field, as test_form_errors expects of Convene's other forms.
        problem = b.undescribed_error(field)
        if problem:
            problems.append(problem)

    summary.find_element(By.CSS_SELECTOR, "a").click()  # a link within the page: no new page loads
    try:
        WebDriverWait(b.driver, 3).until(lambda d: active(d).get_attribute("id") == field)
    except TimeoutException:
        raise AssertionError(f"the summary's link put focus on {active(b.driver).get_attribute('id')!r}, not #{field}")
    assert b.driver.execute_script("return location.hash") == f"#{field}"
    return problems


def demo_review_partnerships(b: Browser, count: int) -> tuple[str, list[str]]:
    """The demo's review (a draft of the whole landscape): its key, and the keys of its first `count` partnerships."""
    b.get("/reviews")
    demo = [a for a in b.find_all((By.CSS_SELECTOR, "main table a")) if a.text.startswith("Review of the partnership system")]
    assert demo, "the demo's review is not on /reviews"
    b.click(demo[0])
    demo_key = b.path.split("/")[-1]
    keys = [s.get_attribute("id").removeprefix("p-") for s in b.find_all((By.CSS_SELECTOR, "main section.review-item"))]
    assert len(keys) >= count, f"the demo's review has {len(keys)} partnerships"
    return demo_key, keys[:count]


def proposed(b: Browser, partnership: str) -> str:
    """The decision's identifier (continue, reform, merge, discontinue) the rules proposed."""
    text = summary_value(b, "Proposed", recommendation(b, partnership))
    for identifier, label in CHOICES.items():
        if text.startswith(label):
            return identifier
    raise AssertionError(f"{partnership}'s proposal reads {text!r}")


def decision_shown(b: Browser, partnership: str) -> str:
    return summary_value(b, "Decision", recommendation(b, partnership))


# --------------------------------------------------------------------------------------------
# 1. A respondent answers through a personal link


def test_a_respondent_answers_through_a_personal_link_without_signing_in(admin, settings):
    title = f"Browser partners' survey {settings.run_id}"
    key = start_survey(admin, title)
    open_survey(admin, key)
    person, link = make_link(admin, key)
    admin.screenshot("survey-personal-link")
    secret = secret_of(link)
    answers = {q: LIKERT[(i * 7) % 5] for i, q in enumerate(sum(PAGES[:3], []))}
    answers["q2"] = "dont_know"
    answers["q18"] = f"The board that decides and follows up ({settings.run_id})."  # q19 left blank: it is optional

    with anonymous_browser(settings) as r:
        r.get(link)
        assert r.status == 200 and r.signed_in_as() is None
        assert r.path == f"/respond/{secret}/1", r.path
        assert r.h1() == title and page_caption(r) == "Page 1 of 4"
        for q in PAGES[0]:
            radios = r.find_all((By.CSS_SELECTOR, f"main input[type=radio][name='{q}']"))
            assert [e.get_attribute("value") for e in radios] == LIKERT, f"{q}'s radios are not the Likert scale"
            assert radios[0].get_attribute("id") == q

        # Page 1 with one required statement left unanswered: nothing of it is kept.
        answer_page(r, {q: answers[q] for q in PAGES[0] if q != "q4"})
        r.click(r.button("Save and continue"))
        assert r.path == f"/respond/{secret}/1", f"a page with an unanswered statement went on to {r.path}"
        problems = check_error_summary(r, "q4", "Choose an answer")
        assert [checked(r, q) for q in PAGES[0]] == [answers[q] if q != "q4" else None for q in PAGES[0]], (
            "the page with the error does not show the answers just given"
        )
        r.screenshot("respond-unanswered-statement")
        r.get(f"/respond/{secret}/check")
        assert summary_value(r, Q1) == "Not answered", "the answers of a page with an error were kept"

        # Every page answered.
        r.get(f"/respond/{secret}/1")
        assert checked(r, "q1") is None, "the answers of a page with an error were kept"
        for number, questions in enumerate(PAGES, start=1):
            assert r.path == f"/respond/{secret}/{number}", f"expected page {number}, the browser is at {r.path}"
            assert page_caption(r) == f"Page {number} of {len(PAGES)}"
            answer_page(r, {q: answers[q] for q in questions if q in answers})
            label = "Save and continue" if number < len(PAGES) else "Save and check your answers"
            r.click(r.button(label))
            r.assert_no_errors(f"page {number} of the survey")

        # Check the answers, change one, and send them.
        expect_page(r, f"/respond/{secret}/check", "Check your answers", "the last page of the survey")
        rows = r.find_all((By.CSS_SELECTOR, "main .summary-list__row"))
        assert len(rows) == sum(len(p) for p in PAGES), f"Check your answers lists {len(rows)} answers"
        for number, questions in enumerate(PAGES, start=1):
            for q in questions:
                row = r.by_id(q)
                value = row.find_element(By.CSS_SELECTOR, ".summary-list__value").text.strip()
                wanted = answers[q] if q in answers else None
                assert value == (LABELS.get(wanted, wanted) if wanted else "Not answered"), f"{q} reads {value!r}"
                change = row.find_element(By.CSS_SELECTOR, ".summary-list__actions a")
                assert change.text.startswith("Change")
                assert change.get_attribute("href").endswith(f"/respond/{secret}/{number}#{q}"), change.get_attribute("href")
        r.screenshot("respond-check-answers")
        r.click(r.by_id("q8").find_element(By.CSS_SELECTOR, ".summary-list__actions a"))
        assert r.path == f"/respond/{secret}/2" and urlparse(r.driver.current_url).fragment == "q8"
        assert checked(r, "q8") == answers["q8"], "the page does not show the answer kept"
        answers["q8"] = "strongly_disagree" if answers["q8"] != "strongly_disagree" else "agree"
        answer_page(r, {"q8": answers["q8"]})
        r.click(r.button("Save and continue"))
        assert r.path == f"/respond/{secret}/3" and checked(r, "q13") == answers["q13"]
        r.click(r.button("Save and continue"))
        assert r.by_id("q18").get_attribute("value") == answers["q18"], "the free text was not kept"
        r.click(r.button("Save and check your answers"))
        expect_page(r, f"/respond/{secret}/check", "Check your answers", "going through the pages again")
        assert r.by_id("q8").find_element(By.CSS_SELECTOR, ".summary-list__value").text.strip() == LABELS[answers["q8"]]
        r.click(r.button("Send my answers"))
        r.assert_no_errors("sending the answers")
        assert r.h1() == "Answers sent", r.h1()
        assert title in r.main_text()
        r.screenshot("respond-answers-sent")

    # The administrator sees one respondent, and who it was (the survey is not anonymous).
    admin.get(f"/surveys/{key}")
    assert summary_value(admin, "Responses").startswith("1 sent"), summary_value(admin, "Responses")
    links = admin.table_rows(admin.find((By.XPATH, "//main//table[caption[normalize-space()='Links made']]")))
    assert [row[0] for row in links] == [person] and links[0][-1] == "Yes", links
    open_link(admin, "1 sent: see the results")
    expect_page(admin, f"/surveys/{key}/results", "Results", "the survey's results link")
    assert "1 respondent has sent answers" in admin.main_text(), admin.main_text()[:300]
    chart = admin.find((By.CSS_SELECTOR, "main svg.chart"))
    assert chart.find_element(By.CSS_SELECTOR, "title").get_attribute("textContent").strip()
    table = admin.find((By.XPATH, "//main//table[thead/tr/th[normalize-space()='Statement']]"))
    headers = [" ".join(th.get_attribute("textContent").split()) for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    counts = {row[0]: row for row in admin.table_rows(table)}
    wanted = headers.index(LABELS[answers["q1"]])
    assert counts[Q1][wanted] == "1", f"the results count {counts[Q1]} for q1 ({answers['q1']})"
    assert counts[Q1][headers.index("Respondents")] == "1"
    admin.screenshot("survey-results-one-respondent")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 2. A reviewer changes a recommendation


def test_a_reviewer_changes_a_recommendation(admin, settings):
    _, partnerships = demo_review_partnerships(admin, 2)
    title = f"Browser review of two partnerships {settings.run_id}"
    key = start_review(admin, title, partnerships)
    target = partnerships[0]
    was = proposed(admin, target)
    assert decision_shown(admin, target) == "Not decided"
    reasons = recommendation(admin, target).find_elements(By.CSS_SELECTOR, "ul.list--bullet > li")
    assert reasons and all("Evidence:" in li.text for li in reasons), "the proposal gives no reasons with evidence"
    admin.screenshot("review-new")

    open_decision(admin, key, target)
    assert checked(admin, "decision") == was, f"the form starts from {checked(admin, 'decision')!r}, not the proposal {was!r}"
    assert admin.by_id("rationale").get_attribute("value") == ""
    admin.click(admin.button("Save the decision"))
    assert admin.path == f"/reviews/{key}/partnerships/{target}", admin.path
    problems = check_error_summary(admin, "rationale", "Say why")
    admin.screenshot("review-decision-without-rationale")

    changed = "reform" if was == "continue" else "continue"
    rationale = f"The board's business is done better elsewhere ({settings.run_id})."
    decide(admin, key, target, changed, rationale)
    shown = decision_shown(admin, target)
    assert shown == f"Changed {CHOICES[changed]}", f"the decision reads {shown!r}"
    assert tags(admin, recommendation(admin, target))[:1] == ["Changed"]
    assert summary_value(admin, "Rationale", recommendation(admin, target)) == rationale
    assert summary_value(admin, "Decided") == "1 of 2 recommendations"
    assert decision_shown(admin, partnerships[1]) == "Not decided"
    link = recommendation(admin, target).find_element(By.CSS_SELECTOR, f"a[href='/reviews/{key}/partnerships/{target}']")
    assert " ".join(link.text.split()).startswith("Change the decision for "), link.text
    admin.screenshot("review-recommendation-changed")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 3. Publishing a review, and reading it signed out


HEADINGS_JS = (
    "return Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6'))"
    ".map(h => [Number(h.tagName[1]), h.textContent.replace(/\\s+/g, ' ').trim()]);"
)
TABLES_JS = """
return Array.from(document.querySelectorAll('table')).map(t => ({
  caption: t.caption ? t.caption.textContent.trim() : '',
  head: Array.from(t.querySelectorAll('thead th')).map(th => th.getAttribute('scope')),
  bodyHeaders: Array.from(t.querySelectorAll('tbody th')).map(th => th.getAttribute('scope')),
}));
"""
STYLE_RULES_JS = "return Array.from(document.styleSheets).reduce((n, s) => n + s.cssRules.length, 0);"
CSP_JS = (
    "const done = arguments[arguments.length - 1];"
    "fetch(location.href, {credentials: 'same-origin'}).then(r => done(r.headers.get('content-security-policy')))"
    ".catch(e => done('(could not fetch: ' + e + ')'));"
)
SVGS_JS = """
return Array.from(document.querySelectorAll('svg')).map(svg => {
  const own = Array.from(svg.children).find(c => c.tagName.toLowerCase() === 'title');
  const inside = svg.querySelector('title');
  const holder = svg.closest('[role=img]');
  return {id: svg.id || (svg.parentElement && svg.parentElement.className) || '',
          own: own ? own.textContent.trim() : '', inside: inside ? inside.textContent.trim() : '',
          labelledby: svg.getAttribute('aria-labelledby') || '',
          holder: holder && holder !== svg ? (holder.getAttribute('aria-label') || '') : null};
});
"""


def check_report_document(b: Browser, title: str) -> list[str]:
    """The report's structure: contents, headings in order, tables with headers (asserted); a title of its own
    for every svg, and its own style in force (returned as problems, so that the journey goes on)."""
    assert b.driver.title == title, b.driver.title
    contents = b.find((By.CSS_SELECTOR, "nav[aria-label=Contents]"))
    targets = [a.get_attribute("href").split("#")[-1] for a in contents.find_elements(By.CSS_SELECTOR, "a")]
    assert targets[:1] == ["summary"] and "recommendations" in targets, targets
    missing = [t for t in targets if not b.find_all((By.ID, t))]
    assert not missing, f"the contents link to sections that are not there: {missing}"

    headings = b.driver.execute_script(HEADINGS_JS)
    levels = [level for level, _ in headings]
    assert levels[:2] == [1, 2] and levels.count(1) == 1, f"the report's headings start {headings[:3]}"
    assert headings[0][1] == title
    jumps = [(a, b_) for a, b_ in zip(headings, headings[1:]) if b_[0] > a[0] + 1]
    assert not jumps, f"headings skip a level: {jumps}"

    tables = b.driver.execute_script(TABLES_JS)
    assert tables, "the report has no tables"
    for table in tables:
        assert table["caption"], f"a table has no caption: {table}"
        assert table["head"] and all(s == "col" for s in table["head"]), f"{table['caption']!r}: column headers {table['head']}"
        assert all(s == "row" for s in table["bodyHeaders"]), f"{table['caption']!r}: row headers {table['bodyHeaders']}"

    problems = []
    svgs = b.driver.execute_script(SVGS_JS)
    assert svgs, "the report has no charts"
    untitled = [s for s in svgs if not s["own"]]
    if untitled:
        problems.append(f"{b.path}: {len(untitled)} of {len(svgs)} svg have no <title> of their own: {untitled}")
    # The report carries its own style (inline): without it the charts' text is drawn at the browser's 16px,
    # so their labels are cut off and the legend overlaps, and the landscape picture runs off the page.
    if not b.driver.execute_script(STYLE_RULES_JS):
        csp = b.driver.execute_async_script(CSP_JS)
        problems.append(f"{b.path}: the report's own <style> is not applied (no CSS rule in force); "
                        f"the page is served with Content-Security-Policy: {csp}")
    return problems


def test_a_review_is_published_and_read_signed_out(admin, settings):
    draft, partnerships = demo_review_partnerships(admin, 3)
    partnerships = partnerships[1:]
    title = f"Browser review to publish {settings.run_id}"
    key = start_review(admin, title, partnerships, survey=DEMO_SURVEY)
    assert admin.fetch_status(f"/public/reviews/default/{key}") == 404, "a draft review is on the public site"
    assert summary_value(admin, "Survey").startswith("Partners' survey 2026"), summary_value(admin, "Survey")

    advance(admin, key, "Put the review out to consultation", "In consultation")
    # Not final while a recommendation has no decision.
    press_button(admin, "Make the review final")
    assert summary_value(admin, "Status") == "In consultation"
    # The refusal is the page's, not a field's: the summary links to the button, which has no message of its own.
    problems = check_error_summary(admin, "status", "2 recommendations have no decision yet", own_message=False)
    admin.screenshot("review-final-refused")

    for index, partnership in enumerate(partnerships):
        admin.get(f"/reviews/{key}")
        was = proposed(admin, partnership)
        open_decision(admin, key, partnership)
        assert checked(admin, "decision") == was
        decide(admin, key, partnership, None, f"Confirmed: the figures bear it out ({settings.run_id}, {index + 1}).")
        assert decision_shown(admin, partnership).startswith("Confirmed"), decision_shown(admin, partnership)
    assert summary_value(admin, "Decided") == "2 of 2 recommendations"

    advance(admin, key, "Make the review final", "Final")
    assert not admin.find_all((By.CSS_SELECTOR, f"main a[href^='/reviews/{key}/partnerships/']")), (
        "a final review still offers to change its decisions"
    )
    advance(admin, key, "Publish the report", "Published")
    assert not admin.find_all((By.CSS_SELECTOR, "main button#status")), "a published review offers another step"
    public = admin.link("On the public site", admin.main()).get_attribute("href")
    assert urlparse(public).path == f"/public/reviews/default/{key}", public
    admin.screenshot("review-published")

    open_link(admin, "The report")
    assert admin.status == 200 and admin.path == f"/reviews/{key}/report"
    problems += check_report_document(admin, title)
    # The report is its own document, whose policy lets it fetch nothing: the PDF is asked for from the review.
    admin.get(f"/reviews/{key}")
    assert admin.fetch_status(f"/reviews/{key}/report.pdf") == 200, "the report's PDF could not be made"

    with anonymous_browser(settings) as anyone:
        anyone.get("/public")
        assert anyone.status == 200 and anyone.signed_in_as() is None
        heading = anyone.find((By.XPATH, "//main//h2[normalize-space()='Published reviews of the partnership system']"))
        listed = heading.find_elements(By.XPATH, f"following-sibling::ul[1]//a[normalize-space()={xpath_literal(title)}]")
        assert listed, f"/public does not list {title!r} under its published reviews"
        assert urlparse(listed[0].get_attribute("href")).path == f"/public/reviews/default/{key}"
        shown = [urlparse(a.get_attribute("href")).path for a in heading.find_elements(By.XPATH, "following-sibling::ul[1]//a")]
        assert f"/public/reviews/default/{draft}" not in shown, "/public lists the demo's draft review"
        anyone.screenshot("public-reviews")
        anyone.click(listed[0])  # the report is checked with axe as it loads, like every page
        assert anyone.status == 200, f"the published report answered {anyone.status}"
        assert anyone.path == f"/public/reviews/default/{key}"
        problems += check_report_document(anyone, title)
        text = anyone.main_text()
        assert "Status: Published." in text and "Confirmed by the reviewer." in text
        here = anyone.driver.current_url.split("#")[0]
        private = [href for href in (a.get_attribute("href") for a in anyone.find_all((By.CSS_SELECTOR, "a[href]")))
                   if href.split("#")[0] != here]
        assert not private, f"the published report links away from itself: {private[:5]}"
        anyone.screenshot("public-review-report")

        # An unpublished review (the demo's draft) is not there for anyone.
        anyone.get(f"/public/reviews/default/{draft}")
        assert anyone.status == 404, f"the demo's draft review answered {anyone.status} on the public site"
    assert not problems, "\n".join(problems)
