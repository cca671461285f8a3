"""Journeys for declared interests at meetings, and for what workspaces share with the network: the directory of
partnership leads and the library of templates.

1. Declared interests flag agenda items, and a declaration is minuted: on the demo's meeting of the Cambridgeshire High
   Harms Board of 12 January 2026, the item "Online grooming and child sexual exploitation", and no other, has a box
   "Declared interests: this item may touch" naming the Director of Public Health's declared directorship of the mental
   health trust ("the item is about mental health"), whose page lists it. Then a meeting of the Drug and Alcohol Misuse
   Delivery Board is scheduled with two items, one naming Cambridgeshire Constabulary; a member of the board, from
   the meeting's attendance table, declares on their page an interest in Cambridgeshire Constabulary; the meeting's
   page flags that item alone, "the item names Cambridgeshire Constabulary"; the flag's "Record a declaration" link
   (its visually hidden text naming who) opens the form with who and the item chosen; sent without the interest or
   what they did it is refused (422, the summary linking to both fields); then with "Left the room for the item" it
   lands on the meeting's "Declarations of interest", which says who declared what on which item and what they did.
2. The directory of partnership leads: from the navigation's "Network", "Partnership leads by force area" lists the 43
   police force areas, the demo's Cambridgeshire lead named and every other "None named", and says how many name one;
   "Name our partnership lead" with the organisation left empty and a contact that is neither a mailbox nor a web
   page is refused (422, the summary linking to both, the form keeping what was given); with a shared mailbox it is
   saved and the directory shows the mailbox as a mailto link, the count unchanged; the lead is then put back as it
   was found.
3. The library: from the navigation's "Network", "The library of templates" lists what workspaces share (the demo's
   "Partners' survey 2026" among them), the guidance task lists and the surveys that come with Convene; "Share with
   the network" with nothing chosen is refused (422, the summary linking to "What to share"); a survey of ours shared
   with a note lands on its page in the library, with the note and its questions, and the library lists one more;
   "Copy" makes a new draft survey with as many questions; "Take it out of the library" leaves the library as it was.
4. What a viewer is offered: the flag on the demo's meeting without its "Record a declaration" link; the directory
   without "Name our partnership lead", whose form is refused them (403); the library and a shared template without
   the share form, "Copy" or "Take it out of the library".

Every page loaded is checked with axe (support.Browser does it on each load). Days are the server's (see
sharing_ui.server_today). The demo landscape is loaded for the run; names made here carry the run's id, counts are
compared before and after, and the lead is restored, so the suite can run twice on one server.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

from selenium.webdriver.common.by import By

from interests_ui import (
    CONSTABULARY,
    DELIVERY_BOARD,
    DELIVERY_MEMBER,
    DEMO_BOARD,
    DEMO_DECLARER,
    DEMO_FLAGGED_ITEM,
    DEMO_LEAD,
    DEMO_MATTER,
    DEMO_MEETING,
    DEMO_SHARED_SURVEY,
    FLAG_HEADING,
    FORCE_AREAS,
    OUR_WORKSPACE,
    Interest,
    agenda_flags,
    contact_link,
    declare_interest,
    declared_interests,
    flag_box,
    flag_text,
    headings_h2,
    lead_form_values,
    lead_rows,
    library_rows,
    minuted,
    minuted_declarations,
    ordered_questions,
    save_lead,
    share_form,
    shared_heading,
    squash,
    status_line,
)
from meetings_ui import Item, add_item, expect_page, item_key, long_day, open_link, press_button, schedule_meeting
from outcomes_ui import caption_above_h1, check_error_summary, follow_nav
from sharing_ui import follow_breadcrumb, options_of, row_with_link, server_today
from surveys_ui import choose_radio, start_survey, summary_value
from support import xpath_literal

DEMO_MEETING_PATH = f"/partnerships/{DEMO_BOARD}/meetings/{DEMO_MEETING}"


# --------------------------------------------------------------------------------------------
# 1. Declared interests


def check_demo_flag(b, record_link: bool) -> None:
    """On the demo's meeting: its one flagged item, as an editor (`record_link`) or a viewer sees it."""
    flagged = [i for i in agenda_flags(b) if i["boxes"]]
    assert [i["title"] for i in flagged] == [DEMO_FLAGGED_ITEM], (
        f"the demo's meeting flags the items {[i['title'] for i in flagged]}, not only {DEMO_FLAGGED_ITEM!r}")
    item = flagged[0]
    assert item["boxes"] == 1, f"{DEMO_FLAGGED_ITEM!r} has {item['boxes']} interest-flag boxes"
    box = flag_box(b, item["id"])
    shown = box.text
    assert FLAG_HEADING in shown, f"the flag box reads {shown!r}"
    expected = flag_text(DEMO_DECLARER[1], DEMO_MATTER, "is about mental health")
    assert [f["text"] for f in item["flags"]] == [expected], f"the flag lists {[f['text'] for f in item['flags']]}"
    assert expected in squash(shown), f"the flag box does not show {expected!r}: {shown!r}"
    flag = item["flags"][0]
    if record_link:
        assert flag["link"] == "Record a declaration", flag
        assert flag["hidden"] and flag["hidden"].startswith(f"by {DEMO_DECLARER[1]}"), flag
        query = parse_qs(urlparse(flag["href"]).query)
        assert urlparse(flag["href"]).path == f"{DEMO_MEETING_PATH}/declarations", flag["href"]
        assert query == {"person_key": [DEMO_DECLARER[0]], "item_key": [item["id"].removeprefix("item-")]}, query
    else:
        assert flag["link"] is None, f"a viewer is offered {flag['name']!r} in the flag"


