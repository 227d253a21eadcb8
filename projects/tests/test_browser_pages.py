"""Every page of the clubs, at desktop and phone width, passes the accessibility check and fits the screen."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from komunitas.models import Participant, Person, PersonKind
from komunitas.testing import pdf, sign_in, visit_each
from komunitas.tests.factories import AttendanceFactory, StudentFactory
from projects.models import Skill, SkillAssessment
from projects.rubric import level_for
from projects.tests.factories import (
    ArtifactFactory,
    ClubFactory,
    ClubMeetingFactory,
    MilestoneFactory,
    ProjectFactory,
)
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
            *_project_pages(project, students),
        ],
    )


def _project_pages(project, students) -> list[str]:
    """A project's page with a milestone in each state and artifacts (a photo, a document, a photo lacking
    consent, marked), and its milestone and artifact forms."""
    day = dt.timedelta(days=1)
    start = project.start_date
    milestone = MilestoneFactory(project=project, title="Survei sumber air", due_date=start, evidence="Peta sungai")
    MilestoneFactory(project=project, title="Purwarupa saringan", due_date=start, done_on=start + day)
    MilestoneFactory(project=project, title="Presentasi", due_date=project.end_date)
    photo = ArtifactFactory(project=project, caption="Saringan pasir dan arang", people=students[:2])
    ArtifactFactory(
        project=project,
        kind="file",
        file=ContentFile(pdf().read(), name="upload.pdf"),
        original_name="laporan-uji-air.pdf",
        content_type="application/pdf",
        people=students[:3],
    )
    students[5].photo_consents.all().delete()
    ArtifactFactory(project=project, caption="Foto kelompok", people=students[5:6])
    args = [project.club.program_id, project.club_id, project.pk]
    return [
        reverse("projects:project", args=args),
        reverse("projects:milestone_create", args=args),
        reverse("projects:milestone_edit", args=[*args, milestone.pk]),
        reverse("projects:milestone_delete", args=[*args, milestone.pk]),
        reverse("projects:artifact_create", args=args),
        reverse("projects:artifact_edit", args=[*args, photo.pk]),
        reverse("projects:artifact_delete", args=[*args, photo.pk]),
    ]
