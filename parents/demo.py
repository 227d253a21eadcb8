"""Demo data of the parent inspiration classes (seed_demo): one class every second week on the study's themes, more
parents coming each time (``save_planned``'s shares 0.3 → 0.85 of the ten parents: 3, 4, 5, 7 and 8 at the classes
of weeks 1, 3, 5, 7 and 9 — the study's "about 3 of 10 at first, about 8 by the end"), the dialogue of each class
in the study's three (experiences, obstacles, hopes), contributions growing over the weeks, a few follow-ups (one
overdue), and two walk-in check-ins on the latest held class for the facilitator to confirm.

The sessions draw from ``rng`` through ``save_planned``; everything after draws from its own generator
(``_own_rng``), so what follows in the demo does not depend on how many notes or contributions there are."""

import datetime as dt
import random

from django.utils import timezone

from komunitas import audit
from komunitas.demo import Planned, save_planned
from komunitas.models import Attendance, AttendanceStatus, PersonKind, Session, SessionStatus

from .models import (
    PARENT_CLASS,
    CheckIn,
    CheckInLink,
    CheckInStatus,
    Contribution,
    ContributionKind,
    DialogueNote,
    DialogueTag,
    FollowUp,
    ParentClass,
    SpeakerKind,
    Theme,
)

# (theme, title, speaker kind, materials): the study's themes in the order the classes took them
CLASSES = [
    (Theme.ROLE_AT_HOME, "Peran orang tua dalam pendidikan anak di rumah", SpeakerKind.FACILITATOR,
     "Lembar refleksi: apa yang sudah saya lakukan untuk belajar anak minggu ini?"),
    (Theme.MOTIVATION, "Menumbuhkan motivasi belajar anak remaja", SpeakerKind.TEACHER,
     "Contoh pujian yang membangun dan kesepakatan belajar keluarga."),
    (Theme.SUPERVISING_STUDY, "Mendampingi dan mengawasi belajar anak", SpeakerKind.PARENT,
     "Jadwal belajar mingguan yang ditempel di rumah."),
    (Theme.LEARNING_ENVIRONMENT, "Menciptakan lingkungan belajar yang kondusif di rumah", SpeakerKind.GUEST,
     "Daftar periksa sudut belajar: cahaya, meja, jam tanpa televisi."),
    (Theme.DIGITAL_PARENTING, "Pengasuhan anak di era digital", SpeakerKind.TEACHER,
     "Kesepakatan penggunaan gawai keluarga dan aplikasi kontrol orang tua."),
]  # fmt: skip
GUEST = "Rahmawati, S.Psi. (Puskesmas Wukirsari)"

