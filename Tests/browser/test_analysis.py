"""Journeys for the analyses: an OPCC partnership lead audits what a board costs and checks the figures
down to each attendee, the settings change the figures, a chair triages their invitations and saves a plan,
the load, attendance and delivery pages show the board, and a viewer reads it all but changes nothing.

The landscape is imported once for the module with the server's CLI (see analysis_ui.build_landscape): a board
of 12 people on £50,000 with four held two-hour meetings in the last year, all 12 at each. DESIGN.md's cost
rule makes that £28.35 an hour, £85.05 an attendance ((120 + 60) minutes), 144 person-hours and £4,082.40;
at 1,800 working hours a year, £27.78 an hour and £4,000.32.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from analysis_ui import (
    BOARD_SIZE,
    Landscape,
    build_landscape,
    chart,
    chart_cut_off,
    chart_title,
    fetch_with_session,
    heat_cells_missing,
    import_popolo,
    meeting_heading,
    monday,
    read_csv,
    rows_by_first_cell,
    run_cli,
    short_day,
    summary,
    table,
)
from meetings_ui import expect_page, long_day, open_link
from support import Browser, Field, fill_form, has_id, is_submit_button, keyboard_choose, press, svg_links, tab_to

BOARD_COST = "£4,082.40"
BOARD_COST_1800 = "£4,000.32"
ATTENDANCE_COST = "£85.05"
MEETING_COST = "£1,020.60"  # 12 × £85.05


@pytest.fixture(scope="module")
def landscape(settings) -> Landscape:
    built, popolo = build_landscape(settings.run_id, dt.date.today())
    output = import_popolo(settings.base_url, popolo)
    assert "meeting: 13 new" in output, f"the import did not add the 13 meetings: {output}"
    return built


def period_of(b: Browser) -> tuple[dt.date, dt.date]:
    """The period an analysis page shows, from its own From and To fields."""
    return dt.date.fromisoformat(b.by_id("from").get_attribute("value")), dt.date.fromisoformat(b.by_id("to").get_attribute("value"))


def query(b: Browser) -> str:
    start, end = period_of(b)
    return f"from={start.isoformat()}&to={end.isoformat()}"


def caption_l(b: Browser) -> str:
    found = b.find_all((By.CSS_SELECTOR, "main .caption-l"))
    return found[0].text.strip() if found else ""


def go_to_analysis(b: Browser, page: str | None = None) -> None:
    """From any page: Analysis in the site navigation, then (optionally) one analysis by its link."""
    b.click(b.find((By.CSS_SELECTOR, "header nav[aria-label=Main] a[href='/analysis']")))
    expect_page(b, "/analysis", "Analysis", "the Analysis link in the site navigation")
    if page:
        open_link(b, page)


def board_row(b: Browser, land: Landscape) -> list[str]:
    rows = rows_by_first_cell(b, "Cost by partnership")
    assert land.board.name in rows, f"the cost table has no row for {land.board.name!r}"
    return rows[land.board.name]


# --------------------------------------------------------------------------------------------
# Journey 1: an OPCC partnership lead audits what a board costs


def test_an_opcc_lead_audits_what_a_board_costs(admin, landscape, settings):
    b, land = admin, landscape
    b.get("/")
    go_to_analysis(b, "Cost")
    expect_page(b, "/analysis/cost", "Cost of meetings", "the Cost link")
    start, end = period_of(b)
    assert (end - start).days == 364 and abs((end - dt.date.today()).days) <= 1, (
        f"the cost page's period is {start} to {end}, not the 365 days to today")
    assert caption_l(b) == f"{long_day(start)} to {long_day(end)}", caption_l(b)
    q = query(b)

    # The headline and its assumptions.
    headline = summary(b)
    assert re.fullmatch(r"\d+ meetings, [\d.]+ person-hours, £[\d,]+\.\d\d", headline.get("Held meetings", "")), headline
    assert headline.get("Assumptions", "").startswith("1764 working hours a year; 60 minutes of preparation and travel"), headline

    # The chart: an image with a title that writes the board's bar and its cost as text (the table below has the
    # links; a bar that links goes to the same evidence).
    svg = chart(b, "cost-chart")
    assert chart_title(b, "cost-chart") == "Cost by partnership"
    drawn = svg.get_attribute("textContent")
    assert land.board.name in drawn and "£4,082" in drawn, f"the chart does not write the board and its £4,082: {drawn[:300]}"
    evidence = f"/analysis/cost/meetings?{q}&partnership={land.board.key}"
    hrefs = [link["href"] for link in svg_links(b.driver, svg)]
    assert not hrefs or evidence in hrefs, f"the chart's links do not include the board's evidence {evidence}: {hrefs[:5]}"
    cut = chart_cut_off(b, "cost-chart")  # checked at the end, after the figures

    # The tables: the board's row, and its people's office's.
    assert board_row(b, land) == [land.board.name, "4", "144", BOARD_COST, "0", "£0.00", BOARD_COST], board_row(b, land)
    offices = rows_by_first_cell(b, "Cost of held meetings by organisation")
    assert offices.get(land.office[1]) == [land.office[1], "4", "144", BOARD_COST], offices.get(land.office[1])
    assert rows_by_first_cell(b, "Cost of held meetings by theme"), "the cost page has no row by theme"
    b.screenshot("analysis-cost")

    # The board's meetings, each attendee's minutes, hourly cost and cost.
    b.click(b.link(land.board.name, table(b, "Cost by partnership")))
    expect_page(b, "/analysis/cost/meetings", land.board.name, "following the board's cost")
    assert parse_qs(urlparse(b.path).query).get("partnership") == [land.board.key], b.path
    text = b.main_text()
    assert f"4 held meetings, 144 person-hours, {BOARD_COST}." in text, text[:400]
    headings = [h.text.strip() for h in b.find_all((By.CSS_SELECTOR, "main h2.heading-m"))]
    wanted = [meeting_heading(m) for m in reversed(land.board.meetings)]
    assert headings == wanted, f"the meetings listed are {headings}, not the board's four, latest first: {wanted}"
    people = sorted(name for _, name in land.board_people)
    for m in land.board.meetings:
        t = table(b, f"{meeting_heading(m)}: ")
        caption = t.find_element(By.TAG_NAME, "caption").get_attribute("textContent").strip()
        assert caption == f"{meeting_heading(m)}: {MEETING_COST}", caption
        rows = b.table_rows(t)
        assert len(rows) == BOARD_SIZE, f"{m.name}: {len(rows)} attendees, not {BOARD_SIZE}"
        assert sorted(r[0] for r in rows) == people, rows
        wrong = [r for r in rows if r[1:] != ["Present", "180", "£28.35", ATTENDANCE_COST]]
        assert not wrong, f"{m.name}: attendees not at 180 minutes × £28.35 = {ATTENDANCE_COST}: {wrong[:3]}"
    assert "No support is recorded for this partnership's meetings." in text
    assert b.find_all((By.XPATH, "//main//details/summary[normalize-space()='Add support a meeting needs']")), (
        "an editor is not offered 'Add support a meeting needs' on a partnership's evidence page")
    b.screenshot("analysis-cost-meetings")

    # Each meeting links to its own page.
    latest = land.board.meetings[-1]
    b.click(b.link(meeting_heading(latest), b.main()))
    expect_page(b, f"/partnerships/{land.board.key}/meetings/{latest.key}", latest.name, "the meeting link on the cost evidence")

    # The CSV of the cost page: the board's row in pence.
    b.get(f"/analysis/cost?{q}")
    link = b.link("Download this table as CSV", b.main())
    href = link.get_attribute("href")
    assert urlparse(href).path == "/analysis/cost" and parse_qs(urlparse(href).query).get("format") == ["csv"], href
    status, kind, disposition, body = fetch_with_session(b, href)
    assert status == 200 and kind.startswith("text/csv"), (status, kind, body[:200])
    assert f'filename="cost-{start.isoformat()}-{end.isoformat()}.csv"' in disposition, disposition
    rows = {r["id"]: r for r in read_csv(body)}
    assert land.board.key in rows, f"the CSV has no row for {land.board.key}: {body[:300]}"
    row = rows[land.board.key]
    assert (row["name"], row["meetings"], row["person_hours"], row["cost_pence"], row["total_pence"]) == (
        land.board.name, "4", "144", "408240", "408240"), row
    assert not cut, "\n".join(cut)


def test_an_editor_adds_the_support_a_meeting_needs(admin, landscape):
    """On the chaired forum's evidence page, by keyboard: a secretariat of 240 minutes a meeting on £32,000
    (£18.14 an hour: £72.56 a meeting) joins each meeting's cost."""
    b, land = admin, landscape
    forum = land.chaired
    b.get("/analysis/cost")
    q = query(b)
    before = rows_by_first_cell(b, "Cost by partnership")[forum.name]
    # 3 meetings × 3 people × £85.05
    assert before == [forum.name, "3", "27", "£765.45", "0", "£0.00", "£765.45"], before
    b.click(b.link(forum.name, table(b, "Cost by partnership")))
    expect_page(b, "/analysis/cost/meetings", forum.name)
    tab_to(b.driver, lambda e: e.tag_name == "summary" and e.text.strip() == "Add support a meeting needs",
           "the 'Add support a meeting needs' summary")
    press(b.driver, Keys.ENTER)
    assert b.find((By.XPATH, "//main//details[summary[normalize-space()='Add support a meeting needs']]")).get_attribute("open") is not None, (
        "Enter on the summary did not open 'Add support a meeting needs'")
    label = f"Secretariat ({land.run})"
    fill_form(b, [Field("label", "text", label), Field("minutes_per_meeting", "text", "240"), Field("salary", "text", "32000")],
              "Add the support", keyboard=True)
    expect_page(b, "/analysis/cost/meetings", forum.name, "adding the support")
    assert urlparse(b.driver.current_url).fragment == "support", b.driver.current_url
    assert b.table_rows(table(b, "Support each meeting needs")) == [[label, "240", "£32,000.00"]]
    for m in forum.meetings:
        rows = b.table_rows(table(b, f"{meeting_heading(m)}: "))
        assert [label, "Support", "240", "£18.14", "£72.56"] in rows, f"{m.name}: no support line in {rows}"
    b.get(f"/analysis/cost?{q}")
    after = rows_by_first_cell(b, "Cost by partnership")[forum.name]
    # + 3 × £72.56 and 3 × 4 hours
    assert after == [forum.name, "3", "39", "£983.13", "0", "£0.00", "£983.13"], after


