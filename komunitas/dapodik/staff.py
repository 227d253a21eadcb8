"""Dapodik's staff list, "Daftar GTK" (GTK → Unduh): teachers and the principal; other staff are left out.

Read: Nama, NIP (else NUPTK) as the identifier, Jenis PTK and Tugas Tambahan (teacher or principal), HP (the
phone) and Email; nothing else (birth, NIK, address, salary …).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from ..models import PersonKind
from ..roster_files import MAX_ROWS, ImportFileError
from ..roster_import import Row, _fill_row, _mark_duplicates
from .headers import Cells, find_header, first_column, is_blank, number, word

NAME = ("nama", "nama lengkap", "nama ptk", "nama gtk")
KIND_WORD = {PersonKind.TEACHER: "guru", PersonKind.PRINCIPAL: "kepala sekolah"}


def fits(words: set[str]) -> bool:
    return bool(words & set(NAME)) and "jenis ptk" in words and bool(words & {"nip", "nuptk"})


def header_of(table: list[list[object]]) -> int | None:
    return find_header(table, fits)


def kind_of(staff_type: str, extra_task: str) -> str | None:
    """Jenis PTK / Tugas Tambahan → teacher or principal; None for the school's other staff."""
    for text in (word(staff_type), word(extra_task)):
        if "kepala sekolah" in text and "wakil" not in text:  # a vice-principal is a teacher
            return PersonKind.PRINCIPAL
    if word(staff_type).startswith("guru"):  # Guru Mapel, Guru Kelas, Guru BK, Guru TIK, Guru Pendamping …
        return PersonKind.TEACHER
    return None


def _email(text: str) -> str:
    try:
        validate_email(text)
    except ValidationError:
        return ""  # "-" or a typo in Dapodik: not worth refusing the whole list for
    return text


def parse(table: list[list[object]], header: int) -> list[Row]:
    columns: dict[str, int] = {}
    labels: dict[int, str] = {}
    for index, cell in enumerate(table[header]):
        if word(cell):
            columns.setdefault(word(cell), index)
            labels[index] = str(cell).strip()
    if len(table) - header - 1 > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS})
    name_column, email_column = first_column(columns, *NAME), first_column(columns, "email", "e-mail")
    rows: list[Row] = []
    for index in range(header + 1, len(table)):
        if is_blank(table[index]):
            continue
        row = Row(number=index + 1)
        read = Cells(table[index], row, labels)
        name, nip, nuptk = read(name_column), number(read(columns.get("nip"))), number(read(columns.get("nuptk")))
        staff_type, extra_task = read(columns.get("jenis ptk")), read(columns.get("tugas tambahan"))
        if not (name or nip or nuptk or staff_type):
            continue
        row.note = ", ".join(part for part in (staff_type, extra_task) if any(ch.isalpha() for ch in part))
        kind = kind_of(staff_type, extra_task)
        if kind is None:
            row.name, row.errors = name[:120], []
            row.left_out = (
                _("Left out: %(type)s is neither a teacher nor the principal.") % {"type": staff_type}
                if staff_type
                else _("Left out: no Jenis PTK.")
            )
            rows.append(row)
            continue
        phone = number(read(columns.get("hp")))
        _fill_row(row, {"name": name, "kind": KIND_WORD[kind], "identifier": nip or nuptk, "phone": phone})
        row.email = _email(read(email_column))
        row.aliases = [nuptk] if nip and nuptk else []
        # What Dapodik leaves empty stays as it is on the roster (a phone the school typed in, say).
        given = {"identifier": row.identifier, "phone": row.phone, "email": row.email}
        row.fields = ["name", "kind"] + [field for field, value in given.items() if value]
        rows.append(row)
    if not rows:
        raise ImportFileError(_("The file has a header but no rows."))
    _mark_duplicates(rows)
    return rows
