"""Recording responses: an observation during a session (on a phone, one screen), an interview's notes, a
teacher's own questionnaire, or a paper questionnaire typed in; and the list of what was recorded.

Who may record what: observations, every teacher and facilitator of the program (observers of an open lesson are
teachers); interviews and typed-in paper questionnaires, facilitators; a teacher answers a questionnaire for
teachers as themselves, once per phase. Everyone's answers by name are for the facilitator and the principal
(``evaluate``); a teacher sees what they recorded.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from komunitas.access import ProgramAccess, program_access
from komunitas.activities import SessionAction
from komunitas.models import PersonKind
from komunitas.views import render_program
from komunitas.views.sessions import get_session

from .. import services
from ..forms import AnswersForm, ResponseMetaForm, item_field_name
from ..models import Instrument, InstrumentKind, Phase, Response
from .base import PAGE_SIZE, get_instrument, get_response, respondents


def may_record(access: ProgramAccess, instrument: Instrument, *, own: bool = False) -> bool:
    """Observations: whoever logs activities; a teacher's own questionnaire: a teacher; the rest: managers."""
    if instrument.kind == InstrumentKind.OBSERVATION:
        return access.can_log and access.sees_personal_data
    if own:  # a teacher, as a teacher (a facilitator's answers are not the teachers')
        return access.is_teacher and instrument.audience == PersonKind.TEACHER
    return access.can_manage


def observe_action(access: ProgramAccess, session) -> SessionAction | None:
    """The button on every session page (the plug-in contract's ``session_actions``)."""
    if not (access.can_log and access.sees_personal_data) or session.in_future:
        return None
    return SessionAction(
        _("Record an observation"), reverse("evaluation:observe", args=[session.program_id, session.pk])
    )


@login_required
def observe(request: HttpRequest, program_id: int, session_id: int) -> HttpResponse:
    """Pick the observation sheet for a session (straight to it when there is one)."""
    access = program_access(request, program_id)
    session = get_session(access, session_id)
    if not (access.can_log and access.sees_personal_data):
        raise PermissionDenied
    sheets = list(access.program.instruments.filter(kind=InstrumentKind.OBSERVATION))
    if len(sheets) == 1:
        return redirect(_record_url(sheets[0], session=session.pk))
    urls = [(sheet, _record_url(sheet, session=session.pk)) for sheet in sheets]
    return render_program(request, "evaluation/observe_pick.html", access, {"session": session, "urls": urls})


