"""Outcomes and funding the way an office works them: through the outcomes, dashboard, import and funding pages.

Each function goes through the real UI (links, forms, buttons) and checks that it landed where the page promises;
every page it loads is checked with axe by `support.Browser`. A file a page offers for download (a dashboard's table
as CSV) is fetched by the page itself, with the browser's own cookies, without navigating (see `fetch_file`).
"""

from __future__ import annotations

import csv
import io
import re
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from meetings_ui import expect_page, find_server, open_link
from support import Browser, active, xpath_literal
from surveys_ui import choose_radio, summary_value

CDP = "cambridgeshire-high-harms-board"
CDP_NAME = "Cambridgeshire High Harms Board"
CAMBRIDGESHIRE = "E10000003"
PETERBOROUGH = "E06000031"
CSV_HEADER = "indicator_id,indicator,unit,polarity,area_code,period,value,target,met"


# --------------------------------------------------------------------------------------------
# Small moves


def follow_nav(b: Browser, text: str) -> None:
    """Follows the link `text` of the site's main navigation (in the header)."""
    b.click(b.find((By.XPATH, f"//header//nav[@aria-label='Main']//a[normalize-space()={xpath_literal(text)}]")))


def caption_above_h1(b: Browser) -> str:
    found = b.find_all((By.CSS_SELECTOR, "main .caption-l"))
    return found[0].text.strip() if found else ""


def table_by_caption(b: Browser, caption: str, within=None):
    """The table in `within` (by default <main>) whose caption is `caption`."""
    return b.find((By.XPATH, f".//table[caption[normalize-space()={xpath_literal(caption)}]]"), within or b.main())


def tables_by_caption(b: Browser, caption: str, within=None) -> list:
    return b.find_all((By.XPATH, f".//table[caption[normalize-space()={xpath_literal(caption)}]]"), within or b.main())


def column_headers(b: Browser, table) -> list[str]:
    return b.driver.execute_script(
        "return Array.from(arguments[0].querySelectorAll('thead th')).map(th => th.textContent.replace(/\\s+/g, ' ').trim());",
        table,
    )


def precedes(b: Browser, first, second) -> bool:
    """True when `first` comes before `second` in document order."""
    return b.driver.execute_script(
        "return Boolean(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING);",
        first, second,
    )


def svg_title_and_desc(b: Browser, svg) -> tuple[str, str]:
    """The text of an svg's own <title> and <desc> (its children, not a point's tooltip)."""
    return tuple(b.driver.execute_script(
        "const svg = arguments[0];"
        "const own = tag => Array.from(svg.children).find(c => c.tagName.toLowerCase() === tag);"
        "return ['title', 'desc'].map(tag => own(tag) ? own(tag).textContent.replace(/\\s+/g, ' ').trim() : '');",
        svg,
    ))


def svg_label_ids(svg) -> list[str]:
    return (svg.get_attribute("aria-labelledby") or "").split()


def chart_legend(b: Browser, svg) -> list[str]:
    """The names of the lines a dashboard chart's legend shows (its labels, not its axes)."""
    return b.driver.execute_script(
        "return Array.from(arguments[0].querySelectorAll('text.chart-label:not(.chart-heading)'))"
        ".map(t => t.textContent.replace(/\\s+/g, ' ').trim());",
        svg,
    )


def described_lines(desc: str) -> list[str]:
    """The lines a dashboard chart's <desc> names: "Count: Cambridgeshire, England, Target by period from …"."""
    match = re.match(r"^[^:]+: (.*?) by period\b", desc)
    return match.group(1).split(", ") if match else []


# --------------------------------------------------------------------------------------------
# Files fetched as the page would fetch them


@dataclass
class Fetched:
    status: int
    content_type: str
    disposition: str
    text: str

    def rows(self) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(self.text)))


FETCH_JS = (
    "const done = arguments[arguments.length - 1];"
    "fetch(arguments[0], {credentials: 'same-origin'})"
    ".then(r => r.text().then(t => done([r.status, r.headers.get('content-type') || '',"
    " r.headers.get('content-disposition') || '', t])))"
    ".catch(e => done([-1, '', '', String(e)]));"
)


def fetch_file(b: Browser, href: str) -> Fetched:
    """A GET of `href` made by the page shown (with the browser's cookies), without navigating."""
    status, content_type, disposition, text = b.driver.execute_async_script(FETCH_JS, b.url(href))
    return Fetched(int(status), content_type, disposition, text)


# --------------------------------------------------------------------------------------------
# Users of a role no page makes


