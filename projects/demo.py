"""Demo data of the project clubs (seed_demo): three clubs of ten students, each with two mentors, meeting
weekly with attendance rising, one or two projects each with milestones (one late) and artifacts, and the 4C
scored at baseline, in weeks 3 and 6 and at endline, rising. Draws from ``rng`` exactly as the club sessions
always did (through ``save_planned``), so the rest of the demo stays the same; what came later draws from its own
generator (``_own_rng``)."""

import datetime as dt
import io
import random

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from komunitas import audit
from komunitas.demo import CLASSES, Planned, save_planned
from komunitas.models import AttachmentKind, PersonKind, Session, SessionStatus

from . import rubric
from .models import (
    CLUB,
    Artifact,
    Club,
    ClubMeeting,
    Milestone,
    Phase,
    Project,
    ProjectStatus,
    Skill,
    SkillAssessment,
)

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


MILESTONES = ["Pertanyaan pemantik dan pembagian peran", "Data terkumpul", "Purwarupa diuji", "Presentasi hasil"]
ASSESSED_WEEKS = [(Phase.BASELINE, 0, 1), (Phase.WEEKLY, 3, 3), (Phase.WEEKLY, 6, 6)]  # (phase, week, in week)


def _own_rng(program) -> random.Random:
    return random.Random(f"clubs-{program.pk}")


def seed_club_work(*, program, people, today: dt.date, rng) -> None:
    """Milestones, artifacts and 4C scores of the demo's clubs (after ``seed_club_meetings``)."""
    own = _own_rng(program)
    creator = people[PersonKind.FACILITATOR][0].user if people[PersonKind.FACILITATOR] else None
    for club in program.clubs.prefetch_related("members"):
        members = list(club.members.all())
        for project in club.projects.all():
            _milestones(project, today, creator)
            # What the students made, every two weeks or so from the second week of the project.
            day = project.start_date + dt.timedelta(days=10)
            while day <= min(project.end_date, today):
                _artifact(project, members, own, creator, day)
                day += dt.timedelta(days=14)
        _assessments(club, members, program, today, own, creator)


def _milestones(project: Project, today: dt.date, creator) -> None:
    """Four steps spread over the project; those due before today are done, except the third of a running
    project: late, as real projects are."""
    span = (project.end_date - project.start_date).days
    rows = []
    for index, title in enumerate(MILESTONES):
        due = project.start_date + dt.timedelta(days=span * (index + 1) // len(MILESTONES))
        late = index == 2 and project.status == ProjectStatus.IN_PROGRESS
        done = due - dt.timedelta(days=1) if due < today and not late else None
        rows.append(
            Milestone(
                project=project,
                title=title,
                due_date=due,
                done_on=done,
                evidence="Foto dan catatan di buku klub." if done else "",
                created_by=creator,
            )
        )
    audit.log_bulk(Milestone.objects.bulk_create(rows), audit.CREATE)


def _artifact(project: Project, members: list, own: random.Random, creator, day: dt.date) -> None:
    """A generated picture of what the students made (shapes and the project's title), never a downloaded one,
    linked to three of the club's students, uploaded on ``day``."""
    image = Image.new("RGB", (800, 600), (245, 240, 228))
    draw = ImageDraw.Draw(image)
    draw.rectangle((300, 180, 500, 480), outline=(40, 90, 140), width=8, fill=(200, 225, 240))
    for layer in range(4):
        colour = tuple(own.randint(90, 200) for _ in range(3))
        draw.rectangle((310, 400 - layer * 50, 490, 440 - layer * 50), fill=colour)
    draw.text((30, 30), project.title[:60], fill=(40, 40, 40))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    artifact = Artifact(
        project=project,
        kind=AttachmentKind.PHOTO,
        original_name="karya.jpg",
        content_type="image/jpeg",
        size=out.tell(),
        caption=f"Karya siswa: {project.title}",
        created_by=creator,
    )
    artifact.file.save("karya.jpg", ContentFile(out.getvalue()), save=False)
    artifact.save()
    artifact.people.set(own.sample(members, k=min(3, len(members))))
    uploaded = timezone.make_aware(dt.datetime.combine(day, dt.time(15, 30)))
    Artifact.objects.filter(pk=artifact.pk).update(uploaded_at=uploaded)  # auto_now_add: set after the insert


def _assessments(club: Club, members: list, program, today: dt.date, own: random.Random, creator) -> None:
    """Each student starts at their own level and grows by endline (most by one level, some by two); weeks not
    reached yet are not scored."""
    scale = rubric.scale_of(program.school_id)
    top = len(rubric.levels(scale))
    current_week = program.week_of(today) or program.weeks
    phases = [*ASSESSED_WEEKS, (Phase.ENDLINE, 0, program.weeks)]
    rows = []
    for person in members:
        start = {skill: own.choice((1, 1, 2)) for skill in Skill.values}
        growth = {skill: own.choice((1, 1, 2)) for skill in Skill.values}
        for step, (phase, week, in_week) in enumerate(phases):
            if in_week > current_week:
                continue
            for skill in Skill.values:
                share = step / (len(phases) - 1)
                score = min(top, start[skill] + round(growth[skill] * share))
                level = rubric.level_for(scale, score)
                rows.append(
                    SkillAssessment(
                        club=club,
                        person=person,
                        phase=phase,
                        week=week,
                        skill=skill,
                        score=score,
                        scale=scale,
                        level_code=level.code,
                        level_label=level.label,
                        assessed_by=creator,
                    )
                )
    audit.log_bulk(SkillAssessment.objects.bulk_create(rows), audit.CREATE)
