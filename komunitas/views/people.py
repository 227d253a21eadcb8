"""The roster: people of the program's school, who takes part, CSV/XLSX import."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from .. import dapodik, roster_files, roster_import, services
from ..access import program_access
from ..filters import PeopleFilter
from ..forms import ParticipantsForm, PersonForm, RosterImportForm
from ..models import STAFF_KINDS, Membership, Participant, Person, PersonKind
from . import atomic_post, render_program

PAGE_SIZE = 50
IMPORT_SESSION_KEY = "roster-import-{program_id}"


@login_required
def people_list(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    program = access.program
    archived = request.GET.get("archived") == "1" and access.can_manage_staff  # who left, for their data page
    roster = Person.objects.filter(school_id=program.school_id, archived_at__isnull=not archived)
    if not access.sees_personal_data:  # staff by name; students and parents as counts (``counted`` below)
        roster = roster.filter(kind__in=STAFF_KINDS)
    people = (
        roster.annotate(
            is_participant=Exists(Participant.objects.current().filter(program=program, person=OuterRef("pk")))
        )
        .with_consents()
        .prefetch_related(Prefetch("guardian_of", queryset=Person.objects.only("pk", "name", "class_name")))
        .order_by("kind", "class_name", "name")
    )
    classes = (
        roster.filter(kind=PersonKind.STUDENT)
        .exclude(class_name="")
        .order_by("class_name")
        .values_list("class_name", flat=True)
        .distinct()
    )
    filters = PeopleFilter(request.GET, queryset=people, classes=list(classes))
    page = Paginator(filters.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "counted": None,
        "archived": archived,
        "selectable": access.can_manage and not archived,  # tick people to add to or take out of the program
        "keep_params": [("archived", "1")] if archived else [],
    }
    if not access.sees_personal_data:
        context["counted"] = _participant_counts(program, [PersonKind.STUDENT, PersonKind.PARENT])
    return render_program(request, "komunitas/people_list.html", access, context)


def _participant_counts(program, kinds: list[str]) -> list[tuple[str, int]]:
    """(kind label, how many take part now) — what those who may not see names are shown instead."""
    counts = dict(
        Participant.objects.current()
        .filter(program=program, person__kind__in=kinds)
        .values_list("person__kind")
        .annotate(n=Count("person", distinct=True))
    )
    return [(PersonKind(kind).label, counts.get(kind, 0)) for kind in kinds]


@login_required
@require_POST
def participants_update(request: HttpRequest, program_id: int) -> HttpResponse:
    """Add the ticked people of the roster to the program, or take them out (their history stays)."""
    access = program_access(request, program_id)
    access.require("manage")
    form = ParticipantsForm(request.POST, school=access.program.school)
    if not form.is_valid():
        messages.error(request, _("Tick at least one person first."))
    else:
        action, people = form.cleaned_data["action"], list(form.cleaned_data["person"])
        count = services.participants_set(program=access.program, people=people, participating=action == "add")
        text = _("%(count)s added to the program.") if action == "add" else _("%(count)s removed from the program.")
        messages.success(request, text % {"count": count})
    # Back to the roster page it came from (its filters and page) — a path of this site, nothing else.
    next_url = request.POST.get("next", "")
    if not (next_url.startswith("/") and url_has_allowed_host_and_scheme(next_url, allowed_hosts=None)):
        next_url = reverse("people_list", args=[program_id])
    return HttpResponseRedirect(next_url)


def _save(request: HttpRequest, form: PersonForm, program) -> Person:
    data = form.cleaned_data
    consent = services.ConsentChange(
        purposes=frozenset(data["consent_purposes"]),
        given_by=data["consent_given_by"],
        given_on=data["consent_given_on"],
        recorded_by=request.user,
    )
    return services.person_save(
        person=form.instance,
        guardian_of=data["guardian_of"],
        program=program,
        participating=data["is_participant"],
        consent=consent,
    )


@login_required
def person_create(request: HttpRequest, program_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    form = PersonForm(
        request.POST or None,
        school=access.program.school,
        initial={"kind": request.GET.get("kind", PersonKind.STUDENT)},
    )
    if request.method == "POST" and form.is_valid():
        person = _save(request, form, access.program)
        messages.success(request, _("%(name)s added to the roster.") % {"name": person.name})
        if "add_another" in request.POST:
            return redirect(f"{request.path}?kind={person.kind}")
        return redirect("people_list", program_id=program_id)
    return render_program(request, "komunitas/person_form.html", access, {"form": form, "person": None})


@login_required
@atomic_post
def person_edit(request: HttpRequest, program_id: int, person_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    person = get_object_or_404(Person.objects.active(), pk=person_id, school_id=access.program.school_id)
    is_participant = person.participations.current().filter(program=access.program).exists()
    form = PersonForm(
        request.POST or None, instance=person, school=access.program.school, initial={"is_participant": is_participant}
    )
    if request.method == "POST" and form.is_valid():
        _save(request, form, access.program)
        messages.success(request, _("Changes to %(name)s saved.") % {"name": person.name})
        return redirect("people_list", program_id=program_id)
    consents = person.photo_consents.select_related("recorded_by", "withdrawn_by")
    context = {"form": form, "person": person, "consents": consents}
    return render_program(request, "komunitas/person_form.html", access, context)


@login_required
def person_delete(request: HttpRequest, program_id: int, person_id: int) -> HttpResponse:
    access = program_access(request, program_id)
    access.require("manage")
    person = get_object_or_404(Person.objects.active(), pk=person_id, school_id=access.program.school_id)
    membership = Membership.objects.filter(user_id=person.user_id, school_id=person.school_id).first()
    if person.user_id == request.user.pk or (membership and not access.can_change_membership(membership)):
        # Removing a person removes their account's access: only for accounts the user may revoke.
        messages.error(
            request, _("%(name)s manages this school: only the principal can remove them.") % {"name": person.name}
        )
        return redirect("people_list", program_id=program_id)
    if request.method == "POST":
        outcome = services.person_remove(person=person)
        if outcome == "archived":
            messages.success(request, _("%(name)s archived: past attendance is kept.") % {"name": person.name})
        else:
            messages.success(request, _("%(name)s deleted.") % {"name": person.name})
        return redirect("people_list", program_id=program_id)
    archived = services.person_has_history(person)
    warnings = [
        _(
            "%(name)s has taken part in the program or has attendance records. They will be archived instead of "
            "deleted: hidden from the roster and from new attendance lists, while past records and figures stay "
            "complete."
        )
        % {"name": person.name}
        if archived
        else _("%(name)s has no attendance records and will be deleted.") % {"name": person.name}
    ]
    if membership:
        warnings.append(_("Their account %(username)s loses its access to this school.") % {"username": person.user})
    photo_count = person.photos.count()
    if photo_count:
        warnings.append(
            ngettext(
                "%(count)s photo shows them: it stays, visible to the school's staff only.",
                "%(count)s photos show them: they stay, visible to the school's staff only.",
                photo_count,
            )
            % {"count": photo_count}
        )
    return render_program(
        request,
        "komunitas/confirm_delete.html",
        access,
        {
            "object": person,
            "warning": " ".join(warnings),
            "cancel_url": reverse("people_list", args=[program_id]),
            "action_label": _("Archive") if archived else _("Delete"),
        },
    )


@login_required
def people_import(request: HttpRequest, program_id: int) -> HttpResponse:
    """Step 1: upload and preview; for a Daftar PD of several classes, tick which take part (the same page, posted
    with ``choose_classes``: the file read at upload is kept in the session, minimised). Nothing is written here."""
    access = program_access(request, program_id)
    access.require("manage")
    key = IMPORT_SESSION_KEY.format(program_id=program_id)
    choosing = request.method == "POST" and "choose_classes" in request.POST
    form = RosterImportForm(None if choosing else request.POST or None, request.FILES or None)
    parsed, chosen = None, None
    if choosing:
        if data := request.session.get(key):
            parsed, chosen = dapodik.Parsed.from_session(data), set(request.POST.getlist("classes"))
        else:
            messages.error(request, _("The preview has expired; upload the file again."))
    elif request.method == "POST" and form.is_valid():
        try:
            parsed = dapodik.parse_table(roster_files.read_table(form.cleaned_data["file"]))
        except ValidationError as error:
            form.add_error("file", error)
            request.session.pop(key, None)
        else:
            request.session[key] = parsed.to_session()
    context = {"form": form, "rows": None, "counts": {}, "header": roster_import.TEMPLATE_HEADER}
    if parsed:
        context.update(_import_preview(parsed, chosen, access.program))
    return render_program(request, "komunitas/people_import.html", access, context)


def _import_preview(parsed: dapodik.Parsed, chosen: set[str] | None, program) -> dict:
    classes = parsed.classes
    if chosen is None:  # at upload: every class
        chosen = {class_name for class_name, _count in classes}
    rows = parsed.only_classes(chosen)
    roster_import.compare_with_roster(rows, program)
    dapodik.describe(rows)
    counts = roster_import.count_actions(rows)
    return {
        "source": parsed.source,
        "rows": rows,
        "counts": counts,
        "has_errors": bool(counts["error"]),
        "classes": [(class_name, count, class_name in chosen) for class_name, count in classes],
        "none_chosen": bool(classes) and not chosen,
    }


@login_required
@require_POST
def people_import_confirm(request: HttpRequest, program_id: int) -> HttpResponse:
    """Step 2: write the previewed rows (of the classes ticked), all or nothing."""
    access = program_access(request, program_id)
    access.require("manage")
    key = IMPORT_SESSION_KEY.format(program_id=program_id)
    data = request.session.get(key)
    if not data:
        messages.error(request, _("The preview has expired; upload the file again."))
        return redirect("people_import", program_id=program_id)
    parsed = dapodik.Parsed.from_session(data)
    chosen = set(request.POST.getlist("classes"))
    if parsed.classes and not chosen & {class_name for class_name, _count in parsed.classes}:
        messages.error(request, _("Tick at least one class, then confirm."))
        context = {"form": RosterImportForm(), "header": roster_import.TEMPLATE_HEADER}
        context.update(_import_preview(parsed, chosen, access.program))
        return render_program(request, "komunitas/people_import.html", access, context)
    del request.session[key]
    rows = parsed.only_classes(chosen)
    # The roster may have changed since the preview: compare again before writing.
    roster_import.compare_with_roster(rows, access.program)
    if any(row.errors for row in rows):
        messages.error(request, _("Some rows have errors; fix the file and upload it again."))
        return redirect("people_import", program_id=program_id)
    counts = roster_import.apply_rows(rows, access.program, user=request.user)
    messages.success(request, _("Import done: %(new)s added, %(update)s updated, %(same)s unchanged.") % counts)
    return redirect("people_list", program_id=program_id)


@login_required
def import_template(request: HttpRequest, program_id: int, fmt: str) -> HttpResponse:
    program_access(request, program_id)
    # The templates hold the header only, so nothing fictional is imported by accident; the XLSX has the
    # examples on a second sheet ("Contoh") that the import never reads.
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerow(roster_import.TEMPLATE_HEADER)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "Peserta"
        sheet.append(roster_import.TEMPLATE_HEADER)
        for column in ("C", "D", "F"):  # NIS/NIP, class, phone as text: Excel would drop leading zeros
            for row in range(1, 501):
                sheet[f"{column}{row}"].number_format = "@"
        examples = workbook.create_sheet("Contoh")
        examples.append(roster_import.TEMPLATE_HEADER)
        for example in roster_import.TEMPLATE_EXAMPLES:
            examples.append(example)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="template-peserta.{fmt}"'
    return response