# --------------------------------------------------------------------------------------------
# Journey 2: the settings change the figures


def test_the_settings_change_the_figures(admin, landscape, settings):
    b, land = admin, landscape
    b.get("/")
    go_to_analysis(b)
    restored = False
    try:
        open_link(b, "Settings: working hours, salaries, preparation time and thresholds")
        expect_page(b, "/analysis/settings", "Analysis settings")
        assert b.by_id("hours-per-year").get_attribute("value") == "1764"
        fill_form(b, [Field("hours-per-year", "text", "1800")], "Save the settings", keyboard=True)
        expect_page(b, "/analysis/settings", "Analysis settings", "saving the settings")
        panel = b.find((By.CSS_SELECTOR, "main [role=status]"))
        assert panel.text.strip() == "Settings saved", panel.text
        assert b.by_id("hours-per-year").get_attribute("value") == "1800"
        b.screenshot("analysis-settings-saved")

        b.get("/analysis/cost")
        assert summary(b)["Assumptions"].startswith("1800 working hours a year"), summary(b)
        assert board_row(b, land) == [land.board.name, "4", "144", BOARD_COST_1800, "0", "£0.00", BOARD_COST_1800], board_row(b, land)
        b.click(b.link(land.board.name, table(b, "Cost by partnership")))
        rows = b.table_rows(table(b, f"{meeting_heading(land.board.meetings[0])}: "))
        assert all(r[3:] == ["£27.78", "£83.34"] for r in rows), rows[:3]

        # Back as it was.
        b.get("/analysis/settings")
        fill_form(b, [Field("hours-per-year", "text", "1764")], "Save the settings", keyboard=False)
        expect_page(b, "/analysis/settings", "Analysis settings", "saving the settings back")
        assert b.find((By.CSS_SELECTOR, "main [role=status]")).text.strip() == "Settings saved"
        assert b.by_id("hours-per-year").get_attribute("value") == "1764"
        restored = True
        b.get("/analysis/cost")
        assert board_row(b, land)[3] == BOARD_COST, board_row(b, land)
    finally:
        if not restored:  # leave the workspace at the default whatever happened (a default removes the stored row)
            run_cli(settings.base_url, "settings", "set", "hours-per-year", "1764")


