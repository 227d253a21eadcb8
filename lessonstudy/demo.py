"""Demo data of lesson study (seed_demo): two Matematika cycles in 8A and an IPA cycle being planned.

Cycle 1 (persamaan linear satu variabel) starts in week 2: its plan is written in two versions, taught openly in
week 4 to the class seated in six groups, observed by the teachers present — each watching a group and taking
ten to twenty time-stamped notes — reflected on two days later, revised, and closed. Cycle 2 starts from it
(``previous``): the revised plan copied, adapted to pertidaksamaan, taught in week 7, reflected on the next day and
revised again (it stays in See). Cycle 3 (IPA) is being planned in week 9.

The two open lessons are saved through ``save_planned`` exactly as before, so they draw from ``rng`` as they always
did and the rest of the demo stays the same; everything added since draws from its own generator (``_own_rng``).
"""

import datetime as dt
import io
import random
import uuid

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from komunitas import audit
from komunitas.demo import Planned, save_planned
from komunitas.models import Attachment, AttachmentKind, Attendance, AttendanceStatus, PersonKind, Session

from . import demo_texts as texts
from .models import (
    LS_REFLECTION,
    OPEN_LESSON,
    Cycle,
    ObservationNote,
    ObserverFocus,
    OpenLesson,
    PlanVersion,
    Reflection,
    Seat,
)

OPEN_LESSON_WEEKS = (4, 7)
ROWS, COLUMNS = 4, 6  # 24 seats; the 2 × 2 desks around each table make a group: six groups
CLASS = "8A"


def seed_open_lessons(*, program, people, today: dt.date, rng) -> None:
    teachers = people[PersonKind.TEACHER]
    if not teachers:
        return
    plan = []
    for cycle, week in enumerate(OPEN_LESSON_WEEKS, start=1):
        if week not in program.week_numbers():
            continue
        monday = program.week_range(week)[0]
        session = Session(
            kind=OPEN_LESSON,
            title=f"Lesson study: pembelajaran terbuka siklus {cycle}",
            date=monday + dt.timedelta(days=2),
            start_time=dt.time(8, 0),
            end_time=dt.time(9, 20),
            place="Kelas 8A",
            facilitator=people[PersonKind.FACILITATOR][0],
        )
        plan.append(Planned(session, teachers, 0.6, 0.9))
    lessons = save_planned(program, plan, today=today, rng=rng)
    _seed_cycles(program, people, today, lessons)


def _own_rng(program) -> random.Random:
    return random.Random(f"lessonstudy-{program.pk}")


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _teacher_of(teachers, subject: str):
    return next((person for person in teachers if person.subject == subject), teachers[0])


def _seed_cycles(program, people, today: dt.date, lessons: list[Session]) -> None:
    own = _own_rng(program)
    teachers, facilitator = people[PersonKind.TEACHER], people[PersonKind.FACILITATOR][0]
    students = [person for person in people[PersonKind.STUDENT] if person.class_name == CLASS]
    mathematics, science = _teacher_of(teachers, "Matematika"), _teacher_of(teachers, "IPA")
    team = [mathematics, science, _teacher_of(teachers, "Bahasa Indonesia"), facilitator]
    previous, previous_key, last_steps = None, None, None
    for index, (key, title, subject, topic, goals) in enumerate(texts.CYCLES):
        week = OPEN_LESSON_WEEKS[index] - 2 if index < len(OPEN_LESSON_WEEKS) else 9
        if week not in program.week_numbers():
            continue
        started = program.week_range(week)[0] + dt.timedelta(days=1 if previous else 0)
        if started > today:
            break
        cycle = Cycle.objects.create(
            program=program, title=title, subject=subject, class_name=CLASS, topic=topic,
            model_teacher=science if subject == "IPA" else mathematics, research_theme=texts.RESEARCH_THEME,
            goals=goals, rows=ROWS, columns=COLUMNS, previous=previous if key == "ptlsv" else None,
            created_by=facilitator.user,
        )  # fmt: skip
        cycle.team.set(team)
        Cycle.objects.filter(pk=cycle.pk).update(created_at=_at(started, 7))  # auto_now_add: set after the insert
        seats = _seats(cycle, students, own)
        copied = (previous_key, last_steps) if key == "ptlsv" and previous else None
        last_steps = _versions(cycle, key, started, today, facilitator.user, copied=copied)
        lesson = lessons[index] if index < len(lessons) else None
        if lesson is not None and lesson.status == "held":
            _open_lesson(cycle, key, lesson, seats, own)
            reflected = _reflection(program, cycle, key, lesson, index + 1, facilitator, today)
            revised = reflected + dt.timedelta(days=7 - reflected.weekday())  # the Monday after
            if reflected <= today and key in texts.REVISION and revised <= today:
                note, row = texts.REVISION[key]
                last_steps = [row, *last_steps]
                number = cycle.plan_versions.count() + 1
                _version(cycle, key, number, revised, cycle.model_teacher.user, last_steps, note)
                if index == 0:  # the first cycle is closed once its revision is saved
                    Cycle.objects.filter(pk=cycle.pk).update(done_at=_at(revised, 16))
        previous, previous_key = cycle, key