def add_user(base_url: str, email: str, role: str) -> str:
    """Adds a user of `role` (editor, secretariat, viewer) with the server's CLI; returns their password."""
    server = find_server(base_url)
    password = "browser-" + secrets.token_urlsafe(18)
    done = subprocess.run(
        [server.binary, "user", "add", email, "--role", role, "--password-stdin", "--database", server.database],
        input=password + "\n", capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, f"`convene user add {email} --role {role}` failed ({done.returncode}): {done.stdout}{done.stderr}"
    return password


# --------------------------------------------------------------------------------------------
# The GOV.UK error summary, for a form with one or more errors


FIELD_ORDER_JS = """
const ids = arguments[0];
const all = Array.from(document.querySelectorAll('main [id]')).map(e => e.id);
return ids.map(id => all.indexOf(id));
"""


def check_error_summary(b: Browser, expected: list[tuple[str, str]], own_messages: bool = True) -> list[str]:
    """The page is a form with the errors `expected` ([(field id, what its message starts with)]), the GOV.UK way:
    422, a title starting "Error: ", the summary first in <main> with role=alert and one link per error, each to its
    field; following a link puts focus on the field. A field with errors has its own message (#field-error) with each
    of them, and the field (or its fieldset) is described by it.

    Whatever would not stop a person (a message worded otherwise, a title without "Error: ", a summary in another
    order than the fields, a message the field is not described by) is returned as a problem, so that the journey
    goes on and the test fails at its end with every problem found; a missing summary or link fails at once."""
    problems = []
    assert b.status == 422, f"{b.path}: a form with errors answered {b.status}, not 422"
    if not b.driver.title.startswith("Error: "):
        problems.append(f"{b.path}: the title of a page with an error does not start with 'Error: ': {b.driver.title!r}")
    summary = b.error_summary()
    assert summary is not None, f"{b.path}: no error summary"
    assert summary.get_attribute("role") == "alert", "the error summary has no role=alert"
    assert summary.find_element(By.TAG_NAME, "h2").text == "There is a problem"
    first = b.driver.execute_script("return document.querySelector('main').firstElementChild")
    assert first == summary, "the error summary is not the first thing in <main>"

    links = [(text, urlparse(href).fragment) for text, href in b.error_summary_links()]
    assert sorted(f for _, f in links) == sorted(f for f, _ in expected), (
        f"{b.path}: the summary links to {[f for _, f in links]}, expected one link for each of {[f for f, _ in expected]}: {links}"
    )
    unmatched = list(links)
    for field, start in expected:
        mine = [link for link in unmatched if link[1] == field]
        chosen = next((link for link in mine if link[0].startswith(start)), mine[0])
        unmatched.remove(chosen)
        if not chosen[0].startswith(start):
            problems.append(f"{b.path}: the summary's message for #{field} is {chosen[0]!r}, expected one starting {start!r}")

    # The summary lists the errors in the order their fields come on the page.
    fields = [f for _, f in links]
    positions = b.driver.execute_script(FIELD_ORDER_JS, fields)
    assert all(p >= 0 for p in positions), f"a field the summary links to is not on the page: {dict(zip(fields, positions))}"
    in_page_order = [f for _, f in sorted(zip(positions, fields))]
    if fields != in_page_order:
        problems.append(f"{b.path}: the error summary lists the fields in the order {fields}, "
                        f"not the order they come on the page, {in_page_order}")

    if own_messages:
        for field in dict.fromkeys(fields):
            own = b.find_all((By.ID, f"{field}-error"))
            assert own, f"#{field} has no error message of its own (#{field}-error)"
            message = own[0].text
            for text, f in links:
                if f == field and text not in message:
                    problems.append(f"{b.path}: #{field}'s own message {message!r} does not say the summary's {text!r}")
            problem = b.undescribed_error(field)
            if problem:
                problems.append(problem)

    # Following each link (within the page: no new page loads) puts focus on its field.
    for index, field in enumerate(fields):
        b.error_summary().find_elements(By.CSS_SELECTOR, "a")[index].click()
        try:
            WebDriverWait(b.driver, 3).until(lambda d: active(d).get_attribute("id") == field)
        except TimeoutException:
            raise AssertionError(
                f"{b.path}: the summary's link to #{field} put focus on {active(b.driver).get_attribute('id')!r}")
        assert b.driver.execute_script("return location.hash") == f"#{field}"
    return problems


# --------------------------------------------------------------------------------------------
# The dashboard


def dashboard_panels(b: Browser) -> list:
    return b.find_all((By.CSS_SELECTOR, "main section.dashboard-panel"))


def panel_heading(panel) -> str:
    return " ".join(panel.find_element(By.TAG_NAME, "h2").text.split())


def panel_status(panel) -> str:
    """The text of the tag in the panel's Status row."""
    tags = panel.find_elements(
        By.XPATH, ".//div[contains(@class,'summary-list__row')][dt[normalize-space()='Status']]//*[contains(@class,'tag')]")
    assert len(tags) == 1, f"the Status row of {panel_heading(panel)!r} has {len(tags)} tags"
    return " ".join(tags[0].text.split())


# --------------------------------------------------------------------------------------------
# Indicators and their files


@dataclass
class NewIndicator:
    id: str
    name: str
    definition: str
    unit: str  # count, rate-per-100000, percentage, money, days
    polarity: str  # higher-is-better, lower-is-better
    source: str
    publisher: str
    frequency: str  # annual, quarterly, monthly
    geography: str  # country, police-force-area, upper-tier-authority, icb, csp-area


def add_indicator(b: Browser, indicator: NewIndicator) -> None:
    """From /outcomes: "Add an indicator of your own", fill it, add it; the browser is then on its page."""
    b.get("/outcomes")
    open_link(b, "Add an indicator of your own")
    expect_page(b, "/outcomes/indicators/new", "Add an indicator", "the 'Add an indicator of your own' link")
    b.type_into("indicator_id", indicator.id)
    b.type_into("name", indicator.name)
    b.type_into("definition", indicator.definition)
    b.choose("unit", indicator.unit)
    choose_radio(b, "polarity", indicator.polarity)
    b.type_into("source", indicator.source)
    b.type_into("publisher", indicator.publisher)
    b.choose("frequency", indicator.frequency)
    b.choose("geography", indicator.geography)
    b.click(b.button("Add the indicator"))
    expect_page(b, f"/outcomes/indicators/{indicator.id}", indicator.name, "adding an indicator")
    assert caption_above_h1(b) == "Indicator", caption_above_h1(b)
    assert summary_value(b, "Id") == indicator.id


def upload(b: Browser, kind: str, path: Path, dry_run: bool) -> None:
    """On /outcomes/import: chooses what the file holds, the file, and whether only to check it; presses Import."""
    expect_page(b, "/outcomes/import", what="the import form")
    choose_radio(b, "kind", kind)
    b.by_id("file").send_keys(str(path))  # what a file chooser does
    b.set_checkbox("dry_run", dry_run)
    b.click(b.button("Import"))
    assert b.path == "/outcomes/import", f"importing a file went to {b.path}"


def import_outcome(b: Browser) -> tuple[str, str] | None:
    """The confirmation panel (role=status) after an import: (its heading, its text), or None."""
    panels = b.find_all((By.CSS_SELECTOR, "main [role=status]"))
    if not panels:
        return None
    heading = panels[0].find_element(By.TAG_NAME, "h2").text.strip()
    text = " ".join(panels[0].find_element(By.TAG_NAME, "p").text.split())
    return heading, text


def values_table(b: Browser):
    """On an indicator's page, the table of every value held, or None."""
    found = tables_by_caption(b, "Every value held, by area and period; a revised figure lists each revision")
    return found[0] if found else None


def value_rows(b: Browser) -> dict[tuple[str, str], dict]:
    """On an indicator's page: {(area code, period): {"value", "published", "revisions": [...]}}."""
    table = values_table(b)
    if table is None:
        return {}
    rows = b.driver.execute_script(
        "return Array.from(arguments[0].querySelectorAll('tbody tr')).map(tr => {"
        " const cells = Array.from(tr.querySelectorAll(':scope > td, :scope > th'));"
        " const text = c => c.textContent.replace(/\\s+/g, ' ').trim();"
        " return {area: text(cells[0]), period: text(cells[1]), value: text(cells[2]), published: text(cells[3]),"
        "  revisions: cells[5].querySelector('li') ? Array.from(cells[5].querySelectorAll('li')).map(text) : [text(cells[5])]};"
        "});",
        table,
    )
    found = {}
    for row in rows:
        code = row["area"].rsplit("(", 1)[-1].rstrip(")") if row["area"].endswith(")") else row["area"]
        found[(code, row["period"])] = row
    return found


# --------------------------------------------------------------------------------------------
# Funding


def funding_form_values(b: Browser) -> dict:
    """What the funding stream form shows: each field's value, and the partnerships ticked (their labels)."""
    values = {name: b.by_id(name).get_attribute("value") for name in (
        "funder", "funder_name", "recipient_key", "purpose", "conditions", "reporting_dates",
        *(f"year_{i}" for i in range(1, 5)), *(f"amount_{i}" for i in range(1, 5)))}
    ticked = [b.find((By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")).text.strip()
              for box in b.find_all((By.CSS_SELECTOR, "main input[type=checkbox][name='partnership_keys[]']"))
              if box.is_selected()]
    values["partnerships"] = ticked
    return values


def stream_links(b: Browser, purpose: str) -> list[str]:
    """The paths the "Funding streams" table's links called `purpose` go to."""
    table = table_by_caption(b, "Funding streams")
    return [urlparse(a.get_attribute("href")).path
            for a in table.find_elements(By.XPATH, f".//tbody/tr/td[1]//a[normalize-space()={xpath_literal(purpose)}]")]
