"""The practice log: "I tried this method in my class" — the indicator "variety of teaching methods"."""

import datetime as dt

import pytest
from django.urls import reverse

from forums.models import Method, PracticeLog
from forums.tests.factories import ForumSessionFactory, MethodFactory, PracticeLogFactory
from komunitas.testing import exe, jpeg
from komunitas.tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def url(program):
    return reverse("forums:practice_create", args=[program.pk])


@pytest.fixture
def jigsaw(program):
    return MethodFactory(program=program, name="Jigsaw")


def _data(program, **extra):
    return {
        "date": (program.start_date + dt.timedelta(days=3)).isoformat(),
        "class_name": "8 a",
        "how_it_went": "Siswa aktif",
        **extra,
    }


def test_the_form_offers_the_default_methods(client, program, teacher, url):
    client.force_login(teacher)
    response = client.get(url)
    assert response.status_code == 200
    assert "teacher" not in response.context["form"].fields  # a teacher logs for themselves
    assert program.methods.count() == 15
    assert program.methods.filter(name="Think-pair-share").exists()


def test_a_teacher_logs_a_method_with_evidence(client, program, teacher, jigsaw, url):
    forum = ForumSessionFactory(session__program=program)
    client.force_login(teacher)
    response = client.post(url, _data(program, method=jigsaw.pk, forum=forum.pk, evidence_file=jpeg("kelas.jpg")))
    assert response.status_code == 302
    assert response.url == reverse("forums:teacher_detail", args=[program.pk, teacher.person.pk])
    log = PracticeLog.objects.get()
    assert (log.teacher, log.method, log.class_name, log.forum, log.created_by) == (
        teacher.person,
        jigsaw,
        "8A",
        forum,
        teacher,
    )
    assert log.evidence_name == "kelas.jpg" and log.evidence_type == "image/jpeg"
    download = client.get(reverse("forums:practice_evidence", args=[program.pk, log.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "image/jpeg"


def test_a_method_not_on_the_list_joins_it(client, program, teacher, jigsaw, url):
    client.force_login(teacher)
    response = client.post(url, _data(program, new_method="  Pembelajaran   berdiferensiasi  "))
    assert response.status_code == 302
    assert PracticeLog.objects.get().method.name == "Pembelajaran berdiferensiasi"
    client.post(url, _data(program, new_method="jigsaw"))  # already there, whatever the case
    assert PracticeLog.objects.filter(method=jigsaw).count() == 1
    assert Method.objects.filter(name__iexact="jigsaw").count() == 1


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({}, "method", "Choose the method you tried, or type a new one below."),
        (
            {"new_method": "Baru", "method": "JIGSAW"},
            "new_method",
            "Choose a method from the list or type a new one, not both.",
        ),
        (
            {"date": "2026-05-01", "method": "JIGSAW"},
            "date",
            "The date is outside the program (Feb. 2, 2026 – April 12, 2026).",
        ),
        ({"class_name": "", "method": "JIGSAW"}, "class_name", "This field is required."),
    ],
)
def test_bad_input_is_refused_next_to_the_field(client, program, teacher, jigsaw, url, extra, field, message):
    extra = {key: (jigsaw.pk if value == "JIGSAW" else value) for key, value in extra.items()}
    client.force_login(teacher)
    response = client.post(url, _data(program, **extra))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert "Siswa aktif" in response.content.decode()
    assert not PracticeLog.objects.exists()


def test_a_disguised_program_is_refused_as_evidence(client, program, teacher, jigsaw, url):
    client.force_login(teacher)
    response = client.post(url, _data(program, method=jigsaw.pk, evidence_file=exe("bukti.pdf")))
    assert response.context["form"].errors["evidence_file"] == [
        "Upload a photo or a PDF, Word, PowerPoint, Excel or OpenDocument file."
    ]
    assert not PracticeLog.objects.exists()


def test_a_facilitator_logs_for_a_participating_teacher_only(
    client, program, facilitator, teachers, principal, jigsaw, url
):
    client.force_login(facilitator)
    response = client.post(url, _data(program, method=jigsaw.pk, teacher=principal.person.pk))
    assert response.context["form"].errors["teacher"] == ["Choose a teacher taking part in this program."]
    assert client.post(url, _data(program, method=jigsaw.pk, teacher=teachers[3].pk)).status_code == 302
    assert PracticeLog.objects.get().teacher == teachers[3]


def test_a_teacher_account_without_a_person_gets_a_clear_message(client, program, url):
    user = UserFactory(username="guru-baru")
    MembershipFactory(user=user, school=program.school, role="teacher")
    client.force_login(user)
    response = client.post(url, _data(program))
    assert "Your account is not linked to a person" in response.content.decode()
    assert not PracticeLog.objects.exists()


def test_edit_and_delete_are_for_the_author_and_the_facilitator(
    client, program, teacher, other_teacher, facilitator, jigsaw
):
    log = PracticeLogFactory(program=program, teacher=teacher.person, method=jigsaw, created_by=teacher)
    edit = reverse("forums:practice_edit", args=[program.pk, log.pk])
    client.force_login(other_teacher)
    assert client.get(edit).status_code == 403
    client.force_login(teacher)
    assert client.post(edit, _data(program, method=jigsaw.pk, how_it_went="Lebih baik")).status_code == 302
    assert PracticeLog.objects.get().how_it_went == "Lebih baik"
    client.force_login(facilitator)
    assert client.post(reverse("forums:practice_delete", args=[program.pk, log.pk])).status_code == 302
    assert not PracticeLog.objects.exists()


def test_the_list_filters_by_teacher_method_and_week(client, program, principal, teachers, jigsaw):
    other = MethodFactory(program=program, name="Kunjungan karya")
    PracticeLogFactory(program=program, teacher=teachers[0], method=jigsaw)
    PracticeLogFactory(program=program, teacher=teachers[1], method=other, date=program.start_date + dt.timedelta(8))
    client.force_login(principal)
    url = reverse("forums:practice_list", args=[program.pk])
    assert client.get(url).context["page"].paginator.count == 2
    assert [log.teacher for log in client.get(url, {"teacher": teachers[1].pk}).context["page"]] == [teachers[1]]
    assert [log.method for log in client.get(url, {"method": jigsaw.pk}).context["page"]] == [jigsaw]
    assert [log.method for log in client.get(url, {"week": 2}).context["page"]] == [other]


def test_evidence_is_for_the_schools_own_staff(client, program, teacher, district_officer, principal, jigsaw):
    from django.core.files.base import ContentFile

    log = PracticeLogFactory(
        program=program, teacher=teacher.person, method=jigsaw, evidence_type="image/jpeg", evidence_name="a.jpg"
    )
    log.evidence.save("a.jpg", ContentFile(jpeg().read()))
    url = reverse("forums:practice_evidence", args=[program.pk, log.pk])
    client.force_login(principal)
    assert client.get(url).status_code == 200
    client.force_login(district_officer)
    assert client.get(url).status_code == 404


def test_a_lesson_cannot_come_before_the_session_that_inspired_it(client, program, teacher, jigsaw, url):
    forum = ForumSessionFactory(session__program=program, session__date=program.start_date + dt.timedelta(days=5))
    client.force_login(teacher)
    response = client.post(url, _data(program, method=jigsaw.pk, forum=forum.pk))
    assert response.status_code == 200
    assert "comes before the forum session" in response.context["form"].errors["date"][0]
    assert not PracticeLog.objects.exists()


def test_the_entries_of_a_teacher_who_left_can_still_be_filtered(client, program, principal, teachers, jigsaw):
    from komunitas import services

    left, stays = teachers[0], teachers[1]
    PracticeLogFactory(program=program, teacher=left, method=jigsaw)
    PracticeLogFactory(program=program, teacher=stays, method=jigsaw)
    services.person_remove(person=left)  # archived: the log keeps them
    client.force_login(principal)
    response = client.get(reverse("forums:practice_list", args=[program.pk]), {"teacher": left.pk})
    assert [log.teacher for log in response.context["page"]] == [left]
