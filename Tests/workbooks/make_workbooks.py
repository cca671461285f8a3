"""Writes the workbook fixtures with openpyxl, a real spreadsheet library, and each one's CSV.

    .build-venv-xlsx/bin/python Tests/workbooks/make_workbooks.py [--libreoffice]

Run it from anywhere; it writes beside itself. The files it writes are committed, so the Swift tests need no Python.
With --libreoffice it also asks LibreOffice (soffice --headless) to open the formula workbook and save it again, which
stores each formula's value, as Excel does, and to save the map again in its own way; without it, those two files
are left as they are.

partnership-map.xlsx     an office's sheet: a cover sheet first, then the register under a merged two-row title,
                         with date cells in three number formats, number cells, true/false cells, a date typed as
                         text, partnership cells merged down their member rows, a column Convene does not know, styled
                         empty cells after the last row and column, and a third sheet of lists
partnership-map.csv      the same register as a CSV file, as a person would type it: what the workbook must import as
partnership-map-1904.xlsx  the same workbook in the 1904 date system (Excel for Mac's old default)
no-register.xlsx         the cover sheet and the lists without the map: no sheet has the register's columns
bad-cells.xlsx           the same workbook with a role, a date and a salary that are wrong (cells listed in BAD_CELLS)
formula-unsaved.xlsx     the sub-group's "reports to" (FORMULA_CELL) as a formula whose value was never saved (openpyxl
                         cannot work a formula out)
formula-saved.xlsx       formula-unsaved.xlsx opened and saved by LibreOffice, which saves the formula's value
partnership-map-libreoffice.xlsx  partnership-map.xlsx opened and saved by LibreOffice (shared strings, its own styles)
"""

import csv
import datetime
import pathlib
import shutil
import subprocess
import sys
import tempfile

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = pathlib.Path(__file__).resolve().parent
SHEET = "Partnership map"
FIXED_TIME = datetime.datetime(2024, 3, 14, 9, 30)

# Office-style headers: Convene matches them ignoring case, spaces and underscores.
HEADER = [
    "Partnership name", "Type", "Status", "Started on", "Themes", "PCC roles", "Meeting frequency",
    "Secretariat name", "Reports to", "Member person name", "Member role title", "Member seniority",
    "Member salary band", "Member organisation name", "Member organisation sector", "Role", "Voting",
    "Member started on", "Member ended on", "Notes",
]
D = datetime.date
CDP = "Northshire Combating Drugs Partnership"
CSP = "Northshire Community Safety Partnership"
OPCC = "Office of the Police and Crime Commissioner"
# One row per membership. Dates are date cells unless given as text; salaries are numbers; voting is true/false.
ROWS = [
    [CDP, "Combating Drugs Partnership (CDP)", "active", D(2022, 9, 1), "drugs; treatment", "sro; funder",
     "Quarterly", OPCC, None, "Dr Asha Patel", "Director of Public Health", "director", 95000,
     "Northshire County Council", "Local government", "Chair", True, D(2022, 9, 1), None,
     "Chair since the partnership began"],
    [CDP, None, None, None, None, None, None, None, None, "Sam Reid", "Police and Crime Commissioner",
     "elected-official", 100000, OPCC, "policing-governance", "Senior Responsible Owner (SRO)", True,
     D(2022, 9, 1), None, None],
    [CDP, None, None, None, None, None, None, None, None, None, None, None, None,
     "Northshire Integrated Care Board", "health", "adviser", False, D(2022, 9, 1), D(2024, 3, 31),
     "The ICB left when the footprint changed"],
    [CSP, "csp", "Active", D(1999, 4, 1), "antisocial behaviour; serious violence", "member",
     "Every six weeks", "Northshire County Council", None, "Sam Reid", None, None, None, OPCC, None, "member",
     True, "14/03/2024", None, None],
    [CSP, None, None, None, None, None, None, None, None, "Lee Grant", "Chief Inspector", "senior-manager",
     62000.0, "Northshire Police", "police", "vice-chair", False, D(2023, 1, 16), None, None],
    ["Treatment sub-group", "sub-group", None, None, "treatment", None, "six-weekly", None,
     "northshire-combating-drugs-partnership", None, None, None, None, None, None, None, None, None, None, None],
]
FIRST_ROW = 5  # two title rows, a blank row and the header above
# The cells bad-cells.xlsx gets wrong, and what it puts in them.
BAD_CELLS = {"P6": "Chairman", "D8": "31/02/1999", "M9": "lots"}
# The cell formula-unsaved.xlsx and formula-saved.xlsx hold as a formula: the sub-group's "reports to".
FORMULA_CELL = "I10"
DATE_FORMATS = {"D": "dd/mm/yyyy", "R": "d mmmm yyyy", "S": "mm-dd-yy"}


