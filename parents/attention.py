"""What the parent classes put on the dashboard's "Needs attention" (the plug-in contract's ``attention``): follow-ups
agreed at a class that are overdue — not done, their day past."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from komunitas.access import ProgramAccess
from komunitas.activities import Attention

from .models import FollowUp

SHOWN = 3  # links under the sentence; the count says how many in all


def overdue_follow_ups(access: ProgramAccess) -> list[Attention]:
    """One sentence with the number of overdue follow-ups and links to the classes of the first few (the longest
    overdue first): what, by when. One query (the overdue follow-ups with their classes). Who is to do it is left
    out: it may name a parent, and the dashboard caches this per role (district officers see it)."""
    overdue = list(
        FollowUp.objects.filter(
            session__program=access.program, done_on__isnull=True, due_date__lt=timezone.localdate()
        )
        .select_related("session")
        .order_by("due_date", "pk")
    )
    if not overdue:
        return []
    text = ngettext(
        "%(n)s follow-up of a parent class is overdue (not done by its date)",
        "%(n)s follow-ups of parent classes are overdue (not done by their date)",
        len(overdue),
    ) % {"n": len(overdue)}
    links = [
        (
            _("%(what)s · by %(date)s") % {"what": item.what, "date": formats.date_format(item.due_date)},
            item.session.page_url,
        )
        for item in overdue[:SHOWN]
    ]
    return [Attention(text, links)]
