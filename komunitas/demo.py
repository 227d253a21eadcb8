"""The demo program of the reference study (README.md: the demo accounts), built by ``seed_demo``.

Deterministic: names and attendance come from a random generator seeded by the school's name, and the
program is placed so that today falls in its last week. Idempotent: a school that already has the demo
program is left as it is.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageDraw

from . import activities
from .models import (
    Attachment,
    AttachmentKind,
    Attendance,
    AttendanceStatus,
    ConsentPurpose,
    CycleTemplate,
    District,
    DistrictOfficer,
    Membership,
    Participant,
    Person,
    PersonKind,
    PhotoConsent,
    Program,
    Role,
    School,
    Session,
    SessionStatus,
)
from .services import program_create

PASSWORD = "komunitas-demo"
DISTRICT = "Kabupaten Musi Rawas"
PROVINCE = "Sumatera Selatan"
FIRST_SCHOOL = "SMPN H. Wukirsari"
PROGRAM_NAME = "Komunitas Belajar Kolaboratif"
WEEKS = 10

TEACHERS = [
    ("Siti Aminah, S.Pd.", "Matematika"),
    ("Budi Santoso, S.Pd.", "IPA"),
    ("Rina Marlina, S.Pd.", "Bahasa Indonesia"),
    ("Agus Wijaya, S.Pd.", "IPS"),
    ("Dewi Lestari, S.Pd.", "Bahasa Inggris"),
    ("Hendra Saputra, S.Pd.", "PJOK"),
    ("Nur Hasanah, S.Pd.I.", "Pendidikan Agama Islam"),
    ("Yuliana, S.Pd.", "Seni Budaya"),
    ("Rudi Hartono, S.Kom.", "Informatika"),
    ("Fitri Handayani, S.Pd.", "PPKn"),
]
GIVEN = [
    "Ahmad",
    "Aisyah",
    "Bagas",
    "Citra",
    "Dimas",
    "Dinda",
    "Eka",
    "Fajar",
    "Galih",
    "Hana",
    "Intan",
    "Joko",
    "Kirana",
    "Lutfi",
    "Maya",
    "Nanda",
    "Oki",
    "Putri",
    "Rizki",
    "Sari",
    "Taufik",
    "Umi",
    "Vina",
    "Wahyu",
    "Yoga",
    "Zahra",
    "Ilham",
    "Nisa",
    "Reza",
    "Salsa",
]
FAMILY = [
    "Pratama",
    "Saputra",
    "Lestari",
    "Wulandari",
    "Hidayat",
    "Kurniawan",
    "Permata",
    "Ramadhan",
    "Anggraini",
    "Setiawan",
]
PARENT_GIVEN = [
    "Sutrisno",
    "Suparmi",
    "Bambang",
    "Sri Wahyuni",
    "Darmawan",
    "Mulyani",
    "Slamet",
    "Endang",
    "Rohmat",
    "Kartini",
]
CLASSES = ["7A", "7B", "8A", "8B", "9A"]


@dataclass
class SeedResult:
    school: School
    program: Program
    created: bool
    usernames: list[str]


def demo_start_date(today: dt.date) -> dt.date:
    """The Monday nine weeks before this week's Monday: today falls in week 10 of 10."""
    this_monday = today - dt.timedelta(days=today.weekday())
    return this_monday - dt.timedelta(weeks=WEEKS - 1)


def seed(*, today: dt.date, schools: int = 0) -> list[SeedResult]:
    """The study's school plus ``schools`` more in the same district."""
    password = make_password(PASSWORD)  # hashed once: hashing is deliberately slow
    district, _ = District.objects.get_or_create(name=DISTRICT, defaults={"province": PROVINCE})
    officer = _user("dinas", "Drs. Hermansyah", password)
    DistrictOfficer.objects.get_or_create(user=officer, district=district)
    results = [_seed_school(district, FIRST_SCHOOL, "", today, password)]
    for k in range(2, schools + 2):
        results.append(_seed_school(district, f"SMPN {k} Musi Rawas", f"s{k}-", today, password))
    return results


def _user(username: str, full_name: str, password: str):
    first, _, last = full_name.partition(" ")
    user, _created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "password": password},
    )
    return user


@transaction.atomic
def _seed_school(district: District, name: str, prefix: str, today: dt.date, password: str) -> SeedResult:
    school, _ = School.objects.get_or_create(
        district=district, name=name, defaults={"address": "Kabupaten Musi Rawas, Sumatera Selatan"}
    )
    usernames = [f"{prefix}kepsek", f"{prefix}fasilitator"] + [f"{prefix}guru{i:02d}" for i in range(1, 11)]
    existing = school.programs.filter(name=PROGRAM_NAME).first()
    if existing:
        return SeedResult(school, existing, False, usernames)

    rng = random.Random(name)
    program = program_create(
        school=school,
        name=PROGRAM_NAME,
        start_date=demo_start_date(today),
        weeks=WEEKS,
        cycle=CycleTemplate.STUDY,
        description=(
            "Penguatan komunitas belajar kolaboratif berbasis community of practice: forum berbagi praktik "
            "baik guru, klub belajar siswa berbasis proyek, kelas inspirasi orang tua, dan lesson study."
        ),
    )
    people = _seed_people(school, program, prefix, password, rng)
    # Every activity adds its sessions and records, the core's own closing reflection last (declared order).
    for seeder in activities.demo_seeders():
        seeder(program=program, people=people, today=today, rng=rng)
    _tick_checklists(program, today)
    return SeedResult(school, program, True, usernames)


