"""Helpers for Convene's browser tests: the browser, the accessibility check, keyboard-only
form filling, focus visibility, HTTP statuses and screenshots.

Every page load made through `Browser` (``get``, ``click``, ``press_enter``, ``loads_page``)
is checked with axe: a "serious" or "critical" violation fails the test at once, and every
violation of any impact is recorded for the report printed at the end of the run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence
from urllib.parse import urljoin, urlparse

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import (
    NoSuchElementException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

FAILING_IMPACTS = ("critical", "serious")
IMPACT_ORDER = {"critical": 0, "serious": 1, "moderate": 2, "minor": 3, None: 4}
PAGE_TIMEOUT = 20


# --------------------------------------------------------------------------------------------
# The browser itself


def make_driver(chromium: str, chromedriver: str, width: int = 1280, height: int = 1024) -> webdriver.Chrome:
    """Headless Chromium driven by Debian's chromedriver; selenium-manager never runs."""
    os.environ["SE_OFFLINE"] = "true"  # no driver or browser downloads, whatever happens
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        "--lang=en-GB",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--password-store=basic",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(argument)
    # Chromium's password manager would otherwise offer to save (and warn about) passwords.
    options.add_experimental_option(
        "prefs",
        {
            "credentials_enable_service": False,
            "profile.password_manager_enabled": False,
            "profile.password_manager_leak_detection": False,
        },
    )
    # The performance log carries each document's HTTP status (WebDriver itself does not).
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    service = Service(executable_path=chromedriver)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(PAGE_TIMEOUT * 2)
    driver.set_script_timeout(60)
    return driver


# --------------------------------------------------------------------------------------------
# Accessibility


@dataclass
class Violation:
    rule: str
    impact: str | None
    help: str
    help_url: str
    url: str
    page: str
    targets: list[str]
    html: list[str]

    def line(self) -> str:
        shown = ", ".join(self.targets[:6]) + (f" (+{len(self.targets) - 6} more)" if len(self.targets) > 6 else "")
        return f"[{self.impact}] {self.rule} on {self.url} ({self.page}): {self.help} -> {shown}"


class AccessibilityError(AssertionError):
    """Raised when a page has a violation of a failing impact."""

    def __init__(self, violations: Sequence[Violation]):
        self.violations = list(violations)
        lines = "\n  ".join(v.line() for v in self.violations)
        super().__init__(f"{len(self.violations)} serious or critical accessibility violation(s):\n  {lines}")


@dataclass
class AccessibilityLog:
    """Every violation of every page checked in this run (any impact)."""

    violations: list[Violation] = field(default_factory=list)
    pages_checked: int = 0
    incomplete: dict[tuple[str, str], dict[str, int]] = field(default_factory=dict)  # (rule, impact) -> {path: nodes}
    axe_version: str = "?"
    # axe's raw findings by page content: a page whose HTML (less its CSRF tokens) was checked
    # before is not checked again; its findings are counted again for the page it is now.
    cache: dict[str, dict] = field(default_factory=dict)
    cache_hits: int = 0

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as out:
            out.write(
                f"axe-core {self.axe_version}; {self.pages_checked} page loads checked "
                f"({self.cache_hits} of them identical to a page checked before)\n\n"
            )
            for line in self.summary_lines():
                out.write(line + "\n")
            out.write("\nEvery violation, page by page:\n")
            for v in self.violations:
                out.write(v.line() + "\n")
                for snippet in v.html[:3]:
                    out.write(f"      {snippet}\n")

    def summary_lines(self) -> list[str]:
        """One line per rule, impact, page path (ids replaced) and target."""
        grouped: dict[tuple, set[str]] = {}
        for v in self.violations:
            path = urlparse(v.url).path or v.url[:40]
            for target in v.targets:
                grouped.setdefault((IMPACT_ORDER.get(v.impact, 9), v.impact, v.rule, target), set()).add(path)
        lines = []
        for (_, impact, rule, target), paths in sorted(grouped.items()):
            shown = sorted(paths)
            listed = ", ".join(shown[:5]) + (f" and {len(shown) - 5} more pages" if len(shown) > 5 else "")
            lines.append(f"[{impact}] {rule}: {target} on {listed}")
        if not lines:
            lines.append("no violations of any impact")
        for (rule, impact), paths in sorted(self.incomplete.items()):
            shown = sorted(paths)
            listed = ", ".join(shown[:4]) + (f" and {len(shown) - 4} more pages" if len(shown) > 4 else "")
            lines.append(
                f"(axe could not decide; not counted) [{impact}] {rule}: {sum(paths.values())} element(s) on {listed}"
            )
        return lines


