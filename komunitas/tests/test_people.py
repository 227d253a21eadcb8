"""The roster: add, edit, filter, and remove people without losing attendance history."""

import pytest
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Attendance, Participant, Person, PersonKind
from komunitas.tests.factories import (
    AttendanceFactory,
    MembershipFactory,
    SessionFactory,
    StudentFactory,
    UserFactory,
)

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def signed_in(client, facilitator):
    client.force_login(facilitator)
    return client


def add(client, program, **fields):
    data = {
        "name": "Budi Santoso",
        "kind": "student",
        "identifier": "",
        "class_name": "7a",
        "subject": "",
        "phone": "",
        "consent_purposes": ["staff", "report"],
        "consent_given_by": "Ibu Sri",
        "is_participant": "on",
    }
    data.update(fields)
    return client.post(reverse("person_create", args=[program.pk]), data)


def test_a_student_is_added_as_participant_with_consent(signed_in, program):
    assert add(signed_in, program).status_code == 302
    budi = Person.objects.get(name="Budi Santoso")
    assert (budi.class_name, budi.school) == ("7A", program.school)
    assert Participant.objects.get(person=budi).role == PersonKind.STUDENT
    consents = {(c.purpose, c.given_by, c.recorded_by.username) for c in budi.photo_consents.active()}
    assert consents == {("staff", "Ibu Sri", "fasilitator"), ("report", "Ibu Sri", "fasilitator")}


def test_a_parent_is_linked_to_their_child(signed_in, program):
    child = StudentFactory(school=program.school)
    add(
        signed_in,
        program,
        name="Pak Sutrisno",
        kind="parent",
        class_name="",
        guardian_of=[child.pk],
        consent_purposes=[],
    )
    assert list(Person.objects.get(name="Pak Sutrisno").guardian_of.all()) == [child]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "required"),
        ({"class_name": ""}, "class_name", "needs a class"),
        ({"consent_given_by": ""}, "consent_given_by", "Name the parent or guardian"),
        ({"consent_purposes": ["everywhere"]}, "consent_purposes", "Select a valid choice"),
        ({"consent_given_on": "9999-01-01"}, "consent_given_on", "Choose a date between"),
        ({"kind": "teacher", "class_name": "", "guardian_of": "CHILD"}, "guardian_of", "Only a parent"),
    ],
)
def test_bad_person_input_is_refused_and_kept(signed_in, program, fields, field, message):
    child = StudentFactory(school=program.school)
    if fields.get("guardian_of") == "CHILD":
        fields = {**fields, "guardian_of": [child.pk]}
    response = add(signed_in, program, **fields)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert response.context["form"]["name"].value() == fields.get("name", "Budi Santoso")
    assert not Person.objects.filter(name="Budi Santoso").exists()


def test_identifier_must_be_unique_in_the_school(signed_in, program):
    StudentFactory(school=program.school, identifier="2324001")
    response = add(signed_in, program, identifier="2324001")
    assert "Another person" in response.context["form"].errors["identifier"][0]


def test_edit_can_end_participation(signed_in, program):
    add(signed_in, program)
    budi = Person.objects.get(name="Budi Santoso")
    response = signed_in.post(
        reverse("person_edit", args=[program.pk, budi.pk]),
        {
            "name": "Budi S.",
            "kind": "student",
            "class_name": "7A",
            "consent_purposes": ["staff", "report"],
            "consent_given_by": "Ibu Sri",
        },
    )
    assert response.status_code == 302
    budi.refresh_from_db()
    assert budi.name == "Budi S." and not Participant.objects.filter(person=budi).exists()


def test_people_of_another_school_cannot_be_edited(signed_in, program, outsider):
    stranger = outsider.person
    assert signed_in.get(reverse("person_edit", args=[program.pk, stranger.pk])).status_code == 404


def test_list_filters_by_kind_class_and_search(signed_in, program):
    StudentFactory(school=program.school, name="Ani", class_name="7A")
    StudentFactory(school=program.school, name="Bayu", class_name="8B")
    Person.objects.create(school=program.school, name="Citra Guru", kind="teacher", subject="IPA")
    url = reverse("people_list", args=[program.pk])

    def names(**query):
        return [p.name for p in signed_in.get(url, query).context["page"].object_list]

    assert names(kind="student") == ["Ani", "Bayu"]
    assert names(**{"class": "8b"}) == ["Bayu"]
    assert names(q="ipa") == ["Citra Guru"]
    assert "Fasilitator" in names()


def test_list_paginates(signed_in, program):
    Person.objects.bulk_create(
        Person(school=program.school, name=f"S{i:03d}", kind="student", class_name="7A") for i in range(120)
    )
    response = signed_in.get(reverse("people_list", args=[program.pk]), {"page": 3, "kind": "student"})
    assert response.context["page"].number == 3
    assert len(response.context["page"].object_list) == 20
    # the page links keep the filter
    assert 'href="?page=2&amp;kind=student"' in response.content.decode()


def test_delete_asks_first_then_deletes_a_person_without_history(signed_in, program):
    student = StudentFactory(school=program.school)
    url = reverse("person_delete", args=[program.pk, student.pk])
    assert signed_in.get(url).status_code == 200
    assert Person.objects.filter(pk=student.pk).exists()
    signed_in.post(url)
    assert not Person.objects.filter(pk=student.pk).exists()


