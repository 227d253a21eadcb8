"""Dapodik's downloads through the roster import: the student list (Daftar PD) and the staff list (Daftar GTK) as
they come — found by their header's words, minimised, parents merged per family, classes chosen, idempotent."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from komunitas import dapodik
from komunitas.models import Participant, Person, PersonKind
from komunitas.roster_files import ImportFileError
from komunitas.tests.dapodik_files import (
    DEMO_STAFF,
    DEMO_STUDENTS,
    LOOKALIKE_TITLES,
    PD_TITLES,
    SECRET_ADDRESS,
    SECRET_BIRTHPLACE,
    SECRET_NIK,
    Staff,
    Student,
    daftar_gtk_xlsx,
    daftar_pd_xlsx,
)

pytestmark = pytest.mark.usefixtures("english")

FAMILIES = [
    Student("Budi Santoso", "0091000001", "Kelas 7A", father="Ahmad", mother="Siti Aminah"),
    None,  # a blank row in the middle
    Student("Ani Santoso", "0091000002", "VII-B", father="Ahmad", mother="Siti Aminah"),  # Budi's sister
    Student("Citra Dewi", "0091000003", "7 A", father="Ahmad", mother="Rina Marlina"),  # another Ahmad
    Student("Dodi Prasetyo", "0091000004", "VII A", father="-", mother="TIDAK ADA", guardian="Sutarni"),
    Student("Eko Wibowo", "", "7.A", nipd="2627005", father="0", mother="tidak diketahui", guardian="0"),
    Student("Fitri Handayani", "0091000006", "Kelas VII B", father="Joko", mother="Sri", guardian="Joko"),
]


def upload(data: bytes, name: str = "daftar_pd.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def preview(client, program, data, name="daftar_pd.xlsx"):
    return client.post(reverse("people_import", args=[program.pk]), {"file": upload(data, name)})


def choose(client, program, classes):
    return client.post(reverse("people_import", args=[program.pk]), {"choose_classes": "1", "classes": classes})


def confirm(client, program, classes=None):
    data = {"classes": classes} if classes is not None else {}
    return client.post(reverse("people_import_confirm", args=[program.pk]), data)


def children_of(parent: Person) -> list[str]:
    return sorted(parent.guardian_of.values_list("name", flat=True))


@pytest.mark.parametrize(
    ("flat", "titles"),
    [(False, None), (True, None), (False, LOOKALIKE_TITLES + PD_TITLES), (True, LOOKALIKE_TITLES)],
    ids=["two-row header", "flattened", "title rows like a header", "flattened under look-alikes"],
)
def test_a_daftar_pd_imports_students_classes_and_parents(signed_in, program, flat, titles):
    response = preview(signed_in, program, daftar_pd_xlsx(FAMILIES, flat=flat, titles=titles))
    assert response.status_code == 200
    assert response.context["source"] == "daftar_pd"
    assert response.context["counts"] == {"new": 13, "update": 0, "same": 0, "error": 0}, [
        (r.number, r.name, r.errors) for r in response.context["rows"]
    ]
    page = response.content.decode()
    assert "only names, NISN and class, and the parents' names are read" in page
    assert "Father of Budi Santoso, Ani Santoso" in page
    confirm(signed_in, program, classes=["7A", "7B"])

    students = {p.name: p for p in Person.objects.filter(kind=PersonKind.STUDENT)}
    assert {name: (p.identifier, p.class_name) for name, p in students.items()} == {
        "Budi Santoso": ("0091000001", "7A"),
        "Ani Santoso": ("0091000002", "7B"),
        "Citra Dewi": ("0091000003", "7A"),
        "Dodi Prasetyo": ("0091000004", "7A"),
        "Eko Wibowo": ("2627005", "7A"),  # no NISN: the NIPD
        "Fitri Handayani": ("0091000006", "7B"),
    }
    parents = Person.objects.filter(kind=PersonKind.PARENT).order_by("name", "pk")
    assert [(p.name, children_of(p)) for p in parents] == [
        ("Ahmad", ["Ani Santoso", "Budi Santoso"]),  # one father of two children: his name and the mother's match
        ("Ahmad", ["Citra Dewi"]),  # another Ahmad, married to someone else
        ("Joko", ["Fitri Handayani"]),  # the guardian column repeating the father is not a third parent
        ("Rina Marlina", ["Citra Dewi"]),
        ("Siti Aminah", ["Ani Santoso", "Budi Santoso"]),
        ("Sri", ["Fitri Handayani"]),
        ("Sutarni", ["Dodi Prasetyo"]),  # "-", "0", "TIDAK ADA", "tidak diketahui" are nobody
    ]
    assert Participant.objects.filter(program=program).count() == 13


def test_nik_birth_data_and_addresses_are_stored_nowhere(signed_in, program):
    preview(signed_in, program, daftar_pd_xlsx(FAMILIES))
    preview_session = json.dumps(dict(signed_in.session.items()))
    confirm(signed_in, program, classes=["7A", "7B"])
    preview(signed_in, program, daftar_gtk_xlsx(DEMO_STAFF), "daftar_gtk.xlsx")
    staff_session = json.dumps(dict(signed_in.session.items()))
    confirm(signed_in, program)
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    for where in (out.getvalue(), preview_session, staff_session):
        for secret in (SECRET_NIK, SECRET_ADDRESS, SECRET_BIRTHPLACE, "Ibu Rahasia", "Wiraswasta", "2013-05"):
            assert secret not in where
    assert "Budi Santoso" in preview_session and "Budi Santoso" in out.getvalue()


def test_importing_the_same_file_twice_changes_nothing(signed_in, program):
    data = daftar_pd_xlsx(FAMILIES)
    preview(signed_in, program, data)
    confirm(signed_in, program, classes=["7A", "7B"])
    count = Person.objects.count()
    response = preview(signed_in, program, data)
    assert response.context["counts"] == {"new": 0, "update": 0, "same": 13, "error": 0}
    confirm(signed_in, program, classes=["7A", "7B"])
    assert Person.objects.count() == count


def test_next_semesters_file_moves_classes_up_and_adds_the_newcomer(signed_in, program):
    def up(rombel):
        return rombel.replace("VII", "VIII").replace("7", "8")

    preview(signed_in, program, daftar_pd_xlsx(FAMILIES))
    confirm(signed_in, program, classes=["7A", "7B"])
    moved_up = [
        Student(
            s.name, s.nisn, s.rombel.replace("7", "8").replace("VII", "VIII"), s.father, s.mother, s.guardian, s.nipd
        )
        for s in FAMILIES
        if s
    ]
    newcomer = Student("Gilang Santoso", "0091000009", "VIII B", father="Ahmad", mother="Siti Aminah")  # Budi's brother
    response = preview(signed_in, program, daftar_pd_xlsx([*moved_up, newcomer]))
    counts = response.context["counts"]
    assert (counts["new"], counts["update"], counts["error"]) == (1, 8, 0), counts  # 6 classes, Ahmad's, Siti's
    confirm(signed_in, program, classes=["8A", "8B"])
    assert Person.objects.get(identifier="0091000001").class_name == "8A"
    assert Person.objects.filter(kind=PersonKind.STUDENT).count() == 7
    assert Person.objects.filter(kind=PersonKind.PARENT).count() == 7
    father = Person.objects.get(name="Ahmad", guardian_of__name="Budi Santoso")
    assert children_of(father) == ["Ani Santoso", "Budi Santoso", "Gilang Santoso"]


def test_a_student_first_imported_by_nipd_is_found_again_by_it(signed_in, program):
    Person.objects.create(school=program.school, name="Budi S.", kind="student", class_name="7A", identifier="2627001")
    student = Student("Budi Santoso", "0091000001", "7A", nipd="2627001")
    preview(signed_in, program, daftar_pd_xlsx([student]))
    confirm(signed_in, program)
    assert Person.objects.get(kind="student").identifier == "0091000001"


def test_only_the_ticked_classes_are_imported(signed_in, program):
    response = preview(signed_in, program, daftar_pd_xlsx(DEMO_STUDENTS))
    assert response.context["classes"] == [("7A", 15, True), ("7B", 15, True)]
    assert 'name="classes" value="7B"' in response.content.decode()
    response = choose(signed_in, program, ["7A"])
    assert response.context["classes"] == [("7A", 15, True), ("7B", 15, False)]
    rows = response.context["rows"]
    assert {r.class_name for r in rows if r.kind == "student"} == {"7A"}
    response = choose(signed_in, program, [])
    assert response.context["none_chosen"] and "Confirm and save" not in response.content.decode()
    assert "Tick at least one class" in confirm(signed_in, program, classes=[]).content.decode()

    confirm(signed_in, program, classes=["7A", "junk"])
    assert set(Person.objects.filter(kind="student").values_list("class_name", flat=True)) == {"7A"}
    assert Person.objects.filter(kind="student").count() == 15
    assert not Person.objects.filter(name__in=[s.name for s in DEMO_STUDENTS[15:]]).exists()
    assert not Person.objects.filter(name=DEMO_STUDENTS[25].father).exists()  # a 7B student's father
    # The parents of a 7A child and a 7B child are stored, linked to the 7A child only.
    sibling_father = Person.objects.get(name=DEMO_STUDENTS[2].father)
    assert children_of(sibling_father) == [DEMO_STUDENTS[2].name]


def test_choosing_classes_costs_the_same_queries_for_a_small_or_large_school(signed_in, program):
    def cost(students):
        preview(signed_in, program, daftar_pd_xlsx(students))
        with CaptureQueriesContext(connection) as queries:
            response = choose(signed_in, program, ["7A"])
        assert response.status_code == 200
        return len(queries)

    assert cost(DEMO_STUDENTS[:4]) == cost(DEMO_STUDENTS)


def test_a_daftar_gtk_imports_teachers_and_the_principal_and_leaves_out_other_staff(signed_in, program):
    invited = Person.objects.create(
        school=program.school, name="Agus Setiawan", kind="teacher", email="agus@contoh.sch.id", subject="IPA"
    )
    response = preview(signed_in, program, daftar_gtk_xlsx([*DEMO_STAFF[:4], None, *DEMO_STAFF[4:]]), "gtk.xlsx")
    assert response.context["counts"] == {"new": 5, "update": 1, "same": 0, "error": 0, "left_out": 2}
    page = response.content.decode()
    assert "Tenaga Administrasi Sekolah is neither a teacher nor the principal" in page
    assert response.context["classes"] == []
    confirm(signed_in, program)
    staff = {p.name: p for p in Person.objects.filter(school=program.school, kind__in=["teacher", "principal"])}
    assert staff["Dra. Sri Rahayu, M.Pd."].kind == "principal"
    assert staff["Dra. Sri Rahayu, M.Pd."].phone == "081200000001"
    assert staff["Yuni Astuti, S.Psi."].kind == "teacher"  # a vice-principal teaches
    assert staff["Rina Marlina, S.Pd."].identifier == "2345678901234567"  # no NIP: the NUPTK
    invited.refresh_from_db()  # found by e-mail: named as in Dapodik, with its NIP, keeping what Dapodik lacks
    assert (invited.name, invited.identifier, invited.subject) == ("Agus Setiawan, S.Pd.", "198003152005011002", "IPA")
    assert not Person.objects.filter(name__in=["Slamet Riyadi", "Paijo"]).exists()
    again = preview(signed_in, program, daftar_gtk_xlsx(DEMO_STAFF), "gtk.xlsx")
    assert again.context["counts"] == {"new": 0, "update": 0, "same": 6, "error": 0, "left_out": 2}


def test_a_principal_by_tugas_tambahan(signed_in, program):
    staff = [Staff("Hartono, M.Pd.", "Guru Mapel", nip="197001011995121001", tugas_tambahan="Kepala Sekolah")]
    preview(signed_in, program, daftar_gtk_xlsx(staff), "gtk.xlsx")
    confirm(signed_in, program)
    assert Person.objects.get(name="Hartono, M.Pd.").kind == "principal"


def _zip_with(data: bytes, replace: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            copy.writestr(info.filename, replace.get(info.filename, source.read(info)))
    return out.getvalue()


def test_a_file_whose_styles_excel_would_repair_is_read(signed_in, program):
    damaged = _zip_with(daftar_pd_xlsx(FAMILIES[:1]), {"xl/styles.xml": b"<styleSheet><numFmts count='x'"})
    response = preview(signed_in, program, damaged)
    assert response.context["counts"]["new"] == 3


def _broken_workbook() -> bytes:
    return _zip_with(daftar_pd_xlsx(FAMILIES[:1]), {"xl/workbook.xml": b"<workbook><sheets><sheet name="})


@pytest.mark.parametrize(
    "data",
    [
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600,  # an Excel 97-2003 .xls
        b'<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>Nama</td></tr></table>',
        b"\xef\xbb\xbf  <table border=1><tr><th>No</th><th>Nama</th></tr></table>",  # a web page saved as .xls
        _broken_workbook(),
    ],
    ids=["xls", "html", "html table", "broken xlsx"],
)
def test_files_that_cannot_be_read_say_how_to_resave_them(signed_in, program, data):
    response = preview(signed_in, program, data, "daftar_pd.xls")
    message = response.context["form"].errors["file"][0]
    assert "open it in Excel or LibreOffice, let it repair the file" in message and "(.xlsx)" in message
    assert response.context["rows"] is None


def _xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_xlsx([["q9#", 12, "zz"], [None, "!!", 3.5]]), "The columns do not match the template"),
        (daftar_pd_xlsx([]), "The file has a header but no rows."),
        (daftar_pd_xlsx([None, None]), "The file has a header but no rows."),
        (daftar_gtk_xlsx([]), "The file has a header but no rows."),
    ],
    ids=["garbage", "no students", "blank rows only", "no staff"],
)
def test_bad_files_are_refused_with_a_reason(signed_in, program, data, message):
    response = preview(signed_in, program, data)
    assert message in response.context["form"].errors["file"][0]


def test_a_bad_row_is_shown_with_its_excel_row_number(signed_in, program):
    students = [Student("Budi Santoso", "0091000001", "7A"), Student("", "0091000002", "Kelas 7Z9")]
    response = preview(signed_in, program, daftar_pd_xlsx(students))
    bad = [row for row in response.context["rows"] if row.errors]
    assert [row.number for row in bad] == [8]  # four title lines, a two-row header, then Budi on row 7
    assert any("The name is empty." in error for error in bad[0].errors)
    assert any("Unknown class" in error for error in bad[0].errors)
    assert "Confirm and save" not in response.content.decode()
    confirm(signed_in, program, classes=["7A"])
    assert not Person.objects.filter(kind="student").exists()


HEADER_WORDS = ["No", "Nama", "NISN", "NIPD", "Rombel Saat Ini", "Data Ayah", "Data Ibu", "Data Wali", "Nama Ayah"]
HEADER_WORDS += ["Nama Ibu", "Jenis PTK", "NIP", "NUPTK", "Tugas Tambahan", "Email", "HP", "Kepala Sekolah"]
CELLS = st.one_of(
    st.none(),
    st.sampled_from([*HEADER_WORDS, "Guru Mapel", "Kelas 7A", "VII-B", "-", "0", "TIDAK ADA", "L", "P"]),
    st.text(max_size=30),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.datetimes(),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=st.lists(st.lists(CELLS, max_size=12), max_size=12))
def test_any_table_gives_rows_or_a_clear_refusal(table):
    try:
        parsed = dapodik.parse_table(table)
    except ImportFileError:
        return
    assert parsed.source in ("template", "daftar_pd", "daftar_gtk")
    parsed.only_classes({name for name, _count in parsed.classes})
    dapodik.describe(parsed.rows)
    dapodik.Parsed.from_session(json.loads(json.dumps(parsed.to_session())))


@settings(max_examples=100, deadline=None)
@given(rows=st.lists(st.lists(CELLS, min_size=40, max_size=45), max_size=6), flat=st.booleans())
def test_any_rows_under_a_dapodik_header_give_rows_or_a_clear_refusal(rows, flat):
    """Under a real header, so the reader's every branch sees junk (the test above rarely builds a header)."""
    from openpyxl import load_workbook

    header = [
        list(r) for r in load_workbook(io.BytesIO(daftar_pd_xlsx([], flat=flat))).active.iter_rows(values_only=True)
    ]
    try:
        parsed = dapodik.parse_table(header + rows)
    except ImportFileError:
        return
    assert parsed.source == "daftar_pd"
    dapodik.describe(parsed.only_classes(set()))