class AccessibilityChecker:
    """Runs axe on the page the driver shows."""

    def __init__(self, driver: webdriver.Chrome, log: AccessibilityLog, fail_on: Iterable[str] = FAILING_IMPACTS):
        self.driver = driver
        self.log = log
        self.fail_on = tuple(fail_on)

    def run(self) -> dict:
        axe = Axe(self.driver)
        axe.inject()
        # Every rule runs; only the passes are left out of the results (which makes it faster).
        results = axe.run(options=json.dumps({"resultTypes": ["violations", "incomplete"]}))
        if results is not None and not (results.get("testEngine") or {}).get("version"):
            results["testEngine"] = {"version": self.driver.execute_script("return window.axe && axe.version")}
        if results is None:  # axe returned nothing: count it as a failure of the checker itself
            raise AssertionError(f"axe returned no results on {self.driver.current_url}")
        return results

    PAGE_FINGERPRINT_JS = (
        "return [window.innerWidth, window.innerHeight, location.href.split('#')[0],"
        " document.documentElement.outerHTML.replace(/name=\"csrf_token\" value=\"[^\"]*\"/g, '')].join('\\n');"
    )

    def violations(self, label: str = "") -> list[Violation]:
        fingerprint = hashlib.sha256(self.driver.execute_script(self.PAGE_FINGERPRINT_JS).encode()).hexdigest()
        results = self.log.cache.get(fingerprint)
        if results is None:
            results = self.run()
            self.log.cache[fingerprint] = {k: results.get(k) for k in ("violations", "incomplete", "testEngine", "url")}
        else:
            self.log.cache_hits += 1
        self.log.pages_checked += 1
        version = (results.get("testEngine") or {}).get("version")
        if version:
            self.log.axe_version = version
        url = results.get("url") or self.driver.current_url
        found = []
        for item in results.get("violations", []):
            found.append(
                Violation(
                    rule=item["id"],
                    impact=item.get("impact"),
                    help=item.get("help", ""),
                    help_url=item.get("helpUrl", ""),
                    url=url,
                    page=label or self.driver.title,
                    targets=[" ".join(map(str, node.get("target", []))) for node in item.get("nodes", [])],
                    html=[node.get("html", "")[:200] for node in item.get("nodes", [])],
                )
            )
        path = urlparse(url).path + (f"?{urlparse(url).query}" if urlparse(url).query else "")
        for item in results.get("incomplete", []):
            by_path = self.log.incomplete.setdefault((item["id"], item.get("impact") or "?"), {})
            by_path[path] = max(by_path.get(path, 0), len(item.get("nodes", [])))
        return found

    def check(self, label: str = "") -> list[Violation]:
        """Records every violation; raises AccessibilityError on a failing one."""
        found = self.violations(label)
        self.log.violations.extend(found)
        for v in found:
            print("axe:", v.line())
        failing = [v for v in found if v.impact in self.fail_on]
        if failing:
            raise AccessibilityError(failing)
        return found


# --------------------------------------------------------------------------------------------
# Pages


