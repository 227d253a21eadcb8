"""Club factories. Deterministic: sequences, not random values."""

import factory

from komunitas.testing import jpeg_bytes
from komunitas.tests.factories import ProgramFactory, SessionFactory
from projects.models import Artifact, Club, ClubMeeting, Milestone, Project


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


class MilestoneFactory(factory.django.DjangoModelFactory):
    """A milestone due on its project's first day (set ``due_date`` and ``done_on`` to make it late or done)."""

    class Meta:
        model = Milestone

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Tonggak {n}")
    due_date = factory.LazyAttribute(lambda o: o.project.start_date)


class ArtifactFactory(factory.django.DjangoModelFactory):
    """A small photo of a project (``people=[...]`` links students; ``kind="file"`` with a PDF for a document)."""

    class Meta:
        model = Artifact
        skip_postgeneration_save = True

    project = factory.SubFactory(ProjectFactory)
    kind = "photo"
    file = factory.django.FileField(filename="upload.jpg", data=jpeg_bytes())
    original_name = "karya.jpg"
    content_type = "image/jpeg"
    size = 100
    caption = factory.Sequence(lambda n: f"Karya {n}")

    @factory.post_generation
    def people(self, create, extracted, **kwargs):
        if create and extracted:
            self.people.set(extracted)
