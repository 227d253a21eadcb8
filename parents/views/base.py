"""What the parent classes' pages share: finding a class of the program, and who may change it."""

from __future__ import annotations

from komunitas.access import ProgramAccess
from komunitas.models import Session
from komunitas.views.sessions import get_session

from ..selectors import class_sessions

PAGE_SIZE = 20


def get_class_session(access: ProgramAccess, pk: int) -> Session:
    """A parent class of the program (tenant first: anything else is a 404), with its class record when it has
    one (``session.class_or_none``): a class planned on the schedule has none until someone fills it in."""
    sessions = class_sessions(access.program).select_related("parent_class__speaker", "created_by").with_creator_role()
    session = get_session(access, pk, sessions)
    session.class_or_none = getattr(session, "parent_class", None)
    return session


def may_change_class(access: ProgramAccess, session: Session) -> bool:
    """Its creator and facilitators; a class planned for anyone, with no class record yet, any teacher fills in."""
    return access.can_log and (
        access.can_change(session) or access.can_fill_in(session, has_record=session.class_or_none is not None)
    )
