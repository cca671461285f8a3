"""Reading the strategy pages and the duplication analyses the way a person does, and the small landscape
the duplication journeys need.

The demo (loaded by `convene demo`) holds Bedfordshire's strategies: its Police and Crime Plan with six priorities
and seven partnership strategies (one a draft), linked to the plan's priorities and to the national frameworks'
objectives. The journeys add their own strategies and priorities with run-unique names, so the suite can run twice
against one server; they never change the demo's own.

The landscape for the duplication analyses is imported with the server's CLI, as the analysis journeys do (see
analysis_ui.import_popolo): two forums with the same three members, each with one held meeting (34 and 20 days ago)
attended by all three. The journey itself puts the same item on both agendas through the agenda editor, so that
/analysis/duplicates finds "the same people, the same discussion, a different meeting".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlparse

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from support import Browser, active, xpath_literal

PLAN = "bedfordshire-police-and-crime-plan"
PLAN_NAME = "Bedfordshire Police and Crime Plan 2024 to 2028"
OPCC = "office-of-the-police-and-crime-commissioner-for-bedfordshire"
OPCC_NAME = "Office of the Police and Crime Commissioner for Bedfordshire"
DRUGS = "bedfordshire-combating-drugs-strategy"
DRUGS_NAME = "Bedfordshire combating drugs strategy"
BEDFORD = "bedford-community-safety-plan"
BEDFORD_NAME = "Bedford community safety plan"
BEDFORD_CSP = "bedford-community-safety-partnership"
BEDFORD_CSP_NAME = "Bedford Community Safety Partnership"
SERIOUS_HARM_BOARD = "bedfordshire-serious-harm-partnership-board"
SERIOUS_HARM_BOARD_NAME = "Bedfordshire Serious Harm Partnership Board"

# The plan's six priorities, in its own order, as the demo words them.
PLAN_PRIORITIES = [
    "Prevention",
    "Protecting women and children",
    "Tackling serious crime",
    "Victims at the heart of all services",
    "Reinvigorating local policing",
    "Excellence in policing and criminal justice",
]
# The demo's strategies: name → (kind, owner's name, period, status).
DEMO_STRATEGIES = {
    PLAN_NAME: ("Police and Crime Plan", OPCC_NAME, "1 April 2024 to 31 March 2028", "Active"),
    DRUGS_NAME: ("Partnership strategy", SERIOUS_HARM_BOARD_NAME, "From 1 April 2023", "Active"),
    "Bedfordshire serious violence strategy": ("Partnership strategy", "Bedfordshire Serious Violence Duty Board", "From 31 January 2024", "Active"),
    "Bedfordshire violence against women and girls strategy": (
        "Partnership strategy", "Bedfordshire Male Violence against Women and Girls Board", "From 1 October 2023", "Active"),
    BEDFORD_NAME: ("Partnership strategy", BEDFORD_CSP_NAME, "From 1 April 2024", "Active"),
    "Central Bedfordshire community safety plan": (
        "Partnership strategy", "Central Bedfordshire Community Safety Partnership", "From 1 April 2024", "Active"),
    "Luton community safety plan": ("Partnership strategy", "Luton Community Safety Partnership", "From 1 April 2023", "Active"),
    "Bedfordshire reducing reoffending strategy": ("Partnership strategy", "Bedfordshire Reducing Reoffending Board", "Not recorded", "Draft"),
}
# The national frameworks: the matrix's table titles, and how many objectives (with sub-objectives) each has.
FRAMEWORKS = {"From Harm to Hope": 18, "Serious Violence Duty": 5, "Tackling Violence Against Women and Girls": 4}
OBJECTIVES = sum(FRAMEWORKS.values())
MATRIX_GROUPS = ["The Police and Crime Plan's priorities", *FRAMEWORKS]


# --------------------------------------------------------------------------------------------
# The landscape the duplication journeys analyse


@dataclass
class Forum:
    key: str
    name: str
    meeting_key: str
    meeting_name: str
    day: dt.date

    @property
    def meeting_path(self) -> str:
        return f"/partnerships/{self.key}/meetings/{self.meeting_key}"


@dataclass
class SharedLandscape:
    run: str
    people: list[tuple[str, str]]  # (key, name), sorted by key
    first: Forum  # the earlier meeting
    second: Forum

    @property
    def forums(self) -> list[Forum]:
        return [self.first, self.second]


def build_shared_landscape(run: str, today: dt.date) -> tuple[SharedLandscape, dict]:
    """Two forums with the same three members, each with one held meeting all three attended, and the Popolo JSON
    that makes them. Names stay under 34 characters so that the charts write them whole."""
    prefix = f"strategies-{run}"
    council = f"{prefix}-council"
    organizations = [{"id": council, "name": f"Strategies journey council {run}", "classification": "sector:local-government"}]
    people = [(f"{prefix}-member-{n}", f"Shared member {n} ({run})") for n in (1, 2, 3)]
    persons = [{"id": key, "name": name, "convene:role_title": "Community safety manager", "convene:organisation_id": council,
                "convene:salary_band": 40_000} for key, name in people]
    memberships, events, forums = [], [], []
    for letter, days_ago in (("a", 34), ("b", 20)):
        key = f"{prefix}-forum-{letter}"
        name = f"Dup forum {letter.upper()} {run}"
        day = today - dt.timedelta(days=days_ago)
        forum = Forum(key, name, f"{key}-m1", f"Forum {letter.upper()} meeting ({run})", day)
        forums.append(forum)
        organizations.append({"id": key, "name": name, "classification": "partnership:forum", "founding_date": "2020-01-01",
                              "convene:status": "active", "convene:purpose": "A forum whose members sit on the other forum too"})
        for person_key, _ in people:
            memberships.append({"id": f"{key}-{person_key.rsplit('-', 1)[-1]}", "person_id": person_key, "organization_id": key,
                                "role": "member", "start_date": "2020-01-01", "convene:voting": True})
        events.append({
            "id": forum.meeting_key, "name": forum.meeting_name, "organization_id": key, "status": "held",
            "start_date": f"{day.isoformat()}T09:00:00Z", "end_date": f"{day.isoformat()}T11:00:00Z",
            "attendees": [{"id": person_key, "convene:attendance": "present"} for person_key, _ in people],
        })
    landscape = SharedLandscape(run, people, forums[0], forums[1])
    return landscape, {"organizations": organizations, "persons": persons, "posts": [], "memberships": memberships, "events": events}


# --------------------------------------------------------------------------------------------
# Reading the pages


def lead(b: Browser) -> str:
    found = b.find_all((By.CSS_SELECTOR, "main p.lead"))
    assert found, f"{b.path} has no lead paragraph"
    return " ".join(found[0].text.split())


def caption_l(b: Browser) -> str:
    found = b.find_all((By.CSS_SELECTOR, "main .caption-l"))
    return found[0].text.strip() if found else ""


def first_lines(rows: list[list[str]]) -> list[str]:
    """The first line of each row's first cell (a priority's title, without its description)."""
    return [row[0].splitlines()[0].strip() for row in rows if row]


def priority_rows(b: Browser) -> dict[str, list[str]]:
    """On a strategy's page: the Priorities table, by each priority's title."""
    tables = b.find_all((By.XPATH, "//main//h2[@id='priorities']/following-sibling::table[1]"))
    if not tables:
        return {}
    return {row[0].splitlines()[0].strip(): row for row in b.table_rows(tables[0]) if row}


def priority_titles(b: Browser) -> list[str]:
    tables = b.find_all((By.XPATH, "//main//h2[@id='priorities']/following-sibling::table[1]"))
    return first_lines(b.table_rows(tables[0])) if tables else []


def lines(cell: str) -> list[str]:
    return [line.strip() for line in cell.splitlines() if line.strip()]


def list_after(b: Browser, heading: str) -> list[str] | str:
    """The items of the list straight after the h3 `heading` (one line each), or the text of the paragraph there."""
    found = b.find_all((By.XPATH, f"//main//h3[normalize-space()={xpath_literal(heading)}]/following-sibling::*[1]"))
    assert found, f"{b.path} has no heading {heading!r}"
    if found[0].tag_name == "ul":
        return [" ".join(li.text.split()) for li in found[0].find_elements(By.TAG_NAME, "li")]
    return " ".join(found[0].text.split())


MATRIX_JS = r"""
const region = Array.from(document.querySelectorAll('main div.table-scroll[role=region]'))
  .find(d => d.getAttribute('aria-label') === arguments[0]);