def test_declared_interests_flag_agenda_items_and_a_declaration_is_minuted(admin, settings):
    run = settings.run_id
    admin.get("/")
    today = server_today(admin)
    person_key, person = DELIVERY_MEMBER
    meeting_name = f"Delivery board interests {run}"
    flagged_title = f"Cambridgeshire Constabulary's drug testing contract ({run})"
    other_title = f"Treatment waiting times ({run})"
    interest = Interest(
        kind="family", organisation=CONSTABULARY,
        matter=f"Spouse manages the drug testing contract at Cambridgeshire Constabulary (browser {run})",
        from_day=(today - dt.timedelta(days=30)).isoformat())
    said = f"a family interest in Cambridgeshire Constabulary's drug testing contract (browser {run})"

    # The demo's declared interest flags one item of its meeting, and the declarer's page lists it.
    admin.get(DEMO_MEETING_PATH)
    expect_page(admin, DEMO_MEETING_PATH, "Cambridgeshire High Harms Board", "the demo's meeting")
    check_demo_flag(admin, record_link=True)
    admin.screenshot("interests-demo-flag")
    admin.click(admin.find((By.XPATH, "//main//table[caption[normalize-space()='Members']]"
                                      f"//a[normalize-space()={xpath_literal(DEMO_DECLARER[1])}]")))
    expect_page(admin, f"/persons/{DEMO_DECLARER[0]}", DEMO_DECLARER[1], "the attendance table's link")
    _, listed = declared_interests(admin)
    assert [d for d in listed if d["text"].startswith(f"Directorship or trusteeship: {DEMO_MATTER}, from ")], (
        f"the Director of Public Health's page does not list the demo's declaration: {listed}")

    # A meeting of the delivery board, with an item naming Cambridgeshire Constabulary and one naming no one.
    day = today + dt.timedelta(days=21)
    meeting = schedule_meeting(admin, DELIVERY_BOARD, meeting_name, day, "14:00", 90, "Room 3, Shire Hall")
    meeting_path = f"/partnerships/{DELIVERY_BOARD}/meetings/{meeting}"
    assert admin.path == meeting_path, admin.path
    open_link(admin, "Build the agenda")
    expect_page(admin, f"{meeting_path}/agenda", "Build the agenda", "the 'Build the agenda' link")
    add_item(admin, Item(flagged_title, "for-decision", 30))
    add_item(admin, Item(other_title, "for-discussion", 30))
    open_link(admin, "Back to the meeting")
    expect_page(admin, meeting_path, meeting_name, "the agenda editor's 'Back to the meeting'")
    assert [i["title"] for i in agenda_flags(admin)] == [flagged_title, other_title], agenda_flags(admin)
    before = {i["title"]: [f["text"] for f in i["flags"]] for i in agenda_flags(admin)}
    assert before[other_title] == [], f"{other_title!r} is flagged before anyone declares anything: {before}"
    mine = flag_text(person, interest.matter, f"names {CONSTABULARY[1]}")
    assert mine not in before[flagged_title], f"{flagged_title!r} is flagged with {mine!r} before it is declared"

    # The member declares an interest in Cambridgeshire Constabulary on their page.
    admin.click(admin.find((By.XPATH, "//main//table[caption[normalize-space()='Members']]"
                                      f"//a[normalize-space()={xpath_literal(person)}]")))
    expect_page(admin, f"/persons/{person_key}", person, "the attendance table's link to the member")
    count, listed_before = declared_interests(admin)
    declare_interest(admin, person_key, interest)
    count_after, listed_after = declared_interests(admin)
    assert count_after == count + 1, f"'Declared interests' went from {count} to {count_after}, not one more"
    assert [d["text"] for d in listed_after].count(interest.listed()) == 1, (
        f"the person's page does not list {interest.listed()!r} once: {[d['text'] for d in listed_after]}")
    assert [d for d in listed_after if d["text"] == interest.listed()][0]["tags"] == [], "a current interest is tagged"
    admin.screenshot("interests-person-declared")
    current_in_constabulary = [d["text"] for d in listed_after
                               if f"({CONSTABULARY[1]}), from " in d["text"] and "Ended" not in d["tags"]]

    # The meeting flags the item that names the organisation, and that item alone.
    admin.get(meeting_path)
    expect_page(admin, meeting_path, meeting_name, "the meeting, after the declaration")
    items = {i["title"]: i for i in agenda_flags(admin)}
    assert items[other_title]["boxes"] == 0, f"{other_title!r}, naming no one, is flagged: {items[other_title]}"
    flagged = items[flagged_title]
    assert flagged["boxes"] == 1, f"{flagged_title!r} has {flagged['boxes']} interest-flag boxes"
    texts = [f["text"] for f in flagged["flags"]]
    assert texts.count(mine) == 1, f"{flagged_title!r} does not list {mine!r} once: {texts}"
    theirs = [t for t in texts if t.startswith(f"{person}: ")]
    assert len(theirs) == len(current_in_constabulary), (
        f"{flagged_title!r} flags {len(theirs)} of {person}'s interests; they have {len(current_in_constabulary)} current "
        f"interests in {CONSTABULARY[1]}: {theirs}")
    assert all(t.endswith(f"(the item names {CONSTABULARY[1]})") for t in texts), texts
    box = flag_box(admin, flagged["id"])
    assert FLAG_HEADING in box.text and mine in squash(box.text), f"the flag box shows {box.text!r}"
    admin.screenshot("interests-meeting-flag")

    # Its "Record a declaration" link: who and the item chosen.
    flag = [f for f in flagged["flags"] if f["text"] == mine][0]
    assert flag["link"] == "Record a declaration", flag
    assert flag["hidden"] and flag["hidden"].startswith(f"by {person}"), (
        f"the link's hidden text {flag['hidden']!r} does not say by whom")
    key = item_key(admin, flagged_title)
    form_path = f"{meeting_path}/declarations"
    link = box.find_element(By.XPATH, f".//li[contains(normalize-space(), {xpath_literal(interest.matter)})]/a")
    admin.click(link)
    expect_page(admin, form_path, "Record a declaration of interest", "the flag's 'Record a declaration' link")
    assert parse_qs(urlparse(admin.driver.current_url).query) == {"person_key": [person_key], "item_key": [key]}
    assert caption_above_h1(admin) == f"{meeting_name}, {long_day(day)}", caption_above_h1(admin)
    label = {f: squash(admin.find((By.CSS_SELECTOR, f"label[for='{f}']")).text) for f in ("person_key", "item_key", "matter")}
    assert label == {"person_key": "Who declared it", "item_key": "On the item", "matter": "The interest"}, label
    assert admin.by_id("person_key").get_attribute("value") == person_key, "who declared it is not chosen"
    assert admin.by_id("item_key").get_attribute("value") == key, "the item is not chosen"
    assert [t for v, t in options_of(admin, "item_key") if v == key] == [flagged_title]
    assert options_of(admin, "item_key")[0] == ("", "At the start of the meeting"), options_of(admin, "item_key")[:1]
    offered = {r.get_attribute("value"): squash(admin.find((By.CSS_SELECTOR, f"label[for='{r.get_attribute('id')}']")).text)
               for r in admin.find_all((By.CSS_SELECTOR, "main input[type=radio][name='action']"))}
    assert offered == {"left-the-room": "Left the room for the item",
                       "took-no-part": "Stayed but took no part in the discussion or decision",
                       "remained": "Stayed and took part, the interest not being prejudicial"}, offered

    # Without the interest or what they did: refused, nothing recorded.
    admin.click(admin.button("Record the declaration", admin.main()))
    assert admin.path.split("?")[0] == form_path, f"a declaration with errors went to {admin.path}"
    problems = check_error_summary(admin, [("matter", "Enter the interest"), ("action", "Choose what they did")])
    assert admin.by_id("person_key").get_attribute("value") == person_key, "the form with errors forgot who declared it"
    assert admin.by_id("item_key").get_attribute("value") == key, "the form with errors forgot the item"
    admin.screenshot("interests-declaration-errors")

    # Properly.
    admin.type_into("matter", said)
    choose_radio(admin, "action", "left-the-room")
    admin.click(admin.button("Record the declaration", admin.main()))
    expect_page(admin, meeting_path, meeting_name, "recording the declaration")
    assert urlparse(admin.driver.current_url).fragment == "declarations", (
        f"recording a declaration went to {admin.driver.current_url}, not the minutes' #declarations")
    recorded = minuted_declarations(admin)
    expected = minuted(person, said, flagged_title, "left-the-room")
    assert recorded == [expected], f"the minutes' declarations read {recorded}, not [{expected!r}]"
    assert f'{person} declared {said} on the item "{flagged_title}". Left the room for the item.' in admin.main_text()
    admin.screenshot("interests-declaration-minuted")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 2. The directory of partnership leads


