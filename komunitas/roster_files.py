"""Reading a roster file (CSV or XLSX) within bounds: what ``roster_import`` parses, checks and applies.

A roster is a few hundred rows; a file may claim otherwise. The upload's size, an XLSX's unpacked size, its
columns, rows and reading time are all limited, and a file that cannot be read is refused as a whole
(``ImportFileError``), with one sentence saying what to do. Dapodik's downloads often need Excel's "repair":
such a file is read without its styles if openpyxl refuses it whole; one that still cannot be read, an old
binary .xls or a web page saved as .xls gets the way to re-save it.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_IMPORT_BYTES = 2 * 1024 * 1024  # a roster of a whole school is a few hundred KB
MAX_ROWS = 3000
MAX_COLUMNS = 80  # the template has 10; Dapodik's Daftar PD about 66 (its class, "Rombel Saat Ini", is the 43rd)
MAX_SHEET_BYTES = 20 * 1024 * 1024  # the whole file unpacked: a whole school's roster is a few MB
READ_SECONDS = 10

OLE_HEADER = b"\xd0\xcf\x11\xe0"  # an Excel 97–2003 workbook (.xls)


def _resave() -> str:
    return _(
        "This spreadsheet cannot be read as it is: open it in Excel or LibreOffice, let it repair the file, then "
        "“Save As” Excel Workbook (.xlsx) and upload that copy."
    )


def _looks_like_html(raw: bytes) -> bool:
    start = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<meta")) or b"<table" in start


class ImportFileError(ValidationError):
    """The file as a whole cannot be read (wrong type, too large, wrong columns)."""


def read_table(upload) -> list[list[object]]:
    """Cells of the first sheet (XLSX) or of the CSV, as a list of rows."""
    if upload.size > MAX_IMPORT_BYTES:
        raise ImportFileError(
            _("The file is %(size)s; a roster file may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_IMPORT_BYTES)}
        )
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return _read_xlsx(upload)
    raw = upload.read()
    if raw.startswith(OLE_HEADER) or _looks_like_html(raw):
        raise ImportFileError(_resave())
    if b"\x00" in raw[:4096]:
        raise ImportFileError(_("This is not a CSV or XLSX file. Download the template and fill it in."))
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):  # latin-1 decodes anything
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row[:MAX_COLUMNS] for row in csv.reader(io.StringIO(text), dialect)]


def _read_xlsx(upload) -> list[list[object]]:
    """The first sheet's cells, read within bounds: a small file can unpack into millions of cells (a sheet
    of 333 KB held one row of 3 million), so the unpacked size, the columns, the rows and the time are limited."""
    not_a_roster = _("This is not a CSV or XLSX file. Download the template and fill it in.")
    try:
        with zipfile.ZipFile(upload) as archive:
            # Every part counts: the shared strings are read whole, and a sheet may sit at any path.
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportFileError(not_a_roster) from error
    if not any(name.lower().startswith("xl/") for name in names):  # a Word file, a folder of photos …
        raise ImportFileError(not_a_roster)
    if unpacked > MAX_SHEET_BYTES:
        raise ImportFileError(
            _(
                "The spreadsheet holds far more cells than a roster (%(size)s unpacked). "
                "Copy only the roster into a new file."
            )
            % {"size": filesizeformat(unpacked)}
        )
    upload.seek(0)
    data = upload.read()
    try:
        return _cells(data)
    except ImportFileError:
        raise
    except Exception:  # openpyxl raises many kinds of error on a damaged file: try once more, leniently
        pass
    try:  # what Excel "repairs" in Dapodik's files is mostly their styles, which the import does not need
        return _cells(_without_styles(data))
    except ImportFileError:
        raise
    except Exception as error:
        raise ImportFileError(_resave()) from error


def _without_styles(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            if info.filename.lower() != "xl/styles.xml":
                copy.writestr(info, source.read(info))
    return out.getvalue()


def _cells(data: bytes) -> list[list[object]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    started = time.monotonic()
    rows = []
    try:
        for values in workbook.worksheets[0].iter_rows(max_col=MAX_COLUMNS, values_only=True):
            rows.append(list(values))
            if len(rows) > MAX_ROWS + 1:
                break
            if time.monotonic() - started > READ_SECONDS:
                raise ImportFileError(
                    _("Reading this spreadsheet takes too long. Copy only the roster into a new file.")
                )
    finally:
        workbook.close()
    return rows
