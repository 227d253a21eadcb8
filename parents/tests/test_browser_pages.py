"""Every page of the parent classes, at desktop and phone width, passes the accessibility check and fits the
screen."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from komunitas.models import Participant, Person, PersonKind, Session
from komunitas.testing import sign_in, visit_each
from komunitas.tests.factories import AttendanceFactory, StudentFactory
from parents import check_in
from parents.models import PARENT_CLASS, CheckIn, CheckInLink, ParentClass
from parents.tests.factories import (
    ContributionFactory,
    DialogueNoteFactory,
    FollowUpFactory,
    ParentClassFactory,
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


def _classes_with_records(program):
    """Ten parents, a held class with attendance, notes of each kind, contributions and follow-ups (one overdue,
    one done), and a class planned on the schedule."""
    parents = []
    for index in range(10):
        child = StudentFactory(school=program.school, name=f"Anak Bernama Panjang {index}", class_name="7A")
        parent = ParentFactory(school=program.school, name=f"Ibu Wali Bernama Panjang {index}", guardian_of=[child])
        Participant.objects.create(program=program, person=parent, role=PersonKind.PARENT)
        parents.append(parent)
    record = ParentClassFactory(
        session__program=program,
        session__title="Kelas inspirasi: peran orang tua di rumah",
        session__date=program.start_date,
        speaker_kind="parent",
        speaker=parents[0],
        materials="Lembar refleksi, video pendek.",
    )
    session = record.session
    for parent in parents[:6]:
        AttendanceFactory(session=session, person=parent)
    for tag, theme in [("experience", "role_at_home"), ("obstacle", "digital"), ("hope", "")]:
        DialogueNoteFactory(session=session, tag=tag, theme=theme, parent=parents[1], text=f"Catatan {tag} <b>🙂</b>")
    ContributionFactory(program=program, parent=parents[2], session=session, date=session.date, note="Bertanya")
    ContributionFactory(program=program, parent=parents[3], kind="volunteered", date=session.date)
    FollowUpFactory(session=session, what="Grup belajar orang tua", due_date=session.date)
    follow_up = FollowUpFactory(session=session, what="Jadwal konsultasi", done_on=session.date)
    planned = ParentClassFactory(
        session__program=program, session__date=program.start_date + dt.timedelta(days=12), session__status="planned"
    ).session
    return session, planned, follow_up


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_every_parent_class_page_is_accessible_and_fits(request, size, live_program):
    program = live_program
    session, planned, follow_up = _classes_with_records(program)
    note = session.dialogue_notes.first()
    contribution = program.parent_contributions.first()
    page = request.getfixturevalue(size)
    sign_in(page, "fasilitator")
    pk, args = program.pk, [program.pk, session.pk]
    visit_each(
        page,
        [
            # The classes' staff pages (parents/views/{classes,dialogue,contributions,follow_ups}.py)
            reverse("parents:index", args=[pk]),
            reverse("parents:create", args=[pk]),
            reverse("parents:detail", args=args),
            reverse("parents:detail", args=[pk, planned.pk]),
            reverse("parents:edit", args=args),
            reverse("attendance_edit", args=args),
            reverse("parents:note_create", args=args),
            reverse("parents:note_edit", args=[*args, note.pk]),
            reverse("parents:note_delete", args=[*args, note.pk]),
            reverse("parents:dialogue", args=[pk]),
            reverse("parents:contributions", args=[pk]),
            reverse("parents:contribution_create", args=[pk]) + f"?class={session.pk}",
            reverse("parents:contribution_edit", args=[pk, contribution.pk]),
            reverse("parents:contribution_delete", args=[pk, contribution.pk]),
            reverse("parents:follow_ups", args=[pk]),
            reverse("parents:follow_up_create", args=args),
            reverse("parents:follow_up_edit", args=[*args, follow_up.pk]),
            reverse("parents:follow_up_delete", args=[*args, follow_up.pk]),
        ],
    )
