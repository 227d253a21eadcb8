"""Demo data of lesson study (seed_demo): two open lessons, in weeks 4 and 7, observed by the teachers."""

import datetime as dt

from komunitas.demo import Planned, save_planned
from komunitas.models import PersonKind, Session

from .models import OPEN_LESSON

OPEN_LESSON_WEEKS = (4, 7)


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
    save_planned(program, plan, today=today, rng=rng)
