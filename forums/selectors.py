"""Reads of the forum that a page needs in one piece (komunitas/selectors.py for the shared ones): the teachers
with their forum figures, and one teacher's forum record. Each costs a fixed number of queries."""

from __future__ import annotations

from django.db.models import OuterRef, Q

from komunitas.access import ProgramAccess
from komunitas.models import Attendance, AttendanceStatus, Person, SessionStatus
from komunitas.selectors import count_subquery, session_page

from .models import FORUM, ForumSession, PeerFeedback, PracticeLog, Reflection


def forum_teachers(program) -> list[Person]:
    """Teachers taking part in the program, and those who no longer do but presented or logged practice in it:
    the choices of the forum's filters, so that past records stay findable."""
    current = Person.objects.teachers_of(program).values("pk")
    return list(
        Person.objects.filter(
            Q(pk__in=current) | Q(forum_presentations__session__program=program) | Q(practice_logs__program=program)
        )
        .distinct()
        .order_by("name")
    )


def attended_forum(program) -> Attendance:
    """Attendance rows of teachers present at a held forum session of ``program``."""
    return Attendance.objects.filter(
        session__program=program,
        session__kind=FORUM,
        session__status=SessionStatus.HELD,
        status=AttendanceStatus.PRESENT,
    )


# Anonymous feedback hides its author from the presenter and other readers, never from the facilitator (nor
# from the author). The rule, for rows already read and as a filter:


def author_visible(access: ProgramAccess, feedback: PeerFeedback) -> bool:
    return not feedback.anonymous or access.can_manage or feedback.author.user_id == access.user.pk


def visible_feedback(access: ProgramAccess):
    """Feedback of the program whose author the viewer may know: counting it never reveals who wrote
    anonymous feedback."""
    feedback = PeerFeedback.objects.filter(forum__session__program=access.program)
    return feedback if access.can_manage else feedback.filter(Q(anonymous=False) | Q(author__user_id=access.user.pk))


def mark_authors(access: ProgramAccess, items: list[PeerFeedback]) -> list[PeerFeedback]:
    """Set ``shown_author`` on each item: its author, or None when the viewer may not know it."""
    for item in items:
        item.shown_author = item.author if author_visible(access, item) else None
    return items


def may_fill_in_or_change(access: ProgramAccess, session) -> bool:
    """Whether the viewer may open the forum form of ``session`` (``ProgramAccess.can_change`` and
    ``can_fill_in``; ``session.forum_or_none`` is set by ``views.base.get_forum_session``)."""
    return access.can_change(session) or access.can_fill_in(session, has_record=session.forum_or_none is not None)


def forum_session_page(access: ProgramAccess, session) -> dict:
    """A forum session's page: what every session page shows (``komunitas.selectors.session_page``), its forum
    record, and what the viewer may add to it. Eight queries with a forum record, three without."""
    forum = session.forum_or_none
    context = session_page(access, session)
    context["may"]["edit"] = may_fill_in_or_change(access, session)
    presenters, follow_ups, feedback, reflections, practice_logs = [], [], [], [], []
    if forum:
        presenters = list(forum.presenters.order_by("name"))
        follow_ups = list(forum.follow_ups.all())
        feedback = mark_authors(access, list(forum.feedback.select_related("presenter", "author")))
        reflections = list(forum.reflections.select_related("author"))
        practice_logs = list(forum.practice_logs.select_related("teacher", "method"))
    me = access.user.pk
    attended = any(row.person.user_id == me and row.status == AttendanceStatus.PRESENT for row in context["attendance"])
    context.update(
        forum=forum,
        presenters=presenters,
        follow_ups=follow_ups,
        feedback=feedback,
        reflections=reflections,
        practice_logs=practice_logs,
        can_give_feedback=access.can_log and attended and any(p.user_id != me for p in presenters),
        my_reflection=next((r for r in reflections if r.author.user_id == me), None),
    )
    return context


def teachers_with_counts(access: ProgramAccess) -> list[Person]:
    """The program's teachers, each with their forum figures (one query)."""
    program, person = access.program, OuterRef("pk")
    in_program = Q(forum__session__program=program)
    practice = PracticeLog.objects.filter(program=program, teacher=person)
    return list(
        Person.objects.teachers_of(program).annotate(
            n_presentations=count_subquery(
                ForumSession.objects.filter(session__program=program, presenters=person), "presenters"
            ),
            n_attended=count_subquery(attended_forum(program).filter(person=person), "person"),
            n_given=count_subquery(visible_feedback(access).filter(author=person), "author"),
            n_received=count_subquery(PeerFeedback.objects.filter(in_program, presenter=person), "presenter"),
            n_reflections=count_subquery(Reflection.objects.filter(in_program, author=person), "author"),
            n_practice=count_subquery(practice, "teacher"),
            n_methods=count_subquery(practice, "teacher", counted="method"),
        )
    )


def teacher_record(access: ProgramAccess, person: Person) -> dict:
    """One teacher's forum record: presentations, feedback received and (attributable) given, reflections,
    practice-log entries and forum sessions attended. Six queries."""
    program = access.program
    in_program = Q(forum__session__program=program)
    received = PeerFeedback.objects.filter(in_program, presenter=person).select_related("forum__session", "author")
    given = visible_feedback(access).filter(author=person).select_related("forum__session", "presenter", "author")
    return {
        "presentations": list(
            program.sessions.filter(kind=FORUM, forum__presenters=person).select_related("forum").order_by("-date")
        ),
        "received": mark_authors(access, list(received.order_by("-forum__session__date", "created_at"))),
        "given": mark_authors(access, list(given.order_by("-forum__session__date", "created_at"))),
        "reflections": list(
            Reflection.objects.filter(in_program, author=person)
            .select_related("forum__session")
            .order_by("-created_at")
        ),
        "logs": list(
            PracticeLog.objects.filter(program=program, teacher=person)
            .select_related("method", "forum__session")
            .order_by("-date", "-pk")
        ),
        "attended": attended_forum(program).filter(person=person).count(),
    }
