"""Demo data of the forum, added by ``seed_demo`` to the ten weekly forum sessions the core creates.

Deterministic (only the given ``rng``), bulk-inserted, and shaped like the study: more teachers come over the
weeks (the core's attendance), more of them give feedback and write reflections, and the methods they try in
class spread from the lecture they started with to the ones colleagues shared in the forum.
"""

from __future__ import annotations

import datetime as dt

from komunitas.demo import Planned, save_planned
from komunitas.models import AttendanceStatus, Person, PersonKind, Session, SessionStatus

from .models import (
    DEFAULT_METHODS,
    FORUM,
    FollowUp,
    ForumFormat,
    ForumSession,
    PeerFeedback,
    PracticeLog,
    Reflection,
    TopicCategory,
)
from .services import methods_ensure_defaults

TOPICS = [
    "Menyusun modul ajar berdiferensiasi",
    "Strategi diskusi kelompok yang efektif",
    "Asesmen formatif di kelas",
    "Media pembelajaran berbasis video",
    "Manajemen kelas yang positif",
    "Pembelajaran berbasis proyek",
    "Umpan balik untuk siswa",
    "Pemanfaatan lingkungan sebagai sumber belajar",
    "Refleksi praktik mengajar",
    "Rencana tindak lanjut komunitas",
]
# Per week: topic category, index of the method it featured (DEFAULT_METHODS), the practice shared (a paragraph
# and its steps), what the discussion raised, and what was agreed.
WEEKS = [
    (
        TopicCategory.TEACHING_MODULE,
        10,
        "Modul ajar disusun dengan tiga jalur kegiatan sesuai kesiapan belajar siswa, berdasarkan asesmen awal "
        "singkat pada pertemuan pertama.",
        ["Asesmen awal 10 menit", "Pengelompokan siswa menurut kesiapan", "Lembar kerja berjenjang"],
        "Guru bertanya bagaimana mengelola tiga kelompok sekaligus di kelas besar.",
        "Setiap guru mencoba satu kegiatan berdiferensiasi di kelasnya dalam dua minggu.",
    ),
    (
        TopicCategory.STRATEGY,
        6,
        "Diskusi kelompok dibuat efektif dengan metode jigsaw: setiap anggota menjadi ahli satu bagian materi lalu "
        "mengajarkannya kepada kelompok asal.",
        ["Bagi materi menjadi 4 bagian", "Kelompok ahli 15 menit", "Kembali ke kelompok asal dan saling mengajar"],
        "Diskusi tentang siswa yang pasif dan cara memberi peran yang jelas.",
        "Peran dalam kelompok (ketua, pencatat, pelapor) dituliskan di papan.",
    ),
    (
        TopicCategory.ASSESSMENT,
        7,
        "Asesmen formatif dilakukan lewat think-pair-share dan tiket keluar di akhir pelajaran untuk melihat "
        "pemahaman siswa.",
        ["Pertanyaan pemantik", "Berpikir sendiri 2 menit, berpasangan 3 menit", "Tiket keluar satu kalimat"],
        "Guru berbagi contoh pertanyaan tiket keluar untuk mata pelajaran masing-masing.",
        "Tiket keluar dipakai minimal sekali seminggu dan hasilnya dibahas di forum.",
    ),
    (
        TopicCategory.MEDIA,
        11,
        "Video pendek dan kuis permainan digunakan untuk membuka pelajaran dan mengulang materi.",
        ["Video 3–5 menit dari perangkat sekolah", "Kuis berkelompok dengan kartu jawaban", "Pembahasan bersama"],
        "Kendala proyektor dan sinyal dibahas; kartu jawaban cetak menjadi alternatif luring.",
        "Bank video dan kuis dikumpulkan di folder bersama sekolah.",
    ),
    (
        TopicCategory.CLASSROOM,
        13,
        "Kelas yang positif dibangun dengan kesepakatan kelas dan tutor sebaya untuk siswa yang tertinggal.",
        ["Kesepakatan kelas dibuat bersama siswa", "Pasangan tutor sebaya", "Apresiasi di akhir pekan"],
        "Guru bertanya cara memilih tutor sebaya agar tidak membebani siswa yang pandai.",
        "Tutor sebaya dicoba di dua kelas dan hasilnya diceritakan pada forum berikutnya.",
    ),
    (
        TopicCategory.STRATEGY,
        3,
        "Pembelajaran berbasis proyek dikaitkan dengan klub belajar siswa: proyek kecil yang menghasilkan produk "
        "nyata dalam tiga pertemuan.",
        ["Pertanyaan pemantik proyek", "Rencana kerja kelompok", "Pameran hasil proyek"],
        "Diskusi tentang penilaian proyek dan pembagian tugas yang adil.",
        "Rubrik proyek sederhana disusun bersama untuk semua mata pelajaran.",
    ),
    (
        TopicCategory.ASSESSMENT,
        14,
        "Umpan balik untuk siswa diberikan lewat gallery walk: hasil kerja ditempel dan kelompok lain memberi "
        "komentar tertulis.",
        ["Tempel hasil kerja di dinding", "Kelompok berkeliling 3 menit per pos", "Komentar dengan kertas tempel"],
        "Guru berbagi format komentar yang membangun: satu pujian, satu pertanyaan, satu saran.",
        "Format umpan balik tiga bagian dipakai juga dalam forum guru.",
    ),
    (
        TopicCategory.MEDIA,
        12,
        "Lingkungan sekolah dimanfaatkan sebagai sumber belajar: kebun, kantin dan lapangan menjadi tempat pengamatan.",
        ["Lembar pengamatan di luar kelas", "Kelompok kecil dengan tugas berbeda", "Presentasi temuan"],
        "Keamanan dan pengelolaan waktu di luar kelas dibahas.",
        "Jadwal penggunaan kebun sekolah dibagi antarkelas.",
    ),
    (
        TopicCategory.OTHER,
        2,
        "Refleksi praktik mengajar: guru membawa satu masalah nyata dari kelasnya dan kelompok mencari solusi "
        "dengan pembelajaran berbasis masalah.",
        ["Ceritakan masalah nyata", "Analisis penyebab bersama", "Rencana perbaikan untuk minggu depan"],
        "Banyak guru merasa terbantu karena masalahnya ternyata dialami bersama.",
        "Setiap guru menulis satu perbaikan yang akan dicoba dan melaporkannya di log praktik.",
    ),
    (
        TopicCategory.OTHER,
        5,
        "Rencana tindak lanjut komunitas disusun: forum berlanjut setiap dua minggu setelah program, dengan "
        "pembelajaran inkuiri sebagai fokus semester depan.",
        ["Evaluasi 10 minggu forum", "Kesepakatan jadwal lanjutan", "Pembagian peran narasumber"],
        "Guru mengusulkan agar kepala sekolah memasukkan forum ke kalender akademik.",
        "Forum berlanjut dua mingguan; narasumber bergiliran.",
    ),
]
LECTURE = 0  # "Lecture with questions and answers": where every teacher started
HOW_IT_WENT = [
    "Siswa lebih aktif dari biasanya; waktu ternyata kurang sehingga penutup terburu-buru.",
    "Berjalan lancar. Dua kelompok perlu bimbingan tambahan.",
    "Siswa antusias, tetapi kelas agak ramai. Lain kali peran kelompok akan diperjelas.",
    "Hasil tiket keluar menunjukkan sebagian besar siswa memahami konsep utama.",
    "Siswa yang biasanya diam mulai berani bertanya.",
]
REFLECTION_LEARNED = [
    "Saya belajar bahwa {topic} bisa dimulai dari langkah kecil.",
    "Contoh dari rekan membuat saya melihat cara baru untuk {topic}.",
    "Ternyata masalah di kelas saya juga dialami guru lain; {topic} membantu.",
]
REFLECTION_TRY = [
    "Saya akan mencoba {method} di kelas {klass} minggu depan.",
    "Mencoba {method} pada satu pertemuan, lalu menceritakan hasilnya di forum.",
]
FEEDBACK = [
    (
        "Langkah-langkahnya jelas dan contoh lembar kerjanya mudah ditiru.",
        "Bagaimana jika jumlah siswa lebih dari 32?",
        "Sertakan contoh rubrik penilaiannya.",
    ),
    (
        "Siswa tampak terlibat; cerita dari kelas sangat meyakinkan.",
        "Berapa lama persiapannya?",
        "Bagikan materi di folder bersama.",
    ),
    (
        "Penyajian singkat dan langsung ke praktik.",
        "Apakah cocok untuk mata pelajaran praktik?",
        "Tambahkan video singkat saat kegiatan berlangsung.",
    ),
]
CLASSES = ["7A", "7B", "8A", "8B", "9A"]


