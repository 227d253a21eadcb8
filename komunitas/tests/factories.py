"""factory_boy factories. Deterministic: sequences, not random values, so failures repeat."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from komunitas.models import (
    Attendance,
    ConsentPurpose,
    District,
    Membership,
    Participant,
    Person,
    PersonKind,
    PhotoConsent,
    Program,
    School,
    Session,
)

START = dt.date(2026, 2, 2)  # a Monday


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Sequence(lambda n: f"Nama{n}")
    password = factory.django.Password("pw-komunitas-123")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Kabupaten {n}")


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    name = factory.Sequence(lambda n: f"SMPN {n}")
    district = factory.SubFactory(DistrictFactory)


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    school = factory.SubFactory(SchoolFactory)
    name = "Komunitas Belajar"
    start_date = START
    weeks = 10


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)
    role = "teacher"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    school = factory.SubFactory(SchoolFactory)
    name = factory.Sequence(lambda n: f"Orang {n}")
    kind = PersonKind.TEACHER


class StudentFactory(PersonFactory):
    """A student whose guardian agreed to photos on staff pages and in the report (``consents`` to change it:
    ``StudentFactory(consents=[])`` for none)."""

    kind = PersonKind.STUDENT
    class_name = "7A"

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def consents(self, create, purposes, **kwargs):
        if not create:
            return
        if purposes is None:
            purposes = [ConsentPurpose.STAFF, ConsentPurpose.REPORT]
        PhotoConsent.objects.bulk_create(PhotoConsent(person=self, purpose=p, given_by="Ibu") for p in purposes)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    program = factory.SubFactory(ProgramFactory)
    person = factory.SubFactory(PersonFactory, school=factory.SelfAttribute("..program.school"))
    role = factory.SelfAttribute("person.kind")


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    program = factory.SubFactory(ProgramFactory)
    kind = "other"  # the core's own kind; activity apps' factories set theirs
    title = factory.Sequence(lambda n: f"Sesi {n}")
    date = factory.LazyAttribute(lambda o: o.program.start_date + dt.timedelta(days=1))
    start_time = dt.time(13, 30)
    end_time = dt.time(15, 0)
    status = "held"


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    status = "present"
