"""Journeys for meetings: a secretariat runs a board's meetings, a member follows their own
meetings and actions and subscribes to them in a calendar, and a calendar file is imported.

The board is made once for the module by the administrator through the register's pages (a council,
four people, a partnership with three voting members, one with a named substitute, and terms of
reference with a quorum of 2); a secretariat user is given that partnership with the CLI.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

import conftest
from meetings_ui import (
    Item,
    add_item,
    add_secretariat_user,
    agenda_titles,
    unreadable,
    end_time,
    expect_page,
    fetch,
    first_weekday_on_or_after,
    ics_blocks,
    item_key,
    long_day,
    meeting_links,
    meeting_rows,
    move_item,
    open_link,
    press_button,
    record_attendance,
    schedule_meeting,
    schedule_series,
    section,
    when,
)
from register_ui import NewPartnership, add_member, create_organisation, create_partnership, create_person
from support import AccessibilityChecker, Browser, Field, fill_form, make_driver


# --------------------------------------------------------------------------------------------
# The board


@dataclass
class Board:
    key: str
    name: str
    chair: tuple[str, str]  # (key, name)
    deputy: tuple[str, str]  # the chair's named substitute; not a member
    police: tuple[str, str]
    treatment: tuple[str, str]
    secretariat: tuple[str, str]  # (email, password)


@pytest.fixture(scope="module")
def board(settings) -> Board:
    driver = make_driver(settings.chromium, settings.chromedriver)
    b = Browser(driver, settings.base_url, AccessibilityChecker(driver, conftest.ACCESSIBILITY_LOG), settings.screenshots)
    run = settings.run_id
    try:
        b.sign_in(*settings.admin)
        assert b.signed_in_as() == settings.admin[0], "the administrator could not sign in"
        council = f"Meetings journey council {run}"
        create_organisation(b, council, "Local government")
        people = {}
        for label, name, role in (
            ("chair", f"Board chair ({run})", "Director of Public Health"),
            ("deputy", f"Deputy director ({run})", "Deputy Director of Public Health"),
            ("police", f"Police commander ({run})", "Chief Superintendent"),
            ("treatment", f"Treatment lead ({run})", "Head of drug and alcohol treatment"),
        ):
            people[label] = (create_person(b, name, role, council), name)
        name = f"Meetings journey board {run}"
        key = create_partnership(b, NewPartnership(name=name, force_area="Greater Manchester", started_on="2024-04-01",
                                                   purpose="A board run by the meetings journeys", secretariat=council))
        add_member(b, key, "Chair", person=people["chair"][0], voting=True, started_on="2024-04-01", substitute=people["deputy"][0])
        add_member(b, key, "Voting member", person=people["police"][0], voting=True, started_on="2024-04-01")
        add_member(b, key, "Voting member", person=people["treatment"][0], voting=True, started_on="2024-04-01")
        b.get(f"/partnerships/{key}")
        open_link(b, "Add a version of the terms of reference")
        fill_form(b, [Field("quorum", "text", "2"), Field("approved_on", "text", "2024-04-01")], "Save", keyboard=False)
        expect_page(b, f"/partnerships/{key}", name, "adding terms of reference with a quorum")
    finally:
        driver.quit()
    email = f"browser-secretariat-{run}@example.org"
    password = add_secretariat_user(settings.base_url, email, key)
    return Board(key, name, people["chair"], people["deputy"], people["police"], people["treatment"], (email, password))


@pytest.fixture
def secretariat(browser, board) -> Browser:
    browser.sign_in(*board.secretariat)
    assert browser.signed_in_as() == board.secretariat[0], "the secretariat user could not sign in"
    return browser


def next_spring(today: dt.date) -> dt.date:
    """The first Tuesday of next March: a series of three meetings four weeks apart from it crosses
    the change to British Summer Time (the last Sunday of March)."""
    return first_weekday_on_or_after(dt.date(today.year + 1, 3, 1), 1)


# --------------------------------------------------------------------------------------------
# Journey 1: a secretariat runs the board


def test_a_secretariat_runs_a_board_meeting(secretariat, board, settings):
    b = secretariat
    run = settings.run_id
    base = f"/partnerships/{board.key}"

    # Neither the partnership's page nor the header links to the meetings yet: go by address.
    b.get(f"{base}/meetings")
    assert b.status == 200 and b.h1() == "Meetings", b.h1()
    assert "No meetings are scheduled." in b.main_text()

    # Schedule a series, with the keyboard alone: 10:00 for 90 minutes, every 4 weeks, 3 meetings.
    first = next_spring(dt.date.today())
    series = f"Board {run}"
    scheduled = schedule_series(b, board.key, series, first, "10:00", 90, "weekly-4", 3, "Committee Room 1, Town Hall",
                                keyboard=True)
    days = [first + dt.timedelta(weeks=4 * n) for n in range(3)]
    rows = [r for r in meeting_rows(b, "upcoming") if len(r) > 1 and r[1] == series]
    assert [r[0] for r in rows] == [when(d, "10:00", "11:30") for d in days], (
        f"the meetings list does not show the series at 10:00 London time on each day (across the clock change): {rows}"
    )
    assert all(r[2] == "Scheduled" for r in rows), rows
    if scheduled != 3:
        pytest.fail(f"the redirect after scheduling says scheduled={scheduled}, not 3")
    b.screenshot("meetings-list-with-series")
    first_href, second_href = meeting_links(b, series)[:2]

    # Build the agenda of the first meeting: three items, one moved up; they overrun 90 minutes.
    b.click(b.link(series, b.find((By.CSS_SELECTOR, "main table"))))
    first_path = b.path
    assert first_href.endswith(first_path), (first_href, first_path)
    assert b.h1() == series
    assert when(days[0], "10:00", "11:30") in b.main_text()
    open_link(b, "Build the agenda")
    expect_page(b, f"{first_path}/agenda", "Build the agenda")
    items = [
        Item(f"Treatment capacity {run}", "for-decision", 40, board.treatment[0], ("drugs", "mental health")),
        Item(f"Performance report {run}", "for-information", 20, board.police[0]),
        Item(f"County lines update {run}", "for-discussion", 40, board.police[0], ("exploitation and county lines",)),
    ]
    add_item(b, items[0])
    add_item(b, items[1], keyboard=True)
    assert "Warning: the agenda overruns" not in b.main_text(), "60 minutes of 90 should not overrun"
    add_item(b, items[2])
    assert agenda_titles(b) == [i.title for i in items], agenda_titles(b)
    # The buttons that move, set aside and remove items must be seen to be used.
    seen = unreadable(b, b.find_all((By.CSS_SELECTOR, "main table button")), "the agenda's Move up, Move down and Remove buttons")
    move_item(b, items[2].title, "Move up")
    assert agenda_titles(b) == [items[0].title, items[2].title, items[1].title], agenda_titles(b)
    text = b.main_text()
    assert "100 minutes planned of 90." in text, text[:400]
    assert "Warning: the agenda overruns the meeting by 10 minutes." in text, text[:600]
    b.screenshot("agenda-editor-overrun")
    open_link(b, "Back to the meeting")
    expect_page(b, first_path, series)
    agenda = section(b, "agenda")
    assert "Warning: the agenda overruns the meeting by 10 minutes." in agenda.text
    listed = [h.text for h in agenda.find_elements(By.CSS_SELECTOR, "ol.agenda > li > h3")]
    assert listed == [items[0].title, items[2].title, items[1].title], listed
    first_item = agenda.find_element(By.ID, f"item-{item_key(b, items[0].title)}").text
    assert "For decision · 40 minutes · presented by " + board.treatment[1] in first_item, first_item
    assert "themes: drugs, mental health" in first_item, first_item

    # Attendance: the chair sent their named substitute, the police commander came, treatment sent apologies.
    open_link(b, "Record attendance")
    expect_page(b, f"{first_path}/attendance", "Record attendance")
    hint = b.by_id(f"substitute-{board.chair[0]}-hint").text
    assert board.deputy[1] in hint, f"the chair's named substitute is not suggested: {hint!r}"
    record_attendance(b, {board.chair[0]: "substitute", board.police[0]: "present", board.treatment[0]: "apologies"},
                      {board.chair[0]: board.deputy[0]})
    expect_page(b, first_path, series, "recording attendance")
    attendance = section(b, "attendance")
    assert "Quorate" in attendance.text, attendance.text
    assert "2 of 2 members needed were present or represented by a substitute." in attendance.text, attendance.text
    members = {r[0].splitlines()[0]: r for r in b.table_rows(attendance.find_element(By.XPATH, ".//table[caption[normalize-space()='Members']]"))}
    assert f"{board.deputy[1]} attended in their place" in members[board.chair[1]][2], members
    assert members[board.police[1]][2] == "Present", members
    assert members[board.treatment[1]][2] == "Sent apologies", members
    assert "Held" in b.find((By.CSS_SELECTOR, "main .tag")).text, "a meeting with attendance recorded is held"
    b.screenshot("meeting-attendance-quorate")

    # A decision on the first item, and an action arising from it.
    key = item_key(b, items[0].title)
    b.click(b.find((By.CSS_SELECTOR, f"main a[href$='/agenda/{key}/decision']")))
    expect_page(b, f"{first_path}/agenda/{key}/decision", "Record the decision")
    fill_form(b, [Field("decision", "text", "Commission 40 more treatment places."),
                  Field("rationale", "text", "Waiting times are over six weeks.")], "Save", keyboard=True)
    expect_page(b, first_path, series, "recording a decision")
    decided = b.by_id(f"item-{key}").text
    assert "Decision: Commission 40 more treatment places." in decided and "Why: Waiting times are over six weeks." in decided, decided
    b.click(b.find((By.CSS_SELECTOR, f"main a[href*='actions/new?meeting='][href$='&item={key}']")))
    expect_page(b, f"{base}/actions/new", "Add an action")
    assert b.by_id("item_key").get_attribute("value") == key, "the action form does not name the item it came from"
    action = f"Draft the treatment commissioning plan {run}"
    due = days[0] + dt.timedelta(days=21)
    fill_form(b, [Field("title", "text", action), Field("owner", "select", f"person:{board.treatment[0]}"),
                  Field("due_on", "text", due.isoformat())], "Add the action", keyboard=False)
    expect_page(b, first_path, series, "adding an action")
    arising = section(b, "actions")
    assert "Actions from this meeting (1)" in arising.text, arising.text
    row = b.table_rows(arising)[0]
    assert row[:3] == [action, board.treatment[1], long_day(due)] and row[3] == "Open", row

    # Minutes, as a draft.
    open_link(b, "Write the minutes")
    expect_page(b, f"{first_path}/minutes", "Minutes")
    minutes = f"The board met and agreed to commission more treatment places. ({run})"
    fill_form(b, [Field("text", "text", minutes)], "Save the draft", keyboard=False)
    expect_page(b, first_path, series, "saving the minutes")
    assert minutes in section(b, "minutes").text
    assert "Minutes draft" in b.main_text()
    b.screenshot("meeting-first-held")

    # At the next meeting: approve the previous minutes there; the open action is a matter arising.
    b.get(second_href)
    second_path = b.path
    assert second_path != first_path and b.h1() == series
    inset = b.find((By.CSS_SELECTOR, "main .inset-text"))
    assert "Minutes of the previous meeting" in inset.text and long_day(days[0]) in inset.text, inset.text
    agenda = section(b, "agenda")
    assert "Matters arising: actions still open (1)" in agenda.text, agenda.text
    assert action in agenda.text, agenda.text
    press_button(b, "Approve them at this meeting", within=inset)
    assert b.path.split("#")[0] == first_path, f"approving went to {b.path}"
    b.assert_no_errors("approving the previous minutes")
    minutes_section = section(b, "minutes")
    assert "Minutes approved" in minutes_section.text, minutes_section.text
    assert f"Approved on {long_day(dt.date.today())} at the meeting of {long_day(days[1])}" in minutes_section.text, minutes_section.text
    # Approved minutes settle the meeting: nothing more can be changed on it.
    assert not b.links("Build the agenda", b.main()) and not b.links("Record attendance", b.main())

    b.get(second_path)
    inset = b.find((By.CSS_SELECTOR, "main .inset-text"))
    assert "Minutes approved" in inset.text and not b.buttons("Approve them at this meeting"), inset.text
    agenda = section(b, "agenda")
    arising_rows = b.table_rows(agenda)
    assert [action, board.treatment[1], long_day(due), "Open"] in arising_rows, arising_rows
    b.screenshot("meeting-second-matters-arising")

    # The action log has it too, and its own page.
    b.get(f"{base}/actions")
    assert b.h1() == "Action log"
    assert any(r[0] == action for r in b.table_rows()), b.table_rows()
    b.click(b.link(action, b.main()))
    assert b.h1() == action
    assert items[0].title in b.main_text()
    assert not seen, "\n".join(seen)


# --------------------------------------------------------------------------------------------
# Journey 2: a member's own meetings, actions and calendar feed


def test_a_member_follows_their_meetings_and_subscribes(secretariat, board, settings, browser):
    run = settings.run_id
    b = secretariat
    # The secretariat schedules a meeting and gives the treatment lead an action at it.
    day = dt.date.today() + dt.timedelta(days=21)
    name = f"Extraordinary board {run}"
    meeting = schedule_meeting(b, board.key, name, day, "14:00", 60, "Room 2, Town Hall", keyboard=True)
    assert when(day, "14:00", end_time("14:00", 60)) in b.main_text()
    b.click(b.link("Add an action", section(b, "actions")))
    expect_page(b, f"/partnerships/{board.key}/actions/new", "Add an action")
    action = f"Report waiting times to the board {run}"
    due = day + dt.timedelta(days=30)
    fill_form(b, [Field("title", "text", action), Field("owner", "select", f"person:{board.treatment[0]}"),
                  Field("due_on", "text", due.isoformat())], "Add the action", keyboard=True)
    expect_page(b, f"/partnerships/{board.key}/meetings/{meeting}", name, "adding an action")
    b.sign_out()

    # The viewer is the treatment lead.
    b.sign_in(*settings.viewer)
    assert b.signed_in_as() == settings.viewer[0]
    b.get("/account/person")
    assert b.h1() == "Who you are in the register"
    fill_form(b, [Field("person_key", "select", board.treatment[0])], "Save", keyboard=True)
    expect_page(b, "/my/meetings", "My meetings", "saying who you are")
    coming = [r for r in b.table_rows() if len(r) > 2 and r[1] == name]
    assert coming, f"My meetings does not list {name!r}: {b.table_rows()}"
    assert coming[0][0] == when(day, "14:00", "15:00") and coming[0][2] == board.name, coming
    b.screenshot("my-meetings")

    open_link(b, "My actions")
    expect_page(b, "/my/actions", "My actions")
    mine = [r for r in b.table_rows() if r[0] == action]
    assert mine and mine[0][1] == board.name and long_day(due) in mine[0], f"My actions: {b.table_rows()}"
    b.screenshot("my-actions")

    # A feed of "My meetings" with actions, made with the keyboard.
    b.get("/calendar")
    assert b.h1() == "Calendar feeds"
    fill_form(b, [Field("person", "radio", name="kind"), Field("include_actions", "checkbox", True)], "Make the feed", keyboard=True)
    assert b.status == 200 and b.h1() == "Calendar feeds", b.h1()
    url = b.by_id("feed-url").text.strip()
    assert re.fullmatch(r"https?://[^/]+/feeds/[^/]+\.ics", url), f"the feed's address is {url!r}"
    feeds = b.table_rows()
    assert any("with actions" in r[0] for r in feeds), feeds
    b.screenshot("calendar-feed-made")

    status, content_type, body = fetch(url)
    assert status == 200, f"GET {url} answered {status}: {body[:300]}"
    assert content_type.startswith("text/calendar"), content_type
    assert body.startswith("BEGIN:VCALENDAR"), body[:100]
    events = ics_blocks(body, "VEVENT")
    ours = [e for e in events if f"UID:{meeting}@convene" in e]
    assert ours, f"the feed has no event for {meeting}: {[re.findall(r'UID:.*', e) for e in events][:10]}"
    assert f"SUMMARY:{name}" in ours[0], ours[0]
    assert re.search(rf"DTSTART(;TZID=Europe/London:{day:%Y%m%d}T140000|:{day:%Y%m%d}T1[34]0000Z)", ours[0]), ours[0]
    tasks = ics_blocks(body, "VTODO")
    assert any(f"SUMMARY:{action}" in t for t in tasks), f"the feed has no task for the action: {tasks[:3]}"

    # Turning it off: the address answers 404 at once.
    row = b.find_all((By.XPATH, "//main//table//tr[td[contains(., 'with actions')]]"))[-1]  # the newest
    seen = unreadable(b, row.find_elements(By.TAG_NAME, "button"), "the feed's Turn off button")
    press_button(b, "Turn off", within=row)
    expect_page(b, "/calendar", "Calendar feeds", "turning the feed off")
    status, _, _ = fetch(url)
    assert status == 404, f"a feed turned off answered {status}"
    assert not seen, "\n".join(seen)


# --------------------------------------------------------------------------------------------
# Journey 3: importing a calendar file


def ics(run: str, body: str) -> str:
    return "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//Convene browser tests {run}//EN", *body.strip().splitlines(),
                        "END:VCALENDAR", ""])


def test_import_a_calendar_file(secretariat, board, settings, tmp_path: Path):
    b = secretariat
    run = settings.run_id
    first = next_spring(dt.date.today()) + dt.timedelta(days=1)  # a Wednesday, clear of the series
    good = tmp_path / f"board-{run}.ics"
    good.write_text(ics(run, f"""