if (!region) return null;
const table = region.querySelector('table');
const columns = Array.from(table.querySelectorAll('thead th[scope=col]')).slice(1).map(th => th.getAttribute('title'));
const rows = Array.from(table.querySelectorAll('tbody tr')).map(tr => {
  const head = tr.querySelector('th[scope=row]'), link = head.querySelector('a');
  return {title: link.textContent.trim(), href: link.getAttribute('href'),
          strategy: (head.querySelector('span') || {textContent: ''}).textContent.trim(),
          cells: Array.from(tr.querySelectorAll('td')).map(td => td.textContent.trim())};
});
return {columns, rows, tabindex: region.getAttribute('tabindex')};
"""


@dataclass
class Matrix:
    columns: list[str]  # the objectives' or plan priorities' titles, in order
    rows: list[dict]  # {title, href, strategy, cells}
    tabindex: str | None

    def row(self, title: str) -> dict | None:
        found = [r for r in self.rows if r["title"] == title]
        return found[0] if found else None

    def marks(self, title: str) -> dict[str, str]:
        """The row's marks by column title ("Carries", "In part"); only the marked columns."""
        row = self.row(title)
        assert row is not None, f"the matrix has no row {title!r}; its rows: {[r['title'] for r in self.rows][:20]}"
        return {column: mark for column, mark in zip(self.columns, row["cells"]) if mark}


