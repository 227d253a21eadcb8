"""What the forum's pages share: finding a forum session, and which teacher the signed-in user is."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext_lazy

from komunitas.access import ProgramAccess
from komunitas.models import Person, Session
from komunitas.views.sessions import get_session

from ..models import FORUM, ForumSession

PAGE_SIZE = 20
NO_PERSON = gettext_lazy(
    "Your account is not linked to a person in this school's roster, so the forum cannot tell which teacher you "
    "are. Ask the facilitator to link your account on the People page."
)


def forum_sessions(access: ProgramAccess):
    return access.program.sessions.filter(kind=FORUM)


def get_forum_session(access: ProgramAccess, pk: int) -> Session:
    """A forum session of the program, with its forum record when it has one (``session.forum_or_none``).
    Sessions planned on the schedule have no forum record until someone fills it in."""
    sessions = forum_sessions(access).select_related("forum__notetaker", "created_by").with_creator_role()
    session = get_session(access, pk, sessions)
    session.forum_or_none = getattr(session, "forum", None)
    return session


def get_forum(access: ProgramAccess, pk: int) -> tuple[Session, ForumSession]:
    """A forum session that has its forum record, or 404."""
    session = get_forum_session(access, pk)
    if session.forum_or_none is None:
        raise Http404
    return session, session.forum_or_none


def person_problem(person: Person | None) -> str | None:
    """Why the signed-in user cannot write as themselves here (feedback, reflection, practice log), or None."""
    return NO_PERSON if person is None else None
