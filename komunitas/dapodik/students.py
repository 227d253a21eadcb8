"""Dapodik's student list, "Daftar PD" (Peserta Didik → Unduh): each student, their class and their parents.

Two header layouts are read: Dapodik's own two rows ("Data Ayah", "Data Ibu", "Data Wali" each merged over six
columns, with Nama, Tahun Lahir, Jenjang Pendidikan, … below them), and a flattened row ("Nama Ayah", "Nama Ibu",
"Nama Wali"). Only the student's name, NISN (else NIPD), class ("Rombel Saat Ini") and the parents' names are read.

A parent of several children at the school is one person when the family matches: a father across two children
when his name and the mother's name both match, a mother when hers and the father's match, a guardian when hers
and both parents' match. With no other parent's name to tell families apart, a parent is not merged across
children: two records of one parent are easily mended, one parent linked to a stranger's child is a leak.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..models import PersonKind
from ..roster_files import MAX_ROWS, ImportFileError
from ..roster_import import Row, _fill_row, _mark_duplicates
from .headers import Cells, find_header, first_column, is_blank, number, word

NAME = ("nama", "nama peserta didik", "nama siswa", "nama lengkap")
CLASS = ("rombel saat ini", "rombel")
NUMBERS = {"nisn", "nipd"}
GROUPS = {
    "data ayah": "father",
    "data ayah kandung": "father",
    "data ibu": "mother",
    "data ibu kandung": "mother",
    "data wali": "guardian",
}
FLAT = {
    "nama ayah": "father",
    "nama ayah kandung": "father",
    "nama ibu": "mother",
    "nama ibu kandung": "mother",
    "nama wali": "guardian",
}
PARTNERS = {"father": ("mother",), "mother": ("father",), "guardian": ("father", "mother")}
# What operators type where a parent is unknown; a "name" without a letter ("0", "-", "---") is skipped too.
PLACEHOLDERS = {
    "tidak ada",
    "tidak diketahui",
    "tdk ada",
    "tdk diketahui",
    "tidak tahu",
    "belum ada",
    "kosong",
    "n/a",
    "na",
    "null",
    "none",
    "nihil",
}


def fits(words: set[str]) -> bool:
    return bool(words & set(NAME)) and bool(words & set(CLASS)) and bool(words & NUMBERS)


def header_of(table: list[list[object]]) -> int | None:
    return find_header(table, fits)


def _columns(table: list[list[object]], header: int) -> tuple[dict[str, int], dict[int, str], int]:
    """Column of each header word (a parent's name as "father" …), the columns' labels, the first data row."""
    top = table[header]
    grouped = any(word(cell) in GROUPS for cell in top)
    below = table[header + 1] if grouped and header + 1 < len(table) else []
    columns: dict[str, int] = {}
    labels: dict[int, str] = {}
    group, group_label = None, ""
    for index, cell in enumerate(top):
        text = word(cell)
        if text:  # a merged group cell holds its text in its first column only; the rest read None
            group, group_label = GROUPS.get(text), str(cell).strip()
            if group is None:
                columns.setdefault(text, index)
                labels[index] = str(cell).strip()
                continue
        if group and index < len(below) and word(below[index]) == "nama":
            columns.setdefault(group, index)
            labels[index] = f"{group_label}: {below[index]}"
    for text, relation in FLAT.items():
        if text in columns:
            columns.setdefault(relation, columns[text])
    return columns, labels, header + (2 if grouped else 1)


def parent_name(text: str) -> str:
    if not any(ch.isalpha() for ch in text) or text.casefold().strip(" .") in PLACEHOLDERS:
        return ""
    return text


def _family(relation: str, names: dict[str, str], child: str) -> str:
    known = [f"{other}:{names[other].casefold()}" for other in PARTNERS[relation] if names[other]]
    return "|".join([relation, *known]) if known else f"{relation}|child:{child.casefold()}"


def parse(table: list[list[object]], header: int) -> list[Row]:
    """Students and their parents as rows, in the file's order (a parent after their first child)."""
    columns, labels, start = _columns(table, header)
    if len(table) - start > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)s rows; split it.") % {"max": MAX_ROWS})
    name_column, class_column = first_column(columns, *NAME), first_column(columns, *CLASS)
    rows: list[Row] = []
    parents: dict[tuple, Row] = {}
    for index in range(start, len(table)):
        if is_blank(table[index]):
            continue
        student = Row(number=index + 1)  # as Excel numbers it
        read = Cells(table[index], student, labels)
        name, nisn, nipd = read(name_column), number(read(columns.get("nisn"))), number(read(columns.get("nipd")))
        class_text = read(class_column)
        if not (name or nisn or nipd or class_text):
            continue  # a footnote or a total under the list
        values = {"name": name, "kind": "siswa", "identifier": nisn or nipd, "class_name": class_text}
        _fill_row(student, values)
        student.aliases = [nipd] if nisn and nipd else []
        student.fields = ["name", "kind", "class_name"] + (["identifier"] if student.identifier else [])
        rows.append(student)
        names = {relation: parent_name(read(columns.get(relation))) for relation in PARTNERS}
        if names["guardian"].casefold() in {names["father"].casefold(), names["mother"].casefold()}:
            names["guardian"] = ""  # the guardian column repeats a parent
        child = student.identifier or student.name
        for relation, name in names.items():
            if not name:
                continue
            family = _family(relation, names, child)
            parent = parents.get((name.casefold(), family))
            if parent is None:
                parent = Row(number=student.number, relation=relation, family=family, fields=["name", "kind"])
                _fill_row(parent, {"name": name, "kind": "orang tua"})
                parents[(name.casefold(), family)] = parent
                rows.append(parent)
            if child and child not in parent.parent_of:
                parent.parent_of.append(child)
    if not any(row.kind == PersonKind.STUDENT for row in rows):
        raise ImportFileError(_("The file has a header but no rows."))
    _mark_duplicates(rows)
    return rows
