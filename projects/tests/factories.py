"""Club factories. Deterministic: sequences, not random values."""

import factory

from komunitas.tests.factories import ProgramFactory, SessionFactory
from projects.models import Club, ClubMeeting, Project


class ClubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Club
        skip_postgeneration_save = True

    program = factory.SubFactory(ProgramFactory)
    name = factory.Sequence(lambda n: f"Klub {n}")
    theme = "Proyek sekolah"

    @factory.post_generation
    def mentors(self, create, extracted, **kwargs):
        if create and extracted:
            self.mentors.set(extracted)

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.set(extracted)


class ClubMeetingFactory(factory.django.DjangoModelFactory):
    """A club meeting: a core Session of kind "club" plus its club record."""

    class Meta:
        model = ClubMeeting

    club = factory.SubFactory(ClubFactory)
    session = factory.SubFactory(SessionFactory, kind="club", program=factory.SelfAttribute("..club.program"))
    activities = "Menguji purwarupa."
    next_steps = "Memperbaiki desain."


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    club = factory.SubFactory(ClubFactory)
    title = factory.Sequence(lambda n: f"Proyek {n}")
    driving_question = "Bagaimana?"
    start_date = factory.LazyAttribute(lambda o: o.club.program.start_date)
    end_date = factory.LazyAttribute(lambda o: o.club.program.end_date)
