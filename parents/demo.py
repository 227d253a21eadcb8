"""Demo data of the parent inspiration classes (seed_demo): one class every second week, more parents coming."""

import datetime as dt

from komunitas.demo import Planned, save_planned
from komunitas.models import PersonKind, Session

from .models import PARENT_CLASS

THEMES = [
    "Peran orang tua mendampingi belajar di rumah",
    "Motivasi belajar anak remaja",
    "Mengawasi penggunaan gawai",
    "Menciptakan lingkungan belajar yang kondusif",
    "Berbagi pengalaman dan harapan",
]


def seed_parent_classes(*, program, people, today: dt.date, rng) -> None:
    parents = people[PersonKind.PARENT]
    if not parents:
        return
    plan = []
    for week in program.week_numbers():
        if week % 2:
            continue
        monday = program.week_range(week)[0]
        session = Session(
            kind=PARENT_CLASS,
            title=f"Kelas inspirasi: {THEMES[(week // 2 - 1) % len(THEMES)]}",
            date=monday + dt.timedelta(days=5),
            start_time=dt.time(9, 0),
            end_time=dt.time(11, 0),
            place="Aula sekolah",
            facilitator=people[PersonKind.FACILITATOR][0],
        )
        plan.append(Planned(session, parents, 0.3, 0.8, photo=True))
    save_planned(program, plan, today=today, rng=rng)