class Browser:
    """A person's browser: every page it loads is checked for accessibility."""

    def __init__(self, driver: webdriver.Chrome, base_url: str, checker: AccessibilityChecker, shots: Path):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.checker = checker
        self.shots = shots
        self.status: int | None = None
        self.check_accessibility = True

    # -- navigation ------------------------------------------------------------------------

    def url(self, path: str) -> str:
        if re.match(r"^(https?|data|file):", path):
            return path
        return urljoin(self.base_url + "/", path.lstrip("/"))

    @property
    def path(self) -> str:
        parsed = urlparse(self.driver.current_url)
        return parsed.path + (f"?{parsed.query}" if parsed.query else "")

    def get(self, path: str) -> "Browser":
        self.driver.get(self.url(path))
        self._loaded()
        return self

    @contextlib.contextmanager
    def loads_page(self):
        """Wraps an action (a click, Enter) that must load a new page; then checks it."""
        # A mark on the old page's window: the new page is the one without it, fully loaded.
        self.driver.execute_script("window.__conveneOldPage = true;")
        self.drain_log()
        yield

        def new_page_loaded(driver) -> bool:
            try:
                return driver.execute_script(
                    "return window.__conveneOldPage !== true && document.readyState === 'complete'"
                )
            except WebDriverException:  # the page is between documents
                return False

        try:
            WebDriverWait(self.driver, PAGE_TIMEOUT).until(new_page_loaded)
        except TimeoutException as error:
            raise AssertionError(f"no new page loaded after the action on {self.driver.current_url}") from error
        self._loaded()

    def click(self, element: WebElement | tuple) -> "Browser":
        element = self.find(element) if isinstance(element, tuple) else element
        with self.loads_page():
            element.click()
        return self

    def press_enter(self) -> "Browser":
        with self.loads_page():
            ActionChains(self.driver).send_keys(Keys.ENTER).perform()
        return self

    def _loaded(self) -> None:
        WebDriverWait(self.driver, PAGE_TIMEOUT).until(
            lambda d: d.execute_script("return document.readyState") == "complete"
        )
        self.status = self._document_status()
        if self.status is not None and self.status >= 500:
            raise AssertionError(f"the server answered {self.status} for {self.driver.current_url}:\n{self.main_text()[:2000]}")
        if self.check_accessibility:
            self.checker.check(self.driver.title)

    # -- HTTP status (from Chromium's performance log) -------------------------------------------

    def drain_log(self) -> list[dict]:
        try:
            return [json.loads(entry["message"])["message"] for entry in self.driver.get_log("performance")]
        except Exception:  # noqa: BLE001 - a driver without the log: statuses are unknown
            return []

    def _document_status(self) -> int | None:
        status = None
        for message in self.drain_log():
            if message.get("method") != "Network.responseReceived":
                continue
            params = message.get("params", {})
            if params.get("type") == "Document" and params.get("response", {}).get("url", "").startswith("http"):
                status = int(params["response"]["status"])
        return status

    def fetch_status(self, path: str) -> int:
        """The status of a GET made by the page itself (with its cookies), without navigating."""
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
            ".then(r => done(r.type === 'opaqueredirect' ? 303 : r.status)).catch(e => done(-1));",
            self.url(path),
        )

    # -- finding things --------------------------------------------------------------------

    def find(self, locator: tuple, within: WebElement | None = None) -> WebElement:
        return (within or self.driver).find_element(*locator)

    def find_all(self, locator: tuple, within: WebElement | None = None) -> list[WebElement]:
        return (within or self.driver).find_elements(*locator)

    def by_id(self, element_id: str) -> WebElement:
        return self.driver.find_element(By.ID, element_id)

    def link(self, text: str, within: WebElement | None = None) -> WebElement:
        return (within or self.driver).find_element(By.LINK_TEXT, text)

    def links(self, text: str, within: WebElement | None = None) -> list[WebElement]:
        return (within or self.driver).find_elements(By.LINK_TEXT, text)

    def button(self, text: str, within: WebElement | None = None) -> WebElement:
        return (within or self.driver).find_element(By.XPATH, button_xpath(text))

    def buttons(self, text: str, within: WebElement | None = None) -> list[WebElement]:
        return (within or self.driver).find_elements(By.XPATH, button_xpath(text))

    def h1(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "h1").text.strip()

    def main(self) -> WebElement:
        return self.driver.find_element(By.TAG_NAME, "main")

    def main_text(self) -> str:
        try:
            return self.main().text
        except NoSuchElementException:
            return self.driver.find_element(By.TAG_NAME, "body").text

    def error_summary(self) -> WebElement | None:
        found = self.driver.find_elements(By.CSS_SELECTOR, ".error-summary")
        return found[0] if found else None

    def assert_no_errors(self, what: str) -> None:
        """Fails with the error summary's text when the page shows one."""
        summary = self.error_summary()
        if summary is not None:
            raise AssertionError(f"{what} failed ({self.status}): {' | '.join(summary.text.splitlines())}")

    def undescribed_error(self, field: str) -> str | None:
        """A problem, if the field (or, for radios and checkboxes, their fieldset) is not described by its own error
        message #field-error, so that a screen reader hears the message with the field."""
        element = self.by_id(field)
        described = (element.get_attribute("aria-describedby") or "").split()
        for fieldset in element.find_elements(By.XPATH, "ancestor::fieldset[1]"):
            described += (fieldset.get_attribute("aria-describedby") or "").split()
        if f"{field}-error" in described:
            return None
        return (f"{self.path}: #{field} ({element.tag_name}) is not described by its error message "
                f"#{field}-error (aria-describedby of the field and its fieldset: {described})")

    def error_summary_links(self) -> list[tuple[str, str]]:
        summary = self.error_summary()
        if summary is None:
            return []
        return [(a.text.strip(), a.get_attribute("href")) for a in summary.find_elements(By.CSS_SELECTOR, "a")]

    def table_rows(self, within: WebElement | None = None) -> list[list[str]]:
        """The text of each cell of each body row of the tables in `within` (main by default)."""
        return self.driver.execute_script(
            "const scope = arguments[0];"
            "const rows = scope.matches('tr') ? [scope] : Array.from(scope.querySelectorAll('table tbody tr'));"
            "return rows.map(tr => Array.from(tr.querySelectorAll(':scope > th, :scope > td'))"
            ".map(c => c.innerText.replace(/[ \\t]+/g, ' ').trim()));",
            within or self.main(),
        )

    # -- forms (pointer) ---------------------------------------------------------------------

    def type_into(self, element_id: str, text: str) -> None:
        box = self.by_id(element_id)
        box.clear()
        box.send_keys(text)

    def choose(self, element_id: str, label: str) -> None:
        """Chooses (clicks) the option whose value or visible text is `label`."""
        element = self.by_id(element_id)
        option = element.find_element(By.XPATH, f"(.//option)[{option_index(element, label) + 1}]")
        if not option.is_selected():
            option.click()

    def choose_many(self, element_id: str, labels: Iterable[str]) -> None:
        """In a multiple select, clicks each wanted option that is not chosen yet."""
        element = self.by_id(element_id)
        for label in labels:
            option = element.find_element(By.XPATH, f"(.//option)[{option_index(element, label) + 1}]")
            if not option.is_selected():
                option.click()

    def set_checkbox(self, element_id: str, checked: bool = True) -> None:
        box = self.by_id(element_id)
        if box.is_selected() != checked:
            box.click()

    def checkbox_by_label(self, label: str) -> WebElement:
        return self.driver.find_element(
            By.XPATH, f"//label[normalize-space()={xpath_literal(label)}]/preceding-sibling::input[1]"
        )

    def submit_form(self, form: WebElement | None = None, label: str | None = None) -> "Browser":
        """Presses the form's submit button (its first, or the one labelled `label`)."""
        scope = form or self.main()
        if label:
            button = self.button(label, scope)
        else:
            button = scope.find_element(By.CSS_SELECTOR, "form button[type=submit], button[type=submit]")
        return self.click(button)

    # -- signing in and out --------------------------------------------------------------------

    def sign_in(self, email: str, password: str) -> "Browser":
        self.get("/sign-in")
        self.type_into("email", email)
        self.type_into("password", password)
        self.submit_form(label="Sign in")
        return self

    def sign_out(self) -> "Browser":
        return self.click(self.driver.find_element(By.XPATH, "//header" + button_xpath("Sign out", anywhere=False)))

    def signed_in_as(self) -> str | None:
        found = self.driver.find_elements(By.CSS_SELECTOR, "header a[href='/account/tokens']")
        return found[0].text.strip() if found else None

    # -- screenshots -------------------------------------------------------------------------

    def screenshot(self, name: str, max_height: int = 6000) -> Path:
        """A full-page-ish shot: the window is made as tall as the page first."""
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / (name if name.endswith(".png") else f"{name}.png")
        original = self.driver.get_window_size()
        height = self.driver.execute_script(
            "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)"
        )
        width = max(original["width"], 1280)
        scrolled = self.driver.execute_script("return [window.scrollX, window.scrollY]")
        self.driver.set_window_size(width, min(max(int(height) + 20, 600), max_height))
        self.driver.execute_script("window.scrollTo(0, 0)")
        time.sleep(0.15)
        self.driver.save_screenshot(str(path))
        self.driver.set_window_size(original["width"], original["height"])
        self.driver.execute_script("window.scrollTo(arguments[0], arguments[1])", *scrolled)
        return path


def xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def button_xpath(text: str, anywhere: bool = True) -> str:
    """A button whose visible text (without visually hidden extras) or whole text is `text`."""
    literal = xpath_literal(text)
    prefix = "//" if anywhere else "//"
    return (
        f"{prefix}button[normalize-space()={literal} or normalize-space(text())={literal}]"
        f" | {prefix}input[(@type='submit' or @type='button') and @value={literal}]"
    )


def key_from_url(url: str) -> str:
    return urlparse(url).path.rstrip("/").split("/")[-1]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --------------------------------------------------------------------------------------------
# Keyboard


FOCUS_STYLE_JS = r"""
const el = arguments[0] || document.activeElement;
if (!el || el === document.body || el === document.documentElement) return {none: true};
if (!el.dataset) return {none: true};
const seen = el.dataset.focusSeen === '1';
el.dataset.focusSeen = '1';
const props = ['outline-style', 'outline-width', 'outline-color', 'outline-offset', 'box-shadow',
               'background-color', 'color', 'border-top-color', 'border-bottom-color',
               'text-decoration-line', 'fill', 'stroke', 'stroke-width'];
const svg = el instanceof SVGElement;
// In SVG what shows is the shapes and text inside a link: their fill and stroke count too.
const shapes = svg ? Array.from(el.querySelectorAll('path, polygon, rect, ellipse, circle, text')).slice(0, 6) : [];
const snap = () => {
  const cs = getComputedStyle(el); const o = {};
  for (const p of props) o[p] = cs.getPropertyValue(p);
  shapes.forEach((s, i) => { const c = getComputedStyle(s);
    o['shape' + i] = [c.fill, c.stroke, c.strokeWidth, c.opacity].join(' '); });
  return o;
};
const focused = snap();
const wasActive = document.activeElement === el;
el.blur();
const unfocused = snap();
if (wasActive) el.focus({preventScroll: true});
return {focused, unfocused, seen, svg, tag: el.tagName.toLowerCase(),
        id: el.id || '', text: (el.textContent || el.value || '').trim().slice(0, 60),
        active: document.activeElement === el};
"""