def matrix(b: Browser, group: str) -> Matrix:
    found = b.driver.execute_script(MATRIX_JS, group)
    assert found is not None, f"{b.path} has no matrix table {group!r}"
    return Matrix(found["columns"], found["rows"], found["tabindex"])


def check_error_summary(b: Browser, title: str) -> list[tuple[str, str]]:
    """The page shows the form again the GOV.UK way (422, "Error: " title, the summary first in <main>); each of the
    summary's links moves focus to its field, which shows the same message and is described by it.
    Returns the summary's (message, field id) pairs, in order."""
    assert b.status == 422, f"a form with errors answered {b.status}, not 422"
    assert b.driver.title.startswith(f"Error: {title}"), f"the title does not start with 'Error: {title}': {b.driver.title!r}"
    summary = b.error_summary()
    assert summary is not None, "no error summary"
    assert summary.get_attribute("role") == "alert"
    assert summary.find_element(By.TAG_NAME, "h2").text == "There is a problem"
    first = b.driver.execute_script("return document.querySelector('main').firstElementChild")
    assert first == summary, "the error summary is not the first thing in <main>"
    found, problems = [], []
    for index, (text, href) in enumerate(b.error_summary_links()):
        target = urlparse(href).fragment
        found.append((text, target))
        fields = b.driver.find_elements(By.ID, target) if target else []
        if not fields:
            problems.append(f"{text!r} links to {href!r}, and no field has that id")
            continue
        b.error_summary().find_elements(By.CSS_SELECTOR, "a")[index].click()
        try:
            WebDriverWait(b.driver, 3).until(lambda d: active(d).get_attribute("id") == target)
        except TimeoutException:
            problems.append(f"{text!r}: focus went to {active(b.driver).get_attribute('id')!r}, not #{target}")
            continue
        error = b.driver.find_elements(By.ID, f"{target}-error")
        if not error:
            problems.append(f"#{target} has no error message of its own (#{target}-error)")
        elif text not in error[0].text:
            problems.append(f"#{target}'s message {error[0].text!r} differs from the summary's {text!r}")
        elif fields[0].tag_name in ("input", "select", "textarea") and fields[0].get_attribute("type") not in ("radio", "checkbox"):
            described = (fields[0].get_attribute("aria-describedby") or "").split()
            if f"{target}-error" not in described:
                problems.append(f"#{target} is not described by its error message (aria-describedby={described})")
    assert not problems, "the error summary's links do not all lead to their fields:\n  " + "\n  ".join(problems)
    return found
