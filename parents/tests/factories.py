"""Parent-class factories. Deterministic: sequences, not random values."""

import datetime as dt

import factory
from django.utils import timezone

from komunitas.models import PersonKind
from komunitas.tests.factories import PersonFactory, ProgramFactory, SessionFactory
from parents.models import (
    PARENT_CLASS,
    CheckInLink,
    Contribution,
    ContributionKind,
    DialogueNote,
    DialogueTag,
    FollowUp,
    ParentClass,
    Theme,
)


class ParentFactory(PersonFactory):
    """A parent (``guardian_of=[child]`` links their children)."""

    kind = PersonKind.PARENT
    name = factory.Sequence(lambda n: f"Ibu Wali {n}")

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def guardian_of(self, create, extracted, **kwargs):
        if create and extracted:
            self.guardian_of.set(extracted)


class ParentClassFactory(factory.django.DjangoModelFactory):
    """A parent class: a core Session of kind "parent_class" plus its class record."""

    class Meta:
        model = ParentClass

    session = factory.SubFactory(SessionFactory, kind=PARENT_CLASS, program=factory.SubFactory(ProgramFactory))
    theme = Theme.ROLE_AT_HOME
    materials = "Lembar refleksi orang tua."


class CheckInLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckInLink

    session = factory.SubFactory(SessionFactory, kind=PARENT_CLASS)
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(hours=6))


class DialogueNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DialogueNote

    session = factory.SubFactory(SessionFactory, kind=PARENT_CLASS)
    tag = DialogueTag.HOPE
    text = factory.Sequence(lambda n: f"Harapan {n}: anak lebih rajin belajar di rumah.")


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    program = factory.SubFactory(ProgramFactory)
    parent = factory.SubFactory(ParentFactory, school=factory.SelfAttribute("..program.school"))
    kind = ContributionKind.SHARED_EXPERIENCE
    date = factory.LazyAttribute(lambda o: o.program.start_date + dt.timedelta(days=5))


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    session = factory.SubFactory(SessionFactory, kind=PARENT_CLASS)
    what = factory.Sequence(lambda n: f"Tindak lanjut {n}")
    who = "Wali kelas"


def class_on(program, day, *, present=(), absent=(), status="held", **fields) -> ParentClass:
    """A parent class of ``program`` on ``day`` with ``present`` (and ``absent``) people marked (the figures'
    tests: metrics, panel, report, involvement, export)."""
    from komunitas.tests.factories import AttendanceFactory

    parent_class = ParentClassFactory(session__program=program, session__date=day, session__status=status, **fields)
    for person in present:
        AttendanceFactory(session=parent_class.session, person=person)
    for person in absent:
        AttendanceFactory(session=parent_class.session, person=person, status="absent")
    return parent_class
