"""Running a board's business the way a secretariat does: through the meeting pages.

Each function works through the real UI (links, forms, buttons) and checks that it landed where
the page promises; `keyboard=True` completes a form with the keyboard alone (see support.fill_form).

A secretariat user is made with the server's own CLI (`convene user add --role secretariat` and
`convene user grant`): Convene has no page for managing users. The CLI is the binary serving the
tests, run on its database; both are found from the environment (CONVENE_BIN, CONVENE_DATABASE)
or else from the `convene serve` process listening on CONVENE_BASE_URL's port.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import secrets
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from support import Browser, Field, fill_form, key_from_url, tab_to, xpath_literal

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def long_day(day: dt.date) -> str:
    """"2 March 2027", as Convene writes a day."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def when(day: dt.date, start: str, end: str) -> str:
    """"Tuesday 2 March 2027, 10:00 to 11:30", as the meeting lists write a meeting's time."""
    return f"{day.strftime('%A')} {long_day(day)}, {start} to {end}"


def end_time(start: str, minutes: int) -> str:
    h, m = map(int, start.split(":"))
    total = h * 60 + m + minutes
    return f"{total // 60:02d}:{total % 60:02d}"


def first_weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


# --------------------------------------------------------------------------------------------
# The server's CLI, for the one thing no page does: adding a secretariat user


@dataclass(frozen=True)
class Server:
    binary: str
    database: str


def find_server(base_url: str) -> Server:
    """The binary and database of the `convene serve` answering on base_url's port."""
    binary, database = os.environ.get("CONVENE_BIN"), os.environ.get("CONVENE_DATABASE")
    if binary and database:
        return Server(binary, database)
    port = str(urlparse(base_url).port)
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
            args = [a.decode() for a in args if a]
            if len(args) < 2 or args[1] != "serve" or "--port" not in args or "--database" not in args:
                continue
            if args[args.index("--port") + 1] != port:
                continue
            cwd = os.readlink(proc / "cwd")
            # A binary rebuilt while it runs reads as "… (deleted)"; the new one is at the same path.
            exe = os.readlink(proc / "exe").removesuffix(" (deleted)")
            db = args[args.index("--database") + 1]
            return Server(binary or exe, database or os.path.join(cwd, db))
        except (OSError, IndexError, UnicodeDecodeError):
            continue
    raise AssertionError(
        f"cannot find the `convene serve` process on port {port} (set CONVENE_BIN and CONVENE_DATABASE)"
    )


