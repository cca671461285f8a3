"""Journeys for outcomes, the performance dashboard and funding.

1. Reading a partnership's performance: from the navigation's "Outcomes" (the frameworks' indicators, tables by
   framework) to the demo CDP's dashboard; each of its three panels says its status, latest value, target, direction
   of travel and priorities in words, draws its chart (titled and described) before the table of the same figures,
   and offers that table as CSV (fetched with the browser's cookies: text/csv, the documented header, the table's
   values); "Every value and its revisions" leads to the indicator's page, where the revised 2022 figure lists both
   revisions.
2. Importing published statistics: an indicator of the office's own is added; a file with one bad cell is refused
   (422, the error summary names the row and column and links to the file field, which the link focuses) and nothing
   is imported; the good file checked only imports nothing; imported for real it adds three values and one revision;
   imported again it changes nothing; the indicator's page shows the values, the revised one with both revisions.
3. Recording money in: from the navigation's "Funding", "Add a funding stream" with a bad financial year, no
   recipient, no purpose and no partnership (every error in the summary, each link leading to its field); then
   properly; the stream's page shows its amount to the penny; the funding page for the partnership lists the stream
   and draws the flows; "Change the stream" shows the form as it was saved.
4. What each role is offered: a viewer reads the outcomes, a dashboard and the funding but is offered no import, no
   new indicator and no new stream (and is refused them); an editor (made with the server's CLI: no page makes
   users) may import, and any link the outcomes page offers them leads to a page they may use.

Every page loaded is checked with axe (support.Browser does it on each load). The demo landscape is loaded for the
run; names made here carry the run's id, so the suite can run twice on one server.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.by import By

from meetings_ui import expect_page, open_link, press_button
from outcomes_ui import (
    CAMBRIDGESHIRE,
    CDP,
    CDP_NAME,
    CSV_HEADER,
    PETERBOROUGH,
    NewIndicator,
    add_indicator,
    add_user,
    caption_above_h1,
    chart_legend,
    check_error_summary,
    column_headers,
    described_lines,
    dashboard_panels,
    fetch_file,
    follow_nav,
    funding_form_values,
    import_outcome,
    panel_heading,
    panel_status,
    precedes,
    stream_links,
    svg_label_ids,
    svg_title_and_desc,
    table_by_caption,
    tables_by_caption,
    upload,
    value_rows,
    values_table,
)
from support import xpath_literal
from surveys_ui import anonymous_browser, summary_value

# The demo CDP's framework, as the demo landscape loads it.
PANELS = {
    "Deaths related to drug misuse": {
        "id": "cdof-drug-misuse-deaths",
        "status": "Meets its target",
        "direction": "Improving (from 4.4 per 100,000 in 2022)",
    },
    "Numbers in treatment": {
        "id": "cdof-numbers-in-treatment",
        "status": "Misses its target",
        "direction": "Worsening (from 1,702 in 2022/23)",
    },
    "Continuity of care": {
        "id": "cdof-continuity-of-care",
        "status": "Close to its target or improving",
        "direction": "Improving (from 38.5% in 2022/23)",
    },
}
FRAMEWORK_CAPTIONS = ["National Combating Drugs Outcomes Framework", "Serious Violence Duty outcome measures"]
OWN_INDICATORS = "Indicators of your own"
DEATHS_REVISIONS = ["4.7 per 100,000, published 19 October 2023", "4.4 per 100,000, published 17 October 2024"]

OPCC = ("office-of-the-police-and-crime-commissioner-for-cambridgeshire",
        "Office of the Police and Crime Commissioner for Cambridgeshire")
COUNTY = ("cambridgeshire-county-council", "Cambridgeshire County Council")


# --------------------------------------------------------------------------------------------
# 1. Reading a partnership's performance


def test_a_partnerships_performance_is_read_from_outcomes_to_its_dashboard(admin, settings):
    admin.get("/")
    follow_nav(admin, "Outcomes")
    expect_page(admin, "/outcomes", "Outcomes", "the navigation's Outcomes link")
    main = admin.main()

    # Editors are offered the import and (administrators) an indicator of their own.
    for text, href in (("Import a file", "/outcomes/import"), ("Add an indicator of your own", "/outcomes/indicators/new")):
        links = admin.links(text, main)
        assert links, f"/outcomes offers an administrator no {text!r}"
        assert urlparse(links[0].get_attribute("href")).path == href, links[0].get_attribute("href")

    # The frameworks' indicators, a table each; every indicator's name leads to its page.
    for caption in FRAMEWORK_CAPTIONS:
        table = table_by_caption(admin, caption)
        assert column_headers(admin, table)[0] == "Indicator", column_headers(admin, table)
        links = table.find_elements(By.CSS_SELECTOR, "tbody tr td:first-child a")
        assert links, f"the table {caption!r} lists no indicator"
        for link in links:
            assert re.fullmatch(r"/outcomes/indicators/[a-z0-9-]+", urlparse(link.get_attribute("href")).path), (
                f"{link.text!r} in {caption!r} links to {link.get_attribute('href')}")
    national = table_by_caption(admin, FRAMEWORK_CAPTIONS[0])
    for name, panel in PANELS.items():
        link = national.find_element(By.XPATH, f".//a[normalize-space()={xpath_literal(name)}]")
        assert urlparse(link.get_attribute("href")).path == f"/outcomes/indicators/{panel['id']}"
    # The office's own: a table once there is one (another journey adds one), "None yet" before.
    own = tables_by_caption(admin, OWN_INDICATORS) or admin.find_all(
        (By.XPATH, f"//main//h2[normalize-space()={xpath_literal(OWN_INDICATORS)}]"))
    assert own, f"/outcomes has no {OWN_INDICATORS!r}"

    heading = admin.find((By.XPATH, "//main//h2[normalize-space()='Performance frameworks']"))
    dashboards = heading.find_elements(
        By.XPATH, f"following-sibling::ul[1]//a[normalize-space()={xpath_literal(CDP_NAME + ': performance dashboard')}]")
    assert dashboards, "the 'Performance frameworks' list does not offer the demo CDP's dashboard"
    admin.screenshot("outcomes")
    admin.click(dashboards[0])
    expect_page(admin, f"/partnerships/{CDP}/dashboard", "Performance dashboard", "the CDP's dashboard link")
    assert caption_above_h1(admin) == CDP_NAME, caption_above_h1(admin)

    problems = []
    panels = dashboard_panels(admin)
    assert [panel_heading(p) for p in panels] == list(PANELS), (
        f"the dashboard's panels are {[panel_heading(p) for p in panels]}, not {list(PANELS)}")
    csv_links = {}
    for panel in panels:
        name = panel_heading(panel)
        wanted = PANELS[name]
        assert panel.get_attribute("aria-labelledby") == panel.find_element(By.TAG_NAME, "h2").get_attribute("id")
        assert panel_status(panel) == wanted["status"], f"{name}: the status reads {panel_status(panel)!r}"
        latest = summary_value(admin, "Latest value", panel)
        assert latest and latest != "No value yet", f"{name}: the latest value reads {latest!r}"
        assert summary_value(admin, "Target", panel), f"{name}: the target row is empty"
        direction = summary_value(admin, "Direction of travel", panel)
        assert direction == wanted["direction"], f"{name}: the direction of travel reads {direction!r}"
        assert summary_value(admin, "Delivery plan priorities", panel), f"{name}: no delivery plan priorities row"

        # The chart, titled and described, then the table of the same figures.
        figures = panel.find_elements(By.CSS_SELECTOR, "figure.chart-figure")
        assert len(figures) == 1, f"{name}: {len(figures)} chart figures"
        svg = figures[0].find_element(By.CSS_SELECTOR, "svg")
        assert svg.get_attribute("role") == "img", f"{name}: the chart's svg has role {svg.get_attribute('role')!r}"
        title, desc = svg_title_and_desc(admin, svg)
        assert title.startswith(name), f"{name}: the chart's <title> is {title!r}"
        assert desc, f"{name}: the chart has no <desc>"
        # What the chart is said to show (its <desc>, and the caption under it) is what it draws.
        legend = chart_legend(admin, svg)
        if described_lines(desc) != legend:
            problems.append(f"/partnerships/{CDP}/dashboard, {name}: the chart's description names the lines "
                            f"{described_lines(desc)} ({desc!r}), but the chart draws {legend}")
        labels = svg_label_ids(svg)
        assert labels and all(admin.find_all((By.ID, i)) for i in labels), f"{name}: the chart is labelled by {labels}"
        table = table_by_caption(admin, f"{name} by period", panel)
        assert column_headers(admin, table)[0] == "Period", column_headers(admin, table)
        assert precedes(admin, figures[0], table), f"{name}: the table comes before the chart"
        rows = admin.table_rows(table)
        assert rows, f"{name}: the table has no rows"

        # "Every value and its revisions", and the table as CSV.
        every = panel.find_element(By.LINK_TEXT, "Every value and its revisions")
        assert urlparse(every.get_attribute("href")).path == f"/outcomes/indicators/{wanted['id']}"
        download = panel.find_element(By.LINK_TEXT, f"Download the table of {name} as CSV")
        href = urlparse(download.get_attribute("href")).path
        assert href == f"/partnerships/{CDP}/dashboard/{wanted['id']}.csv", href
        csv_links[name] = (href, rows, column_headers(admin, table))
    admin.screenshot("dashboard")

    for name, (href, rows, headers) in csv_links.items():
        got = fetch_file(admin, href)
        assert got.status == 200, f"{href} answered {got.status}: {got.text[:300]}"
        assert got.content_type.split(";")[0].strip() == "text/csv", f"{href} is {got.content_type!r}"
        assert got.text.splitlines()[0] == CSV_HEADER, f"{href} starts {got.text.splitlines()[:1]}"
        records = got.rows()
        assert records and {r["indicator_id"] for r in records} == {PANELS[name]["id"]}, (
            f"{href} holds the indicators {sorted({r['indicator_id'] for r in records})}")
        assert {r["indicator"] for r in records} == {name}
        own = [r for r in records if r["area_code"] == CAMBRIDGESHIRE]
        valued = [row for row in rows if row[headers.index("Cambridgeshire")] != "No value"]
        assert len(own) == len(valued), (
            f"{href} has {len(own)} values for Cambridgeshire, the table {len(valued)}: {own} / {valued}")
    deaths = fetch_file(admin, csv_links["Deaths related to drug misuse"][0]).rows()
    row_2022 = [r for r in deaths if r["area_code"] == CAMBRIDGESHIRE and r["period"] == "2022"]
    assert [(r["value"], r["target"], r["met"]) for r in row_2022] == [("4.4", "4.6", "yes")], row_2022

    # Every value and its revisions: the revised 2022 figure lists both.
    admin.click(dashboard_panels(admin)[0].find_element(By.LINK_TEXT, "Every value and its revisions"))
    expect_page(admin, "/outcomes/indicators/cdof-drug-misuse-deaths", "Deaths related to drug misuse",
                "the 'Every value and its revisions' link")
    assert values_table(admin) is not None, "the indicator's page has no table of every value"
    values = value_rows(admin)
    assert (CAMBRIDGESHIRE, "2022") in values, f"no 2022 value for Cambridgeshire: {sorted(values)}"
    revised = values[(CAMBRIDGESHIRE, "2022")]
    assert revised["value"] == "4.4 per 100,000", revised
    assert revised["revisions"] == DEATHS_REVISIONS, f"the 2022 figure's revisions read {revised['revisions']}"
    assert values[(CAMBRIDGESHIRE, "2023")]["revisions"] == ["None"], values[(CAMBRIDGESHIRE, "2023")]
    admin.screenshot("indicator-with-revisions")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 2. Importing published statistics


HEADER = "indicator_id,area_code,period,value,published_on"


def test_a_file_of_measurements_is_checked_then_imported_once(admin, settings, tmp_path):
    run = settings.run_id
    indicator = NewIndicator(
        id=f"browser-kits-{run}", name=f"Browser naloxone kits given out {run}",
        definition="Naloxone kits given to people at risk of an opioid overdose, and those around them",
        unit="count", polarity="higher-is-better", source="The browser tests' own plan",
        publisher="Browser tests", frequency="annual", geography="upper-tier-authority")
    add_indicator(admin, indicator)
    assert "No values yet." in admin.main_text() and values_table(admin) is None, "a new indicator has values"

    good = [
        f"{indicator.id},{CAMBRIDGESHIRE},2022,120,2023-05-01",
        f"{indicator.id},{CAMBRIDGESHIRE},2023,135,2024-05-01",
        f"{indicator.id},{CAMBRIDGESHIRE},2023,140,2024-11-01",  # a revision of the row above
        f"{indicator.id},{PETERBOROUGH},2023,88,2024-05-01",
    ]
    bad = list(good)
    bad[1] = f"{indicator.id},{CAMBRIDGESHIRE},2023,lots,2024-05-01"  # row 3 of the file, column D
    good_file = tmp_path / f"kits-{run}.csv"
    good_file.write_text("\n".join([HEADER, *good]) + "\n", encoding="utf-8")
    bad_file = tmp_path / f"kits-{run}-bad.csv"
    bad_file.write_text("\n".join([HEADER, *bad]) + "\n", encoding="utf-8")

    # The form, reached from the outcomes page.
    admin.click((By.CSS_SELECTOR, "nav.breadcrumbs a[href='/outcomes']"))
    expect_page(admin, "/outcomes", "Outcomes", "the indicator page's breadcrumb")
    own = table_by_caption(admin, OWN_INDICATORS)
    listed = own.find_elements(By.XPATH, f".//a[normalize-space()={xpath_literal(indicator.name)}]")
    assert listed and urlparse(listed[0].get_attribute("href")).path == f"/outcomes/indicators/{indicator.id}", (
        f"{OWN_INDICATORS!r} does not list the indicator just added")
    open_link(admin, "Import a file")
    expect_page(admin, "/outcomes/import", "Import a file of outcomes", "the 'Import a file' link")
    legend = admin.find((By.XPATH, "//main//fieldset[.//input[@name='kind']]/legend")).text.strip()
    assert legend == "What does the file hold?", legend
    kinds = {box.get_attribute("value"): admin.find((By.CSS_SELECTOR, f"label[for='{box.get_attribute('id')}']")).text.strip()
             for box in admin.find_all((By.CSS_SELECTOR, "main input[type=radio][name='kind']"))}
    assert kinds == {"indicators": "Indicators of our own", "measurements": "Measurements (published statistics)",
                     "targets": "Targets"}, kinds
    assert admin.find((By.CSS_SELECTOR, "label[for='file']")).text.strip() == "The file"
    assert admin.by_id("file").get_attribute("type") == "file"
    assert admin.find((By.CSS_SELECTOR, "label[for='dry_run']")).text.strip() == "Only check the file: import nothing"

    # A file with one bad cell: refused, the cell named, nothing imported.
    upload(admin, "measurements", bad_file, dry_run=False)
    assert import_outcome(admin) is None, f"a bad file was reported as {import_outcome(admin)}"
    assert admin.driver.title.startswith("Error: Import a file of outcomes"), admin.driver.title
    problems = check_error_summary(admin, [("file", "row 3, column D: ")])
    admin.screenshot("outcomes-import-bad-cell")
    admin.get(f"/outcomes/indicators/{indicator.id}")
    assert values_table(admin) is None and "No values yet." in admin.main_text(), (
        f"a file with a bad cell imported something: {value_rows(admin)}")

    # The good file, only checked: what it would do, and nothing imported.
    admin.get("/outcomes/import")
    upload(admin, "measurements", good_file, dry_run=True)
    admin.assert_no_errors("checking the good file")
    assert admin.status == 200, admin.status
    assert import_outcome(admin) == ("The file is good: nothing was imported",
                                     "3 would be added, 1 would be revised, 0 already held."), import_outcome(admin)
    admin.screenshot("outcomes-import-checked")
    admin.get(f"/outcomes/indicators/{indicator.id}")
    assert values_table(admin) is None, f"checking a file imported something: {value_rows(admin)}"

    # For real, then the same file again.
    admin.get("/outcomes/import")
    upload(admin, "measurements", good_file, dry_run=False)
    admin.assert_no_errors("importing the good file")
    assert import_outcome(admin) == ("Imported", "3 added, 1 revised, 0 already held."), import_outcome(admin)
    admin.screenshot("outcomes-imported")
    upload(admin, "measurements", good_file, dry_run=False)
    admin.assert_no_errors("importing the good file again")
    assert import_outcome(admin) == ("Imported", "0 added, 0 revised, 4 already held."), import_outcome(admin)

    # The values, the revised one with both revisions.
    admin.get(f"/outcomes/indicators/{indicator.id}")
    expect_page(admin, f"/outcomes/indicators/{indicator.id}", indicator.name, "the indicator's page")
    values = value_rows(admin)
    assert sorted(values) == sorted([(CAMBRIDGESHIRE, "2022"), (CAMBRIDGESHIRE, "2023"), (PETERBOROUGH, "2023")]), (
        f"the indicator holds {sorted(values)}")
    assert values[(CAMBRIDGESHIRE, "2022")]["value"] == "120" and values[(CAMBRIDGESHIRE, "2022")]["revisions"] == ["None"]
    assert values[(PETERBOROUGH, "2023")]["value"] == "88"
    revised = values[(CAMBRIDGESHIRE, "2023")]
    assert revised["value"] == "140" and revised["published"] == "1 November 2024", revised
    assert revised["revisions"] == ["135, published 1 May 2024", "140, published 1 November 2024"], revised["revisions"]
    admin.screenshot("outcomes-imported-values")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 3. Recording money in


def test_a_funding_stream_is_added_and_shown_for_its_partnership(admin, settings):
    run = settings.run_id
    purpose = f"Browser naloxone outreach in the county {run}"
    conditions = f"Quarterly returns to the commissioner ({run})."

    admin.get("/")
    follow_nav(admin, "Funding")
    expect_page(admin, "/funding", "Funding", "the navigation's Funding link")
    form = admin.find((By.XPATH, "//main//form[.//select[@id='partnership']]"))
    assert (form.get_attribute("method") or "get").lower() == "get", "the partnership filter is not a GET form"
    assert admin.find((By.CSS_SELECTOR, "label[for='partnership']")).text.strip()
    assert admin.buttons("Show", form), "the partnership filter has no Show button"
    for key in ("Money in", "Meetings' cost in the same years", "Streams"):
        assert summary_value(admin, key), f"/funding's summary has no {key!r}"
    table_by_caption(admin, "Money in and meetings' cost, by partnership and financial year")
    streams_before = int(summary_value(admin, "Streams"))

    open_link(admin, "Add a funding stream")
    expect_page(admin, "/funding/new", "Add a funding stream", "the 'Add a funding stream' link")
    options = admin.driver.execute_script(
        "return Array.from(arguments[0].options).map(o => o.text.trim());", admin.by_id("funder"))
    assert options[0] == "A funder not in the register", options[:2]
    assert admin.find((By.XPATH, "//main//fieldset[.//input[@name='partnership_keys[]']]/legend")).text.strip() == (
        "The partnerships it serves")

    # A bad financial year, no recipient, no purpose, no partnership: every error at once.
    admin.choose("funder", OPCC[1])
    admin.type_into("year_1", "2026")
    admin.type_into("amount_1", "£12,345.67")
    admin.click(admin.button("Save the funding stream"))
    assert admin.path == "/funding/new", f"a stream with errors went to {admin.path}"
    problems = check_error_summary(admin, [
        ("recipient_key", "Choose"),
        ("partnership_keys", "Choose at least one partnership"),
        ("purpose", "Enter what the money is for"),
        ("year_1", "Enter the financial year like 2024-25"),
    ])
    admin.screenshot("funding-stream-errors")
    kept = funding_form_values(admin)
    assert (kept["funder"], kept["year_1"], kept["amount_1"]) == (OPCC[0], "2026", "£12,345.67"), (
        f"the form with errors does not show what was given: {kept}")

    # Properly.
    admin.choose("recipient_key", COUNTY[1])
    admin.set_checkbox(admin.checkbox_by_label(CDP_NAME).get_attribute("id"))
    admin.type_into("purpose", purpose)
    admin.type_into("year_1", "2026-27")
    admin.type_into("amount_1", "£12,345.67")
    admin.type_into("conditions", conditions)
    admin.type_into("reporting_dates", "2027-04-30")
    admin.click(admin.button("Save the funding stream"))
    expect_page(admin, h1=purpose, what="saving the funding stream")
    assert re.fullmatch(r"/funding/[a-z0-9-]+", admin.path), f"saving the stream went to {admin.path}"
    stream = admin.path
    assert caption_above_h1(admin) == "Funding stream", caption_above_h1(admin)
    assert summary_value(admin, "Funder") == OPCC[1]
    assert summary_value(admin, "Paid to") == COUNTY[1]
    assert summary_value(admin, "Serves") == CDP_NAME
    assert summary_value(admin, "Total") == "£12,345.67", summary_value(admin, "Total")
    assert summary_value(admin, "Conditions") == conditions
    assert summary_value(admin, "Reporting dates") == "30 April 2027", summary_value(admin, "Reporting dates")
    amounts = admin.table_rows(table_by_caption(admin, "Amounts by financial year"))
    assert len(amounts) == 1 and re.fullmatch(r"2026[-/]27", amounts[0][0]) and amounts[0][1] == "£12,345.67", amounts
    admin.screenshot("funding-stream")

    # The partnership's funding: the stream listed, and the flows drawn.
    follow_nav(admin, "Funding")
    assert int(summary_value(admin, "Streams")) == streams_before + 1, summary_value(admin, "Streams")
    admin.choose("partnership", CDP)
    press_button(admin, "Show")
    expect_page(admin, "/funding", what="showing one partnership's funding")
    assert parse_qs(urlparse(admin.driver.current_url).query).get("partnership") == [CDP], admin.path
    assert CDP_NAME in admin.h1(), admin.h1()
    assert stream_links(admin, purpose) == [stream], f"the partnership's streams do not list {purpose!r}"
    flows = admin.find((By.XPATH, "//main//h2[normalize-space()='Where the money flows']"))
    svg = flows.find_element(By.XPATH, "following-sibling::figure[1]//*[local-name()='svg']")
    assert svg.get_attribute("role") == "img"
    assert svg_title_and_desc(admin, svg)[0] == "Money from funders through recipients to partnerships"
    flow_rows = admin.table_rows(table_by_caption(admin, "The flows, all years together"))
    assert [OPCC[1], COUNTY[1]] in [row[:2] for row in flow_rows], f"no flow from the OPCC to the county: {flow_rows}"
    assert [COUNTY[1], CDP_NAME] in [row[:2] for row in flow_rows], f"no flow from the county to the CDP: {flow_rows}"
    streams = admin.find((By.XPATH, "//main//h2[normalize-space()='Streams']"))
    assert precedes(admin, streams, table_by_caption(admin, "Funding streams"))
    admin.screenshot("funding-for-the-cdp")

    # "Change the stream": the form as it was saved.
    admin.click(table_by_caption(admin, "Funding streams").find_element(By.LINK_TEXT, purpose))
    expect_page(admin, stream, purpose, "the stream's link")
    open_link(admin, "Change the stream")
    expect_page(admin, f"{stream}/edit", "Change a funding stream", "the 'Change the stream' link")
    shown = funding_form_values(admin)
    wanted = {"funder": OPCC[0], "funder_name": "", "recipient_key": COUNTY[0], "purpose": purpose,
              "conditions": conditions, "reporting_dates": "2027-04-30", "year_1": "2026-27", "amount_1": "£12,345.67",
              "year_2": "", "amount_2": "", "partnerships": [CDP_NAME]}
    assert {k: shown[k] for k in wanted} == wanted, f"the form shows {shown}"
    admin.screenshot("funding-stream-change")
    admin.click(admin.button("Save the funding stream"))
    expect_page(admin, stream, purpose, "saving the stream unchanged")
    assert summary_value(admin, "Total") == "£12,345.67"
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 4. What each role is offered


def test_each_role_is_offered_only_what_it_may_do(viewer, settings):
    viewer.get("/")
    follow_nav(viewer, "Outcomes")
    expect_page(viewer, "/outcomes", "Outcomes", "the navigation's Outcomes link, for a viewer")
    for text in ("Import a file", "Add an indicator of your own"):
        assert not viewer.links(text, viewer.main()), f"/outcomes offers a viewer {text!r}"
    viewer.click(viewer.link(f"{CDP_NAME}: performance dashboard", viewer.main()))
    expect_page(viewer, f"/partnerships/{CDP}/dashboard", "Performance dashboard", "the dashboard, for a viewer")
    assert len(dashboard_panels(viewer)) == len(PANELS)
    assert not viewer.links("Change the framework", viewer.main()), "a viewer is offered to change the framework"
    follow_nav(viewer, "Funding")
    expect_page(viewer, "/funding", "Funding", "the navigation's Funding link, for a viewer")
    assert not viewer.links("Add a funding stream", viewer.main()), "/funding offers a viewer 'Add a funding stream'"
    for path in ("/outcomes/import", "/outcomes/indicators/new", "/funding/new"):
        assert viewer.fetch_status(path) == 403, f"{path} answered a viewer {viewer.fetch_status(path)}, not 403"

    email = f"browser-outcomes-editor-{settings.run_id}@example.org"
    password = add_user(settings.base_url, email, "editor")
    problems = []
    with anonymous_browser(settings) as editor:
        editor.sign_in(email, password)
        assert editor.signed_in_as() == email, "the editor could not sign in"
        follow_nav(editor, "Outcomes")
        expect_page(editor, "/outcomes", "Outcomes", "the navigation's Outcomes link, for an editor")
        offered = {a.text.strip(): urlparse(a.get_attribute("href")).path
                   for a in editor.find_all((By.CSS_SELECTOR, "main a.button"))}
        assert offered.get("Import a file") == "/outcomes/import", f"/outcomes offers an editor {offered}"
        for text, path in offered.items():
            status = editor.fetch_status(path)
            if status != 200:
                problems.append(f"/outcomes offers an editor the button {text!r} ({path}), which answers them {status}")
        open_link(editor, "Import a file")
        expect_page(editor, "/outcomes/import", "Import a file of outcomes", "the 'Import a file' link, for an editor")
    assert not problems, "\n".join(problems)
