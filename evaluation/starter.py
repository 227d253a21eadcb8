"""What a program's evaluation starts from: Table 1's five rows in the study's own wording, and starter
instruments in Indonesian for teachers, students and parents (participation, collaboration, reflection,
innovation in teaching, satisfaction). They are content, not interface text: a school edits them as its own,
so they are stored in Indonesian whatever the interface language.
"""

from __future__ import annotations

from django.db import transaction

from komunitas.activities import StandardAspect as A
from komunitas.models import PersonKind, Program

from .models import Aspect, Instrument, InstrumentKind, Item, ItemType

# The study's Table 1 (Ringkasan Perubahan Kondisi Komunitas Belajar): key, aspect, initial, final, indicator.
TABLE_1 = [
    (A.TEACHER_PARTICIPATION, "Partisipasi Guru", "Sudah ada namun tidak rutin", "Aktif dan terjadwal",
     "Kehadiran & diskusi meningkat"),
    (A.TEACHER_COMPETENCE, "Kompetensi Guru", "Cenderung konvensional", "Lebih inovatif dan reflektif",
     "Variasi metode pembelajaran"),
    (A.STUDENT_ENGAGEMENT, "Keaktifan Siswa", "Terbatas pada pembelajaran kelas", "Aktif dalam proyek kolaboratif",
     "Partisipasi dan kreativitas meningkat"),
    (A.PARENT_INVOLVEMENT, "Keterlibatan Orang Tua", "Minim dan bersifat formal", "Lebih aktif dan partisipatif",
     "Hadir dan berkontribusi langsung"),
    (A.LEARNING_COMMUNITY, "Komunitas Belajar", "Sudah terbentuk namun tidak berkelanjutan",
     "Lebih terstruktur dan berkelanjutan", "Ada jadwal dan kegiatan rutin"),
]  # fmt: skip

OBSERVATION_SCALE = [
    {"value": 4, "label": "Sangat baik"},
    {"value": 3, "label": "Baik"},
    {"value": 2, "label": "Cukup"},
    {"value": 1, "label": "Kurang"},
]

L, YN, NUM, SHORT, LONG = ItemType.LIKERT, ItemType.YES_NO, ItemType.NUMBER, ItemType.SHORT_TEXT, ItemType.LONG_TEXT
REVERSED, OPTIONAL = "reverse", "optional"

