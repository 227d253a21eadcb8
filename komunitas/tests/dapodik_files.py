"""Dapodik-shaped spreadsheets for tests (invented people), laid out as Dapodik downloads them: title lines, then the
header, then one row per person, with the columns the import must never store (NIK, birth, address …) filled in.

- ``daftar_pd_xlsx(students)``: the student list (Peserta Didik → Unduh), Dapodik's two-row header ("Data Ayah",
  "Data Ibu", "Data Wali" merged over six columns) or, with ``flat=True``, one row ("Nama Ayah", …).
- ``daftar_gtk_xlsx(staff)``: the staff list (GTK → Unduh).
- ``DEMO_STUDENTS`` (30 students in 7A and 7B, two pairs of siblings) and ``DEMO_STAFF`` (a principal, five
  teachers, two administrative staff) for a whole first run.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from openpyxl import Workbook

SECRET_NIK = "3404011234560001"  # what must be stored nowhere: search the database and the session for these
SECRET_ADDRESS = "Jl. Rahasia No. 7"
SECRET_BIRTHPLACE = "Kotarahasia"


@dataclass
class Student:
    name: str
    nisn: str
    rombel: str  # as Dapodik writes it: "Kelas 7A", "VII A", "7.A" …
    father: str = ""
    mother: str = ""
    guardian: str = ""
    nipd: str = ""


@dataclass
class Staff:
    name: str
    jenis_ptk: str
    nip: str = ""
    nuptk: str = ""
    tugas_tambahan: str = ""
    hp: str = ""
    email: str = ""


PD_TITLES = [
    ["DAFTAR PESERTA DIDIK"],
    ["SMP NEGERI 1 CONTOH"],
    ["Kecamatan Depok, Kabupaten Sleman, Provinsi D.I. Yogyakarta"],
    ["Tanggal Unduh: 2026-07-14 08:12:01", None, None, None, "Pengguna: operator@contoh.sch.id"],
]
# Title lines that look like a header: a school's own lines above Dapodik's, with "Nama" and a number column.
LOOKALIKE_TITLES = [
    ["Nama Sekolah: SMP Negeri 1 Contoh"],
    ["Nama", "SMP Negeri 1 Contoh", "NPSN", "20400001", "NISN"],
]
PD_BEFORE = [
    "No", "Nama", "NIPD", "JK", "NISN", "Tempat Lahir", "Tanggal Lahir", "NIK", "Agama", "Alamat", "RT", "RW",
    "Dusun", "Kelurahan", "Kecamatan", "Kode Pos", "Jenis Tinggal", "Alat Transportasi", "Telepon", "HP", "E-Mail",
    "SKHUN", "Penerima KPS", "No. KPS",
]  # fmt: skip
PARENT_COLUMNS = ["Nama", "Tahun Lahir", "Jenjang Pendidikan", "Pekerjaan", "Penghasilan", "NIK"]
PD_AFTER = [
    "Rombel Saat Ini", "No Peserta Ujian Nasional", "No Seri Ijazah", "Penerima KIP", "Nomor KIP", "Nama di KIP",
    "Nomor KKS", "No Registrasi Akta Lahir", "Bank", "Nomor Rekening Bank", "Rekening Atas Nama",
    "Layak PIP (usulan dari sekolah)", "Alasan Layak PIP", "Kebutuhan Khusus", "Sekolah Asal", "Anak ke-berapa",
    "Lintang", "Bujur", "No KK", "Berat Badan", "Tinggi Badan", "Lingkar Kepala", "Jml. Saudara Kandung",
    "Jarak Rumah ke Sekolah (KM)",
]  # fmt: skip
GTK_HEADER = [
    "No", "Nama", "NUPTK", "JK", "Tempat Lahir", "Tanggal Lahir", "NIP", "Status Kepegawaian", "Jenis PTK", "Agama",
    "Alamat Jalan", "RT", "RW", "Nama Dusun", "Desa/Kelurahan", "Kecamatan", "Kode Pos", "Telepon", "HP", "Email",
    "Tugas Tambahan", "SK CPNS", "Tanggal CPNS", "SK Pengangkatan", "TMT Pengangkatan", "Lembaga Pengangkatan",
    "Pangkat Golongan", "Sumber Gaji", "Nama Ibu Kandung", "Status Perkawinan", "Nama Suami/Istri", "NIP Suami/Istri",
    "Pekerjaan Suami/Istri", "TMT PNS", "Sudah Lisensi Kepala Sekolah", "Pernah Diklat Kepengawasan",
    "Keahlian Braille", "Keahlian Bahasa Isyarat", "NPWP", "Nama Wajib Pajak", "Kewarganegaraan", "Bank",
    "Nomor Rekening Bank", "Rekening Atas Nama", "NIK", "No KK", "Karpeg", "Karis/Karsu", "Lintang", "Bujur", "NUKS",
]  # fmt: skip


def _parent(name: str) -> list[object]:
    return [name, 1980 if name else None, "SMA / sederajat", "Wiraswasta", "Rp. 1,000,000 - Rp. 1,999,999", SECRET_NIK]


def _student_cells(number: int, student: Student) -> list[object]:
    before = [
        number, student.name, student.nipd, "L" if number % 2 else "P", student.nisn, SECRET_BIRTHPLACE,
        dt.datetime(2013, 5, number % 28 + 1), SECRET_NIK, "Islam", SECRET_ADDRESS, "3", "12", "Karangmalang",
        "Caturtunggal", "Kec. Depok", "55281", "Bersama orang tua", "Sepeda motor", "", "08123456789",
        "siswa@contoh.id", "", "Tidak", "",
    ]  # fmt: skip
    parents = _parent(student.father) + _parent(student.mother) + _parent(student.guardian)
    after = [student.rombel, "", "", "Tidak", "", "", "", "3404-LT-123", "BRI", "0123456789", student.name]
    return before + parents + after + [""] * (len(PD_AFTER) - len(after))


def daftar_pd_xlsx(students: list[Student | None], *, flat: bool = False, titles: list | None = None) -> bytes:
    """The Daftar PD of ``students`` (None: a blank row), under ``titles`` (Dapodik's own by default)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Daftar PD"
    for line in PD_TITLES if titles is None else titles:
        sheet.append(line)
    groups = ["Data Ayah", "Data Ibu", "Data Wali"]
    if flat:
        parent_headers = [f"{column} {who}" for who in ("Ayah", "Ibu", "Wali") for column in PARENT_COLUMNS]
        sheet.append(PD_BEFORE + parent_headers + PD_AFTER)
    else:
        top = PD_BEFORE + [cell for group in groups for cell in [group] + [None] * 5] + PD_AFTER
        sheet.append(top)
        sheet.append([None] * len(PD_BEFORE) + PARENT_COLUMNS * 3 + [None] * len(PD_AFTER))
        row = sheet.max_row - 1
        for index, _group in enumerate(groups):
            first = len(PD_BEFORE) + 1 + 6 * index
            sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=first + 5)
        for column in list(range(1, len(PD_BEFORE) + 1)) + list(range(len(PD_BEFORE) + 19, len(top) + 1)):
            sheet.merge_cells(start_row=row, start_column=column, end_row=row + 1, end_column=column)
    number = 0
    for student in students:
        if student is None:
            sheet.append([None])
            continue
        number += 1
        sheet.append(_student_cells(number, student))
    return _bytes(workbook)


