"""Roster import: preview first, nothing saved on errors, re-import creates no duplicates."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from komunitas.models import Participant, Person

HEADER = "nama,peran,nis_nip,kelas,mapel,telepon,orang_tua_dari,izin_foto,peserta\n"
GOOD = HEADER + (
    "Siti Aminah,guru,198001012005012001,,Matematika,,,,ya\n"
    "Budi Santoso,siswa,2324001,7a,,,,ya,ya\n"
    "Ani Wulandari,siswa,2324002,VIII-B,,,,tidak,ya\n"
    "Sutrisno,orang tua,,,,0812000002,2324001,,ya\n"
)


pytestmark = pytest.mark.usefixtures("english")


def csv_file(text, name="roster.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_file(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return SimpleUploadedFile("roster.xlsx", out.getvalue())


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def preview(client, program, upload):
    return client.post(reverse("people_import", args=[program.pk]), {"file": upload})


def confirm(client, program):
    return client.post(reverse("people_import_confirm", args=[program.pk]))


def test_preview_saves_nothing_and_confirm_saves_everything(signed_in, program):
    before = Person.objects.count()
    response = preview(signed_in, program, csv_file(GOOD))
    assert response.status_code == 200
    assert response.context["counts"] == {"new": 4, "update": 0, "same": 0, "error": 0}
    assert Person.objects.count() == before

    response = confirm(signed_in, program)
    assert response.status_code == 302
    budi = Person.objects.get(name="Budi Santoso")
    assert (budi.class_name, budi.identifier) == ("7A", "2324001")
    assert sorted(budi.photo_consents.active().values_list("purpose", flat=True)) == ["report", "staff"]
    assert Person.objects.get(name="Ani Wulandari").class_name == "8B"
    assert list(Person.objects.get(name="Sutrisno").guardian_of.all()) == [budi]
    assert Participant.objects.filter(program=program).count() == 4


def test_reimporting_the_same_file_creates_no_duplicates(signed_in, program):
    preview(signed_in, program, csv_file(GOOD))
    confirm(signed_in, program)
    count = Person.objects.count()
    response = preview(signed_in, program, csv_file(GOOD))
    assert response.context["counts"] == {"new": 0, "update": 0, "same": 4, "error": 0}
    confirm(signed_in, program)
    assert Person.objects.count() == count


def test_a_changed_row_updates_the_person(signed_in, program):
    preview(signed_in, program, csv_file(GOOD))
    confirm(signed_in, program)
    response = preview(signed_in, program, csv_file(GOOD.replace("2324001,7a", "2324001,7B")))
    assert response.context["counts"]["update"] == 1
    confirm(signed_in, program)
    assert Person.objects.get(identifier="2324001").class_name == "7B"


def test_xlsx_with_numbers_in_text_columns_is_read_as_text(signed_in, program):
    upload = xlsx_file(
        [
            ["nama", "peran", "nis_nip", "kelas"],
            ["Budi Santoso", "siswa", 2324001.0, "7A"],
            ["Kelas Angka", "siswa", 2324003, 9],
        ]
    )
    response = preview(signed_in, program, upload)
    assert response.context["counts"]["error"] == 0, response.context["rows"]
    confirm(signed_in, program)
    assert Person.objects.get(name="Budi Santoso").identifier == "2324001"
    assert Person.objects.get(name="Kelas Angka").class_name == "9"


def test_excel_dates_in_text_columns_are_refused(signed_in, program):
    upload = xlsx_file([["nama", "peran", "kelas"], ["Budi", "siswa", dt.datetime(2026, 7, 1)]])
    response = preview(signed_in, program, upload)
    assert "holds a date (01-07-2026)" in response.context["rows"][0].errors[0]
    assert not Person.objects.filter(name="Budi").exists()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (",guru,,,,,,,", "The name is empty."),
        ("Budi,pelatih,,,,,,,", "Unknown role"),
        ("Budi,siswa,,7Z9,,,,,", "Unknown class"),
        ("Budi,siswa,,,,,,,", "A student needs a class"),
        ("Budi,siswa,,7A,,,,mungkin,", "is not ya/tidak"),
        ("Pak Budi,orang tua,,,,,9999999,,", "No student “9999999”"),
        ("Budi,guru,,,,,2324001,,", "Only a parent can be linked"),
    ],
)
def test_each_bad_row_is_listed_with_its_number_and_reason(signed_in, program, row, message):
    response = preview(signed_in, program, csv_file(HEADER + "Siti,guru,,,,,,,\n" + row + "\n"))
    rows = response.context["rows"]
    assert rows[1].number == 3
    assert any(message in error for error in rows[1].errors), rows[1].errors
    assert response.context["has_errors"]
    assert "Confirm and save" not in response.content.decode()
    # and nothing can be confirmed
    assert confirm(signed_in, program).status_code == 302
    assert not Person.objects.filter(name="Siti").exists()


def test_duplicate_rows_are_refused(signed_in, program):
    response = preview(signed_in, program, csv_file(HEADER + "Budi,siswa,1,7A,,,,,\nBudi B,siswa,1,7A,,,,,\n"))
    assert "Same person as row 2." in response.context["rows"][1].errors


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (csv_file("nama;jabatan\nBudi;guru\n"), "The columns do not match the template"),
        (csv_file("nama,umur\nBudi,12\n"), "missing: peran"),
        (csv_file(""), "file is empty."),
        (csv_file(HEADER), "no rows"),
        (SimpleUploadedFile("virus.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"), "not a CSV or XLSX"),
        (SimpleUploadedFile("fake.xlsx", b"PK\x03\x04 not really a zip"), "not a CSV or XLSX"),
        (SimpleUploadedFile("big.csv", HEADER.encode() + b"x" * (10 * 1024 * 1024)), "at most 2.0"),
    ],
)
def test_unreadable_files_get_a_clear_message(signed_in, program, upload, message):
    response = preview(signed_in, program, upload)
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["file"])
    assert message in errors
    assert response.context["rows"] is None


def test_semicolon_csv_from_indonesian_excel_is_understood(signed_in, program):
    response = preview(signed_in, program, csv_file(GOOD.replace(",", ";")))
    assert response.context["counts"]["new"] == 4


def test_templates_hold_the_columns_and_no_people(signed_in, program):
    for fmt in ("csv", "xlsx"):
        response = signed_in.get(reverse("import_template", args=[program.pk, fmt]))
        assert response.status_code == 200
        assert "attachment" in response["Content-Disposition"]
        result = preview(signed_in, program, SimpleUploadedFile(f"t.{fmt}", response.content))
        # The header is accepted as it is; there is nobody to import until the school fills it in.
        assert result.context["form"].errors["file"] == ["The file has a header but no rows."]


def test_xlsx_template_examples_sheet_is_ignored_and_filled_template_imports(signed_in, program):
    from openpyxl import load_workbook

    response = signed_in.get(reverse("import_template", args=[program.pk, "xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Peserta", "Contoh"]
    workbook["Peserta"].append(["Budi Santoso", "siswa", "0012", "7A", "", "0812000111", "", "ya", "ya"])
    out = io.BytesIO()
    workbook.save(out)
    preview(signed_in, program, SimpleUploadedFile("isi.xlsx", out.getvalue()))
    confirm(signed_in, program)
    budi = Person.objects.get(name="Budi Santoso")
    assert (budi.identifier, budi.phone) == ("0012", "0812000111")


def test_confirm_without_preview_says_it_expired(signed_in, program):
    response = signed_in.post(reverse("people_import_confirm", args=[program.pk]), follow=True)
    assert "The preview has expired" in response.content.decode()


def _rows(count: int, program, *, start: int = 0) -> list:
    from komunitas import roster_import

    table = [roster_import.TEMPLATE_HEADER]
    for index in range(start, start + count):
        table.append([f"Siswa {index}", "siswa", f"24{index:05d}", "7A", "", "", "", "ya", "ya"])
        table.append([f"Wali {index}", "orang tua", "", "", "", "", f"24{index:05d}", "", "ya"])
    rows = roster_import.parse_rows(table)
    roster_import.compare_with_roster(rows, program)
    return rows


@pytest.mark.parametrize("action", ["new", "update"])
def test_applying_an_import_costs_the_same_queries_for_ten_or_sixty_people(program, action):
    """Bulk writes, not a query per row: a whole school imports in a handful of queries (more only when a bulk
    write is split into batches, e.g. every 999 values on SQLite)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from komunitas import roster_import

    def cost(count, start):
        rows = _rows(count, program, start=start)
        if action == "update":
            roster_import.apply_rows(rows, program)
            for row in rows:
                row.phone = "0812"  # every row changes
            roster_import.compare_with_roster(rows, program)
        with CaptureQueriesContext(connection) as queries:
            counts = roster_import.apply_rows(rows, program)
        assert counts[action] == 2 * count
        return len(queries)

    cost(1, 2000)  # warms the content types' cache (the audit log's), which run alone starts empty
    assert cost(5, 0) == cost(30, 1000)
    parent = Person.objects.get(name="Wali 1020")
    assert [child.name for child in parent.guardian_of.all()] == ["Siswa 1020"]
    assert Participant.objects.filter(program=program, person=parent, role="parent").exists()


