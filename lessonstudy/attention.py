"""What lesson study puts on the dashboard's "Needs attention" (the plug-in contract's ``attention``): cycles whose
open lesson was held more than two weeks ago and that have had no reflection since — what was seen fades fast,
and the See is where a cycle teaches."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from komunitas.access import ProgramAccess
from komunitas.activities import Attention

from .metrics import cycle_dates

WAIT = dt.timedelta(days=14)  # the reflection belongs within a week or two of the open lesson
SHOWN = 3  # links under the sentence; the count says how many in all


def reflections_due(access: ProgramAccess) -> list[Attention]:
    """One sentence with the number of such cycles and links for the first few (the longest waiting first). One
    query (the cycles with their stage dates). A cycle's title names no student, so every role sees it (the
    dashboard caches it per role)."""
    program = access.program
    before = timezone.localdate() - WAIT
    waiting = sorted(
        (
            cycle
            for cycle in cycle_dates(program)
            if cycle.first_lesson and cycle.first_lesson < before and not cycle.first_reflection and not cycle.done
        ),
        key=lambda cycle: (cycle.first_lesson, cycle.pk),
    )
    if not waiting:
        return []
    text = ngettext(
        "%(n)s lesson study cycle had its open lesson over two weeks ago and no reflection yet",
        "%(n)s lesson study cycles had their open lesson over two weeks ago and no reflection yet",
        len(waiting),
    ) % {"n": len(waiting)}
    links = [(cycle.title, reverse("lessonstudy:detail", args=[program.pk, cycle.pk])) for cycle in waiting[:SHOWN]]
    return [Attention(text, links)]