def daftar_gtk_xlsx(staff: list[Staff | None]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Daftar GTK"
    for line in (["Daftar Guru dan Tenaga Kependidikan"], ["SMP NEGERI 1 CONTOH"], ["Tanggal Unduh: 2026-07-14"]):
        sheet.append(line)
    sheet.append(GTK_HEADER)
    for number, person in enumerate(staff, start=1):
        if person is None:
            sheet.append([None])
            continue
        cells = dict.fromkeys(GTK_HEADER, "")
        cells.update(
            {
                "No": number,
                "Nama": person.name,
                "NUPTK": person.nuptk,
                "JK": "P",
                "Tempat Lahir": SECRET_BIRTHPLACE,
                "Tanggal Lahir": dt.datetime(1980, 1, 1),
                "NIP": person.nip,
                "Jenis PTK": person.jenis_ptk,
                "Alamat Jalan": SECRET_ADDRESS,
                "HP": person.hp,
                "Email": person.email,
                "Tugas Tambahan": person.tugas_tambahan,
                "NIK": SECRET_NIK,
                "Nama Ibu Kandung": "Ibu Rahasia",
            }
        )
        sheet.append([cells[column] for column in GTK_HEADER])
    return _bytes(workbook)


def _bytes(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


_FIRST = ["Adi", "Bayu", "Citra", "Dewi", "Eka", "Fajar", "Gita", "Hadi", "Indah", "Joko", "Kartika", "Lukman", "Maya"]
_LAST = ["Pratama", "Saputra", "Lestari", "Wulandari", "Nugroho", "Hidayat", "Permata", "Santoso", "Kusuma"]


def _demo_students() -> list[Student]:
    students = []
    for index in range(30):
        first, last = _FIRST[index % len(_FIRST)], _LAST[index % len(_LAST)]
        rombel = "Kelas 7A" if index < 15 else "VII-B"
        students.append(
            Student(
                name=f"{first} {last} {chr(65 + index % 26)}",
                nisn=f"01{index + 10:08d}",
                nipd=f"2627{index + 1:03d}",
                rombel=rombel,
                father=f"Bapak {last} {index}",
                mother=f"Ibu {first} {index}",
                guardian="-" if index % 3 else "",
            )
        )
    # Two pairs of siblings, one pair across the two classes: their parents are one person each.
    students[1].father, students[1].mother = students[0].father, students[0].mother
    students[20].father, students[20].mother = students[2].father, students[2].mother
    return students


DEMO_STUDENTS = _demo_students()
DEMO_STAFF = [
    Staff("Dra. Sri Rahayu, M.Pd.", "Kepala Sekolah", nip="196805121994032003", hp="081200000001"),
    Staff(
        "Agus Setiawan, S.Pd.", "Guru Mapel", nip="198003152005011002", nuptk="1234567890123456",
        email="agus@contoh.sch.id",
    ),
    Staff("Rina Marlina, S.Pd.", "Guru Mapel", nuptk="2345678901234567", hp="081200000003"),
    Staff("Bambang Irawan, S.Kom.", "Guru TIK", nuptk="3456789012345678"),
    Staff("Yuni Astuti, S.Psi.", "Guru BK", nip="198507202010012004", tugas_tambahan="Wakil Kepala Sekolah"),
    Staff("Dedi Kurniawan, S.Pd.", "Guru Kelas", nuptk="4567890123456789"),
    Staff("Slamet Riyadi", "Tenaga Administrasi Sekolah", nip="197501012006041005"),
    Staff("Paijo", "Penjaga Sekolah"),
]  # fmt: skip
