"""Journeys for data sharing (agreements and requests for data) and alerts.

1. Adding an agreement: from the navigation's "Data sharing" (the agreements' table, the demo's agreement in force and
   past its review date), "Add an agreement" signed and in force with personal data but no DPIA day, one party only
   and a document that is not a web address (422, every error in the summary in page order, each with the field's
   own message, each link leading to its field, and the form keeping what was given); then properly, with two
   parties, the CDP, DPIA and signing in the past and a review date already passed; the agreement's page shows it in
   force and "Past its review date", its parties linked to their pages and the CDP to its page; the agreements'
   table lists it; each party's page and the CDP's page list it in "Data-sharing agreements (N)"; "Change the
   agreement" shows the form as it was saved, and saving it unchanged changes nothing.
2. The request log: the demo's unanswered request past its due day shows "Overdue"; a request logged to Peterborough
   City Council, asked 40 days ago and due 10 days ago, is overdue on its page and in the log, newest first, and the
   partner's and the gateway's figures count it as asked and overdue; "Refused" without a reason is an error (422,
   the summary linking to "Why it was refused") that saves nothing; with a reason the answer shows on the request,
   and the log and the figures count it as answered, refused and no longer overdue.
3. Alerts: the administrator's alerts page, from the navigation, lists the demo's agreement past its review date and
   its overdue request, each with its due day and "Overdue", each linking to its page; the weekly digest box, ticked,
   cleared and ticked again, shows as saved each time (and is left as it was found).
4. What a viewer is offered: the agreements, the log, an agreement and a request can be read, but no "Add an
   agreement", "Log a request", "Change the agreement" or answer form, and those pages are refused them.

Every page loaded is checked with axe (support.Browser does it on each load). Days are the server's (see
sharing_ui.server_today). The demo landscape is loaded for the run; names made here carry the run's id, and figures
are compared before and after, so the suite can run twice on one server.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from meetings_ui import expect_page, long_day, open_link
from outcomes_ui import caption_above_h1, check_error_summary, column_headers, follow_nav, table_by_caption
from sharing_ui import (
    AGREEMENT_COLUMNS,
    ALERT_KINDS,
    CDP,
    CDP_NAME,
    CONSTABULARY,
    COUNTY,
    DATA_CATEGORIES,
    DEMO_AGREEMENT,
    DEMO_OVERDUE_REQUEST,
    FIRST_GATEWAY,
    LAWFUL_BASES,
    LOG_COLUMNS,
    OPCC,
    OUTCOMES,
    PETERBOROUGH,
    STATUSES,
    Agreement,
    Request,
    agreement_form_values,
    alert_tables,
    answer_shown,
    count_from_share,
    digest_box,
    expected_form_values,
    figures,
    fill_agreement,
    labelled_choices,
    follow_breadcrumb,
    legend_of,
    log_request,
    options_of,
    parse_long_day,
    row_with_link,
    rows_by_header,
    save_digest_choice,
    server_today,
    share,
    sharing_section,
    summary_links,
)
from surveys_ui import checked, choose_radio, summary_value, tags


# --------------------------------------------------------------------------------------------
# 1. Adding an agreement


def test_an_agreement_is_added_and_listed_for_its_parties_and_partnership(admin, settings):
    run = settings.run_id
    admin.get("/")
    today = server_today(admin)
    agreement = Agreement(
        title=f"Browser naloxone outreach information sharing agreement {run}",
        parties=[CONSTABULARY, PETERBOROUGH], partnerships=[(CDP, CDP_NAME)],
        purpose=f"Naloxone outreach to people leaving custody, followed up by the council ({run})",
        data=["personal"], lawful_basis="Public task", gateway=FIRST_GATEWAY,
        dpia_on=(today - dt.timedelta(days=400)).isoformat(), signed_on=(today - dt.timedelta(days=380)).isoformat(),
        review_on=(today - dt.timedelta(days=10)).isoformat(), status="active",
        documents=[f"https://example.org/agreements/naloxone-{run}.pdf"])

    # The agreements, from the navigation.
    follow_nav(admin, "Data sharing")
    expect_page(admin, "/sharing", "Data sharing", "the navigation's Data sharing link")
    offered = {" ".join(a.text.split()): urlparse(a.get_attribute("href")).path
               for a in admin.find_all((By.CSS_SELECTOR, "main a.button"))}
    assert offered == {"Add an agreement": "/sharing/agreements/new", "Requests for data": "/sharing/requests"}, offered
    table = table_by_caption(admin, "Data-sharing agreements")
    assert column_headers(admin, table) == AGREEMENT_COLUMNS, column_headers(admin, table)
    listed_before = len(admin.table_rows(table))
    row, path = row_with_link(admin, table, DEMO_AGREEMENT[1])
    assert path == f"/sharing/agreements/{DEMO_AGREEMENT[0]}", f"the demo's agreement links to {path}"
    assert tags(admin, row) == ["In force", "Past its review date"], f"the demo's agreement is tagged {tags(admin, row)}"
    admin.screenshot("sharing-agreements")

    # The form.
    open_link(admin, "Add an agreement")
    expect_page(admin, "/sharing/agreements/new", "Add a data-sharing agreement", "the 'Add an agreement' link")
    assert admin.find((By.CSS_SELECTOR, "label[for='title']")).text.strip() == "Title"
    assert legend_of(admin, "party_keys[]") == "The organisations party to it", legend_of(admin, "party_keys[]")
    assert legend_of(admin, "partnership_keys[]") == "The partnerships it serves", legend_of(admin, "partnership_keys[]")
    parties = admin.find_all((By.CSS_SELECTOR, "main input[type=checkbox][name='party_keys[]']"))
    assert len(parties) > 100, f"the form offers {len(parties)} organisations, not the demo's register"
    assert [p.get_attribute("id") for p in parties[:3]] == ["party_keys", "party_keys-1", "party_keys-2"]
    categories = labelled_choices(admin, "data_categories[]")
    assert categories == DATA_CATEGORIES, categories
    bases = options_of(admin, "lawful_basis")
    assert bases[0] == ("", "Choose") and [v for v, _ in bases[1:]] == LAWFUL_BASES, bases
    gateways = options_of(admin, "legal_gateway")
    assert gateways[0] == ("", "Another, named below") and gateways[1] == (FIRST_GATEWAY, FIRST_GATEWAY), gateways[:2]
    statuses = labelled_choices(admin, "status")
    assert statuses == STATUSES, statuses

    # In force with personal data but no DPIA, one party, and a document that is not a web address.
    first = dataclasses.replace(agreement, parties=[CONSTABULARY], dpia_on="", documents=["not-a-link"])
    fill_agreement(admin, first)
    admin.click(admin.button("Save the agreement"))
    assert admin.path == "/sharing/agreements/new", f"an agreement with errors went to {admin.path}"
    problems = check_error_summary(admin, [
        ("party_keys", "Name at least two organisations"),
        ("dpia_on", "Personal data is shared: enter the day the data protection impact assessment was done"),
        ("documents", "'not-a-link' is not a web address"),
    ])
    assert admin.driver.title.startswith("Error: Add a data-sharing agreement"), admin.driver.title
    admin.screenshot("sharing-agreement-errors")
    kept = agreement_form_values(admin)
    assert kept == expected_form_values(first), f"the form with errors does not show what was given: {kept}"

    # Properly.
    fill_agreement(admin, agreement)
    admin.click(admin.button("Save the agreement"))
    expect_page(admin, h1=agreement.title, what="saving the agreement")
    assert re.fullmatch(r"/sharing/agreements/[a-z0-9-]+", admin.path), f"saving the agreement went to {admin.path}"
    page = admin.path
    assert caption_above_h1(admin) == "Data-sharing agreement", caption_above_h1(admin)
    assert tags(admin) == ["In force", "Past its review date"], f"the new agreement is tagged {tags(admin)}"
    party_links = summary_links(admin, "Parties")
    assert party_links == [(name, f"/organisations/{key}") for key, name in agreement.parties], party_links
    assert summary_links(admin, "Serves") == [(CDP_NAME, f"/partnerships/{CDP}")], summary_links(admin, "Serves")
    day = dt.date.fromisoformat
    shown = {key: summary_value(admin, key) for key in (
        "Purpose", "Data", "Lawful basis", "Legal gateway", "DPIA", "Signed", "Review date", "Ends")}
    assert shown == {
        "Purpose": agreement.purpose, "Data": "Personal data", "Lawful basis": "Public task",
        "Legal gateway": FIRST_GATEWAY, "DPIA": f"Done {long_day(day(agreement.dpia_on))}",
        "Signed": long_day(day(agreement.signed_on)), "Review date": long_day(day(agreement.review_on)),
        "Ends": "No end date"}, shown
    documents = summary_links(admin, "Documents", paths=False)
    assert documents == [(agreement.documents[0],) * 2], f"the agreement's documents are {documents}"
    admin.screenshot("sharing-agreement")

    # Listed among the agreements.
    follow_breadcrumb(admin, "Data sharing")
    expect_page(admin, "/sharing", "Data sharing", "the agreement's breadcrumb")
    table = table_by_caption(admin, "Data-sharing agreements")
    assert len(admin.table_rows(table)) == listed_before + 1, "the agreements' table does not list one more"
    row, path = row_with_link(admin, table, agreement.title)
    assert path == page, f"the agreements' table does not link {agreement.title!r} to {page}: {path}"
    cells = admin.table_rows(row)[0]
    assert cells[1:4] == ["; ".join(name for _, name in agreement.parties), FIRST_GATEWAY,
                          long_day(day(agreement.review_on))], cells
    assert tags(admin, row) == ["In force", "Past its review date"], tags(admin, row)

    # Each party's page and the partnership's page list it.
    admin.click(row.find_element(By.LINK_TEXT, agreement.title))
    expect_page(admin, page, agreement.title, "the agreements' table's link")
    for (key, name), href in zip(agreement.parties, [p for _, p in party_links]):
        admin.click(admin.find((By.CSS_SELECTOR, f"main dd a[href='{href}']")))
        expect_page(admin, href, name, f"the agreement's link to {name}")
        heading, listed = sharing_section(admin)
        assert heading == f"Data-sharing agreements ({len(listed)})", (
            f"{name}'s page: {heading!r} with {len(listed)} listed")
        mine = [a for a in listed if a["title"] == agreement.title]
        assert mine == [{"title": agreement.title, "path": page, "tags": ["In force", "Past its review date"]}], (
            f"{name}'s page lists {listed}")
        assert DEMO_AGREEMENT[0] in [urlparse(a["path"]).path.split("/")[-1] for a in listed], (
            f"{name}'s page does not list the demo's agreement it is party to")
        admin.get(page)
    admin.click(admin.find((By.CSS_SELECTOR, f"main dd a[href='/partnerships/{CDP}']")))
    expect_page(admin, f"/partnerships/{CDP}", what="the agreement's link to the partnership")
    assert CDP_NAME in admin.h1(), admin.h1()
    heading, listed = sharing_section(admin)
    assert heading == f"Data-sharing agreements ({len(listed)})", heading
    assert [a for a in listed if a["title"] == agreement.title] == [
        {"title": agreement.title, "path": page, "tags": ["In force", "Past its review date"]}], listed
    admin.screenshot("sharing-partnership-agreements")

    # "Change the agreement": the form as it was saved.
    admin.get(page)
    open_link(admin, "Change the agreement")
    expect_page(admin, f"{page}/edit", "Change a data-sharing agreement", "the 'Change the agreement' link")
    shown = agreement_form_values(admin)
    assert shown == expected_form_values(agreement), f"the form shows {shown}"
    admin.screenshot("sharing-agreement-change")
    admin.click(admin.button("Save the agreement"))
    expect_page(admin, page, agreement.title, "saving the agreement unchanged")
    assert tags(admin) == ["In force", "Past its review date"], tags(admin)
    assert summary_value(admin, "Review date") == long_day(day(agreement.review_on))
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 2. The request log


def expected_figures(before: dict[str, str] | None, asked: int = 0, answered: int = 0, overdue: int = 0,
                     late: int = 0, refused: int = 0) -> dict[str, str]:
    """A figures row after `asked` more requests, `answered` more answers (`late` of them past due, `refused`
    refused) and `overdue` more overdue, from the row before (or none). The median is left as it was shown."""
    before = before or {"Name": "", "Requests": "0", "Answered": "0", "Overdue": "0",
                        "Median days to answer": "None answered", "On time": "None yet", "Refused": "None yet"}
    was_answered, was_overdue = int(before["Answered"]), int(before["Overdue"])
    was_due = was_answered + was_overdue  # on time counts the answered and the unanswered past due
    on_time = count_from_share(before["On time"], was_due)
    was_refused = count_from_share(before["Refused"], was_answered)
    now_answered, now_overdue = was_answered + answered, was_overdue + overdue
    return {
        "Requests": str(int(before["Requests"]) + asked), "Answered": str(now_answered), "Overdue": str(now_overdue),
        "On time": share(on_time + answered - late, now_answered + now_overdue),
        "Refused": share(was_refused + refused, now_answered),
    }


def figures_of(row: dict[str, str]) -> dict[str, str]:
    return {k: row[k] for k in ("Requests", "Answered", "Overdue", "On time", "Refused")}


def open_log(b) -> None:
    follow_nav(b, "Data sharing")
    open_link(b, "Requests for data")
    expect_page(b, "/sharing/requests", "Requests for data", "the 'Requests for data' link")


def test_a_request_is_logged_falls_overdue_and_is_refused(admin, settings):
    run = settings.run_id
    admin.get("/")
    today = server_today(admin)
    request = Request(
        requester=f"organisation:{OPCC[0]}", partner=PETERBOROUGH,
        what=f"Browser naloxone kits given out by pharmacies, by month ({run})",
        purpose=f"The CDP's naloxone measure, for the browser tests ({run})", agreement=DEMO_AGREEMENT[1],
        gateway="", asked_on=today - dt.timedelta(days=40), due_by=today - dt.timedelta(days=10))
    answered_on = today - dt.timedelta(days=3)
    reason = f"The pharmacies' returns are not ours to share ({run})."

    # The log, and the demo's overdue request.
    open_log(admin)
    log = table_by_caption(admin, "The log, newest first")
    assert column_headers(admin, log) == LOG_COLUMNS, column_headers(admin, log)
    row, demo_path = row_with_link(admin, log, DEMO_OVERDUE_REQUEST)
    assert row is not None, f"the log does not list the demo's {DEMO_OVERDUE_REQUEST!r}"
    assert re.fullmatch(r"/sharing/requests/[a-z0-9-]+", demo_path or ""), demo_path
    cells = dict(zip(LOG_COLUMNS, admin.table_rows(row)[0]))
    assert cells["Asked of"] == COUNTY[1] and cells["Answer"] == "Overdue", cells
    assert tags(admin, row) == ["Overdue"], tags(admin, row)
    partner_before = figures(admin, "By partner").get(PETERBOROUGH[1])
    gateway_before = figures(admin, "By legal gateway").get(FIRST_GATEWAY)
    assert gateway_before, "the demo's requests, under its agreement, are not counted under its gateway"
    admin.screenshot("sharing-request-log")

    # A request asked 40 days ago and due 10 days ago.
    page = log_request(admin, request)
    assert caption_above_h1(admin) == "Request for data", caption_above_h1(admin)
    assert tags(admin) == ["Overdue"], f"a request past its due day is tagged {tags(admin)}"
    shown = {key: summary_value(admin, key) for key in ("Asked by", "Why", "Under", "Asked", "Due", "Answer")}
    assert shown == {"Asked by": OPCC[1], "Why": request.purpose, "Under": DEMO_AGREEMENT[1],
                     "Asked": long_day(request.asked_on), "Due": long_day(request.due_by), "Answer": "None yet"}, shown
    assert summary_links(admin, "Asked of") == [(PETERBOROUGH[1], f"/organisations/{PETERBOROUGH[0]}")]
    form = admin.find((By.XPATH, "//main//form[.//h2[normalize-space()='Record the answer']]"))
    assert admin.by_id("answered_on").get_attribute("value") == ""
    outcomes = [r.get_attribute("value") for r in form.find_elements(By.CSS_SELECTOR, "input[type=radio][name='outcome']")]
    assert outcomes == OUTCOMES, outcomes
    assert admin.find((By.CSS_SELECTOR, "label[for='refusal_reason']")).text.strip() == "Why it was refused"
    admin.screenshot("sharing-request-overdue")

    # Overdue in the log, newest first, and counted for the partner and the gateway.
    open_log(admin)
    log = table_by_caption(admin, "The log, newest first")
    row, path = row_with_link(admin, log, request.what)
    assert path == page, f"the log links {request.what!r} to {path}, not {page}"
    cells = dict(zip(LOG_COLUMNS, admin.table_rows(row)[0]))
    assert cells == {"Asked of": PETERBOROUGH[1], "What": request.what, "Asked": long_day(request.asked_on),
                     "Due": long_day(request.due_by), "Answer": "Overdue"}, cells
    assert tags(admin, row) == ["Overdue"], tags(admin, row)
    asked = [parse_long_day(r["Asked"]) for r in rows_by_header(admin, log)]
    assert asked == sorted(asked, reverse=True), f"the log is not newest first: {asked}"
    partner = figures(admin, "By partner").get(PETERBOROUGH[1])
    assert partner and figures_of(partner) == expected_figures(partner_before, asked=1, overdue=1), (
        f"{PETERBOROUGH[1]}'s figures went from {partner_before} to {partner}")
    gateway = figures(admin, "By legal gateway")[FIRST_GATEWAY]
    assert figures_of(gateway) == expected_figures(gateway_before, asked=1, overdue=1), (
        f"the gateway's figures went from {gateway_before} to {gateway}")
    admin.screenshot("sharing-request-log-overdue")

    # "Refused" without a reason: an error, and nothing saved.
    admin.click(row.find_element(By.LINK_TEXT, request.what))
    expect_page(admin, page, request.what, "the log's link to the request")
    admin.type_into("answered_on", answered_on.isoformat())
    choose_radio(admin, "outcome", "refused")
    admin.click(admin.button("Save the answer"))
    assert admin.path in (page, f"{page}/answer"), f"an answer with an error went to {admin.path}"
    problems = check_error_summary(admin, [("refusal_reason", "Say why it was refused")])
    assert admin.h1() == request.what, admin.h1()
    assert admin.by_id("answered_on").get_attribute("value") == answered_on.isoformat(), "the day given was not kept"
    assert checked(admin, "outcome") == "refused", f"the outcome chosen was not kept: {checked(admin, 'outcome')!r}"
    assert summary_value(admin, "Answer") == "None yet", (
        f"an answer with an error was saved: {summary_value(admin, 'Answer')!r}")
    admin.screenshot("sharing-refused-without-reason")

    # With the reason.
    admin.type_into("refusal_reason", reason)
    admin.click(admin.button("Save the answer"))
    expect_page(admin, page, request.what, "saving the answer")
    assert summary_value(admin, "Answer") == answer_shown("Refused", answered_on, reason), summary_value(admin, "Answer")
    assert tags(admin) == [], f"an answered request is tagged {tags(admin)}"
    assert checked(admin, "outcome") == "refused"
    admin.screenshot("sharing-request-refused")

    # The log and the figures.
    open_log(admin)
    row, _ = row_with_link(admin, table_by_caption(admin, "The log, newest first"), request.what)
    cells = dict(zip(LOG_COLUMNS, admin.table_rows(row)[0]))
    assert cells["Answer"] == f"Refused {long_day(answered_on)}", cells
    assert tags(admin, row) == [], tags(admin, row)
    after = figures(admin, "By partner")[PETERBOROUGH[1]]
    assert figures_of(after) == expected_figures(partner_before, asked=1, answered=1, late=1, refused=1), (
        f"{PETERBOROUGH[1]}'s figures went from {partner_before} to {after} after a late refusal")
    assert re.fullmatch(r"\d+(\.\d)?", after["Median days to answer"]), after
    gateway = figures(admin, "By legal gateway")[FIRST_GATEWAY]
    assert figures_of(gateway) == expected_figures(gateway_before, asked=1, answered=1, late=1, refused=1), (
        f"the gateway's figures went from {gateway_before} to {gateway} after a late refusal")
    row, _ = row_with_link(admin, table_by_caption(admin, "The log, newest first"), DEMO_OVERDUE_REQUEST)
    assert tags(admin, row) == ["Overdue"], "the demo's overdue request is no longer overdue"
    admin.screenshot("sharing-request-log-refused")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 3. Alerts


def test_alerts_list_the_overdue_and_the_digest_choice_is_kept(admin, settings):
    admin.get("/")
    today = server_today(admin)
    follow_nav(admin, "Alerts")
    expect_page(admin, "/alerts", "Alerts", "the navigation's Alerts link")
    assert f"as of {long_day(today)}" in admin.main_text(), admin.main_text()[:300]
    tables = alert_tables(admin)
    assert set(tables) <= set(ALERT_KINDS), f"the alerts page has tables {list(tables)}"
    assert list(tables) == [k for k in ALERT_KINDS if k in tables], f"the alerts' tables come in the order {list(tables)}"

    wanted = {
        "Data-sharing agreements": {
            "title": f"Agreement past its review date: {DEMO_AGREEMENT[1]}",
            "path": f"/sharing/agreements/{DEMO_AGREEMENT[0]}", "due": long_day(today - dt.timedelta(days=20)),
            "tags": ["Overdue"]},
        "Data requests": {
            "title": f"No answer from {COUNTY[1]}: {DEMO_OVERDUE_REQUEST}",
            "due": long_day(today - dt.timedelta(days=15)), "tags": ["Overdue"]},
    }
    found = {}
    for kind, alert in wanted.items():
        rows = [r for r in tables.get(kind, []) if r["title"] == alert["title"]]
        assert len(rows) == 1, f"the alerts' {kind!r} list {alert['title']!r} {len(rows)} times: {tables.get(kind)}"
        assert {k: rows[0][k] for k in alert} == alert, f"the alert reads {rows[0]}, expected {alert}"
        found[kind] = rows[0]
    assert re.fullmatch(r"/sharing/requests/[a-z0-9-]+", found["Data requests"]["path"]), found["Data requests"]
    admin.screenshot("alerts")

    # Each alert leads to its record.
    admin.click(admin.link(found["Data-sharing agreements"]["title"], admin.main()))
    expect_page(admin, found["Data-sharing agreements"]["path"], DEMO_AGREEMENT[1], "the agreement's alert")
    assert "Past its review date" in tags(admin), tags(admin)
    assert summary_value(admin, "Review date") == long_day(today - dt.timedelta(days=20))
    follow_nav(admin, "Alerts")
    admin.click(admin.link(found["Data requests"]["title"], admin.main()))
    expect_page(admin, found["Data requests"]["path"], DEMO_OVERDUE_REQUEST, "the request's alert")
    assert tags(admin) == ["Overdue"], tags(admin)
    assert summary_links(admin, "Asked of") == [(COUNTY[1], f"/organisations/{COUNTY[0]}")]
    assert summary_value(admin, "Answer") == "None yet"

    # The weekly digest: ticked, cleared, ticked again, each as saved; then left as it was.
    follow_nav(admin, "Alerts")
    assert legend_of(admin, "weekly") == "Email", legend_of(admin, "weekly")
    assert admin.find((By.CSS_SELECTOR, "label[for='weekly']")).text.strip() == "Send me these by email once a week"
    was = digest_box(admin).is_selected()
    for weekly in (True, False, True):
        save_digest_choice(admin, weekly)
    admin.screenshot("alerts-digest-chosen")
    follow_nav(admin, "Alerts")
    assert digest_box(admin).is_selected(), "the weekly digest, saved, is not ticked on coming back to the page"
    if not was:
        save_digest_choice(admin, False)


# --------------------------------------------------------------------------------------------
# 4. What a viewer is offered


def test_a_viewer_reads_data_sharing_but_is_offered_no_changes(viewer, settings):
    follow_nav(viewer, "Data sharing")
    expect_page(viewer, "/sharing", "Data sharing", "the navigation's Data sharing link, for a viewer")
    assert not viewer.links("Add an agreement", viewer.main()), "/sharing offers a viewer 'Add an agreement'"
    row, path = row_with_link(viewer, table_by_caption(viewer, "Data-sharing agreements"), DEMO_AGREEMENT[1])
    viewer.click(row.find_element(By.LINK_TEXT, DEMO_AGREEMENT[1]))
    expect_page(viewer, path, DEMO_AGREEMENT[1], "the demo agreement's link, for a viewer")
    assert not viewer.links("Change the agreement", viewer.main()), "an agreement offers a viewer 'Change the agreement'"

    follow_breadcrumb(viewer, "Data sharing")
    open_link(viewer, "Requests for data")
    expect_page(viewer, "/sharing/requests", "Requests for data", "the 'Requests for data' link, for a viewer")
    assert not viewer.links("Log a request", viewer.main()), "/sharing/requests offers a viewer 'Log a request'"
    row, request = row_with_link(viewer, table_by_caption(viewer, "The log, newest first"), DEMO_OVERDUE_REQUEST)
    viewer.click(row.find_element(By.LINK_TEXT, DEMO_OVERDUE_REQUEST))
    expect_page(viewer, request, DEMO_OVERDUE_REQUEST, "the demo request's link, for a viewer")
    assert not viewer.find_all((By.CSS_SELECTOR, "main form")), "a request offers a viewer a form (to record the answer)"
    assert not viewer.buttons("Save the answer"), "a request offers a viewer 'Save the answer'"

    for where in ("/sharing/agreements/new", f"{path}/edit", "/sharing/requests/new"):
        status = viewer.fetch_status(where)
        assert status == 403, f"{where} answered a viewer {status}, not 403"
