"""The principal's Monday, in a real browser at phone size: the dashboard, then the final report downloaded."""

import datetime as dt

import pytest
from django.utils import timezone
from pypdf import PdfReader

from komunitas.models import Attendance, Participant, Person, PersonKind, Session
from komunitas.testing import settle, sign_in
from komunitas.tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.browser


def test_principal_reads_the_dashboard_on_a_phone_and_downloads_the_report(phone, live_program, tmp_path):
    school = live_program.school
    MembershipFactory(user=UserFactory(username="kepsek"), school=school, role="principal")
    Person.objects.create(
        school=school, name="Hj. Nurlela, M.Pd.", kind=PersonKind.PRINCIPAL, identifier="197001011995032001"
    )
    teachers = list(Person.objects.filter(participations__program=live_program, kind=PersonKind.TEACHER))
    session = Session.objects.create(
        program=live_program, kind="reflection", title="Refleksi minggu pertama", date=timezone.localdate(),
        status="held", start_time=dt.time(13, 30),
    )  # fmt: skip
    for teacher in teachers[:2]:
        Attendance.objects.create(session=session, person=teacher, status="present")
    assert Participant.objects.filter(program=live_program).count() == 3

    sign_in(phone, "kepsek")
    assert phone.url.endswith(f"/programs/{live_program.pk}/")
    teachers_card = phone.get_by_test_id("participation-teacher").inner_text()
    assert "67%" in teachers_card and "2" in teachers_card  # 2 of the 3 participating teachers
    assert phone.get_by_test_id("week-held").inner_text() == "1/1"

    phone.get_by_test_id("report-link").click()
    settle(phone)
    with phone.expect_download() as download:
        phone.get_by_test_id("report-download-all").click()
    path = tmp_path / "laporan.pdf"
    download.value.save_as(path)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "SMPN H. Wukirsari" in text and "BAB I" in text and "Refleksi minggu pertama" in text
