"""Reads Convene's workbook export with openpyxl, a spreadsheet library Convene did not write, and holds it to the
CSV export of the same register: the same header, the same rows, dates as date cells, salaries as numbers. Then
saves the workbook again through openpyxl, for Convene to read back (scripts/check-xlsx-python does).

    python check_export.py EXPORT.xlsx EXPORT.csv RESAVED.xlsx

Prints one line per check ('ok' or 'FAILED'); exits 1 when any check fails.
"""

import csv
import datetime
import sys

import openpyxl

DATE_COLUMNS = {"started_on", "ended_on", "member_started_on", "member_ended_on"}
NUMBER_COLUMNS = {"member_salary_band"}


def text(value):
    """A cell as the CSV export writes it."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value)


def main(workbook_path, csv_path, resaved_path):
    results = []

    def check(ok, what):
        print(("ok      " if ok else "FAILED  ") + what)
        results.append(ok)

    book = openpyxl.load_workbook(workbook_path)
    check(book.sheetnames == ["Register"], f"one sheet, Register (got {book.sheetnames})")
    sheet = book.worksheets[0]
    rows = list(sheet.iter_rows())
    with open(csv_path, newline="", encoding="utf-8") as source:
        expected = list(csv.reader(source))
    header = [cell.value for cell in rows[0]]
    check(header == expected[0], "the header row is the CSV's header")
    check(sheet.freeze_panes == "A2", f"the header row is frozen (got {sheet.freeze_panes})")
    check(len(rows) == len(expected), f"{len(expected) - 1} rows, as the CSV (got {len(rows) - 1})")
    width = len(expected[0])
    cells = [[text(cell.value) for cell in row] + [""] * (width - len(row)) for row in rows]
    check(cells == expected, "every cell reads as the CSV's")
    dates = [cell for row in rows[1:] for cell in row if header[cell.column - 1] in DATE_COLUMNS and cell.value]
    check(bool(dates) and all(cell.is_date for cell in dates), f"{len(dates)} date cells, each a date")
    check(all(cell.number_format == "yyyy-mm-dd" for cell in dates), "dates shown as yyyy-mm-dd")
    numbers = [cell for row in rows[1:] for cell in row if header[cell.column - 1] in NUMBER_COLUMNS and cell.value]
    check(bool(numbers) and all(isinstance(cell.value, int) for cell in numbers), f"{len(numbers)} salaries, numbers")
    book.save(resaved_path)
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
