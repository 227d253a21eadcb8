"""Peer feedback in the kombel form Sampaikan – Tanyakan – Berikan: give, edit, and the feedback a teacher got."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from komunitas.access import program_access
from komunitas.models import AttendanceStatus
from komunitas.views import atomic_post, render_program

from .. import services
from ..forms import FeedbackForm
from ..models import PeerFeedback
from ..selectors import mark_authors
from .base import get_forum, person_problem


@login_required
def feedback_create(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("log")
    session, forum = get_forum(access, pk)
    me = access.own_person()
    context = {"session": session, "forum": forum, "feedback": None, "problem": person_problem(me)}
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
@atomic_post
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
    me = access.own_person()
    items = []
    if me is not None:
        items = mark_authors(
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
        {"items": items, "me": me, "problem": person_problem(me)},
    )
