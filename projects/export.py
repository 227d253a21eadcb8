"""The clubs' tables in the program's export (the plug-in contract's ``export_sheets``): clubs, their members,
projects, milestones, artifacts (described, never their files) and 4C assessments. One query each (the clubs two:
their mentors). Members and assessments name students: ``personal``, for the school's staff only, as the core's
participants and attendance; for anyone else they are not read at all."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess
from komunitas.export import Sheet
from komunitas.models import Person

from .models import Artifact, Club, Milestone, Project, SkillAssessment
from .selectors import clubs_with_counts


def _yes(flag: bool) -> str:
    return _("yes") if flag else _("no")


def club_sheets(access: ProgramAccess) -> list[Sheet]:
    program = access.program
    today = timezone.localdate()
    clubs = clubs_with_counts(program).prefetch_related(Prefetch("mentors", queryset=Person.objects.order_by("name")))
    members = (
        Club.members.through.objects.filter(club__program=program)
        .select_related("club", "person")
        .order_by("club__name", "person__class_name", "person__name", "pk")
    )
    projects = (
        Project.objects.filter(club__program=program)
        .select_related("club")
        .annotate(
            milestone_n=Count("milestones", distinct=True),
            milestones_done=Count("milestones", filter=Q(milestones__done_on__isnull=False), distinct=True),
            artifact_n=Count("artifacts", distinct=True),
        )
        .order_by("club__name", "start_date", "pk")
    )
    milestones = (
        Milestone.objects.filter(project__club__program=program)
        .select_related("project__club")
        .order_by("project__club__name", "project__start_date", "project_id", "due_date", "pk")
    )
    artifacts = (
        Artifact.objects.filter(project__club__program=program)
        .select_related("project__club")
        .order_by("uploaded_at", "pk")
    )
    assessments = (
        SkillAssessment.objects.filter(club__program=program)
        .select_related("club", "person")
        .order_by("club__name", "person__name", "person_id", "phase", "week", "skill")
    )
    sheets = [
        Sheet(
            "clubs",
            _("Clubs"),
            [[_("Club"), _("Theme"), _("Mentors"), _("Members"), _("Meetings held"), _("Projects")]]
            + [
                [
                    club.name,
                    club.theme,
                    ", ".join(mentor.name for mentor in club.mentors.all()),
                    club.member_count,
                    club.meetings_held,
                    club.project_count,
                ]
                for club in clubs
            ],
        ),
        Sheet(
            "club-projects",
            _("Club projects"),
            [
                [
                    _("Club"),
                    _("Project"),
                    _("Driving question"),
                    _("Status"),
                    _("Start"),
                    _("End"),
                    _("Milestones done"),
                    _("Milestones"),
                    _("Artifacts"),
                ]
            ]
            + [
                [
                    p.club.name,
                    p.title,
                    p.driving_question,
                    p.get_status_display(),
                    p.start_date,
                    p.end_date,
                    p.milestones_done,
                    p.milestone_n,
                    p.artifact_n,
                ]
                for p in projects
            ],
        ),
        Sheet(
            "club-milestones",
            _("Milestones"),
            [[_("Club"), _("Project"), _("Milestone"), _("Due"), _("Done on"), _("Late"), _("Evidence")]]
            + [
                [
                    m.project.club.name,
                    m.project.title,
                    m.title,
                    m.due_date,
                    m.done_on,
                    _yes(m.is_late(today) or m.done_late),
                    m.evidence,
                ]
                for m in milestones
            ],
        ),
        Sheet(
            "club-artifacts",
            _("Artifacts"),
            [[_("Uploaded"), _("Week"), _("Club"), _("Project"), _("Kind"), _("Caption")]]
            + [
                [
                    timezone.localdate(a.uploaded_at),
                    program.week_of(timezone.localdate(a.uploaded_at)) or "",
                    a.project.club.name,
                    a.project.title,
                    a.get_kind_display(),
                    a.caption,
                ]
                for a in artifacts
            ],
        ),
    ]
    if not access.sees_personal_data:  # the export leaves them out anyway: names are not even read
        return sheets
    return [
        *sheets,
        Sheet(
            "club-members",
            _("Club members"),
            [[_("Club"), _("Student"), _("Class")]]
            + [[m.club.name, m.person.name, m.person.class_name] for m in members],
            personal=True,
        ),
        Sheet(
            "club-4c",
            _("4C assessments"),
            [[_("Student"), _("Club"), _("Phase"), _("Week"), _("Skill"), _("Level"), _("Label"), _("Score")]]
            + [
                [
                    a.person.name,
                    a.club.name,
                    a.get_phase_display(),
                    a.week or "",
                    a.get_skill_display(),
                    a.level_code,
                    a.level_label,
                    a.score,
                ]
                for a in assessments
            ],
            personal=True,
        ),
    ]
