"""Forum factories. Deterministic: sequences, not random values."""

import datetime as dt

import factory

from forums.models import FollowUp, ForumSession, Method, PeerFeedback, PracticeLog, Reflection, TopicCategory
from komunitas.tests.factories import PersonFactory, SessionFactory


class ForumSessionFactory(factory.django.DjangoModelFactory):
    """A held forum session (core Session of kind "forum" plus its forum record)."""

    class Meta:
        model = ForumSession
        skip_postgeneration_save = True

    session = factory.SubFactory(SessionFactory, kind="forum")
    format = "small_group"
    topic_category = TopicCategory.STRATEGY
    practice = "Jigsaw dalam kelompok kecil.\n\n- Bagi materi\n- Kelompok ahli"
    discussion_notes = "Bagaimana dengan kelas besar?"
    conclusion = "Dicoba di kelas masing-masing."

    @factory.post_generation
    def presenters(self, create, extracted, **kwargs):
        if create and extracted:
            self.presenters.set(extracted)


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    forum = factory.SubFactory(ForumSessionFactory)
    action = factory.Sequence(lambda n: f"Tindak lanjut {n}")
    responsible = "Semua guru"
    due_date = dt.date(2026, 2, 20)


class PeerFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PeerFeedback

    forum = factory.SubFactory(ForumSessionFactory)
    presenter = factory.SubFactory(PersonFactory)
    author = factory.SubFactory(PersonFactory)
    went_well = "Langkahnya jelas."
    question = "Berapa lama persiapannya?"
    suggestion = "Bagikan lembar kerjanya."


class ReflectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reflection

    forum = factory.SubFactory(ForumSessionFactory)
    author = factory.SubFactory(PersonFactory)
    learned = "Jigsaw membuat semua siswa berperan."
    will_try = "Mencoba jigsaw di 8A."
    try_by = dt.date(2026, 2, 20)


class MethodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Method

    name = factory.Sequence(lambda n: f"Metode {n}")


class PracticeLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PracticeLog

    teacher = factory.SubFactory(PersonFactory)
    date = factory.LazyAttribute(lambda o: o.program.start_date + dt.timedelta(days=2))
    class_name = "8A"
    method = factory.SubFactory(MethodFactory, program=factory.SelfAttribute("..program"))
    how_it_went = "Siswa aktif."
