"""Data sharing and alerts the way an office works them: through the agreements, request log and alerts pages.

Each function goes through the real UI (links, forms, buttons) or reads the page shown; every page loaded is checked
with axe by `support.Browser`. Days are worked out from the server's own day (`server_today`, read from /alerts
without navigating), not the test machine's clock, so that a run near midnight, or against a server in another
time zone, still agrees with what the pages say.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from meetings_ui import MONTHS, expect_page, long_day
from outcomes_ui import column_headers, fetch_file, table_by_caption
from support import Browser, xpath_literal
from surveys_ui import choose_radio, tags

CDP = "cambridgeshire-high-harms-board"
CDP_NAME = "Cambridgeshire High Harms Board"
OPCC = ("office-of-the-police-and-crime-commissioner-for-cambridgeshire",
        "Office of the Police and Crime Commissioner for Cambridgeshire")
CONSTABULARY = ("cambridgeshire-constabulary", "Cambridgeshire Constabulary")
COUNTY = ("cambridgeshire-county-council", "Cambridgeshire County Council")
PETERBOROUGH = ("peterborough-city-council", "Peterborough City Council")

DEMO_AGREEMENT = ("cambridgeshire-and-peterborough-drug-harm-information-sharing-agreement",
                  "Cambridgeshire and Peterborough drug harm information sharing agreement")
DEMO_OVERDUE_REQUEST = "Drug-related deaths reviewed by the panel, by quarter"
FIRST_GATEWAY = "Crime and Disorder Act 1998, section 115"

AGREEMENT_COLUMNS = ["Agreement", "Parties", "Legal gateway", "Review date", "Status"]
FIGURE_COLUMNS = ["Name", "Requests", "Answered", "Overdue", "Median days to answer", "On time", "Refused"]
LOG_COLUMNS = ["Asked of", "What", "Asked", "Due", "Answer"]
DATA_CATEGORIES = {
    "personal": "Personal data",
    "special-category": "Special category data (health, ethnicity, sexual life…)",
    "aggregate": "Aggregate figures, no one identifiable",
    "open": "Open data",
}
LAWFUL_BASES = ["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"]
STATUSES = {"draft": "Draft", "active": "Signed and in force", "withdrawn": "Withdrawn"}
OUTCOMES = ["provided", "partly", "refused", "no-reply"]
ALERT_KINDS = ["Terms of reference", "Actions", "Data-sharing agreements", "Data requests", "Guidance steps", "Surveys"]


# --------------------------------------------------------------------------------------------
# Days


def parse_long_day(text: str) -> dt.date:
    """"7 December 2026", as Convene writes a day."""
    day, month, year = text.split()
    return dt.date(int(year), MONTHS.index(month) + 1, int(day))


def server_today(b: Browser) -> dt.date:
    """The server's day, as its alerts page says it ("… as of 7 December 2026: …"), fetched without navigating."""
    page = fetch_file(b, "/alerts")
    assert page.status == 200, f"/alerts answered {page.status}"
    match = re.search(r"as of (\d{1,2} [A-Z][a-z]+ \d{4})", page.text)
    assert match, "the alerts page does not say which day it is as of"
    return parse_long_day(match.group(1))


# --------------------------------------------------------------------------------------------
# Reading pages


def summary_links(b: Browser, key: str, within=None, paths: bool = True) -> list[tuple[str, str]]:
    """The links (text, path; or with `paths` False, text and whole address) in the value beside `key` in a
    summary list."""
    dd = (within or b.main()).find_element(
        By.XPATH,
        f".//div[contains(@class,'summary-list__row')][dt[normalize-space()={xpath_literal(key)}]]"
        "/dd[contains(@class,'summary-list__value')]",
    )
    return [(" ".join(a.text.split()), urlparse(a.get_attribute("href")).path if paths else a.get_attribute("href"))
            for a in dd.find_elements(By.TAG_NAME, "a")]


def rows_by_header(b: Browser, table) -> list[dict[str, str]]:
    """Each body row of `table` as {column header: cell text}."""
    headers = column_headers(b, table)
    return [dict(zip(headers, row)) for row in b.table_rows(table)]


