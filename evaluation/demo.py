"""The evaluation of the demo program: the starter instruments, answered at baseline and endline by the
teachers (signed in), the 30 students and 10 parents (anonymously, through a link now closed), observations of
the forum sessions and of the students across the ten weeks, and interviews at the end — so that the summary
table shows the study's five rows with plausible evidence: low at the start, higher at the end."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from komunitas.models import Person, PersonKind, Program, SessionStatus

from . import services
from .models import InstrumentKind, ItemType, Phase, QuestionnaireLink
from .starter import starter_instruments_load

# Per question of each guide, what three people said (the demo interviews three of each).
INTERVIEW_ANSWERS = [
    ["Awalnya saya jarang hadir karena jadwal tidak tetap. Sekarang ada jadwal rutin, jadi saya bisa ikut.",
     "Forum setiap minggu membuat saya terbiasa berbagi; dulu pertemuan hanya saat ada undangan dinas.",
     "Saya merasa lebih dekat dengan rekan guru karena kami berdiskusi tentang kelas masing-masing."],
    ["Saya mencoba pembelajaran berbasis proyek dan diskusi kelompok; siswa lebih aktif bertanya.",
     "Saya mulai memakai diferensiasi konten setelah melihat praktik rekan di forum.",
     "Saya mencoba gallery walk; awalnya ramai, tetapi siswa saling memberi masukan."],
    ["Siswa yang biasanya diam mulai berani presentasi hasil proyek di depan kelas.",
     "Siswa lebih sering bekerja sama dan bertanya kepada teman kelompoknya.",
     "Beberapa siswa membuat karya yang tidak saya duga; mereka bangga menunjukkannya."],
    ["Orang tua lebih sering datang dan bertanya tentang kegiatan anak, bukan hanya saat pembagian rapor.",
     "Ada orang tua yang menawarkan diri menjadi narasumber kelas inspirasi.",
     "Grup kelas lebih hidup; orang tua menanyakan tugas proyek anaknya."],
    ["Kendalanya waktu guru terbatas. Sarannya jadwal tetap setiap minggu dan dukungan kepala sekolah.",
     "Perlu pembagian peran yang jelas agar komunitas tidak bergantung pada satu orang.",
     "Fasilitas proyektor terbatas; kami bergantian. Komunitas perlu masuk program kerja sekolah."],
]  # fmt: skip
PARENT_INTERVIEW_ANSWERS = [
    ["Dulu saya hanya datang saat rapor. Setelah kelas inspirasi saya ikut berdiskusi dengan guru.",
     "Saya baru tahu bahwa orang tua boleh bertanya langsung tentang cara belajar anak.",
     "Saya datang lebih sering karena kegiatannya terjadwal dan tidak kaku."],
    ["Saya menemani anak belajar setiap malam dan menanyakan tugas proyeknya.",
     "Saya membatasi waktu bermain gawai dan menyediakan meja belajar.",
     "Kami membuat jadwal belajar bersama di rumah."],
    ["Anak saya lebih percaya diri dan senang bercerita tentang proyek kelompoknya.",
     "Anak saya lebih rajin dan mulai bertanya hal-hal baru.",
     "Anak saya berani tampil di depan teman-temannya."],
]  # fmt: skip


def _likert(rng, instrument, *, level: float, reverse: bool) -> float:
    """A plausible answer around ``level`` (0 low … 1 high) on the instrument's scale."""
    low, high = instrument.scale_bounds
    value = round(low + (high - low) * min(1.0, max(0.0, level + rng.uniform(-0.25, 0.25))))
    return float(low + high - value if reverse else value)


def _answers(rng, instrument, items, *, level: float, texts=(), voice: int = 0) -> list:
    """Answers to ``items``; text items take ``texts`` in order (a string, or one variant per ``voice``)."""
    answers, spoken = [], 0
    for item in items:
        if item.type == ItemType.LIKERT:
            answers.append((item, _likert(rng, instrument, level=level, reverse=item.reverse), ""))
        elif item.type == ItemType.YES_NO:
            answers.append((item, float(rng.random() > level), ""))
        elif item.type == ItemType.NUMBER:
            answers.append((item, float(round(2 + 8 * level + rng.uniform(-1, 1))), ""))
        elif texts:
            text = texts[spoken % len(texts)]
            answers.append((item, None, text if isinstance(text, str) else text[voice % len(text)]))
            spoken += 1
    return answers


def seed_evaluation(*, program: Program, people: dict[str, list[Person]], today: dt.date, rng) -> None:
    instruments = {instrument.title: instrument for instrument in starter_instruments_load(program)}
    end = min(today, program.end_date)
    facilitator = people[PersonKind.FACILITATOR][0].user
    for instrument in instruments.values():
        items = list(instrument.items.all())
        if instrument.kind == InstrumentKind.QUESTIONNAIRE:
            _questionnaire(program, instrument, items, people[instrument.audience], end, rng, facilitator)
        elif instrument.kind == InstrumentKind.OBSERVATION:
            _observations(program, instrument, items, end, rng, facilitator)
        else:
            texts = INTERVIEW_ANSWERS if instrument.audience == PersonKind.TEACHER else PARENT_INTERVIEW_ANSWERS
            for voice, person in enumerate(people[instrument.audience][:3]):
                services.response_record(
                    instrument=instrument,
                    answers=_answers(rng, instrument, items, level=0.8, texts=texts, voice=voice),
                    phase=Phase.ENDLINE, date=end, respondent=person, user=facilitator,
                )  # fmt: skip


def _questionnaire(program, instrument, items, audience, end, rng, facilitator) -> None:
    signed_in = instrument.audience == PersonKind.TEACHER  # teachers answer as themselves; others anonymously
    for phase, day, level in ((Phase.BASELINE, program.start_date, 0.35), (Phase.ENDLINE, end, 0.8)):
        link = None
        if not signed_in:
            link = QuestionnaireLink.objects.create(
                instrument=instrument, phase=phase, created_by=facilitator,
                expires_at=timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59))),
            )  # fmt: skip
        for person in audience:
            texts = ("Berbagi praktik baik dengan rekan.",) if phase == Phase.ENDLINE else ()
            services.response_record(
                instrument=instrument, answers=_answers(rng, instrument, items, level=level, texts=texts),
                phase=phase, date=day, respondent=person if signed_in else None, link=link,
                user=person.user if signed_in else None,
            )  # fmt: skip


def _observations(program, instrument, items, end, rng, facilitator) -> None:
    """The teachers' sheet at every forum session held; the students' sheet once a week."""
    if instrument.audience == PersonKind.TEACHER:
        sessions = program.sessions.filter(kind="forum", status=SessionStatus.HELD, date__lte=end)
        moments = [(session.date, session) for session in sessions]
    else:
        moments = [(program.week_range(week)[0] + dt.timedelta(days=3), None) for week in program.week_numbers()]
        moments = [(day, None) for day, _ in moments if day <= end]
    for day, session in moments:
        progress = (program.week_of(day) or 1) / program.weeks
        services.response_record(
            instrument=instrument,
            answers=_answers(rng, instrument, items, level=0.3 + 0.6 * progress, texts=("Peserta aktif berdiskusi.",)),
            phase=Phase.WEEKLY, date=day, session=session, user=facilitator,
        )  # fmt: skip
