"""Declared interests, the network's directory of partnership leads and its library, the way an office works them:
through the meeting, person, leads and library pages.

Each function reads the page shown or goes through the real UI (links, forms, buttons) and checks that it landed where
the page promises; every page it loads is checked with axe by `support.Browser`. What is read is what the person sees
(the text of the page), or for a visually hidden part of a link, what a screen reader hears.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from meetings_ui import expect_page, long_day
from outcomes_ui import column_headers, table_by_caption
from sharing_ui import options_of, rows_by_header
from support import Browser, xpath_literal
from surveys_ui import tags

CONSTABULARY = ("cambridgeshire-constabulary", "Cambridgeshire Constabulary")

# The demo's declared interest, and the meeting whose agenda it flags.
DEMO_BOARD = "cambridgeshire-high-harms-board"
DEMO_MEETING = "cambridgeshire-high-harms-board-2026-01-12"
DEMO_DECLARER = ("director-of-public-health-cambridgeshire-county-council",
                 "Director of Public Health, Cambridgeshire County Council")
DEMO_MATTER = "Non-executive director of the area's mental health trust (illustrative, for the demo)"
DEMO_FLAGGED_ITEM = "Online grooming and child sexual exploitation"

# A board of the demo whose members are not all on the Cambridgeshire High Harms Board, and one of those members.
DELIVERY_BOARD = "drug-and-alcohol-misuse-delivery-board"
DELIVERY_MEMBER = ("drug-and-alcohol-commissioning-manager-cambridgeshire-county-council",
                   "Drug and Alcohol Commissioning Manager, Cambridgeshire County Council")

FLAG_HEADING = "Declared interests: this item may touch"
ACTIONS = {
    "left-the-room": "Left the room for the item",
    "took-no-part": "Stayed but took no part in the discussion or decision",
    "remained": "Stayed and took part, the interest not being prejudicial",
}
KINDS = {
    "employment": "Employment", "directorship": "Directorship or trusteeship", "shareholding": "Shareholding",
    "membership": "Membership of a body", "gift-or-hospitality": "Gift or hospitality",
    "family": "A family member's interest", "other": "Other",
}

LEADS_CAPTION = "Partnership leads by force area"
LEAD_COLUMNS = ["Force area", "Lead", "Organisation", "Contact"]
DEMO_LEAD = {"Force area": "Cambridgeshire", "Lead": "Director for Strategic Partnerships",
             "Organisation": "Office of the Police and Crime Commissioner for Cambridgeshire and Peterborough"}
FORCE_AREAS = 43

LIBRARY_CAPTION = "Shared by workspaces"
LIBRARY_COLUMNS = ["Template", "Kind", "Shared by", "Shared on"]
DEMO_SHARED_SURVEY = ("partners-survey-2026", "Partners' survey 2026")
OUR_WORKSPACE = ("default", "This office's register")


def squash(text: str) -> str:
    return " ".join((text or "").split())


# --------------------------------------------------------------------------------------------
# The flags on a meeting's agenda, and the declarations in its minutes

AGENDA_FLAGS_JS = r"""
const squash = t => (t || '').replace(/\s+/g, ' ').trim();
return Array.from(document.querySelectorAll('main ol.agenda > li')).map(li => {
  const boxes = Array.from(li.querySelectorAll('.interest-flag'));
  return {
    id: li.id,
    title: squash(li.querySelector('h3') && li.querySelector('h3').textContent),
    boxes: boxes.length,
    flags: boxes.length === 0 ? [] : Array.from(boxes[0].querySelectorAll('li')).map(f => {
      const a = f.querySelector('a');
      const hidden = a ? a.querySelector('.visually-hidden') : null;
      const own = Array.from(f.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('');
      return {
        text: squash(own).replace(/\s*·$/, ''),
        link: a ? squash(Array.from(a.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('')) : null,
        hidden: hidden ? squash(hidden.textContent) : null,
        name: a ? squash(a.textContent) : null,
        href: a ? a.getAttribute('href') : null,
      };
    }),
  };
});
"""


def agenda_flags(b: Browser) -> list[dict]:
    """On a meeting page: each agenda item in order, {"id", "title", "boxes" (its interest-flag boxes), "flags"}, each
    flag {"text" (before the link), "link" (the link's visible text), "hidden" (its visually hidden text), "name" (the
    whole), "href"}."""
    return b.driver.execute_script(AGENDA_FLAGS_JS)


def flag_box(b: Browser, item_id: str):
    """The interest-flag box inside the agenda item's <li> (its id "item-KEY")."""
    found = b.find_all((By.CSS_SELECTOR, f"main ol.agenda > li#{item_id} .interest-flag"))
    assert len(found) == 1, f"the agenda item #{item_id} has {len(found)} interest-flag boxes"
    return found[0]


def flag_text(person: str, matter: str, reason: str) -> str:
    """A flag as the agenda shows it: "Person: matter (the item names Turning Point)"."""
    return f"{person}: {matter} (the item {reason})"


def minuted_declarations(b: Browser) -> list[str]:
    """On a meeting page: the "Declarations of interest" of the minutes, as the list shows them (or [] when the page
    says none were recorded)."""
    headings = b.find_all((By.XPATH, "//main//h3[@id='declarations']"))
    assert len(headings) == 1, f"{b.path} has {len(headings)} 'Declarations of interest' headings"
    assert squash(headings[0].text) == "Declarations of interest", headings[0].text
    following = headings[0].find_element(By.XPATH, "following-sibling::*[1]")
    if following.tag_name == "p":
        assert squash(following.text) == "No declarations of interest were recorded.", following.text
        return []
    assert following.tag_name == "ul", f"the declarations are a {following.tag_name}, not a list"
    return [squash(li.text) for li in following.find_elements(By.XPATH, "./li")]


def minuted(person: str, matter: str, item: str | None, action: str) -> str:
    """A declaration as the minutes write it."""
    where = f' on the item "{item}"' if item else " at the start of the meeting"
    return f"{person} declared {matter}{where}. {ACTIONS[action]}."


# --------------------------------------------------------------------------------------------
# A person's declared interests


def interests_section(b: Browser):
    found = b.find_all((By.XPATH, "//main//section[h2[@id='interests']]"))
    assert len(found) == 1, f"{b.path} has {len(found)} 'Declared interests' sections"
    return found[0]


def declared_interests(b: Browser) -> tuple[int, list[dict]]:
    """On a person's page: N of "Declared interests (N)" and each declaration listed, {"text", "tags"}."""
    section = interests_section(b)
    heading = squash(section.find_element(By.TAG_NAME, "h2").text)
    match = re.fullmatch(r"Declared interests \((\d+)\)", heading)
    assert match, f"the interests heading reads {heading!r}, not 'Declared interests (N)'"
    listed = [{"text": squash(li.text), "tags": tags(b, li)}
              for li in section.find_elements(By.XPATH, "./ul/li")]
    if not listed:
        assert "None declared." in section.text, section.text
    assert len(listed) == int(match.group(1)), f"{heading!r} lists {len(listed)}"
    return int(match.group(1)), listed


@dataclass
class Interest:
    kind: str  # KINDS' keys
    organisation: tuple[str, str] | None  # (key, name)
    matter: str
    from_day: str  # YYYY-MM-DD
    to_day: str = ""

    def listed(self) -> str:
        """As the person's page lists it: "Kind: matter (Organisation), from 1 April 2025"."""
        text = f"{KINDS[self.kind]}: {self.matter}"
        if self.organisation:
            text += f" ({self.organisation[1]})"
        text += f", from {long_day(dt.date.fromisoformat(self.from_day))}"
        if self.to_day:
            text += f" to {long_day(dt.date.fromisoformat(self.to_day))}"
        return text


def declare_interest(b: Browser, person_key: str, interest: Interest) -> None:
    """On the person's page: "Record a declaration" filled and recorded; back on their page at #interests."""
    expect_page(b, f"/persons/{person_key}", what="the person's page")
    section = interests_section(b)
    form = section.find_element(By.XPATH, ".//form[h3[normalize-space()='Record a declaration']]")
    assert urlparse(form.get_attribute("action")).path == f"/persons/{person_key}/interests", form.get_attribute("action")
    labels = {squash(label.text) for label in form.find_elements(By.TAG_NAME, "label")}
    for wanted in ("Kind of interest", "The organisation it is in (if any)", "The interest", "From", "To (if it has ended)"):
        assert wanted in labels, f"the declaration form has no field labelled {wanted!r}: {sorted(labels)}"
    b.choose("kind", interest.kind)
    if interest.organisation:
        key, name = interest.organisation
        shown = [text for value, text in options_of(b, "organisation_key") if value == key]
        assert shown == [name], f"the organisation {key} is offered as {shown}"
        b.choose("organisation_key", key)
    b.type_into("matter", interest.matter)
    b.type_into("from", interest.from_day)
    b.type_into("to", interest.to_day)
    b.click(b.button("Record the declaration", form))
    expect_page(b, f"/persons/{person_key}", what="recording a declaration on the person's page")
    assert urlparse(b.driver.current_url).fragment == "interests", (
        f"after recording a declaration the page is at {b.driver.current_url}, not #interests")


# --------------------------------------------------------------------------------------------
# The directory of partnership leads


def status_line(b: Browser) -> str:
    found = b.find_all((By.CSS_SELECTOR, "main [role=status]"))
    assert len(found) == 1, f"{b.path} has {len(found)} status lines"
    return squash(found[0].text)


def lead_rows(b: Browser) -> dict[str, dict[str, str]]:
    """The directory: {force area: {column: text}}; its caption and columns must be the directory's, and each force
    area a row once."""
    table = table_by_caption(b, LEADS_CAPTION)
    caption = table.find_element(By.TAG_NAME, "caption")
    assert "visually-hidden" in (caption.get_attribute("class") or ""), "the directory's caption is not visually hidden"
    assert column_headers(b, table) == LEAD_COLUMNS, column_headers(b, table)
    rows = rows_by_header(b, table)
    areas = [r["Force area"] for r in rows]
    assert len(set(areas)) == len(areas), f"the directory names a force area twice: {areas}"
    return {r["Force area"]: r for r in rows}


def contact_link(b: Browser, force_area: str) -> tuple[str, str] | None:
    """The (text, href) of the link in the directory's Contact cell of `force_area`, or None."""
    table = table_by_caption(b, LEADS_CAPTION)
    links = table.find_elements(
        By.XPATH, f"./tbody/tr[td[1][normalize-space()={xpath_literal(force_area)}]]/td[4]//a")
    return (squash(links[0].text), links[0].get_attribute("href")) if links else None


LEAD_FIELDS = ("force_area_code", "office", "organisation", "holder_key", "contact")


def lead_form_values(b: Browser) -> dict[str, str]:
    return {name: b.by_id(name).get_attribute("value") or "" for name in LEAD_FIELDS}


def fill_lead(b: Browser, values: dict[str, str]) -> None:
    """Fills the lead form with `values` (LEAD_FIELDS); does not save it."""
    b.choose("force_area_code", values["force_area_code"])
    b.type_into("office", values["office"])
    b.type_into("organisation", values["organisation"])
    b.choose("holder_key", values["holder_key"])
    b.type_into("contact", values["contact"])


def save_lead(b: Browser, values: dict[str, str]) -> None:
    """On /network/leads/ours (with errors or without): fills and saves the lead; back on the directory."""
    assert b.path == "/network/leads/ours" and b.h1() == "Name our partnership lead", f"not the lead form: {b.path}"
    fill_lead(b, values)
    b.click(b.button("Save", b.main()))
    expect_page(b, "/network/leads", "Partnership leads", "saving our partnership lead")


# --------------------------------------------------------------------------------------------
# The library


def shared_heading(b: Browser) -> int:
    """N of the library's "Shared by workspaces (N)"."""
    found = [squash(h.text) for h in b.find_all((By.CSS_SELECTOR, "main h2"))
             if squash(h.text).startswith("Shared by workspaces")]
    assert len(found) == 1, f"the library has {len(found)} 'Shared by workspaces' headings"
    match = re.fullmatch(r"Shared by workspaces \((\d+)\)", found[0])
    assert match, f"the library's heading reads {found[0]!r}, not 'Shared by workspaces (N)'"
    return int(match.group(1))


def library_rows(b: Browser) -> list[dict[str, str]]:
    """The library's shared templates, each {column: text, "path": the template's link}; their number must be the
    heading's N."""
    count = shared_heading(b)
    found = b.find_all((By.XPATH, f"//main//table[caption[normalize-space()={xpath_literal(LIBRARY_CAPTION)}]]"))
    if count == 0:
        assert not found and "Nothing has been shared yet." in b.main_text(), "an empty library shows a table"
        return []
    assert len(found) == 1, f"the library has {len(found)} tables captioned {LIBRARY_CAPTION!r}"
    table = found[0]
    assert "visually-hidden" in (table.find_element(By.TAG_NAME, "caption").get_attribute("class") or "")
    assert column_headers(b, table) == LIBRARY_COLUMNS, column_headers(b, table)
    rows = rows_by_header(b, table)
    paths = [urlparse(a.get_attribute("href")).path for a in table.find_elements(By.XPATH, "./tbody/tr/td[1]//a")]
    assert len(paths) == len(rows), f"{len(rows)} templates but {len(paths)} links"
    for row, path in zip(rows, paths):
        row["path"] = path
    assert len(rows) == count, f"'Shared by workspaces ({count})' lists {len(rows)}"
    return rows


def share_form(b: Browser):
    """The library's "Share one of ours" form, or None."""
    found = b.find_all((By.XPATH, "//main//form[h2[normalize-space()='Share one of ours']]"))
    return found[0] if found else None


def headings_h2(b: Browser) -> list[str]:
    return [squash(h.text) for h in b.find_all((By.CSS_SELECTOR, "main h2"))]


def ordered_questions(b: Browser) -> list[str]:
    """The questions of a survey (its page, or a library item's): the numbered list's items."""
    return [squash(li.text) for li in b.find_all((By.CSS_SELECTOR, "main ol.list--number > li"))]
