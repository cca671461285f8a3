"""Journeys for the guidance milestones: an OPCC partnership lead records a Combating Drugs Partnership started on
1 January 2024 with its Director of Public Health as SRO and approved terms of reference, follows the partnership
page's link to its task list, sees the two steps the register can tell about done and the ones past their dates
overdue, then records evidence that the partnership was formed (a mistake first) and marks that step done.

The journey makes its own organisation, person and partnership with run-unique names and changes nothing else.
"""

from __future__ import annotations

from selenium.webdriver.common.by import By

from meetings_ui import expect_page, open_link
from register_ui import NewPartnership, add_member, create_organisation, create_partnership, create_person
from support import Field, fill_form

FORM_STEP = (
    "Form your Combating Drugs Partnership: bring together the different individuals and organisations who represent "
    "and deliver the drugs strategy goals, and co-ordinate activity to reduce drug harm in a local area"
)


def task_status(b, step: str, occurrence: int = 0) -> str:
    """The status tags of one task, as a person reads them ("Done", "Not started Overdue")."""
    item = b.by_id(f"task-{step}-{occurrence}")
    return " ".join(tag.text for tag in b.find_all((By.CSS_SELECTOR, ".task-list__status .tag"), item))


def test_a_cdp_task_list_shows_the_register_and_takes_evidence(browser, settings):
    b = browser
    run = settings.run_id
    b.sign_in(*settings.admin)

    # A CDP started on 1 January 2024 with an SRO and approved terms of reference.
    council = f"Milestones journey council {run}"
    create_organisation(b, council, "Local government")
    dph = create_person(b, f"Director of Public Health ({run})", "Director of Public Health", council)
    name = f"Milestones journey CDP {run}"
    key = create_partnership(b, NewPartnership(name=name, started_on="2024-01-01", purpose="A CDP for the journey"))
    add_member(b, key, "Senior Responsible Owner (SRO)", person=dph, started_on="2024-01-01")
    b.get(f"/partnerships/{key}")
    open_link(b, "Add a version of the terms of reference")
    fill_form(b, [Field("quorum", "text", "3"), Field("approved_on", "text", "2024-02-01")], "Save", keyboard=False)
    expect_page(b, f"/partnerships/{key}", name, "adding terms of reference")

    # The partnership page links to the task list.
    open_link(b, "Guidance milestones for this partnership")
    expect_page(b, f"/partnerships/{key}/milestones", "Guidance milestones", "the task list")
    assert task_status(b, "nominate-sro") == "Done"
    assert task_status(b, "agree-terms-of-reference") == "Done"
    assert task_status(b, "form-partnership") == "Not started Overdue"
    assert task_status(b, "delivery-plan") == "Cannot start yet Overdue"
    assert "Director of Public Health" in b.by_id("task-nominate-sro-0").text
    assert "Due by 1 March 2024" in b.by_id("task-form-partnership-0").text

    # Evidence for forming the partnership: marked done without a reason first.
    open_link(b, FORM_STEP)
    assert b.h1() == "Add evidence"
    fill_form(b, [Field("evidence_on", "text", "2024-02-01"), Field("marks_done", "checkbox", True)],
              "Save evidence", keyboard=False)
    assert [text for text, _ in b.error_summary_links()] == ["Say why the step is done"]
    fill_form(
        b,
        [
            Field("confirmed_by", "text", "Head of community safety"),
            Field("note", "text", "The first board met and agreed its membership"),
        ],
        "Save evidence",
        keyboard=False,
    )
    expect_page(b, f"/partnerships/{key}/milestones", "Guidance milestones", "saving evidence")
    assert task_status(b, "form-partnership") == "Done"
    item = b.by_id("task-form-partnership-0").text
    assert "Confirmed by Head of community safety" in item
    assert "Reason: The first board met and agreed its membership" in item


def test_an_administrator_adds_a_template_step_by_step(browser, settings):
    """An administrator writes the Serious Violence Duty's two steps into the template form: asks for a second step,
    gives it months as a word (the form names that field), corrects it, and finds the template listed."""
    b = browser
    run = settings.run_id
    b.sign_in(*settings.admin)
    b.get("/guidance")
    open_link(b, "Add a template")
    assert b.h1() == "Add a guidance template"
    title = f"Serious Violence Duty journey {run}"
    fill_form(
        b,
        [
            Field("title", "text", title),
            Field("key", "text", f"svd-journey-{run}"),
            Field("version", "text", "1"),
            Field("partnership_type", "select", "serious-violence"),
            Field("published_on", "text", "2022-12-01"),
            Field("steps[0][title]", "text", "Prepare a strategic needs assessment"),
            Field("steps[0][evidence]", "text", "The needs assessment"),
            Field("steps[0][due_months]", "text", "13"),
            Field("steps[0][due_end_of_month]", "checkbox", True),
        ],
        "Add another step",
        keyboard=False,
    )
    assert b.h1() == "Add a guidance template" and b.error_summary_links() == []
    assert b.by_id("steps[0][title]").get_attribute("value") == "Prepare a strategic needs assessment"
    fill_form(
        b,
        [
            Field("steps[1][title]", "text", "Publish a strategy"),
            Field("steps[1][evidence]", "text", "The published strategy"),
            Field("steps[1][due_months]", "text", "fourteen"),
            Field("steps[1][repeats_every_months]", "text", "12"),
            Field("steps[1][after]", "text", "prepare-a-strategic-needs-assessment"),
        ],
        "Add the template",
        keyboard=False,
    )
    links = b.error_summary_links()
    assert [text for text, _ in links] == ["Months after the start must be a whole number"], links
    assert links[0][1].endswith("#steps[1][due_months]")
    fill_form(b, [Field("steps[1][due_months]", "text", "14")], "Add the template", keyboard=False)
    expect_page(b, "/guidance", "Guidance templates", "adding the template")
    section = b.find((By.XPATH, f"//section[h2[contains(., '{title}')]]"))
    assert "Publish a strategy" in section.text and "14 months after the start, then every 12 months" in section.text