def _transparent(color: str) -> bool:
    """True for a computed colour that shows nothing: transparent, or an alpha of 0."""
    color = color.replace(" ", "").lower()
    if color in ("", "transparent"):
        return True
    match = re.fullmatch(r"rgba\(([^)]*)\)", color)
    if match:
        parts = match.group(1).split(",")
        return len(parts) == 4 and float(parts[3] or 0) == 0
    return False


def focus_indicator(driver: webdriver.Chrome, element: WebElement | None = None) -> dict:
    """What changes on `element` (by default the focused one) when it has focus, as far as it can be seen.

    Returns {"visible": bool, "changes": [...], "element": description}. A change counts
    only if it can show: an outline that is drawn (style, width and an opaque colour), a box
    shadow, a background colour or border colour; on an SVG element (where backgrounds and
    shadows do not render) only an outline, or the fill or stroke of it or of the shapes inside it."""
    info = driver.execute_script(FOCUS_STYLE_JS, element)
    if info.get("none"):
        return {"visible": False, "none": True, "changes": [], "element": "nothing", "focused": {}, "seen": False}
    focused, unfocused = info["focused"], info["unfocused"]
    changes = []

    def outline_drawn(style: dict) -> bool:
        width = float(re.sub(r"[^0-9.]", "", style["outline-width"]) or 0)
        return style["outline-style"] not in ("none", "") and width > 0 and not _transparent(style["outline-color"])

    if outline_drawn(focused) and (
        not outline_drawn(unfocused)
        or any(focused[p] != unfocused[p] for p in ("outline-color", "outline-width", "outline-style"))
    ):
        changes.append(f"outline {focused['outline-style']} {focused['outline-width']} {focused['outline-color']}")
    if info["svg"]:
        for prop in [p for p in focused if p in ("fill", "stroke", "stroke-width") or p.startswith("shape")]:
            if focused[prop] != unfocused.get(prop):
                changes.append(f"{prop} {unfocused.get(prop)} -> {focused[prop]}")
    else:
        if focused["box-shadow"] not in ("none", "") and focused["box-shadow"] != unfocused["box-shadow"]:
            changes.append(f"box-shadow {focused['box-shadow']}")
        if focused["background-color"] != unfocused["background-color"] and not _transparent(focused["background-color"]):
            changes.append(f"background {unfocused['background-color']} -> {focused['background-color']}")
        for prop in ("border-top-color", "border-bottom-color"):
            if focused[prop] != unfocused[prop]:
                changes.append(f"{prop} {unfocused[prop]} -> {focused[prop]}")
    description = f"<{info['tag']}{' id=' + info['id'] if info['id'] else ''}> {info['text']!r}"
    return {"visible": bool(changes), "changes": changes, "element": description, "focused": focused,
            "seen": info["seen"], "none": False}


