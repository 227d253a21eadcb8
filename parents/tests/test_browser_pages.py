"""Every page of the parent classes, at desktop and phone width, passes the accessibility check and fits the
screen."""

import datetime as dt

import pytest
from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.testing import sign_in, visit_each
from komunitas.tests.factories import StudentFactory
from parents.tests.factories import (
    ContributionFactory,
    DialogueNoteFactory,
    FollowUpFactory,
    ParentFactory,
    class_on,
)

pytestmark = pytest.mark.browser


def _figures(program) -> list:
    """Eight parents with long names, two classes held with contributions and the dialogue, an overdue follow-up:
    the involvement page, the dashboard's panel and the report's section have something to show."""
    parents = []
    for index in range(8):
        child = StudentFactory(school=program.school, name=f"Anak Bernama Panjang {index}", class_name="7A")
        parent = ParentFactory(
            school=program.school, name=f"Ibu Wali Bernama Sangat Panjang {index}", guardian_of=[child]
        )
        Participant.objects.create(program=program, person=parent, role=PersonKind.PARENT)
        parents.append(parent)
    for number, day in enumerate([program.start_date, program.start_date + dt.timedelta(days=1)]):
        session = class_on(program, day, present=parents[: 3 + 3 * number]).session
        for tag in ["experience", "obstacle", "hope"]:
            DialogueNoteFactory(session=session, tag=tag, parent=parents[number])
        ContributionFactory(program=program, parent=parents[number], session=session, date=day, kind="led")
        FollowUpFactory(session=session, what="Grup orang tua per kelas", due_date=day - dt.timedelta(days=1))
    return parents


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_figures_pages_are_accessible_and_fit(request, size, live_program):
    program = live_program
    _figures(program)
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    pk = program.pk
    visit_each(
        page,
        [
            reverse("parents:involvement", args=[pk]),
            reverse("parents:involvement", args=[pk]) + "?level=attended&sort=level",
            reverse("parents:involvement", args=[pk]) + "?level=not_yet",
            reverse("program_dashboard", args=[pk]),  # the parents' panel
            reverse("report_preview", args=[pk]),  # the parents' section
        ],
    )
