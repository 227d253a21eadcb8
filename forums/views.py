"""Pages of the teacher forum: sessions (list, log, edit, detail, notulen), peer feedback, reflections, the
practice log and its list of methods, and each teacher's page.

Every page starts with ``program_access`` (outsiders 404, readers who may not write 403) and fetches objects
through ``access.program``. Forum content is staff-only: no page here is reachable without an account.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from komunitas.access import ProgramAccess, program_access
from komunitas.charts import bar_chart
from komunitas.forms import AttendanceForm
from komunitas.models import (
    Attendance,
    AttendanceStatus,
    Person,
    PersonKind,
    Session,
    SessionKind,
    SessionStatus,
    attendance_people,
)
from komunitas.uploads import serve_private
from komunitas.views import render_program
from komunitas.views_sessions import group_attendance

from . import services
from .forms import (
    FeedbackForm,
    ForumDetailsForm,
    ForumFilesForm,
    ForumSessionForm,
    MethodForm,
    PracticeLogForm,
    ReflectionForm,
    check_presenters_attended,
    follow_up_formset,
    follow_ups_from,
    participating_teachers,
)
from .metrics import methods_by_week
from .models import ForumSession, Method, PeerFeedback, PracticeLog, Reflection, TopicCategory

PAGE_SIZE = 20
NO_PERSON = gettext_lazy(
    "Your account is not linked to a person in this school's roster, so the forum cannot tell which teacher you "
    "are. Ask the facilitator to link your account on the People page."
)


# --- helpers ---------------------------------------------------------------------------------------------------


def _forum_sessions(access: ProgramAccess):
    return access.program.sessions.filter(kind=SessionKind.FORUM)


def _get_session(access: ProgramAccess, pk: int) -> Session:
    """A forum session of the program, with its forum record when it has one (``session.forum_or_none``).
    Sessions planned on the schedule have no forum record until someone completes it."""
    session = get_object_or_404(
        _forum_sessions(access).select_related("facilitator", "forum__notetaker"),
        pk=pk,
    )
    session.program = access.program
    session.forum_or_none = getattr(session, "forum", None)
    return session


def _completable(access: ProgramAccess, session: Session) -> bool:
    """A forum session planned on the schedule (no forum record yet) may be filled in by any teacher of the
    program; whoever fills it in then owns it (``services.forum_session_save``)."""
    return session.forum_or_none is None and access.can_log


def _get_forum(access: ProgramAccess, pk: int) -> tuple[Session, ForumSession]:
    session = _get_session(access, pk)
    if session.forum_or_none is None:
        raise Http404
    return session, session.forum_or_none


def _my_person(access: ProgramAccess) -> Person | None:
    """The signed-in user's own Person at the program's school (None when the account is not linked)."""
    return Person.objects.filter(user=access.user, school_id=access.program.school_id).first()


def _author_visible(access: ProgramAccess, feedback: PeerFeedback) -> bool:
    """Anonymous feedback hides its author from the presenter and other readers, never from the facilitator
    (nor from the author)."""
    return not feedback.anonymous or access.can_manage or feedback.author.user_id == access.user.pk


def _mark_authors(access: ProgramAccess, items: list[PeerFeedback]) -> list[PeerFeedback]:
    for item in items:
        item.shown_author = item.author if _author_visible(access, item) else None
    return items


def _person_problem(person: Person | None) -> str | None:
    """Why the signed-in user cannot write as themselves here (feedback, reflection, practice log), or None."""
    return NO_PERSON if person is None else None


# --- sessions --------------------------------------------------------------------------------------------------


@login_required
def session_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    sessions = (
        _forum_sessions(access)
        .select_related("forum")
        .prefetch_related(Prefetch("forum__presenters", queryset=Person.objects.order_by("name")))
        .with_attendance_counts()
        .order_by("-date", "-start_time", "-pk")
    )
    week = program.week_param(request.GET.get("week"))
    if week:
        sessions = sessions.between(*program.week_range(week))
    topic = request.GET.get("topic", "")
    if topic in TopicCategory.values:
        sessions = sessions.filter(forum__topic_category=topic)
    else:
        topic = ""
    presenter = request.GET.get("presenter", "")
    if presenter.isdigit():
        sessions = sessions.filter(forum__presenters=int(presenter))
    else:
        presenter = ""
    q = request.GET.get("q", "").strip()
    if q:
        sessions = sessions.filter(
            Q(title__icontains=q)
            | Q(place__icontains=q)
            | Q(forum__agenda__icontains=q)
            | Q(forum__practice__icontains=q)
            | Q(forum__discussion_notes__icontains=q)
            | Q(forum__conclusion__icontains=q)
            | Q(forum__presenters__name__icontains=q)
        ).distinct()
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    for session in page.object_list:
        session.program = program  # session.week reads the program; no query per row
    return render_program(
        request,
        "forums/session_list.html",
        access,
        {
            "page": page,
            "weeks": list(program.week_numbers()),
            "week": week,
            "topics": TopicCategory.choices,
            "topic": topic,
            "teachers": list(participating_teachers(program)),
            "presenter": presenter,
            "q": q,
            "filtered": bool(week or topic or presenter or q),
        },
    )


def _session_form_page(request: HttpRequest, access: ProgramAccess, session: Session, forum: ForumSession):
    program = access.program
    is_new = session.pk is None
    current = dict(session.attendance.values_list("person_id", "status")) if not is_new else {}
    people = attendance_people(access.program, SessionKind.FORUM, set(current))
    data = request.POST if request.method == "POST" else None
    initial = {}
    if is_new:
        today = timezone.localdate()
        initial = {"date": today if program.contains(today) else None, "status": SessionStatus.HELD}
    session_form = ForumSessionForm(data, instance=session, program=program, initial=initial)
    details_initial = {}
    if is_new:
        me = _my_person(access)
        if me and participating_teachers(program).filter(pk=me.pk).exists():
            details_initial["presenters"] = [me.pk]
    details_form = ForumDetailsForm(data, instance=forum, program=program, initial=details_initial)
    attendance_form = AttendanceForm(data, people=people, current=current, prefix="att")
    existing = list(forum.follow_ups.all()) if forum.pk else []
    rtl = follow_up_formset(
        data,
        initial=[
            {"action": f.action, "responsible": f.responsible, "due_date": f.due_date, "done": f.done} for f in existing
        ],
        extra=2 if not existing else 1,
    )
    files_form = ForumFilesForm(data, request.FILES if data is not None else None)
    if data is not None:
        # Validate every part, so that all errors show at once.
        results = [form.is_valid() for form in (session_form, details_form, attendance_form, rtl, files_form)]
        valid = all(results)
        if session_form.is_valid():
            details_form.check_practice(session_form.cleaned_data.get("status"))
        check_presenters_attended(details_form, attendance_form)
        if valid and not details_form.errors:
            forum = services.forum_session_save(
                session=session_form.instance,
                forum=details_form.instance,
                presenters=list(details_form.cleaned_data["presenters"]),
                follow_ups=follow_ups_from(rtl),
                statuses=attendance_form.statuses(),
                uploads=files_form.uploads(),
                user=request.user,
            )
            messages.success(request, _("Forum session saved.") if not is_new else _("Forum session logged."))
            return redirect(forum.get_absolute_url())
        messages.error(request, _("Some fields need attention; nothing was saved yet."))
        if request.FILES:
            # Browsers cannot refill file inputs (good ones included): say so, rather than let files vanish.
            files_form.add_error(None, _("The files you chose were not saved; choose them again before saving."))
    attachments = list(session.attachments.all()) if not is_new else []
    return render_program(
        request,
        "forums/session_form.html",
        access,
        {
            "session": None if is_new else session,
            "session_form": session_form,
            "details_form": details_form,
            "attendance_form": attendance_form,
            "rtl": rtl,
            "files_form": files_form,
            "attachments": attachments,
        },
        status=200,
    )


@login_required
def session_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    session = Session(program=access.program, kind=SessionKind.FORUM)
    return _session_form_page(request, access, session, ForumSession())


@login_required
def session_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = _get_session(access, pk)
    if _completable(access, session):
        access.require("log")
    else:
        access.require_edit(session.created_by_id)
    forum = session.forum_or_none or ForumSession(session=session)
    return _session_form_page(request, access, session, forum)


@login_required
def session_detail(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    session = _get_session(access, pk)
    forum = session.forum_or_none
    attendance = list(session.attendance.select_related("person").order_by("person__kind", "person__name"))
    attachments = session.attachments.with_consent_flag()
    if not access.is_school_staff:
        attachments = attachments.filter(lacks_consent=False)
    presenters, follow_ups, feedback, reflections, practice_logs = [], [], [], [], []
    if forum:
        presenters = list(forum.presenters.order_by("name"))
        follow_ups = list(forum.follow_ups.all())
        feedback = _mark_authors(access, list(forum.feedback.select_related("presenter", "author")))
        reflections = list(forum.reflections.select_related("author"))
        practice_logs = list(forum.practice_logs.select_related("teacher", "method"))
    user_id = request.user.pk
    attended = any(a.person.user_id == user_id and a.status == AttendanceStatus.PRESENT for a in attendance)
    counts = {status: sum(1 for a in attendance if a.status == status) for status in AttendanceStatus.values}
    return render_program(
        request,
        "forums/session_detail.html",
        access,
        {
            "session": session,
            "forum": forum,
            "presenters": presenters,
            "follow_ups": follow_ups,
            "attendance": attendance,
            "counts": counts,
            "attendance_groups": group_attendance(attendance),
            "attachments": list(attachments),
            "feedback": feedback,
            "reflections": reflections,
            "practice_logs": practice_logs,
            "can_edit": access.can_edit(session.created_by_id) or _completable(access, session),
            "can_give_feedback": access.can_log and attended and any(p.user_id != user_id for p in presenters),
            "my_reflection": next((r for r in reflections if r.author.user_id == user_id), None),
        },
    )


@login_required
def notulen(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """Notulen in the format schools keep, followed by the daftar hadir of the core (same template)."""
    access = program_access(request, program_id)
    session = _get_session(access, pk)
    forum = session.forum_or_none
    recorded = {a.person_id: a for a in session.attendance.all()}
    people = attendance_people(access.program, SessionKind.FORUM, set(recorded))
    rows = [(person, recorded.get(person.pk)) for person in people]
    return render_program(
        request,
        "forums/notulen.html",
        access,
        {
            "session": session,
            "forum": forum,
            "presenters": list(forum.presenters.order_by("name")) if forum else [],
            "follow_ups": list(forum.follow_ups.all()) if forum else [],
            "rows": rows,
            "present_count": sum(1 for a in recorded.values() if a.status == AttendanceStatus.PRESENT),
            "principal": Person.objects.principal_of(access.program.school_id),
        },
    )


# --- peer feedback ---------------------------------------------------------------------------------------------


@login_required
def feedback_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    session, forum = _get_forum(access, pk)
    me = _my_person(access)
    context = {"session": session, "forum": forum, "feedback": None, "problem": _person_problem(me)}
    if me is not None:
        presenters = forum.presenters.exclude(pk=me.pk).order_by("name")
        attended = session.attendance.filter(person=me, status=AttendanceStatus.PRESENT).exists()
        feedback = PeerFeedback(forum=forum, author=me)
        initial = {"presenter": request.GET.get("presenter")}
        form = FeedbackForm(request.POST or None, instance=feedback, presenters=presenters, author=me, initial=initial)
        if request.method == "POST":
            if not attended:
                form.add_error(
                    None,
                    _(
                        "You are not recorded as present at this session, so you cannot give feedback on it. "
                        "If you were there, ask whoever logged the session to correct the attendance."
                    ),
                )
            if form.is_valid():
                services.feedback_save(feedback=form.instance, user=request.user)
                messages.success(request, _("Thank you — your feedback was saved."))
                return redirect(forum.get_absolute_url())
        context.update(form=form, attended=attended, has_presenters=presenters.exists())
    return render_program(request, "forums/feedback_form.html", access, context)


@login_required
def feedback_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    feedback = get_object_or_404(
        PeerFeedback.objects.select_related("forum__session", "author", "presenter"),
        pk=pk,
        forum__session__program=access.program,
    )
    access.require_edit(feedback.created_by_id)
    forum = feedback.forum
    presenters = forum.presenters.exclude(pk=feedback.author_id).order_by("name")
    form = FeedbackForm(request.POST or None, instance=feedback, presenters=presenters, author=feedback.author)
    if request.method == "POST" and form.is_valid():
        services.feedback_save(feedback=form.instance, user=request.user)
        messages.success(request, _("Feedback saved."))
        return redirect(forum.get_absolute_url())
    context = {"session": forum.session, "forum": forum, "feedback": feedback, "form": form, "attended": True}
    context["has_presenters"] = True
    return render_program(request, "forums/feedback_form.html", access, context)


@login_required
def feedback_received(request: HttpRequest, program_id: int) -> HttpResponse:
    """All feedback on the signed-in teacher's presentations, in one place."""
    access = program_access(request, program_id)
    me = _my_person(access)
    items = []
    if me is not None:
        items = _mark_authors(
            access,
            list(
                PeerFeedback.objects.filter(forum__session__program=access.program, presenter=me)
                .select_related("forum__session", "author")
                .order_by("-forum__session__date", "forum_id", "created_at")
            ),
        )
    return render_program(
        request,
        "forums/feedback_received.html",
        access,
        {"items": items, "me": me, "problem": _person_problem(me)},
    )


