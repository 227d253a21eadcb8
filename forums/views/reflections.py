"""Personal reflections after a forum session: the teacher's own, and any one for its author or a facilitator."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from komunitas.access import program_access
from komunitas.views import atomic_post, render_program

from .. import services
from ..forms import ReflectionForm
from ..models import Reflection
from .base import get_forum, person_problem


@login_required
@atomic_post
def reflection_mine(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """The signed-in teacher's own reflection on a session: written once, edited afterwards."""
    access = program_access(request, program_id)
    access.require("log")
    session, forum = get_forum(access, pk)
    me = access.own_person()
    context = {"session": session, "forum": forum, "problem": person_problem(me), "reflection": None}
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
@atomic_post
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
