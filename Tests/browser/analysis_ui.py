"""Reading the analysis pages the way a person does, and the landscape the journeys analyse.

The landscape is imported with the server's own CLI (`convene import popolo FILE`): held meetings with
their attendance, a year back, are something no page makes in one go. It holds, each with run-unique ids
(the demo landscape is in the same database):

- a board (a forum) of 12 people on £50,000 in an office of the PCC (sector policing-governance), with four
  held meetings of two hours 30, 100, 170 and 240 days ago, each attended by all 12: 144 person-hours,
  £4,082.40 at the default 1,764 working hours a year, £85.05 an attendance;
- a person to triage, who chairs a second partnership (three held meetings) and is a member of a third
  (six held meetings), so that triage must attend the one and decide about the other.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from selenium.webdriver.common.by import By

from meetings_ui import find_server, long_day
from support import Browser, xpath_literal

SALARY = 50_000
BOARD_SIZE = 12
BOARD_DAYS_AGO = (30, 100, 170, 240)
CHAIRED_DAYS_AGO = (50, 140, 230)
MEMBER_DAYS_AGO = (20, 75, 130, 185, 245, 300)


@dataclass
class Meeting:
    key: str
    name: str
    day: dt.date


@dataclass
class Partnership:
    key: str
    name: str
    meetings: list[Meeting] = field(default_factory=list)


@dataclass
class Landscape:
    run: str
    office: tuple[str, str]  # the OPCC organisation: (key, name)
    council: tuple[str, str]
    board: Partnership
    board_people: list[tuple[str, str]]  # (key, name)
    chair: tuple[str, str]  # the person to triage
    chaired: Partnership  # chaired by `chair`
    membered: Partnership  # `chair` is just a member
    others: list[tuple[str, str]]  # the other members of the chaired and membered partnerships

    @property
    def partnerships(self) -> list[Partnership]:
        return [self.board, self.chaired, self.membered]


def build_landscape(run: str, today: dt.date) -> tuple[Landscape, dict]:
    """The landscape for this run and the Popolo JSON that makes it."""
    prefix = f"analysis-{run}"
    office = (f"{prefix}-opcc", f"Office of the Commissioner (analysis {run})")
    council = (f"{prefix}-council", f"Analysis journey council {run}")
    organizations = [
        {"id": office[0], "name": office[1], "classification": "sector:policing-governance"},
        {"id": council[0], "name": council[1], "classification": "sector:local-government"},
    ]
    persons, memberships, posts, events = [], [], [], []

    def person(key: str, name: str, title: str, organisation: str) -> tuple[str, str]:
        persons.append({"id": key, "name": name, "convene:role_title": title, "convene:organisation_id": organisation,
                        "convene:salary_band": SALARY})
        return key, name

    def meetings_of(p: Partnership, days_ago: tuple[int, ...], attendees: list[str], label: str) -> None:
        for n, ago in enumerate(sorted(days_ago, reverse=True), start=1):
            day = today - dt.timedelta(days=ago)
            meeting = Meeting(f"{p.key}-m{n}", f"{label} {n} ({run})", day)
            p.meetings.append(meeting)
            events.append({
                "id": meeting.key, "name": meeting.name, "organization_id": p.key, "status": "held",
                "start_date": f"{day.isoformat()}T09:00:00Z", "end_date": f"{day.isoformat()}T11:00:00Z",
                "attendees": [{"id": a, "convene:attendance": "present"} for a in attendees],
            })

    def partnership(key: str, name: str, purpose: str) -> Partnership:
        organizations.append({"id": key, "name": name, "classification": "partnership:forum",
                              "founding_date": "2020-01-01", "convene:status": "active", "convene:purpose": purpose})
        return Partnership(key, name)

    # The board: 12 people on £50,000, four two-hour meetings, everyone at each.
    board = partnership(f"{prefix}-board", f"Analysis cost board {run}", "A board whose cost the journeys audit")
    board_people = [person(f"{prefix}-lead-{n:02d}", f"Partnership lead {n:02d} ({run})", "Partnership lead", office[0])
                    for n in range(1, BOARD_SIZE + 1)]
    meetings_of(board, BOARD_DAYS_AGO, [k for k, _ in board_people], "Cost board")

    # The person to triage chairs one partnership and is a member of another.
    chair = person(f"{prefix}-chair", f"Triage chair ({run})", "Director of Community Safety", council[0])
    others = [person(f"{prefix}-member-{n}", f"Triage member {n} ({run})", "Community safety manager", council[0])
              for n in (1, 2)]
    chaired = partnership(f"{prefix}-chaired", f"Analysis chaired forum {run}", "A forum the triaged person chairs")
    membered = partnership(f"{prefix}-membered", f"Analysis member forum {run}", "A forum the triaged person sits on")
    posts.append({"id": f"{chaired.key}--chair", "label": "Chair", "role": "chair", "organization_id": chaired.key})
    memberships.append({"id": f"{chaired.key}-chair", "person_id": chair[0], "post_id": f"{chaired.key}--chair",
                        "organization_id": chaired.key, "start_date": "2020-01-01", "convene:voting": True})
    for p in (chaired, membered):
        roster = ([] if p is chaired else [chair]) + others
        for who in roster:
            memberships.append({"id": f"{p.key}-{who[0].rsplit('-', 1)[-1]}", "person_id": who[0], "organization_id": p.key,
                                "role": "member", "start_date": "2020-01-01", "convene:voting": True})
    everyone = [chair[0]] + [k for k, _ in others]
    meetings_of(chaired, CHAIRED_DAYS_AGO, everyone, "Chaired forum")
    meetings_of(membered, MEMBER_DAYS_AGO, everyone, "Member forum")

    landscape = Landscape(run, office, council, board, board_people, chair, chaired, membered, others)
    popolo = {"organizations": organizations, "persons": persons, "posts": posts, "memberships": memberships,
              "events": events}
    return landscape, popolo


def run_cli(base_url: str, *args: str, stdin: str | None = None) -> str:
    """Runs `convene ARGS --database DB` on the served database; returns its output, or fails with it."""
    server = find_server(base_url)
    # A binary rebuilt while it serves is "PATH (deleted)" in /proc; the new one at PATH is the one to run.
    binary = server.binary.removesuffix(" (deleted)")
    done = subprocess.run([binary, *args, "--database", server.database], input=stdin,
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, f"`convene {' '.join(args)}` failed ({done.returncode}): {done.stdout}{done.stderr}"
    return done.stdout + done.stderr


def import_popolo(base_url: str, popolo: dict) -> str:
    with tempfile.TemporaryDirectory(prefix="convene-analysis-") as folder:
        path = Path(folder) / "landscape.json"
        path.write_text(json.dumps(popolo, indent=1), encoding="utf-8")
        return run_cli(base_url, "import", "popolo", str(path))


# --------------------------------------------------------------------------------------------
# Reading the pages


def period_query(today: dt.date) -> str:
    """The 365 days to today, as the pages' own default period."""
    return f"from={(today - dt.timedelta(days=364)).isoformat()}&to={today.isoformat()}"