def test_a_setting_out_of_range_is_refused(admin, landscape):
    b = admin
    b.get("/analysis/settings")
    fill_form(b, [Field("hours-per-year", "text", "0")], "Save the settings", keyboard=False)
    assert b.status == 422, b.status
    links = b.error_summary_links()
    assert links and links[0][0].startswith("Working hours in a year must be a whole number of hours from 1 to 8784"), links
    assert b.by_id("hours-per-year").get_attribute("value") == "0"
    b.get("/analysis/settings")
    assert b.by_id("hours-per-year").get_attribute("value") == "1764", "a refused setting was saved"


# --------------------------------------------------------------------------------------------
# Journey 3: a chair triages their invitations and saves a plan


def test_a_chair_triages_their_invitations(admin, landscape):
    b, land = admin, landscape
    chair_key, chair_name = land.chair
    b.get("/")
    go_to_analysis(b, "Triage")
    expect_page(b, "/analysis/triage", "Triage of invitations")
    fill_form(b, [Field("person", "select", chair_key), Field("capacity", "text", "4")], "Show", keyboard=False)
    expect_page(b, "/analysis/triage", "Triage of invitations", "showing a person's triage")
    asked = parse_qs(urlparse(b.path).query)
    assert asked.get("person") == [chair_key] and asked.get("capacity") == ["4"], b.path

    facts = summary(b)
    assert facts.get("Invited to") == "about 9 meetings a year, of 2 partnerships", facts
    assert facts.get("Recommended to attend") == "3 meetings a year, for a capacity of 4", facts
    cut = chart_cut_off(b, "triage-chart")  # checked at the end, after the figures
    rows = rows_by_first_cell(b, "Recommendations")
    chaired, membered = rows.get(land.chaired.name), rows.get(land.membered.name)
    assert chaired and membered and len(rows) == 2, f"triage should list the two forums: {list(rows)}"
    assert chaired[1:4] == ["Chair", "3", "Attend"], chaired
    assert "You are the chair: that role is not delegated" in chaired[4], chaired[4]
    # Its members are the chaired forum's (the duplication reason), so triage declines it rather than read its papers.
    assert membered[1:4] == ["Member", "6", "Decline"], membered
    assert "Attending would take you past your capacity of 4 meetings a year; decline and ask for its minutes" in membered[4], membered[4]
    assert f"of its members also sit on the {land.chaired.name}" in membered[4], membered[4]

    choice_of = {p.key: b.find((By.CSS_SELECTOR, f"select[aria-label='Your choice for {p.name}']"))
                 for p in (land.chaired, land.membered)}
    assert choice_of[land.chaired.key].get_attribute("value") == "attend"
    assert choice_of[land.membered.key].get_attribute("value") == "decline"

    # Override the member forum's choice with the keyboard, and save the plan.
    select = tab_to(b.driver, has_id(f"choice-{land.membered.key}"), f"the choice for {land.membered.name}")
    keyboard_choose(b.driver, select, "send-a-delegate")
    tab_to(b.driver, lambda e: is_submit_button()(e) and e.text.startswith("Save as") and chair_name in e.text,
           f"the 'Save as {chair_name} plan' button")
    b.press_enter()
    expect_page(b, "/analysis/triage", "Triage of invitations", "saving the plan")
    panel = b.find((By.CSS_SELECTOR, "main [role=status]"))
    assert panel.find_element(By.TAG_NAME, "h2").text.strip() == "Plan saved", panel.text
    assert chair_name in panel.text, panel.text
    b.screenshot("analysis-triage-saved")

    # Later, the plan is still there.
    b.get(f"/analysis/triage?person={chair_key}&capacity=4")
    assert not b.find_all((By.CSS_SELECTOR, "main [role=status]")), "'Plan saved' shows on a later visit"
    assert b.by_id(f"choice-{land.membered.key}").get_attribute("value") == "send-a-delegate", "the override was not kept"
    assert b.by_id(f"choice-{land.chaired.key}").get_attribute("value") == "attend"
    hint = " ".join(b.find((By.XPATH, "//main//p[contains(@class,'hint')][starts-with(normalize-space(),'A plan was saved')]")).text.split())
    assert re.search(r"for a capacity of 4; 1 of its choices overrides? the recommendation\.$", hint), hint

    # Its CSV says the same as the page.
    status, kind, _, body = fetch_with_session(b, b.link("Download this table as CSV", b.main()).get_attribute("href"))
    assert status == 200 and kind.startswith("text/csv"), (status, kind, body[:200])
    recommended = {r["id"]: r["recommendation"] for r in read_csv(body)}
    assert recommended == {land.chaired.key: "attend", land.membered.key: "decline"}, recommended
    assert not cut, "\n".join(cut)


