"""The demo's club work, an artifact's consent, and a person's data rights over the clubs' records."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db.models import Avg

from komunitas import privacy
from komunitas.models import AttachmentKind, ConsentPurpose, Program
from komunitas.tests.factories import StudentFactory
from projects.models import Artifact, Milestone, Phase, Skill, SkillAssessment
from projects.tests.factories import ClubFactory, ProjectFactory


def _artifact(project, people, kind=AttachmentKind.PHOTO) -> Artifact:
    artifact = Artifact(project=project, kind=kind, original_name="karya.jpg", content_type="image/jpeg")
    artifact.file.save("karya.jpg", ContentFile(b"not read here"), save=False)
    artifact.save()
    artifact.people.set(people)
    return artifact


def test_the_demo_clubs_grow_in_4c_and_have_late_milestones_and_artifacts(db):
    call_command("seed_demo")
    program = Program.objects.get(school__name="SMPN H. Wukirsari")
    scores = SkillAssessment.objects.filter(club__program=program)
    # Every one of the 30 students (each in one club) scored on the four skills at baseline and endline.
    assert scores.filter(phase=Phase.BASELINE).count() == scores.filter(phase=Phase.ENDLINE).count() == 30 * 4
    for skill in Skill.values:
        baseline = scores.filter(phase=Phase.BASELINE, skill=skill).aggregate(a=Avg("score"))["a"]
        endline = scores.filter(phase=Phase.ENDLINE, skill=skill).aggregate(a=Avg("score"))["a"]
        assert endline - baseline >= 0.8, skill
    assert {row.level_code for row in scores} <= {"BB", "MB", "BSH", "SB"}
    milestones = Milestone.objects.filter(project__club__program=program)
    assert milestones.filter(done_on__isnull=True, due_date__lt=dt.date.today()).exists()
    assert Artifact.objects.filter(project__club__program=program).shown_for("report").exists()


def test_an_artifact_goes_in_the_report_only_when_every_student_linked_consented(program):
    project = ProjectFactory(club=ClubFactory(program=program))
    agreed = StudentFactory(school=program.school)
    staff_only = StudentFactory(school=program.school, consents=[ConsentPurpose.STAFF])
    shown = _artifact(project, [agreed])
    hidden = _artifact(project, [agreed, staff_only])
    untagged = _artifact(project, [])
    document = _artifact(project, [agreed], kind=AttachmentKind.FILE)
    rows = {row.pk: row for row in Artifact.objects.with_consent()}
    assert rows[shown.pk].consent_report and not rows[hidden.pk].consent_report
    assert rows[hidden.pk].consent_staff
    assert not rows[untagged.pk].consent_report and not rows[document.pk].consent_report
    staff_only.photo_consents.update(purpose=ConsentPurpose.REPORT)  # consent given later shows it at once
    assert set(Artifact.objects.shown_for("report").values_list("pk", flat=True)) == {shown.pk, hidden.pk}


def test_removing_a_student_keeps_their_artifacts_to_staff(program):
    project = ProjectFactory(club=ClubFactory(program=program))
    student = StudentFactory(school=program.school)
    artifact = _artifact(project, [student])
    student.delete()
    artifact.refresh_from_db()
    assert artifact.staff_only and not Artifact.objects.shown_for("report").filter(pk=artifact.pk).exists()


def test_a_students_record_holds_their_clubs_scores_and_artifacts(program, facilitator):
    student = StudentFactory(school=program.school, name="Ani Lestari")
    club = ClubFactory(program=program, name="Klub Sains", members=[student])
    SkillAssessment.objects.create(
        club=club,
        person=student,
        phase=Phase.BASELINE,
        skill=Skill.CREATIVITY,
        score=2,
        scale="p5",
        level_code="MB",
        level_label="Mulai Berkembang",
    )
    _artifact(ProjectFactory(club=club, title="Penjernih air"), [student])
    data = privacy.record(student)["records"]
    assert data["projects.Club"] == [{"club": "Klub Sains", "as": "member"}]
    assert data["projects.SkillAssessment"][0]["level"] == "MB (Mulai Berkembang)"
    assert data["projects.Artifact"][0]["project"] == "Penjernih air"


def test_erasing_a_student_deletes_their_artifacts_and_keeps_the_clubs_figures(program, facilitator):
    student = StudentFactory(school=program.school, name="Ani Lestari")
    club = ClubFactory(program=program, members=[student])
    SkillAssessment.objects.create(
        club=club, person=student, phase=Phase.BASELINE, skill=Skill.CREATIVITY, score=2, scale="p5"
    )
    artifact = _artifact(ProjectFactory(club=club), [student])
    name = artifact.file.name
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("django.db.transaction.on_commit", lambda fn, **kwargs: fn())
        privacy.erase(student, facilitator)
    assert not Artifact.objects.filter(pk=artifact.pk).exists() and not default_storage.exists(name)
    assert club.members.count() == 1 and SkillAssessment.objects.filter(person=student).count() == 1