# --- reflections -----------------------------------------------------------------------------------------------


@login_required
def reflection_mine(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """The signed-in teacher's own reflection on a session: written once, edited afterwards."""
    access = program_access(request, program_id)
    access.require("log")
    session, forum = _get_forum(access, pk)
    me = _my_person(access)
    context = {"session": session, "forum": forum, "problem": _person_problem(me), "reflection": None}
    if me is not None:
        reflection = forum.reflections.filter(author=me).first() or Reflection(forum=forum, author=me)
        if reflection.pk:
            access.require_edit(reflection.created_by_id)
        form = ReflectionForm(request.POST or None, instance=reflection, session_date=session.date)
        if request.method == "POST" and form.is_valid():
            services.reflection_save(reflection=form.instance, user=request.user)
            messages.success(request, _("Reflection saved."))
            return redirect(forum.get_absolute_url())
        context.update(form=form, reflection=reflection if reflection.pk else None)
    return render_program(request, "forums/reflection_form.html", access, context)


@login_required
def reflection_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """Any reflection, for its author or a facilitator."""
    access = program_access(request, program_id)
    reflection = get_object_or_404(
        Reflection.objects.select_related("forum__session", "author"), pk=pk, forum__session__program=access.program
    )
    access.require_edit(reflection.created_by_id)
    session = reflection.forum.session
    form = ReflectionForm(request.POST or None, instance=reflection, session_date=session.date)
    if request.method == "POST" and form.is_valid():
        services.reflection_save(reflection=form.instance, user=request.user)
        messages.success(request, _("Reflection saved."))
        return redirect(reflection.forum.get_absolute_url())
    context = {"session": session, "forum": reflection.forum, "form": form, "reflection": reflection}
    return render_program(request, "forums/reflection_form.html", access, context)


# --- teachers --------------------------------------------------------------------------------------------------


def _count(queryset, key: str):
    """A correlated COUNT subquery (no join fan-out when several counts sit on one row)."""
    counted = queryset.order_by().values(key).annotate(n=Count("pk", distinct=True)).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


@login_required
def teacher_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    person = OuterRef("pk")
    teachers = participating_teachers(program).annotate(
        n_presentations=_count(ForumSession.objects.filter(session__program=program, presenters=person), "presenters"),
        n_attended=_count(
            Attendance.objects.filter(
                person=person,
                session__program=program,
                session__kind=SessionKind.FORUM,
                session__status=SessionStatus.HELD,
                status=AttendanceStatus.PRESENT,
            ),
            "person",
        ),
        # Count only what the viewer may attribute (the rule of _author_visible), so that comparing this
        # number with a teacher's page never reveals who wrote anonymous feedback.
        n_given=_count(
            PeerFeedback.objects.filter(forum__session__program=program, author=person).filter(
                Q() if access.can_manage else Q(anonymous=False) | Q(author__user_id=access.user.pk)
            ),
            "author",
        ),
        n_received=_count(PeerFeedback.objects.filter(forum__session__program=program, presenter=person), "presenter"),
        n_reflections=_count(Reflection.objects.filter(forum__session__program=program, author=person), "author"),
        n_practice=_count(PracticeLog.objects.filter(program=program, teacher=person), "teacher"),
        n_methods=Coalesce(
            Subquery(
                PracticeLog.objects.filter(program=program, teacher=person)
                .order_by()
                .values("teacher")
                .annotate(n=Count("method", distinct=True))
                .values("n"),
                output_field=IntegerField(),
            ),
            Value(0),
        ),
    )
    return render_program(request, "forums/teacher_list.html", access, {"teachers": list(teachers)})


@login_required
def teacher_detail(request: HttpRequest, program_id: int, person_id: int) -> HttpResponse:
    """A teacher's forum page: presentations, feedback given and received, reflections and practice log."""
    access = program_access(request, program_id)
    program = access.program
    person = get_object_or_404(
        Person.objects.filter(participations__program=program, participations__role=PersonKind.TEACHER),
        pk=person_id,
    )
    in_program = Q(forum__session__program=program)
    presentations = list(
        _forum_sessions(access).filter(forum__presenters=person).select_related("forum").order_by("-date")
    )
    received = _mark_authors(
        access,
        list(
            PeerFeedback.objects.filter(in_program, presenter=person)
            .select_related("forum__session", "author")
            .order_by("-forum__session__date", "created_at")
        ),
    )
    given = _mark_authors(
        access,
        list(
            PeerFeedback.objects.filter(in_program, author=person)
            .select_related("forum__session", "presenter", "author")
            .order_by("-forum__session__date", "created_at")
        ),
    )
    # Anonymous feedback stays anonymous: a colleague's page must not reveal who wrote it.
    given = [item for item in given if item.shown_author is not None]
    reflections = list(
        Reflection.objects.filter(in_program, author=person).select_related("forum__session").order_by("-created_at")
    )
    logs = list(
        PracticeLog.objects.filter(program=program, teacher=person)
        .select_related("method", "forum__session")
        .order_by("-date", "-pk")
    )
    attended = Attendance.objects.filter(
        person=person,
        session__program=program,
        session__kind=SessionKind.FORUM,
        session__status=SessionStatus.HELD,
        status=AttendanceStatus.PRESENT,
    ).count()
    weekly = methods_by_week(program, logs)
    current_week = program.current_week()
    chart = bar_chart(
        [str(week) for week, _n, _total in weekly],
        [total for _week, _n, total in weekly],
        title=_("Distinct methods tried so far, by week"),
        description=_("Number of different teaching methods %(name)s has tried in class, counted up to each week.")
        % {"name": person.name},
        label_header=_("Week"),
        value_header=_("Methods so far"),
        extra_columns=[(_("Methods that week"), [n for _week, n, _total in weekly])],
        highlight=current_week - 1 if current_week else None,
        chart_id="methods-chart",
    )
    return render_program(
        request,
        "forums/teacher_detail.html",
        access,
        {
            "person": person,
            "presentations": presentations,
            "received": received,
            "given": given,
            "reflections": reflections,
            "logs": logs,
            "attended": attended,
            "methods_total": len({log.method_id for log in logs}),
            "chart": chart,
            "is_me": person.user_id == request.user.pk,
        },
    )


# --- practice log and methods ----------------------------------------------------------------------------------


@login_required
def practice_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    logs = PracticeLog.objects.filter(program=program).select_related("teacher", "method", "forum__session")
    teacher = request.GET.get("teacher", "")
    if teacher.isdigit():
        logs = logs.filter(teacher_id=int(teacher))
    else:
        teacher = ""
    method = request.GET.get("method", "")
    if method.isdigit():
        logs = logs.filter(method_id=int(method))
    else:
        method = ""
    week = program.week_param(request.GET.get("week"))
    if week:
        start, end = program.week_range(week)
        logs = logs.filter(date__gte=start, date__lte=end)
    page = Paginator(logs.order_by("-date", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render_program(
        request,
        "forums/practice_list.html",
        access,
        {
            "page": page,
            "teachers": list(participating_teachers(program)),
            "methods": list(program.methods.order_by("name")),
            "weeks": list(program.week_numbers()),
            "teacher": teacher,
            "method": method,
            "week": week,
            "filtered": bool(teacher or method or week),
        },
    )


def _practice_form_page(request: HttpRequest, access: ProgramAccess, log: PracticeLog) -> HttpResponse:
    program = access.program
    services.methods_ensure_defaults(program=program)
    choose_teacher = access.can_manage
    problem = None
    if not choose_teacher and log.pk is None:
        me = _my_person(access)
        problem = _person_problem(me)
        if me is not None and not participating_teachers(program).filter(pk=me.pk).exists():
            problem = _("Only teachers taking part in this program keep a practice log here.")
        log.teacher = me
    forums = ForumSession.objects.filter(session__program=program).select_related("session").order_by("-session__date")
    initial = {}
    if log.pk is None:
        today = timezone.localdate()
        initial = {"date": today if program.contains(today) else None, "forum": request.GET.get("forum")}
    form = PracticeLogForm(
        request.POST or None,
        request.FILES or None,
        instance=log,
        program=program,
        choose_teacher=choose_teacher,
        forums=forums,
        initial=initial,
    )
    if request.method == "POST" and problem is None and form.is_valid():
        services.practice_log_save(
            log=form.instance,
            new_method_name=form.cleaned_data.get("new_method", ""),
            evidence=form.cleaned_data.get("evidence_file"),
            user=request.user,
        )
        messages.success(request, _("Practice log saved."))
        return redirect("forums:teacher_detail", program_id=program.pk, person_id=form.instance.teacher_id)
    return render_program(
        request, "forums/practice_form.html", access, {"form": form, "log": log if log.pk else None, "problem": problem}
    )


@login_required
def practice_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    return _practice_form_page(request, access, PracticeLog(program=access.program))


def _get_log(access: ProgramAccess, pk: int) -> PracticeLog:
    log = get_object_or_404(PracticeLog.objects.select_related("teacher", "method"), pk=pk, program=access.program)
    log.program = access.program
    return log


@login_required
def practice_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    log = _get_log(access, pk)
    access.require_edit(log.created_by_id)
    return _practice_form_page(request, access, log)


@login_required
def practice_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    log = _get_log(access, pk)
    access.require_edit(log.created_by_id)
    teacher_url = reverse("forums:teacher_detail", args=[program_id, log.teacher_id])
    if request.method == "POST":
        if log.evidence:
            log.evidence.delete(save=False)
        log.delete()
        messages.success(request, _("Practice log entry deleted."))
        return redirect(teacher_url)
    return render_program(request, "komunitas/confirm_delete.html", access, {"object": log, "cancel_url": teacher_url})


@login_required
def practice_evidence(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """The evidence file of a practice-log entry. Its pictured students are not recorded, so, unlike session
    documentation, it is shown to the school's own staff only (not to district officers)."""
    access = program_access(request, program_id)
    log = _get_log(access, pk)
    if not log.evidence or not access.is_school_staff:
        raise Http404
    return serve_private(
        log.evidence,
        content_type=log.evidence_type,
        filename=log.evidence_name or "evidence",
        inline=log.evidence_is_image,
    )


@login_required
def method_list(request: HttpRequest, program_id: int) -> HttpResponse:
    """The program's list of teaching methods, how often each was tried; teachers extend it."""
    access = program_access(request, program_id)
    program = access.program
    form = None
    if access.can_log:
        form = MethodForm(request.POST or None, program=program)
    if request.method == "POST":
        access.require("log")
        if form.is_valid():
            form.instance.created_by = request.user
            form.save()
            messages.success(request, _("Method “%(name)s” added.") % {"name": form.instance.name})
            return redirect("forums:method_list", program_id=program.pk)
    else:
        services.methods_ensure_defaults(program=program)
    methods = program.methods.annotate(
        tried=Count("logs", distinct=True), teachers=Count("logs__teacher", distinct=True)
    ).order_by("-active", "name")
    return render_program(request, "forums/method_list.html", access, {"methods": list(methods), "form": form})


@login_required
def method_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    method = get_object_or_404(Method, pk=pk, program=access.program)
    method.program = access.program
    form = MethodForm(request.POST or None, instance=method, program=access.program)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Method saved."))
        return redirect("forums:method_list", program_id=program_id)
    return render_program(request, "forums/method_form.html", access, {"form": form, "method": method})