# What parents said, in the study's three (HASIL: "berbagi pengalaman, kendala dan harapan").
SAID = {
    DialogueTag.EXPERIENCE: [
        "Selama ini saya datang ke sekolah hanya saat pembagian rapor.",
        "Sejak ada jadwal belajar di rumah, anak saya lebih jarang lupa mengerjakan PR.",
        "Saya mencoba menemani anak belajar setelah magrib; dia jadi lebih terbuka bercerita.",
        "Anak saya senang ketika saya bertanya tentang proyek klubnya.",
        "Kami sekeluarga sepakat tidak memegang HP saat jam belajar.",
    ],
    DialogueTag.OBSTACLE: [
        "Saya bekerja di kebun sampai sore, jadi sulit menemani anak belajar.",
        "Saya tidak paham pelajaran SMP sekarang, jadi bingung cara membantu.",
        "Anak lebih lama bermain HP daripada belajar, kami sering bertengkar soal itu.",
        "Waktu pertemuan hari Sabtu bentrok dengan jadwal kerja sebagian orang tua.",
        "Di rumah ramai dan tidak ada meja belajar khusus.",
    ],
    DialogueTag.HOPE: [
        "Semoga kelas seperti ini rutin diadakan, bukan hanya saat rapat komite.",
        "Kami berharap guru memberi kabar lewat grup kalau anak tertinggal tugas.",
        "Semoga anak-anak kami lebih rajin dan percaya diri.",
        "Kami ingin ada kelas khusus tentang cara mengawasi anak bermain internet.",
        "Semoga orang tua bisa ikut melihat pameran hasil proyek anak.",
    ],
}
NOTES = {
    ContributionKind.ASKED_QUESTION: "Bertanya cara membagi waktu belajar dan bermain.",
    ContributionKind.SHARED_EXPERIENCE: "Berbagi cara menemani anak belajar di rumah.",
    ContributionKind.VOLUNTEERED: "Bersedia membantu menyiapkan ruang kelas berikutnya.",
    ContributionKind.BROUGHT_RESOURCE: "Membawa buku bacaan untuk pojok baca kelas.",
    ContributionKind.LED_SESSION: "Memandu diskusi kelompok tentang jadwal belajar di rumah.",
}
# The kinds that grow as parents grow into partners: at the first class they listen (the study's "formal, passive"),
# then questions, then a parent leads, then experiences, help and resources.
KINDS_BY_CLASS = [
    [],
    [ContributionKind.ASKED_QUESTION],
    [ContributionKind.LED_SESSION, ContributionKind.ASKED_QUESTION],
    [
        ContributionKind.SHARED_EXPERIENCE,
        ContributionKind.BROUGHT_RESOURCE,
        ContributionKind.VOLUNTEERED,
        ContributionKind.SHARED_EXPERIENCE,
    ],
    [ContributionKind.SHARED_EXPERIENCE] * 5,
]
WALK_INS = [("Ibu Wartini", "8B"), ("Bapak Sukardi", "7A")]  # not on the roster: for the facilitator to confirm


def _own_rng(program) -> random.Random:
    return random.Random(f"parents-{program.pk}")


def seed_parent_classes(*, program, people, today: dt.date, rng) -> None:
    parents = people[PersonKind.PARENT]
    if not parents:
        return
    plan = []
    for week in program.week_numbers():
        if not week % 2:
            continue  # weeks 1, 3, 5, 7, 9: the last class is held before the program's last week
        monday = program.week_range(week)[0]
        session = Session(
            kind=PARENT_CLASS,
            title=f"Kelas inspirasi: {CLASSES[(week // 2) % len(CLASSES)][1]}",
            date=monday + dt.timedelta(days=5),
            start_time=dt.time(9, 0),
            end_time=dt.time(11, 0),
            place="Aula sekolah",
            facilitator=people[PersonKind.FACILITATOR][0],
        )
        plan.append(Planned(session, parents, 0.3, 0.85, photo=True))
    sessions = save_planned(program, plan, today=today, rng=rng)
    _classes(program, sessions, people, today, _own_rng(program))


