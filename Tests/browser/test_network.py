"""Journeys for the network: what every workspace publishes, and the national tables computed from it.

1. Reading the national tables: from the overview, the navigation's "Network" (/network, "The network"): the table of
   published partnerships by workspace comes first and counts what the public API lists; then "The national tables":
   the table by force area (its columns as documented, a row a publishing force area, the last row "All publishing
   force areas" in bold, every numeric column of it, the estimated cost in pounds included, the sum of the rows
   above); the table by type and force area (the same force areas in the same order, its last row the column sums,
   each row's sum the first table's "Partnerships"); the SROs of CDPs by role (their CDPs adding up to the first
   table's CDPs); and "Force areas that publish nothing (N)" naming N force areas, none of them a row, the rows and
   the missing together being the police force areas the register knows (the force-area filter of /partnerships:
   43 for England and Wales). Each force area's "Partnerships" is what the public API lists for it, the ended
   (merged, discontinued, replaced) left out, fetched with the browser's own session.
2. Nothing private on the network: from the overview, the navigation's "Partnerships"; a partnership the public API
   does not list, whose page is tagged "Private"; the navigation's "Network" names it nowhere and links nowhere to it.

Every page loaded is checked with axe (support.Browser does it on each load). The demo landscape is loaded for the
run; nothing is made or changed here and every figure is read from the server on the day, so the suite can run twice
on one server (and after the other journeys have published what they publish).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import urlparse

from selenium.webdriver.common.by import By

from meetings_ui import expect_page
from outcomes_ui import column_headers, fetch_file, follow_nav, precedes, table_by_caption
from sharing_ui import options_of, rows_by_header
from support import Browser, xpath_literal
from surveys_ui import tags

WORKSPACES = "Published partnerships by workspace"
BY_AREA = "Partnerships, meetings and their estimated cost, and reviews, by force area"
BY_TYPE = "Partnerships by type and force area"
SROS = "Senior Responsible Owners of Combating Drugs Partnerships, by role"
BY_AREA_COLUMNS = ["Force area", "Partnerships", "CDPs", "Meetings a year", "Frequency not stated",
                   "Estimated cost a year", "Reviewed in the last five years"]
SRO_COLUMNS = ["Role", "CDPs", "Force areas"]
TOTAL = "All publishing force areas"
ENDED = {"merged", "discontinued", "replaced"}
FORCE_AREAS_OF_ENGLAND_AND_WALES = 43
PUBLIC_API = "/api/v1/public/partnerships"


# --------------------------------------------------------------------------------------------
# Reading the page


def whole(text: str, what: str) -> int:
    assert re.fullmatch(r"\d+", text), f"{what} reads {text!r}, not a whole number"
    return int(text)


def pence(text: str, what: str) -> int:
    """"£12,345" (or "£12,345.67") in pence."""
    match = re.fullmatch(r"£(\d{1,3}(?:,\d{3})*)(?:\.(\d{2}))?", text)
    assert match, f"{what} reads {text!r}, not an amount of money like '£12,345'"
    return int(match.group(1).replace(",", "")) * 100 + int(match.group(2) or 0)


def national_section(b: Browser):
    found = b.find_all((By.XPATH, "//main//section[h2[normalize-space()='The national tables']]"))
    assert len(found) == 1, f"/network has {len(found)} sections headed 'The national tables'"
    return found[0]


def area_rows(b: Browser, table, caption: str) -> tuple[list[dict[str, str]], dict[str, str]]:
    """A national table's force-area rows and its last row (the total), each {column: text}; the total must be the
    last row and the only one, its first cell in bold."""
    rows = rows_by_header(b, table)
    assert rows, f"{caption!r} has no rows"
    first = [r["Force area"] for r in rows]
    assert first[-1] == TOTAL, f"the last row of {caption!r} is {first[-1]!r}, not {TOTAL!r}"
    assert first.count(TOTAL) == 1, f"{caption!r} has {first.count(TOTAL)} rows called {TOTAL!r}"
    bold = table.find_elements(By.XPATH, "./tbody/tr[last()]/*[1]//strong")
    assert [" ".join(s.text.split()) for s in bold] == [TOTAL], (
        f"the first cell of the last row of {caption!r} is not {TOTAL!r} in <strong>: {[s.text for s in bold]}")
    assert len(set(first)) == len(first), f"{caption!r} names a force area twice: {Counter(first).most_common(3)}"
    return rows[:-1], rows[-1]


def missing_areas(b: Browser, section, known: list[str]) -> tuple[int, list[str], str]:
    """The "Force areas that publish nothing (N)" heading's N, the names its list gives (one an item, since a name
    such as "London, City of" holds a comma itself), and the text after the heading. Each name must be one the
    register knows."""
    headings = section.find_elements(By.XPATH, "./h3[starts-with(normalize-space(), 'Force areas that publish nothing')]")
    assert len(headings) == 1, f"the national tables have {len(headings)} 'Force areas that publish nothing' headings"
    heading = " ".join(headings[0].text.split())
    match = re.fullmatch(r"Force areas that publish nothing \((\d+)\)", heading)
    assert match, f"the heading reads {heading!r}, not 'Force areas that publish nothing (N)'"
    count = int(match.group(1))
    following = headings[0].find_elements(By.XPATH, "following-sibling::*[1]")
    assert following, "nothing follows 'Force areas that publish nothing'"
    text = " ".join(following[0].text.split())
    if count == 0:
        assert following[0].tag_name == "p", f"with none missing, a paragraph says so, not a {following[0].tag_name}"
        return count, [], text
    assert following[0].tag_name == "ul", f"the force areas that publish nothing are a {following[0].tag_name}, not a list"
    names = [" ".join(item.text.split()) for item in following[0].find_elements(By.XPATH, "./li")]
    for name in names:
        assert name in known, f"{name!r} in the force areas that publish nothing is not a force area the register knows"
    return count, names, text


# --------------------------------------------------------------------------------------------
# 1. The national tables


def test_the_national_tables_add_up_and_count_what_is_published(admin):
    admin.get("/")
    assert admin.path == "/", f"the overview is at {admin.path}"
    follow_nav(admin, "Network")
    expect_page(admin, "/network", "The network", "the navigation's Network link")

    # What each workspace publishes, and what the public API lists.
    api = fetch_file(admin, PUBLIC_API)
    assert api.status == 200, f"{PUBLIC_API} answered {api.status}: {api.text[:300]}"
    assert "json" in api.content_type, f"{PUBLIC_API} answered {api.content_type!r}"
    items = json.loads(api.text)["items"]
    assert items, f"{PUBLIC_API} lists nothing: the demo publishes its CDPs"
    for item in items:
        assert {"workspace", "key", "name", "type", "status"} <= set(item), f"{PUBLIC_API} lists {sorted(item)}"
    workspaces = table_by_caption(admin, WORKSPACES)
    listed = sum(whole(r["Published partnerships"], f"{r['Workspace']}'s published partnerships")
                 for r in rows_by_header(admin, workspaces))
    assert listed == len(items), f"{WORKSPACES!r} counts {listed} published partnerships; {PUBLIC_API} lists {len(items)}"

    section = national_section(admin)
    assert precedes(admin, workspaces, section), f"{WORKSPACES!r} does not come before the national tables"

    # By force area: the total is the sum of the rows.
    by_area = table_by_caption(admin, BY_AREA, section)
    assert column_headers(admin, by_area) == BY_AREA_COLUMNS, column_headers(admin, by_area)
    areas, total = area_rows(admin, by_area, BY_AREA)
    assert areas, f"{BY_AREA!r} has no force area: the demo publishes CDPs in several"

    def figure(row: dict[str, str], column: str) -> int:
        what = f"{BY_AREA!r}, {row['Force area']}, {column}"
        return pence(row[column], what) if column == "Estimated cost a year" else whole(row[column], what)

    sums = {column: sum(figure(r, column) for r in areas) for column in BY_AREA_COLUMNS[1:]}
    totals = {column: figure(total, column) for column in BY_AREA_COLUMNS[1:]}
    assert totals == sums, f"the last row of {BY_AREA!r} is {totals}; its rows add up to {sums}"
    partnerships = {r["Force area"]: figure(r, "Partnerships") for r in areas}
    for r in areas:
        name = r["Force area"]
        assert partnerships[name] > 0, f"{name} is a row of {BY_AREA!r} with no partnership"
        assert figure(r, "CDPs") <= partnerships[name], f"{name} has more CDPs than partnerships: {r}"
        assert figure(r, "Frequency not stated") <= partnerships[name], f"{name}: {r}"
        assert figure(r, "Reviewed in the last five years") <= partnerships[name], f"{name}: {r}"

    # By type: the same force areas, the total the column sums, each row's sum its Partnerships.
    by_type = table_by_caption(admin, BY_TYPE, section)
    headers = column_headers(admin, by_type)
    assert headers[0] == "Force area" and len(headers) > 1, f"{BY_TYPE!r} has the columns {headers}"
    types = headers[1:]
    assert len(set(types)) == len(types), f"{BY_TYPE!r} has a type twice: {types}"
    type_areas, type_total = area_rows(admin, by_type, BY_TYPE)
    assert [r["Force area"] for r in type_areas] == list(partnerships), (
        f"{BY_TYPE!r} lists the force areas {[r['Force area'] for r in type_areas]}, "
        f"not those of {BY_AREA!r}: {list(partnerships)}")
    counts = [{t: whole(r[t], f"{BY_TYPE!r}, {r['Force area']}, {t}") for t in types} for r in type_areas]
    column_sums = {t: sum(c[t] for c in counts) for t in types}
    shown_total = {t: whole(type_total[t], f"{BY_TYPE!r}, {TOTAL}, {t}") for t in types}
    assert shown_total == column_sums, f"the last row of {BY_TYPE!r} is {shown_total}; its columns add up to {column_sums}"
    row_sums = {r["Force area"]: sum(c.values()) for r, c in zip(type_areas, counts)}
    assert row_sums == partnerships, (
        f"the rows of {BY_TYPE!r} add up to {row_sums}, not the Partnerships of {BY_AREA!r}: {partnerships}")
    assert sum(shown_total.values()) == totals["Partnerships"], (
        f"{BY_TYPE!r} totals {sum(shown_total.values())}; {BY_AREA!r} {totals['Partnerships']}")
    cdp_columns = [t for t in types if t.startswith("Combating Drugs Partnership")]
    if cdp_columns:
        cdps_by_type = {r["Force area"]: c[cdp_columns[0]] for r, c in zip(type_areas, counts)}
        cdps = {r["Force area"]: figure(r, "CDPs") for r in areas}
        assert cdps_by_type == cdps, f"{BY_TYPE!r} counts the CDPs {cdps_by_type}; {BY_AREA!r} {cdps}"
    else:
        assert totals["CDPs"] == 0, f"{BY_TYPE!r} has no CDP column but {BY_AREA!r} counts {totals['CDPs']} CDPs"

    # The SROs of CDPs: their CDPs add up to the CDPs.
    sro_table = table_by_caption(admin, SROS, section)
    assert column_headers(admin, sro_table) == SRO_COLUMNS, column_headers(admin, sro_table)
    sros = rows_by_header(admin, sro_table)
    roles = [r["Role"] for r in sros]
    assert len(set(roles)) == len(roles), f"{SROS!r} names a role twice: {Counter(roles).most_common(3)}"
    sro_cdps = sum(whole(r["CDPs"], f"{SROS!r}, {r['Role']}, CDPs") for r in sros)
    assert sro_cdps == totals["CDPs"], f"{SROS!r} counts {sro_cdps} CDPs; {BY_AREA!r} {totals['CDPs']}"
    areas_with_cdps = sum(1 for r in areas if figure(r, "CDPs") > 0)
    for r in sros:
        spread = whole(r["Force areas"], f"{SROS!r}, {r['Role']}, Force areas")
        assert 1 <= spread <= min(whole(r["CDPs"], r["Role"]), areas_with_cdps), (
            f"{SROS!r}: {r['Role']} has {r['CDPs']} CDPs in {spread} force areas "
            f"({areas_with_cdps} force areas publish CDPs)")

    # Each force area's Partnerships is what the public API lists for it, less the ended.
    live = Counter(i.get("force_area_code") for i in items if i.get("force_area_code") and i["status"] not in ENDED)
    screenshot_of_network = admin.screenshot("network")
    follow_nav(admin, "Partnerships")
    expect_page(admin, "/partnerships", "Partnerships", "the navigation's Partnerships link")
    known_by_code = {code: name for code, name in options_of(admin, "force_area") if code}
    known = list(known_by_code.values())
    unknown = sorted(set(live) - set(known_by_code))
    assert not unknown, f"{PUBLIC_API} lists partnerships of force areas the register does not know: {unknown}"
    expected = {known_by_code[code]: n for code, n in live.items()}
    assert partnerships == expected, (
        f"{BY_AREA!r} counts the partnerships {partnerships}; {PUBLIC_API} lists, the ended left out, {expected}")

    # The force areas that publish nothing, and all of them together.
    follow_nav(admin, "Network")
    expect_page(admin, "/network", "The network", "the navigation's Network link, again")
    count, missing, text = missing_areas(admin, national_section(admin), known)
    assert count == len(missing), f"'Force areas that publish nothing ({count})' names {len(missing)}: {text!r}"
    assert len(set(missing)) == len(missing), f"a force area is named twice as publishing nothing: {text!r}"
    both = sorted(set(missing) & set(partnerships))
    assert not both, f"{both} publish nothing, yet are rows of {BY_AREA!r}"
    assert sorted(list(partnerships) + missing) == sorted(known), (
        f"the rows of {BY_AREA!r} and the force areas that publish nothing are not the register's force areas: "
        f"neither {sorted(set(known) - set(partnerships) - set(missing))}; "
        f"not known {sorted((set(partnerships) | set(missing)) - set(known))}")
    assert len(known) == FORCE_AREAS_OF_ENGLAND_AND_WALES, (
        f"the demo knows {len(known)} police force areas, not the {FORCE_AREAS_OF_ENGLAND_AND_WALES} of England "
        f"and Wales: {known}")
    assert len(partnerships) + count == FORCE_AREAS_OF_ENGLAND_AND_WALES, (
        f"{len(partnerships)} force areas publish and {count} publish nothing: "
        f"not the {FORCE_AREAS_OF_ENGLAND_AND_WALES} police force areas")
    print(f"network: {len(items)} published, {totals['Partnerships']} counted in {len(partnerships)} force areas, "
          f"{count} publish nothing ({text}); screenshot {screenshot_of_network}")


# --------------------------------------------------------------------------------------------
# 2. Nothing private on the network


def test_a_private_partnership_is_nowhere_on_the_network(admin):
    admin.get("/")
    api = fetch_file(admin, PUBLIC_API)
    assert api.status == 200, f"{PUBLIC_API} answered {api.status}"
    published = {i["name"] for i in json.loads(api.text)["items"]}

    # A partnership of the office's own register that the public API does not list.
    follow_nav(admin, "Partnerships")
    expect_page(admin, "/partnerships", "Partnerships", "the navigation's Partnerships link")
    chosen = None
    while chosen is None:
        table = table_by_caption(admin, "Partnerships")
        for link in table.find_elements(By.CSS_SELECTOR, "tbody tr > :first-child a"):
            name = " ".join(link.text.split())
            if name and name not in published and not any(name in p for p in published):
                chosen = link
                break
        if chosen is None:
            following = admin.find_all((By.CSS_SELECTOR, "main nav.pagination a[rel=next]"))
            assert following, "every partnership of the register is published: the demo keeps some private"
            admin.click(following[0])
    name = " ".join(chosen.text.split())
    path = urlparse(chosen.get_attribute("href")).path
    admin.click(chosen)
    expect_page(admin, path, what=f"the link to {name}")
    assert name in admin.h1(), f"{path} is headed {admin.h1()!r}, not {name!r}"
    shown = tags(admin)
    assert "Private" in shown and "Published" not in shown, f"{name}'s page is tagged {shown}, not 'Private'"
    key = path.rstrip("/").split("/")[-1]

    # The network names it nowhere and links nowhere to it.
    follow_nav(admin, "Network")
    expect_page(admin, "/network", "The network", "the navigation's Network link")
    text = " ".join(admin.main_text().split())
    assert name not in text, f"the private partnership {name!r} is named on /network"
    links = [(" ".join(a.text.split()), urlparse(a.get_attribute("href") or "").path)
             for a in admin.find_all((By.CSS_SELECTOR, "main a"))]
    leaks = [(t, p) for t, p in links if p.rstrip("/").split("/")[-1] == key and p.startswith(("/public/", "/partnerships/"))]
    assert not leaks, f"/network links to the private partnership {name!r}: {leaks}"
    listed = {t for t, p in links if p.startswith("/public/")}
    assert listed == published, (
        f"/network lists {len(listed)} partnerships, the public API {len(published)}: "
        f"only on the page {sorted(listed - published)[:5]}, only in the API {sorted(published - listed)[:5]}")
    admin.screenshot("network-no-private")
    found = admin.find_all((By.XPATH, f"//main//*[normalize-space(text())={xpath_literal(name)}]"))
    assert not found, f"/network shows {name!r} in {[e.tag_name for e in found]}"
