"""Demo data of the project clubs (seed_demo): three clubs of ten students, each with two mentors, meeting
weekly with attendance rising, and one or two projects each. Draws from ``rng`` exactly as the club sessions
always did (through ``save_planned``), so the rest of the demo stays the same."""

import datetime as dt

from komunitas.demo import CLASSES, Planned, save_planned
from komunitas.models import PersonKind, Session, SessionStatus

from .models import CLUB, Club, ClubMeeting, Project, ProjectStatus

CLUBS = [
    ("Klub Sains Terapan", "Alat sederhana untuk masalah sehari-hari"),
    ("Klub Literasi Digital", "Informasi yang benar dan media yang bertanggung jawab"),
    ("Klub Lingkungan Hijau", "Sekolah bersih, sampah terpilah"),
]
PROJECTS = {
    "Klub Sains Terapan": [
        ("Penjernih air sederhana", "Bagaimana menjernihkan air sumur yang keruh dengan bahan di sekitar kita?"),
        ("Alarm banjir mini", "Bagaimana warga bisa tahu lebih awal bahwa air sungai naik?"),
    ],
    "Klub Literasi Digital": [
        ("Cek fakta kelas", "Bagaimana kita membedakan berita benar dan hoaks yang beredar di grup keluarga?"),
    ],
    "Klub Lingkungan Hijau": [
        ("Bank sampah sekolah", "Bagaimana sampah plastik sekolah bisa berkurang separuhnya?"),
        ("Kebun sayur vertikal", "Tanaman apa yang bisa tumbuh di dinding kelas yang sempit?"),
    ],
}
DID = [
    "Menyusun pertanyaan pemantik dan membagi peran dalam kelompok.",
    "Mengumpulkan data di lingkungan sekolah dan mencatat temuan.",
    "Membuat dan menguji purwarupa, lalu memperbaikinya.",
    "Berlatih mempresentasikan hasil kepada teman kelas lain.",
]


def _projects(club: Club, program, today: dt.date, created_by) -> list[Project]:
    """Projects spread over the program: the first half's, the second half's; status by where today falls."""
    half = program.start_date + (program.end_date - program.start_date) / 2
    spans = [(program.start_date, half), (half + dt.timedelta(days=1), program.end_date)]
    projects = []
    for (title, question), (start, end) in zip(PROJECTS[club.name], spans, strict=False):
        if today > end:
            status = ProjectStatus.DONE
        elif today >= start:
            status = ProjectStatus.IN_PROGRESS
        else:
            status = ProjectStatus.PLANNING
        projects.append(
            Project(
                club=club,
                title=title,
                driving_question=question,
                start_date=start,
                end_date=end,
                status=status,
                created_by=created_by,
            )
        )
    return projects


def seed_club_meetings(*, program, people, today: dt.date, rng) -> None:
    teachers, students = people[PersonKind.TEACHER], people[PersonKind.STUDENT]
    if not (teachers and students):
        return
    creator = people[PersonKind.FACILITATOR][0].user if people[PersonKind.FACILITATOR] else None
    clubs, members = [], [students[i :: len(CLUBS)] for i in range(len(CLUBS))]
    for index, (name, theme) in enumerate(CLUBS):
        club = Club.objects.create(program=program, name=name, theme=theme, created_by=creator)
        club.members.set(members[index])
        # The teacher who leads its meetings, and a second one from the other half of the staff room.
        club.mentors.set({teachers[index % len(teachers)], teachers[(index + 3) % len(teachers)]})
        clubs.append(club)
        for project in _projects(club, program, today, creator):
            project.save()  # one by one: the audit log records each (a handful of rows)
    plan, owners = [], []
    for week in program.week_numbers():
        monday = program.week_range(week)[0]
        for index, club in enumerate(clubs):
            meeting = Session(
                kind=CLUB,
                title=f"{club.name} — pertemuan {week}",
                date=monday + dt.timedelta(days=3),
                start_time=dt.time(14, 0),
                end_time=dt.time(15, 30),
                place=f"Ruang {CLASSES[index]}",
                facilitator=teachers[index % len(teachers)],
            )
            # One meeting early on was cancelled: the study's "not yet routine" start.
            cancelled = week == 2 and "Hijau" in club.name
            plan.append(
                Planned(meeting, members[index], 0.6, 0.95, photo=True, pictured=members[index], cancelled=cancelled)
            )
            owners.append((club, week))
    sessions = save_planned(program, plan, today=today, rng=rng)
    for session, (club, week) in zip(sessions, owners, strict=True):
        held = session.status == SessionStatus.HELD
        ClubMeeting.objects.create(
            session=session,
            club=club,
            activities=DID[(week - 1) % len(DID)] if held else "",
            next_steps="Melanjutkan pekerjaan proyek pada pertemuan berikutnya." if held else "",
        )
