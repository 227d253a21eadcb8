"""Programs created before the evaluation existed get Table 1's five rows, as new programs do
(evaluation.starter.TABLE_1, copied here so that this migration never changes)."""

from django.db import migrations

TABLE_1 = [
    ("teacher_participation", "Partisipasi Guru", "Sudah ada namun tidak rutin", "Aktif dan terjadwal",
     "Kehadiran & diskusi meningkat"),
    ("teacher_competence", "Kompetensi Guru", "Cenderung konvensional", "Lebih inovatif dan reflektif",
     "Variasi metode pembelajaran"),
    ("student_engagement", "Keaktifan Siswa", "Terbatas pada pembelajaran kelas", "Aktif dalam proyek kolaboratif",
     "Partisipasi dan kreativitas meningkat"),
    ("parent_involvement", "Keterlibatan Orang Tua", "Minim dan bersifat formal", "Lebih aktif dan partisipatif",
     "Hadir dan berkontribusi langsung"),
    ("learning_community", "Komunitas Belajar", "Sudah terbentuk namun tidak berkelanjutan",
     "Lebih terstruktur dan berkelanjutan", "Ada jadwal dan kegiatan rutin"),
]  # fmt: skip


def add_aspects(apps, schema_editor):
    Program = apps.get_model("komunitas", "Program")
    Aspect = apps.get_model("evaluation", "Aspect")
    for program in Program.objects.all():
        have = set(Aspect.objects.filter(program=program).values_list("key", flat=True))
        Aspect.objects.bulk_create(
            Aspect(program=program, key=key, order=number, name=name, initial_condition=initial,
                   final_condition=final, indicator=indicator)
            for number, (key, name, initial, final, indicator) in enumerate(TABLE_1, start=1)
            if key not in have
        )  # fmt: skip


class Migration(migrations.Migration):
    dependencies = [("evaluation", "0001_initial")]

    operations = [migrations.RunPython(add_aspects, migrations.RunPython.noop)]