# Each instrument: (kind, title, audience, instructions, scale or None for the default, items), an item being
# (text, type, aspect key or None, flags).
STARTER_INSTRUMENTS = [
    (InstrumentKind.QUESTIONNAIRE, "Angket Guru: Komunitas Belajar", PersonKind.TEACHER,
     "Pilih satu jawaban yang paling sesuai dengan keadaan Bapak/Ibu. Tidak ada jawaban benar atau salah.", None, [
        ("Saya hadir secara rutin dalam kegiatan komunitas belajar.", L, A.TEACHER_PARTICIPATION, ()),
        ("Saya aktif berdiskusi dalam forum komunitas belajar.", L, A.TEACHER_PARTICIPATION, ()),
        ("Saya berbagi praktik baik pembelajaran dengan rekan guru.", L, A.TEACHER_PARTICIPATION, ()),
        ("Saya mencoba metode pembelajaran baru di kelas.", L, A.TEACHER_COMPETENCE, ()),
        ("Saya merefleksikan pembelajaran saya bersama rekan sejawat.", L, A.TEACHER_COMPETENCE, ()),
        ("Saya mengajar dengan cara yang sama seperti tahun-tahun sebelumnya.", L, A.TEACHER_COMPETENCE, (REVERSED,)),
        ("Kegiatan komunitas belajar di sekolah kami terjadwal dan rutin.", L, A.LEARNING_COMMUNITY, ()),
        ("Saya puas dengan kegiatan komunitas belajar di sekolah ini.", L, A.LEARNING_COMMUNITY, ()),
        ("Hal yang paling bermanfaat bagi saya dari komunitas belajar:", LONG, None, (OPTIONAL,)),
    ]),
    (InstrumentKind.QUESTIONNAIRE, "Angket Siswa: Klub Belajar Berbasis Proyek", PersonKind.STUDENT,
     "Pilih satu jawaban yang paling sesuai dengan dirimu. Jawabanmu tidak memengaruhi nilai.", None, [
        ("Saya aktif bertanya dan menyampaikan pendapat saat belajar.", L, A.STUDENT_ENGAGEMENT, ()),
        ("Saya senang bekerja sama dengan teman dalam proyek.", L, A.STUDENT_ENGAGEMENT, ()),
        ("Saya berani mencoba ide baru dalam tugas proyek.", L, A.STUDENT_ENGAGEMENT, ()),
        ("Saya hanya belajar ketika disuruh guru.", L, A.STUDENT_ENGAGEMENT, (REVERSED,)),
        ("Saya bangga dengan hasil proyek kelompok saya.", L, A.STUDENT_ENGAGEMENT, ()),
        ("Apa yang paling kamu sukai dari klub proyek?", LONG, None, (OPTIONAL,)),
    ]),
    (InstrumentKind.QUESTIONNAIRE, "Angket Orang Tua: Kelas Inspirasi", PersonKind.PARENT,
     "Pilih satu jawaban yang paling sesuai dengan keadaan Bapak/Ibu.", None, [
        ("Saya hadir dalam kegiatan sekolah selain pembagian rapor.", L, A.PARENT_INVOLVEMENT, ()),
        ("Saya mendampingi anak belajar di rumah.", L, A.PARENT_INVOLVEMENT, ()),
        ("Saya menyampaikan pengalaman atau pendapat dalam kegiatan sekolah.", L, A.PARENT_INVOLVEMENT, ()),
        ("Saya datang ke sekolah hanya jika diundang untuk urusan formal.", L, A.PARENT_INVOLVEMENT, (REVERSED,)),
        ("Saya puas dengan kelas inspirasi orang tua.", L, A.PARENT_INVOLVEMENT, ()),
        ("Harapan saya untuk sekolah:", LONG, None, (OPTIONAL,)),
    ]),
    (InstrumentKind.OBSERVATION, "Lembar Observasi Kegiatan Komunitas Guru", PersonKind.TEACHER,
     "Amati peserta selama kegiatan; tulis fakta yang terlihat, bukan penilaian.", OBSERVATION_SCALE, [
        ("Peserta hadir tepat waktu dan mengikuti kegiatan sampai selesai.", L, A.TEACHER_PARTICIPATION, ()),
        ("Peserta aktif berdiskusi dan bertanya.", L, A.TEACHER_PARTICIPATION, ()),
        ("Peserta berbagi praktik atau pengalaman nyata dari kelasnya.", L, A.TEACHER_COMPETENCE, ()),
        ("Peserta menunjukkan sikap reflektif terhadap pembelajarannya.", L, A.TEACHER_COMPETENCE, ()),
        ("Kegiatan berjalan sesuai jadwal dan agenda.", L, A.LEARNING_COMMUNITY, ()),
        ("Jumlah peserta yang menyampaikan pendapat", NUM, A.TEACHER_PARTICIPATION, (OPTIONAL,)),
        ("Catatan pengamat (fakta yang terlihat)", LONG, None, (OPTIONAL,)),
    ]),
    (InstrumentKind.OBSERVATION, "Lembar Observasi Keaktifan Siswa", PersonKind.STUDENT,
     "Amati siswa, bukan guru: apakah semua siswa belajar, dan bagaimana.", OBSERVATION_SCALE, [
        ("Semua siswa terlibat dalam kegiatan belajar.", L, A.STUDENT_ENGAGEMENT, ()),
        ("Siswa bekerja sama dalam kelompok.", L, A.STUDENT_ENGAGEMENT, ()),
        ("Siswa mengajukan pertanyaan atau gagasan.", L, A.STUDENT_ENGAGEMENT, ()),
        ("Siswa menghasilkan karya atau solusi yang kreatif.", L, A.STUDENT_ENGAGEMENT, ()),
        ("Ada siswa yang belum terlibat?", YN, None, ()),
        ("Siswa yang belum terlibat, sebabnya, dan apa yang dapat membantu", LONG, None, (OPTIONAL,)),
        ("Pelajaran berharga dari kegiatan ini", LONG, None, (OPTIONAL,)),
    ]),
    (InstrumentKind.INTERVIEW, "Pedoman Wawancara Guru", PersonKind.TEACHER,
     "Catat jawaban narasumber dengan kata-katanya sendiri.", None, [
        ("Bagaimana pengalaman Bapak/Ibu mengikuti komunitas belajar selama program?", LONG,
         A.TEACHER_PARTICIPATION, ()),
        ("Metode pembelajaran baru apa yang Bapak/Ibu coba, dan bagaimana hasilnya?", LONG, A.TEACHER_COMPETENCE, ()),
        ("Perubahan apa yang Bapak/Ibu lihat pada keaktifan siswa?", LONG, A.STUDENT_ENGAGEMENT, ()),
        ("Bagaimana keterlibatan orang tua dibandingkan sebelum program?", LONG, A.PARENT_INVOLVEMENT, ()),
        ("Apa kendala yang dihadapi, dan apa saran agar komunitas belajar berkelanjutan?", LONG,
         A.LEARNING_COMMUNITY, ()),
    ]),
    (InstrumentKind.INTERVIEW, "Pedoman Wawancara Orang Tua", PersonKind.PARENT,
     "Catat jawaban narasumber dengan kata-katanya sendiri.", None, [
        ("Bagaimana keterlibatan Bapak/Ibu dalam kegiatan sekolah sebelum dan sesudah kelas inspirasi?", LONG,
         A.PARENT_INVOLVEMENT, ()),
        ("Apa yang Bapak/Ibu lakukan di rumah untuk mendukung belajar anak?", LONG, A.PARENT_INVOLVEMENT, ()),
        ("Perubahan apa yang Bapak/Ibu lihat pada anak?", LONG, A.STUDENT_ENGAGEMENT, ()),
    ]),
]  # fmt: skip