def _seed_people(school, program, prefix, password, rng) -> dict[str, list[Person]]:
    principal_user = _user(f"{prefix}kepsek", "Hj. Nurlela, M.Pd.", password)
    facilitator_user = _user(f"{prefix}fasilitator", "Triyana, M.Pd.", password)
    Membership.objects.get_or_create(user=principal_user, school=school, defaults={"role": Role.PRINCIPAL})
    Membership.objects.get_or_create(user=facilitator_user, school=school, defaults={"role": Role.FACILITATOR})
    people: dict[str, list[Person]] = {kind: [] for kind in PersonKind.values}
    people[PersonKind.PRINCIPAL].append(
        Person.objects.create(school=school, name="Hj. Nurlela, M.Pd.", kind=PersonKind.PRINCIPAL, user=principal_user)
    )
    people[PersonKind.FACILITATOR].append(
        Person.objects.create(school=school, name="Triyana, M.Pd.", kind=PersonKind.FACILITATOR, user=facilitator_user)
    )
    for index, (teacher_name, subject) in enumerate(TEACHERS, start=1):
        user = _user(f"{prefix}guru{index:02d}", teacher_name.split(",")[0], password)
        Membership.objects.get_or_create(user=user, school=school, defaults={"role": Role.TEACHER})
        people[PersonKind.TEACHER].append(
            Person.objects.create(
                school=school,
                name=teacher_name,
                kind=PersonKind.TEACHER,
                subject=subject,
                identifier=f"{1979 + index}0101{2004 + index}01{1 + index % 2}{index:03d}",  # an 18-digit NIP
                user=user,
            )
        )
    for index in range(30):
        student = Person.objects.create(
            school=school,
            name=f"{GIVEN[index]} {FAMILY[index % len(FAMILY)]}",
            kind=PersonKind.STUDENT,
            class_name=CLASSES[index % len(CLASSES)],
            identifier=f"2425{index + 1:03d}",
        )
        people[PersonKind.STUDENT].append(student)
        # Most guardians agreed to photos on staff pages and in the report, some to public ones too; a few
        # agreed to staff pages only, a few to nothing — so every consent rule shows in the demo.
        agreed = [ConsentPurpose.STAFF, ConsentPurpose.REPORT] + ([ConsentPurpose.PUBLIC] if index % 3 else [])
        purposes = {3: [], 5: [ConsentPurpose.STAFF]}.get(index % 7, agreed)
        PhotoConsent.objects.bulk_create(
            PhotoConsent(
                person=student,
                purpose=purpose,
                given_by=f"Orang tua/wali {GIVEN[index]}",
                given_on=program.start_date - dt.timedelta(days=7),
                recorded_by=facilitator_user,
            )
            for purpose in purposes
        )
    for index in range(10):
        child = people[PersonKind.STUDENT][index * 3]
        parent = Person.objects.create(
            school=school,
            name=f"{PARENT_GIVEN[index]} ({child.name.split()[0]})",
            kind=PersonKind.PARENT,
            phone=f"08127{rng.randint(1000000, 9999999)}",
        )
        parent.guardian_of.add(child)
        people[PersonKind.PARENT].append(parent)
    Participant.objects.bulk_create(
        Participant(program=program, person=person, role=person.kind)  # from the start
        for group in people.values()
        for person in group
    )
    return people


def _share(program: Program, week: int, first: float, last: float) -> float:
    """Participation rising linearly from ``first`` in week 1 to ``last`` in the last week, as in the study."""
    return first + (last - first) * (week - 1) / max(program.weeks - 1, 1)


@dataclass
class Planned:
    """A demo session before it is saved (``save_planned``): who is expected, the share of them present in the
    first and the last week, and whether it gets a generated photo in weeks 1, 5 and 9."""

    session: Session  # unsaved; program and status are set when it is saved
    audience: list[Person]
    first: float
    last: float
    photo: bool = False
    pictured: list[Person] = field(default_factory=list)  # students shown in that photo
    cancelled: bool = False  # cancelled, if it is in the past