def test_two_rows_that_are_one_person_on_the_roster_are_refused(signed_in, program):
    """One row finds Budi by his NIS, the other by name and class: the second is an error, never a 500."""
    preview(signed_in, program, csv_file(GOOD))
    confirm(signed_in, program)
    twice = (
        "nama,peran,nis_nip,kelas,mapel,telepon,orang_tua_dari,izin_foto,peserta\n"
        "Budi Santoso,siswa,2324001,7A,,,,ya,ya\n"
        "Budi Santoso,siswa,,7A,,,,ya,ya\n"
    )
    response = preview(signed_in, program, csv_file(twice))
    assert response.context["counts"]["error"] == 1
    assert "Same person as row 2." in response.context["rows"][1].errors


def _xlsx_with(sheet_xml: bytes) -> SimpleUploadedFile:
    """A minimal XLSX whose first sheet is ``sheet_xml`` (built by hand: openpyxl would take minutes)."""
    import zipfile

    parts = {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',  # noqa: E501
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',  # noqa: E501
        "xl/workbook.xml": b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>',  # noqa: E501
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',  # noqa: E501
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return SimpleUploadedFile("roster.xlsx", out.getvalue())


def test_a_small_file_that_unpacks_into_millions_of_cells_is_refused_at_once(signed_in, program):
    import time

    cells = b"<c><v>1</v></c>" * 3_000_000  # one row of 3 million cells: 45 MB unpacked, a few hundred KB packed
    upload = _xlsx_with(
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
        + cells
        + b"</row></sheetData></worksheet>"
    )
    assert upload.size < 2 * 1024 * 1024
    started = time.monotonic()
    response = preview(signed_in, program, upload)
    assert time.monotonic() - started < 5
    assert "far more cells than a roster" in response.context["form"].errors["file"][0]


def test_a_file_whose_shared_strings_unpack_into_gigabytes_is_refused_at_once(signed_in, program):
    """openpyxl reads the shared strings whole: every part of the file counts, not only the sheets."""
    import time
    import zipfile

    upload = _xlsx_with(
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
    )
    out = io.BytesIO(upload.read())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"<sst>" + b"<si><t>x</t></si>" * 2_000_000 + b"</sst>")
    started = time.monotonic()
    response = preview(signed_in, program, SimpleUploadedFile("roster.xlsx", out.getvalue()))
    assert time.monotonic() - started < 5
    assert "far more cells than a roster" in response.context["form"].errors["file"][0]


def test_only_the_first_eighty_columns_are_read(signed_in, program):
    """Eighty: Dapodik's Daftar PD has about 66 columns (the template 10)."""
    from komunitas.roster_files import MAX_COLUMNS

    header = roster_import_header() + [f"extra{i}" for i in range(1000)]
    response = preview(signed_in, program, csv_file(",".join(header) + "\nBudi,siswa,,7A,,,,,\n"))
    message = response.context["form"].errors["file"][0]
    last = MAX_COLUMNS - len(header[:10]) - 1  # the template's columns, then the school's own up to the limit
    assert f"extra{last}" in message and f"extra{last + 1}" not in message


def roster_import_header():
    from komunitas import roster_import

    return list(roster_import.TEMPLATE_HEADER)