def _practice_text(intro: str, steps: list[str]) -> str:
    return intro + "\n\n" + "\n".join(f"- {step}" for step in steps)


def _plan_sessions(program, people, today: dt.date, rng) -> None:
    """One forum session every Tuesday afternoon, more teachers coming over the weeks (the core's attendance)."""
    plan = []
    for week in program.week_numbers():
        monday = program.week_range(week)[0]
        session = Session(
            kind=FORUM,
            title=f"Forum guru: {TOPICS[(week - 1) % len(TOPICS)]}",
            date=monday + dt.timedelta(days=1),
            start_time=dt.time(13, 30),
            end_time=dt.time(15, 0),
            place="Ruang guru",
            facilitator=people[PersonKind.FACILITATOR][0],
        )
        plan.append(Planned(session, people[PersonKind.TEACHER], 0.5, 0.9, photo=True))
    save_planned(program, plan, today=today, rng=rng)


def seed_forum(*, program, people, today: dt.date, rng) -> None:
    teachers: list[Person] = people[PersonKind.TEACHER]
    if not teachers:
        return
    _plan_sessions(program, people, today, rng)
    methods_ensure_defaults(program=program)
    by_name = {method.name: method for method in program.methods.all()}
    method_at = [by_name[str(name)] for name in DEFAULT_METHODS]
    sessions = list(program.sessions.filter(kind=FORUM).prefetch_related("attendance").order_by("date", "pk"))
    forums, presenter_links, follow_ups, feedback, reflections = [], [], [], [], []
    # Methods each teacher uses: everyone starts with the lecture, some with one more.
    pool = {t.pk: [method_at[LECTURE]] + ([method_at[8]] if rng.random() < 0.3 else []) for t in teachers}
    new_at_week: dict[int, dict[int, object]] = {}
    for session in sessions:
        week = program.week_of(session.date) or 1
        category, featured, intro, steps, discussion, conclusion = WEEKS[(week - 1) % len(WEEKS)]
        present_ids = {a.person_id for a in session.attendance.all() if a.status == AttendanceStatus.PRESENT}
        present = [t for t in teachers if t.pk in present_ids]
        held = session.status == SessionStatus.HELD
        candidates = present if held and present else teachers
        presenters = rng.sample(candidates, min(len(candidates), 1 if week <= 3 else 2))
        others = [t for t in present if t not in presenters]
        forum = ForumSession(
            session=session,
            format=ForumFormat.PLENARY if week in (1, 5, 10) else ForumFormat.SMALL_GROUP,
            topic_category=category,
            notetaker=others[0] if others else None,
            agenda="Pembukaan; paparan praktik baik; diskusi; kesimpulan dan rencana tindak lanjut.",
            opening="Dibuka oleh fasilitator dengan menyampaikan tujuan forum minggu ini." if held else "",
            practice=_practice_text(intro, steps) if held else "",
            discussion_notes=discussion if held else "",
            conclusion=conclusion if held else "",
        )
        forums.append(forum)
        presenter_links += [(forum, p) for p in presenters]
        if not held:
            continue
        featured_method = method_at[featured]
        follow_ups += [
            FollowUp(
                forum=forum,
                order=0,
                action=f"Mencoba {featured_method.name.lower()} di kelas masing-masing",
                responsible="Semua guru peserta",
                due_date=session.date + dt.timedelta(days=14),
                done=session.date + dt.timedelta(days=14) < today,
            ),
            FollowUp(
                forum=forum,
                order=1,
                action="Mengunggah materi paparan ke folder bersama",
                responsible=presenters[0].name,
                due_date=session.date + dt.timedelta(days=3),
                done=True,
            ),
        ]
        progress = (week - 1) / 9
        givers = rng.sample(others, round(len(others) * (0.25 + 0.65 * progress)))
        for author in givers:
            went_well, question, suggestion = rng.choice(FEEDBACK)
            feedback.append(
                PeerFeedback(
                    forum=forum,
                    presenter=rng.choice(presenters),
                    author=author,
                    went_well=went_well,
                    question=question,
                    suggestion=suggestion,
                    anonymous=rng.random() < 0.25,
                    created_by=author.user,
                )
            )
        topic = session.title.split(":", 1)[-1].strip().lower()
        for author in rng.sample(present, round(len(present) * (0.2 + 0.7 * progress))):
            reflections.append(
                Reflection(
                    forum=forum,
                    author=author,
                    learned=rng.choice(REFLECTION_LEARNED).format(topic=topic),
                    will_try=rng.choice(REFLECTION_TRY).format(
                        method=featured_method.name.lower(), klass=rng.choice(CLASSES)
                    ),
                    try_by=session.date + dt.timedelta(days=14),
                    created_by=author.user,
                )
            )
        # Forum talk turns into practice: most who were there add the featured method to what they use.
        new_at_week[week] = {t.pk: featured_method for t in present if rng.random() < 0.85}

    ForumSession.objects.bulk_create(forums)
    through = ForumSession.presenters.through
    through.objects.bulk_create(through(forumsession_id=f.pk, person_id=p.pk) for f, p in presenter_links)
    FollowUp.objects.bulk_create(follow_ups)
    PeerFeedback.objects.bulk_create(feedback)
    Reflection.objects.bulk_create(reflections)
    PracticeLog.objects.bulk_create(_practice_logs(program, teachers, pool, new_at_week, today, rng))


