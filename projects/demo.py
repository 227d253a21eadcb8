"""Demo data of the project clubs (seed_demo): three clubs of ten students meeting weekly, attendance rising."""

import datetime as dt

from komunitas.demo import CLASSES, Planned, save_planned
from komunitas.models import PersonKind, Session

CLUBS = ["Klub Sains Terapan", "Klub Literasi Digital", "Klub Lingkungan Hijau"]


def seed_club_meetings(*, program, people, today: dt.date, rng) -> None:
    from .activity import CLUB

    teachers, students = people[PersonKind.TEACHER], people[PersonKind.STUDENT]
    if not (teachers and students):
        return
    members = [students[i :: len(CLUBS)] for i in range(len(CLUBS))]
    plan = []
    for week in program.week_numbers():
        monday = program.week_range(week)[0]
        for index, name in enumerate(CLUBS):
            meeting = Session(
                kind=CLUB,
                title=f"{name} — pertemuan {week}",
                date=monday + dt.timedelta(days=3),
                start_time=dt.time(14, 0),
                end_time=dt.time(15, 30),
                place=f"Ruang {CLASSES[index]}",
                facilitator=teachers[index % len(teachers)],
            )
            # One meeting early on was cancelled: the study's "not yet routine" start.
            cancelled = week == 2 and "Hijau" in name
            plan.append(
                Planned(meeting, members[index], 0.6, 0.95, photo=True, pictured=members[index], cancelled=cancelled)
            )
    save_planned(program, plan, today=today, rng=rng)