def row_with_link(b: Browser, table, text: str):
    """The body row of `table` with a link called `text` (or None), and that link's path."""
    rows = table.find_elements(By.XPATH, f".//tbody/tr[.//a[normalize-space()={xpath_literal(text)}]]")
    if not rows:
        return None, None
    assert len(rows) == 1, f"{len(rows)} rows of the table link to {text!r}"
    link = rows[0].find_element(By.XPATH, f".//a[normalize-space()={xpath_literal(text)}]")
    return rows[0], urlparse(link.get_attribute("href")).path


def figures(b: Browser, caption: str) -> dict[str, dict[str, str]]:
    """A figures table of the request log ("By partner", "By legal gateway"): {name: {column: text}}."""
    table = table_by_caption(b, caption)
    assert column_headers(b, table) == FIGURE_COLUMNS, f"{caption!r} has the columns {column_headers(b, table)}"
    return {row["Name"]: row for row in rows_by_header(b, table)}


def share(part: int, whole: int) -> str:
    """A share as the request log writes it: to four places first, then a whole percent (half away from zero)."""
    if whole == 0:
        return "None yet"
    kept = math.floor(part / whole * 10_000 + 0.5) / 10_000
    return f"{math.floor(kept * 100 + 0.5)}%"


def count_from_share(text: str, whole: int) -> int:
    """How many of `whole` a share ("33%", "None yet") counts."""
    if text == "None yet":
        return 0
    found = [n for n in range(whole + 1) if share(n, whole) == text]
    assert len(found) == 1, f"{text} of {whole} is not one count ({found})"
    return found[0]


def sharing_section(b: Browser) -> tuple[str, list[dict]]:
    """The "Data-sharing agreements (N)" section of an organisation's or a partnership's page: its heading and,
    for each agreement listed, {"title", "path", "tags"}."""
    sections = b.find_all((By.XPATH, "//main//section[h2[@id='data-sharing']]"))
    assert len(sections) == 1, f"{b.path} has {len(sections)} data-sharing sections"
    heading = " ".join(sections[0].find_element(By.TAG_NAME, "h2").text.split())
    listed = []
    for li in sections[0].find_elements(By.CSS_SELECTOR, "ul > li"):
        link = li.find_element(By.TAG_NAME, "a")
        listed.append({"title": " ".join(link.text.split()), "path": urlparse(link.get_attribute("href")).path,
                       "tags": tags(b, li)})
    return heading, listed


def follow_breadcrumb(b: Browser, text: str) -> None:
    b.click(b.find((By.XPATH, f"//nav[contains(@class,'breadcrumbs')]//a[normalize-space()={xpath_literal(text)}]")))


# --------------------------------------------------------------------------------------------
# The agreement form


def checkbox(b: Browser, name: str, label: str):
    """The checkbox posting `name` whose label is `label` (exactly one)."""
    found = b.find_all((By.XPATH, f"//main//input[@type='checkbox'][@name={xpath_literal(name)}]"
                                  f"[following-sibling::label[1][normalize-space()={xpath_literal(label)}]]"))
    assert len(found) == 1, f"{len(found)} checkboxes {name} are labelled {label!r}"
    return found[0]