def _classes(program, sessions, people, today: dt.date, own: random.Random) -> None:
    """Each session's class record; for the held ones the dialogue, contributions, follow-ups and check-ins."""
    creator = people[PersonKind.FACILITATOR][0].user if people[PersonKind.FACILITATOR] else None
    teachers, parents = people[PersonKind.TEACHER], people[PersonKind.PARENT]
    present: dict[int, list] = {session.pk: [] for session in sessions}
    by_pk = {parent.pk: parent for parent in parents}
    for session_id, person_id in Attendance.objects.filter(
        session__in=sessions, status=AttendanceStatus.PRESENT
    ).values_list("session_id", "person_id"):
        if person_id in by_pk:
            present[session_id].append(by_pk[person_id])
    held = [session for session in sessions if session.status == SessionStatus.HELD]
    notes, contributions = [], []
    for index, session in enumerate(sessions):
        theme, _title, speaker_kind, materials = CLASSES[index % len(CLASSES)]
        here = sorted(present[session.pk], key=lambda parent: parent.pk)
        speaker = None
        if speaker_kind == SpeakerKind.TEACHER:
            speaker = teachers[6 if theme == Theme.MOTIVATION else 8] if len(teachers) > 8 else None
        elif speaker_kind == SpeakerKind.PARENT and here:
            speaker = here[0]
        ParentClass.objects.create(
            session=session,
            theme=theme,
            speaker_kind=speaker_kind,
            speaker=speaker,
            speaker_name=GUEST if speaker_kind == SpeakerKind.GUEST else "",
            materials=materials,
        )
        if session not in held:
            continue
        for tag, texts in SAID.items():
            # One of each at first, two of each once parents speak more freely (from the third class).
            for number in range(1 if index < 2 else 2):
                notes.append(
                    DialogueNote(
                        session=session,
                        tag=tag,
                        text=texts[(index + number * 2) % len(texts)],
                        theme=theme,
                        # Named more often as parents speak up: none at first, some by the end.
                        parent=own.choice(here) if here and own.random() < 0.1 * index else None,
                        created_by=creator,
                    )
                )
        for kind in KINDS_BY_CLASS[index % len(KINDS_BY_CLASS)]:
            parent = speaker if kind == ContributionKind.LED_SESSION and speaker else own.choice(here or parents)
            contributions.append(
                Contribution(
                    program=program,
                    parent=parent,
                    session=session,
                    kind=kind,
                    date=session.date,
                    note=NOTES[kind],
                    created_by=creator,
                )
            )
    between = program.week_range(7)[0] + dt.timedelta(days=2)  # help between classes, as partners do
    if between < today:
        contributions.append(
            Contribution(
                program=program,
                parent=own.choice(parents),
                kind=ContributionKind.VOLUNTEERED,
                date=between,
                note="Membantu wali kelas menghubungi orang tua yang belum pernah hadir.",
                created_by=creator,
            )
        )
    audit.log_bulk(DialogueNote.objects.bulk_create(notes), audit.CREATE)
    audit.log_bulk(Contribution.objects.bulk_create(contributions), audit.CREATE)
    if held:
        _follow_ups(held, today, creator)
        _check_ins(held[-1], present[held[-1].pk], creator)


def _follow_ups(held: list, today: dt.date, creator) -> None:
    """One done, one overdue (agreed at the second class, two weeks to do it), one still open."""
    second = held[1] if len(held) > 1 else held[0]
    rows = [
        FollowUp(
            session=held[0],
            what="Membuat grup WhatsApp orang tua per kelas bersama wali kelas",
            who="Wali kelas 7–9",
            due_date=held[0].date + dt.timedelta(days=7),
            done_on=min(held[0].date + dt.timedelta(days=5), today),
            created_by=creator,
        ),
        FollowUp(
            session=second,
            what="Menjadwalkan konsultasi orang tua dengan guru BK setiap Jumat",
            who="Guru BK",
            due_date=second.date + dt.timedelta(days=14),
            created_by=creator,
        ),
        FollowUp(
            session=held[-1],
            what="Menyusun jadwal belajar di rumah bersama anak dan membawanya ke kelas berikutnya",
            who="Orang tua peserta",
            due_date=today + dt.timedelta(days=10),
            created_by=creator,
        ),
    ]
    audit.log_bulk(FollowUp.objects.bulk_create(rows), audit.CREATE)


def _check_ins(session, present: list, creator) -> None:
    """The latest class's link (expired at the end of its day), three roster parents who checked themselves in and
    two walk-ins not on the roster, pending."""
    end_of_day = timezone.make_aware(dt.datetime.combine(session.date, dt.time(23, 59)))
    link = CheckInLink.objects.create(session=session, expires_at=end_of_day, created_by=creator)
    arrived = timezone.make_aware(dt.datetime.combine(session.date, session.start_time))
    rows = [
        CheckIn(link=link, session=session, person=parent, status=CheckInStatus.CHECKED_IN)
        for parent in sorted(present, key=lambda parent: parent.pk)[:3]
    ]
    rows += [
        CheckIn(link=link, session=session, name=name, child_class=child_class, status=CheckInStatus.PENDING)
        for name, child_class in WALK_INS
    ]
    created = CheckIn.objects.bulk_create(rows)
    audit.log_bulk(created, audit.CREATE)
    CheckIn.objects.filter(pk__in=[row.pk for row in created]).update(created_at=arrived)  # auto_now_add
