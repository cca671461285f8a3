"""Journeys for strategies and duplication: an OPCC policy officer browses Bedfordshire's strategies down to
their priorities, adds a strategy (mistakes first) and changes it, adds one with the keyboard alone, gives the Police
and Crime Plan a new priority that a partnership's priority then carries and sees the alignment matrix follow, reads
the gaps and downloads the matrix; the duplication analyses find two forums with the same members discussing the same
thing; the landscape picture overlays the partnerships sharing members; and a viewer reads it all but changes nothing.

The demo's strategies are Bedfordshire's (see strategies_ui). The journeys add their own strategies and priorities,
with run-unique names, and change none of the demo's; the duplication journeys import two forums with the CLI, as the
analysis journeys do (strategies_ui.build_shared_landscape).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from selenium.webdriver.common.by import By

from analysis_ui import (
    chart,
    chart_cut_off,
    chart_title,
    fetch_with_session,
    import_popolo,
    read_csv,
    rows_by_first_cell,
    summary,
    table,
)
from meetings_ui import Item, add_item, agenda_titles, checkbox_id, expect_page, long_day, open_link
from strategies_ui import (
    BEDFORD,
    BEDFORD_CSP,
    BEDFORD_CSP_NAME,
    BEDFORD_NAME,
    DEMO_STRATEGIES,
    DRUGS,
    DRUGS_NAME,
    FRAMEWORKS,
    MATRIX_GROUPS,
    OBJECTIVES,
    OPCC,
    OPCC_NAME,
    PLAN,
    PLAN_NAME,
    PLAN_PRIORITIES,
    SERIOUS_HARM_BOARD,
    SERIOUS_HARM_BOARD_NAME,
    SharedLandscape,
    build_shared_landscape,
    caption_l,
    check_error_summary,
    lead,
    lines,
    list_after,
    matrix,
    priority_rows,
    priority_titles,
)
from support import Browser, Field, fill_form, slug, tab_to, xpath_literal

ALIGNMENT = "Alignment with the plan and the national frameworks"
ALIGN_LINK = "See how they align with the plan and the national frameworks"
COVERAGE = "Plan priorities and the partnerships and organisations carrying them"
WEST_YORKSHIRE = "E23000010"


@pytest.fixture(scope="module")
def shared(settings) -> SharedLandscape:
    built, popolo = build_shared_landscape(settings.run_id, dt.date.today())
    output = import_popolo(settings.base_url, popolo)
    assert "meeting: 2 new" in output, f"the import did not add the two meetings: {output}"
    return built


def go_to_strategies(b: Browser) -> None:
    """From any page: Strategies in the site navigation."""
    b.click(b.find((By.CSS_SELECTOR, "header nav[aria-label=Main] a[href='/strategies']")))
    expect_page(b, "/strategies", "Strategies", "the Strategies link in the site navigation")


def go_to_analysis(b: Browser, page: str) -> None:
    """From any page: Analysis in the site navigation, then one analysis by its link."""
    b.click(b.find((By.CSS_SELECTOR, "header nav[aria-label=Main] a[href='/analysis']")))
    expect_page(b, "/analysis", "Analysis", "the Analysis link in the site navigation")
    open_link(b, page)


def strategies_table(b: Browser):
    """The list of strategies (its caption counts them): the table and its rows by name."""
    t = table(b, "")
    return t, {row[0]: row for row in b.table_rows(t) if row}


def back_to_strategies(b: Browser) -> None:
    b.click(b.link("Strategies", b.find((By.CSS_SELECTOR, "nav.breadcrumbs"))))
    expect_page(b, "/strategies", "Strategies", "the Strategies breadcrumb")


def change_link(b: Browser, title: str):
    """The "Change" link of a priority's row ("Change TITLE" with its visually hidden end)."""
    found = [a for a in b.find_all((By.CSS_SELECTOR, "main table a[href$='/edit']"))
             if " ".join(a.get_attribute("textContent").split()) == f"Change {title}"]
    assert found, f"the priorities table has no link 'Change {title}'"
    return found[0]


