"""Journey: the Combating Drugs Partnerships' analyses on the demo. From the analyses index an OPCC lead opens the
PCC involvement table (the CDP deep dive's Appendix B, worked out from the register), follows a yes to its evidence
and on to the CDP, reads the SROs by role and the footprints, and sees the CDP's footprint verdict on its page.
Every page is checked with axe as it loads."""

from selenium.webdriver.common.by import By

CLEVELAND = "E23000013"
CLEVELAND_CDP = "/partnerships/cleveland-combating-drugs-partnership"


def test_cdp_analyses_from_the_index_to_the_evidence(admin):
    admin.get("/analysis")
    admin.click(admin.link("PCC involvement in CDPs"))
    assert admin.path == "/analysis/involvement", admin.path
    assert admin.h1() == "PCC involvement in CDPs"
    rows = {r[0]: r for r in admin.table_rows()}
    cleveland = rows["Cleveland"]
    # Cleveland: one CDP whose SRO is the PCC, and nothing else.
    assert cleveland[1] == "1", cleveland
    assert cleveland[2].startswith("Yes") and "from the register" in cleveland[2], cleveland
    assert all(cell == "No" for cell in cleveland[3:]), cleveland
    assert rows["Metropolitan Police"][1] == "31"
    admin.screenshot("cdp-involvement")

    evidence = admin.by_id(f"evidence-{CLEVELAND}")
    assert "Police and Crime Commissioner" in evidence.text
    admin.click(evidence.find_element(By.CSS_SELECTOR, f"a[href='{CLEVELAND_CDP}']"))
    assert admin.path == CLEVELAND_CDP
    footprint = admin.by_id("footprint").find_element(By.XPATH, "..")
    assert "Against the ICB boundaries" in footprint.text, footprint.text

    admin.get("/analysis/involvement")
    admin.click(admin.link("CDP SROs"))
    assert admin.h1() == "CDP Senior Responsible Owners"
    by_role = {r[0]: r for r in admin.table_rows(admin.find((By.CSS_SELECTOR, "main table")))}
    assert by_role["Deputy Mayor"][1] == "6", by_role["Deputy Mayor"]
    assert by_role["Police officer or staff"][1] == "3", by_role["Police officer or staff"]
    admin.screenshot("cdp-sros")

    admin.click(admin.link("CDP footprints"))
    assert admin.h1() == "CDP footprints"
    cdps = {r[0]: r for r in admin.table_rows(admin.find_all((By.CSS_SELECTOR, "main table"))[1])}
    cleveland_cdp = cdps["Cleveland Combating Drugs Partnership"]
    assert cleveland_cdp[1] == "E06000001, E06000002, E06000003, E06000004", cleveland_cdp
    assert "Hartlepool (E06000001)" in cleveland_cdp[2], cleveland_cdp
    admin.screenshot("cdp-footprints")
