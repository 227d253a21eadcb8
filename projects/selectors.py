"""Reads of the project clubs that pages share, each at a fixed number of queries (stated in its docstring)."""

from __future__ import annotations

from django.db.models import OuterRef, Q

from komunitas.access import ProgramAccess
from komunitas.activities import participants_in
from komunitas.models import PersonKind, Session, SessionStatus
from komunitas.selectors import count_subquery

from .models import Club, ClubMeeting, Project
from .work_selectors import projects_with_progress

# Until a meeting belongs to a club (planned on the schedule), its list is the program's students and teachers.
PROGRAM_AUDIENCE = participants_in(PersonKind.STUDENT, PersonKind.TEACHER)


def club_audience(session: Session):
    """Who a club meeting's attendance list (and its printed daftar hadir) shows: its club's members and mentors,
    as they took part in the program on its day. One query for the club (through the one-to-one), one for them."""
    people = PROGRAM_AUDIENCE(session)
    club_id = None
    if session.pk:
        club_id = ClubMeeting.objects.filter(session_id=session.pk).values_list("club_id", flat=True).first()
    if club_id is None:
        return people
    # pk__in subqueries, not joins: joining both many-to-many tables would repeat each person.
    members = Club.members.through.objects.filter(club_id=club_id).values("person_id")
    mentors = Club.mentors.through.objects.filter(club_id=club_id).values("person_id")
    return people.filter(Q(pk__in=members) | Q(pk__in=mentors))


def clubs_with_counts(program):
    """The program's clubs with ``member_count``, ``mentor_count``, ``meetings_held`` and ``project_count``, as
    a QuerySet to filter: one query (correlated counts)."""
    return program.clubs.annotate(
        member_count=count_subquery(Club.members.through.objects.filter(club_id=OuterRef("pk")), "club_id"),
        mentor_count=count_subquery(Club.mentors.through.objects.filter(club_id=OuterRef("pk")), "club_id"),
        meetings_held=count_subquery(
            ClubMeeting.objects.filter(club_id=OuterRef("pk"), session__status=SessionStatus.HELD), "club_id"
        ),
        project_count=count_subquery(Project.objects.filter(club_id=OuterRef("pk")), "club_id"),
    ).order_by("name", "pk")


def club_page(access: ProgramAccess, club: Club) -> dict:
    """What a club's page shows: mentors, members (names only for those who see children's data; a count for
    everyone else), projects, and meetings with their attendance counts. Four queries: mentors, members (or
    their count), projects, meetings with counts."""
    mentors = list(club.mentors.order_by("name"))
    if access.sees_personal_data:
        members = list(club.members.order_by("class_name", "name"))
        member_count = len(members)
    else:
        members, member_count = [], club.members.count()
    meetings = list(
        Session.objects.filter(club_meeting__club=club)
        .select_related("club_meeting")
        .with_attendance_counts()
        .order_by("-date", "-start_time", "-pk")
    )
    for session in meetings:
        session.program = access.program  # session.week reads the program; no query per row
    return {
        "club": club,
        "mentors": mentors,
        "members": members,
        "member_count": member_count,
        "projects": list(projects_with_progress(club)),  # with their milestone and late counts
        "meetings": meetings,
        "meetings_held": sum(1 for session in meetings if session.status == SessionStatus.HELD),
        "may_change": access.can_change(club),
    }