def post_status(b: Browser, path: str, fields: dict[str, str]) -> int:
    """The status of a form POST made by the page with its own session and form token (a redirect reads as 303)."""
    token = b.find((By.CSS_SELECTOR, "header form input[name=csrf_token]")).get_attribute("value")
    return b.driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch(arguments[0], {method: 'POST', credentials: 'same-origin', redirect: 'manual',"
        " body: new URLSearchParams(Object.assign({csrf_token: arguments[1]}, arguments[2]))})"
        ".then(r => done(r.type === 'opaqueredirect' ? 303 : r.status)).catch(e => done(-1));",
        b.url(path), token, fields)


def csv_header(body: str) -> list[str]:
    return next(csv.reader(io.StringIO(body)))


# --------------------------------------------------------------------------------------------
# Journey 1: browse the strategies down to a strategy's priorities


def test_browse_the_strategies_to_a_strategy_and_its_priorities(admin):
    b = admin
    b.get("/")
    go_to_strategies(b)
    t, rows = strategies_table(b)
    caption = t.find_element(By.TAG_NAME, "caption").text.strip()
    counted = re.fullmatch(r"(\d+) strategies with (\d+) priorities", caption)
    assert counted, f"the list's caption is {caption!r}"
    assert int(counted.group(1)) == len(rows), (caption, list(rows))
    assert int(counted.group(2)) == sum(int(r[5]) for r in rows.values()), (caption, [r[5] for r in rows.values()])
    for name, (kind, owner, period, status) in DEMO_STRATEGIES.items():
        assert name in rows, f"the list has no {name!r}: {list(rows)}"
        assert rows[name][1:5] == [kind, owner, period, status], rows[name]
    assert rows[DRUGS_NAME][5] == "4" and int(rows[PLAN_NAME][5]) >= len(PLAN_PRIORITIES), (rows[DRUGS_NAME], rows[PLAN_NAME])
    assert urlparse(b.link(ALIGN_LINK, b.main()).get_attribute("href")).path == "/strategies/alignment"
    assert b.links("Add a strategy", b.main()), "an editor is not offered 'Add a strategy'"
    assert b.link(OPCC_NAME, t).get_attribute("href").endswith(f"/organisations/{OPCC}")
    b.screenshot("strategies")

    # The Police and Crime Plan: its summary and its six priorities, in its own order.
    b.click(b.link(PLAN_NAME, t))
    expect_page(b, f"/strategies/{PLAN}", PLAN_NAME, "the plan's link")
    assert caption_l(b) == "Police and Crime Plan", caption_l(b)
    facts = summary(b)
    assert facts == {"Owner": OPCC_NAME, "Period": "1 April 2024 to 31 March 2028", "Status": "Active",
                     "Document": "Not recorded"}, facts
    titles = priority_titles(b)
    assert titles[:6] == PLAN_PRIORITIES, titles
    assert len(titles) == int(rows[PLAN_NAME][5]), f"the list counts {rows[PLAN_NAME][5]} priorities, the plan shows {titles}"
    prevention = priority_rows(b)["Prevention"]
    assert lines(prevention[0]) == ["Prevention", "Stop crime before it happens, with partners, in the places and families most at risk"]
    assert prevention[1:3] == ["prevention", "Fewer first-time entrants to the youth justice system"], prevention
    assert lines(prevention[3]) == ["Achieve a generational shift in the demand for drugs"], prevention[3]
    assert priority_rows(b)["Reinvigorating local policing"][2:4] == ["Not recorded", "Nothing linked"]
    b.screenshot("strategy-plan")

    # A partnership's strategy: what each priority carries of the plan and the national objectives.
    back_to_strategies(b)
    b.click(b.link(DRUGS_NAME, strategies_table(b)[0]))
    expect_page(b, f"/strategies/{DRUGS}", DRUGS_NAME, "the combating drugs strategy's link")
    assert caption_l(b) == "Partnership strategy"
    assert summary(b)["Owner"] == SERIOUS_HARM_BOARD_NAME, summary(b)
    assert priority_titles(b) == ["Break drug supply chains and county lines", "Deliver a world-class treatment and recovery system",
                                  "More referrals into treatment from the criminal justice system", "Reduce drug use among young people"]
    supply = priority_rows(b)["Break drug supply chains and county lines"]
    assert lines(supply[0])[1:] == ["Target the middle market and roll up county lines with the police"], supply[0]
    assert supply[1] == "drugs" and lines(supply[2]) == ["County lines closed", "Drug-related homicides"], supply
    assert lines(supply[3]) == ["Plan: Tackling serious crime", "Break drug supply chains", "Rolling up county lines"], supply[3]
    young = priority_rows(b)["Reduce drug use among young people"]
    assert lines(young[3]) == ["Plan: Prevention", "Delivering school-based prevention and early intervention"], young[3]
    # An editor may change each priority, add one, and change the strategy.
    assert change_link(b, "Break drug supply chains and county lines").get_attribute("href").endswith(
        f"/strategies/{DRUGS}/priorities/{DRUGS}-supply/edit")
    assert b.links("Add a priority", b.main()) and b.links("Change the strategy", b.main())
    b.screenshot("strategy-partnership")

    # Its owner's link leads to the partnership.
    b.click(b.link(SERIOUS_HARM_BOARD_NAME, b.main()))
    expect_page(b, f"/partnerships/{SERIOUS_HARM_BOARD}", SERIOUS_HARM_BOARD_NAME, "the strategy's owner")


# --------------------------------------------------------------------------------------------
# Journey 2: add a strategy, with mistakes first, and change it


def test_add_a_strategy_with_mistakes_and_correct_them(admin, settings):
    b = admin
    name = f"Bedford road safety strategy {settings.run_id}"
    key = slug(name)
    document = "https://www.example.gov.uk/bedford-road-safety.pdf"
    b.get("/strategies")
    open_link(b, "Add a strategy")
    expect_page(b, "/strategies/new", "Add a strategy", "'Add a strategy'")
    assert b.by_id("status").get_attribute("value") == "active", "a new strategy is not active to begin with"
    assert b.by_id("owner").get_attribute("value") == "", "the owner is chosen before anyone chose it"

    # No name, and the Police and Crime Plan given to a partnership.
    fill_form(b, [Field("police-and-crime-plan", "radio", name="kind"), Field("owner", "select", f"partnership:{BEDFORD_CSP}"),
                  Field("starts_on", "text", "2025-04-01"), Field("ends_on", "text", "2028-03-31"),
                  Field("document_url", "text", document)], "Save", keyboard=False)
    found = check_error_summary(b, "Add a strategy")
    assert found == [
        ("Enter the strategy's name", "name"),
        ("The Police and Crime Plan is the PCC's plan: choose the organisation that owns it (the OPCC), not a partnership", "owner"),
    ], found
    assert b.find((By.CSS_SELECTOR, "input[name=kind][value=police-and-crime-plan]")).is_selected(), "the kind chosen was lost"
    kept = {f: b.by_id(f).get_attribute("value") for f in ("owner", "status", "starts_on", "ends_on", "document_url")}
    assert kept == {"owner": f"partnership:{BEDFORD_CSP}", "status": "active", "starts_on": "2025-04-01", "ends_on": "2028-03-31",
                    "document_url": document}, f"what was typed was not kept: {kept}"
    b.screenshot("strategy-form-errors")

    # Corrected: a name, and a partnership strategy.
    fill_form(b, [Field("name", "text", name), Field("partnership-strategy", "radio", name="kind")], "Save", keyboard=False)
    expect_page(b, f"/strategies/{key}", name, "saving the corrected strategy")
    assert caption_l(b) == "Partnership strategy"
    facts = summary(b)
    assert facts == {"Owner": BEDFORD_CSP_NAME, "Period": "1 April 2025 to 31 March 2028", "Status": "Active", "Document": document}, facts
    assert b.link(BEDFORD_CSP_NAME, b.main()).get_attribute("href").endswith(f"/partnerships/{BEDFORD_CSP}")
    assert b.link(document, b.main()).get_attribute("href") == document
    assert "No priorities are recorded for this strategy yet." in b.main_text()
    back_to_strategies(b)
    t, rows = strategies_table(b)
    assert rows.get(name) == [name, "Partnership strategy", BEDFORD_CSP_NAME, "1 April 2025 to 31 March 2028", "Active", "0"], rows.get(name)

    # Changed: the form shows what was saved; it expires.
    b.click(b.link(name, t))
    open_link(b, "Change the strategy")
    expect_page(b, f"/strategies/{key}/edit", f"Change {name}", "'Change the strategy'")
    assert b.by_id("name").get_attribute("value") == name
    assert b.find((By.CSS_SELECTOR, "input[name=kind][value=partnership-strategy]")).is_selected()
    assert b.by_id("owner").get_attribute("value") == f"partnership:{BEDFORD_CSP}"
    assert b.by_id("document_url").get_attribute("value") == document
    fill_form(b, [Field("status", "select", "expired")], "Save", keyboard=False)
    expect_page(b, f"/strategies/{key}", name, "changing the strategy")
    assert summary(b)["Status"] == "Expired", summary(b)
    back_to_strategies(b)
    assert strategies_table(b)[1][name][4] == "Expired"


# --------------------------------------------------------------------------------------------
# Journey 3: a strategy and its priority with the keyboard alone


def test_add_a_delivery_plan_and_its_priority_with_the_keyboard_only(admin, settings):
    b = admin
    name = f"Bedford night-time economy delivery plan {settings.run_id}"
    key = slug(name)
    b.get("/strategies")
    open_link(b, "Add a strategy", keyboard=True)
    expect_page(b, "/strategies/new", "Add a strategy", "'Add a strategy' by keyboard")
    fill_form(b, [Field("name", "text", name), Field("delivery-plan", "radio", name="kind"),
                  Field("owner", "select", f"partnership:{BEDFORD_CSP}"), Field("status", "select", "draft"),
                  Field("starts_on", "text", "2026-04-01"), Field("ends_on", "text", "2027-03-31")], "Save", keyboard=True)
    expect_page(b, f"/strategies/{key}", name, "saving the strategy by keyboard")
    assert caption_l(b) == "Delivery plan"
    facts = summary(b)
    assert (facts["Owner"], facts["Period"], facts["Status"]) == (BEDFORD_CSP_NAME, "1 April 2026 to 31 March 2027", "Draft"), facts

    open_link(b, "Add a priority", keyboard=True)
    expect_page(b, f"/strategies/{key}/priorities/new", "Add a priority", "'Add a priority' by keyboard")
    title = f"Safer nights in Bedford town centre ({settings.run_id})"
    description = "Street pastors, taxi marshals and licensed premises working together"
    measures = ["Violent crime in the town centre at night", "Repeat calls to licensed premises"]
    objective = "Serious Violence Duty: Work together to prevent and reduce serious violence"
    fill_form(b, [
        Field("title", "text", title),
        Field("description", "text", description),
        Field("theme", "text", "night-time economy"),
        Field("measures", "text", "\n".join(measures)),
        Field(checkbox_id(b, "plan_priority_keys[]", "Prevention"), "checkbox", True),
        Field(checkbox_id(b, "framework_objective_keys[]", objective), "checkbox", True),
    ], "Save", keyboard=True)
    expect_page(b, f"/strategies/{key}", name, "adding the priority by keyboard")
    assert urlparse(b.driver.current_url).fragment == "priorities", b.driver.current_url
    row = priority_rows(b).get(title)
    assert row, f"the new priority is not in the table: {priority_titles(b)}"
    assert lines(row[0]) == [title, description], row[0]
    assert row[1] == "night-time economy" and lines(row[2]) == measures, row
    assert lines(row[3]) == ["Plan: Prevention", "Work together to prevent and reduce serious violence"], row[3]
    b.screenshot("strategy-keyboard")


# --------------------------------------------------------------------------------------------
# Journey 4: a new plan priority, a partnership's priority carrying it, and the matrix


def test_a_priority_carrying_the_plan_and_harm_to_hope_shows_in_the_matrix(admin, settings):
    b, run = admin, settings.run_id
    plan_title = f"Safer streets ({run})"
    title = f"Close down street dealing in Bedford ({run})"
    objective = "Tackling the retail market"

    # The plan's own priority carries no plan priority: its form does not offer any.
    b.get(f"/strategies/{PLAN}")
    open_link(b, "Add a priority")
    expect_page(b, f"/strategies/{PLAN}/priorities/new", "Add a priority", "the plan's 'Add a priority'")
    legends = [legend.text.strip() for legend in b.find_all((By.CSS_SELECTOR, "main form legend"))]
    assert legends == ["National framework objectives it carries"], f"the plan's priority form asks for {legends}"
    assert not b.find_all((By.CSS_SELECTOR, "input[name='plan_priority_keys[]']"))
    fill_form(b, [Field("title", "text", plan_title), Field("theme", "text", "neighbourhoods")], "Save", keyboard=False)
    expect_page(b, f"/strategies/{PLAN}", PLAN_NAME, "adding a priority to the plan")
    assert urlparse(b.driver.current_url).fragment == "priorities", b.driver.current_url
    assert priority_titles(b)[-1] == plan_title, f"the new priority is not last: {priority_titles(b)}"
    assert priority_rows(b)[plan_title][1:4] == ["neighbourhoods", "Not recorded", "Nothing linked"]

    # No partnership carries it yet.
    b.get("/strategies/alignment")
    assert plan_title in list_after(b, "Plan priorities no partnership carries")
    assert rows_by_first_cell(b, COVERAGE)[plan_title] == [plan_title, "Nobody", "0"]
    assert plan_title in matrix(b, MATRIX_GROUPS[0]).columns

    # Bedford's community safety plan takes it on, with a Harm to Hope objective.
    b.get(f"/strategies/{BEDFORD}")
    open_link(b, "Add a priority")
    expect_page(b, f"/strategies/{BEDFORD}/priorities/new", "Add a priority", "Bedford's 'Add a priority'")
    plan_box = checkbox_id(b, "plan_priority_keys[]", plan_title)
    objective_box = checkbox_id(b, "framework_objective_keys[]", f"Harm to Hope: {objective}")
    measures = ["Reports of street dealing in Bedford town centre", "Closure orders on dealing addresses"]
    fill_form(b, [Field("title", "text", title), Field("description", "text", "Neighbourhood policing and the council together"),
                  Field("theme", "text", "drugs"), Field("measures", "text", "\n".join(measures)),
                  Field(plan_box, "checkbox", True), Field(objective_box, "checkbox", True)], "Save", keyboard=False)
    expect_page(b, f"/strategies/{BEDFORD}", BEDFORD_NAME, "adding Bedford's priority")
    assert priority_titles(b)[-1] == title, f"the new priority is not last: {priority_titles(b)}"
    row = priority_rows(b)[title]
    assert row[1] == "drugs" and lines(row[2]) == measures, row
    assert lines(row[3]) == [f"Plan: {plan_title}", objective], row[3]
    b.screenshot("strategy-priority-added")

    # The alignment page follows.
    back_to_strategies(b)
    open_link(b, ALIGN_LINK)
    expect_page(b, "/strategies/alignment", ALIGNMENT, "the alignment link")
    gaps = list_after(b, "Plan priorities no partnership carries")
    assert plan_title not in gaps, f"{plan_title!r} is still a gap: {gaps}"
    objective_gaps = list_after(b, "National objectives no priority carries")
    assert f"{objective} (Harm to Hope)" not in objective_gaps, objective_gaps
    assert rows_by_first_cell(b, COVERAGE)[plan_title] == [plan_title, BEDFORD_CSP_NAME, f"{title} ({BEDFORD_NAME})"]
    plan = matrix(b, MATRIX_GROUPS[0])
    assert plan.marks(title) == {plan_title: "Carries"}, plan.marks(title)
    assert plan.row(title)["href"] == f"/strategies/{BEDFORD}#priorities" and plan.row(title)["strategy"] == BEDFORD_NAME, plan.row(title)
    harm_to_hope = matrix(b, "From Harm to Hope")
    assert harm_to_hope.marks(title) == {"Break drug supply chains": "In part", objective: "Carries"}, harm_to_hope.marks(title)
    assert harm_to_hope.row(plan_title) is None, "the plan's new priority, linked to nothing, has a row in the Harm to Hope table"
    assert matrix(b, "Serious Violence Duty").row(title) is None
    b.screenshot("alignment-after")

    # Changing the priority: the form shows what it carries, and a change keeps it once, in its place.
    b.get(f"/strategies/{BEDFORD}")
    b.click(change_link(b, title))
    expect_page(b, None, f"Change {title}", "the priority's Change link")
    assert re.fullmatch(rf"/strategies/{BEDFORD}/priorities/[a-z0-9-]+/edit", b.path), b.path
    assert b.by_id(plan_box).is_selected() and b.by_id(objective_box).is_selected(), "the form does not show what the priority carries"
    assert b.by_id("measures").get_attribute("value").splitlines() == measures
    fill_form(b, [Field("theme", "text", "drugs and alcohol")], "Save", keyboard=False)
    expect_page(b, f"/strategies/{BEDFORD}", BEDFORD_NAME, "changing the priority")
    assert priority_titles(b).count(title) == 1 and priority_titles(b)[-1] == title, priority_titles(b)
    row = priority_rows(b)[title]
    assert row[1] == "drugs and alcohol" and lines(row[3]) == [f"Plan: {plan_title}", objective], row


# --------------------------------------------------------------------------------------------
# Journey 5: the alignment page's gaps and the matrix as CSV


def test_the_alignment_page_shows_the_gaps_and_downloads_the_matrix(admin):
    b = admin
    b.get("/strategies")
    open_link(b, ALIGN_LINK)
    expect_page(b, "/strategies/alignment", ALIGNMENT, "the alignment link")
    said = lead(b)
    counted = re.fullmatch(r"(\d+) of (\d+) framework objectives (?:is|are) carried; (?:every plan priority is carried by a partnership"
                           r"|(\d+) plan priorit(?:y is|ies are) carried by no partnership)\.", said)
    assert counted, f"the summary says {said!r}"
    carried, objectives = int(counted.group(1)), int(counted.group(2))
    assert objectives == OBJECTIVES, said

    # The gaps: what the summary counts is what the lists list.
    plan_gaps = list_after(b, "Plan priorities no partnership carries")
    assert isinstance(plan_gaps, list) and len(plan_gaps) == int(counted.group(3) or 0), (said, plan_gaps)
    assert {"Reinvigorating local policing", "Excellence in policing and criminal justice"} <= set(plan_gaps), plan_gaps
    objective_gaps = list_after(b, "National objectives no priority carries")
    assert isinstance(objective_gaps, list) and len(objective_gaps) == objectives - carried, (said, objective_gaps)
    assert {"Going after the money (Harm to Hope)", "A stronger system (VAWG strategy)"} <= set(objective_gaps), objective_gaps

    # Who carries each plan priority: the draft reoffending strategy does not count.
    coverage = rows_by_first_cell(b, COVERAGE)
    assert list(coverage)[:6] == PLAN_PRIORITIES, list(coverage)
    assert coverage["Excellence in policing and criminal justice"][1:] == ["Nobody", "0"], coverage["Excellence in policing and criminal justice"]
    serious = coverage["Tackling serious crime"]
    assert serious[1] == f"{SERIOUS_HARM_BOARD_NAME}, Bedfordshire Serious Violence Duty Board", serious
    assert lines(serious[2]) == ["Break drug supply chains and county lines (Bedfordshire combating drugs strategy)",
                                 "Reduce serious violence among young people (Bedfordshire serious violence strategy)"], serious[2]
    for gap in plan_gaps:
        title = gap.split(" (carried only by ")[0]
        assert coverage[title][1] == "Nobody" or "(carried only by " in gap, f"the gap {gap!r} is carried by {coverage[title][1]!r}"

    # The matrix: one table per group, each column named.
    groups = [h.text.strip() for h in b.find_all((By.CSS_SELECTOR, "main h3[id^='matrix-']"))]
    assert groups == MATRIX_GROUPS, groups
    plan = matrix(b, MATRIX_GROUPS[0])
    assert plan.columns[:6] == PLAN_PRIORITIES, plan.columns
    assert plan.marks("Break drug supply chains and county lines") == {"Tackling serious crime": "Carries"}
    for framework, count in FRAMEWORKS.items():
        assert len(matrix(b, framework).columns) == count, f"{framework}: {matrix(b, framework).columns}"
    harm_to_hope = matrix(b, "From Harm to Hope")
    assert harm_to_hope.marks("Break drug supply chains and county lines") == {
        "Break drug supply chains": "Carries", "Rolling up county lines": "Carries"}, harm_to_hope.marks("Break drug supply chains and county lines")
    assert harm_to_hope.marks("Reduce drug use among young people") == {
        "Achieve a generational shift in the demand for drugs": "In part",
        "Delivering school-based prevention and early intervention": "Carries"}, harm_to_hope.marks("Reduce drug use among young people")
    # The plan's own priorities carry objectives too.
    assert harm_to_hope.marks("Prevention") == {"Achieve a generational shift in the demand for drugs": "Carries"}
    assert harm_to_hope.row("Prevention")["strategy"] == PLAN_NAME
    assert matrix(b, "Tackling Violence Against Women and Girls").columns == [
        "Prioritising prevention", "Supporting victims", "Pursuing perpetrators", "A stronger system"]
    every_row = [r["title"] for group in MATRIX_GROUPS for r in matrix(b, group).rows]
    assert "Reduce reoffending by prolific offenders" not in every_row, "a draft strategy's priority is in the matrix"
    # Each table scrolls on its own: the keyboard reaches it, and its focus shows.
    tab_to(b.driver, lambda e: e.get_attribute("role") == "region" and e.get_attribute("aria-label") == MATRIX_GROUPS[0],
           "the plan's matrix table", max_tabs=200)
    b.screenshot("alignment")

    # The whole matrix as CSV.
    href = b.link("Download the whole matrix (CSV)", b.main()).get_attribute("href")
    assert urlparse(href).path == "/strategies/alignment" and parse_qs(urlparse(href).query).get("format") == ["csv"], href
    status, kind, disposition, body = fetch_with_session(b, href)
    assert status == 200 and kind.startswith("text/csv"), (status, kind, body[:200])
    assert 'filename="alignment.csv"' in disposition, disposition
    assert body.startswith("strategy,owner,priority,"), body[:200]
    header = csv_header(body)
    assert len([h for h in header if h.startswith("plan-")]) == len(plan.columns), header
    assert len([h for h in header if h.startswith("objective-")]) == OBJECTIVES, header
    by_priority = {(r["strategy"], r["priority"]): r for r in read_csv(body)}
    supply = by_priority[(DRUGS_NAME, "Break drug supply chains and county lines")]
    assert supply["owner"] == SERIOUS_HARM_BOARD_NAME, supply
    assert (supply[f"plan-{PLAN}-tackling-serious-crime"], supply["objective-harm-to-hope-1"], supply["objective-harm-to-hope-1-3"],
            supply["objective-harm-to-hope-2"]) == ("Carries", "Carries", "Carries", ""), supply
    young = by_priority[(DRUGS_NAME, "Reduce drug use among young people")]
    assert (young[f"plan-{PLAN}-prevention"], young["objective-harm-to-hope-3"], young["objective-harm-to-hope-3-2"]) == (
        "Carries", "In part", "Carries"), young
    prevention = by_priority[(PLAN_NAME, "Prevention")]
    assert prevention["owner"] == OPCC_NAME and prevention["objective-harm-to-hope-3"] == "Carries", prevention
    assert not [k for k in by_priority if k[1] == "Reduce reoffending by prolific offenders"], "the CSV has a draft strategy's priority"


# --------------------------------------------------------------------------------------------
# Journey 6: the duplication analyses, from the Analysis page


def test_the_duplication_analyses_find_shared_members_and_discussions(admin, shared):
    b, land = admin, shared
    item = f"Knife crime in the town centre ({land.run})"
    people = [name for _, name in land.people]
    cut: list[str] = []  # charts drawing outside their frame, checked at the end

    # The same item on both forums' agendas, through the agenda editor.
    for forum in land.forums:
        b.get(forum.meeting_path)
        expect_page(b, forum.meeting_path, forum.meeting_name, "a forum's held meeting")
        open_link(b, "Build the agenda")
        expect_page(b, f"{forum.meeting_path}/agenda", "Build the agenda")
        add_item(b, Item(item, "for-discussion", 30))
        assert agenda_titles(b) == [item], agenda_titles(b)

    # Shared members: the two forums share all three.
    b.get("/")
    go_to_analysis(b, "Shared members")
    expect_page(b, "/analysis/overlap", "Shared members", "the Shared members link")
    said = lead(b)
    counted = re.fullmatch(r"On (.+), (\d+) pairs of partnerships share members; in (\d+) of them at least half of the smaller "
                           r"partnership's people sit on the other too\.", said)
    assert counted and int(counted.group(3)) <= int(counted.group(2)), said
    end = dt.date.fromisoformat(b.by_id("to").get_attribute("value"))
    assert counted.group(1) == long_day(min(end, dt.date.today())), said
    chart(b, "overlap-chart")
    assert chart_title(b, "overlap-chart") == "The pairs of partnerships sharing most of their members"
    cut += chart_cut_off(b, "overlap-chart")
    pairs = table(b, "Pairs of partnerships by the members they share")
    rows = b.table_rows(pairs)
    assert len(rows) == min(int(counted.group(2)), 300), f"{said} but the table has {len(rows)} rows"
    ours = [r for r in rows if r[0] in (f"{land.first.name} and {land.second.name}", f"{land.second.name} and {land.first.name}")]
    assert len(ours) == 1, f"the table has no single row for the two forums: {[r[0] for r in rows][:10]}"
    assert ours[0][1:4] == ["3 of 3 and 3", "100%", "100%"] and ours[0][6] == ", ".join(people), ours[0]
    for forum in land.forums:
        assert b.link(forum.name, pairs).get_attribute("href").endswith(f"/partnerships/{forum.key}")
    status, kind, disposition, body = fetch_with_session(b, b.link("Download this table as CSV", b.main()).get_attribute("href"))
    assert status == 200 and kind.startswith("text/csv") and 'filename="overlap-' in disposition, (status, kind, disposition)
    found = [r for r in read_csv(body) if {r["a_id"], r["b_id"]} == {land.first.key, land.second.key}]
    assert len(found) == 1 and (found[0]["shared_people"], found[0]["people_overlap"], found[0]["people_jaccard"]) == ("3", "1", "1"), found
    assert len(read_csv(body)) == int(counted.group(2)), "the CSV does not have every pair"
    b.screenshot("analysis-overlap")

    # Duplicate discussions: the same people, the same item, two weeks apart.
    b.click(b.find((By.XPATH, "//main//nav[@aria-label='Analyses']//a[normalize-space()='Duplicate discussions']")))
    expect_page(b, "/analysis/duplicates", "Duplicate discussions", "the Analyses link to Duplicate discussions")
    said = lead(b)
    counted = re.match(r"(\d+) times the same people discussed the same thing at meetings of different partnerships", said)
    assert counted and int(counted.group(1)) >= 1, said
    svg = chart(b, "duplicates-chart")
    assert chart_title(b, "duplicates-chart") == "Partnerships whose items were also discussed elsewhere"
    drawn = svg.get_attribute("textContent")
    assert land.first.name in drawn and land.second.name in drawn and "100% (1 of 1)" in drawn, drawn[:400]
    cut += chart_cut_off(b, "duplicates-chart")
    by_partnership = rows_by_first_cell(b, "By partnership")
    assert by_partnership.get(land.first.name) == [land.first.name, "1", "1", "100%", f"{land.second.name} (1)"], by_partnership.get(land.first.name)
    assert by_partnership.get(land.second.name) == [land.second.name, "1", "1", "100%", f"{land.first.name} (1)"], by_partnership.get(land.second.name)
    findings = table(b, "The duplicate discussions")
    ours = [r for r in b.table_rows(findings) if lines(r[0])[0] == item]
    assert len(ours) == 1, f"the item is not one finding: {ours}"
    finding = ours[0]
    assert lines(finding[0]) == [item, f"{land.first.name}, {long_day(land.first.day)}"], finding[0]
    assert lines(finding[1]) == [item, f"{land.second.name}, {long_day(land.second.day)}"], finding[1]
    assert finding[2:] == [str((land.second.day - land.first.day).days), "100%", "100%", ", ".join(people)], finding
    status, kind, _, body = fetch_with_session(b, b.link("Download this table as CSV", b.main()).get_attribute("href"))
    assert status == 200 and kind.startswith("text/csv"), (status, kind, body[:200])
    found = [r for r in read_csv(body) if r["a_title"] == item]
    assert len(found) == 1, found
    assert (found[0]["a_partnership"], found[0]["a_day"], found[0]["b_title"], found[0]["b_partnership"], found[0]["b_day"],
            found[0]["cosine"], found[0]["attendee_overlap"], found[0]["shared_people"]) == (
        land.first.name, land.first.day.isoformat(), item, land.second.name, land.second.day.isoformat(), "1", "1",
        "; ".join(key for key, _ in land.people)), found[0]
    b.screenshot("analysis-duplicates")
    b.click(b.find((By.CSS_SELECTOR, f"main table a[href='{land.first.meeting_path}']")))
    expect_page(b, land.first.meeting_path, land.first.meeting_name, "a duplicate discussion's meeting")
    assert item in b.main_text()

    # Near-duplicate priorities: the active strategies' priorities, grouped.
    go_to_strategies(b)
    active = sum(int(r[5]) for r in strategies_table(b)[1].values() if r[4] == "Active")
    go_to_analysis(b, "Priorities")
    expect_page(b, "/analysis/priorities", "Near-duplicate priorities", "the Priorities link")
    assert caption_l(b) == "The workspace's active strategies"
    said = lead(b)
    counted = re.fullmatch(r"(\d+) priorities are (\d+) distinct ones\.", said)
    assert counted, said
    total, distinct = int(counted.group(1)), int(counted.group(2))
    assert total == active and distinct < total, f"{said}, and the active strategies have {active} priorities"
    chart(b, "priorities-chart")
    assert chart_title(b, "priorities-chart") == "The largest groups of near-duplicate priorities"
    cut += chart_cut_off(b, "priorities-chart")
    consolidated = b.table_rows(table(b, "The proposed consolidated list"))
    assert len(consolidated) == distinct, f"{said}, and the consolidated list has {len(consolidated)} lines"
    stands_for = [1 if r[1] == "Itself" else int(r[1].removesuffix(" priorities")) for r in consolidated]
    assert sum(stands_for) == total, [r[1] for r in consolidated]
    groups = b.find_all((By.XPATH, "//main//h2[normalize-space()='The groups']/following-sibling::table"))
    members = [sorted(tuple(r) for r in b.table_rows(g)) for g in groups]
    anti_social = sorted([("Reduce anti-social behaviour", BEDFORD_NAME),
                          ("Reduce anti-social behaviour in town centres", "Central Bedfordshire community safety plan"),
                          ("Tackle anti-social behaviour", "Luton community safety plan")])
    assert anti_social in members, f"the three anti-social behaviour priorities are not one group: {members}"
    assert len(groups) == sum(1 for n in stands_for if n > 1)
    b.screenshot("analysis-priorities")
    href = b.link("Download the consolidated list as CSV", b.main()).get_attribute("href")
    status, kind, _, body = fetch_with_session(b, href)
    assert status == 200 and kind.startswith("text/csv"), (status, kind, body[:200])
    assert csv_header(body) == ["title", "strategies", "priorities", "merged"], body[:200]
    lines_of = read_csv(body)
    assert len(lines_of) == distinct, f"the CSV has {len(lines_of)} lines, the page {distinct}"
    merged = [r for r in lines_of if f"{BEDFORD}-anti-social-behaviour" in r["priorities"].split("; ")]
    assert merged and merged[0]["merged"] == "yes" and set(merged[0]["priorities"].split("; ")) == {
        f"{BEDFORD}-anti-social-behaviour", "central-bedfordshire-community-safety-plan-anti-social-behaviour",
        "luton-community-safety-plan-anti-social-behaviour"}, merged
    assert not cut, "\n".join(cut)


# --------------------------------------------------------------------------------------------
# Journey 7: the landscape picture with the shared members drawn over it


def shared_labels(b: Browser) -> int | None:
    """How many "N shared" lines the picture draws; None when there is no picture (no Graphviz on the server)."""
    svgs = b.find_all((By.CSS_SELECTOR, "main figure svg"))
    if not svgs:
        assert "The picture needs Graphviz" in b.main_text(), "the landscape has neither a picture nor the note that Graphviz is missing"
        return None
    return b.driver.execute_script(
        "return Array.from(arguments[0].querySelectorAll('text')).filter(t => /^\\d+ shared$/.test(t.textContent.trim())).length;",
        svgs[0])


def test_the_landscape_overlays_partnerships_sharing_members(admin, shared):
    b, land = admin, shared
    pair = f"{land.first.name} and {land.second.name}"
    b.get("/analysis/overlap")
    open_link(b, "See the overlap on the landscape picture")
    expect_page(b, "/landscape", "Landscape picture", "the overlap's landscape link")
    assert parse_qs(urlparse(b.path).query).get("overlay") == ["overlap"], b.path
    box = b.by_id("overlay")
    assert box.is_selected(), "the overlay's checkbox is not ticked"
    assert b.find((By.CSS_SELECTOR, "label[for=overlay]")).text.strip() == "Show partnerships sharing at least half of their members"
    assert b.by_id("shared-members").text.strip() == "Shared members"
    rows = rows_by_first_cell(b, "Partnerships sharing at least half of the smaller one's people")
    assert rows.get(pair) == [pair, "3", "100%"], f"the two forums are not listed: {list(rows)[:10]}"
    assert all(int(r[2].rstrip("%")) >= 50 for r in rows.values()), [r[2] for r in rows.values()]
    drawn = shared_labels(b)
    assert drawn is None or drawn == len(rows), f"the picture draws {drawn} shared-member lines for {len(rows)} pairs"
    assert urlparse(b.link("Every pair sharing members, with who they are", b.main()).get_attribute("href")).path == "/analysis/overlap"
    b.screenshot("landscape-overlay")

    # One force area, the overlay ticked with the keyboard.
    b.get("/landscape")
    assert not b.by_id("overlay").is_selected() and not b.find_all((By.ID, "shared-members")), "the overlay shows unasked"
    fill_form(b, [Field("force_area", "select", "West Yorkshire"), Field("overlay", "checkbox", True)], "Show", keyboard=True)
    expect_page(b, "/landscape", "Landscape picture", "showing West Yorkshire with the overlay")
    asked = parse_qs(urlparse(b.path).query)
    assert asked.get("force_area") == [WEST_YORKSHIRE] and asked.get("overlay") == ["overlap"], b.path
    assert b.by_id("overlay").is_selected()
    rows = rows_by_first_cell(b, "Partnerships sharing at least half of the smaller one's people")
    assert rows and pair not in rows, list(rows)
    tree = b.find((By.CSS_SELECTOR, "main ul.tree")).text
    for first_cell in rows:
        links = b.find_all((By.XPATH, f"//main//table//tr[td[1][normalize-space()={xpath_literal(first_cell)}]]/td[1]/a"))
        assert len(links) == 2, f"the row {first_cell!r} does not link to its two partnerships"
        for link in links:
            assert link.text in tree, f"{link.text!r} is not a partnership of West Yorkshire's picture"
    drawn = shared_labels(b)
    assert drawn is None or drawn == len(rows), f"the picture draws {drawn} shared-member lines for {len(rows)} pairs"

    # Unticked: no overlay.
    fill_form(b, [Field("overlay", "checkbox", False)], "Show", keyboard=False)
    expect_page(b, "/landscape", "Landscape picture", "showing West Yorkshire without the overlay")
    assert "overlay" not in parse_qs(urlparse(b.path).query), b.path
    assert not b.find_all((By.ID, "shared-members")), "the Shared members section shows with the overlay unticked"
    assert shared_labels(b) in (None, 0)


# --------------------------------------------------------------------------------------------
# Journey 8: a viewer reads the strategies and changes nothing


def test_a_viewer_reads_the_strategies_but_changes_nothing(viewer, settings):
    b = viewer
    b.get("/")
    go_to_strategies(b)
    assert not b.links("Add a strategy", b.main()), "a viewer is offered 'Add a strategy'"
    t, rows = strategies_table(b)
    assert DRUGS_NAME in rows and b.links(ALIGN_LINK, b.main())
    b.click(b.link(DRUGS_NAME, t))
    expect_page(b, f"/strategies/{DRUGS}", DRUGS_NAME)
    assert not b.links("Change the strategy", b.main()) and not b.links("Add a priority", b.main()), "a viewer is offered changes"
    assert not b.find_all((By.CSS_SELECTOR, "main a[href$='/edit']")), "a viewer is offered to change a priority"
    assert lines(priority_rows(b)["Break drug supply chains and county lines"][3]) == [
        "Plan: Tackling serious crime", "Break drug supply chains", "Rolling up county lines"]

    for path in ("/strategies/new", f"/strategies/{DRUGS}/edit", f"/strategies/{DRUGS}/priorities/new",
                 f"/strategies/{DRUGS}/priorities/{DRUGS}-supply/edit"):
        b.get(path)
        assert b.status == 403, f"a viewer's {path} answered {b.status}"
    # A post made anyway, with the viewer's own form token, is refused and adds nothing.
    name = f"Viewer's strategy {settings.run_id}"
    b.get("/strategies")
    status = post_status(b, "/strategies/new", {"name": name, "kind": "partnership-strategy",
                                                "owner": f"partnership:{BEDFORD_CSP}", "status": "active"})
    assert status == 403, f"a viewer's POST of a strategy answered {status}"
    b.get("/strategies")
    assert name not in strategies_table(b)[1], "a viewer added a strategy"

    for path, heading in (("/strategies/alignment", ALIGNMENT), ("/analysis/priorities", "Near-duplicate priorities")):
        b.get(path)
        expect_page(b, path, heading)
        assert b.status == 200, f"a viewer's {path} answered {b.status}"