def open_leads(b) -> None:
    b.get("/")
    follow_nav(b, "Network")
    expect_page(b, "/network", "The network", "the navigation's Network link")
    open_link(b, "Partnership leads by force area")
    expect_page(b, "/network/leads", "Partnership leads", "the 'Partnership leads by force area' link")
    assert caption_above_h1(b) == "The network", caption_above_h1(b)


def check_directory(b) -> dict[str, dict[str, str]]:
    """The directory: 43 force areas, and a status line counting those that name a lead."""
    rows = lead_rows(b)
    assert len(rows) == FORCE_AREAS, f"the directory lists {len(rows)} force areas, not {FORCE_AREAS}: {list(rows)}"
    named = [a for a, r in rows.items() if r["Lead"] != "None named"]
    for area, row in rows.items():
        if area not in named:
            assert row["Organisation"] == "" and row["Contact"] == "", f"{area} names no lead but shows {row}"
    assert status_line(b) == f"{len(named)} of {FORCE_AREAS} force areas name a lead.", (
        f"the status line reads {status_line(b)!r}; {len(named)} rows name a lead")
    return rows


def test_the_directory_of_partnership_leads_and_naming_ours(admin, settings):
    run = settings.run_id
    mailbox = f"partnerships-{run}@example.org"
    office = f"Head of Partnerships and Commissioning ({run})"

    # The directory, from the navigation.
    open_leads(admin)
    rows = check_directory(admin)
    named_before = status_line(admin)
    demo = rows[DEMO_LEAD["Force area"]]
    assert {k: demo[k] for k in DEMO_LEAD} == DEMO_LEAD, f"the Cambridgeshire row is {demo}"
    others = [a for a, r in rows.items() if a != DEMO_LEAD["Force area"] and r["Lead"] != "None named"]
    assert not others, f"force areas other than Cambridgeshire name a lead: {others}"
    assert named_before == f"1 of {FORCE_AREAS} force areas name a lead.", named_before
    admin.screenshot("network-leads")

    # The form, as it stands.
    open_link(admin, "Name our partnership lead")
    expect_page(admin, "/network/leads/ours", "Name our partnership lead", "the 'Name our partnership lead' link")
    labels = {f: squash(admin.find((By.CSS_SELECTOR, f"label[for='{f}']")).text) for f in (
        "force_area_code", "office", "organisation", "holder_key", "contact")}
    assert labels == {"force_area_code": "Police force area", "office": "Office or role title",
                      "organisation": "Organisation", "holder_key": "Held by (a person in public office only)",
                      "contact": "Contact"}, labels
    areas = [t for v, t in options_of(admin, "force_area_code") if v]
    assert sorted(areas) == sorted(rows), f"the form offers the force areas {areas}, not the directory's"
    assert options_of(admin, "holder_key")[0] == ("", "Nobody named"), options_of(admin, "holder_key")[:1]
    original = lead_form_values(admin)
    chosen = [t for v, t in options_of(admin, "force_area_code") if v == original["force_area_code"]]
    assert chosen == [DEMO_LEAD["Force area"]], f"the form shows the force area {chosen}"
    assert (original["office"], original["organisation"]) == (DEMO_LEAD["Lead"], DEMO_LEAD["Organisation"]), original

    restored = False
    try:
        # The organisation left empty, and a contact that is neither a mailbox nor a web page.
        admin.type_into("organisation", "")
        admin.type_into("contact", "ring the office")
        admin.click(admin.button("Save", admin.main()))
        assert admin.path == "/network/leads/ours", f"a lead with errors went to {admin.path}"
        problems = check_error_summary(admin, [
            ("organisation", "Enter the organisation"),
            ("contact", "Enter a shared mailbox (name@example.org) or a web page (https://…)"),
        ])
        kept = lead_form_values(admin)
        assert kept == {**original, "organisation": "", "contact": "ring the office"}, (
            f"the form with errors does not show what was given: {kept}")
        admin.screenshot("network-lead-errors")

        # Properly, with a shared mailbox.
        save_lead(admin, {**original, "office": office, "contact": mailbox})
        rows = check_directory(admin)
        assert status_line(admin) == named_before, f"naming the same force area's lead changed the count: {status_line(admin)!r}"
        row = rows[DEMO_LEAD["Force area"]]
        assert (row["Lead"], row["Organisation"], row["Contact"]) == (office, DEMO_LEAD["Organisation"], mailbox), row
        assert contact_link(admin, DEMO_LEAD["Force area"]) == (mailbox, f"mailto:{mailbox}"), (
            f"the contact is not a mailto link: {contact_link(admin, DEMO_LEAD['Force area'])}")
        admin.screenshot("network-leads-saved")

        # Put back as it was found.
        open_link(admin, "Name our partnership lead")
        expect_page(admin, "/network/leads/ours", "Name our partnership lead", "the 'Name our partnership lead' link")
        assert lead_form_values(admin) == {**original, "office": office, "contact": mailbox}, lead_form_values(admin)
        save_lead(admin, original)
        restored = True
        rows = check_directory(admin)
        assert status_line(admin) == named_before, status_line(admin)
        assert {k: rows[DEMO_LEAD["Force area"]][k] for k in DEMO_LEAD} == DEMO_LEAD, rows[DEMO_LEAD["Force area"]]
        assert contact_link(admin, DEMO_LEAD["Force area"]) is None, "the restored lead still shows a contact"
    finally:
        if not restored:  # leave the lead as it was found, whatever failed
            try:
                admin.check_accessibility = False
                admin.get("/network/leads/ours")
                save_lead(admin, original)
            except Exception:  # noqa: BLE001 - the failure itself matters more
                pass
            finally:
                admin.check_accessibility = True
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 3. The library