# --------------------------------------------------------------------------------------------
# Journey 4: load, attendance and delivery show the board


def weeks_in(start: dt.date, end: dt.date) -> int:
    """The weeks (Monday to Sunday) a period touches, as the load pages count them."""
    return (monday(end) - monday(start)).days // 7 + 1


def person_heat_cells(land: Landscape) -> list[str]:
    """The squares of a board member's heat map that hold one meeting: "Saturday, 24 Oct: 1"."""
    return [f"{m.day.strftime('%A')}, {short_day(monday(m.day))}: 1" for m in land.board.meetings]


def check_person_load(b: Browser, land: Landscape, weeks: int) -> list[str]:
    """On a board member's load page: the summary, the weeks and the meetings; returns what is wrong with the heat map."""
    lead_key, lead_name = land.board_people[0]
    expect_page(b, f"/analysis/load/persons/{lead_key}", lead_name, "a person's load")
    assert (f"4 meetings (4 attended), 12 hours with preparation and travel; over-committed in 0 of {weeks} weeks."
            in b.main_text()), b.main_text()[:500]
    chart(b, "person-heat")
    assert chart_title(b, "person-heat") == f"{lead_name}'s weeks"
    mondays = [monday(m.day) for m in land.board.meetings]
    assert b.table_rows(table(b, "Weeks")) == [[long_day(d), "1", "3"] for d in mondays], b.table_rows(table(b, "Weeks"))
    assert b.table_rows(table(b, "The meetings")) == [
        [long_day(m.day), m.name, land.board.name, "Present"] for m in land.board.meetings], b.table_rows(table(b, "The meetings"))
    missing = heat_cells_missing(b, "person-heat", person_heat_cells(land))
    return ([f"{b.path.split('?')[0]}: the heat map of {lead_name}'s weeks does not show all four meetings: " + "; ".join(missing)]
            if missing else []) + chart_cut_off(b, "person-heat")


