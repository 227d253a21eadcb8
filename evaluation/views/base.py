"""What the evaluation's pages share: finding an instrument, an item or a response of the program."""

from __future__ import annotations

from django.db.models import Count
from django.shortcuts import get_object_or_404

from komunitas.access import ProgramAccess
from komunitas.models import Person, PersonKind

from ..models import Instrument, Item, Response

PAGE_SIZE = 25


def get_instrument(access: ProgramAccess, pk: int) -> Instrument:
    """An instrument of the program (404 otherwise), with its response count (``locked`` reads it)."""
    return get_object_or_404(access.program.instruments.annotate(response_count=Count("responses")), pk=pk)


def get_item(access: ProgramAccess, pk: int) -> Item:
    return get_object_or_404(Item.objects.select_related("instrument"), pk=pk, instrument__program=access.program)


def get_response(access: ProgramAccess, pk: int) -> Response:
    return get_object_or_404(
        Response.objects.select_related("instrument", "respondent", "session", "created_by"),
        pk=pk,
        instrument__program=access.program,
    )


def respondents(access: ProgramAccess, instrument: Instrument):
    """Whom an observation or interview with ``instrument`` can be about: the program's participants of its
    audience (or every participant when its audience is the facilitators)."""
    kinds = [instrument.audience] if instrument.audience != PersonKind.FACILITATOR else None
    return Person.objects.participants_of(access.program, kinds)