def open_library(b) -> None:
    b.get("/")
    follow_nav(b, "Network")
    expect_page(b, "/network", "The network", "the navigation's Network link")
    open_link(b, "The library of templates")
    expect_page(b, "/network/library", "The library", "the 'The library of templates' link")
    assert caption_above_h1(b) == "The network", caption_above_h1(b)


def check_library_sections(b) -> None:
    h2s = headings_h2(b)
    for wanted in ("Guidance task lists", "Surveys that come with Convene"):
        assert wanted in h2s, f"the library has no section {wanted!r}: {h2s}"
    templates = b.find_all((By.XPATH, "//main//h2[normalize-space()='Surveys that come with Convene']"
                                      "/following-sibling::ul[1]/li"))
    assert templates and all(re.search(r"\(\d+ questions\)$", squash(t.text)) for t in templates), (
        f"the surveys that come with Convene read {[t.text for t in templates]}")
    guidance = b.find_all((By.XPATH, "//main//h2[normalize-space()='Guidance task lists']/following-sibling::ul[1]/li"))
    assert guidance and all(re.search(r", version \d+$", squash(g.text)) for g in guidance), (
        f"the guidance task lists read {[g.text for g in guidance]}")


def test_a_survey_is_shared_copied_and_taken_out_of_the_library(admin, settings):
    run = settings.run_id
    title = f"Browser library survey {run}"
    note = f"Asked of our partners each spring; the free-text questions drew the most ({run})."

    # A survey of ours to share.
    survey = start_survey(admin, title)
    questions = ordered_questions(admin)

    # The library, from the navigation.
    open_library(admin)
    before = library_rows(admin)
    demo = [r for r in before if r["Template"] == DEMO_SHARED_SURVEY[1]]
    assert demo, f"the library does not list the demo's {DEMO_SHARED_SURVEY[1]!r}: {[r['Template'] for r in before]}"
    assert demo[0]["path"] == f"/network/library/{OUR_WORKSPACE[0]}/{DEMO_SHARED_SURVEY[0]}", demo[0]
    assert (demo[0]["Kind"], demo[0]["Shared by"]) == ("Survey", OUR_WORKSPACE[1]), demo[0]
    assert not [r for r in before if r["Template"] == title], f"{title!r} is in the library before it is shared"
    check_library_sections(admin)
    form = share_form(admin)
    assert form is not None, "the administrator is offered no 'Share one of ours' form"
    assert squash(admin.find((By.CSS_SELECTOR, "label[for='source']")).text) == "What to share"
    offered = options_of(admin, "source")
    assert offered[0] == ("", "Choose"), offered[:1]
    assert (f"survey:{survey}", f"Survey: {title}") in offered, f"the form does not offer {title!r}: {offered}"
    admin.screenshot("library")

    # Nothing chosen: refused, the note kept.
    admin.type_into("note", note)
    admin.click(admin.button("Share with the network", form))
    assert admin.path == "/network/library/share", f"sharing nothing went to {admin.path}"
    problems = check_error_summary(admin, [("source", "Choose a survey or terms of reference of yours to share")])
    assert admin.by_id("note").get_attribute("value") == note, "the form with an error forgot the note"
    assert shared_heading(admin) == len(before), "a refused share changed the library's count"
    admin.screenshot("library-share-error")

    # Our survey, shared.
    admin.choose("source", f"survey:{survey}")
    admin.click(admin.button("Share with the network", share_form(admin)))
    expect_page(admin, h1=title, what="sharing a survey")
    match = re.fullmatch(rf"/network/library/{OUR_WORKSPACE[0]}/([a-z0-9-]+)", admin.path)
    assert match, f"sharing a survey went to {admin.path}"
    item_path = admin.path
    assert caption_above_h1(admin) == "Survey", caption_above_h1(admin)
    assert summary_value(admin, "Shared by") == OUR_WORKSPACE[1], summary_value(admin, "Shared by")
    assert summary_value(admin, "Note") == note, summary_value(admin, "Note")
    assert f"The questions ({len(questions)})" in headings_h2(admin), headings_h2(admin)
    shared_questions = ordered_questions(admin)
    assert len(shared_questions) == len(questions), f"the library shows {len(shared_questions)} questions"
    assert all(q in li for q, li in zip(shared_questions, questions)), (
        "the shared survey's questions are not the survey's, in its order")
    admin.screenshot("library-item")

    # The library lists one more.
    follow_breadcrumb(admin, "The library")
    expect_page(admin, "/network/library", "The library", "the item's breadcrumb")
    after = library_rows(admin)
    assert len(after) == len(before) + 1, f"the library lists {len(after)}, not {len(before)} and one more"
    table = admin.find((By.XPATH, "//main//table[caption[normalize-space()='Shared by workspaces']]"))
    row, path = row_with_link(admin, table, title)
    assert path == item_path, f"the library links {title!r} to {path}, not {item_path}"
    mine = [r for r in after if r["Template"] == title][0]
    assert (mine["Kind"], mine["Shared by"]) == ("Survey", OUR_WORKSPACE[1]), mine

    # Copied into our workspace: a new draft with as many questions.
    admin.click(row.find_element(By.LINK_TEXT, title))
    expect_page(admin, item_path, title, "the library's link")
    assert "Copy it into our workspace" in headings_h2(admin), headings_h2(admin)
    press_button(admin, "Copy")
    expect_page(admin, h1=title, what="copying the survey")
    copied = re.fullmatch(r"/surveys/([a-z0-9-]+)", admin.path)
    assert copied and copied.group(1) != survey, f"copying went to {admin.path}, not a new survey's page"
    assert summary_value(admin, "Status") == "Draft", summary_value(admin, "Status")
    assert len(ordered_questions(admin)) == len(questions), (
        f"the copy has {len(ordered_questions(admin))} questions, the shared survey {len(questions)}")
    assert all(q in li for q, li in zip(shared_questions, ordered_questions(admin))), (
        "the copy's questions are not the shared survey's, in its order")
    admin.screenshot("library-copied-survey")

    # Taken out of the library.
    open_library(admin)
    admin.click(admin.find((By.XPATH, f"//main//table//a[normalize-space()={xpath_literal(title)}]")))
    expect_page(admin, item_path, title, "the library's link, again")
    press_button(admin, "Take it out of the library")
    expect_page(admin, "/network/library", "The library", "taking the survey out of the library")
    left = library_rows(admin)
    assert len(left) == len(before), f"the library lists {len(left)} after taking one out, not {len(before)}"
    assert not [r for r in left if r["Template"] == title], f"the library still lists {title!r}"
    assert admin.fetch_status(item_path) == 404, f"{item_path} still answers {admin.fetch_status(item_path)}"
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# 4. What a viewer is offered


