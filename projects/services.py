"""Writes of the project clubs that touch several rows. Keyword-only, one transaction each (docs/architecture.md)."""

from __future__ import annotations

from django.db import transaction

from komunitas.models import Person, Session

from .models import CLUB, Club, ClubMeeting, Project


@transaction.atomic
def club_save(*, club: Club, mentors: list[Person], members: list[Person], user) -> Club:
    """Create or update a club with its mentors and members; ``club`` is a validated, possibly unsaved instance."""
    if club.pk is None:
        club.created_by = user
    club.save()
    club.mentors.set(mentors)
    club.members.set(members)
    return club


@transaction.atomic
def club_delete(*, club: Club) -> None:
    """The club, its projects and its meeting records go; the meetings' sessions stay on the schedule with their
    attendance and photos (they are the program's record that the meetings happened)."""
    club.delete()


@transaction.atomic
def project_save(*, project: Project, user) -> Project:
    if project.pk is None:
        project.created_by = user
    project.save()
    return project


@transaction.atomic
def project_delete(*, project: Project) -> None:
    project.delete()


@transaction.atomic
def club_meeting_log(*, session: Session, meeting: ClubMeeting, club: Club, user) -> ClubMeeting:
    """A club meeting: the core session (kind "club") and its club record, both or neither. Attendance is taken
    afterwards on the core's attendance page, whose list is then the club's (``club_audience``)."""
    session.kind = CLUB
    session.program_id = club.program_id
    if session.pk is None or meeting._state.adding:
        # New, or planned on the schedule and now filled in: the teacher who logs it owns it (as in the forum).
        session.created_by = user
    session.save()
    meeting.session = session
    meeting.club = club
    meeting.save()
    return meeting