def save_planned(program: Program, plan: list[Planned], *, today: dt.date, rng: random.Random) -> list[Session]:
    """Save demo sessions of any kind: past ones held (or cancelled), with attendance rising over the weeks and
    a photo now and then; future ones planned. Activity apps build their sessions with this."""
    attendance, sessions = [], []
    for item in plan:
        session = item.session
        session.program = program
        activities.session_type(session.kind)  # refuses a kind no app registers
        past = session.date < today
        if past and item.cancelled:
            session.status = SessionStatus.CANCELLED
        else:
            session.status = SessionStatus.HELD if past else SessionStatus.PLANNED
        session.save()
        sessions.append(session)
        if session.status != SessionStatus.HELD:
            continue
        week = program.week_of(session.date)
        share = _share(program, week, item.first, item.last)
        # Exactly the week's share is present (who is random), so the rise reads as steadily as in the study.
        present = set(rng.sample(range(len(item.audience)), round(share * len(item.audience))))
        for index, person in enumerate(item.audience):
            if index in present:
                status = AttendanceStatus.PRESENT
            else:
                status = AttendanceStatus.EXCUSED if rng.random() < 0.35 else AttendanceStatus.ABSENT
            attendance.append(Attendance(session=session, person=person, status=status))
        if item.photo and week in (1, 5, 9):
            _add_photo(session, item.pictured, rng)
    Attendance.objects.bulk_create(attendance)
    return sessions


def seed_reflection(*, program: Program, people: dict[str, list[Person]], today: dt.date, rng) -> None:
    """The core's own part of the demo: the closing reflection of the whole community in the last week."""
    from .activity import REFLECTION

    monday = program.week_range(program.weeks)[0]
    session = Session(
        kind=REFLECTION,
        title="Refleksi akhir program",
        date=monday + dt.timedelta(days=4),
        start_time=dt.time(13, 30),
        end_time=dt.time(15, 30),
        place="Aula sekolah",
        facilitator=people[PersonKind.FACILITATOR][0],
    )
    save_planned(program, [Planned(session, people[PersonKind.TEACHER], 0.9, 0.9)], today=today, rng=rng)


# The obstacles the study names (HASIL: "keterbatasan waktu …, perbedaan tingkat motivasi …, keterbatasan
# fasilitas"), as a facilitator would have recorded them along the way: (week, kind, what happened, handling).
OBSTACLES = [
    (3, "time", "Empat guru tidak bisa hadir di forum karena bertepatan dengan rapat penilaian dan jam mengajar "
     "tambahan.", "Jadwal forum dipindah ke Selasa pukul 13.30 setelah jam pelajaran terakhir dan dibatasi 90 menit."),
    (5, "motivation", "Sebagian guru masih pasif dan hanya hadir tanpa berbagi praktik.",
     "Setiap guru mendapat giliran sebagai penyaji atau notulis; umpan balik sejawat memakai format "
     "Sampaikan-Tanyakan-Berikan."),
    (6, "facilities", "Proyektor dan akses internet di ruang guru terbatas untuk kegiatan klub proyek.",
     "Klub bergantian memakai ruang laboratorium; bahan proyek memakai barang bekas di sekitar sekolah."),
]  # fmt: skip


def seed_obstacles(*, program: Program, people: dict[str, list[Person]], today: dt.date, rng) -> None:
    """The obstacles recorded during the demo program, for the report's "masalah dan solusi"."""
    from .models import Obstacle

    for week, category, description, handling in OBSTACLES:
        noted_on = program.week_range(week)[0] + dt.timedelta(days=2)
        if noted_on <= today:
            Obstacle.objects.get_or_create(
                program=program,
                category=category,
                defaults={"noted_on": noted_on, "description": description, "handling": handling},
            )


def _add_photo(session: Session, pictured: list[Person], rng) -> None:
    """A generated picture (people as coloured circles at a table), never a downloaded one."""
    image = Image.new("RGB", (960, 640), (233, 244, 236))
    draw = ImageDraw.Draw(image)
    draw.rectangle((180, 330, 780, 460), fill=(160, 120, 80))
    for seat in range(6):
        x = 230 + seat * 100
        colour = tuple(rng.randint(60, 200) for _ in range(3))
        draw.ellipse((x - 35, 220, x + 35, 290), fill=colour)
        draw.rectangle((x - 40, 290, x + 40, 340), fill=colour)
    draw.text((30, 30), session.title[:60], fill=(20, 60, 30))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    attachment = Attachment(
        session=session,
        kind=AttachmentKind.PHOTO,
        original_name="dokumentasi.jpg",
        content_type="image/jpeg",
        size=out.tell(),
        caption=f"Dokumentasi: {session.title}",
    )
    attachment.file.save("dokumentasi.jpg", ContentFile(out.getvalue()), save=False)
    attachment.save()
    if pictured:  # a few students, tagged: so some photos may go in the report or public, and some not
        attachment.people.set(rng.sample(pictured, k=min(len(pictured), rng.randint(1, 3))))


def _tick_checklists(program: Program, today: dt.date) -> None:
    """Tasks of stages that are over are done; the current stage is half done."""
    from django.utils import timezone

    now = timezone.now()
    for stage in program.stages.prefetch_related("checklist"):
        items = list(stage.checklist.all())
        if stage.end_date < today:
            done = items
        elif stage.start_date <= today:
            done = items[: len(items) // 2]
        else:
            done = []
        for item in done:
            item.done_at = now
            item.save(update_fields=["done_at"])


def demo_exists() -> bool:
    return School.objects.filter(name=FIRST_SCHOOL).exists()
