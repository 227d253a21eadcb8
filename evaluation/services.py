"""Writes of the evaluation, one transaction each: recording a response with its answers, copying an
instrument (a new, editable version), loading the starter instruments, and the questionnaire links."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from komunitas.models import Person, Program, Session

from .models import Answer, Instrument, Item, QuestionnaireLink, Response


class Locked(Exception):
    """The instrument has responses: its items and scale may not change (stored answers keep their meaning)."""


@transaction.atomic
def response_record(
    *,
    instrument: Instrument,
    answers: list[tuple[Item, float | None, str]],
    phase: str,
    date: dt.date,
    respondent: Person | None = None,
    session: Session | None = None,
    link: QuestionnaireLink | None = None,
    device: str = "",
    network: str = "",
    notes: str = "",
    user=None,
) -> Response:
    response = Response.objects.create(
        instrument=instrument,
        phase=phase,
        date=date,
        respondent=respondent,
        session=session,
        link=link,
        device=device,
        network=network,
        notes=notes,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    for item, value, text in answers:
        Answer.objects.create(response=response, item=item, value=value, text=text)
    return response


@transaction.atomic
def response_update(*, response: Response, answers: list[tuple[Item, float | None, str]], **fields) -> Response:
    """Replace a response's answers (an interview's notes completed later, an observation corrected)."""
    for name, value in fields.items():
        setattr(response, name, value)
    response.save()
    keep = {item.pk for item, _value, _text in answers}
    for answer in response.answers.exclude(item_id__in=keep):
        answer.delete()
    for item, value, text in answers:
        Answer.objects.update_or_create(response=response, item=item, defaults={"value": value, "text": text})
    return response


@transaction.atomic
def instrument_copy(*, instrument: Instrument, program: Program, user, title: str | None = None) -> Instrument:
    """A copy of ``instrument`` in ``program``, with its items; an item's aspect becomes the program's aspect of
    the same standard row (or name), or none."""
    aspects = {(a.key or a.name): a for a in program.aspects.all()}
    items = list(instrument.items.select_related("aspect"))
    copy = Instrument.objects.create(
        program=program,
        kind=instrument.kind,
        title=title or instrument.title,
        instructions=instrument.instructions,
        audience=instrument.audience,
        scale=[dict(point) for point in instrument.scale],
        once_per_device=instrument.once_per_device,
        copied_from=instrument,
        created_by=user,
    )
    for item in items:
        aspect = aspects.get(item.aspect.key or item.aspect.name) if item.aspect else None
        Item.objects.create(
            instrument=copy,
            order=item.order,
            text=item.text,
            type=item.type,
            required=item.required,
            reverse=item.reverse,
            aspect=aspect,
        )
    return copy


def require_unlocked(instrument: Instrument) -> None:
    if instrument.responses.exists():
        raise Locked


def link_revoke(link: QuestionnaireLink) -> None:
    link.revoked_at = timezone.now()
    link.save(update_fields=["revoked_at"])
