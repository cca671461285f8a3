"""Journeys for a CDP's progress report: its lead opens the partnership, makes the report for the year, reads it
(the document's own contents, checked with axe like every page) and finds its PDF; a viewer reads the reports but
is not offered the form.

The demo landscape is loaded for the run; the Wirral CDP is one of its partnerships."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from meetings_ui import expect_page, open_link
from support import Browser

CDP = "wirral-combating-drugs-partnership"


def go_to_reports(b: Browser) -> None:
    b.get(f"/partnerships/{CDP}")
    open_link(b, "Progress reports")
    expect_page(b, f"/partnerships/{CDP}/reports", "Progress reports", "the partnership's Progress reports link")


def test_a_lead_makes_the_years_report_reads_it_and_finds_its_pdf(admin):
    b = admin
    go_to_reports(b)
    year = b.by_id("year")
    chosen = year.find_element(By.CSS_SELECTOR, "option:checked").text
    assert chosen.count("/") == 1, f"the year is offered as 2026/27 and the like, not {chosen!r}"

    b.click(b.button("Make the report"))
    assert b.path.startswith(f"/partnerships/{CDP}/reports/{CDP}-"), b.path
    assert f"progress report {chosen}" in b.h1(), b.h1()
    contents = b.find((By.CSS_SELECTOR, "nav[aria-label=Contents]"))
    sections = [a.text for a in contents.find_elements(By.TAG_NAME, "a")]
    assert sections[:4] == ["About this report", "Membership and Senior Responsible Owner", "Meetings",
                            "Attendance by sector"], sections
    b.link("Funding and indicators", contents).click()  # a link within the page: no new page loads
    assert b.driver.execute_script("return location.hash") == "#funding"
    assert b.by_id("funding-heading").text == "Funding and indicators"

    report = b.path.split("#")[0]
    go_to_reports(b)
    rows = b.table_rows()
    assert any(row and row[0] == chosen for row in rows), rows
    assert b.fetch_status(report + "/pdf") == 200


def test_a_viewer_reads_the_reports_but_makes_none(viewer):
    b = viewer
    go_to_reports(b)
    assert b.buttons("Make the report") == []
