"""How involved each parent is: classes attended, contributions, and their level — the study's move (Table 1,
"Keterlibatan Orang Tua") from formal presence only (report cards, committee meetings: "minim dan bersifat
formal") to active partners in their child's learning ("hadir dan berkontribusi langsung").

The levels, kept simple so a facilitator can check them by hand:

- **not yet attended** — the parent came to no parent class (their involvement is still formal only);
- **attended** — they came to at least one class and listened;
- **active partner** — they contributed at least once (shared an experience, asked a question, volunteered, brought
  a resource, led a session), or they came to at least half the classes held and spoke in a dialogue (a dialogue
  note is linked to them).

The change compares the program's first half (weeks 1 to ``weeks // 2``) with the second: each half's level counts
only that half's held classes, contributions and dialogue notes. A half in which no class was held has no level
(None), so a program still in its first half shows no change rather than everyone falling back.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from komunitas.models import Attendance, AttendanceStatus, Person, PersonKind, Program, Session, SessionStatus

from .models import PARENT_CLASS, Contribution, ContributionKind, DialogueNote


class Level(models.TextChoices):
    """In rising order: a later level is more involved."""

    NOT_YET = "not_yet", _("Not yet attended")
    ATTENDED = "attended", pgettext_lazy("level of involvement", "Attended")
    ACTIVE = "active", _("Active partner")


RANK = {level: rank for rank, level in enumerate(Level.values)}


def level_of(*, attended: int, held: int, contributions: int, spoke: int) -> str:
    """The level (module docstring) from counts over one period: classes attended of ``held``, contributions,
    dialogue notes linked to the parent."""
    if contributions or (held and attended * 2 >= held and spoke):
        return Level.ACTIVE
    return Level.ATTENDED if attended else Level.NOT_YET


@dataclass
class _Tally:
    attended: int = 0
    contributions: int = 0
    spoke: int = 0


@dataclass
class ParentInvolvement:
    person_id: int
    person: Person | None  # None when read for counts only
    attended: int  # held classes they were present at
    held: int  # held classes of the program
    contributions: dict[str, int]  # by ContributionKind value, every kind
    spoke: int  # dialogue notes linked to them
    level: str
    level_then: str | None  # over the first half (None: no class held then)
    level_now: str | None  # over the second half (None: no class held yet)

    @property
    def contribution_count(self) -> int:
        return sum(self.contributions.values())

    @property
    def contribution_list(self) -> list[tuple[str, int]]:
        """(label, count) of the kinds they made, for the page."""
        return [(kind.label, self.contributions[kind.value]) for kind in ContributionKind if self.contributions[kind]]

    @property
    def level_label(self) -> str:
        return Level(self.level).label

    @property
    def level_then_label(self) -> str:
        return Level(self.level_then).label if self.level_then else ""

    @property
    def level_now_label(self) -> str:
        return Level(self.level_now).label if self.level_now else ""

    @property
    def changed(self) -> bool:
        return self.level_then is not None and self.level_now is not None and self.level_then != self.level_now

    @property
    def rose(self) -> bool:
        return self.changed and RANK[self.level_now] > RANK[self.level_then]


@dataclass
class InvolvementTable:
    parents: list[ParentInvolvement]
    held: int
    held_then: int
    held_now: int
    counts: dict[str, int] = field(default_factory=dict)  # by level, every level, over the whole program
    counts_then: dict[str, int] = field(default_factory=dict)  # by level in the first half (empty: no class held)
    counts_now: dict[str, int] = field(default_factory=dict)  # by level in the second half (empty: none held yet)

    @property
    def level_rows(self) -> list[tuple[str, str, int, int | None, int | None]]:
        """(level, label, now over the program, first half, second half), in rising order."""
        return [
            (
                level.value,
                level.label,
                self.counts[level],
                self.counts_then.get(level) if self.counts_then else None,
                self.counts_now.get(level) if self.counts_now else None,
            )
            for level in Level
        ]


def halfway(program: Program) -> dt.date:
    """The last day of the program's first half (the end of week ``weeks // 2``; the first week for one week)."""
    return program.week_range(max(program.weeks // 2, 1))[1]


def parent_involvement(program: Program, *, names: bool = True) -> InvolvementTable:
    """Every parent who took part in the program, by name. Queries: held classes, the parents (with
    ``names``: and their children, prefetched; without, their ids only), their presence at held classes, the
    contributions, the dialogue notes linked to a parent."""
    middle = halfway(program)
    held = list(
        Session.objects.filter(program=program, kind=PARENT_CLASS, status=SessionStatus.HELD).values_list(
            "date", flat=True
        )
    )
    held_then = sum(1 for day in held if day <= middle)
    held_now = len(held) - held_then
    # Every parent who took part at any time, as ``parent_weekly`` counts them: one who left, or was erased (the
    # core keeps the person without a name), still counts in the figures.
    parents = (
        Person.objects.filter(participations__program=program, participations__role=PersonKind.PARENT)
        .distinct()
        .order_by("class_name", "name", "pk")
    )
    if names:
        people = list(parents.prefetch_related(Prefetch("guardian_of", queryset=Person.objects.order_by("name"))))
        ids = [person.pk for person in people]
    else:
        people, ids = [], list(parents.values_list("pk", flat=True))
    by_pk = {person.pk: person for person in people}

    # (parent, period) → tally; period "all", "then" (first half) or "now" (second half)
    tallies: dict[tuple[int, str], _Tally] = defaultdict(_Tally)
    kinds: dict[int, Counter] = defaultdict(Counter)

    def add(person_id, day, attr):
        for period in ("all", "then" if day <= middle else "now"):
            setattr(tallies[person_id, period], attr, getattr(tallies[person_id, period], attr) + 1)

    # Joins, not lists of ids: a query with an empty ``__in`` is never sent, and the count would vary.
    for person_id, day in Attendance.objects.filter(
        session__program=program,
        session__kind=PARENT_CLASS,
        session__status=SessionStatus.HELD,
        person__kind=PersonKind.PARENT,
        status=AttendanceStatus.PRESENT,
    ).values_list("person_id", "session__date"):
        add(person_id, day, "attended")
    for person_id, kind, day in Contribution.objects.filter(program=program).values_list("parent_id", "kind", "date"):
        add(person_id, day, "contributions")
        kinds[person_id][kind] += 1
    for person_id, day in DialogueNote.objects.filter(
        session__program=program, session__kind=PARENT_CLASS, parent__isnull=False
    ).values_list("parent_id", "session__date"):
        add(person_id, day, "spoke")

    def level(person_id, period, held_count):
        tally = tallies.get((person_id, period), _Tally())
        return level_of(attended=tally.attended, held=held_count, contributions=tally.contributions, spoke=tally.spoke)

    rows = []
    for person_id in ids:
        tally = tallies.get((person_id, "all"), _Tally())
        rows.append(
            ParentInvolvement(
                person_id=person_id,
                person=by_pk.get(person_id),
                attended=tally.attended,
                held=len(held),
                contributions={kind: kinds[person_id][kind] for kind in ContributionKind.values},
                spoke=tally.spoke,
                level=level(person_id, "all", len(held)),
                level_then=level(person_id, "then", held_then) if held_then else None,
                level_now=level(person_id, "now", held_now) if held_now else None,
            )
        )
    table = InvolvementTable(rows, held=len(held), held_then=held_then, held_now=held_now)
    table.counts = {value: sum(1 for row in rows if row.level == value) for value in Level.values}
    if held_then:
        table.counts_then = {value: sum(1 for row in rows if row.level_then == value) for value in Level.values}
    if held_now:
        table.counts_now = {value: sum(1 for row in rows if row.level_now == value) for value in Level.values}
    return table
