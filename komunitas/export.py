"""The program's data for analysis: ``/programs/<id>/export.xlsx`` (one sheet per table) and a CSV per table.

Every app declares its tables through the plug-in contract (``Activity.export_sheets``: ``fn(access) ->
[Sheet]``, each at a fixed number of queries); the core declares participants, sessions and attendance. A sheet
that holds students' or parents' personal data says so (``personal``) and goes only to those who may see it
(``ProgramAccess.sees_personal_data``): a district officer's export has the rest.

Cells are written safely: in an XLSX a text that begins with "=" is a string, never a formula, and control
characters (pasted into a text) are left out; in a CSV such a text is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from .access import ProgramAccess


@dataclass(frozen=True)
class Sheet:
    key: str  # its CSV's name, e.g. "attendance" (letters, digits, "-" and "_")
    title: str  # the sheet's name, in the interface's language
    rows: list[list]  # the header first; dates as dates
    personal: bool = False  # holds students' or parents' personal data: for the school's staff only


def program_sheets(access: ProgramAccess) -> list[Sheet]:
    """Every registered table the viewer may have, in the activities' order."""
    from . import activities

    sheets = []
    # The core's tables (participants, sessions, attendance) first: every other table refers to them.
    for activity in sorted(activities.activities(), key=lambda activity: activity.app != "komunitas"):
        for tables in activity.export_sheets:
            sheets += [sheet for sheet in tables(access) if access.sees_personal_data or not sheet.personal]
    return sheets


def workbook(sheets: Sequence[tuple[str, list[list]]]) -> bytes:
    """An XLSX with a sheet per (title, rows): bold header, frozen first row, dates formatted as dates."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for title, rows in sheets:
        name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:28] or "Sheet"
        while name in used:
            name = name[:26] + str(len(used))
        used.add(name)
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) if isinstance(cell, str) else cell for cell in row])
        for line in sheet.iter_rows():
            for cell in line:
                if cell.data_type == "f":  # text beginning with "=": a string cell, never a formula
                    cell.data_type = "s"
                elif isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def safe_csv_cell(cell):
    """Text that a spreadsheet would run as a formula is kept as text."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@"):
        return "'" + cell
    if isinstance(cell, dt.date):
        return cell.isoformat()
    return cell


def csv_text(rows: list[list]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows([safe_csv_cell(cell) for cell in row] for row in rows)
    return "\ufeff" + out.getvalue()  # the BOM makes Excel read UTF-8
