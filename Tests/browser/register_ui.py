"""Doing things in the register the way a person does: through its pages and forms.

Each function takes `keyboard`: False uses the pointer (clicks), True uses the keyboard only
(Tab, typing, arrow keys, Space, Enter), checking visible focus on every field it reaches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field as dc_field

from selenium.webdriver.common.by import By

from support import Browser, Field, fill_form, key_from_url, tab_to

PUBLISH = "Publish (show its public fields to anyone)"


def _open_link(b: Browser, text: str, keyboard: bool) -> None:
    """Follows a link or link-styled button on the page, by click or by Tab and Enter."""
    if keyboard:
        tab_to(b.driver, lambda e: e.tag_name == "a" and " ".join(e.text.split()) == text, f"the {text!r} link")
        b.press_enter()
    else:
        b.click(b.link(text, b.main()))


def _press_button(b: Browser, text: str, keyboard: bool) -> None:
    if keyboard:
        tab_to(b.driver, lambda e: e.tag_name == "button" and " ".join(e.text.split()) == text, f"the {text!r} button")
        b.press_enter()
    else:
        b.click(b.button(text, b.main()))


def create_organisation(b: Browser, name: str, sector: str, keyboard: bool = False) -> str:
    b.get("/organisations/new")
    assert b.h1() == "Add an organisation"
    fill_form(b, [Field("name", "text", name), Field("sector", "select", sector)], "Save", keyboard)
    b.assert_no_errors(f"adding organisation {name!r}")
    assert b.h1() == name, f"after saving an organisation the page shows {b.h1()!r}"
    return key_from_url(b.driver.current_url)


def create_person(
    b: Browser,
    name: str,
    role_title: str,
    organisation: str,
    seniority: str | None = None,
    salary: str | None = None,
    keyboard: bool = False,
) -> str:
    b.get("/persons/new")
    assert b.h1() == "Add a person"
    fields = [Field("name", "text", name), Field("role_title", "text", role_title), Field("organisation_key", "select", organisation)]
    if seniority:
        fields.append(Field("seniority", "select", seniority))
    if salary:
        fields.append(Field("salary_band", "text", salary))
    fill_form(b, fields, "Save", keyboard)
    b.assert_no_errors(f"adding person {name!r}")
    assert b.h1() == name, f"after saving a person the page shows {b.h1()!r}"
    return key_from_url(b.driver.current_url)


@dataclass
class NewPartnership:
    name: str
    type: str = "Combating Drugs Partnership (CDP)"
    started_on: str | None = None
    force_area: str | None = None
    purpose: str | None = None
    themes: str | None = None
    pcc_roles: list[str] = dc_field(default_factory=list)  # the checkboxes' labels
    meeting_frequency: str | None = "Quarterly"
    secretariat: str | None = None
    reports_to: str | None = None
    footprint: list[str] = dc_field(default_factory=list)


def partnership_fields(b: Browser, p: NewPartnership) -> list[Field]:
    """The form's fields in their tab order."""
    fields = [Field("name", "text", p.name), Field("type", "select", p.type)]
    if p.started_on:
        fields.append(Field("started_on", "text", p.started_on))
    if p.force_area:
        fields.append(Field("force_area_code", "select", p.force_area))
    if p.purpose:
        fields.append(Field("purpose", "text", p.purpose))
    if p.themes:
        fields.append(Field("themes", "text", p.themes))
    for label in p.pcc_roles:
        box = b.checkbox_by_label(label)
        fields.append(Field(box.get_attribute("id"), "checkbox", True))
    if p.meeting_frequency:
        fields.append(Field("meeting_frequency", "select", p.meeting_frequency))
    if p.secretariat:
        fields.append(Field("secretariat_key", "select", p.secretariat))
    if p.reports_to:
        fields.append(Field("reports_to", "select", p.reports_to))
    if p.footprint:
        fields.append(Field("footprint", "multiselect", p.footprint))
    return fields


def create_partnership(b: Browser, p: NewPartnership, keyboard: bool = False) -> str:
    b.get("/partnerships/new")
    assert b.h1() == "Add a partnership"
    fill_form(b, partnership_fields(b, p), "Save", keyboard)
    b.assert_no_errors(f"adding partnership {p.name!r}")
    assert b.h1() == p.name, f"after saving a partnership the page shows {b.h1()!r}"
    return key_from_url(b.driver.current_url)


def add_member(
    b: Browser,
    partnership_key: str,
    role: str,
    person: str | None = None,
    organisation: str | None = None,
    voting: bool = False,
    started_on: str | None = None,
    substitute: str | None = None,
    keyboard: bool = False,
) -> None:
    """From the partnership's page: "Add a member", fill the form, save, back on the page."""
    b.get(f"/partnerships/{partnership_key}")
    _open_link(b, "Add a member", keyboard)
    assert b.h1() == "Add a member"
    fields = []
    if person:
        fields.append(Field("person_key", "select", person))
    if organisation:
        fields.append(Field("organisation_key", "select", organisation))
    fields.append(Field("role", "select", role))
    if voting:
        fields.append(Field("voting_right", "checkbox", True))
    if started_on:
        fields.append(Field("started_on", "text", started_on))
    if substitute:
        fields.append(Field("substitute_key", "select", substitute))
    fill_form(b, fields, "Save", keyboard)
    b.assert_no_errors("adding a member")
    assert b.path.startswith(f"/partnerships/{partnership_key}"), f"after adding a member the browser is at {b.path}"


def set_reports_to(b: Browser, partnership_key: str, parent: str, keyboard: bool = False) -> None:
    """From the partnership's page: "Change this partnership", choose whom it reports to, save."""
    b.get(f"/partnerships/{partnership_key}")
    _open_link(b, "Change this partnership", keyboard)
    assert b.h1().startswith("Change "), b.h1()
    fill_form(b, [Field("reports_to", "select", parent)], "Save", keyboard)
    b.assert_no_errors("saving the reporting line")
    assert b.path == f"/partnerships/{partnership_key}", b.path


def publish(b: Browser, partnership_key: str, keyboard: bool = False) -> None:
    b.get(f"/partnerships/{partnership_key}")
    _press_button(b, PUBLISH, keyboard)
    assert b.path == f"/partnerships/{partnership_key}", b.path
    tags = [t.text for t in b.find_all((By.CSS_SELECTOR, "main .tag"))]
    assert "Published" in tags, f"after publishing the page's tags are {tags}"


def member_rows(b: Browser) -> list[list[str]]:
    section = b.find((By.CSS_SELECTOR, "section[aria-labelledby=members]"))
    return b.table_rows(section)


def overview_counts(b: Browser) -> tuple[int, dict[str, list[str]]]:
    """(partnerships in the register, {force area: its row})."""
    b.get("/")
    cards = " ".join(c.text for c in b.find_all((By.CSS_SELECTOR, "main .card")))
    total = int(re.search(r"(\d+)\s*partnerships in the register", cards).group(1))
    table = b.by_id("force-areas").find_element(By.XPATH, "following-sibling::table[1]")
    rows = {r[0]: r for r in b.table_rows(table)}
    return total, rows