def assert_focus_visible(driver: webdriver.Chrome, element: WebElement | None = None) -> None:
    element = element or driver.switch_to.active_element
    result = focus_indicator(driver, element)
    assert result["visible"], (
        f"focus is not visible on {result['element']} at {driver.current_url}: its computed outline, box shadow, "
        f"background and border are the same focused and unfocused (focused style: {result['focused']})"
    )


def press(driver: webdriver.Chrome, *keys: str) -> None:
    ActionChains(driver).send_keys(*keys).perform()


def press_with(driver: webdriver.Chrome, modifier: str, key: str) -> None:
    ActionChains(driver).key_down(modifier).send_keys(key).key_up(modifier).perform()


def active(driver: webdriver.Chrome) -> WebElement:
    return driver.switch_to.active_element


def describe_active(driver: webdriver.Chrome) -> str:
    return driver.execute_script(
        "const e = document.activeElement; if (!e) return 'nothing';"
        "return '<' + e.tagName.toLowerCase() + (e.id ? ' id=' + e.id : '') + (e.name ? ' name=' + e.name : '') + '> '"
        " + JSON.stringify((e.textContent || e.value || '').trim().slice(0, 50));"
    )


def matches_active(driver: webdriver.Chrome, predicate: Callable[[WebElement], bool]) -> bool:
    try:
        return predicate(active(driver))
    except StaleElementReferenceException:
        return False