def _version(cycle, key, number, day, user, steps, note) -> PlanVersion:
    """A version of ``cycle``'s plan saved on ``day``, in the words of cycle ``key`` (demo_texts.py)."""
    version = PlanVersion.objects.create(
        cycle=cycle, number=number, objectives=texts.OBJECTIVES[key], steps=[dict(step) for step in steps],
        materials=texts.MATERIALS[key], observer_guidance=texts.GUIDANCE[key], note=note, saved_by=user,
    )  # fmt: skip
    PlanVersion.objects.filter(pk=version.pk).update(saved_at=_at(day, 15, 30))
    return version


def _versions(cycle, key, started, today, user, *, copied) -> list[dict]:
    """The versions written before the open lesson: a first draft — or, ``copied`` (key, design table), the
    previous cycle's revised plan — then the plan agreed at the planning meeting. Returns the last one's table."""
    steps = texts.STEPS[key]
    first = copied or (key, [{**steps[0]}, {**steps[1], "minutes": steps[1]["minutes"] - 5}, *steps[2:]])
    drafts = [first, (key, steps)][: len(texts.VERSION_NOTES[key])]
    for number, ((words, draft), note) in enumerate(zip(drafts, texts.VERSION_NOTES[key], strict=True), start=1):
        day = started + dt.timedelta(days=1 + 8 * (number - 1))
        if day <= today:
            _version(cycle, words, number, day, user, draft, note)
    return drafts[-1][1]


def _seats(cycle, students, own: random.Random) -> list[Seat]:
    """The class seated in six groups of four: the roster's 8A students (one or two a group), the others by code."""
    places = [(row, column) for row in range(1, ROWS + 1) for column in range(1, COLUMNS + 1)]
    placed = dict(zip(own.sample(places, k=min(len(students), len(places))), students, strict=False))
    seats = [
        Seat(
            cycle=cycle, row=row, column=column, person=placed.get((row, column)),
            label="" if (row, column) in placed else f"S{number:02d}",
            group=f"Kelompok {(row - 1) // 2 * (COLUMNS // 2) + (column - 1) // 2 + 1}",
        )
        for number, (row, column) in enumerate(places, start=1)
    ]  # fmt: skip
    seats = Seat.objects.bulk_create(seats)
    audit.log_bulk(seats, audit.CREATE)
    return seats


def _open_lesson(cycle, key, lesson: Session, seats: list[Seat], own: random.Random) -> None:
    """The lesson's cycle, its observers' focuses (a group each), their notes and a photo of the lesson."""
    OpenLesson.objects.create(session=lesson, cycle=cycle)
    # The model teacher taught it (as logging an open lesson records): the session's leader, and present whatever the
    # drawn attendance said.
    Session.objects.filter(pk=lesson.pk).update(facilitator=cycle.model_teacher)
    lesson.facilitator = cycle.model_teacher
    Attendance.objects.filter(session=lesson, person=cycle.model_teacher).update(status=AttendanceStatus.PRESENT)
    present = Attendance.objects.filter(session=lesson, status=AttendanceStatus.PRESENT).select_related("person")
    observers = [a.person for a in present.order_by("person__name") if a.person_id != cycle.model_teacher_id]
    groups = sorted({seat.group for seat in seats}, key=lambda group: int(group.split()[-1]))
    in_group = {group: [seat.person for seat in seats if seat.group == group and seat.person] for group in groups}
    focuses = []
    for number, observer in enumerate(observers):
        group = groups[number % len(groups)]
        focus = ObserverFocus.objects.create(session=lesson, observer=observer, group=group)
        focus.students.set(in_group[group])
        focuses.append(focus)
    if focuses:
        _notes(lesson, key, focuses, in_group, own)
    _photo(lesson, [person for people in in_group.values() for person in people], own)