def _record_url(instrument: Instrument, **query) -> str:
    url = reverse("evaluation:record", args=[instrument.program_id, instrument.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _form_page(request, access: ProgramAccess, instrument: Instrument, *, response: Response | None, session=None,
               own=None, taken=None, phase=None):  # fmt: skip
    """The one screen for recording or correcting a response: the items, then who, when and which phase.
    ``own``: the signed-in teacher answering as themselves; ``taken``: the phases they answered already (phase →
    response), none of which a new answer may take."""
    items = list(instrument.items.all())
    data = request.POST if request.method == "POST" else None
    initial_answers = {}
    initial_meta = {"date": timezone.localdate(), "phase": phase or Phase.WEEKLY}
    if response is not None:
        for answer in response.answers.all():
            initial_answers[item_field_name(answer.item)] = answer.text or (
                int(answer.value) if answer.value is not None and answer.value == int(answer.value) else answer.value
            )
        initial_meta = {"date": response.date, "phase": response.phase, "respondent": response.respondent_id,
                        "notes": response.notes}  # fmt: skip
    answers_form = AnswersForm(data, instrument=instrument, items=items, initial=initial_answers)
    meta_form = ResponseMetaForm(
        data,
        program=access.program,
        instrument=instrument,
        people=respondents(access, instrument),
        fixed_date=session.date if session else None,
        initial=initial_meta,
        prefix="meta",
    )
    if own is not None:
        del meta_form.fields["respondent"]
    if data is not None:
        valid = answers_form.is_valid() & meta_form.is_valid()
        if valid and not answers_form.answers():
            answers_form.add_error(None, _("Nothing is answered yet."))
            valid = False
        earlier = (taken or {}).get(meta_form.cleaned_data.get("phase"))
        if valid and earlier is not None and earlier != response:  # never overwrite an answer of another visit
            meta_form.add_error(
                "phase",
                _("You answered this phase on %(date)s. Open that answer to change it.")
                % {"date": date_format(earlier.date)},
            )
            valid = False
        if valid:
            meta = meta_form.cleaned_data
            fields = {"phase": meta["phase"], "date": meta_form.day, "notes": meta["notes"],
                      "respondent": own if own is not None else meta.get("respondent")}  # fmt: skip
            if response is None:
                response = services.response_record(
                    instrument=instrument, answers=answers_form.answers(), session=session, user=request.user, **fields
                )
                messages.success(request, _("Saved. Thank you!") if own is not None else _("Response recorded."))
            else:
                services.response_update(response=response, answers=answers_form.answers(), **fields)
                messages.success(request, _("Response saved."))
            if session is not None:
                return redirect(session.page_url)
            return redirect(response.get_absolute_url())
        messages.error(request, _("Some answers need attention; nothing was saved yet."))
    return render_program(
        request,
        "evaluation/record_form.html",
        access,
        {"instrument": instrument, "answers_form": answers_form, "meta_form": meta_form, "session": session,
         "response": response, "own": own is not None, "taken": sorted((taken or {}).items())},
    )  # fmt: skip


@login_required
def record(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    instrument = get_instrument(access, pk)
    session = None
    if instrument.kind == InstrumentKind.OBSERVATION and request.GET.get("session", "").isdigit():
        session = get_session(access, int(request.GET["session"][:18]))
    if not may_record(access, instrument):
        raise PermissionDenied
    return _form_page(request, access, instrument, response=None, session=session)


@login_required
def answer_mine(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    """A teacher answers a teachers' questionnaire as themselves; a second answer in a phase edits the first."""
    access = program_access(request, program_id)
    instrument = get_instrument(access, pk)
    if instrument.kind != InstrumentKind.QUESTIONNAIRE or not may_record(access, instrument, own=True):
        raise PermissionDenied
    person = access.own_person()
    if person is None:
        messages.error(
            request, _("Your account is not linked to a person in this school's roster. Ask the facilitator.")
        )
        return redirect(instrument.get_absolute_url())
    taken = {response.phase: response for response in instrument.responses.filter(respondent=person)}
    # ?phase=… opens that phase: their answer to change, or a new one in that phase. Without it, the first of
    # baseline and endline they have not answered.
    phase = request.GET.get("phase")
    if phase not in Phase.values:
        phase = next((p for p in (Phase.BASELINE, Phase.ENDLINE) if p not in taken), Phase.WEEKLY)
    existing = taken.get(phase) if "phase" in request.GET else None
    return _form_page(request, access, instrument, response=existing, own=person, taken=taken, phase=phase)


@login_required
def response_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    responses = Response.objects.filter(instrument__program=access.program).select_related(
        "instrument", "respondent", "session", "created_by"
    )
    if not access.can("evaluate"):
        responses = responses.filter(created_by=access.user)
    instrument_id, phase = request.GET.get("instrument", ""), request.GET.get("phase", "")
    if instrument_id.isdigit() and len(instrument_id) < 18:
        responses = responses.filter(instrument_id=int(instrument_id))
    if phase in Phase.values:
        responses = responses.filter(phase=phase)
    page = Paginator(responses, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_program(
        request,
        "evaluation/response_list.html",
        access,
        {"page": page, "instruments": list(access.program.instruments.all()), "phases": Phase.choices,
         "chosen": {"instrument": instrument_id, "phase": phase}},
    )  # fmt: skip


def _may_see(access: ProgramAccess, response: Response) -> bool:
    return access.can("evaluate") or (response.created_by_id == access.user.pk and access.can_log)


@login_required
def response_detail(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    response = get_response(access, pk)
    if not _may_see(access, response):
        raise PermissionDenied
    answers = {answer.item_id: answer for answer in response.answers.all()}
    rows = [(item, answers.get(item.pk)) for item in response.instrument.items.all()]
    return render_program(
        request,
        "evaluation/response_detail.html",
        access,
        {"response": response, "rows": rows, "may_change": access.can_change(response)},
    )


@login_required
def response_edit(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    response = get_response(access, pk)
    if not access.can_change(response) or response.link_id:  # an anonymous answer stays as its respondent gave it
        raise PermissionDenied
    own = response.respondent if (response.respondent and response.respondent.user_id == access.user.pk) else None
    if not may_record(access, response.instrument, own=own is not None):  # its form lists whom it could be about
        raise PermissionDenied
    return _form_page(request, access, response.instrument, response=response, session=response.session, own=own)


@login_required
def response_delete(request: HttpRequest, program_id: int, pk: int) -> HttpResponse:
    access = program_access(request, program_id)
    response = get_response(access, pk)
    if not access.can_change(response):
        raise PermissionDenied
    if request.method == "POST":
        response.delete()
        messages.success(request, _("Response deleted."))
        return redirect("evaluation:response_list", program_id=program_id)
    warning = _("Its answers leave the analysis.")
    context = {"object": response, "warning": warning, "cancel_url": response.get_absolute_url()}
    return render_program(request, "komunitas/confirm_delete.html", access, context)