def test_load_attendance_and_delivery_show_the_board(admin, landscape):
    b, land = admin, landscape
    lead_key, lead_name = land.board_people[0]
    cut: list[str] = []  # charts that do not show what they should, checked at the end, after the figures
    b.get("/")
    go_to_analysis(b, "Load")
    expect_page(b, "/analysis/load", "Meeting load")
    start, end = period_of(b)
    q = query(b)
    weeks = weeks_in(start, end)

    # The OPCC's weeks: the board's people work in an office of the PCC.
    chart(b, "opcc-heat")
    assert chart_title(b, "opcc-heat") == "The OPCC's weeks"
    opcc = rows_by_first_cell(b, "The OPCC's meetings a week")
    assert lead_name in opcc, f"the OPCC table does not list {lead_name}: {list(opcc)[:5]}"
    assert opcc[lead_name][1] == "4" and opcc[lead_name][2].startswith("1 in the week of ") and opcc[lead_name][3] == "0", opcc[lead_name]
    missing = heat_cells_missing(b, "opcc-heat", [f"{lead_name}, {short_day(monday(m.day))}: 1" for m in land.board.meetings])
    if missing:
        cut.append(f"/analysis/load: the OPCC's heat map does not show all four of {lead_name}'s meetings: " + "; ".join(missing))
    cut += chart_cut_off(b, "opcc-heat")
    cut += chart_cut_off(b, "load-chart")
    people = rows_by_first_cell(b, "People by meetings")
    a_week = f"{round(4 / weeks, 4):.2f}"
    assert people.get(lead_name) == [lead_name, land.office[1], "4", "4", "12", a_week, "0"], people.get(lead_name)
    b.screenshot("analysis-load")

    # A person's weeks, and a meeting from them.
    b.click(b.link(lead_name, table(b, "People by meetings")))
    cut += check_person_load(b, land, weeks)
    b.screenshot("analysis-load-person")
    first = land.board.meetings[0]
    b.click(b.link(first.name, table(b, "The meetings")))
    expect_page(b, f"/partnerships/{land.board.key}/meetings/{first.key}", first.name, "a meeting on a person's load")

    # Attendance: the board (no members, so no seats) and the chaired forum (three members at each meeting).
    b.get(f"/analysis/load?{q}")
    b.click(b.find((By.XPATH, "//main//nav[@aria-label='Analyses']//a[normalize-space()='Attendance']")))
    expect_page(b, "/analysis/attendance", "Attendance quality")
    assert query(b) == q, "the Analyses links do not keep the period"
    cut += chart_cut_off(b, "missed-chart")
    by_partnership = rows_by_first_cell(b, "By partnership")
    assert by_partnership.get(land.board.name, [None])[:3] == [land.board.name, "4", "0"], by_partnership.get(land.board.name)
    assert by_partnership.get(land.chaired.name, [None])[:6] == [land.chaired.name, "3", "9", "100%", "0%", "0%"], (
        by_partnership.get(land.chaired.name))
    href = b.link(land.board.name, table(b, "By partnership")).get_attribute("href")
    assert b.fetch_status(href) == 200, f"the board's link on the attendance page ({href}) is broken"
    by_organisation = rows_by_first_cell(b, "By organisation")
    assert land.council[1] in by_organisation, f"the council's members are not counted by organisation: {list(by_organisation)[:5]}"
    b.screenshot("analysis-attendance")

    # Delivery: the board's row, and its months among the decisions month by month.
    b.click(b.find((By.XPATH, "//main//nav[@aria-label='Analyses']//a[normalize-space()='Delivery']")))
    expect_page(b, "/analysis/delivery", "Delivery")
    cut += chart_cut_off(b, "decisions-chart")
    delivery = rows_by_first_cell(b, "By partnership")
    assert delivery.get(land.board.name, [None])[:4] == [land.board.name, "4", "0", "0"], delivery.get(land.board.name)
    months = {}
    for p in land.partnerships:
        for m in p.meetings:
            label = f"{m.day.strftime('%b')} {m.day.year}"
            months[label] = months.get(label, 0) + 1
    monthly = rows_by_first_cell(b, "Decisions per meeting, month by month")
    short = {label: (int(monthly[label][1]) if label in monthly else 0) for label in months}
    assert all(short[label] >= n for label, n in months.items()), (
        f"the months do not count this run's held meetings {months}: the page says {short}")
    assert "Items that come back without a decision" in b.main_text()
    b.screenshot("analysis-delivery")
    assert not cut, "\n".join(cut)