BEGIN:VEVENT
UID:browser-import-{run}@example.org
DTSTAMP:20260101T000000Z
DTSTART;TZID=Europe/London:{first:%Y%m%d}T093000
DTEND;TZID=Europe/London:{first:%Y%m%d}T110000
RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=2
RRULE:
SUMMARY:Imported board {run}
LOCATION:Council Chamber
END:VEVENT
"""), encoding="utf-8")
    bad = tmp_path / f"bad-{run}.ics"
    bad.write_text(ics(run, f"""
BEGIN:VEVENT
UID:browser-bad-{run}@example.org
DTSTART:not-a-date
SUMMARY:Broken {run}
END:VEVENT
"""), encoding="utf-8")

    b.get(f"/partnerships/{board.key}/meetings")
    open_link(b, "Import a calendar file")
    expect_page(b, f"/partnerships/{board.key}/meetings/import", "Import a calendar file")
    fill_form(b, [Field("file", "file", str(good))], "Import", keyboard=True)
    assert b.status == 200 and b.h1() == "Calendar imported", (b.status, b.h1())
    assert f"{good.name}: 2 meetings added, 0 changed, 0 already up to date." in b.main_text(), b.main_text()
    # The empty RRULE line (as some public feeds write) is no rule: read with a warning, not refused.
    assert b.table_rows() == [["line 10", "RRULE", "the rule is empty, so it adds no repeats; the event is read without it"]], b.table_rows()
    b.screenshot("calendar-imported")
    open_link(b, "See the meetings")
    rows = [r for r in meeting_rows(b, "upcoming") if len(r) > 1 and r[1] == f"Imported board {run}"]
    assert [r[0] for r in rows] == [when(first, "09:30", "11:00"), when(first + dt.timedelta(weeks=2), "09:30", "11:00")], rows

    # The same file again changes nothing.
    b.get(f"/partnerships/{board.key}/meetings/import")
    fill_form(b, [Field("file", "file", str(good))], "Import", keyboard=False)
    assert "0 meetings added, 0 changed, 2 already up to date." in b.main_text(), b.main_text()

    # A bad file: nothing imported, each problem in a table.
    b.get(f"/partnerships/{board.key}/meetings/import")
    fill_form(b, [Field("file", "file", str(bad))], "Import", keyboard=False)
    assert b.status == 422, b.status
    assert b.h1() == "The file was not imported"
    assert b.error_summary() is not None and "Nothing was imported" in b.error_summary().text
    problems = b.table_rows()
    assert problems and all(len(r) == 3 for r in problems), problems
    b.screenshot("calendar-import-rejected")
    open_link(b, "Correct the file and import it again")
    assert b.path == f"/partnerships/{board.key}/meetings/import"
    b.get(f"/partnerships/{board.key}/meetings")
    assert f"Broken {run}" not in b.main_text()