def as_typed(value):
    """A cell as a person would type it into a CSV file."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, D):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def workbook(epoch=None, bad=False):
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    cover = book.active
    cover.title = "About"
    cover["A1"] = "Northshire's partnerships"
    cover["A2"] = "Kept by the Office of the Police and Crime Commissioner. The map is on the next sheet."
    cover["A3"] = "Last reviewed"
    cover["B3"] = D(2024, 3, 14)
    cover["B3"].number_format = "dd/mm/yyyy"

    sheet = book.create_sheet(SHEET)
    sheet["A1"] = "Northshire partnership map"
    sheet["A1"].font = Font(bold=True, size=16)
    sheet.merge_cells("A1:H1")
    sheet["A2"] = "One row for each member of each partnership. Dates are day/month/year."
    sheet.merge_cells("A2:H2")
    sheet["A2"].alignment = Alignment(wrap_text=True)
    for column, name in enumerate(HEADER, start=1):
        cell = sheet.cell(row=FIRST_ROW - 1, column=column, value=name)
        cell.font = Font(bold=True)
    for offset, values in enumerate(ROWS):
        row = FIRST_ROW + offset
        for column, value in enumerate(values, start=1):
            if value is None:
                continue
            cell = sheet.cell(row=row, column=column, value=value)
            letter = cell.column_letter
            if isinstance(value, D) and letter in DATE_FORMATS:
                cell.number_format = DATE_FORMATS[letter]
            elif letter == "M":
                cell.number_format = '"£"#,##0'
    # The CDP's name is merged down its three member rows, as offices lay their maps out.
    sheet.merge_cells(start_row=FIRST_ROW, start_column=1, end_row=FIRST_ROW + 2, end_column=1)
    # Styled cells with no value after the last row and column, as a spreadsheet leaves them.
    grey = PatternFill("solid", fgColor="DDDDDD")
    for row in range(FIRST_ROW, FIRST_ROW + len(ROWS) + 4):
        sheet.cell(row=row, column=len(HEADER) + 2).fill = grey
    for column in range(1, 6):
        sheet.cell(row=FIRST_ROW + len(ROWS) + 3, column=column).fill = grey
    if bad:
        for reference, value in BAD_CELLS.items():
            sheet[reference] = value
            sheet[reference].number_format = "General"

    lists = book.create_sheet("Lists")
    lists.append(["Types", "Roles"])
    for pair in [("cdp", "chair"), ("csp", "member"), ("sub-group", "adviser")]:
        lists.append(list(pair))
    return book


def write_csv(path):
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(HEADER)
        for values in ROWS:
            # The merged partnership name shows on every row it covers.
            writer.writerow([as_typed(v) for v in values[:1]] + [as_typed(v) for v in values[1:]])


def main():
    workbook().save(HERE / "partnership-map.xlsx")
    workbook(epoch=CALENDAR_MAC_1904).save(HERE / "partnership-map-1904.xlsx")
    workbook(bad=True).save(HERE / "bad-cells.xlsx")
    write_csv(HERE / "partnership-map.csv")
    no_register = workbook()
    del no_register[SHEET]
    no_register.save(HERE / "no-register.xlsx")

    # The sub-group's "reports to" as a formula over the CDP's name: the same text once its value is saved.
    formula = workbook()
    formula[SHEET][FORMULA_CELL] = f'=LOWER(SUBSTITUTE(A{FIRST_ROW}," ","-"))'
    formula.save(HERE / "formula-unsaved.xlsx")
    if "--libreoffice" in sys.argv:
        resave(HERE / "formula-unsaved.xlsx", HERE / "formula-saved.xlsx")
        resave(HERE / "partnership-map.xlsx", HERE / "partnership-map-libreoffice.xlsx")


def resave(source, target):
    """Opens a workbook in LibreOffice and saves it again as .xlsx (shared strings, its own styles, formula values)."""
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--calc",
             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", work, str(source)],
            check=True, capture_output=True)
        shutil.copy(pathlib.Path(work) / source.name, target)

if __name__ == "__main__":
    main()
