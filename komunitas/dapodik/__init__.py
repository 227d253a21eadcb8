"""Dapodik's own downloads through the roster import, as they come: the student list "Daftar PD" (Peserta Didik →
Unduh) and the staff list "Daftar GTK" (GTK → Unduh), recognised by their header's words wherever it sits.

They become the same ``roster_import.Row``s as the app's template, so the preview, the checks and ``apply_rows``
are shared. Data minimisation (UU PDP): only names, NISN/NIPD or NIP/NUPTK, the class, Jenis PTK, the phone and
e-mail of staff are read into rows; NIK, birth data, addresses, religion, income, education and jobs never leave
the uploaded file, which is not kept — they are in no row, so not in the session either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..models import PersonKind
from ..roster_import import Row, parse_rows, rows_from_session, rows_to_session
from . import staff, students

TEMPLATE, DAFTAR_PD, DAFTAR_GTK = "template", "daftar_pd", "daftar_gtk"


@dataclass
class Parsed:
    source: str  # template | daftar_pd | daftar_gtk
    rows: list[Row]

    def to_session(self) -> dict:
        return {"source": self.source, "rows": rows_to_session(self.rows)}

    @classmethod
    def from_session(cls, data: dict) -> Parsed:
        return cls(source=data["source"], rows=rows_from_session(data["rows"]))

    @property
    def classes(self) -> list[tuple[str, int]]:
        """(class, how many students) of a Daftar PD of several classes, in grade order: what the preview offers
        to tick."""
        if self.source != DAFTAR_PD:
            return []
        counts: dict[str, int] = {}
        for row in self.rows:
            if row.kind == PersonKind.STUDENT and row.class_name:
                counts[row.class_name] = counts.get(row.class_name, 0) + 1
        found = sorted(counts.items(), key=lambda item: _grade_order(item[0]))
        return found if len(found) > 1 else []  # one class: nothing to choose

    def only_classes(self, chosen: set[str]) -> list[Row]:
        """The rows of the chosen classes' students and of their parents (linked to those children only); staff
        rows, and students whose class could not be read (their error must show), whatever is chosen."""
        if not self.classes:
            return self.rows
        kept = {
            row.identifier or row.name
            for row in self.rows
            if row.kind == PersonKind.STUDENT and (row.class_name in chosen or not row.class_name)
        }
        rows = []
        for row in self.rows:
            if row.kind == PersonKind.STUDENT and (row.identifier or row.name) not in kept:
                continue
            if row.kind == PersonKind.PARENT and row.family:
                children = [ref for ref in row.parent_of if ref in kept]
                if not children:
                    continue
                row = Row(**{**vars(row), "parent_of": children, "errors": list(row.errors)})
            rows.append(row)
        return rows


def _grade_order(class_name: str) -> tuple[int, str]:
    grade = re.match(r"\d+", class_name)
    return (int(grade.group()) if grade else 99, class_name)


def parse_table(table: list[list[object]]) -> Parsed:
    """Whichever the file is: a Daftar PD, a Daftar GTK, or the app's template (its errors if none fits)."""
    header = students.header_of(table)
    if header is not None:
        return Parsed(DAFTAR_PD, students.parse(table, header))
    header = staff.header_of(table)
    if header is not None:
        return Parsed(DAFTAR_GTK, staff.parse(table, header))
    return Parsed(TEMPLATE, parse_rows(table))


def describe(rows: list[Row]) -> None:
    """Say on each Dapodik parent's row whose parent they are, by the children's names (the rows hold NISNs)."""
    names = {row.identifier or row.name: row.name for row in rows if row.kind == PersonKind.STUDENT}
    for row in rows:
        if not row.relation:
            continue
        children = ", ".join(names.get(ref, ref) for ref in row.parent_of)
        if row.relation == "father":
            row.note = _("Father of %(children)s") % {"children": children}
        elif row.relation == "mother":
            row.note = _("Mother of %(children)s") % {"children": children}
        else:
            row.note = _("Guardian of %(children)s") % {"children": children}