def aspects_create(program: Program) -> list[Aspect]:
    """Table 1's five rows, for those of them the program does not have yet."""
    have = set(program.aspects.values_list("key", flat=True))
    rows = [
        Aspect(program=program, key=key, order=number, name=name, initial_condition=initial,
               final_condition=final, indicator=indicator)
        for number, (key, name, initial, final, indicator) in enumerate(TABLE_1, start=1)
        if key not in have
    ]  # fmt: skip
    for aspect in rows:
        aspect.save()  # one by one, so the audit log records each
    return rows


@transaction.atomic
def starter_instruments_load(program: Program, *, user=None, audiences=None) -> list[Instrument]:
    """The starter instruments (those whose title the program does not have yet; for ``audiences`` only, when
    given), their items linked to the program's aspects (created first when missing)."""
    aspects_create(program)
    aspects = {aspect.key: aspect for aspect in program.aspects.exclude(key="")}
    have = set(program.instruments.values_list("title", flat=True))
    created = []
    for kind, title, audience, instructions, scale, items in STARTER_INSTRUMENTS:
        if title in have or (audiences is not None and audience not in audiences):
            continue
        instrument = Instrument(
            program=program, kind=kind, title=title, audience=audience, instructions=instructions, created_by=user
        )
        if scale:
            instrument.scale = [dict(point) for point in scale]
        instrument.save()
        for order, (text, type_, aspect_key, flags) in enumerate(items, start=1):
            Item.objects.create(
                instrument=instrument,
                order=order,
                text=text,
                type=type_,
                aspect=aspects.get(aspect_key),
                reverse=REVERSED in flags,
                required=OPTIONAL not in flags,
            )
        created.append(instrument)
    return created
