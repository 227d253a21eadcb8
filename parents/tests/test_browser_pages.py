"""Every page of the parent classes, at desktop and phone width, passes the accessibility check and fits the
screen."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Participant, Person, PersonKind, Session
from komunitas.testing import sign_in, visit_each
from komunitas.tests.factories import StudentFactory
from parents import check_in
from parents.models import PARENT_CLASS, CheckIn, CheckInLink, ParentClass
from parents.tests.factories import (
    ContributionFactory,
    DialogueNoteFactory,
    FollowUpFactory,
    ParentFactory,
    class_on,
)

pytestmark = pytest.mark.browser


def _check_in_pages(program) -> list[str]:
    """The self check-in's pages: the staff page with names waiting and parents checked in, the room screen, the
    invitation, and the public page in each of its states."""
    school = program.school
    parents = []
    for index in range(6):
        child = Person.objects.create(
            school=school, name=f"Anak {index}", kind=PersonKind.STUDENT, class_name=f"{7 + index % 3}A"
        )
        parent = Person.objects.create(school=school, name=f"Ibu Orang Tua Bernama Panjang {index}", kind="parent")
        parent.guardian_of.add(child)
        for person in (child, parent):
            Participant.objects.create(program=program, person=person, role=person.kind)
        parents.append(parent)
    session = Session.objects.create(
        program=program, kind=PARENT_CLASS, title="Kelas inspirasi: Peran orang tua di era digital",
        date=timezone.localdate(), start_time=dt.time(9), end_time=dt.time(11), place="Aula sekolah",
    )  # fmt: skip
    ParentClass.objects.create(session=session)
    link = check_in.check_in_link_open(session=session, user=None)
    closed = CheckInLink.objects.create(session=session, expires_at=timezone.now() - dt.timedelta(hours=1))
    check_in.parent_check_in(link=link, person=parents[0], network="n", device="d")
    for name in ["Ibu Maya <Putri> 🌸", "Bapak Tanpa Nama Panjang Sekali Yang Tidak Ada Di Daftar Sekolah"]:
        CheckIn.objects.create(link=link, session=session, name=name, child_class="9C", status="pending")
    args = [program.pk, session.pk]
    public = link.get_absolute_url()
    return [
        reverse("parents:check_in", args=args),
        reverse("parents:check_in_screen", args=[*args, link.pk]),
        reverse("parents:invitation", args=args),
        public,
        public + "?add=1",
        public + "?sent=1",
        public + "?sent=new",
        closed.get_absolute_url(),
    ]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_parents_page_is_accessible_and_fits(request, size, live_program):
    urls = [reverse("parents:index", args=[live_program.pk])]
    urls += _check_in_pages(live_program)
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    visit_each(page, urls)


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