def test_a_persons_weeks_show_every_meeting(admin, landscape):
    """A board member's load page, by its address: the heat map of their weeks shows each of their four meetings."""
    b, land = admin, landscape
    b.get(f"/analysis/load/persons/{land.board_people[0][0]}")
    start, end = period_of(b)
    cut = check_person_load(b, land, weeks_in(start, end))
    assert not cut, "\n".join(cut)


# --------------------------------------------------------------------------------------------
# Journey 5: a viewer reads the analyses and changes nothing


def test_a_viewer_reads_the_analyses_but_changes_nothing(viewer, landscape):
    b, land = viewer, landscape
    b.get("/")
    go_to_analysis(b, "Cost")
    assert board_row(b, land)[3] == BOARD_COST, board_row(b, land)
    b.click(b.link(land.board.name, table(b, "Cost by partnership")))
    expect_page(b, "/analysis/cost/meetings", land.board.name)
    assert not b.find_all((By.CSS_SELECTOR, "main details, main form[method=post]")), (
        "a viewer is offered 'Add support a meeting needs'")

    b.get("/analysis/settings")
    expect_page(b, "/analysis/settings", "Analysis settings")
    assert not b.find_all((By.CSS_SELECTOR, "main form, main input")), "a viewer is shown the settings form"
    assert not b.buttons("Save the settings"), "a viewer is shown 'Save the settings'"
    assert summary(b).get("Working hours in a year") == "1764 hours", summary(b)

    # A post made anyway, with the viewer's own form token, is refused and changes nothing.
    token = b.find((By.CSS_SELECTOR, "header form input[name=csrf_token]")).get_attribute("value")
    status = b.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/analysis/settings', {method: 'POST', credentials: 'same-origin', redirect: 'manual',"
        " body: new URLSearchParams({csrf_token: arguments[0], 'hours-per-year': '1800'})})"
        ".then(r => done(r.type === 'opaqueredirect' ? 303 : r.status)).catch(e => done(-1));", token)
    assert status == 403, f"a viewer's POST of the settings answered {status}"
    b.get("/analysis/settings")
    assert summary(b).get("Working hours in a year") == "1764 hours", "a viewer changed a setting"

    b.get(f"/analysis/triage?person={land.chair[0]}&capacity=4")
    expect_page(b, "/analysis/triage", "Triage of invitations")
    assert not b.find_all((By.CSS_SELECTOR, "main table select")), "a viewer is offered a choice per partnership"
    assert not b.find_all((By.XPATH, "//main//button[starts-with(normalize-space(), 'Save as')]")), "a viewer is offered to save a plan"
    rows = rows_by_first_cell(b, "Recommendations")
    assert rows.get(land.chaired.name, [None])[1:4] == ["Chair", "3", "Attend"], rows.get(land.chaired.name)
    assert rows[land.membered.name][5] in ("Send a delegate", "No plan saved"), rows[land.membered.name]

    for path in ("/analysis/load", "/analysis/attendance", "/analysis/delivery", f"/analysis/load/persons/{land.board_people[0][0]}"):
        b.get(path)
        assert b.status == 200, f"a viewer's {path} answered {b.status}"
