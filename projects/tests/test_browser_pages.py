"""Every page of the clubs, at desktop and phone width, passes the accessibility check and fits the screen."""

import pytest
from django.urls import reverse

from komunitas.models import Participant, Person, PersonKind
from komunitas.testing import sign_in, visit_each
from komunitas.tests.factories import AttendanceFactory, StudentFactory
from projects.models import Skill, SkillAssessment
from projects.rubric import level_for
from projects.tests.factories import ClubFactory, ClubMeetingFactory, ProjectFactory
from projects.tests.figures_data import add_artifact, meeting_photo

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_club_page_is_accessible_and_fits(request, size, live_program):
    program = live_program
    teachers = list(Person.objects.teachers_of(program))
    students = []
    for index in range(12):
        student = StudentFactory(school=program.school, name=f"Siswa Bernama Panjang {index}", class_name="7A")
        Participant.objects.create(program=program, person=student, role=PersonKind.STUDENT)
        students.append(student)
    club = ClubFactory(
        program=program, name="Klub Sains Terapan", theme="Alat sederhana", mentors=teachers[:2], members=students
    )
    meeting = ClubMeetingFactory(club=club, session__date=program.start_date, activities="Menguji purwarupa.")
    for student in students[:8]:
        AttendanceFactory(session=meeting.session, person=student)
    project = ProjectFactory(club=club, title="Penjernih air", driving_question="Bagaimana menjernihkan air?")
    for phase, score in [("baseline", 1), ("endline", 3)]:
        for skill in Skill.values:
            level = level_for("p5", score)
            SkillAssessment.objects.create(
                club=club, person=students[0], phase=phase, skill=skill, score=score, scale="p5",
                level_code=level.code, level_label=level.label,
            )  # fmt: skip
    add_artifact(project, students[:2], caption="Purwarupa penjernih")  # a thumbnail on the showcase
    meeting_photo(meeting.session, students[:1])
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    pk, args = program.pk, [program.pk, club.pk]
    visit_each(
        page,
        [
            reverse("projects:index", args=[pk]),
            reverse("projects:create", args=[pk]),
            reverse("projects:detail", args=args),
            reverse("projects:edit", args=args),
            reverse("projects:delete", args=args),
            reverse("projects:project_create", args=args),
            reverse("projects:project_edit", args=[*args, project.pk]),
            reverse("projects:project_delete", args=[*args, project.pk]),
            reverse("projects:meeting_create", args=args),
            reverse("projects:meeting", args=[pk, meeting.pk]),
            reverse("projects:meeting_edit", args=[pk, meeting.pk]),
            reverse("attendance_edit", args=[pk, meeting.pk]),
            reverse("projects:assess", args=args),
            reverse("projects:assess", args=args) + "?phase=weekly&week=2",
            reverse("projects:rubric", args=[pk]),
            reverse("projects:student", args=[pk, students[0].pk]),
            reverse("projects:showcase", args=args),
            reverse("program_dashboard", args=[pk]),  # the clubs' panel
            reverse("report_preview", args=[pk]),  # the clubs' section
        ],
    )