def add_secretariat_user(base_url: str, email: str, partnership_key: str) -> str:
    """Adds a secretariat user given one partnership, with the CLI; returns their password."""
    server = find_server(base_url)
    password = "browser-" + secrets.token_urlsafe(18)
    for args, stdin in (
        (["user", "add", email, "--role", "secretariat", "--password-stdin"], password + "\n"),
        (["user", "grant", email, partnership_key], None),
    ):
        done = subprocess.run([server.binary, *args, "--database", server.database], input=stdin,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, f"`convene {' '.join(args)}` failed ({done.returncode}): {done.stdout}{done.stderr}"
    return password


# --------------------------------------------------------------------------------------------
# Small moves


def open_link(b: Browser, text: str, keyboard: bool = False) -> None:
    """Follows a link (or a link styled as a button) in <main> by its visible text."""
    if keyboard:
        tab_to(b.driver, lambda e: e.tag_name == "a" and " ".join(e.text.split()) == text, f"the {text!r} link")
        b.press_enter()
    else:
        b.click(b.link(text, b.main()))


def press_button(b: Browser, text: str, within=None, keyboard: bool = False) -> None:
    """Presses the button whose own text is `text` (a visually hidden suffix aside) inside `within`
    (by default <main>)."""
    if keyboard:
        tab_to(b.driver, lambda e: e.tag_name == "button" and " ".join(e.text.split()) == text, f"the {text!r} button")
        b.press_enter()
    else:
        literal = xpath_literal(text)
        b.click((within or b.main()).find_element(
            By.XPATH, f".//button[normalize-space()={literal} or normalize-space(text())={literal}]"))


def expect_page(b: Browser, path: str | None = None, h1: str | None = None, what: str = "") -> None:
    b.assert_no_errors(what or (h1 or path or "the form"))
    if path is not None:
        assert b.path.split("#")[0].split("?")[0] == path, f"{what}: the browser is at {b.path}, not {path}"
    if h1 is not None:
        assert b.h1() == h1, f"{what}: the page's heading is {b.h1()!r}, not {h1!r}"


def checkbox_id(b: Browser, name: str, label: str) -> str:
    """The id of the checkbox or radio named `name` whose label is `label`."""
    box = b.find((By.XPATH, f"//input[@name={xpath_literal(name)}][following-sibling::label[1][normalize-space()={xpath_literal(label)}]]"))
    return box.get_attribute("id")


def section(b: Browser, heading_id: str):
    return b.find((By.CSS_SELECTOR, f"main section[aria-labelledby={heading_id}]"))


# --------------------------------------------------------------------------------------------
# Meetings


def schedule_series(b: Browser, partnership_key: str, name: str, first_day: dt.date, start: str, minutes: int,
                    repeats: str, count: int, place: str, keyboard: bool = False) -> int:
    """From the meetings page: "Schedule a series", fill it, and back on the meetings page."""
    b.get(f"/partnerships/{partnership_key}/meetings")
    open_link(b, "Schedule a series", keyboard)
    expect_page(b, f"/partnerships/{partnership_key}/series/new", "Schedule a series of meetings")
    fields = [
        Field("name", "text", name),
        Field("first_day", "text", first_day.isoformat()),
        Field("start", "text", start),
        Field("duration", "text", str(minutes)),
        Field("repeats", "select", repeats),
        Field("count", "text", str(count)),
        Field("in-person", "radio", name="format"),
        Field("place", "text", place),
    ]
    fill_form(b, fields, "Schedule the series", keyboard)
    expect_page(b, f"/partnerships/{partnership_key}/meetings", "Meetings", "scheduling a series")
    scheduled = re.search(r"scheduled=(\d+)", b.path)
    return int(scheduled.group(1)) if scheduled else -1


def schedule_meeting(b: Browser, partnership_key: str, name: str, day: dt.date, start: str, minutes: int, place: str,
                     keyboard: bool = False) -> str:
    """From the meetings page: "Schedule a meeting", fill it, save; returns the new meeting's key."""
    b.get(f"/partnerships/{partnership_key}/meetings")
    open_link(b, "Schedule a meeting", keyboard)
    expect_page(b, f"/partnerships/{partnership_key}/meetings/new", "Schedule a meeting")
    fill_form(b, [Field("name", "text", name), Field("date", "text", day.isoformat()), Field("start", "text", start),
                  Field("duration", "text", str(minutes)), Field("in-person", "radio", name="format"),
                  Field("place", "text", place), Field("scheduled", "radio", name="status")], "Save", keyboard)
    expect_page(b, h1=name, what="scheduling a meeting")
    assert b.path.startswith(f"/partnerships/{partnership_key}/meetings/"), b.path
    return key_from_url(b.driver.current_url)


def meeting_rows(b: Browser, heading_id: str = "upcoming") -> list[list[str]]:
    """The rows of the meetings table under the heading `heading_id` (upcoming or past) of a meetings page."""
    table = b.find_all((By.XPATH, f"//h2[@id={xpath_literal(heading_id)}]/following-sibling::*[1][self::table]"))
    return b.table_rows(table[0]) if table else []


def meeting_links(b: Browser, name: str) -> list[str]:
    """The hrefs of the links called `name` in the meetings tables, in order."""
    return [a.get_attribute("href") for a in b.find_all((By.CSS_SELECTOR, "main table a")) if a.text.strip() == name]


def item_key(b: Browser, title: str) -> str:
    """On a meeting page, the key of the agenda item called `title` (from its li's id)."""
    li = b.find((By.XPATH, f"//ol[contains(@class,'agenda')]/li[h3[normalize-space()={xpath_literal(title)}]]"))
    return li.get_attribute("id").removeprefix("item-")


@dataclass
class Item:
    title: str
    kind: str  # for-decision, for-discussion, for-information
    minutes: int
    presenter: str | None = None  # a person's key
    themes: tuple[str, ...] = ()


def add_item(b: Browser, item: Item, keyboard: bool = False) -> None:
    """On the agenda editor: fill "Add an item" and add it; back on the agenda editor."""
    path = b.path.split("#")[0]
    fields = [Field("title", "text", item.title), Field(item.kind, "radio", name="kind"),
              Field("duration", "text", str(item.minutes))]
    if item.presenter:
        fields.append(Field("presenter_key", "select", item.presenter))
    for theme in item.themes:
        fields.append(Field(checkbox_id(b, "themes[]", theme), "checkbox", True))
    fill_form(b, fields, "Add the item", keyboard)
    expect_page(b, path, what=f"adding the item {item.title!r}")


def agenda_titles(b: Browser) -> list[str]:
    """The items of the agenda editor's table, in order (their titles, without kind and presenter)."""
    return [row[1].splitlines()[0].strip() for row in b.table_rows(b.find((By.XPATH, "//main//table[caption[normalize-space()='Items']]")))]


def move_item(b: Browser, title: str, move: str) -> None:
    """Presses "Move up" (or "Move down") on the item's row of the agenda editor."""
    row = b.find((By.XPATH, f"//main//table//tr[td[contains(normalize-space(), {xpath_literal(title)})]]"))
    press_button(b, move, within=row)
    expect_page(b, what=f"{move} on {title!r}")


def record_attendance(b: Browser, statuses: dict[str, str], substitutes: dict[str, str], keyboard: bool = False) -> None:
    """On the attendance register: each member's status (present, apologies, substitute...), and for a
    member who sent a substitute, who came; then "Save attendance"."""
    fields = []
    for person, status in statuses.items():
        fields.append(Field(f"status-{person}", "select", status))
        if person in substitutes:
            fields.append(Field(f"substitute-{person}", "select", substitutes[person]))
    fill_form(b, fields, "Save attendance", keyboard)


# --------------------------------------------------------------------------------------------
# Calendar feeds, fetched as a calendar program would: no browser, no cookies


def fetch(url: str) -> tuple[int, str, str]:
    """(status, content type, body) of a plain GET."""
    request = urllib.request.Request(url, headers={"User-Agent": "Convene browser tests (calendar client)"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read().decode("utf-8", "replace")


def unfold(ics: str) -> str:
    """An iCalendar text with its folded lines (RFC 5545 3.1) joined again, and LF line ends."""
    return re.sub(r"\r?\n[ \t]", "", ics).replace("\r\n", "\n")


def ics_blocks(ics: str, kind: str) -> list[str]:
    return re.findall(rf"BEGIN:{kind}\n(.*?)END:{kind}", unfold(ics), flags=re.S)


# --------------------------------------------------------------------------------------------
# Seeing a control at all (axe leaves contrast "incomplete", not failed, for some of them)

CONTRAST_JS = """
const el = arguments[0];
const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
let node = el, background = null;
while (node && node.nodeType === 1) {
  const c = parse(getComputedStyle(node).backgroundColor);
  if (c.length >= 3 && (c.length < 4 || c[3] > 0)) { background = c; break; }
  node = node.parentElement;
}
return {color: parse(getComputedStyle(el).color), background: background || [255, 255, 255]};
"""


def _luminance(rgb) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(b: Browser, element) -> float:
    """The WCAG contrast ratio of an element's text against the background it is drawn on."""
    found = b.driver.execute_script(CONTRAST_JS, element)
    lighter, darker = sorted((_luminance(found["color"]), _luminance(found["background"])), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def unreadable(b: Browser, elements, what: str) -> list[str]:
    """A problem (as text) if any element's text has a contrast below 4.5:1 with its background (WCAG 1.4.3)."""
    poor = []
    for element in elements:
        ratio = contrast(b, element)
        if ratio < 4.5:
            poor.append(f"{' '.join(element.text.split())!r} ({ratio:.2f}:1)")
    if not poor:
        return []
    return [f"{what} on {b.path} cannot be seen: their text has a contrast below 4.5:1 with the background: {poor[:6]}"]
