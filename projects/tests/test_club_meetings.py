"""A club meeting's attendance list — on screen and printed — is its club's members and mentors, not the whole
school; a club session without a club yet (planned on the schedule) lists the program's students and teachers."""

from django.urls import reverse

from komunitas.models import Attendance, Participant, Person, PersonKind
from komunitas.tests.factories import SessionFactory, StudentFactory
from projects.tests.factories import ClubFactory, ClubMeetingFactory


def _parent(program):
    parent = Person.objects.create(school=program.school, name="Wali", kind=PersonKind.PARENT)
    Participant.objects.create(program=program, person=parent, role=PersonKind.PARENT)
    return parent


def test_a_meeting_without_a_club_lists_the_programs_students_and_teachers(client, facilitator, program, teacher):
    student = StudentFactory(school=program.school)
    Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
    parent = _parent(program)
    session = SessionFactory(program=program, kind="club", created_by=facilitator)
    client.force_login(facilitator)
    url = reverse("attendance_edit", args=[program.pk, session.pk])
    people = client.get(url).context["form"].people
    assert student in people and teacher.person in people and parent not in people
    assert parent in client.get(url + "?all=1").context["form"].people


def test_a_club_meeting_lists_its_members_and_mentors_only(
    client, facilitator, program, teacher, other_teacher, students
):
    club = ClubFactory(program=program, mentors=[teacher.person], members=students[:2])
    session = ClubMeetingFactory(club=club, session__created_by=facilitator).session
    client.force_login(facilitator)
    url = reverse("attendance_edit", args=[program.pk, session.pk])
    assert client.get(url).context["form"].people == [*students[:2], teacher.person]  # students first, as always
    everyone = client.get(url + "?all=1").context["form"].people
    assert students[3] in everyone and other_teacher.person in everyone  # "show every participant" still widens

    printed = client.get(reverse("attendance_print", args=[program.pk, session.pk])).content.decode()
    assert students[0].name in printed and teacher.person.name in printed
    assert students[3].name not in printed and other_teacher.person.name not in printed


def test_someone_recorded_before_leaving_the_club_stays_on_the_list(client, facilitator, program, teacher, students):
    """No mark is ever hidden: a student marked present who was later taken out of the club still shows."""
    club = ClubFactory(program=program, mentors=[teacher.person], members=students[:2])
    session = ClubMeetingFactory(club=club).session
    Attendance.objects.create(session=session, person=students[1], status="present")
    club.members.remove(students[1])
    client.force_login(facilitator)
    people = client.get(reverse("attendance_edit", args=[program.pk, session.pk])).context["form"].people
    assert students[1] in people and students[0] in people


def test_the_audience_reads_the_club_in_one_query(django_assert_num_queries, program, teacher, students):
    from projects.selectors import club_audience

    session = ClubMeetingFactory(club=ClubFactory(program=program, members=students[:3])).session
    with django_assert_num_queries(2):  # the club (through the one-to-one), its members and mentors
        assert len(list(club_audience(session))) == 3