def tab_to(
    driver: webdriver.Chrome,
    predicate: Callable[[WebElement], bool],
    what: str,
    max_tabs: int = 120,
    check_focus: bool = True,
    reverse: bool = False,
) -> WebElement:
    """Presses Tab (Shift+Tab with `reverse`) until the focused element satisfies `predicate`;
    checks that its focus is visible."""
    trail = []
    for _ in range(max_tabs):
        if reverse:
            press_with(driver, Keys.SHIFT, Keys.TAB)
        else:
            press(driver, Keys.TAB)
        if matches_active(driver, predicate):
            element = active(driver)
            if check_focus:
                assert_focus_visible(driver, element)
            return element
        trail.append(describe_active(driver))
    raise AssertionError(f"Tab never reached {what} on {driver.current_url} after {max_tabs} presses; passed: {trail[-15:]}")


def has_id(element_id: str) -> Callable[[WebElement], bool]:
    return lambda e: e.get_attribute("id") == element_id


def has_name(name: str, value: str | None = None) -> Callable[[WebElement], bool]:
    return lambda e: e.get_attribute("name") == name and (value is None or e.get_attribute("value") == value)


def has_text(text: str, tag: str | None = None) -> Callable[[WebElement], bool]:
    def test(e: WebElement) -> bool:
        if tag and e.tag_name.lower() != tag:
            return False
        return " ".join(e.text.split()) == text or (e.get_attribute("value") or "") == text
    return test


def is_submit_button(label: str | None = None) -> Callable[[WebElement], bool]:
    def test(e: WebElement) -> bool:
        if e.tag_name.lower() != "button" or (e.get_attribute("type") or "submit") != "submit":
            return False
        return label is None or " ".join(e.text.split()) == label
    return test


@dataclass
class Field:
    """One thing to do in a form, by keyboard or pointer.

    kind: text, select, multiselect, checkbox, radio, file."""

    id: str
    kind: str
    value: object = None
    name: str | None = None  # radios: the group's name (id is then the wanted radio's value)


def fill_form(browser: Browser, fields: Sequence[Field], submit_label: str, keyboard: bool) -> Browser:
    """Fills a form and submits it, either by pointer (clicks) or with the keyboard only.

    By keyboard the fields must be given in their tab order: it Tabs from wherever focus is
    to each field in turn (checking each one shows visible focus), types, uses arrow keys and
    Space, and finally Tabs to the submit button and presses Enter."""
    driver = browser.driver
    if not keyboard:
        for f in fields:
            if f.kind == "text":
                browser.type_into(f.id, str(f.value))
            elif f.kind == "select":
                browser.choose(f.id, str(f.value))
            elif f.kind == "multiselect":
                browser.choose_many(f.id, list(f.value))
            elif f.kind == "checkbox":
                browser.set_checkbox(f.id, bool(f.value))
            elif f.kind == "radio":
                radio = driver.find_element(By.CSS_SELECTOR, f"input[type=radio][name='{f.name}'][value='{f.id}']")
                if not radio.is_selected():
                    radio.click()
            elif f.kind == "file":
                driver.find_element(By.ID, f.id).send_keys(str(f.value))
            else:
                raise ValueError(f.kind)
        return browser.submit_form(label=submit_label)

    for f in fields:
        if f.kind == "radio":
            element = tab_to(driver, lambda e, n=f.name: e.get_attribute("name") == n, f"a radio of {f.name}")
            for _ in range(12):
                if element.get_attribute("value") == f.id and element.is_selected():
                    break
                if element.get_attribute("value") == f.id:
                    press(driver, Keys.SPACE)
                else:
                    press(driver, Keys.ARROW_DOWN)
                element = active(driver)
            assert element.get_attribute("value") == f.id and element.is_selected(), f"could not choose {f.id} in {f.name}"
            continue
        element = tab_to(driver, has_id(f.id), f"#{f.id}")
        if f.kind == "text":
            press_with(driver, Keys.CONTROL, "a")
            press(driver, Keys.DELETE)
            if f.value:
                press(driver, str(f.value))
            assert element.get_attribute("value") == str(f.value), f"typing into #{f.id} gave {element.get_attribute('value')!r}"
        elif f.kind == "select":
            keyboard_choose(driver, element, str(f.value))
        elif f.kind == "multiselect":
            keyboard_choose_many(driver, element, list(f.value))
        elif f.kind == "checkbox":
            if element.is_selected() != bool(f.value):
                press(driver, Keys.SPACE)
            assert element.is_selected() == bool(f.value), f"Space did not toggle #{f.id}"
        elif f.kind == "file":
            # A file chooser is the operating system's; WebDriver types the path into the focused input.
            element.send_keys(str(f.value))
        else:
            raise ValueError(f.kind)
    tab_to(driver, is_submit_button(submit_label), f"the {submit_label!r} button")
    return browser.press_enter()


