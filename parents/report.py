"""The parent classes' section of the final report (the plug-in contract's ``report_sections``): presence week by
week (the dashboard's chart), the dialogue by tag, the parents' involvement levels in the first half of the program
and the second, a few things parents said in the study's three (experiences, obstacles, hopes) quoted without
names, and up to ``REPORT_PHOTOS_PER_SECTION`` photos of parent classes that may go in the report. It names no
parent and no child: one stored report serves every reader."""

from __future__ import annotations

from django.utils.translation import gettext as _

from komunitas.activities import REPORT_PHOTOS_PER_SECTION, ReportPart, ReportSection
from komunitas.models import Attachment
from komunitas.print_images import print_photos

from .involvement import parent_involvement
from .metrics import class_rows, parent_weekly
from .models import PARENT_CLASS, DialogueNote, DialogueTag
from .panels import dialogue_chart, follow_up_counts, headline, presence_chart

QUOTES_PER_TAG = 2  # the first and the latest of each kind: how the dialogue began and where it went


def dialogue_quotes(program) -> list[tuple[str, list[str]]]:
    """(tag label, texts) for each tag with notes: its first and latest note (one when there is one). Notes blanked
    by an erasure are left out. One query (the notes' tags and texts, in date order)."""
    texts: dict[str, list[str]] = {tag: [] for tag in DialogueTag.values}
    for tag, text in (
        DialogueNote.objects.filter(session__program=program, session__kind=PARENT_CLASS)
        .exclude(text="")
        .order_by("session__date", "pk")
        .values_list("tag", "text")
    ):
        texts[tag].append(text)
    picked = []
    for tag in DialogueTag:
        notes = texts[tag.value]
        if notes:
            picked.append((str(tag.label), [notes[0], notes[-1]][: min(len(notes), QUOTES_PER_TAG)]))
    return picked


def report_photos(program) -> list:
    """Up to ``REPORT_PHOTOS_PER_SECTION`` photos of parent classes with report consent (one query); print copies
    are made for those read."""
    attachments = (
        Attachment.objects.filter(session__program=program, session__kind=PARENT_CLASS)
        .shown_for("report")
        .select_related("session")
        .order_by("session__date", "pk")[:REPORT_PHOTOS_PER_SECTION]
    )
    return print_photos(attachments)


def parent_report_section(access) -> ReportSection | None:
    """Thirteen queries: the parent classes, ``parent_weekly``'s other four, the follow-ups' counts, the
    involvement's five (held classes, the parents' ids, presence, contributions, dialogue notes), the quotes, the
    photos. None (after the first) for a program without parent classes."""
    program = access.program
    sessions = class_rows(program)
    if not sessions:
        return None
    rows = parent_weekly(program, sessions=sessions)
    present = [row.present_percent for row in rows if row.present_percent is not None]
    involvement = parent_involvement(program, names=False)
    return ReportSection(
        key="parents",
        title=_("Parent inspiration classes"),
        template="parents/_report_section.html",
        context={
            **headline(rows, follow_up_counts(program)),
            "first_present": present[0] if present else None,
            "last_present": present[-1] if present else None,
            "chart": presence_chart(rows),
            "dialogue_chart": dialogue_chart(rows) if any(row.note_count for row in rows) else None,
            "involvement": involvement,
            "quotes": dialogue_quotes(program),
            "photos": report_photos(program),
        },
        order=30,
        part=ReportPart.RESULTS,
    )
