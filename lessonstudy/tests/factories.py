"""Lesson-study factories. Deterministic: sequences, not random values."""

import datetime as dt

import factory
from django.utils import timezone

from komunitas.models import PersonKind
from komunitas.tests.factories import PersonFactory, ProgramFactory, SessionFactory
from lessonstudy.models import (
    LS_REFLECTION,
    OPEN_LESSON,
    Cycle,
    NoteTag,
    ObservationNote,
    OpenLesson,
    PlanFile,
    PlanVersion,
    Reflection,
)


class CycleFactory(factory.django.DjangoModelFactory):
    """A cycle (``team=[...]`` sets its team)."""

    class Meta:
        model = Cycle
        skip_postgeneration_save = True

    program = factory.SubFactory(ProgramFactory)
    title = factory.Sequence(lambda n: f"Siklus {n + 1}")
    subject = "Matematika"
    class_name = "8A"
    topic = "Persamaan linear satu variabel"
    model_teacher = factory.SubFactory(
        PersonFactory, school=factory.SelfAttribute("..program.school"), kind=PersonKind.TEACHER
    )

    @factory.post_generation
    def team(self, create, extracted, **kwargs):
        if create and extracted:
            self.team.set(extracted)


STEPS = [
    {"activity": "Apersepsi: timbangan seimbang", "minutes": 10, "anticipated": "Siswa menebak",
     "observe": "Siapa yang diam?"},
    {"activity": "Diskusi kelompok LKPD", "minutes": 40, "anticipated": "Salah pindah ruas",
     "observe": "Kerja sama kelompok"},
]  # fmt: skip


class PlanVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanVersion

    cycle = factory.SubFactory(CycleFactory)
    number = factory.Sequence(lambda n: n + 1)
    objectives = "Siswa dapat menyelesaikan persamaan linear satu variabel."
    steps = factory.LazyFunction(lambda: [dict(step) for step in STEPS])


class OpenLessonFactory(factory.django.DjangoModelFactory):
    """An open lesson: a core Session of kind "open_lesson" plus its cycle record."""

    class Meta:
        model = OpenLesson

    cycle = factory.SubFactory(CycleFactory)
    session = factory.SubFactory(SessionFactory, kind=OPEN_LESSON, program=factory.SelfAttribute("..cycle.program"))


class ReflectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reflection

    cycle = factory.SubFactory(CycleFactory)
    session = factory.SubFactory(SessionFactory, kind=LS_REFLECTION, program=factory.SelfAttribute("..cycle.program"))
    findings = "Sebagian besar siswa aktif saat diskusi kelompok."


class ObservationNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ObservationNote

    session = factory.SubFactory(SessionFactory, kind=OPEN_LESSON)
    observer = factory.SubFactory(
        PersonFactory, school=factory.SelfAttribute("..session.program.school"), kind=PersonKind.TEACHER
    )
    noted_at = factory.LazyAttribute(
        lambda o: (
            timezone.make_aware(dt.datetime.combine(o.session.date, o.session.start_time or dt.time(8)))
            + dt.timedelta(minutes=15)
        )
    )
    text = factory.Sequence(lambda n: f"Kelompok 2 bertanya tentang langkah {n}.")
    tag = NoteTag.QUESTION


def _one_page_pdf() -> bytes:
    """A PDF any reader opens (the permission table's personal-data test reads the text of PDFs it downloads)."""
    from io import BytesIO

    from pypdf import PdfWriter

    writer, out = PdfWriter(), BytesIO()
    writer.add_blank_page(width=595, height=842)
    writer.write(out)
    return out.getvalue()


class PlanFileFactory(factory.django.DjangoModelFactory):
    """A PDF attached to a cycle's plan."""

    class Meta:
        model = PlanFile

    cycle = factory.SubFactory(CycleFactory)
    file = factory.django.FileField(data=factory.LazyFunction(_one_page_pdf), filename="upload.pdf")
    original_name = "modul-ajar.pdf"
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda o: o.file.size)