OPTIONS_JS = (
    "return Array.from(arguments[0].options).map(o => "
    "[o.getAttribute('value'), o.text.replace(/\\s+/g, ' ').trim(), o.selected]);"
)


def _options(select: WebElement) -> list[list]:
    """[value attribute, visible text, selected] of each option, in one round trip."""
    return select.parent.execute_script(OPTIONS_JS, select)


def option_index(select: WebElement, wanted: str) -> int:
    """The index of the option whose value, or else whose visible text, is `wanted`."""
    options = _options(select)
    for index, (value, _, _) in enumerate(options):
        if value == wanted:
            return index
    for index, (_, text, _) in enumerate(options):
        if text == wanted:
            return index
    raise AssertionError(
        f"#{select.get_attribute('id')} has no option {wanted!r}; it has {[t for _, t, _ in options][:15]}"
    )


def _chosen(select: WebElement) -> list[tuple[str, str]]:
    return [(value, text) for value, text, selected in _options(select) if selected]


def keyboard_choose(driver: webdriver.Chrome, select: WebElement, wanted: str) -> None:
    """Chooses an option of a focused (closed) select with Home and Down arrow presses."""
    index = option_index(select, wanted)
    press(driver, Keys.HOME)
    if index:
        press(driver, *([Keys.ARROW_DOWN] * index))
    chosen = _chosen(select)
    assert chosen and wanted in chosen[0], f"arrow keys chose {chosen}, not {wanted!r}"


def keyboard_choose_many(driver: webdriver.Chrome, select: WebElement, wanted: list[str]) -> None:
    """Chooses a contiguous run of options in a focused multiple select: Home, Down to the
    first, then Shift+Down to extend the choice (what a keyboard user does)."""
    indices = sorted(option_index(select, w) for w in wanted)
    first, last = indices[0], indices[-1]
    assert indices == list(range(first, last + 1)), f"choose a contiguous run of options, not {wanted}"
    press(driver, Keys.HOME)
    if first:
        press(driver, *([Keys.ARROW_DOWN] * first))
    for _ in range(last - first):
        press_with(driver, Keys.SHIFT, Keys.ARROW_DOWN)
    chosen = _chosen(select)
    assert len(chosen) == len(wanted) and all(any(w in pair for pair in chosen) for w in wanted), (
        f"the keyboard chose {chosen}, not {wanted}"
    )


def wait_for(driver: webdriver.Chrome, condition: Callable, timeout: float = 5, message: str = ""):
    return WebDriverWait(driver, timeout).until(condition, message)


def svg_links(driver: webdriver.Chrome, svg: WebElement) -> list[dict]:
    """The links of an inline SVG: [{"href", "title", "text"}] (Graphviz writes xlink:href)."""
    return driver.execute_script(
        "const xl = 'http://www.w3.org/1999/xlink';"
        "return Array.from(arguments[0].querySelectorAll('a')).map(a => ({"
        " href: a.getAttribute('href') || a.getAttributeNS(xl, 'href') || '',"
        " title: a.getAttribute('title') || a.getAttributeNS(xl, 'title') || '',"
        " text: (a.textContent || '').replace(/\\s+/g, ' ').trim()}));",
        svg,
    )