def _notes(lesson: Session, key, focuses, in_group, own: random.Random) -> None:
    count = own.randint(10, 20)
    minutes = sorted(own.sample(range(5, 76), count))
    notes, tagged = [], []
    for minute in minutes:
        focus = own.choice(focuses)
        tag = own.choice(["engagement", "collaboration", "collaboration", "misconception", "question", "insight"])
        student = own.choice(in_group[focus.group]) if in_group[focus.group] and own.random() < 0.6 else None
        pool = texts.CYCLE_NOTES.get(key, {}).get(tag, []) + texts.NOTES[tag]
        text = own.choice([t for t in pool if ("{name}" in t) == bool(student)])
        notes.append(
            ObservationNote(
                session=lesson, observer=focus.observer, client_id=uuid.UUID(int=own.getrandbits(128), version=4),
                noted_at=_at(lesson.date, 8, 0) + dt.timedelta(minutes=minute),
                text=text.format(name=student.name.split()[0]) if student else text, tag=tag, group=focus.group,
            )
        )  # fmt: skip
        tagged.append(student)
    late = ObservationNote(
        session=lesson, observer=focuses[0].observer, client_id=uuid.UUID(int=own.getrandbits(128), version=4),
        noted_at=_at(lesson.date, 10, 30), text=texts.LATE_NOTE, group=focuses[0].group, late=True,
    )  # fmt: skip
    notes = ObservationNote.objects.bulk_create([*notes, late])
    audit.log_bulk(notes, audit.CREATE)
    ObservationNote.students.through.objects.bulk_create(
        ObservationNote.students.through(observationnote=note, person=student)
        for note, student in zip(notes, tagged, strict=False)
        if student
    )
    for note in notes:  # auto_now_add: a few seconds after each was typed (the late one too: typed then, sent then)
        ObservationNote.objects.filter(pk=note.pk).update(received_at=note.noted_at + dt.timedelta(seconds=3))


def _photo(lesson: Session, pictured: list, own: random.Random) -> None:
    """A generated picture of the lesson (groups of desks), never a downloaded one, showing two or three of the
    class's students (their consent decides where it may appear)."""
    image = Image.new("RGB", (960, 640), (240, 236, 226))
    draw = ImageDraw.Draw(image)
    for table in range(6):
        x, y = 120 + (table % 3) * 280, 180 + (table // 3) * 240
        draw.rectangle((x, y, x + 160, y + 80), fill=(150, 110, 70))
        for seat in range(4):
            colour = tuple(own.randint(60, 200) for _ in range(3))
            cx, cy = x + 20 + (seat % 2) * 120, y - 30 + (seat // 2) * 140
            draw.ellipse((cx - 22, cy - 22, cx + 22, cy + 22), fill=colour)
    draw.text((30, 30), lesson.title[:60], fill=(30, 30, 30))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    attachment = Attachment(
        session=lesson, kind=AttachmentKind.PHOTO, original_name="pembelajaran-terbuka.jpg",
        content_type="image/jpeg", size=out.tell(), caption=texts.PHOTO_CAPTION,
    )  # fmt: skip
    attachment.file.save("pembelajaran-terbuka.jpg", ContentFile(out.getvalue()), save=False)
    attachment.save()
    if pictured:
        attachment.people.set(own.sample(pictured, k=min(len(pictured), own.randint(2, 3))))


def _reflection(program, cycle, key, lesson: Session, number: int, facilitator, today: dt.date) -> dt.date:
    """The reflection meeting a day or two after the open lesson, attended by whoever taught and observed it and
    the facilitator. Returns its date."""
    session = Session(
        kind=LS_REFLECTION, title=f"Refleksi lesson study siklus {number}",
        date=lesson.date + dt.timedelta(days=2 if number == 1 else 1), start_time=dt.time(13, 30),
        end_time=dt.time(15, 0), place="Ruang guru", facilitator=facilitator,
    )  # fmt: skip
    # No audience: its attendance is who was at the lesson (below), and nothing is drawn from any generator.
    save_planned(program, [Planned(session, [], 0, 0)], today=today, rng=random.Random(0))
    Reflection.objects.create(session=session, cycle=cycle, **texts.REFLECTIONS[key])
    if session.status == "held":
        present = Attendance.objects.filter(session=lesson, status=AttendanceStatus.PRESENT).values_list(
            "person_id", flat=True
        )
        Attendance.objects.bulk_create(
            Attendance(session=session, person_id=person_id, status=AttendanceStatus.PRESENT)
            for person_id in dict.fromkeys([*present, facilitator.pk])
        )
    return session.date
