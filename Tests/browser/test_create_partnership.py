"""Journey 3: create a partnership with a footprint, members and a named substitute, make it report
to another partnership, then find it in the list, on the overview and in the landscape picture."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By

from register_ui import (
    NewPartnership,
    add_member,
    create_organisation,
    create_partnership,
    create_person,
    member_rows,
    overview_counts,
    set_reports_to,
)
from support import svg_links

GREATER_MANCHESTER = "E23000005"
PARENT = "Greater Manchester Combating Drugs Partnership"


def create_the_whole_partnership(b, run_id: str, keyboard: bool) -> dict:
    """Everything journey 3 does up to saving, by pointer or by keyboard; returns what it made."""
    how = "keyboard" if keyboard else "pointer"
    council = f"Browser {how} council {run_id}"
    create_organisation(b, council, "Local government", keyboard=keyboard)
    dph = f"Director of Public Health ({how} {run_id})"
    dph_key = create_person(b, dph, "Director of Public Health", council, "Director", "95000", keyboard=keyboard)
    analyst = f"Public health analyst ({how} {run_id})"
    analyst_key = create_person(b, analyst, "Public health analyst", council, "Manager", keyboard=keyboard)

    # The footprint select offers districts grouped by force area; Bolton and Bury are Greater
    # Manchester's first two (a fresh demo database has them; the ONS lookups are not needed).
    footprint = ["E08000001", "E08000002"]
    b.get("/partnerships/new")
    offered = {o.get_attribute("value") for o in b.find_all((By.CSS_SELECTOR, "#footprint option"))}
    if not offered:
        pytest.skip("the footprint select offers no areas in this database")
    assert set(footprint) <= offered, f"the footprint select does not offer Bolton and Bury: {sorted(offered)[:20]}"

    name = f"Browser {how} drugs partnership {run_id}"
    key = create_partnership(
        b,
        NewPartnership(
            name=name,
            type="Combating Drugs Partnership (CDP)",
            started_on="2024-04-01",
            force_area="Greater Manchester",
            purpose="Cut drug-related harm in Bolton and Bury (made by the browser tests)",
            themes="drugs, treatment",
            pcc_roles=["Member", "Funder"],
            meeting_frequency="Quarterly",
            secretariat=council,
            footprint=footprint,
        ),
        keyboard=keyboard,
    )
    add_member(b, key, "Chair", person=dph_key, voting=True, started_on="2024-04-01", substitute=analyst_key, keyboard=keyboard)
    add_member(b, key, "Adviser", organisation="greater-manchester-police", keyboard=keyboard)
    set_reports_to(b, key, PARENT, keyboard=keyboard)
    return {"key": key, "name": name, "council": council, "dph": dph, "analyst": analyst}


def check_partnership_page(b, made: dict) -> None:
    b.get(f"/partnerships/{made['key']}")
    assert b.h1() == made["name"]
    text = b.main_text()
    for expected in ("Combating Drugs Partnership (CDP)", "Greater Manchester", "Quarterly", "drugs, treatment", "Member, Funder"):
        assert expected in text, f"the new partnership's page does not show {expected!r}"
    assert made["council"] in text  # the secretariat

    rows = member_rows(b)
    chair = [r for r in rows if made["dph"] in r[0]]
    assert chair, f"the Director of Public Health is not among the members: {rows}"
    assert chair[0][1].startswith("Chair") and "voting" in chair[0][1], chair[0]
    assert made["council"] in chair[0][2], f"the chair should represent their own organisation: {chair[0]}"
    assert made["analyst"] in chair[0][3], f"the named substitute is not shown: {chair[0]}"
    adviser = [r for r in rows if r[0].startswith("Greater Manchester Police")]
    assert adviser and adviser[0][1].startswith("Adviser"), rows

    structure = b.find((By.CSS_SELECTOR, "section[aria-labelledby=structure]"))
    assert b.links(PARENT, structure), f"'Where it sits' does not name {PARENT}: {structure.text}"

    footprint = b.find((By.CSS_SELECTOR, "section[aria-labelledby=footprint]")).text
    assert "Bolton (E08000001)" in footprint and "Bury (E08000002)" in footprint, footprint
    assert f"Greater Manchester ({GREATER_MANCHESTER})" in footprint, footprint


def test_create_a_partnership_and_find_it_everywhere(admin, settings):
    total_before, areas_before = overview_counts(admin)
    gm_before = areas_before["Greater Manchester"]

    made = create_the_whole_partnership(admin, settings.run_id, keyboard=False)
    check_partnership_page(admin, made)
    admin.screenshot("partnership-new-with-members")

    # The partnership it reports to lists it below itself.
    admin.click(admin.link(PARENT, admin.main()))
    below = admin.find((By.CSS_SELECTOR, "section[aria-labelledby=structure]"))
    assert admin.links(made["name"], below), f"{PARENT} does not list the new partnership below it"

    # The list finds it by name (the overview's search box searches the list).
    admin.get("/")
    admin.type_into("q", made["name"])
    admin.submit_form(label="Search")
    names = [r[0] for r in admin.table_rows()]
    assert names == [made["name"]], names

    # The overview counts it, in Greater Manchester.
    total_after, areas_after = overview_counts(admin)
    assert total_after == total_before + 1, (total_before, total_after)
    gm_after = areas_after["Greater Manchester"]
    assert int(gm_after[1]) == int(gm_before[1]) + 1, (gm_before, gm_after)
    assert int(gm_after[2]) == int(gm_before[2]) + 1, "the CDP count did not go up"
    assert "Member" in gm_after[3] and "Funder" in gm_after[3], gm_after

    # The landscape picture, shown for Greater Manchester, draws it with a link to its page.
    admin.get("/landscape")
    admin.choose("force_area", "Greater Manchester")
    admin.submit_form(label="Show")
    assert f"force_area={GREATER_MANCHESTER}" in admin.path, admin.path
    check_landscape_shows(admin, made)
    admin.screenshot("landscape-with-new-partnership")


def check_landscape_shows(b, made: dict) -> None:
    pictures = b.find_all((By.CSS_SELECTOR, "main figure svg, main img[src*='landscape'], main object"))
    assert pictures, "the landscape page has no picture (is Graphviz's dot installed?)"
    svg = pictures[0]
    if svg.tag_name.lower() == "svg":
        boxes = [link for link in svg_links(b.driver, svg) if link["href"].rstrip("/").endswith(f"/partnerships/{made['key']}")]
        assert boxes, f"the picture has no box linking to /partnerships/{made['key']}"
        box = boxes[0]
        assert made["name"] in box["text"] or made["name"] in box["title"], f"the box says {box}"
        # The picture draws the reporting line to the parent too (an edge between the two boxes).
        assert len(svg.find_elements(By.CSS_SELECTOR, "g.edge")) >= 1, "the picture draws no reporting lines"
    else:
        assert made["name"] in (svg.get_attribute("alt") or "") + (svg.get_attribute("aria-label") or "")
    # The same structure as text, below the picture: the new partnership under its parent.
    tree = b.find((By.CSS_SELECTOR, "main ul.tree"))
    parent_item = tree.find_element(By.XPATH, f".//li[a[normalize-space()='{PARENT}']]")
    assert made["name"] in parent_item.text, f"the text structure does not put it under {PARENT}"


def test_create_a_partnership_with_the_keyboard_only(admin, settings):
    made = create_the_whole_partnership(admin, settings.run_id, keyboard=True)
    check_partnership_page(admin, made)