def test_a_viewer_reads_flags_leads_and_the_library_but_changes_nothing(viewer):
    # The flag on the demo's meeting, without the link that records a declaration.
    viewer.get(DEMO_MEETING_PATH)
    expect_page(viewer, DEMO_MEETING_PATH, "Cambridgeshire High Harms Board", "the demo's meeting")
    check_demo_flag(viewer, record_link=False)
    assert not viewer.links("Record a declaration made at the meeting", viewer.main())

    # The directory, without the form to name a lead; the form is refused.
    open_leads(viewer)
    check_directory(viewer)
    assert not viewer.links("Name our partnership lead", viewer.main()), "a viewer is offered 'Name our partnership lead'"
    viewer.get("/network/leads/ours")
    assert viewer.status == 403, f"/network/leads/ours answered {viewer.status} to a viewer, not 403"
    assert viewer.h1() == "Forbidden", viewer.h1()
    assert not viewer.find_all((By.CSS_SELECTOR, "main form")), "the refusal shows a form"
    viewer.screenshot("network-leads-ours-viewer")

    # The library and a shared template, without the share form, Copy or "Take it out of the library".
    open_library(viewer)
    rows = library_rows(viewer)
    assert share_form(viewer) is None and not viewer.find_all((By.CSS_SELECTOR, "main form")), (
        "a viewer is offered a form on the library")
    assert "Share one of ours" not in headings_h2(viewer)
    check_library_sections(viewer)
    row = [r for r in rows if r["Template"] == DEMO_SHARED_SURVEY[1]]
    assert row, f"the viewer's library does not list {DEMO_SHARED_SURVEY[1]!r}"
    viewer.click(viewer.find((By.XPATH, f"//main//table//a[normalize-space()={xpath_literal(DEMO_SHARED_SURVEY[1])}]")))
    expect_page(viewer, row[0]["path"], DEMO_SHARED_SURVEY[1], "the library's link")
    count = re.fullmatch(r"The questions \((\d+)\)", [h for h in headings_h2(viewer) if h.startswith("The questions")][0])
    assert count and int(count.group(1)) == len(ordered_questions(viewer)) > 0, headings_h2(viewer)
    assert "Copy it into our workspace" not in headings_h2(viewer), headings_h2(viewer)
    assert not viewer.buttons("Copy", viewer.main()), "a viewer is offered 'Copy'"
    assert not viewer.buttons("Take it out of the library", viewer.main()), "a viewer is offered 'Take it out'"
    viewer.screenshot("library-item-viewer")