def test_choosing_classes_without_a_preview_says_it_expired(signed_in, program):
    response = choose(signed_in, program, ["7A"])
    assert response.status_code == 200 and "The preview has expired" in response.content.decode()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(classes=st.lists(st.one_of(st.text(max_size=40), st.sampled_from(["7A", "7B", "8A"])), max_size=5))
def test_any_class_choice_is_previewed_or_refused_never_a_500(signed_in, program, classes):
    preview(signed_in, program, daftar_pd_xlsx(DEMO_STUDENTS[:2] + DEMO_STUDENTS[15:17]))
    assert choose(signed_in, program, classes).status_code == 200
    assert confirm(signed_in, program, classes=classes).status_code in (200, 302)


def test_the_templates_email_column_sets_an_address_and_an_empty_cell_keeps_it(signed_in, program):
    from komunitas.tests.test_roster_import import csv_file

    Person.objects.create(school=program.school, name="Rudi", kind="teacher", email="rudi@contoh.sch.id")
    header = "nama,peran,nis_nip,email\n"
    response = signed_in.post(
        reverse("people_import", args=[program.pk]),
        {"file": csv_file(header + "Rudi,guru,,\nWati,guru,,wati@contoh.sch.id\nTono,guru,,tono@\n")},
    )
    assert [r.action for r in response.context["rows"]] == ["update", "new", "error"]  # Rudi joins the program
    assert "“tono@” is not an e-mail address." in response.context["rows"][2].errors
    response = signed_in.post(
        reverse("people_import", args=[program.pk]),
        {"file": csv_file(header + "Rudi,guru,,\nWati,guru,,wati@contoh.sch.id\n")},
    )
    confirm(signed_in, program)
    assert Person.objects.get(name="Rudi").email == "rudi@contoh.sch.id"
    assert Person.objects.get(name="Wati").email == "wati@contoh.sch.id"
