"""A teacher's journey in a real browser at phone size: create a club, log its meeting, and take attendance from
a list that holds the club's members and mentor, not the whole school."""

import pytest

from komunitas.models import Participant, Person, PersonKind
from komunitas.testing import settle, sign_in
from komunitas.tests.factories import StudentFactory
from projects.models import Club, ClubMeeting, SkillAssessment
from projects.tests.factories import ClubFactory

pytestmark = pytest.mark.browser


def test_teacher_creates_a_club_and_takes_its_meetings_attendance(phone, live_program):
    program = live_program
    students = []
    for name in ["Ani Lestari", "Budi Prasetyo", "Citra Dewi"]:
        student = StudentFactory(school=program.school, name=name, class_name="7A")
        Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
        students.append(student)
    mentor = Person.objects.get(name="Siti Aminah")
    sign_in(phone, "guru01")

    phone.goto(f"/programs/{program.pk}/projects/")
    settle(phone)
    assert "No clubs yet." in phone.content()
    phone.click(f"a[href='/programs/{program.pk}/projects/new/']")
    settle(phone)
    phone.fill("input[name=name]", "Klub Robotik")
    phone.check(f"input[name=mentors][value='{mentor.pk}']")
    for student in students[:2]:
        phone.check(f"input[name=members][value='{student.pk}']")
    phone.click("main form button[type=submit]")
    settle(phone)

    club = Club.objects.get()
    assert phone.url.endswith(club.get_absolute_url())
    members = phone.get_by_test_id("club-members").inner_text()
    assert "Ani Lestari" in members and "Citra Dewi" not in members

    phone.click(f"a[href='/programs/{program.pk}/projects/{club.pk}/meetings/new/']")
    settle(phone)
    phone.fill("input[name=start_time]", "14:00")
    phone.fill("input[name=end_time]", "15:30")
    phone.fill("textarea[name=activities]", "Merakit lengan robot dari kardus.")
    phone.click("main form button[type=submit]")
    settle(phone)

    session = ClubMeeting.objects.get().session
    assert phone.url.endswith(f"/programs/{program.pk}/sessions/{session.pk}/attendance/")
    listed = phone.locator("main form").inner_text()
    assert "Ani Lestari" in listed and "Siti Aminah" in listed
    assert "Citra Dewi" not in listed and "Budi Santoso" not in listed  # neither member nor mentor
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_mentor_scores_a_whole_club_and_sees_a_students_growth(phone, live_program):
    """On one screen per phase, a teacher scores every member's four skills at baseline and at endline; the
    student's profile then shows the growth, level by level."""
    program = live_program
    mentor = Person.objects.get(name="Siti Aminah")  # guru01's own person
    students = []
    for name in ["Ani Lestari", "Budi Prasetyo", "Citra Dewi"]:
        student = StudentFactory(school=program.school, name=name, class_name="7A")
        Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
        students.append(student)
    club = ClubFactory(program=program, name="Klub Robotik", mentors=[mentor], members=students)
    skills = ["critical_thinking", "creativity", "communication", "collaboration"]
    sign_in(phone, "guru01")

    phone.goto(club.get_absolute_url())
    settle(phone)
    assess = f"/programs/{program.pk}/projects/{club.pk}/assess/"
    phone.click(f"main a[href='{assess}']")
    settle(phone)
    assert phone.get_by_test_id("assess-legend").is_visible()  # the descriptors, above the grid
    for student in students:
        for skill in skills:
            phone.select_option(f"select[name='s-{student.pk}-{skill}']", "1")  # BB
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390  # the grid scrolls in its own frame
    phone.click("main form[data-testid=assess-form] button[type=submit]")
    settle(phone)
    assert phone.url.endswith(club.get_absolute_url())
    assert SkillAssessment.objects.filter(club=club, phase="baseline", level_code="BB").count() == 12
    assert "3" in phone.get_by_test_id("club-assessed").inner_text()  # "Baseline: 3 of 3 students assessed"

    phone.click(f"main a[href='{assess}?phase=endline']")
    settle(phone)
    for student in students:
        for skill in skills:
            phone.select_option(f"select[name='s-{student.pk}-{skill}']", "2")  # MB
    phone.select_option(f"select[name='s-{students[0].pk}-creativity']", label="BSH · Berkembang Sesuai Harapan")
    phone.click("main form[data-testid=assess-form] button[type=submit]")
    settle(phone)

    phone.click(f"a[href='/programs/{program.pk}/projects/students/{students[0].pk}/']")
    settle(phone)
    growth = phone.get_by_test_id(f"growth-{club.pk}").inner_text()
    assert "BB → BSH (+2)" in growth and "BB → MB (+1)" in growth
    assert phone.locator("svg[data-chart]").count() == 1
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