def tick(b: Browser, name: str, label: str, value: str | None = None, checked: bool = True) -> None:
    """Ticks (or clears) the checkbox `name` labelled `label` by clicking its label, as a person would; with `value`,
    checks it is the one meant."""
    box = checkbox(b, name, label)
    if value is not None:
        assert box.get_attribute("value") == value, f"{label!r} posts {box.get_attribute('value')!r}, not {value!r}"
    if box.is_selected() != checked:
        b.find((By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")).click()
    assert box.is_selected() == checked, f"clicking the label {label!r} did not {'tick' if checked else 'clear'} it"


def ticked(b: Browser, name: str) -> list[str]:
    """The labels of the checkboxes posting `name` that are ticked, in page order."""
    return b.driver.execute_script(
        "return Array.from(document.querySelectorAll('main input[type=checkbox]'))"
        ".filter(box => box.name === arguments[0] && box.checked)"
        ".map(box => document.querySelector(`label[for='${box.id}']`).textContent.replace(/\\s+/g, ' ').trim());",
        name,
    )


def labelled_choices(b: Browser, name: str) -> dict[str, str]:
    """{value: label} of the checkboxes or radios posting `name`, in page order."""
    return {box.get_attribute("value"): b.find((By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")).text.strip()
            for box in b.find_all((By.XPATH, f"//main//input[@name={xpath_literal(name)}]"))}


def legend_of(b: Browser, name: str) -> str:
    return " ".join(b.find((By.XPATH, f"//main//fieldset[.//input[@name={xpath_literal(name)}]]/legend")).text.split())


def options_of(b: Browser, select_id: str) -> list[tuple[str, str]]:
    """The (value, text) of each option of a select."""
    return [tuple(o) for o in b.driver.execute_script(
        "return Array.from(arguments[0].options).map(o => [o.value, o.text.trim()]);", b.by_id(select_id))]


@dataclass
class Agreement:
    title: str
    parties: list[tuple[str, str]]  # (key, name)
    partnerships: list[tuple[str, str]]
    purpose: str
    data: list[str]  # DATA_CATEGORIES' keys
    lawful_basis: str  # its label, as the select shows it
    gateway: str  # one of the select's, or "" for `other_gateway`
    other_gateway: str = ""
    dpia_on: str = ""
    signed_on: str = ""
    review_on: str = ""
    ends_on: str = ""
    status: str = "draft"
    documents: list[str] = field(default_factory=list)


def fill_agreement(b: Browser, a: Agreement) -> None:
    """Fills the agreement form shown with `a` (ticking what it names; clearing nothing else); does not save it."""
    b.type_into("title", a.title)
    for key, name in a.parties:
        tick(b, "party_keys[]", name, key)
    for key, name in a.partnerships:
        tick(b, "partnership_keys[]", name, key)
    b.type_into("purpose", a.purpose)
    for category in a.data:
        tick(b, "data_categories[]", DATA_CATEGORIES[category], category)
    b.choose("lawful_basis", a.lawful_basis)
    b.choose("legal_gateway", a.gateway or "Another, named below")
    b.type_into("other_gateway", a.other_gateway)
    for name in ("dpia_on", "signed_on", "review_on", "ends_on"):
        b.type_into(name, getattr(a, name))
    choose_radio(b, "status", a.status)
    b.type_into("documents", "\n".join(a.documents))


def agreement_form_values(b: Browser) -> dict:
    """What the agreement form shows: each field's value, and the labels ticked of each group of checkboxes."""
    values = {name: b.by_id(name).get_attribute("value") for name in (
        "title", "purpose", "lawful_basis", "legal_gateway", "other_gateway", "dpia_on", "signed_on", "review_on",
        "ends_on", "documents")}
    values["documents"] = values["documents"].replace("\r\n", "\n")
    for name in ("party_keys", "partnership_keys", "data_categories"):
        values[name] = ticked(b, f"{name}[]")
    chosen = b.find_all((By.CSS_SELECTOR, "main input[type=radio][name='status']:checked"))
    values["status"] = chosen[0].get_attribute("value") if chosen else None
    return values


def expected_form_values(a: Agreement) -> dict:
    """What the form should show for `a`, in the terms of `agreement_form_values`."""
    basis = {"Consent": "consent", "Contract": "contract", "Legal obligation": "legal-obligation",
             "Vital interests": "vital-interests", "Public task": "public-task",
             "Legitimate interests": "legitimate-interests"}[a.lawful_basis]
    return {"title": a.title, "purpose": a.purpose, "lawful_basis": basis, "legal_gateway": a.gateway,
            "other_gateway": a.other_gateway, "dpia_on": a.dpia_on, "signed_on": a.signed_on,
            "review_on": a.review_on, "ends_on": a.ends_on, "documents": "\n".join(a.documents),
            "party_keys": sorted(name for _, name in a.parties),
            "partnership_keys": sorted(name for _, name in a.partnerships),
            "data_categories": [DATA_CATEGORIES[c] for c in DATA_CATEGORIES if c in a.data], "status": a.status}


# --------------------------------------------------------------------------------------------
# Requests


@dataclass
class Request:
    requester: str  # the option's value: "organisation:KEY" or "partnership:KEY"
    partner: tuple[str, str]  # (key, name)
    what: str
    purpose: str
    agreement: str | None  # the agreement's title, or None for "No agreement"
    gateway: str
    asked_on: dt.date
    due_by: dt.date


def log_request(b: Browser, r: Request) -> str:
    """On /sharing/requests: "Log a request", filled and logged; returns the new request's path (the browser is on
    its page)."""
    expect_page(b, "/sharing/requests", "Requests for data", "the request log")
    b.click(b.link("Log a request", b.main()))
    expect_page(b, "/sharing/requests/new", "Log a request for data", "the 'Log a request' link")
    assert options_of(b, "agreement_key")[0] == ("", "No agreement"), options_of(b, "agreement_key")[:2]
    b.choose("requester", r.requester)
    b.choose("partner_key", r.partner[0])
    assert b.by_id("partner_key").get_attribute("value") == r.partner[0]
    shown = [t for v, t in options_of(b, "partner_key") if v == r.partner[0]]
    assert shown == [r.partner[1]], f"the partner {r.partner[0]} is offered as {shown}"
    b.type_into("what", r.what)
    b.type_into("purpose", r.purpose)
    b.choose("agreement_key", r.agreement or "No agreement")
    b.type_into("gateway", r.gateway)
    b.type_into("asked_on", r.asked_on.isoformat())
    b.type_into("due_by", r.due_by.isoformat())
    b.click(b.button("Log the request"))
    expect_page(b, h1=r.what, what="logging a request")
    assert re.fullmatch(r"/sharing/requests/[a-z0-9-]+", b.path), f"logging a request went to {b.path}"
    return b.path


def answer_shown(outcome: str, day: dt.date, reason: str | None = None) -> str:
    """A request page's Answer: "Refused, 4 December 2026: the reason"."""
    return f"{outcome}, {long_day(day)}" + (f": {reason}" if reason else "")


# --------------------------------------------------------------------------------------------
# Alerts


def alert_tables(b: Browser) -> dict[str, list[dict]]:
    """The alerts page's tables by kind ("Data-sharing agreements"): each row's {"title", "path", "due", "tags"}.
    Each caption must read "Kind (N)" with N its rows."""
    found = {}
    for table in b.find_all((By.CSS_SELECTOR, "main table")):
        caption = " ".join(table.find_element(By.TAG_NAME, "caption").text.split())
        match = re.fullmatch(r"(.+) \((\d+)\)", caption)
        assert match, f"an alerts table is captioned {caption!r}, not 'Kind (N)'"
        assert column_headers(b, table) == ["What", "Due"], f"{caption!r} has the columns {column_headers(b, table)}"
        rows = []
        for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            what, due = tr.find_elements(By.CSS_SELECTOR, ":scope > th, :scope > td")
            link = what.find_element(By.TAG_NAME, "a")
            day = re.match(r"\d{1,2} [A-Z][a-z]+ \d{4}", " ".join(due.text.split()))
            rows.append({"title": " ".join(link.text.split()), "path": urlparse(link.get_attribute("href")).path,
                         "due": day.group(0) if day else due.text, "tags": tags(b, due)})
        assert len(rows) == int(match.group(2)), f"{caption!r} has {len(rows)} rows"
        found[match.group(1)] = rows
    return found


def digest_box(b: Browser):
    return b.by_id("weekly")


def save_digest_choice(b: Browser, weekly: bool) -> None:
    """On /alerts: ticks or clears "Send me these by email once a week" (by its label) and saves the choice; the
    browser is back on /alerts, which must show the box as saved."""
    box = digest_box(b)
    if box.is_selected() != weekly:
        b.find((By.CSS_SELECTOR, "label[for='weekly']")).click()
    assert box.is_selected() == weekly
    form = box.find_element(By.XPATH, "ancestor::form[1]")
    assert (form.get_attribute("method") or "").lower() == "post"
    assert urlparse(form.get_attribute("action")).path == "/alerts/digest", form.get_attribute("action")
    b.click(b.button("Save my choice", form))
    expect_page(b, "/alerts", "Alerts", f"saving the digest choice ({'weekly' if weekly else 'none'})")
    assert digest_box(b).is_selected() == weekly, (
        f"after saving the digest {'ticked' if weekly else 'cleared'}, /alerts shows the box "
        f"{'ticked' if digest_box(b).is_selected() else 'cleared'}")
