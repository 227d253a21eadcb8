"""The shared reads (komunitas/selectors.py): held of planned counted in one place, the context every session
page shares, and the printable attendance list."""

import datetime as dt

import pytest

from komunitas import services
from komunitas.access import program_access_for
from komunitas.selectors import attendance_sheet, session_counts, session_page
from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import START, AttendanceFactory, PersonFactory, SessionFactory, StudentFactory
from komunitas.uploads import CleanFile


def test_held_of_planned_per_week_and_kind(program, django_assert_num_queries):
    SessionFactory(program=program, kind="reflection", date=START, status="held")
    SessionFactory(program=program, kind="reflection", date=START, status="planned")
    SessionFactory(program=program, kind="reflection", date=START, status="cancelled")  # not planned any more
    SessionFactory(program=program, kind="other", date=START + dt.timedelta(days=7), status="held")
    SessionFactory(program=program, kind="other", date=START - dt.timedelta(days=1), status="held")  # before it
    with django_assert_num_queries(1):
        counts = session_counts(program)
    assert (counts.cell(1, "reflection").held, counts.cell(1, "reflection").planned) == (1, 2)
    assert (counts.week(2).held, counts.week(2).planned) == (1, 1)
    assert [week.planned for week in counts.weekly(["reflection"])] == [2] + [0] * 9
    assert (counts.total().held, counts.total().planned, counts.total().percent) == (2, 3, 67)
    assert counts.cell(3, "reflection").percent is None  # nothing planned: no share


def test_rows_already_read_cost_no_query(program, django_assert_num_queries):
    with django_assert_num_queries(0):
        counts = session_counts(program, rows=[("reflection", START, "held"), ("reflection", START, "planned")])
    assert counts.cell(1, "reflection").held == 1


@pytest.fixture
def session_with_photo(program, facilitator, teacher):
    session = SessionFactory(program=program, created_by=facilitator)
    student = StudentFactory(school=program.school, consents=[])
    photo = services.attachment_add(
        session=session,
        clean=CleanFile(jpeg_bytes(), "image/jpeg", "jpg"),
        original_name="kelas.jpg",
        caption="",
        people=[student],
        user=teacher,
    )
    return session, photo


def test_a_session_page_says_what_the_viewer_may_do(program, session_with_photo, teacher, principal, district_officer):
    session, photo = session_with_photo
    as_teacher = session_page(program_access_for(teacher, program.pk), session)
    assert as_teacher["may"] == {"edit": False, "delete": False, "take_attendance": True}
    assert as_teacher["attachments"] == []  # a student without consent for staff pages, even their uploader
    as_principal = session_page(program_access_for(principal, program.pk), session)
    assert as_principal["may"]["take_attendance"] is False
    # those who manage consent see it, marked, to delete it or record consent
    assert [(item, item.consent_staff, item.can_delete) for item in as_principal["attachments"]] == [
        (photo, False, False)
    ]
    as_officer = session_page(program_access_for(district_officer, program.pk), session)
    assert as_officer["attachments"] == []


def test_the_attendance_sheet_lists_the_audience_and_anyone_recorded(program, principal, teacher):
    session = SessionFactory(program=program, kind="reflection")
    outsider_of_list = PersonFactory(school=program.school, name="Tamu")
    AttendanceFactory(session=session, person=teacher.person)
    AttendanceFactory(session=session, person=outsider_of_list)
    sheet = attendance_sheet(program_access_for(principal, program.pk), session)
    assert [(person.name, record.status if record else None) for person, record in sheet["rows"]] == [
        ("Guru01", "present"),
        ("Tamu", "present"),
    ]
    assert (sheet["present_count"], sheet["principal"]) == (2, principal.person)