def table(b: Browser, caption: str):
    """The table of <main> whose caption is `caption` (or starts with it)."""
    found = b.find_all((By.XPATH, f"//main//table[caption[starts-with(normalize-space(), {xpath_literal(caption)})]]"))
    assert found, f"{b.path} has no table captioned {caption!r}; its captions: {captions(b)}"
    return found[0]


def captions(b: Browser) -> list[str]:
    return [c.text.strip() or c.get_attribute("textContent").strip() for c in b.find_all((By.CSS_SELECTOR, "main table caption"))]


def rows_by_first_cell(b: Browser, caption: str) -> dict[str, list[str]]:
    return {row[0]: row for row in b.table_rows(table(b, caption)) if row}


def summary(b: Browser) -> dict[str, str]:
    """The summary list of <main>: key → value text."""
    return b.driver.execute_script(
        "const out = {};"
        "document.querySelectorAll('main dl.summary-list .summary-list__row').forEach(r => {"
        " out[r.querySelector('dt').innerText.trim()] = r.querySelector('dd').innerText.replace(/\\s+/g, ' ').trim(); });"
        "return out;")


def chart(b: Browser, chart_id: str):
    """The chart `chart_id`: a figure holding an SVG with role img, labelled by its title and description."""
    svgs = b.find_all((By.XPATH, f"//main//figure/*[local-name()='svg'][@role='img'][@aria-labelledby='{chart_id}-title {chart_id}-desc']"))
    assert svgs, f"{b.path} has no chart {chart_id!r} (a figure with an SVG of role img)"
    return svgs[0]