def _practice_logs(program, teachers, pool, new_at_week, today, rng) -> list[PracticeLog]:
    forum_by_week = {
        program.week_of(forum.session.date): forum
        for forum in ForumSession.objects.filter(session__program=program).select_related("session")
    }
    logs = []
    for week in program.week_numbers():
        monday = program.week_range(week)[0]
        for teacher in teachers:
            added = new_at_week.get(week, {}).get(teacher.pk)
            if added and added not in pool[teacher.pk]:
                pool[teacher.pk].append(added)
            chance = 0.5 + 0.45 * (week - 1) / 9
            for attempt in range(2):
                if rng.random() >= (chance if attempt == 0 else chance / 2):
                    break
                day = monday + dt.timedelta(days=2 + attempt)
                if day >= today:
                    break
                # The newest method is the one a teacher is trying out; older ones come back now and then.
                method = added if added and attempt == 0 else rng.choice(pool[teacher.pk])
                logs.append(
                    PracticeLog(
                        program=program,
                        teacher=teacher,
                        date=day,
                        class_name=rng.choice(CLASSES),
                        method=method,
                        forum=forum_by_week.get(week) if method is added else None,
                        how_it_went=rng.choice(HOW_IT_WENT),
                        created_by=teacher.user,
                    )
                )
    return logs
