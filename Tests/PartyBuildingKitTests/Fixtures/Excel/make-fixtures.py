#!/usr/bin/env python3
"""Writes the openpyxl workbooks the Excel tests read, from the sample CSV files under Examples/data/.

Numbers become numeric cells (integers as int, decimals as float, which openpyxl writes as the shortest text that
reads back to the same binary value, as Excel does); empty CSV fields are left out, so rows are sparse. Run by
make-fixtures.sh; the outputs are checked in.

  dazhou-openpyxl.xlsx    header in row 1
  dazhou-title.xlsx       a merged title in row 1 (A1 across all columns), an empty row 2, the header in row 3;
                          the sheet is the second of two (the first is a notes sheet)
  zhungeer-openpyxl.xlsx  header in row 1
"""
import csv
import datetime
import re
import sys

import openpyxl
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

INTEGER = re.compile(r"-?[0-9]+\Z")
DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+\Z")
FIXED_TIME = datetime.datetime(2025, 1, 1, 0, 0, 0)


def typed(field):
    if INTEGER.match(field):
        return int(field)
    if DECIMAL.match(field):
        return float(field)
    return field if field != "" else None


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle) if any(row)]


def fill(sheet, rows, first_row):
    for offset, row in enumerate(rows):
        for column, field in enumerate(row, start=1):
            value = typed(field) if offset > 0 else field
            if value is not None:
                sheet.cell(row=first_row + offset, column=column, value=value)


def save(book, path):
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    book.properties.creator = "make-fixtures.py"
    book.save(path)


def simple(csv_path, out_path, sheet_name):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = sheet_name
    fill(sheet, read_csv(csv_path), 1)
    save(book, out_path)


def with_title(csv_path, out_path):
    rows = read_csv(csv_path)
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "说明"
    notes["A1"] = "示例数据，非真实人员"
    sheet = book.create_sheet("考核数据")
    sheet["A1"] = "达州市2025年度村(社区)党组织书记考核数据"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[0]))
    fill(sheet, rows, 3)
    for column in range(1, len(rows[0]) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    save(book, out_path)


def main():
    data = sys.argv[1]
    simple(data + "/dazhou.csv", "dazhou-openpyxl.xlsx", "达州")
    with_title(data + "/dazhou.csv", "dazhou-title.xlsx")
    simple(data + "/zhungeer.csv", "zhungeer-openpyxl.xlsx", "准格尔旗")


main()