def chart_title(b: Browser, chart_id: str) -> str:
    return b.driver.execute_script("const t = document.getElementById(arguments[0]); return t ? t.textContent : null;",
                                   f"{chart_id}-title")


CHART_FRAME_JS = r"""
const svg = arguments[0], vb = svg.viewBox.baseVal, out = [];
const inside = (b) => b.x >= vb.x - 0.5 && b.y >= vb.y - 0.5
    && b.x + b.width <= vb.x + vb.width + 0.5 && b.y + b.height <= vb.y + vb.height + 0.5;
svg.querySelectorAll('text, rect, circle').forEach(el => {
  const b = el.getBBox();
  if ((b.width === 0 && b.height === 0) || inside(b)) return;
  const title = el.querySelector('title');
  const what = el.tagName === 'text' ? JSON.stringify(el.textContent) : (title ? JSON.stringify(title.textContent) : el.tagName);
  out.push(`${el.tagName} ${what} at x ${Math.round(b.x)} to ${Math.round(b.x + b.width)}, y ${Math.round(b.y)} to ${Math.round(b.y + b.height)}`);
});
return {frame: `${vb.width} × ${vb.height}`, out};
"""


def chart_cut_off(b: Browser, chart_id: str) -> list[str]:
    """What the chart draws outside its own viewBox, where nobody sees it (text cut off, squares not shown);
    as one problem (text), or none."""
    found = b.driver.execute_script(CHART_FRAME_JS, chart(b, chart_id))
    if not found["out"]:
        return []
    shown = "; ".join(found["out"][:6]) + (f" (+{len(found['out']) - 6} more)" if len(found["out"]) > 6 else "")
    return [f"{b.path.split('?')[0]}: the chart {chart_id!r} draws {len(found['out'])} thing(s) outside its "
            f"{found['frame']} frame, so they are cut off: {shown}"]


HEAT_CELL_JS = r"""
const svg = arguments[0], vb = svg.viewBox.baseVal;
const rect = Array.from(svg.querySelectorAll('rect')).find(r => {
  const t = r.querySelector('title'); return t && t.textContent === arguments[1]; });
if (!rect) return null;
const b = rect.getBBox();
return {inside: b.x >= vb.x && b.x + b.width <= vb.x + vb.width && b.y >= vb.y && b.y + b.height <= vb.y + vb.height,
        x: b.x, right: b.x + b.width, frame: vb.width};
"""

SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def short_day(day: dt.date) -> str:
    """"19 Oct", as the heat maps label a week."""
    return f"{day.day} {SHORT_MONTHS[day.month - 1]}"


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def heat_cells_missing(b: Browser, chart_id: str, cells: list[str]) -> list[str]:
    """The squares of a heat map (by their titles, "ROW, 19 Oct: 1") that are not drawn where they can be seen."""
    svg = chart(b, chart_id)
    problems = []
    for title in cells:
        cell = b.driver.execute_script(HEAT_CELL_JS, svg, title)
        if cell is None:
            problems.append(f"{title!r}: no such square")
        elif not cell["inside"]:
            problems.append(f"{title!r}: drawn at x {cell['x']:.0f} to {cell['right']:.0f}, outside the "
                            f"{cell['frame']:.0f} wide frame, so it is not shown")
    return problems


def fetch_with_session(b: Browser, href: str) -> tuple[int, str, str, str]:
    """(status, content type, content disposition, body) of a GET made by the page with its session cookie."""
    return tuple(b.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {credentials: 'same-origin'})"
        ".then(r => r.text().then(t => done([r.status, r.headers.get('Content-Type') || '',"
        " r.headers.get('Content-Disposition') || '', t])))"
        ".catch(e => done([-1, '', '', String(e)]));",
        b.url(href)))


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def meeting_heading(m: Meeting) -> str:
    """A meeting's heading on the cost evidence page: "NAME, 2 March 2027"."""
    return f"{m.name}, {long_day(m.day)}"