def test_person_with_attendance_is_archived_and_history_kept(signed_in, program):
    student = StudentFactory(school=program.school)
    Participant.objects.create(program=program, person=student, role="student")
    AttendanceFactory(session=SessionFactory(program=program), person=student)
    url = reverse("person_delete", args=[program.pk, student.pk])
    assert "archived instead of deleted" in signed_in.get(url).content.decode()
    signed_in.post(url)
    student.refresh_from_db()
    assert student.archived and Attendance.objects.filter(person=student).count() == 1
    # They no longer take part, from today: past lists and figures keep them where they were.
    assert not Participant.objects.current().filter(person=student).exists()
    assert Participant.objects.get(person=student).left_on == timezone.localdate()
    listed = signed_in.get(reverse("people_list", args=[program.pk])).context["page"].object_list
    assert student not in listed


def test_facilitator_links_a_teachers_account_to_their_person(signed_in, program, school):
    user = UserFactory(username="guru-baru")
    MembershipFactory(user=user, school=school, role="teacher")
    stranger = UserFactory(username="orang-lain")
    response = signed_in.get(reverse("person_create", args=[program.pk]))
    choices = [str(c) for c in response.context["form"].fields["user"].queryset]
    assert "guru-baru" in choices and "orang-lain" not in choices and "fasilitator" not in choices
    add(signed_in, program, name="Guru Baru", kind="teacher", class_name="", consent_purposes=[], user=user.pk)
    assert Person.objects.get(name="Guru Baru").user == user
    assert stranger.memberships.count() == 0


def test_ticked_people_join_and_leave_the_program_in_one_go(signed_in, program):
    students = [StudentFactory(school=program.school, name=f"Siswa {i}") for i in range(3)]
    url = reverse("participants_update", args=[program.pk])
    people_url = reverse("people_list", args=[program.pk]) + "?kind=student"
    response = signed_in.post(url, {"action": "add", "person": [s.pk for s in students], "next": people_url})
    assert response.url == people_url
    assert set(Participant.objects.filter(program=program).values_list("person__name", flat=True)) >= {
        "Siswa 0",
        "Siswa 1",
        "Siswa 2",
    }
    assert Participant.objects.get(person=students[0]).role == "student"
    signed_in.post(url, {"action": "remove", "person": [students[0].pk]})
    assert not Participant.objects.filter(person=students[0]).exists()


def test_bulk_update_ignores_people_of_other_schools_and_outside_redirects(signed_in, program, outsider):
    url = reverse("participants_update", args=[program.pk])
    response = signed_in.post(url, {"action": "add", "person": [outsider.person.pk], "next": "https://evil.example/"})
    assert response.url == reverse("people_list", args=[program.pk])
    assert not Participant.objects.filter(program=program, person=outsider.person).exists()


def test_someone_in_two_programs_is_listed_once_in_each(program, teacher):
    """A teacher of this year's and last year's program appears once on each list, in each program's role."""
    from komunitas import services
    from komunitas.models import CycleTemplate

    last_year = services.program_create(
        school=program.school, name="Tahun lalu", start_date=program.start_date, weeks=10, cycle=CycleTemplate.STUDY
    )
    Participant.objects.create(program=last_year, person=teacher.person, role=PersonKind.FACILITATOR)
    assert list(Person.objects.participants_of(program)) == [teacher.person]
    assert list(Person.objects.participants_of(program, [PersonKind.FACILITATOR])) == []
    assert list(Person.objects.participants_of(last_year, [PersonKind.FACILITATOR])) == [teacher.person]


def test_a_filter_with_one_bad_value_still_applies_the_others(signed_in, program):
    """?kind=student&class=9Z: the kind filters, the unknown class is ignored, and an empty result says so."""
    StudentFactory(school=program.school, name="Ani", class_name="7A")
    url = reverse("people_list", args=[program.pk])
    response = signed_in.get(url, {"kind": "parent", "class": "9Z"})
    assert list(response.context["page"].object_list) == []
    assert "Nobody matches these filters." in response.content.decode()


@pytest.mark.parametrize(("value", "only_participants"), [("1", True), ("on", True), ("0", False), ("", False)])
def test_participants_only_is_on_only_when_ticked(signed_in, program, value, only_participants):
    StudentFactory(school=program.school, name="Bukan peserta")
    names = [
        p.name
        for p in signed_in.get(reverse("people_list", args=[program.pk]), {"participants": value}).context["page"]
    ]
    assert ("Bukan peserta" not in names) is only_participants


def test_the_filters_show_what_is_filtered(signed_in, program):
    StudentFactory(school=program.school, name="Bayu", class_name="8B")
    html = signed_in.get(reverse("people_list", args=[program.pk]), {"class": "8b", "participants": "1"}).content
    html = html.decode()
    assert '<option value="8B" selected>8B</option>' in html  # as typed in a link, shown as stored
    assert '<label class="form-check-label" for="id_participants">Participants only</label>' in html
    assert 'name="participants" class="form-check-input" id="id_participants" checked' in html
